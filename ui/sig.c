/*
 * sig: one flag set from the handler, read by the loops. In the plain
 * mode the handler also puts /dev/null on standard input: a signal that
 * arrives just before a read would otherwise leave that read waiting for
 * a line that never comes; now every later read sees the end of input.
 */
#include "sig.h"

#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t caught, plain;

static void on_signal(int s)
{
	int fd;

	caught = s;
	if (plain && (fd = open("/dev/null", O_RDONLY)) >= 0) {
		dup2(fd, STDIN_FILENO);	/* both async-signal-safe */
		close(fd);
	}
}

void sig_catch(int plain_mode)
{
	struct sigaction sa;

	plain = plain_mode;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

int sig_caught(void)
{
	return caught;
}

int sig_take(int s)
{
	if (caught != s)
		return 0;
	caught = 0;
	return 1;
}
