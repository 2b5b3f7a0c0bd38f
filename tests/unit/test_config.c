/* Unit tests for src/config: XDG paths, file, environment, saving. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "config.h"
#include "inifile.h"
#include "mem.h"
#include "path.h"

static char tmpdir[64];

static void setup(void)
{
	strcpy(tmpdir, "/tmp/kc-config-XXXXXX");
	cr_assert_not_null(mkdtemp(tmpdir));
	setenv("HOME", tmpdir, 1);
	unsetenv("XDG_CONFIG_HOME");
	unsetenv("XDG_DATA_HOME");
	unsetenv("NO_COLOR");
	unsetenv("KLANTCOACH_NAME");
	unsetenv("KLANTCOACH_LEVEL");
}

static void teardown(void)
{
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf %s", tmpdir);
	cr_assert_eq(system(cmd), 0);
}

static char *write_file(const char *name, const char *text)
{
	char *p = path_join(tmpdir, name);
	FILE *fp = fopen(p, "w");
	fputs(text, fp);
	fclose(fp);
	return p;
}

TestSuite(config, .init = setup, .fini = teardown);

Test(config, xdg_unset_uses_home)
{
	char *p = config_xdg("XDG_CONFIG_HOME", ".config"), want[128];

	snprintf(want, sizeof want, "%s/.config/klantcoach", tmpdir);
	cr_assert_str_eq(p, want);
	free(p);
}

Test(config, xdg_empty_and_relative_are_ignored)
{
	char *p, want[128];

	snprintf(want, sizeof want, "%s/.local/share/klantcoach", tmpdir);
	setenv("XDG_DATA_HOME", "", 1);
	p = config_xdg("XDG_DATA_HOME", ".local/share");
	cr_assert_str_eq(p, want);
	free(p);
	setenv("XDG_DATA_HOME", "relative/dir", 1);
	p = config_xdg("XDG_DATA_HOME", ".local/share");
	cr_assert_str_eq(p, want);
	free(p);
	setenv("XDG_DATA_HOME", "/abs", 1);
	p = config_xdg("XDG_DATA_HOME", ".local/share");
	cr_assert_str_eq(p, "/abs/klantcoach");
	free(p);
}

Test(config, missing_file_gives_defaults)
{
	struct config c;
	struct diag d = {0};

	config_defaults(&c);
	cr_assert_eq(config_load(&c, &d), 0);
	cr_assert_null(c.name);
	cr_assert_eq(c.level, 0);
	cr_assert_eq(c.colour, 1);
	cr_assert_eq(c.mode, CONFIG_OEFENEN);
	cr_assert_eq(d.n, 0);
	config_free(&c);
}

Test(config, file_values)
{
	struct config c;
	struct diag d = {0};

	config_defaults(&c);
	free(c.path);
	c.path = write_file("k.ini", "[cursist]\nnaam = Sanne de Vries\nniveau = B\n"
			    "[weergave]\nkleur = nooit\n[spel]\nmodus = toets\n");
	cr_assert_eq(config_load(&c, &d), 0);
	cr_assert_str_eq(c.name, "Sanne de Vries");
	cr_assert_eq(c.level, 'B');
	cr_assert_eq(c.colour, 0);
	cr_assert_eq(c.mode, CONFIG_TOETS);
	config_free(&c);
	diag_free(&d);
}

Test(config, broken_file_names_line)
{
	struct config c;
	struct diag d = {0};
	char *msg;

	config_defaults(&c);
	free(c.path);
	c.path = write_file("k.ini", "[cursist]\nnaam = Sanne\nniveau = D\n");
	cr_assert_eq(config_load(&c, &d), -1);
	cr_assert_eq(d.n, 2);
	cr_assert_eq(d.v[0].line, 3);
	msg = diag_format(&d.v[0]);
	cr_assert(strstr(msg, "k.ini:3: fout: cursist.niveau = 'D': verwacht A, B of C"), "%s", msg);
	free(msg);
	/* then what counts now and how to get going again, with the line and
	 * the exact command */
	cr_assert(strstr(d.v[1].msg, "gelden de standaardwaarden"), "%s", d.v[1].msg);
	cr_assert(strstr(d.v[1].msg, "herstel regel 3 van "), "%s", d.v[1].msg);
	cr_assert(strstr(d.v[1].msg, "mv '"), "%s", d.v[1].msg);
	cr_assert(strstr(d.v[1].msg, "k.ini.oud'"), "%s", d.v[1].msg);
	/* the readable rest is used, the bad value keeps its default */
	cr_assert_str_eq(c.name, "Sanne");
	cr_assert_eq(c.level, 0);
	cr_assert_eq(c.bad_line, 3);
	config_free(&c);
	diag_free(&d);
}

