/* coder.c -- the event stage: match verb patterns in each sentence, fill
 * their slots from the clause analysis, apply negation and modality, and
 * record one event per source/target pair.  See event.h. */
#include "event.h"
#include "clause.h"
#include "../actor/actor.h"
#include <stdio.h>
#include <string.h>

#define MAXM 24   /* matched tokens kept per pattern */

typedef struct mstate {
    int32_t src, tgt;
    uint32_t tok[MAXM];
    uint32_t n;
    uint32_t last;       /* one past the last token matched after the verb */
} mstate;


static void push_tok(mstate *m, uint32_t from, uint32_t to)
{
    for (uint32_t i = from; i < to && m->n < MAXM; i++)
        m->tok[m->n++] = i;
}

#define elem_at(d, e, t, i, n) dl_elem_match_h((d), (e), (t), c->th, (i), (n))

static int match_post(const struct dl_verb_dict *d, const dl_clause *c, const dl_verb_pattern *p,
                      size_t k, uint32_t pos, uint32_t end, int passive, mstate *ms)
{
    if (k == p->npost) {
        ms->last = pos;
        return 1;
    }
    const dl_pat_elem *e = &p->post[k];
    const dl_token *t = c->t;
    if (e->kind == DL_PE_SOURCE || e->kind == DL_PE_TARGET) {
        /* in a passive the object is the subject: the slot stays empty
         * (and must not take the by-agent) */
        int32_t m = (passive && e->kind == DL_PE_TARGET) ? -1 : dl_clause_actor_after2(c, pos, end, e->adjacent ? 1 : 5, 1);
        if (m >= 0) {
            mstate save = *ms;
            const dl_actor_mention *a = &c->doc->actors->v[m];
            if (e->kind == DL_PE_SOURCE)
                ms->src = m;
            else
                ms->tgt = m;
            if (match_post(d, c, p, k + 1, a->tok_end, end, passive, ms))
                return 1;
            *ms = save;
        }
        /* "accused each other": the target is the other member of the
         * subject (the coder pairs them) */
        if (m < 0 && e->kind == DL_PE_TARGET && pos + 1 < end
            && ((!strcmp(t[pos].norm, "each") && !strcmp(t[pos + 1].norm, "other"))
                || (!strcmp(t[pos].norm, "one") && !strcmp(t[pos + 1].norm, "another")))) {
            mstate save = *ms;
            ms->tgt = -2;
            push_tok(ms, pos, pos + 2);
            if (match_post(d, c, p, k + 1, pos + 2, end, passive, ms))
                return 1;
            *ms = save;
        }
        if (e->optional || (passive && e->kind == DL_PE_TARGET))
            return match_post(d, c, p, k + 1, pos, end, passive, ms);
        return 0;
    }
    uint32_t maxgap = e->adjacent ? 0 : DL_PAT_GAP;
    for (uint32_t g = 0; g <= maxgap && pos + g < end; g++) {
        uint32_t q = pos + g;
        size_t used = elem_at(d, e, t, q, end);
        if (used) {
            mstate save = *ms;
            push_tok(ms, q, q + (uint32_t)used);
            if (match_post(d, c, p, k + 1, q + (uint32_t)used, end, passive, ms))
                return 1;
            *ms = save;
        }
        if (((c->tf[q] & DL_TK_BOUND) && t[q].kind != DL_TOK_QUOTE) || (c->tf[q] & DL_TK_COMMA))
            break;
    }
    if (e->optional)
        return match_post(d, c, p, k + 1, pos, end, passive, ms);
    return 0;
}

/* Elements before the verb, nearest first, from token pos (inclusive)
 * downwards to lo. */
static int match_pre(const struct dl_verb_dict *d, const dl_clause *c, const dl_verb_pattern *p,
                     size_t k, int64_t pos, uint32_t lo, mstate *ms)
{
    if (k == p->npre)
        return 1;
    const dl_pat_elem *e = &p->pre[k];
    const dl_token *t = c->t;
    if (e->kind == DL_PE_SOURCE || e->kind == DL_PE_TARGET) {
        for (int64_t q = pos; q >= (int64_t)lo && q > pos - 5; q--) {
            int32_t m = c->covers[q];
            if (m < 0 && e->kind == DL_PE_SOURCE) {
                /* "said he regretted": the pronoun's actor */
                int32_t r = dl_clause_pronoun(c, (uint32_t)q);
                if (r >= 0) {
                    mstate save = *ms;
                    ms->src = r;
                    if (match_pre(d, c, p, k + 1, q - 1, lo, ms))
                        return 1;
                    *ms = save;
                    break;
                }
            }
            if (m >= 0) {
                mstate save = *ms;
                if (e->kind == DL_PE_SOURCE)
                    ms->src = m;
                else
                    ms->tgt = m;
                const dl_actor_mention *a = &c->doc->actors->v[m];
                if (match_pre(d, c, p, k + 1, (int64_t)a->tok_start - 1, lo, ms))
                    return 1;
                *ms = save;
                break;
            }
            if ((c->tf[q] & DL_TK_BOUND))
                break;
        }
        return e->optional ? match_pre(d, c, p, k + 1, pos, lo, ms) : 0;
    }
    uint32_t maxgap = e->adjacent ? 0 : DL_PAT_GAP;
    for (uint32_t g = 0; g <= maxgap && pos - (int64_t)g >= (int64_t)lo; g++) {
        int64_t q = pos - g;
        /* a word sequence ends at q: try starts so that it ends there */
        for (int64_t st = q; st >= (int64_t)lo && st > q - 4; st--) {
            size_t used = elem_at(d, e, t, (size_t)st, (size_t)q + 1);
            if (used && (int64_t)(st + used - 1) == q) {
                mstate save = *ms;
                push_tok(ms, (uint32_t)st, (uint32_t)q + 1);
                if (match_pre(d, c, p, k + 1, st - 1, lo, ms))
                    return 1;
                *ms = save;
            }
        }
        if (c->tf[q] & (DL_TK_BOUND | DL_TK_COMMA))
            break;
    }
    return e->optional ? match_pre(d, c, p, k + 1, pos, lo, ms) : 0;
}

