/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "HuUncertaintyView"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hu-chart-view.h"
#include "hu-uncertainty-view.h"
#include "hu-widgets.h"

/* Explain's "What matters most" (issue 12): the likely range of the
 * scenario's total, the chance that it emits less than the baseline
 * (both drawn with the same random numbers for what they share, so the
 * difference is not drowned by it), and the tornado of its ranged inputs
 * with each range and its source. Hidden when nothing is ranged. */
struct _HuUncertaintyView
{
  AdwBin        parent_instance;

  HuResult     *result;
  GPtrArray    *range_texts;     /* char *, one per sensitivity row */

  GtkLabel     *heading_label;
  GtkLabel     *interval_label;
  GtkLabel     *probability_label;
  HuChartView  *chart_view;
  GtkListBox   *inputs_list;
};

G_DEFINE_FINAL_TYPE (HuUncertaintyView, hu_uncertainty_view, ADW_TYPE_BIN)

static GtkWidget *
input_row (const HuSensitivity *s,
           const char          *range)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *low = hu_format_mass_kg (s->low_kg);
  g_autofree char *high = hu_format_mass_kg (s->high_kg);
  g_autofree char *cited = hu_citation_localize (s->source);
  /* Translators: an input's range, then where it comes from, then the
   * total CO₂eq with the input at the low end of its range and at its
   * high end */
  g_autofree char *subtitle = g_strdup_printf (_("%s · %s\n%s at the low end, %s at the high end"),
                                               range,
                                               cited != NULL ? cited
                                                             : _("set in this scenario"),
                                               low, high);

  /* Plain text: a source may hold an "&", a figure a "<". */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), hu_uncertainty_input_title (s->key));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

/* The chance of emitting less, as people say it: "about 87 %", never a
 * bare 100 % that 10,000 samples cannot promise. */
static char *
probability_text (double p,
                  guint  samples)
{
  g_autofree char *percent = NULL;

  if (p >= 1.0)
    {
      g_autofree char *n = hu_format_fixed (samples, 0);
      /* Translators: %s is a number of Monte Carlo samples */
      return g_strdup_printf (_("in every one of %s samples"), n);
    }
  if (p <= 0.0)
    {
      g_autofree char *n = hu_format_fixed (samples, 0);
      /* Translators: %s is a number of Monte Carlo samples */
      return g_strdup_printf (_("in none of %s samples"), n);
    }
  percent = hu_format_percent (p);
  /* Translators: a probability, "87 %" */
  return g_strdup_printf (_("with a probability of %s"), percent);
}

static void
update (HuUncertaintyView *self)
{
  const HuEstimate *estimate = self->result != NULL ? hu_result_get_estimate (self->result) : NULL;
  const HuUncertainty *u = self->result != NULL ? hu_result_get_uncertainty (self->result) : NULL;
  HuComparisonRow *baseline =
    self->result != NULL ? hu_comparison_get_baseline (hu_result_get_comparison (self->result))
                         : NULL;
  gboolean serving = estimate != NULL && hu_estimate_has_serving (estimate);
  double point = estimate == NULL ? NAN : serving ? estimate->lifecycle_kg : estimate->total_kg;
  const HuInterval *interval = NULL;
  g_autoptr(HuChart) chart = NULL;
  gboolean comparable;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->inputs_list))) != NULL)
    gtk_list_box_remove (self->inputs_list, child);
  g_ptr_array_set_size (self->range_texts, 0);

  /* A scenario without ranges of its own still has a chance against a
   * ranged baseline. */
  comparable = estimate != NULL && u != NULL && baseline != NULL &&
               baseline != hu_result_get_row (self->result) &&
               isfinite (u->p_lower_than_baseline);
  if (estimate == NULL || (!hu_uncertainty_applies (u) && !comparable))
    {
      hu_chart_view_set_chart (self->chart_view, NULL);
      gtk_label_set_label (self->probability_label, NULL);
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  gtk_label_set_label (self->heading_label,
                       hu_uncertainty_applies (u)
                       /* Translators: heading of the inputs that change the estimate most */
                       ? _("What Matters Most")
                       /* Translators: heading of the chance of emitting less than the baseline */
                       : _("Against the Baseline"));

  interval = hu_uncertainty_get_interval (u, serving ? "lifecycle_kg" : "total_kg");
  if (interval != NULL)
    {
      g_autofree char *value = hu_format_mass_kg (point);
      g_autofree char *range = hu_format_range_only (interval->p05, interval->p95,
                                                     hu_format_mass_kg);
      g_autofree char *samples = hu_format_fixed (u->samples, 0);
      g_autofree char *text =
        serving
        /* Translators: the lifecycle CO₂eq, its likely range, the number of samples */
        ? g_strdup_printf (_("Lifecycle CO₂eq %s, likely %s (5th to 95th percentile of %s samples)."),
                           value, range, samples)
        /* Translators: the total CO₂eq, its likely range, the number of samples */
        : g_strdup_printf (_("Total CO₂eq %s, likely %s (5th to 95th percentile of %s samples)."),
                           value, range, samples);

      gtk_label_set_label (self->interval_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->interval_label), interval != NULL);

  if (comparable)
    {
      guint samples = u->samples > 0 ? u->samples : HU_UNCERTAINTY_DEFAULT_SAMPLES;
      g_autofree char *chance = probability_text (u->p_lower_than_baseline, samples);
      /* Translators: %s is the baseline's name, then "with a probability
       * of 87 %" or "in every one of 10,000 samples" */
      g_autofree char *text = g_strdup_printf (_("Emits less than the baseline “%s” %s. "
                                                 "What both share is drawn alike in both, so "
                                                 "only their differences count."),
                                               hu_comparison_row_get_name (baseline), chance);

      gtk_label_set_label (self->probability_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->probability_label), TRUE);
    }
  else
    {
      gtk_label_set_label (self->probability_label, NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->probability_label), FALSE);
    }

  chart = hu_chart_new_tornado (u, point);
  /* The section's heading already says it. */
  if (chart != NULL)
    hu_chart_set_title (chart, NULL);
  hu_chart_view_set_chart (self->chart_view, chart);
  gtk_widget_set_visible (GTK_WIDGET (self->chart_view), chart != NULL);

  for (guint i = 0; hu_uncertainty_applies (u) && i < u->sensitivity->len; i++)
    {
      const HuSensitivity *s = &g_array_index (u->sensitivity, HuSensitivity, i);
      char *range = hu_input_format_range (s->key, &s->range);

      g_ptr_array_add (self->range_texts, range);
      gtk_list_box_append (self->inputs_list, input_row (s, range));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->inputs_list), self->range_texts->len > 0);
}

