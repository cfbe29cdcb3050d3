/* dict.c -- `dateline dict test CASES...` and `dateline dict lint [CASES...]`:
 * check the verb dictionary against sentence -> expected-events cases and
 * report what is wrong with it (unknown codes, duplicate or conflicting
 * patterns, patterns no case exercises). */
#include "cmd.h"
#include "../core/doc.h"
#include "../event/event.h"
#include "../event/casefile.h"
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char dict_help[] =
    "usage: dateline dict test CASES...\n"
    "       dateline dict lint [--all] [CASES...]\n\n"
    "test  runs sentence -> expected-events cases (the tests/cases format with\n"
    "      `%kind events`; actors may be marked [CODE words]) and prints each\n"
    "      failure and \"N passed, N failed\".  Exit 1 if any case failed.\n"
    "lint  reports unknown CAMEO codes, duplicate patterns, patterns that share\n"
    "      their words with another of a different code (the later one never\n"
    "      wins), '+' or '$' among alternatives (the literal word, not a slot),\n"
    "      loose patterns (every content word optional: they match on\n"
    "      function words alone), and patterns no case exercises (CASES default to\n"
    "      tests/cases/events-*.test under the dateline home).  --all lists\n"
    "      every untested pattern instead of the first 25.\n";

static int load_ctx(dl_ctx *ctx, const char *argv0, char *home, size_t cap)
{
    char *err = NULL;
    if (dl_ctx_load(ctx, dl_home(argv0, home, cap), &err) != 0) {
        fprintf(stderr, "dateline: %s\n", err);
        free(err);
        return -1;
    }
    return 0;
}

static int run_test(int argc, char **argv, const char *argv0)
{
    if (argc < 1) {
        dl_die_usage("dict", "test needs at least one CASES file");
        return 2;
    }
    dl_ctx ctx;
    char home[4096];
    if (load_ctx(&ctx, argv0, home, sizeof home) != 0)
        return 3;
    dl_evcase_stats st = {0, 0};
    int bad = 0;
    for (int i = 0; i < argc; i++) {
        char *err = NULL;
        if (dl_evcase_run_file(&ctx, argv[i], stdout, NULL, NULL, &st, &err) != 0) {
            fprintf(stderr, "dateline dict: %s\n", err);
            free(err);
            bad = 1;
        }
    }
    printf("%ld passed, %ld failed\n", st.passed, st.failed);
    dl_ctx_free(&ctx);
    return bad ? 1 : st.failed ? 1 : 0;
}

typedef struct seen {
    const struct dl_verb_dict *d;
    long *hits;     /* per pattern */
} seen;

static void on_pattern(void *arg, const void *pattern)
{
    seen *s = arg;
    const dl_verb_pattern *p = pattern;
    if (p >= s->d->pat && p < s->d->pat + s->d->npat)
        s->hits[p - s->d->pat]++;
}

static void squeeze(const char *in, char *out, size_t cap)
{
    size_t k = 0;
    int sp = 1;
    for (; *in && k + 1 < cap; in++) {
        if (*in == ' ' || *in == '\t') {
            if (!sp)
                out[k++] = ' ';
            sp = 1;
        } else {
            out[k++] = *in;
            sp = 0;
        }
    }
    if (k && out[k - 1] == ' ')
        k--;
    out[k] = 0;
}