/* "~ * between +": a reciprocal act between the actors after the word,
 * which also reads a noun ("clashes between X and Y", "talks between X
 * and Y"): such nouns name the event and its two sides. */
static int is_between_pattern(const dl_verb_pattern *p)
{
    return (p->flags & DL_PF_RECIPROCAL) && p->npre == 0 && p->npost == 2 && p->post[0].kind == DL_PE_WORD
        && p->post[0].nalt == 1 && strcmp(p->post[0].alt[0], "between") == 0 && p->post[1].kind == DL_PE_TARGET;
}

/* An organised armed group: an army, rebels, insurgents, separatists,
 * militias, and with police_too the police (by the actor's role codes). */
static int armed_group(const dl_actor_mention *a, int police_too)
{
    static const char *const armed[] = {"MIL", "REB", "INS", "SEP", "UAF", "COP", NULL};
    for (const char *const *r = armed; *r; r++) {
        if (!police_too && !strcmp(*r, "COP"))
            continue;
        for (const char *p = a->roles; p && *p; p += 3) {
            if (!strncmp(p, *r, 3))
                return 1;
            if (strlen(p) < 3)
                break;
        }
    }
    return 0;
}

static int in_words(const dl_token *t, const char *const *list);

/* Is sentence s about sport?  A score ("6-4", "2-1") or a word only
 * sport uses: there "beat", "crushed", "routed" are results, not force. */
static int sports_sentence(const dl_clause *c, const dl_sentence *s)
{
    static const char *const SPORT[] = {"seeded", "top-seeded", "second-seeded", "unseeded", "tournament",
        "semifinal", "semifinals", "semi-final", "semi-finals", "quarterfinal", "quarterfinals",
        "quarter-final", "quarter-finals", "championship", "championships", "goalkeeper", "striker",
        "midfielder", "innings", "wicket", "wickets", "touchdown", "playoff", "playoffs", "play-off",
        "grand-slam", "halftime", "half-time", "scoreline", NULL};
    for (uint32_t i = s->tok_start; i < s->tok_end; i++) {
        const dl_token *t = &c->t[i];
        if (t->kind == DL_TOK_NUM && t->norm_len >= 3 && t->norm_len <= 5) {
            const char *h = memchr(t->norm, '-', t->norm_len);
            if (h && h > t->norm && h - t->norm <= 2 && t->norm_len - (size_t)(h - t->norm) - 1 <= 2
                && t->norm_len - (size_t)(h - t->norm) - 1 >= 1)
                return 1;
        }
        if (t->kind == DL_TOK_WORD && in_words(t, SPORT))
            return 1;
    }
    return 0;
}

static int is_aux_word(const dl_token *t)
{
    static const char *const aux[] = {"is", "are", "was", "were", "be", "been", "being", "get", "got",
        "has", "have", "had", "not", "never", "also", "already", "reportedly", "allegedly", NULL};
    for (int i = 0; aux[i]; i++)
        if (aux[i][0] == t->norm[0] && strcmp(t->norm, aux[i]) == 0)
            return 1;
    return 0;
}

static int in_words(const dl_token *t, const char *const *list)
{
    for (; *list; list++)
        if ((*list)[0] == t->norm[0] && strcmp(t->norm, *list) == 0)
            return 1;
    return 0;
}

static const char *const PREP_NOUN[] = {"for", "of", "with", "on", "in", "at", "from", "by",
    "about", "against", "over", "into", "amid", "after", "before", "during", "without", "under", "toward",
    "towards", NULL};

static const char *const DET_NOUN[] = {"the", "a", "an", "its", "their", "his", "her", "our",
    "such", "any", "no", "every", "each", "another", "'s", "’s", NULL};

/* Words without -s after which a base form is still a verb: nouns that
 * take a plural verb ("police deport"), time words between a modal and
 * its verb ("will this week visit"), object pronouns ("help him forge"). */
static const char *const BASE_VERB_AFTER[] = {"police", "people", "military", "personnel", "staff",
    "public", "youth", "clergy", "week", "month", "year", "day", "morning", "afternoon",
    "evening", "night", "weekend", "time", "him", "them", "me", "you", NULL};

/* Particles of phrasal verbs ("step up", "carry out"). */
static const char *const PARTICLE[] = {"up", "down", "out", "off", NULL};

/* Words after which a verb form is still a verb. */
static const char *const VERB_CONTEXT[] = {"to", "will", "would", "shall", "should", "could", "can",
    "may", "might", "must", "not", "n't", "never", "and", "or", "but", "then", "also", "they", "we",
    "he", "she", "it", "i", "you", "who", "which", "that", "did", "does", "do", "has", "have", "had",
    "is", "are", "was", "were", "be", "been", "being", "cannot", "dare", "dared", "jointly", "later",
    "reportedly", "allegedly", "already", "still", "again", "now", "just", "finally", "repeatedly",
    "yesterday", "today", "officially", "publicly", "formally", "immediately", "strongly", "quickly",
    "swiftly", "sharply", "firmly", "openly", "separately", "recently", "previously", "only", "this",
    "these", "those", "all", "everything", "nothing", "none", "what", "there", "here", "so", "as", NULL};

