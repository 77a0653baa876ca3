/* lgr-workbook.c: the Excel workbook of a study (see lgr-workbook.h and docs/format.md).
 *
 * The formulas restate docs/model.md cell by cell, the way lgr-results.c does it in C; each
 * carries the value lgr-results.c computed as its cached result. The test (tests/test-workbook.c)
 * recalculates the workbook with a spreadsheet engine and compares every figure with the app.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-workbook.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <xlsxwriter.h>

#include "lgr-file-replace.h"
#include "lgr-format.h"
#include "lgr-results-authority.h"
#include "lgr-workbook-private.h"

/* Excel's "below zero" for money: below minus half a penny, as lgr_money_is_negative() */
#define NEGATIVE "-" LGR_MONEY_ZERO_TEXT

static void
write_year_headers (Book *b, lxw_worksheet *ws)
{
  worksheet_write_string (ws, SR_LABELS, 0, _ ("Financial year"), b->header);
  worksheet_write_string (ws, SR_YEAR, 0, _ ("Year"), NULL);
  worksheet_write_string (ws, SR_T, 0, _ ("Year index t"), NULL);
  for (guint t = 0; t < b->n; t++)
    {
      guint col = FIRST_YEAR_COL + t;
      int year = b->study->first_year + (int)t;
      g_autofree char *yc = year_cell (SR_YEAR, col);
      g_autofree char *label = lgr_format_financial_year (year);
      /* 2028/29, and 1999/00 */
      g_autofree char *f = g_strdup_printf ("=%s&\"/\"&TEXT(MOD(%s+1,100),\"00\")", yc, yc);
      worksheet_write_formula_str (ws, SR_LABELS, col, f, b->header, label);
      g_autofree char *fy = g_strdup_printf ("=FirstYear+%u", t);
      formula (b, ws, SR_YEAR, col, fy, NULL, year);
      worksheet_write_number (ws, SR_T, col, t, NULL);
    }
}

/* (1 + rate/100)^power, written so that a growth of -100% gives 1 in the first year as the app
 * does (a spreadsheet's 0^0 is an error). */
static char *
growth_formula (const char *rate, const char *power)
{
  return g_strdup_printf ("IF(%s=0,1,(1+%s/100)^(%s))", power, rate, power);
}

/* The realisation profile's share in year Y from start S (docs/model.md, lgr_profile_realisation):
 * 0 before S, then the profile's entries, the last carrying on. */
static char *
realisation_formula (const char *y, const char *s, const char *prof)
{
  return g_strdup_printf ("IF(OR(%s<%s,COUNT(%s)=0),0,INDEX(%s,1,MIN(%s-%s+1,COUNT(%s)))/100)", y,
                          s, prof, prof, y, s, prof);
}

