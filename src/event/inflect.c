/* inflect.c -- regular English verb inflection plus an irregular table. */
#include "inflect.h"
#include <string.h>
#include <stdio.h>

/* lemma, past, participle.  The verbs of political news and their
 * compounds; forms are facts of English. */
static const char *const irregular[][3] = {
    {"arise", "arose", "arisen"}, {"awake", "awoke", "awoken"}, {"be", "was", "been"},
    {"bear", "bore", "borne"}, {"beat", "beat", "beaten"}, {"become", "became", "become"},
    {"begin", "began", "begun"}, {"bend", "bent", "bent"}, {"bid", "bid", "bid"},
    {"bind", "bound", "bound"}, {"bite", "bit", "bitten"}, {"bleed", "bled", "bled"},
    {"blow", "blew", "blown"}, {"break", "broke", "broken"}, {"bring", "brought", "brought"},
    {"broadcast", "broadcast", "broadcast"}, {"build", "built", "built"},
    {"burn", "burned", "burnt"}, {"burst", "burst", "burst"}, {"buy", "bought", "bought"},
    {"cast", "cast", "cast"}, {"catch", "caught", "caught"}, {"choose", "chose", "chosen"},
    {"come", "came", "come"}, {"cost", "cost", "cost"}, {"cut", "cut", "cut"},
    {"deal", "dealt", "dealt"}, {"dig", "dug", "dug"}, {"do", "did", "done"},
    {"draw", "drew", "drawn"}, {"drive", "drove", "driven"}, {"eat", "ate", "eaten"},
    {"fall", "fell", "fallen"}, {"feed", "fed", "fed"}, {"feel", "felt", "felt"},
    {"fight", "fought", "fought"}, {"find", "found", "found"}, {"flee", "fled", "fled"},
    {"fly", "flew", "flown"}, {"forbid", "forbade", "forbidden"},
    {"forecast", "forecast", "forecast"}, {"foresee", "foresaw", "foreseen"},
    {"forgive", "forgave", "forgiven"}, {"freeze", "froze", "frozen"}, {"get", "got", "gotten"},
    {"give", "gave", "given"}, {"go", "went", "gone"}, {"grind", "ground", "ground"},
    {"grow", "grew", "grown"}, {"hang", "hanged", "hung"}, {"have", "had", "had"},
    {"hear", "heard", "heard"}, {"hide", "hid", "hidden"}, {"hit", "hit", "hit"},
    {"hold", "held", "held"}, {"hurt", "hurt", "hurt"}, {"keep", "kept", "kept"},
    {"know", "knew", "known"}, {"lay", "laid", "laid"}, {"lead", "led", "led"},
    {"leave", "left", "left"}, {"lend", "lent", "lent"}, {"let", "let", "let"},
    {"light", "lit", "lit"}, {"lose", "lost", "lost"}, {"make", "made", "made"},
    {"mean", "meant", "meant"}, {"meet", "met", "met"}, {"mislead", "misled", "misled"},
    {"offset", "offset", "offset"}, {"outbid", "outbid", "outbid"},
    {"overcome", "overcame", "overcome"}, {"override", "overrode", "overridden"},
    {"overrun", "overran", "overrun"}, {"oversee", "oversaw", "overseen"},
    {"overtake", "overtook", "overtaken"}, {"overthrow", "overthrew", "overthrown"},
    {"pay", "paid", "paid"}, {"put", "put", "put"}, {"quit", "quit", "quit"},
    {"read", "read", "read"}, {"rebuild", "rebuilt", "rebuilt"}, {"reset", "reset", "reset"},
    {"retake", "retook", "retaken"}, {"rethink", "rethought", "rethought"},
    {"ride", "rode", "ridden"}, {"ring", "rang", "rung"}, {"rise", "rose", "risen"},
    {"run", "ran", "run"}, {"say", "said", "said"}, {"see", "saw", "seen"},
    {"seek", "sought", "sought"}, {"sell", "sold", "sold"}, {"send", "sent", "sent"},
    {"set", "set", "set"}, {"shake", "shook", "shaken"}, {"shed", "shed", "shed"},
    {"shoot", "shot", "shot"}, {"show", "showed", "shown"}, {"shut", "shut", "shut"},
    {"sink", "sank", "sunk"}, {"sit", "sat", "sat"}, {"slay", "slew", "slain"},
    {"speak", "spoke", "spoken"}, {"spend", "spent", "spent"}, {"split", "split", "split"},
    {"spread", "spread", "spread"}, {"stand", "stood", "stood"}, {"steal", "stole", "stolen"},
    {"stick", "stuck", "stuck"}, {"strike", "struck", "struck"}, {"strive", "strove", "striven"},
    {"swear", "swore", "sworn"}, {"sweep", "swept", "swept"}, {"take", "took", "taken"},
    {"teach", "taught", "taught"}, {"tear", "tore", "torn"}, {"tell", "told", "told"},
    {"think", "thought", "thought"}, {"throw", "threw", "thrown"},
    {"undergo", "underwent", "undergone"}, {"understand", "understood", "understood"},
    {"undertake", "undertook", "undertaken"}, {"undo", "undid", "undone"},
    {"uphold", "upheld", "upheld"}, {"upset", "upset", "upset"}, {"wage", "waged", "waged"},
    {"wake", "woke", "woken"}, {"wear", "wore", "worn"}, {"win", "won", "won"},
    {"withdraw", "withdrew", "withdrawn"}, {"withhold", "withheld", "withheld"},
    {"withstand", "withstood", "withstood"}, {"write", "wrote", "written"},
    {"outlaw", "outlawed", "outlawed"}, {"forgo", "forwent", "forgone"},
    {"mistake", "mistook", "mistaken"}, {"lie", "lay", "lain"}, {"spit", "spat", "spat"},
    {"sling", "slung", "slung"}, {"stride", "strode", "stridden"}, {"swing", "swung", "swung"},
    {"weep", "wept", "wept"}, {"wind", "wound", "wound"}, {"behold", "beheld", "beheld"},
    {"overhear", "overheard", "overheard"}, {"sell off", "sold off", "sold off"},
};

