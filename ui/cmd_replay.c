/*
 * cmd_replay: intervisie. Opens a fresh scenario, a trainee's session log
 * or an earlier record, then runs the replay on the screens or as numbered
 * prompts (--plain). The plain flow per step: read, votes, reveal, note.
 */
#include "kcconfig.h"
#include "commands.h"
#include "buf.h"
#include "intervisie.h"
#include "mem.h"
#include "path.h"
#include "plain.h"
#include "sessionlog.h"
#include "text.h"
#include "tui.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* Show a text from the log or a note with the trainee's name hidden. */
static void say(const struct intervisie *iv, const char *prefix, const char *s)
{
	char *hidden = iv->anon && iv->realname ? text_hide_name(s, iv->realname, "de cursist")
					       : mem_strdup(s);

	plain_line(stdout, prefix, hidden);
	free(hidden);
}

static void show_step(const struct intervisie *iv)
{
	const struct sc_step *st = &iv->sc->steps[iv->s.step];
	int idx[SCENARIO_MAX_OPTS], n = session_offered(&iv->s, idx), i;
	char head[64];

	fprintf(stdout, "\n== Stap %zu ==\n", iv->s.npath + 1);
	plain_line(stdout, "Situatie: ", st->situation);
	snprintf(head, sizeof head, "%s: ",
		 scenario_speaker(st->speaker, iv->persona->name));
	plain_line(stdout, head, st->client);
	for (i = 0; i < n; i++) {
		snprintf(head, sizeof head, "  %d. ", i + 1);
		plain_line(stdout, head, st->opt[idx[i]].text);
	}
}

/* "2 0 5": votes per offered option; empty skips. 0 ok, 1 end of input. */
static int ask_votes(struct intervisie *iv)
{
	int idx[SCENARIO_MAX_OPTS], n = session_offered(&iv->s, idx), votes[SCENARIO_MAX_OPTS];
	char *a, *p, *end;
	int i;

	for (;;) {
		fprintf(stdout, "Stemmen per optie (%d getallen, bijv. '2 0 5'), leeg = overslaan: ", n);
		fflush(stdout);
		if ((a = plain_read(stdin)) == NULL)
			return 1;
		for (i = 0; i < SCENARIO_MAX_OPTS; i++)
			votes[i] = -1;
		for (i = 0, p = a; *a && i < n; i++, p = end) {
			long v = strtol(p, &end, 10);
			if (end == p || v < 0 || v > 999)
				break;
			votes[idx[i]] = (int)v;
		}
		while (*a && *p == ' ')
			p++;
		if (*a == '\0' || (i == n && *p == '\0')) {
			free(a);
			return intervisie_vote(iv, votes) == 0 ? 0 : -1;
		}
		plain_line(stdout, "Niet begrepen: ", a);
		free(a);
	}
}

static void tally(const struct intervisie *iv)
{
	const struct iv_step *cur = &iv->st[iv->nst - 1];
	int idx[SCENARIO_MAX_OPTS], n = session_offered(&iv->s, idx), i, total = 0;

	for (i = 0; i < n; i++)
		total += cur->votes[idx[i]] > 0 ? cur->votes[idx[i]] : 0;
	if (total == 0)
		return;
	fputs("De groep:", stdout);
	for (i = 0; i < n; i++)
		fprintf(stdout, " optie %d: %d (%d%%)%s", i + 1, cur->votes[idx[i]] > 0 ? cur->votes[idx[i]] : 0,
			(cur->votes[idx[i]] > 0 ? cur->votes[idx[i]] : 0) * 100 / total, i + 1 < n ? "," : "\n");
	if (intervisie_winner(cur->votes, idx, n) < 0)
		fputs("De stemmen zijn verdeeld: bespreek het verschil.\n", stdout);
}

