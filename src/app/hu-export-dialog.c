/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "HuExportDialog"

#include "config.h"

#include <glib/gi18n.h>

#include "hu-export-dialog.h"
#include "hu-report.h"
#include "hu-widgets.h"

/* Exports the project through the core's report writers. The report is a
 * snapshot taken on the main thread; writing it (a PDF with charts can
 * take a moment) happens in a GTask thread and can be cancelled. */
struct _HuExportDialog
{
  AdwWindow             parent_instance;

  /* The window's comparison: the report reads the rows, baseline and
   * ranges the table shows, so the two cannot disagree. */
  HuComparison         *comparison;
  char                 *name;            /* the project's name: title and file name */
  char                 *equivalence_set;
  HuMetric              chart_metric;
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;

  AdwComboRow          *format_row;
  AdwEntryRow          *author_row;
  AdwComboRow          *paper_row;
  GtkSwitch            *charts_switch;
  GtkSwitch            *inputs_switch;
  GtkSwitch            *derivations_switch;
  GtkSwitch            *equivalences_switch;
  GtkSwitch            *runs_switch;
  GtkSpinner           *spinner;
  AdwPreferencesGroup  *preview_group;
  GtkDrawingArea       *preview_area;

  /* The first page, rendered once per report and size: redrawing the
   * dialog (or scrolling it) must not lay out the report again. */
  HuReport             *preview_report;
  cairo_surface_t      *preview_surface;
  guint                 preview_source;
};

G_DEFINE_FINAL_TYPE (HuExportDialog, hu_export_dialog, ADW_TYPE_WINDOW)

/* Reports are built from a snapshot of the project this long after the
 * last change of an option, so typing the author's name stays fluid. */
#define PREVIEW_DELAY_MS 200

/* The order of format_row's items. */
static const HuReportFormat formats[] = {
  HU_REPORT_FORMAT_PDF, HU_REPORT_FORMAT_SVG, HU_REPORT_FORMAT_PNG, HU_REPORT_FORMAT_CSV,
  HU_REPORT_FORMAT_JSON, HU_REPORT_FORMAT_MARKDOWN, HU_REPORT_FORMAT_LATEX,
};
static const char * const extensions[] = { "pdf", "svg", "png", "csv", "json", "md", "tex" };

typedef struct {
  HuReport       *report;
  HuReportFormat  format;
  char           *path;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->report);
  g_free (data->path);
  g_free (data);
}

static guint
selected_format (HuExportDialog *self)
{
  guint i = adw_combo_row_get_selected (self->format_row);

  return i < G_N_ELEMENTS (formats) ? i : 0;
}

static void
set_busy (HuExportDialog *self,
          gboolean        busy)
{
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.export", !busy);
}

/* @options borrows the author's text from the entry: use it at once. */
static void
get_options (HuExportDialog  *self,
             HuReportOptions *options)
{
  HuReportSections sections = HU_REPORT_INCLUDE_ALL;
  const char *author;

  if (!gtk_switch_get_active (self->charts_switch))
    sections &= ~HU_REPORT_INCLUDE_CHARTS;
  if (!gtk_switch_get_active (self->inputs_switch))
    sections &= ~HU_REPORT_INCLUDE_INPUTS;
  if (!gtk_switch_get_active (self->derivations_switch))
    sections &= ~HU_REPORT_INCLUDE_DERIVATIONS;
  if (!gtk_switch_get_active (self->equivalences_switch))
    sections &= ~HU_REPORT_INCLUDE_EQUIVALENCES;
  if (!gtk_switch_get_active (self->runs_switch))
    sections &= ~HU_REPORT_INCLUDE_RUNS;

  author = gtk_editable_get_text (GTK_EDITABLE (self->author_row));
  hu_report_options_init (options);
  options->author = *author != '\0' ? author : NULL;
  options->title = self->name;
  /* The comparison's baseline (a scenario; the report falls back to the
   * first scenario when the table's baseline is a run) and ranges. */
  options->default_ranges = hu_comparison_get_default_ranges (self->comparison);
  options->equivalence_set = self->equivalence_set;
  options->paper = adw_combo_row_get_selected (self->paper_row) == 1 ? HU_PAPER_LETTER
                                                                     : HU_PAPER_A4;
  options->sections = sections;
  options->chart_metric = self->chart_metric;
  options->dark = FALSE;
}

