/* lgr-workbook-inputs.c: the workbook's Inputs sheet (see lgr-workbook-private.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-workbook-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lgr-format.h"

static guint
write_setting (Book *b, lxw_worksheet *ws, guint row, const char *name, const char *label,
               double value, const char *unit, const char *note)
{
  worksheet_write_string (ws, row, 0, label, NULL);
  worksheet_write_number (ws, row, 1, value, b->number_input);
  worksheet_write_string (ws, row, 2, unit, NULL);
  worksheet_write_string (ws, row, 3, note, b->note);
  g_autofree char *ref = g_strdup_printf ("=Inputs!$B$%u", row + 1);
  workbook_define_name (b->wb, name, ref);
  return row + 1;
}

static void
write_profile (Book *b, lxw_worksheet *ws, guint row, guint col, const LgrProfile *p)
{
  for (guint i = 0; i < p->n; i++)
    worksheet_write_number (ws, row, col + i, p->values[i], b->number_input);
}

static guint
write_lever_row (Book *b, lxw_worksheet *ws, guint row, const LgrScenario *s, const LgrLever *l)
{
  const LgrAuthority *a = lgr_scenario_find_authority (s, l->authority_id);
  worksheet_write_string (ws, row, LV_SCENARIO, s->name, NULL);
  worksheet_write_string (ws, row, LV_ID, l->id, NULL);
  worksheet_write_string (ws, row, LV_NAME, l->name, NULL);
  worksheet_write_string (ws, row, LV_AUTHORITY, l->authority_id ? l->authority_id : "", NULL);
  worksheet_write_string (ws, row, LV_SERVICE, l->service ? l->service : "", NULL);
  worksheet_write_string (ws, row, LV_BASIS, lgr_cohort_basis_to_string (l->basis), b->text_input);
  worksheet_write_number (ws, row, LV_BASELINE, l->cohort_baseline, b->number_input);
  worksheet_write_number (ws, row, LV_TARGET, l->cohort_target, b->number_input);
  worksheet_write_string (ws, row, LV_PER, lgr_unit_period_to_string (l->unit_period),
                          b->text_input);
  worksheet_write_number (ws, row, LV_UC_BASELINE, l->unit_cost_baseline, b->money_input);
  worksheet_write_number (ws, row, LV_UC_TARGET, l->unit_cost_target, b->money_input);
  worksheet_write_number (ws, row, LV_GROWTH_COHORT, l->growth_cohort, b->number_input);
  worksheet_write_number (ws, row, LV_GROWTH_UC, l->growth_unit_cost, b->number_input);
  int start = lgr_lever_start_year (l, b->study);
  if (l->has_realisation_start)
    worksheet_write_number (ws, row, LV_START, start, b->number_input);
  else /* the vesting year, and stays so if it changes */
    formula (b, ws, row, LV_START, "=VestingYear", b->number_input, start);
  worksheet_write_boolean (ws, row, LV_ENABLED, l->enabled, b->text_input);
  worksheet_write_string (ws, row, LV_BENEFIT, lgr_benefit_to_string (l->benefit), b->text_input);

  char basis[8], base[8], target[8], per[8], pop[8];
  col_name (LV_BASIS, basis);
  col_name (LV_BASELINE, base);
  col_name (LV_TARGET, target);
  col_name (LV_PER, per);
  col_name (LV_BASIS_POPULATION, pop);
  guint r = row + 1;
  double population = 0;
  if (a != NULL)
    {
      guint arow = GPOINTER_TO_UINT (g_hash_table_lookup (b->authority_rows, a)) - 1;
      g_autofree char *f = g_strdup_printf (
          "=IF($%s%u=\"child-population\",$E$%u,IF($%s%u=\"population\",$D$%u,0))", basis, r,
          arow + 1, basis, r, arow + 1);
      population = l->basis == LGR_COHORT_BASIS_CHILD_POPULATION ? a->child_population
                   : l->basis == LGR_COHORT_BASIS_POPULATION     ? a->population
                                                                 : 0;
      formula (b, ws, row, LV_BASIS_POPULATION, f, b->calc, population);
    }
  else
    worksheet_write_number (ws, row, LV_BASIS_POPULATION, 0, b->calc);

  for (guint i = 0; i < 2; i++)
    {
      const char *col = i == 0 ? base : target;
      double value = i == 0 ? l->cohort_baseline : l->cohort_target;
      g_autofree char *f = g_strdup_printf ("=IF($%s%u=\"count\",$%s%u,$%s%u*$%s%u/10000)", basis,
                                            r, col, r, col, r, pop, r);
      double people = l->basis == LGR_COHORT_BASIS_COUNT ? value : value * population / 10000.0;
      formula (b, ws, row, i == 0 ? LV_BASELINE_PEOPLE : LV_TARGET_PEOPLE, f, b->calc, people);
    }
  g_autofree char *periods = g_strdup_printf ("=IF($%s%u=\"week\",WeeksPerYear,1)", per, r);
  formula (b, ws, row, LV_PERIODS, periods, b->calc,
           l->unit_period == LGR_UNIT_PERIOD_WEEK ? b->study->weeks_per_year : 1);
  write_profile (b, ws, row, LV_PROFILE, &l->realisation);
  worksheet_write_string (ws, row, LV_PROFILE + b->lever_profile_cols, l->source ? l->source : "",
                          b->wrap);
  return row + 1;
}

