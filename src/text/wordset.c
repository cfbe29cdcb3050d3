/* wordset.c -- closed word classes as bit masks; see text.h.
 *
 * Open addressing over the tokens' own hash (dl_hash32), at most half
 * full, so a lookup is one hash compare and usually one string compare.
 * The words point into the callers' static lists; nothing is copied. */
#include "text.h"
#include <stdlib.h>
#include <string.h>

struct dl_wordset {
    size_t nslot;            /* power of two */
    const char **word;       /* NULL: empty slot */
    uint32_t *hash;
    uint32_t *mask;
};

dl_wordset *dl_wordset_new(const dl_wordlist *lists, size_t nlists)
{
    size_t nwords = 0;
    for (size_t k = 0; k < nlists; k++)
        for (const char *const *w = lists[k].words; *w; w++)
            nwords++;
    dl_wordset *ws = dl_xmalloc(sizeof *ws);
    ws->nslot = 16;
    while (ws->nslot < 2 * nwords)
        ws->nslot *= 2;
    ws->word = dl_xmalloc(ws->nslot * sizeof *ws->word);
    ws->hash = dl_xmalloc(ws->nslot * sizeof *ws->hash);
    ws->mask = dl_xmalloc(ws->nslot * sizeof *ws->mask);
    memset(ws->word, 0, ws->nslot * sizeof *ws->word);
    memset(ws->mask, 0, ws->nslot * sizeof *ws->mask);
    for (size_t k = 0; k < nlists; k++)
        for (const char *const *w = lists[k].words; *w; w++) {
            uint32_t h = dl_hash32(*w, strlen(*w));
            size_t i = h & (ws->nslot - 1);
            while (ws->word[i] && strcmp(ws->word[i], *w) != 0)
                i = (i + 1) & (ws->nslot - 1);
            ws->word[i] = *w;
            ws->hash[i] = h;
            ws->mask[i] |= lists[k].bit;
        }
    return ws;
}

void dl_wordset_free(dl_wordset *ws)
{
    if (!ws)
        return;
    free(ws->word);
    free(ws->hash);
    free(ws->mask);
    free(ws);
}

uint32_t dl_wordset_get(const dl_wordset *ws, const char *norm, size_t n, uint32_t hash)
{
    for (size_t i = hash & (ws->nslot - 1); ws->word[i]; i = (i + 1) & (ws->nslot - 1))
        if (ws->hash[i] == hash && strncmp(ws->word[i], norm, n) == 0 && ws->word[i][n] == 0)
            return ws->mask[i];
    return 0;
}
