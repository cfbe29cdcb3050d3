/* text_test.c -- UTF-8 cleaning, offsets, tokens, dates, whole-file reading:
 * properties that case files cannot express. */
#include <criterion/criterion.h>
#include "text/text.h"
#include "util/date.h"
#include "util/arena.h"
#include "util/buf.h"
#include <unistd.h>
#include <stdlib.h>
#include <string.h>

Test(utf8, decode_rejects_overlong_and_surrogates) {
    int32_t cp;
    cr_assert_eq(dl_utf8_decode("\xC0\x80", 2, &cp), 1);
    cr_assert_eq(cp, -1);
    cr_assert_eq(dl_utf8_decode("\xED\xA0\x80", 3, &cp), 1);
    cr_assert_eq(cp, -1);
    cr_assert_eq(dl_utf8_decode("\xF4\x90\x80\x80", 4, &cp), 1);
    cr_assert_eq(cp, -1);
    cr_assert_eq(dl_utf8_decode("\xE2\x80\x99", 3, &cp), 3);
    cr_assert_eq(cp, 0x2019);
    cr_assert_eq(dl_utf8_decode("\xE2\x80", 2, &cp), 1, "truncated at the end of input");
    cr_assert_eq(cp, -1);
}

Test(utf8, encode_decode_round_trip) {
    int32_t cps[] = {0x41, 0xE9, 0x2019, 0x1F600, 0x10FFFF};
    for (size_t i = 0; i < sizeof cps / sizeof *cps; i++) {
        char b[4];
        int n = dl_utf8_encode(cps[i], b);
        int32_t back;
        cr_assert_eq(dl_utf8_decode(b, (size_t)n, &back), n);
        cr_assert_eq(back, cps[i]);
    }
}

Test(utf8, clean_random_bytes_gives_valid_utf8) {
    /* Any byte soup comes out as valid UTF-8 and the count matches. */
    unsigned seed = 12345;
    for (int round = 0; round < 200; round++) {
        char in[64];
        for (int i = 0; i < 64; i++) { seed = seed * 1103515245u + 12345u; in[i] = (char)(seed >> 16); }
        dl_buf out = DL_BUF_INIT;
        dl_text_clean(in, sizeof in, &out, NULL);
        size_t i = 0;
        while (i < out.len) {
            int32_t cp;
            int n = dl_utf8_decode(out.p + i, out.len - i, &cp);
            cr_assert_geq(cp, 0, "output byte %zu invalid", i);
            i += (size_t)n;
        }
        cr_assert_eq(memchr(out.p, 0, out.len), NULL, "NUL bytes become spaces");
        dl_buf_free(&out);
    }
}

Test(tokens, offsets_point_into_the_text) {
    const char *s = "“Two (state) coups,” Mali’s junta said; 1,500 U.S. troops left.";
    dl_arena *a = dl_arena_new(0);
    dl_tokens t = {0};
    dl_tokenize(a, s, 0, strlen(s), &t);
    cr_assert_gt(t.n, 10);
    size_t prev_end = 0;
    for (size_t i = 0; i < t.n; i++) {
        cr_assert_geq(t.v[i].start, prev_end, "tokens do not overlap");
        cr_assert_gt(t.v[i].end, t.v[i].start);
        cr_assert_leq(t.v[i].end, strlen(s));
        /* the folded form of the span is the norm */
        dl_buf f = DL_BUF_INIT;
        dl_fold(s + t.v[i].start, t.v[i].end - t.v[i].start, &f);
        cr_assert_str_eq(f.p, t.v[i].norm);
        dl_buf_free(&f);
        prev_end = t.v[i].end;
    }
    dl_arena_free(a);
}

Test(tokens, sub_range_offsets_are_absolute) {
    const char *s = "HEADER\nThe army left.";
    dl_arena *a = dl_arena_new(0);
    dl_tokens t = {0};
    dl_tokenize(a, s, 7, strlen(s), &t);
    cr_assert_eq(t.n, 4);
    cr_assert_eq(t.v[0].start, 7);
    cr_assert_str_eq(t.v[0].norm, "the");
    cr_assert(t.v[0].flags & DL_TF_CAP);
    dl_arena_free(a);
}

