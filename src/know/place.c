/* place.c -- find place mentions and pick the gazetteer entry each means. */
#include "place.h"
#include "know.h"
#include "../actor/actor.h"
#include <math.h>
#include <string.h>

#define MAX_COUNTRIES 64

/* Words before a place that say "this is a location". */
static const char *const LOC_CUE[] = {
    "in", "at", "near", "from", "outside", "around", "toward", "towards", "into",
    "across", "through", "throughout", "to", "of", "between", "inside", "via",
    "within", "nearby", "beyond", NULL
};

/* Words between a cue and its place: "in eastern Mali", "near the town of". */
static const char *const DIRECTION[] = {
    "the", "north", "south", "east", "west", "northern", "southern", "eastern",
    "western", "central", "northeastern", "northwestern", "southeastern",
    "southwestern", "north-eastern", "north-western", "south-eastern",
    "south-western", "upper", "lower", "greater", "downtown", "rural", "central",
    "neighbouring", "neighboring", "occupied", "war-torn", NULL
};


/* Buildings that stand for governments: "White House" (a town in
 * Tennessee for GeoNames). */
static const char *const NOT_PLACES[] = { "white", NULL };

/* A capitalised word after a place that makes it part of another name. */
static const char *const NAME_HEAD[] = {
    "agreement", "agreements", "accord", "accords", "convention", "conventions",
    "protocol", "declaration", "club", "university", "times", "post", "herald",
    "tribune", "journal", "fc", "united", "stock", "exchange", "airport",
    "street", "process", "format", "summit", "talks", "group", "daily", NULL
};

/* A capitalised word before "of PLACE" that makes it part of another name. */
static const char *const OF_HEAD[] = {
    "university", "bank", "duke", "duchess", "prince", "princess", "king",
    "queen", "earl", "archbishop", "bishop", "church", "college", "school",
    "institute", "museum", "ministry", "minister", "department", "office",
    "commission", "committee", "agency", "council", "court", "academy", NULL
};

/* Lower-case words that end some names: "Idlib province", "Gaza Strip". */
static const char *const REGION_WORDS[] = {
    "province", "region", "state", "strip", "peninsula", "heights", "camp", "basin",
    "district", "governorate", NULL
};

static int is_name_tok(const dl_token *t) {
    return (t->kind == DL_TOK_WORD || t->kind == DL_TOK_ABBR) && (t->flags & DL_TF_CAP);
}

/* Joiners allowed inside a multi-word place name. */
static const char *const JOINERS[] = { "of", "and", "the", "de", "el", "al", "du", "la", NULL };

/* For dl_know_words(): one lookup per token answers these lists. */
const dl_know_list dl_place_word_lists[] = {
    { LOC_CUE, NULL, DL_KNOW_NLIST(LOC_CUE), DL_KW_LOC_CUE },
    { DIRECTION, NULL, DL_KNOW_NLIST(DIRECTION), DL_KW_DIRECTION },
    { NAME_HEAD, NULL, DL_KNOW_NLIST(NAME_HEAD), DL_KW_NAME_HEAD },
    { OF_HEAD, NULL, DL_KNOW_NLIST(OF_HEAD), DL_KW_OF_HEAD },
    { REGION_WORDS, NULL, DL_KNOW_NLIST(REGION_WORDS), DL_KW_REGION },
    { JOINERS, NULL, DL_KNOW_NLIST(JOINERS), DL_KW_JOINER },
    { NULL, NULL, 0, 0 }
};

/* w[k]: the words of token k (dl_know_words()). */
static int is_joiner(const dl_token *t, const dl_know_word *w) {
    return t->kind == DL_TOK_WORD && !(t->flags & DL_TF_CAP) && (w->cls & DL_KW_JOINER);
}

/* Longest gazetteer key starting at token i; returns the tokens used.
 * first_np >= 0: token i alone was probed already, with that result
 * (first_post), and it starts a longer key. */
