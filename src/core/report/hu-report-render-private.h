/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "hu-report-snapshot-private.h"

G_BEGIN_DECLS

/* The exporters hu-report.c dispatches to. They read the snapshot and the
 * document and never call back into hu-report.c. */

GBytes            *_hu_report_to_csv         (HuReport      *self);
GBytes            *_hu_report_to_json        (HuReport      *self);
GBytes            *_hu_report_to_markdown    (HuReport      *self,
                                              GCancellable  *cancellable,
                                              GError       **error);
GBytes            *_hu_report_to_latex       (HuReport      *self,
                                              GCancellable  *cancellable,
                                              GError       **error);
GBytes            *_hu_report_to_pdf         (HuReport      *self,
                                              GCancellable  *cancellable,
                                              GError       **error);
/* Lays out the PDF; draws page @only_page into @cr when not NULL (preview),
 * returns the page count. */
guint              _hu_report_paginate       (HuReport      *self,
                                              cairo_t       *cr,
                                              int            only_page,
                                              GCancellable  *cancellable);
void               _hu_report_paper_size     (HuPaperSize    paper,
                                              double        *width,
                                              double        *height);

G_END_DECLS
