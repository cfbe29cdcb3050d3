/* tabari.c -- TABARI compatibility mode (see tabari.h and
 * docs/compat-tabari.md).
 *
 * The coder follows TABARI's sparse parse of one record:
 *   1. lex: upper case, commas kept as tokens, possessive 'S split off as
 *      a flag, hyphens and underscores split words;
 *   2. comma-delimited subordinate clauses whose length is within the
 *      COMMA: limits are deleted (commas of actor lists are kept);
 *   3. dictionary look-ups, longest phrase first: actors (dated codes,
 *      null "---", complex "+++", discard "###"), agents composed with
 *      the actor before or after them, nouns and adjectives, verbs (a verb
 *      after THE/A/AN, capitalised in mixed-case text, or possessive is a
 *      noun), pronouns dereferenced to the first actor of the sentence;
 *   4. compounds (actors joined by AND/OR/NOR or a list of commas), then
 *      clauses split at the remaining conjunctions;
 *   5. COMPLEX: checks (verbs, conjunctions, no actor before the verb);
 *   6. per clause, the first verb that yields a code: its patterns are
 *      tried longest first ($ source, + target, % compound, ^ skipped
 *      actor, &SYNSET, { | } alternatives, _ consecutive, ~ open word);
 *      the source is the first actor before the verb, the target the first
 *      after it, with TABARI's fall-backs, passive voice and DEFAULT:.
 * Dictionaries are read by this file (TABARI's formats: multi-line actor
 * blocks with +synonyms and dated codes, verb forms in { }, synsets). */
#include "tabari.h"
#include "../util/buf.h"
#include "../util/jsonw.h"
#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* ---- dictionary phrases and patterns ----
 *
 * One representation for every phrase: a sequence of elements, each with
 * the connector to the next one (consecutive "_" or any gap " "). */

enum { W_EXACT = 1, W_NOEND = 2, W_OPEN = 4 };

typedef struct tb_elem tb_elem;
typedef struct tb_seq {
    tb_elem *v;
    int n;
} tb_seq;
struct tb_elem {
    char kind;             /* 'w' word, '&' synset, '{' alternatives, '*' verb, '$' '+' '%' '^' slots */
    unsigned char flags;   /* W_* for words */
    unsigned char consec;  /* 1: the next element must follow immediately */
    char *w;               /* word; synset name */
    int syn;               /* synset index, resolved after loading */
    tb_seq *alt;           /* alternatives */
    int nalt;
};

typedef struct tb_dcode {
    char *code;
    char kind;             /* 0 always, '<' before d1, '>' after d1, '-' d1..d2 */
    long d1, d2;
} tb_dcode;

typedef struct tb_actor {
    tb_seq ph;
    int code0, ncode;      /* range in t->dcodes */
} tb_actor;

typedef struct tb_agent {
    tb_seq ph;
    char *code;            /* "~GOV" suffix, "NGM~" prefix */
} tb_agent;

typedef struct tb_pattern {
    tb_seq s;              /* includes the '*' element */
    char *code, *text;
    int weight, order;
} tb_pattern;

typedef struct tb_group {  /* a verb with its forms and patterns */
    char *code;
    struct { tb_pattern *v; int n, cap; } pat;
} tb_group;

typedef struct tb_verb {
    tb_seq ph;
    int group;
} tb_verb;

typedef struct tb_synset {
    char *name;
    tb_seq *v;             /* its phrases */
    int n, cap;
} tb_synset;

typedef struct tb_time {
    tb_seq ph;
    char *code;            /* "-1", "+7", "###", "+++", "- - -" */
} tb_time;

#define VEC(T) struct { T *v; int n, cap; }
#define PUSH(vec, x) do { if ((vec).n == (vec).cap) { (vec).cap = (vec).cap ? 2 * (vec).cap : 16; \
    (vec).v = realloc((vec).v, (size_t)(vec).cap * sizeof *(vec).v); } (vec).v[(vec).n++] = (x); } while (0)

typedef struct tb_opts {
    int verbs_max, conj_max, noactprior;   /* COMPLEX: (0 = no limit) */
    int convert_agent, yyyy, time_shift;
    int code_by;                           /* 0 clause, 1 sentence, 2 all */
    int min_words;
    int comma_min, comma_max, comma_emin, comma_emax, comma_bmin, comma_bmax, comma_off;
    char def_src[32], def_tar[32];
    int def_prior, def_after;
    int forward;
} tb_opts;

struct dl_tabari {
    VEC(tb_actor) actors;
    VEC(tb_dcode) dcodes;
    VEC(tb_agent) agents;
    VEC(tb_verb) verbs;
    VEC(tb_group) groups;
    VEC(tb_synset) syns;
    VEC(tb_time) times;
    VEC(char *) nouns;
    VEC(char *) adjs;
    VEC(char *) strs;      /* every string allocated for the dictionaries */
    tb_opts o;
    char *textfile;
    char fwd[40];          /* FORWARD: the base code of the last record's first actor */
};

