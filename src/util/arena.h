/* arena.h -- bump allocator for per-article scratch memory.
 *
 * Every stage allocates the small objects it makes for one article (tokens,
 * normalised strings, actor mentions, ...) from one arena, and the pipeline
 * resets the arena between articles.  That keeps allocation to a pointer bump
 * on the hot path and makes "free everything of this article" one call.
 *
 *   dl_arena *a = dl_arena_new(0);        default chunk size
 *   char *s = dl_arena_strndup(a, p, n);  NUL-terminated copy
 *   dl_arena_reset(a);                    keep the first chunk, drop the rest
 *   dl_arena_free(a);
 *
 * Allocation failure aborts with a message: dateline has no useful way to go
 * on without memory, and checking every small allocation would hide the
 * logic it protects.
 */
#ifndef DL_ARENA_H
#define DL_ARENA_H
#include <stddef.h>

typedef struct dl_arena dl_arena;

dl_arena *dl_arena_new(size_t chunk_size);
void *dl_arena_alloc(dl_arena *a, size_t n);           /* 16-byte aligned */
void *dl_arena_calloc(dl_arena *a, size_t n);
char *dl_arena_strndup(dl_arena *a, const char *s, size_t n);
char *dl_arena_strdup(dl_arena *a, const char *s);
void dl_arena_reset(dl_arena *a);
void dl_arena_free(dl_arena *a);
size_t dl_arena_used(const dl_arena *a);

/* Out-of-memory: print and exit(3).  Used by every allocation wrapper. */
void *dl_xmalloc(size_t n);
void *dl_xrealloc(void *p, size_t n);
char *dl_xstrdup(const char *s);
char *dl_xstrndup(const char *s, size_t n);

#endif
