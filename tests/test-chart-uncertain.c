/* test-chart-uncertain.c: the tornado and the uncertainty fan - their data from the study's
 * ranges, what is drawn (bar order, the band's colour, the probability sentence), figures
 * passed in by the caller, a study without ranges, and exports to PNG, SVG and PDF.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "lgr-chart-private.h"
#include "lgr-charts-studies.h"
#include "lgr-export.h"
#include "lgr-format.h"
#include "lgr-study-io.h"
#include "lgr-test-util.h"

static LgrStudy *
load_uncertain (void)
{
  g_autofree char *path = lgr_test_source_path ("tests", "files", "uncertain.lgr", NULL);
  g_autoptr (GError) error = NULL;
  LgrStudy *study = lgr_study_load_path (path, &error);
  g_assert_no_error (error);
  return study;
}

static gboolean
has_label (const LgrChartLayout *layout, LgrTextRole role, const char *part)
{
  for (guint i = 0; i < layout->labels->len; i++)
    {
      const LgrChartLabel *l = &g_array_index (layout->labels, LgrChartLabel, i);
      if (l->role == role && strstr (l->text, part))
        return TRUE;
    }
  return FALSE;
}

static guint32
rgb_of (LgrRgba c)
{
  return ((guint32)lround (c.r * 255) << 16) | ((guint32)lround (c.g * 255) << 8)
         | (guint32)lround (c.b * 255);
}

static guint
count_pixels (cairo_surface_t *surface, guint32 rgb, int tolerance)
{
  cairo_surface_flush (surface);
  const guint8 *px = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int w = cairo_image_surface_get_width (surface), h = cairo_image_surface_get_height (surface);
  guint n = 0;
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 p = *(const guint32 *)(px + y * stride + 4 * x);
        if (ABS ((int)((p >> 16) & 0xff) - (int)(rgb >> 16)) <= tolerance
            && ABS ((int)((p >> 8) & 0xff) - (int)((rgb >> 8) & 0xff)) <= tolerance
            && ABS ((int)(p & 0xff) - (int)(rgb & 0xff)) <= tolerance)
          n++;
      }
  return n;
}

static LgrChartLayout *
draw (const LgrResults *results, const LgrChartOptions *o, cairo_surface_t **surface)
{
  *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1600, 900);
  cairo_t *cr = cairo_create (*surface);
  LgrChartLayout *layout = lgr_chart_layout_new (cr, results, o, 1600, 900);
  lgr_chart_layout_draw (layout, cr);
  cairo_destroy (cr);
  return layout;
}

static void
test_tornado_bars (void)
{
  g_autoptr (LgrStudy) study = load_uncertain ();
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  g_autoptr (LgrUncertaintyModel) model = lgr_uncertainty_model_new (study);
  g_autoptr (LgrSensitivity) sens = lgr_sensitivity_compute (model);
  g_assert_true (lgr_chart_kind_applies (LGR_CHART_TORNADO, results));

  LgrChartOptions o;
  lgr_chart_options_init (&o, LGR_CHART_TORNADO);
  cairo_surface_t *surface;
  g_autoptr (LgrChartLayout) layout = draw (results, &o, &surface);
  const LgrChartData *data = layout->data;
  g_assert_null (data->empty_message);
  g_assert_nonnull (data->bars);
  g_assert_cmpuint (data->bars->len, ==, MIN (sens->n_rows, 15u));
  g_assert_cmpfloat (data->central, ==, sens->central);
  /* widest at the top, each bar the quantity's result at its low and high */
  for (guint i = 0; i < data->bars->len; i++)
    {
      const LgrChartBar *b = &g_array_index (data->bars, LgrChartBar, i);
      g_assert_cmpfloat (b->at_low, ==, sens->rows[i].metric_low);
      g_assert_cmpfloat (b->at_high, ==, sens->rows[i].metric_high);
      g_assert_true (g_str_has_prefix (b->label, sens->rows[i].q->name));
      g_assert_true (has_label (layout, LGR_TEXT_Y_TICK, sens->rows[i].q->name));
      if (i > 0)
        {
          const LgrChartBar *a = &g_array_index (data->bars, LgrChartBar, i - 1);
          g_assert_cmpfloat (fabs (a->at_high - a->at_low), >=, fabs (b->at_high - b->at_low));
        }
    }
  /* a rate in words with its low and high written once with their unit */
  gboolean rate = FALSE;
  for (guint i = 0; i < data->bars->len; i++)
    rate |= strstr (g_array_index (data->bars, LgrChartBar, i).label, " – ") != NULL
            && g_str_has_suffix (g_array_index (data->bars, LgrChartBar, i).label, " per 10,000");
  g_assert_true (rate);
  g_autofree char *central = lgr_format_money (sens->central);
  g_autofree char *central_label = g_strdup_printf ("Central %s", central);
  g_assert_true (has_label (layout, LGR_TEXT_ANNOTATION, central_label));
  /* both sides drawn: high solid in its colour, low hatched over a paler fill */
  const LgrChartTheme *theme = lgr_chart_theme_get (LGR_CHART_STYLE_LIGHT);
  g_assert_cmpuint (count_pixels (surface, rgb_of (lgr_chart_palette_colour (theme, 2)), 2), >,
                    5000);
  g_assert_cmpuint (count_pixels (surface, rgb_of (lgr_chart_palette_colour (theme, 1)), 8), >,
                    500);
  cairo_surface_destroy (surface);
}

