/* tone.c -- AFINN lexicon and GDELT-style tone densities. */
#include "tone.h"
#include "gazetteer.h"
#include "../util/arena.h"
#include "../util/buf.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One hash probe per word gives everything: the table's `first` packs the
 * AFINN valence (+16, so it stays unsigned) in the low byte and flags
 * above it. */
enum { LEX_ACTIVITY = 1 << 8, LEX_SELF = 1 << 9, LEX_PHRASE = 1 << 10, LEX_VALENCE = 1 << 11, LEX_PREFIX = 1 << 12 };

typedef struct dl_tone_lex {
    char *buf;
    dl_arena *arena;     /* keys made at load time */
    dl_strtab words;     /* count[slot]: the word's DL_KW_* bits (words.h) */
    int max_words;
    int has_lists;       /* dl_tone_lex_add_lists() was called */
    /* Every token of every article is looked up, and most are short: the
     * keys of up to 8 bytes are also in a table keyed by the bytes
     * themselves as one integer (short_key()), so a lookup is a few
     * shifts and one integer compare instead of hashing and strncmp. */
    struct short_entry *shorts;   /* key 0 = empty */
    size_t scap;         /* a power of two */
    /* One bit per dl_hash32 of every key, 64K bits (8 KB, stays in L1):
     * most tokens are in no list and no AFINN entry, and the filter says
     * so from the hash the tokenizer computed, without touching the
     * 128 KB tables. */
    uint64_t filter[1024];
} dl_tone_lex;

/* A short key with a copy of its slot's values, so that a lookup reads one
 * 16-byte entry of a 128 KB table and nothing else. */
typedef struct short_entry {
    uint64_t key;        /* short_key() */
    uint32_t first;      /* words.slot[].first: valence and LEX_* flags */
    uint32_t count;      /* words.slot[].count: DL_KW_* bits */
} short_entry;

/* s[0..n), 1 <= n <= 8, as an integer (gazetteer.h). */
static inline uint64_t short_key(const char *s, size_t n) { return dl_strtab_head(s, n); }

static inline size_t short_home(const dl_tone_lex *lex, uint64_t k) {
    return (size_t)((k * 0x9e3779b97f4a7c15ULL) >> 32) & (lex->scap - 1);
}

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
        uint64_t v = short_key(k, n);
        size_t j = short_home(lex, v);
        while (lex->shorts[j].key) j = (j + 1) & (lex->scap - 1);
        lex->shorts[j].key = v;
        lex->shorts[j].first = lex->words.slot[i].first;
        lex->shorts[j].count = lex->words.slot[i].count;
    }
}

/* The lexicon's values of w[0..n): first (words.slot[].first, never 0
 * for a key) is 0 when absent.  Every token of every article comes here. */
typedef struct lex_val {
    uint32_t first, count;
} lex_val;

static inline lex_val lex_get(const dl_tone_lex *lex, const char *w, size_t n) {
    lex_val r = { 0, 0 };
    if (n - 1 < 8 && lex->shorts) {
        uint64_t v = short_key(w, n);
        for (size_t j = short_home(lex, v); lex->shorts[j].key; j = (j + 1) & (lex->scap - 1))
            if (lex->shorts[j].key == v) {
                r.first = lex->shorts[j].first;
                r.count = lex->shorts[j].count;
                break;
            }
        return r;
    }
    size_t slot = dl_strtab_find_hashed(&lex->words, w, n, dl_strtab_hash(w, n));
    if (slot != (size_t)-1) {
        r.first = lex->words.slot[slot].first;
        r.count = lex->words.slot[slot].count;
    }
    return r;
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

void dl_tone_lex_words(const dl_tone_lex *lex, const dl_token *t, size_t n, dl_know_word *out) {
    /* read once: the stores to out[] could alias them for the compiler */
    const uint64_t *filter = lex->filter;
    int lists = lex->has_lists;
    for (size_t i = 0; i < n; i++) {
        /* punctuation, quotes, brackets, dashes and clitics are in no list
         * (every list word starts with a letter or is "%", a SYM) and get
         * no tone */
        int k = t[i].kind;
        uint32_t h = t[i].hash;
        if ((k != DL_TOK_WORD && k != DL_TOK_NUM && k != DL_TOK_ABBR && k != DL_TOK_SYM)
            || (lists && !(filter[(h >> 6) & 1023] & (1ull << (h & 63))))) {
            out[i].lex = out[i].cls = 0;
            continue;
        }
        lex_val v = lex_get(lex, t[i].norm, t[i].norm_len);
        out[i].lex = v.first;
        out[i].cls = lists ? v.count : dl_know_word_class(t[i].norm);
    }
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

/* w: the tokens' lexicon values from dl_tone_lex_words(), or NULL to look
 * them up here. */
static dl_tone tone_of(const dl_tone_lex *lex, const dl_token *t, const dl_know_word *w, size_t n) {
    dl_tone r;
    memset(&r, 0, sizeof r);
    for (size_t i = 0; i < n; i++) {
        if (!is_word(&t[i])) continue;
        r.words++;
        if (!lex) continue;
        uint32_t f = w ? w[i].lex : lex_get(lex, t[i].norm, t[i].norm_len).first;
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

dl_tone dl_tone_of(const dl_tone_lex *lex, const dl_token *t, size_t n) { return tone_of(lex, t, NULL, n); }

dl_tone dl_tone_of_words(const dl_tone_lex *lex, const dl_token *t, const dl_know_word *w, size_t n) {
    return tone_of(lex, t, w, n);
}
