/* store.h -- the SQLite store: articles, what was found in them, and the
 * events they report, aggregated across articles.
 *
 * The store reads each article as the JSON object `dateline code` prints
 * (dl_doc_to_json) plus the cleaned text the offsets refer to, not the C
 * structs of the stages: so the schema does not change when a stage's
 * internals do, a stage that did not run (its key missing) simply stores
 * nothing, and the same object can come from a file of `dateline code`
 * output.  The schema is in docs/schema.md.
 *
 *   dl_store *st = dl_store_open("dateline.db", DL_STORE_WRITE, &err);
 *   dl_store_begin(st, &err);
 *   dl_store_add(st, obj, text, len, &err);      once per article
 *   dl_store_add_error(st, file, line, offset, message, &err);
 *   dl_store_commit(st, &err);                   aggregates, then COMMIT
 *   dl_store_close(st);
 *
 * Safety: everything an article brings (its row, sentences, actors, mentions
 * and the aggregate counts of its events) is written in the caller's
 * transaction, so a process killed at any moment leaves either all of a
 * batch or none of it (WAL journal).  Articles are keyed by id and inserted
 * with INSERT OR IGNORE: feeding the same input again adds nothing, and an
 * interrupted run is finished by running it again.
 */
#ifndef DL_STORE_H
#define DL_STORE_H
#include <stddef.h>
#include <jansson.h>
#include <sqlite3.h>

/* The schema version this code writes (PRAGMA user_version). */
#define DL_STORE_VERSION 1

enum { DL_STORE_READ = 0, DL_STORE_WRITE = 1 };

/* What dl_store_add did with an article. */
enum {
    DL_STORE_ADDED = 0,      /* new article, stored with everything found in it */
    DL_STORE_PRESENT = 1,    /* an article with this id is already stored */
    DL_STORE_DUPLICATE = 2   /* new id, but the same text from the same outlet as a
                                stored article: recorded, its events not counted again */
};

typedef struct dl_store_counts {
    long added, present, duplicates, errors;  /* this session */
    long mentions, new_events;
} dl_store_counts;

typedef struct dl_store dl_store;

/* Open (and with DL_STORE_WRITE create or migrate) the database at path.
 * Returns NULL with *err (malloc'd) on failure, e.g. a schema newer than
 * this program. */
dl_store *dl_store_open(const char *path, int mode, char **err);
void dl_store_close(dl_store *st);
sqlite3 *dl_store_db(dl_store *st);
const dl_store_counts *dl_store_counts_get(const dl_store *st);

int dl_store_begin(dl_store *st, char **err);
/* Update the aggregates of every event touched since begin, then commit. */
int dl_store_commit(dl_store *st, char **err);
void dl_store_rollback(dl_store *st);

/* Store one article: obj is its `dateline code` object (it must have "id"),
 * text/len the cleaned text its offsets refer to (NULL: obj's "text" key, if
 * any).  Returns DL_STORE_ADDED, _PRESENT, _DUPLICATE, or -1 with *err. */
int dl_store_add(dl_store *st, json_t *obj, const char *text, size_t len, char **err);

/* Record an input record that could not be read (idempotent too). */
int dl_store_add_error(dl_store *st, const char *origin, long line, long offset, const char *message,
                       char **err);

/* 1 if an article with this id is stored, 0 if not, -1 on error. */
int dl_store_has(dl_store *st, const char *id);

/* Record a run (inputs, counts, start and end time) in the runs table. */
int dl_store_log_run(dl_store *st, const char *inputs, double seconds, char **err);

/* "YYYY-MM-DDTHH:MM:SSZ" for now, as the store writes its timestamps. */
void dl_store_now(char out[21]);

#endif
