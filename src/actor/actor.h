/* actor.h -- find political actors in an article and code them in CAMEO
 * actor codes (country/organisation + roles: GBRGOV, MLIMIL, IGOUNO, ...).
 *
 * CONTRACT shared by the actor, event and knowledge stages.  The actor stage
 * (src/actor/) owns this header; the event stage (src/event/) and the
 * knowledge stage (src/know/) only read dl_actor_set.
 *
 * Loading (once per run; the dictionary is read-only afterwards, so threads
 * may share it):
 *   struct dl_actor_dict *d = dl_actor_dict_load(dir, &err);  dir = "dict"
 *   dl_actor_dict_add_tabari(d, path, kind, &err)  --actors / --agents files
 * Per article (fills doc->actors; memory from doc->arena):
 *   dl_actors_find(ctx, doc);
 *   dl_actors_json(doc, obj);   adds "actors": [...] to the article object
 */
#ifndef DL_ACTOR_H
#define DL_ACTOR_H
#include <stddef.h>
#include <stdint.h>
#include "../core/doc.h"

typedef enum dl_actor_kind {
    DL_AK_COUNTRY = 1,   /* a state: "Mali", "France" */
    DL_AK_PERSON,        /* a named person: "James Heappey" */
    DL_AK_ORG,           /* IGO, NGO, company, party, mission: "MINUSMA" */
    DL_AK_GROUP,         /* armed non-state group: "Wagner Group" */
    DL_AK_AGENT          /* generic agent: "troops", "the government" */
} dl_actor_kind;

typedef enum dl_actor_how {
    DL_AH_DICTIONARY = 1,  /* matched an entry */
    DL_AH_TITLE,           /* a person coded from a title ("Secretary of State ... James Heappey") */
    DL_AH_COREF,           /* a later mention resolved to an earlier actor */
    DL_AH_METONYMY,        /* a capital or seat standing for its government */
    DL_AH_COMPOSED         /* demonym/country + agent composed ("the British government") */
} dl_actor_how;

typedef struct dl_actor_mention {
    uint32_t start, end;          /* byte span in doc->text */
    uint32_t tok_start, tok_end;  /* token range [tok_start, tok_end) */
    uint32_t sent;                /* sentence index */
    const char *code;             /* full CAMEO actor code, e.g. "GBRGOV" */
    const char *country;          /* 3-letter country/org part, e.g. "GBR", "IGO"; "" if none */
    const char *roles;            /* role codes concatenated, e.g. "GOVMIL"; "" if none */
    dl_actor_kind kind;
    dl_actor_how how;
    const char *name;             /* canonical name ("James Heappey", "Mali") */
    const char *entry;            /* dictionary entry id ("dict/actors/people.txt:123") or "" */
    int32_t antecedent;           /* for DL_AH_COREF: index of the mention it refers to, else -1 */
} dl_actor_mention;

typedef struct dl_actor_set {
    dl_actor_mention *v;          /* sorted by start */
    size_t n;
} dl_actor_set;

struct dl_actor_dict;
struct dl_actor_dict *dl_actor_dict_load(const char *dir, char **err);
void dl_actor_dict_free(struct dl_actor_dict *d);
/* Add a TABARI or PETRARCH actor file (is_agents = 0) or agent file
 * (is_agents = 1) to a loaded dictionary.  Returns 0, or -1 with *err (the
 * caller frees) naming the file and line.  See docs/dictionaries-actors.md. */
int dl_actor_dict_add_tabari(struct dl_actor_dict *d, const char *path, int is_agents, char **err);
void dl_actors_find(const dl_ctx *ctx, dl_doc *doc);
void dl_actors_json(const dl_doc *doc, json_t *article);
/* "dictionary", "title", "coreference", "metonymy", "composed". */
const char *dl_actor_how_name(dl_actor_how h);
/* "country", "person", "organisation", "armed group", "agent". */
const char *dl_actor_kind_name(dl_actor_kind k);

#endif
