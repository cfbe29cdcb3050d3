/* doc.h -- one article under analysis, and the context shared by a run.
 *
 * dl_ctx holds what is loaded once and read by every article (dictionaries,
 * gazetteer, options).  It is never written while articles are processed, so
 * threads may share one.  dl_doc holds everything derived from one article;
 * its memory comes from doc->arena, reset between articles.
 *
 * Stages fill the doc in order (pipeline.c):
 *   clean text -> dateline -> boilerplate -> tokens -> sentences
 *   -> actors -> events -> knowledge
 * and each stage adds its own keys to the output object (dl_doc_to_json).
 * Later stages hang their results on the typed pointers below; a NULL
 * pointer means the stage did not run.
 */
#ifndef DL_DOC_H
#define DL_DOC_H
#include <stddef.h>
#include <jansson.h>
#include "../util/arena.h"
#include "../util/date.h"
#include "../text/text.h"
#include "../ingest/article.h"
#include "../ingest/dateline.h"
#include "../ingest/boiler.h"

struct dl_actor_dict;
struct dl_verb_dict;
struct dl_gazetteer;
struct dl_actor_set;
struct dl_event_set;
struct dl_know;

typedef struct dl_ctx {
    dl_date today;                 /* latest year allowed by the weekday rule */
    int sentence_text;             /* --sentences: include sentence text */
    int stages;                    /* DL_STAGE_* bits: which stages run */
    struct dl_actor_dict *actors;  /* NULL when not loaded */
    struct dl_verb_dict *verbs;
    struct dl_gazetteer *gazetteer;
} dl_ctx;

enum {
    DL_STAGE_TEXT    = 1 << 0,   /* always */
    DL_STAGE_ACTORS  = 1 << 1,
    DL_STAGE_EVENTS  = 1 << 2,
    DL_STAGE_KNOW    = 1 << 3
};

typedef struct dl_warning {
    const char *code;     /* "invalid-utf8", "empty", ... */
    char *message;        /* arena */
} dl_warning;

typedef struct dl_doc {
    dl_arena *arena;
    const dl_ctx *ctx;
    const dl_article *art;
    char *text;                  /* working text (clean UTF-8, NFC), arena */
    size_t len;
    size_t invalid_bytes;        /* replacements made while cleaning */
    char id[40];                 /* article id or "h" + content hash */
    dl_date published;           /* parsed publication date (y == 0 unknown) */
    dl_date date;                /* the article's date: published, else dateline */
    dl_dateline dateline;
    dl_boiler boiler;
    size_t body_start, body_end; /* the story: after the dateline, before boilerplate */
    dl_tokens toks;
    dl_sentences sents;
    dl_warning *warnings;
    size_t nwarnings, capwarnings;
    struct dl_actor_set *actors;
    struct dl_event_set *events;
    struct dl_know *know;
} dl_doc;

/* Analyse one article with every stage ctx->stages asks for.  doc->arena
 * must be set; the doc is reset first. */
void dl_doc_analyse(const dl_ctx *ctx, dl_doc *doc, const dl_article *art);

/* The article as one JSON object (the `dateline code` output). */
json_t *dl_doc_to_json(const dl_doc *doc);

/* A span of the working text as JSON: the string alone, or the "text",
 * "start" and "end" members every span-carrying output object begins with.
 * Shared by the stages' JSON writers. */
json_t *dl_span_text(const dl_doc *doc, size_t start, size_t end);
json_t *dl_span_object(const dl_doc *doc, size_t start, size_t end);

/* Add a warning to the doc (message printf-style). */
void dl_doc_warn(dl_doc *doc, const char *code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Stable content id: "h" + 16 hex digits of a 64-bit FNV-1a hash of the text. */
void dl_content_id(const char *text, size_t n, char out[18]);

#endif

/* ---- context (ctx.c) ---- */

/* Initialise ctx with defaults (today's date, every stage whose data loads)
 * and load the dictionaries found under `home` (the directory holding
 * dict/ and data/; see dl_home()).  Returns 0, or -1 with *err (malloc'd). */
int dl_ctx_load(dl_ctx *ctx, const char *home, char **err);
void dl_ctx_free(dl_ctx *ctx);
/* Add a user dictionary after dl_ctx_load: kind "actors" or "agents" (TABARI
 * or PETRARCH actor/agent files), "verbs" (TABARI .verbs or PETRARCH
 * CAMEO.*.txt).  Returns 0, or -1 with *err (malloc'd) naming file and line. */
int dl_ctx_add_file(dl_ctx *ctx, const char *kind, const char *path, char **err);
/* Where dict/ and data/ live: $DATELINE_HOME, else the directory above the
 * executable's (build/dateline -> the repo), else the compiled-in
 * DL_DATADIR.  Returns a static-lifetime string owned by the caller's buf. */
const char *dl_home(const char *argv0, char *buf, size_t cap);
