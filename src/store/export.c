/* export.c -- GDELT 2.0 Event / Mentions / GKG 2.1, PLOVER and CSV
 * exports of the store; see export.h and docs/export.md. */
#include "export.h"
#include "../util/arena.h"
#include "../util/buf.h"
#include <ctype.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

int dl_export_format(const char *name) {
    static const char *const names[] = {"gdelt-events", "gdelt-mentions", "gdelt-gkg", "plover", "csv"};
    for (int i = 0; i < 5; i++)
        if (!strcmp(name, names[i])) return i;
    return -1;
}

/* ---- field helpers ---- */

static const char *col_text(sqlite3_stmt *s, int i) {
    const unsigned char *t = sqlite3_column_text(s, i);
    return t ? (const char *)t : "";
}
static int col_null(sqlite3_stmt *s, int i) { return sqlite3_column_type(s, i) == SQLITE_NULL; }

/* Add s with the characters that would break the record replaced by a
 * space: tab and newlines always, and `delims` inside sub-fields. */
static void add_clean(dl_buf *b, const char *s, const char *delims) {
    for (; s && *s; s++) {
        char c = *s;
        if (c == '\t' || c == '\n' || c == '\r' || (delims && strchr(delims, c))) c = ' ';
        dl_buf_addc(b, c);
    }
}

static void tab(dl_buf *b) { dl_buf_addc(b, '\t'); }

static void add_num(dl_buf *b, sqlite3_stmt *s, int i, const char *fmt) {
    if (col_null(s, i)) return;
    dl_buf_printf(b, fmt, sqlite3_column_double(s, i));
}

/* "2026-11-29T03:04:05Z" -> "20261129030405" */
static void stamp(dl_buf *b, const char *iso) {
    for (; *iso; iso++)
        if (isdigit((unsigned char)*iso)) dl_buf_addc(b, *iso);
}

/* Characters before byte offset off of text (GDELT offsets count characters). */
static long char_offset(const char *text, size_t len, long long off) {
    if (off < 0) return -1;
    if ((size_t)off > len) off = (long long)len;
    long n = 0;
    for (long long i = 0; i < off; i++) n += ((unsigned char)text[i] & 0xC0) != 0x80;
    return n;
}

/* ---- CAMEO actor codes split into GDELT's columns ---- */

static const char *const type_codes[] = {
    "COP", "GOV", "INS", "JUD", "MIL", "OPP", "PTY", "REB", "SEP", "SPY", "UAF", "AGR", "BUS", "CRM", "CVL",
    "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "LEG", "MED", "MNC", "REF", "MOD", "RAD", "IGO", "NGO",
    "IMG", "NGM", "SET", "UIS", "PRE", NULL,
};
static const char *const religion_codes[] = {
    "ADR", "ATH", "BAH", "BUD", "CHR", "CON", "CPT", "CTH", "DOX", "HIN", "ITR", "JAN", "JEW", "MOS", "NRM",
    "PRO", "SHI", "SHN", "SIK", "SUN", "TAO", "ZRO", "ALE", "DRZ", NULL,
};
static int in_list(const char *const *list, const char *c) {
    for (; *list; list++)
        if (!strncmp(*list, c, 3)) return 1;
    return 0;
}

typedef struct actor_cols {
    char country[4], group[4], religion[2][4], type[3][4];
} actor_cols;

static void split_actor(const char *code, actor_cols *a) {
    memset(a, 0, sizeof *a);
    size_t n = strlen(code);
    int nt = 0, nr = 0, after_org = 0;
    for (size_t i = 0; i + 3 <= n; i += 3) {
        char c[4] = {code[i], code[i + 1], code[i + 2], 0};
        if (in_list(type_codes, c)) {
            if (nt < 3) memcpy(a->type[nt++], c, 4);
            after_org = !strcmp(c, "IGO") || !strcmp(c, "NGO") || !strcmp(c, "IMG") || !strcmp(c, "NGM") ||
                        !strcmp(c, "MNC");
            continue;
        }
        if (in_list(religion_codes, c)) {
            if (nr < 2) memcpy(a->religion[nr++], c, 4);
        } else if (after_org && !a->group[0]) {
            memcpy(a->group, c, 4);
        } else if (i == 0) {
            memcpy(a->country, c, 4);
        }
        after_org = 0;
    }
}

