/*
 * text: UTF-8 decoding, display widths, wrapping and sanitising. The width
 * table is our own (not the C library's wcwidth) so results do not depend
 * on the locale and tests are deterministic.
 */
#include "text.h"
#include "buf.h"
#include "mem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

size_t text_decode(const char *str, size_t n, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t len, i;
	uint32_t c, min;

	*cp = TEXT_INVALID;
	if (n == 0)
		return 0;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xC2 && s[0] <= 0xDF)
		len = 2, c = s[0] & 0x1F, min = 0x80;
	else if (s[0] >= 0xE0 && s[0] <= 0xEF)
		len = 3, c = s[0] & 0x0F, min = 0x800;
	else if (s[0] >= 0xF0 && s[0] <= 0xF4)
		len = 4, c = s[0] & 0x07, min = 0x10000;
	else
		return 1;
	if (n < len)
		return 1;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 1;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 1;
	*cp = c;
	return len;
}

size_t text_encode(uint32_t cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

size_t text_invalid_at(const char *s, size_t n)
{
	size_t i = 0;
	uint32_t cp;

	while (i < n) {
		size_t k = text_decode(s + i, n - i, &cp);
		if (cp == TEXT_INVALID || cp == 0)
			return i;
		i += k;
	}
	return n;
}

int text_valid(const char *s, size_t n)
{
	return text_invalid_at(s, n) == n;
}

size_t text_bom(const char *s, size_t n)
{
	return n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

struct range {
	uint32_t lo, hi;
};

static const struct range zero_width[] = {
	{0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x0610, 0x061A},
	{0x064B, 0x065F}, {0x0E31, 0x0E31}, {0x0E34, 0x0E3A}, {0x1AB0, 0x1AFF},
	{0x1DC0, 0x1DFF}, {0x200B, 0x200F}, {0x2060, 0x2064}, {0x20D0, 0x20FF},
	{0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF}, {0xE0100, 0xE01EF},
};

static const struct range wide[] = {
	{0x1100, 0x115F}, {0x231A, 0x231B}, {0x2329, 0x232A}, {0x23E9, 0x23EC},
	{0x2614, 0x2615}, {0x2648, 0x2653}, {0x26A1, 0x26A1}, {0x26AA, 0x26AB},
	{0x26BD, 0x26BE}, {0x2705, 0x2705}, {0x270A, 0x270B}, {0x2728, 0x2728},
	{0x2E80, 0x303E}, {0x3041, 0x33FF}, {0x3400, 0x4DBF}, {0x4E00, 0x9FFF},
	{0xA000, 0xA4CF}, {0xAC00, 0xD7A3}, {0xF900, 0xFAFF}, {0xFE30, 0xFE4F},
	{0xFF00, 0xFF60}, {0xFFE0, 0xFFE6}, {0x1F300, 0x1F64F},
	{0x1F680, 0x1F6FF}, {0x1F900, 0x1F9FF}, {0x1FA70, 0x1FAFF},
	{0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
};

static int in_table(uint32_t cp, const struct range *t, size_t n)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (cp < t[mid].lo)
			hi = mid;
		else if (cp > t[mid].hi)
			lo = mid + 1;
		else
			return 1;
	}
	return 0;
}

int text_cpwidth(uint32_t cp)
{
	if (cp == TEXT_INVALID)
		return 1;
	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
		return 0;
	if (cp < zero_width[0].lo)	/* below both tables: most text */
		return 1;
	if (in_table(cp, zero_width, sizeof zero_width / sizeof *zero_width))
		return 0;
	if (in_table(cp, wide, sizeof wide / sizeof *wide))
		return 2;
	return 1;
}

size_t text_width(const char *s)
{
	size_t n = strlen(s), i = 0, w = 0;
	uint32_t cp;

	while (i < n) {
		i += text_decode(s + i, n - i, &cp);
		w += (size_t)text_cpwidth(cp);
	}
	return w;
}

size_t text_fit(const char *s, size_t width)
{
	size_t n = strlen(s), i = 0, w = 0;
	uint32_t cp;

	while (i < n) {
		size_t k = text_decode(s + i, n - i, &cp);
		size_t cw = (size_t)text_cpwidth(cp);
		if (w + cw > width)
			break;
		w += cw;
		i += k;
	}
	return i;
}

char *text_short(const char *s, size_t width)
{
	size_t n, k;
	char *r;

	if (text_width(s) <= width)
		return mem_strdup(s);
	n = text_fit(s, width > 1 ? width - 1 : 0);
	for (k = n; k > n / 2 && s[k] != ' '; k--)
		;	/* cut at a space in the last half, not in a word */
	if (k > n / 2)
		n = k;
	while (n > 0 && s[n - 1] == ' ')
		n--;
	r = mem_alloc(n + 4);
	memcpy(r, s, n);
	memcpy(r + n, "\xe2\x80\xa6", 4);	/* U+2026 and the NUL */
	return r;
}

size_t text_prev(const char *s, size_t pos)
{
	size_t back = 0;

	while (pos > 0 && back < 4) {
		pos--;
		back++;
		if (((unsigned char)s[pos] & 0xC0) != 0x80)
			break;
	}
	return pos;
}

static int is_bidi_control(uint32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

static void sanitize_cp(struct buf *b, const char *s, size_t k, uint32_t cp,
			int keep_nl)
{
	if (cp == TEXT_INVALID)
		buf_add(b, "\xEF\xBF\xBD");
	else if (cp == '\n')
		buf_add(b, keep_nl ? "\n" : " ");
	else if (cp == '\t')
		buf_add(b, " ");
	else if (cp < 0x20 || cp == 0x7F)
		buf_printf(b, "\\x%02x", (unsigned)cp);
	else if ((cp >= 0x80 && cp < 0xA0) || is_bidi_control(cp) ||
		 cp == 0x2028 || cp == 0x2029)
		buf_printf(b, "\\u%04x", (unsigned)cp);
	else
		buf_addn(b, s, k);
}

/* Bytes from s[0] on that are printable ASCII (kept as they are). */
static size_t plain_run(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && (unsigned char)s[i] >= 0x20 &&
	       (unsigned char)s[i] < 0x7F)
		i++;
	return i;
}

char *text_sanitize(const char *s, size_t n, int keep_nl)
{
	struct buf b = {0};
	size_t i = 0, run;
	uint32_t cp;

	MEM_GROW(b.s, b.cap, n + 1);
	b.s[0] = '\0';
	while (i < n) {
		size_t k;
		if ((run = plain_run(s + i, n - i)) > 0) {
			buf_addn(&b, s + i, run);
			i += run;
			continue;
		}
		k = text_decode(s + i, n - i, &cp);
		if (cp == '\r' && i + 1 < n && s[i + 1] == '\n') {
			i++;
			continue;
		}
		sanitize_cp(&b, s + i, k, cp, keep_nl);
		i += k;
	}
	return buf_take(&b);
}

static void lines_push(struct text_lines *out, const char *s, size_t n)
{
	MEM_GROW(out->v, out->cap, out->n + 1);
	out->v[out->n++] = mem_strndup(s, n);
}

/* Width of s[0..n) and the byte length of its longest prefix <= width. */
static size_t span_width(const char *s, size_t n, size_t width, size_t *fit)
{
	size_t i = 0, w = 0;
	uint32_t cp;

	*fit = 0;
	while (i < n) {
		i += text_decode(s + i, n - i, &cp);
		w += (size_t)text_cpwidth(cp);
		if (w <= width)
			*fit = i;
	}
	return w;
}

/* Wrap one paragraph (no newlines) of n bytes. */
static void wrap_para(const char *s, size_t n, size_t width,
		      struct text_lines *out)
{
	struct buf line = {0};
	size_t lw = 0, i = 0, first = out->n;

	while (i < n) {
		size_t j = i, ww, fit;
		while (j < n && s[j] != ' ')
			j++;
		ww = span_width(s + i, j - i, width, &fit);
		if (lw > 0 && lw + 1 + ww <= width) {
			buf_addc(&line, ' ');
			buf_addn(&line, s + i, j - i);
			lw += 1 + ww;
		} else {
			if (lw > 0 || line.len > 0)
				lines_push(out, line.s, line.len);
			buf_clear(&line);
			while (ww > width) {	/* hard break a long word */
				uint32_t cp;
				if (fit == 0)
					fit = text_decode(s + i, j - i, &cp);
				lines_push(out, s + i, fit);
				i += fit;
				ww = span_width(s + i, j - i, width, &fit);
			}
			buf_addn(&line, s + i, j - i);
			lw = ww;
		}
		i = j;
		while (i < n && s[i] == ' ')
			i++;
	}
	if (line.len > 0 || out->n == first)
		lines_push(out, buf_str(&line), line.len);
	buf_free(&line);
}

void text_wrap(const char *s, size_t width, struct text_lines *out)
{
	const char *p = s;

	if (width < 1)
		width = 1;
	for (;;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		wrap_para(p, n, width, out);
		if (!nl)
			break;
		p = nl + 1;
	}
}

void text_lines_free(struct text_lines *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

size_t text_split(const char *s, char ***out)
{
	size_t n = 0, cap = 0;

	*out = NULL;
	while (s && *s) {
		size_t k;
		while (*s == ' ' || *s == '\t')
			s++;
		k = strcspn(s, " \t");
		if (k == 0)
			break;
		MEM_GROW(*out, cap, n + 1);
		(*out)[n++] = mem_strndup(s, k);
		s += k;
	}
	return n;
}

void text_strv_free(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static int word_byte(char c)
{
	return ((unsigned char)c & 0x80) || (c >= '0' && c <= '9') ||
	       ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

static int particle(const char *w)
{
	static const char *const list[] = {
		"de", "den", "der", "van", "het", "te", "ter", "ten", "la", "le", "du", "da",
		"von", "vom", "el", "al", "di", "in", "op", "'t", "d'",
	};
	size_t i;

	for (i = 0; i < sizeof list / sizeof *list; i++)
		if (strcasecmp(w, list[i]) == 0)
			return 1;
	return 0;
}

/* ASCII base letters of U+00C0..U+017F, lower case; '.' keeps the
 * character as it is (multiplication and division signs, thorn). */
static const char fold_latin[] =
	"aaaaaaaceeeeiiii" "dnooooo.ouuuuy.s"
	"aaaaaaaceeeeiiii" "dnooooo.ouuuuy.y"
	"aaaaaaccccccccdd" "ddeeeeeeeeeegggg"
	"gggghhhhiiiiiiii" "iiiijjkkklllllll"
	"lllnnnnnnnnnoooo" "oooorrrrrrssssss"
	"ssttttttuuuuuuuu" "uuuuwwyyyzzzzzzs";

/* The folded form of the character at s (n bytes left) into out, not
 * terminated; its length. */
static size_t fold_char(const char *s, size_t n, char out[5])
{
	uint32_t cp;
	size_t k = text_decode(s, n, &cp);

	if (cp < 0x80) {
		out[0] = (char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
		return 1;
	}
	if (cp >= 0xC0 && cp <= 0x17F && fold_latin[cp - 0xC0] != '.') {
		out[0] = fold_latin[cp - 0xC0];
		return 1;
	}
	if (cp >= 0x300 && cp <= 0x36F)		/* combining marks go */
		return 0;
	memcpy(out, s, k);
	return k;
}

char *text_fold(const char *s)
{
	struct buf b = {0};
	size_t n = strlen(s), i = 0;
	char one[5];

	buf_add(&b, "");
	while (i < n) {
		buf_addn(&b, one, fold_char(s + i, n - i, one));
		i += text_decode(s + i, n - i, &(uint32_t){0});
	}
	return buf_take(&b);
}

/* Bytes of s whose folded text (text_fold) starts with the folded part,
 * or 0. */
static size_t fold_prefix(const char *s, const char *part)
{
	size_t n = strlen(s), i = 0, j = 0, k, f;
	char one[5];

	while (part[j]) {
		if (i >= n)
			return 0;
		k = text_decode(s + i, n - i, &(uint32_t){0});
		f = fold_char(s + i, n - i, one);
		if (strncmp(part + j, one, f) != 0)
			return 0;
		i += k;
		j += f;
	}
	return i;
}

/* Length of the longest name part (folded) matching at s as a whole word,
 * regardless of case and accents, or 0. */
static size_t name_at(const char *s, const char *start, char **parts, size_t n)
{
	size_t i, k, best = 0;

	if (s > start && word_byte(s[-1]))
		return 0;
	for (i = 0; i < n; i++) {
		k = fold_prefix(s, parts[i]);
		if (k > best && !word_byte(s[k]))
			best = k;
	}
	return best;
}

/* 1 when p starts a sentence in s: at the start, or after '.', '!' or
 * '?' and spaces. */
static int sentence_start(const char *s, const char *p)
{
	while (p > s && p[-1] == ' ')
		p--;
	return p == s || strchr(".!?", p[-1]) != NULL;
}

char *text_hide_name(const char *s, const char *name, const char *with)
{
	struct buf b = {0};
	char **words, *all[4];
	size_t n = text_split(name, &words), m = 0, k;
	const char *p, *rest;

	if (n > 0) {
		all[m++] = text_fold(name);
		if (n > 1 && strlen(words[0]) >= 2 && !particle(words[0]))
			all[m++] = text_fold(words[0]);
		rest = strstr(name, words[0]) + strlen(words[0]);
		while (*rest == ' ')
			rest++;
		if (n > 2)
			all[m++] = text_fold(rest);
		if (n > 1 && strlen(words[n - 1]) >= 2 && !particle(words[n - 1]))
			all[m++] = text_fold(words[n - 1]);
	}
	for (p = s; *p;) {
		k = m ? name_at(p, s, all, m) : 0;
		if (k) {
			size_t at = b.len;
			buf_add(&b, with);
			if (sentence_start(s, p) && b.s[at] >= 'a' &&
			    b.s[at] <= 'z')
				b.s[at] -= 'a' - 'A';
			p += k;
		} else {
			buf_addc(&b, *p++);
		}
	}
	text_strv_free(words, n);
	while (m > 0)
		free(all[--m]);
	return buf_take(&b);
}

size_t text_distance(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b), i, j, diag, up;
	size_t *row = mem_alloc((nb + 1) * sizeof *row);

	for (j = 0; j <= nb; j++)
		row[j] = j;
	for (i = 1; i <= na; i++) {
		diag = row[0];
		row[0] = i;
		for (j = 1; j <= nb; j++) {
			size_t best = diag + (a[i - 1] != b[j - 1]);
			up = row[j];
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			diag = up;
			row[j] = best;
		}
	}
	diag = row[nb];
	free(row);
	return diag;
}

long text_nearest(const char *word, const char *const *cands, size_t n)
{
	size_t limit = strlen(word) / 3 > 2 ? strlen(word) / 3 : 2, i, d;
	size_t best_d = (size_t)-1;
	long best = -1;

	for (i = 0; *word && i < n; i++) {
		d = text_distance(word, cands[i]);
		if ((d <= limit || strstr(cands[i], word)) && d < best_d) {
			best_d = d;
			best = (long)i;
		}
	}
	return best;
}
