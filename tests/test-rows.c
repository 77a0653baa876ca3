/* test-rows.c: the sidebar's lever and item rows under Xvfb, driven through their widgets and
 * through the document.
 *
 * Rows follow the document by themselves: an edit touches the row of the lever it changed and
 * no other (counted as property notifications of the rows' widgets), undo restores the row,
 * refusals stay where they were typed, a drag is one undo step, and rows go with their lever,
 * their scenario and their window. Waiting is done by iterating the main context until a
 * condition holds, with a timeout; never by sleeping. */
#include <adwaita.h>
#include <string.h>

#include "lgr-item-row.h"
#include "lgr-lever-row.h"
#include "lgr-row-summary.h"
#include "lgr-scenario-sidebar.h"
#include "lgr-source-editor.h"
#include "lgr-test-util.h"
#include "lgr-test-window.h"
#include "lgr-window-private.h"

typedef struct
{
  GtkWidget *window;
  LgrScenarioSidebar *sidebar;
  LgrDocument *document;
} Fixture;

/* The bundled study, with scenario "two" given extra copies of north-lac ("lever-1", ...)
 * up to n_levers levers. */
static LgrDocument *
document_with_levers (guint n_levers)
{
  LgrStudy *study = lgr_test_load_bundled ();
  LgrScenario *two = lgr_study_find_scenario (study, "two");
  const LgrLever *model = lgr_scenario_find_lever (two, "north-lac");

  for (guint i = two->levers->len; i < n_levers; i++)
    {
      LgrLever *lever = lgr_lever_copy (model);
      g_free (lever->id);
      lever->id = g_strdup_printf ("lever-%u", i);
      g_free (lever->name);
      lever->name = g_strdup_printf ("Lever %u", i);
      lgr_test_set_cohort_target (lever, 40 + i % 20);
      g_ptr_array_add (two->levers, lever);
    }
  return lgr_document_new (study, NULL);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();

  f->document = document_with_levers (GPOINTER_TO_UINT (data));
  f->window = gtk_window_new ();
  f->sidebar = LGR_SCENARIO_SIDEBAR (lgr_scenario_sidebar_new ());
  g_object_add_weak_pointer (G_OBJECT (f->sidebar), (gpointer *)&f->sidebar);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (f->sidebar));
  gtk_window_set_child (GTK_WINDOW (f->window), scroller);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 480, 900);
  lgr_scenario_sidebar_set_document (f->sidebar, f->document);
  lgr_scenario_sidebar_select (f->sidebar, "two");
  gtk_window_present (GTK_WINDOW (f->window));
  lgr_test_settle ();
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  lgr_test_settle ();
  g_assert_null (f->sidebar);
  g_assert_finalize_object (f->document);
}

static const LgrLever *
lever_of (Fixture *f, const char *id)
{
  return lgr_scenario_find_lever (
      lgr_study_find_scenario (lgr_document_get_study (f->document), "two"), id);
}

static LgrLeverRow *
row_of (Fixture *f, const char *id)
{
  LgrLeverRow *row = lgr_scenario_sidebar_find_lever_row (f->sidebar, id);
  g_assert_nonnull (row);
  return row;
}

static LgrNumberRow *
field_of (Fixture *f, const char *id, LgrLeverField field)
{
  LgrNumberRow *row = lgr_lever_row_get_field (row_of (f, id), field);
  g_assert_nonnull (row);
  return row;
}

/* Property notifications of every widget of each lever row: what the document changed in it. */
typedef struct
{
  GHashTable *counts; /* lever id -> guint */
  GPtrArray *watched; /* of GtkWidget* (a reference) */
} Touches;

static void
on_notify (GObject *object, GParamSpec *pspec, gpointer data)
{
  GHashTable *counts = g_object_get_data (object, "lgr-test-counts");
  const char *id = data;
  g_hash_table_insert (counts, (gpointer)id,
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, id)) + 1));
}

