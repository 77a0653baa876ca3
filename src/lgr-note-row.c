/* lgr-note-row.c: a note of the study, a scenario or an authority, editable (lgr-note-row.h).
 *
 * The row listens to the document, so the sidebar need not sync it: each change it shows the
 * note as the document has it, unless the note is the one last shown (then the editor keeps
 * what the user may be typing, and a refused text stays in the editor with the reason).
 * An authority's note is marked when a population changed after it was written
 * (docs/format.md), as a lever's is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-note-row.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "lgr-format.h"
#include "lgr-row-helpers.h"
#include "lgr-source-editor.h"

struct _LgrNoteRow
{
  AdwActionRow parent_instance;

  GtkWidget *button;
  GtkWidget *editor;

  LgrDocument *document;
  char *kind;
  char *scenario_id;
  char *authority_id;
  char *shown;        /* the note as last shown; NULL: none */
  gboolean has_shown; /* shown is set (NULL is a note too) */
};

G_DEFINE_FINAL_TYPE (LgrNoteRow, lgr_note_row, ADW_TYPE_ACTION_ROW)

enum
{
  PROP_0,
  PROP_KIND,
  PROP_SCENARIO_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_kind (LgrNoteRow *self, const char *kind)
{
  return g_strcmp0 (self->kind, kind) == 0;
}

static const LgrAuthority *
current_authority (LgrNoteRow *self)
{
  const LgrScenario *scenario;

  if (self->document == NULL)
    return NULL;
  scenario = lgr_study_find_scenario (lgr_document_get_study (self->document), self->scenario_id);
  return scenario && self->authority_id ? lgr_scenario_find_authority (scenario, self->authority_id)
                                        : NULL;
}

/* The note the row stands for; *found FALSE when its owner is gone (a removed scenario). */
static const char *
current_note (LgrNoteRow *self, gboolean *found)
{
  const LgrStudy *study = self->document ? lgr_document_get_study (self->document) : NULL;
  const LgrScenario *scenario;
  const LgrAuthority *authority;

  *found = study != NULL;
  if (study == NULL)
    return NULL;
  if (is_kind (self, LGR_NOTE_STUDY_DESCRIPTION))
    return study->description;
  if (is_kind (self, LGR_NOTE_BENCHMARKS_SOURCE))
    return study->benchmarks_source;
  if (is_kind (self, LGR_NOTE_SCENARIO_DESCRIPTION)
      && (scenario = lgr_study_find_scenario (study, self->scenario_id)))
    return scenario->description;
  if (is_kind (self, LGR_NOTE_AUTHORITY_SOURCE) && (authority = current_authority (self)))
    return authority->source;
  *found = FALSE;
  return NULL;
}

/* "Changed since the source", for an authority's populations. */
static char *
stale_warning (const LgrAuthority *authority)
{
  g_autoptr (GString) warning = g_string_new (NULL);

  if (authority->source && authority->has_source_population)
    {
      g_autofree char *then = lgr_format_count (authority->source_population, 0);
      g_autofree char *now = lgr_format_count (authority->population, 0);
      g_string_append_printf (warning, _ ("Population changed since this source: %s → %s"), then,
                              now);
    }
  if (authority->source && authority->has_source_child_population)
    {
      g_autofree char *then = lgr_format_count (authority->source_child_population, 0);
      g_autofree char *now = lgr_format_count (authority->child_population, 0);
      if (warning->len)
        g_string_append_c (warning, '\n');
      g_string_append_printf (warning, _ ("Children changed since this source: %s → %s"), then,
                              now);
    }
  return warning->len ? g_string_free (g_steal_pointer (&warning), FALSE) : NULL;
}

static void
sync_row (LgrNoteRow *self)
{
  gboolean found;
  const char *note = current_note (self, &found);
  const LgrAuthority *authority = current_authority (self);
  g_autofree char *warning = authority ? stale_warning (authority) : NULL;
  g_autofree char *first = NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self), found);
  if (!self->has_shown || g_strcmp0 (note, self->shown) != 0)
    {
      g_free (self->shown);
      self->shown = g_strdup (note);
      self->has_shown = TRUE;
      lgr_source_editor_set_text (LGR_SOURCE_EDITOR (self->editor), note);
    }
  /* The subtitle: the note's first line, shortened; the whole note is one click away. */
  if (note)
    {
      g_autofree char *line = g_strndup (note, strcspn (note, "\n"));
      first = lgr_format_truncate (line, 90);
    }
  lgr_row_set_action_subtitle (ADW_ACTION_ROW (self), first ? first : _ ("None given"));
  lgr_source_editor_set_stale (LGR_SOURCE_EDITOR (self->editor), warning);
  lgr_row_set_menu_icon (GTK_MENU_BUTTON (self->button),
                         warning ? "dialog-warning-symbolic" : "document-edit-symbolic");
  lgr_row_set_tooltip (self->button, warning);
}

