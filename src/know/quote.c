/* quote.c -- quotations, direct or partial, and their speakers. */
#include "quote.h"
#include "know.h"
#include "../actor/actor.h"
#include <stdlib.h>
#include <string.h>

enum { FRAME_SPAN = 80 };

/* Reporting verbs, in the forms news uses around quotations -- sorted, for
 * bsearch (keep it sorted). */
static const char *const REPORTING[] = {
    "accused", "accuses", "acknowledged", "added", "adding", "adds", "admits",
    "admitted", "affirmed", "agreed", "alleged", "announced", "announces", "argued",
    "argues", "arguing", "asked", "asks", "assured", "believed", "believes", "boasted",
    "branded", "called", "calling", "calls", "cautioned", "chanted", "chanting",
    "claimed", "claims", "commented", "complained", "conceded", "concluded",
    "condemned", "condemns", "confirmed", "confirms", "continued", "countered",
    "criticised", "criticized", "declared", "declares", "demanded", "denied",
    "denounced", "denounces", "described", "describes", "describing", "dismissed",
    "dismissing", "dubbed", "emphasised", "emphasises", "emphasized", "emphasizes",
    "explained", "explaining", "explains", "feels", "hailed", "hails", "highlighted",
    "insisted", "insisting", "insists", "labeled", "labelled", "lamented", "maintained",
    "maintains", "mentioned", "noted", "notes", "noting", "observed", "pledged",
    "pointed", "posted", "posting", "praised", "predicted", "promised", "quipped",
    "recalled", "recounted", "referred", "referring", "reiterated", "remarked",
    "replied", "replies", "reported", "responded", "retorted", "said", "say", "saying",
    "says", "shouted", "shouting", "signaled", "signalled", "stated", "states",
    "stressed", "stresses", "stressing", "suggested", "suggests", "tell", "tells",
    "testified", "thinks", "threatened", "told", "tweeted", "underlined", "underlines",
    "urged", "urges", "vowed", "vows", "warned", "warning", "warns", "welcomed",
    "wondered", "writes", "writing", "wrote",
};


static int cmp_str(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }

int dl_reporting_verb(const char *norm) {
    return bsearch(&norm, REPORTING, sizeof REPORTING / sizeof *REPORTING, sizeof *REPORTING, cmp_str) != NULL;
}

static const char *const AUX[] = {
    "has", "had", "have", "also", "later", "then", "again", "further", "once", "is",
    "was", "had", "previously", "earlier", "repeatedly", "recently", "reportedly", "only",
    "just", "already", "publicly", "has also",
    /* "was about to tell", "is going to say", "wanted to stress" */
    "to", "about", "going", "able", "want", "wants", "wanted", "plans", "planned", "were", NULL
};

/* Words that start an adjunct after a subject ("X on Friday said"). */
static const char *const ADJUNCT[] = {
    "on", "in", "at", "during", "yesterday", "today", "last", "this", "earlier", "also", "later", NULL
};

static const char *const PRONOUNS[] = { "he", "she", "they", NULL };   /* "I", "we": the speaker as written */

/* Words that end a speaker phrase read forwards ("said Heappey in a statement"). */
static const char *const NP_END[] = {
    "in", "on", "at", "after", "during", "while", "when", "adding", "according",
    "before", "that", "who", "which", "to", "as", "and", "but", "told", "of", "from",
    "last", "this", "yesterday", "today", "earlier", "later", "recently", "via", NULL
};

/* Words that end a speaker phrase read backwards ("... that the minister said"). */
static const char *const NP_START_STOP[] = {
    "that", "and", "but", "as", "which", "who", "because", "while", "when", "where",
    "if", "so", "although", "though", "after", "before", "since", "said", "says",
    /* verbs and particles: "I was about to tell", "my employer would call" */
    "is", "was", "are", "were", "be", "would", "will", "can", "could", "should",
    "may", "might", "must", "about", "wanted", "want", "did", "do", "does", "not", NULL
};

