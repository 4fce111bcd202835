/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Line and CSV readers shared by the importers.
 *
 * Logs can be gigabytes long, so the readers never hold more than one
 * buffer: lines are found with memchr and handed out in place, and a line
 * that grows beyond HU_LINE_MAX is dropped as it streams by instead of
 * being accumulated.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "hu-import-private.h"

#define CHUNK_SIZE (256 * 1024)
/* A quoted CSV field may legitimately contain line breaks; a record that
 * keeps a quote open for longer than this is damage. */
#define CSV_MAX_RECORD_LINES 64

struct _HuLineReader {
  GInputStream    *stream;
  HuImportContext *ctx;
  char            *buf;
  gsize            size;      /* allocated, one byte kept for a final NUL */
  gsize            start;     /* first byte not yet handed out */
  gsize            end;       /* end of the bytes read */
  guint64          consumed;  /* bytes read from the stream */
  guint            number;
  gboolean         eof;
  gboolean         first;     /* a UTF-8 BOM may still be ahead */
  gboolean         discarding;/* inside an over-long line */
};

HuLineReader *
_hu_line_reader_new (GInputStream    *stream,
                     HuImportContext *ctx)
{
  HuLineReader *self = g_new0 (HuLineReader, 1);

  self->stream = g_object_ref (stream);
  self->ctx = ctx;
  self->size = CHUNK_SIZE + 1;
  self->buf = g_malloc (self->size);
  self->first = TRUE;
  return self;
}

void
_hu_line_reader_free (HuLineReader *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->stream);
  g_free (self->buf);
  g_free (self);
}

static gboolean
fill (HuLineReader  *self,
      GError       **error)
{
  gssize n;

  if (g_cancellable_set_error_if_cancelled (self->ctx ? self->ctx->cancellable : NULL, error))
    return FALSE;

  /* Keep the unread tail, then make room. */
  if (self->start > 0)
    {
      memmove (self->buf, self->buf + self->start, self->end - self->start);
      self->end -= self->start;
      self->start = 0;
    }
  if (self->size - 1 - self->end < CHUNK_SIZE / 2)
    {
      self->size = MAX (self->size * 2, self->end + CHUNK_SIZE + 1);
      self->buf = g_realloc (self->buf, self->size);
    }

  n = g_input_stream_read (self->stream, self->buf + self->end, self->size - 1 - self->end,
                           self->ctx ? self->ctx->cancellable : NULL, error);
  if (n < 0)
    return FALSE;
  if (n == 0)
    self->eof = TRUE;
  self->end += n;
  self->consumed += n;

  if (self->first && self->end >= 3)
    {
      if (memcmp (self->buf, "\xEF\xBB\xBF", 3) == 0)
        self->start = 3;
      self->first = FALSE;
    }
  else if (self->eof)
    self->first = FALSE;

  if (self->ctx != NULL)
    _hu_import_context_progress (self->ctx, self->consumed);
  return TRUE;
}

/* Hands out buf[start, stop) as a line; sep_len bytes of line ending follow. */
static void
emit (HuLineReader *self,
      HuLine       *line,
      gsize         stop,
      gsize         sep_len)
{
  char *text = self->buf + self->start;
  gsize len = stop - self->start;

  /* A lone CR also ends a line (old Mac files, mixed endings). */
  char *cr = memchr (text, '\r', len);
  if (cr != NULL && (gsize) (cr - text) + 1 < len)
    {
      len = cr - text;
      stop = self->start + len;
      sep_len = 1;
    }
  else if (len > 0 && text[len - 1] == '\r')
    len--;

  text[len] = '\0';
  line->text = text;
  line->len = len;
  line->number = ++self->number;
  line->too_long = FALSE;
  self->start = stop + sep_len;
}

gboolean
_hu_line_reader_read (HuLineReader  *self,
                      HuLine        *line,
                      GError       **error)
{
  gsize scanned = 0;

  for (;;)
    {
      char *nl = memchr (self->buf + self->start + scanned, '\n',
                         self->end - self->start - scanned);

      if (nl != NULL)
        {
          if (self->discarding)
            {
              self->discarding = FALSE;
              self->start = nl - self->buf + 1;
              self->buf[self->start - 1] = '\0';
              line->text = (char *) "";
              line->len = 0;
              line->number = ++self->number;
              line->too_long = TRUE;
              return TRUE;
            }
          emit (self, line, nl - self->buf, 1);
          return TRUE;
        }

      scanned = self->end - self->start;

      if (self->eof)
        {
          if (scanned == 0 && !self->discarding)
            {
              line->text = NULL;
              line->len = 0;
              line->too_long = FALSE;
              return TRUE;
            }
          if (self->discarding)
            {
              self->discarding = FALSE;
              self->start = self->end;
              line->text = (char *) "";
              line->len = 0;
              line->number = ++self->number;
              line->too_long = TRUE;
              return TRUE;
            }
          emit (self, line, self->end, 0);
          return TRUE;
        }

      if (scanned > HU_LINE_MAX)
        {
          self->discarding = TRUE;
          self->start = self->end;
          scanned = 0;
        }

      if (!fill (self, error))
        return FALSE;
      /* fill() moves the tail to the front and may skip a BOM. */
      scanned = MIN (scanned, self->end - self->start);
    }
}

