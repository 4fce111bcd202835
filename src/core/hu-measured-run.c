/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "hu-measured-run"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "hu-json-private.h"
#include "hu-measured-run.h"
#include "hu-measured-run-private.h"
#include "hu-number.h"
#include "hu-units.h"

struct _HuMeasuredRun
{
  GObject     parent_instance;
  HuRunData   data;
  JsonObject *extra;
};

G_DEFINE_FINAL_TYPE (HuMeasuredRun, hu_measured_run, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
hu_power_series_free (HuPowerSeries *series)
{
  if (series == NULL)
    return;
  g_free (series->label);
  g_clear_pointer (&series->buckets, g_array_unref);
  g_free (series);
}

/**
 * hu_power_series_get_title:
 * @series: a run's power series
 *
 * The series' name for people, as legends and tooltips show it: logs and
 * project files keep the importers' keys ("gpu", "cpu", "GPU 0"), which
 * read "GPU", "CPU", "GPU 0" in the user's language.
 *
 * Returns: (transfer full): the title
 */
char *
hu_power_series_get_title (const HuPowerSeries *series)
{
  const char *label;

  g_return_val_if_fail (series != NULL, NULL);

  label = series->label != NULL ? series->label : "";
  if (g_ascii_strcasecmp (label, "gpu") == 0)
    /* Translators: a power chart's series: the GPUs together */
    return g_strdup (_("GPU"));
  if (g_ascii_strcasecmp (label, "cpu") == 0)
    /* Translators: a power chart's series: the processor */
    return g_strdup (_("CPU"));
  if (g_ascii_strncasecmp (label, "GPU ", 4) == 0 && label[4] != '\0')
    /* Translators: a power chart's series: one GPU by its index, "GPU 0" */
    return g_strdup_printf (_("GPU %s"), label + 4);
  return g_strdup (label);
}

HuPowerSeries *
hu_power_series_copy (const HuPowerSeries *src)
{
  HuPowerSeries *dest = g_new0 (HuPowerSeries, 1);

  dest->label = g_strdup (src->label);
  dest->samples = src->samples;
  dest->buckets = g_array_sized_new (FALSE, FALSE, sizeof (HuSeriesBucket),
                                     src->buckets ? src->buckets->len : 0);
  if (src->buckets)
    g_array_append_vals (dest->buckets, src->buckets->data, src->buckets->len);
  return dest;
}

void
hu_run_data_copy (const HuRunData *src,
                  HuRunData       *dest)
{
  *dest = *src;
  dest->id = g_strdup (src->id);
  dest->source = g_strdup (src->source);
  dest->source_version = g_strdup (src->source_version);
  dest->file = g_strdup (src->file);
  dest->run_id = g_strdup (src->run_id);
  dest->name = g_strdup (src->name);
  dest->start = g_strdup (src->start);
  dest->country = g_strdup (src->country);
  dest->region = g_strdup (src->region);
  dest->gpu_model = g_strdup (src->gpu_model);
  dest->cpu_model = g_strdup (src->cpu_model);
  dest->notes = g_strdup (src->notes);
  dest->scenario_id = g_strdup (src->scenario_id);
  dest->series = g_ptr_array_new_with_free_func ((GDestroyNotify) hu_power_series_free);
  for (guint i = 0; src->series != NULL && i < src->series->len; i++)
    g_ptr_array_add (dest->series, hu_power_series_copy (src->series->pdata[i]));
}

/* The unknown members of @self (%NULL when there are none) in a deep
 * copy that shares nothing with it, not even a reference count:
 * json-glib counts references without atomics, so the copy can go to
 * another thread while @self stays with this one. */
JsonObject *
_hu_measured_run_copy_extra (HuMeasuredRun *self)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) copy = NULL;

  if (json_object_get_size (self->extra) == 0)
    return NULL;
  node = json_node_init_object (json_node_alloc (), self->extra);
  copy = _hu_json_node_deep_copy (node);
  return json_object_ref (json_node_get_object (copy));
}

void
hu_run_data_clear (HuRunData *d)
{
  g_clear_pointer (&d->id, g_free);
  g_clear_pointer (&d->source, g_free);
  g_clear_pointer (&d->source_version, g_free);
  g_clear_pointer (&d->file, g_free);
  g_clear_pointer (&d->run_id, g_free);
  g_clear_pointer (&d->name, g_free);
  g_clear_pointer (&d->start, g_free);
  g_clear_pointer (&d->country, g_free);
  g_clear_pointer (&d->region, g_free);
  g_clear_pointer (&d->gpu_model, g_free);
  g_clear_pointer (&d->cpu_model, g_free);
  g_clear_pointer (&d->notes, g_free);
  g_clear_pointer (&d->scenario_id, g_free);
  g_clear_pointer (&d->series, g_ptr_array_unref);
}

