/* lgr-scenario-sidebar.c: scenarios and the selected scenario's editors
 * (ui/lgr-scenario-sidebar.ui).
 *
 * Values are shown as the document changes: the lever and item rows follow the document
 * themselves, the sidebar updates the scenario list, the authorities and the settings in place.
 * When the rows needed change (a lever, item, authority or scenario added or removed, a lever
 * moved to another group, an item entered another way), the rows are rebuilt from the main
 * loop, never while a widget's own handler is running; the rows that remain are reused. */
#include <glib/gi18n.h>

#include "lgr-chart-view.h"
#include "lgr-format.h"
#include "lgr-item-row.h"
#include "lgr-note-row.h"
#include "lgr-number-row.h"
#include "lgr-row-helpers.h"
#include "lgr-rules.h"
#include "lgr-scenario-sidebar.h"
#include "lgr-study-edits.h"

enum
{
  SETTING_FIRST_YEAR,
  SETTING_YEARS,
  SETTING_VESTING_YEAR,
  SETTING_DISCOUNT_RATE,
  SETTING_WEEKS,
  SETTING_BENEFIT_REALISATION,
  SETTING_COST_CONTINGENCY,
  SETTING_DEFAULT_RANGE,
  N_SETTINGS
};

struct _LgrScenarioSidebar
{
  GtkBox parent_instance;

  LgrDocument *document;
  char *selected;

  /* Template children */
  GtkWidget *scenario_list;
  GtkWidget *editors;
  GtkWidget *authorities_group;
  GtkWidget *lever_groups;
  GtkWidget *add_lever_group;
  GtkWidget *items_group;
  GtkWidget *title_row;
  GtkWidget *avoidance_switch;
  GtkWidget *settings[N_SETTINGS];
  GMenu *add_lever_menu;

  /* What the rows were built for; when one differs, the rows are rebuilt. */
  char *list_key;
  char *authorities_key;
  char *rows_key;
  char *menu_key;
  char *rows_scenario; /* the scenario of the lever and item rows */
  char *shown_title;
  guint rebuild_id;

  GHashTable *lever_rows;        /* lever id -> LgrLeverRow* (a reference) */
  GHashTable *item_rows;         /* item id -> LgrItemRow* (a reference) */
  GHashTable *authority_editors; /* authority id -> AdwExpanderRow* */
};

G_DEFINE_FINAL_TYPE (LgrScenarioSidebar, lgr_scenario_sidebar, GTK_TYPE_BOX)

