/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A project's file written as a stream: its head (title, scenarios), its
 * runs, each new run as it arrives, its tail. hu_project_to_data() writes
 * the same pieces into one string, so the bytes are those of a save of
 * the project with the new runs appended, without the tree of JSON nodes
 * that held every run at once: at 10,000 imported runs that tree was most
 * of the time and memory of `import --add-to` (issue 9, item 11; issue 8). */

#define G_LOG_DOMAIN "hu-project"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hu-file-util.h"
#include "hu-json-private.h"
#include "hu-measured-run-private.h"
#include "hu-project-private.h"
#include "hu-project-writer.h"

/* Out to the temporary file in pieces of about this size. */
#define FLUSH_BYTES (256 * 1024)

struct _HuProjectWriter
{
  HuProject  *project;
  HuFileSave *save;       /* NULL once finished or failed */
  GFile      *remote;     /* a location without a local path: the whole
                           * file is kept and written by GIO at the end */
  gboolean    open;       /* neither finished nor failed */
  char       *name;       /* for messages */
  GString    *buffer;
  guint64     written;    /* bytes, buffered or not */
  guint64     limit;      /* the most bytes written */
  guint64     n_runs;     /* in the "runs" array so far */
};

static gboolean
flush (HuProjectWriter  *self,
       gboolean          force,
       GError          **error)
{
  if (self->remote != NULL || (!force && self->buffer->len < FLUSH_BYTES))
    return TRUE;
  if (!hu_file_save_write (self->save, self->buffer->str, self->buffer->len, error))
    {
      g_clear_pointer (&self->save, hu_file_save_abort);
      self->open = FALSE;
      return FALSE;
    }
  g_string_truncate (self->buffer, 0);
  return TRUE;
}

/* Counts the @len bytes just put at the end of the buffer against the
 * largest project Huella opens (a file past HU_PROJECT_MAX_SIZE would
 * save and never open again), and sends the buffer out when full. */
static gboolean
appended (HuProjectWriter  *self,
          gsize             len,
          GError          **error)
{
  self->written += len;
  if (self->written > self->limit)
    {
      g_autofree char *limit = g_format_size_full (self->limit, G_FORMAT_SIZE_IEC_UNITS);

      g_clear_pointer (&self->save, hu_file_save_abort);
      self->open = FALSE;
      g_set_error (error, HU_FILE_ERROR, HU_FILE_ERROR_TOO_LARGE,
                   _("Could not save “%s”: with these runs it would be larger than %s, the "
                     "most Huella opens. The file was not changed."),
                   self->name, limit);
      return FALSE;
    }
  return flush (self, FALSE, error);
}

/* The members of @builder's object, one level deep, each preceded by a
 * comma unless it is the file's first. */
static void
append_members (GString     *out,
                JsonBuilder *builder,
                gboolean     first)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  JsonObject *object = json_node_get_object (root);
  JsonObjectIter iter;
  const char *key;
  JsonNode *member;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &key, &member))
    {
      _hu_json_append_key (out, key, first, 1);
      _hu_json_append (out, member, 1);
      first = FALSE;
    }
}

/* A project's file is written by these three pieces only, whole
 * (hu_project_to_data()) or streamed (HuProjectWriter): the two cannot
 * write different bytes. The head is everything up to the runs' "[". */
void
_hu_project_append_head (HuProject *project,
                         GString   *out)
{
  g_autoptr(JsonBuilder) head = json_builder_new ();

  json_builder_begin_object (head);
  _hu_project_add_head (project, head);
  json_builder_end_object (head);
  g_string_append_c (out, '{');
  append_members (out, head, TRUE);
  g_string_append (out, ",\n  \"runs\": [");
}

/* What goes before the run at @index of the "runs" array. */
static const char *
run_separator (guint64 index)
{
  return index == 0 ? "\n    " : ",\n    ";
}

/* The run at @index of the "runs" array. */
void
_hu_project_append_run (GString       *out,
                        HuMeasuredRun *run,
                        guint64        index)
{
  g_string_append (out, run_separator (index));
  _hu_measured_run_append_json (run, out, 2);
}

/* The end of the runs (@n_runs of them) and of the file. */
void
_hu_project_append_tail (HuProject *project,
                         GString   *out,
                         guint64    n_runs)
{
  g_autoptr(JsonBuilder) tail = json_builder_new ();

  /* An empty array is "[]", as hu_json_to_string() writes it. */
  g_string_append (out, n_runs > 0 ? "\n  ]" : "]");
  json_builder_begin_object (tail);
  _hu_project_add_tail (project, tail);
  json_builder_end_object (tail);
  append_members (out, tail, FALSE);
  g_string_append (out, "\n}\n");
}

