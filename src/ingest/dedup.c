/* dedup.c -- exact and near-duplicate grouping; see dedup.h.
 *
 * Text -> word hashes (lower-cased ASCII, runs of letters/digits/non-ASCII
 * bytes) -> k-word shingle hashes.  The exact key is two independent
 * 64-bit hashes of the word sequence.  MinHash uses one strong mix of each
 * shingle and then K cheap multiply-shift hashes of it (a_j odd), which is
 * enough independence for Jaccard estimation and ~10x faster than K
 * strong hashes.  LSH keys are hashes of (band number, the band's rows),
 * kept in one open-addressing table whose entries head posting lists.
 */
#include "dedup.h"
#include "../util/arena.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define K_HASHES 126
#define BANDS 63
#define ROWS 2
#define MAX_POSTINGS_PER_BAND 64
#define CONTAINMENT 0.7            /* share of the smaller text found in the larger */

typedef struct ddoc {
    char *id;
    int group;      /* index of the group's first article */
    int kind;       /* DL_DUP_* */
} ddoc;

typedef struct exact_slot { uint64_t a, b; int doc; } exact_slot;
typedef struct key_slot { uint64_t key; int head; } key_slot;
typedef struct posting { int doc, next; } posting;

struct dl_dedup {
    dl_dedup_opts o;
    uint64_t mul[K_HASHES], add[K_HASHES];
    ddoc *docs;
    int n, cap;
    int *gsize;                 /* by first-article index */
    int *nsh;                   /* shingles per article (set size) */
    uint32_t *sig;              /* MinHash: n * K_HASHES */
    uint64_t *sim;              /* SimHash: n */
    exact_slot *ex; size_t excap, exn;
    key_slot *kt; size_t ktcap, ktn;
    posting *post; size_t npost, cappost;
    uint64_t *words; size_t capwords;   /* scratch */
};

static uint64_t mix64(uint64_t z) {   /* splitmix64 finalizer */
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

dl_dedup *dl_dedup_new(const dl_dedup_opts *opts) {
    dl_dedup *d = dl_xmalloc(sizeof *d);
    memset(d, 0, sizeof *d);
    if (opts) d->o = *opts;
    if (d->o.shingle <= 0) d->o.shingle = 3;
    if (d->o.threshold <= 0) d->o.threshold = 0.4;
    if (d->o.max_distance <= 0 || d->o.max_distance > 3) d->o.max_distance = 3;
    uint64_t s = 0x1234567887654321ULL;
    for (int j = 0; j < K_HASHES; j++) {
        s += 0x9E3779B97F4A7C15ULL;
        d->mul[j] = mix64(s) | 1;
        s += 0x9E3779B97F4A7C15ULL;
        d->add[j] = mix64(s);
    }
    return d;
}

void dl_dedup_free(dl_dedup *d) {
    if (!d) return;
    for (int i = 0; i < d->n; i++) free(d->docs[i].id);
    free(d->docs); free(d->gsize); free(d->nsh); free(d->sig); free(d->sim);
    free(d->ex); free(d->kt); free(d->post); free(d->words);
    free(d);
}

size_t dl_dedup_count(const dl_dedup *d) { return (size_t)d->n; }

int dl_dedup_kind(const dl_dedup *d, int i) {
    return i >= 0 && i < d->n ? d->docs[i].kind : DL_DUP_NONE;
}

void dl_dedup_group(const dl_dedup *d, int i, const char **first_id, int *size) {
    if (i < 0 || i >= d->n) {
        if (first_id) *first_id = NULL;
        if (size) *size = 0;
        return;
    }
    int g = d->docs[i].group;
    if (first_id) *first_id = d->docs[g].id;
    if (size) *size = d->gsize[g];
}

/* ---- words and shingles ---------------------------------------------------- */

static size_t text_words(dl_dedup *d, const char *t, size_t n) {
    size_t nw = 0, i = 0;
    while (i < n) {
        while (i < n) {
            unsigned char c = (unsigned char)t[i];
            if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80) break;
            i++;
        }
        if (i >= n) break;
        uint64_t h = 1469598103934665603ULL;
        while (i < n) {
            unsigned char c = (unsigned char)t[i];
            if (c >= 'A' && c <= 'Z') c = (unsigned char)(c + 32);
            else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c >= 0x80)) break;
            h = (h ^ c) * 1099511628211ULL;
            i++;
        }
        if (nw == d->capwords) {
            d->capwords = d->capwords ? d->capwords * 2 : 1024;
            d->words = dl_xrealloc(d->words, d->capwords * sizeof *d->words);
        }
        d->words[nw++] = h;
    }
    return nw;
}