Test(tokens, case_flags) {
    const char *s = "NATO Mali mali";
    dl_arena *a = dl_arena_new(0);
    dl_tokens t = {0};
    dl_tokenize(a, s, 0, strlen(s), &t);
    cr_assert(t.v[0].flags & DL_TF_UPPER);
    cr_assert(t.v[1].flags & DL_TF_CAP);
    cr_assert_not(t.v[1].flags & DL_TF_UPPER);
    cr_assert_not(t.v[2].flags & DL_TF_CAP);
    dl_arena_free(a);
}

Test(tokens, huge_input_no_quadratic_blowup) {
    /* 2 MB of text tokenizes and splits (a guard against crashes on big
     * pages; speed is measured in make bench, not here). */
    size_t n = 2u << 20;
    char *s = malloc(n + 1);
    for (size_t i = 0; i < n; i++) s[i] = "The army left. "[i % 15];
    s[n] = 0;
    dl_arena *a = dl_arena_new(0);
    dl_tokens t = {0};
    dl_sentences ss = {0};
    dl_tokenize(a, s, 0, n, &t);
    dl_split_sentences(a, s, t.v, t.n, &ss);
    cr_assert_gt(ss.n, 100000);
    dl_arena_free(a);
    free(s);
}

Test(date, weekday_and_civil_round_trip) {
    cr_assert_eq(dl_weekday(2022, 11, 14), 0, "2022-11-14 was a Monday");
    cr_assert_eq(dl_weekday(1970, 1, 1), 3);
    cr_assert_eq(dl_weekday(2000, 2, 29), 1);
    for (long z = -800000; z < 800000; z += 997) {
        dl_date d = dl_civil_from_days(z);
        cr_assert_eq(dl_days_from_civil(d.y, d.m, d.d), z);
    }
}

Test(date, month_and_weekday_names) {
    cr_assert_eq(dl_month_from_name("Nov.", 4), 11);
    cr_assert_eq(dl_month_from_name("Sept", 4), 9);
    cr_assert_eq(dl_month_from_name("November", 8), 11);
    cr_assert_eq(dl_month_from_name("No", 2), 0);
    cr_assert_eq(dl_month_from_name("Mayday", 6), 0);
    cr_assert_eq(dl_weekday_from_name("Monday", 6), 0);
    cr_assert_eq(dl_weekday_from_name("Thurs", 5), 3);
    cr_assert_eq(dl_weekday_from_name("Sun", 3), 6);
    /* weekday abbreviations are no months (they were 2, 4 and 3) */
    cr_assert_eq(dl_month_from_name("Tues", 4), 0);
    cr_assert_eq(dl_month_from_name("Thurs.", 6), 0);
    cr_assert_eq(dl_month_from_name("Weds", 4), 0);
    cr_assert_eq(dl_weekday_from_name("Weds", 4), 2);
}

Test(arena, reset_and_big_allocations) {
    dl_arena *a = dl_arena_new(1024);
    for (int i = 0; i < 100; i++) {
        char *p = dl_arena_alloc(a, 100);
        memset(p, 1, 100);
    }
    char *big = dl_arena_alloc(a, 1 << 20);
    memset(big, 2, 1 << 20);
    cr_assert_geq(dl_arena_used(a), (1u << 20) + 100 * 100);
    dl_arena_reset(a);
    cr_assert_eq(dl_arena_used(a), 0);
    char *s = dl_arena_strndup(a, "abcdef", 3);
    cr_assert_str_eq(s, "abc");
    dl_arena_free(a);
}

Test(tokens, ascii_table_agrees_with_classify) {
    for (int c = 0; c < 128; c++)
        cr_assert_eq(dl_tok_classify_ascii(c), dl_tok_classify(c), "character %d", c);
}

/* Inputs that once crashed a parser (found by fuzz/run), replayed here.
 * Each is copied to a buffer of exactly its size, so that AddressSanitizer
 * (make asan) catches any read past the end. */
#include "ingest/dateline.h"
#include <dirent.h>
#include <stdio.h>

