/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hu-cli-common.h"

G_BEGIN_DECLS

/* --samples, --seed and --default-ranges, shared by estimate, compare
 * and report (ARCHITECTURE.md §8). */
typedef struct {
  char     *samples;
  char     *seed;
  gboolean  default_ranges;
} HuCliUncertaintyArgs;

void          hu_cli_uncertainty_args_clear (HuCliUncertaintyArgs *args);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HuCliUncertaintyArgs, hu_cli_uncertainty_args_clear)
GOptionGroup *hu_cli_uncertainty_group      (HuCliUncertaintyArgs *args);
gboolean      hu_cli_uncertainty_options    (const HuCliUncertaintyArgs *args,
                                             HuUncertaintyOptions *options,
                                             GError              **error);

/* Sets @key from a flag's text: a number, "low..high" or
 * "low..likely..high". On failure @error names the flag and
 * @exit_status says whether it was a bad range (usage, 2) or a bad
 * number (input, 1). */
gboolean      hu_cli_set_input              (HuInputs            *inputs,
                                             HuInputKey           key,
                                             const char          *text,
                                             int                 *exit_status,
                                             GError             **error);

/* "9.2 t (5.1–14.8 t)": the point value with its 5–95 % interval. */
char         *hu_cli_format_with_interval   (double               value,
                                             const HuInterval    *interval,
                                             char               *(*format) (double));

/* The "What matters most" table and the sources of default ranges. */
void          hu_cli_print_sensitivity      (GString             *out,
                                             const HuUncertainty *u);

/* CSV: `<key>_p05,<key>_p95` for every output key. */
void          hu_cli_csv_interval_header    (GString             *out);
void          hu_cli_csv_interval_row       (GString             *out,
                                             const HuUncertainty *u);

G_END_DECLS