enum
{
  PROP_0,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void rebuild (LgrScenarioSidebar *self);
static void sync_values (LgrScenarioSidebar *self);

static const LgrScenario *
selected_scenario (LgrScenarioSidebar *self)
{
  if (self->document == NULL || self->selected == NULL)
    return NULL;
  return lgr_study_find_scenario (lgr_document_get_study (self->document), self->selected);
}

/* The group a lever's row is in: its authority, and its service if it has one. */
static char *
group_title (const LgrScenario *scenario, const LgrLever *lever)
{
  const LgrAuthority *authority = lgr_scenario_find_authority (scenario, lever->authority_id);
  const char *name = authority ? authority->name : lever->authority_id;
  return lever->service ? g_strdup_printf ("%s · %s", name, lever->service) : g_strdup (name);
}

static char *
list_key (LgrScenarioSidebar *self)
{
  const LgrStudy *study = lgr_document_get_study (self->document);
  GString *key = g_string_new (NULL);

  for (guint i = 0; i < study->scenarios->len; i++)
    g_string_append_printf (key, "%s;",
                            ((LgrScenario *)g_ptr_array_index (study->scenarios, i))->id);
  return g_string_free (key, FALSE);
}

/* The authorities' editors the selected scenario needs. */
static char *
authorities_key (const LgrScenario *scenario)
{
  GString *key = g_string_new (NULL);

  if (scenario == NULL)
    return g_string_free (key, FALSE);
  g_string_append_printf (key, "%s|", scenario->id);
  for (guint i = 0; i < scenario->authorities->len; i++)
    g_string_append_printf (key, "%s;",
                            ((LgrAuthority *)g_ptr_array_index (scenario->authorities, i))->id);
  return g_string_free (key, FALSE);
}

/* The rows the selected scenario needs: its levers in their groups, its items as each is
 * entered. */
static char *
rows_key (LgrScenarioSidebar *self)
{
  const LgrStudy *study = lgr_document_get_study (self->document);
  const LgrScenario *scenario = selected_scenario (self);
  GString *key = g_string_new (NULL);

  if (scenario == NULL)
    return g_string_free (key, FALSE);
  g_string_append_printf (key, "%s|", scenario->id);
  for (guint i = 0; i < scenario->levers->len; i++)
    {
      const LgrLever *lever = g_ptr_array_index (scenario->levers, i);
      g_autofree char *title = group_title (scenario, lever);
      g_string_append_printf (key, "l:%s=%s;", lever->id, title);
    }
  for (guint i = 0; i < scenario->items->len; i++)
    {
      const LgrItem *item = g_ptr_array_index (scenario->items, i);
      g_autofree char *item_key = lgr_item_row_structure_key (item, study);
      g_string_append_printf (key, "i:%s=%s;", item->id, item_key);
    }
  return g_string_free (key, FALSE);
}

static char *
menu_key (const LgrScenario *scenario)
{
  GString *key = g_string_new (NULL);
  for (guint i = 0; scenario && i < scenario->authorities->len; i++)
    {
      const LgrAuthority *a = g_ptr_array_index (scenario->authorities, i);
      g_string_append_printf (key, "%s=%s;", a->id, a->name);
    }
  return g_string_free (key, FALSE);
}

static gboolean
rebuild_now (gpointer data)
{
  LgrScenarioSidebar *self = data;
  self->rebuild_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

/* Runs a rebuild that is waiting for the main loop now (for callers outside the rows). */
static void
flush (LgrScenarioSidebar *self)
{
  if (self->rebuild_id != 0)
    rebuild (self);
}

static void
on_document_changed (LgrDocument *document, LgrScenarioSidebar *self)
{
  g_autofree char *list = NULL;
  g_autofree char *authorities = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *menu = NULL;

  if (selected_scenario (self) == NULL)
    {
      const LgrStudy *study = lgr_document_get_study (document);
      g_free (self->selected);
      self->selected = g_strdup (((LgrScenario *)g_ptr_array_index (study->scenarios, 0))->id);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
    }
  list = list_key (self);
  authorities = authorities_key (selected_scenario (self));
  rows = rows_key (self);
  menu = menu_key (selected_scenario (self));
  if ((g_strcmp0 (list, self->list_key) != 0 || g_strcmp0 (authorities, self->authorities_key) != 0
       || g_strcmp0 (rows, self->rows_key) != 0 || g_strcmp0 (menu, self->menu_key) != 0)
      && self->rebuild_id == 0)
    /* Before the next frame is drawn, after the handlers on the stack have returned. */
    self->rebuild_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, rebuild_now, self, NULL);
  sync_values (self);
}

/* Scenario list */

static void
set_swatch_colour (GtkWidget *swatch, const char *colour)
{
  GtkCssProvider *provider = g_object_get_data (G_OBJECT (swatch), "lgr-provider");
  g_autofree char *css = NULL;

  if (g_strcmp0 (g_object_get_data (G_OBJECT (swatch), "lgr-colour"), colour) == 0)
    return;
  css = g_strdup_printf (".lgr-swatch { background-color: %s; }", colour);
  gtk_css_provider_load_from_data (provider, css, -1);
  g_object_set_data_full (G_OBJECT (swatch), "lgr-colour", g_strdup (colour), g_free);
}

static void
on_colour_set (GtkColorButton *button, LgrScenarioSidebar *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "lgr-scenario");
  g_autoptr (GError) error = NULL;
  g_autofree char *colour = NULL;
  GdkRGBA rgba;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  G_GNUC_END_IGNORE_DEPRECATIONS
  colour = g_strdup_printf ("#%02x%02x%02x", (int)(rgba.red * 255 + 0.5),
                            (int)(rgba.green * 255 + 0.5), (int)(rgba.blue * 255 + 0.5));
  if (!lgr_document_set_scenario_colour (self->document, id, colour, &error))
    g_warning ("%s", error->message);
}

static void
on_row_selected (GtkListBox *box, GtkListBoxRow *row, LgrScenarioSidebar *self)
{
  const char *id = row ? g_object_get_data (G_OBJECT (row), "lgr-scenario") : NULL;

  /* A row selected by the code shows the selection in force: nothing to do. */
  if (id == NULL || g_strcmp0 (id, self->selected) == 0)
    return;
  lgr_scenario_sidebar_select (self, id);
}

static void
fill_scenario_list (LgrScenarioSidebar *self)
{
  const LgrStudy *study = lgr_document_get_study (self->document);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->scenario_list)))
    gtk_list_box_remove (GTK_LIST_BOX (self->scenario_list), child);
  for (guint i = 0; i < study->scenarios->len; i++)
    {
      const LgrScenario *scenario = g_ptr_array_index (study->scenarios, i);
      g_autoptr (GtkBuilder) builder
          = gtk_builder_new_from_resource ("/io/github/lgrexplorer/Explorer/lgr-scenario-row.ui");
      GObject *row = gtk_builder_get_object (builder, "row");
      GObject *swatch = gtk_builder_get_object (builder, "swatch");
      GObject *button = gtk_builder_get_object (builder, "button");
      GtkCssProvider *provider = gtk_css_provider_new ();

      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      gtk_style_context_add_provider (gtk_widget_get_style_context (GTK_WIDGET (swatch)),
                                      GTK_STYLE_PROVIDER (provider),
                                      GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      G_GNUC_END_IGNORE_DEPRECATIONS
      g_object_set_data_full (swatch, "lgr-provider", provider, g_object_unref);
      g_object_set_data_full (button, "lgr-scenario", g_strdup (scenario->id), g_free);
      g_signal_connect_object (button, "color-set", G_CALLBACK (on_colour_set), self, 0);
      g_object_set_data (row, "lgr-swatch", swatch);
      g_object_set_data (row, "lgr-button", button);
      g_object_set_data_full (row, "lgr-scenario", g_strdup (scenario->id), g_free);
      gtk_list_box_append (GTK_LIST_BOX (self->scenario_list), GTK_WIDGET (row));
    }
}

