/* verbdict.c -- parse verb dictionaries and compile the form hash.
 * See verbdict.h for the format. */
#include "verbdict.h"
#include "clause.h"
#include "event.h"
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../util/arena.h"
#include "../util/buf.h"
#include "../text/text.h"

static char *errf(const char *path, int line, const char *fmt, const char *arg)
{
    dl_buf b = DL_BUF_INIT;
    if (line > 0)
        dl_buf_printf(&b, "%s:%d: ", path, line);
    else
        dl_buf_printf(&b, "%s: ", path);
    dl_buf_printf(&b, fmt, arg ? arg : "");
    return dl_buf_take(&b);
}

/* Words are hashed with the tokens' own hash (dl_hash32), so that the
 * coder can use the hash each token already carries. */
static uint64_t fnv(const char *s, size_t n)
{
    return dl_hash32(s, n);
}

static size_t seq_match(const char *seq, const dl_token *t, size_t i, size_t n);
static size_t seq_match_prefix(const char *seq, const dl_token *t, size_t i, size_t n);
#define seq_match_fwd seq_match

uint64_t dl_word_hash(const char *s, size_t n)
{
    return fnv(s, n);
}

static uint64_t first_word_hash(const char *s)
{
    return fnv(s, strcspn(s, " "));
}

void dl_verb_dict_index(struct dl_verb_dict *d)
{
    for (size_t i = 0; i < d->ncls; i++) {
        dl_word_class *c = &d->cls[i];
        free(c->h);
        c->h = dl_xmalloc((c->n + 1) * sizeof *c->h);
        memset(c->any, 0, sizeof c->any);
        for (size_t m = 0; m < c->n; m++) {
            c->h[m] = first_word_hash(c->member[m]);
            DL_BLOOM_SET(c->any, c->h[m]);
        }
    }
    for (size_t i = 0; i < d->npat; i++) {
        dl_verb_pattern *p = &d->pat[i];
        for (int side = 0; side < 2; side++) {
            dl_pat_elem *e = side ? p->post : p->pre;
            size_t ne = side ? p->npost : p->npre;
            for (size_t k = 0; k < ne; k++) {
                free(e[k].h);
                e[k].h = dl_xmalloc((e[k].nalt + 1) * sizeof *e[k].h);
                memset(e[k].any, 0, sizeof e[k].any);
                for (size_t a = 0; a < e[k].nalt; a++) {
                    e[k].h[a] = first_word_hash(e[k].alt[a]);
                    DL_BLOOM_SET(e[k].any, e[k].h[a]);
                }
            }
        }
    }
}

size_t dl_elem_match_h(const struct dl_verb_dict *d, const dl_pat_elem *e, const dl_token *t,
                       const uint64_t *th, size_t i, size_t n)
{
    if (i >= n)
        return 0;
    size_t best = 0;
    if (e->kind == DL_PE_WORD && e->prefix) {
        for (size_t a = 0; a < e->nalt; a++) {
            size_t k = seq_match_prefix(e->alt[a], t, i, n);
            if (k > best)
                best = k;
        }
        return best;
    }
    if (e->kind == DL_PE_CLASS && d->cls[e->cls].prefix) {
        const dl_word_class *c = &d->cls[e->cls];
        for (size_t m = 0; m < c->n; m++) {
            size_t k = seq_match_prefix(c->member[m], t, i, n);
            if (k > best)
                best = k;
        }
        return best;
    }
    if (e->kind == DL_PE_WORD) {
        for (size_t a = 0; a < e->nalt; a++)
            if (e->h[a] == th[i]) {
                size_t k = seq_match_fwd(e->alt[a], t, i, n);
                if (k > best)
                    best = k;
            }
    } else if (e->kind == DL_PE_CLASS) {
        const dl_word_class *c = &d->cls[e->cls];
        for (size_t m = 0; m < c->n; m++)
            if (c->h[m] == th[i]) {
                size_t k = seq_match_fwd(c->member[m], t, i, n);
                if (k > best)
                    best = k;
            }
    }
    return best;
}

int dl_elem_possible(const struct dl_verb_dict *d, const dl_pat_elem *e, const uint64_t *th, size_t lo, size_t hi,
                     const uint64_t mask[4])
{
    if ((e->kind == DL_PE_WORD && e->prefix) || (e->kind == DL_PE_CLASS && d->cls[e->cls].prefix))
        return 1;
    if (e->kind == DL_PE_WORD) {
        if (!((e->any[0] & mask[0]) | (e->any[1] & mask[1]) | (e->any[2] & mask[2]) | (e->any[3] & mask[3])))
            return 0;
        for (size_t i = lo; i < hi; i++)
            for (size_t a = 0; a < e->nalt; a++)
                if (e->h[a] == th[i])
                    return 1;
        return 0;
    }
    if (e->kind == DL_PE_CLASS) {
        const dl_word_class *c = &d->cls[e->cls];
        if (!((c->any[0] & mask[0]) | (c->any[1] & mask[1]) | (c->any[2] & mask[2]) | (c->any[3] & mask[3])))
            return 0;
        for (size_t i = lo; i < hi; i++)
            for (size_t m = 0; m < c->n; m++)
                if (c->h[m] == th[i])
                    return 1;
        return 0;
    }
    return 1;
}

static void grow_slots(struct dl_verb_dict *d);

static dl_form_slot *slot_for(struct dl_verb_dict *d, const char *key, int create)
{
    if (create && (d->used + 1) * 2 > d->nslot)
        grow_slots(d);
    size_t n = strlen(key), mask = d->nslot - 1;
    for (size_t i = fnv(key, n) & mask;; i = (i + 1) & mask) {
        dl_form_slot *s = &d->slot[i];
        if (!s->key) {
            if (!create)
                return NULL;
            s->key = dl_xstrdup(key);
            d->used++;
            return s;
        }
        if (strcmp(s->key, key) == 0)
            return s;
    }
}

static void grow_slots(struct dl_verb_dict *d)
{
    dl_form_slot *old = d->slot;
    size_t oldn = d->nslot;
    d->nslot = oldn ? oldn * 2 : 1024;
    d->slot = calloc(d->nslot, sizeof *d->slot);
    if (!d->slot)
        d->slot = dl_xmalloc(1);   /* aborts */
    d->used = 0;
    for (size_t i = 0; i < oldn; i++) {
        if (!old[i].key)
            continue;
        size_t mask = d->nslot - 1;
        size_t j = fnv(old[i].key, strlen(old[i].key)) & mask;
        while (d->slot[j].key)
            j = (j + 1) & mask;
        d->slot[j] = old[i];
        d->used++;
    }
    free(old);
}

