/* lgr-year-table.c: the year-by-year table.
 *
 * It keeps a reference to the results it shows. New results of the same shape (years) update
 * the labels of the rows on screen in place, and only those whose text changed; while the table
 * is not shown (another scenario's page) nothing is touched until it is mapped again, and while
 * it is scrolled out of view nothing is touched until it is scrolled (or laid out) into view: a
 * label's new text makes the whole window lay itself out again. */
#include <glib/gi18n.h>

#include "lgr-council-table.h"
#include "lgr-figure-label.h"
#include "lgr-format.h"
#include "lgr-rules.h"
#include "lgr-year-table.h"

struct _LgrYearTable
{
  GtkBox parent_instance;

  char *scenario_id;
  LgrResults *results;  /* a reference */
  GtkStringList *years; /* the model: one string per year */
  GtkWidget *view;
  GtkWidget *scroller; /* around the view */
  GtkWidget *councils; /* the split by council under it (LgrCouncilTable) */
  GPtrArray *cells;    /* of GtkListItem*, every cell the factories set up (not owned) */
  gboolean stale;      /* results changed while the table was not mapped or out of view */
  guint n_refreshes;
  GPtrArray *adjustments; /* of the scrolled windows around the table, while mapped */
  gulong layout_handler;  /* on the frame clock, while a refresh waits for a layout */
};

G_DEFINE_FINAL_TYPE (LgrYearTable, lgr_year_table, GTK_TYPE_BOX)

static const char *const column_titles[]
    = { N_ ("Year"),          N_ ("Cashable savings"), N_ ("Cost avoidance"),
        N_ ("One-off costs"), N_ ("Recurring costs"),  N_ ("Net"),
        N_ ("Cumulative") };

static const double *
series (const LgrScenarioResult *r, LgrYearColumn column)
{
  switch (column)
    {
    case LGR_YEAR_COLUMN_CASHABLE:
      return r->cashable_savings;
    case LGR_YEAR_COLUMN_AVOIDANCE:
      return r->cost_avoidance;
    case LGR_YEAR_COLUMN_ONE_OFF:
      return r->one_off_costs;
    case LGR_YEAR_COLUMN_RECURRING:
      return r->recurring_costs;
    case LGR_YEAR_COLUMN_NET:
      return r->net;
    case LGR_YEAR_COLUMN_CUMULATIVE:
      return r->cumulative;
    case LGR_YEAR_COLUMN_YEAR:
    case LGR_YEAR_N_COLUMNS:
    default:
      return NULL;
    }
}

static char *
cell_text (const LgrResults *results, const char *scenario_id, guint row, LgrYearColumn column)
{
  const LgrScenarioResult *r = results ? lgr_results_find (results, scenario_id) : NULL;

  if (r == NULL || row >= results->n_years)
    return g_strdup ("");
  if (column == LGR_YEAR_COLUMN_YEAR)
    return lgr_format_financial_year (results->first_year + (int)row);
  return lgr_format_money_exact (series (r, column)[row]);
}

char *
lgr_year_table_format (const LgrResults *results, const char *scenario_id, char separator)
{
  const LgrScenarioResult *r = lgr_results_find (results, scenario_id);
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (r != NULL, g_string_free (out, TRUE));

  for (int c = 0; c < LGR_YEAR_N_COLUMNS; c++)
    {
      if (c > 0)
        g_string_append_c (out, separator);
      if (separator == ',')
        g_string_append_printf (out, "\"%s\"", _ (column_titles[c]));
      else
        g_string_append (out, _ (column_titles[c]));
    }
  g_string_append_c (out, '\n');
  for (guint t = 0; t < results->n_years; t++)
    {
      g_autofree char *year = lgr_format_financial_year (results->first_year + (int)t);
      g_string_append (out, year);
      for (int c = 1; c < LGR_YEAR_N_COLUMNS; c++)
        {
          g_autofree char *number = lgr_number_to_string (series (r, c)[t]);
          g_string_append_c (out, separator);
          g_string_append (out, number);
        }
      g_string_append_c (out, '\n');
    }
  lgr_council_table_append_text (out, results, scenario_id, separator);
  return g_string_free (out, FALSE);
}

static void
setup_cell (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  /* A figure label: a cell in view whose figure changes keeps its size and only redraws. */
  GtkWidget *label = lgr_figure_label_new (NULL);
  LgrYearColumn column = GPOINTER_TO_INT (data);
  lgr_figure_label_set_xalign (LGR_FIGURE_LABEL (label), column == LGR_YEAR_COLUMN_YEAR ? 0 : 1);
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
  g_object_set_data (G_OBJECT (item), "lgr-column", data);
  g_ptr_array_add (((LgrYearTable *)g_object_get_data (G_OBJECT (factory), "lgr-table"))->cells,
                   item);
}

