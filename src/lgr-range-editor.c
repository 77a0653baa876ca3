/* lgr-range-editor.c: the low and high of one input (ui/lgr-range-editor.ui).
 *
 * Without a range both bounds show the number itself, so typing one bound gives a range from it
 * to the number; the document refuses a bound on the wrong side with the loader's message, which
 * stays on the bound's row while the document keeps the last valid range.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-range-editor.h"

#include <glib/gi18n.h>

#include "lgr-format.h"
#include "lgr-lever-row.h"
#include "lgr-row-helpers.h"

struct _LgrRangeEditor
{
  AdwExpanderRow parent_instance;

  LgrDocument *document;
  char *scenario_id;
  char *entry_id;
  LgrRanged quantity;

  /* Template children */
  GtkWidget *low_row;
  GtkWidget *high_row;
  GtkWidget *linked_row;
  GtkWidget *linked_switch;
  GtkWidget *clear_row;
  GtkWidget *clear_button;

  /* What is shown (update ()) */
  gboolean has_shown;
  LgrRangeInfo shown; /* its driver in shown_driver */
  char *shown_driver;
  int shown_measure;
  gboolean shown_expanded;
};

G_DEFINE_FINAL_TYPE (LgrRangeEditor, lgr_range_editor, ADW_TYPE_EXPANDER_ROW)

G_DEFINE_ENUM_TYPE (LgrRanged, lgr_ranged,
                    G_DEFINE_ENUM_VALUE (LGR_RANGED_COHORT_TARGET, "cohort-target"),
                    G_DEFINE_ENUM_VALUE (LGR_RANGED_UNIT_COST_TARGET, "unit-cost-target"),
                    G_DEFINE_ENUM_VALUE (LGR_RANGED_GROWTH_COHORT, "growth-cohort"),
                    G_DEFINE_ENUM_VALUE (LGR_RANGED_GROWTH_UNIT_COST, "growth-unit-cost"),
                    G_DEFINE_ENUM_VALUE (LGR_RANGED_REALISATION_START, "realisation-start"),
                    G_DEFINE_ENUM_VALUE (LGR_RANGED_ITEM_VALUE, "item-value"))

