/* test-export.c: PNG, SVG and PDF exports and the cabinet report, read back and checked. */
#define _GNU_SOURCE /* memmem */
#include <cairo.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "lgr-charts-studies.h"
#include "lgr-export.h"
#include "lgr-format.h"
#include "lgr-test-util.h"

static char *
temp_dir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("lgr-export-XXXXXX", &error);
  g_assert_no_error (error);
  return dir;
}

static guint
count_files (const char *dir)
{
  GDir *d = g_dir_open (dir, 0, NULL);
  guint n = 0;
  while (d && g_dir_read_name (d))
    n++;
  if (d)
    g_dir_close (d);
  return n;
}

/* Runs a program and returns its standard output; skips the test if it is not installed. */
static char *
run (const char *const *argv)
{
  g_autofree char *program = g_find_program_in_path (argv[0]);
  if (program == NULL)
    return NULL;
  g_autoptr (GError) error = NULL;
  char *out = NULL;
  int status = 0;
  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
test_format_from_path (void)
{
  LgrExportFormat f;
  g_assert_true (lgr_export_format_from_path ("a.png", &f));
  g_assert_cmpint (f, ==, LGR_EXPORT_PNG);
  g_assert_true (lgr_export_format_from_path ("dir.x/A.SVG", &f));
  g_assert_cmpint (f, ==, LGR_EXPORT_SVG);
  g_assert_true (lgr_export_format_from_path ("report.Pdf", &f));
  g_assert_cmpint (f, ==, LGR_EXPORT_PDF);
  g_assert_false (lgr_export_format_from_path ("chart.jpg", &f));
  g_assert_false (lgr_export_format_from_path ("png", &f));
  g_assert_false (lgr_export_format_from_path (NULL, &f));
}

static void
test_png_size (void)
{
  g_autoptr (LgrStudy) study = lgr_charts_test_warwickshire ();
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  g_autofree char *dir = temp_dir ();
  const struct
  {
    double w, h, scale;
    int pw, ph;
  } cases[] = { { 1600, 900, 1, 1600, 900 },
                { 1600, 900, 2, 3200, 1800 },
                { 320, 200, 1.5, 480, 300 },
                { 641, 401, 1, 641, 401 } };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (guint k = 0; k < LGR_N_CHARTS; k++)
      {
        LgrChartOptions o;
        lgr_chart_options_init (&o, k);
        o.style = LGR_CHART_STYLE_DARK; /* exports are light whatever the window shows */
        g_autofree char *path = g_build_filename (dir, "chart.png", NULL);
        g_autoptr (GError) error = NULL;
        g_assert_true (lgr_export_chart (results, &o, LGR_EXPORT_PNG, path, cases[i].w, cases[i].h,
                                         cases[i].scale, &error));
        g_assert_no_error (error);
        cairo_surface_t *s = cairo_image_surface_create_from_png (path);
        g_assert_cmpint (cairo_surface_status (s), ==, CAIRO_STATUS_SUCCESS);
        g_assert_cmpint (cairo_image_surface_get_width (s), ==, cases[i].pw);
        g_assert_cmpint (cairo_image_surface_get_height (s), ==, cases[i].ph);
        cairo_surface_flush (s);
        guint32 corner = *(guint32 *)cairo_image_surface_get_data (s);
        g_assert_cmphex (corner & 0xffffff, ==, 0xffffff); /* white paper */
        cairo_surface_destroy (s);
      }
  g_assert_cmpuint (count_files (dir), ==, 1); /* no temporary files left behind */
  lgr_test_remove_tree (dir);
}

static void
test_png_bytes (void)
{
  g_autoptr (LgrStudy) study = lgr_charts_test_warwickshire ();
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  LgrChartOptions o;
  lgr_chart_options_init (&o, LGR_CHART_SAVINGS);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = lgr_export_chart_png_bytes (results, &o, 800, 450, 2, &error);
  g_assert_no_error (error);
  gsize n;
  const guint8 *data = g_bytes_get_data (bytes, &n);
  g_assert_cmpuint (n, >, 1000);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
  /* width and height in the IHDR chunk, big-endian */
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *)(data + 16)), ==, 1600);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *)(data + 20)), ==, 900);
}

