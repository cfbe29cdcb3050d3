/* clause.c -- shallow clause analysis.  See clause.h.
 *
 * The word lists below are closed classes of English (auxiliaries, modals,
 * subordinators, prepositions) plus the verbs that take an infinitive and
 * change what the infinitive's act means (plan to, refuse to, threaten to).
 */
#include "clause.h"
#include "../actor/actor.h"
#include "inflect.h"
#include "verbdict.h"
#include <stdlib.h>
#include <string.h>
#include "../util/arena.h"

static const char *const BE[] = {"be", "is", "are", "was", "were", "been", "being", "am",
    "get", "gets", "got", "gotten", "getting", "become", "became", NULL};
static const char *const AUX[] = {"has", "have", "had", "having", "do", "does", "did", "'ve", "dare", "dared",
    "is", "are", "was", "were", "be", "been", "being", "am", "can", "to", NULL};
static const char *const INTENT_MODAL[] = {"will", "'ll", "shall", "would", "won't", "wo", NULL};
static const char *const HYPO_MODAL[] = {"could", "might", "may", "should", "must", "ought",
    "couldn't", "shouldn't", "mustn't", NULL};
static const char *const NEG[] = {"not", "n't", "never", "cannot", "can't", "won't", "don't",
    "doesn't", "didn't", "wouldn't", "hasn't", "haven't", "hadn't", "isn't", "aren't",
    "wasn't", "weren't", "shouldn't", "couldn't", "neither", "nor", NULL};
static const char *const ADVERB[] = {"also", "already", "still", "now", "just", "then", "yet",
    "again", "soon", "later", "further", "once", "even", "ever", "jointly", "reportedly",
    "allegedly", "finally", "recently", "previously", "formally", "officially", "publicly",
    "swiftly", "quickly", "immediately", "effectively", "reluctantly", "repeatedly",
    "strongly", "firmly", "sharply", "openly", "separately", "together", "both", "all",
    "quietly", "initially", "eventually", "apparently", "unilaterally", "briefly", "fully",
    "partially", "partly", "gradually", "largely", "only", "however", "instead", "duly",
    /* wire style puts the day between verb and complement: "agreed
     * Wednesday to hold talks", "said Monday" */
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "today", "yesterday", "tonight", NULL};
static const char *const CTRL_INTENT[] = {"plan", "plans", "planned", "planning", "intend",
    "intends", "intended", "intention", "intent", "pledge", "pledges", "pledged", "promise",
    "promises", "promised", "vow", "vows", "vowed", "agree", "agrees", "agreed", "offer",
    "offers", "offered", "prepared", "ready", "willing", "set", "going", "expected", "expects",
    "hope", "hopes", "hoped", "aim", "aims", "aimed", "seek", "seeks", "sought", "want",
    "wants", "wanted", "eager", "committed", "determined", "resolved", "likely", "due",
    "plans", "proposal", "proposed", "proposes", "propose", "undertook", "undertakes", NULL};
static const char *const CTRL_REFUSE[] = {"refuse", "refuses", "refused", "refusing", "refusal",
    "decline", "declines", "declined", "declining", "unwilling", "reluctant", "reject",
    "rejects", "rejected", NULL};
static const char *const CTRL_NEG[] = {"fail", "fails", "failed", "failing", "failure", "unable",
    NULL};
static const char *const CTRL_THREAT[] = {"threaten", "threatens", "threatened", "threatening",
    "threat", "threats", NULL};
static const char *const CTRL_PLAIN[] = {"decide", "decides", "decided", "decision", "continue",
    "continues", "continued", "continuing", "begin", "begins", "began", "begun", "start",
    "starts", "started", "move", "moves", "moved", "try", "tries", "tried", "attempt",
    "attempts", "attempted", "attempting", "manage", "manages", "managed", "able", "chose",
    "choose", "chooses", "opted", "opt", "voted", "vote", "votes", "order", "ordered",
    "went", "go", "goes", "came", "come", "used", "helped", "help", "helps", "sought", NULL};
/* "urged X to act": the act is asked for, not done */
static const char *const APPEAL_VERB[] = {"urge", "urges", "urged", "urging", "call", "calls",
    "called", "calling", "ask", "asks", "asked", "asking", "press", "presses", "pressed",
    "pressing", "demand", "demands", "demanded", "demanding", "request", "requests",
    "requested", "encourage", "encourages", "encouraged", "invite", "invites", "invited",
    "push", "pushed", "pushes", "appeal", "appealed", "appeals", "told", "tell", "tells",
    "persuade", "persuaded", "allow", "allowed", "allows", "permit", "permitted", "force",
    "forced", "forces", "want", "wants", "wanted", "expect", "expects", "expected",
    "pressure", "pressured", "pressuring", "warned", "warn", "warns", "advised", "advise", NULL};
static const char *const DET[] = {"the", "a", "an", "its", "their", "his", "her", "our",
    "this", "that", "these", "those", "any", "some", NULL};
static const char *const SUBORD[] = {"that", "because", "although", "though", "while",
    "whereas", "if", "unless", "when", "whenever", "after", "before", "since", "until",
    "where", "whether", "which", "who", "whom", "whose", "despite", "but", "so", "amid",
    "once", NULL};
static const char *const RELPRON[] = {"which", "who", "whom", "whose", "that", NULL};
static const char *const PREP_LOC[] = {"in", "at", "near", "on", "inside", "across", "around",
    "outside", "throughout", "within", "from", "into", "to", "toward", "towards", NULL};
