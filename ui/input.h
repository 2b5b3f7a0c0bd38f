/*
 * input: a multi-line UTF-8 text field. Characters are inserted at the
 * cursor; Backspace and Delete remove whole characters; arrows, Home and
 * End move by character or line; pasted text arrives as keys and works
 * the same. The text is stored as UTF-8 in a buf. A field with focus
 * (tui's focus) is a state of the input layer: the main loop then gives
 * it every key that is not a field request (confirm, cancel, new line) or
 * a function key of the screen, so ? and q are typed.
 */
#ifndef KC_INPUT_H
#define KC_INPUT_H
#include "buf.h"
#include "request.h"
#include <wchar.h>

#define INPUT_MAX 8000	/* bytes; a long answer, still one log row */

struct input {
	struct buf text;
	size_t cur;		/* byte offset of the cursor */
	int multiline;
};

enum input_result { INPUT_EDITED, INPUT_IGNORED };

/* The requests of a focused field: confirm, cancel, (multi-line) a new
 * line; the screen's keymap may give them its own hints first. */
const struct keymap_entry *input_keymap(const struct input *in);
/* Edit with one key from get_wch (is_key: a function key). */
enum input_result input_key(struct input *in, wint_t ch, int is_key);
/* Set the text and put the cursor at its end. */
void input_set(struct input *in, const char *s);
/* Draw the field in a box of h rows and w columns at (y, x); places the
 * terminal cursor. */
void input_draw(const struct input *in, int y, int x, int h, int w);
/* Free the text. */
void input_free(struct input *in);

#endif
