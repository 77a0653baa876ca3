/* lgr-cli.c: the command line of docs/format.md.
 *
 * Every option is parsed here, before any GTK code runs. The headless modes (--check,
 * --summary, --export, --report) use only the core and the charts, so they work in scripts,
 * on servers and in CI with no display; without one of them the caller opens the window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-cli.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "lgr-cli-councils.h"
#include "lgr-cli-snapshot.h"
#include "lgr-cli-uncertainty.h"
#include "lgr-csv.h"
#include "lgr-export.h"
#include "lgr-workbook.h"
#include "lgr-format.h"
#include "lgr-published.h"
#include "lgr-results.h"
#include "lgr-rules.h"
#include "lgr-study-io.h"
#include "lgr-writer.h"

#define DEFAULT_EXPORT_WIDTH 1600
#define DEFAULT_EXPORT_HEIGHT 900
#define MAX_EXPORT_SIDE LGR_EXPORT_MAX_SIDE

typedef struct
{
  gboolean check;
  // cppcheck-suppress unusedStructMember ; set by the option parser, read after it
  gboolean version;
  // cppcheck-suppress unusedStructMember ; set by the option parser, read after it
  gboolean help;
  int output_errno; /* why writing stdout failed (errno), reported at the end */
  char *summary;
  char *export_path;
  char *chart;
  char *size;
  char **scenarios;
  char **snapshots; /* --snapshot, in order (lgr-cli-snapshot.c) */
  char *report;
  char *uncertainty; /* and the three below: lgr-cli-uncertainty.c */
  char *sensitivity;
  char *draws;
  char *seed;
  char **files;
} CliOptions;

static void
cli_options_clear (CliOptions *o)
{
  g_free (o->summary);
  g_free (o->export_path);
  g_free (o->chart);
  g_free (o->size);
  g_strfreev (o->scenarios);
  g_strfreev (o->snapshots);
  g_free (o->report);
  g_free (o->uncertainty);
  g_free (o->sensitivity);
  g_free (o->draws);
  g_free (o->seed);
  g_strfreev (o->files);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliOptions, cli_options_clear)

static void
setup_gettext (void)
{
  setlocale (LC_ALL, "");
  /* LGR_LOCALEDIR lets tests and uninstalled builds use the build tree's translations. */
  const char *localedir = g_getenv ("LGR_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir && *localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/* Messages carry file names, option values and text from files as given: control characters
 * (ESC sequences retitle or clear a terminal), line breaks, invisible format characters and
 * bytes that are not UTF-8 are written as visible escapes, so one message stays one line. */
static void
append_escaped (GString *out, const char *text)
{
  const char *p = text;
  const char *end = text + strlen (text);
  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);
      if (c == (gunichar)-1 || c == (gunichar)-2)
        {
          g_string_append_printf (out, "\\x%02x", (guchar)*p);
          p++;
          continue;
        }
      const char *next = g_utf8_next_char (p);
      GUnicodeType type = g_unichar_type (c);
      if (c < 0x80 && g_ascii_iscntrl (c))
        g_string_append_printf (out, "\\x%02x", (guint)c);
      else if (type == G_UNICODE_CONTROL || type == G_UNICODE_FORMAT
               || type == G_UNICODE_LINE_SEPARATOR || type == G_UNICODE_PARAGRAPH_SEPARATOR
               || type == G_UNICODE_UNASSIGNED || type == G_UNICODE_SURROGATE)
        g_string_append_printf (out, "\\u%04X", (guint)c);
      else
        g_string_append_len (out, p, next - p);
      p = next;
    }
}

/* Writes one line to stream (stdout or stderr), with line's characters escaped (one newline at
 * its end is the line's own). Every message the command line prints goes through here. */
static void
print_line (FILE *stream, const char *line)
{
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *chomped = g_strdup (line);
  gsize length = strlen (chomped);
  if (length > 0 && chomped[length - 1] == '\n')
    chomped[length - 1] = '\0';
  append_escaped (text, chomped);
  g_string_append_c (text, '\n');
  fputs (text->str, stream);
}

void
lgr_cli_printerr (const char *format, ...)
{
  va_list args;
  va_start (args, format);
  g_autofree char *line = g_strdup_vprintf (format, args);
  va_end (args);
  print_line (stderr, line);
}

