/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "huella-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "hu-cli.h"

typedef struct {
  char        *search;
  char        *format_text;
  HuCliFormat  format;
} ListArgs;

static int
parse_list_args (int          argc,
                 char       **argv,
                 const char  *summary,
                 ListArgs    *args)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "search", 0, 0, G_OPTION_ARG_STRING, &args->search, N_("Only entries whose id or name contains TEXT"), "TEXT" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &args->format_text, N_("text or json"), "F" },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!hu_cli_parse_flags_only (context, &argc, &argv))
    return HU_EXIT_USAGE;
  if (!hu_cli_parse_format (args->format_text, FALSE, FALSE, &args->format, &error))
    {
      hu_cli_usage_error (context, error->message);
      return HU_EXIT_USAGE;
    }
  return HU_EXIT_OK;
}

static char *
fmt_or_dash (double value)
{
  return isfinite (value) ? hu_format_number (value, 4) : g_strdup ("—");
}

/* What differs between `gpus` and `regions`; the rest is shared. */
typedef struct {
  const char *summary;
  const char *json_key;
  GPtrArray *(*search) (HuCatalog *catalog, const char *text);
  void       (*to_json) (gconstpointer entry, JsonBuilder *builder);
  HuCliTable *(*table) (GPtrArray *entries);
} ListCommand;

static HuCliTable *
gpu_table (GPtrArray *gpus)
{
  HuCliTable *table = hu_cli_table_new (10, "id", _("Name"), _("Year"), _("TDP W"), _("GB"),
                                        "fp32", "tf32", "fp16", "bf16", "fp8", NULL);

  for (guint c = 2; c < 10; c++)
    hu_cli_table_set_right (table, c);
  for (guint i = 0; i < gpus->len; i++)
    {
      HuGpu *g = gpus->pdata[i];
      GStrvBuilder *b = g_strv_builder_new ();

      g_strv_builder_add (b, g->id);
      g_strv_builder_add (b, g->name);
      hu_strv_builder_take (b, g->year ? g_strdup_printf ("%d", g->year) : g_strdup ("—"));
      /* TDP and peaks as the app's rows and the report write them. */
      hu_strv_builder_take (b, hu_units_format_watts (g->tdp_w, HU_UNITS_NUMBER));
      hu_strv_builder_take (b, fmt_or_dash (g->memory_gb));
      for (int p = 0; p < HU_N_PRECISIONS; p++)
        hu_strv_builder_take (b, hu_units_format_peak (g->peak_tflops[p], HU_UNITS_NUMBER));
      hu_cli_table_add_rowv (table, g_strv_builder_end (b));
      g_strv_builder_unref (b);
    }
  return table;
}

/* "2020 (grid)" when the source is undated and the year is the grid's. */
static char *
region_year (const HuRegion *r)
{
  if (r->year <= 0)
    return g_strdup ("—");
  if (r->year_grid != NULL)
    /* TRANSLATORS: a year taken from the grid the region sits in */
    return g_strdup_printf (_("%d (grid)"), r->year);
  return g_strdup_printf ("%d", r->year);
}

/* "location", "market", with why a figure is ranked last. */
static char *
region_basis (const HuRegion *r)
{
  const char *basis = r->basis == HU_BASIS_MARKET ? _("market") : _("location");
  g_autofree char *flag = hu_region_data_flag_describe (r->data_flag);

  return flag ? g_strdup_printf ("%s, %s", basis, flag) : g_strdup (basis);
}

static HuCliTable *
region_table (GPtrArray *regions)
{
  HuCliTable *table = hu_cli_table_new (7, "id", _("Name"), _("Country"),
                                        hu_units_intensity_symbol (HU_UNITS_DEFAULT),
                                        "PUE", _("Year"), _("Basis"), NULL);

  for (guint c = 3; c < 6; c++)
    hu_cli_table_set_right (table, c);
  for (guint i = 0; i < regions->len; i++)
    {
      HuRegion *r = regions->pdata[i];
      GStrvBuilder *b = g_strv_builder_new ();

      g_strv_builder_add (b, r->id);
      g_strv_builder_add (b, r->name);
      g_strv_builder_add (b, r->country ? r->country : "—");
      hu_strv_builder_take (b, hu_units_format_intensity (r->intensity, HU_UNITS_NUMBER));
      hu_strv_builder_take (b, hu_units_format_pue (r->pue, HU_UNITS_NUMBER));
      hu_strv_builder_take (b, region_year (r));
      hu_strv_builder_take (b, region_basis (r));
      hu_cli_table_add_rowv (table, g_strv_builder_end (b));
      g_strv_builder_unref (b);
    }
  return table;
}

static int
run_list (const ListCommand  *command,
          int                 argc,
          char              **argv)
{
  ListArgs args = { 0 };
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  int status;

  status = parse_list_args (argc, argv, _(command->summary), &args);
  if (status != HU_EXIT_OK)
    goto out;

  entries = command->search (hu_catalog_get_default (), args.search);

  if (args.format == HU_CLI_FORMAT_JSON)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autofree char *text = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, command->json_key);
      json_builder_begin_array (builder);
      for (guint i = 0; i < entries->len; i++)
        command->to_json (entries->pdata[i], builder);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      text = hu_cli_json_to_string (builder);
      g_string_append (out, text);
    }
  else
    {
      g_autoptr(HuCliTable) table = command->table (entries);
      hu_cli_table_print (table, out);
      hu_cli_make_printable (out);
    }

  status = hu_cli_write_stdout (out) ? HU_EXIT_OK : HU_EXIT_INPUT;

out:
  g_free (args.search);
  g_free (args.format_text);
  return status;
}

int
hu_cli_gpus (int    argc,
             char **argv)
{
  static const ListCommand command = {
    N_("List the accelerators of the catalog (dense peak TFLOP/s)."),
    "gpus",
    hu_catalog_search_gpus,
    (void (*) (gconstpointer, JsonBuilder *)) hu_gpu_to_json,
    gpu_table,
  };
  return run_list (&command, argc, argv);
}

int
hu_cli_regions (int    argc,
                char **argv)
{
  static const ListCommand command = {
    N_("List cloud regions and electricity grids with their carbon intensity."),
    "regions",
    hu_catalog_search_regions,
    (void (*) (gconstpointer, JsonBuilder *)) hu_region_to_json,
    region_table,
  };
  return run_list (&command, argc, argv);
}
