/* token.c -- the tokenizer; see text.h for what a token is.
 *
 * One left-to-right pass over code points.  The decisions that need context
 * are made here, where the context is cheapest to see:
 *   - a period belongs to the word before it when that word is a known
 *     abbreviation, a single capital letter (an initial), or a dotted
 *     acronym (U.S., U.N., a.m.);
 *   - an apostrophe followed by "s" and a non-letter splits off a
 *     possessive clitic; one after a word ending in "s" is a plural
 *     possessive unless a single quotation is open; "n't" splits so that
 *     negation is its own token;
 *   - a straight quote opens when it follows a space or an opening bracket
 *     and closes otherwise.
 */
#include "text.h"
#include <string.h>
#include <utf8proc.h>

/* Abbreviations that take a period.  TITLE ones precede a name and never
 * end a sentence; OTHER ones may. Sorted for bsearch.  The US states' and
 * Canadian provinces' AP abbreviations are here ("Tampa, Fla., said" keeps
 * "Fla." whole for the gazetteer) except those that are also English words
 * ending sentences: "ill.", "ind.", "mass.", "miss.", "wash.", "ore.",
 * "del.", "la.", "man.". */
static const struct abbr { const char *s; int kind; } abbrevs[] = {
    {"adm", DL_ABBR_TITLE}, {"ala", DL_ABBR_OTHER}, {"alta", DL_ABBR_OTHER},
    {"approx", DL_ABBR_OTHER}, {"apr", DL_ABBR_OTHER}, {"ariz", DL_ABBR_OTHER},
    {"ark", DL_ABBR_OTHER}, {"aug", DL_ABBR_OTHER}, {"ave", DL_ABBR_OTHER}, {"brig", DL_ABBR_TITLE}, {"bros", DL_ABBR_OTHER},
    {"calif", DL_ABBR_OTHER}, {"capt", DL_ABBR_TITLE}, {"cmdr", DL_ABBR_TITLE},
    {"co", DL_ABBR_OTHER}, {"col", DL_ABBR_TITLE}, {"colo", DL_ABBR_OTHER}, {"conn", DL_ABBR_OTHER},
    {"corp", DL_ABBR_OTHER}, {"cpl", DL_ABBR_TITLE}, {"dec", DL_ABBR_OTHER},
    {"dept", DL_ABBR_OTHER}, {"dr", DL_ABBR_TITLE}, {"e.g", DL_ABBR_TITLE}, {"esq", DL_ABBR_OTHER},
    {"etc", DL_ABBR_OTHER}, {"feb", DL_ABBR_OTHER}, {"fig", DL_ABBR_OTHER}, {"fla", DL_ABBR_OTHER},
    {"fr", DL_ABBR_TITLE}, {"ft", DL_ABBR_OTHER}, {"ga", DL_ABBR_OTHER}, {"gen", DL_ABBR_TITLE},
    {"gov", DL_ABBR_TITLE}, {"hon", DL_ABBR_TITLE}, {"i.e", DL_ABBR_TITLE}, {"inc", DL_ABBR_OTHER},
    {"jan", DL_ABBR_OTHER}, {"jr", DL_ABBR_OTHER}, {"jul", DL_ABBR_OTHER}, {"jun", DL_ABBR_OTHER},
    {"kan", DL_ABBR_OTHER}, {"kans", DL_ABBR_OTHER}, {"ky", DL_ABBR_OTHER}, {"lt", DL_ABBR_TITLE},
    {"ltd", DL_ABBR_OTHER}, {"maj", DL_ABBR_TITLE}, {"mar", DL_ABBR_OTHER}, {"md", DL_ABBR_OTHER},
    {"messrs", DL_ABBR_TITLE}, {"mich", DL_ABBR_OTHER}, {"minn", DL_ABBR_OTHER},
    {"mo", DL_ABBR_OTHER}, {"mont", DL_ABBR_OTHER}, {"mr", DL_ABBR_TITLE}, {"mrs", DL_ABBR_TITLE},
    {"ms", DL_ABBR_TITLE}, {"mt", DL_ABBR_TITLE}, {"neb", DL_ABBR_OTHER}, {"nebr", DL_ABBR_OTHER},
    {"nev", DL_ABBR_OTHER}, {"nfld", DL_ABBR_OTHER}, {"no", DL_ABBR_TITLE}, {"nov", DL_ABBR_OTHER},
    {"oct", DL_ABBR_OTHER}, {"okla", DL_ABBR_OTHER}, {"ont", DL_ABBR_OTHER}, {"pa", DL_ABBR_OTHER},
    {"penn", DL_ABBR_OTHER}, {"pres", DL_ABBR_TITLE}, {"prof", DL_ABBR_TITLE},
    {"que", DL_ABBR_OTHER}, {"rep", DL_ABBR_TITLE}, {"reps", DL_ABBR_TITLE}, {"rev", DL_ABBR_TITLE},
    {"sask", DL_ABBR_OTHER}, {"sen", DL_ABBR_TITLE}, {"sens", DL_ABBR_TITLE},
    {"sep", DL_ABBR_OTHER}, {"sept", DL_ABBR_OTHER}, {"sgt", DL_ABBR_TITLE}, {"sr", DL_ABBR_OTHER},
    {"st", DL_ABBR_TITLE}, {"supt", DL_ABBR_TITLE}, {"tenn", DL_ABBR_OTHER}, {"tex", DL_ABBR_OTHER},
    {"u.k", DL_ABBR_OTHER}, {"u.n", DL_ABBR_OTHER}, {"u.s", DL_ABBR_OTHER}, {"va", DL_ABBR_OTHER},
    {"vs", DL_ABBR_TITLE}, {"vt", DL_ABBR_OTHER}, {"wis", DL_ABBR_OTHER}, {"wyo", DL_ABBR_OTHER},
};

