/*
 * config: settings as one table (section, key, environment variable, type,
 * field, words) used for the file, the environment and saving, as tmux
 * does with its options table. Unknown sections or keys in the file are
 * warnings that name them (a typo is seen; a newer program's key is kept
 * and written back). A system-wide file may lock settings. Text values
 * are written quoted and escaped (see config.h); names get their own
 * checks.
 */
#include "config.h"
#include "buf.h"
#include "inifile.h"
#include "mem.h"
#include "path.h"
#include "text.h"

#include <ctype.h>
#include <errno.h>
#include <pwd.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum opt_type { OPT_NAME, OPT_PATH, OPT_LEVEL, OPT_PAIR, OPT_MODE, OPT_TEXT };

/* The words of an OPT_PAIR setting: the first means 0, the second 1. */
static const char *const colour_words[2] = {"nooit", "auto"};
static const char *const order_words[2] = {"geschud", "vast"};
static const char *const yes_no[2] = {"nee", "ja"};
static const char *const no_yes[2] = {"ja", "nee"};	/* off switches */

struct opt {
	const char *section, *key, *env;
	enum opt_type type;
	size_t off;
	const char *const *words;	/* OPT_PAIR only */
};

static const struct opt opts[] = {
	{"cursist", "naam", "KLANTCOACH_NAME", OPT_NAME,
	 offsetof(struct config, name), NULL},
	{"cursist", "niveau", "KLANTCOACH_LEVEL", OPT_LEVEL,
	 offsetof(struct config, level), NULL},
	{"cursist", "id", NULL, OPT_TEXT,
	 offsetof(struct config, learner), NULL},
	{"paden", "inhoud", "KLANTCOACH_CONTENT", OPT_PATH,
	 offsetof(struct config, content_dir), NULL},
	{"paden", "gegevens", "KLANTCOACH_DATA", OPT_PATH,
	 offsetof(struct config, data_dir), NULL},
	{"weergave", "kleur", NULL, OPT_PAIR, offsetof(struct config, colour),
	 colour_words},
	{"spel", "modus", "KLANTCOACH_MODE", OPT_MODE,
	 offsetof(struct config, mode), NULL},
	{"spel", "volgorde", NULL, OPT_PAIR, offsetof(struct config, fixed_order),
	 order_words},
	{"coach", "naam", "KLANTCOACH_COACH", OPT_NAME,
	 offsetof(struct config, coach), NULL},
	{"lrs", "adres", "KLANTCOACH_LRS", OPT_TEXT,
	 offsetof(struct config, lrs.url), NULL},
	{"lrs", "organisatie", NULL, OPT_TEXT,
	 offsetof(struct config, lrs.homepage), NULL},
	{"lrs", "basis-iri", NULL, OPT_TEXT,
	 offsetof(struct config, lrs.base), NULL},
	{"lrs", "antwoorden-delen", NULL, OPT_PAIR,
	 offsetof(struct config, lrs.share), yes_no},
	{"lrs", "automatisch", NULL, OPT_PAIR,
	 offsetof(struct config, lrs.manual), no_yes},
	{"lrs", "sleutelbestand", NULL, OPT_PATH,
	 offsetof(struct config, lrs.keyfile), NULL},
	{"lrs", "ca-bestand", NULL, OPT_PATH,
	 offsetof(struct config, lrs.ca), NULL},
	{"scherm", "muis", NULL, OPT_PAIR, offsetof(struct config, no_mouse),
	 no_yes},
};
#define NOPTS (sizeof opts / sizeof *opts)
#define BIT(i) (1ULL << (i))

/* A locked setting the user tried to change: said, and ignored. */
static int is_locked(const struct config *c, size_t i, const char *where,
		     int line, struct diag *d)
{
	if (!(c->locked & BIT(i)))
		return 0;
	diag_add(d, DIAG_WARNING, where, line, "%s.%s is vastgezet door de "
		 "beheerder (%s); deze waarde telt niet", opts[i].section,
		 opts[i].key, c->system_path ? c->system_path : "systeem");
	return 1;
}

/* Names are free text the program writes: a broken line of one is left
 * out with a warning instead of making the whole file unreadable. */
static const char *const loose_keys[] = {"cursist.naam", "coach.naam", NULL};

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