static uint64_t shingle_hash(const uint64_t *w, int k) {
    uint64_t h = 0x243F6A8885A308D3ULL;
    for (int i = 0; i < k; i++) h = mix64(h ^ w[i]) + (uint64_t)i;
    return mix64(h);
}

/* ---- tables ------------------------------------------------------------------ */

static int exact_find_or_add(dl_dedup *d, uint64_t a, uint64_t b, int doc) {
    if ((d->exn + 1) * 2 > d->excap) {
        size_t nc = d->excap ? d->excap * 2 : 1024;
        exact_slot *t = dl_xmalloc(nc * sizeof *t);
        for (size_t i = 0; i < nc; i++) t[i].doc = -1;
        for (size_t i = 0; i < d->excap; i++) {
            if (d->ex[i].doc < 0) continue;
            size_t j = (size_t)(d->ex[i].a % nc);
            while (t[j].doc >= 0) j = (j + 1) % nc;
            t[j] = d->ex[i];
        }
        free(d->ex);
        d->ex = t;
        d->excap = nc;
    }
    size_t j = (size_t)(a % d->excap);
    while (d->ex[j].doc >= 0) {
        if (d->ex[j].a == a && d->ex[j].b == b) return d->ex[j].doc;
        j = (j + 1) % d->excap;
    }
    d->ex[j].a = a;
    d->ex[j].b = b;
    d->ex[j].doc = doc;
    d->exn++;
    return -1;
}

/* the slot for key (created empty, head -1, if absent) */
static key_slot *key_slot_get(dl_dedup *d, uint64_t key) {
    if (key == 0) key = 1;   /* 0 marks an empty slot */
    if ((d->ktn + 1) * 2 > d->ktcap) {
        size_t nc = d->ktcap ? d->ktcap * 2 : 4096;
        key_slot *t = dl_xmalloc(nc * sizeof *t);
        memset(t, 0, nc * sizeof *t);
        for (size_t i = 0; i < d->ktcap; i++) {
            if (!d->kt[i].key) continue;
            size_t j = (size_t)(d->kt[i].key % nc);
            while (t[j].key) j = (j + 1) % nc;
            t[j] = d->kt[i];
        }
        free(d->kt);
        d->kt = t;
        d->ktcap = nc;
    }
    size_t j = (size_t)(key % d->ktcap);
    while (d->kt[j].key && d->kt[j].key != key) j = (j + 1) % d->ktcap;
    if (!d->kt[j].key) {
        d->kt[j].key = key;
        d->kt[j].head = -1;
        d->ktn++;
    }
    return &d->kt[j];
}

static void post_add(dl_dedup *d, key_slot *s, int doc) {
    if (d->npost == d->cappost) {
        d->cappost = d->cappost ? d->cappost * 2 : 4096;
        d->post = dl_xrealloc(d->post, d->cappost * sizeof *d->post);
    }
    d->post[d->npost].doc = doc;
    d->post[d->npost].next = s->head;
    s->head = (int)d->npost++;
}

/* ---- adding -------------------------------------------------------------------- */

static int popcount64(uint64_t x) {
    int c = 0;
    while (x) { x &= x - 1; c++; }
    return c;
}

