/* cmd.h -- the subcommands of `dateline`, one file each in src/cmd/
 * (as git's builtin/).  Each returns the process exit code:
 * 0 ok, 1 some input was bad, 2 usage error, 3 internal failure. */
#ifndef DL_CMD_H
#define DL_CMD_H

int cmd_code(int argc, char **argv);
int cmd_ingest(int argc, char **argv);
int cmd_query(int argc, char **argv);
int cmd_export(int argc, char **argv);
/* HOOK prototypes */
int cmd_dict(int argc, char **argv);
int cmd_explain(int argc, char **argv);

/* --actors FILE, --agents FILE, --verbs FILE: user dictionaries added after
 * the built-in ones, in command-line order (common.c).  Commands put
 * DL_DICT_OPTIONS in their getopt table and pass unknown option letters
 * to dl_dict_option(). */
#define DL_DICT_OPTIONS \
    {"actors", required_argument, NULL, 'A'}, \
    {"agents", required_argument, NULL, 'G'}, \
    {"verbs", required_argument, NULL, 'V'}
#define DL_DICT_HELP \
    "  --actors FILE       add a TABARI/PETRARCH actor dictionary (repeatable)\n" \
    "  --agents FILE       add a TABARI/PETRARCH agent dictionary (repeatable)\n" \
    "  --verbs FILE        add a TABARI .verbs or PETRARCH CAMEO verb dictionary\n"
typedef struct dl_dict_files {
    const char *kind[64], *path[64];
    int n;
} dl_dict_files;
struct dl_ctx;
/* Returns 1 if c was a dictionary option (recorded), 0 if not, -1 if too many. */
int dl_dict_option(int c, const char *arg, dl_dict_files *f);
/* Load the recorded files into ctx; on error prints "dateline: FILE:LINE: ..." and returns -1. */
int dl_dict_load_all(struct dl_ctx *ctx, const dl_dict_files *f);

/* Options of the commands that run the pipeline (`code`, `ingest`):
 * --format, --today, -j, and the dictionary options; then one call that
 * loads the context and opens the reader on the remaining arguments. */
typedef struct dl_run_args {
    const char *format;   /* --format, or NULL for detection by name */
    const char *today;    /* --today, or NULL */
    int jobs;             /* -j, default: the number of cores */
    int stages;           /* --stages: DL_STAGE_* bits to run, default all */
    dl_dict_files dicts;
} dl_run_args;
#define DL_RUN_OPTIONS \
    {"format", required_argument, NULL, 'f'}, {"today", required_argument, NULL, 't'}, \
    {"jobs", required_argument, NULL, 'j'}, {"stages", required_argument, NULL, 'S'}, DL_DICT_OPTIONS
#define DL_RUN_HELP \
    "  --stages LIST       run only these stages after the text layer: any of\n" \
    "                      actors, events, know, separated by commas; 'text' alone\n" \
    "                      runs none of them (default: all)\n"
void dl_run_args_init(dl_run_args *a);
/* Returns 1 if c was one of these options, 0 if not, -1 after a usage error. */
int dl_run_option(const char *cmd, int c, const char *arg, dl_run_args *a);
struct dl_reader;
/* Load ctx (dictionaries included) and open a reader on argv[first..argc)
 * (stdin when none).  Returns 0, or the exit code after printing why. */
int dl_run_setup(const char *cmd, char **argv, int first, int argc, const dl_run_args *a, struct dl_ctx *ctx,
                 struct dl_reader **reader);

/* Event filters shared by `query` and `export` (common.c): the getopt
 * entries and their values (>= DL_OPT_FILTER), the help lines, and a
 * handler that fills a dl_query (store/query.h). */
enum { DL_OPT_SOURCE = 400, DL_OPT_TARGET, DL_OPT_ACTOR, DL_OPT_CODE, DL_OPT_ROOT, DL_OPT_QUAD, DL_OPT_PLOVER,
       DL_OPT_SINCE, DL_OPT_UNTIL, DL_OPT_PLACE, DL_OPT_TEXT };
#define DL_FILTER_OPTIONS \
    {"source", required_argument, NULL, DL_OPT_SOURCE}, {"target", required_argument, NULL, DL_OPT_TARGET}, \
    {"actor", required_argument, NULL, DL_OPT_ACTOR},   {"code", required_argument, NULL, DL_OPT_CODE}, \
    {"root", required_argument, NULL, DL_OPT_ROOT},     {"quad", required_argument, NULL, DL_OPT_QUAD}, \
    {"plover", required_argument, NULL, DL_OPT_PLOVER}, {"since", required_argument, NULL, DL_OPT_SINCE}, \
    {"until", required_argument, NULL, DL_OPT_UNTIL},   {"place", required_argument, NULL, DL_OPT_PLACE}, \
    {"text", required_argument, NULL, DL_OPT_TEXT}
struct dl_query;
/* Returns 1 if c was a filter option (stored in q), 0 if not, -1 after
 * printing a usage error for a bad value. */
int dl_filter_option(const char *cmd, int c, const char *arg, struct dl_query *q);

/* Print "dateline: " + message to stderr. */
void dl_die_usage(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
