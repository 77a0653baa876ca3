/* lgr-item-council-row.c: which council an item belongs to (lgr-item-council-row.h).
 *
 * The choices are "Shared by the option" and the option's authorities in order; the model is
 * rebuilt only when their names change, so choosing keeps the popover's place. */
#include <glib/gi18n.h>

#include "lgr-item-council-row.h"

struct _LgrItemCouncilRow
{
  AdwComboRow parent_instance;

  LgrDocument *document;
  char *scenario_id;
  char *item_id;
  GPtrArray *ids;   /* of char*, the authority of each choice; NULL first, for shared */
  gboolean syncing; /* setting the selection from the document, not from the user */
};

G_DEFINE_FINAL_TYPE (LgrItemCouncilRow, lgr_item_council_row, ADW_TYPE_COMBO_ROW)

static const LgrScenario *
current_scenario (LgrItemCouncilRow *self)
{
  return lgr_study_find_scenario (lgr_document_get_study (self->document), self->scenario_id);
}

/* The choices of scenario, if they are not those shown. */
static void
update_choices (LgrItemCouncilRow *self, const LgrScenario *scenario)
{
  g_autoptr (GtkStringList) names = NULL;
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (self));
  gboolean same = model != NULL && self->ids->len == scenario->authorities->len + 1;

  for (guint i = 0; same && i < scenario->authorities->len; i++)
    {
      const LgrAuthority *a = g_ptr_array_index (scenario->authorities, i);
      g_autoptr (GtkStringObject) shown = g_list_model_get_item (model, i + 1);
      same = g_strcmp0 (a->id, g_ptr_array_index (self->ids, i + 1)) == 0
             && g_strcmp0 (a->name, gtk_string_object_get_string (shown)) == 0;
    }
  if (same)
    return;
  names = gtk_string_list_new (NULL);
  g_ptr_array_set_size (self->ids, 0);
  gtk_string_list_append (names, _ ("Shared by the option"));
  g_ptr_array_add (self->ids, NULL);
  for (guint i = 0; i < scenario->authorities->len; i++)
    {
      const LgrAuthority *a = g_ptr_array_index (scenario->authorities, i);
      gtk_string_list_append (names, a->name);
      g_ptr_array_add (self->ids, g_strdup (a->id));
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (self), G_LIST_MODEL (names));
}

static void
show_item (LgrItemCouncilRow *self)
{
  const LgrScenario *scenario = current_scenario (self);
  const LgrItem *item = scenario ? lgr_scenario_find_item (scenario, self->item_id) : NULL;
  guint selected = 0;

  if (item == NULL)
    return; /* the item is going: its row goes with it */
  gtk_widget_set_visible (GTK_WIDGET (self),
                          scenario->authorities->len > 1 || item->authority_id != NULL);
  self->syncing = TRUE;
  update_choices (self, scenario);
  for (guint i = 1; i < self->ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->ids, i), item->authority_id) == 0)
      {
        selected = i;
        break;
      }
  if (adw_combo_row_get_selected (ADW_COMBO_ROW (self)) != selected)
    adw_combo_row_set_selected (ADW_COMBO_ROW (self), selected);
  self->syncing = FALSE;
}

static void
on_selected (GObject *object, GParamSpec *pspec, LgrItemCouncilRow *self)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self));
  const LgrScenario *scenario;
  const LgrItem *item;
  g_autoptr (LgrItem) changed = NULL;
  g_autoptr (GError) error = NULL;

  if (self->syncing || selected >= self->ids->len)
    return;
  scenario = current_scenario (self);
  item = scenario ? lgr_scenario_find_item (scenario, self->item_id) : NULL;
  if (item == NULL || g_strcmp0 (item->authority_id, g_ptr_array_index (self->ids, selected)) == 0)
    return;
  changed = lgr_item_copy (item);
  g_free (changed->authority_id);
  changed->authority_id = g_strdup (g_ptr_array_index (self->ids, selected));
  /* the choices are the scenario's own authorities, so this holds; if not, show what is */
  if (!lgr_document_set_item (self->document, self->scenario_id, changed, NULL, &error))
    show_item (self);
}

static void
on_document_changed (LgrDocument *document, LgrItemCouncilRow *self)
{
  show_item (self);
}

static void
lgr_item_council_row_finalize (GObject *object)
{
  LgrItemCouncilRow *self = LGR_ITEM_COUNCIL_ROW (object);

  g_clear_object (&self->document);
  g_free (self->scenario_id);
  g_free (self->item_id);
  g_ptr_array_unref (self->ids);
  G_OBJECT_CLASS (lgr_item_council_row_parent_class)->finalize (object);
}

static void
lgr_item_council_row_class_init (LgrItemCouncilRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lgr_item_council_row_finalize;
}

static void
lgr_item_council_row_init (LgrItemCouncilRow *self)
{
  self->ids = g_ptr_array_new_with_free_func (g_free);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), _ ("Council"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self),
                               _ ("Whose cost or saving it is; the figures are the same"));
}

GtkWidget *
lgr_item_council_row_new (LgrDocument *document, const char *scenario_id, const char *item_id)
{
  LgrItemCouncilRow *self = g_object_new (LGR_TYPE_ITEM_COUNCIL_ROW, NULL);

  self->document = g_object_ref (document);
  self->scenario_id = g_strdup (scenario_id);
  self->item_id = g_strdup (item_id);
  show_item (self);
  g_signal_connect (self, "notify::selected", G_CALLBACK (on_selected), self);
  g_signal_connect_object (document, "changed", G_CALLBACK (on_document_changed), self, 0);
  return GTK_WIDGET (self);
}
