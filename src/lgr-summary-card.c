/* lgr-summary-card.c: a scenario's headline figures. */
#include <adwaita.h>
#include <glib/gi18n.h>

#include "lgr-chart-view.h"
#include "lgr-chart.h"
#include "lgr-format.h"
#include "lgr-summary-card.h"

struct _LgrSummaryCard
{
  GtkBox parent_instance;

  char *scenario_id;
  GtkWidget *name;
  GtkWidget *swatch;
  GtkWidget *captions[LGR_SUMMARY_N_FIELDS];
  GtkWidget *values[LGR_SUMMARY_N_FIELDS];
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

static void
lgr_summary_card_finalize (GObject *object)
{
  LgrSummaryCard *self = LGR_SUMMARY_CARD (object);
  g_free (self->scenario_id);
  g_clear_object (&self->swatch_css);
  g_clear_pointer (&self->colour, g_free);
  G_OBJECT_CLASS (lgr_summary_card_parent_class)->finalize (object);
}

static void
lgr_summary_card_class_init (LgrSummaryCardClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lgr_summary_card_finalize;
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "lgrsummarycard");
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
lgr_summary_card_init (LgrSummaryCard *self)
{
  GtkWidget *header, *grid;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 8);
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
  gtk_widget_add_css_class (GTK_WIDGET (self), "lgr-summary-card");

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  self->swatch = gtk_drawing_area_new ();
  gtk_widget_set_size_request (self->swatch, 14, 14);
  gtk_widget_set_valign (self->swatch, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->swatch, "lgr-swatch");
  self->swatch_css = gtk_css_provider_new ();
  gtk_style_context_add_provider (gtk_widget_get_style_context (self->swatch),
                                  GTK_STYLE_PROVIDER (self->swatch_css),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  self->name = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (self->name, "heading");
  gtk_box_append (GTK_BOX (header), self->swatch);
  gtk_box_append (GTK_BOX (header), self->name);
  gtk_box_append (GTK_BOX (self), header);

  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 2);
  for (int f = 0; f < LGR_SUMMARY_N_FIELDS; f++)
    {
      static const char *const captions[]
          = { N_ ("Pays back in"), N_ ("Peak funding needed"), N_ ("Net over the period"),
              N_ ("Net present value"), N_ ("Run rate") };
      self->captions[f] = gtk_label_new (_ (captions[f]));
      gtk_label_set_xalign (GTK_LABEL (self->captions[f]), 0);
      gtk_widget_add_css_class (self->captions[f], "dim-label");
      gtk_widget_add_css_class (self->captions[f], "caption");
      self->values[f] = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (self->values[f]), 1);
      gtk_label_set_selectable (GTK_LABEL (self->values[f]), FALSE);
      gtk_widget_set_hexpand (self->values[f], TRUE);
      gtk_widget_add_css_class (self->values[f], "numeric");
      gtk_widget_add_css_class (self->values[f], f == 0 ? "title-2" : "lgr-card-value");
      gtk_grid_attach (GTK_GRID (grid), self->captions[f], 0, f, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), self->values[f], 1, f, 1, 1);
    }
  gtk_box_append (GTK_BOX (self), grid);
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
  gtk_label_set_text (GTK_LABEL (self->name), scenario->name);
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
  gtk_label_set_text (GTK_LABEL (self->captions[LGR_SUMMARY_NET]), net_caption);

  for (int f = 0; f < LGR_SUMMARY_N_FIELDS; f++)
    {
      g_autofree char *text = lgr_summary_format (result, results, f);
      gtk_label_set_text (GTK_LABEL (self->values[f]), text);
    }
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), describe);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  scenario->name, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, describe,
                                  -1);
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
  return gtk_label_get_text (GTK_LABEL (self->values[field]));
}

const char *
lgr_summary_card_get_colour (LgrSummaryCard *self)
{
  g_return_val_if_fail (LGR_IS_SUMMARY_CARD (self), NULL);
  return self->colour;
}
