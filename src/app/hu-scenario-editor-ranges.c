/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "HuScenarioEditor"

/* Numbers and ranges in the scenario form (issue 12). A field holds one
 * number; its "±" toggle reveals three rows below it, low, likely
 * (optional: without it the range is uniform, with it triangular) and
 * high. While the toggle is on, the field itself is read-only and shows
 * the range as "low..likely..high", the syntax people may also type
 * straight into it. */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "hu-scenario-editor-private.h"

/* "35..40..55" (utilisation in percent, like its field). */
char *
_hu_scenario_editor_format_range (HuInputKey     key,
                                  const HuRange *range)
{
  double scale = _hu_scenario_editor_is_percent (key) ? 100.0 : 1.0;
  g_autofree char *low = hu_number_format_for_entry (range->low * scale);
  g_autofree char *high = hu_number_format_for_entry (range->high * scale);
  g_autofree char *likely = NULL;

  if (isnan (range->likely))
    return g_strdup_printf ("%s..%s", low, high);
  likely = hu_number_format_for_entry (range->likely * scale);
  return g_strdup_printf ("%s..%s..%s", low, likely, high);
}

/* One number as people type it: the locale's decimal separator, SI
 * suffixes, and for utilisation a percentage. */
static gboolean
parse_number (HuInputKey   key,
              char        *text,
              double      *out,
              GError     **error)
{
  g_strstrip (text);
  if (_hu_scenario_editor_is_percent (key))
    {
      gsize len = strlen (text);

      if (len > 0 && text[len - 1] == '%')
        text[len - 1] = '\0';
      g_strstrip (text);
    }
  if (!hu_number_parse (text, HU_NUMBER_LOCALE | HU_NUMBER_SUFFIXES, out, error))
    return FALSE;
  if (_hu_scenario_editor_is_percent (key))
    *out /= 100.0;
  return TRUE;
}

gboolean
_hu_scenario_editor_range_active (HuScenarioEditor *self,
                                  HuInputKey        key)
{
  return self->range_rows[key][0] != NULL &&
         gtk_toggle_button_get_active (self->range_toggles[key]);
}

/* The core's messages start with the input's name ("power_w: must be
 * greater than 0"); the form already says which field it is. */
static const char *
without_key_name (const char *message)
{
  const char *colon = strstr (message, ": ");

  return colon != NULL ? colon + 2 : message;
}

/* The exact value behind @part of @key's rows, as show_range() wrote it. */
static double
shown_part (HuScenarioEditor *self,
            HuInputKey        key,
            guint             part)
{
  const HuRange *shown = &self->range_shown[key];

  return part == HU_RANGE_LOW ? shown->low : part == HU_RANGE_LIKELY ? shown->likely : shown->high;
}

/* Whether @text is what the form wrote into @part's row for its exact
 * value: that is no edit, and reading the rounded text back would move
 * the range ("105.8" for 105.787). */
static gboolean
part_unchanged (HuScenarioEditor *self,
                HuInputKey        key,
                guint             part,
                const char       *text)
{
  return _hu_scenario_editor_text_shows (key, text, shown_part (self, key, part));
}

/* Reads one of the low / likely / high rows into @out (NAN when empty);
 * marks the row and explains when it is not a value the input takes. */
static gboolean
parse_part (HuScenarioEditor *self,
            HuInputKey        key,
            guint             part,
            double           *out,
            char            **message)
{
  static const char *names[] = {
    /* Translators: one end of a range in the form, before a problem */
    N_("Low end: %s"),
    /* Translators: the likely value of a range, before a problem */
    N_("Likely value: %s"),
    /* Translators: one end of a range in the form, before a problem */
    N_("High end: %s"),
  };
  GtkWidget *row = GTK_WIDGET (self->range_rows[key][part]);
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
  g_autoptr(GError) error = NULL;
  const char *problem = NULL;
  g_autofree char *explained = NULL;

  *out = NAN;
  g_strstrip (text);
  if (*text != '\0' && part_unchanged (self, key, part, text))
    {
      *out = shown_part (self, key, part);
      gtk_widget_remove_css_class (row, "error");
      return TRUE;
    }
  if (*text != '\0' && !parse_number (key, text, out, &error))
    problem = error->message;
  else if (*text != '\0' && *out < 0 && !hu_input_check_value (key, *out, NULL))
    problem = _("cannot be negative");
  else if (*text != '\0' && _hu_scenario_editor_is_percent (key) && *out > 1)
    problem = _("must be 100 or less");
  else if (*text != '\0' && !hu_input_check_value (key, *out, &error))
    problem = without_key_name (error->message);

  if (problem == NULL)
    {
      gtk_widget_remove_css_class (row, "error");
      return TRUE;
    }
  explained = g_strdup_printf (_(names[part]), problem);
  if (*message == NULL)
    *message = g_steal_pointer (&explained);
  gtk_widget_add_css_class (row, "error");
  *out = NAN;
  return FALSE;
}

