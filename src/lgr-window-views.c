/* lgr-window-views.c: what the window shows. The sidebar, cards, verdict, chart and table
 * follow the document: the lever and item rows by themselves, the window's own views once a frame
 * after the document changed (see queue_update), touching only what changed (the room's views
 * follow by themselves: lgr-window-presentation.c); the banner offering drafts back. It calls
 * nothing of lgr-window.c, lgr-window-actions.c or lgr-window-dialogs.c. */
#include <glib/gi18n.h>

#include <math.h>

#include "lgr-format.h"
#include "lgr-lever-row.h"
#include "lgr-results-authority.h"
#include "lgr-study-io.h"
#include "lgr-window-private.h"

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
         && SAME_SERIES (cumulative) && lgr_scenario_result_same_split (a, b, (guint)n);
}

#undef SAME_SERIES

/* The chart's tornado and uncertainty figures: the runner's latest, while they are of the same
 * scenarios as results (after a scenario is added or removed, until the next run is done, the
 * chart computes its own rather than draw figures of other scenarios). */
static void
pass_uncertainty (LgrWindow *self, const LgrResults *results)
{
  const LgrUncertaintyResults *u = lgr_uncertainty_runner_get_results (self->uncertainty);
  const LgrSensitivity *sensitivity = lgr_uncertainty_runner_get_sensitivity (self->uncertainty);
  gboolean same = u != NULL && u->n_scenarios == results->n_scenarios;

  for (guint i = 0; same && i < u->n_scenarios; i++)
    same = g_strcmp0 (u->scenarios[i].scenario->id, results->scenarios[i].scenario->id) == 0;
  lgr_chart_view_set_uncertainty (self->chart_view, same ? u : NULL, same ? sensitivity : NULL);
  _lgr_window_presentation_set_uncertainty (self, same ? u : NULL, same ? sensitivity : NULL);
}

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
  /* the study as opened (or saved) while anything differs from it: the charts' starting point */
  const LgrResults *start = lgr_document_get_start_results (self->document);

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
      lgr_wrap_label_set_text (self->verdict_label, verdict);

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
      lgr_published_view_set_results (self->published_view, results);
      /* The chart borrows the results: old goes only after it has the new ones. */
      pass_uncertainty (self, results);
      lgr_chart_view_set_results_with_start (self->chart_view, results, start);
      /* The draws start again on the study of now; their figures follow when done. */
      lgr_uncertainty_runner_restart (self->uncertainty, self->document);
    }
  else
    lgr_chart_view_set_start (self->chart_view, start); /* saved: no starting point now */
  update_title (self);
  update_actions (self);
  _lgr_window_queue_marks (self);
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
  /* at once, not at the next frame: Ctrl+Z right after an edit must find Undo enabled */
  update_actions (self);
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
  _lgr_window_presentation_sync (self);
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
  _lgr_window_snapshots_watch (self, document);
  if (self->drafts)
    lgr_draft_store_track (self->drafts, document, NULL);
  cancel_update (self);
  update_views (self, TRUE);
  /* A new study starts the room at its start. */
  _lgr_window_set_snapshot (self, NULL);
}

/* How sure: the Monte Carlo and the switching values, from the runner when a run is done */

/* The central best scenario's chance of coming out ahead: against the reference (the first),
 * or, when the reference is best, against the runner-up. NULL without draws. */
static char *
probability_sentence (const LgrUncertaintyResults *u, const LgrResults *results)
{
  guint best = 0, other = G_MAXUINT;
  double p;
  g_autofree char *draws = NULL;
  g_autofree char *percent = NULL;

  if (u == NULL || u->draws == 0 || u->n_scenarios < 2)
    return NULL;
  /* the central figures pick the best when they are of the same scenarios */
  if (results->n_scenarios == u->n_scenarios)
    for (guint i = 1; i < u->n_scenarios; i++)
      if (results->scenarios[i].total_net > results->scenarios[best].total_net)
        best = i;
  if (best == 0)
    {
      for (guint i = 1; i < u->n_scenarios; i++)
        if (other == G_MAXUINT
            || (results->n_scenarios == u->n_scenarios
                && results->scenarios[i].total_net > results->scenarios[other].total_net))
          other = i;
      p = 1 - u->scenarios[other].ahead_probability;
    }
  else
    {
      other = 0;
      p = u->scenarios[best].ahead_probability;
    }
  draws = lgr_format_count (u->draws, 0);
  percent = lgr_format_percent (round (p * 100));
  /* Translators: "Two unitaries: ahead of One unitary in 91% of 10,000 draws." */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: ahead of %s in %s of %s draw.",
                                       "%s: ahead of %s in %s of %s draws.", u->draws),
                          u->scenarios[best].scenario->name, u->scenarios[other].scenario->name,
                          percent, draws);
}

