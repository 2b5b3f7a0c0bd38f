#!/bin/sh
# hangup.sh: the terminal goes away (the tmux server ends, or is killed
# with -9) in the middle of each main screen: home, play, reflection,
# review and replay, and once under a shell that ignores SIGHUP. Each
# time the program must be gone within 5 seconds (not spinning, also in
# a LeakSanitizer build), with a draft being typed saved.
. "$KC_SRC/tests/e2e/lib.sh"
command -v tmux >/dev/null 2>&1 || { fail "tmux is not installed"; finish; exit 1; }
trap 'tm_stop; rm -rf "$T"' EXIT

run="env HOME=$HOME KLANTCOACH_LEVEL=B KLANTCOACH_NAME=Tester LANG=C.UTF-8 TERM=xterm"
kc_in() { printf '%s KLANTCOACH_DATA=%s %s --content %s --volgorde vast' \
	"$run" "$T/$1" "$KC_BIN" "$FIX/mini"; }

# start NAME COMMAND [PREFIX]: COMMAND in a window, through a shell that
# writes its pid to NAME.pid before it becomes COMMAND; PREFIX runs in
# that shell first.
start() {
	tm_start "sh -c '${3:-}echo \$\$ > $T/$1.pid; exec $2'; sleep 30"
	wait_file "$T/$1.pid" "" || fail "$1: no pid"
}

# cut NAME HOW: the terminal goes (HOW: stop = the server ends, kill =
# kill -9 of the server); NAME's program must be gone within 5 s.
cut() {
	pid=$(cat "$T/$1.pid")
	if [ "$2" = kill ]; then
		kill -9 "$($TM display-message -p '#{pid}')"
	else
		tm_stop
	fi
	i=0
	while kill -0 "$pid" 2>/dev/null && [ $i -lt 100 ]; do
		sleep 0.05; i=$((i + 1))
	done
	if kill -0 "$pid" 2>/dev/null; then
		fail "$1: still running 5 s after its terminal went ($2):" \
			"$(ps -o stat=,time= -p "$pid") $(grep TracerPid /proc/"$pid"/status)"
		kill -9 "$pid"
	else ok; fi
	tm_stop
}

start home "$(kc_in home)"
expect_screen "home" "Nieuw gesprek oefenen"
cut home stop

start play "$(kc_in play)"
expect_screen "play: home" "Nieuw gesprek oefenen"
tm_keys Enter Enter Enter Enter
expect_screen "play: step" "Wat doe je?"
cut play kill
expect_eq "play: the log is there" "$(ls "$T"/play/sessions/*.csv | wc -l)" 1

start reflect "$(kc_in reflect)"
expect_screen "reflect: home" "Nieuw gesprek oefenen"
tm_keys Enter Enter Enter Enter
tm_mini_reflect
tm_keys -l "HALVERWEGE GETYPT"
expect_screen "reflect: typed" "HALVERWEGE GETYPT"
cut reflect stop
log=$(ls "$T"/reflect/sessions/*.csv)
wait_file "$log.concept" "HALVERWEGE GETYPT" && ok ||
	fail "reflect: the draft was not saved when the terminal went"

start review "$run $KC_BIN --content $FIX/mini review $T/reflect/sessions"
expect_screen "review: list" "klantcoach review: 1 van 1 sessies"
cut review kill

start replay "$run KLANTCOACH_DATA=$T/replay $KC_BIN --content $FIX/mini replay --anoniem $log"
expect_screen "replay: step 1" "stemmen]"
cut replay stop

# A shell that ignores SIGHUP above the program (it still gets one).
start nohup "$(kc_in nohup)" "trap \"\" HUP; "
expect_screen "nohup: home" "Nieuw gesprek oefenen"
cut nohup kill
finish
