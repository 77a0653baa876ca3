/* lgr-scenario-sidebar.c: scenarios and the selected scenario's editors. */
#include <glib/gi18n.h>

#include "lgr-chart-view.h"
#include "lgr-chart.h"
#include "lgr-format.h"
#include "lgr-item-row.h"
#include "lgr-number-row.h"
#include "lgr-rules.h"
#include "lgr-scenario-sidebar.h"

struct _LgrScenarioSidebar
{
  GtkBox parent_instance;

  LgrDocument *document;
  gulong changed_id;
  char *selected;
  char *structure;

  GtkWidget *scenario_list;
  GtkWidget *editors; /* box of the selected scenario's groups */
  GPtrArray *lever_rows;
  GPtrArray *item_rows;
  GPtrArray *authority_rows;     /* of LgrNumberRow*, "lgr-authority" + "lgr-field" */
  GPtrArray *settings_rows;      /* of LgrNumberRow*, "lgr-field" */
  GHashTable *authority_editors; /* authority id -> GtkWidget* (the expander) */
  GMenu *add_lever_menu;
  GtkWidget *title_row;
  GtkWidget *avoidance_switch;
  gboolean syncing;
};

G_DEFINE_FINAL_TYPE (LgrScenarioSidebar, lgr_scenario_sidebar, GTK_TYPE_BOX)

enum
{
  PROP_0,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SETTING_FIRST_YEAR,
  SETTING_YEARS,
  SETTING_VESTING_YEAR,
  SETTING_DISCOUNT_RATE,
  SETTING_WEEKS,
  SETTING_BENEFIT_REALISATION,
  SETTING_COST_CONTINGENCY,
};

static void rebuild (LgrScenarioSidebar *self);
static void sync_values (LgrScenarioSidebar *self);

static const LgrScenario *
selected_scenario (LgrScenarioSidebar *self)
{
  if (self->document == NULL || self->selected == NULL)
    return NULL;
  return lgr_study_find_scenario (lgr_document_get_study (self->document), self->selected);
}

/* What the rows are built from: when this changes, rebuild rather than sync. */
static char *
structure_key (LgrScenarioSidebar *self)
{
  const LgrStudy *study = lgr_document_get_study (self->document);
  const LgrScenario *scenario = selected_scenario (self);
  GString *key = g_string_new (NULL);

  g_string_append_printf (key, "%d/%d|", study->first_year, study->years);
  for (guint i = 0; i < study->scenarios->len; i++)
    {
      const LgrScenario *s = g_ptr_array_index (study->scenarios, i);
      g_string_append_printf (key, "%s=%s=%s;", s->id, s->name, s->colour ? s->colour : "");
    }
  if (scenario != NULL)
    {
      g_string_append_printf (key, "|%s|", scenario->id);
      for (guint i = 0; i < scenario->authorities->len; i++)
        {
          const LgrAuthority *a = g_ptr_array_index (scenario->authorities, i);
          g_string_append_printf (key, "a:%s=%s;", a->id, a->name);
        }
      for (guint i = 0; i < scenario->levers->len; i++)
        {
          const LgrLever *l = g_ptr_array_index (scenario->levers, i);
          g_string_append_printf (key, "l:%s=%s=%s=%d=%d;", l->id, l->authority_id,
                                  l->service ? l->service : "", l->basis, l->unit_period);
        }
      for (guint i = 0; i < scenario->items->len; i++)
        {
          const LgrItem *it = g_ptr_array_index (scenario->items, i);
          g_autofree char *item_key = lgr_item_row_structure_key (it, study);
          g_string_append_printf (key, "i:%s=%s;", it->id, item_key);
        }
    }
  return g_string_free (key, FALSE);
}

static void
on_document_changed (LgrDocument *document, LgrScenarioSidebar *self)
{
  g_autofree char *key = NULL;

  if (selected_scenario (self) == NULL)
    {
      const LgrStudy *study = lgr_document_get_study (document);
      g_free (self->selected);
      self->selected = g_strdup (((LgrScenario *)g_ptr_array_index (study->scenarios, 0))->id);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
    }
  key = structure_key (self);
  if (g_strcmp0 (key, self->structure) != 0)
    rebuild (self);
  else
    sync_values (self);
}

