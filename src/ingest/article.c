/* article.c -- making and freeing an article; see article.h. */
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

void dl_article_of_text(dl_article *a, const char *text, size_t len) {
    memset(a, 0, sizeof *a);
    a->text = (char *)text;   /* borrowed: never freed through this article */
    a->text_len = len;
    a->offset = -1;
}
