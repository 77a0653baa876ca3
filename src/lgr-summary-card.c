/* lgr-summary-card.c: a scenario's headline figures. */
#include <adwaita.h>
#include <glib/gi18n.h>

#include "lgr-chart-view.h"
#include "lgr-chart.h"
#include "lgr-figure-label.h"
#include "lgr-format.h"
#include "lgr-results-authority.h"
#include "lgr-summary-card.h"

struct _LgrSummaryCard
{
  GtkBox parent_instance;

  /* Template widgets */
  GtkWidget *name;
  GtkWidget *swatch;
  GtkWidget *net_caption;
  GtkWidget *changed_label;
  GtkWidget *range_label;
  GtkWidget *councils_grid; /* a row per council: its name, its net in an LgrFigureLabel */
  GtkWidget *councils_caption;
  guint n_council_rows;
  char *councils; /* the split as one line (lgr_summary_format_councils()), or NULL */
  GtkWidget *values[LGR_SUMMARY_N_FIELDS];

  char *scenario_id;
  char *description; /* the tooltip (on_query_tooltip) and accessible description */
  GtkCssProvider *swatch_css;
  char *colour; /* "#rrggbb" of the swatch */
};

G_DEFINE_FINAL_TYPE (LgrSummaryCard, lgr_summary_card, GTK_TYPE_BOX)

char *
lgr_summary_format (const LgrScenarioResult *r, const LgrResults *results, LgrSummaryField field)
{
  switch (field)
    {
    case LGR_SUMMARY_PAYBACK:
      if (r->nothing_to_pay_back)
        return g_strdup (_ ("Nothing to pay back"));
      if (!r->has_payback)
        return g_strdup (_ ("Never"));
      return lgr_format_financial_year (results->first_year + r->payback_index);
    case LGR_SUMMARY_PEAK_FUNDING:
      return lgr_format_money (r->peak_funding);
    case LGR_SUMMARY_NET:
      return lgr_format_money (r->total_net);
    case LGR_SUMMARY_NPV:
      return lgr_format_money (r->npv);
    case LGR_SUMMARY_RUN_RATE:
      {
        g_autofree char *money = lgr_format_money (r->run_rate);
        return g_strdup_printf (_ ("%s a year"), money);
      }
    case LGR_SUMMARY_N_FIELDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

char *
lgr_summary_format_councils (const LgrScenarioResult *result, const LgrResults *results)
{
  g_autoptr (LgrAuthoritySplit) split = NULL;
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *last_year = NULL;

  g_return_val_if_fail (result != NULL && results != NULL, NULL);
  if (!lgr_scenario_result_has_councils (result))
    return NULL;

  split = lgr_authority_split_new (results, result);
  for (guint p = 0; p < split->n_parts; p++)
    {
      const LgrAuthorityPart *part = &split->parts[p];
      g_autofree char *money = lgr_format_money (part->total_net);
      g_autofree char *name = NULL;

      /* nothing is shared when no item is: a zero there would only be noise */
      if (part->authority == NULL && part->n_items == 0)
        continue;
      name = part->authority
                 ? lgr_format_truncate (part->authority->name, LGR_FORMAT_MAX_NAME_CHARS)
                 : g_strdup (_ ("shared"));
      if (text->len)
        g_string_append (text, " · ");
      /* Translators: a council's (or the shared items') net on a summary card:
       * "North Warwickshire Council £207.2m" */
      g_string_append_printf (text, _ ("%s %s"), name, money);
    }
  last_year = lgr_format_financial_year (results->first_year + (int)results->n_years - 1);
  /* Translators: the split by council on a summary card, then its year:
   * "North Warwickshire Council £207.2m · shared £1.5m (net by 2034/35)" */
  return g_strdup_printf (_ ("%s (net by %s)"), text->str, last_year);
}

static void
lgr_summary_card_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LGR_TYPE_SUMMARY_CARD);
  G_OBJECT_CLASS (lgr_summary_card_parent_class)->dispose (object);
}

static void
lgr_summary_card_finalize (GObject *object)
{
  LgrSummaryCard *self = LGR_SUMMARY_CARD (object);
  g_free (self->scenario_id);
  g_free (self->description);
  g_free (self->councils);
  g_clear_object (&self->swatch_css);
  g_clear_pointer (&self->colour, g_free);
  G_OBJECT_CLASS (lgr_summary_card_parent_class)->finalize (object);
}