static char *keep(dl_tabari *t, const char *s, size_t n)
{
    char *p = malloc(n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    PUSH(t->strs, p);
    return p;
}

static void seq_free(tb_seq *s)
{
    for (int i = 0; i < s->n; i++)
        if (s->v[i].kind == '{') {
            for (int k = 0; k < s->v[i].nalt; k++)
                seq_free(&s->v[i].alt[k]);
            free(s->v[i].alt);
        }
    free(s->v);
}

static void push_elem(tb_seq *s, tb_elem e)
{
    s->v = realloc(s->v, (size_t)(s->n + 1) * sizeof *s->v);
    s->v[s->n++] = e;
}

/* Parse a phrase or pattern: words, _ ~ = connectors, { a | b }, &SYN,
 * * $ + % ^.  Stops at any char of stop (not consumed) or at the end. */
static const char *parse_seq(dl_tabari *t, const char *p, const char *stop, tb_seq *out)
{
    memset(out, 0, sizeof *out);
    for (;;) {
        while (*p == ' ' || *p == '\t')
            p++;
        if (!*p || strchr(stop, *p))
            break;
        tb_elem e;
        memset(&e, 0, sizeof e);
        e.syn = -1;
        if (*p == '{') {
            e.kind = '{';
            p++;
            for (;;) {
                tb_seq a;
                p = parse_seq(t, p, "|}", &a);
                e.alt = realloc(e.alt, (size_t)(e.nalt + 1) * sizeof *e.alt);
                e.alt[e.nalt++] = a;
                if (*p == '|') {
                    p++;
                    continue;
                }
                if (*p == '}')
                    p++;
                break;
            }
            push_elem(out, e);
        } else if (strchr("*$+%^", *p)) {
            e.kind = *p++;
            push_elem(out, e);
        } else if (*p == '&') {
            const char *b = ++p;
            while (*p && (isalnum((unsigned char)*p)))
                p++;
            e.kind = '&';
            e.w = keep(t, b, (size_t)(p - b));
            push_elem(out, e);
        } else {
            const char *b = p;
            while (*p && !strchr(" \t_{}|~=*", *p))
                p++;
            size_t n = (size_t)(p - b);
            if (*p == '~') {
                e.flags |= W_OPEN;
                p++;
            } else if (*p == '=') {
                e.flags |= W_NOEND | W_EXACT;
                p++;
            }
            /* hyphens split the word into consecutive parts; a final one goes */
            while (n > 0 && b[n - 1] == '-')
                n--;
            if (n == 0)
                continue;
            const char *q = b, *end = b + n;
            while (q < end) {
                const char *h = memchr(q, '-', (size_t)(end - q));
                if (!h)
                    h = end;
                if (h > q) {
                    tb_elem w = e;
                    w.kind = 'w';
                    w.w = keep(t, q, (size_t)(h - q));
                    if (h < end) {
                        w.flags &= (unsigned char)~(W_OPEN | W_NOEND | W_EXACT);
                        w.consec = 1;
                    }
                    push_elem(out, w);
                }
                q = h + 1;
            }
        }
        /* the connector after the element */
        if (*p == '_') {
            p++;
            tb_elem *l = &out->v[out->n - 1];
            if (l->kind == 'w' && !(l->flags & W_OPEN))
                l->flags |= W_EXACT;
            if (*p && *p != ' ' && *p != '\t' && !strchr(stop, *p))
                l->consec = 1;
        }
    }
    return p;
}

/* Patterns are tried longest first: more words, then more letters
 * (a synset counts for nothing). */
static int seq_weight(const tb_seq *s)
{
    int words = 0, letters = 0;
    for (int i = 0; i < s->n; i++)
        if (s->v[i].kind == 'w') {
            words++;
            letters += (int)strlen(s->v[i].w);
        }
    return words * 1000 + letters;
}

/* A pattern with { a | b } alternatives becomes one pattern per
 * alternative (as many as the combinations), each ranked on its own. */
static void expand_alts(tb_group *g, const tb_seq *s, int i, tb_seq *acc, const tb_pattern *proto)
{
    if (i == s->n) {
        tb_pattern p = *proto;
        p.s.n = acc->n;
        p.s.v = malloc((size_t)(acc->n ? acc->n : 1) * sizeof *p.s.v);
        memcpy(p.s.v, acc->v, (size_t)acc->n * sizeof *p.s.v);
        p.weight = seq_weight(&p.s);
        PUSH(g->pat, p);
        return;
    }
    const tb_elem *e = &s->v[i];
    int n0 = acc->n;
    if (e->kind != '{') {
        push_elem(acc, *e);
        expand_alts(g, s, i + 1, acc, proto);
        acc->n = n0;
        return;
    }
    for (int k = 0; k < e->nalt; k++) {
        for (int j = 0; j < e->alt[k].n; j++) {
            tb_elem x = e->alt[k].v[j];
            if (x.kind == '{')
                continue;   /* nested alternatives: not used by TABARI dictionaries */
            if (j == e->alt[k].n - 1)
                x.consec = e->consec;
            push_elem(acc, x);
        }
        expand_alts(g, s, i + 1, acc, proto);
        acc->n = n0;
    }
}

/* ---- dates ---- */

static long parse_date(const char *s, int yyyy)
{
    char d[16];
    int n = 0;
    while (*s && !isdigit((unsigned char)*s))
        s++;
    while (isdigit((unsigned char)*s) && n < 15)
        d[n++] = *s++;
    d[n] = 0;
    if (yyyy && n >= 8) {
        d[8] = 0;
        return atol(d);
    }
    if (n < 6)
        return 0;
    d[6] = 0;
    long v = atol(d);
    long yy = v / 10000;
    return (yy < 30 ? 20000000 : 19000000) + v;
}

/* ---- dictionary text helpers ---- */

static void upcase(char *s)
{
    for (; *s; s++)
        *s = (char)toupper((unsigned char)*s);
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
        s[--n] = 0;
    return s;
}

/* Cut a ";" comment (TABARI's comment mark in dictionaries). */
static void cut_comment(char *s)
{
    char *c = strchr(s, ';');
    if (c)
        *c = 0;
}

/* A dictionary line without its comment and surrounding blanks, in upper
 * case ("" for a blank line). */
static char *dict_line(char *line)
{
    cut_comment(line);
    char *l = trim(line);
    upcase(l);
    return l;
}

/* ---- actors ---- */

/* Dictionary dates are YYMMDD, or YYYYMMDD when written with 8 digits. */
static void add_dcodes(dl_tabari *t, const char *s)
{
    /* [CODE], [CODE <date], [CODE >date], [CODE d1-d2], possibly several */
    while ((s = strchr(s, '[')) != NULL) {
        const char *e = strchr(s, ']');
        if (!e)
            break;
        char body[128];
        size_t n = (size_t)(e - s - 1) < sizeof body - 1 ? (size_t)(e - s - 1) : sizeof body - 1;
        memcpy(body, s + 1, n);
        body[n] = 0;
        s = e + 1;
        char *b = trim(body);
        if (!*b || isdigit((unsigned char)*b) || *b == '<' || *b == '>')
            continue;   /* a date without a code: malformed, TABARI skips it */
        char *sp = b;
        while (*sp && *sp != ' ' && *sp != '\t' && *sp != '<' && *sp != '>')
            sp++;
        tb_dcode d = {keep(t, b, (size_t)(sp - b)), 0, 0, 0};
        char *r = trim(sp);
        if (*r == '<' || *r == '>') {
            d.kind = *r;
            d.d1 = parse_date(r + 1, 1);
        } else if (isdigit((unsigned char)*r)) {
            char *dash = strchr(r, '-');
            if (dash) {
                d.kind = '-';
                d.d1 = parse_date(r, 1);
                d.d2 = parse_date(dash + 1, 1);
            }
        }
        PUSH(t->dcodes, d);
    }
}

static void add_actor_names(dl_tabari *t, char names[][256], int nn, const char *codes)
{
    int c0 = t->dcodes.n;
    add_dcodes(t, codes);
    for (int i = 0; i < nn; i++) {
        tb_actor a;
        memset(&a, 0, sizeof a);
        parse_seq(t, names[i], "", &a.ph);
        a.code0 = c0;
        a.ncode = t->dcodes.n - c0;
        if (a.ph.n && a.ncode)
            PUSH(t->actors, a);
        else
            seq_free(&a.ph);
    }
}

/* Iterate over lines, blank ones included: returns the next line
 * (NUL-terminated in place) or NULL. */
static char *next_line(char **p)
{
    if (!*p || !**p)
        return NULL;
    char *l = *p, *e = strchr(l, '\n');
    if (e) {
        *e = 0;
        *p = e + 1;
    } else
        *p = l + strlen(l);
    size_t n = strlen(l);
    if (n && l[n - 1] == '\r')
        l[n - 1] = 0;
    return l;
}

static int load_actors(dl_tabari *t, const char *path, char **err)
{
    char *text = dl_read_file(path, NULL, err);
    if (!text)
        return -1;
    char names[64][256];
    int nn = 0;
    dl_buf codes = DL_BUF_INIT;
    int section = 0;   /* 'n' nouns, 'a' adjectives */
    char *cur = text, *line;
    for (;;) {
        line = next_line(&cur);
        if (nn > 0 && line && (line[0] == '+' || line[0] == '#' || line[0] == ' ' || line[0] == '\t' || !line[0])) {
            /* inside a multi-line block: +synonyms, indented [codes] */
            if (line[0] == '#')
                continue;
            cut_comment(line);
            char *l = trim(line);
            if (l[0] == '+' && nn < 64) {
                snprintf(names[nn], sizeof names[nn], "%s", trim(l + 1));
                upcase(names[nn]);
                nn++;
            } else if (strchr(l, '['))
                dl_buf_adds(&codes, l);
            continue;
        }
        if (nn > 0) {
            add_actor_names(t, names, nn, codes.p ? codes.p : "");
            nn = 0;
            dl_buf_clear(&codes);
        }
        if (!line || !strncmp(line, "~~", 2))
            break;
        if (line[0] == '#')
            continue;
        char *l = dict_line(line);
        if (!*l)
            continue;
        if (!strcmp(l, "<NOUN>")) { section = 'n'; continue; }
        if (!strcmp(l, "<ADJECTIVE>")) { section = 'a'; continue; }
        if (l[0] == '<' && l[1] == '/') { section = 0; continue; }
        if (section) {
            char *s = keep(t, l, strcspn(l, " \t"));
            size_t m = strlen(s);
            while (m && s[m - 1] == '_')
                s[--m] = 0;
            if (section == 'n')
                PUSH(t->nouns, s);
            else
                PUSH(t->adjs, s);
            continue;
        }
        char *br = strchr(l, '[');
        if (br) {
            char tmp[256];
            snprintf(tmp, sizeof tmp, "%.*s", (int)(br - l), l);
            snprintf(names[0], sizeof names[0], "%s", trim(tmp));
            add_actor_names(t, names, 1, br);
        } else {
            snprintf(names[0], sizeof names[0], "%s", l);
            nn = 1;
            dl_buf_clear(&codes);
        }
    }
    dl_buf_free(&codes);
    free(text);
    return 0;
}

static int load_agents(dl_tabari *t, const char *path, char **err)
{
    char *text = dl_read_file(path, NULL, err);
    if (!text)
        return -1;
    char *save = NULL;
    for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        if (line[0] == '#')
            continue;
        if (!strncmp(line, "~~", 2))
            break;
        cut_comment(line);
        char *br = strchr(line, '['), *e = br ? strchr(br, ']') : NULL;
        if (!br || !e)
            continue;
        *br = 0;
        *e = 0;
        char *name = trim(line), *code = trim(br + 1);
        upcase(name);
        upcase(code);
        tb_agent a;
        memset(&a, 0, sizeof a);
        parse_seq(t, name, "", &a.ph);
        a.code = keep(t, code, strlen(code));
        if (a.ph.n)
            PUSH(t->agents, a);
        else
            seq_free(&a.ph);
    }
    free(text);
    return 0;
}

/* ---- verbs ---- */

static void add_verb_phrase(dl_tabari *t, const char *ph, int group)
{
    tb_verb v;
    memset(&v, 0, sizeof v);
    parse_seq(t, ph, "", &v.ph);
    v.group = group;
    if (v.ph.n)
        PUSH(t->verbs, v);
    else
        seq_free(&v.ph);
}

/* "TEXT [CODE]": split into text and code. */
static int split_code(char *l, char **code)
{
    char *br = strrchr(l, '['), *e = br ? strchr(br, ']') : NULL;
    if (!br || !e)
        return -1;
    *br = 0;
    *e = 0;
    *code = trim(br + 1);
    return 0;
}

static int load_verbs(dl_tabari *t, const char *path, char **err)
{
    char *text = dl_read_file(path, NULL, err);
    if (!text)
        return -1;
    int section = 0;   /* 's' synsets, 't' time */
    int group = -1, order = 0;
    char *save = NULL;
    for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        if (!strncmp(line, "~~", 2))
            break;
        char *l = dict_line(line);
        if (!*l)
            continue;
        if (!strcmp(l, "<SYNSETS>")) { section = 's'; continue; }
        if (!strcmp(l, "<TIME>")) { section = 't'; continue; }
        if (l[0] == '<' && l[1] == '/') { section = 0; continue; }
        if (section == 's') {
            if (l[0] == '&') {
                tb_synset s;
                memset(&s, 0, sizeof s);
                s.name = keep(t, l + 1, strcspn(l + 1, " \t"));
                PUSH(t->syns, s);
            } else if (l[0] == '+' && t->syns.n) {
                tb_seq q;
                parse_seq(t, trim(l + 1), "", &q);
                PUSH(t->syns.v[t->syns.n - 1], q);
            }
            continue;
        }
        if (section == 't') {
            char *code;
            if (l[0] == '-' || split_code(l, &code) < 0)
                continue;   /* TIME patterns are not implemented */
            tb_time tm;
            memset(&tm, 0, sizeof tm);
            parse_seq(t, trim(l), "", &tm.ph);
            tm.code = keep(t, code, strlen(code));
            PUSH(t->times, tm);
            continue;
        }
        if (l[0] == '{') {
            /* verb forms of the current verb */
            if (group < 0)
                continue;
            char *p = l + 1;
            char *e = strchr(p, '}');
            if (e)
                *e = 0;
            char *s2 = NULL;
            for (char *w = strtok_r(p, " \t", &s2); w; w = strtok_r(NULL, " \t", &s2))
                add_verb_phrase(t, w, group);
            continue;
        }
        char *code;
        if (split_code(l, &code) < 0)
            continue;
        if (l[0] == '-') {
            if (group < 0)
                continue;
            tb_pattern pt;
            memset(&pt, 0, sizeof pt);
            char *body = trim(l + 1);
            pt.text = keep(t, body, strlen(body));
            parse_seq(t, body, "", &pt.s);
            int star = 0;
            for (int i = 0; i < pt.s.n; i++)
                star += pt.s.v[i].kind == '*';
            if (star != 1) {
                seq_free(&pt.s);
                continue;
            }
            pt.code = keep(t, code, strlen(code));
            pt.order = order++;
            tb_seq acc = {NULL, 0};
            expand_alts(&t->groups.v[group], &pt.s, 0, &acc, &pt);
            free(acc.v);
            seq_free(&pt.s);
            continue;
        }
        tb_group g;
        memset(&g, 0, sizeof g);
        g.code = keep(t, code, strlen(code));
        PUSH(t->groups, g);
        group = t->groups.n - 1;
        add_verb_phrase(t, trim(l), group);
    }
    free(text);
    /* patterns: most words first, then dictionary order */
    for (int gi = 0; gi < t->groups.n; gi++) {
        tb_group *g = &t->groups.v[gi];
        for (int i = 1; i < g->pat.n; i++)
            for (int j = i; j > 0 && (g->pat.v[j].weight > g->pat.v[j - 1].weight); j--) {
                tb_pattern x = g->pat.v[j];
                g->pat.v[j] = g->pat.v[j - 1];
                g->pat.v[j - 1] = x;
            }
    }
    return 0;
}

