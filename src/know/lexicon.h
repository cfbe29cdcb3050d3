/* lexicon.h -- the tone lexicon's tables, for the loops that look up every
 * token (tone.c, and know.c's single pass over an article's tokens).
 * Private to src/know/; the rest of the program sees struct dl_tone_lex
 * only through tone.h. */
#ifndef DL_LEXICON_H
#define DL_LEXICON_H
#include "gazetteer.h"
#include "words.h"
#include "../text/text.h"
#include "../util/arena.h"

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
     * themselves as one integer (dl_strtab_head()), so a lookup is a few
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
    uint64_t key;        /* dl_strtab_head() */
    uint32_t first;      /* words.slot[].first: valence and LEX_* flags */
    uint32_t count;      /* words.slot[].count: DL_KW_* bits */
} short_entry;

static inline size_t short_home(const dl_tone_lex *lex, uint64_t k) {
    return (size_t)((k * 0x9e3779b97f4a7c15ULL) >> 32) & (lex->scap - 1);
}

/* The lexicon's values of w[0..n): first (words.slot[].first, never 0
 * for a key) is 0 when absent.  Every token of every article comes here. */
typedef struct lex_val {
    uint32_t first, count;
} lex_val;

static inline lex_val lex_get(const dl_tone_lex *lex, const char *w, size_t n) {
    lex_val r = { 0, 0 };
    if (n - 1 < 8 && lex->shorts) {
        uint64_t v = dl_strtab_head(w, n);
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

/* Token t's lexicon value and DL_KW_* bits (zeros when absent).
 * Punctuation, quotes, brackets, dashes and clitics are in no list (every
 * list word starts with a letter or is "%", a SYM) and get no tone; a
 * token whose hash misses the filter is in no list either. */
static inline dl_know_word dl_lex_word(const dl_tone_lex *lex, const dl_token *t) {
    dl_know_word r = { 0, 0 };
    int k = t->kind;
    uint32_t h = t->hash;
    if ((k != DL_TOK_WORD && k != DL_TOK_NUM && k != DL_TOK_ABBR && k != DL_TOK_SYM) ||
        (lex->has_lists && !(lex->filter[(h >> 6) & 1023] & (1ull << (h & 63)))))
        return r;
    lex_val v = lex_get(lex, t->norm, t->norm_len);
    r.lex = v.first;
    r.cls = lex->has_lists ? v.count : dl_know_word_class(t->norm);
    return r;
}

#endif
