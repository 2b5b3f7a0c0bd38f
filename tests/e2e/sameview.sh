#!/bin/sh
# sameview.sh: one view, two renderers. For a fixed session of the mini
# scenario (an undo, a poor path), every line of the reflection that
# `klantcoach show` prints (the ending, the meters step by step, what
# happened and why) is on the TUI reflection's pages with the same words;
# only the layout (titles, column spacing) differs.
. "$KC_SRC/tests/e2e/lib.sh"
command -v tmux >/dev/null 2>&1 || { fail "tmux is not installed"; finish; exit 1; }
trap 'tm_stop; rm -rf "$T"' EXIT

export KLANTCOACH_DATA="$T/data" KLANTCOACH_NAME=Sanne KLANTCOACH_LEVEL=B
printf '1\nt\n3\n2\nSpannend\n\n\n\n\n\n' | "$KC_BIN" --content "$FIX/mini" \
	--plain play --volgorde vast proef-basis > /dev/null 2>&1
log=$(ls "$T"/data/sessions/*.csv)
"$KC_BIN" --content "$FIX/mini" show "$(basename "$log" .csv)" > "$T/show"
expect_contains "show has the course" "$(cat "$T/show")" "Verloop van de meters:"

# Both sides as words: titles without their bars, any run of spaces, tabs
# and no-break spaces as one space, no empty lines.
nbsp=$(printf '\302\240')
words() {
	sed "s/$nbsp/ /g; s/^== \(.*\) ==\$/\1/" "$1" | tr -s ' \t' '  ' |
		sed 's/^ //; s/ $//; s/ [↑↓]$//' | grep -v '^$'
}
sed -n '/^Einde van het gesprek/,/^== Hoe voelde het? ==$/p' "$T/show" |
	grep -v -e '^Hoe Proef het ervaart: ' -e '^== Hoe voelde het' > "$T/plain"

tm_start "env HOME=$HOME KLANTCOACH_DATA=$T/data KLANTCOACH_NAME=Sanne \
KLANTCOACH_LEVEL=B LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color \
$KC_BIN --content $FIX/mini; sleep 30" 200 60
expect_screen "home lists the session" "afgerond"
tm_keys Down Enter
expect_screen "ending page" "reflectie 1/10"
tm_screen > "$T/tui"
tm_keys Enter Enter
expect_screen "what happened page" "reflectie 3/10"
tm_screen >> "$T/tui"
tm_keys Enter
expect_screen "why page" "reflectie 4/10"
tm_screen >> "$T/tui"
tm_stop

words "$T/tui" > "$T/tui.words"
words "$T/plain" > "$T/plain.words"
expect_eq "plain lines compared" "$(wc -l < "$T/plain.words")" 30
while IFS= read -r line; do
	grep -qxF -- "$line" "$T/tui.words" && ok ||
		fail "show line not in the TUI reflection: '$line'"
done < "$T/plain.words"
finish
