/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HU_TYPE_APPLICATION (hu_application_get_type ())
G_DECLARE_FINAL_TYPE (HuApplication, hu_application, HU, APPLICATION, AdwApplication)

HuApplication *hu_application_new (void);
void           hu_application_setup_environment (void);

G_END_DECLS
