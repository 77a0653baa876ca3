/* lgr-number-row.c: slider + exact entry for one number. */
#include <glib/gi18n.h>
#include <math.h>

#include "lgr-number-row.h"
#include "lgr-rules.h"

#define DRAG_SETTLE_MS 400

struct _LgrNumberRow
{
  AdwActionRow parent_instance;

  GtkWidget *scale; /* NULL without a slider */
  GtkWidget *entry;
  GtkWidget *unit;
  double value;
  char *info;
  char *error;
  char *unit_text;
  double slider_lower, slider_upper, step;
  guint settle_id;
};

G_DEFINE_FINAL_TYPE (LgrNumberRow, lgr_number_row, ADW_TYPE_ACTION_ROW)

enum
{
  PROP_0,
  PROP_UNIT,
  PROP_SLIDER_LOWER,
  PROP_SLIDER_UPPER,
  PROP_STEP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  VALUE_CHANGED,
  EDIT_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void on_scale_value_changed (GtkRange *range, LgrNumberRow *self);

/* The entry's "changed" is not listened to, so setting its text echoes nothing. */
static void
show_value_text (LgrNumberRow *self)
{
  g_autofree char *text = lgr_number_to_string (self->value);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->entry)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
}

/* Moves the slider without reporting it as a drag. */
static void
block_scale (LgrNumberRow *self, gboolean block)
{
  if (block)
    g_signal_handlers_block_by_func (self->scale, on_scale_value_changed, self);
  else
    g_signal_handlers_unblock_by_func (self->scale, on_scale_value_changed, self);
}

static void
update_subtitle (LgrNumberRow *self)
{
  g_autofree char *refused = NULL;
  if (self->error != NULL)
    {
      /* the model keeps the value in force: say which, so nobody takes the text for it */
      g_autofree char *in_force = lgr_number_to_string (self->value);
      /* Translators: "not a number: 1,5 - using 55, the last valid value" */
      refused = g_strdup_printf (_ ("%s - using %s, the last valid value"), self->error, in_force);
    }
  const char *subtitle = refused ? refused : self->info ? self->info : "";
  if (g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (self)), subtitle) != 0)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
}

/* The entry's and the slider's accessible names: the title, and the unit if there is one. */
static void
update_labels (LgrNumberRow *self)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));
  const char *unit = self->unit_text;
  g_autofree char *label
      = unit && *unit ? g_strdup_printf ("%s (%s)", title, unit) : g_strdup (title);

  gtk_label_set_text (GTK_LABEL (self->unit), unit ? unit : "");
  gtk_widget_set_visible (self->unit, unit != NULL && *unit != '\0');
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
  if (self->scale)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->scale), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    title, -1);
}

static void
on_title (GObject *object, GParamSpec *pspec, gpointer data)
{
  update_labels (LGR_NUMBER_ROW (object));
}

static gboolean
settled (gpointer data)
{
  LgrNumberRow *self = data;
  self->settle_id = 0;
  g_signal_emit (self, signals[EDIT_FINISHED], 0);
  return G_SOURCE_REMOVE;
}

static void
on_scale_value_changed (GtkRange *range, LgrNumberRow *self)
{
  double value = gtk_range_get_value (range);

  if (value == self->value)
    return;
  self->value = value;
  show_value_text (self);
  g_clear_handle_id (&self->settle_id, g_source_remove);
  self->settle_id = g_timeout_add (DRAG_SETTLE_MS, settled, self);
  g_signal_emit (self, signals[VALUE_CHANGED], 0, value, TRUE);
}

static void
commit_entry (LgrNumberRow *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry)));
  char *p = g_strstrip (text);
  double value;

  if (g_str_has_prefix (p, "£"))
    p = g_strchug (p + strlen ("£"));
  if (!lgr_parse_number (p, &value, &error))
    {
      lgr_number_row_set_error (self, error->message);
      return;
    }
  if (value == self->value)
    {
      /* Back to the value in force: nothing to apply, nothing wrong. */
      lgr_number_row_set_error (self, NULL);
      show_value_text (self);
      return;
    }
  g_signal_emit (self, signals[VALUE_CHANGED], 0, value, FALSE);
  g_signal_emit (self, signals[EDIT_FINISHED], 0);
}

static void
on_entry_activate (GtkEntry *entry, LgrNumberRow *self)
{
  commit_entry (self);
}

static void
on_focus_leave (GtkEventControllerFocus *controller, LgrNumberRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  g_autofree char *shown = lgr_number_to_string (self->value);
  if (g_strcmp0 (text, shown) != 0)
    commit_entry (self);
}

static void
lgr_number_row_dispose (GObject *object)
{
  LgrNumberRow *self = LGR_NUMBER_ROW (object);
  g_clear_handle_id (&self->settle_id, g_source_remove);
  G_OBJECT_CLASS (lgr_number_row_parent_class)->dispose (object);
}

