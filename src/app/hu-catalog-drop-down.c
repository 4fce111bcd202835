/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "HuCatalogDropDown"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "hu-catalog-drop-down.h"
#include "hu-widgets.h"

/* A drop-down of the catalog's accelerators or regions: each item shows a
 * name and a line of facts, and typing finds an item by any word of either.
 * The first item is "none" (a custom accelerator, an intensity typed in). */

struct _HuCatalogDropDown
{
  GtkWidget      parent_instance;

  HuCatalogKind  kind;
  HuCatalog     *catalog;
  char          *none_label; /* the first item's title, or NULL for the default */
  GtkStringList *ids;        /* "" first, for none */
  gboolean       refilling;

  /* Template widgets */
  GtkDropDown   *drop_down;
};

G_DEFINE_FINAL_TYPE (HuCatalogDropDown, hu_catalog_drop_down, GTK_TYPE_WIDGET)

G_DEFINE_ENUM_TYPE (HuCatalogKind, hu_catalog_kind,
                    G_DEFINE_ENUM_VALUE (HU_CATALOG_KIND_GPU, "gpu"),
                    G_DEFINE_ENUM_VALUE (HU_CATALOG_KIND_REGION, "region"))

enum {
  PROP_0,
  PROP_KIND,
  PROP_CATALOG,
  PROP_SELECTED_ID,
  PROP_NONE_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
gpu_title (HuCatalogDropDown *self,
           const char        *id)
{
  HuGpu *gpu;

  if (id == NULL || *id == '\0')
    return g_strdup (self->none_label != NULL ? self->none_label
                                              : _("Custom (enter peak and power)"));
  gpu = self->catalog != NULL ? hu_catalog_lookup_gpu (self->catalog, id) : NULL;
  return gpu != NULL ? hu_gpu_dup_display_name (gpu) : g_strdup (id);
}

static char *
gpu_subtitle (HuCatalogDropDown *self,
              const char        *id)
{
  HuGpu *gpu = self->catalog != NULL && id != NULL && *id != '\0'
               ? hu_catalog_lookup_gpu (self->catalog, id) : NULL;
  HuPrecision precision;
  g_autofree char *peak = NULL;
  g_autofree char *tdp = NULL;

  if (gpu == NULL)
    return g_strdup (_("Any accelerator not in the catalog"));

  precision = hu_gpu_default_precision (gpu);
  peak = hu_units_format_peak (gpu->peak_tflops[precision], HU_UNITS_DEFAULT);
  tdp = hu_units_format_watts (gpu->tdp_w, HU_UNITS_DEFAULT);
  /* Translators: vendor, dense peak with its unit at a precision, and
   * TDP with its unit: "NVIDIA · 312 TFLOP/s BF16 · 400 W" */
  return g_strdup_printf (_("%s · %s %s · %s"), gpu->vendor, peak,
                          hu_precision_label (precision), tdp);
}

static const char *
provider_title (const char *provider)
{
  if (g_strcmp0 (provider, "gcp") == 0)
    return "Google Cloud";
  if (g_strcmp0 (provider, "aws") == 0)
    return "Amazon Web Services";
  if (g_strcmp0 (provider, "azure") == 0)
    return "Microsoft Azure";
  if (g_strcmp0 (provider, "grid") == 0)
    return _("Electricity grid");
  return provider;
}

static char *
region_title (HuCatalogDropDown *self,
              const char        *id)
{
  HuRegion *region;

  if (id == NULL || *id == '\0')
    return g_strdup (self->none_label != NULL ? self->none_label
                                              : _("None (enter an intensity)"));
  region = self->catalog != NULL ? hu_catalog_lookup_region (self->catalog, id) : NULL;
  if (region == NULL)
    return g_strdup (id);
  /* A cloud region's name already ends with its code, "Netherlands
   * (europe-west4)": repeating it as "(gcp/europe-west4)" only makes the
   * name too long for its button. */
  {
    const char *code = strchr (region->id, '/');
    g_autofree char *suffix = g_strdup_printf ("(%s)", code != NULL ? code + 1 : region->id);

    if (g_str_has_suffix (region->name, suffix))
      return g_strdup (region->name);
  }
  /* Translators: region name and its id, "Iowa (gcp/us-central1)" */
  return g_strdup_printf (_("%s (%s)"), hu_region_get_display_name (region), region->id);
}

static char *
region_subtitle (HuCatalogDropDown *self,
                 const char        *id)
{
  HuRegion *region = self->catalog != NULL && id != NULL && *id != '\0'
                     ? hu_catalog_lookup_region (self->catalog, id) : NULL;
  g_autofree char *intensity = NULL;

  if (region == NULL)
    return g_strdup (_("Carbon intensity typed in below"));

  intensity = hu_units_format_intensity (region->intensity, HU_UNITS_DEFAULT);
  if (region->year_grid != NULL)
    {
      /* an undated source: the year is the grid's, and says so */
      g_autofree char *year = hu_region_year_text (region);

      /* Translators: provider · intensity · "year of the grid: 2023" */
      return g_strdup_printf (_("%s · %s · %s"), provider_title (region->provider),
                              intensity, year);
    }
  if (region->year > 0)
    /* Translators: provider · intensity · year, "Google Cloud · 430 g CO₂eq/kWh · 2022" */
    return g_strdup_printf (_("%s · %s · %d"), provider_title (region->provider),
                            intensity, region->year);
  /* Translators: provider · intensity, "Google Cloud · 430 g CO₂eq/kWh" */
  return g_strdup_printf (_("%s · %s"), provider_title (region->provider), intensity);
}

static char *
item_title (HuCatalogDropDown *self,
            const char        *id)
{
  return self->kind == HU_CATALOG_KIND_REGION ? region_title (self, id) : gpu_title (self, id);
}

static char *
item_subtitle (HuCatalogDropDown *self,
               const char        *id)
{
  return self->kind == HU_CATALOG_KIND_REGION ? region_subtitle (self, id)
                                              : gpu_subtitle (self, id);
}

static GtkWidget *
find_search_entry (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_SEARCH_ENTRY (child))
        return child;
      if ((found = find_search_entry (child)) != NULL)
        return found;
    }
  return NULL;
}