/* "Two unitaries: ahead while this rate is below 137.4 per 10,000 children.", for the target
 * rate of a lever of scenario_id. B is that scenario, or for the reference's levers the best of
 * the others; with one scenario the sentence is about it staying in credit. */
static char *
switching_sentence (const LgrSensitivity *sensitivity, const LgrResults *results,
                    const char *scenario_id, const LgrLever *lever)
{
  const LgrStudy *study = lgr_uncertainty_model_get_study (sensitivity->model);
  g_autofree char *input = g_strdup_printf ("%s/%s/cohort.target", scenario_id, lever->id);
  int x = lgr_study_scenario_index (study, scenario_id);
  guint S = study->scenarios->len;
  guint b = x > 0 ? (guint)x : 0;
  const LgrScenario *sb, *leader;
  double metric;
  g_autofree char *value = NULL;

  if (x < 0 || results->n_scenarios != S)
    return NULL;
  if (x == 0 && S > 1)
    for (guint i = 1; i < S; i++)
      if (b == 0 || results->scenarios[i].total_net > results->scenarios[b].total_net)
        b = i;
  sb = g_ptr_array_index (study->scenarios, b);
  metric = S > 1 ? results->scenarios[b].total_net - results->scenarios[0].total_net
                 : results->scenarios[0].total_net;
  leader = S > 1 && metric < 0 ? g_ptr_array_index (study->scenarios, 0) : sb;

  for (guint i = 0; i < sensitivity->n_switching; i++)
    {
      const LgrSwitchingValue *v = &sensitivity->switching[i];
      if (v->scenario != sb || g_strcmp0 (v->input, input) != 0)
        continue;
      if (!v->has_value)
        return S > 1 ? g_strdup_printf (_ ("%s: ahead whatever this rate is."), leader->name)
                     : g_strdup_printf (_ ("%s: in credit by the horizon whatever this rate "
                                           "is."),
                                        leader->name);
      value = lgr_format_decimal (v->value, 1);
      if (S == 1)
        return g_strdup_printf (v->central < v->value
                                    ? _ ("%s: in credit by the horizon while this rate is "
                                         "below %s %s.")
                                    : _ ("%s: in credit by the horizon while this rate is "
                                         "above %s %s."),
                                leader->name, value, lgr_lever_cohort_unit (lever));
      return g_strdup_printf (v->central < v->value
                                  ? _ ("%s: ahead while this rate is below %s %s.")
                                  : _ ("%s: ahead while this rate is above %s %s."),
                              leader->name, value, lgr_lever_cohort_unit (lever));
    }
  return NULL;
}

static void
update_switching (LgrWindow *self)
{
  const LgrSensitivity *sensitivity = lgr_uncertainty_runner_get_sensitivity (self->uncertainty);
  const LgrStudy *study = lgr_document_get_study (self->document);
  const char *scenario_id = lgr_scenario_sidebar_get_selected (self->sidebar);
  const LgrScenario *scenario = scenario_id ? lgr_study_find_scenario (study, scenario_id) : NULL;

  if (scenario == NULL)
    return;
  for (guint i = 0; i < scenario->levers->len; i++)
    {
      const LgrLever *lever = g_ptr_array_index (scenario->levers, i);
      LgrLeverRow *row = lgr_scenario_sidebar_find_lever_row (self->sidebar, lever->id);
      g_autofree char *text = NULL;
      if (row == NULL)
        continue;
      if (sensitivity && self->shown)
        text = switching_sentence (sensitivity, self->shown, scenario_id, lever);
      lgr_lever_row_set_switching (row, text);
    }
}