static void
on_document_changed (LgrDocument *document, LgrNoteRow *self)
{
  sync_row (self);
}

/* The note as typed (NULL: removed), one edit; a refusal is said in the editor, and what was
 * typed stays there. */
static void
on_committed (LgrSourceEditor *editor, const char *text, LgrNoteRow *self)
{
  g_autoptr (GError) error = NULL;
  gboolean done = TRUE;

  if (self->document == NULL)
    return;
  if (is_kind (self, LGR_NOTE_STUDY_DESCRIPTION))
    done = lgr_document_set_study_description (self->document, text, &error);
  else if (is_kind (self, LGR_NOTE_SCENARIO_DESCRIPTION))
    done = lgr_document_set_scenario_description (self->document, self->scenario_id, text, &error);
  else if (is_kind (self, LGR_NOTE_BENCHMARKS_SOURCE))
    done = lgr_document_set_benchmarks_source (self->document, text, &error);
  else if (is_kind (self, LGR_NOTE_AUTHORITY_SOURCE) && current_authority (self))
    {
      g_autoptr (LgrAuthority) authority = lgr_authority_copy (current_authority (self));
      g_free (authority->source);
      authority->source = g_strdup (text);
      done
          = lgr_document_set_authority (self->document, self->scenario_id, authority, NULL, &error);
    }
  lgr_source_editor_set_error (editor, done ? NULL : error->message);
}

/* The authority's note still holds: the marks go, as one edit. */
static void
on_confirmed (LgrSourceEditor *editor, LgrNoteRow *self)
{
  const LgrAuthority *current = current_authority (self);
  g_autoptr (LgrAuthority) authority = NULL;

  if (current == NULL || !(current->has_source_population || current->has_source_child_population))
    return;
  authority = lgr_authority_copy (current);
  authority->has_source_population = authority->has_source_child_population = FALSE;
  lgr_document_set_authority (self->document, self->scenario_id, authority, NULL, NULL);
}

