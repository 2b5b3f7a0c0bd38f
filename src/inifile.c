/*
 * inifile: a line scanner that indexes sections and keys and rejects what
 * iniparser would misread, then iniparser itself for the values. Only a
 * file that passes the scan is handed to iniparser, so the two always agree
 * on what the file says; the lines of broken loose keys are blanked in a
 * copy first.
 */
#include "kcconfig.h"
#include "inifile.h"
#include "buf.h"
#include "mem.h"
#include "path.h"
#include "text.h"

#ifdef HAVE_INIPARSER_INIPARSER_H
#include <iniparser/iniparser.h>
#else
#include <iniparser.h>
#endif
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct scan {
	struct inifile *f;
	struct diag *d;
	char *cursec;
	int errors, skip;	/* skip: keys of a duplicate section */
	int binary;		/* not text: reported once, rest ignored */
	const char *const *loose;	/* "section.key" list, or NULL */
	int bom;		/* the file starts with a byte-order mark */
};

static void scan_err(struct scan *sc, int line, const char *msg, const char *arg)
{
	diag_add(sc->d, DIAG_ERROR, sc->f->path, line, msg, arg);
	sc->errors++;
}

/* Strip the white space iniparser strips (isspace in the C locale), so
 * both see the same names and values. */
static char *strip(char *s)
{
	static const char ws[] = " \t\n\v\f\r";
	char *e;

	s += strspn(s, ws);
	e = s + strlen(s);
	while (e > s && strchr(ws, e[-1]))
		*--e = '\0';
	return s;
}

static int has_upper(const char *s)
{
	for (; *s; s++)
		if (isupper((unsigned char)*s))
			return 1;
	return 0;
}

static void scan_section(struct scan *sc, char *s, int line)
{
	char *name;
	size_t i, n = strlen(s);
	struct inifile *f = sc->f;

	s[n - 1] = '\0';
	name = strip(s + 1);
	if (*name == '\0' || strchr(name, ']') || strchr(name, ':')) {
		scan_err(sc, line, "ongeldige sectienaam [%s]", name);
		return;
	}
	if (has_upper(name))
		scan_err(sc, line, "sectienaam [%s] bevat hoofdletters; gebruik kleine letters", name);
	for (i = 0; i < f->nsecs; i++)
		if (strcasecmp(f->secs[i].name, name) == 0) {
			struct buf b = {0};
			buf_printf(&b, "%s] komt al voor op regel %d", name, f->secs[i].line);
			scan_err(sc, line, "sectie [%s", buf_str(&b));
			buf_free(&b);
			sc->skip = 1;
			return;
		}
	mem_grow(&f->secs, &f->capsecs, f->nsecs + 1, sizeof *f->secs);
	f->secs[f->nsecs].name = mem_strdup(name);
	f->secs[f->nsecs].line = line;
	sc->cursec = f->secs[f->nsecs++].name;
	sc->skip = 0;
}

/* What iniparser would misread in value v, as a format taking the key;
 * NULL when nothing. */
static const char *value_problem(const char *v)
{
	size_t n = strlen(v);

	if (v[0] == '"' || v[0] == '\'') {
		if (n < 2 || v[n - 1] != v[0] || memchr(v + 1, v[0], n - 2))
			return "waarde van '%s' heeft aanhalingstekens die niet kloppen";
	} else if (strpbrk(v, ";#")) {
		return "waarde van '%s' bevat ';' of '#'; die knippen de tekst af";
	} else if (n > 0 && v[n - 1] == '\\') {
		return "waarde van '%s' eindigt op '\\'; vervolgregels worden niet ondersteund";
	}
	return NULL;
}

/* Is the n bytes at key a loose key of the current section? */
static int is_loose(const struct scan *sc, const char *key, size_t n)
{
	const char *const *l;
	size_t sl;

	if (sc->loose == NULL || sc->cursec == NULL || sc->skip)
		return 0;
	sl = strlen(sc->cursec);
	for (l = sc->loose; *l; l++)
		if (strncmp(*l, sc->cursec, sl) == 0 && (*l)[sl] == '.' &&
		    strlen(*l + sl + 1) == n &&
		    strncmp(*l + sl + 1, key, n) == 0)
			return 1;
	return 0;
}

