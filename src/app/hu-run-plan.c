/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "HuRunPlan"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "hu-run-plan.h"

/* ISO 3166-1 alpha-3 to alpha-2, sorted by alpha-3 for bsearch().
 * CodeCarbon writes countries as alpha-3 ("FRA"); the catalog's grid
 * regions use alpha-2 ("grid/FR"). Generated from iso-codes. */
typedef struct {
  char alpha3[4];
  char alpha2[3];
} Country;

static const Country countries[] = {
  { "ABW", "AW" }, { "AFG", "AF" }, { "AGO", "AO" }, { "AIA", "AI" }, { "ALA", "AX" },
  { "ALB", "AL" }, { "AND", "AD" }, { "ARE", "AE" }, { "ARG", "AR" }, { "ARM", "AM" },
  { "ASM", "AS" }, { "ATA", "AQ" }, { "ATF", "TF" }, { "ATG", "AG" }, { "AUS", "AU" },
  { "AUT", "AT" }, { "AZE", "AZ" }, { "BDI", "BI" }, { "BEL", "BE" }, { "BEN", "BJ" },
  { "BES", "BQ" }, { "BFA", "BF" }, { "BGD", "BD" }, { "BGR", "BG" }, { "BHR", "BH" },
  { "BHS", "BS" }, { "BIH", "BA" }, { "BLM", "BL" }, { "BLR", "BY" }, { "BLZ", "BZ" },
  { "BMU", "BM" }, { "BOL", "BO" }, { "BRA", "BR" }, { "BRB", "BB" }, { "BRN", "BN" },
  { "BTN", "BT" }, { "BVT", "BV" }, { "BWA", "BW" }, { "CAF", "CF" }, { "CAN", "CA" },
  { "CCK", "CC" }, { "CHE", "CH" }, { "CHL", "CL" }, { "CHN", "CN" }, { "CIV", "CI" },
  { "CMR", "CM" }, { "COD", "CD" }, { "COG", "CG" }, { "COK", "CK" }, { "COL", "CO" },
  { "COM", "KM" }, { "CPV", "CV" }, { "CRI", "CR" }, { "CUB", "CU" }, { "CUW", "CW" },
  { "CXR", "CX" }, { "CYM", "KY" }, { "CYP", "CY" }, { "CZE", "CZ" }, { "DEU", "DE" },
  { "DJI", "DJ" }, { "DMA", "DM" }, { "DNK", "DK" }, { "DOM", "DO" }, { "DZA", "DZ" },
  { "ECU", "EC" }, { "EGY", "EG" }, { "ERI", "ER" }, { "ESH", "EH" }, { "ESP", "ES" },
  { "EST", "EE" }, { "ETH", "ET" }, { "FIN", "FI" }, { "FJI", "FJ" }, { "FLK", "FK" },
  { "FRA", "FR" }, { "FRO", "FO" }, { "FSM", "FM" }, { "GAB", "GA" }, { "GBR", "GB" },
  { "GEO", "GE" }, { "GGY", "GG" }, { "GHA", "GH" }, { "GIB", "GI" }, { "GIN", "GN" },
  { "GLP", "GP" }, { "GMB", "GM" }, { "GNB", "GW" }, { "GNQ", "GQ" }, { "GRC", "GR" },
  { "GRD", "GD" }, { "GRL", "GL" }, { "GTM", "GT" }, { "GUF", "GF" }, { "GUM", "GU" },
  { "GUY", "GY" }, { "HKG", "HK" }, { "HMD", "HM" }, { "HND", "HN" }, { "HRV", "HR" },
  { "HTI", "HT" }, { "HUN", "HU" }, { "IDN", "ID" }, { "IMN", "IM" }, { "IND", "IN" },
  { "IOT", "IO" }, { "IRL", "IE" }, { "IRN", "IR" }, { "IRQ", "IQ" }, { "ISL", "IS" },
  { "ISR", "IL" }, { "ITA", "IT" }, { "JAM", "JM" }, { "JEY", "JE" }, { "JOR", "JO" },
  { "JPN", "JP" }, { "KAZ", "KZ" }, { "KEN", "KE" }, { "KGZ", "KG" }, { "KHM", "KH" },
  { "KIR", "KI" }, { "KNA", "KN" }, { "KOR", "KR" }, { "KWT", "KW" }, { "LAO", "LA" },
  { "LBN", "LB" }, { "LBR", "LR" }, { "LBY", "LY" }, { "LCA", "LC" }, { "LIE", "LI" },
  { "LKA", "LK" }, { "LSO", "LS" }, { "LTU", "LT" }, { "LUX", "LU" }, { "LVA", "LV" },
  { "MAC", "MO" }, { "MAF", "MF" }, { "MAR", "MA" }, { "MCO", "MC" }, { "MDA", "MD" },
  { "MDG", "MG" }, { "MDV", "MV" }, { "MEX", "MX" }, { "MHL", "MH" }, { "MKD", "MK" },
  { "MLI", "ML" }, { "MLT", "MT" }, { "MMR", "MM" }, { "MNE", "ME" }, { "MNG", "MN" },
  { "MNP", "MP" }, { "MOZ", "MZ" }, { "MRT", "MR" }, { "MSR", "MS" }, { "MTQ", "MQ" },
  { "MUS", "MU" }, { "MWI", "MW" }, { "MYS", "MY" }, { "MYT", "YT" }, { "NAM", "NA" },
  { "NCL", "NC" }, { "NER", "NE" }, { "NFK", "NF" }, { "NGA", "NG" }, { "NIC", "NI" },
  { "NIU", "NU" }, { "NLD", "NL" }, { "NOR", "NO" }, { "NPL", "NP" }, { "NRU", "NR" },
  { "NZL", "NZ" }, { "OMN", "OM" }, { "PAK", "PK" }, { "PAN", "PA" }, { "PCN", "PN" },
  { "PER", "PE" }, { "PHL", "PH" }, { "PLW", "PW" }, { "PNG", "PG" }, { "POL", "PL" },
  { "PRI", "PR" }, { "PRK", "KP" }, { "PRT", "PT" }, { "PRY", "PY" }, { "PSE", "PS" },
  { "PYF", "PF" }, { "QAT", "QA" }, { "REU", "RE" }, { "ROU", "RO" }, { "RUS", "RU" },
  { "RWA", "RW" }, { "SAU", "SA" }, { "SDN", "SD" }, { "SEN", "SN" }, { "SGP", "SG" },
  { "SGS", "GS" }, { "SHN", "SH" }, { "SJM", "SJ" }, { "SLB", "SB" }, { "SLE", "SL" },
  { "SLV", "SV" }, { "SMR", "SM" }, { "SOM", "SO" }, { "SPM", "PM" }, { "SRB", "RS" },
  { "SSD", "SS" }, { "STP", "ST" }, { "SUR", "SR" }, { "SVK", "SK" }, { "SVN", "SI" },
  { "SWE", "SE" }, { "SWZ", "SZ" }, { "SXM", "SX" }, { "SYC", "SC" }, { "SYR", "SY" },
  { "TCA", "TC" }, { "TCD", "TD" }, { "TGO", "TG" }, { "THA", "TH" }, { "TJK", "TJ" },
  { "TKL", "TK" }, { "TKM", "TM" }, { "TLS", "TL" }, { "TON", "TO" }, { "TTO", "TT" },
  { "TUN", "TN" }, { "TUR", "TR" }, { "TUV", "TV" }, { "TWN", "TW" }, { "TZA", "TZ" },
  { "UGA", "UG" }, { "UKR", "UA" }, { "UMI", "UM" }, { "URY", "UY" }, { "USA", "US" },
  { "UZB", "UZ" }, { "VAT", "VA" }, { "VCT", "VC" }, { "VEN", "VE" }, { "VGB", "VG" },
  { "VIR", "VI" }, { "VNM", "VN" }, { "VUT", "VU" }, { "WLF", "WF" }, { "WSM", "WS" },
  { "YEM", "YE" }, { "ZAF", "ZA" }, { "ZMB", "ZM" }, { "ZWE", "ZW" },
};

