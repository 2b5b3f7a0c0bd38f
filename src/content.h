/*
 * content: everything under a content root: personas/<id>.ini,
 * content/frameworks/<id>/, the crosswalks between frameworks in
 * content/frameworks/crosswalk/<from>-<to>.csv and
 * content/scenarios/<id>.ini, loaded in name order. An id is lower-case letters, digits and '-'; any other name ending
 * in .ini (or folder) is an error and is not loaded, names not ending in
 * .ini (x.ini.bak, x.ini~) and names starting with '.' are ignored. A file
 * that fails to load is left out and its problems are kept in the caller's
 * diag; the rest stays usable.
 * Older versions of a scenario (for logs played on them) are found
 * through versions.h and loaded on demand; they are kept beside the
 * library, never listed in it.
 */
#ifndef KC_CONTENT_H
#define KC_CONTENT_H
#include "crosswalk.h"
#include "diag.h"
#include "framework.h"
#include "persona.h"
#include "scenario.h"

struct content {
	char *root;
	struct persona *personas;
	size_t npersonas;
	struct framework *fws;
	size_t nfws;
	struct crosswalk *cws;
	size_t ncws, capcws;
	struct scenario *scs;
	size_t nscs;
	/* how many of each came from the root; content_add_path adds after */
	size_t root_npersonas, root_nfws, root_nscs;
	char *store;		/* the data folder's copies, or NULL */
	struct content_older *older;	/* versions loaded on demand */
};

/* Load all content under root. Returns the number of files that failed to
 * load (0 when everything loaded); -1 when root holds no content at all. */
int content_load(struct content *c, const char *root, struct diag *d);
/* Like content_load, with content/scenarios/<id>.ini as the only scenario
 * (for starting one scenario without parsing the whole library). */
int content_load_one(struct content *c, const char *root, const char *id,
		     struct diag *d);
/* Load one more persona, framework folder, crosswalk (a .csv file) or
 * scenario file (for check on explicit paths); 0 or -1. It goes before root content with the same id
 * (look-ups take the last loaded); the same id as an earlier explicit path
 * is an error naming both, and the new one is not kept. */
int content_add_path(struct content *c, const char *path, struct diag *d);
/* Look-ups by id; NULL when absent. */
const struct persona *content_persona(const struct content *c, const char *id);
const struct framework *content_framework(const struct content *c, const char *id);
const struct scenario *content_scenario(const struct content *c, const char *id);
/* The n-th (from 0) scenario of persona id in file order; NULL past the
 * last. */
const struct scenario *content_persona_scenario(const struct content *c,
						const char *id, size_t n);
/* The crosswalk from framework from to framework to (the last loaded);
 * NULL when absent. */
const struct crosswalk *content_crosswalk(const struct content *c,
					  const char *from, const char *to);
/* Set the folder where the copies of played versions are kept. */
void content_set_store(struct content *c, const char *dir);
/* Keep a copy of sc's file in the store (versions_keep) before a session
 * on it starts; 0 when kept or when there is no store, -1 (reason in d). */
int content_keep(const struct content *c, const struct scenario *sc,
		 struct diag *d);
/* Scenario id at the given version: the current one when its hash
 * matches, else a copy from the store or the bundled content/versions,
 * loaded once. NULL with an error in d (at path, the log being opened)
 * naming the missing version and where it was looked for. */
const struct scenario *content_version(const struct content *c, const char *id,
				       const char *version, const char *path,
				       struct diag *d);
/* Free everything. */
void content_free(struct content *c);

#endif
