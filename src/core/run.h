/* run.h -- drive the pipeline over a reader, in parallel, in input order.
 *
 * Shared by `dateline code` and `dateline ingest`: the main thread reads a
 * batch of articles while worker threads analyse the batch before it; each
 * analysed article is handed to `emit` on the main thread, in input order,
 * so output does not depend on the number of threads.  Memory is bounded by
 * two batches (DL_RUN_BATCH articles or DL_RUN_BATCH_BYTES of text each,
 * plus one record of at most the reader's size limit), whatever the input.
 *
 *   dl_run_opts o = {.jobs = 4, .dump = 1};
 *   dl_run(&ctx, reader, &o, emit, on_error, user, &stats);
 *
 * emit receives the article, its JSON object (dl_doc_to_json; NULL with
 * .discard) and, with .dump, the object already serialised as one compact
 * line (made by the worker, so serialisation runs in parallel too), and with
 * .keep_text the cleaned text the object's offsets refer to.  emit
 * returns 0 to go on or non-zero to stop the run.  on_error receives each
 * record the reader could not read (article->error set).
 */
#ifndef DL_RUN_H
#define DL_RUN_H
#include "doc.h"
#include "../ingest/reader.h"

#define DL_RUN_BATCH 256
#define DL_RUN_BATCH_BYTES (32u << 20)   /* a batch also stops at 32 MB of text */

typedef struct dl_run_opts {
    int jobs;       /* worker threads; <= 1 runs everything on the calling thread */
    int dump;       /* serialise each object to a line in the worker, which
                       then frees the object: emit gets the line, obj NULL */
    int discard;    /* analyse only: no JSON object (benchmarks) */
    int keep_text;  /* hand emit the cleaned working text (offsets refer to it) */
} dl_run_opts;

typedef struct dl_run_stats {
    long articles;  /* analysed and emitted */
    long errors;    /* records the reader could not read, pages that failed to extract */
    long no_body;   /* web pages without an article body: reported through
                       on_error like errors, but counted here, not there */
    long warnings;  /* warnings over all articles */
} dl_run_stats;

/* text/text_len: the article's cleaned working text with .keep_text, else NULL/0. */
typedef int (*dl_emit_fn)(void *user, const dl_article *art, json_t *obj, const char *line, const char *text,
                          size_t text_len);
typedef void (*dl_error_fn)(void *user, const dl_article *art);

int dl_run(const dl_ctx *ctx, dl_reader *r, const dl_run_opts *opts, dl_emit_fn emit, dl_error_fn on_error,
           void *user, dl_run_stats *stats);

#endif
