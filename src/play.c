/*
 * play: engine plus log. The order is always: change the engine, write
 * the event, and only then report success; a failed write rolls the engine
 * back so that screen and disk never disagree.
 */
#include "play.h"
#include "buf.h"
#include "mem.h"
#include "reflect.h"
#include "tstamp.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int bind(struct play *p, const struct content *c, const struct scenario *sc,
		struct diag *d)
{
	p->c = c;
	p->sc = sc;
	p->persona = content_persona(c, sc->persona);
	p->fw = content_framework(c, sc->framework);
	if (p->persona == NULL || p->fw == NULL) {
		diag_add(d, DIAG_ERROR, sc->file, 0, "persona of framework ontbreekt");
		return -1;
	}
	return 0;
}

int play_begin(struct play *p, const struct content *c, const struct scenario *sc,
	       const struct play_who *who, const char *sessions_dir,
	       struct diag *d)
{
	int shuffled = who->mode == CONFIG_TOETS || !who->fixed;
	char uuid[TSTAMP_UUID_LEN], mode[8];
	struct sessionlog_meta m;

	memset(p, 0, sizeof *p);
	p->log.fd = -1;
	if (bind(p, c, sc, d) != 0 || content_keep(c, sc, d) != 0)
		return -1;
	p->mode = who->mode;
	p->level = who->level;
	p->trainee = mem_strdup(who->trainee);
	session_start(&p->s, sc);
	tstamp_uuid(uuid);
	session_shuffle(&p->s, shuffled ? uuid : NULL);
	memset(&m, 0, sizeof m);
	m.trainee = p->trainee;
	m.level = who->level;
	m.persona = sc->persona;
	m.scenario = sc->id;
	m.version = sc->version;
	snprintf(mode, sizeof mode, "%s", config_mode_name(who->mode));
	m.mode = mode;
	m.session = uuid;
	m.order = shuffled ? "geschud" : "vast";
	if (sessionlog_create(&p->log, sessions_dir, &m, p->s.meters, d) != 0)
		return -1;
	draft_init(&p->draft, p->log.path);
	play_shown(p);
	return 0;
}

/* Answers from the log, by question key. */
static void load_answers(struct play *p, const struct sessionlog_data *data)
{
	struct reflect_question q[REFLECT_MAX_Q];
	size_t n = reflect_questions(p->sc, q), i, k;

	for (i = 0; i < data->nev; i++)
		for (k = 0; data->ev[i].type == SL_ANSWER && k < n; k++)
			if (strcmp(q[k].key, data->ev[i].key) == 0) {
				free(p->answer[k]);
				p->answer[k] = mem_strdup(data->ev[i].value);
			}
}

/* The trainee's notice that the session goes on on an older version. */
static char *older_note(const struct sessionlog_data *data,
			const struct scenario *sc)
{
	struct buf b = {0};

	buf_printf(&b, "Je speelt verder op de versie van %.10s (versie "
		   "%.8s) waarop je deze sessie begon; het scenario '%s' is "
		   "sindsdien veranderd.", data->meta.started, sc->version,
		   sc->id);
	return buf_take(&b);
}

int play_resume(struct play *p, const struct content *c, const char *path,
		int writable, struct diag *d)
{
	struct sessionlog_data data;
	const struct scenario *sc;
	int rc = -1;

	memset(p, 0, sizeof *p);
	memset(&data, 0, sizeof data);
	p->log.fd = -1;
	/* lock before reading: another window may still be writing */
	if ((writable && sessionlog_append(&p->log, path, d) != 0) ||
	    sessionlog_load(&data, path, d) != 0) {
		sessionlog_data_free(&data);
		sessionlog_close(&p->log);
		return -1;
	}
	if (writable && data.stopped) {
		diag_add(d, DIAG_ERROR, path, 0, "deze sessie is gestopt "
			 "zonder resultaat en kan niet verder; begin een "
			 "nieuw gesprek");
		sc = NULL;
	} else {
		sc = content_version(c, data.meta.scenario, data.meta.version,
				     path, d);
	}
	if (sc && bind(p, c, sc, d) == 0 &&
	    sessionlog_replay(&data, sc, &p->s, d) == 0)
		rc = 0;
	if (rc != 0)
		play_end(p);
	if (!writable && rc == 0)
		p->log.path = mem_strdup(path);
	if (rc != 0)
		sessionlog_close(&p->log);
	if (rc == 0) {
		p->mode = data.meta.mode && strcmp(data.meta.mode, "toets") == 0
			  ? CONFIG_TOETS : CONFIG_OEFENEN;
		p->level = data.meta.level;
		p->trainee = mem_strdup(data.meta.trainee ? data.meta.trainee : "");
		p->ended_logged = data.finished;
		p->done = data.done;
		p->stopped = data.stopped;
		load_answers(p, &data);
		if (writable)	/* a bad draft is a warning; it is set aside */
			draft_load(&p->draft, path, d);
		if (sc != content_scenario(c, sc->id))
			p->note = older_note(&data, sc);
		play_shown(p);
	}
	sessionlog_data_free(&data);
	return rc;
}

void play_shown(struct play *p)
{
	p->shown_ms = tstamp_ms();
}

