/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "HuCurrencies"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hu-currencies.h"
#include "hu-widgets.h"

/* Active ISO 4217 currencies, generated from iso-codes' iso_4217.json
 * without funds, metals and testing codes: the codes a price can be in.
 * Names are iso-codes' own, translated through its "iso_4217" domain
 * where installed. */
typedef struct {
  const char *code;   /* ISO 4217 alpha-3 */
  const char *name;   /* untranslated, iso-codes' spelling */
} HuCurrency;

static const HuCurrency currencies[] = {
  { "AED", "UAE Dirham" },
  { "AFN", "Afghani" },
  { "ALL", "Lek" },
  { "AMD", "Armenian Dram" },
  { "ANG", "Netherlands Antillean Guilder" },
  { "AOA", "Kwanza" },
  { "ARS", "Argentine Peso" },
  { "AUD", "Australian Dollar" },
  { "AWG", "Aruban Florin" },
  { "AZN", "Azerbaijan Manat" },
  { "BAM", "Convertible Mark" },
  { "BBD", "Barbados Dollar" },
  { "BDT", "Taka" },
  { "BGN", "Bulgarian Lev" },
  { "BHD", "Bahraini Dinar" },
  { "BIF", "Burundi Franc" },
  { "BMD", "Bermudian Dollar" },
  { "BND", "Brunei Dollar" },
  { "BOB", "Boliviano" },
  { "BRL", "Brazilian Real" },
  { "BSD", "Bahamian Dollar" },
  { "BTN", "Ngultrum" },
  { "BWP", "Pula" },
  { "BYN", "Belarusian Ruble" },
  { "BZD", "Belize Dollar" },
  { "CAD", "Canadian Dollar" },
  { "CDF", "Congolese Franc" },
  { "CHF", "Swiss Franc" },
  { "CLP", "Chilean Peso" },
  { "CNY", "Yuan Renminbi" },
  { "COP", "Colombian Peso" },
  { "CRC", "Costa Rican Colon" },
  { "CUC", "Peso Convertible" },
  { "CUP", "Cuban Peso" },
  { "CVE", "Cabo Verde Escudo" },
  { "CZK", "Czech Koruna" },
  { "DJF", "Djibouti Franc" },
  { "DKK", "Danish Krone" },
  { "DOP", "Dominican Peso" },
  { "DZD", "Algerian Dinar" },
  { "EGP", "Egyptian Pound" },
  { "ERN", "Nakfa" },
  { "ETB", "Ethiopian Birr" },
  { "EUR", "Euro" },
  { "FJD", "Fiji Dollar" },
  { "FKP", "Falkland Islands Pound" },
  { "GBP", "Pound Sterling" },
  { "GEL", "Lari" },
  { "GHS", "Ghana Cedi" },
  { "GIP", "Gibraltar Pound" },
  { "GMD", "Dalasi" },
  { "GNF", "Guinean Franc" },
  { "GTQ", "Quetzal" },
  { "GYD", "Guyana Dollar" },
  { "HKD", "Hong Kong Dollar" },
  { "HNL", "Lempira" },
  { "HRK", "Kuna" },
  { "HTG", "Gourde" },
  { "HUF", "Forint" },
  { "IDR", "Rupiah" },
  { "ILS", "New Israeli Sheqel" },
  { "INR", "Indian Rupee" },
  { "IQD", "Iraqi Dinar" },
  { "IRR", "Iranian Rial" },
  { "ISK", "Iceland Krona" },
  { "JMD", "Jamaican Dollar" },
  { "JOD", "Jordanian Dinar" },
  { "JPY", "Yen" },
  { "KES", "Kenyan Shilling" },
  { "KGS", "Som" },
  { "KHR", "Riel" },
  { "KMF", "Comorian Franc" },
  { "KPW", "North Korean Won" },
  { "KRW", "Won" },
  { "KWD", "Kuwaiti Dinar" },
  { "KYD", "Cayman Islands Dollar" },
  { "KZT", "Tenge" },
  { "LAK", "Lao Kip" },
  { "LBP", "Lebanese Pound" },
  { "LKR", "Sri Lanka Rupee" },
  { "LRD", "Liberian Dollar" },
  { "LSL", "Loti" },
  { "LYD", "Libyan Dinar" },
  { "MAD", "Moroccan Dirham" },
  { "MDL", "Moldovan Leu" },
  { "MGA", "Malagasy Ariary" },
  { "MKD", "Denar" },
  { "MMK", "Kyat" },
  { "MNT", "Tugrik" },
  { "MOP", "Pataca" },
  { "MRU", "Ouguiya" },
  { "MUR", "Mauritius Rupee" },
  { "MVR", "Rufiyaa" },
  { "MWK", "Malawi Kwacha" },
  { "MXN", "Mexican Peso" },
  { "MYR", "Malaysian Ringgit" },
  { "MZN", "Mozambique Metical" },
  { "NAD", "Namibia Dollar" },
  { "NGN", "Naira" },
  { "NIO", "Cordoba Oro" },
  { "NOK", "Norwegian Krone" },
  { "NPR", "Nepalese Rupee" },
  { "NZD", "New Zealand Dollar" },
  { "OMR", "Rial Omani" },
  { "PAB", "Balboa" },
  { "PEN", "Sol" },
  { "PGK", "Kina" },
  { "PHP", "Philippine Peso" },
  { "PKR", "Pakistan Rupee" },
  { "PLN", "Zloty" },
  { "PYG", "Guarani" },
  { "QAR", "Qatari Rial" },
  { "RON", "Romanian Leu" },
  { "RSD", "Serbian Dinar" },
  { "RUB", "Russian Ruble" },
  { "RWF", "Rwanda Franc" },
  { "SAR", "Saudi Riyal" },
  { "SBD", "Solomon Islands Dollar" },
  { "SCR", "Seychelles Rupee" },
  { "SDG", "Sudanese Pound" },
  { "SEK", "Swedish Krona" },
  { "SGD", "Singapore Dollar" },
  { "SHP", "Saint Helena Pound" },
  { "SLE", "Leone" },
  { "SLL", "Leone" },
  { "SOS", "Somali Shilling" },
  { "SRD", "Surinam Dollar" },
  { "SSP", "South Sudanese Pound" },
  { "STN", "Dobra" },
  { "SVC", "El Salvador Colon" },
  { "SYP", "Syrian Pound" },
  { "SZL", "Lilangeni" },
  { "THB", "Baht" },
  { "TJS", "Somoni" },
  { "TMT", "Turkmenistan New Manat" },
  { "TND", "Tunisian Dinar" },
  { "TOP", "Pa’anga" },
  { "TRY", "Turkish Lira" },
  { "TTD", "Trinidad and Tobago Dollar" },
  { "TWD", "New Taiwan Dollar" },
  { "TZS", "Tanzanian Shilling" },
  { "UAH", "Hryvnia" },
  { "UGX", "Uganda Shilling" },
  { "USD", "US Dollar" },
  { "UYU", "Peso Uruguayo" },
  { "UZS", "Uzbekistan Sum" },
  { "VED", "Bolívar Soberano" },
  { "VES", "Bolívar Soberano" },
  { "VND", "Dong" },
  { "VUV", "Vatu" },
  { "WST", "Tala" },
  { "XAF", "CFA Franc BEAC" },
  { "XCD", "East Caribbean Dollar" },
  { "XOF", "CFA Franc BCEAO" },
  { "XPF", "CFP Franc" },
  { "YER", "Yemeni Rial" },
  { "ZAR", "Rand" },
  { "ZMW", "Zambian Kwacha" },
  { "ZWL", "Zimbabwe Dollar" },
};

