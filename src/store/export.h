/* export.h -- write stored events in other people's formats: GDELT 2.0
 * Event (61 tab-separated columns), Mentions (16) and GKG 2.1 (27 fields),
 * PLOVER JSON lines, and a CSV of the events table.
 *
 * GDELT files have no header and are tab-separated even though they are
 * named .CSV; a GDELT user's loader (with GDELT's column lists) reads ours
 * unchanged.  Where dateline knows less than GDELT (themes, GCAM, images)
 * the field is empty; where it differs (ISO instead of FIPS country codes,
 * GeoNames instead of GNS feature ids, counts that keep growing instead of
 * being frozen after the first 15 minutes) docs/export.md says so.
 */
#ifndef DL_EXPORT_H
#define DL_EXPORT_H
#include <stdio.h>
#include <sqlite3.h>
#include "query.h"

enum { DL_EXPORT_EVENTS, DL_EXPORT_MENTIONS, DL_EXPORT_GKG, DL_EXPORT_PLOVER, DL_EXPORT_CSV };

/* Format by name ("gdelt-events", "gdelt-mentions", "gdelt-gkg", "plover",
 * "csv"), or -1. */
int dl_export_format(const char *name);

/* Write the events matching q (all if q is NULL) -- or, for GKG, the
 * articles reporting them -- to out.  Returns the number of records
 * written, or -1 with *err. */
long dl_export(sqlite3 *db, int format, const dl_query *q, FILE *out, char **err);

#endif
