#!/bin/sh
# crash.sh: SIGKILL a plain-mode session after k choices, for several k (and
# at random moments with CRASH_RUNS=N for the long run); after each kill the
# log parses, every choice whose next screen was shown is in it, and resume
# continues from exactly that point.
. "$KC_SRC/tests/e2e/lib.sh"

export KLANTCOACH_DATA="$T/data" KLANTCOACH_LEVEL=B KLANTCOACH_NAME=Tester
id=denzell-telefoon
"$KC_PATHS" "$KC_SRC" "$id" expert | grep -v '^#' > "$T/answers"
total=$(wc -l < "$T/answers")

crash_after() {
	k=$1
	rm -rf "$KLANTCOACH_DATA"; rm -f "$T/in"
	mkfifo "$T/in"
	: > "$T/out"	# empty now: the job's own redirection may come late
	"$KC_BIN" --content "$KC_SRC" --plain play --volgorde vast "$id" < "$T/in" > "$T/out" 2>&1 &
	pid=$!
	exec 3> "$T/in"
	n=0
	while [ $n -lt "$k" ]; do
		sed -n "$((n + 1))p" "$T/answers" >&3
		n=$((n + 1))
		wait_file "$T/out" "Stap $((n + 1)) " || { fail "no step $((n + 1)) after $n choices"; break; }
	done
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	exec 3>&-
	log=$(ls "$KLANTCOACH_DATA"/sessions/*.csv)
	expect_eq "k=$k choices in log" "$(grep -c '^keuze,' "$log")" "$k"
	out=$(kc --plain resume < /dev/null 2>&1); rc=$?
	expect_eq "k=$k resume exit" "$rc" 0
	expect_contains "k=$k resume at step $((k + 1))" "$out" "Stap $((k + 1)) "
}

for k in 1 2 3 5 $((total - 1)); do
	crash_after "$k"
done

# Ctrl-C, a closed terminal and SIGTERM end the plain mode cleanly.
for sig in INT HUP TERM; do
	rm -rf "$KLANTCOACH_DATA"; rm -f "$T/in"
	mkfifo "$T/in"
	: > "$T/out"	# empty now: the job's own redirection may come late
	"$KC_BIN" --content "$KC_SRC" --plain play --volgorde vast "$id" < "$T/in" > "$T/out" 2>&1 &
	pid=$!
	exec 3> "$T/in"
	sed -n 1p "$T/answers" >&3
	wait_file "$T/out" "Stap 2 " || fail "SIG$sig: no step 2"
	kill -$sig "$pid"
	wait "$pid"; rc=$?
	exec 3>&-
	expect_eq "SIG$sig exit 0" "$rc" 0
	expect_contains "SIG$sig says how to go on" "$(cat "$T/out")" "Gestopt. Je keuzes zijn bewaard."
	expect_eq "SIG$sig choice kept" "$(grep -c '^keuze,' "$KLANTCOACH_DATA"/sessions/*.csv)" 1
done

# A signal at any moment ends the plain mode, also one that arrives just
# before it starts waiting for the next line (a watchdog kills a hang).
i=0
while [ $i -lt 20 ]; do
	rm -rf "$KLANTCOACH_DATA"; rm -f "$T/in"
	mkfifo "$T/in"
	"$KC_BIN" --content "$KC_SRC" --plain play "$id" < "$T/in" > "$T/out" 2>&1 &
	pid=$!
	exec 3> "$T/in"
	sed -n 1p "$T/answers" >&3
	[ $((i % 2)) -eq 0 ] && sleep 0.0$i
	kill -TERM "$pid"
	( sleep 10; kill -9 "$pid" 2>/dev/null ) & dog=$!
	wait "$pid"; rc=$?
	kill "$dog" 2>/dev/null
	exec 3>&-
	# 143: killed before the handlers were installed, nothing written yet;
	# 137 would be the watchdog ending a hang.
	case $rc in 0|143) ok ;; *) fail "SIGTERM at moment $i: exit $rc" ;; esac
	i=$((i + 1))
done

# Long form: kills at random moments (CRASH_RUNS, default a few in CI).
runs=${CRASH_RUNS:-3}
r=0
while [ $r -lt "$runs" ]; do
	k=$(( $(od -An -N2 -tu2 /dev/urandom) % (total - 1) + 1 ))
	crash_after "$k"
	r=$((r + 1))
done
finish