/* The range in the three rows, checked as a whole. */
static gboolean
parse_range_rows (HuScenarioEditor *self,
                  HuInputKey        key,
                  HuRange          *range,
                  char            **message)
{
  double scale = _hu_scenario_editor_is_percent (key) ? 100.0 : 1.0;
  gboolean valid = TRUE;

  valid &= parse_part (self, key, HU_RANGE_LOW, &range->low, message);
  valid &= parse_part (self, key, HU_RANGE_LIKELY, &range->likely, message);
  valid &= parse_part (self, key, HU_RANGE_HIGH, &range->high, message);
  if (!valid)
    return FALSE;

  if (isnan (range->low) || isnan (range->high))
    {
      GtkWidget *missing = GTK_WIDGET (self->range_rows[key][isnan (range->low) ? HU_RANGE_LOW
                                                                                  : HU_RANGE_HIGH]);

      gtk_widget_add_css_class (missing, "error");
      *message = g_strdup (_("A range needs a low and a high end"));
      return FALSE;
    }
  if (range->low > range->high)
    {
      g_autofree char *low = hu_number_format_for_entry (range->low * scale);
      g_autofree char *high = hu_number_format_for_entry (range->high * scale);

      gtk_widget_add_css_class (GTK_WIDGET (self->range_rows[key][HU_RANGE_LOW]), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->range_rows[key][HU_RANGE_HIGH]), "error");
      /* Translators: the two ends of a range the user typed */
      *message = g_strdup_printf (_("The low end %s is above the high end %s"), low, high);
      return FALSE;
    }
  if (!isnan (range->likely) && (range->likely < range->low || range->likely > range->high))
    {
      g_autofree char *likely = hu_number_format_for_entry (range->likely * scale);
      g_autofree char *low = hu_number_format_for_entry (range->low * scale);
      g_autofree char *high = hu_number_format_for_entry (range->high * scale);

      gtk_widget_add_css_class (GTK_WIDGET (self->range_rows[key][HU_RANGE_LIKELY]), "error");
      /* Translators: the likely value, then the two ends of the range */
      *message = g_strdup_printf (_("The likely value %s is outside the range %s to %s"),
                                  likely, low, high);
      return FALSE;
    }
  return TRUE;
}

/* What the field's own text says: a number, or a range typed as
 * "low..high" / "low..likely..high". */
static gboolean
parse_text (HuInputKey   key,
            const char  *field,
            double      *out,
            HuRange     *range,
            char       **message)
{
  g_autofree char *text = g_strdup (field);
  g_autoptr(GError) error = NULL;
  double value;

  g_strstrip (text);
  if (*text == '\0')
    return TRUE;

  if (strstr (text, "..") != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (text, "..", -1);
      guint n = g_strv_length (parts);

      if (n != 2 && n != 3)
        {
          /* Translators: a field holds neither a number nor a range */
          *message = g_strdup (_("Write a range as low..high or low..likely..high"));
          return FALSE;
        }
      if (!parse_number (key, parts[0], &range->low, &error) ||
          (n == 3 && !parse_number (key, parts[1], &range->likely, &error)) ||
          !parse_number (key, parts[n - 1], &range->high, &error) ||
          !hu_input_check_range (key, range, &error))
        {
          *message = g_strdup (error->message);
          hu_range_init (range);
          return FALSE;
        }
      *out = hu_range_point (range);
      return TRUE;
    }

  if (!parse_number (key, text, &value, &error) || !hu_input_check_value (key, value, &error))
    {
      *message = g_strdup (error->message);
      return FALSE;
    }

  *out = value;
  return TRUE;
}

