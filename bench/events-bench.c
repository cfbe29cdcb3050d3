/* events-bench.c -- speed of the event stage (bench/events.sh).
 *
 *   events-bench DICT_DIR FILE.jsonl ROUNDS [events|actors]
 *
 * Loads the actor and verb dictionaries (verb load timed), reads every
 * article's "text", and analyses them ROUNDS times with text + actors and
 * with text + actors + events; the difference is the event stage's time.
 * Prints sentences/s and MB/s of the event stage and of the whole chain,
 * and events per article.  With a last argument "events" or "actors" it
 * runs that chain once and prints nothing (for callgrind).
 */
#include "actor/actor.h"
#include "event/event.h"
#include "core/doc.h"
#include "bench.h"

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: events-bench DICT_DIR FILE.jsonl ROUNDS [events|actors]\n");
        return 2;
    }
    int rounds = atoi(argv[3]);
    const char *only = argc > 4 ? argv[4] : NULL;
    char *err = NULL;
    struct dl_actor_dict *ad = dl_actor_dict_load(argv[1], &err);
    if (!ad) {
        fprintf(stderr, "events-bench: %s\n", err);
        return 1;
    }
    double t0 = now();
    struct dl_verb_dict *vd = dl_verb_dict_load(argv[1], &err);
    double load = now() - t0;
    if (!vd) {
        fprintf(stderr, "events-bench: %s\n", err);
        return 1;
    }
    char **texts;
    size_t n, bytes;
    if (bench_load_texts(argv[2], &texts, &n, &bytes)) return 1;
    dl_ctx ctx;
    memset(&ctx, 0, sizeof ctx);
    ctx.today = (dl_date){2026, 11, 29};
    ctx.actors = ad;
    ctx.verbs = vd;
    dl_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.arena = dl_arena_new(0);
    double t[2] = {0, 0};
    size_t events = 0, sentences = 0;
    for (int pass = 0; pass < 2; pass++) {
        if (only && (pass == 1) != (strcmp(only, "events") == 0))
            continue;
        ctx.stages = DL_STAGE_TEXT | DL_STAGE_ACTORS | (pass ? DL_STAGE_EVENTS : 0);
        double s = now();
        for (int r = 0; r < (only ? 1 : rounds); r++)
            for (size_t i = 0; i < n; i++) {
                dl_article art;
                dl_article_of_text(&art, texts[i], strlen(texts[i]));
                dl_doc_analyse(&ctx, &doc, &art);
                if (pass && r == 0) {
                    events += doc.events ? doc.events->n : 0;
                    sentences += doc.sents.n;
                }
            }
        t[pass] = now() - s;
    }
    if (!only) {
        double mb = (double)bytes * rounds / 1e6;
        double ev_s = t[1] - t[0] > 1e-9 ? t[1] - t[0] : 1e-9;
        printf("verb dictionary load: %.1f ms (%zu patterns)\n", load * 1000, dl_verb_dict_npatterns(vd));
        printf("%zu articles, %zu sentences, %.2f MB x %d rounds\n", n, sentences, bytes / 1e6, rounds);
        printf("event stage alone: %.0f sentences/s, %.1f MB/s\n", (double)sentences * rounds / ev_s, mb / ev_s);
        printf("text + actors + events: %.0f sentences/s, %.1f MB/s\n", (double)sentences * rounds / t[1], mb / t[1]);
        printf("%.2f events per article, %.3f per sentence\n", n ? (double)events / n : 0.0,
               sentences ? (double)events / sentences : 0.0);
    }
    dl_arena_free(doc.arena);
    bench_free_texts(texts, n);
    dl_verb_dict_free(vd);
    dl_actor_dict_free(ad);
    return 0;
}
