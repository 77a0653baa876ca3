/* fuzz-loader.c: libFuzzer target for the study loader, from memory.
 *
 * Any bytes go to lgr_study_load_data(): it must return a study or an error, never crash, leak,
 * hang or read out of bounds. A study that loads is also validated and written back to XML,
 * which must load again (what the loader accepts, the writer can write). Parsers added to the
 * loader later are covered here too. Built with -Dfuzzing=true (docs/reliability.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <stdint.h>

#include "lgr-rules.h"
#include "lgr-study-io.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LgrStudy) study = lgr_study_load_data ((const char *)data, size, "fuzz.lgr", &error);
  if (study == NULL)
    {
      /* Every refusal says why. */
      g_assert_nonnull (error);
      g_assert_true (error->message[0] != '\0');
      return 0;
    }
  g_assert_no_error (error);

  gsize length = 0;
  g_autofree char *xml = lgr_study_to_xml (study, &length);
  g_autoptr (LgrStudy) again = lgr_study_load_data (xml, length, "fuzz-again.lgr", &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
  return 0;
}
