/*
 * content: directory walking and look-ups. Scenarios are looked up by id
 * (file name without .ini) or by a path to their file; older versions by
 * id and hash, through the stores of versions.h. A file or folder is
 * loaded only when its name (without .ini) is an id, so a copy beside the
 * original ("x.oud.ini", "x (kopie).ini") can never take its place.
 */
#include "content.h"
#include "buf.h"
#include "mem.h"
#include "path.h"
#include "text.h"
#include "versions.h"

#include <dirent.h>
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/* Older versions loaded so far; each one allocated on its own so that the
 * pointers handed out stay valid while more are loaded. */
struct content_older {
	struct scenario **v;
	size_t n, cap;
};

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
		MEM_GROW(*out, cap, n + 1);
		(*out)[n++] = path_join(dir, e->d_name);
	}
	closedir(dp);
	if (n)
		qsort(*out, n, sizeof **out, cmp_str);
	return n;
}

/* Length of the longest prefix of s that an id may hold. */
static size_t id_span(const char *s)
{
	return strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789-");
}

static const char *base_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/* 0 when entry i of the n listed may be loaded: its name without suffix is
 * an id. Else an error says it is not loaded and, when its name starts
 * with the id of another entry (a copy), names that entry too. */
static int check_name(char *const *v, size_t n, size_t i, const char *suffix,
		      struct diag *d)
{
	const char *base = base_of(v[i]);
	size_t run = id_span(base), k;

	if (run > 0 && run == strlen(base) - strlen(suffix))
		return 0;
	for (k = 0; run > 0 && k < n; k++) {
		const char *o = base_of(v[k]);
		if (k != i && strncmp(o, base, run) == 0 &&
		    strcmp(o + run, suffix) == 0) {
			diag_add(d, DIAG_ERROR, v[i], 0,
				 "heeft dezelfde id '%.*s' als %s; niet geladen "
				 "(verwijder of hernoem deze kopie)",
				 (int)run, base, v[k]);
			return -1;
		}
	}
	diag_add(d, DIAG_ERROR, v[i], 0, "naam is geen id (alleen kleine "
		 "letters, cijfers en -); niet geladen");
	return -1;
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

	if (strcmp(base_of(dir), "crosswalk") == 0)
		return 0;	/* not a framework: load_crosswalks reads it */
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

/* Load every entry of dir named <id><suffix> (with only set, just the one
 * of that id); every other name is an error. */
static int load_each(struct content *c, const char *dir, const char *suffix,
		     const char *only,
		     int (*add)(struct content *, const char *, struct diag *),
		     struct diag *d, size_t *found)
{
	char **v;
	size_t n = list_dir(dir, suffix, &v), i;
	int failed = 0;