int dl_dedup_add(dl_dedup *d, const char *id, const char *text, size_t len,
                 const char **dup_of, int *group_size) {
    if (d->n == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 1024;
        d->docs = dl_xrealloc(d->docs, (size_t)d->cap * sizeof *d->docs);
        d->gsize = dl_xrealloc(d->gsize, (size_t)d->cap * sizeof *d->gsize);
        d->nsh = dl_xrealloc(d->nsh, (size_t)d->cap * sizeof *d->nsh);
        if (d->o.method == DL_DEDUP_SIMHASH)
            d->sim = dl_xrealloc(d->sim, (size_t)d->cap * sizeof *d->sim);
        else
            d->sig = dl_xrealloc(d->sig, (size_t)d->cap * K_HASHES * sizeof *d->sig);
    }
    int me = d->n++;
    ddoc *doc = &d->docs[me];
    if (id) doc->id = dl_xstrdup(id);
    else {
        char tmp[24];
        snprintf(tmp, sizeof tmp, "#%d", me);
        doc->id = dl_xstrdup(tmp);
    }
    doc->group = me;
    doc->kind = DL_DUP_NONE;
    d->gsize[me] = 1;
    d->nsh[me] = 0;

    size_t nw = text ? text_words(d, text, len) : 0;
    int k = d->o.shingle;
    uint32_t *sig = d->sig ? d->sig + (size_t)me * K_HASHES : NULL;
    uint64_t fp = 0;
    int match = -1, kind = DL_DUP_NONE;
    if (nw > 0) {
        /* exact */
        uint64_t a = 0x6A09E667F3BCC908ULL, b = 0xBB67AE8584CAA73BULL;
        for (size_t i = 0; i < nw; i++) {
            a = mix64(a ^ d->words[i]);
            b = (b ^ d->words[i]) * 0x100000001B3ULL + (b >> 29);
        }
        b = mix64(b ^ nw);
        match = exact_find_or_add(d, a, b, me);
        if (match >= 0) kind = DL_DUP_EXACT;

        /* signature (always: a later near copy may match this one) */
        size_t nsh = nw >= (size_t)k ? nw - (size_t)k + 1 : 1;
        int kk = nw >= (size_t)k ? k : (int)nw;
        d->nsh[me] = nsh > 1000000000 ? 1000000000 : (int)nsh;
        if (sig) {
            for (int j = 0; j < K_HASHES; j++) sig[j] = UINT32_MAX;
            for (size_t i = 0; i < nsh; i++) {
                uint64_t h = shingle_hash(d->words + i, kk);
                for (int j = 0; j < K_HASHES; j++) {
                    uint32_t v = (uint32_t)((h * d->mul[j] + d->add[j]) >> 32);
                    if (v < sig[j]) sig[j] = v;
                }
            }
        } else {
            int acc[64] = {0};
            for (size_t i = 0; i < nsh; i++) {
                uint64_t h = shingle_hash(d->words + i, kk);
                for (int bit = 0; bit < 64; bit++) acc[bit] += (h >> bit) & 1 ? 1 : -1;
            }
            for (int bit = 0; bit < 64; bit++) if (acc[bit] > 0) fp |= 1ULL << bit;
            d->sim[me] = fp;
        }

        /* near: candidates from the bands, best estimated similarity wins */
        int nbands = sig ? BANDS : 4;
        uint64_t keys[BANDS];
        for (int bnd = 0; bnd < nbands; bnd++) {
            uint64_t h = mix64(0xC0FFEEULL + (uint64_t)bnd * 0x9E3779B97F4A7C15ULL);
            if (sig) for (int r = 0; r < ROWS; r++) h = mix64(h ^ sig[bnd * ROWS + r]);
            else h = mix64(h ^ ((fp >> (16 * bnd)) & 0xFFFF));
            keys[bnd] = h;
        }
        if (kind == DL_DUP_NONE) {
            double best = -1;
            int checked[512], nchecked = 0;
            for (int bnd = 0; bnd < nbands; bnd++) {
                key_slot *s = key_slot_get(d, keys[bnd]);
                int seen = 0;
                for (int p = s->head; p >= 0 && seen < MAX_POSTINGS_PER_BAND; p = d->post[p].next, seen++) {
                    int c = d->post[p].doc;
                    int dup = 0;
                    for (int x = 0; x < nchecked; x++) if (checked[x] == c) { dup = 1; break; }
                    if (dup) continue;
                    if (nchecked < (int)(sizeof checked / sizeof checked[0])) checked[nchecked++] = c;
                    double sim;
                    if (sig) {
                        const uint32_t *o = d->sig + (size_t)c * K_HASHES;
                        int eq = 0;
                        for (int j = 0; j < K_HASHES; j++) eq += o[j] == sig[j];
                        sim = (double)eq / K_HASHES;
                        if (sim < d->o.threshold) {
                            /* a short story inside a page that added its own
                             * header and footer: Jaccard is low, but nearly
                             * all of the smaller text is in the larger one.
                             * |A n B| = J (|A| + |B|) / (1 + J). */
                            double a = d->nsh[c], b = d->nsh[me], small = a < b ? a : b;
                            double inter = sim * (a + b) / (1 + sim);
                            if (small < 8 || inter < CONTAINMENT * small) continue;
                        }
                    } else {
                        int dist = popcount64(d->sim[c] ^ fp);
                        if (dist > d->o.max_distance) continue;
                        sim = 1.0 - dist / 64.0;
                    }
                    if (sim > best) { best = sim; match = c; }
                }
            }
            if (match >= 0) kind = DL_DUP_NEAR;
        }
        if (kind != DL_DUP_EXACT)
            for (int bnd = 0; bnd < nbands; bnd++) post_add(d, key_slot_get(d, keys[bnd]), me);
    }
    if (match >= 0) {
        int g = d->docs[match].group;
        doc->group = g;
        doc->kind = kind;
        d->gsize[g]++;
    }
    if (dup_of) *dup_of = doc->group == me ? NULL : d->docs[doc->group].id;
    if (group_size) *group_size = d->gsize[doc->group];
    return me;
}
