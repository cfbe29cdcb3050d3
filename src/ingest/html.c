/* html.c -- main-text and metadata extraction from news pages; see html.h.
 *
 * The page is parsed once with libxml2.  Two walks follow:
 *
 *  1. metadata: <title>, <meta>, <link rel=canonical>, JSON-LD, <time>,
 *     itemprop and byline elements, anywhere in the page;
 *  2. content: the DOM is flattened in document order into `elems` (every
 *     element kept, with its parent and the index of its last descendant)
 *     and `blocks` (runs of text between block-level tags, with their word
 *     and link-word counts).  Elements that are never story (scripts, nav,
 *     asides, forms' controls, hidden ones, class/id "comment", "share",
 *     "related", ...) are marked junk, and so is everything inside them.
 *
 * Each block gets a score: prose (enough words, few of them links) counts
 * its words, link lists and short fragments count a little against, junk
 * counts nothing (it is never output).  The scores are summed over each
 * element's subtree, and the element with the largest sum is the article;
 * we then climb to a parent while that costs little (to pick up the
 * headline and date line that sit beside the body).  Class/id words
 * sometimes mislabel a wrapper of the whole story (class=share_wrapper):
 * a junk element holding most of the page's prose is taken back.  Below
 * the article, a sibling after the story made of short, link-heavy pieces
 * is a sidebar and is left out.  The text is then the article's blocks in
 * order, without junk and link lists, each repeated block once, stopping
 * at a comments heading ("12 Responses") and leaving out small "Related"
 * boxes.  When the rules leave no body at all, the walk is repeated
 * without the class/id words.
 */
#include "html.h"
#include "../util/buf.h"
#include "../util/arena.h"
#include "charset.h"
#include "../util/date.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <stdio.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/uri.h>
#include <libxml/encoding.h>
#include <jansson.h>

/* ---- small string helpers ------------------------------------------------ */

static int ieq(const xmlChar *a, const char *b) {
    return a && strcasecmp((const char *)a, b) == 0;
}

static const char *attr(xmlNode *n, const char *name) {
    for (xmlAttr *a = n->properties; a; a = a->next)
        if (a->name && strcasecmp((const char *)a->name, name) == 0 &&
            a->children && a->children->type == XML_TEXT_NODE && a->children->content)
            return (const char *)a->children->content;
    return NULL;
}

/* Copy s with whitespace runs collapsed to one space and ends trimmed;
 * NULL if nothing is left. */
static char *clean_dup(const char *s) {
    if (!s) return NULL;
    dl_buf b = DL_BUF_INIT;
    int space = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (isspace(*p)) { space = 1; continue; }
        if (p[0] == 0xC2 && p[1] == 0xA0) { space = 1; p++; continue; }  /* nbsp */
        if (space && b.len) dl_buf_addc(&b, ' ');
        space = 0;
        dl_buf_addc(&b, (char)*p);
    }
    if (!b.len) { dl_buf_free(&b); return NULL; }
    return dl_buf_take(&b);
}

static void set_once(char **field, const char *value) {
    if (*field || !value) return;
    *field = clean_dup(value);
}

/* ---- charset ------------------------------------------------------------- */

static int valid_utf8(const unsigned char *s, size_t n, int *nonascii) {
    size_t i = 0;
    *nonascii = 0;
    while (i < n) {
        unsigned c = s[i];
        if (c < 0x80) { i++; continue; }
        *nonascii = 1;
        size_t k; unsigned min;
        if ((c & 0xE0) == 0xC0) { k = 1; min = 0x80; c &= 0x1F; }
        else if ((c & 0xF0) == 0xE0) { k = 2; min = 0x800; c &= 0x0F; }
        else if ((c & 0xF8) == 0xF0) { k = 3; min = 0x10000; c &= 0x07; }
        else return 0;
        for (size_t j = 1; j <= k; j++) {
            if (i + j >= n) return 1;   /* cut by the end of the buffer */
            if ((s[i + j] & 0xC0) != 0x80) return 0;
            c = (c << 6) | (s[i + j] & 0x3F);
        }
        if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0;
        i += k + 1;
    }
    return 1;
}

/* Find charset=NAME (or <meta charset=NAME>) in the first bytes of a page. */
static int declared_charset(const char *html, size_t n, char out[40]) {
    size_t lim = n < 4096 ? n : 4096;
    for (size_t i = 0; i + 8 < lim; i++) {
        if (strncasecmp(html + i, "charset", 7) != 0) continue;
        size_t j = i + 7;
        while (j < lim && (html[j] == ' ' || html[j] == '\t')) j++;
        if (j >= lim || html[j] != '=') continue;
        j++;
        while (j < lim && (html[j] == ' ' || html[j] == '"' || html[j] == '\'')) j++;
        size_t k = 0;
        while (j < lim && k < 39 && (isalnum((unsigned char)html[j]) || html[j] == '-' ||
                                      html[j] == '_' || html[j] == ':' || html[j] == '.'))
            out[k++] = html[j++];
        out[k] = 0;
        if (k) return 1;
    }
    return 0;
}

static int is_latin1_name(const char *cs) {
    return !strcasecmp(cs, "iso-8859-1") || !strcasecmp(cs, "latin1") ||
           !strcasecmp(cs, "latin-1") || !strcasecmp(cs, "windows-1252") ||
           !strcasecmp(cs, "cp1252") || !strcasecmp(cs, "us-ascii") ||
           !strcasecmp(cs, "ascii") || !strcasecmp(cs, "iso8859-1");
}

void dl_html_charset(const char *html, size_t n, const char *transport, char out[40]) {
    const unsigned char *u = (const unsigned char *)html;
    if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) { strcpy(out, "UTF-8"); return; }
    if (n >= 2 && u[0] == 0xFF && u[1] == 0xFE) { strcpy(out, "UTF-16LE"); return; }
    if (n >= 2 && u[0] == 0xFE && u[1] == 0xFF) { strcpy(out, "UTF-16BE"); return; }
    char cs[40] = "";
    if (transport && *transport) {
        snprintf(cs, sizeof cs, "%s", transport);
    } else {
        declared_charset(html, n, cs);
    }
    int nonascii;
    int utf8 = valid_utf8(u, n, &nonascii);
    if (cs[0]) {
        /* Latin-1 declared but the bytes are UTF-8: the declaration is the
         * template's default, the text was pasted in UTF-8. */
        if (is_latin1_name(cs)) {
            strcpy(out, utf8 && nonascii ? "UTF-8" : "windows-1252");
            return;
        }
        if (!strcasecmp(cs, "utf8")) strcpy(cs, "UTF-8");
        /* a UTF-8 declaration on invalid bytes: cp1252 is the usual truth */
        if (!strcasecmp(cs, "UTF-8") && !utf8) { strcpy(out, "windows-1252"); return; }
        xmlCharEncodingHandlerPtr h = xmlFindCharEncodingHandler(cs);
        if (h) {
            xmlCharEncCloseFunc(h);
            strcpy(out, cs);
            return;
        }
    }
    strcpy(out, utf8 ? "UTF-8" : "windows-1252");
}

/* ---- element classes ------------------------------------------------------ */

enum { T_OTHER, T_DROP, T_BLOCK, T_HEADING, T_A, T_BR };