static void
on_uncertainty_updated (LgrUncertaintyRunner *runner, LgrWindow *self)
{
  const LgrUncertaintyResults *u = lgr_uncertainty_runner_get_results (runner);
  g_autofree char *sentence = NULL;
  GtkWidget *child;

  if (self->document == NULL || self->shown == NULL)
    return;
  pass_uncertainty (self, self->shown);
  sentence = probability_sentence (u, self->shown);
  if (sentence && g_strcmp0 (gtk_label_get_text (self->probability_label), sentence) != 0)
    gtk_label_set_text (self->probability_label, sentence);
  if (!sentence != !gtk_widget_get_visible (GTK_WIDGET (self->probability_label)))
    gtk_widget_set_visible (GTK_WIDGET (self->probability_label), sentence != NULL);

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->cards_box)); child;
       child = gtk_widget_get_next_sibling (child))
    {
      LgrSummaryCard *card
          = LGR_SUMMARY_CARD (gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child)));
      const char *id = lgr_summary_card_get_scenario_id (card);
      g_autofree char *range = NULL;
      for (guint i = 0; u && u->draws > 0 && i < u->n_scenarios; i++)
        if (g_strcmp0 (u->scenarios[i].scenario->id, id) == 0)
          range = lgr_summary_format_range (u->scenarios[i].total_net.p10,
                                            u->scenarios[i].total_net.p90);
      lgr_summary_card_set_range (card, range);
    }
  update_switching (self);
}

/* A run is shown as a small bar only once it has taken a while (the runner looks at its progress
 * a few times a second): the bundled study's draws are done before anyone could see one. */
static void
on_uncertainty_progress (LgrUncertaintyRunner *runner, GParamSpec *pspec, LgrWindow *self)
{
  double progress = lgr_uncertainty_runner_get_progress (runner);
  gboolean shown = lgr_uncertainty_runner_get_running (runner) && progress > 0 && progress < 1;

  if (shown)
    gtk_progress_bar_set_fraction (self->uncertainty_progress, progress);
  if (!shown != !gtk_widget_get_visible (GTK_WIDGET (self->uncertainty_progress)))
    gtk_widget_set_visible (GTK_WIDGET (self->uncertainty_progress), shown);
}

const char *
lgr_window_get_probability (LgrWindow *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->probability_label))
             ? gtk_label_get_text (self->probability_label)
             : NULL;
}

LgrUncertaintyRunner *
lgr_window_get_uncertainty (LgrWindow *self)
{
  return self->uncertainty;
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
  _lgr_window_queue_marks (self);
  if (id && gtk_stack_get_child_by_name (self->table_stack, id))
    gtk_stack_set_visible_child_name (self->table_stack, id);
  _lgr_window_presentation_sync (self);
  update_switching (self);
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

/* Connects the views to what they follow, once, from lgr_window_init. */
void
_lgr_window_views_init (LgrWindow *self)
{
  g_signal_connect_object (self->flap, "notify::reveal-flap", G_CALLBACK (on_flap_reveal), self, 0);
  g_signal_connect_object (self->flap, "notify::reveal-progress", G_CALLBACK (on_flap_reveal), self,
                           0);
  g_signal_connect (self->chart_view, "notify::year-text", G_CALLBACK (on_year_text), self);
  g_signal_connect (self->sidebar, "notify::selected", G_CALLBACK (on_selected_scenario), self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed), self, 0);
  lgr_chart_view_set_dark (self->chart_view, is_dark ());
  self->uncertainty = lgr_uncertainty_runner_new ();
  g_signal_connect (self->uncertainty, "updated", G_CALLBACK (on_uncertainty_updated), self);
  g_signal_connect (self->uncertainty, "notify::running", G_CALLBACK (on_uncertainty_progress),
                    self);
  g_signal_connect (self->uncertainty, "notify::progress", G_CALLBACK (on_uncertainty_progress),
                    self);
}

/* Cancels a waiting update of the views: the window is going away. */
void
_lgr_window_cancel_update (LgrWindow *self)
{
  cancel_update (self);
  if (self->uncertainty)
    {
      g_signal_handlers_disconnect_by_data (self->uncertainty, self);
      lgr_uncertainty_runner_cancel (self->uncertainty);
      g_clear_object (&self->uncertainty);
    }
}
