#!/bin/sh
# diskfull.sh: a full disk never damages what is saved. The LD_PRELOAD shim
# tests/tools/enospc.c lets write(2) put only N bytes in files (the write
# that crosses N is cut short, later ones fail with ENOSPC). For many N a
# plain session is played on that "disk"; then, with room again, the log
# reads, ends in a complete row, holds exactly the choices confirmed on
# screen, and resume goes on from there. Below the size of the start rows
# no log is left at all. The same for a late fsync error (KC_ENOSPC_FSYNC),
# coach feedback and intervisie records; and a torn last row (a crash, an
# older version) is cut off on resume and kept beside the log.
#
# Under AddressSanitizer the program refuses to start unless the ASan
# runtime comes first in the initial library list, so libasan is put
# before the shim in LD_PRELOAD (found with ldd); the shim itself is built
# without sanitizer flags.
. "$KC_SRC/tests/e2e/lib.sh"
trap 'tm_stop; rm -rf "$T"' EXIT

[ -f "${KC_ENOSPC:-}" ] || { echo "SKIP: no shim in KC_ENOSPC"; exit 77; }
PRE=$KC_ENOSPC
asan=$(ldd "$KC_BIN" 2>/dev/null | awk '/libasan/ {print $3}')
[ -n "$asan" ] && PRE="$asan $KC_ENOSPC"

# full N ARGS...: run klantcoach with room for N more bytes.
full() {
	(KC_ENOSPC_AFTER=$1 LD_PRELOAD=$PRE; export KC_ENOSPC_AFTER LD_PRELOAD
	 shift; exec "$KC_BIN" "$@")
}
# complete FILE: the file is empty or ends in a newline.
complete() { [ ! -s "$1" ] || [ "$(tail -c 1 "$1" | od -An -tx1 | tr -d ' ')" = 0a ]; }
choices_in() { grep '^keuze,' "$1" | cut -d, -f4 | tr '\n' ' '; }

export KLANTCOACH_DATA="$T/data" KLANTCOACH_LEVEL=B KLANTCOACH_NAME=Tester
S="$KLANTCOACH_DATA/sessions"
id=denzell-telefoon
"$KC_PATHS" "$KC_SRC" "$id" expert | grep -v '^#' > "$T/choices"
printf 'antwoord %s\n' 1 2 3 4 5 6 7 > "$T/answers"
cat "$T/choices" "$T/answers" > "$T/input"