static guint
write_lever_block (Book *b, lxw_worksheet *ws, guint row, const LgrLeverResult *lr, guint in_row)
{
  const LgrLever *l = lr->lever;
  static const char *const labels[LEVER_ROWS]
      = { N_ ("Realisation (share)"), N_ ("Baseline cohort"),
          N_ ("Scenario cohort"),     N_ ("Baseline unit cost"),
          N_ ("Scenario unit cost"),  N_ ("Baseline spend"),
          N_ ("Scenario spend"),      N_ ("Saving"),
          N_ ("Volume effect"),       N_ ("Price effect") };
  worksheet_write_string (ws, row, 0, l->name, b->bold);
  /* two councils' levers often share a name: the id and the authority tell them apart */
  g_autofree char *who
      = lr->authority ? g_strdup_printf ("%s, %s", l->id, lr->authority->name) : g_strdup (l->id);
  worksheet_write_string (ws, row + 1, 0, who, b->note);
  for (guint i = 0; i < LEVER_ROWS; i++)
    worksheet_write_string (ws, row + i, 1, _ (labels[i]), NULL);
  g_autofree char *benefit = input_cell (in_row, LV_BENEFIT);
  g_autofree char *benefit_f = g_strdup_printf ("=%s", benefit);
  worksheet_write_formula_str (ws, row + 7, 2, benefit_f, NULL, lgr_benefit_to_string (l->benefit));

  g_autofree char *en = input_cell (in_row, LV_ENABLED);
  g_autofree char *start = input_cell (in_row, LV_START);
  g_autofree char *prof = input_range (in_row, LV_PROFILE, b->lever_profile_cols);
  g_autofree char *cb0 = input_cell (in_row, LV_BASELINE_PEOPLE);
  g_autofree char *ct0 = input_cell (in_row, LV_TARGET_PEOPLE);
  g_autofree char *ub = input_cell (in_row, LV_UC_BASELINE);
  g_autofree char *ut = input_cell (in_row, LV_UC_TARGET);
  g_autofree char *gc = input_cell (in_row, LV_GROWTH_COHORT);
  g_autofree char *gu = input_cell (in_row, LV_GROWTH_UC);
  g_autofree char *m = input_cell (in_row, LV_PERIODS);
  int s = lgr_lever_start_year (l, b->study);

  for (guint t = 0; t < b->n; t++)
    {
      guint col = FIRST_YEAR_COL + t;
      char c[8];
      col_name (col, c);
      g_autofree char *y = year_cell (SR_YEAR, col);
      g_autofree char *tc = year_cell (SR_T, col);
      guint r = row + 1; /* 1-based row of the block's first line */
#define LINE_CELL(i) g_strdup_printf ("%s%u", c, r + (i))
      g_autofree char *p = LINE_CELL (0), *cb = LINE_CELL (1), *cs = LINE_CELL (2),
                      *ubt = LINE_CELL (3), *ust = LINE_CELL (4), *bs = LINE_CELL (5),
                      *ss = LINE_CELL (6);
#undef LINE_CELL
      g_autofree char *real = realisation_formula (y, start, prof);
      g_autofree char *f0 = g_strdup_printf ("=%s", real);
      formula (b, ws, row, col, f0, b->share,
               lgr_profile_realisation (&l->realisation, s, b->study->first_year + (int)t));
      g_autofree char *gct = growth_formula (gc, tc), *gut = growth_formula (gu, tc);
      g_autofree char *f1 = g_strdup_printf ("=IF(%s,%s*%s,0)", en, cb0, gct);
      formula (b, ws, row + 1, col, f1, b->number, lr->baseline_cohort[t]);
      g_autofree char *f2 = g_strdup_printf ("=IF(%s,%s+%s*(%s*%s-%s),0)", en, cb, p, ct0, gct, cb);
      formula (b, ws, row + 2, col, f2, b->number, lr->scenario_cohort[t]);
      g_autofree char *f3 = g_strdup_printf ("=IF(%s,%s*%s,0)", en, ub, gut);
      formula (b, ws, row + 3, col, f3, b->money, lr->baseline_unit_cost[t]);
      g_autofree char *f4 = g_strdup_printf ("=IF(%s,%s+%s*(%s-%s)*%s,0)", en, ubt, p, ut, ub, gut);
      formula (b, ws, row + 4, col, f4, b->money, lr->scenario_unit_cost[t]);
      g_autofree char *f5 = g_strdup_printf ("=%s*%s*%s", cb, ubt, m);
      formula (b, ws, row + 5, col, f5, b->money, lr->baseline_spend[t]);
      g_autofree char *f6 = g_strdup_printf ("=%s*%s*%s", cs, ust, m);
      formula (b, ws, row + 6, col, f6, b->money, lr->scenario_spend[t]);
      g_autofree char *f7 = g_strdup_printf ("=%s-%s", bs, ss);
      formula (b, ws, row + 7, col, f7, b->money, lr->saving[t]);
      g_autofree char *f8 = g_strdup_printf ("=(%s-%s)*%s*%s", cb, cs, ubt, m);
      formula (b, ws, row + 8, col, f8, b->money, lr->volume_effect[t]);
      g_autofree char *f9 = g_strdup_printf ("=%s*(%s-%s)*%s", cs, ubt, ust, m);
      formula (b, ws, row + 9, col, f9, b->money, lr->price_effect[t]);
    }
  return row + LEVER_ROWS;
}

