/* know.c -- the knowledge stage: run the finders, write the JSON. */
#include "know.h"
#include "lexicon.h"
#include "../util/buf.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

size_t dl_know_sentence_of(const dl_doc *doc, size_t tok) {
    size_t lo = 0, hi = doc->sents.n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->sents.v[mid].tok_end <= tok) lo = mid + 1;
        else hi = mid;
    }
    if (lo < doc->sents.n && doc->sents.v[lo].tok_start <= tok) return lo;
    return (size_t)-1;
}

size_t dl_know_story_end(const dl_doc *doc) {
    size_t end_off = doc->body_end ? doc->body_end : doc->len;
    size_t lo = 0, hi = doc->toks.n;
    if (!hi || doc->toks.v[hi - 1].start < end_off) return hi;   /* the tokenizer saw only the story */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->toks.v[mid].start < end_off) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

const dl_know_list *const dl_know_all_lists[] = {
    dl_count_word_lists, dl_place_word_lists, dl_quote_word_lists, dl_gazetteer_word_lists, dl_when_word_lists, NULL
};

uint32_t dl_know_word_class(const char *norm) {
    uint32_t cls = 0;
    for (const dl_know_list *const *a = dl_know_all_lists; *a; a++)
        for (const dl_know_list *l = *a; l->n; l++)
            for (size_t k = 0; k < l->n && !(cls & l->bit); k++)
                if (!strcmp(l->at ? l->at(k) : l->words[k], norm)) cls |= l->bit;
    return cls;
}

static dl_know_cand_set *scan(const dl_doc *doc, const struct dl_tone_lex *lex, dl_know_word *w);

const dl_know_word *dl_know_words(const dl_doc *doc, const struct dl_tone_lex *lex) {
    dl_know *k = doc->know;
    if (k && k->words && (!lex || lex == k->words_lex)) return k->words;
    if (!lex && doc->ctx && doc->ctx->gazetteer) lex = doc->ctx->gazetteer->tone;
    size_t n = doc->toks.n;
    dl_know_word *w = dl_arena_alloc(doc->arena, (n ? n : 1) * sizeof *w);
    if (lex) {
        /* the lookups and the candidate lists in one pass over the tokens */
        dl_know_cand_set *c = scan(doc, lex, w);
        if (k) k->cands = c;
    } else {
        for (size_t i = 0; i < n; i++) { w[i].lex = 0; w[i].cls = dl_know_word_class(doc->toks.v[i].norm); }
    }
    if (k) { k->words = w; k->words_lex = lex; }
    return w;
}

/* One pass over the tokens for four finders and the tone: before it,
 * each finder read every token of the story to skip nearly all of them.
 * The tests here are coarse on purpose -- supersets of each finder's own
 * first test, which still runs -- so that a finder's rules stay in its
 * file.  Given a lexicon, the pass also looks each token up (w[i]); else
 * w holds the words' bits already. */