/**
 * hu_currency_display_name:
 *
 * Returns: (transfer full): "EUR · Euro", or the code alone when unknown
 */
char *
hu_currency_display_name (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (currencies); i++)
    if (g_strcmp0 (currencies[i].code, code) == 0)
      /* Translators: a currency's ISO 4217 code and name, "EUR · Euro" */
      return g_strdup_printf (_("%s · %s"), currencies[i].code,
                              g_dgettext ("iso_4217", currencies[i].name));
  return g_strdup (code);
}

static void
setup_code_item (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  /* At the start, as the entry's text above it in the title's popover. */
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

/* The button shows the code alone ("USD"): "USD · Dólar estadounidense"
 * squeezed the row's title to a word a line at 360 px. The names, "EUR ·
 * Euro" (hu_currency_display_name()), start with the code. */
static void
bind_code_item (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  const char *name = gtk_string_object_get_string (gtk_list_item_get_item (item));
  g_autofree char *code = g_strndup (name, strcspn (name, " "));

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), code);
}

/**
 * hu_currencies_fill_drop_down:
 * @dropdown: a drop-down with a #GtkStringObject expression, for search
 * @current: (nullable): the code to select
 *
 * Gives @dropdown the ISO 4217 currencies, "EUR · Euro" in its list and
 * the code alone on its button, selecting @current. Preferences and the
 * project's own currency choose from the same list this way.
 */