/* Names and colours of the scenarios, and the selection, in place. */
static void
sync_scenario_list (LgrScenarioSidebar *self)
{
  const LgrStudy *study = lgr_document_get_study (self->document);
  const LgrResults *results = lgr_document_get_results (self->document);
  GtkWidget *row = gtk_widget_get_first_child (self->scenario_list);

  for (guint i = 0; i < study->scenarios->len && row; i++, row = gtk_widget_get_next_sibling (row))
    {
      const LgrScenario *scenario = g_ptr_array_index (study->scenarios, i);
      GtkWidget *swatch = g_object_get_data (G_OBJECT (row), "lgr-swatch");
      GtkWidget *button = g_object_get_data (G_OBJECT (row), "lgr-button");
      g_autofree char *colour = lgr_chart_view_scenario_colour (results, i);

      lgr_row_set_title (ADW_PREFERENCES_ROW (row), scenario->name);
      if (g_strcmp0 (g_object_get_data (G_OBJECT (swatch), "lgr-colour"), colour) != 0)
        {
          GdkRGBA rgba;
          set_swatch_colour (swatch, colour);
          gdk_rgba_parse (&rgba, colour);
          G_GNUC_BEGIN_IGNORE_DEPRECATIONS
          gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (button), &rgba);
          G_GNUC_END_IGNORE_DEPRECATIONS
        }
      /* Dashed ring: the app chose this colour; the file names none. */
      if ((scenario->colour == NULL) != gtk_widget_has_css_class (swatch, "lgr-swatch-auto"))
        {
          if (scenario->colour == NULL)
            gtk_widget_add_css_class (swatch, "lgr-swatch-auto");
          else
            gtk_widget_remove_css_class (swatch, "lgr-swatch-auto");
        }
      if (g_strcmp0 (scenario->id, self->selected) == 0
          && gtk_list_box_get_selected_row (GTK_LIST_BOX (self->scenario_list))
                 != GTK_LIST_BOX_ROW (row))
        gtk_list_box_select_row (GTK_LIST_BOX (self->scenario_list), GTK_LIST_BOX_ROW (row));
    }
}

/* Authorities */

static void
on_authority_changed (LgrNumberRow *row, double value, gboolean dragging, LgrScenarioSidebar *self)
{
  const char *id = g_object_get_data (G_OBJECT (row), "lgr-authority");
  int field = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "lgr-field"));
  const LgrScenario *scenario = selected_scenario (self);
  const LgrAuthority *current = scenario ? lgr_scenario_find_authority (scenario, id) : NULL;
  g_autoptr (LgrAuthority) authority = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *merge_key = NULL;

  if (current == NULL || value == (field == 0 ? current->population : current->child_population))
    return;
  authority = lgr_authority_copy (current);
  if (field == 0)
    authority->population = value;
  else
    authority->child_population = value;
  if (dragging)
    merge_key = g_strdup_printf ("authority/%s/%s/%d", scenario->id, id, field);
  if (!lgr_document_set_authority (self->document, scenario->id, authority, merge_key, &error))
    lgr_number_row_set_error (row, error->message);
}

/* An authority's name and removal: a refusal is shown on its row (the expander's subtitle and
 * the editor), with the reason. */
static void
show_authority_refusal (LgrScenarioSidebar *self, const char *id, GtkWidget *editor,
                        const char *message)
{
  GtkWidget *expander = g_hash_table_lookup (self->authority_editors, id);
  if (expander == NULL)
    return;
  g_object_set_data_full (G_OBJECT (expander), "lgr-error", g_strdup (message), g_free);
  lgr_row_set_expander_subtitle (ADW_EXPANDER_ROW (expander), message);
  gtk_widget_add_css_class (editor, "error");
  lgr_row_set_tooltip (editor, message);
}

static void
on_authority_name_apply (AdwEntryRow *row, LgrScenarioSidebar *self)
{
  const char *id = g_object_get_data (G_OBJECT (row), "lgr-authority");
  const LgrScenario *scenario = selected_scenario (self);
  const LgrAuthority *current = scenario ? lgr_scenario_find_authority (scenario, id) : NULL;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr (LgrAuthority) authority = NULL;
  g_autoptr (GError) error = NULL;

  if (current == NULL || g_strcmp0 (name, current->name) == 0)
    return;
  authority = lgr_authority_copy (current);
  g_free (authority->name);
  authority->name = g_steal_pointer (&name);
  if (!lgr_document_set_authority (self->document, scenario->id, authority, NULL, &error))
    show_authority_refusal (self, id, GTK_WIDGET (row), error->message);
}

static void
on_authority_remove (GtkButton *button, LgrScenarioSidebar *self)
{
  g_autofree char *id = g_strdup (g_object_get_data (G_OBJECT (button), "lgr-authority"));
  const LgrScenario *scenario = selected_scenario (self);
  g_autoptr (GError) error = NULL;

  if (scenario == NULL)
    return;
  if (!lgr_document_remove_authority (self->document, scenario->id, id, &error))
    show_authority_refusal (self, id, GTK_WIDGET (button), error->message);
}

