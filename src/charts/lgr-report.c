/* lgr-report.c: the cabinet report - an A4 document drawn with the same chart code.
 *
 * The report is a flow of blocks (lines of text, tables, charts) poured onto pages. One
 * function, run_report(), lays out the whole document; it draws only the page asked for, every
 * page in one pass (the PDF), or nothing when counting pages. So the PDF, the page count and
 * printing can never disagree.
 *
 * Texts are cut before pango sees them (names and titles to LGR_FORMAT_MAX_NAME_CHARS,
 * descriptions and sources to LGR_FORMAT_MAX_NOTE_CHARS, with an ellipsis), so a study of
 * megabyte-long texts makes a report of ordinary length in ordinary time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-export.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <math.h>

#include "lgr-chart-private.h"
#include "lgr-file-replace.h"
#include "lgr-format.h"
#include "lgr-report-published.h"
#include "lgr-report-uncertainty.h"
#include "lgr-report-councils.h"
#include "lgr-report-snapshots.h"

#define A4_WIDTH 595.0
#define A4_HEIGHT 842.0
#define MARGIN 48.0
#define FOOTER 28.0

typedef enum
{
  FONT_TITLE,
  FONT_H1,
  FONT_H2,
  FONT_BODY,
  FONT_BODY_BOLD,
  FONT_SMALL,
  FONT_TABLE,
  FONT_TABLE_BOLD,
  FONT_VERDICT,
  N_FONTS
} ReportFont;

static const struct
{
  double size;
  PangoWeight weight;
} report_fonts[N_FONTS] = {
  [FONT_TITLE] = { 26, PANGO_WEIGHT_BOLD },       [FONT_H1] = { 17, PANGO_WEIGHT_BOLD },
  [FONT_H2] = { 12.5, PANGO_WEIGHT_BOLD },        [FONT_BODY] = { 10.5, PANGO_WEIGHT_NORMAL },
  [FONT_BODY_BOLD] = { 10.5, PANGO_WEIGHT_BOLD }, [FONT_SMALL] = { 8.5, PANGO_WEIGHT_NORMAL },
  [FONT_TABLE] = { 8.5, PANGO_WEIGHT_NORMAL },    [FONT_TABLE_BOLD] = { 8.5, PANGO_WEIGHT_BOLD },
  [FONT_VERDICT] = { 13, PANGO_WEIGHT_BOLD },
};

typedef struct
{
  const LgrStudy *study;
  const LgrResults *results;
  cairo_t *cr;           /* NULL: count pages only */
  int draw_page;         /* 0-based page to draw, -1 for none */
  gboolean draw_all;     /* every page, one after the other (a PDF): one pass, not one a page */
  GPtrArray *recordings; /* with draw_all: a recording surface a page, cr drawing the last */
  int n_pages;           /* known after a counting run */
  double page_width, page_height;
  double x, width; /* the text column */
  double top, bottom;
  int page; /* current page, 0-based */
  double y;
  PangoContext *context;
  PangoFontDescription *fonts[N_FONTS];
  const LgrChartTheme *theme;
  LgrReportUncertain *uncertain; /* the Monte Carlo, computed once for every run */
  cairo_surface_t *pdf;          /* writing a PDF: its outline (bookmarks) is made on the way */
  int outline_parent;            /* the section the next child entry goes under */
} Report;

/* The longest block of text: a note with the words around it ("Source: ..."). */
#define MAX_BLOCK_CHARS (LGR_FORMAT_MAX_NOTE_CHARS + 200)

static void footer (Report *r, int page);

static gboolean
drawing (const Report *r)
{
  return r->cr != NULL && (r->draw_all || r->page == r->draw_page);
}

static char *
name_text (const char *name)
{
  return lgr_format_truncate (name, LGR_FORMAT_MAX_NAME_CHARS);
}

static PangoLayout *
report_layout (Report *r, ReportFont font, const char *text, double width)
{
  PangoLayout *pl = pango_layout_new (r->context);
  pango_layout_set_font_description (pl, r->fonts[font]);
  g_autofree char *shown = lgr_format_truncate (text, MAX_BLOCK_CHARS);
  pango_layout_set_text (pl, shown, -1);
  if (width > 0)
    {
      pango_layout_set_width (pl, (int)(width * PANGO_SCALE));
      pango_layout_set_wrap (pl, PANGO_WRAP_WORD_CHAR);
    }
  return pl;
}

static void
page_background (Report *r)
{
  lgr_chart_set_source (r->cr, r->theme->background);
  cairo_rectangle (r->cr, 0, 0, r->page_width, r->page_height);
  cairo_fill (r->cr);
}

