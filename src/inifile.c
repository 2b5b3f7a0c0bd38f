/*
 * inifile: a line scanner that indexes sections and keys and rejects what
 * iniparser would misread, then iniparser itself for the values. Only a
 * file that passes the scan is handed to iniparser, so the two always agree
 * on what the file says.
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

static void scan_value(struct scan *sc, const char *key, const char *v, int line)
{
	size_t n = strlen(v);

	if (v[0] == '"' || v[0] == '\'') {
		if (n < 2 || v[n - 1] != v[0] || memchr(v + 1, v[0], n - 2))
			scan_err(sc, line, "waarde van '%s' heeft aanhalingstekens die niet kloppen", key);
	} else if (strpbrk(v, ";#")) {
		scan_err(sc, line, "waarde van '%s' bevat ';' of '#'; die knippen de tekst af", key);
	} else if (n > 0 && v[n - 1] == '\\') {
		scan_err(sc, line, "waarde van '%s' eindigt op '\\'; vervolgregels worden niet ondersteund", key);
	}
}

static void scan_key(struct scan *sc, char *s, int line)
{
	struct inifile *f = sc->f;
	char *eq = strchr(s, '='), *key, *val;
	size_t i;

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
	scan_value(sc, key, val, line);
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
	f->keys[f->nkeys].section = sc->cursec;
	f->keys[f->nkeys].key = mem_strdup(key);
	f->keys[f->nkeys++].line = line;
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
	if (len > INIFILE_MAX_LINE) {
		diag_add(sc->d, DIAG_ERROR, sc->f->path, line,
			 "regel is %zu bytes; het maximum is %d", len, INIFILE_MAX_LINE);
		sc->errors++;
		return;
	}
	s = strip(raw);
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
		scan_key(sc, s, line);
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
		lineno++;
		if (n > 0 && line[n - 1] == '\n')
			line[--n] = '\0';
		scan_line(sc, line, (size_t)n, lineno);
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

int inifile_load(struct inifile *f, const char *path, struct diag *d)
{
	struct scan sc = {f, d, NULL, 0, 0, 0};
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
	/* iniparser opens the file itself: check again that it is still a
	 * regular file within the limit, so it cannot block on a FIFO */
	fd = path_open_read(path, PATH_MAX_INI);
	if (fd < 0) {
		path_read_failed(d, DIAG_ERROR, path, PATH_MAX_INI);
		return -1;
	}
	close(fd);
	f->dict = iniparser_load(path);
	if (f->dict == NULL) {
		diag_add(d, DIAG_ERROR, path, 0, "iniparser kan het bestand niet lezen");
		return -1;
	}
	index_values(f);
	return 0;
}

const char *inifile_get(const struct inifile *f, const char *sec, const char *key)
{
	long ix = find_key(f, sec, strlen(sec), key);

	return ix >= 0 ? f->keys[ix].value : NULL;
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
