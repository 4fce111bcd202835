/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Huella-Chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "hu-catalog-models.h"
#include "hu-chart-private.h"
#include "hu-number.h"

/* The context chart of issue 13: every published training run of the
 * catalog (Epoch AI's Notable AI Models and the user's own) as a dot of
 * its domain's colour, compute against publication date on a log scale,
 * and the project's scenarios as labelled diamonds among them. The app's
 * Context page and the reports draw the same chart. */

/* The groups, in palette order. Image generation and video count as
 * vision, medicine as biology, so that seven colours tell them apart. */
typedef enum {
  GROUP_LANGUAGE,
  GROUP_VISION,
  GROUP_GAMES,
  GROUP_MULTIMODAL,
  GROUP_BIOLOGY,
  GROUP_SPEECH,
  GROUP_OTHER,
  N_GROUPS
} Group;

static const char *group_names[N_GROUPS] = {
  /* Translators: domains of AI models in the context chart's legend */
  N_("Language"), N_("Vision"), N_("Games"), N_("Multimodal"), N_("Biology"),
  N_("Speech and audio"), N_("Other"),
};

static Group
single_group (const char *domain)
{
  static const struct { const char *domain; Group group; } map[] = {
    { "Language", GROUP_LANGUAGE },
    { "Vision", GROUP_VISION },
    { "Image generation", GROUP_VISION },
    { "Video", GROUP_VISION },
    { "Games", GROUP_GAMES },
    { "Multimodal", GROUP_MULTIMODAL },
    { "Biology", GROUP_BIOLOGY },
    { "Medicine", GROUP_BIOLOGY },
    { "Speech", GROUP_SPEECH },
    { "Audio", GROUP_SPEECH },
  };

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_ascii_strcasecmp (domain, map[i].domain) == 0)
      return map[i].group;
  return GROUP_OTHER;
}

/* "Vision, Language" names two groups: multimodal. "Other" domains
 * (search, robotics, …) beside a known one do not make a model
 * multimodal. */
static Group
model_group (const HuKnownModel *model)
{
  g_auto(GStrv) domains = NULL;
  Group group = GROUP_OTHER;

  if (model->domain == NULL)
    return GROUP_OTHER;
  domains = g_strsplit (model->domain, ",", -1);
  for (guint i = 0; domains[i] != NULL; i++)
    {
      Group g = single_group (g_strstrip (domains[i]));

      if (g == GROUP_OTHER || g == group)
        continue;
      if (g == GROUP_MULTIMODAL || group != GROUP_OTHER)
        return GROUP_MULTIMODAL;
      group = g;
    }
  return group;
}

/**
 * hu_known_model_domain_group:
 *
 * Returns: (transfer none): the translated name of the group @model is
 *   coloured by in the context chart
 */
const char *
hu_known_model_domain_group (const HuKnownModel *model)
{
  g_return_val_if_fail (model != NULL, NULL);
  return _(group_names[model_group (model)]);
}

static gboolean
placeable (const HuKnownModel *model)
{
  return isfinite (model->flops) && model->flops > 0 &&
         isfinite (hu_known_model_get_decimal_year (model));
}

typedef struct {
  HuKnownModel *model;
  double        distance;
} Near;

static int
compare_near (gconstpointer a,
              gconstpointer b)
{
  const Near *na = a, *nb = b;

  if (na->distance != nb->distance)
    return na->distance < nb->distance ? -1 : 1;
  return strcmp (na->model->name, nb->model->name);
}

/**
 * hu_known_models_nearest:
 * @models: (element-type HuKnownModel): the models to choose from
 * @flops: a training compute
 * @n: how many
 *
 * Nearness is the distance of log10 compute, |log10 (@flops ÷ model's)|:
 * 2 × and ½ × are as near. Ties go by name, so the list is stable.
 *
 * Returns: (transfer container) (element-type HuKnownModel): at most @n
 *   models with a date and compute, nearest first
 */
GPtrArray *
hu_known_models_nearest (GPtrArray *models,
                         double     flops,
                         guint      n)
{
  g_autoptr(GArray) near = g_array_new (FALSE, FALSE, sizeof (Near));
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) hu_known_model_unref);

  g_return_val_if_fail (models != NULL, out);

  if (!isfinite (flops) || flops <= 0)
    return out;
  for (guint i = 0; i < models->len; i++)
    {
      HuKnownModel *m = models->pdata[i];
      Near entry = { m, 0 };

      if (!placeable (m))
        continue;
      entry.distance = fabs (log10 (flops) - log10 (m->flops));
      g_array_append_val (near, entry);
    }
  g_array_sort (near, compare_near);
  for (guint i = 0; i < MIN (n, near->len); i++)
    g_ptr_array_add (out, hu_known_model_ref (g_array_index (near, Near, i).model));
  return out;
}

