/* place.h -- places named in an article, resolved against the gazetteer.
 *
 * A place mention is a run of capitalised tokens whose folded form is a
 * gazetteer key ("Gao", "West Africa", "Burkina Faso"), longest match
 * first.  Where several places share the name, the one chosen scores
 *   kind (country > named region > populated place > first-level region),
 *   population (log10), capital/seat status,
 *   + a bonus when its country is one the article mentions (as a place or
 *     through an actor), and a larger one when the text says so right after
 *     ("Gao, in eastern Mali", "Paris, Texas").
 * So `Gao` in an article about Mali is Gao, Mali.  The article's countries
 * are those named in it, carried by actor mentions, given by the dateline,
 * and those of places a first pass is sure of.  A small town needs more
 * than its name -- a locative cue ("in", "near", a list going on from a
 * place), the article's country with 50,000 people or as a district seat,
 * a capital or first-level seat, or 100,000 people -- and names that are
 * also everyday words ("Nice", "We", "March") need the cue right before
 * them, to keep false hits down.  Months and weekdays are never places.
 *
 * A capital standing for its government (an actor mention with how ==
 * DL_AH_METONYMY: "London follows steps") is kept, flagged `metonymy`, so a
 * reader still sees which places an article names; it is never an event's
 * location.  Not places at all: a name inside a longer
 * actor or organisation name ("Boris Johnson", "University of London",
 * "Paris Agreement").  Demonyms ("British") are actors and are not in the
 * gazetteer at all.
 *
 * dl_place_for_span() gives the event stage a location for an event.
 */
#ifndef DL_PLACE_H
#define DL_PLACE_H
#include <stddef.h>
#include <stdint.h>
#include "gazetteer.h"
#include "../core/doc.h"

typedef struct dl_place_mention {
    uint32_t start, end;        /* byte span in doc->text */
    uint32_t sent;              /* sentence index, (uint32_t)-1 in the dateline */
    const dl_gaz_place *place;
    int cued;                   /* a locative word precedes it */
    int metonymy;               /* the name stands for a government here (an actor
                                   mention with how == DL_AH_METONYMY covers it) */
} dl_place_mention;

typedef struct dl_place_set {
    dl_place_mention *v;        /* sorted by start */
    size_t n;
} dl_place_set;

/* Find the places of doc (uses doc->actors when set).  Memory from doc->arena. */
void dl_places_find(const dl_gazetteer *g, dl_doc *doc, dl_place_set *out);

/* ISO3 codes of the countries an article is about: countries named as
 * places or carried by actor mentions.  Returns how many (at most max). */
size_t dl_places_article_countries(const dl_gazetteer *g, const dl_doc *doc, const char **out, size_t max);

/* The location of an event whose words span [start, end) in sentence sent:
 * the nearest place in the same clause (rule "clause"), else the nearest in
 * the sentence (rule "sentence"), else NULL (rule "none").  Never a country
 * centroid made up for the occasion.  Needs dl_know_run() to have run. */
const dl_place_mention *dl_place_for_span(const dl_doc *doc, size_t sent, size_t start, size_t end, const char **rule);

#endif