static void resolve_syn(dl_tabari *t, tb_seq *s)
{
    for (int i = 0; i < s->n; i++) {
        if (s->v[i].kind == '&') {
            s->v[i].syn = -1;
            for (int k = 0; k < t->syns.n; k++)
                if (!strcmp(t->syns.v[k].name, s->v[i].w))
                    s->v[i].syn = k;
        } else if (s->v[i].kind == '{')
            for (int k = 0; k < s->v[i].nalt; k++)
                resolve_syn(t, &s->v[i].alt[k]);
    }
}

/* ---- options ---- */

static void opts_default(tb_opts *o)
{
    memset(o, 0, sizeof *o);
    o->min_words = 8;
    o->comma_min = 2;
    o->comma_max = 10;
    o->comma_emin = 2;
    o->comma_emax = 10;
    o->comma_bmin = 255;
    o->comma_bmax = 0;
}

/* "NAME = VALUE" inside s: the number after NAME (whole word), or def. */
static int opt_num(const char *s, const char *name, int def)
{
    size_t n = strlen(name);
    for (const char *p = s; (p = strstr(p, name)) != NULL; p += n) {
        if (p > s && isalpha((unsigned char)p[-1]))
            continue;
        const char *q = p + n;
        if (isalpha((unsigned char)*q))
            continue;
        while (*q == ' ' || *q == '=' || *q == '[')
            q++;
        if (isdigit((unsigned char)*q))
            return atoi(q);
    }
    return def;
}

static int opt_bool(const char *s)
{
    return strstr(s, "TRUE") != NULL;
}

static void opt_code(const char *s, const char *after, char *out, size_t cap)
{
    const char *p = strstr(s, after);
    out[0] = 0;
    if (!p || !(p = strchr(p, '[')))
        return;
    const char *e = strchr(p, ']');
    if (!e)
        return;
    char tmp[64];
    snprintf(tmp, sizeof tmp, "%.*s", (int)(e - p - 1), p + 1);
    snprintf(out, cap, "%s", trim(tmp));
}

int dl_tabari_option(dl_tabari *t, const char *line)
{
    char buf[512];
    snprintf(buf, sizeof buf, "%s", line);
    char *s = trim(buf);
    if (!*s || !strncmp(s, "//", 2))
        return 0;
    upcase(s);
    tb_opts *o = &t->o;
    if (!strncmp(s, "COMPLEX:", 8)) {
        o->verbs_max = opt_num(s, "VERBS", 0);
        o->conj_max = opt_num(s, "CONJ", 0);
        o->noactprior = strstr(s, "NOACTPRIOR") != NULL;
        return 0;
    }
    if (!strncmp(s, "DEFAULT:", 8)) {
        if (strstr(s, "OFF") && !strstr(s, "SOURCE") && !strstr(s, "TARGET")) {
            o->def_src[0] = o->def_tar[0] = 0;
            o->def_prior = o->def_after = 0;
            return 0;
        }
        if (strstr(s, "SOURCE"))
            opt_code(s, "SOURCE", o->def_src, sizeof o->def_src);
        if (strstr(s, "TARGET"))
            opt_code(s, "TARGET", o->def_tar, sizeof o->def_tar);
        o->def_prior = strstr(s, "PRIOR") != NULL;
        o->def_after = strstr(s, "AFTER") != NULL;
        return 0;
    }
    if (!strncmp(s, "COMMA:", 6)) {
        if (strstr(s, "OFF")) {
            o->comma_off = 1;
            return 0;
        }
        o->comma_off = 0;
        o->comma_min = opt_num(s, "MIN", o->comma_min);
        o->comma_max = opt_num(s, "MAX", o->comma_max);
        o->comma_emin = opt_num(s, "EMIN", o->comma_emin);
        o->comma_emax = opt_num(s, "EMAX", o->comma_emax);
        o->comma_bmin = opt_num(s, "BMIN", o->comma_bmin);
        o->comma_bmax = opt_num(s, "BMAX", o->comma_bmax);
        return 0;
    }
    if (!strncmp(s, "FORWARD:", 8)) {
        const char *r = s + 8;
        o->forward = strstr(r, "OFF") == NULL;
        t->fwd[0] = 0;
        return 0;
    }
    if (!strncmp(s, "SET:", 4)) {
        const char *r = s + 4;
        if (strstr(r, "CONVERT AGENT"))
            o->convert_agent = opt_bool(r);
        else if (strstr(r, "YYYY"))
            o->yyyy = opt_bool(r);
        else if (strstr(r, "TIME SHIFT"))
            o->time_shift = opt_bool(r);
        else if (strstr(r, "CODE BY SENTENCE"))
            o->code_by = 1;
        else if (strstr(r, "CODE BY CLAUSE"))
            o->code_by = 0;
        else if (strstr(r, "CODE ALL"))
            o->code_by = 2;
        else if (strstr(r, "MINIMUM WORDS"))
            o->min_words = opt_num(r, "WORDS", o->min_words);
        return 0;   /* other SET: switches do not change coding */
    }
    if (!strncmp(s, "OUTPUT:", 7) || !strncmp(s, "LABEL:", 6))
        return 0;
    return -1;
}

static int load_options(dl_tabari *t, const char *path, char **err)
{
    char *text = dl_read_file(path, NULL, err);
    if (!text)
        return -1;
    char *cur = text, *line;
    while ((line = next_line(&cur)) != NULL)
        dl_tabari_option(t, line);
    free(text);
    return 0;
}

/* ---- project ---- */

static char *project_path(const char *project, const char *name)
{
    const char *slash = strrchr(project, '/');
    dl_buf b = DL_BUF_INIT;
    if (slash && name[0] != '/')
        dl_buf_add(&b, project, (size_t)(slash - project + 1));
    dl_buf_adds(&b, name);
    return dl_buf_take(&b);
}

/* The value of "<tag> value" in the project text, or NULL. */
static int project_field(const char *text, const char *tag, char *out, size_t cap)
{
    const char *p = strstr(text, tag);
    if (!p)
        return -1;
    p += strlen(tag);
    while (*p == ' ' || *p == '\t')
        p++;
    size_t n = strcspn(p, " \t\r\n<");
    if (!n)
        return -1;
    snprintf(out, cap, "%.*s", (int)n, p);
    return 0;
}

dl_tabari *dl_tabari_load(const char *project, char **err)
{
    char *text = dl_read_file(project, NULL, err);
    if (!text)
        return NULL;
    dl_tabari *t = calloc(1, sizeof *t);
    opts_default(&t->o);
    static const char *const tags[] = {"<actorsfile>", "<agentsfile>", "<verbsfile>", "<optionsfile>"};
    int rc = 0;
    for (int k = 0; k < 4 && rc == 0; k++) {
        char name[512];
        if (project_field(text, tags[k], name, sizeof name) < 0) {
            if (k == 1 || k == 3)
                continue;   /* agents and options are optional */
            dl_set_err(err, "%s: no %s", project, tags[k]);
            rc = -1;
            break;
        }
        char *path = project_path(project, name);
        if (k == 0)
            rc = load_actors(t, path, err);
        else if (k == 1)
            rc = load_agents(t, path, err);
        else if (k == 2) {
            rc = load_verbs(t, path, err);
            /* TABARI turns time shifting on when the verbs file has <TIME> */
            t->o.time_shift = t->times.n > 0;
        } else
            rc = load_options(t, path, err);
        free(path);
    }
    char name[512];
    if (rc == 0 && project_field(text, "<textfile>", name, sizeof name) == 0)
        t->textfile = project_path(project, name);
    free(text);
    if (rc < 0) {
        dl_tabari_free(t);
        return NULL;
    }
    for (int g = 0; g < t->groups.n; g++)
        for (int i = 0; i < t->groups.v[g].pat.n; i++)
            resolve_syn(t, &t->groups.v[g].pat.v[i].s);
    for (int s = 0; s < t->syns.n; s++)
        for (int i = 0; i < t->syns.v[s].n; i++)
            resolve_syn(t, &t->syns.v[s].v[i]);
    return t;
}

const char *dl_tabari_textfile(const dl_tabari *t)
{
    return t->textfile;
}

void dl_tabari_free(dl_tabari *t)
{
    if (!t)
        return;
    for (int i = 0; i < t->actors.n; i++)
        seq_free(&t->actors.v[i].ph);
    for (int i = 0; i < t->agents.n; i++)
        seq_free(&t->agents.v[i].ph);
    for (int i = 0; i < t->verbs.n; i++)
        seq_free(&t->verbs.v[i].ph);
    for (int i = 0; i < t->times.n; i++)
        seq_free(&t->times.v[i].ph);
    for (int g = 0; g < t->groups.n; g++) {
        for (int i = 0; i < t->groups.v[g].pat.n; i++)
            seq_free(&t->groups.v[g].pat.v[i].s);
        free(t->groups.v[g].pat.v);
    }
    for (int s = 0; s < t->syns.n; s++) {
        for (int i = 0; i < t->syns.v[s].n; i++)
            seq_free(&t->syns.v[s].v[i]);
        free(t->syns.v[s].v);
    }
    for (int i = 0; i < t->strs.n; i++)
        free(t->strs.v[i]);
    free(t->actors.v);
    free(t->dcodes.v);
    free(t->agents.v);
    free(t->verbs.v);
    free(t->groups.v);
    free(t->syns.v);
    free(t->times.v);
    free(t->nouns.v);
    free(t->adjs.v);
    free(t->strs.v);
    free(t->textfile);
    free(t);
}

/* ---- the sentence ---- */

#define MAXT 400
#define MAXM 96
#define MAXC 8

typedef struct tb_tok {
    char w[40];
    unsigned char cap;     /* capitalised in the source text */
    unsigned char poss;    /* possessive 'S (or ') removed */
    unsigned char comma;   /* a comma token */
    unsigned char first;   /* the record's first word */
} tb_tok;

typedef struct tb_ment {
    int head, last;
    char code[MAXC][40];
    int nc;
    char base[40];         /* the actor's own code, before agents */
    int agent_only, pron, cmp;
} tb_ment;

