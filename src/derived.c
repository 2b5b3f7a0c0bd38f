/*
 * derived: carrying evidence over a crosswalk, and its plain-text form.
 * Texts from content pass text_sanitize before they are printed.
 */
#include "derived.h"
#include "buf.h"
#include "mem.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

int derived_resolve(const struct content *c, const char *from_id,
		    const char *to_id, const struct framework **to,
		    const struct crosswalk **cw, struct diag *d)
{
	*cw = NULL;
	*to = content_framework(c, to_id);
	if (*to == NULL) {
		diag_add(d, DIAG_ERROR, NULL, 0, "onbekend framework '%s'", to_id);
		return -1;
	}
	if (strcmp(from_id, to_id) == 0)
		return 0;
	*cw = content_crosswalk(c, from_id, to_id);
	if (*cw == NULL) {
		diag_add(d, DIAG_ERROR, NULL, 0, "geen kruistabel van %s naar %s "
			 "(content/frameworks/crosswalk/%s-%s.csv)", from_id,
			 to_id, from_id, to_id);
		return -1;
	}
	return 1;
}

/* Carry one piece of evidence over the links of its indicator. */
static void carry(struct derived *dv, const char *from_id, int positive)
{
	size_t i;

	for (i = 0; i < dv->cw->n; i++) {
		const struct cw_link *k = &dv->cw->v[i];
		const struct fw_indicator *in;
		int t;
		if (k->weight == 0 || strcmp(k->from, from_id) != 0 ||
		    (!positive && k->weight < 2) ||
		    (t = framework_ind(dv->to, k->to)) < 0)
			continue;
		in = &dv->to->inds[t];
		if (positive)
			dv->inds[t].pos++;
		else
			dv->inds[t].neg++;
		dv->comps[in->comp].nobs++;
		dv->comps[in->comp].net[in->level] +=
			positive ? k->weight : -k->weight;
	}
}

static enum reflect_mark mark(const struct derived_comp *c)
{
	if (c->level < 0 || c->target == 0)
		return REFLECT_NA;
	return c->level < c->target ? REFLECT_BELOW
	       : c->level == c->target ? REFLECT_ON : REFLECT_ABOVE;
}

void derived_build(struct derived *dv, const struct reflect *r,
		   const struct framework *from, const struct crosswalk *cw,
		   const struct framework *to, char role)
{
	size_t i;

	memset(dv, 0, sizeof *dv);
	dv->from = from;
	dv->to = to;
	dv->cw = cw;
	dv->inds = mem_calloc(to->ninds + 1, sizeof *dv->inds);
	dv->comps = mem_calloc(to->ncomps + 1, sizeof *dv->comps);
	for (i = 0; i < r->nshown; i++)
		carry(dv, from->inds[r->shown[i].ind].id, r->shown[i].positive);
	for (i = 0; i < to->ncomps; i++) {
		struct derived_comp *c = &dv->comps[i];
		c->level = c->nobs < DERIVED_MIN_OBS ? -1 : reflect_level(c->net);
		c->target = framework_target(to, i, role);
		c->mark = mark(c);
	}
}

void derived_session(struct derived *dv, const struct session *s,
		     const struct framework *from, const struct crosswalk *cw,
		     const struct framework *to, char role)
{
	struct reflect r;

	reflect_build(&r, s, from, role);
	derived_build(dv, &r, from, cw, to, role);
	reflect_free(&r);
}

/* Print text made inert for a terminal. */
static void put(FILE *out, const char *s)
{
	char *clean = text_sanitize(s, strlen(s), 0);

	fputs(clean, out);
	free(clean);
}

static void print_comps(FILE *out, const struct derived *dv)
{
	size_t i;

	fputs("competentie\twaarnemingen\tniveau\tdoel\toordeel\n", out);
	for (i = 0; i < dv->to->ncomps; i++) {
		const struct derived_comp *c = &dv->comps[i];
		put(out, dv->to->comps[i].name);
		if (c->level < 0)
			fprintf(out, "\t%d\t-\t%d\tte weinig waarnemingen\n",
				c->nobs, c->target);
		else
			fprintf(out, "\t%d\t%d\t%d\t%s\n", c->nobs, c->level,
				c->target, reflect_mark_name(c->mark));
	}
}

static void print_inds(FILE *out, const struct derived *dv)
{
	size_t i;
	int any = 0;

	fputs("Waarnemingen per indicator:\n", out);
	for (i = 0; i < dv->to->ninds; i++) {
		const struct derived_ind *o = &dv->inds[i];
		const struct fw_indicator *in = &dv->to->inds[i];
		struct buf b = {0};
		if (o->pos + o->neg == 0)
			continue;
		buf_printf(&b, "  %s (%s, niveau %d): %d %s (+%d -%d): %s",
			   in->id, dv->to->comps[in->comp].name, in->level,
			   o->pos + o->neg, o->pos + o->neg == 1 ? "waarneming"
			   : "waarnemingen", o->pos, o->neg, in->text);
		put(out, b.s);
		fputc('\n', out);
		buf_free(&b);
		any = 1;
	}
	if (!any)
		fputs("  geen\n", out);
}

void derived_print(FILE *out, const struct derived *dv, char role)
{
	int l;

	fputs("\n== ", out);
	put(out, dv->to->name);
	fputs(" (afgeleid, indicatief) ==\nAfgeleid uit ", out);
	put(out, dv->from->name);
	fprintf(out, " via de kruistabel %s-%s; een oordeel pas vanaf %d "
		"waarnemingen.\nNiveaus:", dv->cw->from, dv->cw->to,
		DERIVED_MIN_OBS);
	for (l = 1; l <= 3; l++) {
		fprintf(out, "%s %d = ", l > 1 ? "," : "", l);
		put(out, dv->to->level_name[l] ? dv->to->level_name[l] : "?");
	}
	fprintf(out, ".\nCompetenties (doel voor functieniveau %c):\n",
		role ? role : '?');
	print_comps(out, dv);
	print_inds(out, dv);
}

void derived_free(struct derived *dv)
{
	free(dv->inds);
	free(dv->comps);
	memset(dv, 0, sizeof *dv);
}