static size_t match_from(const dl_gazetteer *g, const dl_token *t, const dl_know_word *w, size_t n, size_t i,
                         long first_np, const uint32_t *first_post, const uint32_t **post, size_t *npost) {
    char key[256];
    size_t best = 0;
    size_t len = 0;
    size_t words = 0;
    size_t j = i;
    if (first_np >= 0) {
        /* what the loop's first round would do, from the probe made */
        if (first_np) { best = 1; *post = first_post; *npost = (size_t)first_np; }
        len = t[i].norm_len;
        words = 1;
        j = i + 1;
    }
    for (; j < n && words < (size_t)g->max_words; j++) {
        const dl_token *tk = &t[j];
        if (j > i && !(tk->flags & DL_TF_SPACE)) break;     /* "Mali’s" stops at the clitic */
        int tail = j > i && tk->kind == DL_TOK_WORD && (w[j].cls & DL_KW_REGION);
        if (!is_name_tok(tk) && !tail && !(j > i && is_joiner(tk, &w[j])) && !(j > i && tk->kind == DL_TOK_WORD && (tk->flags & DL_TF_HYPHEN)))
            break;
        if (len + tk->norm_len + 2 >= sizeof key) break;
        /* "U.S." is folded to "u.s."; keys are stored the same way.  One
         * word is probed as it is; the key is copied only to go on. */
        const uint32_t *p;
        int prefix;
        size_t np;
        if (!words) {
            len = tk->norm_len;
            np = dl_gazetteer_probe(g, tk->norm, len, &p, &prefix);
        } else {
            if (words == 1) memcpy(key, t[i].norm, len);
            key[len++] = ' ';
            memcpy(key + len, tk->norm, tk->norm_len);
            len += tk->norm_len;
            np = dl_gazetteer_probe(g, key, len, &p, &prefix);
        }
        words++;
        /* a key ends on a name, a region word or a hyphenated word ("Deir ez-Zor") */
        if (np && (is_name_tok(tk) || tail || (tk->flags & DL_TF_HYPHEN))) { best = words; *post = p; *npost = np; }
        if (!prefix) break;                /* no longer key starts so */
    }
    return best;
}

static size_t match_at(const dl_gazetteer *g, const dl_token *t, const dl_know_word *w, size_t n, size_t i,
                       const uint32_t **post, size_t *npost) {
    return match_from(g, t, w, n, i, -1, NULL, post, npost);
}

static int is_code3(const char *c) { return c && c[0] && c[1] && c[2] && !c[3]; }

/* cs[0..n) are three-letter codes (add_country): compared byte by byte,
 * the same as strcmp but for what every place and actor asks. */
static int has_country(const char *const *cs, size_t n, const char *c) {
    if (!c || !*c) return 0;
    for (size_t i = 0; i < n; i++) {
        const char *x = cs[i];
        if (x[0] == c[0] && x[1] == c[1] && x[2] == c[2] && !c[3]) return 1;
    }
    return 0;
}

static size_t add_country(const char **cs, size_t n, size_t max, const char *c) {
    if (!is_code3(c) || has_country(cs, n, c) || n >= max) return n;
    cs[n] = c;
    return n + 1;
}

/* Only countries among the candidates of a key? (countries are unambiguous) */
static const dl_gaz_place *country_of_key(const dl_gazetteer *g, const uint32_t *p, size_t np) {
    for (size_t k = 0; k < np; k++)
        if (g->kinds[p[k]] == DL_PK_COUNTRY) return &g->places[p[k]];
    return NULL;
}

/* Scan the tokens of the story (and the dateline) for keys.  cb is called
 * for each match with the tokens used. */
typedef struct scan_state {
    const dl_gazetteer *g;
    const dl_doc *doc;
    size_t lo, hi;                 /* token range scanned */
} scan_state;

static void token_range(const dl_doc *doc, size_t *lo, size_t *hi) {
    *lo = 0;
    *hi = dl_know_story_end(doc);
}

/* Every gazetteer match in the story, by start token (matches may overlap:
 * "Port Sudan" at one token, "Sudan" at the next). */
typedef struct raw_match {
    size_t i, used;
    const uint32_t *p;
    size_t np;
    /* what does not change between the two passes of dl_places_find,
     * filled by the first that reads the match */
    int seen;
    int cue;                /* locative_cue() */
    const char *ctxc;       /* context_country() */
} raw_match;