const struct sc_option *play_offered(const struct play *p, int n, int *count)
{
	int idx[SCENARIO_MAX_OPTS], k = session_offered(&p->s, idx);

	if (count)
		*count = k;
	if (n < 0 || n >= k)
		return NULL;
	return &p->sc->steps[p->s.step].opt[idx[n]];
}

int play_choose(struct play *p, int n)
{
	int idx[SCENARIO_MAX_OPTS], k = session_offered(&p->s, idx), step = p->s.step;
	long ms = tstamp_ms() - p->shown_ms;
	char shown[SESSIONLOG_SHOWN_LEN];

	sessionlog_shown(&p->s, shown);
	if (p->stopped || n < 0 || n >= k ||
	    session_choose(&p->s, idx[n], ms) != 0)
		return -1;
	if (sessionlog_move(&p->log, SL_CHOICE, p->sc->steps[step].id,
			    p->sc->steps[step].opt[idx[n]].num, ms, p->s.meters,
			    shown) != 0) {
		int saved = errno;
		session_undo(&p->s);
		p->s.nundone--;	/* the failed choice never happened */
		errno = saved;
		return -1;
	}
	play_shown(p);
	return 0;
}

int play_undo(struct play *p)
{
	const struct session_move *m = session_last(&p->s);
	struct session_move keep;

	if (p->mode == CONFIG_TOETS || m == NULL || p->ended_logged ||
	    p->stopped)
		return -1;
	keep = *m;
	session_undo(&p->s);
	if (sessionlog_move(&p->log, SL_UNDO, p->sc->steps[keep.step].id,
			    p->sc->steps[keep.step].opt[keep.opt].num, -1, p->s.meters,
			    NULL) != 0) {
		int saved = errno;
		p->s.nundone--;
		session_choose(&p->s, keep.opt, keep.think_ms);
		errno = saved;
		return -1;
	}
	play_shown(p);
	return 0;
}

int play_stop(struct play *p)
{
	if (p->sc->notice == NULL || p->ended_logged || p->stopped ||
	    sessionlog_stop(&p->log) != 0)
		return -1;
	p->stopped = 1;
	return 0;
}

int play_log_end(struct play *p)
{
	if (!session_finished(&p->s) || p->ended_logged)
		return 0;
	if (sessionlog_note(&p->log, SL_END, p->s.meters, "einde",
			    p->sc->ends[p->s.end].id) != 0)
		return -1;
	p->ended_logged = 1;
	return 0;
}

/* The key of question n, or NULL when there is no such question. */
static const char *question_key(const struct play *p, size_t n)
{
	struct reflect_question q[REFLECT_MAX_Q];

	return n < reflect_questions(p->sc, q) ? q[n].key : NULL;
}

int play_answer(struct play *p, size_t n, const char *text)
{
	const char *key = question_key(p, n);

	if (key == NULL)
		return -1;
	if (p->answer[n] == NULL || strcmp(p->answer[n], text) != 0) {
		if (sessionlog_note(&p->log, SL_ANSWER, NULL, key, text) != 0)
			return -1;
		free(p->answer[n]);
		p->answer[n] = mem_strdup(text);
	}
	draft_put(&p->draft, key, NULL);
	return 0;
}

const char *play_text(const struct play *p, size_t n)
{
	const char *key = question_key(p, n), *s = NULL;

	if (key)
		s = draft_get(&p->draft, key);
	if (s == NULL && key)
		s = p->answer[n];
	return s ? s : "";
}

void play_keep(struct play *p, size_t n, const char *text)
{
	const char *key = question_key(p, n), *saved;

	if (key == NULL)
		return;
	saved = p->answer[n] ? p->answer[n] : "";
	draft_put(&p->draft, key, strcmp(text, saved) != 0 ? text : NULL);
}

int play_save_draft(struct play *p, int page)
{
	if (p->done)
		return 0;
	draft_set_page(&p->draft, page);
	return draft_save(&p->draft);
}

int play_done(struct play *p)
{
	struct reflect_question q[REFLECT_MAX_Q];
	size_t n = reflect_questions(p->sc, q), i;

	for (i = 0; i < n; i++) {
		const char *s = draft_get(&p->draft, q[i].key);
		if (s && play_answer(p, i, s) != 0)	/* frees s after using it */
			return -1;
	}
	if (sessionlog_note(&p->log, SL_DONE, NULL, NULL, NULL) != 0)
		return -1;
	p->done = 1;
	draft_remove(&p->draft);	/* a done session's draft is never read */
	return 0;
}

char *play_id(const struct play *p)
{
	const char *slash = strrchr(p->log.path, '/');
	char *id = mem_strdup(slash ? slash + 1 : p->log.path);
	size_t n = strlen(id);

	if (n > 4 && strcmp(id + n - 4, ".csv") == 0)
		id[n - 4] = '\0';
	return id;
}

void play_end(struct play *p)
{
	size_t i;

	for (i = 0; i < REFLECT_MAX_Q; i++) {
		free(p->answer[i]);
		p->answer[i] = NULL;
	}
	sessionlog_close(&p->log);
	draft_free(&p->draft);
	session_free(&p->s);
	free(p->trainee);
	free(p->note);
	p->trainee = p->note = NULL;
}
