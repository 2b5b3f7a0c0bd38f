#!/bin/sh
# keys.sh: the keys are requests with a keymap per screen. The footer and
# the ? help show only the keys that work on the screen you are on (1-3 on
# a step with three options, no t in the test, x only with a notice); in a
# text field ? is typed and the footer says how to leave the field; in a
# past reflection q closes the screen.
. "$KC_SRC/tests/e2e/lib.sh"
command -v tmux >/dev/null 2>&1 || { fail "tmux is not installed"; finish; exit 1; }
trap 'tm_stop; rm -rf "$T"' EXIT

footer() { tm_screen | tail -n 1; }
# help_shows NAME: open ? (or F1 in a field), keep the overlay in $help.
help_of() {
	tm_keys "$1"
	tm_wait "Toetsen (een toets om dit te sluiten)" && ok || fail "help: $2"
	help=$(tm_screen)
	tm_keys Left
	i=0
	while tm_screen | grep -qF "Toetsen (een" && [ $i -lt 100 ]; do
		sleep 0.05; i=$((i + 1))
	done
}

run="env HOME=$HOME KLANTCOACH_DATA=$T/data LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color"
tm_start "$run $KC_BIN --content $FIX/mini --volgorde vast; echo EXIT=\$? > $T/exit; sleep 30"

# The name field: ? is typed, F1 helps, the footer says how to leave.
expect_screen "first start" "Wat is je naam?"
expect_footer "name: field footer" "Enter bevestigen, Esc stoppen"
expect_contains "name: F1 for help in a field" "$(footer)" "F1 hulp"
tm_keys "Anouk?"
expect_screen "name: ? is typed" "Anouk?"
help_of F1 "name field"
expect_contains "field help: ? is typed" "$help" "ook ? en q komen in de tekst"
expect_contains "field help: Esc leaves" "$help" "tekstveld verlaten"
expect_not_contains "field help: no option keys" "$help" "optie 1 kiezen"
tm_keys BSpace Enter

# The level: letters a-c are requests of this screen.
expect_footer "level footer" "a-c kiezen, Enter bevestigen"
tm_keys c Enter
expect_screen "home" "Nieuw gesprek oefenen"
expect_contains "c picks level C" "$(cat "$HOME/.config/klantcoach/klantcoach.ini")" "niveau = C"
expect_footer "home footer" "Enter openen, q stoppen"
help_of '?' "home"
expect_contains "home help: Home key" "$help" "naar het begin"
expect_not_contains "home help: no option keys" "$help" "optie 1 kiezen"
expect_not_contains "home help: no undo" "$help" "een stap terug"
tm_keys Enter
expect_footer "persona footer" "Enter verder, Esc terug"
help_of '?' "persona"
expect_not_contains "persona help: no option keys" "$help" "optie 1 kiezen"
tm_keys Enter
expect_screen "scenarios" "gesprekken met Proef"
tm_keys Enter
expect_footer "mode footer" "Enter beginnen, Esc terug"

# Practice on a step with three options and no notice.
tm_keys Enter
expect_footer "3 options: 1-3" "1-3 ↑↓ Enter kiezen, t terug, q stoppen"
expect_not_contains "no notice: no x" "$(footer)" "x stoppen"
help_of '?' "play"
expect_contains "play help: option 3" "$help" "optie 3 kiezen"
expect_not_contains "play help: no option 4" "$help" "optie 4 kiezen"
expect_not_contains "play help: no x" "$help" "stoppen zonder resultaat"
expect_not_contains "play help: no sort" "$help" "sorteren"
tm_keys 4
sleep 0.3
expect_screen "4 is not an option here" "Wat doe je?"
tm_keys q
expect_screen "q asks first (screen field)" "Stoppen? Je keuzes zijn bewaard;"
tm_keys j
wait_file "$T/exit" "EXIT=0" && ok || fail "TUI did not exit 0"
tm_stop

