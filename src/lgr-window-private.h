/* lgr-window-private.h: the window's struct, shared by the window's files, what each of them
 * offers the ones above it, and what the window's tests may look at. The files depend one way:
 * lgr-window.c -> lgr-window-actions.c -> lgr-window-views.c and lgr-window-dialogs.c;
 * lgr-window-views.c -> lgr-window-changes.c and lgr-window-presentation.c ->
 * lgr-window-dialogs.c. */
#pragma once

#include "lgr-chart-view.h"
#include "lgr-published-view.h"
#include "lgr-presentation-view.h"
#include "lgr-presentation-window.h"
#include "lgr-scenario-sidebar.h"
#include "lgr-summary-card.h"
#include "lgr-uncertainty-runner.h"
#include "lgr-window.h"
#include "lgr-wrap-label.h"
#include "lgr-year-table.h"

G_BEGIN_DECLS

typedef void (*Continuation) (LgrWindow *self, gpointer data);

struct _LgrWindow
{
  AdwApplicationWindow parent_instance;

  /* template */
  AdwToastOverlay *toast_overlay;
  GtkRevealer *header_revealer;
  AdwWindowTitle *window_title;
  GtkMenuButton *menu_button;
  GMenu *recent_menu;
  GMenu *snapshot_menu; /* lgr-window-snapshots.c */
  GtkRevealer *draft_revealer;
  GtkLabel *draft_label;
  GtkRevealer *draft_problem_revealer;
  GtkLabel *draft_problem_label;
  LgrPresentationView *presentation; /* shown in place of the flap while presenting */
  AdwFlap *flap;
  LgrScenarioSidebar *sidebar;
  GtkWidget *main_box;
  LgrWrapLabel *verdict_label;
  GtkLabel *probability_label;
  GtkProgressBar *uncertainty_progress;
  GtkWidget *cards_area;
  GtkFlowBox *cards_box;
  GtkWidget *chart_header;
  GtkWidget *chart_switcher;
  LgrChartView *chart_view;
  GtkLabel *year_label;
  GtkWidget *table_section;
  GtkStack *table_stack;
  LgrPublishedView *published_view;

  GSettings *settings;
  LgrDraftStore *drafts;
  GPtrArray *offered_drafts; /* of LgrDraftInfo* */
  LgrDocument *document;
  LgrResults *shown; /* the results the views show: a reference */
  guint update_tick; /* tick callback waiting for the next frame to update the views */
  guint update_idle; /* the same while the window is not mapped */
  guint n_updates;
  guint marks_idle; /* marking what changed since the file was opened or saved */
  char *cards_key;  /* scenario ids the cards and tables were built for */
  AdwMessageDialog *dialog;
  GtkWindow *export_dialog;
  gboolean presenting;
  gboolean levers_locked;               /* win.lock-levers */
  LgrPresentationWindow *second_screen; /* win.present-second-screen, or NULL */
  char *snapshot_id;                    /* the snapshot the room is at, NULL: the start */
  LgrChartKind chart;
  gboolean closing;
  LgrUncertaintyRunner *uncertainty; /* the Monte Carlo and switching values, in a thread */
};

typedef void (*ChosenFunc) (LgrWindow *self, GFile *file);

/* lgr-window-dialogs.c: toasts, questions and file dialogs (calls none of the others) */
void _lgr_window_toast (LgrWindow *self, const char *message);
AdwMessageDialog *_lgr_window_new_dialog (LgrWindow *self, const char *heading, const char *body);
void _lgr_window_show_error (LgrWindow *self, const char *heading, const GError *error);
void _lgr_window_choose_file (LgrWindow *self, gboolean save, const char *title,
                              const char *suggested, const char *filter_name, const char *pattern,
                              ChosenFunc func);
void _lgr_window_forget_dialog (LgrWindow *self);
/* lgr-window-actions.c: Import Scenarios from file, asking first when its settings or
 * timeline differ from this study's. */
void _lgr_window_import_file (LgrWindow *self, GFile *file);
/* Shows or hides the banner saying that drafts cannot be written (the store's "problem"). */
void _lgr_window_show_draft_problem (LgrWindow *self);

/* lgr-window-views.c: what the window shows (calls only lgr-window-changes.c; also
 * lgr_window_set_document and lgr_window_offer_drafts) */
void _lgr_window_views_init (LgrWindow *self);
void _lgr_window_cancel_update (LgrWindow *self);
void _lgr_window_step_scenario (LgrWindow *self, int delta);

/* lgr-window-presentation.c: presentation mode, the second screen and stepping the snapshots
 * (uses the dialogs) */
