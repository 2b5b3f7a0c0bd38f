/*
 * lrs: HTTP to an xAPI Learning Record Store with libcurl. HTTPS with
 * certificate checks (a CA file may be added for corporate TLS
 * inspection; libcurl's proxy variables apply); plain http only to a
 * loopback address. Credentials come from the environment or a private
 * file and never appear in a message.
 */
#ifndef KC_LRS_H
#define KC_LRS_H
#include "diag.h"

#include <jansson.h>

/* Credentials "key:secret" from KLANTCOACH_LRS_SLEUTEL, else from the
 * first line of keyfile, which only its owner may read. NULL with a
 * message when there are none or the file is not private. */
char *lrs_credentials(const char *keyfile, struct diag *d);
/* 1 when url may be used: https, or http to 127.0.0.0/8, localhost or
 * [::1]. */
int lrs_url_ok(const char *url);

struct lrs {
	void *curl;
	char *url;		/* the endpoint, without a trailing '/' */
};

enum lrs_status {
	LRS_OK,			/* 2xx */
	LRS_AGAIN,		/* network error, 5xx or 429: try later */
	LRS_REJECTED,		/* 400 or 409: a statement is refused */
	LRS_DENIED		/* 401 or 403: the credentials */
};

struct lrs_reply {
	long code;		/* HTTP status, 0 without an answer */
	long retry_after;	/* seconds asked by Retry-After, or -1 */
	char *message;		/* the LRS's message or the network error */
	json_t *body;		/* the answer as JSON, or NULL */
	json_t *files;		/* of a multipart answer: sha2 -> content */
};

/* Prepare for url with credentials (and a CA file, may be NULL). 0, or
 * -1 with a message when the url may not be used. */
int lrs_open(struct lrs *l, const char *url, const char *userpwd,
	     const char *ca, struct diag *d);
/* POST body (a JSON array of statements; with type, a multipart/mixed
 * body holding them and their attachments) to <url>/statements. */
enum lrs_status lrs_post(struct lrs *l, const char *body, const char *type,
			 struct lrs_reply *r);
/* GET <url>/statements?query, or the "more" path of an earlier answer
 * (starting with '/'). A multipart answer (attachments=true) is split:
 * the statements in body, the attachments in files. */
enum lrs_status lrs_get(struct lrs *l, const char *query,
			struct lrs_reply *r);
/* Append "&key=value" (or "key=value" to an empty q), value
 * percent-encoded, to a query for lrs_get. */
struct buf;
void lrs_query_add(struct buf *q, const char *key, const char *value);
/* Every statement of query, following the "more" links, into all (an
 * array), and their attachments into files (an object, may be NULL). The
 * status of the first answer that was not OK is returned, its message in
 * *msg (new string). */
enum lrs_status lrs_get_all(struct lrs *l, const char *query, json_t *all,
			    json_t *files, char **msg);
/* Free the reply's contents. */
void lrs_reply_free(struct lrs_reply *r);
/* Free the connection. */
void lrs_close(struct lrs *l);

#endif
