/* ingest.c -- `dateline ingest [FILES|-] --db PATH`: run the whole pipeline
 * and keep the results in the SQLite store (src/store/store.h).
 *
 * Articles are read and analysed in parallel by dl_run (core/run.h), which
 * hands them back in input order; every --batch articles are stored in one
 * transaction.  A kill at any moment loses at most the transaction in
 * flight, and running the same command again stores exactly what is
 * missing: articles already stored are skipped by id, and records that could
 * not be read are recorded in input_errors, once.
 */
#include "cmd.h"
#include "../core/run.h"
#include "../text/text.h"
#include "../core/doc.h"
#include "../ingest/reader.h"
#include "../store/store.h"
#include "../util/arena.h"
#include "../util/buf.h"
#include <dirent.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static const char *const ingest_help =
    "usage: dateline ingest [OPTIONS] [FILES|DIRS|-]\n"
    "\n"
    "Analyse news articles and store them, with their actors, events, quotations,\n"
    "counts and places, in a SQLite database; the same event reported by several\n"
    "articles becomes one event with mention, source and article counts.\n"
    "Inputs as for `dateline code`.  Running it again on the same input adds\n"
    "nothing; after an interruption it stores what is missing.\n"
    "\n"
    "  --db PATH           database (default: dateline.db); created if absent\n"
    "  --format FMT        force the input format: text, jsonl, html, warc\n"
    "  --today YYYY-MM-DD  latest date the weekday rule may pick (default: today)\n"
    "  -j, --jobs N        analyse with N threads (default: number of cores)\n"
    DL_RUN_HELP
    "  --batch N           articles per transaction (default: 256)\n"
    DL_DICT_HELP
    "  -q, --quiet         no progress bar and no summary line\n"
    "  -h, --help          this help\n"
    "\n"
    "A progress bar goes to stderr when it is a terminal; the run ends with a\n"
    "summary line of counts.  Exit status: 0 all input read, 1 some input was\n"
    "bad (recorded in the input_errors table), 2 usage error, 3 database error.\n";

/* What emit and on_error (called by dl_run on this thread) need. */
typedef struct ingest {
    dl_store *st;
    dl_reader *r;
    long batch_size, in_tx;   /* articles per transaction, articles in the open one */
    long articles, input_errors;
    int prog_on;
    char *err;                /* first database error: stops the run */
    struct progress *prog;
} ingest;

/* ---- progress ---- */

/* Uncompressed size of a gzip file from its trailer (ISIZE, mod 2^32;
 * exact for one member under 4 GB, which is the common case). */
static long long gzip_size(const char *path, long long fallback) {
    int fd = open(path, O_RDONLY);
    if (fd < 0) return fallback;
    unsigned char magic[2], tail[4];
    long long n = fallback;
    struct stat sb;
    if (read(fd, magic, 2) == 2 && magic[0] == 0x1f && magic[1] == 0x8b && fstat(fd, &sb) == 0 &&
        sb.st_size >= 18 && pread(fd, tail, 4, sb.st_size - 4) == 4) {
        uint32_t isize = (uint32_t)tail[0] | (uint32_t)tail[1] << 8 | (uint32_t)tail[2] << 16 | (uint32_t)tail[3] << 24;
        n = isize;
        if (n < fallback) n += 4294967296LL;   /* compressed larger than ISIZE: wrapped */
    }
    close(fd);
    return n;
}

/* Bytes of input under path (what the reader will count), or -1 if unknown. */
static long long input_size(const char *path, int depth) {
    if (!strcmp(path, "-")) return -1;
    struct stat sb;
    if (stat(path, &sb) != 0) return 0;
    if (S_ISREG(sb.st_mode)) return gzip_size(path, sb.st_size);
    if (!S_ISDIR(sb.st_mode) || depth > 32) return 0;
    DIR *d = opendir(path);
    if (!d) return 0;
    long long total = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.') continue;
        char sub[4096];
        snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
        long long n = input_size(sub, depth + 1);
        if (n < 0) { total = -1; break; }
        total += n;
    }
    closedir(d);
    return total;
}

typedef struct progress {
    int on;
    long long total;      /* bytes, -1 unknown */
    struct timespec t0, last;
} progress;

