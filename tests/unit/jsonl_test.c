/* jsonl_test.c -- the JSON-lines record parser. */
#include <criterion/criterion.h>
#include "ingest/jsonl.h"
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

static int parse(const char *s, dl_article *a, char *err) {
    memset(a, 0, sizeof *a);
    return dl_jsonl_parse(s, strlen(s), a, err, 160);
}

Test(jsonl, escapes_and_surrogates) {
    dl_article a;
    char err[160];
    cr_assert_eq(parse("{\"text\":\"a\\\"b\\\\c\\/d\\n\\t\\u00e9\\u2019\\ud83d\\ude00\"}", &a, err), 0, "%s", err);
    cr_assert_str_eq(a.text, "a\"b\\c/d\n\t\xC3\xA9\xE2\x80\x99\xF0\x9F\x98\x80");
    cr_assert_eq(a.text_len, strlen(a.text));
    dl_article_clear(&a);
    cr_assert_eq(parse("{\"text\":\"lone \\ud800 x\"}", &a, err), 0);
    cr_assert_str_eq(a.text, "lone \xEF\xBF\xBD x");
    dl_article_clear(&a);
}

Test(jsonl, invalid_utf8_passes_to_the_text_layer) {
    dl_article a;
    char err[160];
    cr_assert_eq(parse("{\"text\":\"bad \xff byte\"}", &a, err), 0, "%s", err);
    cr_assert_eq(a.text_len, 10);
    dl_article_clear(&a);
}

Test(jsonl, date_is_used_when_published_is_absent) {
    dl_article a;
    char err[160];
    cr_assert_eq(parse("{\"date\":\"2022-11-14\",\"text\":\"x\"}", &a, err), 0);
    cr_assert_str_eq(a.published, "2022-11-14");
    dl_article_clear(&a);
    cr_assert_eq(parse("{\"date\":\"2022-11-14\",\"published\":\"2022-11-15\",\"text\":\"x\"}", &a, err), 0);
    cr_assert_str_eq(a.published, "2022-11-15");
    dl_article_clear(&a);
    cr_assert_eq(parse("{\"id\":17,\"date\":20221114}", &a, err), 0);
    cr_assert_str_eq(a.id, "17");
    cr_assert_str_eq(a.published, "20221114");
    cr_assert_str_eq(a.text, "");
    dl_article_clear(&a);
}

Test(jsonl, unknown_fields_go_to_meta) {
    dl_article a;
    char err[160];
    cr_assert_eq(parse("{\"text\":\"x\",\"n\":1.5,\"tags\":[\"a\",{\"b\":null}],\"ok\":true,\"title\":null}", &a, err), 0, "%s", err);
    cr_assert_eq(json_object_size(a.meta), 3);
    cr_assert_eq(json_real_value(json_object_get(a.meta, "n")), 1.5);
    cr_assert_eq(json_array_size(json_object_get(a.meta, "tags")), 2);
    cr_assert_null(a.title);
    dl_article_clear(&a);
}

Test(jsonl, errors_name_the_column) {
    dl_article a;
    char err[160];
    cr_assert_eq(parse("{\"text\" \"x\"}", &a, err), -1);
    cr_assert_str_eq(err, "invalid JSON at column 9: expected ':'");
    dl_article_clear(&a);
    cr_assert_eq(parse("[1]", &a, err), -1);
    cr_assert(strstr(err, "not an object") != NULL);
    dl_article_clear(&a);
    cr_assert_eq(parse("{\"text\":\"unterminated}", &a, err), -1);
    cr_assert(strstr(err, "unterminated string") != NULL);
    dl_article_clear(&a);
    cr_assert_eq(parse("{\"text\":\"x\"} trailing", &a, err), -1);
    cr_assert(strstr(err, "column 14: text after the object") != NULL, "%s", err);
    dl_article_clear(&a);
    cr_assert_eq(parse("{\"text\":[1]}", &a, err), -1);
    cr_assert(strstr(err, "not a string") != NULL);
    dl_article_clear(&a);
    cr_assert_eq(parse("{\"a\":\"\\q\"}", &a, err), -1);
    cr_assert(strstr(err, "invalid escape") != NULL);
    dl_article_clear(&a);
    char deep[400];
    memset(deep, '[', 200);
    strcpy(deep + 200, "]");
    char line[420];
    snprintf(line, sizeof line, "{\"x\":%s}", deep);
    cr_assert_eq(parse(line, &a, err), -1, "deep nesting is refused, not a stack overflow");
    dl_article_clear(&a);
}

/* On a real corpus the parser agrees with jansson field by field. */
Test(jsonl, agrees_with_jansson_on_reuters) {
    const char *path = "../shared/corpora/reuters21578/reuters21578.jsonl.gz";
    if (access(path, R_OK) != 0) { cr_skip_test("%s not found; skipped", path); return; }
    gzFile g = gzopen(path, "rb");
    static char line[1 << 20];
    long n = 0;
    while (gzgets(g, line, sizeof line)) {
        size_t len = strlen(line);
        while (len && line[len - 1] == '\n') line[--len] = 0;
        dl_article a;
        char err[160];
        cr_assert_eq(parse(line, &a, err), 0, "%s", err);
        json_t *o = json_loadb(line, len, 0, NULL);
        cr_assert_not_null(o);
        cr_assert_str_eq(a.id, json_string_value(json_object_get(o, "id")));
        cr_assert_str_eq(a.text, json_string_value(json_object_get(o, "text")));
        cr_assert_eq(a.text_len, json_string_length(json_object_get(o, "text")));
        cr_assert_str_eq(a.published, json_string_value(json_object_get(o, "date")));
        json_t *t = json_object_get(o, "title");
        if (json_is_string(t)) cr_assert_str_eq(a.title, json_string_value(t));
        else cr_assert_null(a.title);
        cr_assert(json_equal(a.meta, json_object_get(o, "places")) == 0);
        cr_assert(json_equal(json_object_get(a.meta, "places"), json_object_get(o, "places")));
        json_decref(o);
        dl_article_clear(&a);
        n++;
    }
    gzclose(g);
    cr_assert_eq(n, 21578);
}
