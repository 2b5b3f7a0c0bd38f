/*
 * inifile: reads a file once and scans its lines once: indexes sections
 * and keys (hash tables, so the scan stays linear), rejects what
 * iniparser would misread, and keeps each value as iniparser 4.1 reads
 * it. Only lines iniparser reads in one way pass, so a value is the text
 * after '=' without the white space around it and, when it is between
 * matching quotes, without the quotes.
 */
#include "kcconfig.h"
#include "inifile.h"
#include "buf.h"
#include "mem.h"
#include "path.h"
#include "text.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
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
};

/* An open-addressing table of entry index + 1 (0: empty) by hash. */
struct itab {
	struct islot {
		size_t hash, ix;
	} *s;
	size_t cap, n;
};

struct inifile_index {
	struct itab secs, keys;
};

#define FNV_BASIS ((size_t)1469598103934665603ULL)
#define FNV_PRIME ((size_t)1099511628211ULL)

/* FNV-1a of s on from h, case-folded as strcasecmp folds. */
static size_t fold_hash(size_t h, const char *s)
{
	for (; *s; s++)
		h = (h ^ (unsigned char)tolower((unsigned char)*s)) * FNV_PRIME;
	return h;
}

static size_t key_hash(const char *sec, const char *key)
{
	return fold_hash((fold_hash(FNV_BASIS, sec) ^ ':') * FNV_PRIME, key);
}

static void itab_put(struct itab *t, size_t hash, size_t ix)
{
	size_t m, pos;

	if ((t->n + 1) * 2 > t->cap) {
		struct itab old = *t;
		size_t i;
		t->cap = old.cap ? old.cap * 2 : 16;
		t->s = mem_calloc(t->cap, sizeof *t->s);
		t->n = 0;
		for (i = 0; i < old.cap; i++)
			if (old.s[i].ix)
				itab_put(t, old.s[i].hash, old.s[i].ix - 1);
		free(old.s);
	}
	m = t->cap - 1;
	for (pos = hash & m; t->s[pos].ix; pos = (pos + 1) & m)
		;
	t->s[pos].hash = hash;
	t->s[pos].ix = ix + 1;
	t->n++;
}

/* The next entry (index + 1) with hash h from slot *pos (start at h) on;
 * 0 when there is none. */
static size_t itab_next(const struct itab *t, size_t h, size_t *pos)
{
	size_t m = t->cap - 1;

	while (t->cap && t->s[*pos & m].ix) {
		const struct islot *sl = &t->s[(*pos)++ & m];
		if (sl->hash == h)
			return sl->ix;
	}
	return 0;
}

typedef int (*cmp_fn)(const char *, const char *);

/* Index of section name (compared with cmp), or -1. */
static long sec_find(const struct inifile *f, const char *name, cmp_fn cmp)
{
	size_t h = fold_hash(FNV_BASIS, name), pos = h, ix;

	if (f->ix == NULL)
		return -1;
	while ((ix = itab_next(&f->ix->secs, h, &pos)) != 0)
		if (cmp(f->secs[ix - 1].name, name) == 0)
			return (long)ix - 1;
	return -1;
}

/* Index of section:key (both compared with cmp), or -1. */
static long key_find(const struct inifile *f, const char *sec, const char *key,
		     cmp_fn cmp)
{
	size_t h = key_hash(sec, key), pos = h, ix;

	if (f->ix == NULL)
		return -1;
	while ((ix = itab_next(&f->ix->keys, h, &pos)) != 0) {
		const struct inifile_key *k = &f->keys[ix - 1];
		if (cmp(k->key, key) == 0 && cmp(k->section, sec) == 0)
			return (long)ix - 1;
	}
	return -1;
}

