/* jsonw_test.c -- dl_json_write is byte-identical to json_dumps(COMPACT, REAL_PRECISION(10)). */
#include <criterion/criterion.h>
#include "util/jsonw.h"
#include "core/doc.h"
#include "ingest/reader.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void same(json_t *v) {
    char *want = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY | JSON_REAL_PRECISION(10));
    dl_buf got = DL_BUF_INIT;
    dl_json_write(&got, v);
    cr_assert_str_eq(got.p, want);
    free(want);
    dl_buf_free(&got);
}

Test(jsonw, values_match_json_dumps) {
    json_t *o = json_pack("{s:s, s:i, s:I, s:f, s:f, s:f, s:b, s:n, s:[s,s,{}], s:{}, s:s}",
                          "text", "a \"quoted\" \\ back/slash\n\t\x01 tab “curly” é", "zero", 0,
                          "neg", (json_int_t)-1234567890123LL, "pi", 3.14159, "whole", 2.0, "tiny", 1e-300,
                          "yes", 1, "none", "list", "x", "", "empty", "ctl", "\x1f\x7f");
    cr_assert_not_null(o);
    same(o);
    json_decref(o);
    json_t *i = json_integer(INT64_MIN);
    same(i);
    json_decref(i);
    /* whole numbers take a fast path: its edges */
    const double reals[] = {0.0, -0.0, 1.0, -16.0, 123456789.0, 999999999.0, 9999999999.0, -9999999999.0,
                            1e10, -1e10, 12345678901.0, 1e15, 4.0000000001, 0.5, -2.5, 1e-7};
    for (size_t k = 0; k < sizeof reals / sizeof *reals; k++) {
        json_t *r = json_real(reals[k]);
        same(r);
        json_decref(r);
    }
}

Test(jsonw, decimals_match_json_dumps) {
    /* the fast paths for whole numbers and for one to four decimal places,
     * and their edges (near-decimals, tiny and huge values), against
     * jansson on 300,000 values */
    unsigned seed = 7;
    for (long i = 0; i < 300000; i++) {
        seed = seed * 1103515245u + 12345u;
        unsigned r = seed >> 8;
        double d;
        switch (i % 6) {
        case 0: d = (double)((long)(r % 2000001) - 1000000) / 1000.0; break;        /* tone */
        case 1: d = (double)((long)(r % 3600001) - 1800000) / 10000.0; break;       /* coordinates */
        case 2: d = ((double)(r % 1000003) / 1000003.0 - 0.5) * pow(10, (double)(int)(r % 14) - 5); break;
        case 3: d = (double)(r % 2000001) / 1000.0 * (1 + ((double)(int)(r % 21) - 10) * 1e-12); break;
        case 4: d = (double)(r % 100000) / 10000.0 + 1e-9; break;
        default: d = 100.0 * (double)(r % 50) / (double)(r % 300 + 1); break;
        }
        json_t *v = json_real(d);
        same(v);
        json_decref(v);
    }
}

Test(jsonw, pipeline_output_matches_json_dumps) {
    const char *path = "../shared/examples/mali.txt";
    if (access(path, R_OK) != 0) { cr_skip_test("%s not found; skipped", path); return; }
    const char *paths[] = {path, "examples"};
    dl_reader *r = dl_reader_new(paths, access("examples", R_OK) == 0 ? 2 : 1, NULL);
    dl_ctx ctx;
    char *err = NULL;
    char home[4096];
    cr_assert_eq(dl_ctx_load(&ctx, dl_home(NULL, home, sizeof home), &err), 0, "%s", err ? err : "");
    dl_doc doc = {0};
    doc.arena = dl_arena_new(0);
    dl_article a;
    int n = 0;
    while (dl_reader_next(r, &a) == DL_READ_OK) {
        dl_doc_analyse(&ctx, &doc, &a);
        json_t *o = dl_doc_to_json(&doc);
        same(o);
        json_decref(o);
        dl_article_clear(&a);
        n++;
    }
    cr_assert_gt(n, 0);
    dl_arena_free(doc.arena);
    dl_reader_free(r);
    dl_ctx_free(&ctx);
}