static void
lgr_number_row_finalize (GObject *object)
{
  LgrNumberRow *self = LGR_NUMBER_ROW (object);
  g_free (self->info);
  g_free (self->error);
  g_free (self->unit_text);
  G_OBJECT_CLASS (lgr_number_row_parent_class)->finalize (object);
}

static void
lgr_number_row_constructed (GObject *object)
{
  LgrNumberRow *self = LGR_NUMBER_ROW (object);

  G_OBJECT_CLASS (lgr_number_row_parent_class)->constructed (object);
  if (self->slider_upper > self->slider_lower)
    {
      self->scale = gtk_scale_new_with_range (GTK_ORIENTATION_HORIZONTAL, self->slider_lower,
                                              self->slider_upper, self->step > 0 ? self->step : 1);
      gtk_scale_set_draw_value (GTK_SCALE (self->scale), FALSE);
      gtk_widget_set_size_request (self->scale, 96, -1);
      gtk_widget_set_valign (self->scale, GTK_ALIGN_CENTER);
      g_signal_connect (self->scale, "value-changed", G_CALLBACK (on_scale_value_changed), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->scale);
      /* The slider before the entry */
      gtk_widget_insert_before (self->scale, gtk_widget_get_parent (self->entry), self->entry);
    }
  g_signal_connect (self, "notify::title", G_CALLBACK (on_title), NULL);
  update_labels (self);
}