static void
hu_measured_run_finalize (GObject *object)
{
  hu_run_data_clear (&HU_MEASURED_RUN (object)->data);
  g_clear_pointer (&HU_MEASURED_RUN (object)->extra, json_object_unref);

  G_OBJECT_CLASS (hu_measured_run_parent_class)->finalize (object);
}

static void
hu_measured_run_class_init (HuMeasuredRunClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hu_measured_run_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
hu_measured_run_init (HuMeasuredRun *self)
{
  HuRunData *d = &self->data;

  d->duration_s = NAN;
  d->energy_kwh = NAN;
  d->cpu_energy_kwh = NAN;
  d->gpu_energy_kwh = NAN;
  d->ram_energy_kwh = NAN;
  d->emissions_kg = NAN;
  d->intensity_g_per_kwh = NAN;
  d->pue = NAN;
  d->gpu_count = NAN;
  d->series = g_ptr_array_new_with_free_func ((GDestroyNotify) hu_power_series_free);
  self->extra = json_object_new ();
}

HuMeasuredRun *
hu_measured_run_new (void)
{
  return g_object_new (HU_TYPE_MEASURED_RUN, NULL);
}

HuRunData *
hu_measured_run_get_data (HuMeasuredRun *self)
{
  g_return_val_if_fail (HU_IS_MEASURED_RUN (self), NULL);
  return &self->data;
}

/**
 * hu_run_data_get_metric:
 * @data: what a tracker logged about one run
 * @metric: the metric
 *
 * The one place a run's metrics come from (table, charts, reports, CLI).
 * An unknown figure stays unknown: see hu_run_data_get_metric_rule().
 *
 * Returns: the value, NAN when the log does not give what it needs
 */
double
hu_run_data_get_metric (const HuRunData *data,
                        HuMetric         metric)
{
  double hours;

  g_return_val_if_fail (data != NULL, NAN);

  /* NAN propagates: an unknown duration or GPU count makes the product
   * unknown rather than assuming one GPU. */
  hours = data->duration_s / 3600;
  switch (metric)
    {
    case HU_METRIC_GPU_HOURS:
      return hours * data->gpu_count;
    case HU_METRIC_WALL_HOURS:
      return hours;
    case HU_METRIC_ENERGY_KWH:
      return data->energy_kwh;
    case HU_METRIC_EMISSIONS_KG:
    case HU_METRIC_TOTAL_KG:
      /* Trackers measure operational emissions only. */
      return data->emissions_kg;
    case HU_METRIC_COST:
    case HU_N_METRICS:
    default:
      return NAN;
    }
}

/**
 * hu_run_data_get_metric_rule:
 *
 * Returns: hu_run_data_get_metric()'s rule for unknown fields, translated,
 *   for the Explain view and reports
 */
const char *
hu_run_data_get_metric_rule (void)
{
  return _("A measured run shows only what its log says. When the log leaves out a figure "
           "that a metric needs, such as the number of GPUs for GPU-hours or the duration "
           "for hours, that metric is shown as unknown rather than guessed, and the run "
           "keeps its other metrics. A run’s total CO₂eq is its operational emissions: "
           "trackers do not measure embodied carbon.");
}

/**
 * hu_run_data_format_accelerators:
 *
 * A run's accelerators as the comparison table, the CLI and the report
 * name them: "NVIDIA A100 × 8", the model alone when the log does not
 * count them, "Unknown model × 8". A log that counted none and names no
 * model measured a CPU-only run: "No accelerator", so that its "0 GPU-h"
 * reads as what it is, not as a missing figure ("—" means unknown).
 *
 * Returns: (transfer full) (nullable): the text, %NULL when the log says
 *   nothing of accelerators
 */
char *
hu_run_data_format_accelerators (const HuRunData *data)
{
  g_autofree char *count = NULL;

  g_return_val_if_fail (data != NULL, NULL);

  if (data->gpu_model == NULL && !isfinite (data->gpu_count))
    return NULL;
  /* Different models, counted each by the importer: "NVIDIA A100 × 2,
   * NVIDIA T4 × 1" (_hu_run_set_devices()). */
  if (!isfinite (data->gpu_count)
      || (data->gpu_model != NULL && strstr (data->gpu_model, " × ") != NULL))
    return g_strdup (data->gpu_model);
  if (data->gpu_count == 0 && data->gpu_model == NULL)
    /* Translators: the accelerators of a run that used only the CPU */
    return g_strdup (_("No accelerator"));
  count = hu_format_number (data->gpu_count, 6);
  if (data->gpu_model == NULL)
    /* Translators: accelerators of an unknown model, "× 8" */
    return g_strdup_printf (_("Unknown model × %s"), count);
  /* Translators: accelerator model times how many, "NVIDIA A100 × 8" */
  return g_strdup_printf (_("%s × %s"), data->gpu_model, count);
}

/**
 * hu_run_data_get_parts_note:
 * @data: a measured run
 *
 * Some trackers count a run's total apart from its parts (carbontracker
 * multiplies its epochs' average power and its total differently), so the
 * CPU, GPU and RAM energies a log gives can add up to more than its total.
 * Shown silently, parts larger than the whole would read as an error of
 * ours: this says so.
 *
 * Returns: (transfer full) (nullable): a note, translated, or %NULL when
 *   the parts fit in the total or the log does not give both
 */
char *
hu_run_data_get_parts_note (const HuRunData *data)
{
  const double parts[] = { data->cpu_energy_kwh, data->gpu_energy_kwh, data->ram_energy_kwh };
  double sum = 0;
  gboolean any = FALSE;
  g_autofree char *sum_text = NULL;
  g_autofree char *total_text = NULL;

  g_return_val_if_fail (data != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (isfinite (parts[i]))
      {
        sum += parts[i];
        any = TRUE;
      }
  /* A relative margin: the parts of an exact log may differ from its
   * total in the last digits it printed. */
  if (!any || !isfinite (data->energy_kwh) || sum <= data->energy_kwh * (1 + 1e-6) + 1e-12)
    return NULL;

  /* One unit and the energies' digits for the sentence, as the run page
   * writes the same total beside it ("15.50 Wh", never "15.5 Wh"). */
  {
    const double both[] = { sum, data->energy_kwh };
    HuUnitScale scale;

    hu_unit_scale_init (&scale, HU_UNIT_ENERGY_KWH, both, G_N_ELEMENTS (both), NULL, 0);
    sum_text = hu_unit_scale_format (&scale, sum, HU_UNITS_DEFAULT);
    total_text = hu_unit_scale_format (&scale, data->energy_kwh, HU_UNITS_DEFAULT);
  }
  /* Translators: a measured run's note; the first %s is the CPU, GPU and
   * RAM energy added up, the second the log's total, both with units */
  return g_strdup_printf (_("The energy of the parts (%s) is more than the total the log gives "
                            "(%s): the tracker counts them separately. The total is the "
                            "log’s own."), sum_text, total_text);
}

void
hu_measured_run_changed (HuMeasuredRun *self)
{
  g_return_if_fail (HU_IS_MEASURED_RUN (self));
  g_signal_emit (self, signals[CHANGED], 0);
}

const char *
hu_measured_run_get_id (HuMeasuredRun *self)
{
  g_return_val_if_fail (HU_IS_MEASURED_RUN (self), NULL);
  return self->data.id;
}

const char *
hu_measured_run_get_name (HuMeasuredRun *self)
{
  g_return_val_if_fail (HU_IS_MEASURED_RUN (self), NULL);
  return self->data.name;
}

void
hu_measured_run_set_name (HuMeasuredRun *self,
                          const char    *name)
{
  g_return_if_fail (HU_IS_MEASURED_RUN (self));
  if (g_strcmp0 (self->data.name, name) == 0)
    return;
  g_free (self->data.name);
  self->data.name = g_strdup (name);
  hu_measured_run_changed (self);
}

/* The string and number members shared by the project file and the CLI
 * contract, in the contract's order. */
typedef struct {
  const char *key;
  gsize       offset;
  gboolean    is_string;
} Member;

#define S(field) { #field, G_STRUCT_OFFSET (HuRunData, field), TRUE }
#define N(field) { #field, G_STRUCT_OFFSET (HuRunData, field), FALSE }

static const Member contract[] = {
  S (source), S (source_version), S (file), S (run_id), S (name), S (start),
  N (duration_s), N (energy_kwh), N (cpu_energy_kwh), N (gpu_energy_kwh),
  N (ram_energy_kwh), N (emissions_kg), N (intensity_g_per_kwh), N (pue),
  S (country), S (region), S (gpu_model), N (gpu_count),
};

static const Member project_only[] = {
  S (cpu_model), S (notes),
};

#define STR_AT(d, m)    (*(char **) ((char *) (d) + (m)->offset))
#define DOUBLE_AT(d, m) (*(double *) ((char *) (d) + (m)->offset))

static void
write_member (JsonBuilder     *builder,
              const HuRunData *d,
              const Member    *m)
{
  if (m->is_string)
    _hu_json_add_string (builder, m->key, STR_AT (d, m));
  else
    _hu_json_add_double (builder, m->key, DOUBLE_AT (d, m));
}

/**
 * hu_measured_run_write_contract:
 *
 * Exactly the keys of `huella-cli import --format json`, null when
 * unknown: scripts rely on this set, so it never grows silently.
 */
void
hu_measured_run_write_contract (HuMeasuredRun *self,
                                JsonBuilder   *builder)
{
  const HuRunData *d = &self->data;

  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (contract); i++)
    write_member (builder, d, &contract[i]);
  json_builder_set_member_name (builder, "samples");
  if (d->samples > 0)
    json_builder_add_int_value (builder, (gint64) d->samples);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
}

static void
write_series (JsonBuilder     *builder,
              const HuRunData *d)
{
  json_builder_set_member_name (builder, "series");
  json_builder_begin_array (builder);
  for (guint i = 0; i < d->series->len; i++)
    {
      const HuPowerSeries *s = d->series->pdata[i];

      json_builder_begin_object (builder);
      _hu_json_add_string (builder, "label", s->label);
      _hu_json_add_int (builder, "samples", (gint64) s->samples);
      /* Buckets as flat [t0, t1, min, mean, max] rows: compact in files. */
      json_builder_set_member_name (builder, "buckets");
      json_builder_begin_array (builder);
      for (guint j = 0; s->buckets && j < s->buckets->len; j++)
        {
          const HuSeriesBucket *b = &g_array_index (s->buckets, HuSeriesBucket, j);
          json_builder_begin_array (builder);
          json_builder_add_double_value (builder, b->t0_s);
          json_builder_add_double_value (builder, b->t1_s);
          json_builder_add_double_value (builder, b->min_w);
          json_builder_add_double_value (builder, b->mean_w);
          json_builder_add_double_value (builder, b->max_w);
          json_builder_end_array (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* The run as a project's file holds it, @depth levels deep, laid out as
 * hu_json_to_string() lays out a tree, without building one: a project
 * of many runs spent most of its save there otherwise. Only the power
 * series and the unknown members, rare and nested, go through a tree.
 * tests/test-project-writer.c checks the bytes. */
void
_hu_measured_run_append_json (HuMeasuredRun *self,
                              GString       *out,
                              guint          depth)
{
  _hu_run_data_append_json (&self->data, self->extra, out, depth);
}

/* The same for a run's data and unknown members (@extra, %NULL for
 * none) apart from any run: a copy made for a worker thread
 * (HuProjectSnapshot) is written by the same code, so both write the
 * same bytes. */
void
_hu_run_data_append_json (const HuRunData *d,
                          JsonObject      *extra,
                          GString         *out,
                          guint            depth)
{
  guint inner = depth + 1;
  JsonObjectIter iter;
  const char *key;
  JsonNode *node;

  g_string_append_c (out, '{');
  _hu_json_append_key (out, "id", TRUE, inner);
  _hu_json_append_string (out, d->id);
  for (guint k = 0; k < 2; k++)
    {
      const Member *members = k == 0 ? contract : project_only;
      guint n = k == 0 ? G_N_ELEMENTS (contract) : G_N_ELEMENTS (project_only);

      for (guint i = 0; i < n; i++)
        {
          _hu_json_append_key (out, members[i].key, FALSE, inner);
          if (members[i].is_string)
            _hu_json_append_string (out, STR_AT (d, &members[i]));
          else
            _hu_json_append_double (out, DOUBLE_AT (d, &members[i]));
        }
    }
  _hu_json_append_key (out, "samples", FALSE, inner);
  g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) d->samples);
  _hu_json_append_key (out, "line", FALSE, inner);
  g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) d->line);
  _hu_json_append_key (out, "start_is_local", FALSE, inner);
  g_string_append (out, d->start_is_local ? "true" : "false");
  _hu_json_append_key (out, "predicted", FALSE, inner);
  g_string_append (out, d->predicted ? "true" : "false");
  if (d->scenario_id)
    {
      _hu_json_append_key (out, "scenario", FALSE, inner);
      _hu_json_append_string (out, d->scenario_id);
    }
  if (d->series->len > 0)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      write_series (builder, d);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      _hu_json_append_key (out, "series", FALSE, inner);
      _hu_json_append (out, json_object_get_member (json_node_get_object (root), "series"),
                       inner);
    }
  if (extra != NULL)
    json_object_iter_init_ordered (&iter, extra);
  while (extra != NULL && json_object_iter_next_ordered (&iter, &key, &node))
    {
      _hu_json_append_key (out, key, FALSE, inner);
      _hu_json_append (out, node, inner);
    }
  g_string_append_c (out, '\n');
  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
  g_string_append_c (out, '}');
}