static void
test_tornado_note (void)
{
  /* the bundled study with plus or minus 10% on everything: more than 15 quantities */
  g_autoptr (LgrStudy) study = lgr_charts_test_warwickshire ();
  study->default_range = 10;
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  g_autoptr (LgrUncertaintyModel) model = lgr_uncertainty_model_new (study);
  guint n = lgr_uncertainty_model_get_n_quantities (model);
  g_assert_cmpuint (n, >, 15);
  LgrChartOptions o;
  lgr_chart_options_init (&o, LGR_CHART_TORNADO);
  cairo_surface_t *surface;
  g_autoptr (LgrChartLayout) layout = draw (results, &o, &surface);
  cairo_surface_destroy (surface);
  g_assert_cmpuint (layout->data->bars->len, ==, 15);
  g_autofree char *more = g_strdup_printf ("%u more inputs move it by", n - 15);
  g_assert_nonnull (layout->data->note);
  g_assert_true (g_str_has_prefix (layout->data->note, more));
  g_assert_true (has_label (layout, LGR_TEXT_ANNOTATION, more));
  g_assert_cmpint (lgr_chart_year_at (results, &o, 1600, 900, 800, 450), ==, -1);
}

static void
test_fan_band (void)
{
  g_autoptr (LgrStudy) study = load_uncertain ();
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  g_autoptr (LgrUncertaintyModel) model = lgr_uncertainty_model_new (study);
  g_autoptr (LgrUncertaintyResults) unc
      = lgr_uncertainty_run (model, 1000, 7, 1, NULL, NULL, NULL, NULL);
  LgrChartOptions o;
  lgr_chart_options_init (&o, LGR_CHART_UNCERTAINTY);
  cairo_surface_t *surface;
  g_autoptr (LgrChartLayout) layout = draw (results, &o, &surface);
  const LgrChartData *data = layout->data;
  g_assert_null (data->empty_message);
  g_assert_cmpuint (data->bands->len, ==, results->n_scenarios);

  /* the probability under the title, from the study's own draws (1,000, seed 7) */
  g_autofree char *percent = lgr_format_percent (round (unc->scenarios[1].ahead_probability * 100));
  g_autofree char *sentence = g_strdup_printf (
      "Two unitaries came out ahead of One unitary in %s of 1,000 draws.", percent);
  g_assert_cmpstr (data->subtitle, ==, sentence);
  g_assert_true (has_label (layout, LGR_TEXT_SUBTITLE, sentence));
  g_autofree char *text = lgr_chart_describe (results, &o);
  g_assert_nonnull (strstr (text, sentence));

  /* each band is its scenario's P10 to P90, shaded in its colour: a pixel inside it, outside
   * every other band and away from every line, is the colour at 0.22 over white */
  const LgrChartPanel *panel = &layout->panels[0];
  cairo_surface_flush (surface);
  const guint8 *px = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  double per_px = (panel->y.max - panel->y.min) / panel->plot.height;
  guint last = results->n_years - 1;
  for (guint k = 0; k < data->bands->len; k++)
    {
      const LgrChartBand *b = &g_array_index (data->bands, LgrChartBand, k);
      g_assert_cmpfloat (b->upper[last], ==, unc->scenarios[k].cumulative_p90[last]);
      g_assert_cmpfloat (b->lower[last], ==, unc->scenarios[k].cumulative_p10[last]);
      LgrRgba c = lgr_chart_scenario_rgba (layout->theme, &results->scenarios[k], k);
      guint checked = 0;
      for (guint t = 1; t <= last; t++)
        {
          double x = lgr_band_axis_centre (&panel->x, t - 0.5);
#define MID(a) (((a)[t] + (a)[t - 1]) / 2)
          for (double y = panel->plot.y + 2; y < panel->plot.y + panel->plot.height - 2; y += 3)
            {
              double v = panel->y.max - (y - panel->plot.y) * per_px;
              gboolean ok = v < MID (b->upper) - 4 * per_px && v > MID (b->lower) + 4 * per_px;
              for (guint j = 0; j < data->bands->len && ok; j++)
                {
                  const LgrChartBand *o2 = &g_array_index (data->bands, LgrChartBand, j);
                  ok = j == k || v > MID (o2->upper) + 4 * per_px
                       || v < MID (o2->lower) - 4 * per_px;
                }
              for (guint i = 0; i < data->series->len && ok; i++)
                {
                  const LgrChartSeries *s = g_ptr_array_index (data->series, i);
                  ok = fabs (v - MID (s->values)) > 12 * per_px;
                }
              ok = ok && fabs (v) > 6 * per_px; /* the zero line */
              for (guint i = 0; i < panel->y.n_ticks && ok; i++)
                ok = fabs (v - panel->y.ticks[i]) > 4 * per_px; /* the grid */
              /* nor under a label (the marks' have a white box) or a mark */
              for (guint i = 0; i < layout->labels->len && ok; i++)
                {
                  const LgrChartLabel *l = &g_array_index (layout->labels, LgrChartLabel, i);
                  ok = x < l->box.x - 8 || x > l->box.x + l->box.width + 8 || y < l->box.y - 8
                       || y > l->box.y + l->box.height + 8;
                }
              if (!ok)
                continue;
              guint32 p = *(const guint32 *)(px + (int)y * stride + 4 * (int)x) & 0xffffff;
              double want[3] = { c.r, c.g, c.b };
              for (int ch = 0; ch < 3; ch++)
                {
                  double got = ((p >> (16 - 8 * ch)) & 0xff) / 255.0;
                  g_assert_cmpfloat_with_epsilon (got, 1.0 - 0.22 * (1.0 - want[ch]), 0.02);
                }
              checked++;
            }
#undef MID
        }
      g_assert_cmpuint (checked, >, 10);
    }
  cairo_surface_destroy (surface);
}