static gboolean
matches_every_word (const char *text,
                    const char *query)
{
  g_autofree char *haystack = g_utf8_casefold (text, -1);
  g_autofree char *needle = g_utf8_casefold (query, -1);
  g_auto(GStrv) words = g_strsplit_set (needle, " \t", -1);

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0' && strstr (haystack, words[i]) == NULL)
      return FALSE;
  return TRUE;
}

/* GTK 4.8's drop-down only keeps items whose search text starts with what
 * was typed, so "H100" would not find "NVIDIA H100 SXM5 80GB" nor
 * "europe-west4" its region. Its filter matches the string returned here:
 * when every typed word appears anywhere in the item, return the typed text
 * itself, which that prefix filter accepts. */
static char *
search_text (GtkStringObject   *item,
             HuCatalogDropDown *self)
{
  const char *id = gtk_string_object_get_string (item);
  g_autofree char *title = item_title (self, id);
  g_autofree char *subtitle = item_subtitle (self, id);
  HuRegion *region = self->kind == HU_CATALOG_KIND_REGION && self->catalog != NULL
                     ? hu_catalog_lookup_region (self->catalog, id) : NULL;
  /* A translated country is found by its English name too. */
  g_autofree char *text = g_strdup_printf ("%s %s %s %s", title, subtitle, id,
                                           region != NULL ? region->name : "");
  GtkWidget *entry = self->drop_down != NULL ? find_search_entry (GTK_WIDGET (self->drop_down))
                                             : NULL;
  const char *query = entry != NULL ? gtk_editable_get_text (GTK_EDITABLE (entry)) : NULL;

  if (query != NULL && *query != '\0' && matches_every_word (text, query))
    return g_strdup (query);
  return g_steal_pointer (&text);
}

