/* reader.c -- files, directories and stdin to articles; see reader.h.
 *
 * Each input is opened with zlib's gzdopen(), which reads plain files as
 * they are and gzip files (including several concatenated members) by
 * inflating them, so ".gz of each format" costs no code per format.  A
 * truncated or corrupt gzip stream shows up as a gzread() error, which is
 * reported with the file name and the decompressed offset reached.
 *
 * Plain text: the whole file is one article.  JSON lines: one article per
 * line; blank lines are skipped, a line that is not a JSON object is one
 * error record (with its line number) and reading goes on.
 */
#include "reader.h"
#include "jsonl.h"
#include "html.h"   /* HOOK html */
#include "warc.h"   /* HOOK warc */
#include "../util/arena.h"
#include "../util/buf.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

enum { FMT_TEXT = 1, FMT_JSONL, FMT_HTML, FMT_WARC };

typedef struct pending {      /* a stack of paths still to read */
    char **v;
    size_t n, cap;
} pending;

struct dl_reader {
    dl_reader_opts opts;
    pending todo;             /* popped from the end; pushed in reverse order */
    gzFile gz;                /* open JSON-lines input, or NULL */
    char *gz_name;
    long line;                /* JSON-lines: line number of the last line read */
    long long offset;         /* JSON-lines: decompressed offset of the next line */
    dl_buf linebuf;
    dl_reader_stats stats;
    struct dl_warc *warc;     /* open WARC input (warc.c), or NULL */
    int defer_html;           /* dl_reader_defer_html */
    int stdin_fd;             /* stdin copied to an unlinked file (spill_stdin), or -1 */
};

static void todo_push(pending *p, const char *path) {
    if (p->n == p->cap) {
        p->cap = p->cap ? p->cap * 2 : 16;
        p->v = dl_xrealloc(p->v, p->cap * sizeof *p->v);
    }
    p->v[p->n++] = dl_xstrdup(path);
}

dl_reader *dl_reader_new(const char *const *paths, int npaths, const dl_reader_opts *opts) {
    dl_reader *r = calloc(1, sizeof *r);
    if (!r) return NULL;
    if (opts) r->opts = *opts;
    if (!r->opts.max_bytes) r->opts.max_bytes = 64u << 20;
    r->stdin_fd = -1;
    for (int i = npaths - 1; i >= 0; i--) todo_push(&r->todo, paths[i]);
    return r;
}

const dl_reader_stats *dl_reader_stats_get(const dl_reader *r) { return &r->stats; }

static void close_current(dl_reader *r) {
    if (r->gz) gzclose(r->gz);
    r->gz = NULL;
    free(r->gz_name);
    r->gz_name = NULL;
}

void dl_reader_free(dl_reader *r) {
    if (!r) return;
    close_current(r);
    if (r->warc) dl_warc_close(r->warc);   /* freed in the middle of an archive */
    for (size_t i = 0; i < r->todo.n; i++) free(r->todo.v[i]);
    free(r->todo.v);
    dl_buf_free(&r->linebuf);
    if (r->stdin_fd >= 0) close(r->stdin_fd);
    free(r);
}

static int ends_with(const char *s, size_t n, const char *suffix) {
    size_t k = strlen(suffix);
    return n >= k && strncasecmp(s + n - k, suffix, k) == 0;
}

static int format_from_name(const char *path) {
    size_t n = strlen(path);
    if (ends_with(path, n, ".gz")) n -= 3;
    if (ends_with(path, n, ".jsonl") || ends_with(path, n, ".ndjson") || ends_with(path, n, ".json"))
        return FMT_JSONL;
    if (ends_with(path, n, ".html") || ends_with(path, n, ".htm") || ends_with(path, n, ".xhtml"))
        return FMT_HTML;
    if (ends_with(path, n, ".warc") || ends_with(path, n, ".arc") || ends_with(path, n, ".wet"))
        return FMT_WARC;
    return FMT_TEXT;
}

