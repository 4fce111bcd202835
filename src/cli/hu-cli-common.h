/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hu-core.h"

G_BEGIN_DECLS

/* Exit statuses of ARCHITECTURE.md §5. */
#define HU_EXIT_OK    0
#define HU_EXIT_INPUT 1
#define HU_EXIT_USAGE 2

typedef enum {
  HU_CLI_FORMAT_TEXT,
  HU_CLI_FORMAT_JSON,
  HU_CLI_FORMAT_CSV,
  HU_CLI_FORMAT_MARKDOWN,
} HuCliFormat;

/* A simple aligned text table. Cells are UTF-8; columns are padded by
 * display width, numbers right-aligned. */
typedef struct _HuCliTable HuCliTable;

HuCliTable *hu_cli_table_new        (guint          n_columns,
                                     const char    *first_heading,
                                     ...) G_GNUC_NULL_TERMINATED;
void        hu_cli_table_set_right  (HuCliTable    *table,
                                     guint          column);
void        hu_cli_table_set_max_width (HuCliTable *table,
                                     guint          column,
                                     guint          width);
void        hu_cli_table_set_min_width (HuCliTable *table,
                                     guint          column,
                                     guint          width);
void        hu_cli_table_add_row    (HuCliTable    *table,
                                     const char    *first_cell,
                                     ...) G_GNUC_NULL_TERMINATED;
void        hu_cli_table_add_rowv   (HuCliTable    *table,
                                     char         **cells);
void        hu_cli_table_print      (HuCliTable    *table,
                                     GString       *out);
void        hu_cli_table_flush      (HuCliTable    *table,
                                     GString       *out);
void        hu_cli_table_print_markdown (HuCliTable *table,
                                     GString       *out);
void        hu_cli_table_free       (HuCliTable    *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HuCliTable, hu_cli_table_free)

gboolean    hu_cli_parse_format     (const char    *text,
                                     gboolean       allow_csv,
                                     gboolean       allow_markdown,
                                     HuCliFormat   *out,
                                     GError       **error);
gboolean    hu_cli_parse_currency   (const char    *text,
                                     const char   **out,
                                     GError       **error);

void        hu_cli_csv_field        (GString       *out,
                                     const char    *field);
void        hu_cli_csv_number       (GString       *out,
                                     double         value);

char       *hu_cli_json_to_string   (JsonBuilder   *builder);

/* Prints "huella-cli: MESSAGE" on stderr with a core field name turned
 * into the flag that sets it ("count: …" → "--count: …"). */
void        hu_cli_error            (const char    *message);
void        hu_cli_error_flags      (const GError  *error);
void        hu_cli_usage_error      (GOptionContext *context,
                                     const char    *message);
gboolean    hu_cli_parse_flags_only (GOptionContext *context,
                                     int            *argc,
                                     char         ***argv);

/* Replaces control characters in a human-readable output. */
void        hu_cli_make_printable   (GString       *text);

/* Writes @text to stdout all at once, so a failing command leaves stdout
 * empty instead of half a table. */
gboolean    hu_cli_write_stdout     (GString       *text);

/* g_strv_builder_take() is GLib 2.80; Debian 12 has 2.74. */
static inline void
hu_strv_builder_take (GStrvBuilder *builder,
                      char         *value)
{
  g_strv_builder_add (builder, value);
  g_free (value);
}

G_END_DECLS