/* For dl_know_words(): the count finder asks of the words after a number
 * whether they report; the speaker finders ask the others of the words
 * around a reporting verb. */
const dl_know_list dl_quote_word_lists[] = {
    { REPORTING, NULL, sizeof REPORTING / sizeof *REPORTING, DL_KW_REPORTING },
    { AUX, NULL, DL_KNOW_NLIST(AUX), DL_KW_AUX },
    { ADJUNCT, NULL, DL_KNOW_NLIST(ADJUNCT), DL_KW_ADJUNCT },
    { NP_END, NULL, DL_KNOW_NLIST(NP_END), DL_KW_NP_END },
    { NP_START_STOP, NULL, DL_KNOW_NLIST(NP_START_STOP), DL_KW_NP_STOP },
    { NULL, NULL, 0, 0 }
};

static int is_wordish(const dl_token *t) {
    return t->kind == DL_TOK_WORD || t->kind == DL_TOK_ABBR || t->kind == DL_TOK_POSS || t->kind == DL_TOK_NUM;
}

static size_t sent_of(const dl_doc *doc, size_t i) { return dl_know_sentence_of(doc, i); }

/* Resolve a speaker phrase [a, b) (token indexes) through the actors. */
static void resolve_speaker(dl_doc *doc, size_t a, size_t b, dl_speaker *sp) {
    const dl_token *t = doc->toks.v;
    sp->found = 1;
    sp->start = t[a].start;
    sp->end = t[b - 1].end;
    sp->text = dl_arena_strndup(doc->arena, doc->text + sp->start, sp->end - sp->start);
    sp->name = sp->text;
    sp->code = "";
    if (!doc->actors) return;
    const dl_actor_mention *best = NULL;
    int best_rank = -1;
    for (size_t k = 0; k < doc->actors->n; k++) {
        const dl_actor_mention *m = &doc->actors->v[k];
        if (m->end <= sp->start || m->start >= sp->end) continue;
        /* a person beats a coreferent phrase beats anything else; earlier
         * (the head of "the secretary of the Armed Forces") beats later */
        int rank = m->kind == DL_AK_PERSON ? 3 : m->how == DL_AH_COREF ? 2 : 1;
        if (rank > best_rank) { best = m; best_rank = rank; }
    }
    if (!best) return;
    const dl_actor_mention *root = best;
    for (int hops = 0; root->how == DL_AH_COREF && root->antecedent >= 0 &&
                       (size_t)root->antecedent < doc->actors->n && hops < 16; hops++)
        root = &doc->actors->v[root->antecedent];
    sp->name = root->name && *root->name ? root->name : best->name && *best->name ? best->name : sp->text;
    sp->code = best->code && *best->code ? best->code : root->code ? root->code : "";
}

/* A pronoun speaker: the latest person mentioned before position off. */
static size_t np_backward(const dl_token *t, const dl_know_word *w, size_t lo, size_t v, size_t *end);

/* The bracket that opens the group closing at token c, no further back
 * than lo and 8 tokens ("Rep. Lane Evans (D-Ill.)", "director general
 * (MITI)"); (size_t)-1 if none. */
static size_t group_open(const dl_token *t, size_t lo, size_t c) {
    for (size_t k = c; k > lo && c - k < 8; k--)
        if (t[k - 1].kind == DL_TOK_OPEN) return k - 1;
    return (size_t)-1;
}

/* The one who last spoke in the two sentences before token a: the subject
 * of their last reporting verb, when it has a capitalised word that is no
 * pronoun or article ("... Deputy Raul Baglini told a local radio station.
 * “...,” he added.").  Into sp (span and text: the pronoun's). */