static dl_know_cand_set *scan(const dl_doc *doc, const struct dl_tone_lex *lex, dl_know_word *w) {
    const dl_token *t = doc->toks.v;
    size_t n = doc->toks.n;
    dl_know_cand_set *c = dl_arena_calloc(doc->arena, sizeof *c);
    /* one block for the five lists, each as long as the tokens at most
     * (+1: the toned list is written one past its end), and the word
     * counts */
    size_t cap = n + 1;
    uint32_t *names = dl_arena_alloc(doc->arena, (6 * cap + 1) * sizeof *names);
    uint32_t *nums = names + cap, *dates = nums + cap, *marks = dates + cap, *toned = marks + cap;
    uint32_t *before = toned + cap;
    size_t nn = 0, nu = 0, nd = 0, nm = 0, nt = 0;
    uint32_t nw = 0;
    for (size_t i = 0; i < n; i++) {
        const dl_token *x = &t[i];
        if (lex) w[i] = dl_lex_word(lex, x);
        unsigned kind = x->kind, fl = x->flags;
        uint32_t cls = w[i].cls;
        before[i] = nw;
        /* without a branch: whether a word has a tone is data */
        toned[nt] = (uint32_t)i;
        nt += dl_tone_lex_toned(w[i].lex);
        /* most tokens: a lower-case word in none of the lists below, with
         * no hyphen ("mid-2019", "twenty-five") and no digit first */
        if (kind == DL_TOK_WORD && !(fl & (DL_TF_CAP | DL_TF_UPPER | DL_TF_HYPHEN | DL_TF_PARA)) &&
            !(cls & (DL_KW_NUMBER | DL_KW_DATE | DL_KW_AGO)) && !(x->norm[0] >= '0' && x->norm[0] <= '9')) {
            nw++;
            continue;
        }
        int word = kind == DL_TOK_WORD, wordish = word || kind == DL_TOK_ABBR;
        nw += wordish || kind == DL_TOK_NUM;
        if (wordish && (fl & DL_TF_CAP)) names[nn++] = (uint32_t)i;
        if (kind == DL_TOK_NUM || kind == DL_TOK_SYM || (wordish && (fl & DL_TF_UPPER) && (cls & DL_KW_CUR_CODE)) ||
            (word && ((cls & DL_KW_NUMBER) || (fl & DL_TF_HYPHEN))))
            nums[nu++] = (uint32_t)i;
        if ((cls & DL_KW_AGO) && i >= 2) {
            /* "three days ago": token i - 2, in order among those listed
             * (before token i itself is) */
            uint32_t a = (uint32_t)(i - 2);
            if (nd && dates[nd - 1] == a + 1) {
                if (nd < 2 || dates[nd - 2] != a) { dates[nd] = a + 1; dates[nd - 1] = a; nd++; }
            } else if (!nd || dates[nd - 1] != a) {
                dates[nd++] = a;
            }
        }
        if (kind == DL_TOK_NUM || kind == DL_TOK_ABBR ||
            (word && ((fl & DL_TF_HYPHEN) || (cls & DL_KW_DATE) || ((fl & DL_TF_CAP) && (cls & DL_KW_MONTH_DAY)) ||
                      (x->norm[0] >= '0' && x->norm[0] <= '9'))))
            dates[nd++] = (uint32_t)i;
        if (kind == DL_TOK_QUOTE || (fl & DL_TF_PARA)) marks[nm++] = (uint32_t)i;
    }
    before[n] = nw;
    c->names.v = names; c->names.n = nn;
    c->nums.v = nums; c->nums.n = nu;
    c->dates.v = dates; c->dates.n = nd;
    c->marks.v = marks; c->marks.n = nm;
    c->toned.v = toned; c->toned.n = nt;
    c->words_before = before;
    return c;
}

const dl_know_cand_set *dl_know_cands(const dl_doc *doc) {
    dl_know *k = doc->know;
    if (k && k->cands) return k->cands;
    const dl_know_word *w = dl_know_words(doc, NULL);   /* may scan too */
    if (k && k->cands) return k->cands;
    dl_know_cand_set *c = scan(doc, NULL, (dl_know_word *)w);
    if (k) k->cands = c;
    return c;
}

size_t dl_know_story_start(const dl_doc *doc) {
    size_t lo = 0, hi = doc->toks.n;
    if (!hi || doc->toks.v[0].start >= doc->body_start) return 0;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->toks.v[mid].start < doc->body_start) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

dl_gazetteer *dl_know_load(const char *home, char **err) {
    dl_buf path = DL_BUF_INIT;
    dl_buf_printf(&path, "%s/data/gazetteer/gazetteer.tsv", home);
    dl_gazetteer *g = dl_gazetteer_load(path.p, err);
    if (g) {
        dl_buf_clear(&path);
        dl_buf_printf(&path, "%s/data/afinn/afinn-165.txt", home);
        g->tone = dl_tone_lex_load(path.p, err);
        if (!g->tone) {
            dl_gazetteer_free(g);
            g = NULL;
        } else {
            dl_tone_lex_add_lists(g->tone, dl_know_all_lists);
        }
    }
    dl_buf_free(&path);
    return g;
}

void dl_know_run(const dl_ctx *ctx, dl_doc *doc) {
    dl_know *k = dl_arena_calloc(doc->arena, sizeof *k);
    doc->know = k;
    const dl_gazetteer *g = ctx ? ctx->gazetteer : NULL;
    const struct dl_tone_lex *lex = g ? g->tone : NULL;
    const dl_know_word *w = dl_know_words(doc, lex);
    dl_places_find(g, doc, &k->places);
    dl_quotes_find(doc, &k->quotes);
    dl_counts_find(doc, &k->counts);
    dl_when_find(doc, doc->date, &k->dates);
    /* the story's tone is the sum of its sentences' (the sentences cover
     * the story's tokens: the tokenizer only sees the story) */
    size_t end_off = doc->body_end ? doc->body_end : doc->len;
    k->sent_tone = dl_arena_calloc(doc->arena, (doc->sents.n ? doc->sents.n : 1) * sizeof *k->sent_tone);
    const dl_know_cand_set *c = dl_know_cands(doc);
    const uint32_t *toned = c->toned.v, *toned_end = toned + c->toned.n;
    for (size_t s = 0; s < doc->sents.n; s++) {
        const dl_sentence *se = &doc->sents.v[s];
        /* the sentence's toned words: sentences are in token order */
        while (toned < toned_end && *toned < se->tok_start) toned++;
        const uint32_t *e = toned;
        while (e < toned_end && *e < se->tok_end) e++;
        k->sent_tone[s] = dl_tone_of_toned(lex, doc->toks.v, w, se->tok_start, se->tok_end, toned, (size_t)(e - toned),
                                           (long)(c->words_before[se->tok_end] - c->words_before[se->tok_start]));
        toned = e;
        if (se->start >= doc->body_start && se->start < end_off) dl_tone_add(&k->tone, &k->sent_tone[s]);
    }
    dl_tone_finish(&k->tone);
}

