/* casefile.c -- event cases: marks, rendering, running a file.  See casefile.h. */
#include <stdio.h>
#include "casefile.h"
#include "event.h"
#include "../actor/actor.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>

typedef struct mark {
    size_t start, end;
    char code[32];
} mark;

/* Strip [CODE words] marks from in; returns the number of marks. */
static size_t strip_marks(const char *in, size_t n, dl_buf *text, mark *m, size_t max)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (in[i] == '[' && k < max) {
            size_t j = i + 1, c = 0;
            while (j < n && ((in[j] >= 'A' && in[j] <= 'Z') || (in[j] >= '0' && in[j] <= '9')) && c < 31)
                j++, c++;
            const char *close = j < n ? memchr(in + j, ']', n - j) : NULL;
            if (c >= 3 && j < n && in[j] == ' ' && close) {
                memcpy(m[k].code, in + i + 1, c);
                m[k].code[c] = 0;
                m[k].start = text->len;
                dl_buf_add(text, in + j + 1, (size_t)(close - (in + j + 1)));
                m[k].end = text->len;
                k++;
                i = (size_t)(close - in);
                continue;
            }
        }
        dl_buf_addc(text, in[i]);
    }
    return k;
}

static void set_marked_actors(dl_doc *doc, const mark *m, size_t nm)
{
    dl_actor_set *as = dl_arena_calloc(doc->arena, sizeof *as);
    as->v = dl_arena_calloc(doc->arena, (nm ? nm : 1) * sizeof *as->v);
    for (size_t k = 0; k < nm; k++) {
        dl_actor_mention *a = &as->v[as->n];
        a->start = (uint32_t)m[k].start;
        a->end = (uint32_t)m[k].end;
        a->tok_start = a->tok_end = 0;
        int found = 0;
        for (size_t t = 0; t < doc->toks.n; t++) {
            if (doc->toks.v[t].start < a->start)
                continue;
            if (doc->toks.v[t].start >= a->end)
                break;
            if (!found)
                a->tok_start = (uint32_t)t;
            found = 1;
            a->tok_end = (uint32_t)t + 1;
        }
        if (!found)
            continue;
        for (size_t s = 0; s < doc->sents.n; s++)
            if (doc->sents.v[s].tok_start <= a->tok_start && a->tok_start < doc->sents.v[s].tok_end)
                a->sent = (uint32_t)s;
        a->code = dl_arena_strdup(doc->arena, m[k].code);
        a->country = dl_arena_strndup(doc->arena, m[k].code, 3);
        a->roles = dl_arena_strdup(doc->arena, strlen(m[k].code) > 3 ? m[k].code + 3 : "");
        a->kind = DL_AK_COUNTRY;
        a->how = DL_AH_DICTIONARY;
        a->name = dl_arena_strndup(doc->arena, doc->text + a->start, a->end - a->start);
        a->entry = "";
        a->antecedent = -1;
        as->n++;
    }
    doc->actors = as;
}

void dl_case_published(const char **in, size_t *n, char pub[32])
{
    pub[0] = 0;
    if (*n > 10 && !strncmp(*in, "published=", 10)) {
        const char *nl = memchr(*in, '\n', *n);
        if (nl && (size_t)(nl - *in - 10) < 32) {
            memcpy(pub, *in + 10, (size_t)(nl - *in - 10));
            pub[nl - *in - 10] = 0;
            *n -= (size_t)(nl + 1 - *in);
            *in = nl + 1;
        }
    }
}

void dl_evcase_analyse(const dl_ctx *ctx, dl_doc *doc, dl_article *art, char pub[32],
                       const char *in, size_t n, dl_buf *keep)
{
    dl_case_published(&in, &n, pub);
    mark m[64];
    size_t nm = strip_marks(in, n, keep, m, 64);
    dl_article_of_text(art, keep->p ? keep->p : "", keep->len);
    art->published = pub[0] ? pub : NULL;
    dl_doc_analyse(ctx, doc, art);
    if (nm) {
        set_marked_actors(doc, m, nm);
        dl_events_code(ctx, doc);
    }
}

