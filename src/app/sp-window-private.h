/* sp-window-private.h: what sp-window.c and sp-window-actions.c share,
 * and what the tests look into; the application includes sp-window.h only
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-case-session.h"
#include "sp-settings.h"
#include "sp-summary.h"
#include "sp-window.h"

G_BEGIN_DECLS

/* What to do once unsaved changes have been saved or discarded. */
typedef enum {
  SP_WINDOW_THEN_NOTHING,
  SP_WINDOW_THEN_CLOSE,
  SP_WINDOW_THEN_NEW,
  SP_WINDOW_THEN_OPEN_CHOOSER,
  SP_WINDOW_THEN_OPEN_FILE,
} SpWindowThen;

struct _SpWindow
{
  AdwApplicationWindow  parent_instance;

  /* template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *stack;
  AdwSqueezer          *title_squeezer;
  AdwWindowTitle       *window_title;
  GtkMenuButton        *primary_menu_button;
  GMenuModel           *primary_menu;
  AdwViewSwitcherBar   *switcher_bar;
  AdwViewSwitcher      *header_switcher;
  GtkRevealer          *red_flag_revealer;
  GtkLabel             *red_flag_summary;
  GtkRevealer          *serious_pathology_revealer;
  GtkLabel             *serious_pathology_title;
  GtkLabel             *serious_pathology_action;
  GtkRevealer          *screening_revealer;
  GtkRevealer          *review_revealer;
  GtkLabel             *review_label;
  GtkRevealer          *policy_revealer;
  GtkLabel             *policy_label;

  /* owned */
  SpSettings           *settings;
  SpPolicy             *policy;
  SpCase               *case_;
  SpEvaluation         *evaluation;
  SpCaseSession        *session;
  GHashTable           *pages;     /* pathway id → SpPathwayPage */
  char                 *review_date;
  guint                 reveal_bar_id;
  /* Keeping the form still while banners come and go: see
   * hold_form_in_place(). */
  gulong                hold_layout_id;
  double                held_stack_y;
  /* Set once the clinician has answered the unsaved-changes question for
   * a close, so the close-request that follows goes through. */
  gboolean              close_confirmed;
  gboolean              draft_failing;    /* the last autosave failed */

  /* borrowed */
  GtkWidget            *identity_group;
  GtkWidget            *notes_group;
};

/* Used by the window's actions, and by tests that check their parts. */
SpCase       *sp_window_get_case              (SpWindow       *self);
SpCaseSession *sp_window_get_session          (SpWindow       *self);
void          sp_window_new_case              (SpWindow       *self);
void          sp_window_save_to_file_async    (SpWindow            *self,
                                               GFile               *file,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean      sp_window_save_to_file_finish   (SpWindow            *self,
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
gboolean      sp_window_focus_fact            (SpWindow       *self,
                                               const char     *fact_id);

/* For tests only: the window's parts, found through the model (a fact's
 * or decision's id) rather than by widget name. */
SpEvaluation *sp_window_get_evaluation        (SpWindow       *self);
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

void     sp_window_show_case           (SpWindow     *self,
                                        SpCase       *case_,
                                        GFile        *file,
                                        gboolean      modified);
void     sp_window_update_title        (SpWindow     *self);
void     sp_window_update_policy_banner (SpWindow    *self);
void     sp_window_ask_then            (SpWindow     *self,
                                        SpWindowThen  then,
                                        GFile        *file);
void     sp_window_show_error          (SpWindow     *self,
                                        const char   *heading,
                                        const char   *body);
gboolean sp_window_include_identifiers (SpWindow     *self);
void     sp_window_class_init_actions  (GtkWidgetClass *widget_class);
void     sp_window_init_actions        (SpWindow     *self);

G_END_DECLS
