/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "HuDerivationView"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "hu-chart-view.h"
#include "hu-derivation-view.h"
#include "hu-uncertainty-view.h"
#include "hu-widgets.h"

/* The teaching view: every step of the estimate with its formula, the
 * numbers put in, the result and where the defaults came from. All text
 * is selectable, and the whole can be copied as plain text. */
struct _HuDerivationView
{
  AdwBin      parent_instance;

  HuResult   *result;
  guint       n_steps;

  GtkLabel   *subtitle_label;
  GtkWidget  *context_button;
  GtkListBox *steps_list;
  HuChartView *lifecycle_chart;    /* with a deployment phase */
  HuUncertaintyView *uncertainty_view;
  gboolean    compact;
};

G_DEFINE_FINAL_TYPE (HuDerivationView, hu_derivation_view, ADW_TYPE_BIN)

static GtkWidget *
step_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* A quantity stays whole ("670.9\u00a0thousand\u00a0GPU-h",
 * "3.14\u00a0×\u00a010²³"): a no-break space after each digit that a space
 * and a unit follow, none inside hu-units' symbols of more than one word
 * or at their hyphen (Pango breaks "GPU-|h"), and none around the "×" of
 * a power of ten. */
static char *
keep_numbers_whole (const char *text)
{
  /* The symbols of hu-units that hold a space or a hyphen, as the reader
   * sees them; the longer first, as they contain the shorter. */
  const char *symbols[] = { g_dgettext (GETTEXT_PACKAGE, "thousand GPU-h"),
                            g_dgettext (GETTEXT_PACKAGE, "million GPU-h"),
                            g_dgettext (GETTEXT_PACKAGE, "GPU-h") };
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == ' ' && p > text && g_ascii_isdigit (p[-1]) && p[1] != '\0' && p[1] != '(' &&
          p[1] != ' ')
        g_string_append (out, "\u00a0");
      else
        g_string_append_c (out, *p);
    }
  for (guint i = 0; i < G_N_ELEMENTS (symbols); i++)
    {
      g_autoptr(GString) whole = g_string_new (symbols[i]);

      g_string_replace (whole, " ", "\u00a0", 0);
      /* A word joiner after the hyphen: the same glyphs, no break. */
      g_string_replace (whole, "-", "-\u2060", 0);
      if (!g_str_equal (whole->str, symbols[i]))
        g_string_replace (out, symbols[i], whole->str, 0);
    }
  /* "3.14 × 10²³": the mantissa already holds on to the "×". */
  g_string_replace (out, "\u00a0× 10", "\u00a0×\u00a010", 0);
  return g_string_free (out, FALSE);
}

/* Wide, a step's result stands right of its title. Narrow (360 px),
 * beside "670,9 miles de GPU-h" the title had some 130 px and wrapped to
 * three lines of a word or two: the result goes under the title, which
 * reads in one line or two. */
static void
lay_out_header (GtkWidget *header,
                gboolean   compact)
{
  GtkWidget *result_label = gtk_widget_get_last_child (header);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (header),
                                  compact ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  gtk_box_set_spacing (GTK_BOX (header), compact ? 2 : 12);
  gtk_label_set_xalign (GTK_LABEL (result_label), compact ? 0 : 1);
  /* Under the title, in bold it would read as the title's next line. */
  if (compact)
    gtk_widget_remove_css_class (result_label, "heading");
  else
    gtk_widget_add_css_class (result_label, "heading");
}

