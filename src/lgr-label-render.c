/* lgr-label-render.c: where GtkLabel draws its text (lgr-label-render.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-label-render.h"

#include <math.h>

void
lgr_label_render_layout (GtkWidget *widget, GtkSnapshot *snapshot, PangoLayout *layout,
                         float xalign)
{
  PangoRectangle logical;
  int baseline = gtk_widget_get_allocated_baseline (widget);
  double x, y;

  if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    xalign = 1.0f - xalign;
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  x = floor (xalign * (gtk_widget_get_width (widget) - logical.width) - logical.x);
  if (baseline != -1)
    y = baseline - PANGO_PIXELS_CEIL (pango_layout_get_baseline (layout));
  else
    y = floor ((gtk_widget_get_height (widget) - logical.height) * 0.5);
  gtk_snapshot_render_layout (snapshot, gtk_widget_get_style_context (widget), x, y, layout);
}
