#!/bin/sh
# run.sh: build the libFuzzer targets in tests/fuzz/build, make the seed
# corpus, replay every input in tests/fuzz/regress/, then fuzz each target
# for FUZZ_SECONDS (default 30). Exits 1 when anything crashes, leaks or
# trips a sanitizer.
#
#   FUZZ_SECONDS=120 sh tests/fuzz/run.sh
#   FUZZ_TARGETS="scenario text" FUZZ_JOBS=2 sh tests/fuzz/run.sh
#
# FUZZ_TARGETS  targets to build and run (default: all nine)
# FUZZ_JOBS     targets fuzzed at the same time (default 1)
# CC            a clang with libFuzzer (default clang)
set -u
cd "$(dirname "$0")/../.." || exit 2
ROOT=$(pwd)
F=tests/fuzz
B=$F/build
SECS=${FUZZ_SECONDS:-30}
JOBS=${FUZZ_JOBS:-1}
TARGETS=${FUZZ_TARGETS:-inifile scenario persona framework config sessionlog text feedback intervisie}
CC=${CC:-clang}
SEP=$(printf '\036')	# framework parts are joined with 0x1E
mkdir -p "$B/seed" "$B/corpus" "$B/crashes" "$B/logs" "$B/inc" || exit 2

# --- kcconfig.h: the configured one, or a minimal one -----------------
if [ -f kcconfig.h ]; then
	cp kcconfig.h "$B/inc/kcconfig.h"
else
	{
		echo '#define PACKAGE_VERSION "fuzz"'
		if [ -f /usr/include/iniparser/iniparser.h ]; then
			echo '#define HAVE_INIPARSER_INIPARSER_H 1'
		fi
	} > "$B/inc/kcconfig.h"
fi

