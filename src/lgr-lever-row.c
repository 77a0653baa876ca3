/* lgr-lever-row.c: one lever, editable (ui/lgr-lever-row.ui).
 *
 * The row listens to the document itself. It keeps a copy of the lever it shows and of what its
 * texts depend on (the authority, the timeline); when the document changes and these are equal,
 * it does nothing, otherwise each widget is set only if its value or text differs. A widget set
 * from the document does not echo an edit back: the handlers compare with the lever and do
 * nothing when equal, and the choices are blocked while their models and selections are set. */
#include <glib/gi18n.h>
#include <math.h>

#include "lgr-conversions.h"
#include "lgr-format.h"
#include "lgr-lever-row.h"
#include "lgr-range-editor.h"
#include "lgr-row-helpers.h"
#include "lgr-rules.h"
#include "lgr-source-editor.h"

struct _LgrLeverRow
{
  AdwExpanderRow parent_instance;

  LgrDocument *document;
  char *scenario_id;
  char *lever_id;
  gboolean compact;

  /* Template children */
  GtkWidget *enabled;
  GtkWidget *fields[LGR_LEVER_N_FIELDS];
  GtkWidget *editors[LGR_LEVER_N_EDITORS];
  GtkStringList *authority_names;
  GtkWidget *profile_row;
  GtkWidget *profile_entry;
  GtkWidget *remove_row;
  GtkWidget *source_editor;
  GtkWidget *source_button;
  GtkWidget *benchmark_button;
  GtkWidget *benchmark_box;
  GtkWidget *switching_row;

  /* What is shown: the lever and what its texts depend on. */
  LgrLever *shown;
  char *shown_authority;
  double shown_population;
  double shown_children;
  int shown_first_year;
  int shown_years;
  int shown_vesting_year;
  GPtrArray *shown_authorities; /* of char*, the scenario's authority names */
  char *benchmarks_key;

  char *error;
};

G_DEFINE_FINAL_TYPE (LgrLeverRow, lgr_lever_row, ADW_TYPE_EXPANDER_ROW)

static const LgrLever *
current_lever (LgrLeverRow *self, const LgrScenario **scenario_out)
{
  const LgrScenario *scenario
      = lgr_study_find_scenario (lgr_document_get_study (self->document), self->scenario_id);
  if (scenario_out)
    *scenario_out = scenario;
  return scenario ? lgr_scenario_find_lever (scenario, self->lever_id) : NULL;
}

const char *
lgr_lever_cohort_unit (const LgrLever *lever)
{
  switch (lever->basis)
    {
    case LGR_COHORT_BASIS_CHILD_POPULATION:
      return _ ("per 10,000 children");
    case LGR_COHORT_BASIS_POPULATION:
      return _ ("per 10,000 residents");
    case LGR_COHORT_BASIS_COUNT:
    default:
      return _ ("people");
    }
}

const char *
lgr_lever_cost_unit (const LgrLever *lever)
{
  return lever->unit_period == LGR_UNIT_PERIOD_WEEK ? _ ("£ a week") : _ ("£ a year");
}

