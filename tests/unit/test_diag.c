/* Unit tests for src/diag. */
#include <criterion/criterion.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"

Test(diag, format_and_count)
{
	struct diag d = {0};
	char *s;

	diag_add(&d, DIAG_ERROR, "a.ini", 3, "stap '%s' mist", "x");
	diag_add(&d, DIAG_WARNING, "a.ini", 0, "let op");
	diag_add(&d, DIAG_ERROR, NULL, 0, "los");
	cr_assert_eq(diag_count(&d, DIAG_ERROR), 2);
	s = diag_format(&d.v[0]);
	cr_assert_str_eq(s, "a.ini:3: fout: stap 'x' mist");
	free(s);
	s = diag_format(&d.v[1]);
	cr_assert_str_eq(s, "a.ini: waarschuwing: let op");
	free(s);
	s = diag_format(&d.v[2]);
	cr_assert_str_eq(s, "fout: los");
	free(s);
	diag_free(&d);
}

/* A module's own helper, as the loaders write them over diag_vadd. */
static void warn_at(struct diag *d, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void warn_at(struct diag *d, int line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vadd(d, DIAG_WARNING, "b.csv", line, fmt, ap);
	va_end(ap);
}

Test(diag, vadd_formats_any_arguments)
{
	struct diag d = {0};
	char *s;

	warn_at(&d, 7, "optie %d van stap '%s' (%zu%%)", 3, "intro", (size_t)40);
	warn_at(&d, 0, "geen argumenten");
	cr_assert_eq(diag_count(&d, DIAG_WARNING), 2);
	s = diag_format(&d.v[0]);
	cr_assert_str_eq(s, "b.csv:7: waarschuwing: optie 3 van stap 'intro' (40%)");
	free(s);
	cr_assert_str_eq(d.v[1].msg, "geen argumenten");
	diag_free(&d);
}

Test(diag, sort_is_stable_by_file_and_line)
{
	struct diag d = {0};

	diag_add(&d, DIAG_ERROR, "b", 1, "1");
	diag_add(&d, DIAG_ERROR, "a", 9, "2");
	diag_add(&d, DIAG_ERROR, "a", 2, "3");
	diag_add(&d, DIAG_ERROR, "a", 2, "4");
	diag_sort(&d);
	cr_assert_str_eq(d.v[0].msg, "3");
	cr_assert_str_eq(d.v[1].msg, "4");
	cr_assert_str_eq(d.v[2].msg, "2");
	cr_assert_str_eq(d.v[3].msg, "1");
	diag_free(&d);
}

Test(diag, print_strict_turns_warnings_into_errors)
{
	struct diag d = {0};
	char *buf = NULL;
	size_t n = 0;
	FILE *fp = open_memstream(&buf, &n);

	diag_add(&d, DIAG_WARNING, "x", 1, "w");
	diag_print(&d, fp, 1);
	fclose(fp);
	cr_assert_str_eq(buf, "x:1: fout: w\n");
	free(buf);
	diag_free(&d);
}

/* Whatever a file name or a quoted value holds, a formatted problem has no
 * byte that a terminal would act on: no C0 or C1 control, no DEL, no bidi
 * override, no line break. */
Test(diag, format_is_inert_for_a_terminal)
{
	static const char *const evil[] = {
		"\033[2J", "\033]0;titel\007", "\007", "\302\233" "31m", "\342\200\256",
		"a\nb", "\r", "\177", "\377",
	};
	size_t i, j;

	for (i = 0; i < sizeof evil / sizeof *evil; i++) {
		struct diag d = {0};
		char file[64];
		snprintf(file, sizeof file, "map/%s.csv", evil[i]);
		diag_add(&d, DIAG_ERROR, file, 3, "waarde '%s' klopt niet", evil[i]);
		diag_add(&d, DIAG_WARNING, NULL, 0, "%s", evil[i]);
		for (j = 0; j < d.n; j++) {
			char *s = diag_format(&d.v[j]);
			const unsigned char *p;
			for (p = (const unsigned char *)s; *p; p++) {
				cr_assert(*p >= 0x20 && *p != 0x7f, "%zu: byte %02x", i, *p);
				cr_assert(!(p[0] == 0xc2 && p[1] >= 0x80 && p[1] < 0xa0), "%zu: C1", i);
				cr_assert(!(p[0] == 0xe2 && p[1] == 0x80 && p[2] == 0xae), "%zu: RLO", i);
			}
			free(s);
		}
		diag_free(&d);
	}
}
