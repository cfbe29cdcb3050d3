/* count.c -- numbers, what they count, their GDELT-like type and actor. */
#include "count.h"
#include "know.h"
#include "../actor/actor.h"
#include <stdlib.h>
#include <stdint.h>
#include <string.h>


typedef struct word_value { const char *w; double v; } word_value;

static const word_value UNITS[] = {
    {"one", 1}, {"two", 2}, {"three", 3}, {"four", 4}, {"five", 5}, {"six", 6},
    {"seven", 7}, {"eight", 8}, {"nine", 9}, {"ten", 10}, {"eleven", 11},
    {"twelve", 12}, {"thirteen", 13}, {"fourteen", 14}, {"fifteen", 15},
    {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19},
    {"twenty", 20}, {"thirty", 30}, {"forty", 40}, {"fifty", 50}, {"sixty", 60},
    {"seventy", 70}, {"eighty", 80}, {"ninety", 90}, {"dozen", 12}, {NULL, 0}
};
static const word_value SCALES[] = {
    {"hundred", 100}, {"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9},
    {"trillion", 1e12}, {"m", 1e6}, {"mn", 1e6}, {"bn", 1e9}, {"k", 1e3},
    {"mln", 1e6}, {"bln", 1e9}, {NULL, 0}   /* wire style: "23.5 mln dlrs" */
};
/* Vague quantities: the least they can mean. */
static const word_value VAGUE[] = {
    {"dozens", 24}, {"scores", 40}, {"hundreds", 200}, {"thousands", 2000},
    {"millions", 2e6}, {"billions", 2e9}, {NULL, 0}
};

static int lookup(const word_value *t, const char *w, double *v) {
    for (; t->w; t++) if (t->w[0] == w[0] && strcmp(t->w, w) == 0) { *v = t->v; return 1; }
    return 0;
}

/* "twenty-five" */
static int hyphen_number(const char *w, double *v) {
    const char *h = strchr(w, '-');
    if (!h || h - w > 10) return 0;
    char a[16];
    memcpy(a, w, (size_t)(h - w));
    a[h - w] = '\0';
    double x, y;
    if (!lookup(UNITS, a, &x) || x < 20 || !lookup(UNITS, h + 1, &y) || y >= 10) return 0;
    *v = x + y;
    return 1;
}

static int digits_value(const dl_token *t, double *v) {
    if (t->kind != DL_TOK_NUM) return 0;
    char buf[64];
    size_t k = 0;
    /* Clinger's fast path: a mantissa below 2^53 divided by an exact power
     * of ten (<= 1e22) is correctly rounded, so equal to strtod's result;
     * strtod itself cost as much as the rest of the count finder on
     * number-heavy wire copy.  Anything else goes to strtod.  The digits
     * are read as they are copied (without the commas) for strtod. */
    static const double pow10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
                                   1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    uint64_t m = 0;
    int ndig = 0, frac = -1, dots = 0;
    for (const char *p = t->norm; *p && k + 1 < sizeof buf; p++) {
        char ch = *p;
        if (ch == ',') continue;
        if (ch == '.') {
            dots++;
            frac = 0;
        } else if (ch >= '0' && ch <= '9') {
            m = m * 10 + (uint64_t)(ch - '0');
            if (m || ndig) ndig++;
            if (frac >= 0) frac++;
        } else {
            return 0;
        }
        buf[k++] = ch;
    }
    buf[k] = '\0';
    if (!k) return 0;
    if (dots <= 1 && ndig <= 15 && (frac < 0 || frac <= 22)) {
        *v = frac > 0 ? (double)m / pow10[frac] : (double)m;
        return 1;
    }
    *v = strtod(buf, NULL);
    return 1;
}

/* Every word a number can start with: a lexicon list (DL_KW_NUMBER), and
 * sorted in strcmp order for the binary search of hyphenated heads
 * ("twenty-five") in number_start_word(). */
static const char *const NUMBER_STARTS[] = {
    "a", "an", "billions", "dozen", "dozens", "eight", "eighteen", "eighty", "eleven",
    "fifteen", "fifty", "five", "forty", "four", "fourteen", "hundred", "hundreds",
    "millions", "nine", "nineteen", "ninety", "one", "scores", "seven", "seventeen",
    "seventy", "six", "sixteen", "sixty", "ten", "tens", "thirteen", "thirty",
    "thousands", "three", "twelve", "twenty", "two"
};


/* The first two letters of the words in NUMBER_STARTS: for each first
 * letter, a bit per second letter ("a" may be followed by anything).  A
 * table lookup, before the hyphen is looked for. */
#define L2(c) (1u << ((c) - 'a'))
enum { ANY_SECOND = 1u << 31 };
static const uint32_t NUMBER_PAIRS[26] = {
    ['a' - 'a'] = ANY_SECOND, ['b' - 'a'] = L2('i'), ['d' - 'a'] = L2('o'), ['e' - 'a'] = L2('i') | L2('l'),
    ['f' - 'a'] = L2('i') | L2('o'), ['h' - 'a'] = L2('u'), ['m' - 'a'] = L2('i'), ['n' - 'a'] = L2('i'),
    ['o' - 'a'] = L2('n'), ['s' - 'a'] = L2('c') | L2('e') | L2('i'), ['t' - 'a'] = L2('e') | L2('h') | L2('w'),
};
#undef L2

static inline int number_pair(const dl_token *t) {
    unsigned a = (unsigned char)t->norm[0] - 'a';
    if (a >= 26) return 0;
    uint32_t m = NUMBER_PAIRS[a];
    if (m == ANY_SECOND) return 1;
    unsigned b = t->norm_len > 1 ? (unsigned char)t->norm[1] - 'a' : 26;
    return b < 26 && (m >> b & 1);
}

/* After number_pair: the length of every word in NUMBER_STARTS that
 * starts with those letters (hyphenated forms: the part before the
 * hyphen). */
static int number_shape(const char *w, size_t len) {
    char a = w[0], b = len > 1 ? w[1] : 0;
    size_t lim = len < 10 ? len : 10, n = 0;
    while (n < lim && w[n] != '-') n++;
    if (n == 0 || n > 9) return 0;
    if (n == 1) b = 0;
    switch (a) {
    case 'a': return n <= 2;
    case 'b': return b == 'i' && n == 8;
    case 'd': return b == 'o' && (n == 5 || n == 6);
    case 'e': return (b == 'i' && (n == 5 || n == 6 || n == 8)) || (b == 'l' && n == 6);
    case 'f': return (b == 'i' || b == 'o') && n >= 4 && n <= 8;
    case 'h': return b == 'u' && (n == 7 || n == 8);
    case 'm': return b == 'i' && n == 8;
    case 'n': return b == 'i' && (n == 4 || n == 6 || n == 8);
    case 'o': return b == 'n' && n == 3;
    case 's': return (b == 'c' && n == 6) || (b == 'e' && (n == 5 || n == 7 || n == 9)) || (b == 'i' && (n == 3 || n == 5 || n == 7));
    case 't': return (b == 'e' && (n == 3 || n == 4)) || (b == 'h' && (n == 5 || n == 6 || n == 8 || n == 9)) ||
                     (b == 'w' && (n == 3 || n == 6));
    default: return 0;
    }
}

/* Is w[0..len) (or its part before a hyphen: "twenty-five") in
 * NUMBER_STARTS?  A binary search on the unterminated head, in strcmp's
 * order. */
static int number_start_word(const char *w, size_t len) {
    const char *dash = memchr(w, '-', len);
    if (dash) len = (size_t)(dash - w);
    /* "a" and "an", the words that pass number_shape most, are the only
     * ones starting with a */
    if (w[0] == 'a') return len == 1 || (len == 2 && w[1] == 'n');
    size_t lo = 0, hi = sizeof NUMBER_STARTS / sizeof *NUMBER_STARTS;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strncmp(NUMBER_STARTS[mid], w, len);
        if (c == 0) c = NUMBER_STARTS[mid][len] != '\0';
        if (c == 0) return 1;
        if (c < 0) lo = mid + 1;
        else hi = mid;
    }
    return 0;
}

