/*
 * request: what a key asks for. Keys never reach a screen directly: they
 * are mapped to a request through one keymap table, and the help overlay
 * and the man page's key list come from the same table (as in tig).
 */
#ifndef KC_REQUEST_H
#define KC_REQUEST_H
#include <wchar.h>

#define REQUESTS(X) \
	X(UP, "omhoog (ook k)") \
	X(DOWN, "omlaag (ook j)") \
	X(PGUP, "een pagina terug") \
	X(PGDN, "een pagina verder") \
	X(ENTER, "kiezen / verder") \
	X(OPT1, "optie 1 kiezen") \
	X(OPT2, "optie 2 kiezen") \
	X(OPT3, "optie 3 kiezen") \
	X(OPT4, "optie 4 kiezen") \
	X(UNDO, "een stap terug (alleen bij oefenen)") \
	X(STOP, "stoppen zonder resultaat (scenario met waarschuwing)") \
	X(BACK, "terug naar het vorige scherm") \
	X(HELP, "deze hulp") \
	X(REDRAW, "scherm opnieuw tekenen") \
	X(QUIT, "stoppen (je sessie blijft bewaard)")

enum request {
	REQ_NONE,
#define REQ_ENUM(name, help) REQ_##name,
	REQUESTS(REQ_ENUM)
#undef REQ_ENUM
	REQ_RESIZE,
	REQ_TEXT,		/* a character for a text field */
	REQ_COUNT
};

struct keybinding {
	int key;		/* curses key code or character */
	const char *label;	/* as shown in help */
	enum request req;
};

/* The request for a key (from get_wch: is_key says a function key). */
enum request request_for(wint_t ch, int is_key);
/* Help text of a request. */
const char *request_help(enum request r);
/* The default bindings, terminated by a zero key. */
extern const struct keybinding request_keys[];

#endif
