/*
 * csvfile: libcsv is a push parser; we feed it one physical line at a time
 * so that every record knows the line it started on, which no CSV library
 * reports by itself. Memory stays bounded by the longest record. A UTF-8
 * byte-order mark at the start (spreadsheets write one) is skipped. A
 * line that is a whole record without quotes, CR, tab or spaces around a
 * field (every row klantcoach writes) is split in place instead, which
 * gives the same fields as libcsv at a fraction of the cost.
 */
#include "csvfile.h"
#include "mem.h"
#include "path.h"
#include "text.h"

#include <csv.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The fields of the record being read live NUL-separated in one buffer
 * that is reused for every record, so reading allocates almost nothing. */
struct rd {
	csvfile_row_fn fn;
	void *ctx;
	char **f;		/* pointers into text, filled at the end of a record */
	size_t *off;		/* start of each field in text */
	size_t n, cap, capoff;
	struct buf text;
	int start, line, stopped, open_end;
	int in_row;	/* a record has begun and not yet ended */
};

static void on_field(void *s, size_t len, void *data)
{
	struct rd *r = data;

	MEM_GROW(r->off, r->capoff, r->n + 1);
	r->off[r->n++] = r->text.len;
	buf_addn(&r->text, s ? s : "", s ? len : 0);
	buf_addc(&r->text, '\0');
}

static void rd_clear(struct rd *r)
{
	r->n = 0;
	buf_clear(&r->text);
}

static void on_row(int c, void *data)
{
	struct rd *r = data;
	size_t i;

	(void)c;
	MEM_GROW(r->f, r->cap, r->n + 1);
	for (i = 0; i < r->n; i++)
		r->f[i] = r->text.s + r->off[i];
	if (!r->stopped && r->fn(r->ctx, r->start, r->f, r->n) != 0)
		r->stopped = 1;
	rd_clear(r);
	r->in_row = 0;
	r->start = r->line;	/* a record after a lone CR starts here */
}

/* 1 when the line holds more than what libcsv skips between records
 * (blank lines, spaces and tabs), so a new record starts on it. */
static int starts_row(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
			return 1;
	return 0;
}

/* Lines of a file read with read(2) into one buffer, which grows to the
 * longest line; or (fd -1) of a whole file in memory. */
struct src {
	int fd;
	char *buf;
	size_t cap, beg, end;
};

/* The next line (with its newline, if any) at *line; its length, 0 at the
 * end of the file, -1 on a read error (errno set). */
static ssize_t next_line(struct src *s, char **line)
{
	char *nl;
	ssize_t got = 1;

	while ((nl = memchr(s->buf + s->beg, '\n', s->end - s->beg)) == NULL &&
	       got > 0 && s->fd >= 0) {
		memmove(s->buf, s->buf + s->beg, s->end - s->beg);
		s->end -= s->beg;
		s->beg = 0;
		if (s->cap - s->end < 65536)
			s->buf = mem_realloc(s->buf, s->cap = s->cap * 2 + 65536);
		got = read(s->fd, s->buf + s->end, s->cap - s->end);
		if (got < 0)
			return -1;
		s->end += (size_t)got;
	}
	*line = s->buf + s->beg;
	got = (ssize_t)((nl ? (size_t)(nl + 1 - s->buf) : s->end) - s->beg);
	s->beg += (size_t)got;
	return got;
}

/* Split line (n bytes, ending in a newline) at its commas in place when
 * libcsv would give the same fields: no quote, CR, tab or NUL, and no
 * space at either end of a field (libcsv trims those). 0 when done, -1
 * (line unchanged) when the line is for libcsv. */
static int split_plain(struct rd *r, char *line, size_t n)
{
	char *f = line, *end = line + n - 1, *c;
	size_t k = 0, i;

	if (n < 2)
		return -1;	/* a blank line: libcsv skips it */
	*end = '\0';
	if (strcspn(line, "\"\r\t") != n - 1) {
		*end = '\n';
		return -1;
	}
	for (;; f = c + 1) {
		c = memchr(f, ',', (size_t)(end - f));
		c = c ? c : end;
		if (c > f && (f[0] == ' ' || c[-1] == ' ')) {
			*end = '\n';
			return -1;
		}
		MEM_GROW(r->f, r->cap, k + 1);
		r->f[k++] = f;
		if (c == end)
			break;
	}
	for (i = 1; i < k; i++)
		r->f[i][-1] = '\0';
	r->n = k;
	return 0;
}

static int feed(struct csv_parser *p, struct rd *r, struct src *s, struct diag *d,
		const char *path)
{
	char *line;
	ssize_t n = 0;

	while (!r->stopped && (n = next_line(s, &line)) > 0) {
		size_t bom = r->line++ == 0 ? text_bom(line, (size_t)n) : 0;
		r->open_end = line[n - 1] != '\n';
		line += bom;
		n -= (ssize_t)bom;
		if (!r->in_row && !r->open_end && split_plain(r, line, (size_t)n) == 0) {
			r->stopped = r->fn(r->ctx, r->line, r->f, r->n) != 0;
			r->n = 0;
			r->start = r->line;
			continue;
		}
		if (!r->in_row && starts_row(line, (size_t)n)) {
			r->in_row = 1;
			r->start = r->line;
		}
		if (csv_parse(p, line, (size_t)n, on_field, on_row, r) != (size_t)n) {
			diag_add(d, DIAG_ERROR, path, r->line, "ongeldige CSV: %s",
				 csv_strerror(csv_error(p)));
			return -1;
		}
	}
	if (n < 0)
		diag_add(d, DIAG_ERROR, path, 0, "leesfout: %s", strerror(errno));
	return n < 0 ? -1 : 0;
}