/* Scenario list */

static GtkWidget *
colour_swatch (LgrScenarioSidebar *self, const LgrScenario *scenario, guint index)
{
  GtkWidget *swatch = gtk_drawing_area_new ();
  g_autoptr (GtkCssProvider) provider = gtk_css_provider_new ();
  g_autofree char *colour
      = lgr_chart_view_scenario_colour (lgr_document_get_results (self->document), index);
  g_autofree char *css = NULL;

  gtk_widget_set_size_request (swatch, 16, 16);
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (swatch, "lgr-swatch");
  css = g_strdup_printf (".lgr-swatch { background-color: %s; }", colour);
  gtk_css_provider_load_from_data (provider, css, -1);
  gtk_style_context_add_provider (gtk_widget_get_style_context (swatch),
                                  GTK_STYLE_PROVIDER (provider),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  /* Dashed ring: the app chose this colour; the file names none. */
  if (scenario->colour == NULL)
    gtk_widget_add_css_class (swatch, "lgr-swatch-auto");
  g_object_set_data_full (G_OBJECT (swatch), "lgr-colour", g_steal_pointer (&colour), g_free);
  return swatch;
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
  const char *id;

  if (self->syncing || row == NULL)
    return;
  id = g_object_get_data (G_OBJECT (row), "lgr-scenario");
  lgr_scenario_sidebar_select (self, id);
}

static void
fill_scenario_list (LgrScenarioSidebar *self)
{
  const LgrStudy *study = lgr_document_get_study (self->document);
  GtkWidget *child;

  self->syncing = TRUE;
  while ((child = gtk_widget_get_first_child (self->scenario_list)))
    gtk_list_box_remove (GTK_LIST_BOX (self->scenario_list), child);
  for (guint i = 0; i < study->scenarios->len; i++)
    {
      const LgrScenario *scenario = g_ptr_array_index (study->scenarios, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button, *swatch;
      GdkRGBA rgba;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), scenario->name);
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
      swatch = colour_swatch (self, scenario, i);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), swatch);
      g_object_set_data (G_OBJECT (row), "lgr-swatch", swatch);
      gdk_rgba_parse (&rgba, g_object_get_data (G_OBJECT (swatch), "lgr-colour"));
      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      button = gtk_color_button_new_with_rgba (&rgba);
      gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (button), FALSE);
      G_GNUC_END_IGNORE_DEPRECATIONS
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, _ ("Pick the scenario's colour"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _ ("Scenario colour"), -1);
      g_object_set_data_full (G_OBJECT (button), "lgr-scenario", g_strdup (scenario->id), g_free);
      g_signal_connect (button, "color-set", G_CALLBACK (on_colour_set), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      g_object_set_data_full (G_OBJECT (row), "lgr-scenario", g_strdup (scenario->id), g_free);
      gtk_list_box_append (GTK_LIST_BOX (self->scenario_list), row);
      if (g_strcmp0 (scenario->id, self->selected) == 0)
        gtk_list_box_select_row (GTK_LIST_BOX (self->scenario_list), GTK_LIST_BOX_ROW (row));
    }
  self->syncing = FALSE;
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

  if (self->syncing || current == NULL)
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
 * the editor), with the reason. The document's "changed" may rebuild the rows, so they are
 * looked up again afterwards. */
static void
show_authority_refusal (LgrScenarioSidebar *self, const char *id, GtkWidget *editor,
                        const char *message)
{
  GtkWidget *expander = g_hash_table_lookup (self->authority_editors, id);
  if (expander == NULL)
    return;
  g_object_set_data_full (G_OBJECT (expander), "lgr-error", g_strdup (message), g_free);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), message);
  gtk_widget_add_css_class (editor, "error");
  gtk_widget_set_tooltip_text (editor, message);
}

