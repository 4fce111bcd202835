/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "huella-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>

#include "hu-cli.h"
#include "hu-cli-uncertainty.h"

/* Output columns shared by estimate and compare, machine names of §5. */
static const char *output_keys[] = {
  "flops", "gpu_hours_run", "gpu_hours", "wall_hours", "energy_it_kwh", "energy_kwh",
  "emissions_kg", "embodied_kg", "total_kg", "cost", "currency", "gpu", "precision", "peak_tflops",
  "utilization", "power_w", "count", "retrain", "pue", "intensity", "region",
  "inference_requests", "inference_energy_kwh", "inference_emissions_kg", "per_request_wh",
  "per_request_g", "lifecycle_kg", "breakeven_requests", "breakeven_days", "inference_model",
  "inference_gpu_hours", "inference_embodied_kg", "serve_gpu", "serve_power", "serve_pue",
  "serve_intensity", "serve_region",
};

/* With @intervals, the `<key>_p05`, `<key>_p95` columns follow. */
static void
csv_estimate_header (GString  *out,
                     gboolean  intervals)
{
  for (guint i = 0; i < G_N_ELEMENTS (output_keys); i++)
    {
      g_string_append (out, output_keys[i]);
      if (i + 1 < G_N_ELEMENTS (output_keys))
        g_string_append_c (out, ',');
    }
  if (intervals)
    hu_cli_csv_interval_header (out);
  g_string_append_c (out, '\n');
}

/* The CSV row is written from the JSON object so the two machine formats
 * cannot disagree. The currency of price and cost sits beside them,
 * empty without a price: a CSV row is read alone. */
static void
csv_estimate_row (GString             *out,
                  const HuEstimate    *estimate,
                  const char          *currency,
                  gboolean             intervals,
                  const HuUncertainty *u)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  json_builder_begin_object (builder);
  hu_estimate_to_json (estimate, builder);
  if (isfinite (estimate->price))
    hu_json_add_string (builder, "currency", currency);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  object = json_node_get_object (root);

  for (guint i = 0; i < G_N_ELEMENTS (output_keys); i++)
    {
      JsonNode *node = json_object_get_member (object, output_keys[i]);

      if (node && JSON_NODE_HOLDS_VALUE (node))
        {
          if (json_node_get_value_type (node) == G_TYPE_STRING)
            hu_cli_csv_field (out, json_node_get_string (node));
          else
            hu_cli_csv_number (out, json_node_get_double (node));
        }
      if (i + 1 < G_N_ELEMENTS (output_keys))
        g_string_append_c (out, ',');
    }
  if (intervals)
    hu_cli_csv_interval_row (out, u);
  g_string_append_c (out, '\n');
}

/* The interval of @output when a range applies, else NULL. */
static const HuInterval *
interval (const HuUncertainty *u,
          const char          *output)
{
  return hu_uncertainty_applies (u) ? hu_uncertainty_get_interval (u, output) : NULL;
}

static char *
scaled (const HuUnitScale *scale,
        double             value)
{
  return hu_unit_scale_format (scale, value, HU_UNITS_DEFAULT);
}

/* "50.53 t (41.2–60.9 t)": the point and its likely range in one unit. */
static char *
scaled_interval (const HuUnitScale *scale,
                 double             value,
                 const HuInterval  *range)
{
  g_autofree char *point = scaled (scale, value);
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;

  if (range == NULL || !isfinite (range->p05) || !isfinite (range->p95) ||
      range->p05 == range->p95)
    return g_steal_pointer (&point);
  low = hu_unit_scale_format_number (scale, range->p05, HU_UNITS_DEFAULT);
  high = scaled (scale, range->p95);
  /* TRANSLATORS: a value and its likely range, "9.2 t (5.1–14.8 t)" */
  return g_strdup_printf (_("%s (%s–%s)"), point, low, high);
}

