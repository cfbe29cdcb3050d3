/* jsonl.c -- one JSON-lines record to an article; see jsonl.h. */
#include "jsonl.h"
#include "../util/arena.h"
#include "../util/buf.h"
#include "../text/text.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct parser {
    const char *s;
    size_t i, n;
    char *err;
    size_t errcap;
} parser;

static int fail(parser *p, const char *what) {
    snprintf(p->err, p->errcap, "invalid JSON at column %zu: %s", p->i + 1, what);
    return -1;
}

static void ws(parser *p) {
    while (p->i < p->n && (p->s[p->i] == ' ' || p->s[p->i] == '\t' || p->s[p->i] == '\r' || p->s[p->i] == '\n'))
        p->i++;
}

static int hex4(const char *s, unsigned *v) {
    *v = 0;
    for (int k = 0; k < 4; k++) {
        char c = s[k];
        unsigned d;
        if (c >= '0' && c <= '9') d = (unsigned)(c - '0');
        else if (c >= 'a' && c <= 'f') d = (unsigned)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F') d = (unsigned)(c - 'A' + 10);
        else return 0;
        *v = *v * 16 + d;
    }
    return 1;
}

/* Parse a string at p->i (at the opening quote).  With out != NULL the
 * decoded bytes are appended to it. */
static int string(parser *p, dl_buf *out) {
    p->i++;   /* opening quote */
    for (;;) {
        size_t b = p->i;
        while (p->i < p->n && p->s[p->i] != '"' && p->s[p->i] != '\\') p->i++;
        if (out && p->i > b) dl_buf_add(out, p->s + b, p->i - b);
        if (p->i >= p->n) return fail(p, "unterminated string");
        if (p->s[p->i] == '"') { p->i++; return 0; }
        /* escape */
        if (p->i + 1 >= p->n) return fail(p, "unterminated escape");
        char e = p->s[p->i + 1];
        const char *simple = NULL;
        switch (e) {
        case '"': simple = "\""; break;
        case '\\': simple = "\\"; break;
        case '/': simple = "/"; break;
        case 'b': simple = "\b"; break;
        case 'f': simple = "\f"; break;
        case 'n': simple = "\n"; break;
        case 'r': simple = "\r"; break;
        case 't': simple = "\t"; break;
        case 'u': break;
        default: p->i++; return fail(p, "invalid escape");
        }
        if (simple) {
            if (out) dl_buf_add(out, simple, 1);
            p->i += 2;
            continue;
        }
        unsigned v;
        if (p->i + 6 > p->n || !hex4(p->s + p->i + 2, &v)) { p->i++; return fail(p, "invalid \\u escape"); }
        p->i += 6;
        int32_t cp = (int32_t)v;
        if (v >= 0xD800 && v <= 0xDBFF) {          /* surrogate pair */
            unsigned lo;
            if (p->i + 6 <= p->n && p->s[p->i] == '\\' && p->s[p->i + 1] == 'u' && hex4(p->s + p->i + 2, &lo) &&
                lo >= 0xDC00 && lo <= 0xDFFF) {
                cp = 0x10000 + (int32_t)(((v - 0xD800) << 10) | (lo - 0xDC00));
                p->i += 6;
            } else {
                cp = 0xFFFD;                           /* lone surrogate */
            }
        } else if (v >= 0xDC00 && v <= 0xDFFF) {
            cp = 0xFFFD;
        }
        if (cp == 0) cp = ' ';                        /* \u0000: a NUL would cut C strings */
        if (out) {
            char enc[4];
            dl_buf_add(out, enc, (size_t)dl_utf8_encode(cp, enc));
        }
    }
}