# The test: no t in the footer or the help, and t does nothing.
rm -f "$T/exit"
tm_start "$run $KC_BIN --content $FIX/mini play --mode toets; echo EXIT=\$? > $T/exit; sleep 30"
expect_screen "home again" "Nieuw gesprek oefenen"
tm_keys Enter
expect_screen "persona again" "Proef, 40 jaar."
tm_keys Enter
expect_screen "scenarios again" "gesprekken met Proef"
tm_keys Enter
expect_screen "mode: toets chosen" "oefenen of toets?"
tm_keys Enter
expect_screen "toets" "toets, stap 1"
expect_footer "toets footer" "1-3 ↑↓ Enter kiezen, q stoppen"
expect_not_contains "toets: no t" "$(footer)" "t terug"
help_of '?' "toets"
expect_not_contains "toets help: no undo" "$help" "een stap terug"
tm_keys 1
expect_screen "toets response" "Jij"
expect_contains "toets response: Enter" "$(footer)" "Enter "
expect_not_contains "toets response: no t" "$(footer)" "t terug"
tm_keys t
sleep 0.3
expect_not_contains "toets: t is no request" "$(tm_screen)" "niet terug"
tm_stop

# The coach: the list's own keys, the search field, the pages.
printf '1\n1\nprima\n' | "$KC_BIN" --content "$FIX/mini" --plain --name Sanne \
	--level B play --volgorde vast proef-basis >/dev/null 2>&1
tm_start "$run $KC_BIN --content $FIX/mini review; sleep 30"
expect_footer "review footer" \
	"Enter tijdlijn, s sorteren, / zoeken, g groei, c cohort, q stoppen"
help_of '?' "review"
expect_contains "review help: sort" "$help" "sorteren (review)"
expect_contains "review help: search" "$help" "zoeken (review)"
expect_not_contains "review help: no option keys" "$help" "optie 1 kiezen"
tm_keys /
expect_footer "search field footer" "Enter zoeken, Esc alles tonen"
tm_keys "?"
expect_screen "search: ? is typed" "Zoeken: ?"
tm_keys Escape
expect_footer "search left" "s sorteren"
tm_keys Enter
expect_footer "timeline footer" "f feedback, g groei, c cohort, Esc terug"
tm_keys g
expect_screen "growth" "klantcoach review: groei"
expect_not_contains "growth: no feedback key" "$(footer)" "f feedback"
tm_keys End Home Escape
expect_footer "back in the list" "s sorteren"
tm_stop

# A past reflection: q closes it (back home) instead of stopping, the
# page keys scroll; the footer and the help say so.
(printf '1\n1\n'; yes '' | head -n 20) | KLANTCOACH_DATA="$T/past" \
	KLANTCOACH_LEVEL=C "$KC_BIN" --content "$FIX/mini" --plain --name Anouk \
	play --volgorde vast proef-basis >/dev/null 2>&1
tm_start "$run KLANTCOACH_DATA=$T/past $KC_BIN --content $FIX/mini; sleep 30"
expect_screen "home with the finished session" "afgerond"
tm_keys Down Enter
expect_footer "past reflection footer" \
	"Enter verder, ↑↓ PgUp PgDn bladeren, Esc q terug"
help_of '?' "past reflection"
expect_contains "past help: q closes" "$help" "q                     dit scherm sluiten"
expect_contains "past help: Esc goes back" "$help" "terug naar het vorige scherm"
expect_contains "past help: Home" "$help" "naar het begin"
expect_not_contains "past help: q does not stop" "$help" "stoppen (je sessie"
tm_keys q
expect_screen "q: back home" "Nieuw gesprek oefenen"
tm_stop

# The intervisie: + and - are requests there, the note field types ?.
tm_start "$run $KC_BIN --content $FIX/mini --volgorde vast replay proef-basis; sleep 30"
expect_footer "replay footer" \
	"1-3 ↑↓ kiezen, + - stemmen, Enter onthullen, q stoppen"
help_of '?' "replay"
expect_contains "replay help: votes" "$help" "een stem erbij (intervisie)"
expect_not_contains "replay help: no undo" "$help" "een stap terug"
tm_keys 1 + Enter
expect_footer "reveal footer" "Enter notitie van de groep"
tm_keys Enter
expect_footer "note field footer" \
	"Enter nieuwe regel, Tab bewaren, Esc overslaan"
tm_keys "Waarom?"
expect_screen "note: ? is typed" "Waarom?"
tm_stop
finish