static void
test_svg_size (void)
{
  g_autoptr (LgrStudy) study = lgr_charts_test_study (3, 20, LGR_CHARTS_STUDY_NORMAL);
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "chart.svg", NULL);
  for (guint k = 0; k < LGR_N_CHARTS; k++)
    {
      LgrChartOptions o;
      lgr_chart_options_init (&o, k);
      g_autoptr (GError) error = NULL;
      g_assert_true (lgr_export_chart (results, &o, LGR_EXPORT_SVG, path, 1600, 900, 1, &error));
      g_assert_no_error (error);
      g_autofree char *svg = NULL;
      g_assert_true (g_file_get_contents (path, &svg, NULL, NULL));
      g_assert_true (g_str_has_prefix (svg, "<?xml"));
      g_assert_nonnull (strstr (svg, "<svg"));
      g_assert_nonnull (strstr (svg, "width=\"1600pt\""));
      g_assert_nonnull (strstr (svg, "height=\"900pt\""));
      g_assert_nonnull (strstr (svg, "viewBox=\"0 0 1600 900\""));
      g_assert_nonnull (strstr (svg, "</svg>"));
    }
  lgr_test_remove_tree (dir);
}

static void
test_pdf_size (void)
{
  g_autoptr (LgrStudy) study = lgr_charts_test_warwickshire ();
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "chart.pdf", NULL);
  LgrChartOptions o;
  lgr_chart_options_init (&o, LGR_CHART_CASHFLOW);
  g_autoptr (GError) error = NULL;
  g_assert_true (lgr_export_chart (results, &o, LGR_EXPORT_PDF, path, 1600, 900, 1, &error));
  g_assert_no_error (error);
  g_autofree char *pdf = NULL;
  gsize len;
  g_assert_true (g_file_get_contents (path, &pdf, &len, NULL));
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
  g_assert_nonnull (memmem (pdf, len, "/MediaBox [ 0 0 1600 900 ]", 26));

  const char *info[] = { "pdfinfo", path, NULL };
  g_autofree char *out = run (info);
  if (out)
    g_assert_nonnull (strstr (out, "1600 x 900 pts"));
  /* text stays text: the labels can be extracted */
  const char *text[] = { "pdftotext", path, "-", NULL };
  g_autofree char *t = run (text);
  if (t)
    {
      g_assert_nonnull (strstr (t, "Cumulative net cashflow"));
      g_assert_nonnull (strstr (t, "2029/30"));
    }
  lgr_test_remove_tree (dir);
}

/* A chart's PDF names its chart and study, and who made it. */
static void
test_pdf_metadata (void)
{
  g_autoptr (LgrStudy) study = lgr_charts_test_warwickshire ();
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "chart.pdf", NULL);
  LgrChartOptions o;
  lgr_chart_options_init (&o, LGR_CHART_SAVINGS);
  g_autoptr (GError) error = NULL;
  g_assert_true (lgr_export_chart (results, &o, LGR_EXPORT_PDF, path, 1920, 1080, 1, &error));
  g_assert_no_error (error);
  g_autofree char *title = lgr_test_pdf_info (path, "Title:");
  g_autofree char *author = title ? lgr_test_pdf_info (path, "Author:") : NULL;
  g_autofree char *creator = title ? lgr_test_pdf_info (path, "Creator:") : NULL;
  lgr_test_remove_tree (dir);
  if (title == NULL)
    return; /* skipped: no pdfinfo */
  g_autofree char *expected
      = g_strdup_printf ("%s – %s", lgr_chart_kind_title (LGR_CHART_SAVINGS), study->title);
  g_assert_cmpstr (title, ==, expected);
  g_assert_cmpstr (author, ==, "LGR Explorer");
  g_assert_cmpstr (creator, ==, "LGR Explorer");
}

