/* dict.c -- loading the actor dictionary: our own format (files in dict/actors/,
 * see docs/dictionaries-actors.md), the generated country table
 * (data/countries/countries.tsv) and TABARI/PETRARCH actor and agent files;
 * and the token trie they are compiled into. */
#include "actor.h"
#include "dict.h"
#include "../text/text.h"
#include "../util/buf.h"
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdarg.h>

/* Set *err to a formatted message (the caller frees it); returns -1. */
static int errf(char **err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int errf(char **err, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char *m = NULL;
    if (vasprintf(&m, fmt, ap) < 0) m = NULL;
    va_end(ap);
    *err = m ? m : dl_xstrdup("out of memory");
    return -1;
}

/* ---- trie ---- */

/* An edge's hash: the token's own hash (dl_hash32, which the tokenizer
 * already computed for text tokens) mixed with the parent node. */
static uint32_t mix_edge(uint32_t parent, uint32_t tokhash) {
    uint32_t h = (tokhash ^ (parent * 0x9e3779b1u)) * 0x85ebca6bu;
    h ^= h >> 15;
    return h ? h : 1;
}

static uint32_t hash_edge(uint32_t parent, const char *s, size_t n) {
    return mix_edge(parent, dl_hash32(s, n));
}

static int32_t find_edge_h(const dl_actor_dict *d, uint32_t parent, const char *tok, size_t n, int stem, uint32_t h) {
    if (!d->capedges) return -1;
    size_t mask = d->capedges - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        const dl_trie_edge *e = &d->edges[i];
        if (!e->tok) return -1;
        if (e->hash == h && e->parent == parent && e->stem == stem && e->len == n && !memcmp(e->tok, tok, n))
            return (int32_t)e->child;
    }
}

static int32_t find_edge(const dl_actor_dict *d, uint32_t parent, const char *tok, size_t n, int stem) {
    return find_edge_h(d, parent, tok, n, stem, hash_edge(parent, tok, n));
}

int32_t dl_trie_child_tok(const dl_actor_dict *d, uint32_t parent, const dl_token *t) {
    return find_edge_h(d, parent, t->norm, t->norm_len, 0, mix_edge(parent, t->hash));
}

int32_t dl_trie_child(const dl_actor_dict *d, uint32_t parent, const char *tok, size_t n) {
    return find_edge(d, parent, tok, n, 0);
}

/* TABARI stems: the longest stem that begins tok. */
int32_t dl_trie_child_stem(const dl_actor_dict *d, uint32_t parent, const char *tok, size_t n) {
    if (!d->has_stems) return -1;
    for (size_t k = n; k >= 2; k--) {
        int32_t c = find_edge(d, parent, tok, k, 1);
        if (c >= 0) return c;
    }
    return -1;
}

static uint32_t new_node(dl_actor_dict *d) {
    if (d->nnodes == d->capnodes) {
        d->capnodes = d->capnodes ? d->capnodes * 2 : 4096;
        d->node_alias = dl_xrealloc(d->node_alias, d->capnodes * sizeof *d->node_alias);
    }
    d->node_alias[d->nnodes] = -1;
    return (uint32_t)d->nnodes++;
}

static void grow_edges(dl_actor_dict *d) {
    size_t old = d->capedges;
    dl_trie_edge *ov = d->edges;
    d->capedges = old ? old * 2 : 8192;
    d->edges = calloc(d->capedges, sizeof *d->edges);
    if (!d->edges) { fprintf(stderr, "dateline: out of memory\n"); exit(3); }
    size_t mask = d->capedges - 1;
    for (size_t i = 0; i < old; i++) {
        if (!ov[i].tok) continue;
        size_t j = ov[i].hash & mask;
        while (d->edges[j].tok) j = (j + 1) & mask;
        d->edges[j] = ov[i];
    }
    free(ov);
}

