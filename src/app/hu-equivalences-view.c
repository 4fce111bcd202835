/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "HuEquivalencesView"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hu-equivalences-view.h"
#include "hu-widgets.h"

/* The scenario's CO₂eq in everyday terms, with the factor set chosen by
 * the user; each figure says which factor and source it used. */
struct _HuEquivalencesView
{
  AdwBin               parent_instance;

  HuCatalog           *catalog;
  HuResult            *result;
  char                *set_id;
  GPtrArray           *rows;
  GtkStringList       *set_ids;
  gboolean             filling;

  AdwPreferencesGroup *group;
  AdwComboRow         *set_row;
};

G_DEFINE_FINAL_TYPE (HuEquivalencesView, hu_equivalences_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SET_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (HuEquivalencesView *self)
{
  const HuEquivalenceSet *set = NULL;
  g_autoptr(GPtrArray) equivalences = NULL;
  double total_kg = NAN;
  g_autofree char *description = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  if (self->catalog != NULL && self->set_id != NULL)
    set = hu_catalog_lookup_equivalence_set (self->catalog, self->set_id);
  if (self->result != NULL)
    total_kg = hu_result_get_metric (self->result, HU_METRIC_TOTAL_KG);

  if (set == NULL || isnan (total_kg))
    {
      adw_preferences_group_set_description (self->group,
                                             _("Complete the scenario to see its equivalences."));
      return;
    }

  {
    g_autofree char *mass = hu_format_mass_kg (total_kg);
    g_autofree char *cited = hu_citation_localize (set->source);

    /* Translators: "72.6 t CO₂eq is as much as…", then the set's source */
    description = g_strdup_printf (_("%s is as much as… (factors: %s)"), mass, cited);
    adw_preferences_group_set_description (self->group, description);
  }

  equivalences = hu_equivalences_compute (set, total_kg);
  for (guint i = 0; equivalences != NULL && i < equivalences->len; i++)
    {
      HuEquivalence *equivalence = g_ptr_array_index (equivalences, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = NULL;
      g_autofree char *cited = NULL;

      /* The description cites the set; a row cites its factor only where
       * that is another source (the 2021 set's car is from 2020). */
      if (g_strcmp0 (equivalence->factor->source, set->source) != 0)
        cited = hu_citation_localize (equivalence->factor->source);
      if (cited != NULL)
        subtitle = g_strdup_printf ("%s — %s", equivalence->explanation, cited);
      else
        subtitle = g_strdup (equivalence->explanation);

      /* Plain text: "< 0.01 smartphone charges" is no markup, and a
       * source may hold an "&". */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), equivalence->label);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
on_set_selected (HuEquivalencesView *self)
{
  guint i = adw_combo_row_get_selected (self->set_row);
  const char *id = gtk_string_list_get_string (self->set_ids, i);

  if (!self->filling && id != NULL)
    hu_equivalences_view_set_set_id (self, id);
}

static char *
set_name (gpointer item,
          gpointer data)
{
  HuEquivalencesView *self = data;
  const char *id = gtk_string_object_get_string (item);
  const HuEquivalenceSet *set = self->catalog != NULL
                                ? hu_catalog_lookup_equivalence_set (self->catalog, id) : NULL;

  /* A set's name is a citation: "(eGRID2022 vintage)" in the user's language. */
  return hu_citation_localize (set != NULL && set->name != NULL ? set->name : id);
}

static void
sync_dropdown (HuEquivalencesView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->set_ids));

  self->filling = TRUE;
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->set_ids, i), self->set_id) == 0)
      adw_combo_row_set_selected (self->set_row, i);
  self->filling = FALSE;
}

static void
hu_equivalences_view_dispose (GObject *object)
{
  HuEquivalencesView *self = HU_EQUIVALENCES_VIEW (object);

  if (self->result != NULL)
    g_signal_handlers_disconnect_by_data (self->result, self);
  g_clear_object (&self->result);
  g_clear_object (&self->catalog);
  gtk_widget_dispose_template (GTK_WIDGET (self), HU_TYPE_EQUIVALENCES_VIEW);
  g_clear_object (&self->set_ids);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (hu_equivalences_view_parent_class)->dispose (object);
}