/* Is the dictionary word at v used as a noun or a participle modifier
 * rather than as the clause's verb?  "peace talks", "his second visit",
 * "the anti-Castro exiles", "prisoners captured during the war",
 * "keeping order", "strike back". */
static int looks_like_noun(const dl_clause *c, uint32_t lo, uint32_t v, int forms)
{
    if (v <= lo)
        return 0;
    const dl_token *t = c->t, *p = &t[v - 1];
    /* the second half of a hyphenated modifier: "U.S.-backed", "Iranian-
     * made" (the hyphen and the word touch what comes before) */
    if (p->kind == DL_TOK_DASH && !(t[v].flags & DL_TF_SPACE) && !(p->flags & DL_TF_SPACE))
        return 1;
    if (p->kind == DL_TOK_NUM && (forms & (DL_VF_3SG | DL_VF_BASE | DL_VF_ING)))
        return 1;   /* "the August 13 slaughter" */
    /* an abbreviated country before a base form: "the U.S. trade picture"
     * (the same rule for words follows below) */
    if (p->kind == DL_TOK_ABBR && (forms & (DL_VF_BASE | DL_VF_ING)) && !(forms & (DL_VF_3SG | DL_VF_PAST | DL_VF_PP))
        && c->covers[v - 1] >= 0 && c->doc->actors) {
        const dl_actor_mention *a = &c->doc->actors->v[c->covers[v - 1]];
        if (a->kind == DL_AK_COUNTRY || a->kind == DL_AK_ORG)
            return 1;
    }
    if (p->kind != DL_TOK_WORD || in_words(p, VERB_CONTEXT))
        return 0;
    size_t pl = p->norm_len;
    int p_verbish = pl > 4 && (!strcmp(p->norm + pl - 3, "ing") || !strcmp(p->norm + pl - 2, "ed"));
    int p_adverb = pl > 4 && !strcmp(p->norm + pl - 2, "ly") && !(p->flags & DL_TF_CAP);
    if (p_adverb)
        return 0;
    /* right after another verb: an object noun or a particle */
    if (p_verbish && c->covers[v - 1] < 0)
        return 1;
    /* after a verb and its particle: "stepped up pressure on" */
    if (v - 1 > lo && in_words(p, PARTICLE) && c->covers[v - 2] < 0) {
        const dl_token *pp = &t[v - 2];
        size_t ppl = pp->norm_len;
        if (ppl > 4 && (!strcmp(pp->norm + ppl - 2, "ed") || !strcmp(pp->norm + ppl - 3, "ing")))
            return 1;
    }
    if (c->verbs && c->covers[v - 1] < 0 && dl_verb_dict_lookup(c->verbs, p->norm, p->norm_len)
        && !(forms & (DL_VF_PAST | DL_VF_PP)))
        return 1;
    /* a plural or base form after a modifier that itself follows a
     * determiner, preposition or number ("in peace talks", "his second
     * visit"), or after a hyphenated modifier ("six-party talks") */
    int nounish = (forms & (DL_VF_3SG | DL_VF_BASE | DL_VF_ING)) && !(forms & (DL_VF_PAST | DL_VF_PP));
    if (nounish && c->covers[v - 1] < 0) {
        if ((p->flags & DL_TF_HYPHEN) || p->kind == DL_TOK_NUM)
            return 1;
        if (v - 1 > lo) {
            const dl_token *pp = &t[v - 2];
            if (pp->kind == DL_TOK_NUM || pp->kind == DL_TOK_POSS || in_words(pp, DET_NOUN) || in_words(pp, PREP_NOUN)
                || (pp->flags & DL_TF_HYPHEN))
                return 1;
        }
    }
    /* a base form right after a country or organisation (a singular
     * subject would take "-s"): "Taiwan rescue workers", "UN aid official" */
    if ((forms & (DL_VF_BASE | DL_VF_ING)) && !(forms & (DL_VF_3SG | DL_VF_PAST | DL_VF_PP)) && c->covers[v - 1] >= 0
        && c->doc->actors) {
        const dl_actor_mention *a = &c->doc->actors->v[c->covers[v - 1]];
        if (a->kind == DL_AK_COUNTRY || a->kind == DL_AK_ORG)
            return 1;
    }
    /* a bare base form right after a singular common noun is a noun of a
     * compound ("assistant trade representative", "the border clash");
     * a plural subject would take it as a verb ("the two sides meet") */
    if (forms == DL_VF_BASE && c->covers[v - 1] < 0 && !(p->flags & (DL_TF_CAP | DL_TF_UPPER))
        && !c->wc[v - 1] && !p_verbish && pl > 2 && p->norm[pl - 1] != 's' && !in_words(p, BASE_VERB_AFTER))
        return 1;
    /* an -ing form right after a common noun: "a challenge targeting Airbus" */
    if ((forms & DL_VF_ING) && !(forms & (DL_VF_BASE | DL_VF_3SG | DL_VF_PAST | DL_VF_PP)) && c->covers[v - 1] < 0
        && !(p->flags & DL_TF_CAP) && !p_verbish && pl > 2)
        return 1;
    /* a participle right after a noun that is not an actor: "prisoners captured" */
    int participle = (forms & (DL_VF_PAST | DL_VF_PP)) && !(forms & (DL_VF_BASE | DL_VF_3SG));
    if (participle && c->covers[v - 1] < 0 && !(p->flags & DL_TF_CAP) && pl > 2 && p->norm[pl - 1] == 's')
        return 1;
    return 0;
}

