/* text_fuzz.c -- libFuzzer harness: any bytes as an article's text through
 * the text stages of the pipeline (cleaning, dateline, boilerplate, tokens,
 * sentences, year resolution) and the JSON output. */
#include "core/doc.h"
#include "util/jsonw.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    dl_ctx ctx;
    memset(&ctx, 0, sizeof ctx);
    ctx.today.y = 2026, ctx.today.m = 11, ctx.today.d = 29;
    ctx.sentence_text = 1;
    dl_article art;
    dl_article_of_text(&art, (const char *)data, size);
    dl_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.arena = dl_arena_new(4096);
    dl_doc_analyse(&ctx, &doc, &art);
    /* invariants: spans inside the text, in order */
    for (size_t i = 0; i < doc.toks.n; i++)
        if (doc.toks.v[i].end > doc.len || doc.toks.v[i].start >= doc.toks.v[i].end) abort();
    for (size_t i = 0; i < doc.sents.n; i++)
        if (doc.sents.v[i].end > doc.len || (i && doc.sents.v[i].start < doc.sents.v[i - 1].end)) abort();
    json_t *o = dl_doc_to_json(&doc);
    if (!o) abort();
    dl_buf b = DL_BUF_INIT;
    dl_json_write(&b, o);
    dl_buf_free(&b);
    json_decref(o);
    dl_arena_free(doc.arena);
    return 0;
}
