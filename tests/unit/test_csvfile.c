/* Unit tests for src/csvfile: record lines, errors, torn lines, quoting. */
#include <criterion/criterion.h>

#include "csvfile.h"
#include "helpers.h"

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
