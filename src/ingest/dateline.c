/* dateline.c -- parse the wire dateline at the head of an article; see
 * dateline.h for the forms handled.
 *
 * The grammar, in order:
 *   PLACE        upper-case words ("LONDON", "RIO DE JANEIRO", "ST. LOUIS",
 *                "DALLAS/FORT WORTH"); title case ("Toronto") only when an
 *                agency in brackets or a month and day follow
 *   [, REGION]   "Afghanistan", "Va.", "Calif." -- a word that is no month
 *   [,] [DATE]   "November 14", "Jan 3", "Nov. 14", "14 November", or a
 *                bare day "1" (Europa Press)
 *   [(AGENCIES)] "DPA/EP", "Reuters", "EUROPA PRESS", "AP and AFP"
 *   [SEPARATOR]  - -- – — _ : or the end of the line
 * A dateline needs an agency or a separator, so an opening sentence such
 * as "PARIS is quiet" is not taken for one.
 */
#include "dateline.h"
#include "../text/text.h"
#include <ctype.h>
#include <string.h>
#include <strings.h>
#include <stdio.h>

static const struct { const char *code, *name; } agencies[] = {
    {"AA", "Anadolu Agency"}, {"AAP", "Australian Associated Press"},
    {"ACN", "Agencia Cubana de Noticias"}, {"AFP", "Agence France-Presse"},
    {"AFX", "AFX News"}, {"AGERPRES", "Agerpres"}, {"ANA", "Athens News Agency"},
    {"ANADOLU", "Anadolu Agency"}, {"ANI", "Asian News International"},
    {"ANP", "Algemeen Nederlands Persbureau"}, {"ANSA", "Agenzia Nazionale Stampa Associata"},
    {"ANTARA", "Antara"}, {"AP", "Associated Press"}, {"APA", "Austria Presse Agentur"},
    {"APP", "Associated Press of Pakistan"}, {"APS", "Algérie Presse Service"},
    {"ASSOCIATED PRESS", "Associated Press"}, {"BELGA", "Belga"}, {"BERNAMA", "Bernama"},
    {"BLOOMBERG", "Bloomberg News"}, {"BSS", "Bangladesh Sangbad Sangstha"},
    {"BTA", "Bulgarian News Agency"}, {"CANADIAN PRESS", "Canadian Press"}, {"CNA", "Central News Agency"},
    {"CP", "Canadian Press"}, {"CTK", "Czech News Agency"}, {"DPA", "Deutsche Presse-Agentur"},
    {"EFE", "Agencia EFE"}, {"EP", "Europa Press"}, {"EUROPA PRESS", "Europa Press"},
    {"HINA", "Croatian News Agency"}, {"IANS", "Indo-Asian News Service"},
    {"INTERFAX", "Interfax"}, {"IPS", "Inter Press Service"}, {"IRNA", "Islamic Republic News Agency"},
    {"ITAR-TASS", "TASS"}, {"KCNA", "Korean Central News Agency"}, {"KUNA", "Kuwait News Agency"},
    {"KYODO", "Kyodo News"}, {"LUSA", "Agência Lusa"}, {"MENA", "Middle East News Agency"},
    {"MTI", "Hungarian News Agency"}, {"NNA", "National News Agency"},
    {"NOTIMEX", "Notimex"}, {"NTB", "Norsk Telegrambyrå"}, {"PA", "PA Media"},
    {"PAP", "Polish Press Agency"}, {"PL", "Prensa Latina"}, {"PRENSA LATINA", "Prensa Latina"},
    {"PTI", "Press Trust of India"}, {"QNA", "Qatar News Agency"}, {"REUTER", "Reuters"}, {"REUTERS", "Reuters"},
    {"RIA", "RIA Novosti"}, {"RIA NOVOSTI", "RIA Novosti"}, {"RITZAU", "Ritzau"},
    {"SANA", "Syrian Arab News Agency"}, {"SPA", "Saudi Press Agency"},
    {"SPUTNIK", "Sputnik"}, {"STT", "Finnish News Agency STT"}, {"TANJUG", "Tanjug"},
    {"TASS", "TASS"}, {"TT", "Tidningarnas Telegrambyrå"}, {"UNB", "United News of Bangladesh"},
    {"UPI", "United Press International"}, {"VNA", "Vietnam News Agency"},
    {"WAFA", "WAFA News Agency"}, {"WAM", "Emirates News Agency"}, {"XINHUA", "Xinhua News Agency"},
    {"XINHUANET", "Xinhua News Agency"}, {"YONHAP", "Yonhap News Agency"},
};