const char *config_name_check(const char *s, char **out)
{
	size_t n, i, chars = 0;
	uint32_t cp;

	*out = NULL;
	s += strspn(s, " ");
	for (n = strlen(s); n > 0 && s[n - 1] == ' '; n--)
		;
	if (n == 0)
		return "een naam mag niet leeg zijn of alleen spaties hebben";
	if (!text_valid(s, n))
		return "een naam moet geldige UTF-8 zijn";
	for (i = 0; i < n; chars++) {
		i += text_decode(s + i, n - i, &cp);
		if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) ||
		    (cp >= 0x202a && cp <= 0x202e) ||	/* bidi overrides */
		    (cp >= 0x2066 && cp <= 0x2069))	/* bidi isolates */
			return "een naam mag geen tab, regeleinde of ander "
			       "stuurteken bevatten";
	}
	if (chars > CONFIG_NAME_MAX)
		return "een naam mag hoogstens 100 tekens hebben";
	*out = mem_strndup(s, n);
	return NULL;
}

static int set_name(struct config *c, const struct opt *o, const char *v,
		    struct diag *d, const char *file, int line)
{
	char **field = (char **)((char *)c + o->off), *clean;
	const char *why = config_name_check(v, &clean);

	if (why) {
		diag_add(d, DIAG_ERROR, file, line, "%s.%s: %s", o->section,
			 o->key, why);
		return -1;
	}
	free(*field);
	*field = clean;
	return 0;
}

static int set_opt(struct config *c, const struct opt *o, const char *v,
		   struct diag *d, const char *file, int line)
{
	char *field = (char *)c + o->off;
	const char *bad = NULL;

	switch (o->type) {
	case OPT_NAME:
		return set_name(c, o, v, d, file, line);
	case OPT_TEXT:
		if (*v == '\0')
			bad = "een niet-lege waarde";
		else {
			free(*(char **)field);
			*(char **)field = mem_strdup(v);
		}
		break;
	case OPT_PATH:
		if (v[0] != '/' && file && line > 0)
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
	case OPT_PAIR:
		if (strcmp(v, o->words[0]) == 0 || strcmp(v, o->words[1]) == 0)
			*(int *)field = strcmp(v, o->words[1]) == 0;
		else
			bad = "";
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
	if (o->type == OPT_PAIR)
		diag_add(d, DIAG_ERROR, file, line, "%s.%s = '%s': verwacht %s of %s",
			 o->section, o->key, v, o->words[1], o->words[0]);
	else
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
		if (match && is_locked(c, i, file, line, d))
			return 0;
		if (match)
			return set_opt(c, &opts[i], value, d, file, line);
	}
	diag_add(d, DIAG_ERROR, file, line, "onbekende instelling '%s'", key);
	return -1;
}

static void keep_extra(struct config *c, const struct inifile_key *k)
{
	struct config_extra *e;

	MEM_GROW(c->extra, c->capextra, c->nextra + 1);
	e = &c->extra[c->nextra++];
	e->section = mem_strdup(k->section);
	e->key = mem_strdup(k->key);
	e->value = mem_strdup(k->value);
	e->quoted = k->quoted;
}

/* A key that is not ours is a warning: a typo is seen, and a newer
 * program's setting in the user's file is kept for config_save. [beheer]
 * vast belongs to the system file. */
static void check_known(struct config *c, const struct inifile *f,
			int system, struct diag *d)
{
	size_t i, j;

	for (i = 0; i < f->nkeys; i++) {
		const struct inifile_key *k = &f->keys[i];
		for (j = 0; j < NOPTS; j++)
			if (strcmp(k->section, opts[j].section) == 0 &&
			    strcmp(k->key, opts[j].key) == 0)
				break;
		if (j < NOPTS || (system && strcmp(k->section, "beheer") == 0 &&
				  strcmp(k->key, "vast") == 0))
			continue;
		diag_add(d, DIAG_WARNING, f->path, k->line, "onbekende "
			 "instelling '%s' in [%s]; overgeslagen (een tikfout, "
			 "of van een nieuwere klantcoach)", k->key, k->section);
		if (!system && !k->broken && k->value)
			keep_extra(c, k);
	}
}

/* [beheer] vast: settings ("lrs.adres") or sections ("lrs") locked. */
static void read_locks(struct config *c, const struct inifile *f,
		       struct diag *d)
{
	const char *v = inifile_get(f, "beheer", "vast");
	char *list = v ? mem_strdup(v) : NULL, *w, *save = NULL;
	size_t i;

