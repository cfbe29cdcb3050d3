/* corpus_test.c -- checks on the shared third-party corpora (../shared).
 * Each test skips with a one-line notice when the corpus is absent, so a
 * plain clone passes. */
#include <criterion/criterion.h>
#include "ingest/reader.h"
#include "core/doc.h"
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#define REUTERS "../shared/corpora/reuters21578/reuters21578.jsonl.gz"
#define MALI "../shared/examples/mali.txt"

static int have(const char *path) {
    if (access(path, R_OK) == 0) return 1;
    cr_skip_test("%s not found; skipped", path);
    return 0;
}

/* The expected place of a Reuters-21578 record: its DATELINE field up to
 * the first comma (or the " -" separator), trimmed. */
static int expected_place(const char *dl, char *out, size_t cap) {
    while (*dl == ' ' || *dl == '\n') dl++;
    size_t n = strcspn(dl, ",");
    const char *dash = strstr(dl, " -");
    if (dash && (size_t)(dash - dl) < n) n = (size_t)(dash - dl);
    while (n && isspace((unsigned char)dl[n - 1])) n--;
    /* "JOHANNESBURG March 13": a date without the comma is not place */
    for (size_t k = 0; k < n; k++)
        if (dl[k] == ' ' && k + 1 < n && dl_month_from_name(dl + k + 1, strcspn(dl + k + 1, " ")) &&
            strpbrk(dl + k + 1, "0123456789") && (size_t)(strpbrk(dl + k + 1, "0123456789") - dl) < n) {
            n = k;
            break;
        }
    if (!n || n >= cap) return 0;
    memcpy(out, dl, n);
    out[n] = 0;
    return 1;
}

Test(corpus, reuters_datelines_parse_with_the_right_place) {
    if (!have(REUTERS)) return;
    const char *paths[] = {REUTERS};
    dl_reader *r = dl_reader_new(paths, 1, NULL);
    dl_ctx ctx = {0};
    ctx.today = dl_date_today();
    dl_doc doc = {0};
    doc.arena = dl_arena_new(0);
    dl_article a;
    long with = 0, right = 0, shown = 0;
    while (dl_reader_next(r, &a) == DL_READ_OK) {
        json_t *d = a.meta ? json_object_get(a.meta, "dateline") : NULL;
        char want[128];
        if (json_is_string(d) && expected_place(json_string_value(d), want, sizeof want)) {
            with++;
            dl_doc_analyse(&ctx, &doc, &a);
            if (doc.dateline.found && strcasecmp(doc.dateline.place_raw, want) == 0) right++;
            else if (shown++ < 5)
                fprintf(stderr, "reuters miss %s: want '%s' got '%s'\n", a.id, want,
                        doc.dateline.found ? doc.dateline.place_raw : "(none)");
        }
        dl_article_clear(&a);
    }
    dl_arena_free(doc.arena);
    dl_reader_free(r);
    double rate = with ? (double)right / (double)with : 0;
    fprintf(stderr, "reuters datelines: %ld of %ld parsed with the right place (%.2f%%)\n", right, with, 100 * rate);
    cr_assert_gt(with, 19000);
    cr_assert_geq(rate, 0.99, "dateline place accuracy %.4f below 0.99", rate);
}

Test(corpus, mali_example_dateline_and_boilerplate) {
    if (!have(MALI)) return;
    const char *paths[] = {MALI};
    dl_reader *r = dl_reader_new(paths, 1, NULL);
    dl_article a;
    cr_assert_eq(dl_reader_next(r, &a), DL_READ_OK);
    dl_ctx ctx = {0};
    dl_date today = {2026, 11, 29};
    ctx.today = today;
    dl_doc doc = {0};
    doc.arena = dl_arena_new(0);
    dl_doc_analyse(&ctx, &doc, &a);
    const dl_dateline *d = &doc.dateline;
    cr_assert(d->found);
    cr_assert_str_eq(d->place, "London");
    cr_assert_eq(d->date.y, 2022);
    cr_assert_eq(d->date.m, 11);
    cr_assert_eq(d->date.d, 14);
    cr_assert_str_eq(d->year_rule, "weekday");
    cr_assert_eq(d->nagencies, 2);
    cr_assert_str_eq(d->agencies[0].name, "Deutsche Presse-Agentur");
    cr_assert_str_eq(d->agencies[1].name, "Europa Press");
    cr_assert_eq(doc.boiler.n, 1);
    cr_assert_str_eq(doc.boiler.v[0].reason, "bio");
    cr_assert_eq(doc.sents.n, 10);
    for (size_t i = 0; i < doc.sents.n; i++) {
        cr_assert_geq(doc.sents.v[i].start, d->end, "no sentence contains the dateline");
        cr_assert_leq(doc.sents.v[i].end, doc.boiler.v[0].start, "no sentence contains the bio");
    }
    dl_arena_free(doc.arena);
    dl_article_clear(&a);
    dl_reader_free(r);
}
