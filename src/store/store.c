/* store.c -- the SQLite store; see store.h and docs/schema.md. */
#include "store.h"
#include "../core/doc.h"
#include "../util/arena.h"
#include "../util/buf.h"
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

/* ---- schema and migrations ----
 * migrations[i] takes a database from user_version i to i + 1.  A new
 * version appends an entry; entries already released are never edited. */
static const char *const migrations[] = {
    /* 0 -> 1: the first schema */
    "CREATE TABLE articles (\n"
    "  aid INTEGER PRIMARY KEY,\n"
    "  id TEXT NOT NULL UNIQUE,\n"
    "  hash TEXT NOT NULL,\n"
    "  duplicate_of INTEGER REFERENCES articles(aid),\n"
    "  title TEXT, url TEXT, source TEXT,\n"
    "  outlet TEXT NOT NULL DEFAULT '',\n"
    "  published TEXT, date TEXT,\n"
    "  file TEXT, line INTEGER, offset INTEGER, format TEXT,\n"
    "  dateline_place TEXT,\n"
    "  length INTEGER NOT NULL,\n"
    "  tone REAL, positive REAL, negative REAL, polarity REAL, activity REAL,\n"
    "  self_group REAL, words INTEGER,\n"
    "  warnings INTEGER NOT NULL DEFAULT 0,\n"
    "  text TEXT NOT NULL,\n"
    "  doc TEXT NOT NULL,\n"
    "  added TEXT NOT NULL);\n"
    "CREATE INDEX articles_hash ON articles(hash);\n"
    "CREATE INDEX articles_date ON articles(date);\n"
    "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='aid');\n"
    "CREATE TABLE sentences (\n"
    "  aid INTEGER NOT NULL, n INTEGER NOT NULL,\n"
    "  start INTEGER NOT NULL, end INTEGER NOT NULL,\n"
    "  PRIMARY KEY (aid, n)) WITHOUT ROWID;\n"
    "CREATE TABLE actors (\n"
    "  aid INTEGER NOT NULL, n INTEGER NOT NULL, sentence INTEGER,\n"
    "  start INTEGER, end INTEGER, text TEXT,\n"
    "  code TEXT, country TEXT, roles TEXT, kind TEXT, name TEXT, how TEXT,\n"
    "  PRIMARY KEY (aid, n)) WITHOUT ROWID;\n"
    "CREATE INDEX actors_code ON actors(code);\n"
    "CREATE TABLE events (\n"
    "  eid INTEGER PRIMARY KEY,\n"
    "  date TEXT NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL,\n"
    "  code TEXT NOT NULL, location TEXT NOT NULL,\n"
    "  root TEXT, quad INTEGER, goldstein REAL, plover TEXT, plover_mode TEXT,\n"
    "  source_name TEXT, source_country TEXT, source_roles TEXT,\n"
    "  target_name TEXT, target_country TEXT, target_roles TEXT,\n"
    "  place_name TEXT, place_country TEXT, place_region TEXT,\n"
    "  place_lat REAL, place_lon REAL, place_geonames_id INTEGER, place_kind TEXT,\n"
    "  text TEXT,\n"
    "  mentions INTEGER NOT NULL DEFAULT 0,\n"
    "  sources INTEGER NOT NULL DEFAULT 0,\n"
    "  articles INTEGER NOT NULL DEFAULT 0,\n"
    "  avg_tone REAL, first_seen TEXT, last_seen TEXT,\n"
    "  is_root INTEGER NOT NULL DEFAULT 0,\n"
    "  first_aid INTEGER REFERENCES articles(aid),\n"
    "  added TEXT NOT NULL,\n"
    "  UNIQUE (date, source, target, code, location));\n"
    "CREATE INDEX events_source ON events(source);\n"
    "CREATE INDEX events_target ON events(target);\n"
    "CREATE INDEX events_code ON events(code);\n"
    "CREATE TABLE mentions (\n"
    "  mid INTEGER PRIMARY KEY,\n"
    "  eid INTEGER REFERENCES events(eid),\n"
    "  aid INTEGER NOT NULL REFERENCES articles(aid), n INTEGER NOT NULL,\n"
    "  sentence INTEGER, start INTEGER, end INTEGER,\n"
    "  source_start INTEGER, target_start INTEGER,\n"
    "  date TEXT, source TEXT, target TEXT, code TEXT,\n"
    "  is_root INTEGER NOT NULL DEFAULT 0,\n"
    "  negated INTEGER NOT NULL DEFAULT 0,\n"
    "  intent INTEGER NOT NULL DEFAULT 0,\n"
    "  confidence INTEGER, pattern TEXT,\n"
    "  UNIQUE (aid, n));\n"
    "CREATE INDEX mentions_eid ON mentions(eid);\n"
    "CREATE TABLE quotations (\n"
    "  aid INTEGER NOT NULL, n INTEGER NOT NULL, sentence INTEGER,\n"
    "  start INTEGER, end INTEGER, text TEXT, verb TEXT,\n"
    "  speaker TEXT, speaker_code TEXT, speaker_start INTEGER, partial INTEGER,\n"
    "  PRIMARY KEY (aid, n)) WITHOUT ROWID;\n"
    "CREATE TABLE counts (\n"
    "  aid INTEGER NOT NULL, n INTEGER NOT NULL, sentence INTEGER,\n"
    "  start INTEGER, end INTEGER, type TEXT, value REAL, object TEXT,\n"
    "  currency TEXT, actor TEXT, vague INTEGER,\n"
    "  PRIMARY KEY (aid, n)) WITHOUT ROWID;\n"
    "CREATE TABLE places (\n"
    "  aid INTEGER NOT NULL, n INTEGER NOT NULL, sentence INTEGER,\n"
    "  start INTEGER, end INTEGER, text TEXT, name TEXT, country TEXT, region TEXT,\n"
    "  lat REAL, lon REAL, geonames_id INTEGER, kind TEXT,\n"
    "  PRIMARY KEY (aid, n)) WITHOUT ROWID;\n"
    "CREATE TABLE dates (\n"
    "  aid INTEGER NOT NULL, n INTEGER NOT NULL, sentence INTEGER,\n"
    "  start INTEGER, end INTEGER, date TEXT, resolution TEXT, relative INTEGER,\n"
    "  PRIMARY KEY (aid, n)) WITHOUT ROWID;\n"
    "CREATE TABLE input_errors (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  file TEXT NOT NULL, line INTEGER NOT NULL, offset INTEGER NOT NULL,\n"
    "  message TEXT NOT NULL, added TEXT NOT NULL,\n"
    "  UNIQUE (file, line, offset, message));\n"
    "CREATE TABLE runs (\n"
    "  id INTEGER PRIMARY KEY, finished TEXT NOT NULL, seconds REAL,\n"
    "  inputs TEXT, added INTEGER, present INTEGER, duplicates INTEGER,\n"
    "  errors INTEGER, mentions INTEGER, new_events INTEGER);\n",
};
enum { NMIGRATIONS = sizeof migrations / sizeof migrations[0] };
_Static_assert(NMIGRATIONS == DL_STORE_VERSION, "one migration per schema version");

