#!/bin/sh
# safety.sh: a scenario with a content notice and help (issue 16): the
# notice in list, before the first step and on the card; x stops without
# a result at any moment (status gestopt in the log, not resumable, no
# reflection, left out of report scores); help in the reflection (plain,
# show, screens). The fixture is the mini content plus proef-boos.
. "$KC_SRC/tests/e2e/lib.sh"
command -v tmux >/dev/null 2>&1 || { fail "tmux is not installed"; finish; exit 1; }
trap 'tm_stop; rm -rf "$T"' EXIT

C="$T/content"
mini_notice "$C"
export KLANTCOACH_DATA="$T/data" KLANTCOACH_LEVEL=B
S="$T/data/sessions"
mini() { "$KC_BIN" --content "$C" "$@"; }
NOTICE="Proef wordt boos en scheldt. Je kunt altijd stoppen."
HELP="Praat na met je teamleider. Denk je aan zelfdoding? Bel 113 of 0800-0113."

# list: a line with the notice after its scenario.
out=$(mini list)
expect_contains "list marks the notice" "$out" "scenario	proef-boos	proef	telefoon	B	2	Proef is boos
waarschuwing	proef-boos	$NOTICE"
expect_eq "list: no notice, no line" "$(printf '%s\n' "$out" | grep -c '^waarschuwing')" 1

# Plain: the notice before the first step, x in the prompt and the help;
# x after one choice stops without a result.
out=$(printf '?\n1\nx\n' | mini --plain --name Sanne play --volgorde vast proef-boos 2>&1); rc=$?
expect_eq "plain stop exit" "$rc" 0
expect_contains "plain notice before the first step" "$out" "Let op: $NOTICE
Je kunt op elk moment stoppen met x; dan telt de sessie niet mee.

Stap 1"
expect_contains "plain prompt says how to stop" "$out" \
	"Keuze (1-3, t, ? of q; x = stoppen zonder resultaat): "
expect_contains "plain help names x" "$out" "x = stoppen zonder resultaat"
expect_contains "plain stopped at step 2" "$out" "Stap 2 van ca. 2"
expect_contains "plain stop says it does not count, and where help is" "$out" \
	"Gestopt zonder resultaat. Deze sessie telt niet mee.

