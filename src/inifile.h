/*
 * inifile: INI files read in one pass over their bytes, with the values
 * iniparser 4.1 would give (tests/unit/test_inifile.c compares the two),
 * plus what iniparser does not give: the line of every section and key,
 * and errors for what it would silently hide (duplicate sections and keys, upper-case names it would
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
	char *value;		/* as iniparser reads it; NULL when broken */
	int line;
	int quoted;		/* the value was between double quotes */
	int broken;		/* a loose key whose line was left out */
};

struct inifile_section {
	char *name;
	int line;
	size_t key0, nkeys;	/* its keys are keys[key0 .. key0 + nkeys) */
};

struct inifile_index;	/* hash tables of sections and keys */

struct inifile {
	char *path;
	char *data;		/* the file's bytes as read (for a hash) */
	size_t len;
	struct inifile_section *secs;
	size_t nsecs, capsecs;
	struct inifile_key *keys;
	size_t nkeys, capkeys;
	struct inifile_index *ix;
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
/* The same for the len bytes at data (allocated with malloc, NUL at
 * data[len]; f takes them over), read from path by the caller: no size
 * limit, so tools can measure the loader on large files. */
int inifile_parse(struct inifile *f, const char *path, char *data, size_t len,
		  const char *const *loose, struct diag *d);
/* The section named sec, or NULL when absent. */
const struct inifile_section *inifile_section(const struct inifile *f,
					      const char *sec);
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
