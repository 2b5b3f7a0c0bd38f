#!/bin/sh
# layout.sh: the trainee's screens at several sizes (TRAINEE-UX findings 4
# and 19): jos-geldzorgen at 80x24, down past the choices and back up (or
# PgUp, Home) brings the situation back; at 70x20 choices below the edge
# get a more-below marker.
. "$KC_SRC/tests/e2e/lib.sh"
command -v tmux >/dev/null 2>&1 || { fail "tmux is not installed"; finish; exit 1; }
trap 'tm_stop; rm -rf "$T"' EXIT

# TERM as tmux encodes Home and End.
run="env HOME=$HOME KLANTCOACH_DATA=$T/data KLANTCOACH_NAME=Sanne KLANTCOACH_LEVEL=B LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen-256color"
play="$KC_BIN --content $KC_SRC play --mode oefenen --volgorde vast jos-geldzorgen"
top() { tm_screen | sed -n 3,6p; }

tm_start "$run $play; sleep 30" 80 24
expect_screen "step 1" "Wat doe je?"
expect_contains "the whole top at the start" "$(top)" "Stap 1 van ca. 10"
expect_contains "the situation at the start" "$(top)" "Situatie"
tm_keys Down Down Down
expect_screen "last choice in view" "3. Je noemt je naam"
expect_not_contains "scrolled down" "$(top)" "Situatie"
tm_keys Up Up Up
expect_screen "up again: the top is back" "Je bent klantadviseur C. Je collega Ahmed"
expect_contains "the first row back" "$(top)" "Stap 1 van ca. 10"
tm_keys Down Down
expect_screen "down again" "3. Je noemt je naam"
tm_keys PgUp
expect_screen "PgUp: the top is back" "Stap 1 van ca. 10"
tm_keys End
expect_screen "End: the last choice" "3. Je noemt je naam"
tm_keys Home
expect_screen "Home: the top is back" "Stap 1 van ca. 10"
$TM resize-window -x 70 -y 20
expect_screen "70x20" "Wat doe je?"
expect_contains "more below marker at 70x20" \
	"$(tm_screen | sed -n 17,19p)" "↓"
expect_not_contains "choice 3 below the edge" "$(tm_screen)" "3. Je noemt"
tm_stop
finish
