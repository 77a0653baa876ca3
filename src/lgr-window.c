/* lgr-window.c: the main window. The document does the editing; the sidebar, cards, verdict,
 * chart and table only show it. The lever and item rows follow the document by themselves; the
 * window's own views are brought up to date once a frame after the document changed (see
 * queue_update), touching only what changed. The actions are in lgr-window-actions.c. */
#include <glib/gi18n.h>

#include "lgr-export-dialog.h"
#include "lgr-export.h"
#include "lgr-file-chooser.h"
#include "lgr-format.h"
#include "lgr-lever-row.h"
#include "lgr-print-operation.h"
#include "lgr-study-io.h"
#include "lgr-window-private.h"

/* times the chart view's own (1.2 to 1.5 with its width): about 1.6 to 2 in all */
#define PRESENTATION_FONT_SCALE 1.35
#define PRESENTATION_MAX_LEVERS 4

G_DEFINE_FINAL_TYPE (LgrWindow, lgr_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_PRESENTING,
  PROP_CHART,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_presentation_levers (LgrWindow *self);

/* Toasts and questions */

void
_lgr_window_toast (LgrWindow *self, const char *message)
{
  /* A toast's title is Pango markup; messages are plain text and may quote a name with '&'. */
  g_autofree char *markup = g_markup_escape_text (message, -1);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (markup));
}

static void
on_dialog_destroyed (LgrWindow *self, GObject *where_the_object_was)
{
  self->dialog = NULL;
}

AdwMessageDialog *
_lgr_window_new_dialog (LgrWindow *self, const char *heading, const char *body)
{
  AdwMessageDialog *dialog
      = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  if (self->dialog)
    g_object_weak_unref (G_OBJECT (self->dialog), (GWeakNotify)on_dialog_destroyed, self);
  self->dialog = dialog;
  g_object_weak_ref (G_OBJECT (dialog), (GWeakNotify)on_dialog_destroyed, self);
  return dialog;
}

void
_lgr_window_show_error (LgrWindow *self, const char *heading, const GError *error)
{
  AdwMessageDialog *dialog = _lgr_window_new_dialog (self, heading, error->message);
  adw_message_dialog_add_response (dialog, "close", _ ("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Files */

static void
fill_recent_menu (LgrWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  guint n = 0;

  g_menu_remove_all (self->recent_menu);
  for (GList *l = items; l && n < 10; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);
      g_autoptr (GMenuItem) item = NULL;
      g_autofree char *action = NULL;

      if (!g_str_has_suffix (uri, ".lgr") || !gtk_recent_info_exists (info))
        continue;
      item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
      g_menu_item_set_action_and_target (item, "win.open-recent", "s", uri);
      g_menu_append_item (self->recent_menu, item);
      n++;
    }
  g_list_free_full (items, (GDestroyNotify)gtk_recent_info_unref);
  if (n == 0)
    {
      g_autoptr (GMenuItem) item = g_menu_item_new (_ ("No Recent Studies"), "win.none");
      g_menu_append_item (self->recent_menu, item);
    }
}

void
_lgr_window_choose_file (LgrWindow *self, gboolean save, const char *title, const char *suggested,
                         const char *filter_name, const char *pattern, ChosenFunc func)
{
  lgr_choose_file (GTK_WINDOW (self), self->settings, save, title, suggested, filter_name, pattern,
                   G_OBJECT (self), (LgrFileChosenFunc)func);
}

/* What the window shows */

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static void
update_title (LgrWindow *self)
{
  g_autofree char *name = lgr_document_get_file (self->document)
                              ? lgr_document_dup_display_name (self->document)
                              : g_strdup (_ ("Not saved to a file yet"));
  g_autofree char *subtitle = lgr_document_get_modified (self->document)
                                  ? g_strdup_printf ("• %s", name)
                                  : g_strdup (name);
  const LgrStudy *study = lgr_document_get_study (self->document);

  if (g_strcmp0 (adw_window_title_get_title (self->window_title), study->title) != 0)
    {
      adw_window_title_set_title (self->window_title, study->title);
      gtk_window_set_title (GTK_WINDOW (self), study->title);
    }
  if (g_strcmp0 (adw_window_title_get_subtitle (self->window_title), subtitle) != 0)
    adw_window_title_set_subtitle (self->window_title, subtitle);
}

static void
update_actions (LgrWindow *self)
{
  const LgrStudy *study = lgr_document_get_study (self->document);
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "win.undo", lgr_document_can_undo (self->document));
  gtk_widget_action_set_enabled (widget, "win.redo", lgr_document_can_redo (self->document));
  gtk_widget_action_set_enabled (widget, "win.revert", lgr_document_get_modified (self->document));
  gtk_widget_action_set_enabled (widget, "win.remove-scenario", study->scenarios->len > 1);
}

/* The ids of the scenarios, in order: the cards and tables are built again when they change. */
static char *
scenario_key (const LgrStudy *study)
{
  GString *key = g_string_new (NULL);
  for (guint i = 0; i < study->scenarios->len; i++)
    {
      const LgrScenario *s = g_ptr_array_index (study->scenarios, i);
      g_string_append_printf (key, "%s\x1e", s->id);
    }
  return g_string_free (key, FALSE);
}

static void
rebuild_cards_and_tables (LgrWindow *self)
{
  const LgrStudy *study = lgr_document_get_study (self->document);
  GtkWidget *child;
  g_autofree char *visible = g_strdup (gtk_stack_get_visible_child_name (self->table_stack));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->cards_box))))
    gtk_flow_box_remove (self->cards_box, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->table_stack))))
    gtk_stack_remove (self->table_stack, child);

  for (guint i = 0; i < study->scenarios->len; i++)
    {
      const LgrScenario *scenario = g_ptr_array_index (study->scenarios, i);
      GtkWidget *card = lgr_summary_card_new ();
      GtkWidget *table = lgr_year_table_new (scenario->id);
      gtk_flow_box_append (self->cards_box, card);
      gtk_stack_add_titled (self->table_stack, table, scenario->id, scenario->name);
    }
  if (visible && gtk_stack_get_child_by_name (self->table_stack, visible))
    gtk_stack_set_visible_child_name (self->table_stack, visible);
  else if (lgr_scenario_sidebar_get_selected (self->sidebar)
           && gtk_stack_get_child_by_name (self->table_stack,
                                           lgr_scenario_sidebar_get_selected (self->sidebar)))
    gtk_stack_set_visible_child_name (self->table_stack,
                                      lgr_scenario_sidebar_get_selected (self->sidebar));
}

