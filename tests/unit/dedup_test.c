/* dedup_test.c -- exact and near-duplicate grouping (src/ingest/dedup.c).
 * The small cases are our own sentences; the grouping test builds copies of
 * real stories from ../shared (read in place; skipped when absent). */
#include <criterion/criterion.h>
#include "ingest/dedup.h"
#include "util/buf.h"
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

static const char STORY[] =
    "GENEVA, May 4 (Reuters) - Delegates from forty countries agreed on Thursday to set up a fund "
    "for farmers hit by drought, after three days of talks that nearly collapsed over who would pay. "
    "The fund will start with two hundred million dollars, most of it from the largest donors, and "
    "will be run by a board with members from every region. Aid groups welcomed the deal but said "
    "the money would cover only a small part of the losses seen in the last two harvests.";

Test(dedup, exact_copy_ignores_case_spacing_and_punctuation) {
    dl_dedup *d = dl_dedup_new(NULL);
    const char *dup;
    int size;
    dl_dedup_add(d, "a", STORY, strlen(STORY), &dup, &size);
    cr_expect(dup == NULL);
    cr_expect_eq(size, 1);
    char copy[2 * sizeof STORY];
    size_t k = 0;
    for (const char *p = STORY; *p; p++) {
        if (*p == ',') continue;                               /* punctuation dropped */
        copy[k++] = (char)(*p >= 'a' && *p <= 'z' ? *p - 32 : *p);   /* upper case */
        if (*p == ' ') copy[k++] = ' ';                        /* double spaces */
    }
    copy[k] = 0;
    int i = dl_dedup_add(d, "b", copy, k, &dup, &size);
    cr_assert(dup != NULL);
    cr_expect_str_eq(dup, "a");
    cr_expect_eq(size, 2);
    cr_expect_eq(dl_dedup_kind(d, i), DL_DUP_EXACT);
    dl_dedup_free(d);
}

Test(dedup, republished_copy_with_header_footer_and_edits_is_near) {
    dl_dedup *d = dl_dedup_new(NULL);
    dl_dedup_add(d, "wire", STORY, strlen(STORY), NULL, NULL);
    dl_buf b = DL_BUF_INIT;
    dl_buf_adds(&b, "Valley Gazette | World | 4 May\n\n");
    dl_buf_adds(&b, STORY);
    dl_buf_adds(&b, "\n\nCopyright Valley Gazette. Read more world news on our site.");
    /* a few edited words */
    char *p = strstr(b.p, "nearly collapsed");
    memcpy(p, "almost collapsed", 16);
    p = strstr(b.p, "welcomed");
    memcpy(p, "praised ", 8);
    const char *dup;
    int size;
    int i = dl_dedup_add(d, "gazette", b.p, b.len, &dup, &size);
    cr_assert(dup != NULL, "copy not detected");
    cr_expect_str_eq(dup, "wire");
    cr_expect_eq(size, 2);
    cr_expect_eq(dl_dedup_kind(d, i), DL_DUP_NEAR);
    dl_buf_free(&b);
    dl_dedup_free(d);
}

Test(dedup, different_story_on_the_same_topic_is_not_a_duplicate) {
    dl_dedup *d = dl_dedup_new(NULL);
    dl_dedup_add(d, "a", STORY, strlen(STORY), NULL, NULL);
    const char other[] =
        "NAIROBI, May 5 (AFP) - Farmers in the east of the country said on Friday that the drought fund "
        "agreed in Geneva came too late for this season, as maize prices rose for the fourth week. "
        "Local officials asked the government to release grain from its reserves and to cut fuel taxes "
        "so that food can reach the markets in the north.";
    const char *dup;
    int size;
    int i = dl_dedup_add(d, "b", other, sizeof other - 1, &dup, &size);
    cr_expect(dup == NULL);
    cr_expect_eq(size, 1);
    cr_expect_eq(dl_dedup_kind(d, i), DL_DUP_NONE);
    dl_dedup_free(d);
}

