/* Unit tests for src/config: XDG paths, file, environment, saving. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
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
	cr_assert_eq(d.n, 1);
	cr_assert_eq(d.v[0].line, 3);
	msg = diag_format(&d.v[0]);
	cr_assert(strstr(msg, "k.ini:3: fout: cursist.niveau = 'D': verwacht A, B of C"), "%s", msg);
	free(msg);
	config_free(&c);
	diag_free(&d);
}

Test(config, unknown_key_is_an_error)
{
	struct config c;
	struct diag d = {0};

	config_defaults(&c);
	free(c.path);
	c.path = write_file("k.ini", "[cursist]\nnaan = Sanne\n");
	cr_assert_eq(config_load(&c, &d), -1);
	cr_assert_eq(d.v[0].line, 2);
	cr_assert(strstr(d.v[0].msg, "onbekende instelling 'naan'"));
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
		cr_assert(strstr(text, "[cursist]\nnaam = Anouk\nniveau = C\n"));
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
