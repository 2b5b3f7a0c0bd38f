/* Unit tests for src/framework. */
#include <criterion/criterion.h>
#include <sys/stat.h>

#include "framework.h"
#include "path.h"

Test(framework, loads_mini)
{
	struct framework fw;
	struct diag d = {0};

	cr_assert_eq(framework_load(&fw, FIXTURES "/mini/content/frameworks/mini", &d), 0);
	cr_assert_str_eq(fw.id, "mini");
	cr_assert_str_eq(fw.name, "Mini");
	cr_assert_eq(fw.ncomps, 2);
	cr_assert_eq(fw.ninds, 5);
	cr_assert_str_eq(fw.comps[0].definition, "Hoort wat de ander zegt, ook tussen de regels.");
	cr_assert_eq(framework_target(&fw, 0, 'B'), 2);
	cr_assert_eq(framework_target(&fw, 1, 'C'), 2);
	cr_assert_eq(framework_ind(&fw, "uitl.2.1"), 4);
	cr_assert_eq(framework_ind(&fw, "x"), -1);
	cr_assert_eq(fw.inds[1].level, 2);
	framework_free(&fw);
}

static void write(const char *dir, const char *name, const char *text)
{
	char *p = path_join(dir, name);
	FILE *fp = fopen(p, "w");
	fputs(text, fp);
	fclose(fp);
	free(p);
}

Test(framework, reports_bad_rows)
{
	char dir[] = "/tmp/kc-fw-XXXXXX";
	struct framework fw;
	struct diag d = {0};
	char cmd[64];

	cr_assert_not_null(mkdtemp(dir));
	write(dir, "framework.csv", "key,value\nname,X\n");
	write(dir, "competencies.csv", "id,name,cluster,definition\na,A,c,d\n");
	write(dir, "indicators.csv", "competency,level,id,text\nb,1,b.1.1,t\na,4,a.4.1,t\n");
	write(dir, "targets.csv", "role,competency,level\nA,a,1\nB,a,1\n");
	cr_assert_eq(framework_load(&fw, dir, &d), -1);
	cr_assert_eq(d.n, 2);
	cr_assert_eq(d.v[0].line, 2);
	cr_assert(strstr(d.v[0].msg, "onbekende competentie 'b'"));
	cr_assert_eq(d.v[1].line, 3);
	cr_assert(strstr(d.v[1].msg, "moet 1, 2 of 3 zijn"));
	framework_free(&fw);
	diag_free(&d);
	write(dir, "indicators.csv", "competency,level,id,text\na,1,a.1.1,t\n");
	cr_assert_eq(framework_load(&fw, dir, &d), -1);
	cr_assert(strstr(d.v[0].msg, "geen doelniveau voor competentie 'a' bij rol C"), "%s", d.v[0].msg);
	framework_free(&fw);
	diag_free(&d);
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	cr_assert_eq(system(cmd), 0);
}

Test(framework, bundled_2023_profile)
{
	struct framework fw;
	struct diag d = {0};
	const char *ids[] = {"eig", "sam", "inl", "zorg", "kp", "com"};
	const int want[] = {1, 1, 2, 2, 2, 2};
	size_t i;

	cr_assert_eq(framework_load(&fw, TOPSRC "/content/frameworks/kap2023", &d), 0);
	cr_assert_eq(fw.ncomps, 6);
	for (i = 0; i < 6; i++) {
		int c = framework_comp(&fw, ids[i]);
		cr_assert_geq(c, 0, "%s", ids[i]);
		cr_assert_eq(framework_target(&fw, (size_t)c, 'B'), want[i], "%s", ids[i]);
	}
	framework_free(&fw);
}