static int format_forced(const char *f) {
    if (!f) return 0;
    if (!strcmp(f, "text")) return FMT_TEXT;
    if (!strcmp(f, "jsonl")) return FMT_JSONL;
    if (!strcmp(f, "html")) return FMT_HTML;
    if (!strcmp(f, "warc")) return FMT_WARC;
    return 0;
}

static int set_error(dl_article *out, const char *origin, long line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static int set_error(dl_article *out, const char *origin, long line, const char *fmt, ...) {
    dl_buf b = DL_BUF_INIT;
    if (line > 0) dl_buf_printf(&b, "%s:%ld: ", origin, line);
    else dl_buf_printf(&b, "%s: ", origin);
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    dl_buf_adds(&b, msg);
    out->error = dl_buf_take(&b);
    if (!out->origin) out->origin = dl_xstrdup(origin);
    out->line = line;
    return DL_READ_ERROR;
}

/* Read a whole (possibly gzip) stream into b, up to max bytes.
 * Returns 0, or -1 with *why set. */
static int slurp(gzFile gz, dl_buf *b, size_t max, const char **why, int *zerr) {
    char chunk[65536];
    for (;;) {
        int k = gzread(gz, chunk, sizeof chunk);
        if (k < 0) { *why = gzerror(gz, zerr); return -1; }
        if (k == 0) break;
        if (b->len + (size_t)k > max) { *why = "file larger than the record size limit"; return -1; }
        dl_buf_add(b, chunk, (size_t)k);
    }
    /* zlib reports a truncated gzip stream only through gzerror at EOF. */
    const char *msg = gzerror(gz, zerr);
    if (*zerr != Z_OK && *zerr != Z_STREAM_END) { *why = msg; return -1; }
    return 0;
}

/* stdin is first copied to an unlinked temporary file (in $TMPDIR, else
 * /tmp): its format is sniffed from its first bytes and it is then read as
 * a file is, in bounded memory however long it is -- a WARC archive or a
 * day of JSON lines does not fit the record size limit that reading it
 * whole to sniff it imposed.  Returns the file's descriptor, or -1. */
static int spill_stdin(const char **why) {
    const char *dir = getenv("TMPDIR");
    dl_buf tmpl = DL_BUF_INIT;
    dl_buf_printf(&tmpl, "%s/dateline-stdin-XXXXXX", dir && *dir ? dir : "/tmp");
    int fd = mkstemp(tmpl.p);
    if (fd < 0) { *why = strerror(errno); dl_buf_free(&tmpl); return -1; }
    unlink(tmpl.p);
    dl_buf_free(&tmpl);
    char chunk[1 << 16];
    for (;;) {
        ssize_t k = read(0, chunk, sizeof chunk);
        if (k < 0 && errno == EINTR) continue;
        if (k < 0) { *why = strerror(errno); close(fd); return -1; }
        if (k == 0) break;
        for (ssize_t off = 0; off < k;) {
            ssize_t w = write(fd, chunk + off, (size_t)(k - off));
            if (w < 0 && errno == EINTR) continue;
            if (w <= 0) { *why = w < 0 ? strerror(errno) : "short write"; close(fd); return -1; }
            off += w;
        }
    }
    return fd;
}

static gzFile open_gz_fd(int fd, const char **why) {
    if (fd < 0) { *why = strerror(errno); return NULL; }
    gzFile gz = gzdopen(fd, "rb");
    if (!gz) { close(fd); *why = "cannot open"; return NULL; }
    gzbuffer(gz, 1 << 17);
    return gz;
}

/* The format of the spilled stdin, from its first bytes (decompressed). */
static int sniff(const char *p, size_t n);
static int sniff_stdin(dl_reader *r) {
    const char *why = NULL;
    lseek(r->stdin_fd, 0, SEEK_SET);
    gzFile gz = open_gz_fd(dup(r->stdin_fd), &why);
    char head[4096];
    int k = gz ? gzread(gz, head, sizeof head) : 0;
    if (gz) gzclose(gz);
    lseek(r->stdin_fd, 0, SEEK_SET);
    return sniff(head, k > 0 ? (size_t)k : 0);
}

static gzFile open_gz(dl_reader *r, const char *path, const char **why) {
    if (strcmp(path, "-") == 0) {
        lseek(r->stdin_fd, 0, SEEK_SET);
        return open_gz_fd(dup(r->stdin_fd), why);
    }
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) { *why = strerror(errno); return NULL; }
    return open_gz_fd(fd, why);
}

