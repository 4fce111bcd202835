/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hu_import_paths(): find the files, tell their formats apart, run the
 * importers. Everything here runs in the caller's thread and touches no
 * global state, so the app can call it from a GTask thread.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gunixinputstream.h>
#include <glib/gi18n-lib.h>

#include "hu-import-private.h"
#include "hu-number.h"

/* Enough to see a header and, for carbontracker, the version line. */
#define HEAD_SIZE (16 * 1024)


static const char * const trackers[] = {
  "codecarbon", "carbontracker", "eit", "eco2ai", "nvidia-smi", "zeus", NULL
};

typedef struct {
  GFile    *file;
  char     *display;
  guint64   size;
  HuFormat  format;
  gboolean  explicit;   /* named by the caller, not found in a folder */
  gboolean  done;
} Entry;

static void
entry_free (Entry *e)
{
  g_clear_object (&e->file);
  g_free (e->display);
  g_free (e);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Entry, entry_free)

const char * const *
hu_import_get_trackers (void)
{
  return trackers;
}

static HuFormat
sniff (GFile         *file,
       GCancellable  *cancellable,
       GError       **error)
{
  g_autoptr(GInputStream) in = _hu_import_open (file, cancellable, error);
  g_autofree char *head = NULL;
  gsize got = 0;

  if (in == NULL)
    return HU_FORMAT_UNKNOWN;
  head = g_malloc (HEAD_SIZE);
  if (!g_input_stream_read_all (in, head, HEAD_SIZE, &got, cancellable, error))
    return HU_FORMAT_UNKNOWN;
  return _hu_import_detect (head, got);
}

/* carbontracker's rewrite, a prototype (TRACKERS.md §2.4), writes
 * run_<unix>_events.jsonl: one event a line, each with a "__type__".
 * Named by the user, it deserves better than "not a known tracker". */
static gboolean
is_carbontracker_events (GFile        *file,
                         GCancellable *cancellable)
{
  g_autoptr(GInputStream) in = _hu_import_open (file, cancellable, NULL);
  char head[4096];
  gsize got = 0;
  const char *nl;

  if (in == NULL || !g_input_stream_read_all (in, head, sizeof head - 1, &got, cancellable, NULL))
    return FALSE;
  head[got] = '\0';
  nl = strchr (head, '\n');
  if (nl != NULL)
    head[nl - head] = '\0';
  return head[0] == '{' && strstr (head, "\"__type__\": \"") != NULL
         && (strstr (head, "\"carbontracker") != NULL || strstr (head, "\"EventStart\"") != NULL);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
collect (GFile         *file,
         const char    *display,
         gboolean       explicit,
         GPtrArray     *entries,
         GCancellable  *cancellable,
         GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GPtrArray) names = NULL;
  GFileType type;

  /* Symbolic links inside folders are not followed: they can loop. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            explicit ? G_FILE_QUERY_INFO_NONE : G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                            cancellable, error);
  if (info == NULL)
    {
      g_prefix_error (error, "%s: ", display);
      return FALSE;
    }

  type = g_file_info_get_file_type (info);
  if (type == G_FILE_TYPE_REGULAR)
    {
      Entry *e = g_new0 (Entry, 1);
      e->file = g_object_ref (file);
      e->display = g_strdup (display);
      e->size = g_file_info_get_size (info);
      e->explicit = explicit;
      g_ptr_array_add (entries, e);
      return TRUE;
    }
  if (type != G_FILE_TYPE_DIRECTORY)
    {
      if (explicit)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                       _("%s: not a regular file or folder"), display);
          return FALSE;
        }
      return TRUE;
    }

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable, error);
  if (children == NULL)
    {
      g_prefix_error (error, "%s: ", display);
      return FALSE;
    }

  /* Sorted, so that runs come out in the same order on every machine. */
  names = g_ptr_array_new_with_free_func (g_free);
  for (;;)
    {
      GFileInfo *child = NULL;

      if (!g_file_enumerator_iterate (children, &child, NULL, cancellable, error))
        {
          g_prefix_error (error, "%s: ", display);
          return FALSE;
        }
      if (child == NULL)
        break;
      g_ptr_array_add (names, g_strdup (g_file_info_get_name (child)));
    }
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autoptr(GFile) child = g_file_get_child (file, name);
      g_autofree char *child_display = g_build_filename (display, name, NULL);

      if (!collect (child, child_display, FALSE, entries, cancellable, error))
        return FALSE;
    }
  return TRUE;
}