static int abbr_cmp(const void *k, const void *e) {
    return strcmp((const char *)k, ((const struct abbr *)e)->s);
}

int dl_abbrev_kind(const char *norm, size_t n) {
    char key[16];
    if (n && norm[n - 1] == '.') n--;
    if (n == 0 || n >= sizeof key) return DL_ABBR_NONE;
    memcpy(key, norm, n);
    key[n] = 0;
    const struct abbr *a = bsearch(key, abbrevs, sizeof abbrevs / sizeof *abbrevs, sizeof *abbrevs, abbr_cmp);
    if (a) return a->kind;
    /* Dotted acronyms not listed (N.A.T.O, a.m) end sentences like U.S. */
    if (n >= 3 && memchr(key, '.', n)) return DL_ABBR_OTHER;
    return DL_ABBR_NONE;
}

/* ---- code point classes ---- */

enum { C_SPACE, C_NL, C_LETTER, C_DIGIT, C_MARK, C_APOS, C_DQUOTE, C_OQUOTE, C_CQUOTE,
       C_HYPHEN, C_DASH, C_OPEN, C_CLOSE, C_PERIOD, C_PUNCT, C_SYM };

static int classify(int32_t cp) {
    if (cp < 0) return C_SYM;
    if (cp < 0x80) {
        if (cp == '\n') return C_NL;
        if (cp == ' ' || cp == '\t' || cp == '\r' || cp == '\f' || cp == '\v') return C_SPACE;
        if ((cp | 32) >= 'a' && (cp | 32) <= 'z') return C_LETTER;
        if (cp >= '0' && cp <= '9') return C_DIGIT;
        switch (cp) {
        case '\'': case '`': return C_APOS;
        case '"': return C_DQUOTE;
        case '-': return C_HYPHEN;
        case '_': return C_DASH;
        case '(': case '[': case '{': return C_OPEN;
        case ')': case ']': case '}': return C_CLOSE;
        case '.': return C_PERIOD;
        case ',': case ';': case ':': case '!': case '?': return C_PUNCT;
        default: return cp < 32 ? C_SPACE : C_SYM;
        }
    }
    switch (cp) {
    case 0x2019: case 0x2018: case 0x02BC: return C_APOS;    /* ’ ‘ ʼ */
    case 0x201C: case 0x201E: case 0x00AB: return C_OQUOTE;  /* “ „ « */
    case 0x201D: case 0x00BB: return C_CQUOTE;              /* ” » */
    case 0x2010: case 0x2011: return C_HYPHEN;
    case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212: return C_DASH;
    case 0x2026: return C_PERIOD;                           /* … */
    case 0x00A0: case 0x202F: case 0x3000: case 0x200B: case 0xFEFF: return C_SPACE;
    case 0x2028: case 0x2029: case 0x0085: return C_NL;
    case 0x00BF: case 0x00A1: return C_PUNCT;
    default: break;
    }
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
        return C_LETTER;
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
        return C_MARK;
    case UTF8PROC_CATEGORY_ND: return C_DIGIT;
    case UTF8PROC_CATEGORY_ZS: return C_SPACE;
    case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP: return C_NL;
    case UTF8PROC_CATEGORY_PS: return C_OPEN;
    case UTF8PROC_CATEGORY_PE: return C_CLOSE;
    case UTF8PROC_CATEGORY_PD: return C_DASH;
    case UTF8PROC_CATEGORY_PI: return C_OQUOTE;
    case UTF8PROC_CATEGORY_PF: return C_CQUOTE;
    case UTF8PROC_CATEGORY_PO: return C_PUNCT;
    case UTF8PROC_CATEGORY_CC: case UTF8PROC_CATEGORY_CF: return C_SPACE;
    default: return C_SYM;
    }
}