/* ---- prepared statements ---- */
enum {
    S_HAS, S_DUP, S_ARTICLE, S_FTS, S_SENTENCE, S_ACTOR, S_EVENT, S_EVENT_ID, S_MENTION,
    S_QUOTE, S_COUNT, S_PLACE, S_DATE, S_ERROR, S_AGGREGATE, S_RUN, NSTMT
};
static const char *const stmt_sql[NSTMT] = {
    [S_HAS] = "SELECT 1 FROM articles WHERE id = ?1",
    [S_DUP] = "SELECT aid FROM articles WHERE hash = ?1 AND outlet = ?2 AND duplicate_of IS NULL LIMIT 1",
    [S_ARTICLE] = "INSERT OR IGNORE INTO articles (id, hash, duplicate_of, title, url, source, outlet, published,"
                  " date, file, line, offset, format, dateline_place, length, tone, positive, negative, polarity,"
                  " activity, self_group, words, warnings, text, doc, added)"
                  " VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,?22,?23,"
                  "?24,?25,?26)",
    [S_FTS] = "INSERT INTO articles_fts (rowid, title, text) VALUES (?1, ?2, ?3)",
    [S_SENTENCE] = "INSERT OR IGNORE INTO sentences VALUES (?1, ?2, ?3, ?4)",
    [S_ACTOR] = "INSERT OR IGNORE INTO actors VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12)",
    [S_EVENT] = "INSERT INTO events (date, source, target, code, location, root, quad, goldstein, plover,"
                " plover_mode, source_name, source_country, source_roles, target_name, target_country,"
                " target_roles, place_name, place_country, place_region, place_lat, place_lon,"
                " place_geonames_id, place_kind, text, first_aid, added)"
                " VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,?22,?23,"
                "?24,?25,?26) ON CONFLICT (date, source, target, code, location) DO NOTHING",
    [S_EVENT_ID] = "SELECT eid FROM events WHERE date=?1 AND source=?2 AND target=?3 AND code=?4 AND location=?5",
    [S_MENTION] = "INSERT OR IGNORE INTO mentions (eid, aid, n, sentence, start, end, source_start, target_start,"
                  " date, source, target, code, is_root, negated, intent, confidence, pattern)"
                  " VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17)",
    [S_QUOTE] = "INSERT OR IGNORE INTO quotations VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11)",
    [S_COUNT] = "INSERT OR IGNORE INTO counts VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11)",
    [S_PLACE] = "INSERT OR IGNORE INTO places VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13)",
    [S_DATE] = "INSERT OR IGNORE INTO dates VALUES (?1,?2,?3,?4,?5,?6,?7,?8)",
    [S_ERROR] = "INSERT OR IGNORE INTO input_errors (file, line, offset, message, added) VALUES (?1,?2,?3,?4,?5)",
    /* Recomputed from the mentions rather than incremented, so the counts
     * are right whatever order articles arrive in. */
    [S_AGGREGATE] =
        "UPDATE events SET"
        " mentions = (SELECT count(*) FROM mentions WHERE eid = ?1),"
        " articles = (SELECT count(DISTINCT aid) FROM mentions WHERE eid = ?1),"
        " sources = (SELECT count(DISTINCT nullif(a.outlet, '')) FROM articles a"
        "            WHERE a.aid IN (SELECT aid FROM mentions WHERE eid = ?1)),"
        " avg_tone = (SELECT avg(a.tone) FROM articles a WHERE a.aid IN (SELECT aid FROM mentions WHERE eid = ?1)),"
        " first_seen = (SELECT min(a.date) FROM articles a WHERE a.aid IN (SELECT aid FROM mentions WHERE eid = ?1)),"
        " last_seen = (SELECT max(a.date) FROM articles a WHERE a.aid IN (SELECT aid FROM mentions WHERE eid = ?1)),"
        " is_root = (SELECT coalesce(max(is_root), 0) FROM mentions WHERE eid = ?1)"
        " WHERE eid = ?1",
    [S_RUN] = "INSERT INTO runs (finished, seconds, inputs, added, present, duplicates, errors, mentions,"
              " new_events) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9)",
};