static const char *const PREP_OTHER[] = {"of", "for", "with", "by", "against", "over", "under",
    "between", "among", "about", "than", "like", "including", "besides", "without", NULL};
/* Prepositions that start a phrase of their own, which a pattern's slot
 * does not reach into (of, in, with usually stay inside the noun phrase). */
static const char *const SLOT_STOP[] = {"on", "for", "from", "against", "over", "under", "to", "into",
    "toward", "towards", "across", "through", "via", "aboard", "onto", "by", "after", "before",
    "during", "since", "amid", NULL};
static const char *const PRONOUN[] = {"it", "they", "he", "she", "we", "i", "its", "their",
    "his", "her", "our", NULL};
static const char *const FIRST_PERSON[] = {"we", "i", "our", "us", "my", "me", NULL};
static const char *const SAY[] = {"said", "says", "say", "told", "tells", "added", "adds",
    "stressed", "stresses", "insisted", "insists", "noted", "notes", "stated", "states",
    "declared", "declares", "warned", "warns", "argued", "argues", "explained", "explains",
    "wrote", "writes", "announced", "announces", "claimed", "claims", "asserted",
    "continued", "concluded", "recalled", "remarked", "affirmed", "according", NULL};

static const char *const PERSONAL[] = {"he", "she", "it", "they", "we", "i", NULL};

/* Each closed class above is one bit.  The clause code asks "is token i in
 * class X" thousands of times per article; a linear scan of the lists was
 * a tenth of the whole pipeline's instructions.  So every token's classes
 * are looked up once, in dl_clause_init, in a word set built with the
 * verb dictionary (dl_clause_words_new), and kept as a bit mask. */
enum {
    W_BE = 1u << 0, W_AUX = 1u << 1, W_INTENT_MODAL = 1u << 2, W_HYPO_MODAL = 1u << 3,
    W_NEG = 1u << 4, W_ADVERB = 1u << 5, W_CTRL_INTENT = 1u << 6, W_CTRL_REFUSE = 1u << 7,
    W_CTRL_NEG = 1u << 8, W_CTRL_THREAT = 1u << 9, W_CTRL_PLAIN = 1u << 10, W_APPEAL = 1u << 11,
    W_DET = 1u << 12, W_SUBORD = 1u << 13, W_RELPRON = 1u << 14, W_PREP_LOC = 1u << 15,
    W_PREP_OTHER = 1u << 16, W_SLOT_STOP = 1u << 17, W_PRONOUN = 1u << 18,
    W_FIRST_PERSON = 1u << 19, W_SAY = 1u << 20, W_PERSONAL = 1u << 21
};

static const dl_wordlist CLOSED[] = {
    {BE, W_BE}, {AUX, W_AUX}, {INTENT_MODAL, W_INTENT_MODAL}, {HYPO_MODAL, W_HYPO_MODAL},
    {NEG, W_NEG}, {ADVERB, W_ADVERB}, {CTRL_INTENT, W_CTRL_INTENT}, {CTRL_REFUSE, W_CTRL_REFUSE},
    {CTRL_NEG, W_CTRL_NEG}, {CTRL_THREAT, W_CTRL_THREAT}, {CTRL_PLAIN, W_CTRL_PLAIN},
    {APPEAL_VERB, W_APPEAL}, {DET, W_DET}, {SUBORD, W_SUBORD}, {RELPRON, W_RELPRON},
    {PREP_LOC, W_PREP_LOC}, {PREP_OTHER, W_PREP_OTHER}, {SLOT_STOP, W_SLOT_STOP},
    {PRONOUN, W_PRONOUN}, {FIRST_PERSON, W_FIRST_PERSON}, {SAY, W_SAY}, {PERSONAL, W_PERSONAL},
};

dl_wordset *dl_clause_words_new(void)
{
    return dl_wordset_new(CLOSED, sizeof CLOSED / sizeof *CLOSED);
}

/* Is token t (one of c->t) in the closed class `bit`? */
#define in_list(tok_, bit_) ((c->wc[(tok_) - c->t] & (bit_)) != 0)

/* Inflected forms that are rarely nouns or adjectives: -ed, -ing, and
 * irregular pasts are not distinguished here, so only suffixes count. */
static int is_verb_like(const dl_token *t)
{
    size_t n = t->norm_len;
    return n > 4 && (strcmp(t->norm + n - 2, "ed") == 0 || strcmp(t->norm + n - 3, "ing") == 0);
}

/* A lower-case word ending in -s that no closed class claims and that is
 * not an -s adverb: in front of a verb group, a plural noun. */
static int is_plural_common_noun(const dl_clause *c, uint32_t i)
{
    static const char *const S_ADVERBS[] = {"perhaps", "always", "sometimes", "nevertheless",
        "afterwards", "thus", "besides", "regardless", "nonetheless", "towards", "backwards",
        "whereas", "unless", "various", "serious", "previous", "numerous", "this", "its", NULL};
    const dl_token *w = &c->t[i];
    size_t n = w->norm_len;
    if (w->kind != DL_TOK_WORD || (w->flags & (DL_TF_CAP | DL_TF_UPPER)) || n < 5 || c->wc[i])
        return 0;
    if (w->norm[n - 1] != 's' || w->norm[n - 2] == 's' || w->norm[n - 2] == 'u' || w->norm[n - 2] == 'i')
        return 0;
    for (const char *const *a = S_ADVERBS; *a; a++)
        if (strcmp(*a, w->norm) == 0)
            return 0;
    /* "Sudan reverses its decision": a verb of ours in -s is no noun */
    return !dl_verb_dict_lookup(c->verbs, w->norm, n);
}

