#!/bin/sh
# start.sh: starting where the command line says, in plain mode and in the
# screens alike: `play SCENARIO` (with and without --mode) and `resume ID`;
# an unknown id is exit 1 with the nearest id, before anything is asked or
# drawn; every hint that names a session gives its id; the first-run level
# prompt of plain mode (lower case, end of input); the scenario list starts
# at the trainee's level.
. "$KC_SRC/tests/e2e/lib.sh"
command -v tmux >/dev/null 2>&1 || { fail "tmux is not installed"; finish; exit 1; }
trap 'tm_stop; rm -rf "$T"' EXIT
export KLANTCOACH_DATA="$T/data"
mini() { "$KC_BIN" --content "$FIX/mini" "$@"; }
ini="$HOME/.config/klantcoach/klantcoach.ini"

# Plain, first run: an unknown scenario is refused before the name is asked.
for how in --plain ""; do
	out=$(printf 'Anouk\nb\n' | kc $how play denzel-telefoon 2>"$T/err"); rc=$?
	expect_eq "unknown scenario exit ($how)" "$rc" 1
	expect_eq "nothing asked ($how)" "$out" ""
	expect_contains "unknown scenario named, nearest ($how)" "$(cat "$T/err")" \
		"onbekend scenario 'denzel-telefoon' (bedoel je denzell-telefoon?)"
done
out=$(kc --plain play bestaatniet 2>&1 < /dev/null); rc=$?
expect_eq "far-off scenario exit" "$rc" 1
expect_contains "far-off scenario: no guess" "$out" \
	"onbekend scenario 'bestaatniet'; alle scenario's: 'klantcoach list'"
expect_eq "no session made" "$(ls "$T/data/sessions" 2>/dev/null | wc -l)" 0

# The level prompt: end of input stops with a message, nothing is made.
out=$(printf 'Anouk\n' | mini --plain play proef-basis 2>&1); rc=$?
expect_eq "end of input at the level prompt exit" "$rc" 0
expect_contains "end of input said" "$out" \
	"Gestopt voordat het gesprek begon (einde van de invoer); er is geen sessie gemaakt."
expect_eq "no session after end of input" "$(ls "$T/data/sessions" 2>/dev/null | wc -l)" 0
# Lower case is accepted and stored in upper case.
out=$(printf 'Anouk\nb\nq\n' | mini --plain play --volgorde vast proef-basis 2>&1); rc=$?
expect_eq "lower-case level exit" "$rc" 0
expect_not_contains "lower-case level accepted" "$out" "Typ A, B of C."
expect_contains "lower-case level stored" "$(cat "$ini")" "niveau = B"
id=$(basename "$(ls "$T"/data/sessions/*.csv)" .csv)
expect_contains "stop hint has the id" "$out" "Verder spelen: klantcoach resume $id"
out=$(printf '?\nq\n' | mini --plain resume "$id" 2>&1)
expect_contains "help's resume hint has the id" "$out" "verder met 'klantcoach resume $id'"

# Hints that name a session give its id.
out=$(mini show "$id" 2>&1); rc=$?
expect_eq "show unfinished exit" "$rc" 1
expect_contains "show unfinished: resume with id" "$out" "'klantcoach resume $id'"
out=$(printf '1\n1\nprima\n\n\n\n\n\n\n' | mini --plain resume "$id" 2>&1); rc=$?
expect_eq "finish by resume exit" "$rc" 0
expect_contains "end hint has the id" "$out" "Terugkijken: klantcoach show $id"
expect_eq "the end hint works" "$(mini show "$id" > /dev/null 2>&1; echo $?)" 0
out=$(mini resume "$id" 2>&1); rc=$?
expect_contains "resume finished: show with id" "$out" "'klantcoach show $id'"

