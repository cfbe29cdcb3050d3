/* event_test.c -- the event stage: inflection, the CAMEO code maps, the
 * verb-dictionary parser and its errors, the coder on sentences with
 * hand-marked actors, and TABARI/PETRARCH dictionaries we write.  TABARI's
 * own validation suite runs in the compatibility mode: tabari_test.c. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "event/event.h"
#include "event/inflect.h"
#include "event/casefile.h"
#include "actor/actor.h"

/* ---- inflection ---- */

static void forms_are(const char *lemma, const char *s3, const char *past, const char *pp, const char *ing)
{
    dl_verb_forms f;
    cr_assert_eq(dl_inflect(lemma, &f), 0);
    cr_expect_str_eq(f.form[1], s3, "%s: 3sg", lemma);
    cr_expect_str_eq(f.form[2], past, "%s: past", lemma);
    cr_expect_str_eq(f.form[3], pp, "%s: participle", lemma);
    cr_expect_str_eq(f.form[4], ing, "%s: -ing", lemma);
}

Test(inflect, regular_rules)
{
    forms_are("attack", "attacks", "attacked", "attacked", "attacking");
    forms_are("condemn", "condemns", "condemned", "condemned", "condemning");
    forms_are("accuse", "accuses", "accused", "accused", "accusing");
    forms_are("deny", "denies", "denied", "denied", "denying");
    forms_are("veto", "vetoes", "vetoed", "vetoed", "vetoing");
    forms_are("ban", "bans", "banned", "banned", "banning");
    forms_are("expel", "expels", "expelled", "expelled", "expelling");
    forms_are("visit", "visits", "visited", "visited", "visiting");
    forms_are("push", "pushes", "pushed", "pushed", "pushing");
    forms_are("die", "dies", "died", "died", "dying");
    forms_are("obey", "obeys", "obeyed", "obeyed", "obeying");
}

Test(inflect, irregular_and_compounds)
{
    forms_are("withdraw", "withdraws", "withdrew", "withdrawn", "withdrawing");
    forms_are("meet", "meets", "met", "met", "meeting");
    forms_are("seek", "seeks", "sought", "sought", "seeking");
    forms_are("rebuild", "rebuilds", "rebuilt", "rebuilt", "rebuilding");
    forms_are("unfreeze", "unfreezes", "unfroze", "unfrozen", "unfreezing");
    forms_are("overthrow", "overthrows", "overthrew", "overthrown", "overthrowing");
    dl_verb_forms f;
    cr_expect_eq(dl_inflect("", &f), -1);
}

/* ---- CAMEO maps ---- */

Test(cameo, modality_maps_follow_the_codebook)
{
    cr_expect_str_eq(dl_cameo_as_intent("074"), "0334");
    cr_expect_str_eq(dl_cameo_as_intent("0874"), "0356");
    cr_expect_str_eq(dl_cameo_as_intent("046"), "036");
    cr_expect_str_eq(dl_cameo_as_refusal("042"), "125");
    cr_expect_str_eq(dl_cameo_as_refusal("0841"), "1243");
    cr_expect_null(dl_cameo_as_refusal("190"), "no refusal code for an attack");
    cr_expect_str_eq(dl_cameo_as_threat("163"), "1312");
    cr_expect_str_eq(dl_cameo_as_threat("1661"), "136");
    cr_expect_str_eq(dl_cameo_as_threat("194"), "1384");
}

Test(cameo, table_has_every_code)
{
    dl_cameo_table t;
    char *err = NULL;
    cr_assert_eq(dl_cameo_load(&t, "dict/cameo.tsv", &err), 0, "%s", err ? err : "");
    cr_expect_eq(t.n, 316);
    const dl_cameo *c = dl_cameo_find(&t, "1661");
    cr_assert_not_null(c);
    cr_expect_str_eq(c->root, "16");
    cr_expect_eq(c->quad, 4);
    cr_expect_str_eq(c->plover_type, "SANCTION");
    cr_expect_null(dl_cameo_find(&t, "999"));
    dl_cameo_free(&t);
}

/* ---- dictionary parser ---- */

static char tmpdir[64];

static void write_file(const char *name, const char *text)
{
    char p[256];
    snprintf(p, sizeof p, "%s/%s", tmpdir, name);
    FILE *f = fopen(p, "w");
    cr_assert_not_null(f);
    fputs(text, f);
    fclose(f);
}

