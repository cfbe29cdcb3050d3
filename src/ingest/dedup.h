/* dedup.h -- exact and near-duplicate detection over a stream of articles.
 *
 * One wire story is republished by many sites with their own headline
 * block, byline, footer and a few edited words.  Counting events per copy
 * would count the wire service many times, so every article is grouped
 * with the earlier articles it (nearly) repeats:
 *
 *   exact   a 128-bit hash of the text's words (lower-cased, punctuation
 *           and spacing ignored) seen before;
 *   near    MinHash of the set of word shingles (k = 3 words), 126
 *           hash functions, LSH with 63 bands of 2 rows; a candidate from
 *           the bands is accepted when the estimated Jaccard similarity
 *           is >= threshold (0.4), or when the estimated intersection
 *           holds >= 70% of the smaller text's shingles (a 30-word wire
 *           brief inside a page that added a 20-word header and footer
 *           has a Jaccard of only about 0.4).
 *           SimHash (64-bit, Hamming distance <= 3, four 16-bit block
 *           tables) is there too, for comparison: on our
 *           copies of real stories with changed headers/footers and edited
 *           words it finds far fewer of the copies (see docs/ingest-web.md
 *           and bench/dedup.sh), so MinHash is the default.
 *
 * A group is named by its first article.  dl_dedup_add() says, for the
 * article just added, which earlier article it duplicates and how large
 * its group is so far; dl_dedup_group() gives the final group later.
 * Memory: about 3 KB per article (signature, id, LSH table entries), so
 * 1 million articles take about 3 GB: run it per day or per crawl.
 * Not thread-safe: call it from the one thread that orders the output.
 *
 *   dl_dedup *d = dl_dedup_new(NULL);
 *   const char *dup; int size;
 *   int i = dl_dedup_add(d, "a1", text, len, &dup, &size);   dup == NULL: first of its kind
 *   dl_dedup_free(d);
 */
#ifndef DL_DEDUP_H
#define DL_DEDUP_H
#include <stddef.h>

enum { DL_DEDUP_MINHASH = 0, DL_DEDUP_SIMHASH = 1 };
enum { DL_DUP_NONE = 0, DL_DUP_EXACT = 1, DL_DUP_NEAR = 2 };

typedef struct dl_dedup_opts {
    int method;          /* DL_DEDUP_MINHASH (default) or DL_DEDUP_SIMHASH */
    int shingle;         /* words per shingle; 0 = 3 */
    double threshold;    /* MinHash: estimated Jaccard to accept; 0 = 0.4 */
    int max_distance;    /* SimHash: Hamming distance to accept, 0..3; 0 = 3 */
} dl_dedup_opts;

typedef struct dl_dedup dl_dedup;

dl_dedup *dl_dedup_new(const dl_dedup_opts *opts);   /* NULL: defaults */

/* Add one article.  Returns its index (0, 1, ...).  *dup_of: the id of the
 * first article of the group it joins, or NULL if it starts a group;
 * *group_size: the group's size including this article.  Either pointer may
 * be NULL.  The id is copied; NULL ids are named "#INDEX". */
int dl_dedup_add(dl_dedup *d, const char *id, const char *text, size_t len,
                 const char **dup_of, int *group_size);

/* For article `index`: how it matched (DL_DUP_*), and its group's first id
 * and current size. */
int dl_dedup_kind(const dl_dedup *d, int index);
void dl_dedup_group(const dl_dedup *d, int index, const char **first_id, int *size);

size_t dl_dedup_count(const dl_dedup *d);
void dl_dedup_free(dl_dedup *d);

#endif