/* Starts the next recorded page: r->cr draws into it. */
static void
new_recording (Report *r)
{
  cairo_rectangle_t extents = { 0, 0, r->page_width, r->page_height };
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  g_ptr_array_add (r->recordings, surface);
  if (r->cr != NULL)
    cairo_destroy (r->cr);
  r->cr = cairo_create (surface);
}

static void
page_break (Report *r)
{
  if (r->draw_all && r->cr != NULL)
    {
      footer (r, r->page);
      if (r->recordings != NULL)
        new_recording (r);
      else
        cairo_show_page (r->cr);
      page_background (r);
    }
  r->page++;
  r->y = r->top;
}

static void
ensure_room (Report *r, double height)
{
  if (r->y + height > r->bottom && r->y > r->top)
    page_break (r);
}

static void
space (Report *r, double height)
{
  r->y += height;
  if (r->y > r->bottom)
    page_break (r);
}

/* A paragraph, line by line, breaking pages between lines. keep: room to leave below the
 * first line (headings keep with what follows). */
static void
paragraph (Report *r, ReportFont font, const char *text, LgrRgba colour, double indent, double keep)
{
  if (text == NULL || *text == '\0')
    return;
  g_autoptr (PangoLayout) pl = report_layout (r, font, text, r->width - indent);
  PangoLayoutIter *iter = pango_layout_get_iter (pl);
  gboolean first = TRUE;
  do
    {
      PangoRectangle logical;
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      double h = (double)logical.height / PANGO_SCALE;
      ensure_room (r, h + (first ? keep : 0));
      first = FALSE;
      if (drawing (r))
        {
          double baseline
              = (double)(pango_layout_iter_get_baseline (iter) - logical.y) / PANGO_SCALE;
          lgr_chart_set_source (r->cr, colour);
          cairo_move_to (r->cr, r->x + indent + (double)logical.x / PANGO_SCALE, r->y + baseline);
          pango_cairo_show_layout_line (r->cr, pango_layout_iter_get_line_readonly (iter));
        }
      r->y += h;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

/* An entry of the PDF's outline for what was just written (a heading's line) on this page:
 * a section, or an entry under the last section when child. */
static void
outline (Report *r, gboolean child, const char *text)
{
  if (r->pdf == NULL || !drawing (r))
    return;
  /* whole points: the link attributes are parsed in the C locale */
  g_autofree char *link = g_strdup_printf ("page=%d pos=[%d %d]", r->page + 1, (int)r->x,
                                           (int)MAX (r->y - 30, r->top));
  g_autofree char *shown = name_text (text);
  int id = cairo_pdf_surface_add_outline (
      r->pdf, child ? r->outline_parent : CAIRO_PDF_OUTLINE_ROOT, shown, link, 0);
  if (!child)
    r->outline_parent = id;
}

static void
heading (Report *r, ReportFont font, const char *text)
{
  space (r, font == FONT_H1 ? 4 : 8);
  paragraph (r, font, text, r->theme->text, 0, 60);
  if (font == FONT_H1)
    outline (r, FALSE, text);
  space (r, 4);
}

static void
text_block (Report *r, const char *text, double indent)
{
  /* blank lines separate paragraphs in a description */
  g_autofree char *shown = lgr_format_truncate (text, LGR_FORMAT_MAX_NOTE_CHARS);
  g_auto (GStrv) paras = g_strsplit (shown, "\n\n", -1);
  for (guint i = 0; paras[i]; i++)
    {
      paragraph (r, FONT_BODY, g_strstrip (paras[i]), r->theme->text, indent, 0);
      space (r, 5);
    }
}

/* Title page */

static void
title_page (Report *r)
{
  const LgrStudy *study = r->study;
  r->y = r->top + 120;
  paragraph (r, FONT_SMALL, _ ("LGR Explorer · study report"), r->theme->text_secondary, 0, 0);
  space (r, 6);
  g_autofree char *title = name_text (study->title);
  paragraph (r, FONT_TITLE, title, r->theme->text, 0, 0);
  outline (r, FALSE, title);
  space (r, 18);

  g_autofree char *verdict = lgr_results_verdict (r->results);
  double y0 = r->y;
  g_autoptr (PangoLayout) vl = report_layout (r, FONT_VERDICT, verdict, r->width - 24);
  double vw, vh;
  lgr_chart_text_size (vl, &vw, &vh);
  if (drawing (r))
    {
      cairo_save (r->cr);
      cairo_set_source_rgb (r->cr, 0.93, 0.95, 0.98);
      cairo_rectangle (r->cr, r->x, y0, r->width, vh + 24);
      cairo_fill (r->cr);
      cairo_set_source_rgb (r->cr, 0.11, 0.44, 0.85);
      cairo_rectangle (r->cr, r->x, y0, 4, vh + 24);
      cairo_fill (r->cr);
      lgr_chart_set_source (r->cr, r->theme->text);
      cairo_move_to (r->cr, r->x + 14, y0 + 12);
      pango_cairo_show_layout (r->cr, vl);
      cairo_restore (r->cr);
    }
  r->y += vh + 24;
  space (r, 16);

  if (study->description)
    text_block (r, study->description, 0);
  space (r, 8);

  g_autofree char *first = lgr_format_financial_year (study->first_year);
  g_autofree char *last = lgr_format_financial_year (study->first_year + study->years - 1);
  g_autofree char *vest = lgr_format_financial_year (study->vesting_year);
  g_autofree char *rate = lgr_format_percent (study->discount_rate);
  g_autofree char *real = lgr_format_percent (study->benefit_realisation);
  g_autofree char *cont = lgr_format_percent (study->cost_contingency);
  g_autofree char *settings = g_strdup_printf (
      _ ("Timeline %s to %s, vesting in %s. Discount rate %s. Benefit realisation %s, cost "
         "contingency %s. Cost avoidance is %s the net cashflow."),
      first, last, vest, rate, real, cont,
      study->count_avoidance ? _ ("counted in") : _ ("reported separately and not counted in"));
  paragraph (r, FONT_BODY, settings, r->theme->text_secondary, 0, 0);
  space (r, 8);

  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%-d %B %Y");
  g_autofree char *made = g_strdup_printf (_ ("Produced on %s by LGR Explorer."), date);
  paragraph (r, FONT_BODY, made, r->theme->text_secondary, 0, 0);
}

/* Summary table of the scenarios */

static void
table_row (Report *r, const char *const *cells, guint n_cells, const double *widths, gboolean bold,
           gboolean rule)
{
  ReportFont font = bold ? FONT_TABLE_BOLD : FONT_TABLE;
  double h = 0;
  for (guint c = 0; c < n_cells; c++)
    {
      g_autoptr (PangoLayout) pl = report_layout (r, font, cells[c], widths[c] - 6);
      double ch;
      lgr_chart_text_size (pl, NULL, &ch);
      h = MAX (h, ch);
    }
  h += 5;
  ensure_room (r, h);
  if (drawing (r))
    {
      double x = r->x;
      for (guint c = 0; c < n_cells; c++)
        {
          g_autoptr (PangoLayout) pl = report_layout (r, font, cells[c], widths[c] - 6);
          if (c > 0)
            pango_layout_set_alignment (pl, PANGO_ALIGN_RIGHT);
          lgr_chart_set_source (r->cr, r->theme->text);
          cairo_move_to (r->cr, x + (c > 0 ? 3 : 0), r->y + 2.5);
          pango_cairo_show_layout (r->cr, pl);
          x += widths[c];
        }
      if (rule)
        {
          lgr_chart_set_source (r->cr, r->theme->grid);
          cairo_set_line_width (r->cr, 0.6);
          cairo_move_to (r->cr, r->x, r->y + h);
          cairo_line_to (r->cr, x, r->y + h);
          cairo_stroke (r->cr);
        }
    }
  r->y += h;
}

static void
summary_table (Report *r)
{
  const LgrResults *res = r->results;
  heading (r, FONT_H2, _ ("Summary"));
  outline (r, FALSE, _ ("Summary"));
  const char *head[] = { _ ("Scenario"),         _ ("Payback"), _ ("Peak funding"),
                         _ ("Net over horizon"), _ ("NPV"),     _ ("Final-year net") };
  double widths[6] = { r->width - 5 * 70, 70, 70, 70, 70, 70 };
  table_row (r, head, 6, widths, TRUE, TRUE);
  for (guint i = 0; i < res->n_scenarios; i++)
    {
      const LgrScenarioResult *s = &res->scenarios[i];
      g_autofree char *payback
          = s->nothing_to_pay_back ? g_strdup (_ ("nothing to pay back"))
            : s->has_payback       ? lgr_format_financial_year (res->first_year + s->payback_index)
                                   : g_strdup (_ ("not within the horizon"));
      g_autofree char *peak = lgr_format_money (s->peak_funding);
      g_autofree char *total = lgr_format_money (s->total_net);
      g_autofree char *npv = lgr_format_money (s->npv);
      g_autofree char *run = lgr_format_money (s->run_rate);
      g_autofree char *name = name_text (s->scenario->name);
      const char *cells[] = { name, payback, peak, total, npv, run };
      table_row (r, cells, 6, widths, FALSE, TRUE);
    }
}

/* Assumptions */

static char *
profile_text (const LgrProfile *profile)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < profile->n; i++)
    {
      g_autofree char *p = lgr_format_percent (profile->values[i]);
      g_string_append_printf (s, "%s%s", i ? ", " : "", p);
    }
  return g_string_free (s, FALSE);
}

