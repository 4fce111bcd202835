/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "HuCountry"

/* Countries' names in the user's language. iso-codes (Debian's package,
 * also in GNOME's runtime) ships ISO 3166-1's names translated in the
 * gettext domain "iso_3166-1"; the catalog names a national grid by
 * its alpha-2 code ("grid/DE"), and that code finds the English name
 * iso-codes translates. Without iso-codes, or without a translation,
 * the catalog's own (English) name is shown. Machine formats (JSON, CSV)
 * keep the catalog's name: only what people read changes. */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "hu-country.h"

#define ISO_3166_DOMAIN "iso_3166-1"
/* ISO 3166-2, the countries' parts: "British Columbia" → "Columbia
 * Británica", "New York" → "Nueva York"; most keep their own name. */
#define ISO_3166_2_DOMAIN "iso_3166-2"

typedef struct {
  char        alpha2[3];
  const char *name;          /* iso-codes' "name", a message id */
  const char *common_name;   /* its "common_name", when it has one */
} Country;

/* Sorted by alpha-2 for bsearch(). Generated from iso-codes 4.15's
 * iso_3166-1.json (alpha_2, name, common_name). */
static const Country countries[] = {
  { "AD", "Andorra", NULL },
  { "AE", "United Arab Emirates", NULL },
  { "AF", "Afghanistan", NULL },
  { "AG", "Antigua and Barbuda", NULL },
  { "AI", "Anguilla", NULL },
  { "AL", "Albania", NULL },
  { "AM", "Armenia", NULL },
  { "AO", "Angola", NULL },
  { "AQ", "Antarctica", NULL },
  { "AR", "Argentina", NULL },
  { "AS", "American Samoa", NULL },
  { "AT", "Austria", NULL },
  { "AU", "Australia", NULL },
  { "AW", "Aruba", NULL },
  { "AX", "Åland Islands", NULL },
  { "AZ", "Azerbaijan", NULL },
  { "BA", "Bosnia and Herzegovina", NULL },
  { "BB", "Barbados", NULL },
  { "BD", "Bangladesh", NULL },
  { "BE", "Belgium", NULL },
  { "BF", "Burkina Faso", NULL },
  { "BG", "Bulgaria", NULL },
  { "BH", "Bahrain", NULL },
  { "BI", "Burundi", NULL },
  { "BJ", "Benin", NULL },
  { "BL", "Saint Barthélemy", NULL },
  { "BM", "Bermuda", NULL },
  { "BN", "Brunei Darussalam", NULL },
  { "BO", "Bolivia, Plurinational State of", "Bolivia" },
  { "BQ", "Bonaire, Sint Eustatius and Saba", NULL },
  { "BR", "Brazil", NULL },
  { "BS", "Bahamas", NULL },
  { "BT", "Bhutan", NULL },
  { "BV", "Bouvet Island", NULL },
  { "BW", "Botswana", NULL },
  { "BY", "Belarus", NULL },
  { "BZ", "Belize", NULL },
  { "CA", "Canada", NULL },
  { "CC", "Cocos (Keeling) Islands", NULL },
  { "CD", "Congo, The Democratic Republic of the", NULL },
  { "CF", "Central African Republic", NULL },
  { "CG", "Congo", NULL },
  { "CH", "Switzerland", NULL },
  { "CI", "Côte d'Ivoire", NULL },
  { "CK", "Cook Islands", NULL },
  { "CL", "Chile", NULL },
  { "CM", "Cameroon", NULL },
  { "CN", "China", NULL },
  { "CO", "Colombia", NULL },
  { "CR", "Costa Rica", NULL },
  { "CU", "Cuba", NULL },
  { "CV", "Cabo Verde", NULL },
  { "CW", "Curaçao", NULL },
  { "CX", "Christmas Island", NULL },
  { "CY", "Cyprus", NULL },
  { "CZ", "Czechia", NULL },
  { "DE", "Germany", NULL },
  { "DJ", "Djibouti", NULL },
  { "DK", "Denmark", NULL },
  { "DM", "Dominica", NULL },
  { "DO", "Dominican Republic", NULL },
  { "DZ", "Algeria", NULL },
  { "EC", "Ecuador", NULL },
  { "EE", "Estonia", NULL },
  { "EG", "Egypt", NULL },
  { "EH", "Western Sahara", NULL },
  { "ER", "Eritrea", NULL },
  { "ES", "Spain", NULL },
  { "ET", "Ethiopia", NULL },
  { "FI", "Finland", NULL },
  { "FJ", "Fiji", NULL },
  { "FK", "Falkland Islands (Malvinas)", NULL },
  { "FM", "Micronesia, Federated States of", NULL },
  { "FO", "Faroe Islands", NULL },
  { "FR", "France", NULL },
  { "GA", "Gabon", NULL },
  { "GB", "United Kingdom", NULL },
  { "GD", "Grenada", NULL },
  { "GE", "Georgia", NULL },
  { "GF", "French Guiana", NULL },
  { "GG", "Guernsey", NULL },
  { "GH", "Ghana", NULL },
  { "GI", "Gibraltar", NULL },
  { "GL", "Greenland", NULL },
  { "GM", "Gambia", NULL },
  { "GN", "Guinea", NULL },
  { "GP", "Guadeloupe", NULL },
  { "GQ", "Equatorial Guinea", NULL },
  { "GR", "Greece", NULL },
  { "GS", "South Georgia and the South Sandwich Islands", NULL },
  { "GT", "Guatemala", NULL },
  { "GU", "Guam", NULL },
  { "GW", "Guinea-Bissau", NULL },
  { "GY", "Guyana", NULL },
  { "HK", "Hong Kong", NULL },
  { "HM", "Heard Island and McDonald Islands", NULL },
  { "HN", "Honduras", NULL },
  { "HR", "Croatia", NULL },
  { "HT", "Haiti", NULL },
  { "HU", "Hungary", NULL },
  { "ID", "Indonesia", NULL },
  { "IE", "Ireland", NULL },
  { "IL", "Israel", NULL },
  { "IM", "Isle of Man", NULL },
  { "IN", "India", NULL },
  { "IO", "British Indian Ocean Territory", NULL },
  { "IQ", "Iraq", NULL },
  { "IR", "Iran, Islamic Republic of", "Iran" },
  { "IS", "Iceland", NULL },
  { "IT", "Italy", NULL },
  { "JE", "Jersey", NULL },
  { "JM", "Jamaica", NULL },
  { "JO", "Jordan", NULL },
  { "JP", "Japan", NULL },
  { "KE", "Kenya", NULL },
  { "KG", "Kyrgyzstan", NULL },
  { "KH", "Cambodia", NULL },
  { "KI", "Kiribati", NULL },
  { "KM", "Comoros", NULL },
  { "KN", "Saint Kitts and Nevis", NULL },
  { "KP", "Korea, Democratic People's Republic of", "North Korea" },
  { "KR", "Korea, Republic of", "South Korea" },
  { "KW", "Kuwait", NULL },
  { "KY", "Cayman Islands", NULL },
  { "KZ", "Kazakhstan", NULL },
  { "LA", "Lao People's Democratic Republic", "Laos" },
  { "LB", "Lebanon", NULL },
  { "LC", "Saint Lucia", NULL },
  { "LI", "Liechtenstein", NULL },
  { "LK", "Sri Lanka", NULL },
  { "LR", "Liberia", NULL },
  { "LS", "Lesotho", NULL },
  { "LT", "Lithuania", NULL },
  { "LU", "Luxembourg", NULL },
  { "LV", "Latvia", NULL },
  { "LY", "Libya", NULL },
  { "MA", "Morocco", NULL },
  { "MC", "Monaco", NULL },
  { "MD", "Moldova, Republic of", "Moldova" },
  { "ME", "Montenegro", NULL },
  { "MF", "Saint Martin (French part)", NULL },
  { "MG", "Madagascar", NULL },
  { "MH", "Marshall Islands", NULL },
  { "MK", "North Macedonia", NULL },
  { "ML", "Mali", NULL },
  { "MM", "Myanmar", NULL },
  { "MN", "Mongolia", NULL },
  { "MO", "Macao", NULL },
  { "MP", "Northern Mariana Islands", NULL },
  { "MQ", "Martinique", NULL },
  { "MR", "Mauritania", NULL },
  { "MS", "Montserrat", NULL },
  { "MT", "Malta", NULL },
  { "MU", "Mauritius", NULL },
  { "MV", "Maldives", NULL },
  { "MW", "Malawi", NULL },
  { "MX", "Mexico", NULL },
  { "MY", "Malaysia", NULL },
  { "MZ", "Mozambique", NULL },
  { "NA", "Namibia", NULL },
  { "NC", "New Caledonia", NULL },
  { "NE", "Niger", NULL },
  { "NF", "Norfolk Island", NULL },
  { "NG", "Nigeria", NULL },
  { "NI", "Nicaragua", NULL },
  { "NL", "Netherlands", NULL },
  { "NO", "Norway", NULL },
  { "NP", "Nepal", NULL },
  { "NR", "Nauru", NULL },
  { "NU", "Niue", NULL },
  { "NZ", "New Zealand", NULL },
  { "OM", "Oman", NULL },
  { "PA", "Panama", NULL },
  { "PE", "Peru", NULL },
  { "PF", "French Polynesia", NULL },
  { "PG", "Papua New Guinea", NULL },
  { "PH", "Philippines", NULL },
  { "PK", "Pakistan", NULL },
  { "PL", "Poland", NULL },
  { "PM", "Saint Pierre and Miquelon", NULL },
  { "PN", "Pitcairn", NULL },
  { "PR", "Puerto Rico", NULL },
  { "PS", "Palestine, State of", NULL },
  { "PT", "Portugal", NULL },
  { "PW", "Palau", NULL },
  { "PY", "Paraguay", NULL },
  { "QA", "Qatar", NULL },
  { "RE", "Réunion", NULL },
  { "RO", "Romania", NULL },
  { "RS", "Serbia", NULL },
  { "RU", "Russian Federation", NULL },
  { "RW", "Rwanda", NULL },
  { "SA", "Saudi Arabia", NULL },
  { "SB", "Solomon Islands", NULL },
  { "SC", "Seychelles", NULL },
  { "SD", "Sudan", NULL },
  { "SE", "Sweden", NULL },
  { "SG", "Singapore", NULL },
  { "SH", "Saint Helena, Ascension and Tristan da Cunha", NULL },
  { "SI", "Slovenia", NULL },
  { "SJ", "Svalbard and Jan Mayen", NULL },
  { "SK", "Slovakia", NULL },
  { "SL", "Sierra Leone", NULL },
  { "SM", "San Marino", NULL },
  { "SN", "Senegal", NULL },
  { "SO", "Somalia", NULL },
  { "SR", "Suriname", NULL },
  { "SS", "South Sudan", NULL },
  { "ST", "Sao Tome and Principe", NULL },
  { "SV", "El Salvador", NULL },
  { "SX", "Sint Maarten (Dutch part)", NULL },
  { "SY", "Syrian Arab Republic", "Syria" },
  { "SZ", "Eswatini", NULL },
  { "TC", "Turks and Caicos Islands", NULL },
  { "TD", "Chad", NULL },
  { "TF", "French Southern Territories", NULL },
  { "TG", "Togo", NULL },
  { "TH", "Thailand", NULL },
  { "TJ", "Tajikistan", NULL },
  { "TK", "Tokelau", NULL },
  { "TL", "Timor-Leste", NULL },
  { "TM", "Turkmenistan", NULL },
  { "TN", "Tunisia", NULL },
  { "TO", "Tonga", NULL },
  { "TR", "Türkiye", NULL },
  { "TT", "Trinidad and Tobago", NULL },
  { "TV", "Tuvalu", NULL },
  { "TW", "Taiwan, Province of China", "Taiwan" },
  { "TZ", "Tanzania, United Republic of", "Tanzania" },
  { "UA", "Ukraine", NULL },
  { "UG", "Uganda", NULL },
  { "UM", "United States Minor Outlying Islands", NULL },
  { "US", "United States", NULL },
  { "UY", "Uruguay", NULL },
  { "UZ", "Uzbekistan", NULL },
  { "VA", "Holy See (Vatican City State)", NULL },
  { "VC", "Saint Vincent and the Grenadines", NULL },
  { "VE", "Venezuela, Bolivarian Republic of", "Venezuela" },
  { "VG", "Virgin Islands, British", NULL },
  { "VI", "Virgin Islands, U.S.", NULL },
  { "VN", "Viet Nam", "Vietnam" },
  { "VU", "Vanuatu", NULL },
  { "WF", "Wallis and Futuna", NULL },
  { "WS", "Samoa", NULL },
  { "YE", "Yemen", NULL },
  { "YT", "Mayotte", NULL },
  { "ZA", "South Africa", NULL },
  { "ZM", "Zambia", NULL },
  { "ZW", "Zimbabwe", NULL },
};

