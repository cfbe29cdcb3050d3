/* jsonw.c -- compact JSON writer for jansson values; see jsonw.h. */
#include "jsonw.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

/* The bytes a JSON string must escape: controls, '"' and '\\' ('/' only
 * with JSON_ESCAPE_SLASH, which jansson's output here does not use). */
static const unsigned char must_escape[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    ['"'] = 1, ['\\'] = 1,
};

static void write_string(dl_buf *out, const char *s, size_t n) {
    static const char hex[] = "0123456789ABCDEF";   /* jansson writes \u001F */
    dl_buf_reserve(out, n + 2);
    dl_buf_addc(out, '"');
    size_t i = 0;
    while (i < n) {
        size_t b = i;
        while (i < n && !must_escape[(unsigned char)s[i]])
            i++;
        if (i > b) dl_buf_add(out, s + b, i - b);
        if (i >= n) break;
        unsigned char c = (unsigned char)s[i++];
        switch (c) {
        case '"': dl_buf_add(out, "\\\"", 2); break;
        case '\\': dl_buf_add(out, "\\\\", 2); break;
        case '\b': dl_buf_add(out, "\\b", 2); break;
        case '\f': dl_buf_add(out, "\\f", 2); break;
        case '\n': dl_buf_add(out, "\\n", 2); break;
        case '\r': dl_buf_add(out, "\\r", 2); break;
        case '\t': dl_buf_add(out, "\\t", 2); break;
        default: {
            char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            dl_buf_add(out, u, 6);
        }
        }
    }
    dl_buf_addc(out, '"');
}

static void write_int(dl_buf *out, json_int_t v) {
    char tmp[24];
    char *p = tmp + sizeof tmp;
    unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    do { *--p = (char)('0' + u % 10); u /= 10; } while (u);
    if (v < 0) *--p = '-';
    dl_buf_add(out, p, (size_t)(tmp + sizeof tmp - p));
}

static void write_real(dl_buf *out, double d) {
    /* jansson with JSON_REAL_PRECISION(10): "%.10g", then ".0" if the text
     * has neither '.' nor 'e'.  Ten digits keep coordinates to 1e-6 degree
     * and print 49.2497, not 49.249699999999997. */
    /* Whole numbers (a third of the reals written: tone counts, 0.0) print
     * as "%.10g" does below ten digits, without snprintf's cost. */
    if (d > -1e10 && d < 1e10 && d == (double)(long long)d && !(d == 0 && signbit(d))) {
        write_int(out, (json_int_t)d);
        dl_buf_add(out, ".0", 2);
        return;
    }
    /* Decimals with one to four places (tone rounded to 3, coordinates to
     * 4) print as "%.10g" does: the value N/10^k has at most ten
     * significant digits and lies within 1e-12 of d relatively, far inside
     * the half unit of the tenth digit where %.10g could round otherwise;
     * and 1e-4 <= |d| < 1e10 is where %g writes fixed notation. */
    double ad = fabs(d);
    if (ad >= 1e-4 && ad < 1e9) {
        static const double p10[] = {1, 10, 100, 1000, 10000};
        for (int k = 1; k <= 4; k++) {
            double x = ad * p10[k];
            if (x >= 1e10) break;
            long long nn = llround(x);
            if (nn == 0 || fabs(x - (double)nn) > 1e-12 * x) continue;
            char tmp[32];
            char *p = tmp + sizeof tmp;
            long long ip = nn, fr;
            int kk = k;
            while (kk > 0 && ip % 10 == 0) { ip /= 10; kk--; }   /* trailing zeros go */
            if (kk == 0) break;                                  /* a whole number: not here */
            long long scale = 1;
            for (int q = 0; q < kk; q++) scale *= 10;
            fr = ip % scale;
            ip /= scale;
            for (int q = 0; q < kk; q++) { *--p = (char)('0' + fr % 10); fr /= 10; }
            *--p = '.';
            do { *--p = (char)('0' + ip % 10); ip /= 10; } while (ip);
            if (d < 0) *--p = '-';
            dl_buf_add(out, p, (size_t)(tmp + sizeof tmp - p));
            return;
        }
    }
    char tmp[40];
    int n = snprintf(tmp, sizeof tmp, "%.10g", d);
    if (n < 0) n = 0;
    /* jansson then drops the exponent's '+' and leading zeros: 1e+10 is
     * written 1e10, 1e-07 is 1e-7 */
    char *e = memchr(tmp, 'e', (size_t)n);
    if (e) {
        char *start = e + 1, *end = e + 2;
        if (*start == '-') start++;
        while (*end == '0') end++;
        if (end != start) {
            memmove(start, end, (size_t)(tmp + n - end) + 1);
            n -= (int)(end - start);
        }
    }
    dl_buf_add(out, tmp, (size_t)n);
    if (!memchr(tmp, '.', (size_t)n) && !memchr(tmp, 'e', (size_t)n)) dl_buf_add(out, ".0", 2);
}

void dl_json_write(dl_buf *out, const json_t *v) {
    switch (json_typeof(v)) {
    case JSON_OBJECT: {
        dl_buf_addc(out, '{');
        const char *k;
        json_t *val;
        int first = 1;
        json_object_foreach((json_t *)v, k, val) {
            if (!first) dl_buf_addc(out, ',');
            first = 0;
            write_string(out, k, strlen(k));
            dl_buf_addc(out, ':');
            dl_json_write(out, val);
        }
        dl_buf_addc(out, '}');
        break;
    }
    case JSON_ARRAY: {
        dl_buf_addc(out, '[');
        size_t n = json_array_size(v);
        for (size_t i = 0; i < n; i++) {
            if (i) dl_buf_addc(out, ',');
            dl_json_write(out, json_array_get(v, i));
        }
        dl_buf_addc(out, ']');
        break;
    }
    case JSON_STRING: write_string(out, json_string_value(v), json_string_length(v)); break;
    case JSON_INTEGER: write_int(out, json_integer_value(v)); break;
    case JSON_REAL: write_real(out, json_real_value(v)); break;
    case JSON_TRUE: dl_buf_add(out, "true", 4); break;
    case JSON_FALSE: dl_buf_add(out, "false", 5); break;
    default: dl_buf_add(out, "null", 4); break;
    }
}
