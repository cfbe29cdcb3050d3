/* pipeline.c -- run the stages over one article and print the result.
 *
 * The order matters and is fixed: cleaning first (every offset refers to
 * the cleaned text), then the dateline (so it is never part of a
 * sentence), then boilerplate (so a bio is never coded), then tokens and
 * sentences over the story only, then the year of the dateline (which needs
 * the first sentences), then the later stages.
 */
#include "doc.h"
#include "../util/buf.h"
#include "../actor/actor.h"
#include "../event/event.h"
#include "../know/know.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void dl_content_id(const char *text, size_t n, char out[18]) {
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)text[i];
        h *= 0x100000001b3ULL;
    }
    /* "h%016llx" without snprintf, which costs as much as hashing 250 bytes */
    static const char hex[] = "0123456789abcdef";
    out[0] = 'h';
    for (int i = 0; i < 16; i++)
        out[1 + i] = hex[(h >> (60 - 4 * i)) & 15];
    out[17] = 0;
}

void dl_doc_warn(dl_doc *doc, const char *code, const char *fmt, ...) {
    if (doc->nwarnings == doc->capwarnings) {
        size_t cap = doc->capwarnings ? doc->capwarnings * 2 : 4;
        dl_warning *v = dl_arena_alloc(doc->arena, cap * sizeof *v);
        if (doc->nwarnings) memcpy(v, doc->warnings, doc->nwarnings * sizeof *v);
        doc->warnings = v;
        doc->capwarnings = cap;
    }
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    doc->warnings[doc->nwarnings].code = code;
    doc->warnings[doc->nwarnings].message = dl_arena_strdup(doc->arena, msg);
    doc->nwarnings++;
}

/* The first sentences of the story, for the weekday rule. */
static size_t lead_end(const dl_doc *doc) {
    if (doc->sents.n == 0) return doc->body_start;
    size_t k = doc->sents.n < 3 ? doc->sents.n : 3;
    return doc->sents.v[k - 1].end;
}

void dl_doc_analyse(const dl_ctx *ctx, dl_doc *doc, const dl_article *art) {
    dl_arena *arena = doc->arena;
    dl_arena_reset(arena);
    memset(doc, 0, sizeof *doc);
    doc->arena = arena;
    doc->ctx = ctx;
    doc->art = art;

    dl_buf clean = DL_BUF_INIT;
    size_t first_bad;
    doc->invalid_bytes = dl_text_clean(art->text ? art->text : "", art->text_len, &clean, &first_bad);
    doc->text = dl_arena_strndup(arena, clean.p ? clean.p : "", clean.len);
    doc->len = clean.len;
    dl_buf_free(&clean);
    if (doc->invalid_bytes)
        dl_doc_warn(doc, "invalid-utf8", "%zu invalid UTF-8 byte(s) replaced with U+FFFD, the first at byte %zu",
                    doc->invalid_bytes, first_bad);

    if (art->id && art->id[0]) snprintf(doc->id, sizeof doc->id, "%s", art->id);
    else dl_content_id(doc->text, doc->len, doc->id);
    if (art->id && strlen(art->id) >= sizeof doc->id)
        dl_doc_warn(doc, "long-id", "article id longer than %zu bytes, truncated", sizeof doc->id - 1);

    if (art->published && art->published[0]) {
        if (!dl_date_parse(art->published, strlen(art->published), &doc->published))
            dl_doc_warn(doc, "bad-date", "publication date \"%.60s\" not understood", art->published);
    }

    if (dl_dateline_parse(doc->text, doc->len, &doc->dateline)) doc->body_start = doc->dateline.end;
    dl_boiler_find(arena, doc->text, doc->body_start, doc->len, &doc->boiler);
    doc->body_end = doc->boiler.body_end;
    if (doc->body_end < doc->body_start) doc->body_end = doc->body_start;

    dl_tokenize(arena, doc->text, doc->body_start, doc->body_end, &doc->toks);
    dl_split_sentences(arena, doc->text, doc->toks.v, doc->toks.n, &doc->sents);
    if (doc->toks.n == 0) dl_doc_warn(doc, "empty", "article has no text");

    if (doc->dateline.found) {
        size_t le = lead_end(doc);
        dl_dateline_resolve_year(&doc->dateline, doc->published, doc->text + doc->body_start,
                                 le - doc->body_start, ctx->today);
    }
    doc->date = doc->published.y ? doc->published : doc->dateline.date;

    /* HOOK stages */
    if ((ctx->stages & DL_STAGE_ACTORS) && ctx->actors) dl_actors_find(ctx, doc);
    if ((ctx->stages & DL_STAGE_EVENTS) && ctx->verbs) dl_events_code(ctx, doc);   /* after actors */
    if (ctx->stages & DL_STAGE_KNOW) dl_know_run(ctx, doc);   /* last: reads actors and events */
}

static void set_str(json_t *o, const char *k, const char *v) {
    if (v) json_object_set_new(o, k, json_string(v));
    else json_object_set_new(o, k, json_null());
}

/* JSON strings from bytes that are valid UTF-8 (the working text is). */
json_t *dl_span_text(const dl_doc *doc, size_t start, size_t end) {
    return json_stringn(doc->text + start, end - start);
}

json_t *dl_span_object(const dl_doc *doc, size_t start, size_t end) {
    json_t *o = json_object();
    json_object_set_new_nocheck(o, "text", dl_span_text(doc, start, end));
    json_object_set_new_nocheck(o, "start", json_integer((json_int_t)start));
    json_object_set_new_nocheck(o, "end", json_integer((json_int_t)end));
    return o;
}