enum
{
  PROP_0,
  PROP_QUANTITY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const LgrLever *
find_lever (LgrRangeEditor *self)
{
  const LgrScenario *scenario
      = lgr_study_find_scenario (lgr_document_get_study (self->document), self->scenario_id);
  return scenario ? lgr_scenario_find_lever (scenario, self->entry_id) : NULL;
}

static gboolean
is_spread (LgrRangeEditor *self)
{
  const LgrScenario *scenario
      = lgr_study_find_scenario (lgr_document_get_study (self->document), self->scenario_id);
  const LgrItem *item = scenario ? lgr_scenario_find_item (scenario, self->entry_id) : NULL;
  return item && item->pattern == LGR_ITEM_PATTERN_SPREAD;
}

/* The unit beside each bound, as on the input's own row. */
static const char *
field_unit (LgrRangeEditor *self, const LgrLever *lever)
{
  switch (self->quantity)
    {
    case LGR_RANGED_COHORT_TARGET:
      return lever ? lgr_lever_cohort_unit (lever) : NULL;
    case LGR_RANGED_UNIT_COST_TARGET:
      return lever ? lgr_lever_cost_unit (lever) : NULL;
    case LGR_RANGED_GROWTH_COHORT:
    case LGR_RANGED_GROWTH_UNIT_COST:
      /* xgettext:no-c-format */
      return _ ("% a year");
    case LGR_RANGED_ITEM_VALUE:
      return is_spread (self) ? _ ("£") : _ ("£ a year");
    case LGR_RANGED_REALISATION_START:
    case LGR_N_RANGED:
    default:
      return NULL;
    }
}

/* One bound for people: "55", "£1,570", "2.5%", "2027/28". */
static char *
format_bound (LgrRangeEditor *self, double value)
{
  switch (self->quantity)
    {
    case LGR_RANGED_UNIT_COST_TARGET:
    case LGR_RANGED_ITEM_VALUE:
      return lgr_format_money_exact (value);
    case LGR_RANGED_GROWTH_COHORT:
    case LGR_RANGED_GROWTH_UNIT_COST:
      {
        g_autofree char *number = lgr_format_decimal (value, 2);
        return g_strdup_printf ("%s%%", number);
      }
    case LGR_RANGED_REALISATION_START:
      return lgr_format_financial_year ((int)value);
    case LGR_RANGED_COHORT_TARGET:
    case LGR_N_RANGED:
    default:
      return lgr_format_decimal (value, 2);
    }
}

/* What follows the two bounds in the folded row: " per 10,000 children", " a week". */
static const char *
summary_unit (LgrRangeEditor *self, const LgrLever *lever)
{
  switch (self->quantity)
    {
    case LGR_RANGED_COHORT_TARGET:
      return lever ? lgr_lever_cohort_unit (lever) : "";
    case LGR_RANGED_UNIT_COST_TARGET:
      return lever && lever->unit_period == LGR_UNIT_PERIOD_WEEK ? _ ("a week") : _ ("a year");
    case LGR_RANGED_GROWTH_COHORT:
    case LGR_RANGED_GROWTH_UNIT_COST:
      return _ ("a year");
    case LGR_RANGED_ITEM_VALUE:
      return is_spread (self) ? "" : _ ("a year");
    case LGR_RANGED_REALISATION_START:
    case LGR_N_RANGED:
    default:
      return "";
    }
}

static const char *
title_of (LgrRangeEditor *self)
{
  switch (self->quantity)
    {
    case LGR_RANGED_COHORT_TARGET:
      return _ ("Range of the target");
    case LGR_RANGED_UNIT_COST_TARGET:
      return _ ("Range of the unit cost target");
    case LGR_RANGED_GROWTH_COHORT:
      return _ ("Range of cohort growth");
    case LGR_RANGED_GROWTH_UNIT_COST:
      return _ ("Range of unit cost growth");
    case LGR_RANGED_REALISATION_START:
      return _ ("Range of the start year");
    case LGR_RANGED_ITEM_VALUE:
      return is_spread (self) ? _ ("Range of the total") : _ ("Range of the amount");
    case LGR_N_RANGED:
    default:
      return _ ("Range");
    }
}

static char *
summary (LgrRangeEditor *self, const LgrRangeInfo *info, const LgrLever *lever)
{
  const char *unit = summary_unit (self, lever);
  g_autofree char *low = NULL, *high = NULL, *range = NULL;

  if (!info->has_range && info->default_range > 0)
    {
      g_autofree char *percent = lgr_format_decimal (info->default_range, 2);
      /* Translators: "None of its own: ±10% (the study's default range)" */
      return g_strdup_printf (_ ("None of its own: ±%s%% (the study’s default range)"), percent);
    }
  if (!info->has_range)
    return g_strdup (_ ("None: the number is taken as certain"));
  low = format_bound (self, info->low);
  high = format_bound (self, info->high);
  /* Translators: "52 – 64 per 10,000 children", "£1,570 – £1,750 a week" */
  range = *unit ? g_strdup_printf (_ ("%s – %s %s"), low, high, unit)
                : g_strdup_printf (_ ("%s – %s"), low, high);
  if (info->driver != NULL && info->linked)
    /* Translators: "52 – 64 per 10,000 children, linked across scenarios" */
    return g_strdup_printf (_ ("%s, linked across scenarios"), range);
  return g_steal_pointer (&range);
}

static void on_linked (GtkSwitch *widget, GParamSpec *pspec, LgrRangeEditor *self);

/* The link row: who the input moves with, or could. Only worked out while the editor is open,
 * as it looks through every scenario. */
static void
show_link (LgrRangeEditor *self, const LgrRangeInfo *info)
{
  const LgrStudy *study = lgr_document_get_study (self->document);
  gboolean linked = info->has_range && info->driver != NULL;
  g_autofree char *names = NULL;
  g_autofree char *text = NULL;

  g_signal_handlers_block_by_func (self->linked_switch, on_linked, self);
  if (gtk_switch_get_active (GTK_SWITCH (self->linked_switch)) != linked)
    gtk_switch_set_active (GTK_SWITCH (self->linked_switch), linked);
  g_signal_handlers_unblock_by_func (self->linked_switch, on_linked, self);
  if (!adw_expander_row_get_expanded (ADW_EXPANDER_ROW (self)))
    return;

  if (info->has_range)
    names = lgr_range_describe_links (study, self->scenario_id, self->entry_id, self->quantity,
                                      linked);
  if (linked && names)
    text = g_strdup_printf (_ ("Moves as one with:\n%s"), names);
  else if (linked)
    text = g_strdup (_ ("Linked, but nothing else has a range on this link yet"));
  else if (!info->has_range)
    text = g_strdup (_ ("Give it a low and a high first"));
  else if (names)
    text = g_strdup_printf (_ ("Would move as one with:\n%s"), names);
  else
    text = g_strdup (_ ("No input of the same name in a scenario has a range to link with"));
  lgr_row_set_action_subtitle (ADW_ACTION_ROW (self->linked_row), text);
  if (gtk_widget_get_sensitive (self->linked_switch) != (linked || names != NULL))
    gtk_widget_set_sensitive (self->linked_switch, linked || names != NULL);
}

/* Whether the editor shows info already, for a lever or item measured the same way (its
 * units), folded or open as it is. */
static gboolean
shows (LgrRangeEditor *self, const LgrRangeInfo *info, int measure, gboolean expanded)
{
  const LgrRangeInfo *a = &self->shown;
  return self->has_shown && a->applies == info->applies && a->has_range == info->has_range
         && a->low == info->low && a->high == info->high && a->central == info->central
         && g_strcmp0 (self->shown_driver, info->driver) == 0 && a->linked == info->linked
         && a->default_range == info->default_range && self->shown_measure == measure
         && self->shown_expanded == expanded;
}

static void
remember (LgrRangeEditor *self, const LgrRangeInfo *info, int measure, gboolean expanded)
{
  self->has_shown = TRUE;
  self->shown = *info;
  self->shown.driver = NULL;
  g_free (self->shown_driver);
  self->shown_driver = g_strdup (info->driver);
  self->shown_measure = measure;
  self->shown_expanded = expanded;
}

/* Shows the input as the document has it now, touching only what differs; when the change
 * was to something else (most are), nothing. */
static void
update (LgrRangeEditor *self)
{
  const LgrStudy *study = lgr_document_get_study (self->document);
  const LgrLever *lever = self->quantity == LGR_RANGED_ITEM_VALUE ? NULL : find_lever (self);
  gboolean expanded = adw_expander_row_get_expanded (ADW_EXPANDER_ROW (self));
  int measure = lever ? (int)lever->basis * 8 + (int)lever->unit_period : is_spread (self);
  LgrRangeInfo info;
  g_autofree char *text = NULL;

  if (!lgr_range_info_get (study, self->scenario_id, self->entry_id, self->quantity, &info))
    return;
  /* Open, the link row depends on the other scenarios too: worked out again each time. */
  if (!expanded && shows (self, &info, measure, expanded))
    return;
  remember (self, &info, measure, expanded);
  /* An item of values per year has no total or amount: its row is rebuilt if that changes. */
  if (gtk_widget_get_visible (GTK_WIDGET (self)) != info.applies)
    gtk_widget_set_visible (GTK_WIDGET (self), info.applies);
  if (!info.applies)
    return;
  lgr_row_set_title (ADW_PREFERENCES_ROW (self), title_of (self));
  text = summary (self, &info, lever);
  lgr_row_set_expander_subtitle (ADW_EXPANDER_ROW (self), text);
  for (int i = 0; i < 2; i++)
    {
      LgrNumberRow *row = LGR_NUMBER_ROW (i == 0 ? self->low_row : self->high_row);
      double value = !info.has_range ? info.central : i == 0 ? info.low : info.high;
      lgr_number_row_set_unit (row, field_unit (self, lever));
      lgr_number_row_set_value (row, value);
      if (self->quantity == LGR_RANGED_REALISATION_START)
        {
          g_autofree char *year = lgr_format_financial_year ((int)value);
          lgr_number_row_set_info (row, year);
        }
    }
  if (gtk_widget_get_sensitive (self->clear_button) != info.has_range)
    gtk_widget_set_sensitive (self->clear_button, info.has_range);
  show_link (self, &info);
}

static void
on_expanded (GObject *object, GParamSpec *pspec, gpointer data)
{
  LgrRangeEditor *self = LGR_RANGE_EDITOR (object);
  if (self->document != NULL)
    update (self);
}

static void
on_bound_changed (LgrNumberRow *row, double value, gboolean dragging, LgrRangeEditor *self)
{
  g_autoptr (GError) error = NULL;
  LgrRangeInfo info;
  double low, high;

  if (self->document == NULL
      || !lgr_range_info_get (lgr_document_get_study (self->document), self->scenario_id,
                              self->entry_id, self->quantity, &info)
      || !info.applies)
    return;
  low = info.has_range ? info.low : info.central;
  high = info.has_range ? info.high : info.central;
  if (GTK_WIDGET (row) == self->low_row)
    low = value;
  else
    high = value;
  if (!lgr_document_set_range (self->document, self->scenario_id, self->entry_id, self->quantity,
                               low, high, &error))
    lgr_number_row_set_error (row, error->message);
}

static void
on_linked (GtkSwitch *widget, GParamSpec *pspec, LgrRangeEditor *self)
{
  g_autoptr (GError) error = NULL;

  if (self->document == NULL)
    return;
  if (!lgr_document_set_range_linked (self->document, self->scenario_id, self->entry_id,
                                      self->quantity, gtk_switch_get_active (widget), &error))
    {
      update (self);
      lgr_row_set_action_subtitle (ADW_ACTION_ROW (self->linked_row), error->message);
    }
}

static void
on_clear (GtkButton *button, LgrRangeEditor *self)
{
  g_autoptr (GError) error = NULL;

  if (self->document == NULL)
    return;
  if (!lgr_document_clear_range (self->document, self->scenario_id, self->entry_id, self->quantity,
                                 &error))
    lgr_row_set_action_subtitle (ADW_ACTION_ROW (self->clear_row), error->message);
}

static void
on_document_changed (LgrDocument *document, LgrRangeEditor *self)
{
  update (self);
}

static void
lgr_range_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LGR_TYPE_RANGE_EDITOR);
  G_OBJECT_CLASS (lgr_range_editor_parent_class)->dispose (object);
}