static int tag_kind(const char *name, int *hlevel) {
    static const char *const drop[] = {
        "script", "style", "noscript", "template", "iframe", "svg", "math", "canvas",
        "object", "embed", "applet", "nav", "aside", "footer", "menu", "dialog",
        "button", "select", "option", "textarea", "input", "label", "map", "audio",
        "video", "head", "title", "meta", "link", "figcaption", "fieldset", NULL};
    static const char *const block[] = {
        "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "td", "th", "tr", "table",
        "tbody", "thead", "blockquote", "pre", "section", "article", "main", "header",
        "address", "center", "body", "html", "figure", "caption", "form", "hr",
        "hgroup", "details", "summary", NULL};
    *hlevel = 0;
    if ((name[0] == 'h' || name[0] == 'H') && name[1] >= '1' && name[1] <= '6' && !name[2]) {
        *hlevel = name[1] - '0';
        return T_HEADING;
    }
    if (!strcasecmp(name, "a")) return T_A;
    if (!strcasecmp(name, "br")) return T_BR;
    for (int i = 0; drop[i]; i++) if (!strcasecmp(name, drop[i])) return T_DROP;
    for (int i = 0; block[i]; i++) if (!strcasecmp(name, block[i])) return T_BLOCK;
    return T_OTHER;
}

/* Words in class/id values that mark non-story parts.  Strong ones win over
 * the positive words; weak ones only count when no positive word is there. */
static const char *const junk_strong[] = {
    "comment", "disqus", "cookie", "consent", "gdpr", "share", "sharing", "social",
    "related", "sidebar", "footer", "newsletter", "subscribe", "outbrain", "taboola",
    "breadcrumb", "recommend", "popular", "trending", "signup", "sign-up", "login",
    "advert", "sponsor", "promo", "popup", "modal", "skip", "pagination", "pager",
    "toolbar", "tooltip", "reply", "replies", "respond", "shoutbox",
    "skyscraper", "masthead", "banner", "rss", "most-read", "mostread", "facebook",
    "twitter", "pinterest", "linkedin", "email-this", "tags", "tagcloud", "categories",
    "navbar", "navigation", "menu", "widget", "carousel",
    "comentario", "kommentar", "reacties", "leserbrief", NULL};
static const char *const junk_exact[] = {
    "ad", "ads", "nav", "hidden", "hide", "meta", "extra", "tools", "utility",
    "topics", "header", "top", "links", "share", "author-bio", "bio", "about", NULL};
/* substrings that mark junk only without a positive word ("printSummary",
 * "printModeAd", but not "print-this-content" or "printable") */
static const char *const junk_weak_sub[] = {"print", "author", NULL};
static const char *const good_words[] = {
    "article", "content", "entry", "main", "story", "post", "body", "text", "blog",
    "column", "printable", NULL};

static int has_word(const char *s, const char *const *words, int exact) {
    /* s: lowercased class and id words separated by spaces */
    const char *p = s;
    while (*p) {
        while (*p == ' ') p++;
        const char *e = p;
        while (*e && *e != ' ') e++;
        size_t n = (size_t)(e - p);
        if (n) {
            for (int i = 0; words[i]; i++) {
                size_t wn = strlen(words[i]);
                if (exact) {
                    if (n == wn && !memcmp(p, words[i], n)) return 1;
                } else {
                    for (size_t k = 0; k + wn <= n; k++)
                        if (!memcmp(p + k, words[i], wn)) return 1;
                }
            }
        }
        p = e;
    }
    return 0;
}

static int junk_by_class(xmlNode *n) {
    const char *c = attr(n, "class"), *id = attr(n, "id"), *role = attr(n, "role");
    if (role && (!strcasecmp(role, "navigation") || !strcasecmp(role, "banner") ||
                 !strcasecmp(role, "complementary") || !strcasecmp(role, "contentinfo") ||
                 !strcasecmp(role, "menu") || !strcasecmp(role, "dialog")))
        return 1;
    if (!c && !id) return 0;
    char s[256];
    snprintf(s, sizeof s, "%s %s", c ? c : "", id ? id : "");
    for (char *p = s; *p; p++) {
        *p = (char)tolower((unsigned char)*p);
        if (*p == '\t' || *p == '\n' || *p == '\r') *p = ' ';
        if (*p == '_') *p = '-';
    }
    /* a strong word marks junk even beside a positive one ("entry-related",
     * "comment-content"); a wrapper around the whole story that happens to
     * carry such a word is rescued by resolve_junk() */
    if (has_word(s, junk_strong, 0)) return 1;
    int good = has_word(s, good_words, 0);
    if (!good && (has_word(s, junk_exact, 1) || has_word(s, junk_weak_sub, 0))) return 1;
    return 0;
}

static int hidden(xmlNode *n) {
    const char *st = attr(n, "style");
    if (st) {
        char s[160]; size_t k = 0;
        for (const char *p = st; *p && k + 1 < sizeof s; p++)
            if (!isspace((unsigned char)*p)) s[k++] = (char)tolower((unsigned char)*p);
        s[k] = 0;
        if (strstr(s, "display:none") || strstr(s, "visibility:hidden")) return 1;
    }
    if (attr(n, "hidden")) return 1;
    const char *ah = attr(n, "aria-hidden");
    if (ah && !strcasecmp(ah, "true")) return 1;
    return 0;
}

/* ---- flattening ----------------------------------------------------------- */

typedef struct elem {
    int parent;
    int end;          /* index of the last descendant (== self if none) */
    int junk;         /* junk itself; after resolve_junk(), or an ancestor is */
    double score;
    int kept_words;   /* words of the blocks in the subtree that would be output */
    int kept_blocks;  /* and their number */
    int all_words, link_words;   /* over all non-junk blocks of the subtree */
    int drop;         /* left out of the text (a sidebar beside the story) */
    int link_heads;   /* headings that are links (titles of other stories) */
} elem;

typedef struct block {
    int elem;         /* the innermost block-level element holding the text */
    size_t off, len;  /* in the text buffer */
    int words, link_words, sentences;
    int heading;      /* 1..6 for <hN>, else 0 */
    int junk;
    int smallprint;   /* the page's small print: copyright, template sentences */
    int teaser;       /* a short text between links: another story's teaser */
} block;

typedef struct flat {
    elem *e; int ne, cape;
    block *b; int nb, capb;
    dl_buf text;      /* all block texts, back to back */
    dl_buf cur;       /* the block being built */
    int cur_words, cur_links, cur_sent, cur_cjk;
    int in_a;
    int use_class;
    int stack[512];   /* open block-level elements */
    int depth;
    int heading;      /* current heading level, 0 outside headings */
    int head;         /* the block that repeats the page title, or -1 */
} flat;

/* The page's own small print: a copyright notice ("(c) 2012 ...", "All
 * rights reserved"; trademark lists run to 200 words), and in blocks of at
 * most 80 words the sentences that blog templates put around a story
 * ("This entry was posted on ... You can follow any responses to this
 * entry", "Comments are moderated", "best viewed in a browser with style
 * sheets enabled").  Never story, however much it reads like prose. */