const dl_form_slot *dl_verb_dict_lookup(const struct dl_verb_dict *d, const char *norm, size_t n)
{
    return dl_verb_dict_lookup_h(d, norm, n, fnv(norm, n));
}

const dl_form_slot *dl_verb_dict_lookup_h(const struct dl_verb_dict *d, const char *norm, size_t n, uint64_t h)
{
    if (!d->nslot || n == 0)
        return NULL;
    size_t mask = d->nslot - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        const dl_form_slot *s = &d->slot[i];
        if (!s->key)
            return NULL;
        if (strncmp(s->key, norm, n) == 0 && s->key[n] == 0)
            return s;
    }
}

const dl_form_slot *dl_verb_dict_lookup_stem(const struct dl_verb_dict *d, const char *norm, size_t n)
{
    if (!d->nstems)
        return NULL;
    for (size_t k = n; k >= 3; k--) {
        const dl_form_slot *s = dl_verb_dict_lookup(d, norm, k);
        if (!s)
            continue;
        for (size_t i = 0; i < s->nhit; i++)
            if (s->hit[i].forms & DL_VF_STEM)
                return s;
    }
    return NULL;
}

static void add_form(struct dl_verb_dict *d, const char *form, int verb, int bit)
{
    if (!form[0])
        return;
    dl_form_slot *s = slot_for(d, form, 1);
    for (size_t i = 0; i < s->nhit; i++)
        if (s->hit[i].verb == (uint32_t)verb) {
            s->hit[i].forms |= bit;
            return;
        }
    s->hit = dl_xrealloc(s->hit, (s->nhit + 1) * sizeof *s->hit);
    s->hit[s->nhit].verb = verb;
    s->hit[s->nhit].forms = bit;
    s->nhit++;
}

/* Find or create the verb with this lemma (lower case). */
static int verb_index(struct dl_verb_dict *d, const char *lemma)
{
    const dl_form_slot *s = dl_verb_dict_lookup(d, lemma, strlen(lemma));
    if (s)
        for (size_t i = 0; i < s->nhit; i++)
            if (strcmp(d->verb[s->hit[i].verb].lemma, lemma) == 0)
                return s->hit[i].verb;
    if (d->nverb == d->capverb) {
        d->capverb = d->capverb ? d->capverb * 2 : 256;
        d->verb = dl_xrealloc(d->verb, d->capverb * sizeof *d->verb);
    }
    dl_verb *v = &d->verb[d->nverb];
    memset(v, 0, sizeof *v);
    v->lemma = dl_xstrdup(lemma);
    return (int)d->nverb++;
}

/* A verb of a TABARI/PETRARCH file: always its own entry, so that the
 * file's noun rules and first-verb rule never touch our own verbs that
 * share its forms. */
static int foreign_verb(struct dl_verb_dict *d, const char *lemma)
{
    if (d->nverb == d->capverb) {
        d->capverb = d->capverb ? d->capverb * 2 : 256;
        d->verb = dl_xrealloc(d->verb, d->capverb * sizeof *d->verb);
    }
    dl_verb *v = &d->verb[d->nverb];
    memset(v, 0, sizeof *v);
    v->lemma = dl_xstrdup(lemma);
    v->foreign = 1;
    return (int)d->nverb++;
}

static int class_index(struct dl_verb_dict *d, const char *name, const char *where)
{
    for (size_t i = 0; i < d->ncls; i++)
        if (strcmp(d->cls[i].name, name) == 0)
            return (int)i;
    if (d->ncls == d->capcls) {
        d->capcls = d->capcls ? d->capcls * 2 : 64;
        d->cls = dl_xrealloc(d->cls, d->capcls * sizeof *d->cls);
    }
    dl_word_class *c = &d->cls[d->ncls];
    memset(c, 0, sizeof *c);
    c->name = dl_xstrdup(name);
    c->where = dl_xstrdup(where);
    return (int)d->ncls++;
}

/* Lower-case s in place, turn '_' into ' ', squeeze spaces, trim. */
static void normalise_words(char *s)
{
    char *w = s;
    int space = 1;
    for (char *p = s; *p; p++) {
        char c = *p == '_' ? ' ' : (char)tolower((unsigned char)*p);
        if (c == ' ' || c == '\t') {
            if (!space)
                *w++ = ' ';
            space = 1;
        } else {
            *w++ = c;
            space = 0;
        }
    }
    if (w > s && w[-1] == ' ')
        w--;
    *w = 0;
}

/* The tokenizer splits "didn't" into "did" + "n't": so do we, in a new
 * string. */
static char *split_contractions(const char *s)
{
    size_t n = strlen(s);
    char *out = dl_xmalloc(2 * n + 2), *o = out;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == 'n' && i + 2 < n && s[i + 1] == '\'' && s[i + 2] == 't' && i > 0 && s[i - 1] != ' '
            && (i + 3 == n || s[i + 3] == ' ' || s[i + 3] == '~'))
            *o++ = ' ';
        *o++ = s[i];
    }
    *o = 0;
    return out;
}

static void class_add(dl_word_class *c, const char *member_in)
{
    char *member = split_contractions(member_in);
    if (!member[0]) {
        free(member);
        return;
    }
    for (size_t i = 0; i < c->n; i++)
        if (strcmp(c->member[i], member) == 0) {
            free(member);
            return;
        }
    if (c->n == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 8;
        c->member = dl_xrealloc(c->member, c->cap * sizeof *c->member);
    }
    c->member[c->n++] = member;
}

/* Match the word sequence seq ("peacekeeping forces") at t[i..n). */
static size_t seq_match(const char *seq, const dl_token *t, size_t i, size_t n)
{
    size_t k = 0;
    const char *p = seq;
    while (*p) {
        const char *e = strchr(p, ' ');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        if (i + k >= n || t[i + k].norm_len != len || memcmp(t[i + k].norm, p, len) != 0)
            return 0;
        k++;
        p += len;
        if (*p == ' ')
            p++;
    }
    return k;
}