/* The report's title and author, and its outline: the title page, the summary, each scenario's
 * assumptions, each chart, the year-by-year figures with one entry per scenario under them. */
static void
test_report_outline (void)
{
  g_autoptr (LgrStudy) study = lgr_charts_test_warwickshire ();
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr (GError) error = NULL;
  g_assert_true (lgr_report_write_pdf (study, results, path, &error));
  g_assert_no_error (error);

  g_autofree char *title = lgr_test_pdf_info (path, "Title:");
  g_autofree char *author = title ? lgr_test_pdf_info (path, "Author:") : NULL;
  const char *outline[] = { "mutool", "show", path, "outline", NULL };
  g_autofree char *tree = run (outline);
  lgr_test_remove_tree (dir);
  if (title == NULL || tree == NULL)
    {
      g_test_skip ("pdfinfo or mutool (mupdf-tools) is not installed");
      return;
    }
  g_assert_cmpstr (title, ==, study->title);
  g_assert_cmpstr (author, ==, "LGR Explorer");

  /* mutool: one line an entry, a tab deeper for a child, the title in quotes, then the link */
  g_auto (GStrv) lines = g_strsplit (tree, "\n", -1);
  g_autoptr (GPtrArray) top = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) children = g_ptr_array_new_with_free_func (g_free);
  int last_page = 0;
  for (guint i = 0; lines[i]; i++)
    {
      const char *q = strchr (lines[i], '"');
      if (q == NULL)
        continue;
      const char *e = strchr (q + 1, '"');
      g_assert_nonnull (e);
      guint tabs = 0;
      for (const char *c = lines[i]; c < q; c++)
        tabs += *c == '\t';
      gboolean child = tabs > 1;
      g_ptr_array_add (child ? children : top, g_strndup (q + 1, e - q - 1));
      /* every entry links to a page, in the order of the report */
      const char *hash = strstr (e, "#page=");
      g_assert_nonnull (hash);
      int page = atoi (hash + strlen ("#page="));
      g_assert_cmpint (page, >=, 1);
      g_assert_cmpint (page, >=, last_page);
      last_page = page;
    }
  g_assert_cmpint (last_page, <=, lgr_report_n_pages (study, results));
  g_assert_cmpstr (g_ptr_array_index (top, 0), ==, study->title);
  g_assert_cmpstr (g_ptr_array_index (top, 1), ==, "Summary");
  guint n_assumptions = 0, n_charts = 0, n_years = 0;
  for (guint i = 0; i < top->len; i++)
    {
      const char *t = g_ptr_array_index (top, i);
      n_assumptions += g_str_has_prefix (t, "Assumptions: ");
      n_years += strcmp (t, "Year-by-year figures") == 0;
      for (int k = 0; k < LGR_N_CHARTS; k++)
        n_charts += strcmp (t, lgr_chart_kind_title (k)) == 0;
    }
  g_assert_cmpuint (n_assumptions, ==, results->n_scenarios);
  g_assert_cmpuint (n_charts, >=, 3);
  g_assert_cmpuint (n_years, ==, 1);
  g_assert_cmpuint (children->len, >=, results->n_scenarios);
  for (guint i = 0; i < results->n_scenarios; i++)
    {
      g_autofree char *entry
          = g_strdup_printf ("Year by year: %s", results->scenarios[i].scenario->name);
      gboolean found = FALSE;
      for (guint j = 0; j < children->len; j++)
        found |= strcmp (g_ptr_array_index (children, j), entry) == 0;
      g_assert_true (found);
    }
}

/* An entry of a PDF's outline as mutool shows it: its depth (0 at the top), title and page. */
typedef struct
{
  guint depth;
  char *title;
  int page;
} OutlineEntry;

static void
outline_entry_free (gpointer p)
{
  OutlineEntry *e = p;
  g_free (e->title);
  g_free (e);
}

