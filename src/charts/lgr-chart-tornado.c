/* lgr-chart-tornado.c: the tornado - what moves the result most. For the tornado's metric (the
 * second scenario's net by the horizon minus the first's; with one scenario, its net), one
 * horizontal bar per uncertain quantity from the result with that input at its low to the
 * result at its high, all else central: widest at the top, at most LGR_TORNADO_MAX_BARS (the
 * rest summed in a note), the central result a vertical line. The low side is hatched and the
 * high side solid, so the two read apart in greyscale and without colour vision.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-chart-private.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "lgr-format.h"

#define LGR_TORNADO_MAX_BARS 15

/* The palette slots of the two sides: blue and orange (Okabe and Ito) stay apart for every
 * common colour-vision deficiency. */
#define LOW_SLOT 1
#define HIGH_SLOT 2

/* "52 – 64 per 10,000": a unit both values end with is written once. */
static char *
range_text (const LgrStudy *study, const LgrQuantity *q)
{
  g_autofree char *lo = lgr_chart_quantity_value (study, q, q->low);
  g_autofree char *hi = lgr_chart_quantity_value (study, q, q->high);
  const char *space_lo = strchr (lo, ' ');
  const char *space_hi = strchr (hi, ' ');
  if (space_lo && space_hi && g_str_equal (space_lo, space_hi))
    lo[space_lo - lo] = '\0';
  return g_strdup_printf ("%s – %s", lo, hi);
}

void
lgr_chart_build_tornado (LgrChartData *data, const LgrResults *results, GArray *shown,
                         const LgrChartTheme *theme)
{
  const LgrSensitivity *sens = data->sensitivity;
  data->central = sens->central;
  double rest = 0;
  guint n_rest = 0;
  for (guint i = 0; i < sens->n_rows; i++)
    {
      const LgrSensitivityRow *row = &sens->rows[i];
      if (i >= LGR_TORNADO_MAX_BARS)
        {
          rest += fabs (row->metric_high - row->metric_low);
          n_rest++;
          continue;
        }
      g_autofree char *range = range_text (results->study, row->q);
      /* Translators: a tornado bar, "Children looked after, North: target rate 52 – 64 per
       * 10,000" */
      lgr_chart_data_add_bar (data, g_strdup_printf (_ ("%s %s"), row->q->name, range),
                              row->metric_low, row->metric_high);
    }
  if (n_rest > 0)
    {
      g_autofree char *sum = lgr_format_money (rest);
      /* Translators: under the tornado, "12 more inputs move it by £0.4m in all" */
      data->note = g_strdup_printf (
          g_dngettext (GETTEXT_PACKAGE, "%u more input moves it by %s in all.",
                       "%u more inputs move it by %s in all, bar widths added.", n_rest),
          n_rest, sum);
    }

  if (results->n_scenarios >= 2)
    {
      g_autofree char *year
          = lgr_format_financial_year (results->first_year + (int)results->n_years - 1);
      g_free (data->subtitle);
      /* Translators: the tornado's subtitle, "Net by 2034/35, Two unitaries minus One
       * unitary" */
      data->subtitle = g_strdup_printf (_ ("Net by %s, %s minus %s; each input alone from its "
                                           "low to its high"),
                                        year, results->scenarios[1].scenario->name,
                                        results->scenarios[0].scenario->name);
    }
  else if (results->n_scenarios == 1)
    {
      g_autofree char *year
          = lgr_format_financial_year (results->first_year + (int)results->n_years - 1);
      g_free (data->subtitle);
      data->subtitle = g_strdup_printf (_ ("%s: net by %s; each input alone from its low to its "
                                           "high"),
                                        results->scenarios[0].scenario->name, year);
    }
  lgr_chart_data_add_legend (data, _ ("Input at its low"), LGR_SERIES_COLUMN,
                             lgr_chart_palette_colour (theme, LOW_SLOT), 0, 0, TRUE, TRUE);
  lgr_chart_data_add_legend (data, _ ("Input at its high"), LGR_SERIES_COLUMN,
                             lgr_chart_palette_colour (theme, HIGH_SLOT), 0, 0, FALSE, TRUE);
}

