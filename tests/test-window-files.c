/* test-window-files.c: the window under Xvfb - saving and reloading, unsaved changes, draft
 * recovery, presentation mode, the export dialog, printing, copying the chart and CSV export.
 * Editing is in test-window.c; the user guide in test-window-help.c.
 *
 * Waiting is done by iterating the main context until a condition holds, with a timeout; never
 * by sleeping. */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lgr-application.h"
#include "lgr-export-dialog.h"
#include "lgr-export.h"
#include "lgr-lever-row.h"
#include "lgr-print-operation.h"
#include "lgr-scenario-style.h"
#include "lgr-study-io.h"
#include "lgr-test-util.h"
#include "lgr-test-window.h"

static GtkWidget *
find_descendant_range (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = GTK_IS_RANGE (child) ? child : find_descendant_range (child);
      if (found)
        return found;
    }
  return NULL;
}

/* Waiting on the main loop, never sleeping: lgr_test_wait_until and lgr_test_settle. */
#define wait_until lgr_test_wait_until
#define settle lgr_test_settle

/* A window showing the bundled study (lgr-test-window.h). */
typedef LgrTestWindowFixture Fixture;

static void
test_save_reload (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "saved.lgr", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (LgrStudy) reloaded = NULL;
  LgrDocument *document = lgr_window_get_document (f->window);

  lgr_number_row_commit_text (lgr_test_north_lac_target (f), "58.5");
  g_assert_true (lgr_document_get_modified (document));
  g_assert_true (lgr_window_save_to (f->window, file, &error));
  g_assert_no_error (error);
  g_assert_false (lgr_document_get_modified (document));
  reloaded = lgr_study_load_path (path, &error);
  g_assert_no_error (error);
  g_assert_true (lgr_study_equal (reloaded, lgr_test_window_study (f)));

  /* Save (Ctrl+S) now writes to that file. */
  lgr_number_row_commit_text (lgr_test_north_lac_target (f), "57");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL);
  g_assert_false (lgr_document_get_modified (document));
  g_clear_pointer (&reloaded, lgr_study_free);
  reloaded = lgr_study_load_path (path, &error);
  g_assert_no_error (error);
  g_assert_true (lgr_study_equal (reloaded, lgr_test_window_study (f)));
}

static void
respond (Fixture *f, const char *response)
{
  AdwMessageDialog *dialog = lgr_window_get_dialog (f->window);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  settle ();
}

static void
test_unsaved_changes (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "other.lgr", NULL);
  g_autofree char *broken = g_build_filename (f->dir, "broken.lgr", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFile) broken_file = g_file_new_for_path (broken);
  g_autoptr (LgrStudy) other = lgr_study_copy (lgr_test_window_study (f));
  g_autoptr (LgrStudy) edited = NULL;
  g_autoptr (GError) error = NULL;

  g_free (other->title);
  other->title = g_strdup ("Another study");
  g_assert_true (lgr_study_save_path (other, path, &error));
  g_assert_no_error (error);

  lgr_number_row_commit_text (lgr_test_north_lac_target (f), "50");
  edited = lgr_study_copy (lgr_test_window_study (f));

  /* Opening asks first; Cancel keeps the changes. */
  lgr_window_open (f->window, file);
  lgr_test_shoot (GTK_WIDGET (lgr_window_get_dialog (f->window)), "unsaved-changes");
  respond (f, "cancel");
  g_assert_true (lgr_study_equal (lgr_test_window_study (f), edited));
  g_assert_true (lgr_document_get_modified (lgr_window_get_document (f->window)));

  /* Closing asks too. */
  gtk_window_close (GTK_WINDOW (f->window));
  settle ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  respond (f, "cancel");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));

  /* Discard opens the other study. */
  lgr_window_open (f->window, file);
  respond (f, "discard");
  g_assert_true (lgr_study_equal (lgr_test_window_study (f), other));
  g_assert_true (g_file_equal (lgr_document_get_file (lgr_window_get_document (f->window)), file));

  /* A file that does not load is reported with its name and line; the study stays open. */
  g_assert_true (g_file_set_contents (broken,
                                      "<?xml version=\"1.0\"?>\n<lgr-study version=\"1\">\n"
                                      "  <title>Broken</title>\n  <timeline first-year=\"abc\"/>\n"
                                      "</lgr-study>\n",
                                      -1, NULL));
  lgr_window_open (f->window, broken_file);
  settle ();
  g_assert_nonnull (lgr_window_get_dialog (f->window));
  g_assert_nonnull (
      strstr (adw_message_dialog_get_body (lgr_window_get_dialog (f->window)), "broken.lgr:4"));
  respond (f, "close");
  g_assert_true (lgr_study_equal (lgr_test_window_study (f), other));
}