static void
watch_tree (Touches *t, GtkWidget *widget, const char *id)
{
  g_object_set_data (G_OBJECT (widget), "lgr-test-counts", t->counts);
  g_signal_connect (widget, "notify", G_CALLBACK (on_notify), (gpointer)id);
  g_ptr_array_add (t->watched, g_object_ref (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    watch_tree (t, child, id);
}

static void
touches_start (Touches *t, Fixture *f)
{
  const LgrScenario *two = lgr_study_find_scenario (lgr_document_get_study (f->document), "two");

  t->counts = g_hash_table_new (g_str_hash, g_str_equal);
  t->watched = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < two->levers->len; i++)
    {
      const LgrLever *lever = g_ptr_array_index (two->levers, i);
      LgrLeverRow *row = row_of (f, lever->id);
      watch_tree (t, GTK_WIDGET (row), lgr_lever_row_get_lever_id (row));
    }
}

static guint
touches_of (Touches *t, const char *id)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (t->counts, id));
}

static void
touches_stop (Touches *t)
{
  for (guint i = 0; i < t->watched->len; i++)
    g_signal_handlers_disconnect_matched (g_ptr_array_index (t->watched, i), G_SIGNAL_MATCH_FUNC, 0,
                                          0, NULL, on_notify, NULL);
  g_ptr_array_unref (t->watched);
  g_hash_table_unref (t->counts);
}

static void
set_target (Fixture *f, const char *id, double target)
{
  g_autoptr (LgrLever) lever = lgr_lever_copy (lever_of (f, id));
  g_autoptr (GError) error = NULL;

  lever->cohort_target = target;
  g_assert_true (lgr_document_set_lever (f->document, "two", lever, NULL, &error));
  g_assert_no_error (error);
}

/* Only the selected scenario has rows, one per lever, in its groups. */
static void
test_rows_of_selected (Fixture *f, gconstpointer data)
{
  const LgrScenario *two = lgr_study_find_scenario (lgr_document_get_study (f->document), "two");
  guint n = 0;

  for (guint i = 0; i < two->levers->len; i++)
    g_assert_nonnull (row_of (f, ((LgrLever *)g_ptr_array_index (two->levers, i))->id));
  for (GtkWidget *w = GTK_WIDGET (f->sidebar); w;)
    {
      /* Depth-first walk of the whole sidebar */
      if (LGR_IS_LEVER_ROW (w))
        n++;
      if (gtk_widget_get_first_child (w))
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w && w != GTK_WIDGET (f->sidebar) && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = (w && w != GTK_WIDGET (f->sidebar)) ? gtk_widget_get_next_sibling (w) : NULL;
        }
    }
  g_assert_cmpuint (n, ==, two->levers->len);
  g_assert_null (lgr_scenario_sidebar_find_lever_row (f->sidebar, "lac")); /* of "one" */

  lgr_scenario_sidebar_select (f->sidebar, "one");
  g_assert_nonnull (row_of (f, "lac"));
  g_assert_null (lgr_scenario_sidebar_find_lever_row (f->sidebar, "north-lac"));
}

/* An edit through the document updates the row of that lever and touches no other. */
static void
test_edit_touches_one_row (Fixture *f, gconstpointer data)
{
  Touches t;
  LgrLeverRow *row = row_of (f, "lever-20");
  const char *before = lgr_row_get_summary (ADW_EXPANDER_ROW (row));
  g_autofree char *subtitle = g_strdup (before);
  const LgrScenario *two;

  lgr_test_settle ();
  touches_start (&t, f);
  set_target (f, "lever-20", 33);
  lgr_test_settle ();
  g_assert_cmpfloat (
      lgr_number_row_get_value (field_of (f, "lever-20", LGR_LEVER_FIELD_COHORT_TARGET)), ==, 33);
  g_assert_cmpstr (lgr_row_get_summary (ADW_EXPANDER_ROW (row)), !=, subtitle);
  g_assert_cmpuint (touches_of (&t, "lever-20"), >, 0);
  two = lgr_study_find_scenario (lgr_document_get_study (f->document), "two");
  for (guint i = 0; i < two->levers->len; i++)
    {
      const char *id = ((LgrLever *)g_ptr_array_index (two->levers, i))->id;
      if (strcmp (id, "lever-20") != 0)
        g_assert_cmpuint (touches_of (&t, id), ==, 0);
    }
  /* The same rows, not new ones. */
  g_assert_true (row == row_of (f, "lever-20"));
  touches_stop (&t);
}