static GtkWidget *
step_row (guint         number,
          const HuStep *step,
          gboolean      compact)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autofree char *title = g_strdup_printf ("%u. %s", number, step->title);
  GtkWidget *title_label = step_label (title, "heading");
  g_autofree char *result = keep_numbers_whole (step->result);
  GtkWidget *result_label = step_label (result, "numeric");

  /* Broken between words only: the title beside it gives way instead of
   * a number breaking mid-digit ("670.\n940 h") in a narrow window. */
  gtk_label_set_wrap_mode (GTK_LABEL (result_label), PANGO_WRAP_WORD);
  gtk_widget_set_hexpand (title_label, TRUE);
  gtk_box_append (GTK_BOX (header), title_label);
  gtk_box_append (GTK_BOX (header), result_label);
  lay_out_header (header, compact);

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), header);
  if (step->formula != NULL)
    gtk_box_append (GTK_BOX (box), step_label (step->formula, "dim-label"));
  if (step->calculation != NULL)
    {
      g_autofree char *calculation = keep_numbers_whole (step->calculation);

      gtk_box_append (GTK_BOX (box), step_label (calculation, "monospace"));
    }
  if (step->note != NULL)
    {
      GtkWidget *note = step_label (step->note, "caption");

      gtk_widget_add_css_class (note, "dim-label");
      gtk_box_append (GTK_BOX (box), note);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, step->result,
                                  -1);
  return row;
}

/* The whole life by day, when the scenario is served for a known number
 * of days (issue 11). */
static void
update_lifecycle (HuDerivationView *self,
                  const HuEstimate *estimate)
{
  g_autoptr(HuChart) chart = estimate != NULL ? hu_chart_new_lifecycle (estimate) : NULL;

  hu_chart_view_set_chart (self->lifecycle_chart, chart);
  gtk_widget_set_visible (GTK_WIDGET (self->lifecycle_chart), chart != NULL);
}

static void
update (HuDerivationView *self)
{
  const HuEstimate *estimate = self->result != NULL ? hu_result_get_estimate (self->result) : NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->steps_list))) != NULL)
    gtk_list_box_remove (self->steps_list, child);
  self->n_steps = 0;
  /* An empty boxed list still draws its frame, a stray line under the
   * subtitle of a measured run; shown again once it has steps. */
  gtk_widget_set_visible (GTK_WIDGET (self->steps_list), FALSE);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "derivation.copy", estimate != NULL);
  update_lifecycle (self, estimate);
  gtk_widget_set_visible (self->context_button, FALSE);

  if (self->result == NULL)
    {
      gtk_label_set_label (self->subtitle_label, _("Select a scenario to see its derivation."));
      return;
    }

  if (estimate == NULL)
    {
      const char *error = hu_result_get_error (self->result);

      if (hu_result_get_run (self->result) != NULL)
        gtk_label_set_label (self->subtitle_label,
                             _("A measured run is not computed: its numbers come from the tracker’s log."));
      else
        gtk_label_set_label (self->subtitle_label, error);
      return;
    }

  {
    /* Translators: %s is a scenario's name */
    g_autofree char *subtitle = g_strdup_printf (_("The estimate of “%s”, step by step, with the source of every default."),
                                                 hu_result_get_name (self->result));
    /* Known models put the compute in context (Epoch AI's data). */
    g_autofree char *context = isfinite (estimate->flops)
      ? hu_known_model_compare_compute (hu_catalog_get_default (), estimate->flops) : NULL;

    gtk_widget_set_visible (self->context_button, context != NULL);
    if (context != NULL)
      {
        g_autofree char *both = g_strdup_printf ("%s\n%s", subtitle, context);
        gtk_label_set_label (self->subtitle_label, both);
      }
    else
      gtk_label_set_label (self->subtitle_label, subtitle);
  }

  if (estimate->steps == NULL)
    return;

  for (guint i = 0; i < estimate->steps->len; i++)
    gtk_list_box_append (self->steps_list,
                         step_row (i + 1, g_ptr_array_index (estimate->steps, i), self->compact));
  self->n_steps = estimate->steps->len;
  gtk_widget_set_visible (GTK_WIDGET (self->steps_list), self->n_steps > 0);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HuDerivationView *self = HU_DERIVATION_VIEW (widget);
  const HuEstimate *estimate = self->result != NULL ? hu_result_get_estimate (self->result) : NULL;
  g_autofree char *text = NULL;

  if (estimate == NULL)
    return;

  text = hu_estimate_derivation_text (estimate);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);

  /* The clipboard is invisible: say that something happened, through the
   * window's action so that this view need not know the window. */
  gtk_widget_activate_action (widget, "win.toast", "s",
                              _("Derivation copied to the clipboard"));
}