/* TABARI matching: each word of seq begins the token's word; a word
 * written with a final '~' (from TABARI's trailing '_') must match exactly. */
static size_t seq_match_prefix(const char *seq, const dl_token *t, size_t i, size_t n)
{
    size_t k = 0;
    const char *p = seq;
    while (*p) {
        const char *e = strchr(p, ' ');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        int exact = len > 0 && p[len - 1] == '~';
        size_t wl = exact ? len - 1 : len;
        if (i + k >= n || t[i + k].norm_len < wl || memcmp(t[i + k].norm, p, wl) != 0
            || (exact && t[i + k].norm_len != wl))
            return 0;
        k++;
        p += len;
        if (*p == ' ')
            p++;
    }
    return k;
}

/* A dictionary line without its comment (from the comment character on:
 * '#' in ours, ';' in TABARI's) and without surrounding blanks; edited in
 * place. */
static char *strip_line(char *line, char comment)
{
    char *c = strchr(line, comment);
    if (c)
        *c = 0;
    while (*line == ' ' || *line == '\t')
        line++;
    size_t n = strlen(line);
    while (n && (line[n - 1] == ' ' || line[n - 1] == '\t'))
        line[--n] = 0;
    return line;
}

static int add_pattern_slot(struct dl_verb_dict *d)
{
    if (d->npat == d->cappat) {
        d->cappat = d->cappat ? d->cappat * 2 : 1024;
        d->pat = dl_xrealloc(d->pat, d->cappat * sizeof *d->pat);
    }
    memset(&d->pat[d->npat], 0, sizeof d->pat[0]);
    return (int)d->npat++;
}

/* A pattern of a TABARI or PETRARCH dictionary (DL_PF_FOREIGN; its CAMEO
 * code is looked up once the file is read).  "---" codes nothing; "023?"
 * marks an attribution verb (SAID, REPORT) that TABARI does not code by
 * itself: both are DL_PF_NOEVENT. */
static int add_foreign_pattern(struct dl_verb_dict *d, const char *where, int verb, const char *code)
{
    int pi = add_pattern_slot(d);
    dl_verb_pattern *p = &d->pat[pi];
    p->id = dl_xstrdup(where);
    p->verb = verb;
    p->flags |= DL_PF_FOREIGN;
    if (strcmp(code, "---") == 0 || (code[0] && code[strlen(code) - 1] == '?'))
        p->flags |= DL_PF_NOEVENT;
    snprintf(p->code, sizeof p->code, "%s", code);
    return pi;
}

static void verb_add_pattern(struct dl_verb_dict *d, int verb, int pat)
{
    dl_verb *v = &d->verb[verb];
    if (v->npat == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 4;
        v->pat = dl_xrealloc(v->pat, v->cap * sizeof *v->pat);
    }
    v->pat[v->npat++] = pat;
}

static void elem_push(dl_pat_elem **v, size_t *n, dl_pat_elem e)
{
    *v = dl_xrealloc(*v, (*n + 1) * sizeof **v);
    (*v)[(*n)++] = e;
}

/* Parse the pattern words of one line (after the code) into p.  Syntax:
 * ours or TABARI's (`{a | b}`, `_` joins, `%`/`^` ignored).  Returns NULL
 * or an error text (static). */
static void free_elems(dl_pat_elem *e, size_t n);

int dl_is_function_word(const char *w)
{
    static const char *const fw[] = {"to", "for", "of", "in", "on", "with", "at", "from", "by", "the", "a",
        "an", "its", "their", "his", "her", "into", "over", "against", "about", "and", "as", "that", "up",
        "out", "down", "back", "off", "away", "upon", "toward", "towards", "through", NULL};
    for (int i = 0; fw[i]; i++)
        if (strcmp(w, fw[i]) == 0)
            return 1;
    return 0;
}

static const char *parse_pattern_elems(struct dl_verb_dict *d, dl_verb_pattern *p, char *s, int tabari,
                                       dl_pat_elem **pre_out, size_t *npre_out, dl_pat_elem **post_out, size_t *npost_out);

static const char *parse_pattern(struct dl_verb_dict *d, dl_verb_pattern *p, char *s, int tabari)
{
    dl_pat_elem *pre = NULL, *post = NULL;
    size_t npre = 0, npost = 0;
    const char *e = parse_pattern_elems(d, p, s, tabari, &pre, &npre, &post, &npost);
    if (e) {
        free_elems(pre, npre);
        free_elems(post, npost);
    }
    return e;
}