#define SAME_SERIES(field) (memcmp (a->field, b->field, n * sizeof (double)) == 0)

/* Whether a scenario's card would show the same in both results. */
static gboolean
same_scenario_result (const LgrResults *ra, guint i, const LgrResults *rb)
{
  const LgrScenarioResult *a = &ra->scenarios[i], *b = &rb->scenarios[i];
  gsize n = ra->n_years;

  return ra->n_years == rb->n_years && ra->first_year == rb->first_year
         && ra->n_scenarios == rb->n_scenarios && g_strcmp0 (a->scenario->id, b->scenario->id) == 0
         && g_strcmp0 (a->scenario->name, b->scenario->name) == 0
         && g_strcmp0 (a->scenario->colour, b->scenario->colour) == 0
         && a->has_payback == b->has_payback && a->payback_years == b->payback_years
         && a->payback_index == b->payback_index && a->relapses == b->relapses
         && a->peak_funding == b->peak_funding && a->peak_funding_index == b->peak_funding_index
         && a->npv == b->npv && a->total_net == b->total_net && a->run_rate == b->run_rate
         && SAME_SERIES (cashable_savings) && SAME_SERIES (cost_avoidance)
         && SAME_SERIES (one_off_costs) && SAME_SERIES (recurring_costs) && SAME_SERIES (net)
         && SAME_SERIES (cumulative);
}

#undef SAME_SERIES

/* Brings every view up to the document's results, touching only what changed: the cards of
 * scenarios whose figures changed, the verdict if its sentence did, the tables (each updates
 * its cells on screen in place, a hidden one when it is shown again) and the chart. */
