/* lgr-published.h: figures a published document gives for a scenario (<published>,
 * docs/format.md), their rules, and each beside the figure the app computes.
 *
 * The rules are here once, for the loader (lgr-study-schema-published.c, at the element's
 * line) and lgr_study_validate() alike. The computed figure is the one --summary gives,
 * taken from the scenario's results, never worked out again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "lgr-results.h"
#include "lgr-study.h"

G_BEGIN_DECLS

/* Net and cumulative are of one year and need it; the others take none. */
gboolean lgr_published_measure_takes_year (LgrPublishedMeasure measure);

/* The rules of one published figure of scenario, but its source text: a measure that exists, a
 * year where the measure needs one and only there, within the study's timeline, a value within
 * the money cap (payback and peak funding not negative), the measure (and year) once in the
 * scenario (against those before it). On failure attribute is the attribute at fault, or NULL
 * for the element. */
gboolean lgr_published_check (const LgrStudy *study, const LgrScenario *scenario,
                              const LgrPublished *published, const char **attribute,
                              GError **error);
/* Every published figure of the study, with its source: "FILE:LINE: scenario “two”: ...". */
gboolean lgr_published_validate_all (const LgrStudy *study, const char *filename, GError **error);

/* The figure the app computes for it: FALSE when there is none (no payback within the
 * timeline, nothing to pay back, a year the results do not cover). */
gboolean lgr_published_computed (const LgrResults *results, const LgrScenarioResult *result,
                                 const LgrPublished *published, double *computed);
/* computed - published, and 0 (never -0) within half a penny, as every money figure
 * (docs/model.md, "Zero is half a penny"); for payback, within 0.005 years. */
double lgr_published_difference (double computed, double published);

/* For people: "Payback", "Net in 2028/29", "Cumulative by 2032/33". */
char *lgr_published_title (const LgrPublished *published);
/* "3.3 years" for a payback, else money: "£57.1m". */
char *lgr_published_format_value (const LgrPublished *published, double value);
/* "0.07 years sooner", "£75k more", "the same". */
char *lgr_published_format_difference (const LgrPublished *published, double difference);
/* "Published payback 3.3 years · computed 3.23 years · 0.07 years sooner"; without a computed
 * figure, "· not computed: no payback by 2034/35" or the like. */
char *lgr_published_describe (const LgrPublished *published, const LgrResults *results,
                              const LgrScenarioResult *result);

G_END_DECLS
