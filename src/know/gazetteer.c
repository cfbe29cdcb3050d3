/* gazetteer.c -- load data/gazetteer/gazetteer.tsv and index its keys. */
#include "gazetteer.h"
#include "tone.h"
#include "words.h"
#include "../util/arena.h"
#include "../util/buf.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- string table ---- */

static uint64_t hash_bytes(const char *s, size_t n) { return dl_strtab_hash(s, n); }

/* A 128 KB bit filter in front of the 1 MB table: most capitalised words
 * are no place, and the filter says so from the L2 cache. */
#define FILTER_BITS (1u << 20)
static size_t filter_bit(uint64_t h) { return (size_t)(h >> 40) & (FILTER_BITS - 1); }

void dl_strtab_init(dl_strtab *t, size_t expected) {
    size_t cap = 16;
    while (cap < expected * 2) cap <<= 1;
    t->cap = cap;
    t->n = 0;
    t->slot = calloc(cap, sizeof *t->slot);
    if (!t->slot) { fprintf(stderr, "dateline: out of memory\n"); exit(3); }
}

static void strtab_grow(dl_strtab *t) {
    dl_strtab bigger;
    dl_strtab_init(&bigger, t->cap);   /* doubles: init sizes to 2 * expected */
    for (size_t i = 0; i < t->cap; i++)
        if (t->slot[i].key) dl_strtab_put(&bigger, t->slot[i].key, t->slot[i].first, t->slot[i].count);
    dl_strtab_free(t);
    *t = bigger;
}

static uint32_t fingerprint(uint64_t h) { return dl_strtab_fingerprint(h); }

size_t dl_strtab_put(dl_strtab *t, const char *key, uint32_t first, uint32_t count) {
    if ((t->n + 1) * 2 > t->cap) strtab_grow(t);
    size_t n = strlen(key);
    uint64_t h = hash_bytes(key, n);
    uint32_t fp = fingerprint(h);
    size_t i = (size_t)h & (t->cap - 1);
    while (t->slot[i].hash) {
        if (t->slot[i].hash == fp && strcmp(t->slot[i].key, key) == 0) break;
        i = (i + 1) & (t->cap - 1);
    }
    if (!t->slot[i].hash) t->n++;
    t->slot[i].hash = fp;
    t->slot[i].len = (uint32_t)n;
    t->slot[i].head = dl_strtab_head(key, n);
    t->slot[i].key = key;
    t->slot[i].first = first;
    t->slot[i].count = count;
    return i;
}

static size_t strtab_find_hashed(const dl_strtab *t, const char *key, size_t n, uint64_t h) {
    return dl_strtab_find_hashed(t, key, n, h);
}

size_t dl_strtab_find(const dl_strtab *t, const char *key, size_t n) {
    if (!t->cap) return (size_t)-1;
    return strtab_find_hashed(t, key, n, hash_bytes(key, n));
}

void dl_strtab_free(dl_strtab *t) {
    free(t->slot);
    memset(t, 0, sizeof *t);
}

/* Capitalised words that are also everyday words or name parts: taken as
 * single-word places only after a locative cue. */
static const char *const COMMON_WORDS[] = {
    "police", "army", "union", "state", "states", "president", "minister",
    "government", "university", "city", "church", "mission", "national",
    "democratic", "republic", "people", "party", "justice", "liberty", "hope",
    "independence", "mobile", "reading", "bath", "nice", "split", "most", "male",
    "sale", "young", "progress", "concord", "unity", "march", "may", "june",
    "august", "april", "january", "july", "of", "as", "do", "man", "bar", "deal",
    "van", "mission", "bloc", "media", "post", "orange", "guard", "marine",
    "defence", "defense", "force", "forces", "council", "assembly", "court",
    "prime", "general", "secretary", "king", "queen", "prince", "lord", "sir",
    "mayor", "governor", "chancellor", "premier", "news", "new", "old", "even",
    "over", "middle", "victoria", "independence", "freedom", "paradise", "eagle",
    "la", "le", "el", "al", "de", "san", "santa", "saint",
    "st", "st.", "ma", "wa", "ha", "ba", "da", "na", "pa", "ka", "ta", "sa",
    "tu", "su", "bo", "ho", "ye", "mai", "anglophone",
    /* pronouns and function words that start sentences ("We", "Man") */
    "we", "us", "it", "he", "she", "they", "you", "i", "the", "a", "an", "in", "on",
    "at", "by", "to", "for", "is", "be", "are", "was", "has", "have", "had",
    "not", "no", "yes", "all", "any", "so", "but", "or", "and", "if", "then",
    "than", "that", "this", "these", "those", "there", "here", "who", "what",
    "when", "where", "why", "how", "which", "one", "two", "can", "will", "would",
    "men", "women", "good", "bad", "best", "big", "long", "little", "more",
    "much", "many", "some", "such", "only", "also", "just", "still", "after",
    "before", "under", "between", "during", "since", "until", "about", "against",
    "among", "into", "through", "without", "within", "along", "across", "up",
    "down", "out", "off", "again", "once", "now", "today", "north", "south",
    "east", "west", "central", "western", "eastern", "northern", "southern",
    "delta", "arab", "nato", "centre", "center", "capital", "coast", "island",
    "islands", "lake", "river", "valley", "mountain", "border", "frontier", "store", NULL
};