static void
write_item_line (Book *b, lxw_worksheet *ws, guint row, const LgrItemResult *ir, guint in_row)
{
  const LgrItem *it = ir->item;
  worksheet_write_string (ws, row, 0, it->name, b->bold);
  worksheet_write_string (ws, row, 1, it->id, b->note);
  g_autofree char *kind = input_cell (in_row, IT_KIND);
  g_autofree char *kind_f = g_strdup_printf ("=%s", kind);
  worksheet_write_formula_str (ws, row, 2, kind_f, NULL, lgr_item_kind_to_string (it->kind));

  g_autofree char *en = input_cell (in_row, IT_ENABLED);
  g_autofree char *start = input_cell (in_row, IT_START);
  g_autofree char *prof = input_range (in_row, IT_PROFILE, b->item_profile_cols);
  g_autofree char *total = input_cell (in_row, IT_TOTAL);
  g_autofree char *amount = input_cell (in_row, IT_AMOUNT);
  g_autofree char *growth = input_cell (in_row, IT_GROWTH);
  for (guint t = 0; t < b->n; t++)
    {
      guint col = FIRST_YEAR_COL + t;
      g_autofree char *y = year_cell (SR_YEAR, col);
      g_autofree char *value = NULL;
      switch (it->pattern)
        {
        case LGR_ITEM_PATTERN_SPREAD:
          /* total x the spread's share: entry Y-S of the profile, 0 outside it */
          value = g_strdup_printf (
              "%s*IF(AND(%s>=%s,%s-%s<COUNT(%s)),INDEX(%s,1,MAX(1,MIN(%s-%s+1,COUNT(%s))))/100,0)",
              total, y, start, y, start, prof, prof, y, start, prof);
          break;
        case LGR_ITEM_PATTERN_RECURRING:
          {
            g_autofree char *real = realisation_formula (y, start, prof);
            g_autofree char *years = g_strdup_printf ("%s-%s", y, start);
            g_autofree char *grown = growth_formula (growth, years);
            value = g_strdup_printf ("IF(%s<%s,0,%s*%s*%s)", y, start, amount, real, grown);
          }
          break;
        case LGR_ITEM_PATTERN_VALUES:
        default:
          {
            g_autofree char *cell = input_cell (in_row, IT_PROFILE + b->item_profile_cols + t);
            value = g_strdup_printf ("0+%s", cell);
          }
          break;
        }
      g_autofree char *f = g_strdup_printf ("=IF(%s,%s,0)", en, value);
      formula (b, ws, row, col, f, b->money, ir->values[t]);
    }
}

