/*
 * inifile: INI files read with iniparser, plus what iniparser does not
 * give: the line of every section and key, and errors for what it would
 * silently hide (duplicate sections and keys, upper-case names it would
 * lower-case, over-long lines it would truncate, values it would cut at
 * ';' or '#', stray quotes, continuation lines, invalid UTF-8). A UTF-8
 * byte-order mark at the start of the file is skipped.
 * Keys named "loose" by the caller (free text the program writes itself)
 * survive a broken line: it is left out with a warning, so one bad value
 * cannot make the whole file unreadable.
 */
#ifndef KC_INIFILE_H
#define KC_INIFILE_H
#include "diag.h"

#define INIFILE_MAX_LINE 1000	/* bytes; iniparser's own buffer is 1024 */

struct inifile_key {
	char *section, *key;
	const char *value;	/* iniparser's copy, set after loading */
	int line;
	int quoted;		/* the value was between double quotes */
	int broken;		/* a loose key whose line was left out */
};

struct inifile_section {
	char *name;
	int line;
};

struct inifile {
	char *path;
	void *dict;		/* iniparser dictionary */
	struct inifile_section *secs;
	size_t nsecs, capsecs;
	struct inifile_key *keys;
	size_t nkeys, capkeys;
	size_t *slot, nslot;	/* hash of section+key -> index + 1 */
};

/* Load path; every problem goes to d. A file that is not a regular file,
 * or is over PATH_MAX_INI bytes, is refused before it is parsed. Returns
 * 0, or -1 when the file cannot be used (then f holds nothing to free
 * beyond inifile_free). */
int inifile_load(struct inifile *f, const char *path, struct diag *d);
/* The same, but a broken line of a key in loose (NULL-terminated list of
 * "section.key") is a warning: the key is kept as broken, without value. */
int inifile_load_loose(struct inifile *f, const char *path,
		       const char *const *loose, struct diag *d);
/* The key section:key, or NULL when absent. */
const struct inifile_key *inifile_find(const struct inifile *f,
				       const char *sec, const char *key);
/* The value of section:key, or NULL when absent. */
const char *inifile_get(const struct inifile *f, const char *sec,
			const char *key);
/* Line of section:key; with key NULL, of the section; 0 when absent. */
int inifile_line(const struct inifile *f, const char *sec, const char *key);
/* A warning in d for every key of section sec not in known (NULL-ended). */
void inifile_warn_unknown(const struct inifile *f, const char *sec,
			  const char *const *known, struct diag *d);
/* Free everything. */
void inifile_free(struct inifile *f);

#endif