static int small_print(const char *t, size_t n, int words) {
    static const char *const phrases[] = {
        "follow any responses", "this entry was posted", "you can leave a response",
        "trackback from your own site", "best viewed in", "comments are moderated",
        "will not be published", "required fields are marked", "please use your real name",
        "comment policy", "a version of this article appeared", NULL};
    for (size_t i = 0; i + 1 < n; i++) {
        unsigned char c = (unsigned char)t[i];
        if (c == 0xC2 && (unsigned char)t[i + 1] == 0xA9) return 1;   /* (c) */
        if (i > 0 && isalnum((unsigned char)t[i - 1])) continue;      /* words' starts only */
        c = (unsigned char)tolower(c);
        if (c == 'r' && i + 15 <= n && !strncasecmp(t + i, "rights reserved", 15)) return 1;
        if (c == 'c' && i + 10 < n && !strncasecmp(t + i, "copyright ", 10) &&
            (isdigit((unsigned char)t[i + 10]) || t[i + 10] == '('))
            return 1;
        if (words > 80) continue;
        for (int k = 0; phrases[k]; k++) {
            size_t pn = strlen(phrases[k]);
            if (phrases[k][0] == c && i + pn <= n && !strncasecmp(t + i, phrases[k], pn)) return 1;
        }
    }
    return 0;
}

static void flush(flat *f) {
    /* trim the block */
    size_t s = 0, e = f->cur.len;
    while (s < e && (f->cur.p[s] == ' ' || f->cur.p[s] == '\n')) s++;
    while (e > s && (f->cur.p[e - 1] == ' ' || f->cur.p[e - 1] == '\n')) e--;
    if (e > s && f->depth > 0) {
        if (f->nb == f->capb) {
            f->capb = f->capb ? f->capb * 2 : 256;
            f->b = dl_xrealloc(f->b, (size_t)f->capb * sizeof *f->b);
        }
        int el = f->stack[f->depth - 1];
        block *b = &f->b[f->nb++];
        b->elem = el;
        b->off = f->text.len;
        b->len = e - s;
        b->words = f->cur_words;
        b->link_words = f->cur_links;
        b->sentences = f->cur_sent;
        b->heading = f->heading;
        b->junk = 0;
        b->smallprint = small_print(f->cur.p + s, e - s, f->cur_words);
        b->teaser = 0;
        dl_buf_add(&f->text, f->cur.p + s, e - s);
    }
    dl_buf_clear(&f->cur);
    f->cur_words = f->cur_links = f->cur_sent = f->cur_cjk = 0;
}

static void add_text(flat *f, const char *s) {
    int inword = 0, words = 0;
    int space = f->cur.len == 0 || f->cur.p[f->cur.len - 1] == ' ' || f->cur.p[f->cur.len - 1] == '\n';
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        unsigned c = *p;
        if (c == 0xC2 && p[1] == 0xA0) { p++; c = ' '; }
        if (isspace(c)) {
            if (!space) dl_buf_addc(&f->cur, ' ');
            space = 1; inword = 0;
            continue;
        }
        space = 0;
        dl_buf_addc(&f->cur, (char)c);
        if (c >= 0xE3 && c <= 0xE9) {
            /* CJK (U+3000..U+9FFF) is written without spaces: count two
             * characters as a word, and the ideographic full stop ends a
             * sentence */
            if (c == 0xE3 && p[1] == 0x80 && p[2] == 0x82) f->cur_sent++;
            if (++f->cur_cjk % 2 == 0) words++;
            inword = 0;
            while ((p[1] & 0xC0) == 0x80) dl_buf_addc(&f->cur, (char)*++p);
            continue;
        }
        int wordch = isalnum(c) || c >= 0x80;
        if (wordch && !inword) words++;
        inword = wordch;
        if ((c == '.' || c == '!' || c == '?') && (p[1] == 0 || isspace(p[1]) || p[1] == '"'))
            f->cur_sent++;
    }
    f->cur_words += words;
    if (f->in_a) f->cur_links += words;
}

static int new_elem(flat *f, int parent, int junk) {
    if (f->ne == f->cape) {
        f->cape = f->cape ? f->cape * 2 : 256;
        f->e = dl_xrealloc(f->e, (size_t)f->cape * sizeof *f->e);
    }
    int i = f->ne++;
    f->e[i].parent = parent;
    f->e[i].end = i;
    f->e[i].junk = junk;
    f->e[i].score = 0;
    f->e[i].kept_words = 0;
    f->e[i].kept_blocks = 0;
    f->e[i].all_words = f->e[i].link_words = 0;
    f->e[i].drop = 0;
    f->e[i].link_heads = 0;
    return i;
}

static void walk(flat *f, xmlNode *n, int parent, int level) {
    for (; n; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            if (n->content) add_text(f, (const char *)n->content);
            continue;
        }
        if (n->type != XML_ELEMENT_NODE || !n->name) continue;
        int hl;
        int kind = tag_kind((const char *)n->name, &hl);
        if (kind == T_DROP) {
            /* a dropped element still separates text around it */
            flush(f);
            continue;
        }
        if (kind == T_BR) {
            /* one <br> breaks a line inside the paragraph, two end it */
            size_t e = f->cur.len;
            while (e > 0 && f->cur.p[e - 1] == ' ') e--;
            if (e == 0 || f->cur.p[e - 1] == '\n') flush(f);
            else { f->cur.len = e; dl_buf_addc(&f->cur, '\n'); }
            continue;
        }
        if (level > 400) continue;   /* pathological nesting: ignore the rest */
        int j = hidden(n) ||
                (f->use_class && kind != T_A && !ieq(n->name, "body") && !ieq(n->name, "html") &&
                 junk_by_class(n));
        int blockish = kind == T_BLOCK || kind == T_HEADING;
        int me = new_elem(f, parent, j);
        if (blockish) {
            flush(f);
            if (f->depth < (int)(sizeof f->stack / sizeof f->stack[0])) f->stack[f->depth++] = me;
            else blockish = 0;
        }
        int saved_heading = f->heading;
        if (kind == T_HEADING) f->heading = hl;
        if (kind == T_A) f->in_a++;
        /* the junk status of text comes from the block-level element that
         * owns it, so an inline junk element (<span class=share>) inside a
         * paragraph does not remove the paragraph */
        walk(f, n->children, me, level + 1);
        if (kind == T_A) f->in_a--;
        if (blockish) {
            flush(f);
            f->depth--;
        }
        f->heading = saved_heading;
        f->e[me].end = f->ne - 1;
    }
}

/* Class/id words mislabel wrappers now and then (<div class=share_wrapper>
 * around the whole story).  A junk element holding most of the page's
 * prose is a wrapper: un-junk it.  Then junk is inherited downwards. */
static void resolve_junk(flat *f) {
    double *prose = dl_xmalloc((size_t)f->ne * sizeof *prose);
    for (int i = 0; i < f->ne; i++) prose[i] = 0;
    for (int i = 0; i < f->nb; i++) {
        const block *b = &f->b[i];
        if (b->words < 12 || b->link_words * 2 > b->words) continue;
        for (int e = b->elem; e >= 0; e = f->e[e].parent) prose[e] += b->words;
    }
    double total = prose[0];
    for (int i = 0; i < f->ne; i++) {
        if (f->e[i].junk && total > 0 && prose[i] > 0.4 * total) f->e[i].junk = 0;
        int p = f->e[i].parent;
        if (p >= 0 && f->e[p].junk) f->e[i].junk = 1;
    }
    for (int i = 0; i < f->nb; i++) f->b[i].junk = f->e[f->b[i].elem].junk;
    free(prose);
}

/* ---- scoring ------------------------------------------------------------- */

static int link_block(const block *b) { return b->words > 0 && b->link_words * 2 > b->words; }

