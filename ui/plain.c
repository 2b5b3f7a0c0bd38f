/*
 * plain: the play loop as numbered prompts. What it shows are the play
 * screen's documents (src/playview.c), printed with view_print; the TUI
 * renders the same documents.
 */
#include "plain.h"
#include "mem.h"
#include "path.h"
#include "playview.h"
#include "reflect.h"
#include "reflectview.h"
#include "text.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void plain_line(FILE *fp, const char *prefix, const char *s)
{
	char *head = text_sanitize(prefix ? prefix : "", prefix ? strlen(prefix) : 0, 0);
	char *clean = text_sanitize(s, strlen(s), 1);

	fprintf(fp, "%s%s\n", head, clean);
	free(head);
	free(clean);
}

char *plain_read(FILE *in)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;

	errno = 0;
	n = getline(&line, &cap, in);
	if (n < 0) {
		free(line);
		return NULL;
	}
	while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
		line[--n] = '\0';
	return line;
}

/* Read the reply to a prompt on out. A piped reply is not echoed, so end
 * the prompt's line: what follows starts on a line of its own, also in a
 * transcript. On end of input the line is ended too. */
static char *reply(FILE *in, FILE *out)
{
	char *a = plain_read(in);

	if (a == NULL || !isatty(fileno(in)))
		fputc('\n', out);
	return a;
}

int plain_choose(FILE *in, FILE *out, const char *what, size_t n)
{
	char *a, *end;
	long k;
	int ok;

	for (;;) {
		fprintf(out, "Kies %s (1-%zu): ", what, n);
		fflush(out);
		if ((a = reply(in, out)) == NULL)
			return -1;
		k = strtol(a, &end, 10);
		ok = *a && !*end && k >= 1 && (size_t)k <= n;
		free(a);
		if (ok)
			return (int)k - 1;
		fprintf(out, "Typ een nummer van 1 tot en met %zu.\n", n);
	}
}

void plain_view(FILE *out, struct view *v)
{
	view_print(out, v);
	view_free(v);
}

static void help(FILE *out, const struct play *p)
{
	char *id = play_id(p);

	fputs("Typ het nummer van je keuze en druk op Enter.\n", out);
	if (p->mode == CONFIG_OEFENEN)
		fputs("t = een stap terug (de eerdere keuze blijft in het logboek).\n", out);
	fprintf(out, "q = stoppen; je kunt later verder met 'klantcoach "
		"resume %s'.\n", id);
	free(id);
	if (p->sc->notice)
		fputs("x = stoppen zonder resultaat: de sessie telt niet mee "
		      "en gaat niet verder.\n", out);
	fputs("? = deze hulp.\n", out);
}

static void stopped(FILE *out, const struct play *p)
{
	char *id = play_id(p);

	fprintf(out, "Gestopt. Je keuzes zijn bewaard. Verder spelen: klantcoach resume %s\n", id);
	free(id);
}

static void reflection_saved(FILE *out, const struct play *p)
{
	char *id = play_id(p);

	fprintf(out, "\nReflectie bewaard. Terugkijken: klantcoach show %s\n", id);
	free(id);
}

/* A write to the log failed: say why, and that what was confirmed is kept
 * (the failed write left no trace in the log). Returns the exit code. */
static int not_saved(FILE *out, const struct play *p, const char *what)
{
	fprintf(stderr, "klantcoach: %s: kan %s niet bewaren: %s\n",
		p->log.path, what, path_strerror(errno));
	fputc('\n', out);
	stopped(out, p);
	return 1;
}

/* Handle one answer; returns 1 to go on, 0 to stop, 2 when stopped
 * without result, -1 or (stopping) -2 on a write error. */