/* Words that trackers and the catalog write differently or not at all
 * ("Tesla V100" vs "NVIDIA Tesla V100"): they never tell two models apart. */
static const char * const noise_words[] = {
  "nvidia", "tesla", "geforce", "amd", "instinct", "intel", "google", "per", "gpu",
};

static int
compare_alpha3 (const void *key,
                const void *element)
{
  return strcmp (key, element);
}

/**
 * hu_run_plan_country_alpha2:
 * @country: an ISO 3166-1 alpha-2 or alpha-3 code, any case
 *
 * Returns: (nullable): the alpha-2 code in upper case, %NULL when unknown
 */
const char *
hu_run_plan_country_alpha2 (const char *country)
{
  char key[4];
  const void *found;

  if (country == NULL)
    return NULL;

  if (strlen (country) == 2 && g_ascii_isalpha (country[0]) && g_ascii_isalpha (country[1]))
    {
      for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
        if (g_ascii_strcasecmp (countries[i].alpha2, country) == 0)
          return countries[i].alpha2;
      return NULL;
    }
  if (strlen (country) != 3)
    return NULL;

  for (guint i = 0; i < 3; i++)
    key[i] = g_ascii_toupper (country[i]);
  key[3] = '\0';
  found = bsearch (key, countries, G_N_ELEMENTS (countries), sizeof countries[0],
                   compare_alpha3);
  return found != NULL ? ((const Country *) found)->alpha2 : NULL;
}