/* Can a number start with this word?  Called for every lower-case word of
 * the story, so the cheap tests go first. */
static inline int may_start_number(const dl_token *t) {
    return number_pair(t) && number_shape(t->norm, t->norm_len) && number_start_word(t->norm, t->norm_len);
}

/* The same with the token's lexicon bits: NUMBER_STARTS is a lexicon
 * list (DL_KW_NUMBER), so only a hyphenated word ("twenty-five") needs
 * the letters read. */
static inline int may_start_number_w(const dl_token *t, const dl_know_word *w) {
    if (w->cls & DL_KW_NUMBER) return 1;
    return t->norm_len >= 3 && number_pair(t) && memchr(t->norm, '-', t->norm_len) && may_start_number(t);
}

/* dl_number_at(); w: the tokens' lexicon bits, or NULL. */
static size_t number_at(const dl_token *t, const dl_know_word *w, size_t n, size_t i, double *value, int *vague) {
    double v;
    *vague = 0;
    if (i >= n) return 0;
    if (t[i].kind == DL_TOK_WORD && !(w ? may_start_number_w(&t[i], &w[i]) : may_start_number(&t[i]))) return 0;
    if (digits_value(&t[i], &v)) {
        size_t j = i + 1;
        double s;
        /* the lexicon's bit says first whether the next word is a scale
         * at all (it rarely is) */
        while (j < n && (!w || (w[j].cls & DL_KW_SCALE)) && lookup(SCALES, t[j].norm, &s)) { v *= s; j++; }
        *value = v;
        return j - i;
    }
    if (t[i].kind != DL_TOK_WORD) return 0;
    /* "tens of thousands", "hundreds of thousands" */
    if (((t[i].norm_len == 4 && DL_NORM_IS(&t[i], "tens")) ||
         (t[i].norm_len == 8 && DL_NORM_IS(&t[i], "hundreds"))) && i + 2 < n &&
        DL_NORM_IS(&t[i + 1], "of") && lookup(VAGUE, t[i + 2].norm, &v) && v >= 2000) {
        *value = (DL_NORM_IS(&t[i], "tens") ? 10 : 100) * v / 2;
        *vague = 1;
        return 3;
    }
    if (lookup(VAGUE, t[i].norm, &v)) { *value = v; *vague = 1; return 1; }
    double total = 0, cur = 0;
    size_t j = i;
    int any = 0;
    if (t[j].norm_len <= 2 && t[j].norm[0] == 'a') {
        /* "a dozen", "a hundred", "a million" -- and nothing else starting with "a" */
        if (j + 1 < n && t[j + 1].norm_len >= 5 && t[j + 1].norm_len <= 8 &&
            (DL_NORM_IS(&t[j + 1], "dozen") || DL_NORM_IS(&t[j + 1], "hundred") ||
             DL_NORM_IS(&t[j + 1], "thousand") || DL_NORM_IS(&t[j + 1], "million") ||
             DL_NORM_IS(&t[j + 1], "billion"))) {
            cur = 1;
            j++;
        } else {
            return 0;
        }
    }
    while (j < n && t[j].kind == DL_TOK_WORD) {
        if (lookup(UNITS, t[j].norm, &v) || hyphen_number(t[j].norm, &v)) {
            if (DL_NORM_IS(&t[j], "dozen")) cur = (cur ? cur : 1) * 12;
            else cur += v;
            any = 1;
        } else if (lookup(SCALES, t[j].norm, &v) && (any || cur) && t[j].norm_len > 2) {
            if (v == 100) cur = (cur ? cur : 1) * 100;
            else { total += (cur ? cur : 1) * v; cur = 0; }
            any = 1;
        } else if (DL_NORM_IS(&t[j], "and") && any && j + 1 < n &&
                   (lookup(UNITS, t[j + 1].norm, &v) || hyphen_number(t[j + 1].norm, &v))) {
            /* "three hundred and fifty" */
        } else break;
        j++;
    }
    if (!any) return 0;
    *value = total + cur;
    return j - i;
}

