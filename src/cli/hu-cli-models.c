/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "huella-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "hu-cli.h"

/* The machine keys of ARCHITECTURE.md §8, in order; the CSV header and
 * the JSON object (hu_known_model_to_json()) share them. */
static const char *model_keys[] = {
  "name", "organization", "date", "domain", "parameters", "flops", "tokens", "hardware",
  "gpu", "count", "hours", "utilization", "country", "region", "confidence", "link",
};

static char *
fmt_or_dash (double value,
             int    significant)
{
  return isfinite (value) ? hu_format_number (value, significant) : g_strdup ("—");
}

/* The accelerator column says why a model has no catalog id: its
 * hardware is not in the catalog, or it names two devices. */
static char *
accelerator_cell (const HuKnownModel *m)
{
  if (m->gpu)
    return g_strdup (m->gpu);
  if (m->hardware == NULL)
    return g_strdup ("—");
  if (g_strcmp0 (m->hardware_match, "mixed") == 0)
    /* Translators: %s is the data's list of two devices */
    return g_strdup_printf (_("%s (mixed)"), m->hardware);
  /* Translators: %s is a device name from the data */
  return g_strdup_printf (_("%s (not in catalog)"), m->hardware);
}

static void
models_text (GString   *out,
             GPtrArray *models)
{
  g_autoptr(HuCliTable) table = hu_cli_table_new (8, _("Name"), _("Organisation"), _("Date"),
                                                  _("FLOP"), _("Accelerator"), _("Count"),
                                                  _("Utilisation"), _("Confidence"), NULL);

  hu_cli_table_set_right (table, 3);
  hu_cli_table_set_right (table, 5);
  hu_cli_table_set_right (table, 6);
  for (guint i = 0; i < models->len; i++)
    {
      HuKnownModel *m = models->pdata[i];
      GStrvBuilder *b = g_strv_builder_new ();

      g_strv_builder_add (b, m->name);
      /* A dozen organisations would make the column hundreds of
       * characters wide; --format csv and json keep them all. */
      {
        char *org = hu_known_model_get_short_organization (m, 40);

        hu_strv_builder_take (b, org != NULL ? org : g_strdup ("—"));
      }
      g_strv_builder_add (b, m->date ? m->date : "—");
      hu_strv_builder_take (b, hu_format_scientific (m->flops));
      hu_strv_builder_take (b, accelerator_cell (m));
      hu_strv_builder_take (b, fmt_or_dash (m->count, 6));
      hu_strv_builder_take (b, isfinite (m->utilization) ? hu_format_percent (m->utilization)
                                                         : g_strdup ("—"));
      g_strv_builder_add (b, m->confidence ? m->confidence : "—");
      hu_cli_table_add_rowv (table, g_strv_builder_end (b));
      g_strv_builder_unref (b);
    }
  hu_cli_table_print (table, out);
  /* Epoch AI's data are CC BY 4.0: the credit goes wherever they are shown. */
  g_string_append_printf (out, "\n%s\n", _("Data: Epoch AI, Notable AI Models (CC BY 4.0)"));
}

static void
models_json (GString   *out,
             GPtrArray *models)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "models");
  json_builder_begin_array (builder);
  for (guint i = 0; i < models->len; i++)
    hu_known_model_to_json (models->pdata[i], builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  text = hu_cli_json_to_string (builder);
  g_string_append (out, text);
}

static void
models_csv (GString   *out,
            GPtrArray *models)
{
  for (guint k = 0; k < G_N_ELEMENTS (model_keys); k++)
    g_string_append_printf (out, "%s%c", model_keys[k], k + 1 < G_N_ELEMENTS (model_keys) ? ',' : '\n');

  for (guint i = 0; i < models->len; i++)
    {
      HuKnownModel *m = models->pdata[i];
      const char *strings[] = { m->name, m->organization, m->date, m->domain };
      const double numbers[] = { m->parameters, m->flops, m->tokens };
      const char *more[] = { m->hardware, m->gpu };
      const double counts[] = { m->count, m->hours, m->utilization };
      const char *last[] = { m->country, m->region, m->confidence, m->link };

      for (guint k = 0; k < G_N_ELEMENTS (strings); k++, g_string_append_c (out, ','))
        hu_cli_csv_field (out, strings[k]);
      for (guint k = 0; k < G_N_ELEMENTS (numbers); k++, g_string_append_c (out, ','))
        hu_cli_csv_number (out, numbers[k]);
      for (guint k = 0; k < G_N_ELEMENTS (more); k++, g_string_append_c (out, ','))
        hu_cli_csv_field (out, more[k]);
      for (guint k = 0; k < G_N_ELEMENTS (counts); k++, g_string_append_c (out, ','))
        hu_cli_csv_number (out, counts[k]);
      for (guint k = 0; k < G_N_ELEMENTS (last); k++)
        {
          hu_cli_csv_field (out, last[k]);
          g_string_append_c (out, k + 1 < G_N_ELEMENTS (last) ? ',' : '\n');
        }
    }
}

int
hu_cli_models (int    argc,
               char **argv)
{
  g_autofree char *search = NULL;
  g_autofree char *format_text = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) models = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  HuCliFormat format;
  GOptionEntry entries[] = {
    { "search", 0, 0, G_OPTION_ARG_STRING, &search,
      N_("Only models whose name or organisation contains TEXT (accents and case ignored)"), "TEXT" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_("text, json or csv"), "F" },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("List published training runs (Epoch AI’s Notable AI Models, "
                                  "CC BY 4.0) and models of the user catalog."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!hu_cli_parse_flags_only (context, &argc, &argv))
    return HU_EXIT_USAGE;
  if (!hu_cli_parse_format (format_text, TRUE, FALSE, &format, &error))
    {
      hu_cli_usage_error (context, error->message);
      return HU_EXIT_USAGE;
    }

  models = hu_catalog_search_models (hu_catalog_get_default (), search);
  switch (format)
    {
    case HU_CLI_FORMAT_JSON:
      models_json (out, models);
      break;
    case HU_CLI_FORMAT_CSV:
      models_csv (out, models);
      break;
    case HU_CLI_FORMAT_TEXT:
    case HU_CLI_FORMAT_MARKDOWN:
    default:
      models_text (out, models);
      break;
    }
  return hu_cli_write_stdout (out) ? HU_EXIT_OK : HU_EXIT_INPUT;
}