Test(config, unknown_key_is_a_warning_and_is_kept_on_save)
{
	struct config c, back;
	struct diag d = {0};
	char *text;

	config_defaults(&c);
	free(c.path);
	c.path = write_file("k.ini", "[cursist]\nnaan = Sanne\nniveau = B\n"
			    "[lrs]\nnieuw = \"x y\"\n[later]\nsleutel = 3\n");
	cr_assert_eq(config_load(&c, &d), 0, "an older program keeps starting");
	cr_assert_eq(diag_count(&d, DIAG_ERROR), 0);
	cr_assert_eq(diag_count(&d, DIAG_WARNING), 3);
	cr_assert_eq(d.v[0].line, 2);
	cr_assert(strstr(d.v[0].msg, "onbekende instelling 'naan'"));
	cr_assert_eq(c.level, 'B');
	/* saving (a name, a learner id) does not lose a newer key */
	config_set(&c, "cursist.naam", "Sanne", &d, NULL, 0);
	cr_assert_eq(config_save(&c, &d), 0);
	text = path_read(c.path, NULL);
	cr_assert(strstr(text, "naan = Sanne\n"), "%s", text);
	cr_assert(strstr(text, "[lrs]\nnieuw = \"x y\"\n"), "%s", text);
	cr_assert(strstr(text, "[later]\nsleutel = 3\n"), "%s", text);
	config_defaults(&back);
	free(back.path);
	back.path = mem_strdup(c.path);
	cr_assert_eq(config_load(&back, &d), 0);
	cr_assert_str_eq(back.name, "Sanne");
	cr_assert_eq(back.nextra, 3);
	free(text);
	config_free(&back);
	config_free(&c);
	diag_free(&d);
}

/* The system-wide file in $XDG_CONFIG_DIRS, then the user's. */
static void load_both(const char *system, const char *user,
		      struct config *c, struct diag *d)
{
	char *dir = path_join(tmpdir, "etc"), *sub = path_join(dir,
							       "klantcoach");
	char *p = path_join(sub, "klantcoach.ini");
	FILE *fp;

	cr_assert_eq(path_mkdirs(sub), 0);
	fp = fopen(p, "w");
	fputs(system, fp);
	fclose(fp);
	setenv("XDG_CONFIG_DIRS", "/bestaat/niet:relatief:" , 1);
	config_defaults(c);
	cr_assert_eq(config_load_system(c, d), 0);
	cr_assert_null(c->system_path, "no file in those folders");
	setenv("XDG_CONFIG_DIRS", dir, 1);
	cr_assert_eq(config_load_system(c, d), 0);
	cr_assert_str_eq(c->system_path, p);
	free(c->path);
	c->path = write_file("k.ini", user);
	cr_assert_eq(config_load(c, d), 0);
	unsetenv("XDG_CONFIG_DIRS");
	free(p);
	free(sub);
	free(dir);
}