/* A framework folder with competencies a and b and the given targets. */
static char *two_comps(const char *targets)
{
	static char dir[32];

	snprintf(dir, sizeof dir, "/tmp/kc-fw-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
	write(dir, "framework.csv", "key,value\nname,X\n");
	write(dir, "competencies.csv", "id,name,cluster,definition\na,A,c,d\nb,B,c,d\n");
	write(dir, "indicators.csv", "competency,level,id,text\na,1,a.1.1,t\n");
	write(dir, "targets.csv", targets);
	return dir;
}

static void remove_dir(const char *dir)
{
	char cmd[64];

	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	cr_assert_eq(system(cmd), 0);
}

Test(framework, conflicting_duplicate_target_is_an_error)
{
	char *dir = two_comps("role,competency,level\nA,a,1\nB,a,2\nC,a,2\n"
			      "A,b,0\nB,b,1\nC,b,1\nB,a,3\n");
	struct framework fw;
	struct diag d = {0};

	cr_assert_eq(framework_load(&fw, dir, &d), -1);
	cr_assert_eq(d.n, 1);
	cr_assert_eq(d.v[0].sev, DIAG_ERROR);
	cr_assert_eq(d.v[0].line, 8);
	cr_assert_str_eq(d.v[0].msg, "doelniveau 3 voor rol B en competentie 'a' "
			 "botst met niveau 2 op regel 3");
	framework_free(&fw);
	diag_free(&d);
	remove_dir(dir);
}

Test(framework, repeated_equal_target_is_a_warning)
{
	char *dir = two_comps("role,competency,level\nA,a,1\nB,a,2\nC,a,2\n"
			      "A,b,0\nB,b,1\nC,b,1\nA,b,0\n");
	struct framework fw;
	struct diag d = {0};

	cr_assert_eq(framework_load(&fw, dir, &d), 0);
	cr_assert_eq(d.n, 1);
	cr_assert_eq(d.v[0].sev, DIAG_WARNING);
	cr_assert_eq(d.v[0].line, 8);
	cr_assert(strstr(d.v[0].msg, "staat er al op regel 5"), "%s", d.v[0].msg);
	cr_assert_eq(framework_target(&fw, 1, 'A'), 0);
	framework_free(&fw);
	diag_free(&d);
	remove_dir(dir);
}

Test(framework, no_competencies_is_an_error)
{
	char dir[] = "/tmp/kc-fw-XXXXXX";
	struct framework fw;
	struct diag d = {0};

	cr_assert_not_null(mkdtemp(dir));
	write(dir, "framework.csv", "key,value\nname,X\n");
	write(dir, "competencies.csv", "id,name,cluster,definition\n");
	write(dir, "indicators.csv", "competency,level,id,text\n");
	write(dir, "targets.csv", "role,competency,level\n");
	cr_assert_eq(framework_load(&fw, dir, &d), -1);
	cr_assert_eq(d.n, 1);
	cr_assert(strstr(d.v[0].file, "/competencies.csv"));
	cr_assert(strstr(d.v[0].msg, "bevat geen competenties"));
	framework_free(&fw);
	diag_free(&d);
	remove_dir(dir);
}

Test(framework, byte_order_marks_are_accepted)
{
	char *dir = two_comps("\xEF\xBB\xBFrole,competency,level\nA,a,1\nB,a,2\nC,a,2\n"
			      "A,b,0\nB,b,1\nC,b,1\n");
	struct framework fw;
	struct diag d = {0};

	write(dir, "framework.csv", "\xEF\xBB\xBFkey,value\nname,X\n");
	write(dir, "competencies.csv", "\xEF\xBB\xBFid,name,cluster,definition\na,A,c,d\nb,B,c,d\n");
	write(dir, "indicators.csv", "\xEF\xBB\xBF" "competency,level,id,text\na,1,a.1.1,t\n");
	cr_assert_eq(framework_load(&fw, dir, &d), 0, "%s", d.n ? d.v[0].msg : "");
	cr_assert_eq(fw.ncomps, 2);
	cr_assert_eq(framework_target(&fw, 0, 'B'), 2);
	framework_free(&fw);
	remove_dir(dir);
}

/* A framework file with a wrong header (say a link to a private file) is
 * named, and none of its rows is read or quoted, whichever of the four
 * files it is. */
Test(framework, foreign_file_is_not_quoted)
{
	static const char *const files[] = {
		"framework.csv", "competencies.csv", "indicators.csv",
		"targets.csv",
	};
	size_t i, k;

	for (i = 0; i < 4; i++) {
		char *dir = two_comps("role,competency,level\nA,a,1\nB,a,1\n"
				      "C,a,1\nA,b,1\nB,b,1\nC,b,1\n");
		struct framework fw;
		struct diag d = {0};
		write(dir, files[i], "user,GEHEIM\nGEHEIM,GEHEIM,GEHEIM\n");
		cr_assert_eq(framework_load(&fw, dir, &d), -1);
		cr_assert(strstr(d.v[0].file, files[i]), "%s", d.v[0].file);
		cr_assert(strstr(d.v[0].msg, "kopregel moet"), "%s",
			  d.v[0].msg);
		for (k = 0; k < d.n; k++)
			cr_assert_null(strstr(d.v[k].msg, "GEHEIM"), "%s: %s",
				       files[i], d.v[k].msg);
		framework_free(&fw);
		diag_free(&d);
		remove_dir(dir);
	}
}