/* ---- JSON lines ---- */

static int article_from_json(const char *line, size_t n, const char *origin, long lineno, dl_article *out) {
    char err[160];
    if (dl_jsonl_parse(line, n, out, err, sizeof err) != 0) {
        dl_article_clear(out);
        return set_error(out, origin, lineno, "%s", err);
    }
    out->origin = dl_xstrdup(origin);
    out->line = lineno;
    out->kind = dl_xstrdup("jsonl");
    return DL_READ_OK;
}

/* Next line of the open JSON-lines stream into r->linebuf; 1 ok, 0 EOF, -1 error. */
static int next_line(dl_reader *r, const char **why, int *zerr) {
    dl_buf_clear(&r->linebuf);
    for (;;) {
        char chunk[8192];
        if (!gzgets(r->gz, chunk, sizeof chunk)) {
            const char *msg = gzerror(r->gz, zerr);
            if (*zerr != Z_OK && *zerr != Z_STREAM_END) { *why = msg; return -1; }
            return r->linebuf.len ? 1 : 0;
        }
        size_t k = strlen(chunk);   /* a NUL inside the line ends it early; JSON never has raw NULs */
        if (r->linebuf.len + k <= r->opts.max_bytes) dl_buf_add(&r->linebuf, chunk, k);
        else if (r->linebuf.len <= r->opts.max_bytes) r->linebuf.len = r->opts.max_bytes + 1;
        if (k && chunk[k - 1] == '\n') return 1;
        /* A line cut short by a damaged stream is an error, not a record. */
        const char *msg = gzerror(r->gz, zerr);
        if (*zerr != Z_OK && *zerr != Z_STREAM_END) { *why = msg; return -1; }
        if (gzeof(r->gz)) return 1;
    }
}

static int read_jsonl_record(dl_reader *r, dl_article *out) {
    for (;;) {
        const char *why = NULL;
        int zerr = 0;
        int rc = next_line(r, &why, &zerr);
        if (rc == 0) { close_current(r); return DL_READ_EOF; }
        r->line++;
        if (rc < 0) {
            int ret = set_error(out, r->gz_name, r->line, "read error after byte %lld: %s", r->offset, why);
            r->stats.errors++;
            close_current(r);
            return ret;
        }
        r->offset += (long long)r->linebuf.len;
        r->stats.bytes += (long long)r->linebuf.len;
        if (r->linebuf.len > r->opts.max_bytes) {
            r->stats.errors++;
            return set_error(out, r->gz_name, r->line, "line longer than the record size limit (%zu bytes)", r->opts.max_bytes);
        }
        size_t n = r->linebuf.len;
        while (n && (r->linebuf.p[n - 1] == '\n' || r->linebuf.p[n - 1] == '\r' || r->linebuf.p[n - 1] == ' ')) n--;
        size_t b = 0;
        while (b < n && (r->linebuf.p[b] == ' ' || r->linebuf.p[b] == '\t')) b++;
        if (b == n) continue;   /* blank line */
        int ret = article_from_json(r->linebuf.p + b, n - b, r->gz_name, r->line, out);
        if (ret == DL_READ_OK) {
            out->offset = r->offset - (long long)r->linebuf.len;
            r->stats.records++;
        } else {
            r->stats.errors++;
        }
        return ret;
    }
}

/* ---- HTML and WARC (src/ingest/html.c, warc.c) ---- */

void dl_reader_defer_html(dl_reader *r, int on) {
    r->defer_html = on;
    if (r->warc) dl_warc_set_defer_html(r->warc, on);
}

