/*
 * request: the binding table as data and the lookups over it. Arrows and
 * vi keys move, number keys pick an option, a-c a level, t or Backspace
 * undoes, ? helps, q stops, x stops without a result; the coach's letters
 * and the intervisie's + and - are here too. A key may ask for different
 * requests on different screens: the screen's keymap decides.
 */
#include "request.h"
#include "text.h"

#include <curses.h>
#include <string.h>

#define ARROW_UP "\xe2\x86\x91"
#define ARROW_DOWN "\xe2\x86\x93"

const struct keybinding request_keys[] = {
	{KEY_UP, ARROW_UP, REQ_UP},
	{'k', "k", REQ_UP},
	{KEY_DOWN, ARROW_DOWN, REQ_DOWN},
	{'j', "j", REQ_DOWN},
	{KEY_PPAGE, "PgUp", REQ_PGUP},
	{KEY_NPAGE, "PgDn", REQ_PGDN},
	{' ', "spatie", REQ_PGDN},
	{KEY_HOME, "Home", REQ_HOME},
	{KEY_END, "End", REQ_END},
	{'\n', "Enter", REQ_FIELD_NEWLINE},
	{'\r', "Enter", REQ_FIELD_NEWLINE},
	{KEY_ENTER, "Enter", REQ_FIELD_NEWLINE},
	{'\n', "Enter", REQ_ENTER},
	{'\r', "Enter", REQ_ENTER},
	{KEY_ENTER, "Enter", REQ_ENTER},
	{KEY_RIGHT, "\xe2\x86\x92", REQ_ENTER},
	{'l', "l", REQ_ENTER},
	{'1', "1", REQ_OPT1},
	{'2', "2", REQ_OPT2},
	{'3', "3", REQ_OPT3},
	{'4', "4", REQ_OPT4},
	{'a', "a", REQ_CHOICE_A},
	{'b', "b", REQ_CHOICE_B},
	{'c', "c", REQ_CHOICE_C},
	{'t', "t", REQ_UNDO},
	{KEY_BACKSPACE, "Backspace", REQ_UNDO},
	{127, "Backspace", REQ_UNDO},
	{8, "Backspace", REQ_UNDO},
	{'x', "x", REQ_STOP},
	{27, "Esc", REQ_BACK},
	{KEY_LEFT, "\xe2\x86\x90", REQ_BACK},
	{'h', "h", REQ_BACK},
	{'i', "i", REQ_SETTINGS},
	{'s', "s", REQ_SORT},
	{'/', "/", REQ_SEARCH},
	{'g', "g", REQ_GROWTH},
	{'c', "c", REQ_COHORT},
	{'f', "f", REQ_FEEDBACK},
	{'+', "+", REQ_VOTE_UP},
	{'=', "=", REQ_VOTE_UP},
	{'-', "-", REQ_VOTE_DOWN},
	{'\n', "Enter", REQ_FIELD_DONE},
	{'\r', "Enter", REQ_FIELD_DONE},
	{KEY_ENTER, "Enter", REQ_FIELD_DONE},
	{'\t', "Tab", REQ_FIELD_DONE},
	{KEY_F(2), "F2", REQ_FIELD_DONE},
	{4, "Ctrl-D", REQ_FIELD_DONE},
	{27, "Esc", REQ_FIELD_CANCEL},
	{'q', "q", REQ_CLOSE},
	{'?', "?", REQ_HELP},
	{KEY_F(1), "F1", REQ_HELP},
	{12, "Ctrl-L", REQ_REDRAW},
	{'q', "q", REQ_QUIT},
	{0, NULL, REQ_NONE},
};

const struct keymap_entry request_generic[] = {
	{REQ_HELP, NULL},
	{REQ_REDRAW, NULL},
	{REQ_QUIT, NULL},
	{REQ_NONE, NULL},
};

static const char *const helps[] = {
	"",
#define REQ_HELP_TEXT(name, help) help,
	REQUESTS(REQ_HELP_TEXT)
#undef REQ_HELP_TEXT
};

static int in_keymap(const struct keymap_entry *km, enum request r)
{
	for (; km->req != REQ_NONE; km++)
		if (km->req == r)
			return 1;
	return 0;
}

static int printable(const struct keybinding *k)
{
	return k->key < KEY_MIN && k->key >= 0x20 && k->key != 0x7F;
}

static int key_matches(const struct keybinding *k, wint_t ch, int is_key)
{
	return (k->key >= KEY_MIN) == (is_key != 0) && (wint_t)k->key == ch;
}

enum request request_for(const struct keymap_entry *km, wint_t ch,
			 int is_key, int field)
{
	const struct keybinding *k;

	if (is_key && ch == KEY_RESIZE)
		return REQ_RESIZE;
	for (k = request_keys; k->key; k++)
		if (key_matches(k, ch, is_key) && !(field && printable(k)) &&
		    in_keymap(km, k->req))
			return k->req;
	return REQ_NONE;
}