static void
write_totals (Book *b, lxw_worksheet *ws, const LgrScenarioResult *r, guint last_row)
{
  static const char *const labels[] = { N_ ("Cashable savings"),
                                        N_ ("Cost avoidance"),
                                        N_ ("One-off costs"),
                                        N_ ("Recurring costs"),
                                        N_ ("Net"),
                                        N_ ("Cumulative"),
                                        N_ ("Discounted net"),
                                        N_ ("Below zero before this year (1 = yes)"),
                                        N_ ("Paid back by this year (1 = yes)"),
                                        N_ ("Payback in years (in the payback year)"),
                                        N_ ("Negative again after payback (1 = yes)") };
  worksheet_write_string (ws, SR_CASHABLE - 1, 0, _ ("Scenario totals"), b->bold);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    worksheet_write_string (ws, SR_CASHABLE + i, 0, _ (labels[i]),
                            i == 4 || i == 5 ? b->bold : NULL);
  /* Column B: the benefit realisation and cost contingency this scenario uses - its own setting
   * (an input, in blue) or the study's (a formula over the Inputs sheet). */
  const LgrScenario *sc = r->scenario;
  double R = lgr_scenario_benefit_realisation (sc, b->study);
  double K = lgr_scenario_cost_contingency (sc, b->study);
  for (guint row = SR_CASHABLE; row <= SR_RECURRING; row++)
    {
      gboolean benefit = row == SR_CASHABLE || row == SR_AVOIDANCE;
      gboolean own = benefit ? sc->has_benefit_realisation : sc->has_cost_contingency;
      if (own)
        worksheet_write_number (ws, row, 1, benefit ? R : K,
                                benefit ? b->realised_input : b->contingency_input);
      else
        formula (b, ws, row, 1, benefit ? "=BenefitRealisation" : "=CostContingency",
                 benefit ? b->realised : b->contingency, benefit ? R : K);
    }

  const double *n = r->net, *cum = r->cumulative;
  gboolean below = FALSE, paid = FALSE;
  for (guint t = 0; t < b->n; t++)
    {
      guint col = FIRST_YEAR_COL + t;
      char c[8], p[8];
      col_name (col, c);
      col_name (col - 1, p);
      /* the tags in column C say where each line counts */
      g_autofree char *tags = g_strdup_printf ("$C$%u:$C$%u", SR_LEVERS + 1, last_row + 1);
      g_autofree char *vals = g_strdup_printf ("%s$%u:%s$%u", c, SR_LEVERS + 1, c, last_row + 1);
#define SUMIF(tag) g_strdup_printf ("SUMIF(%s,\"%s\",%s)", tags, tag, vals)
      g_autofree char *cashable = SUMIF ("cashable"), *saving = SUMIF ("saving"),
                      *avoid = SUMIF ("avoidance"), *one_off = SUMIF ("one-off-cost"),
                      *recurring = SUMIF ("recurring-cost");
#undef SUMIF
      g_autofree char *f0
          = g_strdup_printf ("=$B$%u/100*(%s+%s)", SR_CASHABLE + 1, cashable, saving);
      formula (b, ws, SR_CASHABLE, col, f0, b->money, r->cashable_savings[t]);
      g_autofree char *f1 = g_strdup_printf ("=$B$%u/100*%s", SR_AVOIDANCE + 1, avoid);
      formula (b, ws, SR_AVOIDANCE, col, f1, b->money, r->cost_avoidance[t]);
      g_autofree char *f2 = g_strdup_printf ("=(1+$B$%u/100)*%s", SR_ONE_OFF + 1, one_off);
      formula (b, ws, SR_ONE_OFF, col, f2, b->money, r->one_off_costs[t]);
      g_autofree char *f3 = g_strdup_printf ("=(1+$B$%u/100)*%s", SR_RECURRING + 1, recurring);
      formula (b, ws, SR_RECURRING, col, f3, b->money, r->recurring_costs[t]);
      g_autofree char *f4
          = g_strdup_printf ("=%s%u-%s%u-%s%u+IF(CountAvoidance,%s%u,0)", c, SR_CASHABLE + 1, c,
                             SR_ONE_OFF + 1, c, SR_RECURRING + 1, c, SR_AVOIDANCE + 1);
      formula (b, ws, SR_NET, col, f4, b->money, n[t]);
      g_autofree char *f5 = t ? g_strdup_printf ("=%s%u+%s%u", p, SR_CUMULATIVE + 1, c, SR_NET + 1)
                              : g_strdup_printf ("=%s%u", c, SR_NET + 1);
      formula (b, ws, SR_CUMULATIVE, col, f5, b->money, cum[t]);
      g_autofree char *tc = g_strdup_printf ("%s%u", c, SR_T + 1);
      g_autofree char *discount = growth_formula ("DiscountRate", tc);
      g_autofree char *f6 = g_strdup_printf ("=%s%u/%s", c, SR_NET + 1, discount);
      formula (b, ws, SR_DISCOUNTED, col, f6, b->money,
               n[t] / pow (1.0 + b->study->discount_rate / 100.0, (double)t));

      /* Payback (docs/model.md): the first year whose cumulative is not negative after a
       * negative one; negative is below minus half a penny (lgr_money_is_negative()). */
      gboolean was_paid = paid;
      if (t > 0 && lgr_money_is_negative (cum[t - 1]))
        below = TRUE;
      if (below && !lgr_money_is_negative (cum[t]))
        paid = TRUE;
      g_autofree char *f7 = t ? g_strdup_printf ("=IF(OR(%s%u=1,%s%u<" NEGATIVE "),1,0)", p,
                                                 SR_BELOW + 1, p, SR_CUMULATIVE + 1)
                              : g_strdup ("=0");
      formula (b, ws, SR_BELOW, col, f7, NULL, below);
      g_autofree char *f8
          = t ? g_strdup_printf ("=IF(OR(%s%u=1,AND(%s%u=1,%s%u>=" NEGATIVE ")),1,0)", p,
                                 SR_PAID + 1, c, SR_BELOW + 1, c, SR_CUMULATIVE + 1)
              : g_strdup ("=0");
      formula (b, ws, SR_PAID, col, f8, NULL, paid);
      if (t > 0)
        {
          g_autofree char *f9 = g_strdup_printf (
              "=IF(AND(%s%u=1,%s%u=0),%u+MIN(1,-%s%u/%s%u),\"\")", c, SR_PAID + 1, p, SR_PAID + 1,
              t, p, SR_CUMULATIVE + 1, c, SR_NET + 1);
          if (paid && !was_paid)
            formula (b, ws, SR_PAYBACK, col, f9, b->share,
                     t + lgr_payback_fraction (cum[t - 1], n[t]));
          else
            worksheet_write_formula_str (ws, SR_PAYBACK, col, f9, b->share, "");
        }
      g_autofree char *f10 = g_strdup_printf ("=IF(AND(%s%u=1,%s%u<" NEGATIVE "),1,0)", c,
                                              SR_PAID + 1, c, SR_CUMULATIVE + 1);
      formula (b, ws, SR_RELAPSE, col, f10, NULL, paid && lgr_money_is_negative (cum[t]));
    }
}

/* Per council (docs/model.md, "Per-council figures"): a scenario with several authorities tags
 * each lever's saving and each item with its council in the column after the years - the id on
 * the Inputs when it is one of the scenario's authorities, else SHARED_TAG - and nets each
 * council's lines with SUMIFS on that tag, with the scenario's settings, under its items. */