/* Whether @key's field shows @value as the form writes it. */
static gboolean
field_shows (HuScenarioEditor *self,
             HuInputKey        key,
             double            value)
{
  return _hu_scenario_editor_text_shows (key, gtk_editable_get_text (GTK_EDITABLE (self->rows[key])),
                                         value);
}

/* The number @key's field stands for, given it reads @parsed: the exact
 * value the form wrote there while the field still shows it, rounded
 * (132.2338 W behind "132.2"), else what the text says. The form writes
 * the scenario's value, and the likely value of a range turned off. */
static double
exact_value (HuScenarioEditor *self,
             HuInputKey        key,
             double            parsed)
{
  double stored;

  if (isnan (parsed))
    return parsed;
  if (field_shows (self, key, self->field_shown[key]))
    return self->field_shown[key];
  stored = self->scenario != NULL ? hu_inputs_get (hu_scenario_get_inputs (self->scenario), key)
                                  : NAN;
  return field_shows (self, key, stored) ? stored : parsed;
}

/* Reads one field: a number, or a range into @range, from the low /
 * likely / high rows while its "±" is on. Returns FALSE and an
 * explanation for people when the value is not acceptable; an empty field
 * is valid and unset. */
gboolean
_hu_scenario_editor_parse_field (HuScenarioEditor  *self,
                                 HuInputKey         key,
                                 double            *out,
                                 HuRange           *range,
                                 char             **message)
{
  *out = NAN;
  hu_range_init (range);

  if (_hu_scenario_editor_range_active (self, key))
    {
      if (!parse_range_rows (self, key, range, message))
        {
          hu_range_init (range);
          return FALSE;
        }
      *out = hu_range_point (range);
      return TRUE;
    }
  if (!parse_text (key, gtk_editable_get_text (GTK_EDITABLE (self->rows[key])), out, range,
                   message))
    return FALSE;
  if (!hu_range_is_set (range))
    *out = exact_value (self, key, *out);
  return TRUE;
}

/* The value a field stands for when it is empty: what the estimate used. */
static double
resolved_value (HuScenarioEditor *self,
                HuInputKey        key)
{
  const HuEstimate *e = self->result != NULL ? hu_result_get_estimate (self->result) : NULL;

  if (e == NULL)
    return NAN;
  switch ((int) key)
    {
    case HU_INPUT_PEAK_TFLOPS: return e->peak_tflops;
    case HU_INPUT_COUNT:       return e->count;
    case HU_INPUT_UTILIZATION: return e->utilization;
    case HU_INPUT_POWER_W:     return e->power_w;
    case HU_INPUT_RETRAIN:     return e->retrain;
    case HU_INPUT_INTENSITY:   return e->intensity;
    case HU_INPUT_PUE:         return e->pue;
    default:
      return NAN;
    }
}

/* A first range around @value for the user to adjust: −20 %, +20 %,
 * kept inside the input's domain (PUE ≥ 1, utilisation ≤ 1). */
static void
range_around (HuInputKey key,
              double     value,
              HuRange   *range)
{
  range->low = value * 0.8;
  range->likely = value;
  range->high = value * 1.2;
  if (!hu_input_check_value (key, range->low, NULL))
    range->low = value;
  if (!hu_input_check_value (key, range->high, NULL))
    range->high = value;
  if (hu_input_is_integer (key))
    {
      range->low = floor (range->low);
      range->high = ceil (range->high);
    }
}

static void
set_part (HuScenarioEditor *self,
          HuInputKey        key,
          guint             part,
          double            value)
{
  g_autofree char *text = hu_number_format_for_entry (_hu_scenario_editor_is_percent (key)
                                                                ? value * 100.0 : value);

  gtk_editable_set_text (GTK_EDITABLE (self->range_rows[key][part]), text);
  gtk_widget_remove_css_class (GTK_WIDGET (self->range_rows[key][part]), "error");
}