static void
teardown_cell (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  LgrYearTable *self = g_object_get_data (G_OBJECT (factory), "lgr-table");
  if (self->cells)
    g_ptr_array_remove_fast (self->cells, item);
}

/* Sets the label of a bound cell to what the results say, if that is not what it shows. */
static void
show_cell (LgrYearTable *self, GtkListItem *item)
{
  LgrYearColumn column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (item), "lgr-column"));
  LgrFigureLabel *label = LGR_FIGURE_LABEL (gtk_list_item_get_child (item));
  g_autofree char *text
      = cell_text (self->results, self->scenario_id, gtk_list_item_get_position (item), column);
  lgr_figure_label_set_text (label, text);
}

/* The part of the table inside every scrolled window around a cell (as last laid out), in the
 * table's coordinates; FALSE when none of it is. The cells share their scrolled windows, so this
 * is found once per refresh, not once per cell. */
static gboolean
visible_area (LgrYearTable *self, GtkWidget *cell, graphene_rect_t *area)
{
  gboolean first = TRUE;

  for (GtkWidget *a = gtk_widget_get_parent (cell); a; a = gtk_widget_get_parent (a))
    {
      graphene_rect_t bounds;

      if (!GTK_IS_SCROLLED_WINDOW (a))
        continue;
      if (!gtk_widget_compute_bounds (a, GTK_WIDGET (self), &bounds))
        continue;
      if (first)
        *area = bounds;
      else if (!graphene_rect_intersection (area, &bounds, area))
        return FALSE;
      first = FALSE;
    }
  if (first)
    *area = GRAPHENE_RECT_INIT (-G_MAXFLOAT / 2, -G_MAXFLOAT / 2, G_MAXFLOAT, G_MAXFLOAT);
  return TRUE;
}

/* Whether some of cell is inside area (in the table's coordinates). */
static gboolean
in_view (LgrYearTable *self, GtkWidget *cell, const graphene_rect_t *area)
{
  graphene_rect_t bounds;

  if (!gtk_widget_get_mapped (cell))
    return FALSE;
  if (!gtk_widget_compute_bounds (cell, GTK_WIDGET (self), &bounds))
    return TRUE;
  return bounds.origin.x < area->origin.x + area->size.width
         && bounds.origin.x + bounds.size.width > area->origin.x
         && bounds.origin.y < area->origin.y + area->size.height
         && bounds.origin.y + bounds.size.height > area->origin.y;
}

/* Brings the cells in view up to date; the others wait (stale) until they are in view. */
static void
refresh_cells (LgrYearTable *self)
{
  graphene_rect_t area;
  gboolean have_area = FALSE, visible = FALSE;

  self->stale = FALSE;
  for (guint i = 0; i < self->cells->len; i++)
    {
      GtkListItem *item = g_ptr_array_index (self->cells, i);
      GtkWidget *cell = gtk_list_item_get_child (item);

      if (gtk_list_item_get_item (item) == NULL)
        continue;
      if (!have_area && gtk_widget_get_mapped (cell))
        {
          visible = visible_area (self, cell, &area);
          have_area = TRUE;
        }
      if (have_area && visible && in_view (self, cell, &area))
        show_cell (self, item);
      else
        self->stale = TRUE;
    }
  self->n_refreshes++;
}

/* Brings every cell up to date, in view or not. */
static void
refresh_all_cells (LgrYearTable *self)
{
  for (guint i = 0; i < self->cells->len; i++)
    {
      GtkListItem *item = g_ptr_array_index (self->cells, i);
      if (gtk_list_item_get_item (item) != NULL)
        show_cell (self, item);
    }
  self->stale = FALSE;
  self->n_refreshes++;
}

/* Once the window has been laid out after a scroll or a change of size, the cells then in view
 * show their figures, in the same frame (setting a label makes the frame clock lay the window
 * out again before it paints). */
static void
on_after_layout (GdkFrameClock *clock, LgrYearTable *self)
{
  g_clear_signal_handler (&self->layout_handler, clock);
  if (self->stale)
    refresh_cells (self);
}

/* Adjustments change while the window is laid out or before it is, when the cells' new places are
 * not known yet: the cells are brought up to date after the layout. */
