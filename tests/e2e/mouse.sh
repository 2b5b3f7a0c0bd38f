#!/bin/sh
# mouse.sh: clicks and the wheel in the screens (TRAINEE-UX finding 15),
# sent as the terminal's SGR mouse sequences: a click on a row of home,
# a persona, a scenario, a mode and an option opens or chooses it; the
# wheel moves like the arrows; [scherm] muis = nee leaves the terminal's
# mouse alone.
. "$KC_SRC/tests/e2e/lib.sh"
command -v tmux >/dev/null 2>&1 || { fail "tmux is not installed"; finish; exit 1; }
trap 'tm_stop; rm -rf "$T"' EXIT

run="env HOME=$HOME KLANTCOACH_DATA=$T/data KLANTCOACH_NAME=Sanne KLANTCOACH_LEVEL=B LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color"
# click TEXT: press button 1 on the first screen row showing TEXT.
click() {
	row=$(tm_screen | grep -nF -- "$1" | head -1 | cut -d: -f1)
	[ -n "$row" ] || { fail "no row shows '$1'"; return; }
	tm_keys -l "$(printf '\033[<0;10;%dM\033[<0;10;%dm' "$row" "$row")"
}
wheel() {	# wheel up (64) or down (65) in the middle of the screen
	tm_keys -l "$(printf '\033[<%d;10;10M' "$1")"
}
mouse_flags() { $TM display -p '#{mouse_any_flag}#{mouse_standard_flag}#{mouse_button_flag}'; }

tm_start "$run $KC_BIN --content $FIX/mini --volgorde vast; sleep 30" 80 24
expect_screen "home" "Nieuw gesprek oefenen"
expect_not_contains "the program asks for the mouse" "$(mouse_flags)" "000"
click "Nieuw gesprek oefenen"
expect_screen "click on home: personas" "kies een klant"
click "Wacht op een besluit"
expect_screen "click on a card's second row: its scenarios" "gesprekken met Proef"
click "Proef belt"
expect_screen "click on a scenario: mode" "oefenen of toets?"
click "Oefenen"
expect_screen "click on a mode: step 1" "Wat doe je?"
click "2. "
expect_screen "click on option 2: its response" "t terug"
tm_stop
log=$(ls "$T"/data/sessions/*.csv)
expect_contains "option 2 chosen" "$(cat "$log")" ",begin,2,"

# The wheel moves like the arrows: down past the choices, up to the top.
tm_start "$run $KC_BIN --content $KC_SRC play --mode oefenen --volgorde vast jos-geldzorgen; sleep 30" 80 24
expect_screen "jos step 1" "Stap 1 van ca. 10"
wheel 65; wheel 65; wheel 65
expect_screen "wheel down" "3. Je noemt je naam"
expect_not_contains "scrolled down" "$(tm_screen | sed -n 3,6p)" "Stap 1 van"
wheel 64; wheel 64; wheel 64
expect_screen "wheel up: the top" "Stap 1 van ca. 10"
tm_stop

# [scherm] muis = nee: the terminal keeps its own mouse (selecting text).
mkdir -p "$HOME/.config/klantcoach"
printf '[scherm]\nmuis = nee\n' > "$HOME/.config/klantcoach/klantcoach.ini"
tm_start "$run $KC_BIN --content $FIX/mini; sleep 30" 80 24
expect_screen "home without mouse" "Nieuw gesprek oefenen"
expect_eq "no mouse asked for" "$(mouse_flags)" "000"
tm_stop
finish
