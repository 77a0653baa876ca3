/* lgr-chart-axis.c: the value axis (round ticks) and the band axis (one band per year).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-chart-private.h"

#include <math.h>

static const double nice_mantissas[] = { 1, 2, 2.5, 5, 10 };

/* Data beyond this is drawn at the edge of the plot: a tick past the data stays finite, so the
 * step search below always ends. No study comes near it (figures in files stop at 10^12). */
#define AXIS_LIMIT 1e300
/* Each round of the step search at least multiplies the step by 1.25; from the first round step
 * two or three rounds always suffice, so this bound is only a guard. */
#define MAX_STEP_ROUNDS 64

double
lgr_value_axis_nice_step (double span, guint max_ticks)
{
  if (!(span > 0) || !isfinite (span))
    return 1;
  double raw = span / MAX (max_ticks, 1u);
  double magnitude = pow (10, floor (log10 (raw)));
  double step = 10 * magnitude;
  for (guint i = 0; i < G_N_ELEMENTS (nice_mantissas); i++)
    if (nice_mantissas[i] * magnitude >= raw * (1 - 1e-9))
      {
        step = nice_mantissas[i] * magnitude;
        break;
      }
  /* at the ends of the doubles (10^308, denormals) no round step exists: the raw one */
  return step > 0 && isfinite (step) ? step : raw > 0 ? raw : span;
}

/* The next round step above step: 1 -> 2 -> 2.5 -> 5 -> 10. */
static double
next_step (double step)
{
  double magnitude = pow (10, floor (log10 (step) + 1e-9));
  for (guint i = 0; i < G_N_ELEMENTS (nice_mantissas); i++)
    if (nice_mantissas[i] * magnitude > step * (1 + 1e-9))
      return nice_mantissas[i] * magnitude;
  return 10 * magnitude;
}

void
lgr_value_axis_init (LgrValueAxis *axis, double data_min, double data_max, guint max_ticks,
                     gboolean include_zero, double min_span)
{
  if (isnan (data_min) || isnan (data_max) || data_min > data_max)
    data_min = data_max = 0;
  data_min = CLAMP (data_min, -AXIS_LIMIT, AXIS_LIMIT);
  data_max = CLAMP (data_max, -AXIS_LIMIT, AXIS_LIMIT);
  if (!(min_span > 0) || !isfinite (min_span))
    min_span = 1;
  min_span = CLAMP (min_span, 1e-100, AXIS_LIMIT);
  max_ticks = CLAMP (max_ticks, 1u, LGR_CHART_MAX_TICKS - 1u);

  double lo = data_min, hi = data_max;
  if (include_zero)
    {
      lo = MIN (lo, 0);
      hi = MAX (hi, 0);
    }
  /* a span too small to see (a billionth of min_span, or of the values) counts as empty */
  if (hi - lo < MAX (fabs (hi), fabs (lo)) * 1e-9 || hi - lo < min_span * 1e-9)
    {
      if (include_zero && lo >= 0)
        hi = lo + min_span;
      else if (include_zero && hi <= 0 && lo < 0)
        lo = hi - min_span;
      else
        {
          /* wide enough to tell apart from the values, however large they are */
          double w = MAX (min_span, MAX (fabs (lo), fabs (hi)) * 1e-6);
          lo -= w / 2;
          hi += w / 2;
        }
      if (include_zero && lo == 0 && hi == 0)
        hi = min_span;
    }

  /* an axis across zero needs an interval on each side */
  if (lo < 0 && hi > 0)
    max_ticks = MAX (max_ticks, 2u);
  double step = lgr_value_axis_nice_step (hi - lo, max_ticks);
  double min = lo, max = hi;
  gboolean found = FALSE;
  for (guint round = 0; round < MAX_STEP_ROUNDS && step > 0 && isfinite (step); round++)
    {
      min = floor (lo / step + 1e-9) * step;
      max = ceil (hi / step - 1e-9) * step;
      if (min > lo)
        min -= step;
      if (max < hi)
        max += step;
      if ((max - min) / step <= max_ticks + 1e-6)
        {
          found = isfinite (min) && isfinite (max);
          break;
        }
      step = next_step (step);
    }
  if (!found)
    {
      /* never reached with data inside AXIS_LIMIT; if it were, the data's own ends */
      min = lo, max = hi, step = hi - lo;
    }
  if (max <= min)
    max = min + step;

  axis->min = min;
  axis->max = max;
  axis->step = step;
  axis->n_ticks = (guint)lround ((max - min) / step) + 1;
  axis->n_ticks = MIN (axis->n_ticks, (guint)LGR_CHART_MAX_TICKS);
  for (guint i = 0; i < axis->n_ticks; i++)
    {
      double v = min + i * step;
      if (fabs (v) < step * 1e-9)
        v = 0; /* no "−£0" from rounding */
      axis->ticks[i] = v;
    }
}

double
lgr_value_axis_fraction (const LgrValueAxis *axis, double value)
{
  if (axis->max <= axis->min || isnan (value))
    return 0; /* callers clamp the infinities */
  return (value - axis->min) / (axis->max - axis->min);
}

double
lgr_band_axis_band_width (const LgrBandAxis *axis)
{
  return axis->n ? axis->width / axis->n : axis->width;
}

double
lgr_band_axis_centre (const LgrBandAxis *axis, double index)
{
  return axis->x0 + (index + 0.5) * lgr_band_axis_band_width (axis);
}

int
lgr_band_axis_index_at (const LgrBandAxis *axis, double x)
{
  if (axis->n == 0 || x < axis->x0 || x >= axis->x0 + axis->width)
    return -1;
  int i = (int)floor ((x - axis->x0) / lgr_band_axis_band_width (axis));
  return CLAMP (i, 0, (int)axis->n - 1);
}