Test(config, system_file_first_and_its_locked_keys_stay)
{
	struct config c;
	struct diag d = {0};

	load_both("[lrs]\nadres = \"https://lrs.org.nl/xAPI\"\n"
		  "organisatie = \"https://org.nl\"\n[spel]\nmodus = toets\n"
		  "[beheer]\nvast = lrs.adres lrs.antwoorden-delen\n",
		  "[spel]\nmodus = oefenen\n[lrs]\nadres = \"https://eigen.nl\"\n"
		  "organisatie = \"https://eigen.nl\"\nantwoorden-delen = ja\n",
		  &c, &d);
	cr_assert_str_eq(c.lrs.url, "https://lrs.org.nl/xAPI", "locked");
	cr_assert_eq(c.lrs.share, 0, "locked at its default");
	cr_assert_str_eq(c.lrs.homepage, "https://eigen.nl", "not locked");
	cr_assert_eq(c.mode, CONFIG_OEFENEN, "the user's file wins");
	cr_assert_eq(diag_count(&d, DIAG_WARNING), 2);
	cr_assert(strstr(d.v[0].msg, "lrs.adres is vastgezet"), "%s", d.v[0].msg);
	setenv("KLANTCOACH_LRS", "https://omweg.nl", 1);
	cr_assert_eq(config_env(&c, &d), 0);
	unsetenv("KLANTCOACH_LRS");
	cr_assert_str_eq(c.lrs.url, "https://lrs.org.nl/xAPI", "env too");
	cr_assert(strstr(d.v[2].msg, "vastgezet"), "%s", d.v[2].msg);
	config_free(&c);
	diag_free(&d);
}

Test(config, a_whole_section_can_be_locked)
{
	struct config c;
	struct diag d = {0};

	load_both("[beheer]\nvast = lrs, onzin\n",
		  "[lrs]\nbasis-iri = \"https://eigen.nl\"\n", &c, &d);
	cr_assert_null(c.lrs.base);
	cr_assert(strstr(d.v[0].msg, "onbekende instelling 'onzin'"), "%s",
		  d.v[0].msg);
	cr_assert(strstr(d.v[1].msg, "lrs.basis-iri is vastgezet"), "%s",
		  d.v[1].msg);
	config_free(&c);
	diag_free(&d);
}

Test(config, beheer_in_the_users_file_locks_nothing)
{
	struct config c;
	struct diag d = {0};

	config_defaults(&c);
	free(c.path);
	c.path = write_file("k.ini", "[beheer]\nvast = lrs\n");
	cr_assert_eq(config_load(&c, &d), 0);
	cr_assert_eq(c.locked, 0);
	cr_assert(strstr(d.v[0].msg, "onbekende instelling 'vast'"));
	config_free(&c);
	diag_free(&d);
}

Test(config, env_overrides_file)
{
	struct config c;
	struct diag d = {0};

	config_defaults(&c);
	free(c.path);
	c.path = write_file("k.ini", "[cursist]\nnaam = Sanne\n");
	setenv("KLANTCOACH_NAME", "Piet", 1);
	setenv("NO_COLOR", "1", 1);
	cr_assert_eq(config_load(&c, &d), 0);
	cr_assert_eq(config_env(&c, &d), 0);
	cr_assert_str_eq(c.name, "Piet");
	cr_assert_eq(c.colour, 0);
	config_free(&c);
}

Test(config, bad_env_value)
{
	struct config c;
	struct diag d = {0};

	config_defaults(&c);
	setenv("KLANTCOACH_LEVEL", "Z", 1);
	cr_assert_eq(config_env(&c, &d), -1);
	cr_assert_str_eq(d.v[0].file, "KLANTCOACH_LEVEL");
	config_free(&c);
	diag_free(&d);
}