int dl_article_extract_html(dl_article *a) {
    /* returns what dl_html_extract_cs does: 0, 1 for a page without an
     * article body, -1 for a page that could not be read */
    if (!a->html_pending) return 0;
    char *raw = a->text;
    size_t n = a->text_len;
    a->text = NULL;
    a->text_len = 0;
    a->html_pending = 0;
    char *err = NULL;
    int rc = dl_html_extract_cs(raw ? raw : "", n, a->url, a->html_charset, a, &err);
    free(raw);
    if (rc != 0) {
        /* the message the reader would have given (read_html_file, warc.c) */
        dl_buf b = DL_BUF_INIT;
        dl_buf_printf(&b, "%s: %s%s%s%s", a->where ? a->where : (a->origin ? a->origin : "-"),
                      err ? err : "HTML not readable", a->url ? " in " : "", a->url ? a->url : "",
                      a->where_note ? a->where_note : "");
        free(a->error);
        a->error = dl_buf_take(&b);
        free(err);
        return rc == 1 ? 1 : -1;
    }
    free(err);
    if (!a->published && a->published_fallback) {
        a->published = a->published_fallback;
        a->published_fallback = NULL;
    }
    return 0;
}

static int read_html_file(dl_reader *r, const char *path, dl_buf *content, dl_article *out) {
    /* HOOK html */
    if (r->defer_html) {
        out->text_len = content->len;
        out->text = content->p ? dl_buf_take(content) : dl_xstrdup("");
        out->html_pending = 1;
        out->origin = dl_xstrdup(path);
        out->where = dl_xstrdup(path);
        out->offset = 0;
        r->stats.records++;
        return DL_READ_OK;
    }
    char *err = NULL;
    int rc = dl_html_extract(content->p ? content->p : "", content->len, NULL, out, &err);
    if (rc == 0) { out->origin = dl_xstrdup(path); out->offset = 0; r->stats.records++; free(err); return DL_READ_OK; }
    if (rc == 1) r->stats.no_body++;
    else r->stats.errors++;
    rc = set_error(out, path, 0, "%s", err ? err : "HTML not readable");
    free(err);
    return rc;
}

static int open_warc(dl_reader *r, const char *path, dl_article *out) {
    /* HOOK warc */
    char *err = NULL;
    int is_stdin = strcmp(path, "-") == 0;
    if (is_stdin) lseek(r->stdin_fd, 0, SEEK_SET);
    r->warc = dl_warc_open(path, is_stdin ? r->stdin_fd : -1, &err);
    if (r->warc) {
        dl_warc_set_max(r->warc, r->opts.max_bytes);
        dl_warc_set_defer_html(r->warc, r->defer_html);
        return DL_READ_EOF;
    }
    r->stats.errors++;
    int rc = set_error(out, path, 0, "cannot open: %s", err ? err : "?");
    free(err);
    return rc;
}

static int read_warc_record(dl_reader *r, dl_article *out) {
    /* HOOK warc */
    long no_body = dl_warc_no_body(r->warc);
    int rc = dl_warc_next(r->warc, out);
    if (rc == DL_READ_OK) r->stats.records++;
    if (rc == DL_READ_ERROR) {
        if (dl_warc_no_body(r->warc) > no_body) r->stats.no_body++;
        else r->stats.errors++;
    }
    if (rc != DL_READ_EOF) return rc;
    long skipped;
    dl_warc_counts(r->warc, NULL, &skipped, NULL);
    r->stats.skipped += skipped;
    r->stats.bytes += dl_warc_bytes(r->warc);
    dl_warc_close(r->warc);
    r->warc = NULL;
    return DL_READ_EOF;
}

/* ---- files and directories ---- */

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Push a directory's entries (sorted, hidden files skipped) onto the stack. */
static int push_dir(dl_reader *r, const char *path, dl_article *out) {
    DIR *d = opendir(path);
    if (!d) { r->stats.errors++; return set_error(out, path, 0, "cannot read directory: %s", strerror(errno)); }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        if (n == cap) { cap = cap ? cap * 2 : 64; names = dl_xrealloc(names, cap * sizeof *names); }
        dl_buf b = DL_BUF_INIT;
        dl_buf_printf(&b, "%s/%s", path, e->d_name);
        names[n++] = dl_buf_take(&b);
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = n; i-- > 0;) { todo_push(&r->todo, names[i]); free(names[i]); }
    free(names);
    return DL_READ_OK;
}

