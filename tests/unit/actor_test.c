/* actor_test.c -- the actor dictionary and recogniser: loading (our format,
 * the countries table, TABARI/PETRARCH files), errors that name file and
 * line, date choice, and properties over arbitrary input.  Per-sentence
 * expectations live in tests/cases/actors-*.test. */
#include <criterion/criterion.h>
#include "actor/actor.h"
#include "actor/dict.h"
#include "core/doc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static struct dl_actor_dict *load_repo_dict(void) {
    char *err = NULL;
    struct dl_actor_dict *d = dl_actor_dict_load("dict", &err);
    cr_assert_not_null(d, "loading dict/: %s", err ? err : "?");
    return d;
}

/* Analyse text with the given dictionary; published: "YYYY-MM-DD" or NULL. */
static void analyse(struct dl_actor_dict *d, const char *text, const char *published, dl_doc *doc, dl_ctx *ctx,
                    dl_article *art) {
    memset(ctx, 0, sizeof *ctx);
    ctx->today = (dl_date){2026, 11, 29};
    ctx->stages = DL_STAGE_TEXT | DL_STAGE_ACTORS;
    ctx->actors = d;
    dl_article_of_text(art, text, strlen(text));
    art->published = (char *)published;
    memset(doc, 0, sizeof *doc);
    doc->arena = dl_arena_new(0);
    dl_doc_analyse(ctx, doc, art);
}

/* The code of the first mention whose text is `what`, or NULL. */
static const char *code_of(const dl_doc *doc, const char *what) {
    for (size_t i = 0; doc->actors && i < doc->actors->n; i++) {
        const dl_actor_mention *m = &doc->actors->v[i];
        if (m->end - m->start == strlen(what) && !memcmp(doc->text + m->start, what, strlen(what))) return m->code;
    }
    return NULL;
}

Test(actor_dict, loads_every_iso_country) {
    struct dl_actor_dict *d = load_repo_dict();
    /* every row of the generated table became a country entry */
    FILE *f = fopen("data/countries/countries.tsv", "r");
    cr_assert_not_null(f);
    char line[4096];
    int rows = 0, found = 0;
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#' || !strncmp(line, "alpha3", 6)) continue;
        char code[4] = {line[0], line[1], line[2], 0};
        rows++;
        if (dl_dict_country(d, code)) found++;
    }
    fclose(f);
    cr_assert_gt(rows, 240);
    cr_assert_eq(found, rows);
    dl_actor_dict_free(d);
}

Test(actor_dict, code_split) {
    char c[4];
    const char *roles;
    dl_code_split("GBRGOVMIL", c, &roles);
    cr_assert_str_eq(c, "GBR");
    cr_assert_str_eq(roles, "GOVMIL");
    dl_code_split("GOV", c, &roles);
    cr_assert_str_eq(c, "");
    cr_assert_str_eq(roles, "GOV");
    dl_code_split("IGOUNOPKO", c, &roles);
    cr_assert_str_eq(c, "IGO");
    cr_assert_str_eq(roles, "UNOPKO");
}

static char *tmpdir_with(const char *file, const char *content) {
    char tmpl[] = "/tmp/dl-actor-XXXXXX";
    char *dir = mkdtemp(tmpl);
    cr_assert_not_null(dir);
    char *res = strdup(dir);
    char p[512];
    snprintf(p, sizeof p, "%s/dict", res);
    mkdir(p, 0755);
    snprintf(p, sizeof p, "%s/dict/actors", res);
    mkdir(p, 0755);
    snprintf(p, sizeof p, "%s/dict/actors/%s", res, file);
    FILE *f = fopen(p, "w");
    fputs(content, f);
    fclose(f);
    return res;
}

Test(actor_dict, bad_line_is_named) {
    char *dir = tmpdir_with("x.txt", "# fine\nABC country Abcland\nABC planet Abcland\n");
    char p[512], *err = NULL;
    snprintf(p, sizeof p, "%s/dict", dir);
    cr_assert_null(dl_actor_dict_load(p, &err));
    cr_assert_not_null(err);
    cr_assert(strstr(err, "x.txt:3") && strstr(err, "planet"), "error was: %s", err);
    free(err);
    free(dir);
}

Test(actor_dict, bad_date_range_is_named) {
    char *dir = tmpdir_with("y.txt", "ABCGOV person Ann Example [2020-13-01..2021]\n");
    char p[512], *err = NULL;
    snprintf(p, sizeof p, "%s/dict", dir);
    cr_assert_null(dl_actor_dict_load(p, &err));
    cr_assert(strstr(err, "y.txt:1") && strstr(err, "2020-13-01"), "error was: %s", err);
    free(err);
    free(dir);
}

