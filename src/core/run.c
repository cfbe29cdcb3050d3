/* run.c -- batched, threaded pipeline driver; see run.h.
 *
 * Two batches alternate: while the workers analyse batch k, the main thread
 * reads batch k+1 (reading is sequential by nature: one gzip stream), then
 * waits for batch k and emits it.  Workers take articles from the batch by
 * an atomic counter, so a slow article does not hold up the others.
 *
 * HTML pages are read raw and extracted by the workers too
 * (dl_reader_defer_html): extraction costs more than reading, and on the
 * main thread it kept -j from speeding HTML and WARC input up.  A page that
 * fails to extract, like a record that cannot be read, is reported and
 * counted as an input error when its batch is emitted, in input order.
 */
#include "run.h"
#include "../util/arena.h"
#include "../util/jsonw.h"
#include "../ingest/html.h"
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

typedef struct slot {
    dl_article art;
    json_t *obj;
    char *line;
    char *text;            /* cleaned text, with keep_text */
    size_t text_len;
    size_t nwarn;
    int failed;            /* not analysed: SLOT_ERROR or SLOT_NO_BODY; art.error says why */
} slot;

typedef struct batch {
    slot *v;
    size_t n;
    /* Per batch, not per pool: a worker that is slow to notice the end of
     * one batch must not take an index of the next one (that lost an
     * article and could hang the run).  `next` is parked at BATCH_IDLE
     * while the batch is not being analysed, so a late fetch_add on it
     * finds nothing to do. */
    atomic_size_t next;
    size_t done;           /* articles analysed and counted; under the pool mutex */
} batch;

enum { SLOT_ERROR = 1, SLOT_NO_BODY = 2 };

#define BATCH_IDLE ((size_t)1 << (sizeof(size_t) * 8 - 2))

typedef struct pool {
    const dl_ctx *ctx;
    const dl_run_opts *opts;
    pthread_mutex_t mu;
    pthread_cond_t work, finished;
    batch *cur;            /* batch being analysed, NULL when idle */
    unsigned long gen;     /* bumped for every batch handed out */
    int quit;
} pool;

static void analyse(const dl_ctx *ctx, const dl_run_opts *o, dl_doc *doc, slot *s) {
    if (s->failed)
        return;
    int rc = dl_article_extract_html(&s->art);
    if (rc != 0) {
        s->failed = rc == 1 ? SLOT_NO_BODY : SLOT_ERROR;
        return;
    }
    dl_doc_analyse(ctx, doc, &s->art);
    s->nwarn = doc->nwarnings;
    if (o->keep_text) {
        s->text = dl_xstrndup(doc->text, doc->len);
        s->text_len = doc->len;
    }
    if (o->discard) return;
    s->obj = dl_doc_to_json(doc);
    if (o->dump) {
        dl_buf b = DL_BUF_INIT;
        dl_json_write(&b, s->obj);
        s->line = dl_buf_take(&b);
        /* the line is all emit needs: free the tree here, where it was
         * built, so the next article's tree reuses the same memory (freed
         * a batch later on the main thread it cost malloc more than
         * building the tree itself) */
        json_decref(s->obj);
        s->obj = NULL;
    }
}

static void *worker(void *arg) {
    pool *p = arg;
    dl_doc doc = {0};
    doc.arena = dl_arena_new(0);
    unsigned long seen = 0;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (!p->quit && (p->cur == NULL || p->gen == seen)) pthread_cond_wait(&p->work, &p->mu);
        if (p->quit) break;
        seen = p->gen;
        batch *b = p->cur;
        pthread_mutex_unlock(&p->mu);
        size_t mine = 0;
        for (;;) {
            size_t i = atomic_fetch_add(&b->next, 1);
            /* an idle batch may be being refilled: do not even read its n */
            if (i >= BATCH_IDLE / 2 || i >= b->n) break;
            analyse(p->ctx, p->opts, &doc, &b->v[i]);
            mine++;
        }
        pthread_mutex_lock(&p->mu);
        if (mine) {
            b->done += mine;
            if (b->done >= b->n) pthread_cond_signal(&p->finished);
        }
    }
    pthread_mutex_unlock(&p->mu);
    dl_arena_free(doc.arena);
    return NULL;
}

/* Fill b from the reader, up to DL_RUN_BATCH articles or
 * DL_RUN_BATCH_BYTES of text; returns 1 at end of input. */
static int fill(dl_reader *r, batch *b) {
    b->n = 0;
    size_t bytes = 0;
    while (b->n < DL_RUN_BATCH && bytes < DL_RUN_BATCH_BYTES) {
        slot *s = &b->v[b->n];
        int rc = dl_reader_next(r, &s->art);
        if (rc == DL_READ_EOF) return 1;
        /* an unreadable record stays in the batch, to be reported by
         * drain() in input order with the pages that fail to extract */
        s->failed = rc == DL_READ_ERROR ? SLOT_ERROR : 0;
        bytes += s->art.text_len;
        b->n++;
    }
    return 0;
}

