/* find.c -- the actor stage: find actor mentions in one article and code
 * them (see actor.h for the contract, docs/dictionaries-actors.md for the
 * rules in prose).
 *
 * Three passes over the story's tokens:
 *   1. longest dictionary match starting at every token (token trie over
 *      the folded `norm`, case rules checked per alias);
 *   2. left to right, noun phrases built around the matches:
 *        [the] [country | demonym | seat 's] [modifiers] HEAD [of N AGENT]
 *      where HEAD is an agent or a title; titles followed by a name make a
 *      person; a capitalised name not in the dictionary is a person when a
 *      title stands before it or in an apposition after it;
 *   3. on the fly, coreference: surnames and definite descriptions ("the
 *      British representative", "the African country") look back over the
 *      mentions already found.
 * Agents with no country in their phrase take the country of the context
 * (the nearest earlier state actor with a role, else the sentence, else the
 * dateline).  Everything allocated here comes from doc->arena.
 */
#include "actor.h"
#include "dict.h"
#include "../util/buf.h"
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct lmatch { uint32_t end; int32_t node; } lmatch;

typedef struct finder {
    const dl_actor_dict *d;
    dl_doc *doc;
    const dl_token *t;
    size_t n;
    uint32_t *sent;          /* token -> sentence index */
    uint32_t *wm;            /* token -> FW_* word classes */
    lmatch *lm;              /* longest match starting at each token */
    int *sent_year;          /* a year named in the sentence, or 0 */
    long day;                /* article date in days; valid if has_day */
    int has_day;
    char dateline_country[4];
    dl_actor_mention *m; size_t nm, capm;
    const char **surname;    /* per mention: folded last name of persons */
    const char **forename;   /* per mention: folded first name of persons */
    int32_t *persons; size_t npersons, cappersons;   /* first mentions of people */
    struct { const char *country; uint32_t n; } named[32];  /* bare mentions so far per country */
    size_t nnamed;           /* (an article names few countries: a short list beats a
                                17,576-slot table that must be cleared per article) */
    const char *most_named;  /* the country named most so far */
} finder;

#define TBIT(x) (1u << (x))
#define T_PLACE (TBIT(DL_ET_COUNTRY) | TBIT(DL_ET_DEMONYM) | TBIT(DL_ET_SEAT))
#define T_HEAD (TBIT(DL_ET_AGENT) | TBIT(DL_ET_TITLE))

/* "%s%s" into a fixed buffer, truncating as snprintf would: mention codes
 * are joined for most mentions, and snprintf cost ~800 instructions each. */
static void join2(char *dst, size_t cap, const char *a, const char *b) {
    size_t n = 0;
    for (const char *p = a; *p && n + 1 < cap; p++) dst[n++] = *p;
    for (const char *p = b; *p && n + 1 < cap; p++) dst[n++] = *p;
    dst[n] = 0;
}

/* ---- token helpers ---- */

static int is(const finder *f, size_t i, const char *w) { return i < f->n && !strcmp(f->t[i].norm, w); }

static int in_list(const char *s, const char *const *list) {
    /* called for most tokens: compare the first byte before strcmp */
    for (size_t i = 0; list[i]; i++) if (s[0] == list[i][0] && !strcmp(s, list[i])) return 1;
    return 0;
}

static const char *const definite_words[] = {"the", "this", "that", "these", "those", NULL};
static const char *const locatives[] = {"in", "at", "to", "from", "near", "into", "outside", "inside", "toward",
                                        "towards", "across", "around", "via", "through", "throughout", "within",
                                        "of", "between", "onto", "over", "around", NULL};
/* Words that are never adjectives inside an actor phrase. */
static const char *const not_adjectives[] = {
    "said", "says", "say", "and", "or", "but", "to", "of", "in", "on", "at", "for", "with", "by", "from", "as",
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "could", "should", "may",
    "might", "can", "not", "that", "which", "who", "whose", "it", "its", "their", "his", "her", "also", "then",
    "now", "than", "more", "most", "the", "a", "an", "this", "these", "those", "did", "does", "do", "after",
    "before", "while", "when", "if", "into", "against", "about", "over", "under", "told", "called", "despite",
    "our", "my", "your", "we", "they", "he", "she", "i", "you", "there", "here", "yet", "so", "however",
    "overnight", "yesterday", "today", "tonight", "again", "already", "too", "first", "last", "later", "earlier",
    "instead", "alone", "together", "once", "twice", "still", "never", "recently", "now", "then", "soon", NULL};
/* Past tenses that do not end in -ed: after "military" they make it a noun. */
static const char *const irregular_verbs[] = {
    "fell", "lost", "took", "made", "sent", "won", "began", "came", "went", "left", "met", "held", "gave", "kept",
    "saw", "shot", "hit", "struck", "led", "fought", "sought", "brought", "bought", "ran", "rose", "set", "put",
    "cut", "let", "withdrew", "drove", "threw", "flew", "broke", "spoke", "chose", "stood", "thought", "knew",
    "found", "heard", "told", "paid", "laid", "sold", "built", "spent", "meant", "became", "overthrew", "seized",
    "must", "cannot", "could", "might", "shall", "froze", "forbade", "hid", "sank", "swore", "shut", "spread",
    "upheld", "withheld", "arose", "overtook", "undertook", "forgave", "bent", "lent", "fled", "fed", "bled",
    "dealt", "felt", "rode", "wrote", "sought", NULL};
/* Before a capital, these make it a place or a target, not a government. */
static const char *const city_parts[] = {"central", "northern", "southern", "eastern", "western", "downtown",
                                         "suburban", "greater", "old", "north", "south", "east", "west", NULL};
static const char *const attack_verbs[] = {"shelled", "bombed", "hit", "struck", "attacked", "hammered", "pounded",
                                           "rocked", "targeted", "shook", "battered", "besieged", "stormed",
                                           "captured", "seized", "entered", "encircled", "bombarded", NULL};
static const char *const particles[] = {"bin", "bint", "ibn", "al", "el", "de", "da", "di", "du", "van", "von",
                                        "der", "den", "la", "le", "del", "dos", "das", "abu", "ben", NULL};

static const char *const dets[] = {"a", "an", "the", "its", "their", "his", "her", "our", "this", "that", NULL};
/* Rank words that stand between a country and a title. */
static const char *const ranks[] = {"deputy", "acting", "interim", "assistant", "vice", "former", "outgoing",
                                    "incoming", "caretaker", "senior", "first", NULL};
/* Speech verbs after a closing quotation mark: "...," said X. */
static const char *const speech[] = {"said", "says", "told", "added", "stressed", "warned", "insisted",
                                    "declared", "stated", "wrote", "argued", NULL};

/* The lists above as bits of a word set (built with the dictionary, see
 * dl_actor_words_new): every token's classes are looked up once per
 * article, in dl_actors_find, instead of scanning the lists each time a
 * rule asks (that scan was a tenth of the pipeline's instructions). */
enum {
    FW_DEFINITE = 1u << 0, FW_LOCATIVE = 1u << 1, FW_NOT_ADJ = 1u << 2, FW_IRREGULAR = 1u << 3,
    FW_CITY_PART = 1u << 4, FW_ATTACK = 1u << 5, FW_PARTICLE = 1u << 6, FW_DET = 1u << 7,
    FW_SPEECH = 1u << 8, FW_RANK = 1u << 9
};

dl_wordset *dl_actor_words_new(void) {
    static const dl_wordlist lists[] = {
        {definite_words, FW_DEFINITE}, {locatives, FW_LOCATIVE}, {not_adjectives, FW_NOT_ADJ},
        {irregular_verbs, FW_IRREGULAR}, {city_parts, FW_CITY_PART}, {attack_verbs, FW_ATTACK},
        {particles, FW_PARTICLE}, {dets, FW_DET}, {speech, FW_SPEECH}, {ranks, FW_RANK},
    };
    return dl_wordset_new(lists, sizeof lists / sizeof *lists);
}

