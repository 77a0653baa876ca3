/* lgr-chart-layers.c: the layers of a panel. Each maps values through the panel's axes and
 * draws one kind of thing: gridlines, stacked columns, lines with markers, the zero line,
 * marks with their labels, the highlighted year and its figures, the axis labels.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-chart-private.h"

#include <math.h>

#include "lgr-format.h"

#define MAX_HATCH_LINES 20000 /* a 32767-pixel-wide column at the smallest spacing, and more */

double
lgr_chart_panel_y (const LgrChartPanel *panel, double value)
{
  double f = lgr_value_axis_fraction (&panel->y, value);
  return panel->plot.y + panel->plot.height * (1 - CLAMP (f, -0.01, 1.01));
}

guint
lgr_chart_marker_step (const LgrChartLayout *layout, const LgrChartPanel *panel)
{
  double band = lgr_band_axis_band_width (&panel->x);
  double ms = layout->theme->marker_size * layout->unit;
  /* markers on every point while there is room, else on every n-th: a line stays
   * recognisable in greyscale without turning into a string of beads */
  guint step = band >= ms * 2.5 ? 1 : (guint)ceil (ms * 2.5 / MAX (band, 0.01));
  return MAX (step, 1u);
}

void
lgr_chart_set_dash (cairo_t *cr, guint dash, double lw)
{
  /* solid; long dash; dots; dash-dot: readable in greyscale and with thick lines */
  double d[4];
  switch (dash % LGR_CHART_N_DASHES)
    {
    case 1:
      d[0] = 4 * lw, d[1] = 2.2 * lw;
      cairo_set_dash (cr, d, 2, 0);
      break;
    case 2:
      d[0] = 1.2 * lw, d[1] = 1.6 * lw;
      cairo_set_dash (cr, d, 2, 0);
      break;
    case 3:
      d[0] = 5 * lw, d[1] = 1.8 * lw, d[2] = 1.2 * lw, d[3] = 1.8 * lw;
      cairo_set_dash (cr, d, 4, 0);
      break;
    default:
      cairo_set_dash (cr, NULL, 0, 0);
      break;
    }
}

/* Adds the marker's path: circle, square, triangle, diamond, inverted triangle, cross-square. */
void
lgr_chart_draw_marker (cairo_t *cr, guint marker, double x, double y, double size)
{
  double r = size / 2;
  cairo_new_sub_path (cr);
  switch (marker % LGR_CHART_N_MARKERS)
    {
    case 0:
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;
    case 1:
      cairo_rectangle (cr, x - r * 0.88, y - r * 0.88, r * 1.76, r * 1.76);
      break;
    case 2:
      cairo_move_to (cr, x, y - r * 1.15);
      cairo_line_to (cr, x + r * 1.1, y + r * 0.8);
      cairo_line_to (cr, x - r * 1.1, y + r * 0.8);
      cairo_close_path (cr);
      break;
    case 3:
      cairo_move_to (cr, x, y - r * 1.25);
      cairo_line_to (cr, x + r * 1.1, y);
      cairo_line_to (cr, x, y + r * 1.25);
      cairo_line_to (cr, x - r * 1.1, y);
      cairo_close_path (cr);
      break;
    case 4:
      cairo_move_to (cr, x, y + r * 1.15);
      cairo_line_to (cr, x + r * 1.1, y - r * 0.8);
      cairo_line_to (cr, x - r * 1.1, y - r * 0.8);
      cairo_close_path (cr);
      break;
    default:
      /* a plus, as a filled shape */
      {
        double a = r * 1.15, b = r * 0.4;
        cairo_move_to (cr, x - b, y - a);
        cairo_line_to (cr, x + b, y - a);
        cairo_line_to (cr, x + b, y - b);
        cairo_line_to (cr, x + a, y - b);
        cairo_line_to (cr, x + a, y + b);
        cairo_line_to (cr, x + b, y + b);
        cairo_line_to (cr, x + b, y + a);
        cairo_line_to (cr, x - b, y + a);
        cairo_line_to (cr, x - b, y + b);
        cairo_line_to (cr, x - a, y + b);
        cairo_line_to (cr, x - a, y - b);
        cairo_line_to (cr, x - b, y - b);
        cairo_close_path (cr);
      }
      break;
    }
}

