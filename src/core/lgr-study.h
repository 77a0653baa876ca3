/* lgr-study.h: the study model - what a .lgr file holds, nothing more.
 *
 * Plain C structures owned by their parent: a study owns its scenarios, a scenario its
 * authorities, levers and items. No GTK here (see HACKING.md). The arithmetic lives in
 * lgr-results.c, reading and writing in lgr-study-io.c, the value rules in lgr-rules.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  LGR_COHORT_BASIS_COUNT,            /* baseline and target are numbers of people */
  LGR_COHORT_BASIS_CHILD_POPULATION, /* rates per 10,000 children (0-17) */
  LGR_COHORT_BASIS_POPULATION,       /* rates per 10,000 of the whole population */
  LGR_N_COHORT_BASES
} LgrCohortBasis;

typedef enum
{
  LGR_UNIT_PERIOD_WEEK,
  LGR_UNIT_PERIOD_YEAR,
  LGR_N_UNIT_PERIODS
} LgrUnitPeriod;

typedef enum
{
  LGR_BENEFIT_CASHABLE,
  LGR_BENEFIT_AVOIDANCE,
  LGR_N_BENEFITS
} LgrBenefit;

typedef enum
{
  LGR_ITEM_KIND_ONE_OFF_COST,
  LGR_ITEM_KIND_RECURRING_COST,
  LGR_ITEM_KIND_SAVING,
  LGR_ITEM_KIND_AVOIDANCE,
  LGR_N_ITEM_KINDS
} LgrItemKind;

typedef enum
{
  LGR_ITEM_PATTERN_SPREAD,    /* a total spent over years by a spread profile (one-off costs) */
  LGR_ITEM_PATTERN_RECURRING, /* an annual amount with a realisation profile and growth */
  LGR_ITEM_PATTERN_VALUES,    /* explicit values per financial year */
  LGR_N_ITEM_PATTERNS
} LgrItemPattern;

/* A list of percentages, each in [0, 100]. */
typedef struct
{
  guint n;
  double *values;
} LgrProfile;

/* The range of an uncertain number (docs/uncertainty.md): its bounds, given both or neither,
 * with low <= the number <= high (lgr-uncertainty-rules.c). */
typedef struct
{
  gboolean has_low;
  gboolean has_high;
  double low;
  double high;
} LgrBounds;

typedef struct
{
  gboolean has_low;
  gboolean has_high;
  int low;
  int high;
} LgrYearBounds;

typedef struct
{
  int year; /* financial year Y, i.e. 1 April Y to 31 March Y+1 */
  double value;
} LgrYearValue;

typedef struct
{
  char *id;
  char *name;
  double population;
  double child_population; /* aged 0-17 */
  int line;                /* line in the file it was read from, 0 if none */

  char *source; /* where the populations come from; may be NULL */
  /* The populations the source was written for, as for a lever's (docs/format.md) */
  gboolean has_source_population;
  double source_population;
  gboolean has_source_child_population;
  double source_child_population;
} LgrAuthority;

typedef struct
{
  char *id;
  char *name;
  char *authority_id;
  char *service; /* may be NULL */
  LgrBenefit benefit;
  gboolean enabled;

  LgrCohortBasis basis;
  double cohort_baseline;
  double cohort_target;

  LgrUnitPeriod unit_period;
  double unit_cost_baseline;
  double unit_cost_target;

  double growth_cohort;    /* % a year, compounding from the first year of the timeline */
  double growth_unit_cost; /* % a year */

  gboolean has_realisation_start; /* FALSE: the study's vesting year */
  int realisation_start;
  LgrProfile realisation; /* default: "100" */

  char *source; /* may be NULL */
  int line;

  /* Ranges (docs/uncertainty.md) and the drivers that link them across scenarios (NULL:
   * none), one per element */
  LgrBounds cohort_target_range;
  LgrBounds unit_cost_target_range;
  LgrBounds growth_cohort_range;
  LgrBounds growth_unit_cost_range;
  LgrYearBounds realisation_start_range; /* only with has_realisation_start */
  char *cohort_driver;
  char *unit_cost_driver;
  char *growth_driver;
  char *realisation_driver;

  /* "Changed since the source" (docs/format.md): the target and unit cost target the source
   * note was written for, set when an edit changed them after the note and cleared when the
   * note is edited or confirmed (lgr_lever_note_source_change()) */
  gboolean has_source_target;
  double source_target;
  gboolean has_source_unit_cost;
  double source_unit_cost;
} LgrLever;

