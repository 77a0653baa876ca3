/* lgr-figure-label.c: a one-line label whose text changes often (lgr-figure-label.h).
 *
 * GtkLabel asks for a new layout on every text change, and in GTK 4.8 that lays out the whole
 * window again: every container from the label up to the toplevel measures its children afresh.
 * A figure such as "£8.01m" that becomes "£8.02m" keeps its size, since digits are drawn with
 * tabular widths, so this label measures the new text and only redraws when the size is the
 * same. It does not wrap or ellipsize, so its size does not depend on the width it is given,
 * and comparing one size is exact. It is drawn and measured as GtkLabel draws and measures a
 * one-line label (its CSS name is "label", so the theme's label rules apply), so it looks the
 * same.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-figure-label.h"

#include "lgr-label-render.h"

struct _LgrFigureLabel
{
  GtkWidget parent_instance;

  char *text;
  float xalign;
  PangoLayout *layout; /* of text, made from the widget's context; NULL until needed */
  guint n_resizes;
};

G_DEFINE_FINAL_TYPE (LgrFigureLabel, lgr_figure_label, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_LABEL,
  PROP_XALIGN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A layout of text as GtkLabel makes one for a one-line label. The tabular digits are what the
 * CSS of every figure asks for ("numeric", font-feature-settings "tnum"); a widget other than
 * GtkLabel cannot read the CSS's font features, so they are set here. The layout follows the
 * widget's context when the theme or font changes. */
static PangoLayout *
new_layout (LgrFigureLabel *self, const char *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  return layout;
}

static PangoLayout *
ensure_layout (LgrFigureLabel *self)
{
  if (self->layout == NULL)
    self->layout = new_layout (self, self->text);
  return self->layout;
}

/* The size GtkLabel asks for a one-line text: width rounded up, height and baseline in pixels. */
static void
layout_size (PangoLayout *layout, int *width, int *height, int *baseline)
{
  int w;

  pango_layout_get_size (layout, &w, NULL);
  *width = PANGO_PIXELS_CEIL (w);
  pango_layout_get_pixel_size (layout, NULL, height);
  *baseline = PANGO_PIXELS_CEIL (pango_layout_get_baseline (layout));
}

static void
lgr_figure_label_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                          int *natural, int *minimum_baseline, int *natural_baseline)
{
  LgrFigureLabel *self = LGR_FIGURE_LABEL (widget);
  int width, height, baseline;

  layout_size (ensure_layout (self), &width, &height, &baseline);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = width;
  else
    {
      *minimum = *natural = height;
      *minimum_baseline = *natural_baseline = baseline;
    }
}

static void
lgr_figure_label_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  LgrFigureLabel *self = LGR_FIGURE_LABEL (widget);

  if (self->text == NULL || *self->text == '\0')
    return;
  lgr_label_render_layout (widget, snapshot, ensure_layout (self), self->xalign);
}

/* The font or direction changed: the next measure and draw make the layout again. */
static void
drop_layout (LgrFigureLabel *self)
{
  g_clear_object (&self->layout);
}

static void
lgr_figure_label_direction_changed (GtkWidget *widget, GtkTextDirection previous)
{
  drop_layout (LGR_FIGURE_LABEL (widget));
  GTK_WIDGET_CLASS (lgr_figure_label_parent_class)->direction_changed (widget, previous);
}

static void
lgr_figure_label_finalize (GObject *object)
{
  LgrFigureLabel *self = LGR_FIGURE_LABEL (object);

  g_clear_object (&self->layout);
  g_free (self->text);
  G_OBJECT_CLASS (lgr_figure_label_parent_class)->finalize (object);
}

static void
lgr_figure_label_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  LgrFigureLabel *self = LGR_FIGURE_LABEL (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, self->text);
      break;
    case PROP_XALIGN:
      g_value_set_float (value, self->xalign);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lgr_figure_label_set_property (GObject *object, guint prop_id, const GValue *value,
                               GParamSpec *pspec)
{
  LgrFigureLabel *self = LGR_FIGURE_LABEL (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      lgr_figure_label_set_text (self, g_value_get_string (value));
      break;
    case PROP_XALIGN:
      lgr_figure_label_set_xalign (self, g_value_get_float (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lgr_figure_label_class_init (LgrFigureLabelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = lgr_figure_label_finalize;
  object_class->get_property = lgr_figure_label_get_property;
  object_class->set_property = lgr_figure_label_set_property;
  widget_class->measure = lgr_figure_label_measure;
  widget_class->snapshot = lgr_figure_label_snapshot;
  widget_class->direction_changed = lgr_figure_label_direction_changed;

  properties[PROP_LABEL]
      = g_param_spec_string ("label", NULL, NULL, "",
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_XALIGN]
      = g_param_spec_float ("xalign", NULL, NULL, 0.0f, 1.0f, 0.5f,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
lgr_figure_label_init (LgrFigureLabel *self)
{
  self->text = g_strdup ("");
  self->xalign = 0.5f;
}

GtkWidget *
lgr_figure_label_new (const char *text)
{
  return g_object_new (LGR_TYPE_FIGURE_LABEL, "label", text, NULL);
}

void
lgr_figure_label_set_text (LgrFigureLabel *self, const char *text)
{
  PangoLayout *layout;
  int old_w, old_h, old_b, new_w, new_h, new_b;

  g_return_if_fail (LGR_IS_FIGURE_LABEL (self));

  if (text == NULL)
    text = "";
  if (g_strcmp0 (text, self->text) == 0)
    return;
  layout = ensure_layout (self);
  layout_size (layout, &old_w, &old_h, &old_b);
  g_free (self->text);
  self->text = g_strdup (text);
  pango_layout_set_text (layout, text, -1);
  layout_size (layout, &new_w, &new_h, &new_b);
  if (new_w == old_w && new_h == old_h && new_b == old_b)
    gtk_widget_queue_draw (GTK_WIDGET (self));
  else
    {
      self->n_resizes++;
      gtk_widget_queue_resize (GTK_WIDGET (self));
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

const char *
lgr_figure_label_get_text (LgrFigureLabel *self)
{
  g_return_val_if_fail (LGR_IS_FIGURE_LABEL (self), NULL);
  return self->text;
}

void
lgr_figure_label_set_xalign (LgrFigureLabel *self, float xalign)
{
  g_return_if_fail (LGR_IS_FIGURE_LABEL (self));

  xalign = CLAMP (xalign, 0.0f, 1.0f);
  if (xalign == self->xalign)
    return;
  self->xalign = xalign;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_XALIGN]);
}

guint
lgr_figure_label_get_n_resizes (LgrFigureLabel *self)
{
  g_return_val_if_fail (LGR_IS_FIGURE_LABEL (self), 0);
  return self->n_resizes;
}
