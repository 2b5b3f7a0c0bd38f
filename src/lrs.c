/*
 * lrs: one libcurl handle per sync; every request carries the xAPI
 * version header and basic authentication. Answers are classified for the
 * sender (lrs.h): keep and retry, split, or stop about the credentials.
 */
#include "lrs.h"
#include "buf.h"
#include "mem.h"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

static char *first_line(const char *text)
{
	size_t n = strcspn(text, "\r\n");

	while (n > 0 && (text[n - 1] == ' ' || text[n - 1] == '\t'))
		n--;
	return mem_strndup(text, n);
}

char *lrs_credentials(const char *keyfile, struct diag *d)
{
	const char *env = getenv("KLANTCOACH_LRS_SLEUTEL");
	struct buf b = {0};
	struct stat st;
	FILE *fp;
	char *r, line[1024];

	if (env && *env)
		r = first_line(env);
	else if (keyfile == NULL || stat(keyfile, &st) != 0 ||
		 (fp = fopen(keyfile, "r")) == NULL) {
		diag_add(d, DIAG_ERROR, keyfile, 0, "geen inloggegevens voor "
			 "het LRS: zet ze als sleutel:geheim in dit bestand "
			 "(rechten 0600) of in KLANTCOACH_LRS_SLEUTEL");
		return NULL;
	} else if (st.st_mode & 077) {
		fclose(fp);
		diag_add(d, DIAG_ERROR, keyfile, 0, "anderen kunnen dit "
			 "bestand lezen; maak het privé: chmod 600 '%s'",
			 keyfile);
		return NULL;
	} else {
		buf_add(&b, fgets(line, sizeof line, fp) ? line : "");
		fclose(fp);
		r = first_line(buf_str(&b));
		buf_free(&b);
	}
	if (strchr(r, ':') == NULL || r[0] == ':') {
		diag_add(d, DIAG_ERROR, env && *env ? "KLANTCOACH_LRS_SLEUTEL"
			 : keyfile, 0, "inloggegevens moeten de vorm "
			 "sleutel:geheim hebben");
		free(r);
		return NULL;
	}
	return r;
}

static int loopback(const char *host)
{
	struct in_addr a;

	if (inet_pton(AF_INET, host, &a) == 1)
		return ntohl(a.s_addr) >> 24 == 127;
	return strcmp(host, "localhost") == 0 ||
	       strcmp(host, "[::1]") == 0 || strcmp(host, "::1") == 0;
}

/* The scheme and host of url (new strings), or -1. */
static int url_parts(const char *url, char **scheme, char **host)
{
	CURLU *u = curl_url();
	int rc = -1;

	*scheme = *host = NULL;
	if (u && curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_SCHEME, scheme, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_HOST, host, 0) == CURLUE_OK)
		rc = 0;
	curl_url_cleanup(u);
	return rc;
}

int lrs_url_ok(const char *url)
{
	char *scheme, *host;
	int ok = url_parts(url, &scheme, &host) == 0 &&
		 (strcmp(scheme, "https") == 0 ||
		  (strcmp(scheme, "http") == 0 && loopback(host)));

	curl_free(scheme);
	curl_free(host);
	return ok;
}