/* GDELT's actor names are upper case ("HUGO CHÁVEZ"). */
static void upper_name(dl_buf *b, const char *s) {
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)(s ? s : "");
    utf8proc_ssize_t left = (utf8proc_ssize_t)strlen((const char *)p);
    while (left > 0) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(p, left, &cp);
        if (k <= 0) { k = 1; cp = 0xFFFD; }
        if (cp == '\t' || cp == '\n' || cp == '\r') cp = ' ';
        utf8proc_uint8_t enc[4];
        utf8proc_ssize_t m = utf8proc_encode_char(utf8proc_toupper(cp), enc);
        dl_buf_add(b, enc, (size_t)m);
        p += k;
        left -= k;
    }
}

/* Actor code, name, country, group, ethnic, religion x2, type x3: 10 fields. */
static void actor_fields(dl_buf *b, const char *code, const char *name, const char *country) {
    actor_cols a;
    split_actor(code, &a);
    if (country && strlen(country) == 3 && !in_list(type_codes, country)) memcpy(a.country, country, 4);
    add_clean(b, code, NULL);
    tab(b);
    if (*code) upper_name(b, name);
    tab(b);
    /* country, known group, ethnic (not coded), religion x2, type x3 */
    const char *rest[8] = {a.country, a.group, "", a.religion[0], a.religion[1], a.type[0], a.type[1], a.type[2]};
    for (int i = 0; i < 8; i++) {
        dl_buf_adds(b, rest[i]);
        if (i < 7) tab(b);
    }
}

/* GDELT geographic resolution from our place kind (and the US special
 * cases): 1 country, 2 US state, 3 US city, 4 world city, 5 world ADM1. */
static int geo_type(const char *kind, const char *country) {
    int us = country && (!strcmp(country, "US") || !strcmp(country, "USA"));
    if (!kind || !*kind) return us ? 3 : 4;
    if (!strcmp(kind, "country")) return 1;
    if (!strcmp(kind, "region") || !strcmp(kind, "state") || !strcmp(kind, "adm1") || !strcmp(kind, "province"))
        return us ? 2 : 5;
    return us ? 3 : 4;
}

typedef struct place {
    const char *text, *name, *country, *region, *kind;
    int has_ll;
    double lat, lon;
    long long geonames_id;   /* 0 unknown */
    long long start, sentence;
} place;

/* Type, FullName, CountryCode, ADM1Code[, ADM2Code], Lat, Long, FeatureID
 * joined by sep (tab for the Event table, '#' inside GKG). */
static void geo_fields(dl_buf *b, const place *p, char sep, int with_adm2, const char *delims) {
    if (!p) {   /* GDELT writes type 0 and leaves the rest empty */
        dl_buf_addc(b, '0');
        for (int i = 0; i < (with_adm2 ? 7 : 6); i++) dl_buf_addc(b, sep);
        return;
    }
    int type = geo_type(p->kind, p->country);
    dl_buf_printf(b, "%d%c", type, sep);
    add_clean(b, p->name && *p->name ? p->name : p->text, delims);
    if (type != 1 && p->region && *p->region && (!p->name || strcmp(p->region, p->name))) {
        dl_buf_adds(b, ", ");
        add_clean(b, p->region, delims);
    }
    if (type != 1 && p->country && *p->country) {
        dl_buf_adds(b, ", ");
        add_clean(b, p->country, delims);
    }
    dl_buf_addc(b, sep);
    add_clean(b, p->country, delims);
    dl_buf_addc(b, sep);
    add_clean(b, p->country, delims);   /* ADM1: country, + a region code when we have one */
    if (type != 1 && p->region && strlen(p->region) <= 3) add_clean(b, p->region, delims);
    dl_buf_addc(b, sep);
    if (with_adm2) dl_buf_addc(b, sep);
    if (p->has_ll) dl_buf_printf(b, "%.4f%c%.4f", p->lat, sep, p->lon);
    else dl_buf_addc(b, sep);
    dl_buf_addc(b, sep);
    if (p->geonames_id) dl_buf_printf(b, "%lld", p->geonames_id);
    else add_clean(b, p->country, delims);
}

/* A date as GDELT's SQLDATE, MonthYear, Year, FractionDate (missing parts 0). */
static void date_fields(dl_buf *b, const char *date) {
    int y = 0, m = 0, d = 0;
    if (date && *date) sscanf(date, "%d-%d-%d", &y, &m, &d);
    if (!y) { dl_buf_adds(b, "\t\t\t"); return; }
    dl_buf_printf(b, "%04d%02d%02d\t%04d%02d\t%04d\t%.4f", y, m, d, y, m, y, y + (m * 30 + d) / 365.0);
}

/* ---- the event filter as a subquery ---- */

static int where_events(const dl_query *q, dl_buf *sql, const char *params[16], int *np, char **err) {
    dl_query none = {0};
    return dl_query_where(q ? q : &none, sql, params, np, err);
}

