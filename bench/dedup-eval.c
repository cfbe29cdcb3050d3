/* dedup-eval.c -- precision/recall of near-duplicate grouping on copies of
 * real stories, and documents per second.
 *
 *   dedup-eval FILE.jsonl.gz [N] [minhash|simhash] [SHINGLE] [THRESHOLD]
 *
 * The first N stories of at least 25 words (text field) are taken as they
 * are; every other one also gets 1-3 copies, each with a site's own header
 * line, a copyright/"read more" footer and 1-3 edited words (a word
 * replaced, deleted, or inserted).  All documents are shuffled (fixed seed)
 * and added to a dl_dedup; the final groups are compared with the true
 * ones pairwise: precision = true pairs among predicted same-group pairs,
 * recall = predicted among true same-group pairs.
 */
#include "ingest/dedup.h"
#include "util/buf.h"
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

typedef struct { char *text; size_t len; int truth; char id[32]; } item;

static uint64_t rng_state = 88172645463325252ULL;
static uint64_t rnd(void) {   /* xorshift64 -- test-tool state, not library state */
    rng_state ^= rng_state << 13; rng_state ^= rng_state >> 7; rng_state ^= rng_state << 17;
    return rng_state;
}

static const char *sites[] = {"The Morning Ledger", "Valley Gazette", "Global Wire Online",
    "Harbor Times", "Capital Post", "Northern Herald", "Metro Daily", "Sun Courier"};
static const char *fill[] = {"reportedly", "also", "still", "however", "officially", "again"};

static char *make_copy(const char *t, size_t n, size_t *out_len) {
    dl_buf b = DL_BUF_INIT;
    const char *site = sites[rnd() % 8];
    dl_buf_printf(&b, "%s | World | Updated %d hours ago\n\n", site, (int)(rnd() % 23) + 1);
    /* words with their spans */
    size_t starts[4096], ends[4096]; int nw = 0;
    size_t i = 0;
    while (i < n && nw < 4096) {
        while (i < n && (t[i] == ' ' || t[i] == '\n' || t[i] == '\t')) i++;
        if (i >= n) break;
        starts[nw] = i;
        while (i < n && !(t[i] == ' ' || t[i] == '\n' || t[i] == '\t')) i++;
        ends[nw++] = i;
    }
    int edits = 1 + (int)(rnd() % 3);
    int pos[3], op[3];
    for (int e = 0; e < edits; e++) { pos[e] = nw ? (int)(rnd() % (uint64_t)nw) : 0; op[e] = (int)(rnd() % 3); }
    for (int w = 0; w < nw; w++) {
        int skip = 0;
        for (int e = 0; e < edits; e++) {
            if (pos[e] != w) continue;
            if (op[e] == 0) { dl_buf_adds(&b, fill[rnd() % 6]); dl_buf_addc(&b, ' '); skip = 1; }  /* replace */
            else if (op[e] == 1) skip = 1;                                                         /* delete */
            else { dl_buf_adds(&b, fill[rnd() % 6]); dl_buf_addc(&b, ' '); }                       /* insert */
        }
        if (!skip) { dl_buf_add(&b, t + starts[w], ends[w] - starts[w]); dl_buf_addc(&b, ' '); }
    }
    dl_buf_printf(&b, "\n\nCopyright 2024 %s. All rights reserved. Read more world news at our site.\n", site);
    *out_len = b.len;
    return dl_buf_take(&b);
}

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: dedup-eval FILE.jsonl.gz [N] [minhash|simhash] [SHINGLE] [THRESHOLD]\n"); return 2; }
    int N = argc > 2 ? atoi(argv[2]) : 2000;
    dl_dedup_opts o = {0};
    if (argc > 3 && !strcmp(argv[3], "simhash")) o.method = DL_DEDUP_SIMHASH;
    if (argc > 4) o.shingle = atoi(argv[4]);
    if (argc > 5) o.threshold = atof(argv[5]);
    gzFile g = gzopen(argv[1], "rb");
    if (!g) { perror(argv[1]); return 2; }
    item *v = NULL; size_t nv = 0, cap = 0;
    static char line[1 << 20];
    int stories = 0;
    while (stories < N && gzgets(g, line, sizeof line)) {
        json_t *j = json_loads(line, 0, NULL);
        const char *t = json_string_value(json_object_get(j, "text"));
        int words = 0;
        for (const char *p = t; p && *p; p++) if (*p == ' ' && p[1] != ' ') words++;
        /* the corpora repeat some stories word for word: take each text once,
         * or the "truth" would call those true copies different stories */
        int again = 0;
        for (size_t q = 0; t && q < nv && !again; q++)
            again = !strcmp(v[q].id + strlen(v[q].id) - 3, "-c0") && !strcmp(v[q].text, t);
        if (t && words >= 25 && !again) {
            size_t tl = strlen(t);
            int copies = stories % 2 ? 1 + (int)(rnd() % 3) : 0;
            for (int c = 0; c <= copies; c++) {
                if (nv == cap) { cap = cap ? cap * 2 : 1024; v = realloc(v, cap * sizeof *v); }
                item *it = &v[nv++];
                it->truth = stories;
                snprintf(it->id, sizeof it->id, "s%d-c%d", stories, c);
                if (c == 0) { it->text = strdup(t); it->len = tl; }
                else it->text = make_copy(t, tl, &it->len);
            }
            stories++;
        }
        json_decref(j);
    }
    gzclose(g);
    for (size_t i = nv; i > 1; i--) { size_t k = rnd() % i; item t = v[i - 1]; v[i - 1] = v[k]; v[k] = t; }
    dl_dedup *d = dl_dedup_new(&o);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (size_t i = 0; i < nv; i++) dl_dedup_add(d, v[i].id, v[i].text, v[i].len, NULL, NULL);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    /* pairwise counts via (predicted group, truth) cells; the group's first
     * id names the predicted group: map it back to its index */
    long long pred_pairs = 0, true_pairs = 0, tp = 0;
    int *pg = malloc(nv * sizeof *pg);
    for (size_t i = 0; i < nv; i++) {
        const char *first; int size;
        dl_dedup_group(d, (int)i, &first, &size);
        pg[i] = -1;
        for (size_t k = 0; k < nv; k++) if (!strcmp(v[k].id, first)) { pg[i] = (int)k; break; }
    }
    int shown = 0, verbose = getenv("DEDUP_VERBOSE") != NULL;
    for (size_t i = 0; i < nv; i++)
        for (size_t k = i + 1; k < nv; k++) {
            int same_p = pg[i] == pg[k], same_t = v[i].truth == v[k].truth;
            if (verbose && same_p && !same_t && shown++ < 6)
                printf("false pair:\n  %.300s\n  %.300s\n", v[i].text, v[k].text);
            pred_pairs += same_p; true_pairs += same_t; tp += same_p && same_t;
        }
    printf("%s k=%d: %zu docs from %d stories; precision %.3f recall %.3f; %.0f docs/s\n",
           o.method ? "simhash" : "minhash", o.shingle ? o.shingle : 3, nv, stories,
           pred_pairs ? (double)tp / pred_pairs : 1.0, true_pairs ? (double)tp / true_pairs : 1.0,
           secs > 0 ? nv / secs : 0);
    dl_dedup_free(d);
    for (size_t i = 0; i < nv; i++) free(v[i].text);
    free(v); free(pg);
    return 0;
}
