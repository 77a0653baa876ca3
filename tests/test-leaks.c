/* test-leaks.c: what the window creates is freed when it goes.
 *
 * A document, a window showing one (chart, cards, sidebar, lever and item rows), the export
 * dialog and a summary card are each created, used and let go, then checked with
 * g_assert_finalize_object. For the window and the dialog every widget inside them is watched
 * too, so a row or card kept alive by a stray reference fails the test by its type name. Runs
 * under Xvfb with G_SLICE=always-malloc and G_DEBUG=fatal-warnings (tests/meson.build), so the
 * sanitizer build's LeakSanitizer also sees every GObject allocation. */
#include <adwaita.h>
#include <glib/gstdio.h>

#include "lgr-core-resources.h"
#include "lgr-export-dialog.h"
#include "lgr-figure-label.h"
#include "lgr-resources.h"
#include "lgr-study-io.h"
#include "lgr-item-row.h"
#include "lgr-lever-row.h"
#include "lgr-summary-card.h"
#include "lgr-test-util.h"
#include "lgr-window-private.h"

/* Every widget under a root, watched with weak references until it is finalized. */
typedef struct
{
  GHashTable *alive; /* GObject* -> type name */
  guint seen;
  guint lever_rows, item_rows, cards, sidebars, chart_views;
} Watch;

static void
on_finalized (gpointer data, GObject *where_the_object_was)
{
  Watch *watch = data;
  g_hash_table_remove (watch->alive, where_the_object_was);
}

