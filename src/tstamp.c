/*
 * tstamp: clocks and ids. Randomness comes from /dev/urandom, with a
 * time-and-pid fallback that is still unique enough for file names. For
 * reproducible tests KLANTCOACH_TIME fixes the clock and KLANTCOACH_SEED
 * the ids (the n-th id of a process then depends only on the seed and n).
 */
#include "tstamp.h"

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

time_t tstamp_now(void)
{
	const char *fixed = getenv("KLANTCOACH_TIME");

	if (fixed && *fixed)
		return (time_t)strtoll(fixed, NULL, 10);
	return time(NULL);
}

void tstamp_iso(time_t t, char out[TSTAMP_ISO_LEN])
{
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, TSTAMP_ISO_LEN, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* n digits at s as a number, or -1. */
static int digits(const char *s, int n)
{
	int v = 0;

	while (n-- > 0) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (*s++ - '0');
	}
	return v;
}

time_t tstamp_parse(const char *s)
{
	struct tm tm;

	memset(&tm, 0, sizeof tm);
	if (strlen(s) != TSTAMP_ISO_LEN - 1 || s[4] != '-' || s[7] != '-' || s[10] != 'T' ||
	    s[13] != ':' || s[16] != ':' || s[19] != 'Z')
		return -1;
	tm.tm_year = digits(s, 4);
	tm.tm_mon = digits(s + 5, 2);
	tm.tm_mday = digits(s + 8, 2);
	tm.tm_hour = digits(s + 11, 2);
	tm.tm_min = digits(s + 14, 2);
	tm.tm_sec = digits(s + 17, 2);
	if (tm.tm_year < 0 || tm.tm_mon < 1 || tm.tm_mon > 12 || tm.tm_mday < 1 ||
	    tm.tm_mday > 31 || tm.tm_hour < 0 || tm.tm_hour > 23 || tm.tm_min < 0 ||
	    tm.tm_min > 59 || tm.tm_sec < 0 || tm.tm_sec > 60)
		return -1;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	return timegm(&tm);
}

long tstamp_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* 16 bytes from a linear congruential generator seeded with x. */
static void lcg_bytes(uint64_t x, unsigned char b[16])
{
	int i;

	for (i = 0; i < 16; i++) {
		x = x * 6364136223846793005ULL + 1442695040888963407ULL;
		b[i] = (unsigned char)(x >> 56);
	}
}

/* 16 random bytes, or the next ones of KLANTCOACH_SEED. */
static void random_bytes(unsigned char b[16])
{
	static uint64_t nth;
	const char *seed = getenv("KLANTCOACH_SEED");
	int fd;
	ssize_t n;

	if (seed && *seed) {
		lcg_bytes(strtoull(seed, NULL, 10) * 0x9E3779B97F4A7C15ULL + ++nth, b);
		return;
	}
	fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
	n = fd >= 0 ? read(fd, b, 16) : -1;
	if (fd >= 0)
		close(fd);
	if (n != 16)
		lcg_bytes((uint64_t)time(NULL) * 6364136223846793005ULL ^
			  (uint64_t)getpid(), b);
}

void tstamp_uuid(char out[TSTAMP_UUID_LEN])
{
	unsigned char b[16];

	random_bytes(b);
	b[6] = (unsigned char)((b[6] & 0x0F) | 0x40);
	b[8] = (unsigned char)((b[8] & 0x3F) | 0x80);
	snprintf(out, TSTAMP_UUID_LEN,
		 "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
		 b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10],
		 b[11], b[12], b[13], b[14], b[15]);
}
