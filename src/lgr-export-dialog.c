/* lgr-export-dialog.c: exporting a chart from the window. */
#include <glib/gi18n.h>

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

  GtkWidget *chart_row;
  GtkWidget *format_row;
  GtkWidget *size_row;
  GtkWidget *width_row;
  GtkWidget *height_row;
  GtkWidget *scale_row;
  GtkWidget *title_row;
  GtkWidget *subtitle_row;
  GtkWidget *source_row;
  GtkWidget *preview;
  GtkWidget *status;
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
      *width = lgr_number_row_get_value (LGR_NUMBER_ROW (self->width_row));
      *height = lgr_number_row_get_value (LGR_NUMBER_ROW (self->height_row));
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
  fill_options (self, &options);
  lgr_export_dialog_get_size (self, &width, &height, &scale);
  if (width < 1 || height < 1)
    return G_SOURCE_REMOVE;
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
  if (value < 16 || value > 20000 || value != (int)value)
    {
      message
          = g_strdup_printf (_ ("%g is not a whole number of pixels between 16 and 20000"), value);
      lgr_number_row_set_error (row, message);
      return;
    }
  lgr_number_row_set_value (row, value);
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
  g_settings_set_int (self->settings, "export-width", (int)width);
  g_settings_set_int (self->settings, "export-height", (int)height);
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
  G_OBJECT_CLASS (lgr_export_dialog_parent_class)->dispose (object);
}

static void
lgr_export_dialog_class_init (LgrExportDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  G_OBJECT_CLASS (klass)->dispose = lgr_export_dialog_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lgr_export_dialog_init (LgrExportDialog *self)
{
}

static GtkWidget *
combo_row (const char *title, GStrv labels)
{
  GtkWidget *row = adw_combo_row_new ();
  GtkStringList *list = gtk_string_list_new ((const char *const *)labels);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (list));
  g_object_unref (list);
  return row;
}

static GtkWidget *
entry_row (const char *title, const char *placeholder)
{
  GtkWidget *row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_tooltip_text (row, placeholder);
  return row;
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
  GtkWidget *toolbar, *header, *cancel, *export, *body, *page, *group, *side, *frame;
  g_autoptr (GStrvBuilder) charts = g_strv_builder_new ();
  g_autoptr (GStrvBuilder) formats = g_strv_builder_new ();
  g_autoptr (GStrvBuilder) sizes = g_strv_builder_new ();
  g_auto (GStrv) chart_labels = NULL;
  g_auto (GStrv) format_list = NULL;
  g_auto (GStrv) size_list = NULL;
  const char *resolution_labels[]
      = { _ ("Normal (1×)"), _ ("High (2×)"), _ ("Very high (3×)"), NULL };
  const char *preset_names[G_N_ELEMENTS (presets)];
  g_autofree char *format_setting = NULL;
  g_autofree char *size_setting = NULL;
  double scale;

  self = g_object_new (LGR_TYPE_EXPORT_DIALOG, "modal", TRUE, "transient-for", parent, "title",
                       _ ("Export Chart"), "default-width", 980, "default-height", 640, NULL);
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

  toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_ ("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  export = gtk_button_new_with_mnemonic (_ ("_Export…"));
  gtk_widget_add_css_class (export, "suggested-action");
  g_signal_connect (export, "clicked", G_CALLBACK (on_export_clicked), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), export);
  gtk_box_append (GTK_BOX (toolbar), header);

  body = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_vexpand (body, TRUE);
  page = adw_preferences_page_new ();
  gtk_widget_set_size_request (page, 400, -1);
  group = adw_preferences_group_new ();

  self->chart_row = combo_row (_ ("Chart"), chart_labels);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->chart_row), kind);
  self->format_row = combo_row (_ ("Format"), format_list);
  format_setting = g_settings_get_string (settings, "export-format");
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->format_row),
                              index_of (format_names, 3, format_setting));
  self->size_row = combo_row (_ ("Size"), size_list);
  size_setting = g_settings_get_string (settings, "export-size");
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->size_row),
                              index_of (preset_names, G_N_ELEMENTS (presets), size_setting));
  self->width_row = lgr_number_row_new (_ ("Width"), _ ("pixels or points"), 0, 0, 0);
  lgr_number_row_set_value (LGR_NUMBER_ROW (self->width_row),
                            g_settings_get_int (settings, "export-width"));
  self->height_row = lgr_number_row_new (_ ("Height"), _ ("pixels or points"), 0, 0, 0);
  lgr_number_row_set_value (LGR_NUMBER_ROW (self->height_row),
                            g_settings_get_int (settings, "export-height"));
  self->scale_row = combo_row (_ ("Resolution"), (GStrv)resolution_labels);
  scale = g_settings_get_double (settings, "export-scale");
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->scale_row), scale >= 3 ? 2 : scale >= 2 ? 1 : 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->chart_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->format_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->size_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->width_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->height_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->scale_row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _ ("Text"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _ ("Leave empty for the chart's own title, the study "
                                            "title and the standard source line."));
  self->title_row = entry_row (_ ("Title"), NULL);
  self->subtitle_row = entry_row (_ ("Subtitle"), NULL);
  self->source_row = entry_row (_ ("Source line"), NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->title_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->subtitle_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->source_row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  gtk_box_append (GTK_BOX (body), page);

  side = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_hexpand (side, TRUE);
  gtk_widget_set_margin_start (side, 12);
  gtk_widget_set_margin_end (side, 24);
  gtk_widget_set_margin_top (side, 24);
  gtk_widget_set_margin_bottom (side, 24);
  self->preview = gtk_picture_new ();
  gtk_picture_set_can_shrink (GTK_PICTURE (self->preview), TRUE);
  gtk_widget_set_vexpand (self->preview, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->preview), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Preview of the exported chart"), -1);
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), self->preview);
  gtk_widget_add_css_class (frame, "lgr-export-preview");
  gtk_box_append (GTK_BOX (side), frame);
  self->status = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->status), TRUE);
  gtk_box_append (GTK_BOX (side), self->status);
  gtk_box_append (GTK_BOX (body), side);
  gtk_box_append (GTK_BOX (toolbar), body);
  adw_window_set_content (ADW_WINDOW (self), toolbar);

  g_signal_connect_swapped (self->chart_row, "notify::selected", G_CALLBACK (on_changed), self);
  g_signal_connect_swapped (self->format_row, "notify::selected", G_CALLBACK (on_changed), self);
  g_signal_connect_swapped (self->size_row, "notify::selected", G_CALLBACK (on_changed), self);
  g_signal_connect_swapped (self->scale_row, "notify::selected", G_CALLBACK (on_changed), self);
  g_signal_connect (self->width_row, "value-changed", G_CALLBACK (on_size_value), self);
  g_signal_connect (self->height_row, "value-changed", G_CALLBACK (on_size_value), self);
  g_signal_connect_swapped (self->title_row, "changed", G_CALLBACK (on_changed), self);
  g_signal_connect_swapped (self->subtitle_row, "changed", G_CALLBACK (on_changed), self);
  g_signal_connect_swapped (self->source_row, "changed", G_CALLBACK (on_changed), self);
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

GdkPaintable *
lgr_export_dialog_get_preview (LgrExportDialog *self)
{
  return gtk_picture_get_paintable (GTK_PICTURE (self->preview));
}
