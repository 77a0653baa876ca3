/* test-chart-labels.c: the labels of payback, peak funding and crossover are never drawn across
 * a series line, a marker or another label - every chart kind of the bundled study at the
 * report's chart size, the A4 export and a slide; the "Sources:" line and the subtitle. */
#include <string.h>

#include "lgr-chart-private.h"
#include "lgr-chart.h"
#include "lgr-charts-studies.h"
#include "lgr-test-util.h"

typedef struct
{
  const char *name;
  double width, height;
} Size;

/* The report's chart (an A4 page less its margins, three quarters as tall), the export
 * dialog's A4 preset and a slide. */
static const Size sizes[] = {
  { "report", 499, 374.25 },
  { "a4", 595, 335 },
  { "slide", 1920, 1080 },
};

static void
check_labels (const LgrResults *results, LgrChartKind kind, const Size *size, gboolean titled)
{
  LgrChartOptions o;
  lgr_chart_options_init (&o, kind);
  o.show_title = titled;
  g_autoptr (LgrChartLayout) layout
      = lgr_chart_layout_new (NULL, results, &o, size->width, size->height);
  cairo_surface_t *surface
      = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int)size->width, (int)size->height);
  cairo_t *cr = cairo_create (surface);
  lgr_chart_layout_draw (layout, cr);
  /* drawn again (another highlighted year), the labels keep their places */
  g_autoptr (GArray) first = g_array_new (FALSE, FALSE, sizeof (LgrChartRect));
  for (guint i = 0; i < layout->labels->len; i++)
    g_array_append_val (first, g_array_index (layout->labels, LgrChartLabel, i).box);
  guint n_leaders = layout->leaders->len;
  lgr_chart_layout_draw (layout, cr);
  g_assert_cmpuint (layout->labels->len, ==, first->len);
  g_assert_cmpuint (layout->leaders->len, ==, n_leaders);
  for (guint i = 0; i < first->len; i++)
    g_assert_cmpmem (&g_array_index (first, LgrChartRect, i), sizeof (LgrChartRect),
                     &g_array_index (layout->labels, LgrChartLabel, i).box, sizeof (LgrChartRect));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  g_autoptr (GArray) segments = g_array_new (FALSE, FALSE, sizeof (LgrChartSegment));
  g_autoptr (GArray) boxes = g_array_new (FALSE, FALSE, sizeof (LgrChartRect));
  for (guint p = 0; p < layout->n_panels; p++)
    lgr_chart_layout_obstacles (layout, p, FALSE, segments, boxes);

  guint n_marks = 0, n_annotations = 0;
  for (guint i = 0; i < layout->data->marks->len; i++)
    n_marks += g_array_index (layout->data->marks, LgrChartMark, i).panel < layout->n_panels;
  for (guint i = 0; i < layout->labels->len; i++)
    {
      const LgrChartLabel *l = &g_array_index (layout->labels, LgrChartLabel, i);
      if (l->role != LGR_TEXT_ANNOTATION)
        continue;
      n_annotations++;
      if (layout->data->bars)
        continue; /* the tornado's notes sit above and below its bars */
      for (guint k = 0; k < segments->len; k++)
        if (lgr_chart_segment_hits_rect (&g_array_index (segments, LgrChartSegment, k), &l->box))
          g_error ("%s at %s%s: \"%s\" crosses a line", lgr_chart_kind_to_string (kind), size->name,
                   titled ? "" : " (window)", l->text);
      for (guint k = 0; k < boxes->len; k++)
        if (lgr_chart_rect_intersects (&g_array_index (boxes, LgrChartRect, k), &l->box))
          g_error ("%s at %s%s: \"%s\" covers a marker", lgr_chart_kind_to_string (kind),
                   size->name, titled ? "" : " (window)", l->text);
      for (guint j = 0; j < layout->labels->len; j++)
        if (j != i
            && lgr_chart_rect_intersects (&g_array_index (layout->labels, LgrChartLabel, j).box,
                                          &l->box))
          g_error ("%s at %s: \"%s\" covers \"%s\"", lgr_chart_kind_to_string (kind), size->name,
                   l->text, g_array_index (layout->labels, LgrChartLabel, j).text);
    }
  /* every mark keeps its label: none is dropped to keep the lines clear */
  g_assert_cmpuint (n_annotations, >=, n_marks);
}