static void
source_line (Report *r, const char *source)
{
  g_autofree char *shown = lgr_format_truncate (source, LGR_FORMAT_MAX_NOTE_CHARS);
  g_autofree char *text
      = g_strdup_printf (_ ("Source: %s"), source && *source ? shown : _ ("not given"));
  paragraph (r, FONT_SMALL, text, r->theme->text_secondary, 12, 0);
}

/* A value changed after its note was written: said under the note, so that the report never
 * sets a figure beside a note written for another (docs/format.md). */
static void
stale_line (Report *r, const char *what, const char *then, const char *now)
{
  g_autofree char *text = g_strdup_printf (
      _ ("This source predates a change: %s %s when it was written, %s now."), what, then, now);
  paragraph (r, FONT_SMALL, text, r->theme->text, 12, 0);
}

static char *
cohort_value (const LgrLever *lever, double value)
{
  g_autofree char *v = lgr_format_decimal (value, 2);
  switch (lever->basis)
    {
    case LGR_COHORT_BASIS_CHILD_POPULATION:
      return g_strdup_printf (_ ("%s per 10,000 children"), v);
    case LGR_COHORT_BASIS_POPULATION:
      return g_strdup_printf (_ ("%s per 10,000 residents"), v);
    case LGR_COHORT_BASIS_COUNT:
    default:
      return g_strdup_printf (_ ("%s people"), v);
    }
}