/* A list of other stories gives each a linked title, a sentence or two and
 * a "Read more" link: a short prose block (under 50 words) whose neighbours
 * on both sides are links is such a teaser (jusText's context rule, for
 * links) when three of them come in a row, at most 8 blocks apart, with no
 * other prose between.  Teasers score nothing and are not output. */
static void mark_teasers(flat *f) {
    int prev = -1;   /* the previous non-junk block with words */
    int run[3] = {-1, -1, -1};   /* the last candidates, newest first */
    for (int i = 0; i < f->nb; i++) {
        block *b = &f->b[i];
        if (b->junk || b->words == 0) continue;
        if (prev >= 0 && link_block(&f->b[prev]) && !link_block(b) && b->words < 50) {
            int next = i + 1;
            while (next < f->nb && (f->b[next].junk || f->b[next].words == 0)) next++;
            if (next < f->nb && link_block(&f->b[next])) {
                /* one or two are a story between its title and its
                 * comments link; teasers come in lists */
                if (run[0] < 0 || i - run[0] > 8) run[0] = run[1] = -1;
                run[2] = run[1]; run[1] = run[0]; run[0] = i;
                if (run[2] >= 0) f->b[run[2]].teaser = f->b[run[1]].teaser = b->teaser = 1;
                prev = i;
                continue;
            }
        }
        /* prose between them: a story with captioned links, not a list */
        if (!link_block(b) && b->words >= 8) run[0] = run[1] = -1;
        prev = i;
    }
}

static double block_score(const block *b) {
    double w = b->words, lw = b->link_words;
    if (b->junk) return 0;   /* never output, so it costs its ancestors nothing */
    if (w == 0) return 0;
    double ld = lw / w;
    if (b->smallprint) return 0;   /* like junk: never output, costs nothing */
    if (ld > 0.5) return -w - 0.5;
    if (b->heading) return -0.25 * w;
    if (w >= 8 || (w >= 6 && b->sentences > 0)) return b->teaser ? 0 : w - 0.5 * lw;
    return -0.5 * w;
}

static int keep_block(const block *b) {
    if (b->junk || b->words == 0 || b->smallprint) return 0;
    if (b->link_words * 2 > b->words) return 0;
    return 1;
}

/* Choose the article element: the largest summed score, then climb while
 * the parent costs little. */
static int choose(flat *f, double *best_out) {
    for (int i = 0; i < f->nb; i++) {
        double s = block_score(&f->b[i]);
        int kw = keep_block(&f->b[i]) ? f->b[i].words : 0;
        for (int e = f->b[i].elem; e >= 0; e = f->e[e].parent) {
            f->e[e].score += s;
            f->e[e].kept_words += kw;
            f->e[e].kept_blocks += kw > 0;
            if (!f->b[i].junk) {
                f->e[e].all_words += f->b[i].words;
                f->e[e].link_words += f->b[i].link_words;
                f->e[e].link_heads += f->b[i].heading && f->b[i].link_words * 2 > f->b[i].words;
            }
        }
    }
    int best = -1;
    double bs = 0;
    for (int i = 0; i < f->ne; i++) {
        if (f->e[i].junk) continue;
        if (best < 0 || f->e[i].score > bs || (f->e[i].score == bs && f->e[i].parent == best)) {
            best = i; bs = f->e[i].score;
        }
    }
    if (best < 0) { *best_out = 0; return -1; }
    /* A story under its headline wins over a longer text elsewhere (an
     * "About me" box, a comment thread beside a short post): the nearest
     * ancestor of the headline with some prose (a score of 15 and a fifth
     * of the best's), unless it holds the best element anyway. */
    if (f->head >= 0) {
        int h = f->b[f->head].elem;
        if (h < best || h > f->e[best].end) {
            for (int a = f->e[h].parent; a >= 0 && !f->e[a].junk; a = f->e[a].parent) {
                if (best >= a && best <= f->e[a].end) break;
                if (f->e[a].score >= 15 && f->e[a].score >= 0.2 * bs) {
                    best = a; bs = f->e[a].score;
                    break;
                }
            }
        }
    }
    for (;;) {
        int p = f->e[best].parent;
        if (p < 0 || f->e[p].junk) break;
        /* the parent adds little (headline, date, byline), and what it adds
         * is not mostly short fragments (a sidebar of dates and teasers) */
        double slack = bs * 0.02 + 4;
        int extra = f->e[p].kept_words - f->e[best].kept_words;
        if (f->e[p].score >= bs - slack && extra <= 30 + f->e[best].kept_words / 10) best = p;
        else break;
    }
    /* Beside the child that holds the story, a sibling made of many short
     * pieces (dates, headings, one-line teasers) and many links is a
     * sidebar, even when its teasers add up to a positive score: leave it
     * out.  (Without the links it may be a list-style story.) */
    for (int top = best; top >= 0;) {
        int core = -1;
        for (int i = top + 1; i <= f->e[top].end; i++)
            if (f->e[i].parent == top && (core < 0 || f->e[i].score > f->e[core].score)) core = i;
        if (core < 0) break;
        for (int i = top + 1; i <= f->e[top].end; i++) {
            const elem *c = &f->e[i];
            if (c->parent != top || i <= core || c->kept_blocks == 0) continue;
            if (c->kept_words > 30 && c->kept_words < 15 * c->kept_blocks &&
                c->link_words * 5 > c->all_words)
                f->e[i].drop = 1;
            /* the titles of other stories, as linked headings, each with
             * its teaser */
            if (c->link_heads >= 2 && c->kept_words < f->e[core].kept_words)
                f->e[i].drop = 1;
        }
        /* go down while one child holds most of the story */
        top = f->e[core].kept_words * 2 >= f->e[top].kept_words ? core : -1;
    }
    /* the positive mass, for the no-body decision */
    double pos = 0;
    for (int i = 0; i < f->nb; i++) {
        const block *b = &f->b[i];
        if (b->elem >= best && b->elem <= f->e[best].end && keep_block(b)) {
            double s = block_score(b);
            if (s > 0) pos += s;
        }
    }
    *best_out = pos;
    return best;
}

/* ---- metadata -------------------------------------------------------------- */

typedef struct meta {
    char *title, *og_title, *h1;
    char *published, *published_ld, *published_meta, *published_item, *published_time;
    char *author, *author_ld, *author_item;
    char *site, *site_ld;
    char *canonical, *og_url;
    char *lang, *lang_meta;
} meta;

static void meta_free(meta *m) {
    char **f[] = {&m->title, &m->og_title, &m->h1, &m->published, &m->published_ld,
                  &m->published_meta, &m->published_item, &m->published_time, &m->author,
                  &m->author_ld, &m->author_item, &m->site, &m->site_ld, &m->canonical,
                  &m->og_url, &m->lang, &m->lang_meta};
    for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) { free(*f[i]); *f[i] = NULL; }
}

static char *node_text(xmlNode *n) {
    xmlChar *t = xmlNodeGetContent(n);
    char *s = clean_dup((const char *)t);
    xmlFree(t);
    return s;
}