static const char *parse_pattern_elems(struct dl_verb_dict *d, dl_verb_pattern *p, char *s, int tabari,
                                       dl_pat_elem **pre_out, size_t *npre_out, dl_pat_elem **post_out, size_t *npost_out)
{
    dl_pat_elem *pre = NULL, *post = NULL;
    size_t npre = 0, npost = 0;
#define RETURN_ERR(msg) do { *pre_out = pre; *npre_out = npre; *post_out = post; *npost_out = npost; return (msg); } while (0)
    int seen_verb = 0, spec = 0;
    char *save = NULL;
    /* TABARI alternatives { a | b } are rewritten to a|b tokens first */
    if (tabari) {
        for (char *q = s; *q; q++) {
            if (*q == '{') {
                char *end = strchr(q, '}');
                if (!end)
                    RETURN_ERR("unclosed '{'");
                *q = ' ';
                *end = ' ';
                for (char *r = q; r < end; r++) {
                    if (*r == '|') {
                        /* remove the spaces around | */
                        char *l = r - 1;
                        while (l > q && *l == ' ')
                            *l-- = '\x01';
                        char *m = r + 1;
                        while (m < end && *m == ' ')
                            *m++ = '\x01';
                    }
                }
                q = end;
            }
        }
        char *w = s;
        for (char *q = s; *q; q++)
            if (*q != '\x01')
                *w++ = *q;
        *w = 0;
    }
    for (char *tok = strtok_r(s, " \t", &save); tok; tok = strtok_r(NULL, " \t", &save)) {
        if (tabari == 1) {
            /* PETRARCH-2 writes parse constituents, "(NP +TROOPS)": the
             * brackets go, a sigil glued to a word goes too (our target is
             * the first actor there anyway) */
            if (*tok == '(') {
                int label = 1;   /* "(NP", "(PP": a constituent label, dropped whole */
                for (const char *q = tok + 1; *q; q++)
                    label &= isupper((unsigned char)*q) != 0;
                tok += label ? strlen(tok) : 1;
            }
            size_t tl0 = strlen(tok);
            while (tl0 && tok[tl0 - 1] == ')')
                tok[--tl0] = 0;
            if (!*tok)
                continue;
            if ((*tok == '+' || *tok == '$') && isalpha((unsigned char)tok[1]))
                tok++;
        }
        /* TABARI joins words with '_' (no gap); a word may be glued to the
         * verb or a slot: IN_* , SUGGESTED_+ */
        char *parts[16];
        int np = 0;
        size_t tl = strlen(tok);
        int trailing_exact = tabari == 1 && tl > 1 && tok[tl - 1] == '_';
        if (tabari == 1 && !strchr(tok, '|')) {
            char *q = tok;
            parts[np++] = q;
            for (; *q && np < 16; q++)
                if (*q == '_') {
                    *q = 0;
                    if (q[1])
                        parts[np++] = q + 1;
                }
        } else {
            parts[np++] = tok;
        }
        for (int k = 0; k < np; k++) {
            char *w = parts[k];
            if (!*w)
                continue;
            dl_pat_elem e;
            memset(&e, 0, sizeof e);
            e.adjacent = (tabari && k > 0);
            if (*w == '=') {
                e.adjacent = 1;
                w++;
            }
            if (*w == '?') {
                e.optional = 1;
                w++;
            }
            if (strcmp(w, "*") == 0) {
                if (seen_verb)
                    RETURN_ERR("two '*' in one pattern");
                seen_verb = 1;
                continue;
            }
            if (tabari && strcmp(w, "%") == 0) {
                p->flags |= DL_PF_RECIPROCAL;   /* TABARI: a compound actor codes both ways */
                continue;
            }
            if (tabari && strcmp(w, "^") == 0)
                continue;
            if (strcmp(w, "$") == 0)
                e.kind = DL_PE_SOURCE;
            else if (strcmp(w, "+") == 0)
                e.kind = DL_PE_TARGET;
            else if (w[0] == '&' && !strchr(w, '|')) {
                if (!w[1])
                    RETURN_ERR("empty class name");
                e.kind = DL_PE_CLASS;
                for (char *c = w + 1; *c; c++)
                    *c = (char)toupper((unsigned char)*c);
                e.cls = class_index(d, w + 1, p->id);
                if (!e.optional)
                    spec += 1;   /* a literal word is more specific than a class */
            } else if (strchr(w, '&')) {
                /* a union of classes and words: one synthetic class */
                char uname[256];
                snprintf(uname, sizeof uname, "%s", w);
                for (char *c = uname; *c; c++)
                    *c = (char)toupper((unsigned char)*c);
                e.kind = DL_PE_CLASS;
                e.cls = class_index(d, uname, p->id);
                dl_word_class *u = &d->cls[e.cls];
                if (tabari)
                    u->prefix = 1;
                if (!u->defined) {
                    u->defined = 1;
                    char *alts = dl_xstrdup(uname), *as = NULL;
                    for (char *a = strtok_r(alts, "|", &as); a; a = strtok_r(NULL, "|", &as)) {
                        if (*a == '&') {
                            /* "&CURRENCY_EXCHANGE": the class, then words */
                            char *name = dl_xstrdup(a + 1);
                            char *sep = name + strcspn(name, "_ ");
                            char *suffix = NULL;
                            if (*sep) {
                                *sep = 0;
                                suffix = sep + 1;
                            }
                            class_index(d, name, p->id);   /* must be defined somewhere */
                            u = &d->cls[e.cls];
                            u->merge = dl_xrealloc(u->merge, (u->nmerge + 1) * sizeof *u->merge);
                            dl_buf mb = DL_BUF_INIT;
                            dl_buf_adds(&mb, name);
                            if (suffix) {
                                char *sx = dl_xstrdup(suffix);
                                normalise_words(sx);
                                dl_buf_printf(&mb, "\t%s", sx);
                                free(sx);
                            }
                            u->merge[u->nmerge++] = dl_buf_take(&mb);
                            free(name);
                        } else {
                            char *x = dl_xstrdup(a);
                            normalise_words(x);
                            class_add(u, x);
                            free(x);
                        }
                    }
                    free(alts);
                }
                if (!e.optional)
                    spec += 2;
            } else {
                e.kind = DL_PE_WORD;
                char *alts = dl_xstrdup(w), *as = NULL;
                for (char *a = strtok_r(alts, "|", &as); a; a = strtok_r(NULL, "|", &as)) {
                    char *x0 = dl_xstrdup(a);
                    normalise_words(x0);
                    char *x = split_contractions(x0);
                    free(x0);
                    if (!*x) {
                        free(x);
                        continue;
                    }
                    e.alt = dl_xrealloc(e.alt, (e.nalt + 1) * sizeof *e.alt);
                    e.alt[e.nalt++] = x;
                }
                free(alts);
                if (e.nalt == 0)
                    RETURN_ERR("empty word");
                if (!e.optional)
                    spec += 2;
            }
            if (e.kind == DL_PE_SOURCE || e.kind == DL_PE_TARGET)
                spec += 1;
            if (tabari && e.kind == DL_PE_WORD) {
                e.prefix = 1;
                if (trailing_exact && k == np - 1)
                    for (size_t a = 0; a < e.nalt; a++) {
                        size_t al = strlen(e.alt[a]);
                        e.alt[a] = dl_xrealloc(e.alt[a], al + 2);
                        memcpy(e.alt[a] + al, "~", 2);
                    }
            }
            if (seen_verb)
                elem_push(&post, &npost, e);
            else
                elem_push(&pre, &npre, e);
        }
    }
    if (!seen_verb)
        RETURN_ERR("pattern has no '*' (the verb)");
    /* pre elements are matched from the verb backwards: reverse them, and
     * move the adjacency mark to the element it now follows */
    for (size_t i = 0; i < npre / 2; i++) {
        dl_pat_elem t = pre[i];
        pre[i] = pre[npre - 1 - i];
        pre[npre - 1 - i] = t;
    }
    for (size_t i = 0; i < npre + npost; i++) {
        const dl_pat_elem *x = i < npre ? &pre[i] : &post[i - npre];
        int w = x->kind == DL_PE_WORD || x->kind == DL_PE_CLASS;
        p->has_words |= w;
        int content = x->kind == DL_PE_CLASS;
        for (size_t a = 0; x->kind == DL_PE_WORD && a < x->nalt && !content; a++)
            content = !dl_is_function_word(x->alt[a]);
        p->content_elems += content;
    }
    p->pre = pre;
    p->npre = npre;
    p->post = post;
    p->npost = npost;
    p->specificity = spec;
    *pre_out = NULL;
    *post_out = NULL;
    *npre_out = *npost_out = 0;
    return NULL;
#undef RETURN_ERR
}

