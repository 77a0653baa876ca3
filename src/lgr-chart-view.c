/* lgr-chart-view.c: the chart widget.
 *
 * The chart's data and layout are built once per results, starting point, kind, style, font
 * scale and size (an LgrChartPlot), so a hover (a new highlighted year) or an expose only draws,
 * and the pointer is hit-tested against the layout drawn.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "lgr-chart-view.h"

struct _LgrChartView
{
  GtkWidget parent_instance;

  const LgrResults *results;
  LgrChartKind kind;
  gboolean dark;
  double font_scale;
  int year;
  char *year_text;
  char *description;
  guint n_draws;
  LgrChartPlot *plot;     /* for results, kind, dark, font_scale and its size; NULL when stale */
  LgrChartPlot *previous; /* the plot for the results before, which the next one follows */
  guint n_plots;
  /* The tornado's and the uncertainty chart's figures, run off the main thread by the window and
   * borrowed (NULL: the chart would compute them itself, on this thread). */
  const LgrUncertaintyResults *uncertainty;
  const LgrSensitivity *sensitivity;
  LgrResults *start; /* the starting point: a reference, or NULL */
};

G_DEFINE_FINAL_TYPE (LgrChartView, lgr_chart_view, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_KIND,
  PROP_YEAR,
  PROP_YEAR_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Text big enough to read across a meeting room: 1.2 times the charts' size in a window up to
 * about 1000 pixels wide, growing with the chart's width to 1.5 times on a wide screen. */
double
lgr_chart_view_width_font_scale (double width)
{
  return CLAMP (width / 840.0, 1.2, 1.5);
}

/* The desktop's text size (Large Text, a text scaling factor) as a factor of 96 dots per inch,
 * so the chart's words grow with everyone else's. */
static double
text_scale (LgrChartView *self)
{
  int dpi = 0;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-xft-dpi", &dpi, NULL);
  return dpi > 0 ? CLAMP (dpi / (96.0 * 1024), 0.5, 3.0) : 1.0;
}

static void
fill_options (LgrChartView *self, LgrChartOptions *options)
{
  lgr_chart_options_init (options, self->kind);
  options->style = self->dark ? LGR_CHART_STYLE_DARK : LGR_CHART_STYLE_LIGHT;
  options->highlight_index = self->year;
  options->font_scale
      = self->font_scale * text_scale (self)
        * lgr_chart_view_width_font_scale (gtk_widget_get_width (GTK_WIDGET (self)));
  options->show_title = FALSE;
  options->uncertainty = self->uncertainty;
  options->sensitivity = self->sensitivity;
  options->start = self->start;
}

/* The plot for the current results and options at width x height: the cached one if it was made
 * for that size, else a new one. */
static LgrChartPlot *
ensure_plot (LgrChartView *self, int width, int height)
{
  LgrChartOptions options;

  if (self->plot && lgr_chart_plot_get_width (self->plot) == width
      && lgr_chart_plot_get_height (self->plot) == height)
    return self->plot;
  g_clear_pointer (&self->plot, lgr_chart_plot_unref);
  fill_options (self, &options);
  self->plot
      = lgr_chart_plot_new_following (self->results, &options, width, height, self->previous);
  g_clear_pointer (&self->previous, lgr_chart_plot_unref);
  self->n_plots++;
  return self->plot;
}

/* Kind, style or font scale changed: the next draw builds the chart again. */
static void
drop_plot (LgrChartView *self)
{
  g_clear_pointer (&self->plot, lgr_chart_plot_unref);
  g_clear_pointer (&self->previous, lgr_chart_plot_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* New figures for the same chart (an edit, a step of a drag): the next plot is built again but
 * follows this one, so the labels on leaders stay where they were while there is room (a plot
 * never drawn passes on the places it was given). */
static void
renew_plot (LgrChartView *self)
{
  if (self->plot)
    {
      g_clear_pointer (&self->previous, lgr_chart_plot_unref);
      self->previous = g_steal_pointer (&self->plot);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* What a screen reader reads: the chart's title, and the figures of the year stepped to with
 * the arrow keys (or hovered), else the whole chart's text alternative. */
static void
expose_description (LgrChartView *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  lgr_chart_kind_title (self->kind),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->year_text ? self->year_text : self->description, -1);
}

/* The text alternative follows the results and the kind. */
static void
update_description (LgrChartView *self)
{
  LgrChartPlot *plot;

  g_clear_pointer (&self->description, g_free);
  if (self->results == NULL)
    return;
  /* From the plot the next draw uses (same size), so the chart is not built twice. */
  plot = ensure_plot (self, gtk_widget_get_width (GTK_WIDGET (self)),
                      gtk_widget_get_height (GTK_WIDGET (self)));
  self->description = g_strdup (lgr_chart_plot_get_description (plot));
  expose_description (self);
}

/* The highlighted year's figures, from the plot's data (built once, whatever the size). */
static void
update_year_text (LgrChartView *self)
{
  char *year_text = NULL;

  if (self->results && self->year >= 0 && (guint)self->year < self->results->n_years)
    {
      LgrChartPlot *plot = self->plot;
      if (plot == NULL)
        plot = ensure_plot (self, gtk_widget_get_width (GTK_WIDGET (self)),
                            gtk_widget_get_height (GTK_WIDGET (self)));
      year_text = lgr_chart_plot_describe_year (plot, self->year);
    }
  if (g_strcmp0 (year_text, self->year_text) != 0)
    {
      g_free (self->year_text);
      self->year_text = year_text;
      gtk_widget_set_tooltip_text (GTK_WIDGET (self), year_text);
      expose_description (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR_TEXT]);
    }
  else
    g_free (year_text);
}

static void
lgr_chart_view_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  LgrChartView *self = LGR_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  LgrChartPlot *plot;
  cairo_t *cr;

  if (self->results == NULL || width <= 0 || height <= 0)
    return;
  plot = ensure_plot (self, width, height);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  lgr_chart_plot_draw (plot, cr, self->year);
  cairo_destroy (cr);
  self->n_draws++;
}

static void
on_motion (GtkEventControllerMotion *controller, double x, double y, LgrChartView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->results == NULL || width <= 0 || height <= 0)
    return;
  lgr_chart_view_set_year (self, lgr_chart_plot_year_at (ensure_plot (self, width, height), x, y));
}

static void
on_leave (GtkEventControllerMotion *controller, LgrChartView *self)
{
  if (!gtk_widget_has_focus (GTK_WIDGET (self)))
    lgr_chart_view_set_year (self, -1);
}

static gboolean
on_key (GtkEventControllerKey *controller, guint keyval, guint keycode, GdkModifierType state,
        LgrChartView *self)
{
  int n = self->results ? (int)self->results->n_years : 0;

  if (n == 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      lgr_chart_view_set_year (self, self->year < 0 ? n - 1 : MAX (0, self->year - 1));
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      lgr_chart_view_set_year (self, self->year < 0 ? 0 : MIN (n - 1, self->year + 1));
      return TRUE;
    case GDK_KEY_Home:
      lgr_chart_view_set_year (self, 0);
      return TRUE;
    case GDK_KEY_End:
      lgr_chart_view_set_year (self, n - 1);
      return TRUE;
    case GDK_KEY_Escape:
      if (self->year < 0)
        return FALSE;
      lgr_chart_view_set_year (self, -1);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
on_click (GtkGestureClick *gesture, int n_press, double x, double y, LgrChartView *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
lgr_chart_view_finalize (GObject *object)
{
  LgrChartView *self = LGR_CHART_VIEW (object);
  g_clear_pointer (&self->plot, lgr_chart_plot_unref);
  g_clear_pointer (&self->previous, lgr_chart_plot_unref);
  g_clear_pointer (&self->start, lgr_results_unref);
  g_free (self->year_text);
  g_free (self->description);
  G_OBJECT_CLASS (lgr_chart_view_parent_class)->finalize (object);
}

static void
lgr_chart_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  LgrChartView *self = LGR_CHART_VIEW (object);
  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    case PROP_YEAR_TEXT:
      g_value_set_string (value, self->year_text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lgr_chart_view_class_init (LgrChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = lgr_chart_view_finalize;
  object_class->get_property = lgr_chart_view_get_property;
  widget_class->snapshot = lgr_chart_view_snapshot;

  properties[PROP_KIND] = g_param_spec_int ("kind", NULL, NULL, 0, LGR_N_CHARTS - 1, 0,
                                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_YEAR] = g_param_spec_int ("year", NULL, NULL, -1, G_MAXINT, -1,
                                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_YEAR_TEXT] = g_param_spec_string ("year-text", NULL, NULL, NULL,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "lgrchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
lgr_chart_view_init (LgrChartView *self)
{
  GtkEventController *controller;
  GtkGesture *click;

  self->year = -1;
  self->font_scale = 1.0;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  g_signal_connect_object (gtk_widget_get_settings (GTK_WIDGET (self)), "notify::gtk-xft-dpi",
                           G_CALLBACK (drop_plot), self, G_CONNECT_SWAPPED);
  gtk_widget_set_size_request (GTK_WIDGET (self), 320, 240);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (controller, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "pressed", G_CALLBACK (on_click), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
lgr_chart_view_new (void)
{
  return g_object_new (LGR_TYPE_CHART_VIEW, NULL);
}

void
lgr_chart_view_set_results (LgrChartView *self, const LgrResults *results)
{
  g_return_if_fail (LGR_IS_CHART_VIEW (self));

  /* Always new results, even at the same address: the old ones may have been freed and these
   * allocated in their place. */
  self->results = results;
  if (results && self->year >= (int)results->n_years)
    self->year = -1;
  renew_plot (self);
  update_description (self);
  update_year_text (self);
}

/* Keeps start; whether the chart as drawn changes with it. */
static gboolean
take_start (LgrChartView *self, const LgrResults *start)
{
  if (start == self->start)
    return FALSE;
  g_clear_pointer (&self->start, lgr_results_unref);
  if (start)
    self->start = lgr_results_ref (start);
  return lgr_chart_kind_shows_start (self->kind);
}

void
lgr_chart_view_set_start (LgrChartView *self, const LgrResults *start)
{
  g_return_if_fail (LGR_IS_CHART_VIEW (self));

  if (!take_start (self, start) || self->results == NULL)
    return;
  renew_plot (self);
  update_description (self);
  update_year_text (self);
}

const LgrResults *
lgr_chart_view_get_start (LgrChartView *self)
{
  g_return_val_if_fail (LGR_IS_CHART_VIEW (self), NULL);
  return self->start;
}

void
lgr_chart_view_set_results_with_start (LgrChartView *self, const LgrResults *results,
                                       const LgrResults *start)
{
  g_return_if_fail (LGR_IS_CHART_VIEW (self));

  take_start (self, start);
  lgr_chart_view_set_results (self, results);
}

void
lgr_chart_view_set_uncertainty (LgrChartView *self, const LgrUncertaintyResults *uncertainty,
                                const LgrSensitivity *sensitivity)
{
  g_return_if_fail (LGR_IS_CHART_VIEW (self));

  if (uncertainty == self->uncertainty && sensitivity == self->sensitivity)
    return;
  self->uncertainty = uncertainty;
  self->sensitivity = sensitivity;
  /* only the charts that show them are drawn again */
  if (self->kind == LGR_CHART_TORNADO || self->kind == LGR_CHART_UNCERTAINTY)
    {
      renew_plot (self);
      update_description (self);
      update_year_text (self);
    }
}

const LgrUncertaintyResults *
lgr_chart_view_get_uncertainty (LgrChartView *self)
{
  g_return_val_if_fail (LGR_IS_CHART_VIEW (self), NULL);
  return self->uncertainty;
}

void
lgr_chart_view_set_kind (LgrChartView *self, LgrChartKind kind)
{
  g_return_if_fail (LGR_IS_CHART_VIEW (self));
  g_return_if_fail (kind < LGR_N_CHARTS);

  if (kind == self->kind)
    return;
  self->kind = kind;
  drop_plot (self);
  update_description (self);
  update_year_text (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

LgrChartKind
lgr_chart_view_get_kind (LgrChartView *self)
{
  g_return_val_if_fail (LGR_IS_CHART_VIEW (self), LGR_CHART_CASHFLOW);
  return self->kind;
}

void
lgr_chart_view_set_font_scale (LgrChartView *self, double font_scale)
{
  g_return_if_fail (LGR_IS_CHART_VIEW (self));
  if (font_scale == self->font_scale)
    return;
  self->font_scale = font_scale;
  drop_plot (self);
}

void
lgr_chart_view_set_dark (LgrChartView *self, gboolean dark)
{
  g_return_if_fail (LGR_IS_CHART_VIEW (self));
  if (!dark == !self->dark)
    return;
  self->dark = dark;
  drop_plot (self);
}

int
lgr_chart_view_get_year (LgrChartView *self)
{
  g_return_val_if_fail (LGR_IS_CHART_VIEW (self), -1);
  return self->year;
}

void
lgr_chart_view_set_year (LgrChartView *self, int year_index)
{
  g_return_if_fail (LGR_IS_CHART_VIEW (self));
  if (year_index == self->year)
    return;
  self->year = year_index;
  update_year_text (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

const char *
lgr_chart_view_get_year_text (LgrChartView *self)
{
  g_return_val_if_fail (LGR_IS_CHART_VIEW (self), NULL);
  return self->year_text;
}

const char *
lgr_chart_view_get_description (LgrChartView *self)
{
  g_return_val_if_fail (LGR_IS_CHART_VIEW (self), NULL);
  return self->description;
}

guint
lgr_chart_view_get_n_draws (LgrChartView *self)
{
  g_return_val_if_fail (LGR_IS_CHART_VIEW (self), 0);
  return self->n_draws;
}

guint
lgr_chart_view_get_n_plots (LgrChartView *self)
{
  g_return_val_if_fail (LGR_IS_CHART_VIEW (self), 0);
  return self->n_plots;
}

char *
lgr_chart_view_scenario_colour (const LgrResults *results, guint index)
{
  double rgb[3];
  LgrChartStyle style = adw_style_manager_get_dark (adw_style_manager_get_default ())
                            ? LGR_CHART_STYLE_DARK
                            : LGR_CHART_STYLE_LIGHT;
  lgr_chart_scenario_colour (results, index, style, rgb);
  return g_strdup_printf ("#%02x%02x%02x", (int)lround (rgb[0] * 255), (int)lround (rgb[1] * 255),
                          (int)lround (rgb[2] * 255));
}