static int
usage_error (const char *message)
{
  lgr_cli_printerr ("lgr-explorer: %s", message);
  lgr_cli_printerr ("%s", _ ("Try “lgr-explorer --help” for more information.\n"));
  return LGR_EXIT_USAGE;
}

/* Every byte of output counts: a full disk, a closed pipe or a file system that fails on close
 * ends in one message and exit status 1, never a silent 0. Called once, when the command line
 * is done; stdout is closed. write_errno: why an earlier write failed, if known (else 0). */
static int
finish_stdout (int status, int write_errno)
{
  int failed_errno = write_errno;
  gboolean failed = ferror (stdout) != 0;
  if (fflush (stdout) != 0)
    {
      failed = TRUE;
      failed_errno = errno;
    }
  if (fclose (stdout) != 0 && !failed)
    {
      failed = TRUE;
      failed_errno = errno;
    }
  if (!failed)
    return status;
  if (failed_errno != 0)
    /* Translators: the reason is the system's, e.g. "No space left on device" */
    lgr_cli_printerr (_ ("lgr-explorer: cannot write the output: %s"), g_strerror (failed_errno));
  else
    lgr_cli_printerr ("%s", _ ("lgr-explorer: cannot write the output"));
  return LGR_EXIT_INVALID;
}

/* --check */

static int
run_check (char **files)
{
  int status = LGR_EXIT_OK;
  for (char **f = files; *f; f++)
    {
      g_autoptr (LgrStudy) study = NULL;
      if (lgr_cli_load_study (*f, NULL, usage_error, &study) != LGR_EXIT_OK)
        {
          status = LGR_EXIT_INVALID;
          continue;
        }
      /* Translators: "warwickshire.lgr: valid, 2 scenarios" */
      g_autofree char *line
          = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: valid, %u scenario\n",
                                          "%s: valid, %u scenarios\n", study->scenarios->len),
                             *f, study->scenarios->len);
      print_line (stdout, line);
    }
  return status;
}

/* --summary=json */

static void
json_number (LgrWriter *out, double value)
{
  lgr_writer_append_number (out, value);
}

static void
json_series (LgrWriter *out, const char *key, const double *values, guint n, gboolean last)
{
  lgr_writer_append_json_string (out, key);
  lgr_writer_append (out, ": [");
  for (guint t = 0; t < n; t++)
    {
      if (t)
        lgr_writer_append (out, ", ");
      json_number (out, values[t]);
    }
  lgr_writer_append (out, last ? "]" : "],");
}

static void
json_key (LgrWriter *out, const char *key)
{
  lgr_writer_append_json_string (out, key);
  lgr_writer_append (out, ": ");
}

/* "key": "value" followed by after (the separator and indentation of what comes next). */
static void
json_string_field (LgrWriter *out, const char *key, const char *value, const char *after)
{
  json_key (out, key);
  lgr_writer_append_json_string (out, value);
  lgr_writer_append (out, after);
}

/* "published": each published figure beside the computed one (lgr-published.h); computed and
 * difference null where the app computes none (no payback), year null where none is given. */
static void
json_published (LgrWriter *out, const LgrResults *results, const LgrScenarioResult *r)
{
  const GPtrArray *published = r->scenario->published;
  json_key (out, "published");
  lgr_writer_append_c (out, '[');
  for (guint i = 0; i < published->len; i++)
    {
      const LgrPublished *p = g_ptr_array_index (published, i);
      double computed = 0;
      gboolean has_computed = lgr_published_computed (results, r, p, &computed);
      lgr_writer_append (out, i ? ",\n        {" : "\n        {");
      json_string_field (out, "measure", lgr_published_measure_names[p->measure], ", ");
      json_key (out, "year");
      if (p->has_year)
        json_number (out, p->year);
      else
        lgr_writer_append (out, "null");
      lgr_writer_append (out, ", ");
      json_key (out, "value");
      json_number (out, p->value + 0.0); /* a file's -0 is written 0: never -0 in an output */
      lgr_writer_append (out, ", ");
      json_key (out, "computed");
      if (has_computed)
        json_number (out, computed);
      else
        lgr_writer_append (out, "null");
      lgr_writer_append (out, ", ");
      json_key (out, "difference");
      if (has_computed)
        json_number (out, lgr_published_difference (computed, p->value));
      else
        lgr_writer_append (out, "null");
      lgr_writer_append_c (out, '}');
    }
  lgr_writer_append (out, published->len ? "\n      ],\n      " : "],\n      ");
}