/* For dl_know_words(): the place finder asks it of every one-word place. */
const dl_know_list dl_gazetteer_word_lists[] = {
    { COMMON_WORDS, NULL, DL_KNOW_NLIST(COMMON_WORDS), DL_KW_COMMON },
    { NULL, NULL, 0, 0 }
};

int dl_gazetteer_common(const dl_gazetteer *g, const char *norm, size_t n) {
    return dl_strtab_find(&g->common, norm, n) != (size_t)-1;
}

/* ---- loading ---- */

typedef struct key_ref { const char *key; uint32_t place; } key_ref;

/* Decimal numbers as the build writes them ("-12.3456", "87000"): a
 * hand-rolled parser, because strtod() was the largest part of loading. */
static int parse_decimal(const char *s, double *out) {
    int neg = 0;
    if (*s == '-') { neg = 1; s++; }
    if (*s < '0' || *s > '9') return 0;
    /* all digits as one integer, then one division: correctly rounded,
     * like strtod, for the few digits the file has */
    unsigned long long digits = 0;
    double scale = 1;
    int n = 0;
    while (*s >= '0' && *s <= '9' && n < 15) { digits = digits * 10 + (unsigned)(*s++ - '0'); n++; }
    if (*s == '.') {
        s++;
        if (*s < '0' || *s > '9') return 0;
        while (*s >= '0' && *s <= '9' && n < 15) { digits = digits * 10 + (unsigned)(*s++ - '0'); scale *= 10; n++; }
    }
    if (*s) return 0;
    double v = (double)digits / scale;
    *out = neg ? -v : v;
    return 1;
}

static long parse_count(const char *s) {
    long v = 0;
    while (*s >= '0' && *s <= '9') v = v * 10 + (*s++ - '0');
    return v;
}

static char *load_error(const char *path, long line, const char *msg) {
    dl_buf e = DL_BUF_INIT;
    dl_buf_printf(&e, "%s:%ld: %s", path, line, msg);
    return dl_buf_take(&e);
}

/* A place's score before context: its kind, or a town's size and rank
 * (the place finder adds the article's context, place.c).  Computed once
 * here: a log10 per candidate per article was a tenth of the finder. */
static double prior(const dl_gaz_place *pl) {
    double s;
    switch (pl->kind) {
    case DL_PK_COUNTRY: s = 20; break;
    case DL_PK_REGION: s = 15; break;
    case DL_PK_ADM1: s = 7; break;   /* beats a town abroad: "Florida" is the state */
    default:
        s = log10((double)pl->population + 10.0);
        if (dl_gaz_is_ppl(pl->feature, 'C')) s += 2;
        else if (dl_gaz_is_ppl(pl->feature, 'A')) s += 1;
        break;
    }
    return s;
}

