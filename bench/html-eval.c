/* html-eval.c -- word-bag precision/recall/F1 of dl_html_extract() against
 * gold text, as the article-extraction benchmarks compute it: per page,
 * the multiset of lower-cased word tokens of the extraction is compared with
 * the gold's; the page's P, R and F1 are averaged over pages.
 *
 *   html-eval DRAGNET_DIR [ids.txt] [-v] [-d OUTDIR]
 *
 * DRAGNET_DIR holds HTML/<id>.html.gz and Corrected/<id>.html.corrected.txt;
 * gold text ends at the "!@#$%^&*()  COMMENTS" line (what follows is user
 * comments, not the article).  Without ids.txt every page is evaluated.
 * Prints P R F1, pages, and the extraction speed (MB of HTML per second,
 * parse + extract, one thread).  -d writes each page's extracted text to
 * OUTDIR/<id>.txt, for looking at what was kept.
 */
#include "ingest/html.h"
#include "ingest/charset.h"
#include "util/buf.h"
#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <zlib.h>

/* Where the article ends in a gold file: the line holding the
 * "!@#$%^&*()  COMMENTS" marker.  It is written with one to three spaces
 * or a tab, a few times as "!@ $%^&*()", and four times with another word
 * or none ("CORRECTED", "COMMNENTS", "") before the readers' comments; the
 * "$%^&*()" part is what they share. */
static size_t gold_end(const char *g, size_t n) {
    const char *p = memmem(g, n, "$%^&*()", 7);
    if (!p) return n;
    while (p > g && p[-1] != '\n') p--;
    return (size_t)(p - g);
}

static int read_gz(const char *path, dl_buf *b) {
    gzFile g = gzopen(path, "rb");
    if (!g) return -1;
    char tmp[65536];
    int n;
    while ((n = gzread(g, tmp, sizeof tmp)) > 0) dl_buf_add(b, tmp, (size_t)n);
    gzclose(g);
    return 0;
}

typedef struct { char **w; size_t n, cap; } bag;