/* no id has brackets (lgr-rules.c), so no council's lines count as shared */
#define SHARED_TAG "(shared)"

static void
write_council_tag (Book *b, lxw_worksheet *ws, guint row, const LgrScenario *sc, guint in_row,
                   guint in_col, const LgrAuthority *authority)
{
  const LgrAuthority *first = g_ptr_array_index (sc->authorities, 0);
  guint from = GPOINTER_TO_UINT (g_hash_table_lookup (b->authority_rows, first));
  g_autofree char *id = input_cell (in_row, in_col);
  g_autofree char *f
      = g_strdup_printf ("=IF(ISNUMBER(MATCH(%s,Inputs!$B$%u:$B$%u,0)),%s,\"" SHARED_TAG "\")", id,
                         from, from + sc->authorities->len - 1, id);
  worksheet_write_formula_str (ws, row, FIRST_YEAR_COL + b->n, f, b->note,
                               authority ? authority->id : SHARED_TAG);
}

static void
write_councils (Book *b, lxw_worksheet *ws, const LgrScenarioResult *r, guint last_row, guint row)
{
  g_autoptr (LgrAuthoritySplit) split = lgr_authority_split_new (b->results, r);
  char tag_col[8];

  col_name (FIRST_YEAR_COL + b->n, tag_col);
  worksheet_write_string (ws, row++, 0, _ ("Net by council (after the settings, as the net above)"),
                          b->bold);
  for (guint p = 0; p < split->n_parts; p++, row++)
    {
      const LgrAuthorityPart *part = &split->parts[p];
      g_autofree char *label = lgr_authority_part_label (part);
      worksheet_write_string (ws, row, 0, label, NULL);
      worksheet_write_string (ws, row, 1, part->authority ? part->authority->id : SHARED_TAG,
                              b->note);
      for (guint t = 0; t < b->n; t++)
        {
          guint col = FIRST_YEAR_COL + t;
          char c[8];
          col_name (col, c);
          g_autofree char *tags = g_strdup_printf ("$C$%u:$C$%u", SR_LEVERS + 1, last_row + 1);
          g_autofree char *who
              = g_strdup_printf ("$%s$%u:$%s$%u", tag_col, SR_LEVERS + 1, tag_col, last_row + 1);
          g_autofree char *vals
              = g_strdup_printf ("%s$%u:%s$%u", c, SR_LEVERS + 1, c, last_row + 1);
#define SUMIFS(tag) g_strdup_printf ("SUMIFS(%s,%s,\"%s\",%s,$B%u)", vals, tags, tag, who, row + 1)
          g_autofree char *cashable = SUMIFS ("cashable"), *saving = SUMIFS ("saving"),
                          *avoid = SUMIFS ("avoidance"), *one_off = SUMIFS ("one-off-cost"),
                          *recurring = SUMIFS ("recurring-cost");
#undef SUMIFS
          g_autofree char *f
              = g_strdup_printf ("=$B$%u/100*(%s+%s)-(1+$B$%u/100)*%s-(1+$B$%u/"
                                 "100)*%s+IF(CountAvoidance,$B$%u/100*%s,0)",
                                 SR_CASHABLE + 1, cashable, saving, SR_ONE_OFF + 1, one_off,
                                 SR_RECURRING + 1, recurring, SR_AVOIDANCE + 1, avoid);
          formula (b, ws, row, col, f, b->money, part->net[t]);
        }
    }
}

