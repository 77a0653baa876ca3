/* lgr-charts-studies.h: studies built in code for the chart tests and the chart benchmark, so
 * they exercise every corner (one year, sixty years, eight scenarios, all zero, £10bn, negative
 * savings) without depending on a file. */
#pragma once

#include "lgr-study.h"

G_BEGIN_DECLS

typedef enum
{
  LGR_CHARTS_STUDY_NORMAL,   /* costs first, savings later: payback and peak funding */
  LGR_CHARTS_STUDY_ZERO,     /* every value zero */
  LGR_CHARTS_STUDY_HUGE,     /* £10bn a year */
  LGR_CHARTS_STUDY_NEGATIVE, /* targets worse than baselines: negative savings */
} LgrChartsStudyMode;

/* The bundled Warwickshire study (from the core library's resource). */
LgrStudy *lgr_charts_test_warwickshire (void);

/* n_scenarios scenarios over years years starting 2025, each with two authorities, a
 * looked-after children lever per authority, an adult lever, an avoidance lever and the four
 * kinds of item. */
LgrStudy *lgr_charts_test_study (guint n_scenarios, guint years, LgrChartsStudyMode mode);

G_END_DECLS
