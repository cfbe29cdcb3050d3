/* reader_test.c -- the readers: text, JSON lines, gzip, directories, errors. */
#include <criterion/criterion.h>
#include "ingest/reader.h"
#include "core/doc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

static char dir[256];

static void setup(void) {
    snprintf(dir, sizeof dir, "/tmp/dl-reader-XXXXXX");
    cr_assert_not_null(mkdtemp(dir));
}

static void teardown(void) {
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    cr_assert_eq(system(cmd), 0);
}

static char *path_in(const char *name) {
    static char p[512];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    return p;
}

static void write_file(const char *name, const void *data, size_t n) {
    FILE *f = fopen(path_in(name), "wb");
    cr_assert_not_null(f);
    cr_assert_eq(fwrite(data, 1, n, f), n);
    fclose(f);
}

static void write_gz(const char *name, const char *data) {
    gzFile g = gzopen(path_in(name), "wb");
    cr_assert_not_null(g);
    gzwrite(g, data, (unsigned)strlen(data));
    gzclose(g);
}

/* Read every record of one path; returns counts of OK and error records. */
static void read_all(const char *path, int *ok, int *bad, dl_article *first_ok, char *first_err, size_t errcap) {
    const char *paths[] = {path};
    dl_reader *r = dl_reader_new(paths, 1, NULL);
    dl_article a;
    int rc;
    *ok = *bad = 0;
    if (first_err) first_err[0] = 0;
    while ((rc = dl_reader_next(r, &a)) != DL_READ_EOF) {
        if (rc == DL_READ_OK) {
            if (*ok == 0 && first_ok) { *first_ok = a; memset(&a, 0, sizeof a); }
            (*ok)++;
        } else {
            if (*bad == 0 && first_err) snprintf(first_err, errcap, "%s", a.error);
            (*bad)++;
        }
        dl_article_clear(&a);
    }
    dl_reader_free(r);
}

TestSuite(reader, .init = setup, .fini = teardown);

Test(reader, plain_text_is_one_article) {
    write_file("a.txt", "LONDON (Reuters) - Hello.\nSecond line.\n", 39);
    int ok, bad;
    dl_article a = {0};
    read_all(path_in("a.txt"), &ok, &bad, &a, NULL, 0);
    cr_assert_eq(ok, 1);
    cr_assert_eq(bad, 0);
    cr_assert_eq(a.text_len, 39);
    cr_assert_str_eq(a.kind, "text");
    cr_assert_null(a.id);
    dl_article_clear(&a);
}

Test(reader, jsonl_fields_and_meta) {
    const char *s = "{\"id\":\"a1\",\"title\":\"T\",\"text\":\"Body\",\"date\":\"2022-11-14\",\"source\":\"AFP\",\"lang_score\":0.9,\"tags\":[\"x\"]}\n";
    write_file("a.jsonl", s, strlen(s));
    int ok, bad;
    dl_article a = {0};
    read_all(path_in("a.jsonl"), &ok, &bad, &a, NULL, 0);
    cr_assert_eq(ok, 1);
    cr_assert_str_eq(a.id, "a1");
    cr_assert_str_eq(a.title, "T");
    cr_assert_str_eq(a.text, "Body");
    cr_assert_str_eq(a.published, "2022-11-14");
    cr_assert_str_eq(a.source, "AFP");
    cr_assert_eq(a.line, 1);
    cr_assert_not_null(a.meta);
    cr_assert_eq(json_object_size(a.meta), 2);
    cr_assert(json_is_array(json_object_get(a.meta, "tags")));
    dl_article_clear(&a);
}

Test(reader, jsonl_numeric_id_and_published_field) {
    const char *s = "{\"id\":42,\"text\":\"x\",\"published\":\"2020-01-02\"}\n";
    write_file("b.jsonl", s, strlen(s));
    int ok, bad;
    dl_article a = {0};
    read_all(path_in("b.jsonl"), &ok, &bad, &a, NULL, 0);
    cr_assert_str_eq(a.id, "42");
    cr_assert_str_eq(a.published, "2020-01-02");
    dl_article_clear(&a);
}

Test(reader, jsonl_bad_lines_are_counted_and_reading_goes_on) {
    const char *s = "{\"text\":\"one\"}\n\n{not json}\n[1,2]\n{\"text\":5}\n{\"text\":\"two\"}\n";
    write_file("c.jsonl", s, strlen(s));
    int ok, bad;
    char err[512];
    read_all(path_in("c.jsonl"), &ok, &bad, NULL, err, sizeof err);
    cr_assert_eq(ok, 2);
    cr_assert_eq(bad, 3);
    cr_assert(strstr(err, "c.jsonl:3: invalid JSON") != NULL, "error was: %s", err);
}

Test(reader, gzip_jsonl) {
    write_gz("d.jsonl.gz", "{\"text\":\"one\"}\n{\"text\":\"two\"}\n");
    int ok, bad;
    read_all(path_in("d.jsonl.gz"), &ok, &bad, NULL, NULL, 0);
    cr_assert_eq(ok, 2);
    cr_assert_eq(bad, 0);
}

Test(reader, gzip_text) {
    write_gz("e.txt.gz", "PARIS (AFP) - Text.");
    int ok, bad;
    dl_article a = {0};
    read_all(path_in("e.txt.gz"), &ok, &bad, &a, NULL, 0);
    cr_assert_eq(ok, 1);
    cr_assert_str_eq(a.text, "PARIS (AFP) - Text.");
    dl_article_clear(&a);
}