static void
set_field (LgrLever *lever, LgrLeverField field, double value)
{
  switch (field)
    {
    case LGR_LEVER_FIELD_COHORT_BASELINE:
      lever->cohort_baseline = value;
      break;
    case LGR_LEVER_FIELD_COHORT_TARGET:
      lever->cohort_target = value;
      break;
    case LGR_LEVER_FIELD_UNIT_COST_BASELINE:
      lever->unit_cost_baseline = value;
      break;
    case LGR_LEVER_FIELD_UNIT_COST_TARGET:
      lever->unit_cost_target = value;
      break;
    case LGR_LEVER_FIELD_GROWTH_COHORT:
      lever->growth_cohort = value;
      break;
    case LGR_LEVER_FIELD_GROWTH_UNIT_COST:
      lever->growth_unit_cost = value;
      break;
    case LGR_LEVER_FIELD_REALISATION_START:
      lever->has_realisation_start = TRUE;
      lever->realisation_start = (int)value;
      break;
    case LGR_LEVER_N_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

static double
get_field (const LgrLever *lever, const LgrStudy *study, LgrLeverField field)
{
  switch (field)
    {
    case LGR_LEVER_FIELD_COHORT_BASELINE:
      return lever->cohort_baseline;
    case LGR_LEVER_FIELD_COHORT_TARGET:
      return lever->cohort_target;
    case LGR_LEVER_FIELD_UNIT_COST_BASELINE:
      return lever->unit_cost_baseline;
    case LGR_LEVER_FIELD_UNIT_COST_TARGET:
      return lever->unit_cost_target;
    case LGR_LEVER_FIELD_GROWTH_COHORT:
      return lever->growth_cohort;
    case LGR_LEVER_FIELD_GROWTH_UNIT_COST:
      return lever->growth_unit_cost;
    case LGR_LEVER_FIELD_REALISATION_START:
      return lgr_lever_start_year (lever, study);
    case LGR_LEVER_N_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

/* Every field of a lever that the row shows (all but its id and line). */
static gboolean
lever_shown_equal (const LgrLever *a, const LgrLever *b)
{
  return g_strcmp0 (a->name, b->name) == 0 && g_strcmp0 (a->authority_id, b->authority_id) == 0
         && g_strcmp0 (a->service, b->service) == 0 && a->benefit == b->benefit
         && a->enabled == b->enabled && a->basis == b->basis
         && a->cohort_baseline == b->cohort_baseline && a->cohort_target == b->cohort_target
         && a->unit_period == b->unit_period && a->unit_cost_baseline == b->unit_cost_baseline
         && a->unit_cost_target == b->unit_cost_target && a->growth_cohort == b->growth_cohort
         && a->growth_unit_cost == b->growth_unit_cost
         && a->has_realisation_start == b->has_realisation_start
         && a->realisation_start == b->realisation_start
         && lgr_profile_equal (&a->realisation, &b->realisation)
         && g_strcmp0 (a->source, b->source) == 0 && a->has_source_target == b->has_source_target
         && a->has_source_unit_cost == b->has_source_unit_cost;
}

/* Whether the row shows lever as it is now, in its scenario and study. */
static gboolean
shows (LgrLeverRow *self, const LgrLever *lever, const LgrScenario *scenario, const LgrStudy *study)
{
  const LgrAuthority *authority = lgr_scenario_find_authority (scenario, lever->authority_id);

  if (self->shown == NULL || !lever_shown_equal (self->shown, lever)
      || study->first_year != self->shown_first_year || study->years != self->shown_years
      || study->vesting_year != self->shown_vesting_year
      || g_strcmp0 (authority ? authority->name : NULL, self->shown_authority) != 0
      || (authority
          && (authority->population != self->shown_population
              || authority->child_population != self->shown_children))
      || scenario->authorities->len != self->shown_authorities->len)
    return FALSE;
  for (guint i = 0; i < scenario->authorities->len; i++)
    if (g_strcmp0 (((LgrAuthority *)g_ptr_array_index (scenario->authorities, i))->name,
                   g_ptr_array_index (self->shown_authorities, i))
        != 0)
      return FALSE;
  return TRUE;
}

static void
remember (LgrLeverRow *self, const LgrLever *lever, const LgrScenario *scenario,
          const LgrStudy *study)
{
  const LgrAuthority *authority = lgr_scenario_find_authority (scenario, lever->authority_id);

  g_clear_pointer (&self->shown, lgr_lever_free);
  self->shown = lgr_lever_copy (lever);
  g_free (self->shown_authority);
  self->shown_authority = g_strdup (authority ? authority->name : NULL);
  self->shown_population = authority ? authority->population : 0;
  self->shown_children = authority ? authority->child_population : 0;
  self->shown_first_year = study->first_year;
  self->shown_years = study->years;
  self->shown_vesting_year = study->vesting_year;
  g_ptr_array_set_size (self->shown_authorities, 0);
  for (guint i = 0; i < scenario->authorities->len; i++)
    g_ptr_array_add (
        self->shown_authorities,
        g_strdup (((LgrAuthority *)g_ptr_array_index (scenario->authorities, i))->name));
}

/* Applies a changed lever through the document; a refusal is shown on row. */
static void
apply_lever (LgrLeverRow *self, const LgrLever *lever, const char *merge_key, GtkWidget *row)
{
  g_autoptr (GError) error = NULL;

  if (!lgr_document_set_lever (self->document, self->scenario_id, lever, merge_key, &error))
    {
      if (LGR_IS_NUMBER_ROW (row))
        lgr_number_row_set_error (LGR_NUMBER_ROW (row), error->message);
      else if (row != NULL)
        lgr_row_show_profile_error (self->profile_row, row, error->message);
    }
}

/* "Changed since the source": said in the note's popover, and by the button's icon. */
static void
show_stale_source (LgrLeverRow *self, const LgrLever *lever)
{
  g_autoptr (GString) warning = g_string_new (NULL);
  const char *icon;

  if (lever->source && lever->has_source_target)
    {
      g_autofree char *then = lgr_format_decimal (lever->source_target, 2);
      g_autofree char *now = lgr_format_decimal (lever->cohort_target, 2);
      g_string_append_printf (warning, _ ("Target changed since this source: %s → %s %s"), then,
                              now, lgr_lever_cohort_unit (lever));
    }
  if (lever->source && lever->has_source_unit_cost)
    {
      g_autofree char *then = lgr_format_money_exact (lever->source_unit_cost);
      g_autofree char *now = lgr_format_money_exact (lever->unit_cost_target);
      if (warning->len)
        g_string_append_c (warning, '\n');
      g_string_append_printf (warning, _ ("Unit cost changed since this source: %s → %s"), then,
                              now);
    }
  lgr_source_editor_set_stale (LGR_SOURCE_EDITOR (self->source_editor),
                               warning->len ? warning->str : NULL);
  icon = warning->len ? "dialog-warning-symbolic" : "dialog-information-symbolic";
  lgr_row_set_menu_icon (GTK_MENU_BUTTON (self->source_button), icon);
}

/* The note still holds: the marks go, as one edit. */
static void
on_source_confirmed (LgrSourceEditor *editor, LgrLeverRow *self)
{
  const LgrLever *current = current_lever (self, NULL);
  g_autoptr (LgrLever) lever = NULL;

  if (!current || !(current->has_source_target || current->has_source_unit_cost))
    return;
  lever = lgr_lever_copy (current);
  lever->has_source_target = lever->has_source_unit_cost = FALSE;
  apply_lever (self, lever, NULL, NULL);
}

/* The note as typed, one edit (NULL: the note removed). */
static void
on_source_committed (LgrSourceEditor *editor, const char *text, LgrLeverRow *self)
{
  const LgrLever *current = current_lever (self, NULL);
  g_autoptr (LgrLever) lever = NULL;
  g_autoptr (GError) error = NULL;

  if (!current || g_strcmp0 (current->source, text) == 0)
    return;
  lever = lgr_lever_copy (current);
  g_free (lever->source);
  lever->source = g_strdup (text);
  if (!lgr_document_set_lever (self->document, self->scenario_id, lever, NULL, &error))
    lgr_source_editor_set_error (editor, error->message); /* the text stays as typed */
}

static void
on_field_changed (LgrNumberRow *row, double value, gboolean dragging, LgrLeverRow *self)
{
  const LgrLever *current = current_lever (self, NULL);
  g_autoptr (LgrLever) lever = NULL;
  g_autofree char *merge_key = NULL;
  int field = 0;

  while (field < LGR_LEVER_N_FIELDS && self->fields[field] != GTK_WIDGET (row))
    field++;
  if (current == NULL || field == LGR_LEVER_N_FIELDS
      || value == get_field (current, lgr_document_get_study (self->document), field))
    return;
  lever = lgr_lever_copy (current);
  set_field (lever, field, value);
  if (dragging)
    merge_key = g_strdup_printf ("lever/%s/%s/%d", self->scenario_id, self->lever_id, field);
  apply_lever (self, lever, merge_key, GTK_WIDGET (row));
}

static void
on_edit_finished (LgrNumberRow *row, LgrLeverRow *self)
{
  lgr_document_end_merge (self->document);
}

static void
on_enabled (GtkSwitch *widget, GParamSpec *pspec, LgrLeverRow *self)
{
  const LgrLever *current = current_lever (self, NULL);
  g_autoptr (LgrLever) lever = NULL;

  if (current == NULL || gtk_switch_get_active (widget) == current->enabled)
    return;
  lever = lgr_lever_copy (current);
  lever->enabled = gtk_switch_get_active (widget);
  apply_lever (self, lever, NULL, NULL);
}

static void
on_profile_activate (GtkEntry *entry, LgrLeverRow *self)
{
  const LgrLever *current = current_lever (self, NULL);
  g_autoptr (LgrLever) lever = NULL;
  g_autoptr (GError) error = NULL;
  LgrProfile profile = { 0 };

  if (current == NULL)
    return;
  if (!lgr_parse_profile (gtk_editable_get_text (GTK_EDITABLE (entry)), &profile, &error))
    {
      lgr_row_show_profile_error (self->profile_row, self->profile_entry, error->message);
      return;
    }
  lever = lgr_lever_copy (current);
  lgr_profile_copy (&lever->realisation, &profile);
  lgr_profile_clear (&profile);
  apply_lever (self, lever, NULL, self->profile_entry);
}

static void on_choice (AdwComboRow *row, GParamSpec *pspec, LgrLeverRow *self);

static void
block_choices (LgrLeverRow *self, gboolean block)
{
  for (int e = LGR_LEVER_EDITOR_AUTHORITY; e < LGR_LEVER_N_EDITORS; e++)
    if (ADW_IS_COMBO_ROW (self->editors[e]))
      {
        if (block)
          g_signal_handlers_block_by_func (self->editors[e], on_choice, self);
        else
          g_signal_handlers_unblock_by_func (self->editors[e], on_choice, self);
      }
}

static void
set_selected (GtkWidget *combo, guint position)
{
  if (adw_combo_row_get_selected (ADW_COMBO_ROW (combo)) != position)
    adw_combo_row_set_selected (ADW_COMBO_ROW (combo), position);
}

/* The editors show the lever's name, authority, service, basis, period and benefit. */
static void
show_editors (LgrLeverRow *self, const LgrLever *lever, const LgrScenario *scenario)
{
  guint authority = 0;
  gboolean names_differ = g_list_model_get_n_items (G_LIST_MODEL (self->authority_names))
                          != scenario->authorities->len;

  if (self->compact)
    return;
  lgr_row_set_editable_text (self->editors[LGR_LEVER_EDITOR_NAME], lever->name);
  lgr_row_set_editable_text (self->editors[LGR_LEVER_EDITOR_SERVICE],
                             lever->service ? lever->service : "");
  for (guint i = 0; i < scenario->authorities->len; i++)
    {
      const LgrAuthority *a = g_ptr_array_index (scenario->authorities, i);
      if (g_strcmp0 (a->id, lever->authority_id) == 0)
        authority = i;
      if (!names_differ
          && g_strcmp0 (gtk_string_list_get_string (self->authority_names, i), a->name))
        names_differ = TRUE;
    }
  block_choices (self, TRUE);
  if (names_differ)
    {
      g_autoptr (GPtrArray) names = g_ptr_array_new ();
      for (guint i = 0; i < scenario->authorities->len; i++)
        g_ptr_array_add (names,
                         ((LgrAuthority *)g_ptr_array_index (scenario->authorities, i))->name);
      g_ptr_array_add (names, NULL);
      gtk_string_list_splice (self->authority_names, 0,
                              g_list_model_get_n_items (G_LIST_MODEL (self->authority_names)),
                              (const char *const *)names->pdata);
    }
  set_selected (self->editors[LGR_LEVER_EDITOR_AUTHORITY], authority);
  set_selected (self->editors[LGR_LEVER_EDITOR_BASIS], lever->basis);
  set_selected (self->editors[LGR_LEVER_EDITOR_UNIT_PERIOD], lever->unit_period);
  set_selected (self->editors[LGR_LEVER_EDITOR_BENEFIT], lever->benefit);
  block_choices (self, FALSE);
}

/* Shows why an edit made through one of the editors was refused: on the editor and in the
 * row's subtitle, where it is seen even when the row is folded. The editor shows the lever's
 * value again. */
static void
show_refusal (LgrLeverRow *self, GtkWidget *editor, const char *message)
{
  const LgrScenario *scenario;
  const LgrLever *lever = current_lever (self, &scenario);

  if (lever)
    show_editors (self, lever, scenario);
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_widget_add_css_class (editor, "error");
  lgr_row_set_tooltip (editor, message);
  lgr_row_set_expander_subtitle (ADW_EXPANDER_ROW (self), message);
}

/* Applies an edit made through an editor; the row is not dropped meanwhile (the sidebar
 * rebuilds later, from the main loop). */
typedef gboolean (*EditFunc) (LgrLeverRow *self, gpointer data, GError **error);

static void
edit (LgrLeverRow *self, LgrLeverEditor editor, EditFunc func, gpointer data)
{
  g_autoptr (GError) error = NULL;

  if (current_lever (self, NULL) == NULL)
    return;
  if (!func (self, data, &error))
    show_refusal (self, self->editors[editor], error->message);
}

static gboolean
set_lever_copy (LgrLeverRow *self, LgrLever *lever, GError **error)
{
  return lgr_document_set_lever (self->document, self->scenario_id, lever, NULL, error);
}

static gboolean
edit_name (LgrLeverRow *self, gpointer data, GError **error)
{
  g_autoptr (LgrLever) lever = lgr_lever_copy (current_lever (self, NULL));
  g_autofree char *name = g_strstrip (g_strdup (data));

  if (g_strcmp0 (name, lever->name) == 0)
    return TRUE;
  g_free (lever->name);
  lever->name = g_steal_pointer (&name);
  return set_lever_copy (self, lever, error);
}

static gboolean
edit_service (LgrLeverRow *self, gpointer data, GError **error)
{
  g_autoptr (LgrLever) lever = lgr_lever_copy (current_lever (self, NULL));
  g_autofree char *service = g_strstrip (g_strdup (data));

  if (*service == '\0')
    g_clear_pointer (&service, g_free);
  if (g_strcmp0 (service, lever->service) == 0)
    return TRUE;
  g_free (lever->service);
  lever->service = g_steal_pointer (&service);
  return set_lever_copy (self, lever, error);
}

static gboolean
edit_authority (LgrLeverRow *self, gpointer data, GError **error)
{
  const LgrScenario *scenario;
  g_autoptr (LgrLever) lever = lgr_lever_copy (current_lever (self, &scenario));
  guint index = GPOINTER_TO_UINT (data);
  const LgrAuthority *authority;

  if (index >= scenario->authorities->len)
    return TRUE;
  authority = g_ptr_array_index (scenario->authorities, index);
  if (g_strcmp0 (authority->id, lever->authority_id) == 0)
    return TRUE;
  g_free (lever->authority_id);
  lever->authority_id = g_strdup (authority->id);
  return set_lever_copy (self, lever, error);
}

static gboolean
edit_basis (LgrLeverRow *self, gpointer data, GError **error)
{
  const LgrLever *lever = current_lever (self, NULL);

  if (lever == NULL || (LgrCohortBasis)GPOINTER_TO_INT (data) == lever->basis)
    return TRUE;
  return lgr_document_set_lever_basis (self->document, self->scenario_id, self->lever_id,
                                       GPOINTER_TO_INT (data), error);
}

static gboolean
edit_period (LgrLeverRow *self, gpointer data, GError **error)
{
  const LgrLever *lever = current_lever (self, NULL);

  if (lever == NULL || (LgrUnitPeriod)GPOINTER_TO_INT (data) == lever->unit_period)
    return TRUE;
  return lgr_document_set_lever_period (self->document, self->scenario_id, self->lever_id,
                                        GPOINTER_TO_INT (data), error);
}

static gboolean
edit_benefit (LgrLeverRow *self, gpointer data, GError **error)
{
  g_autoptr (LgrLever) lever = lgr_lever_copy (current_lever (self, NULL));

  if ((LgrBenefit)GPOINTER_TO_INT (data) == lever->benefit)
    return TRUE;
  lever->benefit = GPOINTER_TO_INT (data);
  return set_lever_copy (self, lever, error);
}

static void
on_text_apply (AdwEntryRow *row, LgrLeverRow *self)
{
  gboolean is_name = GTK_WIDGET (row) == self->editors[LGR_LEVER_EDITOR_NAME];
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));

  edit (self, is_name ? LGR_LEVER_EDITOR_NAME : LGR_LEVER_EDITOR_SERVICE,
        is_name ? edit_name : edit_service, text);
}

static void
on_choice (AdwComboRow *row, GParamSpec *pspec, LgrLeverRow *self)
{
  static const EditFunc funcs[LGR_LEVER_N_EDITORS] = {
    [LGR_LEVER_EDITOR_AUTHORITY] = edit_authority,
    [LGR_LEVER_EDITOR_BASIS] = edit_basis,
    [LGR_LEVER_EDITOR_UNIT_PERIOD] = edit_period,
    [LGR_LEVER_EDITOR_BENEFIT] = edit_benefit,
  };
  guint selected = adw_combo_row_get_selected (row);
  int editor = 0;

  while (editor < LGR_LEVER_N_EDITORS && self->editors[editor] != GTK_WIDGET (row))
    editor++;
  if (selected == GTK_INVALID_LIST_POSITION || editor == LGR_LEVER_N_EDITORS
      || funcs[editor] == NULL)
    return;
  edit (self, editor, funcs[editor], GUINT_TO_POINTER (selected));
}

static void
on_remove (GtkButton *button, LgrLeverRow *self)
{
  g_autoptr (GError) error = NULL;
  if (!lgr_document_remove_lever (self->document, self->scenario_id, self->lever_id, &error))
    g_warning ("%s", error->message);
}

static void
on_benchmark (GtkButton *button, LgrLeverRow *self)
{
  const LgrLever *current = current_lever (self, NULL);
  double value = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "lgr-value-x100")) / 100.0;
  g_autoptr (LgrLever) lever = NULL;

  if (current == NULL)
    return;
  lever = lgr_lever_copy (current);
  lever->unit_cost_target = value;
  apply_lever (self, lever, NULL, self->fields[LGR_LEVER_FIELD_UNIT_COST_TARGET]);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->benchmark_button));
}

