/* lgr-presentation-view.c: the room's view of a study (lgr-presentation-view.h). It follows the
 * document by itself, once a frame after a change and only while it is on screen; the lever rows
 * follow the document on their own and are built again only when the scenario, its levers or
 * its councils change, so a drag is never interrupted. While the levers scroll, the councils'
 * headings stay pinned over them; the snapshot's title says "(changed)" once a value differs
 * from the snapshot as shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-presentation-view.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "lgr-format.h"
#include "lgr-lever-row.h"
#include "lgr-scroll-guard.h"
#include "lgr-snapshot.h"
#include "lgr-summary-card.h"

/* The chart's type, times the view's own scale (which grows with its width), for a room. */
#define CHART_FONT_SCALE 1.8

struct _LgrPresentationView
{
  GtkWidget parent_instance;

  /* template */
  GtkWidget *root;
  GtkLabel *snapshot_title;
  GtkLabel *snapshot_note;
  GtkSwitch *lock_switch;
  GtkWidget *second_screen_button;
  GtkLabel *verdict_label;
  GtkFlowBox *figures_box;
  LgrChartView *chart_view;
  GtkLabel *scenario_title;
  GtkWidget *levers_box;
  GtkScrolledWindow *levers_scroller;
  GtkLabel *pinned_top;
  GtkLabel *pinned_bottom;

  LgrDocument *document;
  LgrResults *shown; /* the chart borrows them: a reference */
  char *scenario_id;
  char *snapshot_id;
  char *figures_key; /* the scenario ids the figures were built for */
  char *levers_key;  /* the scenario, levers and councils the lever rows were built for */
  gboolean locked;
  guint update_tick;
  guint pinned_tick;
  gboolean title_settled; /* FALSE while the snapshot is being set: no "(changed)" yet */
};

G_DEFINE_FINAL_TYPE (LgrPresentationView, lgr_presentation_view, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_LOCKED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_text (GtkLabel *label, const char *text)
{
  if (g_strcmp0 (gtk_label_get_text (label), text) != 0)
    gtk_label_set_text (label, text);
}

/* The key figures: one card per scenario, built again only when the scenarios change */

static GtkWidget *
figure (GtkGrid *grid, int column, const char *caption, const char *key, GtkWidget *card)
{
  GtkWidget *top = gtk_label_new (caption);
  GtkWidget *value = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (top), 0);
  gtk_label_set_wrap (GTK_LABEL (top), TRUE);
  gtk_widget_add_css_class (top, "lgr-presentation-caption");
  gtk_label_set_xalign (GTK_LABEL (value), 0);
  gtk_label_set_wrap (GTK_LABEL (value), TRUE);
  gtk_widget_add_css_class (value, "lgr-presentation-figure");
  gtk_grid_attach (grid, top, column, 0, 1, 1);
  gtk_grid_attach (grid, value, column, 1, 1, 1);
  g_object_set_data (G_OBJECT (card), key, value);
  return value;
}

static GtkWidget *
figures_card (void)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *grid = gtk_grid_new ();

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "lgr-presentation-card");
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_widget_add_css_class (name, "lgr-presentation-scenario");
  g_object_set_data (G_OBJECT (card), "lgr-name", name);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 24);
  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  figure (GTK_GRID (grid), 0, _ ("Pays back in"), "lgr-payback", card);
  figure (GTK_GRID (grid), 1, _ ("Peak funding"), "lgr-peak", card);
  figure (GTK_GRID (grid), 2, NULL, "lgr-net", card);
  g_object_set_data (G_OBJECT (card), "lgr-net-caption",
                     gtk_grid_get_child_at (GTK_GRID (grid), 2, 0));
  gtk_box_append (GTK_BOX (card), name);
  gtk_box_append (GTK_BOX (card), grid);
  return card;
}