/* Remove the scratch directory (criterion runs each test in its own process). */
static void remove_tmpdir(void)
{
    static const char *const names[] = {"verbs/a.txt", "cameo.tsv", "t.verbs", "p.txt", "p2.txt", "bad.verbs", NULL};
    char p[256];
    for (int i = 0; names[i]; i++) {
        snprintf(p, sizeof p, "%s/%s", tmpdir, names[i]);
        unlink(p);
    }
    snprintf(p, sizeof p, "%s/verbs", tmpdir);
    rmdir(p);
    rmdir(tmpdir);
}

static void make_dict_dir(const char *verbs)
{
    snprintf(tmpdir, sizeof tmpdir, "/tmp/dl-event-test-%d", (int)getpid());
    char p[256];
    mkdir(tmpdir, 0755);
    snprintf(p, sizeof p, "%s/verbs", tmpdir);
    mkdir(p, 0755);
    FILE *in = fopen("dict/cameo.tsv", "r");
    cr_assert_not_null(in);
    snprintf(p, sizeof p, "%s/cameo.tsv", tmpdir);
    FILE *out = fopen(p, "w");
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        fwrite(buf, 1, n, out);
    fclose(in);
    fclose(out);
    write_file("verbs/a.txt", verbs);
}

static char *load_error(const char *verbs)
{
    make_dict_dir(verbs);
    char *err = NULL;
    struct dl_verb_dict *d = dl_verb_dict_load(tmpdir, &err);
    dl_verb_dict_free(d);
    return err;
}

Test(verbdict, errors_name_file_and_line)
{
    char *e = load_error("verb attack\n  190 * +\n  999 * +\n");
    cr_assert_not_null(e);
    cr_expect(strstr(e, "a.txt:3") && strstr(e, "unknown CAMEO code 999"), "%s", e);
    free(e);
    e = load_error("  190 * +\n");
    cr_expect(e && strstr(e, "a.txt:1") && strstr(e, "before any 'verb'"), "%s", e ? e : "");
    free(e);
    e = load_error("verb attack\n  190 + with &NOPE\n");
    cr_expect(e && strstr(e, "no '*'"), "%s", e ? e : "");
    free(e);
    e = load_error("verb attack\n  190 * + with &NOPE\n");
    cr_expect(e && strstr(e, "undefined word class &NOPE"), "%s", e ? e : "");
    free(e);
    e = load_error("verb attack\n  19x * +\n");
    cr_expect(e && strstr(e, "bad code"), "%s", e ? e : "");
    free(e);
    remove_tmpdir();
}

Test(verbdict, forms_hash_to_the_verb)
{
    make_dict_dir("&ARMS = tanks | heavy artillery\nverb shell\n  194 * +\n  194 * + with &ARMS\nverb lead = led led\n  010 * +\n");
    char *err = NULL;
    struct dl_verb_dict *d = dl_verb_dict_load(tmpdir, &err);
    cr_assert_not_null(d, "%s", err ? err : "");
    cr_expect_eq(d->npat, 3);
    const char *forms[] = {"shell", "shells", "shelled", "shelling", "led", "leading"};
    for (size_t i = 0; i < sizeof forms / sizeof *forms; i++)
        cr_expect_not_null(dl_verb_dict_lookup(d, forms[i], strlen(forms[i])), "%s", forms[i]);
    cr_expect_null(dl_verb_dict_lookup(d, "shelld", 6));
    dl_verb_dict_free(d);
    remove_tmpdir();
}

/* ---- the coder, actors marked by hand ---- */

static dl_ctx ctx;
static int ctx_ok;

static void load_ctx(void)
{
    char *err = NULL;
    memset(&ctx, 0, sizeof ctx);
    ctx.verbs = dl_verb_dict_load("dict", &err);
    ctx_ok = ctx.verbs != NULL;
    ctx.stages = DL_STAGE_TEXT | DL_STAGE_EVENTS;
    free(err);
}

static void free_ctx(void)
{
    dl_verb_dict_free(ctx.verbs);
}

static char *code(const char *text)
{
    dl_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.arena = dl_arena_new(0);
    dl_buf keep = DL_BUF_INIT, out = DL_BUF_INIT;
    dl_article art;
    char pub[32];
    dl_evcase_analyse(&ctx, &doc, &art, pub, text, strlen(text), &keep);
    dl_evcase_render(&doc, &out);
    dl_buf_free(&keep);
    dl_arena_free(doc.arena);
    char *s = dl_buf_take(&out);
    return s ? s : strdup("");
}

