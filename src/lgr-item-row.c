/* lgr-item-row.c: one item, editable (ui/lgr-item-row.ui).
 *
 * Like the lever row, the row listens to the document itself, keeps a copy of the item it shows
 * and touches only the widgets whose value or text differs. Its rows depend on how the item is
 * entered and on the timeline: when these change, the sidebar replaces the row. */
#include <glib/gi18n.h>

#include "lgr-format.h"
#include "lgr-item-council-row.h"
#include "lgr-item-row.h"
#include "lgr-number-row.h"
#include "lgr-range-editor.h"
#include "lgr-row-helpers.h"
#include "lgr-rules.h"
#include "lgr-source-editor.h"

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
  char *structure; /* lgr_item_row_structure_key () of the item the rows were made for */

  /* Template children */
  GtkWidget *enabled;
  GtkWidget *name_row;
  GtkWidget *kind_row;
  GtkWidget *pattern_row;
  GtkWidget *total_row;
  GtkWidget *amount_row;
  GtkWidget *growth_row;
  GtkWidget *start_row;
  GtkWidget *profile_row;
  GtkWidget *profile_entry;
  GtkWidget *remove_row;
  GtkWidget *source_editor;

  GPtrArray *number_rows; /* of LgrNumberRow*, each with "lgr-field" */
  LgrItem *shown;         /* the item as shown */
  int shown_vesting_year;
  char *error;
};

G_DEFINE_FINAL_TYPE (LgrItemRow, lgr_item_row, ADW_TYPE_EXPANDER_ROW)

static void show_stale_source (LgrItemRow *self, const LgrItem *item);

static const char *const kind_names[]
    = { N_ ("One-off cost"), N_ ("Recurring cost"), N_ ("Saving"), N_ ("Cost avoidance") };

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

/* Every field of an item that the row shows (all but its id and line). */
static gboolean
item_shown_equal (const LgrItem *a, const LgrItem *b)
{
  guint na = a->values ? a->values->len : 0, nb = b->values ? b->values->len : 0;

  if (g_strcmp0 (a->name, b->name) != 0 || a->kind != b->kind || a->enabled != b->enabled
      || a->pattern != b->pattern || a->has_start != b->has_start || a->start != b->start
      || !lgr_profile_equal (&a->profile, &b->profile) || a->total != b->total
      || a->amount != b->amount || a->growth != b->growth || g_strcmp0 (a->source, b->source) != 0
      || a->has_source_value != b->has_source_value || na != nb)
    return FALSE;
  for (guint i = 0; i < na; i++)
    {
      const LgrYearValue *x = &g_array_index (a->values, LgrYearValue, i);
      const LgrYearValue *y = &g_array_index (b->values, LgrYearValue, i);
      if (x->year != y->year || x->value != y->value)
        return FALSE;
    }
  return TRUE;
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
      lgr_row_set_expander_subtitle (ADW_EXPANDER_ROW (self), error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self), "lgr-refused");
      if (row != NULL)
        {
          gtk_widget_add_css_class (row, "error");
          lgr_row_set_tooltip (row, error->message);
        }
    }
  return FALSE;
}

static double
year_value (const LgrItem *item, int year)
{
  for (guint v = 0; item->values && v < item->values->len; v++)
    if (g_array_index (item->values, LgrYearValue, v).year == year)
      return g_array_index (item->values, LgrYearValue, v).value;
  return 0;
}

static double
field_value (const LgrItem *item, const LgrStudy *study, int field)
{
  switch (field)
    {
    case FIELD_TOTAL:
      return item->total;
    case FIELD_AMOUNT:
      return item->amount;
    case FIELD_START:
      return lgr_item_start_year (item, study);
    case FIELD_GROWTH:
      return item->growth;
    default:
      return year_value (item, study->first_year + field - FIELD_YEAR);
    }
}