/* lr: the lever's results, which know its authority (no search per lever) */
static void
lever_block (Report *r, const LgrLeverResult *lr)
{
  const LgrStudy *study = r->study;
  const LgrLever *lever = lr->lever;
  const LgrAuthority *a = lr->authority;
  g_autofree char *lever_name = name_text (lever->name);
  g_autofree char *authority_name = name_text (a ? a->name : "");
  g_autofree char *name = g_strdup_printf ("%s — %s%s", lever_name, authority_name,
                                           lever->enabled ? "" : _ (" (switched off)"));
  space (r, 3);
  paragraph (r, FONT_BODY_BOLD, name, r->theme->text, 0, 24);

  g_autofree char *cb = cohort_value (lever, lever->cohort_baseline);
  g_autofree char *ct = cohort_value (lever, lever->cohort_target);
  g_autofree char *ub = lgr_format_money_exact (lever->unit_cost_baseline);
  g_autofree char *ut = lgr_format_money_exact (lever->unit_cost_target);
  const char *per = lever->unit_period == LGR_UNIT_PERIOD_WEEK ? _ ("a week") : _ ("a year");
  g_autofree char *start = lgr_format_financial_year (lgr_lever_start_year (lever, study));
  g_autofree char *profile = profile_text (&lever->realisation);
  g_autofree char *gc = lgr_format_percent (lever->growth_cohort);
  g_autofree char *gu = lgr_format_percent (lever->growth_unit_cost);
  g_autofree char *text = g_strdup_printf (
      _ ("Cohort %s today, target %s. Unit cost %s %s today, target %s %s. Realised from %s: %s. "
         "Growth a year: cohort %s, unit cost %s. %s."),
      cb, ct, ub, per, ut, per, start, profile, gc, gu,
      lever->benefit == LGR_BENEFIT_CASHABLE ? _ ("Cashable saving") : _ ("Cost avoidance"));
  paragraph (r, FONT_BODY, text, r->theme->text, 12, 0);
  source_line (r, lever->source);
  if (lever->source && lever->has_source_target)
    {
      g_autofree char *then = cohort_value (lever, lever->source_target);
      stale_line (r, _ ("target"), then, ct);
    }
  if (lever->source && lever->has_source_unit_cost)
    {
      g_autofree char *then = lgr_format_money_exact (lever->source_unit_cost);
      stale_line (r, _ ("unit cost target"), then, ut);
    }
}

