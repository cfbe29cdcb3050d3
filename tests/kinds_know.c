/* kinds_know.c -- case-file renderers for the knowledge stage.
 *
 * Each input is an article text; a first line "published=YYYY-MM-DD" sets
 * its publication date (for the dates kind).  The renderers print what
 * does not depend on the actor stage's coverage (speaker text as written,
 * not the resolved name; counts without their actor), so the cases test
 * this stage alone.
 */
#include "kinds.h"
#include "event/casefile.h"
#include "know/know.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

static void analyse(const dl_ctx *ctx, dl_doc *doc, dl_article *art, const char *in, size_t n, char pub[32]) {
    dl_case_published(&in, &n, pub);
    dl_article_of_text(art, in, n);
    art->published = pub[0] ? pub : NULL;
    dl_doc_analyse(ctx, doc, art);
}

#define RUN_KIND(body)                                             \
    dl_doc doc = {0};                                              \
    doc.arena = dl_arena_new(0);                                   \
    dl_article art;                                                \
    char pub[32];                                                  \
    analyse(ctx, &doc, &art, in, n, pub);                          \
    if (!doc.know) {                                               \
        dl_buf_adds(out, "knowledge stage did not run");           \
        dl_arena_free(doc.arena);                                  \
        return -1;                                                 \
    }                                                              \
    body                                                           \
    dl_arena_free(doc.arena);                                      \
    return 0;

/* "direct|partial «TEXT» speaker=TEXT verb=VERB" or "speaker=-". */
int dl_kind_quotes(const dl_ctx *ctx, const char *in, size_t n, dl_buf *out) {
    RUN_KIND(
        for (size_t i = 0; i < doc.know->quotes.n; i++) {
            const dl_quote *q = &doc.know->quotes.v[i];
            dl_buf_printf(out, "%s «%s» speaker=%s", q->partial ? "partial" : "direct", q->text,
                          q->speaker.found ? q->speaker.text : "-");
            if (*q->verb) dl_buf_printf(out, " verb=%s", q->verb);
            dl_buf_addc(out, '\n');
        }
        if (!doc.know->quotes.n) dl_buf_adds(out, "none\n");
    )
}

/* "VALUE TYPE «OBJECT»" (+ " vague", + " CUR" for money), or "none". */
int dl_kind_counts(const dl_ctx *ctx, const char *in, size_t n, dl_buf *out) {
    RUN_KIND(
        for (size_t i = 0; i < doc.know->counts.n; i++) {
            const dl_count *c = &doc.know->counts.v[i];
            dl_buf_printf(out, "%.15g %s", c->value, *c->type ? c->type : "-");
            if (*c->object) dl_buf_printf(out, " «%s»", c->object);
            if (*c->currency) dl_buf_printf(out, " %s", c->currency);
            if (c->vague) dl_buf_adds(out, " vague");
            dl_buf_addc(out, '\n');
        }
        if (!doc.know->counts.n) dl_buf_adds(out, "none\n");
    )
}

static const char *pk_name(char k) {
    return k == DL_PK_COUNTRY ? "country" : k == DL_PK_ADM1 ? "adm1" : k == DL_PK_REGION ? "region" : "city";
}

/* "TEXT = NAME COUNTRY KIND LAT,LON" (two decimals), or "none". */
int dl_kind_places(const dl_ctx *ctx, const char *in, size_t n, dl_buf *out) {
    RUN_KIND(
        for (size_t i = 0; i < doc.know->places.n; i++) {
            const dl_place_mention *m = &doc.know->places.v[i];
            const dl_gaz_place *p = m->place;
            dl_buf_adds(out, "");
            dl_buf_add(out, doc.text + m->start, m->end - m->start);
            dl_buf_printf(out, " = %s %s %s %.2f,%.2f\n", p->name, *p->country ? p->country : "-",
                          pk_name(p->kind), p->lat, p->lon);
        }
        if (!doc.know->places.n) dl_buf_adds(out, "none\n");
    )
}

/* "TEXT = DATE RESOLUTION" (DATE "?" when unresolved), or "none". */
int dl_kind_dates(const dl_ctx *ctx, const char *in, size_t n, dl_buf *out) {
    static const char *const res[] = { "", "day", "week", "month", "year" };
    RUN_KIND(
        for (size_t i = 0; i < doc.know->dates.n; i++) {
            const dl_when *w = &doc.know->dates.v[i];
            char d[11];
            dl_date_format(w->date, d);
            dl_buf_add(out, doc.text + w->start, w->end - w->start);
            dl_buf_printf(out, " = %s %s\n", d[0] ? d : "?", res[w->res]);
        }
        if (!doc.know->dates.n) dl_buf_adds(out, "none\n");
    )
}

/* One decimal, never "-0.0". */
static double d1(double x) {
    double r = round(x * 10.0) / 10.0;
    return r == 0 ? 0 : r;
}

/* "tone=T positive=P negative=N words=W" for the article (one decimal),
 * then "sentence K: tone=T" for each sentence. */
int dl_kind_tone(const dl_ctx *ctx, const char *in, size_t n, dl_buf *out) {
    RUN_KIND(
        const dl_tone *t = &doc.know->tone;
        dl_buf_printf(out, "tone=%.1f positive=%.1f negative=%.1f words=%ld\n", d1(t->tone), d1(t->positive),
                      d1(t->negative), t->words);
        for (size_t s = 0; doc.sents.n > 1 && s < doc.sents.n; s++)
            dl_buf_printf(out, "sentence %zu: tone=%.1f\n", s + 1, d1(doc.know->sent_tone[s].tone));
    )
}