	for (w = strtok_r(list, " ,", &save); w; w = strtok_r(NULL, " ,", &save)) {
		unsigned long long before = c->locked;
		for (i = 0; i < NOPTS; i++) {
			struct buf k = {0};
			buf_printf(&k, "%s.%s", opts[i].section, opts[i].key);
			if (strcmp(w, k.s) == 0 || strcmp(w, opts[i].section) == 0)
				c->locked |= BIT(i);
			buf_free(&k);
		}
		if (c->locked == before)
			diag_add(d, DIAG_WARNING, f->path, inifile_line(f,
				 "beheer", "vast"), "beheer.vast: onbekende "
				 "instelling '%s'", w);
	}
	free(list);
}

/* A value between double quotes, decoded: \\ and \xHH (not 00). NULL
 * on any other escape. */
static char *unquote(const char *v)
{
	struct buf b = {0};

	while (*v) {
		if (*v != '\\') {
			buf_addc(&b, *v++);
		} else if (v[1] == '\\') {
			buf_addc(&b, '\\');
			v += 2;
		} else if (v[1] == 'x' && isxdigit((unsigned char)v[2]) &&
			   isxdigit((unsigned char)v[3]) &&
			   (v[2] != '0' || v[3] != '0')) {
			char hex[3] = {v[2], v[3], '\0'};
			buf_addc(&b, (char)strtol(hex, NULL, 16));
			v += 4;
		} else {
			buf_free(&b);
			return NULL;
		}
	}
	return buf_take(&b);
}

static const char bad_escape[] =
	"na '\\' hoort '\\' of xHH (twee hexadecimale cijfers)";

/* A name in the file that cannot be used is left out, so the program asks
 * for it again; the warning says how to repair the line. */
static void name_ignored(struct config *c, const struct opt *o,
			 const char *file, int line, const char *why,
			 struct diag *d)
{
	int trainee = o->off == offsetof(struct config, name);

	diag_add(d, DIAG_WARNING, file, line,
		 "%s.%s wordt niet gebruikt%s%s; %sherstel: verwijder regel %d of "
		 "zet de naam tussen dubbele aanhalingstekens (zie klantcoach.ini(5))",
		 o->section, o->key, why ? ": " : "", why ? why : "",
		 trainee ? "je naam wordt opnieuw gevraagd en dan goed bewaard; " : "",
		 line);
	if (trainee)
		c->name_line = line;
}

static int load_opt(struct config *c, const struct opt *o, const char *file,
		    const struct inifile_key *k, struct diag *d)
{
	char *v = k->value == NULL ? NULL	/* broken: reported by inifile */
		  : k->quoted ? unquote(k->value) : mem_strdup(k->value);
	char **field = (char **)((char *)c + o->off), *clean = NULL;
	const char *why;
	int rc = 0;

	if (o->type == OPT_NAME) {
		why = v ? config_name_check(v, &clean)
			: k->value == NULL ? NULL : bad_escape;
		if (clean) {
			free(*field);
			*field = clean;
		} else {
			name_ignored(c, o, file, k->line, why, d);
		}
	} else if (k->value == NULL) {
		rc = -1;	/* its line is reported by inifile */
	} else if (v == NULL) {
		diag_add(d, DIAG_ERROR, file, k->line, "%s.%s: %s", o->section,
			 o->key, bad_escape);
		rc = -1;
	} else {
		rc = set_opt(c, o, v, d, file, k->line);
	}
	free(v);
	return rc;
}

char *config_repair(const struct config *c)
{
	struct buf q = {0}, b = {0};
	const char *p;

	for (p = c->path; *p; p++)
		if (*p == '\'')
			buf_add(&q, "'\\''");
		else
			buf_addc(&q, *p);
	if (c->bad_line > 0)
		buf_printf(&b, "herstel regel %d van %s (en de andere "
			   "genoemde regels)", c->bad_line, c->path);
	else
		buf_printf(&b, "herstel %s", c->path);
	buf_printf(&b, " volgens klantcoach.ini(5), of zet het bestand opzij "
		   "en begin opnieuw met: mv '%s' '%s.oud'", buf_str(&q),
		   buf_str(&q));
	buf_free(&q);
	return buf_take(&b);
}

/* After a load with problems from diag entry first on: remember the first
 * line, and say what counts now and how to get going again. */
