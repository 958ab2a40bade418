/* sp-test-util.h: driving the window in widget tests
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-core.h"
#include "sp-application.h"
#include "sp-tri-state.h"
#include "sp-window-private.h"

G_BEGIN_DECLS

void              sp_test_park_pointer    (void);
gboolean          sp_test_warp_pointer_to (GtkWidget        *widget);
void              sp_test_init            (int              *argc,
                                           char           ***argv);
void              sp_test_wait_ms         (guint             ms);
gboolean          sp_test_wait_until      (gboolean        (*done) (gpointer data),
                                           gpointer          data,
                                           guint             timeout_ms);
GAsyncResult     *sp_test_wait_result     (GAsyncResult    **slot,
                                           guint             timeout_ms);
void              sp_test_store_result    (GObject          *source,
                                           GAsyncResult     *result,
                                           gpointer          user_data);
SpWindow         *sp_test_make_window     (SpApplication    *app,
                                           int               width,
                                           int               height);
SpWindow         *sp_test_make_window_with_policy (SpApplication *app,
                                                   SpPolicy      *policy,
                                                   int            width,
                                                   int            height);
void              sp_test_wait_settled    (GtkWidget        *widget);
gboolean          sp_test_open_file       (SpWindow         *win,
                                           GFile            *file);
gboolean          sp_test_focus_fact      (SpWindow         *win,
                                           const char       *fact_id);
void              sp_test_destroy_window  (SpWindow         *win);
void              sp_test_collect_text    (GtkWidget        *widget,
                                           GString          *text);
gboolean          sp_test_revealed        (GtkWidget        *revealer);
void              sp_test_set_bool        (SpWindow         *win,
                                           const char       *fact_id,
                                           SpTriStateValue   value);
void              sp_test_set_choice      (SpWindow         *win,
                                           const char       *fact_id,
                                           const char       *choice_id);
void              sp_test_tick_choice     (SpWindow         *win,
                                           const char       *fact_id,
                                           const char       *choice_id,
                                           gboolean          active);
void              sp_test_set_number      (SpWindow         *win,
                                           const char       *fact_id,
                                           double            value);
void              sp_test_set_text        (SpWindow         *win,
                                           const char       *fact_id,
                                           const char       *text);
void              sp_test_fill_every_type (SpWindow         *win);
AdwMessageDialog *sp_test_find_dialog     (GtkWindow        *parent);
AdwMessageDialog *sp_test_wait_dialog     (GtkWindow        *parent,
                                           guint             timeout_ms);
void              sp_test_respond         (AdwMessageDialog *dialog,
                                           const char       *response);
void              sp_test_wait_placed     (GtkWidget        *widget);
void              sp_test_popup           (GtkMenuButton    *button);
void              sp_test_popdown         (GtkPopover       *popover);
gboolean          sp_test_widget_unmapped (gpointer          data);
GskRenderNode    *sp_test_render_node     (GtkWidget        *widget);
void              sp_test_save_png        (GtkWidget        *widget,
                                           const char       *name);
char             *sp_test_case_text       (SpCase           *case_);

G_END_DECLS
