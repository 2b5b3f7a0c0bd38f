#!/bin/sh
# cli.sh: global options, usage errors and exit codes of the real program.
. "$KC_SRC/tests/e2e/lib.sh"

out=$("$KC_BIN" --version); rc=$?
expect_eq "version exit" "$rc" 0
expect_contains "version text" "$out" "klantcoach 0."

out=$("$KC_BIN" --help); rc=$?
expect_eq "help exit" "$rc" 0
expect_contains "help lists check" "$out" "  check "
expect_contains "help names exit codes" "$out" "Uitgangscodes"

out=$("$KC_BIN" vliegen 2>&1); rc=$?
expect_eq "unknown command exit" "$rc" 2
expect_eq "unknown command text" "$out" "klantcoach: onbekende opdracht: vliegen
gebruik: klantcoach [--plain] [--content MAP] [--data MAP] [--name NAAM] [--config BESTAND] [OPDRACHT] [ARGUMENTEN]"

out=$("$KC_BIN" --vlieg 2>&1); rc=$?
expect_eq "unknown option exit" "$rc" 2
expect_contains "unknown option text" "$out" "klantcoach: onbekende optie: --vlieg"

out=$("$KC_BIN" --content 2>&1); rc=$?
expect_eq "missing value exit" "$rc" 2

out=$("$KC_BIN" --mode spelen list 2>&1); rc=$?
expect_eq "bad mode exit" "$rc" 2
expect_contains "bad mode text" "$out" "--mode moet oefenen of toets zijn"

out=$("$KC_BIN" --volgorde willekeurig list 2>&1); rc=$?
expect_eq "bad order exit" "$rc" 2
expect_contains "bad order text" "$out" "--volgorde moet geschud of vast zijn"
out=$("$KC_BIN" --mode toets --volgorde vast play 2>&1); rc=$?
expect_eq "fixed order in toets exit" "$rc" 2
expect_contains "fixed order in toets text" "$out" "in de toets zijn de opties altijd geschud"

# Each command takes only its own options: another command's option is
# wrong usage, named with the command, before anything is read or run.
out=$(kc list --format csv --anoniem --strict 2>&1); rc=$?
expect_eq "foreign option exit" "$rc" 2
expect_eq "foreign option text" "$out" "klantcoach: optie --strict hoort niet bij opdracht list
gebruik: klantcoach list"
out=$(kc --anoniem check 2>&1); rc=$?
expect_eq "foreign option before the command exit" "$rc" 2
expect_contains "foreign option before the command text" "$out" \
	"optie --anoniem hoort niet bij opdracht check"
out=$(kc -o "$T/uit.csv" review 2>&1); rc=$?
expect_eq "short foreign option exit" "$rc" 2
expect_contains "short foreign option text" "$out" \
	"optie --output hoort niet bij opdracht review"
expect_contains "short foreign option usage" "$out" \
	"gebruik: klantcoach review [--trainee NAAM] [--scenario ID] [--framework ID] [MAP...]"
[ ! -e "$T/uit.csv" ] || fail "short foreign option: nothing written"
out=$(kc --mode toets replay proef-basis 2>&1 </dev/null); rc=$?
expect_eq "play option on replay exit" "$rc" 2
out=$(kc --strict 2>&1 </dev/null); rc=$?
expect_eq "foreign option on the default play exit" "$rc" 2
expect_contains "foreign option on the default play text" "$out" \
	"optie --strict hoort niet bij opdracht play"
out=$(kc check --strict --coverage 2>&1); rc=$?
expect_eq "own options still fine" "$rc" 0
out=$(kc vergeet --toon 2>&1 </dev/null); rc=$?
expect_eq "sync option on vergeet exit" "$rc" 2
expect_contains "sync option on vergeet text" "$out" \
	"optie --toon hoort niet bij opdracht vergeet"

# A broken config file: file:line message, exit 1, nothing guessed.
mkdir -p "$HOME/.config/klantcoach"
printf '[cursist]\nniveau = Z\n' > "$HOME/.config/klantcoach/klantcoach.ini"
out=$(kc list 2>&1); rc=$?
expect_eq "broken config exit" "$rc" 1
expect_contains "broken config message" "$out" "klantcoach.ini:2: fout: cursist.niveau = 'Z': verwacht A, B of C"
rm "$HOME/.config/klantcoach/klantcoach.ini"

# XDG_CONFIG_HOME is honoured, relative values ignored.
mkdir -p "$T/xdg/klantcoach"
printf '[cursist]\nniveau = Q\n' > "$T/xdg/klantcoach/klantcoach.ini"
out=$(XDG_CONFIG_HOME="$T/xdg" kc list 2>&1); rc=$?
expect_eq "xdg config used" "$rc" 1
out=$(XDG_CONFIG_HOME="relative" kc list 2>&1); rc=$?
expect_eq "relative xdg ignored" "$rc" 0

finish
