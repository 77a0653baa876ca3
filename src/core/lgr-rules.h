/* lgr-rules.h: the rules of docs/format.md in one place.
 *
 * The loader checks every value it reads with these functions, and the window checks every value
 * a person types with the same ones, so a value is refused with the same reason wherever it
 * comes from. Messages are whole sentences fragments such as
 * "target rate 12000 is not between 0 and 10000"; callers add the file, line and the object.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "lgr-number.h"
#include "lgr-study.h"

G_BEGIN_DECLS

#define LGR_STUDY_ERROR (lgr_study_error_quark ())
GQuark lgr_study_error_quark (void);

typedef enum
{
  LGR_STUDY_ERROR_IO,        /* the file cannot be read or written */
  LGR_STUDY_ERROR_MALFORMED, /* not well-formed XML, empty, binary, truncated */
  LGR_STUDY_ERROR_UNSAFE,    /* DOCTYPE, entities, too large, too deep */
  LGR_STUDY_ERROR_VERSION,   /* made by a newer version */
  LGR_STUDY_ERROR_INVALID,   /* well-formed, but breaks a rule of docs/format.md */
} LgrStudyError;

/* Limits of docs/format.md */
#define LGR_MAX_FILE_SIZE (16 * 1024 * 1024)
#define LGR_MAX_DEPTH 32
/* Attributes in one start tag, namespace declarations included (the largest element, <lever>,
 * has 6). */
#define LGR_MAX_ATTRIBUTES 32
/* Bytes of an element or attribute name (the longest in the format has 19). */
#define LGR_MAX_NAME_BYTES 100
/* Bytes of one attribute value as written in the file, before any other check. */
#define LGR_MAX_ATTRIBUTE_BYTES (64 * 1024)
/* The largest amount, population, count or cost: with it every figure of 60 years at the
 * highest growth stays finite. */
#define LGR_MAX_AMOUNT 1e12
#define LGR_FORMAT_VERSION 1

typedef enum
{
  LGR_RANGE_YEARS,           /* timeline length: whole number 1..60 */
  LGR_RANGE_FIRST_YEAR,      /* whole number 1900..2200 */
  LGR_RANGE_YEAR,            /* any financial year the file names: whole number 1800..2300 */
  LGR_RANGE_NON_NEGATIVE,    /* populations, counts, costs, totals, amounts: [0, 10^12] */
  LGR_RANGE_RATE,            /* rates per 10,000: [0, 10000] */
  LGR_RANGE_PROFILE,         /* profile values: [0, 100] */
  LGR_RANGE_GROWTH,          /* growth: [-100, 1000] */
  LGR_RANGE_WEEKS,           /* weeks per year: (0, 53] */
  LGR_RANGE_DRAWS,           /* Monte Carlo draws: whole number 100..1,000,000 */
  LGR_RANGE_SEED,            /* Monte Carlo seed: whole number 0..2^53 */
  LGR_RANGE_PERCENT,         /* the default range: [0, 100] */
  LGR_RANGE_SETTING_PERCENT, /* benefit realisation, cost contingency: [0, 1000] */
  LGR_RANGE_DISCOUNT,        /* discount rate: [-50, 100] */
  LGR_RANGE_MONEY            /* a published net or cumulative, either sign: [-10^12, 10^12] */
} LgrRange;

/* How long a text or other value may be, in characters. The default (0) is a name's. */
typedef enum
{
  LGR_LENGTH_NAME, /* titles, names, services, measures and any short value: 200 */
  LGR_LENGTH_ID,   /* ids: 64 */
  LGR_LENGTH_NOTE  /* descriptions, sources and profiles: 10,000 */
} LgrLength;

/* Parses a number written with a dot decimal, the whole string consumed, finite. Accepts an
 * optional minus sign, digits, a fraction and an exponent; refuses spaces, commas, "nan", "inf",
 * hexadecimal. On failure sets a message such as "“1,5” is not a number (use a dot for decimals)". */
gboolean lgr_parse_number (const char *text, double *value, GError **error);

/* The same, naming the value in the message: "target rate “1,5” is not a number (use a dot for
 * decimals)". what may be NULL. */
gboolean lgr_parse_number_for (const char *text, const char *what, double *value, GError **error);

/* Parses a whole number (optional minus, digits only). */
gboolean lgr_parse_int (const char *text, int *value, GError **error);

gboolean lgr_parse_int_for (const char *text, const char *what, int *value, GError **error);

/* Parses a profile: numbers separated by spaces, at least one, each in [0, 100]. */
gboolean lgr_parse_profile (const char *text, LgrProfile *profile, GError **error);

