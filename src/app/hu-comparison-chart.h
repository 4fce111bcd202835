/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hu-chart.h"
#include "hu-result.h"

G_BEGIN_DECLS

/* More bars than this are not legible at the page's width: the chart then
 * shows the largest rows and one bar for all the others. */
#define HU_COMPARISON_CHART_MAX_BARS 30

HuChart  *hu_comparison_chart_new        (GListModel *rows,
                                          HuMetric    metric,
                                          const char *currency,
                                          GHashTable *categories,
                                          guint      *n_others,
                                          guint      *n_without);
gboolean  hu_comparison_chart_update_row (HuChart    *chart,
                                          HuResult   *row,
                                          HuMetric    metric,
                                          GHashTable *categories);

G_END_DECLS
