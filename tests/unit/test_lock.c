/* Unit tests for src/lock: refusal naming the holder, release on close and
 * on process death, and a lock file that cannot be trusted. */
#include <criterion/criterion.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "helpers.h"
#include "lock.h"
#include "mem.h"

static char dir[64], data[96], lockfile[104];

static void setup(void)
{
	tmpdir_make(dir, "lock");
	snprintf(data, sizeof data, "%s/log.csv", dir);
	snprintf(lockfile, sizeof lockfile, "%s/.log.csv.lock", dir);
}

static void teardown(void)
{
	tmpdir_remove(dir);
}

TestSuite(lock, .init = setup, .fini = teardown);

static int take(struct lock *l, struct diag *d)
{
	return lock_take(l, data, "Al open", "Sluit dat eerst.", d);
}

/* In a forked child, try to take the lock of data. The child exits 0 when
 * it was refused with want in the message, 1 when it got the lock, 2 when
 * the refusal did not name want. */
static int child_try(const char *want)
{
	int status;
	pid_t pid = fork();

	cr_assert_neq(pid, -1);
	if (pid == 0) {
		struct lock l = {0};
		struct diag d = {0};
		if (take(&l, &d) == 0)
			_exit(1);
		_exit(d.n == 1 && strstr(d.v[0].msg, want) &&
		      !strchr(d.v[0].msg, '\033') ? 0 : 2);
	}
	cr_assert_eq(waitpid(pid, &status, 0), pid);
	cr_assert(WIFEXITED(status));
	return WEXITSTATUS(status);
}

static char *holder_text(void)
{
	char host[256], *s = mem_alloc(400);

	cr_assert_eq(gethostname(host, sizeof host), 0);
	snprintf(s, 400, "Al open (proces %ld op host %s). Sluit dat eerst.",
		 (long)getpid(), host);
	return s;
}

Test(lock, second_taker_is_refused_with_the_holders_pid)
{
	struct lock l = {0};
	struct diag d = {0};
	char *want = holder_text();
	struct stat st;

	cr_assert_not(lock_busy(data));
	cr_assert_eq(take(&l, &d), 0);
	cr_assert_eq(d.n, 0);
	cr_assert_eq(stat(lockfile, &st), 0);
	cr_assert_eq(st.st_mode & 0777, 0600);
	cr_assert_eq(child_try(want), 0, "to be refused with: %s", want);
	cr_assert(lock_busy(data));
	lock_release(&l);
	cr_assert_neq(stat(lockfile, &st), 0, "release removes the file");
	cr_assert_not(lock_busy(data));
	cr_assert_eq(child_try(want), 1, "after release the child gets it");
	lock_release(&l);	/* a second release does nothing */
	free(want);
}

Test(lock, closing_another_descriptor_keeps_the_lock)
{
	struct lock l = {0};
	struct diag d = {0};
	char *want = holder_text();
	FILE *fp;

	cr_assert_eq(take(&l, &d), 0);
	fp = fopen(lockfile, "r");	/* a reader in the same process */
	cr_assert_not_null(fp);
	fclose(fp);
	cr_assert_eq(child_try(want), 0, "a POSIX lock would be gone now");
	lock_release(&l);
	free(want);
}

Test(lock, released_when_the_holder_is_killed)
{
	struct lock l = {0};
	struct diag d = {0};
	int fds[2], status;
	char c;
	pid_t pid;

	cr_assert_eq(pipe(fds), 0);
	pid = fork();
	cr_assert_neq(pid, -1);
	if (pid == 0) {
		struct lock mine = {0};
		struct diag md = {0};
		if (take(&mine, &md) != 0)
			_exit(1);
		if (write(fds[1], "x", 1) != 1)
			_exit(1);
		pause();
		_exit(0);
	}
	close(fds[1]);
	cr_assert_eq(read(fds[0], &c, 1), 1);
	cr_assert_eq(take(&l, &d), -1);
	cr_assert_eq(d.n, 1);
	cr_assert(strstr(d.v[0].msg, "proces "), "%s", d.v[0].msg);
	cr_assert_str_eq(d.v[0].file, data, "it names the data file");
	kill(pid, SIGKILL);
	cr_assert_eq(waitpid(pid, &status, 0), pid);
	cr_assert(access(lockfile, F_OK) == 0, "kill -9 leaves the file");
	cr_assert_not(lock_busy(data), "but the kernel dropped the lock");
	cr_assert_eq(take(&l, &d), 0);
	lock_release(&l);
	close(fds[0]);
	diag_free(&d);
}

Test(lock, a_forged_holder_is_not_quoted)
{
	struct lock l = {0};
	struct diag d = {0};
	FILE *fp;

	cr_assert_eq(take(&l, &d), 0);
	fp = fopen(lockfile, "w");
	cr_assert_not_null(fp);
	fputs("12 \033]0;evil\007host\n", fp);
	fclose(fp);
	cr_assert_eq(child_try("Al open (een ander proces). Sluit dat eerst."),
		     0);
	lock_release(&l);
}

Test(lock, a_symlinked_lock_file_is_refused)
{
	struct lock l = {0};
	struct diag d = {0};
	char target[96];
	struct stat st;

	snprintf(target, sizeof target, "%s/private", dir);
	cr_assert_eq(symlink(target, lockfile), 0);
	cr_assert_eq(take(&l, &d), -1);
	cr_assert(strstr(d.v[0].msg, "kan slotbestand niet maken"));
	cr_assert_neq(stat(target, &st), 0, "nothing made through the link");
	lock_release(&l);
	diag_free(&d);
}