/* Written as it goes: memory stays small whatever the size of the study. */
static void
summary_json (LgrWriter *out, const LgrStudy *study, const LgrResults *results)
{
  guint n = results->n_years;
  lgr_writer_append (out, "{\n  ");
  json_string_field (out, "title", study->title, ",\n  ");
  json_key (out, "years");
  lgr_writer_append_c (out, '[');
  for (guint t = 0; t < n; t++)
    {
      g_autofree char *label = lgr_format_financial_year (study->first_year + (int)t);
      if (t)
        lgr_writer_append (out, ", ");
      lgr_writer_append_json_string (out, label);
    }
  lgr_writer_append (out, "],\n  ");
  json_key (out, "scenarios");
  lgr_writer_append (out, "[");

  for (guint s = 0; s < results->n_scenarios; s++)
    {
      const LgrScenarioResult *r = &results->scenarios[s];
      lgr_writer_append (out, s ? ",\n    {\n      " : "\n    {\n      ");
      json_string_field (out, "id", r->scenario->id, ", ");
      json_string_field (out, "name", r->scenario->name, ",\n      ");
      /* an empty scenario: both payback figures null, "nothing_to_pay_back" true */
      gboolean paid = r->has_payback && !r->nothing_to_pay_back;
      json_key (out, "payback_years");
      if (paid)
        json_number (out, r->payback_years);
      else
        lgr_writer_append (out, "null");
      lgr_writer_append (out, ", ");
      json_key (out, "payback_year");
      if (paid)
        {
          g_autofree char *label = lgr_format_financial_year (study->first_year + r->payback_index);
          lgr_writer_append_json_string (out, label);
        }
      else
        lgr_writer_append (out, "null");
      lgr_writer_append (out, ", ");
      json_key (out, "relapses");
      lgr_writer_append (out, r->relapses ? "true" : "false");
      lgr_writer_append (out, ", ");
      json_key (out, "nothing_to_pay_back");
      lgr_writer_append (out, r->nothing_to_pay_back ? "true" : "false");
      lgr_writer_append (out, ",\n      ");

      const struct
      {
        const char *key;
        double value;
      } figures[] = {
        { "peak_funding", r->peak_funding },
        { "npv", r->npv },
        { "total_net", r->total_net },
        { "run_rate", r->run_rate },
      };
      for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
        {
          if (i)
            lgr_writer_append_c (out, ' ');
          json_key (out, figures[i].key);
          json_number (out, figures[i].value);
          lgr_writer_append_c (out, ',');
        }
      lgr_writer_append (out, "\n      ");
      json_published (out, results, r);

      json_key (out, "annual");
      lgr_writer_append (out, "{\n        ");
      json_series (out, "cashable_savings", r->cashable_savings, n, FALSE);
      lgr_writer_append (out, "\n        ");
      json_series (out, "cost_avoidance", r->cost_avoidance, n, FALSE);
      lgr_writer_append (out, "\n        ");
      json_series (out, "one_off_costs", r->one_off_costs, n, FALSE);
      lgr_writer_append (out, "\n        ");
      json_series (out, "recurring_costs", r->recurring_costs, n, FALSE);
      lgr_writer_append (out, "\n        ");
      json_series (out, "net", r->net, n, FALSE);
      lgr_writer_append (out, "\n        ");
      json_series (out, "cumulative", r->cumulative, n, TRUE);
      lgr_writer_append (out, "\n      },\n      ");
      lgr_cli_councils_json (out, results, r, ",\n      ");

      json_key (out, "levers");
      lgr_writer_append_c (out, '[');
      for (guint i = 0; i < r->n_levers; i++)
        {
          const LgrLeverResult *l = &r->levers[i];
          lgr_writer_append (out, i ? ",\n        {" : "\n        {");
          json_string_field (out, "id", l->lever->id, ", ");
          json_string_field (out, "authority", l->lever->authority_id, ", ");
          json_string_field (out, "benefit", lgr_benefit_to_string (l->lever->benefit),
                             ",\n         ");
          json_series (out, "saving", l->saving, n, FALSE);
          lgr_writer_append (out, "\n         ");
          json_series (out, "volume_effect", l->volume_effect, n, FALSE);
          lgr_writer_append (out, "\n         ");
          json_series (out, "price_effect", l->price_effect, n, FALSE);
          lgr_writer_append (out, "\n         ");
          json_series (out, "baseline_cohort", l->baseline_cohort, n, FALSE);
          lgr_writer_append (out, "\n         ");
          json_series (out, "scenario_cohort", l->scenario_cohort, n, FALSE);
          lgr_writer_append (out, "\n         ");
          json_series (out, "baseline_unit_cost", l->baseline_unit_cost, n, FALSE);
          lgr_writer_append (out, "\n         ");
          json_series (out, "scenario_unit_cost", l->scenario_unit_cost, n, TRUE);
          lgr_writer_append_c (out, '}');
        }
      lgr_writer_append (out, r->n_levers ? "\n      ],\n      " : "],\n      ");

      json_key (out, "items");
      lgr_writer_append_c (out, '[');
      for (guint i = 0; i < r->n_items; i++)
        {
          const LgrItemResult *it = &r->items[i];
          lgr_writer_append (out, i ? ",\n        {" : "\n        {");
          json_string_field (out, "id", it->item->id, ", ");
          json_key (out, "authority");
          if (it->item->authority_id)
            lgr_writer_append_json_string (out, it->item->authority_id);
          else
            lgr_writer_append (out, "null");
          lgr_writer_append (out, ", ");
          json_string_field (out, "kind", lgr_item_kind_to_string (it->item->kind), ", ");
          json_series (out, "values", it->values, n, TRUE);
          lgr_writer_append_c (out, '}');
        }
      lgr_writer_append (out, r->n_items ? "\n      ]\n    }" : "]\n    }");
    }
  lgr_writer_append (out, results->n_scenarios ? "\n  ]\n}\n" : "]\n}\n");
}

