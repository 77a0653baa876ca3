/* test-identity.c: a scenario keeps its colour and its line style whatever scenarios are added,
 * duplicated or removed; a new one and a duplicate get a colour clearly apart from the others;
 * eight scenarios stay apart in colour, in line style and in greyscale
 * (src/core/lgr-scenario-style.c, the charts' use of it in src/charts/lgr-chart-theme.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <cairo.h>
#include <math.h>

#include "lgr-chart-private.h"
#include "lgr-chart.h"
#include "lgr-document.h"
#include "lgr-scenario-style.h"
#include "lgr-study-io.h"
#include "lgr-test-util.h"

/* What tells a scenario apart on the cashflow chart. */
typedef struct
{
  LgrRgba colour;
  guint marker, dash;
} Look;

static gboolean
find_look (const LgrStudy *study, const char *id, Look *look)
{
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  LgrChartOptions options;
  g_autoptr (LgrChartData) data = NULL;
  const LgrScenario *scenario = lgr_study_find_scenario (study, id);

  if (scenario == NULL)
    return FALSE;
  lgr_chart_options_init (&options, LGR_CHART_CASHFLOW);
  data = lgr_chart_data_new (results, &options);
  for (guint i = 0; i < data->series->len; i++)
    {
      LgrChartSeries *s = g_ptr_array_index (data->series, i);
      if (g_strcmp0 (s->label, scenario->name) == 0)
        {
          *look = (Look){ s->colour, s->marker, s->dash };
          return TRUE;
        }
    }
  return FALSE;
}

/* Every scenario's look, by id. */
static GHashTable *
looks (const LgrStudy *study)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < study->scenarios->len; i++)
    {
      const LgrScenario *scenario = g_ptr_array_index (study->scenarios, i);
      Look *look = g_new (Look, 1);
      g_assert_true (find_look (study, scenario->id, look));
      g_hash_table_insert (table, g_strdup (scenario->id), look);
    }
  return table;
}

/* Every scenario of before still in study looks the same. */
static void
assert_same_looks (GHashTable *before, const LgrStudy *study)
{
  GHashTableIter iter;
  gpointer id, look;
  guint n = 0;

  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &id, &look))
    {
      Look *was = look, now;
      if (!find_look (study, id, &now))
        continue;
      n++;
      g_assert_cmpfloat (now.colour.r, ==, was->colour.r);
      g_assert_cmpfloat (now.colour.g, ==, was->colour.g);
      g_assert_cmpfloat (now.colour.b, ==, was->colour.b);
      g_assert_cmpuint (now.marker, ==, was->marker);
      g_assert_cmpuint (now.dash, ==, was->dash);
    }
  g_assert_cmpuint (n, >, 0);
}

static void
rgb_of (const char *spec, double rgb[3])
{
  g_assert_true (lgr_scenario_style_parse (spec, rgb));
}

/* The colour of scenario id is at least LGR_SCENARIO_STYLE_APART from every other's. */
static void
assert_apart (const LgrStudy *study, const char *id)
{
  int index = lgr_study_scenario_index (study, id);
  double mine[3];

  g_assert_cmpint (index, >=, 0);
  rgb_of (lgr_scenario_style_colour (study, index), mine);
  for (guint i = 0; i < study->scenarios->len; i++)
    {
      double other[3];
      if ((int)i == index)
        continue;
      rgb_of (lgr_scenario_style_colour (study, i), other);
      g_assert_cmpfloat (lgr_scenario_style_distance (mine, other), >=, LGR_SCENARIO_STYLE_APART);
    }
}

/* Hue angle in L*a*b* of a saturated colour, degrees. */
static double
hue_of (const char *spec)
{
  double rgb[3], lin[3], xyz[3], f[3];
  rgb_of (spec, rgb);
  for (int i = 0; i < 3; i++)
    lin[i] = rgb[i] <= 0.04045 ? rgb[i] / 12.92 : pow ((rgb[i] + 0.055) / 1.055, 2.4);
  xyz[0] = (0.4124 * lin[0] + 0.3576 * lin[1] + 0.1805 * lin[2]) / 0.95047;
  xyz[1] = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
  xyz[2] = (0.0193 * lin[0] + 0.1192 * lin[1] + 0.9505 * lin[2]) / 1.08883;
  for (int i = 0; i < 3; i++)
    f[i] = xyz[i] > 0.008856 ? cbrt (xyz[i]) : 7.787 * xyz[i] + 16.0 / 116.0;
  return atan2 (200 * (f[1] - f[2]), 500 * (f[0] - f[1])) * 180 / G_PI;
}

/* The bundled study with its colours taken away and two more scenarios: four scenarios whose
 * colours come from their positions, the case where removing one used to recolour the rest. */
static LgrDocument *
colourless_document (void)
{
  g_autoptr (GError) error = NULL;
  LgrStudy *study = lgr_study_load_bundled (&error);

  g_assert_no_error (error);
  for (guint k = 0; k < 2; k++)
    {
      LgrScenario *copy
          = lgr_scenario_copy (g_ptr_array_index (study->scenarios, study->scenarios->len - 1));
      g_free (copy->id);
      copy->id = g_strdup_printf ("extra-%u", k);
      g_ptr_array_add (study->scenarios, copy);
    }
  for (guint i = 0; i < study->scenarios->len; i++)
    g_clear_pointer (&((LgrScenario *)g_ptr_array_index (study->scenarios, i))->colour, g_free);
  return lgr_document_new (study, NULL);
}

