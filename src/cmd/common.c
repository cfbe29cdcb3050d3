/* common.c -- option handling shared by the subcommands. */
#include "cmd.h"
#include "../core/doc.h"
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
