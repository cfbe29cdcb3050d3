/* ctx.c -- the run context: options and loaded dictionaries; see doc.h. */
#include "doc.h"
#include "../util/arena.h"
#include "../actor/actor.h"
#include "../know/know.h"
#include "../event/event.h"
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef DL_DATADIR
#define DL_DATADIR "/usr/local/share/dateline"
#endif

const char *dl_home(const char *argv0, char *buf, size_t cap) {
    const char *env = getenv("DATELINE_HOME");
    if (env && *env) { snprintf(buf, cap, "%s", env); return buf; }
    /* /path/to/repo/build/dateline -> /path/to/repo, when it has dict/ */
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0 && argv0) { snprintf(exe, sizeof exe, "%s", argv0); n = (ssize_t)strlen(exe); }
    if (n > 0) {
        exe[n] = 0;
        for (int up = 0; up < 3; up++) {
            char *slash = strrchr(exe, '/');
            if (!slash) break;
            *slash = 0;
            char probe[PATH_MAX + 16];
            snprintf(probe, sizeof probe, "%s/dict", exe);
            if (access(probe, R_OK) == 0) { snprintf(buf, cap, "%s", exe); return buf; }
        }
    }
    snprintf(buf, cap, "%s", DL_DATADIR);
    return buf;
}

int dl_ctx_load(dl_ctx *ctx, const char *home, char **err) {
    memset(ctx, 0, sizeof *ctx);
    ctx->today = dl_date_today();
    ctx->stages = DL_STAGE_TEXT;
    *err = NULL;
    (void)home;
    ctx->gazetteer = dl_know_load(home, err);
    if (!ctx->gazetteer) return -1;
    ctx->stages |= DL_STAGE_KNOW;
    /* HOOK load */
    {   /* actors: dict/actors/ and data/countries/countries.tsv */
        char dir[4096];
        snprintf(dir, sizeof dir, "%s/dict", home);
        ctx->actors = dl_actor_dict_load(dir, err);
        if (!ctx->actors) return -1;
        ctx->stages |= DL_STAGE_ACTORS;
    }
    {   /* events: dict/cameo.tsv and dict/verbs/ */
        char dir[4096];
        snprintf(dir, sizeof dir, "%s/dict", home);
        ctx->verbs = dl_verb_dict_load(dir, err);
        if (!ctx->verbs) return -1;
        ctx->stages |= DL_STAGE_EVENTS;
    }
    return 0;
}

void dl_ctx_free(dl_ctx *ctx) {
    dl_gazetteer_free(ctx->gazetteer);
    /* HOOK free */
    dl_actor_dict_free(ctx->actors);
    dl_verb_dict_free(ctx->verbs);
    memset(ctx, 0, sizeof *ctx);
}

int dl_ctx_add_file(dl_ctx *ctx, const char *kind, const char *path, char **err) {
    *err = NULL;
    int agents = !strcmp(kind, "agents");
    if (agents || !strcmp(kind, "actors")) {
        if (!ctx->actors) { *err = dl_xstrdup("no actor dictionary loaded"); return -1; }
        return dl_actor_dict_add_tabari(ctx->actors, path, agents, err);
    }
    if (!strcmp(kind, "verbs")) {
        if (!ctx->verbs) { *err = dl_xstrdup("no verb dictionary loaded"); return -1; }
        return dl_verb_dict_add_tabari(ctx->verbs, path, err);
    }
    *err = dl_xstrdup("unknown dictionary kind");
    return -1;
}
