/* lgr-wrap-label.c: a wrapping label whose text changes often (lgr-wrap-label.h).
 *
 * GtkLabel asks for a new layout on every text change, and in GTK 4.8 that lays out the whole
 * window again, with round trips to the X server for the toplevel's size. A sentence such as
 * the verdict keeps its size when only a figure in it changes, but a wrapping label's size
 * depends on the width it is given, and GTK keeps the sizes it was told at each width it asked
 * about. So this label remembers every size it has answered since its last new layout; a new
 * text that gives the same answer at every one of them cannot change the layout and only
 * redraws. Anything else asks for a new layout, as GtkLabel does. It is measured and drawn as a
 * wrapping GtkLabel (its CSS name is "label", so the theme's label rules apply).
 *
 * GTK asks about many sizes (some 30 for a lever row's summary: its containers search for the
 * width that fits each number of lines), and a text layout per size would cost what the layout
 * it saves does. The common change is cheaper to check: only digits changed ("£246.0m" to
 * "£245.8m"), and every character of the unwrapped text starts where it did, so the text breaks
 * into the same lines of the same size at every width.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-wrap-label.h"

#include "lgr-label-render.h"

#include <glib/gi18n.h>
#include <string.h>

/* More sizes than this remembered and a text change just asks for a new layout (which forgets
 * them): comparing costs a text layout per size. */
#define MAX_ANSWERS 16

typedef struct
{
  GtkOrientation orientation;
  int for_size;
  int minimum, natural, minimum_baseline, natural_baseline;
} Answer;

struct _LgrWrapLabel
{
  GtkWidget parent_instance;

  char *text;
  float xalign;
  PangoWrapMode wrap_mode;
  PangoLayout *layout; /* of text, made from the widget's context; NULL until needed */
  GArray *answers;     /* of Answer: what measure said since the last new layout */
  GArray *starts;      /* of int: where each character of text starts, unwrapped; NULL if not
                          known */
  guint starts_serial; /* the Pango context's serial (its font) when starts was found */
  GtkWidget *menu;     /* the context menu, NULL until first shown */
  guint n_resizes;
};

G_DEFINE_FINAL_TYPE (LgrWrapLabel, lgr_wrap_label, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_LABEL,
  PROP_XALIGN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static PangoLayout *
ensure_layout (LgrWrapLabel *self)
{
  if (self->layout == NULL)
    {
      self->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->text);
      pango_layout_set_wrap (self->layout, self->wrap_mode);
    }
  return self->layout;
}

/* The text's size in Pango units when wrapped at width (Pango units; -1: not wrapped). */
static void
size_at (PangoLayout *layout, int width, int *w, int *h)
{
  pango_layout_set_width (layout, width);
  pango_layout_get_size (layout, w, h);
}

static int
height_at (PangoLayout *layout, int width_px)
{
  int height;
  pango_layout_set_width (layout, width_px * PANGO_SCALE);
  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

/* What GtkLabel answers for a wrapping label: across, the widest word and the whole text on one
 * line (or, for a given height, the narrowest width that fits in it); down, the height and
 * baseline of the text wrapped at the given width. */
static void
compute (LgrWrapLabel *self, GtkOrientation orientation, int for_size, Answer *answer)
{
  PangoLayout *layout = ensure_layout (self);

  answer->orientation = orientation;
  answer->for_size = for_size;
  answer->minimum_baseline = answer->natural_baseline = -1;
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int min, nat;

      size_at (layout, 0, &min, NULL);
      size_at (layout, -1, &nat, NULL);
      answer->minimum = PANGO_PIXELS_CEIL (min);
      answer->natural = MAX (PANGO_PIXELS_CEIL (nat), answer->minimum);
      if (for_size >= 0 && height_at (layout, answer->minimum) > for_size)
        {
          /* the narrowest width whose wrapped text is no taller than for_size */
          int low = answer->minimum, high = answer->natural;
          while (low < high)
            {
              int mid = low + (high - low) / 2;
              if (height_at (layout, mid) <= for_size)
                high = mid;
              else
                low = mid + 1;
            }
          answer->minimum = answer->natural = low;
        }
    }
  else
    {
      int height;

      pango_layout_set_width (layout, for_size < 0 ? -1 : for_size * PANGO_SCALE);
      pango_layout_get_pixel_size (layout, NULL, &height);
      answer->minimum = answer->natural = height;
      answer->minimum_baseline = answer->natural_baseline
          = PANGO_PIXELS_CEIL (pango_layout_get_baseline (layout));
    }
}

static void
remember (LgrWrapLabel *self, const Answer *answer)
{
  for (guint i = 0; i < self->answers->len; i++)
    {
      Answer *known = &g_array_index (self->answers, Answer, i);
      if (known->orientation == answer->orientation && known->for_size == answer->for_size)
        {
          *known = *answer;
          return;
        }
    }
  g_array_append_val (self->answers, *answer);
}

