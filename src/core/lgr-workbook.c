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

/* Columns of the Inputs tables. */
enum
{
  LV_SCENARIO,
  LV_ID,
  LV_NAME,
  LV_AUTHORITY,
  LV_SERVICE,
  LV_BASIS,
  LV_BASELINE,
  LV_TARGET,
  LV_PER,
  LV_UC_BASELINE,
  LV_UC_TARGET,
  LV_GROWTH_COHORT,
  LV_GROWTH_UC,
  LV_START,
  LV_ENABLED,
  LV_BENEFIT,
  LV_BASIS_POPULATION, /* calculated from here */
  LV_BASELINE_PEOPLE,
  LV_TARGET_PEOPLE,
  LV_PERIODS,
  LV_PROFILE /* the profile's percentages, then the source */
};

enum
{
  IT_SCENARIO,
  IT_ID,
  IT_NAME,
  IT_KIND,
  IT_PATTERN,
  IT_TOTAL,
  IT_AMOUNT,
  IT_GROWTH,
  IT_START,
  IT_ENABLED,
  IT_PROFILE /* the profile, then one column per year of the timeline, the source, the rest */
};

/* Rows of a scenario sheet; the years start in column D. */
enum
{
  SR_LABELS = 3,
  SR_YEAR,
  SR_T,
  SR_CASHABLE = 7,
  SR_AVOIDANCE,
  SR_ONE_OFF,
  SR_RECURRING,
  SR_NET,
  SR_CUMULATIVE,
  SR_DISCOUNTED,
  SR_BELOW,
  SR_PAID,
  SR_PAYBACK,
  SR_RELAPSE,
  SR_LEVERS = 19
};
#define FIRST_YEAR_COL 3
#define LEVER_ROWS 10

typedef struct
{
  lxw_workbook *wb;
  const LgrResults *results;
  const LgrStudy *study;
  guint n;
  lxw_format *title, *bold, *header, *note, *money, *money_input, *number, *number_input,
      *text_input, *calc, *share, *wrap;
  guint lever_profile_cols, item_profile_cols;
  guint levers_row, items_row; /* first data row of each Inputs table */
  GHashTable *authority_rows;  /* LgrAuthority* -> row + 1 */
  char **sheet_names;          /* per scenario */
  char **sheet_refs;           /* "'One unitary'!" per scenario */
} Book;

static void
col_name (guint col, char *buf)
{
  char tmp[8];
  int i = 0;
  col++;
  while (col > 0)
    {
      tmp[i++] = (char)('A' + (col - 1) % 26);
      col = (col - 1) / 26;
    }
  int j = 0;
  while (i > 0)
    buf[j++] = tmp[--i];
  buf[j] = '\0';
}

/* "Inputs!$F$12" */
static char *
input_cell (guint row, guint col)
{
  char c[8];
  col_name (col, c);
  return g_strdup_printf ("Inputs!$%s$%u", c, row + 1);
}

/* "D$5": a cell of a scenario sheet's year column, the row fixed. */
static char *
year_cell (guint row, guint col)
{
  char c[8];
  col_name (col, c);
  return g_strdup_printf ("%s$%u", c, row + 1);
}

/* "Inputs!$V$12:$Z$12" */
static char *
input_range (guint row, guint first_col, guint n_cols)
{
  char a[8], b[8];
  col_name (first_col, a);
  col_name (first_col + MAX (n_cols, 1) - 1, b);
  return g_strdup_printf ("Inputs!$%s$%u:$%s$%u", a, row + 1, b, row + 1);
}

static void
formula (Book *b, lxw_worksheet *ws, guint row, guint col, const char *f, lxw_format *format,
         double value)
{
  worksheet_write_formula_num (ws, row, col, f, format, value);
}