/* The option to follow: the trainee's, the winner, or the facilitator's. */
static int pick(struct intervisie *iv)
{
	int idx[SCENARIO_MAX_OPTS], n = session_offered(&iv->s, idx), o = intervisie_next(iv);
	char *a, *end;
	long k;

	if (o >= 0)
		return o;
	for (;;) {
		fprintf(stdout, "Welke optie volgen jullie? (1-%d): ", n);
		fflush(stdout);
		if ((a = plain_read(stdin)) == NULL)
			return -1;
		k = strtol(a, &end, 10);
		k = *a && !*end && k >= 1 && k <= n ? k : 0;
		free(a);
		if (k)
			return idx[k - 1];
	}
}

static void reveal(const struct intervisie *iv, const struct iv_step *cur, const int *before)
{
	const struct sc_option *o = &iv->sc->steps[cur->step].opt[cur->followed];
	char head[96];
	int m;

	if (iv->from_log) {
		snprintf(head, sizeof head, "Gekozen door %s (na %.1f s): ", iv->trainee,
			 (double)cur->think_ms / 1000.0);
		say(iv, head, o->text);
	} else {
		plain_line(stdout, "Jullie volgen: ", o->text);
	}
	snprintf(head, sizeof head, "%s: ",
		 scenario_speaker(o->speaker, iv->persona->name));
	plain_line(stdout, head, o->response);
	fputs("Meters:", stdout);
	for (m = 0; m < METER_N; m++)
		fprintf(stdout, " %s %d (%+d)", scenario_meter_name[m], iv->s.meters[m],
			iv->s.meters[m] - before[m]);
	fputc('\n', stdout);
	plain_line(stdout, "Uitleg: ", o->feedback);
}

static int note(struct intervisie *iv)
{
	char *a, *hidden;
	int rc;

	fputs("Notitie van de groep (één regel, leeg = geen): ", stdout);
	fflush(stdout);
	if ((a = plain_read(stdin)) == NULL)
		return 1;
	hidden = iv->anon && iv->realname ? text_hide_name(a, iv->realname, "de cursist") : mem_strdup(a);
	rc = intervisie_note(iv, hidden) == 0 ? 0 : -1;
	free(hidden);
	free(a);
	return rc;
}

/* One step: 0 on, 1 stop (end of input), -1 write error. */
static int plain_step(struct intervisie *iv)
{
	struct iv_step *cur;
	int before[METER_N], o, rc;

	show_step(iv);
	if ((rc = ask_votes(iv)) != 0)
		return rc;
	tally(iv);
	if ((o = pick(iv)) < 0)
		return 1;
	memcpy(before, iv->s.meters, sizeof before);
	if (intervisie_follow(iv, o) != 0)
		return -1;
	cur = &iv->st[iv->nst - 1];
	reveal(iv, cur, before);
	return note(iv);
}

/* One line of the summary: who picked which option, by its text. */
static void summary_pick(const char *who, const struct sc_step *st, int o)
{
	char *text = o >= 0 ? text_short(st->opt[o].text, 66) : NULL;

	fprintf(stdout, "  %-9s %s%s\n", who, text ? text : "geen meerderheid",
		o >= 0 && st->opt[o].expert ? " (expert)" : "");
	free(text);
}