static int after_determiner(const dl_token *t, uint32_t lo, uint32_t v)
{
    if (v <= lo)
        return 0;
    const dl_token *p = &t[v - 1];
    if (p->kind == DL_TOK_POSS)
        return 1;
    char c0 = p->norm[0];
    for (int i = 0; DET_NOUN[i]; i++)
        if (DET_NOUN[i][0] == c0 && strcmp(p->norm, DET_NOUN[i]) == 0)
            return 1;
    /* "called for talks", "the end of sanctions": a noun after a preposition */
    for (int i = 0; PREP_NOUN[i]; i++)
        if (PREP_NOUN[i][0] == c0 && strcmp(p->norm, PREP_NOUN[i]) == 0)
            return 1;
    return 0;
}

static void sort_idx(int32_t *v, size_t n)
{
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && v[j - 1] > v[j]; j--) {
            int32_t t = v[j];
            v[j] = v[j - 1];
            v[j - 1] = t;
        }
}

static void set_add(dl_doc *doc, dl_event_set *set, const dl_event *e)
{
    if (set->n == set->cap) {
        size_t cap = set->cap ? set->cap * 2 : 16;
        dl_event *v = dl_arena_alloc(doc->arena, cap * sizeof *v);
        if (set->n)
            memcpy(v, set->v, set->n * sizeof *v);
        set->v = v;
        set->cap = cap;
    }
    set->v[set->n++] = *e;
}

static const char *code_after_modality(unsigned fl, const char *code, unsigned *ef, const char **note)
{
    if (fl & (DL_CL_NEG | DL_CL_REFUSE)) {
        *ef |= DL_EF_NEGATED;
        *note = (fl & DL_CL_REFUSE) ? "refused" : "negated";
        return dl_cameo_as_refusal(code);
    }
    if (fl & DL_CL_THREAT) {
        *ef |= DL_EF_THREAT;
        *note = "threatened";
        const char *t = dl_cameo_as_threat(code);
        return t ? t : "130";
    }
    if (fl & DL_CL_INTENT) {
        *ef |= DL_EF_INTENT;
        *note = "intent";
        int root = (code[0] - '0') * 10 + (code[1] - '0');
        if (root >= 4 && root <= 8)
            return dl_cameo_as_intent(code);
        if (root >= 17 && root <= 20)
            return dl_cameo_as_threat(code);
        return code;
    }
    return code;
}

