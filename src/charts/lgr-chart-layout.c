/* lgr-chart-layout.c: where everything goes - title, legend, panels, axes, labels.
 *
 * One function computes the layout for drawing and for hit-testing, so the year under the
 * pointer is always the year drawn there. Text is measured, never guessed: the legend wraps,
 * year labels are thinned or turned upright as the plot narrows, tick counts follow the height.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-chart-private.h"

#include <math.h>
#include <string.h>

#include "lgr-format.h"

static void
label_clear (gpointer p)
{
  g_free (((LgrChartLabel *)p)->text);
}

void
lgr_chart_layout_free (LgrChartLayout *layout)
{
  if (layout == NULL)
    return;
  lgr_chart_data_free (layout->data);
  g_clear_pointer (&layout->legend_items, g_array_unref);
  g_clear_pointer (&layout->labels, g_array_unref);
  g_clear_pointer (&layout->x_layouts, g_ptr_array_unref);
  g_clear_pointer (&layout->leaders, g_array_unref);
  g_clear_pointer (&layout->placements, g_array_unref);
  g_clear_pointer (&layout->previous, g_array_unref);
  g_clear_pointer (&layout->obstacle_segments, g_array_unref);
  g_clear_pointer (&layout->obstacle_lines, g_array_unref);
  g_clear_pointer (&layout->obstacle_boxes, g_array_unref);
  g_clear_pointer (&layout->texts, g_hash_table_unref);
  g_clear_pointer (&layout->texts_before, g_hash_table_unref);
  g_free (layout->panels);
  lgr_chart_text_clear (&layout->text);
  g_free (layout);
}

void
lgr_chart_layout_follow (LgrChartLayout *layout, const LgrChartLayout *previous)
{
  g_clear_pointer (&layout->previous, g_array_unref);
  if (previous == NULL || previous->width != layout->width || previous->height != layout->height
      || previous->data->kind != layout->data->kind)
    return;
  /* a layout made and dropped before any draw (two changes within a frame) passes on its own */
  GArray *from = previous->placements->len > 0 ? previous->placements : previous->previous;
  if (from)
    layout->previous = g_array_copy (from);
}

PangoLayout *
lgr_chart_layout_text (LgrChartLayout *layout, LgrTextRole role, const char *string,
                       double max_width)
{
  g_autofree char *key = g_strdup_printf ("%u %a %s", role, max_width, string);
  PangoLayout *pl = g_hash_table_lookup (layout->texts, key);
  if (pl)
    return g_object_ref (pl);
  pl = layout->texts_before ? g_hash_table_lookup (layout->texts_before, key) : NULL;
  pl = pl ? g_object_ref (pl) : lgr_chart_text_layout (&layout->text, role, string, max_width);
  g_hash_table_insert (layout->texts, g_steal_pointer (&key), g_object_ref (pl));
  return pl;
}

/* Year labels: every step-th year, chosen from round steps. */
static const guint label_steps[] = { 1, 2, 3, 4, 5, 10, 15, 20, 25, 30, 50, 60 };

static double
tick_label_width (LgrChartLayout *layout, const LgrValueAxis *axis)
{
  double widest = 0;
  for (guint i = 0; i < axis->n_ticks; i++)
    {
      g_autofree char *s = lgr_chart_format_tick (layout->data, axis->ticks[i], axis->step);
      g_autoptr (PangoLayout) pl = lgr_chart_layout_text (layout, LGR_TEXT_Y_TICK, s, 0);
      double w;
      lgr_chart_text_size (pl, &w, NULL);
      widest = MAX (widest, w);
    }
  return widest;
}

static guint
max_ticks_for (double plot_height, double line_height)
{
  if (plot_height < line_height * 1.2)
    return 1;
  double n = floor (plot_height / (line_height * 2.0));
  return (guint)CLAMP (n, 1.0, 8.0);
}

