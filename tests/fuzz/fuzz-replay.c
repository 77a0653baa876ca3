/* fuzz-replay.c: a main() for the fuzz targets in the ordinary build: runs the target's
 * LLVMFuzzerTestOneInput() once on each file named, and on each regular file of each folder
 * named (not recursively). The core suite replays tests/files/ and data/studies/ through every
 * target this way, so each finding's regression file stays fixed, with no clang or libFuzzer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static guint
replay_file (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("%s", error->message);
  LLVMFuzzerTestOneInput ((const uint8_t *)contents, length);
  return 1;
}

static int
compare_paths (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(char *const *)a, *(char *const *)b);
}

static guint
replay (const char *path)
{
  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    return replay_file (path);

  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) dir = g_dir_open (path, 0, &error);
  if (dir == NULL)
    g_error ("%s", error->message);
  /* In name order, so a run is the same everywhere. */
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  for (const char *name; (name = g_dir_read_name (dir));)
    g_ptr_array_add (names, g_build_filename (path, name, NULL));
  g_ptr_array_sort (names, compare_paths);
  guint n = 0;
  for (guint i = 0; i < names->len; i++)
    if (g_file_test (names->pdata[i], G_FILE_TEST_IS_REGULAR))
      n += replay_file (names->pdata[i]);
  return n;
}

int
main (int argc, char *argv[])
{
  guint n = 0;
  if (argc < 2)
    {
      g_printerr ("usage: %s FILE_OR_FOLDER...\n", argv[0]);
      return 2;
    }
  for (int i = 1; i < argc; i++)
    n += replay (argv[i]);
  g_print ("%u inputs replayed\n", n);
  return n > 0 ? 0 : 1;
}
