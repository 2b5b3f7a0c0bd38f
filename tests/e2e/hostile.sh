#!/bin/sh
# hostile.sh: files that are not what they should be, in every place the
# program reads: a session log, its feedback file, an intervisie record's
# log reference, a content file (persona, scenario, framework) and the
# config. Each is in turn a FIFO, a folder, a link to a device, a link to
# a private file and a file over the size limit. Every command that reads
# that place must finish (under timeout: a hang fails), name the file,
# never show the private file's content and never write through a link.
# Then escape sequences in titles, ids, values and file names: none
# reaches stdout or stderr raw.
. "$KC_SRC/tests/e2e/lib.sh"

export KLANTCOACH_DATA="$T/data" KLANTCOACH_LEVEL=B KLANTCOACH_COACH=Coach
R="$T/root"
mkdir -p "$R"
cp -r "$FIX/mini/personas" "$FIX/mini/content" "$R/"
SECRET=GEHEIM-7731
P="$T/privé"
printf '%s\n%s,b\n' "$SECRET" "$SECRET" > "$P"
chmod 600 "$P"
KINDS="fifo map apparaat prive groot"

ESC=$(printf '\033')
BEL=$(printf '\007')
RLO=$(printf '\342\200\256')
C1=$(printf '\302[\200-\237]')

# inert NAME TEXT: no escape, bell, C1 control or bidi override in TEXT.
inert() {
	case "$2" in *"$ESC"* | *"$BEL"* | *"$RLO"*)
		fail "$1: raw control character in output"; return ;;
	esac
	if printf '%s' "$2" | LC_ALL=C grep -q "$C1"; then
		fail "$1: raw C1 control in output"
	else
		ok
	fi
}

# run NAME ARGS...: klantcoach with stdin from $IN (default: nothing),
# under timeout; sets out and rc. A hang, a crash, the private file's
# content or a raw control character fails.
run() {
	name=$1
	shift
	out=$(timeout 20 "$KC_BIN" --content "$R" "$@" < "${IN:-/dev/null}" 2>&1)
	rc=$?
	if [ "$rc" -eq 124 ]; then
		fail "$name: hangs"
	elif [ "$rc" -ge 128 ]; then
		fail "$name: crashed ($rc)"
	fi
	expect_not_contains "$name: private content" "$out" "$SECRET"
	inert "$name" "$out"
}

# make KIND PATH LIMIT: put a file of KIND at PATH (LIMIT: the size limit
# for that place, in MB).
make_kind() {
	case $1 in
	fifo) mkfifo "$2" ;;
	map) mkdir "$2" ;;
	apparaat) ln -s /dev/zero "$2" ;;
	prive) ln -s "$P" "$2" ;;
	groot) truncate -s "$(($3 + 1))M" "$2" ;;
	esac
}

