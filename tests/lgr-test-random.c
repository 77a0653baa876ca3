/* lgr-test-random.c: random studies that are valid by construction.
 *
 * Every value is within its range of docs/format.md, ids are unique (a counter in each id),
 * spreads sum to 100, and text has no white space at either end (the loader trims it). Numbers
 * include awkward doubles (0.1, 1e-300, 17 significant digits, negative growth) so that round
 * trips prove bit-identical reading and writing. Text includes XML's special characters, line
 * breaks, tabs, a carriage return and non-ASCII letters (£, Welsh ŵ ŷ). tests/test-schema.c
 * fails if a field of the file format is never varied here. */
#include "lgr-test-util.h"

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <locale.h>
#include <math.h>

#include "lgr-published.h"
#include "lgr-rules.h"
#include "lgr-snapshot.h"

static const char *const words[] = {
  "Transition", "costs",    "&",   "<senior>", "posts", "\"quoted\"", "'apostrophe'",
  "£18.7m",     "Caerdydd", "ŵyr", "ŷd",       "café",  "50%",        "a>b",
  "&amp;",      "]]>",      "--",  "naïve",    "Ŵ",     "Ŷ",
};

static char *
random_text (GRand *rand, guint max_words, gboolean paragraphs)
{
  GString *s = g_string_new (NULL);
  guint n = g_rand_int_range (rand, 1, max_words + 1);
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        {
          int sep = paragraphs ? g_rand_int_range (rand, 0, 12) : g_rand_int_range (rand, 0, 20);
          if (paragraphs && sep == 0)
            g_string_append (s, "\n\n");
          else if (paragraphs && sep == 1)
            g_string_append (s, "\n");
          else if (sep == 2)
            g_string_append (s, "\t");
          else if (paragraphs && sep == 3)
            g_string_append (s, "\r\n");
          else
            g_string_append_c (s, ' ');
        }
      g_string_append (s, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
    }
  return g_string_free (s, FALSE);
}

static char *
maybe_text (GRand *rand, guint max_words, gboolean paragraphs)
{
  return g_rand_int_range (rand, 0, 4) == 0 ? NULL : random_text (rand, max_words, paragraphs);
}

/* A double in [min, max], often an awkward one. */
static double
random_number (GRand *rand, double min, double max)
{
  static const double nasty[] = { 0.1,     0.2, 0.3,  1e-300, 123456789.123456789, 72.8, 1.0 / 3,
                                  2.0 / 3, 0.7, 1e-5, 5e-324, 99.99999999999999,   54.3 };
  double v;
  switch (g_rand_int_range (rand, 0, 5))
    {
    case 0:
      v = nasty[g_rand_int_range (rand, 0, G_N_ELEMENTS (nasty))];
      if (v < min || v > max)
        v = min;
      return v;
    case 1:
      return round (g_rand_double_range (rand, min, max));
    case 2:
      /* 17 significant digits */
      return g_rand_double_range (rand, min, max);
    case 3:
      return round (g_rand_double_range (rand, min, max) * 10) / 10;
    default:
      v = round (g_rand_double_range (rand, min, max) * 100) / 100;
      return MIN (MAX (v, min), max);
    }
}

static double
random_growth (GRand *rand)
{
  static const double growths[] = { 0, -0.5, -2.25, 1.5, 3.1, -99.9, -100, 1000, 0.1, -1e-9 };
  if (g_rand_boolean (rand))
    return growths[g_rand_int_range (rand, 0, G_N_ELEMENTS (growths))];
  return random_number (rand, -100, 1000);
}

/* A discount rate, with the ends of its range */
static double
random_discount (GRand *rand)
{
  static const double rates[] = { 3.5, 0, -50, 100, -0.5, 1e-9 };
  if (g_rand_boolean (rand))
    return rates[g_rand_int_range (rand, 0, G_N_ELEMENTS (rates))];
  return random_number (rand, -50, 100);
}

static void
random_profile (GRand *rand, LgrProfile *profile)
{
  guint n = g_rand_int_range (rand, 1, 6);
  double values[6];
  for (guint i = 0; i < n; i++)
    values[i] = i + 1 == n && g_rand_boolean (rand) ? 100 : random_number (rand, 0, 100);
  lgr_profile_set (profile, values, n);
}