/* Offers the benchmarks of the authority's population band whose period matches the lever's;
 * the popover is filled again only when the band, authority or period changes. */
static void
sync_benchmarks (LgrLeverRow *self, const LgrLever *lever, const LgrScenario *scenario)
{
  const LgrStudy *study = lgr_document_get_study (self->document);
  const LgrAuthority *authority = lgr_scenario_find_authority (scenario, lever->authority_id);
  const LgrBenchmarkBand *band
      = authority ? lgr_study_benchmark_band_for (study, authority->population) : NULL;
  const char *suffix = lever->unit_period == LGR_UNIT_PERIOD_WEEK ? "-weekly" : "-yearly";
  g_autofree char *key = g_strdup_printf ("%s|%s|%s", band ? band->name : "",
                                          authority ? authority->name : "", suffix);
  GtkWidget *child;
  guint n = 0;

  if (g_strcmp0 (key, self->benchmarks_key) == 0)
    return;
  g_free (self->benchmarks_key);
  self->benchmarks_key = g_steal_pointer (&key);
  while ((child = gtk_widget_get_first_child (self->benchmark_box)))
    gtk_box_remove (GTK_BOX (self->benchmark_box), child);

  if (band != NULL)
    {
      g_autofree char *heading = g_strdup_printf (_ ("Benchmarks for %s (population band %s)"),
                                                  authority->name, band->name);
      GtkWidget *label = gtk_label_new (heading);
      gtk_widget_add_css_class (label, "heading");
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
      gtk_box_append (GTK_BOX (self->benchmark_box), label);
      for (guint i = 0; i < band->costs->len; i++)
        {
          const LgrBenchmarkCost *cost = &g_array_index (band->costs, LgrBenchmarkCost, i);
          g_autofree char *money = NULL;
          g_autofree char *text = NULL;
          GtkWidget *button;

          if (!g_str_has_suffix (cost->measure, suffix))
            continue;
          money = lgr_format_money_exact (cost->value);
          /* Translators: "lac-weekly: £1,718" */
          text = g_strdup_printf (_ ("Set target to %s (%s)"), money, cost->measure);
          button = gtk_button_new_with_label (text);
          gtk_widget_add_css_class (button, "flat");
          g_object_set_data (G_OBJECT (button), "lgr-value-x100",
                             GSIZE_TO_POINTER ((gsize)llround (cost->value * 100)));
          g_signal_connect_object (button, "clicked", G_CALLBACK (on_benchmark), self, 0);
          gtk_box_append (GTK_BOX (self->benchmark_box), button);
          n++;
        }
      if (study->benchmarks_source)
        {
          GtkWidget *source = gtk_label_new (study->benchmarks_source);
          gtk_label_set_wrap (GTK_LABEL (source), TRUE);
          gtk_label_set_max_width_chars (GTK_LABEL (source), 36);
          gtk_widget_add_css_class (source, "dim-label");
          gtk_widget_add_css_class (source, "caption");
          gtk_box_append (GTK_BOX (self->benchmark_box), source);
        }
    }
  gtk_widget_set_visible (self->benchmark_button, n > 0);
}