static void
text_estimate (GString             *out,
               const HuEstimate    *e,
               const HuUncertainty *u,
               const char          *currency)
{
  g_autoptr(HuCliTable) table = hu_cli_table_new (2, _("Output"), _("Value"), NULL);
  /* Every quantity of the column by one rule, as the comparison table
   * and the report write them: its kind's significant digits with their
   * zeros ("21.0 years" beside "81.10 MWh", never "21 years"), its
   * likely range in the same unit. */
  const HuInterval *r_gpu = interval (u, "gpu_hours");
  const HuInterval *r_wall = interval (u, "wall_hours");
  double gpu_values[] = { e->gpu_hours, r_gpu ? r_gpu->p05 : NAN, r_gpu ? r_gpu->p95 : NAN };
  double wall_values[] = { e->wall_hours, r_wall ? r_wall->p05 : NAN, r_wall ? r_wall->p95 : NAN };
  HuUnitScale gpu_scale;
  HuUnitScale wall_scale;
  g_autofree char *gpu_hours = NULL;
  g_autofree char *wall = NULL;
  /* The value column shows every energy in one unit and every mass in
   * one unit (hu-units), intervals and serving included. */
  const HuInterval *r_energy = interval (u, "energy_kwh");
  const HuInterval *r_it = interval (u, "energy_it_kwh");
  const HuInterval *r_op = interval (u, "emissions_kg");
  const HuInterval *r_emb = interval (u, "embodied_kg");
  const HuInterval *r_tot = interval (u, "total_kg");
  gboolean serving = hu_estimate_has_serving (e);
  double energies[] = {
    e->energy_kwh, e->energy_it_kwh, serving ? e->inference_energy_kwh : NAN,
    r_energy ? r_energy->p95 : NAN, r_it ? r_it->p95 : NAN,
  };
  double masses[] = {
    e->emissions_kg, e->embodied_kg, e->total_kg,
    serving ? e->inference_emissions_kg : NAN, serving ? e->inference_embodied_kg : NAN,
    serving ? e->lifecycle_kg : NAN,
    r_op ? r_op->p05 : NAN, r_op ? r_op->p95 : NAN, r_emb ? r_emb->p05 : NAN,
    r_emb ? r_emb->p95 : NAN, r_tot ? r_tot->p05 : NAN, r_tot ? r_tot->p95 : NAN,
  };
  HuUnitScale energy_scale;
  HuUnitScale mass_scale;
  g_autofree char *energy = NULL;
  g_autofree char *it = NULL;
  g_autofree char *op = NULL;
  g_autofree char *emb = NULL;
  g_autofree char *tot = NULL;

  hu_unit_scale_init (&energy_scale, HU_UNIT_ENERGY_KWH, energies, G_N_ELEMENTS (energies), NULL, 0);
  hu_unit_scale_init (&mass_scale, HU_UNIT_MASS_KG, masses, G_N_ELEMENTS (masses), NULL, 0);
  hu_unit_scale_init (&gpu_scale, HU_UNIT_GPU_HOURS, gpu_values, G_N_ELEMENTS (gpu_values), NULL, 0);
  hu_unit_scale_init (&wall_scale, HU_UNIT_HOURS, wall_values, G_N_ELEMENTS (wall_values), NULL, 0);
  gpu_hours = scaled_interval (&gpu_scale, e->gpu_hours, r_gpu);
  wall = scaled_interval (&wall_scale, e->wall_hours, r_wall);
  energy = scaled_interval (&energy_scale, e->energy_kwh, r_energy);
  it = scaled_interval (&energy_scale, e->energy_it_kwh, r_it);
  op = scaled_interval (&mass_scale, e->emissions_kg, r_op);
  emb = scaled_interval (&mass_scale, e->embodied_kg, r_emb);
  tot = scaled_interval (&mass_scale, e->total_kg, r_tot);
  /* Money in the unit hu-units gives it, as the derivation's step and
   * `compare` write it ("460.8 k USD"), never "460,800". */
  g_autofree char *cost = !isfinite (e->cost) ? g_strdup ("—")
                          : hu_unit_format_full (HU_UNIT_CURRENCY, e->cost, currency, 0,
                                                 HU_UNITS_DEFAULT);
  g_autofree char *derivation = hu_estimate_derivation_text (e);

  hu_cli_table_add_row (table, _("GPU-hours (all runs)"), gpu_hours, NULL);
  hu_cli_table_add_row (table, _("Wall-clock time (one run)"), wall, NULL);
  hu_cli_table_add_row (table, _("IT energy"), it, NULL);
  hu_cli_table_add_row (table, _("Energy incl. PUE"), energy, NULL);
  hu_cli_table_add_row (table, _("Operational CO₂eq"), op, NULL);
  hu_cli_table_add_row (table, _("Embodied CO₂eq"), emb, NULL);
  hu_cli_table_add_row (table, _("Total CO₂eq"), tot, NULL);
  hu_cli_table_add_row (table, _("Cost"), cost, NULL);
  if (serving)
    {
      g_autofree char *requests = hu_format_amount (e->requests);
      g_autofree char *s_energy = scaled (&energy_scale, e->inference_energy_kwh);
      g_autofree char *s_op = scaled (&mass_scale, e->inference_emissions_kg);
      g_autofree char *s_emb = scaled (&mass_scale, e->inference_embodied_kg);
      /* Per request as the derivation's steps write it, each in the
       * unit that suits it ("3.961 Wh", "1.715 g"), never a fixed "Wh"
       * that reads "1.2 × 10⁻⁴ Wh". */
      g_autofree char *wh = hu_unit_format_full (HU_UNIT_ENERGY_KWH, e->per_request_wh / 1000,
                                                 NULL, 0, HU_UNITS_TRIM);
      g_autofree char *g = hu_unit_format_full (HU_UNIT_MASS_KG, e->per_request_g / 1000,
                                                NULL, 0, HU_UNITS_TRIM);
      g_autofree char *life = scaled (&mass_scale, e->lifecycle_kg);
      /* As the derivation writes them: "1.48 × 10⁹", "day 148". */
      g_autofree char *be = hu_format_amount (e->breakeven_requests);
      g_autofree char *be_day = hu_format_breakeven_day (e->breakeven_days);

      hu_cli_table_add_row (table, _("Requests served"), requests, NULL);
      hu_cli_table_add_row (table, _("Serving energy incl. PUE"), s_energy, NULL);
      hu_cli_table_add_row (table, _("Serving CO₂eq"), s_op, NULL);
      hu_cli_table_add_row (table, _("Serving embodied CO₂eq"), s_emb, NULL);
      hu_cli_table_add_row (table, _("Energy per request"), wh, NULL);
      hu_cli_table_add_row (table, _("CO₂eq per request"), g, NULL);
      hu_cli_table_add_row (table, _("Lifecycle CO₂eq"), life, NULL);
      hu_cli_table_add_row (table, _("Break-even (requests)"), be, NULL);
      hu_cli_table_add_row (table, _("Break-even (day)"), be_day, NULL);
    }
  hu_cli_table_set_right (table, 1);
  hu_cli_table_print (table, out);
  hu_cli_print_sensitivity (out, u);

  g_string_append_printf (out, "\n%s\n%s", _("How is this computed?"), derivation);
}