const char *dl_agency_name(const char *code, size_t n) {
    for (size_t i = 0; i < sizeof agencies / sizeof *agencies; i++)
        if (strlen(agencies[i].code) == n && strncasecmp(agencies[i].code, code, n) == 0)
            return agencies[i].name;
    return NULL;
}

typedef struct cur { const char *s; size_t i, n; } cur;

static void skip_spaces(cur *c) {   /* spaces and tabs, not newlines */
    while (c->i < c->n && (c->s[c->i] == ' ' || c->s[c->i] == '\t')) c->i++;
}

static int is_upper_letter_at(const cur *c, size_t i, int *len) {
    int32_t cp;
    *len = dl_utf8_decode(c->s + i, c->n - i, &cp);
    if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
    /* Accented capitals (É, Ö, ...) in the Latin-1 supplement and Latin Extended-A. */
    return (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) || (cp >= 0x100 && cp <= 0x17F && !(cp & 1));
}

static int is_letter_at(const cur *c, size_t i, int *len) {
    int32_t cp;
    *len = dl_utf8_decode(c->s + i, c->n - i, &cp);
    if (cp < 0x80) return isalpha(cp);
    return cp >= 0xC0 && cp != 0xD7 && cp != 0xF7 && cp < 0x2000;
}

/* Does a month name followed by a day start at i? */
static int starts_date(const cur *c, size_t i) {
    size_t k = i;
    while (k < c->n && isalpha((unsigned char)c->s[k])) k++;
    if (k == i || !dl_month_from_name(c->s + i, k - i)) return 0;
    if (k < c->n && c->s[k] == '.') k++;
    while (k < c->n && c->s[k] == ' ') k++;
    return k < c->n && isdigit((unsigned char)c->s[k]);
}

/* PLACE: words of letters (plus . ' -) separated by single spaces. When
 * upper is set every letter must be upper case. Returns the end or 0. */
static size_t scan_place(cur *c, int upper) {
    size_t i = c->i, last = 0;
    int words = 0, letters = 0;
    while (i < c->n && words < 6) {
        int len;
        size_t w = i;
        int ok_first = upper ? is_upper_letter_at(c, i, &len) : is_letter_at(c, i, &len);
        if (!ok_first) break;
        if (words > 0 && starts_date(c, i)) break;   /* "Okla. March 11" */
        /* title case: the first word capitalised ("Oklahoma City", "New york") */
        if (!upper && words == 0 && !is_upper_letter_at(c, i, &len)) break;
        while (i < c->n) {
            if (is_letter_at(c, i, &len)) {
                if (upper && !is_upper_letter_at(c, i, &len)) return 0;
                letters++;
                i += (size_t)len;
            } else if (c->s[i] == '.' || c->s[i] == '\'' || c->s[i] == '-' || c->s[i] == '/') {
                i++;
            } else break;
        }
        if (i == w) break;
        words++;
        last = i;
        if (i + 1 < c->n && c->s[i] == ' ' && c->s[i + 1] != ' ') i++;
        else break;
    }
    if (!last || letters < 2 || last - c->i > 60) return 0;
    return last;
}

static int read_int(cur *c, int maxd) {
    int v = 0, k = 0;
    while (c->i < c->n && k < maxd && isdigit((unsigned char)c->s[c->i])) {
        v = v * 10 + c->s[c->i] - '0';
        c->i++;
        k++;
    }
    if (k && c->i < c->n && isdigit((unsigned char)c->s[c->i])) return -1;
    return k ? v : -1;
}

static size_t alpha_len(const cur *c) {
    size_t k = c->i;
    while (k < c->n && isalpha((unsigned char)c->s[k])) k++;
    if (k < c->n && c->s[k] == '.' && k > c->i) k++;
    return k - c->i;
}