static void
setup_item (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  compact)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);

  if (GPOINTER_TO_INT (compact))
    {
      /* The button shows the name only: on one line where there is
       * room, on a second rather than cut where there is not (at 360 px
       * "Ninguna (introduzca una…" and "NVIDIA Tesla V100S PCI…" lost
       * what tells them apart), broken between words. */
      gtk_label_set_max_width_chars (GTK_LABEL (title), 32);
      gtk_label_set_wrap (GTK_LABEL (title), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD);
      gtk_label_set_lines (GTK_LABEL (title), 2);
      gtk_widget_set_visible (subtitle, FALSE);
      /* Centred on the row's title and the arrow, as a combo row's
       * value is; and in its weight (style.css), not a button's bold. */
      gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (title, "hu-drop-down-value");
    }
  else
    {
      /* The popover is only as wide as its rows ask: wide enough for a
       * region's full name, narrow enough for a phone. */
      gtk_label_set_max_width_chars (GTK_LABEL (title), 48);
      gtk_widget_set_size_request (box, 320, -1);
    }

  gtk_list_item_set_child (item, box);
}

static void
bind_item (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           HuCatalogDropDown        *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  const char *id = gtk_string_object_get_string (gtk_list_item_get_item (item));
  g_autofree char *title_text = item_title (self, id);
  g_autofree char *subtitle_text = item_subtitle (self, id);

  gtk_label_set_label (GTK_LABEL (title), title_text);
  gtk_label_set_label (GTK_LABEL (subtitle), subtitle_text);
}

static int
compare_regions (gconstpointer a,
                 gconstpointer b)
{
  const HuRegion *ra = *(HuRegion * const *) a;
  const HuRegion *rb = *(HuRegion * const *) b;
  gboolean grid_a = g_strcmp0 (ra->provider, "grid") == 0;
  gboolean grid_b = g_strcmp0 (rb->provider, "grid") == 0;
  int cmp;

  /* Cloud providers first, national grids last; by name within each. */
  if (grid_a != grid_b)
    return grid_a - grid_b;
  cmp = g_strcmp0 (ra->provider, rb->provider);
  if (cmp != 0)
    return cmp;
  /* In the user's language, as the list shows them: "Alemania" by "A". */
  return g_utf8_collate (hu_region_get_display_name (ra), hu_region_get_display_name (rb));
}

static guint
find_id (GtkStringList *list,
         const char    *id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (list, i), id != NULL ? id : "") == 0)
      return i;
  return 0;
}

/* Refills the ids from the catalog, keeping the selected id when the new
 * catalog still has it; ::notify::selected-id is emitted only when the
 * selection really changes. */
static void
refill (HuCatalogDropDown *self)
{
  g_autofree char *selected = g_strdup (hu_catalog_drop_down_get_selected_id (self));
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  g_ptr_array_add (ids, (gpointer) "");
  if (self->catalog != NULL && self->kind == HU_CATALOG_KIND_REGION)
    {
      items = hu_catalog_list_regions (self->catalog);
      g_ptr_array_sort (items, compare_regions);
      for (guint i = 0; i < items->len; i++)
        g_ptr_array_add (ids, ((HuRegion *) g_ptr_array_index (items, i))->id);
    }
  else if (self->catalog != NULL)
    {
      items = hu_catalog_list_gpus (self->catalog);
      for (guint i = 0; i < items->len; i++)
        g_ptr_array_add (ids, ((HuGpu *) g_ptr_array_index (items, i))->id);
    }
  g_ptr_array_add (ids, NULL);

  self->refilling = TRUE;
  gtk_string_list_splice (self->ids, 0, g_list_model_get_n_items (G_LIST_MODEL (self->ids)),
                          (const char * const *) ids->pdata);
  gtk_drop_down_set_selected (self->drop_down, find_id (self->ids, selected));
  self->refilling = FALSE;

  if (g_strcmp0 (selected, hu_catalog_drop_down_get_selected_id (self)) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ID]);
}