static void
update_views (LgrWindow *self, gboolean all)
{
  const LgrStudy *study = lgr_document_get_study (self->document);
  const LgrResults *results = lgr_document_get_results (self->document);
  g_autoptr (LgrResults) old = g_steal_pointer (&self->shown);
  g_autofree char *key = scenario_key (study);
  GtkWidget *child;
  guint i = 0;

  self->n_updates++;
  self->shown = lgr_results_ref (results);
  if (g_strcmp0 (key, self->cards_key) != 0)
    {
      g_free (self->cards_key);
      self->cards_key = g_steal_pointer (&key);
      rebuild_cards_and_tables (self);
      all = TRUE;
    }

  if (all || results != old)
    {
      g_autofree char *verdict = lgr_results_verdict (results);
      if (g_strcmp0 (gtk_label_get_text (self->verdict_label), verdict) != 0)
        gtk_label_set_text (self->verdict_label, verdict);

      for (child = gtk_widget_get_first_child (GTK_WIDGET (self->cards_box)); child;
           child = gtk_widget_get_next_sibling (child), i++)
        {
          GtkWidget *card = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));
          if (all || old == NULL || !same_scenario_result (old, i, results))
            lgr_summary_card_update (LGR_SUMMARY_CARD (card), &results->scenarios[i], results);
        }
      for (child = gtk_widget_get_first_child (GTK_WIDGET (self->table_stack)); child;
           child = gtk_widget_get_next_sibling (child))
        {
          GtkStackPage *page = gtk_stack_get_page (self->table_stack, child);
          const LgrScenario *scenario = lgr_study_find_scenario (
              study, lgr_year_table_get_scenario_id (LGR_YEAR_TABLE (child)));
          if (scenario && g_strcmp0 (gtk_stack_page_get_title (page), scenario->name) != 0)
            gtk_stack_page_set_title (page, scenario->name);
          lgr_year_table_set_results (LGR_YEAR_TABLE (child), results);
        }
      /* The chart borrows the results: old goes only after it has the new ones. */
      lgr_chart_view_set_results (self->chart_view, results);
      if (self->presenting)
        update_presentation_levers (self);
    }
  update_title (self);
  update_actions (self);
}

static void
cancel_update (LgrWindow *self)
{
  if (self->update_tick)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->update_tick);
  self->update_tick = 0;
  g_clear_handle_id (&self->update_idle, g_source_remove);
}

static gboolean
on_update_tick (GtkWidget *widget, GdkFrameClock *clock, gpointer data)
{
  LgrWindow *self = LGR_WINDOW (widget);

  self->update_tick = 0;
  update_views (self, FALSE);
  return G_SOURCE_REMOVE;
}

static gboolean
on_update_idle (gpointer data)
{
  LgrWindow *self = data;

  self->update_idle = 0;
  update_views (self, FALSE);
  return G_SOURCE_REMOVE;
}

/* However many changes arrive in a frame, the views are updated once, at the start of the next
 * frame (in the frame clock's update phase, before layout and painting), never from inside the
 * handler of the widget that made the change. A window that is not mapped has no frames: an
 * idle does it. */
static void
queue_update (LgrWindow *self)
{
  if (self->update_tick || self->update_idle)
    return;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->update_tick
        = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_update_tick, NULL, NULL);
  else
    self->update_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, on_update_idle, self, NULL);
}

static void
on_document_changed (LgrDocument *document, LgrWindow *self)
{
  queue_update (self);
}

static void
on_document_notify (LgrDocument *document, GParamSpec *pspec, LgrWindow *self)
{
  queue_update (self);
}

static void
on_year_text (LgrChartView *view, GParamSpec *pspec, LgrWindow *self)
{
  const char *text = lgr_chart_view_get_year_text (view);

  if (text == NULL)
    text = _ ("Point at a year, or focus the chart and use the arrow keys, to see its exact "
              "figures.");
  if (g_strcmp0 (gtk_label_get_text (self->year_label), text) != 0)
    gtk_label_set_text (self->year_label, text);
}

/* A hidden sidebar is not laid out: once the flap has slid away its content is made invisible,
 * and visible again as soon as the flap is to be revealed. Otherwise every lever row that changes
 * under a hidden sidebar is measured and laid out again, unseen. The flap's own width, which
 * decides whether it folds, is its fixed width request, whatever its content. */
static void
on_flap_reveal (AdwFlap *flap, GParamSpec *pspec, LgrWindow *self)
{
  gboolean shown = adw_flap_get_reveal_flap (flap) || adw_flap_get_reveal_progress (flap) > 0;

  if (!shown != !gtk_widget_get_visible (GTK_WIDGET (self->sidebar)))
    gtk_widget_set_visible (GTK_WIDGET (self->sidebar), shown);
}

