/* lgr-export-dialog.c: exporting a chart from the window. */
#include <glib/gi18n.h>
#include <math.h>

#include "lgr-export-dialog.h"
#include "lgr-file-chooser.h"
#include "lgr-number-row.h"

#define PREVIEW_WIDTH 480.0

typedef struct
{
  const char *name; /* GSettings value */
  const char *label;
  double width, height;
} SizePreset;

static const SizePreset presets[] = {
  { "slide", N_ ("Slide, 1920 × 1080"), 1920, 1080 },
  { "a4", N_ ("A4 page width, 595 × 335 pt"), 595, 335 },
  { "custom", N_ ("Custom"), 0, 0 },
};

static const char *const format_names[] = { "png", "svg", "pdf" };
static const char *const format_labels[]
    = { N_ ("PNG image"), N_ ("SVG drawing"), N_ ("PDF document") };
static const double scales[] = { 1, 2, 3 };

struct _LgrExportDialog
{
  AdwWindow parent_instance;

  LgrDocument *document;
  GSettings *settings;

  /* Template widgets */
  GtkWidget *options_group;
  GtkWidget *chart_row;
  GtkWidget *format_row;
  GtkWidget *size_row;
  GtkWidget *scale_row;
  GtkWidget *title_row;
  GtkWidget *subtitle_row;
  GtkWidget *source_row;
  GtkWidget *preview;
  GtkWidget *status;

  /* Made in init: a number row takes its unit when it is made. */
  GtkWidget *width_row;
  GtkWidget *height_row;
  /* The custom size, kept while a preset shows its own size in the rows. */
  double custom_width, custom_height;
  guint preview_id;
};

G_DEFINE_FINAL_TYPE (LgrExportDialog, lgr_export_dialog, ADW_TYPE_WINDOW)

static const char *
entry_text (GtkWidget *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  return text && *text ? text : NULL;
}

static void
fill_options (LgrExportDialog *self, LgrChartOptions *options)
{
  lgr_chart_options_init (options, adw_combo_row_get_selected (ADW_COMBO_ROW (self->chart_row)));
  options->style = LGR_CHART_STYLE_LIGHT;
  options->show_title = TRUE;
  options->title = entry_text (self->title_row);
  options->subtitle = entry_text (self->subtitle_row);
  options->source = entry_text (self->source_row);
}

void
lgr_export_dialog_get_size (LgrExportDialog *self, double *width, double *height, double *scale)
{
  guint preset = adw_combo_row_get_selected (ADW_COMBO_ROW (self->size_row));

  if (preset < G_N_ELEMENTS (presets) && presets[preset].width > 0)
    {
      *width = presets[preset].width;
      *height = presets[preset].height;
    }
  else
    {
      *width = self->custom_width;
      *height = self->custom_height;
    }
  *scale = scales[MIN (adw_combo_row_get_selected (ADW_COMBO_ROW (self->scale_row)),
                       G_N_ELEMENTS (scales) - 1)];
}

static gboolean
update_preview (gpointer data)
{
  LgrExportDialog *self = data;
  LgrChartOptions options;
  double width, height, scale;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autoptr (GError) error = NULL;

  self->preview_id = 0;
  if (self->document == NULL)
    return G_SOURCE_REMOVE;
  fill_options (self, &options);
  lgr_export_dialog_get_size (self, &width, &height, &scale);
  guint format = adw_combo_row_get_selected (ADW_COMBO_ROW (self->format_row));
  if (width < 1 || height < 1)
    return G_SOURCE_REMOVE;
  /* the file's own size: a PNG's pixels after the resolution, else points */
  g_autofree char *written
      = format == LGR_EXPORT_PNG
            ? g_strdup_printf (_ ("Writes an image of %.0f × %.0f pixels."), round (width * scale),
                               round (height * scale))
            : g_strdup_printf (_ ("Writes a page of %.0f × %.0f points."), width, height);
  gtk_label_set_text (GTK_LABEL (self->status), written);
  gtk_widget_remove_css_class (self->status, "error");
  /* the export's own limit, said before a file is chosen */
  if (!lgr_export_check_size (width, height, format == LGR_EXPORT_PNG ? scale : 1.0, &error))
    {
      gtk_label_set_text (GTK_LABEL (self->status), error->message);
      return G_SOURCE_REMOVE;
    }
  /* The preview is the export, drawn at its own size and scaled down. */
  bytes = lgr_export_chart_png_bytes (lgr_document_get_results (self->document), &options, width,
                                      height, MIN (1.0, 2 * PREVIEW_WIDTH / width), &error);
  if (bytes)
    texture = gdk_texture_new_from_bytes (bytes, &error);
  if (texture)
    gtk_picture_set_paintable (GTK_PICTURE (self->preview), GDK_PAINTABLE (texture));
  else
    gtk_label_set_text (GTK_LABEL (self->status), error->message);
  return G_SOURCE_REMOVE;
}