/* Spreads that sum to 100 (the last within the 0.01 tolerance). */
static void
random_spread (GRand *rand, LgrProfile *profile)
{
  static const double a[] = { 100 };
  static const double b[] = { 25, 25, 50 };
  static const double c[] = { 30, 50, 20 };
  static const double d[] = { 12.5, 37.5, 0, 50 };
  static const double e[] = { 33.33, 33.33, 33.34 };
  static const double f[] = { 10, 10, 10, 10, 10, 10, 10, 10, 10, 10 };
  static const struct
  {
    const double *v;
    guint n;
  } spreads[] = { { a, 1 }, { b, 3 }, { c, 3 }, { d, 4 }, { e, 3 }, { f, 10 } };
  guint i = g_rand_int_range (rand, 0, G_N_ELEMENTS (spreads));
  lgr_profile_set (profile, spreads[i].v, spreads[i].n);
}

static int
random_year (GRand *rand, const LgrStudy *study)
{
  int year = study->first_year + g_rand_int_range (rand, -3, study->years + 3);
  return CLAMP (year, 1800, 2300);
}

static char *
random_colour (GRand *rand)
{
  if (g_rand_int_range (rand, 0, 3) == 0)
    return NULL;
  return g_strdup_printf (g_rand_boolean (rand) ? "#%06x" : "#%06X",
                          (guint)g_rand_int_range (rand, 0, 0x1000000));
}

static char *
random_name (GRand *rand, const char *stem, guint n)
{
  g_autofree char *words_part = random_text (rand, 3, FALSE);
  switch (g_rand_int_range (rand, 0, 6))
    {
    case 0:
      /* Line breaks and tabs in attribute values must survive as character references. */
      return g_strdup_printf ("%s %u\n%s", stem, n, words_part);
    default:
      return g_strdup_printf ("%s %u %s", stem, n, words_part);
    }
}

static LgrLever *
random_lever (GRand *rand, const LgrStudy *study, const LgrScenario *scenario, guint n)
{
  const LgrAuthority *authority = g_ptr_array_index (
      scenario->authorities, g_rand_int_range (rand, 0, scenario->authorities->len));
  g_autofree char *id = g_strdup_printf ("%s_lever-%u", g_rand_boolean (rand) ? "L" : "l", n);
  g_autofree char *name = random_name (rand, "Lever", n);
  LgrLever *lever = lgr_lever_new (id, name, authority->id);
  LgrRange cohort;

  lever->basis = n % LGR_N_COHORT_BASES; /* every basis */
  lever->unit_period = (n / LGR_N_COHORT_BASES) % LGR_N_UNIT_PERIODS;
  lever->benefit = g_rand_boolean (rand) ? LGR_BENEFIT_CASHABLE : LGR_BENEFIT_AVOIDANCE;
  lever->enabled = g_rand_int_range (rand, 0, 4) != 0;
  lever->service = maybe_text (rand, 3, FALSE);
  cohort = lgr_cohort_range (lever->basis);
  lever->cohort_baseline = random_number (rand, 0, cohort == LGR_RANGE_RATE ? 10000 : 5e4);
  lever->cohort_target = random_number (rand, 0, cohort == LGR_RANGE_RATE ? 10000 : 5e4);
  lever->unit_cost_baseline = random_number (rand, 0, 1e5);
  lever->unit_cost_target = random_number (rand, 0, 1e5);
  lever->growth_cohort = random_growth (rand);
  lever->growth_unit_cost = random_growth (rand);
  lever->has_realisation_start = g_rand_boolean (rand);
  if (lever->has_realisation_start)
    lever->realisation_start = random_year (rand, study);
  random_profile (rand, &lever->realisation);
  lever->source = maybe_text (rand, 12, TRUE);
  /* "Changed since the source" marks, only beside a note */
  if (lever->source && (lever->has_source_target = g_rand_boolean (rand)))
    lever->source_target = random_number (rand, 0, 100);
  if (lever->source && (lever->has_source_unit_cost = g_rand_boolean (rand)))
    lever->source_unit_cost = random_number (rand, 0, 1e5);
  return lever;
}