== Waar vind je hulp? ==
$HELP"
expect_not_contains "plain stop has no reflection" "$out" "== Reflectie =="
stopped=$(ls "$S"/*.csv)
id=$(basename "$stopped" .csv)
expect_eq "log ends with the status gestopt" "$(tail -n 1 "$stopped" | cut -d, -f1,9,10)" \
	"meta,status,gestopt"
expect_eq "log keeps the choice before the stop" "$(grep -c '^keuze,' "$stopped")" 1

# Not offered or accepted for resume; no reflection to show.
out=$(mini --plain --name Sanne resume < /dev/null 2>&1); rc=$?
expect_eq "resume skips a stopped session" "$rc" 1
expect_contains "resume: none unfinished" "$out" "geen onderbroken sessie"
lines=$(wc -l < "$stopped")
out=$(mini --plain --name Sanne resume "$id" < /dev/null 2>&1); rc=$?
expect_eq "resume of a stopped session exit" "$rc" 1
expect_contains "resume of a stopped session" "$out" \
	"$stopped: fout: deze sessie is gestopt zonder resultaat en kan niet verder"
expect_eq "a refused resume writes nothing" "$(wc -l < "$stopped")" "$lines"
out=$(mini --plain show "$id" 2>&1); rc=$?
expect_eq "show of a stopped session exit" "$rc" 1
expect_contains "show of a stopped session" "$out" "gestopt zonder resultaat; er is geen reflectie"

# The plain picker shows the notice under its scenario.
out=$(printf '1\n2\nq\n' | KLANTCOACH_DATA="$T/pick" \
	mini --plain --name Sanne play 2>&1)
expect_contains "plain picker shows the card" "$out" \
	"2. Proef is boos (telefoon, niveau B, ca. 2 stappen)"
expect_contains "plain picker shows the notice" "$out" "Let op: $NOTICE

Kies een gesprek (1-2): "

# A scenario without a notice offers no x.
out=$(printf 'x\nq\n' | mini --plain --name Sanne play --volgorde vast proef-basis 2>&1)
expect_contains "no notice: x is no choice" "$out" "Ongeldige keuze: x
Kies 1 tot en met 3, of t, ? of q."
expect_not_contains "no notice: no x in the prompt" "$out" "zonder resultaat"
rm -f "$S"/*proef-basis*

# Played to the end: help in the reflection and in show.
out=$(printf '1\n1\n\n\n\n\n\n\n' | mini --plain --name Sanne play --volgorde vast proef-boos 2>&1)
expect_contains "plain reflection names where help is" "$out" "== Reflectie ==
== Waar vind je hulp? ==
$HELP

== Hoe voelde het? =="
done=$(ls "$S"/*.csv | grep -v "$id")
out=$(mini --plain show "$(basename "$done" .csv)" 2>&1)
expect_contains "show names where help is" "$out" "Cursist: Sanne

== Waar vind je hulp? ==
$HELP

Einde van het gesprek (goed)"

# Report: the stopped session is listed as gestopt without levels, and
# its choice is not counted in the steps table; the finished one is.
mini report --format csv "$S" > "$T/r.csv" 2>&1
expect_contains "report status gestopt, no levels" "$(cat "$T/r.csv")" \
	"$id,Sanne,proef,proef-boos,oefenen,B,2023-11-14T22:13:20Z,gestopt,,6,5,3,1,0,"
mini report --format csv --tabel stappen "$S" > "$T/steps.csv" 2>&1
expect_contains "report: only the finished session counts" \
	"$(tr -d '\r' < "$T/steps.csv")" "proef-boos,begin,1,"
expect_eq "report: one choice at step begin" \
	"$(tr -d '\r' < "$T/steps.csv" | awk -F, '$1 == "proef-boos" && $2 == "begin" && $3 == 1 {print $(NF-2)}')" 1
out=$(mini --plain review "$S" < /dev/null 2>&1)
expect_contains "review lists the stop" "$out" "gestopt"

# Screens: the notice on the card and before the start, x in the footer,
# the stop and where help is, gestopt on the home screen and not opened.
rm -f "$S"/*.csv
run="env HOME=$HOME KLANTCOACH_DATA=$T/data KLANTCOACH_NAME=Sanne KLANTCOACH_LEVEL=B LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color"
tm_start "$run $KC_BIN --content $C --volgorde vast; echo EXIT=\$? > $T/exit; sleep 30"
expect_screen "home" "Nieuw gesprek oefenen"
tm_keys Enter
expect_screen "persona" "Proef, 40 jaar."
tm_keys Enter
expect_screen "notice on the card" "Let op: $NOTICE"
tm_keys Down Enter
expect_screen "notice before the start" "Je kunt op elk moment stoppen met x; dan telt de sessie niet mee."
tm_keys Enter
expect_screen "footer says how to stop" "q stoppen, x stoppen zonder resultaat"
tm_keys 1
expect_screen "footer after a choice" "Enter verder, t terug, x stoppen zonder resultaat"
tm_keys x
expect_screen "stopped" "Gestopt zonder resultaat"
expect_screen "stopped: does not count" "Deze sessie telt niet mee."
expect_screen "stopped: where help is" "Praat na met je teamleider."
expect_eq "screens: log ends with gestopt" "$(tail -n 1 "$S"/*.csv | cut -d, -f9,10)" "status,gestopt"
tm_keys Enter
expect_screen "home lists the stop" "gestopt"
tm_keys Down Enter
expect_screen "a stopped session is not opened" "Deze sessie is gestopt zonder resultaat"
tm_keys Up Enter Enter Down Enter Enter 1 Enter 1
expect_screen "screens: the last response" "Enter naar het einde"
tm_keys Enter
expect_screen "reflection: the ending" "Einde van het gesprek (goed)"
expect_screen "reflection: where help is" "Waar vind je hulp?"
expect_screen "reflection: help text" "Praat na met je teamleider."
tm_stop
finish
