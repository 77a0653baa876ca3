/* lgr-chart-text.c: text with pango, measured the same way for every surface.
 *
 * Metrics hinting is off, so a label is as wide on a PNG as on the screen or in a PDF, and the
 * layout computed for hit-testing matches the one drawn.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-chart-private.h"

#include <math.h>

#include "lgr-format.h"

static const struct
{
  double size;
  PangoWeight weight;
} role_fonts[LGR_N_TEXT_ROLES] = {
  [LGR_TEXT_TITLE] = { 18, PANGO_WEIGHT_BOLD },
  [LGR_TEXT_SUBTITLE] = { 13, PANGO_WEIGHT_NORMAL },
  [LGR_TEXT_SOURCE] = { 10.5, PANGO_WEIGHT_NORMAL },
  [LGR_TEXT_LEGEND] = { 12, PANGO_WEIGHT_NORMAL },
  [LGR_TEXT_PANEL_TITLE] = { 12.5, PANGO_WEIGHT_BOLD },
  [LGR_TEXT_Y_TITLE] = { 11.5, PANGO_WEIGHT_NORMAL },
  [LGR_TEXT_Y_TICK] = { 11.5, PANGO_WEIGHT_NORMAL },
  [LGR_TEXT_X_TICK] = { 11.5, PANGO_WEIGHT_NORMAL },
  [LGR_TEXT_ANNOTATION] = { 11, PANGO_WEIGHT_BOLD },
  [LGR_TEXT_MESSAGE] = { 13, PANGO_WEIGHT_NORMAL },
};

void
lgr_chart_text_init (LgrChartText *text, const LgrChartTheme *theme, double unit)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  text->context = pango_font_map_create_context (map);
  text->unit = unit;
  for (guint i = 0; i < LGR_N_TEXT_ROLES; i++)
    text->line_heights[i] = 0;

  cairo_font_options_t *fo = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (fo, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (fo, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (fo, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (text->context, fo);
  cairo_font_options_destroy (fo);
  pango_context_set_round_glyph_positions (text->context, FALSE);

  for (guint i = 0; i < LGR_N_TEXT_ROLES; i++)
    {
      PangoFontDescription *d = pango_font_description_from_string (theme->font_family);
      pango_font_description_set_absolute_size (d, role_fonts[i].size * unit * PANGO_SCALE);
      pango_font_description_set_weight (d, role_fonts[i].weight);
      text->fonts[i] = d;
    }
}

void
lgr_chart_text_clear (LgrChartText *text)
{
  for (guint i = 0; i < LGR_N_TEXT_ROLES; i++)
    g_clear_pointer (&text->fonts[i], pango_font_description_free);
  g_clear_object (&text->context);
}

PangoLayout *
lgr_chart_text_layout (LgrChartText *text, LgrTextRole role, const char *string, double max_width)
{
  PangoLayout *pl = pango_layout_new (text->context);
  pango_layout_set_font_description (pl, text->fonts[role]);
  /* pango shapes the whole of a text even when it shows one line: cut a long name first */
  g_autofree char *shown = lgr_format_truncate (string, LGR_CHART_MAX_LABEL_CHARS);
  pango_layout_set_text (pl, shown, -1);
  if (max_width > 0)
    {
      pango_layout_set_width (pl, (int)(max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (pl, PANGO_ELLIPSIZE_END);
    }
  return pl;
}

void
lgr_chart_text_size (PangoLayout *layout, double *width, double *height)
{
  PangoRectangle logical;
  pango_layout_get_extents (layout, NULL, &logical);
  if (width)
    *width = (double)logical.width / PANGO_SCALE;
  if (height)
    *height = (double)logical.height / PANGO_SCALE;
}

double
lgr_chart_text_line_height (LgrChartText *text, LgrTextRole role)
{
  if (text->line_heights[role] <= 0)
    {
      g_autoptr (PangoLayout) pl = lgr_chart_text_layout (text, role, "2028/29 £0", 0);
      lgr_chart_text_size (pl, NULL, &text->line_heights[role]);
    }
  return text->line_heights[role];
}

void
lgr_chart_draw_label (LgrChartLayout *layout, cairo_t *cr, PangoLayout *pl, LgrTextRole role,
                      double x, double y, gboolean rotated, LgrRgba colour)
{
  double w, h;
  lgr_chart_text_size (pl, &w, &h);
  if (pango_layout_get_width (pl) > 0)
    w = MIN (w, (double)pango_layout_get_width (pl) / PANGO_SCALE);

  LgrChartLabel label = { role, { x, y, rotated ? h : w, rotated ? w : h }, NULL };
  label.text = g_strdup (pango_layout_get_text (pl));
  g_array_append_val (layout->labels, label); /* the array owns label.text now */

  if (cr == NULL)
    return; /* cppcheck-suppress memleak */
  cairo_save (cr);
  lgr_chart_set_source (cr, colour);
  if (rotated)
    {
      cairo_translate (cr, x, y + w);
      cairo_rotate (cr, -G_PI / 2);
    }
  else
    cairo_translate (cr, x, y);
  pango_cairo_show_layout (cr, pl);
  cairo_restore (cr);
}

gboolean
lgr_chart_label_collides (const LgrChartLayout *layout, const LgrChartRect *box)
{
  for (guint i = 0; i < layout->labels->len; i++)
    {
      const LgrChartLabel *l = &g_array_index (layout->labels, LgrChartLabel, i);
      if (lgr_chart_rect_intersects (&l->box, box))
        return TRUE;
    }
  return FALSE;
}

char *
lgr_chart_format_tick (const LgrChartData *data, double value, double step)
{
  if (data->money)
    return lgr_format_money_tick (value, step);
  int decimals = step >= 1 ? 0 : (step >= 0.1 ? 1 : 2);
  if (decimals == 1 && fabs (step * 10 - round (step * 10)) > 1e-9)
    decimals = 2;
  return lgr_format_count (value, decimals);
}

char *
lgr_chart_format_value (const LgrChartData *data, double value)
{
  if (data->money)
    return lgr_format_money (value);
  return lgr_format_count (value, fabs (value) < 100 ? 1 : 0);
}
