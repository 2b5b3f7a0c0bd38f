#!/bin/sh
# vergeet.sh: klantcoach vergeet against a real LRS on loopback
# (tests/lrs): nothing happens without "ja"; with the LRS down nothing is
# removed; then every statement the trainee sent is voided (the coach no
# longer gets them, another trainee's stay), and the trainee's data and
# learner id are gone, while other files in the data folder stay.
LRS_CACHE=${KC_LRS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/klantcoach-lrs}
. "$KC_SRC/tests/e2e/lib.sh"
. "$KC_SRC/tests/lrs/lrs.sh"
lrs_ready

trainee a "Anna" cursist-a:geheim-a ja
for sc in denzell-telefoon noor-chat; do play a $sc; done
trainee b "Bram" cursist-b:geheim-b nee
play b denzell-telefoon
for who in a b; do as $who sync > /dev/null 2>&1 || fail "sync $who"; done
data="$T/a/.local/share/klantcoach"
echo eigen > "$data/notitie.txt"
sent=$(lrs_ids cursist-a:geheim-a | wc -l)

printf 'nee\n' | as a vergeet > "$T/out" 2>&1; rc=$?
expect_eq "without ja: exit 1" "$rc" 1
expect_contains "without ja: nothing removed" "$(cat "$T/out")" "niets verwijderd"
expect_eq "without ja: the sessions stay" "$(ls "$data/sessions" | wc -l)" 2

printf 'ja\n' | KLANTCOACH_LRS=http://127.0.0.1:9/xAPI as a vergeet \
	> "$T/out" 2> "$T/err"; rc=$?
expect_eq "LRS down: exit 1" "$rc" 1
expect_contains "LRS down: nothing removed yet" "$(cat "$T/err")" \
	"nog niets verwijderd"
expect_eq "LRS down: the sessions stay" "$(ls "$data/sessions" | wc -l)" 2

printf 'ja\n' | as a vergeet > "$T/out" 2> "$T/err"; rc=$?
expect_eq "vergeet exit" "$rc" 0
expect_contains "vergeet says what it did" "$(cat "$T/out")" "ingetrokken"
expect_eq "the trainee's data is gone" \
	"$(ls "$data")" "notitie.txt"
expect_not_contains "the learner id is gone" \
	"$(cat "$T/a/.config/klantcoach/klantcoach.ini")" "id ="
expect_contains "the rest of the config stays" \
	"$(cat "$T/a/.config/klantcoach/klantcoach.ini")" 'naam = "Anna"'
voided=$(lrs_ids cursist-a:geheim-a \
	verb=http%3A%2F%2Fadlnet.gov%2Fexpapi%2Fverbs%2Fvoided | wc -l)
expect_eq "one voiding statement per statement sent" "$voided" "$sent"
expect_eq "the LRS gives none of them any more" \
	"$(lrs_ids cursist-a:geheim-a | wc -l)" "$voided"
trainee coach "Carla" coach:geheim-c nee
as coach sync --ophalen > "$T/out" 2>&1
expect_contains "the coach pulls only the other trainee" "$(cat "$T/out")" \
	"Opgehaald: 1 sessies"
expect_eq "... whose session it is" \
	"$(grep -h '^meta.*,cursist,' "$T"/coach/.local/share/klantcoach/opgehaald/*.csv)" \
	"meta,2023-11-14T22:13:20Z,,,,,,,cursist,Bram"

# Without an LRS: only the local data.
mkdir -p "$T/e/.config/klantcoach"
printf '[cursist]\nnaam = "Eva"\nniveau = B\n' > "$T/e/.config/klantcoach/klantcoach.ini"
play e denzell-telefoon
printf 'ja\n' | as e vergeet > "$T/out" 2>&1; rc=$?
expect_eq "without an LRS: exit 0" "$rc" 0
expect_eq "without an LRS: the data is gone" \
	"$(ls "$T/e/.local/share/klantcoach" 2>/dev/null)" ""
finish
