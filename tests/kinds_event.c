/* kinds_event.c -- case-file renderer for the event stage: `%kind events`.
 * The case format (actors marked [CODE words], "published=" line, one
 * "SOURCE TARGET CODE [@DATE]" line per event) lives in
 * src/event/casefile.h, shared with `dateline dict test`. */
#include "kinds.h"
#include "event/casefile.h"
#include <string.h>

int dl_kind_events(const dl_ctx *ctx, const char *in, size_t n, dl_buf *out)
{
    dl_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.arena = dl_arena_new(0);
    dl_buf keep = DL_BUF_INIT;
    dl_article art;
    char pub[32];
    dl_evcase_analyse(ctx, &doc, &art, pub, in, n, &keep);
    dl_evcase_render(&doc, out);
    dl_buf_free(&keep);
    dl_arena_free(doc.arena);
    return 0;
}
