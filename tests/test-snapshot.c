/* test-snapshot.c: snapshots (src/core/lgr-snapshot.c, docs/format.md "Snapshots"): read from a
 * file and written back, each error with its line, applied to a copy without touching the
 * study's own values, described in words, and made from the differences of two studies. A
 * set's fields are changed here rather than in test-schema.c: they name other objects. */
#include <glib.h>
#include <locale.h>
#include <string.h>

#include "lgr-document-snapshots.h"
#include "lgr-rules.h"
#include "lgr-snapshot.h"
#include "lgr-study-io.h"
#include "lgr-test-util.h"

/* The bundled study with snapshots before its end tag. */
static char *
bundled_with (const char *snapshots)
{
  g_autofree char *path = lgr_test_source_path ("data", "studies", "warwickshire.lgr", NULL);
  g_autofree char *xml = NULL;
  g_autofree char *head = NULL;
  char *end;

  g_assert_true (g_file_get_contents (path, &xml, NULL, NULL));
  end = strstr (xml, "</lgr-study>");
  g_assert_nonnull (end);
  head = g_strndup (xml, end - xml);
  return g_strconcat (head, snapshots, "</lgr-study>\n", NULL);
}

/* The line of the first occurrence of needle in xml. */
static int
line_of (const char *xml, const char *needle)
{
  const char *at = strstr (xml, needle);
  int line = 1;
  g_assert_nonnull (at);
  for (const char *p = xml; p < at; p++)
    line += *p == '\n';
  return line;
}

#define TWO_CHANGES                                                                                \
  "<snapshot id=\"t-lac-60\" name=\"What if the LAC rate only falls to 60?\">\n"                   \
  "  <note>The North's rate.</note>\n"                                                             \
  "  <set scenario=\"two\" lever=\"north-lac\" value=\"cohort.target\">60</set>\n"                 \
  "  <set scenario=\"two\" item=\"transition\" value=\"spread.total\"> 53712000 </set>\n"          \
  "  <set scenario=\"two\" lever=\"south-lac\" value=\"enabled\">false</set>\n"                    \
  "  <set value=\"settings.benefit-realisation\">75</set>\n"                                       \
  "</snapshot>\n"                                                                                  \
  "<snapshot id=\"t-late\" name=\"A year late\">\n"                                                \
  "  <set scenario=\"one\" item=\"aggregation\" value=\"recurring.start\">2029</set>\n"            \
  "  <set scenario=\"one\" item=\"aggregation\" value=\"recurring.profile\">25 50 100</set>\n"     \
  "</snapshot>\n"

static void
test_read_apply_write (void)
{
  g_autofree char *xml = bundled_with (TWO_CHANGES);
  g_autoptr (LgrStudy) study = lgr_test_load_string (xml);
  g_autoptr (LgrStudy) bundled = lgr_test_load_bundled ();
  g_autoptr (LgrStudy) applied = NULL;
  g_autoptr (LgrStudy) back = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *saved = NULL;
  LgrSnapshot *snapshot;
  LgrScenario *two;
  LgrItem *transition;
  gsize length = 0;

  g_assert_cmpuint (study->snapshots->len, ==, bundled->snapshots->len + 2);
  snapshot = lgr_study_find_snapshot (study, "t-lac-60");
  g_assert_nonnull (snapshot);
  g_assert_cmpstr (snapshot->name, ==, "What if the LAC rate only falls to 60?");
  g_assert_cmpstr (snapshot->note, ==, "The North's rate.");
  g_assert_cmpuint (snapshot->sets->len, ==, 4);
  g_assert_null (lgr_study_find_snapshot (study, "nope"));

  /* the study's own values are the file's, whatever its snapshots say */
  g_ptr_array_set_size (study->snapshots, bundled->snapshots->len);
  g_assert_true (lgr_study_equal (study, bundled));
  g_clear_pointer (&study, lgr_study_free);
  study = lgr_test_load_string (xml);
  snapshot = lgr_study_find_snapshot (study, "t-lac-60");

  applied = lgr_study_copy (study);
  g_assert_true (lgr_snapshot_apply (applied, snapshot, &error));
  g_assert_no_error (error);
  two = lgr_study_find_scenario (applied, "two");
  g_assert_cmpfloat (lgr_scenario_find_lever (two, "north-lac")->cohort_target, ==, 60);
  g_assert_false (lgr_scenario_find_lever (two, "south-lac")->enabled);
  transition = lgr_scenario_find_item (two, "transition");
  g_assert_cmpfloat (transition->total, ==, 53712000);
  g_assert_cmpfloat (applied->benefit_realisation, ==, 75);
  /* the copy changed, not the study */
  g_assert_cmpfloat (
      lgr_scenario_find_lever (lgr_study_find_scenario (study, "two"), "north-lac")->cohort_target,
      ==, 55);
  g_assert_true (lgr_study_validate (applied, NULL, NULL));

  /* applied in order: the second on top of the first */
  g_assert_true (lgr_snapshot_apply (applied, lgr_study_find_snapshot (study, "t-late"), NULL));
  {
    LgrItem *aggregation
        = lgr_scenario_find_item (lgr_study_find_scenario (applied, "one"), "aggregation");
    g_autofree char *profile = lgr_profile_to_string (&aggregation->profile);
    g_assert_cmpint (aggregation->start, ==, 2029);
    g_assert_cmpstr (profile, ==, "25 50 100");
  }

  /* written back as read (the text trimmed) */
  saved = lgr_study_to_xml (study, &length);
  g_assert_nonnull (strstr (saved, "<set scenario=\"two\" item=\"transition\" "
                                   "value=\"spread.total\">53712000</set>"));
  g_assert_true (lgr_test_rng_accepts (saved, length, NULL));
  back = lgr_study_load_data (saved, length, "saved.lgr", &error);
  g_assert_no_error (error);
  g_assert_true (lgr_study_equal (study, back));
}