/* Parse the code field: "1661", "040~", "074@AID/peacekeeping", "---". */
static const char *parse_code(dl_verb_pattern *p, const char *f)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%s", f);
    char *at = strchr(buf, '@');
    if (at) {
        *at++ = 0;
        char *slash = strchr(at, '/');
        if (slash)
            *slash++ = 0;
        p->plover_type = dl_xstrdup(at);
        p->plover_mode = dl_xstrdup(slash ? slash : "");
    }
    size_t n = strlen(buf);
    if (n && buf[n - 1] == '~') {
        p->flags |= DL_PF_RECIPROCAL;
        buf[--n] = 0;
    }
    if (strcmp(buf, "---") == 0) {
        p->flags |= DL_PF_NOEVENT;
        snprintf(p->code, sizeof p->code, "---");
        return NULL;
    }
    if (n < 2 || n > 4)
        return "bad code";
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)buf[i]))
            return "bad code";
    memcpy(p->code, buf, n + 1);
    return NULL;
}

static void add_verb_forms(struct dl_verb_dict *d, int verb, const char *lemma,
                           const char *past, const char *pp)
{
    dl_verb_forms f;
    if (dl_inflect(lemma, &f) != 0)
        return;
    if (past)
        snprintf(f.form[2], sizeof f.form[2], "%s", past);
    if (pp)
        snprintf(f.form[3], sizeof f.form[3], "%s", pp);
    for (int i = 0; i < 5; i++)
        add_form(d, f.form[i], verb, 1 << i);
    /* British spelling doubles a final l after one vowel (travelled,
     * cancelling), and after -ia- (dialled, initialled), but not after
     * other vowel pairs (appealed) */
    size_t n = strlen(lemma);
    if (!past && n > 3 && lemma[n - 1] == 'l' && strchr("aeiou", lemma[n - 2])
        && (!strchr("aeiou", lemma[n - 3]) || (lemma[n - 3] == 'i' && lemma[n - 2] == 'a'))) {
        char b[64];
        snprintf(b, sizeof b, "%sled", lemma);
        add_form(d, b, verb, DL_VF_PAST | DL_VF_PP);
        snprintf(b, sizeof b, "%sling", lemma);
        add_form(d, b, verb, DL_VF_ING);
    }
}

int dl_verb_dict_add_file(struct dl_verb_dict *d, const char *path, const char *label, char **err)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        *err = errf(path, 0, "%s", strerror(errno));
        return -1;
    }
    d->files = dl_xrealloc(d->files, (d->nfiles + 1) * sizeof *d->files);
    d->files[d->nfiles++] = dl_xstrdup(label);
    char line[4096];
    int lineno = 0, verb = -1;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        size_t len = strcspn(line, "\r\n");
        if (len == sizeof line - 1) {
            fclose(f);
            *err = errf(path, lineno, "%sline too long", "");
            return -1;
        }
        line[len] = 0;
        char *s = strip_line(line, '#');
        if (!*s)
            continue;
        char where[512];
        snprintf(where, sizeof where, "%s:%d", label, lineno);
        if (*s == '&') {
            char *eq = strchr(s, '=');
            if (!eq) {
                fclose(f);
                *err = errf(path, lineno, "%sclass definition needs '='", "");
                return -1;
            }
            *eq = 0;
            char name[128];
            snprintf(name, sizeof name, "%s", s + 1);
            normalise_words(name);
            for (char *c = name; *c; c++)
                *c = (char)toupper((unsigned char)*c);
            if (!name[0] || strchr(name, ' ')) {
                fclose(f);
                *err = errf(path, lineno, "%sbad class name", "");
                return -1;
            }
            int ci = class_index(d, name, where);
            d->cls[ci].defined = 1;
            char *save = NULL;
            for (char *m = strtok_r(eq + 1, "|", &save); m; m = strtok_r(NULL, "|", &save)) {
                normalise_words(m);
                class_add(&d->cls[ci], m);
            }
            continue;
        }
        if (strncmp(s, "verb ", 5) == 0 || strncmp(s, "verb\t", 5) == 0) {
            char *rest = s + 5, *eq = strchr(rest, '=');
            char *past = NULL, *pp = NULL;
            if (eq) {
                *eq = 0;
                char *save = NULL;
                past = strtok_r(eq + 1, " \t", &save);
                pp = past ? strtok_r(NULL, " \t", &save) : NULL;
                if (!pp) {
                    fclose(f);
                    *err = errf(path, lineno, "%s'=' needs a past and a participle", "");
                    return -1;
                }
            }
            normalise_words(rest);
            if (!rest[0] || strchr(rest, ' ') || strlen(rest) >= 40) {
                fclose(f);
                *err = errf(path, lineno, "bad verb lemma '%s' (one word)", rest);
                return -1;
            }
            verb = verb_index(d, rest);
            add_verb_forms(d, verb, rest, past, pp);
            continue;
        }
        /* a pattern line */
        if (verb < 0) {
            fclose(f);
            *err = errf(path, lineno, "%spattern before any 'verb' line", "");
            return -1;
        }
        char *save = NULL;
        char *code = strtok_r(s, " \t", &save);
        char *rest = save ? save : "";
        int pi = add_pattern_slot(d);
        dl_verb_pattern *p = &d->pat[pi];
        p->id = dl_xstrdup(where);
        p->verb = verb;
        const char *e = parse_code(p, code);
        if (!e) {
            while (*rest == ' ' || *rest == '\t')
                rest++;
            p->text = dl_xstrdup(rest);
            char *tmp = dl_xstrdup(rest);
            e = parse_pattern(d, p, tmp, 0);
            free(tmp);
        }
        if (e) {
            fclose(f);
            *err = errf(path, lineno, "%s", e);
            d->npat--;
            free(p->id);
            free(p->text);
            free(p->plover_type);
            free(p->plover_mode);
            return -1;
        }
        verb_add_pattern(d, verb, pi);
    }
    fclose(f);
    return 0;
}