/* Is the noun at token i modified by an actor before it, over a few
 * lower-case words, numbers and a possessive ("Japanese commercial banks",
 * "Switzerland's three major banks")?  Then the phrase is the actor's. */
static int actor_modifies(const dl_clause *c, uint32_t lo, uint32_t i)
{
    for (uint32_t k = i, steps = 0; k > lo && steps < 4; k--, steps++) {
        const dl_token *w = &c->t[k - 1];
        if (c->covers[k - 1] >= 0)
            return 1;
        if (!((w->kind == DL_TOK_WORD && !(w->flags & (DL_TF_CAP | DL_TF_UPPER)) && !c->wc[k - 1])
              || w->kind == DL_TOK_NUM || w->kind == DL_TOK_POSS))
            return 0;
    }
    return 0;
}

static int is_punct(const dl_token *t, char ch)
{
    return (t->kind == DL_TOK_PUNCT || t->kind == DL_TOK_DASH) && t->norm_len == 1 && t->norm[0] == ch;
}

static int is_adverb(const dl_clause *c, const dl_token *t)
{
    if (t->kind != DL_TOK_WORD)
        return 0;
    if (in_list(t, W_ADVERB))
        return 1;
    /* -ly adverbs, but not capitalised names (Italy) or nouns (ally, rally) */
    return t->norm_len > 4 && !(t->flags & DL_TF_CAP) && strcmp(t->norm + t->norm_len - 2, "ly") == 0
        && strcmp(t->norm, "rally") != 0 && strcmp(t->norm, "ally") != 0 && strcmp(t->norm, "family") != 0
        && strcmp(t->norm, "assembly") != 0 && strcmp(t->norm, "supply") != 0
        && strcmp(t->norm, "apply") != 0 && strcmp(t->norm, "reply") != 0
        && strcmp(t->norm, "july") != 0 && strcmp(t->norm, "italy") != 0;
}

static int is_boundary(const dl_clause *c, const dl_token *t)
{
    if (t->kind == DL_TOK_WORD && (t->norm_len < 2 || t->norm_len > 8))
        return 0;   /* no subordinator is shorter or longer */
    if (t->kind == DL_TOK_PUNCT)
        return t->norm_len == 1 && strchr(";:.!?", t->norm[0]) != NULL;
    if (t->kind == DL_TOK_QUOTE || t->kind == DL_TOK_OPEN || t->kind == DL_TOK_CLOSE)
        return 1;
    /* a dash set off by a space ends a clause; "anti- Gondor" does not */
    if (t->kind == DL_TOK_DASH && (t->flags & DL_TF_SPACE))
        return 1;
    return t->kind == DL_TOK_WORD && in_list(t, W_SUBORD);
}

/* Speaker of a quotation closing at token qc ("..., X said") or opening at
 * qo ("X said: ..."). */
static int32_t speaker_after(const dl_clause *c, size_t qc)
{
    const dl_token *t = c->t;
    size_t end = qc + 12 < c->ntok ? qc + 12 : c->ntok;
    int32_t actor = -1;
    int say = 0;
    for (size_t i = qc + 1; i < end; i++) {
        if (t[i].kind == DL_TOK_QUOTE || (t[i].kind == DL_TOK_PUNCT && is_punct(&t[i], '.') && say))
            break;
        if (in_list(&t[i], W_SAY))
            say = 1;
        if (actor < 0 && c->starts[i] >= 0)
            actor = c->starts[i];
        if (say && actor >= 0)
            return actor;
    }
    return -1;
}

static int32_t speaker_before(const dl_clause *c, size_t qo)
{
    const dl_token *t = c->t;
    size_t lo = qo > 12 ? qo - 12 : 0;
    int say = 0;
    for (size_t i = qo; i-- > lo;) {
        if (t[i].kind == DL_TOK_QUOTE || (t[i].flags & DL_TF_SENT_END))
            break;
        if (in_list(&t[i], W_SAY))
            say = 1;
        if (say && c->covers[i] >= 0) {
            int32_t m = c->covers[i];
            return m;
        }
    }
    return -1;
}

