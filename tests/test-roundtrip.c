/* test-roundtrip.c: load -> save -> load gives the identical study (doubles bit for bit), a
 * second save gives the identical bytes, every saved study is valid against
 * data/lgr-study.rng, and a failed save leaves the old file as it was. */
#include <errno.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lgr-rules.h"
#include "lgr-study-io.h"
#include "lgr-test-util.h"

/* Saves, loads, saves again: valid against the schema, equal studies, identical bytes. */
static void
assert_round_trip (const LgrStudy *study, const char *what)
{
  g_autoptr (GError) error = NULL;
  gsize length1 = 0, length2 = 0;
  g_autofree char *xml1 = lgr_study_to_xml (study, &length1);
  g_autoptr (LgrStudy) back = lgr_study_load_data (xml1, length1, "roundtrip.lgr", &error);
  g_autofree char *xml2 = NULL;
  g_autofree char *why = NULL;

  if (!lgr_test_rng_accepts (xml1, length1, &why))
    g_error ("%s is not valid against data/lgr-study.rng: %s\n%s", what, why, xml1);
  if (back == NULL)
    g_error ("%s does not load back: %s\n%s", what, error->message, xml1);
  if (!lgr_study_equal (study, back))
    g_error ("%s loads back different:\n%s", what, xml1);
  xml2 = lgr_study_to_xml (back, &length2);
  g_assert_cmpuint (length1, ==, length2);
  g_assert_cmpstr (xml1, ==, xml2);
  g_assert_cmpuint (strlen (xml1), ==, length1);
}

static void
test_bundled (void)
{
  g_autoptr (LgrStudy) study = lgr_test_load_bundled ();
  g_autoptr (LgrStudy) bundled = NULL;
  g_autoptr (GError) error = NULL;

  assert_round_trip (study, "the bundled study");
  bundled = lgr_study_load_bundled (&error);
  g_assert_no_error (error);
  g_assert_true (lgr_study_equal (study, bundled));
  assert_round_trip (bundled, "the bundled study (resource)");
}

static void
test_fixtures (void)
{
  const char *names[] = { "valid-full.lgr", "valid-minimal.lgr" };
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = lgr_test_source_path ("tests", "files", names[i], NULL);
      g_autoptr (GError) error = NULL;
      g_autoptr (LgrStudy) study = lgr_study_load_path (path, &error);
      g_assert_no_error (error);
      assert_round_trip (study, names[i]);
    }
}

static void
test_random (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (20251128);
  for (guint i = 0; i < 300; i++)
    {
      g_autoptr (LgrStudy) study
          = lgr_test_random_study (rand, 1 + i % 4, i % 9, i % 11, 1 + (i * 7) % 60);
      g_autoptr (GError) error = NULL;
      g_autofree char *what = g_strdup_printf ("random study %u", i);
      if (!lgr_study_validate (study, NULL, &error))
        g_error ("%s is not valid: %s", what, error->message);
      assert_round_trip (study, what);
    }
}

static void
test_nasty_doubles (void)
{
  static const double values[] = { 0.1,
                                   1e-300,
                                   123456789.123456789,
                                   0.30000000000000004,
                                   1.0 / 3,
                                   2.0 / 3 * 1e5,
                                   9007199254740993.0,
                                   5e-324,
                                   1.7976931348623157e308,
                                   99.999999999999986,
                                   72.8,
                                   -0.0 };
  g_autofree char *path = lgr_test_source_path ("tests", "files", "valid-full.lgr", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (LgrStudy) study = lgr_study_load_path (path, &error);
  LgrScenario *two;
  LgrLever *lever;
  LgrItem *transition, *aggregation, *ict;

  g_assert_no_error (error);
  two = g_ptr_array_index (study->scenarios, 0);
  lever = g_ptr_array_index (two->levers, 0);
  transition = g_ptr_array_index (two->items, 0);
  aggregation = g_ptr_array_index (two->items, 1);
  ict = g_ptr_array_index (two->items, 2);

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      double v = values[i];
      double rate = v <= 10000 ? v : 10000;
      double percent = v <= 100 ? v : 100;
      double growth = v <= 1000 ? -v / 10 : -2.5;                  /* negative growth */
      double money = v <= LGR_MAX_AMOUNT ? v : LGR_MAX_AMOUNT / 3; /* amounts are capped */
      g_autofree char *what = g_strdup_printf ("a study holding %.17g", v);

      study->discount_rate = growth;
      study->weeks_per_year = v > 0 && v <= 53 ? v : 52.142857142857146;
      study->benefit_realisation = percent * 10;
      study->cost_contingency = percent;
      ((LgrAuthority *)two->authorities->pdata[0])->population = money;
      ((LgrAuthority *)two->authorities->pdata[0])->child_population = money;
      lever->cohort_baseline = rate;
      lever->cohort_target = rate / 7;
      lever->unit_cost_baseline = money;
      lever->unit_cost_target = money * 0.9;
      lever->growth_cohort = growth;
      lever->growth_unit_cost = -growth / 3;
      lever->realisation.values[0] = percent;
      transition->total = money;
      aggregation->amount = money;
      aggregation->growth = growth;
      aggregation->profile.values[0] = percent;
      g_array_index (ict->values, LgrYearValue, 0).value = money;
      g_assert_true (lgr_study_validate (study, NULL, NULL));
      assert_round_trip (study, what);
    }
}

