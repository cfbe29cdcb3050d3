/* know_test.c -- the knowledge stage: gazetteer, tone lexicon, numbers,
 * speakers resolved through actors, event locations, and the checks on
 * ../shared/examples/mali.txt (skipped when absent). */
#include <criterion/criterion.h>
#include "know/know.h"
#include "actor/actor.h"
#include "util/date.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define GAZ "data/gazetteer/gazetteer.tsv"
#define AFINN "data/afinn/afinn-165.txt"
#define MALI "../shared/examples/mali.txt"

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* great-circle distance in km */
static double km(double lat1, double lon1, double lat2, double lon2) {
    const double r = 6371.0, d = M_PI / 180.0;
    double a = sin((lat2 - lat1) * d / 2) * sin((lat2 - lat1) * d / 2) +
               cos(lat1 * d) * cos(lat2 * d) * sin((lon2 - lon1) * d / 2) * sin((lon2 - lon1) * d / 2);
    return 2 * r * asin(sqrt(a));
}

Test(gazetteer, loads_and_finds_gao_in_mali) {
    char *err = NULL;
    double t0 = now_ms();
    dl_gazetteer *g = dl_gazetteer_load(GAZ, &err);
    double ms = now_ms() - t0;
    cr_assert(g, "load failed: %s", err ? err : "?");
    cr_assert_gt(g->nplaces, 40000);
    cr_log_info("gazetteer: %zu places loaded in %.1f ms", g->nplaces, ms);
    /* the start-up budget (100 ms for all dictionaries) is measured by
     * bench/know.sh; a wall-clock assertion here would fail on a busy
     * machine, so the time is only logged */
    const uint32_t *p;
    size_t n = dl_gazetteer_lookup(g, "gao", 3, &p);
    int found = 0;
    for (size_t k = 0; k < n; k++) {
        const dl_gaz_place *pl = &g->places[p[k]];
        if (pl->kind == DL_PK_CITY && !strcmp(pl->country, "MLI")) {
            found = 1;
            cr_expect_lt(km(pl->lat, pl->lon, 16.27, -0.04), 5.0);
        }
    }
    cr_expect(found, "no Gao in Mali");
    cr_expect_eq(dl_gazetteer_lookup(g, "nowhereville", 12, &p), 0);
    const dl_gaz_place *fr = dl_gazetteer_country(g, "FRA");
    cr_assert(fr);
    cr_expect_str_eq(fr->name, "France");
    dl_gazetteer_free(g);
}

/* Load text as a gazetteer file, which must fail; the error, which must
 * name the file and the line ("PATH:LINE:"), is returned (malloc'd). */
static char *gazetteer_error(const char *text, int line) {
    char path[] = "/tmp/dl-gaz-XXXXXX";
    int fd = mkstemp(path);
    cr_assert(fd >= 0);
    cr_assert_eq(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);
    char *err = NULL;
    dl_gazetteer *g = dl_gazetteer_load(path, &err);
    unlink(path);
    cr_assert_null(g);
    cr_assert(err);
    char want[64];
    snprintf(want, sizeof want, "%s:%d:", path, line);
    cr_expect(strstr(err, want) != NULL, "error was: %s", err);
    return err;
}

Test(gazetteer, bad_line_names_file_and_line) {
    free(gazetteer_error("# header\nC\tMLI\t\t15\t-4\t\t0\tPCLI\tMali\tmali\nP\tMLI\t\tnorth\t-4\t1\t5\tPPL\tX\tx\n", 3));
}

/* A place's country and feature codes are kept inline (3 and 7 bytes at
 * most): a longer one is an error naming the line, not a silent cut. */
Test(gazetteer, long_codes_are_an_error) {
    static const char *const texts[] = {
        "# header\nC\tMALI\t\t15\t-4\t\t0\tPCLI\tMali\tmali\n",
        "# header\nP\tMLI\t\t15\t-4\t1\t5\tPPLXXXXX\tX\tx\n",
    };
    for (size_t k = 0; k < 2; k++) {
        char *err = gazetteer_error(texts[k], 2);
        cr_expect(strstr(err, "code") != NULL, "error was: %s", err);
        free(err);
    }
}