/* Undo shows the lever's values again, in the same row. */
static void
test_undo_restores (Fixture *f, gconstpointer data)
{
  LgrLeverRow *row = row_of (f, "north-lac");
  LgrNumberRow *target = field_of (f, "north-lac", LGR_LEVER_FIELD_COHORT_TARGET);
  LgrNumberRow *cost = field_of (f, "north-lac", LGR_LEVER_FIELD_UNIT_COST_TARGET);
  g_autofree char *subtitle = g_strdup (lgr_row_get_summary (ADW_EXPANDER_ROW (row)));
  g_autofree char *cost_text = g_strdup (gtk_editable_get_text (lgr_number_row_get_entry (cost)));
  GtkWidget *name = lgr_lever_row_get_editor (row, LGR_LEVER_EDITOR_NAME);

  g_assert_cmpfloat (lgr_number_row_get_value (target), ==, 55);
  lgr_number_row_commit_text (target, "61");
  lgr_number_row_commit_text (cost, "2000");
  gtk_editable_set_text (GTK_EDITABLE (name), "Looked-after children");
  g_signal_emit_by_name (name, "apply");
  g_assert_cmpfloat (lever_of (f, "north-lac")->cohort_target, ==, 61);
  g_assert_cmpfloat (lever_of (f, "north-lac")->unit_cost_target, ==, 2000);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Looked-after children");

  for (int i = 0; i < 3; i++)
    g_assert_true (lgr_document_undo (f->document));
  g_assert_false (lgr_document_can_undo (f->document));
  g_assert_true (row == row_of (f, "north-lac"));
  g_assert_cmpfloat (lgr_number_row_get_value (target), ==, 55);
  g_assert_cmpstr (gtk_editable_get_text (lgr_number_row_get_entry (target)), ==, "55");
  g_assert_cmpstr (gtk_editable_get_text (lgr_number_row_get_entry (cost)), ==, cost_text);
  g_assert_cmpstr (lgr_row_get_summary (ADW_EXPANDER_ROW (row)), ==, subtitle);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Children looked after");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "Children looked after");

  g_assert_true (lgr_document_redo (f->document));
  g_assert_cmpfloat (lgr_number_row_get_value (target), ==, 61);
}

/* A value typed wrong keeps its reason on the row, whatever else changes, and changes nothing. */
static void
test_invalid_value_kept (Fixture *f, gconstpointer data)
{
  LgrNumberRow *target = field_of (f, "north-lac", LGR_LEVER_FIELD_COHORT_TARGET);
  g_autoptr (LgrStudy) before = lgr_study_copy (lgr_document_get_study (f->document));

  lgr_number_row_commit_text (target, "1,5");
  g_assert_nonnull (lgr_number_row_get_error (target));
  g_assert_nonnull (strstr (lgr_number_row_get_error (target), "1,5"));
  g_assert_true (lgr_study_equal (lgr_document_get_study (f->document), before));
  g_assert_false (lgr_document_can_undo (f->document));

  /* Refused by the rules: shown where it was typed, nothing changes. */
  lgr_number_row_commit_text (target, "12000");
  g_assert_nonnull (strstr (lgr_number_row_get_error (target), "12000"));
  g_assert_cmpstr (gtk_editable_get_text (lgr_number_row_get_entry (target)), ==, "12000");
  g_assert_true (lgr_study_equal (lgr_document_get_study (f->document), before));

  /* Another lever's edit leaves this row alone: its error and text stay. */
  set_target (f, "south-lac", 50);
  lgr_test_settle ();
  g_assert_nonnull (strstr (lgr_number_row_get_error (target), "12000"));
  g_assert_cmpstr (gtk_editable_get_text (lgr_number_row_get_entry (target)), ==, "12000");
  g_assert_cmpfloat (lever_of (f, "north-lac")->cohort_target, ==, 55);

  /* The row says which value the model uses instead. */
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (target)),
                            "using 55, the last valid value"));
  g_assert_true (
      gtk_widget_has_css_class (GTK_WIDGET (lgr_number_row_get_entry (target)), "error"));

  /* An edit of another field of the same lever leaves the mark too. */
  LgrNumberRow *cost = field_of (f, "north-lac", LGR_LEVER_FIELD_UNIT_COST_TARGET);
  lgr_number_row_commit_text (cost, "2000");
  lgr_test_settle ();
  g_assert_cmpfloat (lever_of (f, "north-lac")->unit_cost_target, ==, 2000);
  g_assert_nonnull (strstr (lgr_number_row_get_error (target), "12000"));
  g_assert_cmpstr (gtk_editable_get_text (lgr_number_row_get_entry (target)), ==, "12000");
  g_assert_true (
      gtk_widget_has_css_class (GTK_WIDGET (lgr_number_row_get_entry (target)), "error"));

  /* An empty field is refused and stays empty and marked: the model does not take it as 0. */
  lgr_number_row_commit_text (target, "");
  g_assert_nonnull (lgr_number_row_get_error (target));
  set_target (f, "south-lac", 51);
  lgr_test_settle ();
  g_assert_nonnull (lgr_number_row_get_error (target));
  g_assert_cmpstr (gtk_editable_get_text (lgr_number_row_get_entry (target)), ==, "");
  g_assert_cmpfloat (lever_of (f, "north-lac")->cohort_target, ==, 55);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (target)), "using 55"));

  /* The value in force again: no error. */
  lgr_number_row_commit_text (target, "55");
  g_assert_null (lgr_number_row_get_error (target));
  g_assert_null (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (target)), "last valid"));
}

