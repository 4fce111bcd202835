/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "hu-project.h"
#include "hu-project-writer.h"

G_BEGIN_DECLS

/* A project's file is its head, its runs and its tail (the members
 * before and after "runs"): hu_project_to_data() writes them into one
 * string, HuProjectWriter streams them (hu-project-writer.c). */
void  _hu_project_add_head      (HuProject     *self,
                                 JsonBuilder   *builder);
void  _hu_project_add_tail      (HuProject     *self,
                                 JsonBuilder   *builder);
void  _hu_project_append_head   (HuProject     *self,
                                 GString       *out);
void  _hu_project_append_run    (GString       *out,
                                 HuMeasuredRun *run,
                                 guint64        index);
void  _hu_project_append_tail   (HuProject     *self,
                                 GString       *out,
                                 guint64        n_runs);
void  _hu_project_claim_run_id  (HuProject     *self,
                                 HuMeasuredRun *run);

void  _hu_project_writer_set_limit (HuProjectWriter *self,
                                   guint64          limit);

G_END_DECLS