static void
on_dark_changed (AdwStyleManager *manager, GParamSpec *pspec, LgrWindow *self)
{
  lgr_chart_view_set_dark (self->chart_view, is_dark ());
  if (self->document)
    {
      /* the cards' swatches follow the chart's palette */
      cancel_update (self);
      update_views (self, TRUE);
    }
}

void
lgr_window_set_document (LgrWindow *self, LgrDocument *document)
{
  static const char *const notified[]
      = { "notify::modified", "notify::file", "notify::can-undo", "notify::can-redo" };

  g_return_if_fail (LGR_IS_WINDOW (self));
  g_return_if_fail (LGR_IS_DOCUMENT (document));

  if (self->document)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  g_clear_pointer (&self->cards_key, g_free);

  g_signal_connect_object (document, "changed", G_CALLBACK (on_document_changed), self, 0);
  for (guint i = 0; i < G_N_ELEMENTS (notified); i++)
    g_signal_connect_object (document, notified[i], G_CALLBACK (on_document_notify), self, 0);
  lgr_scenario_sidebar_set_document (self->sidebar, document);
  if (self->drafts)
    lgr_draft_store_track (self->drafts, document, NULL);
  cancel_update (self);
  update_views (self, TRUE);
}

LgrDocument *
lgr_window_get_document (LgrWindow *self)
{
  g_return_val_if_fail (LGR_IS_WINDOW (self), NULL);
  return self->document;
}

gboolean
lgr_window_is_pristine (LgrWindow *self)
{
  g_return_val_if_fail (LGR_IS_WINDOW (self), FALSE);
  return self->document == NULL
         || (lgr_document_get_file (self->document) == NULL
             && !lgr_document_get_modified (self->document)
             && !lgr_document_can_undo (self->document));
}

/* Presentation */

static int
compare_by_saving (gconstpointer a, gconstpointer b, gpointer data)
{
  const LgrLeverResult *x = a, *y = b;
  guint n = GPOINTER_TO_UINT (data);
  double sx = n ? ABS (x->saving[n - 1]) : 0, sy = n ? ABS (y->saving[n - 1]) : 0;
  return sx < sy ? 1 : sx > sy ? -1 : 0;
}

/* The selected scenario's main levers: those that save the most by the last year. */
static void
update_presentation_levers (LgrWindow *self)
{
  const LgrResults *results = lgr_document_get_results (self->document);
  const char *scenario_id = lgr_scenario_sidebar_get_selected (self->sidebar);
  const LgrScenarioResult *r = lgr_results_find (results, scenario_id);
  g_autofree LgrLeverResult *levers = NULL;
  g_autoptr (GString) key = g_string_new (scenario_id);
  const char *old_key = g_object_get_data (G_OBJECT (self->presentation_levers), "lgr-key");
  GtkWidget *child;
  guint n;

  if (r == NULL)
    return;
  if (g_strcmp0 (gtk_label_get_text (self->presentation_title), r->scenario->name) != 0)
    gtk_label_set_text (self->presentation_title, r->scenario->name);
  levers = g_memdup2 (r->levers, sizeof (LgrLeverResult) * r->n_levers);
  g_qsort_with_data (levers, r->n_levers, sizeof (LgrLeverResult), compare_by_saving,
                     GUINT_TO_POINTER (results->n_years));
  n = MIN (r->n_levers, PRESENTATION_MAX_LEVERS);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (key, "/%s", levers[i].lever->id);
  /* Rows are kept while their scenario is shown, so a drag is not interrupted by a new order;
   * each row follows the document by itself. */
  if (old_key && old_key[0] && g_str_has_prefix (old_key, scenario_id)
      && old_key[strlen (scenario_id)] == '/')
    return;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->presentation_levers))))
    gtk_list_box_remove (self->presentation_levers, child);
  for (guint i = 0; i < n; i++)
    gtk_list_box_append (self->presentation_levers, lgr_lever_row_new (self->document, scenario_id,
                                                                       levers[i].lever->id, TRUE));
  g_object_set_data_full (G_OBJECT (self->presentation_levers), "lgr-key", g_strdup (key->str),
                          g_free);
}

