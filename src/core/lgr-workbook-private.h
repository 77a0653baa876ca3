/* lgr-workbook-private.h: what the workbook's two files share - the layout of its sheets (the
 * Inputs tables' columns, a scenario sheet's rows), the book being written and small cell
 * helpers. lgr-workbook-inputs.c writes the Inputs sheet; lgr-workbook.c the rest.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <xlsxwriter.h>

#include "lgr-results.h"

G_BEGIN_DECLS

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
  IT_AUTHORITY, /* its council's id, or "(shared)" */
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
      *text_input, *calc, *share, *wrap, *realised, *realised_input, *contingency,
      *contingency_input;
  guint lever_profile_cols, item_profile_cols;
  guint levers_row, items_row; /* first data row of each Inputs table */
  GHashTable *authority_rows;  /* LgrAuthority* -> row + 1 */
  char **sheet_names;          /* per scenario */
  char **sheet_refs;           /* "'One unitary'!" per scenario */
} Book;

static inline void
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
static inline char *
input_cell (guint row, guint col)
{
  char c[8];
  col_name (col, c);
  return g_strdup_printf ("Inputs!$%s$%u", c, row + 1);
}

/* "D$5": a cell of a scenario sheet's year column, the row fixed. */
static inline char *
year_cell (guint row, guint col)
{
  char c[8];
  col_name (col, c);
  return g_strdup_printf ("%s$%u", c, row + 1);
}

/* "Inputs!$V$12:$Z$12" */
static inline char *
input_range (guint row, guint first_col, guint n_cols)
{
  char a[8], b[8];
  col_name (first_col, a);
  col_name (first_col + MAX (n_cols, 1) - 1, b);
  return g_strdup_printf ("Inputs!$%s$%u:$%s$%u", a, row + 1, b, row + 1);
}

static inline void
formula (Book *b, lxw_worksheet *ws, guint row, guint col, const char *f, lxw_format *format,
         double value)
{
  worksheet_write_formula_num (ws, row, col, f, format, value);
}

/* Inputs */

static inline void
write_headers (Book *b, lxw_worksheet *ws, guint row, const char *const *names, guint first_col)
{
  for (guint i = 0; names[i]; i++)
    worksheet_write_string (ws, row, first_col + i, names[i], b->header);
}

/* The Inputs sheet: every setting, authority, lever and item with its source (named cells for
 * the settings); sets b->levers_row, b->items_row and b->authority_rows. */
void lgr_workbook_write_inputs (Book *b);

G_END_DECLS
