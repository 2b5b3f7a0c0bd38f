#!/bin/sh
# home.sh: the home screen's session list (TRAINEE-UX finding 16): a
# header, then per session the start date and time, the client's name,
# mode, step reached, status and scenario title in aligned columns,
# newest first; two sessions of the same minute differ in their seconds;
# a long title wraps under its own column, not to the left edge.
. "$KC_SRC/tests/e2e/lib.sh"
command -v tmux >/dev/null 2>&1 || { fail "tmux is not installed"; finish; exit 1; }
trap 'tm_stop; rm -rf "$T"' EXIT

export KLANTCOACH_DATA="$T/data" KLANTCOACH_NAME=Sanne KLANTCOACH_LEVEL=B TZ=UTC
mini() { "$KC_BIN" --content "$FIX/mini" "$@"; }
# Two sessions stopped at step 2 in the same minute, one at step 1 later.
printf '1\nq\n' | KLANTCOACH_TIME=1796047501 mini --plain play --volgorde vast \
	proef-basis >/dev/null 2>&1
printf '1\nq\n' | KLANTCOACH_TIME=1796047509 mini --plain play --volgorde vast \
	proef-basis >/dev/null 2>&1
printf 'q\n' | KLANTCOACH_TIME=1796051100 mini --plain play --mode toets proef-basis \
	>/dev/null 2>&1

run="env HOME=$HOME TZ=UTC KLANTCOACH_DATA=$T/data KLANTCOACH_NAME=Sanne KLANTCOACH_LEVEL=B LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color"
tm_start "$run $KC_BIN --content $FIX/mini; sleep 30" 80 24
expect_screen "home" "Nieuw gesprek oefenen"
expect_screen "header" "Begonnen"
screen=$(tm_screen)
rows=$(printf '%s\n' "$screen" | grep -E '^ *(Begonnen|2026-)' | sed 's/\xc2\xa0/ /g; s/^ *//; s/ *$//')
expect_eq "rows newest first, aligned" "$rows" "$(printf '%s\n' \
"Begonnen             Klant  Modus    Stap  Status       Scenario" \
"2026-11-30 15:05     Proef  toets    1     onderbroken  Proef belt" \
"2026-11-30 14:05:09  Proef  oefenen  2     onderbroken  Proef belt" \
"2026-11-30 14:05:01  Proef  oefenen  2     onderbroken  Proef belt")"
tm_stop
finish
