/* dict.h -- the actor dictionary inside: entries, aliases and the token
 * trie that the recogniser (find.c) walks.  Private to src/actor/.
 *
 * An *entry* is one thing with one code for one period: "Boris Johnson,
 * GBRGOV, 2019-07-24..2022-09-06" is one entry, his foreign-secretary term
 * another.  An *alias* is one way of writing an entry ("Boris Johnson",
 * "Johnson" if listed); it is a sequence of folded tokens (the tokenizer's
 * `norm`, so "U.S." in the dictionary and in the text tokenize alike) plus
 * case rules.  The trie has one node per alias prefix; node children live
 * in one open-addressing hash table keyed by (parent node, token), so a
 * lookup is one hash probe per token whatever the dictionary size.
 *
 * The dictionary is built once and never written afterwards; all its
 * memory is in d->mem and freed at once.
 */
#ifndef DL_ACTOR_DICT_H
#define DL_ACTOR_DICT_H
#include <stddef.h>
#include <stdint.h>
#include "../util/arena.h"
#include "../text/text.h"

/* What an entry is, as the recogniser uses it (finer than dl_actor_kind). */
typedef enum dl_entry_type {
    DL_ET_COUNTRY = 1,  /* a state by name: "Mali" -> MLI */
    DL_ET_DEMONYM,      /* adjective/nationality: "Malian" -> MLI */
    DL_ET_SEAT,         /* capital or seat of government: "Bamako" -> MLIGOV */
    DL_ET_PERSON,       /* named person with a dated code */
    DL_ET_ORG,          /* IGO, NGO, mission, party, company */
    DL_ET_GROUP,        /* armed non-state group */
    DL_ET_AGENT,        /* generic agent noun: "government" -> ~GOV */
    DL_ET_TITLE,        /* title that can precede a name: "president" -> ~GOV */
    DL_ET_DOMAIN,       /* portfolio after "minister of": "defence" -> ~MIL */
    DL_ET_REGION,       /* region adjective: "African" -> region Africa */
    DL_ET_IGNORE,       /* suppress a generated alias (countries.tsv) */
    DL_ET_BLOCK         /* a name that contains an actor's but is none: "New England" */
} dl_entry_type;

enum {
    DL_EF_WEAK      = 1 << 0,  /* agent whose roles yield to an "of" complement
                                  or a modifier: "contingent", "organization" */
    DL_EF_PERSONAL  = 1 << 1,  /* denotes one person: "representative" */
    DL_EF_HONORIFIC = 1 << 2,  /* title without a role: "Mr", "Dr" */
    DL_EF_MODIFIER  = 1 << 3,  /* only as a modifier: "peacekeeping" */
    DL_EF_LAND      = 1 << 4,  /* "country", "nation": refers back to a state */
    DL_EF_PREFIX    = 1 << 5,  /* TABARI "[NGM~]": the code is a prefix */
    DL_EF_ADJECTIVE = 1 << 6,  /* also an adjective: "military" in "military aid" */
    DL_EF_BUILDING  = 1 << 7   /* a seat that is a building: "the Kremlin" (cities take no "the") */
};

typedef struct dl_actor_entry {
    const char *code;      /* full code ("GBRGOV"); roles only for agents ("GOV") */
    const char *country;   /* "GBR", "IGO", "" */
    const char *roles;     /* "GOV", "GOVMIL", "" */
    const char *name;      /* canonical name */
    const char *id;        /* "dict/actors/people.txt:12" */
    const char *region;    /* countries: world-countries region; region entries: the region */
    const char *subregion; /* countries: subregion ("Western Africa") */
    long from, to;         /* validity in days since 1970 (LONG_MIN/LONG_MAX open) */
    uint16_t type;         /* dl_entry_type */
    uint16_t flags;        /* DL_EF_* */
} dl_actor_entry;

typedef struct dl_actor_alias {
    uint32_t entry;
    int32_t next;          /* next alias ending at the same trie node, or -1 */
    uint16_t ntok;
    uint8_t exact;         /* written with '=': case must match token by token */
    uint8_t title_only;    /* a person's bare surname: counts only after a title */
    uint32_t cap_mask;     /* tokens that must start upper case */
    uint32_t upper_mask;   /* tokens that must be all upper case (exact only) */
    uint32_t lower_mask;   /* tokens that must not start upper case (exact only) */
} dl_actor_alias;

typedef struct dl_trie_edge {
    uint32_t parent, child;
    uint32_t hash;
    uint8_t stem;          /* TABARI stem: matches any token it begins */
    uint32_t len;          /* strlen(tok) */
    const char *tok;       /* folded token (d->mem); NULL = empty slot */
} dl_trie_edge;

typedef struct dl_actor_dict {
    dl_arena *mem;
    dl_actor_entry *e; size_t ne, cape;
    dl_actor_alias *a; size_t na, capa;
    int32_t *node_alias;   /* per node: first alias ending there, or -1 */
    size_t nnodes, capnodes;
    dl_trie_edge *edges; size_t nedges, capedges;   /* capedges: power of 2 */
    int has_stems;
    dl_arena *scratch;     /* tokenizing aliases while loading */
    int32_t *country_at;   /* 26^3 slots: entry of country code AAA..ZZZ, or -1 */
    /* Suppressed generated aliases (folded, one string per alias). */
    char **ignore; size_t nignore, capignore;
    dl_wordset *words;       /* find.c's closed word classes (dl_actor_words_new) */
} dl_actor_dict;

/* find.c's word lists as a word set; built once per dictionary. */
dl_wordset *dl_actor_words_new(void);

/* Child of node `parent` for folded token tok[0..n), or -1.  stem: also try
 * TABARI stems (prefixes of tok). */
int32_t dl_trie_child(const dl_actor_dict *d, uint32_t parent, const char *tok, size_t n);
/* The same for a token, with the hash it carries. */
int32_t dl_trie_child_tok(const dl_actor_dict *d, uint32_t parent, const dl_token *t);
int32_t dl_trie_child_stem(const dl_actor_dict *d, uint32_t parent, const char *tok, size_t n);

/* Add an entry and return its index; strings are copied into d->mem. */
uint32_t dl_dict_add_entry(dl_actor_dict *d, const dl_actor_entry *proto);
/* Add an alias of entry `ei` written as `text` (tokenized like article
 * text).  exact: '=' case rule.  stem_last: TABARI stem on the last token.
 * Returns 0, or -1 if the alias has no tokens or more than 32. */
int dl_dict_add_alias(dl_actor_dict *d, uint32_t ei, const char *text, size_t n, int exact, int stem_last);

/* Add every person's surname as a title-only alias ("President Bush"). */
void dl_dict_add_surnames(dl_actor_dict *d);

/* Split a code into country (first 3 letters when they are a country or
 * an international prefix) and roles. */
void dl_code_split(const char *code, char country[4], const char **roles);

/* Days since 1970 of a "YYYY-MM-DD" / "YYYY-MM" / "YYYY" date; `end`
 * chooses the last day of a partial date.  Returns 0 on success. */
int dl_dict_parse_day(const char *s, size_t n, int end, long *out);

/* Entry of a country by its alpha-3 code, or NULL (the generated entry,
 * which has the region, wins over hand-written aliases). */
const dl_actor_entry *dl_dict_country(const dl_actor_dict *d, const char *alpha3);

#endif