static void tokens(const char *s, size_t n, bag *b) {
    size_t i = 0;
    while (i < n) {
        while (i < n && !(isalnum((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80)) i++;
        size_t st = i;
        while (i < n && (isalnum((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80)) i++;
        if (i > st) {
            if (b->n == b->cap) { b->cap = b->cap ? b->cap * 2 : 256; b->w = realloc(b->w, b->cap * sizeof *b->w); }
            char *t = strndup(s + st, i - st);
            for (char *p = t; *p; p++) *p = (char)tolower((unsigned char)*p);
            b->w[b->n++] = t;
        }
    }
}

static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static size_t common(bag *a, bag *b) {
    if (a->n) qsort(a->w, a->n, sizeof *a->w, cmp);
    if (b->n) qsort(b->w, b->n, sizeof *b->w, cmp);
    size_t i = 0, j = 0, c = 0;
    while (i < a->n && j < b->n) {
        int r = strcmp(a->w[i], b->w[j]);
        if (r == 0) { c++; i++; j++; } else if (r < 0) i++; else j++;
    }
    return c;
}

static void bag_free(bag *b) { for (size_t i = 0; i < b->n; i++) free(b->w[i]); free(b->w); }

static void art_free(dl_article *a) {
    free(a->text); free(a->title); free(a->published); free(a->author); free(a->site);
    free(a->url); free(a->language); free(a->kind); free(a->error);
    memset(a, 0, sizeof *a);
}

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: html-eval DRAGNET_DIR [ids.txt] [-v]\n"); return 2; }
    const char *dir = argv[1];
    int verbose = 0;
    const char *idfile = NULL, *outdir = NULL;
    for (int i = 2; i < argc; i++) {
        if (!strcmp(argv[i], "-v")) verbose = 1;
        else if (!strcmp(argv[i], "-d") && i + 1 < argc) outdir = argv[++i];
        else idfile = argv[i];
    }
    char **ids = NULL; size_t nids = 0, capids = 0;
    char line[4096];
    if (idfile) {
        FILE *f = fopen(idfile, "r");
        if (!f) { perror(idfile); return 2; }
        while (fgets(line, sizeof line, f)) {
            line[strcspn(line, "\r\n")] = 0;
            if (!line[0]) continue;
            if (nids == capids) { capids = capids ? capids * 2 : 512; ids = realloc(ids, capids * sizeof *ids); }
            ids[nids++] = strdup(line);
        }
        fclose(f);
    } else {
        char p[4096];
        snprintf(p, sizeof p, "%s/HTML", dir);
        DIR *d = opendir(p);
        if (!d) { perror(p); return 2; }
        struct dirent *e;
        while ((e = readdir(d))) {
            size_t l = strlen(e->d_name);
            if (l < 9 || strcmp(e->d_name + l - 8, ".html.gz")) continue;
            if (nids == capids) { capids = capids ? capids * 2 : 512; ids = realloc(ids, capids * sizeof *ids); }
            ids[nids++] = strndup(e->d_name, l - 8);
        }
        closedir(d);
        qsort(ids, nids, sizeof *ids, cmp);
    }
    double sp = 0, sr = 0, sf = 0, secs = 0;
    long long bytes = 0;
    long pages = 0, nobody = 0;
    for (size_t k = 0; k < nids; k++) {
        char p[4096];
        dl_buf html = DL_BUF_INIT, gold = DL_BUF_INIT;
        snprintf(p, sizeof p, "%s/HTML/%s.html.gz", dir, ids[k]);
        if (read_gz(p, &html)) { fprintf(stderr, "%s: cannot read\n", p); continue; }
        snprintf(p, sizeof p, "%s/Corrected/%s.html.corrected.txt", dir, ids[k]);
        if (read_gz(p, &gold)) { fprintf(stderr, "%s: cannot read\n", p); dl_buf_free(&html); continue; }
        /* some gold files are UTF-16 (with BOM), a few are cp1252 */
        if (gold.len >= 2 && ((unsigned char)gold.p[0] == 0xFF || (unsigned char)gold.p[0] == 0xFE)) {
            size_t ul;
            char *u = dl_to_utf8(gold.p, gold.len, "UTF-16", &ul, NULL);
            dl_buf_free(&gold);
            gold.p = u; gold.len = gold.cap = ul;
        } else if (gold.len) {
            char cs[40];
            dl_html_charset(gold.p, gold.len, "utf-8", cs);
            if (strcasecmp(cs, "UTF-8")) {
                size_t ul;
                char *u = dl_to_utf8(gold.p, gold.len, cs, &ul, NULL);
                dl_buf_free(&gold);
                gold.p = u; gold.len = gold.cap = ul;
            }
        }
        size_t glen = gold.p ? gold_end(gold.p, gold.len) : 0;
        dl_article a = {0};
        char *err = NULL;
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        int rc = dl_html_extract(html.p, html.len, NULL, &a, &err);
        clock_gettime(CLOCK_MONOTONIC, &t1);
        secs += (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
        bytes += (long long)html.len;
        bag ex = {0}, gb = {0};
        if (rc == 0) tokens(a.text, a.text_len, &ex); else nobody++;
        if (outdir) {
            snprintf(p, sizeof p, "%s/%s.txt", outdir, ids[k]);
            FILE *o = fopen(p, "w");
            if (o) {
                if (rc == 0) fwrite(a.text, 1, a.text_len, o);
                fclose(o);
            }
        }
        tokens(gold.p ? gold.p : "", glen, &gb);
        size_t c = common(&ex, &gb);
        double P, R, F;
        if (ex.n == 0 && gb.n == 0) P = R = F = 1;
        else {
            P = ex.n ? (double)c / (double)ex.n : 0;
            R = gb.n ? (double)c / (double)gb.n : 0;
            F = P + R > 0 ? 2 * P * R / (P + R) : 0;
        }
        if (verbose) printf("%s\t%.3f\t%.3f\t%.3f\t%zu\t%zu\n", ids[k], P, R, F, ex.n, gb.n);
        sp += P; sr += R; sf += F; pages++;
        bag_free(&ex); bag_free(&gb);
        free(err);
        art_free(&a);
        dl_buf_free(&html); dl_buf_free(&gold);
    }
    if (!pages) { fprintf(stderr, "no pages\n"); return 1; }
    printf("pages %ld  precision %.3f  recall %.3f  F1 %.3f  no-body %ld  %.1f MB/s\n",
           pages, sp / pages, sr / pages, sf / pages, nobody, secs > 0 ? bytes / secs / 1e6 : 0);
    for (size_t k = 0; k < nids; k++) free(ids[k]);
    free(ids);
    return 0;
}