static LgrItem *
random_item (GRand *rand, const LgrStudy *study, const LgrScenario *scenario, guint n)
{
  g_autofree char *id = g_strdup_printf ("item_%u", n);
  g_autofree char *name = random_name (rand, "Item", n);
  LgrItem *item = lgr_item_new (id, name, n % LGR_N_ITEM_KINDS); /* every kind */
  /* shared or one authority's, from n rather than the generator, so that every other random
   * value stays as it was; never the last authority's, which may then have nothing of its own
   * (the schema test changes the id of such an authority) */
  guint owner = n % scenario->authorities->len;

  if (owner + 1 < scenario->authorities->len)
    item->authority_id
        = g_strdup (((LgrAuthority *)g_ptr_array_index (scenario->authorities, owner))->id);

  item->enabled = g_rand_int_range (rand, 0, 4) != 0;
  /* every pattern: spreads on one-off costs, recurring or values on any kind */
  switch ((n / LGR_N_ITEM_KINDS + g_rand_int_range (rand, 0, 2)) % 3)
    {
    case 0:
      item->pattern = item->kind == LGR_ITEM_KIND_ONE_OFF_COST ? LGR_ITEM_PATTERN_SPREAD
                                                               : LGR_ITEM_PATTERN_RECURRING;
      break;
    case 1:
      item->pattern = LGR_ITEM_PATTERN_RECURRING;
      break;
    default:
      item->pattern = LGR_ITEM_PATTERN_VALUES;
      break;
    }
  if (item->kind == LGR_ITEM_KIND_ONE_OFF_COST && item->pattern == LGR_ITEM_PATTERN_RECURRING)
    item->pattern = n % 8 == 0 ? LGR_ITEM_PATTERN_SPREAD : LGR_ITEM_PATTERN_VALUES;

  switch (item->pattern)
    {
    case LGR_ITEM_PATTERN_SPREAD:
      item->total = random_number (rand, 0, 1e8);
      item->has_start = g_rand_boolean (rand);
      if (item->has_start)
        item->start = random_year (rand, study);
      random_spread (rand, &item->profile);
      break;
    case LGR_ITEM_PATTERN_RECURRING:
      item->amount = random_number (rand, 0, 1e8);
      item->growth = random_growth (rand);
      item->has_start = g_rand_boolean (rand);
      if (item->has_start)
        item->start = random_year (rand, study);
      random_profile (rand, &item->profile);
      break;
    case LGR_ITEM_PATTERN_VALUES:
    default:
      {
        /* sometimes none, sometimes years outside the timeline */
        guint count = g_rand_int_range (rand, 0, 4) == 0 ? 0 : study->years;
        for (guint i = 0; i < count; i++)
          if (g_rand_int_range (rand, 0, 4) != 0)
            lgr_item_set_value (item, random_year (rand, study), random_number (rand, 0, 1e7));
      }
      break;
    }
  item->source = maybe_text (rand, 12, TRUE);
  if (item->source && item->pattern != LGR_ITEM_PATTERN_VALUES
      && (item->has_source_value = g_rand_boolean (rand)))
    item->source_value = random_number (rand, 0, 1e7);
  return item;
}

/* Ranges, drivers, scenario settings and <uncertainty> (docs/uncertainty.md), from a generator of
 * their own so the rest of a random study is what it was before they existed. */

static void
random_bounds (GRand *rand, LgrBounds *bounds, double central, double min, double max)
{
  if (g_rand_int_range (rand, 0, 3) != 0)
    return;
  bounds->has_low = bounds->has_high = TRUE;
  bounds->low = g_rand_boolean (rand) ? central : round (central - (central - min) * 0.25);
  bounds->high = g_rand_boolean (rand) ? central : round (central + (max - central) * 0.01);
  bounds->low = MIN (bounds->low, central);
  bounds->high = MAX (bounds->high, central);
}

static char *
random_driver (GRand *rand, const LgrBounds *a, const LgrBounds *b, const char *stem)
{
  if (!(lgr_bounds_given (a) || (b != NULL && lgr_bounds_given (b))) || g_rand_boolean (rand))
    return NULL;
  return g_strdup (stem);
}

