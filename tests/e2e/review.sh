#!/bin/sh
# review.sh: the coach's side on a synthetic cohort written by the real
# engine: exact counts in CSV, Markdown and HTML, filters, damaged logs,
# feedback beside the log (and the trainee seeing it), hostile text made
# inert everywhere, and the review screens through tmux.
. "$KC_SRC/tests/e2e/lib.sh"
trap 'tm_stop; rm -rf "$T"' EXIT

C="$T/cohort"
# A fixed seed: the option order decides which sessions finish, and with
# it how many trainees have levels (29 instead of 30 about one run in 8).
KLANTCOACH_SEED=42 "$KC_COHORT" "$KC_SRC" "$C" 30 4 42 > "$T/expected" ||
	fail "cohort generator"

# CSV: one table per file (COACH-UX 12). The sessions in chronological
# order; the per-step counts equal the generator's own tally, in scenario
# order with the options nobody chose as 0.
kc report --format csv "$C" > "$T/r.csv" 2> "$T/err"; rc=$?
expect_eq "csv exit" "$rc" 0
expect_eq "csv sessions" "$(sed 1d "$T/r.csv" | wc -l)" 120
expect_eq "csv one table" "$(grep -c '^scenario,' "$T/r.csv")" 0
expect_contains "csv target columns" "$(head -1 "$T/r.csv")" ",kp,kp_doel,"
starts=$(sed 1d "$T/r.csv" | cut -d, -f7)
expect_eq "csv chronological" "$starts" "$(printf '%s\n' "$starts" | sort)"
expect_eq "csv uses CRLF" "$(head -1 "$T/r.csv" | od -c | grep -c '\\r')" 1
kc report --format csv --tabel stappen "$C" | sed '1d; s/\r$//' > "$T/steps.csv"
got=$(awk -F, '$(NF-2) > 0 {print $1 "," $2 "," $3 "," $(NF-2)}' "$T/steps.csv" | sort)
expect_eq "csv per-step counts equal the generator's tally" "$got" "$(sort "$T/expected")"
expect_eq "csv steps in scenario order" \
	"$(grep '^jos-binnenloop,' "$T/steps.csv" | cut -d, -f2 | uniq | head -3 | tr '\n' ' ')" \
	"$(sed -n 's/^\[step\.\([^].]*\)\]$/\1/p' "$KC_SRC/content/scenarios/jos-binnenloop.ini" | head -3 | tr '\n' ' ')"
expect_eq "csv options nobody chose are 0" \
	"$(grep -c ',0,0,\(ja\|nee\)$' "$T/steps.csv")" \
	"$(($(wc -l < "$T/steps.csv") - $(wc -l < "$T/expected")))"
expect_eq "csv competency table" "$(kc report --format csv --tabel competenties "$C" | head -1)" \
	"$(printf 'scenario,competentie,sessies,onder_doel,procent_onder_doel\r')"
# A folder gets the three tables as three files; --excel adds the BOM and
# separates with ';'.
kc report --format csv --excel -o "$T/tabellen/" "$C"; rc=$?
expect_eq "csv folder exit" "$rc" 0
expect_eq "csv folder files" "$(ls "$T/tabellen" | tr '\n' ' ')" \
	"competenties.csv sessies.csv stappen.csv "
expect_eq "csv folder private" "$(stat -c %a "$T/tabellen/stappen.csv")" 600
expect_eq "excel BOM" "$(head -c 3 "$T/tabellen/sessies.csv" | od -An -tx1 | tr -d ' ')" efbbbf
expect_contains "excel semicolons" "$(head -1 "$T/tabellen/stappen.csv")" "scenario;stap;optie_id;tekst"
expect_eq "excel same rows" "$(sed 1d "$T/tabellen/sessies.csv" | wc -l)" 120
out=$(kc report --format md --tabel stappen "$C" 2>&1); rc=$?
expect_eq "--tabel only with csv" "$rc" 2
out=$(kc report --format csv --tabel alles "$C" 2>&1); rc=$?
expect_eq "unknown table" "$rc" 2
expect_contains "unknown table named" "$out" "--tabel verwacht sessies, stappen of competenties: alles"

