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

/* Print "dateline: " + message to stderr. */
void dl_die_usage(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
