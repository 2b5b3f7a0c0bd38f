#!/bin/sh
# Plain mode for screen readers (TRAINEE-UX findings 6 and 20), asserted on
# a whole transcript: a scenario played to the end and through every
# reflection question. Every heading on its own line, no line starting with
# a space, no box-drawing or other decorative characters, every prompt
# ending in what it expects, and the step count the scenario list gives.
. "$KC_SRC/tests/e2e/lib.sh"

export KLANTCOACH_DATA="$T/data" KLANTCOACH_NAME=Sanne KLANTCOACH_LEVEL=B
yes 1 | head -n 40 | kc --plain play --volgorde vast jos-binnenloop \
	> "$T/out" 2>&1
expect_eq "transcript exit" "$?" 0
out=$(cat "$T/out")
expect_contains "played to the end" "$out" "Einde van het gesprek"
expect_contains "through the reflection" "$out" "Wat zou je de volgende keer anders doen?"
expect_contains "reflection is saved" "$out" "Reflectie bewaard."

# No line starts with a space (options are "1. text", no indents).
expect_eq "no leading space" "$(grep -n '^[[:space:]]' "$T/out")" ""
expect_contains "options at the left edge" "$out" "
1. Je loopt achter de balie"

# No box drawing, blocks, geometric shapes, arrows, bullets or rules.
deco=$(grep -nP '[\x{2190}-\x{21FF}\x{2500}-\x{25FF}\x{2022}\x{00B7}]|^[-=_*#~]{3,}' \
	"$T/out"; echo "grep $?")
expect_eq "no decorative characters" "$deco" "grep 1"

# Headings on their own line: a title fills its line, nothing else carries
# "==", and a question or a step starts its own line.
expect_eq "titles alone" "$(grep '==' "$T/out" | grep -cv '^== [^=]* ==$')" 0
expect_eq "questions start a line" "$(grep -c 'Vraag: ' "$T/out")" \
	"$(grep -c '^Vraag: ' "$T/out")"
expect_eq "steps start a line" "$(grep -c 'Stap [0-9]* van' "$T/out")" \
	"$(grep -c '^Stap [0-9]* van ca\. [0-9]*$' "$T/out")"
expect_eq "what you did starts a line" "$(grep -c 'Jij: ' "$T/out")" \
	"$(grep -c '^Jij: ' "$T/out")"

# Every prompt (a line ending in ": ") names what it expects in brackets.
prompts=$(grep ': $' "$T/out")
expect_contains "choice prompt" "$prompts" "Keuze (1-3, t, ? of q): "
expect_contains "answer prompt" "$prompts" \
	"Antwoord (één regel, Enter om over te slaan): "
expect_eq "every prompt says what it expects" \
	"$(printf '%s\n' "$prompts" | grep -cv '([^)]*): $')" 0
expect_eq "one prompt per question" "$(grep -c '^Antwoord (' "$T/out")" \
	"$(grep -c '^Vraag: ' "$T/out")"

# The same step count as the scenario list (the card's source).
steps=$(kc list | awk -F'\t' '$2 == "jos-binnenloop" { print $6 }')
expect_eq "step count as listed" \
	"$(grep -c "^Stap [0-9]* van ca\. $steps$" "$T/out")" "$steps"

# The closing hint names the session, and it works (finding 6).
id=$(basename "$(ls "$T"/data/sessions/*.csv)" .csv)
expect_contains "show hint names the session" "$out" \
	"Terugkijken: klantcoach show $id"
kc show "$id" > /dev/null 2>&1
expect_eq "the hint works" "$?" 0
finish