/* Lower-case alphanumeric words of @text without the noise words. */
static GPtrArray *
model_words (const char *text)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *lower = g_ascii_strdown (text != NULL ? text : "", -1);
  const char *p = lower;

  while (*p != '\0')
    {
      const char *start;
      char *word;
      gboolean noise = FALSE;

      while (*p != '\0' && !g_ascii_isalnum (*p))
        p++;
      start = p;
      while (g_ascii_isalnum (*p))
        p++;
      if (p == start)
        continue;

      word = g_strndup (start, p - start);
      for (guint i = 0; i < G_N_ELEMENTS (noise_words); i++)
        noise |= strcmp (word, noise_words[i]) == 0;
      if (noise)
        g_free (word);
      else
        g_ptr_array_add (words, word);
    }
  return words;
}

static gboolean
has_word (GPtrArray  *words,
          const char *word)
{
  for (guint i = 0; i < words->len; i++)
    if (strcmp (g_ptr_array_index (words, i), word) == 0)
      return TRUE;
  return FALSE;
}

/* How many words of @candidate @words has, or 0 unless it has them all. */
static guint
words_contained (GPtrArray *candidate,
                 GPtrArray *words)
{
  if (candidate->len == 0)
    return 0;
  for (guint i = 0; i < candidate->len; i++)
    if (!has_word (words, g_ptr_array_index (candidate, i)))
      return 0;
  return candidate->len;
}

/**
 * hu_run_plan_match_gpu:
 * @gpu_model: the model as a tracker logged it ("NVIDIA A100-SXM4-80GB")
 *
 * Finds the catalog accelerator a log names. A catalog entry matches when
 * the log has every word of its id or name (so "A100 80GB PCIe" finds
 * nvidia-a100-pcie-80gb); the entry with the most words wins, so "RTX
 * 3090 Ti" is the Ti and not the plain 3090.
 *
 * Returns: (transfer full) (nullable): the catalog id, %NULL when no
 *   entry matches: a wrong accelerator would be worse than none
 */