void dl_clause_init(dl_clause *c, dl_doc *doc, const struct dl_verb_dict *verbs)
{
    memset(c, 0, sizeof *c);
    c->doc = doc;
    c->verbs = verbs;
    c->t = doc->toks.v;
    c->ntok = doc->toks.n;
    size_t n = c->ntok ? c->ntok : 1;
    c->starts = dl_arena_alloc(doc->arena, n * sizeof *c->starts);
    c->covers = dl_arena_alloc(doc->arena, n * sizeof *c->covers);
    c->speaker = dl_arena_alloc(doc->arena, n * sizeof *c->speaker);
    c->sent_of = dl_arena_alloc(doc->arena, n * sizeof *c->sent_of);
    c->th = dl_arena_alloc(doc->arena, n * sizeof *c->th);
    c->tf = dl_arena_calloc(doc->arena, n);
    c->wc = dl_arena_alloc(doc->arena, n * sizeof *c->wc);
    for (size_t i = 0; i < n; i++)
        c->starts[i] = c->covers[i] = c->speaker[i] = -1;
    for (size_t i = 0; i < c->ntok; i++) {
        c->th[i] = c->t[i].hash;   /* == dl_word_hash(norm) */
        c->wc[i] = dl_wordset_tok(verbs->closed, &c->t[i]);
        if (is_boundary(c, &c->t[i]))
            c->tf[i] |= DL_TK_BOUND;
        if (is_punct(&c->t[i], ','))
            c->tf[i] |= DL_TK_COMMA;
    }
    for (size_t s = 0; s < doc->sents.n; s++)
        for (uint32_t i = doc->sents.v[s].tok_start; i < doc->sents.v[s].tok_end && i < c->ntok; i++)
            c->sent_of[i] = (uint32_t)s;
    const dl_actor_set *as = doc->actors;
    if (as) {
        for (size_t m = 0; m < as->n; m++) {
            const dl_actor_mention *a = &as->v[m];
            if (a->tok_start >= c->ntok || a->tok_end > c->ntok || a->tok_start >= a->tok_end)
                continue;
            if (c->starts[a->tok_start] < 0)
                c->starts[a->tok_start] = (int32_t)m;
            for (uint32_t i = a->tok_start; i < a->tok_end; i++)
                if (c->covers[i] < 0)
                    c->covers[i] = (int32_t)m;
        }
    }
    /* quotations: pair opening and closing marks; a quotation without a
     * closing mark runs to the end of its paragraph */
    size_t open = (size_t)-1;
    for (size_t i = 0; i < c->ntok; i++) {
        const dl_token *t = &c->t[i];
        if (open != (size_t)-1 && (t->flags & DL_TF_PARA)) {
            open = (size_t)-1;
        }
        if (t->kind != DL_TOK_QUOTE)
            continue;
        if ((t->flags & DL_TF_QOPEN) && open == (size_t)-1) {
            open = i;
        } else if ((t->flags & DL_TF_QCLOSE) && open != (size_t)-1) {
            /* short quotations ("counterproductive") are scare quotes */
            if (i - open > 5) {
                int32_t sp = speaker_after(c, i);
                if (sp < 0)
                    sp = speaker_before(c, open);
                for (size_t k = open + 1; k < i; k++)
                    c->speaker[k] = sp;
            }
            open = (size_t)-1;
        }
    }
}

static uint32_t skip_adverbs_back(const dl_clause *c, uint32_t lo, uint32_t i)
{
    /* returns the index of the first non-adverb token at or before i, or
     * lo-1 semantics via i == lo */
    while (i > lo && is_adverb(c, &c->t[i]))
        i--;
    return i;
}

/* "X warned (that) it would ...": a warn or threaten verb before the
 * subject of the modal at token j, over "that", a pronoun or an actor. */
static int warned_before(const dl_clause *c, uint32_t lo, uint32_t j)
{
    static const char *const WARN[] = {"warned", "warns", "warn", "warning", "threatened",
        "threatens", "threaten", "threatening", NULL};
    uint32_t lim = j > lo + 8 ? j - 8 : lo;
    int subject = 0;
    for (uint32_t k = j; k-- > lim;) {
        const dl_token *w = &c->t[k];
        if (c->covers[k] >= 0 || in_list(w, W_PERSONAL) || in_list(w, W_DET)) {
            subject = 1;
            continue;
        }
        if (strcmp(w->norm, "that") == 0 && subject)
            continue;
        if (!subject)
            return 0;
        for (const char *const *x = WARN; *x; x++)
            if (strcmp(*x, w->norm) == 0)
                return 1;
        return 0;
    }
    return 0;
}