static void
write_scenario (Book *b, guint index, guint *lever_row, guint *item_row)
{
  const LgrScenarioResult *r = &b->results->scenarios[index];
  lxw_worksheet *ws = workbook_add_worksheet (b->wb, b->sheet_names[index]);
  worksheet_write_string (ws, 0, 0, r->scenario->name, b->title);
  worksheet_write_string (
      ws, 1, 0,
      _ ("Every figure is a formula over the Inputs sheet, in pounds a year unless shown "
         "(docs/model.md of LGR Explorer sets out each sum)."),
      b->note);
  if (r->scenario->description)
    worksheet_write_string (ws, 2, 0, r->scenario->description, b->note);
  write_year_headers (b, ws);

  guint row = SR_LEVERS;
  worksheet_write_string (ws, row, 0, _ ("Levers (before benefit realisation)"), b->bold);
  worksheet_write_string (ws, row++, 2, _ ("Counts as"), b->header);
  gboolean councils = lgr_scenario_result_has_councils (r);
  if (councils)
    worksheet_write_string (ws, SR_LABELS, FIRST_YEAR_COL + b->n, _ ("Council"), b->header);
  for (guint i = 0; i < r->n_levers; i++)
    {
      if (councils)
        write_council_tag (b, ws, row + 7, r->scenario, *lever_row, LV_AUTHORITY,
                           r->levers[i].authority);
      row = write_lever_block (b, ws, row, &r->levers[i], (*lever_row)++);
    }
  worksheet_write_string (ws, row++, 0, _ ("Items (before benefit realisation and contingency)"),
                          b->bold);
  for (guint i = 0; i < r->n_items; i++)
    {
      if (councils)
        write_council_tag (b, ws, row, r->scenario, *item_row, IT_AUTHORITY,
                           r->items[i].item->authority_id ? lgr_scenario_find_authority (
                               r->scenario, r->items[i].item->authority_id)
                                                          : NULL);
      write_item_line (b, ws, row++, &r->items[i], (*item_row)++);
    }
  write_totals (b, ws, r, row - 1);
  if (councils)
    write_councils (b, ws, r, row - 1, row + 1);

  worksheet_set_column (ws, 0, 0, 50, NULL);
  worksheet_set_column (ws, 1, 1, 20, NULL);
  worksheet_set_column (ws, 2, 2, 14, NULL);
  worksheet_set_column (ws, FIRST_YEAR_COL, FIRST_YEAR_COL + b->n, 14, NULL);
  worksheet_freeze_panes (ws, SR_T + 1, FIRST_YEAR_COL);
}

/* Summary */

static void
write_summary (Book *b)
{
  lxw_worksheet *ws = workbook_add_worksheet (b->wb, "Summary");
  g_autofree char *title = g_strdup_printf (_ ("Summary: %s"), b->study->title);
  worksheet_write_string (ws, 0, 0, title, b->title);
  worksheet_write_string (ws, 1, 0,
                          _ ("Formulas over the scenario sheets; they recalculate with the "
                             "Inputs."),
                          b->note);
  const char *const headers[] = { _ ("Scenario"),
                                  _ ("Payback (years)"),
                                  _ ("Payback year"),
                                  _ ("Peak funding"),
                                  _ ("NPV"),
                                  _ ("Total net"),
                                  _ ("Run rate"),
                                  _ ("Turns negative again later"),
                                  NULL };
  write_headers (b, ws, 3, headers, 0);
  char first[8], last[8];
  col_name (FIRST_YEAR_COL, first);
  col_name (FIRST_YEAR_COL + MAX (b->n, 1) - 1, last);
  for (guint s = 0; s < b->results->n_scenarios; s++)
    {
      const LgrScenarioResult *r = &b->results->scenarios[s];
      const char *sh = b->sheet_refs[s];
      guint row = 4 + s;
#define ROW_RANGE(line) g_strdup_printf ("%s$%s$%u:$%s$%u", sh, first, (line) + 1, last, (line) + 1)
      g_autofree char *cum = ROW_RANGE (SR_CUMULATIVE), *paid = ROW_RANGE (SR_PAID),
                      *pb = ROW_RANGE (SR_PAYBACK), *labels = ROW_RANGE (SR_LABELS),
                      *disc = ROW_RANGE (SR_DISCOUNTED), *rel = ROW_RANGE (SR_RELAPSE);
#undef ROW_RANGE
      worksheet_write_string (ws, row, 0, r->scenario->name, NULL);
      if (b->n == 0)
        continue;
      g_autofree char *f1 = g_strdup_printf (
          "=IF(COUNTIF(%s,\"<" NEGATIVE "\")=0,0,IF(MAX(%s)=0,\"none\",SUM(%s)))", cum, paid, pb);
      if (r->has_payback)
        formula (b, ws, row, 1, f1, b->share, r->payback_years);
      else
        worksheet_write_formula_str (ws, row, 1, f1, b->share, "none");
      g_autofree char *f2
          = g_strdup_printf ("=IF(COUNTIF(%s,\"<" NEGATIVE "\")=0,INDEX(%s,1,1),IF(MAX(%s)=0,"
                             "\"none\",INDEX(%s,1,MATCH(1,%s,0))))",
                             cum, labels, paid, labels, paid);
      g_autofree char *year
          = r->has_payback ? lgr_format_financial_year (b->study->first_year + r->payback_index)
                           : g_strdup ("none");
      worksheet_write_formula_str (ws, row, 2, f2, NULL, year);
      g_autofree char *f3 = g_strdup_printf ("=IF(MIN(%s)<" NEGATIVE ",-MIN(%s),0)", cum, cum);
      formula (b, ws, row, 3, f3, b->money, r->peak_funding);
      g_autofree char *f4 = g_strdup_printf ("=SUM(%s)", disc);
      formula (b, ws, row, 4, f4, b->money, r->npv);
      g_autofree char *f5 = g_strdup_printf ("=%s$%s$%u", sh, last, SR_CUMULATIVE + 1);
      formula (b, ws, row, 5, f5, b->money, r->total_net);
      g_autofree char *f6 = g_strdup_printf ("=%s$%s$%u", sh, last, SR_NET + 1);
      formula (b, ws, row, 6, f6, b->money, r->run_rate);
      g_autofree char *f7 = g_strdup_printf ("=IF(MAX(%s)=1,\"yes\",\"no\")", rel);
      worksheet_write_formula_str (ws, row, 7, f7, NULL, r->relapses ? "yes" : "no");
    }
  worksheet_set_column (ws, 0, 0, 30, NULL);
  worksheet_set_column (ws, 1, 7, 16, NULL);
  worksheet_activate (ws); /* the workbook opens on the answer */
}