static void
lgr_range_editor_finalize (GObject *object)
{
  LgrRangeEditor *self = LGR_RANGE_EDITOR (object);
  g_clear_object (&self->document);
  g_free (self->scenario_id);
  g_free (self->entry_id);
  g_free (self->shown_driver);
  G_OBJECT_CLASS (lgr_range_editor_parent_class)->finalize (object);
}

static void
lgr_range_editor_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_QUANTITY:
      g_value_set_enum (value, LGR_RANGE_EDITOR (object)->quantity);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lgr_range_editor_set_property (GObject *object, guint prop_id, const GValue *value,
                               GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_QUANTITY:
      LGR_RANGE_EDITOR (object)->quantity = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lgr_range_editor_class_init (LgrRangeEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lgr_range_editor_dispose;
  object_class->finalize = lgr_range_editor_finalize;
  object_class->get_property = lgr_range_editor_get_property;
  object_class->set_property = lgr_range_editor_set_property;

  /* Which input of its lever or item the editor edits. */
  properties[PROP_QUANTITY]
      = g_param_spec_enum ("quantity", NULL, NULL, LGR_TYPE_RANGED, LGR_RANGED_COHORT_TARGET,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LGR_TYPE_NUMBER_ROW);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/lgrexplorer/Explorer/lgr-range-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, LgrRangeEditor, low_row);
  gtk_widget_class_bind_template_child (widget_class, LgrRangeEditor, high_row);
  gtk_widget_class_bind_template_child (widget_class, LgrRangeEditor, linked_row);
  gtk_widget_class_bind_template_child (widget_class, LgrRangeEditor, linked_switch);
  gtk_widget_class_bind_template_child (widget_class, LgrRangeEditor, clear_row);
  gtk_widget_class_bind_template_child (widget_class, LgrRangeEditor, clear_button);
  gtk_widget_class_bind_template_callback (widget_class, on_bound_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_linked);
  gtk_widget_class_bind_template_callback (widget_class, on_clear);
}

