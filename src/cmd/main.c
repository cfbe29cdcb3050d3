/* main.c -- `dateline COMMAND ...`: dispatch to a subcommand. */
#include "cmd.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *help;
} commands[] = {
    {"code", cmd_code, "analyse articles and write one JSON object per article"},
    {"ingest", cmd_ingest, "analyse articles and store them and their events in SQLite"},
    {"query", cmd_query, "list the stored events that match filters"},
    {"export", cmd_export, "write stored events as GDELT 2.0 Event/Mentions/GKG or PLOVER"},
    /* HOOK commands */
    {"dict", cmd_dict, "test and lint the verb dictionary"},
    {"explain", cmd_explain, "print each event of an article with the words and rules behind it"},
    {NULL, NULL, NULL},
};

void dl_die_usage(const char *cmd, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "dateline %s: ", cmd);
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\n(see `dateline %s --help`)\n", cmd);
    va_end(ap);
}

static void usage(FILE *f) {
    fprintf(f, "usage: dateline COMMAND [OPTIONS] [FILES]\n\n"
               "dateline turns news articles into political event data.\n\ncommands:\n");
    for (const struct command *c = commands; c->name; c++) fprintf(f, "  %-10s %s\n", c->name, c->help);
    fprintf(f, "\n`dateline COMMAND --help` describes a command.\n");
}

int main(int argc, char **argv) {
    if (argc < 2) { usage(stderr); return 2; }
    if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
        usage(stdout);
        return 0;
    }
    if (!strcmp(argv[1], "--version")) { puts("dateline 0.1"); return 0; }
    for (const struct command *c = commands; c->name; c++)
        if (!strcmp(argv[1], c->name)) return c->run(argc - 1, argv + 1);
    fprintf(stderr, "dateline: unknown command '%s'\n", argv[1]);
    usage(stderr);
    return 2;
}