static void
on_number_changed (LgrNumberRow *row, double value, gboolean dragging, LgrItemRow *self)
{
  int field = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "lgr-field"));
  const LgrItem *current = current_item (self);
  const LgrStudy *study = lgr_document_get_study (self->document);
  g_autoptr (LgrItem) item = NULL;
  g_autofree char *merge_key = NULL;

  if (current == NULL || value == field_value (current, study, field))
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
on_enabled (GtkSwitch *widget, GParamSpec *pspec, LgrItemRow *self)
{
  const LgrItem *current = current_item (self);
  g_autoptr (LgrItem) item = NULL;

  if (current == NULL || gtk_switch_get_active (widget) == current->enabled)
    return;
  item = lgr_item_copy (current);
  item->enabled = gtk_switch_get_active (widget);
  apply_item (self, item, NULL, NULL);
}

static void on_kind (GObject *object, GParamSpec *pspec, LgrItemRow *self);
static void on_pattern (GObject *object, GParamSpec *pspec, LgrItemRow *self);

/* The kind and pattern choices show the item's (without taking it for an edit). */
static void
show_choices (LgrItemRow *self, const LgrItem *item)
{
  g_signal_handlers_block_by_func (self->kind_row, on_kind, self);
  g_signal_handlers_block_by_func (self->pattern_row, on_pattern, self);
  if (adw_combo_row_get_selected (ADW_COMBO_ROW (self->kind_row)) != (guint)item->kind)
    adw_combo_row_set_selected (ADW_COMBO_ROW (self->kind_row), item->kind);
  if (adw_combo_row_get_selected (ADW_COMBO_ROW (self->pattern_row)) != (guint)item->pattern)
    adw_combo_row_set_selected (ADW_COMBO_ROW (self->pattern_row), item->pattern);
  g_signal_handlers_unblock_by_func (self->pattern_row, on_pattern, self);
  g_signal_handlers_unblock_by_func (self->kind_row, on_kind, self);
}

/* Shows a refusal on row and in the subtitle; the editors show the item's values again. */
static void
show_refusal (LgrItemRow *self, GtkWidget *row, const char *message)
{
  const LgrItem *item = current_item (self);

  if (item)
    {
      show_choices (self, item);
      lgr_row_set_editable_text (self->name_row, item->name);
    }
  g_free (self->error);
  self->error = g_strdup (message);
  lgr_row_set_expander_subtitle (ADW_EXPANDER_ROW (self), message);
  gtk_widget_add_css_class (GTK_WIDGET (self), "lgr-refused");
  gtk_widget_add_css_class (row, "error");
  lgr_row_set_tooltip (row, message);
}

/* A spread item given another kind becomes values per year (see lgr_document_set_item_kind);
 * the sidebar then replaces this row, from the main loop. */
static void
on_kind (GObject *object, GParamSpec *pspec, LgrItemRow *self)
{
  const LgrItem *current = current_item (self);
  g_autoptr (GError) error = NULL;
  guint kind = adw_combo_row_get_selected (ADW_COMBO_ROW (self->kind_row));

  if (current == NULL || kind == GTK_INVALID_LIST_POSITION || kind == (guint)current->kind)
    return;
  if (!lgr_document_set_item_kind (self->document, self->scenario_id, self->item_id, kind, &error))
    show_refusal (self, self->kind_row, error->message);
}

