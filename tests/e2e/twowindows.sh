#!/bin/sh
# twowindows.sh: one session, one intervisie record and one feedback file
# wanted by two real processes at once. The second is refused at once, with
# a message naming the first process, and writes nothing; once the first
# has gone (also by kill -9) the second can go on. Plain mode, and the
# home screen through tmux.
. "$KC_SRC/tests/e2e/lib.sh"
trap 'tm_stop; rm -rf "$T"' EXIT

export KLANTCOACH_DATA="$T/data" KLANTCOACH_LEVEL=B KLANTCOACH_NAME=Tester
mini() { "$KC_BIN" --content "$FIX/mini" "$@"; }
host=$(uname -n)
busy="Deze sessie is al open in een ander venster"

# open_first ARGS: run klantcoach --plain ARGS in the background, reading
# what the test writes to fd 3; its pid is $first, its output $T/first.
open_first() {
	rm -f "$T/in"; mkfifo "$T/in"
	: > "$T/first"	# empty now: the job's own redirection may come late
	"$KC_BIN" --content "$FIX/mini" --plain --volgorde vast "$@" < "$T/in" \
		> "$T/first" 2>&1 &
	first=$!
	exec 3> "$T/in"
}
close_first() { exec 3>&-; wait "$first"; }

# refused NAME FILE WANT ARGS...: a second process running ARGS (input:
# $second_in) exits 1 with WANT in its output and leaves FILE unchanged.
refused() {
	name=$1 file=$2 want=$3; shift 3
	sum=$(cksum < "$file")
	out=$(printf '%b' "${second_in:-}" | mini "$@" 2>&1); rc=$?
	expect_eq "$name: exit" "$rc" 1
	expect_contains "$name: names the first window" "$out" "$want"
	expect_eq "$name: nothing written" "$(cksum < "$file")" "$sum"
}