static void
hu_derivation_view_dispose (GObject *object)
{
  HuDerivationView *self = HU_DERIVATION_VIEW (object);

  if (self->result != NULL)
    g_signal_handlers_disconnect_by_data (self->result, self);
  g_clear_object (&self->result);
  gtk_widget_dispose_template (GTK_WIDGET (self), HU_TYPE_DERIVATION_VIEW);

  G_OBJECT_CLASS (hu_derivation_view_parent_class)->dispose (object);
}

static void
hu_derivation_view_class_init (HuDerivationViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hu_derivation_view_dispose;

  g_type_ensure (HU_TYPE_CHART_VIEW);
  g_type_ensure (HU_TYPE_UNCERTAINTY_VIEW);

  gtk_widget_class_install_action (widget_class, "derivation.copy", NULL, copy_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/hu-derivation-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HuDerivationView, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, HuDerivationView, context_button);
  gtk_widget_class_bind_template_child (widget_class, HuDerivationView, steps_list);
  gtk_widget_class_bind_template_child (widget_class, HuDerivationView, lifecycle_chart);
  gtk_widget_class_bind_template_child (widget_class, HuDerivationView, uncertainty_view);
}

static void
hu_derivation_view_init (HuDerivationView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update (self);
}

GtkWidget *
hu_derivation_view_new (void)
{
  return g_object_new (HU_TYPE_DERIVATION_VIEW, NULL);
}

void
hu_derivation_view_set_result (HuDerivationView *self,
                               HuResult         *result)
{
  g_return_if_fail (HU_IS_DERIVATION_VIEW (self));
  g_return_if_fail (result == NULL || HU_IS_RESULT (result));

  if (!hu_widgets_follow_result (&self->result, result, G_CALLBACK (update), self))
    return;
  hu_uncertainty_view_set_result (self->uncertainty_view, result);
  update (self);
}

/**
 * hu_derivation_view_get_uncertainty_view:
 *
 * Returns: (transfer none): "What matters most" (for tests)
 */
/**
 * hu_derivation_view_get_lifecycle_chart:
 *
 * Returns: (transfer none) (nullable): the lifecycle chart shown (for tests)
 */
HuChart *
hu_derivation_view_get_lifecycle_chart (HuDerivationView *self)
{
  g_return_val_if_fail (HU_IS_DERIVATION_VIEW (self), NULL);
  return hu_chart_view_get_chart (self->lifecycle_chart);
}

HuUncertaintyView *
hu_derivation_view_get_uncertainty_view (HuDerivationView *self)
{
  g_return_val_if_fail (HU_IS_DERIVATION_VIEW (self), NULL);
  return self->uncertainty_view;
}

guint
hu_derivation_view_get_n_steps (HuDerivationView *self)
{
  g_return_val_if_fail (HU_IS_DERIVATION_VIEW (self), 0);
  return self->n_steps;
}

/**
 * hu_derivation_view_set_compact:
 * @compact: whether the window is narrow (its sidebar folded away)
 *
 * Narrow, each step's result goes under its title instead of beside it.
 */
void
hu_derivation_view_set_compact (HuDerivationView *self,
                                gboolean          compact)
{
  g_return_if_fail (HU_IS_DERIVATION_VIEW (self));

  compact = !!compact;
  if (self->compact == compact)
    return;
  self->compact = compact;
  /* Each row: its box, whose first child is the header. */
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->steps_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row))
      {
        GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));

        lay_out_header (gtk_widget_get_first_child (box), compact);
      }
}