char *
hu_run_plan_match_gpu (HuCatalog  *catalog,
                       const char *gpu_model)
{
  g_autoptr(GPtrArray) gpus = NULL;
  g_autoptr(GPtrArray) words = NULL;
  const char *best = NULL;
  guint best_score = 0;
  gboolean tie = FALSE;

  g_return_val_if_fail (HU_IS_CATALOG (catalog), NULL);

  if (gpu_model == NULL || *gpu_model == '\0')
    return NULL;

  /* Several models in one log ("A100, A100"): the first names them. */
  words = model_words (gpu_model);
  if (words->len == 0)
    return NULL;

  gpus = hu_catalog_list_gpus (catalog);
  for (guint i = 0; i < gpus->len; i++)
    {
      HuGpu *gpu = g_ptr_array_index (gpus, i);
      g_autoptr(GPtrArray) id_words = model_words (gpu->id);
      g_autoptr(GPtrArray) name_words = model_words (gpu->name);
      guint score = MAX (words_contained (id_words, words), words_contained (name_words, words));

      if (score == 0)
        continue;
      if (score > best_score)
        {
          best = gpu->id;
          best_score = score;
          tie = FALSE;
        }
      else if (score == best_score && g_strcmp0 (best, gpu->id) != 0)
        tie = TRUE;
    }

  /* "A100" alone fits four catalog entries equally: do not guess. */
  if (best == NULL || tie)
    return NULL;
  return g_strdup (best);
}

/* The sub-national grid a log's region names within @alpha2's country
 * ("washington" in the US → grid/US-WA): the catalog's grid names start
 * with the state or province ("Washington, United States"), its ids end
 * with the code ("US-WA", so "WA" works too). */
static char *
match_subnational (HuCatalog  *catalog,
                   const char *alpha2,
                   const char *region)
{
  g_autofree char *prefix = g_strconcat ("grid/", alpha2, "-", NULL);
  g_autofree char *wanted = g_utf8_casefold (region, -1);
  g_autoptr(GPtrArray) regions = hu_catalog_list_regions (catalog);

  g_strstrip (wanted);
  if (*wanted == '\0')
    return NULL;
  for (guint i = 0; i < regions->len; i++)
    {
      HuRegion *r = g_ptr_array_index (regions, i);
      const char *comma;
      g_autofree char *name = NULL;
      g_autofree char *code = NULL;

      if (!g_str_has_prefix (r->id, prefix))
        continue;
      comma = strchr (r->name, ',');
      name = g_utf8_casefold (r->name, comma != NULL ? comma - r->name : -1);
      code = g_utf8_casefold (r->id + strlen (prefix), -1);
      if (g_str_equal (name, wanted) || g_str_equal (code, wanted))
        return g_strdup (r->id);
    }
  return NULL;
}

/**
 * hu_run_plan_match_region:
 *
 * The catalog region of a run, the finest its log gives: its cloud region
 * ("aws/us-east-1", as the importers write them), its state's or
 * province's grid ("washington", "USA" → grid/US-WA) or its country's
 * ("FRA" → grid/FR).
 *
 * Returns: (transfer full) (nullable): a catalog region id
 */
char *
hu_run_plan_match_region (HuCatalog       *catalog,
                          const HuRunData *data)
{
  const char *alpha2;

  g_return_val_if_fail (HU_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (data != NULL, NULL);

  if (data->region != NULL && strchr (data->region, '/') != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (data->region, -1);

      if (hu_catalog_lookup_region (catalog, data->region) != NULL)
        return g_strdup (data->region);
      if (hu_catalog_lookup_region (catalog, lower) != NULL)
        return g_steal_pointer (&lower);
    }

  alpha2 = hu_run_plan_country_alpha2 (data->country);
  if (alpha2 != NULL && data->region != NULL)
    {
      char *state = match_subnational (catalog, alpha2, data->region);

      if (state != NULL)
        return state;
    }
  if (alpha2 != NULL)
    {
      g_autofree char *id = g_strconcat ("grid/", alpha2, NULL);

      if (hu_catalog_lookup_region (catalog, id) != NULL)
        return g_steal_pointer (&id);
    }

  return NULL;
}

/* A place a log wrote in lower case ("washington", "new south wales")
 * in the case people write it: each word's first letter capital. A name
 * the log already cased is its own. */
static char *
proper_case (const char *text)
{
  GString *out;
  gboolean word_start = TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isupper (g_utf8_get_char (p)))
      return g_strdup (text);

  out = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (out, word_start ? g_unichar_totitle (c) : c);
      word_start = g_unichar_isspace (c);
    }
  return g_string_free (out, FALSE);
}