gboolean
_hu_line_reader_next (HuLineReader  *self,
                      HuLine        *line,
                      GError       **error)
{
  for (;;)
    {
      if (!_hu_line_reader_read (self, line, error))
        return FALSE;
      if (!line->too_long)
        return TRUE;
      _hu_import_skip (self->ctx, line->number, _("line longer than %u bytes"), HU_LINE_MAX);
    }
}

/* ---------------------------------------------------------------------- */

static guint
csv_split (char      *text,
           char       separator,
           char     **fields,
           guint      max_fields,
           gboolean  *unbalanced)
{
  char *p = text;
  guint n = 0;

  *unbalanced = FALSE;

  for (;;)
    {
      char *out;

      if (n == max_fields)
        return max_fields + 1;

      out = p;
      fields[n++] = out;

      if (*p == '"')
        {
          p++;
          for (;;)
            {
              if (*p == '\0')
                {
                  *unbalanced = TRUE;
                  *out = '\0';
                  return n;
                }
              if (*p == '"')
                {
                  if (p[1] == '"')
                    {
                      *out++ = '"';
                      p += 2;
                      continue;
                    }
                  p++;
                  break;
                }
              *out++ = *p++;
            }
          /* Be lenient like pandas: text after the closing quote is kept. */
          while (*p != '\0' && *p != separator)
            *out++ = *p++;
        }
      else
        {
          while (*p != '\0' && *p != separator)
            p++;
          out = p;
        }

      if (*p == '\0')
        {
          *out = '\0';
          return n;
        }
      *out = '\0';
      p++;
    }
}

struct _HuCsvReader {
  HuLineReader *lines;
  char          separator;
  GString      *joined;
};

HuCsvReader *
_hu_csv_reader_new (GInputStream    *stream,
                    char             separator,
                    HuImportContext *ctx)
{
  HuCsvReader *self = g_new0 (HuCsvReader, 1);

  self->lines = _hu_line_reader_new (stream, ctx);
  self->separator = separator;
  self->joined = g_string_new (NULL);
  return self;
}

void
_hu_csv_reader_free (HuCsvReader *self)
{
  if (self == NULL)
    return;
  _hu_line_reader_free (self->lines);
  g_string_free (self->joined, TRUE);
  g_free (self);
}

static gboolean
quotes_open (const char *text,
             gsize       len)
{
  gboolean open = FALSE;
  const char *p = text;
  const char *stop = text + len;

  while ((p = memchr (p, '"', stop - p)) != NULL)
    {
      open = !open;
      p++;
    }
  return open;
}

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

gboolean
_hu_csv_reader_read (HuCsvReader  *self,
                     HuCsvRecord  *record,
                     gboolean     *eof,
                     GError      **error)
{
  HuLine line;

  *eof = FALSE;
  do
    {
      if (!_hu_line_reader_next (self->lines, &line, error))
        return FALSE;
      if (line.text == NULL)
        {
          record->unbalanced = FALSE;
          record->blank = FALSE;
          record->n_fields = 0;
          *eof = TRUE;
          return TRUE;
        }
      if (!_hu_csv_record_from_line (self->lines, &line, self->joined, self->separator,
                                     record, error))
        return FALSE;
    }
  while (record->blank);
  return TRUE;
}

/**
 * _hu_csv_record_from_line:
 * @line: a line just read from @lines (not too long)
 * @joined: scratch space for a record that spans lines
 *
 * Makes @record from @line, reading on while a quoted field is open (at
 * most CSV_MAX_RECORD_LINES more lines). Shared by the CSV reader and by
 * importers that read lines themselves for speed (nvidia-smi).
 */
gboolean
_hu_csv_record_from_line (HuLineReader  *lines,
                          HuLine        *line,
                          GString       *joined,
                          char           separator,
                          HuCsvRecord   *record,
                          GError       **error)
{
  char *text = line->text;

  record->number = line->number;
  record->blank = FALSE;
  record->unbalanced = FALSE;
  record->n_fields = 0;

  /* Only a record with an odd number of quotes needs the slow path. */
  if (memchr (line->text, '"', line->len) != NULL && quotes_open (line->text, line->len))
    {
      guint extra = 0;

      g_string_assign (joined, line->text);
      while (quotes_open (joined->str, joined->len))
        {
          if (++extra > CSV_MAX_RECORD_LINES || joined->len > HU_LINE_MAX)
            break;
          if (!_hu_line_reader_read (lines, line, error))
            return FALSE;
          if (line->text == NULL || line->too_long)
            break;
          g_string_append_c (joined, '\n');
          g_string_append_len (joined, line->text, line->len);
        }
      text = joined->str;
    }

  if (is_blank (text))
    {
      record->blank = TRUE;
      return TRUE;
    }

  record->n_fields = csv_split (text, separator, record->fields, HU_CSV_MAX_FIELDS,
                                &record->unbalanced);
  return TRUE;
}

int
_hu_csv_column (const HuCsvRecord *header,
                const char        *name)
{
  for (guint i = 0; i < header->n_fields && i < HU_CSV_MAX_FIELDS; i++)
    if (g_strcmp0 (header->fields[i], name) == 0)
      return (int) i;
  return -1;
}
