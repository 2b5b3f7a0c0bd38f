#!/bin/sh
# Plain mode for screen readers (TRAINEE-UX findings 6, 12 and 20), asserted
# on a whole transcript: persona cards, a scenario chosen (those at the
# trainee's level marked) and the mode, then played to the end and through
# every reflection question. Every heading on its own line, no line
# starting with a space, no box-drawing or other decorative characters,
# every prompt ending in what it expects, and the step count the scenario
# list gives.
. "$KC_SRC/tests/e2e/lib.sh"

export KLANTCOACH_DATA="$T/data" KLANTCOACH_NAME=Sanne KLANTCOACH_LEVEL=B
# The way in as the screens: persona cards, Jos's scenarios, the mode.
kc list > "$T/list"
pn=$(awk -F'\t' '$1 == "persona" { n++ } $2 == "jos" { print n }' "$T/list")
sn=$(awk -F'\t' '$3 == "jos" { n++ } $2 == "jos-binnenloop" { print n }' \
	"$T/list")
{ printf 'x\n%s\n%s\n1\n' "$pn" "$sn"; yes 1 | head -n 40; } |
	kc --plain play --volgorde vast > "$T/out" 2>&1
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

# Persona cards (name, age, situation, channels) before the choice of a
# scenario, then the mode; each prompt once, in that order.
npers=$(grep -c '^persona' "$T/list")
jos=$(awk -F'\t' '$2 == "jos" { print $3 ", " $4 " jaar." }' "$T/list")
sit=$(awk -F'\t' '$2 == "jos" { print $6 }' "$T/list")
chan=$(awk -F'\t' '$2 == "jos" { gsub(",", ", ", $5); print $5 }' "$T/list")
expect_contains "persona cards" "$out" "Met welke klant ga je praten?
1. "
expect_contains "Jos's card" "$out" "
$pn. $jos"
expect_contains "Jos's situation and channels" "$out" "
$sit
Kanalen: $chan
"
expect_eq "one card per persona" "$(grep -c '^Kanalen: ' "$T/out")" "$npers"
expect_contains "persona prompt" "$prompts" "Kies een klant (1-$npers): "
expect_contains "a wrong answer is explained" "$out" \
	"Typ een nummer van 1 tot en met $npers."
expect_contains "mode prompt" "$prompts" "Kies een modus (1-2): "
order=$(grep -n -e '^Kanalen: ' -e '^Kies een ' -e '^Stap 1 van' "$T/out" |
	sed 's/^[0-9]*:\(Kanalen\|Kies een [a-z]*\|Stap 1\).*/\1/' | uniq |
	tr '\n' ' ')
expect_eq "cards, persona, scenario, mode, play" "$order" \
	"Kanalen Kies een klant Kies een gesprek Kies een modus Stap 1 "
# Jos's scenarios at the trainee's level (B) say so, the others do not.
expect_eq "marked at your level" "$(grep -c '^Past bij jouw niveau\.$' \
	"$T/out")" "$(awk -F'\t' '$3 == "jos" && $5 == "B"' "$T/list" | wc -l)"
atb=$(awk -F'\t' '$3 == "jos" && $5 == "B" {
	print $7 " (" $4 ", niveau B, ca. " $6 " stappen)"; exit }' "$T/list")
expect_contains "the mark under its title" "$out" "$atb
Past bij jouw niveau."

# The same step count as the scenario list (the card's source).
steps=$(awk -F'\t' '$2 == "jos-binnenloop" { print $6 }' "$T/list")
expect_eq "step count as listed" \
	"$(grep -c "^Stap [0-9]* van ca\. $steps$" "$T/out")" "$steps"
expect_contains "step count on the card" "$out" \
	"$sn. Wie kan mij helpen? (balie, niveau A, ca. $steps stappen)"

# The closing hint names the session, and it works (finding 6).
id=$(basename "$(ls "$T"/data/sessions/*.csv)" .csv)
expect_contains "show hint names the session" "$out" \
	"Terugkijken: klantcoach show $id"
kc show "$id" > /dev/null 2>&1
expect_eq "the hint works" "$?" 0
finish
