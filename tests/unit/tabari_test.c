/* tabari_test.c -- the TABARI compatibility mode (src/compat/tabari.c):
 * small dictionaries of our own (tests/tabari/) for each rule, and
 * TABARI's own validation suite (../shared/suites/tabari, skipped when
 * absent), whose misses go to build/tabari-suite.log. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "compat/tabari.h"

static int has_event(const dl_tabari_result *r, const char *s, const char *t, const char *c)
{
    for (int i = 0; i < r->n; i++)
        if (!strcmp(r->ev[i].source, s) && !strcmp(r->ev[i].target, t) && !strcmp(r->ev[i].code, c))
            return 1;
    return 0;
}

static dl_tabari *small(void)
{
    char *err = NULL;
    dl_tabari *t = dl_tabari_load("tests/tabari/small.project", &err);
    cr_assert_not_null(t, "%s", err ? err : "");
    return t;
}

static void code(dl_tabari *t, const char *text, dl_tabari_result *r)
{
    dl_tabari_code(t, "950101", text, r);
}

Test(tabari_small, actors_agents_and_dates)
{
    dl_tabari *t = small();
    dl_tabari_result r;
    /* the verb's own code; source first actor before the verb, target first after */
    code(t, "Alpha will attack Delta very soon after the long winter of discontent.", &r);
    cr_expect_eq(r.status, DL_TB_NONE);
    cr_expect_eq(r.n, 1);
    cr_expect(has_event(&r, "ALP", "DEL", "190"));
    /* a root matches any word it begins; BETA_ only BETA and its noun endings */
    code(t, "Alphaland will attack Betas very soon after the long winter of discontent.", &r);
    cr_expect(has_event(&r, "ALP", "BET", "190"));
    code(t, "Alpha will attack Betax very soon after the long winter of discontent.", &r);
    cr_expect_eq(r.n, 0, "no target: no event");
    /* agents: suffix after the actor, prefix before it */
    code(t, "Alpha police will attack activists in Delta very soon after the long winter.", &r);
    cr_expect(has_event(&r, "ALPCOP", "NGMDEL", "190"), "%s", r.n ? r.ev[0].source : "");
    /* dated codes and a multi-line block with synonyms */
    dl_tabari_code(t, "890101", "Oldland will attack Kappaland very soon after the long winter.", &r);
    cr_expect(has_event(&r, "OLD", "KAP", "190"));
    dl_tabari_code(t, "990101", "Oldland will attack Kappaland very soon after the long winter.", &r);
    cr_expect(has_event(&r, "NEW", "KAPGOV", "190"));
    /* longest phrase first; a gap phrase (GAMMA LAND) spans other words */
    code(t, "Gamma Islands will attack the brave Gamma people land very soon now.", &r);
    cr_expect(has_event(&r, "GMI", "GAM", "190"));
    /* a coded compound gives one event per code */
    code(t, "The Twins will attack Delta very soon after the long winter of discontent.", &r);
    cr_expect(has_event(&r, "TWA", "DEL", "190") && has_event(&r, "TWB", "DEL", "190"));
    /* null actors are nouns; ### discards; +++ is complex */
    code(t, "Alpha will attack Epsilon in Delta very soon after the long winter.", &r);
    cr_expect(has_event(&r, "ALP", "DEL", "190"));
    code(t, "Alpha will attack Zeta very soon after the long winter of discontent.", &r);
    cr_expect_eq(r.status, DL_TB_DISCARD);
    code(t, "Eta will attack Delta very soon after the long winter of discontent.", &r);
    cr_expect_eq(r.status, DL_TB_COMPLEX);
    dl_tabari_free(t);
}

