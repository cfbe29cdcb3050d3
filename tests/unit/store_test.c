/* store_test.c -- the SQLite store, aggregation, query filters and exports,
 * on article objects written here (so they do not depend on how well the
 * other stages code real text). */
#include <criterion/criterion.h>
#include "store/store.h"
#include "store/query.h"
#include "store/export.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char db_path[64];

static void setup(void) {
    snprintf(db_path, sizeof db_path, "/tmp/dl-store-test-XXXXXX");
    int fd = mkstemp(db_path);
    cr_assert(fd >= 0);
    close(fd);
    unlink(db_path);   /* the store creates it */
}

static void teardown(void) {
    char p[80];
    unlink(db_path);
    snprintf(p, sizeof p, "%s-wal", db_path);
    unlink(p);
    snprintf(p, sizeof p, "%s-shm", db_path);
    unlink(p);
}

TestSuite(store, .init = setup, .fini = teardown);

static dl_store *open_rw(void) {
    char *err = NULL;
    dl_store *st = dl_store_open(db_path, DL_STORE_WRITE, &err);
    cr_assert_not_null(st, "open: %s", err ? err : "?");
    return st;
}

static long long count(dl_store *st, const char *sql) {
    sqlite3_stmt *s;
    cr_assert_eq(sqlite3_prepare_v2(dl_store_db(st), sql, -1, &s, NULL), SQLITE_OK, "%s", sqlite3_errmsg(dl_store_db(st)));
    long long n = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : -1;
    sqlite3_finalize(s);
    return n;
}

static double real(dl_store *st, const char *sql) {
    sqlite3_stmt *s;
    cr_assert_eq(sqlite3_prepare_v2(dl_store_db(st), sql, -1, &s, NULL), SQLITE_OK);
    double v = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_double(s, 0) : -1e9;
    sqlite3_finalize(s);
    return v;
}

static char *text_of(dl_store *st, const char *sql) {
    sqlite3_stmt *s;
    cr_assert_eq(sqlite3_prepare_v2(dl_store_db(st), sql, -1, &s, NULL), SQLITE_OK);
    char *v = NULL;
    if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0)) v = strdup((const char *)sqlite3_column_text(s, 0));
    sqlite3_finalize(s);
    return v;
}

/* An article with one event "SRC did CODE to TGT" in its first sentence.
 * Text: "<SRC> met <TGT> on Monday. Talks went on <date>." */
static json_t *article(const char *id, const char *source, const char *date, double tone, const char *src,
                       const char *tgt, const char *code, char *text, size_t cap) {
    snprintf(text, cap, "%s met %s on Monday. Talks went on %s.", src, tgt, date);
    size_t ls = strlen(src), lt = strlen(tgt);
    size_t s1 = strlen(text) - strlen(" Talks went on .") - strlen(date);
    json_t *o = json_pack("{s:s, s:s, s:s, s:{s:s, s:i}}", "id", id, "date", date, "title", "Talks",
                          "input", "file", "test", "line", 1);
    if (source) json_object_set_new(o, "source", json_string(source));
    json_object_set_new(o, "sentences", json_pack("[{s:i, s:i}, {s:i, s:i}]", "start", 0, "end", (int)s1, "start",
                                                  (int)s1 + 1, "end", (int)strlen(text)));
    json_object_set_new(o, "actors", json_pack("[{s:s, s:i, s:i, s:s, s:s, s:s, s:s, s:i}, {s:s, s:i, s:i, s:s, s:s, s:s, s:s, s:i}]",
                                               "text", src, "start", 0, "end", (int)ls, "code", src, "country", src,
                                               "name", src, "kind", "country", "sentence", 0,
                                               "text", tgt, "start", (int)ls + 5, "end", (int)(ls + 5 + lt), "code", tgt,
                                               "country", tgt, "name", tgt, "kind", "country", "sentence", 0));
    json_object_set_new(o, "events", json_pack("[{s:i, s:[i,i], s:s, s:s, s:s, s:s, s:i, s:f, s:{s:s, s:n}, s:b, s:b, s:s, s:{s:i, s:i}}]",
                                               "sentence", 0, "span", (int)ls + 1, (int)ls + 4, "source", src,
                                               "target", tgt, "cameo", code, "root", "04", "quad", 1, "goldstein", 1.0,
                                               "plover", "type", "CONSULT", "mode", "negated", 0, "intent", 0,
                                               "date", date, "actors", "source", 0, "target", 1));
    json_object_set_new(o, "tone", json_pack("{s:f, s:f, s:f, s:f, s:f, s:i}", "tone", tone, "positive", 1.0,
                                             "negative", 1.0 - tone, "polarity", 2.0, "activity", 10.0, "words", 9));
    return o;
}

