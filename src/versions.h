/*
 * versions: the store of scenario versions, so that a log always opens
 * against the scenario it was played on. A version is the hash of a
 * scenario file's bytes (scenario_hash); a store is a folder of copies
 * named <id>.<hash>.ini, so a copy loads as scenario <id>. Two stores are
 * searched: the data folder's versies/ (a copy is kept there whenever a
 * session or intervisie starts) and the bundled content/versions/ (every
 * version that was ever on main, written by tools/versions). Copies are
 * written once and never changed.
 */
#ifndef KC_VERSIONS_H
#define KC_VERSIONS_H
#include "diag.h"
#include "scenario.h"

/* The file name of a copy: "<id>.<hash>.ini" (new string). */
char *versions_name(const char *id, const char *hash);
/* Keep a copy of scenario id's file at version hash in dir (created 0700).
 * Written once through a private temporary file, fsync and rename; an
 * existing copy is checked and left alone, a damaged one replaced. When
 * the file's bytes no longer hash to hash it is refused. 0, or -1 with
 * the reason in d. */
int versions_keep(const char *dir, const char *file, const char *id,
		  const char *hash, struct diag *d);
/* The same for a version that arrived as n bytes (an LRS attachment):
 * kept only when they hash to hash. 0, or -1 with the reason in d. */
int versions_keep_data(const char *dir, const char *id, const char *hash,
		       const char *data, size_t n, struct diag *d);
/* The first of the n dirs holding a copy of version hash of scenario id,
 * as a new path to the copy; NULL when none does. */
char *versions_find(const char *const *dirs, size_t n, const char *id,
		    const char *hash);
/* 1 when the file at path is a regular file whose bytes hash to hash. */
int versions_matches(const char *path, const char *hash);
/* Check that the copy at path hashes to the version in its name; 0, or
 * -1 with the problem in d. */
int versions_verify(const char *path, struct diag *d);

#endif