/* --summary=csv is the table of lgr-csv.h, the same as the window's Export Table. */
void
lgr_cli_write_summary (LgrWriter *out, const char *format, const LgrStudy *study,
                       const LgrResults *results)
{
  if (g_str_equal (format, "json"))
    summary_json (out, study, results);
  else
    lgr_csv_write_results (out, results);
}

static int
run_summary (const char *format, const char *path, char **snapshots, int *output_errno)
{
  g_autoptr (LgrStudy) study = NULL;
  int status = lgr_cli_load_study (path, snapshots, usage_error, &study);
  if (status != LGR_EXIT_OK)
    return status;
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  g_autoptr (LgrWriter) out = lgr_writer_new_for_file (stdout);
  lgr_cli_write_summary (out, format, study, results);
  /* A failed write leaves stdout's error flag set: finish_stdout() says so, once. */
  if (lgr_writer_finish (out))
    return LGR_EXIT_OK;
  *output_errno = errno;
  return LGR_EXIT_INVALID;
}

/* An output's error, said once: the file-writing messages already name the file
 * ("Could not save “x.png”: ..."), the others (a drawing that failed) get the path in front. */
static void
print_output_error (const char *path, const GError *error)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *display = g_filename_display_name (base);
  g_autofree char *quoted = g_strdup_printf ("“%s”", display);
  if (strstr (error->message, quoted) != NULL)
    lgr_cli_printerr ("%s", error->message);
  else
    lgr_cli_printerr ("%s: %s", path, error->message);
}

/* --export and --report */

static gboolean
parse_size (const char *text, int *width, int *height)
{
  char *end = NULL;
  if (text == NULL || !g_ascii_isdigit (text[0]))
    return FALSE;
  guint64 w = g_ascii_strtoull (text, &end, 10);
  if (*end != 'x' && *end != 'X')
    return FALSE;
  const char *h_text = end + 1;
  if (!g_ascii_isdigit (h_text[0]))
    return FALSE;
  guint64 h = g_ascii_strtoull (h_text, &end, 10);
  if (*end != '\0' || w < 16 || h < 16 || w > MAX_EXPORT_SIDE || h > MAX_EXPORT_SIDE)
    return FALSE;
  *width = (int)w;
  *height = (int)h;
  return TRUE;
}

