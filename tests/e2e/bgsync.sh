#!/bin/sh
# bgsync.sh: the sync in the background against a real LRS on loopback
# (tests/lrs): a session played in plain mode, one resumed in plain mode
# and one in the screens reach the LRS without klantcoach sync; with the
# LRS down or hanging, play is as quick as ever and home says how many
# sessions wait, and why; [lrs] automatisch = nee sends nothing by itself.
LRS_CACHE=${KC_LRS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/klantcoach-lrs}
. "$KC_SRC/tests/e2e/lib.sh"
. "$KC_SRC/tests/lrs/lrs.sh"
command -v tmux >/dev/null 2>&1 || { fail "tmux is not installed"; finish; exit 1; }
lrs_ready
trap 'tm_stop; lrs_stop; [ -n "${SLOW_PID:-}" ] && kill "$SLOW_PID"; rm -rf "$T"' EXIT

# built WHO: how many statements WHO's outboxes hold.
built() { cat "$T/$1"/.local/share/klantcoach/outbox/*/statements.jsonl 2>/dev/null | wc -l; }
# arrived WHO KEY [QUERY]: wait (100 tries) until nothing of WHO's waits
# and the LRS holds every statement built for WHO (and at least one)
# among those KEY reads (with QUERY); prints how many it holds. sync
# --toon waits for a sync that is running, so it is asked first: the
# counts after it are final.
arrived() {
	i=0
	while [ $i -lt 100 ]; do
		if [ "$(as "$1" sync --toon 2>/dev/null)" = "[]" ]; then
			n=$(lrs_ids "$2" ${3:+"$3"} | wc -l)
			[ "$n" -gt 0 ] && [ "$n" -eq "$(built "$1")" ] && break
		fi
		sleep 0.2; i=$((i + 1))
	done
	echo "${n:-0}"
}
# waiting WHO TEXT: the wachtrij file home reads, once it holds TEXT.
waiting() {
	f="$T/$1/.local/share/klantcoach/outbox/.wachtrij"
	wait_file "$f" "$2"; cat "$f"
}

# Plain mode: the session's end sends it, no sync command needed.
trainee a "Anna" cursist-a:geheim-a nee ja
play a denzell-telefoon
n=$(arrived a cursist-a:geheim-a)
expect_eq "plain: the statements arrive by themselves" "$n" "$(built a)"
expect_contains "plain: a whole session" \
	"$(lrs_get cursist-a:geheim-a)" "verbs/terminated"
expect_eq "plain: nothing waits" "$(waiting a "0	")" "0	"

# Plain resume: a session stopped halfway while automatisch = nee sends
# nothing; resumed with automatisch = ja, its end sends it all.
trainee r "Rik" cursist-d:geheim-d nee nee
printf '1\nq\n' | as r --plain play denzell-telefoon > "$T/play.out" 2>&1 ||
	fail "resume: Rik stops halfway"
expect_contains "resume: stopped halfway" "$(cat "$T/play.out")" "Gestopt."
sed -i 's/^automatisch = nee$/automatisch = ja/' \
	"$T/r/.config/klantcoach/klantcoach.ini"
sid=$(grep -h '^meta.*,sessie,' "$T"/r/.local/share/klantcoach/sessions/*.csv |
	cut -d, -f10)
yes 1 | head -n 40 | as r --plain resume > "$T/resume.out" 2>&1 ||
	fail "resume: Rik plays on"
expect_contains "resume: played to the end" "$(cat "$T/resume.out")" \
	"klantcoach show"
n=$(arrived r coach:geheim-c "registration=$sid")
expect_eq "resume: the statements arrive by themselves" "$n" "$(built r)"
expect_contains "resume: the whole session" \
	"$(lrs_get coach:geheim-c "registration=$sid")" "verbs/terminated"

# The screens: a session played to its reflection is sent at its end.
trainee b "Bram" cursist-b:geheim-b nee ja
run="env HOME=$T/b LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color KLANTCOACH_LRS_WACHT=20"
tm_start "$run $KC_BIN --content $FIX/mini --volgorde vast; sleep 30"
expect_screen "tui: home" "Nieuw gesprek oefenen"
tm_keys Enter Enter Enter Enter
expect_screen "tui: step 1" "Wat doe je?"
tm_keys 1 Enter 1
expect_screen "tui: last response" "Enter naar het einde"
tm_keys Enter
expect_screen "tui: ending" "Einde van het gesprek"
tm_keys Enter
expect_screen "tui: reflection" "Hoe voelde dit gesprek voor jou?"
tm_keys "Goed" Tab
expect_screen "tui: reflection saved" "Jouw pad naast dat van de expert:"
tm_keys Enter
expect_screen "tui: the why page" "Competenties tegen het doel"
i=0
while [ $i -lt 8 ] && ! tm_screen | grep -qF "Nieuw gesprek oefenen"; do
	tm_keys NPage; sleep 0.3; i=$((i + 1))
done
expect_screen "tui: through the questions back home" "Nieuw gesprek oefenen"
n=$(arrived b cursist-b:geheim-b)
expect_eq "tui: the statements arrive while the screens stay" "$n" "$(built b)"
expect_contains "tui: the finished session is there" \
	"$(lrs_get cursist-b:geheim-b)" "verbs/completed"
tm_stop

# automatisch = nee: play sends nothing; sync still does.
trainee c "Cas" cursist-a:geheim-a nee nee
before=$(lrs_ids coach:geheim-c | wc -l)
play c denzell-telefoon
sleep 1
expect_eq "manual: nothing sent by itself" "$(lrs_ids coach:geheim-c | wc -l)" "$before"
expect_contains "manual: the config key is kept" \
	"$(cat "$T/c/.config/klantcoach/klantcoach.ini")" "automatisch = nee"
as c sync > /dev/null 2>&1 || fail "manual: sync sends"

# The LRS down: play is unaffected; home counts the waiting sessions and
# gives the reason on one line.
trainee d "Dirk" cursist-a:geheim-a nee ja
sed -i "s|^adres = .*|adres = \"http://127.0.0.1:9/xAPI\"|" \
	"$T/d/.config/klantcoach/klantcoach.ini"
start=$(date +%s)
play d denzell-telefoon
down=$(($(date +%s) - start))
expect_contains "down: play ends as usual" "$(cat "$T/play.out")" "klantcoach show"
expect_eq "down: one session waits" "$(waiting d "1	" | cut -f1)" "1"
run="env HOME=$T/d LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color KLANTCOACH_LRS_WACHT=20"
tm_start "$run $KC_BIN --content $KC_SRC; sleep 30" 120 24
expect_screen "down: home shows the count" "1 sessie wacht op verzending naar het LRS."
expect_screen "down: home gives the reason" "Laatste poging: het LRS is niet bereikbaar"
tm_stop

# A hanging LRS (accepts, never answers): play takes no longer than with
# the LRS down (give or take 2 s on a loaded machine); the program exits
# at once and leaves the sync to finish by itself.
node -e "require('net').createServer(()=>{}).listen(0,'127.0.0.1',function(){
	require('fs').writeFileSync(process.argv[1], String(this.address().port))})" \
	"$T/slow.port" &
SLOW_PID=$!
wait_file "$T/slow.port" "" || fail "slow LRS did not start"
sleep 0.3
sed -i "s|^adres = .*|adres = \"http://127.0.0.1:$(cat "$T/slow.port")/xAPI\"|" \
	"$T/d/.config/klantcoach/klantcoach.ini"
start=$(date +%s)
play d denzell-telefoon
took=$(($(date +%s) - start))
[ "$took" -le $((down + 2)) ] && ok ||
	fail "hanging LRS: play took $took s, with the LRS down $down s"
expect_contains "hanging: play ends as usual" "$(cat "$T/play.out")" "klantcoach show"
kill "$SLOW_PID"; SLOW_PID=""
sed -i "s|^adres = .*|adres = \"$LRS_URL\"|" "$T/d/.config/klantcoach/klantcoach.ini"
as d sync > "$T/out" 2>&1 || fail "after the hang: sync sends everything"
expect_eq "after the hang: nothing waits" "$(as d sync --toon)" "[]"
finish