/* Fill union classes ("&A|&B|word") from their parts; a part may carry
 * words after the class ("name\tsuffix"). */
static void merge_unions(struct dl_verb_dict *d)
{
    for (size_t i = 0; i < d->ncls; i++) {
        for (size_t k = 0; k < d->cls[i].nmerge; k++) {
            char *name = dl_xstrdup(d->cls[i].merge[k]);
            char *tab = strchr(name, '\t');
            if (tab)
                *tab++ = 0;
            int j = class_index(d, name, d->cls[i].where);
            if (d->cls[j].prefix)
                d->cls[i].prefix = 1;
            for (size_t m = 0; m < d->cls[j].n; m++) {
                if (!tab) {
                    class_add(&d->cls[i], d->cls[j].member[m]);
                    continue;
                }
                dl_buf b = DL_BUF_INIT;
                dl_buf_printf(&b, "%s %s", d->cls[j].member[m], tab);
                class_add(&d->cls[i], b.p);
                dl_buf_free(&b);
            }
            free(name);
            free(d->cls[i].merge[k]);
        }
        d->cls[i].nmerge = 0;
    }
}

/* TABARI synset members may name other synsets ("+&TIETYPES_MEMOS",
 * "+MEMOS_ON_&TIETYPES"): replace each such member by every combination
 * with the named synset's members (two levels deep). */
static void expand_class_refs(struct dl_verb_dict *d)
{
    for (int round = 0; round < 2; round++)
        for (size_t i = 0; i < d->ncls; i++) {
            dl_word_class *c = &d->cls[i];
            size_t n0 = c->n;
            for (size_t m = 0; m < n0; m++) {
                char *amp = strchr(c->member[m], '&');
                if (!amp || (amp != c->member[m] && amp[-1] != ' '))
                    continue;
                size_t nl = strcspn(amp + 1, " ");
                char name[128];
                snprintf(name, sizeof name, "%.*s", (int)nl, amp + 1);
                for (char *q = name; *q; q++)
                    *q = (char)toupper((unsigned char)*q);
                int j = -1;
                for (size_t k = 0; k < d->ncls; k++)
                    if (strcmp(d->cls[k].name, name) == 0)
                        j = (int)k;
                if (j < 0 || (size_t)j == i)
                    continue;
                char *tmpl = dl_xstrdup(c->member[m]);
                size_t pre = (size_t)(amp - c->member[m]);
                for (size_t r = 0; r < d->cls[j].n; r++) {
                    dl_buf b = DL_BUF_INIT;
                    dl_buf_add(&b, tmpl, pre);
                    dl_buf_adds(&b, d->cls[j].member[r]);
                    dl_buf_adds(&b, tmpl + pre + 1 + nl);
                    class_add(&d->cls[i], b.p);
                    c = &d->cls[i];
                    dl_buf_free(&b);
                }
                free(tmpl);
                c->member[m][0] = 0;   /* the reference itself matches nothing */
            }
        }
}

int dl_verb_dict_finish(struct dl_verb_dict *d, char **err)
{
    merge_unions(d);
    for (size_t i = 0; i < d->ncls; i++)
        if (!d->cls[i].defined) {
            *err = errf(d->cls[i].where, 0, "undefined word class &%s", d->cls[i].name);
            return -1;
        }
    dl_verb_dict_index(d);
    for (size_t i = 0; i < d->npat; i++) {
        dl_verb_pattern *p = &d->pat[i];
        if (!(p->flags & DL_PF_NOEVENT))
            p->cameo = dl_cameo_find(&d->cameo, p->code);
        if (!p->cameo && !(p->flags & (DL_PF_NOEVENT | DL_PF_FOREIGN)) && !d->lenient) {
            *err = errf(p->id, 0, "unknown CAMEO code %s", p->code);
            return -1;
        }
    }
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static struct dl_verb_dict *load(const char *dir, int lenient, char **err);

/* A new, empty dictionary with the closed word classes' table. */
static struct dl_verb_dict *dict_alloc(void)
{
    struct dl_verb_dict *d = calloc(1, sizeof *d);
    if (!d)
        return dl_xmalloc(1);   /* aborts */
    d->closed = dl_clause_words_new();
    return d;
}

struct dl_verb_dict *dl_verb_dict_new(const char *cameo_tsv, char **err)
{
    struct dl_verb_dict *d = dict_alloc();
    if (dl_cameo_load(&d->cameo, cameo_tsv, err) != 0) {
        dl_verb_dict_free(d);
        return NULL;
    }
    return d;
}

struct dl_verb_dict *dl_verb_dict_load(const char *dir, char **err)
{
    return load(dir, 0, err);
}

struct dl_verb_dict *dl_verb_dict_load_lenient(const char *dir, char **err)
{
    return load(dir, 1, err);
}

static struct dl_verb_dict *load(const char *dir, int lenient, char **err)
{
    struct dl_verb_dict *d = dict_alloc();
    d->lenient = lenient;
    dl_buf path = DL_BUF_INIT;
    dl_buf_printf(&path, "%s/cameo.tsv", dir);
    if (dl_cameo_load(&d->cameo, path.p, err) != 0) {
        dl_buf_free(&path);
        dl_verb_dict_free(d);
        return NULL;
    }
    dl_buf_clear(&path);
    dl_buf_printf(&path, "%s/verbs", dir);
    DIR *dp = opendir(path.p);
    if (!dp) {
        *err = errf(path.p, 0, "%s", strerror(errno));
        dl_buf_free(&path);
        dl_verb_dict_free(d);
        return NULL;
    }
    char **names = NULL;
    size_t nn = 0;
    struct dirent *de;
    while ((de = readdir(dp))) {
        size_t l = strlen(de->d_name);
        if (l > 4 && strcmp(de->d_name + l - 4, ".txt") == 0) {
            names = dl_xrealloc(names, (nn + 1) * sizeof *names);
            names[nn++] = dl_xstrdup(de->d_name);
        }
    }
    closedir(dp);
    qsort(names, nn, sizeof *names, cmp_str);
    int rc = 0;
    for (size_t i = 0; i < nn; i++) {
        dl_buf fp = DL_BUF_INIT, label = DL_BUF_INIT;
        dl_buf_printf(&fp, "%s/%s", path.p, names[i]);
        dl_buf_printf(&label, "verbs/%s", names[i]);
        if (rc == 0)
            rc = dl_verb_dict_add_file(d, fp.p, label.p, err);
        dl_buf_free(&fp);
        dl_buf_free(&label);
        free(names[i]);
    }
    free(names);
    dl_buf_free(&path);
    if (rc == 0)
        rc = dl_verb_dict_finish(d, err);
    if (rc != 0) {
        dl_verb_dict_free(d);
        return NULL;
    }
    return d;
}

static void free_elems(dl_pat_elem *e, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(e[i].h);
        for (size_t a = 0; a < e[i].nalt; a++)
            free(e[i].alt[a]);
        free(e[i].alt);
    }
    free(e);
}

