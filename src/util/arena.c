/* arena.c -- bump allocator; see arena.h. */
#include "arena.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct chunk {
    struct chunk *next;
    size_t size, used;
    _Alignas(16) unsigned char data[];
} chunk;

struct dl_arena {
    chunk *head;        /* current chunk: allocation happens here */
    size_t chunk_size;
    size_t total;       /* bytes handed out since the last reset */
};

void *dl_xmalloc(size_t n) {
    void *p = malloc(n ? n : 1);
    if (!p) { fprintf(stderr, "dateline: out of memory (%zu bytes)\n", n); exit(3); }
    return p;
}

void *dl_xrealloc(void *p, size_t n) {
    void *q = realloc(p, n ? n : 1);
    if (!q) { fprintf(stderr, "dateline: out of memory (%zu bytes)\n", n); exit(3); }
    return q;
}

char *dl_xstrndup(const char *s, size_t n) {
    char *p = dl_xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

char *dl_xstrdup(const char *s) { return dl_xstrndup(s, strlen(s)); }

static chunk *chunk_new(size_t size) {
    chunk *c = dl_xmalloc(sizeof *c + size);
    c->next = NULL;
    c->size = size;
    c->used = 0;
    return c;
}

dl_arena *dl_arena_new(size_t chunk_size) {
    dl_arena *a = dl_xmalloc(sizeof *a);
    a->chunk_size = chunk_size ? chunk_size : 64 * 1024;
    a->head = chunk_new(a->chunk_size);
    a->total = 0;
    return a;
}

void *dl_arena_alloc(dl_arena *a, size_t n) {
    n = (n + 15) & ~(size_t)15;
    chunk *c = a->head;
    if (c->used + n > c->size) {
        /* A request larger than a chunk gets a chunk of its own. */
        size_t size = n > a->chunk_size ? n : a->chunk_size;
        c = chunk_new(size);
        c->next = a->head;
        a->head = c;
    }
    void *p = c->data + c->used;
    c->used += n;
    a->total += n;
    return p;
}

void *dl_arena_calloc(dl_arena *a, size_t n) {
    void *p = dl_arena_alloc(a, n);
    memset(p, 0, n);
    return p;
}

char *dl_arena_strndup(dl_arena *a, const char *s, size_t n) {
    char *p = dl_arena_alloc(a, n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

char *dl_arena_strdup(dl_arena *a, const char *s) { return dl_arena_strndup(a, s, strlen(s)); }

void dl_arena_reset(dl_arena *a) {
    /* Keep the oldest chunk (the one of normal size) and free the others,
     * so a single huge article does not pin its memory for the whole run. */
    chunk *c = a->head;
    while (c->next) {
        chunk *n = c->next;
        free(c);
        c = n;
    }
    c->used = 0;
    a->head = c;
    a->total = 0;
}

void dl_arena_free(dl_arena *a) {
    if (!a) return;
    chunk *c = a->head;
    while (c) {
        chunk *n = c->next;
        free(c);
        c = n;
    }
    free(a);
}

size_t dl_arena_used(const dl_arena *a) { return a->total; }
