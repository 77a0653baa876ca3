/* lgr-png.h: fast PNG encoding of chart images (see lgr-png.c for why not cairo's writer).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/* A transparent ARGB32 surface whose pixels are allocated in huge pages where the system
 * allows it: a 1600x900 chart otherwise costs some 1,400 page faults, a third of an export. */
cairo_surface_t *lgr_png_image_surface_new (int width, int height);

/* Encodes an ARGB32 image surface; scale is the export scale (for the pHYs resolution).
 * The encoder filters the pixels in place: the surface's contents are spent afterwards. */
GByteArray *lgr_png_encode (cairo_surface_t *surface, double scale, GError **error);

G_END_DECLS
