/*
 * content: directory walking and look-ups. Scenarios are looked up by id
 * (file name without .ini) or by a path to their file.
 */
#include "content.h"
#include "buf.h"
#include "mem.h"
#include "path.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorted names in dir ending in suffix ("" = subdirectories). */
static size_t list_dir(const char *dir, const char *suffix, char ***out)
{
	DIR *dp = opendir(dir);
	struct dirent *e;
	size_t n = 0, cap = 0;

	*out = NULL;
	if (dp == NULL)
		return 0;
	while ((e = readdir(dp)) != NULL) {
		size_t len = strlen(e->d_name), sl = strlen(suffix);
		if (e->d_name[0] == '.' || len <= sl ||
		    strcmp(e->d_name + len - sl, suffix) != 0)
			continue;
		mem_grow(out, &cap, n + 1, sizeof **out);
		(*out)[n++] = path_join(dir, e->d_name);
	}
	closedir(dp);
	if (n)
		qsort(*out, n, sizeof **out, cmp_str);
	return n;
}

static int add_persona(struct content *c, const char *path, struct diag *d)
{
	struct persona p;

	if (persona_load(&p, path, d) != 0) {
		persona_free(&p);
		return -1;
	}
	c->personas = mem_realloc(c->personas, (c->npersonas + 1) * sizeof p);
	c->personas[c->npersonas++] = p;
	return 0;
}

static int add_framework(struct content *c, const char *dir, struct diag *d)
{
	struct framework fw;

	if (framework_load(&fw, dir, d) != 0) {
		framework_free(&fw);
		return -1;
	}
	c->fws = mem_realloc(c->fws, (c->nfws + 1) * sizeof fw);
	c->fws[c->nfws++] = fw;
	return 0;
}

/* Cache each evidence's indicator index in the scenario's framework. */
static void resolve(const struct content *c, struct scenario *sc)
{
	const struct framework *fw = content_framework(c, sc->framework);
	size_t s, e;
	int o;

	for (s = 0; fw && s < sc->nsteps; s++)
		for (o = 0; o < sc->steps[s].nopt; o++)
			for (e = 0; e < sc->steps[s].opt[o].nev; e++)
				sc->steps[s].opt[o].ev[e].ix =
					framework_ind(fw, sc->steps[s].opt[o].ev[e].ind);
}

static int add_scenario(struct content *c, const char *path, struct diag *d)
{
	struct scenario sc;

	if (scenario_load(&sc, path, d) != 0) {
		scenario_free(&sc);
		return -1;
	}
	resolve(c, &sc);
	c->scs = mem_realloc(c->scs, (c->nscs + 1) * sizeof sc);
	c->scs[c->nscs++] = sc;
	return 0;
}

static int load_each(struct content *c, const char *dir, const char *suffix,
		     int (*add)(struct content *, const char *, struct diag *),
		     struct diag *d, size_t *found)
{
	char **v;
	size_t n = list_dir(dir, suffix, &v), i;
	int failed = 0;

	for (i = 0; i < n; i++) {
		if (suffix[0] == '\0' && !path_isdir(v[i]))
			continue;
		failed += add(c, v[i], d) != 0;
		(*found)++;
	}
	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
	return failed;
}

/* Load everything, or with only set (an id, not a path) just that scenario;
 * the personas and frameworks are always loaded, scenarios refer to them. */
static int load(struct content *c, const char *root, const char *only, struct diag *d)
{
	char *pd = path_join(root, "personas");
	char *fd = path_join(root, "content/frameworks");
	char *sd = path_join(root, "content/scenarios");
	size_t found = 0;
	int failed = 0;

	memset(c, 0, sizeof *c);
	c->root = mem_strdup(root);
	failed += load_each(c, pd, ".ini", add_persona, d, &found);
	failed += load_each(c, fd, "", add_framework, d, &found);
	if (only && strchr(only, '/') == NULL) {
		struct buf b = {0};
		buf_printf(&b, "%s/%s.ini", sd, only);
		if (path_isfile(b.s))
			failed += add_scenario(c, b.s, d) != 0, found++;
		buf_free(&b);
	} else {
		failed += load_each(c, sd, ".ini", add_scenario, d, &found);
	}
	free(pd);
	free(fd);
	free(sd);
	if (found == 0) {
		diag_add(d, DIAG_ERROR, root, 0,
			 "geen inhoud gevonden (verwacht personas/ en content/scenarios/)");
		return -1;
	}
	return failed;
}

int content_load(struct content *c, const char *root, struct diag *d)
{
	return load(c, root, NULL, d);
}

int content_load_one(struct content *c, const char *root, const char *id, struct diag *d)
{
	return load(c, root, id, d);
}

int content_add_path(struct content *c, const char *path, struct diag *d)
{
	char *fwfile = path_join(path, "framework.csv");
	int isfw = path_isfile(fwfile), rc;
	FILE *fp;
	char line[64] = "";

	free(fwfile);
	if (isfw)
		return add_framework(c, path, d);
	fp = path_fopen_read(path, PATH_MAX_INI);
	if (fp == NULL && errno == EISDIR) {
		diag_add(d, DIAG_ERROR, path, 0, "geen scenario-, persona- of frameworkbestand");
		return -1;
	}
	if (fp == NULL) {
		path_read_failed(d, DIAG_ERROR, path, PATH_MAX_INI);
		return -1;
	}
	while (fgets(line, sizeof line, fp) && (line[0] == ';' || line[0] == '#' || line[0] == '\n'))
		;
	fclose(fp);
	rc = strncmp(line, "[persona]", 9) == 0 ? add_persona(c, path, d)
						: add_scenario(c, path, d);
	return rc;
}

const struct persona *content_persona(const struct content *c, const char *id)
{
	size_t i;

	for (i = 0; i < c->npersonas; i++)
		if (strcmp(c->personas[i].id, id) == 0)
			return &c->personas[i];
	return NULL;
}

const struct framework *content_framework(const struct content *c, const char *id)
{
	size_t i;

	for (i = 0; i < c->nfws; i++)
		if (strcmp(c->fws[i].id, id) == 0)
			return &c->fws[i];
	return NULL;
}

const struct scenario *content_scenario(const struct content *c, const char *id)
{
	size_t i;

	for (i = 0; i < c->nscs; i++)
		if (strcmp(c->scs[i].id, id) == 0 || strcmp(c->scs[i].file, id) == 0)
			return &c->scs[i];
	return NULL;
}

void content_free(struct content *c)
{
	size_t i;

	for (i = 0; i < c->npersonas; i++)
		persona_free(&c->personas[i]);
	for (i = 0; i < c->nfws; i++)
		framework_free(&c->fws[i]);
	for (i = 0; i < c->nscs; i++)
		scenario_free(&c->scs[i]);
	free(c->personas);
	free(c->fws);
	free(c->scs);
	free(c->root);
	memset(c, 0, sizeof *c);
}