/* Remove the first, add one, duplicate one, remove a middle one: the others never change. */
static void
test_add_remove (void)
{
  g_autoptr (LgrDocument) document = colourless_document ();
  g_autoptr (LgrStudy) original = lgr_study_copy (lgr_document_get_study (document));
  g_autoptr (GHashTable) before = looks (original);
  g_autoptr (GError) error = NULL;
  g_autofree char *added = NULL;
  g_autofree char *duplicate = NULL;
  const LgrScenario *dup, *orig;

  g_assert_true (lgr_document_remove_scenario (document, "one", &error));
  g_assert_no_error (error);
  assert_same_looks (before, lgr_document_get_study (document));

  g_assert_true (lgr_document_add_scenario (document, "Added", &added, &error));
  g_assert_no_error (error);
  assert_same_looks (before, lgr_document_get_study (document));
  assert_apart (lgr_document_get_study (document), added);

  g_assert_true (lgr_document_duplicate_scenario (document, "two", &duplicate, &error));
  g_assert_no_error (error);
  assert_same_looks (before, lgr_document_get_study (document));
  assert_apart (lgr_document_get_study (document), duplicate);
  /* A clearly different hue from the original's, not a shade of it. */
  dup = lgr_study_find_scenario (lgr_document_get_study (document), duplicate);
  orig = lgr_study_find_scenario (lgr_document_get_study (document), "two");
  {
    double d = fabs (hue_of (dup->colour) - hue_of (orig->colour));
    g_assert_cmpfloat (MIN (d, 360 - d), >=, 60);
  }

  g_hash_table_unref (before);
  before = looks (lgr_document_get_study (document));
  g_assert_true (lgr_document_remove_scenario (document, "extra-0", &error));
  g_assert_no_error (error);
  assert_same_looks (before, lgr_document_get_study (document));

  /* Undone, the study is the file's again, colours and all. */
  while (lgr_document_can_undo (document))
    lgr_document_undo (document);
  g_assert_true (lgr_study_equal (lgr_document_get_study (document), original));
}

/* On the bundled study (orange and blue of its own), a new scenario is not the palette's amber
 * next to the orange, nor its blue next to the blue. */
static void
test_bundled_new_colour (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LgrDocument) document = lgr_document_new (lgr_study_load_bundled (&error), NULL);
  g_autofree char *added = NULL;
  g_autofree char *copy = NULL;

  g_assert_no_error (error);
  g_assert_true (lgr_document_add_scenario (document, "Three", &added, &error));
  assert_apart (lgr_document_get_study (document), added);
  g_assert_true (lgr_document_duplicate_scenario (document, "one", &copy, &error));
  assert_apart (lgr_document_get_study (document), copy);
}

/* A horizontal line in the series' colour and dash, in greyscale: its grey along the line. */
static void
grey_profile (const LgrChartTheme *theme, const LgrChartSeries *s, guint8 *profile, int width)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, 9);
  cairo_t *cr = cairo_create (surface);
  guint8 *row;

  lgr_chart_set_source (cr, theme->background);
  cairo_paint (cr);
  lgr_chart_set_source (cr, s->colour);
  cairo_set_line_width (cr, theme->line_width);
  lgr_chart_set_dash (cr, s->dash, theme->line_width);
  cairo_move_to (cr, 0, 4.5);
  cairo_line_to (cr, width, 4.5);
  cairo_stroke (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  row = cairo_image_surface_get_data (surface) + 4 * cairo_image_surface_get_stride (surface);
  for (int x = 0; x < width; x++)
    {
      guint32 p = ((guint32 *)row)[x];
      /* Rec. 709 luma, as a greyscale printer or copier would keep it. */
      profile[x] = (guint8)lround (0.2126 * (p >> 16 & 0xff) + 0.7152 * (p >> 8 & 0xff)
                                   + 0.0722 * (p & 0xff));
    }
  cairo_surface_destroy (surface);
}

/* Eight scenarios: eight colours apart from one another, eight different dash-and-marker pairs,
 * and eight lines that differ in greyscale (grey level or dash). */
static void
test_eight (void)
{
  enum
  {
    WIDTH = 240
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (LgrDocument) document = lgr_document_new (lgr_study_load_bundled (&error), NULL);
  g_autoptr (LgrResults) results = NULL;
  g_autoptr (LgrChartData) data = NULL;
  LgrChartOptions options;
  guint8 profiles[8][WIDTH];

  g_assert_no_error (error);
  while (lgr_document_get_study (document)->scenarios->len < 8)
    g_assert_true (lgr_document_add_scenario (document, "More", NULL, &error));
  results = lgr_results_compute (lgr_document_get_study (document));
  lgr_chart_options_init (&options, LGR_CHART_CASHFLOW);
  data = lgr_chart_data_new (results, &options);
  g_assert_cmpuint (data->series->len, ==, 8);
  for (guint i = 0; i < 8; i++)
    grey_profile (lgr_chart_theme_get (LGR_CHART_STYLE_LIGHT), g_ptr_array_index (data->series, i),
                  profiles[i], WIDTH);
  for (guint i = 0; i < 8; i++)
    for (guint j = i + 1; j < 8; j++)
      {
        LgrChartSeries *a = g_ptr_array_index (data->series, i);
        LgrChartSeries *b = g_ptr_array_index (data->series, j);
        double grey_difference = 0;

        g_assert_cmpfloat (lgr_chart_colour_distance (a->colour, b->colour), >=, 20);
        g_assert_true (a->marker != b->marker || a->dash != b->dash);
        for (int x = 0; x < WIDTH; x++)
          grey_difference += abs ((int)profiles[i][x] - (int)profiles[j][x]);
        /* On average at least 20 grey levels of 255 apart along the line. */
        g_assert_cmpfloat (grey_difference / WIDTH, >=, 20);
      }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/identity/add-remove", test_add_remove);
  g_test_add_func ("/identity/bundled-new-colour", test_bundled_new_colour);
  g_test_add_func ("/identity/eight", test_eight);
  return g_test_run ();
}
