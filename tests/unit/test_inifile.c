/* Unit tests for src/inifile: line index, what iniparser would hide, and
 * the values compared with iniparser's own over real and random files. */
#include <criterion/criterion.h>

#include "kcconfig.h"
#include "buf.h"
#include "helpers.h"
#include "inifile.h"
#include "text.h"

#ifdef HAVE_INIPARSER_INIPARSER_H
#include <iniparser/iniparser.h>
#else
#include <iniparser.h>
#endif
#include <dirent.h>
#include <sys/stat.h>

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

/* A loose key's broken line is a warning and left out, also from what
 * iniparser sees: a trailing backslash does not swallow the next line, a
 * line too long for iniparser does not fail the file. Other keys with the
 * same problem stay errors. */
Test(inifile, loose_keys_survive_broken_lines)
{
	static const char *const loose[] = {"a.naam", NULL};
	char big[1200];
	struct buf t = {0};
	struct inifile f;
	struct diag d = {0};
	const struct inifile_key *k;
	char *p;

	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	buf_printf(&t, "[a]\nnaam = Jan \\\n[b]\nnaam = %s\nq = \"x; y\"\n"
		   "[c]\nr = s\n", big);
	p = tmpfile_with(t.s, t.len, ".ini");
	cr_assert_eq(inifile_load_loose(&f, p, loose, &d), -1, "b.naam is not loose");
	cr_assert_eq(diag_count(&d, DIAG_ERROR), 1);
	cr_assert_eq(d.v[1].line, 4);
	inifile_free(&f);
	diag_free(&d);
	unlink(p);
	free(p);
	buf_clear(&t);
	buf_printf(&t, "[a]\nnaam = Jan \\\n[b]\nq = \"x; y\"\n[a2]\nnaam = ok\n");
	p = tmpfile_with(t.s, t.len, ".ini");
	cr_assert_eq(inifile_load_loose(&f, p, loose, &d), 0);
	cr_assert_eq(d.n, 1);
	cr_assert_eq(d.v[0].sev, DIAG_WARNING);
	cr_assert(strstr(d.v[0].msg, "deze regel wordt overgeslagen"), "%s", d.v[0].msg);
	k = inifile_find(&f, "a", "naam");
	cr_assert(k && k->broken && k->value == NULL && k->line == 2);
	k = inifile_find(&f, "b", "q");
	cr_assert(k && k->quoted && !k->broken);
	cr_assert_str_eq(k->value, "x; y");
	cr_assert_eq(inifile_line(&f, "b", NULL), 3, "[b] not swallowed");
	cr_assert_str_eq(inifile_get(&f, "a2", "naam"), "ok");
	cr_assert_eq(inifile_find(&f, "a2", "naam")->quoted, 0);
	inifile_free(&f);
	diag_free(&d);
	unlink(p);
	free(p);
	buf_free(&t);
}

Test(inifile, byte_order_mark_at_the_start_is_skipped)
{
	struct inifile f;
	struct diag d = {0};

	cr_assert_eq(load("\xEF\xBB\xBF[a]\nk = v\n[b]\nx = \"y z\"\n", &f, &d), 0,
		     "%s", d.n ? d.v[0].msg : "");
	cr_assert_str_eq(f.secs[0].name, "a");
	cr_assert_str_eq(inifile_get(&f, "a", "k"), "v", "iniparser sees [a], not the mark");
	cr_assert_str_eq(inifile_get(&f, "b", "x"), "y z");
	cr_assert_eq(inifile_line(&f, "a", NULL), 1);
	cr_assert_eq(inifile_line(&f, "b", "x"), 4);
	inifile_free(&f);
	cr_assert_eq(load("\xEF\xBB\xBF; comment\n\n[a]\nk = v\n", &f, &d), 0);
	cr_assert_str_eq(inifile_get(&f, "a", "k"), "v");
	cr_assert_eq(inifile_line(&f, "a", "k"), 4);
	inifile_free(&f);
	cr_assert_eq(d.n, 0);
}

Test(inifile, byte_order_mark_elsewhere_is_an_error)
{
	struct inifile f;
	struct diag d = {0};

	cr_assert_eq(load("[a]\nk = v\n\xEF\xBB\xBF[b]\n", &f, &d), -1);
	cr_assert_eq(d.n, 1);
	cr_assert_eq(d.v[0].line, 3);
	inifile_free(&f);
	diag_free(&d);
}

Test(inifile, unknown_keys_warn_with_their_line)
{
	static const char *const known[] = {"k", NULL};
	struct inifile f;
	struct diag d = {0};

	cr_assert_eq(load("[a]\nk = v\nq = w\n[b]\nz = 1\n", &f, &d), 0);
	inifile_warn_unknown(&f, "a", known, &d);
	cr_assert_eq(d.n, 1, "only [a] is looked at");
	cr_assert_eq(d.v[0].sev, DIAG_WARNING);
	cr_assert_eq(d.v[0].line, 3);
	cr_assert_str_eq(d.v[0].msg, "onbekende sleutel 'q' in [a]");
	inifile_free(&f);
	diag_free(&d);
}

static int ini_silent(const char *fmt, ...)
{
	(void)fmt;
	return 0;
}

/* When inifile loads path (without a byte-order mark, which iniparser
 * 4.1 cannot read): iniparser reads the same sections, the same number of
 * keys in each and the same value for every key. 1 when compared. */