int lrs_open(struct lrs *l, const char *url, const char *userpwd,
	     const char *ca, struct diag *d)
{
	size_t n = strlen(url);

	memset(l, 0, sizeof *l);
	if (!lrs_url_ok(url)) {
		diag_add(d, DIAG_ERROR, NULL, 0, "lrs.adres '%s': gebruik "
			 "https:// (http:// alleen naar dit apparaat, "
			 "zoals 127.0.0.1)", url);
		return -1;
	}
	curl_global_init(CURL_GLOBAL_DEFAULT);
	l->curl = curl_easy_init();
	l->url = mem_strndup(url, n && url[n - 1] == '/' ? n - 1 : n);
	curl_easy_setopt(l->curl, CURLOPT_USERPWD, userpwd);
	curl_easy_setopt(l->curl, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
	curl_easy_setopt(l->curl, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(l->curl, CURLOPT_CONNECTTIMEOUT, 10L);
	curl_easy_setopt(l->curl, CURLOPT_TIMEOUT, 120L);
	curl_easy_setopt(l->curl, CURLOPT_NOSIGNAL, 1L);
	if (ca)
		curl_easy_setopt(l->curl, CURLOPT_CAINFO, ca);
	return 0;
}

static size_t collect(char *p, size_t size, size_t n, void *ctx)
{
	buf_addn(ctx, p, size * n);
	return size * n;
}

static enum lrs_status classify(long code)
{
	if (code >= 200 && code < 300)
		return LRS_OK;
	if (code == 401 || code == 403)
		return LRS_DENIED;
	if (code == 400 || code == 409 || code == 413 ||
	    (code >= 400 && code < 500 && code != 408 && code != 429))
		return LRS_REJECTED;
	return LRS_AGAIN;
}

/* The LRS's own words: "message", else the first of "warnings". */
static char *message(json_t *body, long code)
{
	const char *m = json_string_value(json_object_get(body, "message"));
	struct buf b = {0};

	if (m == NULL)
		m = json_string_value(json_array_get(
			json_object_get(body, "warnings"), 0));
	buf_printf(&b, "HTTP %ld%s%s", code, m ? ": " : "", m ? m : "");
	return buf_take(&b);
}

/* The first n bytes of hay where needle starts, or NULL. */
static const char *find(const char *hay, size_t n, const char *needle)
{
	size_t k = strlen(needle), i;

	for (i = 0; i + k <= n; i++)
		if (memcmp(hay + i, needle, k) == 0)
			return hay + i;
	return NULL;
}

/* The value of header name (case as written by the LRS may vary) in the
 * headers [h, end), new string, or NULL. */
static char *header(const char *h, const char *end, const char *name)
{
	size_t k = strlen(name);
	const char *nl;

	for (; h < end; h = nl + 1) {
		if ((nl = memchr(h, '\n', (size_t)(end - h))) == NULL)
			nl = end;
		if ((size_t)(nl - h) > k && strncasecmp(h, name, k) == 0 &&
		    h[k] == ':') {
			const char *v = h + k + 1, *e = nl;
			while (*v == ' ')
				v++;
			while (e > v && (e[-1] == '\r' || e[-1] == ' '))
				e--;
			return mem_strndup(v, (size_t)(e - v));
		}
	}
	return NULL;
}

/* Split a multipart/mixed answer: the first part is the JSON, the
 * others attachments named by their X-Experience-API-Hash. */
static void split_parts(struct lrs_reply *r, const char *type,
			const char *data, size_t n)
{
	const char *b = strstr(type, "boundary="), *p, *end = data + n;
	struct buf delim = {0};
	int first = 1;

	if (b == NULL)
		return;
	b += 9;
	buf_printf(&delim, "--%.*s", (int)strcspn(b, "\"; "), b + (*b == '"'));
	r->files = json_object();
	for (p = find(data, n, buf_str(&delim)); p;) {
		const char *head = p + delim.len, *body, *next;
		if (head + 2 > end || strncmp(head, "--", 2) == 0)
			break;
		head += strspn(head, "\r\n");
		body = find(head, (size_t)(end - head), "\r\n\r\n");
		next = body ? find(body, (size_t)(end - body), buf_str(&delim))
			    : NULL;
		if (next == NULL)
			break;
		body += 4;
		if (first)
			r->body = json_loadb(body, (size_t)(next - body), 0,
					     NULL);
		else {
			char *hash = header(head, body, "X-Experience-API-Hash");
			char *cl = header(head, body, "Content-Length");
			size_t len = (size_t)(next - body);
			if (cl && strtoul(cl, NULL, 10) <= len)
				len = strtoul(cl, NULL, 10);
			else
				len -= len >= 2 && next[-2] == '\r' ? 2 : 0;
			free(cl);
			if (hash)
				json_object_set_new(r->files, hash,
					json_stringn_nocheck(body, len));
			free(hash);
		}
		first = 0;
		p = next;
	}
	buf_free(&delim);
}

static enum lrs_status request(struct lrs *l, const char *url,
			       const char *body, const char *type,
			       struct lrs_reply *r)
{
	struct curl_slist *h = NULL;
	struct buf in = {0}, ct = {0};
	curl_off_t wait = -1;
	char *got = NULL;
	CURLcode cc;

	memset(r, 0, sizeof *r);
	buf_printf(&ct, "Content-Type: %s", type ? type : "application/json");
	h = curl_slist_append(h, "X-Experience-API-Version: 1.0.3");
	h = curl_slist_append(h, buf_str(&ct));
	buf_free(&ct);
	curl_easy_setopt(l->curl, CURLOPT_URL, url);
	curl_easy_setopt(l->curl, CURLOPT_HTTPHEADER, h);
	curl_easy_setopt(l->curl, CURLOPT_HTTPGET, 1L);
	if (body)
		curl_easy_setopt(l->curl, CURLOPT_POSTFIELDS, body);
	curl_easy_setopt(l->curl, CURLOPT_WRITEFUNCTION, collect);
	curl_easy_setopt(l->curl, CURLOPT_WRITEDATA, &in);
	cc = curl_easy_perform(l->curl);
	curl_slist_free_all(h);
	if (cc != CURLE_OK) {
		struct buf m = {0};
		buf_printf(&m, "niet bereikbaar: %s", curl_easy_strerror(cc));
		r->message = buf_take(&m);
		buf_free(&in);
		return LRS_AGAIN;
	}
	curl_easy_getinfo(l->curl, CURLINFO_RESPONSE_CODE, &r->code);
	curl_easy_getinfo(l->curl, CURLINFO_RETRY_AFTER, &wait);
	curl_easy_getinfo(l->curl, CURLINFO_CONTENT_TYPE, &got);
	r->retry_after = (long)wait;
	if (got && strncasecmp(got, "multipart/mixed", 15) == 0)
		split_parts(r, got, buf_str(&in), in.len);
	else
		r->body = json_loads(buf_str(&in), 0, NULL);
	r->message = message(r->body, r->code);
	buf_free(&in);
	return classify(r->code);
}

enum lrs_status lrs_post(struct lrs *l, const char *body, const char *type,
			 struct lrs_reply *r)
{
	struct buf url = {0};
	enum lrs_status s;

	buf_printf(&url, "%s/statements", l->url);
	s = request(l, buf_str(&url), body, type, r);
	buf_free(&url);
	return s;
}

enum lrs_status lrs_get(struct lrs *l, const char *query,
			struct lrs_reply *r)
{
	struct buf url = {0};
	char *scheme, *host, *port = NULL;
	enum lrs_status s;

	if (query[0] == '/' && url_parts(l->url, &scheme, &host) == 0) {
		CURLU *u = curl_url();
		curl_url_set(u, CURLUPART_URL, l->url, 0);
		curl_url_get(u, CURLUPART_PORT, &port, 0);
		curl_url_cleanup(u);
		buf_printf(&url, "%s://%s%s%s%s", scheme, host, port ? ":" : "",
			   port ? port : "", query);
		curl_free(scheme);
		curl_free(host);
		curl_free(port);
	} else {
		buf_printf(&url, "%s/statements?%s", l->url, query);
	}
	s = request(l, buf_str(&url), NULL, NULL, r);
	buf_free(&url);
	return s;
}

void lrs_query_add(struct buf *q, const char *key, const char *value)
{
	char *v = curl_easy_escape(NULL, value, 0);

	buf_printf(q, "%s%s=%s", q->len ? "&" : "", key, v ? v : "");
	curl_free(v);
}

/* At most this many pages per query: a "more" link that never ends
 * cannot keep a sync busy for ever. */
#define MAX_PAGES 100000

enum lrs_status lrs_get_all(struct lrs *l, const char *query, json_t *all,
			    json_t *files, char **msg)
{
	enum lrs_status s = LRS_OK;
	char *next = mem_strdup(query);
	int page;

	*msg = NULL;
	for (page = 0; next && *next && page < MAX_PAGES; page++) {
		struct lrs_reply r;
		const char *more;

		s = lrs_get(l, next, &r);
		free(next);
		next = NULL;
		if (s == LRS_OK && !json_is_array(json_object_get(
				r.body, "statements"))) {
			s = LRS_REJECTED;
			free(r.message);
			r.message = mem_strdup("geen lijst met statements");
		}
		if (s != LRS_OK) {
			*msg = r.message;
			r.message = NULL;
		} else {
			json_array_extend(all, json_object_get(r.body,
							       "statements"));
			if (files && r.files)
				json_object_update(files, r.files);
			more = json_string_value(json_object_get(r.body, "more"));
			next = more && *more ? mem_strdup(more) : NULL;
		}
		lrs_reply_free(&r);
	}
	free(next);
	return s;
}

void lrs_reply_free(struct lrs_reply *r)
{
	free(r->message);
	json_decref(r->body);
	json_decref(r->files);
	memset(r, 0, sizeof *r);
}

void lrs_close(struct lrs *l)
{
	if (l->curl) {
		curl_easy_cleanup(l->curl);
		curl_global_cleanup();
	}
	free(l->url);
	memset(l, 0, sizeof *l);
}
