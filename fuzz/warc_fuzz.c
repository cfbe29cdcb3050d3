/* warc_fuzz.c -- libFuzzer harness: any bytes as a WARC file (plain or
 * gzip), read from memory to the end with a small record limit so the
 * skip path is exercised too. */
#include "ingest/warc.h"
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    char *err = NULL;
    dl_warc *w = dl_warc_open_prefix(NULL, -1, data, size, &err);
    if (!w) { free(err); return 0; }
    dl_warc_set_max(w, 1 << 20);
    dl_article a = {0};
    int n = 0;
    while (dl_warc_next(w, &a) != DL_READ_EOF && n++ < 100000) dl_article_clear(&a);
    dl_article_clear(&a);
    dl_warc_close(w);
    return 0;
}