static gboolean
is_set (gpointer data)
{
  return *(gboolean *)data;
}

static void
on_edit_finished (LgrNumberRow *row, gpointer data)
{
  *(gboolean *)data = TRUE;
}

/* A drag of the slider is one undo step, and the row follows it without echoing it back. */
static void
test_drag_one_step (Fixture *f, gconstpointer data)
{
  LgrNumberRow *target = field_of (f, "north-lac", LGR_LEVER_FIELD_COHORT_TARGET);
  GtkRange *scale = lgr_number_row_get_scale (target);
  g_autoptr (LgrStudy) before = lgr_study_copy (lgr_document_get_study (f->document));
  gboolean finished = FALSE;

  g_assert_nonnull (scale);
  g_signal_connect (target, "edit-finished", G_CALLBACK (on_edit_finished), &finished);
  for (double v = 54; v >= 45; v -= 1)
    {
      gtk_range_set_value (scale, v);
      g_assert_cmpfloat (lever_of (f, "north-lac")->cohort_target, ==, v);
      g_assert_cmpfloat (gtk_range_get_value (scale), ==, v);
    }
  /* The slider still for a moment: the drag is over. */
  g_assert_true (lgr_test_wait_until (is_set, &finished));
  g_signal_handlers_disconnect_by_func (target, on_edit_finished, &finished);
  g_assert_cmpstr (gtk_editable_get_text (lgr_number_row_get_entry (target)), ==, "45");
  g_assert_true (lgr_document_undo (f->document));
  g_assert_true (lgr_study_equal (lgr_document_get_study (f->document), before));
  g_assert_false (lgr_document_can_undo (f->document));
  g_assert_cmpfloat (gtk_range_get_value (scale), ==, 55);
}

static GtkWidget *
find_button (GtkWidget *widget, const char *icon)
{
  if (GTK_IS_BUTTON (widget)
      && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), icon) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, icon);
      if (found)
        return found;
    }
  return NULL;
}

/* The row's own remove button removes the lever; the row goes from the main loop, and undo
 * brings a row back. */
static void
test_remove_lever (Fixture *f, gconstpointer data)
{
  LgrLeverRow *row = row_of (f, "south-lac");
  GtkWidget *remove = find_button (GTK_WIDGET (row), "user-trash-symbolic");
  guint n = lgr_study_find_scenario (lgr_document_get_study (f->document), "two")->levers->len;

  g_assert_nonnull (remove);
  g_object_add_weak_pointer (G_OBJECT (row), (gpointer *)&row);
  g_signal_emit_by_name (remove, "clicked");
  g_assert_null (lever_of (f, "south-lac"));
  /* Not under its own handler: the row goes when the main loop is back. */
  g_assert_nonnull (row);
  lgr_test_settle ();
  g_assert_null (row);
  g_assert_null (lgr_scenario_sidebar_find_lever_row (f->sidebar, "south-lac"));
  g_assert_nonnull (row_of (f, "north-lac"));

  g_assert_true (lgr_document_undo (f->document));
  g_assert_cmpuint (
      lgr_study_find_scenario (lgr_document_get_study (f->document), "two")->levers->len, ==, n);
  lgr_test_settle ();
  g_assert_cmpfloat (
      lgr_number_row_get_value (field_of (f, "south-lac", LGR_LEVER_FIELD_COHORT_TARGET)), ==,
      lever_of (f, "south-lac")->cohort_target);
}

