#!/bin/sh
# bench.sh: performance benchmark of klantcoach, run by `make bench` from the
# top of a built tree. Every figure is measured in this run on this machine,
# with repetitions and medians (hyperfine; interleaved rounds timed with
# date +%s%N for the cohort reports; tests/bench/choice.c for the per-choice
# costs); nothing here times the unit tests.
#
#   1. start-up: --version, list, plain play to the first prompt
#   2. check: the bundled content and a library 100x as large
#   3. one choice: engine only, with the log but no fsync, durable; and the
#      instructions of one TUI play-screen redraw (callgrind)
#   4. cohort report (csv; md and html timed too) over ~1e4, 1e5, 1e6 log
#      rows beside Miller, GNU datamash, wc -l, cat and grep -c '', with
#      the answers checked against each other
#   5. peak memory of the report; 5b. at 10^5 sessions: peak memory of
#      every format, the HTML's size and Chromium's time to print it
#   6. the loaders on generated 1 MB and 10 MB scenarios and a 100,000-key
#      config (tests/bench/load.c), and the fsyncs of a session start
#   7. sync: ~1e4 statements to the test LRS on loopback beside curl
#      posting the same batches (tests/bench/sync.sh; needs Node)
#   8. resume and the home list's scan at 10 and 10,000 sessions (time,
#      CPU time, instructions)
#   9. the list screens: instructions per cursor key on the review list at
#      10^2..10^5 sessions and on the home list at 10 and 10^4 (callgrind,
#      the TUI in tmux), review's first screen beside `report --format csv`
#      over the same folder, home's first screen at 10^4 beside 10
#
# Environment: KC_BIN (./klantcoach), KC_SRC (.), KC_COHORT
# (./tests/tools/cohort), KC_BENCH_ROWS ("10000 100000 1000000"),
# KC_BENCH_SESSIONS (100000, for 5b),
# KC_BENCH_SCENARIO (denzell-telefoon), KC_BENCH_LISTS ("100 1000 10000
# 100000": review list sizes), KC_BENCH_CACHE (~/.cache/klantcoach-bench:
# the generated folders of 10^5 sessions, kept between runs and keyed on
# the cohort tool and the content), KC_BENCH_BASE (a klantcoach binary
# whose reports must be byte-identical), TMPDIR; KC_BENCH_HF_OPTS replaces
# hyperfine's "--style none" (e.g. --show-output to debug). Missing tools
# are installed from Debian packages (miller datamash hyperfine valgrind
# time tmux; with sudo when not root). Takes about 3 minutes on 2 cores.
# Exit status: 0, or 1 when a correctness check failed (the answers of
# klantcoach, the cohort tally, mlr and datamash disagree) or a tool broke.
# Targets that are not met are reported in the table, not as a failure.
set -eu