static double since(struct timespec a, struct timespec b) {
    return (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
}

static void progress_show(progress *p, long articles, long long bytes, int final) {
    if (!p->on) return;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    if (!final && since(p->last, now) < 0.25) return;
    p->last = now;
    double secs = since(p->t0, now);
    double rate = secs > 0 ? (double)articles / secs : 0;
    char line[160];
    if (p->total > 0) {
        double frac = (double)bytes / (double)p->total;
        if (frac > 1) frac = 1;
        int width = 24, fill = (int)(frac * width);
        char bar[32];
        for (int i = 0; i < width; i++) bar[i] = i < fill ? '#' : '-';
        bar[width] = 0;
        double eta = frac > 0 ? secs / frac - secs : 0;
        snprintf(line, sizeof line, "[%s] %3.0f%%  %ld articles  %.0f/s  ETA %d:%02d", bar, frac * 100, articles,
                 rate, (int)eta / 60, (int)eta % 60);
    } else {
        snprintf(line, sizeof line, "%ld articles  %.1f MB  %.0f/s", articles, (double)bytes / 1e6, rate);
    }
    fprintf(stderr, "\r%-72s", line);
    if (final) fprintf(stderr, "\r%-72s\r", "");
    fflush(stderr);
}

static void progress_show(progress *p, long articles, long long bytes, int final);

static void on_error(void *user, const dl_article *art) {
    ingest *in = user;
    fprintf(stderr, "%sdateline: %s\n", in->prog_on ? "\r\033[K" : "", art->error);
    in->input_errors++;
    if (!in->err && dl_store_add_error(in->st, art->origin, art->line, art->offset, art->error, &in->err) == 0)
        in->in_tx++;
}

static int emit(void *user, const dl_article *art, json_t *obj, const char *line, const char *text,
                size_t text_len) {
    ingest *in = user;
    (void)line; (void)art;
    if (in->err) return 1;
    if (!obj) return 0;
    /* text: the cleaned text the offsets in obj refer to (dl_run keep_text) */
    if (dl_store_add(in->st, obj, text ? text : "", text_len, &in->err) < 0) return 1;
    in->articles++;
    if (++in->in_tx >= in->batch_size) {
        if (dl_store_commit(in->st, &in->err)) return 1;
        in->in_tx = 0;
        progress_show(in->prog, in->articles, dl_reader_stats_get(in->r)->bytes, 0);
    }
    return 0;
}

/* ---- the command ---- */

int cmd_ingest(int argc, char **argv) {
    static const struct option opts[] = {
        {"db", required_argument, NULL, 'd'},
        DL_RUN_OPTIONS,
        {"batch", required_argument, NULL, 'b'},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *db_path = "dateline.db";
    int quiet = 0;
    long batch_size = 256;
    dl_run_args ra;
    dl_run_args_init(&ra);
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "j:qh", opts, NULL)) != -1) {
        switch (c) {
        case 'd': db_path = optarg; break;
        case 'b':
            batch_size = atol(optarg);
            if (batch_size < 1 || batch_size > 100000) {
                dl_die_usage("ingest", "bad --batch value '%s'", optarg);
                return 2;
            }
            break;
        case 'q': quiet = 1; break;
        case 'h': fputs(ingest_help, stdout); return 0;
        default: {
            int r = dl_run_option("ingest", c, optarg, &ra);
            if (r == 1) break;
            if (r == 0) dl_die_usage("ingest", "bad option");
            return 2;
        }
        }
    }
    char *err = NULL;
    dl_store *st = dl_store_open(db_path, DL_STORE_WRITE, &err);
    if (!st) {
        fprintf(stderr, "dateline: %s\n", err);
        free(err);
        return 3;
    }
    dl_ctx ctx;
    dl_reader *r = NULL;
    int rc = dl_run_setup("ingest", argv, optind, argc, &ra, &ctx, &r);
    if (rc) {
        dl_store_close(st);
        return rc;
    }

    progress prog = {0};
    prog.on = !quiet && isatty(STDERR_FILENO);
    if (prog.on) {
        prog.total = 0;
        if (optind >= argc) prog.total = -1;      /* stdin: size unknown */
        for (int i = optind; i < argc && prog.total >= 0; i++) {
            long long n = input_size(argv[i], 0);
            prog.total = n < 0 ? -1 : prog.total + n;
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &prog.t0);
    prog.last = prog.t0;

    ingest in = {0};
    in.st = st;
    in.r = r;
    in.batch_size = batch_size;
    in.prog_on = prog.on;
    in.prog = &prog;
    dl_run_opts ro = {0};
    ro.jobs = ra.jobs;
    ro.keep_text = 1;
    dl_run_stats run_stats;
    int failed = dl_run(&ctx, r, &ro, emit, on_error, &in, &run_stats) < 0 && !in.err;
    if (failed) in.err = dl_xstrdup("out of memory");
    if (!in.err) dl_store_commit(st, &in.err);
    failed = in.err != NULL;
    err = in.err;
    /* pages without an article body are recorded like input errors (the
     * input_errors table says which) but, as for code, counted apart and
     * alone they do not make the exit status 1 */
    long articles = in.articles, no_body = run_stats.no_body, input_errors = in.input_errors - no_body;
    progress_show(&prog, articles, dl_reader_stats_get(r)->bytes, 1);
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = since(prog.t0, t1);
    const dl_reader_stats *rs = dl_reader_stats_get(r);
    int status = 0;
    if (failed) {
        fprintf(stderr, "dateline: %s: %s\n", db_path, err ? err : "database error");
        dl_store_rollback(st);
        status = 3;
    } else {
        dl_buf inputs = DL_BUF_INIT;
        for (int i = optind; i < argc; i++) {
            if (i > optind) dl_buf_addc(&inputs, ' ');
            dl_buf_adds(&inputs, argv[i]);
        }
        if (optind >= argc) dl_buf_adds(&inputs, "-");
        if (dl_store_log_run(st, inputs.p, secs, &err)) {
            fprintf(stderr, "dateline: %s: %s\n", db_path, err);
            status = 3;
        }
        dl_buf_free(&inputs);
        const dl_store_counts *k = dl_store_counts_get(st);
        char nobody[64] = "";
        if (no_body) snprintf(nobody, sizeof nobody, ", %ld page(s) without an article body", no_body);
        if (!quiet)
            fprintf(stderr,
                    "dateline: %ld article(s) read: %ld stored, %ld already present, %ld duplicate(s); "
                    "%ld input error(s)%s; %ld event mention(s), %ld new event(s) -> %s; "
                    "%.1f MB in %.2f s (%.2f MB/s, %.0f articles/s)\n",
                    articles, k->added, k->present, k->duplicates, input_errors, nobody, k->mentions,
                    k->new_events, db_path, (double)rs->bytes / 1e6, secs,
                    secs > 0 ? (double)rs->bytes / 1e6 / secs : 0.0, secs > 0 ? (double)articles / secs : 0.0);
        if (!status && input_errors) status = 1;
    }
    free(err);
    dl_reader_free(r);
    dl_store_close(st);
    dl_ctx_free(&ctx);
    return status;
}
