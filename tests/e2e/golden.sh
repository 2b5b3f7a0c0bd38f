#!/bin/sh
# golden.sh: every screen at 80x24 (scenario list, play step and the
# reflection's ending, feeling and why pages also at 60x16) and the plain
# transcripts of the way in, play and replay, compared with the files in
# tests/golden/. A layout change shows as a diff; GOLDEN_UPDATE=1 rewrites
# the files so the new layout is reviewed and committed with the change.
# Fixed clock (lib.sh), seed and order; the temporary directory is masked.
. "$KC_SRC/tests/e2e/lib.sh"
# golden_small NAME TEXT: the screen at 60x16 as NAME-60x16, then back to
# 80x24.
golden_small() {
	$TM resize-window -x 60 -y 16
	tm_wait_width 60 || fail "no redraw at width 60"
	golden_screen "$1-60x16" "$2"
	$TM resize-window -x 80 -y 24
	tm_wait_width 80 || fail "no redraw at width 80"
}
command -v tmux >/dev/null 2>&1 || { fail "tmux is not installed"; finish; exit 1; }
trap 'tm_stop; rm -rf "$T"' EXIT

C="$T/c"
mini_notice "$C"
export KLANTCOACH_SEED=7
tty="env HOME=$HOME LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color"
run="$tty KLANTCOACH_DATA=$T/data $KC_BIN --content $C --volgorde vast"

# Start screens, persona and scenario choice, mode with and without notice.
tm_start "$run; sleep 60"
golden_screen name "Wat is je naam?"
tm_keys Anouk Enter
golden_screen level "Wat is je functieniveau?"
tm_keys Enter
golden_screen home-empty "Je hebt nog geen sessies."
tm_keys Enter
golden_screen personas "Proef, 40 jaar."
tm_keys Enter
golden_screen scenarios "Let op: Proef wordt boos"
golden_small scenarios "Past bij jouw niveau."
tm_keys Down Enter
golden_screen mode-notice "Je kunt op elk moment stoppen met x"
tm_keys Enter 1
golden_screen play-result-notice "x stoppen zonder resultaat"
tm_keys x
golden_screen stopped "Gestopt zonder resultaat"
tm_keys Enter
golden_screen home-stopped "gestopt"
tm_keys Enter Enter
golden_screen scenarios-again "Proef belt"
tm_keys Enter
golden_screen mode "oefenen of toets?"
tm_keys Enter
golden_screen play-step "Wat doe je?"
tm_keys '?'
golden_screen help "Toetsen (een toets om dit te sluiten)"
tm_keys x
tm_wait "Wat doe je?" || fail "help did not close"
$TM resize-window -x 60 -y 16
tm_wait_width 60 || fail "no redraw at width 60"
golden_screen play-step-60x16 "stap 1"
$TM resize-window -x 50 -y 12
golden_screen too-small "Venster te klein"
$TM resize-window -x 80 -y 24
tm_wait_width 80 || fail "no redraw at width 80"
tm_keys 1
golden_screen play-result "Enter verder, t terug"
tm_keys Enter 1
golden_screen play-result-last "Enter naar het einde"
tm_keys q
golden_screen stop-dialog "Stoppen?"
tm_keys x Enter
golden_screen reflect-end "reflectie 1/10"
golden_small reflect-end "Hoe Proef het ervaart"
tm_keys Enter
golden_screen reflect-feeling "reflectie 2/10"
tm_keys "Spannend, maar één ding ging goed."
golden_small reflect-feeling "ging goed."
tm_keys Tab
golden_screen reflect-what "reflectie 3/10"
tm_keys Enter
golden_screen reflect-why "reflectie 4/10"
golden_small reflect-why "competentie"
tm_keys Enter
golden_screen reflect-question "reflectie 5/10"
tm_keys PgDn PgDn PgDn PgDn PgDn
golden_screen reflect-done "reflectie 10/10"
tm_keys Enter
golden_screen home "Proef belt"
tm_keys Down Down Enter
$TM resize-window -x 60 -y 16
tm_wait_width 60 || fail "no redraw at width 60"
golden_screen reflect-past-60x16 "Esc q terug"
tm_keys Escape
tm_wait "Proef belt" >/dev/null || fail "Esc did not leave the past reflection"
tm_stop

# Review: list, timeline, feedback, growth and cohort of a fixed cohort.
KLANTCOACH_SEED=42 "$KC_COHORT" "$C" "$T/co/sessions" 3 2 42 proef-basis \
	>/dev/null || fail "cohort generator"
tm_start "$tty KLANTCOACH_COACH=Coach $KC_BIN --content $C review \
	$T/co/sessions; sleep 60"
golden_screen review-list "6 van 6 sessies"
tm_keys Enter
golden_screen review-timeline "Sessie van"
tm_keys f
golden_screen feedback-step "Bij welke stap?"
tm_keys BSpace 1 Enter
golden_screen feedback-text "Je feedback (leeg"
tm_keys "Goed doorgevraagd." Tab
golden_screen feedback-saved "Feedback bewaard naast het logboek."
tm_keys g
golden_screen review-growth "Groei van"
tm_keys c
golden_screen review-cohort "Cohort:"
tm_stop

# The trainee sees the coach's feedback: marked at home, on the ending page.
tm_start "$tty KLANTCOACH_DATA=$T/co KLANTCOACH_NAME='Cursist 02' \
	KLANTCOACH_LEVEL=B $KC_BIN --content $C; sleep 60"
golden_screen home-feedback "Nieuwe feedback van je coach"
tm_keys Down Down Down Down Down Down Enter
golden_screen reflect-end-feedback "Feedback van je coach"
tm_stop

# Replay (intervisie): vote, reveal, note and summary.
tm_start "$tty KLANTCOACH_DATA=$T/rp $KC_BIN --content $C --volgorde vast \
	replay proef-basis; sleep 60"
tm_wait "[0 stemmen]" || fail "replay did not start"
tm_keys 2 + + +
golden_screen replay-vote "[3 stemmen]"
tm_keys Enter
golden_screen replay-reveal "Jullie volgen"
tm_keys Enter
golden_screen replay-note "Notitie van de groep:"
tm_keys "Eerst erkennen." Tab
golden_screen replay-summary "Niveau per competentie"
tm_stop

# Plain transcripts of the same flows.
printf '1\n1\nSpannend.\n\n\n\n\n\n' | KLANTCOACH_DATA="$T/pp" \
	"$KC_BIN" --content "$C" --plain --name Anouk --volgorde vast \
	play proef-basis > "$T/plain" 2>&1
golden_compare plain-play "$T/plain"
printf '1\n2\n2\nq\n' | KLANTCOACH_DATA="$T/pk" "$KC_BIN" --content "$C" \
	--plain --name Anouk --volgorde vast play > "$T/plain" 2>&1
golden_compare plain-pick "$T/plain"
printf '1 4 0\nTe snel afgehandeld.\n' | KLANTCOACH_DATA="$T/pr" \
	"$KC_BIN" --content "$C" --plain --volgorde vast \
	replay proef-basis > "$T/plain" 2>&1
golden_compare plain-replay "$T/plain"
finish
