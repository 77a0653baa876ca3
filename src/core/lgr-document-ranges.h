/* lgr-document-ranges.h: the low and high of one uncertain input of a lever or item, and its
 * link across scenarios (a driver, docs/uncertainty.md), read and edited as the window's range
 * editors do it. Each edit is one undoable step of the document, checked by the same rules as
 * a file (lgr-uncertainty-rules.c), so a range on the wrong side of its number is refused with
 * the loader's words.
 *
 * Linking sets one driver on this input and on the matching input of every lever or item of
 * the same name, in any scenario, that has a range and measures the same thing (the same basis
 * for a cohort target, the same period for a unit cost target) - the way the bundled study
 * links the two new councils' care costs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lgr-document.h"

G_BEGIN_DECLS

typedef enum
{
  LGR_RANGED_COHORT_TARGET,     /* a lever's <cohort> target */
  LGR_RANGED_UNIT_COST_TARGET,  /* a lever's <unit-cost> target */
  LGR_RANGED_GROWTH_COHORT,     /* a lever's <growth> cohort (shares the element's driver) */
  LGR_RANGED_GROWTH_UNIT_COST,  /* a lever's <growth> unit-cost */
  LGR_RANGED_REALISATION_START, /* a lever's <realisation> start, whole years */
  LGR_RANGED_ITEM_VALUE,        /* an item's <spread> total or <recurring> amount */
  LGR_N_RANGED
} LgrRanged;

/* The range of one input as the study has it. Cheap: the window reads it on every change. */
typedef struct
{
  gboolean applies;     /* FALSE: no such input (an item of values per year), nothing else set */
  gboolean has_range;   /* its own low and high */
  double low, high;     /* with has_range */
  double central;       /* the number itself */
  const char *driver;   /* borrowed from the study, or NULL */
  gboolean linked;      /* another input shares its driver */
  double default_range; /* the study's default range (%) if it applies to this input, else 0 */
} LgrRangeInfo;

/* Reads the input quantity of lever or item entry_id of scenario_id. FALSE if there is no such
 * entry. */
gboolean lgr_range_info_get (const LgrStudy *study, const char *scenario_id, const char *entry_id,
                             LgrRanged quantity, LgrRangeInfo *info);

/* How many other inputs share the input's driver now (linked TRUE), or how many linking would
 * link (lgr_document_set_range_linked()); in words, "Two unitaries (South)", one a line, or
 * NULL if none. */
guint lgr_range_count_links (const LgrStudy *study, const char *scenario_id, const char *entry_id,
                             LgrRanged quantity, gboolean linked);
char *lgr_range_describe_links (const LgrStudy *study, const char *scenario_id,
                                const char *entry_id, LgrRanged quantity, gboolean linked);

/* Gives the input the range low..high (a realisation start without a year of its own takes
 * the year it had, so nothing moves). Refused, with the file's message, if a bound is on the
 * wrong side of the number or outside its limits. */
gboolean lgr_document_set_range (LgrDocument *self, const char *scenario_id, const char *entry_id,
                                 LgrRanged quantity, double low, double high, GError **error);
/* Takes the range away, and with it the input's link. */
gboolean lgr_document_clear_range (LgrDocument *self, const char *scenario_id, const char *entry_id,
                                   LgrRanged quantity, GError **error);
/* Links the input with its matches (keeping a driver one of them has already), or unlinks it
 * (a single input left on its driver is unlinked too), as one step. Linking an input without a
 * range, or with nothing to link it to, is refused. */
gboolean lgr_document_set_range_linked (LgrDocument *self, const char *scenario_id,
                                        const char *entry_id, LgrRanged quantity, gboolean linked,
                                        GError **error);

G_END_DECLS