size_t dl_number_at(const dl_token *t, size_t n, size_t i, double *value, int *vague) {
    return number_at(t, NULL, n, i, value, vague);
}

/* Nouns that say what is counted, with their type.  This list and VERBS
 * are sorted in strcmp order (see type_in_sorted). */
typedef struct noun_type { const char *noun; const char *type; } noun_type;
static const noun_type NOUNS[] = {
    {"abductees", "KIDNAP"}, {"arrested", "ARREST"}, {"arrests", "ARREST"},
    {"asylum-seekers", "REFUGEES"}, {"bodies", "KILL"}, {"captives", "KIDNAP"},
    {"casualties", "AFFECT"}, {"commandos", "SOLDIERS"}, {"conscripts", "SOLDIERS"},
    {"contingent", "SOLDIERS"}, {"dead", "KILL"}, {"deaths", "KILL"}, {"demonstrators", "PROTEST"},
    {"detainees", "ARREST"}, {"displaced", "DISPLACED"}, {"evacuees", "EVACUATION"},
    {"fatalities", "KILL"}, {"hostages", "KIDNAP"}, {"idps", "DISPLACED"}, {"injured", "WOUND"},
    {"injuries", "WOUND"}, {"kidnapped", "KIDNAP"}, {"killed", "KILL"}, {"marchers", "PROTEST"},
    {"marines", "SOLDIERS"}, {"mercenaries", "SOLDIERS"}, {"migrants", "REFUGEES"},
    {"paratroopers", "SOLDIERS"}, {"peacekeepers", "SOLDIERS"}, {"protesters", "PROTEST"},
    {"protestors", "PROTEST"}, {"refugees", "REFUGEES"}, {"reservists", "SOLDIERS"},
    {"rioters", "PROTEST"}, {"sailors", "SOLDIERS"}, {"servicemen", "SOLDIERS"},
    {"soldiers", "SOLDIERS"}, {"strikers", "PROTEST"}, {"troops", "SOLDIERS"}, {"wounded", "WOUND"}
};