static void ld_walk(meta *m, json_t *j, int depth) {
    if (!j || depth > 8) return;
    if (json_is_array(j)) {
        size_t i; json_t *v;
        json_array_foreach(j, i, v) ld_walk(m, v, depth + 1);
        return;
    }
    if (!json_is_object(j)) return;
    json_t *v = json_object_get(j, "datePublished");
    if (json_is_string(v)) set_once(&m->published_ld, json_string_value(v));
    v = json_object_get(j, "author");
    if (json_is_array(v)) v = json_array_get(v, 0);
    if (json_is_object(v)) v = json_object_get(v, "name");
    if (json_is_string(v) && json_object_get(j, "datePublished"))
        set_once(&m->author_ld, json_string_value(v));
    v = json_object_get(j, "publisher");
    if (json_is_object(v)) v = json_object_get(v, "name");
    if (json_is_string(v)) set_once(&m->site_ld, json_string_value(v));
    v = json_object_get(j, "inLanguage");
    if (json_is_string(v)) set_once(&m->lang_meta, json_string_value(v));
    v = json_object_get(j, "@graph");
    if (v) ld_walk(m, v, depth + 1);
}

static void meta_walk(meta *m, xmlNode *n, int level) {
    if (level > 400) return;
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || !n->name) continue;
        const char *name = (const char *)n->name;
        if (!strcasecmp(name, "title")) {
            if (!m->title) m->title = node_text(n);
        } else if (!strcasecmp(name, "html")) {
            set_once(&m->lang, attr(n, "lang") ? attr(n, "lang") : attr(n, "xml:lang"));
        } else if (!strcasecmp(name, "meta")) {
            const char *k = attr(n, "property");
            if (!k) k = attr(n, "name");
            if (!k) k = attr(n, "itemprop");
            if (!k) k = attr(n, "http-equiv");
            const char *c = attr(n, "content");
            if (k && c) {
                if (!strcasecmp(k, "og:title") || !strcasecmp(k, "twitter:title"))
                    set_once(&m->og_title, c);
                else if (!strcasecmp(k, "og:site_name") || !strcasecmp(k, "application-name"))
                    set_once(&m->site, c);
                else if (!strcasecmp(k, "article:published_time") ||
                         !strcasecmp(k, "datePublished") || !strcasecmp(k, "pubdate") ||
                         !strcasecmp(k, "publishdate") || !strcasecmp(k, "publish-date") ||
                         !strcasecmp(k, "publish_date") || !strcasecmp(k, "date") ||
                         !strcasecmp(k, "dc.date") || !strcasecmp(k, "dc.date.issued") ||
                         !strcasecmp(k, "dcterms.created") || !strcasecmp(k, "dcterms.date") ||
                         !strcasecmp(k, "sailthru.date") || !strcasecmp(k, "parsely-pub-date") ||
                         !strcasecmp(k, "citation_publication_date") ||
                         !strcasecmp(k, "original-publish-date") ||
                         !strcasecmp(k, "og:published_time") || !strcasecmp(k, "article.published") ||
                         !strcasecmp(k, "displaydate") || !strcasecmp(k, "dc.date.created"))
                    set_once(&m->published_meta, c);
                else if (!strcasecmp(k, "author") || !strcasecmp(k, "dc.creator") ||
                         !strcasecmp(k, "byl") || !strcasecmp(k, "sailthru.author") ||
                         !strcasecmp(k, "parsely-author") || !strcasecmp(k, "article:author")) {
                    if (strncmp(c, "http", 4) != 0) set_once(&m->author, c);
                } else if (!strcasecmp(k, "og:url"))
                    set_once(&m->og_url, c);
                else if (!strcasecmp(k, "content-language") || !strcasecmp(k, "dc.language") ||
                         !strcasecmp(k, "language") || !strcasecmp(k, "og:locale"))
                    set_once(&m->lang_meta, c);
            }
        } else if (!strcasecmp(name, "link")) {
            const char *rel = attr(n, "rel"), *href = attr(n, "href");
            if (rel && href && !strcasecmp(rel, "canonical")) set_once(&m->canonical, href);
        } else if (!strcasecmp(name, "script")) {
            const char *t = attr(n, "type");
            if (t && !strcasecmp(t, "application/ld+json")) {
                xmlChar *s = xmlNodeGetContent(n);
                if (s) {
                    json_t *j = json_loads((const char *)s, JSON_DECODE_ANY, NULL);
                    ld_walk(m, j, 0);
                    json_decref(j);
                    xmlFree(s);
                }
            }
            continue;
        } else if (!strcasecmp(name, "time")) {
            const char *dt = attr(n, "datetime");
            if (dt && (attr(n, "pubdate") || (attr(n, "itemprop") && !strcasecmp(attr(n, "itemprop"), "datePublished"))))
                set_once(&m->published_item, dt);
            else if (dt) set_once(&m->published_time, dt);
        } else if (!strcasecmp(name, "h1")) {
            if (!m->h1) m->h1 = node_text(n);
        }
        const char *ip = attr(n, "itemprop");
        if (ip && !strcasecmp(ip, "datePublished") && strcasecmp(name, "meta")) {
            const char *v = attr(n, "datetime");
            if (!v) v = attr(n, "content");
            if (v) set_once(&m->published_item, v);
            else if (!m->published_item) m->published_item = node_text(n);
        }
        if (ip && !strcasecmp(ip, "author") && !m->author_item && strcasecmp(name, "meta")) {
            char *s = node_text(n);
            if (s && strlen(s) < 80) m->author_item = s; else free(s);
        }
        const char *rel = attr(n, "rel");
        if (rel && !strcasecmp(rel, "author") && !strcasecmp(name, "a") && !m->author_item) {
            char *s = node_text(n);
            if (s && strlen(s) < 80) m->author_item = s; else free(s);
        }
        meta_walk(m, n->children, level + 1);
    }
}

/* A date in the URL path: /2012/07/24/, /2012-07-24/, /20120724/. */
static char *url_date(const char *url) {
    if (!url) return NULL;
    const char *p = strstr(url, "://");
    p = p ? strchr(p + 3, '/') : url;
    for (; p && *p; p++) {
        if (*p != '/') continue;
        const char *q = p + 1;
        int y, mo, d;
        char sep;
        if (sscanf(q, "%4d%c%2d%*c%2d", &y, &sep, &mo, &d) == 4 && (sep == '/' || sep == '-') &&
            isdigit((unsigned char)q[0]) && isdigit((unsigned char)q[3]) &&
            y >= 1990 && y <= 2100 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 &&
            isdigit((unsigned char)q[5]) && isdigit((unsigned char)q[6]) &&
            isdigit((unsigned char)q[8]) && isdigit((unsigned char)q[9]) && q[7] == sep) {
            char out[16];
            snprintf(out, sizeof out, "%04d-%02d-%02d", y, mo, d);
            return dl_xstrdup(out);
        }
    }
    return NULL;
}

static char *resolve_url(const char *href, const char *base) {
    if (!href) return NULL;
    if (!base) return clean_dup(href);
    xmlChar *u = xmlBuildURI((const xmlChar *)href, (const xmlChar *)base);
    char *s = clean_dup(u ? (const char *)u : href);
    xmlFree(u);
    return s;
}

static char *host_of(const char *url) {
    if (!url) return NULL;
    const char *p = strstr(url, "://");
    if (!p) return NULL;
    p += 3;
    size_t n = strcspn(p, "/:?#");
    if (!n) return NULL;
    if (n > 4 && !strncasecmp(p, "www.", 4)) { p += 4; n -= 4; }
    return dl_xstrndup(p, n);
}

/* ---- the extraction ----------------------------------------------------------- */

static void flat_free(flat *f) {
    free(f->e);
    free(f->b);
    dl_buf_free(&f->text);
    dl_buf_free(&f->cur);
}