static void
lgr_wrap_label_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                        int *natural, int *minimum_baseline, int *natural_baseline)
{
  LgrWrapLabel *self = LGR_WRAP_LABEL (widget);
  Answer answer;

  compute (self, orientation, for_size, &answer);
  remember (self, &answer);
  *minimum = answer.minimum;
  *natural = answer.natural;
  *minimum_baseline = answer.minimum_baseline;
  *natural_baseline = answer.natural_baseline;
}

static GtkSizeRequestMode
lgr_wrap_label_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
lgr_wrap_label_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  LgrWrapLabel *self = LGR_WRAP_LABEL (widget);

  if (self->menu)
    gtk_popover_present (GTK_POPOVER (self->menu));
}

/* Where GtkLabel puts its layout: wrapped at the allocated width, by xalign across, centred down
 * or on the baseline. */
static void
lgr_wrap_label_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  LgrWrapLabel *self = LGR_WRAP_LABEL (widget);
  PangoLayout *layout = ensure_layout (self);

  if (self->text == NULL || *self->text == '\0')
    return;
  pango_layout_set_width (layout, gtk_widget_get_width (widget) * PANGO_SCALE);
  lgr_label_render_layout (widget, snapshot, layout, self->xalign);
}

/* A new layout: GTK forgets every size it was told, and so does this label. */
static void
queue_resize (LgrWrapLabel *self)
{
  g_array_set_size (self->answers, 0);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* The font or direction changed: the next measure and draw make the layout again. */
static void
lgr_wrap_label_direction_changed (GtkWidget *widget, GtkTextDirection previous)
{
  LgrWrapLabel *self = LGR_WRAP_LABEL (widget);

  g_clear_object (&self->layout);
  g_array_set_size (self->answers, 0);
  g_clear_pointer (&self->starts, g_array_unref);
  GTK_WIDGET_CLASS (lgr_wrap_label_parent_class)->direction_changed (widget, previous);
}

static void
action_copy (GtkWidget *widget, const char *name, GVariant *param)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), LGR_WRAP_LABEL (widget)->text);
}