static int add(dl_store *st, json_t *o, const char *text) {
    char *err = NULL;
    int rc = dl_store_add(st, o, text, strlen(text), &err);
    cr_assert_geq(rc, 0, "add: %s", err ? err : "?");
    json_decref(o);
    return rc;
}

static void commit(dl_store *st) {
    char *err = NULL;
    cr_assert_eq(dl_store_commit(st, &err), 0, "commit: %s", err ? err : "?");
}

Test(store, creates_schema_and_reopens) {
    dl_store *st = open_rw();
    cr_assert_eq(count(st, "PRAGMA user_version"), DL_STORE_VERSION);
    char *mode = text_of(st, "PRAGMA journal_mode");
    cr_assert_str_eq(mode, "wal");
    free(mode);
    dl_store_close(st);
    char *err = NULL;
    st = dl_store_open(db_path, DL_STORE_READ, &err);
    cr_assert_not_null(st, "%s", err ? err : "");
    dl_store_close(st);
}

Test(store, refuses_newer_schema) {
    dl_store *st = open_rw();
    sqlite3_exec(dl_store_db(st), "PRAGMA user_version = 99", NULL, NULL, NULL);
    dl_store_close(st);
    char *err = NULL;
    cr_assert_null(dl_store_open(db_path, DL_STORE_WRITE, &err));
    cr_assert(err && strstr(err, "newer"), "%s", err ? err : "(no error)");
    free(err);
}

Test(store, read_only_open_of_missing_db_fails) {
    char *err = NULL;
    cr_assert_null(dl_store_open(db_path, DL_STORE_READ, &err));
    cr_assert_not_null(err);
    free(err);
}

Test(store, same_article_twice_adds_nothing) {
    dl_store *st = open_rw();
    char text[256];
    cr_assert_eq(add(st, article("a1", "Wire", "2024-03-04", -2, "FRA", "DEU", "040", text, sizeof text), text), DL_STORE_ADDED);
    commit(st);
    cr_assert_eq(add(st, article("a1", "Wire", "2024-03-04", -2, "FRA", "DEU", "040", text, sizeof text), text), DL_STORE_PRESENT);
    commit(st);
    cr_assert_eq(count(st, "SELECT count(*) FROM articles"), 1);
    cr_assert_eq(count(st, "SELECT count(*) FROM mentions"), 1);
    cr_assert_eq(count(st, "SELECT mentions FROM events"), 1);
    cr_assert_eq(count(st, "SELECT count(*) FROM sentences"), 2);
    cr_assert_eq(count(st, "SELECT count(*) FROM actors"), 2);
    dl_store_close(st);
}

/* The event happened on `date`, whenever the article was published. */
static json_t *on(json_t *o, const char *date) {
    json_object_set_new(json_array_get(json_object_get(o, "events"), 0), "date", json_string(date));
    return o;
}

