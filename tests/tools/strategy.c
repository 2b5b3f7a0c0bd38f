/*
 * strategy: plays klantcoach's plain mode as a test-wise trainee who reads
 * nothing but where the options stand and how long they are. It starts the
 * program with pipes, watches its output for the option lines ("N. ...")
 * and the choice prompt ("Keuze (1-k"), and answers by its strategy:
 *   first     always option 1
 *   longest   the option with the most characters (the first of equals)
 *   shortest  the option with the fewest characters
 *   random    a uniform pick, from a generator seeded by SEED
 * When the conversation ends it prints the ending's tone (goed, matig,
 * slecht) and closes the program's input, which saves and stops it.
 *   strategy first|longest|shortest|random SEED PROGRAM [ARGS...]
 * Exit 0 with a tone printed, 1 when no ending was seen.
 */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAXOPT 8

struct player {
	const char *how;
	uint64_t rnd;
	size_t len[MAXOPT];	/* characters per option of the current step */
	int n;
	int to;			/* the program's stdin, -1 once closed */
	char tone[16];
};

static size_t chars(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

static int pick(struct player *p)
{
	int i, best = 0;

	if (strcmp(p->how, "random") == 0) {
		p->rnd ^= p->rnd << 13;
		p->rnd ^= p->rnd >> 7;
		p->rnd ^= p->rnd << 17;
		return (int)(p->rnd % (uint64_t)p->n);
	}
	for (i = 1; i < p->n; i++)
		if (strcmp(p->how, "longest") == 0 ? p->len[i] > p->len[best]
		    : strcmp(p->how, "shortest") == 0 ? p->len[i] < p->len[best] : 0)
			best = i;
	return best;
}

/* One complete output line. */
static void line(struct player *p, const char *s)
{
	size_t digits = strspn(s, "0123456789");

	if (digits && strncmp(s + digits, ". ", 2) == 0 &&
	    atoi(s) == p->n + 1 && p->n < MAXOPT)
		p->len[p->n++] = chars(s + digits + 2);
	else if (strncmp(s, "Einde van het gesprek (", 23) == 0 && p->to >= 0) {
		snprintf(p->tone, sizeof p->tone, "%.*s", (int)strcspn(s + 23, ")"),
			 s + 23);
		close(p->to);
		p->to = -1;
	}
}

/* The unfinished last line: answer when it is the choice prompt. */
static void prompt(struct player *p, const char *s)
{
	char answer[16];

	if (strncmp(s, "Keuze (1-", 9) != 0 || p->to < 0 || p->n == 0)
		return;
	snprintf(answer, sizeof answer, "%d\n", pick(p) + 1);
	if (write(p->to, answer, strlen(answer)) < 0)
		exit(1);
	p->n = 0;
}

static void run(struct player *p, int from)
{
	static char buf[1 << 16];
	size_t have = 0;
	ssize_t got;

	while ((got = read(from, buf + have, sizeof buf - 1 - have)) > 0) {
		char *s = buf, *nl;
		have += (size_t)got;
		buf[have] = '\0';
		while ((nl = strchr(s, '\n')) != NULL) {
			*nl = '\0';
			line(p, s);
			s = nl + 1;
		}
		have = strlen(s);
		memmove(buf, s, have + 1);
		prompt(p, buf);
		if (have == sizeof buf - 1)
			have = 0;	/* a line longer than the buffer: drop it */
	}
}

int main(int argc, char **argv)
{
	struct player p = {0};
	int in[2], out[2], status;
	pid_t pid;

	if (argc < 4) {
		fputs("usage: strategy first|longest|shortest|random SEED PROGRAM"
		      " [ARGS...]\n", stderr);
		return 2;
	}
	p.how = argv[1];
	p.rnd = strtoull(argv[2], NULL, 10) * 0x9E3779B97F4A7C15ULL | 1;
	signal(SIGPIPE, SIG_IGN);
	alarm(60);		/* never hang a test run */
	if (pipe(in) != 0 || pipe(out) != 0 || (pid = fork()) < 0)
		return 1;
	if (pid == 0) {
		dup2(in[0], 0);
		dup2(out[1], 1);
		close(in[1]);
		close(out[0]);
		execvp(argv[3], argv + 3);
		_exit(127);
	}
	close(in[0]);
	close(out[1]);
	p.to = in[1];
	run(&p, out[0]);
	if (p.to >= 0)
		close(p.to);
	waitpid(pid, &status, 0);
	if (!*p.tone)
		return 1;
	puts(p.tone);
	return 0;
}
