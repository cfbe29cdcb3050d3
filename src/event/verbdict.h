/* verbdict.h -- the verb dictionary: patterns that say which verb, with
 * which words around it, codes which CAMEO event, compiled at load time into
 * a hash from every inflected verb form to the patterns of its verb.
 *
 * Our format (docs/dictionaries-verbs.md), one directory dict/verbs/ of
 * files read in name order:
 *
 *   &TROOPS = troops | soldiers | peacekeeping forces     word class
 *   verb withdraw                                         lemma: forms generated
 *   verb lead = led led                                   past, participle given
 *     1661   * &TROOPS from|in +                          code and pattern
 *     166    * from +
 *     ---    * from the race                              blocks: no event
 *     040~   *                                            ~: reciprocal
 *     074@AID/peacekeeping  * &TROOPS to +                PLOVER override
 *
 * Pattern words: `*` the verb, `$` the source slot, `+` the target slot,
 * `word`, `a|b` alternatives, `?word` optional, `&CLASS`, `=word` (no gap
 * before it).  Elements after the verb match in order with gaps of at most
 * DL_PAT_GAP tokens; elements before it likewise, backwards.
 *
 * TABARI .verbs and PETRARCH CAMEO.*.txt files load into the same structure
 * (dl_verb_dict_add_tabari).
 */
#ifndef DL_EVENT_VERBDICT_H
#define DL_EVENT_VERBDICT_H
#include <stddef.h>
#include <stdint.h>
#include "cameo.h"
#include "../text/text.h"
#include "inflect.h"

#define DL_PAT_GAP 3

enum dl_pe_kind { DL_PE_WORD = 1, DL_PE_CLASS, DL_PE_SOURCE, DL_PE_TARGET };

typedef struct dl_pat_elem {
    uint8_t kind;        /* dl_pe_kind */
    uint8_t optional;
    uint8_t adjacent;    /* no gap allowed before this element */
    uint8_t prefix;      /* TABARI: each word matches any word it begins */
    uint16_t nalt;
    char **alt;          /* DL_PE_WORD: alternatives (each may hold spaces: a word sequence) */
    uint64_t *h;         /* hash of each alternative's first word (dl_word_hash) */
    uint64_t any[4];     /* bit (h >> 8 & 255) of every alternative: a 256-bit Bloom filter */
    int cls;             /* DL_PE_CLASS: index into dict->classes */
} dl_pat_elem;

enum {
    DL_PF_NOEVENT    = 1 << 0,   /* code "---": matching blocks the verb */
    DL_PF_RECIPROCAL = 1 << 1,   /* "A and B met": A->B and B->A */
    DL_PF_FOREIGN    = 1 << 2    /* loaded from a TABARI/PETRARCH file */
};

typedef struct dl_verb_pattern {
    char *id;                 /* "verbs/16-reduce.txt:12" */
    char *text;               /* the pattern as written */
    int verb;                 /* index into dict->verbs */
    char code[16];            /* CAMEO code as written ("1661", or a TABARI code) */
    const dl_cameo *cameo;    /* NULL for unknown codes and no-event patterns */
    char *plover_type, *plover_mode;   /* override, or NULL */
    dl_pat_elem *pre;         /* before the verb, nearest first */
    size_t npre;
    dl_pat_elem *post;        /* after the verb, in order */
    size_t npost;
    unsigned flags;
    int specificity;          /* required words/classes matched: longer wins */
    int has_words;            /* names at least one word or class (optional or not) */
    int content_elems;        /* elements naming a content word (not only to/of/the...) */
} dl_verb_pattern;

typedef struct dl_word_class {
    char *name;               /* "TROOPS" (without &) */
    char **member;            /* word sequences, words separated by one space */
    uint64_t *h;              /* hash of each member's first word */
    uint64_t any[4];          /* bit (h >> 8 & 255) of every member */
    size_t n, cap;
    int defined;
    int prefix;               /* TABARI synset: members match as word beginnings */
    char *where;
    char **merge;             /* a union ("&A|&B|word"): classes merged in at finish */
    size_t nmerge;              /* first use, for "undefined class" errors */
} dl_word_class;