static raw_match *collect_matches(const dl_gazetteer *g, const dl_doc *doc, const dl_know_word *w, size_t lo,
                                  size_t hi, size_t *nout) {
    const dl_token *t = doc->toks.v;
    size_t cap = 16, n = 0;
    raw_match *v = dl_arena_alloc(doc->arena, cap * sizeof *v);
    const dl_know_list_ix *names = &dl_know_cands(doc)->names;
    /* hash every name first: see dl_gazetteer_hash_prefetch() */
    uint64_t *hash = dl_arena_alloc(doc->arena, (names->n ? names->n : 1) * sizeof *hash);
    for (size_t ci = 0; ci < names->n; ci++) {
        const dl_token *x = &t[names->v[ci]];
        hash[ci] = dl_gazetteer_hash_prefetch(g, x->norm, x->norm_len);
    }
    for (size_t ci = 0; ci < names->n; ci++) {
        size_t i = names->v[ci];
        if (i < lo) continue;
        if (i >= hi) break;
        if (!is_name_tok(&t[i])) continue;
        const uint32_t *p;
        size_t np;
        /* most names are one word that starts no longer key: probe it
         * here (what match_at() does first) and call match_at() only for
         * the ones that may go on ("New", "South") */
        if (t[i].norm_len + 2 >= 256) continue;          /* match_at()'s key buffer */
        int prefix;
        np = dl_gazetteer_probe_hashed(g, t[i].norm, t[i].norm_len, hash[ci], &p, &prefix);
        size_t used = !prefix ? (np ? 1 : 0) : match_from(g, t, w, hi, i, (long)np, p, &p, &np);
        if (!used) continue;
        if (n == cap) {
            raw_match *w = dl_arena_alloc(doc->arena, cap * 2 * sizeof *w);
            memcpy(w, v, n * sizeof *v);
            v = w;
            cap *= 2;
        }
        v[n].i = i;
        v[n].used = used;
        v[n].p = p;
        v[n].np = np;
        v[n].seen = 0;
        n++;
    }
    *nout = n;
    return v;
}

static size_t article_countries(const dl_gazetteer *g, const dl_doc *doc, const raw_match *ms, size_t nm,
                                const char **out, size_t max);

size_t dl_places_article_countries(const dl_gazetteer *g, const dl_doc *doc, const char **out, size_t max) {
    size_t lo, hi, nm;
    token_range(doc, &lo, &hi);
    raw_match *ms = collect_matches(g, doc, dl_know_words(doc, g->tone), lo, hi, &nm);
    return article_countries(g, doc, ms, nm, out, max);
}

/* The gazetteer entries of the dateline's region ("Texas", "Fla.", "ILL.",
 * "Germany"), lower-cased as keys are; a region written without the
 * period of its abbreviation ("Calif", wire style) is tried with it. */
static size_t dateline_region(const dl_gazetteer *g, const dl_doc *doc, const uint32_t **p) {
    char key[96];
    size_t len = 0;
    for (const char *s = doc->dateline.region; *s && len + 2 < sizeof key; s++)
        key[len++] = (char)((*s >= 'A' && *s <= 'Z') ? *s + 32 : *s);
    if (!len) return 0;
    size_t np = dl_gazetteer_lookup(g, key, len, p);
    if (!np && key[len - 1] != '.') {
        key[len++] = '.';
        np = dl_gazetteer_lookup(g, key, len, p);
    }
    return np;
}

static size_t article_countries(const dl_gazetteer *g, const dl_doc *doc, const raw_match *ms, size_t nm,
                                const char **out, size_t max) {
    size_t n = 0;
    if (doc->actors) {
        for (size_t i = 0; i < doc->actors->n; i++) {
            const char *c = doc->actors->v[i].country;
            /* known already: add_country() would not add it again */
            if (is_code3(c) && !has_country(out, n, c) && dl_gazetteer_country(g, c)) n = add_country(out, n, max, c);
        }
    }
    size_t skip_to = 0;
    for (size_t k = 0; k < nm; k++) {
        if (ms[k].i < skip_to) continue;
        const dl_gaz_place *c = country_of_key(g, ms[k].p, ms[k].np);
        if (c) n = add_country(out, n, max, c->country);
        skip_to = ms[k].i + ms[k].used;
    }
    if (doc->dateline.found && doc->dateline.region[0]) {
        const uint32_t *p;
        size_t np = dateline_region(g, doc, &p);
        const dl_gaz_place *c = np ? country_of_key(g, p, np) : NULL;
        if (c) n = add_country(out, n, max, c->country);
    }
    return n;
}

