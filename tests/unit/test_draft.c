/* Unit tests for src/draft: the <log>.concept file round trip, saving only
 * changes, removal, and unreadable files moved aside instead of lost. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "helpers.h"
#include "buf.h"
#include "draft.h"
#include "path.h"

static char dir[64], log_path[96], concept[128];

static void setup(void)
{
	tmpdir_make(dir, "draft");
	snprintf(log_path, sizeof log_path, "%s/sessie.csv", dir);
	snprintf(concept, sizeof concept, "%s.concept", log_path);
}

static void teardown(void)
{
	tmpdir_remove(dir);
}

TestSuite(draft, .init = setup, .fini = teardown);

static void write_file(const char *text)
{
	cr_assert_eq(path_write_atomic(concept, text, strlen(text)), 0);
}

Test(draft, round_trip_private_and_exact)
{
	struct draft d, r;
	struct diag dg = {0};
	struct stat st;
	char *text;

	draft_init(&d, log_path);
	cr_assert_str_eq(d.path, concept);
	draft_put(&d, "gevoel", "Spannend, \"echt\"\nmaar één ding ging goed");
	draft_put(&d, "goed", "");
	draft_set_page(&d, 4);
	cr_assert_eq(draft_save(&d), 0);
	cr_assert_eq(stat(concept, &st), 0);
	cr_assert_eq(st.st_mode & 0777, 0600);
	text = path_read(concept, NULL);
	cr_assert_str_eq(text, "klantcoach-concept,1\nsleutel,tekst\npagina,4\n"
			 "gevoel,\"Spannend, \"\"echt\"\"\nmaar één ding ging goed\"\ngoed,\n");
	free(text);
	cr_assert_eq(draft_load(&r, log_path, &dg), 0);
	cr_assert_eq(dg.n, 0);
	cr_assert_eq(r.page, 4);
	cr_assert_str_eq(draft_get(&r, "gevoel"), "Spannend, \"echt\"\nmaar één ding ging goed");
	cr_assert_str_eq(draft_get(&r, "goed"), "", "an emptied field is a draft too");
	cr_assert_null(draft_get(&r, "anders"));
	cr_assert_not(r.dirty);
	draft_free(&r);
	draft_free(&d);
}

Test(draft, saves_only_changes)
{
	struct draft d;

	draft_init(&d, log_path);
	cr_assert_eq(draft_save(&d), 0);
	cr_assert_not(path_isfile(concept), "nothing changed: no file");
	draft_put(&d, "gevoel", "a");
	cr_assert(d.dirty);
	cr_assert_eq(draft_save(&d), 0);
	cr_assert_not(d.dirty);
	draft_put(&d, "gevoel", "a");
	draft_set_page(&d, 0);
	draft_put(&d, "goed", NULL);
	cr_assert_not(d.dirty, "same text, same page, nothing removed");
	draft_set_page(&d, DRAFT_MAX_PAGE + 1);
	cr_assert_eq(d.page, 0, "a page out of range is ignored");
	draft_put(&d, "gevoel", NULL);
	cr_assert(d.dirty);
	cr_assert_null(draft_get(&d, "gevoel"));
	draft_free(&d);
}

Test(draft, remove_deletes_the_file)
{
	struct draft d;
	struct diag dg = {0};

	draft_init(&d, log_path);
	draft_put(&d, "gevoel", "tekst");
	cr_assert_eq(draft_save(&d), 0);
	cr_assert_eq(draft_remove(&d), 0);
	cr_assert_not(path_isfile(concept));
	cr_assert_eq(d.n, 0);
	cr_assert_eq(draft_remove(&d), 0, "removing twice is fine");
	draft_free(&d);
	cr_assert_eq(draft_load(&d, log_path, &dg), 0, "a missing file is an empty draft");
	cr_assert_eq(d.n, 0);
	cr_assert_eq(d.page, 0);
	draft_free(&d);
}

static void expect_set_aside(const char *text, const char *why)
{
	struct draft d;
	struct diag dg = {0};
	char aside[160], *kept;

	write_file(text);
	cr_assert_eq(draft_load(&d, log_path, &dg), -1);
	cr_assert_eq(d.n, 0);
	cr_assert_eq(d.page, 0);
	cr_assert_eq(dg.n, 1);
	cr_assert_eq(dg.v[0].sev, DIAG_WARNING);
	cr_assert(strstr(dg.v[0].msg, why), "%s", dg.v[0].msg);
	cr_assert(strstr(dg.v[0].msg, "bewaard als"), "%s", dg.v[0].msg);
	snprintf(aside, sizeof aside, "%s.onleesbaar", concept);
	kept = path_read(aside, NULL);
	cr_assert_str_eq(kept, text, "the unreadable draft is kept, not lost");
	cr_assert_not(path_isfile(concept));
	draft_put(&d, "gevoel", "nieuw");
	cr_assert_eq(draft_save(&d), 0, "the empty draft is usable");
	free(kept);
	diag_free(&dg);
	draft_free(&d);
}

Test(draft, unreadable_files_are_moved_aside)
{
	expect_set_aside("iets anders\n", "geen klantcoach-concept,1");
}

Test(draft, bad_header_page_and_text)
{
	expect_set_aside("klantcoach-concept,1\nkey,value\n", "verwacht sleutel,tekst");
}

Test(draft, bad_page)
{
	expect_set_aside("klantcoach-concept,1\nsleutel,tekst\npagina,7x\n", "pagina moet");
}

Test(draft, bad_utf8)
{
	expect_set_aside("klantcoach-concept,1\nsleutel,tekst\ngevoel,\"a\xff\"\n", "UTF-8");
}

Test(draft, torn_row)
{
	expect_set_aside("klantcoach-concept,1\nsleutel,tekst\ngevoel,\"nog open", "");
}

Test(draft, write_error_keeps_changes)
{
	struct draft d;
	char sub[96], logp[128];

	snprintf(sub, sizeof sub, "%s/later", dir);
	snprintf(logp, sizeof logp, "%s/sessie.csv", sub);
	draft_init(&d, logp);
	draft_put(&d, "gevoel", "tekst");
	cr_assert_eq(draft_save(&d), -1, "the folder does not exist yet");
	cr_assert(d.dirty, "a later save retries");
	cr_assert_eq(path_mkdirs(sub), 0);
	cr_assert_eq(draft_save(&d), 0);
	cr_assert_not(d.dirty);
	draft_free(&d);
}