/* mutool show FILE outline: a line an entry, a tab deeper for a child, the title in quotes,
 * then "#page..." */
static GPtrArray *
outline_entries (const char *tree)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func (outline_entry_free);
  g_auto (GStrv) lines = g_strsplit (tree, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      const char *q = strchr (lines[i], '"');
      if (q == NULL)
        continue;
      const char *e = strchr (q + 1, '"');
      g_assert_nonnull (e);
      const char *hash = strstr (e, "#page=");
      g_assert_nonnull (hash);
      OutlineEntry *entry = g_new0 (OutlineEntry, 1);
      for (const char *c = lines[i]; c < q; c++)
        entry->depth += *c == '\t';
      entry->depth = entry->depth ? entry->depth - 1 : 0;
      entry->title = g_strndup (q + 1, e - q - 1);
      entry->page = atoi (hash + strlen ("#page="));
      g_ptr_array_add (entries, entry);
    }
  return entries;
}

/* The titles of the entries directly under the top-level entry called parent, in order. */
static GPtrArray *
outline_children (GPtrArray *entries, const char *parent)
{
  GPtrArray *children = g_ptr_array_new ();
  gboolean found = FALSE;
  for (guint i = 0; i < entries->len; i++)
    {
      OutlineEntry *e = g_ptr_array_index (entries, i);
      if (e->depth == 0)
        {
          if (found)
            break;
          found = strcmp (e->title, parent) == 0;
        }
      else if (found && e->depth == 1)
        g_ptr_array_add (children, e->title);
    }
  g_assert_true (found);
  return children;
}

static gboolean
has_title (GPtrArray *titles, const char *title)
{
  for (guint i = 0; i < titles->len; i++)
    if (strcmp (g_ptr_array_index (titles, i), title) == 0)
      return TRUE;
  return FALSE;
}

/* The sections written in their own files have their sub-sections in the outline: "How sure
 * are we?" (its charts and tables), "Published figures checked" and "Per council" (a scenario
 * each), and "Snapshots" with an entry a snapshot, each at its own page, the last page last. */
static void
test_report_outline_sections (void)
{
  g_autoptr (LgrStudy) study = lgr_charts_test_warwickshire ();
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr (GError) error = NULL;
  g_assert_true (lgr_report_write_pdf (study, results, path, &error));
  g_assert_no_error (error);
  const char *outline[] = { "mutool", "show", path, "outline", NULL };
  g_autofree char *tree = run (outline);
  lgr_test_remove_tree (dir);
  if (tree == NULL)
    {
      g_test_skip ("mutool (mupdf-tools) is not installed");
      return;
    }
  g_autoptr (GPtrArray) entries = outline_entries (tree);

  g_autoptr (GPtrArray) sure = outline_children (entries, "How sure are we?");
  g_assert_true (has_title (sure, lgr_chart_kind_title (LGR_CHART_UNCERTAINTY)));
  g_assert_true (has_title (sure, lgr_chart_kind_title (LGR_CHART_TORNADO)));
  g_assert_true (has_title (sure, "Switching values"));
  g_assert_true (has_title (sure, "The inputs with a range"));

  /* the bundled study publishes figures for some scenarios, and splits some by council */
  g_autoptr (GPtrArray) published = outline_children (entries, "Published figures checked");
  g_autoptr (GPtrArray) councils = outline_children (entries, "Per council");
  guint n_published = 0, n_split = 0;
  for (guint i = 0; i < results->n_scenarios; i++)
    {
      const LgrScenario *sc = results->scenarios[i].scenario;
      g_autofree char *split = g_strdup_printf ("Per council: %s", sc->name);
      n_published += has_title (published, sc->name);
      n_split += has_title (councils, split);
    }
  g_assert_cmpuint (n_published, >, 0);
  g_assert_cmpuint (n_published, ==, published->len);
  g_assert_cmpuint (n_split, >, 0);
  g_assert_cmpuint (n_split, ==, councils->len);

  g_autoptr (GPtrArray) snapshots = outline_children (entries, "Snapshots");
  g_assert_cmpuint (study->snapshots->len, >, 1);
  g_assert_cmpuint (snapshots->len, ==, study->snapshots->len);
  int n_pages = lgr_report_n_pages (study, results);
  guint first = 0;
  while (strcmp (((OutlineEntry *)g_ptr_array_index (entries, first))->title, "Snapshots"))
    first++;
  for (guint i = 0; i < study->snapshots->len; i++)
    {
      const LgrSnapshot *snapshot = g_ptr_array_index (study->snapshots, i);
      OutlineEntry *e = g_ptr_array_index (entries, first + 1 + i);
      g_assert_cmpstr (e->title, ==, snapshot->name);
      g_assert_cmpint (e->page, ==, n_pages - (int)study->snapshots->len + 1 + (int)i);
    }
  g_assert_cmpint (((OutlineEntry *)g_ptr_array_index (entries, first))->page, ==,
                   n_pages - (int)study->snapshots->len + 1);
}