typedef struct tb_sent {
    dl_tabari *t;
    long date;
    tb_tok tk[MAXT];
    int n, all_caps;
    int actor_at[MAXT];    /* mention whose first token this is, or -1 */
    int cover[MAXT];       /* token belongs to an actor/agent/null phrase */
    int verb_at[MAXT];     /* verb entry starting here, or -1 */
    int verb_last[MAXT];
    char kind[MAXT];       /* d determiner, c conjunction, C compound conjunction,
                            * p pronoun, n noun, a adjective, v part of a verb */
    int split[MAXT];       /* this conjunction starts a new clause */
    tb_ment m[MAXM];
    int nm;
    int complex, discard;
    char why[160];
} tb_sent;

static void lex_piece(tb_sent *S, const char *p, size_t n, int *first)
{
    /* split on '-' '_' '/' into words */
    const char *e = p + n;
    while (p < e) {
        const char *q = p;
        while (q < e && *q != '-' && *q != '_' && *q != '/')
            q++;
        if (q > p && S->n < MAXT) {
            tb_tok *t = &S->tk[S->n];
            memset(t, 0, sizeof *t);
            size_t k = (size_t)(q - p) < sizeof t->w - 1 ? (size_t)(q - p) : sizeof t->w - 1;
            memcpy(t->w, p, k);
            t->w[k] = 0;
            /* possessive */
            if (k > 2 && t->w[k - 2] == '\'' && (t->w[k - 1] == 'S' || t->w[k - 1] == 's') && q == e) {
                t->w[k - 2] = 0;
                t->poss = 1;
            } else if (k > 1 && t->w[k - 1] == '\'' && q == e) {
                t->w[k - 1] = 0;
                t->poss = 1;
            }
            t->cap = isupper((unsigned char)p[0]) != 0;
            upcase(t->w);
            t->first = (unsigned char)*first;
            *first = 0;
            if (t->w[0])
                S->n++;
        }
        p = q + 1;
    }
}

static void add_comma(tb_sent *S)
{
    if (S->n < MAXT && S->n > 0 && !S->tk[S->n - 1].comma) {
        memset(&S->tk[S->n], 0, sizeof S->tk[S->n]);
        strcpy(S->tk[S->n].w, ",");
        S->tk[S->n].comma = 1;
        S->n++;
    }
}

static void lex(tb_sent *S, const char *text)
{
    S->n = 0;
    S->all_caps = 1;
    for (const char *p = text; *p; p++)
        if (islower((unsigned char)*p)) {
            S->all_caps = 0;
            break;
        }
    int first = 1;
    const char *p = text;
    while (*p) {
        while (*p && isspace((unsigned char)*p))
            p++;
        if (!*p)
            break;
        const char *b = p;
        while (*p && !isspace((unsigned char)*p))
            p++;
        const char *e = p;
        /* a raw word may hold commas ("Brown,arrived") */
        while (b < e) {
            const char *c = b;
            while (c < e && *c != ',' && *c != ';')
                c++;
            const char *s = b, *t = c;
            while (s < t && !isalnum((unsigned char)*s) && *s != '&')
                s++;
            while (t > s && !isalnum((unsigned char)t[-1]) && t[-1] != '\'')
                t--;
            /* a final period goes unless the word has others (U.S.) */
            if (t < c && *t == '.' && memchr(s, '.', (size_t)(t - s)))
                t++;
            if (t > s)
                lex_piece(S, s, (size_t)(t - s), &first);
            if (c < e)
                add_comma(S);
            b = c + 1;
        }
    }
    while (S->n > 0 && S->tk[S->n - 1].comma)
        S->n--;
}

/* ---- word and phrase matching ---- */

static int ends_in(const char *r, const char *const *set)
{
    for (; *set; set++)
        if (!strcmp(r, *set))
            return 1;
    return 0;
}

/* One dictionary word against one token.  A word with _ must match
 * exactly; in the actor, agent and verb dictionaries it takes the regular
 * endings when it ends its phrase (nouns: S ES; verbs: S ES ED EN ING, D
 * after E), in patterns and synsets none.  A word with = takes no ending;
 * any other word is a root matching every token it begins.
 * mode: 0 pattern, 1 noun dictionary, 2 verb dictionary. */
static int word_match(const tb_elem *e, const tb_tok *tk, int mode)
{
    int verb = mode == 2;
    static const char *const noun_end[] = {"S", "ES", NULL};
    static const char *const verb_end[] = {"S", "ES", "ED", "EN", "ING", NULL};
    if (tk->comma)
        return 0;
    const char *w = e->w, *s = tk->w;
    int last = !e->consec;
    if (tk->poss && (!last || verb))
        return 0;
    size_t n = strlen(w);
    if (e->flags & W_NOEND)
        return !strcmp(s, w);
    if (e->flags & W_EXACT) {
        if (!strcmp(s, w))
            return 1;
        if (!last || mode == 0)
            return 0;
        if (!strncmp(s, w, n)) {
            const char *r = s + n;
            if (ends_in(r, verb ? verb_end : noun_end))
                return 1;
            return verb && n && w[n - 1] == 'E' && !strcmp(r, "D");
        }
        if (verb && n > 1 && w[n - 1] == 'E' && !strncmp(s, w, n - 1))
            return !strcmp(s + n - 1, "ING");
        return 0;
    }
    return !strncmp(s, w, n);
}

/* A word-only phrase at token `start`: returns a score (0: no match) and
 * the tokens matched.  Gaps do not cross commas. */
static int phrase_at(const tb_sent *S, const tb_seq *ph, int start, int mode, int *pos)
{
    int skipped = 0, declared = 0;
    for (int i = 0; i < ph->n; i++) {
        const tb_elem *e = &ph->v[i];
        if (e->kind != 'w')
            return 0;
        if (i == 0) {
            if (!word_match(e, &S->tk[start], mode))
                return 0;
            pos[0] = start;
            continue;
        }
        int p = pos[i - 1] + 1;
        if (ph->v[i - 1].consec) {
            if (p >= S->n || !word_match(e, &S->tk[p], mode))
                return 0;
        } else {
            declared++;
            while (p < S->n && !S->tk[p].comma && !word_match(e, &S->tk[p], mode))
                p++;
            if (p >= S->n || S->tk[p].comma)
                return 0;
            skipped += p - pos[i - 1] - 1;
        }
        pos[i] = p;
    }
    int fl = (int)strlen(ph->v[0].w);
    return ph->n * 100000 - (skipped < 99 ? skipped : 99) * 1000 - declared * 100 + (fl < 99 ? fl : 99);
}

static const char *actor_code(const dl_tabari *t, const tb_actor *a, long date)
{
    for (int i = 0; i < a->ncode; i++) {
        const tb_dcode *d = &t->dcodes.v[a->code0 + i];
        if (d->kind == 0 || (d->kind == '<' && date < d->d1) || (d->kind == '>' && date > d->d1) ||
            (d->kind == '-' && date >= d->d1 && date <= d->d2))
            return d->code;
    }
    return NULL;
}

static int in_list(const char *w, char *const *v, int n)
{
    for (int i = 0; i < n; i++)
        if (!strncmp(w, v[i], strlen(v[i])))
            return 1;
    return 0;
}

static int is_word(const tb_tok *t, const char *const *set)
{
    for (; *set; set++)
        if (!strcmp(t->w, *set))
            return 1;
    return 0;
}

static const char *const DETS[] = {"THE", "A", "AN", NULL};
static const char *const CONJS[] = {"AND", "OR", "NOR", "BUT", NULL};
static const char *const PRONS[] = {"HE", "HIM", "HIS", "SHE", "HER", "IT", "THEY", "THEM", "THEIR", NULL};
static const char *const BE[] = {"IS", "WAS", "WERE", "ARE", "BEEN", "BE", "BEING", NULL};

static void ment_add_code(tb_ment *m, const char *c)
{
    /* "FRO/BIL/SAM": a coded compound */
    while (*c && m->nc < MAXC) {
        size_t k = strcspn(c, "/");
        snprintf(m->code[m->nc++], sizeof m->code[0], "%.*s", (int)k, c);
        c += k;
        if (*c == '/')
            c++;
    }
}

static int new_ment(tb_sent *S, int head, int last)
{
    if (S->nm >= MAXM)
        return -1;
    tb_ment *m = &S->m[S->nm];
    memset(m, 0, sizeof *m);
    m->head = head;
    m->last = last;
    m->cmp = -1;
    return S->nm++;
}

/* Actors and agents, longest phrase first at each token. */
static void find_actors(tb_sent *S)
{
    dl_tabari *t = S->t;
    S->nm = 0;
    for (int i = 0; i < S->n; i++) {
        S->actor_at[i] = -1;
        S->cover[i] = 0;
        S->verb_at[i] = -1;
        S->kind[i] = 0;
        S->split[i] = 0;
    }
    int pos[32], best_pos[32];
    for (int i = 0; i < S->n; i++) {
        if (S->cover[i] || S->tk[i].comma)
            continue;
        int best = 0, bi = -1, agent = 0, bn = 0;
        for (int k = 0; k < t->actors.n + t->agents.n; k++) {
            /* actors first, then agents: a tie keeps the actor */
            int is_agent = k >= t->actors.n;
            const tb_seq *ph = is_agent ? &t->agents.v[k - t->actors.n].ph : &t->actors.v[k].ph;
            if (ph->n > 32)
                continue;
            int sc = phrase_at(S, ph, i, 1, pos);
            if (sc > best) {
                best = sc;
                bi = is_agent ? k - t->actors.n : k;
                agent = is_agent;
                bn = ph->n;
                memcpy(best_pos, pos, sizeof(int) * (size_t)ph->n);
            }
        }
        if (bi < 0)
            continue;
        for (int j = 0; j < bn; j++)
            S->cover[best_pos[j]] = 1;
        int last = best_pos[bn - 1];
        if (agent) {
            int m = new_ment(S, i, last);
            if (m < 0)
                break;
            S->m[m].agent_only = 1;
            snprintf(S->m[m].code[0], sizeof S->m[m].code[0], "%s", t->agents.v[bi].code);
            S->m[m].nc = 1;
            S->actor_at[i] = m;
            continue;
        }
        const char *code = actor_code(t, &t->actors.v[bi], S->date);
        if (!code || !strcmp(code, "---"))
            continue;   /* a null-coded actor is a noun */
        if (!strcmp(code, "###")) {
            S->discard = 1;
            snprintf(S->why, sizeof S->why, "discard code on actor %s", S->tk[i].w);
            continue;
        }
        if (!strcmp(code, "+++")) {
            S->complex = 1;
            snprintf(S->why, sizeof S->why, "complex code on actor %s", S->tk[i].w);
            continue;
        }
        int m = new_ment(S, i, last);
        if (m < 0)
            break;
        ment_add_code(&S->m[m], code);
        memcpy(S->m[m].base, S->m[m].code[0], sizeof S->m[m].base);
        S->actor_at[i] = m;
    }
}