void dl_evcase_render(const dl_doc *doc, dl_buf *out)
{
    if (!doc->events)
        return;
    for (size_t i = 0; i < doc->events->n; i++) {
        const dl_event *e = &doc->events->v[i];
        dl_buf_printf(out, "%s %s %s", e->source_code, e->target_code, e->code);
        if (e->flags & DL_EF_DATED) {
            char d[11];
            dl_date_format(e->date, d);
            dl_buf_printf(out, " @%s", d);
        }
        dl_buf_addc(out, '\n');
    }
}

static void unescape(const char *s, dl_buf *out)
{
    for (; *s; s++) {
        if (*s != '\\' || !s[1]) {
            dl_buf_addc(out, *s);
            continue;
        }
        s++;
        switch (*s) {
        case 'n': dl_buf_addc(out, '\n'); break;
        case 't': dl_buf_addc(out, '\t'); break;
        case '\\': dl_buf_addc(out, '\\'); break;
        default: dl_buf_addc(out, '\\'); dl_buf_addc(out, *s); break;
        }
    }
}

static void run_one(const dl_ctx *ctx, const char *path, int line, const char *input, const dl_buf *expect,
                    FILE *report, void (*seen)(void *, const void *), void *arg, dl_evcase_stats *st)
{
    dl_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.arena = dl_arena_new(0);
    dl_buf in = DL_BUF_INIT, keep = DL_BUF_INIT, got = DL_BUF_INIT;
    unescape(input, &in);
    dl_article art;
    char pub[32];
    dl_evcase_analyse(ctx, &doc, &art, pub, in.p ? in.p : "", in.len, &keep);
    dl_evcase_render(&doc, &got);
    if (seen && doc.events)
        for (size_t i = 0; i < doc.events->n; i++)
            seen(arg, doc.events->v[i].pattern);
    const char *e = expect->p ? expect->p : "", *g = got.p ? got.p : "";
    if (strcmp(e, g) == 0)
        st->passed++;
    else {
        st->failed++;
        if (report)
            fprintf(report, "FAIL %s:%d\n  input:    %s\n  expected:\n%s  got:\n%s", path, line, input, e, g);
    }
    dl_buf_free(&in);
    dl_buf_free(&keep);
    dl_buf_free(&got);
    dl_arena_free(doc.arena);
}

int dl_evcase_run_file(const dl_ctx *ctx, const char *path, FILE *report,
                       void (*seen)(void *, const void *), void *arg, dl_evcase_stats *st, char **err)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        dl_buf b = DL_BUF_INIT;
        dl_buf_printf(&b, "%s: %s", path, strerror(errno));
        *err = dl_buf_take(&b);
        return -1;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    int lineno = 0, in_case = 0, case_line = 0, events_kind = 1;
    dl_buf input = DL_BUF_INIT, expect = DL_BUF_INIT;
    while ((len = getline(&line, &cap, f)) >= 0) {
        lineno++;
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = 0;
        if (!in_case) {
            if (len == 0 || line[0] == '#')
                continue;
            if (line[0] == '%') {
                events_kind = strncmp(line, "%kind events", 12) == 0;
                continue;
            }
            in_case = 1;
            case_line = lineno;
            dl_buf_clear(&input);
            dl_buf_clear(&expect);
            dl_buf_adds(&input, line);
            continue;
        }
        if (len == 0) {
            if (events_kind)
                run_one(ctx, path, case_line, input.p, &expect, report, seen, arg, st);
            in_case = 0;
            continue;
        }
        dl_buf_adds(&expect, line);
        dl_buf_addc(&expect, '\n');
    }
    if (in_case && events_kind)
        run_one(ctx, path, case_line, input.p, &expect, report, seen, arg, st);
    free(line);
    dl_buf_free(&input);
    dl_buf_free(&expect);
    fclose(f);
    return 0;
}