	for (i = 0; i < n; i++) {
		const char *base = base_of(v[i]);
		if (suffix[0] == '\0' && !path_isdir(v[i]))
			continue;
		if (check_name(v, n, i, suffix, d) != 0)
			failed++;
		else if (only && (strncmp(base, only, strlen(only)) != 0 ||
				  strcmp(base + strlen(only), suffix) != 0))
			continue;
		else
			failed += add(c, v[i], d) != 0;
		(*found)++;
	}
	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
	return failed;
}

static int known_fw(void *c, const char *id)
{
	return content_framework(c, id) != NULL;
}

/* Load the crosswalk file path, named <from>-<to>.csv after two loaded
 * frameworks. */
static int add_crosswalk(struct content *c, const char *path, struct diag *d)
{
	char *from, *to;
	struct crosswalk cw;
	int rc = -1;

	if (crosswalk_name(base_of(path), known_fw, c, &from, &to) != 0) {
		diag_add(d, DIAG_ERROR, path, 0, "naam moet <van>-<naar>.csv "
			 "zijn, met twee geladen frameworks; niet geladen");
		return -1;
	}
	if (crosswalk_load(&cw, path, content_framework(c, from),
			   content_framework(c, to), d) != 0) {
		crosswalk_free(&cw);
	} else {
		MEM_GROW(c->cws, c->capcws, c->ncws + 1);
		c->cws[c->ncws++] = cw;
		rc = 0;
	}
	free(from);
	free(to);
	return rc;
}

/* Load every .csv in dir as a crosswalk. */
static int load_crosswalks(struct content *c, const char *dir, struct diag *d)
{
	char **v;
	size_t n = list_dir(dir, ".csv", &v), i;
	int failed = 0;

	for (i = 0; i < n; i++) {
		failed += add_crosswalk(c, v[i], d) != 0;
		free(v[i]);
	}
	free(v);
	return failed;
}

/* Load everything, or with only set (an id, not a path) just that scenario;
 * the personas and frameworks are always loaded, scenarios refer to them. */
static int load(struct content *c, const char *root, const char *only, struct diag *d)
{
	char *pd = path_join(root, "personas");
	char *fd = path_join(root, "content/frameworks");
	char *sd = path_join(root, "content/scenarios"), *cd;
	size_t found = 0;
	int failed = 0;

	memset(c, 0, sizeof *c);
	c->root = mem_strdup(root);
	c->older = mem_calloc(1, sizeof *c->older);
	failed += load_each(c, pd, ".ini", NULL, add_persona, d, &found);
	failed += load_each(c, fd, "", NULL, add_framework, d, &found);
	cd = path_join(fd, "crosswalk");
	failed += load_crosswalks(c, cd, d);
	free(cd);
	if (only && strchr(only, '/'))
		only = NULL;
	failed += load_each(c, sd, ".ini", only, add_scenario, d, &found);
	c->root_npersonas = c->npersonas;
	c->root_nfws = c->nfws;
	c->root_nscs = c->nscs;
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

/* 1 when the first line that is not blank or a comment is [persona]. */
static int is_persona_file(FILE *fp)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	int first = 1, persona = 0;

	while ((n = getline(&line, &cap, fp)) != -1) {
		const char *s = line + (first ? text_bom(line, (size_t)n) : 0);
		first = 0;
		s += strspn(s, " \t\r\n");
		if (*s != ';' && *s != '#' && *s != '\0') {
			persona = strncmp(s, "[persona]", 9) == 0;
			break;
		}
	}
	free(line);
	return persona;
}

/* The file of an item added by an earlier explicit path (index from on)
 * with the id of the last of the n items of arr, or NULL. */
static const char *twin(const void *arr, size_t size, size_t from, size_t n,
			size_t id_off, size_t file_off)
{
	const char *a = arr;
	const char *id = *(char *const *)(a + (n - 1) * size + id_off);
	size_t i;

	for (i = from; i + 1 < n; i++)
		if (strcmp(*(char *const *)(a + i * size + id_off), id) == 0)
			return *(char *const *)(a + i * size + file_off);
	return NULL;
}

#define TWIN(arr, n, from, type, file) \
	twin(arr, sizeof *(arr), from, n, offsetof(type, id), \
	     offsetof(type, file))

/* Add what path holds; its kind in *kind ('f', 'p', 's' or 'c'). */
static int add_any(struct content *c, const char *path, struct diag *d,
		   int *kind)
{
	char *fwfile = path_join(path, "framework.csv");
	int isfw = path_isfile(fwfile), persona;
	size_t len = strlen(path);
	FILE *fp;

	free(fwfile);
	*kind = 'f';
	if (isfw)
		return add_framework(c, path, d);
	*kind = 'c';
	if (len > 4 && strcmp(path + len - 4, ".csv") == 0)
		return add_crosswalk(c, path, d);
	fp = path_fopen_read(path, PATH_MAX_INI);
	if (fp == NULL && errno == EISDIR) {
		diag_add(d, DIAG_ERROR, path, 0, "geen scenario-, persona- of frameworkbestand");
		return -1;
	}
	if (fp == NULL) {
		path_read_failed(d, DIAG_ERROR, path, PATH_MAX_INI);
		return -1;
	}
	persona = is_persona_file(fp);
	fclose(fp);
	*kind = persona ? 'p' : 's';
	return persona ? add_persona(c, path, d) : add_scenario(c, path, d);
}

int content_add_path(struct content *c, const char *path, struct diag *d)
{
	const char *other = NULL, *id = NULL;
	int kind;

	if (add_any(c, path, d, &kind) != 0)
		return -1;
	if (kind == 'f' && (other = TWIN(c->fws, c->nfws, c->root_nfws,
					 struct framework, dir)))
		id = c->fws[c->nfws - 1].id;
	else if (kind == 'p' &&
		 (other = TWIN(c->personas, c->npersonas, c->root_npersonas,
			       struct persona, file)))
		id = c->personas[c->npersonas - 1].id;
	else if (kind == 's' &&
		 (other = TWIN(c->scs, c->nscs, c->root_nscs,
			       struct scenario, file)))
		id = c->scs[c->nscs - 1].id;
	if (other == NULL)
		return 0;
	diag_add(d, DIAG_ERROR, path, 0, "heeft dezelfde id '%s' als %s; "
		 "niet gecontroleerd", id, other);
	if (kind == 'f')
		framework_free(&c->fws[--c->nfws]);
	else if (kind == 'p')
		persona_free(&c->personas[--c->npersonas]);
	else
		scenario_free(&c->scs[--c->nscs]);
	return -1;
}

const struct persona *content_persona(const struct content *c, const char *id)
{
	size_t i;

	for (i = c->npersonas; i-- > 0;)
		if (strcmp(c->personas[i].id, id) == 0)
			return &c->personas[i];
	return NULL;
}

const struct framework *content_framework(const struct content *c, const char *id)
{
	size_t i;

	for (i = c->nfws; i-- > 0;)
		if (strcmp(c->fws[i].id, id) == 0)
			return &c->fws[i];
	return NULL;
}

const struct crosswalk *content_crosswalk(const struct content *c,
					  const char *from, const char *to)
{
	size_t i;

	for (i = c->ncws; i-- > 0;)
		if (strcmp(c->cws[i].from, from) == 0 &&
		    strcmp(c->cws[i].to, to) == 0)
			return &c->cws[i];
	return NULL;
}

const struct scenario *content_scenario(const struct content *c, const char *id)
{
	size_t i;

	for (i = c->nscs; i-- > 0;)
		if (strcmp(c->scs[i].id, id) == 0 || strcmp(c->scs[i].file, id) == 0)
			return &c->scs[i];
	return NULL;
}

const struct scenario *content_persona_scenario(const struct content *c,
						const char *id, size_t n)
{
	size_t i;

	for (i = 0; i < c->nscs; i++)
		if (strcmp(c->scs[i].persona, id) == 0 && n-- == 0)
			return &c->scs[i];
	return NULL;
}

void content_set_store(struct content *c, const char *dir)
{
	free(c->store);
	c->store = dir ? mem_strdup(dir) : NULL;
}

int content_keep(const struct content *c, const struct scenario *sc,
		 struct diag *d)
{
	if (c->store == NULL)
		return 0;
	return versions_keep(c->store, sc->file, sc->id, sc->version, d);
}

/* A copy of version of scenario id from the stores, loaded and kept in
 * c->older; NULL when there is none (or it does not load). */
static const struct scenario *load_older(const struct content *c,
					 const char *id, const char *version,
					 struct diag *d)
{
	char *bundled = path_join(c->root, "content/versions");
	const char *dirs[2] = {c->store, bundled};
	char *file = versions_find(dirs, 2, id, version);
	struct content_older *o = c->older;
	struct scenario *sc = NULL;

