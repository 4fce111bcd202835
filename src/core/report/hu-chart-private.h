/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hu-chart.h"

G_BEGIN_DECLS

/* Shared by the public builders (live project) and the report (its
 * snapshot of the project), so both read a run the same way. */

/* What a measured run says about @metric, NAN when the log does not say. */
double    _hu_run_data_get_metric (const HuRunData *data,
                                   HuMetric         metric);

/* The power chart of a run's logged series, titled @name. */
HuChart  *_hu_chart_new_power     (const char      *name,
                                   const HuRunData *data);

/* What hu_chart_save_svg() and hu_chart_save_png() write, for exporters
 * that want the bytes rather than a file. */
GBytes   *_hu_chart_to_svg        (HuChart            *self,
                                   double              width,
                                   double              height,
                                   const HuChartStyle *style,
                                   GError            **error);
GBytes   *_hu_chart_to_png        (HuChart            *self,
                                   double              width,
                                   double              height,
                                   double              scale,
                                   const HuChartStyle *style,
                                   GError            **error);

G_END_DECLS