static void
queue_preview (LgrExportDialog *self)
{
  guint preset = adw_combo_row_get_selected (ADW_COMBO_ROW (self->size_row));
  gboolean custom = preset >= G_N_ELEMENTS (presets) || presets[preset].width == 0;

  gtk_widget_set_sensitive (self->width_row, custom);
  gtk_widget_set_sensitive (self->height_row, custom);
  /* the rows show the size that will be written: a preset's, or the custom one */
  lgr_number_row_set_value (LGR_NUMBER_ROW (self->width_row),
                            custom ? self->custom_width : presets[preset].width);
  lgr_number_row_set_value (LGR_NUMBER_ROW (self->height_row),
                            custom ? self->custom_height : presets[preset].height);
  gtk_widget_set_visible (self->scale_row,
                          adw_combo_row_get_selected (ADW_COMBO_ROW (self->format_row)) == 0);
  if (self->preview_id == 0)
    self->preview_id = g_idle_add (update_preview, self);
}

static void
on_changed (LgrExportDialog *self)
{
  queue_preview (self);
}

static void
on_size_value (LgrNumberRow *row, double value, gboolean dragging, LgrExportDialog *self)
{
  g_autofree char *message = NULL;
  if (value < LGR_EXPORT_MIN_SIDE || value > LGR_EXPORT_MAX_SIDE || value != (int)value)
    {
      message = g_strdup_printf (_ ("%g is not a whole number of pixels between %d and %d"), value,
                                 LGR_EXPORT_MIN_SIDE, LGR_EXPORT_MAX_SIDE);
      lgr_number_row_set_error (row, message);
      return;
    }
  lgr_number_row_set_value (row, value);
  if (row == LGR_NUMBER_ROW (self->width_row))
    self->custom_width = value;
  else
    self->custom_height = value;
  queue_preview (self);
}

static void
save_settings (LgrExportDialog *self)
{
  double width, height, scale;
  guint format = adw_combo_row_get_selected (ADW_COMBO_ROW (self->format_row));
  guint preset = adw_combo_row_get_selected (ADW_COMBO_ROW (self->size_row));

  lgr_export_dialog_get_size (self, &width, &height, &scale);
  g_settings_set_string (self->settings, "export-format", format_names[MIN (format, 2)]);
  g_settings_set_string (self->settings, "export-size",
                         presets[MIN (preset, G_N_ELEMENTS (presets) - 1)].name);
  g_settings_set_int (self->settings, "export-width", (int)self->custom_width);
  g_settings_set_int (self->settings, "export-height", (int)self->custom_height);
  g_settings_set_double (self->settings, "export-scale", scale);
}

gboolean
lgr_export_dialog_export_to_path (LgrExportDialog *self, const char *path, GError **error)
{
  LgrChartOptions options;
  double width, height, scale;
  LgrExportFormat format;

  g_return_val_if_fail (LGR_IS_EXPORT_DIALOG (self), FALSE);

  fill_options (self, &options);
  lgr_export_dialog_get_size (self, &width, &height, &scale);
  format = adw_combo_row_get_selected (ADW_COMBO_ROW (self->format_row));
  save_settings (self);
  return lgr_export_chart (lgr_document_get_results (self->document), &options, format, path, width,
                           height, format == LGR_EXPORT_PNG ? scale : 1.0, error);
}

static void
on_file_chosen (GObject *owner, GFile *file)
{
  LgrExportDialog *self = LGR_EXPORT_DIALOG (owner);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr (GError) error = NULL;

  if (path == NULL || !lgr_export_dialog_export_to_path (self, path, &error))
    {
      gtk_label_set_text (GTK_LABEL (self->status),
                          error ? error->message : _ ("Charts can only be saved to local files."));
      gtk_widget_add_css_class (self->status, "error");
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_export_clicked (GtkButton *button, LgrExportDialog *self)
{
  guint format = MIN (adw_combo_row_get_selected (ADW_COMBO_ROW (self->format_row)), 2);
  LgrChartKind kind = adw_combo_row_get_selected (ADW_COMBO_ROW (self->chart_row));
  g_autofree char *name
      = g_strdup_printf ("%s.%s", lgr_chart_kind_to_string (kind), format_names[format]);
  g_autofree char *filter = g_strdup_printf ("*.%s", format_names[format]);

  lgr_choose_file (GTK_WINDOW (self), self->settings, TRUE, _ ("Export Chart"), name,
                   _ (format_labels[format]), filter, G_OBJECT (self), on_file_chosen);
}

static void
lgr_export_dialog_dispose (GObject *object)
{
  LgrExportDialog *self = LGR_EXPORT_DIALOG (object);
  g_clear_handle_id (&self->preview_id, g_source_remove);
  g_clear_object (&self->document);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), LGR_TYPE_EXPORT_DIALOG);
  G_OBJECT_CLASS (lgr_export_dialog_parent_class)->dispose (object);
}