Test(tone, lexicon_and_densities) {
    char *err = NULL;
    struct dl_tone_lex *lex = dl_tone_lex_load(AFINN, &err);
    cr_assert(lex, "%s", err ? err : "?");
    cr_expect_eq(dl_tone_valence(lex, "abandon", 7), -2);
    cr_expect_eq(dl_tone_valence(lex, "peace", 5), 2);
    cr_expect_eq(dl_tone_valence(lex, "table", 5), 0);
    dl_arena *a = dl_arena_new(0);
    dl_tokens t = {0};
    const char *s = "The attack killed many people and destroyed peace.";
    dl_tokenize(a, s, 0, strlen(s), &t);
    dl_tone r = dl_tone_of(lex, t.v, t.n);
    cr_expect_eq(r.words, 8);
    cr_expect_lt(r.tone, 0.0);
    cr_expect_gt(r.negative, r.positive);
    cr_expect_float_eq(r.polarity, r.positive + r.negative, 1e-9);
    dl_arena_free(a);
    dl_tone_lex_free(lex);
}

static double number_of(const char *s, int *vague) {
    dl_arena *a = dl_arena_new(0);
    dl_tokens t = {0};
    dl_tokenize(a, s, 0, strlen(s), &t);
    double v = -1;
    size_t used = dl_number_at(t.v, t.n, 0, &v, vague);
    dl_arena_free(a);
    return used ? v : -1;
}

Test(count, numbers_in_words_and_digits) {
    int vague;
    cr_expect_eq(number_of("three hundred and fifty troops", &vague), 350);
    cr_expect_eq(vague, 0);
    cr_expect_eq(number_of("1.5 million people", &vague), 1500000);
    cr_expect_eq(number_of("1,200 refugees", &vague), 1200);
    cr_expect_eq(number_of("twenty-five soldiers", &vague), 25);
    cr_expect_eq(number_of("a dozen villagers", &vague), 12);
    cr_expect_eq(number_of("dozens of people", &vague), 24);
    cr_expect_eq(vague, 1);
    cr_expect_eq(number_of("tens of thousands of people", &vague), 10000);
    cr_expect_eq(number_of("the people", &vague), -1);
}

Test(count, word_lists_sorted_for_binary_search) {
    cr_expect(dl_count_tables_sorted(), "a word list in src/know/count.c is out of strcmp order");
}

/* A doc analysed by the whole pipeline, with the repo's dictionaries. */
static dl_ctx ctx;
static int ctx_ok;
static void load_ctx(void) {
    char *err = NULL;
    ctx_ok = dl_ctx_load(&ctx, ".", &err) == 0;
    if (!ctx_ok) fprintf(stderr, "know_test: %s\n", err ? err : "?");
}
static void free_ctx(void) { if (ctx_ok) dl_ctx_free(&ctx); }

static void analyse(dl_doc *doc, dl_article *art, const char *text) {
    memset(doc, 0, sizeof *doc);
    doc->arena = dl_arena_new(0);
    dl_article_of_text(art, text, strlen(text));
    dl_doc_analyse(&ctx, doc, art);
}

/* Replace doc->actors with the given mentions (spans found by text). */
static void fake_actors(dl_doc *doc, dl_actor_mention *v, size_t n) {
    static dl_actor_set set;
    set.v = v;
    set.n = n;
    doc->actors = &set;
}

static void span_of(const dl_doc *doc, const char *what, int nth, uint32_t *s, uint32_t *e) {
    const char *p = doc->text;
    for (int k = 0; k <= nth; k++) {
        p = strstr(k ? p + 1 : p, what);
        cr_assert(p, "%s not in text", what);
    }
    *s = (uint32_t)(p - doc->text);
    *e = *s + (uint32_t)strlen(what);
}

TestSuite(know, .init = load_ctx, .fini = free_ctx);

/* A pronoun with no person mention before it and no earlier quotation
 * takes the subject of the last reporting verb in the sentences before;
 * a pronoun in that subject does not count. */