static void
test_errors_have_lines (void)
{
  struct
  {
    const char *set; /* inside <snapshot id="x" name="X"> */
    const char *message;
  } cases[] = {
    { "<set scenario=\"three\" lever=\"north-lac\" value=\"cohort.target\">60</set>",
      "there is no scenario “three”" },
    { "<set scenario=\"two\" lever=\"west-lac\" value=\"cohort.target\">60</set>",
      "the scenario “two” has no lever “west-lac”" },
    { "<set scenario=\"two\" value=\"cohort.target\">60</set>", "one lever" },
    { "<set scenario=\"two\" lever=\"north-lac\" item=\"transition\" value=\"enabled\">true</set>",
      "one lever" },
    { "<set lever=\"north-lac\" value=\"cohort.target\">60</set>", "needs the scenario" },
    { "<set scenario=\"two\" value=\"settings.cost-contingency\">10</set>", "is a setting" },
    { "<set scenario=\"two\" lever=\"north-lac\" value=\"cohort.target\">12000</set>",
      "between 0 and 10000" },
    { "<set scenario=\"two\" lever=\"north-lac\" value=\"cohort.target\">6,0</set>", "6,0" },
    { "<set scenario=\"two\" lever=\"north-lac\" value=\"enabled\">yes</set>",
      "must be true or false" },
    { "<set scenario=\"two\" item=\"transition\" value=\"spread.total\">-1</set>", "total" },
    { "<set scenario=\"two\" item=\"transition\" value=\"spread.profile\">50 70</set>", "" },
    { "<set scenario=\"two\" item=\"transition\" value=\"recurring.amount\">1</set>",
      "has no <recurring>" },
    { "<set scenario=\"two\" lever=\"north-lac\" value=\"spread.total\">1</set>",
      "a value of an item" },
    { "<set scenario=\"two\" item=\"transition\" value=\"cohort.target\">1</set>",
      "a value of a lever" },
    { "<set value=\"settings.benefit-realisation\">1001</set>", "benefit realisation" },
    { "<set value=\"settings.discount-rate\">3</set>", "is not one of" },
    { "<set scenario=\"two\" item=\"transition\" value=\"spread.start\">1700</set>", "start year" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *snapshot = g_strdup_printf (
          "<snapshot id=\"x\" name=\"X\">\n<note>n</note>\n\n%s\n</snapshot>\n", cases[i].set);
      g_autofree char *xml = bundled_with (snapshot);
      g_autofree char *where
          = g_strdup_printf ("x.lgr:%d:", line_of (xml, "<snapshot id=\"x\"") + 3);
      g_autoptr (GError) error = NULL;
      g_autoptr (LgrStudy) study = lgr_study_load_data (xml, strlen (xml), "x.lgr", &error);

      g_assert_null (study);
      g_assert_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID);
      g_test_message ("%s", error->message);
      if (!g_str_has_prefix (error->message, where) || !strstr (error->message, cases[i].message))
        g_error ("case %u: “%s” does not start with %s or does not say “%s”", i, error->message,
                 where, cases[i].message);
    }

  /* an id twice: at the second, naming the first */
  {
    g_autofree char *xml = bundled_with ("<snapshot id=\"a\" name=\"A\"/>\n"
                                         "<snapshot id=\"a\" name=\"B\"/>\n");
    g_autofree char *where = g_strdup_printf ("x.lgr:%d:", line_of (xml, "name=\"B\""));
    g_autoptr (GError) error = NULL;
    g_autoptr (LgrStudy) study = lgr_study_load_data (xml, strlen (xml), "x.lgr", &error);
    g_assert_null (study);
    g_assert_true (g_str_has_prefix (error->message, where));
    g_assert_nonnull (strstr (error->message, "used twice"));
  }
  /* before a scenario: out of order */
  {
    g_autofree char *xml
        = lgr_test_full_with ("  <scenario id=\"one\"", "  <snapshot id=\"a\" name=\"A\"/>\n"
                                                        "  <scenario id=\"one\"");
    g_autoptr (GError) error = NULL;
    g_autoptr (LgrStudy) study = lgr_study_load_data (xml, strlen (xml), "x.lgr", &error);
    g_assert_null (study);
  }
}

