/* test-charts-limits.c: charts and the report on studies at and beyond the limits of every range.
 *
 * Every chart kind of the catalogue is drawn for values from the tiniest to the largest double,
 * the infinities and NaN, over one year and sixty, with the widest growth, and must come back
 * with a finite axis and whole labels: the axis search has a hard bound in the code, so a test
 * that returns is the proof (no timeout is involved). Then the bounds on size: thousands of items
 * make a bounded number of segments, megabyte-long texts are cut before pango sees them, and the
 * report is drawn in one pass.
 */
#include <float.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "lgr-chart-private.h"
#include "lgr-chart.h"
#include "lgr-charts-studies.h"
#include "lgr-export.h"
#include "lgr-format.h"
#include "lgr-test-util.h"

static const double extremes[] = {
  NAN,  INFINITY, -INFINITY, DBL_MAX, -DBL_MAX, 1e308, -1e308,       1e200,
  1e12, 0,        1e-300,    -1e-300, 1e-12,    5e-7,  DBL_TRUE_MIN,
};

/* Every money figure of the study set to value, and growth to growth % a year. */
static void
set_everything (LgrStudy *study, double value, double growth)
{
  for (guint s = 0; s < study->scenarios->len; s++)
    {
      LgrScenario *sc = g_ptr_array_index (study->scenarios, s);
      for (guint i = 0; i < sc->levers->len; i++)
        {
          LgrLever *l = g_ptr_array_index (sc->levers, i);
          l->unit_cost_baseline = value;
          l->unit_cost_target = i % 2 ? -value : 0;
          l->growth_cohort = growth;
          l->growth_unit_cost = growth;
        }
      for (guint i = 0; i < sc->items->len; i++)
        {
          LgrItem *it = g_ptr_array_index (sc->items, i);
          it->amount = value;
          it->total = value;
          it->growth = growth;
          for (guint v = 0; it->values && v < it->values->len; v++)
            g_array_index (it->values, LgrYearValue, v).value = value;
        }
    }
}

static void
check_axis (const LgrValueAxis *axis, double lo, double hi)
{
  g_assert_true (isfinite (axis->min) && isfinite (axis->max) && isfinite (axis->step));
  g_assert_cmpfloat (axis->max, >, axis->min);
  g_assert_cmpfloat (axis->step, >, 0);
  g_assert_cmpuint (axis->n_ticks, >=, 2);
  g_assert_cmpuint (axis->n_ticks, <=, LGR_CHART_MAX_TICKS);
  for (guint i = 0; i < axis->n_ticks; i++)
    {
      g_assert_true (isfinite (axis->ticks[i]));
      if (i > 0)
        g_assert_cmpfloat (axis->ticks[i], >, axis->ticks[i - 1]);
    }
  /* ordinary data is covered; beyond 10^300 it is drawn at the edge */
  if (isfinite (lo) && fabs (lo) < 1e300)
    g_assert_cmpfloat (axis->min, <=, lo);
  if (isfinite (hi) && fabs (hi) < 1e300)
    g_assert_cmpfloat (axis->max, >=, hi);
}

static void
test_axis_extremes (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (extremes); i++)
    for (guint j = 0; j < G_N_ELEMENTS (extremes); j++)
      for (guint ticks = 0; ticks <= LGR_CHART_MAX_TICKS + 1; ticks += 3)
        for (int zero = 0; zero < 2; zero++)
          {
            double lo = extremes[i], hi = extremes[j];
            LgrValueAxis axis;
            lgr_value_axis_init (&axis, lo, hi, ticks, zero, zero ? 1e6 : 10);
            if (lo <= hi)
              check_axis (&axis, lo, hi);
            else
              check_axis (&axis, 0, 0);
            g_assert_true (lgr_value_axis_nice_step (hi - lo, ticks) > 0);
          }
  /* min_span itself may be anything */
  LgrValueAxis axis;
  lgr_value_axis_init (&axis, 0, 0, 5, TRUE, DBL_TRUE_MIN);
  check_axis (&axis, 0, 0);
  lgr_value_axis_init (&axis, 0, 0, 5, TRUE, INFINITY);
  check_axis (&axis, 0, 0);
  lgr_value_axis_init (&axis, 1, 1, 5, FALSE, NAN);
  check_axis (&axis, 1, 1);
}