Test(actor_dict, missing_country_table_is_an_error) {
    char *dir = tmpdir_with("z.txt", "ABC country Abcland\n");
    char p[512], *err = NULL;
    snprintf(p, sizeof p, "%s/dict", dir);
    cr_assert_null(dl_actor_dict_load(p, &err));
    cr_assert(strstr(err, "countries.tsv"), "error was: %s", err);
    free(err);
    free(dir);
}

Test(actor_find, article_date_picks_the_office) {
    struct dl_actor_dict *d = load_repo_dict();
    dl_doc doc;
    dl_ctx ctx;
    dl_article art;
    const char *text = "Donald Trump spoke to reporters.";
    const char *dates[] = {"2016-03-01", "2018-03-01", "2023-03-01", "2025-06-01"};
    const char *want[] = {"USABUS", "USAGOV", "USAELI", "USAGOV"};
    for (int i = 0; i < 4; i++) {
        analyse(d, text, dates[i], &doc, &ctx, &art);
        const char *c = code_of(&doc, "Donald Trump");
        cr_assert(c && !strcmp(c, want[i]), "%s: got %s, want %s", dates[i], c ? c : "(none)", want[i]);
        dl_arena_free(doc.arena);
    }
    dl_actor_dict_free(d);
}

Test(actor_find, mentions_are_ordered_and_inside_the_text) {
    struct dl_actor_dict *d = load_repo_dict();
    dl_doc doc;
    dl_ctx ctx;
    dl_article art;
    /* random words from a pool that contains actors, titles and junk */
    const char *pool[] = {"the", "British", "government", "Mali", "’s", "junta", "President", "Ann", "Smith", ",",
                          "said", "Paris", "in", "London", ".", "UN", "troops", "of", "300", "the African country",
                          "Heappey", "Secretary of State for", "Defence", "al-", "\xC3", "\n\n", "Wagner Group"};
    unsigned seed = 7;
    for (int round = 0; round < 300; round++) {
        char text[2048] = "";
        for (int w = 0; w < 60; w++) {
            seed = seed * 1103515245u + 12345u;
            strcat(text, pool[(seed >> 16) % (sizeof pool / sizeof *pool)]);
            strcat(text, " ");
        }
        analyse(d, text, round % 2 ? "2022-11-14" : NULL, &doc, &ctx, &art);
        const dl_actor_set *s = doc.actors;
        cr_assert_not_null(s);
        for (size_t i = 0; i < s->n; i++) {
            const dl_actor_mention *m = &s->v[i];
            cr_assert_lt(m->start, m->end);
            cr_assert_leq(m->end, doc.len);
            char both[64];
            snprintf(both, sizeof both, "%s%s", m->country, m->roles);
            cr_assert_str_eq(both, m->code, "country + roles must spell the code");
            if (i) cr_assert_leq(s->v[i - 1].start, m->start);
            if (m->how == DL_AH_COREF) {
                cr_assert(m->antecedent >= 0 && (size_t)m->antecedent < i);
                cr_assert_neq(s->v[m->antecedent].how, DL_AH_COREF, "antecedents are first mentions");
            }
            else cr_assert_eq(m->antecedent, -1);
        }
        dl_arena_free(doc.arena);
    }
    dl_actor_dict_free(d);
}

Test(actor_find, json_has_every_field) {
    struct dl_actor_dict *d = load_repo_dict();
    dl_doc doc;
    dl_ctx ctx;
    dl_article art;
    analyse(d, "The British government said it would act. Mali disagreed.", "2022-11-14", &doc, &ctx, &art);
    json_t *o = json_object();
    dl_actors_json(&doc, o);
    json_t *a = json_object_get(o, "actors");
    cr_assert(json_is_array(a));
    cr_assert_eq(json_array_size(a), 2);
    json_t *first = json_array_get(a, 0);
    const char *keys[] = {"text", "start", "end", "code", "country", "roles", "kind", "name", "entry", "how", "sentence"};
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) cr_assert_not_null(json_object_get(first, keys[i]), "%s", keys[i]);
    cr_assert_str_eq(json_string_value(json_object_get(first, "code")), "GBRGOV");
    cr_assert_str_eq(json_string_value(json_object_get(first, "how")), "composed");
    cr_assert_eq(json_integer_value(json_object_get(json_array_get(a, 1), "sentence")), 1);
    json_decref(o);
    dl_arena_free(doc.arena);
    dl_actor_dict_free(d);
}

