#!/bin/sh
# names.sh: names can never lock the trainee out. Hostile names at the first
# start are refused or stored safely, and the second start works with the
# same name; an old config with a broken name asks again; a config folder
# that cannot be written does not stop play.
. "$KC_SRC/tests/e2e/lib.sh"

mini() { "$KC_BIN" --content "$FIX/mini" "$@"; }
# start CASE: play in plain mode with config and data of its own (stdin:
# the answers); output in $T/CASE.out, exit code returned.
start() {
	XDG_CONFIG_HOME="$T/$1" KLANTCOACH_DATA="$T/$1.data" \
		mini --plain play --volgorde vast proef-basis > "$T/$1.out" 2>&1
}
# second CASE CSV: a second start asks nothing and logs the same name
# (CSV: the name as the log's cursist field).
second() {
	printf 'q\n' | start "$1"; rc=$?
	expect_eq "$1: second start exit" "$rc" 0
	expect_not_contains "$1: name not asked again" "$(cat "$T/$1.out")" "Wat is je naam?"
	log=$(ls -t "$T/$1.data"/sessions/*.csv | head -1)
	expect_eq "$1: same name logged" \
		"$(sed -n 's/^meta,[^,]*,,,,,,,cursist,//p' "$log")" "$2"
}

# The review's name, with quotes, ';' and '#': stored quoted.
printf '%s\nB\nq\n' 'José "Joop" van Dijk; team #3' | start quotes; rc=$?
expect_eq "quotes: first start exit" "$rc" 0
expect_contains "prompt says the cap" "$(cat "$T/quotes.out")" "Wat is je naam? (hoogstens 100 tekens)"
expect_contains "quotes: stored quoted" "$(cat "$T/quotes/klantcoach/klantcoach.ini")" \
	'naam = "José \x22Joop\x22 van Dijk; team #3"'
second quotes '"José ""Joop"" van Dijk; team #3"'

# Only spaces: refused and asked again.
printf '   \n  Sanne  \nB\nq\n' | start spaces; rc=$?
expect_eq "spaces: exit" "$rc" 0
expect_contains "spaces: refused" "$(cat "$T/spaces.out")" \
	"Let op: een naam mag niet leeg zijn of alleen spaties hebben. Typ je naam opnieuw."
second spaces Sanne

# A trailing backslash.
printf 'Jan \\\nB\nq\n' | start backslash; rc=$?
expect_eq "backslash: exit" "$rc" 0
second backslash 'Jan \'

# 1000 bytes: refused; 100 characters of two bytes each: fine.
long=$(printf 'x%.0s' $(seq 1000))
e100=$(printf '\303\251%.0s' $(seq 100))
printf '%s\n%s\nB\nq\n' "$long" "$e100" | start long; rc=$?
expect_eq "long: exit" "$rc" 0
expect_contains "long: refused" "$(cat "$T/long.out")" "een naam mag hoogstens 100 tekens hebben"
second long "$e100"

# A newline: at the prompt it ends the name; on the command line it is
# refused with a message, and nothing is written.
printf 'Jan\nPiet\nB\nq\n' | start newline; rc=$?
expect_eq "newline: exit" "$rc" 0
expect_contains "newline: rest is no level" "$(cat "$T/newline.out")" "Typ A, B of C."
second newline Jan
out=$(XDG_CONFIG_HOME="$T/nl2" mini --plain --name "$(printf 'Jan\nPiet')" play proef-basis 2>&1 < /dev/null); rc=$?
expect_eq "newline --name exit" "$rc" 1
expect_contains "newline --name message" "$out" "--name: fout: cursist.naam: een naam mag geen tab, regeleinde"
expect_eq "newline --name writes nothing" "$(ls "$T/nl2" 2>/dev/null)" ""

# An old config with a broken name (as older versions wrote it): warned
# with the line and the repair, asked again, then stored safely.
mkdir -p "$T/old/klantcoach"
printf '[cursist]\nnaam = José "Joop" van Dijk; team #3\nniveau = C\n' > "$T/old/klantcoach/klantcoach.ini"
printf 'Joop\nq\n' | start old; rc=$?
expect_eq "old config: exit" "$rc" 0
expect_contains "old config: warning" "$(cat "$T/old.out")" \
	"klantcoach.ini:2: waarschuwing: cursist.naam wordt niet gebruikt; je naam wordt opnieuw gevraagd"
expect_contains "old config: repair" "$(cat "$T/old.out")" "verwijder regel 2 of zet de naam tussen dubbele aanhalingstekens"
expect_contains "old config: asks" "$(cat "$T/old.out")" "Wat is je naam?"
expect_not_contains "old config: level kept" "$(cat "$T/old.out")" "functieniveau"
expect_contains "old config: repaired" "$(cat "$T/old/klantcoach/klantcoach.ini")" 'naam = "Joop"'
second old Joop
# ... and with --name the broken line is passed over too.
printf '[cursist]\nnaam = Jan \\\nniveau = C\n' > "$T/old/klantcoach/klantcoach.ini"
out=$(printf 'q\n' | XDG_CONFIG_HOME="$T/old" KLANTCOACH_DATA="$T/old.data" mini --plain --name Ria play proef-basis 2>&1); rc=$?
expect_eq "old config --name: exit" "$rc" 0
expect_contains "old config --name: warning" "$out" "klantcoach.ini:2: waarschuwing"

# Lines injected by an old name with a newline: no guessing, but no
# lock-out either: the readable lines count, the rest is left out with
# the line, the defaults and the way out with the exact command; the file
# itself is left as it is, also when the name is asked again.
printf '[cursist]\nnaam = Jan\nPiet\nniveau = C\n' > "$T/old/klantcoach/klantcoach.ini"
out=$(XDG_CONFIG_HOME="$T/old" mini list 2>&1); rc=$?
expect_eq "injected: exit" "$rc" 0
expect_contains "injected: line" "$out" "klantcoach.ini:3: waarschuwing: regel niet begrepen"
expect_contains "injected: defaults" "$out" "de regels hierboven zijn niet gelezen; daarvoor gelden de standaardwaarden en het bestand blijft zoals het is; herstel regel 3 van $T/old/klantcoach/klantcoach.ini"
expect_contains "injected: command" "$out" "mv '$T/old/klantcoach/klantcoach.ini' '$T/old/klantcoach/klantcoach.ini.oud'"
printf 'q\n' | start old; rc=$?
expect_eq "injected: play exit" "$rc" 0
expect_not_contains "injected: readable name used" "$(cat "$T/old.out")" "Wat is je naam?"
expect_eq "injected: file untouched" "$(cat "$T/old/klantcoach/klantcoach.ini")" "$(printf '[cursist]\nnaam = Jan\nPiet\nniveau = C')"
# The way out works.
mv "$T/old/klantcoach/klantcoach.ini" "$T/old/klantcoach/klantcoach.ini.oud"
printf 'Jan\nc\nq\n' | start old; rc=$?
expect_eq "after mv: exit" "$rc" 0
expect_contains "after mv: stored" "$(cat "$T/old/klantcoach/klantcoach.ini")" "niveau = C"

# A config folder that cannot be written (a file where the folder should
# be, or a read-only folder): play goes on and says the name is not saved.
printf 'blok' > "$T/blok"
out=$(printf 'Sanne\nB\n1\nq\n' | XDG_CONFIG_HOME="$T/blok" KLANTCOACH_DATA="$T/blok.data" \
	mini --plain play --volgorde vast proef-basis 2>&1); rc=$?
expect_eq "file as folder: exit" "$rc" 0
expect_contains "file as folder: said" "$out" "je naam en niveau zijn niet bewaard; je kunt wel spelen"
expect_contains "file as folder: plays" "$out" "Proef: Ja, graag."
if [ "$(id -u)" -ne 0 ]; then
	mkdir -p "$T/ro/klantcoach"; chmod 555 "$T/ro/klantcoach"
	printf 'Sanne\nB\n1\nq\n' | start ro; rc=$?
	expect_eq "read-only: exit" "$rc" 0
	expect_contains "read-only: said" "$(cat "$T/ro.out")" "niet bewaard; je kunt wel spelen"
	expect_contains "read-only: plays" "$(cat "$T/ro.out")" "Proef: Ja, graag."
	chmod 755 "$T/ro/klantcoach"
fi

finish