static void code_sentence(const dl_ctx *ctx, dl_doc *doc, const dl_clause *c, uint32_t si, dl_event_set *set)
{
    const struct dl_verb_dict *d = ctx->verbs;
    const dl_sentence *s = &doc->sents.v[si];
    const dl_token *t = c->t;
    size_t first = set->n;
    /* words an earlier pattern matched ("pledged aid to") are not verbs */
    uint8_t *used = dl_arena_calloc(doc->arena, s->tok_end - s->tok_start + 1);
    int foreign_done = 0;   /* TABARI codes the first verb of a sentence that matches */
    uint64_t mask[4] = {0, 0, 0, 0};   /* Bloom bits of the sentence's words, for the prefilter */
    for (uint32_t i = s->tok_start; i < s->tok_end; i++)
        DL_BLOOM_SET(mask, c->th[i]);
    for (uint32_t v = s->tok_start; v < s->tok_end; v++) {
        if (t[v].kind != DL_TOK_WORD || c->covers[v] >= 0 || used[v - s->tok_start])
            continue;
        /* the word's verbs: its exact form, and (TABARI) every stem it begins with */
        const dl_form_slot *slots[8];
        size_t nslots = 0;
        const dl_form_slot *slot = dl_verb_dict_lookup_h(d, t[v].norm, t[v].norm_len, c->th[v]);
        if (slot)
            slots[nslots++] = slot;
        if (d->nstems)
            for (size_t k = t[v].norm_len; k >= 3 && nslots < 8; k--) {
                const dl_form_slot *st = dl_verb_dict_lookup(d, t[v].norm, k);
                if (!st || st == slot)
                    continue;
                for (size_t h = 0; h < st->nhit; h++)
                    if (st->hit[h].forms & DL_VF_STEM) {
                        slots[nslots++] = st;
                        break;
                    }
            }
        if (!nslots)
            continue;
        slot = slots[0];
        int foreign = 1;   /* every verb of this word comes from a TABARI/PETRARCH file */
        for (size_t sl = 0; sl < nslots; sl++)
            for (size_t h = 0; h < slots[sl]->nhit; h++)
                foreign &= d->verb[slots[sl]->hit[h].verb].foreign;
        if (foreign && (foreign_done & 2))
            continue;
        if (foreign && v > s->tok_start && (!strcmp(t[v - 1].norm, "the") || !strcmp(t[v - 1].norm, "a")
                                            || !strcmp(t[v - 1].norm, "an")))
            continue;
        /* after a determiner the word is a noun: only the patterns that
         * read nouns apply (below) */
        int det_noun = !foreign && after_determiner(t, s->tok_start, v);
        /* a capitalised word inside a sentence is a name or a title
         * ("Champions League", "Restore Hope"), unless the text is in capitals */
        if ((t[v].flags & DL_TF_CAP) && !(t[v].flags & DL_TF_UPPER) && v > s->tok_start
            && t[v - 1].kind != DL_TOK_QUOTE && !(t[v - 1].kind == DL_TOK_PUNCT && t[v - 1].norm[0] == ':'))
            continue;
        /* a word that looks like a noun here is still a verb for the
         * patterns that name the word right before it ("responsibility
         * falls on X", "the blame falls on X") */
        int nounish = 0;
        {
            int allf = 0;
            for (size_t sl = 0; sl < nslots; sl++)
                for (size_t h = 0; h < slots[sl]->nhit; h++)
                    allf |= (int)slots[sl]->hit[h].forms;
            nounish = det_noun || (!foreign && looks_like_noun(c, s->tok_start, v, allf));
        }
        /* "prisoners held by X", "the plan proposed by X": a participle
         * modifying a noun, not the clause's verb */
        if (v > s->tok_start && v + 1 < s->tok_end && strcmp(t[v + 1].norm, "by") == 0
            && (t[v - 1].kind == DL_TOK_WORD || t[v - 1].kind == DL_TOK_NUM)   /* "for 2001 released by" */
            && c->covers[v - 1] < 0 && !is_aux_word(&t[v - 1]))
            continue;
        /* the best pattern over every verb this form belongs to */
        const dl_verb_pattern *best = NULL;
        int bestscore = -1;
        mstate bestm;
        unsigned bestfl = 0;
        uint32_t bestg = v;
        /* the verb group is the same for every verb of this form; work it
         * out once, when a pattern first passes the prefilter */
        int allforms = 0;
        for (size_t sl = 0; sl < nslots; sl++)
            for (size_t h = 0; h < slots[sl]->nhit; h++)
                allforms |= (int)slots[sl]->hit[h].forms;
        unsigned fl = 0;
        uint32_t g = v;
        int have_group = 0;
        for (size_t sh = 0; sh < nslots * 64; sh++) {
            size_t sl = sh / 64, h = sh % 64;
            if (h >= slots[sl]->nhit)
                continue;
            const dl_verb *vb = &d->verb[slots[sl]->hit[h].verb];
            for (size_t k = 0; k < vb->npat; k++) {
                const dl_verb_pattern *p = &d->pat[vb->pat[k]];
                if (nounish && !is_between_pattern(p)
                    && (det_noun || !(p->npre > 0 && (p->pre[0].kind == DL_PE_WORD || p->pre[0].kind == DL_PE_CLASS)
                                      && elem_at(d, &p->pre[0], t, v - 1, v) == 1)))
                    continue;
                /* cheap prefilter: every required word must occur */
                int possible = 1;
                for (size_t q = 0; q < p->npost && possible; q++)
                    if (!p->post[q].optional)
                        possible = dl_elem_possible(d, &p->post[q], c->th, v + 1, s->tok_end, mask);
                for (size_t q = 0; q < p->npre && possible; q++)
                    if (!p->pre[q].optional)
                        possible = dl_elem_possible(d, &p->pre[q], c->th, s->tok_start, v, mask);
                if (!possible)
                    continue;
                if (!have_group) {
                    g = dl_clause_vgroup(c, s->tok_start, v, allforms, &fl);
                    have_group = 1;
                }
                mstate ms;
                memset(&ms, 0, sizeof ms);
                ms.src = ms.tgt = -1;
                ms.last = v + 1;
                if (!match_post(d, c, p, 0, v + 1, s->tok_end, (fl & DL_CL_PASSIVE) != 0, &ms))
                    continue;
                if (!match_pre(d, c, p, 0, (int64_t)v - 1, s->tok_start, &ms))
                    continue;
                /* a pattern that names words must match at least one of them */
                if (p->has_words && ms.n == 0)
                    continue;
                /* the pattern that explains most words wins; then the more
                 * specific as written; then the first */
                size_t cl = strlen(p->code);
                int specific = cl == 4 || (cl == 3 && p->code[2] != '0');
                int score = ((2 * (int)ms.n + (cl == 4)) * 2 + specific) * 4 + (ms.src >= 0) + (ms.tgt >= 0);
                score = (score * 64 + p->specificity) * 8 + (int)cl;
                if (score <= bestscore)
                    continue;
                bestscore = score;
                best = p;
                bestm = ms;
                bestfl = fl;
                bestg = g;
            }
        }
        if (!best)
            continue;
        if (foreign && (foreign_done & 1) && !best->has_words)
            continue;
        for (uint32_t k = 0; k < bestm.n; k++)
            if (bestm.tok[k] >= s->tok_start && bestm.tok[k] < s->tok_end)
                used[bestm.tok[k] - s->tok_start] = 1;
        if (best->flags & DL_PF_NOEVENT)
            continue;
        if (bestfl & DL_CL_EMBEDDED)
            continue;
        int root = best->cameo ? (best->code[0] - '0') * 10 + (best->code[1] - '0') : 0;
        if ((bestfl & DL_CL_HYPO) && root > 2 && !(best->flags & DL_PF_FOREIGN))
            continue;
        /* source and target */
        unsigned ef = 0;
        const char *how = "subject", *thow = "object";
        int32_t subj = -1;
        /* "Insurgents attacked outposts of X and Y, killing Z": a
         * participle after a comma has the subject of the act before the
         * comma -- the nearest verb's ("accused Russia of shelling a
         * hospital, killing ...": Russia's) */
        if (bestg == v && v > s->tok_start + 1 && (c->tf[v - 1] & DL_TK_COMMA) && t[v].norm_len > 4
            && !strcmp(t[v].norm + t[v].norm_len - 3, "ing")) {
            uint32_t lim = v > s->tok_start + 16 ? v - 16 : s->tok_start;
            for (uint32_t k = v - 1; k-- > lim;) {
                if (c->covers[k] >= 0 || t[k].kind != DL_TOK_WORD || (c->tf[k] & DL_TK_BOUND))
                    continue;
                const dl_form_slot *fs = dl_verb_dict_lookup_h(d, t[k].norm, t[k].norm_len, c->th[k]);
                if (!fs)
                    continue;
                /* a noun or a modifier ("a Hamas training camp", "UN
                 * sanctions") is no act */
                int kf = 0;
                for (size_t h = 0; h < fs->nhit; h++)
                    kf |= (int)fs->hit[h].forms;
                /* but a gerund with an object is an act: "of shelling a
                 * hospital" */
                int gerund = (kf & DL_VF_ING) && k + 1 < v - 1 && (c->covers[k + 1] >= 0 || dl_clause_is_det(c, k + 1));
                if (!gerund && (after_determiner(t, s->tok_start, k) || looks_like_noun(c, s->tok_start, k, kf)
                    || (k + 1 < v - 1 && t[k + 1].kind == DL_TOK_WORD && !(kf & (DL_VF_PAST | DL_VF_PP))
                        && c->covers[k + 1] < 0 && !c->wc[k + 1] && !(t[k + 1].flags & DL_TF_CAP)
                        && (kf & DL_VF_ING))))
                    continue;
                /* an infinitive is what is wanted, not what was done
                 * ("wanted Russia to return the islands, snubbing ...") */
                if (k > s->tok_start && !strcmp(t[k - 1].norm, "to"))
                    continue;
                const char *h2 = how;
                subj = dl_clause_subject(c, s->tok_start, k, &h2);
                break;
            }
            if (subj < 0)
                subj = dl_clause_main_subject(c, s->tok_start, v - 1);
            if (subj >= 0)
                how = "subject of the act before the comma (participle)";
        }
        if (subj < 0)
            subj = dl_clause_subject(c, s->tok_start, bestg, &how);
        int32_t src, tgt;
        if (bestfl & DL_CL_PASSIVE) {
            ef |= DL_EF_PASSIVE;
            tgt = bestm.tgt >= 0 ? bestm.tgt : subj;
            thow = "passive subject";
            src = bestm.src >= 0 ? bestm.src : dl_clause_by_agent(c, v, s->tok_end);
            how = "by-agent";
        } else {
            src = bestm.src >= 0 ? bestm.src : subj;
            if (bestm.src >= 0)
                how = "pattern $";
            tgt = bestm.tgt >= 0 ? bestm.tgt : -1;
            /* "X survived an Israeli assassination attempt": a source slot
             * after the verb makes the subject the target */
            if (bestm.src >= 0 && tgt < 0 && subj >= 0 && subj != bestm.src
                && doc->actors->v[bestm.src].tok_start > v) {
                tgt = subj;
                thow = "subject (source named after the verb)";
            }
            if (tgt >= 0)
                thow = "pattern +";
            else if (bestm.tgt == -2)
                thow = "each other";
            else {
                tgt = dl_clause_actor_after(c, bestm.last > v + 1 ? bestm.last : v + 1, s->tok_end, 8);
                /* then from the first word the pattern matched after the
                 * verb, so that the words it explains ("said on Sunday
                 * that the situation in X was dire") are not a boundary */
                uint32_t first = v + 1;
                for (uint32_t q = 0; q < bestm.n; q++)
                    if (bestm.tok[q] > v) {
                        first = bestm.tok[q];
                        break;
                    }
                if (tgt < 0 && bestm.last > v + 1)
                    tgt = dl_clause_actor_after(c, first, s->tok_end, 8);
                if (tgt < 0 && first > v + 1)
                    tgt = dl_clause_actor_after(c, v + 1, s->tok_end, 8);
            }
        }
        /* a speaker or "according to X" is the source of what is said
         * (statements, appeals, intentions, demands, accusations,
         * rejections, threats), not of what is reported done ("The quake
         * struck Colombia, according to officials") */
        int verbal = best->code[0] == '0' ? best->code[1] <= '3' || best->code[1] == '5'
                                          : best->code[0] == '1' && best->code[1] <= '3';
        if (src < 0 && (verbal || (best->flags & DL_PF_FOREIGN))) {
            src = dl_clause_frame(c, si, v);
            if (src >= 0) {
                ef |= DL_EF_REPORTED;
                how = "speaker or attribution frame";
            }
        }
        /* "clashes between X and Y": the sides are the targets, each acts
         * on the other */
        int between = 0;
        if (is_between_pattern(best) && tgt >= 0) {
            int32_t sides[8];
            if (dl_clause_compound(c, tgt, 1, sides, 8) >= 2) {
                src = tgt;
                how = "between (reciprocal)";
                between = 1;
            }
        }
        if (src < 0)
            continue;
        /* modality */
        const char *note = NULL;
        const char *code = best->cameo && !(best->flags & DL_PF_FOREIGN)
            ? code_after_modality(bestfl, best->code, &ef, &note) : best->code;
        if (!code)
            continue;
        /* "Ljubicic of Croatia beat Hanescu of Romania 6-4": a result */
        if ((!strncmp(code, "18", 2) || !strncmp(code, "19", 2)) && sports_sentence(c, s))
            continue;
        /* "X told reporters", "X told the news agency": the media an
         * actor speaks through are not the statement's target */
        /* "Annan said in a British television interview": the bare "X
         * said Y" pattern does not reach into a phrase with "in" or "at"
         * (a place or a medium, not who the statement is to or about) */
        if (!strcmp(code, "010") && tgt >= 0 && best->npre == 0 && best->npost == 1
            && best->post[0].kind == DL_PE_TARGET
            && dl_clause_in_locative(c, s->tok_start, doc->actors->v[tgt].tok_start)
            && doc->actors->v[tgt].tok_end < s->tok_end
            && t[doc->actors->v[tgt].tok_end].kind == DL_TOK_WORD
            && !(t[doc->actors->v[tgt].tok_end].flags & (DL_TF_CAP | DL_TF_UPPER))
            && !c->wc[doc->actors->v[tgt].tok_end])   /* the actor modifies a noun */
            continue;
        if (code[0] == '0' && code[1] == '1' && tgt >= 0) {
            const dl_actor_mention *a = &doc->actors->v[tgt];
            if ((a->roles && !strncmp(a->roles, "MED", 3)) || (a->code && (!strncmp(a->code, "MED", 3)
                || (strlen(a->code) >= 6 && !strncmp(a->code + 3, "MED", 3)))))
                continue;
        }
        /* compounds */
        int32_t srcs[8], tgts[8];
        size_t ns = dl_clause_compound(c, src, (bestfl & DL_CL_PASSIVE) ? 1 : -1, srcs, 8);
        size_t nt = tgt >= 0 ? dl_clause_compound(c, tgt, (bestfl & DL_CL_PASSIVE) ? -1 : 1, tgts, 8) : 0;
        if (between) {
            /* "between A and B and C": A is one side, the rest the other
             * (allies listed together do not fight each other); the
             * events go both ways, the reverse ones added below */
            ns = 1;
            srcs[0] = tgts[0];
            memmove(tgts, tgts + 1, (nt - 1) * sizeof *tgts);
            nt--;
        }
        /* "France and Germany accused each other": every pair, both ways */
        int each_other = bestm.tgt == -2;
        for (uint32_t k = v + 1; k + 1 < s->tok_end && k < v + 8 && !each_other; k++) {
            if ((!strcmp(t[k].norm, "each") && !strcmp(t[k + 1].norm, "other"))
                || (!strcmp(t[k].norm, "one") && !strcmp(t[k + 1].norm, "another")))
                each_other = 1;
            if (c->tf[k] & DL_TK_BOUND)
                break;
        }
        if (nt == 0 && ((best->flags & DL_PF_RECIPROCAL) || each_other) && ns >= 2) {
            memcpy(tgts, srcs, ns * sizeof *srcs);
            nt = ns;
        }
        if (nt == 0)
            continue;
        sort_idx(srcs, ns);
        sort_idx(tgts, nt);
        dl_event e;
        memset(&e, 0, sizeof e);
        e.sent = si;
        e.verb_tok = v;
        e.pattern = best;
        snprintf(e.code, sizeof e.code, "%s", code);
        e.cameo = dl_cameo_find(&d->cameo, e.code);
        e.flags = ef;
        uint32_t last = v;
        for (uint32_t k = 0; k < bestm.n; k++)
            if (bestm.tok[k] > last)
                last = bestm.tok[k];
        e.start = t[bestg].start;
        e.end = t[last].end;
        e.nmatched = bestm.n + 1;
        e.matched = dl_arena_alloc(doc->arena, e.nmatched * sizeof *e.matched);
        e.matched[0] = v;
        memcpy(e.matched + 1, bestm.tok, bestm.n * sizeof *bestm.tok);
        if (dl_clause_date(c, si, v, &e.date))
            e.flags |= DL_EF_DATED;
        else
            e.date = doc->date;
        char why[512];
        snprintf(why, sizeof why, "source: %s; target: %s%s%s%s%s", how, thow,
                 note ? "; " : "", note ? note : "", note ? " " : "",
                 note ? best->code : "");
        if (note) {
            size_t l = strlen(why);
            snprintf(why + l, sizeof why - l, " -> %s", e.code);
        }
        e.why = dl_arena_strdup(doc->arena, why);
        for (size_t i = 0; i < ns; i++)
            for (size_t j = 0; j < nt; j++) {
                if (srcs[i] == tgts[j])
                    continue;
                const dl_actor_mention *a = &doc->actors->v[srcs[i]], *b = &doc->actors->v[tgts[j]];
                if (strcmp(a->code, b->code) == 0)
                    continue;
                /* CAMEO's 18 is unconventional violence; a killing between
                 * organised armed forces (army, rebels, insurgents, police
                 * on the other side) is fighting, 19.  Killing civilians,
                 * beatings and floggings stay 18. */
                snprintf(e.code, sizeof e.code, "%s", code);
                if (!strcmp(code, "1823") && armed_group(a, 0) && armed_group(b, 1)) {
                    snprintf(e.code, sizeof e.code, "190");
                }
                e.cameo = dl_cameo_find(&d->cameo, e.code);
                e.source = srcs[i];
                e.target = tgts[j];
                e.source_code = a->code;
                e.target_code = b->code;
                set_add(doc, set, &e);
                if (between) {
                    e.source = tgts[j];
                    e.target = srcs[i];
                    e.source_code = b->code;
                    e.target_code = a->code;
                    set_add(doc, set, &e);
                }
                /* TABARI: the first verb that matches a pattern of its own
                 * (not just the verb) ends the sentence's coding */
                if (foreign)
                    foreign_done |= best->has_words ? 2 : 1;
            }
    }
    /* a bare statement ("X said") counts only when nothing else is coded;
     * drop repeats of the same source, target and code */
    int other = 0, foreign_specific = 0;
    for (size_t i = first; i < set->n; i++) {
        if (strcmp(set->v[i].code, "010") != 0)
            other = 1;
        if ((set->v[i].pattern->flags & DL_PF_FOREIGN) && set->v[i].pattern->has_words)
            foreign_specific = 1;
    }
    if (foreign_specific) {
        size_t w2 = first;
        for (size_t i = first; i < set->n; i++)
            if (!((set->v[i].pattern->flags & DL_PF_FOREIGN) && !set->v[i].pattern->has_words))
                set->v[w2++] = set->v[i];
        set->n = w2;
    }
    size_t w = first;
    for (size_t i = first; i < set->n; i++) {
        dl_event *e = &set->v[i];
        if (other && strcmp(e->code, "010") == 0)
            continue;
        /* the same pair twice in one root ("threatened to attack": 1384
         * from "threaten", 138 from "attack"): keep the more specific */
        int dup = 0;
        for (size_t k = first; k < w && !dup; k++) {
            dl_event *o = &set->v[k];
            if (strcmp(o->source_code, e->source_code) != 0 || strcmp(o->target_code, e->target_code) != 0
                || strncmp(o->code, e->code, 2) != 0)
                continue;
            dup = 1;
            if (strlen(e->code) > strlen(o->code)
                || (strlen(e->code) == strlen(o->code) && e->pattern->specificity > o->pattern->specificity))
                *o = *e;
        }
        if (!dup)
            set->v[w++] = *e;
    }
    set->n = w;
}

