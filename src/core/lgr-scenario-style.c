/* lgr-scenario-style.c: scenario colours and the line styles that follow them
 * (lgr-scenario-style.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-scenario-style.h"

#include <math.h>
#include <string.h>

/* Okabe and Ito's eight colours (Okabe, M. and Ito, K., "Color Universal Design", J*FLY, 2002),
 * ordered so that the first few are the most distinct for every kind of colour vision. The
 * charts draw the last (black) light grey on a dark background. */
static const char *const palette[LGR_N_PALETTE] = {
  "#0072b2", /* blue */
  "#e69f00", /* orange */
  "#009e73", /* bluish green */
  "#cc79a7", /* reddish purple */
  "#56b4e9", /* sky blue */
  "#d55e00", /* vermillion */
  "#f0e442", /* yellow */
  "#000000", /* black */
};

const char *
lgr_scenario_style_palette (guint slot)
{
  return palette[slot % LGR_N_PALETTE];
}

gboolean
lgr_scenario_style_parse (const char *spec, double rgb[3])
{
  int v[6];

  if (spec == NULL || spec[0] != '#' || strlen (spec) != 7)
    return FALSE;
  for (int i = 0; i < 6; i++)
    if ((v[i] = g_ascii_xdigit_value (spec[i + 1])) < 0)
      return FALSE;
  for (int i = 0; i < 3; i++)
    rgb[i] = (v[2 * i] * 16 + v[2 * i + 1]) / 255.0;
  return TRUE;
}

static double
to_linear (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static void
to_lab (const double c[3], double lab[3])
{
  double r = to_linear (c[0]), g = to_linear (c[1]), b = to_linear (c[2]);
  double xyz[3] = {
    (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047,
    (0.2126 * r + 0.7152 * g + 0.0722 * b) / 1.0,
    (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883,
  };
  for (int i = 0; i < 3; i++)
    xyz[i] = xyz[i] > 0.008856 ? cbrt (xyz[i]) : 7.787 * xyz[i] + 16.0 / 116.0;
  lab[0] = 116 * xyz[1] - 16;
  lab[1] = 500 * (xyz[0] - xyz[1]);
  lab[2] = 200 * (xyz[1] - xyz[2]);
}

double
lgr_scenario_style_distance (const double a[3], const double b[3])
{
  double la[3], lb[3];
  to_lab (a, la);
  to_lab (b, lb);
  return sqrt ((la[0] - lb[0]) * (la[0] - lb[0]) + (la[1] - lb[1]) * (la[1] - lb[1])
               + (la[2] - lb[2]) * (la[2] - lb[2]));
}

const char *
lgr_scenario_style_colour (const LgrStudy *study, guint index)
{
  const LgrScenario *scenario;
  double rgb[3];

  g_return_val_if_fail (study != NULL && index < study->scenarios->len, palette[0]);
  scenario = g_ptr_array_index (study->scenarios, index);
  if (lgr_scenario_style_parse (scenario->colour, rgb))
    return scenario->colour;
  return lgr_scenario_style_palette (index);
}

/* The shown colour of each scenario: red, green and blue of scenario i at 3 i. */
static double *
shown_colours (const LgrStudy *study)
{
  double *rgb = g_new (double, 3 * MAX (study->scenarios->len, 1));
  for (guint i = 0; i < study->scenarios->len; i++)
    lgr_scenario_style_parse (lgr_scenario_style_colour (study, i), rgb + 3 * i);
  return rgb;
}

void
lgr_scenario_style_slots (const LgrStudy *study, guint *slots)
{
  double palette_rgb[LGR_N_PALETTE][3];
  g_autofree double *rgb = NULL;
  guint taken = 0; /* bits of the slots given so far */

  g_return_if_fail (study != NULL && slots != NULL);

  rgb = shown_colours (study);
  for (guint s = 0; s < LGR_N_PALETTE; s++)
    lgr_scenario_style_parse (palette[s], palette_rgb[s]);
  for (guint i = 0; i < study->scenarios->len; i++)
    {
      guint best = i % LGR_N_PALETTE;
      double best_distance = G_MAXDOUBLE;

      /* Past eight scenarios every slot is taken: the nearest, whoever has it. */
      if (taken == (1u << LGR_N_PALETTE) - 1)
        taken = 0;
      for (guint s = 0; s < LGR_N_PALETTE; s++)
        {
          double d = lgr_scenario_style_distance (rgb + 3 * i, palette_rgb[s]);
          if (!(taken & (1u << s)) && d < best_distance)
            {
              best = s;
              best_distance = d;
            }
        }
      taken |= 1u << best;
      slots[i] = best;
    }
}

/* The hue angle of a colour in L*a*b*, in degrees; a grey (black included) has none: -1. */
static double
hue (const double rgb[3])
{
  double lab[3];
  to_lab (rgb, lab);
  if (hypot (lab[1], lab[2]) < 10)
    return -1;
  return atan2 (lab[2], lab[1]) * 180 / G_PI;
}

static double
hue_difference (const double a[3], const double b[3])
{
  double ha = hue (a), hb = hue (b), d;
  if (ha < 0 || hb < 0)
    return 90; /* a grey against a colour: different enough, not the most */
  d = fabs (ha - hb);
  return d > 180 ? 360 - d : d;
}

char *
lgr_scenario_style_choose (const LgrStudy *study, const LgrScenario *original)
{
  g_autofree double *rgb = NULL;
  double original_rgb[3];
  gboolean has_original;
  int first_apart = -1, most_hue = -1, farthest = 0;
  double most_hue_difference = -1, farthest_distance = -1;

  g_return_val_if_fail (study != NULL, NULL);

  rgb = shown_colours (study);
  has_original = original != NULL && lgr_scenario_style_parse (original->colour, original_rgb);
  for (guint s = 0; s < LGR_N_PALETTE; s++)
    {
      double candidate[3], nearest = G_MAXDOUBLE;

      lgr_scenario_style_parse (palette[s], candidate);
      for (guint i = 0; i < study->scenarios->len; i++)
        nearest = MIN (nearest, lgr_scenario_style_distance (candidate, rgb + 3 * i));
      if (nearest > farthest_distance)
        {
          farthest = s;
          farthest_distance = nearest;
        }
      if (nearest < LGR_SCENARIO_STYLE_APART)
        continue;
      if (first_apart < 0)
        first_apart = s;
      if (has_original && hue_difference (candidate, original_rgb) > most_hue_difference)
        {
          most_hue = s;
          most_hue_difference = hue_difference (candidate, original_rgb);
        }
    }
  if (most_hue >= 0)
    return g_strdup (palette[most_hue]);
  return g_strdup (palette[first_apart >= 0 ? first_apart : farthest]);
}

void
lgr_scenario_style_pin (LgrStudy *study)
{
  g_return_if_fail (study != NULL);

  for (guint i = 0; i < study->scenarios->len; i++)
    {
      LgrScenario *scenario = g_ptr_array_index (study->scenarios, i);
      const char *shown = lgr_scenario_style_colour (study, i);
      if (scenario->colour != shown)
        {
          g_free (scenario->colour);
          scenario->colour = g_strdup (shown);
        }
    }
}
