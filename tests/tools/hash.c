/*
 * hash: prints the version (scenario_hash) of the bytes on standard input,
 * for tools/versions, which names the copies in content/versions by it.
 * Usage: hash < FILE
 */
#include "buf.h"
#include "scenario.h"

#include <stdio.h>

int main(void)
{
	struct buf b = {0};
	char chunk[65536], h[SCENARIO_HASH_LEN];
	size_t n;

	while ((n = fread(chunk, 1, sizeof chunk, stdin)) > 0)
		buf_addn(&b, chunk, n);
	if (ferror(stdin)) {
		fputs("hash: kan standaardinvoer niet lezen\n", stderr);
		return 1;
	}
	scenario_hash(b.s ? b.s : "", b.len, h);
	puts(h);
	buf_free(&b);
	return 0;
}