static void
test_save_and_load (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (5);
  g_autoptr (LgrStudy) study = lgr_test_random_study (rand, 2, 5, 5, 10);
  g_autoptr (LgrStudy) back = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lgr-save-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "saved.lgr", NULL);
  g_autofree char *xml = NULL;
  g_autofree char *on_disk = NULL;
  gsize length = 0, disk_length = 0;
  GStatBuf st;

  g_assert_no_error (error);
  g_assert_true (lgr_study_save_path (study, path, &error));
  g_assert_no_error (error);
  xml = lgr_study_to_xml (study, &length);
  g_assert_true (g_file_get_contents (path, &on_disk, &disk_length, NULL));
  g_assert_cmpuint (disk_length, ==, length);
  g_assert_cmpstr (on_disk, ==, xml);
  back = lgr_study_load_path (path, &error);
  g_assert_no_error (error);
  g_assert_true (lgr_study_equal (study, back));

  /* replacing keeps the file's permissions */
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  study->cost_contingency = 12.5;
  g_assert_true (lgr_study_save_path (study, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);
  g_clear_pointer (&back, lgr_study_free);
  back = lgr_study_load_path (path, &error);
  g_assert_cmpfloat (back->cost_contingency, ==, 12.5);

  /* through a symbolic link: the file it points to is replaced, the link stays */
  {
    g_autofree char *link = g_build_filename (dir, "link.lgr", NULL);
    g_assert_cmpint (symlink (path, link), ==, 0);
    study->cost_contingency = 7;
    g_assert_true (lgr_study_save_path (study, link, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
    g_clear_pointer (&back, lgr_study_free);
    back = lgr_study_load_path (path, &error);
    g_assert_cmpfloat (back->cost_contingency, ==, 7);
    g_unlink (link);
  }

  /* nothing left beside it */
  {
    g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;
    guint n = 0;
    while ((name = g_dir_read_name (d)) != NULL)
      {
        g_assert_cmpstr (name, ==, "saved.lgr");
        n++;
      }
    g_assert_cmpuint (n, ==, 1);
  }
  g_unlink (path);
  g_rmdir (dir);
}

static void
assert_old_file_intact (const char *path, const char *old, const char *dir)
{
  g_autofree char *now = NULL;
  g_autoptr (GDir) d = NULL;
  const char *name;

  g_assert_true (g_file_get_contents (path, &now, NULL, NULL));
  g_assert_cmpstr (now, ==, old);
  /* and no half-written file is left beside it */
  d = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (d)) != NULL)
    g_assert_cmpstr (name, ==, "study.lgr");
}

