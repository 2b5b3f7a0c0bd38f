/* Unit tests for src/report: the three writers on a review built by hand,
 * so every figure in the output is known. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "report.h"
#include "reportcsv.h"
#include "reporthtml.h"
#include "reportxlsx.h"

static struct content c;
static struct review_session s[2];
static struct review_count cnt[3];
static struct review_compstat cs;
static struct review r;

/* Two sessions of proef-basis on the mini framework (Luisteren, Uitleggen):
 * Anna finished with levels, "=Bram" (a formula) did not. Step begin: two
 * chose option 1 (the expert), one option 3. */
static void setup(void)
{
	struct diag d = {0};

	cr_assert_eq(content_load(&c, FIXTURES "/mini", &d), 0);
	memset(s, 0, sizeof s);
	s[0] = (struct review_session){
		.id = "s1", .trainee = "Anna", .persona = "proef",
		.scenario = "proef-basis", .mode = "oefenen",
		.started = "2026-01-31T12:00:00Z", .ending = "goed",
		.level = 'B', .finished = 1, .done = 1, .levels = 1,
		.meters = {6, 5, 9}, .nchoices = 2, .nundo = 1,
		.think_ms = 12500, .nfeedback = 2, .fw = &c.fws[0],
		.shown = {2, -1}, .target = {2, 1},
	};
	s[1] = (struct review_session){
		.id = "s2", .trainee = "=Bram", .persona = "proef",
		.scenario = "proef-basis", .mode = "toets",
		.started = "2026-02-01T09:30:00Z", .level = 'A',
		.meters = {4, 4, 3}, .nchoices = 1, .tone = -1,
	};
	cnt[0] = (struct review_count){"proef-basis", "begin", 1, 2, 1};
	cnt[1] = (struct review_count){"proef-basis", "begin", 3, 1, 0};
	cnt[2] = (struct review_count){"proef-basis", "uitleg", 1, 1, 1};
	cs = (struct review_compstat){.scenario = "proef-basis", .fw = &c.fws[0],
				      .n = {2, 0}, .below = {1, 0}};
	r = (struct review){.c = &c, .s = s, .n = 2, .cnt = cnt, .ncnt = 3,
			    .cs = &cs, .ncs = 1, .nfiles = 3, .nskipped = 1,
			    .nsessions = 2};
	diag_free(&d);
}

static void teardown(void)
{
	content_free(&c);
}

TestSuite(report, .init = setup, .fini = teardown);

/* The sessions of r in a spool for order o, handed over newest first, so
 * the order read back is the spool's own. */
static void spooled(struct spool *sp, enum report_order o)
{
	size_t i;

	spool_init(sp, SPOOL_BUDGET);
	for (i = r.n; i-- > 0;)
		cr_assert_eq(report_spool_add(sp, o, &r.s[i]), 0);
}

/* What the writer of f wrote from r's sessions, as one string (caller
 * frees); r itself keeps none (r.n is only where the test puts them). */
static char *written(enum report_format f)
{
	char *text = NULL;
	size_t n = 0, i;
	FILE *fp = open_memstream(&text, &n);
	struct spool sp;
	struct reporthtml w;

	cr_assert_not_null(fp);
	if (f == REPORT_MD) {
		spooled(&sp, REPORT_NEWEST);
		cr_assert_eq(report_md(fp, &r, &c.fws[0], &sp), 0);
		spool_free(&sp);
	} else {
		reporthtml_init(&w, &c.fws[0]);
		for (i = r.n; i-- > 0;)
			reporthtml_add(&w, &r.s[i]);
		cr_assert_eq(reporthtml_write(&w, &r, fp), 0);
		reporthtml_free(&w);
	}
	fclose(fp);
	return text;
}

/* CSV table t as written (caller frees); the sessions handed over
 * newest first, so the order in the file is the writer's own. */
