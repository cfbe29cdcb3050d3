/* explain.c -- `dateline explain FILE...`: every event of each article with
 * its sentence, the words the pattern matched, the pattern, and how the
 * source, target, code and date were found. */
#include "cmd.h"
#include "../core/doc.h"
#include "../ingest/reader.h"
#include "../actor/actor.h"
#include "../event/event.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char explain_help[] =
    "usage: dateline explain FILE...\n\n"
    "Analyses each article (text, JSON lines, HTML or WARC, as `dateline code`)\n"
    "and prints each event: the sentence, source -> target and the CAMEO code\n"
    "with its label, PLOVER and Goldstein value, the words the verb pattern\n"
    "matched, the pattern (file:line and text), and why: how the source and\n"
    "target were found, negation and modality, and the date.\n";

static void print_span(const dl_doc *doc, uint32_t s, uint32_t e)
{
    for (uint32_t i = s; i < e && i < doc->len; i++)
        putchar(doc->text[i] == '\n' ? ' ' : doc->text[i]);
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

static void explain_doc(const dl_doc *doc, const char *file)
{
    printf("== article %s (%s): %zu sentence(s), %zu actor mention(s), %zu event(s)\n", doc->id, file,
           doc->sents.n, doc->actors ? doc->actors->n : 0, doc->events ? doc->events->n : 0);
    if (!doc->events)
        return;
    for (size_t i = 0; i < doc->events->n; i++) {
        const dl_event *e = &doc->events->v[i];
        const dl_actor_mention *a = &doc->actors->v[e->source], *b = &doc->actors->v[e->target];
        printf("\nevent %zu: %s -> %s  %s", i + 1, a->code, b->code, e->code);
        if (e->cameo) {
            printf("  %s", e->cameo->name);
            const char *pt = e->cameo->plover_type;
            printf("  [quad %d", e->cameo->quad);
            if (e->cameo->has_goldstein)
                printf(", Goldstein %.1f", e->cameo->goldstein);
            if (pt && pt[0])
                printf(", PLOVER %s%s%s", pt, e->cameo->plover_mode[0] ? "/" : "", e->cameo->plover_mode);
            printf("]");
        }
        printf("\n  sentence %u: ", e->sent);
        print_span(doc, doc->sents.v[e->sent].start, doc->sents.v[e->sent].end);
        printf("\n  verb phrase: \"");
        print_span(doc, e->start, e->end);
        printf("\" (bytes %u-%u)\n  matched:", e->start, e->end);
        uint32_t *m = malloc((e->nmatched + 1) * sizeof *m);
        memcpy(m, e->matched, e->nmatched * sizeof *m);
        qsort(m, e->nmatched, sizeof *m, cmp_u32);
        for (uint32_t k = 0; k < e->nmatched; k++) {
            const dl_token *t = &doc->toks.v[m[k]];
            printf(" %s", k && m[k] == m[k - 1] + 1 ? "" : k ? "... " : "");
            print_span(doc, t->start, t->end);
        }
        free(m);
        printf("\n  pattern: %s  %s  %s\n", e->pattern->id, e->pattern->code, e->pattern->text);
        printf("  source: %s \"", a->code);
        print_span(doc, a->start, a->end);
        printf("\"  target: %s \"", b->code);
        print_span(doc, b->start, b->end);
        printf("\"\n  why: %s\n", e->why);
        char d[11];
        dl_date_format(e->date, d);
        printf("  date: %s (%s)%s%s%s%s\n", d[0] ? d : "unknown",
               (e->flags & DL_EF_DATED) ? "stated in the sentence" : "article date",
               (e->flags & DL_EF_NEGATED) ? "  negated" : "", (e->flags & DL_EF_INTENT) ? "  intent" : "",
               (e->flags & DL_EF_THREAT) ? "  threat" : "", (e->flags & DL_EF_PASSIVE) ? "  passive" : "");
    }
    printf("\n");
}

int cmd_explain(int argc, char **argv)
{
    if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
        fputs(explain_help, argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    dl_ctx ctx;
    char *err = NULL;
    char home[4096];
    if (dl_ctx_load(&ctx, dl_home(argv[0], home, sizeof home), &err) != 0) {
        fprintf(stderr, "dateline: %s\n", err);
        free(err);
        return 3;
    }
    dl_reader_opts ropts = {0, NULL};
    dl_reader *r = dl_reader_new((const char *const *)argv + 1, argc - 1, &ropts);
    dl_doc doc;
    memset(&doc, 0, sizeof doc);
    dl_arena *arena = dl_arena_new(0);
    dl_article art;
    int rc = 0, st;
    while ((st = dl_reader_next(r, &art)) != DL_READ_EOF) {
        if (st == DL_READ_ERROR) {
            fprintf(stderr, "dateline explain: %s\n", art.error ? art.error : "read error");
            dl_article_clear(&art);
            rc = 1;
            continue;
        }
        doc.arena = arena;
        dl_doc_analyse(&ctx, &doc, &art);
        explain_doc(&doc, art.origin ? art.origin : "-");
        dl_article_clear(&art);
    }
    dl_reader_free(r);
    dl_arena_free(arena);
    dl_ctx_free(&ctx);
    return rc;
}
