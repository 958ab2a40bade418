/* sp-draft-store.h: autosaved drafts, so nothing typed is lost
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sp-types.h"

G_BEGIN_DECLS

typedef struct {
  char      *id;
  GDateTime *changed;
  GFile     *saved_as;   /* nullable: the case file the draft belongs to */
  char      *title;      /* the patient's name, or NULL: shown only to the user */
} SpDraftInfo;

void sp_draft_info_free (SpDraftInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpDraftInfo, sp_draft_info_free)

#define SP_TYPE_DRAFT_STORE (sp_draft_store_get_type ())

G_DECLARE_FINAL_TYPE (SpDraftStore, sp_draft_store, SP, DRAFT_STORE, GObject)

SpDraftStore *sp_draft_store_new          (const char    *directory) G_GNUC_WARN_UNUSED_RESULT;
SpDraftStore *sp_draft_store_new_default  (const char    *app_id) G_GNUC_WARN_UNUSED_RESULT;
const char   *sp_draft_store_get_directory (SpDraftStore *self);
GBytes       *sp_draft_store_serialize    (SpDraftStore  *self,
                                           SpCase        *case_,
                                           GFile         *saved_as);
GFile        *sp_draft_store_get_file     (SpDraftStore  *self,
                                           const char    *draft_id);
gboolean      sp_draft_store_save         (SpDraftStore  *self,
                                           const char    *draft_id,
                                           SpCase        *case_,
                                           GFile         *saved_as,
                                           GError       **error);
GPtrArray    *sp_draft_store_list         (SpDraftStore  *self);
SpCase       *sp_draft_store_load         (SpDraftStore  *self,
                                           SpPolicy      *policy,
                                           const char    *draft_id,
                                           GFile        **saved_as,
                                           GError       **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean      sp_draft_store_remove       (SpDraftStore  *self,
                                           const char    *draft_id,
                                           GError       **error);
guint         sp_draft_store_expire       (SpDraftStore  *self,
                                           guint          retention_days,
                                           GDateTime     *now);

G_END_DECLS
