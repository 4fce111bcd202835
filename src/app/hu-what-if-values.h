/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hu-chart.h"
#include "hu-core.h"

G_BEGIN_DECLS

double            hu_what_if_current_value (const HuEstimate *estimate,
                                            HuInputKey        key);
double            hu_what_if_display_scale (HuInputKey        key);
const HuInterval *hu_what_if_item_interval (GPtrArray        *intervals,
                                            guint             i,
                                            HuMetric          metric);
void              hu_what_if_set_whiskers  (HuChart          *chart,
                                            GPtrArray        *intervals,
                                            HuMetric          metric);

char             *hu_what_if_ranked_value  (HuChart          *chart,
                                            double            value,
                                            const HuInterval *interval);

G_END_DECLS
