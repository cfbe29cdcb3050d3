/* code.c -- `dateline code [FILES|-]`: the Unix-filter core.
 *
 * Reads articles (see reader.h), analyses each with every loaded stage and
 * writes one JSON object per line, in input order.  With -j N, articles are
 * analysed by N threads (core/run.c); output order and content do not
 * depend on N, and memory is bounded by the batch size, not the input size.
 * A summary line goes to stderr at the end; records that could not be read
 * are reported there and one per line as "dateline: FILE:LINE: message".
 * Web pages that hold no article body are reported the same way ("no
 * article body") but counted apart: the input was read, it has no story,
 * and that alone does not make the exit status 1.
 */
#include "cmd.h"
#include "../core/doc.h"
#include "../core/run.h"
#include "../ingest/reader.h"
#include "../ingest/dedup.h"
#include "../util/jsonw.h"
#include "../util/arena.h"
#include "../compat/tabari.h"
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static const char *const code_help =
    "usage: dateline code [OPTIONS] [FILES|DIRS|-]\n"
    "\n"
    "Analyse news articles and write one JSON object per article to stdout.\n"
    "Inputs: plain text (one article per file), JSON lines (.jsonl/.ndjson/.json),\n"
    "HTML pages, WARC archives, each optionally gzipped; directories are read\n"
    "recursively; '-' (or no file) reads standard input.\n"
    "\n"
    "  --sentences         include each sentence's text\n"
    "  --format FMT        force the input format: text, jsonl, html, warc\n"
    "  --today YYYY-MM-DD  latest date the weekday rule may pick (default: today)\n"
    "  -j, --jobs N        analyse with N threads (default: number of cores)\n"
    DL_RUN_HELP
    "  --no-summary        do not print the summary line on stderr\n"
    "  --discard           analyse but write nothing (for benchmarks)\n"
    DL_DICT_HELP
    "  --dedup             mark copies of one story: \"duplicate_of\" (the first\n"
    "                      copy's id) and \"duplicate\" {of, kind, group_size so far}\n"
    "  --tabari PROJECT    TABARI compatibility mode: code TABARI text records\n"
    "                      (FILES, or the project's <textfile>) with the\n"
    "                      dictionaries and options the project file names;\n"
    "                      one JSON object per record (docs/compat-tabari.md)\n"
    "  -h, --help          this help\n"
    "\n"
    "Exit status: 0 all input read (pages without an article body are counted\n"
    "apart and are not bad input), 1 some input was bad, 2 usage error.\n";

/* --tabari: the TABARI compatibility mode (src/compat/tabari.c). */
static int code_tabari(const char *project, char **files, int nfiles, int summary)
{
    char *err = NULL;
    dl_tabari *t = dl_tabari_load(project, &err);
    if (!t) {
        fprintf(stderr, "dateline: %s\n", err ? err : project);
        free(err);
        return 1;
    }
    long records = 0, events = 0;
    int rc = dl_tabari_code_files(t, files, nfiles, stdout, &records, &events);
    dl_tabari_free(t);
    if (rc == 2)
        dl_die_usage("code", "--tabari: no FILES and no <textfile> in %s", project);
    else if (summary)
        fprintf(stderr, "dateline: %ld TABARI record(s) coded, %ld event(s)\n", records, events);
    return rc;
}

typedef struct emitter {
    dl_dedup *dedup;     /* --dedup: group copies of one story, else NULL */
    long duplicates;     /* articles marked as copies */
    dl_buf line;
} emitter;

/* Runs on the main thread, in input order: the place for state that spans
 * articles, such as duplicate detection. */
