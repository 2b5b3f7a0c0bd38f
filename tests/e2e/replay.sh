#!/bin/sh
# replay.sh: intervisie on a fresh scenario and on a real session log with
# --anoniem (the trainee's name appears in no output and no file written),
# stop and resume, and one step on the screen through tmux.
. "$KC_SRC/tests/e2e/lib.sh"
trap 'tm_stop; rm -rf "$T"' EXIT

export KLANTCOACH_DATA="$T/data" KLANTCOACH_LEVEL=B
mini() { "$KC_BIN" --content "$FIX/mini" "$@"; }

# Fresh scenario: the majority decides; a split is shown and the
# facilitator picks.
out=$(printf '1 4 0\nTe snel afgehandeld.\n' | mini --plain --volgorde vast replay proef-basis 2>&1); rc=$?
expect_eq "fresh exit" "$rc" 0
expect_contains "fresh tally" "$out" "De groep: optie 1: 1 (20%), optie 2: 4 (80%), optie 3: 0 (0%)"
expect_contains "fresh follows majority" "$out" "Jullie volgen: Je zegt: „Daar kan ik niets aan doen.”"
expect_contains "fresh reveal response" "$out" "Proef: Dan bel ik wel weer."
expect_contains "fresh summary" "$out" "Stap 1
groep:    Je zegt: „Daar kan ik niets aan doen.”
gevolgd:  Je zegt: „Daar kan ik niets aan doen.”
expert:   Je zegt: „U wacht al lang. Dat is vervelend. Zal ik kijken?” (expert)"
expect_not_contains "summary names no option number" "$out" "optie 2,"
rec=$(ls "$T"/data/intervisie/*.csv)
expect_eq "record private" "$(stat -c %a "$rec")" 600
rows=$(sed 1,2d "$rec" | cut -d, -f1,3-7 | tr '\n' '|')
expect_eq "record rows" "$rows" "meta,,,,bron,proef-basis|meta,,,,scenario,proef-basis|meta,,,,versie,$(sed -n 's/^meta,[^,]*,,,,versie,//p' "$rec")|meta,,,,anoniem,nee|meta,,,,logboek,|meta,,,,sessie,$(sed -n 's/^meta,[^,]*,,,,sessie,//p' "$rec")|meta,,,,volgorde,vast|stem,begin,1,1,,|stem,begin,2,4,,|stem,begin,3,0,,|volg,begin,2,,,|notitie,begin,,,,Te snel afgehandeld.|einde,,,,einde,weg|"
rm "$rec"

out=$(printf '2 2 1\n9\n3\n\n' | mini --plain --volgorde vast replay proef-basis 2>&1)
expect_contains "split shown" "$out" "De stemmen zijn verdeeld: bespreek het verschil."
expect_contains "facilitator picks" "$out" "Jullie volgen: Je leest de regels over de termijn voor en zegt dat het nog acht weken kan duren."
expect_contains "stopped" "$out" "Gestopt. Verder met: klantcoach replay "
rec=$(ls "$T"/data/intervisie/*.csv)
expect_contains "hint gives the record id" "$out" "Verder met: klantcoach replay $(basename "$rec" .csv)"
expect_not_contains "hint without the path" "$out" "replay $rec"
out=$(printf '\n1\nklaar\n' | mini --plain replay "$(basename "$rec" .csv)" 2>&1); rc=$?
expect_eq "resume exit" "$rc" 0
expect_contains "resumed at step 2" "$out" "== Stap 2 =="
expect_contains "resumed ends" "$out" "Verslag bewaard: $rec"
expect_contains "a tie reads gelijk" "$out" "Stap 1
groep:    gelijk"
expect_contains "skipped votes read niet gestemd" "$out" "Stap 2
groep:    niet gestemd"
rm -f "$T"/data/intervisie/*.csv

# A trainee's log with --anoniem: the name is hidden everywhere.
name="Fenna Bakker"
printf '3\n2\nIk, Fenna, was te snel\n\n\n\n\n\n' | mini --plain --name "$name" play --volgorde vast proef-basis > /dev/null 2>&1
log=$(ls "$T"/data/sessions/*.csv)
printf '3 1 0\nFenna gaf de regels\n1 4\nfenna bakker vatte niet samen\n' |
	mini --plain replay --anoniem "$log" > "$T/out" 2> "$T/err"; rc=$?
expect_eq "log replay exit" "$rc" 0
out=$(cat "$T/out")
expect_contains "trainee's choice revealed" "$out" "Gekozen door de cursist (na "
expect_contains "follows the trainee" "$out" "Je leest de regels over de termijn voor en zegt dat het nog acht weken kan duren."
expect_contains "summary beside trainee" "$out" "Stap 1
groep:    Je zegt: „U wacht al lang. Dat is vervelend. Zal ik kijken?” (expert)
cursist:  Je leest de regels over de termijn voor en zegt dat het nog acht…"
expect_contains "levels beside" "$out" "Niveau per competentie (groep / cursist / expert):"
expect_contains "note anonymised" "$out" "Notitie: De cursist gaf de regels"
rec=$(ls "$T"/data/intervisie/*.csv)
for f in "$T/out" "$T/err" "$rec"; do
	expect_eq "no name in $(basename "$f")" "$(grep -ci 'fenna\|bakker' "$f")" 0
done
expect_contains "record says anonymous" "$(cat "$rec")" "anoniem,ja"
out=$(printf 'q\n' | mini --plain review 2>&1)
expect_contains "review lists the record" "$out" "Intervisieverslagen: 1"
expect_contains "record line" "$out" "2 stappen, afgerond, anoniem"

# COACH-UX 3: the record of an anonymous replay holds the name in no
# spelling (case and accents), nor the log's path or session id; it is
# resumed through the log's hash; the screen hides the note too.
rm -rf "$T/data"
printf '3\n2\nx\n\n\n\n\n\n' | mini --plain --name "Zoë van der Berg" play --volgorde vast proef-basis > /dev/null 2>&1
log=$(ls "$T"/data/sessions/*.csv)
sid=$(sed -n 's/^meta,.*,sessie,//p' "$log" | head -n 1)
logid=$(basename "$log" .csv)
out=$(printf '3 1 0\nzoe koos de regels, ZOË!\n' | mini --plain replay --anoniem "$log" 2>&1)
expect_contains "anon: stopped" "$out" "Gestopt. Verder met: klantcoach replay "
rec=$(ls "$T"/data/intervisie/*.csv)
out=$(printf '1 4\nVan Der Berg en zoë vatten niet samen\n' | mini --plain replay "$rec" 2>&1); rc=$?
expect_eq "anon: resumed by the log's hash" "$rc" 0
expect_contains "anon: resumed ends" "$out" "Verslag bewaard: $rec"
expect_contains "anon: note hidden on screen" "$out" "Notitie: De cursist en de cursist vatten"
for f in "$rec"; do
	expect_eq "anon: no name in any spelling" "$(grep -ci 'zo[eë]\|ZOË\|berg' "$f")" 0
done
expect_contains "anon: notes kept, name hidden" "$(cat "$rec")" "De cursist koos de regels, de cursist!"
expect_not_contains "anon: no log path" "$(cat "$rec")" "$T"
expect_eq "anon: the log's session id read" "${#sid}" 36
expect_not_contains "anon: no session id" "$(cat "$rec")" "$sid"
expect_not_contains "anon: no log id" "$(cat "$rec")" "${sid%%-*}"
expect_contains "anon: log by hash" "$(cat "$rec")" "logboek,sha256:"
out=$(printf 'q\n' | mini --plain review 2>&1)
expect_not_contains "anon: review not under the log id" "$out" "$logid"
expect_contains "anon: review line" "$out" "(logboek), 2 stappen, afgerond, anoniem"
# Minutes of the record, by its id: steps, votes and choices side by side.
id=$(basename "$rec" .csv)
out=$(mini replay --verslag --format md "$id" 2>&1); rc=$?
expect_eq "minutes md exit" "$rc" 0
expect_contains "minutes md table" "$out" "| Stap | Situatie | Stemmen | Groep | Cursist | Expert | Notitie |"
expect_contains "minutes md step 1" "$out" "| 1 | Proef belt voor de derde keer. | optie 1: 3, optie 2: 1, optie 3: 0 | 1. Je zegt: „U wacht al lang. Dat is vervelend. Zal ik kijken?” (expert) | 3. Je leest de regels"
expect_contains "minutes md note" "$out" "| De cursist koos de regels, de cursist! |"
expect_eq "minutes no name" "$(printf '%s' "$out" | grep -ci 'zo[eë]\|berg')" 0
out=$(mini replay --verslag --format html -o "$T/notulen.html" "$rec" 2>&1); rc=$?
expect_eq "minutes html exit" "$rc" 0
expect_contains "minutes html said" "$out" "Notulen geschreven: $T/notulen.html"
expect_contains "minutes html table" "$(cat "$T/notulen.html")" "<th>Stap</th><th>Situatie</th><th>Stemmen</th>"
out=$(mini replay --verslag "$id" 2>&1); rc=$?
expect_eq "minutes without format" "$rc" 2
expect_contains "minutes without format said" "$out" "replay --verslag verwacht --format md of html"
out=$(mini replay --verslag --format md "$log" 2>&1); rc=$?
expect_eq "minutes of a log refused" "$rc" 1
expect_contains "minutes of a log said" "$out" "is geen intervisieverslag"
rm -f "$rec"

# COACH-UX 14: when a flag hides an option before others, the tally, the
# question and the summary use the numbers shown (here 1 and 2 for the
# file's options 2 and 3), on the screen as in plain mode.
mkdir -p "$T/m14" && cp -r "$FIX/mini/." "$T/m14/"
sc14="$T/m14/content/scenarios/proef-basis.ini"
sed -i '/^needs = erkend$/d
/^\[step.uitleg.1\]$/,/^\[step.uitleg.2\]$/{/^expert = ja$/d}
/^\[step.uitleg.1\]$/a needs = erkend
/^\[step.uitleg.3\]$/a expert = ja' "$sc14"
m14() { KLANTCOACH_DATA="$T/d14" "$KC_BIN" --content "$T/m14" "$@"; }
out=$(printf '0 0 1\n\n1 1\n2\n\n' | m14 --plain --volgorde vast replay proef-basis 2>&1)
expect_contains "hidden: two options shown" "$out" "1. Je zegt: „Het duurt nog even.”
2. Je zegt: „Fijn dat u mij het wachten vertelde."
expect_contains "hidden: tally by shown number" "$out" "De groep: optie 1: 1 (50%), optie 2: 1 (50%)
"
expect_contains "hidden: asked by shown number" "$out" "Welke optie volgen jullie? (1-2)"
expect_contains "hidden: shown 2 followed" "$out" "Jullie volgen: Je zegt: „Fijn dat u mij"
expect_contains "hidden: summary the same option" "$out" "Stap 2
groep:    gelijk
gevolgd:  Je zegt: „Fijn dat u mij"
tm_start "env HOME=$HOME KLANTCOACH_DATA=$T/d14b LANG=C.UTF-8 TERM=xterm $KC_BIN --content $T/m14 --volgorde vast replay proef-basis; sleep 30" 100 40
expect_screen "hidden tui: step 1" "[0 stemmen]"
expect_screen "footer: three options" "1-3 ↑↓ kiezen"
tm_keys 3 + Enter
expect_screen "hidden tui: reveal" "Jullie volgen"
tm_keys Enter Tab
expect_screen "hidden tui: step 2" "Stap 2"
expect_screen "footer: two options shown" "1-2 ↑↓ kiezen"
tm_keys 2 + + Enter
expect_screen "hidden tui: tally by shown number" "optie 1: 0 (0%), optie 2: 2 (100%)"
expect_screen "hidden tui: follows shown 2" "Fijn dat u mij het wachten"
tm_stop

# Wrong input.
out=$(mini --plain replay bestaat-niet 2>&1); rc=$?
expect_eq "unknown source exit" "$rc" 1
expect_contains "unknown source message" "$out" "geen scenario, sessielogboek of intervisieverslag"

# Shuffled options: a log's replay lists them as the trainee saw them; a
# fresh replay shuffles per record and its resume keeps that order.
# (play prints "1. text"; replay may still indent its options)
options() { printf '%s\n' "$1" | sed -n 's/^ *\([0-9]\. \)/\1/p'; }
out=$(printf '1\n1\nx\n\n\n\n\n\n' | KLANTCOACH_SEED=3 KLANTCOACH_DATA="$T/sh" \
	mini --plain --name Sanne play proef-basis 2>&1)
seen=$(options "$out" | head -n 3)
log=$(ls "$T"/sh/sessions/*.csv)
out=$(printf '\n\n\n\n' | KLANTCOACH_DATA="$T/sh" mini --plain replay "$log" 2>&1)
expect_eq "log replay keeps the trainee's order" "$(options "$out" | head -n 3)" "$seen"
out=$(printf 'q\n' | KLANTCOACH_DATA="$T/fo" mini --plain --name Sanne play \
	--volgorde vast proef-basis 2>&1)
if [ "$seen" != "$(options "$out" | head -n 3)" ]; then ok; else
	fail "seed 3 should not show the file order"; fi
first=""; differs=0
for seed in 1 2 3 4 5 6; do
	out=$(printf 'q\n' | KLANTCOACH_SEED=$seed KLANTCOACH_DATA="$T/f$seed" \
		mini --plain replay proef-basis 2>&1)
	o=$(options "$out" | head -n 3)
	[ -z "$first" ] && first=$o
	[ "$o" != "$first" ] && differs=1
done
expect_eq "fresh replays shuffle per record" "$differs" 1
rec=$(ls "$T"/f6/intervisie/*.csv)
expect_contains "record says shuffled" "$(cat "$rec")" "volgorde,geschud"
out=$(printf 'q\n' | KLANTCOACH_DATA="$T/f6" mini --plain replay "$rec" 2>&1)
expect_eq "resumed record keeps its order" "$(options "$out" | head -n 3)" "$o"
# The tally of a shuffled replay counts by the numbers shown (seed 3 does
# not show the file order, see above).
out=$(printf '0 0 5\n\n' | KLANTCOACH_SEED=3 KLANTCOACH_DATA="$T/f3b" \
	mini --plain replay proef-basis 2>&1)
third=$(options "$out" | sed -n '3s/^3\. //p')
expect_contains "shuffled tally by shown number" "$out" "De groep: optie 1: 0 (0%), optie 2: 0 (0%), optie 3: 5 (100%)"
expect_contains "shuffled: follows the third shown" "$out" "Jullie volgen: $third"


# One step on the screen: read, vote, reveal, note.
tm_start "env HOME=$HOME KLANTCOACH_DATA=$T/tui LANG=C.UTF-8 TERM=xterm $KC_BIN --content $FIX/mini --volgorde vast replay proef-basis; sleep 30" 100 30
expect_screen "read" "Intervisie: Proef belt"
expect_screen "options with votes" "[0 stemmen]"
tm_keys 2 + + +
expect_screen "votes counted" "[3 stemmen]"
tm_keys Enter
expect_screen "reveal" "Jullie volgen"
expect_screen "response" "Dan bel ik wel weer."
tm_keys Enter
expect_screen "note field" "Notitie van de groep:"
tm_keys "Eerst erkennen." Tab
expect_screen "summary" "Niveau per competentie (groep / gevolgd / expert):"
tm_keys Enter
tm_stop
expect_contains "tui record" "$(cat "$T"/tui/intervisie/*.csv)" "notitie,"
# A split vote on the screen: the facilitator is asked, as in plain mode
# (COACH-UX 13); the summary has the per-step table plain mode has.
tm_start "env HOME=$HOME KLANTCOACH_DATA=$T/tui2 LANG=C.UTF-8 TERM=xterm $KC_BIN --content $FIX/mini --volgorde vast replay proef-basis; sleep 30" 100 40
expect_screen "split: read" "[0 stemmen]"
tm_keys 1 + 2 +
expect_screen "split: one vote is one stem" "[1 stem]"
tm_keys Enter
expect_screen "split: the tally" "optie 1: 1 (50%), optie 2: 1 (50%), optie 3: 0 (0%)"
expect_screen "split: said" "De stemmen zijn verdeeld: bespreek het verschil."
expect_screen "split: the facilitator is asked" "Welke optie volgen jullie?"
tm_keys 3
expect_screen "split: follows the pick" "Je leest de regels over de termijn"
expect_screen "split: no notice left" "Enter notitie van de groep"
tm_keys Enter Tab
expect_screen "split: step 2" "Stap 2"
tm_keys Enter
expect_screen "no votes: the facilitator is asked" "Welke optie volgen jullie?"
tm_keys 1 Enter Tab
expect_screen "TUI summary: a tie" "groep: gelijk"
expect_screen "TUI summary: no votes" "groep: niet gestemd"
expect_screen "TUI summary: followed" "gevolgd: Je leest de regels over de termijn"
expect_screen "TUI summary: the expert" "(expert)"
expect_screen "TUI summary: the record" "$T/tui2/intervisie/"
tm_keys Enter
tm_stop
expect_eq "split: the pick is recorded" \
	"$(grep '^volg,' "$T"/tui2/intervisie/*.csv | head -n 1 | cut -d, -f3,4)" "begin,3"
# COACH-UX 3 on the screen: the group's note is stored with the name hidden.
mkdir -p "$T/tui3/sessions"
cp "$T"/data/sessions/*.csv "$T/tui3/sessions/"
tm_start "env HOME=$HOME KLANTCOACH_DATA=$T/tui3 LANG=C.UTF-8 TERM=xterm $KC_BIN --content $FIX/mini replay --anoniem $(ls "$T"/tui3/sessions/*.csv); sleep 30" 100 40
expect_screen "tui anon: read" "[0 stemmen]"
tm_keys Enter
expect_screen "tui anon: reveal" "Gekozen door de cursist"
tm_keys Enter
expect_screen "tui anon: note field" "Notitie van de groep:"
tm_keys "zoe en ZOË, Van Der Berg" Tab
expect_screen "tui anon: step 2" "Stap 2"
tm_keys q
expect_screen "tui quit: asked" "j = stoppen"
tm_keys j
rec=$(ls "$T"/tui3/intervisie/*.csv)
expect_screen "tui quit: resume hint with the record id" \
	"Verder met: klantcoach replay $(basename "$rec" .csv)"
tm_stop
expect_contains "tui anon: note stored hidden" "$(cat "$rec")" "De cursist en de cursist, de cursist"
expect_eq "tui anon: no name" "$(grep -ci 'zo[eë]\|ZOË\|berg' "$rec")" 0
finish
