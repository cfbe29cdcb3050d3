/* charset.h -- bytes in a named charset to UTF-8.
 *
 * Web pages and WARC payloads come in many encodings.  dl_to_utf8() turns
 * them into UTF-8 without ever failing: windows-1252/Latin-1 by our own
 * table (the common case, and iconv stops at cp1252's five undefined
 * bytes), everything else by glibc's iconv, with each byte it cannot
 * convert replaced by U+FFFD so a stray byte costs one character, not the
 * rest of the page.  An unknown charset name is read as windows-1252.
 */
#ifndef DL_CHARSET_H
#define DL_CHARSET_H
#include <stddef.h>

/* Returns a malloc'd NUL-terminated UTF-8 copy; *out_len its length.
 * *replaced (may be NULL) counts the bytes that became U+FFFD. */
char *dl_to_utf8(const char *in, size_t n, const char *charset, size_t *out_len, size_t *replaced);

/* 1 if the name means UTF-8 ("utf-8", "utf8", case-insensitive). */
int dl_charset_is_utf8(const char *charset);

#endif