static void
test_bundled (void)
{
  g_autoptr (LgrStudy) study = lgr_charts_test_warwickshire ();
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  guint n_marked = 0;
  for (int kind = 0; kind < LGR_N_CHARTS; kind++)
    {
      if (!lgr_chart_kind_applies (kind, results))
        continue;
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          check_labels (results, kind, &sizes[s], TRUE);
          check_labels (results, kind, &sizes[s], FALSE);
        }
      LgrChartOptions o;
      lgr_chart_options_init (&o, kind);
      g_autoptr (LgrChartLayout) layout = lgr_chart_layout_new (NULL, results, &o, 800, 450);
      n_marked += layout->data->marks->len > 0;
    }
  /* the cashflow, difference and uncertainty charts have labels to place */
  g_assert_cmpuint (n_marked, >=, 3);
}

/* Scenarios close together put their labels where the lines run: many studies, every size. */
static void
test_crowded (void)
{
  for (guint n = 2; n <= 8; n += 3)
    {
      g_autoptr (LgrStudy) study = lgr_charts_test_study (n, 10, LGR_CHARTS_STUDY_NORMAL);
      g_autoptr (LgrResults) results = lgr_results_compute (study);
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          check_labels (results, LGR_CHART_CASHFLOW, &sizes[s], TRUE);
          check_labels (results, LGR_CHART_DIFFERENCE, &sizes[s], TRUE);
        }
    }
}

/* The documents a note cites, abbreviated: quoted titles, a note opening with its document,
 * a document named through its publisher's comparison, each once. */
static void
test_cite (void)
{
  g_autoptr (GPtrArray) cited = g_ptr_array_new_with_free_func (g_free);
  lgr_chart_sources_cite (cited, "Derived from Peopletoo, \"Warwickshire LGR Support: ASC and "
                                 "Children Services Analysis\", June 2025, section 2.");
  lgr_chart_sources_cite (cited,
                          "Warwickshire County Council, cabinet report on local government "
                          "reorganisation, 6 November 2025: £22.3m. Range: the upper bound in "
                          "HM Treasury, \"Supplementary Green Book Guidance: Optimism Bias\", "
                          "2003, table 1.");
  lgr_chart_sources_cite (cited, "Derived from Warwickshire County Council's comparison (cabinet "
                                 "report on local government reorganisation, 6 November 2025): "
                                 "two unitaries come out £68m worse.");
  lgr_chart_sources_cite (cited, "Peopletoo, \"Warwickshire LGR Support\", June 2025.");
  lgr_chart_sources_cite (cited, "An officer's estimate, no document.");
  lgr_chart_sources_cite (cited, NULL);
  g_assert_cmpuint (cited->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (cited, 0), ==, "Peopletoo, Warwickshire LGR Support, 2025");
  g_assert_cmpstr (g_ptr_array_index (cited, 1), ==,
                   "Warwickshire County Council, Cabinet report on local government "
                   "reorganisation, 2025");
  g_assert_cmpstr (g_ptr_array_index (cited, 2), ==,
                   "HM Treasury, Supplementary Green Book Guidance, 2003");

  g_autofree char *all = lgr_chart_sources_line (cited, 3, "A study");
  g_assert_cmpstr (all, ==,
                   "Sources: Peopletoo, Warwickshire LGR Support, 2025; Warwickshire County "
                   "Council, Cabinet report on local government reorganisation, 2025; and HM "
                   "Treasury, Supplementary Green Book Guidance, 2003. Drawn by LGR Explorer.");
  g_autofree char *one = lgr_chart_sources_line (cited, 1, "A study");
  g_assert_cmpstr (one, ==,
                   "Sources: Peopletoo, Warwickshire LGR Support, 2025; and 2 others. Drawn by "
                   "LGR Explorer.");
  g_ptr_array_set_size (cited, 0);
  g_autofree char *none = lgr_chart_sources_line (cited, 0, "A study");
  g_assert_cmpstr (none, ==, "Source: A study. Drawn by LGR Explorer.");
  g_autofree char *question = lgr_chart_sources_line (cited, 0, "One or two?");
  g_assert_cmpstr (question, ==, "Source: One or two? Drawn by LGR Explorer.");
}