void
lgr_chart_fill_hatched (cairo_t *cr, LgrChartRect rect, LgrRgba colour, double unit)
{
  cairo_save (cr);
  cairo_rectangle (cr, rect.x, rect.y, rect.width, rect.height);
  cairo_clip (cr);
  LgrRgba light = colour;
  light.a = 0.35;
  lgr_chart_set_source (cr, light);
  cairo_paint (cr);
  lgr_chart_set_source (cr, colour);
  cairo_set_line_width (cr, 1.5 * unit);
  double spacing = MAX (5 * unit, 0.01);
  /* bounded even for a rectangle no image could hold */
  double d = -rect.height;
  for (guint i = 0; i < MAX_HATCH_LINES && d < rect.width; i++, d += spacing)
    {
      cairo_move_to (cr, rect.x + d, rect.y + rect.height);
      cairo_line_to (cr, rect.x + d + rect.height, rect.y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
lgr_chart_layer_grid (LgrChartLayout *layout, const LgrChartPanel *panel, cairo_t *cr)
{
  const LgrChartTheme *theme = layout->theme;
  cairo_save (cr);
  lgr_chart_set_source (cr, theme->grid);
  cairo_set_line_width (cr, theme->grid_width * layout->unit);
  for (guint i = 0; i < panel->y.n_ticks; i++)
    {
      if (panel->y.ticks[i] == 0)
        continue;
      double y = lgr_chart_panel_y (panel, panel->y.ticks[i]);
      cairo_move_to (cr, panel->plot.x, y);
      cairo_line_to (cr, panel->plot.x + panel->plot.width, y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
lgr_chart_layer_zero_line (LgrChartLayout *layout, const LgrChartPanel *panel, cairo_t *cr)
{
  if (panel->y.min > 0 || panel->y.max < 0)
    return;
  const LgrChartTheme *theme = layout->theme;
  double y = lgr_chart_panel_y (panel, 0);
  cairo_save (cr);
  lgr_chart_set_source (cr, panel->y.min == 0 ? theme->axis : theme->zero_line);
  cairo_set_line_width (cr, theme->zero_width * layout->unit);
  cairo_move_to (cr, panel->plot.x, y);
  cairo_line_to (cr, panel->plot.x + panel->plot.width, y);
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
lgr_chart_layer_columns (LgrChartLayout *layout, guint p, cairo_t *cr)
{
  const LgrChartPanel *panel = &layout->panels[p];
  const LgrChartData *data = layout->data;
  double u = layout->unit;
  double band = lgr_band_axis_band_width (&panel->x);
  double cw = MIN (band * 0.72, 90 * u);
  g_autofree double *pos = g_new0 (double, MAX (data->n_years, 1u));
  g_autofree double *neg = g_new0 (double, MAX (data->n_years, 1u));

  cairo_save (cr);
  for (guint i = 0; i < data->series->len; i++)
    {
      const LgrChartSeries *s = g_ptr_array_index (data->series, i);
      if (s->type != LGR_SERIES_COLUMN || s->panel != p)
        continue;
      for (guint t = 0; t < data->n_years; t++)
        {
          double v = s->values[t];
          if (v == 0 || !isfinite (v))
            continue;
          double *base = v > 0 ? &pos[t] : &neg[t];
          double y0 = lgr_chart_panel_y (panel, *base), y1 = lgr_chart_panel_y (panel, *base + v);
          *base += v;
          double x = lgr_band_axis_centre (&panel->x, t) - cw / 2;
          LgrChartRect r = { x, MIN (y0, y1), cw, fabs (y1 - y0) };
          if (s->hatched)
            lgr_chart_fill_hatched (cr, r, s->colour, u);
          else
            {
              lgr_chart_set_source (cr, s->colour);
              cairo_rectangle (cr, r.x, r.y, r.width, r.height);
              cairo_fill (cr);
            }
          /* a hairline in the background colour between stacked segments */
          if (r.height > 3 * u && cw > 4 * u)
            {
              lgr_chart_set_source (cr, layout->theme->background);
              cairo_set_line_width (cr, 0.8 * u);
              cairo_move_to (cr, r.x, v > 0 ? r.y : r.y + r.height);
              cairo_rel_line_to (cr, r.width, 0);
              cairo_stroke (cr);
            }
        }
    }
  cairo_restore (cr);
}

void
lgr_chart_layer_lines (LgrChartLayout *layout, guint p, cairo_t *cr)
{
  const LgrChartPanel *panel = &layout->panels[p];
  const LgrChartData *data = layout->data;
  const LgrChartTheme *theme = layout->theme;
  double u = layout->unit;
  double ms = theme->marker_size * u;
  guint marker_step = lgr_chart_marker_step (layout, panel);

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  /* lines without markers (baselines) first, under the scenario lines */
  for (guint k = 0; k < 2 * data->series->len; k++)
    {
      guint i = k % data->series->len;
      const LgrChartSeries *s = g_ptr_array_index (data->series, i);
      if (s->type != LGR_SERIES_LINE || s->panel != p
          || (s->marker == G_MAXUINT) != (k < data->series->len))
        continue;
      double lw
          = s->start ? theme->start_width * u : theme->line_width * u * (s->emphasis ? 1.15 : 1.0);
      lgr_chart_set_source (cr, s->colour);
      cairo_set_line_width (cr, lw);
      lgr_chart_set_dash (cr, s->dash, lw);
      gboolean open = FALSE;
      for (guint t = 0; t < data->n_years; t++)
        {
          if (!isfinite (s->values[t]))
            {
              open = FALSE;
              continue;
            }
          double x = lgr_band_axis_centre (&panel->x, t),
                 y = lgr_chart_panel_y (panel, s->values[t]);
          if (open)
            cairo_line_to (cr, x, y);
          else
            cairo_move_to (cr, x, y);
          open = TRUE;
        }
      if (s->start)
        {
          /* a casing in the background colour keeps the thin grey line legible over columns */
          lgr_chart_set_source (cr, theme->background);
          cairo_set_line_width (cr, lw + 2 * u);
          cairo_stroke_preserve (cr);
          lgr_chart_set_source (cr, s->colour);
          cairo_set_line_width (cr, lw);
        }
      cairo_stroke (cr);

      if (s->marker == G_MAXUINT)
        continue;
      lgr_chart_set_dash (cr, 0, lw);
      for (guint t = 0; t < data->n_years; t += marker_step)
        if (isfinite (s->values[t]))
          lgr_chart_draw_marker (cr, s->marker, lgr_band_axis_centre (&panel->x, t),
                                 lgr_chart_panel_y (panel, s->values[t]), ms);
      lgr_chart_set_source (cr, s->colour);
      cairo_fill_preserve (cr);
      lgr_chart_set_source (cr, theme->background);
      cairo_set_line_width (cr, 1.2 * u);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

static int
compare_marks (gconstpointer a, gconstpointer b, gpointer marks)
{
  guint i = *(const guint *)a, j = *(const guint *)b;
  const LgrChartMark *m = &g_array_index ((GArray *)marks, LgrChartMark, i);
  const LgrChartMark *n = &g_array_index ((GArray *)marks, LgrChartMark, j);
  gboolean mp = m->kind == LGR_MARK_PEAK, np = n->kind == LGR_MARK_PEAK;
  if (mp != np)
    return mp ? -1 : 1;
  if (mp && m->value != n->value)
    return m->value < n->value ? -1 : 1;
  return i < j ? -1 : i > j;
}

void
lgr_chart_layer_marks (LgrChartLayout *layout, guint p, cairo_t *cr)
{
  const LgrChartPanel *panel = &layout->panels[p];
  const LgrChartData *data = layout->data;
  const LgrChartTheme *theme = layout->theme;
  double u = layout->unit;

  for (guint i = 0; i < data->marks->len; i++)
    {
      const LgrChartMark *m = &g_array_index (data->marks, LgrChartMark, i);
      if (m->panel != p)
        continue;
      double x = lgr_band_axis_centre (&panel->x, m->index),
             y = lgr_chart_panel_y (panel, m->value);
      cairo_save (cr);
      if (m->kind == LGR_MARK_PEAK)
        {
          /* a short tick down to the lowest point, then the amount */
          lgr_chart_set_source (cr, m->colour);
          cairo_set_line_width (cr, 1.5 * u);
          cairo_arc (cr, x, y, 6.5 * u, 0, 2 * G_PI);
          cairo_stroke (cr);
        }
      else
        {
          /* a ring on the zero line where the line crosses it */
          lgr_chart_set_source (cr, theme->background);
          cairo_arc (cr, x, y, 5.5 * u, 0, 2 * G_PI);
          cairo_fill_preserve (cr);
          lgr_chart_set_source (cr, m->colour);
          cairo_set_line_width (cr, 2.5 * u);
          cairo_stroke (cr);
        }
      cairo_restore (cr);
    }

  /* the labels with least room first: peaks, deepest first (they sit in the dip where the
   * lines bunch), then the rest in order */
  g_autoptr (GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < data->marks->len; i++)
    if (g_array_index (data->marks, LgrChartMark, i).panel == p)
      g_array_append_val (order, i);
  g_array_sort_with_data (order, compare_marks, data->marks);
  for (guint k = 0; k < order->len; k++)
    lgr_chart_place_label (layout, cr, g_array_index (order, guint, k));
}

void
lgr_chart_layer_highlight (LgrChartLayout *layout, guint p, cairo_t *cr)
{
  const LgrChartPanel *panel = &layout->panels[p];
  int t = layout->highlight_index;
  if (t < 0 || t >= (int)layout->data->n_years || layout->data->empty_message)
    return;
  double band = lgr_band_axis_band_width (&panel->x);
  cairo_save (cr);
  lgr_chart_set_source (cr, layout->theme->highlight_band);
  cairo_rectangle (cr, panel->x.x0 + t * band, panel->plot.y, band, panel->plot.height);
  cairo_fill (cr);
  cairo_restore (cr);
}

/* The highlighted year's figures in a box beside the band, on top of the plot. */
void
lgr_chart_layer_callout (LgrChartLayout *layout, guint p, cairo_t *cr)
{
  const LgrChartPanel *panel = &layout->panels[p];
  const LgrChartData *data = layout->data;
  const LgrChartTheme *theme = layout->theme;
  int t = layout->highlight_index;
  double u = layout->unit;
  if (t < 0 || t >= (int)data->n_years || data->empty_message)
    return;

  GString *text = g_string_new (NULL);
  g_autofree char *year = lgr_format_financial_year (data->first_year + t);
  g_string_append_printf (text, "<b>%s</b>", year);
  g_autoptr (GArray) colours = g_array_new (FALSE, FALSE, sizeof (LgrRgba));
  for (guint i = 0; i < data->series->len; i++)
    {
      const LgrChartSeries *s = g_ptr_array_index (data->series, i);
      if (s->panel != p || (!s->in_legend && !s->emphasis))
        continue;
      if (s->type == LGR_SERIES_COLUMN && data->n_panels > 1)
        continue; /* small multiples: the net only, the panel is small */
      g_autofree char *value = lgr_chart_format_value (data, s->values[t]);
      g_autofree char *label = g_markup_escape_text (s->label, -1);
      g_string_append_printf (text, "\n%s: %s", label, value);
      g_array_append_val (colours, s->colour);
    }
  g_autoptr (PangoLayout) pl = lgr_chart_text_layout (&layout->text, LGR_TEXT_LEGEND, NULL, 0);
  pango_layout_set_markup (pl, text->str, -1);
  g_string_free (text, TRUE);
  double w, h;
  lgr_chart_text_size (pl, &w, &h);
  double chip = 10 * u, padding = 6 * u;
  double bw = w + chip + 3 * padding, bh = h + 2 * padding;
  double band = lgr_band_axis_band_width (&panel->x);
  /* right of the band, else left of it, else over the plot's right-hand side */
  double right = panel->plot.x + panel->plot.width;
  double bx = panel->x.x0 + (t + 1) * band + 4 * u;
  if (bx + bw > right)
    bx = panel->x.x0 + t * band - 4 * u - bw;
  if (bx < panel->plot.x)
    bx = right - bw - 4 * u;
  /* inside the chart, border included */
  bx = CLAMP (bx, u, MAX (layout->width - bw - u, u));
  double by = CLAMP (panel->plot.y + 4 * u, u, MAX (layout->height - bh - u, u));

  cairo_save (cr);
  lgr_chart_set_source (cr, theme->callout_fill);
  cairo_rectangle (cr, bx, by, bw, bh);
  cairo_fill_preserve (cr);
  lgr_chart_set_source (cr, theme->callout_border);
  cairo_set_line_width (cr, 1 * u);
  cairo_stroke (cr);

  PangoLayoutIter *iter = pango_layout_get_iter (pl);
  int line = 0;
  do
    {
      if (line > 0 && (guint)(line - 1) < colours->len)
        {
          PangoRectangle r;
          pango_layout_iter_get_line_extents (iter, NULL, &r);
          double cy = by + padding + (r.y + r.height / 2.0) / PANGO_SCALE;
          lgr_chart_set_source (cr, g_array_index (colours, LgrRgba, line - 1));
          cairo_rectangle (cr, bx + padding, cy - chip / 2, chip, chip);
          cairo_fill (cr);
        }
      line++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  lgr_chart_set_source (cr, theme->text);
  cairo_move_to (cr, bx + chip + 2 * padding, by + padding);
  pango_cairo_show_layout (cr, pl);
  cairo_restore (cr);
}

void
lgr_chart_layer_axes (LgrChartLayout *layout, guint p, cairo_t *cr)
{
  const LgrChartPanel *panel = &layout->panels[p];
  const LgrChartData *data = layout->data;
  const LgrChartTheme *theme = layout->theme;
  double u = layout->unit;
  LgrChartRect canvas = { 0, 0, layout->width, layout->height };

  if (panel->title.width > 0 && data->panel_titles && data->panel_titles[p])
    {
      g_autoptr (PangoLayout) pl = lgr_chart_text_layout (
          &layout->text, LGR_TEXT_PANEL_TITLE, data->panel_titles[p], panel->title.width);
      lgr_chart_draw_label (layout, cr, pl, LGR_TEXT_PANEL_TITLE, panel->title.x, panel->title.y,
                            FALSE, theme->text);
    }
  if (data->y_title)
    {
      double th = lgr_chart_text_line_height (&layout->text, LGR_TEXT_Y_TITLE);
      double lh_y = lgr_chart_text_line_height (&layout->text, LGR_TEXT_Y_TICK);
      g_autoptr (PangoLayout) pl = lgr_chart_text_layout (&layout->text, LGR_TEXT_Y_TITLE,
                                                          data->y_title, panel->plot.width);
      double x = panel->plot.x - panel->y_label_width;
      double y = panel->plot.y - lh_y / 2 - 2 * u - th;
      lgr_chart_draw_label (layout, cr, pl, LGR_TEXT_Y_TITLE, MAX (x, 0), y, FALSE,
                            theme->text_secondary);
    }

  /* y tick labels, right-aligned against the plot, each centred on its gridline */
  for (guint i = 0; i < panel->y.n_ticks; i++)
    {
      g_autofree char *s = lgr_chart_format_tick (data, panel->y.ticks[i], panel->y.step);
      g_autoptr (PangoLayout) pl = lgr_chart_layout_text (layout, LGR_TEXT_Y_TICK, s, 0);
      double w, h;
      lgr_chart_text_size (pl, &w, &h);
      double y = lgr_chart_panel_y (panel, panel->y.ticks[i]) - h / 2;
      LgrChartRect box = { panel->plot.x - 6 * u - w, y, w, h };
      if (lgr_chart_label_collides (layout, &box) || !lgr_chart_rect_contains (&canvas, &box))
        continue;
      lgr_chart_draw_label (layout, cr, pl, LGR_TEXT_Y_TICK, box.x, box.y, FALSE,
                            theme->text_secondary);
    }

  /* year labels, every x_label_step-th, horizontal or upright */
  if (data->n_years == 0)
    return;
  double lh_y = lgr_chart_text_line_height (&layout->text, LGR_TEXT_Y_TICK);
  double top = panel->plot.y + panel->plot.height + lh_y / 2 + 2 * u;
  guint step = MAX (panel->x_label_step, 1u);
  cairo_save (cr);
  lgr_chart_set_source (cr, theme->axis);
  cairo_set_line_width (cr, 1 * u);
  for (guint t = 0; t < data->n_years; t += step)
    {
      /* a short tick under each labelled year */
      double x = lgr_band_axis_centre (&panel->x, t);
      cairo_move_to (cr, x, panel->plot.y + panel->plot.height);
      cairo_rel_line_to (cr, 0, 3 * u);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
  for (guint t = 0; t < data->n_years; t += step)
    {
      PangoLayout *pl = g_ptr_array_index (layout->x_layouts, t);
      double w, h;
      lgr_chart_text_size (pl, &w, &h);
      double x = lgr_band_axis_centre (&panel->x, t);
      LgrChartRect box = panel->x_labels_rotated ? (LgrChartRect){ x - h / 2, top, h, w }
                                                 : (LgrChartRect){ x - w / 2, top, w, h };
      if (lgr_chart_label_collides (layout, &box) || !lgr_chart_rect_contains (&canvas, &box))
        continue;
      lgr_chart_draw_label (layout, cr, pl, LGR_TEXT_X_TICK, box.x, box.y, panel->x_labels_rotated,
                            theme->text_secondary);
    }
}