Test(store, aggregates_one_event_over_articles) {
    dl_store *st = open_rw();
    char text[256];
    add(st, on(article("a1", "Wire A", "2024-03-04", -2, "FRA", "DEU", "040", text, sizeof text), "2024-03-03"), text);
    add(st, on(article("a2", "Wire B", "2024-03-06", 4, "FRA", "DEU", "040", text, sizeof text), "2024-03-03"), text);
    commit(st);
    add(st, on(article("a3", "Wire A", "2024-03-05", 1, "FRA", "DEU", "040", text, sizeof text), "2024-03-03"), text);
    /* a different target: a different event */
    add(st, on(article("a4", "Wire A", "2024-03-05", 1, "FRA", "ITA", "040", text, sizeof text), "2024-03-03"), text);
    commit(st);
    cr_assert_eq(count(st, "SELECT count(*) FROM events"), 2);
    cr_assert_eq(count(st, "SELECT mentions FROM events WHERE target = 'DEU'"), 3);
    cr_assert_eq(count(st, "SELECT articles FROM events WHERE target = 'DEU'"), 3);
    cr_assert_eq(count(st, "SELECT sources FROM events WHERE target = 'DEU'"), 2);
    cr_assert_float_eq(real(st, "SELECT avg_tone FROM events WHERE target = 'DEU'"), 1.0, 1e-9);
    char *first = text_of(st, "SELECT first_seen FROM events WHERE target = 'DEU'");
    char *last = text_of(st, "SELECT last_seen FROM events WHERE target = 'DEU'");
    cr_assert_str_eq(first, "2024-03-04");
    cr_assert_str_eq(last, "2024-03-06");
    free(first);
    free(last);
    cr_assert_eq(count(st, "SELECT is_root FROM events WHERE target = 'DEU'"), 1);
    cr_assert_eq(count(st, "SELECT mentions FROM events WHERE target = 'ITA'"), 1);
    const dl_store_counts *k = dl_store_counts_get(st);
    cr_assert_eq(k->added, 4);
    cr_assert_eq(k->new_events, 2);
    dl_store_close(st);
}

Test(store, two_mentions_in_one_article_count_once_as_article) {
    dl_store *st = open_rw();
    char text[256];
    json_t *o = article("a1", "Wire", "2024-03-04", 0, "FRA", "DEU", "040", text, sizeof text);
    json_t *evs = json_object_get(o, "events");
    json_t *again = json_deep_copy(json_array_get(evs, 0));
    json_object_set_new(again, "sentence", json_integer(5));   /* not in the lead by itself */
    json_array_append_new(evs, again);
    add(st, o, text);
    commit(st);
    cr_assert_eq(count(st, "SELECT mentions FROM events"), 2);
    cr_assert_eq(count(st, "SELECT articles FROM events"), 1);
    cr_assert_eq(count(st, "SELECT sum(is_root) FROM mentions"), 1);
    dl_store_close(st);
}

Test(store, lead_flag_only_in_first_paragraph) {
    dl_store *st = open_rw();
    char text[256];
    json_t *o = article("a1", "Wire", "2024-03-04", 0, "FRA", "DEU", "040", text, sizeof text);
    /* move the event to sentence 1 and put a paragraph break before it */
    char *nl = strstr(text, " Talks");
    cr_assert_not_null(nl);
    *nl = '\n';
    memmove(nl + 1, nl, strlen(nl) + 1);
    nl[1] = '\n';
    json_t *s1 = json_array_get(json_object_get(o, "sentences"), 1);
    json_object_set_new(s1, "start", json_integer(json_integer_value(json_object_get(s1, "start")) + 1));
    json_object_set_new(json_array_get(json_object_get(o, "events"), 0), "sentence", json_integer(1));
    add(st, o, text);
    commit(st);
    cr_assert_eq(count(st, "SELECT is_root FROM events"), 0);
    dl_store_close(st);
}

Test(store, tolerates_absent_stages) {
    dl_store *st = open_rw();
    json_t *o = json_pack("{s:s}", "id", "bare");
    cr_assert_eq(add(st, o, "Just text."), DL_STORE_ADDED);
    /* events with missing parts: no code is skipped, no actors is kept */
    o = json_pack("{s:s, s:[{s:s}, {s:s, s:s}, {}]}", "id", "partial", "events", "cameo", "010", "source", "FRA",
                  "text", "no code");
    cr_assert_eq(add(st, o, "France said."), DL_STORE_ADDED);
    commit(st);
    cr_assert_eq(count(st, "SELECT count(*) FROM articles"), 2);
    cr_assert_eq(count(st, "SELECT count(*) FROM events"), 1);
    cr_assert_eq(count(st, "SELECT count(*) FROM events WHERE source = '' AND target = '' AND code = '010'"), 1);
    char *err = NULL;
    o = json_pack("{s:s}", "title", "no id");
    cr_assert_eq(dl_store_add(st, o, "x", 1, &err), -1);
    cr_assert(err && strstr(err, "id"));
    free(err);
    json_decref(o);
    dl_store_close(st);
}