/* Verbs near a count that decide its type. */
static const noun_type VERBS[] = {
    {"abducted", "KIDNAP"}, {"abducting", "KIDNAP"}, {"apprehended", "ARREST"},
    {"arrested", "ARREST"}, {"arresting", "ARREST"}, {"dead", "KILL"}, {"demonstrated", "PROTEST"},
    {"detained", "ARREST"}, {"detaining", "ARREST"}, {"died", "KILL"}, {"displaced", "DISPLACED"},
    {"displacing", "DISPLACED"}, {"evacuated", "EVACUATION"}, {"evacuating", "EVACUATION"},
    {"executed", "KILL"}, {"fled", "DISPLACED"}, {"fleeing", "DISPLACED"}, {"hostage", "KIDNAP"},
    {"hurt", "WOUND"}, {"imprisoned", "ARREST"}, {"injured", "WOUND"}, {"injuring", "WOUND"},
    {"jailed", "ARREST"}, {"kidnapped", "KIDNAP"}, {"kidnapping", "KIDNAP"}, {"kill", "KILL"},
    {"killed", "KILL"}, {"killing", "KILL"}, {"marched", "PROTEST"}, {"marching", "PROTEST"},
    {"massacred", "KILL"}, {"murdered", "KILL"}, {"perished", "KILL"}, {"protested", "PROTEST"},
    {"protesting", "PROTEST"}, {"rallied", "PROTEST"}, {"slain", "KILL"}, {"toll", "KILL"},
    {"uprooted", "DISPLACED"}, {"wounded", "WOUND"}, {"wounding", "WOUND"}
};

/* Nouns that count people (so a nearby verb can type them). */
static const char *const PEOPLE[] = {
    "activists", "aid workers", "attackers", "children", "citizens", "civilians", "dead",
    "demonstrators", "displaced", "doctors", "employees", "families", "family", "farmers",
    "fighters", "gunmen", "hostages", "individuals", "injured", "inmates", "insurgents",
    "jihadists", "journalists", "killed", "members", "men", "migrants", "militants", "miners",
    "nationals", "nurses", "officers", "opponents", "others", "passengers", "peacekeepers",
    "people", "persons", "police", "policemen", "prisoners", "protesters", "pupils", "rebels",
    "refugees", "residents", "soldiers", "staff", "students", "supporters", "suspects", "teachers",
    "tourists", "troops", "villagers", "women", "workers", "worshippers", "wounded"
};

/* Units that make a number a measure, not a count of actors. */
static const char *const UNITS_OF_MEASURE[] = {
    "%", "a.m.", "acres", "am", "barrels", "basis", "bpd", "bushels", "centuries", "day", "days",
    "decades", "degrees", "feet", "gallons", "hectares", "hour", "hours", "kg", "kilometers",
    "kilometres", "km", "lbs", "liters", "litres", "megawatts", "meters", "metres", "miles",
    "minute", "minutes", "month", "months", "o'clock", "ounces", "p.m.", "pct", "per", "percent",
    "pm", "points", "pounds-weight", "seats", "seconds", "shares", "square", "times", "tonnes",
    "tons", "votes", "week", "weeks", "year", "year-old", "years", "years-old"
};