static const char *
kind_text (LgrItemKind kind)
{
  switch (kind)
    {
    case LGR_ITEM_KIND_ONE_OFF_COST:
      return _ ("One-off cost");
    case LGR_ITEM_KIND_RECURRING_COST:
      return _ ("Recurring cost");
    case LGR_ITEM_KIND_SAVING:
      return _ ("Recurring saving");
    case LGR_ITEM_KIND_AVOIDANCE:
    default:
      return _ ("Cost avoidance");
    }
}

static void
item_block (Report *r, const LgrItem *item)
{
  const LgrStudy *study = r->study;
  g_autofree char *item_name = name_text (item->name);
  g_autofree char *name
      = g_strdup_printf ("%s%s", item_name, item->enabled ? "" : _ (" (switched off)"));
  space (r, 3);
  paragraph (r, FONT_BODY_BOLD, name, r->theme->text, 0, 24);
  g_autofree char *start = lgr_format_financial_year (lgr_item_start_year (item, study));
  g_autofree char *profile = profile_text (&item->profile);
  g_autofree char *text = NULL;
  switch (item->pattern)
    {
    case LGR_ITEM_PATTERN_SPREAD:
      {
        g_autofree char *total = lgr_format_money_exact (item->total);
        text = g_strdup_printf (_ ("%s of %s in total, spread from %s: %s."),
                                kind_text (item->kind), total, start, profile);
      }
      break;
    case LGR_ITEM_PATTERN_RECURRING:
      {
        g_autofree char *amount = lgr_format_money_exact (item->amount);
        g_autofree char *growth = lgr_format_percent (item->growth);
        text = g_strdup_printf (_ ("%s of %s a year at full realisation, from %s: %s; growth %s a "
                                   "year."),
                                kind_text (item->kind), amount, start, profile, growth);
      }
      break;
    case LGR_ITEM_PATTERN_VALUES:
    default:
      {
        GString *s = g_string_new (NULL);
        for (guint i = 0; item->values && i < item->values->len; i++)
          {
            const LgrYearValue *v = &g_array_index (item->values, LgrYearValue, i);
            g_autofree char *y = lgr_format_financial_year (v->year);
            g_autofree char *m = lgr_format_money (v->value);
            g_string_append_printf (s, "%s%s %s", i ? ", " : "", y, m);
          }
        text = g_strdup_printf (_ ("%s, year by year: %s."), kind_text (item->kind), s->str);
        g_string_free (s, TRUE);
      }
      break;
    }
  paragraph (r, FONT_BODY, text, r->theme->text, 12, 0);
  source_line (r, item->source);
  if (item->source && item->has_source_value && item->pattern != LGR_ITEM_PATTERN_VALUES)
    {
      g_autofree char *then = lgr_format_money_exact (item->source_value);
      g_autofree char *now = lgr_format_money_exact (
          item->pattern == LGR_ITEM_PATTERN_SPREAD ? item->total : item->amount);
      stale_line (r, item->pattern == LGR_ITEM_PATTERN_SPREAD ? _ ("total") : _ ("amount"), then,
                  now);
    }
}

/* Where an authority's populations come from, and whether they changed since. */
static void
authority_source (Report *r, const LgrAuthority *a)
{
  source_line (r, a->source);
  if (a->has_source_population)
    {
      g_autofree char *then = lgr_format_count (a->source_population, 0);
      g_autofree char *now = lgr_format_count (a->population, 0);
      stale_line (r, _ ("population"), then, now);
    }
  if (a->has_source_child_population)
    {
      g_autofree char *then = lgr_format_count (a->source_child_population, 0);
      g_autofree char *now = lgr_format_count (a->child_population, 0);
      stale_line (r, _ ("children aged 0–17"), then, now);
    }
}

static void
assumptions (Report *r, const LgrScenarioResult *sr)
{
  const LgrScenario *sc = sr->scenario;
  page_break (r);
  g_autofree char *scenario_name = name_text (sc->name);
  g_autofree char *title = g_strdup_printf (_ ("Assumptions: %s"), scenario_name);
  heading (r, FONT_H1, title);
  if (sc->description)
    text_block (r, sc->description, 0);

  heading (r, FONT_H2, _ ("Authorities"));
  for (guint i = 0; i < sc->authorities->len; i++)
    {
      const LgrAuthority *a = g_ptr_array_index (sc->authorities, i);
      g_autofree char *pop = lgr_format_count (a->population, 0);
      g_autofree char *child = lgr_format_count (a->child_population, 0);
      g_autofree char *authority_name = name_text (a->name);
      g_autofree char *line = g_strdup_printf (
          _ ("%s: population %s, of whom %s children aged 0–17."), authority_name, pop, child);
      paragraph (r, FONT_BODY, line, r->theme->text, 0, 0);
      if (a->source)
        authority_source (r, a);
    }
  if (sc->levers->len)
    heading (r, FONT_H2, _ ("Levers"));
  for (guint i = 0; i < sr->n_levers; i++)
    lever_block (r, &sr->levers[i]);
  if (sc->items->len)
    heading (r, FONT_H2, _ ("Items"));
  for (guint i = 0; i < sc->items->len; i++)
    item_block (r, g_ptr_array_index (sc->items, i));
}