static void summary(const struct intervisie *iv)
{
	int *lv = mem_calloc(3 * iv->fw->ncomps, sizeof *lv);
	size_t i;

	fputs("\n== Samenvatting ==\n", stdout);
	for (i = 0; i < iv->nst; i++) {
		const struct iv_step *s = &iv->st[i];
		const struct sc_step *st = &iv->sc->steps[s->step];
		int idx[SCENARIO_MAX_OPTS], n = 0, o;
		for (o = 0; o < st->nopt; o++)
			if (scenario_offered(&st->opt[o], s->flags))
				idx[n++] = o;
		fprintf(stdout, "Stap %zu\n", i + 1);
		summary_pick("groep:", st, intervisie_winner(s->votes, idx, n));
		summary_pick(iv->from_log ? "cursist:" : "gevolgd:", st, s->followed);
		summary_pick("expert:", st,
			     scenario_expert(iv->sc, (size_t)s->step, s->flags));
		if (s->note)
			say(iv, "  Notitie: ", s->note);
	}
	intervisie_levels(iv, lv, lv + iv->fw->ncomps, lv + 2 * iv->fw->ncomps);
	fprintf(stdout, "Niveau per competentie (groep / %s / expert):\n",
		iv->from_log ? "cursist" : "gevolgd");
	for (i = 0; i < iv->fw->ncomps; i++)
		fprintf(stdout, "  %s: %d / %d / %d\n", iv->fw->comps[i].name, lv[i],
			lv[iv->fw->ncomps + i], lv[2 * iv->fw->ncomps + i]);
	free(lv);
	if (iv->ended)
		plain_line(stdout, "Einde: ", iv->sc->ends[iv->s.end].summary);
}

static int plain_replay(struct intervisie *iv)
{
	int rc = 0;

	plain_line(stdout, "Intervisie: ", iv->sc->title);
	if (iv->from_log)
		say(iv, "Sessie van ", iv->trainee);
	while (!session_finished(&iv->s) && rc == 0)
		rc = plain_step(iv);
	if (rc == 0 && intervisie_finish(iv) != 0)
		rc = -1;
	if (rc < 0)
		cmd_error("%s: kan verslag niet schrijven: %s", iv->path,
			  path_strerror(errno));
	if (rc != 0) {
		fprintf(stdout, "\nGestopt. Verder met: klantcoach replay %s\n", iv->path);
		return rc < 0 ? EXIT_BAD : EXIT_OK;
	}
	summary(iv);
	fprintf(stdout, "Verslag bewaard: %s\n", iv->path);
	return EXIT_OK;
}

/* What replay's argument names. */
enum replay_arg { ARG_NONE, ARG_SCENARIO, ARG_LOG, ARG_RECORD };

static enum replay_arg kind_of(const struct content *c, const char *arg)
{
	if (!path_isfile(arg))
		return content_scenario(c, arg) ? ARG_SCENARIO : ARG_NONE;
	if (sessionlog_sniff(arg))
		return ARG_LOG;
	return intervisie_sniff(arg) ? ARG_RECORD : ARG_NONE;
}

int cmd_replay(struct cli_ctx *ctx)
{
	struct content c;
	struct intervisie iv;
	struct diag d = {0};
	char *dir;
	enum replay_arg kind;
	int rc = EXIT_BAD, ok;

	if (ctx->a.argc != 1)
		return cmd_usage("replay verwacht een SCENARIO, LOGBOEK of VERSLAG", NULL);
	if (cmd_load_content(ctx, &c, NULL) != 0) {
		content_free(&c);
		return EXIT_BAD;
	}
	dir = path_join(ctx->data_dir, "intervisie");
	kind = kind_of(&c, ctx->a.argv[0]);
	if (kind == ARG_NONE)
		cmd_error("'%s' is geen scenario, sessielogboek of "
			  "intervisieverslag", ctx->a.argv[0]);
	ok = kind == ARG_SCENARIO
		? intervisie_begin(&iv, &c, content_scenario(&c, ctx->a.argv[0]),
				   ctx->cfg.fixed_order, dir, &d)
	   : kind == ARG_LOG
		? intervisie_begin_log(&iv, &c, ctx->a.argv[0], ctx->a.anoniem,
				       dir, &d)
	   : kind == ARG_RECORD
		? intervisie_resume(&iv, &c, ctx->a.argv[0], &d) : -1;
	if (ok == 0)
		rc = ctx->a.plain ? plain_replay(&iv) : tui_replay(ctx, &c, &iv);
	if (kind != ARG_NONE)
		intervisie_free(&iv);
	diag_sort(&d);
	diag_print(&d, stderr, 0);
	diag_free(&d);
	content_free(&c);
	free(dir);
	return rc;
}