/* Draws kind into a small image and returns its layout; every label whole and short. */
static void
draw_small (const LgrResults *results, LgrChartKind kind, int w, int h)
{
  LgrChartOptions o;
  lgr_chart_options_init (&o, kind);
  o.show_title = TRUE;
  o.highlight_index = (int)results->n_years - 1;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
  cairo_t *cr = cairo_create (surface);
  g_autoptr (LgrChartLayout) layout = lgr_chart_layout_new (cr, results, &o, w, h);
  lgr_chart_layout_draw (layout, cr);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  for (guint p = 0; p < layout->n_panels; p++)
    check_axis (&layout->panels[p].y, NAN, NAN);
  for (guint i = 0; i < layout->labels->len; i++)
    {
      const char *text = g_array_index (layout->labels, LgrChartLabel, i).text;
      g_assert_true (g_utf8_validate (text, -1, NULL));
      g_assert_cmpint (g_utf8_strlen (text, -1), <=, LGR_CHART_MAX_LABEL_CHARS + 1);
      g_assert_null (strstr (text, "inf"));
      g_assert_null (strstr (text, "nan"));
    }
  g_autofree char *described = lgr_chart_describe (results, &o);
  g_assert_true (g_utf8_validate (described, -1, NULL));
}

static void
test_every_chart_at_extremes (void)
{
  static const guint years[] = { 1, 60 };
  static const double growths[] = { 0, 1000, -100 };
  for (guint y = 0; y < G_N_ELEMENTS (years); y++)
    for (guint g = 0; g < G_N_ELEMENTS (growths); g++)
      for (guint v = 0; v < G_N_ELEMENTS (extremes); v++)
        {
          g_autoptr (LgrStudy) study = lgr_charts_test_study (2, years[y], LGR_CHARTS_STUDY_NORMAL);
          set_everything (study, extremes[v], growths[g]);
          study->discount_rate = g == 1 ? -50 : 100;
          study->benefit_realisation = 1000;
          study->cost_contingency = 1000;
          g_autoptr (LgrResults) results = lgr_results_compute (study);
          for (guint k = 0; k < LGR_N_CHARTS; k++)
            draw_small (results, (LgrChartKind)k, 200, 120);
          if (g == 0)
            {
              for (guint k = 0; k < LGR_N_CHARTS; k++)
                draw_small (results, (LgrChartKind)k, 1600, 900);
              g_assert_cmpint (lgr_report_n_pages (study, results), <, 30);
            }
        }
}

/* Every chart, every value zero: a flat axis of round ticks, nothing more. */
static void
test_all_zero_and_single_year (void)
{
  g_autoptr (LgrStudy) study = lgr_charts_test_study (1, 1, LGR_CHARTS_STUDY_ZERO);
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  for (guint k = 0; k < LGR_N_CHARTS; k++)
    draw_small (results, (LgrChartKind)k, 200, 120);
}

/* One scenario of n items of distinct names, savings and costs in turn. */
static LgrStudy *
many_items_study (guint n)
{
  LgrStudy *study = lgr_study_new ("Many items", 2025, 10, 2027);
  LgrScenario *sc = lgr_scenario_new ("s", "Scenario");
  g_ptr_array_add (sc->authorities, lgr_authority_new ("a", "Authority"));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("i%u", i);
      g_autofree char *name = g_strdup_printf ("Item number %u", i);
      LgrItem *item
          = lgr_item_new (id, name, i % 2 ? LGR_ITEM_KIND_RECURRING_COST : LGR_ITEM_KIND_SAVING);
      item->pattern = LGR_ITEM_PATTERN_RECURRING;
      item->amount = 1000 + 10 * i;
      g_ptr_array_add (sc->items, item);
    }
  g_ptr_array_add (study->scenarios, sc);
  return study;
}

static gboolean
legend_has (const LgrChartData *data, const char *label)
{
  for (guint i = 0; i < data->legend->len; i++)
    if (g_str_equal (g_array_index (data->legend, LgrLegendEntry, i).label, label))
      return TRUE;
  return FALSE;
}

/* Thousands of items make at most 40 segments a year, the largest kept by name, the rest
 * grouped; every pound is still in a column, so the stacks add up to the net. */
static void
test_savings_groups_many_items (void)
{
  g_autoptr (LgrStudy) study = many_items_study (3000);
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  LgrChartOptions o;
  lgr_chart_options_init (&o, LGR_CHART_SAVINGS);
  g_autoptr (LgrChartData) data = lgr_chart_data_new (results, &o);
  guint columns = 0;
  for (guint i = 0; i < data->series->len; i++)
    columns += ((LgrChartSeries *)g_ptr_array_index (data->series, i))->type == LGR_SERIES_COLUMN;
  g_assert_cmpuint (columns, <=, 40);
  g_assert_cmpuint (data->legend->len, <=, 41);
  g_assert_true (legend_has (data, "Other savings"));
  g_assert_true (legend_has (data, "Other costs"));
  g_assert_true (legend_has (data, "Item number 2999")); /* the largest, by name */
  g_assert_false (legend_has (data, "Item number 0"));

  const LgrScenarioResult *r = &results->scenarios[0];
  for (guint t = 0; t < results->n_years; t++)
    {
      double sum = 0;
      for (guint i = 0; i < data->series->len; i++)
        {
          const LgrChartSeries *s = g_ptr_array_index (data->series, i);
          if (s->type == LGR_SERIES_COLUMN)
            sum += s->values[t];
        }
      g_assert_cmpfloat_with_epsilon (sum, r->net[t], 1e-6 * MAX (1, fabs (r->net[t])));
    }
  draw_small (results, LGR_CHART_SAVINGS, 200, 120);

  /* a few items: every one by name, no "Other" */
  g_autoptr (LgrStudy) few = many_items_study (30);
  g_autoptr (LgrResults) few_results = lgr_results_compute (few);
  g_autoptr (LgrChartData) few_data = lgr_chart_data_new (few_results, &o);
  g_assert_cmpuint (few_data->legend->len, ==, 31); /* and the net line */
  g_assert_false (legend_has (few_data, "Other savings"));
}