/* Lays out one panel inside cell: y axis on the left, year labels below. */
static void
layout_panel (LgrChartLayout *layout, LgrChartPanel *panel, LgrChartRect cell,
              const char *panel_title)
{
  LgrChartData *data = layout->data;
  double u = layout->unit;
  double lh_y = lgr_chart_text_line_height (&layout->text, LGR_TEXT_Y_TICK);
  double lh_x = lgr_chart_text_line_height (&layout->text, LGR_TEXT_X_TICK);
  double mw = layout->x_label_max_width;
  guint n = MAX (data->n_years, 1u);

  double top = cell.y;
  panel->title = (LgrChartRect){ cell.x, cell.y, 0, 0 };
  if (panel_title)
    {
      double th = lgr_chart_text_line_height (&layout->text, LGR_TEXT_PANEL_TITLE);
      panel->title = (LgrChartRect){ cell.x, cell.y, cell.width, th };
      top += th + 4 * u;
    }
  if (data->y_title)
    top += lgr_chart_text_line_height (&layout->text, LGR_TEXT_Y_TITLE) + 2 * u;
  top += lh_y / 2; /* the top tick label is centred on the top gridline */

  double x_gap = lh_y / 2 + 2 * u;
  double bottom = cell.y + cell.height;
  gboolean rotated = FALSE;
  guint step = 1;
  double x_label_h = lh_x + x_gap;
  LgrValueAxis axis;
  double ylw = 0, plot_x = 0, plot_w = 0, plot_h = 0;

  for (int pass = 0; pass < 2; pass++)
    {
      plot_h = MAX (bottom - x_label_h - top, 1.0);
      lgr_value_axis_init (&axis, data->min, data->max, max_ticks_for (plot_h, lh_y), TRUE,
                           data->money ? 1e6 : 10);
      ylw = tick_label_width (layout, &axis) + 6 * u;
      double left = MAX (ylw, mw / 2);
      plot_x = cell.x + left;
      plot_w = MAX (cell.width - left - MAX (mw / 2, 4 * u), 1.0);
      double band = plot_w / n;
      double gap = lh_x * 0.6;

      step = 0;
      for (guint i = 0; i < G_N_ELEMENTS (label_steps); i++)
        if (label_steps[i] * band >= mw + gap)
          {
            step = label_steps[i];
            break;
          }
      if (pass == 1)
        break;
      /* Upright labels when every year would not fit side by side but fits upright, for short
       * timelines where thinning would hide too much, and only if the plot stays tall. */
      if (step != 1 && band >= lh_x * 1.15 && n <= 20 && mw + x_gap < plot_h * 0.3)
        {
          rotated = TRUE;
          step = 1;
          x_label_h = mw + x_gap;
          continue;
        }
      break;
    }
  if (rotated)
    step = 1;
  if (step == 0)
    step = n; /* only the first year; dropped below if even that does not fit */

  panel->plot = (LgrChartRect){ plot_x, top, plot_w, plot_h };
  panel->y = axis;
  panel->x = (LgrBandAxis){ plot_x, plot_w, n };
  panel->x_label_step = step;
  panel->x_labels_rotated = rotated;
  panel->x_label_height = x_label_h;
  panel->y_label_width = ylw;
}

/* The source line wrapped at width; cut with an ellipsis after max_lines when that is > 0. */
static PangoLayout *
source_layout (LgrChartLayout *layout, double width, int max_lines)
{
  PangoLayout *pl = lgr_chart_text_layout (&layout->text, LGR_TEXT_SOURCE, layout->data->source, 0);
  pango_layout_set_width (pl, (int)(MAX (width, 1.0) * PANGO_SCALE));
  pango_layout_set_wrap (pl, PANGO_WRAP_WORD_CHAR);
  if (max_lines > 0)
    {
      pango_layout_set_height (pl, -max_lines);
      pango_layout_set_ellipsize (pl, PANGO_ELLIPSIZE_END);
    }
  return pl;
}

