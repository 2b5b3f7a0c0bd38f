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
	KLANTCOACH_CONTENT KLANTCOACH_DATA KLANTCOACH_MODE 2>/dev/null || true
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

finish() {
	echo "$passes passed, $failures failed"
	[ "$failures" -eq 0 ]
}