json_t *dl_doc_to_json(const dl_doc *doc) {
    const dl_article *art = doc->art;
    json_t *o = json_object();
    json_object_set_new_nocheck(o, "id", json_string(doc->id));
    /* Input strings may hold invalid UTF-8 (jansson then returns NULL);
     * clean them the same way as the text. */
    const char *fields[][2] = {{"title", art->title}, {"url", art->url}, {"source", art->source},
                               {"language", art->language}, {"author", art->author}};
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++) {
        if (!fields[i][1]) { if (i == 0) json_object_set_new_nocheck(o, "title", json_null()); continue; }
        dl_buf b = DL_BUF_INIT;
        dl_text_clean(fields[i][1], strlen(fields[i][1]), &b, NULL);
        json_object_set_new(o, fields[i][0], json_stringn(b.p ? b.p : "", b.len));
        dl_buf_free(&b);
    }
    char d[11];
    if (art->published) {
        dl_buf b = DL_BUF_INIT;
        dl_text_clean(art->published, strlen(art->published), &b, NULL);
        json_object_set_new_nocheck(o, "published", json_stringn(b.p ? b.p : "", b.len));
        dl_buf_free(&b);
    } else {
        json_object_set_new_nocheck(o, "published", json_null());
    }
    dl_date_format(doc->date, d);
    if (d[0]) json_object_set_new_nocheck(o, "date", json_string(d));
    else json_object_set_new_nocheck(o, "date", json_null());
    if (art->origin) {
        json_t *from = json_object();
        json_object_set_new_nocheck(from, "file", json_string(art->origin));
        if (art->line > 0) json_object_set_new_nocheck(from, "line", json_integer(art->line));
        if (art->offset >= 0) json_object_set_new_nocheck(from, "offset", json_integer(art->offset));
        if (art->kind) json_object_set_new_nocheck(from, "format", json_string(art->kind));
        json_object_set_new_nocheck(o, "input", from);
    }

    const dl_dateline *dl = &doc->dateline;
    if (dl->found) {
        json_t *j = json_object();
        json_object_set_new_nocheck(j, "text", dl_span_text(doc, dl->start, dl->end));
        json_object_set_new_nocheck(j, "start", json_integer((json_int_t)dl->start));
        json_object_set_new_nocheck(j, "end", json_integer((json_int_t)dl->end));
        json_object_set_new_nocheck(j, "place", dl->place[0] ? json_string(dl->place) : json_null());
        json_object_set_new_nocheck(j, "place_raw", dl->place_raw[0] ? json_string(dl->place_raw) : json_null());
        if (dl->region[0]) json_object_set_new_nocheck(j, "region", json_string(dl->region));
        if (dl->byline[0]) json_object_set_new_nocheck(j, "byline", json_string(dl->byline));
        json_object_set_new_nocheck(j, "month", dl->month ? json_integer(dl->month) : json_null());
        json_object_set_new_nocheck(j, "day", dl->day ? json_integer(dl->day) : json_null());
        dl_date_format(dl->date, d);
        json_object_set_new_nocheck(j, "date", d[0] ? json_string(d) : json_null());
        json_object_set_new_nocheck(j, "year_rule", json_string(dl->year_rule));
        json_t *ag = json_array();
        for (int i = 0; i < dl->nagencies; i++) {
            json_t *a = json_object();
            json_object_set_new_nocheck(a, "code", json_string(dl->agencies[i].code));
            set_str(a, "name", dl->agencies[i].name);
            json_array_append_new(ag, a);
        }
        json_object_set_new_nocheck(j, "agencies", ag);
        json_object_set_new_nocheck(o, "dateline", j);
    } else {
        json_object_set_new_nocheck(o, "dateline", json_null());
    }

    json_t *sents = json_array();
    for (size_t i = 0; i < doc->sents.n; i++) {
        const dl_sentence *s = &doc->sents.v[i];
        json_t *j = json_object();
        json_object_set_new_nocheck(j, "start", json_integer(s->start));
        json_object_set_new_nocheck(j, "end", json_integer(s->end));
        if (doc->ctx->sentence_text) json_object_set_new_nocheck(j, "text", dl_span_text(doc, s->start, s->end));
        json_array_append_new(sents, j);
    }
    json_object_set_new_nocheck(o, "sentences", sents);

    json_t *bp = json_array();
    for (size_t i = 0; i < doc->boiler.n; i++) {
        const dl_boiler_item *b = &doc->boiler.v[i];
        json_t *j = json_object();
        json_object_set_new_nocheck(j, "start", json_integer((json_int_t)b->start));
        json_object_set_new_nocheck(j, "end", json_integer((json_int_t)b->end));
        json_object_set_new_nocheck(j, "reason", json_string(b->reason));
        json_object_set_new_nocheck(j, "text", dl_span_text(doc, b->start, b->end));
        json_array_append_new(bp, j);
    }
    json_object_set_new_nocheck(o, "boilerplate", bp);

    /* HOOK json */
    dl_actors_json(doc, o);
    dl_events_json(doc, o);
    dl_know_json(doc, o);

    json_t *w = json_array();
    for (size_t i = 0; i < doc->nwarnings; i++) {
        json_t *j = json_object();
        json_object_set_new_nocheck(j, "code", json_string(doc->warnings[i].code));
        json_object_set_new_nocheck(j, "message", json_string(doc->warnings[i].message));
        json_array_append_new(w, j);
    }
    json_object_set_new_nocheck(o, "warnings", w);
    if (art->meta) json_object_set(o, "meta", art->meta);
    return o;
}