	if (file) {
		sc = mem_calloc(1, sizeof *sc);
		if (scenario_load(sc, file, d) == 0) {
			resolve(c, sc);
			MEM_GROW(o->v, o->cap, o->n + 1);
			o->v[o->n++] = sc;
		} else {
			scenario_free(sc);
			free(sc);
			sc = NULL;
		}
	}
	free(file);
	free(bundled);
	return sc;
}

const struct scenario *content_version(const struct content *c, const char *id,
				       const char *version, const char *path,
				       struct diag *d)
{
	const struct scenario *cur = content_scenario(c, id), *sc = NULL;
	size_t i;

	if (cur && strcmp(cur->version, version) == 0)
		return cur;
	for (i = 0; c->older && i < c->older->n && sc == NULL; i++)
		if (strcmp(c->older->v[i]->id, id) == 0 &&
		    strcmp(c->older->v[i]->version, version) == 0)
			sc = c->older->v[i];
	if (sc == NULL && c->older)
		sc = load_older(c, id, version, d);
	if (sc == NULL)
		diag_add(d, DIAG_ERROR, path, 0, "versie %s van scenario '%s' "
			 "niet gevonden (gezocht in %s, %s/content/versions en "
			 "%s/content/scenarios)", version, id,
			 c->store ? c->store : "(geen gegevensmap)", c->root,
			 c->root);
	return sc;
}

void content_free(struct content *c)
{
	size_t i;

	for (i = 0; c->older && i < c->older->n; i++) {
		scenario_free(c->older->v[i]);
		free(c->older->v[i]);
	}
	if (c->older)
		free(c->older->v);
	free(c->older);
	free(c->store);

	for (i = 0; i < c->npersonas; i++)
		persona_free(&c->personas[i]);
	for (i = 0; i < c->nfws; i++)
		framework_free(&c->fws[i]);
	for (i = 0; i < c->ncws; i++)
		crosswalk_free(&c->cws[i]);
	free(c->cws);
	for (i = 0; i < c->nscs; i++)
		scenario_free(&c->scs[i]);
	free(c->personas);
	free(c->fws);
	free(c->scs);
	free(c->root);
	memset(c, 0, sizeof *c);
}
