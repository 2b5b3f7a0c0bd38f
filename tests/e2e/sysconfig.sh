#!/bin/sh
# sysconfig.sh: an organisation's system-wide config ($XDG_CONFIG_DIRS,
# /etc/xdg by default) is read before the user's; the keys it locks stay
# as it says, whatever the user's file or the environment says (with a
# warning); an unknown key in any config is a warning, and saving the
# user's config keeps it.
. "$KC_SRC/tests/e2e/lib.sh"

mkdir -p "$T/etc/klantcoach" "$HOME/.config/klantcoach"
export XDG_CONFIG_DIRS="$T/etc"
cat > "$T/etc/klantcoach/klantcoach.ini" <<'EOT'
[lrs]
adres = "https://lrs.organisatie.nl/xAPI"
organisatie = "https://leren.organisatie.nl"

[beheer]
vast = lrs
EOT
cat > "$HOME/.config/klantcoach/klantcoach.ini" <<'EOT'
[cursist]
naam = "Anna"
niveau = B
kleurtje = blauw

[lrs]
antwoorden-delen = ja
EOT
{ printf '1\n2\nt\n'; yes 1 | head -n 40; } |
	kc --plain play denzell-telefoon > /dev/null 2> "$T/err"; rc=$?
expect_eq "an unknown key does not stop the program" "$rc" 0
expect_contains "an unknown key is a warning with file and line" \
	"$(cat "$T/err")" "klantcoach.ini:4: waarschuwing: onbekende instelling 'kleurtje'"
expect_contains "a locked key in the user's file: warning" "$(cat "$T/err")" \
	"lrs.antwoorden-delen is vastgezet door de beheerder ($T/etc/klantcoach/klantcoach.ini)"

kc sync --toon > "$T/toon.json" 2> "$T/err"; rc=$?
expect_eq "sync uses the system's LRS" "$rc" 0
expect_contains "the system's organisation" "$(cat "$T/toon.json")" \
	'"homePage": "https://leren.organisatie.nl"'
expect_not_contains "answers stay home: sharing is locked off" \
	"$(cat "$T/toon.json")" "long-fill-in"
KLANTCOACH_LRS=https://elders.nl/xAPI kc sync --toon > /dev/null 2> "$T/err"
expect_contains "the environment cannot change a locked key" "$(cat "$T/err")" \
	"lrs.adres is vastgezet"
ini=$(cat "$HOME/.config/klantcoach/klantcoach.ini")
expect_contains "the learner id is saved in the user's file" "$ini" 'id = "'
expect_contains "saving keeps the unknown key" "$ini" "kleurtje = blauw"
expect_not_contains "the system's values stay out of the user's file" \
	"$ini" "organisatie.nl"

# Without the system file everything is the user's again.
rm "$T/etc/klantcoach/klantcoach.ini"
kc sync --toon > /dev/null 2> "$T/err"; rc=$?
expect_eq "no LRS without the system file" "$rc" 1
expect_contains "... and says what to set" "$(cat "$T/err")" "geen LRS ingesteld"
finish
