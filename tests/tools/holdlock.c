/*
 * holdlock: test helper. Takes the lock of a data file as a writer does,
 * prints "held" and keeps the lock until its standard input closes, so a
 * test can hold a lock that the program itself takes only for a moment
 * (the feedback file's).
 * Usage: holdlock FILE
 */
#include "lock.h"

#include <stdio.h>

int main(int argc, char **argv)
{
	struct lock l = {0};
	struct diag d = {0};

	if (argc != 2 || lock_take(&l, argv[1], "bezet", "", &d) != 0) {
		diag_print(&d, stderr, 0);
		diag_free(&d);
		return 1;
	}
	puts("held");
	fflush(stdout);
	while (getchar() != EOF)
		;
	lock_release(&l);
	return 0;
}