static int emit_line(void *user, const dl_article *art, json_t *obj, const char *line, const char *text,
                     size_t text_len) {
    emitter *em = user;
    (void)text; (void)text_len;
    if (em->dedup && obj) {
        const char *dup = NULL;
        int size = 1;
        const char *id = json_string_value(json_object_get(obj, "id"));
        int index = dl_dedup_add(em->dedup, id, art->text ? art->text : "", art->text_len, &dup, &size);
        if (dup) {
            int kind = dl_dedup_kind(em->dedup, index);
            json_t *d = json_object();
            json_object_set_new(d, "of", json_string(dup));
            json_object_set_new(d, "kind", json_string(kind == DL_DUP_EXACT ? "exact" : "near"));
            json_object_set_new(d, "group_size", json_integer(size));
            json_object_set_new(obj, "duplicate_of", json_string(dup));
            json_object_set_new(obj, "duplicate", d);
            em->duplicates++;
        }
        dl_buf_clear(&em->line);
        dl_json_write(&em->line, obj);
        line = em->line.p;
    }
    if (line) { fputs(line, stdout); fputc('\n', stdout); }
    return 0;
}

static void report_error(void *user, const dl_article *art) {
    (void)user;
    fprintf(stderr, "dateline: %s\n", art->error);
}

int cmd_code(int argc, char **argv) {
    static const struct option opts[] = {
        {"sentences", no_argument, NULL, 's'},
        DL_RUN_OPTIONS,
        {"no-summary", no_argument, NULL, 'q'},
        {"discard", no_argument, NULL, 'D'},
        {"dedup", no_argument, NULL, 'U'},
        {"tabari", required_argument, NULL, 'T'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    int sentence_text = 0, summary = 1, discard = 0, dedup = 0;
    const char *tabari = NULL;
    dl_run_args ra;
    dl_run_args_init(&ra);
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "j:h", opts, NULL)) != -1) {
        switch (c) {
        case 's': sentence_text = 1; break;
        case 'q': summary = 0; break;
        case 'D': discard = 1; break;
        case 'U': dedup = 1; break;
        case 'T': tabari = optarg; break;
        case 'h': fputs(code_help, stdout); return 0;
        default: {
            int r = dl_run_option("code", c, optarg, &ra);
            if (r == 1) break;
            if (r == 0) dl_die_usage("code", "bad option");
            return 2;
        }
        }
    }
    if (tabari)
        return code_tabari(tabari, argv + optind, argc - optind, summary);
    dl_ctx ctx;
    dl_reader *r = NULL;
    int rc = dl_run_setup("code", argv, optind, argc, &ra, &ctx, &r);
    if (rc) return rc;
    ctx.sentence_text = sentence_text;

    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    /* With --dedup the main thread adds fields and serialises; otherwise
     * the workers serialise. */
    emitter em = {dedup ? dl_dedup_new(NULL) : NULL, 0, DL_BUF_INIT};
    dl_run_opts ro = {ra.jobs, !dedup, discard, 0};
    dl_run_stats rs;
    dl_run(&ctx, r, &ro, emit_line, report_error, &em, &rs);
    if (em.dedup) dl_dedup_free(em.dedup);
    dl_buf_free(&em.line);
    long articles = rs.articles, errors = rs.errors, warnings = rs.warnings;
    fflush(stdout);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    const dl_reader_stats *st = dl_reader_stats_get(r);
    /* pages without a body: the run's (extracted by its workers) and the
     * reader's (were it to extract any itself) */
    long no_body = rs.no_body + st->no_body;
    errors -= st->no_body;   /* the reader returned those as read errors */
    char nobody[64] = "";
    if (no_body) snprintf(nobody, sizeof nobody, ", %ld page(s) without an article body", no_body);
    char dupnote[48] = "";
    if (dedup) snprintf(dupnote, sizeof dupnote, " (%ld marked as duplicates)", em.duplicates);
    if (summary)
        fprintf(stderr, "dateline: %ld article(s) coded%s, %ld input error(s)%s, %ld skipped record(s), %ld warning(s); "
                        "%.1f MB in %.2f s (%.1f MB/s, %.0f articles/s)\n",
                articles, dupnote, errors, nobody, st->skipped, warnings, (double)st->bytes / 1e6, secs,
                secs > 0 ? (double)st->bytes / 1e6 / secs : 0.0, secs > 0 ? (double)articles / secs : 0.0);
    dl_reader_free(r);
    dl_ctx_free(&ctx);
    return errors ? 1 : 0;
}