static void
choose_grid (guint n, double width, double height, guint *cols, guint *rows)
{
  double best = G_MAXDOUBLE;
  *cols = 1;
  *rows = n;
  for (guint c = 1; c <= n; c++)
    {
      guint r = (n + c - 1) / c;
      double aspect = (width / c) / (height / r);
      double score = fabs (log (aspect / 1.6)) + 0.05 * (c * r - n);
      if (score < best)
        {
          best = score;
          *cols = c;
          *rows = r;
        }
    }
}

LgrChartLayout *
lgr_chart_layout_new (cairo_t *cr, const LgrResults *results, const LgrChartOptions *options,
                      double width, double height)
{
  return lgr_chart_layout_new_for_data (lgr_chart_data_new (results, options), options, width,
                                        height);
}

LgrChartLayout *
lgr_chart_layout_new_for_data (LgrChartData *data, const LgrChartOptions *options, double width,
                               double height)
{
  return lgr_chart_layout_new_following (data, options, width, height, NULL);
}

LgrChartLayout *
lgr_chart_layout_new_following (LgrChartData *data, const LgrChartOptions *options, double width,
                                double height, const LgrChartLayout *previous)
{
  LgrChartLayout *layout = g_new0 (LgrChartLayout, 1);
  layout->width = width;
  layout->height = height;
  layout->theme = lgr_chart_theme_get (options->style);
  layout->data = data;
  layout->highlight_index = options->highlight_index;
  layout->labels = g_array_new (FALSE, TRUE, sizeof (LgrChartLabel));
  g_array_set_clear_func (layout->labels, label_clear);
  layout->legend_items = g_array_new (FALSE, TRUE, sizeof (LgrLegendItem));
  layout->leaders = g_array_new (FALSE, FALSE, sizeof (LgrChartSegment));
  layout->placements = g_array_new (FALSE, FALSE, sizeof (LgrChartPlacement));
  /* a legend item starts with its label, so the label's clear function frees its text */
  g_array_set_clear_func (layout->legend_items, label_clear);

  double fs = options->font_scale > 0 ? options->font_scale : 1.0;
  double u = fs * CLAMP (MIN (width / 1000.0, height / 560.0), 0.82, 3.0);
  layout->unit = u;
  layout->pad = MIN (12 * u, MIN (width, height) * 0.05);
  lgr_chart_text_init (&layout->text, layout->theme, u);
  layout->texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  /* the same fonts: the years, ticks and labels of the step before are shaped already */
  if (previous && previous->theme == layout->theme && previous->unit == u)
    {
      layout->texts_before = g_hash_table_ref (previous->texts);
      memcpy (layout->text.line_heights, previous->text.line_heights,
              sizeof layout->text.line_heights);
    }

  double pad = layout->pad;
  double cw = MAX (width - 2 * pad, 1.0);

  layout->x_layouts = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint t = 0; t < data->n_years; t++)
    {
      g_autofree char *s = lgr_format_financial_year (data->first_year + (int)t);
      PangoLayout *pl = lgr_chart_layout_text (layout, LGR_TEXT_X_TICK, s, 0);
      double w;
      lgr_chart_text_size (pl, &w, NULL);
      layout->x_label_max_width = MAX (layout->x_label_max_width, w);
      g_ptr_array_add (layout->x_layouts, pl);
    }

  /* Top: title, subtitle, legend. Bottom: source. Dropped in that order of need when the
   * chart is too small to keep a plot of a useful height. */
  double title_h = lgr_chart_text_line_height (&layout->text, LGR_TEXT_TITLE);
  double subtitle_h = lgr_chart_text_line_height (&layout->text, LGR_TEXT_SUBTITLE);
  double source_h = lgr_chart_text_line_height (&layout->text, LGR_TEXT_SOURCE);
  if (options->show_title && data->citations)
    {
      /* as many sources as two lines hold, the rest counted */
      for (guint named = data->citations->len; named > 1; named--)
        {
          g_autoptr (PangoLayout) pl = source_layout (layout, cw, 0);
          if (pango_layout_get_line_count (pl) <= 2)
            break;
          g_free (data->source);
          data->source = lgr_chart_sources_line (data->citations, named - 1, "");
        }
    }
  if (options->show_title && data->source)
    {
      /* the sources take a second line when they need it, never a third */
      g_autoptr (PangoLayout) pl = source_layout (layout, cw, 0);
      source_h *= CLAMP (pango_layout_get_line_count (pl), 1, 2);
    }
  layout->show_title = options->show_title;
  layout->show_subtitle = options->show_title && data->subtitle && *data->subtitle;
  layout->show_source = options->show_title;
  double min_plot = height * 0.45;
  double fixed = 2 * pad + (layout->show_title ? title_h + 2 * u : 0)
                 + (layout->show_subtitle ? subtitle_h : 0)
                 + (layout->show_source ? source_h + 6 * u : 0);
  if (height - fixed < min_plot && layout->show_subtitle)
    {
      layout->show_subtitle = FALSE;
      fixed -= subtitle_h;
    }
  if (height - fixed < min_plot && layout->show_source)
    layout->show_source = FALSE;

  double y = pad;
  if (layout->show_title)
    {
      layout->title = (LgrChartRect){ pad, y, cw, title_h };
      y += title_h + 2 * u;
    }
  if (layout->show_subtitle)
    {
      layout->subtitle = (LgrChartRect){ pad, y, cw, subtitle_h };
      y += subtitle_h;
    }
  if (layout->show_title || layout->show_subtitle)
    y += 8 * u;

  double bottom = height - pad;
  if (layout->show_source)
    {
      layout->source = (LgrChartRect){ pad, bottom - source_h, cw, source_h };
      bottom -= source_h + 6 * u;
    }

  double legend_h = 0;
  lgr_chart_legend_layout (layout, pad, y, cw, MAX ((bottom - y) * 0.3, 0.0), &legend_h);
  if (legend_h > 0)
    y += legend_h + 8 * u;

  LgrChartRect area = { pad, y, cw, MAX (bottom - y, 1.0) };
  guint np = MAX (data->n_panels, 1u);
  layout->n_panels = np;
  layout->panels = g_new0 (LgrChartPanel, np);
  if (np == 1)
    layout_panel (layout, &layout->panels[0], area, NULL);
  else
    {
      guint cols, rows;
      choose_grid (np, area.width, area.height, &cols, &rows);
      double gx = 18 * u, gy = 10 * u;
      double cell_w = (area.width - gx * (cols - 1)) / cols;
      double cell_h = (area.height - gy * (rows - 1)) / rows;
      for (guint p = 0; p < np; p++)
        {
          guint c = p % cols, r = p / cols;
          LgrChartRect cell = { area.x + c * (cell_w + gx), area.y + r * (cell_h + gy),
                                MAX (cell_w, 1.0), MAX (cell_h, 1.0) };
          layout_panel (layout, &layout->panels[p], cell,
                        data->panel_titles ? data->panel_titles[p] : "");
        }
    }
  lgr_chart_layout_follow (layout, previous);
  return layout;
}

