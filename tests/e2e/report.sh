#!/bin/sh
# report.sh: the report's filters (COACH-UX 6): days, a group file, trainee
# names regardless of case and accents, an error for a filter that names
# nothing, and a folder of trainees' folders searched with its subfolders;
# Markdown and HTML byte for byte as before the writers spooled (issue 22).
. "$KC_SRC/tests/e2e/lib.sh"

D="$T/cohort"
# play NAME TIME FOLDER: one finished session of the mini scenario.
play() {
	printf '1\n1\nprima\n' | KLANTCOACH_TIME=$2 KLANTCOACH_DATA="$D/$3" \
		KLANTCOACH_LEVEL=B "$KC_BIN" --content "$FIX/mini" --plain \
		--name "$1" play --volgorde vast proef-basis > /dev/null 2>&1 ||
		fail "play $1"
}
play "Zoë van der Berg" 1767225600 zoe		# 2026-01-01
play "Fatma Yılmaz" 1769904000 fatma		# 2026-02-01
play "Sanne de Vries" 1772323200 sanne/oud	# 2026-03-01, deeper
rep() { "$KC_BIN" --content "$FIX/mini" report --format csv "$@"; }
rows() { printf '%s\n' "$1" | sed 1d | wc -l; }

# A folder of trainees' folders: every log below it.
out=$(rep "$D" 2> "$T/err"); rc=$?
expect_eq "recursive exit" "$rc" 0
expect_eq "recursive finds all" "$(rows "$out")" 3
expect_eq "recursive: no warnings" "$(cat "$T/err")" ""
expect_eq "recursive: chronological" "$(printf '%s\n' "$out" | sed 1d | cut -d, -f2)" \
	"$(printf 'Zoë van der Berg\nFatma Yılmaz\nSanne de Vries')"

# --trainee ignores case and accents.
for n in "Zoë van der Berg" "zoe van der berg" "ZOË VAN DER BERG" "Zoe Van Der Berg"; do
	out=$(rep --trainee "$n" "$D")
	expect_eq "trainee '$n'" "$(rows "$out")" 1
	expect_contains "trainee '$n' is Zoë" "$out" ",Zoë van der Berg,"
done
expect_contains "trainee yilmaz" "$(rep --trainee "fatma yilmaz" "$D")" ",Fatma Yılmaz,"

# Issue 22: the writers that spool their sessions print what the writers
# that kept every session in memory printed (files made before the change).
for f in md html; do
	"$KC_BIN" --content "$FIX/mini" report --format $f --framework mini \
		"$D" > "$T/r.$f" 2>&1
	expect_eq "report $f as before" \
		"$(cmp "$T/r.$f" "$FIX/report/mini.$f" 2>&1 && echo same)" same
done

# Days, both included.
expect_eq "--van" "$(rows "$(rep --van 2026-02-01 "$D")")" 2
expect_eq "--tot" "$(rows "$(rep --tot 2026-01-31 "$D")")" 1
expect_eq "--van --tot one day" "$(rep --van 2026-02-01 --tot 2026-02-01 "$D" | sed 1d | cut -d, -f2)" \
	"Fatma Yılmaz"
out=$(rep --van 2026-13-01 "$D" 2>&1); rc=$?
expect_eq "bad day exit" "$rc" 2
expect_contains "bad day named" "$out" "--van en --tot verwachten een datum als 2026-01-31: 2026-13-01"

# A filter that names nothing is an error, and no file is written.
out=$(rep --trainee "Pieter 't Hart" -o "$T/leeg.csv" "$D" 2>&1); rc=$?
expect_eq "unknown trainee exit" "$rc" 1
expect_eq "unknown trainee message" "$out" "klantcoach: geen sessies van cursist 'Pieter 't Hart'"
expect_eq "unknown trainee: no file" "$(test -e "$T/leeg.csv" && echo made)" ""
out=$(rep --scenario bestaatniet "$D" 2>&1); rc=$?
expect_eq "unknown scenario exit" "$rc" 1
expect_eq "unknown scenario message" "$out" "klantcoach: onbekend scenario 'bestaatniet'"
out=$("$KC_BIN" --content "$FIX/mini" report --format md --trainee Niemand "$D" 2>&1); rc=$?
expect_eq "unknown trainee md exit" "$rc" 1

# A group: only its members, those without sessions listed with 0.
printf '# intervisiegroep A\nzoe van der berg\n\n  Pieter '"'"'t Hart  \r\n' > "$T/groep.txt"
out=$(rep --groep "$T/groep.txt" "$D")
expect_eq "group rows" "$(rows "$out")" 2
expect_contains "group member" "$out" ",Zoë van der Berg,"
expect_not_contains "group leaves others out" "$out" "Fatma"
expect_contains "group member without sessions" "$out" ",Pieter 't Hart,,,,,,geen sessies,,,,,0,0,0,0"
out=$("$KC_BIN" --content "$FIX/mini" report --format md --groep "$T/groep.txt" "$D")
expect_contains "group in md" "$out" "Groep van 2 cursisten; zonder sessies (0): Pieter 't Hart."
out=$(rep --groep "$T/geen.txt" "$D" 2>&1); rc=$?
expect_eq "missing group exit" "$rc" 1
expect_contains "missing group named" "$out" "$T/geen.txt: fout: kan groep niet lezen"
printf 'Zo\377\n' > "$T/kapot.txt"
out=$(rep --groep "$T/kapot.txt" "$D" 2>&1); rc=$?
expect_eq "bad group exit" "$rc" 1
expect_contains "bad group line" "$out" "kapot.txt:1: fout: geen geldige UTF-8"

finish