static void
lgr_number_row_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  LgrNumberRow *self = LGR_NUMBER_ROW (object);
  switch (prop_id)
    {
    case PROP_UNIT:
      g_value_set_string (value, self->unit_text);
      break;
    case PROP_SLIDER_LOWER:
      g_value_set_double (value, self->slider_lower);
      break;
    case PROP_SLIDER_UPPER:
      g_value_set_double (value, self->slider_upper);
      break;
    case PROP_STEP:
      g_value_set_double (value, self->step);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lgr_number_row_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  LgrNumberRow *self = LGR_NUMBER_ROW (object);
  switch (prop_id)
    {
    case PROP_UNIT:
      lgr_number_row_set_unit (self, g_value_get_string (value));
      break;
    case PROP_SLIDER_LOWER:
      self->slider_lower = g_value_get_double (value);
      break;
    case PROP_SLIDER_UPPER:
      self->slider_upper = g_value_get_double (value);
      break;
    case PROP_STEP:
      self->step = g_value_get_double (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lgr_number_row_class_init (LgrNumberRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lgr_number_row_dispose;
  object_class->finalize = lgr_number_row_finalize;
  object_class->constructed = lgr_number_row_constructed;
  object_class->get_property = lgr_number_row_get_property;
  object_class->set_property = lgr_number_row_set_property;

  /* Shown after the entry and in its accessible name ("per 10,000 children", "£ a week"). */
  properties[PROP_UNIT]
      = g_param_spec_string ("unit", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The slider's range and step; no slider unless slider-upper > slider-lower. */
  properties[PROP_SLIDER_LOWER]
      = g_param_spec_double ("slider-lower", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SLIDER_UPPER]
      = g_param_spec_double ("slider-upper", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STEP]
      = g_param_spec_double ("step", NULL, NULL, 0, G_MAXDOUBLE, 1,
                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* value, dragging: a value typed or dragged; not yet applied. */
  signals[VALUE_CHANGED]
      = g_signal_new ("value-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                      NULL, G_TYPE_NONE, 2, G_TYPE_DOUBLE, G_TYPE_BOOLEAN);
  signals[EDIT_FINISHED] = g_signal_new ("edit-finished", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
lgr_number_row_init (LgrNumberRow *self)
{
  GtkEventController *focus;

  /* Titles and subtitles are plain text: lever and authority names may hold '&' or '<'. Set
   * before any title, which the construction may bring. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  self->entry = gtk_entry_new ();
  gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 7);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (self->entry), 12);
  gtk_entry_set_alignment (GTK_ENTRY (self->entry), 1.0);
  gtk_entry_set_input_purpose (GTK_ENTRY (self->entry), GTK_INPUT_PURPOSE_NUMBER);
  gtk_widget_set_valign (self->entry, GTK_ALIGN_CENTER);
  g_signal_connect (self->entry, "activate", G_CALLBACK (on_entry_activate), self);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (self->entry, focus);

  self->unit = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->unit, "dim-label");
  gtk_widget_add_css_class (self->unit, "lgr-unit");
  gtk_label_set_xalign (GTK_LABEL (self->unit), 0);
  gtk_label_set_width_chars (GTK_LABEL (self->unit), 6);
  gtk_label_set_max_width_chars (GTK_LABEL (self->unit), 12);
  gtk_label_set_wrap (GTK_LABEL (self->unit), TRUE);

  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->entry);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->unit);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self), 0);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (self), 2);
  gtk_widget_add_css_class (GTK_WIDGET (self), "lgr-number-row");
}

GtkWidget *
lgr_number_row_new (const char *title, const char *unit, double slider_lower, double slider_upper,
                    double step)
{
  return g_object_new (LGR_TYPE_NUMBER_ROW, "title", title, "unit", unit, "slider-lower",
                       slider_lower, "slider-upper", slider_upper, "step", step, NULL);
}

void
lgr_number_row_set_unit (LgrNumberRow *self, const char *unit)
{
  g_return_if_fail (LGR_IS_NUMBER_ROW (self));
  if (g_strcmp0 (unit, self->unit_text) == 0)
    return;
  g_free (self->unit_text);
  self->unit_text = g_strdup (unit);
  update_labels (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT]);
}

double
lgr_number_row_get_value (LgrNumberRow *self)
{
  g_return_val_if_fail (LGR_IS_NUMBER_ROW (self), 0);
  return self->value;
}

void
lgr_number_row_set_value (LgrNumberRow *self, double value)
{
  g_return_if_fail (LGR_IS_NUMBER_ROW (self));

  /* The same value: a refusal shown for something typed stays, with its text (even an empty
   * one), until a value is applied or the text is edited back. */
  if (value == self->value)
    {
      if (self->error == NULL && gtk_editable_get_text (GTK_EDITABLE (self->entry))[0] == '\0')
        show_value_text (self);
      return;
    }
  lgr_number_row_set_error (self, NULL);
  self->value = value;
  show_value_text (self);
  if (self->scale != NULL && gtk_range_get_value (GTK_RANGE (self->scale)) != value)
    {
      GtkAdjustment *adj = gtk_range_get_adjustment (GTK_RANGE (self->scale));
      block_scale (self, TRUE);
      if (value > gtk_adjustment_get_upper (adj))
        gtk_adjustment_set_upper (adj, value);
      gtk_range_set_value (GTK_RANGE (self->scale), value);
      block_scale (self, FALSE);
    }
}

void
lgr_number_row_set_slider_range (LgrNumberRow *self, double lower, double upper, double step)
{
  GtkAdjustment *adj;

  g_return_if_fail (LGR_IS_NUMBER_ROW (self));
  if (self->scale == NULL)
    return;
  adj = gtk_range_get_adjustment (GTK_RANGE (self->scale));
  upper = MAX (upper, self->value);
  if (gtk_adjustment_get_lower (adj) == lower && gtk_adjustment_get_upper (adj) == upper
      && gtk_adjustment_get_step_increment (adj) == step
      && gtk_range_get_value (GTK_RANGE (self->scale)) == self->value)
    return;
  block_scale (self, TRUE);
  gtk_range_set_range (GTK_RANGE (self->scale), lower, upper);
  gtk_range_set_increments (GTK_RANGE (self->scale), step, step * 10);
  gtk_range_set_value (GTK_RANGE (self->scale), self->value);
  block_scale (self, FALSE);
}

void
lgr_number_row_set_info (LgrNumberRow *self, const char *info)
{
  g_return_if_fail (LGR_IS_NUMBER_ROW (self));
  if (g_strcmp0 (info, self->info) == 0)
    return;
  g_free (self->info);
  self->info = g_strdup (info);
  update_subtitle (self);
}

void
lgr_number_row_set_error (LgrNumberRow *self, const char *message)
{
  g_return_if_fail (LGR_IS_NUMBER_ROW (self));

  if (g_strcmp0 (message, self->error) == 0)
    return;
  g_free (self->error);
  self->error = g_strdup (message);
  if (message != NULL)
    {
      gtk_widget_add_css_class (self->entry, "error");
      gtk_widget_add_css_class (GTK_WIDGET (self), "lgr-refused");
      gtk_widget_set_tooltip_text (self->entry, message);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (self->entry, "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self), "lgr-refused");
      gtk_widget_set_tooltip_text (self->entry, NULL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->entry),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_STATE_INVALID);
    }
  update_subtitle (self);
}

const char *
lgr_number_row_get_error (LgrNumberRow *self)
{
  g_return_val_if_fail (LGR_IS_NUMBER_ROW (self), NULL);
  return self->error;
}

GtkEditable *
lgr_number_row_get_entry (LgrNumberRow *self)
{
  g_return_val_if_fail (LGR_IS_NUMBER_ROW (self), NULL);
  return GTK_EDITABLE (self->entry);
}

GtkRange *
lgr_number_row_get_scale (LgrNumberRow *self)
{
  g_return_val_if_fail (LGR_IS_NUMBER_ROW (self), NULL);
  return self->scale ? GTK_RANGE (self->scale) : NULL;
}

void
lgr_number_row_commit_text (LgrNumberRow *self, const char *text)
{
  g_return_if_fail (LGR_IS_NUMBER_ROW (self));
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  /* What the entry emits when Enter is pressed in it. */
  g_signal_emit_by_name (self->entry, "activate");
}
