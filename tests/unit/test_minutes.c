/* Unit tests for src/minutes: the Markdown and HTML minutes of a fresh
 * replay of the mini scenario, with a tie, skipped votes and a note. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "minutes.h"

static struct content c;
static struct intervisie iv;
static char dir[256];

static void setup(void)
{
	struct diag d = {0};
	int tie[4] = {2, 2, 0, -1}, none[4] = {-1, -1, -1, -1};

	cr_assert_eq(content_load(&c, FIXTURES "/mini", &d), 0);
	tmpdir_make(dir, "minutes");
	cr_assert_eq(intervisie_begin(&iv, &c, &c.scs[0], 1, dir, &d), 0);
	intervisie_vote(&iv, tie);
	cr_assert_eq(intervisie_follow(&iv, 2), 0);
	cr_assert_eq(intervisie_note(&iv, "Regels | eerst <niet>"), 0);
	intervisie_vote(&iv, none);
	cr_assert_eq(intervisie_follow(&iv, 0), 0);
	cr_assert_eq(intervisie_finish(&iv), 0);
}

static void teardown(void)
{
	intervisie_free(&iv);
	content_free(&c);
	tmpdir_remove(dir);
}

TestSuite(minutes, .init = setup, .fini = teardown);

Test(minutes, markdown_table_side_by_side)
{
	struct buf b = {0};

	minutes_write(&b, &iv, MINUTES_MD);
	cr_assert(strstr(b.s, "# Intervisie: Proef belt\n\n"
			 "| Stap | Situatie | Stemmen | Groep | Gevolgd | "
			 "Expert | Notitie |\n|---|---|---|---|---|---|---|\n"
			 "| 1 | Proef belt voor de derde keer. | optie 1: 2, "
			 "optie 2: 2, optie 3: 0 | gelijk | 3. Je leest de "
			 "regels"), "%s", b.s);
	cr_assert(strstr(b.s, "| 1. Je zegt: „U wacht al lang. Dat is "
			 "vervelend. Zal ik kijken?” (expert) | Regels \\| "
			 "eerst &lt;niet&gt; |\n"), "%s", b.s);
	cr_assert(strstr(b.s, "| 2 | Je ziet in het dossier dat het besluit "
			 "klaar is. | niet gestemd | niet gestemd | 1. "),
		  "%s", b.s);
	cr_assert(strstr(b.s, "\nEinde: Proef weet waar hij aan toe is.\n"));
	buf_free(&b);
}

Test(minutes, html_escapes_the_note)
{
	struct buf b = {0};

	minutes_write(&b, &iv, MINUTES_HTML);
	cr_assert(strncmp(b.s, "<!DOCTYPE html>", 15) == 0);
	cr_assert(strstr(b.s, "<th>Stap</th><th>Situatie</th>"), "%s", b.s);
	cr_assert(strstr(b.s, "<td>Regels | eerst &lt;niet&gt;</td>"), "%s",
		  b.s);
	cr_assert_null(strstr(b.s, "<niet>"));
	cr_assert(strstr(b.s, "<p>Einde: Proef weet waar hij aan toe is.</p>"));
	cr_assert(strstr(b.s, "</table>\n<p>Einde"));
	buf_free(&b);
}