static char *
short_organization (const HuKnownModel *model)
{
  char *org = hu_known_model_get_short_organization (model, 60);

  return org != NULL ? org : g_strdup (_("unknown organisation"));
}

static char *
model_label (const HuKnownModel *m)
{
  g_autofree char *org = short_organization (m);
  g_autofree char *flops = hu_format_scientific (m->flops);

  /* Translators: a known model's tooltip: name, organisation · date, compute */
  return g_strdup_printf (_("%s\n%s · %s\n%s FLOP"), m->name, org, m->date, flops);
}

static void
describe_scenario (GString                 *text,
                   GPtrArray               *models,
                   const HuContextScenario *scenario)
{
  g_autoptr(GPtrArray) near = NULL;
  g_autofree char *flops = NULL;

  if (!isfinite (scenario->flops) || scenario->flops <= 0)
    {
      /* Translators: %s is a scenario's name */
      g_string_append_printf (text, _("“%s” is planned in accelerator-hours: it has no training "
                                      "compute to place among known models."), scenario->name);
      g_string_append_c (text, '\n');
      return;
    }

  near = hu_known_models_nearest (models, scenario->flops, 3);
  flops = hu_format_scientific (scenario->flops);
  if (near->len == 0)
    return;
  /* Translators: a scenario's name and its compute, then a list of models */
  g_string_append_printf (text, _("Known models nearest “%s” (%s FLOP):"), scenario->name, flops);
  for (guint i = 0; i < near->len; i++)
    {
      HuKnownModel *m = near->pdata[i];
      g_autofree char *org = short_organization (m);
      g_autofree char *ratio = hu_format_number (scenario->flops / m->flops, 2);

      /* Translators: a known model, its organisation and date, and how
       * many times its compute the scenario's is, "GPT-3 (OpenAI,
       * 2020-05-28, 2.7 ×)" */
      g_string_append_printf (text, _(" %s (%s, %s, %s ×)%s"), m->name, org, m->date, ratio,
                              i + 1 < near->len ? ";" : ".");
    }
  g_string_append_c (text, '\n');
}

/**
 * hu_chart_new_context:
 * @models: (element-type HuKnownModel): the known models
 * @scenarios: (array length=n_scenarios): the project's scenarios
 * @now_year: where scenarios without a date go, as a decimal year
 *
 * Every model with compute and a date is a dot in its domain group's
 * series; the scenarios with compute are a marked series. The accessible
 * text lists the three models nearest each scenario.
 *
 * Returns: (transfer full): the chart
 */
HuChart *
hu_chart_new_context (GPtrArray               *models,
                      const HuContextScenario *scenarios,
                      guint                    n_scenarios,
                      double                   now_year)
{
  return hu_chart_new_context_since (models, scenarios, n_scenarios, now_year, NAN);
}

/**
 * hu_chart_new_context_since:
 * @from_year: the first year of models drawn, or NAN for all
 *
 * hu_chart_new_context() with only the models published from
 * @from_year on: most of the data are recent, and 1950–2010 would
 * otherwise take half the chart. The nearest models are still sought
 * among all of @models.
 *
 * Returns: (transfer full): the chart
 */