/* Charts, one a page: every kind of the catalogue that applies to the study */

static void
chart_page (Report *r, LgrChartKind kind)
{
  /* the uncertain kinds are in "How sure are we?" (lgr-report-uncertainty.c) */
  if (!lgr_chart_kind_applies (kind, r->results) || lgr_chart_kind_info (kind)->uncertain)
    return;
  page_break (r);
  LgrChartOptions options;
  lgr_chart_options_init (&options, kind);
  double h = MIN (r->width * 0.75, r->bottom - r->top - 120);
  if (drawing (r))
    {
      cairo_save (r->cr);
      cairo_translate (r->cr, r->x, r->y);
      lgr_chart_draw (r->cr, r->results, &options, r->width, h);
      cairo_restore (r->cr);
    }
  outline (r, FALSE, lgr_chart_kind_title (kind));
  r->y += h + 14;
  g_autofree char *text = lgr_chart_describe (r->results, &options);
  paragraph (r, FONT_BODY, text, r->theme->text, 0, 0);
}

/* "How sure are we?": lgr-report-uncertainty.c writes it through these */

static void
sink_page_break (gpointer p)
{
  page_break (p);
}

static void
sink_heading (gpointer p, gboolean major, const char *text)
{
  heading (p, major ? FONT_H1 : FONT_H2, text);
  if (!major)
    outline (p, TRUE, text);
}

static void
sink_paragraph (gpointer p, gboolean secondary, const char *text)
{
  Report *r = p;
  paragraph (r, secondary ? FONT_SMALL : FONT_BODY, text,
             secondary ? r->theme->text_secondary : r->theme->text, 0, 0);
  space (r, 6);
}

static void
sink_table_row (gpointer p, const char *const *cells, guint n, const double *widths, gboolean bold)
{
  table_row (p, cells, n, widths, bold, TRUE);
}

static void
sink_chart (gpointer p, const LgrChartOptions *options, double h)
{
  Report *r = p;
  h = MIN (h, r->bottom - r->top - 120);
  ensure_room (r, h);
  if (drawing (r))
    {
      cairo_save (r->cr);
      cairo_translate (r->cr, r->x, r->y);
      lgr_chart_draw (r->cr, r->results, options, r->width, h);
      cairo_restore (r->cr);
    }
  /* an entry under the section, as a minor heading has */
  outline (r, TRUE, options->title ? options->title : lgr_chart_kind_title (options->kind));
  r->y += h + 14;
}

static LgrReportSink
report_sink (Report *r)
{
  return (LgrReportSink){ .report = r,
                          .width = r->width,
                          .page_break = sink_page_break,
                          .heading = sink_heading,
                          .paragraph = sink_paragraph,
                          .table_row = sink_table_row,
                          .chart = sink_chart };
}

/* Year-by-year tables: columns of years in blocks that fit the page width */