static void
lgr_range_editor_init (LgrRangeEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "lgr-range-editor");
  g_signal_connect (self, "notify::expanded", G_CALLBACK (on_expanded), NULL);
  lgr_row_hide_folded_rows (ADW_EXPANDER_ROW (self), self->low_row);
}

static void
bind (LgrRangeEditor *self, LgrDocument *document, const char *scenario_id, const char *entry_id)
{
  g_return_if_fail (self->document == NULL);

  self->document = g_object_ref (document);
  self->scenario_id = g_strdup (scenario_id);
  self->entry_id = g_strdup (entry_id);
  update (self);
  g_signal_connect_object (document, "changed", G_CALLBACK (on_document_changed), self, 0);
}

/* An editor with nothing to edit (compact rows, an item of values per year) is taken out of
 * its row rather than hidden, so that no test or walk of the row finds its fields. */
static void
drop (GtkWidget *editor)
{
  GtkWidget *owner
      = gtk_widget_get_ancestor (gtk_widget_get_parent (editor), ADW_TYPE_EXPANDER_ROW);
  if (owner != NULL)
    adw_expander_row_remove (ADW_EXPANDER_ROW (owner), editor);
  else
    gtk_widget_set_visible (editor, FALSE);
}

void
lgr_range_editors_bind (GtkWidget *row, LgrDocument *document, const char *scenario_id,
                        const char *entry_id, gboolean shown)
{
  GtkWidget *next;

  g_return_if_fail (GTK_IS_WIDGET (row));
  g_return_if_fail (LGR_IS_DOCUMENT (document));

  for (GtkWidget *child = gtk_widget_get_first_child (row); child != NULL; child = next)
    {
      LgrRangeInfo info;

      next = gtk_widget_get_next_sibling (child);
      if (!LGR_IS_RANGE_EDITOR (child))
        lgr_range_editors_bind (child, document, scenario_id, entry_id, shown);
      else if (shown
               && lgr_range_info_get (lgr_document_get_study (document), scenario_id, entry_id,
                                      LGR_RANGE_EDITOR (child)->quantity, &info)
               && info.applies)
        bind (LGR_RANGE_EDITOR (child), document, scenario_id, entry_id);
      else
        drop (child);
    }
}