static void
on_selected_changed (HuCatalogDropDown *self)
{
  if (!self->refilling)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ID]);
}

/* The row holding the drop-down activates it (AdwActionRow's
 * activatable-widget): pass that on to the button inside. */
static gboolean
hu_catalog_drop_down_mnemonic_activate (GtkWidget *widget,
                                        gboolean   group_cycling)
{
  HuCatalogDropDown *self = HU_CATALOG_DROP_DOWN (widget);

  return gtk_widget_mnemonic_activate (GTK_WIDGET (self->drop_down), group_cycling);
}

static void
hu_catalog_drop_down_constructed (GObject *object)
{
  HuCatalogDropDown *self = HU_CATALOG_DROP_DOWN (object);
  g_autoptr(GtkListItemFactory) button = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) list = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkExpression) search = NULL;

  G_OBJECT_CLASS (hu_catalog_drop_down_parent_class)->constructed (object);

  g_signal_connect (button, "setup", G_CALLBACK (setup_item), GINT_TO_POINTER (TRUE));
  g_signal_connect (button, "bind", G_CALLBACK (bind_item), self);
  g_signal_connect (list, "setup", G_CALLBACK (setup_item), GINT_TO_POINTER (FALSE));
  g_signal_connect (list, "bind", G_CALLBACK (bind_item), self);

  gtk_drop_down_set_factory (self->drop_down, button);
  gtk_drop_down_set_list_factory (self->drop_down, list);
  /* The drop-down takes its own reference to the expression. */
  search = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                        G_CALLBACK (search_text), self, NULL);
  gtk_drop_down_set_expression (self->drop_down, search);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->drop_down),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->kind == HU_CATALOG_KIND_REGION ? _("Region")
                                                                       : _("Accelerator"),
                                  -1);
  gtk_drop_down_set_model (self->drop_down, G_LIST_MODEL (self->ids));
  refill (self);
  g_signal_connect_object (self->drop_down, "notify::selected",
                           G_CALLBACK (on_selected_changed), self, G_CONNECT_SWAPPED);
}

static void
hu_catalog_drop_down_dispose (GObject *object)
{
  HuCatalogDropDown *self = HU_CATALOG_DROP_DOWN (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HU_TYPE_CATALOG_DROP_DOWN);
  g_clear_object (&self->catalog);
  g_clear_object (&self->ids);

  G_OBJECT_CLASS (hu_catalog_drop_down_parent_class)->dispose (object);
}

static void
hu_catalog_drop_down_finalize (GObject *object)
{
  HuCatalogDropDown *self = HU_CATALOG_DROP_DOWN (object);

  g_free (self->none_label);

  G_OBJECT_CLASS (hu_catalog_drop_down_parent_class)->finalize (object);
}

