/* query.c -- `dateline query --db PATH [FILTERS]`: list stored events.
 *
 * The default output is a summary of the database followed by an aligned
 * table of the most reported events; --format jsonl|csv|tsv gives every
 * column, one event per line, for programs.
 */
#include "cmd.h"
#include "../store/query.h"
#include "../store/store.h"
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const query_help =
    "usage: dateline query [OPTIONS]\n"
    "\n"
    "List the events stored by `dateline ingest`, most reported first.\n"
    "\n"
    "  --db PATH          database (default: dateline.db)\n"
    "  --source CODE      source actor: CAMEO code prefix (USA matches USAGOV) or name\n"
    "  --target CODE      target actor, as --source\n"
    "  --actor CODE       source or target\n"
    "  --code CODE        CAMEO event code prefix (04 matches 040..0499)\n"
    "  --root NN          CAMEO root code, 01..20\n"
    "  --quad N           QuadClass: 1 verbal coop, 2 material coop, 3 verbal conflict,\n"
    "                     4 material conflict\n"
    "  --plover TYPE      PLOVER event type (e.g. CONSULT, PROTEST)\n"
    "  --since DATE       events dated DATE or later (YYYY[-MM[-DD]])\n"
    "  --until DATE       events dated DATE or earlier (2022-11 includes all November)\n"
    "  --place NAME       event place or its country, or the dateline of a report\n"
    "  --text QUERY       events reported by articles matching this full-text query\n"
    "                     (SQLite FTS5 syntax: words, \"phrases\", AND/OR/NOT, prefix*)\n"
    "  --limit N          at most N events (default: all)\n"
    "  --format FMT       table (default), jsonl, csv or tsv\n"
    "  --no-summary       table only, without the database summary\n"
    "  -h, --help         this help\n";

int cmd_query(int argc, char **argv) {
    enum { O_LIMIT = 256, O_FORMAT, O_DB, O_NOSUM };
    static const struct option opts[] = {
        {"db", required_argument, NULL, O_DB},
        DL_FILTER_OPTIONS,
        {"limit", required_argument, NULL, O_LIMIT},
        {"format", required_argument, NULL, O_FORMAT},
        {"no-summary", no_argument, NULL, O_NOSUM},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    dl_query q = {0};
    const char *db_path = "dateline.db";
    int format = DL_FMT_TABLE, summary = 1, c;
    char *end;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        switch (c) {
        case O_DB: db_path = optarg; break;
        case O_LIMIT:
            q.limit = strtol(optarg, &end, 10);
            if (q.limit < 1 || *end) { dl_die_usage("query", "bad --limit '%s'", optarg); return 2; }
            break;
        case O_FORMAT:
            if (!strcmp(optarg, "table")) format = DL_FMT_TABLE;
            else if (!strcmp(optarg, "jsonl")) format = DL_FMT_JSONL;
            else if (!strcmp(optarg, "csv")) format = DL_FMT_CSV;
            else if (!strcmp(optarg, "tsv")) format = DL_FMT_TSV;
            else { dl_die_usage("query", "unknown format '%s' (table, jsonl, csv or tsv)", optarg); return 2; }
            break;
        case O_NOSUM: summary = 0; break;
        case 'h': fputs(query_help, stdout); return 0;
        default: {
            int r = dl_filter_option("query", c, optarg, &q);
            if (r == 1) break;
            if (r == 0) dl_die_usage("query", "bad option");
            return 2;
        }
        }
    }
    if (optind < argc) { dl_die_usage("query", "unexpected argument '%s'", argv[optind]); return 2; }
    char *err = NULL;
    dl_store *st = dl_store_open(db_path, DL_STORE_READ, &err);
    if (!st) {
        fprintf(stderr, "dateline: %s\n", err);
        free(err);
        return 3;
    }
    int status = 0;
    if (format == DL_FMT_TABLE && summary) {
        printf("%s\n", db_path);
        if (dl_query_summary(dl_store_db(st), stdout, &err) == 0) {
            if (q.limit) printf("\ntop %ld event(s), most reported first:\n", q.limit);
            else printf("\nevents, most reported first:\n");
        }
    }
    if (!err && dl_query_write(dl_store_db(st), &q, format, stdout, &err)) status = 0;
    if (err) {
        /* a bad filter value is the user's; anything else is the database's */
        int usage = !strncmp(err, "bad ", 4) || strstr(err, "fts5") != NULL;
        fprintf(stderr, "dateline query: %s\n", err);
        status = usage ? 2 : 3;
    }
    free(err);
    dl_store_close(st);
    fflush(stdout);
    return status;
}