uint32_t dl_clause_vgroup(const dl_clause *c, uint32_t lo, uint32_t v, int forms, unsigned *flags)
{
    const dl_token *t = c->t;
    unsigned f = 0;
    uint32_t start = v;
    int pp_form = (forms & (DL_VF_PP | DL_VF_PAST)) != 0;
    int first = 1;
    uint32_t i = v;
    while (i > lo) {
        uint32_t j = i - 1;
        const dl_token *w = &t[j];
        if (w->kind != DL_TOK_WORD && !(w->kind == DL_TOK_PUNCT && w->norm_len == 3 && strcmp(w->norm, "n't") == 0)) {
            break;
        }
        if (is_adverb(c, w)) {
            i = j;
            continue;
        }
        if (in_list(w, W_NEG)) {
            f |= DL_CL_NEG;
            if (strcmp(w->norm, "won't") == 0)
                f |= DL_CL_INTENT;
            start = j;
            i = j;
            continue;
        }
        if (strcmp(w->norm, "longer") == 0 && j > lo && strcmp(t[j - 1].norm, "no") == 0) {
            f |= DL_CL_NEG;
            start = j - 1;
            i = j - 1;
            continue;
        }
        if (first && pp_form && in_list(w, W_BE)) {
            f |= DL_CL_PASSIVE;
            start = j;
            i = j;
            first = 0;
            continue;
        }
        first = 0;
        if (in_list(w, W_INTENT_MODAL)) {
            f |= DL_CL_INTENT;
            if (warned_before(c, lo, j))
                f |= DL_CL_THREAT;   /* "X warned it would sever ties" */
            start = j;
            i = j;
            continue;
        }
        if (in_list(w, W_HYPO_MODAL)) {
            f |= DL_CL_HYPO;
            start = j;
            i = j;
            continue;
        }
        if (strcmp(w->norm, "to") == 0) {
            /* infinitive: what governs it? */
            if (j == lo) {
                start = j;
                break;
            }
            uint32_t k = j - 1;
            k = skip_adverbs_back(c, lo, k);
            const dl_token *g = &t[k];
            if (in_list(g, W_CTRL_THREAT))
                f |= DL_CL_THREAT;
            else if (in_list(g, W_CTRL_REFUSE))
                f |= DL_CL_REFUSE;
            else if (in_list(g, W_CTRL_NEG))
                f |= DL_CL_NEG;
            else if (in_list(g, W_CTRL_INTENT))
                f |= DL_CL_INTENT;
            else if (!strcmp(g->norm, "have") || !strcmp(g->norm, "has") || !strcmp(g->norm, "had"))
                f |= DL_CL_HYPO;   /* "will have to recognize": an obligation, not an act */
            else if (in_list(g, W_CTRL_PLAIN) || in_list(g, W_BE))
                ;
            else {
                /* "urged Mali to withdraw": an appeal verb a few words back
                 * with no other verb in between */
                uint32_t lim = k > lo + 8 ? k - 8 : lo;
                for (uint32_t q = k + 1; q-- > lim;) {
                    if (in_list(&t[q], W_APPEAL)) {
                        f |= DL_CL_EMBEDDED;
                        break;
                    }
                    if ((c->tf[q] & DL_TK_BOUND))
                        break;
                }
                start = j;
                break;
            }
            /* continue through the governing word and its own group:
             * "has agreed to", "its decision to", "is set to" */
            start = k;
            i = k;
            while (i > lo && in_list(&t[i - 1], W_DET))
                i--, start = i;
            continue;
        }
        if (in_list(w, W_AUX) || strcmp(w->norm, "going") == 0) {
            start = j;
            i = j;
            continue;
        }
        break;
    }
    /* a clause opened by "if" or "unless" is a condition, not an event */
    for (uint32_t k = start; k > lo;) {
        k--;
        if (strcmp(t[k].norm, "if") == 0 || strcmp(t[k].norm, "unless") == 0) {
            f |= DL_CL_HYPO;
            break;
        }
        if ((c->tf[k] & (DL_TK_BOUND | DL_TK_COMMA)))
            break;
    }
    *flags = f;
    return start;
}

static int prep_governed(const dl_clause *c, uint32_t lo, uint32_t tok, int *locative)
{
    /* a preposition right before the mention, or before a determiner and
     * up to two modifiers */
    uint32_t i = tok;
    for (int k = 0; k < 3 && i > lo; k++) {
        const dl_token *w = &c->t[i - 1];
        if (in_list(w, W_PREP_LOC)) {
            *locative = 1;
            return 1;
        }
        if (in_list(w, W_PREP_OTHER)) {
            *locative = 0;
            return 1;
        }
        if (!in_list(w, W_DET) && !(w->kind == DL_TOK_WORD && !(w->flags & DL_TF_CAP) && k < 2 && !in_list(w, W_SUBORD)))
            return 0;
        i--;
    }
    return 0;
}

int dl_clause_in_locative(const dl_clause *c, uint32_t lo, uint32_t tok)
{
    /* "in" or "at" right before the mention, or before a determiner and up
     * to two modifiers */
    uint32_t i = tok;
    for (int k = 0; k < 4 && i > lo; k++, i--) {
        const dl_token *w = &c->t[i - 1];
        if (!strcmp(w->norm, "in") || !strcmp(w->norm, "at"))
            return 1;
        if (!(in_list(w, W_DET) || (w->kind == DL_TOK_WORD && !(w->flags & DL_TF_CAP) && !c->wc[i - 1])))
            return 0;
    }
    return 0;
}

int dl_clause_is_det(const dl_clause *c, uint32_t i)
{
    return i < c->ntok && in_list(&c->t[i], W_DET);
}

int32_t dl_clause_main_subject(const dl_clause *c, uint32_t lo, uint32_t hi)
{
    /* the clause the participle hangs on starts after the last
     * subordinator before it ("Abbas escaped when militants burst in,
     * killing ...": the militants) */
    for (uint32_t k = hi; k-- > lo;)
        if (c->t[k].kind == DL_TOK_WORD && in_list(&c->t[k], W_SUBORD) && !in_list(&c->t[k], W_RELPRON)) {
            lo = k + 1;
            break;
        }
    for (uint32_t i = lo; i < hi; i++) {
        int32_t m = c->starts[i];
        if (m < 0 || c->covers[i] != m)
            continue;
        int loc = 0;
        if (!prep_governed(c, lo, i, &loc))
            return m;
        /* the first actor decides: one inside a phrase means the subject
         * is no actor ("Officials in Iraq said, adding ...") */
        return -1;
    }
    return -1;
}

static int32_t mention_before(const dl_clause *c, uint32_t lo, uint32_t i)
{
    /* the mention that ends right before token i (i exclusive), if any */
    if (i == 0 || i <= lo)
        return -1;
    return c->covers[i - 1];
}