void
_lgr_window_set_presenting (LgrWindow *self, gboolean presenting)
{
  if (!presenting == !self->presenting)
    return;
  self->presenting = presenting;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESENTING]);

  gtk_revealer_set_reveal_child (self->header_revealer, !presenting);
  adw_flap_set_reveal_flap (self->flap, !presenting && !adw_flap_get_folded (self->flap));
  gtk_widget_set_visible (self->cards_area, !presenting);
  gtk_widget_set_visible (self->table_section, !presenting);
  gtk_widget_set_visible (self->chart_header, !presenting);
  gtk_widget_set_visible (GTK_WIDGET (self->presentation_title), presenting);
  gtk_widget_set_visible (self->presentation_box, presenting);
  gtk_widget_set_vexpand (GTK_WIDGET (self->chart_view), presenting);
  lgr_chart_view_set_font_scale (self->chart_view, presenting ? PRESENTATION_FONT_SCALE : 1.0);
  if (presenting)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "lgr-presenting");
      g_object_set_data (G_OBJECT (self->presentation_levers), "lgr-key", NULL);
      update_presentation_levers (self);
      gtk_window_fullscreen (GTK_WINDOW (self));
      gtk_widget_grab_focus (GTK_WIDGET (self->chart_view));
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "lgr-presenting");
      gtk_window_unfullscreen (GTK_WINDOW (self));
    }
}

void
_lgr_window_step_scenario (LgrWindow *self, int delta)
{
  const LgrStudy *study = lgr_document_get_study (self->document);
  int index = lgr_study_scenario_index (study, lgr_scenario_sidebar_get_selected (self->sidebar));
  int n = (int)study->scenarios->len;
  const LgrScenario *next = g_ptr_array_index (study->scenarios, ((index + delta) % n + n) % n);

  lgr_scenario_sidebar_select (self->sidebar, next->id);
}

static void
on_selected_scenario (LgrScenarioSidebar *sidebar, GParamSpec *pspec, LgrWindow *self)
{
  const char *id = lgr_scenario_sidebar_get_selected (sidebar);
  if (id && gtk_stack_get_child_by_name (self->table_stack, id))
    gtk_stack_set_visible_child_name (self->table_stack, id);
  if (self->presenting)
    update_presentation_levers (self);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller, guint keyval, guint keycode,
                GdkModifierType state, LgrWindow *self)
{
  GtkWidget *focus;

  if (!self->presenting)
    return FALSE;
  if (keyval == GDK_KEY_Escape)
    {
      _lgr_window_set_presenting (self, FALSE);
      return TRUE;
    }
  focus = gtk_root_get_focus (GTK_ROOT (self));
  if (focus && (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT (focus) || GTK_IS_RANGE (focus)))
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_Page_Up:
      _lgr_window_step_scenario (self, -1);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_Page_Down:
      _lgr_window_step_scenario (self, 1);
      return TRUE;
    default:
      return FALSE;
    }
}

void
lgr_window_offer_drafts (LgrWindow *self)
{
  LgrDraftInfo *info;
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;
  g_autoptr (GDateTime) local = NULL;

  g_return_if_fail (LGR_IS_WINDOW (self));
  if (self->drafts == NULL)
    return;
  if (self->offered_drafts == NULL)
    self->offered_drafts = lgr_draft_store_find (self->drafts);
  if (self->offered_drafts->len == 0)
    {
      gtk_revealer_set_reveal_child (self->draft_revealer, FALSE);
      return;
    }
  info = g_ptr_array_index (self->offered_drafts, 0);
  local = g_date_time_to_local (info->modified);
  when = g_date_time_format (local, "%e %B %Y %H:%M");
  text = g_strdup_printf (_ ("Unsaved changes to “%s” from %s were kept when LGR Explorer last "
                             "closed unexpectedly."),
                          info->title ? info->title : _ ("a study"), g_strstrip (when));
  gtk_label_set_text (self->draft_label, text);
  gtk_revealer_set_reveal_child (self->draft_revealer, TRUE);
}

/* Closing */