/**
 * hu_run_plan_format_location:
 *
 * Where a run's log says it ran, for people. A log writes its region and
 * country as its tracker found them ("washington", "USA"): when they
 * match a catalog grid finer than the country, or a cloud region, the
 * catalog's name for it is shown ("Washington, United States", in the
 * user's language), the grid a plan from the run uses; otherwise the
 * region in proper case and the country by its name.
 *
 * Returns: (transfer full) (nullable): the place, or %NULL when the log
 *   gives none
 */
char *
hu_run_plan_format_location (HuCatalog       *catalog,
                             const HuRunData *data)
{
  g_autofree char *id = NULL;
  g_autofree char *country_id = NULL;
  g_autofree char *place = NULL;
  const char *alpha2, *country = NULL;
  HuRegion *region;

  g_return_val_if_fail (data != NULL, NULL);

  if (data->region == NULL && data->country == NULL)
    return NULL;

  alpha2 = hu_run_plan_country_alpha2 (data->country);
  country_id = alpha2 != NULL ? g_strconcat ("grid/", alpha2, NULL) : NULL;
  id = catalog != NULL ? hu_run_plan_match_region (catalog, data) : NULL;
  if (id != NULL && g_strcmp0 (id, country_id) != 0 &&
      (region = hu_catalog_lookup_region (catalog, id)) != NULL)
    return g_strdup (hu_region_get_display_name (region));

  if (country_id != NULL && catalog != NULL &&
      (region = hu_catalog_lookup_region (catalog, country_id)) != NULL)
    country = hu_region_get_display_name (region);
  else if (data->country != NULL)
    country = data->country;
  if (data->region == NULL)
    return g_strdup (country);
  place = proper_case (data->region);
  if (country == NULL)
    return g_steal_pointer (&place);
  /* Translators: a region and its country, "île-de-france, FRA" */
  return g_strdup_printf (_("%s, %s"), place, country);
}

static double
run_count (const HuRunData *data)
{
  return isfinite (data->gpu_count) && data->gpu_count > 0 ? data->gpu_count : 1;
}

/* Trackers that apply a PUE say so; the others log IT energy, PUE 1. */
static double
run_pue (const HuRunData *data)
{
  return isfinite (data->pue) && data->pue >= 1 ? data->pue : 1;
}

/**
 * hu_run_plan_implied_power:
 *
 * The average power per accelerator the log implies: all the energy it
 * measured (accelerators, and CPU and memory when the tracker measured
 * them) without the PUE, over its duration and accelerators. A plan with
 * this power compares like with like: its energy is the measured total.
 *
 * Returns: watts, NAN when the log lacks the energy or the duration
 */
double
hu_run_plan_implied_power (const HuRunData *data)
{
  double hours, energy;

  g_return_val_if_fail (data != NULL, NAN);

  hours = data->duration_s / 3600.0;
  if (!isfinite (hours) || hours <= 0)
    return NAN;

  energy = isfinite (data->energy_kwh) && data->energy_kwh > 0 ? data->energy_kwh
                                                               : data->gpu_energy_kwh;
  if (!isfinite (energy) || energy <= 0)
    return NAN;

  return energy * 1000.0 / run_pue (data) / hours / run_count (data);
}

/**
 * hu_run_plan_includes_host:
 *
 * Whether the run measured its CPU or memory besides its accelerators, so
 * the implied power per accelerator carries their share.
 */
gboolean
hu_run_plan_includes_host (const HuRunData *data)
{
  g_return_val_if_fail (data != NULL, FALSE);

  return (isfinite (data->cpu_energy_kwh) && data->cpu_energy_kwh > 0) ||
         (isfinite (data->ram_energy_kwh) && data->ram_energy_kwh > 0);
}

/* Three significant digits: a form shows "138 W" and "0.0533 h", not the
 * log's "138.4459436"; the plan stays within 0.5 % of the run. */
static double
round_significant (double value,
                   int    digits)
{
  double scale;

  if (!isfinite (value) || value == 0)
    return value;
  scale = pow (10, digits - 1 - floor (log10 (fabs (value))));
  return round (value * scale) / scale;
}

