/* html_test.c -- main-text and metadata extraction from web pages
 * (src/ingest/html.c).  The pages are our own writing; the dragnet check
 * reads ../shared in place and skips when it is absent. */
#include <criterion/criterion.h>
#include "ingest/html.h"
#include "ingest/charset.h"
#include "ingest/reader.h"
#include "util/buf.h"
#include <ctype.h>
#include <pthread.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <zlib.h>

static const char PAGE[] =
    "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
    "<title>Ministers meet in Vienna | The Daily Sample</title>"
    "<meta property=\"og:site_name\" content=\"The Daily Sample\">"
    "<meta property=\"article:published_time\" content=\"2024-03-06T08:00:00Z\">"
    "<meta name=\"author\" content=\"Meta Author\">"
    "<link rel=\"canonical\" href=\"/world/ministers-meet\">"
    "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"2024-03-05T10:00:00Z\","
    "\"author\":{\"@type\":\"Person\",\"name\":\"Ann Writer\"}}</script>"
    "<style>p { color: red }</style><script>var junk = 'script text';</script></head><body>"
    "<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/world\">World news</a></li></ul></nav>"
    "<div class=\"cookie-banner\">We use cookies to improve your visit. Accept them all now please.</div>"
    "<div id=\"page\"><div class=\"main-column\">"
    "<h1>Ministers meet in Vienna</h1>"
    "<div class=\"story-body\">"
    "<p>VIENNA, March 5 (Reuters) - Foreign ministers from six countries met in Vienna on Tuesday "
    "to discuss the river treaty, officials said after the session.</p>"
    "<h2>No agreement yet</h2>"
    "<p>The talks, the first in two years, ended without an agreement but with a promise to meet "
    "again in May, according to a statement from the host government.</p>"
    "<p>Delegates said the main dispute is over how much water the dams upstream may hold back "
    "during the dry summer months.</p>"
    "<div class=\"share-tools\"><a href=\"#\">Share on Facebook</a> <a href=\"#\">Tweet this story</a></div>"
    "</div>"
    "<h3>3 Comments</h3>"
    "<div id=\"c1\"><p>This is a reader comment that goes on for a while and should not be in the story at all.</p></div>"
    "</div>"
    "<aside><h3>Most read</h3><p>An unrelated teaser paragraph about a football match that was played yesterday evening in town.</p></aside>"
    "</div><footer><p>Copyright 2024 The Daily Sample. All rights reserved. Contact us for licensing.</p></footer>"
    "</body></html>";

static int extract(const char *html, size_t n, const char *url, dl_article *a, char **err) {
    memset(a, 0, sizeof *a);
    *err = NULL;
    return dl_html_extract(html, n, url, a, err);
}

Test(html, keeps_story_paragraphs_and_headings_in_order) {
    dl_article a;
    char *err;
    int rc = extract(PAGE, sizeof PAGE - 1, "https://news.example.com/x?id=1", &a, &err);
    cr_assert_eq(rc, 0, "rc %d: %s", rc, err ? err : "");
    const char *t = a.text;
    const char *p1 = strstr(t, "VIENNA, March 5 (Reuters) - Foreign ministers");
    const char *h2 = strstr(t, "No agreement yet");
    const char *p2 = strstr(t, "The talks, the first in two years");
    const char *p3 = strstr(t, "Delegates said the main dispute");
    cr_assert(p1 && h2 && p2 && p3, "missing story parts in:\n%s", t);
    cr_assert(p1 < h2 && h2 < p2 && p2 < p3, "out of order:\n%s", t);
    /* paragraphs are separated by one blank line */
    cr_assert(strstr(t, "after the session.\n\nNo agreement yet\n\nThe talks"), "%s", t);
    dl_article_clear(&a);
    free(err);
}