/* The exported chart's source line names the documents behind it, as many as two lines hold;
 * the subtitle puts no comma after a title that ends in a question mark. */
static void
test_source_line (void)
{
  g_autoptr (LgrStudy) study = lgr_charts_test_warwickshire ();
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  LgrChartOptions o;
  lgr_chart_options_init (&o, LGR_CHART_CASHFLOW);
  o.show_title = TRUE;

  g_autoptr (LgrChartLayout) slide = lgr_chart_layout_new (NULL, results, &o, 1920, 1080);
  g_assert_cmpstr (slide->data->subtitle, ==,
                   "Warwickshire: one unitary or two? 2025/26 to 2034/35");
  const char *source = slide->data->source;
  g_assert_true (g_str_has_prefix (source, "Sources: Peopletoo, Warwickshire LGR Support, 2025; "));
  g_assert_nonnull (strstr (source, "HM Treasury, Supplementary Green Book Guidance, 2003"));
  g_assert_null (strstr (source, study->title));
  g_assert_null (strstr (source, " other"));
  g_assert_true (g_str_has_suffix (source, ". Drawn by LGR Explorer."));
  g_assert_cmpfloat (slide->source.height, <=,
                     2.01 * lgr_chart_text_line_height (&slide->text, LGR_TEXT_SOURCE));

  /* a narrow chart names fewer and counts the rest, in two lines at most */
  g_autoptr (LgrChartLayout) narrow = lgr_chart_layout_new (NULL, results, &o, 480, 320);
  g_assert_true (g_str_has_prefix (narrow->data->source, "Sources: Peopletoo"));
  g_assert_nonnull (strstr (narrow->data->source, " other"));
  g_assert_cmpfloat (narrow->source.height, <=,
                     2.01 * lgr_chart_text_line_height (&narrow->text, LGR_TEXT_SOURCE));

  /* the children chart draws the looked-after children levers only: their documents only */
  LgrChartOptions c;
  lgr_chart_options_init (&c, LGR_CHART_CHILDREN);
  c.show_title = TRUE;
  g_autoptr (LgrChartLayout) children = lgr_chart_layout_new (NULL, results, &c, 1920, 1080);
  g_assert_cmpstr (children->data->source, ==,
                   "Source: Peopletoo, Warwickshire LGR Support, 2025. Drawn by LGR Explorer.");

  /* a source line given by the caller is kept as it is */
  o.source = "Source: the finance team.";
  g_autoptr (LgrChartLayout) given = lgr_chart_layout_new (NULL, results, &o, 1920, 1080);
  g_assert_cmpstr (given->data->source, ==, "Source: the finance team.");
  c.source = o.source;
  g_autoptr (LgrChartLayout) given_children = lgr_chart_layout_new (NULL, results, &c, 1920, 1080);
  g_assert_cmpstr (given_children->data->source, ==, "Source: the finance team.");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/charts/labels/bundled", test_bundled);
  g_test_add_func ("/charts/labels/crowded", test_crowded);
  g_test_add_func ("/charts/labels/cite", test_cite);
  g_test_add_func ("/charts/labels/source-line", test_source_line);
  return g_test_run ();
}
