/* lgr-export.c: charts to PNG, SVG and PDF files, always in the light style.
 *
 * Every file is rendered into memory first and then written atomically (a temporary file beside
 * the target, renamed over it), so a failed export never leaves half a file behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "lgr-export.h"
#include "lgr-png.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>

#include "lgr-chart-private.h"
#include "lgr-file-replace.h"

gboolean
lgr_export_format_from_path (const char *path, LgrExportFormat *format)
{
  if (path == NULL)
    return FALSE;
  g_autofree char *lower = g_ascii_strdown (path, -1);
  LgrExportFormat f;
  if (g_str_has_suffix (lower, ".png"))
    f = LGR_EXPORT_PNG;
  else if (g_str_has_suffix (lower, ".svg"))
    f = LGR_EXPORT_SVG;
  else if (g_str_has_suffix (lower, ".pdf"))
    f = LGR_EXPORT_PDF;
  else
    return FALSE;
  if (format)
    *format = f;
  return TRUE;
}

void
lgr_export_pdf_metadata (cairo_surface_t *surface, const char *title)
{
  if (title && *title)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, "LGR Explorer");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "LGR Explorer");
}

char *
lgr_export_chart_pdf_title (const LgrResults *results, const LgrChartOptions *options)
{
  const char *chart = options->title ? options->title : lgr_chart_kind_title (options->kind);
  const char *study = results->study ? results->study->title : NULL;
  /* the chart's title and the study's: "Cumulative net cashflow – Warwickshire: ..." */
  return study && *study ? g_strdup_printf ("%s – %s", chart, study) : g_strdup (chart);
}

void
lgr_export_print_metadata (cairo_t *cr, const char *title)
{
  cairo_surface_t *target = cr ? cairo_get_target (cr) : NULL;
  if (target && cairo_surface_get_type (target) == CAIRO_SURFACE_TYPE_PDF)
    lgr_export_pdf_metadata (target, title);
}

static cairo_status_t
append_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

gboolean
lgr_export_check_size (double width, double height, double scale, GError **error)
{
  if (!(width >= 1) || !(height >= 1) || !(scale > 0) || !isfinite (width * scale)
      || !isfinite (height * scale) || round (width * scale) > LGR_EXPORT_MAX_SIDE
      || round (height * scale) > LGR_EXPORT_MAX_SIDE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _ ("A chart of %g × %g at scale %g cannot be drawn: each side must be between "
                      "1 and %d pixels."),
                   width, height, scale, LGR_EXPORT_MAX_SIDE);
      return FALSE;
    }
  if (round (width * scale) * round (height * scale) > LGR_EXPORT_MAX_PIXELS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _ ("A chart of %g × %g at scale %g is too large: at most %d million pixels in "
                      "all (an A4 page at 600 dots an inch is 35 million)."),
                   width, height, scale, LGR_EXPORT_MAX_PIXELS / 1000000);
      return FALSE;
    }
  return TRUE;
}

static LgrChartOptions
light_options (const LgrChartOptions *options)
{
  LgrChartOptions o = *options;
  o.style = LGR_CHART_STYLE_LIGHT;
  o.highlight_index = -1;
  return o;
}

static gboolean
surface_ok (cairo_surface_t *surface, cairo_t *cr, GError **error)
{
  cairo_status_t status = cr ? cairo_status (cr) : CAIRO_STATUS_SUCCESS;
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _ ("The chart could not be drawn: %s."),
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

static GByteArray *
render_png (const LgrResults *results, const LgrChartOptions *options, double width, double height,
            double scale, GError **error)
{
  if (!lgr_export_check_size (width, height, scale, error))
    return NULL;
  int pw = (int)round (width * scale), ph = (int)round (height * scale);
  cairo_surface_t *surface = lgr_png_image_surface_new (pw, ph);
  cairo_t *cr = cairo_create (surface);
  cairo_scale (cr, (double)pw / width, (double)ph / height);
  LgrChartOptions o = light_options (options);
  lgr_chart_draw (cr, results, &o, width, height);
  gboolean ok = surface_ok (surface, cr, error);
  cairo_destroy (cr);
  GByteArray *bytes = NULL;
  if (ok)
    bytes = lgr_png_encode (surface, scale, error);
  cairo_surface_destroy (surface);
  return bytes;
}

static GByteArray *
render_vector (const LgrResults *results, const LgrChartOptions *options, LgrExportFormat format,
               double width, double height, GError **error)
{
  if (!lgr_export_check_size (width, height, 1.0, error))
    return NULL;
  GByteArray *bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  if (format == LGR_EXPORT_SVG)
    {
      surface = cairo_svg_surface_create_for_stream (append_bytes, bytes, width, height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);
    }
  else
    {
      surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, width, height);
      g_autofree char *title = lgr_export_chart_pdf_title (results, options);
      lgr_export_pdf_metadata (surface, title);
    }
  cairo_t *cr = cairo_create (surface);
  LgrChartOptions o = light_options (options);
  lgr_chart_draw (cr, results, &o, width, height);
  gboolean ok = surface_ok (surface, cr, error);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  ok = ok && surface_ok (surface, NULL, error);
  cairo_surface_destroy (surface);
  if (!ok)
    g_clear_pointer (&bytes, g_byte_array_unref);
  return bytes;
}

gboolean
lgr_export_chart (const LgrResults *results, const LgrChartOptions *options, LgrExportFormat format,
                  const char *path, double width, double height, double scale, GError **error)
{
  g_return_val_if_fail (results != NULL && options != NULL && path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_autoptr (GByteArray) bytes = NULL;
  if (format == LGR_EXPORT_PNG)
    bytes = render_png (results, options, width, height, scale, error);
  else
    bytes = render_vector (results, options, format, width, height, error);
  if (bytes == NULL)
    return FALSE;
  return lgr_file_replace_contents (path, bytes->data, bytes->len, error);
}

GBytes *
lgr_export_chart_png_bytes (const LgrResults *results, const LgrChartOptions *options, double width,
                            double height, double scale, GError **error)
{
  g_return_val_if_fail (results != NULL && options != NULL, NULL);
  GByteArray *bytes = render_png (results, options, width, height, scale, error);
  return bytes ? g_byte_array_free_to_bytes (bytes) : NULL;
}