static int
compare_code (const void *key,
              const void *element)
{
  return strcmp (key, ((const Country *) element)->alpha2);
}

/* iso-codes' translation of @msgid, or NULL when there is none (gettext
 * hands back the very pointer it was given). */
static const char *
translated_in (const char *domain,
               const char *msgid)
{
  const char *text;

  if (msgid == NULL)
    return NULL;
  text = g_dgettext (domain, msgid);
  return text != msgid ? text : NULL;
}

static const char *
translated (const char *msgid)
{
  return translated_in (ISO_3166_DOMAIN, msgid);
}

/**
 * hu_country_get_name:
 * @alpha2: an ISO 3166-1 alpha-2 code, "DE"
 *
 * The country's name as iso-codes translates it for the user's language:
 * its common name ("Bolivia") where that is translated, else its formal
 * one ("Corea, República de").
 *
 * Returns: (nullable): the translated name, or %NULL when the code is
 *   unknown or no translation is installed (English, or no iso-codes)
 */
static const Country *
lookup (const char *alpha2)
{
  if (alpha2 == NULL || strlen (alpha2) != 2)
    return NULL;
  return bsearch (alpha2, countries, G_N_ELEMENTS (countries), sizeof *countries, compare_code);
}

const char *
hu_country_get_name (const char *alpha2)
{
  const Country *country = lookup (alpha2);
  const char *text;

  if (country == NULL)
    return NULL;
  text = translated (country->common_name);
  return text != NULL ? text : translated (country->name);
}