# Unknown sessions: the nearest id, in plain and screen paths alike.
typo=$(printf '%s' "$id" | sed 's/proef-basis/proef-basi/')
for how in --plain ""; do
	out=$(mini $how resume "$typo" 2>&1 < /dev/null); rc=$?
	expect_eq "unknown session exit ($how)" "$rc" 1
	expect_contains "unknown session, nearest ($how)" "$out" \
		"sessie '$typo' niet gevonden in $T/data/sessions (bedoel je $id?)"
done
out=$(mini show proef-basis 2>&1); rc=$?
expect_eq "show by scenario id exit" "$rc" 1
expect_contains "show by scenario id: its session" "$out" "(bedoel je $id?)"

# The screens: play SCENARIO after the first-run questions opens its mode
# screen; the quit notice gives the id.
rm -rf "$HOME/.config" "$T/data"
run="env HOME=$HOME KLANTCOACH_DATA=$T/data LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color"
tm_start "$run $KC_BIN --content $KC_SRC --volgorde vast play denzell-telefoon; echo EXIT=\$? > $T/exit; sleep 30"
expect_screen "first start" "Wat is je naam?"
tm_keys "Anouk" Enter
expect_screen "level question" "Wat is je functieniveau?"
tm_keys Enter
expect_screen "mode screen of the scenario" "oefenen of toets?"
expect_screen "the named scenario" "Vastgelopen op de website"
tm_keys Enter
expect_screen "plays the named scenario" "oefenen, stap 1 van ca. 9"
tm_keys q j
wait_file "$T/exit" "EXIT=0" && ok || fail "TUI play SCENARIO did not exit 0"
id=$(basename "$(ls "$T"/data/sessions/*.csv)" .csv)
expect_contains "scenario of the session" "$id" "denzell-telefoon"
expect_screen "quit notice has the id" "klantcoach resume"
expect_eq "quit notice id" "$(tm_screen | tr -d '\n' | grep -c "$id")" 1
tm_stop

# With --mode: straight into play, in that mode.
tm_start "$run $KC_BIN --content $KC_SRC --mode toets play frank-email; sleep 30"
expect_screen "--mode toets plays at once" "toets, stap 1 van"
tm_stop
# A scenario with a content notice still shows it first.
tm_start "$run $KC_BIN --content $KC_SRC --mode toets play noor-crisis; sleep 30"
expect_screen "notice before play" "Dit scenario gaat over zelfdoding"
expect_screen "on the mode screen" "oefenen of toets?"
tm_stop

# resume ID opens that session; an unknown one is an error before drawing.
tm_start "$run $KC_BIN --content $KC_SRC resume $id; echo EXIT=\$? > $T/exit; sleep 30"
expect_screen "resume ID" "oefenen, stap 1 van ca. 9"
tm_stop
rm -f "$T/exit"
tm_start "$run $KC_BIN --content $KC_SRC resume ${id}x; echo EXIT=\$? > $T/exit; sleep 30"
wait_file "$T/exit" "EXIT=1" && ok || fail "TUI resume of an unknown id did not exit 1"
expect_screen "TUI unknown session, nearest" "(bedoel je"
tm_stop
rm -f "$T/exit"
tm_start "$run $KC_BIN --content $KC_SRC play denzel-telefoon; echo EXIT=\$? > $T/exit; sleep 30"
wait_file "$T/exit" "EXIT=1" && ok || fail "TUI play of an unknown id did not exit 1"
expect_screen "TUI unknown scenario, nearest" "(bedoel je denzell-telefoon?)"
tm_stop

# The end of a reflection in the screens: the notice says how to look back.
rm -rf "$T/data"
tm_start "$run KLANTCOACH_NAME=Anouk KLANTCOACH_LEVEL=B $KC_BIN --content $FIX/mini --volgorde vast --mode oefenen play proef-basis; echo EXIT=\$? > $T/exit; sleep 30"
tm_mini_reflect
i=0
while [ $i -lt 15 ] && ! tm_screen | grep -q "Je reflectie is bewaard"; do
	if tm_screen | grep -q "Tab bewaren"; then tm_keys ok Tab; else tm_keys PgDn; fi
	sleep 0.3; i=$((i + 1))