Test(store, duplicate_text_from_same_outlet_not_counted) {
    dl_store *st = open_rw();
    char text[256];
    add(st, article("a1", "Wire", "2024-03-04", 0, "FRA", "DEU", "040", text, sizeof text), text);
    cr_assert_eq(add(st, article("a2", "Wire", "2024-03-04", 0, "FRA", "DEU", "040", text, sizeof text), text),
                 DL_STORE_DUPLICATE);
    /* the same story from another outlet is syndication: it counts */
    cr_assert_eq(add(st, article("a3", "Other", "2024-03-04", 0, "FRA", "DEU", "040", text, sizeof text), text),
                 DL_STORE_ADDED);
    commit(st);
    cr_assert_eq(count(st, "SELECT count(*) FROM articles"), 3);
    cr_assert_eq(count(st, "SELECT duplicate_of FROM articles WHERE id = 'a2'"),
                 count(st, "SELECT aid FROM articles WHERE id = 'a1'"));
    cr_assert_eq(count(st, "SELECT articles FROM events"), 2);
    cr_assert_eq(count(st, "SELECT sources FROM events"), 2);
    dl_store_close(st);
}

/* A store holding one article whose one event (code) is negated. */
static dl_store *negated_event(const char *code) {
    dl_store *st = open_rw();
    char text[256];
    json_t *o = article("a1", "Wire", "2024-03-04", 0, "FRA", "DEU", code, text, sizeof text);
    json_object_set_new(json_array_get(json_object_get(o, "events"), 0), "negated", json_true());
    add(st, o, text);
    commit(st);
    return st;
}

Test(store, negated_mention_is_not_an_event) {
    dl_store *st = negated_event("190");
    cr_assert_eq(count(st, "SELECT count(*) FROM events"), 0);
    cr_assert_eq(count(st, "SELECT count(*) FROM mentions WHERE eid IS NULL AND negated = 1"), 1);
    dl_store_close(st);
}

Test(store, negated_refusal_is_an_event) {
    /* "did not lift the sanctions": negation made it refusal code 1231,
     * an event of its own */
    dl_store *st = negated_event("1231");
    cr_assert_eq(count(st, "SELECT count(*) FROM events WHERE code = '1231'"), 1);
    dl_store_close(st);
}

