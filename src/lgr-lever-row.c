/* lgr-lever-row.c: one lever, editable. */
#include <glib/gi18n.h>
#include <math.h>

#include "lgr-conversions.h"
#include "lgr-format.h"
#include "lgr-lever-row.h"
#include "lgr-row-helpers.h"
#include "lgr-rules.h"

struct _LgrLeverRow
{
  AdwExpanderRow parent_instance;

  LgrDocument *document;
  char *scenario_id;
  char *lever_id;
  gboolean compact;

  GtkWidget *enabled;
  GtkWidget *fields[LGR_LEVER_N_FIELDS];
  GtkWidget *profile_row;
  GtkWidget *profile_entry;
  GtkWidget *source_label;
  GtkWidget *source_button;
  GtkWidget *benchmark_button;
  GtkWidget *benchmark_box;
  GtkWidget *editors[LGR_LEVER_N_EDITORS];
  char *error;
  gboolean syncing;
};

static const char *const basis_names[]
    = { [LGR_COHORT_BASIS_COUNT] = N_ ("A number of people"),
        [LGR_COHORT_BASIS_CHILD_POPULATION] = N_ ("Per 10,000 children"),
        [LGR_COHORT_BASIS_POPULATION] = N_ ("Per 10,000 residents") };
static const char *const period_names[]
    = { [LGR_UNIT_PERIOD_WEEK] = N_ ("A week"), [LGR_UNIT_PERIOD_YEAR] = N_ ("A year") };
static const char *const benefit_names[] = {
  [LGR_BENEFIT_CASHABLE] = N_ ("Cashable saving"), [LGR_BENEFIT_AVOIDANCE] = N_ ("Cost avoidance")
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

static void
on_field_changed (LgrNumberRow *row, double value, gboolean dragging, LgrLeverRow *self)
{
  LgrLeverField field = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "lgr-field"));
  const LgrLever *current = current_lever (self, NULL);
  g_autoptr (LgrLever) lever = NULL;
  g_autofree char *merge_key = NULL;

  if (self->syncing || current == NULL)
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
on_enabled (GObject *object, GParamSpec *pspec, LgrLeverRow *self)
{
  const LgrLever *current = current_lever (self, NULL);
  g_autoptr (LgrLever) lever = NULL;

  if (self->syncing || current == NULL)
    return;
  lever = lgr_lever_copy (current);
  lever->enabled = gtk_switch_get_active (GTK_SWITCH (self->enabled));
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

/* Shows why an edit made through one of the editors was refused: on the editor and in the
 * row's subtitle, where it is seen even when the row is folded. */
static void
show_refusal (LgrLeverRow *self, GtkWidget *editor, const char *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_widget_add_css_class (editor, "error");
  gtk_widget_set_tooltip_text (editor, message);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), message);
}

/* Applies an edit made through an editor. The document's "changed" may rebuild the sidebar and
 * so drop this row: it is kept alive until the refusal, if any, is shown. */
typedef gboolean (*EditFunc) (LgrLeverRow *self, gpointer data, GError **error);

static void
edit (LgrLeverRow *self, LgrLeverEditor editor, EditFunc func, gpointer data)
{
  g_autoptr (GError) error = NULL;

  if (self->syncing || current_lever (self, NULL) == NULL)
    return;
  g_object_ref (self);
  if (!func (self, data, &error))
    {
      lgr_lever_row_sync (self); /* the editor shows the lever's value again */
      show_refusal (self, self->editors[editor], error->message);
    }
  g_object_unref (self);
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
  return lgr_document_set_lever_basis (self->document, self->scenario_id, self->lever_id,
                                       GPOINTER_TO_INT (data), error);
}

static gboolean
edit_period (LgrLeverRow *self, gpointer data, GError **error)
{
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
  LgrLeverEditor editor = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "lgr-editor"));
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));

  edit (self, editor, editor == LGR_LEVER_EDITOR_NAME ? edit_name : edit_service, text);
}

static void
on_choice (AdwComboRow *row, GParamSpec *pspec, LgrLeverRow *self)
{
  LgrLeverEditor editor = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "lgr-editor"));
  guint selected = adw_combo_row_get_selected (row);
  static const EditFunc funcs[LGR_LEVER_N_EDITORS] = {
    [LGR_LEVER_EDITOR_AUTHORITY] = edit_authority,
    [LGR_LEVER_EDITOR_BASIS] = edit_basis,
    [LGR_LEVER_EDITOR_UNIT_PERIOD] = edit_period,
    [LGR_LEVER_EDITOR_BENEFIT] = edit_benefit,
  };

  if (selected == GTK_INVALID_LIST_POSITION || funcs[editor] == NULL || self->syncing)
    return;
  /* The edit may rebuild the sidebar and drop this combo row while it is still telling others
   * about its selection: it stays alive until the main loop is back. */
  g_idle_add (lgr_row_unref_later, g_object_ref (row));
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