static void
on_authority_name_apply (AdwEntryRow *row, LgrScenarioSidebar *self)
{
  g_autofree char *id = g_strdup (g_object_get_data (G_OBJECT (row), "lgr-authority"));
  const LgrScenario *scenario = selected_scenario (self);
  const LgrAuthority *current = scenario ? lgr_scenario_find_authority (scenario, id) : NULL;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr (LgrAuthority) authority = NULL;
  g_autoptr (GError) error = NULL;

  if (self->syncing || current == NULL || g_strcmp0 (name, current->name) == 0)
    return;
  authority = lgr_authority_copy (current);
  g_free (authority->name);
  authority->name = g_steal_pointer (&name);
  g_object_ref (row);
  if (!lgr_document_set_authority (self->document, scenario->id, authority, NULL, &error))
    show_authority_refusal (self, id, GTK_WIDGET (row), error->message);
  g_object_unref (row);
}

static void
on_authority_remove (GtkButton *button, LgrScenarioSidebar *self)
{
  g_autofree char *id = g_strdup (g_object_get_data (G_OBJECT (button), "lgr-authority"));
  const LgrScenario *scenario = selected_scenario (self);
  g_autoptr (GError) error = NULL;

  if (scenario == NULL)
    return;
  g_object_ref (button);
  if (!lgr_document_remove_authority (self->document, scenario->id, id, &error))
    show_authority_refusal (self, id, GTK_WIDGET (button), error->message);
  g_object_unref (button);
}

static void
on_add_authority (GtkButton *button, LgrScenarioSidebar *self)
{
  const LgrScenario *scenario = selected_scenario (self);
  g_autoptr (GError) error = NULL;
  g_autofree char *id = NULL;

  if (scenario == NULL)
    return;
  if (!lgr_document_add_authority (self->document, scenario->id, _ ("New authority"), &id, &error))
    g_warning ("%s", error->message);
  else if (g_hash_table_lookup (self->authority_editors, id))
    adw_expander_row_set_expanded (
        ADW_EXPANDER_ROW (g_hash_table_lookup (self->authority_editors, id)), TRUE);
}

static void
fill_add_lever_menu (LgrScenarioSidebar *self, const LgrScenario *scenario)
{
  g_menu_remove_all (self->add_lever_menu);
  for (guint i = 0; i < scenario->authorities->len; i++)
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

static void
on_setting_changed (LgrNumberRow *row, double value, gboolean dragging, LgrScenarioSidebar *self)
{
  int field = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "lgr-field"));
  g_autoptr (LgrStudy) settings = NULL;
  g_autoptr (GError) error = NULL;

  if (self->syncing)
    return;
  settings = lgr_study_new (lgr_document_get_study (self->document)->title, 0, 0, 0);
  {
    const LgrStudy *study = lgr_document_get_study (self->document);
    settings->first_year = study->first_year;
    settings->years = study->years;
    settings->vesting_year = study->vesting_year;
    settings->discount_rate = study->discount_rate;
    settings->weeks_per_year = study->weeks_per_year;
    settings->benefit_realisation = study->benefit_realisation;
    settings->cost_contingency = study->cost_contingency;
    settings->count_avoidance = study->count_avoidance;
  }
  if ((field == SETTING_FIRST_YEAR || field == SETTING_YEARS || field == SETTING_VESTING_YEAR)
      && value != (int)value)
    {
      lgr_number_row_set_error (row, _ ("a year is a whole number"));
      return;
    }
  switch (field)
    {
    case SETTING_FIRST_YEAR:
      settings->first_year = (int)value;
      break;
    case SETTING_YEARS:
      settings->years = (int)value;
      break;
    case SETTING_VESTING_YEAR:
      settings->vesting_year = (int)value;
      break;
    case SETTING_DISCOUNT_RATE:
      settings->discount_rate = value;
      break;
    case SETTING_WEEKS:
      settings->weeks_per_year = value;
      break;
    case SETTING_BENEFIT_REALISATION:
      settings->benefit_realisation = value;
      break;
    case SETTING_COST_CONTINGENCY:
    default:
      settings->cost_contingency = value;
      break;
    }
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
      gtk_widget_set_tooltip_text (self->title_row, error->message);
    }
}

static void
on_title_apply (AdwEntryRow *row, LgrScenarioSidebar *self)
{
  if (self->syncing)
    return;
  apply_title_and_avoidance (self, gtk_editable_get_text (GTK_EDITABLE (row)),
                             lgr_document_get_study (self->document)->count_avoidance);
}