/* Report problem msg (a format taking the key, or the line length) on a
 * key line: an error, or for a loose key a warning. 1 when the key is kept
 * as broken. */
static int key_problem(struct scan *sc, const char *key, int line,
		       const char *msg, size_t len)
{
	struct buf b = {0};
	int loose = is_loose(sc, key, strlen(key));

	if (msg)
		buf_printf(&b, msg, key);
	else
		buf_printf(&b, "regel is %zu bytes; het maximum is %d", len,
			   INIFILE_MAX_LINE);
	if (loose)
		buf_add(&b, "; deze regel wordt overgeslagen");
	diag_add(sc->d, loose ? DIAG_WARNING : DIAG_ERROR, sc->f->path, line,
		 "%s", buf_str(&b));
	sc->errors += !loose;
	buf_free(&b);
	return loose;
}

static void scan_key(struct scan *sc, char *s, int line, size_t len)
{
	struct inifile *f = sc->f;
	char *eq = strchr(s, '='), *key, *val;
	const char *problem;
	size_t i;
	int broken = 0;

	*eq = '\0';
	key = strip(s);
	val = strip(eq + 1);
	if (*key == '\0' || strpbrk(key, " \t:[]")) {
		scan_err(sc, line, "ongeldige sleutel '%s'", key);
		return;
	}
	if (sc->skip)
		return;
	if (sc->cursec == NULL) {
		scan_err(sc, line, "sleutel '%s' staat buiten een [sectie]", key);
		return;
	}
	if (has_upper(key))
		scan_err(sc, line, "sleutel '%s' bevat hoofdletters; gebruik kleine letters", key);
	problem = len > INIFILE_MAX_LINE ? NULL : value_problem(val);
	if (problem || len > INIFILE_MAX_LINE)
		broken = key_problem(sc, key, line, problem, len);
	for (i = f->nkeys; i-- > 0;) {
		if (f->keys[i].section != sc->cursec)
			break;
		if (strcasecmp(f->keys[i].key, key) == 0) {
			struct buf b = {0};
			buf_printf(&b, "%s' komt al voor op regel %d", key, f->keys[i].line);
			scan_err(sc, line, "sleutel '%s", buf_str(&b));
			buf_free(&b);
			return;
		}
	}
	mem_grow(&f->keys, &f->capkeys, f->nkeys + 1, sizeof *f->keys);
	memset(&f->keys[f->nkeys], 0, sizeof *f->keys);
	f->keys[f->nkeys].section = sc->cursec;
	f->keys[f->nkeys].key = mem_strdup(key);
	f->keys[f->nkeys].quoted = !broken && val[0] == '"';
	f->keys[f->nkeys].broken = broken;
	f->keys[f->nkeys++].line = line;
}

/* Is the over-long line s (stripped) a loose key's line? */
static int loose_line(const struct scan *sc, const char *s)
{
	const char *eq = strchr(s, '='), *e;

	if (eq == NULL || *s == '[' || *s == ';' || *s == '#')
		return 0;
	for (e = eq; e > s && isspace((unsigned char)e[-1]); e--)
		;
	return is_loose(sc, s, (size_t)(e - s));
}

static void scan_line(struct scan *sc, char *raw, size_t len, int line)
{
	char *s;

	if (sc->binary)
		return;
	if (memchr(raw, '\0', len) || !text_valid(raw, len)) {
		scan_err(sc, line, "%songeldige UTF-8 of een NUL-teken; is dit een tekstbestand?", "");
		sc->binary = 1;
		return;
	}
	s = strip(raw);
	if (len > INIFILE_MAX_LINE && !loose_line(sc, s)) {
		diag_add(sc->d, DIAG_ERROR, sc->f->path, line,
			 "regel is %zu bytes; het maximum is %d", len, INIFILE_MAX_LINE);
		sc->errors++;
		return;
	}
	if ((*s == ';' || *s == '#') && s[strlen(s) - 1] == '\\') {
		/* iniparser would join the next line to the comment */
		scan_err(sc, line, "%scommentaar eindigt op '\\'; vervolgregels worden niet ondersteund", "");
		return;
	}
	if (*s == '\0' || *s == ';' || *s == '#')
		return;
	if (*s == '[' && s[strlen(s) - 1] == ']')
		scan_section(sc, s, line);
	else if (strchr(s, '='))
		scan_key(sc, s, line, len);
	else	/* not quoted: the file may be a private one a link points to */
		scan_err(sc, line, "%sregel niet begrepen (verwacht "
			 "[sectie] of sleutel = waarde)", "");
}

