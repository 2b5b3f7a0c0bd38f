#!/bin/sh
# reflect.sh: nothing typed in a reflection field is lost. A long paste
# survives PgDn, PgUp, Esc, Ctrl-C (which asks first), a resize and kill -9
# (the draft is written when typing pauses) and comes back on the same page
# after resume; SIGTERM and SIGHUP save the draft before exit; a damaged
# draft is set aside with a warning. Confirming
# an answer twice writes one row, an edit replaces it for show and review,
# and Esc through all questions closes the reflection. A past reflection
# is left at once with Esc, q or ←; PgDn scrolls a long page before it
# turns it.
. "$KC_SRC/tests/e2e/lib.sh"
command -v tmux >/dev/null 2>&1 || { fail "tmux is not installed"; finish; exit 1; }
trap 'tm_stop; rm -rf "$T"' EXIT

# The program runs through a wrapper that records its pid for the kills.
cat > "$T/run.sh" <<EOF
#!/bin/sh
echo \$\$ > "$T/pid"
exec env HOME="$HOME" KLANTCOACH_DATA="$T/data" KLANTCOACH_NAME=Anouk \
	KLANTCOACH_LEVEL=B LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color \
	"$KC_BIN" --content "$FIX/mini" --volgorde vast "\$@"
EOF
start() {
	rm -f "$T/pid" "$T/exit"
	tm_start "sh $T/run.sh $*; echo EXIT=\$? > $T/exit; sleep 30" 80 24
}
# Play the mini scenario from home to the first question of the reflection.
to_reflection() {
	expect_screen "home" "Nieuw gesprek oefenen"
	tm_keys Enter Enter Enter Enter
	expect_screen "step 1" "Wat doe je?"
	tm_keys 1 Enter 1
	expect_screen "last response" "Enter naar het einde"
	tm_keys Enter
	expect_screen "ending page" "Einde van het gesprek"
	tm_keys Enter
	expect_screen "feeling question" "reflectie 2/10"
}
rows() { grep -c "^$1," "$log"; }
# Esc once per page, waiting for each page number.
esc_through() {
	for page in "$@"; do
		tm_keys Escape
		expect_screen "Esc to page $page" "reflectie $page/10"
	done
}