static void
update_range_rows (HuScenarioEditor *self,
                   HuInputKey        key)
{
  gboolean shown = _hu_scenario_editor_range_active (self, key) &&
                   gtk_widget_get_visible (GTK_WIDGET (self->rows[key]));

  if (self->range_rows[key][0] == NULL)
    return;
  for (guint part = 0; part < HU_N_RANGE_PARTS; part++)
    gtk_widget_set_visible (GTK_WIDGET (self->range_rows[key][part]), shown);
  gtk_editable_set_editable (GTK_EDITABLE (self->rows[key]),
                             !_hu_scenario_editor_range_active (self, key));
}

static void
on_main_row_visible (HuScenarioEditor *self,
                     GParamSpec       *pspec,
                     GtkWidget        *row)
{
  for (guint key = 0; key < HU_N_NUMERIC_INPUTS; key++)
    if (GTK_WIDGET (self->rows[key]) == row)
      update_range_rows (self, key);
}

/* Typing in low / likely / high: the field shows the range when it is
 * valid; either way it is checked at once and committed after the pause. */
static void
on_part_changed (HuScenarioEditor *self,
                 GtkEditable      *editable)
{
  HuInputKey key = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (editable), "input-key"));
  g_autofree char *message = NULL;
  g_autofree char *text = NULL;
  HuRange range = HU_RANGE_INIT;

  if (self->loading || self->syncing_range)
    return;
  if (parse_range_rows (self, key, &range, &message))
    {
      text = _hu_scenario_editor_format_range (key, &range);
      if (!g_str_equal (text, gtk_editable_get_text (GTK_EDITABLE (self->rows[key]))))
        {
          /* The field's own handler validates and commits. */
          gtk_editable_set_text (GTK_EDITABLE (self->rows[key]), text);
          return;
        }
    }
  self->field_edited (self, key);
}

static void
ensure_range_rows (HuScenarioEditor *self,
                   HuInputKey        key)
{
  static const char *titles[] = {
    /* Translators: the lowest value a ranged input may take */
    N_("Low"),
    /* Translators: the most likely value of a ranged input; may be left empty */
    N_("Likely (optional)"),
    /* Translators: the highest value a ranged input may take */
    N_("High"),
  };
  GtkWidget *main_row = GTK_WIDGET (self->rows[key]);
  GtkListBox *list = GTK_LIST_BOX (gtk_widget_get_parent (main_row));
  int position = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (main_row));
  const char *field = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (main_row));

  if (self->range_rows[key][0] != NULL)
    return;

  for (guint part = 0; part < HU_N_RANGE_PARTS; part++)
    {
      GtkWidget *row = adw_entry_row_new ();
      GtkWidget *unit = gtk_label_new (_hu_scenario_editor_unit_for (self, key));
      /* Translators: accessible name of a range's row: the part, then
       * the field, e.g. "Low: Utilization" */
      g_autofree char *name = g_strdup_printf (_("%s: %s"), _(titles[part]), field);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(titles[part]));
      gtk_widget_add_css_class (row, "hu-range-part");
      gtk_widget_add_css_class (unit, "dim-label");
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), unit);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      name, -1);
      if (part == HU_RANGE_LIKELY)
        gtk_widget_set_tooltip_text (row, _("Leave empty for a uniform range; a likely value "
                                            "makes it triangular"));
      g_object_set_data (G_OBJECT (row), "input-key", GUINT_TO_POINTER (key));
      g_signal_connect_object (row, "changed", G_CALLBACK (on_part_changed), self,
                               G_CONNECT_SWAPPED);
      gtk_widget_set_visible (row, FALSE);
      gtk_list_box_insert (list, row, position + 1 + (int) part);
      self->range_rows[key][part] = ADW_ENTRY_ROW (row);
      self->range_units[key][part] = GTK_LABEL (unit);
    }
  g_signal_connect_object (main_row, "notify::visible", G_CALLBACK (on_main_row_visible), self,
                           G_CONNECT_SWAPPED);
}