static long export_events(sqlite3 *db, const dl_query *q, FILE *out, char **err) {
    dl_buf sql = DL_BUF_INIT;
    const char *params[16];
    int np;
    dl_buf_adds(&sql,
                "SELECT e.eid, e.date, e.source, e.source_name, e.source_country, e.target, e.target_name,"
                " e.target_country, e.is_root, e.code, e.root, e.quad, e.goldstein, e.mentions, e.sources,"
                " e.articles, e.avg_tone, e.place_name, e.place_country, e.place_region, e.place_lat,"
                " e.place_lon, e.place_geonames_id, e.place_kind, e.added, coalesce(a.url, a.id)"
                " FROM events e LEFT JOIN articles a ON a.aid = e.first_aid");
    if (where_events(q, &sql, params, &np, err)) { dl_buf_free(&sql); return -1; }
    dl_buf_adds(&sql, " ORDER BY e.eid");
    sqlite3_stmt *s = dl_query_prepare(db, sql.p, params, np, err);
    dl_buf_free(&sql);
    if (!s) return -1;
    long n = 0;
    dl_buf b = DL_BUF_INIT;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        dl_buf_clear(&b);
        dl_buf_printf(&b, "%lld\t", (long long)sqlite3_column_int64(s, 0));
        date_fields(&b, col_text(s, 1));
        tab(&b);
        actor_fields(&b, col_text(s, 2), col_text(s, 3), col_text(s, 4));
        tab(&b);
        actor_fields(&b, col_text(s, 5), col_text(s, 6), col_text(s, 7));
        const char *code = col_text(s, 9);
        size_t cl = strlen(code);
        dl_buf_printf(&b, "\t%d\t", sqlite3_column_int(s, 8));
        add_clean(&b, code, NULL);
        dl_buf_addc(&b, '\t');
        dl_buf_add(&b, code, cl > 3 ? 3 : cl);            /* EventBaseCode */
        dl_buf_addc(&b, '\t');
        if (!col_null(s, 10)) add_clean(&b, col_text(s, 10), NULL); else dl_buf_add(&b, code, cl > 2 ? 2 : cl);
        tab(&b);
        if (!col_null(s, 11)) dl_buf_printf(&b, "%d", sqlite3_column_int(s, 11));
        tab(&b);
        add_num(&b, s, 12, "%.1f");
        dl_buf_printf(&b, "\t%d\t%d\t%d\t", sqlite3_column_int(s, 13), sqlite3_column_int(s, 14),
                      sqlite3_column_int(s, 15));
        if (col_null(s, 16)) dl_buf_addc(&b, '0');   /* no tone known: neutral, as GDELT's loaders expect a float */
        else add_num(&b, s, 16, "%.6g");
        tab(&b);
        /* Actor1Geo, Actor2Geo: not located by dateline */
        geo_fields(&b, NULL, '\t', 1, NULL);
        tab(&b);
        geo_fields(&b, NULL, '\t', 1, NULL);
        tab(&b);
        place p = {0}, *pp = NULL;
        if (!col_null(s, 17)) {
            p.name = col_text(s, 17);
            p.country = col_text(s, 18);
            p.region = col_text(s, 19);
            p.has_ll = !col_null(s, 20) && !col_null(s, 21);
            p.lat = sqlite3_column_double(s, 20);
            p.lon = sqlite3_column_double(s, 21);
            p.geonames_id = sqlite3_column_int64(s, 22);
            p.kind = col_text(s, 23);
            pp = &p;
        }
        geo_fields(&b, pp, '\t', 1, NULL);
        tab(&b);
        stamp(&b, col_text(s, 24));
        tab(&b);
        add_clean(&b, col_text(s, 25), NULL);
        dl_buf_addc(&b, '\n');
        fwrite(b.p, 1, b.len, out);
        n++;
    }
    dl_buf_free(&b);
    if (rc != SQLITE_DONE) { dl_set_err(err, "%s", sqlite3_errmsg(db)); n = -1; }
    sqlite3_finalize(s);
    return n;
}