static void
queue_refresh (LgrYearTable *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (!self->stale || self->layout_handler || clock == NULL)
    return;
  self->layout_handler
      = g_signal_connect_after (clock, "layout", G_CALLBACK (on_after_layout), self);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_LAYOUT);
}

/* A scrolled window around the table scrolled, or changed size, or what it scrolls did. */
static void
on_adjustment_changed (GtkAdjustment *adjustment, LgrYearTable *self)
{
  queue_refresh (self);
}

static void
watch_scroller (LgrYearTable *self, GtkScrolledWindow *scroller)
{
  GtkAdjustment *adjustments[] = { gtk_scrolled_window_get_vadjustment (scroller),
                                   gtk_scrolled_window_get_hadjustment (scroller) };

  for (guint i = 0; i < G_N_ELEMENTS (adjustments); i++)
    {
      g_ptr_array_add (self->adjustments, g_object_ref (adjustments[i]));
      g_signal_connect_object (adjustments[i], "value-changed", G_CALLBACK (on_adjustment_changed),
                               self, 0);
      g_signal_connect_object (adjustments[i], "changed", G_CALLBACK (on_adjustment_changed), self,
                               0);
    }
}

/* The scrolled windows around the table, and the table's own (its columns scroll sideways). */
static void
watch_scrolling (LgrYearTable *self)
{
  watch_scroller (self, GTK_SCROLLED_WINDOW (self->scroller));
  for (GtkWidget *a = gtk_widget_get_parent (GTK_WIDGET (self)); a; a = gtk_widget_get_parent (a))
    if (GTK_IS_SCROLLED_WINDOW (a))
      watch_scroller (self, GTK_SCROLLED_WINDOW (a));
}

static void
unwatch_scrolling (LgrYearTable *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock)
    g_clear_signal_handler (&self->layout_handler, clock);
  self->layout_handler = 0;
  for (guint i = 0; i < self->adjustments->len; i++)
    g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->adjustments, i), self);
  g_ptr_array_set_size (self->adjustments, 0);
}

static void
bind_cell (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  show_cell (g_object_get_data (G_OBJECT (factory), "lgr-table"), item);
}

static void
on_copy (GtkButton *button, LgrYearTable *self)
{
  g_autofree char *text = NULL;
  if (self->results == NULL)
    return;
  text = lgr_year_table_format (self->results, self->scenario_id, '\t');
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
}

static void
lgr_year_table_map (GtkWidget *widget)
{
  LgrYearTable *self = LGR_YEAR_TABLE (widget);

  GTK_WIDGET_CLASS (lgr_year_table_parent_class)->map (widget);
  watch_scrolling (self);
  if (self->stale)
    refresh_all_cells (self);
}

static void
lgr_year_table_unmap (GtkWidget *widget)
{
  unwatch_scrolling (LGR_YEAR_TABLE (widget));
  GTK_WIDGET_CLASS (lgr_year_table_parent_class)->unmap (widget);
}

static void
lgr_year_table_finalize (GObject *object)
{
  LgrYearTable *self = LGR_YEAR_TABLE (object);
  g_free (self->scenario_id);
  g_clear_object (&self->years);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  if (self->adjustments)
    unwatch_scrolling (self);
  g_clear_pointer (&self->adjustments, g_ptr_array_unref);
  g_clear_pointer (&self->results, lgr_results_unref);
  G_OBJECT_CLASS (lgr_year_table_parent_class)->finalize (object);
}

static void
lgr_year_table_class_init (LgrYearTableClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lgr_year_table_finalize;
  GTK_WIDGET_CLASS (klass)->map = lgr_year_table_map;
  GTK_WIDGET_CLASS (klass)->unmap = lgr_year_table_unmap;
}