static int same_sent(const finder *f, size_t a, size_t b) { return a < f->n && b < f->n && f->sent[a] == f->sent[b]; }
static int is_capword(const finder *f, size_t i) {
    return i < f->n && (f->t[i].kind == DL_TOK_WORD || f->t[i].kind == DL_TOK_ABBR) &&
           (f->t[i].flags & (DL_TF_CAP | DL_TF_UPPER));
}
static int is_lowerword(const finder *f, size_t i) {
    return i < f->n && f->t[i].kind == DL_TOK_WORD && !(f->t[i].flags & (DL_TF_CAP | DL_TF_UPPER));
}
static int is_definite(const finder *f, size_t i) {
    return i > 0 && same_sent(f, i - 1, i) && (f->wm[i - 1] & FW_DEFINITE);
}

/* ---- dictionary matches ---- */

static int alias_ok(const finder *f, const dl_actor_alias *a, size_t i) {
    if (a->title_only) return 0;
    for (uint32_t k = 0; k < a->ntok; k++) {
        uint16_t fl = f->t[i + k].flags;
        uint32_t bit = 1u << k;
        if ((a->cap_mask & bit) && !(fl & (DL_TF_CAP | DL_TF_UPPER))) return 0;
        if ((a->upper_mask & bit) && !(fl & DL_TF_UPPER)) return 0;
        if ((a->lower_mask & bit) && (fl & (DL_TF_CAP | DL_TF_UPPER)) && !(fl & DL_TF_UPPER && 0)) {
            /* exact lower-case alias tokens accept a capital only at the start of a sentence */
            if (!(k == 0 && (i == 0 || f->sent[i - 1] != f->sent[i]))) return 0;
        }
    }
    return 1;
}

static void longest_match(finder *f, size_t i) {
    const dl_actor_dict *d = f->d;
    uint32_t node = 0;
    f->lm[i].end = 0;
    f->lm[i].node = -1;
    for (size_t j = i; j < f->n && j - i < 32; j++) {
        if (j > i && f->sent[j] != f->sent[i]) break;
        const dl_token *k = &f->t[j];
        int32_t c = dl_trie_child_tok(d, node, k);
        if (c < 0) c = dl_trie_child_stem(d, node, k->norm, k->norm_len);
        if (c < 0) break;
        node = (uint32_t)c;
        for (int32_t a = d->node_alias[node]; a >= 0; a = d->a[a].next) {
            if (d->a[a].ntok == j - i + 1 && alias_ok(f, &d->a[a], i)) {
                f->lm[i].end = (uint32_t)(j + 1);
                f->lm[i].node = (int32_t)node;
                break;
            }
        }
    }
}

static unsigned types_at(const finder *f, size_t i) {
    if (i >= f->n || !f->lm[i].end) return 0;
    unsigned m = 0;
    for (int32_t a = f->d->node_alias[f->lm[i].node]; a >= 0; a = f->d->a[a].next)
        if (alias_ok(f, &f->d->a[a], i)) m |= TBIT(f->d->e[f->d->a[a].entry].type);
    return m;
}

/* Score of an entry's validity for the mention's date: inside the range
 * beats a year named in the sentence beats the nearest range. */
static long long date_score(const finder *f, const dl_actor_entry *e, size_t tok) {
    int bounded = e->from != LONG_MIN || e->to != LONG_MAX;
    if (f->has_day && f->day >= e->from && f->day <= e->to) return 4000000000000LL + bounded;
    int y = f->sent_year[f->sent[tok]];
    if (y) {
        long ys = dl_days_from_civil(y, 1, 1), ye = dl_days_from_civil(y, 12, 31);
        if (ys <= e->to && ye >= e->from) return 3000000000000LL + bounded;
    }
    if (f->has_day) {
        long dist = f->day < e->from ? e->from - f->day : f->day - e->to;
        return 2000000000000LL - dist;
    }
    /* No date at all: the open-ended (current) entry, else the latest. */
    return e->to == LONG_MAX ? 1000000000000LL : (long long)e->to;
}

/* Best entry of the given types matched at token i, or -1. */
static int32_t pick(const finder *f, size_t i, unsigned mask) {
    if (i >= f->n || !f->lm[i].end) return -1;
    int32_t best = -1;
    long long bs = LLONG_MIN;
    for (int32_t a = f->d->node_alias[f->lm[i].node]; a >= 0; a = f->d->a[a].next) {
        const dl_actor_entry *e = &f->d->e[f->d->a[a].entry];
        if (!(mask & TBIT(e->type)) || !alias_ok(f, &f->d->a[a], i)) continue;
        long long s = date_score(f, e, i);
        if (s > bs) { bs = s; best = (int32_t)f->d->a[a].entry; }
    }
    return best;
}

/* Prefer country over demonym over seat at one match. */
static int32_t pick_place(const finder *f, size_t i) {
    int32_t e = pick(f, i, TBIT(DL_ET_COUNTRY));
    if (e < 0) e = pick(f, i, TBIT(DL_ET_DEMONYM));
    if (e < 0) e = pick(f, i, TBIT(DL_ET_SEAT));
    return e;
}

/* ---- mentions ---- */

static const char *const non_states[] = {"IGO", "NGO", "IMG", "NGM", "INT", "MNC", "UIS", "UNO", "EUR", NULL};
static int is_state(const char *c) { return c && strlen(c) == 3 && !in_list(c, non_states); }

static void merge_roles(char *dst, size_t cap, const char *add) {
    for (const char *p = add; strlen(p) >= 3; p += 3) {
        int have = 0;
        for (const char *q = dst; strlen(q) >= 3; q += 3) if (!strncmp(p, q, 3)) have = 1;
        if (!have && strlen(dst) + 3 < cap) strncat(dst, p, 3);
    }
}

/* Every role of `want` among `have`. */
static int roles_within(const char *want, const char *have) {
    for (const char *p = want; strlen(p) >= 3; p += 3) {
        int ok = 0;
        for (const char *q = have; strlen(q) >= 3; q += 3) if (!strncmp(p, q, 3)) ok = 1;
        if (!ok) return 0;
    }
    return 1;
}

static const char *fold_word(finder *f, const char *s, size_t n) {
    dl_buf b = DL_BUF_INIT;
    dl_fold(s, n, &b);
    const char *r = dl_arena_strndup(f->doc->arena, b.p ? b.p : "", b.len);
    dl_buf_free(&b);
    return r;
}

