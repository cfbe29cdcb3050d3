/* query.c -- filters, output formats and the summary; see query.h. */
#include "query.h"
#include "../util/arena.h"
#include "../util/buf.h"
#include <ctype.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* YYYY, YYYY-MM or YYYY-MM-DD. */
static int date_prefix_ok(const char *s) {
    static const char shape[] = "dddd-dd-dd";
    size_t n = strlen(s);
    if (n != 4 && n != 7 && n != 10) return 0;
    for (size_t i = 0; i < n; i++)
        if (shape[i] == 'd' ? !isdigit((unsigned char)s[i]) : s[i] != '-') return 0;
    return 1;
}

static void cond(dl_buf *sql, int *first) {
    dl_buf_adds(sql, *first ? " WHERE " : " AND ");
    *first = 0;
}

int dl_query_where(const dl_query *q, dl_buf *sql, const char *params[16], int *nparams, char **err) {
    int first = 1, n = 0;
    static char quad_text[4][2] = {"1", "2", "3", "4"};
    if (q->since && !date_prefix_ok(q->since)) { dl_set_err(err, "bad --since date '%s' (YYYY[-MM[-DD]])", q->since); return -1; }
    if (q->until && !date_prefix_ok(q->until)) { dl_set_err(err, "bad --until date '%s' (YYYY[-MM[-DD]])", q->until); return -1; }
    if (q->quad < 0 || q->quad > 4) { dl_set_err(err, "bad --quad %d (1 to 4)", q->quad); return -1; }
    const char *side[2] = {q->source, q->target};
    const char *col[2] = {"source", "target"};
    for (int i = 0; i < 2; i++) {
        if (!side[i] || !*side[i]) continue;
        cond(sql, &first);
        params[n++] = side[i];
        dl_buf_printf(sql, "(instr(e.%s, ?%d) = 1 OR e.%s_name = ?%d COLLATE NOCASE)", col[i], n, col[i], n);
    }
    if (q->actor && *q->actor) {
        cond(sql, &first);
        params[n++] = q->actor;
        dl_buf_printf(sql, "(instr(e.source, ?%d) = 1 OR instr(e.target, ?%d) = 1 OR e.source_name = ?%d COLLATE NOCASE"
                           " OR e.target_name = ?%d COLLATE NOCASE)", n, n, n, n);
    }
    if (q->code && *q->code) {
        cond(sql, &first);
        params[n++] = q->code;
        dl_buf_printf(sql, "instr(e.code, ?%d) = 1", n);
    }
    if (q->root && *q->root) {
        cond(sql, &first);
        params[n++] = q->root;
        /* "4" and "04" both mean root 04 */
        dl_buf_printf(sql, "e.root = printf('%%02d', ?%d)", n);
    }
    if (q->quad) {
        cond(sql, &first);
        params[n++] = quad_text[q->quad - 1];
        dl_buf_printf(sql, "e.quad = ?%d", n);
    }
    if (q->plover && *q->plover) {
        cond(sql, &first);
        params[n++] = q->plover;
        dl_buf_printf(sql, "e.plover = ?%d COLLATE NOCASE", n);
    }
    if (q->since) {
        cond(sql, &first);
        params[n++] = q->since;
        dl_buf_printf(sql, "e.date >= ?%d", n);
    }
    if (q->until) {
        cond(sql, &first);
        params[n++] = q->until;
        dl_buf_printf(sql, "e.date <> '' AND substr(e.date, 1, length(?%d)) <= ?%d", n, n);
    }
    if (q->place && *q->place) {
        cond(sql, &first);
        params[n++] = q->place;
        dl_buf_printf(sql, "(e.place_name = ?%d COLLATE NOCASE OR e.place_country = ?%d COLLATE NOCASE"
                           " OR e.eid IN (SELECT m.eid FROM mentions m JOIN articles a ON a.aid = m.aid"
                           " WHERE a.dateline_place = ?%d COLLATE NOCASE))", n, n, n);
    }
    if (q->text && *q->text) {
        cond(sql, &first);
        params[n++] = q->text;
        dl_buf_printf(sql, "e.eid IN (SELECT m.eid FROM mentions m WHERE m.aid IN"
                           " (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?%d))", n);
    }
    *nparams = n;
    return 0;
}

