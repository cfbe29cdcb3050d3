/* warc.c -- streaming WARC reader; see warc.h.
 *
 * Three layers:
 *   raw     bytes from the prefix given at open, then from the fd, in a
 *           64 KiB buffer;
 *   stream  the raw bytes, or their gzip decompression (inflate with
 *           automatic header detection, reset at each member end; on a
 *           corrupt member the reader scans for the next gzip magic);
 *   record  version line, header lines, Content-Length block, then the
 *           record's payload turned into an article.
 * Only the current record's block is held in memory, capped by max_record.
 */
#include "warc.h"
#include "html.h"
#include "charset.h"
#include "../util/buf.h"
#include "../util/arena.h"
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <zlib.h>

#define RAW_SIZE (64 * 1024)
#define MAX_HEADER_LINE (64 * 1024)
#define MAX_HEADER_LINES 512
#define DEFAULT_MAX_RECORD ((size_t)64 << 20)

struct dl_warc {
    char *name;
    int defer_html;             /* dl_warc_set_defer_html */
    int fd, own_fd;
    const unsigned char *mem;   /* prefix bytes not yet consumed */
    size_t mem_len, mem_pos;
    unsigned char *raw;
    size_t raw_pos, raw_len;
    int raw_eof;
    long long raw_off;          /* file offset of raw[0] */
    int gz;                     /* -1 not known yet, 0 plain, 1 gzip */
    z_stream zs;
    int zs_init;
    int member_start;           /* the next raw bytes should start a gzip member */
    unsigned char *buf;         /* decompressed bytes buf[pos..len) */
    size_t pos, len, cap;
    long long buf_off;          /* stream offset of buf[0] */
    int eof;
    char *zerr;                 /* a pending stream error (gzip damage, read error) */
    long long ms_dec[64], ms_raw[64];   /* recent gzip member starts: stream and file offsets */
    int ms_n;
    long long boundary;         /* after gzip damage: where the next good member's
                                   bytes start in the stream; a record never
                                   reads across it (-1: none) */
    long long zerr_off;
    size_t max_record;
    long records, skipped, errors, nrec;
    long no_body;      /* of the errors, pages without an article body */
    long long line_off;         /* stream offset of the last line read */
    int have_version;           /* a "WARC/" line was read while resyncing */
    long long version_off;
    dl_buf line, block, body;
};

/* ---- raw layer -------------------------------------------------------------- */

/* Make at least k bytes available at raw[raw_pos] if the input has them.
 * Returns the number available (may be less at EOF). */
static size_t raw_need(dl_warc *w, size_t k) {
    while (w->raw_len - w->raw_pos < k && !w->raw_eof) {
        if (w->raw_pos > 0) {
            memmove(w->raw, w->raw + w->raw_pos, w->raw_len - w->raw_pos);
            w->raw_off += (long long)w->raw_pos;
            w->raw_len -= w->raw_pos;
            w->raw_pos = 0;
        }
        size_t room = RAW_SIZE - w->raw_len;
        if (room == 0) break;
        if (w->mem_pos < w->mem_len) {
            size_t n = w->mem_len - w->mem_pos;
            if (n > room) n = room;
            memcpy(w->raw + w->raw_len, w->mem + w->mem_pos, n);
            w->mem_pos += n;
            w->raw_len += n;
            continue;
        }
        if (w->fd < 0) { w->raw_eof = 1; break; }
        ssize_t r = read(w->fd, w->raw + w->raw_len, room);
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) {
            if (!w->zerr) {
                w->zerr = dl_xstrdup(strerror(errno));
                w->zerr_off = w->buf_off + (long long)w->len;
            }
            w->raw_eof = 1;
            break;
        }
        if (r == 0) { w->raw_eof = 1; break; }
        w->raw_len += (size_t)r;
    }
    return w->raw_len - w->raw_pos;
}

