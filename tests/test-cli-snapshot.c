/* test-cli-snapshot.c: --snapshot=ID (docs/format.md) before --summary, --export, --report,
 * --uncertainty and --sensitivity, in order when repeated, and its usage errors - run as a
 * real process with no display, on the bundled study and its snapshots. */
#include <cairo.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "lgr-test-util.h"

static char *
bundled_path (void)
{
  return lgr_test_source_path ("data", "studies", "warwickshire.lgr", NULL);
}

/* The "total_net" of scenario id in a --summary=json output. */
static double
total_net (const char *json, const char *id)
{
  g_autofree char *key = g_strdup_printf ("\"id\": \"%s\"", id);
  const char *at = strstr (json, key);
  const char *net;
  g_assert_nonnull (at);
  net = strstr (at, "\"total_net\": ");
  g_assert_nonnull (net);
  return g_ascii_strtod (net + strlen ("\"total_net\": "), NULL);
}

static void
test_summary (void)
{
  g_autofree char *path = bundled_path ();
  g_auto (LgrTestRun) plain = lgr_test_run_cli ("C.UTF-8", "--summary=json", path, NULL);
  g_auto (LgrTestRun) lac
      = lgr_test_run_cli ("C.UTF-8", "--summary=json", "--snapshot=lac-60", path, NULL);
  g_auto (LgrTestRun) both = lgr_test_run_cli ("C.UTF-8", "--summary=json", "--snapshot=lac-60",
                                               "--snapshot=three-quarters", path, NULL);
  g_auto (LgrTestRun) german
      = lgr_test_run_cli ("de_DE.UTF-8", "--summary=json", "--snapshot=lac-60",
                          "--snapshot=three-quarters", path, NULL);

  g_assert_cmpint (plain.status, ==, 0);
  g_assert_cmpint (lac.status, ==, 0);
  g_assert_cmpint (both.status, ==, 0);
  /* the North's rate falls less: two unitaries save less, one unitary is untouched */
  g_assert_cmpfloat (total_net (lac.out, "two"), <, total_net (plain.out, "two"));
  g_assert_cmpfloat (total_net (lac.out, "one"), ==, total_net (plain.out, "one"));
  /* the second on top of the first */
  g_assert_cmpfloat (total_net (both.out, "two"), <, total_net (lac.out, "two"));
  g_assert_cmpfloat (total_net (both.out, "one"), <, total_net (plain.out, "one"));
  g_assert_cmpstr (german.out, ==, both.out);
}

