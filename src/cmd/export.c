/* export.c -- `dateline export --db PATH --format FMT [FILTERS]`: write the
 * stored events (or, for GKG, the articles reporting them) in GDELT 2.0,
 * PLOVER or CSV form to stdout or --output.  See docs/export.md. */
#include "cmd.h"
#include "../store/export.h"
#include "../store/store.h"
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const export_help =
    "usage: dateline export --format FMT [OPTIONS]\n"
    "\n"
    "Write the stored events in another format, to stdout or --output.\n"
    "\n"
    "  --format FMT     gdelt-events    GDELT 2.0 Event table, 61 tab-separated columns\n"
    "                   gdelt-mentions  GDELT 2.0 Mentions table, 16 columns\n"
    "                   gdelt-gkg       GDELT GKG 2.1, 27 fields, one record per article\n"
    "                   plover          PLOVER JSON lines, one event per line\n"
    "                   csv             the events table with a header line\n"
    "  --db PATH        database (default: dateline.db)\n"
    "  -o, --output F   write to F instead of stdout\n"
    "  --source, --target, --actor, --code, --root, --quad, --plover, --since,\n"
    "  --until, --place, --text   filters, as for `dateline query`\n"
    "  -h, --help       this help\n"
    "\n"
    "GDELT files have no header line; see docs/export.md for how each column is filled.\n";

int cmd_export(int argc, char **argv) {
    enum { O_FORMAT = 256, O_DB };
    static const struct option opts[] = {
        {"db", required_argument, NULL, O_DB},
        {"format", required_argument, NULL, O_FORMAT},
        {"output", required_argument, NULL, 'o'},
        DL_FILTER_OPTIONS,
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    dl_query q = {0};
    const char *db_path = "dateline.db", *output = NULL;
    int format = -1, c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:h", opts, NULL)) != -1) {
        switch (c) {
        case O_DB: db_path = optarg; break;
        case 'o': output = optarg; break;
        case O_FORMAT:
            format = dl_export_format(optarg);
            if (format < 0) {
                dl_die_usage("export", "unknown format '%s' (gdelt-events, gdelt-mentions, gdelt-gkg, plover, csv)",
                             optarg);
                return 2;
            }
            break;
        case 'h': fputs(export_help, stdout); return 0;
        default: {
            int r = dl_filter_option("export", c, optarg, &q);
            if (r == 1) break;
            if (r == 0) dl_die_usage("export", "bad option");
            return 2;
        }
        }
    }
    if (format < 0) { dl_die_usage("export", "--format is required"); return 2; }
    if (optind < argc) { dl_die_usage("export", "unexpected argument '%s'", argv[optind]); return 2; }
    char *err = NULL;
    dl_store *st = dl_store_open(db_path, DL_STORE_READ, &err);
    if (!st) {
        fprintf(stderr, "dateline: %s\n", err);
        free(err);
        return 3;
    }
    FILE *out = stdout;
    if (output && !(out = fopen(output, "w"))) {
        fprintf(stderr, "dateline: %s: cannot write\n", output);
        dl_store_close(st);
        return 3;
    }
    long n = dl_export(dl_store_db(st), format, &q, out, &err);
    int status = 0;
    if (n < 0) {
        int usage = err && (!strncmp(err, "bad ", 4) || strstr(err, "fts5"));
        fprintf(stderr, "dateline export: %s\n", err ? err : "failed");
        status = usage ? 2 : 3;
    }
    if (fflush(out) != 0 || (out != stdout && fclose(out) != 0)) {
        fprintf(stderr, "dateline: %s: write error\n", output ? output : "stdout");
        status = 3;
    }
    free(err);
    dl_store_close(st);
    return status;
}
