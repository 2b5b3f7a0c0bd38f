/*
 * persona: loads and validates one persona INI file. Required texts must be
 * present and non-empty; needs and channels come from fixed vocabularies;
 * unknown keys and sections are warnings.
 */
#include "persona.h"
#include "inifile.h"
#include "mem.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const needs[][2] = {
	{"bestaanszekerheid", "bestaanszekerheid hebben"},
	{"verbinding", "als mens gezien worden en in verbinding blijven"},
	{"gemak", "gemak, zekerheid en controle hebben"},
};

static const char *const channels[] = {
	"website", "telefoon", "balie", "chat", "e-mail", "terugbelafspraak", "brief",
};

static const char *const keys[] = {
	"name", "age", "household", "situation", "story", "channels", "needs",
	"source", "help1", "help2", "help3", "help4", "help5", "help6", "help7",
	"help8", NULL,
};

const char *persona_need_name(const char *key)
{
	size_t i;

	for (i = 0; i < sizeof needs / sizeof *needs; i++)
		if (strcmp(needs[i][0], key) == 0)
			return needs[i][1];
	return NULL;
}

static int known_channel(const char *c)
{
	size_t i;

	for (i = 0; i < sizeof channels / sizeof *channels; i++)
		if (strcmp(channels[i], c) == 0)
			return 1;
	return 0;
}

/* Keys and sections a persona does not have are warnings. */
static void warn_unknown(const struct inifile *f, struct diag *d)
{
	size_t i;

	inifile_warn_unknown(f, "persona", keys, d);
	for (i = 0; i < f->nsecs; i++)
		if (strcmp(f->secs[i].name, "persona") != 0)
			diag_add(d, DIAG_WARNING, f->path, f->secs[i].line,
				 "onbekende sectie [%s]; alleen [persona] wordt gelezen",
				 f->secs[i].name);
}

static char *req(struct inifile *f, const char *key, struct diag *d, int *err)
{
	const char *v = inifile_get(f, "persona", key);

	if (v == NULL || *v == '\0') {
		diag_add(d, DIAG_ERROR, f->path, inifile_line(f, "persona", key),
			 "[persona] mist '%s'", key);
		(*err)++;
		return NULL;
	}
	return mem_strdup(v);
}

static void read_lists(struct persona *p, struct inifile *f, struct diag *d, int *err)
{
	char key[16];
	size_t i;

	p->nchannels = text_split(inifile_get(f, "persona", "channels"), &p->channels);
	p->nneeds = text_split(inifile_get(f, "persona", "needs"), &p->needs);
	for (i = 0; i < p->nchannels; i++)
		if (!known_channel(p->channels[i])) {
			diag_add(d, DIAG_ERROR, f->path, inifile_line(f, "persona", "channels"),
				 "onbekend kanaal '%s'", p->channels[i]);
			(*err)++;
		}
	for (i = 0; i < p->nneeds; i++)
		if (!persona_need_name(p->needs[i])) {
			diag_add(d, DIAG_ERROR, f->path, inifile_line(f, "persona", "needs"),
				 "onbekende behoefte '%s' (bestaanszekerheid, verbinding, gemak)",
				 p->needs[i]);
			(*err)++;
		}
	p->help = mem_calloc(PERSONA_MAX_HELP, sizeof *p->help);
	for (i = 1; i <= PERSONA_MAX_HELP; i++) {
		const char *v;
		snprintf(key, sizeof key, "help%zu", i);
		v = inifile_get(f, "persona", key);
		if (v && *v)
			p->help[p->nhelp++] = mem_strdup(v);
	}
}

int persona_load(struct persona *p, const char *path, struct diag *d)
{
	struct inifile f;
	const char *base = strrchr(path, '/'), *age;
	int err = 0;

	memset(p, 0, sizeof *p);
	base = base ? base + 1 : path;
	p->id = mem_strndup(base, strcspn(base, "."));
	p->file = mem_strdup(path);
	if (inifile_load(&f, path, d) != 0) {
		inifile_free(&f);
		return -1;
	}
	warn_unknown(&f, d);
	p->name = req(&f, "name", d, &err);
	p->household = req(&f, "household", d, &err);
	p->situation = req(&f, "situation", d, &err);
	p->story = req(&f, "story", d, &err);
	p->source = req(&f, "source", d, &err);
	age = inifile_get(&f, "persona", "age");
	if (age) {	/* whole number only: atoi took "40 jaar" and wrapped big ones */
		char *end;
		long v = strtol(age, &end, 10);
		p->age = *age && *end == '\0' && v >= 16 && v <= 110 ? (int)v : 0;
	}
	if (p->age < 16 || p->age > 110) {
		diag_add(d, DIAG_ERROR, path, inifile_line(&f, "persona", "age"),
			 "leeftijd ontbreekt of is geen getal tussen 16 en 110");
		err++;
	}
	read_lists(p, &f, d, &err);
	if (p->nchannels == 0 || p->nneeds == 0 || p->nhelp == 0) {
		diag_add(d, DIAG_ERROR, path, inifile_line(&f, "persona", NULL),
			 "[persona] heeft channels, needs en minstens één help1 nodig");
		err++;
	}
	inifile_free(&f);
	return err ? -1 : 0;
}

int persona_has_channel(const struct persona *p, const char *channel)
{
	size_t i;

	for (i = 0; i < p->nchannels; i++)
		if (strcmp(p->channels[i], channel) == 0)
			return 1;
	return 0;
}

void persona_free(struct persona *p)
{
	free(p->id);
	free(p->file);
	free(p->name);
	free(p->household);
	free(p->situation);
	free(p->story);
	free(p->source);
	text_strv_free(p->channels, p->nchannels);
	text_strv_free(p->needs, p->nneeds);
	text_strv_free(p->help, p->nhelp);
	memset(p, 0, sizeof *p);
}