Test(know, pronoun_speaker_from_an_earlier_reporting_verb) {
    cr_assert(ctx_ok);
    dl_doc doc;
    dl_article art;
    analyse(&doc, &art, "The banks were divided, deputy Raul Baglini told a local radio station.\n\n"
                        "“We will not pay,” he added.");
    dl_actor_set none = {0};
    doc.actors = &none;   /* no actor names him: the rule, not the dictionary */
    dl_quote_set qs;
    dl_quotes_find(&doc, &qs);
    cr_assert_eq(qs.n, 1);
    cr_assert(qs.v[0].speaker.found);
    cr_expect_str_eq(qs.v[0].speaker.text, "he");
    cr_expect(strstr(qs.v[0].speaker.name, "Raul Baglini") != NULL, "name: %s", qs.v[0].speaker.name);
    dl_arena_free(doc.arena);

    analyse(&doc, &art, "She told reporters the banks were divided.\n\n“We will not pay,” he added.");
    doc.actors = &none;
    dl_quotes_find(&doc, &qs);
    cr_assert_eq(qs.n, 1);
    cr_expect(!qs.v[0].speaker.found || !strcmp(qs.v[0].speaker.name, "he"), "name: %s", qs.v[0].speaker.name);
    dl_arena_free(doc.arena);
}

Test(know, speaker_resolved_through_coreference) {
    cr_assert(ctx_ok);
    dl_doc doc;
    dl_article art;
    analyse(&doc, &art, "James Heappey visited the base.\n“We are leaving,” the British representative said.");
    dl_actor_mention m[2];
    memset(m, 0, sizeof m);
    span_of(&doc, "James Heappey", 0, &m[0].start, &m[0].end);
    m[0].code = "GBRGOV"; m[0].country = "GBR"; m[0].roles = "GOV"; m[0].kind = DL_AK_PERSON;
    m[0].how = DL_AH_DICTIONARY; m[0].name = "James Heappey"; m[0].entry = ""; m[0].antecedent = -1;
    span_of(&doc, "the British representative", 0, &m[1].start, &m[1].end);
    m[1].code = "GBRGOV"; m[1].country = "GBR"; m[1].roles = "GOV"; m[1].kind = DL_AK_AGENT;
    m[1].how = DL_AH_COREF; m[1].name = "the British representative"; m[1].entry = ""; m[1].antecedent = 0;
    fake_actors(&doc, m, 2);
    dl_quote_set qs;
    dl_quotes_find(&doc, &qs);
    cr_assert_eq(qs.n, 1);
    cr_expect_str_eq(qs.v[0].text, "We are leaving");
    cr_expect_eq(qs.v[0].partial, 0);
    cr_assert(qs.v[0].speaker.found);
    cr_expect_str_eq(qs.v[0].speaker.name, "James Heappey");
    cr_expect_str_eq(qs.v[0].speaker.code, "GBRGOV");
    cr_expect_str_eq(qs.v[0].speaker.text, "the British representative");
    dl_arena_free(doc.arena);
}

Test(know, count_takes_actor_before_it) {
    cr_assert(ctx_ok);
    dl_doc doc;
    dl_article art;
    analyse(&doc, &art, "The British contingent of 300 troops will leave early.");
    dl_actor_mention m;
    memset(&m, 0, sizeof m);
    span_of(&doc, "The British contingent", 0, &m.start, &m.end);
    m.code = "GBR"; m.country = "GBR"; m.roles = ""; m.kind = DL_AK_AGENT; m.how = DL_AH_COMPOSED;
    m.name = "British"; m.entry = ""; m.antecedent = -1;
    fake_actors(&doc, &m, 1);
    dl_count_set cs;
    dl_counts_find(&doc, &cs);
    cr_assert_eq(cs.n, 1);
    cr_expect_eq(cs.v[0].value, 300);
    cr_expect_str_eq(cs.v[0].type, "SOLDIERS");
    cr_expect_str_eq(cs.v[0].actor, "GBRMIL");
    dl_arena_free(doc.arena);
}

Test(know, capital_as_government_is_not_a_place) {
    cr_assert(ctx_ok);
    dl_doc doc;
    dl_article art;
    analyse(&doc, &art, "London follows Paris, which sent troops to Gao in Mali.");
    dl_actor_mention m;
    memset(&m, 0, sizeof m);
    span_of(&doc, "London", 0, &m.start, &m.end);
    m.code = "GBRGOV"; m.country = "GBR"; m.roles = "GOV"; m.kind = DL_AK_COUNTRY; m.how = DL_AH_METONYMY;
    m.name = "United Kingdom"; m.entry = ""; m.antecedent = -1;
    fake_actors(&doc, &m, 1);
    dl_place_set ps;
    dl_places_find(ctx.gazetteer, &doc, &ps);
    for (size_t k = 0; k < ps.n; k++)
        if (!strcmp(ps.v[k].place->name, "London")) cr_expect(ps.v[k].metonymy, "London as government not flagged");
    int gao = 0;
    for (size_t k = 0; k < ps.n; k++) gao += !strcmp(ps.v[k].place->name, "Gao");
    cr_expect_eq(gao, 1);
    dl_arena_free(doc.arena);
}

