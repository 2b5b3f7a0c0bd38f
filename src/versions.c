/*
 * versions: content-addressed copies of scenario files. A copy is only
 * ever created (path_write_atomic: a new private temporary file, fsync,
 * rename, fsync of the folder); whoever finds one checks its bytes
 * against its name first.
 */
#include "versions.h"
#include "buf.h"
#include "mem.h"
#include "path.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

char *versions_name(const char *id, const char *hash)
{
	struct buf b = {0};

	buf_printf(&b, "%s.%s.ini", id, hash);
	return buf_take(&b);
}

int versions_matches(const char *path, const char *hash)
{
	struct stat st;
	char got[SCENARIO_HASH_LEN];
	size_t n = 0;
	char *data;

	if (lstat(path, &st) != 0 || !S_ISREG(st.st_mode) ||
	    (data = path_read(path, &n)) == NULL)
		return 0;
	scenario_hash(data, n, got);
	free(data);
	return strcmp(got, hash) == 0;
}

/* Write the bytes of file to dst once they are checked to be version hash. */
static int copy_checked(const char *dst, const char *file, const char *hash,
			struct diag *d)
{
	char got[SCENARIO_HASH_LEN];
	size_t n = 0;
	char *data = path_read(file, &n);
	int rc = -1;

	if (data == NULL) {
		diag_add(d, DIAG_ERROR, file, 0,
			 "kan het scenario niet lezen: %s", path_strerror(errno));
		return -1;
	}
	scenario_hash(data, n, got);
	if (strcmp(got, hash) != 0)
		diag_add(d, DIAG_ERROR, file, 0, "het scenario is veranderd "
			 "tijdens het laden; start opnieuw");
	else if ((rc = path_write_atomic(dst, data, n)) != 0)
		diag_add(d, DIAG_ERROR, dst, 0, "kan geen kopie van het "
			 "scenario bewaren: %s; er is geen sessie begonnen",
			 path_strerror(errno));
	free(data);
	return rc;
}

/* The path of the copy of id at hash in dir (made private), or NULL
 * with a message; *have: the copy is already there. */
static char *copy_path(const char *dir, const char *id, const char *hash,
		       int *have, struct diag *d)
{
	char *name, *dst;

	if (path_mkdirs(dir) != 0 || path_unsafe_dir(dir)) {
		diag_add(d, DIAG_ERROR, dir, 0, "kan hier geen privé kopie "
			 "van het scenario bewaren");
		return NULL;
	}
	name = versions_name(id, hash);
	dst = path_join(dir, name);
	free(name);
	*have = versions_matches(dst, hash);
	return dst;
}

int versions_keep(const char *dir, const char *file, const char *id,
		  const char *hash, struct diag *d)
{
	int have, rc;
	char *dst = copy_path(dir, id, hash, &have, d);

	rc = dst == NULL ? -1 : have ? 0 : copy_checked(dst, file, hash, d);
	free(dst);
	return rc;
}

int versions_keep_data(const char *dir, const char *id, const char *hash,
		       const char *data, size_t n, struct diag *d)
{
	char got[SCENARIO_HASH_LEN], *dst;
	int have, rc = -1;

	scenario_hash(data, n, got);
	if (strcmp(got, hash) != 0) {
		diag_add(d, DIAG_WARNING, NULL, 0, "scenario %s: de bijlage is "
			 "niet versie %s; niet bewaard", id, hash);
		return -1;
	}
	if ((dst = copy_path(dir, id, hash, &have, d)) == NULL)
		return -1;
	rc = have ? 0 : path_write_atomic(dst, data, n);
	if (rc != 0)
		diag_add(d, DIAG_ERROR, dst, 0, "kan geen kopie van het "
			 "scenario bewaren: %s", path_strerror(errno));
	free(dst);
	return rc;
}

char *versions_find(const char *const *dirs, size_t n, const char *id,
		    const char *hash)
{
	char *name = versions_name(id, hash), *p = NULL;
	size_t i;

	for (i = 0; i < n && p == NULL; i++) {
		if (dirs[i] == NULL)
			continue;
		p = path_join(dirs[i], name);
		if (!versions_matches(p, hash)) {
			free(p);
			p = NULL;
		}
	}
	free(name);
	return p;
}

int versions_verify(const char *path, struct diag *d)
{
	const char *base = strrchr(path, '/'), *dot;
	char hash[SCENARIO_HASH_LEN];
	size_t len;

	base = base ? base + 1 : path;
	dot = strchr(base, '.');
	len = strlen(base);
	if (dot == NULL || dot == base || len < 4 ||
	    strcmp(base + len - 4, ".ini") != 0 ||
	    (size_t)(base + len - 4 - (dot + 1)) != SCENARIO_HASH_LEN - 1 ||
	    strspn(dot + 1, "0123456789abcdef") != SCENARIO_HASH_LEN - 1) {
		diag_add(d, DIAG_ERROR, path, 0,
			 "naam moet <scenario>.<16 hextekens>.ini zijn");
		return -1;
	}
	memcpy(hash, dot + 1, SCENARIO_HASH_LEN - 1);
	hash[SCENARIO_HASH_LEN - 1] = '\0';
	if (versions_matches(path, hash))
		return 0;
	diag_add(d, DIAG_ERROR, path, 0,
		 "inhoud past niet bij versie %s in de naam", hash);
	return -1;
}