static guint
write_item_row (Book *b, lxw_worksheet *ws, guint row, const LgrScenario *s, const LgrItem *it)
{
  worksheet_write_string (ws, row, IT_SCENARIO, s->name, NULL);
  worksheet_write_string (ws, row, IT_ID, it->id, NULL);
  worksheet_write_string (ws, row, IT_NAME, it->name, NULL);
  /* as lgr-results-authority.c: an id the scenario does not have is shared too; in brackets, as
   * no id has them */
  worksheet_write_string (ws, row, IT_AUTHORITY,
                          it->authority_id && lgr_scenario_find_authority (s, it->authority_id)
                              ? it->authority_id
                              : _ ("(shared)"),
                          NULL);
  worksheet_write_string (ws, row, IT_KIND, lgr_item_kind_to_string (it->kind), b->text_input);
  worksheet_write_string (ws, row, IT_PATTERN, lgr_item_pattern_to_string (it->pattern), NULL);
  if (it->pattern == LGR_ITEM_PATTERN_SPREAD)
    worksheet_write_number (ws, row, IT_TOTAL, it->total, b->money_input);
  if (it->pattern == LGR_ITEM_PATTERN_RECURRING)
    {
      worksheet_write_number (ws, row, IT_AMOUNT, it->amount, b->money_input);
      worksheet_write_number (ws, row, IT_GROWTH, it->growth, b->number_input);
    }
  if (it->pattern != LGR_ITEM_PATTERN_VALUES)
    {
      int start = lgr_item_start_year (it, b->study);
      if (it->has_start)
        worksheet_write_number (ws, row, IT_START, start, b->number_input);
      else
        formula (b, ws, row, IT_START, "=VestingYear", b->number_input, start);
      write_profile (b, ws, row, IT_PROFILE, &it->profile);
    }
  worksheet_write_boolean (ws, row, IT_ENABLED, it->enabled, b->text_input);

  guint values_col = IT_PROFILE + b->item_profile_cols;
  g_autoptr (GString) outside = g_string_new (NULL);
  if (it->pattern == LGR_ITEM_PATTERN_VALUES)
    for (guint i = 0; i < it->values->len; i++)
      {
        const LgrYearValue *v = &g_array_index (it->values, LgrYearValue, i);
        int t = lgr_study_year_index (b->study, v->year);
        if (t >= 0)
          worksheet_write_number (ws, row, values_col + (guint)t, v->value, b->money_input);
        else
          {
            g_autofree char *year = lgr_format_financial_year (v->year);
            g_autofree char *money = lgr_format_money_exact (v->value);
            g_string_append_printf (outside, "%s%s: %s", outside->len ? "; " : "", year, money);
          }
      }
  worksheet_write_string (ws, row, values_col + b->n, it->source ? it->source : "", b->wrap);
  if (outside->len)
    worksheet_write_string (ws, row, values_col + b->n + 1, outside->str, b->note);
  return row + 1;
}

