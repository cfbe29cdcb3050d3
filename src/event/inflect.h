/* inflect.h -- English verb inflection for the verb dictionary: from a lemma
 * ("withdraw") generate the forms a news text uses ("withdraws", "withdrew",
 * "withdrawn", "withdrawing"), so dictionary writers give the lemma once.
 * Regular rules (e-drop, y -> ies/ied, consonant doubling) plus a table of
 * irregular verbs; a dictionary line may still list forms explicitly.
 */
#ifndef DL_EVENT_INFLECT_H
#define DL_EVENT_INFLECT_H
#include <stddef.h>

enum dl_vform {
    DL_VF_BASE = 1 << 0,   /* withdraw */
    DL_VF_3SG  = 1 << 1,   /* withdraws */
    DL_VF_PAST = 1 << 2,   /* withdrew */
    DL_VF_PP   = 1 << 3,   /* withdrawn */
    DL_VF_ING  = 1 << 4,   /* withdrawing */
    DL_VF_STEM = 1 << 5    /* a TABARI stem: any word starting with it ("RESTOR") */
};

typedef struct dl_verb_forms {
    char form[5][48];      /* indexed by bit position of dl_vform */
} dl_verb_forms;

/* Fill f with the forms of lemma (lower case ASCII, < 40 bytes).  Multi-word
 * lemmas inflect their first word ("pull_out" is not used: particles are
 * pattern words).  Returns 0, or -1 when the lemma is too long or empty. */
int dl_inflect(const char *lemma, dl_verb_forms *f);

/* The form index (0..4) for a dl_vform bit. */
int dl_vform_index(int bit);

#endif