static char *csv_table(enum reportcsv_table t, int excel)
{
	struct reportcsv w;
	char *text = NULL;
	size_t n = 0, i;
	FILE *fp = open_memstream(&text, &n);

	cr_assert_not_null(fp);
	reportcsv_init(&w, &c.fws[0], excel);
	for (i = r.n; i-- > 0;)
		reportcsv_add(&w, &r.s[i]);
	if (excel)
		reportcsv_absent(&w, "Zoë; de Vries");
	cr_assert_eq(reportcsv_write(&w, &r, t, fp), 0);
	reportcsv_free(&w);
	fclose(fp);
	return text;
}

/* COACH-UX 12: one table per file, sessions chronological with level and
 * target columns. */
Test(report, csv_sessions_chronological_with_targets)
{
	char *csv = csv_table(RCSV_SESSIONS, 0);

	cr_assert_str_eq(csv,
		"sessie,cursist,persona,scenario,modus,niveau,start,status,einde,"
		"gezien,gehoord,geholpen,keuzes,terug,denktijd_s,feedback,"
		"luis,luis_doel,uitl,uitl_doel\r\n"
		"s1,Anna,proef,proef-basis,oefenen,B,2026-01-31T12:00:00Z,afgerond,"
		"goed,6,5,9,2,1,12,2,2,2,,\r\n"
		"s2,'=Bram,proef,proef-basis,toets,A,2026-02-01T09:30:00Z,"
		"onderbroken,,4,4,3,1,0,0,0,,,,\r\n");
	free(csv);
}

/* COACH-UX 12: steps in scenario order, options nobody chose as 0. */
Test(report, csv_steps_in_scenario_order_with_zero_rows)
{
	char *csv = csv_table(RCSV_STEPS, 0);

	cr_assert_str_eq(csv,
		"scenario,stap,optie_id,tekst,aantal,procent,expert\r\n"
		"proef-basis,begin,1,Je zegt: „U wacht al lang. Dat is vervelend. "
		"Zal ik kijken?”,2,67,ja\r\n"
		"proef-basis,begin,2,Je zegt: „Daar kan ik niets aan doen.”,0,0,"
		"nee\r\n"
		"proef-basis,begin,3,Je leest de regels over de termijn voor en zegt "
		"dat het nog acht weken kan duren.,1,33,nee\r\n"
		"proef-basis,uitleg,1,Je zegt: „Het besluit is klaar. U krijgt het "
		"deze week.”,1,100,ja\r\n"
		"proef-basis,uitleg,2,Je zegt: „Het duurt nog even.”,0,0,nee\r\n"
		"proef-basis,uitleg,3,Je zegt: „Fijn dat u mij het wachten vertelde. "
		"Het besluit komt deze week.”,0,0,nee\r\n");
	free(csv);
}

Test(report, csv_competencies)
{
	char *csv = csv_table(RCSV_COMPS, 0);

	cr_assert_str_eq(csv,
		"scenario,competentie,sessies,onder_doel,procent_onder_doel\r\n"
		"proef-basis,Luisteren,2,1,50\r\n"
		"proef-basis,Uitleggen,0,0,0\r\n");
	free(csv);
}

/* COACH-UX 12: Excel gets a BOM and ';', a cell holding ';' is quoted;
 * a group member without sessions is listed last with zeros. */
Test(report, csv_for_excel)
{
	char *csv = csv_table(RCSV_SESSIONS, 1);

	cr_assert(strncmp(csv, "\xef\xbb\xbfsessie;cursist;persona;", 26) == 0,
		  "%s", csv);
	cr_assert(strstr(csv, "\r\ns1;Anna;proef;proef-basis;oefenen;B;"),
		  "%s", csv);
	cr_assert(strstr(csv, "\r\ns2;'=Bram;"), "%s", csv);
	cr_assert(strstr(csv, "0;0;0;;;;\r\n;\"Zoë; de Vries\";;;;;;"
			 "geen sessies;;;;;0;0;0;0;;;;\r\n"), "%s", csv);
	cr_assert_eq(reportcsv_parse_table("stappen"), RCSV_STEPS);
	cr_assert_eq(reportcsv_parse_table("Stappen"), -1);
	cr_assert_str_eq(reportcsv_file(RCSV_COMPS), "competenties.csv");
	free(csv);
}

