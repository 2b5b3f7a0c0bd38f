/*
 * plain: the play loop as numbered prompts. Show, then tell: after a
 * choice the client's response and the meters come first; the explanation
 * and indicators follow in practice mode only.
 */
#include "plain.h"
#include "buf.h"
#include "check.h"
#include "mem.h"
#include "path.h"
#include "reflect.h"
#include "reflectview.h"
#include "text.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

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

static void meters(FILE *out, const struct play *p, const int *before)
{
	int i;

	fputs("Meters:", out);
	for (i = 0; i < METER_N; i++) {
		fprintf(out, "%s %s %d/10", i ? "," : "", scenario_meter_name[i], p->s.meters[i]);
		if (before && p->s.meters[i] != before[i])
			fprintf(out, " (%+d)", p->s.meters[i] - before[i]);
	}
	fputc('\n', out);
}

static void show_step(FILE *out, const struct play *p)
{
	const struct sc_step *st = &p->sc->steps[p->s.step];
	int i, n, total = check_expert_length(p->sc);
	char who[128];

	fprintf(out, "\nStap %zu", p->s.npath + 1);
	if (total > 0 && (int)p->s.npath < total)
		fprintf(out, " van ca. %d", total);
	fputc('\n', out);
	plain_line(out, "Situatie: ", st->situation);
	snprintf(who, sizeof who, "%s: ",
		 scenario_speaker(st->speaker, p->persona->name));
	plain_line(out, who, st->client);
	meters(out, p, NULL);
	for (i = 0; play_offered(p, i, &n) != NULL; i++) {
		char num[16];
		snprintf(num, sizeof num, "  %d. ", i + 1);
		plain_line(out, num, play_offered(p, i, NULL)->text);
	}
}

static void show_evidence(FILE *out, const struct play *p, const struct sc_option *o)
{
	size_t e;

	for (e = 0; e < o->nev; e++) {
		int ix = framework_ind(p->fw, o->ev[e].ind);
		const struct fw_indicator *in;
		struct buf b = {0};
		if (ix < 0)
			continue;
		in = &p->fw->inds[ix];
		buf_printf(&b, "  %s %s (%s, niveau %d)", o->ev[e].positive ? "+" : "-",
			   in->text, p->fw->comps[in->comp].name, in->level);
		plain_line(out, NULL, b.s);
		buf_free(&b);
	}
}

static void show_result(FILE *out, const struct play *p, const struct sc_option *o,
			const int *before)
{
	char who[128];

	snprintf(who, sizeof who, "%s: ",
		 scenario_speaker(o->speaker, p->persona->name));
	plain_line(out, who, o->response);
	meters(out, p, before);
	if (p->mode == CONFIG_OEFENEN) {
		plain_line(out, "Uitleg: ", o->feedback);
		if (o->nev)
			fputs("Indicatoren:\n", out);
		show_evidence(out, p, o);
	}
}

static void help(FILE *out, const struct play *p)
{
	fputs("Typ het nummer van je keuze en druk op Enter.\n", out);
	if (p->mode == CONFIG_OEFENEN)
		fputs("t = een stap terug (de eerdere keuze blijft in het logboek).\n", out);
	fputs("q = stoppen; je kunt later verder met 'klantcoach resume'.\n",
	      out);
	if (p->sc->notice)
		fputs("x = stoppen zonder resultaat: de sessie telt niet mee "
		      "en gaat niet verder.\n", out);
	fputs("? = deze hulp.\n", out);
}

/* A scenario with a content notice: the notice and how to stop. */
static void notice(FILE *out, const struct play *p)
{
	if (p->sc->notice == NULL)
		return;
	plain_line(out, "\nLet op: ", p->sc->notice);
	fputs("Je kunt op elk moment stoppen met x; dan telt de sessie niet "
	      "mee.\n", out);
}

/* After x: the session ended without a result; where help is. */
static void stopped_without_result(FILE *out, const struct play *p)
{
	fputs("\nGestopt zonder resultaat. Deze sessie telt niet mee.\n", out);
	reflectview_help(out, p->sc);
}

