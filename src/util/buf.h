/* buf.h -- growable byte buffer (always NUL-terminated), after Redis's sds
 * but as a plain struct: { p, len, cap }.  Used for reading files, building
 * cleaned text and formatting output.
 */
#ifndef DL_BUF_H
#define DL_BUF_H
#include <stddef.h>
#include <stdarg.h>

typedef struct dl_buf {
    char *p;
    size_t len, cap;
} dl_buf;

#define DL_BUF_INIT {NULL, 0, 0}

void dl_buf_reserve(dl_buf *b, size_t extra);
void dl_buf_add(dl_buf *b, const void *s, size_t n);
void dl_buf_adds(dl_buf *b, const char *s);
void dl_buf_addc(dl_buf *b, char c);
void dl_buf_printf(dl_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void dl_buf_clear(dl_buf *b);
void dl_buf_free(dl_buf *b);
/* Format an error message into *err (malloc'd; a previous message is
 * freed).  Does nothing when err is NULL.  The modules' one way to report. */
void dl_set_err(char **err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Hand the bytes to the caller (who frees them) and leave b empty. */
char *dl_buf_take(dl_buf *b);
/* A whole file as one NUL-terminated malloc'd string (the loaders parse
 * their dictionaries in place); its length in *len when len is not NULL.
 * NULL with *err ("PATH: cannot open: REASON") when it cannot be opened. */
char *dl_read_file(const char *path, size_t *len, char **err);

#endif