# Two good sessions: one stopped after a choice, one done with its
# reflection.
printf '1\n' | "$KC_BIN" --content "$R" --plain --name A --volgorde vast play proef-basis > /dev/null 2>&1
L="$T/data/sessions"
good=$(ls "$L"/*.csv)
gid=$(basename "$good" .csv)
export KLANTCOACH_TIME=1700000100
printf '1\n1\n\n\n\n\n\n\n\n\n\n' |
	"$KC_BIN" --content "$R" --plain --name A --volgorde vast play proef-basis > /dev/null 2>&1
done=$(ls "$L"/*.csv | grep -v "$gid")
did=$(basename "$done" .csv)
sum=$(cksum < "$P")

# 1. The session log itself.
for k in $KINDS; do
	make_kind "$k" "$L/$k.csv" 16
	run "show $k log" show "$L/$k.csv"
	expect_eq "show $k log exit" "$rc" 1
	expect_contains "show $k log names it" "$out" "$L/$k.csv"
	run "resume $k log" --plain resume "$L/$k.csv"
	expect_eq "resume $k log exit" "$rc" 1
	expect_contains "resume $k log names it" "$out" "$L/$k.csv"
	run "replay $k log" --plain replay "$L/$k.csv"
	expect_contains "replay $k log names it" "$out" "$L/$k.csv"
done
expect_contains "private log: says what it is not" \
	"$(timeout 20 "$KC_BIN" --content "$R" show "$L/prive.csv" 2>&1)" \
	"prive.csv:1: fout: is geen klantcoach-sessielog"
IN="$T/q"
printf 'q\n' > "$IN"
run "review with hostile logs" --plain review
expect_eq "review exit" "$rc" 0
expect_contains "review lists the good session" "$out" "Sessies: 2 (uit 7 bestanden)"
for k in $KINDS; do
	expect_contains "review names $k log" "$out" "$L/$k.csv"
done
IN=
run "report with hostile logs" report --format md
expect_eq "report exit" "$rc" 0
expect_contains "report counts the good session" "$out" "2 sessies uit 7 bestanden (5 overgeslagen)"
for k in $KINDS; do
	expect_contains "report names $k log" "$out" "$L/$k.csv"
done
run "resume by id beside hostile logs" --plain resume "$gid"
expect_contains "the good session resumes" "$out" "Stap 2"
for k in $KINDS; do rm -rf "${L:?}/$k.csv"; done

# Logs whose choices or undos do not fit the scenario: refused with the
# line, exit 1 (under the ASan build a leak would change the exit code).
head=$(grep -v '^keuze,' "$good")
row() { echo "$1,2026-01-31T12:00:00Z,$2,$3,0,5,5,5,,"; }
{ echo "$head"; row keuze begin 1; row keuze begin 1; } > "$T/pad1.csv"
{ echo "$head"; row keuze begin 1; row terug begin 2; } > "$T/pad2.csv"
{ echo "$head"; row terug begin 1; } > "$T/pad3.csv"
{ echo "$head"; row keuze begin 3; row keuze uitleg 3; } > "$T/pad4.csv"
for f in pad1 pad2 pad3 pad4; do
	for cmd in show "--plain resume" "--plain replay"; do
		# shellcheck disable=SC2086
		run "$cmd $f" $cmd "$T/$f.csv"
		expect_eq "$cmd $f exit" "$rc" 1
		expect_contains "$cmd $f names the line" "$out" "$f.csv:1"
		expect_contains "$cmd $f says why" "$out" "past niet bij het scenario"
	done
done

# 2. The feedback file beside the good log; the coach adds feedback.
fb="$L/$did.feedback.csv"
for k in $KINDS; do
	make_kind "$k" "$fb" 16
	run "show with $k feedback" show "$did"
	expect_contains "show with $k feedback names it" "$out" "$fb"
	IN="$T/fb"
	printf '1\nf 0 Goed gedaan\nq\n' > "$IN"
	run "review with $k feedback" --plain review
	IN=
	expect_contains "review with $k feedback names it" "$out" "$fb"
	expect_not_contains "$k feedback: not saved" "$out" "Feedback bewaard."
	run "report with $k feedback" report --format csv
	expect_contains "report with $k feedback names it" "$out" "$fb"
	rm -rf "$fb"
done
expect_eq "private file unchanged" "$(cksum < "$P")" "$sum"
ln -s "$T/nieuw" "$fb"
IN="$T/fb"
printf '1\nf 0 Goed gedaan\nq\n' > "$IN"
run "feedback through a dangling link" --plain review
IN=
expect_eq "no file made through a dangling link" "$(ls "$T/nieuw" 2>&1 | grep -c 'No such')" 1
rm -f "$fb"

# 3. An intervisie record whose log reference is hostile.
mkdir -p "$T/data/intervisie"
ver=$(sed -n 's/^meta,[^,]*,,,,versie,//p' "$good")
for k in $KINDS; do
	make_kind "$k" "$T/ref-$k.csv" 16
	rec="$T/data/intervisie/20231114-221320-intervisie-$k.csv"
	{
		echo "klantcoach-intervisie,1"
		echo "gebeurtenis,tijd,stap,optie,aantal,sleutel,waarde"
		for kv in "bron,$gid" "scenario,proef-basis" "versie,$ver" "anoniem,nee" \
			"logboek,$T/ref-$k.csv"; do
			echo "meta,2023-11-14T22:13:20Z,,,,$kv"
		done
	} > "$rec"
	run "replay record with $k log" --plain replay "$rec"
	expect_eq "replay record with $k log exit" "$rc" 1
	expect_contains "replay record with $k log names it" "$out" "$T/ref-$k.csv"
done
for k in $KINDS; do
	make_kind "$k" "$T/data/intervisie/$k.csv" 16
done
IN="$T/q"
run "review with hostile records" --plain review
IN=
expect_eq "review with hostile records exit" "$rc" 0
expect_contains "review still lists records" "$out" "Intervisieverslagen: 10"

# 4. Content files: a persona, a scenario, a framework file.
S="$R/content/scenarios"
F="$R/content/frameworks"
for k in $KINDS; do
	make_kind "$k" "$R/personas/p-$k.ini" 1
	make_kind "$k" "$S/s-$k.ini" 1
	cp -r "$F/mini" "$F/f-$k"
	rm "$F/f-$k/indicators.csv"
	make_kind "$k" "$F/f-$k/indicators.csv" 16
done
run "list with hostile content" list
expect_eq "list exit" "$rc" 0
expect_contains "list still lists the good scenario" "$out" "scenario	proef-basis"
run "check with hostile content" check
expect_eq "check exit" "$rc" 1
all=$out
expect_contains "size limit named" "$all" \
	"s-groot.ini: fout: is groter dan 1 MB, de grens voor dit soort bestand"
IN="$T/play"
printf '1\n1\n\n' > "$IN"
run "play beside hostile content" --plain --name A --volgorde vast play proef-basis
IN=
expect_contains "play beside hostile content" "$out" "Einde van het gesprek"
for k in $KINDS; do
	expect_contains "check names persona $k" "$all" "personas/p-$k.ini"
	expect_contains "check names scenario $k" "$all" "scenarios/s-$k.ini"
	expect_contains "check names framework $k" "$all" "f-$k/indicators.csv"
	run "check $k scenario by path" check "$S/s-$k.ini"
	expect_eq "check $k scenario by path exit" "$rc" 1
	expect_contains "check $k by path names it" "$out" "s-$k.ini"
done
for k in $KINDS; do rm -rf "$R/personas/p-$k.ini" "$S/s-$k.ini" "${F:?}/f-$k"; done

# 5. The config file.
for k in $KINDS; do
	make_kind "$k" "$T/cfg-$k.ini" 1
	run "list with $k config" --config "$T/cfg-$k.ini" list
	expect_contains "$k config named" "$out" "$T/cfg-$k.ini"
done
run "FIFO config skipped" --config "$T/cfg-fifo.ini" list
expect_eq "FIFO config: goes on" "$rc" 0
expect_contains "FIFO config: warning" "$out" "cfg-fifo.ini: waarschuwing: is geen gewoon bestand"
expect_eq "private file still unchanged" "$(cksum < "$P")" "$sum"

# 6. Escape sequences: a clear screen, an OSC title with BEL, a C1 CSI and
# a right-to-left override in titles, ids, values and file names.
EVIL=$(printf '\033[2J\033]0:pwned\007\302\2331m\342\200\256')
sed "s/^title = .*/title = Titel $EVIL/" "$S/proef-basis.ini" > "$S/boos.ini"
sed "s/^start = begin/start = begin$EVIL/" "$S/proef-basis.ini" > "$S/kapot.ini"
cp "$S/proef-basis.ini" "$S/id$EVIL.ini"
run "list with escapes" list
expect_contains "title shown escaped" "$out" "Titel \\x1b[2J"
run "check with escapes" check
expect_contains "value quoted escaped" "$out" "'start' verwijst naar onbekende stap 'begin\\x1b[2J"
printf '[spel]\nmodus = %s\n' "$EVIL" > "$T/boos.ini"
run "config value with escapes" --config "$T/boos.ini" list
expect_contains "config value named" "$out" "boos.ini:2: waarschuwing: "
sed "s/^keuze,\([^,]*\),begin,1,/keuze,\1,begin,1$EVIL,/" "$good" > "$L/veld.csv"
cp "$L/veld.csv" "$L/naam$EVIL.csv"
run "show damaged field with escapes" show "$L/veld.csv"
expect_contains "damaged field quoted escaped" "$out" "veld 'optie': '1\\x1b[2J"
IN="$T/q"
run "review with escaped file names" --plain review
IN=
expect_contains "file name shown escaped" "$out" "naam\\x1b[2J"
run "report with escaped file names" report --format csv
run "replay with escaped argument" --plain replay "x$EVIL"
run "show with escaped argument" show "x$EVIL"
run "resume with escaped argument" --plain resume "x$EVIL"
run "unknown option with escapes" "--x$EVIL"
finish