HuChart *
hu_chart_new_context_since (GPtrArray               *models,
                            const HuContextScenario *scenarios,
                            guint                    n_scenarios,
                            double                   now_year,
                            double                   from_year)
{
  g_autoptr(HuChart) chart = hu_chart_new (HU_CHART_SCATTER);
  g_autoptr(GString) description = g_string_new (NULL);
  guint mine;

  g_return_val_if_fail (models != NULL, NULL);
  g_return_val_if_fail (n_scenarios == 0 || scenarios != NULL, NULL);

  hu_chart_set_title (chart, _("Training compute of known models"));
  if (isfinite (from_year))
    {
      /* Translators: the context chart's subtitle; %d is a year */
      g_autofree char *subtitle = g_strdup_printf (_("Data: Epoch AI, Notable AI Models "
                                                     "(CC BY 4.0); models since %d"),
                                                   (int) from_year);

      hu_chart_set_subtitle (chart, subtitle);
    }
  else
    hu_chart_set_subtitle (chart, _("Data: Epoch AI, Notable AI Models (CC BY 4.0)"));
  hu_chart_set_y_label (chart, _("Training compute (FLOP, log scale)"));
  hu_chart_set_x_label (chart, _("Publication date"));
  hu_chart_set_y_log (chart, TRUE);
  hu_chart_set_x_dates (chart, TRUE);

  for (guint g = 0; g < N_GROUPS; g++)
    hu_chart_add_series (chart, _(group_names[g]));
  /* Translators: the legend entry of the project's own scenarios */
  mine = hu_chart_add_series (chart, _("This project"));
  hu_chart_set_series_marked (chart, mine, TRUE);

  for (guint i = 0; i < models->len; i++)
    {
      HuKnownModel *m = models->pdata[i];
      g_autofree char *label = NULL;

      if (!placeable (m) || hu_known_model_get_decimal_year (m) < from_year)
        continue;
      label = model_label (m);
      hu_chart_add_labelled_point (chart, model_group (m), hu_known_model_get_decimal_year (m),
                                   m->flops, label);
    }

  for (guint i = 0; i < n_scenarios; i++)
    {
      const HuContextScenario *s = &scenarios[i];
      g_autofree char *flops = NULL;
      g_autofree char *label = NULL;

      describe_scenario (description, models, s);
      if (!isfinite (s->flops) || s->flops <= 0)
        continue;
      flops = hu_format_scientific (s->flops);
      /* Translators: a scenario's tooltip in the context chart: its name and compute */
      label = g_strdup_printf (_("%s\n%s FLOP (this project)"), s->name, flops);
      hu_chart_add_labelled_point (chart, mine, isfinite (s->year) ? s->year : now_year,
                                   s->flops, label);
    }

  if (description->len > 0)
    {
      g_string_truncate (description, description->len - 1);
      hu_chart_set_description (chart, description->str);
    }

  return g_steal_pointer (&chart);
}

/**
 * hu_scenario_get_context_year:
 *
 * Returns: the publication date, as a decimal year, of the known model
 *   @scenario was made from, or NAN
 */
double
hu_scenario_get_context_year (HuScenario *scenario,
                              HuCatalog  *catalog)
{
  const HuInputs *inputs;
  HuKnownModel *model;

  g_return_val_if_fail (HU_IS_SCENARIO (scenario), NAN);
  g_return_val_if_fail (HU_IS_CATALOG (catalog), NAN);

  inputs = hu_scenario_get_inputs (scenario);
  if (inputs->origin == NULL || inputs->origin->model == NULL)
    return NAN;
  model = hu_catalog_lookup_model (catalog, inputs->origin->model);
  return model != NULL ? hu_known_model_get_decimal_year (model) : NAN;
}

/**
 * hu_decimal_year_now:
 *
 * Returns: today as a decimal year, where planned runs go on a date axis
 */
double
hu_decimal_year_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year = g_date_time_get_year (now);
  double days = g_date_is_leap_year (year) ? 366 : 365;

  return year + (g_date_time_get_day_of_year (now) - 1) / days;
}

/**
 * hu_chart_new_context_for_comparison:
 *
 * The context chart of a live comparison: its scenarios' estimated
 * compute (NAN when a scenario cannot be estimated or is planned in
 * hours) among its project catalog's models.
 *
 * Returns: (transfer full): the chart
 */
HuChart *
hu_chart_new_context_for_comparison (HuComparison *comparison,
                                     double        now_year)
{
  HuProject *project;
  HuCatalog *catalog;
  g_autoptr(GPtrArray) models = NULL;
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (HuContextScenario));
  guint n;

  g_return_val_if_fail (HU_IS_COMPARISON (comparison), NULL);

  project = hu_comparison_get_project (comparison);
  catalog = hu_project_get_catalog (project);
  models = hu_catalog_list_models (catalog);
  n = hu_comparison_get_n_scenarios (comparison);
  for (guint i = 0; i < n; i++)
    {
      HuComparisonRow *row = hu_comparison_get_row (comparison, i);
      const HuEstimate *estimate = hu_comparison_row_get_estimate (row);
      HuContextScenario s = { 0 };

      s.name = hu_comparison_row_get_name (row);
      s.flops = estimate != NULL ? estimate->flops : NAN;
      s.year = hu_scenario_get_context_year (hu_comparison_row_get_scenario (row), catalog);
      g_array_append_val (rows, s);
    }

  return hu_chart_new_context (models, (HuContextScenario *) rows->data, rows->len, now_year);
}