/* What `estimate`'s flags hold: the text of each number input (parsed
 * later, so that a range or a bad value is reported by the flag's name),
 * and the flags that are not numbers. */
typedef struct {
  char *numbers[HU_N_NUMERIC_INPUTS];
  char *gpu, *precision, *model, *region, *format, *serve_gpu, *serve_region, *currency;
} EstimateArgs;

static void
estimate_args_clear (EstimateArgs *a)
{
  char **fields = (char **) a;
  for (guint i = 0; i < sizeof *a / sizeof (char *); i++)
    g_free (fields[i]);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (EstimateArgs, estimate_args_clear)

/* A flag that is no number input. */
#define NOT_A_NUMBER HU_N_NUMERIC_INPUTS
#define TEXT(member) NOT_A_NUMBER, G_STRUCT_OFFSET (EstimateArgs, member)
#define NUMBER(key) key, 0

/* `estimate`'s option groups, in --help's order; the first is the main
 * group. */
static const struct {
  const char *name;
  const char *title;
  const char *help;
} estimate_groups[] = {
  { "workload", N_("Workload (exactly one):"), N_("Show workload options") },
  { "hardware", N_("Hardware:"), N_("Show hardware options") },
  { "location", N_("Location and output:"), N_("Show location options") },
  { "deployment", N_("Deployment (optional; one of --wh-per-request, --tokens-per-request or a fleet):"),
    N_("Show deployment options") },
};

/* Every flag of `estimate` once, in --help's order within its group. A
 * number input's flag sets that input; the numbers are read in this
 * order, so the first bad one is the one reported. */
static const struct {
  guint       group;          /* index in estimate_groups */
  const char *name;
  HuInputKey  key;            /* NOT_A_NUMBER for the others */
  glong       offset;         /* of the others' text in EstimateArgs */
  const char *description;
  const char *arg;
} estimate_flags[] = {
  { 0, "flops", NUMBER (HU_INPUT_FLOPS), N_("Total FLOPs of one training run"), "N" },
  { 0, "params", NUMBER (HU_INPUT_PARAMS), N_("Parameters (with --tokens: FLOPs = 6 × N × D)"), "N" },
  { 0, "tokens", NUMBER (HU_INPUT_TOKENS), N_("Training tokens"), "N" },
  { 0, "gpu-hours", NUMBER (HU_INPUT_GPU_HOURS), N_("Accelerator-hours of one run"), "N" },
  { 0, "wall-hours", NUMBER (HU_INPUT_WALL_HOURS), N_("Wall-clock hours of one run"), "N" },
  { 0, "model", TEXT (model), N_("A published training run (see “huella-cli models”); other flags override its values"), "NAME" },
  { 1, "gpu", TEXT (gpu), N_("Catalog id of the accelerator (see “huella-cli gpus”)"), "ID" },
  { 1, "count", NUMBER (HU_INPUT_COUNT), N_("Accelerators in parallel (default 1)"), "N" },
  { 1, "precision", TEXT (precision), N_("fp32, tf32, fp16, bf16 or fp8"), "P" },
  { 1, "peak-tflops", NUMBER (HU_INPUT_PEAK_TFLOPS), N_("Override of the dense peak [TFLOP/s]"), "X" },
  { 1, "utilization", NUMBER (HU_INPUT_UTILIZATION), N_("Achieved / peak throughput, 0 < U ≤ 1 (default 0.40)"), "U" },
  { 1, "power-w", NUMBER (HU_INPUT_POWER_W), N_("Average power per accelerator [W] (default: TDP)"), "W" },
  { 1, "retrain", NUMBER (HU_INPUT_RETRAIN), N_("Training runs in total, ≥ 1 (default 1)"), "K" },
  { 1, "price", NUMBER (HU_INPUT_PRICE), N_("Price per accelerator-hour"), "X" },
  { 1, "embodied-kg", NUMBER (HU_INPUT_EMBODIED_KG), N_("Embodied carbon per accelerator [kg]"), "X" },
  { 1, "lifetime-h", NUMBER (HU_INPUT_LIFETIME_H), N_("Service life of an accelerator [h]"), "X" },
  { 2, "region", TEXT (region), N_("Catalog id of a region or grid (see “huella-cli regions”)"), "ID" },
  { 2, "intensity", NUMBER (HU_INPUT_INTENSITY), N_("Carbon intensity [%s]"), "G" },
  { 2, "pue", NUMBER (HU_INPUT_PUE), N_("Data-centre PUE, ≥ 1"), "X" },
  { 2, "currency", TEXT (currency), N_("ISO 4217 code of the price (default USD, as a new project's)"), "CODE" },
  { 2, "format", TEXT (format), N_("text, json or csv"), "F" },
  { 3, "requests", NUMBER (HU_INPUT_REQUESTS), N_("Requests served in all"), "N" },
  { 3, "requests-per-day", NUMBER (HU_INPUT_REQUESTS_PER_DAY), N_("Requests per day (with --days)"), "N" },
  { 3, "days", NUMBER (HU_INPUT_DAYS), N_("Days deployed"), "D" },
  { 3, "wh-per-request", NUMBER (HU_INPUT_WH_PER_REQUEST), N_("Energy per request, measured or published [Wh, IT]"), "W" },
  { 3, "tokens-per-request", NUMBER (HU_INPUT_TOKENS_PER_REQUEST), N_("Tokens per request (FLOPs = 2 × active parameters × tokens)"), "T" },
  { 3, "active-params", NUMBER (HU_INPUT_ACTIVE_PARAMS), N_("Active parameters per token (default: --params)"), "N" },
  { 3, "serve-gpu", TEXT (serve_gpu), N_("Serving accelerator (default: the training's)"), "ID" },
  { 3, "serve-count", NUMBER (HU_INPUT_SERVE_COUNT), N_("Serving accelerators (a fleet with --serve-power and --days)"), "N" },
  { 3, "serve-utilization", NUMBER (HU_INPUT_SERVE_UTILIZATION), N_("Serving utilisation, 0 < U ≤ 1 (default 0.10)"), "U" },
  { 3, "serve-power", NUMBER (HU_INPUT_SERVE_POWER), N_("Average power per serving accelerator [W] (default: TDP)"), "W" },
  { 3, "serve-region", TEXT (serve_region), N_("Serving region (default: the training's)"), "ID" },
  { 3, "serve-intensity", NUMBER (HU_INPUT_SERVE_INTENSITY), N_("Serving carbon intensity [%s]"), "G" },
  { 3, "serve-pue", NUMBER (HU_INPUT_SERVE_PUE), N_("Serving data-centre PUE, ≥ 1"), "X" },
  { 3, "serve-embodied-kg", NUMBER (HU_INPUT_SERVE_EMBODIED_KG), N_("Embodied carbon per serving accelerator [kg]"), "X" },
  { 3, "serve-lifetime-h", NUMBER (HU_INPUT_SERVE_LIFETIME_H), N_("Service life of a serving accelerator [h]"), "X" },
};

#undef NUMBER
#undef TEXT

/* The description of estimate_flags[@i]. The intensity's unit is
 * hu-units' (one symbol everywhere): its flags' descriptions take it as
 * their %s, written once and kept, as GOption keeps the pointer. */
static const char *
flag_description (guint i)
{
  static char *with_unit[G_N_ELEMENTS (estimate_flags)];

  if (estimate_flags[i].key != HU_INPUT_INTENSITY &&
      estimate_flags[i].key != HU_INPUT_SERVE_INTENSITY)
    return estimate_flags[i].description;
  if (with_unit[i] == NULL)
    with_unit[i] = g_strdup_printf (_(estimate_flags[i].description),
                                    hu_units_intensity_symbol (HU_UNITS_DEFAULT));
  return with_unit[i];
}

/* Adds estimate_groups to @context, each with its flags of
 * estimate_flags, storing what they are given in @a. */
static void
add_estimate_groups (GOptionContext *context,
                     EstimateArgs   *a)
{
  for (guint g = 0; g < G_N_ELEMENTS (estimate_groups); g++)
    {
      g_autofree GOptionEntry *entries = g_new0 (GOptionEntry, G_N_ELEMENTS (estimate_flags) + 1);
      GOptionGroup *group = g_option_group_new (estimate_groups[g].name,
                                                _(estimate_groups[g].title),
                                                _(estimate_groups[g].help), NULL, NULL);
      guint n = 0;

      for (guint i = 0; i < G_N_ELEMENTS (estimate_flags); i++)
        {
          if (estimate_flags[i].group != g)
            continue;
          entries[n].long_name = estimate_flags[i].name;
          entries[n].arg = G_OPTION_ARG_STRING;
          entries[n].arg_data = estimate_flags[i].key != NOT_A_NUMBER
                                ? (gpointer) &a->numbers[estimate_flags[i].key]
                                : G_STRUCT_MEMBER_P (a, estimate_flags[i].offset);
          entries[n].description = flag_description (i);
          entries[n].arg_description = estimate_flags[i].arg;
          n++;
        }
      /* The group keeps its own copy of the entries. */
      g_option_group_add_entries (group, entries);
      g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);
      if (g == 0)
        g_option_context_set_main_group (context, group);
      else
        g_option_context_add_group (context, group);
    }
}