typedef struct
{
  char *id;
  char *name;
  /* the authority of its scenario whose cost or saving it is, or NULL: shared by the
   * scenario's authorities (docs/format.md) */
  char *authority_id;
  LgrItemKind kind;
  gboolean enabled;
  LgrItemPattern pattern;

  /* LGR_ITEM_PATTERN_SPREAD and LGR_ITEM_PATTERN_RECURRING */
  gboolean has_start; /* FALSE: the study's vesting year */
  int start;
  LgrProfile profile; /* spread: sums to 100; recurring: realisation, default "100" */

  double total;  /* spread */
  double amount; /* recurring: pounds a year at full realisation */
  double growth; /* recurring: % a year from the start year */

  /* LGR_ITEM_PATTERN_VALUES, sorted by year, years unique */
  GArray *values; /* of LgrYearValue */

  char *source; /* may be NULL */
  int line;

  LgrBounds total_range;  /* spread */
  LgrBounds amount_range; /* recurring */
  char *driver;           /* of the spread's or recurring's range, or NULL */

  /* The spread's total or recurring amount the source was written for (as for a lever's) */
  gboolean has_source_value;
  double source_value;
} LgrItem;

/* What a <published> figure states (lgr_published_measure_names gives the names in the file):
 * the summary figures of a scenario, and its net or cumulative in one year. */
typedef enum
{
  LGR_PUBLISHED_PAYBACK_YEARS,
  LGR_PUBLISHED_PEAK_FUNDING,
  LGR_PUBLISHED_TOTAL_NET,
  LGR_PUBLISHED_NPV,
  LGR_PUBLISHED_RUN_RATE,
  LGR_PUBLISHED_NET,        /* in year */
  LGR_PUBLISHED_CUMULATIVE, /* by the end of year */
  LGR_N_PUBLISHED_MEASURES
} LgrPublishedMeasure;

/* A figure a published document gives for a scenario, kept to check against the computed one
 * (src/core/lgr-published.h). */
typedef struct
{
  LgrPublishedMeasure measure;
  gboolean has_year; /* only for net and cumulative, and then required */
  int year;
  double value; /* pounds, or years for payback-years */
  char *source; /* the document, required */
  int line;     /* in the file it was read from, for messages; 0: none */
} LgrPublished;

typedef struct
{
  char *id;
  char *name;
  char *colour;           /* "#rrggbb", or NULL: the app chooses */
  char *description;      /* may be NULL */
  GPtrArray *authorities; /* of LgrAuthority* */
  GPtrArray *levers;      /* of LgrLever* */
  GPtrArray *items;       /* of LgrItem* */
  GPtrArray *published;   /* of LgrPublished*, in file order */
  int line;

  /* The scenario's own <settings>: each overrides the study's when given */
  gboolean has_benefit_realisation;
  double benefit_realisation;
  LgrBounds benefit_realisation_range;
  gboolean has_cost_contingency;
  double cost_contingency;
  LgrBounds cost_contingency_range;
} LgrScenario;

typedef struct
{
  char *measure; /* e.g. "lac-weekly", "asc-working-age-yearly" */
  double value;
} LgrBenchmarkCost;

typedef struct
{
  char *name;
  double min_population;
  double max_population;
  GArray *costs; /* of LgrBenchmarkCost */
  int line;
} LgrBenchmarkBand;

/* What a snapshot's <set> changes: ELEMENT.ATTRIBUTE of a lever or item, or a study setting
 * (lgr_snapshot_value_names gives the names in the file). */
typedef enum
{
  LGR_SNAPSHOT_COHORT_TARGET,
  LGR_SNAPSHOT_COHORT_BASELINE,
  LGR_SNAPSHOT_UNIT_COST_TARGET,
  LGR_SNAPSHOT_UNIT_COST_BASELINE,
  LGR_SNAPSHOT_GROWTH_COHORT,
  LGR_SNAPSHOT_GROWTH_UNIT_COST,
  LGR_SNAPSHOT_REALISATION_START,
  LGR_SNAPSHOT_REALISATION_PROFILE,
  LGR_SNAPSHOT_SPREAD_TOTAL,
  LGR_SNAPSHOT_SPREAD_START,
  LGR_SNAPSHOT_SPREAD_PROFILE,
  LGR_SNAPSHOT_RECURRING_AMOUNT,
  LGR_SNAPSHOT_RECURRING_START,
  LGR_SNAPSHOT_RECURRING_PROFILE,
  LGR_SNAPSHOT_RECURRING_GROWTH,
  LGR_SNAPSHOT_ENABLED,
  LGR_SNAPSHOT_BENEFIT_REALISATION,
  LGR_SNAPSHOT_COST_CONTINGENCY,
  LGR_SNAPSHOT_COUNT_AVOIDANCE,
  LGR_N_SNAPSHOT_VALUES
} LgrSnapshotValue;

