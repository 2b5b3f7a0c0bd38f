/* Unit tests for src/text: UTF-8, widths, wrapping, sanitising. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "text.h"

Test(text, decode_valid_and_invalid)
{
	uint32_t cp;

	cr_assert_eq(text_decode("\xc3\xab", 2, &cp), 2);
	cr_assert_eq(cp, 0xEB);
	cr_assert_eq(text_decode("\xc3", 1, &cp), 1);
	cr_assert_eq(cp, TEXT_INVALID);
	cr_assert_eq(text_decode("\xc0\xaf", 2, &cp), 1, "overlong form is invalid");
	cr_assert_eq(cp, TEXT_INVALID);
	cr_assert_eq(text_decode("\xed\xa0\x80", 3, &cp), 1, "surrogate is invalid");
	cr_assert_eq(text_decode("\xf0\x9f\x98\x80", 4, &cp), 4);
	cr_assert_eq(cp, 0x1F600);
}

Test(text, valid)
{
	cr_assert(text_valid("cliënt", strlen("cliënt")));
	cr_assert_not(text_valid("cli\xebnt", 6));
	cr_assert_eq(text_invalid_at("ab\xff", 3), 2);
	cr_assert_not(text_valid("a\0b", 3), "NUL is not allowed");
}

Test(text, encode_roundtrip)
{
	uint32_t cps[] = {0x41, 0xE9, 0x20AC, 0x1F600};
	char out[4];
	size_t i;

	for (i = 0; i < 4; i++) {
		uint32_t back;
		size_t n = text_encode(cps[i], out);
		cr_assert_eq(text_decode(out, n, &back), n);
		cr_assert_eq(back, cps[i]);
	}
}

Test(text, widths)
{
	cr_assert_eq(text_width("cliënt"), 6);
	cr_assert_eq(text_width("e\xcc\x81"), 1, "combining acute has width 0");
	cr_assert_eq(text_width("\xcb\xbf"), 1, "U+02FF, below the tables");
	cr_assert_eq(text_width("\xe4\xb8\xad\xe6\x96\x87"), 4, "CJK is wide");
	cr_assert_eq(text_width("\xf0\x9f\x98\x80"), 2, "emoji is wide");
	cr_assert_eq(text_width("a\xe2\x80\x8b" "b"), 2, "zero width space");
	cr_assert_eq(text_width(""), 0);
}

Test(text, fit_never_splits)
{
	cr_assert_eq(text_fit("één", 1), 2);
	cr_assert_eq(text_fit("\xe4\xb8\xad\xe6\x96\x87", 3), 3);
	cr_assert_eq(text_fit("abc", 10), 3);
}

Test(text, prev)
{
	const char *s = "aé";
	cr_assert_eq(text_prev(s, 3), 1);
	cr_assert_eq(text_prev(s, 1), 0);
	cr_assert_eq(text_prev(s, 0), 0);
}

static void wrap(const char *s, size_t w, struct text_lines *l)
{
	memset(l, 0, sizeof *l);
	text_wrap(s, w, l);
}

Test(text, wrap_words)
{
	struct text_lines l;

	wrap("de klant belt voor de derde keer", 10, &l);
	cr_assert_eq(l.n, 4);
	cr_assert_str_eq(l.v[0], "de klant");
	cr_assert_str_eq(l.v[1], "belt voor");
	cr_assert_str_eq(l.v[2], "de derde");
	cr_assert_str_eq(l.v[3], "keer");
	text_lines_free(&l);
}

Test(text, wrap_newlines_and_empty)
{
	struct text_lines l;

	wrap("a\n\nb", 5, &l);
	cr_assert_eq(l.n, 3);
	cr_assert_str_eq(l.v[1], "");
	text_lines_free(&l);
}

Test(text, wrap_width_one_hard_breaks)
{
	struct text_lines l;
	size_t i;

	wrap("één", 1, &l);
	cr_assert_eq(l.n, 3);
	for (i = 0; i < l.n; i++)
		cr_assert_eq(text_width(l.v[i]), 1);
	text_lines_free(&l);
	wrap("\xe4\xb8\xad\xe6\x96\x87", 1, &l);
	cr_assert_eq(l.n, 2, "a wide char on width 1 gets its own line");
	text_lines_free(&l);
}

/* A width of 0 (a window with no columns) wraps as width 1 does: it
 * ends, one column a line; so does empty text, and sanitising it. */
Test(text, wrap_width_zero_ends)
{
	struct text_lines l;
	char *s = text_sanitize("", 0, 0);

	wrap("ab c", 0, &l);
	cr_assert_eq(l.n, 3);
	cr_assert_str_eq(l.v[0], "a");
	cr_assert_str_eq(l.v[2], "c");
	text_lines_free(&l);
	wrap("", 0, &l);
	cr_assert_eq(l.n, 1);
	text_lines_free(&l);
	cr_assert_str_eq(s, "");
	free(s);
}

Test(text, wrap_huge_word)
{
	struct text_lines l;
	char *word = mem_alloc(100001);
	size_t i, total = 0;

	memset(word, 'x', 100000);
	word[100000] = '\0';
	wrap(word, 80, &l);
	cr_assert_eq(l.n, 1250);
	for (i = 0; i < l.n; i++) {
		cr_assert_leq(text_width(l.v[i]), 80);
		total += strlen(l.v[i]);
	}
	cr_assert_eq(total, 100000);
	text_lines_free(&l);
	free(word);
}