static gboolean
append_run (HuProjectWriter  *self,
            HuMeasuredRun    *run,
            GError          **error)
{
  gsize before = self->buffer->len;

  _hu_project_append_run (self->buffer, run, self->n_runs++);
  return appended (self, self->buffer->len - before, error);
}

/**
 * hu_project_writer_new:
 * @project: the project whose file this is (its scenarios and runs are
 *   written first); it keeps track of the new runs' ids, not the runs
 * @file: where to write
 *
 * Starts writing @project to @file: its head and its own runs are
 * written now, in a temporary file beside @file.
 *
 * Returns: (transfer full) (nullable): the writer, or %NULL with @error set
 */
HuProjectWriter *
hu_project_writer_new (HuProject  *project,
                       GFile      *file,
                       GError    **error)
{
  g_autoptr(HuProjectWriter) self = NULL;
  g_autofree char *path = NULL;
  GListModel *runs;

  g_return_val_if_fail (HU_IS_PROJECT (project), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_new0 (HuProjectWriter, 1);
  self->project = g_object_ref (project);
  self->name = g_file_get_parse_name (file);
  self->buffer = g_string_sized_new (FLUSH_BYTES + 4096);
  self->limit = HU_PROJECT_MAX_SIZE;

  /* Only remote locations without a local path (no GVfs FUSE mount)
   * have no path; GIO's replace is the only way to reach them, and it
   * takes the whole file at once (at most the 64 MiB a project may be). */
  path = g_file_get_path (file);
  if (path == NULL)
    self->remote = g_object_ref (file);
  else if (!(self->save = hu_file_save_begin (path, error)))
    return NULL;
  self->open = TRUE;

  _hu_project_append_head (project, self->buffer);
  if (!appended (self, self->buffer->len, error))
    return NULL;

  runs = G_LIST_MODEL (hu_project_get_runs (project));
  for (guint i = 0; i < g_list_model_get_n_items (runs); i++)
    {
      g_autoptr(HuMeasuredRun) run = g_list_model_get_item (runs, i);

      if (!append_run (self, run, error))
        return NULL;
    }
  return g_steal_pointer (&self);
}

/**
 * hu_project_writer_add_run:
 * @run: a run to append; its id is made unique as hu_project_add_runs()
 *   would (an empty id, or one in use, becomes one after the run's
 *   tracker: "codecarbon-2")
 *
 * Writes @run after the runs written so far. On failure the file is left
 * as it was and the writer can only be freed.
 *
 * Returns: %TRUE on success
 */
gboolean
hu_project_writer_add_run (HuProjectWriter  *self,
                           HuMeasuredRun    *run,
                           GError          **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (HU_IS_MEASURED_RUN (run), FALSE);
  g_return_val_if_fail (self->open, FALSE);

  _hu_project_claim_run_id (self->project, run);
  return append_run (self, run, error);
}

/**
 * hu_project_writer_finish:
 *
 * Writes the end of the file, syncs it and puts it in place of the old
 * one. On failure the old file is left as it was.
 *
 * Returns: %TRUE if the file now holds the project and every run added
 */
gboolean
hu_project_writer_finish (HuProjectWriter  *self,
                          GError          **error)
{
  gsize before;
  HuFileSave *save;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->open, FALSE);

  before = self->buffer->len;
  _hu_project_append_tail (self->project, self->buffer, self->n_runs);
  if (!appended (self, self->buffer->len - before, error) || !flush (self, TRUE, error))
    return FALSE;

  self->open = FALSE;
  if (self->remote != NULL)
    return g_file_replace_contents (self->remote, self->buffer->str, self->buffer->len, NULL,
                                    FALSE, G_FILE_CREATE_NONE, NULL, NULL, error);
  save = g_steal_pointer (&self->save);
  return hu_file_save_commit (save, error);
}

/* Tests reach the limit without writing 64 MiB. Takes effect for the
 * bytes written after the call. */
void
_hu_project_writer_set_limit (HuProjectWriter *self,
                              guint64          limit)
{
  self->limit = limit;
}

/**
 * hu_project_writer_free:
 *
 * Frees the writer; unless it finished, the temporary file is removed
 * and the project's file left as it was.
 */
void
hu_project_writer_free (HuProjectWriter *self)
{
  if (self == NULL)
    return;
  hu_file_save_abort (self->save);
  g_clear_object (&self->remote);
  g_clear_object (&self->project);
  g_free (self->name);
  if (self->buffer)
    g_string_free (self->buffer, TRUE);
  g_free (self);
}

