/*
 * request: the default keymap as data. Arrows and vi keys move, number
 * keys pick an option, t or Backspace undoes, ? helps, q stops, x stops
 * without a result.
 */
#include "request.h"

#include <curses.h>

const struct keybinding request_keys[] = {
	{KEY_UP, "\xe2\x86\x91", REQ_UP},
	{'k', "k", REQ_UP},
	{KEY_DOWN, "\xe2\x86\x93", REQ_DOWN},
	{'j', "j", REQ_DOWN},
	{KEY_PPAGE, "PgUp", REQ_PGUP},
	{KEY_NPAGE, "PgDn", REQ_PGDN},
	{' ', "spatie", REQ_PGDN},
	{'\n', "Enter", REQ_ENTER},
	{'\r', "Enter", REQ_ENTER},
	{KEY_ENTER, "Enter", REQ_ENTER},
	{KEY_RIGHT, "\xe2\x86\x92", REQ_ENTER},
	{'l', "l", REQ_ENTER},
	{'1', "1", REQ_OPT1},
	{'2', "2", REQ_OPT2},
	{'3', "3", REQ_OPT3},
	{'4', "4", REQ_OPT4},
	{'t', "t", REQ_UNDO},
	{KEY_BACKSPACE, "Backspace", REQ_UNDO},
	{127, "Backspace", REQ_UNDO},
	{8, "Backspace", REQ_UNDO},
	{'x', "x", REQ_STOP},
	{KEY_LEFT, "\xe2\x86\x90", REQ_BACK},
	{'h', "h", REQ_BACK},
	{27, "Esc", REQ_BACK},
	{'?', "?", REQ_HELP},
	{KEY_F(1), "F1", REQ_HELP},
	{12, "Ctrl-L", REQ_REDRAW},
	{'q', "q", REQ_QUIT},
	{0, NULL, REQ_NONE},
};

static const char *const helps[] = {
	"",
#define REQ_HELP_TEXT(name, help) help,
	REQUESTS(REQ_HELP_TEXT)
#undef REQ_HELP_TEXT
};

enum request request_for(wint_t ch, int is_key)
{
	int i;

	if (is_key && ch == KEY_RESIZE)
		return REQ_RESIZE;
	for (i = 0; request_keys[i].key; i++)
		if ((request_keys[i].key >= KEY_MIN) == (is_key != 0) &&
		    (wint_t)request_keys[i].key == ch)
			return request_keys[i].req;
	return REQ_NONE;
}

const char *request_help(enum request r)
{
	return r > REQ_NONE && r < REQ_RESIZE ? helps[r] : "";
}
