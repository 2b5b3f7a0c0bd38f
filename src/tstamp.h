/*
 * tstamp: time for logs. Wall-clock time in ISO 8601 UTC (honouring
 * KLANTCOACH_TIME, a fixed epoch for reproducible tests), a monotonic
 * millisecond clock for think times, and random session ids (UUID v4).
 */
#ifndef KC_TSTAMP_H
#define KC_TSTAMP_H
#include <time.h>

#define TSTAMP_ISO_LEN 21	/* "2026-11-23T16:28:00Z" plus NUL */
#define TSTAMP_UUID_LEN 37

/* Now, as seconds since the epoch (KLANTCOACH_TIME when set). */
time_t tstamp_now(void);
/* Format t as "YYYY-MM-DDTHH:MM:SSZ". */
void tstamp_iso(time_t t, char out[TSTAMP_ISO_LEN]);
/* Parse the ISO form back; -1 when it is not one. */
time_t tstamp_parse(const char *s);
/* Milliseconds on a monotonic clock. */
long tstamp_ms(void);
/* A random UUID version 4, lower-case. */
void tstamp_uuid(char out[TSTAMP_UUID_LEN]);

#endif
