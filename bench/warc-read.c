/* warc-read.c -- read WARC files to the end with dl_warc (HTML extraction
 * included) and print records/s and MB/s of decompressed input. */
#include "ingest/warc.h"
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(int argc, char **argv) {
    long ok = 0, skipped = 0, errors = 0;
    long long bytes = 0;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (int i = 1; i < argc; i++) {
        char *err = NULL;
        dl_warc *w = dl_warc_open(argv[i], -1, &err);
        if (!w) { fprintf(stderr, "%s: %s\n", argv[i], err); free(err); continue; }
        dl_article a = {0};
        while (dl_warc_next(w, &a) != DL_READ_EOF) dl_article_clear(&a);
        long r, s, e;
        dl_warc_counts(w, &r, &s, &e);
        ok += r; skipped += s; errors += e;
        bytes += dl_warc_bytes(w);
        dl_warc_close(w);
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    long all = ok + skipped + errors;
    printf("warc: %ld records (%ld articles, %ld skipped, %ld errors), %.1f MB in %.2f s: %.0f records/s, %.1f MB/s\n",
           all, ok, skipped, errors, bytes / 1e6, secs, secs > 0 ? all / secs : 0, secs > 0 ? bytes / 1e6 / secs : 0);
    return 0;
}