static int earlier_speaker(dl_doc *doc, size_t a, dl_speaker *sp) {
    const dl_token *t = doc->toks.v;
    const dl_know_word *w = dl_know_words(doc, NULL);
    size_t s = dl_know_sentence_of(doc, a);
    if (s == (size_t)-1) return 0;
    for (size_t back = 1; back <= 2 && back <= s; back++) {
        const dl_sentence *se = &doc->sents.v[s - back];
        for (size_t v = se->tok_end; v > se->tok_start; v--) {
            if (!(w[v - 1].cls & DL_KW_REPORTING)) continue;
            size_t e, b = np_backward(t, w, se->tok_start, v - 1, &e);
            int name = 0;
            for (size_t k = b; k < e && !name; k++)
                name = (t[k].flags & DL_TF_CAP) && !dl_know_in_list(PRONOUNS, t[k].norm) && !DL_NORM_IS(&t[k], "the") &&
                       !DL_NORM_IS(&t[k], "a") && !DL_NORM_IS(&t[k], "i") && !DL_NORM_IS(&t[k], "we");
            if (!name) continue;
            dl_speaker who;
            memset(&who, 0, sizeof who);
            resolve_speaker(doc, b, e, &who);
            *sp = who;
            sp->start = t[a].start;
            sp->end = t[a].end;
            sp->text = dl_arena_strndup(doc->arena, doc->text + sp->start, sp->end - sp->start);
            return 1;
        }
    }
    return 0;
}

static int resolve_pronoun(dl_doc *doc, size_t a, dl_speaker *sp, const dl_quote_set *done) {
    const dl_token *t = doc->toks.v;
    uint32_t off = t[a].start;
    if (doc->actors) {
        for (size_t k = doc->actors->n; k > 0; k--) {
            const dl_actor_mention *m = &doc->actors->v[k - 1];
            if (m->start >= off) continue;
            if (m->kind != DL_AK_PERSON) continue;
            if (m->end > off) continue;
            /* the mention itself, so resolve_speaker maps it */
            dl_speaker tmp;
            memset(&tmp, 0, sizeof tmp);
            sp->found = 1;
            sp->start = t[a].start;
            sp->end = t[a].end;
            sp->text = dl_arena_strndup(doc->arena, doc->text + sp->start, sp->end - sp->start);
            const dl_actor_mention *root = m;
            for (int hops = 0; root->how == DL_AH_COREF && root->antecedent >= 0 &&
                               (size_t)root->antecedent < doc->actors->n && hops < 16; hops++)
                root = &doc->actors->v[root->antecedent];
            sp->name = root->name && *root->name ? root->name : m->name;
            sp->code = m->code ? m->code : "";
            return 1;
        }
    }
    for (size_t k = done->n; k > 0; k--) {
        if (done->v[k - 1].speaker.found) {
            *sp = done->v[k - 1].speaker;
            sp->start = t[a].start;
            sp->end = t[a].end;
            sp->text = dl_arena_strndup(doc->arena, doc->text + sp->start, sp->end - sp->start);
            return 1;
        }
    }
    return earlier_speaker(doc, a, sp);
}

/* Speaker phrase read forwards from token k (after "said", "by", "to"). */
static size_t np_forward(const dl_token *t, const dl_know_word *w, size_t k, size_t hi) {
    size_t e = k;
    while (e < hi && e - k < 8 && is_wordish(&t[e]) && !(e > k && (w[e].cls & DL_KW_NP_END))) {
        if (e > k && (t[e].flags & DL_TF_PARA)) break;
        e++;
    }
    return e;
}

/* Speaker phrase read backwards from token v (exclusive), inside [lo, v);
 * *end is set to where it ends (before a skipped appositive). */