static void
on_name_apply (AdwEntryRow *row, LgrItemRow *self)
{
  const LgrItem *current = current_item (self);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr (LgrItem) item = NULL;
  g_autoptr (GError) error = NULL;

  if (current == NULL || g_strcmp0 (name, current->name) == 0)
    return;
  item = lgr_item_copy (current);
  g_free (item->name);
  item->name = g_steal_pointer (&name);
  if (!lgr_document_set_item (self->document, self->scenario_id, item, NULL, &error))
    show_refusal (self, self->name_row, error->message);
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

  pattern = adw_combo_row_get_selected (ADW_COMBO_ROW (self->pattern_row));
  if (current == NULL || result == NULL || pattern == GTK_INVALID_LIST_POSITION
      || pattern == current->pattern)
    return;
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
    show_choices (self, current);
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

static void
add_number (LgrItemRow *self, GtkWidget *row, int field)
{
  g_object_set_data (G_OBJECT (row), "lgr-field", GINT_TO_POINTER (field));
  g_ptr_array_add (self->number_rows, row);
}

/* Shows the item as the document has it now, touching only what differs. */
static void
update (LgrItemRow *self)
{
  const LgrItem *item = current_item (self);
  const LgrStudy *study = lgr_document_get_study (self->document);
  g_autofree char *summary = NULL;
  g_autofree char *money = NULL;
  g_autofree char *structure = NULL;

  if (item == NULL)
    return; /* removed: the sidebar drops this row */
  if (self->shown && item_shown_equal (self->shown, item)
      && self->shown_vesting_year == study->vesting_year)
    return;
  structure = lgr_item_row_structure_key (item, study);
  if (g_strcmp0 (structure, self->structure) != 0)
    return; /* other rows are needed: the sidebar replaces this row */
  g_clear_pointer (&self->shown, lgr_item_free);
  self->shown = lgr_item_copy (item);
  self->shown_vesting_year = study->vesting_year;

  lgr_row_set_title (ADW_PREFERENCES_ROW (self), item->name);
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
  /* The item changed: a refusal shown before no longer applies. */
  g_clear_pointer (&self->error, g_free);
  lgr_row_set_expander_subtitle (ADW_EXPANDER_ROW (self), summary);
  gtk_widget_remove_css_class (GTK_WIDGET (self), "lgr-refused");
  lgr_row_clear_error (self->kind_row);
  lgr_row_clear_error (self->pattern_row);
  lgr_row_clear_error (self->name_row);
  if (gtk_switch_get_active (GTK_SWITCH (self->enabled)) != item->enabled)
    gtk_switch_set_active (GTK_SWITCH (self->enabled), item->enabled);
  show_choices (self, item);
  lgr_row_set_editable_text (self->name_row, item->name);

  for (guint i = 0; i < self->number_rows->len; i++)
    {
      LgrNumberRow *row = g_ptr_array_index (self->number_rows, i);
      int field = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "lgr-field"));
      double value = field_value (item, study, field);

      switch (field)
        {
        case FIELD_TOTAL:
          lgr_number_row_set_slider_range (row, 0, MAX (1e6, item->total * 2), 10000);
          break;
        case FIELD_AMOUNT:
          lgr_number_row_set_slider_range (row, 0, MAX (1e6, item->amount * 2), 10000);
          break;
        case FIELD_START:
          lgr_row_set_start_year_range (row, study, value);
          break;
        default:
          break;
        }
      lgr_number_row_set_value (row, value);
    }
  if (item->pattern != LGR_ITEM_PATTERN_VALUES)
    {
      g_autofree char *profile = lgr_profile_to_string (&item->profile);
      /* xgettext:no-c-format */
      const char *spread_hint = _ ("% of the total in each year; sums to 100");
      /* xgettext:no-c-format */
      const char *realisation_hint = _ ("% of the full amount in each year from the start");
      lgr_row_set_editable_text (self->profile_entry, profile);
      lgr_row_clear_error (self->profile_entry);
      lgr_row_set_action_subtitle (ADW_ACTION_ROW (self->profile_row),
                                   item->pattern == LGR_ITEM_PATTERN_SPREAD ? spread_hint
                                                                            : realisation_hint);
    }
  lgr_source_editor_set_text (LGR_SOURCE_EDITOR (self->source_editor), item->source);
  show_stale_source (self, item);
}

static void
on_document_changed (LgrDocument *document, LgrItemRow *self)
{
  update (self);
}

void
lgr_item_row_sync (LgrItemRow *self)
{
  g_return_if_fail (LGR_IS_ITEM_ROW (self));
  update (self);
}

static void
lgr_item_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LGR_TYPE_ITEM_ROW);
  G_OBJECT_CLASS (lgr_item_row_parent_class)->dispose (object);
}

