/* dateline_fuzz.c -- libFuzzer harness: any bytes as the head of a story
 * (wire dateline) and as a publication date string. */
#include "ingest/dateline.h"
#include "util/date.h"
#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    dl_dateline d;
    memset(&d, 0, sizeof d);
    dl_dateline_parse((const char *)data, size, &d);
    dl_date pub = {2012, 7, 24}, today = {2026, 11, 29};
    dl_dateline_resolve_year(&d, pub, (const char *)data, size, today);
    dl_date x;
    dl_date_parse((const char *)data, size, &x);
    return 0;
}
