/* Unit tests for src/versions (the store of scenario versions) and the
 * look-up of a version through content_version; also checks the bundled
 * content/versions against content/scenarios. */
#include <criterion/criterion.h>

#include "content.h"
#include "helpers.h"
#include "mem.h"
#include "path.h"
#include "versions.h"

#include <dirent.h>
#include <sys/stat.h>

#define MINI FIXTURES "/mini/content/scenarios/proef-basis.ini"
#define H0 "0123456789abcdef"	/* a version no file has */

static char dir[64];

static void mkdir_tmp(void)
{
	snprintf(dir, sizeof dir, "/tmp/kc-versions-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
}

static void rm_tmp(void)
{
	char cmd[128];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	cr_assert_eq(system(cmd), 0);
}

TestSuite(versions, .init = mkdir_tmp, .fini = rm_tmp);

/* The version of the file at path. */
static void hash_of(const char *path, char out[SCENARIO_HASH_LEN])
{
	size_t n = 0;
	char *data = path_read(path, &n);

	cr_assert_not_null(data);
	scenario_hash(data, n, out);
	free(data);
}

/* dir/name (static buffer). */
static const char *in_dir(const char *sub, const char *name)
{
	static char p[256];

	snprintf(p, sizeof p, "%s%s%s/%s", dir, *sub ? "/" : "", sub, name);
	return p;
}

/* The hash may never change: old logs name their version by it. */
Test(versions, hash_stays_what_logs_recorded)
{
	char h[SCENARIO_HASH_LEN];

	scenario_hash("", 0, h);
	cr_assert_str_eq(h, "14650fb0739d0383");
	scenario_hash("a", 1, h);
	cr_assert_str_eq(h, "44bd8ad473cd9906");
}

Test(versions, name_is_id_hash_ini)
{
	char *n = versions_name("noor-chat", "0123456789abcdef");

	cr_assert_str_eq(n, "noor-chat.0123456789abcdef.ini");
	free(n);
}

Test(versions, keep_writes_a_private_copy_once)
{
	char h[SCENARIO_HASH_LEN], name[64], *store = path_join(dir, "versies");
	struct diag d = {0};
	struct stat st, again;
	char *copy, *orig;

	hash_of(MINI, h);
	snprintf(name, sizeof name, "proef-basis.%s.ini", h);
	cr_assert_eq(versions_keep(store, MINI, "proef-basis", h, &d), 0);
	cr_assert_eq(stat(store, &st), 0);
	cr_assert_eq(st.st_mode & 0777, 0700);
	cr_assert_eq(stat(in_dir("versies", name), &st), 0);
	cr_assert_eq(st.st_mode & 0777, 0600);
	copy = path_read(in_dir("versies", name), NULL);
	orig = path_read(MINI, NULL);
	cr_assert_str_eq(copy, orig);
	cr_assert_eq(versions_keep(store, MINI, "proef-basis", h, &d), 0);
	cr_assert_eq(stat(in_dir("versies", name), &again), 0);
	cr_assert_eq(again.st_ino, st.st_ino, "an existing copy stays");
	cr_assert_eq(d.n, 0);
	free(copy);
	free(orig);
	free(store);
}

Test(versions, keep_replaces_a_damaged_copy_and_a_link)
{
	char h[SCENARIO_HASH_LEN], name[64], *other = path_join(dir, "other");
	struct diag d = {0};
	struct stat st;
	FILE *fp;

	hash_of(MINI, h);
	snprintf(name, sizeof name, "proef-basis.%s.ini", h);
	fp = fopen(other, "w");
	fputs("niet aanraken\n", fp);
	fclose(fp);
	cr_assert_eq(symlink(other, in_dir("", name)), 0);
	cr_assert_eq(chmod(dir, 0700), 0);
	cr_assert_eq(versions_keep(dir, MINI, "proef-basis", h, &d), 0);
	cr_assert_eq(lstat(in_dir("", name), &st), 0);
	cr_assert(S_ISREG(st.st_mode));
	free(other);
	other = path_read(in_dir("", "other"), NULL);
	cr_assert_str_eq(other, "niet aanraken\n");
	cr_assert(versions_matches(in_dir("", name), h));
	free(other);
}

Test(versions, keep_refuses_a_file_that_changed_since_loading)
{
	struct diag d = {0};

	cr_assert_eq(versions_keep(dir, MINI, "proef-basis", H0, &d), -1);
	cr_assert(strstr(d.v[0].msg, "veranderd tijdens het laden"),
		  "%s", d.v[0].msg);
	cr_assert_eq(access(in_dir("", "proef-basis." H0 ".ini"), F_OK), -1);
	diag_free(&d);
}

Test(versions, keep_refuses_a_shared_folder)
{
	char h[SCENARIO_HASH_LEN];
	struct diag d = {0};

	hash_of(MINI, h);
	cr_assert_eq(chmod(dir, 0777), 0);
	cr_assert_eq(versions_keep(dir, MINI, "proef-basis", h, &d), -1);
	cr_assert(strstr(d.v[0].msg, "privé kopie"));
	diag_free(&d);
}

Test(versions, find_takes_the_first_good_copy)
{
	const char *a = "[scenario]\ntitel = A\n";
	const char *b = "[scenario]\ntitel = B\n";
	char h[SCENARIO_HASH_LEN], name[64], *p;
	const char *dirs[3] = {NULL, NULL, NULL};
	char *d1 = path_join(dir, "een"), *d2 = path_join(dir, "twee");
	FILE *fp;

	scenario_hash(a, strlen(a), h);
	snprintf(name, sizeof name, "x.%s.ini", h);
	cr_assert_eq(path_mkdirs(d1), 0);
	cr_assert_eq(path_mkdirs(d2), 0);
	fp = fopen(in_dir("een", name), "w");
	fputs(b, fp);		/* damaged: does not hash to its name */
	fclose(fp);
	fp = fopen(in_dir("twee", name), "w");
	fputs(a, fp);
	fclose(fp);
	dirs[1] = d1;
	dirs[2] = d2;
	p = versions_find(dirs, 3, "x", h);
	cr_assert_str_eq(p, in_dir("twee", name));
	free(p);
	cr_assert_null(versions_find(dirs, 2, "x", h));
	cr_assert_null(versions_find(dirs, 3, "y", h));
	free(d1);
	free(d2);
}

Test(versions, verify_checks_name_and_bytes)
{
	struct diag d = {0};
	char h[SCENARIO_HASH_LEN], name[64];
	FILE *fp;

	scenario_hash("abc", 3, h);
	snprintf(name, sizeof name, "x.%s.ini", h);
	fp = fopen(in_dir("", name), "w");
	fputs("abc", fp);
	fclose(fp);
	cr_assert_eq(versions_verify(in_dir("", name), &d), 0);
	fp = fopen(in_dir("", "x." H0 ".ini"), "w");
	fputs("abc", fp);
	fclose(fp);
	cr_assert_eq(versions_verify(in_dir("", "x." H0 ".ini"), &d), -1);
	cr_assert(strstr(d.v[0].msg, "past niet bij versie " H0));
	cr_assert_eq(versions_verify(in_dir("", "x.ini"), &d), -1);
	cr_assert(strstr(d.v[1].msg, "naam moet"));
	diag_free(&d);
}

/* Write an edited copy of the mini scenario into the store; its hash. */
static void older_in_store(const char *store, char h[SCENARIO_HASH_LEN])
{
	char *text = path_read(MINI, NULL), *at, name[64];
	FILE *fp;

	cr_assert_not_null(text);
	at = strstr(text, "Proef belt voor de derde keer.");
	cr_assert_not_null(at);
	memcpy(at, "Proef belt voor de vierde keer", 30);
	scenario_hash(text, strlen(text), h);
	snprintf(name, sizeof name, "proef-basis.%s.ini", h);
	cr_assert_eq(path_mkdirs(store), 0);
	fp = fopen(in_dir("versies", name), "w");
	fputs(text, fp);
	fclose(fp);
	free(text);
}

Test(versions, content_version_finds_current_and_older)
{
	struct content c;
	struct diag d = {0};
	char h[SCENARIO_HASH_LEN], *store = path_join(dir, "versies");
	const struct scenario *cur, *old;

	cr_assert_eq(content_load(&c, FIXTURES "/mini", &d), 0);
	content_set_store(&c, store);
	cur = content_scenario(&c, "proef-basis");
	cr_assert_eq(content_version(&c, "proef-basis", cur->version, "log",
				     &d), cur);
	older_in_store(store, h);
	old = content_version(&c, "proef-basis", h, "log", &d);
	cr_assert_not_null(old);
	cr_assert_neq(old, cur);
	cr_assert_str_eq(old->id, "proef-basis");
	cr_assert_str_eq(old->version, h);
	cr_assert(strstr(old->steps[0].situation, "vierde keer"));
	cr_assert_eq(old->steps[0].opt[0].ev[0].ix,
		     cur->steps[0].opt[0].ev[0].ix);
	cr_assert_eq(content_version(&c, "proef-basis", h, "log", &d), old);
	cr_assert_eq(c.nscs, 1, "an older version is not listed");
	cr_assert_eq(d.n, 0);
	content_free(&c);
	free(store);
}

Test(versions, content_version_names_what_is_missing)
{
	struct content c;
	struct diag d = {0};

	cr_assert_eq(content_load(&c, FIXTURES "/mini", &d), 0);
	content_set_store(&c, "/tmp/nergens");
	cr_assert_null(content_version(&c, "proef-basis", H0, "s.csv", &d));
	cr_assert_str_eq(d.v[0].file, "s.csv");
	cr_assert(strstr(d.v[0].msg, "versie " H0 " van scenario 'proef-basis' "
			 "niet gevonden (gezocht in /tmp/nergens, "
			 FIXTURES "/mini/content/versions en " FIXTURES
			 "/mini/content/scenarios)"), "%s", d.v[0].msg);
	content_free(&c);
	diag_free(&d);
}

Test(versions, content_keep_uses_the_store)
{
	struct content c;
	struct diag d = {0};
	char *store = path_join(dir, "versies"), *name;
	const struct scenario *sc;

	cr_assert_eq(content_load(&c, FIXTURES "/mini", &d), 0);
	sc = content_scenario(&c, "proef-basis");
	cr_assert_eq(content_keep(&c, sc, &d), 0, "no store: nothing to keep");
	content_set_store(&c, store);
	cr_assert_eq(content_keep(&c, sc, &d), 0);
	name = versions_name(sc->id, sc->version);
	cr_assert(versions_matches(in_dir("versies", name), sc->version));
	free(name);
	content_free(&c);
	free(store);
}

/* Every file in content/versions is named by its hash, and every current
 * scenario's version is there. */
Test(versions, bundled_library_keeps_every_current_version)
{
	const char *vdir = TOPSRC "/content/versions";
	struct content c;
	struct diag d = {0};
	DIR *dp = opendir(vdir);
	struct dirent *e;
	size_t i, n = 0;

	cr_assert_not_null(dp, "%s ontbreekt: run tools/versions", vdir);
	while ((e = readdir(dp)) != NULL) {
		char *p;
		if (e->d_name[0] == '.')
			continue;
		p = path_join(vdir, e->d_name);
		cr_expect_eq(versions_verify(p, &d), 0, "%s: %s", p,
			     d.n ? d.v[d.n - 1].msg : "");
		free(p);
		n++;
	}
	closedir(dp);
	cr_assert_eq(content_load(&c, TOPSRC, &d), 0);
	cr_assert_geq(n, c.nscs);
	for (i = 0; i < c.nscs; i++) {
		const char *dirs[1] = {vdir};
		char *p = versions_find(dirs, 1, c.scs[i].id, c.scs[i].version);
		cr_expect_not_null(p, "%s: version %s is not in "
				   "content/versions; run tools/versions and "
				   "commit what it writes", c.scs[i].file,
				   c.scs[i].version);
		free(p);
	}
	content_free(&c);
	diag_free(&d);
}
