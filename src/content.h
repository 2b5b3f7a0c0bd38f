/*
 * content: everything under a content root: personas/<id>.ini,
 * content/frameworks/<id>/ and content/scenarios/<id>.ini, loaded in name
 * order. An id is lower-case letters, digits and '-'; any other name ending
 * in .ini (or folder) is an error and is not loaded, names not ending in
 * .ini (x.ini.bak, x.ini~) and names starting with '.' are ignored. A file
 * that fails to load is left out and its problems are kept in the caller's
 * diag; the rest stays usable.
 */
#ifndef KC_CONTENT_H
#define KC_CONTENT_H
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
	struct scenario *scs;
	size_t nscs;
	/* how many of each came from the root; content_add_path adds after */
	size_t root_npersonas, root_nfws, root_nscs;
};

/* Load all content under root. Returns the number of files that failed to
 * load (0 when everything loaded); -1 when root holds no content at all. */
int content_load(struct content *c, const char *root, struct diag *d);
/* Like content_load, with content/scenarios/<id>.ini as the only scenario
 * (for starting one scenario without parsing the whole library). */
int content_load_one(struct content *c, const char *root, const char *id,
		     struct diag *d);
/* Load one more persona, framework folder or scenario file (for check on
 * explicit paths); 0 or -1. It goes before root content with the same id
 * (look-ups take the last loaded); the same id as an earlier explicit path
 * is an error naming both, and the new one is not kept. */
int content_add_path(struct content *c, const char *path, struct diag *d);
/* Look-ups by id; NULL when absent. */
const struct persona *content_persona(const struct content *c, const char *id);
const struct framework *content_framework(const struct content *c, const char *id);
const struct scenario *content_scenario(const struct content *c, const char *id);
/* Free everything. */
void content_free(struct content *c);

#endif