static void
year_table (Report *r, const LgrScenarioResult *s)
{
  const LgrResults *res = r->results;
  g_autofree char *scenario_name = name_text (s->scenario->name);
  g_autofree char *title = g_strdup_printf (_ ("Year by year: %s"), scenario_name);
  heading (r, FONT_H2, title);
  outline (r, TRUE, title);
  const struct
  {
    const char *name;
    const double *values;
    gboolean bold;
  } rows[] = {
    { _ ("Cashable savings"), s->cashable_savings, FALSE },
    { _ ("Cost avoidance"), s->cost_avoidance, FALSE },
    { _ ("One-off costs"), s->one_off_costs, FALSE },
    { _ ("Recurring costs"), s->recurring_costs, FALSE },
    { _ ("Net"), s->net, TRUE },
    { _ ("Cumulative"), s->cumulative, TRUE },
  };
  guint n = res->n_years;
  double label_w = 110;
  LgrReportBlocks blocks = lgr_report_blocks (r->width, label_w, n);
  guint per_block = blocks.per_block, n_blocks = blocks.n_blocks;
  double col_w = blocks.column_width;

  for (guint b = 0; b < n_blocks; b++)
    {
      guint t0 = b * per_block, t1 = MIN (n, t0 + per_block);
      guint nc = t1 - t0 + 1;
      g_autofree double *widths = g_new (double, nc);
      g_autofree const char **cells = g_new0 (const char *, nc);
      g_autoptr (GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
      widths[0] = label_w;
      for (guint c = 1; c < nc; c++)
        widths[c] = col_w;
      ensure_room (r, 7 * 16);
      cells[0] = _ ("£, per year");
      for (guint t = t0; t < t1; t++)
        {
          char *y = lgr_format_financial_year (res->first_year + (int)t);
          g_ptr_array_add (strings, y);
          cells[t - t0 + 1] = y;
        }
      table_row (r, cells, nc, widths, TRUE, TRUE);
      for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
        {
          cells[0] = rows[i].name;
          for (guint t = t0; t < t1; t++)
            {
              char *v = lgr_format_money (rows[i].values[t]);
              g_ptr_array_add (strings, v);
              cells[t - t0 + 1] = v;
            }
          table_row (r, cells, nc, widths, rows[i].bold, i + 1 == G_N_ELEMENTS (rows));
        }
      space (r, 12);
    }
}

static void
footer (Report *r, int page)
{
  if (r->cr == NULL || (!r->draw_all && page != r->draw_page))
    return;
  g_autofree char *text = g_strdup_printf (_ ("Page %d of %d"), page + 1, r->n_pages);
  g_autoptr (PangoLayout) pl = report_layout (r, FONT_SMALL, text, 0);
  double w, h;
  lgr_chart_text_size (pl, &w, &h);
  lgr_chart_set_source (r->cr, r->theme->text_secondary);
  cairo_move_to (r->cr, r->x + r->width - w, r->page_height - MARGIN / 2 - h);
  pango_cairo_show_layout (r->cr, pl);
  g_autofree char *title = name_text (r->study->title);
  g_autoptr (PangoLayout) tl = report_layout (r, FONT_SMALL, title, r->width - w - 20);
  pango_layout_set_ellipsize (tl, PANGO_ELLIPSIZE_END);
  cairo_move_to (r->cr, r->x, r->page_height - MARGIN / 2 - h);
  pango_cairo_show_layout (r->cr, tl);
}

static void
run_report (Report *r)
{
  /* the sections in their own files write through the report's functions */
  LgrReportSink sink = report_sink (r);
  r->page = 0;
  r->y = r->top;
  title_page (r);
  summary_table (r);
  lgr_report_published_section (&sink, r->results);
  for (guint i = 0; i < r->results->n_scenarios; i++)
    assumptions (r, &r->results->scenarios[i]);
  for (guint k = 0; k < LGR_N_CHARTS; k++)
    chart_page (r, (LgrChartKind)k);
  lgr_report_uncertainty_section (&sink, r->results, &r->uncertain);
  page_break (r);
  heading (r, FONT_H1, _ ("Year-by-year figures"));
  g_autofree char *note = g_strdup (
      _ ("Figures after benefit realisation and cost contingency; costs are shown as positive "
         "amounts. Net is cashable savings less costs, plus cost avoidance only where the study "
         "counts it."));
  paragraph (r, FONT_BODY, note, r->theme->text_secondary, 0, 0);
  space (r, 8);
  for (guint i = 0; i < r->results->n_scenarios; i++)
    year_table (r, &r->results->scenarios[i]);
  lgr_report_councils_section (&sink, r->results);
  for (guint i = 0; i < lgr_report_snapshot_pages (r->study); i++)
    {
      page_break (r);
      /* "Snapshots" with an entry a snapshot under it, each at its page's top */
      if (i == 0)
        outline (r, FALSE, _ ("Snapshots"));
      outline (r, TRUE, lgr_report_snapshot_name (r->study, i));
      if (drawing (r))
        lgr_report_snapshot_draw (r->cr, r->context, r->theme, r->study, i, r->x, r->y, r->width,
                                  r->bottom - r->y);
    }
}

static void
report_init (Report *r, const LgrStudy *study, const LgrResults *results, double pw, double ph)
{
  *r = (Report){ 0 };
  r->study = study;
  r->results = results;
  r->page_width = pw;
  r->page_height = ph;
  double margin = MIN (MARGIN, pw * 0.08);
  r->x = margin;
  r->width = pw - 2 * margin;
  r->top = margin;
  r->bottom = ph - margin - FOOTER;
  r->theme = lgr_chart_theme_get (LGR_CHART_STYLE_LIGHT);
  r->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *fo = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (fo, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (fo, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (r->context, fo);
  cairo_font_options_destroy (fo);
  for (guint i = 0; i < N_FONTS; i++)
    {
      r->fonts[i] = pango_font_description_from_string (r->theme->font_family);
      pango_font_description_set_absolute_size (r->fonts[i], report_fonts[i].size * PANGO_SCALE);
      pango_font_description_set_weight (r->fonts[i], report_fonts[i].weight);
    }
  /* count the pages once, so every page can say "of N" */
  r->draw_page = -1;
  run_report (r);
  r->n_pages = r->page + 1;
}

static void
report_clear (Report *r)
{
  for (guint i = 0; i < N_FONTS; i++)
    g_clear_pointer (&r->fonts[i], pango_font_description_free);
  g_clear_object (&r->context);
  g_clear_pointer (&r->uncertain, lgr_report_uncertain_free);
}

int
lgr_report_n_pages (const LgrStudy *study, const LgrResults *results)
{
  g_return_val_if_fail (study != NULL && results != NULL, 0);
  Report r;
  report_init (&r, study, results, A4_WIDTH, A4_HEIGHT);
  int n = r.n_pages;
  report_clear (&r);
  return n;
}

static void
draw_page (Report *r, cairo_t *cr, int page)
{
  r->cr = cr;
  r->draw_page = page;
  cairo_save (cr);
  page_background (r);
  run_report (r);
  footer (r, r->draw_all ? r->page : page); /* all: the last page's, the others' on the way */
  cairo_restore (cr);
}

void
lgr_report_draw_page (cairo_t *cr, const LgrStudy *study, const LgrResults *results, int page,
                      double page_width, double page_height)
{
  g_return_if_fail (cr != NULL && study != NULL && results != NULL);
  Report r;
  report_init (&r, study, results, page_width, page_height);
  if (page >= 0 && page < r.n_pages)
    draw_page (&r, cr, page);
  report_clear (&r);
}

static cairo_status_t
append_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

gboolean
lgr_report_write_pdf (const LgrStudy *study, const LgrResults *results, const char *path,
                      GError **error)
{
  g_return_val_if_fail (study != NULL && results != NULL && path != NULL, FALSE);
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface
      = cairo_pdf_surface_create_for_stream (append_bytes, bytes, A4_WIDTH, A4_HEIGHT);
  lgr_export_pdf_metadata (surface, study->title);
  cairo_t *cr = cairo_create (surface);

  Report r;
  report_init (&r, study, results, A4_WIDTH, A4_HEIGHT);
  r.pdf = surface;
  /* every page in one pass: drawing page by page would lay out the whole report for each */
  r.draw_all = TRUE;
  draw_page (&r, cr, 0);
  g_warn_if_fail (r.page + 1 == r.n_pages);
  cairo_show_page (cr);
  report_clear (&r);

  cairo_status_t status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _ ("The report could not be drawn: %s."),
                   cairo_status_to_string (status));
      return FALSE;
    }
  return lgr_file_replace_contents (path, bytes->data, bytes->len, error);
}

struct _LgrReportPages
{
  GPtrArray *recordings; /* of cairo_surface_t, one a page */
};

LgrReportPages *
lgr_report_pages_new (const LgrStudy *study, const LgrResults *results, double page_width,
                      double page_height)
{
  g_return_val_if_fail (study != NULL && results != NULL, NULL);
  LgrReportPages *pages = g_new0 (LgrReportPages, 1);
  pages->recordings = g_ptr_array_new_with_free_func ((GDestroyNotify)cairo_surface_destroy);

  Report r;
  report_init (&r, study, results, page_width, page_height);
  r.draw_all = TRUE;
  r.draw_page = 0;
  r.recordings = pages->recordings;
  new_recording (&r);
  page_background (&r);
  run_report (&r);
  footer (&r, r.page);
  g_warn_if_fail ((int)pages->recordings->len == r.n_pages);
  cairo_destroy (r.cr);
  report_clear (&r);
  return pages;
}

int
lgr_report_pages_get_n_pages (const LgrReportPages *pages)
{
  return pages ? (int)pages->recordings->len : 0;
}

void
lgr_report_pages_draw (const LgrReportPages *pages, cairo_t *cr, int page)
{
  g_return_if_fail (pages != NULL && cr != NULL);
  if (page < 0 || page >= (int)pages->recordings->len)
    return;
  cairo_save (cr);
  cairo_set_source_surface (cr, g_ptr_array_index (pages->recordings, page), 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
}

void
lgr_report_pages_free (LgrReportPages *pages)
{
  if (pages == NULL)
    return;
  g_ptr_array_unref (pages->recordings);
  g_free (pages);
}