static void
lgr_export_dialog_class_init (LgrExportDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  G_OBJECT_CLASS (klass)->dispose = lgr_export_dialog_dispose;

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/lgrexplorer/Explorer/lgr-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LgrExportDialog, options_group);
  gtk_widget_class_bind_template_child (widget_class, LgrExportDialog, chart_row);
  gtk_widget_class_bind_template_child (widget_class, LgrExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, LgrExportDialog, size_row);
  gtk_widget_class_bind_template_child (widget_class, LgrExportDialog, scale_row);
  gtk_widget_class_bind_template_child (widget_class, LgrExportDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, LgrExportDialog, subtitle_row);
  gtk_widget_class_bind_template_child (widget_class, LgrExportDialog, source_row);
  gtk_widget_class_bind_template_child (widget_class, LgrExportDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, LgrExportDialog, status);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lgr_export_dialog_init (LgrExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Width and height go between the size and the resolution rows. */
  self->width_row = lgr_number_row_new (_ ("Width"), _ ("pixels or points"), 0, 0, 0);
  self->height_row = lgr_number_row_new (_ ("Height"), _ ("pixels or points"), 0, 0, 0);
  g_signal_connect (self->width_row, "value-changed", G_CALLBACK (on_size_value), self);
  g_signal_connect (self->height_row, "value-changed", G_CALLBACK (on_size_value), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->options_group), self->width_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->options_group), self->height_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->options_group), self->scale_row);
}

static void
set_labels (GtkWidget *combo_row, GStrv labels)
{
  g_autoptr (GtkStringList) list = gtk_string_list_new ((const char *const *)labels);
  adw_combo_row_set_model (ADW_COMBO_ROW (combo_row), G_LIST_MODEL (list));
}

static guint
index_of (const char *const *names, guint n, const char *name)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (names[i], name) == 0)
      return i;
  return 0;
}

GtkWidget *
lgr_export_dialog_new (GtkWindow *parent, LgrDocument *document, GSettings *settings,
                       LgrChartKind kind)
{
  LgrExportDialog *self;
  g_autoptr (GStrvBuilder) charts = g_strv_builder_new ();
  g_autoptr (GStrvBuilder) formats = g_strv_builder_new ();
  g_autoptr (GStrvBuilder) sizes = g_strv_builder_new ();
  g_auto (GStrv) chart_labels = NULL;
  g_auto (GStrv) format_list = NULL;
  g_auto (GStrv) size_list = NULL;
  const char *preset_names[G_N_ELEMENTS (presets)];
  g_autofree char *format_setting = NULL;
  g_autofree char *size_setting = NULL;
  double scale;

  self = g_object_new (LGR_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  self->settings = g_object_ref (settings);

  for (int k = 0; k < LGR_N_CHARTS; k++)
    g_strv_builder_add (charts, lgr_chart_kind_title (k));
  chart_labels = g_strv_builder_end (charts);
  for (guint i = 0; i < G_N_ELEMENTS (format_labels); i++)
    g_strv_builder_add (formats, _ (format_labels[i]));
  format_list = g_strv_builder_end (formats);
  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    {
      g_strv_builder_add (sizes, _ (presets[i].label));
      preset_names[i] = presets[i].name;
    }
  size_list = g_strv_builder_end (sizes);

  set_labels (self->chart_row, chart_labels);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->chart_row), kind);
  set_labels (self->format_row, format_list);
  format_setting = g_settings_get_string (settings, "export-format");
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->format_row),
                              index_of (format_names, 3, format_setting));
  set_labels (self->size_row, size_list);
  size_setting = g_settings_get_string (settings, "export-size");
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->size_row),
                              index_of (preset_names, G_N_ELEMENTS (presets), size_setting));
  self->custom_width = g_settings_get_int (settings, "export-width");
  self->custom_height = g_settings_get_int (settings, "export-height");
  scale = g_settings_get_double (settings, "export-scale");
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->scale_row), scale >= 3 ? 2 : scale >= 2 ? 1 : 0);
  queue_preview (self);
  return GTK_WIDGET (self);
}

void
lgr_export_dialog_set_format (LgrExportDialog *self, LgrExportFormat format)
{
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->format_row), format);
}

void
lgr_export_dialog_set_title_text (LgrExportDialog *self, const char *title)
{
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), title);
}

void
lgr_export_dialog_get_shown_size (LgrExportDialog *self, double *width, double *height)
{
  *width = lgr_number_row_get_value (LGR_NUMBER_ROW (self->width_row));
  *height = lgr_number_row_get_value (LGR_NUMBER_ROW (self->height_row));
}

const char *
lgr_export_dialog_get_status (LgrExportDialog *self)
{
  return gtk_label_get_text (GTK_LABEL (self->status));
}

GdkPaintable *
lgr_export_dialog_get_preview (LgrExportDialog *self)
{
  return gtk_picture_get_paintable (GTK_PICTURE (self->preview));
}