static long export_mentions(sqlite3 *db, const dl_query *q, FILE *out, char **err) {
    dl_buf sql = DL_BUF_INIT;
    const char *params[16];
    int np;
    dl_buf_adds(&sql,
                "SELECT m.eid, ev.added, a.added, a.url, a.id, a.outlet, m.sentence, m.source_start, m.target_start,"
                " m.start, m.confidence, a.length, a.tone, a.text, m.intent"
                " FROM mentions m JOIN events ev ON ev.eid = m.eid JOIN articles a ON a.aid = m.aid"
                " WHERE m.eid IN (SELECT e.eid FROM events e");
    if (where_events(q, &sql, params, &np, err)) { dl_buf_free(&sql); return -1; }
    dl_buf_adds(&sql, ") ORDER BY m.aid, m.n");
    sqlite3_stmt *s = dl_query_prepare(db, sql.p, params, np, err);
    dl_buf_free(&sql);
    if (!s) return -1;
    long n = 0;
    dl_buf b = DL_BUF_INIT;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        dl_buf_clear(&b);
        const char *text = col_text(s, 13);
        size_t len = (size_t)sqlite3_column_bytes(s, 13);
        int has_url = !col_null(s, 3) && *col_text(s, 3);
        dl_buf_printf(&b, "%lld\t", (long long)sqlite3_column_int64(s, 0));
        stamp(&b, col_text(s, 1));
        tab(&b);
        stamp(&b, col_text(s, 2));
        dl_buf_printf(&b, "\t%d\t", has_url ? 1 : 2);   /* 1 WEB, 2 CITATIONONLY */
        add_clean(&b, col_text(s, 5), NULL);
        tab(&b);
        add_clean(&b, has_url ? col_text(s, 3) : col_text(s, 4), NULL);
        dl_buf_printf(&b, "\t%d\t%ld\t%ld\t%ld\t1\t", col_null(s, 6) ? 1 : sqlite3_column_int(s, 6) + 1,
                      col_null(s, 7) ? -1 : char_offset(text, len, sqlite3_column_int64(s, 7)),
                      col_null(s, 8) ? -1 : char_offset(text, len, sqlite3_column_int64(s, 8)),
                      col_null(s, 9) ? -1 : char_offset(text, len, sqlite3_column_int64(s, 9)));
        /* Confidence: the coder's, else 100 for a plain statement of fact and
         * 50 for an intention, threat or promise */
        if (!col_null(s, 10)) dl_buf_printf(&b, "%d", sqlite3_column_int(s, 10));
        else dl_buf_adds(&b, sqlite3_column_int(s, 14) ? "50" : "100");
        dl_buf_printf(&b, "\t%lld\t", (long long)sqlite3_column_int64(s, 11));
        if (col_null(s, 12)) dl_buf_addc(&b, '0'); else add_num(&b, s, 12, "%.6g");
        dl_buf_adds(&b, "\t\t\n");   /* TranslationInfo, Extras */
        fwrite(b.p, 1, b.len, out);
        n++;
    }
    dl_buf_free(&b);
    if (rc != SQLITE_DONE) { dl_set_err(err, "%s", sqlite3_errmsg(db)); n = -1; }
    sqlite3_finalize(s);
    return n;
}

/* ---- GKG ---- */

enum { G_PLACES, G_COUNTS, G_ACTORS, G_DATES, G_QUOTES, NG };
static const char *const gkg_sql[NG] = {
    [G_PLACES] = "SELECT text, name, country, region, kind, lat, lon, geonames_id, start, sentence"
                 " FROM places WHERE aid = ?1 ORDER BY n",
    [G_COUNTS] = "SELECT type, value, object, start, sentence FROM counts WHERE aid = ?1 ORDER BY n",
    [G_ACTORS] = "SELECT name, text, kind, start FROM actors WHERE aid = ?1 ORDER BY n",
    [G_DATES] = "SELECT date, start, resolution FROM dates WHERE aid = ?1 ORDER BY n",
    [G_QUOTES] = "SELECT start, end, verb, text FROM quotations WHERE aid = ?1 ORDER BY n",
};

static char *adup(dl_arena *a, sqlite3_stmt *s, int i) {
    return col_null(s, i) ? NULL : dl_arena_strdup(a, col_text(s, i));
}

static void add_value(dl_buf *b, double v) {
    if (v == (double)(long long)v) dl_buf_printf(b, "%lld", (long long)v);
    else dl_buf_printf(b, "%.2f", v);
}

static int is_person(const char *kind) { return kind && !strcmp(kind, "person"); }
static int is_org(const char *kind) {
    return kind && (!strcmp(kind, "organisation") || !strcmp(kind, "organization") || !strcmp(kind, "org") ||
                    !strcmp(kind, "armed group") || !strcmp(kind, "group"));
}