static int add_mention(finder *f, size_t ts, size_t te, const char *country, const char *roles, dl_actor_kind kind,
                       dl_actor_how how, const char *name, const char *entry, int32_t ante) {
    if (f->nm == f->capm) {
        size_t cap = f->capm ? f->capm * 2 : 32;
        dl_actor_mention *v = dl_arena_alloc(f->doc->arena, cap * sizeof *v);
        const char **s = dl_arena_alloc(f->doc->arena, cap * sizeof *s);
        const char **fn = dl_arena_alloc(f->doc->arena, cap * sizeof *fn);
        if (f->nm) {
            memcpy(v, f->m, f->nm * sizeof *v);
            memcpy(s, f->surname, f->nm * sizeof *s);
            memcpy(fn, f->forename, f->nm * sizeof *fn);
        }
        f->m = v; f->surname = s; f->forename = fn; f->capm = cap;
    }
    dl_arena *a = f->doc->arena;
    dl_actor_mention *m = &f->m[f->nm];
    char code[64];
    join2(code, sizeof code, country ? country : "", roles ? roles : "");
    m->start = f->t[ts].start;
    m->end = f->t[te - 1].end;
    m->tok_start = (uint32_t)ts;
    m->tok_end = (uint32_t)te;
    m->sent = f->sent[ts];
    m->code = dl_arena_strdup(a, code);
    m->country = dl_arena_strdup(a, country ? country : "");
    m->roles = m->code + strlen(m->country);
    m->kind = kind;
    m->how = how;
    m->name = name ? name : dl_arena_strndup(a, f->doc->text + m->start, m->end - m->start);
    m->entry = entry ? entry : "";
    m->antecedent = ante;
    f->surname[f->nm] = f->forename[f->nm] = NULL;
    if (kind == DL_AK_PERSON && ante < 0) {
        if (f->npersons == f->cappersons) {
            size_t cap = f->cappersons ? f->cappersons * 2 : 16;
            int32_t *v = dl_arena_alloc(f->doc->arena, cap * sizeof *v);
            if (f->npersons) memcpy(v, f->persons, f->npersons * sizeof *v);
            f->persons = v;
            f->cappersons = cap;
        }
        f->persons[f->npersons++] = (int32_t)f->nm;
    }
    if (is_state(m->country)) {
        const char *c = m->country;
        if (kind == DL_AK_COUNTRY) {
            size_t k = 0;
            while (k < f->nnamed && strcmp(f->named[k].country, c)) k++;
            if (k == f->nnamed && k < sizeof f->named / sizeof *f->named) {
                f->named[k].country = m->country;
                f->named[k].n = 0;
                f->nnamed++;
            }
            if (k < f->nnamed) {
                f->named[k].n++;
                uint32_t best = 0;
                for (size_t j = 0; j < f->nnamed; j++)
                    if (f->most_named && !strcmp(f->named[j].country, f->most_named)) best = f->named[j].n;
                if (!f->most_named || f->named[k].n > best) f->most_named = f->named[k].country;
            }
        }
    }
    if (kind == DL_AK_PERSON) {
        const char *nm = m->name, *sp = strrchr(nm, ' ');
        f->surname[f->nm] = fold_word(f, sp ? sp + 1 : nm, strlen(sp ? sp + 1 : nm));
        const char *fs = strchr(nm, ' ');
        if (fs) f->forename[f->nm] = fold_word(f, nm, (size_t)(fs - nm));
    }
    f->nm++;
    return (int)f->nm - 1;
}

static int add_entry_mention(finder *f, size_t ts, size_t te, const dl_actor_entry *e, dl_actor_kind kind,
                             dl_actor_how how) {
    return add_mention(f, ts, te, e->country, e->roles, kind, how, e->name, e->id, -1);
}

static dl_actor_kind kind_of_entry(const dl_actor_entry *e) {
    switch (e->type) {
    case DL_ET_PERSON: return DL_AK_PERSON;
    case DL_ET_ORG: return DL_AK_ORG;
    case DL_ET_GROUP: return DL_AK_GROUP;
    case DL_ET_AGENT: case DL_ET_TITLE: return DL_AK_AGENT;
    default: return DL_AK_COUNTRY;
    }
}

/* ---- context ---- */

/* Country of a place entry matched somewhere in the rest of the sentence,
 * else earlier in it (a capital used as a place is no mention, but it
 * still says where: "Protesters in Dhaka demanded the prime minister's
 * resignation"). */
static const char *country_later_in_sentence(const finder *f, size_t tok) {
    for (size_t j = tok + 1; j < f->n && same_sent(f, j, tok); j++) {
        int32_t e = (types_at(f, j) & T_PLACE) ? pick_place(f, j) : -1;
        if (e >= 0) return f->d->e[e].country;
    }
    for (size_t j = tok; j-- > 0 && same_sent(f, j, tok);) {   /* earlier countries are mentions already */
        int32_t e = types_at(f, j) == TBIT(DL_ET_SEAT) ? pick(f, j, TBIT(DL_ET_SEAT)) : -1;
        if (e >= 0) return f->d->e[e].country;
    }
    return NULL;
}

/* The country an agent without one in its own phrase belongs to. */
enum { CTX_PERSON, CTX_STATE, CTX_REBEL };

/* A country named bare (not an agent's) in the sentence, before or after. */
static const char *bare_country_in_sentence(const finder *f, size_t tok) {
    uint32_t s = f->sent[tok];
    for (size_t k = f->nm, seen = 0; k-- > 0 && seen < 64; seen++) {
        if (f->m[k].sent != s) break;
        if (f->m[k].kind == DL_AK_COUNTRY && is_state(f->m[k].country)) return f->m[k].country;
    }
    return country_later_in_sentence(f, tok);
}

/* The country of a place at token j, right after "in" or after "the"
 * ("in Iraq", "in the Saudi capital"), or NULL. */
static const char *place_after_in(const finder *f, size_t j) {
    if (j + 1 < f->n && same_sent(f, j, j + 1) && !strcmp(f->t[j].norm, "the")) j++;
    if (!(types_at(f, j) & T_PLACE)) return NULL;
    int32_t e = pick_place(f, j);
    return e >= 0 && is_state(f->d->e[e].country) ? f->d->e[e].country : NULL;
}

/* A country or capital after "in" (inside, across, throughout) in the
 * sentence, nearest to tok: where armed groups are, which is their
 * country far more often than the state they fight ("Militants piled
 * pressure on Washington's allies in Iraq"). */
static const char *locative_country_in_sentence(const finder *f, size_t tok) {
    static const char *const in_words[] = {"in", "inside", "across", "throughout", "within", NULL};
    const char *best = NULL;
    size_t bestd = (size_t)-1;
    for (size_t j = tok; j-- > 0 && same_sent(f, j, tok);)
        if (tok - j < bestd && j > 0 && in_list(f->t[j - 1].norm, in_words)) {
            const char *c = place_after_in(f, j);
            if (c) { best = c; bestd = tok - j; break; }
        }
    for (size_t j = tok + 1; j < f->n && same_sent(f, j, tok) && j - tok < bestd; j++)
        if (in_list(f->t[j - 1].norm, in_words)) {
            const char *c = place_after_in(f, j);
            if (c) { best = c; break; }
        }
    return best;
}

static const char *context_country_ex(const finder *f, size_t tok, int mode) {
    uint32_t s = f->sent[tok];
    /* Rebels are not the country of the troops fighting them ("US troops
     * fought insurgents"): only a country named in their sentence, where
     * they are first. */
    if (mode == CTX_REBEL) {
        const char *c = locative_country_in_sentence(f, tok);
        if (c) return c;
        c = bare_country_in_sentence(f, tok);
        if (c) return c;
        /* else the country the story is about: the most named so far, or
         * the only state any earlier actor belongs to */
        return f->most_named ? f->most_named : "";
    }
    int look_ahead = mode == CTX_STATE;
    /* an earlier state actor with a role: this sentence, then up to 6 back */
    /* (looks at most 64 mentions back: long articles stay linear) */
    for (size_t k = f->nm, seen = 0; k-- > 0 && seen < 64; seen++) {
        const dl_actor_mention *m = &f->m[k];
        if (s - m->sent > 6) break;
        if (is_state(m->country) && m->roles[0]) return m->country;
    }
    for (size_t k = f->nm, seen = 0; k-- > 0 && seen < 64; seen++) {
        if (f->m[k].sent != s) break;
        if (is_state(f->m[k].country)) return f->m[k].country;
    }
    const char *later = look_ahead ? country_later_in_sentence(f, tok) : NULL;
    if (later) return later;
    return f->dateline_country[0] ? f->dateline_country : "";
}
static const char *context_country(const finder *f, size_t tok) { return context_country_ex(f, tok, CTX_STATE); }
/* People are not placed by a country named after them in the sentence
 * ("Ambassador X met the Tunisian president"). */
static const char *person_context(const finder *f, size_t tok) { return context_country_ex(f, tok, CTX_PERSON); }

