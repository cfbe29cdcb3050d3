/* clause.h -- shallow clause analysis around a verb, without a parser.
 *
 * Everything works on the token array of one article and the actor mentions
 * of the actor stage: the verb group (auxiliaries, negation, modals and
 * control verbs such as "plans to", "refused to", "threatened to"), the
 * subject (nearest actor before the verb group inside its clause, skipping
 * relative clauses and prepositional phrases, resolving pronouns and
 * relative pronouns), the object and the `by` agent, compound actors
 * ("France and Germany"), who is speaking in a quotation, frames such as
 * "according to X" / "For X," and dates stated in the sentence.
 */
#ifndef DL_EVENT_CLAUSE_H
#define DL_EVENT_CLAUSE_H
#include <stddef.h>
#include <stdint.h>
#include "../core/doc.h"

enum {
    DL_CL_NEG      = 1 << 0,   /* not, never, n't, failed to */
    DL_CL_INTENT   = 1 << 1,   /* will, would, plans to, agreed to, ... */
    DL_CL_THREAT   = 1 << 2,   /* threatened to */
    DL_CL_REFUSE   = 1 << 3,   /* refused to, declined to, unwilling to */
    DL_CL_PASSIVE  = 1 << 4,   /* be/get + participle */
    DL_CL_HYPO     = 1 << 5,   /* could, might, may, should, if-clause */
    DL_CL_EMBEDDED = 1 << 6,   /* "urged X to VERB": the act is only asked for */
    DL_CL_COORD    = 1 << 7    /* "X criticised Y and condemned Z": subject of first verb */
};

typedef struct dl_clause {
    const dl_doc *doc;
    const dl_token *t;
    size_t ntok;
    int32_t *starts;    /* token -> actor mention starting there, or -1 */
    int32_t *covers;    /* token -> actor mention covering it, or -1 */
    int32_t *speaker;   /* token -> speaker of the quotation it is in, or -1 */
    uint32_t *sent_of;  /* token -> sentence index */
    const struct dl_verb_dict *verbs;   /* to see verbs an object search must not cross */
    uint64_t *th;       /* token -> dl_word_hash of its norm */
    uint8_t *tf;        /* token -> DL_TK_* bits, computed once */
    uint32_t *wc;       /* token -> closed word classes (clause.c's W_* bits) */
} dl_clause;

enum { DL_TK_BOUND = 1, DL_TK_COMMA = 2 };

/* Index the doc's actors and quotations (memory from doc->arena). */
void dl_clause_init(dl_clause *c, dl_doc *doc, const struct dl_verb_dict *verbs);

/* The closed word classes (auxiliaries, modals, subordinators, ...) as a
 * hash table, built once with the verb dictionary (verbs->closed), which
 * dl_clause_init therefore needs. */
dl_wordset *dl_clause_words_new(void);

/* The verb group of the verb at token v (forms: dl_vform bits of v):
 * returns the first token of the group and sets *flags. */
uint32_t dl_clause_vgroup(const dl_clause *c, uint32_t sent_start, uint32_t v, int forms, unsigned *flags);

/* The subject mention of a verb group starting at gstart, or -1.  *how is
 * set to a short static text ("subject", "relative pronoun", "pronoun",
 * "coordinated verb"). */
int32_t dl_clause_subject(const dl_clause *c, uint32_t sent_start, uint32_t gstart, const char **how);

/* First actor mention starting in [from, from+window) in the clause, or -1.
 * Stops at clause boundaries; a comma is crossed only before a preposition. */
int32_t dl_clause_actor_after(const dl_clause *c, uint32_t from, uint32_t sent_end, uint32_t window);
/* The same; strict (for a pattern's slot) also stops at a preposition
 * ("fly to the west on U.S. airplanes" has no object). */
int32_t dl_clause_actor_after2(const dl_clause *c, uint32_t from, uint32_t sent_end, uint32_t window, int strict);

/* The agent of a passive: an actor after "by" following the verb, or -1. */
int32_t dl_clause_by_agent(const dl_clause *c, uint32_t v, uint32_t sent_end);

/* Is the mention starting at token tok inside a phrase opened by "in" or
 * "at" ("in a British television interview", "at the UN")? */
int dl_clause_in_locative(const dl_clause *c, uint32_t lo, uint32_t tok);

/* Is token i a determiner (the, a, its, their, ...)? */
int dl_clause_is_det(const dl_clause *c, uint32_t i);

/* The subject of the sentence's main clause before token hi: its first
 * actor not inside a prepositional phrase, or -1. */
int32_t dl_clause_main_subject(const dl_clause *c, uint32_t lo, uint32_t hi);

/* A frame source for the sentence around v: the speaker of the quotation
 * v is in, or "according to X" / "For X," -- or -1. */
int32_t dl_clause_frame(const dl_clause *c, uint32_t sent, uint32_t v);

/* Mentions joined to m by "and", ",", "as well as" (dir -1: before m,
 * +1: after m), written into out (m itself first); returns the count. */
size_t dl_clause_compound(const dl_clause *c, int32_t m, int dir, int32_t *out, size_t max);

/* A date stated in sentence sent, nearest to token v, resolved against the
 * article date.  Returns 1 and fills *out, else 0. */
int dl_clause_date(const dl_clause *c, uint32_t sent, uint32_t v, dl_date *out);

/* If token i is a personal pronoun (he, she, it, they, we, I), the actor
 * it refers to, else -1. */
int32_t dl_clause_pronoun(const dl_clause *c, uint32_t i);

#endif