static void
test_export_errors (void)
{
  g_autoptr (LgrStudy) study = lgr_charts_test_warwickshire ();
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  LgrChartOptions o;
  lgr_chart_options_init (&o, LGR_CHART_CASHFLOW);
  g_autofree char *dir = temp_dir ();

  /* a folder that does not exist */
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "chart.png", NULL);
  g_autoptr (GError) error = NULL;
  g_assert_false (lgr_export_chart (results, &o, LGR_EXPORT_PNG, missing, 800, 450, 1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "chart.png"));
  g_clear_error (&error);

  /* an impossible size */
  g_autofree char *path = g_build_filename (dir, "chart.png", NULL);
  g_assert_false (lgr_export_chart (results, &o, LGR_EXPORT_PNG, path, 0, 450, 1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (lgr_export_chart (results, &o, LGR_EXPORT_PNG, path, 20000, 450, 4, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  /* the cap: 8000 a side, 40 million pixels in all, after the scale; refused before drawing */
  g_assert_true (lgr_export_check_size (8000, 5000, 1, NULL));
  g_assert_true (lgr_export_check_size (4000, 2500, 2, NULL));
  g_assert_false (lgr_export_check_size (4000, 2500, 2.5, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (lgr_export_check_size (8001, 100, 1, &error));
  g_assert_nonnull (strstr (error->message, "8000"));
  g_clear_error (&error);
  g_assert_false (lgr_export_chart (results, &o, LGR_EXPORT_PNG, path, 8000, 8000, 1, &error));
  g_assert_nonnull (strstr (error->message, "40 million pixels"));
  g_clear_error (&error);
  g_assert_false (lgr_export_chart (results, &o, LGR_EXPORT_SVG, path, 8000, 8000, 1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* replacing an existing file: the new content, nothing else in the folder */
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_true (lgr_export_chart (results, &o, LGR_EXPORT_PNG, path, 400, 300, 1, &error));
  g_autofree char *content = NULL;
  g_assert_true (g_file_get_contents (path, &content, NULL, NULL));
  g_assert_true (g_str_has_prefix (content, "\x89PNG"));
  g_assert_cmpuint (count_files (dir), ==, 1);
  lgr_test_remove_tree (dir);
}

static void
check_report (LgrStudy *study, const char *name)
{
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GError) error = NULL;
  g_assert_true (lgr_report_write_pdf (study, results, path, &error));
  g_assert_no_error (error);
  int n = lgr_report_n_pages (study, results);
  /* title, one assumptions page per scenario at least, up to four charts, the tables */
  g_assert_cmpint (n, >=, 1 + (int)results->n_scenarios + 2 + 1);

  g_autofree char *pdf = NULL;
  gsize len;
  g_assert_true (g_file_get_contents (path, &pdf, &len, NULL));
  g_assert_nonnull (memmem (pdf, len, "/MediaBox [ 0 0 595 842 ]", 25));

  const char *info[] = { "pdfinfo", path, NULL };
  g_autofree char *out = run (info);
  if (out == NULL)
    {
      g_test_skip ("pdfinfo is not installed");
      lgr_test_remove_tree (dir);
      return;
    }
  const char *pages = strstr (out, "Pages:");
  g_assert_nonnull (pages);
  g_assert_cmpint (atoi (pages + strlen ("Pages:")), ==, n);

  const char *text[] = { "pdftotext", path, "-", NULL };
  g_autofree char *t = run (text);
  g_assert_nonnull (strstr (t, study->title));
  g_autofree char *last = g_strdup_printf ("Page %d of %d", n, n);
  g_assert_nonnull (strstr (t, "Page 1 of"));
  g_assert_nonnull (strstr (t, last));
  /* the payback years and the figures of the core's results */
  for (guint i = 0; i < results->n_scenarios; i++)
    {
      const LgrScenarioResult *r = &results->scenarios[i];
      g_assert_nonnull (strstr (t, r->scenario->name));
      if (r->has_payback)
        {
          g_autofree char *year
              = lgr_format_financial_year (results->first_year + r->payback_index);
          g_assert_nonnull (strstr (t, year));
        }
      g_autofree char *total = lgr_format_money (r->total_net);
      g_assert_nonnull (strstr (t, total));
    }
  g_autofree char *verdict = lgr_results_verdict (results);
  g_autofree char *head = g_strndup (verdict, 20);
  g_assert_nonnull (strstr (t, head));

  /* printing draws the same pages */
  cairo_surface_t *rec = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (rec);
  for (int p = 0; p < n; p++)
    lgr_report_draw_page (cr, study, results, p, 595, 842);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (rec);
  lgr_test_remove_tree (dir);
}

static void
test_report_bundled (void)
{
  g_autoptr (LgrStudy) study = lgr_charts_test_warwickshire ();
  check_report (study, "report.pdf");
}

static void
test_report_bundled_file (void)
{
  g_autoptr (LgrStudy) study = lgr_test_load_bundled ();
  check_report (study, "warwickshire.pdf");
}

static void
test_report_sixty_years (void)
{
  g_autoptr (LgrStudy) study = lgr_charts_test_study (8, 60, LGR_CHARTS_STUDY_NORMAL);
  check_report (study, "big.pdf");
}

static void
test_report_one_year (void)
{
  g_autoptr (LgrStudy) study = lgr_charts_test_study (1, 1, LGR_CHARTS_STUDY_ZERO);
  check_report (study, "small.pdf");
}

static void
test_report_unwritable (void)
{
  g_autoptr (LgrStudy) study = lgr_charts_test_warwickshire ();
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  g_autoptr (GError) error = NULL;
  g_assert_false (lgr_report_write_pdf (study, results, "/nonexistent-folder/report.pdf", &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == G_IO_ERROR);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/export/format-from-path", test_format_from_path);
  g_test_add_func ("/export/png/size", test_png_size);
  g_test_add_func ("/export/png/bytes", test_png_bytes);
  g_test_add_func ("/export/svg/size", test_svg_size);
  g_test_add_func ("/export/pdf/size", test_pdf_size);
  g_test_add_func ("/export/errors", test_export_errors);
  g_test_add_func ("/export/pdf/metadata", test_pdf_metadata);
  g_test_add_func ("/export/report/outline", test_report_outline);
  g_test_add_func ("/export/report/outline-sections", test_report_outline_sections);
  g_test_add_func ("/export/report/bundled", test_report_bundled);
  g_test_add_func ("/export/report/bundled-file", test_report_bundled_file);
  g_test_add_func ("/export/report/sixty-years", test_report_sixty_years);
  g_test_add_func ("/export/report/one-year", test_report_one_year);
  g_test_add_func ("/export/report/unwritable", test_report_unwritable);
  return g_test_run ();
}