static void scan_err(struct scan *sc, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void scan_err(struct scan *sc, int line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vadd(sc->d, DIAG_ERROR, sc->f->path, line, fmt, ap);
	va_end(ap);
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
	size_t n = strlen(s);
	long dup;
	struct inifile *f = sc->f;
	struct inifile_section *sec;

	s[n - 1] = '\0';
	name = strip(s + 1);
	if (*name == '\0' || strchr(name, ']') || strchr(name, ':')) {
		scan_err(sc, line, "ongeldige sectienaam [%s]", name);
		return;
	}
	if (has_upper(name))
		scan_err(sc, line, "sectienaam [%s] bevat hoofdletters; gebruik kleine letters", name);
	if ((dup = sec_find(f, name, strcasecmp)) >= 0) {
		scan_err(sc, line, "sectie [%s] komt al voor op regel %d", name,
			 f->secs[dup].line);
		sc->skip = 1;
		return;
	}
	MEM_GROW(f->secs, f->capsecs, f->nsecs + 1);
	sec = &f->secs[f->nsecs];
	sec->name = mem_strdup(name);
	sec->line = line;
	sec->key0 = f->nkeys;
	sec->nkeys = 0;
	itab_put(&f->ix->secs, fold_hash(FNV_BASIS, name), f->nsecs++);
	sc->cursec = sec->name;
	sc->skip = 0;
}

/* What iniparser would misread in value v, said of "waarde van 'key'";
 * NULL when nothing. */
static const char *value_problem(const char *v)
{
	size_t n = strlen(v);

	if (v[0] == '"' || v[0] == '\'') {
		if (n < 2 || v[n - 1] != v[0] || memchr(v + 1, v[0], n - 2))
			return "heeft aanhalingstekens die niet kloppen";
	} else if (strpbrk(v, ";#")) {
		return "bevat ';' of '#'; die knippen de tekst af";
	} else if (n > 0 && v[n - 1] == '\\') {
		return "eindigt op '\\'; vervolgregels worden niet ondersteund";
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

/* Report problem msg (from value_problem, or NULL for the line length) on a
 * key line: an error, or for a loose key a warning. 1 when the key is kept
 * as broken. */
static int key_problem(struct scan *sc, const char *key, int line,
		       const char *msg, size_t len)
{
	struct buf b = {0};
	int loose = is_loose(sc, key, strlen(key));

	if (msg)
		buf_printf(&b, "waarde van '%s' %s", key, msg);
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

/* The value iniparser reads from v, which passed value_problem: without
 * the quotes when it is between them. */
static char *value_of(const char *v)
{
	size_t n = strlen(v);

	if (v[0] == '"' || v[0] == '\'')
		return mem_strndup(v + 1, n - 2);
	return mem_strdup(v);
}

static void scan_key(struct scan *sc, char *s, int line, size_t len)
{
	struct inifile *f = sc->f;
	char *eq = strchr(s, '='), *key, *val;
	const char *problem;
	struct inifile_key *k;
	long dup;
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
	if ((dup = key_find(f, sc->cursec, key, strcasecmp)) >= 0) {
		scan_err(sc, line, "sleutel '%s' komt al voor op regel %d", key,
			 f->keys[dup].line);
		return;
	}
	MEM_GROW(f->keys, f->capkeys, f->nkeys + 1);
	k = &f->keys[f->nkeys];
	memset(k, 0, sizeof *k);
	k->section = sc->cursec;
	k->key = mem_strdup(key);
	k->value = broken || problem ? NULL : value_of(val);
	k->quoted = !broken && val[0] == '"';
	k->broken = broken;
	k->line = line;
	f->secs[f->nsecs - 1].nkeys++;
	itab_put(&f->ix->keys, key_hash(sc->cursec, key), f->nkeys++);
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

/* No NUL and valid UTF-8; a run of plain ASCII is passed quickly. */
static int is_text(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((unsigned char)(s[i] - 1) >= 0x7f)	/* NUL or not ASCII */
			break;
	return i == n ||
	       (!memchr(s + i, '\0', n - i) && text_valid(s + i, n - i));
}

static void scan_line(struct scan *sc, char *raw, size_t len, int line)
{
	char *s;

	if (sc->binary)
		return;
	if (!is_text(raw, len)) {
		scan_err(sc, line, "ongeldige UTF-8 of een NUL-teken; is dit een tekstbestand?");
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
		scan_err(sc, line, "commentaar eindigt op '\\'; vervolgregels worden niet ondersteund");
		return;
	}
	if (*s == '\0' || *s == ';' || *s == '#')
		return;
	if (*s == '[' && s[strlen(s) - 1] == ']')
		scan_section(sc, s, line);
	else if (strchr(s, '='))
		scan_key(sc, s, line, len);
	else	/* not quoted: the file may be a private one a link points to */
		scan_err(sc, line, "regel niet begrepen (verwacht "
			 "[sectie] of sleutel = waarde)");
}

/* Scan every line of the bytes read, each copied so that it can be cut. */
static void scan_bytes(struct scan *sc)
{
	const char *p = sc->f->data, *end = p + sc->f->len, *nl;
	char *line = NULL;
	size_t cap = 0, n, bom;
	int lineno = 0;

	for (; p < end; p += n + (nl != NULL)) {
		nl = memchr(p, '\n', (size_t)(end - p));
		n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		bom = lineno++ == 0 ? text_bom(p, n) : 0;
		MEM_GROW(line, cap, n + 1);
		memcpy(line, p, n);
		line[n] = '\0';
		scan_line(sc, line + bom, n - bom, lineno);
	}
	free(line);
}

int inifile_load(struct inifile *f, const char *path, struct diag *d)
{
	return inifile_load_loose(f, path, NULL, d);
}

int inifile_load_loose(struct inifile *f, const char *path,
		       const char *const *loose, struct diag *d)
{
	int fd = path_open_read(path, PATH_MAX_INI), err;
	size_t len = 0;
	char *data = fd >= 0 ? path_read_fd(fd, &len) : NULL;

	err = errno;
	if (fd >= 0)
		close(fd);
	if (data && len > (size_t)PATH_MAX_INI) {	/* it grew */
		free(data);
		data = NULL;
		err = EFBIG;
	}
	if (data == NULL) {
		memset(f, 0, sizeof *f);
		f->path = mem_strdup(path);
		errno = err;
		if (fd < 0 || err == EFBIG)
			path_read_failed(d, DIAG_ERROR, path, PATH_MAX_INI);
		else
			diag_add(d, DIAG_ERROR, path, 0, "leesfout: %s", strerror(err));
		return -1;
	}
	return inifile_parse(f, path, data, len, loose, d);
}

int inifile_parse(struct inifile *f, const char *path, char *data, size_t len,
		  const char *const *loose, struct diag *d)
{
	struct scan sc = {f, d, NULL, 0, 0, 0, loose};

	memset(f, 0, sizeof *f);
	f->path = mem_strdup(path);
	f->data = data;
	f->len = len;
	f->ix = mem_calloc(1, sizeof *f->ix);
	scan_bytes(&sc);
	return sc.errors ? -1 : 0;
}

const struct inifile_section *inifile_section(const struct inifile *f,
					      const char *sec)
{
	long ix = sec_find(f, sec, strcmp);

	return ix >= 0 ? &f->secs[ix] : NULL;
}

const char *inifile_get(const struct inifile *f, const char *sec, const char *key)
{
	const struct inifile_key *k = inifile_find(f, sec, key);

	return k ? k->value : NULL;
}

const struct inifile_key *inifile_find(const struct inifile *f,
				       const char *sec, const char *key)
{
	long ix = key_find(f, sec, key, strcmp);

	return ix >= 0 ? &f->keys[ix] : NULL;
}

int inifile_line(const struct inifile *f, const char *sec, const char *key)
{
	long ix = key ? key_find(f, sec, key, strcmp) : -1;
	const struct inifile_section *s;

	if (ix >= 0)
		return f->keys[ix].line;
	s = inifile_section(f, sec);
	return s ? s->line : 0;
}

void inifile_warn_unknown(const struct inifile *f, const char *sec,
			  const char *const *known, struct diag *d)
{
	const struct inifile_section *s = inifile_section(f, sec);
	size_t i, k;

	for (i = s ? s->key0 : 0; s && i < s->key0 + s->nkeys; i++) {
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

	for (i = 0; i < f->nsecs; i++)
		free(f->secs[i].name);
	for (i = 0; i < f->nkeys; i++) {
		free(f->keys[i].key);
		free(f->keys[i].value);
	}
	if (f->ix) {
		free(f->ix->secs.s);
		free(f->ix->keys.s);
		free(f->ix);
	}
	free(f->secs);
	free(f->keys);
	free(f->data);
	free(f->path);
	memset(f, 0, sizeof *f);
}