dl_gazetteer *dl_gazetteer_load(const char *path, char **err) {
    size_t len;
    char *buf = dl_read_file(path, &len, err);
    if (!buf) return NULL;
    size_t nlines = 1;
    for (size_t i = 0; i < len; i++) nlines += buf[i] == '\n';

    dl_gazetteer *g = dl_xmalloc(sizeof *g);
    memset(g, 0, sizeof *g);
    g->buf = buf;
    g->places = dl_xmalloc(nlines * sizeof *g->places);
    size_t capref = nlines * 2 + 16, nref = 0;
    key_ref *refs = dl_xmalloc(capref * sizeof *refs);
    g->max_words = 1;

    char *p = buf, *end = buf + len;
    long lineno = 0;
    while (p < end) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl) nl = end;
        *nl = '\0';
        lineno++;
        char *line = p;
        p = nl + 1;
        if (!*line || *line == '#') continue;
        char *f[10];
        int nf = 0;
        char *q = line;
        f[nf++] = q;
        while (*q) {
            if (*q == '\t') { *q = '\0'; if (nf < 10) f[nf++] = q + 1; else nf = 11; }
            q++;
        }
        if (nf != 10 || !f[0][0] || f[0][1]) {
            *err = load_error(path, lineno, "expected 10 tab-separated fields: kind cc3 adm1 lat lon geonameid population feature name keys");
            free(refs);
            dl_gazetteer_free(g);
            return NULL;
        }
        char kind = f[0][0];
        if (kind != 'C' && kind != 'A' && kind != 'N' && kind != 'P') {
            *err = load_error(path, lineno, "unknown kind (expected C, A, N or P)");
            free(refs);
            dl_gazetteer_free(g);
            return NULL;
        }
        dl_gaz_place *pl = &g->places[g->nplaces];
        if (strlen(f[1]) >= sizeof pl->country || strlen(f[7]) >= sizeof pl->feature) {
            *err = load_error(path, lineno, "country code over 3 or feature code over 7 bytes");
            free(refs);
            dl_gazetteer_free(g);
            return NULL;
        }
        pl->kind = kind;
        memcpy(pl->country, f[1], strlen(f[1]) + 1);
        pl->adm1 = f[2];
        if (!parse_decimal(f[3], &pl->lat) || !parse_decimal(f[4], &pl->lon) || pl->lat < -90 || pl->lat > 90 ||
            pl->lon < -180 || pl->lon > 180) {
            *err = load_error(path, lineno, "bad latitude or longitude");
            free(refs);
            dl_gazetteer_free(g);
            return NULL;
        }
        pl->geonameid = parse_count(f[5]);
        pl->population = parse_count(f[6]);
        memcpy(pl->feature, f[7], strlen(f[7]) + 1);
        pl->name = f[8];
        pl->prior = prior(pl);
        /* keys: a|b|c, each cut in place */
        char *k = f[9];
        while (*k) {
            char *bar = strchr(k, '|');
            if (bar) *bar = '\0';
            if (*k) {
                if (nref == capref) { capref *= 2; refs = dl_xrealloc(refs, capref * sizeof *refs); }
                refs[nref].key = k;
                refs[nref].place = (uint32_t)g->nplaces;
                nref++;
                int words = 1;
                for (const char *c = k; *c; c++) words += *c == ' ';
                if (words > g->max_words) g->max_words = words;
            }
            if (!bar) break;
            k = bar + 1;
        }
        g->nplaces++;
    }
    /* Index without sorting: count the places of each key, then lay the
     * postings out key by key (two hash probes per key, no strcmp sort). */
    dl_strtab_init(&g->keys, nref);
    for (size_t i = 0; i < nref; i++) {
        size_t slot = dl_strtab_find(&g->keys, refs[i].key, strlen(refs[i].key));
        if (slot == (size_t)-1) dl_strtab_put(&g->keys, refs[i].key, 0, 1);
        else g->keys.slot[slot].count++;
    }
    uint32_t next = 0;
    for (size_t i = 0; i < g->keys.cap; i++) {
        if (!g->keys.slot[i].key) continue;
        g->keys.slot[i].first = next;
        next += g->keys.slot[i].count;
        g->keys.slot[i].count = 0;              /* refilled below */
    }
    g->postings = dl_xmalloc((nref ? nref : 1) * sizeof *g->postings);
    for (size_t i = 0; i < nref; i++) {
        size_t slot = dl_strtab_find(&g->keys, refs[i].key, strlen(refs[i].key));
        uint32_t *cnt = &g->keys.slot[slot].count;
        uint32_t *post = g->postings + g->keys.slot[slot].first;
        /* one place may list a key twice ("Genève" and "geneve" folded alike) */
        if (*cnt && post[*cnt - 1] == refs[i].place) continue;
        post[(*cnt)++] = refs[i].place;
    }
    free(refs);
    /* Mark the word prefixes of multi-word keys ("west" for "west africa"),
     * so that a matcher stops extending as soon as no key can follow. */
    size_t nprefix = 0, bytes = 0;
    for (size_t i = 0; i < g->keys.cap; i++) {
        const char *k = g->keys.slot[i].key;
        if (!k) continue;
        for (const char *c = k; *c; c++) if (*c == ' ') { nprefix++; bytes += (size_t)(c - k) + 1; }
    }
    g->prefix_buf = dl_xmalloc(bytes + 1);
    char *pb = g->prefix_buf;
    size_t cap = g->keys.cap;
    const char **full = dl_xmalloc((g->keys.n + 1) * sizeof *full);
    size_t nfull = 0;
    for (size_t i = 0; i < cap; i++)
        if (g->keys.slot[i].key && strchr(g->keys.slot[i].key, ' ')) full[nfull++] = g->keys.slot[i].key;
    for (size_t f = 0; f < nfull; f++) {
        const char *k = full[f];
        for (const char *c = k; *c; c++) {
            if (*c != ' ') continue;
            size_t n = (size_t)(c - k);
            size_t slot = dl_strtab_find(&g->keys, k, n);
            if (slot == (size_t)-1) {
                memcpy(pb, k, n);
                pb[n] = '\0';
                slot = dl_strtab_put(&g->keys, pb, 0, 0);
                pb += n + 1;
            }
            g->keys.slot[slot].count |= DL_GAZ_PREFIX;
        }
    }
    free(full);
    /* A key with one place (most) keeps the place's index in its slot:
     * the probe then answers from the slot, without reading postings. */
    for (size_t i = 0; i < g->keys.cap; i++) {
        dl_strtab_slot *sl = &g->keys.slot[i];
        if (sl->key && (sl->count & ~(uint32_t)DL_GAZ_PREFIX) == 1) sl->first = g->postings[sl->first];
    }
    g->filter = calloc(FILTER_BITS / 64, sizeof *g->filter);
    if (!g->filter) { fprintf(stderr, "dateline: out of memory\n"); exit(3); }
    for (size_t i = 0; i < g->keys.cap; i++) {
        if (!g->keys.slot[i].hash) continue;
        size_t b = filter_bit(hash_bytes(g->keys.slot[i].key, strlen(g->keys.slot[i].key)));
        g->filter[b >> 6] |= 1ull << (b & 63);
    }
    g->kinds = dl_xmalloc(g->nplaces ? g->nplaces : 1);
    for (size_t i = 0; i < g->nplaces; i++) g->kinds[i] = g->places[i].kind;
    dl_strtab_init(&g->countries, 256);
    for (size_t i = 0; i < g->nplaces; i++)
        if (g->places[i].kind == DL_PK_COUNTRY) dl_strtab_put(&g->countries, g->places[i].country, (uint32_t)i, 1);
    dl_strtab_init(&g->common, sizeof COMMON_WORDS / sizeof *COMMON_WORDS);
    for (const char *const *w = COMMON_WORDS; *w; w++) dl_strtab_put(&g->common, *w, 0, 1);
    return g;
}