/* A pipe or a folder opened in the window is refused at once with its name, never read: a pipe
 * with no writer would otherwise block the window for ever. */
static void
test_open_not_a_file (Fixture *f, gconstpointer data)
{
  g_autoptr (LgrStudy) before = lgr_study_copy (lgr_test_window_study (f));
  const char *names[] = { "pipe.lgr", "folder.lgr" };
  const char *messages[] = { "pipe.lgr: this is a pipe (FIFO), not a study file",
                             "folder.lgr: this is a folder, not a study file" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, names[i], NULL);
      g_autoptr (GFile) file = g_file_new_for_path (path);

      g_assert_cmpint (i == 0 ? mkfifo (path, 0600) : g_mkdir (path, 0700), ==, 0);
      lgr_window_open (f->window, file);
      settle ();
      g_assert_nonnull (lgr_window_get_dialog (f->window));
      g_assert_nonnull (
          strstr (adw_message_dialog_get_body (lgr_window_get_dialog (f->window)), messages[i]));
      respond (f, "close");
      g_assert_true (lgr_study_equal (lgr_test_window_study (f), before));
      if (i == 0)
        g_unlink (path);
      else
        g_rmdir (path);
    }
}

typedef struct
{
  LgrDraftStore *drafts;
  LgrDocument *document;
} DraftWait;

static gboolean
draft_written (gpointer data)
{
  DraftWait *w = data;
  g_autofree char *path = lgr_draft_store_dup_draft_path (w->drafts, w->document);
  return path != NULL && g_file_test (path, G_FILE_TEST_EXISTS);
}

static void
test_draft_recovery (Fixture *f, gconstpointer data)
{
  DraftWait wait = { f->drafts, lgr_window_get_document (f->window) };
  g_autofree char *drafts_dir = g_build_filename (f->dir, "drafts", NULL);
  g_autoptr (LgrDraftStore) after_crash = lgr_draft_store_new (drafts_dir);
  g_autoptr (LgrDocument) fresh = lgr_document_new_bundled (NULL);
  g_autoptr (LgrStudy) edited = NULL;
  LgrWindow *window;

  lgr_number_row_commit_text (lgr_test_north_lac_target (f), "48");
  edited = lgr_study_copy (lgr_test_window_study (f));
  g_assert_true (wait_until (draft_written, &wait));

  /* The process dies here: a new start finds the draft and offers it. */
  window = lgr_window_new (NULL, after_crash);
  lgr_window_set_document (window, fresh);
  gtk_window_present (GTK_WINDOW (window));
  lgr_window_offer_drafts (window);
  g_assert_true (lgr_window_get_draft_offered (window));
  lgr_test_shoot (GTK_WIDGET (window), "draft-offered");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.restore-draft", NULL);
  settle ();
  g_assert_false (lgr_window_get_draft_offered (window));
  g_assert_true (
      lgr_study_equal (lgr_document_get_study (lgr_window_get_document (window)), edited));
  g_assert_true (lgr_document_get_modified (lgr_window_get_document (window)));

  /* Undoing back to the saved state removes the draft: nothing left to offer. */
  lgr_document_revert (lgr_window_get_document (window));
  lgr_draft_store_untrack (f->drafts, lgr_window_get_document (f->window));
  {
    g_autoptr (GPtrArray) left = lgr_draft_store_find (after_crash);
    g_assert_cmpuint (left->len, ==, 0);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The labels directly under box (the councils' headings of the room's levers). */
static gboolean
has_heading (GtkWidget *box, const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (box); child;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0)
      return TRUE;
  return FALSE;
}

/* The lever rows under widget. */
static guint
count_lever_rows (GtkWidget *widget)
{
  guint n = LGR_IS_LEVER_ROW (widget);
  if (n == 0)
    for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
         child = gtk_widget_get_next_sibling (child))
      n += count_lever_rows (child);
  return n;
}

