#!/bin/sh
# xlsx.sh: report --format xlsx read back with a real reader (openpyxl):
# one sheet per table, numbers as numbers, the start as a date, frozen
# header rows, the same rows as the CSV tables. Skipped (77) only when
# openpyxl is absent outside CI.
. "$KC_SRC/tests/e2e/lib.sh"

py=""
for p in python3 /usr/bin/python3; do
	"$p" -c 'import openpyxl' 2>/dev/null && { py=$p; break; }
done
if [ -z "$py" ]; then
	[ -n "${CI:-}" ] && { echo "openpyxl missing in CI" >&2; exit 1; }
	echo "python3-openpyxl not installed; skipped" >&2
	exit 77
fi
C="$T/cohort"
KLANTCOACH_SEED=5 "$KC_COHORT" "$KC_SRC" "$C" 12 3 5 > /dev/null || fail "cohort generator"
printf 'Cursist 01\nNiemand Hier\n' > "$T/groep"
kc report --format xlsx -o "$T/r.xlsx" --groep "$T/groep" "$C"; rc=$?
expect_eq "xlsx exit" "$rc" 0
expect_eq "xlsx private" "$(stat -c %a "$T/r.xlsx")" 600
kc report --format csv --groep "$T/groep" -o "$T/csv/" "$C"
out=$("$py" - "$T/r.xlsx" <<'PY'
import sys, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print("sheets", ",".join(wb.sheetnames))
for ws in wb:
    print(ws.title, "rows", ws.max_row - 1, "frozen", ws.freeze_panes)
s = wb["sessies"]
head = [c.value for c in s[1]]
row = [c.value for c in s[2]]
print("start", type(row[head.index("start")]).__name__)
print("gezien", type(row[head.index("gezien")]).__name__)
print("keuzes", type(row[head.index("keuzes")]).__name__)
last = [c.value for c in s[s.max_row]]
print("absent", last[1], last[7], last[12])
st = wb["stappen"]
print("aantal", type(st["E2"].value).__name__, "expert", st["G2"].value)
print("nul", sum(1 for r in st.iter_rows(min_row=2, values_only=True) if r[4] == 0) > 0)
PY
)
expect_contains "xlsx sheets" "$out" "sheets sessies,stappen,competenties"
expect_contains "xlsx sessions like the csv" "$out" \
	"sessies rows $(($(wc -l < "$T/csv/sessies.csv") - 1)) frozen A2"
expect_contains "xlsx steps like the csv" "$out" \
	"stappen rows $(($(wc -l < "$T/csv/stappen.csv") - 1)) frozen A2"
expect_contains "xlsx comps like the csv" "$out" \
	"competenties rows $(($(wc -l < "$T/csv/competenties.csv") - 1)) frozen A2"
expect_contains "xlsx start is a date" "$out" "start datetime"
expect_contains "xlsx meters are numbers" "$out" "gezien int"
expect_contains "xlsx counts are numbers" "$out" "keuzes int"
expect_contains "xlsx group member without sessions" "$out" "absent Niemand Hier geen sessies 0"
expect_contains "xlsx step counts are numbers" "$out" "aantal int expert"
expect_contains "xlsx options nobody chose" "$out" "nul True"
out=$(kc report --format xlsx "$C" 2>&1); rc=$?
expect_eq "xlsx needs a file" "$rc" 2
expect_contains "xlsx needs a file: said" "$out" "--format xlsx schrijft naar een bestand"
finish