static int under_dropped(const flat *f, int e, int best) {
    for (; e > best && e >= 0; e = f->e[e].parent)
        if (f->e[e].drop) return 1;
    return 0;
}

/* The heading that starts the readers' comments ("Comments", "12
 * Responses", "Leave a Reply", "Comments (4)") or a box of other stories
 * ("Related Stories", "Also on HuffPost:"): the story is over.  Many blogs
 * mark the comment list only by such a heading. */
static int comment_heading(const char *t, size_t n, int words, int marked) {
    static const char *const heads[] = {
        "comments", "comment", "responses", "response", "replies", "reader comments",
        "readers comments", "leave a comment", "leave a reply", "post a comment",
        "add a comment", "add your comment", "add new comment", "join the discussion",
        "discussion", "your comments", "what do you think", "thoughts on", "trackbacks", "trackback",
        "have your say", "reactions", "comments are closed",
        "commentaires", "kommentare", "comentarios", "reacties", "reacciones", NULL};
    if (words > 8 || n > 80) return 0;
    char s[96];
    size_t k = 0;
    int counted = 0;
    for (size_t i = 0; i < n && k < sizeof s - 1; i++) {
        unsigned char c = (unsigned char)t[i];
        if (isdigit(c) && k == 0) { counted = 1; continue; }   /* "12 Comments" */
        if (counted == 1 && k == 0 && !isalpha(c)) counted = 2;  /* not "45COMMENTS POSTED" */
        if (c == '\'') continue;                      /* readers' */
        if (isalpha(c)) s[k++] = (char)tolower(c);
        else if (k && s[k - 1] != ' ') s[k++] = ' ';
    }
    while (k && s[k - 1] == ' ') k--;
    s[k] = 0;
    const char *p = s;
    while (*p == ' ') p++;
    for (int i = 0; heads[i]; i++) {
        size_t hn = strlen(heads[i]);
        if (!strncmp(p, heads[i], hn) && (p[hn] == 0 || p[hn] == ' ')) {
            const char *r = p + hn;
            while (*r == ' ') r++;
            /* a single word only alone or before "on"/"to" ("Discussion of
             * the results" is a heading of the story); phrases as they come */
            if (strchr(heads[i], ' ')) return 1;
            /* "Comments" alone is enough; "Response", "Discussion" alone
             * (a table's column) only as a heading or in a comments box */
            if ((!*r || !strncmp(r, "on ", 3) || !strncmp(r, "to ", 3)) &&
                (i < 2 || marked || counted == 2))
                return 1;
            /* counted, whatever follows: "{ 17 comments... read them below
             * or add one }" */
            if (counted == 2 && i < 5) return 1;
        }
    }
    /* the boxes that follow a story: only as a short line of its own
     * ("Related Stories", "Also on HuffPost:"), never "RELATED: headline" */
    static const char *const after[] = {
        "related stories", "related articles", "related posts", "related content",
        "related news", "related coverage", "related links", "related", "also on",
        "more from", "more stories", "more news", "more on this", "you may also like",
        "you might also like", "recommended", "recommended for you", "most popular",
        "most read", "most viewed", "trending", "see also", "further reading",
        "around the web", "from around the web", "from the web", "promoted stories",
        "sponsored stories", "latest news", "loading slideshow", "about the author", "about me",
        "about us", "recent posts", "featured posts", "popular posts", "recent articles",
        "latest posts", "more posts", "previous posts", "featured", NULL};
    if (words > 4) return 0;
    for (int i = 0; after[i]; i++) {
        size_t hn = strlen(after[i]);
        if (!strncmp(p, after[i], hn) && (p[hn] == 0 || (p[hn] == ' ' && !strncmp(after[i], "also on", 7))))
            return 2;
    }
    return 0;
}

/* A page that prints the story twice (a print or teaser copy next to the
 * full one) should give it once: a set of the hashes of the blocks kept so
 * far (open addressing, sized for every block of the page). */
typedef struct seen_set { unsigned long long *h; size_t cap; } seen_set;

static unsigned long long fnv(const char *p, size_t n) {
    unsigned long long h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++) { h ^= (unsigned char)p[i]; h *= 1099511628211ULL; }
    return h | 1;   /* 0 marks an empty slot */
}

/* 1 if already there, else adds it and returns 0 */
static int seen_add(seen_set *s, unsigned long long h) {
    size_t i = (size_t)(h % s->cap);
    while (s->h[i]) {
        if (s->h[i] == h) return 1;
        i = (i + 1) % s->cap;
    }
    s->h[i] = h;
    return 0;
}

/* The number at the start of a token of at most 4 digits ("24", "5th",
 * "2012"); -1 otherwise. */
static int small_number(const char *s, size_t n) {
    int v = 0;
    size_t i = 0;
    for (; i < n && isdigit((unsigned char)s[i]); i++) {
        if (i == 4) return -1;
        v = v * 10 + (s[i] - '0');
    }
    return i ? v : -1;
}

/* A date written out in a short line near the headline ("July 24, 2012",
 * "24 July 2012 Last updated at 02:28 ET", "Posted on November 5th, 2012",
 * "Nov 13th 2012 1:17PM"): month by name, so "10/11/2012" is not guessed. */
static int text_date(const char *s, size_t n, char out[11]) {
    size_t st[24], len[24];
    int nw = 0;
    for (size_t i = 0; i < n && nw < 24;) {
        while (i < n && !isalnum((unsigned char)s[i])) i++;
        if (i >= n) break;
        st[nw] = i;
        while (i < n && isalnum((unsigned char)s[i])) i++;
        len[nw] = i - st[nw];
        nw++;
    }
    for (int i = 0; i + 2 < nw; i++) {
        int m, d, y;
        const char *a = s + st[i], *b = s + st[i + 1], *c = s + st[i + 2];
        if ((m = dl_month_from_name(a, len[i])) && isdigit((unsigned char)*b)) {
            d = small_number(b, len[i + 1]);               /* July 24, 2012 */
        } else if (isdigit((unsigned char)*a) && (m = dl_month_from_name(b, len[i + 1]))) {
            d = small_number(a, len[i]);                   /* 24 July 2012 */
        } else {
            continue;
        }
        if (len[i + 2] != 4) continue;
        y = small_number(c, 4);
        if (y < 1990 || y > 2100 || !dl_date_valid(y, m, d)) continue;
        char tmp[40];   /* y, m, d are checked, but the compiler cannot know */
        snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", y, m, d);
        memcpy(out, tmp, 10);
        out[10] = 0;
        return 1;
    }
    return 0;
}

/* A date of digits just before position `end` ("07.23.12 at", "11/06/2012 at"). */
static int numeric_date(const char *t, size_t end) {
    int digits = 0, seps = 0;
    size_t i = end;
    while (i > 0 && t[i - 1] == ' ') i--;
    while (i > 0 && t[i - 1] != ' ') {
        char c = t[--i];
        if (isdigit((unsigned char)c)) digits++;
        else if (c == '.' || c == '/' || c == '-') seps++;
        else return 0;
    }
    return digits >= 4 && seps == 2;
}

/* The line that opens one reader's comment: its author and time ("Maria
 * July 7, 2012 at 2:31 pm", "Brendan Dowling 07.23.12 at 14:56"), or
 * "NAME said..." / "NAME says:".  One such line may be a byline; a run of
 * them after the story is the comment thread. */