static void stopped(FILE *out, const struct play *p)
{
	const char *slash = strrchr(p->log.path, '/');
	char *id = mem_strdup(slash ? slash + 1 : p->log.path);

	id[strcspn(id, ".")] = '\0';
	fprintf(out, "Gestopt. Je keuzes zijn bewaard. Verder spelen: klantcoach resume %s\n", id);
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
	show_result(out, p, o, before);
	return 1;
}

static void show_ending(FILE *out, const struct play *p)
{
	const struct sc_ending *e = &p->sc->ends[p->s.end];

	fprintf(out, "\nEinde van het gesprek (%s)\n", scenario_tone_name[e->tone]);
	plain_line(out, NULL, e->summary);
	meters(out, p, NULL);
}

int plain_play(struct play *p, FILE *in, FILE *out)
{
	char *a = NULL;
	int rc = 1, shown = -1;

	if (!session_finished(&p->s))
		notice(out, p);
	while (!session_finished(&p->s) && rc == 1) {
		int key = (int)(p->s.npath + 2 * p->s.nundone);	/* grows on every move */
		if (shown != key) {
			show_step(out, p);
			play_shown(p);
			shown = key;
		}
		fprintf(out, "Keuze (1-%d, %s? of q%s): ",
			session_offered(&p->s, (int[4]){0}),
			p->mode == CONFIG_OEFENEN ? "t, " : "", p->sc->notice
			? "; x = stoppen zonder resultaat" : "");
		fflush(out);
		free(a);
		if ((a = plain_read(in)) == NULL) {
			fputc('\n', out);
			rc = 0;
			break;
		}
		rc = answer(out, p, a);
	}
	free(a);
	if (rc < 0)
		return not_saved(out, p, rc == -2 ? "stop" : "keuze");
	if (rc == 2) {
		stopped_without_result(out, p);
		return 0;
	}
	if (!session_finished(&p->s)) {
		stopped(out, p);
		return 0;
	}
	if (play_log_end(p) != 0)
		return not_saved(out, p, "einde");
	show_ending(out, p);
	return plain_reflect(p, in, out);
}

/* Ask question n unless it was answered before; 0 on, 1 end of input, -1 error. */
static int ask(struct play *p, const struct reflect_question *q, size_t n,
	       FILE *in, FILE *out)
{
	char *a;
	int rc;

	if (p->answer[n])
		return 0;
	plain_line(out, "\nVraag: ", q[n].text);
	fputs("Antwoord (één regel, Enter om over te slaan): ", out);
	fflush(out);
	if ((a = plain_read(in)) == NULL) {
		fputc('\n', out);
		return 1;
	}
	rc = play_answer(p, n, a) == 0 ? 0 : -1;
	free(a);
	return rc;
}

int plain_reflect(struct play *p, FILE *in, FILE *out)
{
	struct reflect_question q[REFLECT_MAX_Q];
	struct reflect r;
	size_t n = reflect_questions(p->sc, q), i;
	int rc;

	fputs("\n== Reflectie ==", out);
	reflectview_help(out, p->sc);
	fputs("\n== Hoe voelde het? ==", out);
	rc = ask(p, q, 0, in, out);
	if (rc == 0) {
		reflectview_what(out, p);
		reflect_build(&r, &p->s, p->fw, p->level);
		reflectview_why(out, p, &r);
		reflect_free(&r);
		fputs("\n== Wat neem je mee? ==", out);
	}
	for (i = 1; i < n && rc == 0; i++)
		rc = ask(p, q, i, in, out);
	if (rc == 0)
		rc = play_done(p) == 0 ? 0 : -1;
	if (rc < 0)
		return not_saved(out, p, "antwoord");
	if (rc == 1)
		stopped(out, p);
	else
		fputs("\nReflectie bewaard. Terugkijken: klantcoach show\n", out);
	return 0;
}
