/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean _hu_report_fit_columns (guint         n_columns,
                                 const double *min,
                                 const double *natural,
                                 double        available,
                                 double       *widths);

G_END_DECLS