static double
lever_target (Fixture *f, const char *scenario_id, const char *lever_id)
{
  const LgrScenario *s = lgr_study_find_scenario (lgr_test_window_study (f), scenario_id);
  return lgr_scenario_find_lever (s, lever_id)->cohort_target;
}

/* The first widget under root whose action is name. */
static GtkWidget *
find_actionable (GtkWidget *root, const char *name)
{
  if (GTK_IS_ACTIONABLE (root)
      && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_actionable (child, name);
      if (found)
        return found;
    }
  return NULL;
}

/* Presentation mode: the room's view in place of the editing page - every council's levers
 * under its name, one set of key figures per scenario, the snapshot's name and note, stepped
 * with win.next-snapshot / win.previous-snapshot and back to the start, and the lock. */
static void
test_presentation (Fixture *f, gconstpointer data)
{
  LgrScenarioSidebar *sidebar = lgr_window_get_sidebar (f->window);
  LgrPresentationView *view = lgr_window_get_presentation (f->window);
  GtkWidget *levers = lgr_window_get_presentation_levers (f->window);
  const LgrStudy *study = lgr_test_window_study (f);
  const LgrScenario *two = lgr_study_find_scenario (study, "two");
  const LgrSnapshot *lac60 = g_ptr_array_index (study->snapshots, 0);
  g_autofree char *title = NULL;
  GtkWidget *slider;

  lgr_scenario_sidebar_select (sidebar, "two");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.present", NULL);
  settle ();
  g_assert_true (lgr_window_get_presenting (f->window));
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (lgr_window_find_card (f->window, "two"))));
  g_assert_true (gtk_widget_is_visible (levers));
  lgr_test_shoot (GTK_WIDGET (f->window), "presentation");

  /* Both councils of two unitaries, each under its name, and every lever of the scenario. */
  g_assert_cmpuint (two->authorities->len, ==, 2);
  for (guint a = 0; a < two->authorities->len; a++)
    g_assert_true (
        has_heading (levers, ((LgrAuthority *)g_ptr_array_index (two->authorities, a))->name));
  g_assert_cmpuint (count_lever_rows (levers), ==, two->levers->len);
  {
    g_autoptr (GListModel) figures
        = gtk_widget_observe_children (lgr_presentation_view_get_figures (view));
    g_assert_cmpuint (g_list_model_get_n_items (figures), ==, study->scenarios->len);
  }
  g_assert_cmpstr (lgr_presentation_view_get_verdict (view), ==,
                   lgr_window_get_verdict (f->window));
  /* Each scenario's payback, peak funding and net by the horizon, as its card says them. */
  for (guint i = 0; i < study->scenarios->len; i++)
    {
      const LgrScenario *scenario = g_ptr_array_index (study->scenarios, i);
      LgrSummaryCard *card = lgr_window_find_card (f->window, scenario->id);
      LgrSummaryField fields[] = { LGR_SUMMARY_PAYBACK, LGR_SUMMARY_PEAK_FUNDING, LGR_SUMMARY_NET };
      for (guint k = 0; k < G_N_ELEMENTS (fields); k++)
        g_assert_true (lgr_test_shows_label (lgr_presentation_view_get_figures (view),
                                             lgr_summary_card_get_value (card, fields[k])));
    }

  /* The start, then the first snapshot with its note, from the start each time. */
  g_assert_cmpstr (lgr_presentation_view_get_snapshot_title (view), ==, study->title);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.next-snapshot", NULL);
  title = g_strdup_printf ("1 of %u: %s", study->snapshots->len, lac60->name);
  g_assert_cmpstr (lgr_presentation_view_get_snapshot_title (view), ==, title);
  g_assert_cmpstr (lgr_presentation_view_get_snapshot_note (view), ==, lac60->note);
  g_assert_cmpfloat (lever_target (f, "two", "north-lac"), ==, 60);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.next-snapshot", NULL);
  g_assert_cmpfloat (lever_target (f, "two", "north-lac"), ==, 55);
  g_assert_true (g_str_has_prefix (lgr_presentation_view_get_snapshot_title (view), "2 of "));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.previous-snapshot", NULL);
  g_assert_cmpstr (lgr_presentation_view_get_snapshot_title (view), ==, title);
  lgr_test_shoot (GTK_WIDGET (f->window), "presentation-snapshot");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.back-to-start", NULL);
  g_assert_cmpstr (lgr_presentation_view_get_snapshot_title (view), ==, study->title);
  g_assert_cmpfloat (lever_target (f, "two", "north-lac"), ==, 55);

  /* Locked, the levers cannot be used; Left and Right still step the scenarios. */
  slider = find_descendant_range (levers);
  g_assert_true (gtk_widget_is_sensitive (slider));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.lock-levers", NULL);
  g_assert_true (lgr_presentation_view_get_locked (view));
  g_assert_false (gtk_widget_is_sensitive (slider));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.next-scenario", NULL);
  g_assert_cmpstr (lgr_scenario_sidebar_get_selected (sidebar), ==, "one");
  settle ();
  g_assert_cmpstr (lgr_presentation_view_get_scenario (view), ==, "one");
  g_assert_false (gtk_widget_is_sensitive (find_descendant_range (levers)));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.previous-scenario", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.lock-levers", NULL);
  g_assert_false (lgr_presentation_view_get_locked (view));
  g_assert_true (gtk_widget_is_sensitive (find_descendant_range (levers)));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.leave-presentation", NULL);
  settle ();
  g_assert_false (lgr_window_get_presenting (f->window));
  g_assert_false (gtk_widget_is_visible (levers));
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (lgr_window_find_card (f->window, "two"))));
}