static void
random_uncertainty (LgrStudy *study)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (study->years * 7919u + study->first_year
                                                 + study->scenarios->len * 31u);

  random_bounds (rand, &study->benefit_realisation_range, study->benefit_realisation, 0, 1000);
  random_bounds (rand, &study->cost_contingency_range, study->cost_contingency, 0, 1000);
  if (g_rand_boolean (rand))
    {
      study->draws = g_rand_int_range (rand, 100, 1000001);
      study->seed = g_rand_boolean (rand) ? 0 : g_rand_int_range (rand, 1, 1 << 30) * 8192.0;
      study->default_range = random_number (rand, 0, 100);
    }
  for (guint s = 0; s < study->scenarios->len; s++)
    {
      LgrScenario *scenario = g_ptr_array_index (study->scenarios, s);
      if ((scenario->has_benefit_realisation = g_rand_boolean (rand)))
        {
          scenario->benefit_realisation = random_number (rand, 0, 1000);
          random_bounds (rand, &scenario->benefit_realisation_range, scenario->benefit_realisation,
                         0, 1000);
        }
      if ((scenario->has_cost_contingency = g_rand_int_range (rand, 0, 3) == 0))
        {
          scenario->cost_contingency = random_number (rand, 0, 1000);
          random_bounds (rand, &scenario->cost_contingency_range, scenario->cost_contingency, 0,
                         1000);
        }
      for (guint i = 0; i < scenario->levers->len; i++)
        {
          LgrLever *l = g_ptr_array_index (scenario->levers, i);
          double max = lgr_cohort_range (l->basis) == LGR_RANGE_RATE ? 10000 : 1e6;
          random_bounds (rand, &l->cohort_target_range, l->cohort_target, 0, max);
          random_bounds (rand, &l->unit_cost_target_range, l->unit_cost_target, 0, 1e6);
          random_bounds (rand, &l->growth_cohort_range, l->growth_cohort, -100, 1000);
          random_bounds (rand, &l->growth_unit_cost_range, l->growth_unit_cost, -100, 1000);
          if (l->has_realisation_start && g_rand_boolean (rand))
            {
              LgrYearBounds *b = &l->realisation_start_range;
              b->has_low = b->has_high = TRUE;
              b->low = MAX (1800, l->realisation_start - g_rand_int_range (rand, 0, 3));
              b->high = MIN (2300, l->realisation_start + g_rand_int_range (rand, 0, 3));
              if (g_rand_boolean (rand))
                l->realisation_driver = g_strdup ("delay");
            }
          /* linked cohorts share a basis, linked unit costs a period */
          l->cohort_driver = random_driver (rand, &l->cohort_target_range, NULL,
                                            lgr_cohort_basis_to_string (l->basis));
          l->unit_cost_driver = random_driver (rand, &l->unit_cost_target_range, NULL,
                                               lgr_unit_period_to_string (l->unit_period));
          l->growth_driver
              = random_driver (rand, &l->growth_cohort_range, &l->growth_unit_cost_range, "g_1");
        }
      for (guint i = 0; i < scenario->items->len; i++)
        {
          LgrItem *item = g_ptr_array_index (scenario->items, i);
          if (item->pattern == LGR_ITEM_PATTERN_SPREAD)
            random_bounds (rand, &item->total_range, item->total, 0, 1e9);
          if (item->pattern == LGR_ITEM_PATTERN_RECURRING)
            random_bounds (rand, &item->amount_range, item->amount, 0, 1e9);
          item->driver = random_driver (rand, &item->total_range, &item->amount_range, "Cost");
        }
    }
}

/* Snapshots made as the window makes them: the differences of a changed copy, less any set
 * the study's rules refuse (a target outside its range, say). */
static void
random_snapshots (GRand *rand, LgrStudy *study)
{
  guint n = g_rand_int_range (rand, 0, 4);
  for (guint k = 0; k < n; k++)
    {
      g_autoptr (LgrStudy) changed = lgr_study_copy (study);
      g_autofree char *id = g_strdup_printf ("snapshot-%u", k);
      g_autofree char *name = random_name (rand, "What if", k);
      LgrScenario *scenario = g_ptr_array_index (
          changed->scenarios, g_rand_int_range (rand, 0, (int)changed->scenarios->len));
      LgrSnapshot *snapshot;

      changed->benefit_realisation = g_rand_int_range (rand, 50, 101);
      if (scenario->levers->len > 0)
        {
          LgrLever *lever = g_ptr_array_index (
              scenario->levers, g_rand_int_range (rand, 0, (int)scenario->levers->len));
          lever->cohort_target = lever->cohort_baseline;
          lever->unit_cost_target = lever->unit_cost_baseline * g_rand_int_range (rand, 1, 3);
          lever->enabled = g_rand_boolean (rand);
        }
      if (scenario->items->len > 0)
        {
          LgrItem *item = g_ptr_array_index (scenario->items,
                                             g_rand_int_range (rand, 0, (int)scenario->items->len));
          item->enabled = g_rand_boolean (rand);
        }
      snapshot = lgr_snapshot_from_differences (study, changed, id, name);
      if (snapshot == NULL)
        snapshot = lgr_snapshot_new (id, name);
      snapshot->note = maybe_text (rand, 20, TRUE);
      for (guint i = snapshot->sets->len; i-- > 0;)
        if (!lgr_snapshot_check_set (study, g_ptr_array_index (snapshot->sets, i), NULL))
          g_ptr_array_remove_index (snapshot->sets, i);
      g_ptr_array_add (study->snapshots, snapshot);
    }
}

