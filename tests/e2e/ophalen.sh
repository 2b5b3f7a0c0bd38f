#!/bin/sh
# ophalen.sh: klantcoach sync --ophalen against a real LRS on loopback
# (tests/lrs): two trainees play and sync; a coach pulls their sessions,
# and report --format csv over the pulled logs equals the report over the
# trainees' own logs; the filters (--van, --trainee, --scenario) choose
# sessions; a second pull changes nothing; a trainee pulls only its own
# sessions; wrong credentials and a bad date give clear messages. Coach
# feedback on a pulled session travels to the LRS as statements and from
# there into the feedback file beside the trainee's log (show). The
# scenario version a session was played on travels as an attachment, so
# the coach can open a session played on content it does not have.
LRS_CACHE=${KC_LRS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/klantcoach-lrs}
. "$KC_SRC/tests/e2e/lib.sh"
. "$KC_SRC/tests/lrs/lrs.sh"
lrs_ready

trainee coach "Carla" coach:geheim-c nee
trainee a "Anna" cursist-a:geheim-a ja
trainee b "Bram" cursist-b:geheim-b nee
play a denzell-telefoon
play b denzell-telefoon
play a noor-chat
as a sync > /dev/null 2>&1 || fail "sync a"
as b sync > /dev/null 2>&1 || fail "sync b"

# The coach pulls everything.
as coach sync --ophalen > "$T/out" 2> "$T/err"; rc=$?
expect_eq "ophalen exit" "$rc" 0
expect_contains "ophalen says what it did" "$(cat "$T/out")" \
	"Opgehaald: 3 sessies, 3 nieuw of bijgewerkt"
pulled="$T/coach/.local/share/klantcoach/opgehaald"
expect_eq "pulled logs are private" "$(stat -c %a "$pulled" "$pulled"/*.csv | sort -u | tr '\n' ' ')" "600 700 "
expect_eq "pulled logs have the trainees' names" \
	"$(cd "$pulled" && ls)" \
	"$(ls "$T"/a/.local/share/klantcoach/sessions/*.csv \
		"$T"/b/.local/share/klantcoach/sessions/*.csv | xargs -n1 basename | sort)"