static void
lgr_summary_card_class_init (LgrSummaryCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  /* The value labels in LgrSummaryField order. */
  static const char *const value_ids[]
      = { "payback_value", "peak_funding_value", "net_value", "npv_value", "run_rate_value" };

  G_STATIC_ASSERT (G_N_ELEMENTS (value_ids) == LGR_SUMMARY_N_FIELDS);
  g_type_ensure (LGR_TYPE_FIGURE_LABEL);
  object_class->dispose = lgr_summary_card_dispose;
  object_class->finalize = lgr_summary_card_finalize;
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/lgrexplorer/Explorer/lgr-summary-card.ui");
  gtk_widget_class_bind_template_child (widget_class, LgrSummaryCard, name);
  gtk_widget_class_bind_template_child (widget_class, LgrSummaryCard, swatch);
  gtk_widget_class_bind_template_child (widget_class, LgrSummaryCard, net_caption);
  gtk_widget_class_bind_template_child (widget_class, LgrSummaryCard, changed_label);
  gtk_widget_class_bind_template_child (widget_class, LgrSummaryCard, range_label);
  gtk_widget_class_bind_template_child (widget_class, LgrSummaryCard, councils_grid);
  gtk_widget_class_bind_template_child (widget_class, LgrSummaryCard, councils_caption);
  for (guint f = 0; f < LGR_SUMMARY_N_FIELDS; f++)
    gtk_widget_class_bind_template_child_full (widget_class, value_ids[f], FALSE,
                                               G_STRUCT_OFFSET (LgrSummaryCard, values)
                                                   + f * sizeof (GtkWidget *));
  gtk_widget_class_set_css_name (widget_class, "lgrsummarycard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static gboolean
on_query_tooltip (GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip,
                  LgrSummaryCard *self)
{
  if (self->description == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, self->description);
  return TRUE;
}

static void
lgr_summary_card_init (LgrSummaryCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), self);
  self->swatch_css = gtk_css_provider_new ();
  gtk_style_context_add_provider (gtk_widget_get_style_context (self->swatch),
                                  GTK_STYLE_PROVIDER (self->swatch_css),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/* Sets a label's text only when it differs: an unchanged card costs no relayout. */
static void
set_label_text (GtkWidget *label, const char *text)
{
  if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), text) != 0)
    gtk_label_set_text (GTK_LABEL (label), text);
}

/* One row per part of the split, the shared part only when items are shared. The names and
 * rows change only when the councils do; a figure changes without laying the window out again,
 * as the card's other figures. */
static void
update_councils (LgrSummaryCard *self, const LgrScenarioResult *result, const LgrResults *results,
                 const char *last_year)
{
  g_autofree char *councils = lgr_summary_format_councils (result, results);
  g_autoptr (LgrAuthoritySplit) split = NULL;
  g_autofree char *caption = NULL;
  guint row = 0;

  if (g_strcmp0 (councils, self->councils) != 0)
    {
      g_free (self->councils);
      self->councils = g_steal_pointer (&councils);
    }
  if (!self->councils != !gtk_widget_get_visible (self->councils_grid))
    gtk_widget_set_visible (self->councils_grid, self->councils != NULL);
  if (self->councils == NULL)
    return;

  /* Translators: the caption over a card's split by council: "By council, net by 2034/35" */
  caption = g_strdup_printf (_ ("By council, net by %s"), last_year);
  set_label_text (self->councils_caption, caption);
  split = lgr_authority_split_new (results, result);
  for (guint p = 0; p < split->n_parts; p++)
    {
      const LgrAuthorityPart *part = &split->parts[p];
      g_autofree char *money = NULL;
      g_autofree char *name = NULL;
      GtkWidget *name_label, *value;

      if (part->authority == NULL && part->n_items == 0)
        continue;
      row++;
      if (row > self->n_council_rows)
        {
          name_label = gtk_label_new (NULL);
          gtk_label_set_xalign (GTK_LABEL (name_label), 0);
          gtk_label_set_ellipsize (GTK_LABEL (name_label), PANGO_ELLIPSIZE_END);
          gtk_widget_add_css_class (name_label, "caption");
          value = lgr_figure_label_new (NULL);
          lgr_figure_label_set_xalign (LGR_FIGURE_LABEL (value), 1);
          gtk_widget_set_hexpand (value, TRUE);
          gtk_widget_add_css_class (value, "caption");
          gtk_widget_add_css_class (value, "numeric");
          gtk_grid_attach (GTK_GRID (self->councils_grid), name_label, 0, (int)row, 1, 1);
          gtk_grid_attach (GTK_GRID (self->councils_grid), value, 1, (int)row, 1, 1);
          self->n_council_rows = row;
        }
      name_label = gtk_grid_get_child_at (GTK_GRID (self->councils_grid), 0, (int)row);
      value = gtk_grid_get_child_at (GTK_GRID (self->councils_grid), 1, (int)row);
      name = part->authority
                 ? lgr_format_truncate (part->authority->name, LGR_FORMAT_MAX_NAME_CHARS)
                 : g_strdup (_ ("Shared items"));
      money = lgr_format_money (part->total_net);
      set_label_text (name_label, name);
      lgr_figure_label_set_text (LGR_FIGURE_LABEL (value), money);
    }
  /* fewer parts than before (a council removed, no item shared any more) */
  for (; self->n_council_rows > row; self->n_council_rows--)
    gtk_grid_remove_row (GTK_GRID (self->councils_grid), (int)self->n_council_rows);
}

GtkWidget *
lgr_summary_card_new (void)
{
  return g_object_new (LGR_TYPE_SUMMARY_CARD, NULL);
}