/* Emit b in order and free what it holds; returns non-zero to stop. */
static int drain(batch *b, dl_emit_fn emit, dl_error_fn on_error, void *user, dl_run_stats *st) {
    int stop = 0;
    for (size_t i = 0; i < b->n; i++) {
        slot *s = &b->v[i];
        if (s->failed) {
            if (s->failed == SLOT_NO_BODY)
                st->no_body++;
            else
                st->errors++;
            if (!stop && on_error) on_error(user, &s->art);
        } else {
            if (!stop && emit) stop = emit(user, &s->art, s->obj, s->line, s->text, s->text_len);
            st->articles++;
            st->warnings += (long)s->nwarn;
        }
        if (s->obj) json_decref(s->obj);
        free(s->line);
        free(s->text);
        dl_article_clear(&s->art);
        memset(s, 0, sizeof *s);
    }
    b->n = 0;
    return stop;
}

int dl_run(const dl_ctx *ctx, dl_reader *r, const dl_run_opts *opts, dl_emit_fn emit, dl_error_fn on_error,
           void *user, dl_run_stats *stats) {
    dl_run_stats local = {0};
    dl_run_stats *st = stats ? stats : &local;
    memset(st, 0, sizeof *st);
    batch b[2];
    memset(b, 0, sizeof b);
    b[0].v = calloc(DL_RUN_BATCH, sizeof(slot));
    b[1].v = calloc(DL_RUN_BATCH, sizeof(slot));
    atomic_store(&b[0].next, BATCH_IDLE);
    atomic_store(&b[1].next, BATCH_IDLE);
    if (!b[0].v || !b[1].v) { free(b[0].v); free(b[1].v); return -1; }

    dl_reader_defer_html(r, 1);
    dl_html_init();   /* libxml2 must be initialised before threads parse */
    int stop = 0;
    if (opts->jobs <= 1) {
        dl_doc doc = {0};
        doc.arena = dl_arena_new(0);
        int eof = 0;
        while (!eof && !stop) {
            eof = fill(r, &b[0]);
            for (size_t i = 0; i < b[0].n; i++) analyse(ctx, opts, &doc, &b[0].v[i]);
            stop = drain(&b[0], emit, on_error, user, st);
        }
        dl_arena_free(doc.arena);
    } else {
        pool p;
        memset(&p, 0, sizeof p);
        p.ctx = ctx;
        p.opts = opts;
        pthread_mutex_init(&p.mu, NULL);
        pthread_cond_init(&p.work, NULL);
        pthread_cond_init(&p.finished, NULL);
        int nt = opts->jobs > 256 ? 256 : opts->jobs;
        pthread_t th[256];
        int started = 0;
        for (int i = 0; i < nt; i++)
            if (pthread_create(&th[i], NULL, worker, &p) == 0) started++;
        int cur = 0;
        int eof = fill(r, &b[cur]);
        while (b[cur].n > 0 && !stop) {
            if (started == 0) {            /* no thread could start: do it here */
                dl_doc doc = {0};
                doc.arena = dl_arena_new(0);
                for (size_t i = 0; i < b[cur].n; i++) analyse(ctx, opts, &doc, &b[cur].v[i]);
                dl_arena_free(doc.arena);
            } else {
                pthread_mutex_lock(&p.mu);
                p.cur = &b[cur];
                b[cur].done = 0;
                atomic_store(&b[cur].next, 0);
                p.gen++;
                pthread_cond_broadcast(&p.work);
                pthread_mutex_unlock(&p.mu);
            }
            /* read the next batch while the workers analyse this one */
            if (!eof) eof = fill(r, &b[!cur]);
            if (started) {
                pthread_mutex_lock(&p.mu);
                while (b[cur].done < b[cur].n) pthread_cond_wait(&p.finished, &p.mu);
                p.cur = NULL;
                atomic_store(&b[cur].next, BATCH_IDLE);
                pthread_mutex_unlock(&p.mu);
            }
            stop = drain(&b[cur], emit, on_error, user, st);
            cur = !cur;
        }
        /* a stopped run leaves the read-ahead batch unanalysed: free it */
        for (size_t i = 0; i < b[cur].n; i++) dl_article_clear(&b[cur].v[i].art);
        pthread_mutex_lock(&p.mu);
        p.quit = 1;
        pthread_cond_broadcast(&p.work);
        pthread_mutex_unlock(&p.mu);
        for (int i = 0; i < started; i++) pthread_join(th[i], NULL);
        pthread_mutex_destroy(&p.mu);
        pthread_cond_destroy(&p.work);
        pthread_cond_destroy(&p.finished);
    }
    free(b[0].v);
    free(b[1].v);
    return stop ? 1 : 0;
}
