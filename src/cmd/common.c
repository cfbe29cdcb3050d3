/* common.c -- option handling shared by the subcommands. */
#include "cmd.h"
#include "../core/doc.h"
#include "../store/query.h"
#include "../ingest/reader.h"
#include <string.h>
#include <unistd.h>
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

void dl_run_args_init(dl_run_args *a) {
    memset(a, 0, sizeof *a);
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    a->jobs = n > 0 ? (int)n : 1;
    a->stages = -1;
}

/* "actors,events" -> DL_STAGE_* bits (the text layer always runs); -1 if a
 * name is unknown.  Events need actors, so asking for events adds them. */
static int parse_stages(const char *s) {
    int bits = DL_STAGE_TEXT;
    while (*s) {
        size_t n = strcspn(s, ",");
        if (n == 4 && !strncmp(s, "text", 4)) {}
        else if (n == 6 && !strncmp(s, "actors", 6)) bits |= DL_STAGE_ACTORS;
        else if (n == 6 && !strncmp(s, "events", 6)) bits |= DL_STAGE_ACTORS | DL_STAGE_EVENTS;
        else if (n == 4 && !strncmp(s, "know", 4)) bits |= DL_STAGE_KNOW;
        else return -1;
        s += n;
        if (*s == ',') s++;
    }
    return bits;
}

int dl_run_option(const char *cmd, int c, const char *arg, dl_run_args *a) {
    switch (c) {
    case 'f':
        if (strcmp(arg, "text") && strcmp(arg, "jsonl") && strcmp(arg, "html") && strcmp(arg, "warc")) {
            dl_die_usage(cmd, "unknown format '%s' (text, jsonl, html or warc)", arg);
            return -1;
        }
        a->format = arg;
        return 1;
    case 't': {
        dl_date d;
        if (!dl_date_parse(arg, strlen(arg), &d)) { dl_die_usage(cmd, "bad --today date '%s'", arg); return -1; }
        a->today = arg;
        return 1;
    }
    case 'S':
        a->stages = parse_stages(arg);
        if (a->stages < 0) { dl_die_usage(cmd, "bad --stages '%s' (text, actors, events, know)", arg); return -1; }
        return 1;
    case 'j':
        a->jobs = atoi(arg);
        if (a->jobs < 1 || a->jobs > 256) { dl_die_usage(cmd, "bad -j value '%s'", arg); return -1; }
        return 1;
    case 'A': case 'G': case 'V':
        if (dl_dict_option(c, arg, &a->dicts) < 0) { dl_die_usage(cmd, "too many dictionary files"); return -1; }
        return 1;
    default:
        return 0;
    }
}

int dl_run_setup(const char *cmd, char **argv, int first, int argc, const dl_run_args *a, struct dl_ctx *ctx,
                 struct dl_reader **reader) {
    (void)cmd;
    char *err = NULL;
    char home[4096];
    if (dl_ctx_load(ctx, dl_home(argv[0], home, sizeof home), &err) != 0) {
        fprintf(stderr, "dateline: %s\n", err ? err : "cannot load the dictionaries");
        free(err);
        dl_ctx_free(ctx);
        return 3;
    }
    if (dl_dict_load_all(ctx, &a->dicts) != 0) {
        dl_ctx_free(ctx);
        return 1;
    }
    if (a->today) dl_date_parse(a->today, strlen(a->today), &ctx->today);
    if (a->stages >= 0) ctx->stages &= a->stages;
    static const char *const stdin_only[] = {"-"};
    const char *const *paths = first < argc ? (const char *const *)argv + first : stdin_only;
    int npaths = first < argc ? argc - first : 1;
    dl_reader_opts ropts = {0, a->format};
    *reader = dl_reader_new(paths, npaths, &ropts);
    return 0;
}
