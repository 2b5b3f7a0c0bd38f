/*
 * fuzz_text: the UTF-8 helpers on arbitrary bytes. The first byte picks the
 * wrap width (1..80) and keep_nl; the rest is the text, given with its
 * length to text_valid and text_sanitize and NUL-terminated to text_width,
 * text_fit and text_wrap.
 */
#include "mem.h"
#include "text.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct text_lines l = {0};
	size_t width, n, i, nw;
	char *s, *san, **w;

	if (size < 1)
		return 0;
	width = (size_t)(data[0] % 80) + 1;
	n = size - 1;
	s = mem_strndup((const char *)data + 1, n);	/* NUL-terminated copy */
	(void)text_valid(s, n);
	san = text_sanitize(s, n, data[0] & 0x80);
	if (!text_valid(san, strlen(san)))
		abort();	/* sanitised text must always be valid UTF-8 */
	(void)text_width(s);
	(void)text_fit(s, width);
	text_wrap(s, width, &l);
	for (i = 0; i < l.n; i++)
		if (text_width(l.v[i]) > width && strchr(l.v[i], ' '))
			abort();	/* only an unbreakable piece may overflow */
	text_lines_free(&l);
	nw = text_split(s, &w);
	text_strv_free(w, nw);
	free(san);
	free(s);
	return 0;
}
