/* sp-case-session.h: one open case, its file, its unsaved changes, its draft
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sp-types.h"
#include "sp-case.h"
#include "sp-draft-store.h"

G_BEGIN_DECLS

#define SP_TYPE_CASE_SESSION (sp_case_session_get_type ())

G_DECLARE_FINAL_TYPE (SpCaseSession, sp_case_session, SP, CASE_SESSION, GObject)

SpCaseSession *sp_case_session_new                (SpDraftStore        *drafts) G_GNUC_WARN_UNUSED_RESULT;
SpDraftStore  *sp_case_session_get_draft_store    (SpCaseSession       *self);
SpCase        *sp_case_session_get_case           (SpCaseSession       *self);
GFile         *sp_case_session_get_file           (SpCaseSession       *self);
gboolean       sp_case_session_get_modified       (SpCaseSession       *self);
const char    *sp_case_session_get_draft_id       (SpCaseSession       *self);
char          *sp_case_session_dup_display_name   (SpCaseSession       *self);
void           sp_case_session_set_case           (SpCaseSession       *self,
                                                   SpCase              *case_,
                                                   GFile               *file,
                                                   gboolean             modified);
void           sp_case_session_adopt_draft        (SpCaseSession       *self,
                                                   const char          *draft_id);
guint          sp_case_session_get_autosave_delay (SpCaseSession       *self);
void           sp_case_session_set_autosave_delay (SpCaseSession       *self,
                                                   guint                seconds);
void           sp_case_session_autosave_now       (SpCaseSession       *self);
void           sp_case_session_discard_draft      (SpCaseSession       *self);
void           sp_case_session_save_async         (SpCaseSession       *self,
                                                   GFile               *file,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean       sp_case_session_save_finish        (SpCaseSession       *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);

G_END_DECLS
