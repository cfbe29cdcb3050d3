/* boiler.h -- find the trailing boilerplate of an article.
 *
 * News bodies often end with things that are not the story: an author bio
 * of short title-case fragments ("Web specialist. Incurable twitteraholic.
 * Explorer."), "Read more", "Follow us on ...", copyright and subscription
 * lines, share prompts.  dl_boiler_find() walks the lines of the body from
 * the end and marks each such line; it stops at the first line that looks
 * like story text, so nothing inside the story is dropped.  Dropped spans
 * are listed with the reason, for the output's `boilerplate` array.
 */
#ifndef DL_BOILER_H
#define DL_BOILER_H
#include <stddef.h>
#include "../util/arena.h"

typedef struct dl_boiler_item {
    size_t start, end;     /* byte span of the dropped line (without newline) */
    const char *reason;    /* "bio", "read-more", "follow-us", "copyright", "subscribe", "share", "byline" */
} dl_boiler_item;

typedef struct dl_boiler {
    dl_boiler_item *v;
    size_t n;
    size_t body_end;       /* the story ends here (== end when nothing dropped) */
} dl_boiler;

void dl_boiler_find(dl_arena *a, const char *text, size_t start, size_t end, dl_boiler *out);

/* Classify one line on its own; returns the reason or NULL if it is story
 * text.  Exposed for tests. */
const char *dl_boiler_line_reason(const char *line, size_t n);

#endif
