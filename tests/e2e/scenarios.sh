#!/bin/sh
# scenarios.sh: every bundled scenario played to an ending through the plain
# mode, on the expert path and on a poor path; the expert path must end well.
. "$KC_SRC/tests/e2e/lib.sh"

export KLANTCOACH_DATA="$T/data" KLANTCOACH_LEVEL=B
for id in $(kc list | awk -F'\t' '$1 == "scenario" {print $2}'); do
	for kind in expert poor; do
		"$KC_PATHS" "$KC_SRC" "$id" "$kind" > "$T/path" || { fail "paths $id $kind"; continue; }
		tone=$(sed -n 's/^# einde [^ ]* //p' "$T/path")
		ending=$(sed -n 's/^# einde \([^ ]*\) .*/\1/p' "$T/path")
		grep -v '^#' "$T/path" > "$T/answers"
		out=$(kc --plain --name Tester --mode oefenen play --volgorde vast "$id" < "$T/answers" 2>&1); rc=$?
		expect_eq "$id $kind exit" "$rc" 0
		expect_contains "$id $kind reaches an ending" "$out" "Einde van het gesprek ($tone)"
		log=$(ls -t "$KLANTCOACH_DATA"/sessions/*-"$id"-*.csv | head -1)
		expect_contains "$id $kind ending logged" "$(cat "$log")" ",einde,$ending"
		[ "$kind" = expert ] && expect_eq "$id expert ends well" "$tone" goed
		[ "$kind" = poor ] && expect_not_contains "$id poor path differs" "$tone" "goed"
	done
done
finish