static void
draw_preview (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  HuExportDialog *self = user_data;
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (area));

  if (self->preview_report == NULL || width <= 0 || height <= 0)
    return;

  if (self->preview_surface == NULL ||
      cairo_image_surface_get_width (self->preview_surface) != width * scale ||
      cairo_image_surface_get_height (self->preview_surface) != height * scale)
    {
      cairo_t *page_cr;

      g_clear_pointer (&self->preview_surface, cairo_surface_destroy);
      self->preview_surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                          width * scale, height * scale);
      cairo_surface_set_device_scale (self->preview_surface, scale, scale);
      page_cr = cairo_create (self->preview_surface);
      hu_report_render_page (self->preview_report, 0, page_cr, width, height);
      cairo_destroy (page_cr);
    }

  cairo_set_source_surface (cr, self->preview_surface, 0, 0);
  cairo_paint (cr);
}

static gboolean
update_preview (gpointer data)
{
  HuExportDialog *self = data;
  gboolean pdf = formats[selected_format (self)] == HU_REPORT_FORMAT_PDF;
  HuReportOptions options;

  self->preview_source = 0;
  g_clear_object (&self->preview_report);
  g_clear_pointer (&self->preview_surface, cairo_surface_destroy);

  gtk_widget_set_visible (GTK_WIDGET (self->preview_group), pdf);
  if (pdf && self->comparison != NULL)
    {
      /* A failed preview only hides itself: Export reports the error. */
      get_options (self, &options);
      self->preview_report = hu_report_new_for_comparison (self->comparison, &options, NULL);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self->preview_area));
  return G_SOURCE_REMOVE;
}

static void
schedule_preview (HuExportDialog *self)
{
  g_clear_handle_id (&self->preview_source, g_source_remove);
  self->preview_source = g_timeout_add (PREVIEW_DELAY_MS, update_preview, self);
}

/**
 * hu_export_dialog_get_preview_report:
 *
 * Returns: (transfer none) (nullable): the report the preview shows, after
 *   any pending update (for tests)
 */
