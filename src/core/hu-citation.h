/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One row of the catalog's data sources (the table of SOURCES.md). */
typedef struct {
  char *dataset;
  char *publisher;
  char *years;
  char *licence;
  char *used_for;
} HuDataSource;

char      *hu_citation_localize  (const char *citation);
GPtrArray *hu_data_sources_list  (gboolean    localized);
void       hu_data_source_free   (HuDataSource *source);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HuDataSource, hu_data_source_free)

G_END_DECLS
