/* lgr-window.c: the main window - its type, properties, template, keys, dropping files and
 * closing. The document does the editing; the window's files depend one way: this one on
 * lgr-window-actions.c (what the actions do), that on lgr-window-views.c (what the window shows)
 * and lgr-window-dialogs.c (toasts, questions, file dialogs), which call nothing of the others. */
#include <glib/gi18n.h>

#include "lgr-scroll-guard.h"
#include "lgr-window-private.h"

G_DEFINE_FINAL_TYPE (LgrWindow, lgr_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_PRESENTING,
  PROP_CHART,
  PROP_LEVERS_LOCKED,
  PROP_SECOND_SCREEN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The menu of recent studies */

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

static gboolean
on_key_pressed (GtkEventControllerKey *controller, guint keyval, guint keycode,
                GdkModifierType state, LgrWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  gboolean typing
      = focus && (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT (focus) || GTK_IS_RANGE (focus));

  if (!self->presenting && self->second_screen == NULL)
    return FALSE;
  if (keyval == GDK_KEY_Escape && self->presenting)
    {
      _lgr_window_set_presenting (self, FALSE);
      return TRUE;
    }
  /* Page Down / Page Up are what a presentation clicker sends: they step the snapshots whatever
   * has focus, also while the room's view is on a second screen, so a slider or an entry that
   * last took a click never swallows them (a slider would move its value a page instead). */
  switch (keyval)
    {
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      if (state & GDK_CONTROL_MASK)
        return FALSE;
      _lgr_window_step_snapshot (self, -1);
      return TRUE;
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      if (state & GDK_CONTROL_MASK)
        return FALSE;
      _lgr_window_step_snapshot (self, 1);
      return TRUE;
    default:
      break;
    }
  /* The rest only in the room's view, and not where a slider or an entry uses them. */
  if (!self->presenting || typing)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Home:
      gtk_widget_activate_action (GTK_WIDGET (self), "win.back-to-start", NULL);
      return TRUE;
    case GDK_KEY_Left:
      _lgr_window_step_scenario (self, -1);
      return TRUE;
    case GDK_KEY_Right:
      _lgr_window_step_scenario (self, 1);
      return TRUE;
    default:
      return FALSE;
    }
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
    case PROP_LEVERS_LOCKED:
      g_value_set_boolean (value, self->levers_locked);
      break;
    case PROP_SECOND_SCREEN:
      g_value_set_boolean (value, self->second_screen != NULL);
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
  _lgr_window_presentation_sync (self);
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
    case PROP_LEVERS_LOCKED:
      if (!self->levers_locked != !g_value_get_boolean (value))
        {
          self->levers_locked = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_SECOND_SCREEN:
      _lgr_window_set_second_screen (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lgr_window_dispose (GObject *object)
{
  LgrWindow *self = LGR_WINDOW (object);

  _lgr_window_presentation_dispose (self);
  _lgr_window_cancel_update (self);
  _lgr_window_cancel_marks (self);
  _lgr_window_forget_dialog (self);
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
  g_free (self->snapshot_id);
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
  /* Whether the room's levers are locked against a stray click (win.lock-levers). */
  properties[PROP_LEVERS_LOCKED]
      = g_param_spec_boolean ("levers-locked", NULL, NULL, FALSE,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether the room's view is on another monitor (win.present-second-screen). */
  properties[PROP_SECOND_SCREEN]
      = g_param_spec_boolean ("second-screen", NULL, NULL, FALSE,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  window_class->close_request = lgr_window_close_request;

  g_type_ensure (LGR_TYPE_SCENARIO_SIDEBAR);
  g_type_ensure (LGR_TYPE_CHART_VIEW);
  g_type_ensure (LGR_TYPE_PUBLISHED_VIEW);
  g_type_ensure (LGR_TYPE_PRESENTATION_VIEW);
  g_type_ensure (LGR_TYPE_WRAP_LABEL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/lgrexplorer/Explorer/lgr-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LgrWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LgrWindow, header_revealer);
  gtk_widget_class_bind_template_child (widget_class, LgrWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, LgrWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, LgrWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, LgrWindow, snapshot_menu);
  gtk_widget_class_bind_template_child (widget_class, LgrWindow, draft_revealer);
  gtk_widget_class_bind_template_child (widget_class, LgrWindow, draft_label);
  gtk_widget_class_bind_template_child (widget_class, LgrWindow, draft_problem_revealer);
  gtk_widget_class_bind_template_child (widget_class, LgrWindow, draft_problem_label);
  gtk_widget_class_bind_template_child (widget_class, LgrWindow, presentation);
  gtk_widget_class_bind_template_child (widget_class, LgrWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, LgrWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, LgrWindow, main_box);
  gtk_widget_class_bind_template_child (widget_class, LgrWindow, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, LgrWindow, probability_label);
  gtk_widget_class_bind_template_child (widget_class, LgrWindow, uncertainty_progress);
  gtk_widget_class_bind_template_child (widget_class, LgrWindow, cards_area);
  gtk_widget_class_bind_template_child (widget_class, LgrWindow, cards_box);
  gtk_widget_class_bind_template_child (widget_class, LgrWindow, chart_header);
  gtk_widget_class_bind_template_child (widget_class, LgrWindow, chart_switcher);
  gtk_widget_class_bind_template_child (widget_class, LgrWindow, chart_view);
  gtk_widget_class_bind_template_child (widget_class, LgrWindow, year_label);
  gtk_widget_class_bind_template_child (widget_class, LgrWindow, table_section);
  gtk_widget_class_bind_template_child (widget_class, LgrWindow, table_stack);
  gtk_widget_class_bind_template_child (widget_class, LgrWindow, published_view);
  _lgr_window_class_actions_init (widget_class);
  _lgr_window_class_snapshots_init (widget_class);
  _lgr_window_class_presentation_init (widget_class);
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
  /* The chart shown is a setting, remembered as it changes. */
  g_settings_bind (self->settings, "chart", self, "chart", G_SETTINGS_BIND_DEFAULT);
  _lgr_window_views_init (self);
  _lgr_window_presentation_init (self);

  /* The wheel scrolls the sidebar and the page, never a slider it passes over. */
  lgr_scroll_guard_attach (GTK_SCROLLED_WINDOW (
      gtk_widget_get_ancestor (GTK_WIDGET (self->sidebar), GTK_TYPE_SCROLLED_WINDOW)));
  lgr_scroll_guard_attach (
      GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (self->main_box, GTK_TYPE_SCROLLED_WINDOW)));

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
  if (drafts != NULL)
    {
      g_signal_connect_object (drafts, "notify::problem",
                               G_CALLBACK (_lgr_window_show_draft_problem), self,
                               G_CONNECT_SWAPPED);
      _lgr_window_show_draft_problem (self);
    }
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

LgrPublishedView *
lgr_window_get_published_view (LgrWindow *self)
{
  return self->published_view;
}

const char *
lgr_window_get_verdict (LgrWindow *self)
{
  return lgr_wrap_label_get_text (self->verdict_label);
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

const char *
lgr_window_get_draft_problem (LgrWindow *self)
{
  if (!gtk_revealer_get_reveal_child (self->draft_problem_revealer))
    return NULL;
  return gtk_label_get_text (self->draft_problem_label);
}

gboolean
lgr_window_get_draft_offered (LgrWindow *self)
{
  return gtk_revealer_get_reveal_child (self->draft_revealer);
}

LgrPresentationView *
lgr_window_get_presentation (LgrWindow *self)
{
  return self->presentation;
}

GtkWidget *
lgr_window_get_presentation_levers (LgrWindow *self)
{
  return lgr_presentation_view_get_levers (self->presentation);
}

LgrPresentationWindow *
lgr_window_get_second_screen (LgrWindow *self)
{
  return self->second_screen;
}

GtkWindow *
lgr_window_get_export_dialog (LgrWindow *self)
{
  return self->export_dialog;
}
