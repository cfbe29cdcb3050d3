/* text.h -- the text layer: UTF-8 cleaning, folding, tokens and sentences.
 *
 * Offsets.  dl_text_clean() turns raw article bytes into the article's
 * *working text*: valid UTF-8 (each invalid byte becomes U+FFFD and is
 * counted), NFC-normalised, with CRLF kept as is.  Every offset that
 * dateline reports (tokens, sentences, actors, events, quotes) is a byte
 * offset into that working text; for input that was already valid NFC UTF-8
 * (nearly all news) it is the same as the input.
 *
 * Folding.  Matching must not care whether a writer used ’ or ', “ or ",
 * – or -, a no-break space or a space.  Each token therefore carries a
 * `norm` string -- folded and lower-cased -- while `start`/`end` still point
 * into the unchanged working text.
 *
 * Tokens.  Words (with internal hyphens and apostrophes: `al-Qaeda`,
 * `O'Brien`), numbers (`1,500`, `3.5`, `2022-11-14`), abbreviations ending
 * in a period (`U.S.`, `Mr.`, `Jan.`), possessive clitics split off
 * (`Mali’s` -> `Mali` + `’s`, `allies'` -> `allies` + `'`), quotes marked as
 * opening or closing, brackets, dashes and other punctuation.
 *
 * Sentences.  A run of tokens; the splitter knows abbreviations, initials,
 * quotes that end a sentence only when what follows starts a new one
 * (`peace,” the British representative said.` stays with its quote), stray
 * `. .`, and blank lines (paragraph breaks always end a sentence).
 *
 * No function here keeps state between calls; all memory for one article
 * comes from the caller's arena.
 */
#ifndef DL_TEXT_H
#define DL_TEXT_H
#include <stddef.h>
#include <stdint.h>
#include "../util/arena.h"
#include "../util/buf.h"

/* ---- UTF-8 ---- */

/* Append a cleaned copy of in[0..n) to out: invalid sequences become U+FFFD
 * (one per invalid byte, so the count is a byte count), NUL bytes become
 * spaces, the result is NFC.  Returns the number of replacements made, and
 * sets *first_bad (if not NULL) to the input byte offset of the first one,
 * or (size_t)-1. */
size_t dl_text_clean(const char *in, size_t n, dl_buf *out, size_t *first_bad);

/* Decode one code point from s[0..n); returns its length in bytes (>= 1) and
 * stores the code point, or -1 in *cp for an invalid sequence (length 1). */
int dl_utf8_decode(const char *s, size_t n, int32_t *cp);
/* Encode cp into out (4 bytes room); returns the length. */
int dl_utf8_encode(int32_t cp, char *out);

/* Fold s[0..n) for matching: curly quotes -> ' and ", dashes -> -,
 * no-break and other spaces -> ' ', ellipsis -> "...", then lower case
 * (Unicode-aware).  Appends to out; returns the number of bytes appended. */
size_t dl_fold(const char *s, size_t n, dl_buf *out);

/* ---- tokens ---- */

typedef enum dl_tok_kind {
    DL_TOK_WORD = 1,   /* letters, digits inside words, ' and - inside words */
    DL_TOK_NUM,        /* 300  1,500  3.5  2022  1990s  10-year is a WORD */
    DL_TOK_ABBR,       /* a word with its final period: U.S.  Mr.  Gen.  Jan. */
    DL_TOK_POSS,       /* possessive clitic: 's  ’s  '  ’ after a plural */
    DL_TOK_QUOTE,      /* " “ ” ' ‘ ’ « » used as quotation marks */
    DL_TOK_OPEN,       /* ( [ { */
    DL_TOK_CLOSE,      /* ) ] } */
    DL_TOK_DASH,       /* - -- – — _ standing alone */
    DL_TOK_PUNCT,      /* . , ; : ! ? ... and other punctuation */
    DL_TOK_SYM         /* $ % & / @ # and any other symbol */
} dl_tok_kind;