/* The lexicon answers the word lists (dl_know_words) exactly as reading
 * the lists does (dl_know_word_class), for every word of every list. */
Test(know, word_bits_from_lexicon_match_the_lists) {
    cr_assert(ctx_ok);
    dl_buf text = DL_BUF_INIT;
    size_t nwords = 0;
    for (const dl_know_list *const *a = dl_know_all_lists; *a; a++)
        for (const dl_know_list *l = *a; l->n; l++)
            for (size_t k = 0; k < l->n; k++, nwords++)
                dl_buf_printf(&text, "%s %s , ", l->at ? l->at(k) : l->words[k], nwords % 2 ? "Said" : "table");
    dl_doc doc;
    dl_article art;
    analyse(&doc, &art, text.p);
    cr_assert(doc.know);
    const dl_know_word *w = dl_know_words(&doc, ctx.gazetteer->tone);
    size_t bits = 0;
    for (size_t i = 0; i < doc.toks.n; i++) {
        uint32_t want = dl_know_word_class(doc.toks.v[i].norm);
        cr_expect_eq(w[i].cls, want, "%s: lexicon %#x, lists %#x", doc.toks.v[i].norm, w[i].cls, want);
        bits += want != 0;
    }
    cr_expect_gt(bits, nwords / 2);
    dl_arena_free(doc.arena);
    dl_buf_free(&text);
}

/* The stage's per-sentence tone (from the single pass's toned words and
 * word counts) equals the tone of the sentence's tokens looked up one by
 * one: phrases ("does not work"), names ("Great Britain"), sentence
 * starts, quotations, numbers. */
Test(know, sentence_tone_matches_direct_lookup) {
    cr_assert(ctx_ok);
    dl_doc doc;
    dl_article art;
    analyse(&doc, &art, "The plan does not work, the angry minister said. Great Britain welcomed the good news.\n\n"
                        "“We are happy,” he said on Monday. Good Friday talks failed badly; 300 troops died.\n\n"
                        "Nothing happened.");
    cr_assert(doc.know);
    cr_assert_gt(doc.sents.n, 3);
    const struct dl_tone_lex *lex = ctx.gazetteer->tone;
    for (size_t s = 0; s < doc.sents.n; s++) {
        const dl_sentence *se = &doc.sents.v[s];
        dl_tone want = dl_tone_of(lex, doc.toks.v + se->tok_start, se->tok_end - se->tok_start);
        const dl_tone *got = &doc.know->sent_tone[s];
        cr_expect_eq(got->words, want.words, "sentence %zu words", s);
        cr_expect_eq(got->npos, want.npos, "sentence %zu positive", s);
        cr_expect_eq(got->nneg, want.nneg, "sentence %zu negative", s);
        cr_expect_eq(got->nactivity, want.nactivity, "sentence %zu activity", s);
        cr_expect_eq(got->nself, want.nself, "sentence %zu self", s);
        cr_expect_eq(got->score, want.score, "sentence %zu score", s);
    }
    cr_expect_lt(doc.know->tone.tone, 0.0);
    dl_arena_free(doc.arena);
}

/* The string table compares a key by its length and first eight bytes in
 * the slot, and the rest from the key: keys that share a head, or are
 * prefixes of each other, are told apart. */