/* DATE: "November 14", "Nov. 14", "14 November", "1". */
static int scan_date(cur *c, int *month, int *day) {
    cur save = *c;
    size_t ml = alpha_len(c);
    int m = ml ? dl_month_from_name(c->s + c->i, ml) : 0;
    if (m) {
        c->i += ml;
        skip_spaces(c);
        int d = read_int(c, 2);
        if (d >= 1 && d <= 31) { *month = m; *day = d; return 1; }
        *c = save;
        return 0;
    }
    int d = read_int(c, 2);
    if (d >= 1 && d <= 31) {
        cur after = *c;
        skip_spaces(c);
        ml = alpha_len(c);
        m = ml ? dl_month_from_name(c->s + c->i, ml) : 0;
        if (m) { c->i += ml; *month = m; *day = d; return 1; }
        *c = after;
        *month = 0;
        *day = d;
        return 1;
    }
    *c = save;
    return 0;
}

static void add_agency(dl_dateline *d, const char *s, size_t n) {
    while (n && s[0] == ' ') s++, n--;
    while (n && s[n - 1] == ' ') n--;
    if (!n || d->nagencies >= DL_MAX_AGENCIES || n >= sizeof d->agencies[0].code) return;
    dl_agency *a = &d->agencies[d->nagencies++];
    memcpy(a->code, s, n);
    a->code[n] = 0;
    a->name = dl_agency_name(s, n);
}

/* After a date: an optional ", 2022" or " 2022". */
static void scan_year(cur *c, dl_dateline *d) {
    cur save = *c;
    if (c->i < c->n && c->s[c->i] == ',') c->i++;
    skip_spaces(c);
    int y = read_int(c, 4);
    if (y >= 1900 && y <= 2100 && (c->i >= c->n || !isalnum((unsigned char)c->s[c->i]))) { d->year = y; return; }
    *c = save;
}

/* (AGENCIES): split on / , + and " and ".  Rejects brackets that hold
 * something else (a long phrase, digits). */
static int scan_agencies(cur *c, dl_dateline *d) {
    if (c->i >= c->n || c->s[c->i] != '(') return 0;
    size_t b = c->i + 1, e = b;
    while (e < c->n && c->s[e] != ')' && c->s[e] != '\n' && e - b < 64) e++;
    if (e >= c->n || c->s[e] != ')' || e == b) return 0;
    for (size_t k = b; k < e; k++)
        if (isdigit((unsigned char)c->s[k])) return 0;
    size_t start = b;
    for (size_t k = b; k <= e; k++) {
        int cut = k == e || c->s[k] == '/' || c->s[k] == ',' || c->s[k] == '+' || c->s[k] == '&';
        size_t skip = 1;
        if (!cut && k + 5 <= e && !strncmp(c->s + k, " and ", 5)) { cut = 1; skip = 5; }
        if (cut) {
            add_agency(d, c->s + start, k - start);
            start = k + skip;
            k += skip - 1;
        }
    }
    c->i = e + 1;
    return d->nagencies > 0;
}

/* SEPARATOR: dashes, underscore, colon, or the end of the line. */
static int scan_separator(cur *c) {
    skip_spaces(c);
    if (c->i >= c->n || c->s[c->i] == '\n' || c->s[c->i] == '\r') return 1;
    size_t i = c->i;
    int found = 0;
    while (i < c->n) {
        unsigned char ch = (unsigned char)c->s[i];
        if (ch == '-' || ch == '_' || ch == ':') { i++; found = 1; continue; }
        if (ch == 0xE2 && i + 2 < c->n && (unsigned char)c->s[i + 1] == 0x80 &&
            ((unsigned char)c->s[i + 2] >= 0x90 && (unsigned char)c->s[i + 2] <= 0x95)) {
            i += 3; found = 1; continue;    /* ‐ ‑ ‒ – — ― */
        }
        break;
    }
    if (!found) return 0;
    c->i = i;
    skip_spaces(c);
    return 1;
}

