#include "core/branch_whatif.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/text.h"

struct find {
    const char *code;
    branch_rec *out;
    int found;
};

static int match(const branch_rec *r, void *ctx)
{
    struct find *f = ctx;
    if (strcasecmp(r->code, f->code) != 0)
        return 0;
    *f->out = *r;
    f->found = 1;
    return 1;
}

/* A site at a postcode: located when the postcode is known. */
static int site_at(store *s, const char *postcode, branch_site *site, err *e)
{
    postcode_rec pc;
    site->lat = site->lon = NAN;
    int rc = *postcode ? store_postcode_get(s, postcode, &pc, e) : 0;
    if (rc > 0) {
        site->lat = pc.lat;
        site->lon = pc.lon;
    }
    return rc < 0 ? -1 : 0;
}

struct sites {
    store *s;
    branch_whatif *bw;
    err *e;
};

static int add_site(const branch_rec *r, void *ctx)
{
    struct sites *st = ctx;
    branch_whatif *bw = st->bw;
    if (r->close_date || bw->nsites == BRANCH_SITES)
        return 0;
    branch_site *site = &bw->sites[bw->nsites];
    if (site_at(st->s, r->postcode, site, st->e))
        return -1;
    site->closing = strcmp(r->code, bw->branch.code) == 0;
    text_copy(bw->site_code[bw->nsites++], CODE_MAX, r->code);
    return 0;
}

struct areas {
    store *s;
    branch_whatif *bw;
    disp_area *v;
    int n, cap;
    err *e;
};

static int add_area(const lsoa_reg *r, void *ctx)
{
    struct areas *ar = ctx;
    lsoa_rec l;
    if (r->patients <= 0)
        return 0;
    if (ar->n == ar->cap) {
        int nc = ar->cap ? ar->cap * 2 : 256;
        disp_area *v = realloc(ar->v, (size_t)nc * sizeof *v);
        if (!v)
            return err_set(ar->e, "out of memory");
        ar->v = v;
        ar->cap = nc;
    }
    int rc = store_lsoa_get(ar->s, r->lsoa, &l, ar->e);
    if (rc < 0)
        return -1;
    ar->v[ar->n++] = (disp_area){NULL, 0, rc ? l.lat : NAN, rc ? l.lon : NAN, r->patients, 0};
    ar->bw->modelled |= r->modelled;
    ar->bw->area_date = r->date;
    return 0;
}

static int gather(const world *w, store *s, const char *code, branch_whatif *bw,
                  struct areas *ar, err *e)
{
    struct find f = {code, &bw->branch, 0};
    if (store_branch_each(s, NULL, match, &f, e) < 0)
        return -1;
    if (!f.found)
        return err_set(e, "no branch surgery '%s' in the store (import ebranchs.csv)", code);
    bw->practice = world_find(w, bw->branch.practice);
    if (bw->practice < 0)
        return err_set(e, "branch %s: its practice %s is not in the store", code,
                       bw->branch.practice);
    if (bw->branch.close_date) {
        char d[16];
        text_date_iso(bw->branch.close_date, d, sizeof d);
        return err_set(e, "branch %s closed on %s already", code, d);
    }
    const world_practice *wp = &w->v[bw->practice];
    bw->sites[0] = (branch_site){wp->lat, wp->lon, false};
    text_copy(bw->site_code[0], CODE_MAX, wp->p.code);
    bw->nsites = 1;
    struct sites st = {s, bw, e};
    if (store_branch_each(s, wp->p.code, add_site, &st, e) < 0 ||
        store_lsoa_reg_each(s, wp->p.code, add_area, ar, e) < 0)
        return -1;
    return ar->n ? 0
                 : err_set(e, "practice %s: no practice-by-LSOA rows, so where its patients "
                              "live is unknown (import gp-reg-pat-prac-lsoa-all)", wp->p.code);
}

int branch_whatif_run(const world *w, store *s, const char *code, double reasonable_km,
                      branch_whatif *out, err *e)
{
    struct areas ar = {s, out, NULL, 0, 0, e};
    memset(out, 0, sizeof *out);
    if (store_read_begin(s, e))
        return -1;
    int rc = gather(w, s, code, out, &ar, e);
    store_read_end(s);
    if (rc == 0)
        rc = branch_close(ar.v, ar.n, out->sites, out->nsites, reasonable_km, &out->im, e);
    free(ar.v);
    return rc;
}