/* lgr_study_validate() refuses what the loader refuses: the window cannot save a snapshot that
 * would not load. */
static void
test_validate (void)
{
  g_autofree char *xml = bundled_with (TWO_CHANGES);
  g_autoptr (LgrStudy) study = lgr_test_load_string (xml);
  g_autoptr (GError) error = NULL;
  LgrSnapshot *snapshot = lgr_study_find_snapshot (study, "t-lac-60");
  LgrSnapshotSet *set = g_ptr_array_index (snapshot->sets, 0);

  g_assert_true (lgr_study_validate (study, "x.lgr", NULL));
  g_free (set->text);
  set->text = g_strdup ("10001");
  g_assert_false (lgr_study_validate (study, "x.lgr", &error));
  g_assert_true (g_str_has_prefix (error->message, "x.lgr:"));
  g_assert_nonnull (strstr (error->message, "snapshot “t-lac-60”"));
  g_clear_error (&error);
  g_free (set->text);
  set->text = g_strdup ("61");
  g_free (snapshot->id);
  snapshot->id = g_strdup ("t-late");
  g_assert_false (lgr_study_validate (study, NULL, &error));
  g_assert_nonnull (strstr (error->message, "used twice"));

  /* a failed apply leaves the study as it was */
  {
    LgrSnapshotSet *last = g_ptr_array_index (snapshot->sets, snapshot->sets->len - 1);
    g_autoptr (LgrStudy) before = NULL;
    g_free (last->text);
    last->text = g_strdup ("2000");
    before = lgr_study_copy (study);
    g_clear_error (&error);
    g_assert_false (lgr_snapshot_apply (study, snapshot, &error));
    g_assert_nonnull (strstr (error->message, "benefit realisation"));
    g_assert_true (lgr_study_equal (study, before));
  }
}

/* A set's fields: equality, copying and a save see each of them change. */
static void
test_set_fields_change (void)
{
  g_autofree char *xml = bundled_with (TWO_CHANGES);
  g_autoptr (LgrStudy) study = lgr_test_load_string (xml);
  for (guint c = 0; c < 4; c++)
    {
      g_autoptr (LgrStudy) changed = lgr_study_copy (study);
      g_autoptr (LgrStudy) back = NULL;
      g_autofree char *saved = NULL;
      LgrSnapshot *snapshot = lgr_study_find_snapshot (changed, "t-lac-60");
      LgrSnapshotSet *set = g_ptr_array_index (snapshot->sets, 0);
      gsize length = 0;

      switch (c)
        {
        case 0:
          g_free (set->text);
          set->text = g_strdup ("61.5");
          break;
        case 1:
          set->value = LGR_SNAPSHOT_COHORT_BASELINE;
          break;
        case 2:
          g_free (set->lever);
          set->lever = g_strdup ("south-lac");
          break;
        default:
          g_free (set->scenario);
          g_free (set->lever);
          set->scenario = g_strdup ("one");
          set->lever = g_strdup ("lac");
          break;
        }
      g_assert_true (lgr_study_validate (changed, NULL, NULL));
      g_assert_false (lgr_study_equal (study, changed));
      g_assert_true (lgr_study_equal (changed, back = lgr_study_copy (changed)));
      g_clear_pointer (&back, lgr_study_free);
      saved = lgr_study_to_xml (changed, &length);
      g_assert_true (lgr_test_rng_accepts (saved, length, NULL));
      back = lgr_study_load_data (saved, length, "c.lgr", NULL);
      g_assert_nonnull (back);
      g_assert_true (lgr_study_equal (changed, back));
    }
}