void
lgr_chart_describe_tornado (GString *out, const LgrChartData *data, const LgrResults *results,
                            GArray *shown)
{
  g_autofree char *central = lgr_format_money (data->central);
  if (data->subtitle)
    g_string_append_printf (out, " %s.", data->subtitle);
  /* Translators: "Central result £12.3m." */
  g_string_append_printf (out, _ (" Central result %s."), central);
  for (guint i = 0; data->bars && i < data->bars->len; i++)
    {
      const LgrChartBar *b = &g_array_index (data->bars, LgrChartBar, i);
      g_autofree char *lo = lgr_format_money (b->at_low);
      g_autofree char *hi = lgr_format_money (b->at_high);
      /* Translators: "Children looked after ... 52 – 64 per 10,000: £10.1m at its low, £14.2m
       * at its high." */
      g_string_append_printf (out, _ (" %s: %s at its low, %s at its high."), b->label, lo, hi);
    }
  if (data->note)
    g_string_append_printf (out, " %s", data->note);
}

void
lgr_chart_describe_year_tornado (GString *out, const LgrChartData *data, int year_index)
{
  /* not drawn by year: nothing to add */
}

static double
axis_x (const LgrValueAxis *axis, const LgrChartRect *plot, double value)
{
  return plot->x + plot->width * lgr_value_axis_fraction (axis, value);
}