typedef struct dl_verb {
    char *lemma;
    int foreign;              /* from a TABARI/PETRARCH file: its own noun rules */
    uint32_t *pat;            /* pattern indices, file order */
    size_t npat, cap;
} dl_verb;

/* One hash slot: a form and the verbs it belongs to (with the form kind). */
typedef struct dl_form_hit {
    uint32_t verb;
    uint32_t forms;           /* dl_vform bits */
} dl_form_hit;

typedef struct dl_form_slot {
    char *key;
    dl_form_hit *hit;
    size_t nhit;
} dl_form_slot;

struct dl_verb_dict {
    dl_cameo_table cameo;
    dl_verb_pattern *pat;
    size_t npat, cappat;
    dl_verb *verb;
    size_t nverb, capverb;
    dl_word_class *cls;
    size_t ncls, capcls;
    dl_form_slot *slot;       /* open addressing, power of two */
    size_t nslot, used;
    char **files;             /* files loaded, for lint */
    size_t nfiles;
    int lenient;              /* unknown codes are kept, not an error */
    size_t nstems;            /* TABARI stems in the hash (then lookups also try prefixes) */
    dl_wordset *closed;       /* the clause analysis's word classes (dl_clause_words_new) */
};

/* Is w a function word ("to", "of", "the", ...) that alone does not say
 * what a pattern is about? */
int dl_is_function_word(const char *w);

/* The hash used to compare words quickly: dl_hash32 (32-bit FNV-1a), the
 * hash every token carries, widened. */
uint64_t dl_word_hash(const char *s, size_t n);
/* Compute the first-word hashes of every element and class member (done
 * by the loaders; call again after adding patterns by hand). */
void dl_verb_dict_index(struct dl_verb_dict *d);
/* Fast element matching with token hashes th[] (th[i] = dl_word_hash of
 * t[i].norm): tokens consumed, 0 when no match. */
size_t dl_elem_match_h(const struct dl_verb_dict *d, const dl_pat_elem *e, const struct dl_token *t,
                       const uint64_t *th, size_t i, size_t n);
/* Could element e match anywhere in th[lo..hi)?  (a cheap prefilter;
 * mask: the Bloom bits DL_BLOOM_SET of the range's tokens) */
#define DL_BLOOM_BIT(h) ((unsigned)((h) >> 8) & 255u)
#define DL_BLOOM_SET(m, h) ((m)[DL_BLOOM_BIT(h) >> 6] |= 1ULL << (DL_BLOOM_BIT(h) & 63))
int dl_elem_possible(const struct dl_verb_dict *d, const dl_pat_elem *e, const uint64_t *th, size_t lo, size_t hi,
                     const uint64_t mask[4]);
/* Lookup with the token's dl_word_hash already known. */
const dl_form_slot *dl_verb_dict_lookup_h(const struct dl_verb_dict *d, const char *norm, size_t n, uint64_t h);

/* Look up a token as a TABARI stem: the longest prefix (>= 3 bytes) that is
 * a stem in the hash, or NULL. */
const dl_form_slot *dl_verb_dict_lookup_stem(const struct dl_verb_dict *d, const char *norm, size_t n);

/* Look up a (folded, lower-case) token: the verbs it is a form of. */
const dl_form_slot *dl_verb_dict_lookup(const struct dl_verb_dict *d, const char *norm, size_t n);

/* Parse one file in our format into d.  Returns 0 or -1 with *err. */
int dl_verb_dict_add_file(struct dl_verb_dict *d, const char *path, const char *label, char **err);
/* Resolve codes and classes, check for undefined classes (after all files). */
int dl_verb_dict_finish(struct dl_verb_dict *d, char **err);

#endif