static void
update_figures (LgrPresentationView *self, const LgrResults *results)
{
  g_autoptr (GString) key = g_string_new (NULL);
  g_autofree char *last = lgr_format_financial_year (results->first_year + results->n_years - 1);
  /* Translators: the caption of net savings by the last year, "Net by 2036/37" */
  g_autofree char *net_caption = g_strdup_printf (_ ("Net by %s"), last);
  GtkWidget *child;
  guint i = 0;

  for (guint s = 0; s < results->n_scenarios; s++)
    g_string_append_printf (key, "%s\x1e", results->scenarios[s].scenario->id);
  if (g_strcmp0 (key->str, self->figures_key) != 0)
    {
      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->figures_box))))
        gtk_flow_box_remove (self->figures_box, child);
      for (guint s = 0; s < results->n_scenarios; s++)
        gtk_flow_box_append (self->figures_box, figures_card ());
      g_free (self->figures_key);
      self->figures_key = g_strdup (key->str);
    }
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->figures_box)); child;
       child = gtk_widget_get_next_sibling (child), i++)
    {
      const LgrScenarioResult *r = &results->scenarios[i];
      GObject *card = G_OBJECT (gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child)));
      g_autofree char *colour = lgr_chart_view_scenario_colour (results, i);
      g_autofree char *markup = g_markup_printf_escaped ("<span foreground=\"%s\">●</span> %s",
                                                         colour, r->scenario->name);
      g_autofree char *payback = lgr_summary_format (r, results, LGR_SUMMARY_PAYBACK);
      g_autofree char *peak = lgr_summary_format (r, results, LGR_SUMMARY_PEAK_FUNDING);
      g_autofree char *net = lgr_summary_format (r, results, LGR_SUMMARY_NET);
      GtkLabel *name = g_object_get_data (card, "lgr-name");

      if (g_strcmp0 (gtk_label_get_label (name), markup) != 0)
        gtk_label_set_markup (name, markup);
      set_text (g_object_get_data (card, "lgr-payback"), payback);
      set_text (g_object_get_data (card, "lgr-peak"), peak);
      set_text (g_object_get_data (card, "lgr-net"), net);
      set_text (g_object_get_data (card, "lgr-net-caption"), net_caption);
    }
}

/* The levers: per council, its name and its levers' rows */

static const LgrScenario *
shown_scenario (LgrPresentationView *self, const LgrStudy *study)
{
  const LgrScenario *scenario
      = self->scenario_id ? lgr_study_find_scenario (study, self->scenario_id) : NULL;
  if (scenario == NULL && study->scenarios->len > 0)
    scenario = g_ptr_array_index (study->scenarios, 0);
  return scenario;
}

/* The council a lever belongs to, or NULL for levers of the whole area. */
static const LgrAuthority *
lever_authority (const LgrScenario *scenario, const LgrLever *lever)
{
  for (guint a = 0; lever->authority_id && a < scenario->authorities->len; a++)
    {
      const LgrAuthority *authority = g_ptr_array_index (scenario->authorities, a);
      if (g_strcmp0 (authority->id, lever->authority_id) == 0)
        return authority;
    }
  return NULL;
}

static char *
levers_key (const LgrScenario *scenario)
{
  GString *key = g_string_new (scenario->id);
  for (guint a = 0; a < scenario->authorities->len; a++)
    {
      const LgrAuthority *authority = g_ptr_array_index (scenario->authorities, a);
      g_string_append_printf (key, "\x1e%s\x1f%s", authority->id, authority->name);
    }
  for (guint l = 0; l < scenario->levers->len; l++)
    {
      const LgrLever *lever = g_ptr_array_index (scenario->levers, l);
      g_string_append_printf (key, "\x1e%s\x1f%s", lever->id,
                              lever->authority_id ? lever->authority_id : "");
    }
  return g_string_free (key, FALSE);
}

