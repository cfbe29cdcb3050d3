/* know-bench.c -- speed of the knowledge stage (bench/know.sh).
 *
 *   know-bench HOME FILE.jsonl [ROUNDS]
 *
 * Times dl_know_load() (gazetteer + AFINN: the stage's share of the
 * start-up budget) and dl_ctx_load() (every dictionary), then analyses
 * every article's "text" ROUNDS times with all stages but knowledge
 * (text -> events) and with all stages (text -> events + knowledge),
 * alternating, and keeps each one's best round.  Prints both throughputs,
 * the knowledge stage's added time and the throughput it costs, in %.
 */
#include "core/doc.h"
#include "bench.h"
#include "know/know.h"

int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: know-bench HOME FILE.jsonl [ROUNDS]\n"); return 2; }
    int rounds = argc > 3 ? atoi(argv[3]) : 3;
    char *err = NULL;
    double best_know = 1e9;
    for (int i = 0; i < 5; i++) {
        double t0 = now();
        dl_gazetteer *g = dl_know_load(argv[1], &err);
        double t = now() - t0;
        if (!g) { fprintf(stderr, "know-bench: %s\n", err); return 1; }
        dl_gazetteer_free(g);
        if (t < best_know) best_know = t;
    }
    dl_ctx ctx;
    double t0 = now();
    if (dl_ctx_load(&ctx, argv[1], &err) != 0) { fprintf(stderr, "know-bench: %s\n", err); return 1; }
    double all_load = now() - t0;
    ctx.today = (dl_date){2026, 11, 29};
    char **texts;
    size_t n, bytes;
    if (bench_load_texts(argv[2], &texts, &n, &bytes)) return 1;
    dl_doc doc = {0};
    doc.arena = dl_arena_new(0);
    int full = ctx.stages;
    double t[2] = {0, 0};
    size_t quotes = 0, places = 0, counts = 0, dates = 0;
    for (int r = 0; r < rounds; r++) {
        for (int pass = 0; pass < 2; pass++) {
            ctx.stages = pass ? full : (full & ~DL_STAGE_KNOW);
            double s = now();
            for (size_t i = 0; i < n; i++) {
                dl_article art;
                dl_article_of_text(&art, texts[i], strlen(texts[i]));
                dl_doc_analyse(&ctx, &doc, &art);
                if (pass && r == 0 && doc.know) {
                    quotes += doc.know->quotes.n;
                    places += doc.know->places.n;
                    counts += doc.know->counts.n;
                    dates += doc.know->dates.n;
                }
            }
            /* the best round of each: the machine's load only slows */
            double el = now() - s;
            if (r == 0 || el < t[pass]) t[pass] = el;
        }
    }
    double mb = (double)bytes / 1e6;   /* per round */
    printf("knowledge load (gazetteer + AFINN), best of 5: %.1f ms; all dictionaries: %.1f ms\n",
           best_know * 1e3, all_load * 1e3);
    printf("%zu articles, %.2f MB, %d rounds\n", n, (double)bytes / 1e6, rounds);
    printf("text -> events:             %7.2f MB/s  %8.0f articles/s\n", mb / t[0], (double)n / t[0]);
    printf("text -> events + knowledge: %7.2f MB/s  %8.0f articles/s\n", mb / t[1], (double)n / t[1]);
    printf("knowledge: +%.1f %% time, -%.1f %% throughput against text -> events (budget 30 %%)\n",
           100.0 * (t[1] - t[0]) / t[0], 100.0 * (1.0 - t[0] / t[1]));
    printf("per article: %.2f quotes, %.2f places, %.2f counts, %.2f dates\n", (double)quotes / (double)n,
           (double)places / (double)n, (double)counts / (double)n, (double)dates / (double)n);
    bench_free_texts(texts, n);
    dl_arena_free(doc.arena);
    dl_ctx_free(&ctx);
    return 0;
}