Test(report, markdown_tables)
{
	static const char head[] = "# Rapport klantcoach\n\n2 sessies uit 3 "
		"bestanden (1 overgeslagen).\n\n## Sessies\n\n";
	char *md = written(REPORT_MD);

	cr_assert(strncmp(md, head, sizeof head - 1) == 0, "%s", md);
	cr_assert(strstr(md, "| datum | cursist | scenario | modus | status | einde |"
			 " gezien | gehoord | geholpen | Luisteren | Uitleggen |\n"
			 "|---|---|---|---|---|---|---|---|---|---|---|\n"), "%s", md);
	cr_assert(strstr(md, "| 2026-01-31T12:00:00Z | Anna | proef-basis | oefenen |"
			 " afgerond | goed | 6 | 5 | 9 | 2/2 | - |\n"), "%s", md);
	cr_assert(strstr(md, "| 2026-02-01T09:30:00Z | =Bram | proef-basis | toets |"
			 " onderbroken | - | 4 | 4 | 3 | - | - |\n"), "%s", md);
	cr_assert(strstr(md, "| proef-basis | begin | 0 | 0% | nee | Je zegt: "
			 "„Daar kan ik niets aan doen.” |\n"), "%s", md);
	cr_assert(strstr(md, "| proef-basis | begin | 1 | 33% | nee | Je leest de "
			 "regels over de termijn voor en zegt dat het nog acht "
			 "weken kan duren. |\n"), "%s", md);
	cr_assert(strstr(md, "| proef-basis | Luisteren | 2 | 1 (50%) |\n"), "%s", md);
	cr_assert(strstr(md, "| proef-basis | Uitleggen | 0 | n.v.t. in dit scenario |\n"),
		  "%s", md);
	free(md);
}

Test(report, not_rated_is_shown_as_such)
{
	char *md;

	s[0].shown[1] = 1;
	s[0].target[1] = 0;
	md = written(REPORT_MD);
	cr_assert(strstr(md, " | 2/2 | 1 n.v.t. |\n"), "%s", md);
	free(md);
}

Test(report, html_is_one_escaped_file)
{
	char *html;

	s[0].trainee = "<b>Anna</b>";
	html = written(REPORT_HTML);
	cr_assert(strncmp(html, "<!DOCTYPE html>\n<html lang=\"nl\">", 32) == 0);
	cr_assert(strstr(html, "</body>\n</html>\n"));
	cr_assert_null(strstr(html, "<b>Anna"), "names are escaped");
	cr_assert(strstr(html, "<td class=\"who\">&lt;b&gt;Anna&lt;/b&gt;</td>"), "%s", html);
	cr_assert(strstr(html, "<td class=\"ok\">2/2</td>"), "%s", html);
	cr_assert(strstr(html, "<p>2 sessies uit 3 bestanden (1 overgeslagen).</p>"));
	cr_assert(strstr(html, "<h3>&lt;b&gt;Anna&lt;/b&gt;</h3>"),
		  "growth only for the trainee with levels");
	cr_assert_null(strstr(html, "<h3>=Bram</h3>"));
	cr_assert_null(strstr(html, "http"), "nothing outside the file");
	free(html);
}

/* COACH-UX 10 and 11: a summary first, the competencies below target,
 * sessions oldest first, every option by its text with the expert marked
 * by role, meters as a distribution, growth with the target line. */