LC_ALL=C.UTF-8 TZ=UTC
export LC_ALL TZ
BUILD=$(pwd)
abs() { case $1 in /*) printf '%s\n' "$1" ;; *) printf '%s/%s\n' "$BUILD" "${1#./}" ;; esac; }
KC_BIN=$(abs "${KC_BIN:-./klantcoach}")
KC_SRC=$(cd "${KC_SRC:-.}" && pwd)
KC_COHORT=$(abs "${KC_COHORT:-./tests/tools/cohort}")
ROWS=${KC_BENCH_ROWS:-"10000 100000 1000000"}
SCEN=${KC_BENCH_SCENARIO:-denzell-telefoon}
BENCH=$KC_SRC/tests/bench

die() { echo "bench: FOUT: $*" >&2; exit 1; }
note() { printf '%s\n' "$*"; }
section() { printf '\n== %s ==\n' "$*"; }

# ---- tools -------------------------------------------------------------
need=
command -v mlr >/dev/null 2>&1 || need="$need miller"
command -v datamash >/dev/null 2>&1 || need="$need datamash"
command -v hyperfine >/dev/null 2>&1 || need="$need hyperfine"
command -v valgrind >/dev/null 2>&1 || need="$need valgrind"
[ -x /usr/bin/time ] || need="$need time"
command -v tmux >/dev/null 2>&1 || need="$need tmux"
command -v strace >/dev/null 2>&1 || need="$need strace"
if [ -n "$need" ]; then
	SUDO=
	[ "$(id -u)" -eq 0 ] || SUDO=sudo
	echo "bench: installing$need"
	$SUDO apt-get install -y $need >/dev/null 2>&1 ||
		{ $SUDO apt-get update >/dev/null 2>&1 && $SUDO apt-get install -y $need >/dev/null; } ||
		die "cannot install$need"
fi
for t in mlr datamash hyperfine; do
	command -v $t >/dev/null 2>&1 || die "$t is missing"
done
[ -x /usr/bin/time ] || die "/usr/bin/time is missing (package time)"
[ -x "$KC_BIN" ] || die "$KC_BIN is not built (run make)"
if [ ! -x "$KC_COHORT" ]; then
	make tests/tools/cohort >/dev/null || die "cannot build tests/tools/cohort"
fi
[ -f "$BUILD/src/libklantcoach.a" ] || die "src/libklantcoach.a is not built (run make)"

# ---- workspace ---------------------------------------------------------
T=$(mktemp -d "${TMPDIR:-/tmp}/kc-bench.XXXXXX")
G=
TM="tmux -L kcbench$$ -f /dev/null"
cleanup() {
	$TM kill-server >/dev/null 2>&1 || true
	rm -rf "$T"
	[ -z "$G" ] || rm -rf "$G"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP
# Work on copies: the tree may be rebuilt while the benchmark runs.
mkdir -p "$T/bin"
cp "$KC_BIN" "$T/bin/klantcoach"
cp "$KC_COHORT" "$T/bin/cohort"
${CC:-cc} -O2 -I "$KC_SRC/src" -I "$BUILD" "$BENCH/choice.c" "$BUILD/src/libklantcoach.a" \
	-lcsv -liniparser -o "$T/bin/choice" || die "cannot compile tests/bench/choice.c"
${CC:-cc} -O2 -I "$KC_SRC/src" -I "$BUILD" "$BENCH/load.c" "$BUILD/src/libklantcoach.a" \
	-lcsv -liniparser -o "$T/bin/load" || die "cannot compile tests/bench/load.c"
KC_ORIG=$KC_BIN
KC_LRS_CACHE=${KC_LRS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/klantcoach-lrs}
export KC_LRS_CACHE
KC_BENCH_CACHE=${KC_BENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/klantcoach-bench}
LISTS=${KC_BENCH_LISTS:-"100 1000 10000 100000"}
KC_BIN=$T/bin/klantcoach
KC_COHORT=$T/bin/cohort
export HOME="$T/home"
unset XDG_CONFIG_HOME XDG_DATA_HOME NO_COLOR KLANTCOACH_NAME KLANTCOACH_LEVEL \
	KLANTCOACH_CONTENT KLANTCOACH_DATA KLANTCOACH_MODE KLANTCOACH_TIME 2>/dev/null || true
mkdir -p "$HOME"
# Long argument lists (a million rows are ~65000 files) for mlr, wc and cat.
ulimit -s 65536 2>/dev/null || true
ARGMAX=$(getconf ARG_MAX 2>/dev/null || echo 131072)
failed=0
TABLE=$T/table

# row MEASURE VALUE TARGET MET
row() { printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" >> "$TABLE"; }
# q WORD: the word quoted for sh (and for hyperfine -N).
q() { printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"; }
# calc EXPR: floating point arithmetic.
calc() { awk "BEGIN { v = $1; printf \"%.6g\n\", v }"; }
# fmt NUMBER DIGITS
fmt() { awk -v v="$1" -v d="$2" 'BEGIN { printf "%.*f\n", d, v }'; }
# yes_if CONDITION (awk expression)
yes_if() { awk "BEGIN { print ($1) ? \"yes\" : \"no\" }"; }

# hf NAME RUNS WARMUP MODE COMMAND: hyperfine; prints the median in ms.
# MODE is "-N" (no shell) or "sh" (through sh, spawn time subtracted).
hf() {
	name=$1 runs=$2 warm=$3 mode=$4
	shift 4
	if [ "$mode" = -N ]; then set -- -N "$@"; fi
	hyperfine ${KC_BENCH_HF_OPTS:---style none} -r "$runs" -w "$warm" --export-json "$T/hf-$name.json" "$@" \
		> "$T/hf-$name.out" 2>&1 || { cat "$T/hf-$name.out" >&2; die "hyperfine $name failed"; }
	j=$T/hf-$name.json
	med=$(sed -n 's/^ *"median": *\([-0-9.eE+]*\),*$/\1/p' "$j" | head -1)
	[ -n "$med" ] || die "no median in $j"
	calc "$med * 1000"
}
# hf_user NAME: mean user CPU time of the last hf NAME run, in ms.
hf_user() { calc "$(sed -n 's/^ *"user": *\([-0-9.eE+]*\),*$/\1/p' "$T/hf-$1.json" | head -1) * 1000"; }

# rounds RUNS NAME...: runs each $T/cmd.NAME through sh -c, RUNS rounds,
# interleaved so that a change in machine load hits every command alike,
# together with an empty command (floor: sh start and the timer itself).
# Times (ns) go to $T/t.NAME, CPU times to $T/u.NAME; rmed NAME prints the
# median in ms, floor subtracted; rrange NAME prints "min-max" in ms.
rounds() {
	runs=$1
	shift
	printf ':' > "$T/cmd.floor"
	for nm in floor "$@"; do : > "$T/t.$nm"; : > "$T/u.$nm"; done
	r=0
	while [ $r -lt "$runs" ]; do
		for nm in floor "$@"; do
			c=$(cat "$T/cmd.$nm")
			t0=$(date +%s%N)
			/usr/bin/time -f '%U %S' -o "$T/cpu.one" sh -c "$c" > /dev/null 2>&1 ||
				die "$nm failed: $c"
			t1=$(date +%s%N)
			echo $((t1 - t0)) >> "$T/t.$nm"
			awk '{ printf "%.0f\n", ($1 + $2) * 1e9 }' "$T/cpu.one" >> "$T/u.$nm"
		done
		r=$((r + 1))
	done
}
median_ns() {
	sort -n "$1" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
rmed() { calc "($(median_ns "$T/t.$1") - $(median_ns "$T/t.floor")) / 1e6"; }
# rcpu NAME: the median CPU time (user + sys of the command and all it
# started, from /usr/bin/time; 10 ms resolution) in ms, floor subtracted.
rcpu() { calc "($(median_ns "$T/u.$1") - $(median_ns "$T/u.floor")) / 1e6"; }
rrange() { sort -n "$T/t.$1" | awk -v f="$(median_ns "$T/t.floor")" 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%.0f-%.0f", (lo - f) / 1e6, (hi - f) / 1e6 }'; }

# tm_wait TEXT [TENTHS]: wait until TEXT is on the tmux screen (up to 60 s,
# or TENTHS tenths of a second).
tm_wait() {
	i=0
	while [ $i -lt "${2:-600}" ]; do
		$TM capture-pane -p 2>/dev/null | grep -qF -- "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
# tm_gone PID: wait (up to 60 s) until process PID has ended.
tm_gone() {
	i=0
	while kill -0 "$1" 2>/dev/null && [ $i -lt 600 ]; do sleep 0.1; i=$((i + 1)); done
}

KC="$(q "$KC_BIN") --content $(q "$KC_SRC")"
echo "klantcoach benchmark: $($KC_BIN --version), $(nproc) cores, $(uname -m), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "binary $KC_ORIG (copied), content $KC_SRC, temp $T ($(stat -f -c %T "$T"))"

# ---- 1. start-up -------------------------------------------------------
section "1. start-up (median of 30 runs, 3 warm-up)"
printf 'q\n' > "$T/q.txt"
mkdir -p "$T/play"
t_true=$(hf true 30 3 -N /bin/true)
t_version=$(hf version 30 3 -N "$KC_BIN --version")
t_list=$(hf list 30 3 -N "$KC list")
u_list=$(hf_user list)
# Plain mode to the first prompt: the input is a file with "q\n" (same as
# printf 'q\n' | ..., without timing a second process); each run creates a
# new session log, as a real start does.
t_play=$(export KLANTCOACH_LEVEL=B KLANTCOACH_DATA="$T/play"
	hf play 30 3 sh "$KC --plain --name X play $SCEN < $(q "$T/q.txt") > /dev/null")
KLANTCOACH_LEVEL=B KLANTCOACH_DATA="$T/play" $KC_BIN --content "$KC_SRC" --plain --name X \
	play "$SCEN" < "$T/q.txt" | grep -q 'Keuze (1-' || die "plain play shows no first prompt"
note "process spawn floor /bin/true   $(fmt "$t_true" 2) ms"
note "klantcoach --version            $(fmt "$t_version" 2) ms"
note "klantcoach list                 $(fmt "$t_list" 2) ms (user CPU $(fmt "$u_list" 2) ms)"
note "plain play to first prompt      $(fmt "$t_play" 2) ms"
row "spawn floor: /bin/true" "$(fmt "$t_true" 2) ms" "-" "-"
row "start: klantcoach --version" "$(fmt "$t_version" 2) ms" "< 10 ms" "$(yes_if "$t_version < 10")"
row "start: klantcoach list" "$(fmt "$t_list" 2) ms" "< 10 ms" "$(yes_if "$t_list < 10")"
row "start: plain play to first prompt" "$(fmt "$t_play" 2) ms" "< 10 ms" "$(yes_if "$t_play < 10")"
r_list=$(calc "$t_list / $t_version")
row "start: list / --version" "$(fmt "$r_list" 2)x" "<= 2x" "$(yes_if "$r_list <= 2")"

# ---- 2. check ----------------------------------------------------------
section "2. check"
$KC_BIN --content "$KC_SRC" check > "$T/check.out" 2>&1 || { cat "$T/check.out"; die "check of the bundled content fails"; }
L=$T/lib
mkdir -p "$L/content/scenarios"
cp -R "$KC_SRC/personas" "$L/"
cp -R "$KC_SRC/content/frameworks" "$L/content/"
nsc=0
for f in "$KC_SRC"/content/scenarios/*.ini; do
	b=$(basename "$f" .ini)
	i=1
	while [ $i -le 100 ]; do
		cp "$f" "$L/content/scenarios/$b-x$i.ini"
		i=$((i + 1))
	done
	nsc=$((nsc + 1))
done
$KC_BIN --content "$L" check > "$T/checkL.out" 2>&1 || { tail -5 "$T/checkL.out"; die "check of the 100x library fails"; }
note "bundled: $(tail -1 "$T/check.out")"
note "100x:    $(tail -1 "$T/checkL.out")"
t_check=$(hf check 30 3 -N "$KC check")
t_checkL=$(hf checkL 5 1 -N "$KC_BIN --content $(q "$L") check")
r_check=$(calc "$t_checkL / $t_check")
# CPU time (user + sys, means) is steadier than wall time on a busy machine.
hf_cpu() { sed -n 's/^ *"\(user\|system\)": *\([-0-9.eE+]*\),*$/\2/p' "$T/hf-$1.json" | head -2 | awk '{ s += $1 } END { print s * 1000 }'; }
c_check=$(hf_cpu check) c_checkL=$(hf_cpu checkL)
rc_check=$(calc "$c_checkL / $c_check")
note "check bundled ($nsc scenarios)      $(fmt "$t_check" 2) ms (median of 30)"
note "check 100x ($((nsc * 100)) scenarios)     $(fmt "$t_checkL" 1) ms (median of 5), ratio $(fmt "$r_check" 1)x"
note "CPU time (user+sys): bundled $(fmt "$c_check" 2) ms, 100x $(fmt "$c_checkL" 1) ms, ratio $(fmt "$rc_check" 1)x"
row "check: bundled content" "$(fmt "$t_check" 2) ms" "< 5 ms" "$(yes_if "$t_check < 5")"
r_checkv=$(calc "$t_check / $t_version")
row "check: bundled / --version" "$(fmt "$r_checkv" 2)x" "<= 2x" "$(yes_if "$r_checkv <= 2")"
row "check: 100x library" "$(fmt "$t_checkL" 1) ms" "-" "-"
row "check: ratio 100x / bundled" "$(fmt "$r_check" 1)x" "<= 100x" "$(yes_if "$r_check <= 100")"
row "check: CPU time ratio 100x / bundled" "$(fmt "$rc_check" 1)x" "-" "-"

# ---- 3. one choice -----------------------------------------------------
section "3. one choice"
mkdir -p "$T/logs"
"$T/bin/choice" "$KC_SRC" "$SCEN" "$T/logs" 200000 200 > "$T/choice.out" || die "choice failed"
val() { awk -v k="$1" -v f="$2" '$1 == k { print $f }' "$T/choice.out"; }
e_ns=$(val engine 2) w_ns=$(val walk 2) n_ns=$(val nosync 2) d_ns=$(val durable 2) d90=$(val durable 3)
e_us=$(calc "$e_ns / 1000") w_us=$(calc "$w_ns / 1000") n_us=$(calc "$n_ns / 1000")
d_ms=$(calc "$d_ns / 1e6") d90_ms=$(calc "$d90 / 1e6")
note "engine, offered+choose+undo cycle  $(fmt "$e_ns" 0) ns (median of 9 x 200000)"
note "engine, walk through the scenario  $(fmt "$w_ns" 0) ns per choice (median of 9 x 200000)"
note "play_choose with log, no fsync     $(fmt "$n_us" 2) us (median of 20000 calls)"
note "play_choose durable (fsync)        $(fmt "$d_ms" 2) ms (median of 200 calls, p90 $(fmt "$d90_ms" 2) ms) on $(stat -f -c %T "$T/logs")"
row "choice: engine (choose+undo)" "$(fmt "$e_us" 3) us" "< 50 us" "$(yes_if "$e_us < 50")"
row "choice: play_choose, log without fsync" "$(fmt "$n_us" 2) us" "< 50 us" "$(yes_if "$n_us < 50")"
row "choice: play_choose, durable (fsync)" "$(fmt "$d_ms" 2) ms" "-" "-"

# TUI redraw: callgrind, collecting only inside play_draw and wrefresh,
# switched on once the play screen is up; then 1, Enter, 1, Enter (each
# choice also animates 3 frames). Instructions per redraw, converted to
# time with this machine's user time per instruction of `klantcoach list`.
tui_ir=
tui_why=
if ! command -v tmux >/dev/null 2>&1 || ! command -v callgrind_control >/dev/null 2>&1; then
	tui_why="tmux or callgrind_control missing"
else
	tui() {
		$TM new-session -d -x 100 -y 30 "exec env HOME=$HOME KLANTCOACH_DATA=$T/tui \
KLANTCOACH_LEVEL=B LANG=C.UTF-8 TERM=xterm-256color valgrind --tool=callgrind \
--instr-atstart=no --toggle-collect=play_draw --toggle-collect=wrefresh \
--callgrind-out-file=$T/tui.cg --log-file=$T/tui.vg $KC --name X" || return 1
		pid=$($TM display-message -p '#{pane_pid}')
		tm_wait "Nieuw gesprek oefenen" || return 1
		$TM send-keys Enter; tm_wait "kies een klant" || return 1
		$TM send-keys Enter; tm_wait "gesprekken met" || return 1
		$TM send-keys Enter; tm_wait "oefenen of toets?" || return 1
		$TM send-keys Enter; tm_wait "stap 1 van" || return 1
		callgrind_control -i on "$pid" >/dev/null 2>&1 || return 1
		$TM send-keys 1; tm_wait "Enter verder" || return 1
		$TM send-keys Enter; tm_wait "stap 2 van" || return 1
		$TM send-keys 1; tm_wait "Enter verder" || return 1
		$TM send-keys Enter; tm_wait "stap 3 van" || return 1
		callgrind_control -i off "$pid" >/dev/null 2>&1 || return 1
		$TM send-keys q; tm_wait "Stoppen?" || return 1
		$TM send-keys j
		tm_gone "$pid"
		[ -s "$T/tui.cg" ]
	}
	if tui; then
		$TM kill-server >/dev/null 2>&1 || true
		set -- $(awk '
			/^(summary|totals):/ { tot = $2 }
			/^c?fn=/ { s = $0; sub(/^c?fn=/, "", s); id = s; sub(/ .*/, "", id)
				   nm = s; sub(/^[^ ]* ?/, "", nm); if (nm != "") name[id] = nm
				   if ($0 ~ /^cfn=/) cur = name[id] }
			/^calls=/ { split($1, a, "="); calls[cur] += a[2] }
			END { print tot + 0, calls["play_draw"] + 0, calls["wrefresh"] + 0 }' "$T/tui.cg")
		if [ "$2" -gt 0 ]; then
			tui_ir=$(calc "$1 / $2")
			note "TUI play redraw: $1 instructions in $2 play_draw + $3 wrefresh calls: $(fmt "$tui_ir" 0) per redraw"
		else
			tui_why="no play_draw calls recorded"
		fi
	else
		$TM kill-server >/dev/null 2>&1 || true
		tui_why="the TUI under valgrind did not reach the play screen"
	fi
