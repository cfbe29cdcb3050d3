/* article.c -- freeing an article; see article.h. */
#include "article.h"
#include <stdlib.h>
#include <string.h>

void dl_article_clear(dl_article *a) {
    free(a->origin); free(a->id); free(a->url); free(a->title); free(a->published);
    free(a->source); free(a->language); free(a->author); free(a->site); free(a->text);
    free(a->error); free(a->kind);
    free(a->html_charset); free(a->published_fallback); free(a->where); free(a->where_note);
    if (a->meta) json_decref(a->meta);
    memset(a, 0, sizeof *a);
}