static void codes_as(const char *text, const char *want)
{
    char *got = code(text);
    cr_expect_str_eq(got, want, "%s", text);
    free(got);
}

TestSuite(coder, .init = load_ctx, .fini = free_ctx);

Test(coder, clause_analysis)
{
    cr_assert(ctx_ok);
    codes_as("[FRA France] condemned [MLI Mali].", "FRA MLI 111\n");
    codes_as("[MLI Mali] was condemned by [FRA France].", "FRA MLI 111\n");
    codes_as("[FRA France] did not condemn [MLI Mali].", "");
    codes_as("[FRA France] refused to send aid to [MLI Mali].", "FRA MLI 122\n");
    codes_as("[FRA France] will send peacekeepers to [MLI Mali].", "FRA MLI 0334\n");
    codes_as("[FRA France] and [DEU Germany] met.", "FRA DEU 040\nDEU FRA 040\n");
    codes_as("[FRA France] urged [MLI Mali] to free the hostages.", "FRA MLI 0253\n");
    codes_as("[FRA France] said [MLI Mali] had attacked [NER Niger].", "MLI NER 190\n");
}

Test(coder, json_record)
{
    cr_assert(ctx_ok);
    dl_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.arena = dl_arena_new(0);
    dl_buf keep = DL_BUF_INIT;
    dl_article art;
    char pub[32];
    const char *t = "published=2022-11-16\n[GBRGOV Britain] said on Monday it would withdraw peacekeepers from [MLI Mali].";
    dl_evcase_analyse(&ctx, &doc, &art, pub, t, strlen(t), &keep);
    cr_assert(doc.events && doc.events->n == 1);
    json_t *o = dl_event_json(&doc, &doc.events->v[0]);
    cr_expect_str_eq(json_string_value(json_object_get(o, "cameo")), "1661");
    cr_expect_str_eq(json_string_value(json_object_get(o, "root")), "16");
    cr_expect_eq(json_integer_value(json_object_get(o, "quad")), 4);
    cr_expect_str_eq(json_string_value(json_object_get(json_object_get(o, "plover"), "type")), "SANCTION");
    cr_expect_str_eq(json_string_value(json_object_get(o, "date")), "2022-11-14");
    cr_expect_str_eq(json_string_value(json_object_get(json_object_get(o, "source"), "code")), "GBRGOV");
    cr_expect(json_is_true(json_object_get(o, "intent")));
    json_decref(o);
    dl_buf_free(&keep);
    dl_arena_free(doc.arena);
}

/* ---- TABARI and PETRARCH dictionaries we write ---- */