sqlite3_stmt *dl_query_prepare(sqlite3 *db, const char *sql, const char *const *params, int nparams, char **err) {
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK) {
        dl_set_err(err, "%s", sqlite3_errmsg(db));
        return NULL;
    }
    for (int i = 0; i < nparams; i++) sqlite3_bind_text(s, i + 1, params[i], -1, SQLITE_STATIC);
    return s;
}

/* ---- output ---- */

static const char *const columns[] = {
    "id", "date", "source", "source_name", "target", "target_name", "code", "root", "quad", "goldstein",
    "plover", "plover_mode", "place", "mentions", "sources", "articles", "tone", "first_seen", "last_seen",
    "root_event", "text",
};
enum { NCOL = sizeof columns / sizeof columns[0] };
static const char select_cols[] =
    "SELECT e.eid, e.date, e.source, e.source_name, e.target, e.target_name, e.code, e.root, e.quad,"
    " e.goldstein, e.plover, e.plover_mode, e.place_name, e.mentions, e.sources, e.articles,"
    " round(e.avg_tone, 3), e.first_seen, e.last_seen, e.is_root, e.text FROM events e";

/* The table's columns: which result column, its heading, at most how wide. */
static const struct { int col; const char *head; int max; int right; } table_cols[] = {
    {1, "DATE", 10, 0}, {2, "SOURCE", 12, 0}, {4, "TARGET", 12, 0}, {6, "CODE", 4, 0},
    {8, "Q", 1, 1}, {9, "GOLD", 5, 1}, {10, "PLOVER", 14, 0}, {12, "PLACE", 14, 0},
    {13, "MENT", 4, 1}, {14, "SRC", 3, 1}, {15, "ART", 3, 1}, {16, "TONE", 6, 1}, {19, "LEAD", 4, 0},
    {20, "WHAT", 48, 0},
};
enum { NTCOL = sizeof table_cols / sizeof table_cols[0] };

static size_t u8len(const char *s) {
    size_t n = 0;
    for (; *s; s++) n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* Copy s for a table cell: whitespace runs become one space, and at most
 * max characters (the last one an ellipsis when cut). */
static char *cell(const char *s, int max) {
    dl_buf b = DL_BUF_INIT;
    size_t chars = 0;
    int space = 0;
    for (const char *p = s ? s : ""; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c == '\n' || c == '\t' || c == '\r' || c == ' ') { space = b.len > 0; continue; }
        if ((c & 0xC0) != 0x80) {
            if (space) {
                if (chars + 1 >= (size_t)max) break;
                dl_buf_addc(&b, ' ');
                chars++;
                space = 0;
            }
            if (chars + 1 > (size_t)max) break;
            chars++;
        }
        dl_buf_addc(&b, (char)c);
    }
    size_t full = u8len(s ? s : "");
    if (chars < full && max > 1 && chars >= (size_t)max) {
        /* drop the last character and put an ellipsis */
        while (b.len && ((unsigned char)b.p[b.len - 1] & 0xC0) == 0x80) b.len--;
        if (b.len) b.len--;
        dl_buf_adds(&b, "\xE2\x80\xA6");
    }
    if (!b.p) dl_buf_adds(&b, "");
    return dl_buf_take(&b);
}

static void csv_field(FILE *out, const char *s) {
    if (!s) return;
    if (!strpbrk(s, ",\"\n\r")) { fputs(s, out); return; }
    fputc('"', out);
    for (; *s; s++) {
        if (*s == '"') fputc('"', out);
        fputc(*s, out);
    }
    fputc('"', out);
}

static void tsv_field(FILE *out, const char *s) {
    for (; s && *s; s++) fputc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, out);
}

static void format_value(sqlite3_stmt *s, int i, char *buf, size_t cap) {
    switch (sqlite3_column_type(s, i)) {
    case SQLITE_NULL: buf[0] = 0; break;
    case SQLITE_INTEGER: snprintf(buf, cap, "%lld", (long long)sqlite3_column_int64(s, i)); break;
    case SQLITE_FLOAT: snprintf(buf, cap, "%g", sqlite3_column_double(s, i)); break;
    default: snprintf(buf, cap, "%s", (const char *)sqlite3_column_text(s, i)); break;
    }
}