void dl_gazetteer_free(dl_gazetteer *g) {
    if (!g) return;
    dl_tone_lex_free(g->tone);
    dl_strtab_free(&g->keys);
    dl_strtab_free(&g->common);
    dl_strtab_free(&g->countries);
    free(g->filter);
    free(g->prefix_buf);
    free(g->postings);
    free(g->places);
    free(g->kinds);
    free(g->buf);
    free(g);
}

size_t dl_gazetteer_lookup(const dl_gazetteer *g, const char *key, size_t n, const uint32_t **out) {
    int prefix;
    return dl_gazetteer_probe(g, key, n, out, &prefix);
}

uint64_t dl_gazetteer_hash_prefetch(const dl_gazetteer *g, const char *key, size_t n) {
    uint64_t h = hash_bytes(key, n);
    size_t b = filter_bit(h);
    __builtin_prefetch(&g->filter[b >> 6]);
    __builtin_prefetch(&g->keys.slot[(size_t)h & (g->keys.cap - 1)]);
    return h;
}

size_t dl_gazetteer_probe(const dl_gazetteer *g, const char *key, size_t n, const uint32_t **out, int *prefix) {
    return dl_gazetteer_probe_hashed(g, key, n, hash_bytes(key, n), out, prefix);
}

size_t dl_gazetteer_probe_hashed(const dl_gazetteer *g, const char *key, size_t n, uint64_t h, const uint32_t **out,
                                 int *prefix) {
    *prefix = 0;
    size_t b = filter_bit(h);
    if (!(g->filter[b >> 6] & (1ull << (b & 63)))) return 0;
    size_t slot = strtab_find_hashed(&g->keys, key, n, h);
    if (slot == (size_t)-1) return 0;
    const dl_strtab_slot *sl = &g->keys.slot[slot];
    uint32_t c = sl->count & ~(uint32_t)DL_GAZ_PREFIX;
    *prefix = (sl->count & DL_GAZ_PREFIX) != 0;
    *out = c == 1 ? &sl->first : g->postings + sl->first;
    return c;
}

const dl_gaz_place *dl_gazetteer_country(const dl_gazetteer *g, const char *iso3) {
    size_t slot = dl_strtab_find(&g->countries, iso3, strlen(iso3));
    return slot == (size_t)-1 ? NULL : &g->places[g->countries.slot[slot].first];
}