static void repair_hint(struct config *c, struct diag *d, size_t first)
{
	char *how;
	size_t i;

	c->bad_line = -1;
	for (i = first; i < d->n && c->bad_line < 0; i++)
		if (d->v[i].sev == DIAG_ERROR && d->v[i].line > 0)
			c->bad_line = d->v[i].line;
	how = config_repair(c);
	diag_add(d, DIAG_ERROR, c->path, 0, "%s niet gelezen; daarvoor "
		 "gelden de standaardwaarden en het bestand blijft zoals het "
		 "is; %s", c->bad_line > 0 ? "de regels hierboven zijn"
		 : "het bestand is", how);
	free(how);
}

/* Read path over c: the user's file, or with system the system-wide one
 * (whose locks then apply). */
static int load_file(struct config *c, const char *path, int system,
		     struct diag *d)
{
	struct inifile f;
	size_t i, first = d->n;
	int rc, fd;

	if (path == NULL || access(path, F_OK) != 0)
		return 0;
	fd = path_open_read(path, 0);
	if (fd < 0 && (errno == EISDIR || errno == ENODEV)) {
		diag_add(d, DIAG_WARNING, path, 0, "%s; overgeslagen, de "
			 "standaardinstellingen gelden", path_strerror(errno));
		return 0;
	}
	if (fd >= 0)
		close(fd);
	rc = inifile_load_loose(&f, path, loose_keys, d);
	if (rc == 0 || !system)
		check_known(c, &f, system, d);
	for (i = 0; (rc == 0 || !system) && i < NOPTS; i++) {
		const struct inifile_key *k =
			inifile_find(&f, opts[i].section, opts[i].key);
		if (k && !system && is_locked(c, i, path, k->line, d))
			continue;
		if (k && load_opt(c, &opts[i], path, k, d) != 0)
			rc = -1;
	}
	if (rc == 0 && system)
		read_locks(c, &f, d);
	inifile_free(&f);
	if (rc != 0 && !system)
		repair_hint(c, d, first);
	return rc;
}

int config_load(struct config *c, struct diag *d)
{
	return load_file(c, c->path, 0, d);
}

int config_load_system(struct config *c, struct diag *d)
{
	const char *dirs = getenv("XDG_CONFIG_DIRS");
	char *list = mem_strdup(dirs && *dirs ? dirs : "/etc/xdg"), *dir;
	char *save = NULL;

	for (dir = strtok_r(list, ":", &save); dir && !c->system_path;
	     dir = strtok_r(NULL, ":", &save)) {
		char *p = path_join(dir, "klantcoach/klantcoach.ini");
		if (dir[0] == '/' && access(p, F_OK) == 0)
			c->system_path = p;
		else
			free(p);
	}
	free(list);
	return load_file(c, c->system_path, 1, d);
}

int config_env(struct config *c, struct diag *d)
{
	const char *nc = getenv("NO_COLOR");
	size_t i;
	int rc = 0;

	for (i = 0; i < NOPTS; i++) {
		const char *v = opts[i].env ? getenv(opts[i].env) : NULL;
		if (v && *v && !is_locked(c, i, opts[i].env, 0, d) &&
		    set_opt(c, &opts[i], v, d, opts[i].env, 0) != 0)
			rc = -1;
	}
	if (nc && *nc)
		c->colour = 0;
	return rc;
}

/* s between double quotes: '\\' doubled; '"', control characters and
 * invalid UTF-8 as \xHH. */
static void put_quoted(struct buf *b, const char *s)
{
	size_t n = strlen(s), i, k;
	uint32_t cp;

	buf_addc(b, '"');
	for (i = 0; i < n; i += k) {
		k = text_decode(s + i, n - i, &cp);
		if (cp == TEXT_INVALID || cp < 0x20 || cp == 0x7f || cp == '"')
			buf_printf(b, "\\x%02x", (unsigned char)s[i]);
		else if (cp == '\\')
			buf_add(b, "\\\\");
		else
			buf_addn(b, s + i, k);
	}
	buf_add(b, "\"\n");
}

static void save_opt(struct buf *b, const struct config *c, const struct opt *o)
{
	const char *field = (const char *)c + o->off;

	switch (o->type) {
	case OPT_NAME:
	case OPT_PATH:
	case OPT_TEXT:
		if (*(char *const *)field) {
			buf_printf(b, "%s = ", o->key);
			put_quoted(b, *(char *const *)field);
		}
		break;
	case OPT_LEVEL:
		if (*field)
			buf_printf(b, "%s = %c\n", o->key, *field);
		break;
	case OPT_PAIR:
		if ((o->words == yes_no || o->words == no_yes) &&
		    !*(const int *)field)
			break;	/* the default: [lrs], [scherm] stay away */
		buf_printf(b, "%s = %s\n", o->key, o->words[*(const int *)field]);
		break;
	case OPT_MODE:
		buf_printf(b, "%s = %s\n", o->key,
			   config_mode_name(*(const enum config_mode *)field));
		break;
	}
}

