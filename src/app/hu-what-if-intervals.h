/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "hu-core.h"

G_BEGIN_DECLS

void       hu_what_if_intervals_compute_async  (GObject             *source,
                                                const HuInputs      *base,
                                                GPtrArray           *items,
                                                gboolean             regions,
                                                double               ranked_pue,
                                                HuCatalog           *catalog,
                                                gboolean             default_ranges,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             data);
GPtrArray *hu_what_if_intervals_compute_finish (GAsyncResult        *result,
                                                GError             **error);

G_END_DECLS