static int region_matches(const finder *f, const char *country, int32_t region) {
    if (region < 0) return 1;
    const dl_actor_entry *c = dl_dict_country(f->d, country);
    const char *r = f->d->e[region].region;
    return c && (!strcmp(c->region, r) || !strcmp(c->subregion, r));
}

/* Most recent state mention (bare countries first) matching the region. */
static int32_t country_antecedent(const finder *f, int32_t region) {
    for (int pass = 0; pass < 2; pass++)
        for (size_t k = f->nm, seen = 0; k-- > 0 && seen < 256; seen++) {
            const dl_actor_mention *m = &f->m[k];
            if (pass == 0 && m->kind != DL_AK_COUNTRY) continue;
            if (is_state(m->country) && region_matches(f, m->country, region)) return (int32_t)k;
        }
    return -1;
}

/* Most recent person with this country (if given) and these roles. */
static int32_t person_antecedent(const finder *f, size_t tok, const char *country, const char *roles) {
    for (size_t p = f->npersons; p-- > 0;) {
        size_t k = (size_t)f->persons[p];
        const dl_actor_mention *m = &f->m[k];
        if (m->sent == f->sent[tok]) continue;   /* "X met the envoy": two people */
        /* a person whose country was unknown may be "the British representative" */
        if (country && *country && m->country[0] && strcmp(country, m->country)) continue;
        if (roles_within(roles, m->roles)) return (int32_t)k;
    }
    return -1;
}

/* Coreferent mentions point at the entity's first mention, so this is O(1). */
static int32_t root_of(const finder *f, int32_t k) {
    return k >= 0 && f->m[k].antecedent >= 0 ? f->m[k].antecedent : k;
}

/* A person first coded without a country learns it from a later definite
 * description ("James Heappey ... the British representative"): the first
 * mention and every mention referring to it get the country. */
static void fill_country(finder *f, int32_t root, const char *country) {
    for (size_t k = (size_t)root; k < f->nm; k++) {
        dl_actor_mention *m = &f->m[k];
        if ((int32_t)k != root && m->antecedent != root) continue;
        char code[64];
        join2(code, sizeof code, country, m->roles);
        m->roles = dl_arena_strdup(f->doc->arena, m->roles);
        m->code = dl_arena_strdup(f->doc->arena, code);
        m->country = dl_arena_strdup(f->doc->arena, country);
    }
}

static int add_coref(finder *f, size_t ts, size_t te, int32_t ante) {
    int32_t r = root_of(f, ante);
    const dl_actor_mention *a = &f->m[ante];
    return add_mention(f, ts, te, a->country, a->roles, f->m[r].kind, DL_AH_COREF, a->name, a->entry, r);
}

/* ---- names ---- */

/* A capitalised name starting at i: words, initials, particles between
 * words; stops at dictionary matches other than persons.  Returns its end. */
static size_t name_end(const finder *f, size_t i) {
    size_t j = i, last = i;
    while (j < f->n && j - i < 6 && same_sent(f, i, j)) {
        if (is_capword(f, j) && (dl_weekday_from_name(f->t[j].norm, f->t[j].norm_len) >= 0 ||
                                 (j > i && dl_month_from_name(f->t[j].norm, f->t[j].norm_len) > 0)))
            break;   /* "Musharraf Monday", "Armitage Tuesday" */
        if (is_capword(f, j)) {
            unsigned ty = types_at(f, j);
            /* a capital inside a name: "Tomas Ferreira Lima", "Sofia Araya" */
            int seat_in_name = ty == TBIT(DL_ET_SEAT) && f->lm[j].end == j + 1 &&
                               (j > i || (is_capword(f, j + 1) && !types_at(f, j + 1) && same_sent(f, j, j + 1)));
            if (ty && !(ty & TBIT(DL_ET_PERSON)) && !seat_in_name) break;
            if (f->t[j].kind == DL_TOK_WORD && (f->t[j].flags & DL_TF_UPPER) && f->t[j].end - f->t[j].start > 1 &&
                !(f->t[j].flags & DL_TF_CAP && 0))
                if (j > i) break;   /* an acronym after a name is not part of it */
            j++;
            last = j;
        } else if (j > i && is_lowerword(f, j) && (f->wm[j] & FW_PARTICLE) && is_capword(f, j + 1)) {
            j++;
        } else if (j > i && is_lowerword(f, j) && (!strncmp(f->t[j].norm, "al-", 3) || !strncmp(f->t[j].norm, "el-", 3)) &&
                   f->t[j].norm_len > 4) {
            j++;   /* "Khalid al-Obaidi" */
            last = j;
        } else break;
    }
    return last;
}

/* An earlier person this name refers to: same surname, and the same first
 * name when one is given. */
static int32_t person_by_name(const finder *f, size_t ns, size_t ne) {
    const char *last = f->t[ne - 1].norm;
    for (size_t p = f->npersons; p-- > 0;) {
        size_t k = (size_t)f->persons[p];
        if (!f->surname[k] || strcmp(f->surname[k], last)) continue;
        if (ne - ns > 1 && f->forename[k] && strcmp(f->forename[k], f->t[ns].norm)) continue;
        return (int32_t)k;
    }
    return -1;
}

/* A dictionary person whose surname is token i, after a title with these
 * roles: the best-dated entry, unless two different people fit as well. */
static int32_t person_by_surname(const finder *f, size_t i, const char *roles, int32_t first_tok) {
    int32_t c = dl_trie_child_tok(f->d, 0, &f->t[i]);
    if (c < 0 || !is_capword(f, i)) return -1;
    int32_t best = -1;
    long long bs = LLONG_MIN;
    int tie = 0;
    for (int32_t a = f->d->node_alias[c]; a >= 0; a = f->d->a[a].next) {
        const dl_actor_alias *al = &f->d->a[a];
        const dl_actor_entry *e = &f->d->e[al->entry];
        if (!al->title_only || e->type != DL_ET_PERSON || al->ntok != 1) continue;
        if (first_tok >= 0) {   /* "Vladimir V. Putin": the first name must agree */
            const char *sp = strchr(e->name, ' ');
            const char *fn = f->t[first_tok].norm;
            size_t fl = f->t[first_tok].norm_len;
            if (!sp || (size_t)(sp - e->name) != fl || strncasecmp(e->name, fn, fl)) continue;
        }
        if (roles[0] && strncmp(roles, "GOV", 3) == 0 && !strstr(e->roles, "GOV") && !strstr(e->code, "IGO")) continue;
        /* After a bare honorific ("Mr. Smith") a surname alone says too
         * little: take the dictionary person only when the article around
         * it is about that person's country. */
        if (!roles[0] && first_tok < 0) {
            const char *cc = person_context(f, i);
            if (!cc || !e->country[0] || strcmp(cc, e->country)) continue;
        }
        long long s = date_score(f, e, i);
        if (s > bs) { bs = s; best = (int32_t)al->entry; tie = 0; }
        /* two people fit as well: a tie only if they would be coded apart
         * ("President Bush" in an undated story is USAGOV either way) */
        else if (s == bs && best >= 0 && strcmp(f->d->e[best].name, e->name) && strcmp(f->d->e[best].code, e->code))
            tie = 1;
    }
    return tie ? -1 : best;
}

/* ---- noun phrases ---- */

typedef struct np {
    size_t start, end;
    int definite;
    const char *cc;          /* country from the phrase, or NULL */
    int c_type;              /* DL_ET_* of the place part, or 0 */
    int32_t c_entry;
    size_t c_s, c_e;         /* the place part */
    int poss;                /* place part followed by 's */
    int32_t head;            /* agent/title entry or -1 */
    size_t head_s, head_e;
    char roles[32];
    char dom[32];            /* portfolio roles before a title */
    int32_t region;
    int of_country;          /* cc came from "of COUNTRY" after the head */
} np;