static uint32_t child_or_add(dl_actor_dict *d, uint32_t parent, const char *tok, size_t n, int stem) {
    int32_t c = find_edge(d, parent, tok, n, stem);
    if (c >= 0) return (uint32_t)c;
    if ((d->nedges + 1) * 2 > d->capedges) grow_edges(d);
    uint32_t h = hash_edge(parent, tok, n);
    size_t mask = d->capedges - 1, i = h & mask;
    while (d->edges[i].tok) i = (i + 1) & mask;
    uint32_t child = new_node(d);
    d->edges[i] = (dl_trie_edge){parent, child, h, (uint8_t)stem, (uint32_t)n, dl_arena_strndup(d->mem, tok, n)};
    d->nedges++;
    if (stem) d->has_stems = 1;
    return child;
}

/* ---- entries and aliases ---- */

static const char *const role_codes[] = {
    "COP", "GOV", "INS", "JUD", "MIL", "OPP", "REB", "SEP", "SPY", "UAF", "PTY", "AGR", "BUS",
    "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "LEG", "MED", "REF", "MOD",
    "RAD", "PKO", "SET", "MNC", "NGM", "INT", "UIS", NULL};

void dl_code_split(const char *code, char country[4], const char **roles) {
    country[0] = 0;
    *roles = code;
    if (strlen(code) < 3) return;
    for (int i = 0; i < 3; i++) if (!isupper((unsigned char)code[i])) return;
    for (int i = 0; role_codes[i]; i++) if (!strncmp(code, role_codes[i], 3)) return;
    memcpy(country, code, 3);
    country[3] = 0;
    *roles = code + 3;
}

uint32_t dl_dict_add_entry(dl_actor_dict *d, const dl_actor_entry *p) {
    if (d->ne == d->cape) {
        d->cape = d->cape ? d->cape * 2 : 1024;
        d->e = dl_xrealloc(d->e, d->cape * sizeof *d->e);
    }
    dl_actor_entry *e = &d->e[d->ne];
    *e = *p;
    const char *code = p->code ? p->code : "";
    char country[4];
    const char *roles;
    dl_code_split(code, country, &roles);
    e->code = dl_arena_strdup(d->mem, code);
    e->country = dl_arena_strdup(d->mem, country);
    e->roles = e->code + (roles - code);
    e->name = dl_arena_strdup(d->mem, p->name ? p->name : "");
    e->id = dl_arena_strdup(d->mem, p->id ? p->id : "");
    e->region = p->region ? dl_arena_strdup(d->mem, p->region) : "";
    e->subregion = p->subregion ? dl_arena_strdup(d->mem, p->subregion) : "";
    return (uint32_t)d->ne++;
}

static int is_ignored(const dl_actor_dict *d, const char *folded) {
    for (size_t i = 0; i < d->nignore; i++) if (!strcmp(d->ignore[i], folded)) return 1;
    return 0;
}

int dl_dict_add_alias(dl_actor_dict *d, uint32_t ei, const char *text, size_t n, int exact, int stem_last) {
    if (!d->scratch) d->scratch = dl_arena_new(1 << 14);
    dl_arena *tmp = d->scratch;
    dl_arena_reset(tmp);
    dl_tokens t = {0};
    dl_tokenize(tmp, text, 0, n, &t);
    int rc = -1;
    if (t.n == 0 || t.n > 32) goto out;
    uint32_t node = 0;
    dl_actor_alias al = {ei, -1, (uint16_t)t.n, (uint8_t)exact, 0, 0, 0, 0};
    for (size_t i = 0; i < t.n; i++) {
        const dl_token *k = &t.v[i];
        node = child_or_add(d, node, k->norm, k->norm_len, stem_last && i + 1 == t.n);
        if (k->flags & (DL_TF_CAP | DL_TF_UPPER)) al.cap_mask |= 1u << i;
        if (exact && (k->flags & DL_TF_UPPER) && k->end - k->start > 1) al.upper_mask |= 1u << i;
        if (exact && (k->kind == DL_TOK_WORD) && !(k->flags & DL_TF_CAP)) al.lower_mask |= 1u << i;
    }
    if (d->na == d->capa) {
        d->capa = d->capa ? d->capa * 2 : 4096;
        d->a = dl_xrealloc(d->a, d->capa * sizeof *d->a);
    }
    /* Keep file order among aliases of one node: append at the tail. */
    int32_t *link = &d->node_alias[node];
    while (*link >= 0) link = &d->a[*link].next;
    *link = (int32_t)d->na;
    d->a[d->na++] = al;
    rc = 0;
out:
    return rc;
}