static void
test_save_failure_keeps_old (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (11);
  g_autoptr (LgrStudy) big = lgr_test_random_study (rand, 3, 10, 10, 20);
  g_autoptr (LgrStudy) invalid = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lgr-fail-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "study.lgr", NULL);
  g_autofree char *old = NULL;
  gsize old_length = 0;

  g_assert_no_error (error);
  {
    g_autofree char *fixture = lgr_test_source_path ("tests", "files", "valid-minimal.lgr", NULL);
    g_assert_true (g_file_get_contents (fixture, &old, &old_length, NULL));
    g_assert_true (g_file_set_contents (path, old, old_length, NULL));
  }

  /* 1. The disk refuses the new file halfway (a file size limit works for root too). */
  {
    struct rlimit saved, limited;
    void (*saved_handler) (int);
    gsize length = 0;
    g_autofree char *xml = lgr_study_to_xml (big, &length);

    g_assert_cmpuint (length, >, 4 * old_length);
    g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
    limited = saved;
    limited.rlim_cur = 2 * old_length;
    saved_handler = signal (SIGXFSZ, SIG_IGN);
    g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limited), ==, 0);
    g_assert_false (lgr_study_save_path (big, path, &error));
    g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
    signal (SIGXFSZ, saved_handler);

    g_assert_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_IO);
    g_assert_true (g_str_has_prefix (error->message, "Could not save “study.lgr”: "));
    g_assert_nonnull (strstr (error->message, g_strerror (EFBIG)));
    g_assert_nonnull (strstr (error->message, "the file on disk is unchanged"));
    assert_old_file_intact (path, old, dir);
    g_clear_error (&error);
  }

  /* 2. A read-only folder (root may write anyway: then this part proves nothing and is left
   * out; the other parts still run). */
  if (geteuid () != 0)
    {
      g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
      g_assert_false (lgr_study_save_path (big, path, &error));
      g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
      g_assert_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_IO);
      g_assert_nonnull (strstr (error->message, g_strerror (EACCES)));
      assert_old_file_intact (path, old, dir);
      g_clear_error (&error);
    }
  else
    g_test_message ("running as root: the read-only folder case is not tested");

  /* 3. A folder that cannot exist: its parent is a regular file. */
  {
    g_autofree char *under_file = g_build_filename (path, "new.lgr", NULL);
    g_assert_false (lgr_study_save_path (big, under_file, &error));
    g_assert_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_IO);
    g_assert_true (g_str_has_prefix (error->message, "Could not save “new.lgr”: "));
    g_assert_nonnull (strstr (error->message, g_strerror (ENOTDIR)));
    assert_old_file_intact (path, old, dir);
    g_clear_error (&error);
  }

  /* 4. A study that breaks a rule is not written at all. */
  invalid = lgr_study_copy (big);
  invalid->years = 0;
  g_assert_false (lgr_study_save_path (invalid, path, &error));
  g_assert_error (error, LGR_STUDY_ERROR, LGR_STUDY_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "Could not save “study.lgr”: number of years 0 is not between 1 and 60");
  assert_old_file_intact (path, old, dir);
  g_clear_error (&error);

  /* and then a good save works */
  g_assert_true (lgr_study_save_path (big, path, &error));
  g_assert_no_error (error);

  g_unlink (path);
  g_rmdir (dir);
}

/* The files do not depend on the desktop's language (decimal comma in German). */
static void
test_locale (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  g_autoptr (GRand) rand = g_rand_new_with_seed (3);
  g_autoptr (LgrStudy) study = lgr_test_random_study (rand, 2, 6, 6, 12);
  gsize length = 0, german_length = 0;
  g_autofree char *xml = NULL;
  g_autofree char *german = NULL;

  setlocale (LC_ALL, "C");
  xml = lgr_study_to_xml (study, &length);
  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    {
      setlocale (LC_ALL, saved);
      g_test_skip ("the de_DE.UTF-8 locale is not installed (locale-gen)");
      return;
    }
  german = lgr_study_to_xml (study, &german_length);
  g_assert_cmpstr (german, ==, xml);
  assert_round_trip (study, "a study written under de_DE");
  setlocale (LC_ALL, saved);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  setlocale (LC_ALL, "");

  g_test_add_func ("/core/roundtrip/bundled", test_bundled);
  g_test_add_func ("/core/roundtrip/fixtures", test_fixtures);
  g_test_add_func ("/core/roundtrip/random", test_random);
  g_test_add_func ("/core/roundtrip/nasty-doubles", test_nasty_doubles);
  g_test_add_func ("/core/roundtrip/save-and-load", test_save_and_load);
  g_test_add_func ("/core/roundtrip/save-failure-keeps-old", test_save_failure_keeps_old);
  g_test_add_func ("/core/roundtrip/locale", test_locale);
  return g_test_run ();
}
