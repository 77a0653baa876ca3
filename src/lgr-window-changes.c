/* lgr-window-changes.c: every change visible - the summary card of each scenario, and the row
 * of each lever and item of the scenario in the sidebar, that differ from the study as opened
 * or last saved are marked until saved or undone. Calls none of the window's other files. */
#include <glib/gi18n.h>

#include "lgr-window-private.h"

/* A row's mark: a style class, and for screen readers a description that says so. */
static void
mark_row (GtkWidget *row, gboolean changed)
{
  if (row == NULL || !changed == !gtk_widget_has_css_class (row, "lgr-changed"))
    return;
  if (changed)
    {
      gtk_widget_add_css_class (row, "lgr-changed");
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _ ("Changed"), -1);
    }
  else
    {
      gtk_widget_remove_css_class (row, "lgr-changed");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

static void
mark_now (LgrWindow *self)
{
  const LgrStudy *study = lgr_document_get_study (self->document);
  const LgrStudy *saved = lgr_document_get_saved_study (self->document);
  const LgrScenario *selected
      = lgr_study_find_scenario (study, lgr_scenario_sidebar_get_selected (self->sidebar));
  const LgrScenario *selected_saved = NULL;

  for (guint i = 0; i < study->scenarios->len; i++)
    {
      const LgrScenario *scenario = g_ptr_array_index (study->scenarios, i);
      const LgrScenario *was = saved ? lgr_study_find_scenario (saved, scenario->id) : NULL;
      LgrSummaryCard *card = lgr_window_find_card (self, scenario->id);

      if (card)
        lgr_summary_card_set_changed (card,
                                      was == NULL || !lgr_scenario_same_content (scenario, was));
    }
  if (selected == NULL)
    return;
  selected_saved = saved ? lgr_study_find_scenario (saved, selected->id) : NULL;
  for (guint i = 0; i < selected->levers->len; i++)
    {
      const LgrLever *lever = g_ptr_array_index (selected->levers, i);
      const LgrLever *was
          = selected_saved ? lgr_scenario_find_lever (selected_saved, lever->id) : NULL;
      mark_row (GTK_WIDGET (lgr_scenario_sidebar_find_lever_row (self->sidebar, lever->id)),
                was == NULL || !lgr_lever_equal (lever, was));
    }
  for (guint i = 0; i < selected->items->len; i++)
    {
      const LgrItem *item = g_ptr_array_index (selected->items, i);
      const LgrItem *was
          = selected_saved ? lgr_scenario_find_item (selected_saved, item->id) : NULL;
      mark_row (lgr_scenario_sidebar_find_item_row (self->sidebar, item->id),
                was == NULL || !lgr_item_equal (item, was));
    }
}

static gboolean
on_marks_idle (gpointer data)
{
  LgrWindow *self = data;

  self->marks_idle = 0;
  if (self->document)
    mark_now (self);
  return G_SOURCE_REMOVE;
}

void
_lgr_window_queue_marks (LgrWindow *self)
{
  /* After the sidebar has rebuilt its rows (at G_PRIORITY_HIGH_IDLE), before GTK redraws. */
  if (self->marks_idle == 0)
    self->marks_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 10, on_marks_idle, self, NULL);
}

void
_lgr_window_cancel_marks (LgrWindow *self)
{
  g_clear_handle_id (&self->marks_idle, g_source_remove);
}
