/* words.h -- the knowledge stage's word lists, answered once per token.
 *
 * The finders ask of many tokens whether they are in one of their lists
 * ("troops" is a counted noun, "near" a locative cue, "Nice" an everyday
 * word), and the tone stage looks every word up in the AFINN lexicon.
 * dl_know_load() adds every list word to the lexicon's hash table with a
 * bit per list (DL_KW_*), so dl_know_words() answers all of them -- and
 * the tone lookup -- with one probe per token, once per article.
 *
 * The lists stay in the files that use them, as data; each file exports
 * them as dl_know_list arrays (ended by an entry with n == 0).
 */
#ifndef DL_WORDS_H
#define DL_WORDS_H
#include <stddef.h>
#include <stdint.h>

enum {
    DL_KW_PEOPLE    = 1u << 0,   /* count.c: nouns that count people */
    DL_KW_UNIT      = 1u << 1,   /* count.c: units of measure */
    DL_KW_STOP      = 1u << 2,   /* count.c: words that end a counted noun phrase */
    DL_KW_NOUN      = 1u << 3,   /* count.c: counted nouns with a type */
    DL_KW_VERB      = 1u << 4,   /* count.c: verbs that type a count */
    DL_KW_REPORTING = 1u << 5,   /* quote.c: reporting verbs */
    DL_KW_LOC_CUE   = 1u << 6,   /* place.c: locative cues ("in", "near") */
    DL_KW_DIRECTION = 1u << 7,   /* place.c: "northern", "the", ... */
    DL_KW_NAME_HEAD = 1u << 8,   /* place.c: "Agreement", "University", ... */
    DL_KW_OF_HEAD   = 1u << 9,   /* place.c: "Bank" of, "Duke" of, ... */
    DL_KW_REGION    = 1u << 10,  /* place.c: "province", "strip", ... */
    DL_KW_JOINER    = 1u << 11,  /* place.c: "of", "de", "al", ... inside names */
    DL_KW_COMMON    = 1u << 12,  /* gazetteer.c: everyday words named like places */
    DL_KW_DATE      = 1u << 13,  /* when.c: lower-case words that start dates */
    DL_KW_NUMBER    = 1u << 14,  /* count.c: words a number can start with */
    DL_KW_SCALE     = 1u << 15,  /* count.c: "million", "mln", "k" after a number */
    DL_KW_CURRENCY  = 1u << 16,  /* count.c: currency words after a number */
    DL_KW_AGO       = 1u << 17,  /* when.c: "ago" */
    DL_KW_MONTH_DAY = 1u << 18,  /* when.c: month and weekday names and their prefixes */
    DL_KW_CUR_CODE  = 1u << 19,  /* count.c: currency signs and codes before a number ("$", "USD", "US" of "US$") */
    DL_KW_FUTURE    = 1u << 20,  /* when.c: words that put a sentence in the future ("will") */
    DL_KW_TIME_CUE  = 1u << 21,  /* when.c: words before a date ("in", "since") */
    DL_KW_AUX       = 1u << 22,  /* quote.c: words between a subject and its verb ("has", "also") */
    DL_KW_ADJUNCT   = 1u << 23,  /* quote.c: words that start an adjunct after a subject */
    DL_KW_NP_END    = 1u << 24,  /* quote.c: words that end a speaker read forwards */
    DL_KW_NP_STOP   = 1u << 25   /* quote.c: words that end a speaker read backwards */
};

/* The number of words in a NULL-terminated list array (without the NULL),
 * for the n of a dl_know_list. */
#define DL_KNOW_NLIST(a) (sizeof (a) / sizeof *(a) - 1)

/* A list: words[0..n) (or at(k) for lists of structs), all with bit. */
typedef struct dl_know_list {
    const char *const *words;
    const char *(*at)(size_t k);
    size_t n;
    uint32_t bit;
} dl_know_list;

/* Per token: lex is the tone lexicon's value for the token's norm (0 when
 * absent; see tone.c), cls its DL_KW_* bits. */
typedef struct dl_know_word {
    uint32_t lex;
    uint32_t cls;
} dl_know_word;

extern const dl_know_list dl_count_word_lists[];
extern const dl_know_list dl_place_word_lists[];
extern const dl_know_list dl_quote_word_lists[];
extern const dl_know_list dl_gazetteer_word_lists[];
extern const dl_know_list dl_when_word_lists[];
/* All of the above, NULL-terminated. */
extern const dl_know_list *const dl_know_all_lists[];

/* The DL_KW_* bits of a word by reading the lists (no lexicon at hand). */
uint32_t dl_know_word_class(const char *norm);

#endif