int dl_query_write(sqlite3 *db, const dl_query *q, int format, FILE *out, char **err) {
    dl_buf sql = DL_BUF_INIT;
    const char *params[16];
    int np = 0;
    dl_buf_adds(&sql, select_cols);
    if (dl_query_where(q, &sql, params, &np, err)) { dl_buf_free(&sql); return -1; }
    dl_buf_adds(&sql, " ORDER BY e.articles DESC, e.mentions DESC, e.sources DESC, e.date DESC, e.eid");
    if (q->limit > 0) dl_buf_printf(&sql, " LIMIT %ld", q->limit);
    sqlite3_stmt *s = dl_query_prepare(db, sql.p, params, np, err);
    dl_buf_free(&sql);
    if (!s) return -1;

    char **cells = NULL;   /* table: rows x NTCOL, printed once widths are known */
    size_t nrows = 0, cap = 0;
    if (format == DL_FMT_CSV || format == DL_FMT_TSV) {
        for (int i = 0; i < NCOL; i++) {
            if (i) fputc(format == DL_FMT_CSV ? ',' : '\t', out);
            fputs(columns[i], out);
        }
        fputc('\n', out);
    }
    int rc;
    char v[64];
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (format == DL_FMT_JSONL) {
            json_t *o = json_object();
            for (int i = 0; i < NCOL; i++) {
                json_t *val;
                switch (sqlite3_column_type(s, i)) {
                case SQLITE_NULL: val = json_null(); break;
                case SQLITE_INTEGER: val = json_integer(sqlite3_column_int64(s, i)); break;
                case SQLITE_FLOAT: val = json_real(sqlite3_column_double(s, i)); break;
                default: val = json_string((const char *)sqlite3_column_text(s, i)); break;
                }
                if (!strcmp(columns[i], "root_event")) { json_decref(val); val = json_boolean(sqlite3_column_int(s, i)); }
                json_object_set_new(o, columns[i], val ? val : json_null());
            }
            char *line = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
            fputs(line, out);
            fputc('\n', out);
            free(line);
            json_decref(o);
        } else if (format == DL_FMT_CSV || format == DL_FMT_TSV) {
            for (int i = 0; i < NCOL; i++) {
                if (i) fputc(format == DL_FMT_CSV ? ',' : '\t', out);
                const char *t = sqlite3_column_type(s, i) == SQLITE_TEXT ? (const char *)sqlite3_column_text(s, i) : NULL;
                if (!t) { format_value(s, i, v, sizeof v); t = v; }
                if (format == DL_FMT_CSV) csv_field(out, t); else tsv_field(out, t);
            }
            fputc('\n', out);
        } else {
            if (nrows == cap) {
                cap = cap ? cap * 2 : 32;
                cells = dl_xrealloc(cells, cap * NTCOL * sizeof *cells);
            }
            for (int k = 0; k < NTCOL; k++) {
                int i = table_cols[k].col;
                const char *t;
                if (i == 19) t = sqlite3_column_int(s, i) ? "lead" : "";
                else if (i == 16 && sqlite3_column_type(s, i) != SQLITE_NULL) {
                    snprintf(v, sizeof v, "%.1f", sqlite3_column_double(s, i));
                    t = v;
                } else if (sqlite3_column_type(s, i) == SQLITE_TEXT) t = (const char *)sqlite3_column_text(s, i);
                else { format_value(s, i, v, sizeof v); t = v; }
                if ((i == 2 || i == 4) && !*t) t = "-";
                cells[nrows * NTCOL + k] = cell(t, table_cols[k].max);
            }
            nrows++;
        }
    }
    int status = 0;
    if (rc != SQLITE_DONE) { dl_set_err(err, "%s", sqlite3_errmsg(db)); status = -1; }
    sqlite3_finalize(s);
    if (format == DL_FMT_TABLE && status == 0) {
        size_t width[NTCOL];
        for (int k = 0; k < NTCOL; k++) {
            width[k] = u8len(table_cols[k].head);
            for (size_t r = 0; r < nrows; r++) {
                size_t w = u8len(cells[r * NTCOL + k]);
                if (w > width[k]) width[k] = w;
            }
        }
        for (size_t r = 0; r <= nrows; r++) {
            dl_buf line = DL_BUF_INIT;
            for (int k = 0; k < NTCOL; k++) {
                const char *t = r == 0 ? table_cols[k].head : cells[(r - 1) * NTCOL + k];
                size_t pad = width[k] - u8len(t);
                if (k) dl_buf_adds(&line, "  ");
                if (table_cols[k].right) for (size_t i = 0; i < pad; i++) dl_buf_addc(&line, ' ');
                dl_buf_adds(&line, t);
                if (!table_cols[k].right && k + 1 < NTCOL) for (size_t i = 0; i < pad; i++) dl_buf_addc(&line, ' ');
            }
            while (line.len && line.p[line.len - 1] == ' ') line.len--;
            fprintf(out, "%.*s\n", (int)line.len, line.p ? line.p : "");
            dl_buf_free(&line);
        }
        if (nrows == 0) fputs("(no events match)\n", out);
    }
    for (size_t i = 0; i < nrows * NTCOL; i++) free(cells[i]);
    free(cells);
    return status;
}