static void
on_add_authority (GtkButton *button, LgrScenarioSidebar *self)
{
  const LgrScenario *scenario = selected_scenario (self);
  g_autoptr (GError) error = NULL;
  g_autofree char *id = NULL;
  GtkWidget *expander;

  if (scenario == NULL)
    return;
  if (!lgr_document_add_authority (self->document, scenario->id, _ ("New authority"), &id, &error))
    {
      g_warning ("%s", error->message);
      return;
    }
  flush (self); /* the button is not among the rows rebuilt */
  expander = g_hash_table_lookup (self->authority_editors, id);
  if (expander)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
}

/* An authority's editors (ui/lgr-authority-editor.ui): name, populations, source, removal.
 * Returns a reference. */
static GtkWidget *
new_authority_editor (LgrScenarioSidebar *self, const LgrAuthority *authority)
{
  g_autoptr (GtkBuilder) builder
      = gtk_builder_new_from_resource ("/io/github/lgrexplorer/Explorer/lgr-authority-editor.ui");
  GtkWidget *expander = GTK_WIDGET (gtk_builder_get_object (builder, "expander"));
  GObject *name_row = gtk_builder_get_object (builder, "name_row");
  GObject *remove = gtk_builder_get_object (builder, "remove");
  const char *const rows[] = { "population", "children" };

  gtk_editable_set_text (GTK_EDITABLE (name_row), authority->name);
  g_object_set_data_full (name_row, "lgr-authority", g_strdup (authority->id), g_free);
  g_signal_connect_object (name_row, "apply", G_CALLBACK (on_authority_name_apply), self, 0);
  g_signal_connect_object (name_row, "entry-activated", G_CALLBACK (on_authority_name_apply), self,
                           0);
  for (int f = 0; f < 2; f++)
    {
      GObject *row = gtk_builder_get_object (builder, rows[f]);
      g_object_set_data_full (row, "lgr-authority", g_strdup (authority->id), g_free);
      g_object_set_data (row, "lgr-field", GINT_TO_POINTER (f));
      g_signal_connect_object (row, "value-changed", G_CALLBACK (on_authority_changed), self, 0);
      g_object_set_data (G_OBJECT (expander), f == 0 ? "lgr-population" : "lgr-children", row);
    }
  lgr_note_row_set_target (LGR_NOTE_ROW (gtk_builder_get_object (builder, "source_row")),
                           self->document, self->selected, authority->id);
  g_object_set_data_full (remove, "lgr-authority", g_strdup (authority->id), g_free);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_authority_remove), self, 0);
  g_object_set_data (G_OBJECT (expander), "lgr-name-row", name_row);
  g_object_set_data (G_OBJECT (expander), "lgr-remove-button", remove);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), authority->name);
  return g_object_ref (expander); /* the builder's goes with it */
}

static void
fill_authorities (LgrScenarioSidebar *self, const LgrScenario *scenario)
{
  GHashTableIter iter;
  gpointer expander;

  g_hash_table_iter_init (&iter, self->authority_editors);
  while (g_hash_table_iter_next (&iter, NULL, &expander))
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->authorities_group), expander);
  g_hash_table_remove_all (self->authority_editors);
  for (guint i = 0; scenario && i < scenario->authorities->len; i++)
    {
      const LgrAuthority *authority = g_ptr_array_index (scenario->authorities, i);
      GtkWidget *editor = new_authority_editor (self, authority);
      g_hash_table_insert (self->authority_editors, g_strdup (authority->id), editor);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->authorities_group), editor);
      g_object_unref (editor);
    }
}

static void
sync_authorities (LgrScenarioSidebar *self, const LgrScenario *scenario)
{
  for (guint i = 0; scenario && i < scenario->authorities->len; i++)
    {
      const LgrAuthority *authority = g_ptr_array_index (scenario->authorities, i);
      GtkWidget *expander = g_hash_table_lookup (self->authority_editors, authority->id);
      GtkWidget *name_row;

      if (expander == NULL)
        continue;
      name_row = g_object_get_data (G_OBJECT (expander), "lgr-name-row");
      if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (expander)),
                     authority->name)
          != 0)
        {
          /* Renamed: a refusal shown before no longer applies. */
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), authority->name);
          lgr_row_set_editable_text (name_row, authority->name);
          g_object_set_data (G_OBJECT (expander), "lgr-error", NULL);
          lgr_row_set_expander_subtitle (ADW_EXPANDER_ROW (expander), "");
          lgr_row_clear_error (name_row);
          lgr_row_clear_error (g_object_get_data (G_OBJECT (expander), "lgr-remove-button"));
        }
      lgr_number_row_set_value (g_object_get_data (G_OBJECT (expander), "lgr-population"),
                                authority->population);
      lgr_number_row_set_value (g_object_get_data (G_OBJECT (expander), "lgr-children"),
                                authority->child_population);
    }
}