/* Is the comma at c part of a list of actors ("A, B, C and D")? */
static int list_comma(const tb_sent *S, int c)
{
    int j = c + 1;
    for (int guard = 0; guard < 32; guard++) {
        while (j < S->n && S->kind[j] == 'd')
            j++;
        if (j < S->n && is_word(&S->tk[j], CONJS)) {
            j++;
            while (j < S->n && (S->kind[j] == 'd' || S->kind[j] == 'a'))
                j++;
            return j < S->n && S->actor_at[j] >= 0;
        }
        while (j < S->n && S->kind[j] == 'a')
            j++;
        if (j >= S->n || S->actor_at[j] < 0)
            return 0;
        j = S->m[S->actor_at[j]].last + 1;
        if (j < S->n && S->tk[j].comma) {
            j++;
            continue;
        }
        if (j < S->n && is_word(&S->tk[j], CONJS))
            continue;
        return 0;
    }
    return 0;
}

static void mark_kinds(tb_sent *S)
{
    dl_tabari *t = S->t;
    for (int i = 0; i < S->n; i++) {
        if (S->cover[i] || S->tk[i].comma)
            continue;
        if (is_word(&S->tk[i], DETS))
            S->kind[i] = 'd';
        else if (is_word(&S->tk[i], CONJS))
            S->kind[i] = 'c';
        else if (is_word(&S->tk[i], PRONS) && !S->tk[i].poss)
            S->kind[i] = 'p';
        else if (in_list(S->tk[i].w, t->nouns.v, t->nouns.n))
            S->kind[i] = 'n';
        else if (in_list(S->tk[i].w, t->adjs.v, t->adjs.n))
            S->kind[i] = 'a';
    }
}

/* Delete the comma-delimited clauses COMMA: asks for. */
static void drop_clauses(tb_sent *S)
{
    const tb_opts *o = &S->t->o;
    if (o->comma_off)
        return;
    int cpos[MAXT], nc = 0;
    for (int i = 0; i < S->n; i++)
        if (S->tk[i].comma)
            cpos[nc++] = i;
    /* a list comma (after an actor, in "A, B and C") opens no clause,
     * but may close one */
    char prot[MAXT];
    for (int i = 0; i < nc; i++) {
        int c = cpos[i], prev_actor = 0;
        for (int m = 0; m < S->nm; m++)
            if (S->m[m].last == c - 1)
                prev_actor = 1;
        prot[i] = prev_actor && list_comma(S, c);
    }
    if (!nc)
        return;
    /* left to right: the opening clause, then internal clauses from an
     * open comma to the next comma (which stays as a boundary), then the
     * closing clause after the last open comma left */
    char del[MAXT];
    memset(del, 0, sizeof del);
    int words = 0, c = 0;
    for (int i = 0; i < cpos[0]; i++)
        words += !S->tk[i].comma;
    if (!prot[0] && words >= o->comma_bmin && words <= o->comma_bmax) {
        memset(del, 1, (size_t)cpos[0] + 1);
        c = 1;
    }
    int last = -1;
    while (c < nc) {
        if (prot[c]) {
            c++;
            continue;
        }
        if (c + 1 == nc) {
            last = cpos[c];
            break;
        }
        words = 0;
        for (int i = cpos[c] + 1; i < cpos[c + 1]; i++)
            words += !S->tk[i].comma;
        if (words >= o->comma_min && words <= o->comma_max) {
            memset(del + cpos[c], 1, (size_t)(cpos[c + 1] - cpos[c]));
            c += 2;
        } else {
            last = cpos[c];
            c++;
        }
    }
    if (last >= 0) {
        words = 0;
        for (int i = last + 1; i < S->n; i++)
            words += !S->tk[i].comma;
        if (words >= o->comma_emin && words <= o->comma_emax)
            memset(del + last, 1, (size_t)(S->n - last));
    }
    int w = 0;
    for (int i = 0; i < S->n; i++)
        if (!del[i])
            S->tk[w++] = S->tk[i];
    S->n = w;
    while (S->n > 0 && S->tk[S->n - 1].comma)
        S->n--;
}

/* ---- verbs, agents, compounds, pronouns, clauses ---- */

static void find_verbs(tb_sent *S)
{
    dl_tabari *t = S->t;
    int pos[32], best_pos[32];
    for (int i = 0; i < S->n; i++) {
        if (S->cover[i] || S->tk[i].comma || S->kind[i])
            continue;
        int best = 0, bi = -1, bn = 0;
        for (int k = 0; k < t->verbs.n; k++) {
            const tb_seq *ph = &t->verbs.v[k].ph;
            if (ph->n > 32)
                continue;
            int sc = phrase_at(S, ph, i, 2, pos);
            if (sc <= best)
                continue;
            int ok = 1;
            for (int j = 1; j < ph->n && ok; j++)
                ok = !S->cover[pos[j]] && S->kind[pos[j]] != 'v';
            if (!ok)
                continue;
            best = sc;
            bi = k;
            bn = ph->n;
            memcpy(best_pos, pos, sizeof(int) * (size_t)ph->n);
        }
        if (bi < 0)
            continue;
        /* a verb after a determiner, or capitalised inside mixed-case
         * text, is a noun */
        if (i > 0 && S->kind[i - 1] == 'd')
            continue;
        if (S->tk[i].cap && !S->all_caps && !S->tk[i].first)
            continue;
        S->verb_at[i] = bi;
        S->verb_last[i] = best_pos[bn - 1];
        for (int j = 0; j < bn; j++)
            S->kind[best_pos[j]] = 'v';
        if (!strcmp(t->groups.v[t->verbs.v[bi].group].code, "###")) {
            S->discard = 1;
            snprintf(S->why, sizeof S->why, "discard code on verb %s", S->tk[i].w);
        }
    }
}

/* Add an agent code to every code of mention a: "~GOV" is a suffix,
 * "NGM~" a prefix; FORMER makes it ELI; a code already holding the agent
 * at a 3-character boundary is left alone. */
static void add_agent(tb_ment *a, const char *agent, int former)
{
    char x[40];
    int prefix = 0;
    size_t n = strlen(agent);
    if (former)
        strcpy(x, "ELI");
    else if (agent[0] == '~')
        snprintf(x, sizeof x, "%s", agent + 1);
    else if (n && agent[n - 1] == '~') {
        snprintf(x, sizeof x, "%.*s", (int)(n - 1), agent);
        prefix = 1;
    } else
        snprintf(x, sizeof x, "%s", agent);
    size_t xl = strlen(x);
    if (!xl)
        return;
    for (int i = 0; i < a->nc; i++) {
        char *c = a->code[i];
        size_t cl = strlen(c);
        int redundant = 0;
        for (size_t k = 0; k + xl <= cl && !redundant; k += 3)
            redundant = !strncmp(c + k, x, xl);
        if (redundant)
            continue;
        char tmp[80];
        if (prefix)
            snprintf(tmp, sizeof tmp, "%s%s", x, c);
        else
            snprintf(tmp, sizeof tmp, "%s%s", c, x);
        snprintf(c, sizeof a->code[i], "%s", tmp);
    }
}

static void rebuild_index(tb_sent *S)
{
    /* insertion sort by head, then actor_at */
    for (int i = 1; i < S->nm; i++)
        for (int j = i; j > 0 && S->m[j].head < S->m[j - 1].head; j--) {
            tb_ment x = S->m[j];
            S->m[j] = S->m[j - 1];
            S->m[j - 1] = x;
        }
    for (int i = 0; i < S->n; i++)
        S->actor_at[i] = -1;
    for (int i = 0; i < S->nm; i++)
        S->actor_at[S->m[i].head] = i;
}

static int is_former(const tb_sent *S, int i)
{
    return i >= 0 && i < S->n && !strcmp(S->tk[i].w, "FORMER");
}

static void combine_agents(tb_sent *S)
{
    char dead[MAXM];
    memset(dead, 0, sizeof dead);
    for (int g = 0; g < S->nm; g++) {
        tb_ment *ag = &S->m[g];
        if (!ag->agent_only)
            continue;
        int former = 0, p = ag->head - 1;
        if (is_former(S, p)) {
            former = 1;
            p--;
        }
        int a = -1;
        for (int k = 0; k < S->nm; k++)
            if (!dead[k] && !S->m[k].agent_only && S->m[k].last == p)
                a = k;
        if (a >= 0) {
            former |= is_former(S, S->m[a].head - 1);
            add_agent(&S->m[a], ag->code[0], former);
            if (ag->last > S->m[a].last)
                S->m[a].last = ag->last;
            dead[g] = 1;
            continue;
        }
        int q = ag->last + 1;
        if (q < S->n && (!strcmp(S->tk[q].w, "OF") || !strcmp(S->tk[q].w, "IN")))
            q++;
        if (q < S->n && !strcmp(S->tk[q].w, "THE"))
            q++;
        a = q < S->n ? S->actor_at[q] : -1;
        if (a >= 0 && !S->m[a].agent_only && !dead[a]) {
            former |= is_former(S, S->m[a].head - 1);
            add_agent(&S->m[a], ag->code[0], former);
            S->m[a].head = ag->head;
            dead[g] = 1;
            continue;
        }
        if (!S->t->o.convert_agent)
            dead[g] = 1;
    }
    int w = 0;
    for (int i = 0; i < S->nm; i++)
        if (!dead[i])
            S->m[w++] = S->m[i];
    S->nm = w;
    rebuild_index(S);
}

static void find_compounds(tb_sent *S)
{
    int ncmp = 0;
    for (int k = 1; k < S->nm; k++) {
        tb_ment *a = &S->m[k - 1], *b = &S->m[k];
        int conj = 0, commas = 0, other = 0, conjpos = -1;
        if (a->last >= b->head)
            other = 1;
        for (int j = a->last + 1; j < b->head; j++) {
            if (S->tk[j].comma)
                commas++;
            else if (S->kind[j] == 'c' && strcmp(S->tk[j].w, "BUT")) {
                conj++;
                conjpos = j;
            } else if (S->kind[j] != 'd' && S->kind[j] != 'a')
                other++;
        }
        /* the conjunction or comma follows the first actor directly
         * ("Ithilen's awful and evil minister" is no compound) */
        int next = a->last + 1 < b->head ? a->last + 1 : -1;
        if (a->cmp < 0 && next >= 0 && !S->tk[next].comma && S->kind[next] != 'c')
            other = 1;
        int join = 0;
        if (!other) {
            if (conj == 1 && commas <= 1)
                join = 1;
            else if (!conj && commas == 1 && list_comma(S, a->last + 1))
                join = 1;
            else if (!conj && !commas && a->cmp >= 0 && (next >= 0 || S->tk[a->last].poss))
                join = 1;   /* "Arnor awful Gondor", "Gondor and Arnor's Elrond" */
        }
        if (join) {
            if (a->cmp < 0)
                a->cmp = ncmp++;
            b->cmp = a->cmp;
            if (conjpos >= 0)
                S->kind[conjpos] = 'C';
        }
    }
}

