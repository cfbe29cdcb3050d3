/* when.c -- date expressions and their resolution; see when.h. */
#include "when.h"
#include "know.h"
#include <stdlib.h>
#include <string.h>

/* Words before a bare month or year that make it a date ("in May",
 * "since 2019"): a lexicon list (DL_KW_TIME_CUE), as the word before
 * every number is asked. */
static const char *const TIME_CUE[] = {
    "in", "since", "until", "till", "by", "early", "late", "mid", "mid-", "during",
    "from", "before", "after", "throughout", "of", "last", "next", "this", "on",
    "between", "and", "to", "as", "end", "beginning", "start", NULL
};
/* Months that are also everyday words need a cue even when capitalised. */
static const char *const AMBIGUOUS_MONTH[] = { "may", "march", "august", "jan", "mar", "jun", "jul", "sun", NULL };

/* Cues that also go with counts: "of 2020 troops", "to 2020 people". */
static const char *const WEAK_CUE[] = { "of", "to", "and", "as", "between", "on", "by", NULL };

static const char *const WEEKDAYS[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", NULL
};


static int is_word(const dl_token *t) { return t->kind == DL_TOK_WORD || t->kind == DL_TOK_ABBR; }

static int num_value(const dl_token *t, long *v) {
    if (t->kind != DL_TOK_NUM) return 0;
    char *e;
    long x = strtol(t->norm, &e, 10);
    if (*e || e == t->norm) return 0;
    *v = x;
    return 1;
}

static int is_year(const dl_token *t, long *y) {
    long v;
    return t->norm_len == 4 && num_value(t, &v) && v >= 1900 && v <= 2100 && (*y = v, 1);
}

static int is_day(const dl_token *t, long *d) {
    long v;
    if (t->kind == DL_TOK_NUM && t->norm_len <= 2 && num_value(t, &v) && v >= 1 && v <= 31) { *d = v; return 1; }
    /* "14th", "1st" */
    if (t->kind == DL_TOK_WORD && t->norm_len >= 3 && t->norm_len <= 4) {
        char *e;
        v = strtol(t->norm, &e, 10);
        if (e != t->norm && v >= 1 && v <= 31 &&
            (!strcmp(e, "st") || !strcmp(e, "nd") || !strcmp(e, "rd") || !strcmp(e, "th"))) { *d = v; return 1; }
    }
    return 0;
}

static int month_at(const dl_token *t) {
    /* dl_month_from_name() also reads "Tues", "Thurs" and "Weds" as
     * months (for datelines); no month name starts with t or w */
    if (!is_word(t) || !(t->flags & DL_TF_CAP) || t->norm_len < 3 || t->norm_len > 10 || t->norm[0] == 't' ||
        t->norm[0] == 'w')
        return 0;
    return dl_month_from_name(t->norm, t->norm_len);
}

static long days(dl_date d) { return dl_days_from_civil(d.y, d.m, d.d ? d.d : 1); }

static dl_date mk(int y, int m, int d) { dl_date r = { y, m, d }; return r; }

/* Year for a month (and day) written without one. */
static int pick_year(dl_date ref, int m, int d, int future) {
    long r = days(ref);
    int best = ref.y;
    if (!future) {
        for (int y = ref.y + 1; y >= ref.y - 1; y--) {
            int dd = d ? d : 1;
            if (!dl_date_valid(y, m, dd)) continue;
            long past = dl_days_from_civil(y, m, dd);
            if (past > r + 7) continue;
            /* "on March 16" in an article of March 4 with no tense cue is
             * nearer ahead than a year back */
            if (d && r - past > 300 && dl_date_valid(y + 1, m, dd) && dl_days_from_civil(y + 1, m, dd) - r <= 60)
                return y + 1;
            return y;
        }
    } else {
        for (int y = ref.y - 1; y <= ref.y + 1; y++) {
            int dd = d ? d : dl_days_in_month(y, m);
            if (!dl_date_valid(y, m, dd)) continue;
            if (dl_days_from_civil(y, m, dd) >= r - 7) return y;
        }
    }
    return best;
}

