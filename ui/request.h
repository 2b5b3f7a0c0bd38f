/*
 * request: what a key asks for. Keys never reach a screen directly: one
 * binding table maps keys to requests, and each screen offers a keymap
 * (the requests it takes in its current state, with their footer hints).
 * The lookup, the footer, the help overlay and the man page's key table
 * all come from the same data (as in tig).
 */
#ifndef KC_REQUEST_H
#define KC_REQUEST_H
#include "buf.h"
#include <wchar.h>

#define REQUESTS(X) \
	X(UP, "omhoog") \
	X(DOWN, "omlaag") \
	X(PGUP, "een pagina terug") \
	X(PGDN, "een pagina verder") \
	X(HOME, "naar het begin") \
	X(END, "naar het eind") \
	X(ENTER, "kiezen of verder") \
	X(OPT1, "optie 1 kiezen") \
	X(OPT2, "optie 2 kiezen") \
	X(OPT3, "optie 3 kiezen") \
	X(OPT4, "optie 4 kiezen") \
	X(CHOICE_A, "niveau A kiezen") \
	X(CHOICE_B, "niveau B kiezen") \
	X(CHOICE_C, "niveau C kiezen") \
	X(UNDO, "een stap terug (alleen bij oefenen)") \
	X(STOP, "stoppen zonder resultaat (scenario met waarschuwing)") \
	X(BACK, "terug naar het vorige scherm") \
	X(CLOSE, "dit scherm sluiten en teruggaan") \
	X(SETTINGS, "instellingen: naam en niveau wijzigen") \
	X(SORT, "sorteren (review)") \
	X(SEARCH, "zoeken (review)") \
	X(GROWTH, "groei van de cursist (review)") \
	X(COHORT, "cohort van het scenario (review)") \
	X(FEEDBACK, "feedback schrijven (tijdlijn)") \
	X(VOTE_UP, "een stem erbij (intervisie)") \
	X(VOTE_DOWN, "een stem eraf (intervisie)") \
	X(FIELD_NEWLINE, "nieuwe regel (tekstveld)") \
	X(FIELD_DONE, "tekst bewaren (tekstveld)") \
	X(FIELD_CANCEL, "tekstveld verlaten") \
	X(HELP, "hulp bij de toetsen van dit scherm") \
	X(REDRAW, "scherm opnieuw tekenen") \
	X(QUIT, "stoppen (je sessie blijft bewaard)")

enum request {
	REQ_NONE,
#define REQ_ENUM(name, help) REQ_##name,
	REQUESTS(REQ_ENUM)
#undef REQ_ENUM
	REQ_RESIZE,
	REQ_FIELD_EDIT,		/* the focused text field changed */
	REQ_COUNT
};

struct keybinding {
	int key;		/* curses key code or character */
	const char *label;	/* as shown in help */
	enum request req;
};

/* One request a screen takes now; a keymap is an array of them ending
 * with REQ_NONE. */
struct keymap_entry {
	enum request req;
	const char *hint;	/* footer text; NULL: only in the help */
};

/* The bindings, terminated by a zero key. */
extern const struct keybinding request_keys[];
/* The requests every screen takes (help, redraw, quit). */
extern const struct keymap_entry request_generic[];

/* The request of key ch (is_key: a function key from get_wch) in keymap
 * km. In a text field (field != 0) a printable character is never a
 * request: it is typed. REQ_NONE when km does not take the key. */
enum request request_for(const struct keymap_entry *km, wint_t ch,
			 int is_key, int field);
/* The first label of a key that asks for r in km, or NULL. */
const char *request_label(const struct keymap_entry *km, enum request r,
			  int field);
/* Help text of a request. */
const char *request_help(enum request r);
#define FOOTER_SPANS_MAX 48

/* Where the footer shows a key or a hint: columns [from, to) of its text
 * ask for req when clicked. */
struct footer_span {
	int from, to;
	enum request req;
};
struct footer_map {
	int n;
	struct footer_span v[FOOTER_SPANS_MAX];
};

/* The footer of km: "keys hint" groups, e.g. "1-3 ↑↓ Enter kiezen".
 * With map (may be NULL), where each key and hint is: a key label asks
 * for its request (a range such as 1-3 for none), a hint for the last
 * single key of its group. */
void request_footer(const struct keymap_entry *km, int field, struct buf *b,
		    struct footer_map *map);
/* The request of the footer text at column col of map, or REQ_NONE. */
enum request request_footer_at(const struct footer_map *map, int col);
/* All labels of the keys that ask for r in km, joined by spaces. */
void request_labels(const struct keymap_entry *km, enum request r, int field,
		    struct buf *b);
/* The key table of klantcoach(1): one "labels<TAB>help" line a request. */
void request_table(struct buf *b);

#endif