static size_t np_backward(const dl_token *t, const dl_know_word *w, size_t lo, size_t v, size_t *end) {
    size_t b = v;
    *end = v;
    int skipped = 0, taken = 0;
    while (b > lo && taken < 10) {
        const dl_token *p = &t[b - 1];
        if (dl_know_is_punct(p, ",") && !skipped && b - 1 > lo) {
            /* an appositive or relative clause between subject and verb:
             * "the secretary of the Armed Forces, who relies on ..., has stressed" */
            size_t k = b - 1;
            size_t limit = k > lo + 15 ? k - 15 : lo;
            while (k > limit && !dl_know_is_punct(&t[k - 1], ",") && t[k - 1].kind != DL_TOK_QUOTE) k--;
            if (k > limit && dl_know_is_punct(&t[k - 1], ",") && k - 1 > lo) {
                b = k - 1;
                *end = b;
                skipped = 1;
                continue;
            }
            break;
        }
        /* a hyphen joining two words ("U.S.-backed") keeps the phrase */
        if (p->kind == DL_TOK_DASH && !(p->flags & DL_TF_SPACE) && !(t[b].flags & DL_TF_SPACE) && b - 1 > lo &&
            is_wordish(&t[b - 2])) {
            b--;
            continue;
        }
        /* a bracketed group inside the subject: "Rep. Lane Evans (D-Ill.)" */
        if (p->kind == DL_TOK_CLOSE) {
            size_t op = group_open(t, lo, b - 1);
            if (op == (size_t)-1 || op == lo) break;
            if (*end == b) *end = op;   /* the group ends the phrase: leave it out */
            b = op;
            continue;
        }
        if (!is_wordish(p)) break;
        if ((w[b - 1].cls & DL_KW_NP_STOP) || (w[b - 1].cls & DL_KW_REPORTING)) break;
        b--;
        taken++;
    }
    /* "In a separate interview Keating said": the subject starts at the
     * name after a leading adjunct */
    if (b < *end && ((w[b].cls & DL_KW_ADJUNCT) || DL_NORM_IS(&t[b], "after") || DL_NORM_IS(&t[b], "before") ||
                     DL_NORM_IS(&t[b], "for") || DL_NORM_IS(&t[b], "with"))) {
        for (size_t k = b + 1; k < *end; k++)
            if ((t[k].flags & DL_TF_CAP) && !(t[k - 1].flags & DL_TF_CAP)) { b = k; break; }
    }
    /* "Democrat John Kerry on Friday dismissed": the subject ends before
     * a time or place adjunct */
    for (size_t k = b + 1; k < *end; k++)
        if ((w[k].cls & DL_KW_ADJUNCT)) { *end = k; break; }
    return b;
}

/* Where the sentence's subject ends: the first actor mention starting the
 * sentence, else the words up to the first finite-looking verb. */
static size_t subject_end(const dl_doc *doc, size_t slo, size_t limit) {
    const dl_token *t = doc->toks.v;
    if (doc->actors) {
        for (size_t k = 0; k < doc->actors->n; k++) {
            const dl_actor_mention *m = &doc->actors->v[k];
            if (m->tok_start >= slo && m->tok_start <= slo + 1 && m->tok_end <= limit) return m->tok_end;
        }
    }
    static const char *const FINITE[] = { "is", "was", "are", "were", "has", "had", "have", "will", "would",
        "said", "says", "did", "does", "could", "can", NULL };
    size_t e = slo;
    while (e < limit && e < slo + 6 && is_wordish(&t[e])) {
        size_t l = t[e].norm_len;
        if (e > slo && (dl_know_in_list(FINITE, t[e].norm) || (l > 4 && !strcmp(t[e].norm + l - 2, "ed")))) break;
        e++;
    }
    return e < limit && e < slo + 6 ? e : slo;
}

static void set_speaker(dl_doc *doc, size_t a, size_t b, dl_speaker *sp, const dl_quote_set *done) {
    if (b <= a) return;
    /* a speaker has a content word: "to" or "of the" is none */
    static const char *const FUNCTION[] = { "to", "of", "the", "a", "an", "in", "on", "at", "for", "with",
                                            "by", "from", "whether", "if", "how", "why", "what", NULL };
    int content = 0;
    for (size_t k = a; k < b && !content; k++) content = !dl_know_in_list(FUNCTION, doc->toks.v[k].norm);
    if (!content) return;
    if (b == a + 1 && dl_know_in_list(PRONOUNS, doc->toks.v[a].norm) && resolve_pronoun(doc, a, sp, done))
        return;
    /* skip a leading "then" / "former" is kept: it is part of the title */
    resolve_speaker(doc, a, b, sp);
}