/* Words that put their sentence in the future ("will", "next",
 * "scheduled", ...): a lexicon list (DL_KW_FUTURE), as they are asked of
 * every token of a sentence with a date. */
static const char *const FUTURE[] = {
    "due", "set", "will", "next", "plan", "plans", "shall", "later", "coming", "planned", "expects",
    "upcoming", "expected", "scheduled", NULL
};

/* w: the token's lexicon bits.  "'ll" is a clitic, which the lexicon is
 * not asked about. */
static int is_future(const dl_token *t, const dl_know_word *w) {
    return (w->cls & DL_KW_FUTURE) || (t->norm_len == 3 && !memcmp(t->norm, "'ll", 3));
}

/* Does the sentence holding token i speak of the future?  Each sentence
 * is read once (cache[s]: -1 unknown, 0 no, 1 yes). */
static int sentence_future(const dl_doc *doc, size_t i, signed char *cache) {
    size_t s = dl_know_sentence_of(doc, i);
    if (s == (size_t)-1) return 0;
    if (cache[s] < 0) {
        const dl_sentence *se = &doc->sents.v[s];
        const dl_know_word *w = dl_know_words(doc, NULL);
        cache[s] = 0;
        for (size_t k = se->tok_start; k < se->tok_end && !cache[s]; k++)
            if (is_future(&doc->toks.v[k], &w[k])) cache[s] = 1;
    }
    return cache[s];
}

static dl_date add_days(dl_date d, long n) { return dl_civil_from_days(days(d) + n); }

static dl_date add_months(dl_date d, int n) {
    int m = d.m - 1 + n;
    int y = d.y + (m >= 0 ? m / 12 : -((11 - m) / 12));
    m = ((m % 12) + 12) % 12;
    return mk(y, m + 1, 0);
}

static dl_date week_monday(dl_date d) {
    return add_days(d, -(long)dl_weekday(d.y, d.m, d.d));
}

static long small_number(const dl_token *t) {
    static const char *const words[] = { "zero", "one", "two", "three", "four", "five", "six",
        "seven", "eight", "nine", "ten", "eleven", "twelve", NULL };
    for (int k = 0; words[k]; k++) if (strcmp(t->norm, words[k]) == 0) return k;
    if (DL_NORM_IS(t, "a") || DL_NORM_IS(t, "an")) return 1;
    long v;
    if (num_value(t, &v) && v >= 0 && v < 10000) return v;
    return -1;
}

/* The lower-case words that can start a date below (when "ago" is not two
 * tokens on): besides them only "mid-2019" can. */
static const char *const DATE_WORDS[] = {
    "yesterday", "today", "tomorrow", "tonight", "last", "this", "next", "past", NULL
};

/* "three days ago": the candidate scan (dl_know_cands()) marks the
 * token two before it. */
static const char *const AGO[] = { "ago", NULL };

/* Month and weekday names as dl_month_from_name() and
 * dl_weekday_from_name() read them: every prefix of three letters or
 * more, and "Weds", "Thurs", "Tues".  The candidate scan lets these
 * through and not every capitalised word (a date starts with a month,
 * or a full weekday name); the count and place finders test the bit
 * before calling those functions.  know_test.c checks the list against
 * them. */
