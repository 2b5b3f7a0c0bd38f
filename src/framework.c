/*
 * framework: loads the four CSV files of a framework and cross-checks them:
 * headers, unique ids, indicators and targets naming known competencies,
 * levels 1-3 (targets 0-3), at least one competency, and exactly one
 * target for every competency and role.
 */
#include "framework.h"
#include "csvfile.h"
#include "mem.h"
#include "path.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

struct fwload {
	struct framework *fw;
	struct diag *d;
	const char *file;
	int errors;
	int rows;	/* records read so far from file */
	int foreign;	/* file has a wrong header: its rows are not read */
};

static void fw_err(struct fwload *l, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void fw_err(struct fwload *l, int line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vadd(l->d, DIAG_ERROR, l->file, line, fmt, ap);
	va_end(ap);
	l->errors++;
}

/* Check a header row (the first record, whatever its line); returns 1 when
 * this row was the header, or follows a wrong one: the rest of such a file
 * is skipped, so nothing of a file that is not ours is quoted. */
static int header(struct fwload *l, int line, char **f, size_t n,
		  const char *want)
{
	char *got = NULL;
	size_t i, len = 0;

	if (l->rows++ > 0)
		return l->foreign;
	for (i = 0; i < n; i++)
		len += strlen(f[i]) + 1;
	got = mem_calloc(1, len + 1);
	for (i = 0; i < n; i++) {
		strcat(got, f[i]);
		if (i + 1 < n)
			strcat(got, ",");
	}
	if (strcmp(got, want) != 0) {
		fw_err(l, line, "kopregel moet '%s' zijn", want);
		l->foreign = 1;
	}
	free(got);
	return 1;
}

static int parse_level(const char *s, int lo, int hi)
{
	if (s[0] >= '0' + lo && s[0] <= '0' + hi && s[1] == '\0')
		return s[0] - '0';
	return -1;
}

static int meta_row(void *ctx, int line, char **f, size_t n)
{
	struct fwload *l = ctx;
	struct framework *fw = l->fw;
	char **dst = NULL;

	if (header(l, line, f, n, "key,value"))
		return 0;
	if (n != 2) {
		fw_err(l, line, "verwacht 2 velden (key,value)");
		return 0;
	}
	if (strcmp(f[0], "name") == 0)
		dst = &fw->name;
	else if (strcmp(f[0], "year") == 0)
		dst = &fw->year;
	else if (strcmp(f[0], "source") == 0)
		dst = &fw->source;
	else if (strncmp(f[0], "level", 5) == 0 && parse_level(f[0] + 5, 1, 3) > 0)
		dst = &fw->level_name[f[0][5] - '0'];
	else if (strcmp(f[0], "roles") != 0)
		fw_err(l, line, "onbekende sleutel '%s'", f[0]);
	if (dst) {
		free(*dst);
		*dst = mem_strdup(f[1]);
	}
	return 0;
}

static int comp_row(void *ctx, int line, char **f, size_t n)
{
	struct fwload *l = ctx;
	struct framework *fw = l->fw;
	struct fw_competency *c;

	if (header(l, line, f, n, "id,name,cluster,definition"))
		return 0;
	if (n != 4 || !*f[0] || !*f[1]) {
		fw_err(l, line, "verwacht 4 velden met id en naam");
		return 0;
	}
	if (framework_comp(fw, f[0]) >= 0) {
		fw_err(l, line, "competentie '%s' komt dubbel voor", f[0]);
		return 0;
	}
	MEM_GROW(fw->comps, fw->capcomps, fw->ncomps + 1);
	c = &fw->comps[fw->ncomps++];
	memset(c, 0, sizeof *c);
	c->id = mem_strdup(f[0]);
	c->name = mem_strdup(f[1]);
	c->cluster = mem_strdup(f[2]);
	c->definition = mem_strdup(f[3]);
	c->target[0] = c->target[1] = c->target[2] = -1;
	c->line = line;
	return 0;
}

static int ind_row(void *ctx, int line, char **f, size_t n)
{
	struct fwload *l = ctx;
	struct framework *fw = l->fw;
	struct fw_indicator *in;
	int c, lv;

	if (header(l, line, f, n, "competency,level,id,text"))
		return 0;
	if (n != 4 || !*f[2] || !*f[3]) {
		fw_err(l, line, "verwacht 4 velden met id en tekst");
		return 0;
	}
	c = framework_comp(fw, f[0]);
	lv = parse_level(f[1], 1, 3);
	if (c < 0)
		fw_err(l, line, "onbekende competentie '%s'", f[0]);
	else if (lv < 0)
		fw_err(l, line, "niveau '%s' moet 1, 2 of 3 zijn", f[1]);
	else if (framework_ind(fw, f[2]) >= 0)
		fw_err(l, line, "indicator '%s' komt dubbel voor", f[2]);
	else {
		MEM_GROW(fw->inds, fw->capinds, fw->ninds + 1);
		in = &fw->inds[fw->ninds++];
		in->id = mem_strdup(f[2]);
		in->text = mem_strdup(f[3]);
		in->comp = (size_t)c;
		in->level = lv;
		in->line = line;
	}
	return 0;
}

/* A second row for the same role and competency is a warning when it
 * repeats the level and an error when it contradicts it. */
static void set_target(struct fwload *l, int line, struct fw_competency *c,
		       int role, int lv)
{
	int old = c->target[role], at = c->target_line[role];

	if (old < 0) {
		c->target[role] = lv;
		c->target_line[role] = line;
	} else if (old == lv) {
		diag_add(l->d, DIAG_WARNING, l->file, line, "doel voor rol %c "
			 "en competentie '%s' staat er al op regel %d",
			 'A' + role, c->id, at);
	} else {
		diag_add(l->d, DIAG_ERROR, l->file, line, "doelniveau %d voor "
			 "rol %c en competentie '%s' botst met niveau %d op regel %d",
			 lv, 'A' + role, c->id, old, at);
		l->errors++;
	}
}

static int target_row(void *ctx, int line, char **f, size_t n)
{
	struct fwload *l = ctx;
	int c, lv, role;

	if (header(l, line, f, n, "role,competency,level"))
		return 0;
	if (n != 3) {
		fw_err(l, line, "verwacht 3 velden (role,competency,level)");
		return 0;
	}
	role = (f[0][0] >= 'A' && f[0][0] <= 'C' && !f[0][1]) ? f[0][0] - 'A' : -1;
	c = framework_comp(l->fw, f[1]);
	lv = parse_level(f[2], 0, 3);
	if (role < 0)
		fw_err(l, line, "rol '%s' moet A, B of C zijn", f[0]);
	else if (c < 0)
		fw_err(l, line, "onbekende competentie '%s'", f[1]);
	else if (lv < 0)
		fw_err(l, line, "doelniveau '%s' moet 0 tot en met 3 zijn", f[2]);
	else
		set_target(l, line, &l->fw->comps[c], role, lv);
	return 0;
}

static void read_part(struct fwload *l, const char *name, csvfile_row_fn fn)
{
	char *p = path_join(l->fw->dir, name);

	l->file = p;
	l->rows = l->foreign = 0;
	if (csvfile_read(p, fn, l, l->d, 0) != 0)
		l->errors++;
	l->file = NULL;
	free(p);
}

static void check_complete(struct fwload *l)
{
	struct framework *fw = l->fw;
	char *p = path_join(fw->dir, "targets.csv");
	size_t i;
	int r;

	l->file = p;
	if (fw->ncomps == 0) {
		char *cp = path_join(fw->dir, "competencies.csv");
		diag_add(l->d, DIAG_ERROR, cp, 0,
			 "bevat geen competenties; minstens één is nodig");
		l->errors++;
		free(cp);
	}
	for (i = 0; i < fw->ncomps; i++)
		for (r = 0; r < 3; r++)
			if (fw->comps[i].target[r] < 0) {
				char role[2] = {(char)('A' + r), 0};
				diag_add(l->d, DIAG_ERROR, p, 0,
					 "geen doelniveau voor competentie '%s' bij rol %s",
					 fw->comps[i].id, role);
				l->errors++;
			}
	if (fw->name == NULL)
		diag_add(l->d, DIAG_ERROR, fw->dir, 0, "framework.csv mist 'name'");
	l->errors += fw->name == NULL;
	l->file = NULL;
	free(p);
}

int framework_load(struct framework *fw, const char *dir, struct diag *d)
{
	struct fwload l = {.fw = fw, .d = d};
	const char *slash;
	size_t n = strlen(dir);

	memset(fw, 0, sizeof *fw);
	while (n > 1 && dir[n - 1] == '/')
		n--;
	fw->dir = mem_strndup(dir, n);
	slash = strrchr(fw->dir, '/');
	fw->id = mem_strdup(slash ? slash + 1 : fw->dir);
	read_part(&l, "framework.csv", meta_row);
	read_part(&l, "competencies.csv", comp_row);
	read_part(&l, "indicators.csv", ind_row);
	read_part(&l, "targets.csv", target_row);
	if (l.errors == 0)
		check_complete(&l);
	return l.errors ? -1 : 0;
}

int framework_comp(const struct framework *fw, const char *id)
{
	size_t i;

	for (i = 0; i < fw->ncomps; i++)
		if (strcmp(fw->comps[i].id, id) == 0)
			return (int)i;
	return -1;
}

int framework_ind(const struct framework *fw, const char *id)
{
	size_t i;

	for (i = 0; i < fw->ninds; i++)
		if (strcmp(fw->inds[i].id, id) == 0)
			return (int)i;
	return -1;
}

int framework_evidence(const struct framework *fw, int cached, const char *id)
{
	if (cached >= 0 && (size_t)cached < fw->ninds && strcmp(fw->inds[cached].id, id) == 0)
		return cached;
	return framework_ind(fw, id);
}

int framework_target(const struct framework *fw, size_t c, char role)
{
	if (c >= fw->ncomps || role < 'A' || role > 'C')
		return 0;
	return fw->comps[c].target[role - 'A'];
}

void framework_free(struct framework *fw)
{
	size_t i;

	for (i = 0; i < fw->ncomps; i++) {
		free(fw->comps[i].id);
		free(fw->comps[i].name);
		free(fw->comps[i].cluster);
		free(fw->comps[i].definition);
	}
	for (i = 0; i < fw->ninds; i++) {
		free(fw->inds[i].id);
		free(fw->inds[i].text);
	}
	for (i = 0; i < 4; i++)
		free(fw->level_name[i]);
	free(fw->comps);
	free(fw->inds);
	free(fw->id);
	free(fw->dir);
	free(fw->name);
	free(fw->year);
	free(fw->source);
	memset(fw, 0, sizeof *fw);
}