static void
fill_add_lever_menu (LgrScenarioSidebar *self, const LgrScenario *scenario)
{
  g_menu_remove_all (self->add_lever_menu);
  for (guint i = 0; scenario && i < scenario->authorities->len; i++)
    {
      const LgrAuthority *authority = g_ptr_array_index (scenario->authorities, i);
      g_autoptr (GMenu) section = g_menu_new ();
      for (int t = 0; t < LGR_N_LEVER_TEMPLATES; t++)
        {
          g_autoptr (GMenuItem) item = g_menu_item_new (lgr_lever_template_title (t), NULL);
          g_menu_item_set_action_and_target_value (
              item, "win.add-lever-from-template",
              g_variant_new ("(ss)", authority->id, lgr_lever_template_to_string (t)));
          g_menu_append_item (section, item);
        }
      g_menu_append_section (self->add_lever_menu, authority->name, G_MENU_MODEL (section));
    }
}

static void
on_edit_finished (LgrNumberRow *row, LgrScenarioSidebar *self)
{
  lgr_document_end_merge (self->document);
}

/* Settings */

/* Where each setting is in a study, and whether it is a whole number (a year). */
static const struct
{
  gsize offset;
  gboolean year;
} setting_fields[N_SETTINGS] = {
  [SETTING_FIRST_YEAR] = { G_STRUCT_OFFSET (LgrStudy, first_year), TRUE },
  [SETTING_YEARS] = { G_STRUCT_OFFSET (LgrStudy, years), TRUE },
  [SETTING_VESTING_YEAR] = { G_STRUCT_OFFSET (LgrStudy, vesting_year), TRUE },
  [SETTING_DISCOUNT_RATE] = { G_STRUCT_OFFSET (LgrStudy, discount_rate), FALSE },
  [SETTING_WEEKS] = { G_STRUCT_OFFSET (LgrStudy, weeks_per_year), FALSE },
  [SETTING_BENEFIT_REALISATION] = { G_STRUCT_OFFSET (LgrStudy, benefit_realisation), FALSE },
  [SETTING_COST_CONTINGENCY] = { G_STRUCT_OFFSET (LgrStudy, cost_contingency), FALSE },
  [SETTING_DEFAULT_RANGE] = { G_STRUCT_OFFSET (LgrStudy, default_range), FALSE },
};

static double
setting_value (const LgrStudy *study, int field)
{
  const void *p = G_STRUCT_MEMBER_P (study, setting_fields[field].offset);
  return setting_fields[field].year ? *(const int *)p : *(const double *)p;
}

static void
on_setting_changed (LgrNumberRow *row, double value, gboolean dragging, LgrScenarioSidebar *self)
{
  const LgrStudy *study = lgr_document_get_study (self->document);
  g_autoptr (LgrStudy) settings = NULL;
  g_autoptr (GError) error = NULL;
  int field = 0;

  while (field < N_SETTINGS && self->settings[field] != GTK_WIDGET (row))
    field++;
  if (field == N_SETTINGS || value == setting_value (study, field))
    return;
  settings = lgr_study_new (study->title, 0, 0, 0);
  lgr_study_set_settings (settings, study); /* every setting, so a new one cannot be missed */
  if (setting_fields[field].year && value != (int)value)
    {
      lgr_number_row_set_error (row, _ ("a year is a whole number"));
      return;
    }
  if (setting_fields[field].year)
    G_STRUCT_MEMBER (int, settings, setting_fields[field].offset) = (int)value;
  else
    G_STRUCT_MEMBER (double, settings, setting_fields[field].offset) = value;
  if (!lgr_document_set_study_settings (self->document, settings, dragging ? "settings" : NULL,
                                        &error))
    lgr_number_row_set_error (row, error->message);
}

static void
apply_title_and_avoidance (LgrScenarioSidebar *self, const char *title, gboolean avoidance)
{
  const LgrStudy *study = lgr_document_get_study (self->document);
  g_autoptr (LgrStudy) settings = lgr_study_copy (study);
  g_autoptr (GError) error = NULL;

  g_free (settings->title);
  settings->title = g_strdup (title);
  settings->count_avoidance = avoidance;
  if (!lgr_document_set_study_settings (self->document, settings, NULL, &error))
    {
      gtk_widget_add_css_class (self->title_row, "error");
      lgr_row_set_tooltip (self->title_row, error->message);
    }
}

static void
on_title_apply (AdwEntryRow *row, LgrScenarioSidebar *self)
{
  const LgrStudy *study = lgr_document_get_study (self->document);
  const char *title = gtk_editable_get_text (GTK_EDITABLE (row));

  if (g_strcmp0 (title, study->title) == 0)
    return;
  apply_title_and_avoidance (self, title, study->count_avoidance);
}

static void
on_avoidance (GtkSwitch *widget, GParamSpec *pspec, LgrScenarioSidebar *self)
{
  const LgrStudy *study = self->document ? lgr_document_get_study (self->document) : NULL;

  if (study == NULL || gtk_switch_get_active (widget) == study->count_avoidance)
    return;
  apply_title_and_avoidance (self, study->title, gtk_switch_get_active (widget));
}