Test(config, save_is_private_and_reloads)
{
	struct config c, r;
	struct diag d = {0};
	struct stat st;
	char *dir;

	config_defaults(&c);
	config_set(&c, "cursist.naam", "Anouk", &d, NULL, 0);
	config_set(&c, "cursist.niveau", "C", &d, NULL, 0);
	cr_assert_eq(config_save(&c, &d), 0);
	cr_assert_eq(stat(c.path, &st), 0);
	cr_assert_eq(st.st_mode & 0777, 0600);
	dir = config_xdg("XDG_CONFIG_HOME", ".config");
	cr_assert_eq(stat(dir, &st), 0);
	cr_assert_eq(st.st_mode & 0777, 0700);
	free(dir);
	{
		char *text = path_read(c.path, NULL);
		cr_assert_null(strstr(text, "[paden]"), "no empty sections: %s", text);
		cr_assert(strstr(text, "[cursist]\nnaam = \"Anouk\"\nniveau = C\n"));
		free(text);
	}
	config_defaults(&r);
	cr_assert_eq(config_load(&r, &d), 0);
	cr_assert_str_eq(r.name, "Anouk");
	cr_assert_eq(r.level, 'C');
	cr_assert_eq(d.n, 0);
	config_free(&c);
	config_free(&r);
}

Test(config, set_rejects_unknown)
{
	struct config c;
	struct diag d = {0};

	config_defaults(&c);
	cr_assert_eq(config_set(&c, "cursist.x", "1", &d, NULL, 0), -1);
	cr_assert_eq(config_parse_mode("toets"), CONFIG_TOETS);
	cr_assert_eq(config_parse_mode("spelen"), -1);
	config_free(&c);
	diag_free(&d);
}

Test(config, order_is_shuffled_unless_vast)
{
	struct config c;
	struct diag d = {0};

	config_defaults(&c);
	cr_assert_eq(c.fixed_order, 0, "shuffled by default");
	cr_assert_eq(config_set(&c, "spel.volgorde", "vast", &d, NULL, 0), 0);
	cr_assert_eq(c.fixed_order, 1);
	cr_assert_eq(config_set(&c, "spel.volgorde", "geschud", &d, NULL, 0), 0);
	cr_assert_eq(c.fixed_order, 0);
	cr_assert_eq(config_set(&c, "spel.volgorde", "los", &d, "k.ini", 4), -1);
	cr_assert_str_eq(d.v[0].msg, "spel.volgorde = 'los': verwacht vast of geschud");
	cr_assert_eq(config_set(&c, "weergave.kleur", "soms", &d, "k.ini", 5), -1);
	cr_assert_str_eq(d.v[1].msg, "weergave.kleur = 'soms': verwacht auto of nooit");
	config_free(&c);
	diag_free(&d);
}

/* [scherm] muis: on by default and not written then; "nee" is kept on
 * save and read back. */
Test(config, mouse_off_is_kept)
{
	struct config c, r;
	struct diag d = {0};
	char *text;

	config_defaults(&c);
	cr_assert_eq(c.no_mouse, 0, "the mouse is on by default");
	cr_assert_eq(config_save(&c, &d), 0);
	text = path_read(c.path, NULL);
	cr_assert_null(strstr(text, "[scherm]"), "%s", text);
	free(text);
	cr_assert_eq(config_set(&c, "scherm.muis", "soms", &d, "k.ini", 3), -1);
	cr_assert_str_eq(d.v[0].msg, "scherm.muis = 'soms': verwacht nee of ja");
	cr_assert_eq(config_set(&c, "scherm.muis", "nee", &d, NULL, 0), 0);
	cr_assert_eq(c.no_mouse, 1);
	cr_assert_eq(config_save(&c, &d), 0);
	text = path_read(c.path, NULL);
	cr_assert(strstr(text, "[scherm]\nmuis = nee\n"), "%s", text);
	free(text);
	config_defaults(&r);
	cr_assert_eq(config_load(&r, &d), 0);
	cr_assert_eq(r.no_mouse, 1);
	config_free(&c);
	config_free(&r);
	diag_free(&d);
}