Test(coder, tabari_and_petrarch_files)
{
    cr_assert(ctx_ok);
    snprintf(tmpdir, sizeof tmpdir, "/tmp/dl-event-test-%d", (int)getpid());
    mkdir(tmpdir, 0755);
    write_file("t.verbs",
               "<SYNSETS>\n&FRUIT\n+APPLES\n+PEARS\n+SOUR_CHERRIES\n</SYNSETS>\n"
               "JUGGLE  [---] ; our own test verb\n"
               "- * &FRUIT FOR +  [071]\n"
               "- $ * WITH + [062]\n"
               "- * + 'S BALLS [111]\n"
               "HOOT_ [---]\n{ HOOTS HOOTED }\n- * AT + [1123]\n");
    char *err = NULL;
    struct dl_verb_dict *saved = ctx.verbs;
    ctx.verbs = dl_verb_dict_new("dict/cameo.tsv", &err);
    cr_assert_not_null(ctx.verbs, "%s", err ? err : "");
    char p[256];
    snprintf(p, sizeof p, "%s/t.verbs", tmpdir);
    cr_assert_eq(dl_verb_dict_add_tabari(ctx.verbs, p, &err), 0, "%s", err ? err : "");
    codes_as("[FRA France] juggled sour cherries for [MLI Mali].", "FRA MLI 071\n");
    codes_as("[FRA France] juggles with [MLI Mali].", "FRA MLI 062\n");
    codes_as("[FRA France] juggled [MLI Mali]'s balls.", "FRA MLI 111\n");
    codes_as("[FRA France] juggled [MLI Mali].", "");
    codes_as("[FRA France] hooted at [MLI Mali].", "FRA MLI 1123\n");
    dl_verb_dict_free(ctx.verbs);
    /* PETRARCH-2 block style: --- NAME --- [code], forms, patterns */
    write_file("p.txt", "--- JUGGLE ---  [---]\nJUGGLE\nJUGGLED\n- * + WITH_TORCHES [138]\n");
    ctx.verbs = dl_verb_dict_new("dict/cameo.tsv", &err);
    snprintf(p, sizeof p, "%s/p.txt", tmpdir);
    cr_assert_eq(dl_verb_dict_add_tabari(ctx.verbs, p, &err), 0, "%s", err ? err : "");
    codes_as("[FRA France] juggled [MLI Mali] with torches.", "FRA MLI 138\n");
    dl_verb_dict_free(ctx.verbs);
    /* PETRARCH-2 constituents: (NP +WORD) */
    write_file("p2.txt", "--- EVACUATE ---  [---]\nEVACUATE\nEVACUATED\n- * (NP +TROOPS) FROM +  [0874]\n");
    ctx.verbs = dl_verb_dict_new("dict/cameo.tsv", &err);
    snprintf(p, sizeof p, "%s/p2.txt", tmpdir);
    cr_assert_eq(dl_verb_dict_add_tabari(ctx.verbs, p, &err), 0, "%s", err ? err : "");
    codes_as("[FRA France] evacuated its troops from [MLI Mali].", "FRA MLI 0874\n");
    codes_as("[FRA France] evacuated [MLI Mali].", "");
    dl_verb_dict_free(ctx.verbs);
    /* an error names the line */
    write_file("bad.verbs", "JUGGLE [---]\n- * +\n");
    ctx.verbs = dl_verb_dict_new("dict/cameo.tsv", &err);
    snprintf(p, sizeof p, "%s/bad.verbs", tmpdir);
    cr_expect_eq(dl_verb_dict_add_tabari(ctx.verbs, p, &err), -1);
    cr_expect(err && strstr(err, "bad.verbs:2"), "%s", err ? err : "");
    free(err);
    dl_verb_dict_free(ctx.verbs);
    ctx.verbs = saved;
    /* a foreign file added to our dictionary (--verbs) leaves our verbs alone */
    snprintf(p, sizeof p, "%s/t.verbs", tmpdir);
    err = NULL;
    cr_assert_eq(dl_verb_dict_add_tabari(ctx.verbs, p, &err), 0, "%s", err ? err : "");
    codes_as("[FRA France] condemned [MLI Mali].", "FRA MLI 111\n");
    codes_as("[FRA France] juggled sour cherries for [MLI Mali].", "FRA MLI 071\n");
    codes_as("[FRA France] will send peacekeepers to [MLI Mali].", "FRA MLI 0334\n");
    remove_tmpdir();
}

/* ---- inputs that once crashed fuzz/pipeline_fuzz.c ----
 * Each file of tests/regress/pipeline/ through the whole pipeline with
 * every dictionary loaded, then to JSON (under make asan the sanitizers
 * watch). */
#include <dirent.h>
#include "util/jsonw.h"
Test(pipeline, regression_inputs_do_not_crash) {
    DIR *d = opendir("tests/regress/pipeline");
    if (!d) { cr_skip_test("no tests/regress/pipeline"); return; }
    dl_ctx full;
    char *err = NULL;
    cr_assert_eq(dl_ctx_load(&full, ".", &err), 0, "%s", err ? err : "");
    full.today = (dl_date){2026, 11, 29};
    struct dirent *e;
    int n = 0;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        char p[512];
        snprintf(p, sizeof p, "tests/regress/pipeline/%s", e->d_name);
        FILE *f = fopen(p, "rb");
        cr_assert_not_null(f, "%s", p);
        char buf[1 << 16];
        size_t len = fread(buf, 1, sizeof buf, f);
        fclose(f);
        dl_article art;
        dl_article_of_text(&art, buf, len);
        dl_doc doc;
        memset(&doc, 0, sizeof doc);
        doc.arena = dl_arena_new(0);
        dl_doc_analyse(&full, &doc, &art);
        json_t *o = dl_doc_to_json(&doc);
        cr_assert_not_null(o, "%s", p);
        json_decref(o);
        dl_arena_free(doc.arena);
        n++;
    }
    closedir(d);
    cr_assert_gt(n, 0);
    dl_ctx_free(&full);
}