/* Many authorities: each lever finds its own (through a table past a few), and the children chart
 * has one line per authority with child levers, in the authorities' order, summing its levers. */
static void
test_many_authorities (void)
{
  const guint n = 60;
  LgrStudy *study = lgr_study_new ("Many authorities", 2025, 5, 2027);
  LgrScenario *sc = lgr_scenario_new ("s", "Scenario");
  for (guint a = 0; a < n; a++)
    {
      g_autofree char *id = g_strdup_printf ("a%u", a);
      g_autofree char *name = g_strdup_printf ("Authority %u", a);
      LgrAuthority *auth = lgr_authority_new (id, name);
      auth->population = 100000;
      auth->child_population = 20000 + a;
      g_ptr_array_add (sc->authorities, auth);
    }
  /* levers in reverse authority order, two for every third authority, none for every fifth */
  for (guint k = 0; k < 2 * n; k++)
    {
      guint a = n - 1 - k % n;
      if (a % 5 == 0 || (k >= n && a % 3 != 0))
        continue;
      g_autofree char *id = g_strdup_printf ("l%u", k);
      g_autofree char *authority = g_strdup_printf ("a%u", a);
      LgrLever *lever = lgr_lever_new (id, "Children looked after", authority);
      lever->basis = LGR_COHORT_BASIS_CHILD_POPULATION;
      lever->cohort_baseline = 60 + k % 7;
      lever->cohort_target = 50;
      lever->unit_cost_baseline = lever->unit_cost_target = 1000;
      g_ptr_array_add (sc->levers, lever);
    }
  g_ptr_array_add (study->scenarios, sc);
  g_autoptr (LgrStudy) owned = study;
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  const LgrScenarioResult *r = &results->scenarios[0];
  for (guint i = 0; i < r->n_levers; i++)
    g_assert_cmpstr (r->levers[i].authority->id, ==, r->levers[i].lever->authority_id);

  LgrChartOptions o;
  lgr_chart_options_init (&o, LGR_CHART_CHILDREN);
  g_autoptr (LgrChartData) data = lgr_chart_data_new (results, &o);
  guint line = 0;
  for (guint a = 0; a < n; a++)
    {
      if (a % 5 == 0)
        continue;
      const LgrChartSeries *scen = g_ptr_array_index (data->series, 2 * line);
      const LgrChartSeries *base = g_ptr_array_index (data->series, 2 * line + 1);
      g_autofree char *name = g_strdup_printf ("Authority %u", a);
      g_assert_cmpstr (scen->label, ==, name);
      double want_scen = 0, want_base = 0;
      for (guint i = 0; i < r->n_levers; i++)
        if (r->levers[i].authority == g_ptr_array_index (sc->authorities, a))
          {
            want_scen += r->levers[i].scenario_cohort[0];
            want_base += r->levers[i].baseline_cohort[0];
          }
      g_assert_cmpfloat (scen->values[0], ==, want_scen);
      g_assert_cmpfloat (base->values[0], ==, want_base);
      line++;
    }
  g_assert_cmpuint (data->series->len, ==, 2 * line);
}