int
hu_cli_estimate (int    argc,
                 char **argv)
{
  g_auto(EstimateArgs) a = { 0 };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HuEstimate) estimate = NULL;
  g_autoptr(HuUncertainty) uncertainty = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(HuCliUncertaintyArgs) ua = { 0 };
  HuUncertaintyOptions options;
  HuCliFormat format;
  HuInputs inputs;
  const char *currency;

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Estimate GPU-hours, energy, CO₂eq and cost of one scenario."));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  add_estimate_groups (context, &a);
  g_option_context_add_group (context, hu_cli_uncertainty_group (&ua));
  g_option_context_set_help_enabled (context, TRUE);

  if (!hu_cli_parse_flags_only (context, &argc, &argv))
    return HU_EXIT_USAGE;
  if (!hu_cli_parse_format (a.format, TRUE, FALSE, &format, &error) ||
      !hu_cli_parse_currency (a.currency, &currency, &error) ||
      !hu_cli_uncertainty_options (&ua, &options, &error))
    {
      hu_cli_usage_error (context, error->message);
      return HU_EXIT_USAGE;
    }

  hu_inputs_init (&inputs);
  for (guint i = 0; i < G_N_ELEMENTS (estimate_flags); i++)
    {
      HuInputKey key = estimate_flags[i].key;
      int status;

      if (key == NOT_A_NUMBER)
        continue;
      if (!hu_cli_set_input (&inputs, key, a.numbers[key], &status, &error))
        {
          hu_inputs_clear (&inputs);
          hu_cli_error_flags (error);
          /* The deployment flags come in combinations: a bad one is a
           * usage error (issue 11), training's keep their status. */
          return hu_input_key_is_serving (key) ? HU_EXIT_USAGE : status;
        }
    }
  inputs.gpu = g_strdup (a.gpu);
  inputs.region = g_strdup (a.region);
  inputs.serve_gpu = g_strdup (a.serve_gpu);
  inputs.serve_region = g_strdup (a.serve_region);
  if (!hu_inputs_validate_serving (&inputs, &error))
    {
      hu_inputs_clear (&inputs);
      hu_cli_error_flags (error);
      return HU_EXIT_USAGE;
    }
  if (a.precision && !hu_precision_from_string (a.precision, &inputs.precision))
    {
      hu_inputs_clear (&inputs);
      hu_cli_error (_("--precision: must be one of fp32, tf32, fp16, bf16, fp8"));
      return HU_EXIT_INPUT;
    }
  if (a.model)
    {
      /* After the flags, so the model only fills what they left unset. */
      HuKnownModel *model = hu_catalog_find_model (hu_catalog_get_default (), a.model, &error);
      if (model == NULL)
        {
          g_autofree char *msg = g_strdup_printf ("--%s", error->message);
          hu_inputs_clear (&inputs);
          hu_cli_error (msg);
          return HU_EXIT_USAGE;
        }
      hu_known_model_fill_inputs (model, hu_catalog_get_default (), &inputs);
    }

  /* The price is in the currency a project would have: the cost step
   * and the Cost row say which. */
  estimate = hu_estimate_compute_full (&inputs, hu_catalog_get_default (), currency,
                                       HU_ESTIMATE_FLAGS_NONE, &error);
  if (estimate && (hu_inputs_has_ranges (&inputs) || options.default_ranges))
    uncertainty = hu_uncertainty_compute (&inputs, NULL, hu_catalog_get_default (), &options, &error);
  hu_inputs_clear (&inputs);
  if (estimate == NULL || (error && uncertainty == NULL))
    {
      hu_cli_error_flags (error);
      return HU_EXIT_INPUT;
    }

  switch (format)
    {
    case HU_CLI_FORMAT_JSON:
      {
        g_autoptr(JsonBuilder) builder = json_builder_new ();
        g_autofree char *text = NULL;

        json_builder_begin_object (builder);
        hu_estimate_to_json (estimate, builder);
        /* What `cost` is counted in, as the report's JSON says it. */
        hu_json_add_string (builder, "currency", currency);
        hu_uncertainty_to_json (uncertainty, builder);
        json_builder_end_object (builder);
        text = hu_cli_json_to_string (builder);
        g_string_append (out, text);
      }
      break;
    case HU_CLI_FORMAT_CSV:
      csv_estimate_header (out, hu_uncertainty_applies (uncertainty));
      csv_estimate_row (out, estimate, currency, hu_uncertainty_applies (uncertainty), uncertainty);
      break;
    case HU_CLI_FORMAT_TEXT:
    case HU_CLI_FORMAT_MARKDOWN:
    default:
      text_estimate (out, estimate, uncertainty, currency);
      hu_cli_make_printable (out);
      break;
    }

  return hu_cli_write_stdout (out) ? HU_EXIT_OK : HU_EXIT_INPUT;
}