static HuFormat
forced_format (const char *tracker,
               HuFormat    detected,
               const char *display)
{
  if (g_strcmp0 (tracker, "codecarbon") == 0)
    return HU_FORMAT_CODECARBON;
  if (g_strcmp0 (tracker, "eit") == 0)
    return HU_FORMAT_EIT;
  if (g_strcmp0 (tracker, "eco2ai") == 0)
    return HU_FORMAT_ECO2AI;
  if (g_strcmp0 (tracker, "nvidia-smi") == 0)
    return HU_FORMAT_NVIDIA_SMI;
  if (g_strcmp0 (tracker, "zeus") == 0)
    return HU_FORMAT_ZEUS;
  /* carbontracker: the content still tells its two logs apart. */
  if (detected == HU_FORMAT_CARBONTRACKER_OUTPUT || detected == HU_FORMAT_CARBONTRACKER_ERR)
    return detected;
  if (g_str_has_suffix (display, "_output.log"))
    return HU_FORMAT_CARBONTRACKER_OUTPUT;
  return HU_FORMAT_CARBONTRACKER_LOG;
}

/* "<dir>/<prefix>_carbontracker_output.log" → "<dir>/<prefix>": the tracker
 * names the two logs of one run alike, and this is how it pairs them too. */
static char *
carbontracker_stem (const char *display)
{
  static const char * const suffixes[] = {
    "_carbontracker_output.log", "_carbontracker_err.log", "_carbontracker.log",
  };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (display, suffixes[i]))
      return g_strndup (display, strlen (display) - strlen (suffixes[i]));
  return g_strdup (display);
}

static Entry *
find_partner (GPtrArray  *entries,
              Entry      *e,
              HuFormat    wanted)
{
  g_autofree char *stem = carbontracker_stem (e->display);

  for (guint i = 0; i < entries->len; i++)
    {
      Entry *other = g_ptr_array_index (entries, i);
      g_autofree char *other_stem = NULL;

      if (other == e || other->done || other->format != wanted)
        continue;
      other_stem = carbontracker_stem (other->display);
      if (strcmp (stem, other_stem) == 0 && strcmp (stem, e->display) != 0)
        return other;
    }
  return NULL;
}

/* A carbontracker log named on its own: its partner beside it, as the
 * tracker wrote them, or NULL. A run's CO₂eq is in the output log only,
 * and its devices and epochs in the standard one: a user who opens one of
 * the two means the run. */
static Entry *
find_sibling (Entry        *e,
              HuFormat      wanted,
              GCancellable *cancellable)
{
  const char *suffix = wanted == HU_FORMAT_CARBONTRACKER_LOG ? "_carbontracker.log"
                                                             : "_carbontracker_output.log";
  g_autofree char *stem = carbontracker_stem (e->display);
  g_autofree char *base = g_file_get_basename (e->file);
  g_autofree char *base_stem = carbontracker_stem (base);
  g_autofree char *name = NULL;
  g_autoptr(GFile) parent = g_file_get_parent (e->file);
  g_autoptr(GFile) file = NULL;
  Entry *sibling;

  if (strcmp (stem, e->display) == 0 || strcmp (base_stem, base) == 0 || parent == NULL)
    return NULL;
  name = g_strconcat (base_stem, suffix, NULL);
  file = g_file_get_child (parent, name);
  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, cancellable) != G_FILE_TYPE_REGULAR
      || sniff (file, cancellable, NULL) != wanted)
    return NULL;
  sibling = g_new0 (Entry, 1);
  sibling->file = g_steal_pointer (&file);
  sibling->display = g_strconcat (stem, suffix, NULL);
  sibling->format = wanted;
  return sibling;
}

