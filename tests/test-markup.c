/* test-markup.c: names are shown as typed, under Xvfb.
 *
 * Scenario, authority, lever and item names, services, sources and notes may hold '&', '<b>',
 * '<senior>', 'a>b' and quotes. Widgets that parse Pango markup (libadwaita rows by default,
 * preference group titles, toasts) would warn ("Failed to set text ... from markup") and show
 * an empty or wrong title; the window suite runs with G_DEBUG=fatal-warnings, so any such
 * warning fails here. Every row and card of every scenario is shown, with the expanders open,
 * in the sidebar and in presentation mode, with a toast, an error dialog and the export
 * dialog; every title and subtitle must be shown by a label whose displayed text is the plain
 * name. */
#include <adwaita.h>
#include <string.h>

#include "lgr-export-dialog.h"
#include "lgr-item-row.h"
#include "lgr-lever-row.h"
#include "lgr-row-summary.h"
#include "lgr-scenario-sidebar.h"
#include "lgr-summary-card.h"
#include "lgr-test-util.h"
#include "lgr-window-private.h"
#include "lgr-wrap-label.h"

#define TIMEOUT_S 10

/* What user text may hold: each of these is in every name below. */
#define NASTY "& <b>bold</b> <senior> a>b \"quoted\" 'single'"

static gboolean
timed_out (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
settle (void)
{
  gboolean expired = FALSE;
  guint id = g_timeout_add_seconds (TIMEOUT_S, timed_out, &expired);

  while (g_main_context_pending (NULL) && !expired)
    g_main_context_iteration (NULL, TRUE);
  if (!expired)
    g_source_remove (id);
}

/* The bundled study with every name, service, source and note made of NASTY. */
static LgrStudy *
nasty_study (void)
{
  LgrStudy *study = lgr_test_load_bundled ();

  g_free (study->title);
  study->title = g_strdup ("Study " NASTY);
  g_free (study->description);
  study->description = g_strdup ("Notes " NASTY);
  for (guint s = 0; s < study->scenarios->len; s++)
    {
      LgrScenario *scenario = g_ptr_array_index (study->scenarios, s);

      g_free (scenario->name);
      scenario->name = g_strdup_printf ("Scenario %u " NASTY, s);
      g_free (scenario->description);
      scenario->description = g_strdup_printf ("Description %u " NASTY, s);
      for (guint i = 0; i < scenario->authorities->len; i++)
        {
          LgrAuthority *authority = g_ptr_array_index (scenario->authorities, i);
          g_free (authority->name);
          authority->name = g_strdup_printf ("Children & Families %u " NASTY, i);
        }
      for (guint i = 0; i < scenario->levers->len; i++)
        {
          LgrLever *lever = g_ptr_array_index (scenario->levers, i);
          g_free (lever->name);
          lever->name = g_strdup_printf ("<senior> lever %u " NASTY, i);
          g_free (lever->service);
          lever->service = g_strdup ("Adults & Health " NASTY);
          g_free (lever->source);
          lever->source = g_strdup ("Lever source " NASTY);
        }
      for (guint i = 0; i < scenario->items->len; i++)
        {
          LgrItem *item = g_ptr_array_index (scenario->items, i);
          g_free (item->name);
          item->name = g_strdup_printf ("Item %u " NASTY, i);
          g_free (item->source);
          item->source = g_strdup ("Item source " NASTY);
        }
    }
  return study;
}

/* Calls func on widget and every widget under it (popovers included). */
static void
walk (GtkWidget *widget, void (*func) (GtkWidget *widget, gpointer data), gpointer data)
{
  func (widget, data);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    walk (child, func, data);
}

typedef struct
{
  const char *text;
  gboolean found;
} Shown;

static void
find_shown (GtkWidget *widget, gpointer data)
{
  Shown *shown = data;
  if (GTK_IS_LABEL (widget)
      && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), shown->text) == 0)
    shown->found = TRUE;
  if (LGR_IS_WRAP_LABEL (widget) && gtk_widget_get_visible (widget)
      && g_strcmp0 (lgr_wrap_label_get_text (LGR_WRAP_LABEL (widget)), shown->text) == 0)
    shown->found = TRUE;
  if (GTK_IS_TEXT_VIEW (widget)) /* an editable note */
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter start, end;
      g_autofree char *text = NULL;
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      if (g_strcmp0 (text, shown->text) == 0)
        shown->found = TRUE;
    }
}

/* Whether some label or text view under root displays exactly text (what is seen, markup or
 * not). */
static gboolean
is_shown (GtkWidget *root, const char *text)
{
  Shown shown = { text, FALSE };
  walk (root, find_shown, &shown);
  return shown.found;
}

static void
assert_shown (GtkWidget *root, const char *text)
{
  if (!is_shown (root, text))
    g_error ("“%s” is not shown as typed under a %s", text, G_OBJECT_TYPE_NAME (root));
}