fi
if [ -n "$tui_ir" ]; then
	# ns per instruction on this machine: `klantcoach list` (content parsing,
	# CPU bound) under callgrind, against its median user CPU time above.
	valgrind --tool=callgrind --callgrind-out-file="$T/list.cg" --log-file="$T/list.vg" \
		"$KC_BIN" --content "$KC_SRC" list > /dev/null
	list_ir=$(sed -n 's/^\(summary\|totals\): *//p' "$T/list.cg" | head -1)
	nspi=$(calc "$u_list * 1e6 / $list_ir")
	tui_us=$(calc "$tui_ir * $nspi / 1000")
	note "calibration: list = $list_ir instructions in $(fmt "$u_list" 2) ms user: $(fmt "$nspi" 3) ns per instruction"
	note "TUI play redraw estimate: $(fmt "$tui_us" 0) us (draw + ncurses refresh, without the terminal itself;"
	note "  $(fmt "$(calc "$tui_ir / 1000")" 0) us at a pessimistic 1 instruction per ns)"
	row "TUI play redraw (callgrind estimate)" "$(fmt "$tui_us" 0) us" "< 1000 us" "$(yes_if "$tui_us < 1000")"
else
	note "TUI play redraw: not measured ($tui_why)"
	row "TUI play redraw (callgrind estimate)" "not measured" "< 1000 us" "-"