static void display_place(const char *s, size_t n, char *out, size_t cap) {
    /* "RIO DE JANEIRO" -> "Rio de Janeiro": title case, small particles lower. */
    static const char *const particles[] = {"de", "da", "do", "dos", "das", "del", "la", "le", "el", "al", "of", "on", "upon", "es", NULL};
    size_t o = 0;
    size_t i = 0;
    int word_index = 0;
    while (i < n && o + 4 < cap) {
        size_t w = i;
        while (i < n && s[i] != ' ' && s[i] != '-') i++;
        size_t wl = i - w;
        int particle = 0;
        for (int k = 0; particles[k] && word_index > 0; k++)
            if (strlen(particles[k]) == wl && strncasecmp(particles[k], s + w, wl) == 0) particle = 1;
        for (size_t k = w; k < i && o + 4 < cap; k++) {
            unsigned char ch = (unsigned char)s[k];
            if (ch >= 0x80) {   /* copy a multibyte letter; lower-case Latin-1 capitals */
                int32_t cp;
                int l = dl_utf8_decode(s + k, n - k, &cp);
                if (k > w && cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) cp += 32;
                o += (size_t)dl_utf8_encode(cp, out + o);
                k += (size_t)l - 1;
                continue;
            }
            int first = (k == w) || s[k - 1] == '\'' || s[k - 1] == '.' || s[k - 1] == '/';
            out[o++] = (char)((first && !particle) ? toupper(ch) : tolower(ch));
        }
        if (i < n && o + 4 < cap) out[o++] = s[i];
        if (i < n) i++;
        word_index++;
    }
    out[o] = 0;
}