/* Function words that end the counted noun phrase. */
static const char *const STOP[] = {
    "a", "across", "after", "also", "an", "and", "are", "as", "at", "be", "been", "before", "by",
    "could", "died", "during", "fled", "for", "from", "had", "has", "have", "her", "his", "in",
    "into", "is", "its", "killed", "may", "might", "near", "of", "on", "or", "over", "said",
    "since", "than", "that", "the", "their", "these", "this", "those", "to", "under", "was", "were",
    "which", "who", "will", "with", "would"
};

typedef struct currency_word { const char *w; const char *iso; } currency_word;
static const currency_word CURRENCY_AFTER[] = {
    {"dollars", "USD"}, {"dollar", "USD"}, {"euros", "EUR"}, {"euro", "EUR"},
    {"pounds", "GBP"}, {"sterling", "GBP"}, {"yen", "JPY"}, {"yuan", "CNY"},
    {"renminbi", "CNY"}, {"rubles", "RUB"}, {"roubles", "RUB"}, {"rupees", "INR"},
    {"hryvnias", "UAH"}, {"hryvnia", "UAH"}, {"shekels", "ILS"}, {"naira", "NGN"},
    {"rand", "ZAR"}, {"francs", "XOF"}, {"lira", "TRY"}, {"riyals", "SAR"},
    {"dirhams", "AED"}, {"pesos", "MXN"}, {"usd", "USD"}, {"eur", "EUR"}, {"gbp", "GBP"},
    {"dlrs", "USD"}, {"dlr", "USD"}, {"stg", "GBP"}, {"cents", "USD"}, {"cts", "USD"},
    {NULL, NULL}
};
static const currency_word CURRENCY_BEFORE[] = {
    {"$", "USD"}, {"us$", "USD"}, {"€", "EUR"}, {"£", "GBP"}, {"¥", "JPY"}, {"₹", "INR"},
    {"₽", "RUB"}, {"₴", "UAH"}, {"₦", "NGN"}, {"usd", "USD"}, {"eur", "EUR"}, {"gbp", "GBP"},
    {NULL, NULL}
};

static const char *currency_of(const currency_word *t, const char *w) {
    for (; t->w; t++) if (t->w[0] == w[0] && strcmp(t->w, w) == 0) return t->iso;
    return NULL;
}

#define NELEM(a) (sizeof (a) / sizeof *(a))

static const char *noun_at(size_t k) { return NOUNS[k].noun; }
static const char *scale_at(size_t k) { return SCALES[k].w; }
static const char *currency_after_at(size_t k) { return CURRENCY_AFTER[k].w; }
static const char *verb_at(size_t k) { return VERBS[k].noun; }
/* The words and signs of CURRENCY_BEFORE, then "us" of "US$" (a lexicon
 * list, DL_KW_CUR_CODE: the candidate scan passes short capitals with the
 * bit to the finder, which asks the bit before reading CURRENCY_BEFORE). */
static const char *currency_before_at(size_t k) { return k + 1 < NELEM(CURRENCY_BEFORE) ? CURRENCY_BEFORE[k].w : "us"; }

/* For dl_know_words(): the finder asks each token near a number whether it
 * is in these lists, so they are answered by one lookup per token. */
const dl_know_list dl_count_word_lists[] = {
    { PEOPLE, NULL, NELEM(PEOPLE), DL_KW_PEOPLE },
    { UNITS_OF_MEASURE, NULL, NELEM(UNITS_OF_MEASURE), DL_KW_UNIT },
    { STOP, NULL, NELEM(STOP), DL_KW_STOP },
    { NULL, noun_at, NELEM(NOUNS), DL_KW_NOUN },
    { NULL, verb_at, NELEM(VERBS), DL_KW_VERB },
    { NUMBER_STARTS, NULL, NELEM(NUMBER_STARTS), DL_KW_NUMBER },
    { NULL, scale_at, NELEM(SCALES) - 1, DL_KW_SCALE },               /* without the NULL end */
    { NULL, currency_after_at, NELEM(CURRENCY_AFTER) - 1, DL_KW_CURRENCY },
    { NULL, currency_before_at, NELEM(CURRENCY_BEFORE), DL_KW_CUR_CODE },   /* its entries, and "us" */
    { NULL, NULL, 0, 0 }
};

/* The type of a noun or verb the DL_KW_NOUN or DL_KW_VERB bit says is in
 * the list: a binary search (the lists are sorted in strcmp order,
 * dl_count_tables_sorted() checks). */
