/* lgr-published-view.c: the window's published figures (lgr-published-view.h). A group per
 * scenario that has any, a row per figure: the comparison as its title, the source in full as
 * its subtitle, so nothing needs a hover. */
#include "lgr-published-view.h"

#include <glib/gi18n.h>

#include "lgr-format.h"
#include "lgr-published.h"

struct _LgrPublishedView
{
  GtkBox parent_instance;

  /* Template widgets */
  GtkBox *groups;

  char *key;       /* what the rows say, to rebuild them only when it changes */
  GPtrArray *rows; /* of AdwActionRow*, borrowed: the groups own them */
};

G_DEFINE_FINAL_TYPE (LgrPublishedView, lgr_published_view, GTK_TYPE_BOX)

static void
lgr_published_view_finalize (GObject *object)
{
  LgrPublishedView *self = LGR_PUBLISHED_VIEW (object);
  g_free (self->key);
  g_ptr_array_unref (self->rows);
  G_OBJECT_CLASS (lgr_published_view_parent_class)->finalize (object);
}

static void
lgr_published_view_class_init (LgrPublishedViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = lgr_published_view_finalize;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/lgrexplorer/Explorer/"
                                                             "lgr-published-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LgrPublishedView, groups);
}

static void
lgr_published_view_init (LgrPublishedView *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
lgr_published_view_new (void)
{
  return g_object_new (LGR_TYPE_PUBLISHED_VIEW, NULL);
}

/* The title and source of every row, scenario by scenario: texts cut to what a row shows. */
static GPtrArray *
describe (const LgrResults *results)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  for (guint s = 0; s < results->n_scenarios; s++)
    {
      const LgrScenarioResult *r = &results->scenarios[s];
      const GPtrArray *published = r->scenario->published;
      if (published->len == 0)
        continue;
      g_ptr_array_add (texts, NULL); /* a new group */
      g_ptr_array_add (texts, lgr_format_truncate (r->scenario->name ? r->scenario->name : "",
                                                   LGR_FORMAT_MAX_NAME_CHARS));
      for (guint i = 0; i < published->len; i++)
        {
          const LgrPublished *p = g_ptr_array_index (published, i);
          g_ptr_array_add (texts, lgr_published_describe (p, results, r));
          g_ptr_array_add (
              texts, lgr_format_truncate (p->source ? p->source : "", LGR_FORMAT_MAX_NOTE_CHARS));
        }
    }
  return texts;
}

static char *
join (const GPtrArray *texts)
{
  GString *key = g_string_new (NULL);
  for (guint i = 0; i < texts->len; i++)
    {
      const char *t = g_ptr_array_index (texts, i);
      g_string_append (key, t ? t : "\x1d");
      g_string_append_c (key, '\x1e');
    }
  return g_string_free (key, FALSE);
}

static void
rebuild (LgrPublishedView *self, const GPtrArray *texts)
{
  GtkWidget *child;
  AdwPreferencesGroup *group = NULL;

  g_ptr_array_set_size (self->rows, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups))))
    gtk_box_remove (self->groups, child);
  for (guint i = 0; i < texts->len;)
    {
      const char *text = g_ptr_array_index (texts, i);
      if (text == NULL)
        {
          /* the scenario's name as a label of its own: names are plain text, never markup */
          GtkWidget *name = gtk_label_new (g_ptr_array_index (texts, i + 1));
          gtk_label_set_xalign (GTK_LABEL (name), 0);
          gtk_label_set_wrap (GTK_LABEL (name), TRUE);
          gtk_widget_add_css_class (name, "heading");
          gtk_box_append (self->groups, name);
          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          gtk_box_append (self->groups, GTK_WIDGET (group));
          i += 2;
          continue;
        }
      {
        AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
        adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
        adw_action_row_set_subtitle (row, g_ptr_array_index (texts, i + 1));
        adw_preferences_row_set_title_selectable (ADW_PREFERENCES_ROW (row), TRUE);
        adw_preferences_group_add (group, GTK_WIDGET (row));
        g_ptr_array_add (self->rows, row);
        i += 2;
      }
    }
}

void
lgr_published_view_set_results (LgrPublishedView *self, const LgrResults *results)
{
  g_autoptr (GPtrArray) texts = NULL;
  g_autofree char *key = NULL;

  g_return_if_fail (LGR_IS_PUBLISHED_VIEW (self));
  texts = describe (results);
  key = join (texts);
  if (g_strcmp0 (key, self->key) == 0)
    return;
  g_free (self->key);
  self->key = g_steal_pointer (&key);
  rebuild (self, texts);
  gtk_widget_set_visible (GTK_WIDGET (self), texts->len > 0);
}

guint
lgr_published_view_get_n_rows (LgrPublishedView *self)
{
  g_return_val_if_fail (LGR_IS_PUBLISHED_VIEW (self), 0);
  return self->rows->len;
}

AdwActionRow *
lgr_published_view_get_row (LgrPublishedView *self, guint index)
{
  g_return_val_if_fail (LGR_IS_PUBLISHED_VIEW (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);
  return g_ptr_array_index (self->rows, index);
}