void dl_events_code(const dl_ctx *ctx, dl_doc *doc)
{
    dl_event_set *set = dl_arena_calloc(doc->arena, sizeof *set);
    doc->events = set;
    if (!ctx->verbs || !doc->actors || doc->actors->n == 0)
        return;
    dl_clause c;
    dl_clause_init(&c, doc, ctx->verbs);
    for (uint32_t si = 0; si < doc->sents.n; si++) {
        const dl_sentence *s = &doc->sents.v[si];
        /* only sentences with at least one actor can hold an event */
        int any = 0;
        for (uint32_t i = s->tok_start; i < s->tok_end && !any; i++)
            any = c.covers[i] >= 0;
        if (any)
            code_sentence(ctx, doc, &c, si, set);
    }
}

json_t *dl_event_json(const dl_doc *doc, const dl_event *e)
{
    json_t *o = json_object();
    json_object_set_new_nocheck(o, "sentence", json_integer(e->sent));
    json_t *span = json_array();
    json_array_append_new(span, json_integer(e->start));
    json_array_append_new(span, json_integer(e->end));
    json_object_set_new_nocheck(o, "span", span);
    json_object_set_new_nocheck(o, "start", json_integer(e->start));
    json_object_set_new_nocheck(o, "end", json_integer(e->end));
    json_object_set_new_nocheck(o, "text", json_stringn(doc->text + e->start, e->end - e->start));
    for (int k = 0; k < 2; k++) {
        int32_t m = k ? e->target : e->source;
        const dl_actor_mention *a = &doc->actors->v[m];
        json_t *x = json_object();
        json_object_set_new_nocheck(x, "code", json_string(a->code));
        json_object_set_new_nocheck(x, "text", json_stringn(doc->text + a->start, a->end - a->start));
        json_object_set_new_nocheck(x, "actor", json_integer(m));   /* index into "actors" */
        json_object_set_new(o, k ? "target" : "source", x);
    }
    json_object_set_new_nocheck(o, "cameo", json_string(e->code));
    char root[3] = {e->code[0], e->code[1], 0};
    json_object_set_new_nocheck(o, "root", json_string(root));
    if (e->cameo) {
        json_object_set_new_nocheck(o, "quad", json_integer(e->cameo->quad));
        json_object_set_new_nocheck(o, "goldstein", e->cameo->has_goldstein ? json_real(e->cameo->goldstein) : json_null());
    }
    const char *pt = e->pattern->plover_type ? e->pattern->plover_type : e->cameo ? e->cameo->plover_type : "";
    const char *pm = e->pattern->plover_type ? e->pattern->plover_mode : e->cameo ? e->cameo->plover_mode : "";
    /* a refusal, threat or promise changes the act: PLOVER follows the final code */
    if (e->pattern->plover_type && strcmp(e->code, e->pattern->code) != 0 && e->cameo) {
        pt = e->cameo->plover_type;
        pm = e->cameo->plover_mode;
    }
    if (pt && pt[0]) {
        json_t *pl = json_object();
        json_object_set_new_nocheck(pl, "type", json_string(pt));
        json_object_set_new_nocheck(pl, "mode", pm && pm[0] ? json_string(pm) : json_null());
        json_object_set_new_nocheck(o, "plover", pl);
    } else
        json_object_set_new_nocheck(o, "plover", json_null());
    json_object_set_new_nocheck(o, "negated", json_boolean(e->flags & DL_EF_NEGATED));
    json_object_set_new_nocheck(o, "intent", json_boolean(e->flags & (DL_EF_INTENT | DL_EF_THREAT)));
    char date[11];
    dl_date_format(e->date, date);
    json_object_set_new_nocheck(o, "date", date[0] ? json_string(date) : json_null());
    json_t *pat = json_object();
    json_object_set_new_nocheck(pat, "id", json_string(e->pattern->id));
    json_object_set_new_nocheck(pat, "text", json_string(e->pattern->text));
    json_object_set_new_nocheck(o, "pattern", pat);
    json_object_set_new_nocheck(o, "passive", json_boolean(e->flags & DL_EF_PASSIVE));
    json_object_set_new_nocheck(o, "reported", json_boolean(e->flags & DL_EF_REPORTED));
    json_object_set_new_nocheck(o, "why", json_string(e->why));
    return o;
}

void dl_events_json(const dl_doc *doc, json_t *article)
{
    if (!doc->events)
        return;
    json_t *arr = json_array();
    for (size_t i = 0; i < doc->events->n; i++)
        json_array_append_new(arr, dl_event_json(doc, &doc->events->v[i]));
    json_object_set_new_nocheck(article, "events", arr);
}