/* Binding k asks for its request in km (no earlier binding takes it). */
static int binds(const struct keymap_entry *km, const struct keybinding *k,
		 int field)
{
	return request_for(km, (wint_t)k->key, k->key >= KEY_MIN, field) ==
	       k->req;
}

const char *request_label(const struct keymap_entry *km, enum request r,
			  int field)
{
	const struct keybinding *k;

	for (k = request_keys; k->key; k++)
		if (k->req == r && binds(km, k, field))
			return k->label;
	return NULL;
}

const char *request_help(enum request r)
{
	return r > REQ_NONE && r < REQ_RESIZE ? helps[r] : "";
}

void request_labels(const struct keymap_entry *km, enum request r, int field,
		    struct buf *b)
{
	const struct keybinding *k;
	size_t start = b->len;

	for (k = request_keys; k->key; k++) {
		const char *seen = buf_str(b) + start;
		if (k->req != r || (km && !binds(km, k, field)))
			continue;
		if (strstr(seen, k->label) == NULL)
			buf_printf(b, "%s%s", b->len > start ? " " : "",
				   k->label);
	}
}

/* A run of numbered or lettered choices with the same hint, from e on:
 * its length (1 when e starts none). */
static int choice_run(const struct keymap_entry *e)
{
	int n = 1;
	int numbered = e->req >= REQ_OPT1 && e->req <= REQ_CHOICE_C;

	while (numbered && e[n].req == e->req + n && e[n].req <= REQ_CHOICE_C &&
	       e[n].hint && strcmp(e[n].hint, e->hint) == 0)
		n++;
	return n;
}

static void add_span(struct footer_map *m, int from, const char *label,
		     enum request r)
{
	if (m && r != REQ_NONE && m->n < FOOTER_SPANS_MAX)
		m->v[m->n++] = (struct footer_span){
			from, from + (int)text_width(label), r};
}

/* The keys of one footer group (the entries from e with e->hint) into
 * keys, which starts at footer column base, with their spans in map;
 * *single becomes the group's last single key's request. Returns how
 * many entries the group has. */
static int footer_group(const struct keymap_entry *km,
			const struct keymap_entry *e, int field,
			struct buf *keys, int base, struct footer_map *map,
			enum request *single)
{
	int i = 0;

	while (e[i].req != REQ_NONE && e[i].hint &&
	       strcmp(e[i].hint, e->hint) == 0) {
		int run = choice_run(e + i);
		const char *first = request_label(km, e[i].req, field);
		const char *last = request_label(km, e[i + run - 1].req, field);
		int arrows = e[i].req == REQ_UP && e[i + 1].req == REQ_DOWN &&
			     e[i + 1].hint &&
			     strcmp(e[i + 1].hint, e->hint) == 0;
		int at = base + (int)text_width(buf_str(keys)) + !!keys->len;

		if (arrows) {
			run = 2;
			last = request_label(km, REQ_DOWN, field);
		}
		if (first && last) {
			buf_printf(keys, "%s%s%s%s", keys->len ? " " : "",
				   first, run > 1 && !arrows ? "-" : "",
				   run > 1 ? last : "");
			if (run == 1 || arrows)
				add_span(map, at, first, e[i].req);
			if (arrows)
				add_span(map, at + (int)text_width(first),
					 last, REQ_DOWN);
			if (run == 1)
				*single = e[i].req;
		}
		i += first && last ? run : 1;
	}
	return i;
}

void request_footer(const struct keymap_entry *km, int field, struct buf *b,
		    struct footer_map *map)
{
	const struct keymap_entry *e = km;

	while (e->req != REQ_NONE) {
		struct buf keys = {0};
		enum request single = REQ_NONE;
		int base = (int)text_width(buf_str(b)) + (b->len ? 2 : 0);
		int n = 1;

		if (e->hint)
			n = footer_group(km, e, field, &keys, base, map,
					 &single);
		if (keys.len) {
			buf_printf(b, "%s%s %s", b->len ? ", " : "", keys.s,
				   e->hint);
			add_span(map, base + (int)text_width(keys.s) + 1,
				 e->hint, single);
		}
		buf_free(&keys);
		e += n;
	}
}

enum request request_footer_at(const struct footer_map *map, int col)
{
	int i;

	for (i = 0; i < map->n; i++)
		if (col >= map->v[i].from && col < map->v[i].to)
			return map->v[i].req;
	return REQ_NONE;
}

void request_table(struct buf *b)
{
	int r;

	for (r = REQ_NONE + 1; r < REQ_RESIZE; r++) {
		request_labels(NULL, (enum request)r, 0, b);
		buf_printf(b, "\t%s\n", request_help((enum request)r));
	}
}