/* Offers the benchmarks of the authority's population band whose period matches the lever's. */
static void
sync_benchmarks (LgrLeverRow *self, const LgrLever *lever, const LgrScenario *scenario)
{
  const LgrStudy *study = lgr_document_get_study (self->document);
  const LgrAuthority *authority = lgr_scenario_find_authority (scenario, lever->authority_id);
  const LgrBenchmarkBand *band
      = authority ? lgr_study_benchmark_band_for (study, authority->population) : NULL;
  const char *suffix = lever->unit_period == LGR_UNIT_PERIOD_WEEK ? "-weekly" : "-yearly";
  GtkWidget *child;
  guint n = 0;

  if (self->benchmark_box == NULL)
    return;
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
          g_signal_connect (button, "clicked", G_CALLBACK (on_benchmark), self);
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

void
lgr_lever_row_sync (LgrLeverRow *self)
{
  const LgrStudy *study = lgr_document_get_study (self->document);
  const LgrScenario *scenario;
  const LgrLever *lever = current_lever (self, &scenario);
  g_autofree char *summary = NULL;
  g_autofree char *cost = NULL;
  g_autofree char *rate = NULL;
  g_autofree char *profile = NULL;

  g_return_if_fail (LGR_IS_LEVER_ROW (self));
  if (lever == NULL)
    return;

  self->syncing = TRUE;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), lever->name);
  rate = lgr_format_decimal (lever->cohort_target, 1);
  cost = lgr_format_money_exact (lever->unit_cost_target);
  /* Translators: "target 55 per 10,000 children, £1,570 a week" */
  summary
      = g_strdup_printf (_ ("target %s %s, %s %s"), rate, lgr_lever_cohort_unit (lever), cost,
                         lever->unit_period == LGR_UNIT_PERIOD_WEEK ? _ ("a week") : _ ("a year"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), summary);
  gtk_switch_set_active (GTK_SWITCH (self->enabled), lever->enabled);

  for (int f = 0; f < LGR_LEVER_N_FIELDS; f++)
    {
      LgrNumberRow *row = self->fields[f] ? LGR_NUMBER_ROW (self->fields[f]) : NULL;
      double value;

      if (row == NULL)
        continue;
      value = get_field (lever, study, f);
      lgr_number_row_set_value (row, value);
      switch (f)
        {
        case LGR_LEVER_FIELD_COHORT_BASELINE:
        case LGR_LEVER_FIELD_COHORT_TARGET:
          {
            g_autofree char *info = implied_count (lever, scenario, value);
            double top = MAX (lever->cohort_baseline, lever->cohort_target);
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
          {
            g_autofree char *year = lgr_format_financial_year ((int)value);
            g_autofree char *info = g_strdup_printf (_ ("from %s"), year);
            lgr_number_row_set_info (row, info);
            lgr_number_row_set_slider_range (row, study->first_year,
                                             study->first_year + study->years - 1, 1);
            break;
          }
        default:
          break;
        }
    }

  g_clear_pointer (&self->error, g_free);
  for (int e = 0; e < LGR_LEVER_N_EDITORS; e++)
    if (self->editors[e])
      {
        gtk_widget_remove_css_class (self->editors[e], "error");
        gtk_widget_set_tooltip_text (self->editors[e], NULL);
      }
  if (self->editors[LGR_LEVER_EDITOR_NAME])
    {
      GtkEditable *name = GTK_EDITABLE (self->editors[LGR_LEVER_EDITOR_NAME]);
      GtkEditable *service = GTK_EDITABLE (self->editors[LGR_LEVER_EDITOR_SERVICE]);
      guint authority = 0;

      if (g_strcmp0 (gtk_editable_get_text (name), lever->name) != 0)
        gtk_editable_set_text (name, lever->name);
      if (g_strcmp0 (gtk_editable_get_text (service), lever->service ? lever->service : "") != 0)
        gtk_editable_set_text (service, lever->service ? lever->service : "");
      for (guint i = 0; i < scenario->authorities->len; i++)
        if (g_strcmp0 (((LgrAuthority *)g_ptr_array_index (scenario->authorities, i))->id,
                       lever->authority_id)
            == 0)
          authority = i;
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->editors[LGR_LEVER_EDITOR_AUTHORITY]),
                                  authority);
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->editors[LGR_LEVER_EDITOR_BASIS]),
                                  lever->basis);
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->editors[LGR_LEVER_EDITOR_UNIT_PERIOD]),
                                  lever->unit_period);
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->editors[LGR_LEVER_EDITOR_BENEFIT]),
                                  lever->benefit);
    }

  if (self->profile_entry)
    {
      profile = lgr_profile_to_string (&lever->realisation);
      gtk_editable_set_text (GTK_EDITABLE (self->profile_entry), profile);
      gtk_widget_remove_css_class (self->profile_entry, "error");
      gtk_widget_set_tooltip_text (self->profile_entry, NULL);
      /* xgettext:no-c-format */
      const char *hint = _ ("% of the full saving in each year from the start");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->profile_row), hint);
    }
  if (self->source_label)
    {
      gtk_label_set_text (GTK_LABEL (self->source_label),
                          lever->source ? lever->source : _ ("No source given for this lever."));
      sync_benchmarks (self, lever, scenario);
    }
  self->syncing = FALSE;
}

