/* boiler.c -- trailing boilerplate; see boiler.h.
 *
 * Lines are judged on their own, from the last line up, and the walk stops
 * at the first line of story: boilerplate inside a story is left alone (it
 * is rare, and cutting story text is worse than keeping a stray line).
 */
#include "boiler.h"
#include <ctype.h>
#include <string.h>
#include <strings.h>

static int starts_with_ci(const char *s, size_t n, const char *prefix) {
    size_t k = strlen(prefix);
    return n >= k && strncasecmp(s, prefix, k) == 0;
}

static int contains_ci(const char *s, size_t n, const char *needle) {
    size_t k = strlen(needle);
    for (size_t i = 0; i + k <= n; i++)
        if (strncasecmp(s + i, needle, k) == 0) return 1;
    return 0;
}

/* Skip opening/closing quotes, spaces and bullets at both ends. */
static void trim(const char **s, size_t *n) {
    const unsigned char *p = (const unsigned char *)*s;
    size_t b = 0, e = *n;
    for (;;) {
        if (b < e && (p[b] == ' ' || p[b] == '\t' || p[b] == '"' || p[b] == '*' || p[b] == '\r')) { b++; continue; }
        if (b + 3 <= e && p[b] == 0xE2 && p[b + 1] == 0x80 && (p[b + 2] == 0x9C || p[b + 2] == 0x9D || p[b + 2] == 0xA2)) { b += 3; continue; }
        break;
    }
    for (;;) {
        if (e > b && (p[e - 1] == ' ' || p[e - 1] == '\t' || p[e - 1] == '"' || p[e - 1] == '\r')) { e--; continue; }
        if (e >= b + 3 && p[e - 3] == 0xE2 && p[e - 2] == 0x80 && (p[e - 1] == 0x9C || p[e - 1] == 0x9D)) { e -= 3; continue; }
        break;
    }
    *s += b;
    *n = e - b;
}

/* An author bio: three or more fragments ending in periods, each a short
 * title-case phrase ("Web specialist. Incurable twitteraholic. Explorer."). */
static int is_bio(const char *s, size_t n) {
    int fragments = 0, words_total = 0;
    size_t i = 0;
    while (i < n) {
        while (i < n && s[i] == ' ') i++;
        if (i >= n) break;
        size_t b = i;
        while (i < n && s[i] != '.' && s[i] != '!' && s[i] != '?') i++;
        size_t e = i;
        if (i < n) i++;
        if (e == b) continue;
        /* must start with a capital letter (ASCII or any multibyte letter) */
        unsigned char c0 = (unsigned char)s[b];
        if (!(isupper(c0) || c0 >= 0xC0)) return 0;
        int words = 1;
        for (size_t k = b; k < e; k++) {
            if (s[k] == ' ') words++;
            if (s[k] == ',' || s[k] == ';' || s[k] == ':' || isdigit((unsigned char)s[k])) return 0;
        }
        if (words > 4) return 0;
        /* Bios are strings of noun phrases; a fragment that opens with a
         * determiner or pronoun, or reports speech, is a sentence. */
        static const char *const openers[] = {"The ", "A ", "An ", "He ", "She ", "It ", "They ", "We ",
                                              "I ", "This ", "That ", "These ", "There ", NULL};
        for (int k = 0; openers[k]; k++)
            if (starts_with_ci(s + b, e - b, openers[k])) return 0;
        if (contains_ci(s + b, e - b, " said") || contains_ci(s + b, e - b, " says")) return 0;
        fragments++;
        words_total += words;
    }
    return fragments >= 3 && words_total <= fragments * 3;
}

const char *dl_boiler_line_reason(const char *line, size_t n) {
    trim(&line, &n);
    if (n == 0) return NULL;
    if (starts_with_ci(line, n, "read more") || starts_with_ci(line, n, "related:") ||
        starts_with_ci(line, n, "see also") || starts_with_ci(line, n, "related articles") ||
        starts_with_ci(line, n, "related stories") || starts_with_ci(line, n, "more on this"))
        return "read-more";
    if (starts_with_ci(line, n, "follow us") || starts_with_ci(line, n, "follow @") ||
        starts_with_ci(line, n, "like us on") || (starts_with_ci(line, n, "follow ") && contains_ci(line, n, " on twitter")) ||
        (starts_with_ci(line, n, "follow ") && contains_ci(line, n, " on facebook")))
        return "follow-us";
    if (starts_with_ci(line, n, "\xC2\xA9") || starts_with_ci(line, n, "(c) ") || starts_with_ci(line, n, "copyright") ||
        contains_ci(line, n, "all rights reserved"))
        return "copyright";
    if (starts_with_ci(line, n, "subscribe") || starts_with_ci(line, n, "sign up for") ||
        (n < 160 && contains_ci(line, n, "newsletter") && !contains_ci(line, n, " said")))
        return "subscribe";
    if (starts_with_ci(line, n, "share this") || starts_with_ci(line, n, "share on") ||
        starts_with_ci(line, n, "click here") || starts_with_ci(line, n, "tweet this"))
        return "share";
    if ((n <= 8 && (starts_with_ci(line, n, "reuter") || starts_with_ci(line, n, "(ap)"))) ||
        starts_with_ci(line, n, "(reporting by") || starts_with_ci(line, n, "(writing by") ||
        starts_with_ci(line, n, "(editing by") || starts_with_ci(line, n, "reporting by "))
        return "byline";
    if (is_bio(line, n)) return "bio";
    return NULL;
}

void dl_boiler_find(dl_arena *a, const char *text, size_t start, size_t end, dl_boiler *out) {
    out->v = NULL;
    out->n = 0;
    out->body_end = end;
    size_t cap = 0;
    size_t e = end;
    while (e > start) {
        size_t b = e;
        while (b > start && text[b - 1] != '\n') b--;
        size_t le = e;
        while (le > b && (text[le - 1] == '\r' || text[le - 1] == ' ' || text[le - 1] == '\t')) le--;
        if (le == b) {                 /* blank line */
            e = b ? b - 1 : b;
            if (b == start) break;
            continue;
        }
        const char *why = b > start ? dl_boiler_line_reason(text + b, le - b) : NULL;
        if (!why) { out->body_end = le; break; }   /* story text (the first line always is) */
        if (out->n == cap) {
            size_t nc = cap ? cap * 2 : 4;
            dl_boiler_item *v = dl_arena_alloc(a, nc * sizeof *v);
            if (out->n) memcpy(v, out->v, out->n * sizeof *v);
            out->v = v;
            cap = nc;
        }
        size_t lb = b;
        while (lb < le && (text[lb] == ' ' || text[lb] == '\t')) lb++;
        out->v[out->n].start = lb;
        out->v[out->n].end = le;
        out->v[out->n].reason = why;
        out->n++;
        out->body_end = b;
        if (b == start) break;
        e = b - 1;
    }
    /* report in text order */
    for (size_t i = 0; i < out->n / 2; i++) {
        dl_boiler_item t = out->v[i];
        out->v[i] = out->v[out->n - 1 - i];
        out->v[out->n - 1 - i] = t;
    }
    while (out->body_end > start && (text[out->body_end - 1] == '\n' || text[out->body_end - 1] == '\r' ||
                                     text[out->body_end - 1] == ' '))
        out->body_end--;
}