Test(dedup, groups_grow_and_are_named_by_their_first_article) {
    dl_dedup *d = dl_dedup_new(NULL);
    dl_dedup_add(d, "first", STORY, strlen(STORY), NULL, NULL);
    dl_dedup_add(d, "other", "An unrelated short note about the weather today.", 48, NULL, NULL);
    const char *dup;
    int size = 0;
    for (int i = 0; i < 3; i++) dl_dedup_add(d, NULL, STORY, strlen(STORY), &dup, &size);
    cr_expect_eq(size, 4);
    cr_expect_str_eq(dup, "first");
    const char *first;
    dl_dedup_group(d, 0, &first, &size);
    cr_expect_str_eq(first, "first");
    cr_expect_eq(size, 4);
    dl_dedup_group(d, 1, &first, &size);
    cr_expect_eq(size, 1);
    dl_dedup_group(d, 99, &first, &size);
    cr_expect(first == NULL && size == 0);
    cr_expect_eq(dl_dedup_count(d), 5);
    dl_dedup_free(d);
}

Test(dedup, empty_texts_are_never_grouped) {
    dl_dedup *d = dl_dedup_new(NULL);
    const char *dup;
    int size;
    dl_dedup_add(d, "a", "", 0, &dup, &size);
    dl_dedup_add(d, "b", " ... ", 5, &dup, &size);
    cr_expect(dup == NULL);
    cr_expect_eq(size, 1);
    dl_dedup_free(d);
}

Test(dedup, simhash_method_finds_exact_and_single_edit_copies) {
    dl_dedup_opts o = {.method = DL_DEDUP_SIMHASH};
    dl_dedup *d = dl_dedup_new(&o);
    dl_dedup_add(d, "a", STORY, strlen(STORY), NULL, NULL);
    const char *dup;
    int size;
    dl_dedup_add(d, "b", STORY, strlen(STORY), &dup, &size);
    cr_expect(dup && !strcmp(dup, "a"));
    dl_dedup_free(d);
}

/* ---- copies of real stories: precision and recall of the grouping ---- */

typedef struct { char *text; size_t len; int truth; char id[32]; } item;

typedef struct { uint64_t s; } rng;
static uint64_t rnd(rng *r) { r->s ^= r->s << 13; r->s ^= r->s >> 7; r->s ^= r->s << 17; return r->s; }

/* a republished copy: the site's header and footer, 1-3 words edited */
static char *republish(rng *r, const char *t, size_t *out_len) {
    static const char *const sites[] = {"Harbor Times", "Capital Post", "Metro Daily", "Sun Courier"};
    static const char *const fill[] = {"reportedly", "also", "still", "officially"};
    const char *site = sites[rnd(r) % 4];
    dl_buf b = DL_BUF_INIT;
    dl_buf_printf(&b, "%s | World | Updated %d hours ago\n\n", site, (int)(rnd(r) % 12) + 1);
    int words = 0;
    for (const char *p = t; *p; p++) words += *p == ' ';
    int edits = 1 + (int)(rnd(r) % 3), at[3];
    for (int e = 0; e < edits; e++) at[e] = words ? (int)(rnd(r) % (uint64_t)words) : 0;
    int w = 0;
    for (const char *p = t; *p; p++) {
        if (*p == ' ') {
            w++;
            for (int e = 0; e < edits; e++)
                if (at[e] == w) { dl_buf_addc(&b, ' '); dl_buf_adds(&b, fill[rnd(r) % 4]); }
        }
        dl_buf_addc(&b, *p);
    }
    dl_buf_printf(&b, "\n\nCopyright 2024 %s. All rights reserved. Read more world news on our site.\n", site);
    *out_len = b.len;
    return dl_buf_take(&b);
}