/* "British Columbia, Canada" → "Columbia Británica, Canadá": a
 * sub-national grid names the country as the user says it when the name
 * ends with iso-codes' English name for it, and its part of the country
 * too where iso-codes translates that ("Vermont" stays; a utility's
 * service area, no ISO name, stays as the provider writes it). The
 * result is interned: a region list asks for the same few dozen names
 * again and again. */
static const char *
with_country_translated (const HuRegion *region)
{
  const Country *country = lookup (region->country);
  const char *english[2];
  const char *local = hu_country_get_name (region->country);

  if (country == NULL || local == NULL)
    return NULL;
  english[0] = country->common_name;
  english[1] = country->name;
  for (guint i = 0; i < G_N_ELEMENTS (english); i++)
    {
      g_autofree char *suffix = english[i] != NULL ? g_strconcat (", ", english[i], NULL) : NULL;
      g_autofree char *part = NULL;
      g_autofree char *name = NULL;
      const char *local_part;

      if (suffix == NULL || !g_str_has_suffix (region->name, suffix))
        continue;
      part = g_strndup (region->name, strlen (region->name) - strlen (suffix));
      local_part = translated_in (ISO_3166_2_DOMAIN, part);
      name = g_strdup_printf ("%s, %s", local_part != NULL ? local_part : part, local);
      return g_intern_string (name);
    }
  return NULL;
}

/**
 * hu_region_get_display_name:
 *
 * The name people read for @region: a national grid ("grid/DE") in the
 * user's language ("Alemania"); a sub-national grid as its provider
 * names it, its country in the user's language ("Vermont, Estados
 * Unidos"); cloud regions as their provider names them.
 *
 * Returns: (transfer none): the name
 */
const char *
hu_region_get_display_name (const HuRegion *region)
{
  const char *name;

  g_return_val_if_fail (region != NULL, NULL);

  if (region->country != NULL && g_str_has_prefix (region->id, "grid/") &&
      strcmp (region->id + strlen ("grid/"), region->country) == 0 &&
      (name = hu_country_get_name (region->country)) != NULL)
    return name;
  if (region->country != NULL && g_str_has_prefix (region->id, "grid/") &&
      (name = with_country_translated (region)) != NULL)
    return name;
  return region->name;
}