/* classify() for ASCII as a constant table: the tokenizer's hot path.
 * (Filling it from classify() at first use would be global mutable state.)
 * tests/unit/text_test.c checks that it agrees with classify(). */
#define L C_LETTER
#define D C_DIGIT
#define S C_SPACE
#define Y C_SYM
static const unsigned char ascii_class[128] = {
    S, S, S, S, S, S, S, S, S, S, C_NL, S, S, S, S, S,  S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S,
    /* space ! " # $ % & ' ( ) * + , - . / */
    S, C_PUNCT, C_DQUOTE, Y, Y, Y, Y, C_APOS, C_OPEN, C_CLOSE, Y, Y, C_PUNCT, C_HYPHEN, C_PERIOD, Y,
    D, D, D, D, D, D, D, D, D, D, C_PUNCT, C_PUNCT, Y, Y, Y, C_PUNCT,
    Y, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,  L, L, L, L, L, L, L, L, L, L, L, C_OPEN, Y, C_CLOSE, Y, C_DASH,
    C_APOS, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,  L, L, L, L, L, L, L, L, L, L, L, C_OPEN, Y, C_CLOSE, Y, Y,
};
#undef L
#undef D
#undef S
#undef Y

typedef struct scan {
    const char *text;
    size_t end;
} scan;

/* Class and length of the code point at i (C_SPACE with length 0 at end). */
static int cls_at(const scan *s, size_t i, int *len, int32_t *cpo) {
    if (i >= s->end) { *len = 0; if (cpo) *cpo = 0; return -1; }
    unsigned char c = (unsigned char)s->text[i];
    if (c < 0x80) {
        *len = 1;
        if (cpo) *cpo = c;
        return ascii_class[c];
    }
    int32_t cp;
    *len = dl_utf8_decode(s->text + i, s->end - i, &cp);
    if (cpo) *cpo = cp;
    return classify(cp);
}

static int is_alnum_cls(int c) { return c == C_LETTER || c == C_DIGIT || c == C_MARK; }