static void grouping_quality(const char *path, int nstories, double *precision, double *recall, int *ndocs) {
    gzFile g = gzopen(path, "rb");
    cr_assert(g);
    rng r = {0x9E3779B97F4A7C15ULL};
    item *v = NULL;
    size_t nv = 0, cap = 0;
    char *line = malloc(1 << 20);
    int stories = 0;
    while (stories < nstories && gzgets(g, line, 1 << 20)) {
        json_t *j = json_loads(line, 0, NULL);
        const char *t = json_string_value(json_object_get(j, "text"));
        int words = 0;
        for (const char *p = t; p && *p; p++) words += *p == ' ';
        if (t && words >= 30) {
            int copies = stories % 2 ? 1 + (int)(rnd(&r) % 3) : 0;
            for (int c = 0; c <= copies; c++) {
                if (nv == cap) { cap = cap ? cap * 2 : 512; v = realloc(v, cap * sizeof *v); }
                item *it = &v[nv++];
                it->truth = stories;
                snprintf(it->id, sizeof it->id, "s%d.%d", stories, c);
                if (c == 0) { it->text = strdup(t); it->len = strlen(t); }
                else it->text = republish(&r, t, &it->len);
            }
            stories++;
        }
        json_decref(j);
    }
    free(line);
    gzclose(g);
    for (size_t i = nv; i > 1; i--) { size_t k = rnd(&r) % i; item t = v[i - 1]; v[i - 1] = v[k]; v[k] = t; }
    dl_dedup *d = dl_dedup_new(NULL);
    for (size_t i = 0; i < nv; i++) dl_dedup_add(d, v[i].id, v[i].text, v[i].len, NULL, NULL);
    const char **first = malloc(nv * sizeof *first);
    for (size_t i = 0; i < nv; i++) dl_dedup_group(d, (int)i, &first[i], NULL);
    long long pred = 0, truth = 0, both = 0;
    for (size_t i = 0; i < nv; i++)
        for (size_t k = i + 1; k < nv; k++) {
            int p = !strcmp(first[i], first[k]), t = v[i].truth == v[k].truth;
            pred += p; truth += t; both += p && t;
        }
    *precision = pred ? (double)both / pred : 1;
    *recall = truth ? (double)both / truth : 1;
    *ndocs = (int)nv;
    free(first);
    dl_dedup_free(d);
    for (size_t i = 0; i < nv; i++) free(v[i].text);
    free(v);
}

#define AGNEWS "../shared/corpora/agnews-world/agnews_world_test.jsonl.gz"
#define REUTERS "../shared/corpora/reuters21578/reuters21578.jsonl.gz"

Test(dedup, grouping_of_republished_agnews_stories, .timeout = 60) {
    if (access(AGNEWS, R_OK)) { cr_skip_test(AGNEWS " not found; skipped"); return; }
    double p, r;
    int n;
    grouping_quality(AGNEWS, 600, &p, &r, &n);
    cr_log_info("agnews: %d docs, precision %.3f recall %.3f", n, p, r);
    cr_expect_gt(n, 600);
    cr_expect_geq(p, 0.95, "precision %.3f", p);
    cr_expect_geq(r, 0.90, "recall %.3f", r);
}

Test(dedup, grouping_of_republished_reuters_stories, .timeout = 60) {
    if (access(REUTERS, R_OK)) { cr_skip_test(REUTERS " not found; skipped"); return; }
    double p, r;
    int n;
    grouping_quality(REUTERS, 800, &p, &r, &n);
    cr_log_info("reuters: %d docs, precision %.3f recall %.3f", n, p, r);
    /* Reuters-21578 itself repeats some stories under different ids (the
     * Caisse Centrale Desjardins eurobond story of March 2 is there twice)
     * and has template briefs ("declared an initial annual dividend of 10
     * cts"), which count against precision here: measured 0.87 */
    cr_expect_geq(p, 0.85, "precision %.3f", p);
    cr_expect_geq(r, 0.95, "recall %.3f", r);
}
