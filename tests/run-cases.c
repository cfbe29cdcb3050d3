/* run-cases.c -- run the data-driven case files (tests/cases/NAME.test).
 *
 * Format (after jq's tests/NAME.test):
 *   # comment
 *   %kind tokens          selects the renderer for the cases below
 *   <input line>          one line; \n \t \\ and \xHH are unescaped
 *   <expected line>...    compared exactly with the renderer's output
 *   <blank line>          ends the case
 * Prints each failure with its file and line, then "N passed, N failed".
 * Exit status 1 if any case failed.
 */
#include "kinds.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct { const char *name; dl_kind_fn fn; } kinds[] = {
    {"tokens", dl_kind_tokens},
    {"sentences", dl_kind_sentences},
    {"dateline", dl_kind_dateline},
    {"boilerplate", dl_kind_boilerplate},
    {"fold", dl_kind_fold},
    {"date", dl_kind_date},
    /* HOOK kinds */
    {"actors", dl_kind_actors},
    {"events", dl_kind_events},
    {"quotes", dl_kind_quotes}, {"counts", dl_kind_counts}, {"places", dl_kind_places},
    {"dates", dl_kind_dates}, {"tone", dl_kind_tone},
};

static dl_kind_fn find_kind(const char *name) {
    for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
        if (!strcmp(kinds[i].name, name)) return kinds[i].fn;
    return NULL;
}

static int hexval(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static void unescape(const char *s, dl_buf *out) {
    for (; *s; s++) {
        if (*s != '\\' || !s[1]) { dl_buf_addc(out, *s); continue; }
        s++;
        switch (*s) {
        case 'n': dl_buf_addc(out, '\n'); break;
        case 't': dl_buf_addc(out, '\t'); break;
        case '\\': dl_buf_addc(out, '\\'); break;
        case 'x':
            if (hexval(s[1]) >= 0 && hexval(s[2]) >= 0) {
                dl_buf_addc(out, (char)(hexval(s[1]) * 16 + hexval(s[2])));
                s += 2;
                break;
            }
            /* fallthrough */
        default: dl_buf_addc(out, '\\'); dl_buf_addc(out, *s); break;
        }
    }
}

static char *chomp(char *line) {
    size_t n = strlen(line);
    while (n && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = 0;
    return line;
}

int main(int argc, char **argv) {
    dl_ctx ctx;
    char *err = NULL;
    char home[4096];
    if (dl_ctx_load(&ctx, dl_home(argv[0], home, sizeof home), &err) != 0) {
        fprintf(stderr, "run-cases: %s\n", err);
        return 2;
    }
    int passed = 0, failed = 0;
    for (int f = 1; f < argc; f++) {
        FILE *fp = fopen(argv[f], "r");
        if (!fp) { fprintf(stderr, "run-cases: cannot open %s\n", argv[f]); failed++; continue; }
        dl_kind_fn fn = NULL;
        char kind[64] = "";
        char *line = NULL;
        size_t cap = 0;
        long lineno = 0;
        int in_case = 0;
        long case_line = 0;
        dl_buf input = DL_BUF_INIT, expected = DL_BUF_INIT;
        int more = 1;
        while (more) {
            more = getline(&line, &cap, fp) >= 0;
            if (more) { lineno++; chomp(line); }
            int blank = !more || line[0] == 0;
            if (in_case && blank) {
                dl_buf got = DL_BUF_INIT;
                int rc = fn(&ctx, input.p, input.len, &got);
                if (rc != 0 || got.len != expected.len || (got.len && memcmp(got.p, expected.p, got.len))) {
                    failed++;
                    printf("FAIL %s:%ld (%s)\n  input:    %s\n  expected:\n%s  got:\n%s", argv[f], case_line, kind,
                           input.p, expected.p ? expected.p : "", got.p ? got.p : "");
                } else {
                    passed++;
                }
                dl_buf_free(&got);
                in_case = 0;
                continue;
            }
            if (!more || blank) continue;
            if (!in_case && line[0] == '#') continue;
            if (!in_case && !strncmp(line, "%kind ", 6)) {
                snprintf(kind, sizeof kind, "%s", line + 6);
                fn = find_kind(kind);
                if (!fn) { fprintf(stderr, "%s:%ld: unknown kind '%s'\n", argv[f], lineno, kind); failed++; break; }
                continue;
            }
            if (!in_case) {
                if (!fn) { fprintf(stderr, "%s:%ld: case before any %%kind line\n", argv[f], lineno); failed++; break; }
                dl_buf_clear(&input);
                dl_buf_clear(&expected);
                unescape(line, &input);
                if (!input.p) dl_buf_adds(&input, "");
                in_case = 1;
                case_line = lineno;
                continue;
            }
            unescape(line, &expected);
            dl_buf_addc(&expected, '\n');
        }
        free(line);
        dl_buf_free(&input);
        dl_buf_free(&expected);
        fclose(fp);
    }
    dl_ctx_free(&ctx);
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
