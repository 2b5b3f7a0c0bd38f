#!/bin/sh
# terminals.sh: the screens on several terminal types, without colour, in a
# 20x5 window, and through a burst of resizes during play; the session log
# must come out whole every time.
. "$KC_SRC/tests/e2e/lib.sh"
command -v tmux >/dev/null 2>&1 || { fail "tmux is not installed"; finish; exit 1; }
trap 'tm_stop; rm -rf "$T"' EXIT

export KLANTCOACH_LEVEL=B KLANTCOACH_NAME=Tester
run="env HOME=$HOME KLANTCOACH_LEVEL=B KLANTCOACH_NAME=Tester LANG=C.UTF-8"

for term in xterm-256color screen linux vt100; do
	tm_start "$run TERM=$term KLANTCOACH_DATA=$T/$term $KC_BIN --content $FIX/mini --volgorde vast; echo EXIT=\$? > $T/$term.exit; sleep 30"
	expect_screen "$term home" "Nieuw gesprek oefenen"
	tm_keys Enter Enter Enter Enter
	expect_screen "$term play" "Wat doe je?"
	tm_keys 1
	expect_screen "$term response" "Enter verder, t terug"
	tm_keys q j
	wait_file "$T/$term.exit" "EXIT=0" && ok || fail "$term exits cleanly"
	tm_stop
	expect_eq "$term log has the choice" "$(grep -c '^keuze,' "$T"/$term/sessions/*.csv)" 1
done

# NO_COLOR: same screens, no colour escape sequences in the output stream.
tm_start "$run TERM=xterm-256color NO_COLOR=1 KLANTCOACH_DATA=$T/nc script -q -c '$KC_BIN --content $FIX/mini --volgorde vast' $T/nc.raw; sleep 30"
expect_screen "NO_COLOR home" "Nieuw gesprek oefenen"
tm_keys q
sleep 0.5
tm_stop
expect_eq "NO_COLOR: no colour codes" "$(grep -c "$(printf '\033')\[3[0-7]m\|$(printf '\033')\[4[0-7]m\|38;5;" "$T/nc.raw")" 0

# A 20x5 window: the notice, not a crash; q still works.
tm_start "$run TERM=xterm KLANTCOACH_DATA=$T/small $KC_BIN --content $FIX/mini --volgorde vast; echo EXIT=\$? > $T/small.exit; sleep 30" 20 5
expect_screen "tiny window notice" "Venster te klein"
expect_screen "tiny window minimum" "minstens 60x16"
tm_keys q
wait_file "$T/small.exit" "EXIT=0" && ok || fail "tiny window quits"
tm_stop

# A burst of resizes during play, then a choice: state and log intact.
tm_start "$run TERM=xterm KLANTCOACH_DATA=$T/burst $KC_BIN --content $KC_SRC --volgorde vast; echo EXIT=\$? > $T/burst.exit; sleep 30" 80 24
expect_screen "burst home" "Nieuw gesprek oefenen"
tm_keys Enter Enter Enter Enter
expect_screen "burst play" "stap 1 van ca."
tm_keys 1 Enter
expect_screen "burst step 2" "stap 2 van ca."
for size in "60 16" "120 40" "30 8" "200 60" "61 17" "80 24" "59 15" "100 30"; do
	set -- $size
	$TM resize-window -x "$1" -y "$2"
done
expect_screen "after the burst" "stap 2 van ca."
tm_keys 1 Enter
expect_screen "still playing" "stap 3 van ca."
tm_keys q j
wait_file "$T/burst.exit" "EXIT=0" && ok || fail "burst exits cleanly"
tm_stop
expect_eq "burst log" "$(grep -c '^keuze,' "$T"/burst/sessions/*.csv)" 2

# SIGHUP (terminal closed) and SIGTERM end cleanly; choices stay on disk.
for sig in HUP TERM; do
	tm_start "sh -c 'echo \$\$ > $T/sig$sig.pid; exec $run TERM=xterm KLANTCOACH_DATA=$T/sig$sig $KC_BIN --content $FIX/mini --volgorde vast'; echo EXIT=\$? > $T/sig$sig.exit; sleep 30"
	expect_screen "sig$sig play" "Nieuw gesprek oefenen"
	tm_keys Enter Enter Enter Enter
	expect_screen "sig$sig step" "Wat doe je?"
	tm_keys 1
	expect_screen "sig$sig response" "Enter verder"
	kill -$sig "$(cat "$T/sig$sig.pid")"
	wait_file "$T/sig$sig.exit" "EXIT=0" && ok || fail "SIG$sig exits 0"
	tm_stop
	expect_eq "SIG$sig log" "$(grep -c '^keuze,' "$T"/sig$sig/sessions/*.csv)" 1
done
# A window closed under a program that gets no SIGHUP (started with
# setsid, outside the terminal's session): it stops instead of spinning on
# reads that fail at once, and what was chosen stays on disk.
tm_start "setsid -w sh -c 'echo \$\$ > $T/gone.pid; exec $run TERM=xterm KLANTCOACH_DATA=$T/gone $KC_BIN --content $FIX/mini --volgorde vast'; sleep 30"
expect_screen "gone: play" "Nieuw gesprek oefenen"
tm_keys Enter Enter Enter Enter
expect_screen "gone: step" "Wat doe je?"
tm_keys 1
expect_screen "gone: response" "Enter verder"
pid=$(cat "$T/gone.pid")
tm_stop
i=0
while kill -0 "$pid" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
if kill -0 "$pid" 2>/dev/null; then
	fail "gone: still running 5 s after its window closed"
	kill -9 "$pid"
else ok; fi
expect_eq "gone: log" "$(grep -c '^keuze,' "$T"/gone/sessions/*.csv)" 1
finish