static void
lgr_item_row_finalize (GObject *object)
{
  LgrItemRow *self = LGR_ITEM_ROW (object);
  g_clear_object (&self->document);
  g_free (self->scenario_id);
  g_free (self->item_id);
  g_free (self->structure);
  g_ptr_array_unref (self->number_rows);
  g_clear_pointer (&self->shown, lgr_item_free);
  g_free (self->error);
  G_OBJECT_CLASS (lgr_item_row_parent_class)->finalize (object);
}

/* "Changed since the source", as for a lever (lgr-lever-row.c). */
static void
show_stale_source (LgrItemRow *self, const LgrItem *item)
{
  g_autofree char *warning = NULL;

  if (item->source && item->has_source_value && item->pattern != LGR_ITEM_PATTERN_VALUES)
    {
      gboolean spread = item->pattern == LGR_ITEM_PATTERN_SPREAD;
      g_autofree char *then = lgr_format_money_exact (item->source_value);
      g_autofree char *now = lgr_format_money_exact (spread ? item->total : item->amount);
      warning = g_strdup_printf (spread ? _ ("Total changed since this source: %s → %s")
                                        : _ ("Amount changed since this source: %s → %s"),
                                 then, now);
    }
  lgr_source_editor_set_stale (LGR_SOURCE_EDITOR (self->source_editor), warning);
}

/* The note still holds: the mark goes, as one edit. */
static void
on_source_confirmed (LgrSourceEditor *editor, LgrItemRow *self)
{
  const LgrItem *current = current_item (self);
  g_autoptr (LgrItem) item = NULL;

  if (!current || !current->has_source_value)
    return;
  item = lgr_item_copy (current);
  item->has_source_value = FALSE;
  apply_item (self, item, NULL, NULL);
}

/* The note as typed, one edit (NULL: the note removed). */
static void
on_source_committed (LgrSourceEditor *editor, const char *text, LgrItemRow *self)
{
  const LgrItem *current = current_item (self);
  g_autoptr (LgrItem) item = NULL;

  if (!current || g_strcmp0 (current->source, text) == 0)
    return;
  item = lgr_item_copy (current);
  g_free (item->source);
  item->source = g_strdup (text);
  if (!apply_item (self, item, NULL, NULL))
    lgr_source_editor_set_error (editor, self->error); /* the text stays as typed */
}

