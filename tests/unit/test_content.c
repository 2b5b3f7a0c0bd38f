/* Unit tests for src/content: loading a root, look-ups, bad roots. */
#include <criterion/criterion.h>
#include <string.h>

#include "content.h"
#include "helpers.h"

Test(content, loads_mini_root)
{
	struct content c;
	struct diag d = {0};

	cr_assert_eq(content_load(&c, FIXTURES "/mini", &d), 0);
	cr_assert_eq(c.npersonas, 1);
	cr_assert_eq(c.nfws, 1);
	cr_assert_eq(c.nscs, 1);
	cr_assert_not_null(content_persona(&c, "proef"));
	cr_assert_not_null(content_framework(&c, "mini"));
	cr_assert_not_null(content_scenario(&c, "proef-basis"));
	cr_assert_null(content_scenario(&c, "nope"));
	content_free(&c);
}

/* A persona's scenarios one by one in file order, as the screens and
 * plain mode list them; none for an unknown persona. */
Test(content, scenarios_of_a_persona_in_order)
{
	struct content c;
	struct diag d = {0};
	const struct scenario *sc;
	size_t n;

	cr_assert_eq(content_load(&c, TOPSRC, &d), 0);
	for (n = 0; (sc = content_persona_scenario(&c, "denzell", n)); n++) {
		cr_assert_str_eq(sc->persona, "denzell");
		if (n > 0)
			cr_assert_gt(strcmp(sc->id, content_persona_scenario(
				&c, "denzell", n - 1)->id), 0);
	}
	cr_assert_eq(n, 4, "denzell has four scenarios");
	cr_assert_str_eq(content_persona_scenario(&c, "denzell", 1)->id,
			 "denzell-gemeente");
	cr_assert_null(content_persona_scenario(&c, "nemo", 0));
	content_free(&c);
	diag_free(&d);
}

Test(content, empty_root_is_an_error)
{
	struct content c;
	struct diag d = {0};

	cr_assert_eq(content_load(&c, "/nonexistent", &d), -1);
	cr_assert(strstr(d.v[0].msg, "geen inhoud gevonden"));
	content_free(&c);
	diag_free(&d);
}

Test(content, add_path_detects_kind)
{
	struct content c;
	struct diag d = {0};

	cr_assert_eq(content_load(&c, FIXTURES "/mini", &d), 0);
	cr_assert_eq(content_add_path(&c, FIXTURES "/mini/personas/proef.ini", &d), 0);
	cr_assert_eq(c.npersonas, 2);
	cr_assert_eq(content_add_path(&c, FIXTURES "/mini/content/frameworks/mini", &d), 0);
	cr_assert_eq(c.nfws, 2);
	cr_assert_eq(content_add_path(&c, FIXTURES "/mini", &d), -1);
	content_free(&c);
	diag_free(&d);
}

Test(content, bundled_content_loads_fast_enough_to_use)
{
	struct content c;
	struct diag d = {0};

	cr_assert_eq(content_load(&c, TOPSRC, &d), 0, "bundled content must load cleanly");
	cr_assert_geq(c.nfws, 1);
	content_free(&c);
	diag_free(&d);
}