fi

# ---- 3b. loading and session start --------------------------------------
section "3b. loading (median of 5) and the fsyncs of a session start"
# A valid scenario of about $2 MB: steps with two options (the next step,
# an ending) and one ending per step.
gen_scenario() {
	awk -v mb="$2" 'BEGIN {
		print "[scenario]\ntitle = Groot\nsummary = Gegenereerd\npersona = p"
		print "channel = telefoon\nlevel = B\nstart = s1"
		n = int(mb * 1048576 / 560)
		for (i = 1; i <= n; i++) {
			printf "[step.s%d]\nsituation = Situatie %d van de klant.\n", i, i
			printf "client = Wat de klant zegt bij stap %d.\n", i
			for (o = 1; o <= 2; o++)
				printf "[step.s%d.%d]\ntext = Optie %d\nresponse = Antwoord\n" \
				       "next = %s\ngezien = 1\nfeedback = Terugkoppeling %d.\n",
				       i, o, o, o == 1 && i < n ? "s" (i + 1) : "end.e" i, o
			printf "[end.e%d]\ntone = goed\nsummary = Einde %d.\n", i, i
		}
	}' > "$1"
}
gen_scenario "$T/s1.ini" 1
gen_scenario "$T/s10.ini" 10
awk 'BEGIN { print "[cursist]"; for (i = 1; i <= 100000; i++) printf "k%d=1\n", i }' > "$T/c100k.ini"
ld_ms() { "$T/bin/load" "$1" "$2" 5 | awk '{ print $2 }'; }
l1=$(ld_ms scenario "$T/s1.ini") || die "load of the 1 MB scenario failed"
l10=$(ld_ms scenario "$T/s10.ini") || die "load of the 10 MB scenario failed"
lc=$(ld_ms config "$T/c100k.ini") || die "load of the 100,000-key config failed"
r_l=$(calc "$l10 / $l1")
note "scenario 1 MB $(fmt "$l1" 1) ms, 10 MB $(fmt "$l10" 1) ms ($(fmt "$r_l" 1)x); config 100,000 keys $(fmt "$lc" 1) ms"
row "load: scenario 1 MB" "$(fmt "$l1" 1) ms" "-" "-"
row "load: scenario 10 MB" "$(fmt "$l10" 1) ms" "< 1000 ms" "$(yes_if "$l10 < 1000")"
row "load: time 10 MB / 1 MB" "$(fmt "$r_l" 1)x" "~10x" "$(yes_if "$r_l <= 13")"
row "load: config 100,000 keys" "$(fmt "$lc" 1) ms" "< 1000 ms" "$(yes_if "$lc < 1000")"
if command -v callgrind_control >/dev/null 2>&1; then
	# instructions do not depend on the load of the machine or its caches
	ld_ir() {
		valgrind --tool=callgrind --callgrind-out-file="$T/ld.cg" --log-file="$T/ld.vg" \
			"$T/bin/load" scenario "$1" 1 > /dev/null || die "load under callgrind failed"
		sed -n 's/^\(summary\|totals\): *//p' "$T/ld.cg" | head -1
	}
	i1=$(ld_ir "$T/s1.ini") i10=$(ld_ir "$T/s10.ini")
	r_i=$(calc "$i10 / $i1")
	note "instructions: 1 MB $i1, 10 MB $i10 ($(fmt "$r_i" 2)x)"
	row "load: instructions 10 MB / 1 MB" "$(fmt "$r_i" 2)x" "~10x" "$(yes_if "$r_i <= 11")"
fi
if command -v strace >/dev/null 2>&1; then
	# the second start: the scenario's version copy is already kept
	for i in 1 2; do
		KLANTCOACH_LEVEL=B KLANTCOACH_DATA="$T/fs" strace -f -e trace=fsync,fdatasync \
			-o "$T/fsync.txt" $KC_BIN --content "$KC_SRC" --plain --name X play "$SCEN" \
			< "$T/q.txt" > /dev/null 2>&1 || die "play under strace failed"
	done
	nfs=$(grep -c 'fsync' "$T/fsync.txt")
	note "fsyncs of a session start: $nfs"
	row "session start: fsyncs" "$nfs" "<= 2" "$(yes_if "$nfs <= 2")"
else
	row "session start: fsyncs" "not measured (no strace)" "<= 2" "-"
fi

# ---- 4. cohort report --------------------------------------------------
section "4. cohort report ($SCEN)"
$KC_BIN --content "$KC_SRC" list | grep -qw -- "$SCEN" || die "no scenario $SCEN"
# Generate where fsync is cheap (the cohort tool fsyncs while creating each
# log), then move to the temp folder so the logs are read from a real disk.
# Without /dev/shm the logs are written in place, which is much slower.
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
	G=$(mktemp -d /dev/shm/kc-bench.XXXXXX)
else
	G=$T/gen
	mkdir -p "$G"