static int32_t resolve_pronoun(const dl_clause *c, uint32_t pron_tok)
{
    /* first person inside a quotation: the speaker */
    if (in_list(&c->t[pron_tok], W_FIRST_PERSON))
        return c->speaker[pron_tok];
    /* otherwise the nearest earlier actor that is not inside a
     * prepositional phrase, looking back up to two sentences */
    uint32_t s = c->sent_of[pron_tok];
    /* "The storm forced evacuations as it slammed into X": a sentence
     * that opens with a common noun (no actor) before "it" has that noun
     * as the likeliest antecedent, and it is no actor */
    uint32_t s0 = c->doc->sents.v[s].tok_start;
    if (strcmp(c->t[pron_tok].norm, "it") == 0 && s0 + 1 < pron_tok && in_list(&c->t[s0], W_DET)
        && c->covers[s0] < 0 && c->covers[s0 + 1] < 0 && c->t[s0 + 1].kind == DL_TOK_WORD
        && !(c->t[s0 + 1].flags & (DL_TF_CAP | DL_TF_UPPER)) && !c->wc[s0 + 1])
        return -1;
    uint32_t lo = s >= 2 ? c->doc->sents.v[s - 2].tok_start : 0;
    int32_t fallback = -1;
    for (uint32_t i = pron_tok; i-- > lo;) {
        int32_t m = c->starts[i];
        if (m < 0 || c->covers[i] != m)
            continue;
        int loc = 0;
        /* "X told Y it would": Y is the object of telling, not the antecedent */
        uint32_t b = i;
        while (b > lo && in_list(&c->t[b - 1], W_DET))
            b--;
        int object = b > lo && (in_list(&c->t[b - 1], W_SAY) || is_verb_like(&c->t[b - 1]));
        if (!object && !prep_governed(c, lo, i, &loc))
            return m;
        if (fallback < 0 && !loc)
            fallback = m;
    }
    return fallback;
}

int32_t dl_clause_pronoun(const dl_clause *c, uint32_t i)
{
    if (i >= c->ntok || !in_list(&c->t[i], W_PERSONAL))
        return -1;
    return resolve_pronoun(c, i);
}

int32_t dl_clause_subject(const dl_clause *c, uint32_t lo, uint32_t gstart, const char **how)
{
    const dl_token *t = c->t;
    *how = "subject";
    int32_t fallback = -1;
    uint32_t i = gstart;
    /* "economists have warned", "residents said": a plural common noun right
     * before the verb group is its subject, and it is no actor; looking
     * further back would take an actor from another phrase ("Despite
     * India's boom, economists have warned" is not India speaking). */
    if (i > lo && c->covers[i - 1] < 0 && is_plural_common_noun(c, i - 1)
        && !actor_modifies(c, lo, i - 1)                      /* "French corn growers say" */
        && strcmp(t[i].norm, "to") != 0)                      /* "talks to hold": infinitive */
        return -1;
    /* coordinated verb: "X criticised Y and condemned Z" */
    if (i > lo && (strcmp(t[i - 1].norm, "and") == 0 || strcmp(t[i - 1].norm, "but") == 0)
        && !(i >= 2 && c->covers[i - 2] >= 0 && i - 2 >= lo && c->starts[i - 2] >= 0 && 0)) {
        /* find the previous verb group's subject: skip back over the first
         * verb's object to a word that is not part of an actor, then take
         * the nearest actor before the previous verb-like word */
        uint32_t k = i - 1;
        while (k > lo) {
            k--;
            if ((c->tf[k] & DL_TK_BOUND))
                break;
            if (c->covers[k] < 0 && t[k].kind == DL_TOK_WORD && !in_list(&t[k], W_DET)
                && !(t[k].flags & DL_TF_CAP) && (t[k].norm_len > 2 &&
                (strcmp(t[k].norm + t[k].norm_len - 2, "ed") == 0 || t[k].norm[t[k].norm_len - 1] == 's'))) {
                *how = "coordinated verb";
                i = k;
                break;
            }
        }
    }
    while (i > lo) {
        uint32_t j = i - 1;
        const dl_token *w = &t[j];
        /* skip a relative clause set off by commas: ", who ... ," */
        if (is_punct(w, ',')) {
            uint32_t lim = j > lo + 20 ? j - 20 : lo;
            uint32_t k = j;
            int found = 0;
            while (k > lim) {
                k--;
                if (is_punct(&t[k], ',') && k + 1 < j && (in_list(&t[k + 1], W_RELPRON) || is_verb_like(&t[k + 1]))) {
                    found = 1;
                    break;
                }
            }
            if (found) {
                i = k;
                continue;
            }
            /* an appositive after an actor: "Straw, the foreign secretary, said" */
            k = j;
            while (k > lim) {
                k--;
                if (is_punct(&t[k], ',')) {
                    /* ", the foreign secretary," / ", members of the UN
                     * mission (MINUSMA)," after an actor: no verb inside */
                    if (k + 1 < j && k > lo && c->covers[k - 1] >= 0) {
                        int verbish = 0;
                        for (uint32_t q = k + 1; q < j; q++)
                            verbish |= is_verb_like(&t[q]) || ((c->tf[q] & DL_TK_BOUND)
                                       && t[q].kind != DL_TOK_OPEN && t[q].kind != DL_TOK_CLOSE);
                        if (!verbish)
                            found = 1;
                    }
                    break;
                }
            }
            if (found) {
                i = k;
                continue;
            }
        }
        if (c->covers[j] >= 0) {
            int32_t m = c->covers[j];
            const dl_actor_mention *a = &c->doc->actors->v[m];
            int loc = 0;
            if (!prep_governed(c, lo, a->tok_start, &loc))
                return m;
            if (fallback < 0 && !loc)
                fallback = m;
            i = a->tok_start;
            continue;
        }
        if (in_list(w, W_RELPRON) && j > lo) {
            /* "Paris, which had announced": the antecedent */
            uint32_t k = j;
            if (k > lo && is_punct(&t[k - 1], ','))
                k--;
            int32_t m = mention_before(c, lo, k);
            if (m >= 0 && fallback < 0) {
                *how = "relative pronoun";
                return m;
            }
            if (strcmp(w->norm, "that") != 0 || fallback >= 0)
                break;
            /* "said that": look for a pronoun subject between that and the verb */
            break;
        }
        if (in_list(w, W_PRONOUN) && fallback < 0) {
            int32_t m = resolve_pronoun(c, j);
            if (m >= 0) {
                *how = "pronoun";
                return m;
            }
            return -1;
        }
        if ((c->tf[j] & DL_TK_BOUND))
            break;
        i = j;
    }
    return fallback;
}