LgrRangeEditor *
lgr_range_editor_find (GtkWidget *row, LgrRanged quantity)
{
  g_return_val_if_fail (GTK_IS_WIDGET (row), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (row); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      LgrRangeEditor *found;
      if (LGR_IS_RANGE_EDITOR (child) && LGR_RANGE_EDITOR (child)->quantity == quantity)
        return LGR_RANGE_EDITOR (child);
      if (!LGR_IS_RANGE_EDITOR (child) && (found = lgr_range_editor_find (child, quantity)))
        return found;
    }
  return NULL;
}

LgrNumberRow *
lgr_range_editor_get_low (LgrRangeEditor *self)
{
  g_return_val_if_fail (LGR_IS_RANGE_EDITOR (self), NULL);
  return LGR_NUMBER_ROW (self->low_row);
}

LgrNumberRow *
lgr_range_editor_get_high (LgrRangeEditor *self)
{
  g_return_val_if_fail (LGR_IS_RANGE_EDITOR (self), NULL);
  return LGR_NUMBER_ROW (self->high_row);
}

GtkSwitch *
lgr_range_editor_get_linked (LgrRangeEditor *self)
{
  g_return_val_if_fail (LGR_IS_RANGE_EDITOR (self), NULL);
  return GTK_SWITCH (self->linked_switch);
}

GtkButton *
lgr_range_editor_get_clear (LgrRangeEditor *self)
{
  g_return_val_if_fail (LGR_IS_RANGE_EDITOR (self), NULL);
  return GTK_BUTTON (self->clear_button);
}

const char *
lgr_range_editor_get_link_text (LgrRangeEditor *self)
{
  g_return_val_if_fail (LGR_IS_RANGE_EDITOR (self), NULL);
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (self->linked_row));
}