fi
"$KC_COHORT" "$KC_SRC" "$G/pilot" 1 200 1 "$SCEN" > /dev/null || die "cohort failed"
pf=$(ls "$G/pilot" | wc -l)
pr=$(cat "$G/pilot"/*.csv | wc -l)
rps=$(calc "($pr - 2 * $pf) / $pf")
note "pilot: $(fmt "$rps" 1) event rows per session"

# gen DIR TRAINEES SESSIONS SEED TALLY: a cohort in DIR with its summed tally,
# written in chunks of at most 100 trainees in $G and moved to DIR: little
# space is needed in $G, and a chunk is written again with another seed
# when the cohort tool fails (log names are second + 32 random bits, so two
# logs can meet at thousands per second) or a name is already in DIR.
gen() {
	gdir=$1 gleft=$2 gper=$3 gseed=$4
	mkdir -p "$gdir"
	: > "$T/names"
	: > "$T/tallies"
	gk=0
	while [ "$gleft" -gt 0 ]; do
		gtr=$gleft
		[ "$gtr" -le 100 ] || gtr=100
		ga=0
		while :; do
			rm -rf "$G/ch"
			if "$KC_COHORT" "$KC_SRC" "$G/ch" "$gtr" "$gper" $((gseed + 7919 * gk + 104729 * ga)) \
				"$SCEN" > "$T/chtally" 2> "$T/cherr"; then
				ls "$G/ch" | LC_ALL=C sort > "$T/chnames"
				[ -n "$(LC_ALL=C comm -12 "$T/chnames" "$T/names")" ] || break
			fi
			ga=$((ga + 1))
			[ $ga -lt 5 ] || die "cohort keeps failing: $(cat "$T/cherr")"
		done
		LC_ALL=C sort -m "$T/chnames" "$T/names" > "$T/names.new"
		mv "$T/names.new" "$T/names"
		find "$G/ch" -name '*.csv' -exec mv -t "$gdir" {} +
		cat "$T/chtally" >> "$T/tallies"
		gleft=$((gleft - gtr))
		gk=$((gk + 1))
	done
	rm -rf "$G/ch"
	awk -F, '{ k = $1 "," $2 "," $3; s[k] += $4 } END { for (k in s) print k "," s[k] }' \
		"$T/tallies" | LC_ALL=C sort > "$5"
}

# The per-step table of the report as "step,option,count" (scenario checked).
ours() {
	awk -F, -v sc="$SCEN" '
		{ sub(/\r$/, "") }
		/^scenario,stap,optie_id,/ { on = 1; next }
		on && $0 == "" { exit }
		on { if ($1 != sc) { print "other scenario " $1 > "/dev/stderr"; exit 1 }
		     print $2 "," $3 "," $(NF - 2) }' "$1" | LC_ALL=C sort
}
MLR_PROG="filter '\$gebeurtenis == \"keuze\" || \$gebeurtenis == \"terug\"' \
then put '\$n = \$gebeurtenis == \"keuze\" ? 1 : -1' then stats1 -a sum -f n -g stap,optie"
MLR_OPTS="--icsv --ocsv --headerless-csv-output --skip-comments-with klantcoach-sessielog"
DM_OPTS="-t, -s -g 1,3,4 count 1"
GREP_RE="'^(keuze|terug),'"

for n in $ROWS; do
	sessions=$(awk -v n="$n" -v r="$rps" 'BEGIN { s = int(n / r + 0.5); print s < 1 ? 1 : s }')
	per=50
	[ "$sessions" -ge $per ] || per=$sessions
	tr=$(( (sessions + per / 2) / per ))
	[ "$tr" -ge 1 ] || tr=1
	start=$(date +%s%N)
	D=$T/c$n
	gen "$D" "$tr" "$per" "$n" "$T/tally$n"
	sync -f "$D" 2>/dev/null || sync	# no writeback while timing
	gen_s=$(calc "($(date +%s%N) - $start) / 1e9")
	files=$(ls "$D" | wc -l)
	lines=$(cd "$D" && find . -name '*.csv' -exec cat {} + | wc -l)
	rows=$((lines - 2 * files))
	undo=$(cd "$D" && find . -name '*.csv' -exec grep -h '^terug,' {} + | wc -l)
	bytes=$(cd "$D" && find . -name '*.csv' -exec cat {} + | wc -c)
	note ""
	note "-- ~$n rows: $tr trainees x $per sessions = $files logs, $rows event rows ($undo undo rows), $(fmt "$(calc "$bytes / 1048576")" 1) MB; generated in $(fmt "$gen_s" 1) s"

	# File arguments: a glob when it fits in ARG_MAX, else find -exec.
	argbytes=$(ls "$D" | awk '{ s += length($0) + 9 } END { print s + 0 }')
	if [ "$argbytes" -lt $((ARGMAX - 65536)) ]; then
		CAT="cat -- *.csv"
		GREP="grep -c '' -- *.csv"
		WC="wc -l -- *.csv"
		MLR="mlr $MLR_OPTS $MLR_PROG *.csv"
		DM="grep -h -E $GREP_RE -- *.csv | datamash $DM_OPTS"
	else
		CAT="find . -name '*.csv' -exec cat -- {} +"
		GREP="find . -name '*.csv' -exec grep -c '' -- {} +"
		WC="find . -name '*.csv' -exec wc -l -- {} +"
		MLR="find . -name '*.csv' -exec cat -- {} + | mlr $MLR_OPTS $MLR_PROG"
		DM="find . -name '*.csv' -exec grep -h -E $GREP_RE -- {} + | datamash $DM_OPTS"
	fi
	CD="cd $(q "$D") &&"

	# Correctness: klantcoach, the engine's own tally, mlr and datamash
	# (the CSV report on standard output is its sessions table).
	$KC_BIN --content "$KC_SRC" report --format csv "$D" > "$T/r$n.csv" 2> "$T/r$n.err" ||
		{ cat "$T/r$n.err" >&2; die "report failed"; }
	$KC_BIN --content "$KC_SRC" report --format csv --tabel stappen "$D" > "$T/st$n.csv" \
		2> "$T/r$n.err" || { cat "$T/r$n.err" >&2; die "report --tabel stappen failed"; }
	ours "$T/st$n.csv" > "$T/ours$n"
	nsess=$(awk 'NR > 1 && ($0 == "\r" || $0 == "") { exit } NR > 1' "$T/r$n.csv" | wc -l)
	sed "s/^$SCEN,//" "$T/tally$n" | LC_ALL=C sort > "$T/tal$n"
	sh -c "$CD $MLR" | awk -F, '$3 != 0' | LC_ALL=C sort > "$T/mlr$n"
	sh -c "$CD $DM" | awk -F, '{ k = $2 "," $3; v[k] += ($1 == "keuze") ? $4 : -$4 }
		END { for (k in v) if (v[k] != 0) print k "," v[k] }' | LC_ALL=C sort > "$T/dm$n"
	ok=yes
	[ "$nsess" -eq "$files" ] || { echo "bench: FOUT: report lists $nsess sessions for $files logs" >&2; ok=no; }
	[ -s "$T/ours$n" ] || { echo "bench: FOUT: report has no per-step table" >&2; ok=no; }
	for other in tal mlr dm; do
		if ! cmp -s "$T/ours$n" "$T/$other$n"; then
			echo "bench: FOUT: klantcoach report and $other disagree at ~$n rows:" >&2
			diff "$T/ours$n" "$T/$other$n" | head -10 >&2
			ok=no
		fi
	done
	if [ $ok = yes ]; then
		note "answers equal: report = cohort tally = mlr = datamash ($(wc -l < "$T/ours$n") (step, option) counts, $(awk -F, '{ s += $3 } END { print s }' "$T/ours$n") choices in force)"
	else
		failed=1
	fi
	row "report ~$n rows: answers equal (tally, mlr, datamash)" "$ok" "yes" "$ok"

	# Timing, interleaved rounds (the correctness runs above warmed the cache).
	if [ "$n" -le 20000 ]; then runs=11; else runs=5; fi
	printf '%s' "$KC report --format csv $(q "$D")" > "$T/cmd.rep"
	printf '%s' "$KC report --format md $(q "$D")" > "$T/cmd.repmd"
	printf '%s' "$KC report --format html $(q "$D")" > "$T/cmd.rephtml"
	printf '%s' "$CD $MLR" > "$T/cmd.mlr"
	printf '%s' "$CD $DM" > "$T/cmd.dm"
	printf '%s' "$CD $WC" > "$T/cmd.wc"
	printf '%s' "$CD $CAT" > "$T/cmd.cat"
	printf '%s' "$CD $GREP" > "$T/cmd.grep"
	rounds $runs rep repmd rephtml mlr dm wc cat grep
	t_rep=$(rmed rep) t_mlr=$(rmed mlr) t_dm=$(rmed dm) t_wc=$(rmed wc) t_cat=$(rmed cat)
	t_grep=$(rmed grep)
	r_grep=$(calc "$t_rep / $t_grep")
	r_mlr=$(calc "$t_mlr / $t_rep")
	r_dm=$(calc "$t_dm / $t_rep")
	r_wc=$(calc "$t_rep / $t_wc")
	r_cat=$(calc "$t_rep / $t_cat")
	note "median of $runs interleaved runs, ms (range): klantcoach report $(fmt "$t_rep" 1) ($(rrange rep)),"
	note "  mlr $(fmt "$t_mlr" 1) ($(rrange mlr)), datamash $(fmt "$t_dm" 1) ($(rrange dm)), wc -l $(fmt "$t_wc" 1) ($(rrange wc)), cat $(fmt "$t_cat" 1) ($(rrange cat))"
	note "mlr takes $(fmt "$r_mlr" 2)x and datamash $(fmt "$r_dm" 2)x the report's time; the report takes $(fmt "$r_wc" 2)x wc -l and $(fmt "$r_cat" 2)x cat; $(fmt "$(calc "$t_rep * 1000 / $rows")" 2) us per row"
	row "report ~$n rows ($rows): time" "$(fmt "$t_rep" 1) ms" "-" "-"
	row "report ~$n rows: mlr time / report time" "$(fmt "$r_mlr" 2)x" ">= 3x" "$(yes_if "$r_mlr >= 3")"
	row "report ~$n rows: datamash time / report time" "$(fmt "$r_dm" 2)x" "-" "-"
	row "report ~$n rows: report time / wc -l time" "$(fmt "$r_wc" 2)x" "<= 3x" "$(yes_if "$r_wc <= 3")"
	row "report ~$n rows: report time / cat time" "$(fmt "$r_cat" 2)x" "-" "-"
	row "report ~$n rows: report time / grep -c '' time" "$(fmt "$r_grep" 2)x" "<= 2x" "$(yes_if "$r_grep <= 2")"
	c_rep=$(rcpu rep) c_mlr=$(rcpu mlr) c_grep=$(rcpu grep)
	rc_mlr=$(calc "$c_mlr / ($c_rep > 0 ? $c_rep : 1)")
	rc_grep=$(calc "$c_rep / ($c_grep > 0 ? $c_grep : 1)")
	note "CPU (user+sys, median): report $(fmt "$c_rep" 0) ms, mlr $(fmt "$c_mlr" 0) ms, grep -c '' $(fmt "$c_grep" 0) ms"
	row "report ~$n rows: CPU time (user+sys)" "$(fmt "$c_rep" 0) ms" "-" "-"
	row "report ~$n rows: mlr CPU / report CPU" "$(fmt "$rc_mlr" 2)x" ">= 3x" "$(yes_if "$rc_mlr >= 3")"
	row "report ~$n rows: report CPU / grep -c '' CPU" "$(fmt "$rc_grep" 2)x" "-" "-"
	# The same for Markdown and HTML (the same scan, other writers).
	for f in md html; do
		t_f=$(rmed rep$f) c_f=$(rcpu rep$f)
		r_f=$(calc "$t_f / $t_grep")
		rc_fm=$(calc "$c_mlr / ($c_f > 0 ? $c_f : 1)")
		rc_fg=$(calc "$c_f / ($c_grep > 0 ? $c_grep : 1)")
		note "report --format $f: $(fmt "$t_f" 1) ms ($(rrange rep$f)), CPU $(fmt "$c_f" 0) ms"
		row "report $f ~$n rows: time / grep -c '' time" "$(fmt "$r_f" 2)x" "<= 2x" "$(yes_if "$r_f <= 2")"
		row "report $f ~$n rows: mlr CPU / report CPU" "$(fmt "$rc_fm" 2)x" ">= 3x" "$(yes_if "$rc_fm >= 3")"
		row "report $f ~$n rows: report CPU / grep -c '' CPU" "$(fmt "$rc_fg" 2)x" "-" "-"
	done
	# Byte for byte the report of KC_BENCH_BASE (e.g. the main branch's
	# binary), when given: a faster scan must not change any output.
	if [ -n "${KC_BENCH_BASE:-}" ]; then
		same=yes
		for f in csv md html; do
			$KC_BIN --content "$KC_SRC" report --format $f "$D" > "$T/new.$f" 2>&1 || true
			"$KC_BENCH_BASE" --content "$KC_SRC" report --format $f "$D" > "$T/base.$f" 2>&1 || true
			cmp -s "$T/new.$f" "$T/base.$f" || { same=no; echo "bench: FOUT: report --format $f differs from $KC_BENCH_BASE" >&2; }
		done
		[ $same = yes ] || failed=1
		row "report ~$n rows: csv, md, html identical to KC_BENCH_BASE" "$same" "yes" "$same"
	fi

	# ---- 5. memory (peak RSS) ----
	/usr/bin/time -v "$KC_BIN" --content "$KC_SRC" report --format csv "$D" > /dev/null 2> "$T/time$n" ||
		die "report under /usr/bin/time failed"
	rss=$(sed -n 's/.*Maximum resident set size (kbytes): *//p' "$T/time$n")
	eval "rss_$n=\$rss"
	note "peak RSS of the report: $(fmt "$(calc "$rss / 1024")" 1) MB"
	if [ "$n" -ge 100000 ]; then
		row "memory: report peak RSS ~$n rows" "$(fmt "$(calc "$rss / 1024")" 1) MB" "< 20 MB" "$(yes_if "$rss < 20480")"
	fi
	rm -rf "$D"
done
if [ -n "${rss_100000:-}" ] && [ -n "${rss_1000000:-}" ]; then
	growth=$(calc "$rss_1000000 / $rss_100000")
	row "memory: RSS 1e6 rows / RSS 1e5 rows (flat)" "$(fmt "$growth" 2)x" "<= 1.25x" "$(yes_if "$growth <= 1.25")"
fi

# ---- 5b. the report at 1e5 sessions, every format ---------------------
# Peak RSS of each format, the HTML's size and the time headless Chromium
# takes to print it to PDF (beside an empty page: Chromium's own start),
# for two shapes: many trainees (50 sessions each: the session table is a
# table per trainee) and 20 trainees (growth charts of many sessions).
NSESS=${KC_BENCH_SESSIONS:-100000}
# chromium_pdf FILE: "WALL CPU" in seconds; CPU is that of all of
# Chromium's processes (perf stat's task-clock, "-" without perf), which
# the load of a shared machine changes far less than the wall time.
PERF=
perf stat -x, -e task-clock -o /dev/null true > /dev/null 2>&1 && PERF=perf
chromium_pdf() {
	rm -f "$T/page.pdf" "$T/cpu"
	cf=$1
	set -- timeout 300
	[ -z "$PERF" ] || set -- "$@" perf stat -x, -e task-clock -o "$T/cpu"
	cs=$(date +%s%N)
	"$@" chromium --headless --no-sandbox --disable-gpu --disable-quic \
		--no-first-run --disable-background-networking \
		--disable-component-update --disable-sync \
		--user-data-dir="$T/chromium" --print-to-pdf="$T/page.pdf" \
		"file://$cf" > /dev/null 2>&1 || return 1
	[ -s "$T/page.pdf" ] || return 1
	cw=$(calc "($(date +%s%N) - $cs) / 1e9")
	cc=$(awk -F, '/task-clock/ { printf "%.2f", $1 / 1000 }' "$T/cpu" 2>/dev/null)
	echo "$cw ${cc:--}"
}
section "5b. report at $NSESS sessions: peak RSS per format, HTML, Chromium"
if command -v chromium > /dev/null 2>&1; then
	printf '<!DOCTYPE html><title>-</title>\n' > "$T/empty.html"
	t0=$(chromium_pdf "$T/empty.html") || die "chromium failed on an empty page"
	row "html: Chromium print to PDF, empty page" "$(fmt "${t0% *}" 2) s" "-" "-"
	row "html: Chromium CPU time, empty page" "${t0#* } s" "-" "-"
fi
for shape in many few; do
	D=$T/s$shape
	if [ $shape = many ]; then
		gen "$D" $((NSESS / 50)) 50 4242 "$T/tally.$shape"
	else
		gen "$D" 20 $((NSESS / 20)) 4343 "$T/tally.$shape"
	fi
	note "-- $shape: $(find "$D" -name '*.csv' | wc -l) logs"
	for f in csv md html xlsx; do
		[ $shape = many ] || [ $f = html ] || continue
		/usr/bin/time -v "$KC_BIN" --content "$KC_SRC" report --format $f \
			-o "$T/rep.$f" "$D" > /dev/null 2> "$T/time.$f" ||
			{ cat "$T/time.$f" >&2; die "report --format $f failed"; }
		rss=$(sed -n 's/.*Maximum resident set size (kbytes): *//p' "$T/time.$f")
		note "report --format $f: peak RSS $(fmt "$(calc "$rss / 1024")" 1) MB, $(wc -c < "$T/rep.$f") bytes"
		row "memory: report --format $f, $NSESS sessions ($shape)" \
			"$(fmt "$(calc "$rss / 1024")" 1) MB" "< 20 MB" "$(yes_if "$rss < 20480")"
	done
	size=$(wc -c < "$T/rep.html")
	row "html: size, $NSESS sessions ($shape)" "$(fmt "$(calc "$size / 1048576")" 2) MB" \
		"< 5 MB" "$(yes_if "$size < 5242880")"
	if command -v chromium > /dev/null 2>&1; then
		tc=$(chromium_pdf "$T/rep.html") || die "chromium failed on the report"
		note "Chromium printed $(pdfinfo "$T/page.pdf" 2>/dev/null | sed -n 's/^Pages: *//p') pages in $(fmt "${tc% *}" 2) s (CPU ${tc#* } s)"
		row "html: Chromium print to PDF, $NSESS sessions ($shape)" "$(fmt "${tc% *}" 2) s" \
			"< 10 s" "$(yes_if "${tc% *} < 10")"
		row "html: Chromium CPU time, $NSESS sessions ($shape)" "${tc#* } s" "-" "-"
	else
		row "html: Chromium print to PDF ($shape)" "not measured (no chromium)" \
			"< 10 s" "-"
	fi
	rm -rf "$D"
done

# ---- 7. sync to the test LRS, beside curl ------------------------------
section "7. sync: ~1e4 statements to the test LRS on loopback, beside curl"
KC_BIN=$KC_BIN KC_SRC=$KC_SRC KC_COHORT=$KC_COHORT sh "$BENCH/sync.sh" \
	> "$T/sync.out" || die "the sync benchmark failed"
cat "$T/sync.out"
per_s() { sed -n "s/^$1: .* \([0-9]*\) statements\/s\$/\1/p" "$T/sync.out"; }
s_kc=$(per_s "klantcoach sync") s_curl=$(per_s curl)
row "sync: statements per second (curl: $s_curl/s)" "$s_kc/s" "-" "-"

# ---- 8. resume and the home list ---------------------------------------
section "8. resume and the home list at 10 and 10000 sessions"
# A trainee's folder of NS logs (cohort chunks of at most 500 sessions).
for ns in 10 10000; do
	S=$T/data$ns/sessions
	mkdir -p "$S"
	left=$ns k=0
	while [ "$left" -gt 0 ]; do
		per=$left
		[ "$per" -le 500 ] || per=500
		rm -rf "$G/rs"
		"$KC_COHORT" "$KC_SRC" "$G/rs" 1 "$per" $((9001 + k)) "$SCEN" > /dev/null ||
			die "cohort failed"
		find "$G/rs" -name '*.csv' -exec mv -t "$S" {} +
		left=$((left - per)) k=$((k + 1))
	done
done
rm -rf "$G/rs"
sleep 3	# logs changed in the last 2 s are not cached
for ns in 10 10000; do
	t=$(export KLANTCOACH_LEVEL=B KLANTCOACH_DATA="$T/data$ns"
		hf "res$ns" 11 2 sh "$KC --plain --name X resume < $(q "$T/q.txt") > /dev/null")
	eval "t_res$ns=\$t c_res$ns=\$(hf_cpu res$ns)"
	"$T/bin/load" sessions "$T/data$ns/sessions" 11 > "$T/home.out" || die "load sessions failed"
	eval "h_$ns=\$(awk '{ print \$6 }' \"\$T/home.out\")"
	KLANTCOACH_LEVEL=B KLANTCOACH_DATA="$T/data$ns" valgrind --tool=callgrind \
		--callgrind-out-file="$T/res.cg" --log-file="$T/res.vg" $KC_BIN --content "$KC_SRC" \
		--plain --name X resume < "$T/q.txt" > /dev/null 2>&1 || die "resume under callgrind failed"
	eval "i_res$ns=\$(sed -n 's/^\(summary\|totals\): *//p' \"\$T/res.cg\" | head -1)"
	note "$(ls "$T/data$ns/sessions" | grep -c '[.]csv$') logs: resume $(eval "fmt \$t_res$ns 2") ms (CPU $(eval "fmt \$c_res$ns 2") ms, $(eval "echo \$i_res$ns") instructions), home list scan CPU $(eval "fmt \$h_$ns 2") ms (median of 11)"
done
r=$(calc "$t_res10000 / $t_res10") rc=$(calc "$c_res10000 / $c_res10")
ri=$(calc "$i_res10000 / $i_res10") rh=$(calc "($h_10000 + $c_res10) / ($h_10 + $c_res10)")
row "resume: 10000 / 10 sessions, time" "$(fmt "$r" 2)x" "<= 1.5x" "$(yes_if "$r <= 1.5")"
row "resume: 10000 / 10 sessions, CPU time" "$(fmt "$rc" 2)x" "<= 1.5x" "$(yes_if "$rc <= 1.5")"
row "resume: 10000 / 10 sessions, instructions" "$(fmt "$ri" 2)x" "<= 1.5x" "$(yes_if "$ri <= 1.5")"
# home: a start (taken as resume's CPU time at 10 sessions) plus the scan
row "home: start + list scan CPU, 10000 / 10" "$(fmt "$rh" 2)x" "<= 1.5x" "$(yes_if "$rh <= 1.5")"

# ---- 9. the list screens ----------------------------------------------
section "9. list screens: instructions per key, first screens"
# sessions_for N: a folder of N logs (10 trainees; 10^5 and up cached in
# $KC_BENCH_CACHE under a key of the cohort tool and the content).
sessions_for() {
	sdir=$T/list$1
	if [ "$1" -ge 100000 ]; then
		skey=$( (cat "$KC_COHORT"; find "$KC_SRC/content" "$KC_SRC/personas" \
			-type f | LC_ALL=C sort | xargs cat) | cksum | tr ' ' -)
		sdir=$KC_BENCH_CACHE/sessions$1-$skey
	fi
	if [ ! -f "$sdir/.klaar" ]; then
		rm -rf "$sdir"
		gen "$sdir" 10 $(($1 / 10)) 4242 "$T/list.tally" || die "cannot generate $1 sessions"
		: > "$sdir/.klaar"
	fi
	printf '%s\n' "$sdir"
}
# settle PID: wait until the screen has not changed for 2 s, nor the CPU
# time of process PID (a key can take seconds under callgrind).
settle() {
	sprev= si=0
	while [ $si -lt 300 ]; do
		sleep 2
		scur="$($TM capture-pane -p 2>/dev/null) $(cut -d' ' -f14,15 "/proc/$1/stat")" ||
			return 1
		[ "$scur" = "$sprev" ] && return 0
		sprev=$scur si=$((si + 1))
	done
	return 1
}
# tm_run DATA COMMAND: COMMAND in a new tmux session of 100x30, as trainee
# of level B with data folder DATA.
tm_run() {
	$TM kill-server >/dev/null 2>&1 || true
	$TM new-session -d -x 100 -y 30 "exec env HOME=$HOME KLANTCOACH_DATA=$1 \
KLANTCOACH_LEVEL=B LANG=C.UTF-8 TERM=xterm-256color $2"
}
# key_ir DATA TEXT ARGS...: instructions per key of 10 Down keys on the list
# the TUI (klantcoach ARGS, data folder DATA) shows once TEXT is on screen.
key_ir() {
	kdata=$1 ktext=$2
	shift 2
	rm -f "$T/key.cg"
	tm_run "$kdata" "valgrind --tool=callgrind --instr-atstart=no \
--callgrind-out-file=$T/key.cg --log-file=$T/key.vg $KC --name X $*" || return 1
	kpid=$($TM display-message -p '#{pane_pid}')
	tm_wait "$ktext" 12000 && settle "$kpid" || return 1
	callgrind_control -i on "$kpid" >/dev/null 2>&1 || return 1
	for k in 1 2 3 4 5 6 7 8 9 10; do $TM send-keys Down; done
	settle "$kpid" || return 1
	callgrind_control -i off "$kpid" >/dev/null 2>&1 || return 1
	$TM send-keys q
	tm_gone "$kpid"
	$TM kill-server >/dev/null 2>&1 || true
	kir=$(sed -n 's/^totals: *//p' "$T/key.cg" | head -1)
	[ -n "$kir" ] && calc "$kir / 10"
}
# first NAME DATA ARGS...: one run of the TUI (klantcoach ARGS) to its first
# screen, then q (sent at once, read when the screen is up); wall and CPU
# ms appended to $T/fw.NAME and $T/fc.NAME.
first() {
	fname=$1 fdata=$2
	shift 2
	rm -f "$T/first.out"
	tm_run "$fdata" "/usr/bin/time -f '%e %U %S' -o $T/first.out $KC --name X $*" ||
		return 1
	$TM send-keys q
	si=0
	while [ ! -s "$T/first.out" ] && [ $si -lt 12000 ]; do sleep 0.1; si=$((si + 1)); done
	$TM kill-server >/dev/null 2>&1 || true
	[ -s "$T/first.out" ] || return 1
	awk '{ printf "%.0f\n", $1 * 1e9 }' "$T/first.out" >> "$T/fw.$fname"
	awk '{ printf "%.0f\n", ($2 + $3) * 1e9 }' "$T/first.out" >> "$T/fc.$fname"
}
fmed() { calc "$(median_ns "$T/$1") / 1e6"; }
if ! command -v tmux >/dev/null 2>&1 || ! command -v callgrind_control >/dev/null 2>&1; then
	note "list screens: not measured (tmux or callgrind_control missing)"
else
	for ns in $LISTS; do
		ldir=$(sessions_for "$ns")
		kr=$(key_ir "$T/home" "van $ns sessies" review "$(q "$ldir")") ||
			die "review list under callgrind failed at $ns sessions"
		rounds=3
		[ "$ns" -lt 100000 ] || rounds=5
		: > "$T/fw.rv$ns"; : > "$T/fc.rv$ns"; : > "$T/fw.rp$ns"; : > "$T/fc.rp$ns"
		r=0
		while [ $r -lt $rounds ]; do
			first "rv$ns" "$T/home" review "$(q "$ldir")" ||
				die "review did not show its first screen at $ns sessions"
			t0=$(date +%s%N)
			/usr/bin/time -f '%U %S' -o "$T/cpu.one" $KC_BIN --content "$KC_SRC" \
				report --format csv "$ldir" > /dev/null 2>&1 || die "report failed"
			t1=$(date +%s%N)
			echo $((t1 - t0)) >> "$T/fw.rp$ns"
			awk '{ printf "%.0f\n", ($1 + $2) * 1e9 }' "$T/cpu.one" >> "$T/fc.rp$ns"
			r=$((r + 1))
		done
		fr=$(calc "$(fmed "fc.rv$ns") / $(fmed "fc.rp$ns")")
		note "$ns sessions: review $(fmt "$kr" 0) instructions per key; first screen $(fmt "$(fmed "fw.rv$ns")" 0) ms (CPU $(fmt "$(fmed "fc.rv$ns")" 0) ms), report csv $(fmt "$(fmed "fw.rp$ns")" 0) ms (CPU $(fmt "$(fmed "fc.rp$ns")" 0) ms), median of $rounds"
		row "review list: instructions per key, $ns sessions" "$(fmt "$(calc "$kr / 1e6")" 2)M" "< 3M" "$(yes_if "$kr < 3e6")"
		row "review first screen / report csv, $ns (CPU)" "$(fmt "$fr" 2)x" "<= 2x" "$(yes_if "$fr <= 2")"
	done
	for ns in 10 10000; do
		hk=$(key_ir "$T/data$ns" "Je sessies" "") || die "home under callgrind failed at $ns sessions"
		eval "hk_$ns=\$hk"
		: > "$T/fw.home$ns"; : > "$T/fc.home$ns"
		for r in 1 2 3 4 5; do
			first "home$ns" "$T/data$ns" "" || die "home did not show at $ns sessions"
		done
		note "home at $ns sessions: $(fmt "$hk" 0) instructions per key; first screen $(fmt "$(fmed "fw.home$ns")" 0) ms (CPU $(fmt "$(fmed "fc.home$ns")" 0) ms, median of 5)"
	done
	# (10 sessions do not fill the screen: fewer rows to draw per key)
	row "home list: instructions per key, 10000 sessions" "$(fmt "$(calc "$hk_10000 / 1e6")" 2)M" "< 3M" "$(yes_if "$hk_10000 < 3e6")"
	hf=$(calc "$(fmed fc.home10000) / $(fmed fc.home10)")
	row "home first screen CPU, 10000 / 10" "$(fmt "$hf" 2)x" "<= 1.5x" "$(yes_if "$hf <= 1.5")"
fi

# ---- table -------------------------------------------------------------
section "summary"
awk -F'\t' 'BEGIN { printf "%-52s %14s %10s %s\n", "measure", "value", "target", "met" }
	{ printf "%-52s %14s %10s %s\n", $1, $2, $3, $4 }' "$TABLE"
[ "$failed" -eq 0 ] || die "answers disagree (see above)"