static void parse_np(finder *f, size_t i, const char *preset, np *p) {
    memset(p, 0, sizeof *p);
    p->start = i;
    p->head = -1;
    p->region = -1;
    p->c_entry = -1;
    p->definite = is_definite(f, i);
    size_t j = i;
    if (preset) p->cc = preset;
    else if (types_at(f, i) & T_PLACE) {
        int32_t e = pick_place(f, i);
        p->c_entry = e;
        p->c_type = f->d->e[e].type;
        p->cc = f->d->e[e].country;
        p->c_s = i;
        p->c_e = j = f->lm[i].end;
        if (j < f->n && f->t[j].kind == DL_TOK_POSS) { p->poss = 1; j++; }
    }
    /* A country name must touch its agent ("Mali government"); demonyms,
     * possessives and bare phrases allow two adjectives in between. */
    int adj_max = (p->c_type == DL_ET_COUNTRY && !p->poss) || p->c_type == DL_ET_SEAT ? 0 : 2;
    if (p->c_type == DL_ET_SEAT && !p->poss) adj_max = -1;   /* "London troops" is not a phrase */
    int adj = 0;
    char mods[32] = "";
    size_t after_place = j;
    while (adj_max >= 0 && j < f->n && same_sent(f, i, j)) {
        unsigned ty = types_at(f, j);
        if (ty & TBIT(DL_ET_REGION) && !(ty & T_HEAD)) {
            p->region = pick(f, j, TBIT(DL_ET_REGION));
            j = f->lm[j].end;
            continue;
        }
        if ((ty & TBIT(DL_ET_DOMAIN)) && !(ty & T_HEAD) && (types_at(f, f->lm[j].end) & TBIT(DL_ET_TITLE))) {
            merge_roles(p->dom, sizeof p->dom, f->d->e[pick(f, j, TBIT(DL_ET_DOMAIN))].roles);   /* "Defence Minister" */
            j = f->lm[j].end;
            continue;
        }
        if (ty & T_HEAD) {
            int32_t e = pick(f, j, TBIT(DL_ET_TITLE));
            if (e < 0) e = pick(f, j, TBIT(DL_ET_AGENT));
            if (p->head >= 0) merge_roles(mods, sizeof mods, f->d->e[p->head].roles);
            p->head = e;
            p->head_s = j;
            p->head_e = j = f->lm[j].end;
            continue;
        }
        if (p->head < 0 && adj < adj_max && is_lowerword(f, j) && !(f->wm[j] & FW_NOT_ADJ)) {
            adj++;
            j++;
            continue;
        }
        /* "US Deputy Secretary of State", "French acting Prime Minister":
         * a rank word before a title, even right after a country name */
        if (p->head < 0 && (f->wm[j] & FW_RANK) && j + 1 < f->n && same_sent(f, j, j + 1)
            && (types_at(f, j + 1) & TBIT(DL_ET_TITLE))) {
            j++;
            continue;
        }
        break;
    }
    if (p->head < 0) { p->end = after_place; return; }
    const dl_actor_entry *h = &f->d->e[p->head];
    if (h->flags & DL_EF_MODIFIER) {    /* "peacekeeping" alone is no actor */
        if (mods[0]) join2(p->roles, sizeof p->roles, mods, "");
        p->head = -1;
        p->end = after_place;
        return;
    }
    p->end = p->head_e;
    /* "military intervention", "government plan": an adjective, not an actor.
     * A following verb in -ed/-s or a function word keeps it a noun. */
    if ((h->flags & DL_EF_ADJECTIVE) && is_lowerword(f, p->end) && !types_at(f, p->end) &&
        !(f->wm[p->end] & FW_NOT_ADJ)) {
        const char *w = f->t[p->end].norm;
        size_t wl = f->t[p->end].norm_len;
        int verbish = (wl > 3 && !strcmp(w + wl - 2, "ed")) || (wl > 3 && w[wl - 1] == 's' && w[wl - 2] != 's') ||
                      (f->wm[p->end] & FW_IRREGULAR);
        if (!verbish) {
            p->head = -1;
            p->end = after_place;
            return;
        }
    }
    /* Modifiers decide for weak and personal heads: "opposition leaders"
     * are OPP, "army spokesman" MIL; otherwise the head does. */
    int yields = (h->flags & (DL_EF_WEAK | DL_EF_PERSONAL)) || h->type == DL_ET_TITLE || !h->roles[0];
    if (yields && mods[0]) join2(p->roles, sizeof p->roles, mods, "");
    else join2(p->roles, sizeof p->roles, h->roles, "");
    size_t k = p->end;
    /* "contingent of 300 troops": the complement's agent gives the roles */
    if (h->type == DL_ET_AGENT && (h->flags & DL_EF_WEAK) && is(f, k, "of")) {
        size_t q = k + 1;
        while (q < f->n && same_sent(f, k, q) && (f->t[q].kind == DL_TOK_NUM || is(f, q, "some") || is(f, q, "about") ||
                                                   is(f, q, "around") || is(f, q, "the")))
            q++;
        if (q < f->n && is_lowerword(f, q) && !(types_at(f, q) & T_HEAD) && !(f->wm[q] & FW_NOT_ADJ)) q++;
        if (types_at(f, q) & TBIT(DL_ET_AGENT)) {
            int32_t e = pick(f, q, TBIT(DL_ET_AGENT));
            if (f->d->e[e].roles[0]) join2(p->roles, sizeof p->roles, f->d->e[e].roles, "");
            p->end = f->lm[q].end;
        }
    }
    /* "secretary of state for the armed forces", "minister of defence",
     * "president of France" */
    if (h->type == DL_ET_TITLE) {
        if (!(h->flags & DL_EF_HONORIFIC)) merge_roles(p->roles, sizeof p->roles, h->roles);
        merge_roles(p->roles, sizeof p->roles, p->dom);
        for (int rounds = 0; rounds < 2; rounds++) {
            k = p->end;
            if (!(is(f, k, "of") || is(f, k, "for"))) break;
            size_t q = k + 1;
            if (is(f, q, "the")) q++;
            unsigned ty = types_at(f, q);
            if (ty & TBIT(DL_ET_DOMAIN)) {
                merge_roles(p->roles, sizeof p->roles, f->d->e[pick(f, q, TBIT(DL_ET_DOMAIN))].roles);
                p->end = f->lm[q].end;
            } else if ((ty & TBIT(DL_ET_COUNTRY)) && !p->cc) {
                p->cc = f->d->e[pick(f, q, TBIT(DL_ET_COUNTRY))].country;
                p->of_country = 1;
                p->end = f->lm[q].end;
            } else break;
        }
    }
}

/* ---- the steps ---- */

/* A name after a title: "Secretary of State ..., James Heappey", "Prime
 * Minister Boris Johnson", "Mr Heappey".  Returns the end or 0. */