static gboolean
read_series (HuRunData   *d,
             JsonArray   *array,
             GError     **error)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonArray *buckets = NULL;
      HuPowerSeries *s;
      double samples = 0;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      s = g_new0 (HuPowerSeries, 1);
      s->buckets = g_array_new (FALSE, FALSE, sizeof (HuSeriesBucket));
      g_ptr_array_add (d->series, s);
      if (!_hu_json_get_string (json_node_get_object (node), "label", FALSE, &s->label, error) ||
          !_hu_json_get_double (json_node_get_object (node), "samples", 0, FALSE, &samples, error) ||
          !_hu_json_get_array (json_node_get_object (node), "buckets", &buckets, error))
        {
          g_prefix_error (error, "series[%u]: ", i);
          return FALSE;
        }
      s->samples = isfinite (samples) ? (guint64) samples : 0;
      for (guint j = 0; buckets && j < json_array_get_length (buckets) && j < HU_SERIES_MAX_BUCKETS; j++)
        {
          JsonNode *bn = json_array_get_element (buckets, j);
          JsonArray *row;
          HuSeriesBucket b;

          if (!JSON_NODE_HOLDS_ARRAY (bn) || json_array_get_length (row = json_node_get_array (bn)) != 5)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("series[%u].buckets[%u]: expected [t0, t1, min, mean, max]"), i, j);
              return FALSE;
            }
          b.t0_s = json_array_get_double_element (row, 0);
          b.t1_s = json_array_get_double_element (row, 1);
          b.min_w = json_array_get_double_element (row, 2);
          b.mean_w = json_array_get_double_element (row, 3);
          b.max_w = json_array_get_double_element (row, 4);
          g_array_append_val (s->buckets, b);
        }
    }
  return TRUE;
}

