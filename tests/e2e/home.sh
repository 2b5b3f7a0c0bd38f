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

# Settings (finding 2): i on home changes name and level after the first
# start; Esc goes back without a change; the name is checked and stored
# safely, so the next start reads it back.
unset KLANTCOACH_NAME KLANTCOACH_LEVEL
cfg="$HOME/.config/klantcoach/klantcoach.ini"
printf 'Sanne\nB\nq\n' | mini --plain play --volgorde vast proef-basis >/dev/null 2>&1
run="env HOME=$HOME TZ=UTC KLANTCOACH_DATA=$T/data LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color"
tm_start "$run $KC_BIN --content $FIX/mini; sleep 30" 80 24
expect_screen "home offers the settings" "i instellingen"
tm_keys i
expect_screen "settings screen" "Je naam en niveau wijzigen"
expect_screen "the name to change" "Sanne"
tm_keys Escape
expect_screen "Esc: back home" "Nieuw gesprek oefenen"
expect_contains "nothing changed" "$(cat "$cfg")" 'naam = "Sanne"'
tm_keys i
expect_screen "settings again" "Je naam en niveau wijzigen"
tm_keys BSpace BSpace BSpace BSpace BSpace
tm_keys -l '   '
tm_keys Enter
expect_screen "a blank name is refused" "mag niet leeg zijn"
tm_keys -l 'José "Joop" van Dijk; team #3'
tm_keys Enter
expect_screen "level question" "Wat is je functieniveau?"
tm_keys Escape
expect_screen "Esc at the level: the name again" "Esc terug"
expect_not_contains "no level question" "$(tm_screen)" "functieniveau"
tm_keys Enter c Enter
expect_screen "stored, back home" "Bewaard: José"
expect_screen "new level in the frame" "niveau C"
expect_contains "level stored" "$(cat "$cfg")" "niveau = C"
tm_stop
tm_start "$run $KC_BIN --content $FIX/mini; sleep 30" 80 24
expect_screen "read back at the next start" 'José "Joop" van Dijk; team #3, niveau C'
tm_stop
finish