/* Levers and items */

/* The lever rows in their groups and the item rows, in the scenario's order; rows of levers
 * and items still there are moved, not made again. */
static void
fill_levers_and_items (LgrScenarioSidebar *self, const LgrScenario *scenario)
{
  const LgrStudy *study = lgr_document_get_study (self->document);
  g_autoptr (GHashTable) levers
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_autoptr (GHashTable) items
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  GHashTableIter iter;
  gpointer key, row;
  GtkWidget *child, *group = NULL;
  g_autofree char *last_group = NULL;
  gboolean same = scenario && g_strcmp0 (scenario->id, self->rows_scenario) == 0;

  /* Take the rows out; those of the same scenario may be used again. */
  g_hash_table_iter_init (&iter, self->lever_rows);
  while (g_hash_table_iter_next (&iter, &key, &row))
    {
      GtkWidget *parent_group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);
      if (parent_group)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (parent_group), row);
      if (same && lgr_scenario_find_lever (scenario, key))
        g_hash_table_insert (levers, g_strdup (key), g_object_ref (row));
    }
  g_hash_table_remove_all (self->lever_rows);
  while ((child = gtk_widget_get_first_child (self->lever_groups)))
    gtk_box_remove (GTK_BOX (self->lever_groups), child);
  g_hash_table_iter_init (&iter, self->item_rows);
  while (g_hash_table_iter_next (&iter, &key, &row))
    {
      const LgrItem *item = same ? lgr_scenario_find_item (scenario, key) : NULL;
      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->items_group), row);
      if (item && lgr_item_row_has_structure (row, item, study))
        g_hash_table_insert (items, g_strdup (key), g_object_ref (row));
    }
  g_hash_table_remove_all (self->item_rows);
  g_free (self->rows_scenario);
  self->rows_scenario = g_strdup (scenario ? scenario->id : NULL);
  if (scenario == NULL)
    return;

  for (guint i = 0; i < scenario->levers->len; i++)
    {
      const LgrLever *lever = g_ptr_array_index (scenario->levers, i);
      g_autofree char *title = group_title (scenario, lever);
      GtkWidget *lever_row = g_hash_table_lookup (levers, lever->id);

      if (group == NULL || g_strcmp0 (title, last_group) != 0)
        {
          group = adw_preferences_group_new ();
          lgr_row_set_group_title (ADW_PREFERENCES_GROUP (group), title);
          gtk_box_append (GTK_BOX (self->lever_groups), group);
          g_free (last_group);
          last_group = g_strdup (title);
        }
      if (lever_row == NULL)
        lever_row = lgr_lever_row_new (self->document, scenario->id, lever->id, FALSE);
      g_hash_table_insert (self->lever_rows, g_strdup (lever->id), g_object_ref_sink (lever_row));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), lever_row);
    }
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->add_lever_group),
                                   scenario->levers->len ? NULL : _ ("Levers"));
  adw_preferences_group_set_description (
      ADW_PREFERENCES_GROUP (self->add_lever_group),
      scenario->levers->len ? NULL : _ ("This scenario has no levers yet."));

  for (guint i = 0; i < scenario->items->len; i++)
    {
      const LgrItem *item = g_ptr_array_index (scenario->items, i);
      GtkWidget *item_row = g_hash_table_lookup (items, item->id);
      if (item_row == NULL)
        item_row = lgr_item_row_new (self->document, scenario->id, item->id);
      g_hash_table_insert (self->item_rows, g_strdup (item->id), g_object_ref_sink (item_row));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->items_group), item_row);
    }
}

static void
rebuild (LgrScenarioSidebar *self)
{
  const LgrScenario *scenario = selected_scenario (self);
  g_autofree char *list = list_key (self);
  g_autofree char *authorities = authorities_key (scenario);
  g_autofree char *rows = rows_key (self);
  g_autofree char *menu = menu_key (scenario);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (g_strcmp0 (list, self->list_key) != 0)
    {
      fill_scenario_list (self);
      g_free (self->list_key);
      self->list_key = g_steal_pointer (&list);
    }
  if (g_strcmp0 (authorities, self->authorities_key) != 0)
    {
      fill_authorities (self, scenario);
      g_free (self->authorities_key);
      self->authorities_key = g_steal_pointer (&authorities);
    }
  if (g_strcmp0 (rows, self->rows_key) != 0)
    {
      fill_levers_and_items (self, scenario);
      g_free (self->rows_key);
      self->rows_key = g_steal_pointer (&rows);
    }
  if (g_strcmp0 (menu, self->menu_key) != 0)
    {
      fill_add_lever_menu (self, scenario);
      g_free (self->menu_key);
      self->menu_key = g_steal_pointer (&menu);
    }
  gtk_widget_set_visible (self->editors, scenario != NULL);
  sync_values (self);
}

