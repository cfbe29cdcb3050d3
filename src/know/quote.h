/* quote.h -- quotations and who said them.
 *
 * Quotation marks come from the tokenizer (DL_TOK_QUOTE with DL_TF_QOPEN /
 * DL_TF_QCLOSE; straight and curly, double and single).  A quotation runs
 * from an opening mark to the matching closing one, across sentences, or to
 * the end of its paragraph when the writer never closes it (the news
 * convention for quotes that go on in the next paragraph).  The author bio
 * and other boilerplate after doc->body_end never yield a quotation.
 *
 * A quotation is `direct` when it stands as a statement of its own (starts
 * a sentence, or follows a reporting verb, a colon or a comma, and holds a
 * clause) and `partial` when it is a phrase inside the writer's sentence
 * (`linked to “massive human rights abuses”`) -- single quoted words
 * (`to “balance”`) are kept and flagged partial.
 *
 * Attribution looks for a reporting frame around the quotation (the frame
 * name is kept in dl_quote.frame), first after it, then before it in its
 * sentence (at most 80 tokens back):
 *   quote-speaker-verb   “...,” the British representative said.
 *   quote-verb-speaker   “...,” said Heappey.
 *   according-to         According to the mayor, ... “...”   “...,” according to X.
 *   for-speaker          For Heappey, ... “...”
 *   verb-by-speaker      hailed by Boris Johnson as ... a “force for good”
 *   subject-participle   The minister denied it, calling it “...”
 *   speaker-verb-quote   Heappey stressed that ... “...”   X told reporters: “...”
 *   verb-speaker-quote   said the spokesman: “...”
 * and otherwise takes the speaker of the quotation just before it
 * (previous-quote, within two sentences), or, for a quotation left open at
 * a paragraph's end, of the one continuing it (next-quote).  A speaker
 * phrase read backwards skips an appositive (`X, who ..., said`), stops
 * before an adjunct (`X on Friday said`) and must hold a content word.  It
 * is resolved through doc->actors: a person mention inside it wins, then a
 * coreferent one (`the British representative` -> the name of its
 * antecedent, James Heappey); he/she/they take the latest person mentioned
 * before, or the previous quotation's speaker; "I" and "we" stay as written.
 */
#ifndef DL_QUOTE_H
#define DL_QUOTE_H
#include <stddef.h>
#include <stdint.h>
#include "../core/doc.h"

typedef struct dl_speaker {
    int found;
    uint32_t start, end;        /* the speaker expression in the text */
    const char *text;           /* as written */
    const char *name;           /* resolved name (actor's canonical name), else the text */
    const char *code;           /* CAMEO actor code, "" when no actor covers it */
} dl_speaker;

typedef struct dl_quote {
    uint32_t start, end;        /* the quoted text, marks excluded */
    uint32_t sent;              /* sentence of the opening mark */
    const char *text;
    int partial;                /* 1 partial, 0 direct */
    const char *verb;           /* reporting verb as written (lower case), "" if none */
    const char *frame;          /* which frame attributed it (see above), "" if none */
    dl_speaker speaker;
} dl_quote;

typedef struct dl_quote_set {
    dl_quote *v;
    size_t n;
} dl_quote_set;

void dl_quotes_find(dl_doc *doc, dl_quote_set *out);

/* Is norm a reporting verb form ("said", "stressed", "told")? */
int dl_reporting_verb(const char *norm);

#endif