/* compare ------------------------------------------------------------------ */

/* Whether any scenario of a comparison carries a range. */
static gboolean
any_applies (GPtrArray *uncertainties)
{
  for (guint i = 0; uncertainties && i < uncertainties->len; i++)
    if (hu_uncertainty_applies (uncertainties->pdata[i]))
      return TRUE;
  return FALSE;
}

/* One unit and one number of decimals per column of `compare`'s text
 * table (hu-units): every scenario and run of a column reads alike. */
typedef struct {
  HuUnitScale gpu_hours;
  HuUnitScale wall;
  HuUnitScale energy;
  HuUnitScale mass;
  HuUnitScale lifecycle;
  HuUnitScale cost;
} CompareScales;

static void
compare_scales (CompareScales *scales,
                HuComparison  *comparison,
                GPtrArray     *estimates,
                GPtrArray     *uncertainties)
{
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (comparison));
  g_autoptr(GArray) gpu_hours = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) energy = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) mass = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) lifecycle = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cost = g_array_new (FALSE, FALSE, sizeof (double));
  HuProject *project = hu_comparison_get_project (comparison);

  for (guint i = 0; i < n_rows; i++)
    {
      HuComparisonRow *row = hu_comparison_get_row (comparison, i);
      double v;

      v = hu_comparison_row_get_metric (row, HU_METRIC_GPU_HOURS);
      g_array_append_val (gpu_hours, v);
      v = hu_comparison_row_get_metric (row, HU_METRIC_WALL_HOURS);
      g_array_append_val (wall, v);
      v = hu_comparison_row_get_metric (row, HU_METRIC_ENERGY_KWH);
      g_array_append_val (energy, v);
      v = hu_comparison_row_get_metric (row, HU_METRIC_TOTAL_KG);
      g_array_append_val (mass, v);
    }
  for (guint i = 0; i < estimates->len; i++)
    {
      const HuEstimate *e = estimates->pdata[i];
      const HuUncertainty *u = uncertainties ? uncertainties->pdata[i] : NULL;
      const HuInterval *range = interval (u, "total_kg");

      if (range != NULL)
        {
          g_array_append_val (mass, range->p05);
          g_array_append_val (mass, range->p95);
        }
      g_array_append_val (lifecycle, e->lifecycle_kg);
      g_array_append_val (cost, e->cost);
    }