/**
 * hu_run_plan_inputs:
 * @inputs: (out caller-allocates): cleared and filled
 *
 * The inputs of a plan that reproduces @run: its duration as the
 * wall-clock workload, its accelerators, the average power its log
 * implies, its region (or its intensity) and its PUE. Its estimate then
 * gives back the measured energy, and the user can change one thing at a
 * time to ask "what if".
 */
void
hu_run_plan_inputs (HuMeasuredRun *run,
                    HuCatalog     *catalog,
                    HuInputs      *inputs)
{
  HuRunData *data;
  double power;

  g_return_if_fail (HU_IS_MEASURED_RUN (run));
  g_return_if_fail (HU_IS_CATALOG (catalog));
  g_return_if_fail (inputs != NULL);

  data = hu_measured_run_get_data (run);
  hu_inputs_init (inputs);

  if (isfinite (data->duration_s) && data->duration_s > 0)
    inputs->wall_hours = round_significant (data->duration_s / 3600.0, 3);
  inputs->gpu = hu_run_plan_match_gpu (catalog, data->gpu_model);
  inputs->count = run_count (data);

  /* The power that gives back the measured energy over the rounded time. */
  power = hu_run_plan_implied_power (data);
  if (isfinite (power) && power > 0 && isfinite (inputs->wall_hours))
    power *= data->duration_s / 3600.0 / inputs->wall_hours;
  if (isfinite (power) && power > 0)
    inputs->power_w = round_significant (power, 3);

  inputs->region = hu_run_plan_match_region (catalog, data);
  /* The intensity the log itself implies (emissions ÷ energy) is the one
   * the run was measured with: it beats the catalog's figure for the
   * region, which stays for reference. */
  if (isfinite (data->intensity_g_per_kwh) && data->intensity_g_per_kwh > 0)
    inputs->intensity = round_significant (data->intensity_g_per_kwh, 4);

  inputs->pue = run_pue (data);
}

/**
 * hu_run_plan_notes:
 *
 * What a plan took from its run, in words, for the scenario's notes: the
 * power's scope and where the carbon intensity comes from.
 *
 * Returns: (transfer full): the notes
 */
char *
hu_run_plan_notes (HuMeasuredRun  *run,
                   HuCatalog      *catalog,
                   const HuInputs *inputs)
{
  HuRunData *data;
  GString *notes = g_string_new (NULL);
  HuRegion *region;

  g_return_val_if_fail (HU_IS_MEASURED_RUN (run), NULL);
  g_return_val_if_fail (inputs != NULL, NULL);

  data = hu_measured_run_get_data (run);
  region = inputs->region != NULL ? hu_catalog_lookup_region (catalog, inputs->region) : NULL;

  if (isfinite (inputs->power_w))
    {
      g_autofree char *power = hu_units_format_watts (inputs->power_w, HU_UNITS_DEFAULT);

      if (hu_run_plan_includes_host (data))
        /* Translators: %s is a power with its unit, "245 W" */
        g_string_append_printf (notes, _("Power: %s per accelerator, all the energy the run "
                                         "measured (accelerators, CPU and memory) over its "
                                         "time, so the plan compares like with like."), power);
      else
        /* Translators: %s is a power with its unit, "245 W" */
        g_string_append_printf (notes, _("Power: %s per accelerator, the energy the run "
                                         "measured over its time."), power);
    }
  if (isfinite (inputs->intensity))
    {
      g_autofree char *intensity = hu_units_format_intensity (inputs->intensity, HU_UNITS_DEFAULT);

      if (notes->len > 0)
        g_string_append_c (notes, ' ');
      if (region != NULL)
        /* Translators: an intensity with its unit ("430 g CO₂eq/kWh"),
         * then a region's name */
        g_string_append_printf (notes, _("Carbon intensity: %s, implied by the log "
                                         "(emissions ÷ energy), used instead of the catalog’s "
                                         "figure for %s."), intensity,
                                hu_region_get_display_name (region));
      else
        /* Translators: an intensity with its unit, "430 g CO₂eq/kWh" */
        g_string_append_printf (notes, _("Carbon intensity: %s, implied by the log "
                                         "(emissions ÷ energy)."), intensity);
    }
  else if (region != NULL)
    {
      if (notes->len > 0)
        g_string_append_c (notes, ' ');
      /* Translators: %s is a region's name */
      g_string_append_printf (notes, _("Carbon intensity: the catalog’s figure for %s (the log "
                                       "gives no emissions)."),
                              hu_region_get_display_name (region));
    }
  return g_string_free (notes, FALSE);
}