void dl_verb_dict_free(struct dl_verb_dict *d)
{
    if (!d)
        return;
    dl_cameo_free(&d->cameo);
    for (size_t i = 0; i < d->npat; i++) {
        dl_verb_pattern *p = &d->pat[i];
        free(p->id);
        free(p->text);
        free(p->plover_type);
        free(p->plover_mode);
        free_elems(p->pre, p->npre);
        free_elems(p->post, p->npost);
    }
    free(d->pat);
    for (size_t i = 0; i < d->nverb; i++) {
        free(d->verb[i].lemma);
        free(d->verb[i].pat);
    }
    free(d->verb);
    for (size_t i = 0; i < d->ncls; i++) {
        for (size_t m = 0; m < d->cls[i].n; m++)
            free(d->cls[i].member[m]);
        free(d->cls[i].member);
        free(d->cls[i].h);
        for (size_t m = 0; m < d->cls[i].nmerge; m++)
            free(d->cls[i].merge[m]);
        free(d->cls[i].merge);
        free(d->cls[i].name);
        free(d->cls[i].where);
    }
    free(d->cls);
    for (size_t i = 0; i < d->nslot; i++) {
        free(d->slot[i].key);
        free(d->slot[i].hit);
    }
    free(d->slot);
    for (size_t i = 0; i < d->nfiles; i++)
        free(d->files[i]);
    free(d->files);
    dl_wordset_free(d->closed);
    free(d);
}

size_t dl_verb_dict_npatterns(const struct dl_verb_dict *d)
{
    return d ? d->npat : 0;
}

/* ---- TABARI .verbs and PETRARCH CAMEO.*.txt ---- */

/* "[123]" or "[---]" or "[013:012]" at the end of a line: copy the code
 * (the part before ':' -- TABARI's second code is for the passive reading,
 * which our clause analysis handles) and cut the line there. */
static int take_code(char *s, char *code, size_t cap)
{
    char *lb = strrchr(s, '[');
    if (!lb)
        return 0;
    char *rb = strchr(lb, ']');
    if (!rb)
        return 0;
    *rb = 0;
    char *c = lb + 1;
    while (*c == ' ')
        c++;
    char *colon = strchr(c, ':');
    if (colon)
        *colon = 0;
    size_t n = strcspn(c, " ");
    c[n] = 0;
    snprintf(code, cap, "%s", c);
    *lb = 0;
    return 1;
}

/* TABARI words: '_' joins words; a word ending in '_' takes no suffix,
 * which we write as a final '~' (see seq_match_prefix). */
static char *tabari_words(const char *in)
{
    size_t n = strlen(in);
    char *out = dl_xmalloc(2 * n + 2), *w = out;
    for (size_t i = 0; i < n; i++) {
        char ch = in[i];
        if (ch == '_' && (i + 1 == n || in[i + 1] == '_' || in[i + 1] == ' ' || in[i + 1] == '\t')) {
            *w++ = '~';
            continue;
        }
        *w++ = ch;
    }
    *w = 0;
    normalise_words(out);
    return out;
}

