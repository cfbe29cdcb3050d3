/* buf.c -- growable byte buffer; see buf.h. */
#include "buf.h"
#include "arena.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void dl_buf_reserve(dl_buf *b, size_t extra) {
    if (b->len + extra + 1 <= b->cap) return;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra + 1) cap *= 2;
    b->p = dl_xrealloc(b->p, cap);
    b->cap = cap;
}

void dl_buf_add(dl_buf *b, const void *s, size_t n) {
    dl_buf_reserve(b, n);
    if (n) memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = 0;
}

void dl_buf_adds(dl_buf *b, const char *s) { dl_buf_add(b, s, strlen(s)); }

void dl_buf_addc(dl_buf *b, char c) { dl_buf_add(b, &c, 1); }

void dl_buf_printf(dl_buf *b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char tmp[256];
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    if ((size_t)n < sizeof tmp) { dl_buf_add(b, tmp, (size_t)n); return; }
    dl_buf_reserve(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void dl_buf_clear(dl_buf *b) {
    b->len = 0;
    if (b->p) b->p[0] = 0;
}

void dl_buf_free(dl_buf *b) {
    free(b->p);
    b->p = NULL;
    b->len = b->cap = 0;
}

char *dl_buf_take(dl_buf *b) {
    char *p = b->p ? b->p : dl_xstrdup("");
    b->p = NULL;
    b->len = b->cap = 0;
    return p;
}

char *dl_read_file(const char *path, size_t *len, char **err) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        dl_set_err(err, "%s: cannot open: %s", path, strerror(errno));
        return NULL;
    }
    dl_buf b = DL_BUF_INIT;
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) dl_buf_add(&b, chunk, n);
    fclose(f);
    if (len) *len = b.len;
    return dl_buf_take(&b);
}

void dl_set_err(char **err, const char *fmt, ...) {
    if (!err) return;
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    free(*err);
    *err = dl_xstrdup(msg);
}