int32_t dl_clause_actor_after(const dl_clause *c, uint32_t from, uint32_t end, uint32_t window)
{
    return dl_clause_actor_after2(c, from, end, window, 0);
}

int32_t dl_clause_actor_after2(const dl_clause *c, uint32_t from, uint32_t end, uint32_t window, int strict)
{
    const dl_token *t = c->t;
    uint32_t lim = from + window < end ? from + window : end;
    for (uint32_t i = from; i < lim; i++) {
        if (c->starts[i] >= 0)
            return c->starts[i];
        if (c->covers[i] >= 0)
            return c->covers[i];
        if (is_punct(&t[i], ',')) {
            if (i + 1 < end && (in_list(&t[i + 1], W_PREP_LOC) || in_list(&t[i + 1], W_PREP_OTHER))
                && strcmp(t[i + 1].norm, "according") != 0)
                continue;
            return -1;
        }
        if (i > from && (c->tf[i] & DL_TK_BOUND))
            return -1;
        /* "on U.S. airplanes": an actor inside another prepositional phrase
         * is not the object; ", in eastern Mali" (apposition) is */
        if (strict && i > from && in_list(&t[i], W_SLOT_STOP) && !is_punct(&t[i - 1], ',')
            && !(strcmp(t[i].norm, "by") == 0 && is_verb_like(&t[i - 1])))
            return -1;
        /* an object does not lie beyond another verb ("refused to meet X") */
        if (strcmp(t[i].norm, "to") == 0 && i + 1 < end && c->starts[i + 1] < 0)
            return -1;
        if (c->verbs && i > from && t[i].kind == DL_TOK_WORD && !in_list(&t[i - 1], W_DET)
            && dl_verb_dict_lookup(c->verbs, t[i].norm, t[i].norm_len) && is_verb_like(&t[i])
            && !(i + 1 < end && strcmp(t[i + 1].norm, "by") == 0))
            return -1;
    }
    return -1;
}

int32_t dl_clause_by_agent(const dl_clause *c, uint32_t v, uint32_t end)
{
    const dl_token *t = c->t;
    uint32_t lim = v + 10 < end ? v + 10 : end;
    for (uint32_t i = v + 1; i < lim; i++) {
        if (strcmp(t[i].norm, "by") == 0)
            return dl_clause_actor_after(c, i + 1, end, 4);
        if ((c->tf[i] & DL_TK_BOUND))
            break;
    }
    return -1;
}

int32_t dl_clause_frame(const dl_clause *c, uint32_t sent, uint32_t v)
{
    if (v < c->ntok && c->speaker[v] >= 0)
        return c->speaker[v];
    const dl_sentence *s = &c->doc->sents.v[sent];
    const dl_token *t = c->t;
    for (uint32_t i = s->tok_start; i + 2 < s->tok_end; i++) {
        /* "according to X" anywhere */
        if (strcmp(t[i].norm, "according") == 0 && strcmp(t[i + 1].norm, "to") == 0) {
            int32_t m = dl_clause_actor_after(c, i + 2, s->tok_end, 3);
            if (m >= 0)
                return m;
        }
    }
    /* "For X, ..." / "In X's view," at the start */
    uint32_t i = s->tok_start;
    if (i < s->tok_end && (t[i].kind == DL_TOK_QUOTE))
        i++;
    if (i + 1 < s->tok_end && (strcmp(t[i].norm, "for") == 0 || strcmp(t[i].norm, "to") == 0)) {
        int32_t m = c->starts[i + 1];
        if (m >= 0) {
            const dl_actor_mention *a = &c->doc->actors->v[m];
            if (a->tok_end < s->tok_end && is_punct(&t[a->tok_end], ','))
                return m;
        }
    }
    return -1;
}