/* An item's row: edits through the document are shown, a refused name is kept on the row. */
static void
test_item_row (Fixture *f, gconstpointer data)
{
  LgrItemRow *row = LGR_ITEM_ROW (lgr_scenario_sidebar_find_item_row (f->sidebar, "transition"));
  GtkWidget *name = lgr_item_row_get_name_row (row);
  g_autoptr (LgrItem) item = NULL;
  g_autoptr (GError) error = NULL;

  item = lgr_item_copy (lgr_scenario_find_item (
      lgr_study_find_scenario (lgr_document_get_study (f->document), "two"), "transition"));
  g_free (item->name);
  item->name = g_strdup ("Set-up costs");
  g_assert_true (lgr_document_set_item (f->document, "two", item, NULL, &error));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Set-up costs");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "Set-up costs");

  gtk_editable_set_text (GTK_EDITABLE (name), " ");
  g_signal_emit_by_name (name, "apply");
  g_assert_nonnull (lgr_item_row_get_error (row));
  set_target (f, "north-lac", 50);
  g_assert_nonnull (lgr_item_row_get_error (row));

  g_assert_true (lgr_document_undo (f->document));
  g_assert_true (lgr_document_undo (f->document));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Transition costs");
  g_assert_null (lgr_item_row_get_error (row));
}

static void
collect_number_rows (GtkWidget *widget, GPtrArray *rows)
{
  if (LGR_IS_NUMBER_ROW (widget) && gtk_widget_get_visible (widget))
    g_ptr_array_add (rows, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    collect_number_rows (child, rows);
}

/* An item entered another way gets a new row, from the main loop: values per year, one row a
 * year, which follow the document. */
static void
test_item_values (Fixture *f, gconstpointer data)
{
  GtkWidget *row = lgr_scenario_sidebar_find_item_row (f->sidebar, "transition");
  const LgrStudy *study;
  g_autoptr (GPtrArray) numbers = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (LgrItem) item = NULL;
  GtkWidget *values;

  g_object_add_weak_pointer (G_OBJECT (row), (gpointer *)&row);
  g_assert_true (lgr_document_set_item_kind (f->document, "two", "transition",
                                             LGR_ITEM_KIND_RECURRING_COST, &error));
  g_assert_no_error (error);
  g_assert_nonnull (row); /* still there until the main loop is back */
  lgr_test_settle ();
  g_assert_null (row);
  values = lgr_scenario_sidebar_find_item_row (f->sidebar, "transition");
  g_assert_nonnull (values);
  study = lgr_document_get_study (f->document);
  collect_number_rows (values, numbers);
  g_assert_cmpuint (numbers->len, ==, (guint)study->years);

  item = lgr_item_copy (
      lgr_scenario_find_item (lgr_study_find_scenario (study, "two"), "transition"));
  g_assert_cmpint (item->pattern, ==, LGR_ITEM_PATTERN_VALUES);
  lgr_item_set_value (item, study->first_year + 2, 1234567);
  g_assert_true (lgr_document_set_item (f->document, "two", item, NULL, &error));
  g_assert_cmpfloat (lgr_number_row_get_value (g_ptr_array_index (numbers, 2)), ==, 1234567);
  g_assert_true (values == lgr_scenario_sidebar_find_item_row (f->sidebar, "transition"));
}

static gboolean
mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

/* A folded row's editors are kept out of the layout (invisible until the row expands), yet
 * follow the document meanwhile: on expansion they show the lever as it is now. */
static void
test_folded_rows_wait (Fixture *f, gconstpointer data)
{
  LgrLeverRow *row = row_of (f, "north-lac");
  GtkWidget *name = lgr_lever_row_get_editor (row, LGR_LEVER_EDITOR_NAME);
  GtkWidget *item_row = lgr_scenario_sidebar_find_item_row (f->sidebar, "transition");
  GtkWidget *item_name = lgr_item_row_get_name_row (LGR_ITEM_ROW (item_row));
  LgrNumberRow *target;

  g_assert_false (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  g_assert_true (gtk_widget_get_visible (name));
  g_assert_false (gtk_widget_is_visible (name));
  g_assert_false (gtk_widget_is_visible (item_name));

  set_target (f, "north-lac", 61.5);
  lgr_test_settle ();
  target = field_of (f, "north-lac", LGR_LEVER_FIELD_COHORT_TARGET);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  g_assert_true (gtk_widget_is_visible (name));
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (target)));
  g_assert_cmpfloat (lgr_number_row_get_value (target), ==, 61.5);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==,
                   lever_of (f, "north-lac")->name);
  g_assert_true (lgr_test_wait_until (mapped, name));

  /* Folded again, the opened row's editors stay as they are. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), FALSE);
  lgr_test_settle ();
  g_assert_true (gtk_widget_get_visible (name));

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (item_row), TRUE);
  g_assert_true (gtk_widget_is_visible (item_name));
  lgr_test_settle ();
}

/* The window, its sidebar and every row are finalized when the window goes. */
static void
test_finalized_with_window (void)
{
  g_autoptr (LgrDocument) document = document_with_levers (12);
  LgrWindow *window = lgr_window_new (NULL, NULL);
  LgrScenarioSidebar *sidebar;
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  const LgrScenario *two;

  lgr_window_set_document (window, document);
  gtk_window_present (GTK_WINDOW (window));
  sidebar = lgr_window_get_sidebar (window);
  lgr_scenario_sidebar_select (sidebar, "two");
  lgr_test_settle ();
  two = lgr_study_find_scenario (lgr_document_get_study (document), "two");
  for (guint i = 0; i < two->levers->len; i++)
    g_ptr_array_add (rows, g_object_ref (lgr_scenario_sidebar_find_lever_row (
                               sidebar, ((LgrLever *)g_ptr_array_index (two->levers, i))->id)));
  g_ptr_array_add (rows, g_object_ref (lgr_scenario_sidebar_find_item_row (sidebar, "transition")));
  g_object_ref (sidebar);

  gtk_window_destroy (GTK_WINDOW (window));
  lgr_test_settle ();
  g_assert_finalize_object (sidebar);
  for (guint i = 0; i < rows->len; i++)
    g_assert_finalize_object (g_ptr_array_index (rows, i));
  g_assert_finalize_object (g_steal_pointer (&document));
}