static void
on_avoidance (GObject *object, GParamSpec *pspec, LgrScenarioSidebar *self)
{
  if (self->syncing)
    return;
  apply_title_and_avoidance (self, lgr_document_get_study (self->document)->title,
                             gtk_switch_get_active (GTK_SWITCH (self->avoidance_switch)));
}

static GtkWidget *
new_group (const char *title, const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  return group;
}

static GtkWidget *
action_button (const char *icon, const char *action, const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static void
build_settings (LgrScenarioSidebar *self, GtkWidget *box)
{
  const struct
  {
    const char *title;
    const char *unit;
    double lower, upper, step;
  } fields[] = {
    [SETTING_FIRST_YEAR] = { N_ ("First financial year"), NULL, 0, 0, 0 },
    [SETTING_YEARS] = { N_ ("Years"), NULL, 1, 60, 1 },
    [SETTING_VESTING_YEAR] = { N_ ("Vesting year"), NULL, 0, 0, 0 },
    [SETTING_DISCOUNT_RATE] = { N_ ("Discount rate"),
                                /* xgettext:no-c-format */
                                N_ ("% a year"), 0, 10, 0.1 },
    [SETTING_WEEKS] = { N_ ("Weeks per year"), NULL, 0, 0, 0 },
    [SETTING_BENEFIT_REALISATION] = { N_ ("Benefit realisation"), "%", 0, 150, 1 },
    [SETTING_COST_CONTINGENCY] = { N_ ("Cost contingency"), "%", 0, 100, 1 },
  };
  GtkWidget *group = new_group (_ ("Study"), _ ("Title, timeline and settings for every scenario"));
  GtkWidget *expander = adw_expander_row_new ();
  GtkWidget *row;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _ ("Timeline and settings"));
  self->title_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->title_row), _ ("Title"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (self->title_row), TRUE);
  g_signal_connect (self->title_row, "apply", G_CALLBACK (on_title_apply), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), self->title_row);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      row = lgr_number_row_new (_ (fields[i].title), fields[i].unit ? _ (fields[i].unit) : NULL,
                                fields[i].lower, fields[i].upper, fields[i].step);
      g_object_set_data (G_OBJECT (row), "lgr-field", GINT_TO_POINTER (i));
      g_signal_connect (row, "value-changed", G_CALLBACK (on_setting_changed), self);
      g_signal_connect (row, "edit-finished", G_CALLBACK (on_edit_finished), self);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
      g_ptr_array_add (self->settings_rows, row);
    }
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _ ("Count cost avoidance"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _ ("Include avoided future costs in the net figures"));
  self->avoidance_switch = gtk_switch_new ();
  gtk_widget_set_valign (self->avoidance_switch, GTK_ALIGN_CENTER);
  g_signal_connect (self->avoidance_switch, "notify::active", G_CALLBACK (on_avoidance), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), self->avoidance_switch);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), self->avoidance_switch);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), expander);
  gtk_box_append (GTK_BOX (box), group);
}