Test(html, drops_navigation_cookies_share_comments_asides_footer_scripts) {
    dl_article a;
    char *err;
    cr_assert_eq(extract(PAGE, sizeof PAGE - 1, NULL, &a, &err), 0);
    const char *bad[] = {"Home", "World news", "cookies", "Share on Facebook", "reader comment",
                         "3 Comments", "football", "Copyright", "script text", "color: red"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        cr_expect(!strstr(a.text, bad[i]), "\"%s\" should have been dropped:\n%s", bad[i], a.text);
    dl_article_clear(&a);
    free(err);
}

Test(html, metadata_from_head_json_ld_and_url) {
    dl_article a;
    char *err;
    cr_assert_eq(extract(PAGE, sizeof PAGE - 1, "https://news.example.com/x?id=1", &a, &err), 0);
    cr_expect_str_eq(a.title, "Ministers meet in Vienna");               /* the <h1>, without the site suffix */
    cr_expect_str_eq(a.published, "2024-03-05T10:00:00Z");               /* JSON-LD wins over meta */
    cr_expect_str_eq(a.author, "Ann Writer");
    cr_expect_str_eq(a.site, "The Daily Sample");
    cr_expect_str_eq(a.url, "https://news.example.com/world/ministers-meet");   /* canonical, resolved */
    cr_expect_str_eq(a.language, "en-gb");
    dl_article_clear(&a);
    free(err);
}

Test(html, date_from_url_path_and_host_as_site_when_nothing_else) {
    const char page[] = "<html><body><div><p>PARIS, Jan 3 (AFP) - The government announced a new budget "
                        "plan on Friday that cuts spending on defence and raises it on schools.</p></div></body></html>";
    dl_article a;
    char *err;
    cr_assert_eq(extract(page, sizeof page - 1, "http://www.example.fr/politique/2025/01/03/budget.html", &a, &err), 0);
    cr_expect_str_eq(a.published, "2025-01-03");
    cr_expect_str_eq(a.site, "example.fr");
    cr_expect(a.title == NULL);
    cr_expect(strncmp(a.text, "PARIS, Jan 3 (AFP) - ", 21) == 0, "%s", a.text);
    dl_article_clear(&a);
    free(err);
}

Test(html, time_element_gives_the_date) {
    const char page[] = "<html><body><article><time datetime=\"2023-10-09T12:00\" pubdate>Oct 9</time>"
                        "<p>The mayor opened the new bridge over the river on Monday in front of a large crowd of people.</p>"
                        "</article></body></html>";
    dl_article a;
    char *err;
    cr_assert_eq(extract(page, sizeof page - 1, NULL, &a, &err), 0);
    cr_expect_str_eq(a.published, "2023-10-09T12:00");
    dl_article_clear(&a);
    free(err);
}

Test(html, date_line_near_the_headline_when_no_metadata) {
    const char page[] = "<html><body><div class=\"post\"><h1>Bridge reopens</h1>"
                        "<div class=\"info\">Posted on November 5th, 2012 at 10:40 am by Staff</div>"
                        "<p>The old bridge over the river reopened to traffic on Monday after two years of repairs, the city said.</p>"
                        "<p>Drivers had used a ferry and a long detour through the hills while the work went on.</p>"
                        "</div></body></html>";
    dl_article a;
    char *err;
    cr_assert_eq(extract(page, sizeof page - 1, NULL, &a, &err), 0);
    cr_expect_str_eq(a.published, "2012-11-05");
    dl_article_clear(&a);
    free(err);
    /* a date inside the story is not the publication date */
    const char page2[] = "<html><body><div><p>The court said on Monday that the trial will start on March 3, 2031, "
                         "after the judges have heard the last of the witnesses in the long case.</p></div></body></html>";
    cr_assert_eq(extract(page2, sizeof page2 - 1, NULL, &a, &err), 0);
    cr_expect(a.published == NULL, "%s", a.published);
    dl_article_clear(&a);
    free(err);
}

Test(html, comment_headings_end_the_story_but_story_headings_do_not) {
    const char page[] = "<html><body><div>"
                        "<p>BERLIN, June 2 (dpa) - The city council approved the new tram line on Thursday after a long debate that lasted into the night.</p>"
                        "<h2>Discussion of the costs</h2>"
                        "<p>Opponents said the line would cost twice as much as planned and take five years longer to build than promised.</p>"
                        "<h3>Kommentare (2)</h3>"
                        "<p>Endlich! Das wurde auch Zeit, schreibt ein Leser, der seit zwanzig Jahren auf die Bahn wartet.</p>"
                        "</div></body></html>";
    dl_article a;
    char *err;
    cr_assert_eq(extract(page, sizeof page - 1, NULL, &a, &err), 0);
    cr_expect(strstr(a.text, "Discussion of the costs") && strstr(a.text, "Opponents said"), "%s", a.text);
    cr_expect(!strstr(a.text, "Kommentare") && !strstr(a.text, "Endlich"), "%s", a.text);
    dl_article_clear(&a);
    free(err);
}

Test(html, page_without_article_body_is_reported_as_such) {
    const char page[] = "<html><head><title>Index</title></head><body><ul>"
                        "<li><a href=\"/a\">First story headline here</a></li>"
                        "<li><a href=\"/b\">Second story headline here</a></li>"
                        "<li><a href=\"/c\">Third story headline here</a></li></ul></body></html>";
    dl_article a;
    char *err;
    cr_expect_eq(extract(page, sizeof page - 1, NULL, &a, &err), 1);
    cr_expect(err && strstr(err, "no article body"), "%s", err ? err : "(null)");
    cr_expect(a.text == NULL);
    dl_article_clear(&a);
    free(err);
}

/* A page with a story of four paragraphs, then what follows stories on
 * blogs: a run of readers' comments opened only by author-and-time lines. */
Test(html, a_run_of_comment_lines_ends_the_story) {
    const char page[] =
        "<html><body><div class=\"post\"><h1>Rain stops play</h1>"
        "<p>The match was abandoned after two hours of rain, the organisers said on Sunday evening, "
        "to the anger of the crowd that had waited in the stands since the morning.</p>"
        "<p>Both teams will share the points, which leaves the table as it was before the weekend began.</p>"
        "<p>The replay, if there is one, would have to wait until the end of the season in May.</p>"
        "<div><p>Maria July 7, 2012 at 2:31 pm</p><p>What a shame, I had tickets for the whole day and came from far away.</p>"
        "<p>John July 7, 2012 at 3:02 pm</p><p>They should have waited another hour before giving up on the game.</p>"
        "<p>Ann July 8, 2012 at 9:15 am</p><p>Same thing happened last year at this ground, it always rains there.</p>"
        "</div></div></body></html>";
    dl_article a;
    char *err;
    cr_assert_eq(extract(page, sizeof page - 1, NULL, &a, &err), 0, "%s", err ? err : "");
    cr_expect(strstr(a.text, "replay, if there is one"), "%s", a.text);
    cr_expect(!strstr(a.text, "Maria"), "%s", a.text);
    cr_expect(!strstr(a.text, "tickets"), "%s", a.text);
    dl_article_clear(&a);
    free(err);
}

/* One such line is a byline, not a comment thread. */
Test(html, one_author_and_time_line_is_kept) {
    const char page[] =
        "<html><body><div class=\"post\"><h1>Rain stops play</h1>"
        "<p>By Maria Lopez, July 7, 2012 at 2:31 pm</p>"
        "<p>The match was abandoned after two hours of rain, the organisers said on Sunday evening.</p>"
        "<p>Both teams will share the points, which leaves the table as it was before the weekend began.</p>"
        "</div></body></html>";
    dl_article a;
    char *err;
    cr_assert_eq(extract(page, sizeof page - 1, NULL, &a, &err), 0, "%s", err ? err : "");
    cr_expect(strstr(a.text, "Maria Lopez"), "%s", a.text);
    cr_expect(strstr(a.text, "share the points"), "%s", a.text);
    dl_article_clear(&a);
    free(err);
}

/* Teasers of other stories (linked title, a sentence, "Read more") beside
 * the story are left out; the story is kept. */
Test(html, teasers_between_links_are_left_out) {
    const char page[] =
        "<html><body><div id=\"wrap\"><div class=\"box\">"
        "<div><a href=\"/1\">Harbour reopens</a><p>The harbour reopened on Monday after a week of repairs to the quay.</p><a href=\"/1\">Read more</a></div>"
        "<div><a href=\"/2\">Bridge tolls rise</a><p>Tolls on the old bridge will rise by a tenth from the first of June.</p><a href=\"/2\">Read more</a></div>"
        "<div><a href=\"/3\">School year ends early</a><p>Schools in the north will close a week early because of the heat wave.</p><a href=\"/3\">Read more</a></div>"
        "<div><a href=\"/4\">Library wins award</a><p>The city library won a national prize for its new reading room and garden.</p><a href=\"/4\">Read more</a></div>"
        "</div><div class=\"main\"><h1>Council approves budget</h1>"
        "<p>The city council approved next year's budget on Thursday after a debate that lasted late into the night.</p>"
        "<p>Spending on roads rises by a fifth, while the parks department loses two of its seasonal posts.</p>"
        "</div></div></body></html>";
    dl_article a;
    char *err;
    cr_assert_eq(extract(page, sizeof page - 1, NULL, &a, &err), 0, "%s", err ? err : "");
    cr_expect(strstr(a.text, "seasonal posts"), "%s", a.text);
    cr_expect(!strstr(a.text, "quay"), "%s", a.text);
    cr_expect(!strstr(a.text, "heat wave"), "%s", a.text);
    dl_article_clear(&a);
    free(err);
}

/* The copyright line and blog-template sentences are never story, even
 * as long prose at the story's level. */
Test(html, small_print_is_left_out) {
    const char page[] =
        "<html><body><div class=\"post\"><h1>Council approves budget</h1>"
        "<p>The city council approved next year's budget on Thursday after a debate that lasted late into the night.</p>"
        "<p>Spending on roads rises by a fifth, while the parks department loses two of its seasonal posts.</p>"
        "<p>This entry was posted on Friday, March 8th, 2024 at 10:00 am and is filed under City. "
        "You can follow any responses to this entry through the RSS 2.0 feed.</p>"
        "<p>Copyright 2024 The Daily Sample. All rights reserved. The Daily Sample and its logo are "
        "trademarks of Sample Media and may not be used without permission in any form whatever.</p>"
        "</div></body></html>";
    dl_article a;
    char *err;
    cr_assert_eq(extract(page, sizeof page - 1, NULL, &a, &err), 0, "%s", err ? err : "");
    cr_expect(strstr(a.text, "seasonal posts"), "%s", a.text);
    cr_expect(!strstr(a.text, "entry was posted"), "%s", a.text);
    cr_expect(!strstr(a.text, "trademarks"), "%s", a.text);
    dl_article_clear(&a);
    free(err);
}

/* The block that repeats the page title is the headline: it comes first,
 * and a short post under it is an article, not "no article body". */
Test(html, headline_from_the_title_and_a_short_post_under_it) {
    const char page[] =
        "<html><head><title>Hacker Monthly #1 is here - Hacker Monthly Blog</title></head><body>"
        "<div class=\"post\"><h2>Hacker Monthly #1 is here</h2><p>By Lim, 01 June 2010</p>"
        "<p>We've finally released issue one (along with a new website).</p></div>"
        "<div class=\"links\"><a href=\"/a\">About</a> <a href=\"/b\">Contact</a></div></body></html>";
    dl_article a;
    char *err;
    cr_assert_eq(extract(page, sizeof page - 1, NULL, &a, &err), 0, "%s", err ? err : "");
    cr_expect(!strncmp(a.text, "Hacker Monthly #1 is here", 25), "%s", a.text);
    cr_expect(strstr(a.text, "finally released"), "%s", a.text);
    cr_expect(!strstr(a.text, "Contact"), "%s", a.text);
    dl_article_clear(&a);
    free(err);
}

static void write_file(const char *path, const char *data, size_t n) {
    FILE *f = fopen(path, "wb");
    cr_assert(f, "%s", path);
    cr_assert_eq(fwrite(data, 1, n, f), n);
    fclose(f);
}

/* The reader counts pages without an article body apart from input
 * errors, for HTML files and for pages in a WARC file. */
Test(html, reader_counts_pages_without_body_apart_from_errors) {
    const char nobody[] = "<html><head><title>Index</title></head><body><ul>"
                          "<li><a href=\"/a\">First story headline here</a></li>"
                          "<li><a href=\"/b\">Second story headline here</a></li></ul></body></html>";
    char dir[] = "/tmp/dl-html-XXXXXX";
    cr_assert(mkdtemp(dir));
    char p1[64], p2[64], p3[64];
    snprintf(p1, sizeof p1, "%s/a.html", dir);
    snprintf(p2, sizeof p2, "%s/b.warc", dir);
    snprintf(p3, sizeof p3, "%s/c.jsonl", dir);
    write_file(p1, nobody, sizeof nobody - 1);
    dl_buf http = DL_BUF_INIT, warc = DL_BUF_INIT;
    dl_buf_printf(&http, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n%s", nobody);
    for (int i = 0; i < 2; i++) {
        dl_buf_printf(&warc, "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.com/%d\r\n"
                             "Content-Type: application/http; msgtype=response\r\nContent-Length: %zu\r\n\r\n",
                      i, http.len);
        dl_buf_add(&warc, http.p, http.len);
        dl_buf_adds(&warc, "\r\n\r\n");
    }
    write_file(p2, warc.p, warc.len);
    write_file(p3, "{oops\n", 6);
    const char *paths[] = {p1, p2, p3};
    dl_reader *r = dl_reader_new(paths, 3, NULL);
    dl_article a = {0};
    int rc, n = 0, bodyless = 0;
    while ((rc = dl_reader_next(r, &a)) != DL_READ_EOF) {
        cr_expect_eq(rc, DL_READ_ERROR);
        n++;
        bodyless += a.error && strstr(a.error, "no article body") != NULL;
        dl_article_clear(&a);
    }
    const dl_reader_stats *st = dl_reader_stats_get(r);
    cr_expect_eq(n, 4);
    cr_expect_eq(bodyless, 3);
    cr_expect_eq(st->no_body, 3, "no_body %ld", st->no_body);
    cr_expect_eq(st->errors, 1, "errors %ld", st->errors);
    dl_reader_free(r);
    dl_buf_free(&http);
    dl_buf_free(&warc);
    unlink(p1); unlink(p2); unlink(p3);
    rmdir(dir);
}

Test(html, empty_input_is_an_error) {
    dl_article a;
    char *err;
    cr_expect_eq(extract("", 0, NULL, &a, &err), -1);
    cr_expect(err != NULL);
    dl_article_clear(&a);
    free(err);
}

Test(html, repeated_story_copy_is_given_once) {
    const char page[] = "<html><body><div class=\"content\">"
                        "<p>The central bank raised its main interest rate by a quarter point on Thursday, its third rise this year.</p>"
                        "<div class=\"print\"><p>The central bank raised its main interest rate by a quarter point on Thursday, its third rise this year.</p></div>"
                        "<p>Economists had expected the move after inflation rose again in the spring and summer months.</p>"
                        "</div></body></html>";
    dl_article a;
    char *err;
    cr_assert_eq(extract(page, sizeof page - 1, NULL, &a, &err), 0);
    const char *first = strstr(a.text, "The central bank raised");
    cr_assert(first);
    cr_expect(strstr(first + 1, "The central bank raised") == NULL, "twice:\n%s", a.text);
    dl_article_clear(&a);
    free(err);
}

Test(html, junk_class_on_a_wrapper_of_the_whole_story_is_ignored) {
    const char page[] = "<html><body><div class=\"share_wrapper\"><div class=\"article\">"
                        "<p>Rescue teams reached the flooded villages on Sunday after three days of heavy rain in the north.</p>"
                        "<p>Officials said more than two thousand people had left their homes and were staying in schools.</p>"
                        "</div></div><div class=\"sidebar\"><p>Weather: sunny.</p></div></body></html>";
    dl_article a;
    char *err;
    cr_assert_eq(extract(page, sizeof page - 1, NULL, &a, &err), 0);
    cr_expect(strstr(a.text, "Rescue teams") && strstr(a.text, "two thousand"), "%s", a.text ? a.text : "");
    dl_article_clear(&a);
    free(err);
}

Test(html, declared_latin1_is_converted_to_utf8) {
    const char page[] = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"></head>"
                        "<body><div><p>Caf\xe9 owners in Z\xfcrich protested on Monday against the new opening hours rules, the union said.</p></div></body></html>";
    dl_article a;
    char *err;
    cr_assert_eq(extract(page, sizeof page - 1, NULL, &a, &err), 0);
    cr_expect(strstr(a.text, "Caf\xc3\xa9 owners in Z\xc3\xbcrich"), "%s", a.text);
    dl_article_clear(&a);
    free(err);
}

Test(html, charset_choice) {
    char cs[40];
    /* declared Latin-1 but the bytes are UTF-8: UTF-8 */
    const char a[] = "<meta charset=\"ISO-8859-1\"><p>Z\xc3\xbcrich</p>";
    dl_html_charset(a, sizeof a - 1, NULL, cs);
    cr_expect_str_eq(cs, "UTF-8");
    /* nothing declared, cp1252 quotes: windows-1252 */
    const char b[] = "<p>\x93quoted\x94 text</p>";
    dl_html_charset(b, sizeof b - 1, NULL, cs);
    cr_expect_str_eq(cs, "windows-1252");
    /* the transport's charset wins over the page's */
    dl_html_charset(a, sizeof a - 1, "koi8-r", cs);
    cr_expect_str_eq(cs, "koi8-r");
    /* BOM */
    const char c[] = "\xef\xbb\xbf<p>x</p>";
    dl_html_charset(c, sizeof c - 1, "windows-1252", cs);
    cr_expect_str_eq(cs, "UTF-8");
}

Test(html, cp1252_conversion_maps_the_c1_range_and_survives_undefined_bytes) {
    size_t n, bad;
    char *s = dl_to_utf8("\x93q\x94 \x80 \x81", 7, "windows-1252", &n, &bad);
    cr_expect_str_eq(s, "\xe2\x80\x9cq\xe2\x80\x9d \xe2\x82\xac \xc2\x81");
    free(s);
    /* iconv path: an invalid byte costs one U+FFFD, not the rest */
    s = dl_to_utf8("ab\xff" "cd", 5, "UTF-16LE", &n, &bad);
    cr_expect(n > 0);
    free(s);
    s = dl_to_utf8("\xc1\xc2\xff\xfe", 4, "koi8-r", &n, &bad);
    cr_expect_eq(bad, 0);
    cr_expect(n >= 8);
    free(s);
}

/* ---- threads: no shared state, the same result in every thread ---- */

static void *extract_many(void *arg) {
    const char *want = arg;
    long bad = 0;
    for (int i = 0; i < 40; i++) {
        dl_article a;
        char *err;
        if (extract(PAGE, sizeof PAGE - 1, "https://news.example.com/x", &a, &err) != 0 ||
            strcmp(a.text, want) != 0)
            bad++;
        dl_article_clear(&a);
        free(err);
    }
    return (void *)bad;
}

Test(html, extraction_in_parallel_threads_gives_the_same_text) {
    dl_html_init();
    dl_article a;
    char *err;
    cr_assert_eq(extract(PAGE, sizeof PAGE - 1, "https://news.example.com/x", &a, &err), 0);
    pthread_t t[3];
    for (int i = 0; i < 3; i++) pthread_create(&t[i], NULL, extract_many, a.text);
    long bad = 0;
    for (int i = 0; i < 3; i++) {
        void *r;
        pthread_join(t[i], &r);
        bad += (long)r;
    }
    cr_expect_eq(bad, 0, "%ld extractions differed", bad);
    dl_article_clear(&a);
    free(err);
}

/* ---- inputs that once crashed or hung the extractor ---- */

static int read_file(const char *path, dl_buf *b) {
    FILE *f = fopen(path, "rb");
    if (!f) return -1;
    char tmp[65536];
    size_t k;
    while ((k = fread(tmp, 1, sizeof tmp, f)) > 0) dl_buf_add(b, tmp, k);
    fclose(f);
    return 0;
}

Test(html, regression_inputs_do_not_crash) {
    DIR *d = opendir("tests/regress/html");
    if (!d) { cr_skip_test("no tests/regress/html"); return; }
    struct dirent *e;
    int n = 0;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        char p[512];
        snprintf(p, sizeof p, "tests/regress/html/%s", e->d_name);
        dl_buf b = DL_BUF_INIT;
        if (read_file(p, &b)) continue;
        dl_article a;
        char *err;
        int rc = extract(b.p ? b.p : "", b.len, "http://example.com/", &a, &err);
        cr_expect(rc >= -1 && rc <= 1);
        dl_article_clear(&a);
        free(err);
        dl_buf_free(&b);
        n++;
    }
    closedir(d);
    cr_log_info("%d html regression inputs", n);
}

/* ---- dragnet: word-bag F1 against the gold text ---- */

#define DRAGNET "../shared/corpora/html/dragnet"

static int read_gz(const char *path, dl_buf *b) {
    gzFile g = gzopen(path, "rb");
    if (!g) return -1;
    char tmp[65536];
    int k;
    while ((k = gzread(g, tmp, sizeof tmp)) > 0) dl_buf_add(b, tmp, (size_t)k);
    gzclose(g);
    return 0;
}

/* Where the article ends in a gold file: the line holding the
 * "!@#$%^&*()  COMMENTS" marker (written with one to three spaces, and a
 * few times as "!@ $%^&*()"). */
/* the gold ends at its "!@#$%^&*()  COMMENTS" line (written with other
 * spacing, a tab, another word or none: "$%^&*()" is what they share) */
static size_t gold_end(const char *g, size_t n) {
    const char *p = memmem(g, n, "$%^&*()", 7);
    if (!p) return n;
    while (p > g && p[-1] != '\n') p--;
    return (size_t)(p - g);
}

typedef struct { char **w; size_t n, cap; } bag;

static void bag_add_tokens(bag *b, const char *s, size_t n) {
    size_t i = 0;
    while (i < n) {
        while (i < n && !(isalnum((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80)) i++;
        size_t st = i;
        while (i < n && (isalnum((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80)) i++;
        if (i == st) continue;
        if (b->n == b->cap) { b->cap = b->cap ? b->cap * 2 : 256; b->w = realloc(b->w, b->cap * sizeof *b->w); }
        char *t = strndup(s + st, i - st);
        for (char *p = t; *p; p++) *p = (char)tolower((unsigned char)*p);
        b->w[b->n++] = t;
    }
}

static int cmpstr(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static size_t bag_common(bag *a, bag *b) {
    if (a->n) qsort(a->w, a->n, sizeof *a->w, cmpstr);
    if (b->n) qsort(b->w, b->n, sizeof *b->w, cmpstr);
    size_t i = 0, j = 0, c = 0;
    while (i < a->n && j < b->n) {
        int r = strcmp(a->w[i], b->w[j]);
        if (!r) { c++; i++; j++; } else if (r < 0) i++; else j++;
    }
    return c;
}

static void bag_free(bag *b) { for (size_t i = 0; i < b->n; i++) free(b->w[i]); free(b->w); }

Test(html, dragnet_test_split_word_bag_f1, .timeout = 120) {
    FILE *ids = fopen(DRAGNET "/test.txt", "r");
    if (!ids) { cr_skip_test(DRAGNET " not found; skipped"); return; }
    char id[256];
    double sf = 0;
    int pages = 0;
    while (fgets(id, sizeof id, ids)) {
        id[strcspn(id, "\r\n")] = 0;
        if (!id[0]) continue;
        char p[600];
        dl_buf html = DL_BUF_INIT, gold = DL_BUF_INIT;
        snprintf(p, sizeof p, DRAGNET "/HTML/%s.html.gz", id);
        if (read_gz(p, &html)) continue;
        snprintf(p, sizeof p, DRAGNET "/Corrected/%s.html.corrected.txt", id);
        read_gz(p, &gold);
        if (gold.len >= 2 && ((unsigned char)gold.p[0] == 0xFF || (unsigned char)gold.p[0] == 0xFE)) {
            size_t ul;
            char *u = dl_to_utf8(gold.p, gold.len, "UTF-16", &ul, NULL);
            dl_buf_free(&gold);
            gold.p = u; gold.len = gold.cap = ul;
        }
        size_t glen = gold.p ? gold_end(gold.p, gold.len) : 0;
        dl_article a;
        char *err;
        int rc = extract(html.p ? html.p : "", html.len, NULL, &a, &err);
        bag ex = {0}, gb = {0};
        if (rc == 0) bag_add_tokens(&ex, a.text, a.text_len);
        bag_add_tokens(&gb, gold.p ? gold.p : "", glen);
        size_t c = bag_common(&ex, &gb);
        double P = ex.n ? (double)c / ex.n : (gb.n ? 0 : 1), R = gb.n ? (double)c / gb.n : 1;
        sf += P + R > 0 ? 2 * P * R / (P + R) : 0;
        pages++;
        bag_free(&ex); bag_free(&gb);
        dl_article_clear(&a);
        free(err);
        dl_buf_free(&html); dl_buf_free(&gold);
    }
    fclose(ids);
    cr_assert(pages > 400, "only %d test pages read", pages);
    double f1 = sf / pages;
    cr_log_info("dragnet test split: %d pages, mean word-bag F1 %.3f", pages, f1);
    /* measured 0.912 (0.898 before the training-split rules); below 0.85 is a regression */
    cr_expect_geq(f1, 0.85, "dragnet F1 %.3f", f1);
}
