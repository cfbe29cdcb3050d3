/* know.h -- the knowledge stage: what an analyst reads out of an article
 * besides its events -- quotations with speakers (quote.h), counts and
 * amounts (count.h), places (place.h, gazetteer.h), dates (when.h) and
 * tone (tone.h).  GDELT's Global Knowledge Graph records the same things;
 * we add speakers to quotations and actors to counts.
 *
 * Loading (once per run, read-only afterwards):
 *   ctx->gazetteer = dl_know_load(home, &err);
 * reads data/gazetteer/gazetteer.tsv and data/afinn/afinn-165.txt (the
 * tone lexicon hangs on the gazetteer: dl_ctx has one slot for this stage).
 * Per article, after actors and events:
 *   dl_know_run(ctx, doc);        fills doc->know from doc->arena
 *   dl_know_json(doc, obj);       adds quotes, counts, places, dates, tone
 */
#ifndef DL_KNOW_H
#define DL_KNOW_H
#include "../core/doc.h"
#include "gazetteer.h"
#include "place.h"
#include "quote.h"
#include "count.h"
#include "when.h"
#include "tone.h"
#include "words.h"

typedef struct dl_know {
    dl_quote_set quotes;
    dl_count_set counts;
    dl_place_set places;
    dl_when_set dates;
    dl_tone tone;               /* the story (body) */
    dl_tone *sent_tone;         /* one per sentence, doc->sents.n */
    const dl_know_word *words;  /* per token, see dl_know_words() */
    const struct dl_tone_lex *words_lex;   /* the lexicon they came from */
} dl_know;

/* The sentence holding token tok (binary search), or (size_t)-1. */
size_t dl_know_sentence_of(const dl_doc *doc, size_t tok);

/* The number of tokens that start before the story's end (doc->body_end,
 * or the end of the text): the finders read t[0..this).  Binary search:
 * tokens are in text order. */
size_t dl_know_story_end(const dl_doc *doc);
/* The first token that starts at or after doc->body_start (the story's
 * first; tokens before it, if any, belong to the dateline). */
size_t dl_know_story_start(const dl_doc *doc);

/* Per token of doc: its tone lexicon value and DL_KW_* bits (words.h),
 * from the lexicon lex, or with lex NULL from the one of doc->ctx (only
 * the bits are wanted then).  Computed once per article and kept in
 * doc->know; the finders call it first. */
const dl_know_word *dl_know_words(const dl_doc *doc, const struct dl_tone_lex *lex);

/* Load the gazetteer and the tone lexicon from the repo root home. */
dl_gazetteer *dl_know_load(const char *home, char **err);

void dl_know_run(const dl_ctx *ctx, dl_doc *doc);
void dl_know_json(const dl_doc *doc, json_t *article);

#endif