static gboolean
import_stream_entry (HuImportContext  *ctx,
                     Entry            *e,
                     GError          **error)
{
  g_autoptr(GInputStream) in = _hu_import_open (e->file, ctx->cancellable, error);
  gboolean ok = FALSE;

  if (in == NULL)
    {
      g_prefix_error (error, "%s: ", e->display);
      return FALSE;
    }

  switch (e->format)
    {
    case HU_FORMAT_CODECARBON:
      ok = _hu_import_codecarbon (ctx, in, error);
      break;
    case HU_FORMAT_ECO2AI:
      ok = _hu_import_eco2ai (ctx, in, error);
      break;
    case HU_FORMAT_EIT:
      ok = _hu_import_eit (ctx, in, error);
      break;
    case HU_FORMAT_NVIDIA_SMI:
      ok = _hu_import_nvidia_smi (ctx, in, error);
      break;
    case HU_FORMAT_ZEUS:
      ok = _hu_import_zeus (ctx, in, error);
      break;
    case HU_FORMAT_CARBONTRACKER_LOG:
    case HU_FORMAT_CARBONTRACKER_OUTPUT:
    case HU_FORMAT_CARBONTRACKER_ERR:
    case HU_FORMAT_UNKNOWN:
    default:
      g_assert_not_reached ();
    }

  /* GIO errors (and cancellation) say nothing about which file. */
  if (!ok && (*error)->domain != HU_IMPORT_ERROR)
    g_prefix_error (error, "%s: ", e->display);
  return ok;
}

static gboolean
import_entry (HuImportContext  *ctx,
              GPtrArray        *entries,
              Entry            *e,
              GError          **error)
{
  ctx->display = e->display;

  switch (e->format)
    {
    case HU_FORMAT_CARBONTRACKER_LOG:
    case HU_FORMAT_CARBONTRACKER_OUTPUT:
      {
        gboolean is_log = e->format == HU_FORMAT_CARBONTRACKER_LOG;
        HuFormat wanted = is_log ? HU_FORMAT_CARBONTRACKER_OUTPUT : HU_FORMAT_CARBONTRACKER_LOG;
        Entry *partner = find_partner (entries, e, wanted);
        g_autoptr(Entry) sibling = partner == NULL && e->explicit
                                   ? find_sibling (e, wanted, ctx->cancellable) : NULL;
        Entry *log, *output;
        gboolean ok;

        if (sibling != NULL)
          partner = sibling;
        log = is_log ? e : partner;
        output = is_log ? partner : e;

        if (partner != NULL)
          partner->done = TRUE;
        ok = _hu_import_carbontracker (ctx,
                                       log ? log->file : NULL, log ? log->display : NULL,
                                       output ? output->file : NULL,
                                       output ? output->display : NULL, error);
        if (partner != NULL && partner != sibling)
          ctx->base_done += partner->size;
        return ok;
      }

    case HU_FORMAT_CARBONTRACKER_ERR:
      /* Warnings and tracebacks only; the other two logs hold the run. */
      if (e->explicit)
        _hu_import_skip (ctx, 0, _("carbontracker error log: it holds no measurements"));
      return TRUE;

    case HU_FORMAT_UNKNOWN:
      if (!e->explicit)
        return TRUE;
      if (is_carbontracker_events (e->file, ctx->cancellable))
        {
          g_set_error (error, HU_IMPORT_ERROR, HU_IMPORT_ERROR_UNKNOWN_FORMAT,
                       _("%s:1: an event log of carbontracker’s rewrite, a prototype whose "
                         "format may still change, which Huella does not read; it reads "
                         "carbontracker’s released logs (…_carbontracker.log and "
                         "…_carbontracker_output.log)"), e->display);
          return FALSE;
        }
      g_set_error (error, HU_IMPORT_ERROR, HU_IMPORT_ERROR_UNKNOWN_FORMAT,
                   _("%s:1: not a log of a known tracker (CodeCarbon, carbontracker, "
                     "experiment-impact-tracker, Eco2AI, nvidia-smi, Zeus)"),
                   e->display);
      return FALSE;

    case HU_FORMAT_CODECARBON:
    case HU_FORMAT_ECO2AI:
    case HU_FORMAT_EIT:
    case HU_FORMAT_NVIDIA_SMI:
    case HU_FORMAT_ZEUS:
    default:
      return import_stream_entry (ctx, e, error);
    }
}

