/* Unit tests for src/csvfile: record lines, errors, torn lines, quoting. */
#include <criterion/criterion.h>
#include <csv.h>
#include <fcntl.h>

#include "csvfile.h"
#include "helpers.h"
#include "path.h"

struct got {
	int lines[16];
	char first[16][64];
	size_t nf[16];
	int n;
};

static int row(void *ctx, int line, char **f, size_t n)
{
	struct got *g = ctx;

	g->lines[g->n] = line;
	g->nf[g->n] = n;
	snprintf(g->first[g->n], 64, "%s", n ? f[0] : "");
	g->n++;
	return 0;
}

static int read_text(const char *text, struct got *g, struct diag *d, int torn_ok)
{
	char *p = tmpfile_with(text, strlen(text), ".csv");
	int rc;

	memset(g, 0, sizeof *g);
	rc = csvfile_read(p, row, g, d, torn_ok);
	unlink(p);
	free(p);
	return rc;
}

Test(csvfile, records_know_their_line)
{
	struct got g;
	struct diag d = {0};

	cr_assert_eq(read_text("a,b\n\"x\ny\",z\nc,d\n", &g, &d, 0), 0);
	cr_assert_eq(g.n, 3);
	cr_assert_eq(g.lines[1], 2);
	cr_assert_str_eq(g.first[1], "x\ny");
	cr_assert_eq(g.lines[2], 4);
	cr_assert_eq(d.n, 0);
}

Test(csvfile, last_line_without_newline_is_fine_for_content)
{
	struct got g;
	struct diag d = {0};

	cr_assert_eq(read_text("a,b\nc,d", &g, &d, 0), 0);
	cr_assert_eq(g.n, 2);
}

Test(csvfile, torn_line_is_a_warning_for_logs)
{
	struct got g;
	struct diag d = {0};

	cr_assert_eq(read_text("a,b\nc,d\ne,\"hal", &g, &d, 1), 0);
	cr_assert_eq(g.n, 2);
	cr_assert_eq(d.n, 1);
	cr_assert_eq(d.v[0].sev, DIAG_WARNING);
	cr_assert_eq(d.v[0].line, 3);
	diag_free(&d);
	cr_assert_eq(read_text("a,b\nc,d\ne,f", &g, &d, 1), 0);
	cr_assert_eq(g.n, 2, "a last line without newline is torn in a log");
	diag_free(&d);
}

Test(csvfile, bad_quote_is_an_error_with_line)
{
	struct got g;
	struct diag d = {0};

	cr_assert_eq(read_text("a,b\nc\"d,e\n", &g, &d, 0), -1);
	cr_assert_eq(d.v[0].line, 2);
	cr_assert(strstr(d.v[0].msg, "ongeldige CSV"));
	diag_free(&d);
}

Test(csvfile, writing_quotes_and_guards)
{
	struct buf b = {0};

	csvfile_field(&b, "gewoon");
	buf_addc(&b, ',');
	csvfile_field(&b, "met \"quote\", komma");
	buf_addc(&b, ',');
	csvfile_safe_field(&b, "=cmd|' /C calc'!A0");
	buf_addc(&b, ',');
	csvfile_safe_field(&b, "-2");
	buf_addc(&b, ',');
	csvfile_safe_field(&b, "");
	cr_assert_str_eq(buf_str(&b),
			 "gewoon,\"met \"\"quote\"\", komma\",'=cmd|' /C calc'!A0,'-2,");
	buf_free(&b);
}

Test(csvfile, byte_order_mark_at_the_start_is_skipped)
{
	struct got g;
	struct diag d = {0};

	cr_assert_eq(read_text("\xEF\xBB\xBFkey,value\nname,X\n", &g, &d, 0), 0);
	cr_assert_eq(g.n, 2);
	cr_assert_str_eq(g.first[0], "key");
	cr_assert_eq(g.lines[0], 1);
	cr_assert_eq(g.lines[1], 2);
	cr_assert_eq(read_text("\xEF\xBB\xBF\"a,b\",c\n", &g, &d, 0), 0);
	cr_assert_str_eq(g.first[0], "a,b", "a quoted first field after the mark");
	cr_assert_eq(g.nf[0], 2);
	cr_assert_eq(read_text("\xEF\xBB\xBF", &g, &d, 0), 0);
	cr_assert_eq(g.n, 0, "only a mark: no records");
	cr_assert_eq(read_text("a\n\xEF\xBB\xBF" "b\n", &g, &d, 0), 0);
	cr_assert_str_eq(g.first[1], "\xEF\xBB\xBF" "b", "a mark later on is data");
	cr_assert_eq(d.n, 0);
}

Test(csvfile, complete_records_end_at_a_newline_outside_quotes)
{
	static const struct {
		const char *s;
		size_t want;
	} t[] = {
		{"", 0}, {"a,b", 0}, {"a,b\n", 4}, {"a\nb,c", 2}, {"a\nb,c\n", 6},
		{"a,\"x\ny\"\n", 8}, {"a\nb,\"x\ny", 2}, {"a,\"\"\"\"\n", 7},
		{"a\nb,\"q\"\"\n", 2}, {"a\n\n", 3},
	};
	size_t i;

	for (i = 0; i < sizeof t / sizeof *t; i++)
		cr_assert_eq(csvfile_complete(t[i].s, strlen(t[i].s)), t[i].want,
			     "case %zu", i);
}

