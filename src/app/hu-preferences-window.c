/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "HuPreferencesWindow"

#include "config.h"

#include <glib/gi18n.h>

#include "hu-core.h"
#include "hu-currencies.h"
#include "hu-preferences-window.h"
#include "hu-widgets.h"

/* Preferences are GSettings keys; every row writes its key at once. */
struct _HuPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  GPtrArray            *region_ids;       /* char*, index 0 is "" (none) */
  GPtrArray            *set_ids;          /* char* */

  GtkDropDown          *region_dropdown;
  GtkSpinButton        *pue_spin;
  GtkSwitch            *region_pue_switch;
  GtkSwitch            *default_ranges_switch;
  AdwActionRow         *pue_row;
  GtkDropDown          *currency_dropdown;
  AdwComboRow          *equivalence_row;
  AdwComboRow          *energy_row;
  AdwComboRow          *mass_row;
};

G_DEFINE_FINAL_TYPE (HuPreferencesWindow, hu_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static guint
index_of (GPtrArray  *ids,
          const char *id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (ids, i), id) == 0)
      return i;
  return 0;
}

static void
on_region_selected (HuPreferencesWindow *self)
{
  guint i = gtk_drop_down_get_selected (self->region_dropdown);

  if (i < self->region_ids->len)
    g_settings_set_string (self->settings, "default-region",
                           g_ptr_array_index (self->region_ids, i));
}

static void
on_equivalence_selected (HuPreferencesWindow *self)
{
  guint i = adw_combo_row_get_selected (self->equivalence_row);

  if (i < self->set_ids->len)
    g_settings_set_string (self->settings, "equivalence-set", g_ptr_array_index (self->set_ids, i));
}

static void
on_energy_selected (HuPreferencesWindow *self)
{
  g_settings_set_enum (self->settings, "energy-unit",
                       adw_combo_row_get_selected (self->energy_row));
}

static void
on_mass_selected (HuPreferencesWindow *self)
{
  g_settings_set_enum (self->settings, "mass-unit", adw_combo_row_get_selected (self->mass_row));
}

static void
on_currency_selected (HuPreferencesWindow *self)
{
  const char *code = hu_currencies_get_selected (self->currency_dropdown);

  if (code != NULL)
    g_settings_set_string (self->settings, "currency", code);
}