# A session being played: resume by id, the newest, and in the TUI, all
# refused; the first window plays on and, once closed, the second resumes.
open_first play proef-basis
echo 3 >&3
wait_file "$T/first" "Stap 2 " || fail "first window: no step 2"
log=$(ls "$T"/data/sessions/*.csv)
id=$(basename "$log" .csv)
lockf="$T/data/sessions/.$id.csv.lock"
msg="$busy (proces $first op host $host). Sluit dat eerst."
second_in='2\n'
refused "resume newest" "$log" "$log: fout: $msg" --plain resume
refused "resume by id" "$log" "$msg" --plain resume "$id"
refused "resume by path" "$log" "$msg" --plain resume "$log"
refused "resume in the TUI" "$log" "$msg" resume "$id"
expect_eq "refusal leaves the lock" "$(cat "$lockf")" "$first $host"
close_first; rc=$?
expect_eq "first window exit" "$rc" 0
# (the summary cache .sessielijst may be there too)
expect_eq "first window released" "$(ls -A "$T"/data/sessions | grep -vx .sessielijst)" "$id.csv"
out=$(printf '2\n' | mini --plain resume "$id" 2>&1); rc=$?
expect_eq "second resumes after" "$rc" 0
expect_contains "second at the reflection" "$out" "== Reflectie =="
expect_eq "one path in the log" "$(grep -c '^keuze,' "$log")" 2

# The reflection phase holds the session too.
open_first resume "$id"
wait_file "$T/first" "Antwoord (" || fail "first window: no reflection"
second_in='Mijn antwoord\n\n\n\n\n'
refused "resume in reflection" "$log" "$busy (proces $first op host $host)" \
	--plain resume "$id"
echo "Rustig gebleven" >&3
wait_file "$T/first" "Vraag: " || fail "first window: no second question"
close_first
expect_eq "first window's answer kept" "$(grep -c ',Rustig gebleven$' "$log")" 1
expect_eq "second window's answer not written" "$(grep -c 'Mijn antwoord' "$log")" 0

# kill -9: the kernel drops the lock; the stale lock file is no obstacle.
open_first resume "$id"
wait_file "$T/first" "Antwoord (" || fail "first window: no reflection"
kill -9 "$first"; wait "$first" 2>/dev/null; exec 3>&-
expect_eq "kill -9 leaves the lock file" "$(cat "$lockf")" "$first $host"
out=$(printf 'Na de crash\n' | mini --plain resume "$id" 2>&1); rc=$?
expect_eq "resume after kill -9" "$rc" 0
expect_not_contains "resume after kill -9 not refused" "$out" "$busy"
expect_eq "answer after kill -9" "$(grep -c ',Na de crash$' "$log")" 1
expect_eq "lock file gone after" "$(ls -A "$T"/data/sessions | grep -vx .sessielijst)" "$id.csv"

# The home screen marks a session open elsewhere and, when it is opened,
# says so and stays on the home screen.
export KLANTCOACH_DATA="$T/tui"
open_first play proef-basis
wait_file "$T/first" "Keuze (" || fail "first window: no step 1"
tm_start "env HOME=$HOME KLANTCOACH_DATA=$T/tui KLANTCOACH_NAME=Tester KLANTCOACH_LEVEL=B LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color $KC_BIN --content $FIX/mini; echo EXIT=\$? > $T/exit; sleep 30" 160 24
expect_screen "home marks it" "in gebruik"
tm_keys Down Enter
expect_screen "notice names the first window" "$busy (proces $first op host $host)"
expect_screen "still home" "Nieuw gesprek oefenen"
tm_keys q
wait_file "$T/exit" "EXIT=" || fail "TUI did not stop"
expect_eq "TUI exit" "$(cat "$T/exit")" "EXIT=0"
tm_stop
tlog=$(ls "$T"/tui/sessions/*.csv)
expect_eq "TUI wrote nothing" "$(grep -c '^keuze,' "$tlog")" 0
close_first
export KLANTCOACH_DATA="$T/data"

# An intervisie record: while one replay writes it, a second is refused.
ivbusy="Dit intervisieverslag is al open in een ander venster"
open_first replay proef-basis
wait_file "$T/first" "Stemmen per optie" || fail "first replay: no vote prompt"
rec=$(ls "$T"/data/intervisie/*.csv)
second_in='1 4 0\nvan de tweede\n'
refused "replay record while created" "$rec" \
	"$ivbusy (proces $first op host $host). Sluit dat eerst." --plain replay "$rec"
printf '0 0 5\n\n' >&3
wait_file "$T/first" "== Stap 2 ==" || fail "first replay: no step 2"
close_first
open_first replay "$rec"
wait_file "$T/first" "Stemmen per optie" || fail "resumed replay: no vote prompt"
refused "two replays of one record" "$rec" "$ivbusy (proces $first op host $host)" \
	--plain replay "$rec"
printf '\n1\nvan de eerste\n' >&3
close_first
expect_eq "first replay's note" "$(grep -c ',van de eerste$' "$rec")" 1
expect_eq "second replay wrote nothing" "$(grep -c 'tweede' "$rec")" 0
out=$(printf '\n' | mini --plain replay "$rec" 2>&1); rc=$?
expect_eq "replay after the first" "$rc" 0
expect_eq "record lock gone" "$(ls -A "$T"/data/intervisie)" "$(basename "$rec")"

# Feedback: refused while another process holds the feedback file's lock;
# two coaches writing at once lose nothing and tear nothing.
fb="${log%.csv}.feedback.csv"
review() { KLANTCOACH_COACH="$1" mini --plain review; }
rm -f "$T/hin"; mkfifo "$T/hin"
"$KC_HOLDLOCK" "$fb" < "$T/hin" > "$T/hout" 2>&1 &
holder=$!
exec 4> "$T/hin"
wait_file "$T/hout" "held" || fail "holdlock did not take the lock"
out=$(printf '1\nf 1 Niet nu\nq\n' | review Ria 2>&1)
expect_contains "feedback refused" "$out" "$fb: fout: Er wordt al feedback bij deze sessie bewaard in een ander venster (proces $holder op host $host). Probeer het zo nog eens."
expect_not_contains "feedback not confirmed" "$out" "Feedback bewaard."
[ -e "$fb" ] && fail "feedback file written while locked"
exec 4>&-; wait "$holder"
out=$(printf '1\nf 1 Nu wel\nq\n' | review Ria 2>&1)
expect_contains "feedback after release" "$out" "Feedback bewaard."
n=40
lines() { i=0; echo 1; while [ $i -lt $n ]; do echo "f 1 $1 $i"; i=$((i + 1)); done; echo q; }
lines Ria > "$T/ria"; lines Bas > "$T/bas"
review Ria < "$T/ria" > "$T/ria.out" 2>&1 & a=$!
review Bas < "$T/bas" > "$T/bas.out" 2>&1 & b=$!
wait "$a"; wait "$b"
saved=$(cat "$T/ria.out" "$T/bas.out" | grep -c "Feedback bewaard.")
refusals=$(cat "$T/ria.out" "$T/bas.out" | grep -c "Er wordt al feedback")
expect_eq "every feedback saved or refused" $((saved + refusals)) $((2 * n))
expect_eq "saved rows in the file" "$(grep -c ',\(Ria\|Bas\),1,' "$fb")" $((saved + 1))
expect_eq "one header" "$(grep -c '^klantcoach-feedback,1$' "$fb")" 1
out=$(printf '1\nq\n' | review Ria 2>&1)
expect_not_contains "feedback file reads back" "$out" "fout:"
expect_eq "no lock left" "$(ls -A "$T"/data/sessions | grep -c '\.lock$')" 0

finish
