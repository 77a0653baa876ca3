/* test-window-notes.c: the notes edited in the sidebar (src/lgr-note-row.c) - an authority's
 * source, marked when a population changes after it and confirmed with Still True; the study's
 * and a scenario's description and the benchmarks' source - each one undoable edit, a refused
 * note kept as typed with the reason, under Xvfb. With LGR_SHOTS_DIR set, screenshots to look
 * at. */
#include <adwaita.h>
#include <string.h>

#include "lgr-lever-row.h"
#include "lgr-note-row.h"
#include "lgr-source-editor.h"
#include "lgr-test-util.h"
#include "lgr-test-window.h"

static LgrNoteRow *
note_row (LgrTestWindowFixture *f, const char *kind, const char *authority_id)
{
  LgrNoteRow *row = lgr_note_row_find_below (GTK_WIDGET (lgr_window_get_sidebar (f->window)), kind,
                                             authority_id);
  g_assert_nonnull (row);
  return row;
}

static gboolean
drawn (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0;
}

/* Opens the row's popover, types text and closes it: what a user does. */
static void
type_note (LgrNoteRow *row, const char *text, const char *shot)
{
  GtkWidget *editor = lgr_note_row_get_editor (row);
  GtkWidget *popover = gtk_widget_get_ancestor (editor, GTK_TYPE_POPOVER);

  gtk_menu_button_popup (GTK_MENU_BUTTON (lgr_note_row_get_button (row)));
  lgr_test_settle ();
  g_assert_true (lgr_test_wait_until (drawn, popover));
  lgr_source_editor_type_text (LGR_SOURCE_EDITOR (editor), text);
  if (shot)
    {
      g_autofree char *popover_shot = g_strconcat (shot, "-popover", NULL);
      lgr_test_shoot (gtk_widget_get_ancestor (GTK_WIDGET (row), GTK_TYPE_WINDOW), shot);
      lgr_test_shoot (popover, popover_shot);
    }
  gtk_popover_popdown (GTK_POPOVER (popover));
  lgr_test_settle ();
}

/* The window enables win.undo and win.redo when it updates its views, at its next frame. */
static gboolean
views_updated (gpointer data)
{
  LgrWindow *window = data;
  return window->update_tick == 0 && window->update_idle == 0;
}

/* win.undo or win.redo as the user would, once the window has enabled it. */
static void
activate (LgrTestWindowFixture *f, const char *action)
{
  g_assert_true (lgr_test_wait_until (views_updated, f->window));
  gtk_widget_activate_action (GTK_WIDGET (f->window), action, NULL);
  lgr_test_settle ();
}

static const LgrAuthority *
north (LgrTestWindowFixture *f)
{
  return lgr_scenario_find_authority (lgr_study_find_scenario (lgr_test_window_study (f), "two"),
                                      "north");
}