static int scan_file(struct scan *sc, FILE *fp)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	int lineno = 0;

	while ((n = getline(&line, &cap, fp)) != -1) {
		size_t bom = lineno++ == 0 ? text_bom(line, (size_t)n) : 0;
		if (n > 0 && line[n - 1] == '\n')
			line[--n] = '\0';
		sc->bom |= bom > 0;
		scan_line(sc, line + bom, (size_t)n - bom, lineno);
	}
	free(line);
	return ferror(fp) ? -1 : 0;
}

static size_t key_hash(const char *sec, const char *key, size_t seclen)
{
	size_t h = 1469598103934665603ULL, i;

	for (i = 0; i < seclen; i++)
		h = (h ^ (unsigned char)sec[i]) * 1099511628211ULL;
	h = (h ^ 0x3a) * 1099511628211ULL;
	for (; *key; key++)
		h = (h ^ (unsigned char)*key) * 1099511628211ULL;
	return h;
}

/* Index of section:key (section given as seclen bytes), or -1. */
static long find_key(const struct inifile *f, const char *sec, size_t seclen, const char *key)
{
	size_t m, h;

	if (f->nslot == 0)
		return -1;
	m = f->nslot - 1;
	for (h = key_hash(sec, key, seclen) & m; f->slot[h]; h = (h + 1) & m) {
		const struct inifile_key *k = &f->keys[f->slot[h] - 1];
		if (strlen(k->section) == seclen && strncmp(k->section, sec, seclen) == 0 &&
		    strcmp(k->key, key) == 0)
			return (long)f->slot[h] - 1;
	}
	return -1;
}

/* Index every key, then take each value from iniparser's dictionary in one
 * pass (its own look-ups scan the whole dictionary every time). */
static void index_values(struct inifile *f)
{
	const dictionary *dict = f->dict;
	size_t i, m;
	ssize_t k;

	for (f->nslot = 16; f->nslot < f->nkeys * 2; f->nslot *= 2)
		;
	f->slot = mem_calloc(f->nslot, sizeof *f->slot);
	m = f->nslot - 1;
	for (i = 0; i < f->nkeys; i++) {
		size_t h = key_hash(f->keys[i].section, f->keys[i].key,
				    strlen(f->keys[i].section)) & m;
		while (f->slot[h])
			h = (h + 1) & m;
		f->slot[h] = i + 1;
	}
	for (k = 0; k < dict->size; k++) {
		const char *colon = dict->key[k] ? strchr(dict->key[k], ':') : NULL;
		long ix;
		if (colon == NULL)
			continue;
		ix = find_key(f, dict->key[k], (size_t)(colon - dict->key[k]), colon + 1);
		if (ix >= 0)
			f->keys[ix].value = dict->val[k] ? dict->val[k] : "";
	}
}

static int ini_silent(const char *fmt, ...)
{
	(void)fmt;
	return 0;
}

/* iniparser on a private copy of path (an unnamed temporary file) in
 * which the lines of broken keys are blank and a byte-order mark is left
 * out, so it never sees them; line numbers stay the same. iniparser 4.1
 * reads only from a path and would take a mark for part of the first
 * line. */
static dictionary *load_copy(const struct inifile *f, int bom)
{
	FILE *in = path_fopen_read(f->path, PATH_MAX_INI), *out = tmpfile();
	dictionary *dict = NULL;
	char *line = NULL, fdpath[32];
	size_t cap = 0, k = 0, skip;
	int lineno = 0, blank;

	while (in && out && getline(&line, &cap, in) != -1) {
		lineno++;
		while (k < f->nkeys &&
		       (!f->keys[k].broken || f->keys[k].line < lineno))
			k++;
		blank = k < f->nkeys && f->keys[k].line == lineno;
		skip = lineno == 1 && bom ? text_bom(line, strlen(line)) : 0;
		fputs(blank ? "\n" : line + skip, out);
	}
	if (in && out && !ferror(in) && fflush(out) == 0) {
		snprintf(fdpath, sizeof fdpath, "/dev/fd/%d", fileno(out));
		dict = iniparser_load(fdpath);
	}
	free(line);
	if (in)
		fclose(in);
	if (out)
		fclose(out);
	return dict;
}