/* V1 list (lower case, distinct, ';'-joined) and V2 list (Name,Offset;). */
static void name_lists(dl_buf *v1, dl_buf *v2, dl_buf *all, sqlite3_stmt *s, int (*want)(const char *),
                       const char *text, size_t len) {
    dl_buf seen = DL_BUF_INIT;   /* "\nname\n" markers of names already in v1 */
    sqlite3_reset(s);
    while (sqlite3_step(s) == SQLITE_ROW) {
        const char *name = col_null(s, 0) ? col_text(s, 1) : col_text(s, 0);
        const char *kind = col_text(s, 2);
        long off = char_offset(text, len, sqlite3_column_int64(s, 3));
        if (!*name) continue;
        if (all && (is_person(kind) || is_org(kind))) {
            add_clean(all, name, ",;#");
            dl_buf_printf(all, ",%ld;", off);
        }
        if (!want || !want(kind)) continue;
        dl_buf low = DL_BUF_INIT;
        dl_buf_addc(&low, '\n');
        for (const char *p = name; *p; p++) dl_buf_addc(&low, (char)tolower((unsigned char)*p));
        dl_buf_addc(&low, '\n');
        if (!seen.p || !strstr(seen.p, low.p)) {
            if (v1->len) dl_buf_addc(v1, ';');
            add_clean(v1, low.p + 1, ",;#\n");
            while (v1->len && v1->p[v1->len - 1] == ' ') v1->p[--v1->len] = 0;
            dl_buf_add(&seen, low.p, low.len);
        }
        dl_buf_free(&low);
        if (v2->len) dl_buf_addc(v2, ';');
        add_clean(v2, name, ",;#");
        dl_buf_printf(v2, ",%ld", off);
    }
    dl_buf_free(&seen);
}