static int answer(FILE *out, struct play *p, const char *a)
{
	int n, count, before[METER_N];
	const struct sc_option *o;
	struct view v = {0};
	char *end;

	if (strcmp(a, "q") == 0)
		return 0;
	if (strcmp(a, "x") == 0 && p->sc->notice)
		return play_stop(p) == 0 ? 2 : -2;
	if (strcmp(a, "?") == 0) {
		help(out, p);
		return 1;
	}
	if (strcmp(a, "t") == 0) {
		if (play_undo(p) != 0)
			fputs(p->mode == CONFIG_TOETS ? "In de toets kun je niet terug.\n"
						      : "Er is geen stap om terug te gaan.\n", out);
		return 1;
	}
	n = (int)strtol(a, &end, 10);
	play_offered(p, 0, &count);
	if (*a == '\0' || *end != '\0' || n < 1 || n > count) {
		plain_line(out, "Ongeldige keuze: ", a);
		fprintf(out, "Kies 1 tot en met %d, of t, %s? of q.\n", count,
			p->sc->notice ? "x, " : "");
		return 1;
	}
	o = play_offered(p, n - 1, NULL);
	memcpy(before, p->s.meters, sizeof before);
	if (play_choose(p, n - 1) != 0)
		return -1;
	playview_result(&v, p, o, before);
	plain_view(out, &v);
	return 1;
}

int plain_play(struct play *p, FILE *in, FILE *out)
{
	struct view v = {0};
	char *a = NULL;
	int rc = 1, shown = -1;

	if (!session_finished(&p->s))
		playview_notice(&v, p->sc);
	while (!session_finished(&p->s) && rc == 1) {
		int key = (int)(p->s.npath + 2 * p->s.nundone);	/* grows on every move */
		if (shown != key) {
			playview_step(&v, p);
			plain_view(out, &v);
			play_shown(p);
			shown = key;
		}
		fprintf(out, "Keuze (1-%d, %s? of q%s): ",
			session_offered(&p->s, (int[4]){0}),
			p->mode == CONFIG_OEFENEN ? "t, " : "", p->sc->notice
			? "; x = stoppen zonder resultaat" : "");
		fflush(out);
		free(a);
		if ((a = reply(in, out)) == NULL) {
			rc = 0;
			break;
		}
		rc = answer(out, p, a);
	}
	free(a);
	if (rc < 0)
		return not_saved(out, p, rc == -2 ? "stop" : "keuze");
	if (rc == 2) {
		playview_stopped(&v, p);
		plain_view(out, &v);
		return 0;
	}
	if (!session_finished(&p->s)) {
		stopped(out, p);
		return 0;
	}
	if (play_log_end(p) != 0)
		return not_saved(out, p, "einde");
	reflectview_end(&v, p);
	plain_view(out, &v);
	return plain_reflect(p, in, out);
}

/* Ask question n unless it was answered before, under its page's title
 * when titled; 0 on, 1 end of input, -1 error. */
static int ask(struct play *p, size_t n, int titled, FILE *in, FILE *out)
{
	struct view v = {0};
	char *a;
	int rc;

	if (p->answer[n])
		return 0;
	reflectview_question(&v, p, n, titled);
	plain_view(out, &v);
	fputs("Antwoord (één regel, Enter om over te slaan): ", out);
	fflush(out);
	if ((a = reply(in, out)) == NULL)
		return 1;
	rc = play_answer(p, n, a) == 0 ? 0 : -1;
	free(a);
	return rc;
}

int plain_reflect(struct play *p, FILE *in, FILE *out)
{
	struct reflect_question q[REFLECT_MAX_Q];
	struct reflect r;
	struct view v = {0};
	size_t n = reflect_questions(p->sc, q), i;
	int rc;

	view_blank(&v);
	view_add(&v, VIEW_TITLE, 0, "Reflectie");
	playview_help(&v, p->sc);
	plain_view(out, &v);
	rc = ask(p, 0, 1, in, out);
	if (rc == 0) {
		reflect_build(&r, &p->s, p->fw, p->level);
		reflectview_what(&v, p, &r);
		reflectview_why(&v, p, &r);
		reflect_free(&r);
		plain_view(out, &v);
	}
	for (i = 1; i < n && rc == 0; i++)
		rc = ask(p, i, i == 1, in, out);
	if (rc == 0)
		rc = play_done(p) == 0 ? 0 : -1;
	if (rc < 0)
		return not_saved(out, p, "antwoord");
	if (rc == 1)
		stopped(out, p);
	else
		reflection_saved(out, p);
	return 0;
}
