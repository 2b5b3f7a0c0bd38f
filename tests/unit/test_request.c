/* Unit tests for ui/request: the keymap lookup (a key asks for what the
 * screen's keymap takes, a text field types printable keys), the labels
 * and footers made from a keymap, and klantcoach(1)'s key table, which
 * must list exactly the requests and keys of the binding table. */
#include <criterion/criterion.h>
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "request.h"
#include "text.h"

static const struct keymap_entry review[] = {
	{REQ_UP, "kiezen"}, {REQ_DOWN, "kiezen"}, {REQ_ENTER, "openen"},
	{REQ_COHORT, "cohort"}, {REQ_BACK, "terug"}, {REQ_QUIT, "stoppen"},
	{REQ_NONE, NULL},
};
static const struct keymap_entry level[] = {
	{REQ_CHOICE_A, "kiezen"}, {REQ_CHOICE_B, "kiezen"},
	{REQ_CHOICE_C, "kiezen"}, {REQ_ENTER, "bevestigen"},
	{REQ_NONE, NULL},
};
static const struct keymap_entry three[] = {
	{REQ_OPT1, "kiezen"}, {REQ_OPT2, "kiezen"}, {REQ_OPT3, "kiezen"},
	{REQ_UP, "kiezen"}, {REQ_DOWN, "kiezen"}, {REQ_ENTER, "kiezen"},
	{REQ_PGDN, NULL}, {REQ_UNDO, "terug"}, {REQ_QUIT, "stoppen"},
	{REQ_NONE, NULL},
};
static const struct keymap_entry field[] = {
	{REQ_FIELD_NEWLINE, "nieuwe regel"}, {REQ_FIELD_DONE, "bewaren"},
	{REQ_FIELD_CANCEL, "overslaan"}, {REQ_HELP, NULL}, {REQ_QUIT, NULL},
	{REQ_NONE, NULL},
};
static const struct keymap_entry field_map[] = {
	{REQ_FIELD_DONE, "bewaren"}, {REQ_FIELD_CANCEL, "stoppen"},
	{REQ_NONE, NULL},
};

Test(request, same_key_other_screen)
{
	cr_assert_eq(request_for(review, 'c', 0, 0), REQ_COHORT);
	cr_assert_eq(request_for(level, 'c', 0, 0), REQ_CHOICE_C);
	cr_assert_eq(request_for(level, 'a', 0, 0), REQ_CHOICE_A);
	cr_assert_eq(request_for(review, 'a', 0, 0), REQ_NONE);
}

Test(request, only_what_the_keymap_takes)
{
	cr_assert_eq(request_for(three, '3', 0, 0), REQ_OPT3);
	cr_assert_eq(request_for(three, '4', 0, 0), REQ_NONE);
	cr_assert_eq(request_for(three, 'x', 0, 0), REQ_NONE);
	cr_assert_eq(request_for(three, 's', 0, 0), REQ_NONE);
	cr_assert_eq(request_for(three, KEY_DOWN, 1, 0), REQ_DOWN);
	cr_assert_eq(request_for(three, 'j', 0, 0), REQ_DOWN);
	cr_assert_eq(request_for(three, ' ', 0, 0), REQ_PGDN);
	cr_assert_eq(request_for(three, KEY_RESIZE, 1, 0), REQ_RESIZE);
	cr_assert_eq(request_for(review, 27, 0, 0), REQ_BACK);
}

Test(request, function_keys_are_not_characters)
{
	/* KEY_UP as a character code means nothing. */
	cr_assert_eq(request_for(three, KEY_UP, 0, 0), REQ_NONE);
	cr_assert_eq(request_for(three, 'k', 1, 0), REQ_NONE);
}

Test(request, text_field_types_printable_keys)
{
	cr_assert_eq(request_for(field, '?', 0, 1), REQ_NONE);
	cr_assert_eq(request_for(field, 'q', 0, 1), REQ_NONE);
	cr_assert_eq(request_for(field, '?', 0, 0), REQ_HELP);
	cr_assert_eq(request_for(field, KEY_F(1), 1, 1), REQ_HELP);
	cr_assert_eq(request_for(field, '\n', 0, 1), REQ_FIELD_NEWLINE);
	cr_assert_eq(request_for(field, '\t', 0, 1), REQ_FIELD_DONE);
	cr_assert_eq(request_for(field, 27, 0, 1), REQ_FIELD_CANCEL);
	cr_assert_eq(request_for(field_map, '\n', 0, 1), REQ_FIELD_DONE,
		     "Enter confirms a one-line field");
}

Test(request, labels_follow_the_keymap)
{
	struct buf b = {0};

	cr_assert_str_eq(request_label(field, REQ_FIELD_DONE, 1), "Tab");
	cr_assert_str_eq(request_label(field_map, REQ_FIELD_DONE, 1), "Enter");
	cr_assert_str_eq(request_label(field, REQ_HELP, 1), "F1");
	cr_assert_str_eq(request_label(field, REQ_HELP, 0), "?");
	cr_assert_null(request_label(field, REQ_QUIT, 1), "q is typed");
	cr_assert_null(request_label(three, REQ_OPT4, 0));
	request_labels(field, REQ_FIELD_DONE, 1, &b);
	cr_assert_str_eq(buf_str(&b), "Tab F2 Ctrl-D");
	buf_free(&b);
}

Test(request, footer_from_the_keymap)
{
	struct buf b = {0};

	request_footer(three, 0, &b, NULL);
	cr_assert_str_eq(buf_str(&b), "1-3 \xe2\x86\x91\xe2\x86\x93 Enter "
			 "kiezen, t terug, q stoppen");
	buf_clear(&b);
	request_footer(level, 0, &b, NULL);
	cr_assert_str_eq(buf_str(&b), "a-c kiezen, Enter bevestigen");
	buf_clear(&b);
	request_footer(field, 1, &b, NULL);
	cr_assert_str_eq(buf_str(&b), "Enter nieuwe regel, Tab bewaren, "
			 "Esc overslaan");
	buf_free(&b);
}

