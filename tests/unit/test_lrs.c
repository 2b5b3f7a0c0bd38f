/* Unit tests for src/lrs: which addresses may be used, and credentials
 * from the environment or a private file (never shown in a message). */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "helpers.h"
#include "lrs.h"

static void clean_env(void)
{
	unsetenv("KLANTCOACH_LRS_SLEUTEL");
}

TestSuite(lrs, .init = clean_env);

Test(lrs, https_anywhere_plain_http_only_to_loopback)
{
	cr_assert(lrs_url_ok("https://lrs.voorbeeld.nl/data/xAPI"));
	cr_assert(lrs_url_ok("http://127.0.0.1:8080/xAPI"));
	cr_assert(lrs_url_ok("http://127.1.2.3/xAPI"));
	cr_assert(lrs_url_ok("http://localhost:1234/xAPI"));
	cr_assert(lrs_url_ok("http://[::1]:1234/xAPI"));
	cr_assert_not(lrs_url_ok("http://lrs.voorbeeld.nl/xAPI"));
	cr_assert_not(lrs_url_ok("http://127.voorbeeld.nl/xAPI"));
	cr_assert_not(lrs_url_ok("http://192.168.1.2/xAPI"));
	cr_assert_not(lrs_url_ok("ftp://127.0.0.1/xAPI"));
	cr_assert_not(lrs_url_ok("geen adres"));
}

Test(lrs, open_refuses_plain_http_elsewhere)
{
	struct diag d = {0};
	struct lrs l;

	cr_assert_eq(lrs_open(&l, "http://lrs.voorbeeld.nl/xAPI", "a:b",
			      NULL, &d), -1);
	cr_assert(strstr(d.v[0].msg, "https://"));
	diag_free(&d);
}

Test(lrs, credentials_from_a_private_file)
{
	struct diag d = {0};
	char *p = tmpfile_with("sleutel:geheim  \nrest\n", 21, ""), *c;

	chmod(p, 0600);
	c = lrs_credentials(p, &d);
	cr_assert_str_eq(c, "sleutel:geheim");
	free(c);
	chmod(p, 0644);
	cr_assert_null(lrs_credentials(p, &d));
	cr_assert(strstr(d.v[0].msg, "chmod 600"));
	cr_assert_null(strstr(d.v[0].msg, "geheim"));
	unlink(p);
	free(p);
	diag_free(&d);
}

Test(lrs, credentials_from_the_environment_first)
{
	struct diag d = {0};
	char *c;

	setenv("KLANTCOACH_LRS_SLEUTEL", "k:s", 1);
	c = lrs_credentials("/bestaat/niet", &d);
	cr_assert_str_eq(c, "k:s");
	free(c);
	setenv("KLANTCOACH_LRS_SLEUTEL", "zonder-dubbele-punt", 1);
	cr_assert_null(lrs_credentials(NULL, &d));
	cr_assert(strstr(d.v[0].msg, "sleutel:geheim"));
	cr_assert_null(strstr(d.v[0].msg, "zonder-dubbele-punt"));
	diag_free(&d);
}

Test(lrs, missing_credentials_say_where_to_put_them)
{
	struct diag d = {0};

	cr_assert_null(lrs_credentials("/bestaat/niet", &d));
	cr_assert(strstr(d.v[0].msg, "KLANTCOACH_LRS_SLEUTEL"));
	diag_free(&d);
}