/* A device or FIFO (/dev/stdout, a pipe) has no extension to say the format: it is written in
 * place, as PNG for --export and PDF for --report. */
static gboolean
is_stream (const char *path)
{
  GStatBuf st;
  return g_stat (path, &st) == 0 && (S_ISCHR (st.st_mode) || S_ISFIFO (st.st_mode));
}

/* --export=study.xlsx: the workbook of lgr-workbook.h (every scenario; not a chart). */
static int
run_workbook (const CliOptions *o)
{
  if (o->chart || o->size || o->scenarios)
    return usage_error (_ ("--chart, --size and --scenario do not go with a .xlsx workbook"));
  g_autoptr (LgrStudy) study = NULL;
  int status = lgr_cli_load_study (o->files[0], o->snapshots, usage_error, &study);
  if (status != LGR_EXIT_OK)
    return status;
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  g_autoptr (GError) error = NULL;
  if (!lgr_workbook_write (results, o->export_path, &error))
    {
      g_printerr ("%s: %s\n", o->export_path, error->message);
      return LGR_EXIT_INVALID;
    }
  return LGR_EXIT_OK;
}

static int
run_export (const CliOptions *o)
{
  LgrExportFormat format = LGR_EXPORT_PNG;
  if (lgr_workbook_path_is_xlsx (o->export_path))
    return run_workbook (o);
  if (!lgr_export_format_from_path (o->export_path, &format) && !is_stream (o->export_path))
    return usage_error (
        _ ("--export needs a file name ending in .png, .svg or .pdf (a chart) or .xlsx (the "
           "workbook)"));

  LgrChartKind kind = LGR_CHART_CASHFLOW;
  if (o->chart && !lgr_chart_kind_from_string (o->chart, &kind))
    {
      g_autofree char *names = lgr_chart_kind_list ();
      /* Translators: "unknown chart “pie” (choose cashflow, savings, difference, children)" */
      g_autofree char *message
          = g_strdup_printf (_ ("unknown chart “%s” (choose %s)"), o->chart, names);
      return usage_error (message);
    }

  int width = DEFAULT_EXPORT_WIDTH, height = DEFAULT_EXPORT_HEIGHT;
  if (o->size && !parse_size (o->size, &width, &height))
    {
      g_autofree char *message
          = g_strdup_printf (_ ("--size=%s is not a size like 1600x900 with each side 16 to %d"),
                             o->size, MAX_EXPORT_SIDE);
      return usage_error (message);
    }
  g_autoptr (GError) size_error = NULL;
  if (!lgr_export_check_size (width, height, 1.0, &size_error))
    return usage_error (size_error->message);

  int draws = 0;
  double seed = 0;
  int status = lgr_cli_parse_draws_seed (o->draws, o->seed, &draws, &seed, usage_error);
  if (status != 0)
    return status;

  g_autoptr (LgrStudy) study = NULL;
  g_autoptr (LgrStudy) start = NULL;
  status = lgr_cli_load_study_with_start (o->files[0], o->snapshots, usage_error, &study, &start);
  if (status != LGR_EXIT_OK)
    return status;
  /* the uncertainty chart draws from the study's own settings: these override them */
  if (o->draws)
    study->draws = draws;
  if (o->seed)
    study->seed = seed;

  for (char **id = o->scenarios; id && *id; id++)
    if (lgr_study_find_scenario (study, *id) == NULL)
      {
        g_autoptr (GString) known = g_string_new (NULL);
        for (guint i = 0; i < study->scenarios->len; i++)
          {
            const LgrScenario *s = g_ptr_array_index (study->scenarios, i);
            g_string_append_printf (known, "%s%s", i ? ", " : "", s->id);
          }
        g_autofree char *message = g_strdup_printf (
            _ ("%s has no scenario “%s” (its scenarios: %s)"), o->files[0], *id, known->str);
        return usage_error (message);
      }

  g_autoptr (LgrResults) results = lgr_results_compute (study);
  LgrChartOptions options;
  lgr_chart_options_init (&options, kind);
  options.style = LGR_CHART_STYLE_LIGHT;
  options.show_title = TRUE;
  options.scenarios = (const char *const *)o->scenarios;
  /* with --snapshot, the file as it is is the starting point (drawn where the kind shows it) */
  g_autoptr (LgrResults) start_results = start ? lgr_results_compute (start) : NULL;
  options.start = start_results;

  g_autoptr (GError) error = NULL;
  if (!lgr_export_chart (results, &options, format, o->export_path, width, height, 1.0, &error))
    {
      print_output_error (o->export_path, error);
      return LGR_EXIT_INVALID;
    }
  return LGR_EXIT_OK;
}