Test(reader, truncated_gzip_is_an_error_with_position) {
    /* Compress a long JSON-lines text, then cut the file in half. */
    char *big = malloc(200000);
    size_t n = 0;
    for (int i = 0; n < 190000; i++) n += (size_t)sprintf(big + n, "{\"text\":\"article %d %d\"}\n", i, i * 7919 % 10007);
    write_gz("f.jsonl.gz", big);
    free(big);
    struct stat st;
    cr_assert_eq(stat(path_in("f.jsonl.gz"), &st), 0);
    cr_assert_eq(truncate(path_in("f.jsonl.gz"), st.st_size / 2), 0);
    int ok, bad;
    char err[512];
    read_all(path_in("f.jsonl.gz"), &ok, &bad, NULL, err, sizeof err);
    cr_assert(ok > 100, "records before the cut are read: %d", ok);
    cr_assert_geq(bad, 1);
    cr_assert(strstr(err, "f.jsonl.gz") != NULL, "error names the file: %s", err);
    cr_assert(strstr(err, "after byte") != NULL, "error gives the position: %s", err);
}

Test(reader, truncated_gzip_text) {
    write_gz("g.txt.gz", "Some text that is long enough to be compressed into several bytes of output, "
                         "repeated repeated repeated repeated repeated.");
    struct stat st;
    cr_assert_eq(stat(path_in("g.txt.gz"), &st), 0);
    cr_assert_eq(truncate(path_in("g.txt.gz"), st.st_size - 6), 0);
    int ok, bad;
    char err[512];
    read_all(path_in("g.txt.gz"), &ok, &bad, NULL, err, sizeof err);
    cr_assert_eq(ok, 0);
    cr_assert_eq(bad, 1, "a truncated gzip file is reported, not silently read");
}

Test(reader, directory_is_recursive_and_sorted) {
    char sub[300];
    snprintf(sub, sizeof sub, "%s/sub", dir);
    cr_assert_eq(mkdir(sub, 0755), 0);
    write_file("b.txt", "B", 1);
    write_file("a.txt", "A", 1);
    write_file("sub/c.txt", "C", 1);
    write_file(".hidden", "H", 1);
    const char *paths[] = {dir};
    dl_reader *r = dl_reader_new(paths, 1, NULL);
    dl_article a;
    char order[8] = "";
    int k = 0;
    while (dl_reader_next(r, &a) == DL_READ_OK) {
        order[k++] = a.text[0];
        dl_article_clear(&a);
    }
    dl_reader_free(r);
    cr_assert_str_eq(order, "ABC");
}

Test(reader, missing_file_is_an_error_and_next_file_is_read) {
    write_file("ok.txt", "fine", 4);
    const char *paths[] = {path_in("nope.txt"), NULL};
    char okpath[512];
    snprintf(okpath, sizeof okpath, "%s", path_in("ok.txt"));
    char nopath[512];
    snprintf(nopath, sizeof nopath, "%s", path_in("nope.txt"));
    paths[0] = nopath;
    paths[1] = okpath;
    dl_reader *r = dl_reader_new(paths, 2, NULL);
    dl_article a;
    cr_assert_eq(dl_reader_next(r, &a), DL_READ_ERROR);
    cr_assert(strstr(a.error, "nope.txt: cannot open") != NULL, "%s", a.error);
    dl_article_clear(&a);
    cr_assert_eq(dl_reader_next(r, &a), DL_READ_OK);
    cr_assert_str_eq(a.text, "fine");
    dl_article_clear(&a);
    cr_assert_eq(dl_reader_next(r, &a), DL_READ_EOF);
    cr_assert_eq(dl_reader_stats_get(r)->errors, 1);
    cr_assert_eq(dl_reader_stats_get(r)->records, 1);
    dl_reader_free(r);
}

Test(reader, record_size_limit) {
    char *s = malloc(5000);
    memset(s, 'x', 4999);
    s[4999] = 0;
    write_file("big.txt", s, 4999);
    char line[6000];
    snprintf(line, sizeof line, "{\"text\":\"%s\"}\n{\"text\":\"small\"}\n", s);
    write_file("big.jsonl", line, strlen(line));
    free(s);
    dl_reader_opts o = {1000, NULL};
    const char *paths[] = {path_in("big.jsonl")};
    dl_reader *r = dl_reader_new(paths, 1, &o);
    dl_article a;
    cr_assert_eq(dl_reader_next(r, &a), DL_READ_ERROR);
    cr_assert(strstr(a.error, "size limit") != NULL, "%s", a.error);
    dl_article_clear(&a);
    cr_assert_eq(dl_reader_next(r, &a), DL_READ_OK);
    cr_assert_str_eq(a.text, "small");
    dl_article_clear(&a);
    dl_reader_free(r);
}

Test(reader, content_id_is_stable_and_text_dependent) {
    char a[18], b[18], c[18];
    dl_content_id("same text", 9, a);
    dl_content_id("same text", 9, b);
    dl_content_id("other text", 10, c);
    cr_assert_str_eq(a, b);
    cr_assert_str_neq(a, c);
    cr_assert_eq(strlen(a), 17);
    cr_assert_eq(a[0], 'h');
}