# Markdown and HTML: the same numbers.
kc report --format md "$C" > "$T/r.md"
expect_eq "md session rows" "$(sed -n '/^## Sessies/,/^## Keuzes/p' "$T/r.md" | grep -c '^| 20')" 120
expect_eq "md step rows" "$(sed -n '/^## Keuzes per stap/,/^## Competenties/p' "$T/r.md" | grep -c '^| [a-z0-9-]* | [a-z0-9-]* | [1-9]')" "$(wc -l < "$T/expected")"
first=$(head -1 "$T/expected")
sc=${first%%,*}; rest=${first#*,}; st=${rest%%,*}; rest=${rest#*,}; op=${rest%%,*}; n=${rest#*,}
text=$(sed -n "/^\[step\.$st\.$op\]/,/^\[/s/^text *= *//p" "$KC_SRC/content/scenarios/$sc.ini")
expect_contains "md exact count, option by its text" \
	"$(grep -F -- "| $sc | $st | $n |" "$T/r.md")" "| $text |"
kc report --format html -o "$T/r.html" "$C"; rc=$?
expect_eq "html exit" "$rc" 0
expect_eq "html private" "$(stat -c %a "$T/r.html")" 600
h=$(cat "$T/r.html")
expect_eq "html session rows" "$(grep -c '^<tr><td class="date">20' "$T/r.html")" 120
expect_contains "html self-contained" "$h" "<style>"
expect_not_contains "html no external assets" "$h" "src=\"http"
expect_contains "html summary" "$h" "<li>120 sessies: "
expect_contains "html meters per scenario" "$h" "<h2>Meters aan het eind</h2>"
expect_contains "html growth chart" "$h" "<h2>Groei per cursist</h2>"
# Read from the file: the page is large for the shell's pattern matching.
n=$(grep -c '30 cursisten met niveaus: grafieken alleen bij 24' "$T/r.html")
expect_eq "html growth note above the limit" "$n" 1
[ "$n" = 1 ] || { grep -o 'class="note">[^<]*' "$T/r.html"; ls -l "$T/r.html"
	grep -c '<svg' "$T/r.html"; } >&2	# failed under load a few times: why
expect_contains "html step rows name options by text" "$h" \
	"<tr><td>$(printf '%s' "$text" | sed "s/&/\\&amp;/g; s/'/\\&#39;/g; s/\"/\\&quot;/g")"
expect_eq "html svg balanced" "$(grep -o '<svg' "$T/r.html" | wc -l)" "$(grep -o '</svg>' "$T/r.html" | wc -l)"

# A real browser renders it: Chromium's DOM keeps every row and chart
# element, and a screenshot is made (CI installs chromium).
if command -v chromium >/dev/null 2>&1; then
	cr="chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run
	    --disable-background-networking --disable-component-update --disable-sync
	    --user-data-dir=$T/chromium"
	timeout 120 $cr --dump-dom "file://$T/r.html" > "$T/dom.html" 2>/dev/null
	expect_eq "browser keeps the rows" "$(grep -o '<tr><td class="date">20' "$T/dom.html" | wc -l)" 120
	timeout 120 $cr --window-size=1200,1600 --screenshot="$T/r.png" "file://$T/r.html" > /dev/null 2>&1
	expect_eq "browser screenshot" "$(test -s "$T/r.png" && echo made)" made
else
	echo "note: chromium not installed; browser rendering not checked" >&2
fi

# Filters.
out=$(kc report --format csv --trainee "Cursist 01" "$C")
expect_eq "trainee filter" "$(printf '%s\n' "$out" | grep -c ',Cursist 01,')" 4
out=$(kc report --format csv --scenario jos-binnenloop "$C")
expect_not_contains "scenario filter" "$out" ",denzell-"

# A damaged log is skipped with file and line; the rest is still reported.
cp "$(ls "$C"/*.csv | head -1)" "$C/zz-kapot.csv"
printf 'keuze,gisteren,begin,1,,5,5,5,,\n' >> "$C/zz-kapot.csv"
kc report --format csv "$C" > "$T/r2.csv" 2> "$T/err"; rc=$?
expect_eq "damaged still exit 0" "$rc" 0
expect_contains "damaged warning names file and line" "$(cat "$T/err")" "zz-kapot.csv:"
expect_contains "damaged field named" "$(cat "$T/err")" "veld 'tijd': 'gisteren'"
expect_eq "rest still reported" "$(sed 1d "$T/r2.csv" | wc -l)" 120
rm "$C/zz-kapot.csv"
out=$(kc report --format pdf "$C" 2>&1); rc=$?
expect_eq "bad format exit" "$rc" 2
out=$(kc report --format csv "$T/nergens" 2>&1); rc=$?
expect_eq "missing folder exit" "$rc" 1

# Feedback: stored beside the log, never inside it; the trainee sees it.
export KLANTCOACH_DATA="$T/data" KLANTCOACH_LEVEL=B
printf '1\n1\nprima\n' | "$KC_BIN" --content "$FIX/mini" --plain --name Sanne play --volgorde vast proef-basis > /dev/null
log=$(ls "$T"/data/sessions/*.csv)
before=$(cksum < "$log")
out=$(printf '1\nf 1 Mooi samengevat.\nf 0 Sterk gesprek.\nq\n' |
	KLANTCOACH_COACH="Coach Ria" "$KC_BIN" --content "$FIX/mini" --plain review 2>&1)
expect_contains "timeline shows the step" "$out" "Stap 1 ("
expect_contains "timeline not chosen" "$out" "niet gekozen 2:"
expect_contains "feedback saved" "$out" "Feedback bewaard."
expect_eq "log untouched" "$(cksum < "$log")" "$before"
fb="${log%.csv}.feedback.csv"
expect_eq "feedback file private" "$(stat -c %a "$fb")" 600
expect_contains "feedback row" "$(cat "$fb")" ",Coach Ria,1,Mooi samengevat."
out=$("$KC_BIN" --content "$FIX/mini" show "$(basename "$log" .csv)")
expect_contains "trainee sees step feedback" "$out" "Coach Ria bij stap 1"
expect_contains "trainee sees overall feedback" "$out" "Coach Ria, algemeen"

# Feedback (COACH-UX 5): a step the session does not have is refused; the
# coach's name is asked once and kept in the config; feedback on the same
# step again replaces it, w withdraws it; every row stays in the file.
out=$(printf '1\nf 99 Test\nf 2 Eerste versie\nRia Coach\nf 2 Tweede versie\nw 1\nq\n' |
	"$KC_BIN" --content "$FIX/mini" --plain review 2>&1)
expect_contains "step 99 refused" "$out" "Stap 99 bestaat niet: deze sessie heeft 2 stappen."
expect_not_contains "step 99 not saved" "$(cat "$fb")" ",99,"
expect_contains "coach name asked" "$out" "Je naam als coach"
expect_contains "coach name stored" "$(cat "$HOME/.config/klantcoach/klantcoach.ini")" 'naam = "Ria Coach"'
expect_contains "withdraw only own feedback" "$out" "Bij stap 1 staat geen feedback van jou."
out=$(printf '1\nw 2\nq\n' | "$KC_BIN" --content "$FIX/mini" --plain review 2>&1)
expect_not_contains "coach name asked once" "$out" "Je naam als coach"
expect_contains "withdrawn" "$out" "Feedback ingetrokken."
expect_eq "rows appended, none removed" "$(grep -c ',Ria Coach,2,' "$fb")" 3
out=$("$KC_BIN" --content "$FIX/mini" show "$(basename "$log" .csv)")
expect_not_contains "withdrawn feedback not shown" "$out" "versie"
expect_contains "other coach's feedback stays" "$out" "Coach Ria bij stap 1"
printf '1\nf 2 Derde versie\nf 2 Vierde versie\nq\n' |
	"$KC_BIN" --content "$FIX/mini" --plain review > /dev/null 2>&1
expect_contains "review shows the latest" "$(printf '1\nq\n' |
	"$KC_BIN" --content "$FIX/mini" --plain review 2>&1)" \
	"Feedback van Ria Coach (2023-11-14): Vierde versie"
out=$("$KC_BIN" --content "$FIX/mini" show "$(basename "$log" .csv)")
expect_contains "trainee sees the latest" "$out" "Vierde versie"
expect_not_contains "trainee not the replaced" "$out" "Derde versie"
out=$(printf '1\ng\nq\n' | "$KC_BIN" --content "$FIX/mini" --plain review 2>&1)
expect_contains "growth view" "$out" "Groei van Sanne"

# A shuffled session: the timeline numbers the options as the trainee saw
# them, in the order they were shown, and marks the expert option.
out=$(printf '2\nq\n' | KLANTCOACH_SEED=3 KLANTCOACH_DATA="$T/shuf" "$KC_BIN" \
	--content "$FIX/mini" --plain --name Sanne play proef-basis 2>&1)
seen=$(printf '%s\n' "$out" | sed -n 's/^\([0-9]\)\. /\1: /p' | head -n 3)
got=$(printf '1\nq\n' | KLANTCOACH_DATA="$T/shuf" "$KC_BIN" --content "$FIX/mini" \
	--plain review 2>&1 | sed -n 's/^Gekozen \([0-9]\)[^:]*: /\1: /p;
	s/^niet gekozen \([0-9]\)[^:]*: /\1: /p' | sort)
expect_eq "timeline numbers the options as the trainee saw them" "$got" "$seen"
expect_contains "timeline marks the expert" "$(printf '1\nq\n' |
	KLANTCOACH_DATA="$T/shuf" "$KC_BIN" --content "$FIX/mini" --plain review 2>&1)" "(expert): Je zegt: „U wacht"
out=$(printf '1\nc\nq\n' | "$KC_BIN" --content "$FIX/mini" --plain review 2>&1)
expect_contains "cohort view" "$out" "Cohort: Proef belt"
expect_contains "cohort percent" "$out" "(100%)"

# At level C the mini scenario asks Uitleggen only at level 1 (target 2):
# the reflection shows the level reached as n.v.t., and neither the growth
# view, the cohort nor the report counts it as onder doel.
export KLANTCOACH_DATA="$T/nvt"
printf '1\n1\n' | KLANTCOACH_LEVEL=C "$KC_BIN" --content "$FIX/mini" --plain --name Nina \
	play --volgorde vast proef-basis > /dev/null 2>&1
nlog=$(ls "$T"/nvt/sessions/*.csv)
out=$("$KC_BIN" --content "$FIX/mini" show "$(basename "$nlog" .csv)")
expect_contains "n.v.t. in the reflection" "$out" \
	"Uitleggen	1	2	n.v.t. in dit scenario (vraagt niet meer dan niveau 1)"
expect_contains "rated competency on target" "$out" "Luisteren	2	2	op doel"
out=$(printf '1\ng\nq\n' | "$KC_BIN" --content "$FIX/mini" --plain review 2>&1)
expect_contains "growth shows n.v.t." "$out" "1 n.v.t."
expect_not_contains "growth has no onder" "$out" "onder"
out=$(printf '1\nc\nq\n' | "$KC_BIN" --content "$FIX/mini" --plain review 2>&1)
expect_contains "cohort n.v.t." "$out" "Uitleggen	n.v.t. in dit scenario"
expect_contains "cohort rated" "$out" "Luisteren	0 van 1 sessies (0%)"
# jos-binnenloop asks Communiceren only at level 1, whatever the path.
export KLANTCOACH_DATA="$T/nvt-kap"
yes 1 | head -30 | KLANTCOACH_LEVEL=A kc --plain --name Nina play jos-binnenloop > /dev/null 2>&1
out=$(kc report --format md "$T/nvt-kap/sessions" 2>&1)
expect_contains "md session n.v.t." "$out" " n.v.t. |"
expect_contains "md table n.v.t." "$out" "| Communiceren | 0 | n.v.t. in dit scenario |"
expect_contains "html session n.v.t." "$(kc report --format html "$T/nvt-kap/sessions")" \
	" n.v.t.</td>"

# Hostile text in a name, an answer and feedback is inert everywhere. A
# name cannot hold control characters (they are refused at input), so the
# names carry only the printable attacks.
bad=$(printf '=X\033[2J\033]0;pwn\007=cmd|%s /C calc%s!A0<script>alert(1)</script>\342\200\256evil\377' "'" "'")
hname=$(printf '=cmd|%s /C calc%s!A0<script>alert(1)</script>' "'" "'")
export KLANTCOACH_DATA="$T/hostile"
printf '1\n1\n%s\n' "$bad" | "$KC_BIN" --content "$FIX/mini" --plain --name "$hname" play --volgorde vast proef-basis > "$T/play.out" 2>&1
hlog=$(ls "$T"/hostile/sessions/*.csv)
KLANTCOACH_COACH="$hname" "$KC_BIN" --content "$FIX/mini" --plain review > "$T/rev.out" 2>&1 <<IN
1
f 1 $bad
q
IN
"$KC_BIN" --content "$FIX/mini" show "$(basename "$hlog" .csv)" > "$T/show.out" 2>&1
"$KC_BIN" --content "$FIX/mini" report --format csv "$T/hostile/sessions" > "$T/h.csv" 2>&1
"$KC_BIN" --content "$FIX/mini" report --format md "$T/hostile/sessions" > "$T/h.md" 2>&1
"$KC_BIN" --content "$FIX/mini" report --format html "$T/hostile/sessions" > "$T/h.html" 2>&1
for f in play.out rev.out show.out h.csv h.md h.html; do
	expect_eq "$f has no ESC" "$(tr -dc '\033' < "$T/$f" | wc -c)" 0
	expect_eq "$f has no BEL" "$(tr -dc '\007' < "$T/$f" | wc -c)" 0
	expect_eq "$f has no bidi override" "$(grep -c "$(printf '\342\200\256')" "$T/$f")" 0
done
expect_contains "show makes ESC visible" "$(cat "$T/show.out")" '\x1b[2J'
expect_contains "csv neutralises formulas" "$(cat "$T/h.csv")" "'=cmd|"
expect_not_contains "html has no live script" "$(cat "$T/h.html")" "<script>"
expect_contains "html escaped script" "$(cat "$T/h.html")" "&lt;script&gt;"
expect_contains "md escaped script" "$(cat "$T/h.md")" "&lt;script&gt;"
expect_not_contains "md cell cannot break the table" "$(grep 'proef-basis' "$T/h.md" | head -1)" "calc'!A0|"

# The review screens: list, timeline, feedback written in the TUI.
unset KLANTCOACH_DATA
tm_start "env HOME=$HOME KLANTCOACH_COACH=Coach LANG=C.UTF-8 TERM=xterm $KC_BIN --content $KC_SRC review $C; sleep 30" 100 30
expect_screen "list" "klantcoach review: 120 van 120 sessies"
tm_keys /
tm_keys '"Cursist 07"' Enter
expect_screen "search" "klantcoach review: 4 van 120 sessies"
tm_keys s
expect_screen "sort" "gesorteerd op cursist"
tm_keys Enter
expect_screen "timeline" "klantcoach review: tijdlijn"
expect_screen "timeline step" "Stap 1 ("
tm_keys f
expect_screen "feedback step" "Bij welke stap?"
tm_keys BSpace 0 Enter
expect_screen "feedback text" "Je feedback (leeg"
tm_keys "Goed doorgevraagd, één vraag tegelijk." Tab
expect_screen "feedback saved" "Feedback bewaard naast het logboek."
tm_keys g
expect_screen "growth" "Groei van Cursist 07"
tm_keys c
expect_screen "cohort" "Cohort:"
tm_keys Escape q
tm_stop
expect_eq "feedback file written" "$(ls "$C"/*.feedback.csv | wc -l)" 1
expect_contains "tui feedback row" "$(cat "$C"/*.feedback.csv)" ",Coach,,\"Goed doorgevraagd, één vraag tegelijk.\""

# Search ignores case and accents and wants every word, each in any
# column (COACH-UX 6): /zoe, /ZOË, /yilmaz and /zoe proef find Zoë's and
# Fatma's sessions; a word that matches nobody empties the list.
for who in "Zoë van der Berg" "Fatma Yılmaz" "Sanne de Vries"; do
	printf '1\n1\nprima\n' | KLANTCOACH_DATA="$T/zoek" KLANTCOACH_LEVEL=B \
		"$KC_BIN" --content "$FIX/mini" --plain --name "$who" \
		play --volgorde vast proef-basis > /dev/null 2>&1
done
tm_start "env HOME=$HOME KLANTCOACH_COACH=Coach LANG=C.UTF-8 TERM=xterm $KC_BIN --content $FIX/mini review $T/zoek/sessions; sleep 30" 100 30
expect_screen "search list" "klantcoach review: 3 van 3 sessies"
# search WORDS COUNT: type a new search and see COUNT of the 3 sessions.
search() {
	tm_keys /
	tm_keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace \
		BSpace BSpace BSpace BSpace
	tm_keys -l "$1"
	tm_keys Enter
	expect_screen "search '$1' done" "zoekt $1"
	expect_screen "search '$1' finds $2" "klantcoach review: $2 van 3 sessies"
}
search zoe 1
expect_screen "search finds Zoë" "Zoë van der Berg"
search ZOË 1
expect_screen "search folds case" "Zoë van der Berg"
search yilmaz 1
expect_screen "search folds dotless i" "Fatma Yılmaz"
search "proef zoe" 1
search "zoe yilmaz" 0
expect_screen "search wants every word" "Geen sessies gevonden."
search PROEF 3
tm_keys q
tm_stop

# Real columns with headings that fit 80 columns (COACH-UX 4): a row is
# one line, a name of 16 characters is cut with an ellipsis, two spaces
# before the next column; the growth view too.
tm_start "env HOME=$HOME LANG=C.UTF-8 TERM=xterm $KC_BIN --content $FIX/mini review $T/zoek/sessions; sleep 30" 80 24
# The screen with the padding (spaces that do not break) as spaces.
spaced() { tm_screen | sed "s/$(printf '\302\240')/ /g"; }
expect_screen "list shown" "Zoë van der"
expect_contains "list headings" "$(spaced)" "nr  datum       cursist        scenario     modus"
expect_contains "long name cut, never fused" "$(spaced)" "Zoë van der …  proef-basis"
rows=$(spaced | sed -n '/^  nr /,/^$/p' | sed '1d; /^$/d')
expect_eq "one line per session" "$(printf '%s\n' "$rows" | grep -c '^  [0-9]\.  ')" 3
expect_eq "no wrapped rows" "$(printf '%s\n' "$rows" | grep -vc '^  [0-9]\.  ')" 0
tm_keys g
expect_screen "growth shown" "Groei van"
expect_contains "growth headings" "$(spaced)" "datum       scenario     Luisteren  Uitleggen"
# The timeline names the meters and shows an answer under its question
# (COACH-UX 7).
tm_keys Escape
expect_screen "back to the list" "klantcoach review: 3 van 3"
tm_keys Enter
expect_screen "meters named" "daarna gezien 6, gehoord 5, geholpen 3)"
tm_keys NPage
expect_screen "answer under its question" "Hoe voelde dit gesprek voor jou?"
expect_not_contains "no question keys" "$(tm_screen)" "gevoel"
tm_stop

# Feedback in the TUI (COACH-UX 5): the coach's name asked once and kept;
# the step in view filled in and checked; that step's text shown; the
# timeline where it was after saving; the feedback edited and withdrawn.
mkdir -p "$T/home2"
tm_start "env HOME=$T/home2 LANG=C.UTF-8 TERM=xterm $KC_BIN --content $FIX/mini review $T/zoek/sessions; sleep 30" 80 24
expect_screen "fb list" "klantcoach review: 3 van 3"
tm_keys Enter
expect_screen "fb timeline" "klantcoach review: tijdlijn"
tm_keys Down Down Down Down Down Down Down Down Down Down Down Down
expect_screen "fb scrolled" "niet gekozen 2: Je zegt: „Daar kan"
before=$(tm_screen | sed -n 3p)
tm_keys f
expect_screen "fb asks the coach's name" "Je naam als coach"
tm_keys -l "Ria Coach"
tm_keys Enter
expect_screen "fb step asked" "Bij welke stap?"
expect_eq "fb the step in view filled in" "$(tm_screen | sed -n 5p | tr -d ' ')" 1
tm_keys BSpace 9 9 Enter
expect_screen "fb step checked" "Stap 99 bestaat niet: deze sessie heeft 2 stappen."
tm_keys BSpace BSpace 2 Enter
expect_screen "fb the step's text" "Situatie: Je ziet in het dossier dat het besluit klaar is."
tm_keys -l "Goed gevraagd."
tm_keys Tab
expect_screen "fb saved" "Feedback bewaard naast het logboek."
expect_eq "fb timeline stays" "$(tm_screen | sed -n 3p)" "$before"
expect_contains "fb name kept" "$(cat "$T/home2/.config/klantcoach/klantcoach.ini")" 'naam = "Ria Coach"'
tm_keys f
expect_screen "fb name asked once" "Bij welke stap?"
tm_keys BSpace 2 Enter
expect_screen "fb own text to edit" "Goed gevraagd."
tm_keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace \
	BSpace BSpace BSpace BSpace BSpace Tab
expect_screen "fb withdrawn" "Feedback ingetrokken."
tm_stop
# Intervisie records come first in the list and open with Enter; Home
# and End move to the first and last row (COACH-UX 7).
printf '1 4 0\nTe snel afgehandeld.\n' | KLANTCOACH_DATA="$T/zoek" KLANTCOACH_LEVEL=B \
	"$KC_BIN" --content "$FIX/mini" --plain --volgorde vast replay proef-basis > /dev/null 2>&1
tm_start "env HOME=$T/home2 KLANTCOACH_DATA=$T/zoek LANG=C.UTF-8 TERM=screen $KC_BIN --content $FIX/mini review $T/zoek/sessions; sleep 30" 80 24
expect_screen "records listed" "Intervisieverslagen: 1"
expect_eq "records first" "$(spaced | grep -n 'Intervisieverslagen\|nr  ' | cut -d: -f1 | tr '\n' ' ')" "3 6 "
last=$(spaced | sed -n 's/^  3\.  [0-9-]*  \(.\{5\}\).*/\1/p')
tm_keys End Enter
expect_screen "End: the last session" "Sessie van $last"
tm_keys Escape
expect_screen "back to the list" "Intervisieverslagen: 1"
tm_keys Home Enter
expect_screen "record opened" "klantcoach review: intervisieverslag"
expect_screen "record summary" "Te snel afgehandeld."
tm_keys Escape
expect_screen "back from the record" "Intervisieverslagen: 1"
tm_stop
zfb=$(ls "$T"/zoek/sessions/*.feedback.csv)
expect_eq "fb rows kept" "$(sed 1,2d "$zfb" | cut -d, -f2- | tr '\n' '|')" \
	"Ria Coach,2,Goed gevraagd.|Ria Coach,2,|"

finish
