/*
 * sig: Ctrl-C, a closed terminal (SIGHUP) and SIGTERM stop the program
 * cleanly; the screens turn Ctrl-C into the same question as q. The
 * handler only records the signal; blocking reads return (no SA_RESTART)
 * so the screens and the plain mode can end their loop, restore the
 * terminal and exit. Every confirmed event is already on disk;
 * the screens write text being typed as a draft before they end.
 */
#ifndef KC_SIG_H
#define KC_SIG_H

/* Install the handlers; plain_mode for the line mode, whose reads of
 * standard input then end at once after a signal. */
void sig_catch(int plain_mode);
/* The signal that asked us to stop, or 0. */
int sig_caught(void);
/* 1 when the signal caught is s, which is then forgotten (the screens
 * turn Ctrl-C into a question instead of stopping at once). */
int sig_take(int s);

#endif
