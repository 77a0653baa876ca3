/* lgr-item-row.c: one item, editable. */
#include <glib/gi18n.h>

#include "lgr-format.h"
#include "lgr-item-row.h"
#include "lgr-number-row.h"
#include "lgr-row-helpers.h"
#include "lgr-rules.h"

enum
{
  FIELD_TOTAL,
  FIELD_AMOUNT,
  FIELD_START,
  FIELD_GROWTH,
  FIELD_YEAR, /* + year index */
};

struct _LgrItemRow
{
  AdwExpanderRow parent_instance;

  LgrDocument *document;
  char *scenario_id;
  char *item_id;

  GtkWidget *enabled;
  GtkWidget *name_row;
  GtkWidget *kind_row;
  GtkWidget *pattern_row;
  GtkWidget *profile_row;
  GtkWidget *profile_entry;
  GtkWidget *source_label;
  GPtrArray *number_rows; /* of LgrNumberRow*, each with "lgr-field" */
  char *error;
  gboolean syncing;
};

G_DEFINE_FINAL_TYPE (LgrItemRow, lgr_item_row, ADW_TYPE_EXPANDER_ROW)

static const char *const kind_names[]
    = { N_ ("One-off cost"), N_ ("Recurring cost"), N_ ("Saving"), N_ ("Cost avoidance") };
static const char *const pattern_names[]
    = { N_ ("A total spread over years"), N_ ("An amount a year"), N_ ("Values per year") };

static const LgrItem *
current_item (LgrItemRow *self)
{
  const LgrScenario *scenario
      = lgr_study_find_scenario (lgr_document_get_study (self->document), self->scenario_id);
  return scenario ? lgr_scenario_find_item (scenario, self->item_id) : NULL;
}

char *
lgr_item_row_structure_key (const LgrItem *item, const LgrStudy *study)
{
  return g_strdup_printf ("%d/%d/%d", item->pattern, study->first_year, study->years);
}

static gboolean
apply_item (LgrItemRow *self, const LgrItem *item, const char *merge_key, GtkWidget *row)
{
  g_autoptr (GError) error = NULL;

  if (lgr_document_set_item (self->document, self->scenario_id, item, merge_key, &error))
    return TRUE;
  g_free (self->error);
  self->error = g_strdup (error->message);
  if (row != NULL && LGR_IS_NUMBER_ROW (row))
    lgr_number_row_set_error (LGR_NUMBER_ROW (row), error->message);
  else
    {
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self), "lgr-refused");
      if (row != NULL)
        {
          gtk_widget_add_css_class (row, "error");
          gtk_widget_set_tooltip_text (row, error->message);
        }
    }
  return FALSE;
}

static void
on_number_changed (LgrNumberRow *row, double value, gboolean dragging, LgrItemRow *self)
{
  int field = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "lgr-field"));
  const LgrItem *current = current_item (self);
  const LgrStudy *study = lgr_document_get_study (self->document);
  g_autoptr (LgrItem) item = NULL;
  g_autofree char *merge_key = NULL;

  if (self->syncing || current == NULL)
    return;
  item = lgr_item_copy (current);
  switch (field)
    {
    case FIELD_TOTAL:
      item->total = value;
      break;
    case FIELD_AMOUNT:
      item->amount = value;
      break;
    case FIELD_START:
      item->has_start = TRUE;
      item->start = (int)value;
      break;
    case FIELD_GROWTH:
      item->growth = value;
      break;
    default:
      lgr_item_set_value (item, study->first_year + field - FIELD_YEAR, value);
      break;
    }
  if (dragging)
    merge_key = g_strdup_printf ("item/%s/%s/%d", self->scenario_id, self->item_id, field);
  apply_item (self, item, merge_key, GTK_WIDGET (row));
}

static void
on_edit_finished (LgrNumberRow *row, LgrItemRow *self)
{
  lgr_document_end_merge (self->document);
}

static void
on_enabled (GObject *object, GParamSpec *pspec, LgrItemRow *self)
{
  const LgrItem *current = current_item (self);
  g_autoptr (LgrItem) item = NULL;

  if (self->syncing || current == NULL)
    return;
  item = lgr_item_copy (current);
  item->enabled = gtk_switch_get_active (GTK_SWITCH (self->enabled));
  apply_item (self, item, NULL, NULL);
}

/* Shows a refusal on row and in the subtitle (after the row shows the item's values again). */
static void
show_refusal (LgrItemRow *self, GtkWidget *row, const char *message)
{
  lgr_item_row_sync (self);
  g_free (self->error);
  self->error = g_strdup (message);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), message);
  gtk_widget_add_css_class (GTK_WIDGET (self), "lgr-refused");
  gtk_widget_add_css_class (row, "error");
  gtk_widget_set_tooltip_text (row, message);
}