/* Fills the three rows with @range without reacting to it. */
static void
show_range (HuScenarioEditor *self,
            HuInputKey        key,
            const HuRange    *range)
{
  self->syncing_range = TRUE;
  self->range_shown[key] = *range;
  set_part (self, key, HU_RANGE_LOW, range->low);
  set_part (self, key, HU_RANGE_LIKELY, range->likely);
  set_part (self, key, HU_RANGE_HIGH, range->high);
  self->syncing_range = FALSE;
}

/* "±" on: the rows start from the range typed in the field, or around
 * its number (or the default it stands for); off: the field gets the
 * range's likely value back (or its middle), which drops the range. */
static void
on_range_toggled (GtkToggleButton  *toggle,
                  HuScenarioEditor *self)
{
  HuInputKey key = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toggle), "input-key"));
  gboolean active = gtk_toggle_button_get_active (toggle);

  if (self->loading)
    return;

  if (active)
    {
      g_autofree char *message = NULL;
      HuRange range = HU_RANGE_INIT;
      double value = NAN;

      ensure_range_rows (self, key);
      if (parse_text (key, gtk_editable_get_text (GTK_EDITABLE (self->rows[key])), &value,
                      &range, &message) && !hu_range_is_set (&range))
        {
          value = exact_value (self, key, value);
          if (isnan (value))
            value = resolved_value (self, key);
          if (!isnan (value))
            range_around (key, value, &range);
        }
      show_range (self, key, &range);
      update_range_rows (self, key);
      on_part_changed (self, GTK_EDITABLE (self->range_rows[key][HU_RANGE_LOW]));
      gtk_widget_grab_focus (GTK_WIDGET (self->range_rows[key][HU_RANGE_LOW]));
    }
  else
    {
      g_autofree char *message = NULL;
      g_autofree char *text = NULL;
      double low, likely, high, value;

      parse_part (self, key, HU_RANGE_LOW, &low, &message);
      parse_part (self, key, HU_RANGE_LIKELY, &likely, &message);
      parse_part (self, key, HU_RANGE_HIGH, &high, &message);
      value = !isnan (likely) ? likely
            : !isnan (low) && !isnan (high) ? (low + high) / 2
            : !isnan (low) ? low : high;
      if (hu_input_is_integer (key) && !isnan (value))
        value = round (value);
      update_range_rows (self, key);
      self->field_shown[key] = value;
      text = hu_number_format_for_entry (_hu_scenario_editor_is_percent (key)
                                                   ? value * 100.0 : value);
      gtk_editable_set_text (GTK_EDITABLE (self->rows[key]), text);
      self->field_edited (self, key);
      gtk_widget_grab_focus (GTK_WIDGET (self->rows[key]));
    }
}

/* Called by load_scenario() (with ->loading set) after the field's text. */
void
_hu_scenario_editor_load_range (HuScenarioEditor *self,
                                HuInputKey        key,
                                const HuRange    *range)
{
  gboolean ranged = range != NULL && hu_range_is_set (range);

  /* What the form wrote for another scenario is no longer in the form. */
  hu_range_init (&self->range_shown[key]);
  self->field_shown[key] = NAN;
  if (ranged)
    {
      ensure_range_rows (self, key);
      show_range (self, key, range);
    }
  if (self->range_toggles[key] != NULL)
    gtk_toggle_button_set_active (self->range_toggles[key], ranged);
  update_range_rows (self, key);
}

void
_hu_scenario_editor_add_range_button (HuScenarioEditor *self,
                                      HuInputKey        key)
{
  GtkWidget *toggle = gtk_toggle_button_new_with_label ("±");

  hu_range_init (&self->range_shown[key]);
  self->field_shown[key] = NAN;
  gtk_widget_add_css_class (toggle, "flat");
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (toggle, _("Give a range: low, likely and high"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Range"), -1);
  g_object_set_data (G_OBJECT (toggle), "input-key", GUINT_TO_POINTER (key));
  g_signal_connect_object (toggle, "toggled", G_CALLBACK (on_range_toggled), self, 0);
  adw_entry_row_add_suffix (self->rows[key], toggle);
  self->range_toggles[key] = GTK_TOGGLE_BUTTON (toggle);
}
