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

/* Print "dateline: " + message to stderr. */
void dl_die_usage(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
