/* cameo.c -- load dict/cameo.tsv and map codes by modality.  See cameo.h. */
#include "cameo.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include "../util/arena.h"
#include "../util/buf.h"

static char *fmt_err(const char *path, int line, const char *msg)
{
    dl_buf b = DL_BUF_INIT;
    if (line > 0)
        dl_buf_printf(&b, "%s:%d: %s", path, line, msg);
    else
        dl_buf_printf(&b, "%s: %s", path, msg);
    return dl_buf_take(&b);
}

static int all_digits(const char *s, size_t n)
{
    if (n == 0)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

int dl_cameo_load(dl_cameo_table *t, const char *path, char **err)
{
    memset(t, 0, sizeof *t);
    FILE *f = fopen(path, "r");
    if (!f) {
        *err = fmt_err(path, 0, strerror(errno));
        return -1;
    }
    char line[1024];
    int lineno = 0;
    size_t cap = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        size_t len = strcspn(line, "\r\n");
        line[len] = 0;
        if (len == 0 || line[0] == '#' || strncmp(line, "code\t", 5) == 0)
            continue;
        char *field[7] = {0};
        int nf = 0;
        char *p = line;
        while (nf < 7) {
            field[nf++] = p;
            char *tab = strchr(p, '\t');
            if (!tab)
                break;
            *tab = 0;
            p = tab + 1;
        }
        if (nf < 5) {
            fclose(f);
            dl_cameo_free(t);
            *err = fmt_err(path, lineno, "expected at least 5 tab-separated fields");
            return -1;
        }
        size_t cl = strlen(field[0]);
        if (!all_digits(field[0], cl) || cl < 2 || cl > 4 || strncmp(field[0], field[1], 2) != 0) {
            fclose(f);
            dl_cameo_free(t);
            *err = fmt_err(path, lineno, "bad CAMEO code or root");
            return -1;
        }
        if (t->n == cap) {
            cap = cap ? cap * 2 : 512;
            t->v = dl_xrealloc(t->v, cap * sizeof *t->v);
        }
        dl_cameo *c = &t->v[t->n++];
        memset(c, 0, sizeof *c);
        memcpy(c->code, field[0], cl + 1);
        memcpy(c->root, field[0], 2);
        c->name = dl_xstrdup(field[2]);
        if (field[3][0]) {
            char *end;
            c->goldstein = strtod(field[3], &end);
            c->has_goldstein = (*end == 0);
        }
        c->quad = atoi(field[4]);
        c->plover_type = dl_xstrdup(nf > 5 ? field[5] : "");
        c->plover_mode = dl_xstrdup(nf > 6 ? field[6] : "");
    }
    fclose(f);
    if (t->n == 0) {
        *err = fmt_err(path, 0, "no CAMEO codes");
        return -1;
    }
    return 0;
}

void dl_cameo_free(dl_cameo_table *t)
{
    for (size_t i = 0; i < t->n; i++) {
        free(t->v[i].name);
        free(t->v[i].plover_type);
        free(t->v[i].plover_mode);
    }
    free(t->v);
    memset(t, 0, sizeof *t);
}

const dl_cameo *dl_cameo_find(const dl_cameo_table *t, const char *code)
{
    /* the table is in code order ("01" < "010" < "0211" < "022"), so a
     * binary search; a linear scan if someone reorders the file */
    size_t lo = 0, hi = t->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(t->v[mid].code, code);
        if (c == 0)
            return &t->v[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = 0; i < t->n; i++)
        if (strcmp(t->v[i].code, code) == 0)
            return &t->v[i];
    return NULL;
}

/* A map is a list of {from, to}; lookup tries the code itself, then its
 * three-digit parent, then its root.  to == "" means "no such code". */
typedef struct code_map {
    const char *from, *to;
} code_map;

static const char *map_lookup(const code_map *m, const char *code)
{
    size_t n = strlen(code);
    for (size_t len = n; len >= 2; len--) {
        if (len != n && len != 3 && len != 2)
            continue;
        for (const code_map *e = m; e->from; e++)
            if (strlen(e->from) == len && strncmp(e->from, code, len) == 0)
                return e->to[0] ? e->to : NULL;
    }
    return NULL;
}

