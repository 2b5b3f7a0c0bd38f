# lib.sh: shared helpers for the end-to-end tests. Each test runs the real
# program ($KC_BIN) in an isolated HOME with a pinned locale and clock.
set -u
: "${KC_BIN:?KC_BIN must point at the klantcoach binary}"
: "${KC_SRC:?KC_SRC must point at the source tree}"
FIX="$KC_SRC/tests/fixtures"
T=$(mktemp -d /tmp/kc-e2e.XXXXXX)
trap 'rm -rf "$T"' EXIT
export HOME="$T/home" LC_ALL=C.UTF-8 TZ=UTC KLANTCOACH_TIME=1700000000
unset XDG_CONFIG_HOME XDG_DATA_HOME NO_COLOR KLANTCOACH_NAME KLANTCOACH_LEVEL \
	KLANTCOACH_CONTENT KLANTCOACH_DATA KLANTCOACH_MODE KLANTCOACH_SEED \
	2>/dev/null || true
mkdir -p "$HOME"
failures=0
passes=0

kc() { "$KC_BIN" --content "$KC_SRC" "$@"; }

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
ok() { passes=$((passes + 1)); }

# expect_eq NAME GOT WANT
expect_eq() {
	if [ "$2" = "$3" ]; then ok; else
		fail "$1"; printf '  got:  %s\n  want: %s\n' "$2" "$3" >&2
	fi
}

# expect_contains NAME HAYSTACK NEEDLE
expect_contains() {
	case "$2" in *"$3"*) ok ;; *) fail "$1: '$3' not in output"; printf '%s\n' "$2" | head -20 >&2 ;; esac
}

# expect_not_contains NAME HAYSTACK NEEDLE
expect_not_contains() {
	case "$2" in *"$3"*) fail "$1: '$3' unexpectedly in output" ;; *) ok ;; esac
}

# option_number TRANSCRIPT TEXT: the number a plain transcript shows for
# the (first) option whose text starts with TEXT.
option_number() {
	printf '%s\n' "$1" | sed -n "s/^\([0-9]\)\. $2.*/\1/p" | head -n 1
}

finish() {
	echo "$passes passed, $failures failed"
	[ "$failures" -eq 0 ]
}

# wait_file FILE TEXT: wait up to 10 s until FILE contains TEXT.
wait_file() {
	i=0
	while [ $i -lt 200 ]; do
		grep -qF -- "$2" "$1" 2>/dev/null && return 0
		sleep 0.05; i=$((i + 1))
	done
	return 1
}

# mini_notice DIR: the mini content plus proef-boos, a scenario with a
# content notice and where to find help.
mini_notice() {
	cp -R "$FIX/mini" "$1" &&
		cp "$FIX/safety/proef-boos.ini" "$1/content/scenarios/"
}

# tmux helpers: a private server per test run, fixed size, no config.
TM="tmux -L kc$$ -f /dev/null"
# tm_start CMD [W H]: a new server and session running CMD. A server that
# tm_stop killed may still be going away ("server exited unexpectedly"):
# then try again, for up to 2 s.
tm_start() {
	i=0
	until $TM new-session -d -x "${2:-80}" -y "${3:-24}" "$1" 2>/dev/null; do
		i=$((i + 1))
		if [ $i -ge 20 ]; then
			$TM new-session -d -x "${2:-80}" -y "${3:-24}" "$1"
			return
		fi
		sleep 0.1
	done
}
tm_screen() { $TM capture-pane -p 2>/dev/null; }
tm_keys() { $TM send-keys "$@"; }
tm_stop() {
	$TM kill-server 2>/dev/null
	i=0
	while $TM has-session 2>/dev/null && [ $i -lt 40 ]; do sleep 0.05; i=$((i + 1)); done
}
# tm_wait TEXT: wait up to 10 s until the pane shows TEXT.
tm_wait() { tm_wait_grep "$1" -F -- "$1"; }
# tm_wait_grep WHAT GREP-ARGS: wait up to 10 s until grep finds them.
tm_wait_grep() {
	what=$1; shift
	i=0
	while [ $i -lt 200 ]; do
		tm_screen | grep -q "$@" && return 0
		sleep 0.05; i=$((i + 1))
	done
	echo "--- screen while waiting for '$what':" >&2; tm_screen >&2
	return 1
}
# expect_footer NAME TEXT: wait for TEXT on screen, then it is the footer.
expect_footer() {
	tm_wait "$2" >/dev/null 2>&1
	expect_contains "$1" "$(tm_screen | tail -n 1)" "$2"
}
# expect_screen NAME TEXT
expect_screen() { if tm_wait "$2"; then ok; else fail "$1: '$2' not on screen"; fi; }
# tm_mini_reflect: from step 1 of the mini scenario in the screens (option
# 1 twice) to the reflection's first question.
tm_mini_reflect() {
	expect_screen "mini step 1" "Wat doe je?"
	tm_keys 1 Enter 1
	expect_screen "last response" "Enter naar het einde"
	tm_keys Enter
	expect_screen "ending page" "Einde van het gesprek"
	tm_keys Enter
	expect_screen "first question" "Hoe voelde dit gesprek voor jou?"
}

# Golden files (tests/golden/NAME.txt): a screen or transcript compared
# line for line; GOLDEN_UPDATE=1 rewrites them instead. The temporary
# directory is masked as /TMP so paths on screen stay the same.
GOLDEN="$KC_SRC/tests/golden"
golden_mask() { sed "s|$T|/TMP|g"; }
# golden_compare NAME FILE: FILE against tests/golden/NAME.txt.
golden_compare() {
	golden_mask < "$2" > "$T/golden.got"
	if [ "${GOLDEN_UPDATE:-}" = 1 ]; then
		mkdir -p "$GOLDEN" && cp "$T/golden.got" "$GOLDEN/$1.txt"; ok; return
	fi
	if diff -u "$GOLDEN/$1.txt" "$T/golden.got" >&2; then ok; else
		fail "golden $1 differs (GOLDEN_UPDATE=1 rewrites it)"
	fi
}
# tm_settle: wait until two captures 0.2 s apart are the same.
tm_settle() {
	i=0 prev=$(tm_screen)
	while [ $i -lt 50 ]; do
		sleep 0.2; now=$(tm_screen)
		[ "$now" = "$prev" ] && return 0
		prev=$now; i=$((i + 1))
	done
}
# tm_wait_width W: wait until the footer's "hulp" ends at column W - 1,
# that is until the program has redrawn after a resize to width W.
tm_wait_width() {
	tm_wait_grep "a footer at width $1" -E "^.{$(($1 - 5))}hulp\$"
}
# golden_screen NAME TEXT: once TEXT is on screen and the screen is still,
# compare the pane with tests/golden/NAME.txt.
golden_screen() {
	if tm_wait "$2"; then
		tm_settle; tm_screen > "$T/golden.pane"
		golden_compare "$1" "$T/golden.pane"
	else fail "$1: '$2' not on screen"; fi
}