static int comment_meta(const char *t, size_t n, int words) {
    if (words > 12 || n > 100 || n < 4) return 0;
    size_t e = n;
    while (e > 0 && (t[e - 1] == ' ' || t[e - 1] == '.' || t[e - 1] == ':' || t[e - 1] == ','))
        e--;
    if (e >= 4 && e < n && (!strncasecmp(t + e - 4, "said", 4) || !strncasecmp(t + e - 4, "says", 4)))
        return 1;
    char date[11];
    int dated = text_date(t, n, date);
    for (size_t i = 1; i + 2 < n; i++) {
        /* H:MM or HH:MM with "at " before or am/pm after, beside a date */
        if (t[i] != ':' || !isdigit((unsigned char)t[i - 1]) ||
            !isdigit((unsigned char)t[i + 1]) || !isdigit((unsigned char)t[i + 2]))
            continue;
        size_t h = i - 1;
        if (h > 0 && isdigit((unsigned char)t[h - 1])) h--;
        int at = h >= 3 && !strncasecmp(t + h - 3, "at ", 3);
        size_t j = i + 3;
        while (j < n && t[j] == ' ') j++;
        int ampm = j + 1 < n && (t[j] == 'a' || t[j] == 'p' || t[j] == 'A' || t[j] == 'P') &&
                   (t[j + 1] == 'm' || t[j + 1] == 'M');
        if (at && (dated || numeric_date(t, h))) return 1;
        if (ampm && dated) return 1;
    }
    return 0;
}

/* Word tokens (ASCII letters and digits, other characters as they are) of
 * s[0..n) into w[], at most max; returns their number. */
typedef struct tok { const char *p; size_t n; } tok;

/* The length of the separator at s[i], 0 in a word.  U+2000..U+203F
 * (curly quotes, dashes, the ellipsis) separate words, so "Today’s" in a
 * title matches "Today's" in the page. */
static size_t sep_len(const char *s, size_t n, size_t i) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) return isalnum(c) ? 0 : 1;
    if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80) return 3;
    return 0;
}

static int tokens_of(const char *s, size_t n, tok *w, int max) {
    int k = 0;
    size_t i = 0, l;
    while (i < n && k < max) {
        while (i < n && (l = sep_len(s, n, i))) i += l;
        size_t st = i;
        while (i < n && !sep_len(s, n, i)) i++;
        if (i > st) { w[k].p = s + st; w[k].n = i - st; k++; }
    }
    return k;
}

static int tok_eq(tok a, tok b) { return a.n == b.n && !strncasecmp(a.p, b.p, a.n); }

/* The headline: a block whose words are a run of the page title's words
 * (titles add the site's name: "Headline | Site"), at least 3 of them and
 * at least half the title.  A heading wins over other blocks, a block that
 * is not a link over a link. */
static int find_headline(const flat *f, const char *title) {
    if (!title) return -1;
    tok tw[64], bw[64];
    int nt = tokens_of(title, strlen(title), tw, 64);
    if (nt < 3) return -1;
    int best = -1, bestq = 0;
    for (int i = 0; i < f->nb; i++) {
        const block *b = &f->b[i];
        if (b->junk || b->words < 3 || b->words > 40) continue;
        int nw = tokens_of(f->text.p + b->off, b->len, bw, 64);
        if (nw < 3 || nw * 2 < nt || nw > nt) continue;
        int found = 0;
        for (int s = 0; s + nw <= nt && !found; s++) {
            int j = 0;
            while (j < nw && tok_eq(tw[s + j], bw[j])) j++;
            found = j == nw;
        }
        if (!found) continue;
        int q = 1 + (b->heading > 0) * 2 + (b->link_words * 2 <= b->words);
        if (q > bestq) { best = i; bestq = q; }
    }
    return best;
}

static int extract_body(xmlNode *root, int use_class, const char *title, dl_buf *out, double *mass,
                        char date[11], int *headed) {
    flat f;
    memset(&f, 0, sizeof f);
    f.use_class = use_class;
    int top = new_elem(&f, -1, 0);   /* a virtual root above <html> */
    f.stack[f.depth++] = top;
    walk(&f, root, top, 0);
    flush(&f);
    f.e[top].end = f.ne - 1;
    resolve_junk(&f);
    mark_teasers(&f);
    f.head = find_headline(&f, title);
#ifdef DL_HTML_DEBUG
    fprintf(stderr, "title [%s] head %d [%.*s]\n", title ? title : "", f.head,
            f.head >= 0 ? (int)f.b[f.head].len : 0, f.head >= 0 ? f.text.p + f.b[f.head].off : "");
#endif
    int best = choose(&f, mass);
    date[0] = 0;
    *headed = 0;
    if (best >= 0) {
        /* a date line among the short blocks around the article's start */
        int first = 0;
        while (first < f.nb && (f.b[first].elem < best || f.b[first].elem > f.e[best].end ||
                                !keep_block(&f.b[first]) || f.b[first].words < 12))
            first++;
        for (int i = first > 8 ? first - 8 : 0; i < f.nb && i < first + 12 && !date[0]; i++)
            if (f.b[i].words <= 20) text_date(f.text.p + f.b[i].off, f.b[i].len, date);
        /* else a "Posted on ..." line at the end of the story */
        for (int i = first + 12; i < f.nb && f.b[i].elem <= f.e[best].end && !date[0]; i++)
            if (f.b[i].words <= 20 && !f.b[i].junk && (!strncasecmp(f.text.p + f.b[i].off, "posted", 6) ||
                                                       !strncasecmp(f.text.p + f.b[i].off, "published", 9)))
                text_date(f.text.p + f.b[i].off, f.b[i].len, date);
        /* the headline usually sits above the body's container: the block
         * that repeats the title, else the first <h1> */
        *headed = f.head >= 0 && f.b[f.head].elem <= f.e[best].end;
        if (f.head >= 0 && f.b[f.head].elem < best) {
            dl_buf_add(out, f.text.p + f.b[f.head].off, f.b[f.head].len);
            /* and the byline and date between it and the body (at most 4
             * blocks, 30 words) */
            int first = f.head + 1, words = 0;
            while (first < f.nb && f.b[first].elem < best) first++;
            for (int i = f.head + 1; i < first; i++) words += f.b[i].junk ? 0 : f.b[i].words;
            if (first - f.head - 1 <= 4 && words <= 30)
                for (int i = f.head + 1; i < first; i++) {
                    const block *b = &f.b[i];
                    if (!keep_block(b)) continue;
                    dl_buf_add(out, "\n\n", 2);
                    dl_buf_add(out, f.text.p + b->off, b->len);
                }
        } else {
            for (int i = 0; i < f.nb; i++) {
                const block *b = &f.b[i];
                if (b->heading != 1 || b->junk || b->elem >= best) continue;
                if (b->words <= 30 && b->link_words * 2 <= b->words) dl_buf_add(out, f.text.p + b->off, b->len);
                break;
            }
        }
#ifdef DL_HTML_DEBUG
        char *dbg = calloc((size_t)f.nb + 1, 1);
#endif
        /* how many comment lines (author and time) from each block on */
        int *cmeta = dl_xmalloc(((size_t)f.nb + 1) * sizeof *cmeta);
        cmeta[f.nb] = 0;
        for (int i = f.nb - 1; i >= 0; i--) {
            const block *b = &f.b[i];
            cmeta[i] = cmeta[i + 1] + (b->elem >= best && b->elem <= f.e[best].end && !b->heading &&
                                       !b->junk && comment_meta(f.text.p + b->off, b->len, b->words));
        }
        int kept_words = 0, longest = 0;   /* a comments heading counts after some prose */
        seen_set seen = {NULL, (size_t)f.nb * 2 + 1};
        seen.h = dl_xmalloc(seen.cap * sizeof *seen.h);
        memset(seen.h, 0, seen.cap * sizeof *seen.h);
        for (int i = 0; i < f.nb; i++) {
            const block *b = &f.b[i];
            if (b->elem < best || b->elem > f.e[best].end) continue;
            if (under_dropped(&f, b->elem, best)) continue;
            /* comments may sit in a junk element (h2 id=comments), but a
             * "Related" box inside junk is an inline box mid-story */
            int endh = kept_words >= 10 && longest >= 20 && b->link_words * 2 <= b->words
                       ? comment_heading(f.text.p + b->off, b->len, b->words, b->heading || b->junk) : 0;
            if (endh == 1) break;
            /* the first of three or more comment lines after the story */
            if (kept_words >= 10 && longest >= 20 && cmeta[i] >= 3 && cmeta[i] > cmeta[i + 1]) break;
            if (endh == 2 && !b->junk) {
                /* a small box of links ("Related" with its list) is left
                 * out; a big one at the level of the story ends it */
                int box = f.e[b->elem].parent;
                if (box > best && f.e[box].kept_words * 10 <= f.e[best].kept_words * 3) {
                    f.e[box].drop = 1;
                    continue;
                }
                break;
            }
            if (!keep_block(b) || b->teaser) continue;
            if (b->words >= 5 && seen_add(&seen, fnv(f.text.p + b->off, b->len))) continue;
            kept_words += b->words;
            if (b->words > longest) longest = b->words;
            if (out->len) dl_buf_add(out, "\n\n", 2);
            dl_buf_add(out, f.text.p + b->off, b->len);
#ifdef DL_HTML_DEBUG
            dbg[i] = 'O';
#endif
        }
        free(seen.h);
        free(cmeta);
#ifdef DL_HTML_DEBUG
        for (int i = 0; i < f.nb; i++) {
            const block *b = &f.b[i];
            int in = b->elem >= best && b->elem <= f.e[best].end;
            fprintf(stderr, "%c%c e%-5d w%-4d l%-3d s%-2d h%d sc%6.1f | %.*s\n", dbg[i] ? 'O' : in ? '-' : ' ',
                    b->junk ? 'J' : ' ', b->elem, b->words, b->link_words, b->sentences, b->heading,
                    block_score(b), (int)(b->len < 100 ? b->len : 100), f.text.p + b->off);
        }
        free(dbg);
#endif
    }
    flat_free(&f);
    return best;
}