/* Benchmarks are for reference (a new lever starts from them); no formula uses them. */
static void
write_benchmarks (Book *b, lxw_worksheet *ws, guint row)
{
  const LgrStudy *st = b->study;
  worksheet_write_string (ws, row++, 0, _ ("Benchmark unit costs (for reference)"), b->bold);
  if (st->benchmarks_source)
    worksheet_write_string (ws, row++, 0, st->benchmarks_source, b->note);
  const char *const headers[] = { _ ("Band"),    _ ("Population from"), _ ("Population to"),
                                  _ ("Measure"), _ ("Unit cost"),       NULL };
  write_headers (b, ws, row++, headers, 0);
  for (guint i = 0; i < st->benchmark_bands->len; i++)
    {
      const LgrBenchmarkBand *band = g_ptr_array_index (st->benchmark_bands, i);
      for (guint k = 0; k < band->costs->len; k++, row++)
        {
          const LgrBenchmarkCost *cost = &g_array_index (band->costs, LgrBenchmarkCost, k);
          worksheet_write_string (ws, row, 0, band->name, NULL);
          worksheet_write_number (ws, row, 1, band->min_population, NULL);
          worksheet_write_number (ws, row, 2, band->max_population, NULL);
          worksheet_write_string (ws, row, 3, cost->measure, NULL);
          worksheet_write_number (ws, row, 4, cost->value, b->money);
        }
    }
}