static int run_lint(int argc, char **argv, const char *argv0)
{
    int all = 0, first = 0;
    if (argc > 0 && strcmp(argv[0], "--all") == 0)
        all = 1, first = 1;
    char home[4096], dir[4200];
    dl_home(argv0, home, sizeof home);
    snprintf(dir, sizeof dir, "%s/dict", home);
    char *err = NULL;
    struct dl_verb_dict *d = dl_verb_dict_load_lenient(dir, &err);
    if (!d) {
        printf("error: %s\n", err);
        free(err);
        return 1;
    }
    long problems = 0;
    /* unknown codes */
    for (size_t i = 0; i < d->npat; i++) {
        const dl_verb_pattern *p = &d->pat[i];
        if (!p->cameo && !(p->flags & (DL_PF_NOEVENT | DL_PF_FOREIGN))) {
            printf("%s: unknown CAMEO code %s\n", p->id, p->code);
            problems++;
        }
    }
    /* duplicates and conflicts, per verb */
    long dups = 0, conflicts = 0;
    for (size_t v = 0; v < d->nverb; v++) {
        const dl_verb *vb = &d->verb[v];
        for (size_t a = 0; a < vb->npat; a++)
            for (size_t b = a + 1; b < vb->npat; b++) {
                const dl_verb_pattern *pa = &d->pat[vb->pat[a]], *pb = &d->pat[vb->pat[b]];
                char ta[1024], tb[1024];
                squeeze(pa->text, ta, sizeof ta);
                squeeze(pb->text, tb, sizeof tb);
                if (strcmp(ta, tb) != 0)
                    continue;
                if (strcmp(pa->code, pb->code) == 0) {
                    printf("%s: duplicate of %s (verb %s: %s)\n", pb->id, pa->id, vb->lemma, ta);
                    dups++;
                } else {
                    printf("%s: shadowed by %s (verb %s: %s, codes %s and %s)\n", pb->id, pa->id, vb->lemma, ta,
                           pb->code, pa->code);
                    conflicts++;
                }
            }
    }
    /* loose patterns: every word that says what the event is about is optional */
    long loose = 0;
    for (size_t i = 0; i < d->npat; i++) {
        const dl_verb_pattern *p = &d->pat[i];
        if (p->flags & DL_PF_FOREIGN)
            continue;
        int has_opt_content = 0, has_req_content = 0;
        for (size_t k = 0; k < p->npre + p->npost; k++) {
            const dl_pat_elem *e = k < p->npre ? &p->pre[k] : &p->post[k - p->npre];
            int content = e->kind == DL_PE_CLASS;
            for (size_t a = 0; e->kind == DL_PE_WORD && a < e->nalt && !content; a++)
                content = !dl_is_function_word(e->alt[a]);
            if (content && e->optional)
                has_opt_content = 1;
            if (content && !e->optional)
                has_req_content = 1;
        }
        if (has_opt_content && !has_req_content && p->content_elems > 1) {
            printf("%s: loose pattern (all its content words are optional): %s\n", p->id, p->text);
            loose++;
        }
    }
    /* '+' or '$' among alternatives ("party|parties|+") is the literal
     * word, not a slot: such a pattern never reaches an actor there */
    long literal = 0;
    for (size_t i = 0; i < d->npat; i++) {
        const dl_verb_pattern *p = &d->pat[i];
        if (p->flags & DL_PF_FOREIGN)
            continue;
        for (size_t k = 0; k < p->npre + p->npost; k++) {
            const dl_pat_elem *e = k < p->npre ? &p->pre[k] : &p->post[k - p->npre];
            for (size_t a = 0; e->kind == DL_PE_WORD && e->nalt > 1 && a < e->nalt; a++)
                if (!strcmp(e->alt[a], "+") || !strcmp(e->alt[a], "$")) {
                    printf("%s: '%s' among alternatives is that literal word, not a slot "
                           "(give the slot an element of its own): %s\n", p->id, e->alt[a], p->text);
                    literal++;
                }
        }
    }
    problems += dups + conflicts + literal;
    /* which patterns do the cases exercise? */
    dl_ctx ctx;
    if (load_ctx(&ctx, argv0, home, sizeof home) != 0) {
        dl_verb_dict_free(d);
        return 1;
    }
    seen s = {ctx.verbs, calloc(ctx.verbs->npat + 1, sizeof(long))};
    dl_evcase_stats st = {0, 0};
    glob_t g;
    memset(&g, 0, sizeof g);
    int nfiles = argc - first;
    if (nfiles <= 0) {
        char pat[4300];
        snprintf(pat, sizeof pat, "%s/tests/cases/events-*.test", home);
        glob(pat, 0, NULL, &g);
    }
    size_t nf = nfiles > 0 ? (size_t)nfiles : g.gl_pathc;
    for (size_t i = 0; i < nf; i++) {
        const char *path = nfiles > 0 ? argv[first + (int)i] : g.gl_pathv[i];
        if (dl_evcase_run_file(&ctx, path, NULL, on_pattern, &s, &st, &err) != 0) {
            printf("error: %s\n", err);
            free(err);
        }
    }
    globfree(&g);
    long untested = 0;
    for (size_t i = 0; i < ctx.verbs->npat; i++) {
        const dl_verb_pattern *p = &ctx.verbs->pat[i];
        if (s.hits[i] || (p->flags & DL_PF_NOEVENT))
            continue;
        if (all || untested < 25)
            printf("%s: no case exercises %s  %s\n", p->id, p->code, p->text);
        untested++;
    }
    if (!all && untested > 25)
        printf("... and %ld more untested patterns (--all lists them)\n", untested - 25);
    /* coverage by code */
    size_t ncode = ctx.verbs->cameo.n;
    long *per_code = calloc(ncode + 1, sizeof(long));
    int *has_pat = calloc(ncode + 1, sizeof(int));
    char roots[21] = {0};
    for (size_t i = 0; i < ctx.verbs->npat; i++) {
        const dl_verb_pattern *p = &ctx.verbs->pat[i];
        if (!p->cameo)
            continue;
        size_t ci = (size_t)(p->cameo - ctx.verbs->cameo.v);
        has_pat[ci] = 1;
        per_code[ci] += s.hits[i];
        int r = (p->code[0] - '0') * 10 + (p->code[1] - '0');
        if (r >= 1 && r <= 20)
            roots[r] = 1;
    }
    long codes = 0, tested2 = 0, nroots = 0;
    for (size_t i = 0; i < ncode; i++) {
        codes += has_pat[i];
        tested2 += per_code[i] >= 2;
    }
    for (int r = 1; r <= 20; r++)
        nroots += roots[r];
    printf("lint: %zu verbs, %zu patterns, %zu classes; %ld roots and %ld of %zu codes have patterns, "
           "%ld codes coded by >= 2 cases; cases %ld passed, %ld failed; %ld unknown-code/duplicate/shadowed/literal-slot, "
           "%ld loose, %ld patterns without a case\n",
           ctx.verbs->nverb, ctx.verbs->npat, ctx.verbs->ncls, nroots, codes, ncode, tested2, st.passed, st.failed,
           problems, loose, untested);
    free(per_code);
    free(has_pat);
    free(s.hits);
    dl_ctx_free(&ctx);
    dl_verb_dict_free(d);
    return problems ? 1 : 0;
}

int cmd_dict(int argc, char **argv)
{
    if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
        fputs(dict_help, argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    if (!strcmp(argv[1], "test"))
        return run_test(argc - 2, argv + 2, argv[0]);
    if (!strcmp(argv[1], "lint"))
        return run_lint(argc - 2, argv + 2, argv[0]);
    dl_die_usage("dict", "unknown subcommand '%s'", argv[1]);
    return 2;
}
