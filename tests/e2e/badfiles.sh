#!/bin/sh
# badfiles.sh: a corpus of broken content, config and log files (empty,
# truncated, binary junk, huge, wrong types, missing sections, a folder
# where a file belongs). Each gives a clear Dutch message with file (and
# line where there is one), exit 1, no crash; everything else keeps working.
. "$KC_SRC/tests/e2e/lib.sh"

R="$T/root"
export KLANTCOACH_LEVEL=B
mkdir -p "$R"
cp -r "$FIX/mini/personas" "$FIX/mini/content" "$R/"
S="$R/content/scenarios"
mkdir "$S/map.ini"
i=0
while [ $i -lt 200 ]; do printf '\377\376\001junk\000\n'; i=$((i + 1)); done > "$S/junk.ini"
: > "$S/leeg.ini"
head -c 600 "$S/proef-basis.ini" > "$S/kapot.ini"
awk 'BEGIN { printf "[scenario]\ntitle = "; for (i = 0; i < 200; i++) printf "xxxxxxxxxx"; printf "\n" }' > "$S/lang.ini"
awk 'BEGIN { for (i = 0; i < 20000; i++) printf "; %060d\n", i }' > "$S/groot.ini"
sed 's/^gezien = 2$/gezien = veel/' "$S/proef-basis.ini" > "$S/type.ini"
printf '[persona]\nname = X\n' > "$R/personas/half.ini"
printf '\377\376\000\001' > "$R/personas/binair.ini"

out=$("$KC_BIN" --content "$R" check 2>&1); rc=$?
expect_eq "check exit" "$rc" 1
expect_contains "folder" "$out" "scenarios/map.ini: fout: is een map, geen bestand; niet gelezen"
expect_contains "junk once" "$out" "junk.ini:1: fout: ongeldige UTF-8 of een NUL-teken; is dit een tekstbestand?"
expect_eq "junk reported once" "$(printf '%s\n' "$out" | grep -c 'junk.ini')" 1
expect_contains "empty" "$out" "leeg.ini: fout: sectie [scenario] ontbreekt"
expect_contains "truncated" "$out" "kapot.ini:27: fout: regel niet begrepen"
expect_contains "huge line" "$out" "lang.ini:2: fout: regel is 2008 bytes; het maximum is 1000"
expect_contains "huge file" "$out" "groot.ini: fout: is groter dan 1 MB, de grens voor dit soort bestand; niet gelezen"
expect_contains "wrong type" "$out" "type.ini:25: fout: 'gezien' moet een getal van -3 tot en met 3 zijn"
expect_contains "missing keys" "$out" "half.ini:1: fout: [persona] mist 'household'"
expect_contains "binary persona" "$out" "binair.ini:1: fout: ongeldige UTF-8"
out=$("$KC_BIN" --content "$R" list 2>/dev/null); rc=$?
expect_eq "list still works" "$rc" 0
expect_contains "good scenario still listed" "$out" "scenario	proef-basis"
out=$(printf '1\n1\n\n' | KLANTCOACH_DATA="$T/d" "$KC_BIN" --content "$R" --plain --name A play --volgorde vast proef-basis 2>/dev/null)
expect_contains "good scenario still plays" "$out" "Einde van het gesprek (goed)"
out=$("$KC_BIN" --content "$R" --plain --name A play junk 2>&1); rc=$?
expect_eq "broken scenario cannot be played" "$rc" 1
expect_contains "says which" "$out" "onbekend scenario 'junk'"

# Broken frameworks: missing file, junk, wrong header.
F="$R/content/frameworks"
cp -r "$F/mini" "$F/leeg"; : > "$F/leeg/targets.csv"
cp -r "$F/mini" "$F/junk"; printf 'competency,level,id,text\nx"y,1,a,"b\n' > "$F/junk/indicators.csv"
cp -r "$F/mini" "$F/mist"; rm "$F/mist/competencies.csv"
out=$("$KC_BIN" --content "$R" check "$F/leeg" "$F/junk" "$F/mist" 2>&1); rc=$?
expect_eq "framework check exit" "$rc" 1
expect_contains "empty targets" "$out" "leeg/targets.csv: fout: geen doelniveau voor competentie"
expect_contains "junk csv" "$out" "junk/indicators.csv:2: fout: ongeldige CSV"
expect_contains "missing file" "$out" "mist/competencies.csv: fout: kan niet lezen"

# Broken config files.
C="$T/cfg"
mkdir -p "$C/map.ini"
printf '\000\001\002' > "$C/binair.ini"
printf '[cursist\nnaam = x\n' > "$C/half.ini"
printf '[spel]\nmodus = 3\n' > "$C/type.ini"
: > "$C/leeg.ini"
for f in binair half type; do
	out=$("$KC_BIN" --config "$C/$f.ini" --content "$FIX/mini" list 2>&1); rc=$?
	expect_eq "config $f: no lock-out" "$rc" 0
	expect_contains "config $f names the file" "$out" "$C/$f.ini"
	expect_contains "config $f: defaults and the way out" "$out" \
		"gelden de standaardwaarden en het bestand blijft zoals het is; herstel"
done
out=$("$KC_BIN" --config "$C/map.ini" --content "$FIX/mini" list 2>&1); rc=$?
expect_eq "config folder is skipped" "$rc" 0
expect_contains "config folder warns" "$out" "$C/map.ini: waarschuwing: is een map, geen bestand; overgeslagen"
expect_contains "config type line" "$("$KC_BIN" --config "$C/type.ini" list 2>&1)" "type.ini:2: waarschuwing: spel.modus = '3': verwacht oefenen of toets"
out=$("$KC_BIN" --config "$C/leeg.ini" --content "$FIX/mini" list 2>&1); rc=$?
expect_eq "empty config is fine" "$rc" 0

# Broken session logs: resume, show and review report them; others still load.
export KLANTCOACH_DATA="$T/logs" KLANTCOACH_LEVEL=B
printf '1\n' | "$KC_BIN" --content "$FIX/mini" --plain --name A play --volgorde vast proef-basis > /dev/null 2>&1
L="$T/logs/sessions"
good=$(ls "$L"/*.csv)
: > "$L/leeg.csv"
printf '\377\376"\000,,\n' > "$L/junk.csv"
head -c 200 "$good" > "$L/afgebroken.csv"
sed 's/^keuze,\([^,]*\),begin,1,/keuze,\1,begin,zeven,/' "$good" > "$L/type.csv"
mkdir "$L/map.csv"
for f in leeg junk type; do
	out=$("$KC_BIN" --content "$FIX/mini" show "$L/$f.csv" 2>&1); rc=$?
	expect_eq "show $f exit" "$rc" 1
	expect_contains "show $f names the file" "$out" "$L/$f.csv"
done
expect_contains "type names line and field" "$("$KC_BIN" --content "$FIX/mini" show "$L/type.csv" 2>&1)" "type.csv:12: fout: veld 'optie': 'zeven'"
out=$("$KC_BIN" --content "$FIX/mini" --plain resume "$(basename "$good" .csv)" < /dev/null 2>&1); rc=$?
expect_eq "good log still resumes" "$rc" 0
out=$(printf 'q\n' | "$KC_BIN" --content "$FIX/mini" --plain review 2>&1); rc=$?
expect_eq "review with broken logs exit" "$rc" 0
expect_contains "review lists the good one" "$out" "Sessies: 1"
expect_contains "review warns" "$out" "junk.csv"
finish
