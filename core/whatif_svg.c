#include "core/whatif_svg.h"

#include "engine/map.h"
#include "util/text.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { SVG_W = 960, SVG_MAP_H = 640, SVG_LEGEND_H = 250, SVG_MARGIN = 24, TOP_RECEIVERS = 8 };

static const char *const palette[TOP_RECEIVERS] = {
    "#1f77b4", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#393b79"};
static const char OTHERS[] = "#999999", CLOSING[] = "#d62728", UNPLACED[] = "#ffffff";

const char *whatif_svg_colour(int k) { return k >= 0 && k < TOP_RECEIVERS ? palette[k] : OTHERS; }

/* Text from the data, safe inside an SVG element: controls shown as
 * \xHH (text_escape), then the five XML specials as entities. */
static void put_text(FILE *fp, const char *s)
{
    char vis[4 * NAME_MAX];
    text_escape(s, vis, sizeof vis);
    for (const char *p = vis; *p; p++) {
        switch (*p) {
        case '&': fputs("&amp;", fp); break;
        case '<': fputs("&lt;", fp); break;
        case '>': fputs("&gt;", fp); break;
        case '"': fputs("&quot;", fp); break;
        case '\'': fputs("&apos;", fp); break;
        default: fputc(*p, fp);
        }
    }
}

/* Pixels from km: the map's frame. */
typedef struct frame {
    map_proj proj;
    double px_per_km, cx, cy;
} frame;

static void to_px(const frame *f, double lat, double lon, double *x, double *y)
{
    double kx, ky;
    map_project(&f->proj, lat, lon, &kx, &ky);
    *x = f->cx + kx * f->px_per_km;
    *y = f->cy - ky * f->px_per_km;
}

/* Fits the areas, the closing practices and the receivers. */
static int fit(const world *w, const whatif *wf, frame *f, err *e)
{
    int n = wf->na + wf->nclosing + wf->im.nreceivers, k = 0;
    double *lat = calloc((size_t)n + 1, sizeof *lat), *lon = calloc((size_t)n + 1, sizeof *lon);
    if (!lat || !lon) {
        free(lat);
        free(lon);
        return err_set(e, "out of memory");
    }
    for (int i = 0; i < wf->na; i++, k++)
        lat[k] = wf->a[i].lat, lon[k] = wf->a[i].lon;
    for (int i = 0; i < wf->nclosing; i++, k++)
        lat[k] = w->v[wf->closing[i]].lat, lon[k] = w->v[wf->closing[i]].lon;
    for (int i = 0; i < wf->im.nreceivers; i++, k++)
        lat[k] = w->v[wf->im.receivers[i].practice].lat,
        lon[k] = w->v[wf->im.receivers[i].practice].lon;
    map_view v;
    bool ok = map_view_fit(&v, lat, lon, n, 2, 2);
    double lo_x = INFINITY, hi_x = -INFINITY, lo_y = INFINITY, hi_y = -INFINITY;
    for (int i = 0; ok && i < n; i++) {
        double x, y;
        if (isnan(lat[i]) || isnan(lon[i]))
            continue;
        map_project(&v.proj, lat[i], lon[i], &x, &y);
        lo_x = fmin(lo_x, x), hi_x = fmax(hi_x, x), lo_y = fmin(lo_y, y), hi_y = fmax(hi_y, y);
    }
    free(lat);
    free(lon);
    if (!ok)
        return err_set(e, "nothing in this what-if has a known location to map");
    f->proj = v.proj;
    double span_x = fmax(hi_x - lo_x, 1), span_y = fmax(hi_y - lo_y, 1);
    /* Below the title, above the scale bar. */
    f->px_per_km = fmin((SVG_W - 2.0 * SVG_MARGIN) / span_x, (SVG_MAP_H - 4.0 * SVG_MARGIN) / span_y);
    f->cx = SVG_W / 2.0 - (lo_x + hi_x) / 2 * f->px_per_km;
    f->cy = SVG_MAP_H / 2.0 + (lo_y + hi_y) / 2 * f->px_per_km;
    return 0;
}

/* Rank of a practice among the receivers (largest gain first), -1 none. */
static int receiver_rank(const whatif *wf, int pi)
{
    for (int i = 0; i < wf->im.nreceivers; i++)
        if (wf->im.receivers[i].practice == pi)
            return i;
    return -1;
}

static long largest_flow(const whatif *wf)
{
    long most = 1;
    for (int i = 0; i < wf->res.nflows; i++)
        if (wf->res.flows[i].patients > most)
            most = wf->res.flows[i].patients;
    return most;
}

static void draw_flows(FILE *fp, const world *w, const whatif *wf, const frame *f)
{
    double most = (double)largest_flow(wf);
    fputs("<g id=\"flows\" stroke-linecap=\"round\" stroke-opacity=\"0.55\">\n", fp);
    for (int i = 0; i < wf->res.nflows; i++) {
        const disp_flow *fl = &wf->res.flows[i];
        const disp_area *a = &wf->a[fl->area];
        if (fl->to < 0 || fl->patients <= 0 || isnan(a->lat) || isnan(w->v[fl->to].lat))
            continue;
        double x0, y0, x1, y1;
        to_px(f, a->lat, a->lon, &x0, &y0);
        to_px(f, w->v[fl->to].lat, w->v[fl->to].lon, &x1, &y1);
        fprintf(fp, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
                    "stroke-width=\"%.2f\"/>\n",
                x0, y0, x1, y1, whatif_svg_colour(receiver_rank(wf, fl->to)),
                0.6 + 5.0 * sqrt(fl->patients / most));
    }
    fputs("</g>\n", fp);
}

static bool box_outside(const frame *f, const boundary_line *l)
{
    double x0, y0, x1, y1;
    to_px(f, l->lo_lat, l->lo_lon, &x0, &y0); /* y grows down: y0 is the bottom */
    to_px(f, l->hi_lat, l->hi_lon, &x1, &y1);
    return x1 < 0 || x0 > SVG_W || y0 < 0 || y1 > SVG_MAP_H;
}

static void end_polyline(FILE *fp, const boundary_line *l)
{
    char label[NAME_MAX + CODE_MAX + 4];
    snprintf(label, sizeof label, "%s (%s)", l->name, l->code);
    fputs("\"><title>", fp);
    put_text(fp, label);
    fputs("</title></polyline>\n", fp);
}

/* One stored line as polylines of its parts inside the map: a part
 * ends where the line leaves the map, another starts where it comes
 * back.  Returns how many were written. */
static int draw_line(FILE *fp, const boundary_set *b, const boundary_line *l, const frame *f)
{
    bool open = false;
    int written = 0;
    const double *lat = b->lat + l->first, *lon = b->lon + l->first;
    for (int k = 1; k < l->n; k++) {
        double x0, y0, x1, y1, ex, ey;
        to_px(f, lat[k - 1], lon[k - 1], &x0, &y0);
        to_px(f, lat[k], lon[k], &ex, &ey);
        x1 = ex, y1 = ey;
        if (!map_clip(&x0, &y0, &x1, &y1, SVG_W, SVG_MAP_H)) {
            if (open)
                end_polyline(fp, l);
            open = false;
            continue;
        }
        if (!open)
            fprintf(fp, "<polyline points=\"%.1f,%.1f", x0, y0);
        written += !open;
        open = true;
        fprintf(fp, " %.1f,%.1f", x1, y1);
        if (x1 != ex || y1 != ey) {
            end_polyline(fp, l);
            open = false;
        }
    }
    if (open)
        end_polyline(fp, l);
    return written;
}

/* The imported outlines, dashed, under everything else. */
static int draw_boundaries(FILE *fp, const boundary_set *b, const frame *f)
{
    int drawn = 0;
    if (!b || b->n == 0)
        return 0;
    fputs("<g id=\"boundaries\" fill=\"none\" stroke=\"#555555\" stroke-width=\"1.2\" "
          "stroke-dasharray=\"6 3\" stroke-linejoin=\"round\">\n", fp);
    for (int i = 0; i < b->n; i++)
        if (!box_outside(f, &b->v[i]))
            drawn += draw_line(fp, b, &b->v[i], f);
    fputs("</g>\n", fp);
    return drawn;
}

/* An area's colour: that of the receiver taking most of its patients, or
 * white with a dashed ring when most of them are unplaced. */
static void draw_areas(FILE *fp, const whatif *wf, const frame *f)
{
    long most = 1;
    for (int i = 0; i < wf->na; i++)
        if (wf->a[i].patients > most)
            most = wf->a[i].patients;
    fputs("<g id=\"areas\" stroke=\"#333333\" stroke-width=\"0.6\">\n", fp);
    for (int i = 0; i < wf->na; i++) {
        const disp_area *a = &wf->a[i];
        long best = -1;
        int to = -1;
        for (int k = 0; k < wf->res.nflows; k++)
            if (wf->res.flows[k].area == i && wf->res.flows[k].patients > best)
                best = wf->res.flows[k].patients, to = wf->res.flows[k].to;
        if (isnan(a->lat) || a->patients <= 0)
            continue;
        double x, y;
        to_px(f, a->lat, a->lon, &x, &y);
        fprintf(fp, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\"%s/>\n", x, y,
                2.0 + 7.0 * sqrt((double)a->patients / (double)most),
                to < 0 ? UNPLACED : whatif_svg_colour(receiver_rank(wf, to)),
                to < 0 ? " stroke-dasharray=\"2 1.5\" stroke-width=\"1.2\"" : "");
    }
    fputs("</g>\n", fp);
}

static void label(FILE *fp, double x, double y, const char *code, const char *weight)
{
    fprintf(fp, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" font-weight=\"%s\">", x + 8, y - 6,
            weight);
    put_text(fp, code);
    fputs("</text>\n", fp);
}

static void draw_practices(FILE *fp, const world *w, const whatif *wf, const frame *f)
{
    fputs("<g id=\"practices\" font-family=\"sans-serif\">\n", fp);
    for (int i = 0; i < wf->im.nreceivers; i++) {
        const impact_receiver *r = &wf->im.receivers[i];
        const world_practice *p = &w->v[r->practice];
        double x, y;
        if (isnan(p->lat))
            continue;
        to_px(f, p->lat, p->lon, &x, &y);
        bool full = !r->over_capacity && r->list_after >= r->capacity;
        fprintf(fp, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5.5\" fill=\"%s\" stroke=\"%s\" "
                    "stroke-width=\"%s\"/>\n",
                x, y, whatif_svg_colour(i), r->over_capacity ? CLOSING : full ? "#ff7f0e" : "#000000",
                r->over_capacity || full ? "3" : "1");
        if (i < TOP_RECEIVERS || r->over_capacity)
            label(fp, x, y, p->p.code, "normal");
    }
    for (int i = 0; i < wf->nclosing; i++) {
        const world_practice *p = &w->v[wf->closing[i]];
        double x, y;
        if (isnan(p->lat))
            continue;
        to_px(f, p->lat, p->lon, &x, &y);
        fprintf(fp, "<rect x=\"%.1f\" y=\"%.1f\" width=\"12\" height=\"12\" fill=\"%s\" "
                    "stroke=\"#000000\"/>\n",
                x - 6, y - 6, CLOSING);
        label(fp, x, y, p->p.code, "bold");
    }
    fputs("</g>\n", fp);
}

static void draw_scale(FILE *fp, const frame *f)
{
    map_view v = {.km_per_dot = 1.0 / f->px_per_km, .cols = 1, .rows = 1};
    int px;
    double km = map_scale_km(&v, 200, &px); /* one "cell" is two pixels here */
    px *= 2;
    double y = SVG_MAP_H - 12;
    fprintf(fp, "<g id=\"scale\" font-family=\"sans-serif\" font-size=\"11\">\n"
                "<rect x=\"%d\" y=\"%.0f\" width=\"%d\" height=\"4\" fill=\"#000000\"/>\n"
                "<text x=\"%d\" y=\"%.0f\">%g km</text>\n</g>\n",
            SVG_MARGIN, y, px, SVG_MARGIN + px + 6, y + 5, km);
}

static bool any_modelled(const whatif *wf)
{
    for (int i = 0; i < wf->nclosing; i++)
        if (wf->area_source[i] == AREAS_MODELLED)
            return true;
    return false;
}

static void legend_row(FILE *fp, int x, int y, const char *shape, const char *text)
{
    fprintf(fp, "%s<text x=\"%d\" y=\"%d\">", shape, x + 18, y + 4);
    put_text(fp, text);
    fputs("</text>\n", fp);
}

static void draw_legend(FILE *fp, const world *w, const whatif *wf, const boundary_set *b,
                        bool bounds_drawn)
{
    int y0 = SVG_MAP_H + 20, x = SVG_MARGIN;
    char shape[256], text[NAME_MAX + 64];
    fprintf(fp, "<g id=\"legend\" font-family=\"sans-serif\" font-size=\"11\">\n"
                "<line x1=\"0\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#cccccc\"/>\n",
            SVG_MAP_H, SVG_W, SVG_MAP_H);
    snprintf(shape, sizeof shape, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\" stroke=\"#000000\"/>", x, y0 - 5, CLOSING);
    legend_row(fp, x, y0, shape, "closing practice");
    snprintf(shape, sizeof shape, "<circle cx=\"%d\" cy=\"%d\" r=\"5\" fill=\"#dddddd\" stroke=\"%s\" stroke-width=\"3\"/>", x + 5, y0 + 18, CLOSING);
    legend_row(fp, x, y0 + 18, shape, "receiver over capacity");
    snprintf(shape, sizeof shape, "<circle cx=\"%d\" cy=\"%d\" r=\"5\" fill=\"#dddddd\" stroke=\"#ff7f0e\" stroke-width=\"3\"/>", x + 5, y0 + 36);
    legend_row(fp, x, y0 + 36, shape, "receiver filled to capacity");
    snprintf(shape, sizeof shape, "<circle cx=\"%d\" cy=\"%d\" r=\"5\" fill=\"%s\" stroke=\"#333333\" stroke-dasharray=\"2 1.5\"/>", x + 5, y0 + 54, UNPLACED);
    legend_row(fp, x, y0 + 54, shape, "area whose patients are mostly unplaced");
    snprintf(shape, sizeof shape, "<circle cx=\"%d\" cy=\"%d\" r=\"4\" fill=\"%s\" stroke=\"#333333\"/>", x + 5, y0 + 72, OTHERS);
    legend_row(fp, x, y0 + 72, shape,
               "area of the closing practices' patients (size: patients; colour: where most go)");
    snprintf(shape, sizeof shape, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"3\"/>", x, y0 + 90, x + 12, y0 + 90, OTHERS);
    legend_row(fp, x, y0 + 90, shape, "patients moving from an area to a receiver (width: patients)");
    for (int i = 0; i < wf->nclosing && i < 3; i++) {
        const world_practice *p = &w->v[wf->closing[i]];
        snprintf(text, sizeof text, "closing: %s %s", p->p.code, p->p.name);
        legend_row(fp, x, y0 + 112 + 16 * i, "", text);
    }
    if (wf->nclosing > 3) {
        snprintf(text, sizeof text, "and %d more closing practices", wf->nclosing - 3);
        legend_row(fp, x, y0 + 112 + 48, "", text);
    }
    x = SVG_W / 2 + 20;
    for (int i = 0; i < wf->im.nreceivers && i < TOP_RECEIVERS; i++) {
        const impact_receiver *r = &wf->im.receivers[i];
        int y = y0 + 18 * i;
        snprintf(shape, sizeof shape, "<circle cx=\"%d\" cy=\"%d\" r=\"5\" fill=\"%s\"/>", x + 5, y, palette[i]);
        snprintf(text, sizeof text, "%s %s +%ld%s", w->v[r->practice].p.code,
                 w->v[r->practice].p.name, r->gain, r->over_capacity ? " (over capacity)" : "");
        legend_row(fp, x, y, shape, text);
    }
    if (wf->im.nreceivers > TOP_RECEIVERS) {
        snprintf(shape, sizeof shape, "<circle cx=\"%d\" cy=\"%d\" r=\"5\" fill=\"%s\"/>", x + 5, y0 + 18 * TOP_RECEIVERS, OTHERS);
        snprintf(text, sizeof text, "%d other receivers", wf->im.nreceivers - TOP_RECEIVERS);
        legend_row(fp, x, y0 + 18 * TOP_RECEIVERS, shape, text);
    }
    if (bounds_drawn) {
        int y = y0 + 18 * (TOP_RECEIVERS + 1);
        snprintf(shape, sizeof shape, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#555555\" stroke-width=\"1.2\" stroke-dasharray=\"6 3\"/>", x, y, x + 12, y);
        char kinds[sizeof b->kinds + 16];
        snprintf(kinds, sizeof kinds, "boundaries: %s", b->kinds);
        legend_row(fp, x, y, shape, kinds);
    }
    fputs("</g>\n", fp);
}

static void draw_notes(FILE *fp, const world *w, const whatif *wf)
{
    int y = SVG_MAP_H + SVG_LEGEND_H - 40;
    char ill[200];
    fputs("<g id=\"notes\" font-family=\"sans-serif\" font-size=\"9\" fill=\"#444444\">\n", fp);
    if (any_modelled(wf))
        fprintf(fp, "<text x=\"%d\" y=\"%d\" font-size=\"11\" font-weight=\"bold\" fill=\"%s\">"
                    "MODELLED: where patients live is the demo's gravity-model stand-in, not NHS "
                    "data</text>\n",
                SVG_MARGIN, y - 14, CLOSING);
    /* Full and over-capacity marks rest on these capacities. */
    if (whatif_illustrative_codes(w, wf, ill, sizeof ill)) {
        fprintf(fp, "<text x=\"%d\" y=\"%d\" font-size=\"11\" font-weight=\"bold\" fill=\"%s\">"
                    "ILLUSTRATIVE: the capacity of ", SVG_MARGIN, y - 28, CLOSING);
        put_text(fp, ill);
        fputs(" rests on made-up figures, not real ones</text>\n", fp);
    }
    fprintf(fp, "<text x=\"%d\" y=\"%d\">Projection: equirectangular, scaled by the cosine of "
                "the centre latitude. Areas are drawn at their population-weighted centroids.</text>\n"
                "<text x=\"%d\" y=\"%d\">Contains public sector information licensed under the "
                "Open Government Licence v3.0. Source: Office for National Statistics.</text>\n"
                "<text x=\"%d\" y=\"%d\">Contains OS data &#169; Crown copyright and database "
                "right. Contains Royal Mail data &#169; Royal Mail copyright and database right."
                "</text>\n</g>\n",
            SVG_MARGIN, y, SVG_MARGIN, y + 12, SVG_MARGIN, y + 24);
}

/* The title on the map itself: a picture pasted alone still says what it is. */
static void draw_title(FILE *fp, const whatif *wf)
{
    fprintf(fp, "<text x=\"%d\" y=\"%d\" font-family=\"sans-serif\" font-size=\"15\" "
                "font-weight=\"bold\">Closure what-if: ",
            SVG_MARGIN, SVG_MARGIN);
    put_text(fp, wf->name);
    char d[16];
    fprintf(fp, " (policy %s, max %.1f %s), as at %s</text>\n", config_policy_name(wf->policy),
            wf->max_km, wf->unit, text_date_or_dash(wf->as_at, d, sizeof d));
}

int whatif_svg(FILE *fp, const world *w, const whatif *wf, const boundary_set *bounds, err *e)
{
    frame f;
    if (fit(w, wf, &f, e))
        return -1;
    fprintf(fp, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                "viewBox=\"0 0 %d %d\">\n<title>",
            SVG_W, SVG_MAP_H + SVG_LEGEND_H, SVG_W, SVG_MAP_H + SVG_LEGEND_H);
    put_text(fp, wf->name);
    fprintf(fp, " (policy %s)</title>\n<rect width=\"100%%\" height=\"100%%\" fill=\"#ffffff\"/>\n",
            config_policy_name(wf->policy));
    int drawn = draw_boundaries(fp, bounds, &f);
    draw_title(fp, wf);
    draw_flows(fp, w, wf, &f);
    draw_areas(fp, wf, &f);
    draw_practices(fp, w, wf, &f);
    draw_scale(fp, &f);
    draw_legend(fp, w, wf, bounds, drawn > 0);
    draw_notes(fp, w, wf);
    fputs("</svg>\n", fp);
    return 0;
}
