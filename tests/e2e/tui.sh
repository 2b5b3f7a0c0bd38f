#!/bin/sh
# tui.sh: the terminal screens through tmux: first start, persona, scenario
# and mode, three steps with number and arrow keys, scrolling a long
# response (more-above and more-below markers), undo, help, a resize
# below the minimum and back, stop, and resume on the same step.
. "$KC_SRC/tests/e2e/lib.sh"
command -v tmux >/dev/null 2>&1 || { fail "tmux is not installed"; finish; exit 1; }
trap 'tm_stop; rm -rf "$T"' EXIT

run="env HOME=$HOME KLANTCOACH_DATA=$T/data LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color"
tm_start "$run $KC_BIN --content $KC_SRC --volgorde vast; echo EXIT=\$? > $T/exit; sleep 30"
expect_screen "first start" "Wat is je naam?"
tm_keys "Anouk de Wit" Enter
expect_screen "level question" "Wat is je functieniveau?"
tm_keys Down Enter
expect_screen "home" "Nieuw gesprek oefenen"
expect_contains "level C stored" "$(cat "$HOME/.config/klantcoach/klantcoach.ini")" "niveau = C"
tm_keys Enter
expect_screen "persona cards" "Denzell, 35 jaar."
expect_screen "needs on the card" "Op het spel: bestaanszekerheid hebben"
tm_keys Enter
expect_screen "scenarios of Denzell" "gesprekken met Denzell"
# The list is in file-name order: chat, gemeente, telefoon, terugbellen.
tm_keys Down Down Enter
expect_screen "mode" "oefenen of toets?"
tm_keys Enter
expect_screen "the chosen scenario" "Vastgelopen op de website"
expect_screen "step 1" "oefenen, stap 1 van ca. 9"
expect_screen "options" "Wat doe je?"
expect_screen "meters" "gezien"

tm_keys 1
expect_screen "response" "Enter verder, t terug"
expect_screen "why in practice" "Uitleg"
expect_screen "more below marker" "↓"
tm_keys PgDn
expect_screen "more above marker after PgDn" "↑"
tm_keys Enter
expect_screen "step 2" "stap 2 van ca. 9"
tm_keys Down Enter
expect_screen "response 2" "Enter verder, t terug"
tm_keys t
expect_screen "undo back to step 2" "stap 2 van ca. 9"
tm_keys Enter
expect_screen "response 2 again" "Enter verder, t terug"
tm_keys Enter
expect_screen "step 3" "stap 3 van ca. 9"
tm_keys 1 Enter
expect_screen "step 4" "stap 4 van ca. 9"

tm_keys '?'
expect_screen "help overlay" "Toetsen (een toets om dit te sluiten)"
tm_keys x
$TM resize-window -x 50 -y 12
expect_screen "too small" "Venster te klein"
expect_screen "too small size" "nu 50x12"
$TM resize-window -x 100 -y 30
expect_screen "back after resize" "stap 4 van ca. 9"
tm_keys q
expect_screen "stop dialog" "Stoppen? Je keuzes zijn bewaard;"
tm_keys j
wait_file "$T/exit" "EXIT=0" && ok || fail "TUI did not exit 0"
tm_stop

log=$(ls "$T"/data/sessions/*.csv)
expect_eq "three choices and an undo" "$(grep -c '^keuze,' "$log") $(grep -c '^terug,' "$log")" "4 1"

tm_start "$run $KC_BIN --content $KC_SRC --volgorde vast resume; sleep 30" 80 24
expect_screen "resume on the same step" "stap 4 van ca. 9"
tm_stop

# The reflection screen: a multi-line answer with accents, Backspace over a
# multi-byte character, saved to the log when confirmed.
tm_start "$run KLANTCOACH_NAME=Anouk KLANTCOACH_LEVEL=B $KC_BIN --content $FIX/mini --volgorde vast; sleep 30" 80 24
expect_screen "mini home" "Nieuw gesprek oefenen"
tm_keys Enter Enter Enter Enter
expect_screen "mini step 1" "Wat doe je?"
tm_keys 1 Enter 1
expect_screen "last response" "Enter naar het einde"
tm_keys Enter
expect_screen "ending page" "Einde van het gesprek (goed)"
expect_screen "meter chart" "gezien"
tm_keys Enter
expect_screen "feeling question" "Hoe voelde dit gesprek voor jou?"
tm_keys "Spannend, maar één ding ging goed" Enter "Daarna vroeg ik éérst doorr" BSpace "."
expect_screen "typed text" "Daarna vroeg ik éérst door."
tm_keys Tab
expect_screen "what happened page" "Jouw pad naast dat van de expert:"
tm_keys Enter
expect_screen "why page" "Competenties tegen het doel voor niveau B:"
expect_screen "level on target" "op doel"
tm_keys Escape
expect_screen "back to what happened" "Wat gebeurde er?"
tm_stop
log=$(ls -t "$T"/data/sessions/*.csv | head -1)
expect_contains "answer saved with newline and accents" "$(cat "$log")" "antwoord,"
expect_contains "answer text" "$(cat "$log")" "\"Spannend, maar één ding ging goed
Daarna vroeg ik éérst door.\""

# A terminal that cannot draw and a non-UTF-8 locale get clear messages
# (checked before anything is drawn, so no terminal is needed here).
out=$(TERM=dumb "$KC_BIN" --content "$KC_SRC" 2>&1 < /dev/null); rc=$?
expect_eq "dumb terminal exit" "$rc" 1
expect_contains "dumb suggests plain" "$out" "(TERM=dumb) kan geen schermen tonen; gebruik --plain"
out=$(LANG=C LC_ALL=C TERM=xterm "$KC_BIN" --content "$KC_SRC" 2>&1 < /dev/null); rc=$?
expect_eq "LANG=C exit" "$rc" 1
expect_contains "LANG=C names what to set" "$out" "geen UTF-8; zet bijvoorbeeld LANG=nl_NL.UTF-8 of LANG=C.UTF-8"
out=$(TERM=xterm "$KC_BIN" --content "$KC_SRC" 2>&1 < /dev/null); rc=$?
expect_contains "no terminal" "$out" "geen terminal; gebruik --plain"
finish