const char *const dl_when_month_day_words[] = {
    "jan", "janu", "janua", "januar", "january", "feb", "febr", "febru", "februa", "februar", "february",
    "mar", "marc", "march", "apr", "apri", "april", "may", "jun", "june", "jul", "july", "aug", "augu",
    "augus", "august", "sep", "sept", "septe", "septem", "septemb", "septembe", "september", "oct", "octo",
    "octob", "octobe", "october", "nov", "nove", "novem", "novemb", "novembe", "november", "dec", "dece",
    "decem", "decemb", "decembe", "december",
    "mon", "mond", "monda", "monday", "tue", "tues", "tuesd", "tuesda", "tuesday", "wed", "wedn", "wedne",
    "wednes", "wednesd", "wednesda", "wednesday", "thu", "thur", "thurs", "thursd", "thursda", "thursday",
    "fri", "frid", "frida", "friday", "sat", "satu", "satur", "saturd", "saturda", "saturday", "sun", "sund",
    "sunda", "sunday", "weds", NULL
};

/* For dl_know_words(). */
const dl_know_list dl_when_word_lists[] = {
    { DATE_WORDS, NULL, DL_KNOW_NLIST(DATE_WORDS), DL_KW_DATE },
    { AGO, NULL, 1, DL_KW_AGO },
    { FUTURE, NULL, DL_KNOW_NLIST(FUTURE), DL_KW_FUTURE },
    { TIME_CUE, NULL, DL_KNOW_NLIST(TIME_CUE), DL_KW_TIME_CUE },
    { dl_when_month_day_words, NULL, DL_KNOW_NLIST(dl_when_month_day_words), DL_KW_MONTH_DAY },
    { NULL, NULL, 0, 0 }
};

static int lower_date_start(const dl_token *t, const dl_know_word *w) {
    return (w->cls & DL_KW_DATE) || (t->norm_len == 8 && t->norm[0] == 'm');
}

/* Could a capitalised word be a month (month_at) or a weekday (the full
 * names below)?  Their shapes: besides the date words and "mid-2019",
 * only those start a date with a capitalised word. */
static int cap_date_shape(const dl_token *t) {
    enum { MONTH_FIRST = 1u << ('j' - 'a') | 1u << ('f' - 'a') | 1u << ('m' - 'a') | 1u << ('a' - 'a') |
                         1u << ('s' - 'a') | 1u << ('o' - 'a') | 1u << ('n' - 'a') | 1u << ('d' - 'a') };
    size_t l = t->norm_len;
    unsigned c = (unsigned char)t->norm[0] - 'a';
    if (l >= 3 && l <= 10 && c < 26 && (MONTH_FIRST >> c & 1)) return 1;
    return l >= 6 && !memcmp(t->norm + l - 3, "day", 4);
}

static size_t sent_of(const dl_doc *doc, size_t i) { return dl_know_sentence_of(doc, i); }

