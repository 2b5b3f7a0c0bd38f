/* A scripted HTTP server on 127.0.0.1 for the sync tests: a thread that
 * answers every POST with what answer() says (status, extra header,
 * body) and records the number of statements in each; a GET gets what
 * get() says for its request, or no statements. */
#ifndef KC_TEST_FAKE_LRS_H
#define KC_TEST_FAKE_LRS_H
#include <arpa/inet.h>
#include <jansson.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define FAKE_NONE "{\"statements\":[],\"more\":\"\"}"

struct fake_answer {
	int status;
	const char *header;	/* e.g. "Retry-After: 1", or NULL */
	const char *body;
};

struct fake_lrs {
	int fd, port;
	pthread_t thread;
	/* the answer to request n (from 0) with its JSON body */
	struct fake_answer (*answer)(int n, json_t *body);
	/* the body for a GET request (its whole text), or NULL */
	const char *(*get)(const char *request);
	int n;			/* POSTs so far */
	int sizes[64];		/* statements per POST */
};

/* Read one request from c into buf; 0 when the client closed. */
static inline size_t fake_read(int c, char *buf, size_t cap)
{
	size_t len = 0, need = 0;
	char *end = NULL;
	ssize_t k;

	while (len < cap - 1 && (end == NULL || len < need)) {
		if ((k = read(c, buf + len, cap - 1 - len)) <= 0)
			return 0;
		len += (size_t)k;
		buf[len] = '\0';
		if (end == NULL && (end = strstr(buf, "\r\n\r\n")) != NULL) {
			const char *cl = strstr(buf, "Content-Length:");
			need = (size_t)(end + 4 - buf) +
			       (cl && cl < end ? strtoul(cl + 15, NULL, 10) : 0);
		}
	}
	return len;
}

static inline void *fake_serve(void *arg)
{
	struct fake_lrs *f = arg;
	static char buf[1 << 20];
	int c;

	while ((c = accept(f->fd, NULL, NULL)) >= 0) {
		while (fake_read(c, buf, sizeof buf) > 0) {
			json_t *body = json_loads(strstr(buf, "\r\n\r\n") + 4,
						  0, NULL);
			struct fake_answer a = {200, NULL, FAKE_NONE};
			char head[256];
			if (strncmp(buf, "POST ", 5) == 0) {
				a = f->answer(f->n, body);
				if (f->n < 64)
					f->sizes[f->n] = (int)json_array_size(body);
				f->n++;
			} else if (f->get) {
				a.body = f->get(buf);
			}
			json_decref(body);
			snprintf(head, sizeof head, "HTTP/1.1 %d X\r\n%s%s"
				 "Content-Type: application/json\r\n"
				 "Content-Length: %zu\r\n\r\n", a.status,
				 a.header ? a.header : "", a.header ? "\r\n" : "",
				 strlen(a.body));
			if (write(c, head, strlen(head)) < 0 ||
			    write(c, a.body, strlen(a.body)) < 0)
				break;
		}
		close(c);
	}
	return NULL;
}

/* Start serving; the LRS's address into url. */
static inline void fake_start(struct fake_lrs *f, char url[64])
{
	struct sockaddr_in a = {0};
	socklen_t n = sizeof a;

	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	f->fd = socket(AF_INET, SOCK_STREAM, 0);
	if (f->fd < 0 || bind(f->fd, (struct sockaddr *)&a, sizeof a) != 0 ||
	    listen(f->fd, 4) != 0 ||
	    getsockname(f->fd, (struct sockaddr *)&a, &n) != 0)
		abort();
	f->port = ntohs(a.sin_port);
	snprintf(url, 64, "http://127.0.0.1:%d/xAPI", f->port);
	pthread_create(&f->thread, NULL, fake_serve, f);
}

/* Stop: the thread ends when its socket is shut down. */
static inline void fake_stop(struct fake_lrs *f)
{
	shutdown(f->fd, SHUT_RDWR);
	close(f->fd);
	pthread_join(f->thread, NULL);
}
#endif