static void
test_fan_passed_in (void)
{
  g_autoptr (LgrStudy) study = load_uncertain ();
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  g_autoptr (LgrUncertaintyModel) model = lgr_uncertainty_model_new (study);
  g_autoptr (LgrUncertaintyResults) unc
      = lgr_uncertainty_run (model, 200, 3, 1, NULL, NULL, NULL, NULL);
  g_autoptr (LgrSensitivity) sens = lgr_sensitivity_compute (model);
  LgrChartOptions o;
  lgr_chart_options_init (&o, LGR_CHART_UNCERTAINTY);
  o.uncertainty = unc;
  g_autoptr (LgrChartData) data = lgr_chart_data_new (results, &o);
  g_assert_nonnull (strstr (data->subtitle, "of 200 draws."));
  g_assert_null (data->uncertainty); /* borrowed only while building */
  const LgrChartBand *b = &g_array_index (data->bands, LgrChartBand, 0);
  g_assert_cmpfloat (b->lower[1], ==, unc->scenarios[0].cumulative_p10[1]);

  lgr_chart_options_init (&o, LGR_CHART_TORNADO);
  o.sensitivity = sens;
  g_autoptr (LgrChartData) tornado = lgr_chart_data_new (results, &o);
  g_assert_cmpfloat (tornado->central, ==, sens->central);

  /* one scenario: how often it pays back */
  const char *one[] = { "one", NULL };
  lgr_chart_options_init (&o, LGR_CHART_UNCERTAINTY);
  o.uncertainty = unc;
  o.scenarios = one;
  g_autoptr (LgrChartData) alone = lgr_chart_data_new (results, &o);
  g_assert_true (
      g_str_has_prefix (alone->subtitle, "One unitary pays back within the horizon in "));
}

static void
test_no_ranges (void)
{
  g_autofree char *plain = lgr_test_bundled_without_ranges ();
  g_autoptr (LgrStudy) study = lgr_test_load_string (plain);
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  for (LgrChartKind k = LGR_CHART_TORNADO; k <= LGR_CHART_UNCERTAINTY; k++)
    {
      g_assert_false (lgr_chart_kind_applies (k, results));
      LgrChartOptions o;
      lgr_chart_options_init (&o, k);
      cairo_surface_t *surface;
      g_autoptr (LgrChartLayout) layout = draw (results, &o, &surface);
      cairo_surface_destroy (surface);
      g_assert_nonnull (layout->data->empty_message);
      g_assert_true (has_label (layout, LGR_TEXT_MESSAGE, "gives no input a range"));
    }
}