/* A copy of the mini root in a new temporary folder. */
static char *mini_copy(void)
{
	static char dir[32];
	char cmd[128];

	snprintf(dir, sizeof dir, "/tmp/kc-root-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
	snprintf(cmd, sizeof cmd, "cp -R '%s'/. %s", FIXTURES "/mini", dir);
	cr_assert_eq(system(cmd), 0);
	return dir;
}

static void copy(const char *dir, const char *from, const char *to)
{
	char cmd[256];

	snprintf(cmd, sizeof cmd, "cd %s && cp -R '%s' '%s'", dir, from, to);
	cr_assert_eq(system(cmd), 0);
}

static void remove_root(const char *dir)
{
	char cmd[64];

	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	cr_assert_eq(system(cmd), 0);
}

/* The message about file (a path under root), or NULL. */
static const char *msg_for(const struct diag *d, const char *root, const char *file)
{
	size_t i, n = strlen(root);

	for (i = 0; i < d->n; i++)
		if (d->v[i].file && strncmp(d->v[i].file, root, n) == 0 &&
		    strcmp(d->v[i].file + n, file) == 0)
			return d->v[i].msg;
	return NULL;
}

Test(content, copies_name_the_original_and_are_not_loaded)
{
	char *root = mini_copy();
	struct content c;
	struct diag d = {0};
	const char *m;

	copy(root, "personas/proef.ini", "personas/proef.oud.ini");
	copy(root, "personas/proef.ini", "personas/proef (kopie).ini");
	copy(root, "content/scenarios/proef-basis.ini", "content/scenarios/proef-basis.v2.ini");
	copy(root, "content/frameworks/mini", "content/frameworks/mini kopie");
	cr_assert_eq(content_load(&c, root, &d), 4, "four files fail");
	cr_assert_eq(d.n, 4);
	cr_assert_eq(c.npersonas, 1);
	cr_assert_eq(c.nscs, 1);
	cr_assert_eq(c.nfws, 1);
	cr_assert(strstr(content_persona(&c, "proef")->file, "/personas/proef.ini"));
	cr_assert(strstr(content_scenario(&c, "proef-basis")->file, "/proef-basis.ini"));
	m = msg_for(&d, root, "/personas/proef.oud.ini");
	cr_assert_not_null(m);
	cr_assert(strstr(m, "dezelfde id 'proef' als "), "%s", m);
	cr_assert(strstr(m, "/personas/proef.ini; niet geladen"), "names the original: %s", m);
	cr_assert(strstr(msg_for(&d, root, "/personas/proef (kopie).ini"), "/personas/proef.ini"));
	cr_assert(strstr(msg_for(&d, root, "/content/scenarios/proef-basis.v2.ini"),
			 "dezelfde id 'proef-basis'"));
	cr_assert(strstr(msg_for(&d, root, "/content/frameworks/mini kopie"),
			 "dezelfde id 'mini' als "));
	content_free(&c);
	diag_free(&d);
	remove_root(root);
}

Test(content, only_names_that_are_ids_load)
{
	char *root = mini_copy();
	struct content c;
	struct diag d = {0};

	copy(root, "personas/proef.ini", "personas/Proef2.ini");
	copy(root, "personas/proef.ini", "personas/proef_2.ini");
	copy(root, "personas/proef.ini", "personas/proef.ini.bak");
	copy(root, "personas/proef.ini", "personas/proef.ini~");
	copy(root, "personas/proef.ini", "personas/.proef.ini");
	copy(root, "personas/proef.ini", "personas/proef-2.ini");
	cr_assert_eq(content_load(&c, root, &d), 2);
	cr_assert_eq(c.npersonas, 2, "proef and proef-2");
	cr_assert_not_null(content_persona(&c, "proef-2"));
	cr_assert(strstr(msg_for(&d, root, "/personas/Proef2.ini"), "naam is geen id"));
	cr_assert(strstr(msg_for(&d, root, "/personas/proef_2.ini"), "als "),
		  "proef_2 starts like the id proef");
	cr_assert_null(msg_for(&d, root, "/personas/proef.ini.bak"), "backups are ignored");
	content_free(&c);
	diag_free(&d);
	remove_root(root);
}

Test(content, load_one_reports_a_copy_and_loads_the_original)
{
	char *root = mini_copy();
	struct content c;
	struct diag d = {0};

	copy(root, "content/scenarios/proef-basis.ini", "content/scenarios/proef-basis.oud.ini");
	cr_assert_eq(content_load_one(&c, root, "proef-basis", &d), 1);
	cr_assert_eq(c.nscs, 1);
	cr_assert(strstr(c.scs[0].file, "/proef-basis.ini"));
	cr_assert_not_null(msg_for(&d, root, "/content/scenarios/proef-basis.oud.ini"));
	content_free(&c);
	diag_free(&d);
	cr_assert_eq(content_load_one(&c, root, "proef-basis.oud", &d), 1);
	cr_assert_eq(c.nscs, 0, "a copy cannot be asked for by its name");
	content_free(&c);
	diag_free(&d);
	remove_root(root);
}

Test(content, explicit_path_goes_before_the_root_and_twins_are_errors)
{
	const char *other = FIXTURES "/bad/duplicate-id/personas/proef.ini";
	struct content c;
	struct diag d = {0};

	cr_assert_eq(content_load(&c, FIXTURES "/mini", &d), 0);
	cr_assert_eq(content_add_path(&c, other, &d), 0);
	cr_assert_eq(d.n, 0);
	cr_assert_str_eq(content_persona(&c, "proef")->file, other);
	cr_assert_eq(content_add_path(&c, FIXTURES "/mini/personas/proef.ini", &d), -1);
	cr_assert_eq(c.npersonas, 2, "the twin is not kept");
	cr_assert_str_eq(content_persona(&c, "proef")->file, other);
	cr_assert_eq(d.n, 1);
	cr_assert_str_eq(d.v[0].file, FIXTURES "/mini/personas/proef.ini");
	cr_assert(strstr(d.v[0].msg, other), "names the other file: %s", d.v[0].msg);
	content_free(&c);
	diag_free(&d);
}

Test(content, add_path_sees_a_persona_after_a_long_comment_and_a_mark)
{
	const char *text = "\xEF\xBB\xBF; a comment line that is longer than sixty-four bytes, "
		"so read in more than one piece\n[persona]\nname = X\n";
	char *p = tmpfile_with(text, strlen(text), ".ini");
	struct content c;
	struct diag d = {0};

	memset(&c, 0, sizeof c);
	cr_assert_eq(content_add_path(&c, p, &d), -1, "the persona is incomplete");
	cr_assert_eq(c.nscs, 0);
	cr_assert(strstr(d.v[0].msg, "[persona] mist"), "read as a persona: %s", d.v[0].msg);
	content_free(&c);
	diag_free(&d);
	unlink(p);
	free(p);
}
