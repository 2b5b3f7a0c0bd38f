/*
 * feedback: one small CSV per session, read with csvfile (a torn last row
 * is ignored with a warning) and appended with O_APPEND and fsync under
 * its lock, so two windows never write it at once; a failed append
 * leaves the file as it was, a torn row is cut off first.
 */
#include "feedback.h"
#include "buf.h"
#include "csvfile.h"
#include "lock.h"
#include "mem.h"
#include "path.h"
#include "tstamp.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define FEEDBACK_HEAD "klantcoach-feedback,1\ntijd,coach,stap,tekst\n"

char *feedback_path(const char *logpath)
{
	struct buf b = {0};
	size_t n = strlen(logpath);

	if (n > 4 && strcmp(logpath + n - 4, ".csv") == 0)
		n -= 4;
	buf_addn(&b, logpath, n);
	buf_add(&b, ".feedback.csv");
	return buf_take(&b);
}

/* Open the feedback file to append to, creating it (made set) or cutting
 * off a torn last row; *head is set when the header must still be
 * written. An fd, or -1 with an error in d. */
static int open_feedback(const char *path, int *made, int *head, struct diag *d)
{
	struct stat st;
	int fd = path_open_append(path, 1);

	*made = fd >= 0;
	if (fd < 0 && errno == EEXIST)
		fd = path_open_append(path, 0);
	if (fd < 0) {
		diag_add(d, DIAG_ERROR, path, 0, "kan feedback niet bewaren: %s",
			 path_strerror(errno));
		return -1;
	}
	if (!*made && csvfile_cut_torn(fd, path, d) != 0) {
		close(fd);
		return -1;
	}
	*head = fstat(fd, &st) == 0 && st.st_size == 0;
	return fd;
}

int feedback_add(const char *logpath, const char *coach, int step,
		 const char *text, struct diag *d)
{
	char now[TSTAMP_ISO_LEN];

	tstamp_iso(tstamp_now(), now);
	return feedback_add_at(logpath, now, coach, step, text, d);
}

int feedback_add_at(const char *logpath, const char *time, const char *coach,
		    int step, const char *text, struct diag *d)
{
	char *path = feedback_path(logpath);
	struct buf row = {0};
	struct lock lk = {0};
	int fd, made, head, rc = -1;

	if (lock_take(&lk, path, "Er wordt al feedback bij deze sessie bewaard in een "
		      "ander venster", "Probeer het zo nog eens.", d) != 0) {
		free(path);
		return -1;
	}
	if ((fd = open_feedback(path, &made, &head, d)) >= 0) {
		if (head)
			buf_add(&row, FEEDBACK_HEAD);
		buf_printf(&row, "%s,", time);
		csvfile_field(&row, coach);
		step > 0 ? buf_printf(&row, ",%d,", step) : buf_add(&row, ",,");
		csvfile_field(&row, text);
		buf_addc(&row, '\n');
		rc = path_append(fd, row.s, row.len, 1);
		if (rc == 0 && made)
			rc = path_sync_parent(path);
		if (rc != 0)
			diag_add(d, DIAG_ERROR, path, 0,
				 "kan feedback niet bewaren: %s",
				 path_strerror(errno));
		if (rc != 0 && made)
			unlink(path);	/* no file without its header */
		close(fd);
	}
	lock_release(&lk);
	buf_free(&row);
	free(path);
	return rc;
}

struct fbrd {
	struct feedback *f;
	struct diag *d;
	const char *path;
	int rec;		/* records seen: 1 and 2 are the headers */
};

static int fb_row(void *ctx, int line, char **fields, size_t n)
{
	struct fbrd *r = ctx;
	struct feedback_item *it;
	char *end;
	long step;

	if (++r->rec <= 2) {
		const char *want = r->rec == 1 ? "klantcoach-feedback" : "tijd";
		if (n < 1 || strcmp(fields[0], want) != 0) {
			diag_add(r->d, DIAG_ERROR, r->path, line, "geen klantcoach-feedbackbestand");
			return -1;
		}
		return 0;
	}
	step = n > 2 && *fields[2] ? strtol(fields[2], &end, 10) : 0;
	if (n != 4) {
		diag_add(r->d, DIAG_ERROR, r->path, line, "verwacht tijd,coach,stap,tekst");
		return -1;
	}
	if (*fields[2] && (*end || step < 1 || step > FEEDBACK_MAX_STEP)) {
		diag_add(r->d, DIAG_ERROR, r->path, line,
			 "stap '%s' is geen getal van 1 tot en met %d",
			 fields[2], FEEDBACK_MAX_STEP);
		return -1;
	}
	if (tstamp_parse(fields[0]) < 0)
		diag_add(r->d, DIAG_WARNING, r->path, line,
			 "tijd '%s' is geen tijd als 2026-01-31T12:00:00Z",
			 fields[0]);
	MEM_GROW(r->f->v, r->f->cap, r->f->n + 1);
	it = &r->f->v[r->f->n++];
	it->time = mem_strdup(fields[0]);
	it->coach = mem_strdup(fields[1]);
	it->text = mem_strdup(fields[3]);
	it->step = (int)step;
	it->line = line;
	return 0;
}

int feedback_load(struct feedback *f, const char *logpath, struct diag *d)
{
	char *path = feedback_path(logpath);
	struct fbrd r = {f, d, path, 0};
	int rc = 0;

	memset(f, 0, sizeof *f);
	if (access(path, F_OK) == 0)
		rc = csvfile_read(path, fb_row, &r, d, 1);
	free(path);
	return rc;
}

static void item_free(struct feedback_item *it)
{
	free(it->time);
	free(it->coach);
	free(it->text);
}

/* Whether a later item than i has the same coach and step. */
static int replaced(const struct feedback *f, size_t i)
{
	size_t k;

	for (k = i + 1; k < f->n; k++)
		if (f->v[k].step == f->v[i].step &&
		    strcmp(f->v[k].coach, f->v[i].coach) == 0)
			return 1;
	return 0;
}

void feedback_in_force(struct feedback *f)
{
	size_t i, n = 0;

	for (i = 0; i < f->n; i++) {
		if (replaced(f, i) || f->v[i].text[0] == '\0')
			item_free(&f->v[i]);
		else
			f->v[n++] = f->v[i];
	}
	f->n = n;
}

long feedback_previous(const struct feedback *f, size_t i)
{
	size_t k;

	for (k = i; k-- > 0;)
		if (f->v[k].step == f->v[i].step &&
		    strcmp(f->v[k].coach, f->v[i].coach) == 0)
			return f->v[k].text[0] ? (long)k : -1;
	return -1;
}

int feedback_load_current(struct feedback *f, const char *logpath,
			  struct diag *d)
{
	int rc = feedback_load(f, logpath, d);

	feedback_in_force(f);
	return rc;
}

const char *feedback_current(const struct feedback *f, const char *coach,
			     int step)
{
	size_t i;
	const char *text = NULL;

	for (i = 0; i < f->n; i++)
		if (f->v[i].step == step && strcmp(f->v[i].coach, coach) == 0)
			text = f->v[i].text;
	return text && *text ? text : NULL;
}

void feedback_free(struct feedback *f)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		item_free(&f->v[i]);
	free(f->v);
	memset(f, 0, sizeof *f);
}
