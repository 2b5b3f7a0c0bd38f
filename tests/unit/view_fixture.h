/* A play-through of the mini scenario for the view builder tests
 * (test_playview, test_reflectview) and the plain text of a document. */
#ifndef KC_TEST_VIEW_FIXTURE_H
#define KC_TEST_VIEW_FIXTURE_H
#include <criterion/criterion.h>
#include <stdio.h>
#include "helpers.h"
#include "play.h"
#include "view.h"

/* Unused by test_view, which needs only printed. */
static struct content fixture_content __attribute__((unused));
static char fixture_dir[64] __attribute__((unused));
static struct play p __attribute__((unused));

/* Start the mini scenario for Sanne (level B) in mode, options in file
 * order. */
static inline void fixture_begin(enum config_mode mode)
{
	struct diag d = {0};

	cr_assert_eq(content_load(&fixture_content, FIXTURES "/mini", &d), 0);
	tmpdir_make(fixture_dir, "view");
	cr_assert_eq(play_begin(&p, &fixture_content, &fixture_content.scs[0],
				&(struct play_who){"Sanne", 'B', mode, 1},
				fixture_dir, &d), 0);
}

static inline void fixture_end(void)
{
	play_end(&p);
	content_free(&fixture_content);
	tmpdir_remove(fixture_dir);
}

/* The plain text of v, which is freed (caller frees the text). */
static inline char *printed(struct view *v)
{
	char *s = NULL;
	size_t n = 0;
	FILE *fp = open_memstream(&s, &n);

	cr_assert_not_null(fp);
	view_print(fp, v);
	fclose(fp);
	view_free(v);
	return s;
}
#endif
