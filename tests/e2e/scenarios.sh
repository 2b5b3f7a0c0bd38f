#!/bin/sh
# scenarios.sh: every bundled scenario played to an ending through the plain
# mode, on the expert path and on a poor path, at the scenario's own level;
# the expert path must end well and op or boven doel on every rated
# competency, and at least four competencies must be rated.
. "$KC_SRC/tests/e2e/lib.sh"

# expert_rating ID LOG: the competency table of the finished expert session.
expert_rating() {
	why=$(kc show "$(basename "$2" .csv)" | sed -n '/^competentie	/,/^Laten zien/p')
	expect_not_contains "$1 expert at level $KLANTCOACH_LEVEL not onder doel" "$why" "onder doel"
	rated=$(printf '%s\n' "$why" | grep -c '	op doel$\|	boven doel$')
	[ "$rated" -ge 4 ] && ok || fail "$1 rates $rated competencies, fewer than 4"
}

export KLANTCOACH_DATA="$T/data"
n=$(ls "$KC_SRC"/content/scenarios/*.ini | wc -l)
expect_eq "every bundled scenario loads" "$(kc list | grep -c '^scenario')" "$n"
for id in $(kc list | awk -F'\t' '$1 == "scenario" {print $2}'); do
	KLANTCOACH_LEVEL=$(kc list | awk -F'\t' -v id="$id" '$1 == "scenario" && $2 == id {print $5}')
	export KLANTCOACH_LEVEL
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
		[ "$kind" = expert ] && expert_rating "$id" "$log"
		[ "$kind" = poor ] && expect_not_contains "$id poor path differs" "$tone" "goed"
	done
done
finish