static gboolean
view_verdict_is (gpointer data)
{
  gpointer *pair = data;
  return g_strcmp0 (lgr_presentation_view_get_verdict (pair[0]), lgr_window_get_verdict (pair[1]))
         == 0;
}

/* The second screen: offered only with more than one monitor; the room's window follows the
 * same document as the editing window, its keys and buttons act on that window, and the lock is
 * shared. With one monitor under Xvfb the room's window is opened on it directly. */
static void
test_second_screen (Fixture *f, gconstpointer data)
{
  GListModel *monitors = gdk_display_get_monitors (gdk_display_get_default ());
  LgrPresentationView *main_view = lgr_window_get_presentation (f->window);
  GtkWidget *button;
  LgrPresentationWindow *room;
  LgrPresentationView *view;
  gpointer pair[2];

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.present", NULL);
  settle ();
  button = find_actionable (GTK_WIDGET (main_view), "win.present-second-screen");
  g_assert_nonnull (button);
  g_assert_cmpint (gtk_widget_get_sensitive (button), ==, g_list_model_get_n_items (monitors) > 1);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.leave-presentation", NULL);
  settle ();

  _lgr_window_present_on_monitor (f->window, NULL);
  room = lgr_window_get_second_screen (f->window);
  g_assert_nonnull (room);
  g_assert_false (lgr_window_get_presenting (f->window));
  view = lgr_presentation_window_get_view (room);
  settle ();
  lgr_test_shoot (GTK_WIDGET (room), "second-screen");

  /* Live: an edit in the editing window shows in the room. */
  lgr_number_row_commit_text (lgr_test_north_lac_target (f), "66");
  pair[0] = view;
  pair[1] = f->window;
  g_assert_true (wait_until (view_verdict_is, pair));

  /* The room's keys are the editing window's actions. */
  gtk_widget_activate_action (GTK_WIDGET (room), "win.next-snapshot", NULL);
  g_assert_true (g_str_has_prefix (lgr_presentation_view_get_snapshot_title (view), "1 of "));
  g_assert_cmpstr (lgr_presentation_view_get_snapshot_title (view), ==,
                   lgr_presentation_view_get_snapshot_title (main_view));
  gtk_widget_activate_action (GTK_WIDGET (room), "win.lock-levers", NULL);
  g_assert_true (lgr_presentation_view_get_locked (view));
  g_assert_true (lgr_presentation_view_get_locked (main_view));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.lock-levers", NULL);
  g_assert_false (lgr_presentation_view_get_locked (view));

  /* The room's window has no Second Screen button; its Leave (as Escape) closes only it. */
  g_assert_false (
      gtk_widget_get_visible (find_actionable (GTK_WIDGET (view), "win.present-second-screen")));
  gtk_widget_activate_action (GTK_WIDGET (room), "win.leave-presentation", NULL);
  settle ();
  g_assert_null (lgr_window_get_second_screen (f->window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));
}

static gboolean
has_preview (gpointer data)
{
  return lgr_export_dialog_get_preview (data) != NULL;
}