static void
test_authority_source (LgrTestWindowFixture *f, gconstpointer data)
{
  LgrScenarioSidebar *sidebar = lgr_window_get_sidebar (f->window);
  GtkWidget *expander;
  LgrNoteRow *row;
  LgrSourceEditor *editor;
  g_autofree char *had = NULL;

  lgr_scenario_sidebar_select (sidebar, "two");
  lgr_test_settle ();
  expander = gtk_widget_get_ancestor (
      lgr_scenario_sidebar_get_authority_name_row (sidebar, "north"), ADW_TYPE_EXPANDER_ROW);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
  row = note_row (f, LGR_NOTE_AUTHORITY_SOURCE, "north");
  editor = LGR_SOURCE_EDITOR (lgr_note_row_get_editor (row));
  had = g_strdup (north (f)->source);
  /* the bundled study's note, its first words under the row's title */
  g_assert_nonnull (had);
  g_assert_true (
      g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Population 313,600"));

  /* written, one undo step */
  type_note (row, "Office for National Statistics, test note.\nSecond line.", "authority-source");
  g_assert_cmpstr (north (f)->source, ==,
                   "Office for National Statistics, test note.\nSecond line.");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Office for National Statistics, test note.");
  activate (f, "win.undo");
  g_assert_cmpstr (north (f)->source, ==, had);
  activate (f, "win.redo");

  /* the population changed in its field: the note is marked, with both figures */
  lgr_number_row_commit_text (g_object_get_data (G_OBJECT (expander), "lgr-population"), "320000");
  lgr_test_settle ();
  g_assert_cmpfloat (north (f)->population, ==, 320000);
  g_assert_true (north (f)->has_source_population);
  g_assert_nonnull (lgr_source_editor_get_stale (editor));
  g_assert_nonnull (strstr (lgr_source_editor_get_stale (editor), "313,600 → 320,000"));
  g_assert_cmpstr (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (lgr_note_row_get_button (row))),
                   ==, "dialog-warning-symbolic");
  gtk_menu_button_popup (GTK_MENU_BUTTON (lgr_note_row_get_button (row)));
  lgr_test_settle ();
  lgr_test_shoot (gtk_widget_get_ancestor (GTK_WIDGET (editor), GTK_TYPE_POPOVER),
                  "authority-source-stale-popover");

  /* Still True: the mark goes, one undo step */
  g_signal_emit_by_name (editor, "confirmed");
  lgr_test_settle ();
  g_assert_false (north (f)->has_source_population);
  g_assert_null (lgr_source_editor_get_stale (editor));
  activate (f, "win.undo");
  g_assert_true (north (f)->has_source_population);
  g_assert_nonnull (lgr_source_editor_get_stale (editor));
  gtk_popover_popdown (
      GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (editor), GTK_TYPE_POPOVER)));
  lgr_test_settle ();
}

static void
test_descriptions (LgrTestWindowFixture *f, gconstpointer data)
{
  LgrScenarioSidebar *sidebar = lgr_window_get_sidebar (f->window);
  LgrDocument *document = f->window->document;
  LgrNoteRow *study_row = note_row (f, LGR_NOTE_STUDY_DESCRIPTION, NULL);
  LgrNoteRow *scenario_row = note_row (f, LGR_NOTE_SCENARIO_DESCRIPTION, NULL);
  LgrNoteRow *benchmarks_row = note_row (f, LGR_NOTE_BENCHMARKS_SOURCE, NULL);
  g_autofree char *study_had = g_strdup (lgr_test_window_study (f)->description);
  g_autofree char *long_text = g_strnfill (10001, 'x');
  LgrSourceEditor *editor;

  /* the study's: one undo step */
  type_note (study_row, "A study of two options.\n\nSecond paragraph.", "study-description");
  g_assert_cmpstr (lgr_test_window_study (f)->description, ==,
                   "A study of two options.\n\nSecond paragraph.");
  g_assert_cmpstr (lgr_document_get_undo_label (document), ==, "Change the study’s description");
  activate (f, "win.undo");
  g_assert_cmpstr (lgr_test_window_study (f)->description, ==, study_had);

  /* the selected scenario's, and the row follows the selection */
  lgr_scenario_sidebar_select (sidebar, "two");
  lgr_test_settle ();
  type_note (scenario_row, "The districts' proposal.", "scenario-description");
  g_assert_cmpstr (lgr_study_find_scenario (lgr_test_window_study (f), "two")->description, ==,
                   "The districts' proposal.");
  lgr_scenario_sidebar_select (sidebar, "one");
  lgr_test_settle ();
  {
    g_autofree char *shown
        = lgr_source_editor_get_text (LGR_SOURCE_EDITOR (lgr_note_row_get_editor (scenario_row)));
    g_assert_cmpstr (shown, ==,
                     lgr_study_find_scenario (lgr_test_window_study (f), "one")->description);
  }
  activate (f, "win.undo");
  g_assert_cmpstr (lgr_study_find_scenario (lgr_test_window_study (f), "two")->description, !=,
                   "The districts' proposal.");

  /* the benchmarks' source */
  type_note (benchmarks_row, "CIPFA, test.", NULL);
  g_assert_cmpstr (lgr_test_window_study (f)->benchmarks_source, ==, "CIPFA, test.");
  activate (f, "win.undo");

  /* too long: refused with the reason, the text kept as typed, the study unchanged */
  editor = LGR_SOURCE_EDITOR (lgr_note_row_get_editor (study_row));
  type_note (study_row, long_text, NULL);
  g_assert_cmpstr (lgr_test_window_study (f)->description, ==, study_had);
  g_assert_nonnull (lgr_source_editor_get_error (editor));
  {
    g_autofree char *kept = lgr_source_editor_get_text (editor);
    g_assert_cmpstr (kept, ==, long_text);
  }
  /* another edit elsewhere does not throw the typed text away */
  g_assert_true (lgr_document_set_scenario_description (document, "one", "Another edit.", NULL));
  lgr_test_settle ();
  {
    g_autofree char *kept = lgr_source_editor_get_text (editor);
    g_assert_cmpstr (kept, ==, long_text);
  }
}

