/* tone.c -- AFINN lexicon and GDELT-style tone densities. */
#include "tone.h"
#include "lexicon.h"
#include "../util/arena.h"
#include "../util/buf.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* (Re)build the short-key table from words. */
static void build_short(dl_tone_lex *lex) {
    memset(lex->filter, 0, sizeof lex->filter);
    for (size_t i = 0; i < lex->words.cap; i++) {
        const char *k = lex->words.slot[i].key;
        if (!k || !*k) continue;
        uint32_t h = dl_hash32(k, strlen(k));
        lex->filter[(h >> 6) & 1023] |= 1ull << (h & 63);
    }
    size_t nshort = 0;
    for (size_t i = 0; i < lex->words.cap; i++) {
        const char *k = lex->words.slot[i].key;
        if (k && *k && strlen(k) <= 8) nshort++;
    }
    free(lex->shorts);
    lex->scap = 16;
    while (lex->scap < nshort * 2) lex->scap <<= 1;
    lex->shorts = calloc(lex->scap, sizeof *lex->shorts);
    if (!lex->shorts) { fprintf(stderr, "dateline: out of memory\n"); exit(3); }
    for (size_t i = 0; i < lex->words.cap; i++) {
        const char *k = lex->words.slot[i].key;
        size_t n = k ? strlen(k) : 0;
        if (!n || n > 8) continue;
        uint64_t v = dl_strtab_head(k, n);
        size_t j = short_home(lex, v);
        while (lex->shorts[j].key) j = (j + 1) & (lex->scap - 1);
        lex->shorts[j].key = v;
        lex->shorts[j].first = lex->words.slot[i].first;
        lex->shorts[j].count = lex->words.slot[i].count;
    }
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

static const char *const SELF[] = { "i", "me", "my", "mine", "we", "us", "our", "ours", "ourselves", "myself", NULL };

static void mark(dl_tone_lex *lex, const char *w, uint32_t flag) {
    size_t slot = dl_strtab_find(&lex->words, w, strlen(w));
    if (slot == (size_t)-1) dl_strtab_put(&lex->words, w, 16 | flag, 0);
    else lex->words.slot[slot].first |= flag;
}

dl_tone_lex *dl_tone_lex_load(const char *path, char **err) {
    char *buf = dl_read_file(path, NULL, err);
    if (!buf) return NULL;
    dl_buf e = DL_BUF_INIT;
    dl_tone_lex *lex = dl_xmalloc(sizeof *lex);
    lex->buf = buf;
    lex->arena = dl_arena_new(0);
    lex->max_words = 1;
    lex->has_lists = 0;
    lex->shorts = NULL;
    lex->scap = 0;
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
        dl_strtab_put(&lex->words, line, (uint32_t)(v + 16) | LEX_VALENCE, 0);
    }
    /* Flags: the first word of a phrase ("does" of "does not work") gets
     * LEX_PHRASE, where the tone looks for phrases; a longer word prefix
     * ("does not") LEX_PREFIX, so that the search stops as soon as no
     * phrase goes on.  The phrases are collected first: adding prefixes
     * may grow the table under an iteration over it. */
    size_t nphrase = 0;
    const char **phrase = dl_xmalloc((lex->words.n + 1) * sizeof *phrase);
    for (size_t i = 0; i < lex->words.cap; i++) {
        const char *k = lex->words.slot[i].key;
        if (k && strchr(k, ' ')) phrase[nphrase++] = k;
    }
    for (size_t p = 0; p < nphrase; p++) {
        const char *k = phrase[p];
        for (const char *sp = strchr(k, ' '); sp; sp = strchr(sp + 1, ' ')) {
            size_t n = (size_t)(sp - k);
            uint32_t flag = memchr(k, ' ', n) ? LEX_PREFIX : LEX_PHRASE;
            size_t slot = dl_strtab_find(&lex->words, k, n);
            if (slot != (size_t)-1) lex->words.slot[slot].first |= flag;
            else dl_strtab_put(&lex->words, dl_arena_strndup(lex->arena, k, n), 16 | flag, 0);
        }
    }
    free(phrase);
    for (const char *const *w = ACTIVITY; *w; w++) mark(lex, *w, LEX_ACTIVITY);
    for (const char *const *w = SELF; *w; w++) mark(lex, *w, LEX_SELF);
    build_short(lex);
    return lex;
}

void dl_tone_lex_add_lists(dl_tone_lex *lex, const dl_know_list *const *all) {
    for (const dl_know_list *const *a = all; *a; a++) {
        for (const dl_know_list *l = *a; l->n; l++) {
            for (size_t k = 0; k < l->n; k++) {
                const char *w = l->at ? l->at(k) : l->words[k];
                size_t slot = dl_strtab_find(&lex->words, w, strlen(w));
                /* a word in no AFINN entry: valence 0, no flags -- present,
                 * but scoring nothing (tone reads LEX_VALENCE) */
                if (slot == (size_t)-1) dl_strtab_put(&lex->words, w, 16, l->bit);
                else lex->words.slot[slot].count |= l->bit;
            }
        }
    }
    lex->has_lists = 1;
    build_short(lex);
}

void dl_tone_lex_free(dl_tone_lex *lex) {
    if (!lex) return;
    dl_strtab_free(&lex->words);
    free(lex->shorts);
    dl_arena_free(lex->arena);
    free(lex->buf);
    free(lex);
}