/* A lever's and an item's source note is edited in its row: several lines, one undo step; a
 * blank note removes it; the editor follows undo. */
static void
test_source_note (Fixture *f, gconstpointer data)
{
  LgrSourceEditor *lever_editor
      = LGR_SOURCE_EDITOR (lgr_lever_row_get_source_editor (row_of (f, "north-lac")));
  LgrSourceEditor *item_editor = LGR_SOURCE_EDITOR (lgr_item_row_get_source_editor (
      LGR_ITEM_ROW (lgr_scenario_sidebar_find_item_row (f->sidebar, "transition"))));
  g_autofree char *before = g_strdup (lever_of (f, "north-lac")->source);
  g_autofree char *shown = lgr_source_editor_get_text (lever_editor);
  const char *note = "Council, \"Budget book\", March 2026, table 4.\n\nSecond paragraph.";
  const LgrItem *item;

  g_assert_nonnull (before);
  g_assert_cmpstr (shown, ==, before);
  lgr_source_editor_type_text (lever_editor, "  Council, \"Budget book\", March 2026, table 4.\n\n"
                                             "Second paragraph.\n");
  lgr_source_editor_commit (lever_editor);
  g_assert_cmpstr (lever_of (f, "north-lac")->source, ==, note);
  g_assert_true (lgr_document_can_undo (f->document));
  g_assert_cmpstr (lgr_document_get_undo_label (f->document), ==, "Change “Children looked after”");
  lgr_source_editor_commit (lever_editor); /* nothing new: no second edit */
  g_assert_true (lgr_document_undo (f->document));
  g_assert_false (lgr_document_can_undo (f->document));
  g_assert_cmpstr (lever_of (f, "north-lac")->source, ==, before);
  g_clear_pointer (&shown, g_free);
  shown = lgr_source_editor_get_text (lever_editor);
  g_assert_cmpstr (shown, ==, before);

  lgr_source_editor_type_text (item_editor, " \n ");
  lgr_source_editor_commit (item_editor);
  item = lgr_scenario_find_item (
      lgr_study_find_scenario (lgr_document_get_study (f->document), "two"), "transition");
  g_assert_null (item->source);
  lgr_source_editor_type_text (item_editor, note);
  lgr_source_editor_commit (item_editor);
  item = lgr_scenario_find_item (
      lgr_study_find_scenario (lgr_document_get_study (f->document), "two"), "transition");
  g_assert_cmpstr (item->source, ==, note);
}

/* A target changed after its note: the note's popover says so until the user confirms the
 * note (one edit) or edits it. */
