/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hu-cli-common.h"

G_BEGIN_DECLS

/* Each subcommand gets argv with its own name as argv[0]. */
int hu_cli_estimate (int argc, char **argv);
int hu_cli_compare  (int argc, char **argv);
int hu_cli_gpus     (int argc, char **argv);
int hu_cli_regions  (int argc, char **argv);
int hu_cli_models   (int argc, char **argv);
int hu_cli_import   (int argc, char **argv);
int hu_cli_report   (int argc, char **argv);

G_END_DECLS