/* Read the records of s. */
static int parse(struct src *s, const char *path, csvfile_row_fn fn,
		 void *ctx, struct diag *d, int torn_ok)
{
	struct csv_parser p;
	struct rd r = {fn, ctx, NULL, NULL, 0, 0, 0, {NULL, 0, 0}, 1, 0, 0, 0, 0};
	int rc;

	csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL | CSV_EMPTY_IS_NULL);
	rc = feed(&p, &r, s, d, path);
	if (rc == 0 && !r.stopped && torn_ok && r.open_end) {
		diag_add(d, DIAG_WARNING, path, r.start,
			 "laatste regel is afgebroken; genegeerd");
	} else if (rc == 0 && !r.stopped &&
		   csv_fini(&p, on_field, on_row, &r) != 0) {
		diag_add(d, torn_ok ? DIAG_WARNING : DIAG_ERROR, path, r.start,
			 "laatste regel is afgebroken%s", torn_ok ? "; genegeerd" : "");
		rc = torn_ok ? 0 : -1;
	}
	buf_free(&r.text);
	free(r.off);
	free(r.f);
	csv_free(&p);
	return rc == 0 && r.stopped ? -1 : rc;
}

int csvfile_read(const char *path, csvfile_row_fn fn, void *ctx,
		 struct diag *d, int torn_ok)
{
	struct src s = {path_open_read_nb(path, PATH_MAX_CSV), NULL, 0, 0, 0};
	int rc;

	if (s.fd < 0) {
		path_read_failed(d, DIAG_ERROR, path, PATH_MAX_CSV);
		return -1;
	}
	s.buf = mem_alloc(s.cap = 65536);	/* never NULL for memchr */
	rc = parse(&s, path, fn, ctx, d, torn_ok);
	free(s.buf);
	close(s.fd);
	return rc;
}

int csvfile_parse(const char *path, char *data, size_t len,
		  csvfile_row_fn fn, void *ctx, struct diag *d, int torn_ok)
{
	struct src s = {-1, data, len, 0, len};

	return parse(&s, path, fn, ctx, d, torn_ok);
}

size_t csvfile_complete(const char *s, size_t n)
{
	size_t i, end = 0;
	int quoted = 0;

	for (i = 0; i < n; i++)
		if (s[i] == '"')
			quoted = !quoted;	/* "" in quotes toggles twice */
		else if (s[i] == '\n' && !quoted)
			end = i + 1;
	return end;
}

int csvfile_cut_torn(int fd, const char *path, struct diag *d)
{
	size_t n, keep;
	char *data = path_read_fd(fd, &n), *copy = NULL;
	int rc = -1;

	if (data == NULL) {
		diag_add(d, DIAG_ERROR, path, 0, "kan niet lezen: %s",
			 path_strerror(errno));
		return -1;
	}
	keep = csvfile_complete(data, n);
	if (keep == n)
		rc = 0;
	else if (!(copy = path_keep_copy(path, "rest", data + keep, n - keep)))
		diag_add(d, DIAG_ERROR, path, 0, "laatste regel is afgebroken en "
			 "kan niet apart bewaard worden: %s",
			 path_strerror(errno));
	else if (ftruncate(fd, (off_t)keep) != 0) {
		diag_add(d, DIAG_ERROR, path, 0, "kan afgebroken laatste regel "
			 "niet weghalen: %s", path_strerror(errno));
		unlink(copy);
	} else {
		(void)fsync(fd);	/* lost in a crash: cut again next time */
		diag_add(d, DIAG_WARNING, path, 0, "laatste regel was afgebroken "
			 "(%zu bytes); weggehaald en bewaard in %s",
			 n - keep, copy);
		rc = 0;
	}
	free(copy);
	free(data);
	return rc;
}

void csvfile_field(struct buf *b, const char *s)
{
	if (s[strcspn(s, ",\"\r\n")] == '\0') {
		buf_add(b, s);
		return;
	}
	buf_addc(b, '"');
	for (; *s; s++) {
		if (*s == '"')
			buf_addc(b, '"');
		buf_addc(b, *s);
	}
	buf_addc(b, '"');
}

int csvfile_sniff(const char *path, const char *format)
{
	char head[64] = "";
	FILE *fp = path_fopen_read(path, PATH_MAX_CSV);
	size_t n = strlen(format);
	const char *h;

	if (fp == NULL)
		return 0;
	if (fgets(head, sizeof head, fp) == NULL)
		head[0] = '\0';
	fclose(fp);
	h = head + text_bom(head, strlen(head));
	return strncmp(h, format, n) == 0 && h[n] == ',';
}

void csvfile_safe_field(struct buf *b, const char *s)
{
	if (strchr("=+-@\t\r", s[0]) && s[0] != '\0') {
		struct buf t = {0};
		buf_addc(&t, '\'');
		buf_add(&t, s);
		csvfile_field(b, t.s);
		buf_free(&t);
		return;
	}
	csvfile_field(b, s);
}
