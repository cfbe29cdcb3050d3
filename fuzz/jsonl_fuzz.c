/* jsonl_fuzz.c -- libFuzzer harness: any bytes as a JSON-lines file,
 * through dl_reader (which reads files by path, so the input is written to
 * a per-process temporary file first). */
#include "ingest/reader.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    char path[64];
    snprintf(path, sizeof path, "/tmp/dl-fuzz-%d.jsonl", (int)getpid());
    FILE *f = fopen(path, "wb");
    if (!f) return 0;
    fwrite(data, 1, size, f);
    fclose(f);
    const char *paths[1] = {path};
    dl_reader_opts o = {.max_bytes = 1 << 20, .format = "jsonl"};
    dl_reader *r = dl_reader_new(paths, 1, &o);
    dl_article a = {0};
    while (dl_reader_next(r, &a) != DL_READ_EOF) dl_article_clear(&a);
    dl_article_clear(&a);
    dl_reader_free(r);
    unlink(path);
    return 0;
}