static size_t title_person(finder *f, const np *p, const char *country) {
    size_t j = p->end;
    int comma = is(f, j, ",");
    if (comma) j++;
    char roles[32];
    join2(roles, sizeof roles, p->roles, "");
    /* more titles before the name: "army chief General X" */
    for (int k = 0; k < 2 && (types_at(f, j) & TBIT(DL_ET_TITLE)) && same_sent(f, p->start, j); k++) {
        np q;
        parse_np(f, j, country, &q);
        if (q.head < 0 || f->d->e[q.head].type != DL_ET_TITLE) break;
        merge_roles(roles, sizeof roles, q.roles);
        j = q.end;
    }
    if (!is_capword(f, j) || !same_sent(f, p->start, j)) return 0;
    size_t ne = name_end(f, j);
    if (ne == j) return 0;
    if (comma && (ne - j < 2 || !(ne >= f->n || is(f, ne, ",") || f->t[ne].kind == DL_TOK_PUNCT))) return 0;
    int32_t pe = (types_at(f, j) & TBIT(DL_ET_PERSON)) && f->lm[j].end == ne ? pick(f, j, TBIT(DL_ET_PERSON)) : -1;
    if (pe >= 0) {
        add_entry_mention(f, j, ne, &f->d->e[pe], DL_AK_PERSON, DL_AH_DICTIONARY);
        return ne;
    }
    int32_t ante = person_by_name(f, j, ne);
    if (ante >= 0) { add_coref(f, j, ne, ante); return ne; }
    int32_t se = person_by_surname(f, ne - 1, roles, ne - j > 1 ? (int32_t)j : -1);
    if (se >= 0) {   /* "President Bush" */
        add_entry_mention(f, j, ne, &f->d->e[se], DL_AK_PERSON, DL_AH_DICTIONARY);
        return ne;
    }
    const dl_actor_entry *h = &f->d->e[p->head];
    if ((h->flags & DL_EF_HONORIFIC) && ne - j < 2) return 0;   /* "Mr Smith": too little to code */
    size_t end = ne;
    const char *cc = country;
    if (!cc && is(f, ne, ",")) {   /* "Admiral X, the Australian navy chief," */
        size_t q = ne + 1;
        if (is(f, q, "the") || is(f, q, "a")) q++;
        np ap;
        parse_np(f, q, NULL, &ap);
        if (ap.cc && ap.head >= 0) { cc = ap.cc; end = ap.end; }
    }
    if (!cc) cc = person_context(f, p->start);
    if (!*cc && !roles[0]) return 0;   /* nothing to code */
    const char *name = dl_arena_strndup(f->doc->arena, f->doc->text + f->t[j].start, f->t[ne - 1].end - f->t[j].start);
    add_mention(f, j, ne, cc, roles, DL_AK_PERSON, DL_AH_TITLE, name, h->id, -1);
    return end;
}

static size_t emit_np(finder *f, np *p);

/* A determiner before token i, over at most two adjectives: "a new leader". */
static int after_determiner(const finder *f, size_t i) {
    for (size_t k = 0; k < 3 && i > 0 && same_sent(f, i - 1, i); k++, i--) {
        if ((f->wm[i - 1] & FW_DET)) return 1;
        if (!is_lowerword(f, i - 1) || (f->wm[i - 1] & FW_NOT_ADJ)) return 0;
    }
    return 0;
}

/* "the host country's government": a coded country then 's and an agent. */
static size_t possessor_chain(finder *f, size_t end, const char *country) {
    int poss = end < f->n && f->t[end].kind == DL_TOK_POSS;
    if (poss && ((types_at(f, end + 1) & T_HEAD) || (is_lowerword(f, end + 1) && (types_at(f, end + 2) & T_HEAD)))) {
        np q;
        parse_np(f, end + 1, country, &q);
        if (q.head >= 0) {
            q.start = end + 1;
            q.definite = 0;
            return emit_np(f, &q);
        }
    }
    return end;
}

static size_t emit_np(finder *f, np *p) {
    dl_arena *a = f->doc->arena;
    if (p->head < 0) {
        if (p->c_entry < 0) return p->start + 1;
        const dl_actor_entry *c = &f->d->e[p->c_entry];
        if (p->c_type == DL_ET_SEAT) {
            size_t q = p->start;
            /* "the London talks": a city after "the" is an adjective */
            if (!(c->flags & DL_EF_BUILDING) && !p->poss && q > 0 && is(f, q - 1, "the") && same_sent(f, q - 1, q))
                return p->c_e;
            if (q > 0 && is(f, q - 1, "the")) q--;
            if (!p->poss && q > 0 && same_sent(f, q - 1, q) && (f->wm[q - 1] & FW_LOCATIVE)) return p->c_e;
            /* "the Argentine capital, Buenos Aires": an apposition to a place */
            if (q > 1 && is(f, q - 1, ",") && (is(f, q - 2, "capital") || is(f, q - 2, "city"))) return p->c_e;
            /* "central Baghdad", "shelled Kyiv": the city as a target stands
             * for its country, not its government */
            if (!p->poss && q > 0 && same_sent(f, q - 1, q) &&
                ((f->wm[q - 1] & FW_CITY_PART) || (f->wm[q - 1] & FW_ATTACK))) {
                const dl_actor_entry *ce = dl_dict_country(f->d, c->country);
                add_mention(f, p->c_s, p->c_e, c->country, "", DL_AK_COUNTRY, DL_AH_METONYMY, ce ? ce->name : c->name,
                            c->id, -1);
                return p->c_e;
            }
            /* "the London talks", "its Washington embassy": a place used as
             * an adjective (a verb in -ed/-s or a function word after it
             * keeps the government reading: "London follows") */
            if (!p->poss && is_lowerword(f, p->c_e) && !types_at(f, p->c_e) && !(f->wm[p->c_e] & FW_NOT_ADJ)) {
                const char *w = f->t[p->c_e].norm;
                size_t wl = f->t[p->c_e].norm_len;
                int verbish = (wl > 3 && !strcmp(w + wl - 2, "ed")) || (wl > 2 && w[wl - 1] == 's' && w[wl - 2] != 's') ||
                              (f->wm[p->c_e] & FW_IRREGULAR);
                if (!verbish) return p->c_e;
            }
            add_entry_mention(f, p->c_s, p->c_e, c, DL_AK_COUNTRY, DL_AH_METONYMY);
            return p->c_e;
        }
        /* "U.S. and South Korean officials": the first demonym shares the
         * second's agent */
        if ((p->c_type == DL_ET_DEMONYM || p->c_type == DL_ET_COUNTRY) && !p->poss &&
            (is(f, p->c_e, "and") || is(f, p->c_e, ",")) &&
            (types_at(f, p->c_e + 1) & (TBIT(DL_ET_DEMONYM) | TBIT(DL_ET_COUNTRY)))) {
            np q;
            parse_np(f, p->c_e + 1, NULL, &q);
            if (q.head >= 0 && (q.c_type == DL_ET_DEMONYM || q.c_type == DL_ET_COUNTRY) && !q.poss &&
                !(f->d->e[q.head].flags & DL_EF_LAND) && q.roles[0]) {
                char name[160];
                snprintf(name, sizeof name, "%.*s", (int)(f->t[p->c_e - 1].end - f->t[p->c_s].start), f->doc->text + f->t[p->c_s].start);
                add_mention(f, p->c_s, p->c_e, c->country, q.roles, DL_AK_AGENT, DL_AH_COMPOSED,
                            dl_arena_strdup(f->doc->arena, name), c->id, -1);
                return p->c_e;
            }
        }
        /* a bare demonym or country name codes the country */
        const dl_actor_entry *ce = dl_dict_country(f->d, c->country);
        add_mention(f, p->c_s, p->c_e, c->country, "", DL_AK_COUNTRY, DL_AH_DICTIONARY, ce ? ce->name : c->name,
                    c->id, -1);
        return p->c_e;
    }
    const dl_actor_entry *h = &f->d->e[p->head];
    size_t span_s = p->c_entry >= 0 ? p->c_s : p->start;
    /* "the African country", "the host nation" */
    if (h->flags & DL_EF_LAND) {
        if (p->cc && p->c_entry >= 0) {
            add_mention(f, span_s, p->end, p->cc, "", DL_AK_COUNTRY, DL_AH_COMPOSED, NULL, f->d->e[p->c_entry].id, -1);
            return possessor_chain(f, p->end, p->cc);
        }
        int needs_region = (h->flags & DL_EF_WEAK) != 0;   /* "state" */
        if ((p->definite && !needs_region) || p->region >= 0) {
            int32_t ante = country_antecedent(f, p->region);
            if (ante >= 0) {
                size_t s = p->definite ? p->start - 1 : p->start;
                int k = add_coref(f, s, p->end, ante);
                f->m[k].roles = "";   /* the state itself, not its government */
                f->m[k].code = f->m[k].country;
                f->m[k].kind = DL_AK_COUNTRY;
                return possessor_chain(f, p->end, f->m[ante].country);
            }
        }
        return p->end;
    }
    int personal = h->type == DL_ET_TITLE || (h->flags & DL_EF_PERSONAL);
    if (h->type == DL_ET_TITLE) {
        size_t r = title_person(f, p, p->cc);
        if (r) return r;
    }
    if (h->type == DL_ET_TITLE && !p->cc && !p->definite && !after_determiner(f, p->start))
        return p->end;   /* "General" alone, "minister" in a list: not enough */
    /* "the British representative", "the secretary of the Armed Forces" */
    if (personal && p->definite) {
        int32_t ante = person_antecedent(f, p->start, p->cc, p->roles);
        if (ante >= 0) {
            if (p->cc && !f->m[ante].country[0]) fill_country(f, ante, p->cc);
            add_coref(f, p->start - 1, p->end, ante);
            return p->end;
        }
    }
    const char *cc;
    dl_actor_how how;
    if (h->flags & DL_EF_PREFIX) {   /* TABARI "[NGM~]" */
        add_mention(f, span_s, p->end, h->code, "", DL_AK_AGENT, DL_AH_DICTIONARY, NULL, h->id, -1);
        return p->end;
    }
    if (!p->roles[0] && !p->cc) return p->end;   /* "the organization": no role, no country */
    if (p->cc) {
        cc = p->cc;
        how = p->c_type == DL_ET_SEAT ? DL_AH_METONYMY : DL_AH_COMPOSED;
    } else if (h->country[0]) {   /* a national institution: "Royal Navy", "Mossad" */
        cc = h->country;
        how = DL_AH_DICTIONARY;
    } else {
        /* State agents belong to the country around them; civilians,
         * refugees, media, business do not follow a nearby state
         * ("soldiers killed civilians", "refugees fled to Chad"). */
        static const char *const own_country_roles[] = {"CVL", "REF", "MED", "BUS", "LAB", "HRI", "CRM", "ELI", NULL};
        static const char *const rebel_roles[] = {"REB", "INS", "SEP", "UAF", NULL};
        char first[4] = "";
        snprintf(first, sizeof first, "%.3s", p->roles);
        cc = in_list(first, own_country_roles) ? ""
             : in_list(first, rebel_roles)     ? context_country_ex(f, p->start, CTX_REBEL)
                                               : context_country(f, p->start);
        how = DL_AH_DICTIONARY;
    }
    const char *name = dl_arena_strndup(a, f->doc->text + f->t[span_s].start, f->t[p->end - 1].end - f->t[span_s].start);
    add_mention(f, span_s, p->end, cc, p->roles, personal ? DL_AK_AGENT : DL_AK_AGENT, how, name, h->id, -1);
    return p->end;
}

