#!/bin/sh
# layout.sh: the trainee's screens at several sizes (TRAINEE-UX findings 4
# and 19): jos-geldzorgen at 80x24, down past the choices and back up (or
# PgUp, Home) brings the situation back; at 70x20 choices below the edge
# get a more-below marker; at 200 columns text is at most 100 wide; at
# 60x16 a cut title ends in an ellipsis; the text editor wraps at spaces.
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
$TM resize-window -x 200 -y 40
expect_screen "200x40" "1. Je noemt je naam"
widest=$(tm_screen | sed '1d;$d' | sed 's/ *$//' | wc -L)
[ "$widest" -le 104 ] && ok || fail "text at 200 columns is $widest wide"
$TM resize-window -x 60 -y 16
expect_screen "60x16: cut title with an ellipsis" "Jos: Een stapel post en een…"
tm_stop

# The reflection's text field breaks between words, not inside one.
tm_start "$run $KC_BIN --content $FIX/mini --volgorde vast; sleep 30" 60 16
expect_screen "mini home" "Nieuw gesprek oefenen"
tm_keys Enter Enter Enter Enter
tm_mini_reflect
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do tm_keys -l "QWZQWZQWZ "; done
tm_keys -l "QWZ"
expect_screen "typed" "QWZQWZQWZ QWZ"
expect_eq "no word broken" \
	"$(tm_screen | grep -oE '[QWZ]+' | sort | uniq -c | sed 's/^ *//')" \
	"1 QWZ
12 QWZQWZQWZ"
tm_stop
finish