Test(report, html_summary_tables_and_charts)
{
	char *html = written(REPORT_HTML), *anna, *bram, *sum, *sess;

	sum = strstr(html, "<h2>Samenvatting</h2>");
	sess = strstr(html, "<h2>Sessies</h2>");
	cr_assert(sum && sess && sum < sess, "summary at the top");
	cr_assert(strstr(html, "<li>2 sessies: 1 afgerond, 1 onderbroken, 0 "
			 "gestopt.</li>"), "%s", html);
	cr_assert(strstr(html, "<li>Keuzes van de expert: 75% van 4 keuzes."
			 "</li>"), "%s", html);
	cr_assert(strstr(html, "<li>Luisteren: 50% onder doel (1 van 2 "
			 "sessies).</li>"), "%s", html);
	cr_assert(strstr(html, "<h2>Competenties onder doel</h2>"));
	cr_assert(strstr(html, "<tr><td>proef-basis</td><td class=\"below\">"
			 "1 van 2 (50%)</td><td>n.v.t.</td></tr>"), "%s", html);
	anna = strstr(html, "<td class=\"who\">Anna</td>");
	bram = strstr(html, "<td class=\"who\">=Bram</td>");
	cr_assert(anna && bram && anna < bram, "oldest first");
	cr_assert(strstr(html, "Zal ik kijken?” <b>(expert)</b></td><td "
			 "class=\"num\">2</td><td class=\"num\">67%</td><td "
			 "class=\"barcell\"><div class=\"bar expert\" "
			 "style=\"width:67%\">"), "%s", html);
	cr_assert(strstr(html, "niets aan doen.”</td><td class=\"num\">0</td>"
			 "<td class=\"num\">0%</td><td class=\"barcell\"><div "
			 "class=\"bar other\""), "zero row, grey: %s", html);
	cr_assert(strstr(html, "<th>stap begin</th>") <
		  strstr(html, "<th>stap uitleg</th>"), "scenario order");
	cr_assert(strstr(html, "<td>gezien</td><td class=\"num\" style=\""
			 "background:rgba(46,95,168,0.00)\">0</td>"), "%s", html);
	cr_assert(strstr(html, "<h3>Anna</h3>"), "growth for Anna");
	cr_assert_null(strstr(html, "<h3>=Bram</h3>"), "Bram has no levels");
	cr_assert(strstr(html, "stroke=\"#c0392b\" stroke-dasharray"),
		  "target line");
	cr_assert(strstr(html, ">2026-01-31</text>"), "dates on the axis");
	cr_assert(strstr(html, "@page{size:A4"), "print stylesheet");
	free(html);
}

/* COACH-UX 10: above the limits a table per trainee, each with a note
 * saying what was summarised; the page stays small. */
Test(report, html_limits_are_stated)
{
	static struct review_session many[REPORTHTML_MAX_ROWS + 40];
	static char names[REPORTHTML_MAX_ROWS + 40][16];
	size_t i, n = REPORTHTML_MAX_ROWS + 40;
	char *html;

	for (i = 0; i < n; i++) {
		many[i] = s[0];
		snprintf(names[i], sizeof names[i], "Cursist %02zu", i % 30);
		many[i].trainee = names[i];
	}
	r.s = many;
	r.n = n;
	html = written(REPORT_HTML);
	cr_assert(strstr(html, "540 sessies: meer dan 500, dus hier niet per "
			 "sessie maar per cursist samengevat, met het laatste "
			 "niveau."), "%s", html);
	cr_assert(strstr(html, "<tr><td>Cursist 07</td><td>18</td><td>18</td>"
			 "<td>2026-01-31</td><td>2026-01-31</td><td class=\"ok\">"
			 "2/2</td><td>-</td></tr>"), "one row per trainee");
	cr_assert(strstr(html, "30 cursisten met niveaus: grafieken alleen bij "
			 "24 of minder. Het laatste niveau per cursist staat in "
			 "de tabel onder Sessies"), "growth note");
	cr_assert_null(strstr(html, "<svg"), "no growth charts");
	cr_assert(strlen(html) < 100000, "%zu bytes", strlen(html));
	free(html);
}

Test(report, below_target_is_marked)
{
	char *html;

	s[0].shown[0] = 1;
	html = written(REPORT_HTML);
	cr_assert(strstr(html, "<td class=\"below\">1/2</td>"), "%s", html);
	free(html);
}

