/* gzip_fuzz.c -- libFuzzer harness for the two gzip paths: the reader's
 * (zlib gz* functions on a file, any format by sniffing) and the WARC
 * reader's own member-by-member inflate.  Inputs not starting with the
 * gzip magic get it prepended, so every input exercises inflate. */
#include "ingest/reader.h"
#include "ingest/warc.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    uint8_t *buf = malloc(size + 3);
    if (!buf) return 0;
    size_t n = size;
    if (size >= 2 && data[0] == 0x1f && data[1] == 0x8b) memcpy(buf, data, size);
    else { buf[0] = 0x1f; buf[1] = 0x8b; buf[2] = 8; memcpy(buf + 3, data, size); n = size + 3; }

    char path[64];
    snprintf(path, sizeof path, "/tmp/dl-fuzz-gz-%d.txt.gz", (int)getpid());
    FILE *f = fopen(path, "wb");
    if (f) {
        fwrite(buf, 1, n, f);
        fclose(f);
        const char *paths[1] = {path};
        dl_reader_opts o = {.max_bytes = 1 << 20, .format = NULL};
        dl_reader *r = dl_reader_new(paths, 1, &o);
        dl_article a = {0};
        while (dl_reader_next(r, &a) != DL_READ_EOF) dl_article_clear(&a);
        dl_article_clear(&a);
        dl_reader_free(r);
        unlink(path);
    }

    char *err = NULL;
    dl_warc *w = dl_warc_open_prefix(NULL, -1, buf, n, &err);
    if (w) {
        dl_warc_set_max(w, 1 << 20);
        dl_article a = {0};
        while (dl_warc_next(w, &a) != DL_READ_EOF) dl_article_clear(&a);
        dl_article_clear(&a);
        dl_warc_close(w);
    }
    free(err);
    free(buf);
    return 0;
}
