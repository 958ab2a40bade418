/* sp-window-private.h: what sp-window.c and sp-window-actions.c share
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-case-session.h"
#include "sp-settings.h"
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