/* hu_project_to_data() and hu_project_save() belong to HuProject's API
 * but live here, beside the three pieces every project file is written
 * by: hu-project.c then needs nothing of the writer, and the writer only
 * the project's private head, tail and run ids (no include circle).
 *
 * The runs are written as text, not as a tree: that tree was most of a
 * large project's save. */
char *
hu_project_to_data (HuProject *self,
                    gsize     *length)
{
  GString *out;
  GListModel *runs;
  guint n;

  g_return_val_if_fail (HU_IS_PROJECT (self), NULL);

  out = g_string_new (NULL);
  runs = G_LIST_MODEL (hu_project_get_runs (self));
  n = g_list_model_get_n_items (runs);
  _hu_project_append_head (self, out);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HuMeasuredRun) run = g_list_model_get_item (runs, i);
      _hu_project_append_run (out, run, i);
    }
  _hu_project_append_tail (self, out, n);
  if (length)
    *length = out->len;
  return g_string_free (out, FALSE);
}

typedef struct {
  HuRunData   data;
  JsonObject *extra;     /* a deep copy, or NULL */
} RunCopy;

struct _HuProjectSnapshot
{
  char   *head;
  char   *tail;
  GArray *runs;          /* RunCopy */
};

static void
run_copy_clear (RunCopy *copy)
{
  hu_run_data_clear (&copy->data);
  g_clear_pointer (&copy->extra, json_object_unref);
}

/**
 * hu_project_snapshot_new:
 *
 * Takes @project as it is now, on the thread that owns it. Copying a run
 * is a few string copies and one copy of its power series, far less
 * than writing its numbers out as text.
 *
 * Returns: (transfer full): the snapshot, to be written by
 *   hu_project_snapshot_to_data() on any thread
 */
HuProjectSnapshot *
hu_project_snapshot_new (HuProject *project)
{
  HuProjectSnapshot *self;
  GListModel *runs;
  GString *text;
  guint n;

  g_return_val_if_fail (HU_IS_PROJECT (project), NULL);

  self = g_new0 (HuProjectSnapshot, 1);
  runs = G_LIST_MODEL (hu_project_get_runs (project));
  n = g_list_model_get_n_items (runs);
  self->runs = g_array_sized_new (FALSE, TRUE, sizeof (RunCopy), n);
  g_array_set_clear_func (self->runs, (GDestroyNotify) run_copy_clear);
  g_array_set_size (self->runs, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HuMeasuredRun) run = g_list_model_get_item (runs, i);
      RunCopy *copy = &g_array_index (self->runs, RunCopy, i);

      hu_run_data_copy (hu_measured_run_get_data (run), &copy->data);
      copy->extra = _hu_measured_run_copy_extra (run);
    }

  text = g_string_new (NULL);
  _hu_project_append_head (project, text);
  self->head = g_string_free (text, FALSE);
  text = g_string_new (NULL);
  _hu_project_append_tail (project, text, n);
  self->tail = g_string_free (text, FALSE);
  return self;
}

/**
 * hu_project_snapshot_to_data:
 * @length: (out) (optional): the length of the text
 *
 * Returns: (transfer full): the bytes hu_project_to_data() gave for the
 *   project when the snapshot was taken
 */
char *
hu_project_snapshot_to_data (HuProjectSnapshot *self,
                             gsize             *length)
{
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);

  out = g_string_new (self->head);
  for (guint i = 0; i < self->runs->len; i++)
    {
      RunCopy *copy = &g_array_index (self->runs, RunCopy, i);

      g_string_append (out, run_separator (i));
      _hu_run_data_append_json (&copy->data, copy->extra, out, 2);
    }
  g_string_append (out, self->tail);
  if (length)
    *length = out->len;
  return g_string_free (out, FALSE);
}

void
hu_project_snapshot_free (HuProjectSnapshot *self)
{
  if (self == NULL)
    return;
  g_free (self->head);
  g_free (self->tail);
  g_array_unref (self->runs);
  g_free (self);
}

/**
 * hu_project_save:
 *
 * Writes the file as `import --add-to` does (HuProjectWriter), through
 * hu_file_save_begin(): the file holds its old contents or all of the
 * new ones, whatever happens while saving, and keeps its mode, owner and
 * symbolic link. A project larger than Huella opens is not saved.
 */
gboolean
hu_project_save (HuProject  *self,
                 GFile      *file,
                 GError    **error)
{
  g_autoptr(HuProjectWriter) writer = NULL;

  g_return_val_if_fail (HU_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  writer = hu_project_writer_new (self, file, error);
  if (writer == NULL || !hu_project_writer_finish (writer, error))
    return FALSE;
  hu_project_set_modified (self, FALSE);
  return TRUE;
}