/* A council's heading and the list of its levers, appended to the levers' box. */
static void
add_group (LgrPresentationView *self, const LgrScenario *scenario, const char *heading,
           const LgrAuthority *authority)
{
  GtkWidget *list = NULL;

  for (guint l = 0; l < scenario->levers->len; l++)
    {
      const LgrLever *lever = g_ptr_array_index (scenario->levers, l);
      if (lever_authority (scenario, lever) != authority)
        continue;
      if (list == NULL)
        {
          GtkWidget *label = gtk_label_new (heading);
          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_widget_add_css_class (label, "lgr-presentation-council");
          gtk_box_append (GTK_BOX (self->levers_box), label);
          list = gtk_list_box_new ();
          g_object_set_data (G_OBJECT (label), "lgr-list", list);
          gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
          gtk_widget_add_css_class (list, "boxed-list");
          gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          heading, -1);
          gtk_box_append (GTK_BOX (self->levers_box), list);
        }
      gtk_list_box_append (GTK_LIST_BOX (list),
                           lgr_lever_row_new (self->document, scenario->id, lever->id, TRUE));
    }
}

static void
update_levers (LgrPresentationView *self, const LgrStudy *study)
{
  const LgrScenario *scenario = shown_scenario (self, study);
  g_autofree char *key = scenario ? levers_key (scenario) : g_strdup ("");
  GtkWidget *child;

  set_text (self->scenario_title, scenario ? scenario->name : "");
  if (g_strcmp0 (key, self->levers_key) == 0)
    return;
  g_free (self->levers_key);
  self->levers_key = g_steal_pointer (&key);
  while ((child = gtk_widget_get_first_child (self->levers_box)))
    gtk_box_remove (GTK_BOX (self->levers_box), child);
  if (scenario == NULL)
    return;
  for (guint a = 0; a < scenario->authorities->len; a++)
    {
      const LgrAuthority *authority = g_ptr_array_index (scenario->authorities, a);
      add_group (self, scenario, authority->name, authority);
    }
  add_group (self, scenario, scenario->authorities->len > 1 ? _ ("The whole area") : scenario->name,
             NULL);
}

/* The pinned headings: the councils whose headings are at the top of the view or scrolled past
 * keep them pinned at the top (with how many of their levers are below the view, or above it
 * once they are all gone) and those not yet reached are pinned at the bottom with how many
 * levers are below, so every council stays named on screen. */

/* The top of widget and its height in the coordinates of content, or FALSE before layout. */
static gboolean
extent_in (GtkWidget *widget, GtkWidget *content, double *y, double *height)
{
  graphene_point_t out;

  if (!gtk_widget_compute_point (widget, content, &GRAPHENE_POINT_INIT (0, 0), &out))
    return FALSE;
  *y = out.y;
  *height = gtk_widget_get_height (widget);
  return TRUE;
}

static char *
pinned_text (const char *council, guint below)
{
  if (below == 0)
    return g_strdup (council);
  /* Translators: a council's heading pinned above or below its levers, "South Warwickshire
   * Council · 5 levers below" */
  return g_strdup_printf (ngettext ("%s · %u lever below", "%s · %u levers below", below), council,
                          below);
}

static guint
count_rows (GtkWidget *list)
{
  guint n = 0;
  for (GtkWidget *row = gtk_widget_get_first_child (list); row;
       row = gtk_widget_get_next_sibling (row))
    n++;
  return n;
}

static void
show_pinned (GtkLabel *label, GString *text)
{
  set_text (label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (label), text->len > 0);
}

static void queue_pinned (LgrPresentationView *self);