static long export_gkg(sqlite3 *db, const dl_query *q, FILE *out, char **err) {
    dl_buf sql = DL_BUF_INIT;
    const char *params[16];
    int np;
    dl_buf_adds(&sql,
                "SELECT a.aid, a.added, a.url, a.id, a.outlet, a.tone, a.positive, a.negative, a.polarity,"
                " a.activity, a.self_group, a.words, a.title, a.published, a.text"
                " FROM articles a WHERE a.duplicate_of IS NULL");
    if (q) {
        dl_buf where = DL_BUF_INIT;
        if (where_events(q, &where, params, &np, err)) { dl_buf_free(&sql); return -1; }
        if (where.len)
            dl_buf_printf(&sql, " AND a.aid IN (SELECT m.aid FROM mentions m WHERE m.eid IN"
                                " (SELECT e.eid FROM events e%s))", where.p);
        dl_buf_free(&where);
    } else
        np = 0;
    dl_buf_adds(&sql, " ORDER BY a.aid");
    sqlite3_stmt *s = dl_query_prepare(db, sql.p, params, np, err);
    dl_buf_free(&sql);
    if (!s) return -1;
    sqlite3_stmt *sub[NG] = {0};
    for (int i = 0; i < NG; i++)
        if (sqlite3_prepare_v2(db, gkg_sql[i], -1, &sub[i], NULL) != SQLITE_OK) {
            dl_set_err(err, "%s", sqlite3_errmsg(db));
            for (int k = 0; k < NG; k++) sqlite3_finalize(sub[k]);
            sqlite3_finalize(s);
            return -1;
        }
    dl_arena *arena = dl_arena_new(0);
    dl_buf b = DL_BUF_INIT, v1 = DL_BUF_INIT, v2 = DL_BUF_INIT, all = DL_BUF_INIT;
    long n = 0;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        dl_arena_reset(arena);
        dl_buf_clear(&b);
        sqlite3_int64 aid = sqlite3_column_int64(s, 0);
        const char *text = col_text(s, 14);
        size_t len = (size_t)sqlite3_column_bytes(s, 14);
        for (int i = 0; i < NG; i++) {
            sqlite3_reset(sub[i]);
            sqlite3_bind_int64(sub[i], 1, aid);
        }
        /* places, kept for the counts' locations */
        place *pl = NULL;
        size_t npl = 0, cappl = 0;
        while (sqlite3_step(sub[G_PLACES]) == SQLITE_ROW) {
            if (npl == cappl) {
                place *grown = dl_arena_alloc(arena, (cappl = cappl ? cappl * 2 : 16) * sizeof *grown);
                if (npl) memcpy(grown, pl, npl * sizeof *pl);
                pl = grown;
            }
            sqlite3_stmt *p = sub[G_PLACES];
            place *x = &pl[npl++];
            memset(x, 0, sizeof *x);
            x->text = adup(arena, p, 0);
            x->name = adup(arena, p, 1);
            x->country = adup(arena, p, 2);
            x->region = adup(arena, p, 3);
            x->kind = adup(arena, p, 4);
            x->has_ll = !col_null(p, 5) && !col_null(p, 6);
            x->lat = sqlite3_column_double(p, 5);
            x->lon = sqlite3_column_double(p, 6);
            x->geonames_id = sqlite3_column_int64(p, 7);
            x->start = sqlite3_column_int64(p, 8);
            x->sentence = col_null(p, 9) ? -2 : sqlite3_column_int64(p, 9);
            if (!x->name && !x->text) npl--;
        }
        int has_url = !col_null(s, 2) && *col_text(s, 2);
        /* 1-5: record id, date, collection, source, document */
        stamp(&b, col_text(s, 1));
        dl_buf_printf(&b, "-%lld\t", (long long)aid);
        stamp(&b, col_text(s, 1));
        dl_buf_printf(&b, "\t%d\t", has_url ? 1 : 2);
        add_clean(&b, col_text(s, 4), NULL);
        tab(&b);
        add_clean(&b, has_url ? col_text(s, 2) : col_text(s, 3), NULL);
        tab(&b);
        /* 6-7: counts (V1, and V2.1 with offsets); 25: amounts */
        dl_buf c1 = DL_BUF_INIT, c2 = DL_BUF_INIT, amounts = DL_BUF_INIT;
        while (sqlite3_step(sub[G_COUNTS]) == SQLITE_ROW) {
            sqlite3_stmt *c = sub[G_COUNTS];
            const char *type = col_text(c, 0);
            double value = sqlite3_column_double(c, 1);
            long off = char_offset(text, len, sqlite3_column_int64(c, 3));
            if (!col_null(c, 1)) {
                add_value(&amounts, value);
                dl_buf_addc(&amounts, ',');
                add_clean(&amounts, col_text(c, 2), ",;#");
                dl_buf_printf(&amounts, ",%ld;", off);
            }
            /* GDELT counts people and things affected; money is an amount only */
            if (!*type || col_null(c, 1) || !strcmp(type, "MONEY")) continue;
            const place *where = NULL;   /* the first place of the same sentence */
            long long sent = col_null(c, 4) ? -3 : sqlite3_column_int64(c, 4);
            for (size_t i = 0; i < npl && !where; i++)
                if (pl[i].sentence == sent) where = &pl[i];
            for (int v = 0; v < 2; v++) {
                dl_buf *o = v ? &c2 : &c1;
                add_clean(o, type, "#;");
                dl_buf_addc(o, '#');
                add_value(o, value);
                dl_buf_addc(o, '#');
                add_clean(o, col_text(c, 2), "#;");
                dl_buf_addc(o, '#');
                geo_fields(o, where, '#', 0, "#;");
                if (v) dl_buf_printf(o, "#%ld", off);
                dl_buf_addc(o, ';');
            }
        }
        if (c1.p) dl_buf_adds(&b, c1.p);
        tab(&b);
        if (c2.p) dl_buf_adds(&b, c2.p);
        dl_buf_adds(&b, "\t\t\t");   /* 8-9: themes, not coded */
        /* 10-11: locations, V1 collapsed by name, V2 one per mention */
        for (size_t i = 0; i < npl; i++) {
            int dup = 0;
            for (size_t k = 0; k < i && !dup; k++)
                dup = pl[k].name && pl[i].name && !strcmp(pl[k].name, pl[i].name);
            if (dup) continue;
            if (i) dl_buf_addc(&b, ';');
            geo_fields(&b, &pl[i], '#', 0, "#;");
        }
        tab(&b);
        for (size_t i = 0; i < npl; i++) {
            if (i) dl_buf_addc(&b, ';');
            geo_fields(&b, &pl[i], '#', 1, "#;");
            dl_buf_printf(&b, "#%ld", char_offset(text, len, pl[i].start));
        }
        tab(&b);
        /* 12-15: persons, organisations; 24: all names */
        dl_buf_clear(&v1); dl_buf_clear(&v2); dl_buf_clear(&all);
        name_lists(&v1, &v2, &all, sub[G_ACTORS], is_person, text, len);
        if (v1.p) dl_buf_adds(&b, v1.p);
        tab(&b);
        if (v2.p) dl_buf_adds(&b, v2.p);
        tab(&b);
        dl_buf_clear(&v1); dl_buf_clear(&v2);
        name_lists(&v1, &v2, NULL, sub[G_ACTORS], is_org, text, len);
        if (v1.p) dl_buf_adds(&b, v1.p);
        tab(&b);
        if (v2.p) dl_buf_adds(&b, v2.p);
        tab(&b);
        /* 16: tone */
        if (!col_null(s, 5)) {
            for (int i = 5; i <= 10; i++) {
                add_num(&b, s, i, "%.6g");
                if (col_null(s, i)) dl_buf_addc(&b, '0');
                dl_buf_addc(&b, ',');
            }
            dl_buf_printf(&b, "%lld", (long long)sqlite3_column_int64(s, 11));
        }
        tab(&b);
        /* 17: dates, Resolution#Month#Day#Year#Offset */
        int first = 1;
        while (sqlite3_step(sub[G_DATES]) == SQLITE_ROW) {
            int y = 0, m = 0, d = 0;
            const char *date = col_text(sub[G_DATES], 0);
            if (*date == '-' || sscanf(date, "%d-%d-%d", &y, &m, &d) < 1) {
                if (sscanf(date, "--%d-%d", &m, &d) != 2) continue;   /* month and day, no year */
                y = 0;
            }
            int res = y && m && d ? 3 : y && m ? 2 : y ? 1 : 4;
            if (!first) dl_buf_addc(&b, ';');
            first = 0;
            dl_buf_printf(&b, "%d#%d#%d#%d#%ld", res, m, d, y,
                          char_offset(text, len, sqlite3_column_int64(sub[G_DATES], 1)));
        }
        tab(&b);
        /* 18: GCAM -- only the word count */
        if (!col_null(s, 11)) dl_buf_printf(&b, "wc:%lld", (long long)sqlite3_column_int64(s, 11));
        dl_buf_adds(&b, "\t\t\t\t\t");   /* 19-22: images and embeds */
        /* 23: quotations, Offset|Length|Verb|Quote joined by '#' */
        first = 1;
        while (sqlite3_step(sub[G_QUOTES]) == SQLITE_ROW) {
            sqlite3_stmt *qq = sub[G_QUOTES];
            long a = char_offset(text, len, sqlite3_column_int64(qq, 0));
            long e = char_offset(text, len, sqlite3_column_int64(qq, 1));
            if (!first) dl_buf_addc(&b, '#');
            first = 0;
            dl_buf_printf(&b, "%ld|%ld|", a, e > a ? e - a : 0);
            add_clean(&b, col_text(qq, 2), "|#");
            dl_buf_addc(&b, '|');
            add_clean(&b, col_text(qq, 3), "|#");
        }
        tab(&b);
        if (all.p) dl_buf_adds(&b, all.p);   /* 24 */
        tab(&b);
        if (amounts.p) dl_buf_adds(&b, amounts.p);   /* 25 */
        dl_buf_adds(&b, "\t\t");   /* 26: translation info */
        /* 27: extras */
        if (!col_null(s, 12) && *col_text(s, 12)) {
            dl_buf_adds(&b, "<PAGE_TITLE>");
            for (const char *t = col_text(s, 12); *t; t++) {
                if (*t == '<') dl_buf_adds(&b, "&lt;");
                else if (*t == '>') dl_buf_adds(&b, "&gt;");
                else if (*t == '&') dl_buf_adds(&b, "&amp;");
                else dl_buf_addc(&b, *t == '\t' || *t == '\n' || *t == '\r' ? ' ' : *t);
            }
            dl_buf_adds(&b, "</PAGE_TITLE>");
        }
        dl_buf_addc(&b, '\n');
        fwrite(b.p, 1, b.len, out);
        dl_buf_free(&c1);
        dl_buf_free(&c2);
        dl_buf_free(&amounts);
        n++;
    }
    if (rc != SQLITE_DONE) { dl_set_err(err, "%s", sqlite3_errmsg(db)); n = -1; }
    dl_buf_free(&b);
    dl_buf_free(&v1);
    dl_buf_free(&v2);
    dl_buf_free(&all);
    dl_arena_free(arena);
    for (int i = 0; i < NG; i++) sqlite3_finalize(sub[i]);
    sqlite3_finalize(s);
    return n;
}