int
lgr_chart_layout_year_at (const LgrChartLayout *layout, double x, double y)
{
  if (layout->data->empty_message || layout->data->n_years == 0 || layout->data->bars)
    return -1;
  for (guint p = 0; p < layout->n_panels; p++)
    {
      const LgrChartPanel *panel = &layout->panels[p];
      double top = panel->title.height > 0 ? panel->title.y : panel->plot.y;
      if (y < top || y > panel->plot.y + panel->plot.height + panel->x_label_height)
        continue;
      int i = lgr_band_axis_index_at (&panel->x, x);
      if (i >= 0)
        return i;
    }
  return -1;
}

static void
draw_panel (LgrChartLayout *layout, guint p, cairo_t *cr)
{
  const LgrChartPanel *panel = &layout->panels[p];
  lgr_chart_layer_grid (layout, panel, cr);
  lgr_chart_layer_highlight (layout, p, cr);
  lgr_chart_layer_columns (layout, p, cr);
  lgr_chart_layer_bands (layout, p, cr);
  lgr_chart_layer_zero_line (layout, panel, cr);
  lgr_chart_layer_lines (layout, p, cr);
  lgr_chart_layer_axes (layout, p, cr);
}

void
lgr_chart_layout_draw (LgrChartLayout *layout, cairo_t *cr)
{
  const LgrChartTheme *theme = layout->theme;
  LgrChartData *data = layout->data;
  g_array_set_size (layout->labels, 0);
  g_array_set_size (layout->leaders, 0);
  layout->n_placed = 0;
  layout->obstacles_panel = 0;

  cairo_save (cr);
  lgr_chart_set_source (cr, theme->background);
  cairo_rectangle (cr, 0, 0, layout->width, layout->height);
  cairo_fill (cr);

  if (layout->show_title)
    {
      g_autoptr (PangoLayout) pl
          = lgr_chart_text_layout (&layout->text, LGR_TEXT_TITLE, data->title, layout->title.width);
      lgr_chart_draw_label (layout, cr, pl, LGR_TEXT_TITLE, layout->title.x, layout->title.y, FALSE,
                            theme->text);
    }
  if (layout->show_subtitle)
    {
      g_autoptr (PangoLayout) pl = lgr_chart_text_layout (&layout->text, LGR_TEXT_SUBTITLE,
                                                          data->subtitle, layout->subtitle.width);
      lgr_chart_draw_label (layout, cr, pl, LGR_TEXT_SUBTITLE, layout->subtitle.x,
                            layout->subtitle.y, FALSE, theme->text_secondary);
    }
  if (layout->show_source)
    {
      double lh = lgr_chart_text_line_height (&layout->text, LGR_TEXT_SOURCE);
      g_autoptr (PangoLayout) pl = source_layout (
          layout, layout->source.width, (int)round (layout->source.height / MAX (lh, 1.0)));
      lgr_chart_draw_label (layout, cr, pl, LGR_TEXT_SOURCE, layout->source.x, layout->source.y,
                            FALSE, theme->text_secondary);
    }
  lgr_chart_legend_draw (layout, cr);

  if (data->bars && data->empty_message == NULL)
    lgr_chart_tornado_draw (layout, cr);
  else
    for (guint p = 0; p < layout->n_panels; p++)
      draw_panel (layout, p, cr);
  /* Marks last, so their labels avoid every other label already placed. */
  for (guint p = 0; p < layout->n_panels; p++)
    lgr_chart_layer_marks (layout, p, cr);

  if (data->empty_message)
    {
      const LgrChartPanel *panel = &layout->panels[0];
      g_autoptr (PangoLayout) pl = lgr_chart_text_layout (&layout->text, LGR_TEXT_MESSAGE,
                                                          data->empty_message, panel->plot.width);
      double w, h;
      lgr_chart_text_size (pl, &w, &h);
      w = MIN (w, panel->plot.width);
      double x = panel->plot.x + (panel->plot.width - w) / 2;
      double y = panel->plot.y + (panel->plot.height - h) / 2;
      LgrChartRect box = { x, y, w, h };
      if (!lgr_chart_label_collides (layout, &box)
          && lgr_chart_rect_contains (&(LgrChartRect){ 0, 0, layout->width, layout->height }, &box))
        lgr_chart_draw_label (layout, cr, pl, LGR_TEXT_MESSAGE, x, y, FALSE, theme->text_secondary);
    }

  /* The highlighted year's figures go on top of everything. */
  for (guint p = 0; p < layout->n_panels; p++)
    if (layout->highlight_index >= 0 && data->bars == NULL)
      lgr_chart_layer_callout (layout, p, cr);
  cairo_restore (cr);
}