/* A capitalised word no dictionary entry starts: a known person's name
 * again ("Heappey"), or a new person in apposition ("James Heappey, the
 * armed forces minister,"). */
static size_t step_name(finder *f, size_t i) {
    if ((f->wm[i] & FW_NOT_ADJ)) return i + 1;   /* "For Heappey, ..." */
    size_t ne = name_end(f, i);
    if (ne == i) return i + 1;
    int32_t ante = person_by_name(f, i, ne);
    if (ante >= 0) { add_coref(f, i, ne, ante); return ne; }
    if (ne - i >= 3) {   /* "Colin L. Powell": first name and surname of an entry */
        int32_t se = person_by_surname(f, ne - 1, "", (int32_t)i);
        if (se >= 0) {
            add_entry_mention(f, i, ne, &f->d->e[se], DL_AK_PERSON, DL_AH_DICTIONARY);
            return ne;
        }
    }
    if (ne - i >= 2 && is(f, ne, ",")) {
        size_t q = ne + 1;
        if (is(f, q, "the") || is(f, q, "a") || is(f, q, "an")) q++;
        np p;
        parse_np(f, q, NULL, &p);
        if (p.head >= 0 && f->d->e[p.head].type == DL_ET_TITLE && !(f->d->e[p.head].flags & DL_EF_HONORIFIC)) {
            const char *cc = p.cc ? p.cc : person_context(f, i);
            const char *name = dl_arena_strndup(f->doc->arena, f->doc->text + f->t[i].start, f->t[ne - 1].end - f->t[i].start);
            add_mention(f, i, ne, cc, p.roles, DL_AK_PERSON, DL_AH_TITLE, name, f->d->e[p.head].id, -1);
            return p.end;
        }
    }
    return ne;
}

static size_t step(finder *f, size_t i) {
    if (!f->lm[i].end) {
        if (is_capword(f, i)) return step_name(f, i);
        /* "the host country": an adjective after a determiner */
        if (is_definite(f, i) && is_lowerword(f, i) && !(f->wm[i] & FW_NOT_ADJ)) {
            np p;
            parse_np(f, i, NULL, &p);
            if (p.head >= 0 && (f->d->e[p.head].flags & DL_EF_LAND)) return emit_np(f, &p);
        }
        return i + 1;
    }
    unsigned ty = types_at(f, i);
    if (ty == TBIT(DL_ET_BLOCK)) return f->lm[i].end;   /* "New England", "London Stock Exchange" */
    if (ty & TBIT(DL_ET_PERSON)) {
        int32_t e = pick(f, i, TBIT(DL_ET_PERSON));
        add_entry_mention(f, i, f->lm[i].end, &f->d->e[e], DL_AK_PERSON, DL_AH_DICTIONARY);
        return f->lm[i].end;
    }
    if (ty & (TBIT(DL_ET_ORG) | TBIT(DL_ET_GROUP))) {
        int32_t e = pick(f, i, TBIT(DL_ET_ORG) | TBIT(DL_ET_GROUP));
        const dl_actor_entry *en = &f->d->e[e];
        size_t end = f->lm[i].end;
        /* "Islamic State fighters", "MINUSMA peacekeepers": the group's code */
        unsigned next = types_at(f, end);
        if ((next & TBIT(DL_ET_TITLE)) && !(f->d->e[pick(f, end, TBIT(DL_ET_TITLE))].flags & DL_EF_HONORIFIC)) {
            /* "the UN envoy for Yemen, Hans Lindqvist": the person is the organisation's */
            size_t te = f->lm[end].end, j = te;
            if ((is(f, j, "for") || is(f, j, "to") || is(f, j, "in")) && types_at(f, j + 1) & T_PLACE) j = f->lm[j + 1].end;
            int comma = is(f, j, ",");
            size_t ns = j + comma, ne = is_capword(f, ns) && same_sent(f, i, ns) ? name_end(f, ns) : ns;
            if (ne > ns && (!comma || ne - ns >= 2)) {
                int32_t pe = (types_at(f, ns) & TBIT(DL_ET_PERSON)) && f->lm[ns].end == ne ? pick(f, ns, TBIT(DL_ET_PERSON)) : -1;
                if (pe >= 0) add_entry_mention(f, ns, ne, &f->d->e[pe], DL_AK_PERSON, DL_AH_DICTIONARY);
                else {
                    const char *name = dl_arena_strndup(f->doc->arena, f->doc->text + f->t[ns].start, f->t[ne - 1].end - f->t[ns].start);
                    add_mention(f, ns, ne, en->country, en->roles, DL_AK_PERSON, DL_AH_TITLE, name, en->id, -1);
                }
                return ne;
            }
            add_entry_mention(f, i, te, en, kind_of_entry(en), DL_AH_DICTIONARY);
            return te;
        }
        if ((next & TBIT(DL_ET_AGENT)) && !(f->d->e[pick(f, end, TBIT(DL_ET_AGENT))].flags & (DL_EF_LAND | DL_EF_MODIFIER)))
            end = f->lm[end].end;
        add_entry_mention(f, i, end, en, kind_of_entry(en), DL_AH_DICTIONARY);
        return end;
    }
    if (ty & (T_PLACE | T_HEAD | TBIT(DL_ET_REGION))) {
        np p;
        parse_np(f, i, NULL, &p);
        size_t end = emit_np(f, &p);
        /* "Mali's ..." with no agent after it: continue after the name */
        return end > i ? end : i + 1;
    }
    return f->lm[i].end;
}

