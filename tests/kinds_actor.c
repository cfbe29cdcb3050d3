/* kinds_actor.c -- case-file renderer for the actor stage.
 *
 * Kind `actors`: one line per actor mention, in text order:
 *     TEXT|CODE|HOW
 * TEXT is the mention as written, CODE the full CAMEO actor code (roles
 * only, e.g. "GOV", when no country could be found), HOW one of
 * dictionary, title, coreference, metonymy, composed.  No mention: the
 * single line "none".  An input whose first line is "date=YYYY-MM-DD"
 * sets the article's publication date (office holders depend on it).
 */
#include "kinds.h"
#include "actor/actor.h"
#include <stdio.h>
#include <string.h>

int dl_kind_actors(const dl_ctx *ctx, const char *in, size_t n, dl_buf *out) {
    if (!ctx->actors) { dl_buf_adds(out, "actor dictionary not loaded"); return -1; }
    char pub[16] = "";
    if (n > 5 && !strncmp(in, "date=", 5)) {
        const char *nl = memchr(in, '\n', n);
        size_t l = nl ? (size_t)(nl - in - 5) : 0;
        if (!nl || l >= sizeof pub) { dl_buf_adds(out, "bad date= line"); return -1; }
        memcpy(pub, in + 5, l);
        pub[l] = 0;
        n -= (size_t)(nl + 1 - in);
        in = nl + 1;
    }
    dl_doc doc = {0};
    doc.arena = dl_arena_new(0);
    dl_article art;
    dl_article_of_text(&art, in, n);
    art.published = pub[0] ? pub : NULL;
    dl_doc_analyse(ctx, &doc, &art);
    const dl_actor_set *s = doc.actors;
    if (!s || s->n == 0) dl_buf_adds(out, "none\n");
    for (size_t i = 0; s && i < s->n; i++) {
        const dl_actor_mention *m = &s->v[i];
        dl_buf_add(out, doc.text + m->start, m->end - m->start);
        dl_buf_printf(out, "|%s|%s\n", m->code, dl_actor_how_name(m->how));
    }
    dl_arena_free(doc.arena);
    return 0;
}