void
lgr_chart_tornado_draw (LgrChartLayout *layout, cairo_t *cr)
{
  const LgrChartData *data = layout->data;
  const LgrChartTheme *theme = layout->theme;
  const LgrChartPanel *panel = &layout->panels[0];
  double u = layout->unit;
  guint n = data->bars->len;
  LgrChartRect cell = { layout->pad, panel->plot.y, layout->width - 2 * layout->pad,
                        panel->plot.height + panel->x_label_height };
  if (n == 0 || cell.width <= 0 || cell.height <= 0)
    return;

  double tick_h = lgr_chart_text_line_height (&layout->text, LGR_TEXT_X_TICK);
  double note_h = data->note ? lgr_chart_text_line_height (&layout->text, LGR_TEXT_ANNOTATION) : 0;
  double label_w = 0;
  double line_h = lgr_chart_text_line_height (&layout->text, LGR_TEXT_Y_TICK);
  double top_h = lgr_chart_text_line_height (&layout->text, LGR_TEXT_ANNOTATION) + 4 * u;
  double rows_h = cell.height - top_h - tick_h - 6 * u - (note_h ? note_h + 6 * u : 0);
  /* a long label takes two lines where the rows leave room, so its values stay readable */
  gboolean two_lines = rows_h / n >= 2.0 * line_h;
  g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      const LgrChartBar *b = &g_array_index (data->bars, LgrChartBar, i);
      PangoLayout *pl
          = lgr_chart_text_layout (&layout->text, LGR_TEXT_Y_TICK, b->label, cell.width * 0.45);
      if (two_lines)
        {
          pango_layout_set_wrap (pl, PANGO_WRAP_WORD);
          pango_layout_set_height (pl, -2);
          pango_layout_set_alignment (pl, PANGO_ALIGN_RIGHT);
        }
      else /* the values at the end say most: shorten the name */
        pango_layout_set_ellipsize (pl, PANGO_ELLIPSIZE_MIDDLE);
      double w;
      lgr_chart_text_size (pl, &w, NULL);
      label_w = MAX (label_w, MIN (w, cell.width * 0.45));
      g_ptr_array_add (labels, pl);
    }
  double gap = 10 * u;
  /* the central value's label sits above the bars (top_h) */
  LgrChartRect plot
      = { cell.x + label_w + gap, cell.y + top_h, MAX (cell.width - label_w - gap - 8 * u, 1.0),
          MAX (cell.height - top_h - tick_h - 6 * u - (note_h ? note_h + 6 * u : 0), 1.0) };

  double lo = data->central, hi = data->central;
  for (guint i = 0; i < n; i++)
    {
      const LgrChartBar *b = &g_array_index (data->bars, LgrChartBar, i);
      lo = MIN (lo, MIN (b->at_low, b->at_high));
      hi = MAX (hi, MAX (b->at_low, b->at_high));
    }
  LgrValueAxis axis;
  guint max_ticks = CLAMP ((guint)(plot.width / (90 * u)), 2u, 10u);
  lgr_value_axis_init (&axis, lo, hi, max_ticks, FALSE, 1000.0);

  cairo_save (cr);
  /* grid and money ticks below */
  cairo_set_line_width (cr, theme->grid_width * u);
  for (guint t = 0; t < axis.n_ticks; t++)
    {
      double x = axis_x (&axis, &plot, axis.ticks[t]);
      lgr_chart_set_source (cr, theme->grid);
      cairo_move_to (cr, x, plot.y);
      cairo_line_to (cr, x, plot.y + plot.height);
      cairo_stroke (cr);
      g_autofree char *text = lgr_chart_format_tick (data, axis.ticks[t], axis.step);
      g_autoptr (PangoLayout) pl = lgr_chart_text_layout (&layout->text, LGR_TEXT_X_TICK, text, 0);
      double w, h;
      lgr_chart_text_size (pl, &w, &h);
      LgrChartRect box = { x - w / 2, plot.y + plot.height + 4 * u, w, h };
      if (!lgr_chart_label_collides (layout, &box))
        lgr_chart_draw_label (layout, cr, pl, LGR_TEXT_X_TICK, box.x, box.y, FALSE,
                              theme->text_secondary);
    }

  double row_h = plot.height / n;
  double bar_h = MIN (row_h * 0.7, 26 * u);
  double cx = axis_x (&axis, &plot, data->central);
  LgrRgba low_colour = lgr_chart_palette_colour (theme, LOW_SLOT);
  LgrRgba high_colour = lgr_chart_palette_colour (theme, HIGH_SLOT);
  for (guint i = 0; i < n; i++)
    {
      const LgrChartBar *b = &g_array_index (data->bars, LgrChartBar, i);
      double cy = plot.y + row_h * (i + 0.5);
      double xl = axis_x (&axis, &plot, b->at_low), xh = axis_x (&axis, &plot, b->at_high);
      LgrChartRect low = { MIN (cx, xl), cy - bar_h / 2, fabs (xl - cx), bar_h };
      LgrChartRect high = { MIN (cx, xh), cy - bar_h / 2, fabs (xh - cx), bar_h };
      if (low.width > 0)
        lgr_chart_fill_hatched (cr, low, low_colour, u);
      if (high.width > 0)
        {
          lgr_chart_set_source (cr, high_colour);
          cairo_rectangle (cr, high.x, high.y, high.width, high.height);
          cairo_fill (cr);
        }
      PangoLayout *pl = g_ptr_array_index (labels, i);
      double w, h;
      lgr_chart_text_size (pl, &w, &h);
      w = MIN (w, label_w);
      if (h <= row_h * 1.2 || i == 0)
        lgr_chart_draw_label (layout, cr, pl, LGR_TEXT_Y_TICK, plot.x - gap - w, cy - h / 2, FALSE,
                              theme->text);
    }

  /* the central result on top of the bars */
  lgr_chart_set_source (cr, theme->text);
  cairo_set_line_width (cr, 1.5 * u);
  cairo_move_to (cr, cx, plot.y - 2 * u);
  cairo_line_to (cr, cx, plot.y + plot.height);
  cairo_stroke (cr);
  g_autofree char *money = lgr_format_money (data->central);
  /* Translators: the tornado's vertical line, "Central £12.3m" */
  g_autofree char *central = g_strdup_printf (_ ("Central %s"), money);
  g_autoptr (PangoLayout) cpl
      = lgr_chart_text_layout (&layout->text, LGR_TEXT_ANNOTATION, central, 0);
  double cw, ch;
  lgr_chart_text_size (cpl, &cw, &ch);
  double lx = CLAMP (cx - cw / 2, cell.x, cell.x + cell.width - cw);
  lgr_chart_draw_label (layout, cr, cpl, LGR_TEXT_ANNOTATION, lx, plot.y - top_h, FALSE,
                        theme->text);

  if (data->note)
    {
      g_autoptr (PangoLayout) pl
          = lgr_chart_text_layout (&layout->text, LGR_TEXT_ANNOTATION, data->note, cell.width);
      lgr_chart_draw_label (layout, cr, pl, LGR_TEXT_ANNOTATION, cell.x,
                            plot.y + plot.height + tick_h + 10 * u, FALSE, theme->text_secondary);
    }
  cairo_restore (cr);
}
