/* Unit tests for src/inifile: line index and what iniparser would hide. */
#include <criterion/criterion.h>

#include "helpers.h"
#include "inifile.h"

static int load(const char *text, struct inifile *f, struct diag *d)
{
	char *p = tmpfile_with(text, strlen(text), ".ini");
	int rc = inifile_load(f, p, d);

	unlink(p);
	free(p);
	return rc;
}

Test(inifile, values_and_lines)
{
	struct inifile f;
	struct diag d = {0};

	cr_assert_eq(load("; c\n[a]\nx = 1\n\n[b]\ny = twee woorden\n", &f, &d), 0);
	cr_assert_str_eq(inifile_get(&f, "a", "x"), "1");
	cr_assert_str_eq(inifile_get(&f, "b", "y"), "twee woorden");
	cr_assert_null(inifile_get(&f, "b", "z"));
	cr_assert_eq(inifile_line(&f, "a", "x"), 3);
	cr_assert_eq(inifile_line(&f, "b", NULL), 5);
	cr_assert_eq(inifile_line(&f, "b", "y"), 6);
	inifile_free(&f);
}

static void expect_error(const char *text, int line, const char *part)
{
	struct inifile f;
	struct diag d = {0};

	cr_assert_eq(load(text, &f, &d), -1, "%s", text);
	cr_assert_geq(d.n, 1);
	cr_assert_eq(d.v[0].line, line, "line %d for %s", d.v[0].line, part);
	cr_assert(strstr(d.v[0].msg, part), "'%s' not in '%s'", part, d.v[0].msg);
	inifile_free(&f);
	diag_free(&d);
}

Test(inifile, duplicates)
{
	expect_error("[a]\nx = 1\nx = 2\n", 3, "komt al voor op regel 2");
	expect_error("[a]\n[b]\n[a]\n", 3, "komt al voor op regel 1");
}

Test(inifile, upper_case)
{
	expect_error("[Scenario]\n", 1, "hoofdletters");
	expect_error("[a]\nTitle = x\n", 2, "hoofdletters");
}

Test(inifile, truncating_values)
{
	expect_error("[a]\nx = een; twee\n", 2, "';' of '#'");
	expect_error("[a]\nx = \"een\" en \"twee\"\n", 2, "aanhalingstekens");
	expect_error("[a]\nx = een \\\n", 2, "vervolgregels");
}

Test(inifile, long_line)
{
	char *text = malloc(1200);

	strcpy(text, "[a]\nx = ");
	memset(text + 8, 'y', 1100);
	strcpy(text + 1108, "\n");
	expect_error(text, 2, "het maximum is 1000");
	free(text);
}

Test(inifile, junk_and_utf8)
{
	expect_error("[a]\nzomaar tekst\n", 2, "niet begrepen");
	expect_error("x = 1\n", 1, "buiten een [sectie]");
	expect_error("[a]\nx = caf\xe9\n", 2, "UTF-8");
}

Test(inifile, missing_file)
{
	struct inifile f;
	struct diag d = {0};

	cr_assert_eq(inifile_load(&f, "/nonexistent/x.ini", &d), -1);
	cr_assert(strstr(d.v[0].msg, "kan niet lezen"));
	inifile_free(&f);
	diag_free(&d);
}

/* A file that is not INI at all (say a link to a private file) is
 * reported by line, never quoted. */
Test(inifile, foreign_lines_are_not_quoted)
{
	static const char *const texts[] = {
		"GEHEIM\n", "machine x login GEHEIM\n", "[a]\nGEHEIM\n",
		"ssh-rsa GEHEIM\n[a]\nx = 1\n",
	};
	size_t i, k;

	for (i = 0; i < sizeof texts / sizeof *texts; i++) {
		struct inifile f;
		struct diag d = {0};
		cr_assert_eq(load(texts[i], &f, &d), -1);
		cr_assert_geq(d.n, 1);
		for (k = 0; k < d.n; k++)
			cr_assert_null(strstr(d.v[k].msg, "GEHEIM"), "%s", d.v[k].msg);
		inifile_free(&f);
		diag_free(&d);
	}
}