/* Megabyte-long title, names and notes: cut before pango, so charts and the report stay small. */
static void
test_long_texts (void)
{
  const gsize n = 4 * 1024 * 1024;
  g_autoptr (LgrStudy) study = lgr_charts_test_study (2, 60, LGR_CHARTS_STUDY_NORMAL);
  g_free (study->title);
  study->title = g_strnfill (n, 't');
  g_free (study->description);
  study->description = g_strnfill (n, 'd');
  for (guint s = 0; s < study->scenarios->len; s++)
    {
      LgrScenario *sc = g_ptr_array_index (study->scenarios, s);
      g_free (sc->name);
      g_autofree char *long_name = g_strnfill (n, 'n');
      sc->name = g_strdup_printf ("%u%s", s, long_name);
      LgrItem *item = g_ptr_array_index (sc->items, 0);
      g_free (item->name);
      item->name = g_strnfill (n, 'i');
      g_free (item->source);
      item->source = g_strnfill (n, 's');
      LgrLever *lever = g_ptr_array_index (sc->levers, 0);
      g_free (lever->source);
      /* words, so the report can break lines */
      GString *words = g_string_new (NULL);
      while (words->len < n)
        g_string_append (words, "a source note ");
      lever->source = g_string_free (words, FALSE);
    }
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  for (guint k = 0; k < LGR_N_CHARTS; k++)
    {
      draw_small (results, (LgrChartKind)k, 1600, 900);
      /* names reach the chart data cut, so its text alternative stays short too */
      LgrChartOptions o;
      lgr_chart_options_init (&o, (LgrChartKind)k);
      g_autofree char *described = lgr_chart_describe (results, &o);
      g_assert_cmpuint (strlen (described), <, 20000);
    }

  /* the report holds each note in under a page, so the whole report stays short */
  int pages = lgr_report_n_pages (study, results);
  g_assert_cmpint (pages, <, 40);
  g_autofree char *dir = g_dir_make_tmp ("lgr-limits-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr (GError) error = NULL;
  g_assert_true (lgr_report_write_pdf (study, results, path, &error));
  g_assert_no_error (error);
  g_remove (path);
  g_rmdir (dir);
}

/* One pass: the PDF has exactly the pages counted, each with its own footer. */
static void
test_report_one_pass (void)
{
  g_autoptr (LgrStudy) study = lgr_charts_test_warwickshire ();
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  int pages = lgr_report_n_pages (study, results);
  g_autofree char *dir = g_dir_make_tmp ("lgr-limits-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr (GError) error = NULL;
  g_assert_true (lgr_report_write_pdf (study, results, path, &error));
  g_autofree char *pdf = NULL;
  gsize length = 0;
  g_assert_true (g_file_get_contents (path, &pdf, &length, NULL));
  /* page objects, not the page tree ("/Type /Pages"); the PDF has binary streams */
  int found = 0;
  static const char needle[] = "/Type /Page";
  for (gsize i = 0; i + sizeof needle < length; i++)
    if (memcmp (pdf + i, needle, sizeof needle - 1) == 0 && pdf[i + sizeof needle - 1] != 's')
      found++;
  g_assert_cmpint (found, ==, pages);
  g_remove (path);
  g_rmdir (dir);
}

/* Printing: the report laid out once and kept as recordings draws the same pages as laying it
 * out for each page. */
static void
test_report_pages (void)
{
  g_autoptr (LgrStudy) study = lgr_charts_test_warwickshire ();
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  const double w = 595, h = 842;
  g_autoptr (LgrReportPages) pages = lgr_report_pages_new (study, results, w, h);
  int n = lgr_report_pages_get_n_pages (pages);
  g_assert_cmpint (n, ==, lgr_report_n_pages (study, results));
  for (int page = 0; page < n; page++)
    {
      cairo_surface_t *a = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int)w, (int)h);
      cairo_surface_t *b = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int)w, (int)h);
      cairo_t *cr = cairo_create (a);
      lgr_report_draw_page (cr, study, results, page, w, h);
      cairo_destroy (cr);
      cr = cairo_create (b);
      lgr_report_pages_draw (pages, cr, page);
      cairo_destroy (cr);
      cairo_surface_flush (a);
      cairo_surface_flush (b);
      const guint8 *pa = cairo_image_surface_get_data (a), *pb = cairo_image_surface_get_data (b);
      int stride = cairo_image_surface_get_stride (a), differ = 0, ink = 0;
      for (int y = 0; y < (int)h; y++)
        for (int x = 0; x < (int)w; x++)
          {
            guint32 ca = ((const guint32 *)(pa + y * stride))[x] & 0xffffff;
            guint32 cb = ((const guint32 *)(pb + y * stride))[x] & 0xffffff;
            differ += ca != cb;
            ink += ca != 0xffffff;
          }
      g_assert_cmpint (ink, >, 1000); /* a page with something on it */
      g_assert_cmpint (differ, <=, ink / 100);
      cairo_surface_destroy (a);
      cairo_surface_destroy (b);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/charts/limits/axis", test_axis_extremes);
  g_test_add_func ("/charts/limits/every-chart", test_every_chart_at_extremes);
  g_test_add_func ("/charts/limits/all-zero-single-year", test_all_zero_and_single_year);
  g_test_add_func ("/charts/limits/savings-many-items", test_savings_groups_many_items);
  g_test_add_func ("/charts/limits/many-authorities", test_many_authorities);
  g_test_add_func ("/charts/limits/long-texts", test_long_texts);
  g_test_add_func ("/charts/limits/report-one-pass", test_report_one_pass);
  g_test_add_func ("/charts/limits/report-pages", test_report_pages);
  return g_test_run ();
}