/* Published figures: up to three measures a scenario, each once, a year for net and
 * cumulative within the timeline, values of either sign where the measure allows. */
static void
random_published (GRand *rand, LgrStudy *study)
{
  for (guint s = 0; s < study->scenarios->len; s++)
    {
      LgrScenario *scenario = g_ptr_array_index (study->scenarios, s);
      guint n = g_rand_int_range (rand, 0, 4);
      guint first = g_rand_int_range (rand, 0, LGR_N_PUBLISHED_MEASURES);
      for (guint k = 0; k < n; k++)
        {
          LgrPublishedMeasure measure = (first + k * 3) % LGR_N_PUBLISHED_MEASURES;
          gboolean signed_figure
              = measure != LGR_PUBLISHED_PAYBACK_YEARS && measure != LGR_PUBLISHED_PEAK_FUNDING;
          g_autofree char *source = random_text (rand, 12, TRUE);
          LgrPublished *published
              = lgr_published_new (measure,
                                   measure == LGR_PUBLISHED_PAYBACK_YEARS
                                       ? random_number (rand, 0, 60)
                                       : random_number (rand, signed_figure ? -1e9 : 0, 1e9),
                                   source);
          if (lgr_published_measure_takes_year (measure))
            {
              published->has_year = TRUE;
              published->year = study->first_year + g_rand_int_range (rand, 0, study->years);
            }
          g_ptr_array_add (scenario->published, published);
        }
    }
}

LgrStudy *
lgr_test_random_study (GRand *rand, guint n_scenarios, guint n_levers, guint n_items, guint years)
{
  g_autofree char *title = random_text (rand, 6, FALSE);
  int first_year = g_rand_int_range (rand, 0, 10) == 0 ? (g_rand_boolean (rand) ? 1900 : 2200)
                                                       : g_rand_int_range (rand, 2000, 2100);
  LgrStudy *study;

  g_assert_cmpuint (n_scenarios, >=, 1);
  years = CLAMP (years, 1, 60);
  study = lgr_study_new (title, first_year, years, first_year + g_rand_int_range (rand, 0, years));
  study->description = maybe_text (rand, 40, TRUE);
  study->discount_rate = random_discount (rand);
  {
    static const double weeks[] = { 52, 52.142857142857146, 53, 0.5, 1e-300 };
    study->weeks_per_year = g_rand_int_range (rand, 0, 3) == 0
                                ? random_number (rand, 1, 53)
                                : weeks[g_rand_int_range (rand, 0, G_N_ELEMENTS (weeks))];
  }
  study->benefit_realisation = random_number (rand, 0, 1000);
  study->cost_contingency = random_number (rand, 0, 1000);
  study->count_avoidance = g_rand_boolean (rand);

  {
    guint bands = g_rand_int_range (rand, 0, 4);
    if (bands > 0 || g_rand_boolean (rand))
      study->benchmarks_source
          = g_rand_int_range (rand, 0, 4) == 0 ? g_strdup ("") : random_text (rand, 8, FALSE);
    for (guint b = 0; b < bands; b++)
      {
        g_autofree char *name = g_strdup_printf ("%uk-%uk", b * 100, (b + 1) * 100);
        LgrBenchmarkBand *band = lgr_benchmark_band_new (name, b * 1e5, (b + 1) * 1e5);
        guint costs = g_rand_int_range (rand, 0, 4);
        for (guint c = 0; c < costs; c++)
          {
            LgrBenchmarkCost cost
                = { g_strdup_printf ("measure-%u", c), random_number (rand, 0, 1e5) };
            g_array_append_val (band->costs, cost);
          }
        g_ptr_array_add (study->benchmark_bands, band);
      }
  }

  for (guint s = 0; s < n_scenarios; s++)
    {
      g_autofree char *id = g_strdup_printf ("scenario-%u", s);
      g_autofree char *name = random_name (rand, "Scenario", s);
      LgrScenario *scenario = lgr_scenario_new (id, name);
      guint n_authorities = g_rand_int_range (rand, 1, 4);

      scenario->colour = random_colour (rand);
      scenario->description = maybe_text (rand, 20, TRUE);
      for (guint a = 0; a < n_authorities; a++)
        {
          g_autofree char *aid = g_strdup_printf ("authority-%u", a);
          g_autofree char *aname = random_name (rand, "Council", a);
          LgrAuthority *authority = lgr_authority_new (aid, aname);
          authority->population = random_number (rand, 0, 2e6);
          authority->child_population = random_number (rand, 0, 5e5);
          authority->source = maybe_text (rand, 12, TRUE);
          if (authority->source && (authority->has_source_population = g_rand_boolean (rand)))
            authority->source_population = random_number (rand, 0, 2e6);
          if (authority->source && (authority->has_source_child_population = g_rand_boolean (rand)))
            authority->source_child_population = random_number (rand, 0, 5e5);
          g_ptr_array_add (scenario->authorities, authority);
        }
      for (guint l = 0; l < n_levers; l++)
        g_ptr_array_add (scenario->levers, random_lever (rand, study, scenario, l));
      for (guint i = 0; i < n_items; i++)
        g_ptr_array_add (scenario->items, random_item (rand, study, scenario, i));
      g_ptr_array_add (study->scenarios, scenario);
    }
  random_uncertainty (study);
  {
    /* a copy of the generator, so that the studies made after this one stay as they were */
    g_autoptr (GRand) own = g_rand_copy (rand);
    random_snapshots (own, study);
  }
  {
    g_autoptr (GRand) own = g_rand_copy (rand);
    g_rand_set_seed (own, g_rand_int (own) ^ 0x70b1u);
    random_published (own, study);
  }
  return study;
}

