/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* HuListPager is one class in two files: hu-list-pager.c (the class,
 * its models and the slice of rows it shows) and hu-list-pager-input.c
 * (the wheel and the keys). They share the instance struct through this
 * header, which nothing else includes. */

#include "hu-list-pager.h"

G_BEGIN_DECLS

struct _HuListPager
{
  GObject            parent_instance;

  GtkWidget         *list;            /* weak: the list holds the pager */
  GtkScrollbar      *scrollbar;       /* weak */
  GtkAdjustment     *adjustment;      /* the slice's offset, in rows */
  GtkSliceListModel *slice;
  guint              fixed_rows;      /* 0: as many as the list's height shows */
  guint              n_rows;          /* the slice's length */
  guint              n_whole;         /* how many of them show whole */
  double             fitted_height;   /* the list's height n_rows was chosen for */
  guint              fit_idle;
  double             scroll_rest;     /* a touchpad's part of a row */
  guint              n_rows_bound;
  GtkBitset         *selected;        /* the page's rows the list shows selected */
  guint              focus_position;  /* the row to focus once laid out, or G_MAXUINT */
  gboolean           reset_viewport;  /* the list's viewport to its top once laid out */
};

/* hu-list-pager.c */
GtkSelectionModel *_hu_list_pager_whole_selection (HuListPager *self);
double             _hu_list_pager_max_offset      (HuListPager *self);
void               _hu_list_pager_after_layout    (HuListPager *self);

/* hu-list-pager-input.c */
void               _hu_list_pager_take_input      (HuListPager *self);

G_END_DECLS