static void
update_pinned (LgrPresentationView *self)
{
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (self->levers_scroller);
  GtkWidget *content = self->levers_box; /* the scrolled content, from its top */
  /* What the top heading covers is not in view either. */
  double top = gtk_adjustment_get_value (adj)
               + (gtk_widget_get_visible (GTK_WIDGET (self->pinned_top))
                      ? gtk_widget_get_height (GTK_WIDGET (self->pinned_top))
                      : 0);
  /* What the bottom heading covers is not in view either. */
  double bottom = gtk_adjustment_get_value (adj) + gtk_adjustment_get_page_size (adj)
                  - (gtk_widget_get_visible (GTK_WIDGET (self->pinned_bottom))
                         ? gtk_widget_get_height (GTK_WIDGET (self->pinned_bottom))
                         : 0);
  g_autoptr (GString) above = g_string_new (NULL);
  g_autoptr (GString) below = g_string_new (NULL);

  for (GtkWidget *heading = gtk_widget_get_first_child (self->levers_box); heading;
       heading = gtk_widget_get_next_sibling (heading))
    {
      GtkWidget *list = g_object_get_data (G_OBJECT (heading), "lgr-list");
      const char *council = list ? gtk_label_get_text (GTK_LABEL (heading)) : NULL;
      double y, height, list_y, list_height;
      guint hidden = 0;
      g_autofree char *text = NULL;

      if (list == NULL || !extent_in (heading, content, &y, &height)
          || !extent_in (list, content, &list_y, &list_height))
        continue;
      for (GtkWidget *row = gtk_widget_get_first_child (list); row;
           row = gtk_widget_get_next_sibling (row))
        {
          double row_y, row_height;
          if (extent_in (row, content, &row_y, &row_height) && row_y + row_height > bottom + 1)
            hidden++;
        }
      text = pinned_text (council, hidden);
      if (y + height > bottom + 1)
        g_string_append_printf (below, "%s%s", below->len ? "\n" : "", text);
      else if (y <= top + 1)
        {
          guint n = list_y + list_height > top ? 0 : count_rows (list);
          g_autofree char *gone
              /* Translators: a council's heading pinned above the view once all its levers are
               * scrolled past, "North Warwickshire Council · 5 levers above" */
              = n ? g_strdup_printf (ngettext ("%s · %u lever above", "%s · %u levers above", n),
                                     council, n)
                  : NULL;
          g_string_append_printf (above, "%s%s", above->len ? "\n" : "", gone ? gone : text);
        }
    }
  /* A pinned heading shown, hidden or of another height changes what is in view: once more
   * with that (it only ever covers more, so this settles). */
  if (gtk_widget_get_visible (GTK_WIDGET (self->pinned_bottom)) != (below->len > 0)
      || g_strcmp0 (gtk_label_get_text (self->pinned_top), above->str) != 0)
    queue_pinned (self);
  show_pinned (self->pinned_top, above);
  show_pinned (self->pinned_bottom, below);
}

static gboolean
on_pinned_tick (GtkWidget *widget, GdkFrameClock *clock, gpointer data)
{
  LGR_PRESENTATION_VIEW (widget)->pinned_tick = 0;
  update_pinned (LGR_PRESENTATION_VIEW (widget));
  return G_SOURCE_REMOVE;
}

/* After the next layout: the adjustment changes while the levers are allocated. */
static void
queue_pinned (LgrPresentationView *self)
{
  if (self->pinned_tick == 0)
    self->pinned_tick
        = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_pinned_tick, NULL, NULL);
}

static void
on_levers_scrolled (GtkAdjustment *adj, LgrPresentationView *self)
{
  queue_pinned (self);
}

/* The snapshot's name and note */

/* Whether any value differs from the start with snapshot (NULL: none) applied, as the room was
 * shown it: then the title says so, since the room no longer sees the question as asked. */
static gboolean
differs_from_shown (LgrPresentationView *self, const LgrSnapshot *snapshot)
{
  g_autoptr (LgrStudy) shown = lgr_study_copy (lgr_document_get_saved_study (self->document));
  g_autoptr (LgrSnapshot) differences = NULL;

  if (snapshot != NULL && !lgr_snapshot_apply (shown, snapshot, NULL))
    return TRUE;
  differences = lgr_snapshot_from_differences (shown, lgr_document_get_study (self->document),
                                               "now", "now");
  return differences != NULL;
}