/* A spread item given another kind becomes values per year (see lgr_document_set_item_kind);
 * the sidebar then rebuilds this row, so it is kept alive until the end. */
static void
on_kind (GObject *object, GParamSpec *pspec, LgrItemRow *self)
{
  const LgrItem *current = current_item (self);
  g_autoptr (GError) error = NULL;
  guint kind = adw_combo_row_get_selected (ADW_COMBO_ROW (self->kind_row));

  if (self->syncing || current == NULL || kind == GTK_INVALID_LIST_POSITION)
    return;
  /* The combo row may be dropped by the rebuild while it is still notifying others. */
  g_idle_add (lgr_row_unref_later, g_object_ref (self->kind_row));
  g_object_ref (self);
  if (!lgr_document_set_item_kind (self->document, self->scenario_id, self->item_id, kind, &error))
    show_refusal (self, self->kind_row, error->message);
  g_object_unref (self);
}

static void
on_name_apply (AdwEntryRow *row, LgrItemRow *self)
{
  const LgrItem *current = current_item (self);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr (LgrItem) item = NULL;
  g_autoptr (GError) error = NULL;

  if (self->syncing || current == NULL || g_strcmp0 (name, current->name) == 0)
    return;
  item = lgr_item_copy (current);
  g_free (item->name);
  item->name = g_steal_pointer (&name);
  g_object_ref (self);
  if (!lgr_document_set_item (self->document, self->scenario_id, item, NULL, &error))
    show_refusal (self, self->name_row, error->message);
  g_object_unref (self);
}

/* Changing how an item is entered keeps its money: the new pattern starts from the values the
 * core computed for the old one. */
static void
on_pattern (GObject *object, GParamSpec *pspec, LgrItemRow *self)
{
  const LgrItem *current = current_item (self);
  const LgrStudy *study = lgr_document_get_study (self->document);
  const LgrScenarioResult *result
      = lgr_results_find (lgr_document_get_results (self->document), self->scenario_id);
  g_autoptr (LgrItem) item = NULL;
  const double *values = NULL;
  LgrItemPattern pattern;

  if (self->syncing || current == NULL || result == NULL)
    return;
  g_idle_add (lgr_row_unref_later, g_object_ref (self->pattern_row));
  pattern = adw_combo_row_get_selected (ADW_COMBO_ROW (self->pattern_row));
  for (guint i = 0; i < result->n_items; i++)
    if (result->items[i].item == current)
      values = result->items[i].values;
  item = lgr_item_copy (current);
  item->pattern = pattern;
  if (pattern == LGR_ITEM_PATTERN_VALUES)
    {
      g_array_set_size (item->values, 0);
      for (int t = 0; values && t < study->years; t++)
        if (values[t] != 0)
          lgr_item_set_value (item, study->first_year + t, values[t]);
    }
  else if (pattern == LGR_ITEM_PATTERN_SPREAD)
    {
      double total = 0;
      for (int t = 0; values && t < study->years; t++)
        total += values[t];
      item->total = total;
      if (lgr_profile_sum (&item->profile) < 99.99 || lgr_profile_sum (&item->profile) > 100.01)
        {
          double full = 100;
          lgr_profile_set (&item->profile, &full, 1);
        }
    }
  else if (item->amount == 0 && values)
    item->amount = values[study->years - 1];
  if (!apply_item (self, item, NULL, self->pattern_row))
    lgr_item_row_sync (self);
}

static void
on_profile_activate (GtkEntry *entry, LgrItemRow *self)
{
  const LgrItem *current = current_item (self);
  g_autoptr (LgrItem) item = NULL;
  g_autoptr (GError) error = NULL;
  LgrProfile profile = { 0 };

  if (current == NULL)
    return;
  if (!lgr_parse_profile (gtk_editable_get_text (GTK_EDITABLE (entry)), &profile, &error))
    {
      lgr_row_show_profile_error (self->profile_row, self->profile_entry, error->message);
      return;
    }
  item = lgr_item_copy (current);
  lgr_profile_copy (&item->profile, &profile);
  lgr_profile_clear (&profile);
  if (!lgr_document_set_item (self->document, self->scenario_id, item, NULL, &error))
    lgr_row_show_profile_error (self->profile_row, self->profile_entry, error->message);
}

static void
on_remove (GtkButton *button, LgrItemRow *self)
{
  g_autoptr (GError) error = NULL;
  if (!lgr_document_remove_item (self->document, self->scenario_id, self->item_id, &error))
    g_warning ("%s", error->message);
}