/* Every row's title and subtitle are shown as plain text; no label shows escaped markup. */
static void
check_widget (GtkWidget *widget, gpointer data)
{
  guint *n_rows = data;

  if (ADW_IS_PREFERENCES_ROW (widget) && !ADW_IS_ENTRY_ROW (widget))
    {
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
      const char *subtitle = NULL;

      if (ADW_IS_ACTION_ROW (widget))
        subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (widget));
      else if (ADW_IS_EXPANDER_ROW (widget))
        subtitle = lgr_row_get_summary (ADW_EXPANDER_ROW (widget));
      if (title && *title)
        assert_shown (widget, title);
      if (subtitle && *subtitle)
        assert_shown (widget, subtitle);
      (*n_rows)++;
    }
  if (GTK_IS_LABEL (widget))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));
      g_assert_null (strstr (text, "&amp;"));
      g_assert_null (strstr (text, "&lt;"));
    }
}

static guint
check_rows (GtkWidget *root)
{
  guint n_rows = 0;
  walk (root, check_widget, &n_rows);
  return n_rows;
}

static void
expand (GtkWidget *widget, gpointer data)
{
  if (ADW_IS_EXPANDER_ROW (widget))
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (widget), TRUE);
}

static void
find_profile_entry (GtkWidget *widget, gpointer data)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_ACTION_ROW);
  if (GTK_IS_ENTRY (widget) && row && !LGR_IS_NUMBER_ROW (row))
    *(GtkWidget **)data = widget;
}

/* Refusals quote what was typed, in the rows' subtitles: a value and a profile. */
static void
refuse_typed_text (LgrLeverRow *row)
{
  LgrNumberRow *target = lgr_lever_row_get_field (row, LGR_LEVER_FIELD_COHORT_TARGET);
  GtkWidget *profile = NULL;
  GtkWidget *profile_row;

  lgr_number_row_commit_text (target, NASTY);
  g_assert_nonnull (strstr (lgr_number_row_get_error (target), NASTY));
  assert_shown (GTK_WIDGET (target), adw_action_row_get_subtitle (ADW_ACTION_ROW (target)));
  walk (GTK_WIDGET (row), find_profile_entry, &profile);
  g_assert_nonnull (profile);
  gtk_editable_set_text (GTK_EDITABLE (profile), NASTY);
  g_signal_emit_by_name (profile, "activate");
  profile_row = gtk_widget_get_ancestor (profile, ADW_TYPE_ACTION_ROW);
  /* It quotes the first word that is not a percentage. */
  g_assert_nonnull (strpbrk (adw_action_row_get_subtitle (ADW_ACTION_ROW (profile_row)), "&<"));
  settle ();
  check_rows (GTK_WIDGET (row));
}

/* The group a lever is shown in: its authority and service. */
static char *
group_title (const LgrScenario *scenario, const LgrLever *lever)
{
  const LgrAuthority *authority = lgr_scenario_find_authority (scenario, lever->authority_id);
  return g_strdup_printf ("%s · %s", authority->name, lever->service);
}

/* The sidebar, the cards and the tables of each scenario in turn. */
static void
test_sidebar_and_cards (void)
{
  LgrDocument *document = lgr_document_new (nasty_study (), NULL);
  const LgrStudy *study = lgr_document_get_study (document);
  LgrWindow *window = lgr_window_new (NULL, NULL);
  LgrScenarioSidebar *sidebar;

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 1800);
  lgr_window_set_document (window, document);
  gtk_window_present (GTK_WINDOW (window));
  settle ();
  sidebar = lgr_window_get_sidebar (window);
  for (guint s = 0; s < study->scenarios->len; s++)
    {
      const LgrScenario *scenario = g_ptr_array_index (study->scenarios, s);
      LgrSummaryCard *card = lgr_window_find_card (window, scenario->id);

      lgr_scenario_sidebar_select (sidebar, scenario->id);
      settle ();
      walk (GTK_WIDGET (sidebar), expand, NULL);
      settle ();

      g_assert_nonnull (card);
      assert_shown (GTK_WIDGET (card), scenario->name);
      assert_shown (GTK_WIDGET (sidebar), scenario->name);
      for (guint i = 0; i < scenario->authorities->len; i++)
        assert_shown (GTK_WIDGET (sidebar),
                      ((LgrAuthority *)g_ptr_array_index (scenario->authorities, i))->name);
      for (guint i = 0; i < scenario->levers->len; i++)
        {
          const LgrLever *lever = g_ptr_array_index (scenario->levers, i);
          LgrLeverRow *row = lgr_scenario_sidebar_find_lever_row (sidebar, lever->id);
          g_autofree char *group = group_title (scenario, lever);

          g_assert_nonnull (row);
          g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                           lever->name);
          assert_shown (GTK_WIDGET (row), lever->name);
          assert_shown (GTK_WIDGET (row), lever->source);
          assert_shown (GTK_WIDGET (sidebar), group);
          g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (
                               lgr_lever_row_get_editor (row, LGR_LEVER_EDITOR_NAME))),
                           ==, lever->name);
        }
      for (guint i = 0; i < scenario->items->len; i++)
        {
          const LgrItem *item = g_ptr_array_index (scenario->items, i);
          GtkWidget *row = lgr_scenario_sidebar_find_item_row (sidebar, item->id);

          g_assert_nonnull (row);
          g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                           item->name);
          assert_shown (row, item->name);
          assert_shown (row, item->source);
        }
      g_assert_cmpuint (check_rows (GTK_WIDGET (window)), >, 10);
      if (scenario->levers->len > 0)
        refuse_typed_text (lgr_scenario_sidebar_find_lever_row (
            sidebar, ((LgrLever *)g_ptr_array_index (scenario->levers, 0))->id));
    }

  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
  g_assert_finalize_object (document);
}