static void
watch_tree (Watch *watch, GtkWidget *widget)
{
  if (!g_hash_table_contains (watch->alive, widget))
    {
      g_hash_table_insert (watch->alive, widget, (gpointer)G_OBJECT_TYPE_NAME (widget));
      g_object_weak_ref (G_OBJECT (widget), on_finalized, watch);
      watch->seen++;
      watch->lever_rows += LGR_IS_LEVER_ROW (widget);
      watch->item_rows += LGR_IS_ITEM_ROW (widget);
      watch->cards += LGR_IS_SUMMARY_CARD (widget);
      watch->sidebars += LGR_IS_SCENARIO_SIDEBAR (widget);
      watch->chart_views += LGR_IS_CHART_VIEW (widget);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    watch_tree (watch, child);
}

static void
watch_init (Watch *watch)
{
  *watch = (Watch){ 0 };
  watch->alive = g_hash_table_new (NULL, NULL);
}

static gboolean
watch_all_gone (gpointer data)
{
  Watch *watch = data;
  return g_hash_table_size (watch->alive) == 0;
}

/* Waits for every watched widget to go, then fails naming the ones still alive. */
static void
watch_assert_gone (Watch *watch)
{
  GHashTableIter iter;
  gpointer object, type_name;
  g_autoptr (GString) names = g_string_new (NULL);

  lgr_test_wait_until (watch_all_gone, watch);
  g_hash_table_iter_init (&iter, watch->alive);
  while (g_hash_table_iter_next (&iter, &object, &type_name))
    {
      g_string_append_printf (names, " %s", (const char *)type_name);
      g_object_weak_unref (object, on_finalized, watch);
    }
  if (names->len > 0)
    g_error ("%u of %u widgets were not finalized:%s", g_hash_table_size (watch->alive),
             watch->seen, names->str);
  g_hash_table_unref (watch->alive);
}

static void
test_document (void)
{
  g_autoptr (GError) error = NULL;
  LgrDocument *document = lgr_document_new_bundled (&error);
  const LgrStudy *study;
  const LgrScenario *scenario;
  LgrLever lever;

  g_assert_no_error (error);
  /* An edit and its undo, so the undo stack holds studies too. */
  study = lgr_document_get_study (document);
  scenario = g_ptr_array_index (study->scenarios, 0);
  lever = *(const LgrLever *)g_ptr_array_index (scenario->levers, 0);
  lever.cohort_target += 1;
  g_assert_true (lgr_document_set_lever (document, scenario->id, &lever, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (lgr_document_undo (document));
  g_assert_finalize_object (document);
}

typedef struct
{
  char *dir;
  LgrDraftStore *drafts;
} Drafts;

static void
drafts_init (Drafts *d)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  d->dir = g_dir_make_tmp ("lgr-leaks-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (d->dir, "drafts", NULL);
  d->drafts = lgr_draft_store_new (path);
}

static void
drafts_clear (Drafts *d)
{
  g_assert_finalize_object (d->drafts);
  lgr_test_remove_tree (d->dir);
  g_free (d->dir);
}

static LgrWindow *
window_new_shown (LgrDocument *document, Drafts *drafts)
{
  LgrWindow *window = lgr_window_new (NULL, drafts->drafts);

  lgr_window_set_document (window, document);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  lgr_test_settle ();
  return window;
}

static void
test_window (void)
{
  g_autoptr (GError) error = NULL;
  LgrDocument *document = lgr_document_new_bundled (&error);
  Drafts drafts;
  LgrWindow *window;
  Watch watch;

  g_assert_no_error (error);
  drafts_init (&drafts);
  window = window_new_shown (document, &drafts);
  g_assert_true (lgr_window_get_document (window) == document);

  watch_init (&watch);
  watch_tree (&watch, GTK_WIDGET (window));
  g_test_message ("watching %u widgets", watch.seen);
  g_assert_cmpuint (watch.sidebars, ==, 1);
  g_assert_cmpuint (watch.chart_views, >=, 1);
  g_assert_cmpuint (watch.cards, >=, 2);
  g_assert_cmpuint (watch.lever_rows, >=, 1);
  g_assert_cmpuint (watch.item_rows, >=, 1);

  /* The window owns itself; hold it so that finalizing is what is checked. Closed as a person
   * closes it, so the draft store lets the document go too. */
  g_object_ref (window);
  gtk_window_close (GTK_WINDOW (window));
  lgr_test_settle ();
  g_assert_finalize_object (window);
  watch_assert_gone (&watch);
  g_assert_finalize_object (document);
  drafts_clear (&drafts);
}

/* A snapshot stepped and the room's view in its own window, as on a second screen (not full
 * screen: a tooltip under the pointer at the screen's centre would leak in GTK 4.8 itself):
 * closing both lets the views, their rows and the document go. */
static void
test_presentation (void)
{
  g_autoptr (GError) error = NULL;
  LgrDocument *document = lgr_document_new_bundled (&error);
  Drafts drafts;
  LgrWindow *window;
  LgrPresentationWindow *room;
  Watch watch;

  g_assert_no_error (error);
  drafts_init (&drafts);
  window = window_new_shown (document, &drafts);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.next-snapshot", NULL);
  room = lgr_presentation_window_new (GTK_WIDGET (window), document);
  gtk_window_set_default_size (GTK_WINDOW (room), 800, 600);
  gtk_window_present (GTK_WINDOW (room));
  lgr_test_settle ();

  watch_init (&watch);
  watch_tree (&watch, GTK_WIDGET (window));
  watch_tree (&watch, GTK_WIDGET (room));
  g_assert_cmpuint (watch.chart_views, >=, 3);
  g_assert_cmpuint (watch.lever_rows, >=, 2);

  g_object_ref (window);
  g_object_ref (room);
  /* The snapshot undone, so closing asks nothing. */
  g_assert_true (lgr_document_undo (document));
  g_assert_false (lgr_document_get_modified (document));
  gtk_window_close (GTK_WINDOW (room));
  gtk_window_close (GTK_WINDOW (window));
  lgr_test_settle ();
  g_assert_finalize_object (room);
  g_assert_finalize_object (window);
  watch_assert_gone (&watch);
  g_assert_finalize_object (document);
  drafts_clear (&drafts);
}

static gboolean
preview_drawn (gpointer data)
{
  return lgr_export_dialog_get_preview (data) != NULL;
}

static void
test_export_dialog (void)
{
  g_autoptr (GError) error = NULL;
  LgrDocument *document = lgr_document_new_bundled (&error);
  GSettings *settings = g_settings_new (APP_ID);
  Drafts drafts;
  LgrWindow *window;
  GtkWidget *dialog;
  Watch watch;

  g_assert_no_error (error);
  drafts_init (&drafts);
  window = window_new_shown (document, &drafts);
  dialog = lgr_export_dialog_new (GTK_WINDOW (window), document, settings, LGR_CHART_SAVINGS);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (lgr_test_wait_until (preview_drawn, dialog));
  lgr_export_dialog_set_title_text (LGR_EXPORT_DIALOG (dialog), "A title");
  lgr_export_dialog_set_format (LGR_EXPORT_DIALOG (dialog), LGR_EXPORT_SVG);
  lgr_test_settle ();

  watch_init (&watch);
  watch_tree (&watch, dialog);
  g_object_ref (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  lgr_test_settle ();
  g_assert_finalize_object (dialog);
  watch_assert_gone (&watch);

  g_object_ref (window);
  gtk_window_close (GTK_WINDOW (window));
  lgr_test_settle ();
  g_assert_finalize_object (window);
  g_assert_finalize_object (document);
  g_assert_finalize_object (settings);
  drafts_clear (&drafts);
}

static void
count_notify (GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

/* Counts changes of the text of every label (figure labels too) inside widget and of its
 * tooltip. */
static void
count_text_changes (GtkWidget *widget, guint *count)
{
  if (GTK_IS_LABEL (widget) || LGR_IS_FIGURE_LABEL (widget))
    g_signal_connect (widget, "notify::label", G_CALLBACK (count_notify), count);
  g_signal_connect (widget, "notify::tooltip-text", G_CALLBACK (count_notify), count);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    count_text_changes (child, count);
}

static void
test_summary_card (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LgrDocument) document = lgr_document_new_bundled (&error);
  const LgrResults *results;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *card = lgr_summary_card_new ();
  guint changes = 0;
  Watch watch;

  g_assert_no_error (error);
  results = lgr_document_get_results (document);
  g_object_ref_sink (card);
  gtk_window_set_child (GTK_WINDOW (window), card);
  lgr_summary_card_update (LGR_SUMMARY_CARD (card), &results->scenarios[0], results);
  gtk_window_present (GTK_WINDOW (window));
  lgr_test_settle ();
  /* Updated again with the same figures: no text is set again. With another scenario's: the
   * name and the figures change, and the tooltip, asked for when shown, follows. */
  count_text_changes (card, &changes);
  lgr_summary_card_update (LGR_SUMMARY_CARD (card), &results->scenarios[0], results);
  g_assert_cmpuint (changes, ==, 0);
  lgr_summary_card_update (LGR_SUMMARY_CARD (card), &results->scenarios[1], results);
  g_assert_cmpuint (changes, >=, 3);
  g_assert_true (gtk_widget_get_has_tooltip (card));
  g_assert_true (g_str_has_prefix (lgr_summary_card_get_description (LGR_SUMMARY_CARD (card)),
                                   results->scenarios[1].scenario->name));
  lgr_test_settle ();
  g_signal_handlers_disconnect_matched (card, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, count_notify, NULL);

  watch_init (&watch);
  watch_tree (&watch, card);
  gtk_window_destroy (GTK_WINDOW (window));
  lgr_test_settle ();
  g_assert_finalize_object (card);
  watch_assert_gone (&watch);
}

/* Each GResource is registered once in the process: after one unregistration its files are
 * gone. */
static void
assert_registered_once (GResource *resource, const char *path)
{
  g_autoptr (GBytes) before = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr (GBytes) after = NULL;

  g_assert_nonnull (before);
  g_resources_unregister (resource);
  after = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_resources_register (resource);
  g_assert_null (after);
}

static void
test_resources_registered_once (void)
{
  g_autoptr (GBytes) study = lgr_study_bundled_bytes ();
  g_autoptr (GBytes) again = lgr_study_bundled_bytes ();
  GType types[] = { LGR_TYPE_WINDOW, LGR_TYPE_EXPORT_DIALOG, LGR_TYPE_SUMMARY_CARD };

  /* Whatever the classes do when they are set up has been done. */
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    g_type_class_unref (g_type_class_ref (types[i]));
  assert_registered_once (lgr_get_resource (), "/io/github/lgrexplorer/Explorer/lgr-window.ui");
  assert_registered_once (lgr_core_get_resource (),
                          "/io/github/lgrexplorer/Explorer/studies/warwickshire.lgr");
}

int
main (int argc, char **argv)
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/leaks/document", test_document);
  g_test_add_func ("/leaks/resources-registered-once", test_resources_registered_once);
  g_test_add_func ("/leaks/window", test_window);
  g_test_add_func ("/leaks/presentation", test_presentation);
  g_test_add_func ("/leaks/export-dialog", test_export_dialog);
  g_test_add_func ("/leaks/summary-card", test_summary_card);
  return g_test_run ();
}
