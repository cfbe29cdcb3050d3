/* pipeline_fuzz.c -- libFuzzer harness: any bytes as an article's text
 * through the whole pipeline with every dictionary loaded (actors, verbs,
 * gazetteer, tone), then to JSON.  text_fuzz.c runs the text layer alone;
 * this one reaches the actor finder, the clause analysis, the coder and
 * the knowledge finders.  The dictionaries are loaded once, from the
 * repository (run from its root, as fuzz/run does). */
#include "core/doc.h"
#include "util/jsonw.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* libFuzzer calls the test function many times in one process: the loaded
 * context is the harness's only state, read-only after initialisation. */
static dl_ctx ctx;

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    char *err = NULL;
    if (dl_ctx_load(&ctx, ".", &err) != 0) {
        fprintf(stderr, "pipeline_fuzz: %s\n", err ? err : "cannot load the dictionaries");
        abort();
    }
    ctx.today.y = 2026, ctx.today.m = 11, ctx.today.d = 29;
    ctx.sentence_text = 1;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    dl_article art;
    dl_article_of_text(&art, (const char *)data, size);
    dl_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.arena = dl_arena_new(4096);
    dl_doc_analyse(&ctx, &doc, &art);
    json_t *o = dl_doc_to_json(&doc);
    if (!o) abort();
    dl_buf b = DL_BUF_INIT;
    dl_json_write(&b, o);
    dl_buf_free(&b);
    json_decref(o);
    dl_arena_free(doc.arena);
    return 0;
}