/* Presentation mode: the scenario's title and its compact lever rows. */
static void
test_presentation (void)
{
  LgrDocument *document = lgr_document_new (nasty_study (), NULL);
  const LgrStudy *study = lgr_document_get_study (document);
  LgrWindow *window = lgr_window_new (NULL, NULL);
  const LgrScenario *scenario = g_ptr_array_index (study->scenarios, 0);
  GtkWidget *levers;

  lgr_window_set_document (window, document);
  gtk_window_present (GTK_WINDOW (window));
  settle ();
  lgr_scenario_sidebar_select (lgr_window_get_sidebar (window), scenario->id);
  _lgr_window_set_presenting (window, TRUE);
  settle ();
  g_assert_true (lgr_window_get_presenting (window));
  levers = lgr_window_get_presentation_levers (window);
  assert_shown (GTK_WIDGET (window), scenario->name);
  for (guint i = 0; i < scenario->levers->len; i++)
    assert_shown (levers, ((LgrLever *)g_ptr_array_index (scenario->levers, i))->name);
  g_assert_cmpuint (check_rows (levers), >, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
  g_assert_finalize_object (document);
}

/* A toast (markup in libadwaita 1.2) and an error dialog quoting a name. */
static void
test_toast_and_dialog (void)
{
  LgrDocument *document = lgr_document_new (nasty_study (), NULL);
  const LgrStudy *study = lgr_document_get_study (document);
  LgrWindow *window = lgr_window_new (NULL, NULL);
  const char *message = "“Scenario " NASTY "” removed";
  g_autoptr (GError) error = g_error_new (G_FILE_ERROR, G_FILE_ERROR_NOENT, "No file “%s”", NASTY);
  g_autofree char *expected_error = g_strdup_printf ("No file “%s”", NASTY);
  AdwMessageDialog *dialog;

  lgr_window_set_document (window, document);
  gtk_window_present (GTK_WINDOW (window));
  settle ();
  _lgr_window_toast (window, message);
  settle ();
  assert_shown (GTK_WIDGET (window), message);

  /* The real action: its toast quotes the scenario's name. */
  lgr_scenario_sidebar_select (lgr_window_get_sidebar (window),
                               ((LgrScenario *)g_ptr_array_index (study->scenarios, 1))->id);
  settle ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-scenario", NULL));
  settle ();

  _lgr_window_show_error (window, "Heading " NASTY, error);
  settle ();
  dialog = lgr_window_get_dialog (window);
  g_assert_nonnull (dialog);
  assert_shown (GTK_WIDGET (dialog), "Heading " NASTY);
  assert_shown (GTK_WIDGET (dialog), expected_error);
  gtk_window_destroy (GTK_WINDOW (dialog));
  settle ();

  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
  g_assert_finalize_object (document);
}

/* The export dialog of a study with such names. */
static void
test_export_dialog (void)
{
  LgrDocument *document = lgr_document_new (nasty_study (), NULL);
  const LgrStudy *study = lgr_document_get_study (document);
  g_autoptr (GSettings) settings = g_settings_new ("io.github.lgrexplorer.Explorer");
  GtkWidget *dialog = lgr_export_dialog_new (NULL, document, settings, 0);

  lgr_export_dialog_set_title_text (LGR_EXPORT_DIALOG (dialog), study->title);
  gtk_window_present (GTK_WINDOW (dialog));
  settle ();
  g_assert_cmpuint (check_rows (dialog), >, 3);

  gtk_window_destroy (GTK_WINDOW (dialog));
  settle ();
  g_assert_finalize_object (document);
}

int
main (int argc, char **argv)
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/markup/sidebar-and-cards", test_sidebar_and_cards);
  g_test_add_func ("/markup/presentation", test_presentation);
  g_test_add_func ("/markup/toast-and-dialog", test_toast_and_dialog);
  g_test_add_func ("/markup/export-dialog", test_export_dialog);
  return g_test_run ();
}