void
lgr_workbook_write_inputs (Book *b)
{
  lxw_worksheet *ws = workbook_add_worksheet (b->wb, "Inputs");
  const LgrStudy *st = b->study;
  g_autofree char *title = g_strdup_printf (_ ("Inputs: %s"), st->title);
  worksheet_write_string (ws, 0, 0, title, b->title);
  worksheet_write_string (
      ws, 1, 0,
      _ ("Values in blue are the study's inputs: change one and every sheet recalculates. "
         "Grey columns are calculated."),
      b->note);
  if (st->description)
    worksheet_write_string (ws, 2, 0, st->description, b->note);

  guint row = 4;
  worksheet_write_string (ws, row++, 0, _ ("Settings"), b->bold);
  const char *const setting_headers[]
      = { _ ("Setting"), _ ("Value"), _ ("Unit"), _ ("What it does"), NULL };
  write_headers (b, ws, row++, setting_headers, 0);
  row = write_setting (b, ws, row, "FirstYear", _ ("First financial year"), st->first_year,
                       _ ("year"), _ ("Financial year Y runs from 1 April Y to 31 March Y+1."));
  row = write_setting (b, ws, row, "Years", _ ("Number of years"), st->years, _ ("years"),
                       _ ("Fixed by the columns of the scenario sheets."));
  row = write_setting (b, ws, row, "VestingYear", _ ("Vesting year"), st->vesting_year, _ ("year"),
                       _ ("The default start of every lever and item."));
  row = write_setting (b, ws, row, "DiscountRate", _ ("Discount rate"), st->discount_rate, "%",
                       _ ("For the net present value only."));
  row = write_setting (b, ws, row, "WeeksPerYear", _ ("Weeks per year"), st->weeks_per_year,
                       _ ("weeks"), _ ("Turns a weekly unit cost into a yearly one."));
  row = write_setting (b, ws, row, "BenefitRealisation", _ ("Benefit realisation"),
                       st->benefit_realisation, "%",
                       _ ("Multiplies every saving and every avoidance."));
  row = write_setting (b, ws, row, "CostContingency", _ ("Cost contingency"), st->cost_contingency,
                       "%", _ ("Adds this share to every one-off and recurring cost."));
  worksheet_write_string (ws, row, 0, _ ("Count avoidance in the net"), NULL);
  worksheet_write_boolean (ws, row, 1, st->count_avoidance, b->text_input);
  worksheet_write_string (ws, row, 3, _ ("TRUE: cost avoidance is added to the net cashflow."),
                          b->note);
  g_autofree char *ca = g_strdup_printf ("=Inputs!$B$%u", row + 1);
  workbook_define_name (b->wb, "CountAvoidance", ca);
  row += 2;

  worksheet_write_string (ws, row++, 0, _ ("Authorities"), b->bold);
  const char *const authority_headers[] = { _ ("Scenario"),
                                            _ ("Authority"),
                                            _ ("Name"),
                                            _ ("Population"),
                                            _ ("Child population (0-17)"),
                                            _ ("Source"),
                                            NULL };
  write_headers (b, ws, row++, authority_headers, 0);
  for (guint s = 0; s < st->scenarios->len; s++)
    {
      const LgrScenario *sc = g_ptr_array_index (st->scenarios, s);
      for (guint i = 0; i < sc->authorities->len; i++, row++)
        {
          const LgrAuthority *a = g_ptr_array_index (sc->authorities, i);
          g_hash_table_insert (b->authority_rows, (gpointer)a, GUINT_TO_POINTER (row + 1));
          worksheet_write_string (ws, row, 0, sc->name, NULL);
          worksheet_write_string (ws, row, 1, a->id, NULL);
          worksheet_write_string (ws, row, 2, a->name, NULL);
          worksheet_write_number (ws, row, 3, a->population, b->number_input);
          worksheet_write_number (ws, row, 4, a->child_population, b->number_input);
          worksheet_write_string (ws, row, 5, a->source ? a->source : "", b->wrap);
        }
    }
  row++;

  worksheet_write_string (ws, row++, 0, _ ("Levers"), b->bold);
  const char *const lever_headers[]
      = { _ ("Scenario"), _ ("Lever"), _ ("Name"), _ ("Authority"), _ ("Service"), _ ("Basis"),
          _ ("Baseline"), _ ("Target"), _ ("Unit cost per"), _ ("Unit cost baseline"),
          _ ("Unit cost target"),
          /* xgettext:no-c-format */
          _ ("Cohort growth % a year"),
          /* xgettext:no-c-format */
          _ ("Unit cost growth % a year"), _ ("Realisation start"), _ ("Enabled"), _ ("Benefit"),
          _ ("Population of the basis"), _ ("Baseline people"), _ ("Target people"),
          _ ("Periods a year"), NULL };
  write_headers (b, ws, row, lever_headers, 0);
  for (guint i = 0; i < b->lever_profile_cols; i++)
    {
      g_autofree char *h = g_strdup_printf (_ ("Realisation %% year %u"), i + 1);
      worksheet_write_string (ws, row, LV_PROFILE + i, h, b->header);
    }
  worksheet_write_string (ws, row++, LV_PROFILE + b->lever_profile_cols, _ ("Source"), b->header);
  b->levers_row = row;
  for (guint s = 0; s < st->scenarios->len; s++)
    {
      const LgrScenario *sc = g_ptr_array_index (st->scenarios, s);
      for (guint i = 0; i < sc->levers->len; i++)
        row = write_lever_row (b, ws, row, sc, g_ptr_array_index (sc->levers, i));
    }
  row++;

  worksheet_write_string (ws, row++, 0, _ ("Items"), b->bold);
  const char *const item_headers[]
      = { _ ("Scenario"), _ ("Item"), _ ("Name"), _ ("Authority"), _ ("Kind"), _ ("Pattern"),
          _ ("Total (spread)"), _ ("Amount a year (recurring)"),
          /* xgettext:no-c-format */
          _ ("Growth % a year (recurring)"), _ ("Start"), _ ("Enabled"), NULL };
  write_headers (b, ws, row, item_headers, 0);
  for (guint i = 0; i < b->item_profile_cols; i++)
    {
      g_autofree char *h = g_strdup_printf (_ ("Profile %% year %u"), i + 1);
      worksheet_write_string (ws, row, IT_PROFILE + i, h, b->header);
    }
  guint values_col = IT_PROFILE + b->item_profile_cols;
  for (guint t = 0; t < b->n; t++)
    {
      g_autofree char *label = lgr_format_financial_year (st->first_year + (int)t);
      g_autofree char *h = g_strdup_printf (_ ("Value %s"), label);
      worksheet_write_string (ws, row, values_col + t, h, b->header);
    }
  worksheet_write_string (ws, row, values_col + b->n, _ ("Source"), b->header);
  worksheet_write_string (ws, row++, values_col + b->n + 1, _ ("Values outside the timeline"),
                          b->header);
  b->items_row = row;
  for (guint s = 0; s < st->scenarios->len; s++)
    {
      const LgrScenario *sc = g_ptr_array_index (st->scenarios, s);
      for (guint i = 0; i < sc->items->len; i++)
        row = write_item_row (b, ws, row, sc, g_ptr_array_index (sc->items, i));
    }

  if (st->benchmark_bands->len > 0)
    write_benchmarks (b, ws, row + 1);

  worksheet_set_column (ws, 0, 0, 30, NULL);
  worksheet_set_column (ws, 1, 1, 20, NULL);
  worksheet_set_column (ws, 2, 2, 40, NULL);
  worksheet_set_column (ws, 3, 60, 14, NULL);
  worksheet_freeze_panes (ws, 1, 0);
}

/* Scenario sheets */