/* cut_torn on a file holding text; returns the file's text afterwards. */
static char *cut(const char *text, const char *name, struct diag *d, int *rc)
{
	char *p = tmpfile_with(text, strlen(text), ".csv"), *after;
	int fd = open(p, O_RDWR | O_APPEND);

	cr_assert_geq(fd, 0);
	*rc = csvfile_cut_torn(fd, name ? name : p, d);
	close(fd);
	after = path_read(p, NULL);
	unlink(p);
	free(p);
	return after;
}

Test(csvfile, torn_record_is_cut_off_and_kept)
{
	const char *torn[] = {"h\nr,1\nr,", "h\nr,1\nr,\"a\nb", "h\nr,1\n\"x\"\"\n"};
	struct diag d = {0};
	char *after, *copy, *at;
	size_t i;
	int rc;

	setenv("KLANTCOACH_TIME", "1700000000", 1);
	for (i = 0; i < sizeof torn / sizeof *torn; i++) {
		after = cut(torn[i], NULL, &d, &rc);
		cr_assert_eq(rc, 0);
		cr_assert_str_eq(after, "h\nr,1\n");
		cr_assert_eq(d.n, 1);
		cr_assert_eq(d.v[0].sev, DIAG_WARNING);
		at = strstr(d.v[0].msg, "weggehaald en bewaard in ");
		cr_assert_not_null(at, "%s", d.v[0].msg);
		copy = path_read(at + strlen("weggehaald en bewaard in "), NULL);
		cr_assert_str_eq(copy, torn[i] + strlen("h\nr,1\n"));
		unlink(at + strlen("weggehaald en bewaard in "));
		free(copy);
		free(after);
		diag_free(&d);
	}
	after = cut("h\nr,1\n", NULL, &d, &rc);
	cr_assert_eq(rc, 0);
	cr_assert_eq(d.n, 0, "a complete file is left alone");
	cr_assert_str_eq(after, "h\nr,1\n");
	free(after);
	after = cut("h\nr,", "/nonexistent/x.csv", &d, &rc);
	cr_assert_eq(rc, -1, "no copy, no cut");
	cr_assert_str_eq(after, "h\nr,");
	cr_assert(strstr(d.v[0].msg, "kan niet apart bewaard worden"), "%s", d.v[0].msg);
	free(after);
	diag_free(&d);
}

/* Records as text: fields joined by '|', each record ended by '\n'. */
static void join(struct buf *b, char **f, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		buf_printf(b, "%s%s", i ? "|" : "", f[i] ? f[i] : "");
	buf_addc(b, '\n');
}

static int join_row(void *ctx, int line, char **f, size_t n)
{
	(void)line;
	join(ctx, f, n);
	return 0;
}

struct lib {
	struct buf out;
	char *f[16];
	size_t n;
};

static void lib_field(void *s, size_t len, void *ctx)
{
	struct lib *l = ctx;

	l->f[l->n++] = s ? strndup(s, len) : NULL;
}

static void lib_row(int c, void *ctx)
{
	struct lib *l = ctx;

	(void)c;
	join(&l->out, l->f, l->n);
	while (l->n)
		free(l->f[--l->n]);
}

/* Lines split in place and lines left to libcsv give what libcsv gives
 * for the whole text at once. */
Test(csvfile, plain_lines_give_the_fields_libcsv_gives)
{
	static const char *const texts[] = {
		"a,b\nc,d\n", " a,b \n", "a, b\n", "a ,b\n", "a\tb,c\n",
		"\ta,b\n", "a,\"b,c\"\nd,e\n", ",,\n", "a,b\r\nc,d\r\n",
		"a\rb,c\n", "\n\n a,b\n", "   \n\t\nx,y\n", "x y,z  w\n",
		"a,,b\n", "a,b", "a,\"x\ny\"\nz,\n", " , \n", "a,b\n,\n",
	};
	size_t i;

	for (i = 0; i < sizeof texts / sizeof *texts; i++) {
		struct csv_parser p;
		struct lib l = {0};
		struct buf got = {0};
		struct diag d = {0};
		char *path = tmpfile_with(texts[i], strlen(texts[i]), ".csv");
		char *copy;
		csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL |
			 CSV_EMPTY_IS_NULL);
		csv_parse(&p, texts[i], strlen(texts[i]), lib_field, lib_row, &l);
		csv_fini(&p, lib_field, lib_row, &l);
		csv_free(&p);
		cr_assert_eq(csvfile_read(path, join_row, &got, &d, 0), 0);
		cr_assert_str_eq(got.s ? got.s : "", l.out.s ? l.out.s : "",
				 "text %zu: '%s' against libcsv '%s'", i,
				 got.s ? got.s : "", l.out.s ? l.out.s : "");
		buf_clear(&got);
		copy = strdup(texts[i]);
		cr_assert_eq(csvfile_parse(path, copy, strlen(copy), join_row,
					   &got, &d, 0), 0);
		cr_assert_str_eq(got.s ? got.s : "", l.out.s ? l.out.s : "",
				 "text %zu in memory: '%s' against libcsv '%s'",
				 i, got.s ? got.s : "", l.out.s ? l.out.s : "");
		free(copy);
		unlink(path);
		free(path);
		buf_free(&got);
		buf_free(&l.out);
		diag_free(&d);
	}
}