static json_t *num3(double x) { return json_real(round(x * 1000.0) / 1000.0); }

static const char *place_kind_name(char k) {
    switch (k) {
    case DL_PK_COUNTRY: return "country";
    case DL_PK_ADM1: return "adm1";
    case DL_PK_REGION: return "region";
    default: return "city";
    }
}

static const char *res_name(dl_when_res r) {
    switch (r) {
    case DL_WR_DAY: return "day";
    case DL_WR_WEEK: return "week";
    case DL_WR_MONTH: return "month";
    default: return "year";
    }
}

static json_t *tone_json(const dl_tone *t) {
    json_t *o = json_object();
    json_object_set_new_nocheck(o, "tone", num3(t->tone));
    json_object_set_new_nocheck(o, "positive", num3(t->positive));
    json_object_set_new_nocheck(o, "negative", num3(t->negative));
    json_object_set_new_nocheck(o, "polarity", num3(t->polarity));
    json_object_set_new_nocheck(o, "activity", num3(t->activity));
    json_object_set_new_nocheck(o, "self_group", num3(t->self_group));
    json_object_set_new_nocheck(o, "words", json_integer(t->words));
    json_object_set_new_nocheck(o, "score", json_integer(t->score));
    return o;
}

/* Give each event object already in the output (the event stage writes
 * "sentence", "start", "end") a "location": the place dl_place_for_span()
 * picks, or null, and "location_rule": clause, sentence or none.  An event
 * stage that writes its own "location" keeps it. */
/* A place mention as JSON: its span, then name, country, region,
 * coordinates and GeoNames id (events' locations and the places list). */
static json_t *place_object(const dl_doc *doc, const dl_place_mention *m) {
    const dl_gaz_place *p = m->place;
    json_t *o = dl_span_object(doc, m->start, m->end);
    json_object_set_new_nocheck(o, "name", json_string(p->name));
    json_object_set_new_nocheck(o, "country", json_string(p->country));
    json_object_set_new_nocheck(o, "region", json_string(p->adm1));
    json_object_set_new_nocheck(o, "lat", json_real(p->lat));
    json_object_set_new_nocheck(o, "lon", json_real(p->lon));
    json_object_set_new_nocheck(o, "geonameid", p->geonameid ? json_integer(p->geonameid) : json_null());
    return o;
}

static void locate_events(const dl_doc *doc, json_t *article) {
    json_t *evs = json_object_get(article, "events");
    size_t i;
    json_t *ev;
    json_array_foreach(evs, i, ev) {
        if (!json_is_object(ev) || json_object_get(ev, "location")) continue;
        json_t *js = json_object_get(ev, "sentence"), *jb = json_object_get(ev, "start"), *je = json_object_get(ev, "end");
        if (!json_is_integer(js) || !json_is_integer(jb) || !json_is_integer(je)) continue;
        const char *rule = "none";
        const dl_place_mention *m = dl_place_for_span(doc, (size_t)json_integer_value(js), (size_t)json_integer_value(jb),
                                                      (size_t)json_integer_value(je), &rule);
        if (m) {
            json_object_set_new_nocheck(ev, "location", place_object(doc, m));
        } else {
            json_object_set_new_nocheck(ev, "location", json_null());
        }
        json_object_set_new_nocheck(ev, "location_rule", json_string(rule));
    }
}