static void
update_snapshot (LgrPresentationView *self, const LgrStudy *study)
{
  const LgrSnapshot *snapshot
      = self->snapshot_id ? lgr_study_find_snapshot (study, self->snapshot_id) : NULL;
  g_autofree char *title = NULL;
  const char *note;

  if (snapshot != NULL)
    {
      guint index = 0;
      while (g_ptr_array_index (study->snapshots, index) != snapshot)
        index++;
      /* Translators: "2 of 5: What if savings arrive a year late?" */
      title
          = g_strdup_printf (_ ("%u of %u: %s"), index + 1, study->snapshots->len, snapshot->name);
      note = snapshot->note ? snapshot->note : "";
    }
  else
    {
      title = g_strdup (study->title);
      note = study->snapshots->len > 0
                 ? _ ("The study as opened. Page Down shows the first question.")
                 : _ ("The study as opened.");
    }
  if (self->title_settled && differs_from_shown (self, snapshot))
    {
      /* Translators: the snapshot's title once a value has been changed since it was shown,
       * "1 of 5: What if the LAC rate only falls to 60? (changed)" */
      g_autofree char *changed = g_strdup_printf (_ ("%s (changed)"), title);
      g_free (title);
      title = g_steal_pointer (&changed);
    }
  set_text (self->snapshot_title, title);
  set_text (self->snapshot_note, note);
  gtk_widget_set_visible (GTK_WIDGET (self->snapshot_note), note[0] != '\0');
}

static void
update (LgrPresentationView *self)
{
  const LgrStudy *study;
  const LgrResults *results;
  g_autofree char *verdict = NULL;

  if (self->update_tick)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->update_tick);
      self->update_tick = 0;
    }
  if (self->document == NULL)
    return;
  study = lgr_document_get_study (self->document);
  results = lgr_document_get_results (self->document);
  update_snapshot (self, study);
  verdict = lgr_results_verdict (results);
  set_text (self->verdict_label, verdict);
  update_figures (self, results);
  update_levers (self, study);
  if (results != self->shown)
    {
      /* The chart borrows the results: the old ones go only after it has the new ones. The
       * starting point (the study as opened) is drawn while anything differs from it. */
      g_autoptr (LgrResults) old = self->shown;
      self->shown = lgr_results_ref (results);
      lgr_chart_view_set_results_with_start (self->chart_view, self->shown,
                                             lgr_document_get_start_results (self->document));
    }
  else
    lgr_chart_view_set_start (self->chart_view, lgr_document_get_start_results (self->document));
}

static gboolean
on_tick (GtkWidget *widget, GdkFrameClock *clock, gpointer data)
{
  LGR_PRESENTATION_VIEW (widget)->update_tick = 0;
  update (LGR_PRESENTATION_VIEW (widget));
  return G_SOURCE_REMOVE;
}

static void
queue_update (LgrPresentationView *self)
{
  /* Off screen nothing is done: mapping the view brings it up to date. */
  if (self->update_tick == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->update_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_tick, NULL, NULL);
}

static void
on_document_changed (LgrDocument *document, LgrPresentationView *self)
{
  queue_update (self);
}

/* Public API */

GtkWidget *
lgr_presentation_view_new (void)
{
  return g_object_new (LGR_TYPE_PRESENTATION_VIEW, NULL);
}

void
lgr_presentation_view_set_document (LgrPresentationView *self, LgrDocument *document)
{
  g_return_if_fail (LGR_IS_PRESENTATION_VIEW (self));
  if (self->document == document)
    return;
  if (self->document)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  g_clear_pointer (&self->levers_key, g_free);
  if (document)
    g_signal_connect_object (document, "changed", G_CALLBACK (on_document_changed), self, 0);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    update (self);
}

void
lgr_presentation_view_set_scenario (LgrPresentationView *self, const char *scenario_id)
{
  g_return_if_fail (LGR_IS_PRESENTATION_VIEW (self));
  if (g_strcmp0 (self->scenario_id, scenario_id) == 0)
    return;
  g_free (self->scenario_id);
  self->scenario_id = g_strdup (scenario_id);
  queue_update (self);
}