/* Two-syllable verbs stressed on the last syllable double their final
 * consonant (expelled, committed); one-syllable CVC verbs always do. */
static const char *const doubling[] = {
    "admit", "commit", "compel", "expel", "propel", "repel", "control", "patrol",
    "rebel", "regret", "transfer", "refer", "prefer", "confer", "deter", "defer",
    "acquit", "omit", "submit", "permit", "equip", "kidnap", "occur", "incur",
    "recur", "emit", "transmit", "remit", "outstrip", "embed", "abet", "annul",
    "dispel", "excel", "forbid", "begin", "upset", "allot", "instil", "format",
    "unplug", "unban", "worship", "handicap", "concur", "teargas", NULL
};

static int is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

static int syllables(const char *s)
{
    int n = 0, prev = 0;
    for (; *s; s++) {
        int v = is_vowel(*s) || (*s == 'y' && n > 0);
        if (v && !prev)
            n++;
        prev = v;
    }
    return n;
}

static int doubles(const char *w, size_t n)
{
    for (int i = 0; doubling[i]; i++)
        if (strcmp(doubling[i], w) == 0)
            return 1;
    if (n < 3)
        return 0;
    char a = w[n - 3], b = w[n - 2], c = w[n - 1];
    if (is_vowel(a) || !is_vowel(b) || is_vowel(c) || c == 'w' || c == 'x' || c == 'y')
        return 0;
    /* "qu" counts as a consonant: quit -> quitting */
    if (n >= 4 && w[n - 4] == 'q' && a == 'u')
        return 1;
    if (n >= 4 && is_vowel(w[n - 4]))
        return 0;          /* treat, speak: vowel pair */
    return syllables(w) == 1;
}

int dl_vform_index(int bit)
{
    int i = 0;
    while (bit > 1) {
        bit >>= 1;
        i++;
    }
    return i;
}

int dl_inflect(const char *lemma, dl_verb_forms *f)
{
    size_t n = strlen(lemma);
    memset(f, 0, sizeof *f);
    if (n == 0 || n >= 40)
        return -1;
    char *base = f->form[0], *s3 = f->form[1], *past = f->form[2], *pp = f->form[3], *ing = f->form[4];
    memcpy(base, lemma, n + 1);
    char last = lemma[n - 1], prev = n > 1 ? lemma[n - 2] : 0;
    /* third person singular */
    if (last == 's' || last == 'x' || last == 'z' || (last == 'h' && (prev == 'c' || prev == 's'))
        || (last == 'o' && !is_vowel(prev)))
        snprintf(s3, 48, "%ses", lemma);
    else if (last == 'y' && !is_vowel(prev))
        snprintf(s3, 48, "%.*sies", (int)n - 1, lemma);
    else
        snprintf(s3, 48, "%ss", lemma);
    if (strcmp(lemma, "have") == 0)
        snprintf(s3, 48, "has");
    if (strcmp(lemma, "be") == 0)
        snprintf(s3, 48, "is");
    /* past and participle */
    int dbl = doubles(lemma, n);
    if (last == 'e')
        snprintf(past, 48, "%sd", lemma);
    else if (last == 'y' && !is_vowel(prev))
        snprintf(past, 48, "%.*sied", (int)n - 1, lemma);
    else if (dbl)
        snprintf(past, 48, "%s%ced", lemma, last);
    else if (last == 'c')
        snprintf(past, 48, "%sked", lemma);      /* panic -> panicked */
    else
        snprintf(past, 48, "%sed", lemma);
    memcpy(pp, past, 48);
    /* present participle */
    if (n >= 2 && last == 'e' && prev == 'i')
        snprintf(ing, 48, "%.*sying", (int)n - 2, lemma);
    else if (last == 'e' && n > 2 && prev != 'e' && prev != 'o' && prev != 'y')
        snprintf(ing, 48, "%.*sing", (int)n - 1, lemma);
    else if (dbl)
        snprintf(ing, 48, "%s%cing", lemma, last);
    else if (last == 'c')
        snprintf(ing, 48, "%sking", lemma);
    else
        snprintf(ing, 48, "%sing", lemma);
    /* irregular past/participle; compounds ("re" + verb) follow the verb */
    for (size_t i = 0; i < sizeof irregular / sizeof irregular[0]; i++) {
        const char *l = irregular[i][0];
        size_t ln = strlen(l);
        if (ln > n || strcmp(lemma + n - ln, l) != 0)
            continue;
        size_t pre = n - ln;
        if (pre > 0 && !(pre == 2 && strncmp(lemma, "re", 2) == 0)
            && !(pre == 3 && strncmp(lemma, "mis", 3) == 0)
            && !(pre == 2 && strncmp(lemma, "un", 2) == 0)
            && !(pre == 5 && (strncmp(lemma, "under", 5) == 0 || strncmp(lemma, "over", 4) == 0))
            && !(pre == 4 && strncmp(lemma, "over", 4) == 0))
            continue;
        snprintf(past, 48, "%.*s%s", (int)pre, lemma, irregular[i][1]);
        snprintf(pp, 48, "%.*s%s", (int)pre, lemma, irregular[i][2]);
        break;
    }
    return 0;
}