static void
rebuild (LgrScenarioSidebar *self)
{
  const LgrScenario *scenario;
  GtkWidget *child, *group = NULL, *suffix;
  g_autofree char *last_group = NULL;

  g_free (self->structure);
  self->structure = structure_key (self);
  fill_scenario_list (self);

  while ((child = gtk_widget_get_first_child (self->editors)))
    gtk_box_remove (GTK_BOX (self->editors), child);
  g_ptr_array_set_size (self->lever_rows, 0);
  g_ptr_array_set_size (self->item_rows, 0);
  g_ptr_array_set_size (self->authority_rows, 0);
  g_ptr_array_set_size (self->settings_rows, 0);
  g_hash_table_remove_all (self->authority_editors);

  scenario = selected_scenario (self);
  if (scenario == NULL)
    return;

  /* Authorities */
  group = new_group (_ ("Authorities"), NULL);
  for (guint i = 0; i < scenario->authorities->len; i++)
    {
      const LgrAuthority *authority = g_ptr_array_index (scenario->authorities, i);
      GtkWidget *expander = adw_expander_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), authority->name);
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (expander), FALSE);
      GtkWidget *name_row = adw_entry_row_new ();
      GtkWidget *remove_row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      g_hash_table_insert (self->authority_editors, g_strdup (authority->id), expander);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name_row), _ ("Name"));
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (name_row), FALSE);
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (name_row), TRUE);
      gtk_editable_set_text (GTK_EDITABLE (name_row), authority->name);
      g_object_set_data_full (G_OBJECT (name_row), "lgr-authority", g_strdup (authority->id),
                              g_free);
      g_signal_connect (name_row, "apply", G_CALLBACK (on_authority_name_apply), self);
      g_signal_connect (name_row, "entry-activated", G_CALLBACK (on_authority_name_apply), self);
      g_object_set_data (G_OBJECT (expander), "lgr-name-row", name_row);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), name_row);
      for (int f = 0; f < 2; f++)
        {
          GtkWidget *row = lgr_number_row_new (f == 0 ? _ ("Population") : _ ("Children (0-17)"),
                                               _ ("people"), 0, 0, 0);
          g_object_set_data_full (G_OBJECT (row), "lgr-authority", g_strdup (authority->id),
                                  g_free);
          g_object_set_data (G_OBJECT (row), "lgr-field", GINT_TO_POINTER (f));
          g_signal_connect (row, "value-changed", G_CALLBACK (on_authority_changed), self);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
          g_ptr_array_add (self->authority_rows, row);
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (remove_row), _ ("Remove this authority"));
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _ ("Remove this authority"), -1);
      g_object_set_data_full (G_OBJECT (remove), "lgr-authority", g_strdup (authority->id), g_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (on_authority_remove), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (remove_row), remove);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (remove_row), remove);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), remove_row);
      g_object_set_data (G_OBJECT (expander), "lgr-remove-button", remove);
      g_object_set_data (G_OBJECT (expander), "lgr-authority-expander", GINT_TO_POINTER (1));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), expander);
    }
  suffix = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_add_css_class (suffix, "flat");
  gtk_widget_set_tooltip_text (suffix, _ ("Add an authority"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (suffix), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Add an authority"), -1);
  g_signal_connect (suffix, "clicked", G_CALLBACK (on_add_authority), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), suffix);
  gtk_box_append (GTK_BOX (self->editors), group);

  /* Levers, grouped by authority and service */
  group = NULL;
  for (guint i = 0; i < scenario->levers->len; i++)
    {
      const LgrLever *lever = g_ptr_array_index (scenario->levers, i);
      const LgrAuthority *authority = lgr_scenario_find_authority (scenario, lever->authority_id);
      g_autofree char *title
          = lever->service ? g_strdup_printf (
                "%s · %s", authority ? authority->name : lever->authority_id, lever->service)
                           : g_strdup (authority ? authority->name : lever->authority_id);
      GtkWidget *row;

      if (group == NULL || g_strcmp0 (title, last_group) != 0)
        {
          group = new_group (title, NULL);
          gtk_box_append (GTK_BOX (self->editors), group);
          g_free (last_group);
          last_group = g_strdup (title);
        }
      row = lgr_lever_row_new (self->document, scenario->id, lever->id, FALSE);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      g_ptr_array_add (self->lever_rows, row);
    }
  group = new_group (scenario->levers->len ? NULL : _ ("Levers"),
                     scenario->levers->len ? NULL : _ ("This scenario has no levers yet."));
  fill_add_lever_menu (self, scenario);
  suffix = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (suffix), _ ("Add _Lever"));
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (suffix), TRUE);
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (suffix), G_MENU_MODEL (self->add_lever_menu));
  gtk_widget_set_tooltip_text (suffix, _ ("Add a lever for one of the authorities"));
  gtk_widget_set_halign (suffix, GTK_ALIGN_START);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), suffix);
  gtk_box_append (GTK_BOX (self->editors), group);

  /* Items */
  group = new_group (_ ("Costs and savings"), NULL);
  suffix = action_button ("list-add-symbolic", "win.add-item", _ ("Add an item"));
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), suffix);
  for (guint i = 0; i < scenario->items->len; i++)
    {
      const LgrItem *item = g_ptr_array_index (scenario->items, i);
      GtkWidget *row = lgr_item_row_new (self->document, scenario->id, item->id);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      g_ptr_array_add (self->item_rows, row);
    }
  gtk_box_append (GTK_BOX (self->editors), group);

  build_settings (self, self->editors);
  sync_values (self);
}