static void
test_stale_source_note (Fixture *f, gconstpointer data)
{
  LgrSourceEditor *editor
      = LGR_SOURCE_EDITOR (lgr_lever_row_get_source_editor (row_of (f, "north-lac")));

  g_assert_null (lgr_source_editor_get_stale (editor));
  set_target (f, "north-lac", 50);
  lgr_test_settle ();
  g_assert_true (lever_of (f, "north-lac")->has_source_target);
  g_assert_cmpstr (lgr_source_editor_get_stale (editor), ==,
                   "Target changed since this source: 55 → 50 per 10,000 children");
  /* The warning is written into the popover when it opens, not on every step of a drag (each
   * new text laid the window out) */
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (editor)));
  g_assert_false (lgr_test_shows_label (GTK_WIDGET (editor),
                                        "Target changed since this source: 55 → 50 "
                                        "per 10,000 children"));
  gtk_menu_button_popup (GTK_MENU_BUTTON (gtk_widget_get_ancestor (
      gtk_widget_get_ancestor (GTK_WIDGET (editor), GTK_TYPE_POPOVER), GTK_TYPE_MENU_BUTTON)));
  lgr_test_settle ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (editor)));
  g_assert_true (lgr_test_shows_label (
      GTK_WIDGET (editor), "Target changed since this source: 55 → 50 per 10,000 children"));
  set_target (f, "north-lac", 48);
  lgr_test_settle ();
  g_assert_true (lgr_test_shows_label (
      GTK_WIDGET (editor), "Target changed since this source: 55 → 48 per 10,000 children"));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (gtk_widget_get_ancestor (
      gtk_widget_get_ancestor (GTK_WIDGET (editor), GTK_TYPE_POPOVER), GTK_TYPE_MENU_BUTTON)));
  set_target (f, "north-lac", 50);
  lgr_test_settle ();

  g_signal_emit_by_name (editor, "confirmed");
  lgr_test_settle ();
  g_assert_false (lever_of (f, "north-lac")->has_source_target);
  g_assert_cmpfloat (lever_of (f, "north-lac")->cohort_target, ==, 50);
  g_assert_null (lgr_source_editor_get_stale (editor));
  g_assert_true (lgr_document_undo (f->document)); /* the confirmation is its own step */
  lgr_test_settle ();
  g_assert_nonnull (lgr_source_editor_get_stale (editor));

  /* An item's total, the same way. */
  {
    LgrSourceEditor *item_editor = LGR_SOURCE_EDITOR (lgr_item_row_get_source_editor (
        LGR_ITEM_ROW (lgr_scenario_sidebar_find_item_row (f->sidebar, "transition"))));
    g_autoptr (LgrItem) item = lgr_item_copy (lgr_scenario_find_item (
        lgr_study_find_scenario (lgr_document_get_study (f->document), "two"), "transition"));
    item->total = 40000000;
    g_assert_true (lgr_document_set_item (f->document, "two", item, NULL, NULL));
    lgr_test_settle ();
    g_assert_cmpstr (lgr_source_editor_get_stale (item_editor), ==,
                     "Total changed since this source: £37,300,000 → £40,000,000");
    g_signal_emit_by_name (item_editor, "confirmed");
    lgr_test_settle ();
    g_assert_null (lgr_source_editor_get_stale (item_editor));
  }
}

int
main (int argc, char **argv)
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, n, func)                                                                         \
  g_test_add (path, Fixture, GUINT_TO_POINTER (n), fixture_set_up, func, fixture_tear_down)
  ADD ("/rows/selected-scenario-only", 0, test_rows_of_selected);
  ADD ("/rows/edit-touches-one-row", 40, test_edit_touches_one_row);
  ADD ("/rows/undo-restores", 0, test_undo_restores);
  ADD ("/rows/invalid-value-kept", 0, test_invalid_value_kept);
  ADD ("/rows/drag-one-step", 0, test_drag_one_step);
  ADD ("/rows/remove-lever", 0, test_remove_lever);
  ADD ("/rows/item", 0, test_item_row);
  ADD ("/rows/item-values", 0, test_item_values);
  ADD ("/rows/folded-rows-wait", 0, test_folded_rows_wait);
  ADD ("/rows/source-note", 0, test_source_note);
  ADD ("/rows/stale-source-note", 0, test_stale_source_note);
#undef ADD
  g_test_add_func ("/rows/finalized-with-window", test_finalized_with_window);
  return g_test_run ();
}