static int parse(const char *text, size_t n, dl_dateline *d) {
    d->year_rule = "none";
    cur c = {text, 0, n};
    while (c.i < n && (text[c.i] == ' ' || text[c.i] == '\t' || text[c.i] == '\n' || text[c.i] == '\r')) c.i++;
    if (c.i + 3 <= n && (unsigned char)text[c.i] == 0xEF && (unsigned char)text[c.i + 1] == 0xBB) c.i += 3;
    /* A byline line before the dateline: "By Jane Smith\nLONDON (Reuters) -" */
    if (c.i + 3 < n && !strncmp(text + c.i, "By ", 3)) {
        const char *nl = memchr(text + c.i, '\n', n - c.i);
        size_t len = nl ? (size_t)(nl - (text + c.i)) : 0;
        if (nl && len < sizeof d->byline && len > 3) {
            memcpy(d->byline, text + c.i, len);
            while (len && (d->byline[len - 1] == '\r' || d->byline[len - 1] == ' ')) len--;
            d->byline[len] = 0;
            c.i += (size_t)(nl - (text + c.i)) + 1;
            while (c.i < n && (text[c.i] == ' ' || text[c.i] == '\t' || text[c.i] == '\n' || text[c.i] == '\r')) c.i++;
        }
    }
    size_t start = c.i;
    int upper = 1;
    size_t pe = scan_place(&c, 1);
    if (!pe) { upper = 0; pe = scan_place(&c, 0); }
    if (!pe) return 0;
    size_t pb = c.i;
    c.i = pe;
    /* A trailing period belongs to an abbreviation only; "ST. LOUIS" keeps it. */
    size_t pend = pe;
    while (pend > pb && (text[pend - 1] == '-' || text[pend - 1] == '\'')) pend--;
    /* , REGION and/or DATE */
    skip_spaces(&c);
    if (c.i < n && text[c.i] == ',') {
        c.i++;
        skip_spaces(&c);
        if (scan_date(&c, &d->month, &d->day)) {
            scan_year(&c, d);
        } else {
            size_t rb = c.i;
            size_t re = scan_place(&c, 0);
            if (re) {
                c.i = re;
                size_t rl = re - rb;
                if (rl >= sizeof d->region) rl = sizeof d->region - 1;
                memcpy(d->region, text + rb, rl);
                d->region[rl] = 0;
                skip_spaces(&c);
                if (c.i < n && text[c.i] == ',') { c.i++; skip_spaces(&c); }
                if (scan_date(&c, &d->month, &d->day)) scan_year(&c, d);
            }
        }
    } else {
        cur save = c;
        if (!scan_date(&c, &d->month, &d->day) || !d->month) { c = save; d->month = d->day = 0; }
        else scan_year(&c, d);
    }
    skip_spaces(&c);
    /* "March 4, -" and "March 12, Reuter -": a stray comma, a bare credit */
    if (c.i < n && text[c.i] == ',') { c.i++; skip_spaces(&c); }
    if (c.i + 6 <= n && !strncmp(text + c.i, "Reuter", 6)) {
        size_t k = c.i + 6;
        if (k < n && text[k] == 's') k++;
        add_agency(d, text + c.i, k - c.i);
        c.i = k;
        skip_spaces(&c);
    }
    /* TASS style: "MOSCOW, November 14. /TASS/." */
    if (c.i + 2 < n && text[c.i] == '.' && d->day && text[c.i + 1] == ' ' && text[c.i + 2] == '/') c.i += 2;
    if (c.i < n && text[c.i] == '/') {
        size_t b = c.i + 1, e = b;
        while (e < n && e - b < 24 && (isalpha((unsigned char)text[e]) || text[e] == ' ' || text[e] == '-')) e++;
        if (e < n && text[e] == '/' && e > b) {
            add_agency(d, text + b, e - b);
            c.i = e + 1;
            if (c.i < n && text[c.i] == '.') c.i++;
            skip_spaces(&c);
        }
    }
    int has_agency = scan_agencies(&c, d) || d->nagencies > 0;
    size_t sep_at = c.i;
    int has_sep = scan_separator(&c);
    /* was the separator a dash (not just the end of the line)? */
    int dash_sep = has_sep && c.i > sep_at && text[sep_at] != '\n' && text[sep_at] != '\r';
    if (!has_agency && !has_sep) return 0;
    /* A title-case place needs stronger evidence: an agency, or a month
     * and day before the separator ("Toronto, Feb 26 -"). */
    /* ... and, without an agency, a comma after the place and a dash:
     * "The deal was signed on November 14." is a sentence, not a dateline. */
    if (!upper && !has_agency && (!d->month || !dash_sep || pe >= n || text[pe] != ',')) return 0;
    /* Upper-case place with neither date nor agency and a separator that is
     * only a line end: a heading, not a dateline. */
    if (!has_agency && !d->month && !d->day && !d->region[0]) {
        cur t = {text, pe, n};
        skip_spaces(&t);
        if (t.i >= n || text[t.i] == '\n' || text[t.i] == '\r') return 0;
    }
    size_t pl = pend - pb;
    if (pl >= sizeof d->place_raw) pl = sizeof d->place_raw - 1;
    memcpy(d->place_raw, text + pb, pl);
    d->place_raw[pl] = 0;
    if (upper) display_place(text + pb, pl, d->place, sizeof d->place);
    else memcpy(d->place, d->place_raw, pl + 1);
    d->place_start = pb;
    d->place_end = pb + pl;
    d->start = start;
    /* the separator's line break ends the dateline too */
    while (c.i < n && (text[c.i] == '\r' || text[c.i] == '\n')) c.i++;
    d->end = c.i;
    d->found = 1;
    return 1;
}

/* A credit line before any dateline: "AP - ", "Canadian Press - " (the
 * AG News and syndication style).  Only known agencies count, so that an
 * upper-case place is never taken for a credit.  Returns the length. */
static size_t scan_credit(const char *text, size_t n, dl_dateline *d) {
    size_t i = 0;
    while (i < n && (text[i] == ' ' || text[i] == '\t')) i++;
    size_t b = i;
    while (i < n && i - b < 32 && (isalpha((unsigned char)text[i]) || text[i] == ' ' || text[i] == '-' || text[i] == '.')) {
        if (text[i] == ' ' && i + 2 < n && text[i + 1] == '-' && text[i + 2] == ' ') break;
        i++;
    }
    if (i + 2 >= n || text[i] != ' ' || text[i + 1] != '-' || text[i + 2] != ' ') return 0;
    if (!dl_agency_name(text + b, i - b)) return 0;
    add_agency(d, text + b, i - b);
    return i + 3;
}