start
to_reflection
log=$(ls "$T"/data/sessions/*.csv)
concept="$log.concept"

# 3,600 characters pasted in one go, then PgDn and back.
paste=$(i=0; while [ $i -lt 300 ]; do printf 'woord%04d ab ' $i; i=$((i + 1)); done)
tm_keys -l "$paste"
tm_keys -l "EINDE"
expect_screen "paste shown" "EINDE"
tm_keys PgDn
expect_screen "PgDn turns the page" "Wat gebeurde er?"
expect_eq "PgDn writes no answer" "$(rows antwoord)" 0
wait_file "$concept" "EINDE" && ok || fail "PgDn did not save the draft"
expect_contains "whole paste in the draft" "$(cat "$concept")" "woord0000 ab woord0001"
tm_keys PgUp
expect_screen "PgUp back to the question" "reflectie 2/10"
expect_screen "paste back after PgUp" "EINDE"

# Esc keeps the text too.
tm_keys -l " ESCTEKST"
tm_keys Escape
expect_screen "Esc turns the page" "Wat gebeurde er?"
tm_keys PgUp
expect_screen "text back after Esc" "EINDE ESCTEKST"

# Ctrl-C asks first and keeps the text when going on.
tm_keys C-c
expect_screen "Ctrl-C asks" "Stoppen? Je tekst blijft bewaard als concept;"
tm_keys x
expect_screen "text after Ctrl-C" "EINDE ESCTEKST"
tm_keys -l " NACTRLC"
expect_screen "typing goes on" "ESCTEKST NACTRLC"

# A resize below the minimum and back keeps the text.
$TM resize-window -x 50 -y 12
expect_screen "too small" "Venster te klein"
$TM resize-window -x 80 -y 24
expect_screen "text after resize" "ESCTEKST NACTRLC"

# kill -9 after a pause in typing: the draft is on disk, nothing else.
wait_file "$concept" "NACTRLC" && ok || fail "the pause did not save the draft"
kill -9 "$(cat "$T/pid")"
tm_stop
expect_eq "draft file private" "$(stat -c %a "$concept")" 600
expect_eq "no answer row after the crash" "$(rows antwoord)" 0

# Resume: the same page, the text back in its field.
start resume
expect_screen "resume on the page left" "reflectie 2/10"
expect_screen "text back after kill -9" "ESCTEKST NACTRLC"

# Type on the first scenario question, leave it and stop with Ctrl-C j.
tm_keys PgDn PgDn PgDn
expect_screen "first scenario question" "reflectie 5/10"
tm_keys -l "Proef wachtte"
tm_keys PgDn
expect_screen "next question" "reflectie 6/10"
tm_keys C-c
expect_screen "Ctrl-C asks again" "Je tekst blijft bewaard als concept"
tm_keys j
wait_file "$T/exit" "EXIT=0" && ok || fail "Ctrl-C j did not stop"
tm_stop
start resume
expect_screen "resume on page 6" "reflectie 6/10"
tm_keys PgUp
expect_screen "draft on page 5" "Proef wachtte"

# Tab saves; Tab again on the unchanged answer writes nothing; an edit
# writes the new answer.
tm_keys Tab
expect_screen "Tab goes on" "reflectie 6/10"
expect_eq "one answer row" "$(rows antwoord)" 1
tm_keys PgUp
expect_screen "saved answer shown" "Proef wachtte"
tm_keys Tab
expect_screen "Tab again" "reflectie 6/10"
expect_eq "no duplicate row" "$(rows antwoord)" 1
tm_keys PgUp
expect_screen "back to edit" "reflectie 5/10"
tm_keys -l " lang"
expect_screen "edit typed" "Proef wachtte lang"
tm_keys Tab
expect_screen "edited" "reflectie 6/10"
expect_eq "edit appended" "$(rows antwoord)" 2

# Esc through the remaining questions closes the reflection.
esc_through 7 8 9 10
expect_screen "last page" "Je reflectie is bewaard. Enter: stoppen."
expect_eq "klaar written" "$(rows klaar)" 1
expect_eq "draft removed" "$(test -e "$concept" && echo yes || echo no)" no
expect_contains "open draft saved as answer" "$(cat "$log")" "ESCTEKST NACTRLC"
tm_keys Enter
wait_file "$T/exit" "EXIT=0" && ok || fail "Enter on the last page did not stop"
tm_stop

out=$("$KC_BIN" --content "$FIX/mini" show "$log" 2>&1)
expect_contains "show the latest answer" "$out" "Antwoord: Proef wachtte lang"
expect_eq "show only the latest" "$(printf '%s\n' "$out" | grep -c 'Proef wachtte')" 1
out=$(printf '1\nq\n' | KLANTCOACH_DATA="$T/data" "$KC_BIN" --content "$FIX/mini" --plain review 2>&1)
expect_contains "review the latest answer under its question" "$out" "Wat merkte je aan Proef?: Proef wachtte lang"
expect_eq "review only the latest" "$(printf '%s\n' "$out" | grep -c 'Proef wachtte')" 1

# SIGTERM and SIGHUP while typing: the text is saved before the exit.
for sig in TERM HUP; do
	rm -rf "$T/data"
	start
	to_reflection
	log=$(ls "$T"/data/sessions/*.csv)
	tm_keys -l "Tekst voor $sig"
	expect_screen "$sig typed" "Tekst voor $sig"
	kill -$sig "$(cat "$T/pid")"
	wait_file "$T/exit" "EXIT=" && ok || fail "SIG$sig did not end the program"
	tm_stop
	expect_contains "SIG$sig saves the draft" "$(cat "$log.concept" 2>&1)" "Tekst voor $sig"
done

# An unreadable draft is set aside with a warning, not lost or overwritten.
cp "$log.concept" "$T/good.concept"
printf 'kapot\n' > "$log.concept"
start
expect_screen "home lists the session" "reflectie open"
tm_keys Down Enter
expect_screen "warning for the bad draft" "concept onleesbaar"
tm_keys C-c
expect_screen "stop question" "Stoppen?"
tm_keys j
wait_file "$T/exit" "EXIT=0" && ok || fail "Ctrl-C j did not stop after the warning"
tm_stop
expect_eq "bad draft kept aside" "$(cat "$log.concept.onleesbaar")" kapot
mv "$T/good.concept" "$log.concept"

# Finding 7: Esc through every question without typing closes the
# reflection; home then no longer says it is open.
start resume
expect_screen "resume after SIGHUP" "Tekst voor HUP"
tm_keys Escape
expect_screen "what happened" "Wat gebeurde er?"
tm_keys Enter Enter
expect_screen "first scenario question" "reflectie 5/10"
esc_through 6 7 8 9 10
expect_screen "closed" "Je reflectie is bewaard"
expect_eq "klaar after Esc only" "$(rows klaar)" 1
tm_stop
start
expect_screen "home again" "Nieuw gesprek oefenen"
expect_screen "session closed" "afgerond"
expect_not_contains "not open" "$(tm_screen)" "reflectie open"

# COACH-UX 8: a past reflection opened from home is left at once with
# Esc, q or ←, on a first, a reading and a question page, back home; the
# footer says so and nothing is written.
sum=$(cksum < "$log")
for leave in "Escape 1" "q 3" "Left 5"; do
	key=${leave% *}; page=${leave#* }
	tm_keys Down Enter
	expect_screen "$key: past reflection opened" "reflectie 1/10"
	expect_footer "$key: past footer" "Esc q terug"
	n=1
	while [ $n -lt "$page" ]; do tm_keys Enter; n=$((n + 1)); done
	expect_screen "$key: on page $page" "reflectie $page/10"
	tm_keys "$key"
	expect_screen "$key on page $page leaves to home" "Nieuw gesprek oefenen"
done
tm_stop
expect_eq "leaving writes nothing" "$(cksum < "$log")" "$sum"

# TRAINEE-UX 15: PgDn scrolls a long page a screen at a time (with the
# markers) and turns the page only at its end; PgUp goes back the same way.
yes 1 | head -n 60 | KLANTCOACH_DATA="$T/jos" KLANTCOACH_LEVEL=B "$KC_BIN" --content "$KC_SRC" \
	--plain --name Anouk play --mode oefenen --volgorde vast jos-geldzorgen \
	>/dev/null 2>&1
tm_start "env HOME=$HOME KLANTCOACH_DATA=$T/jos KLANTCOACH_NAME=Anouk KLANTCOACH_LEVEL=B LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color $KC_BIN --content $KC_SRC; sleep 30" 80 24
expect_screen "jos at home" "afgerond"
tm_keys Down Enter
expect_screen "jos reflection" "reflectie 1/12"
tm_keys Enter Enter Enter
expect_screen "the long why page" "reflectie 4/12"
expect_not_contains "the page's end below" "$(tm_screen)" "Gemist: niets"
tm_keys NPage
tm_wait_grep "scrolled" -F "↑" >/dev/null && ok || fail "PgDn did not scroll"
expect_screen "PgDn stays on the page" "reflectie 4/12"
i=0
while ! tm_screen | grep -qF "Gemist: niets" && [ $i -lt 10 ]; do
	expect_screen "PgDn $i on the page" "reflectie 4/12"
	tm_keys NPage; sleep 0.2; i=$((i + 1))
done
expect_screen "PgDn reaches the page's end" "Gemist: niets"
expect_screen "still the why page at its end" "reflectie 4/12"
tm_keys NPage
expect_screen "PgDn at the end turns the page" "reflectie 5/12"
tm_keys PPage
expect_screen "PgUp back to the why page's end" "Gemist: niets"
expect_screen "PgUp on the why page" "reflectie 4/12"
tm_keys Home
expect_screen "Home: the page's top" "Competenties tegen het doel"
expect_screen "Home keeps the page" "reflectie 4/12"
tm_keys End
expect_screen "End: the page's end" "Gemist: niets"
tm_stop
finish