char *lgr_profile_to_string (const LgrProfile *profile);

/* Checks value against a range. what names the value in the message, e.g. "target rate":
 * "target rate 12000 is not between 0 and 10000". */
gboolean lgr_check_range (LgrRange range, double value, const char *what, GError **error);

/* Whether value is in the range, with no message (cheap: no allocation, no translation). */
gboolean lgr_range_contains (LgrRange range, double value);

/* The most characters a value of that length may have. */
guint lgr_length_max (LgrLength length);

/* Checks that text has at most lgr_length_max (length) characters: "the name is 250 characters
 * long, and at most 200 are allowed". Cheap when it passes. */
gboolean lgr_check_length (const char *text, LgrLength length, const char *what, GError **error);

/* Ids match [A-Za-z0-9_-]+, at most 64 characters. */
gboolean lgr_check_id (const char *id, GError **error);

/* A colour is "#rrggbb". */
gboolean lgr_check_colour (const char *colour, GError **error);

/* Text a file can hold: valid UTF-8 without control characters other than tab and newline.
 * If required, it must also have something other than spaces. what names it ("the name"). */
gboolean lgr_check_text (const char *text, const char *what, gboolean required, GError **error);

/* The same test without a message (cheap: no allocation, no translation). */
gboolean lgr_text_is_valid (const char *text, gboolean required);

/* What a cohort value is called in messages: "baseline rate", "target number of people". */
const char *lgr_cohort_value_name (LgrCohortBasis basis, gboolean target);

/* The range a cohort value must be in: rates per 10,000 or a non-negative count. */
LgrRange lgr_cohort_range (LgrCohortBasis basis);

/* A spread profile must sum to 100 within 0.01: "the spread sums to 90, not 100". */
gboolean lgr_check_spread (const LgrProfile *profile, GError **error);

/* The rules that tie parts together: unique ids, a lever's authority exists, a spread only on a
 * one-off cost and summing to 100, every value in range. Used after loading (filename is then
 * the file's display name and messages carry each object's line) and by editors before they
 * apply a change (filename NULL). Sets LGR_STUDY_ERROR_INVALID. */
gboolean lgr_study_validate (const LgrStudy *study, const char *filename, GError **error);
/* The same for a study that was valid before one of its scenarios changed (its content, not
 * its id) and nothing else: the scenario and the rules across scenarios. A drag's step checks
 * one scenario, not all of them. */
gboolean lgr_study_validate_scenario_edit (const LgrStudy *study, const LgrScenario *scenario,
                                           GError **error);

/* Same for one lever or item in its scenario (used by editors; no file, no line). These do not
 * check that the id is unique (the lever may replace one with the same id): see
 * lgr_scenario_has_id(), or validate the whole study with the change applied. */
gboolean lgr_lever_validate (const LgrLever *lever, const LgrScenario *scenario, GError **error);
/* An item in scenario: its authority, if it names one, must be one of scenario's (not checked
 * without a scenario). */
gboolean lgr_item_validate_in (const LgrItem *item, const LgrScenario *scenario, GError **error);
static inline gboolean
lgr_item_validate (const LgrItem *item, GError **error)
{
  return lgr_item_validate_in (item, NULL, error);
}

/* An authority's own values: its name, population and child population (not its id). */
gboolean lgr_authority_validate (const LgrAuthority *authority, GError **error);

/* The title, timeline and settings of a study (its scenarios and benchmarks are not looked at):
 * a title, and every value in range. */
gboolean lgr_study_validate_settings (const LgrStudy *settings, GError **error);

/* The checks of a rule file (lgr-rules.c, lgr-study-validate.c), quick when the value is good:
 * what (untranslated, N_) is translated only when the check fails. */
#define LGR_CHECK_RANGE(range, value, what, error)                                                 \
  (lgr_range_contains ((range), (value)) || lgr_check_range ((range), (value), _ (what), (error)))
/* Text of at most LGR_LENGTH_length characters */
#define LGR_CHECK_TEXT_OF(text, what, required, length, error)                                     \
  ((lgr_text_is_valid ((text), (required))                                                         \
    || lgr_check_text ((text), _ (what), (required), (error)))                                     \
   && lgr_check_length ((text), LGR_LENGTH_##length, _ (what), (error)))
/* Text of a name's length at most */
#define LGR_CHECK_TEXT(text, what, required, error)                                                \
  LGR_CHECK_TEXT_OF (text, what, required, NAME, error)

G_END_DECLS