/* ---- the stage ---- */

static void set_dateline_country(finder *f) {
    const dl_dateline *dl = &f->doc->dateline;
    if (!dl->found) return;
    const char *cand[2] = {dl->region, dl->place};
    for (int c = 0; c < 2; c++) {
        if (!cand[c][0]) continue;
        dl_tokens t = {0};
        dl_tokenize(f->doc->arena, cand[c], 0, strlen(cand[c]), &t);
        uint32_t node = 0;
        size_t j;
        for (j = 0; j < t.n; j++) {
            int32_t ch = dl_trie_child_tok(f->d, node, &t.v[j]);
            if (ch < 0) break;
            node = (uint32_t)ch;
        }
        if (j < t.n || t.n == 0) continue;
        for (int32_t a = f->d->node_alias[node]; a >= 0; a = f->d->a[a].next) {
            const dl_actor_entry *e = &f->d->e[f->d->a[a].entry];
            if ((e->type == DL_ET_COUNTRY || e->type == DL_ET_SEAT) && f->d->a[a].ntok == t.n) {
                join2(f->dateline_country, sizeof f->dateline_country, e->country, "");
                return;
            }
        }
    }
}

/* Inside a quotation, "this government" and "our military" are the
 * speaker's: “..., ” Heappey said.  A generic agent inside quotes that took
 * its country from the context takes the speaker's instead, when the
 * quote is attributed right after it closes. */
static void quoted_agents_take_the_speakers_country(finder *f) {
    size_t open = (size_t)-1, k = 0;
    for (size_t i = 0; i < f->n; i++) {
        if (f->t[i].kind != DL_TOK_QUOTE) continue;
        if (f->t[i].flags & DL_TF_QOPEN) { open = i; continue; }
        if (!(f->t[i].flags & DL_TF_QCLOSE) || open == (size_t)-1) continue;
        size_t j = i + 1;
        while (j < f->n && (is(f, j, ",") || f->t[j].kind == DL_TOK_QUOTE)) j++;
        if (j < f->n && (f->wm[j] & FW_SPEECH)) j++;
        if (is(f, j, "the")) j++;
        const dl_actor_mention *sp = NULL;   /* the first actor within a few words: "said British minister X" */
        for (size_t q = k; q < f->nm && !sp; q++)
            if (f->m[q].tok_end > j && f->m[q].tok_start <= j + 6 && same_sent(f, j, f->m[q].tok_start)) sp = &f->m[q];
        if (sp && is_state(sp->country)) {
            for (; k < f->nm && f->m[k].tok_start < i; k++) {
                dl_actor_mention *m = &f->m[k];
                if (m->tok_start <= open || m->kind != DL_AK_AGENT || m->how != DL_AH_DICTIONARY) continue;
                char code[64];
                join2(code, sizeof code, sp->country, m->roles);
                m->roles = dl_arena_strdup(f->doc->arena, m->roles);
                m->code = dl_arena_strdup(f->doc->arena, code);
                m->country = sp->country;
            }
        }
        while (k < f->nm && f->m[k].tok_start < i) k++;
        open = (size_t)-1;
    }
}

void dl_actors_find(const dl_ctx *ctx, dl_doc *doc) {
    dl_actor_set *set = dl_arena_calloc(doc->arena, sizeof *set);
    doc->actors = set;
    if (!ctx || !ctx->actors || doc->toks.n == 0) return;
    finder f = {0};
    f.d = ctx->actors;
    f.doc = doc;
    f.t = doc->toks.v;
    f.n = doc->toks.n;
    f.sent = dl_arena_calloc(doc->arena, f.n * sizeof *f.sent);
    f.wm = dl_arena_alloc(doc->arena, f.n * sizeof *f.wm);
    for (size_t i = 0; i < f.n; i++) f.wm[i] = dl_wordset_tok(f.d->words, &f.t[i]);
    f.lm = dl_arena_calloc(doc->arena, f.n * sizeof *f.lm);
    size_t ns = doc->sents.n ? doc->sents.n : 1;
    f.sent_year = dl_arena_calloc(doc->arena, ns * sizeof *f.sent_year);
    for (size_t s = 0; s < doc->sents.n; s++)
        for (size_t i = doc->sents.v[s].tok_start; i < doc->sents.v[s].tok_end && i < f.n; i++) {
            f.sent[i] = (uint32_t)s;
            const dl_token *k = &f.t[i];
            if (!f.sent_year[s] && k->kind == DL_TOK_NUM && k->norm_len == 4) {
                int y = atoi(k->norm);
                if (y >= 1950 && y <= 2100) f.sent_year[s] = y;
            }
        }
    if (doc->date.y) {
        f.has_day = 1;
        f.day = dl_days_from_civil(doc->date.y, doc->date.m ? doc->date.m : 7, doc->date.d ? doc->date.d : 1);
    }
    set_dateline_country(&f);
    for (size_t i = 0; i < f.n; i++) longest_match(&f, i);
    for (size_t i = 0; i < f.n;) {
        size_t next = step(&f, i);
        i = next > i ? next : i + 1;
    }
    quoted_agents_take_the_speakers_country(&f);
    set->v = f.m;
    set->n = f.nm;
}

static const char *how_name(dl_actor_how h) {
    switch (h) {
    case DL_AH_DICTIONARY: return "dictionary";
    case DL_AH_TITLE: return "title";
    case DL_AH_COREF: return "coreference";
    case DL_AH_METONYMY: return "metonymy";
    case DL_AH_COMPOSED: return "composed";
    }
    return "";
}

static const char *kind_name(dl_actor_kind k) {
    switch (k) {
    case DL_AK_COUNTRY: return "country";
    case DL_AK_PERSON: return "person";
    case DL_AK_ORG: return "organisation";
    case DL_AK_GROUP: return "armed group";
    case DL_AK_AGENT: return "agent";
    }
    return "";
}

const char *dl_actor_how_name(dl_actor_how h) { return how_name(h); }
const char *dl_actor_kind_name(dl_actor_kind k) { return kind_name(k); }

void dl_actors_json(const dl_doc *doc, json_t *article) {
    const dl_actor_set *s = doc->actors;
    if (!s) return;
    json_t *arr = json_array();
    for (size_t i = 0; i < s->n; i++) {
        const dl_actor_mention *m = &s->v[i];
        json_t *o = dl_span_object(doc, m->start, m->end);
        json_object_set_new_nocheck(o, "code", json_string(m->code));
        json_object_set_new_nocheck(o, "country", json_string(m->country));
        json_t *roles = json_array();
        for (const char *r = m->roles; strlen(r) >= 3; r += 3) json_array_append_new(roles, json_stringn(r, 3));
        json_object_set_new_nocheck(o, "roles", roles);
        json_object_set_new_nocheck(o, "kind", json_string(kind_name(m->kind)));
        json_object_set_new_nocheck(o, "name", json_string(m->name));
        json_object_set_new_nocheck(o, "entry", json_string(m->entry));
        json_object_set_new_nocheck(o, "how", json_string(how_name(m->how)));
        if (m->antecedent >= 0) json_object_set_new_nocheck(o, "antecedent", json_integer(m->antecedent));
        json_object_set_new_nocheck(o, "sentence", json_integer(m->sent));
        json_array_append_new(arr, o);
    }
    json_object_set_new_nocheck(article, "actors", arr);
}