static void
lgr_lever_row_finalize (GObject *object)
{
  LgrLeverRow *self = LGR_LEVER_ROW (object);
  g_clear_object (&self->document);
  g_free (self->scenario_id);
  g_free (self->lever_id);
  g_free (self->error);
  G_OBJECT_CLASS (lgr_lever_row_parent_class)->finalize (object);
}

static void
lgr_lever_row_class_init (LgrLeverRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lgr_lever_row_finalize;
}

static void
lgr_lever_row_init (LgrLeverRow *self)
{
}

static GtkWidget *
add_field (LgrLeverRow *self, LgrLeverField field, const char *title, const char *unit)
{
  GtkWidget *row = lgr_number_row_new (title, unit, 0, 100, 1);
  g_object_set_data (G_OBJECT (row), "lgr-field", GINT_TO_POINTER (field));
  g_signal_connect (row, "value-changed", G_CALLBACK (on_field_changed), self);
  g_signal_connect (row, "edit-finished", G_CALLBACK (on_edit_finished), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
  self->fields[field] = row;
  return row;
}

static void
add_text_editor (LgrLeverRow *self, LgrLeverEditor editor, const char *title)
{
  GtkWidget *row = lgr_row_add_entry_row (ADW_EXPANDER_ROW (self), title);
  g_object_set_data (G_OBJECT (row), "lgr-editor", GINT_TO_POINTER (editor));
  g_signal_connect (row, "apply", G_CALLBACK (on_text_apply), self);
  g_signal_connect (row, "entry-activated", G_CALLBACK (on_text_apply), self);
  self->editors[editor] = row;
}

static void
add_choice_editor (LgrLeverRow *self, LgrLeverEditor editor, const char *title,
                   GtkStringList *choices)
{
  GtkWidget *row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (choices));
  g_object_unref (choices);
  g_object_set_data (G_OBJECT (row), "lgr-editor", GINT_TO_POINTER (editor));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
  self->editors[editor] = row;
}

static void
add_editors (LgrLeverRow *self, const LgrScenario *scenario)
{
  GtkStringList *authorities = gtk_string_list_new (NULL);

  for (guint i = 0; i < scenario->authorities->len; i++)
    gtk_string_list_append (authorities,
                            ((LgrAuthority *)g_ptr_array_index (scenario->authorities, i))->name);
  add_text_editor (self, LGR_LEVER_EDITOR_NAME, _ ("Name"));
  add_choice_editor (self, LGR_LEVER_EDITOR_AUTHORITY, _ ("Authority"), authorities);
  add_text_editor (self, LGR_LEVER_EDITOR_SERVICE, _ ("Service"));
  add_choice_editor (self, LGR_LEVER_EDITOR_BASIS, _ ("Counted as"),
                     lgr_row_translated_list (basis_names, G_N_ELEMENTS (basis_names)));
  add_choice_editor (self, LGR_LEVER_EDITOR_UNIT_PERIOD, _ ("Unit cost for"),
                     lgr_row_translated_list (period_names, G_N_ELEMENTS (period_names)));
  add_choice_editor (self, LGR_LEVER_EDITOR_BENEFIT, _ ("Benefit"),
                     lgr_row_translated_list (benefit_names, G_N_ELEMENTS (benefit_names)));
}

static void
connect_choices (LgrLeverRow *self)
{
  for (int e = 0; e < LGR_LEVER_N_EDITORS; e++)
    if (self->editors[e] && ADW_IS_COMBO_ROW (self->editors[e]))
      g_signal_connect (self->editors[e], "notify::selected", G_CALLBACK (on_choice), self);
}

