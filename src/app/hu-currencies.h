/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  const char *code;   /* ISO 4217 alpha-3 */
  const char *name;   /* untranslated, iso-codes' spelling */
} HuCurrency;

const HuCurrency *hu_currencies_list       (guint      *n);
char             *hu_currency_display_name (const char *code);

G_END_DECLS
