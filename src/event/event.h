/* event.h -- the event stage: who did what to whom, coded in CAMEO and
 * PLOVER.  For each sentence the coder looks up every token in the verb
 * dictionary (verbdict.h), matches the verb's patterns, analyses the clause
 * around the verb (clause.h: subject, object, passive, negation, modality,
 * reported speech, compound actors) and records one dl_event per
 * source/target pair, using the actor mentions of the actor stage
 * (actor.h) as the only possible sources and targets.
 *
 *   struct dl_verb_dict *d = dl_verb_dict_load("dict", &err);
 *   dl_verb_dict_add_tabari(d, "my.verbs", &err);    --verbs FILE
 *   dl_events_code(ctx, doc);     fills doc->events (arena memory)
 *   dl_events_json(doc, obj);     adds "events": [...]
 */
#ifndef DL_EVENT_H
#define DL_EVENT_H
#include <stddef.h>
#include <stdint.h>
#include "../core/doc.h"
#include "../util/buf.h"
#include "cameo.h"
#include "verbdict.h"

enum {
    DL_EF_NEGATED  = 1 << 0,   /* "did not", "refused to": coded as refusal */
    DL_EF_INTENT   = 1 << 1,   /* "will", "plans to", "agreed to" */
    DL_EF_THREAT   = 1 << 2,   /* "threatened to" */
    DL_EF_PASSIVE  = 1 << 3,   /* "was attacked by" */
    DL_EF_REPORTED = 1 << 4,   /* source from a quotation or "according to" frame */
    DL_EF_DATED    = 1 << 5    /* the date was stated in the sentence */
};

typedef struct dl_event {
    uint32_t sent;                 /* sentence index */
    uint32_t start, end;           /* byte span of the verb phrase */
    uint32_t verb_tok;             /* the verb token */
    int32_t source, target;        /* indices into doc->actors->v */
    const char *source_code, *target_code;
    char code[16];                 /* final CAMEO code (after modality) */
    const dl_cameo *cameo;         /* its table row, NULL for foreign codes */
    const dl_verb_pattern *pattern;
    unsigned flags;                /* DL_EF_* */
    dl_date date;
    uint32_t *matched;             /* token indices the pattern matched */
    uint32_t nmatched;
    const char *why;               /* one line: how source/target/code were found */
} dl_event;

typedef struct dl_event_set {
    dl_event *v;
    size_t n, cap;
} dl_event_set;

struct dl_verb_dict;

/* Load dir/cameo.tsv and every dir/verbs/ *.txt.  NULL with *err (malloc'd,
 * "file:line: message") on failure. */
struct dl_verb_dict *dl_verb_dict_load(const char *dir, char **err);
/* The same, but unknown CAMEO codes do not fail the load (for lint, which
 * lists them: their patterns keep cameo == NULL). */
struct dl_verb_dict *dl_verb_dict_load_lenient(const char *dir, char **err);
/* An empty dictionary with only the CAMEO table (for running a foreign
 * dictionary alone, as the TABARI suite does). */
struct dl_verb_dict *dl_verb_dict_new(const char *cameo_tsv, char **err);
/* Add a TABARI .verbs or PETRARCH CAMEO.*.txt verb dictionary.  Its codes
 * are used as written (no negation or modality mapping: TABARI dictionaries
 * spell those out as patterns). */
int dl_verb_dict_add_tabari(struct dl_verb_dict *d, const char *path, char **err);
void dl_verb_dict_free(struct dl_verb_dict *d);
/* Statistics for lint and reports. */
size_t dl_verb_dict_npatterns(const struct dl_verb_dict *d);

void dl_events_code(const dl_ctx *ctx, dl_doc *doc);
void dl_events_json(const dl_doc *doc, json_t *article);
/* One event as JSON (used by dl_events_json and `dateline dict test`). */
json_t *dl_event_json(const dl_doc *doc, const dl_event *e);

#endif
