/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "hu-model-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "hu-model-dialog.h"
#include "hu-number.h"
#include "hu-widgets.h"

/* "Add a Known Model…": a searchable list of the catalog's published
 * training runs. Choosing one emits ::model-chosen with its name; the
 * window makes the scenario (hu_scenario_new_from_model()). */
struct _HuModelDialog
{
  AdwWindow           parent_instance;

  HuCatalog          *catalog;
  GHashTable         *folded;       /* name → folded "name organisation" */
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  char               *needle;       /* folded search text */

  /* Template widgets */
  GtkButton          *add_button;
  GtkSearchEntry     *search_entry;
  GtkListView        *list_view;
  GtkStack           *stack;
};

G_DEFINE_FINAL_TYPE (HuModelDialog, hu_model_dialog, ADW_TYPE_WINDOW)

enum {
  MODEL_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
filter_model (gpointer item,
              gpointer user_data)
{
  HuModelDialog *self = user_data;
  const char *name = gtk_string_object_get_string (item);
  const char *folded;

  if (self->needle == NULL || *self->needle == '\0')
    return TRUE;
  folded = g_hash_table_lookup (self->folded, name);
  return folded != NULL && strstr (folded, self->needle) != NULL;
}

/* "OpenAI · 2020-05-28 · 3.14 × 10²³ FLOP · NVIDIA Tesla V100 DGXS 32 GB" */
static char *
describe_model (const HuKnownModel *m)
{
  GString *out = g_string_new (NULL);
  g_autofree char *flops = hu_format_scientific (m->flops);
  g_autofree char *org = hu_known_model_get_short_organization (m, 60);

  if (org)
    g_string_append_printf (out, "%s · ", org);
  if (m->date)
    g_string_append_printf (out, "%s · ", m->date);
  /* Translators: training compute, e.g. "3.14 × 10²³ FLOP" */
  g_string_append_printf (out, _("%s FLOP"), flops);
  if (m->hardware && m->gpu == NULL)
    /* Translators: a device name from the data that Huella's catalog lacks */
    g_string_append_printf (out, _(" · %s (not in the catalog)"), m->hardware);
  else if (m->hardware)
    g_string_append_printf (out, " · %s", m->hardware);
  if (isfinite (m->count))
    {
      g_autofree char *count = hu_format_count ((guint64) MAX (m->count, 0));

      /* No-break spaces: the count never wraps alone onto its own line. */
      g_string_append_printf (out, "\u00a0×\u00a0%s", count);
    }
  return g_string_free (out, FALSE);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *details = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_label_set_wrap (GTK_LABEL (details), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (details), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (details, "dim-label");
  gtk_widget_add_css_class (details, "caption");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), details);
  gtk_list_item_set_child (item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  HuModelDialog *self = user_data;
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *details = gtk_widget_get_next_sibling (title);
  const char *name = gtk_string_object_get_string (gtk_list_item_get_item (item));
  HuKnownModel *m = hu_catalog_lookup_model (self->catalog, name);
  g_autofree char *text = m ? describe_model (m) : NULL;
  g_autofree char *accessible = NULL;

  gtk_label_set_label (GTK_LABEL (title), name);
  gtk_label_set_label (GTK_LABEL (details), text ? text : "");
  accessible = g_strdup_printf ("%s. %s", name, text ? text : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
}

static void
update_state (HuModelDialog *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button),
                            gtk_single_selection_get_selected_item (self->selection) != NULL);
}

static void
on_search_changed (HuModelDialog *self)
{
  g_free (self->needle);
  self->needle = hu_text_fold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  gtk_filter_changed (gtk_filter_list_model_get_filter (self->filtered), GTK_FILTER_CHANGE_DIFFERENT);
  update_state (self);
}

/* The search entry has the focus from the start, and GtkSearchEntry takes
 * Escape for itself (its "stop-search" binding), so the dialog's own
 * Escape never saw it: a search here is the whole dialog, and stopping it
 * closes the dialog, as Escape does from anywhere else in it. */
static void
on_stop_search (HuModelDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
choose (HuModelDialog *self,
        gpointer       item)
{
  g_autofree char *name = NULL;

  if (item == NULL)
    return;
  name = g_strdup (gtk_string_object_get_string (item));
  g_signal_emit (self, signals[MODEL_CHOSEN], 0, name);
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_add_clicked (HuModelDialog *self)
{
  choose (self, gtk_single_selection_get_selected_item (self->selection));
}

static void
on_row_activated (HuModelDialog *self,
                  guint          position)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  choose (self, item);
}

static void
hu_model_dialog_dispose (GObject *object)
{
  HuModelDialog *self = HU_MODEL_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HU_TYPE_MODEL_DIALOG);
  g_clear_object (&self->selection);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (hu_model_dialog_parent_class)->dispose (object);
}

static void
hu_model_dialog_finalize (GObject *object)
{
  HuModelDialog *self = HU_MODEL_DIALOG (object);

  g_clear_pointer (&self->folded, g_hash_table_unref);
  g_free (self->needle);

  G_OBJECT_CLASS (hu_model_dialog_parent_class)->finalize (object);
}

static void
hu_model_dialog_class_init (HuModelDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hu_model_dialog_dispose;
  object_class->finalize = hu_model_dialog_finalize;

  /**
   * HuModelDialog::model-chosen:
   * @name: the chosen model's name in the catalog
   */
  signals[MODEL_CHOSEN] = g_signal_new ("model-chosen", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/hu-model-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HuModelDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, HuModelDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HuModelDialog, list_view);
  gtk_widget_class_bind_template_child (widget_class, HuModelDialog, stack);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hu_model_dialog_init (HuModelDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  hu_widgets_wrap_dialog_title (GTK_WINDOW (self));
  /* Typing anywhere in the dialog searches. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->search_entry));
  self->folded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
set_catalog (HuModelDialog *self,
             HuCatalog     *catalog)
{
  g_autoptr(GPtrArray) models = hu_catalog_list_models (catalog);
  GtkStringList *names = gtk_string_list_new (NULL);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkCustomFilter *filter;

  self->catalog = g_object_ref (catalog);
  /* Folding once here keeps typing in the search fast. */
  for (guint i = 0; i < models->len; i++)
    {
      HuKnownModel *m = models->pdata[i];
      g_autofree char *both = g_strdup_printf ("%s\n%s", m->name,
                                               m->organization ? m->organization : "");
      gtk_string_list_append (names, m->name);
      g_hash_table_replace (self->folded, g_strdup (m->name), hu_text_fold (both));
    }

  filter = gtk_custom_filter_new (filter_model, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (names), GTK_FILTER (filter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->filtered));
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  update_state (self);
}

/**
 * hu_model_dialog_new:
 * @catalog: the project's catalog (shipped models plus the user's)
 */
GtkWidget *
hu_model_dialog_new (GtkWindow *parent,
                     HuCatalog *catalog)
{
  HuModelDialog *self;

  g_return_val_if_fail (HU_IS_CATALOG (catalog), NULL);

  self = g_object_new (HU_TYPE_MODEL_DIALOG, "transient-for", parent, NULL);
  set_catalog (self, catalog);
  /* Never wider or taller than the window it belongs to: on a 360 px
   * phone the template's 560 px would hide the Add button off screen. */
  hu_widgets_fit_to_parent (GTK_WINDOW (self), parent);
  return GTK_WIDGET (self);
}

void
hu_model_dialog_set_search (HuModelDialog *self,
                            const char    *text)
{
  g_return_if_fail (HU_IS_MODEL_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  on_search_changed (self);
}