static char *
implied_count (const LgrLever *lever, const LgrScenario *scenario, double rate)
{
  const LgrAuthority *authority = lgr_scenario_find_authority (scenario, lever->authority_id);
  g_autofree char *count = NULL;

  if (authority == NULL || lever->basis == LGR_COHORT_BASIS_COUNT)
    return NULL;
  count = lgr_format_count (lgr_cohort_people (lever->basis, rate, authority), 0);
  return lever->basis == LGR_COHORT_BASIS_CHILD_POPULATION
             ? g_strdup_printf (_ ("= %s children in %s"), count, authority->name)
             : g_strdup_printf (_ ("= %s people in %s"), count, authority->name);
}

static double
nice_upper (double value, double minimum)
{
  double upper = MAX (minimum, value * 2);
  double magnitude = pow (10, floor (log10 (upper)));
  return ceil (upper / magnitude) * magnitude;
}

static void
show_field (LgrLeverRow *self, LgrLeverField f, const LgrLever *lever, const LgrScenario *scenario,
            const LgrStudy *study)
{
  LgrNumberRow *row = lgr_lever_row_get_field (self, f);
  double value;

  if (row == NULL)
    return;
  value = get_field (lever, study, f);
  lgr_number_row_set_value (row, value);
  switch (f)
    {
    case LGR_LEVER_FIELD_COHORT_BASELINE:
    case LGR_LEVER_FIELD_COHORT_TARGET:
      {
        g_autofree char *info = implied_count (lever, scenario, value);
        double top = MAX (lever->cohort_baseline, lever->cohort_target);
        lgr_number_row_set_unit (row, lgr_lever_cohort_unit (lever));
        if (f == LGR_LEVER_FIELD_COHORT_TARGET)
          {
            g_autofree char *baseline = lgr_format_decimal (lever->cohort_baseline, 1);
            g_autofree char *with_baseline
                = info ? g_strdup_printf (_ ("%s (baseline %s)"), info, baseline)
                       : g_strdup_printf (_ ("baseline %s"), baseline);
            g_free (info);
            info = g_steal_pointer (&with_baseline);
          }
        lgr_number_row_set_info (row, info);
        if (lever->basis == LGR_COHORT_BASIS_COUNT)
          lgr_number_row_set_slider_range (row, 0, nice_upper (top, 100), 1);
        else
          lgr_number_row_set_slider_range (row, 0, MIN (10000, nice_upper (top, 100)), 0.1);
        break;
      }
    case LGR_LEVER_FIELD_UNIT_COST_BASELINE:
    case LGR_LEVER_FIELD_UNIT_COST_TARGET:
      {
        double top = MAX (lever->unit_cost_baseline, lever->unit_cost_target);
        lgr_number_row_set_unit (row, lgr_lever_cost_unit (lever));
        if (f == LGR_LEVER_FIELD_UNIT_COST_TARGET)
          {
            g_autofree char *baseline = lgr_format_money_exact (lever->unit_cost_baseline);
            g_autofree char *info = g_strdup_printf (_ ("baseline %s"), baseline);
            lgr_number_row_set_info (row, info);
          }
        lgr_number_row_set_slider_range (row, 0, nice_upper (top, 1000),
                                         lever->unit_period == LGR_UNIT_PERIOD_WEEK ? 1 : 10);
        break;
      }
    case LGR_LEVER_FIELD_REALISATION_START:
      lgr_row_set_start_year_range (row, study, value);
      break;
    case LGR_LEVER_FIELD_GROWTH_COHORT:
    case LGR_LEVER_FIELD_GROWTH_UNIT_COST:
    case LGR_LEVER_N_FIELDS:
    default:
      break;
    }
}

