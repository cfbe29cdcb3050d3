/* warc_test.c -- the streaming WARC reader (src/ingest/warc.c).  Archives
 * are built in memory from our own records; ../shared/corpora/warc is read
 * in place and its tests skip when it is absent. */
#include <criterion/criterion.h>
#include "ingest/warc.h"
#include "util/buf.h"
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#define SHARED_WARC "../shared/corpora/warc"

static void add_record(dl_buf *b, const char *type, const char *extra_headers, const char *block, size_t n) {
    dl_buf_printf(b, "WARC/1.0\r\nWARC-Type: %s\r\n%sContent-Length: %zu\r\n\r\n", type, extra_headers, n);
    dl_buf_add(b, block, n);
    dl_buf_adds(b, "\r\n\r\n");
}

static const char HTML_PAGE[] =
    "<html><head><title>Flood</title></head><body><div class=\"story\">"
    "<p>DHAKA, July 2 (Reuters) - Floods in northern Bangladesh forced thousands of families from their homes on Sunday, officials said.</p>"
    "</div></body></html>";

/* a response with chunked transfer coding */
static void add_chunked_response(dl_buf *b, const char *uri) {
    dl_buf http = DL_BUF_INIT;
    size_t n = sizeof HTML_PAGE - 1, half = n / 2;
    dl_buf_adds(&http, "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=UTF-8\r\nTransfer-Encoding: chunked\r\n\r\n");
    dl_buf_printf(&http, "%zx\r\n", half);
    dl_buf_add(&http, HTML_PAGE, half);
    dl_buf_printf(&http, "\r\n%zx;ext=1\r\n", n - half);
    dl_buf_add(&http, HTML_PAGE + half, n - half);
    dl_buf_adds(&http, "\r\n0\r\n\r\n");
    char hdr[512];
    snprintf(hdr, sizeof hdr, "WARC-Target-URI: <%s>\r\nWARC-Date: 2023-07-02T10:00:00Z\r\n"
             "WARC-Record-ID: <urn:uuid:11111111-2222-3333-4444-555555555555>\r\n"
             "Content-Type: application/http; msgtype=response\r\n", uri);
    add_record(b, "response", hdr, http.p, http.len);
    dl_buf_free(&http);
}