static int our_section(const char *sec)
{
	size_t i;

	for (i = 0; i < NOPTS; i++)
		if (strcmp(opts[i].section, sec) == 0)
			return 1;
	return 0;
}

/* The kept keys of a newer program in section sec (NULL: those in
 * sections that are not ours), under a header when needed. */
static void save_extra(struct buf *b, const struct config *c, const char *sec,
		       const char **printed)
{
	size_t i;

	for (i = 0; i < c->nextra; i++) {
		const struct config_extra *e = &c->extra[i];
		if (sec ? strcmp(e->section, sec) != 0 : our_section(e->section))
			continue;
		if (*printed == NULL || strcmp(*printed, e->section) != 0) {
			buf_printf(b, "\n[%s]\n", e->section);
			*printed = e->section;
		}
		buf_printf(b, e->quoted ? "%s = \"%s\"\n" : "%s = %s\n",
			   e->key, e->value);
	}
}

/* The file text; NULL (with a message) when a line would be too long to
 * read back. */
static char *save_text(const struct config *c, struct diag *d)
{
	const char *printed = NULL;	/* the section whose header is written */
	struct buf b = {0};
	size_t i;

	buf_add(&b, "; klantcoach instellingen; zie klantcoach.ini(5)\n");
	for (i = 0; i < NOPTS; i++) {
		struct buf line = {0};
		save_opt(&line, c, &opts[i]);
		if (line.len > INIFILE_MAX_LINE + 1) {	/* + newline */
			diag_add(d, DIAG_ERROR, c->path, 0,
				 "%s.%s is te lang om te bewaren (hoogstens "
				 "%d bytes per regel)", opts[i].section,
				 opts[i].key, INIFILE_MAX_LINE);
			buf_free(&line);
			buf_free(&b);
			return NULL;
		}
		if (line.len && (printed == NULL ||
				 strcmp(opts[i].section, printed) != 0)) {
			buf_printf(&b, "\n[%s]\n", opts[i].section);
			printed = opts[i].section;
		}
		buf_add(&b, buf_str(&line));
		buf_free(&line);
		if (i + 1 == NOPTS ||
		    strcmp(opts[i + 1].section, opts[i].section) != 0)
			save_extra(&b, c, opts[i].section, &printed);
	}
	save_extra(&b, c, NULL, &printed);
	return buf_take(&b);
}

int config_save(const struct config *c, struct diag *d)
{
	char *text, *dir, *slash;
	int rc;

	if (c->path == NULL) {
		diag_add(d, DIAG_ERROR, NULL, 0, "geen plek voor de instellingen: "
			 "HOME is onbekend");
		return -1;
	}
	if ((text = save_text(c, d)) == NULL)
		return -1;
	dir = mem_strdup(c->path);
	slash = strrchr(dir, '/');
	if (slash)
		*slash = '\0';
	rc = !slash || path_mkdirs(dir) == 0
		? path_write_atomic(c->path, text, strlen(text)) : -1;
	if (rc != 0)
		diag_add(d, DIAG_ERROR, c->path, 0, "kan niet schrijven: %s", strerror(errno));
	free(dir);
	free(text);
	return rc;
}

char *config_data_dir(const struct config *c)
{
	return c->data_dir ? mem_strdup(c->data_dir)
			   : config_xdg("XDG_DATA_HOME", ".local/share");
}

void config_free(struct config *c)
{
	size_t i;

	for (i = 0; i < c->nextra; i++) {
		free(c->extra[i].section);
		free(c->extra[i].key);
		free(c->extra[i].value);
	}
	free(c->extra);
	free(c->system_path);
	free(c->path);
	free(c->name);
	free(c->content_dir);
	free(c->data_dir);
	free(c->coach);
	free(c->learner);
	free(c->lrs.url);
	free(c->lrs.homepage);
	free(c->lrs.base);
	free(c->lrs.keyfile);
	free(c->lrs.ca);
	memset(c, 0, sizeof *c);
}