/* Shows the lever as the document has it now, touching only what differs. */
static void
update (LgrLeverRow *self)
{
  const LgrStudy *study = lgr_document_get_study (self->document);
  const LgrScenario *scenario;
  const LgrLever *lever = current_lever (self, &scenario);
  g_autofree char *summary = NULL;
  g_autofree char *cost = NULL;
  g_autofree char *rate = NULL;

  /* A removed lever: the sidebar drops this row from the main loop. */
  if (lever == NULL || shows (self, lever, scenario, study))
    return;
  remember (self, lever, scenario, study);

  lgr_row_set_title (ADW_PREFERENCES_ROW (self), lever->name);
  if (self->compact)
    lgr_row_set_title (ADW_PREFERENCES_ROW (self->fields[LGR_LEVER_FIELD_COHORT_TARGET]),
                       lever->name);
  rate = lgr_format_decimal (lever->cohort_target, 1);
  cost = lgr_format_money_exact (lever->unit_cost_target);
  /* Translators: "target 55 per 10,000 children, £1,570 a week" */
  summary
      = g_strdup_printf (_ ("target %s %s, %s %s"), rate, lgr_lever_cohort_unit (lever), cost,
                         lever->unit_period == LGR_UNIT_PERIOD_WEEK ? _ ("a week") : _ ("a year"));
  lgr_row_set_expander_subtitle (ADW_EXPANDER_ROW (self), summary);
  if (gtk_switch_get_active (GTK_SWITCH (self->enabled)) != lever->enabled)
    gtk_switch_set_active (GTK_SWITCH (self->enabled), lever->enabled);

  for (int f = 0; f < LGR_LEVER_N_FIELDS; f++)
    show_field (self, f, lever, scenario, study);

  /* The lever changed: a refusal shown before no longer applies. */
  g_clear_pointer (&self->error, g_free);
  for (int e = 0; e < LGR_LEVER_N_EDITORS; e++)
    lgr_row_clear_error (self->editors[e]);
  show_editors (self, lever, scenario);
  if (!self->compact)
    {
      g_autofree char *profile = lgr_profile_to_string (&lever->realisation);
      lgr_row_set_editable_text (self->profile_entry, profile);
      lgr_row_clear_error (self->profile_entry);
      /* xgettext:no-c-format */
      lgr_row_set_action_subtitle (ADW_ACTION_ROW (self->profile_row),
                                   _ ("% of the full saving in each year from the start"));
      lgr_source_editor_set_text (LGR_SOURCE_EDITOR (self->source_editor), lever->source);
      show_stale_source (self, lever);
      sync_benchmarks (self, lever, scenario);
    }
}