int dl_tone_valence(const dl_tone_lex *lex, const char *norm, size_t n) {
    uint32_t f = lex_get(lex, norm, n).first;
    return f ? (int)(f & 0xff) - 16 : 0;
}

static int is_word(const dl_token *t) {
    return t->kind == DL_TOK_WORD || t->kind == DL_TOK_NUM || t->kind == DL_TOK_ABBR;
}

void dl_tone_finish(dl_tone *r) {
    r->positive = r->negative = r->tone = r->polarity = r->activity = r->self_group = 0;
    if (!r->words) return;
    double w = (double)r->words;
    r->positive = 100.0 * (double)r->npos / w;
    r->negative = 100.0 * (double)r->nneg / w;
    r->tone = r->positive - r->negative;
    r->polarity = r->positive + r->negative;
    r->activity = 100.0 * (double)r->nactivity / w;
    r->self_group = 100.0 * (double)r->nself / w;
}

void dl_tone_add(dl_tone *sum, const dl_tone *t) {
    sum->words += t->words;
    sum->npos += t->npos;
    sum->nneg += t->nneg;
    sum->nactivity += t->nactivity;
    sum->nself += t->nself;
    sum->score += t->score;
}

int dl_tone_lex_valence(uint32_t lex_value) {
    return lex_value ? (int)(lex_value & 0xff) - 16 : 0;
}

/* Count token i of t[lo..hi), a word whose lexicon value f is not 0,
 * into r; returns the tokens it used (an AFINN phrase uses several). */
static size_t count_word(const dl_tone_lex *lex, const dl_token *t, size_t lo, size_t hi, size_t i, uint32_t f,
                         dl_tone *r) {
    if (f & LEX_ACTIVITY) r->nactivity++;
    if (f & LEX_SELF) r->nself++;
    /* a capitalised word inside a sentence is part of a name ("Great
     * Britain", "United Nations"), which carries no tone; so is a first
     * word followed by another capitalised word ("Good Friday") */
    if ((t[i].flags & DL_TF_CAP) && i > lo && !(t[i - 1].flags & DL_TF_SENT_END) &&
        t[i - 1].kind != DL_TOK_QUOTE && t[i - 1].kind != DL_TOK_OPEN && !(t[i].flags & DL_TF_PARA))
        return 1;
    if ((t[i].flags & DL_TF_CAP) && i + 1 < hi && (t[i + 1].flags & DL_TF_CAP) &&
        (t[i + 1].kind == DL_TOK_WORD || t[i + 1].kind == DL_TOK_ABBR))
        return 1;
    int hit = (f & LEX_VALENCE) ? (int)(f & 0xff) - 16 : 0;
    size_t used = 1;
    if (f & LEX_PHRASE) {
        /* the longest AFINN phrase starting here (words in a row) */
        char key[256];
        size_t len = t[i].norm_len;
        if (len < sizeof key) {
            memcpy(key, t[i].norm, len);
            for (size_t j = i + 1, w = 2; j < hi && w <= (size_t)lex->max_words && is_word(&t[j]); j++, w++) {
                if (len + 1 + t[j].norm_len >= sizeof key) break;
                key[len++] = ' ';
                memcpy(key + len, t[j].norm, t[j].norm_len);
                len += t[j].norm_len;
                uint32_t f2 = lex_get(lex, key, len).first;
                if (f2 & LEX_VALENCE) {
                    hit = (int)(f2 & 0xff) - 16;
                    used = w;
                }
                if (!(f2 & LEX_PREFIX)) break;   /* no longer phrase starts so */
            }
        }
    }
    if (hit > 0) r->npos++;
    else if (hit < 0) r->nneg++;
    r->score += hit;
    return used;
}

/* Tone of t[0..n), each word looked up here (the stage itself uses
 * dl_tone_of_toned() with the lookups of its single pass). */
static dl_tone tone_of(const dl_tone_lex *lex, const dl_token *t, size_t n) {
    dl_tone r;
    memset(&r, 0, sizeof r);
    for (size_t i = 0; i < n; i++) {
        if (!is_word(&t[i])) continue;
        r.words++;
        if (!lex) continue;
        uint32_t f = lex_get(lex, t[i].norm, t[i].norm_len).first;
        if (!f) continue;
        size_t used = count_word(lex, t, 0, n, i, f, &r);
        /* the other words of a phrase still count as words */
        for (size_t k = 1; k < used; k++) { i++; r.words++; }
    }
    dl_tone_finish(&r);
    return r;
}

dl_tone dl_tone_of_toned(const dl_tone_lex *lex, const dl_token *t, const dl_know_word *w, size_t lo, size_t hi,
                         const uint32_t *toned, size_t ntoned, long words) {
    dl_tone r;
    memset(&r, 0, sizeof r);
    r.words = words;
    /* a word with no lexicon flag counts only as a word (in `words`); a
     * phrase's other words are not counted again */
    for (size_t k = 0, next = lo; lex && k < ntoned; k++) {
        size_t i = toned[k];
        if (i < next || !is_word(&t[i])) continue;
        next = i + count_word(lex, t, lo, hi, i, w[i].lex, &r);
    }
    dl_tone_finish(&r);
    return r;
}

dl_tone dl_tone_of(const dl_tone_lex *lex, const dl_token *t, size_t n) { return tone_of(lex, t, n); }

