/* count.h -- how many of what: numbers tied to what they count.
 *
 * A count is a number -- digits (`300`, `1,500`, `1.5 million`), number
 * words (`three hundred`, `twenty-five`, `a dozen`) or a vague quantity
 * (`dozens`, `hundreds`, `thousands`: value is the least it can mean,
 * vague = 1) -- and the noun it counts (`300 troops`, `12 people`).  Its
 * type follows GDELT's count types: a verb near it decides first (KILL
 * `killed`, WOUND `injured`, ARREST `detained`, KIDNAP `abducted`, PROTEST
 * `marched`, DISPLACED `fled`, EVACUATION `evacuated`), then the noun
 * (PROTEST `protesters`, REFUGEES `refugees`, DISPLACED `displaced
 * people`, SOLDIERS `troops`, KILL `deaths`, AFFECT `casualties`).  An
 * untyped count is kept only when it counts people (`10,000 workers`).
 * Money is type MONEY with an ISO 4217 currency (`$5 million`, `20
 * billion euros`, `5,000 CFA francs`, wire style `23.5 mln dlrs`; "" when
 * the text does not say which francs).  Years, dates, times, ages,
 * percentages and measures (`3.4 mln barrels`, `51 pct`, `40 km`) are not
 * counts.
 *
 * The actor: an actor mention that covers the counted noun or stands just
 * before the number (`the British contingent of 300 troops`, `Britain's
 * 300 troops`); a country-only code on a SOLDIERS count gets the MIL role
 * (troops of GBR are GBRMIL).
 */
#ifndef DL_COUNT_H
#define DL_COUNT_H
#include <stddef.h>
#include <stdint.h>
#include "../core/doc.h"

typedef struct dl_count {
    uint32_t start, end;        /* the number and what it counts */
    uint32_t sent;
    double value;               /* least value for vague quantities */
    int vague;
    const char *type;           /* "KILL", "SOLDIERS", "MONEY", ... or "" */
    const char *object;         /* the counted noun as written, "" if none */
    const char *currency;       /* ISO 4217 for MONEY, else "" */
    const char *actor;          /* CAMEO code of the actor it belongs to, "" */
} dl_count;

typedef struct dl_count_set {
    dl_count *v;
    size_t n;
} dl_count_set;

void dl_counts_find(dl_doc *doc, dl_count_set *out);

/* Read a number starting at token i of t[0..n): digits, number words,
 * scale words.  Returns the tokens used (0 if none) and sets *value and
 * *vague. Exposed for tests. */
size_t dl_number_at(const dl_token *t, size_t n, size_t i, double *value, int *vague);

/* 1 if the lists the finder binary-searches (counted nouns, typing verbs,
 * number words) are sorted and free of duplicates. For tests. */
int dl_count_tables_sorted(void);

#endif