/* The request at the column where text starts in footer s. */
static enum request clicked(const struct footer_map *m, const char *s,
			    const char *text)
{
	const char *at = strstr(s, text);
	char *before;
	int col;

	cr_assert_not_null(at, "no \"%s\" in \"%s\"", text, s);
	before = mem_strndup(s, (size_t)(at - s));
	col = (int)text_width(before);
	free(before);
	return request_footer_at(m, col);
}

Test(request, footer_clicks_ask_for_the_key_shown)
{
	static const struct keymap_entry past[] = {
		{REQ_ENTER, "verder"}, {REQ_UP, "bladeren"},
		{REQ_DOWN, "bladeren"}, {REQ_PGUP, "bladeren"},
		{REQ_PGDN, "bladeren"}, {REQ_BACK, "terug"},
		{REQ_CLOSE, "terug"}, {REQ_QUIT, NULL}, {REQ_NONE, NULL},
	};
	static const struct keymap_entry turn[] = {
		{REQ_ENTER, "verder"}, {REQ_PGDN, "verder"}, {REQ_NONE, NULL},
	};
	struct footer_map m = {0};
	struct buf b = {0};
	const char *s;

	request_footer(three, 0, &b, &m);
	s = buf_str(&b);
	cr_assert_eq(clicked(&m, s, "1-3"), REQ_NONE, "a range is no key");
	cr_assert_eq(clicked(&m, s, "\xe2\x86\x93"), REQ_DOWN);
	cr_assert_eq(clicked(&m, s, "\xe2\x86\x91"), REQ_UP);
	cr_assert_eq(clicked(&m, s, "Enter"), REQ_ENTER);
	cr_assert_eq(clicked(&m, s, "kiezen"), REQ_ENTER,
		     "a hint asks for its group's single key");
	cr_assert_eq(clicked(&m, s, "t terug"), REQ_UNDO);
	cr_assert_eq(clicked(&m, s, "terug"), REQ_UNDO);
	cr_assert_eq(clicked(&m, s, "stoppen"), REQ_QUIT);
	cr_assert_eq(clicked(&m, s, ", t"), REQ_NONE, "between groups");
	cr_assert_eq(request_footer_at(&m, (int)text_width(s)), REQ_NONE);
	buf_clear(&b);
	m.n = 0;
	request_footer(turn, 0, &b, &m);
	s = buf_str(&b);
	cr_assert_str_eq(s, "Enter PgDn verder");
	cr_assert_eq(clicked(&m, s, "verder"), REQ_PGDN,
		     "a hint asks for the last single key of its group");
	buf_clear(&b);
	m.n = 0;
	request_footer(past, 0, &b, &m);
	s = buf_str(&b);
	cr_assert_str_eq(s, "Enter verder, \xe2\x86\x91\xe2\x86\x93 PgUp PgDn "
			 "bladeren, Esc q terug");
	cr_assert_eq(clicked(&m, s, "PgDn"), REQ_PGDN);
	cr_assert_eq(clicked(&m, s, "q terug"), REQ_CLOSE);
	cr_assert_eq(clicked(&m, s, "Esc"), REQ_BACK);
	cr_assert_eq(clicked(&m, s, "terug"), REQ_CLOSE);
	cr_assert_eq(clicked(&m, s, "bladeren"), REQ_PGDN,
		     "the last single key: read on");
	buf_free(&b);
}

/* The TOETSEN table of the man page, with the glyph escapes resolved. */
static char *man_table(void)
{
	static const char *const esc[][2] = {
		{"\\(ua", "\xe2\x86\x91"}, {"\\(da", "\xe2\x86\x93"},
		{"\\(<-", "\xe2\x86\x90"}, {"\\(->", "\xe2\x86\x92"},
		{"\\-", "-"},
	};
	FILE *fp = fopen(TOPSRC "/man/klantcoach.1", "r");
	struct buf out = {0};
	char line[512];
	int state = 0;	/* before TOETSEN, before the rows, rows, done */

	cr_assert_not_null(fp);
	while (state < 3 && fgets(line, sizeof line, fp)) {
		const char *p = line;
		if (state == 0 && strcmp(line, ".SH TOETSEN\n") == 0)
			state = 1;
		else if (state == 1 && strcmp(line, "l l.\n") == 0)
			state = 2;
		else if (state == 2 && strcmp(line, ".TE\n") == 0)
			state = 3;
		else if (state == 2)
			while (*p) {
				size_t i, n = 1;
				for (i = 0; i < sizeof esc / sizeof *esc; i++)
					if (strncmp(p, esc[i][0],
						    strlen(esc[i][0])) == 0)
						break;
				if (i < sizeof esc / sizeof *esc) {
					buf_add(&out, esc[i][1]);
					n = strlen(esc[i][0]);
				} else {
					buf_addn(&out, p, 1);
				}
				p += n;
			}
	}
	fclose(fp);
	cr_assert_eq(state, 3, "no TOETSEN table in man/klantcoach.1");
	return buf_take(&out);
}

Test(request, man_page_key_table_matches)
{
	struct buf want = {0};
	char *got = man_table();

	request_table(&want);
	cr_assert_str_eq(got, buf_str(&want),
			 "man/klantcoach.1 TOETSEN differs from the request "
			 "table; it should read:\n%s", buf_str(&want));
	free(got);
	buf_free(&want);
}