struct dl_store {
    const json_t *sents;      /* the article being added's sentences */
    sqlite3 *db;
    int mode;
    sqlite3_stmt *stmt[NSTMT];
    sqlite3_int64 *touched;   /* events whose mentions changed in this transaction */
    size_t ntouched, captouched;
    int in_tx;
    dl_store_counts counts;
};

void dl_store_now(char out[21]) {
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static int exec(dl_store *st, const char *sql, char **err) {
    char *msg = NULL;
    if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        dl_set_err(err, "%s", msg ? msg : sqlite3_errmsg(st->db));
        sqlite3_free(msg);
        return -1;
    }
    return 0;
}

static int migrate(dl_store *st, char **err) {
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(st->db, "PRAGMA user_version", -1, &q, NULL) != SQLITE_OK) {
        dl_set_err(err, "%s", sqlite3_errmsg(st->db));
        return -1;
    }
    int version = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int(q, 0) : 0;
    sqlite3_finalize(q);
    if (version > DL_STORE_VERSION) {
        dl_set_err(err, "database schema version %d is newer than this dateline's (%d)", version, DL_STORE_VERSION);
        return -1;
    }
    if (version == DL_STORE_VERSION || st->mode == DL_STORE_READ) {
        if (version < DL_STORE_VERSION)
            dl_set_err(err, version == 0 ? "not a dateline database (no schema); run `dateline ingest` first"
                                      : "database schema version %d is older than this dateline's (%d); "
                                        "run `dateline ingest` to migrate it", version, DL_STORE_VERSION);
        return version == DL_STORE_VERSION ? 0 : -1;
    }
    /* every step and its version bump in one transaction: a kill mid-way
     * leaves the old version, which the next run migrates again */
    if (exec(st, "BEGIN IMMEDIATE", err)) return -1;
    for (int v = version; v < DL_STORE_VERSION; v++) {
        char bump[64];
        snprintf(bump, sizeof bump, "PRAGMA user_version = %d", v + 1);
        if (exec(st, migrations[v], err) || exec(st, bump, err)) {
            exec(st, "ROLLBACK", NULL);
            return -1;
        }
    }
    return exec(st, "COMMIT", err);
}

dl_store *dl_store_open(const char *path, int mode, char **err) {
    dl_store *st = calloc(1, sizeof *st);
    if (!st) { dl_set_err(err, "out of memory"); return NULL; }
    st->mode = mode;
    int flags = mode == DL_STORE_WRITE ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY;
    if (sqlite3_open_v2(path, &st->db, flags, NULL) != SQLITE_OK) {
        dl_set_err(err, "%s: %s", path, st->db ? sqlite3_errmsg(st->db) : "cannot open");
        dl_store_close(st);
        return NULL;
    }
    sqlite3_busy_timeout(st->db, 10000);
    /* WAL: readers (query, export) never block the writer; synchronous=NORMAL
     * keeps every committed batch across a crash of the process (a power
     * cut may lose the last batches, never consistency). */
    if (mode == DL_STORE_WRITE &&
        exec(st, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL", err)) {
        char *inner = err ? *err : NULL;
        if (err) *err = NULL;
        dl_set_err(err, "%s: %s", path, inner ? inner : "cannot set WAL mode");
        free(inner);
        dl_store_close(st);
        return NULL;
    }
    if (migrate(st, err)) {
        char *inner = err ? *err : NULL;
        if (err) *err = NULL;
        dl_set_err(err, "%s: %s", path, inner ? inner : "bad schema");
        free(inner);
        dl_store_close(st);
        return NULL;
    }
    if (mode == DL_STORE_WRITE) {
        for (int i = 0; i < NSTMT; i++) {
            if (sqlite3_prepare_v3(st->db, stmt_sql[i], -1, SQLITE_PREPARE_PERSISTENT, &st->stmt[i], NULL) != SQLITE_OK) {
                dl_set_err(err, "%s: %s", path, sqlite3_errmsg(st->db));
                dl_store_close(st);
                return NULL;
            }
        }
    }
    return st;
}

void dl_store_close(dl_store *st) {
    if (!st) return;
    if (st->in_tx) dl_store_rollback(st);
    for (int i = 0; i < NSTMT; i++) sqlite3_finalize(st->stmt[i]);
    sqlite3_close(st->db);
    free(st->touched);
    free(st);
}

sqlite3 *dl_store_db(dl_store *st) { return st->db; }
const dl_store_counts *dl_store_counts_get(const dl_store *st) { return &st->counts; }

int dl_store_begin(dl_store *st, char **err) {
    if (st->in_tx) return 0;
    if (exec(st, "BEGIN IMMEDIATE", err)) return -1;
    st->in_tx = 1;
    st->ntouched = 0;
    return 0;
}

static int cmp_i64(const void *a, const void *b) {
    sqlite3_int64 x = *(const sqlite3_int64 *)a, y = *(const sqlite3_int64 *)b;
    return x < y ? -1 : x > y;
}

/* Run a prepared statement that returns no rows, then reset it. */
static int run(dl_store *st, sqlite3_stmt *s, char **err) {
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
        dl_set_err(err, "%s", sqlite3_errmsg(st->db));
        return -1;
    }
    return 0;
}

int dl_store_commit(dl_store *st, char **err) {
    if (!st->in_tx) return 0;
    if (st->ntouched) qsort(st->touched, st->ntouched, sizeof *st->touched, cmp_i64);
    sqlite3_stmt *agg = st->stmt[S_AGGREGATE];
    for (size_t i = 0; i < st->ntouched; i++) {
        if (i && st->touched[i] == st->touched[i - 1]) continue;
        sqlite3_bind_int64(agg, 1, st->touched[i]);
        if (run(st, agg, err)) { dl_store_rollback(st); return -1; }
    }
    st->ntouched = 0;
    if (exec(st, "COMMIT", err)) { dl_store_rollback(st); return -1; }
    st->in_tx = 0;
    return 0;
}

