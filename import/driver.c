/* One file in: recognise it, check it was not imported before, then run
 * its importer inside one write transaction and record provenance. */
#include "import/kinds.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/clock.h"
#include "util/sha256.h"
#include "util/who.h"

const char *const *import_kind_names(void)
{
    static const char *names[32];
    int i = 0;
    for (; import_kinds[i] && i < 31; i++)
        names[i] = import_kinds[i]->name;
    names[i] = NULL;
    return names;
}

const char *import_kind_blurb(const char *name)
{
    for (int i = 0; import_kinds[i]; i++)
        if (strcmp(import_kinds[i]->name, name) == 0)
            return import_kinds[i]->blurb;
    return NULL;
}

/* Hashes the whole file; an empty file is refused here. */
static int file_sha256(const char *path, char out[65], err *e)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return err_set(e, "%s: %s", path, strerror(errno));
    static unsigned char buf[1 << 16];
    sha256 c;
    size_t n, total = 0;
    sha256_init(&c);
    while ((n = fread(buf, 1, sizeof buf, fp)) > 0) {
        sha256_add(&c, buf, n);
        total += n;
    }
    int bad = ferror(fp);
    fclose(fp);
    if (bad)
        return err_set(e, "%s: read error", path);
    if (total == 0)
        return err_at(e, path, 1, 0, "the file is empty");
    sha256_hex(&c, out);
    return 0;
}

/* Picks the kind whose detector is surest of the first row. */
static const import_kind *detect(const char *path, err *e)
{
    csvr *r;
    csvr_row *row;
    if (csvr_open(&r, path, e))
        return NULL;
    int rc = csvr_next(r, &row, e);
    const import_kind *best = NULL;
    int best_score = 0;
    for (int i = 0; rc > 0 && import_kinds[i]; i++) {
        int score = import_kinds[i]->detect(row);
        if (score > best_score)
            best = import_kinds[i], best_score = score;
    }
    csvr_close(r);
    if (rc == 0)
        err_at(e, path, 1, 0, "the file holds no rows");
    if (rc > 0 && !best)
        err_at(e, path, 1, 0, "not a file catchment knows; name its kind "
                              "with --kind (see catchment import --help)");
    return best;
}

static const import_kind *kind_by_name(const char *name, err *e)
{
    for (int i = 0; import_kinds[i]; i++)
        if (strcmp(import_kinds[i]->name, name) == 0)
            return import_kinds[i];
    err_set(e, "unknown kind '%s' (see catchment import --help)", name);
    return NULL;
}

/* "12 not GP practices; 3 rows in Welsh ... (kept, not located)": the
 * reasons for skips, then the notes on kept rows. */
static void skip_summary(const import_ctx *ic, provenance *p)
{
    size_t o = 0;
    p->skipped_why[0] = '\0';
    for (int i = 0; i < ic->nskips + ic->nnotes; i++) {
        bool skip = i < ic->nskips;
        long count = skip ? ic->skips[i].n : ic->notes[i - ic->nskips].n;
        const char *why = skip ? ic->skips[i].why : ic->notes[i - ic->nskips].why;
        int n = snprintf(p->skipped_why + o, sizeof p->skipped_why - o, "%s%ld %s",
                         i ? "; " : "", count, why);
        if (n < 0 || (size_t)n >= sizeof p->skipped_why - o)
            break;
        o += (size_t)n;
    }
}

/* One attempt: a write transaction around the importer. */
static int run_once(store *s, const char *path, const import_kind *k, import_ctx *ic,
                    err *e)
{
    provenance keep = *ic->prov;
    if (csvr_open(&ic->r, path, e))
        return -1;
    if (store_write_begin(s, e)) {
        csvr_close(ic->r);
        return -1;
    }
    int rc = k->run(ic, e);
    csvr_close(ic->r);
    ic->r = NULL;
    /* A header and nothing else is a cut-short download, not an extract
     * with no practices in it: refused rather than recorded as imported. */
    if (rc == 0 && ic->prov->rows_read == 0)
        rc = err_at(e, path, ic->header_n ? 2 : 1, 0, "no rows after the header");
    if (rc == 0) {
        skip_summary(ic, ic->prov);
        rc = store_provenance_add(s, ic->prov, e);
    }
    if (rc == 0)
        return store_write_commit(s, e);
    store_write_abort(s);
    if (store_was_full(s)) {
        *ic->prov = keep;
        ic->nskips = ic->nnotes = 0;
        ic->placeholders = 0;
        ic->placeholder_why[0] = '\0';
        return 1; /* grow and try again */
    }
    return -1;
}

static void fill_identity(provenance *p, const char *path, const import_kind *k,
                          const char *sha, const char *who)
{
    const char *base = strrchr(path, '/');
    snprintf(p->file, sizeof p->file, "%s", base ? base + 1 : path);
    snprintf(p->kind, sizeof p->kind, "%s", k->name);
    memcpy(p->sha256, sha, 65);
    p->imported_at = clock_now();
    snprintf(p->user, sizeof p->user, "%s", who);
}

static int import_with(store *s, const char *path, const char *kind,
                       const struct survey_map *mapping, import_progress_fn progress,
                       void *pctx, import_result *out, err *e)
{
    char sha[65];
    const char *who;
    memset(out, 0, sizeof *out);
    if (who_writer(&who, e) || file_sha256(path, sha, e))
        return -1;
    const import_kind *k = kind ? kind_by_name(kind, e) : detect(path, e);
    if (!k)
        return -1;
    if (store_read_begin(s, e))
        return -1;
    int found = store_provenance_find(s, sha, &out->prov, e);
    store_read_end(s);
    if (found < 0)
        return -1;
    if (found) {
        out->already = true;
        return 0;
    }
    fill_identity(&out->prov, path, k, sha, who);
    import_ctx ic = {
        .s = s, .prov = &out->prov, .progress = progress, .pctx = pctx, .mapping = mapping};
    int rc, grown = 0;
    /* The map doubles each time: 20 doublings is more than any disk. */
    while ((rc = run_once(s, path, k, &ic, e)) == 1)
        if (++grown > 20 || store_grow(s, e))
            return grown > 20 ? err_set(e, "%s: the store cannot grow any further", path) : -1;
    return rc;
}

int import_file(store *s, const char *path, const char *kind,
                import_progress_fn progress, void *pctx, import_result *out, err *e)
{
    if (kind && strcmp(kind, "survey") == 0)
        return err_set(e, "%s: a survey export needs its mapping file (--mapping)", path);
    return import_with(s, path, kind, NULL, progress, pctx, out, e);
}

int import_file_mapped(store *s, const char *path, const struct survey_map *mapping,
                       import_progress_fn progress, void *pctx, import_result *out, err *e)
{
    return import_with(s, path, "survey", mapping, progress, pctx, out, e);
}
