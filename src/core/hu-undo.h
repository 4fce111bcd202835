/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hu-scenario.h"

G_BEGIN_DECLS

/* How many edits an undo stack keeps: enough to back out of a wrong turn
 * without growing for a whole working day. */
#define HU_UNDO_MAX_ENTRIES 100

#define HU_TYPE_UNDO (hu_undo_get_type ())
G_DECLARE_FINAL_TYPE (HuUndo, hu_undo, HU, UNDO, GObject)

HuUndo     *hu_undo_new           (void);
void        hu_undo_push_scenario (HuUndo     *self,
                                   HuScenario *scenario);
gboolean    hu_undo_get_can_undo  (HuUndo     *self);
guint       hu_undo_get_n_entries (HuUndo     *self);
HuScenario *hu_undo_undo          (HuUndo     *self);
void        hu_undo_clear         (HuUndo     *self);

G_END_DECLS