# --- build ----------------------------------------------------------------
# Every src/*.c is compiled once into an archive that each target links, so
# a target pulls in what it uses. A file that does not compile (work in
# progress elsewhere) is skipped with a warning; if a target needs it, its
# link fails.
CFLAGS="-g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -std=c11 -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L"
INC="-I $B/inc -I src -I ."
rm -rf "$B/obj" && mkdir -p "$B/obj" || exit 2
for c in src/*.c; do
	o=$B/obj/$(basename "$c" .c).o
	# shellcheck disable=SC2086
	if ! $CC $CFLAGS $INC -c -o "$o" "$c" 2> "$B/logs/build-$(basename "$c").log"; then
		echo "run.sh: warning: skipped $c, it does not compile:" >&2
		head -n 3 "$B/logs/build-$(basename "$c").log" >&2
	fi
done
rm -f "$B/libkc.a" && ar rcs "$B/libkc.a" "$B"/obj/*.o || exit 2
for t in $TARGETS; do
	echo "build fuzz_$t"
	# shellcheck disable=SC2086
	$CC $CFLAGS $INC -o "$B/fuzz_$t" "$F/fuzz_$t.c" "$B/libkc.a" \
		-lcsv -liniparser || { echo "run.sh: build of fuzz_$t failed" >&2; exit 2; }
done

# --- seed corpus ----------------------------------------------------------
seed() {	# seed TARGET FILE...: copy files into the seed dir of TARGET
	s=$1; shift
	mkdir -p "$B/seed/$s"
	for f in "$@"; do [ -f "$f" ] && cp "$f" "$B/seed/$s/$(echo "$f" | tr / _)"; done
}
join_fw() {	# join_fw DIR OUT: the four CSV files with the separator
	{
		cat "$1/framework.csv" 2>/dev/null; printf '%s' "$SEP"
		cat "$1/competencies.csv" 2>/dev/null; printf '%s' "$SEP"
		cat "$1/indicators.csv" 2>/dev/null; printf '%s' "$SEP"
		cat "$1/targets.csv" 2>/dev/null
	} > "$2"
}
rm -rf "$B/seed"
seed scenario content/scenarios/*.ini tests/fixtures/mini/content/scenarios/*.ini tests/fixtures/bad/*.ini
seed persona personas/*.ini tests/fixtures/mini/personas/*.ini tests/fixtures/bad/persona-broken.ini
mkdir -p "$B/seed/config"
mkdir -p "$B/seed/framework"
for d in content/frameworks/* tests/fixtures/mini/content/frameworks/* tests/fixtures/bad/fw-no-target; do
	[ -d "$d" ] && join_fw "$d" "$B/seed/framework/$(echo "$d" | tr / _)"
done
sed -n '/^\.SH VOORBEELD/,/^\.EE/p' man/klantcoach.ini.5 2>/dev/null | sed '1,2d;$d' > "$B/seed/config/man-example.ini"
cat > "$B/seed/config/all-keys.ini" <<'EOF'
; klantcoach instellingen; zie klantcoach.ini(5)

[cursist]
naam = Sanne de Vries
niveau = C

[paden]
inhoud = /usr/share/klantcoach
gegevens = /tmp/kc-niet-gebruikt

[weergave]
kleur = nooit

[spel]
modus = toets

[coach]
naam = "Jan ; Coach"
EOF
mkdir -p "$B/seed/inifile"
for f in "$B"/seed/scenario/* "$B"/seed/persona/* "$B"/seed/config/*; do
	cp "$f" "$B/seed/inifile/$(basename "$(dirname "$f")")-$(basename "$f")"
done
# session logs from the real program, in a temp HOME and data dir
mkdir -p "$B/seed/sessionlog"
if [ -x ./klantcoach ]; then
	T=$(mktemp -d /tmp/kcfuzz-seed.XXXXXX) || exit 2
	n=0
	for answers in '1\nt\n3\n2\n' '1\n3\nGoed, "rustig"\nNiets\nMorgen\n\n\n\n\n' '2\n' '3\n1\nt\nt\nq\n' '1\n'; do
		for mode in oefenen toets; do
			n=$((n + 1))
			# shellcheck disable=SC2059
			printf "$answers" | env HOME="$T" XDG_CONFIG_HOME="$T/cfg" XDG_DATA_HOME="$T/data" \
				KLANTCOACH_DATA="$T/data" KLANTCOACH_LEVEL=B KLANTCOACH_TIME=$((1700000000 + n)) \
				LC_ALL=C.UTF-8 ./klantcoach --plain --content tests/fixtures/mini --name X \
				play --mode "$mode" proef-basis >/dev/null 2>&1
		done
	done
	for f in "$T"/data/sessions/*.csv; do [ -f "$f" ] && cp "$f" "$B/seed/sessionlog/"; done
	rm -rf "$T"
else
	echo "run.sh: ./klantcoach not built (make); no generated session logs" >&2
fi
cat > "$B/seed/sessionlog/minimal.csv" <<'EOF'
klantcoach-sessielog,1
gebeurtenis,tijd,stap,optie,denktijd_ms,gezien,gehoord,geholpen,sleutel,waarde
start,2023-11-14T22:13:20Z,,,,4,4,3,,
meta,2023-11-14T22:13:20Z,,,,,,,scenario,proef-basis
meta,2023-11-14T22:13:20Z,,,,,,,versie,0000000000000000
keuze,2023-11-14T22:13:20Z,begin,1,10,6,5,3,,
terug,2023-11-14T22:13:20Z,begin,1,,4,4,3,,
EOF
mkdir -p "$B/seed/feedback" "$B/seed/intervisie"
cat > "$B/seed/feedback/two.csv" <<'EOF'
klantcoach-feedback,1
tijd,coach,stap,tekst
2026-01-31T12:00:00Z,Ria,2,"Goed, ""echt"" goed"
2026-01-31T12:00:00Z,Ria,,Algemeen
EOF
cat > "$B/seed/intervisie/votes.csv" <<'EOF'
klantcoach-intervisie,1
gebeurtenis,tijd,stap,optie,aantal,sleutel,waarde
meta,2023-11-14T22:13:20Z,,,,bron,proef-basis
meta,2023-11-14T22:13:20Z,,,,scenario,proef-basis
meta,2023-11-14T22:13:20Z,,,,anoniem,nee
stem,2023-11-14T22:13:20Z,begin,1,1,,
stem,2023-11-14T22:13:20Z,begin,2,999,,
volg,2023-11-14T22:13:20Z,begin,2,,,
notitie,2023-11-14T22:13:20Z,begin,,,,Te snel.
einde,2023-11-14T22:13:20Z,,,,einde,weg
EOF
mkdir -p "$B/seed/text"
for f in personas/denzell.ini tests/fixtures/bad/invalid-utf8.ini tests/fixtures/mini/content/scenarios/proef-basis.ini; do
	for w in 001 024 117 217; do	# width byte, octal (0x80 set: keep_nl)
		# shellcheck disable=SC2059
		{ printf "\\$w"; cat "$f"; } > "$B/seed/text/$(basename "$f")-$w"
	done
done
printf '\003\344\270\255\346\226\207 e\314\201 \342\200\256rtl\033[31m\r\n\tx\302\205y\360\237\230\200' > "$B/seed/text/mixed"
for t in $TARGETS; do mkdir -p "$B/seed/$t" "$B/corpus/$t"; done

# --- replay the regression inputs -----------------------------------------
# The targets make their temp dirs in TMPDIR; keep it in the build dir and
# remove it at the end, so not even a crashed run leaves files behind.
export TMPDIR="$ROOT/$B/tmp"
rm -rf "$TMPDIR" && mkdir -p "$TMPDIR" || exit 2
failed=0
export KC_FUZZ_SCENARIO="$ROOT/tests/fixtures/mini/content/scenarios/proef-basis.ini"
export KC_FUZZ_CONTENT="$ROOT/tests/fixtures/mini"
for r in "$F"/regress/*; do
	[ -f "$r" ] || continue
	t=$(basename "$r"); t=${t%%-*}
	case " $TARGETS " in *" $t "*) ;; *) continue ;; esac
	if "$B/fuzz_$t" "$r" > "$B/logs/regress.log" 2>&1; then
		echo "regress $(basename "$r"): ok"
	else
		echo "regress $(basename "$r"): FAILED"; tail -n 30 "$B/logs/regress.log"
		failed=1
	fi
done

# --- fuzz -------------------------------------------------------------------
fuzz() {	# fuzz TARGET: run it, log to build/logs/TARGET.log
	case $1 in
	inifile | scenario | persona | config) dict=-dict=$F/ini.dict ;;
	framework | sessionlog | feedback | intervisie) dict=-dict=$F/csv.dict ;;
	*) dict= ;;
	esac
	"$B/fuzz_$1" -max_total_time="$SECS" -timeout=10 -rss_limit_mb=2048 \
		-print_final_stats=1 $dict -artifact_prefix="$B/crashes/$1-" \
		"$B/corpus/$1" "$B/seed/$1" > "$B/logs/$1.log" 2>&1
	echo $? > "$B/logs/$1.rc"
}
running=0
for t in $TARGETS; do
	echo "fuzz fuzz_$t for ${SECS}s"
	fuzz "$t" &
	running=$((running + 1))
	if [ "$running" -ge "$JOBS" ]; then wait; running=0; fi
done
wait

printf '\n%-11s %12s %8s  %s\n' target runs seconds result
for t in $TARGETS; do
	log=$B/logs/$t.log
	rc=$(cat "$B/logs/$t.rc" 2>/dev/null || echo 99)
	done_line=$(grep '^Done [0-9]* runs in' "$log" | tail -n 1)
	if [ -n "$done_line" ]; then
		runs=$(echo "$done_line" | awk '{print $2}')
		secs=$(echo "$done_line" | awk '{print $5}')
	else
		runs=$(grep -o '^#[0-9]*' "$log" | tail -n 1 | tr -d '#')
		secs=-
	fi
	if [ "$rc" -eq 0 ] && ! grep -q -e '^==[0-9]*==ERROR' -e 'runtime error:' "$log"; then
		result="ok"
	else
		art=$(grep -o "Test unit written to .*" "$log" | tail -n 1 | sed 's/Test unit written to //')
		result="CRASH ${art:-(see $log)}"
		failed=1
	fi
	printf '%-11s %12s %8s  %s\n' "$t" "${runs:-?}" "${secs:-?}" "$result"
done
rm -rf "$TMPDIR"
if [ "$failed" -ne 0 ]; then
	echo "reproduce: $B/fuzz_TARGET FILE; minimise: $B/fuzz_TARGET -minimize_crash=1 -runs=20000 FILE"
	echo "then save it as $F/regress/TARGET-SHORTNAME and fix the bug"
fi
exit "$failed"
