/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Huella-Catalog"

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "hu-citation.h"
#include "hu-core.h"

/*
 * Citations people read, in their language. The catalog's short citations
 * ("NVIDIA H100 datasheet, 2022") are data in English; the words around
 * the proper names ("datasheet", "after", "vintage") come from a small set
 * of translatable templates, and the names, titles and years are kept as
 * they are: "Hoja de datos de NVIDIA H100, 2022". "et al." is kept: the
 * Spanish edition of the APA manual and the RAE's list of abbreviations
 * write it in Spanish texts as in English ("Jouppi et al."), while "c."
 * (circa) becomes "h." (hacia). The catalog and every
 * machine format (JSON, CSV) keep the English; the full provenance of each
 * entry stays in SOURCES.md and the entries' details.
 */

/* Templates, tried in this order on a citation (or a part of one): each
 * %s is a part that is itself localized, unless it is a year. The more
 * specific come first ("%s datasheets and documentation" before
 * "%s and %s"). */
static const char * const templates[] = {
  /* Translators: in data-source citations, %s are names, titles or years
   * kept as they are: "Green Algorithms 3.0 reference values, after UK
   * GHG conversion factors 2020" */
  N_("%s, after %s"),
  /* Translators: a data-source citation: "US EPA Greenhouse Gas
   * Equivalencies, as used by ML CO2 Impact" */
  N_("%s, as used by %s"),
  /* Translators: a data-source citation: "Green Algorithms 3.0, data 2020" */
  N_("%s, data %s"),
  /* Translators: a data-source citation: "Our World in Data, from Ember and
   * the Energy Institute" */
  N_("%s, from %s"),
  /* Translators: a data-source citation: "Google Cloud region carbon data,
   * lifecycle" (lifecycle emissions of the grid, not only combustion) */
  N_("%s, lifecycle"),
  /* Translators: a data-source citation: "ML CO2 Impact, provider's
   * carbon-free energy claim" */
  N_("%s, provider's carbon-free energy claim"),
  /* Translators: a data source's years: "data 2018–2022" */
  N_("data %s"),
  /* Translators: a year given roughly, "c. 2021" (circa): in Spanish
   * "h. 2021" (hacia), the Spanish abbreviation of the RAE's list; the
   * Latin "c." would be set in italics there, which a citation cannot */
  N_("c. %s"),
  /* Translators: where a data source's figures come from: "from Our World
   * in Data" */
  N_("from %s"),
  /* Translators: a part of a data source's years: "US: US EPA eGRID NERC
   * factors" (for the United States) */
  N_("US: %s"),
  /* Translators: a data-source citation: "NVIDIA, AMD, Intel and Google
   * datasheets and documentation" */
  N_("%s datasheets and documentation"),
  /* Translators: a data-source citation: "NVIDIA Ampere GA102 architecture
   * whitepaper" */
  N_("%s architecture whitepaper"),
  /* Translators: a data-source citation: "NVIDIA H100 datasheet" */
  N_("%s datasheet"),
  /* Translators: a data-source citation: "NVIDIA H200 specifications" */
  N_("%s specifications"),
  /* Translators: a data-source citation: "Intel Gaudi 2 white paper" */
  N_("%s white paper"),
  /* Translators: a data-source citation: "Google Cloud TPU documentation" */
  N_("%s documentation"),
  /* Translators: a data-source citation: "Green Algorithms 3.0 reference
   * values" */
  N_("%s reference values"),
  /* Translators: a data-source citation: "Google data centre efficiency" */
  N_("%s data centre efficiency"),
  /* Translators: a data-source citation: "Amazon sustainability report" */
  N_("%s sustainability report"),
  /* Translators: a data-source citation: "Epoch AI machine learning
   * hardware data" */
  N_("%s machine learning hardware data"),
  /* Translators: a data-source citation: "Google Cloud region carbon data" */
  N_("%s region carbon data"),
  /* Translators: a data-source citation: "CodeCarbon energy mix" */
  N_("%s energy mix"),
  /* Translators: a data-source citation: "Cloud Carbon Footprint
   * coefficients" */
  N_("%s coefficients"),
  /* Translators: a data-source citation: "ML CO2 Impact calculator" */
  N_("%s calculator"),
  /* Translators: publishers of a data source: "Thoughtworks and
   * contributors" */
  N_("%s and contributors"),
  /* Translators: publishers of a data source: "Google, Amazon and Microsoft
   * disclosures" */
  N_("%s disclosures"),
  /* Translators: a data source's years: "2016–2022 factors" */
  N_("%s factors"),
  /* Translators: an edition of a data source: "eGRID2022 vintage" */
  N_("%s vintage"),
  /* Translators: the edition of a data source: "April 2025" (a snapshot
   * of a dataset); %s is the year */
  N_("January %s"), N_("February %s"), N_("March %s"), N_("April %s"), N_("May %s"),
  N_("June %s"), N_("July %s"), N_("August %s"), N_("September %s"), N_("October %s"),
  N_("November %s"), N_("December %s"),
  /* Translators: names in a data-source citation: "Ember and the Energy
   * Institute" */
  N_("%s and the %s"),
  /* Translators: names in a data-source citation: "Our World in Data and
   * Ember", "Lacoste, Luccioni, Schmidt and Dandres" */
  N_("%s and %s"),
};

