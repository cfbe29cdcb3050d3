/* common.c -- option handling shared by the subcommands. */
#include "cmd.h"
#include "../core/doc.h"
#include "../store/query.h"
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

int dl_dict_option(int c, const char *arg, dl_dict_files *f) {
    if (c != 'A' && c != 'G' && c != 'V') return 0;
    if (f->n == 64) return -1;
    f->kind[f->n] = c == 'A' ? "actors" : c == 'G' ? "agents" : "verbs";
    f->path[f->n++] = arg;
    return 1;
}

int dl_dict_load_all(struct dl_ctx *ctx, const dl_dict_files *f) {
    for (int i = 0; i < f->n; i++) {
        char *err = NULL;
        if (dl_ctx_add_file(ctx, f->kind[i], f->path[i], &err) != 0) {
            fprintf(stderr, "dateline: %s\n", err ? err : f->path[i]);
            free(err);
            return -1;
        }
    }
    return 0;
}

int dl_filter_option(const char *cmd, int c, const char *arg, struct dl_query *q) {
    char *end;
    switch (c) {
    case DL_OPT_SOURCE: q->source = arg; return 1;
    case DL_OPT_TARGET: q->target = arg; return 1;
    case DL_OPT_ACTOR: q->actor = arg; return 1;
    case DL_OPT_CODE: q->code = arg; return 1;
    case DL_OPT_ROOT: {
        long v = strtol(arg, &end, 10);
        if (v < 1 || v > 20 || *end) { dl_die_usage(cmd, "bad --root '%s' (01 to 20)", arg); return -1; }
        q->root = arg;
        return 1;
    }
    case DL_OPT_QUAD:
        q->quad = (int)strtol(arg, &end, 10);
        if (q->quad < 1 || q->quad > 4 || *end) { dl_die_usage(cmd, "bad --quad '%s' (1 to 4)", arg); return -1; }
        return 1;
    case DL_OPT_PLOVER: q->plover = arg; return 1;
    case DL_OPT_SINCE: q->since = arg; return 1;
    case DL_OPT_UNTIL: q->until = arg; return 1;
    case DL_OPT_PLACE: q->place = arg; return 1;
    case DL_OPT_TEXT: q->text = arg; return 1;
    default: return 0;
    }
}