static void
show_menu (LgrWrapLabel *self, double x, double y)
{
  if (self->menu == NULL)
    {
      g_autoptr (GMenu) model = g_menu_new ();
      g_menu_append (model, _ ("_Copy"), "wrap-label.copy");
      self->menu = gtk_popover_menu_new_from_model (G_MENU_MODEL (model));
      gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
      gtk_widget_set_halign (self->menu, GTK_ALIGN_START);
    }
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), &(GdkRectangle){ x, y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

static void
on_secondary_click (GtkGestureClick *gesture, int n_press, double x, double y, LgrWrapLabel *self)
{
  show_menu (self, x, y);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
on_long_press (GtkGestureLongPress *gesture, double x, double y, LgrWrapLabel *self)
{
  show_menu (self, x, y);
}

static void
lgr_wrap_label_dispose (GObject *object)
{
  LgrWrapLabel *self = LGR_WRAP_LABEL (object);

  g_clear_pointer (&self->menu, gtk_widget_unparent);
  G_OBJECT_CLASS (lgr_wrap_label_parent_class)->dispose (object);
}

static void
lgr_wrap_label_finalize (GObject *object)
{
  LgrWrapLabel *self = LGR_WRAP_LABEL (object);

  g_clear_object (&self->layout);
  g_array_unref (self->answers);
  g_clear_pointer (&self->starts, g_array_unref);
  g_free (self->text);
  G_OBJECT_CLASS (lgr_wrap_label_parent_class)->finalize (object);
}

static void
lgr_wrap_label_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  LgrWrapLabel *self = LGR_WRAP_LABEL (object);

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
lgr_wrap_label_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  LgrWrapLabel *self = LGR_WRAP_LABEL (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      lgr_wrap_label_set_text (self, g_value_get_string (value));
      break;
    case PROP_XALIGN:
      lgr_wrap_label_set_xalign (self, g_value_get_float (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lgr_wrap_label_class_init (LgrWrapLabelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lgr_wrap_label_dispose;
  object_class->finalize = lgr_wrap_label_finalize;
  object_class->get_property = lgr_wrap_label_get_property;
  object_class->set_property = lgr_wrap_label_set_property;
  widget_class->measure = lgr_wrap_label_measure;
  widget_class->get_request_mode = lgr_wrap_label_get_request_mode;
  widget_class->size_allocate = lgr_wrap_label_size_allocate;
  widget_class->snapshot = lgr_wrap_label_snapshot;
  widget_class->direction_changed = lgr_wrap_label_direction_changed;

  properties[PROP_LABEL]
      = g_param_spec_string ("label", NULL, NULL, "",
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_XALIGN]
      = g_param_spec_float ("xalign", NULL, NULL, 0.0f, 1.0f, 0.5f,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "wrap-label.copy", NULL, action_copy);
  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
lgr_wrap_label_init (LgrWrapLabel *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *press = gtk_gesture_long_press_new ();

  self->text = g_strdup ("");
  self->xalign = 0.5f;
  self->wrap_mode = PANGO_WRAP_WORD;
  self->answers = g_array_new (FALSE, FALSE, sizeof (Answer));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_secondary_click), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (press), TRUE);
  g_signal_connect (press, "pressed", G_CALLBACK (on_long_press), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (press));
}

GtkWidget *
lgr_wrap_label_new (const char *text)
{
  return g_object_new (LGR_TYPE_WRAP_LABEL, "label", text, NULL);
}

/* Where each character of the unwrapped text starts, and then where the text ends (Pango
 * units); NULL for text of more than one line. */
static GArray *
find_starts (LgrWrapLabel *self)
{
  PangoLayout *layout = ensure_layout (self);
  PangoLayoutIter *iter;
  GArray *starts;
  int width;

  pango_layout_set_width (layout, -1);
  if (pango_layout_get_line_count (layout) != 1)
    return NULL;
  starts = g_array_new (FALSE, FALSE, sizeof (int));
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoRectangle rect;
      pango_layout_iter_get_char_extents (iter, &rect);
      g_array_append_val (starts, rect.x);
    }
  while (pango_layout_iter_next_char (iter));
  pango_layout_iter_free (iter);
  pango_layout_get_size (layout, &width, NULL);
  g_array_append_val (starts, width);
  return starts;
}

/* Whether a and b have the same characters but for digits in place of digits. */
static gboolean
only_digits_differ (const char *a, const char *b)
{
  while (*a && *b)
    {
      gunichar x = g_utf8_get_char (a), y = g_utf8_get_char (b);
      if (x != y && !(g_unichar_isdigit (x) && g_unichar_isdigit (y)))
        return FALSE;
      a = g_utf8_next_char (a);
      b = g_utf8_next_char (b);
    }
  return *a == '\0' && *b == '\0';
}

static gboolean
same_starts (GArray *a, GArray *b)
{
  return a && b && a->len == b->len && memcmp (a->data, b->data, a->len * sizeof (int)) == 0;
}

/* Whether the new text gives every answer the label has given since its last new layout. */
static gboolean
same_answers (LgrWrapLabel *self)
{
  if (self->answers->len > MAX_ANSWERS)
    return FALSE;
  for (guint i = 0; i < self->answers->len; i++)
    {
      const Answer *known = &g_array_index (self->answers, Answer, i);
      Answer now;
      compute (self, known->orientation, known->for_size, &now);
      if (now.minimum != known->minimum || now.natural != known->natural
          || now.minimum_baseline != known->minimum_baseline
          || now.natural_baseline != known->natural_baseline)
        return FALSE;
    }
  return TRUE;
}

void
lgr_wrap_label_set_text (LgrWrapLabel *self, const char *text)
{
  g_autoptr (GArray) old_starts = NULL;
  gboolean digits_only;
  guint serial;

  g_return_if_fail (LGR_IS_WRAP_LABEL (self));

  if (text == NULL)
    text = "";
  if (g_strcmp0 (text, self->text) == 0)
    return;
  digits_only = self->answers->len > 0 && only_digits_differ (self->text, text);
  serial = pango_context_get_serial (gtk_widget_get_pango_context (GTK_WIDGET (self)));
  if (digits_only && (self->starts == NULL || self->starts_serial != serial))
    {
      g_clear_pointer (&self->starts, g_array_unref);
      self->starts = find_starts (self);
    }
  g_free (self->text);
  self->text = g_strdup (text);
  pango_layout_set_text (ensure_layout (self), text, -1);
  old_starts = g_steal_pointer (&self->starts);
  if (digits_only)
    {
      self->starts = find_starts (self);
      self->starts_serial = serial;
    }
  /* never measured (not yet shown) or every answer the same: the layout stands */
  if (digits_only && same_starts (old_starts, self->starts))
    gtk_widget_queue_draw (GTK_WIDGET (self));
  else if (self->answers->len > 0 && same_answers (self))
    gtk_widget_queue_draw (GTK_WIDGET (self));
  else
    {
      self->n_resizes++;
      queue_resize (self);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

const char *
lgr_wrap_label_get_text (LgrWrapLabel *self)
{
  g_return_val_if_fail (LGR_IS_WRAP_LABEL (self), NULL);
  return self->text;
}

void
lgr_wrap_label_set_xalign (LgrWrapLabel *self, float xalign)
{
  g_return_if_fail (LGR_IS_WRAP_LABEL (self));

  xalign = CLAMP (xalign, 0.0f, 1.0f);
  if (xalign == self->xalign)
    return;
  self->xalign = xalign;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_XALIGN]);
}

void
lgr_wrap_label_set_wrap_mode (LgrWrapLabel *self, PangoWrapMode mode)
{
  g_return_if_fail (LGR_IS_WRAP_LABEL (self));

  if (mode == self->wrap_mode)
    return;
  self->wrap_mode = mode;
  pango_layout_set_wrap (ensure_layout (self), mode);
  queue_resize (self);
}

guint
lgr_wrap_label_get_n_resizes (LgrWrapLabel *self)
{
  g_return_val_if_fail (LGR_IS_WRAP_LABEL (self), 0);
  return self->n_resizes;
}