/* The mentions of m's unit: its compound, or m alone. */
static int unit_members(const tb_sent *S, int m, int *out)
{
    int n = 0;
    if (S->m[m].cmp < 0) {
        out[n++] = m;
        return n;
    }
    for (int k = 0; k < S->nm && n < MAXM; k++)
        if (S->m[k].cmp == S->m[m].cmp)
            out[n++] = k;
    return n;
}

static int unit_id(const tb_sent *S, int m)
{
    return S->m[m].cmp >= 0 ? 1000 + S->m[m].cmp : m;
}

/* Pronouns stand for the first actor of the sentence (TABARI's
 * dereferencing); with FORWARD:, a pronoun before any actor takes the
 * actor forwarded from the previous record. */
static void add_pronouns(tb_sent *S)
{
    int first = S->nm > 0 ? 0 : -1;
    for (int i = 0; i < S->n; i++) {
        if (S->kind[i] != 'p')
            continue;
        int m = -1;
        if (first >= 0 && S->m[first].head < i) {
            int mem[MAXM], k = unit_members(S, first, mem);
            m = new_ment(S, i, i);
            if (m < 0)
                break;
            for (int j = 0; j < k; j++)
                for (int c = 0; c < S->m[mem[j]].nc && S->m[m].nc < MAXC; c++)
                    memcpy(S->m[m].code[S->m[m].nc++], S->m[mem[j]].code[c], sizeof S->m[m].code[0]);
        } else if (S->t->o.forward && S->t->fwd[0]) {
            m = new_ment(S, i, i);
            if (m < 0)
                break;
            ment_add_code(&S->m[m], S->t->fwd);
        }
        if (m >= 0)
            S->m[m].pron = 1;
    }
    rebuild_index(S);
}

static void split_clauses(tb_sent *S)
{
    for (int i = 0; i < S->n; i++) {
        if (S->kind[i] != 'c')
            continue;
        char pk = i > 0 ? S->kind[i - 1] : 0;
        int j = i + 1;
        while (j < S->n && (S->kind[j] == 'd' || (pk == 'n' && S->kind[j] == 'a')))
            j++;
        char nk = j < S->n ? S->kind[j] : 0;
        if ((pk == 'a' && nk == 'a') || (pk == 'n' && nk == 'n'))
            continue;
        S->split[i] = 1;
    }
}

/* ---- patterns ---- */

typedef struct tb_bind {
    int src, tar, cmp, nskip;
    int skip[16];
} tb_bind;

typedef struct tb_frame {
    const tb_seq *s;
    int i;
    unsigned char consec;
    const struct tb_frame *up;
} tb_frame;

typedef struct tb_mc {
    const tb_sent *S;
    int lo, hi, vs, ve;
    tb_bind b;
    long steps;
} tb_mc;

static int unit_last(const tb_sent *S, int m)
{
    int mem[MAXM], k = unit_members(S, m, mem), last = S->m[m].last;
    for (int j = 0; j < k; j++)
        if (S->m[mem[j]].last > last)
            last = S->m[mem[j]].last;
    return last;
}

static int m_seq(tb_mc *c, const tb_seq *s, int i, int p, int consec, const tb_frame *up)
{
    if (++c->steps > 100000)
        return 0;
    if (i == s->n)
        return up ? m_seq(c, up->s, up->i, p, up->consec, up->up) : 1;
    const tb_sent *S = c->S;
    const tb_elem *e = &s->v[i];
    if (e->kind == '*') {
        if (c->vs < p || (consec && c->vs != p))
            return 0;
        return m_seq(c, s, i + 1, c->ve + 1, e->consec, up);
    }
    int qhi = consec ? p : c->hi - 1;
    for (int q = p; q <= qhi && q < c->hi; q++) {
        if (q < c->lo)
            continue;
        switch (e->kind) {
        case 'w':
            if (word_match(e, &S->tk[q], 0) && m_seq(c, s, i + 1, q + 1, e->consec, up))
                return 1;
            break;
        case '$': case '+': case '%': case '^': {
            int m = S->actor_at[q];
            if (m < 0)
                break;
            int whole = S->m[m].cmp >= 0 && (m == 0 || S->m[m - 1].cmp != S->m[m].cmp);
            if (e->kind == '%' && !whole)
                break;
            int end = whole ? unit_last(S, m) : S->m[m].last;
            tb_bind save = c->b;
            if (e->kind == '$')
                c->b.src = m;
            else if (e->kind == '+')
                c->b.tar = m;
            else if (e->kind == '%')
                c->b.cmp = m;
            else if (c->b.nskip < 16)
                c->b.skip[c->b.nskip++] = m;
            if (m_seq(c, s, i + 1, end + 1, e->consec, up))
                return 1;
            c->b = save;
            break;
        }
        case '&': case '{': {
            tb_frame f = {s, i + 1, e->consec, up};
            if (e->kind == '&') {
                if (e->syn < 0)
                    break;
                const tb_synset *sy = &S->t->syns.v[e->syn];
                for (int k = 0; k < sy->n; k++)
                    if (m_seq(c, &sy->v[k], 0, q, 1, &f))
                        return 1;
            } else
                for (int k = 0; k < e->nalt; k++)
                    if (m_seq(c, &e->alt[k], 0, q, 1, &f))
                        return 1;
            break;
        }
        default:
            break;
        }
    }
    return 0;
}

static int match_pattern(tb_mc *c, const tb_pattern *pt)
{
    static const tb_bind none = {-1, -1, -1, 0, {0}};
    c->steps = 0;
    c->b = none;
    if (pt->s.v[0].kind == '*')
        return m_seq(c, &pt->s, 0, c->vs, 1, NULL);
    for (int q = c->vs - 1; q >= c->lo; q--) {
        c->b = none;
        if (m_seq(c, &pt->s, 0, q, 1, NULL))
            return 1;
    }
    return 0;
}

/* ---- coding ---- */

typedef struct tb_side {
    const char *v[32];
    int n;
    int unit;        /* unit id, -1 for a default or forwarded code */
    int head, last;  /* tokens of the unit, -1 when none */
} tb_side;

static void side_of(const tb_sent *S, int m, tb_side *sd)
{
    int mem[MAXM], k = unit_members(S, m, mem);
    sd->n = 0;
    sd->unit = unit_id(S, m);
    sd->head = S->m[mem[0]].head;
    sd->last = unit_last(S, m);
    for (int j = 0; j < k; j++)
        for (int c = 0; c < S->m[mem[j]].nc && sd->n < 32; c++)
            sd->v[sd->n++] = S->m[mem[j]].code[c];
}

static void side_code(tb_side *sd, const char *code)
{
    sd->n = 1;
    sd->v[0] = code;
    sd->unit = -1;
    sd->head = sd->last = -1;
}

static int skipped(const tb_bind *b, int m)
{
    for (int i = 0; i < b->nskip; i++)
        if (b->skip[i] == m)
            return 1;
    return 0;
}

/* Every pair of the two sides would be an actor with itself. */
static int reflexive(const tb_side *a, const tb_side *b)
{
    for (int i = 0; i < a->n; i++)
        for (int j = 0; j < b->n; j++)
            if (strcmp(a->v[i], b->v[j]))
                return 0;
    return 1;
}

/* The two sides hold the same codes (a pronoun for the source, say). */
static int identical(const tb_side *a, const tb_side *b)
{
    if (a->n != b->n)
        return 0;
    for (int i = 0; i < a->n; i++) {
        int found = 0;
        for (int j = 0; j < b->n && !found; j++)
            found = !strcmp(a->v[i], b->v[j]);
        if (!found)
            return 0;
    }
    return 1;
}

/* The first unit with its first token in [from, to), not excluded. */
static int first_unit(const tb_sent *S, int from, int to, const tb_bind *b, int not_unit, const tb_side *src)
{
    for (int m = 0; m < S->nm; m++) {
        const tb_ment *x = &S->m[m];
        if (x->head < from || x->head >= to || skipped(b, m))
            continue;
        if (not_unit >= 0 && unit_id(S, m) == not_unit)
            continue;
        if (b->tar >= 0 && unit_id(S, m) == unit_id(S, b->tar))
            continue;
        if (src) {
            tb_side t;
            side_of(S, m, &t);
            if (reflexive(src, &t) || identical(src, &t))
                continue;
        }
        /* a compound is one unit: start at its first member */
        if (x->cmp >= 0 && m > 0 && S->m[m - 1].cmp == x->cmp && S->m[m - 1].head >= from)
            continue;
        return m;
    }
    return -1;
}

static void push_event(dl_tabari_result *r, const char *s, const char *t, const char *code, const char *verb,
                       const char *pat, long date)
{
    if (!strcmp(s, t) || r->n >= DL_TB_MAXEV)
        return;
    for (int i = 0; i < r->n; i++)
        if (!strcmp(r->ev[i].source, s) && !strcmp(r->ev[i].target, t) && !strcmp(r->ev[i].code, code))
            return;
    dl_tabari_event *e = &r->ev[r->n++];
    snprintf(e->source, sizeof e->source, "%s", s);
    snprintf(e->target, sizeof e->target, "%s", t);
    snprintf(e->code, sizeof e->code, "%s", code);
    snprintf(e->verb, sizeof e->verb, "%s", verb);
    snprintf(e->pattern, sizeof e->pattern, "%s", pat ? pat : "");
    e->date = date;
}