static void
test_export_and_report (void)
{
  g_autofree char *path = bundled_path ();
  g_autofree char *dir = g_dir_make_tmp ("lgr-snapshot-XXXXXX", NULL);
  g_autofree char *plain_png = g_build_filename (dir, "plain.png", NULL);
  g_autofree char *late_png = g_build_filename (dir, "late.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "late.pdf", NULL);
  g_autofree char *plain_opt = g_strconcat ("--export=", plain_png, NULL);
  g_autofree char *late_opt = g_strconcat ("--export=", late_png, NULL);
  g_autofree char *pdf_opt = g_strconcat ("--report=", pdf, NULL);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  gsize la = 0, lb = 0;

  {
    g_auto (LgrTestRun) plain = lgr_test_run_cli ("C.UTF-8", plain_opt, path, NULL);
    g_auto (LgrTestRun) late
        = lgr_test_run_cli ("C.UTF-8", late_opt, "--snapshot=savings-late", path, NULL);
    g_auto (LgrTestRun) report
        = lgr_test_run_cli ("C.UTF-8", pdf_opt, "--snapshot=savings-late", path, NULL);
    g_assert_cmpint (plain.status, ==, 0);
    g_assert_cmpint (late.status, ==, 0);
    g_assert_cmpint (report.status, ==, 0);
  }
  g_assert_true (g_file_get_contents (plain_png, &a, &la, NULL));
  g_assert_true (g_file_get_contents (late_png, &b, &lb, NULL));
  g_assert_true (la != lb || memcmp (a, b, la) != 0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  lgr_test_remove_tree (dir);
}

/* Whether a pixel is a neutral mid grey: a thin grey line or its anti-aliased edge (the
 * scenarios' colours are not grey, the lines of text are darker at their core). */
static gboolean
mid_grey (guint32 p)
{
  int r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;
  return MAX (MAX (r, g), b) - MIN (MIN (r, g), b) <= 2 && r >= 0x84 && r <= 0xd0;
}

/* Pixels mid grey in the PNG after and not in the PNG before: where thin grey lines were drawn
 * (the starting point runs where the live lines were before, so over their colour) - new text
 * (a legend entry) adds a few hundred at most. */
static guint
count_new_grey (const char *before, const char *after)
{
  cairo_surface_t *a = cairo_image_surface_create_from_png (before);
  cairo_surface_t *b = cairo_image_surface_create_from_png (after);
  g_assert_cmpint (cairo_surface_status (a), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_surface_status (b), ==, CAIRO_STATUS_SUCCESS);
  int w = cairo_image_surface_get_width (a), h = cairo_image_surface_get_height (a);
  g_assert_cmpint (w, ==, cairo_image_surface_get_width (b));
  g_assert_cmpint (h, ==, cairo_image_surface_get_height (b));
  const guint8 *pa = cairo_image_surface_get_data (a), *pb = cairo_image_surface_get_data (b);
  int sa = cairo_image_surface_get_stride (a), sb = cairo_image_surface_get_stride (b);
  guint n = 0;
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 p = *(const guint32 *)(pa + y * sa + 4 * x);
        guint32 q = *(const guint32 *)(pb + y * sb + 4 * x);
        n += mid_grey (q) && !mid_grey (p);
      }
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
  return n;
}

/* An export of chart to dir/name, with the snapshot option if not NULL. */
static char *
export_chart (const char *dir, const char *name, const char *chart, const char *snapshot)
{
  g_autofree char *path = bundled_path ();
  char *out = g_build_filename (dir, name, NULL);
  g_autofree char *option = g_strconcat ("--export=", out, NULL);
  g_autofree char *chart_option = g_strconcat ("--chart=", chart, NULL);
  g_auto (LgrTestRun) run
      = snapshot ? lgr_test_run_cli ("C.UTF-8", option, chart_option, snapshot, path, NULL)
                 : lgr_test_run_cli ("C.UTF-8", option, chart_option, path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  return out;
}

/* With --snapshot, the cashflow and savings charts draw the file as it is as the starting point:
 * thin grey lines in the image, "Starting point" in the legend; not without it, nor on the
 * difference chart. */
static void
test_start_line (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lgr-snapshot-XXXXXX", NULL);
  static const char *const charts[] = { "cashflow", "savings" };

  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    {
      g_autofree char *plain = export_chart (dir, "plain.png", charts[i], NULL);
      g_autofree char *late = export_chart (dir, "late.png", charts[i], "--snapshot=savings-late");
      g_autofree char *again = export_chart (dir, "again.png", charts[i], NULL);
      guint n_late = count_new_grey (plain, late);
      guint n_again = count_new_grey (plain, again);
      g_test_message ("%s: %u pixels turned grey with the snapshot", charts[i], n_late);
      /* thin lines across most of a 1600-pixel-wide plot; nothing without the snapshot */
      g_assert_cmpuint (n_late, >, 1500);
      g_assert_cmpuint (n_again, ==, 0);

      g_autofree char *pdf = export_chart (dir, "late.pdf", charts[i], "--snapshot=savings-late");
      g_autofree char *text = lgr_test_pdf_text (pdf);
      if (text != NULL)
        g_assert_nonnull (strstr (text, "Starting point"));
      g_autofree char *plain_pdf = export_chart (dir, "plain.pdf", charts[i], NULL);
      g_autofree char *plain_text = lgr_test_pdf_text (plain_pdf);
      if (plain_text != NULL)
        g_assert_null (strstr (plain_text, "Starting point"));
    }
  g_autofree char *difference
      = export_chart (dir, "difference.pdf", "difference", "--snapshot=savings-late");
  g_autofree char *text = lgr_test_pdf_text (difference);
  if (text != NULL)
    g_assert_null (strstr (text, "Starting point"));
  lgr_test_remove_tree (dir);
}

/* Without --snapshot, a page per snapshot: name, note, changes, table and chart. */
static void
test_report_pages (void)
{
  g_autofree char *path = bundled_path ();
  g_autofree char *all = NULL;
  g_autofree char *one = NULL;
  const char *page;

  if (!(all = lgr_test_report_text (path, NULL)))
    return;
  page = strstr (all, "Snapshot: What if transition costs overrun by 44%?");
  g_assert_nonnull (page);
  g_assert_nonnull (strstr (page, "Transition costs in both cases are estimates"));
  g_assert_nonnull (strstr (page, "The changes it makes"));
  g_assert_nonnull (strstr (page, "Two unitaries, Transition costs: total from £37,300,000 to "
                                  "£53,712,000"));
  g_assert_nonnull (strstr (page, "Summary with the snapshot applied"));
  /* the peak funding of two unitaries with the overrun, and the chart's title */
  g_assert_nonnull (strstr (page, "£43.0m"));
  g_assert_nonnull (strstr (page, "Cumulative net cashflow"));
  /* the study without the snapshot is the chart's starting point */
  g_assert_nonnull (strstr (page, "Starting point"));
  for (const char *name = all; (name = strstr (name, "Snapshot: ")) != NULL; name++)
    g_test_message ("%.60s", name);
  g_assert_nonnull (strstr (all, "Snapshot: What if the North's looked-after children rate"));
  g_assert_nonnull (strstr (all, "Snapshot: What if one unitary also lowered"));

  /* with one applied: that study's report, without snapshot pages */
  one = lgr_test_report_text (path, "--snapshot=transition-overrun");
  g_assert_null (strstr (one, "Snapshot: "));
  g_assert_nonnull (strstr (one, "£43.0m"));
}

static void
test_uncertainty_and_sensitivity (void)
{
  g_autofree char *path = bundled_path ();
  g_auto (LgrTestRun) plain
      = lgr_test_run_cli ("C.UTF-8", "--uncertainty=json", "--draws=100", path, NULL);
  g_auto (LgrTestRun) late = lgr_test_run_cli ("C.UTF-8", "--uncertainty=json", "--draws=100",
                                               "--snapshot=savings-late", path, NULL);
  g_auto (LgrTestRun) tornado = lgr_test_run_cli ("C.UTF-8", "--sensitivity=json", path, NULL);
  g_auto (LgrTestRun) tornado_late
      = lgr_test_run_cli ("C.UTF-8", "--sensitivity=json", "--snapshot=savings-late", path, NULL);

  g_assert_cmpint (plain.status, ==, 0);
  g_assert_cmpint (late.status, ==, 0);
  g_assert_cmpstr (plain.out, !=, late.out);
  g_assert_cmpint (tornado.status, ==, 0);
  g_assert_cmpint (tornado_late.status, ==, 0);
  g_assert_cmpstr (tornado.out, !=, tornado_late.out);
}

static void
test_usage (void)
{
  g_autofree char *path = bundled_path ();
  g_autofree char *minimal = lgr_test_source_path ("tests", "files", "valid-minimal.lgr", NULL);
  g_auto (LgrTestRun) unknown = lgr_test_run_cli ("C.UTF-8", "--summary=json", "--snapshot=lac-60",
                                                  "--snapshot=lac-70", path, NULL);
  g_auto (LgrTestRun) none
      = lgr_test_run_cli ("C.UTF-8", "--summary=csv", "--snapshot=x", minimal, NULL);
  g_auto (LgrTestRun) check
      = lgr_test_run_cli ("C.UTF-8", "--check", "--snapshot=lac-60", path, NULL);
  g_auto (LgrTestRun) alone = lgr_test_run_cli ("C.UTF-8", "--snapshot=lac-60", path, NULL);

  /* an id the study does not have is wrong usage, like an unknown --scenario: status 2 */
  g_assert_cmpint (unknown.status, ==, 2);
  g_assert_cmpstr (unknown.out, ==, "");
  g_assert_nonnull (strstr (unknown.err, "has no snapshot “lac-70” (its snapshots: lac-60, "
                                         "transition-overrun, savings-late, three-quarters, "
                                         "one-lac-57)"));
  g_assert_cmpint (none.status, ==, 2);
  g_assert_nonnull (strstr (none.err, "has no snapshot “x” (it has none)"));
  g_assert_cmpint (check.status, ==, 2);
  g_assert_nonnull (strstr (check.err, "--snapshot goes with"));
  g_assert_cmpint (alone.status, ==, 2);
  g_assert_nonnull (strstr (alone.err, "--snapshot goes with"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/snapshot/summary", test_summary);
  g_test_add_func ("/cli/snapshot/export-and-report", test_export_and_report);
  g_test_add_func ("/cli/snapshot/report-pages", test_report_pages);
  g_test_add_func ("/cli/snapshot/start-line", test_start_line);
  g_test_add_func ("/cli/snapshot/uncertainty-and-sensitivity", test_uncertainty_and_sensitivity);
  g_test_add_func ("/cli/snapshot/usage", test_usage);
  return g_test_run ();
}
