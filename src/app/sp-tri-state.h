/* sp-tri-state.h: a Yes / No / Not recorded answer
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * SpTriStateValue:
 * @SP_TRI_STATE_UNKNOWN: not recorded, which is not "no"
 * @SP_TRI_STATE_YES: recorded yes
 * @SP_TRI_STATE_NO: recorded no
 */
typedef enum {
  SP_TRI_STATE_UNKNOWN,
  SP_TRI_STATE_YES,
  SP_TRI_STATE_NO,
} SpTriStateValue;

#define SP_TYPE_TRI_STATE (sp_tri_state_get_type ())

G_DECLARE_FINAL_TYPE (SpTriState, sp_tri_state, SP, TRI_STATE, GtkWidget)

GtkWidget       *sp_tri_state_new        (void) G_GNUC_WARN_UNUSED_RESULT;
SpTriStateValue  sp_tri_state_get_value  (SpTriState      *self);
void             sp_tri_state_set_value  (SpTriState      *self,
                                          SpTriStateValue  value);
GtkToggleButton *sp_tri_state_get_button (SpTriState      *self,
                                          SpTriStateValue  value);

G_END_DECLS