Test(report, formats_and_cells)
{
	struct buf b = {0};

	cr_assert_eq(report_parse_format("csv"), REPORT_CSV);
	cr_assert_eq(report_parse_format("md"), REPORT_MD);
	cr_assert_eq(report_parse_format("html"), REPORT_HTML);
	cr_assert_eq(report_parse_format("CSV"), -1);
	report_csv_cell(&b, NULL);
	cr_assert_str_eq(buf_str(&b), "");
	report_csv_cell(&b, "a,\"b\"\nc\x1b[2J");
	cr_assert_str_eq(buf_str(&b), "\"a,\"\"b\"\"\nc\\x1b[2J\"",
			 "quoted, the line kept, the escape made inert");
	buf_free(&b);
}

/* The workbook is a zip (read back with openpyxl in tests/e2e/xlsx.sh);
 * a path that cannot be written gives a message, not a crash. */
Test(report, xlsx_workbook)
{
	char path[] = "/tmp/kc-xlsx-XXXXXX", head[4] = "";
	const char *err = NULL;
	int fd = mkstemp(path);
	FILE *fp;
	struct spool sp;

	cr_assert_geq(fd, 0);
	close(fd);
	spooled(&sp, REPORT_OLDEST);
	cr_assert_eq(reportxlsx_write(path, &r, &c.fws[0], &sp, &err), 0);
	cr_assert_not_null(fp = fopen(path, "rb"));
	cr_assert_eq(fread(head, 1, 4, fp), 4);
	fclose(fp);
	cr_assert_eq(memcmp(head, "PK\x03\x04", 4), 0);
	unlink(path);
	cr_assert_eq(reportxlsx_write("/nergens/r.xlsx", &r, &c.fws[0], &sp,
				      &err), -1);
	cr_assert_not_null(err);
	spool_free(&sp);
	cr_assert_eq(report_parse_format("xlsx"), REPORT_XLSX);
}

/* Above REPORTHTML_MAX_TRAINEES the trainee table stops, and says so. */
Test(report, html_trainee_table_stops_visibly)
{
	static struct review_session many[REPORTHTML_MAX_TRAINEES + 3];
	static char names[REPORTHTML_MAX_TRAINEES + 3][16];
	size_t i, n = REPORTHTML_MAX_TRAINEES + 3;
	char *html;

	for (i = 0; i < n; i++) {
		many[i] = s[1];
		snprintf(names[i], sizeof names[i], "Cursist %05zu", i);
		many[i].trainee = names[i];
	}
	r.s = many;
	r.n = n;
	html = written(REPORT_HTML);
	cr_assert(strstr(html, "<tr><td>Cursist 04999</td>"));
	cr_assert_null(strstr(html, "<tr><td>Cursist 05000</td>"));
	cr_assert(strstr(html, "En nog 3 cursisten (na de eerste 5000 op naam):"
			 " niet in deze tabel; zie de CSV of filter."), "note");
	free(html);
}

/* Issue 22: the page's writer spools its sessions. Ten thousand sessions
 * of one trainee: the session list in memory stays within the spool's
 * budget (the rest is in its temporary file), the per-session table keeps
 * only what it can show, and the growth charts draw at most
 * REPORTHTML_MAX_POINTS points each, said in a note. */