static int
run_report (const CliOptions *o)
{
  if (!g_str_has_suffix (o->report, ".pdf") && !g_str_has_suffix (o->report, ".PDF")
      && !is_stream (o->report))
    return usage_error (_ ("--report needs a file name ending in .pdf"));
  g_autoptr (LgrStudy) study = NULL;
  int status = lgr_cli_load_study (o->files[0], o->snapshots, usage_error, &study);
  if (status != LGR_EXIT_OK)
    return status;
  /* the report of a snapshot applied is that study's, without the other snapshots' pages */
  if (o->snapshots != NULL)
    g_ptr_array_set_size (study->snapshots, 0);
  g_autoptr (LgrResults) results = lgr_results_compute (study);
  g_autoptr (GError) error = NULL;
  if (!lgr_report_write_pdf (study, results, o->report, &error))
    {
      print_output_error (o->report, error);
      return LGR_EXIT_INVALID;
    }
  return LGR_EXIT_OK;
}

/* Dispatch */

static int
run_headless (CliOptions *o)
{
  guint n_files = o->files ? g_strv_length (o->files) : 0;
  int modes = !!o->check + !!o->summary + !!o->export_path + !!o->report + !!o->uncertainty
              + !!o->sensitivity;

  if (modes > 1)
    return usage_error (_ ("use only one of --check, --summary, --export, --report, "
                           "--uncertainty and --sensitivity"));
  if ((o->draws || o->seed) && !o->uncertainty
      && !(o->export_path && g_strcmp0 (o->chart, "uncertainty") == 0))
    return usage_error (_ ("--draws and --seed go with --uncertainty or with --export "
                           "--chart=uncertainty"));
  if ((o->chart || o->size || o->scenarios) && !o->export_path)
    return usage_error (_ ("--chart, --size and --scenario go with --export"));
  if (o->snapshots && (o->check || modes == 0))
    return usage_error (_ ("--snapshot goes with --summary, --export, --report, --uncertainty "
                           "or --sensitivity"));

  if (o->check)
    {
      if (n_files == 0)
        return usage_error (_ ("--check needs at least one study file"));
      return run_check (o->files);
    }

  if (n_files != 1)
    return usage_error (
        _ ("--summary, --export, --report, --uncertainty and --sensitivity need exactly one "
           "study file"));

  if (o->summary)
    {
      if (!g_str_equal (o->summary, "json") && !g_str_equal (o->summary, "csv"))
        return usage_error (_ ("--summary takes json or csv"));
      return run_summary (o->summary, o->files[0], o->snapshots, &o->output_errno);
    }
  if (o->uncertainty)
    return lgr_cli_run_uncertainty (o->uncertainty, o->files[0], o->snapshots, o->draws, o->seed,
                                    usage_error, &o->output_errno);
  if (o->sensitivity)
    return lgr_cli_run_sensitivity (o->sensitivity, o->files[0], o->snapshots, usage_error,
                                    &o->output_errno);
  if (o->export_path)
    return run_export (o);
  return run_report (o);
}