HuReport *
hu_export_dialog_get_preview_report (HuExportDialog *self)
{
  g_return_val_if_fail (HU_IS_EXPORT_DIALOG (self), NULL);

  if (self->preview_source != 0)
    {
      g_clear_handle_id (&self->preview_source, g_source_remove);
      update_preview (self);
    }
  return self->preview_report;
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  GError *error = NULL;

  if (hu_report_export (data->report, data->format, data->path, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
export_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  HuExportDialog *self = HU_EXPORT_DIALOG (object);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  ExportData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      GtkWidget *dialog;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Export"), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  /* The window that opened the dialog says so, through its action: the
   * dialog does not know (or include) the window. */
  if (parent != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (data->path);
      g_autofree char *uri = g_file_get_uri (file);

      gtk_widget_activate_action (GTK_WIDGET (parent), "win.toast-open", "(ss)",
                                  _("Report exported"), uri);
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_chooser_response (HuExportDialog       *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  HuReportOptions options;
  ExportData *data;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;

  get_options (self, &options);

  data = g_new0 (ExportData, 1);
  data->report = hu_report_new_for_comparison (self->comparison, &options, &error);
  data->format = formats[selected_format (self)];
  data->path = g_file_get_path (file);
  if (data->report == NULL || data->path == NULL)
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Export"),
                                                  error != NULL ? error->message
                                                                : _("Choose a local file."));

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      export_data_free (data);
      return;
    }

  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  task = g_task_new (self, self->cancellable, export_done, NULL);
  g_task_set_source_tag (task, on_chooser_response);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HuExportDialog *self = HU_EXPORT_DIALOG (widget);
  g_autofree char *name = hu_export_dialog_dup_file_name (self);

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Export Report"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/**
 * hu_export_dialog_dup_file_name:
 *
 * The file name the export suggests: the project's name (see
 * hu_export_dialog_set_name()) with the chosen format's extension.
 *
 * Returns: (transfer full): the name
 */
char *
hu_export_dialog_dup_file_name (HuExportDialog *self)
{
  const char *title;
  char *name;

  g_return_val_if_fail (HU_IS_EXPORT_DIALOG (self), NULL);

  title = self->name != NULL ? self->name : hu_project_get_title (hu_comparison_get_project (self->comparison));
  name = g_strdup_printf ("%s.%s", title != NULL && *title != '\0' ? title : _("Report"),
                          extensions[selected_format (self)]);
  g_strdelimit (name, "/\\:", '-');
  return name;
}

/**
 * hu_export_dialog_set_name:
 * @name: (nullable): the project's name, when it is not its title (an
 *   untitled project takes its file's name)
 *
 * Sets the report's title and the name the exported file is offered.
 */
void
hu_export_dialog_set_name (HuExportDialog *self,
                           const char     *name)
{
  g_return_if_fail (HU_IS_EXPORT_DIALOG (self));

  g_free (self->name);
  self->name = g_strdup (name);
  update_preview (self);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HuExportDialog *self = HU_EXPORT_DIALOG (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
hu_export_dialog_dispose (GObject *object)
{
  HuExportDialog *self = HU_EXPORT_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->chooser);
  g_clear_object (&self->comparison);
  g_clear_handle_id (&self->preview_source, g_source_remove);
  g_clear_object (&self->preview_report);
  g_clear_pointer (&self->preview_surface, cairo_surface_destroy);
  gtk_widget_dispose_template (GTK_WIDGET (self), HU_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (hu_export_dialog_parent_class)->dispose (object);
}

static void
hu_export_dialog_finalize (GObject *object)
{
  HuExportDialog *self = HU_EXPORT_DIALOG (object);

  g_free (self->name);
  g_free (self->equivalence_set);

  G_OBJECT_CLASS (hu_export_dialog_parent_class)->finalize (object);
}

static void
hu_export_dialog_class_init (HuExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hu_export_dialog_dispose;
  object_class->finalize = hu_export_dialog_finalize;

  gtk_widget_class_install_action (widget_class, "export.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "export.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "export.cancel", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/hu-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HuExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, HuExportDialog, author_row);
  gtk_widget_class_bind_template_child (widget_class, HuExportDialog, paper_row);
  gtk_widget_class_bind_template_child (widget_class, HuExportDialog, charts_switch);
  gtk_widget_class_bind_template_child (widget_class, HuExportDialog, inputs_switch);
  gtk_widget_class_bind_template_child (widget_class, HuExportDialog, derivations_switch);
  gtk_widget_class_bind_template_child (widget_class, HuExportDialog, equivalences_switch);
  gtk_widget_class_bind_template_child (widget_class, HuExportDialog, runs_switch);
  gtk_widget_class_bind_template_child (widget_class, HuExportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, HuExportDialog, preview_group);
  gtk_widget_class_bind_template_child (widget_class, HuExportDialog, preview_area);
}

static void
hu_export_dialog_init (HuExportDialog *self)
{
  GtkSwitch *switches[5];

  gtk_widget_init_template (GTK_WIDGET (self));
  hu_widgets_wrap_dialog_title (GTK_WINDOW (self));

  gtk_drawing_area_set_draw_func (self->preview_area, draw_preview, self, NULL);
  g_signal_connect_object (self->format_row, "notify::selected", G_CALLBACK (schedule_preview),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->paper_row, "notify::selected", G_CALLBACK (schedule_preview),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->author_row, "changed", G_CALLBACK (schedule_preview),
                           self, G_CONNECT_SWAPPED);
  switches[0] = self->charts_switch;
  switches[1] = self->inputs_switch;
  switches[2] = self->derivations_switch;
  switches[3] = self->equivalences_switch;
  switches[4] = self->runs_switch;
  for (guint i = 0; i < G_N_ELEMENTS (switches); i++)
    g_signal_connect_object (switches[i], "notify::active", G_CALLBACK (schedule_preview),
                             self, G_CONNECT_SWAPPED);
}

/**
 * hu_export_dialog_new:
 * @comparison: the window's comparison: its rows, baseline and ranges
 * @equivalence_set: (nullable): the factor set to use
 *
 * Returns: (transfer floating): the dialog, to present
 */
GtkWidget *
hu_export_dialog_new (GtkWindow  *parent,
                      HuComparison *comparison,
                      const char *equivalence_set,
                      HuMetric    chart_metric)
{
  HuExportDialog *self;

  g_return_val_if_fail (HU_IS_COMPARISON (comparison), NULL);

  self = g_object_new (HU_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  /* Never bigger than the window it is opened from: on a phone-width
   * window the wide default would put Export and the Format value off
   * the screen. The content fits 360 px (the preview scales). */
  hu_widgets_fit_to_parent (GTK_WINDOW (self), parent);
  self->comparison = g_object_ref (comparison);
  self->equivalence_set = g_strdup (equivalence_set);
  self->chart_metric = chart_metric;
  /* The report is a snapshot: the dialog is modal, so the project does
   * not change while the preview is shown. */
  update_preview (self);
  return GTK_WIDGET (self);
}