/* A lever's note too long for the file: refused with the reason in its popover, and what was
 * typed stays there through other edits until the user changes it. */
static void
test_lever_note_refused (LgrTestWindowFixture *f, gconstpointer data)
{
  LgrScenarioSidebar *sidebar = lgr_window_get_sidebar (f->window);
  g_autofree char *long_text = g_strnfill (10001, 'x');
  g_autofree char *had = NULL;
  LgrSourceEditor *editor;
  GtkWidget *popover;
  const LgrLever *lever;

  lgr_scenario_sidebar_select (sidebar, "two");
  lgr_test_settle ();
  editor = LGR_SOURCE_EDITOR (
      lgr_lever_row_get_source_editor (lgr_scenario_sidebar_find_lever_row (sidebar, "north-lac")));
  popover = gtk_widget_get_ancestor (GTK_WIDGET (editor), GTK_TYPE_POPOVER);
  lever = lgr_scenario_find_lever (lgr_study_find_scenario (lgr_test_window_study (f), "two"),
                                   "north-lac");
  had = g_strdup (lever->source);

  gtk_popover_popup (GTK_POPOVER (popover));
  lgr_test_settle ();
  lgr_source_editor_type_text (editor, long_text);
  gtk_popover_popdown (GTK_POPOVER (popover));
  lgr_test_settle ();
  lever = lgr_scenario_find_lever (lgr_study_find_scenario (lgr_test_window_study (f), "two"),
                                   "north-lac");
  g_assert_cmpstr (lever->source, ==, had);
  g_assert_nonnull (lgr_source_editor_get_error (editor));
  g_assert_nonnull (strstr (lgr_source_editor_get_error (editor), "at most 10000 are allowed"));

  g_assert_true (lgr_document_set_study_description (f->window->document, "Another edit.", NULL));
  lgr_test_settle ();
  {
    g_autofree char *kept = lgr_source_editor_get_text (editor);
    g_assert_cmpstr (kept, ==, long_text);
  }

  /* shortened, it is taken and the reason goes */
  gtk_popover_popup (GTK_POPOVER (popover));
  lgr_test_settle ();
  lgr_source_editor_type_text (editor, "A shorter note.");
  gtk_popover_popdown (GTK_POPOVER (popover));
  lgr_test_settle ();
  lever = lgr_scenario_find_lever (lgr_study_find_scenario (lgr_test_window_study (f), "two"),
                                   "north-lac");
  g_assert_cmpstr (lever->source, ==, "A shorter note.");
  g_assert_null (lgr_source_editor_get_error (editor));
}

int
main (int argc, char *argv[])
{
  lgr_test_window_init (&argc, &argv);
  LGR_TEST_WINDOW_ADD ("/window/notes/authority-source", test_authority_source);
  LGR_TEST_WINDOW_ADD ("/window/notes/descriptions", test_descriptions);
  LGR_TEST_WINDOW_ADD ("/window/notes/lever-note-refused", test_lever_note_refused);
  return g_test_run ();
}
