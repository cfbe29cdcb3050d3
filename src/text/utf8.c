/* utf8.c -- UTF-8 cleaning, decoding and folding for the text layer.
 *
 * Cleaning replaces every byte that does not start a valid, shortest-form
 * UTF-8 sequence (and every byte of an overlong, surrogate or truncated
 * one) with U+FFFD, one replacement per byte: the count then tells how many
 * input bytes were lost, which is what a user fixing a feed wants to know.
 * NFC comes from utf8proc and runs only when the text has non-ASCII bytes.
 */
#include "text.h"
#include <string.h>
#include <stdlib.h>
#include <utf8proc.h>

int dl_utf8_decode(const char *str, size_t n, int32_t *cp) {
    const unsigned char *s = (const unsigned char *)str;
    unsigned c = s[0];
    if (c < 0x80) { *cp = (int32_t)c; return 1; }
    int len;
    int32_t v, min;
    if (c >= 0xC2 && c <= 0xDF) { len = 2; v = c & 0x1F; min = 0x80; }
    else if (c >= 0xE0 && c <= 0xEF) { len = 3; v = c & 0x0F; min = 0x800; }
    else if (c >= 0xF0 && c <= 0xF4) { len = 4; v = c & 0x07; min = 0x10000; }
    else { *cp = -1; return 1; }
    if ((size_t)len > n) { *cp = -1; return 1; }
    for (int i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) { *cp = -1; return 1; }
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) { *cp = -1; return 1; }
    *cp = v;
    return len;
}

int dl_utf8_encode(int32_t cp, char *out) {
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) { o[0] = (unsigned char)cp; return 1; }
    if (cp < 0x800) { o[0] = 0xC0 | (cp >> 6); o[1] = 0x80 | (cp & 0x3F); return 2; }
    if (cp < 0x10000) {
        o[0] = 0xE0 | (cp >> 12); o[1] = 0x80 | ((cp >> 6) & 0x3F); o[2] = 0x80 | (cp & 0x3F);
        return 3;
    }
    o[0] = 0xF0 | (cp >> 18); o[1] = 0x80 | ((cp >> 12) & 0x3F);
    o[2] = 0x80 | ((cp >> 6) & 0x3F); o[3] = 0x80 | (cp & 0x3F);
    return 4;
}

size_t dl_text_clean(const char *in, size_t n, dl_buf *out, size_t *first_bad) {
    size_t bad = 0, first = (size_t)-1;
    size_t base = out->len;
    int ascii = 1;
    dl_buf_reserve(out, n);
    size_t i = 0;
    while (i < n) {
        /* Copy runs of plain ASCII in one go: the common case. */
        size_t j = i;
        while (j < n && (unsigned char)in[j] < 0x80 && in[j] != 0) j++;
        if (j > i) { dl_buf_add(out, in + i, j - i); i = j; continue; }
        if (in[i] == 0) { dl_buf_addc(out, ' '); i++; continue; }
        int32_t cp;
        int len = dl_utf8_decode(in + i, n - i, &cp);
        if (cp < 0) {
            if (first == (size_t)-1) first = i;
            bad++;
            dl_buf_add(out, "\xEF\xBF\xBD", 3);
        } else {
            dl_buf_add(out, in + i, (size_t)len);
        }
        ascii = 0;
        i += (size_t)len;
    }
    if (!ascii) {
        utf8proc_uint8_t *nfc = NULL;
        utf8proc_ssize_t m = utf8proc_map((const utf8proc_uint8_t *)out->p + base,
                                          (utf8proc_ssize_t)(out->len - base), &nfc,
                                          UTF8PROC_STABLE | UTF8PROC_COMPOSE);
        if (m >= 0) {
            out->len = base;
            dl_buf_add(out, nfc, (size_t)m);
        }
        free(nfc);
    }
    if (first_bad) *first_bad = first;
    return bad;
}

/* Folding of one code point for matching; returns a replacement string or
 * NULL to keep the (lower-cased) code point. */
static const char *fold_cp(int32_t cp) {
    switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC:
        return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x00AB: case 0x00BB:
        return "\"";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
        return "-";
    case 0x00A0: case 0x2007: case 0x202F: case 0x205F: case 0x3000:
        return " ";
    case 0x2026:
        return "...";
    case 0x00AD: case 0x200B: case 0x200C: case 0x200D: case 0xFEFF:
        return "";   /* soft hyphen, zero-width characters */
    default:
        if (cp >= 0x2000 && cp <= 0x200A) return " ";
        return NULL;
    }
}

size_t dl_fold(const char *s, size_t n, dl_buf *out) {
    size_t before = out->len;
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            dl_buf_addc(out, (char)(c >= 'A' && c <= 'Z' ? c + 32 : c));
            i++;
            continue;
        }
        int32_t cp;
        int len = dl_utf8_decode(s + i, n - i, &cp);
        i += (size_t)len;
        if (cp < 0) { dl_buf_add(out, "\xEF\xBF\xBD", 3); continue; }
        const char *rep = fold_cp(cp);
        if (rep) { dl_buf_adds(out, rep); continue; }
        char enc[4];
        int el = dl_utf8_encode(utf8proc_tolower(cp), enc);
        dl_buf_add(out, enc, (size_t)el);
    }
    return out->len - before;
}