Test(config, lrs_sync_is_automatic_unless_nee_and_nee_is_saved)
{
	struct config c;
	struct diag d = {0};
	char *text;

	config_defaults(&c);
	cr_assert_eq(c.lrs.manual, 0, "automatic by default");
	cr_assert_eq(config_set(&c, "lrs.automatisch", "nee", &d, NULL, 0), 0);
	cr_assert_eq(c.lrs.manual, 1);
	cr_assert_eq(config_set(&c, "lrs.automatisch", "soms", &d, "k.ini", 3),
		     -1);
	cr_assert_str_eq(d.v[0].msg,
			 "lrs.automatisch = 'soms': verwacht nee of ja");
	cr_assert_eq(config_save(&c, &d), 0);
	text = path_read(c.path, NULL);
	cr_assert(strstr(text, "automatisch = nee\n"), "%s", text);
	free(text);
	cr_assert_eq(config_set(&c, "lrs.automatisch", "ja", &d, NULL, 0), 0);
	cr_assert_eq(config_save(&c, &d), 0);
	text = path_read(c.path, NULL);
	cr_assert_null(strstr(text, "automatisch"), "the default: %s", text);
	free(text);
	config_free(&c);
	diag_free(&d);
}

/* ---- names: checks at input, quoting in the file, old broken lines ---- */

static int load_text(const char *text, struct config *c, struct diag *d)
{
	config_defaults(c);
	free(c->path);
	c->path = write_file("k.ini", text);
	return config_load(c, d);
}

Test(config, name_check_trims_and_refuses)
{
	static const struct { const char *in, *out, *why; } cases[] = {
		{"  Sanne de Vries  ", "Sanne de Vries", NULL},
		{"José \"Joop\" van Dijk; team #3", "José \"Joop\" van Dijk; team #3", NULL},
		{"", NULL, "leeg"},
		{"     ", NULL, "leeg"},
		{"Jan\nPiet", NULL, "stuurteken"},
		{"Jan\tPiet", NULL, "stuurteken"},
		{"Jan\033[2J", NULL, "stuurteken"},
		{"Jan\xc2\x85", NULL, "stuurteken"},		/* C1 NEL */
		{"Jan\xe2\x80\xae", NULL, "stuurteken"},	/* bidi override */
		{"Jos\xe9", NULL, "UTF-8"},
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *out;
		const char *why = config_name_check(cases[i].in, &out);
		if (cases[i].out) {
			cr_assert_null(why, "case %zu: %s", i, why);
			cr_assert_str_eq(out, cases[i].out);
		} else {
			cr_assert_null(out, "case %zu", i);
			cr_assert(why && strstr(why, cases[i].why), "case %zu: %s", i, why);
		}
		free(out);
	}
}

Test(config, name_cap_counts_characters_not_bytes)
{
	char s[512] = "", *out;
	int i;

	for (i = 0; i < CONFIG_NAME_MAX; i++)
		strcat(s, "\xc3\xa9");		/* é: 2 bytes, 1 character */
	cr_assert_null(config_name_check(s, &out));
	cr_assert_eq(strlen(out), 2 * CONFIG_NAME_MAX);
	free(out);
	strcat(s, "e");
	cr_assert(strstr(config_name_check(s, &out), "hoogstens 100 tekens"));
	cr_assert_null(out);
}

Test(config, bad_name_on_command_line_is_an_error)
{
	struct config c;
	struct diag d = {0};

	config_defaults(&c);
	cr_assert_eq(config_set(&c, "cursist.naam", "  ", &d, "--name", 0), -1);
	cr_assert_null(c.name);
	cr_assert_str_eq(d.v[0].file, "--name");
	cr_assert(strstr(d.v[0].msg, "cursist.naam: een naam mag niet leeg zijn"), "%s", d.v[0].msg);
	config_free(&c);
	diag_free(&d);
}

