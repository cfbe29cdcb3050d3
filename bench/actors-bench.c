/* actors-bench.c -- speed of the actor stage (bench/actors.sh).
 *
 *   actors-bench DICT_DIR FILE.jsonl [ROUNDS]
 *
 * Loads the actor dictionary (timed: the stage's share of start-up), then
 * analyses every article's "text" ROUNDS times with the text stages only
 * and with text + actors; the difference is the actor stage's time.
 * Prints load ms, MB/s of the actor stage, MB/s of text + actors, and
 * mentions per article.
 */
#include "actor/actor.h"
#include "actor/dict.h"
#include "core/doc.h"
#include "bench.h"

int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: actors-bench DICT_DIR FILE.jsonl [ROUNDS]\n"); return 2; }
    int rounds = argc > 3 ? atoi(argv[3]) : 3;
    double t0 = now();
    char *err = NULL;
    struct dl_actor_dict *d = dl_actor_dict_load(argv[1], &err);
    double load = now() - t0;
    if (!d) { fprintf(stderr, "actors-bench: %s\n", err); return 1; }
    char **texts;
    size_t n, bytes;
    if (bench_load_texts(argv[2], &texts, &n, &bytes)) return 1;
    dl_ctx ctx = {0};
    ctx.today = (dl_date){2026, 11, 29};
    ctx.actors = d;
    dl_doc doc = {0};
    doc.arena = dl_arena_new(0);
    double t[2] = {0, 0};
    size_t mentions = 0;
    for (int pass = 0; pass < 2; pass++) {
        ctx.stages = DL_STAGE_TEXT | (pass ? DL_STAGE_ACTORS : 0);
        double s = now();
        for (int r = 0; r < rounds; r++)
            for (size_t i = 0; i < n; i++) {
                dl_article art;
                dl_article_of_text(&art, texts[i], strlen(texts[i]));
                dl_doc_analyse(&ctx, &doc, &art);
                if (pass && r == 0 && doc.actors) mentions += doc.actors->n;
            }
        t[pass] = now() - s;
    }
    double mb = (double)bytes * rounds / 1e6;
    double actor_s = t[1] - t[0] > 1e-9 ? t[1] - t[0] : 1e-9;
    printf("actor dictionary load: %.1f ms (%zu entries, %zu aliases, %zu trie nodes)\n", load * 1000, d->ne, d->na,
           d->nnodes);
    printf("%zu articles, %.2f MB x %d rounds: actor stage %.1f MB/s; text + actors %.1f MB/s; %.2f mentions/article\n",
           n, bytes / 1e6, rounds, mb / actor_s, mb / t[1], n ? (double)mentions / n : 0.0);
    dl_arena_free(doc.arena);
    bench_free_texts(texts, n);
    dl_actor_dict_free(d);
    return 0;
}
