/* lgr-file-chooser.c: open and save dialogs (GtkFileChooserNative: the GTK 4.8 API, portals
 * included; GtkFileDialog is 4.10 and above the version the build allows). */
#include <glib/gi18n.h>

#include "lgr-file-chooser.h"

typedef struct
{
  GObject *owner;
  GSettings *settings;
  LgrFileChosenFunc func;
  gboolean save;
} Chooser;

static void
chosen (Chooser *chooser, GFile *file)
{
  if (file != NULL)
    {
      g_autoptr (GFile) parent = g_file_get_parent (file);
      g_autofree char *path = parent ? g_file_get_path (parent) : NULL;
      if (path && chooser->settings)
        g_settings_set_string (chooser->settings, "last-folder", path);
      chooser->func (chooser->owner, file);
    }
  g_object_unref (chooser->owner);
  g_clear_object (&chooser->settings);
  g_free (chooser);
}

static void
on_native_response (GtkNativeDialog *native, int response, gpointer data)
{
  Chooser *chooser = data;
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  chosen (chooser, file);
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

void
lgr_choose_file (GtkWindow *parent, GSettings *settings, gboolean save, const char *title,
                 const char *suggested_name, const char *filter_name, const char *pattern,
                 GObject *owner, LgrFileChosenFunc func)
{
  g_autofree char *folder_path = settings ? g_settings_get_string (settings, "last-folder") : NULL;
  g_autoptr (GFile) folder = folder_path && *folder_path ? g_file_new_for_path (folder_path) : NULL;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  Chooser *chooser = g_new0 (Chooser, 1);

  chooser->owner = g_object_ref (owner);
  chooser->settings = settings ? g_object_ref (settings) : NULL;
  chooser->func = func;
  chooser->save = save;
  gtk_file_filter_set_name (filter, filter_name);
  gtk_file_filter_add_pattern (filter, pattern);

  {
    GtkFileChooserNative *native = gtk_file_chooser_native_new (
        title, parent, save ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_OPEN,
        save ? _ ("_Save") : _ ("_Open"), _ ("_Cancel"));
    gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
    if (folder)
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
    if (save && suggested_name)
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested_name);
    g_signal_connect (native, "response", G_CALLBACK (on_native_response), chooser);
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
  }
}