static void
hu_uncertainty_view_dispose (GObject *object)
{
  HuUncertaintyView *self = HU_UNCERTAINTY_VIEW (object);

  if (self->result != NULL)
    g_signal_handlers_disconnect_by_data (self->result, self);
  g_clear_object (&self->result);
  gtk_widget_dispose_template (GTK_WIDGET (self), HU_TYPE_UNCERTAINTY_VIEW);

  G_OBJECT_CLASS (hu_uncertainty_view_parent_class)->dispose (object);
}

static void
hu_uncertainty_view_finalize (GObject *object)
{
  HuUncertaintyView *self = HU_UNCERTAINTY_VIEW (object);

  g_ptr_array_unref (self->range_texts);

  G_OBJECT_CLASS (hu_uncertainty_view_parent_class)->finalize (object);
}

static void
hu_uncertainty_view_class_init (HuUncertaintyViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hu_uncertainty_view_dispose;
  object_class->finalize = hu_uncertainty_view_finalize;

  g_type_ensure (HU_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/hu-uncertainty-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HuUncertaintyView, heading_label);
  gtk_widget_class_bind_template_child (widget_class, HuUncertaintyView, interval_label);
  gtk_widget_class_bind_template_child (widget_class, HuUncertaintyView, probability_label);
  gtk_widget_class_bind_template_child (widget_class, HuUncertaintyView, chart_view);
  gtk_widget_class_bind_template_child (widget_class, HuUncertaintyView, inputs_list);
}

static void
hu_uncertainty_view_init (HuUncertaintyView *self)
{
  self->range_texts = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  update (self);
}

GtkWidget *
hu_uncertainty_view_new (void)
{
  return g_object_new (HU_TYPE_UNCERTAINTY_VIEW, NULL);
}

void
hu_uncertainty_view_set_result (HuUncertaintyView *self,
                                HuResult          *result)
{
  g_return_if_fail (HU_IS_UNCERTAINTY_VIEW (self));
  g_return_if_fail (result == NULL || HU_IS_RESULT (result));

  if (!hu_widgets_follow_result (&self->result, result, G_CALLBACK (update), self))
    return;
  update (self);
}

/**
 * hu_uncertainty_view_get_chart:
 *
 * Returns: (transfer none) (nullable): the tornado shown
 */
HuChart *
hu_uncertainty_view_get_chart (HuUncertaintyView *self)
{
  g_return_val_if_fail (HU_IS_UNCERTAINTY_VIEW (self), NULL);
  return hu_chart_view_get_chart (self->chart_view);
}

/**
 * hu_uncertainty_view_get_probability:
 *
 * Returns: (nullable): the sentence about the baseline, if shown
 */
const char *
hu_uncertainty_view_get_probability (HuUncertaintyView *self)
{
  g_return_val_if_fail (HU_IS_UNCERTAINTY_VIEW (self), NULL);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->probability_label)))
    return NULL;
  return gtk_label_get_label (self->probability_label);
}

guint
hu_uncertainty_view_get_n_inputs (HuUncertaintyView *self)
{
  g_return_val_if_fail (HU_IS_UNCERTAINTY_VIEW (self), 0);
  return self->range_texts->len;
}

/**
 * hu_uncertainty_view_get_range_text:
 *
 * Returns: the range of the @index-th input as the list shows it
 */
const char *
hu_uncertainty_view_get_range_text (HuUncertaintyView *self,
                                    guint              index)
{
  g_return_val_if_fail (HU_IS_UNCERTAINTY_VIEW (self), NULL);
  g_return_val_if_fail (index < self->range_texts->len, NULL);
  return g_ptr_array_index (self->range_texts, index);
}