static GtkWidget *
add_number (LgrItemRow *self, int field, const char *title, const char *unit, double upper,
            double step)
{
  GtkWidget *row = lgr_number_row_new (title, unit, 0, upper, step);
  g_object_set_data (G_OBJECT (row), "lgr-field", GINT_TO_POINTER (field));
  g_signal_connect (row, "value-changed", G_CALLBACK (on_number_changed), self);
  g_signal_connect (row, "edit-finished", G_CALLBACK (on_edit_finished), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
  g_ptr_array_add (self->number_rows, row);
  return row;
}

void
lgr_item_row_sync (LgrItemRow *self)
{
  const LgrItem *item = current_item (self);
  const LgrStudy *study = lgr_document_get_study (self->document);
  g_autofree char *summary = NULL;
  g_autofree char *money = NULL;

  g_return_if_fail (LGR_IS_ITEM_ROW (self));
  if (item == NULL)
    return;

  self->syncing = TRUE;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), item->name);
  switch (item->pattern)
    {
    case LGR_ITEM_PATTERN_SPREAD:
      money = lgr_format_money (item->total);
      summary = g_strdup_printf (_ ("%s, %s in total"), _ (kind_names[item->kind]), money);
      break;
    case LGR_ITEM_PATTERN_RECURRING:
      money = lgr_format_money (item->amount);
      summary = g_strdup_printf (_ ("%s, %s a year"), _ (kind_names[item->kind]), money);
      break;
    case LGR_ITEM_PATTERN_VALUES:
    default:
      summary = g_strdup_printf (_ ("%s, values per year"), _ (kind_names[item->kind]));
      break;
    }
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), summary);
  gtk_widget_remove_css_class (GTK_WIDGET (self), "lgr-refused");
  gtk_switch_set_active (GTK_SWITCH (self->enabled), item->enabled);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->kind_row), item->kind);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->pattern_row), item->pattern);
  gtk_widget_remove_css_class (self->kind_row, "error");
  gtk_widget_remove_css_class (self->pattern_row, "error");
  gtk_widget_remove_css_class (self->name_row, "error");
  gtk_widget_set_tooltip_text (self->kind_row, NULL);
  gtk_widget_set_tooltip_text (self->name_row, NULL);
  g_clear_pointer (&self->error, g_free);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->name_row)), item->name) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->name_row), item->name);

  for (guint i = 0; i < self->number_rows->len; i++)
    {
      LgrNumberRow *row = g_ptr_array_index (self->number_rows, i);
      int field = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "lgr-field"));
      double value = 0;

      switch (field)
        {
        case FIELD_TOTAL:
          value = item->total;
          lgr_number_row_set_slider_range (row, 0, MAX (1e6, item->total * 2), 10000);
          break;
        case FIELD_AMOUNT:
          value = item->amount;
          lgr_number_row_set_slider_range (row, 0, MAX (1e6, item->amount * 2), 10000);
          break;
        case FIELD_START:
          {
            g_autofree char *year = NULL;
            g_autofree char *info = NULL;
            value = lgr_item_start_year (item, study);
            year = lgr_format_financial_year ((int)value);
            info = g_strdup_printf (_ ("from %s"), year);
            lgr_number_row_set_info (row, info);
            lgr_number_row_set_slider_range (row, study->first_year,
                                             study->first_year + study->years - 1, 1);
            break;
          }
        case FIELD_GROWTH:
          value = item->growth;
          break;
        default:
          {
            int year = study->first_year + field - FIELD_YEAR;
            for (guint v = 0; item->values && v < item->values->len; v++)
              if (g_array_index (item->values, LgrYearValue, v).year == year)
                value = g_array_index (item->values, LgrYearValue, v).value;
            break;
          }
        }
      lgr_number_row_set_value (row, value);
    }
  if (self->profile_entry)
    {
      g_autofree char *profile = lgr_profile_to_string (&item->profile);
      gtk_editable_set_text (GTK_EDITABLE (self->profile_entry), profile);
      gtk_widget_remove_css_class (self->profile_entry, "error");
      gtk_widget_set_tooltip_text (self->profile_entry, NULL);
      /* xgettext:no-c-format */
      const char *spread_hint = _ ("% of the total in each year; sums to 100");
      /* xgettext:no-c-format */
      const char *realisation_hint = _ ("% of the full amount in each year from the start");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->profile_row),
                                   item->pattern == LGR_ITEM_PATTERN_SPREAD ? spread_hint
                                                                            : realisation_hint);
    }
  gtk_label_set_text (GTK_LABEL (self->source_label),
                      item->source ? item->source : _ ("No source given for this item."));
  self->syncing = FALSE;
}

static void
lgr_item_row_finalize (GObject *object)
{
  LgrItemRow *self = LGR_ITEM_ROW (object);
  g_clear_object (&self->document);
  g_free (self->scenario_id);
  g_free (self->item_id);
  g_ptr_array_unref (self->number_rows);
  g_free (self->error);
  G_OBJECT_CLASS (lgr_item_row_parent_class)->finalize (object);
}