int dl_html_extract_cs(const char *html, size_t n, const char *url, const char *charset,
                       dl_article *out, char **err) {
    if (err) *err = NULL;
    if (!html || n == 0) {
        if (err) *err = dl_xstrdup("empty page");
        return -1;
    }
    if (n > (size_t)1 << 30) {
        if (err) *err = dl_xstrdup("page larger than 1 GiB");
        return -1;
    }
    char cs[40];
    dl_html_charset(html, n, charset, cs);
    /* convert to UTF-8 ourselves: iconv inside libxml2 gives up (and
     * prints to stderr) at the first byte it cannot map */
    size_t ulen = n, replaced = 0;
    char *conv = NULL;
    if (!dl_charset_is_utf8(cs)) {
        conv = dl_to_utf8(html, n, cs, &ulen, &replaced);
        html = conv;
        n = ulen;
    } else if (n >= 3 && !memcmp(html, "\xEF\xBB\xBF", 3)) {
        html += 3; n -= 3;
    }
    htmlDocPtr doc = htmlReadMemory(html, (int)n, url, "UTF-8",
                                    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                    HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT);
    free(conv);
    if (!doc) {
        if (err) *err = dl_xstrdup("HTML parser could not read the page");
        return -1;
    }
    xmlNode *root = xmlDocGetRootElement(doc);
    meta m;
    memset(&m, 0, sizeof m);
    if (root) meta_walk(&m, root, 0);

    dl_buf text = DL_BUF_INIT;
    double mass = 0;
    char tdate[11] = "", tdate2[11] = "";
    int headed = 0, headed2 = 0;
    if (root) extract_body(root, 1, m.og_title ? m.og_title : m.title, &text, &mass, tdate, &headed);
    if (root && mass < 40) {
        /* the class rules may have hidden the body: try without them and
         * take that if it finds clearly more prose */
        dl_buf t2 = DL_BUF_INIT;
        double mass2 = 0;
        extract_body(root, 0, m.og_title ? m.og_title : m.title, &t2, &mass2, tdate2, &headed2);
        if (mass2 > mass * 2 + 20) {
            dl_buf_free(&text);
            text = t2;
            mass = mass2;
            headed = headed2;
            memcpy(tdate, tdate2, sizeof tdate);
        } else {
            dl_buf_free(&t2);
        }
    }

    /* metadata into the article (only fields still empty) */
    const char *title = m.og_title ? m.og_title : m.h1 ? m.h1 : m.title;
    set_once(&out->title, title);
    char *ud = url_date(url);
    const char *pub = m.published_ld ? m.published_ld : m.published_meta ? m.published_meta
                    : m.published_item ? m.published_item : ud ? ud
                    : tdate[0] ? tdate : m.published_time;
    set_once(&out->published, pub);
    free(ud);
    const char *author = m.author_ld ? m.author_ld : m.author ? m.author : m.author_item;
    set_once(&out->author, author);
    if (!out->site) {
        if (m.site) out->site = clean_dup(m.site);
        else if (m.site_ld) out->site = clean_dup(m.site_ld);
    }
    const char *canon = m.canonical ? m.canonical : m.og_url;
    if (!out->url) {
        if (canon) out->url = resolve_url(canon, url);
        else if (url) out->url = clean_dup(url);
    }
    if (!out->site) out->site = host_of(out->url ? out->url : url);
    const char *lang = m.lang ? m.lang : m.lang_meta;
    if (!out->language && lang) {
        char l[16]; size_t k = 0;
        for (const char *p = lang; *p && k < sizeof l - 1 && (isalpha((unsigned char)*p) || *p == '-' || *p == '_'); p++)
            l[k++] = *p == '_' ? '-' : (char)tolower((unsigned char)*p);
        l[k] = 0;
        if (k >= 2) out->language = dl_xstrdup(l);
    }
    meta_free(&m);
    xmlFreeDoc(doc);

    if (!out->kind) out->kind = dl_xstrdup("html");
    /* under 15 words of prose is no article, unless it sits under the
     * page's headline (a short post under its title, a photo with a line) */
    if ((mass < 15 && !(headed && mass >= 1)) || text.len == 0) {
        dl_buf_free(&text);
        if (err) *err = dl_xstrdup("no article body");
        return 1;
    }
    free(out->text);
    out->text_len = text.len;
    out->text = dl_buf_take(&text);
    return 0;
}

void dl_html_init(void) { xmlInitParser(); }

int dl_html_extract(const char *html, size_t n, const char *url, dl_article *out, char **err) {
    return dl_html_extract_cs(html, n, url, NULL, out, err);
}