Test(strtab, keys_sharing_heads_are_distinct) {
    static const char *const keys[] = { "a", "ab", "abc", "abcd", "abcdefg", "abcdefgh", "abcdefghi", "abcdefghj",
                                        "abcdefgh ij", "abcdefgh ik", "bbcdefgh", "abcdefgi", NULL };
    dl_strtab t;
    dl_strtab_init(&t, 4);   /* grows while filled */
    for (uint32_t k = 0; keys[k]; k++) dl_strtab_put(&t, keys[k], k, 1);
    for (uint32_t k = 0; keys[k]; k++) {
        size_t slot = dl_strtab_find(&t, keys[k], strlen(keys[k]));
        cr_assert_neq(slot, (size_t)-1, "%s not found", keys[k]);
        cr_expect_eq(t.slot[slot].first, k, "%s found as %s", keys[k], t.slot[slot].key);
    }
    static const char *const absent[] = { "abcde", "abcdefghk", "abcdefgh i", "abcdefgh ijk", "b", "", NULL };
    for (size_t k = 0; absent[k]; k++)
        cr_expect_eq(dl_strtab_find(&t, absent[k], strlen(absent[k])), (size_t)-1, "%s found", absent[k]);
    /* a key read from a longer buffer: only n bytes count */
    cr_expect_neq(dl_strtab_find(&t, "abcdefghijk", 9), (size_t)-1);
    cr_expect_neq(dl_strtab_find(&t, "abcx", 3), (size_t)-1);
    dl_strtab_free(&t);
}

/* The month and weekday words of the lexicon (DL_KW_MONTH_DAY) are
 * exactly the words dl_month_from_name() and dl_weekday_from_name() read
 * as names: every prefix of three letters or more, and the odd
 * abbreviations. */