static void emit(dl_tabari_result *r, const tb_side *s, const tb_side *t, const char *code, const char *verb,
                 const char *pat, long date)
{
    char c1[16], c2[16];
    const char *colon = strchr(code, ':');
    if (colon) {
        snprintf(c1, sizeof c1, "%.*s", (int)(colon - code), code);
        snprintf(c2, sizeof c2, "%s", colon + 1);
    } else {
        snprintf(c1, sizeof c1, "%s", code);
        c2[0] = 0;
    }
    for (int i = 0; i < s->n; i++)
        for (int j = 0; j < t->n; j++) {
            push_event(r, s->v[i], t->v[j], c1, verb, pat, date);
            if (c2[0])
                push_event(r, t->v[j], s->v[i], c2, verb, pat, date);
        }
}

static int passive(const tb_sent *S, int vs, int ve, int lo, int hi)
{
    int be = 0, by = 0;
    for (int i = vs - 1; i >= lo && i >= vs - 3 && !be; i--)
        be = is_word(&S->tk[i], BE);
    for (int i = ve + 1; i < hi && i <= ve + 3 && !by; i++)
        by = !strcmp(S->tk[i].w, "BY");
    return be && by;
}

typedef struct tb_coding {
    tb_sent *S;
    dl_tabari_result *r;
    long date;
    tb_side fwd;      /* the source of the last clause */
    int have_fwd;
} tb_coding;

/* Code verb v of clause [cs, ce) with code and bindings.  Returns 1 when
 * the sentence must be rejected as complex. */
static int code_verb(tb_coding *cd, int cs, int ce, int v, const char *code, const tb_bind *b, const char *pat)
{
    tb_sent *S = cd->S;
    const tb_opts *o = &S->t->o;
    int vs = v, ve = S->verb_last[v];
    const char *verb = S->tk[v].w;
    /* NOACTPRIOR: no actor before the verb in the sentence */
    int prior = cd->have_fwd;
    for (int m = 0; m < S->nm && !prior; m++)
        prior = S->m[m].head < vs;
    if (!prior && o->noactprior && !(o->def_prior && o->def_src[0])) {
        snprintf(S->why, sizeof S->why, "no actor before the verb %s", verb);
        return 1;
    }
    if (b->cmp >= 0) {
        tb_side a;
        side_of(S, b->cmp, &a);
        for (int i = 0; i < a.n; i++)
            for (int j = 0; j < a.n; j++) {
                if (i == j)
                    continue;
                tb_side x = {{a.v[i]}, 1, -1, -1, -1}, y = {{a.v[j]}, 1, -1, -1, -1};
                emit(cd->r, &x, &y, code, verb, pat, cd->date);
            }
        cd->fwd = a;
        cd->have_fwd = 1;
        return 0;
    }
    tb_side src, tar;
    int src_after = -1;   /* the source mention when found after the verb */
    if (b->src >= 0)
        side_of(S, b->src, &src);
    else {
        int m = first_unit(S, cs, vs, b, -1, NULL);
        if (m >= 0)
            side_of(S, m, &src);
        else if (cd->have_fwd)
            src = cd->fwd;
        else if (o->def_prior && o->def_src[0])
            side_code(&src, o->def_src);
        else {
            /* the first actor after the verb, alone even in a compound */
            for (int k = 0; k < S->nm && src_after < 0; k++)
                if (S->m[k].head > ve && S->m[k].head < ce && !skipped(b, k) &&
                    (b->tar < 0 || unit_id(S, k) != unit_id(S, b->tar)))
                    src_after = k;
            if (src_after >= 0) {
                side_of(S, src_after, &src);
                src.unit = src_after;
                src.n = S->m[src_after].nc;
                for (int c = 0; c < src.n; c++)
                    src.v[c] = S->m[src_after].code[c];
                src.head = S->m[src_after].head;
                src.last = S->m[src_after].last;
            } else if (o->def_src[0])
                side_code(&src, o->def_src);
            else
                return 0;
        }
    }
    if (b->tar >= 0)
        side_of(S, b->tar, &tar);
    else if (src_after >= 0) {
        int m = -1;
        for (int k = src_after + 1; k < S->nm && m < 0; k++)
            if (S->m[k].head < ce && !skipped(b, k))
                m = k;
        if (m >= 0 && S->m[m].cmp >= 0 && S->m[m].cmp == S->m[src_after].cmp) {
            tar.n = S->m[m].nc;
            for (int c = 0; c < tar.n; c++)
                tar.v[c] = S->m[m].code[c];
            tar.unit = m;
        } else if (m >= 0)
            side_of(S, m, &tar);
        else if (o->def_tar[0])
            side_code(&tar, o->def_tar);
        else
            return 0;
    } else {
        int m = first_unit(S, ve + 1, ce, b, src.unit, &src);
        if (m >= 0)
            side_of(S, m, &tar);
        else if (o->def_after && o->def_tar[0])
            side_code(&tar, o->def_tar);
        else {
            /* an actor between the source and the verb; one of the
             * source's own compound splits the compound */
            int from = src.unit >= 0 && src.head >= cs ? src.head + 1 : cs;
            for (int pass = 0; pass < 2 && m < 0; pass++)
            for (int k = 0; k < S->nm && m < 0; k++) {
                const tb_ment *x = &S->m[k];
                int in = (x->head >= from && x->head < vs) || (x->head < cs && x->last >= cs && x->last < vs);
                if (!in || skipped(b, k))
                    continue;
                int own = src.unit >= 0 && unit_id(S, k) == src.unit;
                if (own != pass)
                    continue;
                if (own) {
                    int f = k;
                    while (f > 0 && S->m[f - 1].cmp == x->cmp)
                        f--;
                    src.n = S->m[f].nc;
                    for (int c = 0; c < src.n; c++)
                        src.v[c] = S->m[f].code[c];
                    tar.n = x->nc;
                    for (int c = 0; c < tar.n; c++)
                        tar.v[c] = x->code[c];
                    m = k;
                    break;
                }
                tb_side t;
                side_of(S, k, &t);
                if (reflexive(&src, &t) || identical(&src, &t))
                    continue;
                tar = t;
                m = k;
            }
            if (m < 0) {
                if (o->def_tar[0])
                    side_code(&tar, o->def_tar);
                else
                    return 0;
            }
        }
    }
    /* a later clause without a subject takes this one's source, if it
     * gave an event */
    cd->fwd = src;
    cd->have_fwd = 1;
    if (b->src < 0 && b->tar < 0 && passive(S, vs, ve, cs, ce)) {
        tb_side x = src;
        src = tar;
        tar = x;
    }
    emit(cd->r, &src, &tar, code, verb, pat, cd->date);
    return 0;
}

/* The code a verb yields: its first matching pattern's, or its own. */
static const char *verb_code(tb_sent *S, int cs, int ce, int v, tb_bind *b, const char **pat)
{
    const tb_group *g = &S->t->groups.v[S->t->verbs.v[S->verb_at[v]].group];
    tb_mc c = {S, cs, ce, v, S->verb_last[v], {-1, -1, -1, 0, {0}}, 0};
    *pat = NULL;
    b->src = b->tar = b->cmp = -1;
    b->nskip = 0;
    for (int k = 0; k < g->pat.n; k++)
        if (match_pattern(&c, &g->pat.v[k])) {
            *b = c.b;
            *pat = g->pat.v[k].text;
            return g->pat.v[k].code;
        }
    return g->code;
}

/* Code one clause.  Returns -1 complex, -2 discard, else the number of
 * verbs coded. */
static int code_clause(tb_coding *cd, int cs, int ce)
{
    tb_sent *S = cd->S;
    int all = S->t->o.code_by == 2, coded = 0;
    /* CODE ALL: a dominant verb (code with "!") is the only one coded */
    int dominant = 0;
    for (int v = 0; all && v < S->n; v++)
        if (S->verb_at[v] >= 0 && strchr(S->t->groups.v[S->t->verbs.v[S->verb_at[v]].group].code, '!'))
            dominant = 1;
    int fb = -1;
    tb_bind fbb;
    char fbcode[24] = "";
    for (int v = cs; v < ce; v++) {
        if (S->verb_at[v] < 0)
            continue;
        if (dominant && !strchr(S->t->groups.v[S->t->verbs.v[S->verb_at[v]].group].code, '!'))
            continue;
        tb_bind b;
        const char *pat;
        const char *raw = verb_code(S, cs, ce, v, &b, &pat);
        char code[24];
        snprintf(code, sizeof code, "%s", raw);
        char *x;
        while ((x = strchr(code, '!')) != NULL)
            memmove(x, x + 1, strlen(x));
        if (!strcmp(code, "---"))
            continue;
        if (!strcmp(code, "###"))
            return -2;
        if (!strcmp(code, "+++")) {
            snprintf(S->why, sizeof S->why, "complex code on verb %s", S->tk[v].w);
            return -1;
        }
        size_t n = strlen(code);
        if (!pat && n && code[n - 1] == '?') {
            /* SAID and the like: coded only when no later verb codes */
            code[n - 1] = 0;
            if (fb < 0) {
                fb = v;
                fbb = b;
                snprintf(fbcode, sizeof fbcode, "%s", code);
            }
            continue;
        }
        if ((x = strchr(code, '?')) != NULL)
            *x = 0;
        if (code_verb(cd, cs, ce, v, code, &b, pat))
            return -1;
        coded++;
        if (!all)
            return coded;
    }
    if (fb >= 0 && !coded) {
        if (code_verb(cd, cs, ce, fb, fbcode, &fbb, NULL))
            return -1;
        coded++;
    }
    return coded;
}

static long date_add(long ymd, long days)
{
    /* civil date <-> day number (Howard Hinnant's algorithm) */
    long y = ymd / 10000, m = ymd / 100 % 100, d = ymd % 100;
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    long z = era * 146097 + doe - 719468 + days;
    z += 719468;
    era = (z >= 0 ? z : z - 146096) / 146097;
    doe = z - era * 146097;
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    y = yoe + era * 400;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp + (mp < 10 ? 3 : -9);
    y += m <= 2;
    return y * 10000 + m * 100 + d;
}

static void analyse(tb_sent *S)
{
    find_actors(S);
    mark_kinds(S);
    find_verbs(S);
    combine_agents(S);
    find_compounds(S);
    add_pronouns(S);
    split_clauses(S);
}