static void
on_document_changed (LgrDocument *document, LgrLeverRow *self)
{
  update (self);
}

void
lgr_lever_row_sync (LgrLeverRow *self)
{
  g_return_if_fail (LGR_IS_LEVER_ROW (self));
  update (self);
}

static void
lgr_lever_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LGR_TYPE_LEVER_ROW);
  G_OBJECT_CLASS (lgr_lever_row_parent_class)->dispose (object);
}

static void
lgr_lever_row_finalize (GObject *object)
{
  LgrLeverRow *self = LGR_LEVER_ROW (object);
  g_clear_object (&self->document);
  g_free (self->scenario_id);
  g_free (self->lever_id);
  g_free (self->error);
  g_clear_pointer (&self->shown, lgr_lever_free);
  g_free (self->shown_authority);
  g_ptr_array_unref (self->shown_authorities);
  g_free (self->benchmarks_key);
  G_OBJECT_CLASS (lgr_lever_row_parent_class)->finalize (object);
}

static void
lgr_lever_row_class_init (LgrLeverRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const char *const field_ids[LGR_LEVER_N_FIELDS] = {
    [LGR_LEVER_FIELD_COHORT_BASELINE] = "cohort_baseline",
    [LGR_LEVER_FIELD_COHORT_TARGET] = "cohort_target",
    [LGR_LEVER_FIELD_UNIT_COST_BASELINE] = "unit_cost_baseline",
    [LGR_LEVER_FIELD_UNIT_COST_TARGET] = "unit_cost_target",
    [LGR_LEVER_FIELD_GROWTH_COHORT] = "growth_cohort",
    [LGR_LEVER_FIELD_GROWTH_UNIT_COST] = "growth_unit_cost",
    [LGR_LEVER_FIELD_REALISATION_START] = "realisation_start",
  };
  static const char *const editor_ids[LGR_LEVER_N_EDITORS] = {
    [LGR_LEVER_EDITOR_NAME] = "name_row",           [LGR_LEVER_EDITOR_SERVICE] = "service_row",
    [LGR_LEVER_EDITOR_AUTHORITY] = "authority_row", [LGR_LEVER_EDITOR_BASIS] = "basis_row",
    [LGR_LEVER_EDITOR_UNIT_PERIOD] = "period_row",  [LGR_LEVER_EDITOR_BENEFIT] = "benefit_row",
  };

  object_class->dispose = lgr_lever_row_dispose;
  object_class->finalize = lgr_lever_row_finalize;

  g_type_ensure (LGR_TYPE_NUMBER_ROW);
  g_type_ensure (LGR_TYPE_SOURCE_EDITOR);
  g_type_ensure (LGR_TYPE_RANGE_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/lgrexplorer/Explorer/lgr-lever-row.ui");
  for (int f = 0; f < LGR_LEVER_N_FIELDS; f++)
    gtk_widget_class_bind_template_child_full (widget_class, field_ids[f], FALSE,
                                               G_STRUCT_OFFSET (LgrLeverRow, fields)
                                                   + f * sizeof (GtkWidget *));
  for (int e = 0; e < LGR_LEVER_N_EDITORS; e++)
    gtk_widget_class_bind_template_child_full (widget_class, editor_ids[e], FALSE,
                                               G_STRUCT_OFFSET (LgrLeverRow, editors)
                                                   + e * sizeof (GtkWidget *));
  gtk_widget_class_bind_template_child (widget_class, LgrLeverRow, enabled);
  gtk_widget_class_bind_template_child (widget_class, LgrLeverRow, authority_names);
  gtk_widget_class_bind_template_child (widget_class, LgrLeverRow, profile_row);
  gtk_widget_class_bind_template_child (widget_class, LgrLeverRow, profile_entry);
  gtk_widget_class_bind_template_child (widget_class, LgrLeverRow, remove_row);
  gtk_widget_class_bind_template_child (widget_class, LgrLeverRow, switching_row);
  gtk_widget_class_bind_template_child (widget_class, LgrLeverRow, source_editor);
  gtk_widget_class_bind_template_child (widget_class, LgrLeverRow, source_button);
  gtk_widget_class_bind_template_child (widget_class, LgrLeverRow, benchmark_button);
  gtk_widget_class_bind_template_child (widget_class, LgrLeverRow, benchmark_box);
  gtk_widget_class_bind_template_callback (widget_class, on_enabled);
  gtk_widget_class_bind_template_callback (widget_class, on_text_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_choice);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_edit_finished);
  gtk_widget_class_bind_template_callback (widget_class, on_profile_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_remove);
  gtk_widget_class_bind_template_callback (widget_class, on_source_committed);
  gtk_widget_class_bind_template_callback (widget_class, on_source_confirmed);
}

