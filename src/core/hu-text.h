/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * HuTextFlags:
 * @HU_TEXT_NONE: keep line breaks and tabs
 * @HU_TEXT_ONE_LINE: line breaks and tabs become spaces (a name, a cell,
 *   a caption: text that must stay on one line)
 */
typedef enum {
  HU_TEXT_NONE     = 0,
  HU_TEXT_ONE_LINE = 1 << 0,
} HuTextFlags;

char     *hu_text_printable          (const char  *text,
                                      HuTextFlags  flags);
void      hu_text_append_printable   (GString     *out,
                                      const char  *text,
                                      HuTextFlags  flags);
gboolean  hu_text_is_printable       (const char  *text,
                                      HuTextFlags  flags);

void      hu_text_append_csv_text    (GString     *out,
                                      const char  *text);

/* For searching without regard to accents or case. */
char     *hu_text_fold               (const char  *text);

G_END_DECLS
