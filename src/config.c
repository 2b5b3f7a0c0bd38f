/*
 * config: settings as one table (section, key, environment variable, type,
 * help) used for the file, the environment and saving, as tmux does with
 * its options table. Unknown sections or keys in the file are errors, so a
 * typo never silently falls back to a default.
 */
#include "config.h"
#include "buf.h"
#include "inifile.h"
#include "mem.h"
#include "path.h"

#include <errno.h>
#include <pwd.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum opt_type { OPT_STR, OPT_PATH, OPT_LEVEL, OPT_COLOUR, OPT_MODE };

struct opt {
	const char *section, *key, *env;
	enum opt_type type;
	size_t off;
};

static const struct opt opts[] = {
	{"cursist", "naam", "KLANTCOACH_NAME", OPT_STR, offsetof(struct config, name)},
	{"cursist", "niveau", "KLANTCOACH_LEVEL", OPT_LEVEL, offsetof(struct config, level)},
	{"paden", "inhoud", "KLANTCOACH_CONTENT", OPT_PATH, offsetof(struct config, content_dir)},
	{"paden", "gegevens", "KLANTCOACH_DATA", OPT_PATH, offsetof(struct config, data_dir)},
	{"weergave", "kleur", NULL, OPT_COLOUR, offsetof(struct config, colour)},
	{"spel", "modus", "KLANTCOACH_MODE", OPT_MODE, offsetof(struct config, mode)},
	{"coach", "naam", "KLANTCOACH_COACH", OPT_STR, offsetof(struct config, coach)},
};
#define NOPTS (sizeof opts / sizeof *opts)

static const char *home_dir(void)
{
	const char *h = getenv("HOME");
	struct passwd *pw;

	if (h && *h == '/')
		return h;
	pw = getpwuid(getuid());
	return pw ? pw->pw_dir : NULL;
}

char *config_xdg(const char *var, const char *home_rel)
{
	const char *v = getenv(var), *home;
	char *base, *r;

	if (v && v[0] == '/')
		return path_join(v, "klantcoach");
	home = home_dir();
	if (home == NULL)
		return NULL;
	base = path_join(home, home_rel);
	r = path_join(base, "klantcoach");
	free(base);
	return r;
}

void config_defaults(struct config *c)
{
	char *dir;

	memset(c, 0, sizeof *c);
	dir = config_xdg("XDG_CONFIG_HOME", ".config");
	c->path = dir ? path_join(dir, "klantcoach.ini") : NULL;
	free(dir);
	c->colour = 1;
	c->mode = CONFIG_OEFENEN;
}

int config_parse_mode(const char *s)
{
	if (strcmp(s, "oefenen") == 0)
		return CONFIG_OEFENEN;
	if (strcmp(s, "toets") == 0)
		return CONFIG_TOETS;
	return -1;
}

const char *config_mode_name(enum config_mode m)
{
	return m == CONFIG_TOETS ? "toets" : "oefenen";
}

static int set_opt(struct config *c, const struct opt *o, const char *v,
		   struct diag *d, const char *file, int line)
{
	char *field = (char *)c + o->off;
	const char *bad = NULL;

	switch (o->type) {
	case OPT_STR:
	case OPT_PATH:
		if (o->type == OPT_PATH && v[0] != '/' && file && line > 0)
			bad = "een absoluut pad (beginnend met /)";
		else if (*v == '\0')
			bad = "een niet-lege waarde";
		else {
			free(*(char **)field);
			*(char **)field = mem_strdup(v);
		}
		break;
	case OPT_LEVEL:
		if ((v[0] == 'A' || v[0] == 'B' || v[0] == 'C') && v[1] == '\0')
			*field = v[0];
		else
			bad = "A, B of C";
		break;
	case OPT_COLOUR:
		if (strcmp(v, "auto") == 0 || strcmp(v, "nooit") == 0)
			*(int *)field = strcmp(v, "auto") == 0;
		else
			bad = "auto of nooit";
		break;
	case OPT_MODE:
		if (config_parse_mode(v) >= 0)
			*(enum config_mode *)field = (enum config_mode)config_parse_mode(v);
		else
			bad = "oefenen of toets";
		break;
	}
	if (bad == NULL)
		return 0;
	diag_add(d, DIAG_ERROR, file, line, "%s.%s = '%s': verwacht %s",
		 o->section, o->key, v, bad);
	return -1;
}

int config_set(struct config *c, const char *key, const char *value,
	       struct diag *d, const char *file, int line)
{
	size_t i;

