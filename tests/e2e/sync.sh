#!/bin/sh
# sync.sh: klantcoach sync against a real LRS on loopback (tests/lrs):
# two trainees on their own data folders play and sync; the LRS holds
# exactly the statements sync --toon showed, each valid for Learning
# Locker's validator; a resend after losing the marker adds none; with the
# LRS down nothing is lost; wrong credentials give the message (without
# the secret); kill -9 during a sync loses and duplicates nothing.
LRS_CACHE=${KC_LRS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/klantcoach-lrs}
. "$KC_SRC/tests/e2e/lib.sh"
. "$KC_SRC/tests/lrs/lrs.sh"
lrs_ready

trainee a "Anna" cursist-a:geheim-a ja
trainee b "Bram" cursist-b:geheim-b nee
play a denzell-telefoon
play b denzell-telefoon

# What would be sent: valid statements, and nothing is written yet.
as a sync --toon > "$T/a.json" 2> "$T/err"; rc=$?
expect_eq "toon exit" "$rc" 0
expect_eq "toon writes no outbox" "$(ls "$T/a/.local/share/klantcoach/outbox" 2>/dev/null)" ""
expect_contains "toon shows the choice" "$(cat "$T/a.json")" '"interactionType": "choice"'
expect_contains "toon shows a shared answer" "$(cat "$T/a.json")" \
	'"interactionType": "long-fill-in"'
as b sync --toon > "$T/b.json"
expect_not_contains "answers stay home unless shared" "$(cat "$T/b.json")" \
	"long-fill-in"
lrs_validate "$T/a.json" "$T/b.json" > "$T/v.out" 2>&1 ||
	{ fail "statements valid for Learning Locker"; cat "$T/v.out" >&2; }
expect_contains "all statements validated" "$(tail -1 "$T/v.out")" ", 0 problems"
expect_contains "the learner id is kept in the config" \
	"$(cat "$T/a/.config/klantcoach/klantcoach.ini")" 'id = "'

# Both trainees sync; the LRS holds exactly what --toon showed.
as a sync > "$T/out" 2> "$T/err"; rc=$?
expect_eq "sync a exit" "$rc" 0
expect_contains "sync a says what it sent" "$(cat "$T/out")" \
	"Verzonden: $(lrs_file_ids "$T/a.json" | wc -l) statements uit 1 sessies."
expect_contains "sync shows progress" "$(cat "$T/err")" "verzonden"
as b sync > /dev/null 2>&1 || fail "sync b"
{ lrs_file_ids "$T/a.json"; lrs_file_ids "$T/b.json"; } | sort > "$T/want"
expect_eq "the LRS holds exactly the statements" \
	"$(lrs_ids coach:geheim-c)" "$(cat "$T/want")"
expect_eq "trainee b reads only its own" \
	"$(lrs_ids cursist-b:geheim-b)" "$(lrs_file_ids "$T/b.json")"
ob=$(ls -d "$T"/a/.local/share/klantcoach/outbox/*)
expect_eq "outbox is private" "$(stat -c %a "$ob" "$ob/statements.jsonl" "$ob/verzonden" | sort -u | tr '\n' ' ')" "600 700 "
expect_eq "nothing left to send" "$(as a sync --toon)" "[]"

# A resend after losing the marker adds none.
rm "$ob/verzonden"
as a sync > "$T/out" 2>&1 || fail "resend"
expect_eq "resend adds nothing" "$(lrs_ids coach:geheim-c)" "$(cat "$T/want")"

# The LRS down: nothing is lost, a later sync sends everything.
play a denzell-telefoon
KLANTCOACH_LRS=http://127.0.0.1:9/xAPI as a sync > "$T/out" 2> "$T/err"; rc=$?
expect_eq "sync with the LRS down fails" "$rc" 1
expect_contains "down: clear message" "$(cat "$T/err")" "niet bereikbaar"
expect_contains "down: nothing lost" "$(cat "$T/err")" "niets verloren"
as a sync --toon > "$T/a2.json"
expect_eq "down: the new session waits, the old one is done" \
	"$(lrs_file_ids "$T/a2.json" | sort - "$T/want" | uniq -d)" ""
expect_contains "down: the new session's statements wait" \
	"$(cat "$T/a2.json")" '"interactionType": "choice"'
as a sync > /dev/null 2>&1 || fail "sync after the LRS is back"
lrs_file_ids "$T/a2.json" | sort - "$T/want" > "$T/want2"
expect_eq "back up: everything arrives" "$(lrs_ids coach:geheim-c)" "$(cat "$T/want2")"

# Wrong credentials: a clear message, never the secret, nothing lost.
play b denzell-telefoon
KLANTCOACH_LRS_SLEUTEL=cursist-b:heel-geheim as b sync > "$T/out" 2> "$T/err"; rc=$?
expect_eq "wrong credentials exit" "$rc" 1
expect_contains "wrong credentials message" "$(cat "$T/err")" "weigert de inloggegevens"
expect_not_contains "the secret is never shown" "$(cat "$T/out" "$T/err")" "heel-geheim"
chmod 644 "$T/b/.config/klantcoach/lrs-sleutel"
as b sync > "$T/out" 2> "$T/err"; rc=$?
expect_eq "a readable key file is refused" "$rc" 1
expect_contains "readable key file: how to fix" "$(cat "$T/err")" "chmod 600"
chmod 600 "$T/b/.config/klantcoach/lrs-sleutel"
KLANTCOACH_LRS=http://192.0.2.1/xAPI as b sync > "$T/out" 2> "$T/err"; rc=$?
expect_eq "plain http elsewhere is refused" "$rc" 1
expect_contains "plain http: use https" "$(cat "$T/err")" "gebruik https://"

# kill -9 during a sync of many sessions: a second sync completes it;
# nothing is lost and nothing is stored twice.
mkdir -p "$T/c/.local/share/klantcoach"
"$KC_COHORT" "$KC_SRC" "$T/c/.local/share/klantcoach/sessions" 40 2 7 > /dev/null ||
	fail "cohort"
trainee c "Cohort" cursist-a:geheim-a nee
as c sync --toon > "$T/c.json"
# exec: $! must be klantcoach itself, not a subshell around it
(HOME="$T/c" exec "$KC_BIN" --content "$KC_SRC" sync) > /dev/null 2> "$T/err" &
pid=$!
wait_file "$T/err" "verzonden" || fail "kill -9: sync did not start"
kill -9 "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
expect_not_contains "kill -9 came mid-sync" "$(as c sync --toon | head -c 20)" "[]"
as c sync > /dev/null 2>&1 || fail "sync after kill -9"
lrs_file_ids "$T/c.json" | sort - "$T/want2" > "$T/want3"
lrs_ids coach:geheim-c > "$T/got3"
expect_eq "kill -9: every statement once" "$(cat "$T/got3")" "$(cat "$T/want3")"
expect_eq "kill -9: no duplicates" "$(sort -u "$T/got3" | wc -l)" "$(wc -l < "$T/got3")"
lrs_validate "$T/c.json" > "$T/v.out" 2>&1 ||
	{ fail "cohort statements valid"; cat "$T/v.out" >&2; }
finish