enum {
    DL_TF_CAP       = 1 << 0,  /* first letter upper case */
    DL_TF_UPPER     = 1 << 1,  /* every letter upper case (and >= 1 letter) */
    DL_TF_SPACE     = 1 << 2,  /* whitespace before the token */
    DL_TF_NEWLINE   = 1 << 3,  /* a line break before the token */
    DL_TF_PARA      = 1 << 4,  /* a blank line (paragraph break) before it */
    DL_TF_QOPEN     = 1 << 5,  /* QUOTE that opens a quotation */
    DL_TF_QCLOSE    = 1 << 6,  /* QUOTE that closes a quotation */
    DL_TF_SENT_END  = 1 << 7,  /* set by the splitter on a sentence's last token */
    DL_TF_HYPHEN    = 1 << 8   /* WORD containing a hyphen */
};

typedef struct dl_token {
    uint32_t start, end;     /* byte span in the working text */
    uint16_t kind;           /* dl_tok_kind */
    uint16_t flags;          /* DL_TF_* */
    const char *norm;        /* folded, lower-cased, NUL-terminated (arena) */
    uint32_t norm_len;
    uint32_t hash;           /* dl_hash32(norm, norm_len): word lookups start here */
} dl_token;

typedef struct dl_tokens {
    dl_token *v;
    size_t n, cap;
} dl_tokens;

/* Tokenize text[start..end) and append to out (arrays grow in the arena). */
void dl_tokenize(dl_arena *a, const char *text, size_t start, size_t end, dl_tokens *out);

/* Is norm (already folded) one of the abbreviations the tokenizer and the
 * splitter know (without the final period: "mr", "gen", "u.s")?  Titles such
 * as mr/dr/gen never end a sentence; others (u.s, inc) end one when the next
 * token starts a new sentence. */
int dl_abbrev_kind(const char *norm, size_t n);
enum { DL_ABBR_NONE = 0, DL_ABBR_TITLE = 1, DL_ABBR_OTHER = 2 };

/* Character classes of the tokenizer, exported for the unit test that keeps
 * its ASCII table in step with the general classifier. */
int dl_tok_classify(int32_t cp);
int dl_tok_classify_ascii(int c);

/* ---- sentences ---- */

typedef struct dl_sentence {
    uint32_t start, end;          /* byte span */
    uint32_t tok_start, tok_end;  /* token index range [tok_start, tok_end) */
} dl_sentence;

typedef struct dl_sentences {
    dl_sentence *v;
    size_t n, cap;
} dl_sentences;

/* Split tokens t[0..n) into sentences appended to out. */
void dl_split_sentences(dl_arena *a, const char *text, dl_token *t, size_t n, dl_sentences *out);

/* FNV-1a, 32 bits: the hash every word table keyed by a token's norm
 * uses, so that a token is hashed once, by the tokenizer. */
static inline uint32_t dl_hash32(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

/* ---- word sets (wordset.c) ----
 * Closed classes of words (determiners, auxiliaries, speech verbs, ...) as
 * bits: each list given to dl_wordset_new is one bit, and a lookup returns
 * every class a word is in.  Modules that test tokens against word lists
 * many times per article look each token up once and keep the mask. */
typedef struct dl_wordlist {
    const char *const *words;   /* NULL-terminated, lower-case */
    uint32_t bit;
} dl_wordlist;
typedef struct dl_wordset dl_wordset;
dl_wordset *dl_wordset_new(const dl_wordlist *lists, size_t nlists);
void dl_wordset_free(dl_wordset *ws);
/* The classes of a folded word (0: none). */
uint32_t dl_wordset_get(const dl_wordset *ws, const char *norm, size_t n, uint32_t hash);
static inline uint32_t dl_wordset_tok(const dl_wordset *ws, const dl_token *t)
{
    return dl_wordset_get(ws, t->norm, t->norm_len, t->hash);
}

#endif