/* The values the sidebar shows itself (the rows show theirs). */
static void
sync_values (LgrScenarioSidebar *self)
{
  const LgrStudy *study = lgr_document_get_study (self->document);

  if (self->rebuild_id == 0) /* else the rows may be stale: the rebuild syncs them */
    sync_scenario_list (self);
  sync_authorities (self, selected_scenario (self));
  for (int i = 0; i < N_SETTINGS; i++)
    {
      LgrNumberRow *row = LGR_NUMBER_ROW (self->settings[i]);
      double value = setting_value (study, i);
      lgr_number_row_set_value (row, value);
      if (i == SETTING_VESTING_YEAR || i == SETTING_FIRST_YEAR)
        {
          g_autofree char *year = lgr_format_financial_year ((int)value);
          lgr_number_row_set_info (row, year);
        }
    }
  if (g_strcmp0 (self->shown_title, study->title) != 0)
    {
      g_free (self->shown_title);
      self->shown_title = g_strdup (study->title);
      lgr_row_set_editable_text (self->title_row, study->title);
      lgr_row_clear_error (self->title_row);
    }
  if (gtk_switch_get_active (GTK_SWITCH (self->avoidance_switch)) != study->count_avoidance)
    gtk_switch_set_active (GTK_SWITCH (self->avoidance_switch), study->count_avoidance);
}