static void
hu_catalog_drop_down_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  HuCatalogDropDown *self = HU_CATALOG_DROP_DOWN (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;
    case PROP_SELECTED_ID:
      g_value_set_string (value, hu_catalog_drop_down_get_selected_id (self));
      break;
    case PROP_NONE_LABEL:
      g_value_set_string (value, self->none_label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hu_catalog_drop_down_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  HuCatalogDropDown *self = HU_CATALOG_DROP_DOWN (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      hu_widgets_name_drop_down (self->drop_down, self->kind == HU_CATALOG_KIND_REGION
                                                  ? _("Region") : _("Accelerator"));
      break;
    case PROP_CATALOG:
      hu_catalog_drop_down_set_catalog (self, g_value_get_object (value));
      break;
    case PROP_SELECTED_ID:
      hu_catalog_drop_down_set_selected_id (self, g_value_get_string (value));
      break;
    case PROP_NONE_LABEL:
      g_free (self->none_label);
      self->none_label = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hu_catalog_drop_down_class_init (HuCatalogDropDownClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hu_catalog_drop_down_constructed;
  object_class->dispose = hu_catalog_drop_down_dispose;
  object_class->finalize = hu_catalog_drop_down_finalize;
  object_class->get_property = hu_catalog_drop_down_get_property;
  object_class->set_property = hu_catalog_drop_down_set_property;
  widget_class->mnemonic_activate = hu_catalog_drop_down_mnemonic_activate;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, HU_TYPE_CATALOG_KIND, HU_CATALOG_KIND_GPU,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL, HU_TYPE_CATALOG,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_ID] =
    g_param_spec_string ("selected-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* What choosing no catalog entry means here: "As for training" in the
   * deployment group, where none means the training's value. */
  properties[PROP_NONE_LABEL] =
    g_param_spec_string ("none-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/hu-catalog-drop-down.ui");
  gtk_widget_class_bind_template_child (widget_class, HuCatalogDropDown, drop_down);
}

static void
hu_catalog_drop_down_init (HuCatalogDropDown *self)
{
  self->ids = gtk_string_list_new (NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
hu_catalog_drop_down_new (HuCatalogKind kind)
{
  return g_object_new (HU_TYPE_CATALOG_DROP_DOWN, "kind", kind, NULL);
}

HuCatalogKind
hu_catalog_drop_down_get_kind (HuCatalogDropDown *self)
{
  g_return_val_if_fail (HU_IS_CATALOG_DROP_DOWN (self), HU_CATALOG_KIND_GPU);
  return self->kind;
}

HuCatalog *
hu_catalog_drop_down_get_catalog (HuCatalogDropDown *self)
{
  g_return_val_if_fail (HU_IS_CATALOG_DROP_DOWN (self), NULL);
  return self->catalog;
}

/**
 * hu_catalog_drop_down_set_catalog:
 * @catalog: (nullable): where the items come from
 */
void
hu_catalog_drop_down_set_catalog (HuCatalogDropDown *self,
                                  HuCatalog         *catalog)
{
  g_return_if_fail (HU_IS_CATALOG_DROP_DOWN (self));
  g_return_if_fail (catalog == NULL || HU_IS_CATALOG (catalog));

  if (!g_set_object (&self->catalog, catalog))
    return;
  refill (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATALOG]);
}

/**
 * hu_catalog_drop_down_get_selected_id:
 *
 * Returns: (nullable): the catalog id chosen, %NULL for none
 */
const char *
hu_catalog_drop_down_get_selected_id (HuCatalogDropDown *self)
{
  const char *id;

  g_return_val_if_fail (HU_IS_CATALOG_DROP_DOWN (self), NULL);

  id = gtk_string_list_get_string (self->ids, gtk_drop_down_get_selected (self->drop_down));
  return id != NULL && *id != '\0' ? id : NULL;
}

/**
 * hu_catalog_drop_down_set_selected_id:
 * @id: (nullable): a catalog id; %NULL, or one the catalog lacks, selects none
 */
void
hu_catalog_drop_down_set_selected_id (HuCatalogDropDown *self,
                                      const char        *id)
{
  g_return_if_fail (HU_IS_CATALOG_DROP_DOWN (self));

  gtk_drop_down_set_selected (self->drop_down, find_id (self->ids, id));
}

/**
 * hu_catalog_drop_down_get_drop_down:
 *
 * Returns: (transfer none): the drop-down inside (for tests)
 */
GtkDropDown *
hu_catalog_drop_down_get_drop_down (HuCatalogDropDown *self)
{
  g_return_val_if_fail (HU_IS_CATALOG_DROP_DOWN (self), NULL);
  return self->drop_down;
}