Test(store, rollback_leaves_nothing) {
    dl_store *st = open_rw();
    char text[256];
    char *err = NULL;
    cr_assert_eq(dl_store_begin(st, &err), 0);
    add(st, article("a1", "Wire", "2024-03-04", 0, "FRA", "DEU", "040", text, sizeof text), text);
    dl_store_rollback(st);
    cr_assert_eq(count(st, "SELECT count(*) FROM articles"), 0);
    cr_assert_eq(count(st, "SELECT count(*) FROM events"), 0);
    cr_assert_eq(count(st, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'Monday'"), 0);
    cr_assert_eq(dl_store_has(st, "a1"), 0);
    dl_store_close(st);
}

Test(store, input_errors_recorded_once) {
    dl_store *st = open_rw();
    char *err = NULL;
    cr_assert_eq(dl_store_add_error(st, "in.jsonl", 3, 120, "in.jsonl:3: bad JSON", &err), 0);
    cr_assert_eq(dl_store_add_error(st, "in.jsonl", 3, 120, "in.jsonl:3: bad JSON", &err), 0);
    cr_assert_eq(dl_store_add_error(st, "in.jsonl", 4, 200, "in.jsonl:4: bad JSON", &err), 0);
    commit(st);
    cr_assert_eq(count(st, "SELECT count(*) FROM input_errors"), 2);
    dl_store_close(st);
}

Test(store, places_quotes_counts_stored) {
    dl_store *st = open_rw();
    const char *text = "Rebels killed 12 soldiers in Gao, the army said: \"We will respond.\"";
    json_t *o = json_pack("{s:s, s:[{s:s, s:i, s:i, s:s, s:s, s:f, s:f, s:i, s:s}],"
                          " s:[{s:i, s:i, s:s, s:s, s:{s:s, s:s}}], s:[{s:i, s:i, s:s, s:i, s:s}]}",
                          "id", "k1",
                          "places", "text", "Gao", "start", 29, "end", 32, "name", "Gao", "country", "MLI", "lat", 16.27,
                          "lon", -0.04, "geonames_id", 2457163, "kind", "city",
                          "quotes", "start", 49, "end", 65, "text", "We will respond.", "verb", "said", "speaker",
                          "name", "army", "code", "MLIMIL",
                          "counts", "start", 14, "end", 25, "type", "KILL", "value", 12, "object", "soldiers");
    add(st, o, text);
    commit(st);
    cr_assert_eq(count(st, "SELECT geonames_id FROM places"), 2457163);
    char *sp = text_of(st, "SELECT speaker_code FROM quotations");
    cr_assert_str_eq(sp, "MLIMIL");
    free(sp);
    cr_assert_eq(count(st, "SELECT value FROM counts WHERE type = 'KILL'"), 12);
    cr_assert_eq(count(st, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'soldiers'"), 1);
    dl_store_close(st);
}

/* ---- query ---- */

static char *run_query(dl_store *st, const dl_query *q, int format) {
    char *buf = NULL, *err = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    int rc = dl_query_write(dl_store_db(st), q, format, f, &err);
    fclose(f);
    cr_assert_eq(rc, 0, "query: %s", err ? err : "?");
    return buf;
}

static int lines(const char *s) {
    int n = 0;
    for (; *s; s++) n += *s == '\n';
    return n;
}

static dl_store *three_events(void) {
    dl_store *st = open_rw();
    char text[256];
    add(st, article("a1", "Wire A", "2024-03-04", 0, "USAGOV", "RUS", "040", text, sizeof text), text);
    add(st, article("a2", "Wire B", "2024-03-04", 0, "USAGOV", "RUS", "040", text, sizeof text), text);
    add(st, article("a3", "Wire A", "2024-04-10", 0, "FRA", "MLIGOV", "174", text, sizeof text), text);
    add(st, article("a4", "Wire A", "2023-12-31", 0, "MLIGOV", "FRA", "036", text, sizeof text), text);
    commit(st);
    return st;
}

Test(store, query_filters) {
    dl_store *st = three_events();
    dl_query q = {0};
    char *out = run_query(st, &q, DL_FMT_JSONL);
    cr_assert_eq(lines(out), 3);
    /* most reported first */
    cr_assert(strstr(out, "\"source\":\"USAGOV\"") < strstr(out, "\"source\":\"FRA\""));
    free(out);
    q.source = "USA";
    out = run_query(st, &q, DL_FMT_JSONL);
    cr_assert_eq(lines(out), 1);
    cr_assert(strstr(out, "\"articles\":2"));
    free(out);
    q = (dl_query){0};
    q.actor = "MLI";
    out = run_query(st, &q, DL_FMT_JSONL);
    cr_assert_eq(lines(out), 2);
    free(out);
    q = (dl_query){0};
    q.code = "17";
    out = run_query(st, &q, DL_FMT_JSONL);
    cr_assert_eq(lines(out), 1);
    cr_assert(strstr(out, "\"code\":\"174\""));
    free(out);
    q = (dl_query){0};
    q.since = "2024";
    q.until = "2024-03";
    out = run_query(st, &q, DL_FMT_JSONL);
    cr_assert_eq(lines(out), 1);
    cr_assert(strstr(out, "\"date\":\"2024-03-04\""));
    free(out);
    q = (dl_query){0};
    q.text = "MLIGOV AND FRA";
    out = run_query(st, &q, DL_FMT_JSONL);
    cr_assert_eq(lines(out), 2);
    free(out);
    q = (dl_query){0};
    q.limit = 1;
    out = run_query(st, &q, DL_FMT_CSV);
    cr_assert_eq(lines(out), 2);   /* header + 1 */
    cr_assert(!strncmp(out, "id,date,source,", 15));
    free(out);
    dl_store_close(st);
}

Test(store, query_table_is_aligned) {
    dl_store *st = three_events();
    dl_query q = {0};
    char *out = run_query(st, &q, DL_FMT_TABLE);
    cr_assert_eq(lines(out), 4);
    /* every row starts its CODE column where the header's does */
    const char *head_code = strstr(out, "CODE");
    cr_assert_not_null(head_code);
    long col = head_code - out;
    for (const char *l = strchr(out, '\n') + 1; *l; l = strchr(l, '\n') + 1) {
        cr_assert(l[col] >= '0' && l[col] <= '9' && l[col - 1] == ' ', "row: %.60s", l);
    }
    free(out);
    dl_store_close(st);
}

Test(store, query_rejects_bad_date) {
    dl_store *st = three_events();
    dl_query q = {0};
    q.since = "March";
    char *err = NULL;
    FILE *f = fopen("/dev/null", "w");
    cr_assert_eq(dl_query_write(dl_store_db(st), &q, DL_FMT_JSONL, f, &err), -1);
    fclose(f);
    cr_assert(err && strstr(err, "since"));
    free(err);
    dl_store_close(st);
}

/* ---- export ---- */

static char *run_export(dl_store *st, int format, long *n) {
    char *buf = NULL, *err = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    *n = dl_export(dl_store_db(st), format, NULL, f, &err);
    fclose(f);
    cr_assert_geq(*n, 0, "export: %s", err ? err : "?");
    return buf;
}

/* Every line has want tab-separated fields. */
static void check_fields(const char *out, int want) {
    int fields = 1, nlines = 0;
    for (const char *p = out; *p; p++) {
        if (*p == '\t') fields++;
        else if (*p == '\n') {
            cr_assert_eq(fields, want, "line %d has %d fields, not %d", nlines + 1, fields, want);
            fields = 1;
            nlines++;
        }
    }
    cr_assert_gt(nlines, 0);
}

static const char *field(const char *line, int k, char *out, size_t cap) {
    for (int i = 0; i < k; i++) line = strchr(line, '\t') + 1;
    size_t n = strcspn(line, "\t\n");
    snprintf(out, cap, "%.*s", (int)(n < cap ? n : cap - 1), line);
    return out;
}

Test(store, gdelt_exports_have_gdelt_field_counts) {
    dl_store *st = three_events();
    long n;
    char *ev = run_export(st, DL_EXPORT_EVENTS, &n);
    cr_assert_eq(n, 3);
    check_fields(ev, 61);
    char f[64];
    cr_assert_str_eq(field(ev, 1, f, sizeof f), "20240304");
    cr_assert_str_eq(field(ev, 5, f, sizeof f), "USAGOV");
    cr_assert_str_eq(field(ev, 7, f, sizeof f), "USA");   /* Actor1CountryCode */
    cr_assert_str_eq(field(ev, 12, f, sizeof f), "GOV");  /* Actor1Type1Code */
    cr_assert_str_eq(field(ev, 26, f, sizeof f), "040");
    cr_assert_str_eq(field(ev, 28, f, sizeof f), "04");
    cr_assert_str_eq(field(ev, 31, f, sizeof f), "2");    /* NumMentions */
    cr_assert_str_eq(field(ev, 32, f, sizeof f), "2");    /* NumSources */
    free(ev);
    char *me = run_export(st, DL_EXPORT_MENTIONS, &n);
    cr_assert_eq(n, 4);
    check_fields(me, 16);
    cr_assert_str_eq(field(me, 6, f, sizeof f), "1");     /* SentenceID, 1-based */
    cr_assert_str_eq(field(me, 7, f, sizeof f), "0");     /* Actor1CharOffset */
    cr_assert_str_eq(field(me, 9, f, sizeof f), "7");     /* "USAGOV met": action at 7 */
    free(me);
    char *gkg = run_export(st, DL_EXPORT_GKG, &n);
    cr_assert_eq(n, 4);
    check_fields(gkg, 27);
    free(gkg);
    dl_store_close(st);
}

Test(store, mention_offsets_count_characters) {
    dl_store *st = open_rw();
    char text[256];
    /* "Ærø" is 3 characters in 5 bytes: the action offset is 4, not 6 */
    add(st, article("u1", "Wire", "2024-03-04", 0, "\xC3\x86r\xC3\xB8", "DEU", "040", text, sizeof text), text);
    commit(st);
    long n;
    char *me = run_export(st, DL_EXPORT_MENTIONS, &n);
    char f[32];
    cr_assert_str_eq(field(me, 9, f, sizeof f), "4");
    free(me);
    dl_store_close(st);
}

Test(store, plover_lines_are_json) {
    dl_store *st = three_events();
    long n;
    char *pl = run_export(st, DL_EXPORT_PLOVER, &n);
    cr_assert_eq(n, 3);
    char *save, *line = strtok_r(pl, "\n", &save);
    for (; line; line = strtok_r(NULL, "\n", &save)) {
        json_error_t e;
        json_t *o = json_loads(line, 0, &e);
        cr_assert_not_null(o, "%s", e.text);
        cr_assert_str_eq(json_string_value(json_object_get(o, "event_type")), "CONSULT");
        json_decref(o);
    }
    free(pl);
    dl_store_close(st);
}

Test(store, event_place_from_same_sentence_not_actor) {
    dl_store *st = open_rw();
    /* "France met Germany in Gao." -- Gao locates the event; "France" is
     * also a gazetteer place but it is the actor */
    const char *text = "France met Germany in Gao. Later Berlin said nothing.";
    json_t *o = json_pack("{s:s, s:[{s:i, s:i}, {s:i, s:i}],"
                          " s:[{s:s, s:i, s:i, s:s, s:s}, {s:s, s:i, s:i, s:s, s:s}],"
                          " s:[{s:s, s:i, s:i, s:s, s:s}, {s:s, s:i, s:i, s:s, s:s, s:i}, {s:s, s:i, s:i, s:s, s:s}],"
                          " s:[{s:i, s:i, s:i, s:{s:s, s:i}, s:{s:s, s:i}, s:s}]}",
                          "id", "p1", "sentences", "start", 0, "end", 26, "start", 27, "end", 53,
                          "actors", "text", "France", "start", 0, "end", 6, "code", "FRA", "name", "France",
                          "text", "Germany", "start", 11, "end", 18, "code", "DEU", "name", "Germany",
                          "places", "text", "France", "start", 0, "end", 6, "name", "France", "kind", "country",
                          "text", "Gao", "start", 22, "end", 25, "name", "Gao", "kind", "city", "geonameid", 2457163,
                          "text", "Berlin", "start", 33, "end", 39, "name", "Berlin", "kind", "city",
                          "events", "sentence", 0, "start", 7, "end", 10, "source", "code", "FRA", "actor", 0,
                          "target", "code", "DEU", "actor", 1, "cameo", "040");
    add(st, o, text);
    commit(st);
    char *place = text_of(st, "SELECT place_name FROM events");
    cr_assert_str_eq(place, "Gao");
    free(place);
    cr_assert_eq(count(st, "SELECT location FROM events"), 2457163);
    char *name = text_of(st, "SELECT source_name FROM events");   /* from actors[0] */
    cr_assert_str_eq(name, "France");
    free(name);
    cr_assert_eq(count(st, "SELECT source_start FROM mentions"), 0);
    cr_assert_eq(count(st, "SELECT target_start FROM mentions"), 11);
    cr_assert_eq(count(st, "SELECT sentence FROM places WHERE name = 'Berlin'"), 1);
    dl_store_close(st);
}

Test(store, gkg_persons_organisations_and_tone) {
    dl_store *st = open_rw();
    const char *text = "Anna Berg of the World Bank met Anna Berg.";
    json_t *o = json_pack("{s:s, s:[{s:s, s:i, s:i, s:s, s:s}, {s:s, s:i, s:i, s:s, s:s}, {s:s, s:i, s:i, s:s, s:s}],"
                          " s:{s:f, s:f, s:f, s:f, s:f, s:f, s:i}}",
                          "id", "g1",
                          "actors", "text", "Anna Berg", "start", 0, "end", 9, "name", "Anna Berg", "kind", "person",
                          "text", "World Bank", "start", 17, "end", 27, "name", "World Bank", "kind", "organisation",
                          "text", "Anna Berg", "start", 32, "end", 41, "name", "Anna Berg", "kind", "person",
                          "tone", "tone", -1.5, "positive", 2.0, "negative", 3.5, "polarity", 5.5, "activity", 7.0,
                          "self_group", 0.5, "words", 8);
    add(st, o, text);
    commit(st);
    long n;
    char *gkg = run_export(st, DL_EXPORT_GKG, &n);
    cr_assert_eq(n, 1);
    char f[128];
    cr_assert_str_eq(field(gkg, 11, f, sizeof f), "anna berg");   /* V1PERSONS: distinct, lower case */
    cr_assert_str_eq(field(gkg, 12, f, sizeof f), "Anna Berg,0;Anna Berg,32");
    cr_assert_str_eq(field(gkg, 13, f, sizeof f), "world bank");
    cr_assert_str_eq(field(gkg, 15, f, sizeof f), "-1.5,2,3.5,5.5,7,0.5,8");
    cr_assert_str_eq(field(gkg, 17, f, sizeof f), "wc:8");
    free(gkg);
    dl_store_close(st);
}
