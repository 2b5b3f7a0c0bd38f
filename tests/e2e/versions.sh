#!/bin/sh
# versions.sh: a log opens against the scenario version it was played on.
# Sessions and an intervisie record are started, then the scenario file is
# edited (a text changed, a step removed); show, review, report, replay and
# resume (plain and on the screen) still use the old version, from the data
# folder's copy or from the content's versions/ folder, and name the version
# when both are gone; tools/versions fills versions/ from git history. The
# committed logs in tests/fixtures/logs (played on the bundled library) keep
# opening, also after every scenario file has changed.
. "$KC_SRC/tests/e2e/lib.sh"
trap 'tm_stop; rm -rf "$T"' EXIT

export KLANTCOACH_DATA="$T/data" KLANTCOACH_LEVEL=B KLANTCOACH_NAME=Sanne
cp -r "$FIX/mini" "$T/c"
sc="$T/c/content/scenarios/proef-basis.ini"
c() { "$KC_BIN" --content "$T/c" "$@"; }

# Before the change: a finished session, an interrupted one, and a fresh
# intervisie record (in another data folder) stopped at step 2.
printf '1\n1\nA\n' | c --plain --volgorde vast play proef-basis > /dev/null 2>&1
fin=$(ls "$T"/data/sessions/*.csv)
printf '1\n' | c --plain --volgorde vast play proef-basis > /dev/null 2>&1
int=$(ls "$T"/data/sessions/*.csv | grep -v "$fin")
printf '1\n' | c --plain --volgorde vast play proef-basis > /dev/null 2>&1
int2=$(ls "$T"/data/sessions/*.csv | grep -v "$fin" | grep -v "$int")
printf '2 2 1\n9\n3\n\n' | KLANTCOACH_DATA="$T/data2" c --plain --volgorde vast replay proef-basis > /dev/null 2>&1
rec=$(ls "$T"/data2/intervisie/*.csv)
v=$(sed -n 's/^meta,[^,]*,,,,,,,versie,//p' "$fin")
copy="$T/data/versies/proef-basis.$v.ini"
expect_eq "copy is the played file" "$(cmp "$copy" "$sc" && echo same)" same
expect_eq "copy private" "$(stat -c %a "$copy")" 600
expect_eq "copies folder private" "$(stat -c %a "$T/data/versies")" 700
expect_eq "one copy for two sessions" "$(ls "$T/data/versies" | wc -l)" 1
expect_eq "intervisie keeps a copy" "$(ls "$T/data2/versies")" "proef-basis.$v.ini"

# The change: another text at step 1, step 'uitleg' removed.
sed -i -e 's/Proef belt voor de derde keer./Proef belt opnieuw./' \
	-e '0,/^next = uitleg$/s//next = end.goed/' -e 's/^next = uitleg$/next = end.matig/' "$sc"
awk '/^\[/ { skip = ($0 ~ /^\[step\.uitleg/) } !skip' "$sc" > "$T/new" && mv "$T/new" "$sc"
expect_eq "edited scenario is still valid" "$(c check > /dev/null 2>&1; echo $?)" 0
expect_not_contains "step removed" "$(cat "$sc")" "uitleg"

out=$(c show "$fin" 2>&1); rc=$?
expect_eq "show exit" "$rc" 0
expect_contains "show on the old version" "$out" "Stap 2, jij: Je zegt: „Het besluit is klaar."
out=$(printf '1\nq\n' | c --plain review 2>&1)
expect_contains "review timeline old text" "$out" "Situatie: Proef belt voor de derde keer."
expect_not_contains "review no warning" "$out" "waarschuwing"
c report --format csv --tabel competenties "$T/data/sessions" > "$T/r.csv" \
	2> "$T/err"; rc=$?
expect_eq "report exit" "$rc" 0
expect_eq "report no warning" "$(cat "$T/err")" ""
expect_contains "report has levels" "$(cat "$T/r.csv")" "proef-basis,Uitleggen,1,0,0"
out=$(printf '\n\n\n\n' | c --plain replay "$fin" 2>&1); rc=$?
expect_eq "replay log exit" "$rc" 0
expect_contains "replay log old step" "$out" "Situatie: Je ziet in het dossier dat het besluit klaar is."
out=$(printf '\n1\nklaar\n' | KLANTCOACH_DATA="$T/data2" c --plain replay "$rec" 2>&1); rc=$?
expect_eq "replay record exit" "$rc" 0
expect_contains "replay record old step" "$out" "== Stap 2 =="
expect_contains "replay record ends" "$out" "Verslag bewaard: $rec"
out=$(printf '1\n' | c --plain resume "$(basename "$int" .csv)" 2>&1); rc=$?
expect_eq "resume exit" "$rc" 0
expect_contains "resume says so" "$out" \
	"Je speelt verder op de versie van 2023-11-14 (versie $(printf %.8s "$v")) waarop je deze sessie begon; het scenario 'proef-basis' is sindsdien veranderd."
expect_contains "resume on the old step" "$out" "Situatie: Je ziet in het dossier dat het besluit klaar is."
expect_contains "resumed game ends" "$out" "Einde van het gesprek (goed)"
if command -v tmux > /dev/null; then
	tm_start "env HOME=$HOME KLANTCOACH_DATA=$T/data LANG=C.UTF-8 TERM=xterm \
$KC_BIN --content $T/c resume $(basename "$int2" .csv); sleep 30" 160 30
	expect_screen "screen resume says so" "Je speelt verder op de versie van 2023-11-14"
	expect_screen "screen resume old step" "Je ziet in het dossier dat het besluit"
	tm_stop
fi
out=$(printf 'q\n' | c --plain --volgorde vast play proef-basis 2>&1)
expect_contains "new session on the new version" "$out" "Proef belt opnieuw."
expect_eq "new version kept too" "$(ls "$T/data/versies" | wc -l)" 2

# From the content's versions folder when the data folder has no copy;
# that folder is not part of the library.
mkdir "$T/c/content/versions"
mv "$copy" "$T/c/content/versions/"
rm -r "$T/data2/versies"
out=$(c show "$fin" 2>&1); rc=$?
expect_eq "show from versions folder" "$rc" 0
expect_eq "versions folder not listed" "$(c list | grep -c '^scenario')" 1
out=$(c check 2>&1)
expect_contains "versions folder not checked" "$out" "1 scenario's, 1 persona's"
out=$(c check "$T/c/content/versions/proef-basis.$v.ini" 2>&1); rc=$?
expect_eq "an old version still loads" "$rc" 0

# Nowhere to be found: the message names the version and where it looked.
rm "$T/c/content/versions/proef-basis.$v.ini"
missing="versie $v van scenario 'proef-basis' niet gevonden (gezocht in $T/data/versies, $T/c/content/versions en $T/c/content/scenarios)"
out=$(c show "$fin" 2>&1); rc=$?
expect_eq "missing show exit" "$rc" 1
expect_contains "missing show message" "$out" "$fin: fout: $missing"
out=$(printf '' | c --plain resume "$fin" 2>&1); rc=$?
expect_eq "missing resume exit" "$rc" 1
expect_contains "missing resume message" "$out" "$missing"
out=$(printf '\n' | c --plain replay "$fin" 2>&1); rc=$?
expect_eq "missing replay exit" "$rc" 1
expect_contains "missing replay message" "$out" "$missing"
c report --format csv "$T/data/sessions" > "$T/r.csv" 2> "$T/err"; rc=$?
expect_eq "missing report still written" "$rc" 0
expect_contains "missing report warns" "$(cat "$T/err")" "waarschuwing: $missing; getoond zonder niveaus"

# The committed logs, played on the bundled library, open in every view,
# also once every scenario file has changed (through content/versions).
mkdir -p "$T/rev/content"
cp -r "$KC_SRC/personas" "$T/rev/"
cp -r "$KC_SRC/content/frameworks" "$KC_SRC/content/scenarios" "$KC_SRC/content/versions" \
	"$T/rev/content/"
for f in "$T"/rev/content/scenarios/*.ini; do echo "; revisie" >> "$f"; done
logs="$FIX/logs"
for root in "$KC_SRC" "$T/rev"; do
	k() { "$KC_BIN" --content "$root" "$@"; }
	for f in "$logs"/*.csv; do
		n=$(basename "$f" .csv)
		out=$(k show "$f" 2>&1); rc=$?
		expect_eq "fixture $n show ($root)" "$rc" 0
		expect_contains "fixture $n reflection ($root)" "$out" "== Waarom? =="
		out=$(yes '' | head -60 | KLANTCOACH_DATA="$T/iv" k --plain replay "$f" 2>&1); rc=$?
		expect_eq "fixture $n replay ($root)" "$rc" 0
		expect_contains "fixture $n replay ends ($root)" "$out" "Verslag bewaard:"
	done
	k report --format csv --tabel competenties "$logs" > "$T/r.csv" \
		2> "$T/err"; rc=$?
	expect_eq "fixtures report ($root)" "$rc" 0
	expect_eq "fixtures report no warning ($root)" "$(cat "$T/err")" ""
	# 18 competency rows, less the 3 these scenarios do not rate (n.v.t.:
	# Klantpartnerschap in denzell-telefoon, Communiceren and
	# Klantpartnerschap in jos-binnenloop).
	expect_eq "fixtures levels ($root)" \
		"$(sed -n '/^scenario,competentie,/,$p' "$T/r.csv" | grep -c ',1,[01],')" 15
	out=$(printf '1\nq\n' | k --plain review "$logs" 2>&1)
	expect_contains "fixtures review ($root)" "$out" "Sessies: 3 (uit 3 bestanden)"
	expect_contains "fixtures timeline ($root)" "$out" "Stap 1 ("
	expect_not_contains "fixtures review no warning ($root)" "$out" "waarschuwing"
done
# tools/versions writes every committed version (all branches) and the work
# tree's, named by their hash; a second run writes nothing.
if command -v git > /dev/null; then
	R="$T/repo"
	mkdir -p "$R/tools" "$R/content/scenarios"
	cp "$KC_SRC/tools/versions" "$R/tools/"
	g() { git -C "$R" -c user.name=t -c user.email=t@t "$@" > /dev/null 2>&1; }
	s="$R/content/scenarios/proef-basis.ini"
	g init -b main
	cp "$FIX/mini/content/scenarios/proef-basis.ini" "$s"
	g add -A; g commit -m een
	echo "; twee" >> "$s"; g commit -am twee
	g checkout -b zij; echo "; zij" >> "$s"; g commit -am zij; g checkout main
	echo "; werkmap" >> "$s"
	out=$(KC_HASH="$KC_HASH" "$R/tools/versions" 2>&1); rc=$?
	expect_eq "tools/versions exit" "$rc" 0
	expect_contains "tools/versions count" "$out" "4 nieuw; 4 versies"
	for f in "$R"/content/versions/*; do
		n=${f##*/}
		expect_eq "tools/versions $n named by hash" \
			"proef-basis.$("$KC_HASH" < "$f").ini" "$n"
	done
	expect_eq "work tree version kept" \
		"$(cmp "$s" "$R/content/versions/proef-basis.$("$KC_HASH" < "$s").ini" && echo same)" same
	before=$(ls -l --time-style=+%s.%N "$R/content/versions")
	out=$(KC_HASH="$KC_HASH" "$R/tools/versions" 2>&1)
	expect_contains "tools/versions again" "$out" "0 nieuw; 4 versies"
	expect_eq "tools/versions idempotent" "$(ls -l --time-style=+%s.%N "$R/content/versions")" "$before"
fi
finish