static int has_broken(const struct inifile *f)
{
	size_t i;

	for (i = 0; i < f->nkeys; i++)
		if (f->keys[i].broken)
			return 1;
	return 0;
}

int inifile_load(struct inifile *f, const char *path, struct diag *d)
{
	return inifile_load_loose(f, path, NULL, d);
}

int inifile_load_loose(struct inifile *f, const char *path,
		       const char *const *loose, struct diag *d)
{
	struct scan sc = {f, d, NULL, 0, 0, 0, loose, 0};
	FILE *fp = path_fopen_read(path, PATH_MAX_INI);
	int fd;

	memset(f, 0, sizeof *f);
	f->path = mem_strdup(path);
	if (fp == NULL) {
		path_read_failed(d, DIAG_ERROR, path, PATH_MAX_INI);
		return -1;
	}
	if (scan_file(&sc, fp) != 0) {
		diag_add(d, DIAG_ERROR, path, 0, "leesfout: %s", strerror(errno));
		sc.errors++;
	}
	fclose(fp);
	if (sc.errors)
		return -1;
	iniparser_set_error_callback(ini_silent);
	/* iniparser (or load_copy) opens the file again: check that it is still a
	 * regular file within the limit, so it cannot block on a FIFO */
	fd = path_open_read(path, PATH_MAX_INI);
	if (fd < 0) {
		path_read_failed(d, DIAG_ERROR, path, PATH_MAX_INI);
		return -1;
	}
	close(fd);
	f->dict = has_broken(f) || sc.bom ? load_copy(f, sc.bom) : iniparser_load(path);
	if (f->dict == NULL) {
		diag_add(d, DIAG_ERROR, path, 0, "iniparser kan het bestand niet lezen");
		return -1;
	}
	index_values(f);
	return 0;
}

const char *inifile_get(const struct inifile *f, const char *sec, const char *key)
{
	const struct inifile_key *k = inifile_find(f, sec, key);

	return k ? k->value : NULL;
}

const struct inifile_key *inifile_find(const struct inifile *f,
				       const char *sec, const char *key)
{
	long ix = find_key(f, sec, strlen(sec), key);

	return ix >= 0 ? &f->keys[ix] : NULL;
}

int inifile_line(const struct inifile *f, const char *sec, const char *key)
{
	long ix = key ? find_key(f, sec, strlen(sec), key) : -1;
	size_t i;

	if (ix >= 0)
		return f->keys[ix].line;
	for (i = 0; i < f->nsecs; i++)
		if (strcmp(f->secs[i].name, sec) == 0)
			return f->secs[i].line;
	return 0;
}

void inifile_warn_unknown(const struct inifile *f, const char *sec,
			  const char *const *known, struct diag *d)
{
	size_t i, k;

	for (i = 0; i < f->nkeys; i++) {
		if (strcmp(f->keys[i].section, sec) != 0)
			continue;
		for (k = 0; known[k]; k++)
			if (strcmp(known[k], f->keys[i].key) == 0)
				break;
		if (known[k] == NULL)
			diag_add(d, DIAG_WARNING, f->path, f->keys[i].line,
				 "onbekende sleutel '%s' in [%s]", f->keys[i].key, sec);
	}
}

void inifile_free(struct inifile *f)
{
	size_t i;

	if (f->dict)
		iniparser_freedict(f->dict);
	for (i = 0; i < f->nsecs; i++)
		free(f->secs[i].name);
	for (i = 0; i < f->nkeys; i++)
		free(f->keys[i].key);
	free(f->secs);
	free(f->keys);
	free(f->slot);
	free(f->path);
	memset(f, 0, sizeof *f);
}