HuMeasuredRun *
hu_measured_run_new_from_json (JsonObject  *object,
                               GError     **error)
{
  static const char *other_keys[] = { "id", "samples", "line", "start_is_local", "predicted",
                                      "scenario", "series", NULL };
  g_autoptr(HuMeasuredRun) self = hu_measured_run_new ();
  HuRunData *d = &self->data;
  JsonArray *series = NULL;
  JsonObjectIter iter;
  const char *key;
  JsonNode *node;
  double samples = NAN, line = NAN;

  if (!_hu_json_get_string (object, "id", FALSE, &d->id, error))
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (contract) + G_N_ELEMENTS (project_only); i++)
    {
      const Member *m = i < G_N_ELEMENTS (contract) ? &contract[i]
                                                    : &project_only[i - G_N_ELEMENTS (contract)];
      gboolean ok = m->is_string
        ? _hu_json_get_string (object, m->key, FALSE, &STR_AT (d, m), error)
        : _hu_json_get_double (object, m->key, 0, FALSE, &DOUBLE_AT (d, m), error);
      if (!ok)
        return NULL;
    }

  if (!_hu_json_get_double (object, "samples", 0, FALSE, &samples, error) ||
      !_hu_json_get_double (object, "line", 0, FALSE, &line, error) ||
      !_hu_json_get_string (object, "scenario", FALSE, &d->scenario_id, error) ||
      !_hu_json_get_array (object, "series", &series, error) ||
      !_hu_json_check_name ("id", d->id, error) ||
      !_hu_json_check_name ("name", d->name, error))
    return NULL;

  d->samples = isfinite (samples) ? (guint64) samples : 0;
  d->line = isfinite (line) ? (guint) line : 0;
  d->start_is_local = json_object_get_boolean_member_with_default (object, "start_is_local", FALSE);
  d->predicted = json_object_get_boolean_member_with_default (object, "predicted", FALSE);
  if (series && !read_series (d, series, error))
    return NULL;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &key, &node))
    {
      gboolean known = g_strv_contains (other_keys, key);
      for (guint i = 0; !known && i < G_N_ELEMENTS (contract); i++)
        known = g_str_equal (key, contract[i].key);
      for (guint i = 0; !known && i < G_N_ELEMENTS (project_only); i++)
        known = g_str_equal (key, project_only[i].key);
      if (!known)
        json_object_set_member (self->extra, key, json_node_copy (node));
    }

  return g_steal_pointer (&self);
}