void dl_when_find(dl_doc *doc, dl_date ref, dl_when_set *out) {
    const dl_token *t = doc->toks.v;
    size_t n = doc->toks.n;
    size_t cap = 8;
    out->n = 0;
    out->v = dl_arena_alloc(doc->arena, cap * sizeof *out->v);
    int have_ref = ref.y > 0 && ref.m > 0 && ref.d > 0;
    signed char *fcache = dl_arena_alloc(doc->arena, doc->sents.n + 1);
    memset(fcache, -1, doc->sents.n + 1);
    size_t hi = dl_know_story_end(doc);
    const dl_know_word *W = dl_know_words(doc, NULL);
    size_t lo = dl_know_story_start(doc);
    DL_KNOW_FOR_CANDS(&dl_know_cands(doc)->dates, lo, hi, i) {
        /* most tokens are lower-case words no date starts with */
        if (t[i].kind == DL_TOK_WORD && !(t[i].flags & DL_TF_CAP) && !lower_date_start(&t[i], &W[i]) &&
            !(t[i].norm[0] >= '0' && t[i].norm[0] <= '9') &&
            !(i + 2 < n && t[i + 2].norm_len == 3 && !memcmp(t[i + 2].norm, "ago", 3)))
            continue;
        /* and capitalised ones that are no month or weekday either */
        if ((t[i].kind == DL_TOK_WORD || t[i].kind == DL_TOK_ABBR) && (t[i].flags & DL_TF_CAP) &&
            !lower_date_start(&t[i], &W[i]) && !cap_date_shape(&t[i]) &&
            !(t[i].norm[0] >= '0' && t[i].norm[0] <= '9') &&
            !(i + 2 < n && t[i + 2].norm_len == 3 && !memcmp(t[i + 2].norm, "ago", 3)))
            continue;
        if (t[i].kind != DL_TOK_WORD && t[i].kind != DL_TOK_NUM && t[i].kind != DL_TOK_ABBR) continue;
        dl_when w;
        memset(&w, 0, sizeof w);
        int starts_digit = t[i].norm[0] >= '0' && t[i].norm[0] <= '9';
        int day_tok = 0;
        size_t used = 0;
        const char *prev = i > 0 ? t[i - 1].norm : "";
        long y, d;
        int m;
        if (t[i].kind == DL_TOK_NUM && t[i].norm_len == 10 && t[i].norm[4] == '-' && t[i].norm[7] == '-') {
            int yy = atoi(t[i].norm), mm = atoi(t[i].norm + 5), dd = atoi(t[i].norm + 8);
            if (dl_date_valid(yy, mm, dd)) { w.date = mk(yy, mm, dd); w.res = DL_WR_DAY; used = 1; }
        } else if (t[i].kind == DL_TOK_NUM && t[i].norm_len == 7 && t[i].norm[4] == '-') {
            /* 2022-06 */
            int yy = atoi(t[i].norm), mm = atoi(t[i].norm + 5);
            if (yy >= 1900 && yy <= 2100 && mm >= 1 && mm <= 12) { w.date = mk(yy, mm, 0); w.res = DL_WR_MONTH; used = 1; }
        } else if (t[i].kind == DL_TOK_WORD && t[i].norm_len == 8 &&
                   (!strncmp(t[i].norm, "mid-", 4)) && atoi(t[i].norm + 4) >= 1900 && atoi(t[i].norm + 4) <= 2100) {
            /* mid-2019 */
            w.date = mk(atoi(t[i].norm + 4), 0, 0);
            w.res = DL_WR_YEAR;
            used = 1;
        } else if ((day_tok = starts_digit && is_day(&t[i], &d)) && i + 2 < n && DL_NORM_IS(&t[i + 1], "of") &&
                   (m = month_at(&t[i + 2])) != 0) {
            /* the 6th of November [2022] */
            used = 3;
            if (i + 3 < n && is_year(&t[i + 3], &y)) used = 4;
            else y = 0;
            int yy = y ? (int)y : have_ref ? pick_year(ref, m, (int)d, sentence_future(doc, i, fcache)) : 0;
            if (!y) w.relative = 1;
            if (yy && !dl_date_valid(yy, m, (int)d)) used = 0;
            else { w.date = mk(yy, m, (int)d); w.res = DL_WR_DAY; }
        } else if ((m = month_at(&t[i])) != 0) {
            int cue = i > 0 && (W[i - 1].cls & DL_KW_TIME_CUE);
            int future = sentence_future(doc, i, fcache);
            if (i + 1 < n && is_day(&t[i + 1], &d)) {
                /* November 14[, 2022] */
                used = 2;
                size_t j = i + 2;
                if (j < n && DL_NORM_IS(&t[j], ",") && j + 1 < n && is_year(&t[j + 1], &y)) used = 4;
                else if (j < n && is_year(&t[j], &y)) used = 3;
                else y = 0;
                int yy = y ? (int)y : have_ref ? pick_year(ref, m, (int)d, future) : 0;
                if (!y) w.relative = 1;
                if (yy && !dl_date_valid(yy, m, (int)d)) used = 0;
                else { w.date = mk(yy, m, (int)d); w.res = DL_WR_DAY; }
            } else if (i + 1 < n && is_year(&t[i + 1], &y)) {
                used = 2;
                w.date = mk((int)y, m, 0);
                w.res = DL_WR_MONTH;
            } else if (cue || (!dl_know_in_list(AMBIGUOUS_MONTH, t[i].norm) && t[i].kind == DL_TOK_WORD && t[i].norm_len > 3)) {
                if (dl_know_in_list(AMBIGUOUS_MONTH, t[i].norm) && !cue) continue;
                used = 1;
                w.relative = 1;
                int fut = future || strcmp(prev, "next") == 0;
                if (strcmp(prev, "last") == 0) fut = 0;
                int yy = have_ref ? pick_year(ref, m, 0, fut) : 0;
                if (have_ref && strcmp(prev, "last") == 0 && yy == ref.y && m >= ref.m) yy--;
                w.date = mk(yy, m, 0);
                w.res = DL_WR_MONTH;
                if (strcmp(prev, "last") == 0 || strcmp(prev, "next") == 0 || strcmp(prev, "this") == 0) {
                    w.start = t[i - 1].start;
                }
            }
        } else if (day_tok && i + 1 < n && (m = month_at(&t[i + 1])) != 0) {
            /* 14 November [2022] */
            used = 2;
            if (i + 2 < n && is_year(&t[i + 2], &y)) used = 3;
            else y = 0;
            int yy = y ? (int)y : have_ref ? pick_year(ref, m, (int)d, sentence_future(doc, i, fcache)) : 0;
            if (!y) w.relative = 1;
            if (yy && !dl_date_valid(yy, m, (int)d)) used = 0;
            else { w.date = mk(yy, m, (int)d); w.res = DL_WR_DAY; }
        } else if (t[i].kind == DL_TOK_NUM && i > 0 && (W[i - 1].cls & DL_KW_TIME_CUE) && is_year(&t[i], &y) &&
                   strcmp(prev, "last") && strcmp(prev, "next") && strcmp(prev, "this") &&
                   !(dl_know_in_list(WEAK_CUE, prev) && i + 1 < n && t[i + 1].kind == DL_TOK_WORD &&
                     !(t[i + 1].flags & DL_TF_CAP) && !DL_NORM_IS(&t[i + 1], "and") && !DL_NORM_IS(&t[i + 1], "to"))) {
            /* in 2020 -- but not "of 2020 troops" */
            used = 1;
            w.date = mk((int)y, 0, 0);
            w.res = DL_WR_YEAR;
        } else if (is_word(&t[i]) && (t[i].flags & DL_TF_CAP) && t[i].norm_len >= 6 &&
                   !memcmp(t[i].norm + t[i].norm_len - 3, "day", 4) && dl_know_in_list(WEEKDAYS, t[i].norm)) {
            /* full weekday names only: "Sun" is a newspaper, "Wed" a verb */
            int wd = dl_weekday_from_name(t[i].norm, t[i].norm_len);
            used = 1;
            w.relative = 1;
            w.res = DL_WR_DAY;
            int fut = sentence_future(doc, i, fcache) || strcmp(prev, "next") == 0;
            if (strcmp(prev, "last") == 0) fut = 0;
            if (i > 0 && (strcmp(prev, "last") == 0 || strcmp(prev, "next") == 0 || strcmp(prev, "this") == 0))
                w.start = t[i - 1].start;
            if (have_ref) {
                int rw = dl_weekday(ref.y, ref.m, ref.d);
                long delta;
                if (fut) { delta = (wd - rw + 7) % 7; if (delta == 0) delta = 7; }
                else {
                    delta = -(long)((rw - wd + 7) % 7);
                    if (delta == 0 && strcmp(prev, "last") == 0) delta = -7;
                }
                w.date = add_days(ref, delta);
            }
        } else if (t[i].kind == DL_TOK_WORD && t[i].norm_len >= 5 && t[i].norm_len <= 9 &&
                   (t[i].norm[0] == 'y' || t[i].norm[0] == 't') &&
                   (DL_NORM_IS(&t[i], "yesterday") || DL_NORM_IS(&t[i], "today") ||
                                               DL_NORM_IS(&t[i], "tomorrow") || DL_NORM_IS(&t[i], "tonight"))) {
            used = 1;
            w.relative = 1;
            w.res = DL_WR_DAY;
            long delta = DL_NORM_IS(&t[i], "yesterday") ? -1 : DL_NORM_IS(&t[i], "tomorrow") ? 1 : 0;
            if (have_ref) w.date = add_days(ref, delta);
        } else if (t[i].kind == DL_TOK_WORD && i + 1 < n && t[i].norm_len == 4 &&
                   (!memcmp(t[i].norm, "last", 4) || !memcmp(t[i].norm, "this", 4) || !memcmp(t[i].norm, "next", 4) ||
                    !memcmp(t[i].norm, "past", 4)) &&
                   (DL_NORM_IS(&t[i + 1], "week") || DL_NORM_IS(&t[i + 1], "month") || DL_NORM_IS(&t[i + 1], "year") ||
                    DL_NORM_IS(&t[i + 1], "weekend"))) {
            used = 2;
            w.relative = 1;
            int dir = DL_NORM_IS(&t[i], "next") ? 1 : DL_NORM_IS(&t[i], "this") ? 0 : -1;
            const char *unit = t[i + 1].norm;
            if (!strcmp(unit, "week") || !strcmp(unit, "weekend")) {
                w.res = DL_WR_WEEK;
                if (have_ref) w.date = week_monday(add_days(ref, 7L * dir));
                if (!strcmp(unit, "weekend")) {
                    w.res = DL_WR_DAY;   /* the Saturday */
                    if (have_ref) {
                        dl_date mon = week_monday(ref);
                        w.date = add_days(mon, dir < 0 ? -2 : dir > 0 ? 12 : 5);
                    }
                }
            } else if (!strcmp(unit, "month")) {
                w.res = DL_WR_MONTH;
                if (have_ref) w.date = add_months(ref, dir);
            } else {
                w.res = DL_WR_YEAR;
                if (have_ref) w.date = mk(ref.y + dir, 0, 0);
            }
        } else if (i + 2 < n && t[i + 2].kind == DL_TOK_WORD && t[i + 2].norm_len == 3 && DL_NORM_IS(&t[i + 2], "ago") &&
                   small_number(&t[i]) >= 0) {
            long k = small_number(&t[i]);
            const char *unit = t[i + 1].norm;
            used = 3;
            w.relative = 1;
            if (!strncmp(unit, "day", 3)) { w.res = DL_WR_DAY; if (have_ref) w.date = add_days(ref, -k); }
            else if (!strncmp(unit, "week", 4)) { w.res = DL_WR_WEEK; if (have_ref) w.date = week_monday(add_days(ref, -7 * k)); }
            else if (!strncmp(unit, "month", 5)) { w.res = DL_WR_MONTH; if (have_ref) w.date = add_months(ref, -(int)k); }
            else if (!strncmp(unit, "year", 4)) { w.res = DL_WR_YEAR; if (have_ref) w.date = mk(ref.y - (int)k, 0, 0); }
            else used = 0;
        }
        if (!used) continue;
        if (!w.start) w.start = t[i].start;
        w.end = t[i + used - 1].end;
        w.sent = (uint32_t)sent_of(doc, i);
        if (w.res == DL_WR_MONTH) w.date.d = 0;
        if (w.res == DL_WR_YEAR) { w.date.m = 0; w.date.d = 0; }
        if (out->n == cap) {
            dl_when *v = dl_arena_alloc(doc->arena, cap * 2 * sizeof *v);
            memcpy(v, out->v, out->n * sizeof *v);
            out->v = v;
            cap *= 2;
        }
        out->v[out->n++] = w;
        i += used - 1;
    }
}
