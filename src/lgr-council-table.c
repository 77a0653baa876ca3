/* lgr-council-table.c: a scenario's net split by council, under its year-by-year table
 * (lgr-council-table.h).
 *
 * A small grid of labels: a few rows, one column per year. It is rebuilt when the shape
 * changes (authorities or years); otherwise only the labels whose text changed are set, and
 * not at all while the table is not shown (another scenario's page). */
#include <glib/gi18n.h>
#include <string.h>

#include "lgr-council-table.h"
#include "lgr-figure-label.h"
#include "lgr-format.h"
#include "lgr-number.h"
#include "lgr-results-authority.h"

struct _LgrCouncilTable
{
  GtkBox parent_instance;

  LgrResults *results; /* a reference, or NULL */
  char *scenario_id;
  GtkWidget *grid;
  GPtrArray *cells; /* of GtkWidget (owned by the grid): the figures' rows, row by row */
  guint n_rows;     /* of figures, shown in the grid */
  guint n_columns;  /* the name, the years and the total */
  int first_year;
  gboolean stale; /* results changed while the table was not mapped */
};

G_DEFINE_FINAL_TYPE (LgrCouncilTable, lgr_council_table, GTK_TYPE_BOX)

/* A cell of the figures' rows (row 1 is the first under the header). Kept in an array: the
 * grid finds a child by walking them all, and every change sets every cell. */
static GtkWidget *
cell (LgrCouncilTable *self, guint row, guint column)
{
  return g_ptr_array_index (self->cells, (row - 1) * self->n_columns + column);
}

static void
set_cell (LgrCouncilTable *self, guint row, guint column, const char *text)
{
  GtkWidget *widget = cell (self, row, column);

  if (LGR_IS_FIGURE_LABEL (widget))
    lgr_figure_label_set_text (LGR_FIGURE_LABEL (widget), text); /* a no-op when unchanged */
  else if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) != 0)
    gtk_label_set_text (GTK_LABEL (widget), text);
}

static void
clear_grid (LgrCouncilTable *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->grid)) != NULL)
    gtk_grid_remove (GTK_GRID (self->grid), child);
  g_ptr_array_set_size (self->cells, 0);
  self->n_rows = self->n_columns = 0;
}

/* The header (years) and a label in every cell, for n_rows rows of n_years years. */
static void
build_grid (LgrCouncilTable *self, guint n_rows, guint n_years, int first_year)
{
  clear_grid (self);
  self->n_rows = n_rows;
  self->n_columns = n_years + 2;
  self->first_year = first_year;
  for (guint c = 0; c < self->n_columns; c++)
    {
      g_autofree char *head = c == 0         ? g_strdup (_ ("Net, £ per year"))
                              : c <= n_years ? lgr_format_financial_year (first_year + (int)c - 1)
                                             : g_strdup (_ ("Total"));
      GtkWidget *label = gtk_label_new (head);
      gtk_label_set_xalign (GTK_LABEL (label), c == 0 ? 0 : 1);
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_grid_attach (GTK_GRID (self->grid), label, (int)c, 0, 1, 1);
    }
  for (guint r = 1; r <= n_rows; r++)
    for (guint c = 0; c < self->n_columns; c++)
      {
        GtkWidget *label;
        if (c == 0)
          {
            label = gtk_label_new (NULL);
            gtk_label_set_xalign (GTK_LABEL (label), 0);
            gtk_label_set_wrap (GTK_LABEL (label), TRUE);
            gtk_label_set_width_chars (GTK_LABEL (label), 20);
            gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
            if (r == n_rows)
              {
                /* the scenario's net, in bold at the size of the others */
                PangoAttrList *bold = pango_attr_list_new ();
                pango_attr_list_insert (bold, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
                gtk_label_set_attributes (GTK_LABEL (label), bold);
                pango_attr_list_unref (bold);
              }
          }
        else
          {
            label = lgr_figure_label_new (NULL);
            lgr_figure_label_set_xalign (LGR_FIGURE_LABEL (label), 1);
            gtk_widget_add_css_class (label, "numeric");
          }
        gtk_grid_attach (GTK_GRID (self->grid), label, (int)c, (int)r, 1, 1);
        g_ptr_array_add (self->cells, label);
      }
}

static void
show_results (LgrCouncilTable *self)
{
  const LgrScenarioResult *r = NULL;
  g_autoptr (LgrAuthoritySplit) split = NULL;
  g_autofree char *scenario_name = NULL;
  guint n;

  self->stale = FALSE;
  if (self->results && self->scenario_id)
    r = lgr_results_find (self->results, self->scenario_id);
  if (r == NULL || !lgr_scenario_result_has_councils (r))
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      clear_grid (self);
      return;
    }
  n = self->results->n_years;
  split = lgr_authority_split_new (self->results, r);
  if (self->n_rows != split->n_parts + 1 || self->n_columns != n + 2
      || self->first_year != self->results->first_year)
    build_grid (self, split->n_parts + 1, n, self->results->first_year);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);

  scenario_name = lgr_format_truncate (r->scenario->name, LGR_FORMAT_MAX_NAME_CHARS);
  for (guint row = 0; row < self->n_rows; row++)
    {
      gboolean whole = row == split->n_parts;
      const double *net = whole ? r->net : split->parts[row].net;
      g_autofree char *label
          /* Translators: the row the councils and shared items add up to: "Two unitaries: net" */
          = whole ? g_strdup_printf (_ ("%s: net"), scenario_name)
                  : lgr_authority_part_label (&split->parts[row]);

      set_cell (self, row + 1, 0, label);
      for (guint t = 0; t <= n; t++)
        {
          g_autofree char *text = lgr_format_money (t < n   ? net[t]
                                                    : whole ? r->total_net
                                                            : split->parts[row].total_net);
          set_cell (self, row + 1, t + 1, text);
        }
    }
}