/* The country named right after a place: "Gao, in eastern Mali",
 * "Paris, Texas", "Kidal (Mali)". */
static const char *context_country(const dl_gazetteer *g, const dl_token *t, const dl_know_word *w, size_t n,
                                   size_t j) {
    if (j >= n) return NULL;
    if (!(t[j].kind == DL_TOK_PUNCT && DL_NORM_IS(&t[j], ",")) && t[j].kind != DL_TOK_OPEN) return NULL;
    j++;
    for (int k = 0; k < 3 && j < n; k++) {
        if (t[j].kind == DL_TOK_WORD && !(t[j].flags & DL_TF_CAP) &&
            (DL_NORM_IS(&t[j], "in") || (w[j].cls & DL_KW_DIRECTION))) { j++; continue; }
        if (t[j].kind == DL_TOK_WORD && (t[j].flags & DL_TF_CAP) && (w[j].cls & DL_KW_DIRECTION)) { j++; continue; }
        break;
    }
    const uint32_t *p;
    size_t np;
    size_t used = j < n ? match_at(g, t, w, n, j, &p, &np) : 0;
    if (!used) return NULL;
    for (size_t k = 0; k < np; k++) {
        const dl_gaz_place *pl = &g->places[p[k]];
        if (pl->kind == DL_PK_COUNTRY || pl->kind == DL_PK_ADM1) return pl->country;
    }
    return NULL;
}

static int locative_cue(const dl_token *t, const dl_know_word *w, size_t lo, size_t i) {
    size_t j = i;
    for (int k = 0; k < 4 && j > lo; k++) {
        j--;
        if (t[j].kind != DL_TOK_WORD) return 0;
        if (w[j].cls & DL_KW_LOC_CUE) return 1;
        if (!(w[j].cls & DL_KW_DIRECTION) && !DL_NORM_IS(&t[j], "town") && !DL_NORM_IS(&t[j], "city") &&
            !DL_NORM_IS(&t[j], "village") && !DL_NORM_IS(&t[j], "region") && !DL_NORM_IS(&t[j], "province") &&
            !DL_NORM_IS(&t[j], "capital") && !DL_NORM_IS(&t[j], "port"))
            return 0;
    }
    return 0;
}

static int sentence_initial(const dl_doc *doc, size_t i) {
    if (i == 0) return 1;
    const dl_token *p = &doc->toks.v[i - 1];
    if (p->flags & DL_TF_SENT_END) return 1;
    if (p->kind == DL_TOK_QUOTE || p->kind == DL_TOK_OPEN) return i < 2 || (doc->toks.v[i - 2].flags & DL_TF_SENT_END);
    return 0;
}

static int looks_adjective(const char *w) {
    size_t n = strlen(w);
    const char *const ends[] = { "an", "ese", "ish", "ch", "i", NULL };
    for (int k = 0; ends[k]; k++) {
        size_t m = strlen(ends[k]);
        if (n > m + 2 && strcmp(w + n - m, ends[k]) == 0) return 1;
    }
    return 0;
}

/* Is the span an actor's in a way that is not a place use? */
static int actor_blocks(const dl_doc *doc, uint32_t start, uint32_t end, char kind) {
    if (!doc->actors) return 0;
    for (size_t k = 0; k < doc->actors->n; k++) {
        const dl_actor_mention *m = &doc->actors->v[k];
        if (m->start >= end) break;
        if (m->end <= start) continue;
        if (m->how == DL_AH_METONYMY) return 2;
        int bigger = m->start < start || m->end > end;
        int named = m->kind == DL_AK_PERSON || m->kind == DL_AK_ORG || m->kind == DL_AK_GROUP;
        /* a person, organisation or group named like a town ("Arafat",
         * "Nato") is not a place; a country inside one ("the US army") is */
        if (named && (!bigger || (kind != DL_PK_COUNTRY && kind != DL_PK_REGION))) return 1;
        if (!bigger) continue;
        if (kind != DL_PK_COUNTRY && kind != DL_PK_REGION) return 1;
    }
    return 0;
}