static void
sync_values (LgrScenarioSidebar *self)
{
  const LgrStudy *study = lgr_document_get_study (self->document);
  const LgrScenario *scenario = selected_scenario (self);

  for (guint i = 0; i < self->lever_rows->len; i++)
    lgr_lever_row_sync (g_ptr_array_index (self->lever_rows, i));
  for (guint i = 0; i < self->item_rows->len; i++)
    lgr_item_row_sync (g_ptr_array_index (self->item_rows, i));

  self->syncing = TRUE;
  for (guint i = 0; scenario && i < self->authority_rows->len; i++)
    {
      LgrNumberRow *row = g_ptr_array_index (self->authority_rows, i);
      const LgrAuthority *authority = lgr_scenario_find_authority (
          scenario, g_object_get_data (G_OBJECT (row), "lgr-authority"));
      int field = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "lgr-field"));
      if (authority)
        lgr_number_row_set_value (row,
                                  field == 0 ? authority->population : authority->child_population);
    }
  for (guint i = 0; i < self->settings_rows->len; i++)
    {
      LgrNumberRow *row = g_ptr_array_index (self->settings_rows, i);
      const double values[]
          = { study->first_year,      study->years,          study->vesting_year,
              study->discount_rate,   study->weeks_per_year, study->benefit_realisation,
              study->cost_contingency };
      lgr_number_row_set_value (row, values[i]);
      if (i == SETTING_VESTING_YEAR || i == SETTING_FIRST_YEAR)
        {
          g_autofree char *year = lgr_format_financial_year ((int)values[i]);
          lgr_number_row_set_info (row, year);
        }
    }
  if (self->title_row)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->title_row), study->title);
      gtk_widget_remove_css_class (self->title_row, "error");
      gtk_switch_set_active (GTK_SWITCH (self->avoidance_switch), study->count_avoidance);
    }
  self->syncing = FALSE;
}

static void
lgr_scenario_sidebar_dispose (GObject *object)
{
  LgrScenarioSidebar *self = LGR_SCENARIO_SIDEBAR (object);
  if (self->document)
    g_clear_signal_handler (&self->changed_id, self->document);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (lgr_scenario_sidebar_parent_class)->dispose (object);
}

static void
lgr_scenario_sidebar_finalize (GObject *object)
{
  LgrScenarioSidebar *self = LGR_SCENARIO_SIDEBAR (object);
  g_free (self->selected);
  g_free (self->structure);
  g_ptr_array_unref (self->lever_rows);
  g_ptr_array_unref (self->item_rows);
  g_ptr_array_unref (self->authority_rows);
  g_ptr_array_unref (self->settings_rows);
  g_hash_table_unref (self->authority_editors);
  g_object_unref (self->add_lever_menu);
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

  object_class->dispose = lgr_scenario_sidebar_dispose;
  object_class->finalize = lgr_scenario_sidebar_finalize;
  object_class->get_property = lgr_scenario_sidebar_get_property;

  properties[PROP_SELECTED] = g_param_spec_string ("selected", NULL, NULL, NULL,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "lgrsidebar");
}

