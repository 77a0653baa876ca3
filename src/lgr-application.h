/* lgr-application.h: the application - windows, accelerators, about, drafts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lgr-draft-store.h"

G_BEGIN_DECLS

#define LGR_TYPE_APPLICATION (lgr_application_get_type ())
G_DECLARE_FINAL_TYPE (LgrApplication, lgr_application, LGR, APPLICATION, AdwApplication)

LgrApplication *lgr_application_new (void);

LgrDraftStore *lgr_application_get_drafts (LgrApplication *self);

G_END_DECLS