/* The generated entry (it has the region) wins over hand-written aliases. */
void dl_dict_add_surnames(dl_actor_dict *d) {
    size_t ne = d->ne;
    for (size_t i = 0; i < ne; i++) {
        if (d->e[i].type != DL_ET_PERSON) continue;
        const char *sp = strrchr(d->e[i].name, ' ');
        if (!sp || strlen(sp + 1) < 3) continue;
        size_t before = d->na;
        if (dl_dict_add_alias(d, (uint32_t)i, sp + 1, strlen(sp + 1), 0, 0) == 0 && d->na > before)
            d->a[d->na - 1].title_only = 1;
    }
}

static int country_slot(const char *c) {
    if (strlen(c) != 3) return -1;
    int k = 0;
    for (int i = 0; i < 3; i++) {
        if (c[i] < 'A' || c[i] > 'Z') return -1;
        k = k * 26 + (c[i] - 'A');
    }
    return k;
}

/* A direct-mapped index AAA..ZZZ -> country entry, built after loading. */
static void index_countries(dl_actor_dict *d) {
    free(d->country_at);
    d->country_at = dl_xmalloc(26 * 26 * 26 * sizeof *d->country_at);
    for (int i = 0; i < 26 * 26 * 26; i++) d->country_at[i] = -1;
    for (size_t i = 0; i < d->ne; i++) {
        int k = d->e[i].type == DL_ET_COUNTRY ? country_slot(d->e[i].code) : -1;
        if (k < 0) continue;
        int32_t cur = d->country_at[k];
        if (cur < 0 || (!d->e[cur].region[0] && d->e[i].region[0])) d->country_at[k] = (int32_t)i;
    }
}

const dl_actor_entry *dl_dict_country(const dl_actor_dict *d, const char *alpha3) {
    if (d->country_at) {
        int k = country_slot(alpha3);
        return k >= 0 && d->country_at[k] >= 0 ? &d->e[d->country_at[k]] : NULL;
    }
    const dl_actor_entry *any = NULL;
    for (size_t i = 0; i < d->ne; i++)
        if (d->e[i].type == DL_ET_COUNTRY && !strcmp(d->e[i].code, alpha3)) {
            if (d->e[i].region[0]) return &d->e[i];
            if (!any) any = &d->e[i];
        }
    return any;
}

/* Read up to `max` digits; returns the number of digits read. */
static int digits(const char **p, const char *end, int max, int *out) {
    int n = 0, v = 0;
    while (*p < end && n < max && **p >= '0' && **p <= '9') { v = v * 10 + (**p - '0'); (*p)++; n++; }
    *out = v;
    return n;
}

int dl_dict_parse_day(const char *s, size_t n, int end, long *out) {
    const char *p = s, *e = s + n;
    int y, m = 0, dd = 0;
    if (digits(&p, e, 4, &y) != 4) return -1;
    if (p < e && *p == '-') {
        p++;
        if (digits(&p, e, 2, &m) < 1) return -1;
        if (p < e && *p == '-') {
            p++;
            if (digits(&p, e, 2, &dd) < 1) return -1;
        }
    }
    if (p != e) return -1;
    if (!m) m = end ? 12 : 1;
    if (!dd) dd = end ? dl_days_in_month(y, m) : 1;
    if (!dl_date_valid(y, m, dd)) return -1;
    *out = dl_days_from_civil(y, m, dd);
    return 0;
}

/* ---- our format ---- */

static char *trim(char *s) {
    while (*s == ' ' || *s == '\t') s++;
    char *e = s + strlen(s);
    while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' || e[-1] == '\n')) *--e = 0;
    return s;
}