/* A word in -ing of more than four letters ("saying", "calling"). */
static int is_ing(const dl_token *t) {
    return t->norm_len > 4 && !memcmp(t->norm + t->norm_len - 3, "ing", 3);
}

/* The subject of the sentence starting at token slo (ending before limit)
 * speaks through the participle at token verb; 0 when no subject is
 * found. */
static int subject_speaks(dl_doc *doc, size_t slo, size_t limit, size_t verb, dl_quote *q, const dl_quote_set *done) {
    size_t e = subject_end(doc, slo, limit);
    if (e <= slo) return 0;
    q->verb = doc->toks.v[verb].norm;
    q->frame = "subject-participle";
    set_speaker(doc, slo, e, &q->speaker, done);
    return 1;
}

static void attribute(dl_doc *doc, size_t o, size_t c, size_t slo, size_t shi, dl_quote *q, const dl_quote_set *done) {
    const dl_token *t = doc->toks.v;
    const dl_know_word *w = dl_know_words(doc, NULL);
    size_t n = doc->toks.n;
    /* 1. after the closing mark: ", the British representative said." /
     *    ", said Heappey." */
    if (c < n) {
        size_t k = c + 1;
        while (k < n && (dl_know_is_punct(&t[k], ",") || t[k].kind == DL_TOK_DASH)) k++;
        size_t end = k;
        /* after a quotation that ended its sentence ("...support." The
         * stock has risen ..., the opinion continued) only a short
         * attribution reads back to it: "Why?" Smith asked. */
        size_t reach = (t[c].flags & DL_TF_SENT_END) ? 6 : 16;
        while (end < n && end < k + reach && !(t[end].flags & DL_TF_PARA)) {
            if (t[end].kind == DL_TOK_OPEN) {
                /* a bracketed group, whatever is in it: "(D-Ill.)" */
                size_t cl = end + 1;
                while (cl < n && cl < end + 8 && t[cl].kind != DL_TOK_CLOSE && t[cl].kind != DL_TOK_OPEN) cl++;
                if (cl >= n || t[cl].kind != DL_TOK_CLOSE) break;
                end = cl + 1;
                continue;
            }
            if (!is_wordish(&t[end]) && !dl_know_is_punct(&t[end], ",")) break;
            end++;
        }
        /* “...,” according to the ministry. */
        if (k + 2 < n && DL_NORM_IS(&t[k], "according") && DL_NORM_IS(&t[k + 1], "to")) {
            size_t e = np_forward(t, w, k + 2, n);
            if (e > k + 2) {
                q->verb = "according to";
                q->frame = "according-to";
                set_speaker(doc, k + 2, e, &q->speaker, done);
                return;
            }
        }
        if (k < end && (w[k].cls & DL_KW_REPORTING)) {
            size_t e = np_forward(t, w, k + 1, n);
            if (e > k + 1) {
                q->verb = t[k].norm;
                q->frame = "quote-verb-speaker";
                set_speaker(doc, k + 1, e, &q->speaker, done);
                return;
            }
        }
        /* “...,” or “...” followed by a comma: what comes before the verb
         * is the speaker; else the quotation sits inside a longer clause
         * (the “one China” principle, the state media reported) and the
         * speaker starts after that clause's last comma */
        int attached = (c > 0 && dl_know_is_punct(&t[c - 1], ",")) || (c + 1 < n && dl_know_is_punct(&t[c + 1], ","));
        for (size_t v = k + 1; v < end; v++) {
            if (!(w[v].cls & DL_KW_REPORTING)) {
                /* "and" inside a name goes on: "Ministry of International
                 * Trade and Industry director general ... told" */
                int in_name = DL_NORM_IS(&t[v], "and") && v > k && v + 1 < end && (t[v - 1].flags & DL_TF_CAP) &&
                              (t[v + 1].flags & DL_TF_CAP) && !dl_know_in_list(PRONOUNS, t[v - 1].norm);
                if ((w[v].cls & DL_KW_NP_STOP) && !in_name) break;
                continue;
            }
            if (is_ing(&t[v]) && dl_know_is_punct(&t[v - 1], ",")) {
                /* “...” for five months, saying ...: a participle of the
                 * sentence's verb, whose subject speaks */
                if (subject_speaks(doc, slo, o, v, q, done)) return;
                break;
            }
            size_t b = v;
            while (b > k && ((w[b - 1].cls & DL_KW_AUX) || dl_know_is_punct(&t[b - 1], ","))) b--;
            if (b > k && t[b - 1].kind == DL_TOK_CLOSE) {   /* "Rep. Lane Evans (D-Ill.) told" */
                size_t op = group_open(t, k, b - 1);
                if (op != (size_t)-1) b = op;
            }
            size_t a = k;
            if (!attached)
                for (size_t x = k; x < b; x++)
                    if (dl_know_is_punct(&t[x], ",")) a = x + 1;
            /* “...” and promised: a new clause, not a speaker */
            if (b > a && !(w[k].cls & DL_KW_NP_END) && !(w[k].cls & DL_KW_NP_STOP)) {
                q->verb = t[v].norm;
                q->frame = "quote-speaker-verb";
                set_speaker(doc, a, b, &q->speaker, done);
                return;
            }
            break;
        }
    }
    /* 2. before the opening mark, in its sentence */
    /* "According to X, ..." */
    /* the frames are read at most FRAME_SPAN tokens before the quote, so a
     * huge sentence full of quotes stays linear */
    if (o > slo + FRAME_SPAN) slo = o - FRAME_SPAN;
    for (size_t k = slo; k + 2 < o; k++) {
        if (DL_NORM_IS(&t[k], "according") && DL_NORM_IS(&t[k + 1], "to")) {
            size_t e = np_forward(t, w, k + 2, o);
            if (e > k + 2) {
                q->verb = "according to";
                q->frame = "according-to";
                set_speaker(doc, k + 2, e, &q->speaker, done);
                return;
            }
        }
    }
    /* "For X, ..." at the start of the sentence */
    if (slo + 2 < o && DL_NORM_IS(&t[slo], "for")) {
        size_t e = np_forward(t, w, slo + 1, o);
        if (e > slo + 1 && e < o && dl_know_is_punct(&t[e], ",")) {
            q->verb = "";
            q->frame = "for-speaker";
            set_speaker(doc, slo + 1, e, &q->speaker, done);
            return;
        }
    }
    /* "SPEAKER VERB [that|:|,] ... “...”" or "VERB by SPEAKER" */
    int inside = 0;
    for (size_t v = o; v > slo; v--) {
        size_t k = v - 1;
        if (t[k].kind == DL_TOK_QUOTE) { inside = !inside; continue; }
        if (inside || !(w[k].cls & DL_KW_REPORTING)) continue;
        if (k + 1 < o && DL_NORM_IS(&t[k + 1], "by")) {
            size_t e = np_forward(t, w, k + 2, o);
            if (e > k + 2) {
                q->verb = t[k].norm;
                q->frame = "verb-by-speaker";
                set_speaker(doc, k + 2, e, &q->speaker, done);
                return;
            }
        }
        size_t b = k;
        while (b > slo && (w[b - 1].cls & DL_KW_AUX)) b--;
        /* "X was quoted as saying": the subject is before "was quoted" */
        if (b > slo + 1 && DL_NORM_IS(&t[b - 1], "as") && DL_NORM_IS(&t[b - 2], "quoted")) {
            b -= 2;
            while (b > slo && ((w[b - 1].cls & DL_KW_AUX) || DL_NORM_IS(&t[b - 1], "were"))) b--;
        }
        int participle = is_ing(&t[k]) && b > slo && dl_know_is_punct(&t[b - 1], ",");
        int what = b > slo + 1 && DL_NORM_IS(&t[b - 2], "what");
        /* "The minister denied the report, calling it ...": the speaker is
         * the subject of the sentence */
        if ((participle || what) && subject_speaks(doc, slo, b, k, q, done)) return;
        size_t e;
        size_t a = np_backward(t, w, slo, b, &e);
        if (a < e) {
            q->verb = t[k].norm;
            q->frame = "speaker-verb-quote";
            set_speaker(doc, a, e, &q->speaker, done);
            return;
        }
        /* "said the minister: “...”" -- the phrase must reach the quote,
         * else it is the start of a reported clause ("said heavy rain had") */
        e = np_forward(t, w, k + 1, o);
        if (e > k + 1 && (e == o || (e + 1 == o && (dl_know_is_punct(&t[e], ":") || dl_know_is_punct(&t[e], ",")))) &&
            !DL_NORM_IS(&t[k + 1], "whether") && !DL_NORM_IS(&t[k + 1], "if") && !DL_NORM_IS(&t[k + 1], "how") &&
            !DL_NORM_IS(&t[k + 1], "what") && !DL_NORM_IS(&t[k + 1], "why")) {
            q->verb = t[k].norm;
            q->frame = "verb-speaker-quote";
            set_speaker(doc, k + 1, e, &q->speaker, done);
            return;
        }
        break;
    }
    (void)shi;
    /* 3. a quotation that goes on from the previous one */
    if (done->n) {
        const dl_quote *prev = &done->v[done->n - 1];
        if (prev->speaker.found && q->sent <= prev->sent + 2) {
            q->speaker = prev->speaker;
            q->verb = prev->verb;
            q->frame = "previous-quote";
        }
    }
}