static void push(dl_arena *a, dl_tokens *out, dl_buf *scratch, const char *text,
                 size_t b, size_t e, int kind, int flags) {
    if (out->n == out->cap) {
        size_t cap = out->cap ? out->cap * 2 : 256;
        dl_token *v = dl_arena_alloc(a, cap * sizeof *v);
        if (out->n) memcpy(v, out->v, out->n * sizeof *v);
        out->v = v;
        out->cap = cap;
    }
    dl_token *t = &out->v[out->n++];
    t->start = (uint32_t)b;
    t->end = (uint32_t)e;
    t->kind = (uint16_t)kind;
    /* ASCII tokens (most of them) are folded and case-flagged in one
     * loop; others go through dl_fold and utf8proc. */
    char *norm = dl_arena_alloc(a, e - b + 1);
    int upper = 0, lower = 0;
    uint32_t h = 2166136261u;                       /* dl_hash32, folded in */
    size_t k = b;
    for (; k < e; k++) {
        char ch = text[k];
        if ((unsigned char)ch >= 0x80) break;       /* not ASCII: the slow path below */
        if (ch >= 'A' && ch <= 'Z') {
            if (!upper && !lower && !(flags & DL_TF_CAP)) flags |= DL_TF_CAP;
            upper++;
            ch = (char)(ch + 32);
        } else if (ch >= 'a' && ch <= 'z') {
            lower++;
        }
        norm[k - b] = ch;
        h = (h ^ (unsigned char)ch) * 16777619u;
    }
    if (k == e) {
        norm[e - b] = 0;
        t->norm = norm;
        t->norm_len = (uint32_t)(e - b);
        t->hash = h;
        if (kind != DL_TOK_WORD && kind != DL_TOK_ABBR) flags &= ~(DL_TF_CAP);
        else if (upper && !lower) flags |= DL_TF_UPPER;
        t->flags = (uint16_t)flags;
        return;
    }
    dl_buf_clear(scratch);
    dl_fold(text + b, e - b, scratch);
    t->norm = dl_arena_strndup(a, scratch->p ? scratch->p : "", scratch->len);
    t->norm_len = (uint32_t)scratch->len;
    t->hash = dl_hash32(t->norm, t->norm_len);
    /* Case flags from the original letters. */
    if (kind == DL_TOK_WORD || kind == DL_TOK_ABBR) {
        int upper = 0, lower = 0, first = 1;
        size_t i = b;
        while (i < e) {
            int32_t cp;
            int l = dl_utf8_decode(text + i, e - i, &cp);
            if (cp > 0 && classify(cp) == C_LETTER) {
                if (utf8proc_isupper(cp)) { upper++; if (first) flags |= DL_TF_CAP; }
                else if (utf8proc_islower(cp)) lower++;
                first = 0;
            }
            i += (size_t)l;
        }
        if (upper && !lower) flags |= DL_TF_UPPER;
    }
    t->flags = (uint16_t)flags;
}

/* Does text at i start "s" or "S" followed by a non-letter? */
static int poss_s_at(const scan *s, size_t i) {
    if (i >= s->end || (s->text[i] != 's' && s->text[i] != 'S')) return 0;
    int l;
    int c = cls_at(s, i + 1, &l, NULL);
    return c == -1 || !is_alnum_cls(c);
}

