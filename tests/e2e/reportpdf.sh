#!/bin/sh
# reportpdf.sh: the HTML report printed by a real browser (COACH-UX 10,
# 11): headless Chromium prints it to PDF on A4; the PDF's text holds every
# column header of the session table and every trainee, and its pages
# render to PNG. Skipped (77) only when Chromium is absent outside CI.
. "$KC_SRC/tests/e2e/lib.sh"

if ! command -v chromium >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1; then
	[ -n "${CI:-}" ] && { echo "chromium or pdftotext missing in CI" >&2; exit 1; }
	echo "chromium or poppler-utils not installed; skipped" >&2
	exit 77
fi
C="$T/cohort"
KLANTCOACH_SEED=7 "$KC_COHORT" "$KC_SRC" "$C" 20 3 7 > /dev/null || fail "cohort generator"
kc report --format html -o "$T/r.html" "$C" || fail "report"
timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic \
	--no-first-run --disable-background-networking \
	--disable-component-update --disable-sync \
	--user-data-dir="$T/chromium" --print-to-pdf="$T/r.pdf" \
	"file://$T/r.html" > /dev/null 2>&1
expect_eq "pdf printed" "$(test -s "$T/r.pdf" && echo made)" made
expect_contains "pdf is A4 landscape" "$(pdfinfo "$T/r.pdf")" "841.92 x 594.96 pts (A4)"
pdftotext -layout "$T/r.pdf" "$T/r.txt"
txt=$(cat "$T/r.txt")
for h in datum cursist scenario modus status einde gezien gehoord geholpen \
	Zorgvuldigheid Eigenaarschap Communiceren Inlevingsvermogen \
	Klantpartnerschap Samenwerken; do
	expect_contains "pdf has column $h" "$txt" "$h"
done
# The session table's last column fits on the page: each row's last cell
# (a level such as 2/2 or -) is on the same line as its date.
expect_eq "pdf rows are whole" \
	"$(grep -c '^ *20[0-9-]* *[0-9:TZ]*.*[0-9-]$' "$T/r.txt" | awk '$1 >= 60 {print "ok"}')" ok
for i in $(seq -w 1 20); do
	expect_contains "pdf has Cursist $i" "$txt" "Cursist $i"
done
expect_contains "pdf summary" "$txt" "Samenvatting"
expect_contains "pdf below target" "$txt" "Competenties onder doel"
pdftoppm -r 30 -png -f 1 -l 2 "$T/r.pdf" "$T/page"
expect_eq "pages render" "$(ls "$T"/page-*.png | wc -l)" 2
finish