void dl_quotes_find(dl_doc *doc, dl_quote_set *out) {
    const dl_token *t = doc->toks.v;
    size_t cap = 8;
    out->n = 0;
    out->v = dl_arena_alloc(doc->arena, cap * sizeof *out->v);
    size_t hi = dl_know_story_end(doc);
    const dl_know_word *w = dl_know_words(doc, NULL);
    size_t open = (size_t)-1;       /* token index of the open mark */
    char open_mark = 0;             /* '"' or '\'' */
    int unclosed_prev = 0;          /* the last quote ran to its paragraph's end */
    const dl_know_list_ix *marks = &dl_know_cands(doc)->marks;
    /* Only quotation marks and paragraph starts change anything here: the
     * loop visits those, then i == hi once (the story's end closes an
     * open quotation). */
    for (size_t ci = 0, i = 0; ci == 0 || i < hi; ci++) {
        i = ci < marks->n && marks->v[ci] < hi ? marks->v[ci] : hi;
        /* outside a quotation only a quotation mark matters */
        if (open == (size_t)-1 && i < hi && t[i].kind != DL_TOK_QUOTE) continue;
        int para = i == hi || (t[i].flags & DL_TF_PARA);
        size_t close = (size_t)-1;
        if (open != (size_t)-1 && para && i > open + 1) close = i;     /* unclosed: ends with its paragraph */
        else if (open != (size_t)-1 && para) open = (size_t)-1;
        if (close == (size_t)-1 && i < hi && t[i].kind == DL_TOK_QUOTE && t[i].start >= doc->body_start) {
            char mark = t[i].norm[0];
            if (open == (size_t)-1) {
                if (t[i].flags & DL_TF_QOPEN) { open = i; open_mark = mark; }
                continue;
            }
            if (mark == open_mark && (t[i].flags & DL_TF_QCLOSE)) close = i;
            else continue;
        }
        if (close == (size_t)-1) continue;
        size_t o = open;
        open = (size_t)-1;
        int unclosed = close == i && (i == hi || t[i].kind != DL_TOK_QUOTE || (t[i].flags & DL_TF_PARA));
        size_t last = close - 1;      /* last token inside */
        if (last <= o) continue;
        /* trim trailing commas inside the marks: “... peace,” */
        size_t tl = last;
        while (tl > o + 1 && dl_know_is_punct(&t[tl], ",")) tl--;
        dl_quote q;
        memset(&q, 0, sizeof q);
        q.verb = "";
        q.frame = "";
        q.start = t[o + 1].start;
        q.end = t[tl].end;
        q.text = dl_arena_strndup(doc->arena, doc->text + q.start, q.end - q.start);
        q.sent = (uint32_t)sent_of(doc, o);
        size_t words = 0;
        for (size_t k = o + 1; k <= tl; k++) words += is_wordish(&t[k]) && t[k].kind != DL_TOK_POSS;
        /* direct or partial */
        int starts_sentence = o == 0 || (t[o].flags & DL_TF_PARA) || (t[o - 1].flags & DL_TF_SENT_END) ||
                              (q.sent != (uint32_t)-1 && doc->sents.v[q.sent].tok_start == o);
        int after_frame = o > 0 && (dl_know_is_punct(&t[o - 1], ":") || dl_know_is_punct(&t[o - 1], ",") ||
                                    (w[o - 1].cls & DL_KW_REPORTING));
        int capital = (t[o + 1].flags & DL_TF_CAP) || t[o + 1].kind == DL_TOK_NUM;
        /* “...,” a diplomat said, “but ...”: the same statement goes on */
        int resumed = o >= 2 && dl_know_is_punct(&t[o - 1], ",") && (w[o - 2].cls & DL_KW_REPORTING) &&
                      out->n && !out->v[out->n - 1].partial && out->v[out->n - 1].sent == (uint32_t)sent_of(doc, o);
        q.partial = !((starts_sentence && capital && words >= 2) || (after_frame && capital && words >= 3) ||
                      (resumed && words >= 2));
        /* the quote before ran on to this paragraph: same statement */
        if (out->n && unclosed_prev && (t[o].flags & DL_TF_PARA)) q.partial = out->v[out->n - 1].partial;
        if (words <= 1) q.partial = 1;
        /* attribution */
        size_t slo = q.sent != (uint32_t)-1 ? doc->sents.v[q.sent].tok_start : 0;
        size_t shi = q.sent != (uint32_t)-1 ? doc->sents.v[q.sent].tok_end : hi;
        attribute(doc, o, unclosed ? (size_t)-1 : close, slo, shi, &q, out);
        if (out->n == cap) {
            dl_quote *v = dl_arena_alloc(doc->arena, cap * 2 * sizeof *v);
            memcpy(v, out->v, out->n * sizeof *v);
            out->v = v;
            cap *= 2;
        }
        out->v[out->n++] = q;
        /* a quote left open at a paragraph end takes the speaker of the
         * quote that continues it in the next paragraph */
        if (unclosed_prev && out->n >= 2 && (t[o].flags & DL_TF_PARA)) {
            dl_quote *prev = &out->v[out->n - 2];
            if (!prev->speaker.found && q.speaker.found) {
                prev->speaker = q.speaker;
                prev->verb = q.verb;
                prev->frame = "next-quote";
            }
        }
        unclosed_prev = unclosed;
        /* an unclosed quote ends at the paragraph break: the token at i
         * may open the next one */
        if (unclosed && i < hi && t[i].kind == DL_TOK_QUOTE && (t[i].flags & DL_TF_QOPEN)) {
            open = i;
            open_mark = t[i].norm[0];
        }
    }
}