Test(tabari_small, patterns)
{
    dl_tabari *t = small();
    dl_tabari_result r;
    /* alternatives after the verb */
    code(t, "Alpha will attack the town of Delta very soon after the long winter.", &r);
    cr_expect(has_event(&r, "ALP", "DEL", "195"));
    /* + and $ slots override the order of the sentence */
    code(t, "Delta was attacked by Alpha very early on Monday after a long winter.", &r);
    cr_expect(has_event(&r, "ALP", "DEL", "194"), "%d %s", r.n, r.n ? r.ev[0].code : "");
    code(t, "Alpha will accuse Delta of lying about the weather again this winter.", &r);
    cr_expect(has_event(&r, "ALP", "DEL", "113"));
    /* synsets; GOLD_COINS_ is closed, DOLLAR a root */
    code(t, "Alpha will donate a million dollars to Delta after the long winter.", &r);
    cr_expect(has_event(&r, "ALP", "DEL", "071"));
    code(t, "Alpha will donate some gold coinage to Delta after the long winter.", &r);
    cr_expect(has_event(&r, "ALP", "DEL", "070"));
    /* a compound slot % and a paired code */
    code(t, "Alpha and Delta will meet in the capital after the long winter of discontent.", &r);
    cr_expect(has_event(&r, "ALP", "DEL", "036") && has_event(&r, "DEL", "ALP", "036"));
    code(t, "Alpha will meet Delta in the capital after the long winter of discontent.", &r);
    cr_expect(has_event(&r, "ALP", "DEL", "031") && has_event(&r, "DEL", "ALP", "032"));
    /* a null verb is skipped unless a pattern gives it a code */
    code(t, "Alpha will help to attack Delta very soon after the long winter of discontent.", &r);
    cr_expect(has_event(&r, "ALP", "DEL", "190"), "%d", r.n);
    /* a clause takes the previous clause's source only if that one gave an
     * event; otherwise its first actor after the verb is the source */
    code(t, "Alpha will help Delta and later attack Beta in Kappa after the long winter.", &r);
    cr_expect(has_event(&r, "BET", "KAP", "190"), "%d", r.n);
    code(t, "Alpha will help Delta build a bridge after the long winter of discontent.", &r);
    cr_expect(has_event(&r, "ALP", "DEL", "073"));
    dl_tabari_free(t);
}

Test(tabari_small, sentence_rules)
{
    dl_tabari *t = small();
    dl_tabari_result r;
    /* SAID [010?] yields to a later verb; alone it is coded */
    code(t, "Alpha said it will attack Delta very soon after the long winter.", &r);
    cr_expect(has_event(&r, "ALP", "DEL", "190"));
    cr_expect_eq(r.n, 1);
    code(t, "Alpha said Delta was wrong about the weather this long winter.", &r);
    cr_expect(has_event(&r, "ALP", "DEL", "010"));
    /* a comma clause of 2..10 words is deleted */
    code(t, "Alpha, said to be angry with Delta, will attack Beta after the long winter.", &r);
    cr_expect(has_event(&r, "ALP", "BET", "190"));
    cr_expect_eq(r.n, 1);
    /* a verb after a determiner, or capitalised, is a noun */
    code(t, "Alpha watched the attack on Delta very closely during the long winter.", &r);
    cr_expect_eq(r.n, 0);
    /* a compound source; clauses split at AND with the subject forwarded */
    code(t, "Alpha and Beta will attack Delta and then accuse Kappa of the long winter.", &r);
    cr_expect(has_event(&r, "ALP", "DEL", "190") && has_event(&r, "BET", "DEL", "190"));
    cr_expect(has_event(&r, "ALP", "KAP", "113"));
    /* a pronoun is the first actor of the sentence */
    code(t, "Alpha met Beta and later Delta said it will attack him after the winter.", &r);
    cr_expect(has_event(&r, "DEL", "ALP", "190"), "%d", r.n);
    /* COMPLEX: no actor before the verb; too many verbs */
    code(t, "Attacked by surprise the troops of the east will attack Delta after the long winter.", &r);
    cr_expect_eq(r.status, DL_TB_COMPLEX);
    code(t, "Alpha will attack Delta and accuse Beta and attack Kappa and donate nothing to anyone.", &r);
    cr_expect_eq(r.status, DL_TB_COMPLEX);
    /* too short */
    code(t, "Alpha attacked Delta.", &r);
    cr_expect_eq(r.status, DL_TB_SHORT);
    /* options change the rules */
    cr_expect_eq(dl_tabari_option(t, "SET: MINIMUM WORDS = 3"), 0);
    code(t, "Alpha attacked Delta.", &r);
    cr_expect(has_event(&r, "ALP", "DEL", "190"));
    cr_expect_eq(dl_tabari_option(t, "DEFAULT: SOURCE [DEF] PRIOR"), 0);
    code(t, "Attacked by surprise the troops of the east will attack Delta after the long winter.", &r);
    cr_expect(has_event(&r, "DEF", "DEL", "190"));
    cr_expect_eq(dl_tabari_option(t, "NO SUCH OPTION"), -1);
    dl_tabari_free(t);
}