static int scalar(sqlite3 *db, const char *sql, long long *out, char **err) {
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK) { dl_set_err(err, "%s", sqlite3_errmsg(db)); return -1; }
    *out = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
    sqlite3_finalize(s);
    return 0;
}

int dl_query_summary(sqlite3 *db, FILE *out, char **err) {
    static const char *const sql[] = {
        "SELECT count(*) FROM articles WHERE duplicate_of IS NULL",
        "SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL",
        "SELECT count(*) FROM input_errors",
        "SELECT count(DISTINCT outlet) FROM articles WHERE outlet <> ''",
        "SELECT count(*) FROM events",
        "SELECT count(*) FROM mentions WHERE eid IS NOT NULL",
        "SELECT count(*) FROM events WHERE articles > 1",
        "SELECT count(*) FROM events WHERE is_root",
        "SELECT count(*) FROM actors",
        "SELECT count(*) FROM places",
        "SELECT count(*) FROM quotations",
        "SELECT count(*) FROM counts",
        "SELECT count(*) FROM mentions WHERE eid IS NULL",
    };
    long long v[sizeof sql / sizeof sql[0]];
    for (size_t i = 0; i < sizeof sql / sizeof sql[0]; i++)
        if (scalar(db, sql[i], &v[i], err)) return -1;
    sqlite3_stmt *s;
    char first[16] = "", last[16] = "";
    if (sqlite3_prepare_v2(db, "SELECT min(date), max(date) FROM articles WHERE date <> ''", -1, &s, NULL) == SQLITE_OK) {
        if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0)) {
            snprintf(first, sizeof first, "%s", (const char *)sqlite3_column_text(s, 0));
            snprintf(last, sizeof last, "%s", (const char *)sqlite3_column_text(s, 1));
        }
        sqlite3_finalize(s);
    }
    fprintf(out, "articles: %lld (%lld duplicate(s), %lld input error(s)) from %lld source(s)", v[0], v[1], v[2], v[3]);
    if (first[0]) fprintf(out, ", dated %s to %s", first, last);
    fprintf(out, "\nevents:   %lld from %lld mention(s); %lld reported by more than one article, %lld in a lead;"
                 " %lld negated mention(s) not counted\n", v[4], v[5], v[6], v[7], v[12]);
    fprintf(out, "found:    %lld actor mention(s), %lld place(s), %lld quotation(s), %lld count(s)\n", v[8], v[9], v[10],
            v[11]);
    /* the most active actors and the commonest kinds of event, by mentions */
    static const char *const top[][2] = {
        {"actors:  ", "SELECT a, sum(n) AS k FROM (SELECT source AS a, mentions AS n FROM events WHERE source <> ''"
                      " UNION ALL SELECT target, mentions FROM events WHERE target <> '') GROUP BY a ORDER BY k DESC, a LIMIT 8"},
        {"types:   ", "SELECT coalesce(plover, 'CAMEO ' || root), sum(mentions) AS k FROM events GROUP BY 1 ORDER BY k DESC, 1 LIMIT 8"},
        {"places:  ", "SELECT place_name, sum(mentions) AS k FROM events WHERE place_name IS NOT NULL GROUP BY 1"
                      " ORDER BY k DESC, 1 LIMIT 8"},
    };
    for (size_t t = 0; t < sizeof top / sizeof top[0]; t++) {
        if (sqlite3_prepare_v2(db, top[t][1], -1, &s, NULL) != SQLITE_OK) { dl_set_err(err, "%s", sqlite3_errmsg(db)); return -1; }
        int n = 0;
        while (sqlite3_step(s) == SQLITE_ROW) {
            fprintf(out, "%s%s %lld", n ? ", " : top[t][0], (const char *)sqlite3_column_text(s, 0),
                    (long long)sqlite3_column_int64(s, 1));
            n++;
        }
        if (n) fputc('\n', out);
        sqlite3_finalize(s);
    }
    return 0;
}