/* Whole phrases of the data sources with no name to keep, looked up as
 * they are (the table of SOURCES.md without its Markdown). */
static const char * const phrases[] G_GNUC_UNUSED = {
  /* Translators: data sources in the About window and in reports */
  N_("Carbon intensity of electricity"),
  N_("Accelerator specifications"),
  N_("Data-centre PUE"),
  N_("Seed article"),
  N_("publisher not verified"),
  N_("the seed article"),
  N_("undated"),
  N_("latest used"),
  N_("US Government work, public domain"),
  N_("facts from vendor documents"),
  N_("Epoch AI data CC BY 4.0"),
  N_("facts from publisher statements"),
  N_("energy mix derived from Our World in Data, CC BY 4.0"),
  /* Translators: what Huella uses a data source for (About window) */
  N_("GCP regions (current value: 2024 grid intensity; 2019–2020 are lifecycle values)"),
  N_("AWS and Azure regions; GCP region PUE (trailing-twelve-month)"),
  N_("Region history; two Azure regions"),
  N_("Region history; CoreWeave, OVHcloud, Scaleway, Seeweb; GPU cross-checks"),
  N_("Grid history"),
  N_("Sub-national grids (US states, Canadian provinces, Australian states, Hong Kong "
     "utilities); some Azure regions; equivalence set green-algorithms; PUE defaults"),
  N_("National grids grid/XX and grid/WORLD"),
  N_("Equivalence sets epa-current, epa-2021"),
  N_("gpus.json (dense peak TFLOPS, TDP, memory)"),
  N_("pue.json provider defaults and alternatives"),
  N_("models.json: 483 published training runs (compute, hardware, time, utilisation) for "
     "context and “Add a known model”"),
};

static char *localize (const char *text, gsize len);

/* "2022", "2019–2024", "2018-2022": kept as written. */
static gboolean
is_year (const char *text,
         gsize       len)
{
  gsize digits = 0;

  if (len == 0 || !g_ascii_isdigit (text[0]))
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      if (g_ascii_isdigit (text[i]))
        digits++;
      else if (text[i] != '-' && !(i + 3 <= len && memcmp (text + i, "\xe2\x80\x93", 3) == 0))
        return FALSE;
      else if (text[i] != '-')
        i += 2;
    }
  return digits == 4 || digits == 8;
}

static char *
localize_part (const char *text,
               gsize       len)
{
  if (is_year (text, len))
    return g_strndup (text, len);
  return localize (text, len);
}

