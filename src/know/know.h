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
#include <string.h>

/* Token indexes worth a finder's look, in text order, from one pass over
 * the article's tokens (dl_know_cands()).  Each list is a superset of the
 * tokens its finder can start with; the finder still tests each one, so
 * the lists only spare it the tokens it would skip. */
typedef struct dl_know_list_ix { const uint32_t *v; size_t n; } dl_know_list_ix;
typedef struct dl_know_cand_set {
    dl_know_list_ix names;   /* capitalised words: places */
    dl_know_list_ix nums;    /* numbers, symbols, currency codes in capitals, number words: counts */
    dl_know_list_ix dates;   /* numbers, abbreviations, date words, capitalised month and
                                weekday names, words starting with a digit, "N units ago": dates */
    dl_know_list_ix marks;   /* quotation marks and paragraph starts: quotes */
    dl_know_list_ix toned;   /* words the tone lexicon scores or counts (dl_tone_lex_toned()) */
    const uint32_t *words_before;   /* [i]: the words (tone.h) among tokens 0..i-1; n + 1 entries */
} dl_know_cand_set;

typedef struct dl_know {
    dl_quote_set quotes;
    dl_count_set counts;
    dl_place_set places;
    dl_when_set dates;
    dl_tone tone;               /* the story (body) */
    dl_tone *sent_tone;         /* one per sentence, doc->sents.n */
    const dl_know_word *words;  /* per token, see dl_know_words() */
    const struct dl_tone_lex *words_lex;   /* the lexicon they came from */
    const dl_know_cand_set *cands;            /* see dl_know_cands() */
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

/* Visit the candidate token indexes i of list l (a dl_know_list_ix) that
 * lie in [lo, hi), in order, skipping those a finding has used: the body
 * may move i forward to the last token it consumed ("i = last;
 * continue;"), and the loop's step then moves past it.  `continue` and
 * `break` in the body work as in any loop. */
#define DL_KNOW_FOR_CANDS(l, lo, hi, i)                                                                 \
    for (size_t ci_ = 0, next_ = (lo), i = 0; ci_ < (l)->n; ci_++, next_ = i + 1 > next_ ? i + 1 : next_) \
        if ((i = (l)->v[ci_]) < next_) continue;                                                        \
        else if (i >= (hi)) break;                                                                      \
        else

/* The finders' candidate tokens of doc (from dl_know_words()'s bits),
 * computed once per article and kept in doc->know like the words. */
const dl_know_cand_set *dl_know_cands(const dl_doc *doc);

/* Is token t's norm the string literal lit?  The length first, then a
 * memcmp the compiler inlines: the finders ask this of most tokens they
 * look at, and strcmp was a call each time. */
#define DL_NORM_IS(t, lit) ((t)->norm_len == sizeof(lit) - 1 && !memcmp((t)->norm, (lit), sizeof(lit) - 1))

/* Is w in the NULL-terminated list?  For the short lists a finder asks
 * of a few tokens only; lists asked of every token are lexicon bits. */
static inline int dl_know_in_list(const char *const *list, const char *w) {
    for (; *list; list++) if ((*list)[0] == w[0] && strcmp(*list, w) == 0) return 1;
    return 0;
}

/* Is token t the punctuation p ("," ";")?  The first byte first: most
 * tokens asked are not. */
static inline int dl_know_is_punct(const dl_token *t, const char *p) {
    return t->kind == DL_TOK_PUNCT && t->norm[0] == p[0] && strcmp(t->norm, p) == 0;
}

/* Could token t (with lexicon bits w) be a month or weekday name for
 * dl_month_from_name() or dl_weekday_from_name()?  A word only if the
 * lexicon says so (DL_KW_MONTH_DAY); an abbreviation's norm keeps its
 * period ("jan."), which the lexicon does not hold, so it always may. */
static inline int dl_know_may_be_month_day(const dl_token *t, const dl_know_word *w) {
    return t->kind == DL_TOK_ABBR || (w->cls & DL_KW_MONTH_DAY);
}

/* Load the gazetteer and the tone lexicon from the repo root home. */
dl_gazetteer *dl_know_load(const char *home, char **err);

void dl_know_run(const dl_ctx *ctx, dl_doc *doc);
void dl_know_json(const dl_doc *doc, json_t *article);

#endif
