#!/bin/sh
# diskfull-tmpfs.sh: a full disk for real, on a small tmpfs (needs root and
# mount; skipped elsewhere, where diskfull.sh covers the same with a shim).
# Starting on the full disk leaves no log; a long answer that the kernel
# writes only in part is taken back whole; after room is made, resume
# finishes the session and it reads.
. "$KC_SRC/tests/e2e/lib.sh"

M="$T/disk"
mkdir "$M"
mount -t tmpfs -o size=64k,mode=0700 tmpfs "$M" 2>/dev/null ||
	{ echo "SKIP: cannot mount a tmpfs here"; exit 77; }
trap 'umount "$M"; rm -rf "$T"' EXIT

export KLANTCOACH_DATA="$M/data" KLANTCOACH_LEVEL=B KLANTCOACH_NAME=Tester
S="$KLANTCOACH_DATA/sessions"
mkdir -p "$S"
id=denzell-telefoon
"$KC_PATHS" "$KC_SRC" "$id" expert | grep -v '^#' > "$T/choices"
fill() { cat /dev/zero > "$M/fill" 2>/dev/null; }

fill
out=$(kc --plain --volgorde vast play "$id" < "$T/choices" 2>&1); rc=$?
expect_eq "full start exit" "$rc" 1
expect_contains "full start says why" "$out" "schijf vol; er is geen sessie begonnen"
expect_eq "full start leaves no log" "$(ls -A "$S")" ""
rm "$M/fill"

head -n 3 "$T/choices" | kc --plain --volgorde vast play "$id" > /dev/null 2>&1
log=$(ls "$S"/*.csv)
fill
long=$(head -c 6000 /dev/zero | tr '\0' x)
{ tail -n +4 "$T/choices"; echo "$long"; } | kc --plain resume > "$T/out" 2> "$T/err"
expect_eq "long answer exit" "$?" 1
expect_contains "long answer refused" "$(cat "$T/err")" "$log: kan antwoord niet bewaren: schijf vol"
expect_eq "every choice kept" "$(grep -c '^keuze,' "$log")" "$(wc -l < "$T/choices")"
expect_eq "no part of the answer" "$(grep -c xxx "$log")" 0
expect_eq "log ends in a newline" "$(tail -c 1 "$log" | od -An -tx1 | tr -d ' ')" 0a
rm "$M/fill"
printf '%s\n' "$long" a b c d e f | kc --plain resume > /dev/null 2>&1
expect_eq "resume after room exit" "$?" 0
out=$(kc show "$(basename "$log" .csv)" 2>&1)
expect_eq "show exit" "$?" 0
expect_contains "answer kept whole" "$out" "$long"
# A report that does not fit leaves the report of before whole, with no
# temporary file beside it; one that fits (elsewhere: the HTML is larger
# than this disk) replaces it and is private.
for f in csv md html xlsx; do
	printf 'het vorige rapport\n' > "$M/r.$f"
	fill
	kc report --format "$f" -o "$M/r.$f" "$S" > "$T/out" 2>&1
	expect_eq "report $f: disk full is an error" "$?" 1
	expect_eq "report $f: the old one is kept" "$(cat "$M/r.$f")" \
		"het vorige rapport"
	expect_eq "report $f: nothing left beside it" \
		"$(ls "$M" | grep -c "^r\.$f\.")" 0
	rm "$M/fill"
	printf 'het vorige rapport\n' > "$T/r.$f"
	kc report --format "$f" -o "$T/r.$f" "$S" > /dev/null 2>&1
	[ "$(cat "$T/r.$f")" != "het vorige rapport" ] && ok ||
		fail "report $f: a report that fits replaces it"
	expect_eq "report $f: private" "$(stat -c %a "$T/r.$f")" 600
done
finish
