/* lgr-chart-legend.c: the legend, flowed into rows above the plot so it never covers data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-chart-private.h"

#include <glib/gi18n-lib.h>

static double
swatch_width (const LgrChartLayout *layout, const LgrLegendEntry *e)
{
  return (e->type == LGR_SERIES_LINE ? 28 : 13) * layout->unit;
}

void
lgr_chart_legend_layout (LgrChartLayout *layout, double x, double y, double width,
                         double max_height, double *height)
{
  double u = layout->unit;
  GArray *entries = layout->data->legend;
  double lh = lgr_chart_text_line_height (&layout->text, LGR_TEXT_LEGEND);
  double row_gap = 4 * u, entry_gap = 18 * u, swatch_gap = 6 * u;
  double cx = x, cy = y;
  guint rows = entries->len > 0 ? 1 : 0;

  g_array_set_size (layout->legend_items, 0);
  *height = 0;
  if (max_height < lh)
    return;

  for (guint i = 0; i < entries->len; i++)
    {
      LgrLegendEntry *e = &g_array_index (entries, LgrLegendEntry, i);
      double sw = swatch_width (layout, e);
      g_autoptr (PangoLayout) pl
          = lgr_chart_layout_text (layout, LGR_TEXT_LEGEND, e->label, width - sw - swatch_gap);
      double tw;
      lgr_chart_text_size (pl, &tw, NULL);
      tw = MIN (tw, width - sw - swatch_gap);
      double ew = sw + swatch_gap + tw;
      if (cx > x && cx + ew > x + width)
        {
          if ((rows + 1) * lh + rows * row_gap > max_height)
            {
              /* No room for another row: say how many are left out rather than crowd the plot.
               * The note replaces the last entry if it does not fit beside it. */
              g_autofree char *more = g_strdup_printf (_ ("and %u more"), entries->len - i);
              g_autoptr (PangoLayout) ml
                  = lgr_chart_text_layout (&layout->text, LGR_TEXT_LEGEND, more, 0);
              double mw;
              lgr_chart_text_size (ml, &mw, NULL);
              while (cx + mw > x + width && layout->legend_items->len > 0)
                {
                  LgrLegendItem *last = &g_array_index (layout->legend_items, LgrLegendItem,
                                                        layout->legend_items->len - 1);
                  cx = last->swatch.x;
                  g_array_set_size (layout->legend_items, layout->legend_items->len - 1);
                  g_free (more);
                  more = g_strdup_printf (_ ("and %u more"),
                                          entries->len - layout->legend_items->len);
                  g_object_unref (ml);
                  ml = lgr_chart_text_layout (&layout->text, LGR_TEXT_LEGEND, more, 0);
                  lgr_chart_text_size (ml, &mw, NULL);
                }
              if (cx + mw <= x + width)
                {
                  LgrLegendItem item = { { LGR_TEXT_LEGEND, { cx, cy, mw, lh }, g_strdup (more) },
                                         NULL,
                                         { cx, cy, 0, 0 } };
                  g_array_append_val (layout->legend_items, item);
                }
              break;
            }
          cx = x;
          cy += lh + row_gap;
          rows++;
        }
      LgrLegendItem item
          = { { LGR_TEXT_LEGEND, { cx + sw + swatch_gap, cy, tw, lh }, g_strdup (e->label) },
              e,
              { cx, cy, sw, lh } };
      g_array_append_val (layout->legend_items, item);
      cx += ew + entry_gap;
    }
  *height = rows * lh + (rows > 0 ? (rows - 1) * row_gap : 0);
}

void
lgr_chart_legend_draw (LgrChartLayout *layout, cairo_t *cr)
{
  const LgrChartTheme *theme = layout->theme;
  double u = layout->unit;
  for (guint i = 0; i < layout->legend_items->len; i++)
    {
      LgrLegendItem *item = &g_array_index (layout->legend_items, LgrLegendItem, i);
      g_autoptr (PangoLayout) pl = lgr_chart_layout_text (layout, LGR_TEXT_LEGEND, item->label.text,
                                                          item->label.box.width + 0.5);
      lgr_chart_draw_label (layout, cr, pl, LGR_TEXT_LEGEND, item->label.box.x, item->label.box.y,
                            FALSE, theme->text);
      const LgrLegendEntry *e = item->entry;
      if (e == NULL)
        continue;
      LgrChartRect s = item->swatch;
      double cy = s.y + s.height / 2;
      cairo_save (cr);
      if (e->type == LGR_SERIES_COLUMN)
        {
          double side = 12 * u;
          LgrChartRect r = { s.x, cy - side / 2, side, side };
          if (e->hatched)
            lgr_chart_fill_hatched (cr, r, e->colour, u);
          else
            {
              lgr_chart_set_source (cr, e->colour);
              cairo_rectangle (cr, r.x, r.y, r.width, r.height);
              cairo_fill (cr);
            }
        }
      else
        {
          double lw = (e->thin ? theme->start_width : theme->line_width) * u;
          lgr_chart_set_source (cr, e->colour);
          cairo_set_line_width (cr, lw);
          lgr_chart_set_dash (cr, e->dash, lw);
          cairo_move_to (cr, s.x, cy);
          cairo_line_to (cr, s.x + s.width, cy);
          cairo_stroke (cr);
          if (!e->no_marker)
            {
              lgr_chart_set_dash (cr, 0, lw);
              lgr_chart_draw_marker (cr, e->marker, s.x + s.width / 2, cy, theme->marker_size * u);
              lgr_chart_set_source (cr, e->colour);
              cairo_fill_preserve (cr);
              lgr_chart_set_source (cr, theme->background);
              cairo_set_line_width (cr, 1.2 * u);
              cairo_stroke (cr);
            }
        }
      cairo_restore (cr);
    }
}
