#!/bin/sh
# bom.sh: a UTF-8 byte-order mark at the start of a file (spreadsheets and
# some editors write one) is accepted in every file the program reads:
# personas, scenarios, framework CSVs, the config, session logs, coach
# feedback and intervisie records.
. "$KC_SRC/tests/e2e/lib.sh"

export KLANTCOACH_DATA="$T/data"
bom() {
	for f in "$@"; do
		[ -f "$f" ] || { fail "no file to mark: '$f'"; continue; }
		{ printf '\357\273\277'; cat "$f"; } > "$f.bom" && mv "$f.bom" "$f"
	done
}

# Content: every file of a copy of the mini root starts with a mark.
R="$T/root"
cp -R "$FIX/mini" "$R"
bom "$R"/personas/*.ini "$R"/content/scenarios/*.ini "$R"/content/frameworks/mini/*.csv
mini() { "$KC_BIN" --content "$R" "$@"; }
out=$(mini check 2>&1); rc=$?
expect_eq "content check exit" "$rc" 0
expect_contains "content loads" "$out" \
	"1 scenario's, 1 persona's, 1 frameworks gecontroleerd: 0 fouten, 3 waarschuwingen"
out=$(mini check "$R/personas/proef.ini" 2>&1)
expect_eq "persona recognised" "$out" "1 bestand(en) gecontroleerd: 0 fouten, 0 waarschuwingen"
expect_eq "list" "$(mini list 2>&1)" "$("$KC_BIN" --content "$FIX/mini" list 2>&1)"

# The config: name and level are read, so play does not ask for them.
cfg="$T/klantcoach.ini"
printf '\357\273\277[cursist]\nnaam = Sanne\nniveau = B\n' > "$cfg"
out=$(printf '1\nq\n' | mini --config "$cfg" --plain play --volgorde vast proef-basis 2>&1); rc=$?
expect_eq "config play exit" "$rc" 0
expect_not_contains "config name read" "$out" "Wat is je naam?"

# A session log: resumed at the same step, then shown and reported.
log=$(ls "$KLANTCOACH_DATA"/sessions/*.csv)
bom "$log"
out=$(printf '2\n\n\n\n\n\n\n' | mini --config "$cfg" --plain resume 2>&1); rc=$?
expect_eq "log resume exit" "$rc" 0
expect_contains "log resumed at step 2" "$out" "Stap 2 van ca. 2"
expect_contains "log resumed to the end" "$out" "Einde van het gesprek (matig)"
id=$(basename "$log" .csv)
out=$(mini show "$id" 2>&1); rc=$?
expect_eq "log show exit" "$rc" 0
expect_contains "log show names the ending" "$out" "matig"
out=$(mini report --format csv "$KLANTCOACH_DATA/sessions" 2>&1); rc=$?
expect_eq "log report exit" "$rc" 0
expect_not_contains "log report reads it" "$out" "overgeslagen"

# Coach feedback beside the log.
printf '1\nf 1 Mooi samengevat.\nq\n' |
	KLANTCOACH_COACH="Coach Ria" mini --plain review > /dev/null 2>&1
fb="${log%.csv}.feedback.csv"
bom "$fb"
out=$(mini show "$id" 2>&1)
expect_contains "feedback read" "$out" "Coach Ria bij stap 1"
expect_not_contains "feedback no error" "$out" "fout"

# An intervisie record, stopped and resumed.
printf '2 2 1\n9\n' | mini --plain --volgorde vast replay proef-basis > /dev/null 2>&1
rec=$(ls "$KLANTCOACH_DATA"/intervisie/*.csv)
bom "$rec"
out=$(printf '\n1\nklaar\n' | mini --plain replay "$rec" 2>&1); rc=$?
expect_eq "record resume exit" "$rc" 0
expect_contains "record resumed at step 2" "$out" "== Stap 2 =="

finish
