/* query.h -- select stored events by filters, and print them as an aligned
 * table, JSON lines, CSV or TSV; also the summary of a database.
 *
 * The filters become one SQL WHERE clause over `events e` (query and export
 * share it), with every value bound as a parameter, never pasted into SQL.
 *
 *   dl_query q = {0};  q.source = "USA";  q.limit = 15;
 *   dl_query_write(db, &q, DL_FMT_TABLE, stdout, &err);
 */
#ifndef DL_QUERY_H
#define DL_QUERY_H
#include <stdio.h>
#include <sqlite3.h>
#include "../util/buf.h"

typedef struct dl_query {
    const char *source;   /* actor code prefix ("USA" matches USAGOV) or exact actor name */
    const char *target;
    const char *actor;    /* source or target */
    const char *code;     /* CAMEO event code prefix ("04" matches 040..049) */
    const char *root;     /* CAMEO root "01".."20" */
    int quad;             /* 1..4, 0 = any */
    const char *plover;   /* PLOVER event type, any case */
    const char *since;    /* YYYY[-MM[-DD]], inclusive */
    const char *until;    /* inclusive: "2022-11" takes all of November */
    const char *place;    /* event place name or country, or the dateline place of a report */
    const char *text;     /* FTS5 query over reporting articles' title and text */
    long limit;           /* 0 = all */
} dl_query;

enum { DL_FMT_TABLE, DL_FMT_JSONL, DL_FMT_CSV, DL_FMT_TSV };

/* Append " WHERE ..." (or nothing) for q to sql; *params gets the values to
 * bind as ?1..?n in order (at most 16).  Returns -1 with *err on a bad
 * filter value (e.g. a date that is not YYYY[-MM[-DD]]). */
int dl_query_where(const dl_query *q, dl_buf *sql, const char *params[16], int *nparams, char **err);

/* Prepare sql and bind params (helper for query and export). */
sqlite3_stmt *dl_query_prepare(sqlite3 *db, const char *sql, const char *const *params, int nparams, char **err);

/* Print the events matching q, most reported first. */
int dl_query_write(sqlite3 *db, const dl_query *q, int format, FILE *out, char **err);

/* A few lines about the whole database: articles, sources, dates, events. */
int dl_query_summary(sqlite3 *db, FILE *out, char **err);

#endif