/* Sheet names: at most 31 characters, none of []:*?/\ or ' or control characters, unique
 * whatever the case. */
static void
make_sheet_names (Book *b)
{
  const LgrResults *results = b->results;
  char **names = g_new0 (char *, results->n_scenarios + 1);
  char **refs = g_new0 (char *, results->n_scenarios + 1);
  g_autoptr (GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_add (used, g_utf8_casefold ("inputs", -1));
  g_hash_table_add (used, g_utf8_casefold ("summary", -1));
  for (guint s = 0; s < results->n_scenarios; s++)
    {
      const char *name = results->scenarios[s].scenario->name;
      g_autoptr (GString) clean = g_string_new (NULL);
      for (const char *p = name; p && *p; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);
          if (g_unichar_iscntrl (c)) /* tabs and line breaks */
            g_string_append_c (clean, ' ');
          else if (c == '\'') /* a typographic apostrophe: not all readers take '' in references */
            g_string_append (clean, "\u2019");
          else
            g_string_append_unichar (clean, strchr ("[]:*?/\\", (int)c) && c < 128 ? '-' : c);
        }
      g_strstrip (clean->str);
      g_autofree char *base
          = clean->str[0]
                ? g_utf8_substring (clean->str, 0, MIN (g_utf8_strlen (clean->str, -1), 28))
                : g_strdup_printf ("Scenario %u", s + 1);
      g_autofree char *candidate = g_strdup (base);
      for (guint k = 2;; k++)
        {
          g_autofree char *key = g_utf8_casefold (candidate, -1);
          if (!g_hash_table_contains (used, key))
            {
              g_hash_table_add (used, g_steal_pointer (&key));
              break;
            }
          g_free (candidate);
          candidate = g_strdup_printf ("%s %u", base, k);
        }
      refs[s] = g_strdup_printf ("'%s'!", candidate);
      names[s] = g_steal_pointer (&candidate);
    }
  b->sheet_names = names;
  b->sheet_refs = refs;
}

static void
make_formats (Book *b)
{
  lxw_workbook *wb = b->wb;
  b->title = workbook_add_format (wb);
  format_set_bold (b->title);
  format_set_font_size (b->title, 14);
  b->bold = workbook_add_format (wb);
  format_set_bold (b->bold);
  b->header = workbook_add_format (wb);
  format_set_bold (b->header);
  format_set_bottom (b->header, LXW_BORDER_THIN);
  format_set_text_wrap (b->header);
  b->note = workbook_add_format (wb);
  format_set_italic (b->note);
  format_set_font_color (b->note, 0x595959);
  b->money = workbook_add_format (wb);
  format_set_num_format (b->money, "£#,##0");
  b->money_input = workbook_add_format (wb);
  format_set_num_format (b->money_input, "£#,##0");
  format_set_font_color (b->money_input, 0x0000CC);
  b->number = workbook_add_format (wb);
  format_set_num_format (b->number, "#,##0.00");
  b->number_input = workbook_add_format (wb);
  format_set_num_format (b->number_input, "General");
  format_set_font_color (b->number_input, 0x0000CC);
  b->text_input = workbook_add_format (wb);
  format_set_font_color (b->text_input, 0x0000CC);
  b->calc = workbook_add_format (wb);
  format_set_num_format (b->calc, "#,##0.00");
  format_set_bg_color (b->calc, 0xEEEEEE);
  b->share = workbook_add_format (wb);
  format_set_num_format (b->share, "0.00");
  b->wrap = workbook_add_format (wb);
  format_set_text_wrap (b->wrap);
  /* A scenario's benefit realisation and cost contingency: its own (an input) or the study's */
  b->realised = workbook_add_format (wb);
  format_set_num_format (b->realised, "\"x \"0.##\"% realised\"");
  format_set_italic (b->realised);
  b->realised_input = workbook_add_format (wb);
  format_set_num_format (b->realised_input, "\"x \"0.##\"% realised\"");
  format_set_font_color (b->realised_input, 0x0000CC);
  b->contingency = workbook_add_format (wb);
  format_set_num_format (b->contingency, "\"+ \"0.##\"% contingency\"");
  format_set_italic (b->contingency);
  b->contingency_input = workbook_add_format (wb);
  format_set_num_format (b->contingency_input, "\"+ \"0.##\"% contingency\"");
  format_set_font_color (b->contingency_input, 0x0000CC);
}