void _lgr_window_set_presenting (LgrWindow *self, gboolean presenting);
/* Shows or closes the room's view on another monitor (none: a toast says so). */
void _lgr_window_set_second_screen (LgrWindow *self, gboolean shown);
/* The room's window full screen on monitor (NULL: wherever it opens), whatever the number of
 * monitors (tests use it with one). */
void _lgr_window_present_on_monitor (LgrWindow *self, GdkMonitor *monitor);
/* Shows the next (1) or previous (-1) snapshot from the start. */
void _lgr_window_step_snapshot (LgrWindow *self, int delta);
/* Records the snapshot the room is at (NULL: the start) and shows its name and note. */
void _lgr_window_set_snapshot (LgrWindow *self, const char *snapshot_id);
/* Brings the room's views up to the window's document, scenario, snapshot, chart and style. */
void _lgr_window_presentation_sync (LgrWindow *self);
void _lgr_window_presentation_set_uncertainty (LgrWindow *self, const LgrUncertaintyResults *u,
                                               const LgrSensitivity *sensitivity);
void _lgr_window_presentation_init (LgrWindow *self);
void _lgr_window_presentation_dispose (LgrWindow *self);
void _lgr_window_class_presentation_init (GtkWidgetClass *widget_class);

/* lgr-window-changes.c: the cards and rows that differ from the study as opened or saved are
 * marked (calls none of the others) */
void _lgr_window_queue_marks (LgrWindow *self);
void _lgr_window_cancel_marks (LgrWindow *self);

/* lgr-window-actions.c: what the actions do (uses the views and dialogs; also lgr_window_open
 * and lgr_window_save_to) */
/* Runs next once the current study's changes are saved or discarded (at once if none). */
void _lgr_window_confirm_unsaved (LgrWindow *self, Continuation next, gpointer data,
                                  GDestroyNotify destroy);
void _lgr_window_on_export_dialog_destroyed (LgrWindow *self, GObject *where_the_object_was);
void _lgr_window_class_actions_init (GtkWidgetClass *widget_class);

/* lgr-window-snapshots.c: the Snapshots menu, Save as Snapshot, Back to the Start (uses the
 * dialogs) */
void _lgr_window_fill_snapshot_menu (LgrWindow *self);
/* Keeps the Snapshots menu to document's snapshots. */
void _lgr_window_snapshots_watch (LgrWindow *self, LgrDocument *document);
void _lgr_window_class_snapshots_init (GtkWidgetClass *widget_class);

/* For tests */

LgrScenarioSidebar *lgr_window_get_sidebar (LgrWindow *self);
LgrChartView *lgr_window_get_chart_view (LgrWindow *self);
LgrSummaryCard *lgr_window_find_card (LgrWindow *self, const char *scenario_id);
LgrYearTable *lgr_window_find_table (LgrWindow *self, const char *scenario_id);
LgrPublishedView *lgr_window_get_published_view (LgrWindow *self);
const char *lgr_window_get_verdict (LgrWindow *self);
/* The Monte Carlo's sentence under the verdict while shown, else NULL; the runner. */
const char *lgr_window_get_probability (LgrWindow *self);
LgrUncertaintyRunner *lgr_window_get_uncertainty (LgrWindow *self);
/* Whether a change waits for the next frame to be shown, and how many view updates there were. */
gboolean lgr_window_get_update_pending (LgrWindow *self);
guint lgr_window_get_n_updates (LgrWindow *self);
/* The question the window is asking (unsaved changes, load error), or NULL. */
AdwMessageDialog *lgr_window_get_dialog (LgrWindow *self);
gboolean lgr_window_get_presenting (LgrWindow *self);
gboolean lgr_window_get_draft_offered (LgrWindow *self);
/* The banner saying unsaved changes are not protected: its text while shown, else NULL. */
const char *lgr_window_get_draft_problem (LgrWindow *self);
/* The room's view of presentation mode, its levers, and the second screen's window or NULL. */
LgrPresentationView *lgr_window_get_presentation (LgrWindow *self);
GtkWidget *lgr_window_get_presentation_levers (LgrWindow *self);
LgrPresentationWindow *lgr_window_get_second_screen (LgrWindow *self);
/* Writes every scenario's table as CSV, as "Export Table as CSV" does after its dialog. */
gboolean lgr_window_export_csv_to (LgrWindow *self, GFile *file, GError **error);
/* Writes the Excel workbook (lgr-workbook.h), as "Export Workbook" does after its dialog. */
gboolean lgr_window_export_workbook_to (LgrWindow *self, GFile *file, GError **error);
/* The export dialog while it is open, or NULL. */
GtkWindow *lgr_window_get_export_dialog (LgrWindow *self);

G_END_DECLS