void dl_know_json(const dl_doc *doc, json_t *article) {
    const dl_know *k = doc->know;
    if (!k) return;
    locate_events(doc, article);
    json_t *qs = json_array();
    for (size_t i = 0; i < k->quotes.n; i++) {
        const dl_quote *q = &k->quotes.v[i];
        json_t *o = json_object();
        json_object_set_new_nocheck(o, "text", json_string(q->text));
        json_object_set_new_nocheck(o, "start", json_integer(q->start));
        json_object_set_new_nocheck(o, "end", json_integer(q->end));
        json_object_set_new_nocheck(o, "kind", json_string(q->partial ? "partial" : "direct"));
        json_object_set_new_nocheck(o, "verb", json_string(q->verb));
        json_object_set_new_nocheck(o, "frame", json_string(q->frame));
        if (q->speaker.found) {
            json_t *s = json_object();
            json_object_set_new_nocheck(s, "name", json_string(q->speaker.name));
            json_object_set_new_nocheck(s, "code", json_string(q->speaker.code));
            json_object_set_new_nocheck(s, "text", json_string(q->speaker.text));
            json_object_set_new_nocheck(s, "start", json_integer(q->speaker.start));
            json_object_set_new_nocheck(s, "end", json_integer(q->speaker.end));
            json_object_set_new_nocheck(o, "speaker", s);
        } else {
            json_object_set_new_nocheck(o, "speaker", json_null());
        }
        json_array_append_new(qs, o);
    }
    json_object_set_new_nocheck(article, "quotes", qs);

    json_t *cs = json_array();
    for (size_t i = 0; i < k->counts.n; i++) {
        const dl_count *c = &k->counts.v[i];
        json_t *o = dl_span_object(doc, c->start, c->end);
        json_object_set_new_nocheck(o, "value", c->value == floor(c->value) && fabs(c->value) < 9e15
                                            ? json_integer((json_int_t)c->value) : num3(c->value));
        json_object_set_new_nocheck(o, "vague", json_boolean(c->vague));
        json_object_set_new_nocheck(o, "type", json_string(c->type));
        json_object_set_new_nocheck(o, "object", json_string(c->object));
        if (*c->currency) json_object_set_new_nocheck(o, "currency", json_string(c->currency));
        json_object_set_new_nocheck(o, "actor", json_string(c->actor));
        json_array_append_new(cs, o);
    }
    json_object_set_new_nocheck(article, "counts", cs);

    json_t *ps = json_array();
    for (size_t i = 0; i < k->places.n; i++) {
        const dl_place_mention *m = &k->places.v[i];
        const dl_gaz_place *p = m->place;
        json_t *o = place_object(doc, m);
        json_object_set_new_nocheck(o, "kind", json_string(place_kind_name(p->kind)));
        json_object_set_new_nocheck(o, "feature", json_string(p->feature));
        json_object_set_new_nocheck(o, "metonymy", json_boolean(m->metonymy));
        /* GDELT's geo type: 1 country, 2 US state, 3 US city, 4 world
         * city, 5 world first-level region; named regions have none (0) */
        int us = !strcmp(p->country, "USA");
        int gt = p->kind == DL_PK_COUNTRY ? 1 : p->kind == DL_PK_ADM1 ? (us ? 2 : 5) : p->kind == DL_PK_CITY ? (us ? 3 : 4) : 0;
        json_object_set_new_nocheck(o, "geo_type", json_integer(gt));
        json_array_append_new(ps, o);
    }
    json_object_set_new_nocheck(article, "places", ps);

    json_t *ds = json_array();
    for (size_t i = 0; i < k->dates.n; i++) {
        const dl_when *w = &k->dates.v[i];
        json_t *o = dl_span_object(doc, w->start, w->end);
        char buf[11];
        dl_date_format(w->date, buf);
        json_object_set_new_nocheck(o, "date", w->date.y ? json_string(buf) : json_null());
        json_object_set_new_nocheck(o, "resolution", json_string(res_name(w->res)));
        json_object_set_new_nocheck(o, "relative", json_boolean(w->relative));
        json_array_append_new(ds, o);
    }
    json_object_set_new_nocheck(article, "dates", ds);

    /* per sentence, compactly, in GDELT's V1.5TONE order: [tone, positive,
     * negative, polarity, activity, self_group, words] -- an object per
     * sentence made tone the largest key of the output */
    json_t *tone = tone_json(&k->tone);
    json_t *st = json_array();
    for (size_t s = 0; s < doc->sents.n; s++) {
        const dl_tone *t = &k->sent_tone[s];
        json_t *a = json_array();
        json_array_append_new(a, num3(t->tone));
        json_array_append_new(a, num3(t->positive));
        json_array_append_new(a, num3(t->negative));
        json_array_append_new(a, num3(t->polarity));
        json_array_append_new(a, num3(t->activity));
        json_array_append_new(a, num3(t->self_group));
        json_array_append_new(a, json_integer(t->words));
        json_array_append_new(st, a);
    }
    json_object_set_new_nocheck(tone, "sentences", st);
    json_object_set_new_nocheck(article, "tone", tone);
}