static const char *type_in_sorted(const noun_type *v, size_t n, const char *w) {
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(v[mid].noun, w);
        if (c == 0) return v[mid].type;
        if (c < 0) lo = mid + 1;
        else hi = mid;
    }
    return NULL;
}

#define NOUN_TYPE(k) ((W[k].cls & DL_KW_NOUN) ? type_in_sorted(NOUNS, NELEM(NOUNS), t[k].norm) : NULL)
#define VERB_TYPE(k) ((W[k].cls & DL_KW_VERB) ? type_in_sorted(VERBS, NELEM(VERBS), t[k].norm) : NULL)

int dl_count_tables_sorted(void) {
    for (size_t k = 1; k < NELEM(NUMBER_STARTS); k++) if (strcmp(NUMBER_STARTS[k - 1], NUMBER_STARTS[k]) >= 0) return 0;
    for (size_t k = 1; k < NELEM(NOUNS); k++) if (strcmp(NOUNS[k - 1].noun, NOUNS[k].noun) >= 0) return 0;
    for (size_t k = 1; k < NELEM(VERBS); k++) if (strcmp(VERBS[k - 1].noun, VERBS[k].noun) >= 0) return 0;
    return 1;
}

static size_t sent_of(const dl_doc *doc, size_t i) { return dl_know_sentence_of(doc, i); }

/* The actor a count belongs to. */
static const dl_actor_mention *count_actor(const dl_doc *doc, uint32_t num_start, uint32_t obj_start, uint32_t obj_end,
                                           size_t first_tok) {
    if (!doc->actors) return NULL;
    const dl_actor_mention *best = NULL;
    /* a mention covering the counted noun: "300 British troops" */
    for (size_t k = 0; k < doc->actors->n; k++) {
        const dl_actor_mention *m = &doc->actors->v[k];
        if (m->start >= obj_end) break;            /* sorted by start */
        if (m->end > obj_start && m->end > num_start) best = m;
    }
    if (best) return best;
    /* a mention just before: "the British contingent of 300 troops",
     * "Britain's 300 troops" */
    const dl_token *t = doc->toks.v;
    size_t j = first_tok;
    int steps = 0;
    while (j > 0 && steps < 3) {
        j--;
        steps++;
        const dl_token *w = &t[j];
        if (w->kind == DL_TOK_POSS || DL_NORM_IS(w, "of") || DL_NORM_IS(w, "some") || DL_NORM_IS(w, "about") ||
            DL_NORM_IS(w, "around") || DL_NORM_IS(w, "least") || DL_NORM_IS(w, "at") || DL_NORM_IS(w, "nearly") ||
            DL_NORM_IS(w, "almost") || DL_NORM_IS(w, "its") || DL_NORM_IS(w, "their"))
            continue;
        for (size_t k = 0; k < doc->actors->n; k++) {
            const dl_actor_mention *m = &doc->actors->v[k];
            if (m->start > t[j].start) break;
            if (m->end >= t[j].end) return m;
        }
        break;
    }
    return NULL;
}

