#!/bin/sh
# testwise.sh: a trainee who reads nothing must not pass the assessment.
# Every bundled scenario is played in toets, through the real program's
# plain mode, by strategies that look only at the options' places and
# lengths (tests/tools/strategy.c): always the first option shown, always
# the longest text, always the shortest, and random. Each plays over
# several fixed test seeds, so the options are shuffled as a trainee gets
# them. Prints per strategy the share of plays that end "goed" (and, for
# information, the same in file order in practice mode); fails when
# "always first", "always the longest" or "always the shortest" ends well
# in more than 20% of the plays.
. "$KC_SRC/tests/e2e/lib.sh"

SEEDS=${TESTWISE_SEEDS:-1 2 3 4}
export KLANTCOACH_LEVEL=B
ids=$(kc list | awk -F'\t' '$1 == "scenario" {print $2}')

# share ORDER STRATEGY: prints "good plays" over all scenarios and seeds;
# ORDER geschud plays the assessment, vast practice in file order.
share() {
	good=0; plays=0; seeds=$SEEDS
	case $1 in
	geschud) how="--mode toets" ;;
	*) how="--mode oefenen --volgorde vast"
	   [ "$2" = random ] || seeds=1 ;;	# the file order has no seed
	esac
	for id in $ids; do
		for seed in $seeds; do
			# $how is split into words on purpose.
			tone=$(KLANTCOACH_SEED=$seed KLANTCOACH_DATA="$T/$1-$2-$seed" \
				"$KC_STRATEGY" "$2" "$seed" "$KC_BIN" --content "$KC_SRC" \
				--plain --name Tester $how play "$id" 2>/dev/null) ||
				fail "$2 $id seed $seed: no ending"
			plays=$((plays + 1))
			[ "$tone" = goed ] && good=$((good + 1))
		done
	done
	echo "$good $plays"
}

percent() { echo $(( ($1 * 100 + $2 / 2) / $2 )); }

for how in first longest shortest random; do
	set -- $(share geschud "$how")
	eval "good_$how=$1 plays_$how=$2"
	set -- $(share vast "$how")
	printf 'toets, geschud: %-8s %3d%% goed (%d van %d); oefenen in bestandsvolgorde: %3d%% (%d van %d)\n' \
		"$how" "$(percent "$(eval echo \$good_$how)" "$(eval echo \$plays_$how)")" \
		"$(eval echo \$good_$how)" "$(eval echo \$plays_$how)" \
		"$(percent "$1" "$2")" "$1" "$2"
done

# Each play is a real session: its log says toets, shuffled, and show
# reports the same ending the strategy saw.
log=$(ls "$T"/geschud-first-1/sessions/*.csv | head -n 1)
expect_contains "toets log is shuffled" "$(cat "$log")" ",volgorde,geschud"
expect_contains "toets log is toets" "$(cat "$log")" ",modus,toets"
tone=$(KLANTCOACH_SEED=1 KLANTCOACH_DATA="$T/again" "$KC_STRATEGY" first 1 \
	"$KC_BIN" --content "$KC_SRC" --plain --name Tester --mode toets \
	play "$(sed -n 's/^meta,[^,]*,,,,,,,scenario,//p' "$log")")
expect_contains "show agrees with the play" "$(kc show "$log" 2>&1)" "Einde van het gesprek ($tone)"

for how in first longest shortest; do
	share=$(percent "$(eval echo \$good_$how)" "$(eval echo \$plays_$how)")
	if [ "$share" -le 20 ]; then ok; else
		fail "always $how ends well in $share% of the plays (at most 20%)"
	fi
done
finish