static int same_as_iniparser(const char *path)
{
	struct inifile f;
	struct diag d = {0};
	dictionary *dict;
	size_t i, k;

	if (inifile_load(&f, path, &d) != 0 || text_bom(f.data, f.len)) {
		inifile_free(&f);
		diag_free(&d);
		return 0;
	}
	iniparser_set_error_callback(ini_silent);
	dict = iniparser_load(path);
	cr_assert_not_null(dict, "%s", path);
	cr_assert_eq(iniparser_getnsec(dict), (int)f.nsecs, "%s", path);
	for (i = 0; i < f.nsecs; i++) {
		const struct inifile_section *s = &f.secs[i];
		cr_assert_eq(iniparser_getsecnkeys(dict, s->name), (int)s->nkeys,
			     "%s [%s]", path, s->name);
		for (k = s->key0; k < s->key0 + s->nkeys; k++) {
			struct buf b = {0};
			buf_printf(&b, "%s:%s", s->name, f.keys[k].key);
			cr_assert_str_eq(f.keys[k].value,
					 iniparser_getstring(dict, b.s, NULL),
					 "%s line %d", path, f.keys[k].line);
			buf_free(&b);
		}
	}
	iniparser_freedict(dict);
	inifile_free(&f);
	diag_free(&d);
	return 1;
}

/* Every .ini file below dir; the number compared. */
static int compare_tree(const char *dir)
{
	DIR *dp = opendir(dir);
	struct dirent *e;
	int n = 0;

	cr_assert_not_null(dp, "%s", dir);
	while ((e = readdir(dp)) != NULL) {
		struct buf p = {0};
		struct stat st;
		size_t len = strlen(e->d_name);
		if (e->d_name[0] == '.')
			continue;
		buf_printf(&p, "%s/%s", dir, e->d_name);
		if (stat(p.s, &st) == 0 && S_ISDIR(st.st_mode))
			n += compare_tree(p.s);
		else if (len > 4 && strcmp(e->d_name + len - 4, ".ini") == 0)
			n += same_as_iniparser(p.s);
		buf_free(&p);
	}
	closedir(dp);
	return n;
}

Test(inifile, values_as_iniparser_reads_the_bundled_content_and_fixtures)
{
	int n = compare_tree(TOPSRC "/content") + compare_tree(TOPSRC "/personas") +
		compare_tree(FIXTURES);

	cr_assert_geq(n, 25, "only %d files compared", n);
}

/* Random small files from the pieces INI lines are made of. */
static void random_line(struct buf *b, unsigned *seed)
{
	static const char *const piece[] = {
		"a", "k", "x1", "\xc3\xa9", " ", "\t", "\v", "\r", "=", "\"",
		"'", ";", "#", "\\", ":", "[", "]", ".", "B", "een twee",
	};
	static const char *const key[] = {"a", "k", "x.y", "n-1", "a b"};
	int kind = rand_r(seed) % 8, i, n = rand_r(seed) % 6;
	const char *q = rand_r(seed) % 3 == 0 ? "\"" : rand_r(seed) % 2 ? "'" : "";

	if (kind == 0)
		buf_printf(b, "%s[%s%s]", rand_r(seed) % 2 ? " " : "",
			   key[rand_r(seed) % 5], rand_r(seed) % 2 ? " " : "");
	else if (kind == 1)
		buf_add(b, rand_r(seed) % 2 ? "; c" : "");
	else
		buf_printf(b, "%s%s%s=%s%s", rand_r(seed) % 2 ? "" : " ",
			   key[rand_r(seed) % 5], rand_r(seed) % 2 ? " " : "\t",
			   rand_r(seed) % 2 ? " " : "", q);
	for (i = 0; kind > 1 && i < n; i++)
		buf_add(b, piece[rand_r(seed) % (sizeof piece / sizeof *piece)]);
	if (kind > 1)
		buf_printf(b, "%s%s", q, rand_r(seed) % 4 ? "" : " \t");
	buf_addc(b, '\n');
}

Test(inifile, values_as_iniparser_reads_random_files)
{
	unsigned seed = 22;
	int i, n = 0;

	for (i = 0; i < 3000; i++) {
		struct buf t = {0};
		int lines = 1 + rand_r(&seed) % 6, k;
		char *p;
		buf_add(&t, "[s]\n");
		for (k = 0; k < lines; k++)
			random_line(&t, &seed);
		p = tmpfile_with(t.s, t.len, ".ini");
		n += same_as_iniparser(p);
		unlink(p);
		free(p);
		buf_free(&t);
	}
	cr_assert_geq(n, 300, "only %d of 3000 random files loaded", n);
}

/* Sections and keys are found through hash tables, so many of them load
 * in linear time; each section knows its own keys. */
Test(inifile, many_sections_and_keys)
{
	static const char *const known[] = {"k", NULL};
	struct buf t = {0};
	struct inifile f;
	struct diag d = {0};
	char *data;
	int i;

	for (i = 0; i < 50000; i++)
		buf_printf(&t, "[s%d]\nk = %d\n", i, i);
	buf_add(&t, "[groot]\n");
	for (i = 0; i < 50000; i++)
		buf_printf(&t, "k%d = v%d\n", i, i);
	data = buf_take(&t);
	cr_assert_eq(inifile_parse(&f, "x.ini", data, strlen(data), NULL, &d), 0);
	cr_assert_eq(f.nsecs, 50001);
	cr_assert_str_eq(inifile_get(&f, "s49999", "k"), "49999");
	cr_assert_str_eq(inifile_get(&f, "groot", "k49999"), "v49999");
	cr_assert_eq(inifile_line(&f, "groot", "k0"), 100002);
	cr_assert_eq(inifile_section(&f, "groot")->nkeys, 50000);
	inifile_warn_unknown(&f, "s7", known, &d);
	cr_assert_eq(d.n, 0);
	inifile_warn_unknown(&f, "groot", known, &d);
	cr_assert_eq(d.n, 50000);
	inifile_free(&f);
	diag_free(&d);
}