Test(config, hostile_name_is_written_quoted_and_reads_back)
{
	struct config c, r;
	struct diag d = {0};
	const char *name = "\"José\" 'Joop' van Dijk; team #3 = [x] \\x22 \\";
	char *text;

	config_defaults(&c);
	cr_assert_eq(config_set(&c, "cursist.naam", name, &d, NULL, 0), 0);
	cr_assert_eq(config_set(&c, "cursist.niveau", "B", &d, NULL, 0), 0);
	cr_assert_eq(config_save(&c, &d), 0);
	text = path_read(c.path, NULL);
	cr_assert(strstr(text, "naam = \"\\x22José\\x22 'Joop' van Dijk; team #3 = [x] \\\\x22 \\\\\"\n"
			 "niveau = B\n"), "%s", text);
	free(text);
	config_defaults(&r);
	cr_assert_eq(config_load(&r, &d), 0);
	cr_assert_eq(d.n, 0);
	cr_assert_str_eq(r.name, name);
	cr_assert_eq(r.level, 'B');
	config_free(&c);
	config_free(&r);
}

/* Random strings of n code points from an alphabet full of what INI
 * files and iniparser treat specially. */
static void random_text(struct buf *b, unsigned *seed, size_t n, int controls)
{
	static const char *const alpha[] = {
		"a", "Z", "0", " ", ";", "#", "\"", "'", "\\", "=", "[", "]", ":",
		"%", "x", "\xc3\xa9", "\xc3\xbc", "\xe6\x97\xa5", "\xf0\x9f\x98\x80",
		"\xc2\xa0", "2",
	};
	static const char *const ctl[] = {"\n", "\t", "\r", "\x01", "\x7f"};
	size_t na = sizeof alpha / sizeof *alpha, i;

	for (i = 0; i < n; i++) {
		*seed = *seed * 1103515245u + 12345u;
		if (controls && (*seed >> 16) % 10 == 0)
			buf_add(b, ctl[(*seed >> 8) % 5]);
		else
			buf_add(b, alpha[(*seed >> 16) % na]);
	}
}

/* Whatever the program writes it reads back unchanged, and nothing ends
 * up in another section or key: 3000 random names (up to the cap, with a
 * trailing backslash and leading or trailing quotes now and then), coach
 * names and data paths (paths may hold control characters). */
Test(config, save_load_round_trip_property)
{
	char dir[] = "/dev/shm/kc-rt-XXXXXX", *path;
	unsigned seed = 20261130;
	int i, tested = 0;

	if (access("/dev/shm", W_OK) != 0 || mkdtemp(dir) == NULL)
		strcpy(dir, tmpdir);	/* slower: fsync on a disk */
	path = path_join(dir, "rt.ini");
	for (i = 0; i < 3000; i++) {
		struct buf n = {0}, co = {0}, p = {0};
		struct config c, r;
		struct diag d = {0};
		struct inifile f;
		char *want;

		random_text(&n, &seed, i % 3 ? 1 + seed % (CONFIG_NAME_MAX - 1)
					  : CONFIG_NAME_MAX - 1, 0);
		if (i % 5 == 0)
			buf_add(&n, i % 10 ? "\\" : "\"");
		if (i % 7 == 0)
			buf_add(&co, "\"");
		random_text(&co, &seed, 1 + seed % 40, 0);
		buf_add(&p, "/");
		random_text(&p, &seed, seed % 60, 1);
		config_defaults(&c);
		free(c.path);
		c.path = mem_strdup(path);
		c.level = 'C';
		c.mode = CONFIG_TOETS;
		c.fixed_order = i & 1;
		c.data_dir = mem_strdup(buf_str(&p));
		if (config_name_check(buf_str(&n), &want) != NULL) {
			cr_assert(strstr(config_name_check(buf_str(&n), &want), "leeg"),
				  "case %d: '%s' refused", i, buf_str(&n));
			goto next;
		}
		cr_assert_eq(config_set(&c, "cursist.naam", buf_str(&n), &d, NULL, 0), 0);
		if (config_set(&c, "coach.naam", buf_str(&co), &d, NULL, 0) != 0)
			cr_assert_eq(d.n, 1, "only an empty coach name is refused");
		cr_assert_eq(config_save(&c, &d), 0, "case %d", i);
		config_defaults(&r);
		free(r.path);
		r.path = mem_strdup(path);
		cr_assert_eq(config_load(&r, &d), 0, "case %d: %s", i, d.n ? d.v[0].msg : "");
		cr_assert_eq(d.n, c.coach ? 0 : 1, "case %d: no warnings", i);
		cr_assert_str_eq(r.name, want, "case %d", i);
		cr_assert_str_eq(r.data_dir, c.data_dir, "case %d", i);
		if (c.coach)
			cr_assert_str_eq(r.coach, c.coach, "case %d", i);
		cr_assert_eq(r.level, 'C');
		cr_assert_eq(r.mode, CONFIG_TOETS);
		cr_assert_eq(r.fixed_order, i & 1);
		cr_assert_null(r.content_dir);
		cr_assert_eq(inifile_load(&f, path, &d), 0);
		cr_assert_eq(f.nsecs, c.coach ? 5 : 4, "case %d: sections", i);
		cr_assert_eq(f.nkeys, c.coach ? 7 : 6, "case %d: keys", i);
		inifile_free(&f);
		config_free(&r);
		tested++;
next:
		free(want);
		config_free(&c);
		diag_free(&d);
		buf_free(&n);
		buf_free(&co);
		buf_free(&p);
	}
	cr_assert_gt(tested, 2500);
	unlink(path);
	if (strcmp(dir, tmpdir) != 0)
		rmdir(dir);
	free(path);
}

