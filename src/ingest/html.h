/* html.h -- the story inside a news web page.
 *
 * A news page is mostly not the story: navigation, menus, share buttons,
 * comments, related-article lists, cookie banners, footers.  dl_html_extract()
 * parses the page with libxml2's forgiving HTML parser, drops elements that
 * are never story text (by tag, by class/id words such as "comment" or
 * "share", and hidden ones), cuts the rest into text blocks, and keeps the
 * DOM subtree whose blocks carry the most prose and the fewest links (or
 * the one under the headline, the block that repeats the page title).
 * From that subtree it writes the headline, then paragraphs and headings
 * in document order, separated by "\n\n", leaving out the page's small
 * print, other stories' teasers and the readers' comments; the wire
 * dateline, being the start of the first paragraph, stays where it is.
 *
 * Metadata comes from <head> and the page: title (og:title, <title>, <h1>),
 * publication date (meta tags, JSON-LD, <time>, a date in the URL path, a
 * date line such as "Posted on November 5th, 2012" near the headline),
 * author, site name, canonical URL and language.
 *
 * Charset: a BOM or <meta charset>/http-equiv is believed, except that a
 * page declared Latin-1/cp1252 whose bytes are valid UTF-8 is read as UTF-8
 * (a common server mistake); with no declaration, valid UTF-8 is UTF-8 and
 * anything else is read as windows-1252.  libxml2 converts to UTF-8 (via
 * iconv for the encodings it has no table for).
 *
 *   dl_article a = {0}; char *err = NULL;
 *   int rc = dl_html_extract(page, n, "https://example.com/x", &a, &err);
 *   rc == 0: a.text, a.title, ... are set (malloc'd; dl_article_clear frees)
 *   rc == 1: the page parsed but has no article body (a.error says so)
 *   rc == -1: *err (malloc'd) says why nothing could be read
 */
#ifndef DL_HTML_H
#define DL_HTML_H
#include <stddef.h>
#include "article.h"

/* libxml2 sets up its global tables on first use, which is not safe to do
 * from two threads at once: call this once from the main thread before
 * extracting in worker threads.  Extraction itself keeps no state. */
void dl_html_init(void);

/* Fill out->text, title, published, author, site, url, language (only the
 * fields that are NULL are set, so a caller such as the WARC reader may
 * preset url/published).  url may be NULL. */
int dl_html_extract(const char *html, size_t n, const char *url, dl_article *out, char **err);

/* The same with a charset named by the transport (HTTP Content-Type), which
 * wins over the page's own declaration like it does in browsers.  charset
 * may be NULL. */
int dl_html_extract_cs(const char *html, size_t n, const char *url, const char *charset,
                       dl_article *out, char **err);

/* The charset the page will be read in (for tests and the docs):
 * writes a libxml2/iconv encoding name into out. */
void dl_html_charset(const char *html, size_t n, const char *transport, char out[40]);

#endif