static void
lgr_item_row_class_init (LgrItemRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lgr_item_row_dispose;
  object_class->finalize = lgr_item_row_finalize;

  g_type_ensure (LGR_TYPE_NUMBER_ROW);
  g_type_ensure (LGR_TYPE_SOURCE_EDITOR);
  g_type_ensure (LGR_TYPE_RANGE_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/lgrexplorer/Explorer/lgr-item-row.ui");
  gtk_widget_class_bind_template_child (widget_class, LgrItemRow, enabled);
  gtk_widget_class_bind_template_child (widget_class, LgrItemRow, name_row);
  gtk_widget_class_bind_template_child (widget_class, LgrItemRow, kind_row);
  gtk_widget_class_bind_template_child (widget_class, LgrItemRow, pattern_row);
  gtk_widget_class_bind_template_child (widget_class, LgrItemRow, total_row);
  gtk_widget_class_bind_template_child (widget_class, LgrItemRow, amount_row);
  gtk_widget_class_bind_template_child (widget_class, LgrItemRow, growth_row);
  gtk_widget_class_bind_template_child (widget_class, LgrItemRow, start_row);
  gtk_widget_class_bind_template_child (widget_class, LgrItemRow, profile_row);
  gtk_widget_class_bind_template_child (widget_class, LgrItemRow, profile_entry);
  gtk_widget_class_bind_template_child (widget_class, LgrItemRow, remove_row);
  gtk_widget_class_bind_template_child (widget_class, LgrItemRow, source_editor);
  gtk_widget_class_bind_template_callback (widget_class, on_enabled);
  gtk_widget_class_bind_template_callback (widget_class, on_name_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_kind);
  gtk_widget_class_bind_template_callback (widget_class, on_pattern);
  gtk_widget_class_bind_template_callback (widget_class, on_number_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_edit_finished);
  gtk_widget_class_bind_template_callback (widget_class, on_profile_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_remove);
  gtk_widget_class_bind_template_callback (widget_class, on_source_committed);
  gtk_widget_class_bind_template_callback (widget_class, on_source_confirmed);
}

static void
lgr_item_row_init (LgrItemRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->number_rows = g_ptr_array_new ();
  lgr_row_hide_folded_rows (ADW_EXPANDER_ROW (self), self->name_row);
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
  self->structure = lgr_item_row_structure_key (item, study);

  /* The rows of the item's pattern; the others stay hidden. */
  gtk_widget_set_visible (self->total_row, item->pattern == LGR_ITEM_PATTERN_SPREAD);
  gtk_widget_set_visible (self->amount_row, item->pattern == LGR_ITEM_PATTERN_RECURRING);
  gtk_widget_set_visible (self->growth_row, item->pattern == LGR_ITEM_PATTERN_RECURRING);
  gtk_widget_set_visible (self->start_row, item->pattern != LGR_ITEM_PATTERN_VALUES);
  gtk_widget_set_visible (self->profile_row, item->pattern != LGR_ITEM_PATTERN_VALUES);
  switch (item->pattern)
    {
    case LGR_ITEM_PATTERN_SPREAD:
      add_number (self, self->total_row, FIELD_TOTAL);
      break;
    case LGR_ITEM_PATTERN_RECURRING:
      add_number (self, self->amount_row, FIELD_AMOUNT);
      add_number (self, self->growth_row, FIELD_GROWTH);
      break;
    case LGR_ITEM_PATTERN_VALUES:
    default:
      {
        /* The values per year go before the remove row, which is taken out and put back. */
        g_object_ref (self->remove_row);
        adw_expander_row_remove (ADW_EXPANDER_ROW (self), self->remove_row);
        for (int t = 0; t < study->years; t++)
          {
            g_autofree char *year = lgr_format_financial_year (study->first_year + t);
            GtkWidget *row = lgr_number_row_new (year, _ ("£"), 0, 0, 0);
            g_signal_connect_object (row, "value-changed", G_CALLBACK (on_number_changed), self, 0);
            g_signal_connect_object (row, "edit-finished", G_CALLBACK (on_edit_finished), self, 0);
            adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
            add_number (self, row, FIELD_YEAR + t);
          }
        adw_expander_row_add_row (ADW_EXPANDER_ROW (self), self->remove_row);
        g_object_unref (self->remove_row);
        break;
      }
    }
  if (item->pattern != LGR_ITEM_PATTERN_VALUES)
    {
      add_number (self, self->start_row, FIELD_START);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->profile_row),
                                     item->pattern == LGR_ITEM_PATTERN_SPREAD
                                         ? _ ("Phasing profile")
                                         : _ ("Realisation profile"));
    }
  lgr_range_editors_bind (GTK_WIDGET (self), document, scenario_id, item_id, TRUE);
  /* whose item it is, in an option with several councils: before the remove row */
  g_object_ref (self->remove_row);
  adw_expander_row_remove (ADW_EXPANDER_ROW (self), self->remove_row);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self),
                            lgr_item_council_row_new (document, scenario_id, item_id));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), self->remove_row);
  g_object_unref (self->remove_row);
  update (self);
  g_signal_connect_object (document, "changed", G_CALLBACK (on_document_changed), self, 0);
  return GTK_WIDGET (self);
}

gboolean
lgr_item_row_has_structure (LgrItemRow *self, const LgrItem *item, const LgrStudy *study)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (LGR_IS_ITEM_ROW (self), FALSE);
  key = lgr_item_row_structure_key (item, study);
  return g_strcmp0 (key, self->structure) == 0;
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

GtkWidget *
lgr_item_row_get_source_editor (LgrItemRow *self)
{
  g_return_val_if_fail (LGR_IS_ITEM_ROW (self), NULL);
  return self->source_editor;
}