/* One <set>: the value as the file writes it, checked against the attribute it names. */
typedef struct
{
  char *scenario; /* NULL for a setting */
  char *lever;    /* the lever, or NULL */
  char *item;     /* the item, or NULL */
  LgrSnapshotValue value;
  char *text;
  int line; /* in the file it was read from, for messages; 0: none */
} LgrSnapshotSet;

/* A <snapshot>: a named set of changes, kept apart from the study's own values. */
typedef struct
{
  char *id;
  char *name;
  char *note;      /* may be NULL */
  GPtrArray *sets; /* of LgrSnapshotSet*, in file order */
  int line;        /* in the file it was read from, for messages; 0: none */
} LgrSnapshot;

typedef struct
{
  char *title;
  char *description; /* may be NULL */

  int first_year; /* the timeline's first financial year */
  int years;      /* 1..60 */
  int vesting_year;
  double discount_rate;  /* % */
  double weeks_per_year; /* default 52 */

  double benefit_realisation; /* %, default 100 */
  double cost_contingency;    /* %, default 0 */
  gboolean count_avoidance;
  LgrBounds benefit_realisation_range;
  LgrBounds cost_contingency_range;

  /* <uncertainty> (docs/uncertainty.md) */
  int draws;            /* 100..1,000,000, default 10,000 */
  double seed;          /* a whole number 0..2^53, default 1 */
  double default_range; /* %, default 0 */

  char *benchmarks_source;    /* NULL if the file has no <benchmarks> */
  GPtrArray *benchmark_bands; /* of LgrBenchmarkBand* */

  GPtrArray *scenarios; /* of LgrScenario* */
  GPtrArray *snapshots; /* of LgrSnapshot*, in the order they are shown */
} LgrStudy;

/* Profiles */
void lgr_profile_set (LgrProfile *profile, const double *values, guint n);
void lgr_profile_copy (LgrProfile *dest, const LgrProfile *src);
void lgr_profile_clear (LgrProfile *profile);
gboolean lgr_profile_equal (const LgrProfile *a, const LgrProfile *b);
double lgr_profile_sum (const LgrProfile *profile);
double lgr_profile_realisation (const LgrProfile *profile, int start, int year);
double lgr_profile_spread_share (const LgrProfile *profile, int start, int year);

/* Constructors give sensible defaults (enabled, cashable, profile "100", no growth). */
LgrAuthority *lgr_authority_new (const char *id, const char *name);
LgrAuthority *lgr_authority_copy (const LgrAuthority *authority);
void lgr_authority_free (LgrAuthority *authority);

LgrLever *lgr_lever_new (const char *id, const char *name, const char *authority_id);
LgrLever *lgr_lever_copy (const LgrLever *lever);
void lgr_lever_free (LgrLever *lever);
int lgr_lever_start_year (const LgrLever *lever, const LgrStudy *study);

LgrItem *lgr_item_new (const char *id, const char *name, LgrItemKind kind);
LgrItem *lgr_item_copy (const LgrItem *item);
void lgr_item_free (LgrItem *item);
int lgr_item_start_year (const LgrItem *item, const LgrStudy *study);
void lgr_item_set_value (LgrItem *item, int year, double value);

LgrScenario *lgr_scenario_new (const char *id, const char *name);
LgrScenario *lgr_scenario_copy (const LgrScenario *scenario);
void lgr_scenario_free (LgrScenario *scenario);
LgrAuthority *lgr_scenario_find_authority (const LgrScenario *scenario, const char *id);
LgrLever *lgr_scenario_find_lever (const LgrScenario *scenario, const char *id);
LgrItem *lgr_scenario_find_item (const LgrScenario *scenario, const char *id);
gboolean lgr_scenario_has_id (const LgrScenario *scenario, const char *id);
char *lgr_scenario_unique_id (const LgrScenario *scenario, const char *stem);

LgrBenchmarkBand *lgr_benchmark_band_new (const char *name, double min_population,
                                          double max_population);
LgrBenchmarkBand *lgr_benchmark_band_copy (const LgrBenchmarkBand *band);
void lgr_benchmark_band_free (LgrBenchmarkBand *band);
gboolean lgr_benchmark_band_lookup (const LgrBenchmarkBand *band, const char *measure,
                                    double *value);