Test(regress, dateline_inputs) {
    DIR *d = opendir("tests/regress/dateline");
    if (!d) { cr_skip_test("no tests/regress/dateline"); return; }
    struct dirent *e;
    int n = 0;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.' || !strcmp(e->d_name, "README.md")) continue;
        char p[512];
        snprintf(p, sizeof p, "tests/regress/dateline/%s", e->d_name);
        FILE *f = fopen(p, "rb");
        cr_assert_not_null(f, "%s", p);
        char tmp[65536];
        size_t len = fread(tmp, 1, sizeof tmp, f);
        fclose(f);
        char *exact = malloc(len ? len : 1);
        memcpy(exact, tmp, len);
        dl_dateline dl;
        dl_dateline_parse(exact, len, &dl);
        dl_date pub = {2012, 7, 24}, today = {2026, 11, 29};
        dl_dateline_resolve_year(&dl, pub, exact, len, today);
        free(exact);
        n++;
    }
    closedir(d);
    cr_assert_gt(n, 0);
}

Test(tokens, hash_is_the_hash_of_the_folded_form) {
    /* ASCII tokens hash while folding; others after dl_fold: both must
     * equal dl_hash32(norm), or word-set lookups miss them */
    dl_arena *a = dl_arena_new(0);
    dl_tokens t = {0};
    const char *s = "The ÉLYSÉE said Côte d’Ivoire's U.S. 1,500 troops -- “left”.";
    dl_tokenize(a, s, 0, strlen(s), &t);
    cr_assert_gt(t.n, 8);
    for (size_t i = 0; i < t.n; i++)
        cr_expect_eq(t.v[i].hash, dl_hash32(t.v[i].norm, t.v[i].norm_len), "token %zu '%s'", i, t.v[i].norm);
    dl_arena_free(a);
}

Test(wordset, every_class_of_a_word) {
    static const char *const det[] = {"the", "a", "that", NULL};
    static const char *const sub[] = {"that", "because", NULL};
    static const char *const empty[] = {NULL};
    const dl_wordlist lists[] = {{det, 1}, {sub, 2}, {empty, 4}};
    dl_wordset *ws = dl_wordset_new(lists, 3);
    cr_expect_eq(dl_wordset_get(ws, "the", 3, dl_hash32("the", 3)), 1u);
    cr_expect_eq(dl_wordset_get(ws, "that", 4, dl_hash32("that", 4)), 3u);
    cr_expect_eq(dl_wordset_get(ws, "because", 7, dl_hash32("because", 7)), 2u);
    cr_expect_eq(dl_wordset_get(ws, "th", 2, dl_hash32("th", 2)), 0u);
    cr_expect_eq(dl_wordset_get(ws, "thee", 4, dl_hash32("thee", 4)), 0u);
    /* a length-limited lookup of a longer buffer */
    cr_expect_eq(dl_wordset_get(ws, "thats", 4, dl_hash32("that", 4)), 3u);
    dl_wordset_free(ws);
}

Test(buf, read_file_whole_or_error_naming_the_file) {
    char path[] = "/tmp/dl-read-XXXXXX";
    int fd = mkstemp(path);
    cr_assert(fd >= 0);
    static char big[100000];   /* longer than one read chunk */
    for (size_t i = 0; i < sizeof big; i++) big[i] = (char)('a' + i % 26);
    cr_assert_eq(write(fd, big, sizeof big), (ssize_t)sizeof big);
    close(fd);
    size_t len = 0;
    char *err = NULL;
    char *s = dl_read_file(path, &len, &err);
    cr_assert_not_null(s);
    cr_expect_eq(len, sizeof big);
    cr_expect_eq(memcmp(s, big, sizeof big), 0);
    cr_expect_eq(s[len], 0, "NUL-terminated");
    free(s);
    cr_assert_eq(truncate(path, 0), 0);
    s = dl_read_file(path, NULL, &err);
    cr_assert_not_null(s, "an empty file is an empty string");
    cr_expect_str_eq(s, "");
    free(s);
    unlink(path);
    cr_expect_null(dl_read_file(path, NULL, &err));
    cr_assert_not_null(err);
    char want[64];
    snprintf(want, sizeof want, "%s: cannot open: ", path);
    cr_expect(!strncmp(err, want, strlen(want)), "error was: %s", err);
    free(err);
}