/**
 * hu_import_run_label:
 * @data: an imported run
 *
 * A name that tells imported runs apart, from what the log holds: the
 * project or experiment name (the file's name when the log names nothing,
 * as nvidia-smi and Zeus), the run id (its first six characters when it is
 * longer than twelve) and the start
 * time to the minute, joined by " · ": "my-project · 3f2a91 · 2024-05-01
 * 14:02". CodeCarbon's default project name is "codecarbon" for every run;
 * the id and the time are what differ.
 *
 * Returns: (transfer full): the label
 */
char *
hu_import_run_label (const HuRunData *data)
{
  g_autoptr(GString) label = g_string_new (NULL);
  g_autofree char *base = NULL;
  const char *name = data->name;

  g_return_val_if_fail (data != NULL, NULL);

  if (name == NULL || *name == '\0')
    name = data->file != NULL ? (base = g_path_get_basename (data->file)) : data->source;
  g_string_append (label, name != NULL ? name : "");

  if (data->run_id != NULL && *data->run_id != '\0' && g_strcmp0 (data->run_id, name) != 0)
    {
      const char *end = data->run_id;

      /* A short id is shown whole ("33447.772679", carbontracker's pid
       * and logger id); a long one, a UUID, by its first six characters,
       * never ending on a separator ("3f2a91", not "run_1."). */
      if (g_utf8_strlen (data->run_id, -1) <= 12)
        end = data->run_id + strlen (data->run_id);
      else
        for (guint n = 0; n < 6 && *end != '\0'; n++)
          end = g_utf8_next_char (end);
      while (end > data->run_id && strchr ("._-:/ ", end[-1]) != NULL)
        end--;
      if (end > data->run_id)
        {
          g_string_append (label, " · ");
          g_string_append_len (label, data->run_id, end - data->run_id);
        }
    }

  /* "2024-05-01T14:02:37…" → "2024-05-01 14:02" */
  if (data->start != NULL && strlen (data->start) >= 16 && data->start[10] == 'T')
    {
      g_string_append (label, " · ");
      g_string_append_len (label, data->start, 10);
      g_string_append_c (label, ' ');
      g_string_append_len (label, data->start + 11, 5);
    }
  return g_string_free (g_steal_pointer (&label), FALSE);
}

/**
 * hu_import_result_name_runs:
 * @result: runs just imported
 *
 * Names every run with hu_import_run_label(), as they are added to a
 * project: the app and `huella-cli import --add-to` name them the same.
 */
void
hu_import_result_name_runs (HuImportResult *result)
{
  g_return_if_fail (result != NULL);

  for (guint i = 0; i < result->runs->len; i++)
    {
      HuMeasuredRun *run = g_ptr_array_index (result->runs, i);
      g_autofree char *label = hu_import_run_label (hu_measured_run_get_data (run));

      hu_measured_run_set_name (run, label);
    }
}

static gboolean
check_tracker (const char  *tracker,
               GError     **error)
{
  if (tracker == NULL || g_strcmp0 (tracker, "auto") == 0
      || g_strv_contains (trackers, tracker))
    return TRUE;
  g_set_error (error, HU_IMPORT_ERROR, HU_IMPORT_ERROR_UNKNOWN_TRACKER,
               _("Unknown tracker “%s” (expected auto, codecarbon, carbontracker, eit, eco2ai, "
                 "nvidia-smi or zeus)"), tracker);
  return FALSE;
}

