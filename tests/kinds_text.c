/* kinds_text.c -- case-file renderers for the text layer and the readers'
 * article-level parsing (tokens, sentences, datelines, boilerplate). */
#include "kinds.h"
#include "text/text.h"
#include <string.h>
#include <stdlib.h>

void dl_kind_analyse(const dl_ctx *ctx, dl_doc *doc, dl_article *art, const char *in, size_t n) {
    dl_article_of_text(art, in, n);
    dl_doc_analyse(ctx, doc, art);
}

static const char *kind_name(int k) {
    switch (k) {
    case DL_TOK_WORD: return "";
    case DL_TOK_NUM: return "/num";
    case DL_TOK_ABBR: return "/abbr";
    case DL_TOK_POSS: return "/poss";
    case DL_TOK_QUOTE: return "/q";
    case DL_TOK_OPEN: return "/open";
    case DL_TOK_CLOSE: return "/close";
    case DL_TOK_DASH: return "/dash";
    case DL_TOK_PUNCT: return "";
    default: return "/sym";
    }
}

/* One line: tokens separated by " | ", each with its kind when not a plain
 * word or punctuation; quotes say open or close. */
int dl_kind_tokens(const dl_ctx *ctx, const char *in, size_t n, dl_buf *out) {
    (void)ctx;
    dl_arena *a = dl_arena_new(0);
    dl_tokens t = {0};
    dl_buf clean = DL_BUF_INIT;       /* as the pipeline does: clean first */
    dl_text_clean(in, n, &clean, NULL);
    in = clean.p ? clean.p : "";
    dl_tokenize(a, in, 0, clean.len, &t);
    for (size_t i = 0; i < t.n; i++) {
        if (i) dl_buf_adds(out, " | ");
        dl_buf_add(out, in + t.v[i].start, t.v[i].end - t.v[i].start);
        dl_buf_adds(out, kind_name(t.v[i].kind));
        if (t.v[i].kind == DL_TOK_QUOTE) dl_buf_adds(out, (t.v[i].flags & DL_TF_QOPEN) ? "-open" : "-close");
    }
    dl_buf_addc(out, '\n');
    dl_buf_free(&clean);
    dl_arena_free(a);
    return 0;
}

/* One line per sentence, its exact text. */
int dl_kind_sentences(const dl_ctx *ctx, const char *in, size_t n, dl_buf *out) {
    (void)ctx;
    dl_arena *a = dl_arena_new(0);
    dl_tokens t = {0};
    dl_sentences s = {0};
    dl_tokenize(a, in, 0, n, &t);
    dl_split_sentences(a, in, t.v, t.n, &s);
    for (size_t i = 0; i < s.n; i++) {
        dl_buf_add(out, in + s.v[i].start, s.v[i].end - s.v[i].start);
        dl_buf_addc(out, '\n');
    }
    dl_arena_free(a);
    return 0;
}

/* "place=... region=... month=.. day=.. date=... rule=... agencies=A:Name,B:Name"
 * then "body=<first 30 bytes of the text after the dateline>"; or "none".
 * A line "published=YYYY-MM-DD" given as the input's first line sets the
 * publication date ("published=2022-11-20\nLONDON, ..."). */
int dl_kind_dateline(const dl_ctx *ctx, const char *in, size_t n, dl_buf *out) {
    dl_doc doc = {0};
    doc.arena = dl_arena_new(0);
    dl_article art;
    char pub[32] = "";
    if (n > 10 && !strncmp(in, "published=", 10)) {
        const char *nl = memchr(in, '\n', n);
        if (nl && (size_t)(nl - in - 10) < sizeof pub) {
            memcpy(pub, in + 10, (size_t)(nl - in - 10));
            pub[nl - in - 10] = 0;
            n -= (size_t)(nl + 1 - in);
            in = nl + 1;
        }
    }
    memset(&art, 0, sizeof art);
    art.text = (char *)in;
    art.text_len = n;
    art.published = pub[0] ? pub : NULL;
    dl_doc_analyse(ctx, &doc, &art);
    const dl_dateline *d = &doc.dateline;
    if (!d->found) {
        dl_buf_adds(out, "none\n");
    } else {
        char date[11];
        dl_date_format(d->date, date);
        dl_buf_printf(out, "place=%s", d->place);
        if (d->byline[0]) dl_buf_printf(out, " byline=%s", d->byline);
        if (d->region[0]) dl_buf_printf(out, " region=%s", d->region);
        if (d->month) dl_buf_printf(out, " month=%d", d->month);
        if (d->day) dl_buf_printf(out, " day=%d", d->day);
        if (date[0]) dl_buf_printf(out, " date=%s", date);
        dl_buf_printf(out, " rule=%s", d->year_rule);
        for (int i = 0; i < d->nagencies; i++)
            dl_buf_printf(out, "%s%s:%s", i ? "," : " agencies=", d->agencies[i].code,
                          d->agencies[i].name ? d->agencies[i].name : "?");
        dl_buf_addc(out, '\n');
        size_t k = doc.len - d->end < 30 ? doc.len - d->end : 30;
        dl_buf_adds(out, "body=");
        dl_buf_add(out, doc.text + d->end, k);
        dl_buf_addc(out, '\n');
    }
    dl_arena_free(doc.arena);
    return 0;
}

/* One line per dropped line: "reason: text"; then "story ends: <last 20 bytes>". */
int dl_kind_boilerplate(const dl_ctx *ctx, const char *in, size_t n, dl_buf *out) {
    dl_doc doc = {0};
    doc.arena = dl_arena_new(0);
    dl_article art;
    dl_kind_analyse(ctx, &doc, &art, in, n);
    for (size_t i = 0; i < doc.boiler.n; i++) {
        dl_buf_printf(out, "%s: ", doc.boiler.v[i].reason);
        dl_buf_add(out, doc.text + doc.boiler.v[i].start, doc.boiler.v[i].end - doc.boiler.v[i].start);
        dl_buf_addc(out, '\n');
    }
    size_t e = doc.body_end, b = e > doc.body_start + 20 ? e - 20 : doc.body_start;
    while (b > doc.body_start && ((unsigned char)doc.text[b] & 0xC0) == 0x80) b--;  /* whole characters */
    dl_buf_adds(out, "story ends: ");
    dl_buf_add(out, doc.text + b, e - b);
    dl_buf_addc(out, '\n');
    dl_arena_free(doc.arena);
    return 0;
}

/* The cleaned and folded text, and the count of invalid bytes. */
int dl_kind_fold(const dl_ctx *ctx, const char *in, size_t n, dl_buf *out) {
    (void)ctx;
    dl_buf clean = DL_BUF_INIT;
    size_t first;
    size_t bad = dl_text_clean(in, n, &clean, &first);
    dl_fold(clean.p ? clean.p : "", clean.len, out);
    dl_buf_printf(out, "\ninvalid=%zu", bad);
    if (bad) dl_buf_printf(out, " first=%zu", first);
    dl_buf_addc(out, '\n');
    dl_buf_free(&clean);
    return 0;
}

/* A publication date as parsed, or "invalid". */
int dl_kind_date(const dl_ctx *ctx, const char *in, size_t n, dl_buf *out) {
    (void)ctx;
    dl_date d;
    char s[11];
    if (dl_date_parse(in, n, &d)) {
        dl_date_format(d, s);
        dl_buf_printf(out, "%s\n", s);
    } else {
        dl_buf_adds(out, "invalid\n");
    }
    return 0;
}