#define INIT(field, kind, currency) \
  hu_unit_scale_init (&scales->field, kind, (const double *) field->data, field->len, currency, 0)
  INIT (gpu_hours, HU_UNIT_GPU_HOURS, NULL);
  INIT (wall, HU_UNIT_HOURS, NULL);
  INIT (energy, HU_UNIT_ENERGY_KWH, NULL);
  INIT (mass, HU_UNIT_MASS_KG, NULL);
  INIT (lifecycle, HU_UNIT_MASS_KG, NULL);
  INIT (cost, HU_UNIT_CURRENCY, hu_project_get_currency (project));
#undef INIT
}

static void
compare_text (GString      *out,
              HuComparison *comparison,
              GPtrArray    *scenarios,
              GPtrArray  *estimates,
              GPtrArray  *uncertainties,
              gboolean    markdown)
{
  gboolean ranged = any_applies (uncertainties);
  gboolean serving = FALSE;
  guint n_columns;
  const char *optional[2] = { NULL, NULL };
  guint n_optional = 0;
  g_autoptr(HuCliTable) table = NULL;
  HuProject *project = hu_comparison_get_project (comparison);
  guint n_scenarios = hu_comparison_get_n_scenarios (comparison);
  HuComparisonRow *baseline = hu_comparison_get_baseline (comparison);
  CompareScales scales;

  for (guint i = 0; i < estimates->len; i++)
    serving = serving || hu_estimate_has_serving (estimates->pdata[i]);
  /* The lifecycle (training, serving and embodied carbon, issue 11) when
   * any scenario has a deployment phase. */
  if (serving)
    optional[n_optional++] = _("Lifecycle CO₂eq");
  if (ranged)
    /* TRANSLATORS: column heading: the probability that a scenario emits less than the baseline */
    optional[n_optional++] = _("P(lower)");
  n_columns = 8 + n_optional;
  table = hu_cli_table_new (n_columns, _("Scenario"), _("Accelerator"), _("GPU-hours"),
                            _("Wall-clock"), _("Energy"), _("CO₂eq"), _("Cost"), _("vs first"),
                            optional[0], optional[1], NULL);
  compare_scales (&scales, comparison, estimates, uncertainties);

  for (guint c = 2; c < n_columns; c++)
    hu_cli_table_set_right (table, c);

  for (guint i = 0; i < estimates->len; i++)
    {
      const HuEstimate *e = estimates->pdata[i];
      HuScenario *s = scenarios->pdata[i];
      GStrvBuilder *b = g_strv_builder_new ();
      g_autofree char *count = hu_format_number (e->count, 6);
      g_autofree char *gpu = hu_gpu_name_for_display (e->gpu_name);
      g_autofree char *accel = g_strdup_printf ("%s × %s", gpu != NULL ? gpu : _("custom"), count);
      g_autofree char *delta = NULL;
      const HuUncertainty *u = uncertainties ? uncertainties->pdata[i] : NULL;
      HuComparisonRow *row = hu_comparison_get_row (comparison, i);
      double change = hu_comparison_row_get_change (row, baseline, HU_METRIC_TOTAL_KG);

      /* The comparison's baseline is its first scenario ("vs first"). */
      if (row != baseline && isfinite (change))
        delta = hu_format_change (change / 100);
      g_strv_builder_add (b, hu_scenario_get_display_name (s));
      g_strv_builder_add (b, accel);
      hu_strv_builder_take (b, scaled (&scales.gpu_hours, e->gpu_hours));
      hu_strv_builder_take (b, scaled (&scales.wall, e->wall_hours));
      hu_strv_builder_take (b, scaled (&scales.energy, e->energy_kwh));
      hu_strv_builder_take (b, scaled_interval (&scales.mass, e->total_kg, interval (u, "total_kg")));
      hu_strv_builder_take (b, scaled (&scales.cost, e->cost));
      g_strv_builder_add (b, delta ? delta : (row == baseline ? _("baseline") : "—"));
      if (serving)
        hu_strv_builder_take (b, hu_estimate_has_serving (e) ? scaled (&scales.lifecycle, e->lifecycle_kg)
                                                             : g_strdup ("—"));
      if (ranged)
        hu_strv_builder_take (b, u && isfinite (u->p_lower_than_baseline)
                                   ? hu_format_percent (u->p_lower_than_baseline) : g_strdup ("—"));
      hu_cli_table_add_rowv (table, g_strv_builder_end (b));
      g_strv_builder_unref (b);
    }

  for (guint i = n_scenarios; i < g_list_model_get_n_items (G_LIST_MODEL (comparison)); i++)
    {
      HuComparisonRow *row = hu_comparison_get_row (comparison, i);
      const HuRunData *d = hu_measured_run_get_data (hu_comparison_row_get_run (row));
      GStrvBuilder *b = g_strv_builder_new ();
      g_autofree char *name = g_strdup_printf (_("%s (measured, %s)"),
                                               d->name ? d->name : (d->run_id ? d->run_id : "?"),
                                               d->source ? d->source : "?");

      /* What the log does not say stays unknown (hu_run_data_get_metric()). */
      g_autofree char *accelerators = hu_run_data_format_accelerators (d);

      g_strv_builder_add (b, name);
      g_strv_builder_add (b, accelerators != NULL ? accelerators : "—");
      hu_strv_builder_take (b, scaled (&scales.gpu_hours,
                                       hu_comparison_row_get_metric (row, HU_METRIC_GPU_HOURS)));
      hu_strv_builder_take (b, scaled (&scales.wall,
                                       hu_comparison_row_get_metric (row, HU_METRIC_WALL_HOURS)));
      hu_strv_builder_take (b, scaled (&scales.energy,
                                       hu_comparison_row_get_metric (row, HU_METRIC_ENERGY_KWH)));
      hu_strv_builder_take (b, scaled (&scales.mass,
                                       hu_comparison_row_get_metric (row, HU_METRIC_TOTAL_KG)));
      /* Runs have no cost; against the first scenario they change as
       * the app's table says (hu_format_change()). */
      g_strv_builder_add (b, "—");
      {
        double change = hu_comparison_row_get_change (row, baseline, HU_METRIC_TOTAL_KG);

        hu_strv_builder_take (b, isfinite (change) ? hu_format_change (change / 100)
                                                   : g_strdup ("—"));
      }
      for (guint c = 8; c < n_columns; c++)
        g_strv_builder_add (b, "—");
      hu_cli_table_add_rowv (table, g_strv_builder_end (b));
      g_strv_builder_unref (b);
    }

  if (markdown)
    {
      g_string_append_printf (out, "## %s\n\n", hu_project_get_title (project) ? hu_project_get_title (project) : "");
      hu_cli_table_print_markdown (table, out);
    }
  else
    {
      if (hu_project_get_title (project))
        g_string_append_printf (out, "%s\n\n", hu_project_get_title (project));
      hu_cli_table_print (table, out);
    }
  if (ranged)
    {
      g_autofree char *samples = NULL;
      g_autofree char *seed = NULL;
      const HuUncertainty *u = NULL;

      for (guint i = 0; i < uncertainties->len && !hu_uncertainty_applies (u); i++)
        u = uncertainties->pdata[i];
      g_assert (u != NULL);   /* any_applies() found one */
      samples = hu_format_fixed (u->samples, 0);
      seed = g_strdup_printf ("%" G_GUINT64_FORMAT, u->seed);
      g_string_append_c (out, '\n');
      /* TRANSLATORS: the first %s is a number of samples, the second a seed */
      g_string_append_printf (out, _("CO₂eq ranges are 5th–95th percentiles of %s Monte Carlo samples (seed %s); P(lower) is the probability of emitting less than the first scenario.\n"),
                              samples, seed);
    }
}

