/* fuzz-summary.c: libFuzzer target for the --summary writers (json and csv).
 *
 * A study that loads is computed and its summary written in each format into a memory buffer,
 * through the same function the command line uses; the text must be valid UTF-8 (names come
 * from the file). Built with -Dfuzzing=true (docs/reliability.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <stdint.h>

#include "lgr-cli.h"
#include "lgr-results.h"
#include "lgr-study-io.h"
#include "lgr-writer.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (LgrStudy) study = lgr_study_load_data ((const char *)data, size, "fuzz.lgr", NULL);
  if (study == NULL)
    return 0;
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  const char *formats[] = { "json", "csv" };
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      LgrWriter *out = lgr_writer_new_for_string ();
      lgr_cli_write_summary (out, formats[i], study, results);
      g_assert_true (lgr_writer_finish (out));
      g_autofree char *text = lgr_writer_free_to_string (out);
      g_assert_true (g_utf8_validate (text, -1, NULL));
    }
  return 0;
}