static void
lgr_lever_row_init (LgrLeverRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->shown_authorities = g_ptr_array_new_with_free_func (g_free);
  lgr_row_hide_folded_rows (ADW_EXPANDER_ROW (self), self->editors[LGR_LEVER_EDITOR_NAME]);
}

/* Compact rows show the switch, the target and the unit cost target, expanded. */
static void
make_compact (LgrLeverRow *self)
{
  for (int f = 0; f < LGR_LEVER_N_FIELDS; f++)
    if (f != LGR_LEVER_FIELD_COHORT_TARGET && f != LGR_LEVER_FIELD_UNIT_COST_TARGET)
      gtk_widget_set_visible (self->fields[f], FALSE);
  for (int e = 0; e < LGR_LEVER_N_EDITORS; e++)
    gtk_widget_set_visible (self->editors[e], FALSE);
  gtk_widget_set_visible (self->source_button, FALSE);
  /* Not merely hidden: an empty prefix would still indent the title. */
  adw_action_row_remove (ADW_ACTION_ROW (self->fields[LGR_LEVER_FIELD_UNIT_COST_TARGET]),
                         self->benchmark_button);
  self->benchmark_button = NULL;
  gtk_widget_set_visible (self->profile_row, FALSE);
  gtk_widget_set_visible (self->remove_row, FALSE);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
}

