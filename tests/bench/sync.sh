#!/bin/sh
# sync.sh: how fast klantcoach sync sends ~10^4 statements (a generated
# cohort) to the test LRS on loopback (tests/lrs), beside curl posting the
# same batches of 50 to a fresh LRS. curl sends the statements without the
# scenario files attached to each session's start (klantcoach sends
# those too). Run by bench.sh (section 7), or alone from the top of a
# built tree. Prints one line per sender: "<name>: <N> statements in <T>
# ms, <R> statements/s". Environment: KC_BIN, KC_SRC, KC_COHORT as for
# bench.sh; KC_BENCH_SYNC_TRAINEES (600; two sessions each); KC_LRS_CACHE.
set -eu
BUILD=$(pwd)
KC_BIN=${KC_BIN:-$BUILD/klantcoach}
KC_SRC=$(cd "${KC_SRC:-.}" && pwd)
KC_COHORT=${KC_COHORT:-$BUILD/tests/tools/cohort}
LRS_CACHE=${KC_LRS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/klantcoach-lrs}
T=$(mktemp -d "${TMPDIR:-/tmp}/kc-bench-sync.XXXXXX")
fail() { echo "bench sync: FOUT: $*" >&2; exit 1; }
. "$KC_SRC/tests/lrs/lrs.sh"
trap 'lrs_stop; rm -rf "$T"' EXIT
export LC_ALL=C.UTF-8 TZ=UTC KLANTCOACH_LRS_WACHT=100

lrs_setup || fail "cannot install the LRS packages"
lrs_start || fail "cannot start the LRS"
kc() { "$KC_BIN" --content "$KC_SRC" "$@"; }
trainee h Bench cursist-a:geheim-a nee
"$KC_COHORT" "$KC_SRC" "$T/h/.local/share/klantcoach/sessions" \
	"${KC_BENCH_SYNC_TRAINEES:-600}" 2 7 > /dev/null || fail "cohort"
now() { date +%s%N; }
report() {	# report NAME STATEMENTS START END
	ms=$(awk -v a="$3" -v b="$4" 'BEGIN { printf "%.0f", (b - a) / 1e6 }')
	echo "$1: $2 statements in $ms ms, $(awk -v n="$2" -v m="$ms" \
		'BEGIN { printf "%.0f", n * 1000 / m }') statements/s"
}

t0=$(now)
HOME="$T/h" kc sync > "$T/sync.out" 2> "$T/sync.err" ||
	{ cat "$T/sync.err" >&2; fail "klantcoach sync"; }
t1=$(now)
n=$(cat "$T"/h/.local/share/klantcoach/outbox/*/statements.jsonl | wc -l)
report "klantcoach sync" "$n" "$t0" "$t1"

# The same batches for curl, to a fresh LRS (else they are duplicates).
node -e '
const fs = require("fs"), [out, url, ...files] = process.argv.slice(1);
let cfg = "", b = 0;
for (const f of files) {
	const s = fs.readFileSync(f, "utf8").trim().split("\n")
		.map((l) => { const x = JSON.parse(l).statement;
			delete x.attachments; return x; });
	for (let i = 0; i < s.length; i += 50, b++) {
		fs.writeFileSync(`${out}/b${b}.json`, JSON.stringify(s.slice(i, i + 50)));
		cfg += `${b ? "next\n" : ""}url = "${url}/statements"\n` +
			`data-binary = "@${out}/b${b}.json"\nuser = "cursist-a:geheim-a"\n` +
			`header = "X-Experience-API-Version: 1.0.3"\n` +
			`header = "Content-Type: application/json"\noutput = "/dev/null"\n`;
	}
}
fs.writeFileSync(`${out}/curl.cfg`, cfg);
' "$T" "$LRS_URL" "$T"/h/.local/share/klantcoach/outbox/*/statements.jsonl ||
	fail "cannot write the batches"
lrs_stop
rm -rf "$T/lrs-store"
lrs_start || fail "cannot start the second LRS"
sed -i "s|http://127.0.0.1:[0-9]*/xAPI|$LRS_URL|" "$T/curl.cfg"
t0=$(now)
curl -s -f -K "$T/curl.cfg" || fail "curl"
t1=$(now)
report "curl" "$n" "$t0" "$t1"
[ "$(lrs_ids cursist-a:geheim-a | wc -l)" -eq "$n" ] ||
	fail "curl: the LRS does not hold every statement"