static const struct { const char *name; int type; } kind_names[] = {
    {"country", DL_ET_COUNTRY}, {"demonym", DL_ET_DEMONYM}, {"seat", DL_ET_SEAT},
    {"person", DL_ET_PERSON}, {"org", DL_ET_ORG}, {"group", DL_ET_GROUP},
    {"agent", DL_ET_AGENT}, {"title", DL_ET_TITLE}, {"domain", DL_ET_DOMAIN},
    {"region", DL_ET_REGION}, {"ignore", DL_ET_IGNORE}, {"block", DL_ET_BLOCK}, {NULL, 0}};
static const struct { const char *name; int flag; } flag_names[] = {
    {"weak", DL_EF_WEAK}, {"personal", DL_EF_PERSONAL}, {"honorific", DL_EF_HONORIFIC},
    {"modifier", DL_EF_MODIFIER}, {"land", DL_EF_LAND}, {"adjective", DL_EF_ADJECTIVE}, {"building", DL_EF_BUILDING}, {NULL, 0}};


/* One line of a dict/actors file:  CODE KIND[/FLAG...] NAME | ALIAS ... [FROM..TO] # comment */
static int parse_line(dl_actor_dict *d, char *line, const char *file, size_t lineno, char **err) {
    char *hash = strstr(line, " #");
    if (hash) *hash = 0;
    char *s = trim(line);
    if (!*s || *s == '#') return 0;
    char *code = s;
    while (*s && *s != ' ' && *s != '\t') s++;
    if (!*s) return errf(err, "%s:%zu: expected CODE KIND NAMES", file, lineno);
    *s++ = 0;
    s = trim(s);
    char *kind = s;
    while (*s && *s != ' ' && *s != '\t') s++;
    if (*s) *s++ = 0;
    char *names = trim(s);

    dl_actor_entry p = {0};
    p.from = LONG_MIN;
    p.to = LONG_MAX;
    char *slash = strchr(kind, '/');
    if (slash) *slash++ = 0;
    for (int i = 0; kind_names[i].name; i++) if (!strcmp(kind, kind_names[i].name)) p.type = (uint16_t)kind_names[i].type;
    if (!p.type) return errf(err, "%s:%zu: unknown kind \"%s\"", file, lineno, kind);
    while (slash && *slash) {
        char *next = strchr(slash, '/');
        if (next) *next++ = 0;
        int ok = 0;
        for (int i = 0; flag_names[i].name; i++)
            if (!strcmp(slash, flag_names[i].name)) { p.flags |= (uint16_t)flag_names[i].flag; ok = 1; }
        if (!ok) return errf(err, "%s:%zu: unknown flag \"%s\"", file, lineno, slash);
        slash = next;
    }
    /* Optional date range at the end: [FROM..TO], either side may be empty. */
    char *br = strrchr(names, '[');
    if (br) {
        char *close = strchr(br, ']');
        char *dots = strstr(br, "..");
        if (!close || !dots || dots > close) return errf(err, "%s:%zu: bad date range %s", file, lineno, br);
        *close = 0;
        char *f = trim(br + 1), *t = dots + 2;
        *dots = 0;
        f = trim(f);
        t = trim(t);
        if (*f && dl_dict_parse_day(f, strlen(f), 0, &p.from)) return errf(err, "%s:%zu: bad date \"%s\"", file, lineno, f);
        if (*t && dl_dict_parse_day(t, strlen(t), 1, &p.to)) return errf(err, "%s:%zu: bad date \"%s\"", file, lineno, t);
        if (p.from > p.to) return errf(err, "%s:%zu: date range ends before it starts", file, lineno);
        *br = 0;
        names = trim(names);
    }
    if (!*names) return errf(err, "%s:%zu: no names", file, lineno);

    char id[400];
    snprintf(id, sizeof id, "%.300s:%zu", file, lineno);
    char *first_bar = strchr(names, '|');
    char canon[256];
    size_t cl = first_bar ? (size_t)(first_bar - names) : strlen(names);
    if (cl >= sizeof canon) cl = sizeof canon - 1;
    memcpy(canon, names, cl);
    canon[cl] = 0;
    char *cn = trim(canon);
    if (*cn == '=') cn++;

    if (p.type == DL_ET_IGNORE) {
        for (char *a = strtok(names, "|"); a; a = strtok(NULL, "|")) {
            a = trim(a);
            dl_buf f = DL_BUF_INIT;
            dl_fold(a, strlen(a), &f);
            if (d->nignore == d->capignore) {
                d->capignore = d->capignore ? d->capignore * 2 : 32;
                d->ignore = dl_xrealloc(d->ignore, d->capignore * sizeof *d->ignore);
            }
            d->ignore[d->nignore++] = dl_arena_strdup(d->mem, f.p ? f.p : "");
            dl_buf_free(&f);
        }
        return 0;
    }
    char reg[64];
    if (p.type == DL_ET_REGION) {
        /* code field: the world-countries region or subregion, '_' for space */
        snprintf(reg, sizeof reg, "%s", code);
        for (char *q = reg; *q; q++) if (*q == '_') *q = ' ';
        p.region = reg;
        code = "";
    } else {
        if (p.type == DL_ET_BLOCK && !strcmp(code, "-")) code = "";
        if (*code == '~') code++;   /* agents: roles only */
        for (char *q = code; *q; q++)
            if (!isupper((unsigned char)*q) && !isdigit((unsigned char)*q))
                return errf(err, "%s:%zu: bad code \"%s\" (A-Z, 0-9 only)", file, lineno, code);
    }
    p.code = code;
    p.name = cn;
    p.id = id;
    uint32_t ei = dl_dict_add_entry(d, &p);
    for (char *a = strtok(names, "|"); a; a = strtok(NULL, "|")) {
        a = trim(a);
        int exact = *a == '=';
        if (exact) a++;
        if (!*a) continue;
        if (dl_dict_add_alias(d, ei, a, strlen(a), exact, 0))
            return errf(err, "%s:%zu: alias \"%s\" has no tokens or too many", file, lineno, a);
    }
    return 0;
}