const char *
lgr_presentation_view_get_scenario (LgrPresentationView *self)
{
  g_return_val_if_fail (LGR_IS_PRESENTATION_VIEW (self), NULL);
  return self->scenario_id;
}

void
lgr_presentation_view_set_snapshot (LgrPresentationView *self, const char *snapshot_id)
{
  g_return_if_fail (LGR_IS_PRESENTATION_VIEW (self));
  if (g_strcmp0 (self->snapshot_id, snapshot_id) == 0)
    return;
  g_free (self->snapshot_id);
  self->snapshot_id = g_strdup (snapshot_id);
  /* The window sets the snapshot just before or after putting its values in place: whether
   * they differ is known once they are, on the next update. */
  self->title_settled = FALSE;
  if (self->document)
    update_snapshot (self, lgr_document_get_study (self->document));
  self->title_settled = TRUE;
  queue_update (self);
}

void
lgr_presentation_view_set_chart (LgrPresentationView *self, LgrChartKind kind)
{
  g_return_if_fail (LGR_IS_PRESENTATION_VIEW (self));
  lgr_chart_view_set_kind (self->chart_view, kind);
}

void
lgr_presentation_view_set_uncertainty (LgrPresentationView *self,
                                       const LgrUncertaintyResults *uncertainty,
                                       const LgrSensitivity *sensitivity)
{
  g_return_if_fail (LGR_IS_PRESENTATION_VIEW (self));
  lgr_chart_view_set_uncertainty (self->chart_view, uncertainty, sensitivity);
}

void
lgr_presentation_view_set_dark (LgrPresentationView *self, gboolean dark)
{
  g_return_if_fail (LGR_IS_PRESENTATION_VIEW (self));
  lgr_chart_view_set_dark (self->chart_view, dark);
}

void
lgr_presentation_view_set_locked (LgrPresentationView *self, gboolean locked)
{
  g_return_if_fail (LGR_IS_PRESENTATION_VIEW (self));
  locked = !!locked;
  if (self->locked == locked)
    return;
  self->locked = locked;
  gtk_widget_set_sensitive (self->levers_box, !locked);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCKED]);
}

gboolean
lgr_presentation_view_get_locked (LgrPresentationView *self)
{
  g_return_val_if_fail (LGR_IS_PRESENTATION_VIEW (self), FALSE);
  return self->locked;
}

void
lgr_presentation_view_set_second_screen_button (LgrPresentationView *self, gboolean shown)
{
  g_return_if_fail (LGR_IS_PRESENTATION_VIEW (self));
  gtk_widget_set_visible (self->second_screen_button, shown);
}

LgrChartView *
lgr_presentation_view_get_chart_view (LgrPresentationView *self)
{
  return self->chart_view;
}

GtkWidget *
lgr_presentation_view_get_levers (LgrPresentationView *self)
{
  return self->levers_box;
}

GtkScrolledWindow *
lgr_presentation_view_get_levers_scroller (LgrPresentationView *self)
{
  return self->levers_scroller;
}

GtkLabel *
lgr_presentation_view_get_pinned (LgrPresentationView *self, gboolean bottom)
{
  return bottom ? self->pinned_bottom : self->pinned_top;
}

const char *
lgr_presentation_view_get_snapshot_title (LgrPresentationView *self)
{
  return gtk_label_get_text (self->snapshot_title);
}

const char *
lgr_presentation_view_get_snapshot_note (LgrPresentationView *self)
{
  return gtk_label_get_text (self->snapshot_note);
}

const char *
lgr_presentation_view_get_verdict (LgrPresentationView *self)
{
  return gtk_label_get_text (self->verdict_label);
}

GtkWidget *
lgr_presentation_view_get_figures (LgrPresentationView *self)
{
  return GTK_WIDGET (self->figures_box);
}

/* Life cycle */

static void
lgr_presentation_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (lgr_presentation_view_parent_class)->map (widget);
  update (LGR_PRESENTATION_VIEW (widget));
}

