/* kinds.h -- renderers for the data-driven case files (tests/cases/NAME.test).
 *
 * A renderer turns one input (an article text) into lines of output that
 * the case file's expected lines are compared with.  It appends to out and
 * returns 0, or returns -1 with an error message in out.
 */
#ifndef DL_TEST_KINDS_H
#define DL_TEST_KINDS_H
#include <stddef.h>
#include "core/doc.h"
#include "util/buf.h"

typedef int (*dl_kind_fn)(const dl_ctx *ctx, const char *in, size_t n, dl_buf *out);

/* Analyse `in` as a plain-text article (published date: none) into doc,
 * whose arena the caller owns.  Shared by every renderer. */
void dl_kind_analyse(const dl_ctx *ctx, dl_doc *doc, dl_article *art, const char *in, size_t n);

int dl_kind_tokens(const dl_ctx *ctx, const char *in, size_t n, dl_buf *out);
int dl_kind_sentences(const dl_ctx *ctx, const char *in, size_t n, dl_buf *out);
int dl_kind_dateline(const dl_ctx *ctx, const char *in, size_t n, dl_buf *out);
int dl_kind_boilerplate(const dl_ctx *ctx, const char *in, size_t n, dl_buf *out);
int dl_kind_fold(const dl_ctx *ctx, const char *in, size_t n, dl_buf *out);
int dl_kind_date(const dl_ctx *ctx, const char *in, size_t n, dl_buf *out);
/* HOOK prototypes */
int dl_kind_actors(const dl_ctx *ctx, const char *in, size_t n, dl_buf *out);   /* kinds_actor.c */
int dl_kind_events(const dl_ctx *ctx, const char *in, size_t n, dl_buf *out);   /* kinds_event.c */
int dl_kind_quotes(const dl_ctx *ctx, const char *in, size_t n, dl_buf *out);   /* kinds_know.c */
int dl_kind_counts(const dl_ctx *ctx, const char *in, size_t n, dl_buf *out);
int dl_kind_places(const dl_ctx *ctx, const char *in, size_t n, dl_buf *out);
int dl_kind_dates(const dl_ctx *ctx, const char *in, size_t n, dl_buf *out);
int dl_kind_tone(const dl_ctx *ctx, const char *in, size_t n, dl_buf *out);

#endif