static void
test_export_dialog (Fixture *f, gconstpointer data)
{
  g_autofree char *png = g_build_filename (f->dir, "chart.png", NULL);
  g_autofree char *svg = g_build_filename (f->dir, "chart.svg", NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "chart.pdf", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  LgrExportDialog *dialog;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export", NULL);
  dialog = LGR_EXPORT_DIALOG (lgr_window_get_export_dialog (f->window));
  g_assert_nonnull (dialog);
  g_assert_true (wait_until (has_preview, dialog));
  lgr_test_shoot (GTK_WIDGET (dialog), "export-dialog");

  lgr_export_dialog_set_format (dialog, LGR_EXPORT_PNG);
  lgr_export_dialog_set_title_text (dialog, "North LAC at 55");
  g_assert_true (lgr_export_dialog_export_to_path (dialog, png, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (png, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8);
  g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
  g_clear_pointer (&contents, g_free);

  lgr_export_dialog_set_format (dialog, LGR_EXPORT_SVG);
  g_assert_true (lgr_export_dialog_export_to_path (dialog, svg, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg, &contents, &length, NULL));
  g_assert_nonnull (strstr (contents, "<svg"));

  /* a PDF names the chart as titled and the study, like the command line's */
  lgr_export_dialog_set_format (dialog, LGR_EXPORT_PDF);
  g_assert_true (lgr_export_dialog_export_to_path (dialog, pdf, &error));
  g_assert_no_error (error);
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  if (pdfinfo != NULL)
    {
      g_autofree char *title = lgr_test_pdf_info (pdf, "Title:");
      g_autofree char *expected
          = g_strdup_printf ("North LAC at 55 – %s",
                             lgr_document_get_study (lgr_window_get_document (f->window))->title);
      g_assert_cmpstr (title, ==, expected);
      g_autofree char *author = lgr_test_pdf_info (pdf, "Author:");
      g_assert_cmpstr (author, ==, "LGR Explorer");
    }

  gtk_window_destroy (GTK_WINDOW (dialog));
  settle ();
  g_assert_null (lgr_window_get_export_dialog (f->window));
}

/* The dialog keeps to the export's size limit: a custom 8000 x 8000 (64 million pixels) is
 * refused with the reason, and nothing is written. */
static void
test_export_dialog_size_cap (Fixture *f, gconstpointer data)
{
  g_autofree char *png = g_build_filename (f->dir, "huge.png", NULL);
  g_autoptr (GSettings) settings = g_settings_new ("io.github.lgrexplorer.Explorer");
  g_autoptr (GError) error = NULL;
  double width, height, scale;
  LgrExportDialog *dialog;

  g_settings_set_string (settings, "export-size", "custom");
  g_settings_set_int (settings, "export-width", 8000);
  g_settings_set_int (settings, "export-height", 8000);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export", NULL);
  dialog = LGR_EXPORT_DIALOG (lgr_window_get_export_dialog (f->window));
  g_assert_nonnull (dialog);
  lgr_export_dialog_get_size (dialog, &width, &height, &scale);
  g_assert_cmpfloat (width, ==, 8000);
  g_assert_cmpfloat (height, ==, 8000);
  lgr_export_dialog_set_format (dialog, LGR_EXPORT_PNG);
  g_assert_false (lgr_export_dialog_export_to_path (dialog, png, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "40 million pixels"));
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));

  gtk_window_destroy (GTK_WINDOW (dialog));
  settle ();
  g_settings_reset (settings, "export-size");
  g_settings_reset (settings, "export-width");
  g_settings_reset (settings, "export-height");
}

/* The size the dialog shows is the size it writes: for each preset, with a custom size of
 * 1600 x 900 remembered (which the rows once showed while a slide was written at 1920 x 1080),
 * and at twice the resolution. */
static void
test_export_dialog_shown_size (Fixture *f, gconstpointer data)
{
  static const struct
  {
    const char *preset;
    double scale, width, height;
  } cases[] = {
    { "slide", 1, 1920, 1080 }, { "a4", 1, 595, 335 },      { "custom", 1, 1600, 900 },
    { "slide", 2, 1920, 1080 }, { "custom", 2, 1600, 900 },
  };
  g_autoptr (GSettings) settings = g_settings_new ("io.github.lgrexplorer.Explorer");
  g_autofree char *png = g_build_filename (f->dir, "sized.png", NULL);

  g_settings_set_int (settings, "export-width", 1600);
  g_settings_set_int (settings, "export-height", 900);
  g_settings_set_string (settings, "export-format", "png");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree guchar *contents = NULL;
      gsize length;
      double width, height;

      g_settings_set_string (settings, "export-size", cases[i].preset);
      g_settings_set_double (settings, "export-scale", cases[i].scale);
      gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export", NULL);
      LgrExportDialog *dialog = LGR_EXPORT_DIALOG (lgr_window_get_export_dialog (f->window));
      g_assert_true (wait_until (has_preview, dialog));
      lgr_export_dialog_get_shown_size (dialog, &width, &height);
      g_assert_cmpfloat (width, ==, cases[i].width);
      g_assert_cmpfloat (height, ==, cases[i].height);
      g_autofree char *status = g_strdup_printf ("Writes an image of %.0f × %.0f pixels.",
                                                 width * cases[i].scale, height * cases[i].scale);
      g_assert_cmpstr (lgr_export_dialog_get_status (dialog), ==, status);

      g_assert_true (lgr_export_dialog_export_to_path (dialog, png, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (png, (char **)&contents, &length, NULL));
      g_assert_cmpuint (length, >, 24);
      /* the PNG header's width and height, big-endian after "IHDR" */
      guint32 pw = GUINT32_FROM_BE (*(guint32 *)(contents + 16));
      guint32 ph = GUINT32_FROM_BE (*(guint32 *)(contents + 20));
      g_assert_cmpuint (pw, ==, (guint)(width * cases[i].scale));
      g_assert_cmpuint (ph, ==, (guint)(height * cases[i].scale));

      gtk_window_destroy (GTK_WINDOW (dialog));
      settle ();
      /* the custom size stays as it was, whatever the preset wrote */
      g_assert_cmpint (g_settings_get_int (settings, "export-width"), ==, 1600);
    }
  g_settings_reset (settings, "export-size");
  g_settings_reset (settings, "export-scale");
  g_settings_reset (settings, "export-format");
  g_settings_reset (settings, "export-width");
  g_settings_reset (settings, "export-height");
}

/* pdfinfo's "Pages:" and "Page size:" lines for a PDF. */
static void
pdf_info (const char *path, int *pages, double *width, double *height)
{
  g_autofree char *out = NULL;
  g_autoptr (GError) error = NULL;
  const char *argv[] = { "pdfinfo", path, NULL };
  const char *line;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                               NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  line = strstr (out, "Pages:");
  g_assert_nonnull (line);
  *pages = atoi (line + strlen ("Pages:"));
  line = strstr (out, "Page size:");
  g_assert_nonnull (line);
  g_assert_cmpint (sscanf (line, "Page size: %lf x %lf", width, height), ==, 2);
}

static gboolean
have_pdfinfo (void)
{
  g_autofree char *path = g_find_program_in_path ("pdfinfo");
  if (path == NULL)
    g_test_skip ("pdfinfo (poppler-utils) is not installed");
  return path != NULL;
}

/* The report through GtkPrintOperation (exported to PDF instead of a printer): every page of
 * lgr_report_draw_page, on A4 portrait, with the title and author of the command line's PDF. */
static void
test_print_report (Fixture *f, gconstpointer data)
{
  LgrDocument *document = lgr_window_get_document (f->window);
  g_autofree char *path = g_build_filename (f->dir, "printed-report.pdf", NULL);
  g_autofree char *chart_path = g_build_filename (f->dir, "printed-chart.pdf", NULL);
  g_autoptr (LgrPrintOperation) report = NULL;
  g_autoptr (LgrPrintOperation) chart = NULL;
  g_autoptr (GError) error = NULL;
  int expected
      = lgr_report_n_pages (lgr_document_get_study (document), lgr_document_get_results (document));
  int pages;
  double width, height;

  if (!have_pdfinfo ())
    return;
  g_assert_cmpint (expected, >, 3);
  report = lgr_print_operation_new_report (lgr_document_get_study (document),
                                           lgr_document_get_results (document));
  g_assert_true (lgr_print_operation_export_pdf (report, path, &error));
  g_assert_no_error (error);
  pdf_info (path, &pages, &width, &height);
  g_assert_cmpint (pages, ==, expected);
  g_assert_cmpfloat_with_epsilon (width, 595.28, 1.0);
  g_assert_cmpfloat_with_epsilon (height, 841.89, 1.0);
  g_autofree char *title = lgr_test_pdf_info (path, "Title:");
  g_assert_cmpstr (title, ==, lgr_document_get_study (document)->title);
  g_autofree char *author = lgr_test_pdf_info (path, "Author:");
  g_assert_cmpstr (author, ==, "LGR Explorer");

  /* A chart is one landscape page. */
  chart = lgr_print_operation_new (lgr_document_get_study (document),
                                   lgr_document_get_results (document), LGR_CHART_SAVINGS);
  g_assert_true (lgr_print_operation_export_pdf (chart, chart_path, &error));
  g_assert_no_error (error);
  pdf_info (chart_path, &pages, &width, &height);
  g_assert_cmpint (pages, ==, 1);
  g_assert_cmpfloat (width, >, height);
  g_autofree char *chart_title = lgr_test_pdf_info (chart_path, "Title:");
  g_autofree char *expected_title
      = g_strdup_printf ("%s – %s", lgr_chart_kind_title (LGR_CHART_SAVINGS),
                         lgr_document_get_study (document)->title);
  g_assert_cmpstr (chart_title, ==, expected_title);
}

typedef struct
{
  GdkTexture *texture;
  gboolean done;
} TextureRead;

static void
texture_read (GObject *source, GAsyncResult *result, gpointer data)
{
  TextureRead *read = data;
  read->texture = gdk_clipboard_read_texture_finish (GDK_CLIPBOARD (source), result, NULL);
  read->done = TRUE;
}

static gboolean
read_done (gpointer data)
{
  return ((TextureRead *)data)->done;
}

static void
test_copy_chart (Fixture *f, gconstpointer data)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (f->window));
  GdkContentFormats *formats;
  TextureRead read = { NULL, FALSE };

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.copy-chart", NULL);
  settle ();
  formats = gdk_clipboard_get_formats (clipboard);
  g_assert_true (gdk_clipboard_is_local (clipboard));
  g_assert_true (gdk_content_formats_contain_gtype (formats, GDK_TYPE_TEXTURE));
  g_assert_true (gdk_content_formats_contain_mime_type (formats, "image/png"));
  g_assert_false (gdk_content_formats_contain_gtype (formats, G_TYPE_STRING));

  gdk_clipboard_read_texture_async (clipboard, NULL, texture_read, &read);
  g_assert_true (wait_until (read_done, &read));
  g_assert_nonnull (read.texture);
  g_assert_cmpint (gdk_texture_get_width (read.texture), ==, 1600);
  g_assert_cmpint (gdk_texture_get_height (read.texture), ==, 900);
  g_object_unref (read.texture);
}