# The whole session on a disk with room: its size and the options chosen.
kc --plain --volgorde vast play "$id" < "$T/input" > /dev/null 2>&1
whole=$(cat "$S"/*.csv | wc -c)
grep '^keuze,' "$S"/*.csv | cut -d, -f4 > "$T/ref"
all=$(tr '\n' ' ' < "$T/ref")
rm -rf "$S"

# A first session also keeps a copy of its scenario version (written once);
# with no room for it, nothing starts and nothing is left behind.
V="$KLANTCOACH_DATA/versies"
mv "$V" "$T/versies"
full 100 --content "$KC_SRC" --plain --volgorde vast play "$id" < "$T/input" > "$T/out" 2> "$T/err"
expect_eq "no room for the version copy: exit" "$?" 1
expect_contains "no room for the version copy: says why" "$(cat "$T/err")" \
	"scenario bewaren: schijf vol; er is geen sessie begonnen"
expect_eq "no room for the version copy: no log" "$(ls -A "$S" 2>/dev/null)" ""
expect_eq "no room for the version copy: no copy" "$(ls -A "$V")" ""
rm -rf "$V"
mv "$T/versies" "$V"

# One run on a disk with room for $1 bytes; the tag names it in failures.
play_run() {
	tag="N=$1${KC_ENOSPC_FSYNC:+ (fsync)}"
	rm -rf "$S"	# the version copy stays: it is written only once
	full "$1" --content "$KC_SRC" --plain --volgorde vast play "$id" < "$T/input" > "$T/out" 2> "$T/err"
	rc=$?
	log=$(ls "$S"/*.csv 2>/dev/null)
	if [ -z "$log" ]; then
		nolog=$((nolog + 1))
		expect_eq "$tag: exit without a log" "$rc" 1
		expect_eq "$tag: nothing left behind" "$(ls -A "$S" 2>/dev/null)" ""
		expect_contains "$tag: says why" "$(cat "$T/err")" \
			"schijf vol; er is geen sessie begonnen"
		return
	fi
	started=$((started + 1))
	shown=$(grep -o 'Stap [0-9]* van' "$T/out" | tail -n 1 | cut -d' ' -f2)
	confirmed=$shown
	grep -q 'kan keuze niet bewaren' "$T/err" && confirmed=$((shown - 1))
	if [ "$rc" -ne 0 ]; then
		expect_eq "$tag: exit" "$rc" 1
		expect_contains "$tag: names the log" "$(cat "$T/err")" "$log: kan "
		expect_contains "$tag: disk full" "$(cat "$T/err")" "niet bewaren: schijf vol"
		expect_contains "$tag: kept" "$(cat "$T/out")" "Gestopt. Je keuzes zijn bewaard."
	fi
	complete "$log" || fail "$tag: log ends in a torn row"
	expect_eq "$tag: no torn rest" "$(ls "$S" | grep -c rest)" 0
	expect_eq "$tag: confirmed choices" "$(choices_in "$log")" \
		"$(head -n "$confirmed" "$T/ref" | tr '\n' ' ')"
	if ! grep -q '^klaar,' "$log"; then
		{ tail -n +"$((confirmed + 1))" "$T/choices"; cat "$T/answers"; } |
			kc --plain resume > "$T/out" 2> "$T/err"
		expect_eq "$tag: resume exit" "$?" 0
		expect_eq "$tag: resume without warnings" "$(cat "$T/err")" ""
	fi
	expect_eq "$tag: all choices after resume" "$(choices_in "$log")" "$all"
	expect_eq "$tag: finished once" "$(grep -c '^klaar,' "$log")" 1
	kc show "$(basename "$log" .csv)" > "$T/out" 2>&1
	expect_eq "$tag: show exit" "$?" 0
}

# Every budget from nothing to a whole session and beyond (DISKFULL_STEP=1
# tries every byte; the default keeps the suite fast).
step=${DISKFULL_STEP:-13}
nolog=0 started=0 n=0
while [ "$n" -le $((whole + step)) ]; do
	play_run "$n"
	n=$((n + step))
done
[ "$nolog" -gt 3 ] && [ "$started" -gt 30 ] || fail "budgets: $nolog without log, $started started"

# fsync reports the full disk after a whole row was written.
export KC_ENOSPC_FSYNC=1
n=0
while [ "$n" -le "$whole" ]; do
	play_run "$n"
	n=$((n + 4 * step))
done
unset KC_ENOSPC_FSYNC

# A torn last row (a crash, or a version before this fix) is cut off on
# resume and kept in a private copy beside the log; the warning names it.
rm -rf "$KLANTCOACH_DATA"
head -n 3 "$T/choices" | kc --plain --volgorde vast play "$id" > /dev/null 2>&1
log=$(ls "$S"/*.csv)
sane=$(cksum < "$log")
frag='keuze,2023-11-14T22:13:20Z,uitleg,2,0,10'
printf '%s' "$frag" >> "$log"
expect_contains "torn: the reader ignores it" "$(kc show "$log" 2>&1)" \
	"laatste regel is afgebroken; genegeerd"
out=$(kc --plain resume < /dev/null 2>&1)
expect_contains "torn: cut and kept" "$out" \
	"laatste regel was afgebroken (${#frag} bytes); weggehaald en bewaard in $log.rest-20231114-221320"
expect_eq "torn: log as before" "$(cksum < "$log")" "$sane"
rest=$(ls "$log".rest-*)
expect_eq "torn: copy holds the fragment" "$(cat "$rest")" "$frag"
expect_eq "torn: copy private" "$(stat -c %a "$rest")" 600
# A torn quoted field with a newline in it: cut at the start of its row.
frag='antwoord,2023-11-14T22:13:20Z,,,,,,,gevoel,"regel een
regel'
printf '%s' "$frag" >> "$log"
out=$(kc --plain resume < /dev/null 2>&1)
expect_contains "torn quoted: second copy" "$out" "bewaard in $log.rest-20231114-221320-2"
expect_eq "torn quoted: log as before" "$(cksum < "$log")" "$sane"
expect_eq "torn quoted: copy" "$(cat "$log.rest-20231114-221320-2")" "$frag"
{ tail -n +4 "$T/choices"; cat "$T/answers"; } | kc --plain resume > /dev/null 2>&1
expect_eq "torn: resume goes on" "$(choices_in "$log")" "$all"
expect_eq "torn: sessions listed" "$(kc list 2>&1 | grep -c 'rest-')" 0

# The screens say it too, when a torn session is opened from the start.
rm -rf "$KLANTCOACH_DATA"
head -n 3 "$T/choices" | kc --plain --volgorde vast play "$id" > /dev/null 2>&1
log=$(ls "$S"/*.csv)
printf 'keuze,2023' >> "$log"
tm_start "env HOME=$HOME KLANTCOACH_DATA=$KLANTCOACH_DATA KLANTCOACH_NAME=Tester \
KLANTCOACH_LEVEL=B LANG=C.UTF-8 TERM=xterm $KC_BIN --content $KC_SRC; sleep 30" 200 30
expect_screen "tui: home" "Nieuw gesprek oefenen"
tm_keys Down Enter
expect_screen "tui: torn row named" "(10 bytes); weggehaald en bewaard in"
expect_screen "tui: on the next step" "stap 4 van ca. 9"
tm_stop
expect_eq "tui: copy kept" "$(cat "$log".rest-*)" "keuze,2023"

# Coach feedback: each "f" either is saved or says the disk is full; the
# file stays readable, with exactly the saved items. First the new file
# (none left when its header does not fit), then rows added to it.
mini() { "$KC_BIN" --content "$FIX/mini" "$@"; }
rm -rf "$KLANTCOACH_DATA"
printf '1\n1\nprima\n' | mini --plain --volgorde vast play proef-basis > /dev/null 2>&1
log=$(ls "$S"/*.csv)
fb="${log%.csv}.feedback.csv"
feedback_run() {
	out=$(printf '1\nf 1 Tip nummer %s.\nq\n' "$1" |
		KLANTCOACH_COACH=Ria full "$1" --content "$FIX/mini" --plain review 2>&1)
	case "$out" in
	*"Feedback bewaard."*) saved=$((saved + 1)) last=$1 ;;
	*) refused=$((refused + 1))
	   expect_contains "feedback N=$1: disk full" "$out" \
		"$fb: fout: kan feedback niet bewaren: schijf vol" ;;
	esac
	complete "$fb" || fail "feedback N=$1: torn row"
	[ "$saved" -gt 0 ] || expect_eq "feedback N=$1: no file" "$(ls "$fb" 2>/dev/null)" ""
	[ "$saved" -eq 0 ] || expect_eq "feedback N=$1: items" "$(sed 1,2d "$fb" | wc -l)" "$saved"
}
saved=0 refused=0 n=0 last=
while [ "$n" -le 120 ] && [ "$saved" -eq 0 ]; do
	feedback_run "$n"
	n=$((n + 5))
done
n=0
while [ "$n" -le 60 ]; do
	feedback_run "$n"
	n=$((n + 3))
done
[ "$saved" -gt 3 ] && [ "$refused" -gt 20 ] || fail "feedback: $saved saved, $refused refused"
out=$(mini show "$(basename "$log" .csv)" 2>&1)
# A coach's new feedback at a step replaces the old: only the last shows.
expect_eq "feedback shown" "$(printf '%s\n' "$out" | grep -c 'Tip nummer')" 1
expect_contains "latest feedback shown" "$out" "Tip nummer $last."
expect_not_contains "feedback reads" "$out" "fout"

# Intervisie records: none left when the start rows do not fit; otherwise
# the record resumes and ends.
done=0 n=0
while [ "$n" -le 640 ]; do
	rm -rf "$KLANTCOACH_DATA/intervisie"
	out=$(printf '1 4 0\nTe snel.\n' | full "$n" --content "$FIX/mini" --plain --volgorde vast replay proef-basis 2>&1)
	rc=$?
	rec=$(ls "$KLANTCOACH_DATA"/intervisie/*.csv 2>/dev/null)
	if [ "$rc" -ne 0 ]; then
		expect_eq "replay N=$n: exit" "$rc" 1
		expect_contains "replay N=$n: disk full" "$out" "kan verslag niet schrijven: schijf vol"
	fi
	if [ -n "$rec" ]; then
		complete "$rec" || fail "replay N=$n: torn row"
		expect_eq "replay N=$n: start rows" "$(grep -c "^meta," "$rec")" 7
		[ "$rc" -eq 0 ] || printf '1 4 0\nTe snel.\n\n' | mini --plain replay "$rec" > "$T/out" 2>&1
		expect_eq "replay N=$n: resumed" "$?" 0
		expect_eq "replay N=$n: one end" "$(grep -c '^einde,' "$rec")" 1
		done=$((done + 1))
	fi
	n=$((n + 12))
done
[ "$done" -gt 10 ] || fail "replay: only $done records"
finish
