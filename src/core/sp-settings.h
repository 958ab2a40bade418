/* sp-settings.h: the application's preferences, typed
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sp-types.h"

G_BEGIN_DECLS

/* These mirror the <range> elements of the schema; the packaging tests check that they
 * agree, so a preferences page can use them for its spin buttons. */
#define SP_SETTINGS_DRAFT_RETENTION_DAYS_MIN 1
#define SP_SETTINGS_DRAFT_RETENTION_DAYS_MAX 90
#define SP_SETTINGS_AUTOSAVE_DELAY_SECONDS_MIN 1
#define SP_SETTINGS_AUTOSAVE_DELAY_SECONDS_MAX 60

#define SP_TYPE_SETTINGS (sp_settings_get_type ())

G_DECLARE_FINAL_TYPE (SpSettings, sp_settings, SP, SETTINGS, GObject)

G_GNUC_WARN_UNUSED_RESULT
SpSettings *sp_settings_new                            (const char *schema_id);
GSettings  *sp_settings_get_gsettings                  (SpSettings *self);
const char *sp_settings_get_schema_id                  (SpSettings *self);

int         sp_settings_get_window_width               (SpSettings *self);
void        sp_settings_set_window_width               (SpSettings *self,
                                                        int         window_width);
int         sp_settings_get_window_height              (SpSettings *self);
void        sp_settings_set_window_height              (SpSettings *self,
                                                        int         window_height);
gboolean    sp_settings_get_window_maximized           (SpSettings *self);
void        sp_settings_set_window_maximized           (SpSettings *self,
                                                        gboolean    window_maximized);

const char *sp_settings_get_default_setting            (SpSettings *self);
void        sp_settings_set_default_setting            (SpSettings *self,
                                                        const char *default_setting);
gboolean    sp_settings_get_export_include_identifiers (SpSettings *self);
void        sp_settings_set_export_include_identifiers (SpSettings *self,
                                                        gboolean    export_include_identifiers);
gboolean    sp_settings_get_export_include_reasons     (SpSettings *self);
void        sp_settings_set_export_include_reasons     (SpSettings *self,
                                                        gboolean    export_include_reasons);
int         sp_settings_get_draft_retention_days       (SpSettings *self);
void        sp_settings_set_draft_retention_days       (SpSettings *self,
                                                        int         draft_retention_days);
int         sp_settings_get_autosave_delay_seconds     (SpSettings *self);
void        sp_settings_set_autosave_delay_seconds     (SpSettings *self,
                                                        int         autosave_delay_seconds);

G_END_DECLS
