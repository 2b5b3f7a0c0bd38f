#!/bin/sh
# play.sh: play, resume and show in plain mode on the small fixture scenario:
# first start, exact log rows, undo, assessment mode, resume after end of
# input, and the reflection (levels, shown and missed indicators, answers).
. "$KC_SRC/tests/e2e/lib.sh"

export KLANTCOACH_DATA="$T/data"
mini() { "$KC_BIN" --content "$FIX/mini" "$@"; }
logs() { ls "$KLANTCOACH_DATA"/sessions/*.csv 2>/dev/null; }
newest() { ls -t "$KLANTCOACH_DATA"/sessions/*.csv | head -1; }

# First start asks name and level once and stores them privately.
out=$(printf 'Sanne\nD\nB\nq\n' | mini --plain play --volgorde vast proef-basis 2>&1); rc=$?
expect_eq "first start exit" "$rc" 0
expect_contains "asks the name" "$out" "Wat is je naam?"
expect_contains "rejects a bad level" "$out" "Typ A, B of C."
cfg="$HOME/.config/klantcoach/klantcoach.ini"
expect_contains "name stored" "$(cat "$cfg")" 'naam = "Sanne"'
expect_contains "level stored" "$(cat "$cfg")" "niveau = B"
expect_eq "config private" "$(stat -c %a "$cfg")" 600
expect_eq "sessions folder private" "$(stat -c %a "$KLANTCOACH_DATA/sessions")" 700
expect_eq "log private" "$(stat -c %a "$(newest)")" 600
expect_contains "stop says how to resume" "$out" "Verder spelen: klantcoach resume "
rm -f "$KLANTCOACH_DATA"/sessions/*

# A full game with an undo: 1, t (undo), 3, then 2 at the second step.
out=$(printf '1\nt\n3\n2\nIk schrok van mezelf\nEerst luisteren\n\n\nSamenvatten\nNiet meteen de regels\n' |
	mini --plain play --volgorde vast proef-basis 2>&1); rc=$?
expect_eq "game exit" "$rc" 0
expect_contains "response first" "$out" "Proef: Ja, graag."
expect_contains "meters move" "$out" "Meters: gezien 6/10 (+2), gehoord 5/10 (+1), geholpen 3/10"
expect_contains "practice explains" "$out" "Uitleg: Je benoemt het wachten en laat zien dat je luistert."
expect_contains "indicator named" "$out" "
+ Vat samen wat de klant zegt (Luisteren, niveau 1)"
expect_contains "ending" "$out" "Einde van het gesprek (matig)"
log=$(newest)
rows=$(sed 1,2d "$log" | cut -d, -f1,3-4,6-10 | tr '\n' '|')
expect_eq "log rows" "$rows" "start,,,4,4,3,,|meta,,,,,,cursist,Sanne|meta,,,,,,niveau,B|meta,,,,,,persona,proef|meta,,,,,,scenario,proef-basis|meta,,,,,,versie,$(sed -n 's/^meta,[^,]*,,,,,,,versie,//p' "$log")|meta,,,,,,modus,oefenen|meta,,,,,,sessie,$(sed -n 's/^meta,[^,]*,,,,,,,sessie,//p' "$log")|meta,,,,,,volgorde,vast|keuze,begin,1,6,5,3,getoond,1 2 3|terug,begin,1,4,4,3,,|keuze,begin,3,4,3,3,getoond,1 2 3|keuze,uitleg,2,4,3,2,getoond,1 2|einde,,,4,3,2,einde,matig|antwoord,,,,,,gevoel,Ik schrok van mezelf|antwoord,,,,,,question1,Eerst luisteren|antwoord,,,,,,question2,|antwoord,,,,,,question3,|antwoord,,,,,,goed,Samenvatten|antwoord,,,,,,anders,Niet meteen de regels|klaar,,,,,,,|"
expect_contains "log time is ISO UTC" "$(sed -n 3p "$log")" "start,2023-11-14T22:13:20Z,"

# The reflection: levels against targets for level B, shown and missed.
expect_contains "level luisteren" "$out" "Luisteren	0	2	onder doel"
expect_contains "level uitleggen" "$out" "Uitleggen	0	1	onder doel"
expect_contains "negative shown" "$out" "Het tegendeel laten zien (telt tegen het niveau):
bij stap 1: Gebruikt eenvoudige woorden (Uitleggen, niveau 1)"
expect_contains "missed with its step" "$out" "
bij stap 1 had je kunnen laten zien: Vat samen wat de klant zegt (Luisteren, niveau 1)"
expect_contains "undone listed apart" "$out" "Teruggenomen keuzes (tellen niet mee voor het niveau):
bij stap 1: Vat samen wat de klant zegt (Luisteren, niveau 1)"
expect_contains "expert beside" "$out" "
Expert: Je zegt: „U wacht al lang. Dat is vervelend. Zal ik kijken?”"

# show prints the same reflection with the saved answers.
id=$(basename "$log" .csv)
out=$(mini show "$id" 2>&1); rc=$?
expect_eq "show exit" "$rc" 0
expect_contains "show level" "$out" "Luisteren	0	2	onder doel"
expect_contains "show answer" "$out" "Antwoord: Eerst luisteren"
expect_contains "show unanswered" "$out" "Antwoord: (niet beantwoord)"
out=$(mini show bestaat-niet 2>&1); rc=$?
expect_eq "show unknown exit" "$rc" 1
out=$(mini resume "$id" 2>&1); rc=$?
expect_eq "resume finished session refused" "$rc" 1
expect_contains "resume finished message" "$out" "al afgerond"

# A good path: levels on target, nothing missed.
out=$(printf '1\n1\nprima\n' | mini --plain play --volgorde vast proef-basis 2>&1)
expect_contains "good path luisteren" "$out" "Luisteren	2	2	op doel"
expect_contains "good path uitleggen" "$out" "Uitleggen	1	1	op doel"
expect_contains "good path ending" "$out" "Einde van het gesprek (goed)"

# Assessment mode: no explanation, no way back, and shuffled options (a
# fixed test seed gives the same order in both runs).
toets() {
	KLANTCOACH_SEED=7 KLANTCOACH_DATA="$T/$1" mini --plain --mode toets \
		play proef-basis 2>&1
}
out=$(printf 'q\n' | toets toets1)
n=$(option_number "$out" "Je zegt: „Daar kan ik niets")
expect_eq "toets shuffles" "$(option_number "$out" "Je zegt: „U wacht"):$n" "3:1"
out=$(printf 't\n%s\nboos\n' "$n" | toets toets2)
expect_contains "toets refuses undo" "$out" "In de toets kun je niet terug."
expect_not_contains "toets has no explanation" "$out" "Uitleg:"
expect_contains "toets ends" "$out" "Einde van het gesprek (slecht)"
# Finding 14: the reflection gives per step the reaction and why.
why="Stap 1, jij: Je zegt: „Daar kan ik niets aan doen.”
Proef: Dan bel ik wel weer.
Waarom: De klant voelt zich afgewimpeld.
Expert: Je zegt: „U wacht al lang."
expect_contains "toets reflection explains each step" "$out" "$why"
out=$(KLANTCOACH_DATA="$T/toets2" mini show \
	"$(basename "$(ls "$T"/toets2/sessions/*.csv)" .csv)" 2>&1)
expect_contains "toets show explains each step" "$out" "$why"

# Bad answers are refused and asked again.
out=$(printf '9\nx\n?\nq\n' | mini --plain play --volgorde vast proef-basis 2>&1)
expect_contains "bad number" "$out" "Ongeldige keuze: 9"
expect_contains "help" "$out" "t = een stap terug"

# End of input saves; resume continues at the same step with the same meters.
rm -f "$KLANTCOACH_DATA"/sessions/*
printf '1\n' | mini --plain play --volgorde vast proef-basis > /dev/null 2>&1
out=$(printf '' | mini --plain resume 2>&1); rc=$?
expect_eq "resume exit" "$rc" 0
expect_contains "resume at step 2" "$out" "Stap 2 van ca. 2"
expect_contains "resume meters" "$out" "Meters: gezien 6/10, gehoord 5/10, geholpen 3/10"
expect_contains "resume offers flagged option" "$out" "3. Je zegt: „Fijn dat u mij het wachten vertelde."
out=$(printf '3\n\n\n\n\n\n\n' | mini --plain resume 2>&1)
expect_contains "resumed game ends" "$out" "Einde van het gesprek (goed)"

# Unknown scenario and wrong usage.
out=$(mini --plain play bestaatniet 2>&1); rc=$?
expect_eq "unknown scenario exit" "$rc" 1
out=$(mini --plain play a b 2>&1); rc=$?
expect_eq "two scenarios exit" "$rc" 2

# A folder other users can write to is refused for logs.
mkdir -p "$T/open/sessions"; chmod 777 "$T/open/sessions"
out=$(printf '1\n' | KLANTCOACH_DATA="$T/open" mini --plain play --volgorde vast proef-basis 2>&1); rc=$?
expect_eq "shared folder exit" "$rc" 1
expect_contains "shared folder message" "$out" "andere gebruikers kunnen in deze map schrijven"

# A line spoken by someone else than the persona carries its own name, in
# play, in the coach's timeline and in a replay.
mkdir -p "$T/spk/content"
cp -r "$FIX/mini/personas" "$T/spk/"
cp -r "$FIX/mini/content/frameworks" "$FIX/mini/content/scenarios" "$T/spk/content/"
sed -i 's/^response = Ja, graag\.$/&\nspeaker = Femke/' "$T/spk/content/scenarios/proef-basis.ini"
expect_eq "speaker content checks" "$("$KC_BIN" --content "$T/spk" check >/dev/null 2>&1; echo $?)" 0
out=$(printf '1\nq\n' | KLANTCOACH_DATA="$T/spkd" "$KC_BIN" --content "$T/spk" --plain \
	--name Sanne play --volgorde vast proef-basis 2>&1)
expect_contains "response under its speaker" "$out" "Femke: Ja, graag."
expect_contains "client line under the persona" "$out" "Proef: Ik wacht nu al weken."
out=$(printf '1\nq\n' | KLANTCOACH_DATA="$T/spkd" "$KC_BIN" --content "$T/spk" --plain review 2>&1)
expect_contains "timeline names the speaker" "$out" "Femke: Ja, graag."
out=$(printf '1 0 0\n\n' | KLANTCOACH_DATA="$T/spkd" "$KC_BIN" --content "$T/spk" --plain \
	--volgorde vast replay proef-basis 2>&1)
expect_contains "replay names the speaker" "$out" "Femke: Ja, graag."
finish