Test(actor_tabari, actors_and_agents_files) {
    struct dl_actor_dict *d = load_repo_dict();
    char *err = NULL;
    cr_assert_eq(dl_actor_dict_add_tabari(d, "tests/data/actors/small.actors", 0, &err), 0, "%s", err);
    cr_assert_eq(dl_actor_dict_add_tabari(d, "tests/data/actors/small.agents", 1, &err), 0, "%s", err);
    dl_doc doc;
    dl_ctx ctx;
    dl_article art;
    analyse(d, "Arlo Venn met the Quarnians in Marvella. The harbour wardens watched. Widgets sold well.", "2018-05-05",
            &doc, &ctx, &art);
    cr_assert_str_eq(code_of(&doc, "Arlo Venn"), "ZZAGOV");
    cr_assert_str_eq(code_of(&doc, "Quarnians"), "QRN", "a TABARI stem matches longer words");
    cr_assert_str_eq(code_of(&doc, "Marvella"), "QRNGOV", "a + synonym");
    cr_assert_null(code_of(&doc, "Widgets"), "<NOUN> sections are not actors");
    const char *w = code_of(&doc, "harbour wardens");
    cr_assert(w && !strcmp(w + strlen(w) - 3, "COP"), "agent [~COP], got %s", w ? w : "(none)");
    dl_arena_free(doc.arena);
    /* date restrictions: > and ranges */
    analyse(d, "Arlo Venn met the Blue League.", "2022-05-05", &doc, &ctx, &art);
    cr_assert_str_eq(code_of(&doc, "Arlo Venn"), "ZZAOPP");
    cr_assert_str_eq(code_of(&doc, "Blue League"), "IGOBLU");
    dl_arena_free(doc.arena);
    analyse(d, "The Blue Leaguers met.", "2019-05-05", &doc, &ctx, &art);
    cr_assert_str_eq(code_of(&doc, "Blue Leaguers"), "NGOBLU", "the undated block applies outside the range");
    dl_arena_free(doc.arena);
    dl_actor_dict_free(d);
}

Test(actor_tabari, bad_line_is_named) {
    struct dl_actor_dict *d = load_repo_dict();
    char *err = NULL;
    cr_assert_eq(dl_actor_dict_add_tabari(d, "tests/data/actors/bad.actors", 0, &err), -1);
    cr_assert(err && strstr(err, "bad.actors:2"), "error was: %s", err ? err : "(none)");
    free(err);
    cr_assert_eq(dl_actor_dict_add_tabari(d, "tests/data/actors/no-such-file", 0, &err), -1);
    cr_assert(err && strstr(err, "no-such-file"));
    free(err);
    dl_actor_dict_free(d);
}

Test(actor_find, long_repetitive_article) {
    /* 3000 repetitions: every later "Heappey" and "the British
     * representative" refers to the first mention, not to a chain. */
    struct dl_actor_dict *d = load_repo_dict();
    const char *unit = "The Secretary of State for the Armed Forces, James Heappey, spoke in London. "
                       "Heappey said the British contingent would leave. The British representative agreed. ";
    size_t ul = strlen(unit), reps = 3000;
    char *text = malloc(ul * reps + 1);
    for (size_t r = 0; r < reps; r++) memcpy(text + r * ul, unit, ul);
    text[ul * reps] = 0;
    dl_doc doc;
    dl_ctx ctx;
    dl_article art;
    analyse(d, text, "2022-11-14", &doc, &ctx, &art);
    const dl_actor_set *s = doc.actors;
    size_t corefs = 0;
    int32_t first = -1;
    for (size_t i = 0; i < s->n; i++) {
        if (s->v[i].kind == DL_AK_PERSON && s->v[i].how == DL_AH_TITLE && first < 0) first = (int32_t)i;
        if (s->v[i].how == DL_AH_COREF && s->v[i].kind == DL_AK_PERSON) {
            corefs++;
            cr_assert_eq(s->v[i].antecedent, first);
            cr_assert_str_eq(s->v[i].code, "GBRGOVMIL");
        }
    }
    cr_assert_geq(corefs, reps, "each repetition refers back (got %zu)", corefs);
    dl_arena_free(doc.arena);
    free(text);
    dl_actor_dict_free(d);
}
