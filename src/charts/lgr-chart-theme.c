/* lgr-chart-theme.c: the one style description (light and dark) and the one palette.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-chart-private.h"
#include "lgr-scenario-style.h"

#include <math.h>
#include <string.h>

#define RGB(hex)                                                                                   \
  {                                                                                                \
    ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex)&0xff) / 255.0, 1.0           \
  }
#define RGBA(hex, alpha)                                                                           \
  {                                                                                                \
    ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex)&0xff) / 255.0, (alpha)       \
  }

static const LgrChartTheme themes[] = {
  [LGR_CHART_STYLE_LIGHT] = {
      .background = RGB (0xffffff),
      .text = RGB (0x1a1a1a),
      .text_secondary = RGB (0x5e5c64),
      .grid = RGB (0xdeddda),
      .axis = RGB (0x77767b),
      .zero_line = RGB (0x1a1a1a),
      .highlight_band = RGBA (0x3584e4, 0.12),
      .callout_fill = RGBA (0xffffff, 0.94),
      .callout_border = RGB (0x9a9996),
      .reference = RGB (0x1a1a1a),
      .start = RGB (0x8c8c8c),
      .start_width = 1.3,
      .grid_width = 1.0,
      .zero_width = 1.6,
      .line_width = 2.4,
      .marker_size = 7.0,
      .font_family = LGR_CHART_FONT_FAMILY,
      .dark = FALSE,
  },
  [LGR_CHART_STYLE_DARK] = {
      .background = RGB (0x1e1e1e),
      .text = RGB (0xf6f5f4),
      .text_secondary = RGB (0xc0bfbc),
      .grid = RGB (0x3d3846),
      .axis = RGB (0x9a9996),
      .zero_line = RGB (0xf6f5f4),
      .highlight_band = RGBA (0x99c1f1, 0.16),
      .callout_fill = RGBA (0x303030, 0.95),
      .callout_border = RGB (0x77767b),
      .reference = RGB (0xf6f5f4),
      .start = RGB (0x9a9996),
      .start_width = 1.3,
      .grid_width = 1.0,
      .zero_width = 1.6,
      .line_width = 2.4,
      .marker_size = 7.0,
      .font_family = LGR_CHART_FONT_FAMILY,
      .dark = TRUE,
  },
};

const LgrChartTheme *
lgr_chart_theme_get (LgrChartStyle style)
{
  if ((guint)style >= G_N_ELEMENTS (themes))
    style = LGR_CHART_STYLE_LIGHT;
  return &themes[style];
}

/* The palette is the core's (lgr-scenario-style.c), so a colour chosen for a new scenario and
 * the charts' colours are the same eight; the last (black) becomes light grey on the dark
 * background. */
LgrRgba
lgr_chart_palette_colour (const LgrChartTheme *theme, guint index)
{
  LgrRgba c = { 0, 0, 0, 1.0 };
  double rgb[3];

  index %= LGR_CHART_N_PALETTE;
  if (index == LGR_CHART_N_PALETTE - 1 && theme->dark)
    return (LgrRgba)RGB (0xdeddda);
  if (lgr_scenario_style_parse (lgr_scenario_style_palette (index), rgb))
    c = (LgrRgba){ rgb[0], rgb[1], rgb[2], 1.0 };
  return c;
}

guint *
lgr_chart_style_slots (const LgrResults *results)
{
  guint *slots = g_new0 (guint, MAX (results->n_scenarios, 1));
  if (results->study && results->study->scenarios->len == results->n_scenarios)
    lgr_scenario_style_slots (results->study, slots);
  else
    for (guint i = 0; i < results->n_scenarios; i++)
      slots[i] = i % LGR_CHART_N_PALETTE;
  return slots;
}

void
lgr_chart_slot_style (guint slot, guint *marker, guint *dash)
{
  /* 6 markers and 4 dashes: slots 0 to 7 have eight different pairs. */
  *marker = slot % LGR_CHART_N_MARKERS;
  *dash = slot % LGR_CHART_N_DASHES;
}

gboolean
lgr_chart_parse_colour (const char *spec, LgrRgba *colour)
{
  double rgb[3];
  if (!lgr_scenario_style_parse (spec, rgb))
    return FALSE;
  *colour = (LgrRgba){ rgb[0], rgb[1], rgb[2], 1.0 };
  return TRUE;
}

static double
to_linear (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
to_srgb (double c)
{
  c = CLAMP (c, 0.0, 1.0);
  return c <= 0.0031308 ? c * 12.92 : 1.055 * pow (c, 1 / 2.4) - 0.055;
}

LgrRgba
lgr_chart_simulate_deuteranopia (LgrRgba c)
{
  static const double m[3][3] = {
    { 0.367322, 0.860646, -0.227968 },
    { 0.280085, 0.672501, 0.047413 },
    { -0.011820, 0.042940, 0.968881 },
  };
  double lin[3] = { to_linear (c.r), to_linear (c.g), to_linear (c.b) };
  double out[3];
  for (int i = 0; i < 3; i++)
    out[i] = m[i][0] * lin[0] + m[i][1] * lin[1] + m[i][2] * lin[2];
  return (LgrRgba){ to_srgb (out[0]), to_srgb (out[1]), to_srgb (out[2]), c.a };
}

double
lgr_chart_colour_distance (LgrRgba a, LgrRgba b)
{
  double ra[3] = { a.r, a.g, a.b }, rb[3] = { b.r, b.g, b.b };
  return lgr_scenario_style_distance (ra, rb);
}

void
lgr_chart_set_source (cairo_t *cr, LgrRgba c)
{
  cairo_set_source_rgba (cr, c.r, c.g, c.b, c.a);
}

gboolean
lgr_chart_rect_intersects (const LgrChartRect *a, const LgrChartRect *b)
{
  /* Touching edges do not count: labels may sit side by side. */
  const double e = 0.01;
  return a->x + a->width > b->x + e && b->x + b->width > a->x + e && a->y + a->height > b->y + e
         && b->y + b->height > a->y + e;
}

gboolean
lgr_chart_rect_contains (const LgrChartRect *outer, const LgrChartRect *inner)
{
  const double e = 0.01;
  return inner->x >= outer->x - e && inner->y >= outer->y - e
         && inner->x + inner->width <= outer->x + outer->width + e
         && inner->y + inner->height <= outer->y + outer->height + e;
}