/* Writes @translation with its %s (or %1$s, %2$s) replaced by @parts. */
static char *
fill (const char *translation,
      char      **parts,
      guint       n_parts)
{
  GString *out = g_string_new (NULL);
  guint next = 0;

  for (const char *p = translation; *p != '\0'; p++)
    {
      if (p[0] == '%' && p[1] == 's')
        {
          if (next < n_parts)
            g_string_append (out, parts[next]);
          next++;
          p++;
        }
      else if (p[0] == '%' && g_ascii_isdigit (p[1]) && p[2] == '$' && p[3] == 's')
        {
          guint n = p[1] - '1';

          if (n < n_parts)
            g_string_append (out, parts[n]);
          p += 3;
        }
      else if (p[0] == '%' && p[1] == '%')
        {
          g_string_append_c (out, '%');
          p++;
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* Matches @text (of @len bytes) against the English @pattern, whose one or
 * two %s stand for non-empty parts; a middle literal is found at its first
 * place. Returns the localized text, or NULL. */
static char *
try_template (const char *pattern,
              const char *text,
              gsize       len)
{
  g_auto(GStrv) literals = g_strsplit (pattern, "%s", -1);
  guint n_parts = g_strv_length (literals) - 1;
  gsize head = strlen (literals[0]);
  gsize tail = strlen (literals[n_parts]);
  const char *from, *to;
  char *parts[2] = { NULL, NULL };
  char *result;

  if (n_parts < 1 || n_parts > 2 || len < head + tail + n_parts ||
      strncmp (text, literals[0], head) != 0 ||
      strncmp (text + len - tail, literals[n_parts], tail) != 0)
    return NULL;

  from = text + head;
  to = text + len - tail;
  if (n_parts == 1)
    parts[0] = localize_part (from, to - from);
  else
    {
      gsize middle = strlen (literals[1]);
      const char *at = NULL;

      for (const char *p = from + 1; p + middle < to; p++)
        if (strncmp (p, literals[1], middle) == 0)
          {
            at = p;
            break;
          }
      if (at == NULL)
        return NULL;
      parts[0] = localize_part (from, at - from);
      parts[1] = localize_part (at + middle, to - (at + middle));
    }

  result = fill (g_dgettext (GETTEXT_PACKAGE, pattern), parts, n_parts);
  g_free (parts[0]);
  g_free (parts[1]);
  return result;
}

static char *
localize (const char *text,
          gsize       len)
{
  g_autofree char *whole = g_strndup (text, len);
  const char *translated;
  const char *cut;

  if (len == 0)
    return g_steal_pointer (&whole);

  /* A phrase translated as a whole. */
  translated = g_dgettext (GETTEXT_PACKAGE, whole);
  if (translated != whole)
    return g_strdup (translated);

  /* "…; PUE: Cloud Carbon Footprint": two citations. */
  if ((cut = strstr (whole, "; ")) != NULL)
    {
      g_autofree char *left = localize (whole, cut - whole);
      g_autofree char *right = localize (cut + 2, len - (cut + 2 - whole));

      return g_strconcat (left, "; ", right, NULL);
    }

  /* "…, 2022": the year of what precedes it. */
  if ((cut = g_strrstr (whole, ", ")) != NULL && is_year (cut + 2, len - (cut + 2 - whole)))
    {
      g_autofree char *left = localize (whole, cut - whole);

      return g_strconcat (left, cut, NULL);
    }

  /* "… (eGRID2022 vintage)": what is in brackets is localized apart. */
  if (whole[len - 1] == ')' && (cut = g_strrstr (whole, " (")) != NULL && cut > whole)
    {
      g_autofree char *left = localize (whole, cut - whole);
      g_autofree char *inside = localize_part (cut + 2, len - (cut + 2 - whole) - 1);

      return g_strdup_printf ("%s (%s)", left, inside);
    }

  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    {
      char *result = try_template (templates[i], whole, len);

      if (result != NULL)
        return result;
    }

  /* "Seed article, Chile": parts named one after the other. */
  if ((cut = strstr (whole, ", ")) != NULL && cut > whole)
    {
      g_autofree char *left = localize (whole, cut - whole);
      g_autofree char *right = localize_part (cut + 2, len - (cut + 2 - whole));

      return g_strconcat (left, ", ", right, NULL);
    }
  return g_steal_pointer (&whole);
}

/**
 * hu_citation_localize:
 * @citation: (nullable): a short citation from the catalog, in English
 *
 * The citation in the user's language: the words around the proper names
 * translated, the names, titles and years as they are. In English, or for
 * a citation no template fits, @citation itself.
 *
 * Returns: (transfer full) (nullable): the citation for people
 */
char *
hu_citation_localize (const char *citation)
{
  /* Every estimate cites its sources: each citation is localized once
   * per language. The cache is dropped when the language changes (the
   * translation of a template says which is in use); estimates run on
   * worker threads too, hence the lock. */
  static GMutex lock;
  static GHashTable *cache;
  static const char *language;
  const char *now;
  char *result;

  if (citation == NULL)
    return NULL;
  hu_core_init ();

  now = g_dgettext (GETTEXT_PACKAGE, templates[0]);
  g_mutex_lock (&lock);
  if (cache == NULL || now != language)
    {
      g_clear_pointer (&cache, g_hash_table_unref);
      cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      language = now;
    }
  result = g_strdup (g_hash_table_lookup (cache, citation));
  if (result == NULL)
    {
      result = localize (citation, strlen (citation));
      /* Bounded: citations come from the catalog and the user's files. */
      if (g_hash_table_size (cache) > 4096)
        g_hash_table_remove_all (cache);
      g_hash_table_insert (cache, g_strdup (citation), g_strdup (result));
    }
  g_mutex_unlock (&lock);
  return result;
}

void
hu_data_source_free (HuDataSource *source)
{
  if (source == NULL)
    return;
  g_free (source->dataset);
  g_free (source->publisher);
  g_free (source->years);
  g_free (source->licence);
  g_free (source->used_for);
  g_free (source);
}

/* A cell of the table, without its Markdown (`code`, *emphasis*). */
static char *
plain_cell (const char *cell,
            gboolean    localized)
{
  GString *out = g_string_new (NULL);
  g_autofree char *plain = NULL;

  for (const char *p = cell; *p != '\0'; p++)
    if (*p != '`' && *p != '*')
      g_string_append_c (out, *p);
  plain = g_strstrip (g_string_free (out, FALSE));
  return localized ? hu_citation_localize (plain) : g_steal_pointer (&plain);
}

/**
 * hu_data_sources_list:
 * @localized: whether to render the cells in the user's language
 *
 * The datasets the catalog was built from, as the table of the catalog's
 * SOURCES.md lists them (| Dataset | Publisher | Year | Licence | Used
 * for | …), so that the About window and reports cite exactly the data
 * compiled into this build.
 *
 * Returns: (transfer full) (element-type HuDataSource): the data sources
 */
GPtrArray *
hu_data_sources_list (gboolean localized)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) hu_data_source_free);
  g_autoptr(GBytes) bytes = NULL;
  g_auto(GStrv) lines = NULL;
  gboolean in_table = FALSE;

  hu_core_init ();
  bytes = g_resources_lookup_data ("/io/github/huella/Huella/catalog/SOURCES.md",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes == NULL)
    return list;

  lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cells = NULL;
      HuDataSource *source;

      if (!g_str_has_prefix (lines[i], "|"))
        {
          in_table = FALSE;
          continue;
        }
      if (g_str_has_prefix (lines[i], "|---") || g_str_has_prefix (lines[i], "| ---"))
        {
          in_table = TRUE;
          continue;
        }
      if (!in_table)
        continue;
      cells = g_strsplit (lines[i], "|", -1);
      if (g_strv_length (cells) < 7)
        continue;

      source = g_new0 (HuDataSource, 1);
      source->dataset = plain_cell (cells[1], localized);
      source->publisher = plain_cell (cells[2], localized);
      source->years = plain_cell (cells[3], localized);
      source->licence = plain_cell (cells[4], localized);
      source->used_for = plain_cell (cells[5], localized);
      g_ptr_array_add (list, source);
    }
  return list;
}