static const code_map intent_map[] = {
    {"03", "03"}, {"030", "030"}, {"031", "031"}, {"0311", "0311"}, {"0312", "0312"},
    {"0313", "0313"}, {"0314", "0314"}, {"032", "032"}, {"033", "033"}, {"0331", "0331"},
    {"0332", "0332"}, {"0333", "0333"}, {"0334", "0334"}, {"034", "034"}, {"0341", "0341"},
    {"0342", "0342"}, {"0343", "0343"}, {"0344", "0344"}, {"035", "035"}, {"0351", "0351"},
    {"0352", "0352"}, {"0353", "0353"}, {"0354", "0354"}, {"0355", "0355"}, {"0356", "0356"},
    {"036", "036"}, {"037", "037"}, {"038", "038"}, {"039", "039"},
    {"04", "036"}, {"045", "039"},
    {"05", "032"}, {"057", "030"},
    {"06", "031"}, {"061", "0311"}, {"062", "0312"}, {"063", "0313"}, {"064", "0314"},
    {"07", "033"}, {"071", "0331"}, {"072", "0332"}, {"073", "0333"}, {"074", "0334"},
    {"08", "035"}, {"081", "0351"}, {"082", "0352"}, {"083", "034"}, {"0831", "0341"},
    {"0832", "0342"}, {"0833", "0343"}, {"0834", "0344"}, {"084", "0353"}, {"085", "0354"},
    {"086", "0355"}, {"087", "0356"},
    {NULL, NULL}
};

static const code_map threat_map[] = {
    {"13", "13"}, {"130", "130"}, {"131", "131"}, {"1311", "1311"}, {"1312", "1312"},
    {"1313", "1313"}, {"132", "132"}, {"1321", "1321"}, {"1322", "1322"}, {"1323", "1323"},
    {"1324", "1324"}, {"133", "133"}, {"134", "134"}, {"135", "135"}, {"136", "136"},
    {"137", "137"}, {"138", "138"}, {"1381", "1381"}, {"1382", "1382"}, {"1383", "1383"},
    {"1384", "1384"}, {"1385", "1385"}, {"139", "139"},
    {"14", "133"},
    {"16", "131"}, {"161", "1313"}, {"162", "1311"}, {"163", "1312"}, {"164", "134"},
    {"165", "135"}, {"166", "136"},
    {"17", "130"}, {"172", "132"}, {"1721", "1321"}, {"1722", "1322"}, {"1723", "1323"},
    {"1724", "1324"}, {"173", "137"}, {"174", "137"}, {"175", "137"},
    {"18", "1383"}, {"19", "138"}, {"191", "1381"}, {"192", "1382"}, {"193", "1384"},
    {"194", "1384"}, {"195", "1384"}, {"20", "1383"}, {"204", "1385"},
    {NULL, NULL}
};

static const code_map refusal_map[] = {
    {"03", "120"}, {"031", "121"}, {"0311", "1211"}, {"0312", "1212"}, {"033", "122"},
    {"0331", "1221"}, {"0332", "1222"}, {"0333", "1223"}, {"0334", "1224"}, {"034", "123"},
    {"0341", "1231"}, {"0342", "1232"}, {"0343", "1233"}, {"0344", "1234"}, {"035", "124"},
    {"0351", "1241"}, {"0352", "1242"}, {"0353", "1243"}, {"0354", "1244"}, {"0355", "1245"},
    {"0356", "1246"}, {"036", "125"}, {"037", "127"}, {"038", "126"},
    {"04", "125"}, {"045", "126"},
    {"05", "120"}, {"057", "127"},
    {"06", "121"}, {"061", "1211"}, {"062", "1212"},
    {"07", "122"}, {"071", "1221"}, {"072", "1222"}, {"073", "1223"}, {"074", "1224"},
    {"08", "124"}, {"081", "1241"}, {"082", "1242"}, {"083", "123"}, {"0831", "1231"},
    {"0832", "1232"}, {"0833", "1233"}, {"0834", "1234"}, {"084", "1243"}, {"085", "1244"},
    {"086", "1245"}, {"087", "1246"},
    {NULL, NULL}
};

const char *dl_cameo_as_intent(const char *code) { return map_lookup(intent_map, code); }
const char *dl_cameo_as_threat(const char *code) { return map_lookup(threat_map, code); }
const char *dl_cameo_as_refusal(const char *code) { return map_lookup(refusal_map, code); }
