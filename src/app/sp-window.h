/* sp-window.h: the main window
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* The core first: it refuses to be included after GTK. */
#include "sp-core.h"

#include <adwaita.h>

#include "sp-case-session.h"
#include "sp-summary.h"

G_BEGIN_DECLS

#define SP_TYPE_WINDOW (sp_window_get_type ())

G_DECLARE_FINAL_TYPE (SpWindow, sp_window, SP, WINDOW, AdwApplicationWindow)

SpWindow     *sp_window_new                   (GtkApplication *application,
                                               SpPolicy       *policy) G_GNUC_WARN_UNUSED_RESULT;
SpPolicy     *sp_window_get_policy            (SpWindow       *self);
SpCase       *sp_window_get_case              (SpWindow       *self);
SpEvaluation *sp_window_get_evaluation        (SpWindow       *self);
void          sp_window_set_case              (SpWindow       *self,
                                               SpCase         *case_);
void          sp_window_new_case              (SpWindow       *self);
gboolean      sp_window_open_file             (SpWindow       *self,
                                               GFile          *file);
void          sp_window_load_file             (SpWindow       *self,
                                               GFile          *file);
gboolean      sp_window_is_pristine           (SpWindow       *self);
SpCaseSession *sp_window_get_session          (SpWindow       *self);

void          sp_window_save_to_file_async    (SpWindow            *self,
                                               GFile               *file,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean      sp_window_save_to_file_finish   (SpWindow            *self,
                                               GAsyncResult        *result,
                                               GError             **error);
void          sp_window_offer_restore_async   (SpWindow            *self,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean      sp_window_offer_restore_finish  (SpWindow            *self,
                                               GAsyncResult        *result,
                                               GError             **error);
SpSummary    *sp_window_create_summary        (SpWindow            *self,
                                               gboolean             include_identifiers) G_GNUC_WARN_UNUSED_RESULT;
void          sp_window_export_pdf_async      (SpWindow            *self,
                                               GFile               *file,
                                               gboolean             include_identifiers,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean      sp_window_export_pdf_finish     (SpWindow            *self,
                                               GAsyncResult        *result,
                                               GError             **error);
GtkPrintOperation *sp_window_create_print_operation (SpWindow      *self) G_GNUC_WARN_UNUSED_RESULT;
void          sp_window_copy_summary          (SpWindow            *self);

AdwViewStack *sp_window_get_stack             (SpWindow       *self);
GtkWidget    *sp_window_get_page              (SpWindow       *self,
                                               const char     *pathway_id);
GtkWidget    *sp_window_lookup_fact_input     (SpWindow       *self,
                                               const char     *fact_id);
GtkWidget    *sp_window_lookup_fact_row       (SpWindow       *self,
                                               const char     *fact_id);
GtkWidget    *sp_window_lookup_decision_row   (SpWindow       *self,
                                               const char     *decision_id);
GtkWidget    *sp_window_get_red_flag_banner   (SpWindow       *self);
GtkWidget    *sp_window_get_serious_pathology_banner (SpWindow *self);
GtkWidget    *sp_window_get_screening_banner  (SpWindow       *self);
GtkWidget    *sp_window_get_review_banner     (SpWindow       *self);
GtkWidget    *sp_window_get_policy_banner     (SpWindow       *self);
GtkWidget    *sp_window_get_identity_group    (SpWindow       *self);
GtkWidget    *sp_window_get_notes_group       (SpWindow       *self);
gboolean      sp_window_focus_fact            (SpWindow       *self,
                                               const char     *fact_id);

G_END_DECLS
