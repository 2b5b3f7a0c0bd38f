#!/bin/sh
# mouse.sh: clicks and the wheel in the screens (TRAINEE-UX finding 15),
# sent as the terminal's SGR mouse sequences: a click on a row of home,
# a persona, a scenario, a mode and an option opens or chooses it; the
# wheel moves like the arrows; a click on a key or its hint in the footer
# does what the key does (also in a text field); [scherm] muis = nee
# leaves the terminal's mouse alone.
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
# click_footer TEXT: press button 1 on TEXT in the footer (the last row).
click_footer() {
	tm_wait "$1" >/dev/null
	line=$(tm_screen | tail -n 1)
	case "$line" in *"$1"*) ;; *) fail "the footer lacks '$1'"; return ;; esac
	pre=${line%%"$1"*}
	col=$(($(printf '%s' "$pre" | wc -m) + 1))
	last=$($TM display -p '#{pane_height}')
	tm_keys -l "$(printf '\033[<0;%d;%dM\033[<0;%d;%dm' "$col" "$last" \
		"$col" "$last")"
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

# Footer clicks: "? hulp" helps, "Enter openen" opens, "Esc terug" goes
# back, "q stoppen" asks first; in a reflection field "nieuwe regel" and
# "bewaren" act on the field.
rm -rf "$T/data"
tm_start "$run $KC_BIN --content $FIX/mini --volgorde vast; sleep 30" 80 24
expect_screen "footer: home" "Nieuw gesprek oefenen"
click_footer "? hulp"
expect_screen "click on ? hulp" "Toetsen (een toets om dit te sluiten)"
tm_keys x
click_footer "openen"
expect_screen "click on a hint: its key" "kies een klant"
click_footer "Esc"
expect_screen "click on Esc: back home" "Nieuw gesprek oefenen"
click_footer "Enter"
expect_screen "click on Enter: personas" "kies een klant"
tm_keys Enter Enter Enter
click_footer "q stoppen"
expect_screen "click on q: it asks first" "Stoppen?"
tm_keys x
tm_mini_reflect
tm_keys -l "eerste"
click_footer "nieuwe regel"
tm_keys -l "tweede"
expect_screen "typed on" "tweede"
click_footer "bewaren"
expect_screen "click on bewaren: the next page" "Wat gebeurde er?"
log=$(ls "$T"/data/sessions/*.csv)
expect_contains "answer saved with its new line" "$(cat "$log")" "eerste
tweede"
click_footer "PgDn"
expect_screen "click on PgDn: the next page" "Waarom?"
tm_stop

# [scherm] muis = nee: the terminal keeps its own mouse (selecting text).
mkdir -p "$HOME/.config/klantcoach"
printf '[scherm]\nmuis = nee\n' > "$HOME/.config/klantcoach/klantcoach.ini"
tm_start "$run $KC_BIN --content $FIX/mini; sleep 30" 80 24
expect_screen "home without mouse" "Nieuw gesprek oefenen"
expect_eq "no mouse asked for" "$(mouse_flags)" "000"
tm_stop
finish