	for (i = 0; i < NOPTS; i++) {
		struct buf k = {0};
		int match;
		buf_printf(&k, "%s.%s", opts[i].section, opts[i].key);
		match = strcmp(k.s, key) == 0;
		buf_free(&k);
		if (match)
			return set_opt(c, &opts[i], value, d, file, line);
	}
	diag_add(d, DIAG_ERROR, file, line, "onbekende instelling '%s'", key);
	return -1;
}

/* Every key in the file must be one of ours. */
static int check_known(const struct inifile *f, struct diag *d)
{
	size_t i, j;
	int rc = 0;

	for (i = 0; i < f->nkeys; i++) {
		for (j = 0; j < NOPTS; j++)
			if (strcmp(f->keys[i].section, opts[j].section) == 0 &&
			    strcmp(f->keys[i].key, opts[j].key) == 0)
				break;
		if (j == NOPTS) {
			diag_add(d, DIAG_ERROR, f->path, f->keys[i].line,
				 "onbekende instelling '%s' in [%s]",
				 f->keys[i].key, f->keys[i].section);
			rc = -1;
		}
	}
	return rc;
}

int config_load(struct config *c, struct diag *d)
{
	struct inifile f;
	size_t i;
	int rc, fd;

	if (c->path == NULL || access(c->path, F_OK) != 0)
		return 0;
	fd = path_open_read(c->path, 0);
	if (fd < 0 && (errno == EISDIR || errno == ENODEV)) {
		diag_add(d, DIAG_WARNING, c->path, 0, "%s; overgeslagen, de "
			 "standaardinstellingen gelden", path_strerror(errno));
		return 0;
	}
	if (fd >= 0)
		close(fd);
	rc = inifile_load(&f, c->path, d);
	if (rc == 0)
		rc = check_known(&f, d);
	for (i = 0; rc == 0 && i < NOPTS; i++) {
		const char *v = inifile_get(&f, opts[i].section, opts[i].key);
		if (v && set_opt(c, &opts[i], v, d, c->path,
				 inifile_line(&f, opts[i].section, opts[i].key)) != 0)
			rc = -1;
	}
	inifile_free(&f);
	return rc;
}

int config_env(struct config *c, struct diag *d)
{
	const char *nc = getenv("NO_COLOR");
	size_t i;
	int rc = 0;

	for (i = 0; i < NOPTS; i++) {
		const char *v = opts[i].env ? getenv(opts[i].env) : NULL;
		if (v && *v && set_opt(c, &opts[i], v, d, opts[i].env, 0) != 0)
			rc = -1;
	}
	if (nc && *nc)
		c->colour = 0;
	return rc;
}

static void save_opt(struct buf *b, const struct config *c, const struct opt *o)
{
	const char *field = (const char *)c + o->off;

	switch (o->type) {
	case OPT_STR:
	case OPT_PATH:
		if (*(char *const *)field)
			buf_printf(b, "%s = %s\n", o->key, *(char *const *)field);
		break;
	case OPT_LEVEL:
		if (*field)
			buf_printf(b, "%s = %c\n", o->key, *field);
		break;
	case OPT_COLOUR:
		buf_printf(b, "%s = %s\n", o->key, *(const int *)field ? "auto" : "nooit");
		break;
	case OPT_MODE:
		buf_printf(b, "%s = %s\n", o->key,
			   config_mode_name(*(const enum config_mode *)field));
		break;
	}
}

int config_save(const struct config *c, struct diag *d)
{
	const char *printed = NULL;	/* the section whose header is written */
	struct buf b = {0};
	char *dir;
	size_t i;
	int rc;

	buf_add(&b, "; klantcoach instellingen; zie klantcoach.ini(5)\n");
	for (i = 0; i < NOPTS; i++) {
		struct buf line = {0};
		save_opt(&line, c, &opts[i]);
		if (line.len && opts[i].section != printed) {
			buf_printf(&b, "\n[%s]\n", opts[i].section);
			printed = opts[i].section;
		}
		buf_add(&b, buf_str(&line));
		buf_free(&line);
	}
	dir = mem_strdup(c->path);
	*strrchr(dir, '/') = '\0';
	rc = path_mkdirs(dir) == 0 ? path_write_atomic(c->path, b.s, b.len) : -1;
	if (rc != 0)
		diag_add(d, DIAG_ERROR, c->path, 0, "kan niet schrijven: %s", strerror(errno));
	free(dir);
	buf_free(&b);
	return rc;
}

char *config_data_dir(const struct config *c)
{
	return c->data_dir ? mem_strdup(c->data_dir)
			   : config_xdg("XDG_DATA_HOME", ".local/share");
}

void config_free(struct config *c)
{
	free(c->path);
	free(c->name);
	free(c->content_dir);
	free(c->data_dir);
	free(c->coach);
	memset(c, 0, sizeof *c);
}