static void set_zerr(dl_warc *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void set_zerr(dl_warc *w, const char *fmt, ...) {
    if (w->zerr) return;   /* keep the first cause */
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    w->zerr = dl_xstrdup(msg);
    w->zerr_off = w->buf_off + (long long)w->len;
}

/* At a member boundary: skip to the next gzip magic (1f 8b 08).  Returns 1
 * if one is found, 0 at EOF.  Skipped bytes are reported once. */
static int find_member(dl_warc *w) {
    long long skipped = 0, from = w->raw_off + (long long)w->raw_pos;
    int nonzero = 0;   /* NUL padding at the end of a file is harmless */
    for (;;) {
        size_t have = raw_need(w, 3);
        if (have < 3) {
            for (size_t i = 0; i < have; i++) if (w->raw[w->raw_pos + i]) nonzero = 1;
            skipped += (long long)have;
            w->raw_pos = w->raw_len;
            if (nonzero)
                set_zerr(w, "%lld bytes after the last gzip member (at byte %lld of the compressed file) are not gzip data",
                         skipped, from);
            return 0;
        }
        const unsigned char *p = w->raw + w->raw_pos;
        if (p[0] == 0x1f && p[1] == 0x8b && p[2] == 8) break;
        if (p[0]) nonzero = 1;
        w->raw_pos++;
        skipped++;
    }
    if (skipped > 0 && nonzero)
        set_zerr(w, "skipped %lld bytes of non-gzip data at byte %lld of the compressed file",
                 skipped, from);
    /* remember where this member starts, for messages about its records */
    int k = w->ms_n++ % 64;
    w->ms_dec[k] = w->buf_off + (long long)w->len;
    w->ms_raw[k] = w->raw_off + (long long)w->raw_pos;
    return 1;
}

/* ---- stream layer ------------------------------------------------------------- */

/* Add decompressed bytes to buf.  Returns 0 when no more will come. */
static int stream_fill(dl_warc *w) {
    if (w->eof) return 0;
    if (w->pos > 0 && w->pos == w->len) {
        w->buf_off += (long long)w->pos;
        w->pos = w->len = 0;
    } else if (w->pos > w->cap / 2) {
        memmove(w->buf, w->buf + w->pos, w->len - w->pos);
        w->buf_off += (long long)w->pos;
        w->len -= w->pos;
        w->pos = 0;
    }
    if (w->len == w->cap) {
        w->cap *= 2;
        w->buf = dl_xrealloc(w->buf, w->cap);
    }
    if (w->gz < 0) {
        size_t have = raw_need(w, 2);
        w->gz = have >= 2 && w->raw[w->raw_pos] == 0x1f && w->raw[w->raw_pos + 1] == 0x8b;
        if (w->gz) {
            memset(&w->zs, 0, sizeof w->zs);
            if (inflateInit2(&w->zs, 15 + 32) != Z_OK) {
                set_zerr(w, "cannot start zlib");
                w->eof = 1;
                return 0;
            }
            w->zs_init = 1;
            w->member_start = 1;
        }
    }
    size_t before = w->len;
    if (!w->gz) {
        size_t have = raw_need(w, 1);
        if (have == 0) { w->eof = 1; return 0; }
        size_t n = w->cap - w->len;
        if (n > have) n = have;
        memcpy(w->buf + w->len, w->raw + w->raw_pos, n);
        w->raw_pos += n;
        w->len += n;
        return 1;
    }
    while (w->len == before) {
        if (w->member_start) {
            if (raw_need(w, 1) == 0) { w->eof = 1; return 0; }
            if (!find_member(w)) { w->eof = 1; return 0; }
            w->member_start = 0;
        }
        if (raw_need(w, 1) == 0) {
            set_zerr(w, "gzip stream truncated (the file ends inside a gzip member)");
            w->eof = 1;
            return 0;
        }
        w->zs.next_in = w->raw + w->raw_pos;
        w->zs.avail_in = (uInt)(w->raw_len - w->raw_pos);
        w->zs.next_out = w->buf + w->len;
        w->zs.avail_out = (uInt)(w->cap - w->len);
        int rc = inflate(&w->zs, Z_NO_FLUSH);
        size_t used = (w->raw_len - w->raw_pos) - w->zs.avail_in;
        w->raw_pos += used;
        w->len = w->cap - w->zs.avail_out;
        if (rc == Z_STREAM_END) {
            inflateReset(&w->zs);
            w->member_start = 1;
            continue;
        }
        if (rc == Z_OK || rc == Z_BUF_ERROR) {
            if (used == 0 && w->len == before) {
                /* needs more input than the buffer holds: get it */
                size_t had = w->raw_len - w->raw_pos;
                if (raw_need(w, had + 1) <= had) {
                    set_zerr(w, "gzip stream truncated (the file ends inside a gzip member)");
                    w->eof = 1;
                    return 0;
                }
            }
            continue;
        }
        /* corrupt data: report, and look for the next member after this point;
         * the record being read ends here */
        w->boundary = w->buf_off + (long long)w->len;
        set_zerr(w, "gzip data error (%s) near byte %lld of the compressed file",
                 w->zs.msg ? w->zs.msg : "corrupt", w->raw_off + (long long)w->raw_pos);
        inflateReset(&w->zs);
        if (w->raw_pos < w->raw_len) w->raw_pos++;
        w->member_start = 1;
    }
    return 1;
}

/* Read one line (without its CR LF) into w->line; a line longer than max is
 * cut (the rest is consumed).  Returns 0 at EOF before any byte. */
static int get_line(dl_warc *w, size_t max) {
    dl_buf_clear(&w->line);
    w->line_off = w->buf_off + (long long)w->pos;
    int any = 0;
    for (;;) {
        if (w->pos == w->len && !stream_fill(w)) return any;
        unsigned char *s = w->buf + w->pos;
        size_t n = w->len - w->pos;
        long long at = w->buf_off + (long long)w->pos;
        int cut = 0;
        if (w->boundary >= 0 && at <= w->boundary && at + (long long)n > w->boundary) {
            /* the bytes after a damaged gzip member start a new line */
            n = (size_t)(w->boundary - at);
            w->boundary = -1;
            cut = 1;
            if (n == 0 && !any) { w->line_off = at; continue; }
        }
        any = 1;
        unsigned char *nl = memchr(s, '\n', n);
        size_t take = nl ? (size_t)(nl - s) : n;
        if (w->line.len < max) {
            size_t k = take;
            if (k > max - w->line.len) k = max - w->line.len;
            dl_buf_add(&w->line, s, k);
        }
        w->pos += take + (nl ? 1 : 0);
        if (nl || cut) break;
    }
    if (w->line.len && w->line.p[w->line.len - 1] == '\r') w->line.p[--w->line.len] = 0;
    return 1;
}

/* Read n bytes, keeping the first `keep` in out.  Returns bytes read. */
static size_t get_block(dl_warc *w, dl_buf *out, size_t n, size_t keep) {
    size_t got = 0;
    dl_buf_clear(out);
    while (got < n) {
        if (w->pos == w->len && !stream_fill(w)) break;
        size_t k = w->len - w->pos;
        if (k > n - got) k = n - got;
        long long at = w->buf_off + (long long)w->pos;
        if (w->boundary >= 0 && at <= w->boundary && at + (long long)k > w->boundary) {
            /* damaged gzip member: stop here, the next member starts a record */
            k = (size_t)(w->boundary - at);
            if (got < keep) dl_buf_add(out, w->buf + w->pos, k < keep - got ? k : keep - got);
            w->pos += k;
            got += k;
            w->boundary = -1;
            break;
        }
        if (got < keep) {
            size_t kk = k < keep - got ? k : keep - got;
            dl_buf_add(out, w->buf + w->pos, kk);
        }
        w->pos += k;
        got += k;
    }
    return got;
}

/* ---- open / close ------------------------------------------------------------- */

dl_warc *dl_warc_open_prefix(const char *path, int fd, const void *prefix, size_t n, char **err) {
    if (err) *err = NULL;
    int own = 0;
    if (fd < 0 && path) {
        fd = open(path, O_RDONLY);
        if (fd < 0) {
            if (err) *err = dl_xstrdup(strerror(errno));
            return NULL;
        }
        own = 1;
    }
    dl_warc *w = dl_xmalloc(sizeof *w);
    memset(w, 0, sizeof *w);
    w->name = dl_xstrdup(path ? path : "-");
    w->fd = fd;
    w->own_fd = own;
    w->mem = prefix;
    w->mem_len = prefix ? n : 0;
    w->raw = dl_xmalloc(RAW_SIZE);
    w->gz = -1;
    w->cap = 64 * 1024;
    w->buf = dl_xmalloc(w->cap);
    w->max_record = DEFAULT_MAX_RECORD;
    w->boundary = -1;
    return w;
}

dl_warc *dl_warc_open(const char *path, int fd, char **err) {
    return dl_warc_open_prefix(path, fd, NULL, 0, err);
}

void dl_warc_set_defer_html(dl_warc *w, int on) { w->defer_html = on; }

void dl_warc_set_max(dl_warc *w, size_t max_bytes) {
    w->max_record = max_bytes ? max_bytes : DEFAULT_MAX_RECORD;
}

void dl_warc_counts(const dl_warc *w, long *records, long *skipped, long *errors) {
    if (records) *records = w->records;
    if (skipped) *skipped = w->skipped;
    if (errors) *errors = w->errors;
}

long dl_warc_no_body(const dl_warc *w) { return w->no_body; }

long long dl_warc_bytes(const dl_warc *w) { return w->buf_off + (long long)w->pos; }

void dl_warc_close(dl_warc *w) {
    if (!w) return;
    if (w->own_fd) close(w->fd);
    if (w->zs_init) inflateEnd(&w->zs);
    free(w->name);
    free(w->raw);
    free(w->buf);
    free(w->zerr);
    dl_buf_free(&w->line);
    dl_buf_free(&w->block);
    dl_buf_free(&w->body);
    free(w);
}

/* ---- records ------------------------------------------------------------------ */

/* In a gzip file, the file offset of the member holding the record at
 * off (what web archive indexes point at), as " (gzip member at byte M)". */
static void member_note(const dl_warc *w, long long off, dl_buf *b) {
    for (int i = w->ms_n - 1; w->gz == 1 && i >= 0 && i >= w->ms_n - 64; i--)
        if (w->ms_dec[i % 64] <= off) {
            dl_buf_printf(b, " (gzip member at byte %lld)", w->ms_raw[i % 64]);
            break;
        }
}

static int record_error(dl_warc *w, dl_article *out, long long off, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static int record_error(dl_warc *w, dl_article *out, long long off, const char *fmt, ...) {
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    dl_buf b = DL_BUF_INIT;
    dl_buf_printf(&b, "%s: offset %lld: %s", w->name, off, msg);
    member_note(w, off, &b);
    /* add a pending stream error when it explains this one (it happened
     * at or before the point reached) */
    if (w->zerr && w->zerr_off <= w->buf_off + (long long)w->pos) {
        dl_buf_printf(&b, " (%s)", w->zerr);
        free(w->zerr);
        w->zerr = NULL;
    }
    free(out->error);
    out->error = dl_buf_take(&b);
    if (!out->origin) out->origin = dl_xstrdup(w->name);
    out->offset = off;
    out->line = w->nrec;
    if (!out->kind) out->kind = dl_xstrdup("warc");
    w->errors++;
    return DL_READ_ERROR;
}

/* Copy a header value without surrounding spaces and angle brackets. */
static char *header_value(const char *v, size_t n, int strip_angle) {
    while (n && (*v == ' ' || *v == '\t')) { v++; n--; }
    while (n && (v[n - 1] == ' ' || v[n - 1] == '\t')) n--;
    if (strip_angle && n >= 2 && v[0] == '<' && v[n - 1] == '>') { v++; n -= 2; }
    return dl_xstrndup(v, n);
}

typedef struct warc_head {
    char *type, *uri, *date, *id, *ctype;
    long long length;   /* -1 missing, -2 invalid */
} warc_head;

static void head_free(warc_head *h) {
    free(h->type); free(h->uri); free(h->date); free(h->id); free(h->ctype);
    memset(h, 0, sizeof *h);
}

static long long parse_length(const char *v) {
    while (*v == ' ' || *v == '\t') v++;
    if (!isdigit((unsigned char)*v)) return -2;
    long long n = 0;
    for (; isdigit((unsigned char)*v); v++) {
        if (n > (1LL << 50)) return -2;
        n = n * 10 + (*v - '0');
    }
    while (*v == ' ' || *v == '\t') v++;
    return *v ? -2 : n;
}

/* media type (lower case, no parameters) and charset from a Content-Type */
static void parse_ctype(const char *ct, size_t n, char mt[64], char cs[40]) {
    mt[0] = cs[0] = 0;
    if (!ct) return;
    size_t i = 0, k = 0;
    while (i < n && isspace((unsigned char)ct[i])) i++;
    while (i < n && ct[i] != ';' && !isspace((unsigned char)ct[i]) && k < 63)
        mt[k++] = (char)tolower((unsigned char)ct[i++]);
    mt[k] = 0;
    for (; i + 8 <= n; i++) {
        if (strncasecmp(ct + i, "charset=", 8)) continue;
        i += 8;
        while (i < n && (ct[i] == '"' || ct[i] == '\'' || ct[i] == ' ')) i++;
        k = 0;
        while (i < n && k < 39 && (isalnum((unsigned char)ct[i]) || ct[i] == '-' || ct[i] == '_' ||
                                   ct[i] == ':' || ct[i] == '.'))
            cs[k++] = ct[i++];
        cs[k] = 0;
        break;
    }
}

/* Undo chunked transfer coding; returns 0 if the body is not valid chunked
 * data (the caller then keeps it as it is). */
static int dechunk(const char *p, size_t n, dl_buf *out) {
    size_t i = 0;
    dl_buf_clear(out);
    for (;;) {
        size_t st = i;
        unsigned long long sz = 0;
        int digits = 0;
        while (i < n && isxdigit((unsigned char)p[i]) && digits < 16) {
            int c = tolower((unsigned char)p[i]);
            sz = sz * 16 + (unsigned)(isdigit(c) ? c - '0' : c - 'a' + 10);
            i++; digits++;
        }
        if (!digits) return i >= n && st > 0;   /* clean end without the 0 chunk: accept */
        while (i < n && p[i] != '\n') i++;       /* chunk extensions, CR */
        if (i >= n) return 0;
        i++;
        if (sz == 0) return 1;
        if (sz > n - i) {                          /* last chunk cut short: keep what is there */
            dl_buf_add(out, p + i, n - i);
            return 1;
        }
        dl_buf_add(out, p + i, (size_t)sz);
        i += (size_t)sz;
        if (i < n && p[i] == '\r') i++;
        if (i < n && p[i] == '\n') i++;
        if (i >= n) return 1;
    }
}

/* gzip / zlib / raw deflate to out, at most max bytes.  0 on failure. */
static int inflate_body(const char *p, size_t n, dl_buf *out, size_t max, int raw) {
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    if (inflateInit2(&zs, raw ? -15 : 15 + 32) != Z_OK) return 0;
    dl_buf_clear(out);
    zs.next_in = (unsigned char *)p;
    zs.avail_in = (uInt)n;
    int ok = 0;
    for (;;) {
        dl_buf_reserve(out, 65536);
        zs.next_out = (unsigned char *)out->p + out->len;
        zs.avail_out = (uInt)(out->cap - out->len - 1);
        size_t room = zs.avail_out;
        int rc = inflate(&zs, Z_NO_FLUSH);
        out->len += room - zs.avail_out;
        out->p[out->len] = 0;
        if (rc == Z_STREAM_END) { ok = 1; break; }
        if (rc != Z_OK) { ok = out->len > 0 && zs.avail_in == 0; break; }   /* cut short: keep */
        if (out->len > max) break;
        if (zs.avail_in == 0 && zs.avail_out != 0) { ok = out->len > 0; break; }
    }
    inflateEnd(&zs);
    return ok;
}

static void fill_text(dl_article *out, const char *p, size_t n, const char *cs) {
    free(out->text);
    if (cs[0] && !dl_charset_is_utf8(cs)) {
        out->text = dl_to_utf8(p, n, cs, &out->text_len, NULL);
    } else {
        out->text = dl_xstrndup(p, n);
        out->text_len = n;
    }
}

/* The payload of a record as an article.  Returns DL_READ_OK, DL_READ_ERROR,
 * or -1 for "skip this record". */
static int payload(dl_warc *w, warc_head *h, long long off, dl_article *out) {
    const char *p = w->block.p ? w->block.p : "";
    size_t n = w->block.len;
    char mt[64], cs[40];
    const char *type = h->type ? h->type : "";
    int is_response = !strcasecmp(type, "response");
    if (!is_response && strcasecmp(type, "resource") && strcasecmp(type, "conversion")) return -1;

    parse_ctype(h->ctype, h->ctype ? strlen(h->ctype) : 0, mt, cs);
    int http = is_response && (n >= 5 && !memcmp(p, "HTTP/", 5));
    if (is_response && !http) return -1;   /* dns:, ftp and other non-HTTP responses */
    int status = 0;
    if (http) {
    again:;
        /* status line and headers, CRLF or LF-only */
        size_t i = 0;
        const char *te = NULL, *ce = NULL, *ct = NULL;
        size_t te_n = 0, ce_n = 0, ct_n = 0;
        int line = 0, ended = 0;
        while (i < n) {
            size_t s = i;
            const char *nl = memchr(p + i, '\n', n - i);
            size_t e = nl ? (size_t)(nl - p) : n;
            i = nl ? e + 1 : n;
            size_t le = e;
            if (le > s && p[le - 1] == '\r') le--;
            if (le == s) { ended = 1; break; }
            if (line++ == 0) {
                const char *sp = memchr(p + s, ' ', le - s);
                if (sp && sp + 4 <= p + le && isdigit((unsigned char)sp[1]) &&
                    isdigit((unsigned char)sp[2]) && isdigit((unsigned char)sp[3]))
                    status = (sp[1] - '0') * 100 + (sp[2] - '0') * 10 + (sp[3] - '0');
                continue;
            }
            const char *colon = memchr(p + s, ':', le - s);
            if (!colon) continue;
            size_t kn = (size_t)(colon - (p + s));
            const char *v = colon + 1;
            size_t vn = (size_t)(p + le - v);
            if (kn == 17 && !strncasecmp(p + s, "Transfer-Encoding", 17)) { te = v; te_n = vn; }
            else if (kn == 16 && !strncasecmp(p + s, "Content-Encoding", 16)) { ce = v; ce_n = vn; }
            else if (kn == 12 && !strncasecmp(p + s, "Content-Type", 12)) { ct = v; ct_n = vn; }
        }
        if (!ended) return record_error(w, out, off, "HTTP headers without an end (no blank line)");
        if (status == 100 && n - i >= 5 && !memcmp(p + i, "HTTP/", 5)) {
            /* "100 Continue" followed by the real response */
            p += i;
            n -= i;
            goto again;
        }
        if (status < 200 || status > 299) return -1;   /* redirects, errors: no page */
        parse_ctype(ct, ct_n, mt, cs);
        p += i;
        n -= i;
        if (te && memmem(te, te_n, "chunked", 7)) {
            dl_buf tmp = DL_BUF_INIT;
            if (dechunk(p, n, &tmp)) {
                dl_buf_free(&w->body);
                w->body = tmp;
                p = w->body.p ? w->body.p : "";
                n = w->body.len;
            } else {
                dl_buf_free(&tmp);
            }
        }
        if (ce) {
            char enc[24];
            size_t k = 0, j = 0;
            while (j < ce_n && isspace((unsigned char)ce[j])) j++;
            while (j < ce_n && k < sizeof enc - 1 && !isspace((unsigned char)ce[j]) && ce[j] != ',')
                enc[k++] = (char)tolower((unsigned char)ce[j++]);
            enc[k] = 0;
            if (!strcmp(enc, "gzip") || !strcmp(enc, "x-gzip") || !strcmp(enc, "deflate")) {
                dl_buf dec = DL_BUF_INIT;
                int ok = inflate_body(p, n, &dec, w->max_record, 0) ||
                         (!strcmp(enc, "deflate") && inflate_body(p, n, &dec, w->max_record, 1));
                if (dec.len > w->max_record) {
                    dl_buf_free(&dec);
                    return record_error(w, out, off, "%s body decompresses to more than %zu bytes", enc, w->max_record);
                }
                if (ok) {
                    dl_buf_free(&w->body);
                    w->body = dec;
                    p = w->body.p;
                    n = w->body.len;
                } else {
                    dl_buf_free(&dec);
                    /* archives often store the decoded body but keep the
                     * header; only complain when it does not look decoded */
                    size_t j2 = 0;
                    while (j2 < n && isspace((unsigned char)p[j2])) j2++;
                    if (j2 < n && p[j2] != '<' && !(mt[0] && !strcmp(mt, "text/plain")))
                        return record_error(w, out, off, "cannot decode Content-Encoding %s", enc);
                }
            } else if (enc[0] && strcmp(enc, "identity") && strcmp(enc, "none")) {
                return record_error(w, out, off, "unsupported Content-Encoding %s", enc);
            }
        }
    }
    int html = !strcmp(mt, "text/html") || !strcmp(mt, "application/xhtml+xml");
    int text = !strcmp(mt, "text/plain") || (!mt[0] && !strcasecmp(type, "conversion"));
    if (!mt[0] && !html && !text) {
        size_t j = 0;
        while (j < n && isspace((unsigned char)p[j])) j++;
        html = j < n && p[j] == '<';
    }
    if (!html && !text) return -1;
    if (n == 0) return -1;
    out->origin = dl_xstrdup(w->name);
    out->offset = off;
    out->line = w->nrec;
    out->kind = dl_xstrdup("warc");
    if (h->uri) out->url = dl_xstrdup(h->uri);
    if (h->id) {
        /* "urn:uuid:..." -> the uuid: ids are keys, keep them short */
        const char *id = h->id;
        if (!strncasecmp(id, "urn:uuid:", 9)) id += 9;
        out->id = dl_xstrdup(id);
    }
    if (html && w->defer_html) {
        /* the worker extracts it (dl_article_extract_html) */
        out->text = dl_xmalloc(n + 1);
        memcpy(out->text, p, n);
        out->text[n] = 0;
        out->text_len = n;
        out->html_pending = 1;
        if (cs[0]) out->html_charset = dl_xstrdup(cs);
        if (h->date) out->published_fallback = dl_xstrdup(h->date);
        dl_buf wb = DL_BUF_INIT;
        dl_buf_printf(&wb, "%s: offset %lld", w->name, off);
        out->where = dl_buf_take(&wb);
        member_note(w, off, &wb);
        if (wb.len) out->where_note = dl_buf_take(&wb);
        dl_buf_free(&wb);
        return DL_READ_OK;
    }
    if (html) {
        char *err = NULL;
        int rc = dl_html_extract_cs(p, n, h->uri, cs[0] ? cs : NULL, out, &err);
        if (rc == 1) w->no_body++;
        if (rc != 0) {
            int r = record_error(w, out, off, "%s%s%s", err ? err : "HTML not readable",
                                 h->uri ? " in " : "", h->uri ? h->uri : "");
            free(err);
            return r;
        }
        free(err);
    } else {
        fill_text(out, p, n, cs);
    }
    if (!out->published && h->date) out->published = dl_xstrdup(h->date);
    return DL_READ_OK;
}

int dl_warc_next(dl_warc *w, dl_article *out) {
    for (;;) {
        /* 1. the version line, skipping blank lines; anything else is stray */
        long long stray_off = -1, stray = 0;
        long long off;
        if (w->have_version) {
            w->have_version = 0;
            off = w->version_off;
        } else {
            for (;;) {
                if (!get_line(w, MAX_HEADER_LINE)) {
                    if (stray)
                        return record_error(w, out, stray_off, "%lld bytes of stray data at the end, not a WARC record", stray);
                    if (w->zerr) return record_error(w, out, w->zerr_off, "damaged input");
                    return DL_READ_EOF;
                }
                if (w->line.len >= 5 && !memcmp(w->line.p, "WARC/", 5)) break;
                int blank = 1;
                for (size_t i = 0; i < w->line.len; i++)
                    if (!isspace((unsigned char)w->line.p[i])) { blank = 0; break; }
                if (blank) continue;
                if (stray_off < 0) stray_off = w->line_off;
                stray += (long long)w->line.len + 1;
            }
            off = w->line_off;
            if (stray) {
                /* report the stray bytes now, the record found next time */
                w->have_version = 1;
                w->version_off = off;
                return record_error(w, out, stray_off,
                                    "%lld bytes of stray data before the next record (expected a \"WARC/\" line)", stray);
            }
        }
        if (w->zerr && w->zerr_off <= off) {
            /* gzip damage before this record: report it, then read on */
            w->have_version = 1;
            w->version_off = off;
            long long zo = w->zerr_off;
            return record_error(w, out, zo, "damaged input");
        }
        w->nrec++;

        /* 2. header lines */
        warc_head h;
        memset(&h, 0, sizeof h);
        h.length = -1;
        int nlines = 0, ended = 0;
        while (get_line(w, MAX_HEADER_LINE)) {
            if (w->line.len == 0) { ended = 1; break; }
            if (++nlines > MAX_HEADER_LINES) break;
            if (w->line.len >= 5 && !memcmp(w->line.p, "WARC/", 5)) {
                /* a record without an end to its header: the next one starts */
                w->have_version = 1;
                w->version_off = w->line_off;
                break;
            }
            char *colon = memchr(w->line.p, ':', w->line.len);
            if (!colon) continue;
            size_t kn = (size_t)(colon - w->line.p);
            const char *v = colon + 1;
            size_t vn = w->line.len - kn - 1;
            const char *k = w->line.p;
            if (kn == 9 && !strncasecmp(k, "WARC-Type", 9)) { free(h.type); h.type = header_value(v, vn, 0); }
            else if (kn == 15 && !strncasecmp(k, "WARC-Target-URI", 15)) { free(h.uri); h.uri = header_value(v, vn, 1); }
            else if (kn == 9 && !strncasecmp(k, "WARC-Date", 9)) { free(h.date); h.date = header_value(v, vn, 0); }
            else if (kn == 14 && !strncasecmp(k, "WARC-Record-ID", 14)) { free(h.id); h.id = header_value(v, vn, 1); }
            else if (kn == 12 && !strncasecmp(k, "Content-Type", 12)) { free(h.ctype); h.ctype = header_value(v, vn, 0); }
            else if (kn == 14 && !strncasecmp(k, "Content-Length", 14)) {
                char *s = header_value(v, vn, 0);
                h.length = parse_length(s);
                free(s);
            }
        }
        if (!ended) {
            head_free(&h);
            return record_error(w, out, off, nlines > MAX_HEADER_LINES ? "more than %d header lines" :
                                "record header not ended by a blank line (truncated?)", MAX_HEADER_LINES);
        }
        if (h.length < 0) {
            head_free(&h);
            return record_error(w, out, off, h.length == -1 ? "record without Content-Length"
                                                            : "invalid Content-Length");
        }

        /* 3. the block */
        size_t len = (size_t)h.length;
        if (len > w->max_record) {
            size_t got = get_block(w, &w->block, len, 0);
            head_free(&h);
            if (got < len)
                return record_error(w, out, off, "truncated record: %zu of %zu block bytes", got, len);
            return record_error(w, out, off, "record of %zu bytes is larger than the limit (%zu); skipped", len, w->max_record);
        }
        size_t got = get_block(w, &w->block, len, len);
        if (got < len) {
            head_free(&h);
            return record_error(w, out, off, "truncated record: %zu of %zu block bytes", got, len);
        }

        /* 4. the payload */
        int rc = payload(w, &h, off, out);
        head_free(&h);
        dl_buf_clear(&w->body);
        if (w->block.cap > ((size_t)4 << 20)) dl_buf_free(&w->block);   /* don't keep a huge buffer */
        if (w->body.cap > ((size_t)4 << 20)) dl_buf_free(&w->body);
        if (rc < 0) { w->skipped++; continue; }
        if (rc == DL_READ_OK) w->records++;
        return rc;
    }
}