/* Export Table writes what the command line's --summary=csv writes for the same saved study. */
static void
test_export_csv (Fixture *f, gconstpointer data)
{
  const char *explorer = g_getenv ("LGR_EXPLORER");
  g_autofree char *study_path = g_build_filename (f->dir, "edited.lgr", NULL);
  g_autofree char *csv_path = g_build_filename (f->dir, "two.csv", NULL);
  g_autoptr (GFile) study_file = g_file_new_for_path (study_path);
  g_autoptr (GFile) csv_file = g_file_new_for_path (csv_path);
  g_autoptr (GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *summary = NULL;
  int status;

  if (explorer == NULL)
    {
      g_test_skip ("LGR_EXPLORER is not set");
      return;
    }
  lgr_number_row_commit_text (lgr_test_north_lac_target (f), "61.5"); /* selects "two" */
  g_assert_true (lgr_window_save_to (f->window, study_file, &error));
  g_assert_no_error (error);
  g_assert_true (lgr_window_export_csv_to (f->window, csv_file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, &error));
  {
    const char *argv[] = { explorer, "--summary=csv", study_path, NULL };
    g_assert_true (
        g_spawn_sync (NULL, (char **)argv, NULL, 0, NULL, NULL, &summary, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_cmpint (status, ==, 0);
  }
  g_assert_true (g_str_has_prefix (csv, "scenario,name,measure,"));
  g_assert_cmpstr (csv, ==, summary);
}

/* Whether needle is somewhere in data (which may hold NUL bytes). */
static gboolean
bytes_contain (const char *data, gsize length, const char *needle)
{
  gsize n = strlen (needle);
  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

/* Export Workbook writes an .xlsx file (a zip holding the Inputs, one sheet per scenario and
 * the Summary) of the edited study; test-workbook.c checks its figures. */
static void
test_export_workbook (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "study.xlsx", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autofree char *bytes = NULL;
  gsize length = 0;

  lgr_number_row_commit_text (lgr_test_north_lac_target (f), "61.5");
  g_assert_true (lgr_window_export_workbook_to (f->window, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &bytes, &length, &error));
  g_assert_cmpuint (length, >, 4);
  g_assert_cmpmem (bytes, 4, "PK\x03\x04", 4);
  g_assert_true (bytes_contain (bytes, length, "xl/worksheets/sheet4.xml"));

  /* the window menu offers it */
  g_autoptr (GBytes) ui = g_resources_lookup_data ("/io/github/lgrexplorer/Explorer/lgr-window.ui",
                                                   G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_assert_nonnull (ui);
  g_assert_nonnull (
      g_strstr_len (g_bytes_get_data (ui, NULL), g_bytes_get_size (ui), "win.export-workbook"));
}

/* Import Scenarios says first which settings differ, imports on "Import" only, and the imports
 * are named and coloured apart from the scenarios already here. */
static void
test_import_scenarios (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "other.lgr", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  LgrDocument *document = lgr_window_get_document (f->window);
  g_autoptr (LgrStudy) other = lgr_study_copy (lgr_test_window_study (f));
  guint n = other->scenarios->len;

  g_free (other->title);
  other->title = g_strdup ("Other study");
  other->discount_rate = 5;
  g_assert_true (lgr_study_save_path (other, path, &error));
  g_assert_no_error (error);

  /* Different settings: a question listing them; Cancel imports nothing. */
  _lgr_window_import_file (f->window, file);
  AdwMessageDialog *dialog = lgr_window_get_dialog (f->window);
  g_assert_nonnull (dialog);
  const char *body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, "Discount rate: "));
  g_assert_nonnull (strstr (body, " in Other study"));
  g_assert_null (strstr (body, "Timeline"));
  respond (f, "cancel");
  g_assert_cmpuint (lgr_test_window_study (f)->scenarios->len, ==, n);
  g_assert_false (lgr_document_can_undo (document));

  _lgr_window_import_file (f->window, file);
  respond (f, "import");
  const LgrStudy *study = lgr_test_window_study (f);
  g_assert_cmpuint (study->scenarios->len, ==, 2 * n);
  g_assert_cmpstr (((LgrScenario *)g_ptr_array_index (study->scenarios, n + 1))->name, ==,
                   "Two unitaries (from Other study)");
  g_assert_cmpstr (lgr_scenario_style_colour (study, n), !=, lgr_scenario_style_colour (study, 0));
  g_assert_cmpstr (lgr_scenario_style_colour (study, n + 1), !=,
                   lgr_scenario_style_colour (study, 1));
  g_assert_cmpfloat (study->discount_rate, !=, 5); /* this study's settings stay */

  /* The same settings: imported straight away, one undo step. */
  g_assert_true (lgr_document_undo (document));
  other->discount_rate = lgr_test_window_study (f)->discount_rate;
  g_assert_true (lgr_study_save_path (other, path, &error));
  g_assert_no_error (error);
  _lgr_window_import_file (f->window, file);
  settle ();
  g_assert_null (lgr_window_get_dialog (f->window));
  g_assert_cmpuint (lgr_test_window_study (f)->scenarios->len, ==, 2 * n);
}

int
main (int argc, char *argv[])
{
  lgr_test_window_init (&argc, &argv);

#define ADD LGR_TEST_WINDOW_ADD
  ADD ("/window/files/save-reload", test_save_reload);
  ADD ("/window/files/unsaved-changes", test_unsaved_changes);
  ADD ("/window/files/draft-recovery", test_draft_recovery);
  ADD ("/window/files/open-not-a-file", test_open_not_a_file);
  ADD ("/window/presentation", test_presentation);
  ADD ("/window/presentation/second-screen", test_second_screen);
  ADD ("/window/export-dialog", test_export_dialog);
  ADD ("/window/export-dialog/size-cap", test_export_dialog_size_cap);
  ADD ("/window/export-dialog/shown-size", test_export_dialog_shown_size);
  ADD ("/window/print/report", test_print_report);
  ADD ("/window/export/copy-chart", test_copy_chart);
  ADD ("/window/export/csv", test_export_csv);
  ADD ("/window/export/workbook", test_export_workbook);
  ADD ("/window/files/import-scenarios", test_import_scenarios);
#undef ADD
  return g_test_run ();
}