/**
 * hu_run_plan_new_scenario:
 *
 * Adds a scenario planned from @run to @project, linked to it both ways.
 *
 * Returns: (transfer none): the new scenario
 */
HuScenario *
hu_run_plan_new_scenario (HuProject     *project,
                          HuMeasuredRun *run)
{
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  g_autofree char *notes = NULL;
  g_autoptr(HuScenario) scenario = NULL;
  HuInputs inputs;

  g_return_val_if_fail (HU_IS_PROJECT (project), NULL);
  g_return_val_if_fail (HU_IS_MEASURED_RUN (run), NULL);

  id = hu_project_unique_id (project, "plan");
  /* Translators: name of a scenario made from a measured run, %s is the run's name */
  name = g_strdup_printf (_("Plan from %s"), hu_measured_run_get_name (run));
  scenario = hu_scenario_new (id, name);

  hu_run_plan_inputs (run, hu_project_get_catalog (project), &inputs);
  hu_scenario_set_inputs (scenario, &inputs);
  notes = hu_run_plan_notes (run, hu_project_get_catalog (project), &inputs);
  hu_scenario_set_notes (scenario, notes);
  hu_inputs_clear (&inputs);

  /* Linked before it joins the project, so it appears complete. */
  hu_run_plan_link (project, scenario, run);
  g_list_store_append (hu_project_get_scenarios (project), scenario);
  return scenario;
}

HuMeasuredRun *
hu_run_plan_find_run (HuProject  *project,
                      const char *id)
{
  GListModel *runs;
  guint n;

  g_return_val_if_fail (HU_IS_PROJECT (project), NULL);

  if (id == NULL)
    return NULL;

  runs = G_LIST_MODEL (hu_project_get_runs (project));
  n = g_list_model_get_n_items (runs);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HuMeasuredRun) run = g_list_model_get_item (runs, i);

      if (g_strcmp0 (hu_measured_run_get_id (run), id) == 0)
        return run;   /* the project keeps it alive */
    }
  return NULL;
}

/**
 * hu_run_plan_linked_run:
 *
 * Returns: (transfer none) (nullable): the run @scenario compares with
 */
HuMeasuredRun *
hu_run_plan_linked_run (HuProject  *project,
                        HuScenario *scenario)
{
  g_return_val_if_fail (HU_IS_PROJECT (project), NULL);
  g_return_val_if_fail (HU_IS_SCENARIO (scenario), NULL);

  return hu_run_plan_find_run (project, hu_scenario_get_run_id (scenario));
}

/**
 * hu_run_plan_linked_scenario:
 *
 * Returns: (transfer none) (nullable): the scenario @run compares with
 */
HuScenario *
hu_run_plan_linked_scenario (HuProject     *project,
                             HuMeasuredRun *run)
{
  HuRunData *data;
  GListModel *scenarios;
  guint n;

  g_return_val_if_fail (HU_IS_PROJECT (project), NULL);
  g_return_val_if_fail (HU_IS_MEASURED_RUN (run), NULL);

  data = hu_measured_run_get_data (run);
  if (data->scenario_id != NULL)
    return hu_project_find_scenario (project, data->scenario_id);

  /* Files written by hand may link from the scenario's side only. */
  scenarios = G_LIST_MODEL (hu_project_get_scenarios (project));
  n = g_list_model_get_n_items (scenarios);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HuScenario) scenario = g_list_model_get_item (scenarios, i);

      if (g_strcmp0 (hu_scenario_get_run_id (scenario), hu_measured_run_get_id (run)) == 0)
        return scenario;
    }
  return NULL;
}