done
expect_screen "reflection done" "Je reflectie is bewaard"
tm_keys q j
wait_file "$T/exit" "EXIT=0" && ok || fail "TUI reflection did not exit 0"
id=$(basename "$(ls "$T"/data/sessions/*.csv)" .csv)
expect_screen "done notice" "Terugkijken: klantcoach show"
expect_eq "done notice id" "$(tm_screen | tr -d '\n' | grep -c "$id")" 1
tm_stop

# The first-run name in the screens: only spaces is refused with a clear
# message; quotes, ';' and '#' are stored safely and read back.
rm -rf "$HOME/.config"
tm_start "$run $KC_BIN --content $FIX/mini; echo EXIT=\$? > $T/exit; sleep 30"
expect_screen "TUI first start" "Wat is je naam?"
tm_keys "   " Enter
expect_screen "spaces refused" "een naam mag niet leeg zijn of alleen spaties hebben"
tm_keys BSpace BSpace BSpace 'José "Joop" van Dijk; team #3' Enter
expect_screen "TUI level" "Wat is je functieniveau?"
tm_keys Enter
expect_screen "TUI home" "Nieuw gesprek oefenen"
tm_stop
expect_contains "TUI name stored quoted" "$(cat "$ini")" \
	'naam = "José \x22Joop\x22 van Dijk; team #3"'
tm_start "$run $KC_BIN --content $FIX/mini; sleep 30"
expect_screen "name read back: home at once" "Nieuw gesprek oefenen"
expect_screen "the name shown" 'José "Joop" van Dijk; team #3'
tm_stop

# A config with lines that cannot be read: the screens still open, say so
# on the first screen, and after closing say how to repair or reset it.
printf '[cursist]\nnaam = Jan\nPiet\nniveau = C\n' > "$ini"
rm -f "$T/exit"
tm_start "$run $KC_BIN --content $FIX/mini; echo EXIT=\$? > $T/exit; sleep 30"
expect_screen "broken config: home" "Nieuw gesprek oefenen"
expect_screen "broken config: notice" "Let op: regel 3 van"
tm_keys x q
wait_file "$T/exit" "EXIT=0" && ok || fail "TUI with a broken config did not exit 0"
expect_screen "broken config: repair after closing" "herstel regel 3 van"
expect_eq "reset command after closing" \
	"$(tm_screen | tr -d '\n' | grep -c "mv '$ini' '$ini.oud'")" 1
tm_stop

# The scenario list marks the scenarios at the trainee's level and starts
# on the first of them (TRAINEE-UX 12): for level A, Denzell's list
# (chat C, gemeente B, telefoon A, terugbellen B) starts on telefoon. Back
# from the mode screen the list is on the scenario chosen.
rm -f "$ini"
tm_start "$run KLANTCOACH_NAME=Anouk KLANTCOACH_LEVEL=A $KC_BIN \
	--content $KC_SRC; sleep 30"
expect_screen "level A: home" "Nieuw gesprek oefenen"
tm_keys Enter
expect_screen "level A: personas" "Denzell, 35 jaar."
tm_keys Enter
expect_screen "level A: Denzell's scenarios" "gesprekken met Denzell"
expect_eq "one scenario marked at level A" \
	"$(tm_screen | grep -c 'Past bij jouw niveau\.')" 1
tm_keys Enter
expect_screen "the cursor started at level A" "Vastgelopen op de website"
tm_keys Escape Up Enter
expect_screen "another scenario chosen" "Bij de gemeente"
tm_keys Escape
expect_screen "back on the list" "gesprekken met Denzell"
tm_keys Enter
expect_screen "back on the scenario chosen" "Bij de gemeente"
tm_stop
finish