static void
lgr_scenario_sidebar_init (LgrScenarioSidebar *self)
{
  GtkWidget *group, *buttons;

  self->lever_rows = g_ptr_array_new ();
  self->item_rows = g_ptr_array_new ();
  self->authority_rows = g_ptr_array_new ();
  self->settings_rows = g_ptr_array_new ();
  self->authority_editors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->add_lever_menu = g_menu_new ();

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 18);
  gtk_widget_set_margin_start (GTK_WIDGET (self), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self), 24);

  group = new_group (_ ("Scenarios"), NULL);
  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_box_append (GTK_BOX (buttons),
                  action_button ("list-add-symbolic", "win.add-scenario", _ ("Add a scenario")));
  gtk_box_append (GTK_BOX (buttons), action_button ("edit-copy-symbolic", "win.duplicate-scenario",
                                                    _ ("Duplicate the selected scenario")));
  gtk_box_append (GTK_BOX (buttons), action_button ("document-edit-symbolic", "win.rename-scenario",
                                                    _ ("Rename the selected scenario")));
  gtk_box_append (GTK_BOX (buttons), action_button ("user-trash-symbolic", "win.remove-scenario",
                                                    _ ("Remove the selected scenario")));
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), buttons);
  self->scenario_list = gtk_list_box_new ();
  gtk_widget_add_css_class (self->scenario_list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->scenario_list), GTK_SELECTION_SINGLE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->scenario_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Scenarios"), -1);
  g_signal_connect (self->scenario_list, "row-selected", G_CALLBACK (on_row_selected), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->scenario_list);
  gtk_box_append (GTK_BOX (self), group);

  self->editors = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_box_append (GTK_BOX (self), self->editors);
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
    g_clear_signal_handler (&self->changed_id, self->document);
  g_set_object (&self->document, document);
  self->changed_id = g_signal_connect (document, "changed", G_CALLBACK (on_document_changed), self);
  g_clear_pointer (&self->structure, g_free);
  g_clear_pointer (&self->selected, g_free);
  on_document_changed (document, self);
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
  for (guint i = 0; i < self->lever_rows->len; i++)
    {
      LgrLeverRow *row = g_ptr_array_index (self->lever_rows, i);
      if (g_strcmp0 (lgr_lever_row_get_lever_id (row), lever_id) == 0)
        return row;
    }
  return NULL;
}

GtkWidget *
lgr_scenario_sidebar_find_item_row (LgrScenarioSidebar *self, const char *item_id)
{
  g_return_val_if_fail (LGR_IS_SCENARIO_SIDEBAR (self), NULL);
  for (guint i = 0; i < self->item_rows->len; i++)
    {
      LgrItemRow *row = g_ptr_array_index (self->item_rows, i);
      if (g_strcmp0 (lgr_item_row_get_item_id (row), item_id) == 0)
        return GTK_WIDGET (row);
    }
  return NULL;
}

GtkWidget *
lgr_scenario_sidebar_get_authority_name_row (LgrScenarioSidebar *self, const char *authority_id)
{
  GtkWidget *expander;
  g_return_val_if_fail (LGR_IS_SCENARIO_SIDEBAR (self), NULL);
  expander = g_hash_table_lookup (self->authority_editors, authority_id);
  return expander ? g_object_get_data (G_OBJECT (expander), "lgr-name-row") : NULL;
}

GtkWidget *
lgr_scenario_sidebar_get_authority_remove_button (LgrScenarioSidebar *self,
                                                  const char *authority_id)
{
  GtkWidget *expander;
  g_return_val_if_fail (LGR_IS_SCENARIO_SIDEBAR (self), NULL);
  expander = g_hash_table_lookup (self->authority_editors, authority_id);
  return expander ? g_object_get_data (G_OBJECT (expander), "lgr-remove-button") : NULL;
}

const char *
lgr_scenario_sidebar_get_authority_error (LgrScenarioSidebar *self, const char *authority_id)
{
  GtkWidget *expander;
  g_return_val_if_fail (LGR_IS_SCENARIO_SIDEBAR (self), NULL);
  expander = g_hash_table_lookup (self->authority_editors, authority_id);
  return expander ? g_object_get_data (G_OBJECT (expander), "lgr-error") : NULL;
}

GMenuModel *
lgr_scenario_sidebar_get_add_lever_menu (LgrScenarioSidebar *self)
{
  g_return_val_if_fail (LGR_IS_SCENARIO_SIDEBAR (self), NULL);
  return G_MENU_MODEL (self->add_lever_menu);
}

const char *
lgr_scenario_sidebar_get_swatch_colour (LgrScenarioSidebar *self, const char *scenario_id)
{
  g_return_val_if_fail (LGR_IS_SCENARIO_SIDEBAR (self), NULL);
  for (GtkWidget *row = gtk_widget_get_first_child (self->scenario_list); row;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "lgr-scenario"), scenario_id) == 0)
      {
        GtkWidget *swatch = g_object_get_data (G_OBJECT (row), "lgr-swatch");
        return swatch ? g_object_get_data (G_OBJECT (swatch), "lgr-colour") : NULL;
      }
  return NULL;
}