/* A candidate's score: its prior (kind, or a town's size and rank, from
 * the gazetteer) and the article's context. */
static double score_of(const dl_gaz_place *pl, const char *const *cs, size_t ncs, const char *ctxc) {
    double s = pl->prior;
    if (pl->kind != DL_PK_COUNTRY && has_country(cs, ncs, pl->country)) s += 3;
    if (ctxc && strcmp(ctxc, pl->country) == 0) s += 10;
    return s;
}

static size_t sent_of_tok(const dl_doc *doc, size_t i) { return dl_know_sentence_of(doc, i); }

void dl_places_find(const dl_gazetteer *g, dl_doc *doc, dl_place_set *out) {
    out->v = NULL;
    out->n = 0;
    if (!g) return;
    const char *cs[MAX_COUNTRIES];
    size_t lo, hi, nm;
    token_range(doc, &lo, &hi);
    const dl_know_word *w = dl_know_words(doc, g->tone);
    raw_match *ms = collect_matches(g, doc, w, lo, hi, &nm);
    size_t ncs = article_countries(g, doc, ms, nm, cs, MAX_COUNTRIES);
    const dl_token *t = doc->toks.v;
    size_t cap = 16;
    out->v = dl_arena_alloc(doc->arena, cap * sizeof *out->v);
    /* the dateline's place ("LONDON, November 14 (DPA) -") lies before the
     * story's tokens */
    if (doc->dateline.found && doc->dateline.place_end > doc->dateline.place_start) {
        char key[96];
        size_t len = 0;
        for (size_t k = doc->dateline.place_start; k < doc->dateline.place_end && len + 1 < sizeof key; k++) {
            char ch = doc->text[k];
            key[len++] = (char)((ch >= 'A' && ch <= 'Z') ? ch + 32 : ch);
        }
        const uint32_t *p;
        size_t np = dl_gazetteer_lookup(g, key, len, &p);
        const dl_gaz_place *best = NULL;
        double best_s = -1e9;
        /* a dateline names a well-known place: no bonus for the countries
         * the story mentions ("GENEVA" in a story about the US is Genève),
         * only for the region the dateline itself gives ("PARIS, Texas") */
        const char *dl_country = NULL;
        if (doc->dateline.region[0]) {
            const uint32_t *rp;
            size_t nr = dateline_region(g, doc, &rp);
            for (size_t k = 0; k < nr && !dl_country; k++)
                if (g->places[rp[k]].kind == DL_PK_COUNTRY || g->places[rp[k]].kind == DL_PK_ADM1)
                    dl_country = g->places[rp[k]].country;
        }
        for (size_t k = 0; k < np; k++) {
            double s = score_of(&g->places[p[k]], NULL, 0, dl_country);
            /* a dateline names a city (or a country: "SINGAPORE"), not a
             * state or province: "NEW YORK -" is New York City */
            if (g->places[p[k]].kind == DL_PK_ADM1) s -= 100;
            if (s > best_s) { best_s = s; best = &g->places[p[k]]; }
        }
        if (best) {
            ncs = add_country(cs, ncs, MAX_COUNTRIES, best->country);   /* "FORT PIERCE, Fla." */
            dl_place_mention *m = &out->v[out->n++];
            m->start = (uint32_t)doc->dateline.place_start;
            m->end = (uint32_t)doc->dateline.place_end;
            m->sent = (uint32_t)-1;
            m->place = best;
            m->cued = 0;
            m->metonymy = 0;
        }
        /* "LANDSTUHL, Germany -": the dateline's region, found in its span */
        size_t rl = strlen(doc->dateline.region);
        if (rl && doc->dateline.end > doc->dateline.place_end) {
            const char *from = doc->text + doc->dateline.place_end;
            const char *hit = memmem(from, doc->dateline.end - doc->dateline.place_end, doc->dateline.region, rl);
            np = hit ? dateline_region(g, doc, &p) : 0;
            best = NULL;
            best_s = -1e9;
            for (size_t k = 0; k < np; k++) {
                double sc = score_of(&g->places[p[k]], cs, ncs, NULL);
                if (g->places[p[k]].kind != DL_PK_CITY && sc > best_s) { best_s = sc; best = &g->places[p[k]]; }
            }
            if (best && out->n < cap) {
                ncs = add_country(cs, ncs, MAX_COUNTRIES, best->country);
                dl_place_mention *m = &out->v[out->n++];
                m->start = (uint32_t)(hit - doc->text);
                m->end = (uint32_t)(hit - doc->text + rl);
                m->sent = (uint32_t)-1;
                m->place = best;
                m->cued = 0;
                m->metonymy = 0;
            }
        }
    }
    /* Two passes: the first learns the countries of the places it is sure
     * of ("Bamako" makes a later "Gao" the Malian one), the second keeps.
     * When the first learns no country, the second would decide the same:
     * the first one's places are kept and it is not run. */
    for (int pass = 0; pass < 2; pass++) {
        size_t ncs_before = ncs, n_before = out->n;
        char prev_kind = 0;   /* of the place that ended at prev_end */
        for (size_t mi = 0, prev_end = (size_t)-1, skip_to = 0; mi < nm; mi++) {
            size_t i = ms[mi].i;
            if (i < skip_to) continue;
            const uint32_t *p = ms[mi].p;
            size_t np = ms[mi].np;
            size_t used = ms[mi].used;
            size_t last = i + used - 1;
            uint32_t start = t[i].start, end = t[last].end;
            int in_dateline = doc->dateline.found && start >= doc->dateline.place_start &&
                              end <= doc->dateline.place_end;
            raw_match *rm = &ms[mi];
            if (!rm->seen) {
                rm->seen = 1;
                rm->cue = locative_cue(t, w, lo, i);
                rm->ctxc = context_country(g, t, w, hi, last + 1);
            }
            int cued = rm->cue;
            /* a list goes on: "in Gao, Kidal and Timbuktu" */
            int listed = prev_end != (size_t)-1 && i >= 1 && prev_end + 2 >= i &&
                         (dl_know_is_punct(&t[i - 1], ",") || DL_NORM_IS(&t[i - 1], "and") || DL_NORM_IS(&t[i - 1], "or"));
            if (listed) cued = 1;
            const char *ctxc = rm->ctxc;
            /* short all-caps words are acronyms unless they name a country */
            int acronym = used == 1 && (t[i].flags & DL_TF_UPPER) && t[i].norm_len <= 4 && !in_dateline;
            const dl_gaz_place *best = NULL;
            double best_s = -1e9;
            /* g->kinds first: a place read is a cache miss (the places are
             * megabytes), the packed kinds mostly are not */
            for (size_t k = 0; k < np; k++) {
                if (acronym && g->kinds[p[k]] != DL_PK_COUNTRY) continue;
                const dl_gaz_place *pl = &g->places[p[k]];
                double s = score_of(pl, cs, ncs, ctxc);
                /* a list that goes on from a first-level region names
                 * regions: "Ontario and Quebec", "Oregon, Washington and
                 * Idaho" (after a town a region is its region: "San
                 * Francisco, California", which the context rule reads) */
                if (listed && prev_kind == DL_PK_ADM1 && pl->kind == DL_PK_ADM1) s += 4;
                /* a region named after its seat ("Gao"): the town is meant */
                if (pl->kind == DL_PK_CITY && has_country(cs, ncs, pl->country))
                    for (size_t k2 = 0; k2 < np; k2++) {
                        if (g->kinds[p[k2]] != DL_PK_ADM1) continue;
                        const dl_gaz_place *o = &g->places[p[k2]];
                        if (!strcmp(o->country, pl->country) && !strcmp(o->adm1, pl->adm1)) s += 2.5;
                    }
                if (s > best_s) { best_s = s; best = pl; }
            }
            if (!best) continue;
            /* "US$53": a currency */
            if (last + 1 < hi && t[last + 1].start == t[last].end && DL_NORM_IS(&t[last + 1], "$")) continue;
            if (used > 1 && dl_know_in_list(NOT_PLACES, t[i].norm) && DL_NORM_IS(&t[i + 1], "house")) continue;
            /* months and weekdays are dates ("in March", "Nov."), never places */
            if (used == 1 && dl_know_may_be_month_day(&t[i], &w[i]) &&
                (dl_month_from_name(t[i].norm, t[i].norm_len) || dl_weekday_from_name(t[i].norm, t[i].norm_len) >= 0))
                continue;
            /* "US" is no "us" */
            int common = used == 1 && !((t[i].flags & DL_TF_UPPER) && best->kind == DL_PK_COUNTRY) &&
                         ((w[i].cls & DL_KW_COMMON) || (g->tone && dl_tone_lex_valence(w[i].lex)));
            /* an everyday word is a place only right after a locative word
             * ("in Nice"; not "in the Western response") */
            if (common) cued = i > lo && t[i - 1].kind == DL_TOK_WORD && (w[i - 1].cls & DL_KW_LOC_CUE);
            /* a region's abbreviation ("Fla.", "B.C.") in the text only as the
             * region of a town before it, after a comma: "Tampa, Fla." (not
             * "500 B.C.", "N.B.") */
            if (best->kind == DL_PK_ADM1 && used == 1 && t[i].kind == DL_TOK_ABBR && !in_dateline &&
                !(i > lo && dl_know_is_punct(&t[i - 1], ",")))
                continue;
            int known_country = has_country(cs, ncs, best->country);
            int ok;
            switch (best->kind) {
            case DL_PK_COUNTRY:
            case DL_PK_REGION: ok = !common || cued; break;
            case DL_PK_ADM1:
                ok = (known_country || cued || used > 1 || !sentence_initial(doc, i)) && (!common || cued);
                break;
            default: {
                int initial = sentence_initial(doc, i);
                int seat = dl_gaz_is_ppl(best->feature, 'C') || dl_gaz_is_ppl(best->feature, 'A');
                if (common) ok = cued;
                else if (in_dateline || ctxc || cued) ok = 1;
                else if (best->population >= 1000000) ok = 1;
                else if (initial) ok = seat && known_country;     /* "Clinton met ...": a surname */
                else ok = seat || (known_country && best->population >= 50000) || best->population >= 100000 ||
                          /* a district seat in the article's country -- but not the
                           * US's 3,000 county seats, often named like words ("Liberal") */
                          (known_country && !strcmp(best->feature, "PPLA2") && strcmp(best->country, "USA"));
                break;
            }
            }
            /* part of a longer name? */
            if (ok && best->kind != DL_PK_COUNTRY && last + 1 < hi && (t[last + 1].flags & DL_TF_CAP) &&
                (w[last + 1].cls & DL_KW_NAME_HEAD))
                ok = 0;
            if (ok && best->kind != DL_PK_COUNTRY && last + 1 < hi && (t[last + 1].flags & DL_TF_CAP) &&
                t[last + 1].kind == DL_TOK_WORD && (t[last + 1].flags & DL_TF_SPACE) && !in_dateline &&
                (best->kind == DL_PK_CITY || best->kind == DL_PK_ADM1) &&
                !(t[last + 1].flags & DL_TF_SENT_END) && !(w[last + 1].cls & DL_KW_DIRECTION)) {
                /* "Paris Hilton", "Gao Region" is fine but rare; a following
                 * capitalised word that is itself no place ends it */
                const uint32_t *p2;
                size_t np2;
                if (!match_at(g, t, w, hi, last + 1, &p2, &np2) && !DL_NORM_IS(&t[last + 1], "region") &&
                    !(dl_know_may_be_month_day(&t[last + 1], &w[last + 1]) &&
                      (dl_weekday_from_name(t[last + 1].norm, t[last + 1].norm_len) >= 0 ||
                       dl_month_from_name(t[last + 1].norm, t[last + 1].norm_len))) &&
                    !DL_NORM_IS(&t[last + 1], "province") && !DL_NORM_IS(&t[last + 1], "state"))
                    ok = 0;
            }
            if (ok && i >= 2 && DL_NORM_IS(&t[i - 1], "of") && (t[i - 2].flags & DL_TF_CAP) &&
                (w[i - 2].cls & DL_KW_OF_HEAD))
                ok = 0;
            if (ok && best->kind == DL_PK_CITY && i > lo && is_name_tok(&t[i - 1]) && (t[i].flags & DL_TF_SPACE) &&
                !(w[i - 1].cls & DL_KW_DIRECTION) && !looks_adjective(t[i - 1].norm) &&
                !(i >= 2 && dl_know_is_punct(&t[i - 2], ",")) && !cued) {
                ok = 0;   /* "Boris Johnson", "Lindsay Davenport": a name, even if "Lindsay" is a town */
            }
            int blocked = ok ? actor_blocks(doc, start, end, best->kind) : 0;
            if (blocked == 1) ok = 0;
            if (!ok) continue;
            prev_end = last;
            prev_kind = best->kind;
            skip_to = last + 1;
            if (pass == 0) ncs = add_country(cs, ncs, MAX_COUNTRIES, best->country);
            if (out->n == cap) {
                dl_place_mention *v = dl_arena_alloc(doc->arena, cap * 2 * sizeof *v);
                memcpy(v, out->v, out->n * sizeof *v);
                out->v = v;
                cap *= 2;
            }
            dl_place_mention *m = &out->v[out->n++];
            m->start = start;
            m->end = end;
            m->sent = (uint32_t)sent_of_tok(doc, i);
            m->place = best;
            m->cued = cued;
            m->metonymy = blocked == 2;
        }
        if (pass == 1 || ncs == ncs_before) break;
        out->n = n_before;   /* the first pass learned a country: decide again */
    }
}