void
lgr_council_table_append_text (GString *out, const LgrResults *results, const char *scenario_id,
                               char separator)
{
  const LgrScenarioResult *r = lgr_results_find (results, scenario_id);
  g_autoptr (LgrAuthoritySplit) split = NULL;
  g_autofree char *scenario_name = NULL;
  guint n = results->n_years;

  if (r == NULL || !lgr_scenario_result_has_councils (r))
    return;
  split = lgr_authority_split_new (results, r);
  scenario_name = lgr_format_truncate (r->scenario->name, LGR_FORMAT_MAX_NAME_CHARS);
  g_string_append_printf (out, "\n%s", _ ("Net by council"));
  for (guint t = 0; t < n; t++)
    {
      g_autofree char *year = lgr_format_financial_year (results->first_year + (int)t);
      g_string_append_printf (out, "%c%s", separator, year);
    }
  g_string_append_printf (out, "%c%s\n", separator, _ ("Total"));
  for (guint row = 0; row <= split->n_parts; row++)
    {
      gboolean whole = row == split->n_parts;
      const double *net = whole ? r->net : split->parts[row].net;
      g_autofree char *label = whole ? g_strdup_printf (_ ("%s: net"), scenario_name)
                                     : lgr_authority_part_label (&split->parts[row]);

      /* a label with the separator or a quote is quoted, as CSV does */
      if (strchr (label, separator) || strchr (label, '"'))
        {
          g_auto (GStrv) parts = g_strsplit (label, "\"", -1);
          g_autofree char *doubled = g_strjoinv ("\"\"", parts);
          g_string_append_printf (out, "\"%s\"", doubled);
        }
      else
        g_string_append (out, label);
      for (guint t = 0; t <= n; t++)
        {
          g_autofree char *number = lgr_number_to_string (t < n   ? net[t]
                                                          : whole ? r->total_net
                                                                  : split->parts[row].total_net);
          g_string_append_c (out, separator);
          g_string_append (out, number);
        }
      g_string_append_c (out, '\n');
    }
}

static void
lgr_council_table_map (GtkWidget *widget)
{
  LgrCouncilTable *self = LGR_COUNCIL_TABLE (widget);

  GTK_WIDGET_CLASS (lgr_council_table_parent_class)->map (widget);
  if (self->stale)
    show_results (self);
}

static void
lgr_council_table_finalize (GObject *object)
{
  LgrCouncilTable *self = LGR_COUNCIL_TABLE (object);

  g_clear_pointer (&self->results, lgr_results_unref);
  g_free (self->scenario_id);
  g_ptr_array_unref (self->cells);
  G_OBJECT_CLASS (lgr_council_table_parent_class)->finalize (object);
}

static void
lgr_council_table_class_init (LgrCouncilTableClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lgr_council_table_finalize;
  GTK_WIDGET_CLASS (klass)->map = lgr_council_table_map;
}

static void
lgr_council_table_init (LgrCouncilTable *self)
{
  GtkWidget *title, *scrolled;

  self->cells = g_ptr_array_new ();
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);

  title = gtk_label_new (_ ("By council"));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (self), title);

  self->grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (self->grid), 10);
  gtk_grid_set_row_spacing (GTK_GRID (self->grid), 6);
  gtk_widget_set_margin_start (self->grid, 12);
  gtk_widget_set_margin_end (self->grid, 12);
  gtk_widget_set_margin_top (self->grid, 8);
  gtk_widget_set_margin_bottom (self->grid, 8);
  gtk_widget_add_css_class (self->grid, "lgr-year-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->grid), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Net by council, year by year"), -1);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_NEVER);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->grid);
  gtk_widget_add_css_class (scrolled, "card");
  gtk_box_append (GTK_BOX (self), scrolled);
}

GtkWidget *
lgr_council_table_new (void)
{
  return g_object_new (LGR_TYPE_COUNCIL_TABLE, NULL);
}

void
lgr_council_table_set_results (LgrCouncilTable *self, const LgrResults *results,
                               const char *scenario_id)
{
  g_autoptr (LgrResults) old = NULL;

  g_return_if_fail (LGR_IS_COUNCIL_TABLE (self));

  old = g_steal_pointer (&self->results);
  self->results = results ? lgr_results_ref (results) : NULL;
  if (g_strcmp0 (self->scenario_id, scenario_id) != 0)
    {
      g_free (self->scenario_id);
      self->scenario_id = g_strdup (scenario_id);
    }
  /* hidden: shown (or kept hidden) now, so that the page's layout is right when it is mapped */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) || !gtk_widget_get_visible (GTK_WIDGET (self)))
    show_results (self);
  else
    self->stale = TRUE;
}

guint
lgr_council_table_get_n_rows (LgrCouncilTable *self)
{
  g_return_val_if_fail (LGR_IS_COUNCIL_TABLE (self), 0);
  if (self->stale)
    show_results (self);
  return gtk_widget_get_visible (GTK_WIDGET (self)) ? self->n_rows : 0;
}

char *
lgr_council_table_dup_cell (LgrCouncilTable *self, guint row, guint column)
{
  GtkWidget *widget;

  g_return_val_if_fail (LGR_IS_COUNCIL_TABLE (self), NULL);
  if (self->stale)
    show_results (self);
  if (row >= self->n_rows || column >= self->n_columns)
    return NULL;
  widget = cell (self, row + 1, column);
  if (LGR_IS_FIGURE_LABEL (widget))
    return g_strdup (lgr_figure_label_get_text (LGR_FIGURE_LABEL (widget)));
  return g_strdup (gtk_label_get_text (GTK_LABEL (widget)));
}