gboolean
lgr_cli_run (int argc, char **argv, int *exit_status, char ***window_files)
{
  g_auto (CliOptions) o = { 0 };
  setup_gettext (); /* before the chart names' help is translated */
  g_autofree char *chart_names = lgr_chart_kind_list ();
  /* Translators: "Chart to export: cashflow, savings, difference, children (default cashflow)";
   * the charts' names are never translated */
  g_autofree char *chart_help
      = g_strdup_printf (_ ("Chart to export: %s (default %s)"), chart_names,
                         lgr_chart_kind_to_string (LGR_CHART_CASHFLOW));
  const GOptionEntry entries[] = {
    { "check", 0, 0, G_OPTION_ARG_NONE, &o.check,
      N_ ("Check study files and print any errors; exit 0 if all are valid"), NULL },
    { "summary", 0, 0, G_OPTION_ARG_STRING, &o.summary,
      N_ ("Print the results of a study as json or csv"), N_ ("FORMAT") },
    { "export", 0, 0, G_OPTION_ARG_FILENAME, &o.export_path,
      N_ ("Export a chart to a .png, .svg or .pdf file, or the study to an .xlsx workbook"),
      N_ ("OUT") },
    { "chart", 0, 0, G_OPTION_ARG_STRING, &o.chart, chart_help, N_ ("NAME") },
    { "size", 0, 0, G_OPTION_ARG_STRING, &o.size,
      N_ ("Size of the exported chart in pixels (default 1600x900)"), N_ ("WxH") },
    { "scenario", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o.scenarios,
      N_ ("Show this scenario in the exported chart (repeatable; default all)"), N_ ("ID") },
    { "snapshot", 0, 0, G_OPTION_ARG_STRING_ARRAY, &o.snapshots,
      N_ ("Apply this snapshot of the study first (repeatable: applied in order)"), N_ ("ID") },
    { "report", 0, 0, G_OPTION_ARG_FILENAME, &o.report,
      N_ ("Write the multi-page cabinet report as a PDF file"), N_ ("OUT.pdf") },
    { "uncertainty", 0, 0, G_OPTION_ARG_STRING, &o.uncertainty,
      N_ ("Print the Monte Carlo ranges of a study as json"), N_ ("FORMAT") },
    { "draws", 0, 0, G_OPTION_ARG_STRING, &o.draws,
      N_ ("With --uncertainty or --chart=uncertainty: number of draws, 100 to 1000000 (default "
          "the study's)"),
      N_ ("N") },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &o.seed,
      N_ ("With --uncertainty or --chart=uncertainty: the random seed, 0 to 2^53 (default the "
          "study's)"),
      N_ ("S") },
    { "sensitivity", 0, 0, G_OPTION_ARG_STRING, &o.sensitivity,
      N_ ("Print the tornado rows and switching values of a study as json or csv"), N_ ("FORMAT") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &o.version, N_ ("Show the version and exit"), NULL },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &o.help, N_ ("Show this help and exit"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o.files, NULL, N_ ("[FILE…]") },
    { NULL },
  };

  *window_files = NULL;

  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (
      context, _ ("Compare local government reorganisation options: one unitary council or "
                  "two.\nWith no option, opens the window (the bundled Warwickshire study if no "
                  "file is given)."));
  g_option_context_set_description (
      context, _ ("Exit status: 0 success; 1 an input file is invalid or an output cannot be "
                  "written; 2 wrong usage."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  /* GOption's own --help prints and exits inside the parser, unchecked: ours is checked. */
  g_option_context_set_help_enabled (context, FALSE);

  g_autoptr (GError) error = NULL;
  /* argv[argc] is NULL in C, so argv is a string vector; parse a copy, which the parser edits. */
  g_auto (GStrv) parse_args = g_strdupv (argv);
  if (!g_option_context_parse_strv (context, &parse_args, &error))
    {
      *exit_status = finish_stdout (usage_error (error->message), 0);
      return TRUE;
    }

  if (o.help)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
      fputs (help, stdout);
      if (!g_str_has_suffix (help, "\n"))
        fputc ('\n', stdout);
      *exit_status = finish_stdout (LGR_EXIT_OK, 0);
      return TRUE;
    }

  if (o.version)
    {
      fprintf (stdout, "lgr-explorer %s\n", PACKAGE_VERSION);
      *exit_status = finish_stdout (LGR_EXIT_OK, 0);
      return TRUE;
    }

  if (o.check || o.summary || o.export_path || o.report || o.chart || o.size || o.scenarios
      || o.snapshots || o.uncertainty || o.sensitivity || o.draws || o.seed)
    {
      int status = run_headless (&o);
      *exit_status = finish_stdout (status, o.output_errno);
      return TRUE;
    }

  *window_files = o.files ? g_strdupv (o.files) : g_new0 (char *, 1);
  *exit_status = LGR_EXIT_OK;
  return FALSE;
}