GtkWidget *
lgr_lever_row_new (LgrDocument *document, const char *scenario_id, const char *lever_id,
                   gboolean compact)
{
  LgrLeverRow *self;

  g_return_val_if_fail (LGR_IS_DOCUMENT (document), NULL);

  self = g_object_new (LGR_TYPE_LEVER_ROW, NULL);
  self->document = g_object_ref (document);
  self->scenario_id = g_strdup (scenario_id);
  self->lever_id = g_strdup (lever_id);
  self->compact = compact;
  g_return_val_if_fail (current_lever (self, NULL) != NULL, GTK_WIDGET (self));
  if (compact)
    make_compact (self);
  lgr_range_editors_bind (GTK_WIDGET (self), document, scenario_id, lever_id, !compact);
  update (self);
  g_signal_connect_object (document, "changed", G_CALLBACK (on_document_changed), self, 0);
  return GTK_WIDGET (self);
}

GtkWidget *
lgr_lever_row_get_editor (LgrLeverRow *self, LgrLeverEditor editor)
{
  g_return_val_if_fail (LGR_IS_LEVER_ROW (self), NULL);
  g_return_val_if_fail ((guint)editor < LGR_LEVER_N_EDITORS, NULL);
  return self->compact ? NULL : self->editors[editor];
}

const char *
lgr_lever_row_get_error (LgrLeverRow *self)
{
  g_return_val_if_fail (LGR_IS_LEVER_ROW (self), NULL);
  return self->error;
}

const char *
lgr_lever_row_get_lever_id (LgrLeverRow *self)
{
  g_return_val_if_fail (LGR_IS_LEVER_ROW (self), NULL);
  return self->lever_id;
}

LgrNumberRow *
lgr_lever_row_get_field (LgrLeverRow *self, LgrLeverField field)
{
  g_return_val_if_fail (LGR_IS_LEVER_ROW (self), NULL);
  g_return_val_if_fail (field < LGR_LEVER_N_FIELDS, NULL);
  return gtk_widget_get_visible (self->fields[field]) ? LGR_NUMBER_ROW (self->fields[field]) : NULL;
}

void
lgr_lever_row_set_switching (LgrLeverRow *self, const char *text)
{
  gboolean shown = text != NULL && !self->compact;

  g_return_if_fail (LGR_IS_LEVER_ROW (self));
  if (shown)
    lgr_row_set_action_subtitle (ADW_ACTION_ROW (self->switching_row), text);
  if (!shown != !gtk_widget_get_visible (self->switching_row))
    gtk_widget_set_visible (self->switching_row, shown);
}

const char *
lgr_lever_row_get_switching (LgrLeverRow *self)
{
  g_return_val_if_fail (LGR_IS_LEVER_ROW (self), NULL);
  return gtk_widget_get_visible (self->switching_row)
             ? adw_action_row_get_subtitle (ADW_ACTION_ROW (self->switching_row))
             : NULL;
}

GtkWidget *
lgr_lever_row_get_source_editor (LgrLeverRow *self)
{
  g_return_val_if_fail (LGR_IS_LEVER_ROW (self), NULL);
  return self->source_editor;
}