void dl_tabari_code(dl_tabari *t, const char *date, const char *text, dl_tabari_result *r)
{
    memset(r, 0, sizeof *r);
    tb_sent *S = calloc(1, sizeof *S);
    S->t = t;
    S->date = parse_date(date, t->o.yyyy);
    /* non-printing characters mean a garbled record (the suite's
     * DEBUG-21/22 tables): rejected as complex rather than coded */
    for (const unsigned char *p = (const unsigned char *)text; *p; p++)
        if ((*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') || *p == 0x7f) {
            r->status = DL_TB_COMPLEX;
            snprintf(r->why, sizeof r->why, "non-printing character 0x%02x in the text", *p);
            goto done;
        }
    lex(S, text);
    int words = 0;
    for (int i = 0; i < S->n; i++)
        words += !S->tk[i].comma;
    long edate = S->date;
    if (words < t->o.min_words) {
        r->status = DL_TB_SHORT;
        snprintf(r->why, sizeof r->why, "%d words, fewer than MINIMUM WORDS %d", words, t->o.min_words);
        goto done;
    }
    if (t->o.time_shift) {
        int pos[32];
        for (int i = 0; i < S->n; i++)
            for (int k = 0; k < t->times.n; k++) {
                if (t->times.v[k].ph.n > 32 || !phrase_at(S, &t->times.v[k].ph, i, 1, pos))
                    continue;
                const char *c = t->times.v[k].code;
                if (!strcmp(c, "###")) {
                    r->status = DL_TB_DISCARD;
                    snprintf(r->why, sizeof r->why, "discard code on time phrase %s", S->tk[i].w);
                    goto done;
                }
                if (!strcmp(c, "+++")) {
                    r->status = DL_TB_COMPLEX;
                    snprintf(r->why, sizeof r->why, "complex code on time phrase %s", S->tk[i].w);
                    goto done;
                }
                if ((c[0] == '+' || c[0] == '-') && isdigit((unsigned char)c[1]))
                    edate = date_add(S->date, atol(c));
            }
    }
    /* first pass: find the actor lists, then delete subordinate clauses */
    find_actors(S);
    mark_kinds(S);
    drop_clauses(S);
    S->discard = S->complex = 0;
    S->why[0] = 0;
    analyse(S);
    if (S->discard) {
        r->status = DL_TB_DISCARD;
        snprintf(r->why, sizeof r->why, "%s", S->why);
        goto done;
    }
    if (S->complex) {
        r->status = DL_TB_COMPLEX;
        snprintf(r->why, sizeof r->why, "%s", S->why);
        goto done;
    }
    int nverbs = 0, nconj = 0;
    for (int i = 0; i < S->n; i++) {
        nverbs += S->verb_at[i] >= 0;
        nconj += S->split[i];
    }
    if (t->o.verbs_max && nverbs >= t->o.verbs_max) {
        r->status = DL_TB_COMPLEX;
        snprintf(r->why, sizeof r->why, "%d verbs (COMPLEX: VERBS[%d])", nverbs, t->o.verbs_max);
        goto done;
    }
    if (t->o.conj_max && nconj >= t->o.conj_max) {
        r->status = DL_TB_COMPLEX;
        snprintf(r->why, sizeof r->why, "%d conjunctions (COMPLEX: CONJ[%d])", nconj, t->o.conj_max);
        goto done;
    }
    tb_coding cd;
    memset(&cd, 0, sizeof cd);
    cd.S = S;
    cd.r = r;
    cd.date = edate;
    int cs = 0;
    for (int i = 0; i <= S->n; i++) {
        if (i < S->n && !S->split[i])
            continue;
        int rc = code_clause(&cd, cs, i);
        if (rc == -1) {
            r->status = DL_TB_COMPLEX;
            r->n = 0;
            snprintf(r->why, sizeof r->why, "%s", S->why);
            goto done;
        }
        if (rc == -2) {
            r->status = DL_TB_DISCARD;
            r->n = 0;
            snprintf(r->why, sizeof r->why, "discard code from a verb pattern");
            goto done;
        }
        if (t->o.code_by == 1 && r->n > 0)
            break;
        cs = i + 1;
    }
done:
    if (t->o.forward) {
        /* the next record's pronouns may refer to this one's first actor */
        for (int m = 0; m < S->nm; m++)
            if (!S->m[m].pron && !S->m[m].agent_only && S->m[m].base[0]) {
                snprintf(t->fwd, sizeof t->fwd, "%s", S->m[m].base);
                break;
            }
    }
    free(S);
}

/* ---- records ---- */

static int is_header(const char *l)
{
    int d = 0;
    while (isdigit((unsigned char)l[d]))
        d++;
    return d >= 6 && (l[d] == ' ' || l[d] == '\t');
}

int dl_tabari_read_record(FILE *f, dl_tabari_record *r)
{
    dl_buf text = DL_BUF_INIT, comment = DL_BUF_INIT;
    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    free(r->text);
    free(r->comment);
    r->text = r->comment = NULL;
    /* the header */
    for (;;) {
        if (r->pend_) {
            line = r->pend_;
            cap = strlen(line) + 1;
            r->pend_ = NULL;
            got = (ssize_t)strlen(line);
        } else if ((got = getline(&line, &cap, f)) < 0) {
            free(line);
            return 0;
        } else
            r->lineno_++;
        if (is_header(line))
            break;
    }
    r->line = r->lineno_;
    char rest[256];
    r->date[0] = r->id[0] = 0;
    snprintf(rest, sizeof rest, "%s", line);
    char *p = rest;
    sscanf(p, "%15s", r->date);
    p += strspn(p, " \t");
    p += strcspn(p, " \t");
    /* "950101  950101  AGENTS-11": the id is the first non-date field */
    for (;;) {
        p += strspn(p, " \t");
        char w[64] = "";
        sscanf(p, "%63s", w);
        if (!w[0] || !is_header(p)) {
            snprintf(r->id, sizeof r->id, "%s", w);
            break;
        }
        p += strcspn(p, " \t");
    }
    int in_comment = 0;
    while ((got = getline(&line, &cap, f)) >= 0) {
        r->lineno_++;
        if (is_header(line)) {
            r->pend_ = strdup(line);
            r->lineno_--;
            break;
        }
        if (!in_comment) {
            if (line[0] == '#')
                continue;   /* the suite's section banners */
            char *c = strstr(line, "/*");
            if (c) {
                in_comment = 1;
                dl_buf_add(&text, line, (size_t)(c - line));
                dl_buf_adds(&comment, c);
                continue;
            }
            dl_buf_adds(&text, line);
        } else
            dl_buf_adds(&comment, line);
    }
    free(line);
    if (!text.p)
        dl_buf_adds(&text, "");
    if (!comment.p)
        dl_buf_adds(&comment, "");
    r->text = dl_buf_take(&text);
    r->comment = dl_buf_take(&comment);
    return 1;
}

void dl_tabari_record_free(dl_tabari_record *r)
{
    free(r->text);
    free(r->comment);
    free(r->pend_);
    r->text = r->comment = r->pend_ = NULL;
}

int dl_tabari_record_options(dl_tabari *t, const char *comment)
{
    int n = 0;
    for (const char *p = comment; (p = strstr(p, "OPTION:")) != NULL; p += 7) {
        const char *q = p;
        while (q > comment && (q[-1] == ' ' || q[-1] == '\t'))
            q--;
        if (q == comment || q[-1] != '{')
            continue;   /* only "{ OPTION: ... }" */
        const char *b = p + 7, *e = b;
        /* up to the closing brace, or the end of the comment */
        while (*e && *e != '}' && strncmp(e, "*/", 2) && *e != '\n')
            e++;
        char line[512];
        snprintf(line, sizeof line, "%.*s", (int)(e - b), b);
        dl_tabari_option(t, line);
        n++;
    }
    return n;
}

/* ---- the command: records in, JSON lines out ---- */

static json_t *record_json(const dl_tabari_record *rec, const dl_tabari_result *r)
{
    static const char *const status[] = {"coded", "complex", "discard", "short"};
    json_t *o = json_object(), *arr = json_array();
    json_object_set_new_nocheck(o, "id", json_string(rec->id));
    json_object_set_new_nocheck(o, "date", json_string(rec->date));
    json_object_set_new_nocheck(o, "status", json_string(status[r->status]));
    if (r->why[0])
        json_object_set_new_nocheck(o, "why", json_string(r->why));
    for (int i = 0; i < r->n; i++) {
        const dl_tabari_event *e = &r->ev[i];
        json_t *ev = json_object(), *src = json_object(), *tgt = json_object(), *pat = json_object();
        char d[16], root[3] = {e->code[0], e->code[1], 0};
        json_object_set_new_nocheck(src, "code", json_string(e->source));
        json_object_set_new_nocheck(tgt, "code", json_string(e->target));
        json_object_set_new_nocheck(ev, "source", src);
        json_object_set_new_nocheck(ev, "target", tgt);
        json_object_set_new_nocheck(ev, "cameo", json_string(e->code));
        json_object_set_new_nocheck(ev, "root", json_string(root));
        snprintf(d, sizeof d, "%04ld-%02ld-%02ld", e->date / 10000 % 10000, e->date / 100 % 100, e->date % 100);
        json_object_set_new_nocheck(ev, "date", e->date ? json_string(d) : json_null());
        json_object_set_new_nocheck(ev, "verb", json_string(e->verb));
        json_object_set_new_nocheck(pat, "text", e->pattern[0] ? json_string(e->pattern) : json_null());
        json_object_set_new_nocheck(ev, "pattern", pat);
        json_array_append_new(arr, ev);
    }
    json_object_set_new_nocheck(o, "events", arr);
    return o;
}

int dl_tabari_code_files(dl_tabari *t, char **files, int n, FILE *out, long *records, long *events)
{
    if (n == 0 && !t->textfile)
        return 2;
    int rc = 0;
    dl_buf line = DL_BUF_INIT;
    dl_tabari_result *r = malloc(sizeof *r);
    for (int fi = 0; fi < (n ? n : 1); fi++) {
        const char *path = n ? files[fi] : t->textfile;
        FILE *f = strcmp(path, "-") ? fopen(path, "r") : stdin;
        if (!f) {
            fprintf(stderr, "dateline: %s: cannot open\n", path);
            rc = 1;
            continue;
        }
        dl_tabari_record rec;
        memset(&rec, 0, sizeof rec);
        while (dl_tabari_read_record(f, &rec)) {
            if (dl_tabari_record_options(t, rec.comment) > 0)
                continue;
            dl_tabari_code(t, rec.date, rec.text, r);
            (*records)++;
            *events += r->n;
            json_t *o = record_json(&rec, r);
            dl_buf_clear(&line);
            dl_json_write(&line, o);
            json_decref(o);
            fputs(line.p, out);
            fputc('\n', out);
        }
        dl_tabari_record_free(&rec);
        if (f != stdin)
            fclose(f);
    }
    free(r);
    dl_buf_free(&line);
    return rc;
}