static void
test_exports (void)
{
  g_autoptr (LgrStudy) study = load_uncertain ();
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  g_autofree char *dir = g_dir_make_tmp ("lgr-uncertain-XXXXXX", NULL);
  const char *ext[] = { "png", "svg", "pdf" };
  for (LgrChartKind k = LGR_CHART_TORNADO; k <= LGR_CHART_UNCERTAINTY; k++)
    for (guint f = 0; f < G_N_ELEMENTS (ext); f++)
      {
        LgrChartOptions o;
        lgr_chart_options_init (&o, k);
        g_autofree char *name = g_strdup_printf ("%s.%s", lgr_chart_kind_to_string (k), ext[f]);
        g_autofree char *path = g_build_filename (dir, name, NULL);
        g_autoptr (GError) error = NULL;
        g_assert_true (
            lgr_export_chart (results, &o, (LgrExportFormat)f, path, 1600, 900, 1.0, &error));
        g_assert_no_error (error);
        GStatBuf st;
        g_assert_cmpint (g_stat (path, &st), ==, 0);
        g_assert_cmpint (st.st_size, >, 1000);
        g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
        if (f == LGR_EXPORT_PDF && pdftotext)
          {
            const char *argv[] = { pdftotext, path, "-", NULL };
            g_autofree char *out = NULL;
            int status = 0;
            g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out,
                          NULL, &status, &error);
            g_assert_no_error (error);
            g_assert_nonnull (
                strstr (out, k == LGR_CHART_TORNADO ? "Central −£" : "came out ahead"));
          }
        g_remove (path);
      }
  g_rmdir (dir);
}

static char *
report_text (const LgrStudy *study, const LgrResults *results)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  if (pdftotext == NULL)
    return NULL;
  g_autofree char *dir = g_dir_make_tmp ("lgr-uncertain-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr (GError) error = NULL;
  g_assert_true (lgr_report_write_pdf (study, results, path, &error));
  g_assert_no_error (error);
  const char *argv[] = { pdftotext, path, "-", NULL };
  char *out = NULL;
  int status = 0;
  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_remove (path);
  g_rmdir (dir);
  /* one line however the page wraps it */
  g_strdelimit (out, "\n", ' ');
  return out;
}

static void
test_report_section (void)
{
  g_autoptr (LgrStudy) study = load_uncertain ();
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  g_autofree char *text = report_text (study, results);
  if (text == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }
  g_assert_nonnull (strstr (text, "How sure are we?"));
  g_assert_nonnull (strstr (text, "in 1,000 draws of the whole study (seed 7)"));
  g_assert_nonnull (strstr (text, "came out ahead of One unitary in"));
  g_assert_nonnull (strstr (text, "What moves the result most"));
  g_assert_nonnull (strstr (text, "Switching values"));
  g_assert_nonnull (strstr (text, "ahead while this rate is"));
  g_assert_nonnull (strstr (text, "ahead whatever this"));
  g_assert_nonnull (strstr (text, "The inputs with a range"));
  /* every quantity, with its low, central and high */
  g_autoptr (LgrUncertaintyModel) model = lgr_uncertainty_model_new (study);
  for (guint k = 0; k < lgr_uncertainty_model_get_n_quantities (model); k++)
    {
      const LgrQuantity *q = lgr_uncertainty_model_get_quantity (model, k);
      g_autofree char *lo = lgr_chart_quantity_value (study, q, q->low);
      g_autofree char *hi = lgr_chart_quantity_value (study, q, q->high);
      g_assert_nonnull (strstr (text, q->name));
      g_assert_nonnull (strstr (text, lo));
      g_assert_nonnull (strstr (text, hi));
    }

  /* no ranges: no section */
  g_autofree char *plain_xml = lgr_test_bundled_without_ranges ();
  g_autoptr (LgrStudy) plain = lgr_test_load_string (plain_xml);
  g_autoptr (LgrResults) plain_results = lgr_results_compute (plain);
  g_autofree char *plain_text = report_text (plain, plain_results);
  g_assert_null (strstr (plain_text, "How sure are we?"));
  g_assert_null (strstr (plain_text, "What moves the result most"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/charts/uncertain/tornado-bars", test_tornado_bars);
  g_test_add_func ("/charts/uncertain/tornado-note", test_tornado_note);
  g_test_add_func ("/charts/uncertain/fan-band", test_fan_band);
  g_test_add_func ("/charts/uncertain/passed-in", test_fan_passed_in);
  g_test_add_func ("/charts/uncertain/no-ranges", test_no_ranges);
  g_test_add_func ("/charts/uncertain/exports", test_exports);
  g_test_add_func ("/charts/uncertain/report", test_report_section);
  return g_test_run ();
}
