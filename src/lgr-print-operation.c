/* lgr-print-operation.c: a chart or the report on paper. */
#include <glib/gi18n.h>

#include "lgr-export.h"
#include "lgr-print-operation.h"

struct _LgrPrintOperation
{
  GtkPrintOperation parent_instance;

  const LgrStudy *study;
  const LgrResults *results;
  LgrChartKind kind;
  gboolean report;
  LgrReportPages *pages; /* the report, laid out once for the run */
};

G_DEFINE_FINAL_TYPE (LgrPrintOperation, lgr_print_operation, GTK_TYPE_PRINT_OPERATION)

/* A printed chart: the light style, with its title */
static void
chart_options (LgrPrintOperation *self, LgrChartOptions *options)
{
  lgr_chart_options_init (options, self->kind);
  options->style = LGR_CHART_STYLE_LIGHT;
  options->show_title = TRUE;
}

static void
lgr_print_operation_begin_print (GtkPrintOperation *operation, GtkPrintContext *context)
{
  LgrPrintOperation *self = LGR_PRINT_OPERATION (operation);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  if (!self->report)
    {
      LgrChartOptions options;
      chart_options (self, &options);
      g_autofree char *title = lgr_export_chart_pdf_title (self->results, &options);
      lgr_export_print_metadata (cr, title);
      gtk_print_operation_set_n_pages (operation, 1);
      return;
    }
  /* GtkPrintOperation has no metadata of its own: a PDF it writes gets the report's */
  lgr_export_print_metadata (cr, self->study->title);
  /* The whole sheet (the report keeps its own margins), in points; drawn once, not per page */
  g_clear_pointer (&self->pages, lgr_report_pages_free);
  self->pages
      = lgr_report_pages_new (self->study, self->results, gtk_print_context_get_width (context),
                              gtk_print_context_get_height (context));
  gtk_print_operation_set_n_pages (operation, lgr_report_pages_get_n_pages (self->pages));
}

static void
lgr_print_operation_end_print (GtkPrintOperation *operation, GtkPrintContext *context)
{
  LgrPrintOperation *self = LGR_PRINT_OPERATION (operation);
  g_clear_pointer (&self->pages, lgr_report_pages_free);
}

static void
lgr_print_operation_finalize (GObject *object)
{
  LgrPrintOperation *self = LGR_PRINT_OPERATION (object);
  g_clear_pointer (&self->pages, lgr_report_pages_free);
  G_OBJECT_CLASS (lgr_print_operation_parent_class)->finalize (object);
}

static void
lgr_print_operation_draw_page (GtkPrintOperation *operation, GtkPrintContext *context, int page)
{
  LgrPrintOperation *self = LGR_PRINT_OPERATION (operation);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  LgrChartOptions options;

  if (self->report)
    {
      lgr_report_pages_draw (self->pages, cr, page);
      return;
    }
  chart_options (self, &options);
  lgr_chart_draw (cr, self->results, &options, gtk_print_context_get_width (context),
                  gtk_print_context_get_height (context));
}

static void
lgr_print_operation_class_init (LgrPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *print_class = GTK_PRINT_OPERATION_CLASS (klass);
  object_class->finalize = lgr_print_operation_finalize;
  print_class->begin_print = lgr_print_operation_begin_print;
  print_class->end_print = lgr_print_operation_end_print;
  print_class->draw_page = lgr_print_operation_draw_page;
}

static void
lgr_print_operation_init (LgrPrintOperation *self)
{
  g_autoptr (GtkPageSetup) setup = gtk_page_setup_new ();
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), setup);
  gtk_print_operation_set_unit (GTK_PRINT_OPERATION (self), GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (GTK_PRINT_OPERATION (self), TRUE);
}

LgrPrintOperation *
lgr_print_operation_new (const LgrStudy *study, const LgrResults *results, LgrChartKind kind)
{
  LgrPrintOperation *self = g_object_new (LGR_TYPE_PRINT_OPERATION, NULL);
  self->study = study;
  self->results = results;
  self->kind = kind;
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), study->title);
  return self;
}

gboolean
lgr_print_study (GtkWindow *parent, const LgrStudy *study, const LgrResults *results,
                 LgrChartKind kind, GError **error)
{
  g_autoptr (LgrPrintOperation) operation = lgr_print_operation_new (study, results, kind);
  GtkPrintOperationResult result = gtk_print_operation_run (
      GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, error);
  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}

LgrPrintOperation *
lgr_print_operation_new_report (const LgrStudy *study, const LgrResults *results)
{
  LgrPrintOperation *self = lgr_print_operation_new (study, results, LGR_CHART_CASHFLOW);
  g_autoptr (GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr (GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  self->report = TRUE;
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), setup);
  gtk_print_operation_set_use_full_page (GTK_PRINT_OPERATION (self), TRUE);
  gtk_print_operation_set_embed_page_setup (GTK_PRINT_OPERATION (self), FALSE);
  return self;
}

gboolean
lgr_print_operation_export_pdf (LgrPrintOperation *self, const char *path, GError **error)
{
  g_return_val_if_fail (LGR_IS_PRINT_OPERATION (self), FALSE);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (self), path);
  return gtk_print_operation_run (GTK_PRINT_OPERATION (self), GTK_PRINT_OPERATION_ACTION_EXPORT,
                                  NULL, error)
         != GTK_PRINT_OPERATION_RESULT_ERROR;
}

gboolean
lgr_print_report (GtkWindow *parent, const LgrStudy *study, const LgrResults *results,
                  GError **error)
{
  g_autoptr (LgrPrintOperation) operation = lgr_print_operation_new_report (study, results);
  GtkPrintOperationResult result = gtk_print_operation_run (
      GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, error);
  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}