/* ---- location of an event ---- */

static const char *const CLAUSE_WORDS[] = {
    "which", "who", "whom", "whose", "while", "whereas", "but", "although",
    "though", "because", "whereupon", NULL
};

static int clause_break(const dl_token *t) {
    if (t->kind == DL_TOK_PUNCT) return DL_NORM_IS(t, ";") || DL_NORM_IS(t, ":");
    if (t->kind == DL_TOK_DASH) return (t->flags & DL_TF_SPACE) != 0;
    if (t->kind == DL_TOK_WORD) return dl_know_in_list(CLAUSE_WORDS, t->norm);
    return 0;
}

const dl_place_mention *dl_place_for_span(const dl_doc *doc, size_t sent, size_t start, size_t end, const char **rule) {
    const char *dummy;
    if (!rule) rule = &dummy;
    *rule = "none";
    if (!doc->know || sent >= doc->sents.n) return NULL;
    const dl_place_set *ps = &doc->know->places;
    const dl_sentence *s = &doc->sents.v[sent];
    const dl_token *t = doc->toks.v;
    /* clause: from the last break before start to the first break after end */
    size_t cstart = s->start, cend = s->end;
    for (size_t i = s->tok_start; i < s->tok_end; i++) {
        if (!clause_break(&t[i])) continue;
        if (t[i].end <= start) cstart = t[i].end;
        else if (t[i].start >= end && t[i].start < cend) { cend = t[i].start; break; }
    }
    const dl_place_mention *best = NULL;
    long best_d = 0;
    int best_in_clause = 0;
    for (size_t k = 0; k < ps->n; k++) {
        const dl_place_mention *m = &ps->v[k];
        if (m->sent != sent || m->metonymy) continue;
        int in_clause = m->start >= cstart && m->end <= cend;
        long d = m->end <= start ? (long)start - (long)m->end : m->start >= end ? (long)m->start - (long)end : 0;
        int better = !best || (in_clause && !best_in_clause) ||
                     (in_clause == best_in_clause && (d < best_d ||
                      (d == best_d && m->place->kind == DL_PK_CITY && best->place->kind != DL_PK_CITY)));
        if (better) { best = m; best_d = d; best_in_clause = in_clause; }
    }
    if (best) *rule = best_in_clause ? "clause" : "sentence";
    return best;
}
