/*
 * sig: one flag set from the handler, read by the loops.
 */
#include "sig.h"

#include <signal.h>
#include <string.h>

static volatile sig_atomic_t caught;

static void on_signal(int s)
{
	caught = s;
}

void sig_catch(void)
{
	struct sigaction sa;

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
