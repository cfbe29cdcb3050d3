/* sentence.c -- the sentence splitter; see text.h.
 *
 * A sentence ends after . ! ? or … when what follows starts a sentence:
 * a capitalised word, a number, an opening quote or bracket, or the end of
 * the text.  Closing quotes and brackets right after the terminal mark stay
 * with the sentence they close ("... peace.” He said" splits after ”).
 * A paragraph break always ends a sentence.  Titles (Mr., Gen.) and
 * initials (E.) never end one; other abbreviations (U.S., Inc.) end one
 * only when the next word is a common sentence opener ("the U.S. The
 * talks" splits, "the U.S. Army" does not).  A "sentence" of punctuation
 * only (the stray ". ." of pasted copy) is merged into the one before.
 */
#include "text.h"
#include <string.h>

static int is_terminal(const dl_token *t) {
    if (t->kind != DL_TOK_PUNCT) return 0;
    const char *n = t->norm;
    return n[0] == '.' || n[0] == '!' || n[0] == '?';
}

/* Capitalised words that often open a sentence and rarely follow an
 * abbreviation inside a name. */
static int is_opener(const dl_token *t) {
    static const char *const words[] = {
        "a", "after", "an", "and", "as", "at", "but", "by", "during", "for", "he", "her", "his",
        "however", "i", "if", "in", "it", "its", "meanwhile", "on", "one", "she", "since",
        "that", "the", "their", "there", "these", "they", "this", "those", "to", "under",
        "we", "when", "while", "with", "you", NULL};
    if (!(t->flags & DL_TF_CAP)) return 0;
    for (int i = 0; words[i]; i++)
        if (strcmp(t->norm, words[i]) == 0) return 1;
    return 0;
}

static int starts_sentence(const dl_token *t) {
    if (t->flags & DL_TF_PARA) return 1;
    switch (t->kind) {
    case DL_TOK_WORD: case DL_TOK_ABBR: return (t->flags & DL_TF_CAP) != 0;
    case DL_TOK_NUM: return 1;
    case DL_TOK_QUOTE: return (t->flags & DL_TF_QOPEN) != 0;
    case DL_TOK_OPEN: return 1;
    case DL_TOK_DASH: return 1;      /* "- Reuters" style lists */
    case DL_TOK_SYM: return 1;
    default: return 0;
    }
}

static int only_punct(const dl_token *t, size_t b, size_t e) {
    for (size_t i = b; i < e; i++)
        if (t[i].kind == DL_TOK_WORD || t[i].kind == DL_TOK_NUM || t[i].kind == DL_TOK_ABBR) return 0;
    return 1;
}

static void emit(dl_arena *a, dl_token *t, size_t b, size_t e, dl_sentences *out) {
    if (b >= e) return;
    if (out->n && only_punct(t, b, e) && !(t[b].flags & DL_TF_PARA)) {
        /* stray ". ." -- glue to the previous sentence */
        dl_sentence *p = &out->v[out->n - 1];
        t[p->tok_end - 1].flags &= (uint16_t)~DL_TF_SENT_END;
        p->tok_end = (uint32_t)e;
        p->end = t[e - 1].end;
        t[e - 1].flags |= DL_TF_SENT_END;
        return;
    }
    if (out->n == out->cap) {
        size_t cap = out->cap ? out->cap * 2 : 32;
        dl_sentence *v = dl_arena_alloc(a, cap * sizeof *v);
        if (out->n) memcpy(v, out->v, out->n * sizeof *v);
        out->v = v;
        out->cap = cap;
    }
    dl_sentence *s = &out->v[out->n++];
    s->tok_start = (uint32_t)b;
    s->tok_end = (uint32_t)e;
    s->start = t[b].start;
    s->end = t[e - 1].end;
    t[e - 1].flags |= DL_TF_SENT_END;
}

void dl_split_sentences(dl_arena *a, const char *text, dl_token *t, size_t n, dl_sentences *out) {
    (void)text;
    size_t b = 0;
    for (size_t i = 0; i < n; i++) {
        if (i > b && (t[i].flags & DL_TF_PARA)) {   /* paragraph break */
            emit(a, t, b, i, out);
            b = i;
        }
        int end_here = 0;
        if (is_terminal(&t[i])) {
            end_here = 1;
        } else if (t[i].kind == DL_TOK_ABBR) {
            int k = dl_abbrev_kind(t[i].norm, t[i].norm_len);
            int initial = t[i].norm_len == 2;
            if (k != DL_ABBR_TITLE && !initial) {
                size_t j = i + 1;
                end_here = j >= n || (t[j].flags & DL_TF_PARA) || is_opener(&t[j]) ||
                           (t[j].kind == DL_TOK_QUOTE && (t[j].flags & DL_TF_QOPEN));
            }
        }
        if (!end_here) continue;
        /* absorb further terminal marks, closing quotes and brackets */
        size_t j = i + 1;
        while (j < n && !(t[j].flags & DL_TF_PARA) &&
               ((t[j].kind == DL_TOK_QUOTE && !(t[j].flags & DL_TF_QOPEN)) ||
                t[j].kind == DL_TOK_CLOSE || is_terminal(&t[j])))
            j++;
        if (j < n && !starts_sentence(&t[j]) && t[i].kind != DL_TOK_ABBR) continue;
        /* "One.Two" or "example.com": a period with a word glued to it */
        if (j < n && !(t[j].flags & DL_TF_SPACE) && t[j].kind == DL_TOK_WORD) continue;
        emit(a, t, b, j, out);
        b = j;
        i = j - 1;
    }
    emit(a, t, b, n, out);
}