Test(text, sanitize_escape_sequences)
{
	const char in[] = "a\x1b[2Jb";
	char *s = text_sanitize(in, sizeof in - 1, 0);

	cr_assert_str_eq(s, "a\\x1b[2Jb");
	cr_assert_null(strchr(s, 0x1b));
	free(s);
}

Test(text, sanitize_controls_bidi_invalid)
{
	const char in[] = "x\xc2\x9b" "y\xe2\x80\xaez\xff\x7f\n";
	char *s = text_sanitize(in, sizeof in - 1, 0);

	cr_assert_str_eq(s, "x\\u009by\\u202ez\xef\xbf\xbd\\x7f ");
	free(s);
	s = text_sanitize("a\r\nb", 4, 1);
	cr_assert_str_eq(s, "a\nb");
	free(s);
	s = text_sanitize("a\0b", 3, 0);
	cr_assert_str_eq(s, "a\\x00b");
	free(s);
}

Test(text, sanitize_keeps_normal_text)
{
	const char *in = "Cliënt zegt: „Dank u” \xe4\xb8\xad";
	char *s = text_sanitize(in, strlen(in), 0);

	cr_assert_str_eq(s, in);
	free(s);
}

Test(text, split)
{
	char **v;
	size_t n = text_split("  a bb\tccc ", &v);

	cr_assert_eq(n, 3);
	cr_assert_str_eq(v[2], "ccc");
	text_strv_free(v, n);
	cr_assert_eq(text_split(NULL, &v), 0);
}

Test(text, byte_order_mark)
{
	cr_assert_eq(text_bom("\xEF\xBB\xBF[a]", 6), 3);
	cr_assert_eq(text_bom("\xEF\xBB\xBF", 3), 3);
	cr_assert_eq(text_bom("\xEF\xBB", 2), 0, "too short");
	cr_assert_eq(text_bom("\xEF\xBB\xBE", 3), 0);
	cr_assert_eq(text_bom("[a]", 3), 0);
}

Test(text, short_cuts_between_words_with_an_ellipsis)
{
	static const struct {
		const char *in;
		size_t width;
		const char *want;
	} t[] = {
		{"kort", 10, "kort"},
		{"precies tien", 12, "precies tien"},
		{"een twee drie vier", 12, "een twee\xe2\x80\xa6"},
		{"eenlangwoordzonderspaties", 8, "eenlang\xe2\x80\xa6"},
		{"één twee", 5, "één\xe2\x80\xa6"},
		{"abc", 1, "\xe2\x80\xa6"},
	};
	size_t i;

	for (i = 0; i < sizeof t / sizeof *t; i++) {
		char *got = text_short(t[i].in, t[i].width);
		cr_assert_str_eq(got, t[i].want, "case %zu", i);
		cr_assert_leq(text_width(got), t[i].width, "case %zu", i);
		free(got);
	}
}

/* COACH-UX 6: Zoë = zoe = ZOË, also for other Latin accents; combining
 * marks go, other scripts stay. */
Test(text, fold_case_and_accents)
{
	const char *same[][2] = {
		{"Zoë van der Berg", "zoe van der berg"},
		{"ZOË", "zoe"},
		{"Zoe\xcc\x88", "zoe"},
		{"Fatma Yılmaz", "fatma yilmaz"},
		{"ŞENOL Çelik", "senol celik"},
		{"Pieter 't Hart", "pieter 't hart"},
		{"Łukasz Żak", "lukasz zak"},
		{"Ελένη", "Ελένη"},
		{"", ""},
	};
	size_t i;

	for (i = 0; i < sizeof same / sizeof *same; i++) {
		char *f = text_fold(same[i][0]);
		cr_assert_str_eq(f, same[i][1]);
		free(f);
	}
}

/* The nearest id for "bedoel je ...?" hints. */
Test(text, distance)
{
	cr_assert_eq(text_distance("", ""), 0);
	cr_assert_eq(text_distance("abc", ""), 3);
	cr_assert_eq(text_distance("", "ab"), 2);
	cr_assert_eq(text_distance("kitten", "sitting"), 3);
	cr_assert_eq(text_distance("denzel-telefoon", "denzell-telefoon"), 1);
	cr_assert_eq(text_distance("ab", "ba"), 2);
}

Test(text, nearest)
{
	const char *ids[] = {"denzell-chat", "denzell-telefoon",
			     "jos-binnenloop", "noor-chat"};
	cr_assert_eq(text_nearest("denzel-telefoon", ids, 4), 1);
	cr_assert_eq(text_nearest("noor-caht", ids, 4), 3);
	/* Contained: the nearest of those that contain it. */
	cr_assert_eq(text_nearest("denzell", ids, 4), 0);
	cr_assert_eq(text_nearest("binnenloop", ids, 4), 2);
	cr_assert_eq(text_nearest("bestaatniet", ids, 4), -1);
	cr_assert_eq(text_nearest("", ids, 4), -1);
	cr_assert_eq(text_nearest("x", ids, 0), -1);
}