static void
lgr_year_table_init (LgrYearTable *self)
{
  GtkWidget *scrolled, *button;
  GtkSelectionModel *selection;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);

  self->cells = g_ptr_array_new ();
  self->adjustments = g_ptr_array_new_with_free_func (g_object_unref);
  self->years = gtk_string_list_new (NULL);
  selection
      = GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->years))));
  self->view = gtk_column_view_new (selection);
  gtk_column_view_set_show_column_separators (GTK_COLUMN_VIEW (self->view), TRUE);
  gtk_column_view_set_show_row_separators (GTK_COLUMN_VIEW (self->view), TRUE);
  gtk_widget_add_css_class (self->view, "data-table");
  gtk_widget_add_css_class (self->view, "lgr-year-table");
  for (int c = 0; c < LGR_YEAR_N_COLUMNS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;
      g_object_set_data (G_OBJECT (factory), "lgr-table", self);
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (c));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (c));
      g_signal_connect (factory, "teardown", G_CALLBACK (teardown_cell), GINT_TO_POINTER (c));
      column = gtk_column_view_column_new (_ (column_titles[c]), factory);
      gtk_column_view_column_set_expand (column, c != LGR_YEAR_COLUMN_YEAR);
      gtk_column_view_append_column (GTK_COLUMN_VIEW (self->view), column);
      g_object_unref (column);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Year-by-year figures"), -1);

  scrolled = self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_NEVER);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->view);
  gtk_widget_add_css_class (scrolled, "card");
  gtk_box_append (GTK_BOX (self), scrolled);

  button = gtk_button_new_with_mnemonic (_ ("_Copy Table"));
  gtk_widget_set_tooltip_text (button,
                               _ ("Copy the figures as tab-separated text for a spreadsheet"));
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  g_signal_connect (button, "clicked", G_CALLBACK (on_copy), self);
  gtk_box_append (GTK_BOX (self), button);

  self->councils = lgr_council_table_new ();
  gtk_box_append (GTK_BOX (self), self->councils);
}

GtkWidget *
lgr_year_table_new (const char *scenario_id)
{
  LgrYearTable *self = g_object_new (LGR_TYPE_YEAR_TABLE, NULL);
  self->scenario_id = g_strdup (scenario_id);
  return GTK_WIDGET (self);
}

const char *
lgr_year_table_get_scenario_id (LgrYearTable *self)
{
  g_return_val_if_fail (LGR_IS_YEAR_TABLE (self), NULL);
  return self->scenario_id;
}

void
lgr_year_table_set_results (LgrYearTable *self, const LgrResults *results)
{
  g_autoptr (GPtrArray) labels = NULL;
  g_autoptr (LgrResults) old = NULL;
  gboolean same_years;
  guint n_old;

  g_return_if_fail (LGR_IS_YEAR_TABLE (self));

  if (results == self->results)
    return;
  same_years = results && self->results && results->n_years == self->results->n_years
               && results->first_year == self->results->first_year;
  old = g_steal_pointer (&self->results);
  self->results = results ? lgr_results_ref (results) : NULL;
  lgr_council_table_set_results (LGR_COUNCIL_TABLE (self->councils), results, self->scenario_id);
  if (same_years)
    {
      /* The rows stay; their figures are brought up to date now if in view, else when in view. */
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        refresh_cells (self);
      else
        self->stale = TRUE;
      return;
    }

  labels = g_ptr_array_new_with_free_func (g_free);
  self->stale = FALSE;
  self->n_refreshes++;
  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->years));
  for (guint t = 0; results && t < results->n_years; t++)
    g_ptr_array_add (labels, lgr_format_financial_year (results->first_year + (int)t));
  g_ptr_array_add (labels, NULL);
  /* Replacing every row makes the view bind them again with the new figures. */
  gtk_string_list_splice (self->years, 0, n_old, (const char *const *)labels->pdata);
}

guint
lgr_year_table_get_n_refreshes (LgrYearTable *self)
{
  g_return_val_if_fail (LGR_IS_YEAR_TABLE (self), 0);
  return self->n_refreshes;
}

guint
lgr_year_table_get_n_rows (LgrYearTable *self)
{
  g_return_val_if_fail (LGR_IS_YEAR_TABLE (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->years));
}

char *
lgr_year_table_dup_cell (LgrYearTable *self, guint row, LgrYearColumn column)
{
  g_return_val_if_fail (LGR_IS_YEAR_TABLE (self), NULL);
  return cell_text (self->results, self->scenario_id, row, column);
}

char *
lgr_year_table_dup_label (LgrYearTable *self, guint row, LgrYearColumn column)
{
  g_return_val_if_fail (LGR_IS_YEAR_TABLE (self), NULL);
  for (guint i = 0; i < self->cells->len; i++)
    {
      GtkListItem *item = g_ptr_array_index (self->cells, i);
      if (gtk_list_item_get_item (item) != NULL && gtk_list_item_get_position (item) == row
          && GPOINTER_TO_INT (g_object_get_data (G_OBJECT (item), "lgr-column")) == (int)column)
        return g_strdup (
            lgr_figure_label_get_text (LGR_FIGURE_LABEL (gtk_list_item_get_child (item))));
    }
  return NULL;
}

LgrCouncilTable *
lgr_year_table_get_councils (LgrYearTable *self)
{
  g_return_val_if_fail (LGR_IS_YEAR_TABLE (self), NULL);
  return LGR_COUNCIL_TABLE (self->councils);
}