LgrSnapshotSet *lgr_snapshot_set_new (void);
LgrSnapshotSet *lgr_snapshot_set_copy (const LgrSnapshotSet *set);
void lgr_snapshot_set_free (LgrSnapshotSet *set);
LgrSnapshot *lgr_snapshot_new (const char *id, const char *name);
LgrSnapshot *lgr_snapshot_copy (const LgrSnapshot *snapshot);
void lgr_snapshot_free (LgrSnapshot *snapshot);

LgrPublished *lgr_published_new (LgrPublishedMeasure measure, double value, const char *source);
LgrPublished *lgr_published_copy (const LgrPublished *published);
void lgr_published_free (LgrPublished *published);

LgrStudy *lgr_study_new (const char *title, int first_year, int years, int vesting_year);
LgrStudy *lgr_study_copy (const LgrStudy *study);
void lgr_study_free (LgrStudy *study);
LgrScenario *lgr_study_find_scenario (const LgrStudy *study, const char *id);
int lgr_study_scenario_index (const LgrStudy *study, const char *id);
char *lgr_study_unique_scenario_id (const LgrStudy *study, const char *stem);
const LgrBenchmarkBand *lgr_study_benchmark_band_for (const LgrStudy *study, double population);
gboolean lgr_study_equal (const LgrStudy *a, const LgrStudy *b);
/* The same for one scenario (its colour aside: how it is drawn, not what it says), one lever
 * and one item; what marks a card or a row as changed since the study was opened or saved. */
gboolean lgr_scenario_same_content (const LgrScenario *a, const LgrScenario *b);
gboolean lgr_lever_equal (const LgrLever *a, const LgrLever *b);
gboolean lgr_item_equal (const LgrItem *a, const LgrItem *b);

/* A scenario's benefit realisation and cost contingency: its own if given, else the study's. */
double lgr_scenario_benefit_realisation (const LgrScenario *scenario, const LgrStudy *study);
double lgr_scenario_cost_contingency (const LgrScenario *scenario, const LgrStudy *study);
gboolean lgr_bounds_given (const LgrBounds *bounds);

/* The financial year index t (0..years-1) of year Y, or -1 outside the timeline. */
int lgr_study_year_index (const LgrStudy *study, int year);

/* Enumerations and their names in a .lgr file: one table per enumeration, indexed by value and
 * ended by NULL (names[LGR_N_*]), read by the loader, the writer and the command line. A value
 * is valid when it is below its LGR_N_* sentinel; to_string refuses any other (NULL). */
extern const char *const lgr_cohort_basis_names[LGR_N_COHORT_BASES + 1];
extern const char *const lgr_unit_period_names[LGR_N_UNIT_PERIODS + 1];
extern const char *const lgr_benefit_names[LGR_N_BENEFITS + 1];
extern const char *const lgr_item_kind_names[LGR_N_ITEM_KINDS + 1];
extern const char *const lgr_item_pattern_names[LGR_N_ITEM_PATTERNS + 1];
extern const char *const lgr_snapshot_value_names[LGR_N_SNAPSHOT_VALUES + 1];
extern const char *const lgr_published_measure_names[LGR_N_PUBLISHED_MEASURES + 1];

const char *lgr_cohort_basis_to_string (LgrCohortBasis basis);
gboolean lgr_cohort_basis_from_string (const char *s, LgrCohortBasis *basis);
const char *lgr_unit_period_to_string (LgrUnitPeriod period);
gboolean lgr_unit_period_from_string (const char *s, LgrUnitPeriod *period);
const char *lgr_benefit_to_string (LgrBenefit benefit);
gboolean lgr_benefit_from_string (const char *s, LgrBenefit *benefit);
const char *lgr_item_kind_to_string (LgrItemKind kind);
gboolean lgr_item_kind_from_string (const char *s, LgrItemKind *kind);
const char *lgr_item_pattern_to_string (LgrItemPattern pattern);
gboolean lgr_item_pattern_from_string (const char *s, LgrItemPattern *pattern);
gboolean lgr_item_kind_is_cost (LgrItemKind kind);
LgrSnapshot *lgr_study_find_snapshot (const LgrStudy *study, const char *id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LgrAuthority, lgr_authority_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LgrLever, lgr_lever_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LgrItem, lgr_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LgrScenario, lgr_scenario_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LgrBenchmarkBand, lgr_benchmark_band_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LgrSnapshot, lgr_snapshot_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LgrStudy, lgr_study_free)

G_END_DECLS