# The logs in the same (name) order: a folder is read in directory order.
own=$(ls "$T"/a/.local/share/klantcoach/sessions/*.csv \
	"$T"/b/.local/share/klantcoach/sessions/*.csv |
	awk -F/ '{print $NF "\t" $0}' | sort | cut -f2)
as coach report --format csv "$pulled"/*.csv > "$T/pulled.csv" 2> "$T/err1"
# shellcheck disable=SC2086 # one log per line, no spaces in the paths
as coach report --format csv $own > "$T/own.csv" 2> "$T/err2"
expect_eq "report over the pulled logs equals the trainees' report" \
	"$(cmp "$T/pulled.csv" "$T/own.csv" && echo same)" same
as coach report --format csv "$pulled" | sort > "$T/pulled-dir.csv"
expect_eq "report over the pulled folder: the same rows" \
	"$(sort "$T/own.csv" | cmp - "$T/pulled-dir.csv" && echo same)" same
expect_contains "the report has both trainees" "$(cat "$T/pulled.csv")" ",Bram,"
expect_eq "the report shows levels (the logs replay)" \
	"$(grep -c ',[0-9],[0-9],' "$T/pulled.csv")" "$(grep -c ',[0-9],[0-9],' "$T/own.csv")"
a_log=$(ls "$T"/a/.local/share/klantcoach/sessions/*denzell*.csv)
expect_eq "a shared log comes back byte for byte" \
	"$(cmp "$a_log" "$pulled/$(basename "$a_log")" && echo same)" same
b_log=$(ls "$T"/b/.local/share/klantcoach/sessions/*.csv)
expect_eq "answers not shared stay home; the rest comes back" \
	"$(grep -v '^antwoord,' "$b_log")" "$(cat "$pulled/$(basename "$b_log")")"
as coach --plain show "$pulled/$(basename "$a_log")" > "$T/show" 2>&1 ||
	fail "show on a pulled log"
expect_contains "show works on a pulled log" "$(cat "$T/show")" "Verloop van de meters"

# Again: nothing changes.
as coach sync --ophalen > "$T/out" 2>&1
expect_contains "a second pull changes nothing" "$(cat "$T/out")" \
	"Opgehaald: 3 sessies, 0 nieuw of bijgewerkt"

# Filters.
rm -rf "$pulled"
as coach sync --ophalen --trainee Bram > "$T/out" 2>&1
expect_contains "--trainee: only Bram" "$(cat "$T/out")" "Opgehaald: 1 sessies"
expect_eq "--trainee: Bram's log" "$(ls "$pulled")" "$(basename "$b_log")"
rm -rf "$pulled"
as coach sync --ophalen --scenario noor-chat > "$T/out" 2>&1
expect_contains "--scenario: only noor-chat" "$(cat "$T/out")" "Opgehaald: 1 sessies"
as coach sync --ophalen --van 2023-11-15 > "$T/out" 2>&1
expect_contains "--van after the sessions: none" "$(cat "$T/out")" "Opgehaald: 0 sessies"
as coach sync --ophalen --van 2023-11-14 > "$T/out" 2>&1
expect_contains "--van on the day: all" "$(cat "$T/out")" "Opgehaald: 3 sessies"
as coach sync --ophalen --van 14-11-2023 > "$T/out" 2> "$T/err"; rc=$?
expect_eq "a bad date is wrong usage" "$rc" 2
expect_contains "a bad date: how to write it" "$(cat "$T/err")" "2026-01-31"

# A trainee's client reads only its own statements.
as b sync --ophalen > "$T/out" 2>&1
expect_contains "a trainee pulls only its own" "$(cat "$T/out")" "Opgehaald: 1 sessies"

# Wrong credentials: a clear message, never the secret; nothing changes.
before=$(ls -l "$pulled")
KLANTCOACH_LRS_SLEUTEL=coach:heel-geheim as coach sync --ophalen > "$T/out" 2> "$T/err"; rc=$?
expect_eq "wrong credentials exit" "$rc" 1
expect_contains "wrong credentials message" "$(cat "$T/err")" "weigert de inloggegevens"
expect_not_contains "the secret is never shown" "$(cat "$T/out" "$T/err")" "heel-geheim"
expect_eq "wrong credentials: nothing changes" "$(ls -l "$pulled")" "$before"
KLANTCOACH_LRS=http://127.0.0.1:9/xAPI as coach sync --ophalen > "$T/out" 2> "$T/err"; rc=$?
expect_eq "LRS down exit" "$rc" 1
expect_contains "LRS down message" "$(cat "$T/err")" "niet bereikbaar"

# Feedback both ways: Dirk (a client that may read the coach's
# statements) plays and syncs; the coach pulls and writes feedback.
trainee d "Dirk" cursist-d:geheim-d nee
play d denzell-telefoon
as d sync > /dev/null 2>&1 || fail "sync d"
as coach sync --ophalen --trainee Dirk > /dev/null 2>&1 || fail "pull d"
printf '1\nf 1 Mooi samengevat.\nf 0 Sterk gesprek.\nq\n' |
	KLANTCOACH_COACH="Coach Ria" as coach --plain review --trainee Dirk \
	"$pulled" > "$T/out" 2>&1
expect_contains "the coach writes feedback on a pulled log" "$(cat "$T/out")" \
	"Feedback bewaard."
as coach sync --toon > "$T/fb.json" 2> "$T/err"
expect_contains "the feedback is a statement" "$(cat "$T/fb.json")" \
	"http://adlnet.gov/expapi/verbs/commented"
lrs_validate "$T/fb.json" > "$T/v.out" 2>&1 ||
	{ fail "feedback statements valid"; cat "$T/v.out" >&2; }
expect_contains "both items validated" "$(tail -1 "$T/v.out")" "2 statements, 0 problems"
as coach sync > "$T/out" 2> "$T/err"; rc=$?
expect_eq "the coach's sync exit" "$rc" 0
expect_contains "the coach sends the feedback" "$(cat "$T/out")" "Verzonden: 2 statements"
expect_eq "the LRS holds the feedback" \
	"$(lrs_ids coach:geheim-c verb=http%3A%2F%2Fadlnet.gov%2Fexpapi%2Fverbs%2Fcommented)" \
	"$(lrs_file_ids "$T/fb.json")"
as coach sync > "$T/out" 2>&1
expect_contains "feedback is sent once" "$(cat "$T/out")" "Verzonden: 0 statements"
as coach sync --ophalen > "$T/out" 2>&1
expect_contains "feedback does not change a pulled log" "$(cat "$T/out")" \
	"0 nieuw of bijgewerkt"
as d sync > "$T/out" 2> "$T/err"; rc=$?
expect_eq "the trainee's sync exit" "$rc" 0
expect_contains "the trainee hears of new feedback" "$(cat "$T/out")" \
	"Nieuwe feedback van je coach: 2"
d_log=$(ls "$T"/d/.local/share/klantcoach/sessions/*.csv | grep -v feedback)
as d show "$(basename "$d_log" .csv)" > "$T/show" 2>&1
expect_contains "show: step feedback through the LRS" "$(cat "$T/show")" \
	"Coach Ria bij stap 1"
expect_contains "show: overall feedback through the LRS" "$(cat "$T/show")" \
	"Sterk gesprek."
as d sync > "$T/out" 2>&1
expect_eq "feedback arrives once" \
	"$(grep -c 'Coach Ria' "${d_log%.csv}.feedback.csv")" 2

# The coach edits one item and withdraws the other: a new statement and
# a voiding one for the edit, a voiding one for the withdrawal.
ria() {	# ria COMMAND: one feedback command on Dirk's session
	printf '1\n%s\nq\n' "$1" | KLANTCOACH_COACH="Coach Ria" \
		as coach --plain review --trainee Dirk "$pulled" > "$T/out" 2>&1
}
# pick FILE EXPR: EXPR (JavaScript, of a statement s) for each statement
# of FILE (a JSON array, or an LRS's answer) where it is not false,
# sorted, one per line.
pick() {
	node -e 'const [f, e] = process.argv.slice(1);
		const j = JSON.parse(require("fs").readFileSync(f, "utf8"));
		console.log((j.statements || j)
		.map(new Function("s", "return " + e))
		.filter((x) => x !== false).sort().join("\n"))' "$1" "$2"
}
# verb_ids FILE VERB: the ids of FILE's statements with that verb.
verb_ids() { pick "$1" "s.verb.id.endsWith('/$2') && s.id"; }
# voids FILE: the ids of the statements FILE's voiding statements void.
voids() { pick "$1" "s.verb.id.endsWith('/voided') && s.object.id"; }
# said FILE TEXT: the id of FILE's feedback statement with that text.
said() { pick "$1" "s.result && s.result.response === '$2' && s.id"; }
# to_send FILE N: what the coach's sync would send into FILE: N
# statements, each valid.
to_send() {
	as coach sync --toon > "$1" 2> "$T/err"
	lrs_validate "$1" > "$T/v.out" 2>&1 ||
		{ fail "valid statements in $1"; cat "$T/v.out" >&2; }
	expect_contains "$(basename "$1"): $2 statements, each valid" \
		"$(tail -1 "$T/v.out")" "$2 statements, 0 problems"
}
VOIDED=verb=http%3A%2F%2Fadlnet.gov%2Fexpapi%2Fverbs%2Fvoided
COMMENTED=verb=http%3A%2F%2Fadlnet.gov%2Fexpapi%2Fverbs%2Fcommented
ria "f 1 Heel mooi samengevat."
expect_contains "the coach edits feedback" "$(cat "$T/out")" "Feedback bewaard."
to_send "$T/edit.json" 2
expect_eq "an edit: a new statement" "$(verb_ids "$T/edit.json" commented | wc -l)" 1
expect_eq "an edit voids the statement it replaces" \
	"$(voids "$T/edit.json")" "$(said "$T/fb.json" "Mooi samengevat.")"
as coach sync > "$T/out" 2>&1
expect_contains "the coach sends the edit" "$(cat "$T/out")" "Verzonden: 2 statements"
ria "w 0"
expect_contains "the coach withdraws feedback" "$(cat "$T/out")" "Feedback ingetrokken."
to_send "$T/withdraw.json" 1
expect_eq "a withdrawal: only a voiding statement" \
	"$(verb_ids "$T/withdraw.json" voided)" "$(lrs_file_ids "$T/withdraw.json")"
expect_eq "a withdrawal voids the withdrawn statement" \
	"$(voids "$T/withdraw.json")" "$(said "$T/fb.json" "Sterk gesprek.")"
as coach sync > "$T/out" 2>&1
expect_contains "the coach sends the withdrawal" "$(cat "$T/out")" "Verzonden: 1 statements"
as coach sync > "$T/out" 2>&1
expect_contains "a second sync sends nothing new" "$(cat "$T/out")" \
	"Verzonden: 0 statements"
expect_eq "the LRS holds the voiding statements" \
	"$(lrs_ids coach:geheim-c "$VOIDED")" \
	"$( (verb_ids "$T/edit.json" voided; verb_ids "$T/withdraw.json" voided) | sort)"
# (A query by verb also gives the statements that refer to a match.)
lrs_get coach:geheim-c "$COMMENTED&limit=1000" > "$T/given.json"
expect_eq "the LRS gives only the edited feedback" \
	"$(verb_ids "$T/given.json" commented)" "$(verb_ids "$T/edit.json" commented)"
as d sync > "$T/out" 2> "$T/err"; rc=$?
expect_eq "the trainee's sync after the edits exit" "$rc" 0
expect_contains "the trainee gets the edit" "$(cat "$T/out")" \
	"Nieuwe feedback van je coach: 1"
expect_contains "the trainee hears of the withdrawal" "$(cat "$T/out")" \
	"Feedback ingetrokken door je coach: 1."
as d show "$(basename "$d_log" .csv)" > "$T/show" 2>&1
expect_contains "show: the edited text" "$(cat "$T/show")" "Heel mooi samengevat."
expect_not_contains "show: not the text it replaced" "$(cat "$T/show")" \
	"Mooi samengevat."
expect_not_contains "show: not the withdrawn feedback" "$(cat "$T/show")" \
	"Sterk gesprek."
rows=$(wc -l < "${d_log%.csv}.feedback.csv")
as d sync > "$T/out" 2>&1
expect_not_contains "a second trainee sync: no news" "$(cat "$T/out")" "feedback"
expect_eq "a second trainee sync: the file stays" \
	"$(wc -l < "${d_log%.csv}.feedback.csv")" "$rows"

as a sync > "$T/out" 2> "$T/err"; rc=$?
expect_eq "a trainee who may read only its own: sync still works" "$rc" 0
expect_not_contains "... and gets no one else's feedback" "$(cat "$T/out")" "feedback"

# Eva plays a version of the scenario that the coach does not have.
mkdir -p "$T/inhoud"
cp -r "$KC_SRC/content" "$KC_SRC/personas" "$T/inhoud/"
eigen="$T/inhoud/content/scenarios/denzell-telefoon.ini"
printf '\n; de versie van Eva\n' >> "$eigen"
trainee e "Eva" cursist-a:geheim-a nee
eva() { HOME="$T/e" "$KC_BIN" --content "$T/inhoud" "$@"; }
{ printf '1\n2\nt\n'; yes 1 | head -n 40; } |
	eva --plain play denzell-telefoon > /dev/null 2>&1 || fail "e plays"
eva sync --toon > "$T/e.json" 2>/dev/null
expect_contains "the start carries the scenario file" "$(cat "$T/e.json")" \
	'"usageType": "https://w3id.org/klantcoach/xapi/attachments/scenario"'
version=$(grep '^meta.*,versie,' "$T"/e/.local/share/klantcoach/sessions/*.csv | cut -d, -f10)
expect_contains "the attachment names the version" "$(cat "$T/e.json")" \
	"scenario denzell-telefoon, versie $version, deel 1"
lrs_validate "$T/e.json" > "$T/v.out" 2>&1 ||
	{ fail "statements with an attachment valid"; cat "$T/v.out" >&2; }
eva sync > "$T/out" 2> "$T/err"; rc=$?
expect_eq "the attachment is accepted" "$rc" 0
as coach sync --ophalen --trainee Eva > "$T/out" 2> "$T/err"; rc=$?
expect_eq "pull with the attachment" "$rc" 0
copy="$T/coach/.local/share/klantcoach/versies/denzell-telefoon.$version.ini"
expect_eq "the coach has Eva's version, byte for byte" \
	"$(cmp "$eigen" "$copy" && echo same)" same
e_log=$(ls "$T"/e/.local/share/klantcoach/sessions/*.csv | grep -v feedback)
as coach --plain show "$pulled/$(basename "$e_log")" > "$T/show" 2>&1
expect_contains "the coach opens a session played on other content" \
	"$(cat "$T/show")" "Verloop van de meters"
finish