static void
test_describe (void)
{
  g_autofree char *xml = bundled_with (TWO_CHANGES);
  g_autoptr (LgrStudy) study = lgr_test_load_string (xml);
  g_autoptr (GPtrArray) lines
      = lgr_snapshot_describe (study, lgr_study_find_snapshot (study, "t-lac-60"));

  g_assert_cmpuint (lines->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (lines, 0), ==,
                   "Two unitaries, Children looked after (North Warwickshire Council): target rate "
                   "from 55 to 60");
  g_assert_cmpstr (g_ptr_array_index (lines, 1), ==,
                   "Two unitaries, Transition costs: total from £37,300,000 to £53,712,000");
  g_assert_cmpstr (g_ptr_array_index (lines, 2), ==,
                   "Two unitaries, Children looked after (South Warwickshire Council): enabled "
                   "from on to off");
  g_assert_cmpstr (g_ptr_array_index (lines, 3), ==,
                   "Every scenario: benefit realisation from 100 to 75");
}

/* What "Save as Snapshot" records, applied to the start, gives the values it was made from. */
static void
test_from_differences (void)
{
  g_autoptr (LgrStudy) start = lgr_test_load_bundled ();
  g_autoptr (LgrStudy) now = lgr_study_copy (start);
  g_autoptr (LgrStudy) again = lgr_study_copy (start);
  g_autoptr (LgrSnapshot) snapshot = NULL;
  LgrScenario *two = lgr_study_find_scenario (now, "two");
  LgrItem *transition = lgr_scenario_find_item (two, "transition");
  LgrItem *aggregation = lgr_scenario_find_item (two, "aggregation");
  LgrLever *lac = lgr_scenario_find_lever (two, "north-lac");
  const double profile[] = { 10, 30, 60 };

  g_assert_null (lgr_snapshot_from_differences (start, now, "same", "Same"));
  lac->cohort_target = 0.1 + 60;
  lac->enabled = FALSE;
  transition->total *= 1.44;
  lgr_profile_set (&transition->profile, profile, 3);
  aggregation->start = 2029;
  now->cost_contingency = 12.5;
  now->count_avoidance = TRUE;
  snapshot = lgr_snapshot_from_differences (start, now, "mine", "Mine");
  g_assert_nonnull (snapshot);
  g_assert_cmpuint (snapshot->sets->len, ==, 7);
  g_assert_true (lgr_snapshot_apply (again, snapshot, NULL));
  g_assert_true (lgr_study_equal (again, now));
}

/* A set that names a removed scenario goes with it (the document does this in the edit). */
static void
test_drop_stale (void)
{
  g_autoptr (LgrStudy) study = lgr_test_load_bundled ();
  LgrSnapshot *late = lgr_study_find_snapshot (study, "savings-late");
  guint before = late->sets->len;

  g_assert_cmpuint (lgr_snapshot_drop_stale (study), ==, 0);
  g_ptr_array_remove_index (study->scenarios, 0); /* "one" */
  g_assert_false (lgr_study_validate (study, NULL, NULL));
  /* one set each in transition-overrun, savings-late and one-lac-57 */
  g_assert_cmpuint (lgr_snapshot_drop_stale (study), ==, 3);
  g_assert_cmpuint (late->sets->len, ==, before - 1);
  g_assert_cmpuint (lgr_study_find_snapshot (study, "one-lac-57")->sets->len, ==, 0);
  g_assert_true (lgr_study_validate (study, NULL, NULL));
}

static double
north_lac_target (LgrDocument *document)
{
  const LgrScenario *two = lgr_study_find_scenario (lgr_document_get_study (document), "two");
  return lgr_scenario_find_lever (two, "north-lac")->cohort_target;
}