int dl_dateline_parse(const char *text, size_t n, dl_dateline *d) {
    memset(d, 0, sizeof *d);
    d->year_rule = "none";
    size_t k = scan_credit(text, n, d);   /* first: "AP - " is a credit, not a place */
    if (!k) {
        if (parse(text, n, d)) return 1;
        memset(d, 0, sizeof *d);   /* no half-filled fields from a failed attempt */
        d->year_rule = "none";
        return 0;
    }
    dl_agency credit = d->agencies[0];
    /* "Canadian Press - VANCOUVER (CP) - ...": a dateline after the credit */
    dl_dateline rest;
    memset(&rest, 0, sizeof rest);
    if (parse(text + k, n - k, &rest)) {
        *d = rest;
        d->start += k, d->end += k, d->place_start += k, d->place_end += k;
        if (d->nagencies < DL_MAX_AGENCIES) {
            memmove(d->agencies + 1, d->agencies, (size_t)d->nagencies * sizeof *d->agencies);
            d->agencies[0] = credit;
            d->nagencies++;
        }
    } else {
        d->end = k;      /* a credit alone: no place; the story starts after it */
    }
    d->start = 0;
    while (d->start < n && (text[d->start] == ' ' || text[d->start] == '\t')) d->start++;
    d->found = 1;
    d->year_rule = "none";
    return 1;
}

/* The first weekday named in the lead ("on Monday", "Tuesday's talks"):
 * whole capitalised words only. */
static int lead_weekday(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        if (!isupper((unsigned char)s[i]) || (i && isalpha((unsigned char)s[i - 1]))) continue;
        size_t k = i;
        while (k < n && isalpha((unsigned char)s[k])) k++;
        if (k - i >= 6) {
            int w = dl_weekday_from_name(s + i, k - i);
            /* full names only: "Sat" or "Sun" in a lead are rarely weekdays */
            static const size_t full_len[7] = {6, 7, 9, 8, 6, 8, 6};
            if (w >= 0 && k - i == full_len[w]) return w;
        }
        i = k;
    }
    return -1;
}

void dl_dateline_resolve_year(dl_dateline *d, dl_date pub, const char *lead, size_t lead_len, dl_date today) {
    d->date.y = d->date.m = d->date.d = 0;
    d->year_rule = "none";
    if (!d->found || !d->day) return;
    if (d->year && d->month && dl_date_valid(d->year, d->month, d->day)) {
        d->date.y = d->year, d->date.m = d->month, d->date.d = d->day;
        d->year_rule = "dateline";
        return;
    }
    if (pub.y > 0 && pub.m > 0 && pub.d > 0) {
        /* the dateline date nearest before or on the publication date */
        int y = pub.y, m = d->month;
        if (m) {
            for (int k = 0; k < 8; k++, y--) {
                if (!dl_date_valid(y, m, d->day)) continue;
                dl_date c = {y, m, d->day};
                if (dl_date_cmp(c, pub) <= 0) break;
            }
            if (!dl_date_valid(y, m, d->day)) return;
        } else {
            /* day only: this month or the one before */
            m = pub.m;
            if (d->day > pub.d) { m--; if (m == 0) { m = 12; y--; } }
            if (!dl_date_valid(y, m, d->day)) return;
            d->month = m;
        }
        d->date.y = y, d->date.m = m, d->date.d = d->day;
        d->year_rule = "published";
        return;
    }
    if (!d->month || !lead) return;
    int wd = lead_weekday(lead, lead_len);
    if (wd < 0) return;
    /* The weekday pattern of a date repeats within 28 years (11 at most
     * between hits), so looking back 40 years always finds one. */
    for (int y = today.y; y > today.y - 40; y--) {
        if (!dl_date_valid(y, d->month, d->day)) continue;
        dl_date c = {y, d->month, d->day};
        if (dl_date_cmp(c, today) > 0) continue;
        if (dl_weekday(y, d->month, d->day) == wd) {
            d->date = c;
            d->year_rule = "weekday";
            return;
        }
    }
}
