/* charset.c -- conversion to UTF-8; see charset.h. */
#include "charset.h"
#include "../util/buf.h"
#include "../util/arena.h"
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* windows-1252 0x80..0x9F; 0 marks the five undefined bytes, which we map
 * like Latin-1 (to the C1 control), as browsers do. */
static const unsigned short cp1252_high[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

int dl_charset_is_utf8(const char *cs) {
    return cs && (!strcasecmp(cs, "utf-8") || !strcasecmp(cs, "utf8"));
}

static int is_cp1252(const char *cs) {
    static const char *const names[] = {"windows-1252", "cp1252", "iso-8859-1", "iso8859-1",
        "latin1", "latin-1", "l1", "us-ascii", "ascii", "iso_8859-1", "x-cp1252", NULL};
    for (int i = 0; names[i]; i++) if (!strcasecmp(cs, names[i])) return 1;
    return 0;
}

static char *from_cp1252(const unsigned char *s, size_t n, size_t *out_len) {
    /* at most 3 output bytes per input byte */
    char *o = dl_xmalloc(n * 3 + 1), *q = o;
    for (size_t i = 0; i < n; i++) {
        unsigned c = s[i];
        if (c >= 0x80 && c < 0xA0 && cp1252_high[c - 0x80]) c = cp1252_high[c - 0x80];
        if (c < 0x80) *q++ = (char)c;
        else if (c < 0x800) { *q++ = (char)(0xC0 | c >> 6); *q++ = (char)(0x80 | (c & 0x3F)); }
        else { *q++ = (char)(0xE0 | c >> 12); *q++ = (char)(0x80 | ((c >> 6) & 0x3F)); *q++ = (char)(0x80 | (c & 0x3F)); }
    }
    *q = 0;
    *out_len = (size_t)(q - o);
    return o;
}

char *dl_to_utf8(const char *in, size_t n, const char *charset, size_t *out_len, size_t *replaced) {
    if (replaced) *replaced = 0;
    if (!charset || is_cp1252(charset)) return from_cp1252((const unsigned char *)in, n, out_len);
    if (dl_charset_is_utf8(charset)) {
        char *p = dl_xmalloc(n + 1);
        memcpy(p, in, n);
        p[n] = 0;
        *out_len = n;
        return p;
    }
    iconv_t cd = iconv_open("UTF-8", charset);
    if (cd == (iconv_t)-1) return from_cp1252((const unsigned char *)in, n, out_len);
    dl_buf b = DL_BUF_INIT;
    char *ip = (char *)in;
    size_t il = n;
    char tmp[8192];
    while (il > 0) {
        char *op = tmp;
        size_t ol = sizeof tmp;
        size_t r = iconv(cd, &ip, &il, &op, &ol);
        dl_buf_add(&b, tmp, (size_t)(op - tmp));
        if (r == (size_t)-1) {
            if (errno == E2BIG) continue;
            /* EILSEQ or EINVAL (cut sequence at the end): replace one byte */
            dl_buf_add(&b, "\xEF\xBF\xBD", 3);
            if (replaced) (*replaced)++;
            ip++; il--;
            iconv(cd, NULL, NULL, NULL, NULL);
        }
    }
    iconv_close(cd);
    *out_len = b.len;
    return dl_buf_take(&b);
}