static void
set_run_scenario_id (HuMeasuredRun *run,
                     const char    *scenario_id)
{
  HuRunData *data = hu_measured_run_get_data (run);

  if (g_strcmp0 (data->scenario_id, scenario_id) == 0)
    return;
  g_free (data->scenario_id);
  data->scenario_id = g_strdup (scenario_id);
  hu_measured_run_changed (run);
}

/**
 * hu_run_plan_link:
 * @run: (nullable): the run to compare with, %NULL to unlink
 *
 * Links @scenario and @run both ways (the scenario's run_id and the run's
 * scenario_id), undoing any link either had with something else: a run is
 * compared with one plan at a time.
 */
void
hu_run_plan_link (HuProject     *project,
                  HuScenario    *scenario,
                  HuMeasuredRun *run)
{
  HuMeasuredRun *old_run;
  HuScenario *old_scenario;

  g_return_if_fail (HU_IS_PROJECT (project));
  g_return_if_fail (HU_IS_SCENARIO (scenario));
  g_return_if_fail (run == NULL || HU_IS_MEASURED_RUN (run));

  old_run = hu_run_plan_linked_run (project, scenario);
  if (old_run != NULL && old_run != run)
    set_run_scenario_id (old_run, NULL);

  if (run != NULL)
    {
      old_scenario = hu_run_plan_linked_scenario (project, run);
      if (old_scenario != NULL && old_scenario != scenario)
        hu_scenario_set_run_id (old_scenario, NULL);
      set_run_scenario_id (run, hu_scenario_get_id (scenario));
    }

  hu_scenario_set_run_id (scenario, run != NULL ? hu_measured_run_get_id (run) : NULL);
}

/**
 * hu_run_plan_compare:
 * @estimate: (nullable): the linked scenario's estimate
 *
 * Fills @comparison with the measured and estimated figures.
 */
void
hu_run_plan_compare (HuMeasuredRun    *run,
                     const HuEstimate *estimate,
                     HuRunComparison  *comparison)
{
  HuRunData *data;

  g_return_if_fail (HU_IS_MEASURED_RUN (run));
  g_return_if_fail (comparison != NULL);

  data = hu_measured_run_get_data (run);
  comparison->measured_kwh = data->energy_kwh;
  comparison->measured_kg = data->emissions_kg;
  comparison->measured_hours = data->duration_s / 3600.0;
  comparison->implied_power_w = hu_run_plan_implied_power (data);
  comparison->estimated_kwh = estimate != NULL ? estimate->energy_kwh : NAN;
  /* Trackers measure operational emissions only: compare like with like. */
  comparison->estimated_kg = estimate != NULL ? estimate->emissions_kg : NAN;
  comparison->estimated_hours = estimate != NULL ? estimate->wall_hours : NAN;
  comparison->implied_utilization = NAN;

  if (estimate != NULL && isfinite (estimate->flops) && isfinite (estimate->peak_tflops) &&
      estimate->peak_tflops > 0 && isfinite (data->duration_s) && data->duration_s > 0)
    {
      double count = isfinite (data->gpu_count) && data->gpu_count > 0 ? data->gpu_count
                                                                       : estimate->count;

      comparison->implied_utilization = estimate->flops /
                                        (estimate->peak_tflops * 1e12 * count * data->duration_s);
    }
}

/**
 * hu_run_plan_format_difference:
 *
 * How far the estimate is from the measurement, written as every change
 * against a baseline is (hu_format_change()): one decimal, so that the
 * rows of the measured-vs-estimated group line up ("+0.1 %" beside
 * "−0.1 %", not "+0.05 %" beside "−0.0726 %"), "same" under 0.05 %.
 *
 * Returns: (transfer full): "+12.3 %", "−3.0 %", "same", or "—" when
 *   either is unknown or the measurement is zero
 */
char *
hu_run_plan_format_difference (double measured,
                               double estimated)
{
  if (!isfinite (measured) || !isfinite (estimated) || measured == 0)
    return g_strdup ("—");
  return hu_format_change ((estimated - measured) / measured);
}
