/* One file in: recognise it, check it was not imported before, then run
 * its importer inside one write transaction and record provenance. */
#include "import/kinds.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/source.h"
#include "util/clock.h"
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

/* Picks the kind whose detector is surest of the first row, which is
 * then handed to the importer again. */
static const import_kind *detect(csvr *r, err *e)
{
    csvr_row *row;
    int rc = csvr_next(r, &row, e);
    const import_kind *best = NULL;
    int best_score = 0;
    for (int i = 0; rc > 0 && import_kinds[i]; i++) {
        int score = import_kinds[i]->detect(row);
        if (score > best_score)
            best = import_kinds[i], best_score = score;
    }
    csvr_again(r);
    long long done, total;
    csvr_progress(r, &done, &total);
    if (rc == 0)
        err_at(e, csvr_name(r), 1, 0, done ? "the file holds no rows" : "the file is empty");
    if (rc > 0 && !best)
        err_at(e, csvr_name(r), 1, 0, "not a file catchment knows; name its kind "
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

/* What the importer may need while it runs (the kind, the file, who);
 * the checksum is known only at the end. */
static void fill_identity(provenance *p, const source *src, const import_kind *k,
                          const char *who)
{
    const char *path = source_name(src);
    const char *base = strrchr(path, '/');
    snprintf(p->file, sizeof p->file, "%s", base ? base + 1 : path);
    snprintf(p->kind, sizeof p->kind, "%s", k->name);
    p->imported_at = clock_now();
    snprintf(p->user, sizeof p->user, "%s", who);
}

/* The bytes parsed are the bytes hashed: the checksum is known only at
 * the end, so a file imported before is found then, and the transaction
 * dropped.  0 done, 1 already imported, -1 error. */
static int record(store *s, source *src, import_ctx *ic, import_result *out,
                  const char *expect, err *e)
{
    char sha[65];
    /* A header and nothing else is a cut-short download, not an extract
     * with no practices in it: refused rather than recorded as imported. */
    if (ic->prov->rows_read == 0)
        return err_at(e, source_name(src), ic->header_n ? 2 : 1, 0, "no rows after the header");
    if (source_finish(src, sha, e))
        return -1;
    if (*expect && strcmp(sha, expect) != 0)
        return err_set(e, "%s: the file changed while it was being read: nothing was "
                          "imported (import it again once it is complete)", source_name(src));
    provenance before;
    int found = store_provenance_find(s, sha, &before, e);
    if (found) {
        if (found > 0)
            out->prov = before;
        return found;
    }
    memcpy(ic->prov->sha256, sha, 65);
    skip_summary(ic, ic->prov);
    return store_provenance_add(s, ic->prov, e);
}

/* A kind that is not CSV, told from the file's first bytes (then read
 * again from the start), or NULL.  *k unchanged on error. */
static int sniff(source *src, const import_kind **k, err *e)
{
    char head[512];
    long n = source_read(src, head, sizeof head, e);
    if (n < 0 || source_rewind(src, e))
        return -1;
    for (int i = 0; import_kinds[i]; i++)
        if (import_kinds[i]->sniff && import_kinds[i]->sniff(head, (size_t)n) > 0)
            *k = import_kinds[i];
    return 0;
}

/* The kind named, or told from the first bytes or the first row; a CSV
 * kind gets its reader. */
static const import_kind *pick_kind(import_ctx *ic, source *src, const char *kind, err *e)
{
    const import_kind *k = NULL;
    ic->src = src;
    if (kind ? !(k = kind_by_name(kind, e)) : sniff(src, &k, e))
        return NULL;
    if (k && k->sniff)
        return k;
    if (csvr_from(&ic->r, src, e))
        return NULL;
    return k ? k : detect(ic->r, e);
}

/* One pass over the file: a write transaction around the importer. */
static int run_once(store *s, source *src, const char *kind, const char *who, import_ctx *ic,
                    import_result *out, const char *expect, err *e)
{
    provenance keep = *ic->prov;
    const import_kind *k = pick_kind(ic, src, kind, e);
    int rc = k == NULL ? -1 : store_write_begin(s, e);
    if (k && rc == 0) {
        fill_identity(ic->prov, src, k, who);
        memcpy(ic->prov->sha256, expect, 65); /* what the parse must hash to */
        rc = k->run(ic, e);
        if (rc == 0)
            rc = record(s, src, ic, out, expect, e);
        if (rc == 1) {
            store_write_abort(s);
            out->already = true;
            rc = 0;
        } else if (rc == 0) {
            rc = store_write_commit(s, e);
        } else {
            store_write_abort(s);
        }
    }
    csvr_close(ic->r);
    ic->r = NULL;
    if (rc < 0 && k && store_was_full(s)) {
        *ic->prov = keep;
        ic->nskips = ic->nnotes = 0;
        ic->placeholders = 0;
        ic->placeholder_why[0] = '\0';
        return source_rewind(src, e) ? -1 : 1; /* grow and try again */
    }
    return rc;
}

static long long max_bytes = SOURCE_MAX_BYTES;

void import_set_max_bytes(long long n) { max_bytes = n; }

/* A regular file imported before is known without parsing it: its bytes
 * are hashed first (cheap), and the parse that follows must hash to the
 * same, so what is recorded is still what was read.  1 found. */
static int seen_before(store *s, source *src, char sha[65], import_result *out, err *e)
{
    sha[0] = '\0';
    if (!source_is_file(src))
        return 0; /* a pipe is read once only: found at the end (its
                     contracts or capacity changes are audited without
                     the checksum, which its import record holds) */
    if (source_finish(src, sha, e) || source_rewind(src, e) || store_read_begin(s, e))
        return -1;
    int found = store_provenance_find(s, sha, &out->prov, e);
    store_read_end(s);
    out->already = found > 0;
    return found;
}

static int import_with(store *s, const char *path, const char *kind,
                       const struct survey_map *mapping, import_progress_fn progress,
                       void *pctx, import_result *out, err *e)
{
    source *src;
    char expect[65];
    const char *who;
    memset(out, 0, sizeof *out);
    if (who_writer(&who, e) || source_open(&src, path, max_bytes, e))
        return -1;
    import_ctx ic = {
        .s = s, .prov = &out->prov, .progress = progress, .pctx = pctx, .mapping = mapping};
    int rc = seen_before(s, src, expect, out, e), grown = 0;
    if (rc != 0) {
        source_close(src);
        return rc < 0 ? -1 : 0;
    }
    /* The map doubles each time: 20 doublings is more than any disk. */
    while ((rc = run_once(s, src, kind, who, &ic, out, expect, e)) == 1)
        if (++grown > 20 || store_grow(s, e)) {
            rc = grown > 20 ? err_set(e, "%s: the store cannot grow any further", path) : -1;
            break;
        }
    source_close(src);
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