static void
lgr_item_row_class_init (LgrItemRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lgr_item_row_finalize;
}

static void
lgr_item_row_init (LgrItemRow *self)
{
  self->number_rows = g_ptr_array_new ();
}

static GtkWidget *
new_combo_row (const char *title, const char *const *names, guint n)
{
  GtkStringList *list = lgr_row_translated_list (names, n);
  GtkWidget *row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (list));
  g_object_unref (list);
  return row;
}

GtkWidget *
lgr_item_row_new (LgrDocument *document, const char *scenario_id, const char *item_id)
{
  LgrItemRow *self;
  const LgrItem *item;
  const LgrStudy *study = lgr_document_get_study (document);

  self = g_object_new (LGR_TYPE_ITEM_ROW, NULL);
  self->document = g_object_ref (document);
  self->scenario_id = g_strdup (scenario_id);
  self->item_id = g_strdup (item_id);
  item = current_item (self);
  g_return_val_if_fail (item != NULL, GTK_WIDGET (self));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self), FALSE);

  self->source_label = lgr_row_add_source_button (ADW_EXPANDER_ROW (self),
                                                  _ ("Where this number comes from"), NULL);
  self->enabled
      = lgr_row_new_enable_switch (_ ("Include this item"), G_CALLBACK (on_enabled), self);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (self), self->enabled);

  self->name_row = lgr_row_add_entry_row (ADW_EXPANDER_ROW (self), _ ("Name"));
  self->kind_row = new_combo_row (_ ("Kind"), kind_names, G_N_ELEMENTS (kind_names));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), self->kind_row);
  self->pattern_row = new_combo_row (_ ("Entered as"), pattern_names, G_N_ELEMENTS (pattern_names));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), self->pattern_row);

  switch (item->pattern)
    {
    case LGR_ITEM_PATTERN_SPREAD:
      add_number (self, FIELD_TOTAL, _ ("Total"), _ ("£"), 1e6, 10000);
      break;
    case LGR_ITEM_PATTERN_RECURRING:
      add_number (self, FIELD_AMOUNT, _ ("Amount at full realisation"), _ ("£ a year"), 1e6, 10000);
      {
        /* xgettext:no-c-format */
        const char *per_year = _ ("% a year");
        add_number (self, FIELD_GROWTH, _ ("Growth"), per_year, 0, 0);
      }
      break;
    case LGR_ITEM_PATTERN_VALUES:
    default:
      for (int t = 0; t < study->years; t++)
        {
          g_autofree char *year = lgr_format_financial_year (study->first_year + t);
          add_number (self, FIELD_YEAR + t, year, _ ("£"), 0, 0);
        }
      break;
    }
  if (item->pattern != LGR_ITEM_PATTERN_VALUES)
    {
      add_number (self, FIELD_START, _ ("Starts"), NULL, 0, 1);
      self->profile_row = lgr_row_add_profile_row (
          ADW_EXPANDER_ROW (self),
          item->pattern == LGR_ITEM_PATTERN_SPREAD ? _ ("Phasing profile")
                                                   : _ ("Realisation profile"),
          _ ("Profile"), G_CALLBACK (on_profile_activate), self, &self->profile_entry);
    }

  lgr_row_add_remove_row (ADW_EXPANDER_ROW (self), _ ("Remove this item"), G_CALLBACK (on_remove),
                          self);

  lgr_item_row_sync (self);
  g_signal_connect (self->kind_row, "notify::selected", G_CALLBACK (on_kind), self);
  g_signal_connect (self->pattern_row, "notify::selected", G_CALLBACK (on_pattern), self);
  g_signal_connect (self->name_row, "apply", G_CALLBACK (on_name_apply), self);
  g_signal_connect (self->name_row, "entry-activated", G_CALLBACK (on_name_apply), self);
  return GTK_WIDGET (self);
}

GtkWidget *
lgr_item_row_get_name_row (LgrItemRow *self)
{
  g_return_val_if_fail (LGR_IS_ITEM_ROW (self), NULL);
  return self->name_row;
}

GtkWidget *
lgr_item_row_get_kind_row (LgrItemRow *self)
{
  g_return_val_if_fail (LGR_IS_ITEM_ROW (self), NULL);
  return self->kind_row;
}

const char *
lgr_item_row_get_error (LgrItemRow *self)
{
  g_return_val_if_fail (LGR_IS_ITEM_ROW (self), NULL);
  return self->error;
}

const char *
lgr_item_row_get_item_id (LgrItemRow *self)
{
  g_return_val_if_fail (LGR_IS_ITEM_ROW (self), NULL);
  return self->item_id;
}