/* The window's snapshot edits, each one undoable step of the document. */
static void
test_document (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LgrDocument) document = lgr_document_new_bundled (&error);
  g_autofree char *id = NULL;
  const LgrStudy *study;

  g_assert_no_error (error);
  g_assert_false (lgr_document_back_to_start (document, &error));
  g_clear_error (&error);
  g_assert_false (lgr_document_save_snapshot (document, "Nothing", NULL, &error));
  g_clear_error (&error);
  g_assert_false (lgr_document_apply_snapshot (document, "nope", &error));
  g_clear_error (&error);

  /* apply: one step, undone in one */
  g_assert_true (lgr_document_apply_snapshot (document, "lac-60", NULL));
  g_assert_cmpfloat (north_lac_target (document), ==, 60);
  g_assert_cmpstr (lgr_document_get_undo_label (document), ==,
                   "Apply “What if the North's looked-after children rate only falls to 60?”");
  g_assert_true (lgr_document_undo (document));
  g_assert_cmpfloat (north_lac_target (document), ==, 55);
  g_assert_true (lgr_document_redo (document));
  g_assert_true (lgr_document_apply_snapshot (document, "three-quarters", NULL));

  /* show: from the start, whatever was applied before, as one step; NULL: the start */
  g_assert_true (lgr_document_show_snapshot (document, "one-lac-57", NULL));
  g_assert_cmpfloat (north_lac_target (document), ==, 55);
  g_assert_cmpfloat (lgr_document_get_study (document)->benefit_realisation, ==, 100);
  g_assert_cmpstr (lgr_document_get_undo_label (document), ==,
                   "Show “What if one unitary also lowered its looked-after children rate?”");
  g_assert_true (lgr_document_show_snapshot (document, "lac-60", NULL));
  g_assert_cmpfloat (north_lac_target (document), ==, 60);
  g_assert_true (lgr_document_show_snapshot (document, NULL, NULL));
  g_assert_cmpfloat (north_lac_target (document), ==, 55);
  g_assert_cmpstr (lgr_document_get_undo_label (document), ==, "Back to the start");
  g_assert_false (lgr_document_show_snapshot (document, "nope", &error));
  g_clear_error (&error);
  g_assert_true (lgr_document_undo (document));
  g_assert_true (lgr_document_undo (document));
  g_assert_true (lgr_document_undo (document));
  g_assert_cmpfloat (north_lac_target (document), ==, 60);
  g_assert_cmpfloat (lgr_document_get_study (document)->benefit_realisation, ==, 75);

  /* save as snapshot: the differences from the start, under a new id */
  g_assert_true (lgr_document_save_snapshot (document, "  My question?  ", &id, NULL));
  g_assert_cmpstr (id, ==, "my-question");
  study = lgr_document_get_study (document);
  {
    const LgrSnapshot *mine = lgr_study_find_snapshot (study, "my-question");
    g_assert_cmpstr (mine->name, ==, "My question?");
    g_assert_cmpuint (mine->sets->len, ==, 2);
  }

  /* back to the start: the values as opened, the new snapshot kept */
  g_assert_true (lgr_document_back_to_start (document, NULL));
  g_assert_cmpstr (lgr_document_get_undo_label (document), ==, "Back to the start");
  study = lgr_document_get_study (document);
  g_assert_cmpfloat (north_lac_target (document), ==, 55);
  g_assert_cmpfloat (study->benefit_realisation, ==, 100);
  g_assert_nonnull (lgr_study_find_snapshot (study, "my-question"));
  g_assert_true (lgr_document_undo (document));
  g_assert_cmpfloat (north_lac_target (document), ==, 60);
  g_assert_true (lgr_document_redo (document));

  /* rename, note, move, remove: each one step */
  g_assert_true (lgr_document_rename_snapshot (document, "my-question", "Ours", NULL));
  g_assert_false (lgr_document_rename_snapshot (document, "my-question", "  ", &error));
  g_clear_error (&error);
  g_assert_true (lgr_document_set_snapshot_note (document, "my-question", " Ask it last. ", NULL));
  g_assert_true (lgr_document_move_snapshot (document, "my-question", 0, NULL));
  study = lgr_document_get_study (document);
  {
    const LgrSnapshot *first = g_ptr_array_index (study->snapshots, 0);
    g_assert_cmpstr (first->id, ==, "my-question");
    g_assert_cmpstr (first->name, ==, "Ours");
    g_assert_cmpstr (first->note, ==, "Ask it last.");
  }
  g_assert_true (lgr_document_remove_snapshot (document, "my-question", NULL));
  g_assert_null (lgr_study_find_snapshot (lgr_document_get_study (document), "my-question"));
  g_assert_true (lgr_document_undo (document));
  g_assert_nonnull (lgr_study_find_snapshot (lgr_document_get_study (document), "my-question"));
  g_assert_true (lgr_document_undo (document)); /* the move */
  study = lgr_document_get_study (document);
  g_assert_cmpstr (((LgrSnapshot *)g_ptr_array_index (study->snapshots, 0))->id, ==, "lac-60");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");

  g_test_add_func ("/core/snapshot/read-apply-write", test_read_apply_write);
  g_test_add_func ("/core/snapshot/errors-have-lines", test_errors_have_lines);
  g_test_add_func ("/core/snapshot/validate", test_validate);
  g_test_add_func ("/core/snapshot/set-fields-change", test_set_fields_change);
  g_test_add_func ("/core/snapshot/describe", test_describe);
  g_test_add_func ("/core/snapshot/from-differences", test_from_differences);
  g_test_add_func ("/core/snapshot/drop-stale", test_drop_stale);
  g_test_add_func ("/core/snapshot/document", test_document);
  return g_test_run ();
}