Test(tabari_small, json_lines)
{
    dl_tabari *t = small();
    char *out = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&out, &len);
    long records = 0, events = 0;
    cr_assert_eq(dl_tabari_code_files(t, NULL, 0, mem, &records, &events), 0);   /* the project's <textfile> */
    fclose(mem);
    cr_expect_eq(records, 2);
    cr_expect_eq(events, 3);
    cr_expect(strstr(out, "{\"id\":\"SMALL-01\",\"date\":\"950101\",\"status\":\"coded\",\"events\":[{\"source\":"
                          "{\"code\":\"ALP\"},\"target\":{\"code\":\"DEL\"},\"cameo\":\"195\",\"root\":\"19\","
                          "\"date\":\"1995-01-01\",\"verb\":\"ATTACK\",\"pattern\":{\"text\":\"* { CITY | TOWN }\"}}]}\n") == out,
              "%s", out);
    free(out);
    char *missing[] = {"tests/tabari/no-such-file"};
    mem = open_memstream(&out, &len);
    cr_expect_eq(dl_tabari_code_files(t, missing, 1, mem, &records, &events), 1);
    fclose(mem);
    free(out);
    dl_tabari_free(t);
}

Test(tabari_small, records)
{
    FILE *f = fopen("tests/tabari/small.text", "r");
    cr_assert_not_null(f);
    dl_tabari_record rec;
    memset(&rec, 0, sizeof rec);
    cr_assert_eq(dl_tabari_read_record(f, &rec), 1);
    cr_expect_str_eq(rec.date, "950101");
    cr_expect_str_eq(rec.id, "SMALL-01");
    cr_expect(strstr(rec.text, "attack the city") != NULL);
    cr_assert_eq(dl_tabari_read_record(f, &rec), 1);
    cr_expect_str_eq(rec.id, "SMALL-02");
    cr_expect_eq(dl_tabari_read_record(f, &rec), 0);
    dl_tabari_record_free(&rec);
    fclose(f);
}

/* ---- TABARI's validation suite ----
 *
 * Validate.text holds records: a "DATE ID" line, the text, then a comment
 * with the expectations, one per "{...}":
 *   { SRC / TGT / CODE }   an event that must be coded; the coded events
 *                          must be exactly these;
 *   {---}  no event; {+++}  rejected as complex; {###}  discarded;
 *   { OPTION: ... }        an options line applied from here on;
 *   -{...}                 deactivated (not checked); when a record also
 *                          has active events, its list is incomplete and
 *                          the coded events need only include them.
 * Records after FINAL-01 are TABARI's debugging records.  The floor is
 * the count this version reaches; raise it when coding improves. */

#define TABARI_DIR "../shared/suites/tabari"
#define TABARI_FLOOR 441

typedef struct trip { char s[40], t[40], c[16]; } trip;
typedef struct expect {
    trip ev[32];
    int n, none, complex, discard, partial, options;
    char opt[8][256];
    int nopt;
} expect;

static void parse_expect(const char *comment, expect *x)
{
    memset(x, 0, sizeof *x);
    for (const char *p = comment; (p = strchr(p, '{')) != NULL; p++) {
        int off = p > comment && p[-1] == '-';
        const char *e = strchr(p, '}'), *ce = strstr(p, "*/");
        if (!e || (ce && ce < e && strstr(p, "OPTION") && strstr(p, "OPTION") < ce))
            e = ce;
        if (!e)
            break;
        char body[256];
        size_t len = (size_t)(e - p - 1) < sizeof body - 1 ? (size_t)(e - p - 1) : sizeof body - 1;
        memcpy(body, p + 1, len);
        body[len] = 0;
        char *b = body;
        while (*b == ' ' || *b == '\t')
            b++;
        size_t bl = strlen(b);
        while (bl && (b[bl - 1] == ' ' || b[bl - 1] == '\t' || b[bl - 1] == '\n'))
            b[--bl] = 0;
        if (!strncmp(b, "OPTION:", 7)) {
            x->options = 1;
            if (x->nopt < 8)
                snprintf(x->opt[x->nopt++], sizeof x->opt[0], "%s", b + 7);
            continue;
        }
        trip t;
        int triple = sscanf(b, " %39[^ /] / %39[^ /] / %15[^ }]", t.s, t.t, t.c) == 3;
        if (triple) {
            char *sp = strchr(t.c, ' ');
            if (sp)
                *sp = 0;
        }
        if (off) {
            if (triple && !strcmp(t.s, "---"))
                x->partial = 1;
            continue;
        }
        if (!strcmp(b, "+++"))
            x->complex = 1;
        else if (!strcmp(b, "###"))
            x->discard = 1;
        else if (!strcmp(b, "---"))
            x->none = 1;
        else if (triple && x->n < 32)
            x->ev[x->n++] = t;
    }
}