/* Name lines the old writer could produce: each is left out with a
 * warning that says how to repair it; the rest of the file still counts
 * and the name is asked again (name_line). */
Test(config, old_broken_name_lines_do_not_lock_out)
{
	static const char *const lines[] = {
		"naam = Jos\xc3\xa9 \"Joop\" van Dijk; team #3\n",
		"naam = Jan \\\n",
		"naam = \"Jan\" \"Piet\"\n",
		"naam = \n",
		"naam = \"   \"\n",
		"naam = \"Jan \\q\"\n",
		"naam = \"Jan\\x0aPiet\"\n",
	};
	size_t i;

	for (i = 0; i < sizeof lines / sizeof *lines; i++) {
		struct config c;
		struct diag d = {0};
		struct buf t = {0};
		char *msg;

		buf_printf(&t, "[cursist]\n%sniveau = C\n[paden]\ngegevens = /data\n"
			   "[coach]\nnaam = Ria\n", lines[i]);
		cr_assert_eq(load_text(t.s, &c, &d), 0, "case %zu", i);
		cr_assert_null(c.name, "case %zu", i);
		cr_assert_eq(c.name_line, 2, "case %zu", i);
		cr_assert_eq(c.level, 'C', "case %zu: next line not swallowed", i);
		cr_assert_str_eq(c.data_dir, "/data");
		cr_assert_str_eq(c.coach, "Ria");
		cr_assert_eq(diag_count(&d, DIAG_ERROR), 0, "case %zu", i);
		msg = diag_format(&d.v[d.n - 1]);
		cr_assert(strstr(msg, "k.ini:2: waarschuwing: cursist.naam wordt niet gebruikt"),
			  "case %zu: %s", i, msg);
		cr_assert(strstr(msg, "je naam wordt opnieuw gevraagd"), "%s", msg);
		cr_assert(strstr(msg, "verwijder regel 2 of zet de naam tussen dubbele "
				 "aanhalingstekens"), "%s", msg);
		free(msg);
		buf_free(&t);
		diag_free(&d);
		config_free(&c);
	}
}

