/* tabari.h -- TABARI compatibility mode: a coder that follows TABARI's
 * sparse-parsing rules (Schrodt's TABARI 0.8, as its validation suite and
 * dictionary formats document them) instead of dateline's own clause
 * analysis.  It reads a TABARI project file, which names the .actors,
 * .verbs, .agents and .options files, and codes TABARI text records
 * ("YYMMDD ID" line, then the text) one at a time.  docs/compat-tabari.md
 * lists the rules implemented.
 *
 *   dl_tabari *t = dl_tabari_load("Validate.project", &err);
 *   dl_tabari_result r;
 *   dl_tabari_code(t, "950101", "Arnor will meet Gondor ...", &r);
 *   ... r.status, r.ev[0..r.n) ...
 *   dl_tabari_free(t);
 *
 * The coder keeps state from one record to the next only where TABARI
 * does: options changed by OPTION: records, and the actor forwarded to a
 * pronoun in the next record (FORWARD:).
 */
#ifndef DL_TABARI_H
#define DL_TABARI_H
#include <stdio.h>

typedef struct dl_tabari dl_tabari;

enum {
    DL_TB_NONE = 0,   /* coded, possibly zero events */
    DL_TB_COMPLEX,    /* rejected as complex (TABARI's "+++") */
    DL_TB_DISCARD,    /* discarded (TABARI's "###") */
    DL_TB_SHORT       /* fewer words than SET: MINIMUM WORDS */
};

#define DL_TB_MAXEV 64
typedef struct dl_tabari_event {
    char source[40], target[40], code[16];
    char verb[48];       /* the verb token that was coded */
    char pattern[160];   /* the pattern that matched, "" for the verb's own code */
    long date;           /* yyyymmdd, after TIME shifts */
} dl_tabari_event;

typedef struct dl_tabari_result {
    int status;               /* DL_TB_* */
    char why[160];            /* for COMPLEX/DISCARD/SHORT: the reason */
    int n;
    dl_tabari_event ev[DL_TB_MAXEV];
} dl_tabari_result;

/* Load a project file; the dictionary and options files it names are
 * read relative to its directory.  NULL with *err (malloc'd) on failure. */
dl_tabari *dl_tabari_load(const char *project, char **err);
void dl_tabari_free(dl_tabari *t);
/* The project's <textfile>, resolved, or NULL. */
const char *dl_tabari_textfile(const dl_tabari *t);

/* Code one record.  date: the record's date field as written (YYMMDD, or
 * YYYYMMDD after SET: YYYY = TRUE). */
void dl_tabari_code(dl_tabari *t, const char *date, const char *text, dl_tabari_result *r);

/* Apply one options line ("COMPLEX: ...", "SET: ...", "DEFAULT: ...",
 * "COMMA: ...", "FORWARD: ..."), as TABARI does for the .options file and
 * for OPTION: records.  Returns 0, or -1 for a line it does not know. */
int dl_tabari_option(dl_tabari *t, const char *line);

/* TABARI text files: records are a header line "DATE ID [more]" starting
 * in column 0 with a digit, then text lines; a slash-star comment ends the
 * text (the suite's expectations live there).  Reads the next record;
 * returns 1, or 0 at end of file.  The strings stay valid until the next
 * call; dl_tabari_record_free releases them. */
typedef struct dl_tabari_record {
    char date[16], id[64];
    char *text;      /* the text before the first comment */
    char *comment;   /* everything after the text, comments included */
    long line;       /* line number of the header */
    char *pend_;     /* internal: the next record's header line */
    long lineno_;
} dl_tabari_record;
int dl_tabari_read_record(FILE *f, dl_tabari_record *r);
/* Apply the "{ OPTION: ... }" lines of a record's comment, as TABARI does
 * in its validation runs; returns how many there were (such a record is
 * not coded). */
int dl_tabari_record_options(dl_tabari *t, const char *comment);

/* `dateline code --tabari`: code every record of the files (the project's
 * <textfile> when n == 0; "-" is stdin) and write one JSON object per
 * record to out: {"id", "date", "status", "why"?, "events": [{"source":
 * {"code"}, "target": {"code"}, "cameo", "root", "date", "verb",
 * "pattern": {"text"}}]}.  Adds to *records and *events.  Returns 0, 1 if
 * a file could not be read (reported on stderr), 2 if there is no file. */
int dl_tabari_code_files(dl_tabari *t, char **files, int n, FILE *out, long *records, long *events);
void dl_tabari_record_free(dl_tabari_record *r);

#endif