static int load_file(dl_actor_dict *d, const char *path, const char *label, char **err) {
    FILE *f = fopen(path, "r");
    if (!f) {
        errf(err, "%s: cannot open: %s", path, strerror(errno));
        return -1;
    }
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    ssize_t len;
    int rc = 0;
    while ((len = getline(&line, &cap, f)) >= 0) {
        lineno++;
        if (parse_line(d, line, label, lineno, err)) { rc = -1; break; }
    }
    free(line);
    fclose(f);
    return rc;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* ---- data/countries/countries.tsv ---- */

static void add_aliases_unless_ignored(dl_actor_dict *d, uint32_t ei, char *list) {
    for (char *a = strtok(list, ";"); a; a = strtok(NULL, ";")) {
        if (!*a) continue;
        dl_buf f = DL_BUF_INIT;
        dl_fold(a, strlen(a), &f);
        int skip = is_ignored(d, f.p ? f.p : "");
        dl_buf_free(&f);
        if (!skip) dl_dict_add_alias(d, ei, a, strlen(a), 0, 0);
    }
}

static int load_countries(dl_actor_dict *d, const char *path, char **err) {
    FILE *f = fopen(path, "r");
    if (!f) {
        errf(err, "%s: cannot open: %s (run `make data`?)", path, strerror(errno));
        return -1;
    }
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    int rc = 0;
    while (getline(&line, &cap, f) >= 0) {
        lineno++;
        if (line[0] == '#' || !strncmp(line, "alpha3\t", 7)) continue;
        char *fld[9];
        int nf = 0;
        char *p = line;
        while (nf < 9) {
            fld[nf++] = p;
            char *tab = strchr(p, '\t');
            if (!tab) break;
            *tab = 0;
            p = tab + 1;
        }
        if (nf < 9 || strlen(fld[0]) != 3) {
            errf(err, "%s:%zu: expected 9 tab-separated fields", path, lineno);
            rc = -1;
            break;
        }
        trim(fld[8]);
        char id[64];
        snprintf(id, sizeof id, "data/countries/countries.tsv:%zu", lineno);
        dl_actor_entry c = {.code = fld[0], .name = fld[2], .id = id, .region = fld[6], .subregion = fld[7],
                            .from = LONG_MIN, .to = LONG_MAX, .type = DL_ET_COUNTRY};
        uint32_t ci = dl_dict_add_entry(d, &c);
        add_aliases_unless_ignored(d, ci, fld[3]);
        if (*fld[4] && strcmp(fld[8], "territory")) {   /* "French" is France, not its territories */
            /* The people by their plural demonym ("Palestinians",
             * "Israelis", "Afghans") act for their country, as a bare
             * country name does; only -n and -i demonyms take a plain -s
             * ("Chinese", "French", "Swiss" have no such plural). */
            dl_buf plurals = DL_BUF_INIT;
            for (const char *a = fld[4]; *a;) {
                size_t n = strcspn(a, ";");
                if (n > 2 && (a[n - 1] == 'n' || a[n - 1] == 'i')) {
                    if (plurals.len) dl_buf_addc(&plurals, ';');
                    dl_buf_add(&plurals, a, n);
                    dl_buf_addc(&plurals, 's');
                }
                a += n;
                if (*a == ';') a++;
            }
            dl_actor_entry dm = c;
            dm.type = DL_ET_DEMONYM;
            uint32_t di = dl_dict_add_entry(d, &dm);
            add_aliases_unless_ignored(d, di, fld[4]);
            if (plurals.len) {
                uint32_t pi = dl_dict_add_entry(d, &c);
                add_aliases_unless_ignored(d, pi, plurals.p);
            }
            dl_buf_free(&plurals);
        }
        /* Capitals of territories are rarely a government that acts. */
        if (*fld[5] && strcmp(fld[8], "territory")) {
            char gov[8];
            snprintf(gov, sizeof gov, "%sGOV", fld[0]);
            dl_actor_entry s = c;
            s.type = DL_ET_SEAT;
            s.code = gov;
            s.name = fld[2];
            uint32_t si = dl_dict_add_entry(d, &s);
            add_aliases_unless_ignored(d, si, fld[5]);
        }
    }
    free(line);
    fclose(f);
    return rc;
}

static dl_actor_dict *dict_new(void) {
    dl_actor_dict *d = calloc(1, sizeof *d);
    if (!d) { fprintf(stderr, "dateline: out of memory\n"); exit(3); }
    d->mem = dl_arena_new(1 << 16);
    d->words = dl_actor_words_new();
    new_node(d);   /* root */
    return d;
}

struct dl_actor_dict *dl_actor_dict_load(const char *dir, char **err) {
    *err = NULL;
    dl_actor_dict *d = dict_new();
    char path[4096];
    snprintf(path, sizeof path, "%s/actors", dir);
    DIR *dd = opendir(path);
    if (!dd) {
        errf(err, "%s: cannot open actor dictionary directory: %s", path, strerror(errno));
        dl_actor_dict_free(d);
        return NULL;
    }
    char **files = NULL;
    size_t nf = 0;
    struct dirent *de;
    while ((de = readdir(dd))) {
        size_t l = strlen(de->d_name);
        if (l > 4 && !strcmp(de->d_name + l - 4, ".txt") && de->d_name[0] != '.') {
            files = dl_xrealloc(files, (nf + 1) * sizeof *files);
            files[nf++] = dl_xstrdup(de->d_name);
        }
    }
    closedir(dd);
    qsort(files, nf, sizeof *files, cmp_str);   /* file order decides ties */
    int rc = 0;
    for (size_t i = 0; i < nf && !rc; i++) {
        char fp[4400], label[300];
        snprintf(fp, sizeof fp, "%.4000s/%.300s", path, files[i]);
        snprintf(label, sizeof label, "dict/actors/%.200s", files[i]);
        rc = load_file(d, fp, label, err);
    }
    for (size_t i = 0; i < nf; i++) free(files[i]);
    free(files);
    if (!rc) {
        snprintf(path, sizeof path, "%s/../data/countries/countries.tsv", dir);
        rc = load_countries(d, path, err);
    }
    if (rc) { dl_actor_dict_free(d); return NULL; }
    dl_dict_add_surnames(d);
    index_countries(d);
    return d;
}

void dl_actor_dict_free(struct dl_actor_dict *d) {
    if (!d) return;
    free(d->e);
    free(d->a);
    free(d->node_alias);
    free(d->edges);
    free(d->ignore);
    free(d->country_at);
    dl_wordset_free(d->words);
    if (d->scratch) dl_arena_free(d->scratch);
    dl_arena_free(d->mem);
    free(d);
}

/* ---- TABARI / PETRARCH ---- */

/* TABARI dates are YYMMDD (two-digit years: 00-39 -> 20xx), PETRARCH's
 * YYYYMMDD. */
static int tabari_day(const char *s, size_t n, long *out) {
    if (n != 6 && n != 8) return -1;
    for (size_t i = 0; i < n; i++) if (!isdigit((unsigned char)s[i])) return -1;
    int y;
    if (n == 6) { y = (s[0] - '0') * 10 + (s[1] - '0'); y += y < 40 ? 2000 : 1900; s += 2; }
    else { y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0'); s += 4; }
    int m = (s[0] - '0') * 10 + (s[1] - '0');
    int dd = (s[2] - '0') * 10 + (s[3] - '0');
    if (!dl_date_valid(y, m, dd)) return -1;
    *out = dl_days_from_civil(y, m, dd);
    return 0;
}

typedef struct tabari_group {
    char *names[64]; size_t nnames;
    struct { char code[40]; long from, to; } blocks[16]; size_t nblocks;
    size_t line;
} tabari_group;

/* Parse "[CODE]" / "[CODE <YYMMDD]" / "[CODE >YYMMDD]" / "[CODE D1-D2]". */
static int tabari_block(const char *b, size_t n, tabari_group *g) {
    char buf[128];
    if (n >= sizeof buf || g->nblocks == 16) return -1;
    memcpy(buf, b, n);
    buf[n] = 0;
    char *code = trim(buf), *date = code;
    while (*date && *date != ' ' && *date != '\t') date++;
    if (*date) *date++ = 0;
    date = trim(date);
    long from = LONG_MIN, to = LONG_MAX;
    /* TABARI writes "<950601", "< 950601", "950601-990815" and
     * "950601 - 990815" alike: spaces around the operators do not matter */
    if (*date == '<') { char *t = trim(date + 1); if (tabari_day(t, strlen(t), &to)) return -1; to--; }
    else if (*date == '>') { char *t = trim(date + 1); if (tabari_day(t, strlen(t), &from)) return -1; from++; }
    else if (*date) {
        char *dash = strchr(date, '-');
        if (!dash) return -1;
        *dash = 0;
        char *a = trim(date), *z = trim(dash + 1);
        if (tabari_day(a, strlen(a), &from) || tabari_day(z, strlen(z), &to)) return -1;
    }
    if (strlen(code) >= sizeof g->blocks[0].code) return -1;
    snprintf(g->blocks[g->nblocks].code, sizeof g->blocks[0].code, "%s", code);
    g->blocks[g->nblocks].from = from;
    g->blocks[g->nblocks].to = to;
    g->nblocks++;
    return 0;
}

static void tabari_flush(dl_actor_dict *d, tabari_group *g, const char *label, int is_agents) {
    for (size_t b = 0; b < g->nblocks && g->nnames; b++) {
        const char *code = g->blocks[b].code;
        if (!strcmp(code, "---") || !strcmp(code, "###") || !*code) continue;
        dl_actor_entry p = {.from = g->blocks[b].from, .to = g->blocks[b].to};
        char cbuf[40];
        size_t cl = strlen(code);
        if (code[0] == '~') { snprintf(cbuf, sizeof cbuf, "%s", code + 1); p.type = DL_ET_AGENT; }
        else if (cl && code[cl - 1] == '~') {
            snprintf(cbuf, sizeof cbuf, "%.*s", (int)(cl - 1), code);
            p.type = DL_ET_AGENT;
            p.flags = DL_EF_PREFIX;
        } else { snprintf(cbuf, sizeof cbuf, "%s", code); p.type = is_agents ? DL_ET_AGENT : DL_ET_ORG; }
        int ok = 1;
        for (char *q = cbuf; *q; q++) if (!isalnum((unsigned char)*q)) ok = 0;
        if (!ok) continue;
        p.code = cbuf;
        char name[256], id[400];
        snprintf(name, sizeof name, "%s", g->names[0]);
        for (char *q = name; *q; q++) if (*q == '_') *q = ' ';
        p.name = trim(name);
        snprintf(id, sizeof id, "%s:%zu", label, g->line);
        p.id = id;
        /* A TABARI actor whose code is a bare three-letter geographic code
         * (a real country, or a fictional one as in TABARI's own suite:
         * "CALENARDHON [CAL]") is coded as a country, so that agents
         * compose with it ("the Calenardhon government" -> CALGOV).
         * IGO/NGO and role codes are not geographic. */
        if (p.type == DL_ET_ORG && strlen(cbuf) == 3) {
            char cc[4];
            const char *rest;
            dl_code_split(cbuf, cc, &rest);
            if (dl_dict_country(d, cbuf) || (cc[0] && strcmp(cc, "IGO") && strcmp(cc, "NGO") && strcmp(cc, "IMG")))
                p.type = DL_ET_COUNTRY;
        }
        uint32_t ei = dl_dict_add_entry(d, &p);
        for (size_t k = 0; k < g->nnames; k++) {
            char al[256];
            snprintf(al, sizeof al, "%s", g->names[k]);
            size_t l = strlen(al);
            int stem = !(l && al[l - 1] == '_');
            for (char *q = al; *q; q++) *q = *q == '_' ? ' ' : (char)tolower((unsigned char)*q);
            char *t = trim(al);
            if (*t) dl_dict_add_alias(d, ei, t, strlen(t), 0, stem);
        }
    }
    for (size_t k = 0; k < g->nnames; k++) free(g->names[k]);
    memset(g, 0, sizeof *g);
}

int dl_actor_dict_add_tabari(struct dl_actor_dict *d, const char *path, int is_agents, char **err) {
    *err = NULL;
    FILE *f = fopen(path, "r");
    if (!f) {
        errf(err, "%s: cannot open: %s", path, strerror(errno));
        return -1;
    }
    const char *label = path;
    tabari_group g = {0};
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    int in_section = 0, rc = 0;
    while (getline(&line, &cap, f) >= 0) {
        lineno++;
        char *semi = strchr(line, ';');
        if (semi) *semi = 0;
        char *s = trim(line);
        if (!*s || *s == '#') continue;
        if (*s == '<') {   /* <NOUN> ... </NOUN> word-class sections: not actors */
            in_section = s[1] != '/';
            continue;
        }
        if (in_section) continue;
        if (strchr(s, '!')) continue;   /* PETRARCH substitution patterns: not supported */
        if (*s == '+') {   /* PETRARCH synonym of the current entry */
            if (g.nnames < 64) g.names[g.nnames++] = dl_xstrdup(trim(s + 1));
            continue;
        }
        if (*s != '[') {   /* a new entry: NAME [blocks] */
            tabari_flush(d, &g, label, is_agents);
            g.line = lineno;
            char *b = strchr(s, '[');
            char *brace = strchr(s, '{');
            if (brace && (!b || brace < b)) *brace = 0;   /* PETRARCH plural forms */
            size_t nl = b ? (size_t)(b - s) : strlen(s);
            char nm[256];
            if (nl >= sizeof nm) nl = sizeof nm - 1;
            memcpy(nm, s, nl);
            nm[nl] = 0;
            char *t = trim(nm);
            if (!*t) goto bad;
            g.names[g.nnames++] = dl_xstrdup(t);
            s = b ? b : s + strlen(s);
        }
        while (*s == '[') {
            char *close = strchr(s, ']');
            if (!close || tabari_block(s + 1, (size_t)(close - s - 1), &g)) goto bad;
            s = trim(close + 1);
        }
        continue;
    bad: {
            errf(err, "%s:%zu: cannot read this line as a %s entry", path, lineno,
                     is_agents ? "TABARI agent" : "TABARI actor");
            rc = -1;
            break;
        }
    }
    tabari_flush(d, &g, label, is_agents);
    free(line);
    fclose(f);
    index_countries(d);
    return rc;
}