static void
compare_json (GString    *out,
              HuProject  *project,
              GPtrArray  *scenarios,
              GPtrArray  *estimates,
              GPtrArray  *uncertainties)
{
  gboolean ranged = any_applies (uncertainties);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *text = NULL;
  GListModel *runs = G_LIST_MODEL (hu_project_get_runs (project));

  json_builder_begin_object (builder);
  hu_json_add_string (builder, "currency", hu_project_get_currency (project));
  json_builder_set_member_name (builder, "scenarios");
  json_builder_begin_array (builder);
  for (guint i = 0; i < estimates->len; i++)
    {
      json_builder_begin_object (builder);
      hu_json_add_string (builder, "id", hu_scenario_get_id (scenarios->pdata[i]));
      hu_json_add_string (builder, "name", hu_scenario_get_name (scenarios->pdata[i]));
      hu_estimate_to_json (estimates->pdata[i], builder);
      if (ranged)
        {
          const HuUncertainty *u = uncertainties->pdata[i];

          hu_uncertainty_to_json (u, builder);
          hu_json_add_double (builder, "p_lower_than_baseline", u->p_lower_than_baseline);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "runs");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (runs); i++)
    {
      g_autoptr(HuMeasuredRun) run = g_list_model_get_item (runs, i);
      hu_measured_run_write_contract (run, builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  text = hu_cli_json_to_string (builder);
  g_string_append (out, text);
}

static void
compare_csv (GString    *out,
             const char *currency,
             GPtrArray  *scenarios,
             GPtrArray  *estimates,
             GPtrArray  *uncertainties)
{
  gboolean ranged = any_applies (uncertainties);

  g_string_append (out, "id,name,");
  csv_estimate_header (out, ranged);
  for (guint i = 0; i < estimates->len; i++)
    {
      hu_cli_csv_field (out, hu_scenario_get_id (scenarios->pdata[i]));
      g_string_append_c (out, ',');
      hu_cli_csv_field (out, hu_scenario_get_name (scenarios->pdata[i]));
      g_string_append_c (out, ',');
      csv_estimate_row (out, estimates->pdata[i], currency, ranged,
                        uncertainties ? uncertainties->pdata[i] : NULL);
    }
}

int
hu_cli_compare (int    argc,
                char **argv)
{
  g_autofree char *format_text = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(HuProject) project = NULL;
  g_autoptr(HuComparison) comparison = NULL;
  g_autoptr(GPtrArray) scenarios = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) estimates = g_ptr_array_new_with_free_func ((GDestroyNotify) hu_estimate_unref);
  g_autoptr(GPtrArray) uncertainties = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(HuCliUncertaintyArgs) ua = { 0 };
  HuUncertaintyOptions options;
  gboolean has_ranges = FALSE;
  HuCliFormat format;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_("text, json, csv or markdown"), "F" },
    { NULL }
  };

  context = g_option_context_new (_("FILE.huella"));
  g_option_context_set_summary (context, _("Compare the scenarios and measured runs of a project."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_group (context, hu_cli_uncertainty_group (&ua));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      hu_cli_usage_error (context, error->message);
      return HU_EXIT_USAGE;
    }
  if (argc != 2)
    {
      hu_cli_usage_error (context, argc < 2 ? _("a project file is required")
                                            : _("only one project file can be compared"));
      return HU_EXIT_USAGE;
    }
  if (!hu_cli_parse_format (format_text, TRUE, TRUE, &format, &error) ||
      !hu_cli_uncertainty_options (&ua, &options, &error))
    {
      hu_cli_usage_error (context, error->message);
      return HU_EXIT_USAGE;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  if (!(project = hu_project_new_from_file (file, &error)))
    {
      hu_cli_error (error->message);
      return HU_EXIT_INPUT;
    }

  /* The comparison estimates each scenario once; every format below
   * reads its rows. */
  comparison = hu_comparison_new (project);
  for (guint i = 0; i < hu_comparison_get_n_scenarios (comparison); i++)
    {
      HuComparisonRow *row = hu_comparison_get_row (comparison, i);
      HuScenario *s = hu_comparison_row_get_scenario (row);
      const HuEstimate *e = hu_comparison_row_get_estimate (row);

      if (e == NULL)
        {
          g_autofree char *msg = g_strdup_printf ("%s: scenarios[%u] (%s): %s", argv[1], i,
                                                  hu_scenario_get_id (s),
                                                  hu_comparison_row_get_error (row)->message);
          hu_cli_error (msg);
          return HU_EXIT_INPUT;
        }
      has_ranges |= hu_inputs_has_ranges (hu_scenario_get_inputs (s));
      g_ptr_array_add (scenarios, g_object_ref (s));
      g_ptr_array_add (estimates, hu_estimate_ref ((HuEstimate *) e));
    }

  /* The first scenario is the baseline, as in the "vs first" column. */
  if (scenarios->len > 0 && (has_ranges || options.default_ranges))
    {
      g_autofree const HuInputs **inputs = g_new (const HuInputs *, scenarios->len);

      for (guint i = 0; i < scenarios->len; i++)
        inputs[i] = hu_scenario_get_inputs (scenarios->pdata[i]);
      uncertainties = hu_uncertainty_compute_all (inputs, scenarios->len, 0,
                                                  hu_project_get_catalog (project), &options, &error);
      if (uncertainties == NULL)
        {
          g_autofree char *msg = g_strdup_printf ("%s: %s", argv[1], error->message);
          hu_cli_error (msg);
          return HU_EXIT_INPUT;
        }
    }

  switch (format)
    {
    case HU_CLI_FORMAT_JSON:
      compare_json (out, project, scenarios, estimates, uncertainties);
      break;
    case HU_CLI_FORMAT_CSV:
      compare_csv (out, hu_project_get_currency (project), scenarios, estimates, uncertainties);
      break;
    case HU_CLI_FORMAT_MARKDOWN:
      compare_text (out, comparison, scenarios, estimates, uncertainties, TRUE);
      hu_cli_make_printable (out);
      break;
    case HU_CLI_FORMAT_TEXT:
    default:
      compare_text (out, comparison, scenarios, estimates, uncertainties, FALSE);
      hu_cli_make_printable (out);
      break;
    }

  return hu_cli_write_stdout (out) ? HU_EXIT_OK : HU_EXIT_INPUT;
}