static void
close_now (LgrWindow *self, gpointer data)
{
  self->closing = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
lgr_window_close_request (GtkWindow *window)
{
  LgrWindow *self = LGR_WINDOW (window);

  if (!self->closing && self->document && lgr_document_get_modified (self->document))
    {
      _lgr_window_confirm_unsaved (self, close_now, NULL, NULL);
      return TRUE;
    }
  if (self->drafts && self->document)
    lgr_draft_store_untrack (self->drafts, self->document);
  return GTK_WINDOW_CLASS (lgr_window_parent_class)->close_request (window);
}

/* Dropping files on the window */

static gboolean
on_drop (GtkDropTarget *target, const GValue *value, double x, double y, LgrWindow *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = gdk_file_list_get_files (g_value_get_boxed (value));
  if (files == NULL)
    return FALSE;
  lgr_window_open (self, files->data);
  g_slist_free (files);
  return TRUE;
}

/* Life cycle */

static void
lgr_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  LgrWindow *self = LGR_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PRESENTING:
      g_value_set_boolean (value, self->presenting);
      break;
    case PROP_CHART:
      g_value_set_string (value, lgr_chart_kind_to_string (self->chart));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_chart (LgrWindow *self, const char *name)
{
  LgrChartKind kind;

  if (name == NULL || !lgr_chart_kind_from_string (name, &kind) || kind == self->chart)
    return;
  self->chart = kind;
  lgr_chart_view_set_kind (self->chart_view, kind);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}

static void
lgr_window_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  LgrWindow *self = LGR_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PRESENTING:
      _lgr_window_set_presenting (self, g_value_get_boolean (value));
      break;
    case PROP_CHART:
      set_chart (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lgr_window_dispose (GObject *object)
{
  LgrWindow *self = LGR_WINDOW (object);

  cancel_update (self);
  if (self->dialog)
    {
      g_object_weak_unref (G_OBJECT (self->dialog), (GWeakNotify)on_dialog_destroyed, self);
      self->dialog = NULL;
    }
  if (self->export_dialog)
    {
      g_object_weak_unref (G_OBJECT (self->export_dialog),
                           (GWeakNotify)_lgr_window_on_export_dialog_destroyed, self);
      self->export_dialog = NULL;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), LGR_TYPE_WINDOW);
  G_OBJECT_CLASS (lgr_window_parent_class)->dispose (object);
}

static void
lgr_window_finalize (GObject *object)
{
  LgrWindow *self = LGR_WINDOW (object);

  g_clear_object (&self->document);
  g_clear_object (&self->settings);
  g_clear_object (&self->drafts);
  g_clear_pointer (&self->offered_drafts, g_ptr_array_unref);
  g_free (self->cards_key);
  g_clear_pointer (&self->shown, lgr_results_unref);
  G_OBJECT_CLASS (lgr_window_parent_class)->finalize (object);
}

static void
lgr_window_class_init (LgrWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = lgr_window_dispose;
  object_class->finalize = lgr_window_finalize;
  object_class->get_property = lgr_window_get_property;
  object_class->set_property = lgr_window_set_property;

  /* Whether the window presents the selected scenario full screen (win.present). */
  properties[PROP_PRESENTING]
      = g_param_spec_boolean ("presenting", NULL, NULL, FALSE,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The chart shown, by its command-line name (win.chart; the "chart" setting). */
  properties[PROP_CHART]
      = g_param_spec_string ("chart", NULL, NULL, "cashflow",
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  window_class->close_request = lgr_window_close_request;

  g_type_ensure (LGR_TYPE_SCENARIO_SIDEBAR);
  g_type_ensure (LGR_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/lgrexplorer/Explorer/lgr-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LgrWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LgrWindow, header_revealer);
  gtk_widget_class_bind_template_child (widget_class, LgrWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, LgrWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, LgrWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, LgrWindow, draft_revealer);
  gtk_widget_class_bind_template_child (widget_class, LgrWindow, draft_label);
  gtk_widget_class_bind_template_child (widget_class, LgrWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, LgrWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, LgrWindow, main_box);
  gtk_widget_class_bind_template_child (widget_class, LgrWindow, presentation_title);
  gtk_widget_class_bind_template_child (widget_class, LgrWindow, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, LgrWindow, cards_area);
  gtk_widget_class_bind_template_child (widget_class, LgrWindow, cards_box);
  gtk_widget_class_bind_template_child (widget_class, LgrWindow, chart_header);
  gtk_widget_class_bind_template_child (widget_class, LgrWindow, chart_switcher);
  gtk_widget_class_bind_template_child (widget_class, LgrWindow, chart_view);
  gtk_widget_class_bind_template_child (widget_class, LgrWindow, year_label);
  gtk_widget_class_bind_template_child (widget_class, LgrWindow, presentation_box);
  gtk_widget_class_bind_template_child (widget_class, LgrWindow, presentation_levers);
  gtk_widget_class_bind_template_child (widget_class, LgrWindow, table_section);
  gtk_widget_class_bind_template_child (widget_class, LgrWindow, table_stack);
  _lgr_window_class_actions_init (widget_class);
}

static void
lgr_window_init (LgrWindow *self)
{
  GtkDropTarget *drop;
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (APP_ID);

  /* The size and maximised state are settings: read when the window opens, written as they
   * change (GTK keeps the default size as the unmaximised size). Other windows open at the time
   * keep their own. */
  g_settings_bind (self->settings, "window-width", self, "default-width",
                   G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_GET_NO_CHANGES);
  g_settings_bind (self->settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_GET_NO_CHANGES);
  g_settings_bind (self->settings, "window-maximized", self, "maximized",
                   G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_GET_NO_CHANGES);

  /* The chart switcher: one toggle per chart, all on win.chart. */
  for (int k = 0; k < LGR_N_CHARTS; k++)
    {
      GtkWidget *button = gtk_toggle_button_new ();
      GtkWidget *label = gtk_label_new (lgr_chart_kind_short_title (k));
      /* Narrow windows (1024 pixels) shorten the labels rather than clip the last button. */
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_button_set_child (GTK_BUTTON (button), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      lgr_chart_kind_short_title (k), -1);
      gtk_widget_set_tooltip_text (button, lgr_chart_kind_title (k));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.chart");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", lgr_chart_kind_to_string (k));
      gtk_box_append (GTK_BOX (self->chart_switcher), button);
    }
  g_signal_connect_object (self->flap, "notify::reveal-flap", G_CALLBACK (on_flap_reveal), self, 0);
  g_signal_connect_object (self->flap, "notify::reveal-progress", G_CALLBACK (on_flap_reveal), self,
                           0);
  /* The chart shown is a setting, remembered as it changes. */
  g_settings_bind (self->settings, "chart", self, "chart", G_SETTINGS_BIND_DEFAULT);

  g_signal_connect (self->chart_view, "notify::year-text", G_CALLBACK (on_year_text), self);
  g_signal_connect (self->sidebar, "notify::selected", G_CALLBACK (on_selected_scenario), self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed), self, 0);
  lgr_chart_view_set_dark (self->chart_view, is_dark ());

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  g_signal_connect_swapped (self->menu_button, "notify::active", G_CALLBACK (fill_recent_menu),
                            self);
  fill_recent_menu (self);
}

LgrWindow *
lgr_window_new (GtkApplication *application, LgrDraftStore *drafts)
{
  LgrWindow *self = g_object_new (LGR_TYPE_WINDOW, "application", application, NULL);
  self->drafts = drafts ? g_object_ref (drafts) : NULL;
  return self;
}

/* For tests */

LgrScenarioSidebar *
lgr_window_get_sidebar (LgrWindow *self)
{
  return self->sidebar;
}

LgrChartView *
lgr_window_get_chart_view (LgrWindow *self)
{
  return self->chart_view;
}

LgrSummaryCard *
lgr_window_find_card (LgrWindow *self, const char *scenario_id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->cards_box)); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *card = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));
      if (g_strcmp0 (lgr_summary_card_get_scenario_id (LGR_SUMMARY_CARD (card)), scenario_id) == 0)
        return LGR_SUMMARY_CARD (card);
    }
  return NULL;
}

LgrYearTable *
lgr_window_find_table (LgrWindow *self, const char *scenario_id)
{
  GtkWidget *child = gtk_stack_get_child_by_name (self->table_stack, scenario_id);
  return child ? LGR_YEAR_TABLE (child) : NULL;
}

const char *
lgr_window_get_verdict (LgrWindow *self)
{
  return gtk_label_get_text (self->verdict_label);
}

gboolean
lgr_window_get_update_pending (LgrWindow *self)
{
  return self->update_tick != 0 || self->update_idle != 0;
}

guint
lgr_window_get_n_updates (LgrWindow *self)
{
  return self->n_updates;
}

AdwMessageDialog *
lgr_window_get_dialog (LgrWindow *self)
{
  return self->dialog;
}

gboolean
lgr_window_get_presenting (LgrWindow *self)
{
  return self->presenting;
}

gboolean
lgr_window_get_draft_offered (LgrWindow *self)
{
  return gtk_revealer_get_reveal_child (self->draft_revealer);
}

GtkWidget *
lgr_window_get_presentation_levers (LgrWindow *self)
{
  return GTK_WIDGET (self->presentation_levers);
}

GtkWindow *
lgr_window_get_export_dialog (LgrWindow *self)
{
  return self->export_dialog;
}