/* The row's title and what the editor asks for, by kind. */
static void
set_kind (LgrNoteRow *self, const char *kind)
{
  const char *title = _ ("Description");
  const char *hint = _ ("What this is, for a reader who was not in the room: several lines "
                        "and paragraphs if need be.");
  const char *label = _ ("Edit the description");

  g_free (self->kind);
  self->kind = g_strdup (kind);
  if (is_kind (self, LGR_NOTE_BENCHMARKS_SOURCE))
    {
      title = _ ("Source of the benchmarks");
      hint = _ ("Where the benchmark unit costs come from: publisher, title, date, table.");
      label = _ ("Edit the source of the benchmarks");
    }
  else if (is_kind (self, LGR_NOTE_AUTHORITY_SOURCE))
    {
      title = _ ("Source of the populations");
      hint = _ ("Where the population and children figures come from: publisher, title, "
                "date, table.");
      label = _ ("Edit the source of the populations");
    }
  else if (is_kind (self, LGR_NOTE_SCENARIO_DESCRIPTION))
    title = _ ("Scenario description");
  else if (is_kind (self, LGR_NOTE_STUDY_DESCRIPTION))
    title = _ ("Study description");
  lgr_row_set_title (ADW_PREFERENCES_ROW (self), title);
  lgr_source_editor_set_hint (LGR_SOURCE_EDITOR (self->editor), hint, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
  /* Another note: one refused for the last is not kept for this one. */
  lgr_source_editor_set_error (LGR_SOURCE_EDITOR (self->editor), NULL);
  self->has_shown = FALSE;
  sync_row (self);
}

static void
set_scenario_id (LgrNoteRow *self, const char *scenario_id)
{
  if (g_strcmp0 (scenario_id, self->scenario_id) == 0)
    return;
  /* Another scenario's note: what was typed for the last one is committed first. */
  lgr_source_editor_commit (LGR_SOURCE_EDITOR (self->editor));
  g_free (self->scenario_id);
  self->scenario_id = g_strdup (scenario_id);
  /* Another note: one refused for the last is not kept for this one. */
  lgr_source_editor_set_error (LGR_SOURCE_EDITOR (self->editor), NULL);
  self->has_shown = FALSE;
  sync_row (self);
}

static void
lgr_note_row_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  LgrNoteRow *self = LGR_NOTE_ROW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      set_kind (self, g_value_get_string (value));
      break;
    case PROP_SCENARIO_ID:
      set_scenario_id (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lgr_note_row_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  LgrNoteRow *self = LGR_NOTE_ROW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case PROP_SCENARIO_ID:
      g_value_set_string (value, self->scenario_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lgr_note_row_dispose (GObject *object)
{
  LgrNoteRow *self = LGR_NOTE_ROW (object);

  g_clear_object (&self->document);
  G_OBJECT_CLASS (lgr_note_row_parent_class)->dispose (object);
}

static void
lgr_note_row_finalize (GObject *object)
{
  LgrNoteRow *self = LGR_NOTE_ROW (object);

  g_free (self->kind);
  g_free (self->scenario_id);
  g_free (self->authority_id);
  g_free (self->shown);
  G_OBJECT_CLASS (lgr_note_row_parent_class)->finalize (object);
}

static void
lgr_note_row_class_init (LgrNoteRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->set_property = lgr_note_row_set_property;
  object_class->get_property = lgr_note_row_get_property;
  object_class->dispose = lgr_note_row_dispose;
  object_class->finalize = lgr_note_row_finalize;
  properties[PROP_KIND]
      = g_param_spec_string ("kind", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCENARIO_ID]
      = g_param_spec_string ("scenario-id", NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LGR_TYPE_SOURCE_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/lgrexplorer/Explorer/lgr-note-row.ui");
  gtk_widget_class_bind_template_child (widget_class, LgrNoteRow, button);
  gtk_widget_class_bind_template_child (widget_class, LgrNoteRow, editor);
  gtk_widget_class_bind_template_callback (widget_class, on_committed);
  gtk_widget_class_bind_template_callback (widget_class, on_confirmed);
}

static void
lgr_note_row_init (LgrNoteRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
lgr_note_row_set_target (LgrNoteRow *self, LgrDocument *document, const char *scenario_id,
                         const char *authority_id)
{
  g_return_if_fail (LGR_IS_NOTE_ROW (self));
  g_return_if_fail (document == NULL || LGR_IS_DOCUMENT (document));

  if (self->document != document)
    {
      if (self->document)
        g_signal_handlers_disconnect_by_func (self->document, on_document_changed, self);
      g_set_object (&self->document, document);
      if (document)
        g_signal_connect_object (document, "changed", G_CALLBACK (on_document_changed), self, 0);
    }
  g_free (self->authority_id);
  self->authority_id = g_strdup (authority_id);
  g_free (self->scenario_id);
  self->scenario_id = g_strdup (scenario_id);
  /* Another note: one refused for the last is not kept for this one. */
  lgr_source_editor_set_error (LGR_SOURCE_EDITOR (self->editor), NULL);
  self->has_shown = FALSE;
  sync_row (self);
}

void
lgr_note_row_set_document_below (GtkWidget *top, LgrDocument *document)
{
  g_return_if_fail (GTK_IS_WIDGET (top));

  for (GtkWidget *child = gtk_widget_get_first_child (top); child;
       child = gtk_widget_get_next_sibling (child))
    {
      if (LGR_IS_NOTE_ROW (child))
        {
          LgrNoteRow *row = LGR_NOTE_ROW (child);
          g_autofree char *scenario_id = g_strdup (row->scenario_id);
          g_autofree char *authority_id = g_strdup (row->authority_id);
          lgr_note_row_set_target (row, document, scenario_id, authority_id);
        }
      else
        lgr_note_row_set_document_below (child, document);
    }
}

LgrNoteRow *
lgr_note_row_find_below (GtkWidget *top, const char *kind, const char *authority_id)
{
  g_return_val_if_fail (GTK_IS_WIDGET (top), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (top); child;
       child = gtk_widget_get_next_sibling (child))
    {
      LgrNoteRow *found;
      if (LGR_IS_NOTE_ROW (child))
        {
          LgrNoteRow *row = LGR_NOTE_ROW (child);
          if (g_strcmp0 (row->kind, kind) == 0
              && (authority_id == NULL || g_strcmp0 (row->authority_id, authority_id) == 0))
            return row;
        }
      else if ((found = lgr_note_row_find_below (child, kind, authority_id)))
        return found;
    }
  return NULL;
}

GtkWidget *
lgr_note_row_get_editor (LgrNoteRow *self)
{
  g_return_val_if_fail (LGR_IS_NOTE_ROW (self), NULL);
  return self->editor;
}

GtkWidget *
lgr_note_row_get_button (LgrNoteRow *self)
{
  g_return_val_if_fail (LGR_IS_NOTE_ROW (self), NULL);
  return self->button;
}
