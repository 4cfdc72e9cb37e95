/* The map of a what-if as an SVG for a board paper: the closing
 * practices' patients by area, a line from each area to where they go
 * (as wide as the patients it carries), the practices, a legend, a scale
 * bar and the data's attribution, over the boundaries imported.  The
 * projection is engine/map.h's. */
#ifndef CATCHMENT_WHATIF_SVG_H
#define CATCHMENT_WHATIF_SVG_H

#include <stdio.h>

#include "core/boundaries.h"
#include "core/whatif.h"

/* Writes the SVG to fp, with the imported boundary outlines (bounds may
 * be NULL or empty: none) drawn where they cross the map; returns 0, or
 * -1 with e set when nothing in the what-if has a location. */
int whatif_svg(FILE *fp, const world *w, const whatif *wf, const boundary_set *bounds, err *e);

/* The colour of the k-th receiver (largest gain first) on the map and in
 * its legend; receivers past the palette share a grey. */
const char *whatif_svg_colour(int k);

#endif
