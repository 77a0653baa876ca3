/* lgr-report-snapshots.c: one report page per snapshot (lgr-report-snapshots.h). Each page
 * stands alone, so the report's flow only needs to start a page for it: long notes and change
 * lists are cut to a number of lines (ending in an ellipsis) so that the table and the chart
 * always fit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-report-snapshots.h"

#include <glib/gi18n-lib.h>

#include "lgr-chart.h"
#include "lgr-format.h"
#include "lgr-results.h"
#include "lgr-snapshot.h"

typedef struct
{
  cairo_t *cr;
  PangoContext *context;
  const LgrChartTheme *theme;
  double x, y, width;
} Page;

/* Draws text at the page's y, at most max_lines lines (0: any), and moves y below it. */
static void
text (Page *p, const char *s, double size, gboolean bold, LgrRgba colour, double indent,
      int max_lines)
{
  g_autoptr (PangoLayout) pl = pango_layout_new (p->context);
  PangoFontDescription *font = pango_font_description_from_string (p->theme->font_family);
  double w, h;

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (pl, font);
  pango_font_description_free (font);
  pango_layout_set_text (pl, s, -1);
  pango_layout_set_width (pl, (int)((p->width - indent) * PANGO_SCALE));
  pango_layout_set_wrap (pl, PANGO_WRAP_WORD_CHAR);
  if (max_lines > 0)
    {
      pango_layout_set_height (pl, -max_lines);
      pango_layout_set_ellipsize (pl, PANGO_ELLIPSIZE_END);
    }
  lgr_chart_text_size (pl, &w, &h);
  lgr_chart_set_source (p->cr, colour);
  cairo_move_to (p->cr, p->x + indent, p->y);
  pango_cairo_show_layout (p->cr, pl);
  p->y += h;
}

static void
table_row (Page *p, const char *const *cells, gboolean bold)
{
  const double right = 70;
  double x = p->x;
  double h = 0;
  for (guint c = 0; c < 6; c++)
    {
      double cw = c == 0 ? p->width - 5 * right : right;
      g_autoptr (PangoLayout) pl = pango_layout_new (p->context);
      PangoFontDescription *font = pango_font_description_from_string (p->theme->font_family);
      double th;
      pango_font_description_set_absolute_size (font, 8.5 * PANGO_SCALE);
      pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
      pango_layout_set_font_description (pl, font);
      pango_font_description_free (font);
      pango_layout_set_text (pl, cells[c], -1);
      pango_layout_set_width (pl, (int)((cw - 6) * PANGO_SCALE));
      pango_layout_set_wrap (pl, PANGO_WRAP_WORD_CHAR);
      if (c > 0)
        pango_layout_set_alignment (pl, PANGO_ALIGN_RIGHT);
      lgr_chart_text_size (pl, NULL, &th);
      lgr_chart_set_source (p->cr, p->theme->text);
      cairo_move_to (p->cr, x + (c > 0 ? 3 : 0), p->y + 2.5);
      pango_cairo_show_layout (p->cr, pl);
      h = MAX (h, th);
      x += cw;
    }
  h += 5;
  lgr_chart_set_source (p->cr, p->theme->grid);
  cairo_set_line_width (p->cr, 0.6);
  cairo_move_to (p->cr, p->x, p->y + h);
  cairo_line_to (p->cr, x, p->y + h);
  cairo_stroke (p->cr);
  p->y += h;
}

static void
summary (Page *p, const LgrResults *res)
{
  const char *head[] = { _ ("Scenario"),         _ ("Payback"), _ ("Peak funding"),
                         _ ("Net over horizon"), _ ("NPV"),     _ ("Final-year net") };
  table_row (p, head, TRUE);
  for (guint i = 0; i < res->n_scenarios; i++)
    {
      const LgrScenarioResult *s = &res->scenarios[i];
      g_autofree char *payback
          = s->has_payback ? lgr_format_financial_year (res->first_year + s->payback_index)
                           : g_strdup (_ ("not within the horizon"));
      g_autofree char *peak = lgr_format_money (s->peak_funding);
      g_autofree char *total = lgr_format_money (s->total_net);
      g_autofree char *npv = lgr_format_money (s->npv);
      g_autofree char *run = lgr_format_money (s->run_rate);
      const char *cells[] = { s->scenario->name, payback, peak, total, npv, run };
      table_row (p, cells, FALSE);
    }
}

guint
lgr_report_snapshot_pages (const LgrStudy *study)
{
  return study->snapshots->len;
}

const char *
lgr_report_snapshot_name (const LgrStudy *study, guint index)
{
  g_return_val_if_fail (index < study->snapshots->len, NULL);
  const LgrSnapshot *snapshot = g_ptr_array_index (study->snapshots, index);
  return snapshot->name ? snapshot->name : "";
}

void
lgr_report_snapshot_draw (cairo_t *cr, PangoContext *context, const LgrChartTheme *theme,
                          const LgrStudy *study, guint index, double x, double y, double width,
                          double height)
{
  const LgrSnapshot *snapshot;
  g_autoptr (LgrStudy) applied = NULL;
  g_autoptr (LgrResults) results = NULL;
  g_autoptr (GPtrArray) changes = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  Page p = { cr, context, theme, x, y, width };
  LgrChartOptions options;
  double chart_height;

  g_return_if_fail (index < study->snapshots->len);
  snapshot = g_ptr_array_index (study->snapshots, index);

  cairo_save (cr);
  /* Translators: a report page's heading, "Snapshot: What if savings arrive a year late?" */
  title = g_strdup_printf (_ ("Snapshot: %s"), snapshot->name);
  text (&p, title, 17, TRUE, theme->text, 0, 2);
  p.y += 6;
  if (snapshot->note != NULL && *snapshot->note != '\0')
    {
      text (&p, snapshot->note, 10.5, FALSE, theme->text, 0, 8);
      p.y += 8;
    }
  text (&p, _ ("The changes it makes"), 12.5, TRUE, theme->text, 0, 1);
  p.y += 3;
  changes = lgr_snapshot_describe (study, snapshot);
  if (changes->len == 0)
    text (&p, _ ("None: the study as it is."), 8.5, FALSE, theme->text_secondary, 10, 1);
  for (guint i = 0; i < changes->len && i < 12; i++)
    {
      /* the twelfth says how many more there are, if there are */
      g_autofree char *line
          = i == 11 && changes->len > 12
                ? g_strdup_printf (_ ("and %u more"), changes->len - 11)
                : g_strdup_printf ("• %s", (const char *)g_ptr_array_index (changes, i));
      text (&p, line, 8.5, FALSE, theme->text, 10, 2);
    }
  p.y += 10;

  applied = lgr_study_copy (study);
  if (!lgr_snapshot_apply (applied, snapshot, &error))
    {
      text (&p, error->message, 10.5, FALSE, theme->text, 0, 4);
      cairo_restore (cr);
      return;
    }
  results = lgr_results_compute (applied);
  text (&p, _ ("Summary with the snapshot applied"), 12.5, TRUE, theme->text, 0, 1);
  p.y += 3;
  summary (&p, results);
  p.y += 12;

  chart_height = MIN (width * 0.62, y + height - p.y);
  if (chart_height > 60)
    {
      /* the study without the snapshot as the starting point, so the page shows what it did */
      g_autoptr (LgrResults) start = lgr_results_compute (study);
      lgr_chart_options_init (&options, LGR_CHART_CASHFLOW);
      options.start = start;
      cairo_translate (cr, x, p.y);
      lgr_chart_draw (cr, results, &options, width, chart_height);
    }
  cairo_restore (cr);
}
