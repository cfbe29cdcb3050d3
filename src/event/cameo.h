/* cameo.h -- the CAMEO event code table (dict/cameo.tsv): for each of the
 * 316 codes its root, our label, Goldstein value, quad class and PLOVER
 * type/mode, plus the code-to-code maps that clause analysis needs: what an
 * act becomes when it is only promised (03x), threatened (13x) or refused
 * (12x).  Those maps are written here as read-only tables because they follow
 * the codebook's structure (03x mirrors 04x-08x, 12x mirrors 02x-08x, 13x
 * mirrors 14x-20x), not anyone's dictionary.
 */
#ifndef DL_EVENT_CAMEO_H
#define DL_EVENT_CAMEO_H
#include <stddef.h>

typedef struct dl_cameo {
    char code[5];          /* "1661" */
    char root[3];          /* "16" */
    char *name;            /* our label */
    double goldstein;
    int has_goldstein;     /* 0 for the five codes with no value */
    int quad;              /* 1..4 */
    char *plover_type;     /* "" when unmapped */
    char *plover_mode;     /* "" when none */
} dl_cameo;

typedef struct dl_cameo_table {
    dl_cameo *v;
    size_t n;
} dl_cameo_table;

/* Load path (tab-separated, '#' comments, a header line).  Returns 0, or -1
 * with *err = "path:line: message" (malloc'd). */
int dl_cameo_load(dl_cameo_table *t, const char *path, char **err);
void dl_cameo_free(dl_cameo_table *t);
/* The entry for a code ("1661"), or NULL. */
const dl_cameo *dl_cameo_find(const dl_cameo_table *t, const char *code);

/* Code transformations by modality; each returns a code string (static) or
 * NULL when CAMEO has no such code (then the act is not coded). */
const char *dl_cameo_as_intent(const char *code);   /* 04x-08x -> 03x */
const char *dl_cameo_as_threat(const char *code);   /* 14x-20x, 16x -> 13x */
const char *dl_cameo_as_refusal(const char *code);  /* 02x-08x -> 12x */

#endif