int dl_verb_dict_add_tabari(struct dl_verb_dict *d, const char *path, char **err)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        *err = errf(path, 0, "%s", strerror(errno));
        return -1;
    }
    d->files = dl_xrealloc(d->files, (d->nfiles + 1) * sizeof *d->files);
    d->files[d->nfiles++] = dl_xstrdup(path);
    char line[4096];
    int lineno = 0, verb = -1, section = 0;   /* 1 synsets, 2 time */
    int cls = -1;
    char verbcode[16] = "";
    char phrase[256] = "";   /* words after the verb on its line ("CALLED_ON"): part of every pattern */
    while (fgets(line, sizeof line, f)) {
        lineno++;
        line[strcspn(line, "\r\n")] = 0;
        char *s = strip_line(line, ';');
        if (!*s || *s == '#')
            continue;
        char where[512];
        snprintf(where, sizeof where, "%s:%d", path, lineno);
        if (strcmp(s, "<SYNSETS>") == 0) { section = 1; continue; }
        if (strcmp(s, "</SYNSETS>") == 0) { section = 0; continue; }
        if (strcmp(s, "<TIME>") == 0) { section = 2; continue; }
        if (strcmp(s, "</TIME>") == 0) { section = 0; continue; }
        if (section == 2 || *s == '<')
            continue;
        if (*s == '&' && !strchr(s, '[')) {
            char name[128];
            snprintf(name, sizeof name, "%s", s + 1);
            name[strcspn(name, " \t")] = 0;
            for (char *c = name; *c; c++)
                *c = (char)toupper((unsigned char)*c);
            cls = class_index(d, name, where);
            d->cls[cls].defined = 1;
            continue;
        }
        if (*s == '+' && cls >= 0) {
            char *m = tabari_words(s + 1);
            class_add(&d->cls[cls], m);
            d->cls[cls].prefix = 1;
            free(m);
            continue;
        }
        if (strncmp(s, "---", 3) == 0 && s[3] == ' ') {
            /* PETRARCH block: --- NAME ---  [code]; forms follow on their own lines */
            char code[16] = "";
            take_code(s, code, sizeof code);
            snprintf(verbcode, sizeof verbcode, "%s", code);
            char name[64];
            snprintf(name, sizeof name, "%s", s + 4);
            name[strcspn(name, " -")] = 0;
            normalise_words(name);
            verb = name[0] ? foreign_verb(d, name) : -1;
            cls = -1;
            phrase[0] = 0;
            continue;
        }
        if (*s == '{') {
            /* explicit forms of the current verb */
            if (verb < 0)
                continue;
            char *save = NULL;
            for (char *w = strtok_r(s, "{} \t", &save); w; w = strtok_r(NULL, "{} \t", &save)) {
                char *x = dl_xstrdup(w);
                normalise_words(x);
                size_t xl = strlen(x);
                int kind = xl > 3 && !strcmp(x + xl - 3, "ing") ? DL_VF_ING
                         : xl > 2 && !strcmp(x + xl - 2, "ed") ? DL_VF_PAST | DL_VF_PP
                         : DL_VF_BASE | DL_VF_3SG;
                add_form(d, x, verb, kind);
                free(x);
            }
            continue;
        }
        if (*s == '-') {
            if (verb < 0) {
                fclose(f);
                *err = errf(path, lineno, "%spattern before any verb", "");
                return -1;
            }
            char code[16] = "";
            if (!take_code(s, code, sizeof code)) {
                fclose(f);
                *err = errf(path, lineno, "%spattern without [code]", "");
                return -1;
            }
            int pi = add_foreign_pattern(d, where, verb, code);
            dl_verb_pattern *p = &d->pat[pi];
            char *body = s + 1;
            while (*body == ' ')
                body++;
            p->text = dl_xstrdup(body);
            char *tmp;
            if (phrase[0]) {
                /* put the phrase words right after the verb: "$ *" -> "$ * =on" */
                dl_buf b = DL_BUF_INIT;
                const char *star = strchr(body, '*');
                if (star) {
                    dl_buf_add(&b, body, (size_t)(star - body + 1));
                    dl_buf_printf(&b, " %s %s", phrase, star + 1);
                } else
                    dl_buf_adds(&b, body);
                tmp = dl_buf_take(&b);
            } else
                tmp = dl_xstrdup(body);
            const char *e = parse_pattern(d, p, tmp, 1);
            free(tmp);
            if (e) {
                fclose(f);
                *err = errf(path, lineno, "%s", e);
                free(p->id);
                free(p->text);
                d->npat--;
                return -1;
            }
            verb_add_pattern(d, verb, pi);
            continue;
        }
        /* a verb line: WORD [code], or (PETRARCH) a bare form of the block's verb */
        char code[16] = "";
        int has = take_code(s, code, sizeof code);
        char name[128];
        snprintf(name, sizeof name, "%s", s);
        normalise_words(name);
        if (!name[0])
            continue;
        if (!has && verb >= 0 && verbcode[0]) {
            add_form(d, name, verb, DL_VF_BASE | DL_VF_PAST | DL_VF_PP | DL_VF_3SG | DL_VF_ING);
            continue;
        }
        cls = -1;
        verbcode[0] = 0;
        /* "RESTOR [064]": a stem matching any word it begins; "ACT_": that
         * word only; "REESTABLISH DIPLOMATIC [064]": the verb and a word */
        char *words = tabari_words(s);
        char *space = strchr(words, ' ');
        if (space)
            *space = 0;
        size_t wl = strlen(words);
        int exact = wl > 0 && words[wl - 1] == '~';
        if (exact)
            words[--wl] = 0;
        if (!wl) {
            free(words);
            continue;
        }
        verb = foreign_verb(d, words);
        if (exact) {
            /* "DEPART_": the word and the endings TABARI allows it */
            add_verb_forms(d, verb, words, NULL, NULL);
            static const char *const endings[] = {"s", "es", "d", "ed", "en", "ing", NULL};
            for (int k = 0; endings[k]; k++) {
                char f[96];
                snprintf(f, sizeof f, "%s%s", words, endings[k]);
                add_form(d, f, verb, k >= 2 && k <= 4 ? DL_VF_PAST | DL_VF_PP : k == 5 ? DL_VF_ING : DL_VF_3SG);
            }
        }
        else {
            add_form(d, words, verb, DL_VF_STEM | DL_VF_BASE | DL_VF_PAST | DL_VF_PP | DL_VF_3SG | DL_VF_ING);
            d->nstems++;
        }
        char rest[512] = "*";
        phrase[0] = 0;
        if (space) {
            /* the other words of the line follow the verb, adjacent */
            dl_buf pb = DL_BUF_INIT;
            char *save2 = NULL;
            for (char *w = strtok_r(space + 1, " ", &save2); w; w = strtok_r(NULL, " ", &save2))
                dl_buf_printf(&pb, "%s=%s_", pb.len ? " " : "", w);
            /* '_' after each word keeps our TABARI parser from splitting
             * it; strip it back to words */
            snprintf(phrase, sizeof phrase, "%s", pb.p ? pb.p : "");
            dl_buf_free(&pb);
            for (char *r = phrase; *r; r++)
                if (*r == '_')
                    *r = ' ';
            snprintf(rest, sizeof rest, "* %s", phrase);
        }
        free(words);
        if (has) {
            int pi = add_foreign_pattern(d, where, verb, code);
            dl_verb_pattern *p = &d->pat[pi];
            p->text = dl_xstrdup(rest);
            /* the words were already normalised: '~' marks an exact word,
             * and spaces separate words that may have others between them */
            parse_pattern(d, p, rest, 2);
            verb_add_pattern(d, verb, pi);
        }
    }
    fclose(f);
    for (size_t i = 0; i < d->npat; i++) {
        dl_verb_pattern *p = &d->pat[i];
        if ((p->flags & DL_PF_FOREIGN) && !p->cameo && !(p->flags & DL_PF_NOEVENT))
            p->cameo = dl_cameo_find(&d->cameo, p->code);
    }
    for (size_t i = 0; i < d->ncls; i++)
        if (!d->cls[i].defined) {
            *err = errf(d->cls[i].where, 0, "undefined synset &%s", d->cls[i].name);
            return -1;
        }
    expand_class_refs(d);
    merge_unions(d);
    dl_verb_dict_index(d);
    return 0;
}