static void
lgr_presentation_view_get_property (GObject *object, guint prop_id, GValue *value,
                                    GParamSpec *pspec)
{
  LgrPresentationView *self = LGR_PRESENTATION_VIEW (object);

  switch (prop_id)
    {
    case PROP_LOCKED:
      g_value_set_boolean (value, self->locked);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lgr_presentation_view_set_property (GObject *object, guint prop_id, const GValue *value,
                                    GParamSpec *pspec)
{
  LgrPresentationView *self = LGR_PRESENTATION_VIEW (object);

  switch (prop_id)
    {
    case PROP_LOCKED:
      lgr_presentation_view_set_locked (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lgr_presentation_view_dispose (GObject *object)
{
  LgrPresentationView *self = LGR_PRESENTATION_VIEW (object);

  if (self->update_tick)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->update_tick);
      self->update_tick = 0;
    }
  if (self->pinned_tick)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->pinned_tick);
      self->pinned_tick = 0;
    }
  if (self->document)
    g_signal_handlers_disconnect_by_data (self->document, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LGR_TYPE_PRESENTATION_VIEW);
  G_OBJECT_CLASS (lgr_presentation_view_parent_class)->dispose (object);
}

static void
lgr_presentation_view_finalize (GObject *object)
{
  LgrPresentationView *self = LGR_PRESENTATION_VIEW (object);

  g_clear_object (&self->document);
  g_clear_pointer (&self->shown, lgr_results_unref);
  g_free (self->scenario_id);
  g_free (self->snapshot_id);
  g_free (self->figures_key);
  g_free (self->levers_key);
  G_OBJECT_CLASS (lgr_presentation_view_parent_class)->finalize (object);
}

static void
lgr_presentation_view_class_init (LgrPresentationViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lgr_presentation_view_dispose;
  object_class->finalize = lgr_presentation_view_finalize;
  object_class->get_property = lgr_presentation_view_get_property;
  object_class->set_property = lgr_presentation_view_set_property;
  widget_class->map = lgr_presentation_view_map;

  properties[PROP_LOCKED]
      = g_param_spec_boolean ("locked", NULL, NULL, FALSE,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LGR_TYPE_CHART_VIEW);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "lgrpresentation");
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/lgrexplorer/Explorer/lgr-presentation-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LgrPresentationView, root);
  gtk_widget_class_bind_template_child (widget_class, LgrPresentationView, snapshot_title);
  gtk_widget_class_bind_template_child (widget_class, LgrPresentationView, snapshot_note);
  gtk_widget_class_bind_template_child (widget_class, LgrPresentationView, lock_switch);
  gtk_widget_class_bind_template_child (widget_class, LgrPresentationView, second_screen_button);
  gtk_widget_class_bind_template_child (widget_class, LgrPresentationView, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, LgrPresentationView, figures_box);
  gtk_widget_class_bind_template_child (widget_class, LgrPresentationView, chart_view);
  gtk_widget_class_bind_template_child (widget_class, LgrPresentationView, scenario_title);
  gtk_widget_class_bind_template_child (widget_class, LgrPresentationView, levers_box);
  gtk_widget_class_bind_template_child (widget_class, LgrPresentationView, levers_scroller);
  gtk_widget_class_bind_template_child (widget_class, LgrPresentationView, pinned_top);
  gtk_widget_class_bind_template_child (widget_class, LgrPresentationView, pinned_bottom);
}

static void
lgr_presentation_view_init (LgrPresentationView *self)
{
  GtkAdjustment *adj;

  self->title_settled = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  lgr_chart_view_set_font_scale (self->chart_view, CHART_FONT_SCALE);
  /* The wheel scrolls the levers, never a slider it passes over. */
  lgr_scroll_guard_attach (self->levers_scroller);
  adj = gtk_scrolled_window_get_vadjustment (self->levers_scroller);
  g_signal_connect_object (adj, "value-changed", G_CALLBACK (on_levers_scrolled), self, 0);
  g_signal_connect_object (adj, "changed", G_CALLBACK (on_levers_scrolled), self, 0);
}
