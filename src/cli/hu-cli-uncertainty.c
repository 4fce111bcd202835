/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Ranges on the command line (issue 12): the flags, the parsing of
 * "low..likely..high" and the intervals in text and CSV. */

#define G_LOG_DOMAIN "huella-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "hu-cli-uncertainty.h"

/* JSON numbers are exact up to 2^53: a larger seed could not be read
 * back from the output that prints it. */
#define MAX_SEED G_GUINT64_CONSTANT (9007199254740991)

void
hu_cli_uncertainty_args_clear (HuCliUncertaintyArgs *args)
{
  g_clear_pointer (&args->samples, g_free);
  g_clear_pointer (&args->seed, g_free);
}

GOptionGroup *
hu_cli_uncertainty_group (HuCliUncertaintyArgs *args)
{
  GOptionEntry entries[] = {
    { "samples", 0, 0, G_OPTION_ARG_STRING, &args->samples,
      N_("Monte Carlo samples when a range applies (default 10000)"), "N" },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &args->seed,
      N_("Seed of the samples (default fixed: the same output every run)"), "S" },
    { "default-ranges", 0, 0, G_OPTION_ARG_NONE, &args->default_ranges,
      N_("Include the typical uncertainty of defaults (utilisation, power, PUE, grid intensity)"), NULL },
    { NULL }
  };
  GOptionGroup *group = g_option_group_new ("uncertainty", _("Uncertainty (any number may be LOW..HIGH or LOW..LIKELY..HIGH):"),
                                            _("Show uncertainty options"), NULL, NULL);

  g_option_group_add_entries (group, entries);
  g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);
  return group;
}

static gboolean
parse_count (const char  *flag,
             const char  *text,
             guint64      max,
             guint64      min,
             guint64     *out,
             GError     **error)
{
  g_autoptr(GError) local = NULL;

  if (!g_ascii_string_to_unsigned (text, 10, min, max, out, &local))
    {
      char lo[32], hi[32];

      g_snprintf (lo, sizeof lo, "%" G_GUINT64_FORMAT, min);
      g_snprintf (hi, sizeof hi, "%" G_GUINT64_FORMAT, max);
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   /* TRANSLATORS: "--samples: must be a whole number from 1 to 1000000" */
                   _("%s: must be a whole number from %s to %s"), flag, lo, hi);
      return FALSE;
    }
  return TRUE;
}

/**
 * hu_cli_uncertainty_options:
 *
 * Returns: FALSE with a usage error naming the flag.
 */
gboolean
hu_cli_uncertainty_options (const HuCliUncertaintyArgs *args,
                            HuUncertaintyOptions       *options,
                            GError                    **error)
{
  guint64 value;

  hu_uncertainty_options_init (options);
  options->default_ranges = args->default_ranges;
  if (args->samples)
    {
      if (!parse_count ("--samples", args->samples, HU_UNCERTAINTY_MAX_SAMPLES, 1, &value, error))
        return FALSE;
      options->samples = (guint) value;
    }
  if (args->seed)
    {
      if (!parse_count ("--seed", args->seed, MAX_SEED, 0, &value, error))
        return FALSE;
      options->seed = value;
    }
  return TRUE;
}

gboolean
hu_cli_set_input (HuInputs    *inputs,
                  HuInputKey   key,
                  const char  *text,
                  int         *exit_status,
                  GError     **error)
{
  g_autofree char *flag = g_strdup (hu_input_key_name (key));
  HuRange range;
  gboolean is_range;

  *exit_status = HU_EXIT_OK;
  if (text == NULL)
    return TRUE;
  g_strdelimit (flag, "_", '-');

  if (!hu_range_parse (text, &range, &is_range, error))
    {
      *exit_status = strstr (text, "..") ? HU_EXIT_USAGE : HU_EXIT_INPUT;
      g_prefix_error (error, "--%s: ", flag);
      return FALSE;
    }
  if (!is_range)
    {
      if (!hu_input_check_value (key, range.likely, error))
        {
          *exit_status = HU_EXIT_INPUT;
          return FALSE;
        }
      hu_inputs_set (inputs, key, range.likely);
      return TRUE;
    }
  /* The message starts with the input's name, which the caller turns
   * into the flag. */
  if (!hu_inputs_set_range (inputs, key, &range, error))
    {
      *exit_status = HU_EXIT_USAGE;
      return FALSE;
    }
  return TRUE;
}

char *
hu_cli_format_with_interval (double              value,
                             const HuInterval   *interval,
                             char             *(*format) (double))
{
  if (interval == NULL)
    return format (value);
  return hu_format_interval (value, interval->p05, interval->p95, format);
}

void
hu_cli_print_sensitivity (GString             *out,
                          const HuUncertainty *u)
{
  g_autoptr(HuCliTable) table = NULL;
  g_autofree char *samples = NULL;
  g_autofree char *seed = NULL;
  guint n_sources = 0;

  if (!hu_uncertainty_applies (u) || u->sensitivity->len == 0)
    return;

  table = hu_cli_table_new (4, _("Input"), _("Range"), _("CO₂eq at low"), _("CO₂eq at high"), NULL);
  hu_cli_table_set_right (table, 2);
  hu_cli_table_set_right (table, 3);
  for (guint i = 0; i < u->sensitivity->len; i++)
    {
      const HuSensitivity *s = &g_array_index (u->sensitivity, HuSensitivity, i);
      g_autofree char *range = hu_input_format_range (s->key, &s->range);
      g_autofree char *low = hu_format_mass_kg (s->low_kg);
      g_autofree char *high = hu_format_mass_kg (s->high_kg);
      g_autofree char *name = s->source ? g_strdup_printf ("%s [%u]", hu_input_key_name (s->key), ++n_sources)
                                        : g_strdup (hu_input_key_name (s->key));

      hu_cli_table_add_row (table, name, range, low, high, NULL);
    }

  samples = hu_format_fixed (u->samples, 0);
  g_string_append_printf (out, "\n%s\n", _("What matters most (total CO₂eq with one input at each end of its range, the others at their likely values)"));
  hu_cli_table_print (table, out);

  n_sources = 0;
  for (guint i = 0; i < u->sensitivity->len; i++)
    {
      const HuSensitivity *s = &g_array_index (u->sensitivity, HuSensitivity, i);
      if (s->source)
        g_string_append_printf (out, "[%u] %s\n", ++n_sources, s->source);
    }
  seed = g_strdup_printf ("%" G_GUINT64_FORMAT, u->seed);
  /* TRANSLATORS: the first %s is a number of samples, the second a seed */
  g_string_append_printf (out, _("Ranges are 5th–95th percentiles of %s Monte Carlo samples (seed %s).\n"),
                          samples, seed);
}

void
hu_cli_csv_interval_header (GString *out)
{
  for (guint o = 0; o < hu_uncertainty_get_n_outputs (); o++)
    g_string_append_printf (out, ",%s_p05,%s_p95", hu_uncertainty_output_name (o),
                            hu_uncertainty_output_name (o));
}

void
hu_cli_csv_interval_row (GString             *out,
                         const HuUncertainty *u)
{
  for (guint o = 0; o < hu_uncertainty_get_n_outputs (); o++)
    {
      const HuInterval *iv = u ? hu_uncertainty_get_interval (u, hu_uncertainty_output_name (o)) : NULL;

      g_string_append_c (out, ',');
      if (iv)
        hu_cli_csv_number (out, iv->p05);
      g_string_append_c (out, ',');
      if (iv)
        hu_cli_csv_number (out, iv->p95);
    }
}