void
lgr_summary_card_update (LgrSummaryCard *self, const LgrScenarioResult *result,
                         const LgrResults *results)
{
  const LgrScenario *scenario = result->scenario;
  g_autofree char *describe = lgr_scenario_result_describe (result, results);
  g_autofree char *net_caption = NULL;
  g_autofree char *last_year = NULL;

  g_return_if_fail (LGR_IS_SUMMARY_CARD (self));

  if (g_strcmp0 (self->scenario_id, scenario->id) != 0)
    {
      g_free (self->scenario_id);
      self->scenario_id = g_strdup (scenario->id);
    }
  if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (self->name)), scenario->name) != 0)
    {
      gtk_label_set_text (GTK_LABEL (self->name), scenario->name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      scenario->name, -1);
    }
  {
    /* The colour the chart gives it, chosen or from the palette. */
    g_autofree char *colour
        = lgr_chart_view_scenario_colour (results, (guint)(result - results->scenarios));
    g_autofree char *css = NULL;

    if (g_strcmp0 (colour, self->colour) != 0)
      {
        css = g_strdup_printf (".lgr-swatch { background-color: %s; }", colour);
        gtk_css_provider_load_from_data (self->swatch_css, css, -1);
        g_free (self->colour);
        self->colour = g_steal_pointer (&colour);
      }
  }

  last_year = lgr_format_financial_year (results->first_year + (int)results->n_years - 1);
  net_caption = g_strdup_printf (_ ("Net by %s"), last_year);
  set_label_text (self->net_caption, net_caption);

  for (int f = 0; f < LGR_SUMMARY_N_FIELDS; f++)
    {
      g_autofree char *text = lgr_summary_format (result, results, f);
      lgr_figure_label_set_text (LGR_FIGURE_LABEL (self->values[f]), text);
    }
  update_councils (self, result, results, last_year);
  if (g_strcmp0 (describe, self->description) != 0)
    {
      /* The tooltip is asked for when shown (on_query_tooltip): setting it here would ask the
       * display server where the pointer is on every change. */
      gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      describe, -1);
      g_free (self->description);
      self->description = g_steal_pointer (&describe);
    }
}

const char *
lgr_summary_card_get_scenario_id (LgrSummaryCard *self)
{
  g_return_val_if_fail (LGR_IS_SUMMARY_CARD (self), NULL);
  return self->scenario_id;
}

const char *
lgr_summary_card_get_value (LgrSummaryCard *self, LgrSummaryField field)
{
  g_return_val_if_fail (LGR_IS_SUMMARY_CARD (self), NULL);
  g_return_val_if_fail (field < LGR_SUMMARY_N_FIELDS, NULL);
  return lgr_figure_label_get_text (LGR_FIGURE_LABEL (self->values[field]));
}

const char *
lgr_summary_card_get_description (LgrSummaryCard *self)
{
  g_return_val_if_fail (LGR_IS_SUMMARY_CARD (self), NULL);
  return self->description;
}

const char *
lgr_summary_card_get_colour (LgrSummaryCard *self)
{
  g_return_val_if_fail (LGR_IS_SUMMARY_CARD (self), NULL);
  return self->colour;
}

void
lgr_summary_card_set_changed (LgrSummaryCard *self, gboolean changed)
{
  g_return_if_fail (LGR_IS_SUMMARY_CARD (self));
  if (!changed == !gtk_widget_get_visible (self->changed_label))
    return;
  gtk_widget_set_visible (self->changed_label, changed);
  if (changed)
    gtk_widget_add_css_class (GTK_WIDGET (self), "lgr-changed");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "lgr-changed");
}

gboolean
lgr_summary_card_get_changed (LgrSummaryCard *self)
{
  g_return_val_if_fail (LGR_IS_SUMMARY_CARD (self), FALSE);
  return gtk_widget_get_visible (self->changed_label);
}

const char *
lgr_summary_card_get_councils (LgrSummaryCard *self)
{
  g_return_val_if_fail (LGR_IS_SUMMARY_CARD (self), NULL);
  return self->councils;
}

void
lgr_summary_card_set_range (LgrSummaryCard *self, const char *range)
{
  g_return_if_fail (LGR_IS_SUMMARY_CARD (self));

  if (range)
    set_label_text (self->range_label, range);
  if (!range != !gtk_widget_get_visible (self->range_label))
    gtk_widget_set_visible (self->range_label, range != NULL);
}

const char *
lgr_summary_card_get_range (LgrSummaryCard *self)
{
  g_return_val_if_fail (LGR_IS_SUMMARY_CARD (self), NULL);
  return gtk_widget_get_visible (self->range_label)
             ? gtk_label_get_text (GTK_LABEL (self->range_label))
             : NULL;
}

char *
lgr_summary_format_range (double p10, double p90)
{
  g_autofree char *low = lgr_format_money (p10);
  g_autofree char *high = lgr_format_money (p90);
  /* Translators: net by the horizon from the Monte Carlo's 10th to 90th percentile:
   * "Net £210m to £390m, 8 in 10 draws" */
  return g_strdup_printf (_ ("Net %s to %s, 8 in 10 draws"), low, high);
}