/* Inputs */

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
write_headers (Book *b, lxw_worksheet *ws, guint row, const char *const *names, guint first_col)
{
  for (guint i = 0; names[i]; i++)
    worksheet_write_string (ws, row, first_col + i, names[i], b->header);
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

static void
write_inputs (Book *b)
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
        }
    }
  row++;

  worksheet_write_string (ws, row++, 0, _ ("Levers"), b->bold);
  const char *const lever_headers[] = { _ ("Scenario"),
                                        _ ("Lever"),
                                        _ ("Name"),
                                        _ ("Authority"),
                                        _ ("Service"),
                                        _ ("Basis"),
                                        _ ("Baseline"),
                                        _ ("Target"),
                                        _ ("Unit cost per"),
                                        _ ("Unit cost baseline"),
                                        _ ("Unit cost target"),
                                        _ ("Cohort growth % a year"),
                                        _ ("Unit cost growth % a year"),
                                        _ ("Realisation start"),
                                        _ ("Enabled"),
                                        _ ("Benefit"),
                                        _ ("Population of the basis"),
                                        _ ("Baseline people"),
                                        _ ("Target people"),
                                        _ ("Periods a year"),
                                        NULL };
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
  const char *const item_headers[] = { _ ("Scenario"),
                                       _ ("Item"),
                                       _ ("Name"),
                                       _ ("Kind"),
                                       _ ("Pattern"),
                                       _ ("Total (spread)"),
                                       _ ("Amount a year (recurring)"),
                                       _ ("Growth % a year (recurring)"),
                                       _ ("Start"),
                                       _ ("Enabled"),
                                       NULL };
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
  worksheet_write_string (ws, SR_CASHABLE, 1, _ ("x benefit realisation"), b->note);
  worksheet_write_string (ws, SR_AVOIDANCE, 1, _ ("x benefit realisation"), b->note);
  worksheet_write_string (ws, SR_ONE_OFF, 1, _ ("x cost contingency"), b->note);
  worksheet_write_string (ws, SR_RECURRING, 1, _ ("x cost contingency"), b->note);

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
      g_autofree char *f0 = g_strdup_printf ("=BenefitRealisation/100*(%s+%s)", cashable, saving);
      formula (b, ws, SR_CASHABLE, col, f0, b->money, r->cashable_savings[t]);
      g_autofree char *f1 = g_strdup_printf ("=BenefitRealisation/100*%s", avoid);
      formula (b, ws, SR_AVOIDANCE, col, f1, b->money, r->cost_avoidance[t]);
      g_autofree char *f2 = g_strdup_printf ("=(1+CostContingency/100)*%s", one_off);
      formula (b, ws, SR_ONE_OFF, col, f2, b->money, r->one_off_costs[t]);
      g_autofree char *f3 = g_strdup_printf ("=(1+CostContingency/100)*%s", recurring);
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

      /* Payback (docs/model.md): the first year whose cumulative is >= 0 after a negative one. */
      gboolean was_paid = paid;
      if (t > 0 && cum[t - 1] < 0)
        below = TRUE;
      if (below && cum[t] >= 0)
        paid = TRUE;
      g_autofree char *f7 = t ? g_strdup_printf ("=IF(OR(%s%u=1,%s%u<0),1,0)", p, SR_BELOW + 1, p,
                                                 SR_CUMULATIVE + 1)
                              : g_strdup ("=0");
      formula (b, ws, SR_BELOW, col, f7, NULL, below);
      g_autofree char *f8 = t ? g_strdup_printf ("=IF(OR(%s%u=1,AND(%s%u=1,%s%u>=0)),1,0)", p,
                                                 SR_PAID + 1, c, SR_BELOW + 1, c, SR_CUMULATIVE + 1)
                              : g_strdup ("=0");
      formula (b, ws, SR_PAID, col, f8, NULL, paid);
      if (t > 0)
        {
          g_autofree char *f9
              = g_strdup_printf ("=IF(AND(%s%u=1,%s%u=0),%u-%s%u/%s%u,\"\")", c, SR_PAID + 1, p,
                                 SR_PAID + 1, t, p, SR_CUMULATIVE + 1, c, SR_NET + 1);
          if (paid && !was_paid)
            formula (b, ws, SR_PAYBACK, col, f9, b->share, t + (-cum[t - 1]) / n[t]);
          else
            worksheet_write_formula_str (ws, SR_PAYBACK, col, f9, b->share, "");
        }
      g_autofree char *f10
          = g_strdup_printf ("=IF(AND(%s%u=1,%s%u<0),1,0)", c, SR_PAID + 1, c, SR_CUMULATIVE + 1);
      formula (b, ws, SR_RELAPSE, col, f10, NULL, paid && cum[t] < 0);
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
  for (guint i = 0; i < r->n_levers; i++)
    row = write_lever_block (b, ws, row, &r->levers[i], (*lever_row)++);
  worksheet_write_string (ws, row++, 0, _ ("Items (before benefit realisation and contingency)"),
                          b->bold);
  for (guint i = 0; i < r->n_items; i++)
    write_item_line (b, ws, row++, &r->items[i], (*item_row)++);
  write_totals (b, ws, r, row - 1);

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
          "=IF(COUNTIF(%s,\"<0\")=0,0,IF(MAX(%s)=0,\"none\",SUM(%s)))", cum, paid, pb);
      if (r->has_payback)
        formula (b, ws, row, 1, f1, b->share, r->payback_years);
      else
        worksheet_write_formula_str (ws, row, 1, f1, b->share, "none");
      g_autofree char *f2 = g_strdup_printf ("=IF(COUNTIF(%s,\"<0\")=0,INDEX(%s,1,1),IF(MAX(%s)=0,"
                                             "\"none\",INDEX(%s,1,MATCH(1,%s,0))))",
                                             cum, labels, paid, labels, paid);
      g_autofree char *year
          = r->has_payback ? lgr_format_financial_year (b->study->first_year + r->payback_index)
                           : g_strdup ("none");
      worksheet_write_formula_str (ws, row, 2, f2, NULL, year);
      g_autofree char *f3 = g_strdup_printf ("=MAX(0,-MIN(%s))", cum);
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
      write_inputs (&b);
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