/* Skip any value (used for unknown fields and non-string known ones). */
static int skip_value(parser *p, int depth) {
    ws(p);
    if (p->i >= p->n) return fail(p, "expected a value");
    char c = p->s[p->i];
    if (c == '"') return string(p, NULL);
    if (c == '{' || c == '[') {
        if (depth > 64) return fail(p, "nesting too deep");
        char close = c == '{' ? '}' : ']';
        p->i++;
        ws(p);
        if (p->i < p->n && p->s[p->i] == close) { p->i++; return 0; }
        for (;;) {
            if (c == '{') {
                ws(p);
                if (p->i >= p->n || p->s[p->i] != '"') return fail(p, "expected a key");
                if (string(p, NULL)) return -1;
                ws(p);
                if (p->i >= p->n || p->s[p->i] != ':') return fail(p, "expected ':'");
                p->i++;
            }
            if (skip_value(p, depth + 1)) return -1;
            ws(p);
            if (p->i < p->n && p->s[p->i] == ',') { p->i++; continue; }
            if (p->i < p->n && p->s[p->i] == close) { p->i++; return 0; }
            return fail(p, c == '{' ? "expected ',' or '}'" : "expected ',' or ']'");
        }
    }
    size_t b = p->i;
    while (p->i < p->n && strchr("+-0123456789.eE", p->s[p->i])) p->i++;
    if (p->i > b) return 0;
    if (p->n - p->i >= 4 && !memcmp(p->s + p->i, "true", 4)) { p->i += 4; return 0; }
    if (p->n - p->i >= 5 && !memcmp(p->s + p->i, "false", 5)) { p->i += 5; return 0; }
    if (p->n - p->i >= 4 && !memcmp(p->s + p->i, "null", 4)) { p->i += 4; return 0; }
    return fail(p, "expected a value");
}

static char **field_slot(dl_article *a, const char *k, size_t n) {
#define F(name, slot) if (n == sizeof name - 1 && !memcmp(k, name, n)) return &a->slot
    F("id", id); F("url", url); F("title", title); F("text", text); F("published", published);
    F("source", source); F("language", language); F("author", author); F("site", site);
#undef F
    return NULL;
}

int dl_jsonl_parse(const char *s, size_t n, dl_article *out, char *err, size_t errcap) {
    parser p = {s, 0, n, err, errcap};
    dl_buf key = DL_BUF_INIT, val = DL_BUF_INIT;
    char *date = NULL;      /* "date" is used when "published" is absent */
    int rc = -1;
    ws(&p);
    if (p.i >= n || s[p.i] != '{') { fail(&p, "JSON line is not an object"); goto done; }
    p.i++;
    ws(&p);
    if (p.i < n && s[p.i] == '}') { p.i++; goto end; }
    for (;;) {
        ws(&p);
        if (p.i >= n || s[p.i] != '"') { fail(&p, "expected a key"); goto done; }
        dl_buf_clear(&key);
        if (string(&p, &key)) goto done;
        ws(&p);
        if (p.i >= n || s[p.i] != ':') { fail(&p, "expected ':'"); goto done; }
        p.i++;
        ws(&p);
        const char *k = key.p ? key.p : "";
        char **slot = field_slot(out, k, key.len);
        int is_date = key.len == 4 && !memcmp(k, "date", 4);
        if (is_date) slot = &date;
        size_t vb = p.i;
        if ((slot) && p.i < n && s[p.i] == '"') {
            dl_buf_clear(&val);
            if (string(&p, &val)) goto done;
            free(*slot);
            if (slot == &out->text) out->text_len = val.len;
            *slot = dl_buf_take(&val);
        } else {
            if (skip_value(&p, 0)) goto done;
            int is_null = p.i - vb == 4 && !memcmp(s + vb, "null", 4);
            if (slot && !is_null && (s[vb] == '-' || (s[vb] >= '0' && s[vb] <= '9')) && slot != &out->text) {
                free(*slot);                 /* numbers: ids, dates such as 20221114 */
                *slot = dl_xstrndup(s + vb, p.i - vb);
            } else if (slot == &out->text && !is_null) {
                p.i = vb;
                fail(&p, "field \"text\" is not a string");
                goto done;
            } else if (!slot) {
                /* unknown field: keep its value verbatim (cleaned to valid UTF-8) */
                dl_buf clean = DL_BUF_INIT;
                dl_text_clean(s + vb, p.i - vb, &clean, NULL);
                json_t *v = json_loadb(clean.p ? clean.p : "", clean.len, JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);
                dl_buf_free(&clean);
                if (v) {
                    if (!out->meta) out->meta = json_object();
                    json_object_setn_new(out->meta, k, key.len, v);
                }
            }
        }
        ws(&p);
        if (p.i < n && s[p.i] == ',') { p.i++; continue; }
        if (p.i < n && s[p.i] == '}') { p.i++; break; }
        fail(&p, "expected ',' or '}'");
        goto done;
    }
end:
    ws(&p);
    if (p.i < n) { fail(&p, "text after the object"); goto done; }
    if (!out->published && date) { out->published = date; date = NULL; }
    if (!out->text) { out->text = dl_xstrdup(""); out->text_len = 0; }
    rc = 0;
done:
    free(date);
    dl_buf_free(&key);
    dl_buf_free(&val);
    return rc;
}
