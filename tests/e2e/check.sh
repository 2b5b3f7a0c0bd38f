#!/bin/sh
# check.sh: `klantcoach check`, `list` and `graph` on the bundled content and
# on broken fixtures, whose exact "file:line: message" output is compared.
. "$KC_SRC/tests/e2e/lib.sh"

# Every broken fixture gives exactly its expected messages and exit 1: a
# file or framework folder checked against the mini content, or a folder
# with personas/ checked as a content root of its own.
cd "$FIX/bad" || exit 1
for exp in *.expected; do
	name=${exp%.expected}
	if [ -d "$name/personas" ]; then
		got=$(cd "$name" && "$KC_BIN" --content . check --strict 2>&1); rc=$?
	else
		arg=$name.ini
		[ -d "$name" ] && arg=$name
		got=$("$KC_BIN" --content "$FIX/mini" check --strict "$arg" 2>&1); rc=$?
	fi
	expect_eq "check $name exit" "$rc" 1
	expect_eq "check $name output" "$got" "$(cat "$exp")"
done
cd "$T" || exit 1

# Files named on the command line: one replaces the root's persona with
# its id; two with the same id are an error naming both.
dup="$FIX/bad/duplicate-id/personas/proef.ini"
out=$("$KC_BIN" --content "$FIX/mini" check "$dup" 2>&1); rc=$?
expect_eq "explicit file with a root id exit" "$rc" 0
out=$("$KC_BIN" --content "$FIX/mini" check "$FIX/mini/personas/proef.ini" "$dup" 2>&1); rc=$?
expect_eq "two explicit files with one id exit" "$rc" 1
expect_contains "two explicit files with one id" "$out" \
	"$dup: fout: heeft dezelfde id 'proef' als $FIX/mini/personas/proef.ini; niet gecontroleerd"

# list and play name both files of a copy on stderr and go on with the
# original.
cp -R "$FIX/mini" "$T/dup"
cp "$T/dup/content/scenarios/proef-basis.ini" "$T/dup/content/scenarios/proef-basis.oud.ini"
want="$T/dup/content/scenarios/proef-basis.oud.ini: fout: heeft dezelfde id 'proef-basis' als $T/dup/content/scenarios/proef-basis.ini; niet geladen"
out=$("$KC_BIN" --content "$T/dup" list 2>&1); rc=$?
expect_eq "list with a copy exit" "$rc" 0
expect_contains "list names the copy and the original" "$out" "$want"
expect_eq "list loads the original once" "$(printf '%s\n' "$out" | grep -c '^scenario	proef-basis	')" 1
out=$(printf 'q\n' | KLANTCOACH_LEVEL=B "$KC_BIN" --content "$T/dup" --plain --name Sanne \
	play proef-basis 2>&1)
expect_contains "play names the copy and the original" "$out" "$want"
expect_contains "play starts the original" "$out" "Proef belt"

# The valid fixture passes without --strict (warnings only) and fails with it.
out=$("$KC_BIN" --content "$FIX/mini" check 2>&1); rc=$?
expect_eq "mini check exit" "$rc" 0
expect_contains "mini summary" "$out" "1 scenario's, 1 persona's, 1 frameworks gecontroleerd: 0 fouten"

# The bundled content passes the strict check.
out=$(kc check --strict 2>&1); rc=$?
expect_eq "bundled check --strict exit" "$rc" 0
[ "$rc" -eq 0 ] || printf '%s\n' "$out" | head -30 >&2
expect_contains "bundled summary" "$out" "gecontroleerd: 0 fouten, 0 waarschuwingen"

# Coverage lists every indicator of the default framework.
out=$(kc check --coverage 2>&1)
expect_contains "coverage header" "$out" "dekking kap2023"
expect_contains "coverage row" "$out" "inl.1.4	1	"

# list: tab-separated personas and scenarios.
out=$("$KC_BIN" --content "$FIX/mini" list)
expect_eq "list mini" "$out" "persona	proef	Proef	40	telefoon,balie	Wacht op een besluit
scenario	proef-basis	proef	telefoon	B	2	Proef belt"
out=$(kc list 2>&1)
expect_not_contains "list has no errors" "$out" "fout"

# graph: valid DOT that Graphviz accepts, expert path highlighted.
out=$("$KC_BIN" --content "$FIX/mini" graph proef-basis); rc=$?
expect_eq "graph exit" "$rc" 0
expect_contains "graph edge" "$out" '"s:begin" -> "s:uitleg"'
expect_contains "graph expert" "$out" "penwidth=3"
expect_contains "graph ending" "$out" '"e:weg" [shape=doubleoctagon'
if command -v dot >/dev/null 2>&1; then
	for id in $(kc list | awk -F'\t' '$1 == "scenario" {print $2}') proef-basis; do
		root=$KC_SRC; [ "$id" = proef-basis ] && root=$FIX/mini
		"$KC_BIN" --content "$root" graph "$id" | dot -Tsvg > "$T/g.svg" 2> "$T/dot.err"
		expect_eq "dot accepts $id" "$?$(cat "$T/dot.err")" 0
	done
else
	fail "graphviz (dot) is not installed"
fi
# Quotes and backslashes in ids and the title are escaped for DOT.
cp -R "$FIX/mini" "$T/hostile"
sed -e 's/^title = .*/title = Een "titel" met \\ en \\"/' -e 's/uitleg/uit"leg\\x/g' \
	-e 's/end\.goed/end.go"o\\d/' "$FIX/mini/content/scenarios/proef-basis.ini" \
	> "$T/hostile/content/scenarios/proef-basis.ini"
"$KC_BIN" --content "$T/hostile" graph proef-basis > "$T/h.dot" 2> "$T/h.err"; rc=$?
expect_eq "hostile graph exit" "$rc$(cat "$T/h.err")" 0
expect_contains "hostile id escaped" "$(cat "$T/h.dot")" '"s:begin" -> "s:uit\"leg\\x"'
expect_contains "hostile title escaped" "$(cat "$T/h.dot")" 'label="Een \"titel\" met \\ en \\\"";'
if command -v dot >/dev/null 2>&1; then
	dot -Tsvg "$T/h.dot" > "$T/h.svg" 2> "$T/dot.err"
	expect_eq "dot accepts hostile ids" "$?$(cat "$T/dot.err")" 0
fi
out=$(kc graph bestaatniet 2>&1); rc=$?
expect_eq "graph unknown exit" "$rc" 1
out=$(kc graph 2>&1); rc=$?
expect_eq "graph usage exit" "$rc" 2

finish
