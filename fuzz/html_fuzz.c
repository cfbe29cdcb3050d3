/* html_fuzz.c -- libFuzzer harness: any bytes as a web page. */
#include "ingest/html.h"
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    dl_article a = {0};
    char *err = NULL;
    dl_html_extract((const char *)data, size, "http://example.com/news/2012/07/24/story.html", &a, &err);
    free(err);
    dl_article_clear(&a);
    return 0;
}