Test(tabari, validation_suite)
{
    if (access(TABARI_DIR "/Validate.text", R_OK) != 0) {
        /* cr_log_warn would make Criterion exit 1 on a plain clone */
        cr_skip_test("tabari: " TABARI_DIR " not found; skipped");
        return;
    }
    char *err = NULL;
    dl_tabari *t = dl_tabari_load(TABARI_DIR "/Validate.project", &err);
    cr_assert_not_null(t, "%s", err ? err : "");
    FILE *f = fopen(TABARI_DIR "/Validate.text", "r");
    cr_assert_not_null(f);
    FILE *log = fopen("build/tabari-suite.log", "w");
    dl_tabari_record rec;
    memset(&rec, 0, sizeof rec);
    long records = 0, checked = 0, passed = 0, ev_checked = 0, ev_passed = 0, option_records = 0;
    static dl_tabari_result r;
    while (dl_tabari_read_record(f, &rec)) {
        if (!strcmp(rec.id, "FINAL-01"))
            break;
        records++;
        expect x;
        parse_expect(rec.comment, &x);
        if (x.options) {
            cr_expect_eq(dl_tabari_record_options(t, rec.comment), x.nopt, "%s", rec.id);
            option_records++;
            continue;
        }
        if (!x.n && !x.none && !x.complex && !x.discard)
            continue;   /* nothing checked */
        checked++;
        dl_tabari_code(t, rec.date, rec.text, &r);
        int ok;
        const char *kind;
        if (x.complex) {
            ok = r.status == DL_TB_COMPLEX;
            kind = "complex";
        } else if (x.discard) {
            ok = r.status == DL_TB_DISCARD;
            kind = "discard";
        } else {
            ok = r.status == DL_TB_NONE || (r.status == DL_TB_SHORT && !x.n);
            for (int i = 0; i < x.n; i++)
                ok &= has_event(&r, x.ev[i].s, x.ev[i].t, x.ev[i].c);
            if (!x.partial)
                for (int i = 0; i < r.n; i++) {
                    int found = 0;
                    for (int j = 0; j < x.n && !found; j++)
                        found = !strcmp(x.ev[j].s, r.ev[i].source) && !strcmp(x.ev[j].t, r.ev[i].target) &&
                                !strcmp(x.ev[j].c, r.ev[i].code);
                    ok &= found;
                }
            kind = x.n ? "events" : "none";
            if (x.n)
                ev_checked++, ev_passed += ok;
        }
        passed += ok;
        if (log) {
            static const char *const st[] = {"coded", "complex", "discard", "short"};
            fprintf(log, "%s %s [%s]:", ok ? "PASS" : "FAIL", rec.id, kind);
            for (int i = 0; i < x.n; i++)
                fprintf(log, " want{%s/%s/%s}", x.ev[i].s, x.ev[i].t, x.ev[i].c);
            fprintf(log, " got %s", st[r.status]);
            for (int i = 0; i < r.n; i++)
                fprintf(log, " {%s/%s/%s}", r.ev[i].source, r.ev[i].target, r.ev[i].code);
            if (r.why[0])
                fprintf(log, " (%s)", r.why);
            fprintf(log, "\n");
        }
    }
    /* the debugging records after FINAL-01 (some crashed TABARI): coded
     * without checks, for the sanitizers */
    long debug = 0;
    while (dl_tabari_read_record(f, &rec)) {
        if (dl_tabari_record_options(t, rec.comment) > 0)
            continue;
        dl_tabari_code(t, rec.date, rec.text, &r);
        cr_expect_leq(r.n, DL_TB_MAXEV);
        debug++;
    }
    cr_expect_gt(debug, 0);
    dl_tabari_record_free(&rec);
    fclose(f);
    if (log)
        fclose(log);
    dl_tabari_free(t);
    fprintf(stderr, "tabari: %ld standard records (%ld OPTION records, %ld unchecked), %ld with checked expectations, "
                    "%ld coded as expected (%.1f%%); of them %ld with expected events, %ld passed; "
                    "see build/tabari-suite.log\n",
            records, option_records, records - option_records - checked, checked, passed,
            checked ? 100.0 * passed / checked : 0.0, ev_checked, ev_passed);
    cr_expect_eq(records, 472, "standard records: %ld", records);
    cr_expect_geq(passed, TABARI_FLOOR, "TABARI suite: %ld passed, floor %d", passed, TABARI_FLOOR);
}
