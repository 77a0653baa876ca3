/* lgr-test-util.h: what several tests need - paths, the bundled study, random studies, waiting
 * for the main loop. */
#pragma once

#include <glib.h>

#include "lgr-rules.h"
#include "lgr-study.h"

G_BEGIN_DECLS

/* A file of the source tree: lgr_test_source_path ("data", "studies", "warwickshire.lgr", NULL).
 * Uses $LGR_SOURCE_DIR (set by meson). */
char *lgr_test_source_path (const char *first, ...) G_GNUC_NULL_TERMINATED;

/* The bundled study from data/studies/warwickshire.lgr; aborts the test if it does not load. */
LgrStudy *lgr_test_load_bundled (void);

/* The bundled study's XML without its ranges and drivers: what it was before it had any. */
char *lgr_test_bundled_without_ranges (void);

/* Sets a lever's cohort target as an edit in the window does: a range that no longer holds the
 * new target widens to it (lgr_uncertainty_stretch_lever()), and the source note, unchanged,
 * is marked as written for the old target (lgr_lever_note_source_change()). */
void lgr_test_set_cohort_target (LgrLever *lever, double target);

/* A study whose XML is built from a format string; aborts if it does not load. */
LgrStudy *lgr_test_load_string (const char *xml);

/* A random valid study (fixed seed from rand): n scenarios with n_levers levers and n_items items
 * each over years years; every pattern, basis, unit and flag is exercised. Implemented in
 * lgr-test-random.c. */
LgrStudy *lgr_test_random_study (GRand *rand, guint n_scenarios, guint n_levers, guint n_items,
                                 guint years);

/* Whether a study file's XML is valid against data/lgr-study.rng (libxml2's RELAX NG API);
 * if not, *why (may be NULL) says where. Implemented in lgr-test-random.c. */
gboolean lgr_test_rng_accepts (const char *xml, gsize length, char **why);

/* Removes a directory and everything in it (for temporary directories of tests). */
void lgr_test_remove_tree (const char *path);

/* Iterates the default main context until condition (data) holds or 10 s have gone by (never
 * sleeps); returns whether it holds. */
gboolean lgr_test_wait_until (GSourceFunc condition, gpointer data);

/* Iterates the default main context until nothing is pending (at most 10 s). */
void lgr_test_settle (void);

/* xml (length bytes) is refused with code, the message on one line starting "test.lgr:LINE: "
 * (line 0: a message with no line; -1: any line) and holding gist. */
void lgr_test_assert_refused (const char *xml, gsize length, LgrStudyError code, int line,
                              const char *gist);

/* tests/files/valid-full.lgr with from replaced by to is refused so (lgr_test_full_with). */
void lgr_test_assert_change_refused (const char *from, const char *to, int line, const char *gist);

/* What a finished run of lgr-explorer gave: its exit status and what it wrote (g_auto frees). */
typedef struct
{
  int status;
  char *out;
  char *err;
} LgrTestRun;

void lgr_test_run_clear (LgrTestRun *run);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LgrTestRun, lgr_test_run_clear)

/* Runs $LGR_EXPLORER with the NULL-terminated args under locale (LC_ALL), with no display
 * (DISPLAY and WAYLAND_DISPLAY point nowhere); asserts that it exited. */
LgrTestRun lgr_test_run_cli (const char *locale, const char *first_arg, ...) G_GNUC_NULL_TERMINATED;

/* pdftotext's text of a PDF, white space made single spaces (-layout keeps a table's row on one
 * line, so its cells read as words in order); NULL, with the test marked skipped, where
 * pdftotext is not installed. */
char *lgr_test_pdf_text (const char *pdf);
/* The text of the report lgr-explorer --report writes for study_path (as lgr_test_pdf_text()),
 * with snapshot_option ("--snapshot=ID") if not NULL; the command must succeed. */
char *lgr_test_report_text (const char *study_path, const char *snapshot_option);
/* pdfinfo's value of field ("Title:", "Author:") for the PDF at path, without the spaces around
 * it (the field must be there); NULL, with the test marked skipped, without pdfinfo. */
char *lgr_test_pdf_info (const char *path, const char *field);

/* The text of tests/files/NAME. */
char *lgr_test_read_fixture (const char *name);
/* tests/files/valid-full.lgr with from (which must occur once) replaced by to. */
char *lgr_test_full_with (const char *from, const char *to);

/* Money within half a unit of the last digit shown: 8.01e6 vs 8012345 at 1e4. */
#define lgr_assert_money(value, expected, tolerance)                                               \
  g_assert_cmpfloat_with_epsilon ((value), (expected), (tolerance))

G_END_DECLS