GtkWidget *
lgr_lever_row_new (LgrDocument *document, const char *scenario_id, const char *lever_id,
                   gboolean compact)
{
  LgrLeverRow *self;
  const LgrLever *lever;
  const char *cohort_unit, *cost_unit;
  GtkWidget *popover, *row;

  g_return_val_if_fail (LGR_IS_DOCUMENT (document), NULL);

  self = g_object_new (LGR_TYPE_LEVER_ROW, NULL);
  self->document = g_object_ref (document);
  self->scenario_id = g_strdup (scenario_id);
  self->lever_id = g_strdup (lever_id);
  self->compact = compact;
  lever = current_lever (self, NULL);
  g_return_val_if_fail (lever != NULL, GTK_WIDGET (self));
  cohort_unit = lgr_lever_cohort_unit (lever);
  cost_unit = lgr_lever_cost_unit (lever);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self), FALSE);

  self->enabled
      = lgr_row_new_enable_switch (_ ("Include this lever"), G_CALLBACK (on_enabled), self);
  gtk_widget_set_tooltip_text (self->enabled, _ ("Include this lever in the results"));

  if (!compact)
    {
      /* The source note, one click away. */
      self->source_label = lgr_row_add_source_button (
          ADW_EXPANDER_ROW (self), _ ("Where these numbers come from"), &self->source_button);
      gtk_label_set_xalign (GTK_LABEL (self->source_label), 0);
    }
  adw_expander_row_add_action (ADW_EXPANDER_ROW (self), self->enabled);

  if (!compact)
    {
      const LgrScenario *scenario;
      current_lever (self, &scenario);
      add_editors (self, scenario);
      add_field (self, LGR_LEVER_FIELD_COHORT_BASELINE, _ ("Baseline"), cohort_unit);
    }
  add_field (self, LGR_LEVER_FIELD_COHORT_TARGET, compact ? lever->name : _ ("Target"),
             cohort_unit);
  if (!compact)
    add_field (self, LGR_LEVER_FIELD_UNIT_COST_BASELINE, _ ("Unit cost baseline"), cost_unit);
  row = add_field (self, LGR_LEVER_FIELD_UNIT_COST_TARGET, _ ("Unit cost target"), cost_unit);

  if (!compact)
    {
      self->benchmark_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      gtk_widget_set_margin_start (self->benchmark_box, 6);
      gtk_widget_set_margin_end (self->benchmark_box, 6);
      gtk_widget_set_margin_top (self->benchmark_box, 6);
      gtk_widget_set_margin_bottom (self->benchmark_box, 6);
      popover = gtk_popover_new ();
      gtk_popover_set_child (GTK_POPOVER (popover), self->benchmark_box);
      self->benchmark_button = gtk_menu_button_new ();
      gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->benchmark_button), "starred-symbolic");
      gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->benchmark_button), popover);
      gtk_widget_set_valign (self->benchmark_button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (self->benchmark_button, "flat");
      gtk_widget_set_tooltip_text (self->benchmark_button, _ ("Set to benchmark"));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), self->benchmark_button);

      /* xgettext:no-c-format */
      const char *per_year = _ ("% a year");

      add_field (self, LGR_LEVER_FIELD_GROWTH_COHORT, _ ("Cohort growth"), per_year);
      add_field (self, LGR_LEVER_FIELD_GROWTH_UNIT_COST, _ ("Unit cost growth"), per_year);
      add_field (self, LGR_LEVER_FIELD_REALISATION_START, _ ("Realisation starts"), NULL);

      self->profile_row = lgr_row_add_profile_row (
          ADW_EXPANDER_ROW (self), _ ("Realisation profile"), _ ("Realisation profile"),
          G_CALLBACK (on_profile_activate), self, &self->profile_entry);
      lgr_row_add_remove_row (ADW_EXPANDER_ROW (self), _ ("Remove this lever"),
                              G_CALLBACK (on_remove), self);
    }
  else
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);

  lgr_lever_row_sync (self);
  connect_choices (self);
  return GTK_WIDGET (self);
}

GtkWidget *
lgr_lever_row_get_editor (LgrLeverRow *self, LgrLeverEditor editor)
{
  g_return_val_if_fail (LGR_IS_LEVER_ROW (self), NULL);
  g_return_val_if_fail ((guint)editor < LGR_LEVER_N_EDITORS, NULL);
  return self->editors[editor];
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
  return self->fields[field] ? LGR_NUMBER_ROW (self->fields[field]) : NULL;
}