static void
lgr_scenario_sidebar_dispose (GObject *object)
{
  LgrScenarioSidebar *self = LGR_SCENARIO_SIDEBAR (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_hash_table_remove_all (self->lever_rows);
  g_hash_table_remove_all (self->item_rows);
  g_hash_table_remove_all (self->authority_editors);
  gtk_widget_dispose_template (GTK_WIDGET (self), LGR_TYPE_SCENARIO_SIDEBAR);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (lgr_scenario_sidebar_parent_class)->dispose (object);
}

static void
lgr_scenario_sidebar_finalize (GObject *object)
{
  LgrScenarioSidebar *self = LGR_SCENARIO_SIDEBAR (object);
  g_free (self->selected);
  g_free (self->list_key);
  g_free (self->authorities_key);
  g_free (self->rows_key);
  g_free (self->menu_key);
  g_free (self->rows_scenario);
  g_free (self->shown_title);
  g_hash_table_unref (self->lever_rows);
  g_hash_table_unref (self->item_rows);
  g_hash_table_unref (self->authority_editors);
  G_OBJECT_CLASS (lgr_scenario_sidebar_parent_class)->finalize (object);
}

static void
lgr_scenario_sidebar_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  LgrScenarioSidebar *self = LGR_SCENARIO_SIDEBAR (object);
  switch (prop_id)
    {
    case PROP_SELECTED:
      g_value_set_string (value, self->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lgr_scenario_sidebar_class_init (LgrScenarioSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const char *const setting_ids[N_SETTINGS] = {
    [SETTING_FIRST_YEAR] = "first_year_row",
    [SETTING_YEARS] = "years_row",
    [SETTING_VESTING_YEAR] = "vesting_year_row",
    [SETTING_DISCOUNT_RATE] = "discount_rate_row",
    [SETTING_WEEKS] = "weeks_row",
    [SETTING_BENEFIT_REALISATION] = "benefit_realisation_row",
    [SETTING_COST_CONTINGENCY] = "cost_contingency_row",
    [SETTING_DEFAULT_RANGE] = "default_range_row",
  };

  object_class->dispose = lgr_scenario_sidebar_dispose;
  object_class->finalize = lgr_scenario_sidebar_finalize;
  object_class->get_property = lgr_scenario_sidebar_get_property;

  properties[PROP_SELECTED] = g_param_spec_string ("selected", NULL, NULL, NULL,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_css_name (widget_class, "lgrsidebar");

  g_type_ensure (LGR_TYPE_NUMBER_ROW);
  g_type_ensure (LGR_TYPE_NOTE_ROW);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/lgrexplorer/Explorer/lgr-scenario-sidebar.ui");
  for (int i = 0; i < N_SETTINGS; i++)
    gtk_widget_class_bind_template_child_full (widget_class, setting_ids[i], FALSE,
                                               G_STRUCT_OFFSET (LgrScenarioSidebar, settings)
                                                   + i * sizeof (GtkWidget *));
  gtk_widget_class_bind_template_child (widget_class, LgrScenarioSidebar, scenario_list);
  gtk_widget_class_bind_template_child (widget_class, LgrScenarioSidebar, editors);
  gtk_widget_class_bind_template_child (widget_class, LgrScenarioSidebar, authorities_group);
  gtk_widget_class_bind_template_child (widget_class, LgrScenarioSidebar, lever_groups);
  gtk_widget_class_bind_template_child (widget_class, LgrScenarioSidebar, add_lever_group);
  gtk_widget_class_bind_template_child (widget_class, LgrScenarioSidebar, items_group);
  gtk_widget_class_bind_template_child (widget_class, LgrScenarioSidebar, title_row);
  gtk_widget_class_bind_template_child (widget_class, LgrScenarioSidebar, avoidance_switch);
  gtk_widget_class_bind_template_child (widget_class, LgrScenarioSidebar, add_lever_menu);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_add_authority);
  gtk_widget_class_bind_template_callback (widget_class, on_setting_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_edit_finished);
  gtk_widget_class_bind_template_callback (widget_class, on_title_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_avoidance);
}

static void
lgr_scenario_sidebar_init (LgrScenarioSidebar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->lever_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->item_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->authority_editors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

GtkWidget *
lgr_scenario_sidebar_new (void)
{
  return g_object_new (LGR_TYPE_SCENARIO_SIDEBAR, NULL);
}

void
lgr_scenario_sidebar_set_document (LgrScenarioSidebar *self, LgrDocument *document)
{
  g_return_if_fail (LGR_IS_SCENARIO_SIDEBAR (self));
  g_return_if_fail (LGR_IS_DOCUMENT (document));

  if (self->document)
    g_signal_handlers_disconnect_by_func (self->document, on_document_changed, self);
  g_set_object (&self->document, document);
  g_signal_connect_object (document, "changed", G_CALLBACK (on_document_changed), self, 0);
  g_clear_pointer (&self->list_key, g_free);
  g_clear_pointer (&self->authorities_key, g_free);
  g_clear_pointer (&self->rows_key, g_free);
  g_clear_pointer (&self->menu_key, g_free);
  g_clear_pointer (&self->shown_title, g_free);
  g_clear_pointer (&self->selected, g_free);
  /* Rows of the previous document go. */
  fill_levers_and_items (self, NULL);
  lgr_note_row_set_document_below (GTK_WIDGET (self), document);
  on_document_changed (document, self);
  rebuild (self);
}

const char *
lgr_scenario_sidebar_get_selected (LgrScenarioSidebar *self)
{
  g_return_val_if_fail (LGR_IS_SCENARIO_SIDEBAR (self), NULL);
  return self->selected;
}

void
lgr_scenario_sidebar_select (LgrScenarioSidebar *self, const char *scenario_id)
{
  g_return_if_fail (LGR_IS_SCENARIO_SIDEBAR (self));

  if (g_strcmp0 (scenario_id, self->selected) == 0 || self->document == NULL
      || lgr_study_find_scenario (lgr_document_get_study (self->document), scenario_id) == NULL)
    return;
  g_free (self->selected);
  self->selected = g_strdup (scenario_id);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

LgrLeverRow *
lgr_scenario_sidebar_find_lever_row (LgrScenarioSidebar *self, const char *lever_id)
{
  g_return_val_if_fail (LGR_IS_SCENARIO_SIDEBAR (self), NULL);
  flush (self);
  return g_hash_table_lookup (self->lever_rows, lever_id);
}

GtkWidget *
lgr_scenario_sidebar_find_item_row (LgrScenarioSidebar *self, const char *item_id)
{
  g_return_val_if_fail (LGR_IS_SCENARIO_SIDEBAR (self), NULL);
  flush (self);
  return g_hash_table_lookup (self->item_rows, item_id);
}

static GtkWidget *
authority_editor (LgrScenarioSidebar *self, const char *authority_id)
{
  flush (self);
  return g_hash_table_lookup (self->authority_editors, authority_id);
}

GtkWidget *
lgr_scenario_sidebar_get_authority_name_row (LgrScenarioSidebar *self, const char *authority_id)
{
  GtkWidget *expander;
  g_return_val_if_fail (LGR_IS_SCENARIO_SIDEBAR (self), NULL);
  expander = authority_editor (self, authority_id);
  return expander ? g_object_get_data (G_OBJECT (expander), "lgr-name-row") : NULL;
}

GtkWidget *
lgr_scenario_sidebar_get_authority_remove_button (LgrScenarioSidebar *self,
                                                  const char *authority_id)
{
  GtkWidget *expander;
  g_return_val_if_fail (LGR_IS_SCENARIO_SIDEBAR (self), NULL);
  expander = authority_editor (self, authority_id);
  return expander ? g_object_get_data (G_OBJECT (expander), "lgr-remove-button") : NULL;
}

const char *
lgr_scenario_sidebar_get_authority_error (LgrScenarioSidebar *self, const char *authority_id)
{
  GtkWidget *expander;
  g_return_val_if_fail (LGR_IS_SCENARIO_SIDEBAR (self), NULL);
  expander = authority_editor (self, authority_id);
  return expander ? g_object_get_data (G_OBJECT (expander), "lgr-error") : NULL;
}

GMenuModel *
lgr_scenario_sidebar_get_add_lever_menu (LgrScenarioSidebar *self)
{
  g_return_val_if_fail (LGR_IS_SCENARIO_SIDEBAR (self), NULL);
  flush (self);
  return G_MENU_MODEL (self->add_lever_menu);
}

const char *
lgr_scenario_sidebar_get_swatch_colour (LgrScenarioSidebar *self, const char *scenario_id)
{
  g_return_val_if_fail (LGR_IS_SCENARIO_SIDEBAR (self), NULL);
  flush (self);
  for (GtkWidget *row = gtk_widget_get_first_child (self->scenario_list); row;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "lgr-scenario"), scenario_id) == 0)
      {
        GtkWidget *swatch = g_object_get_data (G_OBJECT (row), "lgr-swatch");
        return swatch ? g_object_get_data (G_OBJECT (swatch), "lgr-colour") : NULL;
      }
  return NULL;
}
