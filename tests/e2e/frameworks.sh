#!/bin/sh
# frameworks.sh: `show --framework` on a session played on the expert path
# of jos-binnenloop (kap2023): the exact derived reflection in kcc2007 and
# vak2013, the scenario's own framework shown natively, and clear errors.
# After a change to jos-binnenloop or a crosswalk, regenerate the expected
# files in tests/fixtures/frameworks/ with the same show command.
. "$KC_SRC/tests/e2e/lib.sh"

export KLANTCOACH_DATA="$T/data" KLANTCOACH_LEVEL=A
"$KC_PATHS" "$KC_SRC" jos-binnenloop expert | grep -v '^#' > "$T/answers"
kc --plain --name Tester --mode oefenen play --volgorde vast jos-binnenloop \
	< "$T/answers" > /dev/null 2>&1
expect_eq "expert path played" "$?" 0
log=$(ls "$KLANTCOACH_DATA"/sessions/*-jos-binnenloop-*.csv)
id=$(basename "$log" .csv)

for fw in kcc2007 vak2013; do
	out=$(kc show --framework "$fw" "$id" 2>&1); rc=$?
	expect_eq "show --framework $fw exit" "$rc" 0
	expect_eq "show --framework $fw output" "$out" \
		"$(cat "$FIX/frameworks/jos-binnenloop-expert.$fw")"
done

# review and report show the same derived levels, labelled, with the
# number of observations; below five there is no verdict.
out=$(kc report --format md --framework kcc2007 "$KLANTCOACH_DATA/sessions")
expect_contains "report md derived note" "$out" \
	"Niveaus in Functieprofielen KCC Antwoord. Bij scenario's in een ander framework zijn ze afgeleid, indicatief, via een kruistabel: tussen haakjes het aantal waarnemingen, geen oordeel onder 5 (te weinig)."
expect_contains "report md derived row" "$out" \
	"| 9 | 9 | 9 | 2/1 (5) | te weinig (0) | te weinig (4) | te weinig (4) | te weinig (0) | te weinig (3) | te weinig (1) | te weinig (1) |"
out=$(kc report --format html --framework vak2013 "$KLANTCOACH_DATA/sessions")
expect_contains "report html derived cell" "$out" '<td class="ok">2/2 (5)</td><td>te weinig (0)</td>'
out=$(printf '1\ng\nq\n' | kc --plain review --framework vak2013 "$KLANTCOACH_DATA/sessions")
expect_contains "review growth derived" "$out" "3/2 ok (11)	te weinig (0)"
expect_contains "review growth label" "$out" \
	"Afgeleid, indicatief: tussen haakjes het aantal waarnemingen; geen oordeel onder 5."
out=$(kc report --format md --framework nope "$KLANTCOACH_DATA/sessions" 2>&1); rc=$?
expect_eq "report unknown framework exit" "$rc" 1
expect_eq "report unknown framework" "$out" "klantcoach: onbekend framework 'nope'"
out=$(kc --plain review --framework nope "$KLANTCOACH_DATA/sessions" 2>&1 < /dev/null); rc=$?
expect_eq "review unknown framework exit" "$rc" 1
expect_eq "review unknown framework" "$out" "klantcoach: onbekend framework 'nope'"

# The scenario's own framework is the ordinary reflection.
expect_eq "own framework shown natively" "$(kc show --framework kap2023 "$id")" \
	"$(kc show "$id")"

out=$(kc show --framework nope "$id" 2>&1); rc=$?
expect_eq "unknown framework exit" "$rc" 1
expect_eq "unknown framework message" "$out" "klantcoach: onbekend framework 'nope'"

# check on one crosswalk file named on the command line.
out=$(kc check "$KC_SRC/content/frameworks/crosswalk/kap2023-vak2013.csv" 2>&1); rc=$?
expect_eq "check one crosswalk exit" "$rc" 0
expect_eq "check one crosswalk" "$out" "1 bestand(en) gecontroleerd: 0 fouten, 0 waarschuwingen"
bad="$FIX/bad/crosswalk-bad/content/frameworks/crosswalk/mini-mono.csv"
out=$("$KC_BIN" --content "$FIX/crosswalk" check "$bad" 2>&1); rc=$?
expect_eq "check a bad crosswalk exit" "$rc" 1
expect_contains "check a bad crosswalk" "$out" "$bad:5: fout: sterkte '0.7' moet 1 of 0.5 zijn"
expect_contains "check a bad crosswalk count" "$out" "1 bestand(en) gecontroleerd: 7 fouten, 0 waarschuwingen"

# A crosswalk the other way round does not exist: a clear message.
mkdir -p "$T/c/content/frameworks/crosswalk"
cp -R "$FIX/crosswalk/personas" "$T/c/"
cp -R "$FIX/crosswalk/content/frameworks/mini" "$FIX/crosswalk/content/frameworks/mono" \
	"$T/c/content/frameworks/"
cp -R "$FIX/mini/content/scenarios" "$T/c/content/"
printf '1\n1\n1\n1\n1\n1\n1\n1\n' > "$T/one"
"$KC_BIN" --content "$T/c" --plain --name Tester --mode oefenen play --volgorde vast \
	proef-basis < "$T/one" > /dev/null 2>&1
id=$(basename "$(ls "$KLANTCOACH_DATA"/sessions/*-proef-basis-*.csv)" .csv)
out=$("$KC_BIN" --content "$T/c" show --framework mono "$id" 2>&1); rc=$?
expect_eq "no crosswalk exit" "$rc" 1
expect_contains "no crosswalk message" "$out" \
	"klantcoach: geen kruistabel van mini naar mono (content/frameworks/crosswalk/mini-mono.csv)"
finish