size_t dl_clause_compound(const dl_clause *c, int32_t m, int dir, int32_t *out, size_t max)
{
    size_t n = 0;
    if (m < 0 || max == 0)
        return 0;
    out[n++] = m;
    const dl_actor_set *as = c->doc->actors;
    int32_t cur = m;
    int saw_and = 0;   /* "A, B and C" is a list; "For A, B is ..." is not */
    while (n < max) {
        const dl_actor_mention *a = &as->v[cur];
        int32_t next = -1;
        if (dir > 0) {
            uint32_t i = a->tok_end;
            int conj = 0;
            while (i < c->ntok && i < a->tok_end + 4) {
                const dl_token *w = &c->t[i];
                if (strcmp(w->norm, "and") == 0 || strcmp(w->norm, "as") == 0 || strcmp(w->norm, "well") == 0
                    || is_punct(w, ',') || strcmp(w->norm, "the") == 0) {
                    conj = 1;
                    saw_and |= strcmp(w->norm, "and") == 0 || strcmp(w->norm, "well") == 0;
                    i++;
                    continue;
                }
                break;
            }
            if (conj && i > a->tok_end && i < c->ntok && c->starts[i] >= 0)
                next = c->starts[i];
        } else {
            uint32_t i = a->tok_start;
            int saw = 0;
            while (i > 0 && i + 4 > a->tok_start) {
                const dl_token *w = &c->t[i - 1];
                if (strcmp(w->norm, "and") == 0 || strcmp(w->norm, "as") == 0 || strcmp(w->norm, "well") == 0
                    || is_punct(w, ',') || strcmp(w->norm, "the") == 0) {
                    saw = 1;
                    saw_and |= strcmp(w->norm, "and") == 0 || strcmp(w->norm, "well") == 0;
                    i--;
                    continue;
                }
                break;
            }
            if (saw && i < a->tok_start && i > 0 && c->covers[i - 1] >= 0)
                next = c->covers[i - 1];
        }
        if (next < 0 || next == cur)
            break;
        int dup = 0;
        for (size_t k = 0; k < n; k++)
            dup |= out[k] == next;
        if (dup)
            break;
        out[n++] = next;
        cur = next;
    }
    return saw_and ? n : 1;
}

static int parse_num(const dl_token *t, int lo, int hi)
{
    if (t->kind != DL_TOK_NUM && t->kind != DL_TOK_WORD)
        return -1;
    int v = 0;
    size_t k = 0;
    for (; k < t->norm_len; k++) {
        char ch = t->norm[k];
        if (ch < '0' || ch > '9')
            break;
        if (k < 5)   /* longer runs are no day or year: no overflow (found by fuzz/pipeline_fuzz.c) */
            v = v * 10 + (ch - '0');
    }
    if (k == 0 || k > 4)
        return -1;
    /* 14th, 1st */
    if (k < t->norm_len && !(strcmp(t->norm + k, "th") == 0 || strcmp(t->norm + k, "st") == 0
        || strcmp(t->norm + k, "nd") == 0 || strcmp(t->norm + k, "rd") == 0))
        return -1;
    return v >= lo && v <= hi ? v : -1;
}

int dl_clause_date(const dl_clause *c, uint32_t sent, uint32_t v, dl_date *out)
{
    const dl_sentence *s = &c->doc->sents.v[sent];
    const dl_token *t = c->t;
    dl_date ref = c->doc->date;
    long best_dist = -1;
    dl_date best = {0, 0, 0};
    for (uint32_t i = s->tok_start; i < s->tok_end; i++) {
        dl_date d = {0, 0, 0};
        const dl_token *w = &t[i];
        int wd = -1, mo = 0;
        if (w->kind == DL_TOK_WORD && (w->flags & DL_TF_CAP))
            wd = dl_weekday_from_name(w->norm, w->norm_len);
        if (w->kind == DL_TOK_WORD || w->kind == DL_TOK_ABBR)
            mo = (w->flags & DL_TF_CAP) ? dl_month_from_name(w->norm, w->norm_len) : 0;
        if (mo == 5 && !(i > s->tok_start && (strcmp(t[i - 1].norm, "in") == 0 || parse_num(&t[i - 1], 1, 31) > 0)))
            mo = 0;   /* "May" the modal */
        if (wd >= 0 && w->norm_len >= 6) {
            if (!ref.y || !ref.m || !ref.d)
                continue;
            long z = dl_days_from_civil(ref.y, ref.m, ref.d);
            int rw = dl_weekday(ref.y, ref.m, ref.d);
            int back = (rw - wd + 7) % 7;
            d = dl_civil_from_days(z - back);
        } else if (mo > 0) {
            int day = -1, year = -1;
            if (i + 1 < s->tok_end)
                day = parse_num(&t[i + 1], 1, 31);
            if (day < 0 && i > s->tok_start)
                day = parse_num(&t[i - 1], 1, 31);
            for (uint32_t k = i + 1; k < s->tok_end && k < i + 4; k++) {
                year = parse_num(&t[k], 1900, 2100);
                if (year > 0)
                    break;
            }
            d.m = mo;
            d.d = day > 0 ? day : 0;
            if (year > 0)
                d.y = year;
            else if (ref.y) {
                d.y = ref.y;
                if (ref.m && (mo > ref.m || (mo == ref.m && d.d > ref.d && ref.d)))
                    d.y--;
            } else
                continue;
            if (d.d && !dl_date_valid(d.y, d.m, d.d))
                d.d = 0;
        } else if (i > s->tok_start && strcmp(t[i - 1].norm, "in") == 0 && w->kind == DL_TOK_NUM) {
            int y = parse_num(w, 1900, 2100);
            if (y < 0)
                continue;
            d.y = y;
        } else if (strcmp(w->norm, "yesterday") == 0 && ref.y && ref.m && ref.d) {
            d = dl_civil_from_days(dl_days_from_civil(ref.y, ref.m, ref.d) - 1);
        } else if (strcmp(w->norm, "today") == 0 && ref.y && ref.m && ref.d) {
            d = ref;
        } else
            continue;
        long dist = (long)i - (long)v;
        if (dist < 0)
            dist = -dist;
        if (best_dist < 0 || dist < best_dist) {
            best_dist = dist;
            best = d;
        }
    }
    if (best_dist < 0)
        return 0;
    *out = best;
    return 1;
}