static void
on_region_pue_toggled (HuPreferencesWindow *self)
{
  gboolean region = gtk_switch_get_active (self->region_pue_switch);

  g_settings_set_boolean (self->settings, "use-region-pue", region);
  /* A PUE typed here is meaningless while the region's is used. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->pue_row), !region);
}

static void
fill (HuPreferencesWindow *self)
{
  HuCatalog *catalog = hu_catalog_get_default ();
  g_autoptr(GPtrArray) regions = hu_catalog_list_regions (catalog);
  /* Owned by the catalog. */
  GPtrArray *sets = hu_catalog_list_equivalence_sets (catalog);
  g_autoptr(GtkStringList) region_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) set_names = gtk_string_list_new (NULL);
  g_autofree char *region = g_settings_get_string (self->settings, "default-region");
  g_autofree char *set = g_settings_get_string (self->settings, "equivalence-set");
  g_autofree char *currency = g_settings_get_string (self->settings, "currency");

  g_ptr_array_add (self->region_ids, g_strdup (""));
  gtk_string_list_append (region_names, _("None"));
  for (guint i = 0; i < regions->len; i++)
    {
      HuRegion *r = g_ptr_array_index (regions, i);
      /* Translators: region name and its id, "Iowa (gcp/us-central1)" */
      g_autofree char *name = g_strdup_printf (_("%s (%s)"),
                                              hu_region_get_display_name (r), r->id);

      g_ptr_array_add (self->region_ids, g_strdup (r->id));
      gtk_string_list_append (region_names, name);
    }
  gtk_drop_down_set_model (self->region_dropdown, G_LIST_MODEL (region_names));
  gtk_drop_down_set_selected (self->region_dropdown, index_of (self->region_ids, region));

  for (guint i = 0; i < sets->len; i++)
    {
      HuEquivalenceSet *s = g_ptr_array_index (sets, i);

      /* A set's name is a citation: "(eGRID2022 vintage)" reads in the
       * user's language, as in Explain and the report. */
      g_autofree char *name = hu_citation_localize (s->name != NULL ? s->name : s->id);

      g_ptr_array_add (self->set_ids, g_strdup (s->id));
      gtk_string_list_append (set_names, name);
    }
  {
    g_autoptr(GtkListItemFactory) factory = hu_widgets_new_wrapping_list_factory (NULL, NULL);

    adw_combo_row_set_list_factory (self->equivalence_row, factory);
  }
  adw_combo_row_set_model (self->equivalence_row, G_LIST_MODEL (set_names));
  adw_combo_row_set_selected (self->equivalence_row, index_of (self->set_ids, set));

  adw_combo_row_set_selected (self->energy_row, g_settings_get_enum (self->settings, "energy-unit"));
  adw_combo_row_set_selected (self->mass_row, g_settings_get_enum (self->settings, "mass-unit"));
  hu_currencies_fill_drop_down (self->currency_dropdown, currency);
  hu_widgets_name_drop_down (self->currency_dropdown, _("Currency of New Projects"));
  hu_widgets_name_drop_down (self->region_dropdown, _("Default Region"));

  gtk_switch_set_active (self->region_pue_switch, hu_settings_use_region_pue (self->settings));
  gtk_widget_set_sensitive (GTK_WIDGET (self->pue_row),
                            !gtk_switch_get_active (self->region_pue_switch));
  /* An old "0" (the region's) shows as the lowest real PUE. */
  gtk_spin_button_set_value (self->pue_spin, MAX (1, g_settings_get_double (self->settings,
                                                                            "default-pue")));
  g_settings_bind (self->settings, "default-ranges", self->default_ranges_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "default-pue",
                   gtk_spin_button_get_adjustment (self->pue_spin), "value",
                   G_SETTINGS_BIND_SET);

  g_signal_connect_object (self->region_dropdown, "notify::selected",
                           G_CALLBACK (on_region_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->equivalence_row, "notify::selected",
                           G_CALLBACK (on_equivalence_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->energy_row, "notify::selected",
                           G_CALLBACK (on_energy_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->mass_row, "notify::selected",
                           G_CALLBACK (on_mass_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->currency_dropdown, "notify::selected",
                           G_CALLBACK (on_currency_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->region_pue_switch, "notify::active",
                           G_CALLBACK (on_region_pue_toggled), self, G_CONNECT_SWAPPED);
}

static void
hu_preferences_window_dispose (GObject *object)
{
  HuPreferencesWindow *self = HU_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HU_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->region_ids, g_ptr_array_unref);
  g_clear_pointer (&self->set_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (hu_preferences_window_parent_class)->dispose (object);
}

static void
hu_preferences_window_class_init (HuPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hu_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/hu-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HuPreferencesWindow, region_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HuPreferencesWindow, pue_spin);
  gtk_widget_class_bind_template_child (widget_class, HuPreferencesWindow, currency_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HuPreferencesWindow, region_pue_switch);
  gtk_widget_class_bind_template_child (widget_class, HuPreferencesWindow, default_ranges_switch);
  gtk_widget_class_bind_template_child (widget_class, HuPreferencesWindow, pue_row);
  gtk_widget_class_bind_template_child (widget_class, HuPreferencesWindow, equivalence_row);
  gtk_widget_class_bind_template_child (widget_class, HuPreferencesWindow, energy_row);
  gtk_widget_class_bind_template_child (widget_class, HuPreferencesWindow, mass_row);
}

static void
hu_preferences_window_init (HuPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->region_ids = g_ptr_array_new_with_free_func (g_free);
  self->set_ids = g_ptr_array_new_with_free_func (g_free);
  fill (self);
}

GtkWidget *
hu_preferences_window_new (GtkWindow *parent)
{
  GtkWindow *self = g_object_new (HU_TYPE_PREFERENCES_WINDOW,
                                  "transient-for", parent,
                                  "modal", TRUE,
                                  NULL);

  /* Its rows fit 360 px; its default width would not. */
  hu_widgets_fit_to_parent (self, parent);
  return GTK_WIDGET (self);
}
