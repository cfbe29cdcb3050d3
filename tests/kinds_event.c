/* kinds_event.c -- case-file renderer for the event stage: `%kind events`.
 *
 * Input: one article text.  Actors may be marked in the text as
 * [CODE words] ("[GBRGOV The British government] withdrew ..."); the marks
 * are removed and become the doc's actors, so cases test the event coder
 * alone.  Without marks the actor stage finds the actors.  A first line
 * "published=YYYY-MM-DD" sets the article date.
 *
 * Output: one line per event, "SOURCE TARGET CODE", with " @DATE" when a
 * date was stated in the sentence.
 */
#include "kinds.h"
#include "actor/actor.h"
#include "event/event.h"
#include <string.h>
#include <stdlib.h>

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
            const char *close = memchr(in + j, ']', n - j);
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
        for (size_t t = 0; t < doc->toks.n; t++) {
            if (doc->toks.v[t].start < a->start)
                continue;
            if (doc->toks.v[t].start >= a->end)
                break;
            if (a->tok_end == 0)
                a->tok_start = (uint32_t)t;
            a->tok_end = (uint32_t)t + 1;
        }
        if (a->tok_end == 0)
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

/* Analyse in (marks stripped) into doc; the caller frees doc->arena. */
static int events_doc(const dl_ctx *ctx, dl_doc *doc, dl_article *art, char *pub, const char *in, size_t n, dl_buf *keep)
{
    pub[0] = 0;
    if (n > 10 && !strncmp(in, "published=", 10)) {
        const char *nl = memchr(in, '\n', n);
        if (nl && (size_t)(nl - in - 10) < 32) {
            memcpy(pub, in + 10, (size_t)(nl - in - 10));
            pub[nl - in - 10] = 0;
            n -= (size_t)(nl + 1 - in);
            in = nl + 1;
        }
    }
    mark m[64];
    size_t nm = strip_marks(in, n, keep, m, 64);
    memset(art, 0, sizeof *art);
    art->text = keep->p ? keep->p : (char *)"";
    art->text_len = keep->len;
    art->offset = -1;
    art->published = pub[0] ? pub : NULL;
    dl_doc_analyse(ctx, doc, art);
    if (nm) {
        set_marked_actors(doc, m, nm);
        dl_events_code(ctx, doc);
    }
    return 0;
}

int dl_kind_events(const dl_ctx *ctx, const char *in, size_t n, dl_buf *out)
{
    dl_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.arena = dl_arena_new(0);
    dl_buf keep = DL_BUF_INIT;
    dl_article art;
    char pub[32];
    events_doc(ctx, &doc, &art, pub, in, n, &keep);
    if (doc.events)
        for (size_t i = 0; i < doc.events->n; i++) {
            const dl_event *e = &doc.events->v[i];
            dl_buf_printf(out, "%s %s %s", e->source_code, e->target_code, e->code);
            if (e->flags & DL_EF_DATED) {
                char d[11];
                dl_date_format(e->date, d);
                dl_buf_printf(out, " @%s", d);
            }
            dl_buf_addc(out, '\n');
        }
    dl_buf_free(&keep);
    dl_arena_free(doc.arena);
    return 0;
}