static void
hu_equivalences_view_finalize (GObject *object)
{
  HuEquivalencesView *self = HU_EQUIVALENCES_VIEW (object);

  g_free (self->set_id);

  G_OBJECT_CLASS (hu_equivalences_view_parent_class)->finalize (object);
}

static void
hu_equivalences_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  HuEquivalencesView *self = HU_EQUIVALENCES_VIEW (object);

  switch (prop_id)
    {
    case PROP_SET_ID:
      g_value_set_string (value, self->set_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hu_equivalences_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  HuEquivalencesView *self = HU_EQUIVALENCES_VIEW (object);

  switch (prop_id)
    {
    case PROP_SET_ID:
      hu_equivalences_view_set_set_id (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hu_equivalences_view_class_init (HuEquivalencesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hu_equivalences_view_dispose;
  object_class->finalize = hu_equivalences_view_finalize;
  object_class->get_property = hu_equivalences_view_get_property;
  object_class->set_property = hu_equivalences_view_set_property;

  properties[PROP_SET_ID] =
    g_param_spec_string ("set-id", NULL, NULL, "epa-current",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/hu-equivalences-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HuEquivalencesView, group);
  gtk_widget_class_bind_template_child (widget_class, HuEquivalencesView, set_row);
}

static void
hu_equivalences_view_init (HuEquivalencesView *self)
{
  g_autoptr(GtkListItemFactory) list_factory = NULL;
  g_autoptr(GtkExpression) name = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->set_id = g_strdup ("epa-current");
  self->rows = g_ptr_array_new ();
  self->set_ids = gtk_string_list_new (NULL);

  /* As in Preferences: the set's name is a citation, too long for the
   * row's end, so it wraps as the row's subtitle; beside the group's
   * description it squeezed that to a word a line at 360 px. The list
   * shows each citation whole. */
  /* The row takes its own reference. */
  name = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL, G_CALLBACK (set_name), self,
                                      NULL);
  adw_combo_row_set_expression (self->set_row, name);
  list_factory = hu_widgets_new_wrapping_list_factory (set_name, self);
  adw_combo_row_set_list_factory (self->set_row, list_factory);
  adw_combo_row_set_model (self->set_row, G_LIST_MODEL (self->set_ids));
  g_signal_connect_object (self->set_row, "notify::selected",
                           G_CALLBACK (on_set_selected), self, G_CONNECT_SWAPPED);
}

GtkWidget *
hu_equivalences_view_new (void)
{
  return g_object_new (HU_TYPE_EQUIVALENCES_VIEW, NULL);
}

void
hu_equivalences_view_set_catalog (HuEquivalencesView *self,
                                  HuCatalog          *catalog)
{
  GPtrArray *sets;  /* owned by the catalog */

  g_return_if_fail (HU_IS_EQUIVALENCES_VIEW (self));

  if (!g_set_object (&self->catalog, catalog))
    return;

  self->filling = TRUE;
  gtk_string_list_splice (self->set_ids, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->set_ids)), NULL);
  if (catalog != NULL)
    {
      sets = hu_catalog_list_equivalence_sets (catalog);
      for (guint i = 0; sets != NULL && i < sets->len; i++)
        gtk_string_list_append (self->set_ids,
                                ((HuEquivalenceSet *) g_ptr_array_index (sets, i))->id);
    }
  self->filling = FALSE;

  sync_dropdown (self);
  update (self);
}

void
hu_equivalences_view_set_result (HuEquivalencesView *self,
                                 HuResult           *result)
{
  g_return_if_fail (HU_IS_EQUIVALENCES_VIEW (self));

  if (!hu_widgets_follow_result (&self->result, result, G_CALLBACK (update), self))
    return;
  update (self);
}

const char *
hu_equivalences_view_get_set_id (HuEquivalencesView *self)
{
  g_return_val_if_fail (HU_IS_EQUIVALENCES_VIEW (self), NULL);
  return self->set_id;
}

void
hu_equivalences_view_set_set_id (HuEquivalencesView *self,
                                 const char         *set_id)
{
  g_return_if_fail (HU_IS_EQUIVALENCES_VIEW (self));

  if (g_strcmp0 (self->set_id, set_id) == 0)
    return;

  g_free (self->set_id);
  self->set_id = g_strdup (set_id);
  sync_dropdown (self);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SET_ID]);
}