void dl_store_rollback(dl_store *st) {
    if (!st->in_tx) return;
    exec(st, "ROLLBACK", NULL);
    st->in_tx = 0;
    st->ntouched = 0;
}

/* ---- reading the article object, tolerating absent stages ---- */

static const char *jstr(const json_t *o, const char *key) {
    const json_t *v = json_object_get(o, key);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

static int jhas_num(const json_t *o, const char *key) { return json_is_number(json_object_get(o, key)); }

static long long jint(const json_t *o, const char *key, long long def) {
    const json_t *v = json_object_get(o, key);
    if (json_is_integer(v)) return json_integer_value(v);
    if (json_is_real(v)) return (long long)json_real_value(v);
    if (json_is_true(v)) return 1;
    if (json_is_false(v)) return 0;
    return def;
}

/* Where a found thing is: "start"/"end", or "span": [start, end]. */
static int jspan(const json_t *o, long long *start, long long *end) {
    const json_t *span = json_object_get(o, "span");
    if (json_is_array(span) && json_array_size(span) == 2) {
        const json_t *a = json_array_get(span, 0), *b = json_array_get(span, 1);
        *start = json_is_integer(a) ? json_integer_value(a) : -1;
        *end = json_is_integer(b) ? json_integer_value(b) : -1;
        return *start >= 0;
    }
    *start = jint(o, "start", -1);
    *end = jint(o, "end", -1);
    return *start >= 0;
}

/* A place's GeoNames id, under either spelling of the key. */
static const char *geo_key(const json_t *place) {
    return json_object_get(place, "geonames_id") ? "geonames_id" : "geonameid";
}

static void bind_str(sqlite3_stmt *s, int i, const char *v) {
    if (v) sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
    else sqlite3_bind_null(s, i);
}

static void bind_int_or_null(sqlite3_stmt *s, int i, long long v) {
    if (v >= 0) sqlite3_bind_int64(s, i, v);
    else sqlite3_bind_null(s, i);
}

static void bind_num(sqlite3_stmt *s, int i, const json_t *o, const char *key) {
    const json_t *v = json_object_get(o, key);
    if (json_is_integer(v)) sqlite3_bind_int64(s, i, json_integer_value(v));
    else if (json_is_real(v)) sqlite3_bind_double(s, i, json_real_value(v));
    else sqlite3_bind_null(s, i);
}

/* A string field, or a nested object's "name" / "code" (stages differ in
 * whether they give a bare code or an object). */
static const char *jstr_or(const json_t *o, const char *key, const char *sub) {
    const json_t *v = json_object_get(o, key);
    if (json_is_string(v)) return json_string_value(v);
    if (json_is_object(v)) return jstr(v, sub);
    return NULL;
}

/* The outlet an article counts as for NumSources: its source, else the
 * host of its URL, else the first agency of its dateline, else unknown. */
static void outlet_of(const json_t *obj, char *out, size_t cap) {
    out[0] = 0;
    const char *s = jstr(obj, "source");
    if (s && *s) { snprintf(out, cap, "%s", s); return; }
    const char *url = jstr(obj, "url");
    if (url && *url) {
        const char *p = strstr(url, "://");
        p = p ? p + 3 : url;
        if (!strncasecmp(p, "www.", 4)) p += 4;
        size_t n = strcspn(p, "/:?#");
        if (n >= cap) n = cap - 1;
        for (size_t i = 0; i < n; i++) out[i] = (char)tolower((unsigned char)p[i]);
        out[n] = 0;
        if (n) return;
    }
    const json_t *dl = json_object_get(obj, "dateline");
    const json_t *ag = json_is_object(dl) ? json_object_get(dl, "agencies") : NULL;
    if (json_is_array(ag) && json_array_size(ag) > 0) {
        const json_t *first = json_array_get(ag, 0);
        const char *code = json_is_string(first) ? json_string_value(first) : json_is_object(first) ? jstr(first, "code") : NULL;
        if (code) snprintf(out, cap, "%s", code);
    }
}

static long utf8_chars(const char *s, size_t n) {
    long c = 0;
    for (size_t i = 0; i < n; i++) c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

static int touch(dl_store *st, sqlite3_int64 eid) {
    if (st->ntouched == st->captouched) {
        st->captouched = st->captouched ? st->captouched * 2 : 64;
        st->touched = dl_xrealloc(st->touched, st->captouched * sizeof *st->touched);
    }
    st->touched[st->ntouched++] = eid;
    return 0;
}

/* The actor an event names as its source or target: an object in the event
 * itself, else the article's actors[i] from "actors": {"source": i}. */
static const json_t *event_actor(const json_t *ev, const json_t *actors, const char *role) {
    const json_t *v = json_object_get(ev, role);
    const json_t *idx = json_object_get(v, "actor");   /* {"code": .., "actor": i} */
    if (json_is_integer(idx) && json_integer_value(idx) >= 0 && json_array_get(actors, (size_t)json_integer_value(idx)))
        return json_array_get(actors, (size_t)json_integer_value(idx));
    if (json_is_object(v)) return v;
    idx = json_object_get(json_object_get(ev, "actors"), role);
    if (json_is_integer(idx) && json_integer_value(idx) >= 0)
        return json_array_get(actors, (size_t)json_integer_value(idx));
    return NULL;
}

/* The sentence holding byte offset off, from the article's sentences, or -1. */
static long long sentence_at(const json_t *sents, long long off) {
    size_t i;
    const json_t *it;
    json_array_foreach(sents, i, it) {
        long long a = jint(it, "start", -1), b = jint(it, "end", -1);
        if (off >= a && off < b) return (long long)i;
    }
    return -1;
}

/* The place of an event: the coder's (an object, or an index into places);
 * else the place named nearest the action in the same sentence, not counting
 * places that stand for an actor ("Moscow said": metonymy, or the span of an
 * actor mention). */
static int overlaps_actor(const json_t *actors, long long a, long long b) {
    size_t i;
    const json_t *x;
    json_array_foreach(actors, i, x) {
        long long s, e;
        if (jspan(x, &s, &e) && s < b && a < e) return 1;
    }
    return 0;
}

static const json_t *event_place(const json_t *ev, const json_t *places, const json_t *sents, const json_t *actors) {
    const json_t *v = json_object_get(ev, "location");
    if (!v) v = json_object_get(ev, "place");
    if (json_is_object(v)) return v;
    if (json_is_integer(v) && json_integer_value(v) >= 0) return json_array_get(places, (size_t)json_integer_value(v));
    if (v && !json_is_null(v)) return NULL;   /* a bare name: the caller uses it */
    long long start, end, si = jint(ev, "sentence", -1);
    if (si < 0 || !jspan(ev, &start, &end)) return NULL;
    const json_t *best = NULL;
    long long best_d = 0;
    size_t i;
    const json_t *p;
    json_array_foreach(places, i, p) {
        long long a, b;
        if (!jspan(p, &a, &b) || jint(p, "metonymy", 0) || overlaps_actor(actors, a, b)) continue;
        long long ps = jint(p, "sentence", -2);
        if (ps == -2) ps = sentence_at(sents, a);
        if (ps != si) continue;
        long long d = a >= end ? a - end : start >= b ? start - b : 0;
        if (d == 0 && a >= start && b <= end) continue;   /* inside the action words: not a place of it */
        if (!best || d < best_d) { best = p; best_d = d; }
    }
    return best;
}

/* An event in the lead: in the story's first two sentences, with no
 * paragraph break before it (GDELT: "the lead paragraph"). */
static int in_lead(const json_t *sents, long long si, const char *text, size_t len) {
    if (si < 0 || si > 1) return 0;
    if (si == 0) return 1;
    long long a = jint(json_array_get(sents, 0), "start", -1), b = jint(json_array_get(sents, 1), "start", -1);
    if (a < 0 || b < a || (size_t)b > len) return 1;
    for (long long i = a; i + 1 < b; i++)
        if (text[i] == '\n') {
            long long j = i + 1;
            while (j < b && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r')) j++;
            if (j < b && text[j] == '\n') return 0;
        }
    return 1;
}

static int add_event(dl_store *st, sqlite3_int64 aid, size_t n, const json_t *ev, const json_t *obj,
                     const char *text, size_t len, const char *now, char **err) {
    const json_t *actors = json_object_get(obj, "actors"), *places = json_object_get(obj, "places");
    const json_t *src = event_actor(ev, actors, "source"), *tgt = event_actor(ev, actors, "target");
    const char *scode = jstr_or(ev, "source", "code"), *tcode = jstr_or(ev, "target", "code");
    if (!scode && src) scode = jstr(src, "code");
    if (!tcode && tgt) tcode = jstr(tgt, "code");
    const char *code = jstr(ev, "cameo");
    if (!code) code = jstr_or(ev, "code", "code");
    if (!code || !*code) return 0;  /* nothing to aggregate on */
    const char *date = jstr(ev, "date");
    if (!date || !*date) date = jstr(obj, "date");
    const json_t *sents = json_object_get(obj, "sentences");
    const json_t *place = event_place(ev, places, sents, actors);
    char location[64] = "";
    const char *loc_name = NULL;
    if (place) {
        loc_name = jstr(place, "name");
        if (!loc_name) loc_name = jstr(place, "text");
        if (jhas_num(place, geo_key(place)))
            snprintf(location, sizeof location, "%lld", jint(place, geo_key(place), 0));
        else if (loc_name)
            snprintf(location, sizeof location, "%s", loc_name);
    } else if ((loc_name = jstr(ev, "location")) != NULL) {
        snprintf(location, sizeof location, "%s", loc_name);
    }
    long long start, end;
    if (!jspan(ev, &start, &end)) start = end = -1;
    long long sentence = jint(ev, "sentence", -1);
    int negated = (int)jint(ev, "negated", 0), intent = (int)jint(ev, "intent", 0);
    int is_root = in_lead(sents, sentence, text, len);

    sqlite3_int64 eid = 0;
    /* A negated event ("did not attack") is kept as a mention but is not an
     * event: it joins no aggregate -- unless negation made it CAMEO's
     * refusal code ("did not lift the sanctions" is 1231, an act of its
     * own; the coder sets "negated" on those too). */
    if (!negated || (code[0] == '1' && code[1] == '2')) {
        char root[3] = {code[0], code[0] ? code[1] : 0, 0};
        const char *r = jstr(ev, "root");
        const json_t *pl = json_object_get(ev, "plover");
        const char *ptype = json_is_string(pl) ? json_string_value(pl) : jstr(pl, "type");
        const char *pmode = json_is_object(pl) ? jstr(pl, "mode") : jstr(ev, "plover_mode");
        sqlite3_stmt *s = st->stmt[S_EVENT];
        bind_str(s, 1, date ? date : "");
        bind_str(s, 2, scode ? scode : "");
        bind_str(s, 3, tcode ? tcode : "");
        bind_str(s, 4, code);
        bind_str(s, 5, location);
        bind_str(s, 6, r ? r : root);
        bind_num(s, 7, ev, "quad");
        bind_num(s, 8, ev, "goldstein");
        bind_str(s, 9, ptype);
        bind_str(s, 10, pmode);
        bind_str(s, 11, src ? jstr(src, "name") : NULL);
        bind_str(s, 12, src ? jstr(src, "country") : NULL);
        bind_str(s, 13, src ? jstr(src, "roles") : NULL);
        bind_str(s, 14, tgt ? jstr(tgt, "name") : NULL);
        bind_str(s, 15, tgt ? jstr(tgt, "country") : NULL);
        bind_str(s, 16, tgt ? jstr(tgt, "roles") : NULL);
        bind_str(s, 17, loc_name);
        bind_str(s, 18, place ? jstr(place, "country") : NULL);
        bind_str(s, 19, place ? jstr(place, "region") : NULL);
        if (place) bind_num(s, 20, place, "lat"); else sqlite3_bind_null(s, 20);
        if (place) bind_num(s, 21, place, "lon"); else sqlite3_bind_null(s, 21);
        if (place) bind_num(s, 22, place, geo_key(place)); else sqlite3_bind_null(s, 22);
        bind_str(s, 23, place ? jstr(place, "kind") : NULL);
        if (start >= 0 && end > start && (size_t)end <= len)
            sqlite3_bind_text(s, 24, text + start, (int)(end - start), SQLITE_TRANSIENT);
        else
            bind_str(s, 24, jstr(ev, "text"));
        sqlite3_bind_int64(s, 25, aid);
        bind_str(s, 26, now);
        if (run(st, s, err)) return -1;
        if (sqlite3_changes(st->db) > 0) st->counts.new_events++;
        sqlite3_stmt *q = st->stmt[S_EVENT_ID];
        bind_str(q, 1, date ? date : "");
        bind_str(q, 2, scode ? scode : "");
        bind_str(q, 3, tcode ? tcode : "");
        bind_str(q, 4, code);
        bind_str(q, 5, location);
        if (sqlite3_step(q) == SQLITE_ROW) eid = sqlite3_column_int64(q, 0);
        sqlite3_reset(q);
        sqlite3_clear_bindings(q);
        if (!eid) { dl_set_err(err, "event row not found after insert"); return -1; }
        touch(st, eid);
    }
    sqlite3_stmt *m = st->stmt[S_MENTION];
    if (eid) sqlite3_bind_int64(m, 1, eid); else sqlite3_bind_null(m, 1);
    sqlite3_bind_int64(m, 2, aid);
    sqlite3_bind_int64(m, 3, (sqlite3_int64)n);
    bind_int_or_null(m, 4, sentence);
    bind_int_or_null(m, 5, start);
    bind_int_or_null(m, 6, end);
    long long ss = -1, ts = -1, dummy;
    if (src) jspan(src, &ss, &dummy);
    if (tgt) jspan(tgt, &ts, &dummy);
    bind_int_or_null(m, 7, ss);
    bind_int_or_null(m, 8, ts);
    bind_str(m, 9, date);
    bind_str(m, 10, scode);
    bind_str(m, 11, tcode);
    bind_str(m, 12, code);
    sqlite3_bind_int(m, 13, is_root);
    sqlite3_bind_int(m, 14, negated);
    sqlite3_bind_int(m, 15, intent);
    bind_num(m, 16, ev, "confidence");
    bind_str(m, 17, jstr_or(ev, "pattern", "id"));
    if (run(st, m, err)) return -1;
    st->counts.mentions++;
    return 0;
}

typedef int (*item_fn)(dl_store *st, sqlite3_stmt *s, sqlite3_int64 aid, size_t n, const json_t *it);

/* aid, n, sentence (given, else found from the start offset), start, end */
static void bind_common(dl_store *st, sqlite3_stmt *s, sqlite3_int64 aid, size_t n, const json_t *it) {
    long long start, end;
    if (!jspan(it, &start, &end)) start = end = -1;
    sqlite3_bind_int64(s, 1, aid);
    sqlite3_bind_int64(s, 2, (sqlite3_int64)n);
    const json_t *sent = json_object_get(it, "sentence");
    bind_int_or_null(s, 3, json_is_integer(sent) ? json_integer_value(sent) : start >= 0 ? sentence_at(st->sents, start) : -1);
    bind_int_or_null(s, 4, start);
    bind_int_or_null(s, 5, end);
}

static int item_actor(dl_store *st, sqlite3_stmt *s, sqlite3_int64 aid, size_t n, const json_t *it) {
    bind_common(st, s, aid, n, it);
    bind_str(s, 6, jstr(it, "text"));
    bind_str(s, 7, jstr(it, "code"));
    bind_str(s, 8, jstr(it, "country"));
    const json_t *roles = json_object_get(it, "roles");
    if (json_is_array(roles)) {   /* ["GOV","MIL"] -> "GOVMIL" */
        char buf[64] = "";
        size_t k;
        const json_t *r;
        json_array_foreach(roles, k, r) if (json_is_string(r)) strncat(buf, json_string_value(r), sizeof buf - strlen(buf) - 1);
        bind_str(s, 9, buf);
    } else
        bind_str(s, 9, jstr(it, "roles"));
    bind_str(s, 10, jstr(it, "kind"));
    bind_str(s, 11, jstr(it, "name"));
    bind_str(s, 12, jstr(it, "how"));
    return 0;
}

static int item_quote(dl_store *st, sqlite3_stmt *s, sqlite3_int64 aid, size_t n, const json_t *it) {
    bind_common(st, s, aid, n, it);
    bind_str(s, 6, jstr(it, "text"));
    bind_str(s, 7, jstr(it, "verb"));
    const json_t *sp = json_object_get(it, "speaker");
    if (json_is_object(sp)) {
        const char *name = jstr(sp, "name");
        bind_str(s, 8, name ? name : jstr(sp, "text"));
        bind_str(s, 9, jstr(sp, "code"));
        long long a, b;
        bind_int_or_null(s, 10, jspan(sp, &a, &b) ? a : -1);
    } else {
        bind_str(s, 8, json_is_string(sp) ? json_string_value(sp) : NULL);
        bind_str(s, 9, jstr(it, "speaker_code"));
        sqlite3_bind_null(s, 10);
    }
    const json_t *p = json_object_get(it, "partial");
    if (json_is_boolean(p) || json_is_integer(p)) sqlite3_bind_int(s, 11, (int)jint(it, "partial", 0));
    else {
        const char *kind = jstr(it, "kind");
        if (kind) sqlite3_bind_int(s, 11, !strcmp(kind, "partial"));
        else sqlite3_bind_null(s, 11);
    }
    return 0;
}

static int item_count(dl_store *st, sqlite3_stmt *s, sqlite3_int64 aid, size_t n, const json_t *it) {
    bind_common(st, s, aid, n, it);
    bind_str(s, 6, jstr(it, "type"));
    if (jhas_num(it, "value")) bind_num(s, 7, it, "value");
    else bind_num(s, 7, it, "number");
    bind_str(s, 8, jstr(it, "object"));
    bind_str(s, 9, jstr(it, "currency"));
    bind_str(s, 10, jstr_or(it, "actor", "code"));
    const json_t *v = json_object_get(it, "vague");
    if (v) sqlite3_bind_int(s, 11, (int)jint(it, "vague", 0)); else sqlite3_bind_null(s, 11);
    return 0;
}

static int item_place(dl_store *st, sqlite3_stmt *s, sqlite3_int64 aid, size_t n, const json_t *it) {
    bind_common(st, s, aid, n, it);
    bind_str(s, 6, jstr(it, "text"));
    bind_str(s, 7, jstr(it, "name"));
    bind_str(s, 8, jstr(it, "country"));
    bind_str(s, 9, jstr(it, "region"));
    bind_num(s, 10, it, "lat");
    bind_num(s, 11, it, "lon");
    bind_num(s, 12, it, geo_key(it));
    bind_str(s, 13, jstr(it, "kind"));
    return 0;
}

static int item_date(dl_store *st, sqlite3_stmt *s, sqlite3_int64 aid, size_t n, const json_t *it) {
    bind_common(st, s, aid, n, it);
    bind_str(s, 6, jstr(it, "date"));
    const char *res = jstr(it, "resolution");
    bind_str(s, 7, res ? res : jstr(it, "res"));
    const json_t *r = json_object_get(it, "relative");
    if (r) sqlite3_bind_int(s, 8, (int)jint(it, "relative", 0)); else sqlite3_bind_null(s, 8);
    return 0;
}

static int add_items(dl_store *st, int which, item_fn fn, sqlite3_int64 aid, const json_t *arr, char **err) {
    if (!json_is_array(arr)) return 0;
    size_t i;
    const json_t *it;
    json_array_foreach(arr, i, it) {
        if (!json_is_object(it)) continue;
        fn(st, st->stmt[which], aid, i, it);
        if (run(st, st->stmt[which], err)) return -1;
    }
    return 0;
}

int dl_store_has(dl_store *st, const char *id) {
    sqlite3_stmt *s = st->stmt[S_HAS];
    bind_str(s, 1, id);
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
    return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

int dl_store_add(dl_store *st, json_t *obj, const char *text, size_t len, char **err) {
    const char *id = jstr(obj, "id");
    if (!id || !*id) { dl_set_err(err, "article has no id"); return -1; }
    if (!text) {
        text = jstr(obj, "text");
        len = text ? strlen(text) : 0;
        if (!text) text = "";
    }
    if (!st->in_tx && dl_store_begin(st, err)) return -1;
    int has = dl_store_has(st, id);
    if (has < 0) { dl_set_err(err, "%s", sqlite3_errmsg(st->db)); return -1; }
    if (has) { st->counts.present++; return DL_STORE_PRESENT; }

    char hash[18], outlet[256], now[21];
    dl_content_id(text, len, hash);
    outlet_of(obj, outlet, sizeof outlet);
    dl_store_now(now);
    sqlite3_int64 dup = 0;
    sqlite3_stmt *d = st->stmt[S_DUP];
    bind_str(d, 1, hash);
    bind_str(d, 2, outlet);
    if (sqlite3_step(d) == SQLITE_ROW) dup = sqlite3_column_int64(d, 0);
    sqlite3_reset(d);
    sqlite3_clear_bindings(d);

    /* the object without what has its own table or column: what is left
     * (dateline, boilerplate, warnings, meta, keys of future stages) is
     * kept so that a later schema can be filled from it */
    static const char *const in_tables[] = {"text", "sentences", "actors", "events", "quotes", "counts",
                                            "places", "dates", "tone"};
    json_t *doc = json_copy(obj);
    for (size_t i = 0; i < sizeof in_tables / sizeof in_tables[0]; i++) json_object_del(doc, in_tables[i]);
    char *doc_json = json_dumps(doc, JSON_COMPACT);
    json_decref(doc);
    const json_t *input = json_object_get(obj, "input");
    const json_t *dl = json_object_get(obj, "dateline");
    const json_t *tone = json_object_get(obj, "tone");
    const json_t *warn = json_object_get(obj, "warnings");

    sqlite3_stmt *s = st->stmt[S_ARTICLE];
    bind_str(s, 1, id);
    bind_str(s, 2, hash);
    if (dup) sqlite3_bind_int64(s, 3, dup); else sqlite3_bind_null(s, 3);
    bind_str(s, 4, jstr(obj, "title"));
    bind_str(s, 5, jstr(obj, "url"));
    bind_str(s, 6, jstr(obj, "source"));
    bind_str(s, 7, outlet);
    bind_str(s, 8, jstr(obj, "published"));
    bind_str(s, 9, jstr(obj, "date"));
    bind_str(s, 10, jstr(input, "file"));
    bind_int_or_null(s, 11, jint(input, "line", -1));
    bind_int_or_null(s, 12, jint(input, "offset", -1));
    bind_str(s, 13, jstr(input, "format"));
    bind_str(s, 14, json_is_object(dl) ? jstr(dl, "place") : NULL);
    sqlite3_bind_int64(s, 15, utf8_chars(text, len));
    if (json_is_number(tone)) {
        sqlite3_bind_double(s, 16, json_number_value(tone));
    } else if (json_is_object(tone)) {
        bind_num(s, 16, tone, "tone");
        bind_num(s, 17, tone, "positive");
        bind_num(s, 18, tone, "negative");
        bind_num(s, 19, tone, "polarity");
        bind_num(s, 20, tone, "activity");
        bind_num(s, 21, tone, jhas_num(tone, "self_group") ? "self_group" : "selfgroup");
        bind_num(s, 22, tone, "words");
    }
    sqlite3_bind_int64(s, 23, json_is_array(warn) ? (sqlite3_int64)json_array_size(warn) : 0);
    sqlite3_bind_text(s, 24, text, (int)len, SQLITE_TRANSIENT);
    bind_str(s, 25, doc_json);
    bind_str(s, 26, now);
    int rc = run(st, s, err);
    free(doc_json);
    if (rc) return -1;
    if (sqlite3_changes(st->db) == 0) { st->counts.present++; return DL_STORE_PRESENT; }
    sqlite3_int64 aid = sqlite3_last_insert_rowid(st->db);
    if (dup) { st->counts.duplicates++; return DL_STORE_DUPLICATE; }

    sqlite3_stmt *f = st->stmt[S_FTS];
    sqlite3_bind_int64(f, 1, aid);
    bind_str(f, 2, jstr(obj, "title"));
    sqlite3_bind_text(f, 3, text, (int)len, SQLITE_TRANSIENT);
    if (run(st, f, err)) return -1;

    const json_t *sents = json_object_get(obj, "sentences");
    st->sents = sents;
    if (json_is_array(sents)) {
        size_t i;
        const json_t *it;
        json_array_foreach(sents, i, it) {
            long long a, b;
            if (!jspan(it, &a, &b)) continue;
            sqlite3_stmt *q = st->stmt[S_SENTENCE];
            sqlite3_bind_int64(q, 1, aid);
            sqlite3_bind_int64(q, 2, (sqlite3_int64)i);
            sqlite3_bind_int64(q, 3, a);
            sqlite3_bind_int64(q, 4, b);
            if (run(st, q, err)) return -1;
        }
    }
    if (add_items(st, S_ACTOR, item_actor, aid, json_object_get(obj, "actors"), err) ||
        add_items(st, S_QUOTE, item_quote, aid, json_object_get(obj, "quotes"), err) ||
        add_items(st, S_COUNT, item_count, aid, json_object_get(obj, "counts"), err) ||
        add_items(st, S_PLACE, item_place, aid, json_object_get(obj, "places"), err) ||
        add_items(st, S_DATE, item_date, aid, json_object_get(obj, "dates"), err))
        return -1;
    const json_t *events = json_object_get(obj, "events");
    if (json_is_array(events)) {
        size_t i;
        const json_t *ev;
        json_array_foreach(events, i, ev) {
            if (json_is_object(ev) && add_event(st, aid, i, ev, obj, text, len, now, err)) return -1;
        }
    }
    st->counts.added++;
    return DL_STORE_ADDED;
}

int dl_store_add_error(dl_store *st, const char *origin, long line, long offset, const char *message,
                       char **err) {
    if (!st->in_tx && dl_store_begin(st, err)) return -1;
    char now[21];
    dl_store_now(now);
    sqlite3_stmt *s = st->stmt[S_ERROR];
    bind_str(s, 1, origin ? origin : "");
    sqlite3_bind_int64(s, 2, line);
    sqlite3_bind_int64(s, 3, offset);
    bind_str(s, 4, message ? message : "");
    bind_str(s, 5, now);
    if (run(st, s, err)) return -1;
    st->counts.errors++;
    return 0;
}

int dl_store_log_run(dl_store *st, const char *inputs, double seconds, char **err) {
    char now[21];
    dl_store_now(now);
    sqlite3_stmt *s = st->stmt[S_RUN];
    bind_str(s, 1, now);
    sqlite3_bind_double(s, 2, seconds);
    bind_str(s, 3, inputs);
    sqlite3_bind_int64(s, 4, st->counts.added);
    sqlite3_bind_int64(s, 5, st->counts.present);
    sqlite3_bind_int64(s, 6, st->counts.duplicates);
    sqlite3_bind_int64(s, 7, st->counts.errors);
    sqlite3_bind_int64(s, 8, st->counts.mentions);
    sqlite3_bind_int64(s, 9, st->counts.new_events);
    return run(st, s, err);
}