void dl_tokenize(dl_arena *a, const char *text, size_t start, size_t end, dl_tokens *out) {
    scan s = {text, end};
    dl_buf scratch = DL_BUF_INIT;
    size_t i = start;
    int flags = 0;            /* whitespace seen before the next token */
    int newlines = 0;
    int single_open = 0;      /* a ‘ or ' quotation is open */
    while (i < end) {
        int len;
        int32_t cp;
        int c;
        unsigned char ch0 = (unsigned char)text[i];
        if (ch0 == ' ') {           /* the commonest byte: a plain space */
            flags |= DL_TF_SPACE;
            if (newlines && (flags & DL_TF_NEWLINE)) {
                size_t k = i;
                while (k > start && (text[k - 1] == ' ' || text[k - 1] == '\t')) k--;
                if (k > start && text[k - 1] == '\n') flags |= DL_TF_PARA;
            }
            i++;
            continue;
        }
        if (ch0 < 0x80) {
            c = ascii_class[ch0];
            len = 1;
            cp = ch0;
        } else {
            c = cls_at(&s, i, &len, &cp);
        }
        if (c == C_SPACE || c == C_NL) {
            flags |= DL_TF_SPACE;
            if (c == C_NL) {
                newlines++;
                flags |= DL_TF_NEWLINE;
                if (newlines >= 2) flags |= DL_TF_PARA;
            } else if (newlines && (cp == ' ' || cp == '\t') && (flags & DL_TF_NEWLINE)) {
                /* indentation right after a line break starts a paragraph */
                size_t k = i;
                while (k > start && (text[k - 1] == ' ' || text[k - 1] == '\t')) k--;
                if (k > start && text[k - 1] == '\n') flags |= DL_TF_PARA;
            }
            i += (size_t)len;
            continue;
        }
        size_t b = i;
        int kind;
        if (c == C_LETTER || c == C_MARK || c == C_DIGIT) {
            int digits_only = (c == C_DIGIT);
            int has_hyphen = 0;
            i += (size_t)len;
            for (;;) {
                int l1, l2, l3;
                /* hot loop: runs of ASCII letters and digits */
                while (i < end && (unsigned char)text[i] < 0x80) {
                    int ac = ascii_class[(unsigned char)text[i]];
                    if (ac == C_LETTER) digits_only = 0;
                    else if (ac != C_DIGIT) break;
                    i++;
                }
                /* a word ends at a space or end of text far more often
                 * than anything else happens: decide that without cls_at */
                if (i >= end || text[i] == ' ' || text[i] == '\n') break;
                int c1 = cls_at(&s, i, &l1, NULL);
                if (c1 == C_LETTER || c1 == C_MARK || c1 == C_DIGIT) {
                    if (c1 != C_DIGIT) digits_only = 0;
                    i += (size_t)l1;
                    continue;
                }
                int c2 = cls_at(&s, i + (size_t)l1, &l2, NULL);
                if (digits_only && (text[i] == ',' ) && c2 == C_DIGIT) {
                    /* 1,500: a comma followed by exactly three digits */
                    size_t k = i + 1;
                    int nd = 0;
                    while (k < end && text[k] >= '0' && text[k] <= '9') k++, nd++;
                    if (nd == 3) { i = k; continue; }
                    break;
                }
                if (digits_only && (text[i] == '.' || text[i] == ':') && c2 == C_DIGIT) {
                    i += 1;           /* 3.5, 10:30 */
                    continue;
                }
                if (c1 == C_HYPHEN && is_alnum_cls(c2)) {   /* al-Qaeda, 10-year, 2022-11-14 */
                    has_hyphen = 1;
                    if (c2 != C_DIGIT) digits_only = 0;
                    i += (size_t)(l1 + l2);
                    continue;
                }
                if (c1 == C_APOS && c2 == C_LETTER && !digits_only) {
                    size_t after = i + (size_t)l1;
                    if (poss_s_at(&s, after)) break;                 /* Mali’s */
                    /* n't: split before the n so "did" + "n't" */
                    if ((text[after] == 't' || text[after] == 'T') && i - 1 > b &&
                        (text[i - 1] == 'n' || text[i - 1] == 'N')) {
                        int c3 = cls_at(&s, after + 1, &l3, NULL);
                        if (c3 == -1 || !is_alnum_cls(c3)) { i -= 1; break; }
                    }
                    i += (size_t)(l1 + l2);                          /* O'Brien, d’Ivoire */
                    continue;
                }
                if (c1 == C_PERIOD && text[i] == '.' && c2 == C_LETTER && !digits_only) {
                    /* dotted acronym: U.S. -- letter(s) between periods */
                    size_t k = i + 1 + (size_t)l2;
                    int c3 = cls_at(&s, k, &l3, NULL);
                    if (c3 == C_PERIOD && text[k] == '.') { i = k; continue; }
                }
                break;
            }
            kind = digits_only ? DL_TOK_NUM : DL_TOK_WORD;
            if (has_hyphen && kind == DL_TOK_WORD) flags |= DL_TF_HYPHEN;
            /* A period that belongs to the word. */
            if (kind == DL_TOK_WORD && i < end && text[i] == '.') {
                dl_buf_clear(&scratch);
                dl_fold(text + b, i - b, &scratch);
                int single_cap = (i - b == 1 && text[b] >= 'A' && text[b] <= 'Z');
                int dotted = memchr(text + b, '.', i - b) != NULL;
                int next_dot = (i + 1 < end && text[i + 1] == '.');   /* "..." is not ours */
                if (!next_dot && (dotted || single_cap || dl_abbrev_kind(scratch.p, scratch.len))) {
                    i++;
                    kind = DL_TOK_ABBR;
                }
            }
        } else if (c == C_APOS) {
            /* possessive clitic after a word: ’s, or plural ’ */
            int prev_word = out->n && out->v[out->n - 1].end == b &&
                            (out->v[out->n - 1].kind == DL_TOK_WORD || out->v[out->n - 1].kind == DL_TOK_ABBR);
            if (prev_word && poss_s_at(&s, i + (size_t)len)) {
                i += (size_t)len + 1;
                kind = DL_TOK_POSS;
            } else if (prev_word && !single_open && cp != 0x2018 &&
                       (text[b - 1] == 's' || text[b - 1] == 'S')) {
                i += (size_t)len;
                kind = DL_TOK_POSS;
            } else {
                i += (size_t)len;
                kind = DL_TOK_QUOTE;
                int l1;
                int next = cls_at(&s, i, &l1, NULL);
                int opens = cp == 0x2018 || (!prev_word && next != C_SPACE && next != C_NL && next != -1);
                if (opens && !(cp == 0x2019 && single_open)) { flags |= DL_TF_QOPEN; single_open = 1; }
                else { flags |= DL_TF_QCLOSE; single_open = 0; }
            }
        } else if (c == C_DQUOTE || c == C_OQUOTE || c == C_CQUOTE) {
            i += (size_t)len;
            kind = DL_TOK_QUOTE;
            if (c == C_OQUOTE) flags |= DL_TF_QOPEN;
            else if (c == C_CQUOTE) flags |= DL_TF_QCLOSE;
            else {
                int l1;
                int next = cls_at(&s, i, &l1, NULL);
                int after_space = (b == start) || (flags & DL_TF_SPACE) ||
                                  (out->n && out->v[out->n - 1].end == b && out->v[out->n - 1].kind == DL_TOK_OPEN);
                if (after_space && next != C_SPACE && next != C_NL && next != -1) flags |= DL_TF_QOPEN;
                else flags |= DL_TF_QCLOSE;
            }
        } else if (c == C_OPEN) {
            i += (size_t)len;
            kind = DL_TOK_OPEN;
        } else if (c == C_CLOSE) {
            i += (size_t)len;
            kind = DL_TOK_CLOSE;
        } else if (c == C_HYPHEN || c == C_DASH) {
            /* runs of dashes: "--" is one token */
            i += (size_t)len;
            for (;;) {
                int l1;
                int c1 = cls_at(&s, i, &l1, NULL);
                if (c1 != C_HYPHEN && c1 != C_DASH) break;
                i += (size_t)l1;
            }
            kind = DL_TOK_DASH;
        } else if (c == C_PERIOD) {
            i += (size_t)len;
            if (cp == '.')
                while (i < end && text[i] == '.') i++;   /* "..." */
            kind = DL_TOK_PUNCT;
        } else if (c == C_PUNCT) {
            i += (size_t)len;
            kind = DL_TOK_PUNCT;
        } else {
            i += (size_t)len;
            kind = DL_TOK_SYM;
        }
        push(a, out, &scratch, text, b, i, kind, flags);
        flags = 0;
        newlines = 0;
    }
    dl_buf_free(&scratch);
}

/* For the unit test that keeps the ASCII table and classify() in step. */
int dl_tok_classify(int32_t cp) { return classify(cp); }
int dl_tok_classify_ascii(int c) { return ascii_class[c & 127]; }