/* RELAX NG validation of saved studies */

static void
collect_error (void *data, xmlErrorPtr e)
{
  GString *why = data;
  if (why->len > 0)
    g_string_append (why, "; ");
  g_string_append_printf (why, "line %d: %s", e->line, e->message ? e->message : "?");
  while (why->len > 0 && why->str[why->len - 1] == '\n')
    g_string_truncate (why, why->len - 1);
}

gboolean
lgr_test_rng_accepts (const char *xml, gsize length, char **why)
{
  g_autofree char *path = lgr_test_source_path ("data", "lgr-study.rng", NULL);
  g_autoptr (GString) problems = g_string_new (NULL);
  xmlRelaxNGParserCtxtPtr parser = xmlRelaxNGNewParserCtxt (path);
  xmlRelaxNGPtr schema;
  xmlRelaxNGValidCtxtPtr valid;
  xmlDocPtr doc;
  /* libxml2 reads xsd:double with sscanf, which follows LC_NUMERIC: under a decimal-comma
   * locale it would read 0.5 as 0 (the loader has no such problem). */
  locale_t c_numeric = newlocale (LC_NUMERIC_MASK, "C", (locale_t)0);
  locale_t saved = uselocale (c_numeric);
  int result = -1;

  xmlRelaxNGSetParserStructuredErrors (parser, collect_error, problems);
  schema = xmlRelaxNGParse (parser);
  g_assert_nonnull (schema);
  doc = xmlReadMemory (xml, (int)length, "study.lgr", NULL, XML_PARSE_NONET | XML_PARSE_NOERROR);
  if (doc == NULL)
    g_string_append (problems, "not well-formed XML");
  else
    {
      valid = xmlRelaxNGNewValidCtxt (schema);
      xmlRelaxNGSetValidStructuredErrors (valid, collect_error, problems);
      result = xmlRelaxNGValidateDoc (valid, doc);
      xmlRelaxNGFreeValidCtxt (valid);
      xmlFreeDoc (doc);
    }
  xmlRelaxNGFree (schema);
  xmlRelaxNGFreeParserCtxt (parser);
  uselocale (saved);
  freelocale (c_numeric);
  if (why != NULL)
    *why = result == 0 ? NULL : g_strdup (problems->str);
  return result == 0;
}
