/* Unit tests for src/persona. */
#include <criterion/criterion.h>

#include "helpers.h"
#include "persona.h"

Test(persona, loads_fixture)
{
	struct persona p;
	struct diag d = {0};

	cr_assert_eq(persona_load(&p, FIXTURES "/mini/personas/proef.ini", &d), 0);
	cr_assert_str_eq(p.id, "proef");
	cr_assert_str_eq(p.name, "Proef");
	cr_assert_eq(p.age, 40);
	cr_assert_eq(p.nchannels, 2);
	cr_assert(persona_has_channel(&p, "balie"));
	cr_assert_not(persona_has_channel(&p, "chat"));
	cr_assert_eq(p.nhelp, 2);
	cr_assert_str_eq(persona_need_name(p.needs[0]), "gemak, zekerheid en controle hebben");
	persona_free(&p);
}

Test(persona, reports_missing_and_unknown)
{
	const char *text = "[persona]\nname = X\nage = 7\nchannels = telefoon fax\nneeds = geld\n";
	char *path = tmpfile_with(text, strlen(text), ".ini");
	struct persona p;
	struct diag d = {0};
	size_t i;
	int fax = 0, geld = 0, age = 0;

	cr_assert_eq(persona_load(&p, path, &d), -1);
	for (i = 0; i < d.n; i++) {
		fax |= strstr(d.v[i].msg, "onbekend kanaal 'fax'") && d.v[i].line == 4;
		geld |= strstr(d.v[i].msg, "onbekende behoefte 'geld'") && d.v[i].line == 5;
		age |= strstr(d.v[i].msg, "leeftijd") && d.v[i].line == 3;
	}
	cr_assert(fax && geld && age);
	persona_free(&p);
	diag_free(&d);
	unlink(path);
	free(path);
}

Test(persona, unknown_keys_and_sections_warn)
{
	const char *text = "[persona]\nname = X\nage = 40\nhousehold = h\nsituation = s\n"
		"story = s\nchannels = telefoon\nneeds = gemak\nhelp1 = h\nhelp9 = h\n"
		"source = s\nleeftijd = 40\n[extra]\nnote = n\n";
	char *path = tmpfile_with(text, strlen(text), ".ini");
	struct persona p;
	struct diag d = {0};

	cr_assert_eq(persona_load(&p, path, &d), 0, "warnings do not stop loading");
	cr_assert_eq(d.n, 3);
	cr_assert_eq(diag_count(&d, DIAG_WARNING), 3);
	cr_assert_str_eq(d.v[0].msg, "onbekende sleutel 'help9' in [persona]");
	cr_assert_eq(d.v[0].line, 10);
	cr_assert_str_eq(d.v[1].msg, "onbekende sleutel 'leeftijd' in [persona]");
	cr_assert_eq(d.v[2].line, 13);
	cr_assert(strstr(d.v[2].msg, "onbekende sectie [extra]"));
	persona_free(&p);
	diag_free(&d);
	unlink(path);
	free(path);
}

Test(persona, byte_order_mark_is_accepted)
{
	const char *text = "\xEF\xBB\xBF[persona]\nname = X\nage = 40\nhousehold = h\n"
		"situation = s\nstory = s\nchannels = telefoon\nneeds = gemak\nhelp1 = h\n"
		"source = s\n";
	char *path = tmpfile_with(text, strlen(text), ".ini");
	struct persona p;
	struct diag d = {0};

	cr_assert_eq(persona_load(&p, path, &d), 0, "%s", d.n ? d.v[0].msg : "");
	cr_assert_eq(d.n, 0);
	cr_assert_str_eq(p.name, "X");
	persona_free(&p);
	unlink(path);
	free(path);
}