Test(know, month_day_words_are_what_the_date_parsers_read) {
    static const char *const names[] = { "january", "february", "march", "april", "may", "june", "july",
                                         "august", "september", "october", "november", "december", "monday",
                                         "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                                         "weds", "thurs", "tues" };
    size_t listed = 0;
    for (const char *const *w = dl_when_month_day_words; *w; w++) {
        listed++;
        size_t n = strlen(*w);
        cr_expect(dl_month_from_name(*w, n) || dl_weekday_from_name(*w, n) >= 0, "%s is read as no name", *w);
    }
    /* every prefix is listed, and the list holds nothing else */
    size_t want = 0;
    for (size_t m = 0; m < sizeof names / sizeof *names; m++) {
        for (size_t len = 3; len <= strlen(names[m]); len++) {
            int dup = 0;
            for (size_t k = 0; k < m; k++) dup |= strlen(names[k]) >= len && !strncmp(names[k], names[m], len);
            if (dup) continue;
            want++;
            int found = 0;
            for (const char *const *w = dl_when_month_day_words; *w; w++)
                found |= strlen(*w) == len && !strncmp(*w, names[m], len);
            cr_expect(found, "prefix %.*s of %s missing", (int)len, names[m], names[m]);
        }
    }
    cr_expect_eq(listed, want);
    /* and the parsers read no other three-letter start of a word listed */
    cr_expect_eq(dl_month_from_name("mat", 3), 0);
    cr_expect_lt(dl_weekday_from_name("sue", 3), 0);
}

/* The candidate lists: sorted, and holding the tokens each finder starts
 * with -- "a WEEK AGO" lists "a", two before "ago"; in "one 100 ago" the
 * token before "ago" was listed first, and "one" goes in before it. */
static int listed(const dl_know_list_ix *l, size_t tok) {
    for (size_t k = 0; k < l->n; k++) if (l->v[k] == tok) return 1;
    return 0;
}

static size_t tok_of(const dl_doc *doc, const char *norm, int nth) {
    for (size_t i = 0; i < doc->toks.n; i++)
        if (!strcmp(doc->toks.v[i].norm, norm) && nth-- == 0) return i;
    cr_assert_fail("no token %s", norm);
    return 0;
}

Test(know, candidate_lists) {
    cr_assert(ctx_ok);
    dl_doc doc;
    dl_article art;
    analyse(&doc, &art, "Prices rose from a WEEK AGO, and twenty-five “troops” left Gao on Monday.\n\n"
                        "Three days ago $5 million went to the Sahel in March 2021. Not one 100 ago. NET USD 20 VS 30.");
    const dl_know_cand_set *c = dl_know_cands(&doc);
    const dl_know_list_ix *lists[] = { &c->names, &c->nums, &c->dates, &c->marks, &c->toned };
    for (size_t l = 0; l < 5; l++)
        for (size_t k = 1; k < lists[l]->n; k++) cr_expect_lt(lists[l]->v[k - 1], lists[l]->v[k], "list %zu unsorted", l);
    cr_expect(listed(&c->dates, tok_of(&doc, "a", 0)));
    cr_expect(!listed(&c->dates, tok_of(&doc, "week", 0)), "a capitalised unit starts no date");
    cr_expect(listed(&c->dates, tok_of(&doc, "three", 0)));
    cr_expect(listed(&c->dates, tok_of(&doc, "one", 0)));
    cr_expect(listed(&c->dates, tok_of(&doc, "100", 0)));
    cr_expect(listed(&c->dates, tok_of(&doc, "monday", 0)));
    cr_expect(listed(&c->dates, tok_of(&doc, "march", 0)));
    cr_expect(!listed(&c->dates, tok_of(&doc, "gao", 0)), "a capitalised non-date word is no date candidate");
    cr_expect(listed(&c->names, tok_of(&doc, "gao", 0)));
    cr_expect(listed(&c->names, tok_of(&doc, "sahel", 0)));
    cr_expect(listed(&c->nums, tok_of(&doc, "twenty-five", 0)));
    cr_expect(listed(&c->nums, tok_of(&doc, "$", 0)));
    cr_expect(listed(&c->nums, tok_of(&doc, "5", 0)));
    cr_expect(!listed(&c->nums, tok_of(&doc, "left", 0)));
    cr_expect(listed(&c->nums, tok_of(&doc, "usd", 0)), "a currency code");
    cr_expect(!listed(&c->nums, tok_of(&doc, "vs", 0)), "short capitals that are no currency");
    cr_expect(listed(&c->marks, tok_of(&doc, "three", 0)), "a paragraph start is a mark");
    cr_expect_eq(c->words_before[doc.toks.n] - c->words_before[0], 34);
    /* and what the finders made of them */
    size_t dates = doc.know->dates.n;
    cr_expect_eq(dates, 4, "dates found: %zu", dates);   /* a WEEK AGO, Monday, Three days ago, March 2021 */
    dl_arena_free(doc.arena);
}

Test(know, event_location_clause_then_sentence) {
    cr_assert(ctx_ok);
    dl_doc doc;
    dl_article art;
    analyse(&doc, &art, "Militants attacked a base near Gao, while talks went on in Bamako. Nobody was hurt.");
    cr_assert(doc.know);
    uint32_t s, e;
    const char *rule;
    span_of(&doc, "attacked", 0, &s, &e);
    const dl_place_mention *p = dl_place_for_span(&doc, 0, s, e, &rule);
    cr_assert(p);
    cr_expect_str_eq(p->place->name, "Gao");
    cr_expect_str_eq(rule, "clause");
    span_of(&doc, "talks", 0, &s, &e);
    p = dl_place_for_span(&doc, 0, s, e, &rule);
    cr_assert(p);
    cr_expect_str_eq(p->place->name, "Bamako");
    span_of(&doc, "hurt", 0, &s, &e);
    p = dl_place_for_span(&doc, 1, s, e, &rule);
    cr_expect_null(p);
    cr_expect_str_eq(rule, "none");
    dl_arena_free(doc.arena);
}

static char *slurp(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc((size_t)n + 1);
    size_t got = fread(b, 1, (size_t)n, f);
    b[got] = 0;
    fclose(f);
    return b;
}

static const dl_quote *quote_starting(const dl_doc *doc, const char *prefix) {
    for (size_t k = 0; k < doc->know->quotes.n; k++)
        if (!strncmp(doc->know->quotes.v[k].text, prefix, strlen(prefix))) return &doc->know->quotes.v[k];
    return NULL;
}

Test(know, mali_example) {
    cr_assert(ctx_ok);
    if (access(MALI, R_OK) != 0) { cr_skip_test("%s not found; skipped", MALI); return; }
    char *text = slurp(MALI);
    cr_assert(text);
    dl_doc doc;
    dl_article art;
    analyse(&doc, &art, text);
    cr_assert(doc.know);
    const dl_know *k = doc.know;
    /* quotations, and none from the author bio */
    const char *want[] = { "Responsibility for all this falls on Bamako. Two (state) coups",
                           "massive human rights abuses", "counterproductive to lasting stability",
                           "This government cannot deploy", "force for good" };
    for (size_t i = 0; i < 5; i++) {
        const dl_quote *q = quote_starting(&doc, want[i]);
        cr_expect(q, "no quotation \"%s\"", want[i]);
        if (q) cr_expect(q->speaker.found, "no speaker for \"%s\"", want[i]);
    }
    cr_expect_null(quote_starting(&doc, "Web specialist"));
    const dl_quote *q = quote_starting(&doc, "massive human rights abuses");
    if (q) cr_expect(strstr(q->speaker.name, "Heappey") != NULL, "speaker %s", q->speaker.name);
    q = quote_starting(&doc, "force for good");
    if (q) cr_expect(strstr(q->speaker.name, "Boris Johnson") != NULL, "speaker %s", q->speaker.name);
    if (q) cr_expect_eq(q->partial, 1);
    /* 300 troops */
    int troops = 0;
    for (size_t i = 0; i < k->counts.n; i++)
        if (k->counts.v[i].value == 300 && !strcmp(k->counts.v[i].type, "SOLDIERS")) troops = 1;
    cr_expect(troops);
    /* places */
    const char *places[] = { "Gao", "Bamako", "Mali", "Niger", "London", "Paris", "Sahel", "West Africa" };
    for (size_t i = 0; i < 8; i++) {
        int found = 0;
        for (size_t j = 0; j < k->places.n; j++) {
            const dl_gaz_place *p = k->places.v[j].place;
            if (strcmp(p->name, places[i])) continue;
            found = 1;
            if (!strcmp(p->name, "Gao")) {
                cr_expect_str_eq(p->country, "MLI");
                cr_expect_lt(km(p->lat, p->lon, 16.27, -0.04), 5.0);
            }
        }
        cr_expect(found, "place %s missing", places[i]);
    }
    cr_expect_lt(k->tone.tone, 0.0, "tone %.2f", k->tone.tone);
    dl_arena_free(doc.arena);
    free(text);
}

/* One huge sentence full of quotes, dates, counts and places: every scan
 * is bounded, so this finishes in well under the timeout (it took hours
 * when attribution and tense were read over the whole sentence). */
Test(know, huge_sentence_stays_linear, .timeout = 60) {
    cr_assert(ctx_ok);
    const char *piece = "He said “we go” on May 5 to Gao, killing 12 people, and “more” ";
    size_t reps = 4000, pl = strlen(piece);
    char *text = malloc(reps * pl + 2);
    for (size_t i = 0; i < reps; i++) memcpy(text + i * pl, piece, pl);
    strcpy(text + reps * pl, ".");
    dl_doc doc;
    dl_article art;
    analyse(&doc, &art, text);
    cr_assert(doc.know);
    cr_expect_eq(doc.know->quotes.n, 2 * reps);
    cr_expect_eq(doc.know->counts.n, reps);
    cr_expect_geq(doc.know->dates.n, reps);
    dl_arena_free(doc.arena);
    free(text);
}

/* dl_know_json gives each event object in the output a location. */
Test(know, events_in_output_get_locations) {
    cr_assert(ctx_ok);
    dl_doc doc;
    dl_article art;
    analyse(&doc, &art, "Militants attacked a base near Gao. Nobody was hurt.");
    uint32_t s, e, s2, e2;
    span_of(&doc, "attacked", 0, &s, &e);
    span_of(&doc, "hurt", 0, &s2, &e2);
    json_t *article = json_object();
    json_t *evs = json_array();
    json_array_append_new(evs, json_pack("{s:i, s:i, s:i}", "sentence", 0, "start", (int)s, "end", (int)e));
    json_array_append_new(evs, json_pack("{s:i, s:i, s:i}", "sentence", 1, "start", (int)s2, "end", (int)e2));
    json_object_set_new(article, "events", evs);
    dl_know_json(&doc, article);
    json_t *l0 = json_object_get(json_array_get(evs, 0), "location");
    cr_assert(json_is_object(l0));
    cr_expect_str_eq(json_string_value(json_object_get(l0, "name")), "Gao");
    cr_expect_str_eq(json_string_value(json_object_get(json_array_get(evs, 0), "location_rule")), "clause");
    cr_expect(json_is_null(json_object_get(json_array_get(evs, 1), "location")));
    cr_expect_str_eq(json_string_value(json_object_get(json_array_get(evs, 1), "location_rule")), "none");
    cr_expect(json_is_array(json_object_get(article, "places")));
    json_decref(article);
    dl_arena_free(doc.arena);
}
