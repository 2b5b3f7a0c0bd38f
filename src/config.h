/*
 * config: the user's settings. Read from the INI config file, then the
 * environment, then the command line (each overriding the one before);
 * defaults are built in. Also knows the XDG locations and writes the file
 * back atomically when the trainee's name or level is first set.
 * Text values are written between double quotes; inside them '\\' is a
 * backslash and \xHH the byte HH (used for '"' and control characters),
 * so every value reads back unchanged, through iniparser 4.1 as well.
 * Names (trainee, coach) are checked at input; a name in the file that
 * cannot be used is left out with a warning so that it is asked again.
 * An unknown key is a warning, not an error (an older program keeps
 * starting with a newer config), and is written back unchanged on save.
 */
#ifndef KC_CONFIG_H
#define KC_CONFIG_H
#include "diag.h"

enum config_mode { CONFIG_OEFENEN, CONFIG_TOETS };

struct config {
	char *path;		/* config file */
	char *name;		/* trainee name, NULL when not set */
	char level;		/* 'A', 'B', 'C' or 0 when not set */
	char *content_dir;	/* NULL: next to the program, else installed */
	char *data_dir;		/* NULL: the XDG data folder */
	int colour;		/* 1 auto, 0 never */
	int no_mouse;		/* no clicks and wheel in the screens */
	enum config_mode mode;
	int fixed_order;	/* options in file order in practice ("vast") */
	char *coach;		/* coach name for feedback */
	int name_line;		/* line of an unusable trainee name, else 0 */
	int bad_line;		/* the user's file: first line left out for
				   an error, -1 for the whole file, else 0 */
	char *learner;		/* stable learner id for the LRS (a UUID) */
	struct {		/* [lrs]: see klantcoach.ini(5) */
		char *url, *homepage, *base, *keyfile, *ca;
		int share;	/* share reflection answers */
		int manual;	/* automatisch = nee: only klantcoach sync */
	} lrs;
	char *system_path;	/* the system-wide file read, or NULL */
	unsigned long long locked;	/* settings it locks (one bit each) */
	struct config_extra {	/* keys of a newer program, kept on save */
		char *section, *key, *value;
		int quoted;
	} *extra;
	size_t nextra, capextra;
};

#define CONFIG_NAME_MAX 100	/* characters (code points) in a name */

/* "$XDG_<var>/klantcoach", or "$HOME/<home_rel>/klantcoach" when the
 * variable is unset, empty or relative. NULL when HOME is unknown too. */
char *config_xdg(const char *var, const char *home_rel);
/* Fill c with built-in defaults and the default paths. */
void config_defaults(struct config *c);
/* Read the file at c->path over c. A missing file is fine (0). A broken
 * one gives -1, its problems in d and c->bad_line set; every setting of
 * it that could be read is used all the same, the others keep their
 * defaults, so that the program can start (the last problem in d says
 * so, with config_repair). */
int config_load(struct config *c, struct diag *d);
/* How to repair or reset c's file after a failed config_load: a Dutch
 * clause with the exact mv command (new string). */
char *config_repair(const struct config *c);
/* Read the system-wide file (klantcoach/klantcoach.ini in the first
 * folder of $XDG_CONFIG_DIRS that has one; default /etc/xdg) over c;
 * call before config_load. Its [beheer] vast lists settings
 * ("lrs.adres") or whole sections ("lrs") that the user's file, the
 * environment and the command line then cannot change (a warning says
 * so). A missing file is fine (0). */
int config_load_system(struct config *c, struct diag *d);
/* Apply KLANTCOACH_* and NO_COLOR environment variables; -1 on a bad value. */
int config_env(struct config *c, struct diag *d);
/* Set one setting by its key name (as in the file); -1 with a message in d
 * when the value is not allowed. */
int config_set(struct config *c, const char *key, const char *value,
	       struct diag *d, const char *file, int line);
/* Check a name as typed: leading and trailing spaces are dropped and the
 * rest goes to *out (new string). Returns NULL when the name can be used,
 * else why not (Dutch, starting in lower case) and *out stays NULL. Empty
 * names, control characters (tab, newline), invalid UTF-8 and names over
 * CONFIG_NAME_MAX characters are refused. */
const char *config_name_check(const char *s, char **out);
/* Write the settings to c->path atomically (0600, parents 0700). */
int config_save(const struct config *c, struct diag *d);
/* Parse a mode word (oefenen, toets); -1 when unknown. */
int config_parse_mode(const char *s);
/* The Dutch word for a mode. */
const char *config_mode_name(enum config_mode m);
/* The data folder to use (new string); NULL when HOME is unknown. */
char *config_data_dir(const struct config *c);
/* Release strings. */
void config_free(struct config *c);

#endif
