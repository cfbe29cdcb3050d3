/* bench.h -- what the speed benchmarks (actors-, events-, know-bench.c)
 * share: a monotonic clock, and the "text" fields of a JSON-lines file
 * read into memory before any timing starts.  Header-only because each
 * benchmark is built from its one .c file by its script (actors.sh,
 * events.sh, know.sh). */
#ifndef DL_BENCH_H
#define DL_BENCH_H
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The texts of path's records (lines without a "text" string are skipped)
 * in *texts, their number in *n and total length in *bytes.  Returns -1
 * (after perror) when the file cannot be opened. */
static int bench_load_texts(const char *path, char ***texts, size_t *n, size_t *bytes) {
    FILE *f = fopen(path, "r");
    if (!f) { perror(path); return -1; }
    *texts = NULL;
    *n = *bytes = 0;
    char *line = NULL;
    size_t cap = 0;
    while (getline(&line, &cap, f) > 0) {
        json_t *o = json_loads(line, 0, NULL);
        const char *t = o ? json_string_value(json_object_get(o, "text")) : NULL;
        if (t) {
            *texts = realloc(*texts, (*n + 1) * sizeof **texts);
            (*texts)[(*n)++] = strdup(t);
            *bytes += strlen(t);
        }
        json_decref(o);
    }
    free(line);
    fclose(f);
    return 0;
}

static void bench_free_texts(char **texts, size_t n) {
    for (size_t i = 0; i < n; i++) free(texts[i]);
    free(texts);
}

#endif