Test(config, old_over_long_name_line_is_left_out)
{
	struct config c;
	struct diag d = {0};
	struct buf t = {0};
	int i;

	buf_add(&t, "[cursist]\nnaam = ");
	for (i = 0; i < 1100; i++)
		buf_addc(&t, 'x');
	buf_add(&t, "\nniveau = A\n");
	cr_assert_eq(load_text(t.s, &c, &d), 0);
	cr_assert_null(c.name);
	cr_assert_eq(c.level, 'A');
	cr_assert(strstr(d.v[0].msg, "regel is 1107 bytes"), "%s", d.v[0].msg);
	buf_free(&t);
	diag_free(&d);
	config_free(&c);
}

/* A newline in a name once injected lines into the file: those cannot be
 * told from settings, so loading fails with the way out, and the lines
 * that can be read count. */
Test(config, injected_lines_fail_with_repair_hint)
{
	struct config c;
	struct diag d = {0};
	char *how;

	cr_assert_eq(load_text("[cursist]\nnaam = Jan\nPiet\nniveau = B\n"
			       "[spel]\nmodus = 3\n", &c, &d), -1);
	cr_assert_eq(d.v[0].line, 3);
	cr_assert(strstr(d.v[d.n - 1].msg, "k.ini.oud'"), "%s", d.v[d.n - 1].msg);
	cr_assert_str_eq(c.name, "Jan");
	cr_assert_eq(c.level, 'B');
	cr_assert_eq(c.mode, CONFIG_OEFENEN, "the default for the bad value");
	cr_assert_eq(c.bad_line, 3);
	how = config_repair(&c);
	cr_assert(strstr(how, "herstel regel 3 van "), "%s", how);
	free(how);
	diag_free(&d);
	config_free(&c);
}

/* An open quote in a setting that is not the name (found by fuzzing: it
 * was read through a null pointer): its line is named and left out, the
 * rest counts. */
Test(config, unterminated_quote_is_left_out_with_its_line)
{
	struct config c;
	struct diag d = {0};
	char *msg;

	cr_assert_eq(load_text("[cursist]\nniveau = C\n[lrs]\n"
			       "organisatie = \"https://\n", &c, &d), -1);
	cr_assert_eq(c.level, 'C');
	cr_assert(c.lrs.homepage == NULL ||
		  strcmp(c.lrs.homepage, "https://") != 0, "the default stays");
	cr_assert_eq(c.bad_line, 4);
	msg = diag_format(&d.v[0]);
	cr_assert(strstr(msg, "k.ini:4: ") && strstr(msg, "waarde van "
			 "'organisatie' heeft aanhalingstekens"), "%s", msg);
	free(msg);
	diag_free(&d);
	config_free(&c);
}

/* A file that is no text at all: nothing of it is used, all defaults. */
Test(config, unreadable_file_gives_defaults)
{
	struct config c;
	struct diag d = {0};

	cr_assert_eq(load_text("\001\002\377\n", &c, &d), -1);
	cr_assert_null(c.name);
	cr_assert_eq(c.colour, 1);
	cr_assert_neq(c.bad_line, 0);
	cr_assert(strstr(d.v[d.n - 1].msg, "gelden de standaardwaarden"),
		  "%s", d.v[d.n - 1].msg);
	diag_free(&d);
	config_free(&c);
}

Test(config, save_fails_cleanly_where_it_cannot_write)
{
	struct config c;
	struct diag d = {0};
	char *blocker = write_file("blok", "x");

	config_defaults(&c);
	c.name = mem_strdup("Sanne");
	free(c.path);
	c.path = path_join(blocker, "klantcoach.ini");	/* a file as folder */
	cr_assert_eq(config_save(&c, &d), -1);
	cr_assert(strstr(d.v[0].msg, "kan niet schrijven"), "%s", d.v[0].msg);
	free(c.path);
	c.path = mem_strdup("relatief.ini");	/* no folder part */
	cr_assert_eq(chdir(tmpdir), 0);
	cr_assert_eq(config_save(&c, &d), 0);
	cr_assert_eq(access("relatief.ini", F_OK), 0);
	free(blocker);
	diag_free(&d);
	config_free(&c);
}