void dl_counts_find(dl_doc *doc, dl_count_set *out) {
    const dl_token *t = doc->toks.v;
    size_t cap = 8;
    out->n = 0;
    out->v = dl_arena_alloc(doc->arena, cap * sizeof *out->v);
    size_t hi = dl_know_story_end(doc);
    const dl_know_word *W = dl_know_words(doc, NULL);
    size_t lo = dl_know_story_start(doc);
    DL_KNOW_FOR_CANDS(&dl_know_cands(doc)->nums, lo, hi, i) {
        /* only numbers, currency signs and codes, and words a number can
         * start with begin a count */
        int k0 = t[i].kind;
        /* "a" and "an" start one only before "dozen", "hundred", "million", ...
         * (number_at()), all in the number or scale lists */
        if (k0 == DL_TOK_WORD && t[i].norm_len <= 2 && t[i].norm[0] == 'a' &&
            !(i + 1 < hi && (W[i + 1].cls & (DL_KW_NUMBER | DL_KW_SCALE))))
            continue;
        if (k0 != DL_TOK_NUM && k0 != DL_TOK_SYM &&
            !((k0 == DL_TOK_WORD || k0 == DL_TOK_ABBR) && (t[i].flags & DL_TF_UPPER) && t[i].norm_len <= 3) &&
            !(k0 == DL_TOK_WORD && may_start_number_w(&t[i], &W[i])))
            continue;
        dl_count c;
        memset(&c, 0, sizeof c);
        c.type = c.object = c.currency = c.actor = "";
        size_t first = i;
        const char *cur = NULL;
        /* currency before: "$5", "US$ 5", "€20" */
        if (t[i].kind == DL_TOK_SYM || ((t[i].kind == DL_TOK_WORD || t[i].kind == DL_TOK_ABBR) &&
                                        (t[i].flags & DL_TF_UPPER) && t[i].norm_len <= 3)) {
            cur = (W[i].cls & DL_KW_CUR_CODE) ? currency_of(CURRENCY_BEFORE, t[i].norm) : NULL;
            if (!cur && DL_NORM_IS(&t[i], "us") && i + 1 < hi && DL_NORM_IS(&t[i + 1], "$") && t[i + 1].start == t[i].end) {
                cur = "USD";
                i++;
            }
            if (cur) {
                if (i + 1 >= hi || t[i + 1].kind != DL_TOK_NUM) continue;
                i++;
            }
        }
        double value;
        int vague;
        size_t used = number_at(t, W, hi, i, &value, &vague);
        if (!used) continue;
        size_t last = i + used - 1;
        size_t j = last + 1;
        /* not a count: dates, years, percentages, measures */
        if (!cur) {
            if (i > 0 && (t[i - 1].flags & DL_TF_CAP) && dl_know_may_be_month_day(&t[i - 1], &W[i - 1]) &&
                dl_month_from_name(t[i - 1].norm, t[i - 1].norm_len)) { i = last; continue; }
            if (j < hi && (t[j].flags & DL_TF_CAP) && dl_know_may_be_month_day(&t[j], &W[j]) &&
                dl_month_from_name(t[j].norm, t[j].norm_len)) { i = last; continue; }
            if (t[i].kind == DL_TOK_NUM && t[i].norm_len == 4 && value >= 1900 && value <= 2100 && used == 1) { i = last; continue; }
            if (j < hi && (W[j].cls & DL_KW_UNIT)) { i = last; continue; }
            if (j < hi && t[j].kind == DL_TOK_WORD && (t[j].flags & DL_TF_HYPHEN) &&
                (strstr(t[j].norm, "year") || strstr(t[j].norm, "day") || strstr(t[j].norm, "month"))) { i = last; continue; }
        }
        /* currency after: "20 billion euros", "5,000 CFA francs" */
        if (!cur && j < hi) {
            size_t k = j;
            if (DL_NORM_IS(&t[k], "cfa") && k + 1 < hi) k++;
            const char *c2 = (W[k].cls & DL_KW_CURRENCY) ? currency_of(CURRENCY_AFTER, t[k].norm) : NULL;
            if (c2) {
                cur = c2;
                /* francs: CFA (XOF) only when the text says so */
                if (DL_NORM_IS(&t[k], "francs")) cur = DL_NORM_IS(&t[j], "cfa") ? "XOF" : "";
                if (DL_NORM_IS(&t[k], "cents") || DL_NORM_IS(&t[k], "cts")) value /= 100;
                j = k + 1;
            } else if (k + 1 < hi && DL_NORM_IS(&t[k + 1], "francs") &&
                       (DL_NORM_IS(&t[k], "swiss") || DL_NORM_IS(&t[k], "cfa"))) {
                cur = DL_NORM_IS(&t[k], "swiss") ? "CHF" : "XOF";   /* "520,000 Swiss francs" */
                j = k + 2;
            }
        }
        if (vague && j < hi && DL_NORM_IS(&t[j], "of")) j++;
        /* the counted noun phrase: up to three words, head = the last */
        size_t obj_s = j, obj_e = j;
        const char *bare_type = "";
        if (!cur) {
            while (obj_e < hi && obj_e - obj_s < 3 && (t[obj_e].kind == DL_TOK_WORD) && !(W[obj_e].cls & (DL_KW_STOP | DL_KW_REPORTING))) {
                obj_e++;
                /* a known head ends the phrase ("300 troops" in "300 troops
                 * members"), unless a people noun follows ("police officers") */
                if ((W[obj_e - 1].cls & (DL_KW_NOUN | DL_KW_PEOPLE)) &&
                    !(obj_e < hi && (W[obj_e].cls & (DL_KW_PEOPLE | DL_KW_NOUN)) &&
                      !DL_NORM_IS(&t[obj_e - 1], "dead") && !DL_NORM_IS(&t[obj_e - 1], "wounded")))
                    break;
            }
            if (obj_e == obj_s) {
                /* "the death toll rose to 48": a toll counts the dead */
                int toll = 0;
                for (size_t k = first, st = 0; k > 0 && st < 5 && !toll; st++) {
                    k--;
                    toll = DL_NORM_IS(&t[k], "toll");
                }
                /* "three were injured": the verb says what was counted */
                const char *vt0 = NULL;
                for (size_t k = j; !toll && !vt0 && k < hi && k < j + 3; k++) {
                    if (t[k].kind != DL_TOK_WORD) break;
                    vt0 = VERB_TYPE(k);
                }
                if (!toll && !(vt0 && j < hi && (DL_NORM_IS(&t[j], "were") || DL_NORM_IS(&t[j], "was") ||
                                                 DL_NORM_IS(&t[j], "have") || DL_NORM_IS(&t[j], "had") ||
                                                 DL_NORM_IS(&t[j], "died")))) {
                    i = last;
                    continue;   /* a number alone counts nothing we can name */
                }
                bare_type = toll ? "KILL" : vt0;
            }
        }
        c.value = value;
        c.vague = vague;
        c.currency = cur ? cur : "";
        if (cur) {
            c.type = "MONEY";
        } else if (obj_e == obj_s) {
            c.type = bare_type;
        } else {
            const dl_token *head = &t[obj_e - 1];
            c.object = dl_arena_strndup(doc->arena, doc->text + t[obj_s].start, t[obj_e - 1].end - t[obj_s].start);
            const char *nt = NOUN_TYPE(obj_e - 1);
            for (size_t k = obj_s; !nt && k < obj_e; k++)
                if (DL_NORM_IS(&t[k], "displaced")) nt = "DISPLACED";
            int people = nt || (W[obj_e - 1].cls & DL_KW_PEOPLE);
            /* "7 dead and 15 wounded": the participle is the type */
            int participle = nt && head->norm_len > 3 &&
                             (DL_NORM_IS(head, "dead") || !strcmp(head->norm + head->norm_len - 2, "ed"));
            const char *vt = NULL;
            if (people && !participle) {
                /* verb before: "killing 12 people", "arrested at least 30" */
                for (size_t k = first, st = 0; !vt && k > 0 && st < 4; st++) {
                    k--;
                    if (t[k].kind == DL_TOK_PUNCT || DL_NORM_IS(&t[k], "and")) break;
                    vt = VERB_TYPE(k);
                }
                /* verb after: "12 people were killed" (within 5 tokens, same clause) */
                for (size_t k = obj_e; !vt && k < hi && k < obj_e + 5; k++) {
                    if (t[k].kind == DL_TOK_PUNCT || DL_NORM_IS(&t[k], "and") || DL_NORM_IS(&t[k], "but") ||
                        DL_NORM_IS(&t[k], "or") || DL_NORM_IS(&t[k], "while"))
                        break;
                    vt = VERB_TYPE(k);
                }
            }
            c.type = vt ? vt : nt ? nt : "";
            /* an untyped count is kept only when it counts people ("10,000
             * workers"); "51 pct", "three tranches" are not knowledge */
            if (!*c.type && !people) { i = obj_e - 1; continue; }
        }
        c.start = t[first].start;
        c.end = cur ? t[j - 1].end : t[obj_e - 1].end;
        c.sent = (uint32_t)sent_of(doc, i);
        const dl_actor_mention *a = count_actor(doc, t[i].start, cur ? c.end : t[obj_s].start, c.end, first);
        if (a && a->code) {
            c.actor = a->code;
            if (!strcmp(c.type, "SOLDIERS") && strlen(a->code) == 3) {
                char *code = dl_arena_alloc(doc->arena, 7);
                memcpy(code, a->code, 3);
                memcpy(code + 3, "MIL", 4);
                c.actor = code;
            }
        }
        if (out->n == cap) {
            dl_count *v = dl_arena_alloc(doc->arena, cap * 2 * sizeof *v);
            memcpy(v, out->v, out->n * sizeof *v);
            out->v = v;
            cap *= 2;
        }
        out->v[out->n++] = c;
        i = cur ? j - 1 : obj_e - 1;
    }
}
