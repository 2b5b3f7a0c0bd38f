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