/* ---- PLOVER ---- */

static json_t *jtext(sqlite3_stmt *s, int i) { return col_null(s, i) ? json_null() : json_string(col_text(s, i)); }

static json_t *jactor(sqlite3_stmt *s, int i) {
    if (!*col_text(s, i)) return json_null();
    json_t *o = json_object();
    json_object_set_new(o, "code", jtext(s, i));
    json_object_set_new(o, "name", jtext(s, i + 1));
    json_object_set_new(o, "country", jtext(s, i + 2));
    return o;
}

static long export_plover(sqlite3 *db, const dl_query *q, FILE *out, char **err) {
    dl_buf sql = DL_BUF_INIT;
    const char *params[16];
    int np;
    dl_buf_adds(&sql,
                "SELECT e.eid, e.date, e.plover, e.plover_mode, e.code, e.quad, e.goldstein, e.source, e.source_name,"
                " e.source_country, e.target, e.target_name, e.target_country, e.place_name, e.place_country,"
                " e.place_lat, e.place_lon, e.place_geonames_id, e.mentions, e.sources, e.articles, e.avg_tone,"
                " e.first_seen, e.last_seen, e.is_root, e.text, coalesce(a.url, a.id)"
                " FROM events e LEFT JOIN articles a ON a.aid = e.first_aid");
    if (where_events(q, &sql, params, &np, err)) { dl_buf_free(&sql); return -1; }
    dl_buf_adds(&sql, np ? " AND" : " WHERE");
    dl_buf_adds(&sql, " e.plover IS NOT NULL AND e.plover <> '' ORDER BY e.eid");
    sqlite3_stmt *s = dl_query_prepare(db, sql.p, params, np, err);
    dl_buf_free(&sql);
    if (!s) return -1;
    long n = 0;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        json_t *o = json_object();
        char id[32];
        snprintf(id, sizeof id, "dateline-%lld", (long long)sqlite3_column_int64(s, 0));
        json_object_set_new(o, "id", json_string(id));
        json_object_set_new(o, "date", *col_text(s, 1) ? jtext(s, 1) : json_null());
        json_object_set_new(o, "event_type", jtext(s, 2));
        json_object_set_new(o, "mode", jtext(s, 3));
        json_object_set_new(o, "context", json_array());
        json_object_set_new(o, "source", jactor(s, 7));
        json_object_set_new(o, "target", jactor(s, 10));
        if (!col_null(s, 13)) {
            json_t *loc = json_object();
            json_object_set_new(loc, "name", jtext(s, 13));
            json_object_set_new(loc, "country", jtext(s, 14));
            json_object_set_new(loc, "lat", col_null(s, 15) ? json_null() : json_real(sqlite3_column_double(s, 15)));
            json_object_set_new(loc, "lon", col_null(s, 16) ? json_null() : json_real(sqlite3_column_double(s, 16)));
            json_object_set_new(loc, "geonames_id",
                                col_null(s, 17) ? json_null() : json_integer(sqlite3_column_int64(s, 17)));
            json_object_set_new(o, "location", loc);
        } else
            json_object_set_new(o, "location", json_null());
        json_object_set_new(o, "cameo", jtext(s, 4));
        json_object_set_new(o, "quad_class", col_null(s, 5) ? json_null() : json_integer(sqlite3_column_int(s, 5)));
        json_object_set_new(o, "goldstein", col_null(s, 6) ? json_null() : json_real(sqlite3_column_double(s, 6)));
        json_object_set_new(o, "mentions", json_integer(sqlite3_column_int(s, 18)));
        json_object_set_new(o, "sources", json_integer(sqlite3_column_int(s, 19)));
        json_object_set_new(o, "articles", json_integer(sqlite3_column_int(s, 20)));
        json_object_set_new(o, "tone", col_null(s, 21) ? json_null() : json_real(sqlite3_column_double(s, 21)));
        json_object_set_new(o, "first_seen", jtext(s, 22));
        json_object_set_new(o, "last_seen", jtext(s, 23));
        json_object_set_new(o, "root_event", json_boolean(sqlite3_column_int(s, 24)));
        json_object_set_new(o, "text", jtext(s, 25));
        json_object_set_new(o, "first_report", jtext(s, 26));
        char *line = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
        fputs(line, out);
        fputc('\n', out);
        free(line);
        json_decref(o);
        n++;
    }
    if (rc != SQLITE_DONE) { dl_set_err(err, "%s", sqlite3_errmsg(db)); n = -1; }
    sqlite3_finalize(s);
    return n;
}

long dl_export(sqlite3 *db, int format, const dl_query *q, FILE *out, char **err) {
    switch (format) {
    case DL_EXPORT_EVENTS: return export_events(db, q, out, err);
    case DL_EXPORT_MENTIONS: return export_mentions(db, q, out, err);
    case DL_EXPORT_GKG: return export_gkg(db, q, out, err);
    case DL_EXPORT_PLOVER: return export_plover(db, q, out, err);
    case DL_EXPORT_CSV: {
        dl_query all = {0};
        if (q) all = *q;
        all.limit = 0;
        return dl_query_write(db, &all, DL_FMT_CSV, out, err) ? -1 : 0;
    }
    }
    dl_set_err(err, "unknown export format %d", format);
    return -1;
}