/* a response whose body is gzip-encoded, with LF-only HTTP headers */
static void add_gzip_response(dl_buf *b) {
    const char body[] = "<html><body><p>NAIROBI, Jan 9 (AFP) - Kenya's parliament approved the budget on Tuesday after a long debate about taxes.</p></body></html>";
    unsigned char z[1024];
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    deflateInit2(&zs, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    zs.next_in = (unsigned char *)body;
    zs.avail_in = sizeof body - 1;
    zs.next_out = z;
    zs.avail_out = sizeof z;
    deflate(&zs, Z_FINISH);
    size_t zn = sizeof z - zs.avail_out;
    deflateEnd(&zs);
    dl_buf http = DL_BUF_INIT;
    dl_buf_adds(&http, "HTTP/1.0 200 OK\nContent-Type: text/html\nContent-Encoding: gzip\n\n");
    dl_buf_add(&http, z, zn);
    add_record(b, "response", "WARC-Target-URI: http://example.org/kenya\r\nWARC-Date: 2024-01-09T00:00:00Z\r\n", http.p, http.len);
    dl_buf_free(&http);
}

static void build_archive(dl_buf *b) {
    add_record(b, "warcinfo", "", "software: test\r\n", 16);
    add_record(b, "request", "WARC-Target-URI: http://example.org/flood\r\n", "GET /flood HTTP/1.1\r\n\r\n", 23);
    add_chunked_response(b, "http://example.org/flood");
    add_gzip_response(b);
    add_record(b, "response", "WARC-Target-URI: http://example.org/old\r\n",
               "HTTP/1.1 301 Moved\r\nLocation: /new\r\n\r\n", 38);
    add_record(b, "conversion", "WARC-Target-URI: http://example.org/wet\r\nContent-Type: text/plain\r\n",
               "Plain text of the page.\n", 24);
    add_record(b, "metadata", "", "fetchTimeMs: 12\r\n", 17);
}

/* each record's bytes as its own gzip member */
static void gzip_members(const dl_buf *plain, dl_buf *out) {
    size_t i = 0;
    while (i < plain->len) {
        const char *next = memmem(plain->p + i + 1, plain->len - i - 1, "\r\n\r\nWARC/", 9);
        size_t end = next ? (size_t)(next - plain->p) + 4 : plain->len;
        z_stream zs;
        memset(&zs, 0, sizeof zs);
        deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
        size_t bound = deflateBound(&zs, end - i);
        dl_buf_reserve(out, bound);
        zs.next_in = (unsigned char *)plain->p + i;
        zs.avail_in = (uInt)(end - i);
        zs.next_out = (unsigned char *)out->p + out->len;
        zs.avail_out = (uInt)bound;
        deflate(&zs, Z_FINISH);
        out->len += bound - zs.avail_out;
        deflateEnd(&zs);
        i = end;
    }
}

typedef struct result { int ok, err; char texts[8][256]; char errors[8][256]; char urls[8][128]; char dates[8][40]; char ids[8][64]; } result;

static void read_all(const void *data, size_t n, size_t max, result *r, long *records, long *skipped, long *errors) {
    memset(r, 0, sizeof *r);
    char *err = NULL;
    dl_warc *w = dl_warc_open_prefix(NULL, -1, data, n, &err);
    cr_assert(w, "%s", err ? err : "");
    if (max) dl_warc_set_max(w, max);
    dl_article a = {0};
    int rc;
    while ((rc = dl_warc_next(w, &a)) != DL_READ_EOF) {
        if (rc == DL_READ_OK && r->ok < 8) {
            snprintf(r->texts[r->ok], 256, "%s", a.text ? a.text : "");
            snprintf(r->urls[r->ok], 128, "%s", a.url ? a.url : "");
            snprintf(r->dates[r->ok], 40, "%s", a.published ? a.published : "");
            snprintf(r->ids[r->ok], 64, "%s", a.id ? a.id : "");
            r->ok++;
        } else if (rc == DL_READ_ERROR && r->err < 8) {
            snprintf(r->errors[r->err++], 256, "%s", a.error ? a.error : "(no message)");
        }
        dl_article_clear(&a);
    }
    dl_warc_counts(w, records, skipped, errors);
    dl_warc_close(w);
}

Test(warc, response_conversion_and_skipped_records) {
    dl_buf b = DL_BUF_INIT;
    build_archive(&b);
    result r;
    long rec, skip, errs;
    read_all(b.p, b.len, 0, &r, &rec, &skip, &errs);
    cr_assert_eq(r.ok, 3, "ok %d, errors %d: %s", r.ok, r.err, r.errors[0]);
    cr_expect_eq(rec, 3);
    cr_expect_eq(skip, 4);   /* warcinfo, request, 301 response, metadata */
    cr_expect_eq(errs, 0);
    /* chunked HTML response: de-chunked, extracted, URL without <>, WARC-Date as date, short id */
    cr_expect(strncmp(r.texts[0], "DHAKA, July 2 (Reuters) - Floods", 32) == 0, "%s", r.texts[0]);
    cr_expect_str_eq(r.urls[0], "http://example.org/flood");
    cr_expect_str_eq(r.dates[0], "2023-07-02T10:00:00Z");
    cr_expect_str_eq(r.ids[0], "11111111-2222-3333-4444-555555555555");
    /* gzip content coding */
    cr_expect(strstr(r.texts[1], "Kenya's parliament approved"), "%s", r.texts[1]);
    /* WET conversion record: plain text as is */
    cr_expect_str_eq(r.texts[2], "Plain text of the page.\n");
    dl_buf_free(&b);
}

Test(warc, continue_100_before_the_response) {
    dl_buf b = DL_BUF_INIT;
    const char http[] = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nThe body after the interim response.\n";
    add_record(&b, "response", "WARC-Target-URI: http://example.org/c\r\n", http, sizeof http - 1);
    result r;
    long rec, skip, errs;
    read_all(b.p, b.len, 0, &r, &rec, &skip, &errs);
    cr_assert_eq(r.ok, 1, "ok %d err %d %s", r.ok, r.err, r.errors[0]);
    cr_expect_str_eq(r.texts[0], "The body after the interim response.\n");
    dl_buf_free(&b);
}

Test(warc, gzip_per_record_and_whole_file_gzip_read_the_same) {
    dl_buf plain = DL_BUF_INIT, members = DL_BUF_INIT;
    build_archive(&plain);
    gzip_members(&plain, &members);
    /* one gzip member for the whole file */
    unsigned long bound = compressBound(plain.len) + 64;
    unsigned char *whole = malloc(bound);
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    zs.next_in = (unsigned char *)plain.p;
    zs.avail_in = (uInt)plain.len;
    zs.next_out = whole;
    zs.avail_out = (uInt)bound;
    deflate(&zs, Z_FINISH);
    size_t wn = bound - zs.avail_out;
    deflateEnd(&zs);
    result a, b, c;
    long rec, skip, errs;
    read_all(plain.p, plain.len, 0, &a, &rec, &skip, &errs);
    read_all(members.p, members.len, 0, &b, &rec, &skip, &errs);
    cr_expect_eq(errs, 0);
    read_all(whole, wn, 0, &c, &rec, &skip, &errs);
    cr_expect_eq(errs, 0);
    cr_assert_eq(a.ok, 3);
    cr_assert_eq(b.ok, a.ok);
    cr_assert_eq(c.ok, a.ok);
    for (int i = 0; i < a.ok; i++) {
        cr_expect_str_eq(b.texts[i], a.texts[i]);
        cr_expect_str_eq(c.texts[i], a.texts[i]);
    }
    free(whole);
    dl_buf_free(&plain);
    dl_buf_free(&members);
}

Test(warc, truncated_record_is_an_error_with_its_offset) {
    dl_buf b = DL_BUF_INIT;
    add_chunked_response(&b, "http://example.org/one");
    size_t second = b.len;
    dl_buf_printf(&b, "WARC/1.0\r\nWARC-Type: conversion\r\nContent-Length: 500\r\n\r\nonly a few bytes");
    result r;
    long rec, skip, errs;
    read_all(b.p, b.len, 0, &r, &rec, &skip, &errs);
    cr_expect_eq(r.ok, 1);
    cr_assert_eq(r.err, 1);
    char want[64];
    snprintf(want, sizeof want, ": offset %zu: truncated record", second);
    cr_expect(strstr(r.errors[0], want), "%s", r.errors[0]);
    cr_expect_eq(errs, 1);
    dl_buf_free(&b);
}

Test(warc, stray_bytes_and_bad_headers_are_reported_and_reading_goes_on) {
    dl_buf b = DL_BUF_INIT;
    add_record(&b, "conversion", "", "first text\n", 11);
    dl_buf_adds(&b, "garbage line between records\r\n");
    add_record(&b, "conversion", "", "second text\n", 12);
    dl_buf_adds(&b, "WARC/1.0\r\nWARC-Type: conversion\r\nContent-Length: twelve\r\n\r\n");
    add_record(&b, "conversion", "", "third text\n", 11);
    result r;
    long rec, skip, errs;
    read_all(b.p, b.len, 0, &r, &rec, &skip, &errs);
    cr_assert_eq(r.ok, 3, "ok %d", r.ok);
    cr_expect_str_eq(r.texts[2], "third text\n");
    cr_assert_eq(r.err, 2);
    cr_expect(strstr(r.errors[0], "stray data"), "%s", r.errors[0]);
    cr_expect(strstr(r.errors[1], "invalid Content-Length"), "%s", r.errors[1]);
    dl_buf_free(&b);
}

Test(warc, record_over_the_size_limit_is_skipped_with_an_error) {
    dl_buf b = DL_BUF_INIT;
    char *big = malloc(5000);
    memset(big, 'x', 5000);
    add_record(&b, "conversion", "", big, 5000);
    add_record(&b, "conversion", "", "small\n", 6);
    result r;
    long rec, skip, errs;
    read_all(b.p, b.len, 1000, &r, &rec, &skip, &errs);
    cr_expect_eq(r.ok, 1);
    cr_expect_str_eq(r.texts[0], "small\n");
    cr_assert_eq(r.err, 1);
    cr_expect(strstr(r.errors[0], "larger than the limit"), "%s", r.errors[0]);
    free(big);
    dl_buf_free(&b);
}

Test(warc, corrupt_gzip_member_is_reported_and_later_members_read) {
    dl_buf plain = DL_BUF_INIT, gz = DL_BUF_INIT;
    add_record(&plain, "conversion", "", "one\n", 4);
    add_record(&plain, "conversion", "", "two\n", 4);
    add_record(&plain, "conversion", "", "three\n", 6);
    gzip_members(&plain, &gz);
    /* damage the middle of the second member's deflate data */
    const char *m2 = memmem(gz.p + 3, gz.len - 3, "\x1f\x8b\x08", 3);
    cr_assert(m2);
    size_t at = (size_t)(m2 - gz.p) + 14;
    for (int i = 0; i < 6; i++) gz.p[at + i] ^= 0x5a;
    result r;
    long rec, skip, errs;
    read_all(gz.p, gz.len, 0, &r, &rec, &skip, &errs);
    cr_expect_str_eq(r.texts[0], "one\n");
    cr_expect_str_eq(r.texts[r.ok - 1], "three\n");
    cr_expect_geq(r.err, 1);
    cr_expect(strstr(r.errors[0], "gzip"), "%s", r.errors[0]);
    dl_buf_free(&plain);
    dl_buf_free(&gz);
}

Test(warc, empty_and_missing_files) {
    result r;
    long rec, skip, errs;
    read_all("", 0, 0, &r, &rec, &skip, &errs);
    cr_expect_eq(r.ok + r.err, 0);
    char *err = NULL;
    dl_warc *w = dl_warc_open("/nonexistent/x.warc", -1, &err);
    cr_expect(w == NULL);
    cr_expect(err && strstr(err, "No such file"), "%s", err ? err : "");
    free(err);
}

/* ---- the shared test archives ---- */

static void read_file_counts(const char *path, long *ok, long *errs, long *skipped, char *first_err, size_t cap) {
    char *err = NULL;
    dl_warc *w = dl_warc_open(path, -1, &err);
    cr_assert(w, "%s: %s", path, err ? err : "");
    dl_article a = {0};
    int rc;
    *ok = *errs = 0;
    if (first_err) first_err[0] = 0;
    while ((rc = dl_warc_next(w, &a)) != DL_READ_EOF) {
        if (rc == DL_READ_OK) {
            (*ok)++;
            cr_expect(a.url != NULL, "%s: record without URL", path);
        } else {
            (*errs)++;
            cr_expect(a.error && strstr(a.error, ": offset "), "%s: error without offset: %s", path, a.error);
            if (first_err && !first_err[0]) snprintf(first_err, cap, "%s", a.error);
        }
        dl_article_clear(&a);
    }
    long rec, e;
    dl_warc_counts(w, &rec, skipped, &e);
    cr_expect_eq(rec, *ok);
    cr_expect_eq(e, *errs);
    dl_warc_close(w);
}

Test(warc, every_shared_test_file_reads_without_a_crash, .timeout = 60) {
    if (access(SHARED_WARC, R_OK) != 0) { cr_skip_test(SHARED_WARC " not found; skipped"); return; }
    const char *dirs[] = {"jwarc", "resiliparse", "warcio", "warcio.js", "whirlwind"};
    int files = 0;
    for (size_t i = 0; i < 5; i++) {
        char dp[256];
        snprintf(dp, sizeof dp, SHARED_WARC "/%s", dirs[i]);
        DIR *d = opendir(dp);
        if (!d) continue;
        struct dirent *e;
        while ((e = readdir(d))) {
            if (e->d_name[0] == '.') continue;
            char p[512];
            snprintf(p, sizeof p, "%s/%s", dp, e->d_name);
            long ok, errs, skipped;
            read_file_counts(p, &ok, &errs, &skipped, NULL, 0);
            cr_expect(ok + errs + skipped > 0, "%s: nothing read", p);
            files++;
        }
        closedir(d);
    }
    cr_expect_geq(files, 28);
}

Test(warc, shared_files_expected_results) {
    if (access(SHARED_WARC, R_OK) != 0) { cr_skip_test(SHARED_WARC " not found; skipped"); return; }
    long ok, errs, skipped;
    char e[512];
    /* baseline: 6 records, one HTML response */
    read_file_counts(SHARED_WARC "/warcio/example.warc", &ok, &errs, &skipped, e, sizeof e);
    cr_expect(ok == 1 && errs == 0 && skipped == 5, "ok %ld errs %ld skipped %ld", ok, errs, skipped);
    /* gzip per record: the same */
    read_file_counts(SHARED_WARC "/warcio/example.warc.gz", &ok, &errs, &skipped, e, sizeof e);
    cr_expect(ok == 1 && errs == 0 && skipped == 5, "ok %ld errs %ld skipped %ld", ok, errs, skipped);
    /* one gzip member for the whole file: still read */
    read_file_counts(SHARED_WARC "/warcio/example-bad-non-chunked.warc.gz", &ok, &errs, &skipped, e, sizeof e);
    cr_expect(ok == 1 && skipped == 5, "ok %ld skipped %ld", ok, skipped);
    /* Content-Length 2 short: stray bytes reported, the rest read */
    read_file_counts(SHARED_WARC "/warcio/example-trunc.warc", &ok, &errs, &skipped, e, sizeof e);
    cr_expect(ok == 1 && errs == 1 && skipped == 3, "ok %ld errs %ld skipped %ld", ok, errs, skipped);
    cr_expect(strstr(e, "stray data"), "%s", e);
    /* cut-off gzip stream: one error naming the truncation */
    read_file_counts(SHARED_WARC "/resiliparse/clipped.warc.gz", &ok, &errs, &skipped, e, sizeof e);
    cr_expect(errs == 1 && ok == 0, "ok %ld errs %ld", ok, errs);
    cr_expect(strstr(e, "truncated"), "%s", e);
    /* chunked transfer coding (iana.org) */
    read_file_counts(SHARED_WARC "/warcio/example-iana.org-chunked.warc", &ok, &errs, &skipped, e, sizeof e);
    cr_expect(ok == 1 && errs == 0, "ok %ld errs %ld: %s", ok, errs, e);
    /* WET conversion record */
    read_file_counts(SHARED_WARC "/whirlwind/whirlwind.warc.wet.gz", &ok, &errs, &skipped, e, sizeof e);
    cr_expect(ok == 1 && errs == 0, "ok %ld errs %ld", ok, errs);
    /* Common Crawl excerpt: 50 records, plain and gzip give the same counts */
    long ok2, errs2, skipped2;
    read_file_counts(SHARED_WARC "/resiliparse/warcfile.warc", &ok, &errs, &skipped, e, sizeof e);
    read_file_counts(SHARED_WARC "/resiliparse/warcfile.warc.gz", &ok2, &errs2, &skipped2, e, sizeof e);
    cr_expect_eq(ok + errs + skipped, 50);
    cr_expect(ok == ok2 && errs == errs2 && skipped == skipped2);
}

Test(warc, regression_inputs_do_not_crash) {
    DIR *d = opendir("tests/regress/warc");
    if (!d) { cr_skip_test("no tests/regress/warc"); return; }
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        char p[512];
        snprintf(p, sizeof p, "tests/regress/warc/%s", e->d_name);
        long ok, errs, skipped;
        read_file_counts(p, &ok, &errs, &skipped, NULL, 0);
    }
    closedir(d);
}