Test(report, html_many_sessions_bounded)
{
	struct reporthtml w;
	struct review_session one = s[0];
	char *text = NULL, *p;
	size_t len = 0, i, dots = 0;
	FILE *fp = open_memstream(&text, &len);

	reporthtml_init(&w, &c.fws[0]);
	for (i = 0; i < 10000; i++) {
		one.shown[0] = i % 2 ? 3 : 1;
		reporthtml_add(&w, &one);
	}
	cr_assert_gt(w.who.nruns, 1, "spilled to runs");
	cr_assert_leq(w.who.cap, 2 * SPOOL_BUDGET, "memory %zu", w.who.cap);
	cr_assert_eq(w.rows.n, REPORTHTML_MAX_ROWS, "only rows it can show");
	cr_assert_eq(reporthtml_write(&w, &r, fp), 0);
	fclose(fp);
	reporthtml_free(&w);
	cr_assert(strstr(text, "10000 sessies met niveaus: per grafiek "
			 "hoogstens 30 punten, elk het gemiddelde van "
			 "opeenvolgende sessies."), "note");
	for (p = text; (p = strstr(p, "<circle")) != NULL; p++, dots++)
		cr_assert(strncmp(p, "<circle cx=\"", 12) == 0);
	cr_assert_eq(dots, REPORTHTML_MAX_POINTS, "Uitleggen has no level");
	cr_assert(strstr(text, "<circle cx=\"22\" cy=\"30\""), "mean of 1, 3");
	cr_assert_null(strstr(text, "cy=\"10\""), "no single session drawn");
	cr_assert_lt(len, 100000, "%zu bytes", len);
	free(text);
}

/* Up to REPORTHTML_MAX_POINTS a chart has a point per session, as before:
 * levels 1, 2, 3 from left to right. */
Test(report, html_chart_point_per_session)
{
	static struct review_session three[3];
	static char when[3][21] = {"2026-01-01T09:00:00Z",
		"2026-01-02T09:00:00Z", "2026-01-03T09:00:00Z"};
	char *html;
	size_t i;

	for (i = 0; i < 3; i++) {
		three[i] = s[0];
		three[i].started = when[i];
		three[i].shown[0] = (int)i + 1;
	}
	r.s = three;
	r.n = 3;
	html = written(REPORT_HTML);
	cr_assert(strstr(html, "<circle cx=\"22\" cy=\"50\" r=\"2.5\" fill=\""
			 "#2e5fa8\"/><circle cx=\"91\" cy=\"30\" r=\"2.5\" "
			 "fill=\"#2e5fa8\"/><circle cx=\"160\" cy=\"10\" r=\"2.5\" "
			 "fill=\"#2e5fa8\"/><polyline fill=\"none\" stroke=\""
			 "#2e5fa8\" stroke-width=\"2\" points=\"22,50 91,30 "
			 "160,10 \"/>"), "%s", html);
	cr_assert(strstr(html, ">2026-01-01</text><text x=\"160\" y=\"88\" "
			 "text-anchor=\"end\">2026-01-03</text>"), "%s", html);
	cr_assert_null(strstr(html, "per grafiek hoogstens"), "no note");
	free(html);
}

/* Issue 22: Markdown over more sessions than the spool keeps in memory
 * still lists every one, newest first. */
Test(report, markdown_many_sessions_newest_first)
{
	static char when[20000][24];
	struct review_session one = s[1];
	struct spool sp;
	char *text = NULL, *p, last[24] = "9999";
	size_t len = 0, i, rows = 0;
	FILE *fp = open_memstream(&text, &len);
	unsigned long long x = 7;

	spool_init(&sp, SPOOL_BUDGET);
	for (i = 0; i < 20000; i++) {
		x = x * 6364136223846793005ULL + 1442695040888963407ULL;
		snprintf(when[i], sizeof when[i], "2026-%02u-%02uT%02u:00:00Z",
			 (unsigned)(x >> 33) % 12 + 1,
			 (unsigned)(x >> 40) % 28 + 1,
			 (unsigned)(x >> 50) % 24);
		one.started = when[i];
		cr_assert_eq(report_spool_add(&sp, REPORT_NEWEST, &one), 0);
	}
	cr_assert_gt(sp.nruns, 1, "spilled to runs");
	cr_assert_eq(report_md(fp, &r, &c.fws[0], &sp), 0);
	fclose(fp);
	spool_free(&sp);
	for (p = text; (p = strstr(p, "\n| 2026-")) != NULL; p++, rows++) {
		cr_assert_leq(strncmp(p + 3, last, 20), 0, "newest first");
		memcpy(last, p + 3, 20);
	}
	cr_assert_eq(rows, 20000);
	free(text);
}