/* Sniff the format of stdin from its first bytes (after decompression). */
static int sniff(const char *p, size_t n) {
    size_t i = 0;
    if (n >= 3 && (unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBB && (unsigned char)p[2] == 0xBF) i = 3;
    while (i < n && (p[i] == ' ' || p[i] == '\n' || p[i] == '\r' || p[i] == '\t')) i++;
    if (i < n && p[i] == '{') return FMT_JSONL;
    if (n - i >= 5 && !memcmp(p + i, "WARC/", 5)) return FMT_WARC;
    if (i < n && p[i] == '<') return FMT_HTML;
    return FMT_TEXT;
}

static int open_next(dl_reader *r, dl_article *out) {
    char *path = r->todo.v[--r->todo.n];
    int ret = DL_READ_EOF;
    struct stat st;
    int is_stdin = strcmp(path, "-") == 0;
    if (!is_stdin && stat(path, &st) != 0) {
        r->stats.errors++;
        ret = set_error(out, path, 0, "cannot open: %s", strerror(errno));
        goto done;
    }
    if (!is_stdin && S_ISDIR(st.st_mode)) {
        ret = push_dir(r, path, out);
        if (ret == DL_READ_OK) ret = DL_READ_EOF;   /* nothing to return yet */
        goto done;
    }
    const char *why = NULL;
    if (is_stdin && r->stdin_fd < 0 && (r->stdin_fd = spill_stdin(&why)) < 0) {
        r->stats.errors++;
        ret = set_error(out, path, 0, "cannot buffer stdin: %s", why);
        goto done;
    }
    int fmt = format_forced(r->opts.format);
    if (!fmt) fmt = is_stdin ? sniff_stdin(r) : format_from_name(path);
    if (fmt == FMT_WARC) { r->stats.files++; ret = open_warc(r, path, out); goto done; }
    gzFile gz = open_gz(r, path, &why);
    if (!gz) { r->stats.errors++; ret = set_error(out, path, 0, "cannot open: %s", why); goto done; }
    r->stats.files++;
    if (fmt == FMT_JSONL) {
        r->gz = gz;
        r->gz_name = path;
        path = NULL;
        r->line = 0;
        r->offset = 0;
        ret = DL_READ_EOF;      /* the caller's loop reads the first record */
        goto done;
    }
    /* Text, HTML, or sniffed stdin: read it whole. */
    dl_buf content = DL_BUF_INIT;
    int zerr = 0;
    int rc = slurp(gz, &content, r->opts.max_bytes, &why, &zerr);
    char why_copy[256];    /* gzerror's text lives in the gzFile we close */
    snprintf(why_copy, sizeof why_copy, "%s", rc < 0 && why ? why : "");
    gzclose(gz);
    if (rc < 0) {
        r->stats.errors++;
        ret = set_error(out, path, 0, "read error after byte %zu: %s", content.len, why_copy);
        dl_buf_free(&content);
        goto done;
    }
    r->stats.bytes += (long long)content.len;
    if (fmt == FMT_HTML) {
        ret = read_html_file(r, path, &content, out);
        dl_buf_free(&content);
        goto done;
    }
    out->origin = dl_xstrdup(path);
    out->kind = dl_xstrdup("text");
    out->offset = 0;
    out->text_len = content.len;
    out->text = dl_buf_take(&content);
    r->stats.records++;
    ret = DL_READ_OK;
done:
    free(path);
    return ret;
}

int dl_reader_next(dl_reader *r, dl_article *out) {
    memset(out, 0, sizeof *out);
    out->offset = -1;
    for (;;) {
        if (r->warc) {
            int rc = read_warc_record(r, out);
            if (rc != DL_READ_EOF) return rc;
            continue;
        }
        if (r->gz) {
            int rc = read_jsonl_record(r, out);
            if (rc != DL_READ_EOF) return rc;
            continue;
        }
        if (r->todo.n == 0) return DL_READ_EOF;
        int rc = open_next(r, out);
        if (rc != DL_READ_EOF) return rc;
    }
}