void
hu_currencies_fill_drop_down (GtkDropDown *dropdown,
                              const char  *current)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) list_factory = hu_widgets_new_wrapping_list_factory (NULL, NULL);

  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));

  for (guint i = 0; i < G_N_ELEMENTS (currencies); i++)
    {
      g_autofree char *name = hu_currency_display_name (currencies[i].code);

      gtk_string_list_append (names, name);
    }
  g_signal_connect (factory, "setup", G_CALLBACK (setup_code_item), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_code_item), NULL);
  gtk_drop_down_set_factory (dropdown, factory);
  gtk_drop_down_set_list_factory (dropdown, list_factory);
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (names));
  hu_currencies_select (dropdown, current);
}

/**
 * hu_currencies_select:
 * @dropdown: a drop-down filled by hu_currencies_fill_drop_down()
 * @code: (nullable): an ISO 4217 code
 *
 * Selects @code. A well-formed code the list lacks (a file may hold a
 * code withdrawn since, or one newer than this list) joins it at the end,
 * alone, so that the drop-down never says "(None)" while the costs read
 * in that code; it leaves the list when a listed code is selected again.
 *
 * The drop-down's #GtkDropDown:selected changes once, to @code: a handler
 * that applies the choice sees no other. Unguarded, it would see two: a
 * list changing under no selection selects its first item (AED), and one
 * losing its selected item selects a neighbour.
 */
void
hu_currencies_select (GtkDropDown *dropdown,
                      const char  *code)
{
  GtkStringList *names = GTK_STRING_LIST (gtk_drop_down_get_model (dropdown));
  guint n_listed = G_N_ELEMENTS (currencies);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (names));
  guint n_extra = n_items > n_listed ? n_items - n_listed : 0;
  guint selected = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < n_listed && selected == GTK_INVALID_LIST_POSITION; i++)
    if (g_strcmp0 (currencies[i].code, code) == 0)
      selected = i;

  g_object_freeze_notify (G_OBJECT (dropdown));
  if (selected == GTK_INVALID_LIST_POSITION && code != NULL)
    {
      const char *const extra[] = { code, NULL };

      /* After the old extra code, so the selection never loses its item. */
      gtk_string_list_splice (names, n_items, 0, extra);
      selected = n_items;
    }
  gtk_drop_down_set_selected (dropdown, selected);
  /* Only now the old extra code, which is no longer selected. */
  if (n_extra > 0)
    gtk_string_list_splice (names, n_listed, n_extra, NULL);
  g_object_thaw_notify (G_OBJECT (dropdown));
}

/**
 * hu_currencies_get_selected:
 * @dropdown: a drop-down filled by hu_currencies_fill_drop_down()
 *
 * Returns: (nullable): the selected code, %NULL when none is
 */
const char *
hu_currencies_get_selected (GtkDropDown *dropdown)
{
  guint i = gtk_drop_down_get_selected (dropdown);
  GtkStringObject *item;
  const char *name;

  if (i < G_N_ELEMENTS (currencies))
    return currencies[i].code;
  item = gtk_drop_down_get_selected_item (dropdown);
  if (item == NULL)
    return NULL;
  /* A code joined by hu_currencies_select(): the item is the code. */
  name = gtk_string_object_get_string (item);
  return g_intern_string (name);
}