GBytes *
lgr_workbook_build (const LgrResults *results, GError **error)
{
  g_return_val_if_fail (results != NULL && results->study != NULL, NULL);

  g_autofree char *tmp = NULL;
  int fd = g_file_open_tmp ("lgr-workbook-XXXXXX.xlsx", &tmp, error);
  if (fd < 0)
    return NULL;
  g_close (fd, NULL);

  Book b = { 0 };
  b.results = results;
  b.study = results->study;
  b.n = results->n_years;
  b.lever_profile_cols = b.item_profile_cols = 1;
  for (guint s = 0; s < results->n_scenarios; s++)
    {
      const LgrScenario *sc = results->scenarios[s].scenario;
      for (guint i = 0; i < sc->levers->len; i++)
        b.lever_profile_cols = MAX (b.lever_profile_cols,
                                    ((LgrLever *)g_ptr_array_index (sc->levers, i))->realisation.n);
      for (guint i = 0; i < sc->items->len; i++)
        b.item_profile_cols
            = MAX (b.item_profile_cols, ((LgrItem *)g_ptr_array_index (sc->items, i))->profile.n);
    }
  b.authority_rows = g_hash_table_new (NULL, NULL);
  make_sheet_names (&b);

  /* libxlsxwriter writes numbers with the C library's printf: in a locale with a decimal comma
   * it would write 0,3 into the file. This thread uses the C locale's numbers meanwhile. */
  locale_t c_numeric = newlocale (LC_NUMERIC_MASK, "C", (locale_t)0);
  locale_t previous = c_numeric ? uselocale (c_numeric) : (locale_t)0;

  lxw_workbook_options options = { .tmpdir = (char *)g_get_tmp_dir () };
  b.wb = workbook_new_opt (tmp, &options);
  lxw_error status = LXW_ERROR_MEMORY_MALLOC_FAILED;
  if (b.wb != NULL)
    {
      lxw_doc_properties props = { .title = b.study->title, .comments = (char *)"LGR Explorer" };
      workbook_set_properties (b.wb, &props);
      make_formats (&b);
      lgr_workbook_write_inputs (&b);
      guint lever_row = b.levers_row, item_row = b.items_row;
      for (guint s = 0; s < results->n_scenarios; s++)
        write_scenario (&b, s, &lever_row, &item_row);
      write_summary (&b);
      status = workbook_close (b.wb);
    }
  if (c_numeric)
    {
      uselocale (previous);
      freelocale (c_numeric);
    }
  g_hash_table_unref (b.authority_rows);
  g_strfreev (b.sheet_names);
  g_strfreev (b.sheet_refs);

  char *data = NULL;
  gsize length = 0;
  if (status != LXW_NO_ERROR)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _ ("Could not make the workbook: %s"),
                 lxw_strerror (status));
  else if (!g_file_get_contents (tmp, &data, &length, error))
    data = NULL;
  g_unlink (tmp);
  return data ? g_bytes_new_take (data, length) : NULL;
}

gboolean
lgr_workbook_write (const LgrResults *results, const char *path, GError **error)
{
  g_autoptr (GBytes) bytes = lgr_workbook_build (results, error);
  if (bytes == NULL)
    return FALSE;
  gsize length = 0;
  const void *data = g_bytes_get_data (bytes, &length);
  return lgr_file_replace_contents (path, data, length, error);
}

gboolean
lgr_workbook_path_is_xlsx (const char *path)
{
  gsize n = path ? strlen (path) : 0;
  return n >= 5 && g_ascii_strcasecmp (path + n - 5, ".xlsx") == 0;
}
