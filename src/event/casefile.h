/* casefile.h -- sentence -> expected-events cases for the verb dictionary,
 * shared by `dateline dict test`, `dateline dict lint` (which patterns no
 * case exercises) and the `%kind events` case-file renderer.
 *
 * A case is an article text in which actors may be marked [CODE words]
 * (the marks are removed and become the doc's actors, so a case tests the
 * event coder alone); without marks the actor stage finds the actors.  A
 * first line "published=YYYY-MM-DD" sets the article date.  The rendering
 * is one line per event: "SOURCE TARGET CODE" plus " @DATE" when a date was
 * stated in the sentence.
 *
 * Case files are the tests/cases/ format: '#' comments, `%kind` lines, an
 * input line (escapes \n \t \\), its expected lines, a blank line.
 */
#ifndef DL_EVENT_CASEFILE_H
#define DL_EVENT_CASEFILE_H
#include <stddef.h>
#include "../core/doc.h"
#include "../util/buf.h"

/* The case's "published=YYYY-MM-DD" first line, if any: copied into pub
 * (else pub is "") and skipped in *in / *n.  Also used by the knowledge
 * stage's case kinds, which share the format. */
void dl_case_published(const char **in, size_t *n, char pub[32]);

/* Analyse one case text into doc (doc->arena set by the caller; art and
 * keep must outlive doc's use: they hold the text). */
void dl_evcase_analyse(const dl_ctx *ctx, dl_doc *doc, dl_article *art, char pub[32],
                       const char *in, size_t n, dl_buf *keep);

/* Append the doc's events, one line each. */
void dl_evcase_render(const dl_doc *doc, dl_buf *out);

typedef struct dl_evcase_stats {
    long passed, failed;
} dl_evcase_stats;

/* Run the cases of one file.  Failures are printed to `report` (if not
 * NULL).  seen_pattern (if not NULL) is called for every event's pattern.
 * Returns 0, or -1 with *err when the file cannot be read. */
int dl_evcase_run_file(const dl_ctx *ctx, const char *path, FILE *report,
                       void (*seen_pattern)(void *arg, const void *pattern), void *arg,
                       dl_evcase_stats *st, char **err);

#endif