/**
 * hu_import_paths:
 * @paths: files and folders; folders are scanned recursively
 * @tracker: (nullable): a tracker name to force, or %NULL / "auto" to detect
 * @cancellable: (nullable): checked between reads
 * @progress: (nullable): called with bytes read so far and in total
 * @user_data: for @progress
 * @result: (out): the runs found and the lines left out
 * @error: return location for an error
 *
 * Imports every tracker log found. Damaged rows are reported in
 * @result's skipped list; only unreadable files, files named in @paths that
 * no importer recognises, and cancellation are errors, and their messages
 * start with the file name (and line).
 *
 * Returns: %TRUE on success
 */
gboolean
hu_import_paths (const char * const   *paths,
                 const char           *tracker,
                 GCancellable         *cancellable,
                 HuImportProgressFunc  progress,
                 gpointer              user_data,
                 HuImportResult      **result,
                 GError              **error)
{
  return hu_import_paths_foreach (paths, tracker, cancellable, progress, NULL, user_data,
                                  result, error);
}

/**
 * hu_import_paths_foreach:
 * @paths: files and folders; folders are scanned recursively
 * @tracker: (nullable): a tracker name to force, or %NULL / "auto" to detect
 * @cancellable: (nullable): checked between reads
 * @progress: (nullable): called with bytes read so far and in total
 * @run_func: (nullable): called with each run as soon as it is complete
 * @user_data: for @progress and @run_func
 * @result: (out): the lines left out, the counts, and the runs when
 *   @run_func is %NULL
 * @error: return location for an error
 *
 * hu_import_paths(), handing each run to @run_func instead of keeping it:
 * memory no longer grows with the number of runs (a CodeCarbon 1.x log
 * has one per row). Runs come in file order; with an error, the runs
 * already handed out stay so.
 *
 * Returns: %TRUE on success
 */
gboolean
hu_import_paths_foreach (const char * const   *paths,
                         const char           *tracker,
                         GCancellable         *cancellable,
                         HuImportProgressFunc  progress,
                         HuImportRunFunc       run_func,
                         gpointer              user_data,
                         HuImportResult      **result,
                         GError              **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  g_autoptr(HuImportResult) res = hu_import_result_new ();
  gboolean forced;
  HuImportContext ctx = { 0 };

  g_return_val_if_fail (paths != NULL, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_tracker (tracker, error))
    return FALSE;
  forced = tracker != NULL && g_strcmp0 (tracker, "auto") != 0;

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (paths[i]);

      if (!collect (file, paths[i], TRUE, entries, cancellable, error))
        return FALSE;
    }

  ctx.result = res;
  ctx.cancellable = cancellable;
  ctx.progress = progress;
  ctx.user_data = user_data;
  ctx.run_func = run_func;

  for (guint i = 0; i < entries->len; i++)
    {
      Entry *e = g_ptr_array_index (entries, i);
      g_autoptr(GError) local_error = NULL;

      e->format = sniff (e->file, cancellable, &local_error);
      if (local_error != NULL)
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", e->display);
          return FALSE;
        }

      if (forced && e->explicit)
        e->format = forced_format (tracker, e->format, e->display);
      else if (forced && g_strcmp0 (_hu_format_get_tracker (e->format), tracker) != 0)
        e->format = HU_FORMAT_UNKNOWN;

      if (e->format != HU_FORMAT_UNKNOWN || e->explicit)
        ctx.total += e->size;
    }

  for (guint i = 0; i < entries->len; i++)
    {
      Entry *e = g_ptr_array_index (entries, i);
      guint first_run = res->runs->len;

      if (e->done)
        continue;
      e->done = TRUE;
      if (!import_entry (&ctx, entries, e, error))
        return FALSE;
      if (run_func != NULL)
        _hu_import_hand_out_runs (&ctx, TRUE);
      else
        _hu_import_drop_impossible_runs (&ctx, first_run);
      if (e->format != HU_FORMAT_UNKNOWN || e->explicit)
        ctx.base_done += e->size;
      if (progress != NULL)
        progress (MIN (ctx.base_done, ctx.total), ctx.total, user_data);
    }

  if (run_func == NULL)
    res->n_runs = res->runs->len;
  *result = g_steal_pointer (&res);
  return TRUE;
}
