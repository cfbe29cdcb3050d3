/* tone.c -- AFINN lexicon and GDELT-style tone densities. */
#include "tone.h"
#include "gazetteer.h"
#include "../util/arena.h"
#include "../util/buf.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct dl_tone_lex {
    char *buf;
    dl_strtab words;     /* first = valence + 16 (so it stays unsigned) */
    int max_words;
} dl_tone_lex;

dl_tone_lex *dl_tone_lex_load(const char *path, char **err) {
    FILE *f = fopen(path, "rb");
    dl_buf e = DL_BUF_INIT;
    if (!f) {
        dl_buf_printf(&e, "%s: cannot open: %s", path, strerror(errno));
        *err = dl_buf_take(&e);
        return NULL;
    }
    dl_buf b = DL_BUF_INIT;
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) dl_buf_add(&b, chunk, n);
    fclose(f);
    dl_buf_add(&b, "", 0);
    dl_tone_lex *lex = dl_xmalloc(sizeof *lex);
    lex->buf = dl_buf_take(&b);
    lex->max_words = 1;
    size_t lines = 1;
    for (char *c = lex->buf; *c; c++) lines += *c == '\n';
    dl_strtab_init(&lex->words, lines);
    long lineno = 0;
    char *p = lex->buf;
    while (*p) {
        char *nl = strchr(p, '\n');
        if (nl) *nl = '\0';
        lineno++;
        char *line = p;
        p = nl ? nl + 1 : p + strlen(p);
        if (!*line || *line == '#') continue;
        char *tab = strchr(line, '\t');
        char *endp = NULL;
        long v = tab ? strtol(tab + 1, &endp, 10) : 0;
        if (!tab || endp == tab + 1 || *endp || v < -5 || v > 5) {
            dl_buf_printf(&e, "%s:%ld: expected word<TAB>score with a score in -5..5", path, lineno);
            *err = dl_buf_take(&e);
            dl_tone_lex_free(lex);
            return NULL;
        }
        *tab = '\0';
        int words = 1;
        for (char *c = line; *c; c++) words += *c == ' ';
        if (words > lex->max_words) lex->max_words = words;
        dl_strtab_put(&lex->words, line, (uint32_t)(v + 16), 1);
    }
    return lex;
}

void dl_tone_lex_free(dl_tone_lex *lex) {
    if (!lex) return;
    dl_strtab_free(&lex->words);
    free(lex->buf);
    free(lex);
}

int dl_tone_valence(const dl_tone_lex *lex, const char *norm, size_t n) {
    size_t slot = dl_strtab_find(&lex->words, norm, n);
    return slot == (size_t)-1 ? 0 : (int)lex->words.first[slot] - 16;
}

static int is_word(const dl_token *t) {
    return t->kind == DL_TOK_WORD || t->kind == DL_TOK_NUM || t->kind == DL_TOK_ABBR;
}

/* Activity words: auxiliaries and common verbs of doing and saying. */
static const char *const ACTIVITY[] = {
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had",
    "do", "does", "did", "will", "would", "can", "could", "may", "might",
    "must", "should", "shall", "said", "says", "say", "told", "tell", "made",
    "make", "makes", "went", "go", "goes", "took", "take", "takes", "came",
    "come", "get", "got", "gave", "give", "used", "called", "asked", "added",
    "announced", "confirmed", "decided", "moved", "led", "left", "began",
    "continue", "continued", "work", "worked", NULL
};

static int in_list(const char *const *list, const char *w) {
    for (; *list; list++) if (strcmp(*list, w) == 0) return 1;
    return 0;
}

static const char *const SELF[] = { "i", "me", "my", "mine", "we", "us", "our", "ours", "ourselves", "myself", NULL };

dl_tone dl_tone_of(const dl_tone_lex *lex, const dl_token *t, size_t n) {
    dl_tone r;
    memset(&r, 0, sizeof r);
    long pos = 0, neg = 0, act = 0, self = 0;
    char key[256];
    for (size_t i = 0; i < n; i++) {
        if (!is_word(&t[i])) continue;
        r.words++;
        if (in_list(ACTIVITY, t[i].norm)) act++;
        if (in_list(SELF, t[i].norm)) self++;
        if (!lex) continue;
        /* a capitalised word inside a sentence is part of a name ("Great
         * Britain", "United Nations"), which carries no tone */
        if ((t[i].flags & DL_TF_CAP) && i > 0 && !(t[i - 1].flags & DL_TF_SENT_END) &&
            t[i - 1].kind != DL_TOK_QUOTE && t[i - 1].kind != DL_TOK_OPEN && !(t[i].flags & DL_TF_PARA))
            continue;
        /* ... and so is a first word followed by another capitalised word
         * ("Great Britain sent ...", "Good Friday is ...") */
        if ((t[i].flags & DL_TF_CAP) && i + 1 < n && (t[i + 1].flags & DL_TF_CAP) &&
            (t[i + 1].kind == DL_TOK_WORD || t[i + 1].kind == DL_TOK_ABBR))
            continue;
        /* longest AFINN phrase starting here (words in a row) */
        int hit = 0;
        size_t used = 1;
        for (int w = lex->max_words; w >= 1 && !hit; w--) {
            size_t len = 0, j = i, k = 0;
            for (; k < (size_t)w && j < n; j++) {
                if (!is_word(&t[j])) break;
                size_t l = t[j].norm_len;
                if (len + l + 1 >= sizeof key) break;
                if (k) key[len++] = ' ';
                memcpy(key + len, t[j].norm, l);
                len += l;
                k++;
            }
            if (k != (size_t)w) continue;
            int v = dl_tone_valence(lex, key, len);
            if (v) { hit = v; used = (size_t)w; }
        }
        if (hit > 0) pos++;
        else if (hit < 0) neg++;
        r.score += hit;
        /* the other words of a phrase still count as words */
        for (size_t k = 1; k < used; k++) {
            i++;
            r.words++;
        }
    }
    if (r.words) {
        double w = (double)r.words;
        r.positive = 100.0 * (double)pos / w;
        r.negative = 100.0 * (double)neg / w;
        r.tone = r.positive - r.negative;
        r.polarity = r.positive + r.negative;
        r.activity = 100.0 * (double)act / w;
        r.self_group = 100.0 * (double)self / w;
    }
    return r;
}
