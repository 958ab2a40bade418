/* sp-test-util.c: driving the window in widget tests
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#ifdef SP_TEST_HAVE_X11
#include <gdk/x11/gdkx.h>
#include <X11/Xlib.h>
#endif

#include "sp-fact-row.h"
#include "sp-list-row.h"
#include "sp-identity-group.h"
#include "sp-test-util.h"

/* Xvfb starts with the pointer in the middle of the screen, so every window
 * a test maps lands under it and GTK starts a tooltip timer for the widget
 * there. In GTK 4.8 that timer can fire after the test has destroyed the
 * window or popover it belongs to, and asks a freed surface for the pointer
 * (a fatal critical in the slower sanitizer builds). The test screen is
 * larger than any test window (tests/app/meson.build), so its far corner is
 * outside them all. */
void
sp_test_park_pointer (void)
{
#ifdef SP_TEST_HAVE_X11
  GdkDisplay *display = gdk_display_get_default ();
  Display *xdisplay;
  Screen *screen;
  Window root, child;
  int root_x = -1, root_y = -1, x, y;
  unsigned int mask;

  if (display == NULL || !GDK_IS_X11_DISPLAY (display))
    return;
  xdisplay = gdk_x11_display_get_xdisplay (display);
  screen = DefaultScreenOfDisplay (xdisplay);
  XWarpPointer (xdisplay, None, RootWindowOfScreen (screen), 0, 0, 0, 0,
                WidthOfScreen (screen) - 1, HeightOfScreen (screen) - 1);
  XSync (xdisplay, False);
  XQueryPointer (xdisplay, RootWindowOfScreen (screen), &root, &child, &root_x, &root_y,
                 &x, &y, &mask);
  g_assert_cmpint (root_x, ==, WidthOfScreen (screen) - 1);
  g_assert_cmpint (root_y, ==, HeightOfScreen (screen) - 1);
#endif
}

/**
 * sp_test_warp_pointer_to:
 *
 * Puts the X pointer over the middle of @widget, for real pointer events
 * (xdotool's clicks and wheel). Call sp_test_park_pointer() after.
 *
 * Returns: FALSE where there is no X display to do it on
 */
gboolean
sp_test_warp_pointer_to (GtkWidget *widget)
{
#ifdef SP_TEST_HAVE_X11
  GdkDisplay *display = gtk_widget_get_display (widget);
  GtkNative *native = gtk_widget_get_native (widget);
  GdkSurface *surface = native ? gtk_native_get_surface (native) : NULL;
  graphene_point_t point;
  double surface_x, surface_y;
  Display *xdisplay;

  if (!GDK_IS_X11_DISPLAY (display) || surface == NULL ||
      !gtk_widget_compute_point (widget, GTK_WIDGET (native),
                                 &GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.f,
                                                       gtk_widget_get_height (widget) / 2.f),
                                 &point))
    return FALSE;
  /* The surface also holds the window's shadow, outside the widgets. */
  gtk_native_get_surface_transform (native, &surface_x, &surface_y);
  xdisplay = gdk_x11_display_get_xdisplay (display);
  XWarpPointer (xdisplay, None, gdk_x11_surface_get_xid (surface), 0, 0, 0, 0,
                (int) (point.x + surface_x), (int) (point.y + surface_y));
  XSync (xdisplay, False);
  return TRUE;
#else
  return FALSE;
#endif
}

/* GTK and libadwaita for a widget test: memory settings, no animations
 * (a switch never settles with them under Xvfb), the pointer out of the way. */
void
sp_test_init (int    *argc,
              char ***argv)
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  sp_test_park_pointer ();
}

void
sp_test_wait_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (2000);
    }
}

/* Spins the main loop until @done says so; FALSE after @timeout_ms. */
gboolean
sp_test_wait_until (gboolean (*done) (gpointer data),
                    gpointer   data,
                    guint      timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!done (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      sp_test_wait_ms (5);
    }
  return TRUE;
}

/* On a busy machine (the sanitizer builds) a window can be drawn before the
 * X server has placed it on a monitor, and a popover opened then has
 * nowhere to go (GDK's criticals about a missing monitor or surface). */
static gboolean
widget_placed (gpointer data)
{
  GtkWidget *widget = data;
  GtkNative *native = gtk_widget_get_native (widget);
  GdkSurface *surface = native ? gtk_native_get_surface (native) : NULL;
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (widget));
  graphene_rect_t bounds;

  if (surface == NULL || !gtk_widget_get_mapped (widget) || !gtk_widget_get_mapped (root) ||
      gdk_surface_get_width (surface) <= 1 ||
      gdk_display_get_monitor_at_surface (gtk_widget_get_display (widget), surface) == NULL ||
      !gtk_widget_compute_bounds (widget, root, &bounds))
    return FALSE;
  return bounds.origin.x >= 0 && bounds.origin.y >= 0 &&
         bounds.origin.x + bounds.size.width <= gtk_widget_get_width (root) &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (root);
}

static gboolean
popover_mapped (gpointer data)
{
  GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (data));

  return popover != NULL && gtk_widget_get_mapped (GTK_WIDGET (popover));
}

/* For sp_test_wait_until(): whether @data, a widget, is off screen. */
gboolean
sp_test_widget_unmapped (gpointer data)
{
  return !gtk_widget_get_mapped (GTK_WIDGET (data));
}

/* Closes @popover and waits until it has gone and GTK has finished with
 * it. A popover's pointer grab, and its end, send crossing events that
 * start GTK's tooltip timer (500 ms); in GTK 4.8 a timer that fires once
 * its window is unrealized but not yet finalized asks a surface that is
 * gone for the pointer (a fatal critical, seen in the slower sanitizer
 * builds). Waiting out the timer lets it fire while all is in place. */
void
sp_test_popdown (GtkPopover *popover)
{
  gtk_popover_popdown (popover);
  g_assert_true (sp_test_wait_until (sp_test_widget_unmapped, popover, 10000));
  sp_test_wait_ms (700);
}

/* Waits until @widget is on screen, in its window's bounds on a monitor,
 * and still there a moment later: a scroll queued before (focusing a row
 * scrolls once the page is laid out) may yet move it. A popover opened
 * before has nowhere to go. */
void
sp_test_wait_placed (GtkWidget *widget)
{
  do
    {
      g_assert_true (sp_test_wait_until (widget_placed, widget, 20000));
      sp_test_wait_ms (300);
    }
  while (!widget_placed (widget));
}

/* Opens @button's popover once the button is on screen, as a clinician
 * would find it, and waits for the popover to show. */
void
sp_test_popup (GtkMenuButton *button)
{
  sp_test_wait_placed (GTK_WIDGET (button));
  gtk_menu_button_popup (button);
  g_assert_true (sp_test_wait_until (popover_mapped, button, 20000));
  sp_test_wait_ms (100);
}

void
sp_test_store_result (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

static gboolean
slot_filled (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

/* Waits for sp_test_store_result() to fill @slot. */
GAsyncResult *
sp_test_wait_result (GAsyncResult **slot,
                     guint          timeout_ms)
{
  g_assert_true (sp_test_wait_until (slot_filled, slot, timeout_ms));
  return *slot;
}

/* Whether @revealer, a banner's, is shown. */
gboolean
sp_test_revealed (GtkWidget *revealer)
{
  return gtk_widget_get_visible (revealer) && gtk_revealer_get_reveal_child (GTK_REVEALER (revealer));
}

/* The text of every visible label in @widget, a line each, in order. */
void
sp_test_collect_text (GtkWidget *widget,
                      GString   *text)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    sp_test_collect_text (child, text);
}

SpWindow *
sp_test_make_window (SpApplication *app,
                     int            width,
                     int            height)
{
  return sp_test_make_window_with_policy (app, sp_application_get_policy (app), width, height);
}

typedef struct {
  SpWindow         *win;
  SpCase           *before;
  AdwMessageDialog *dialog_before;
} OpenWait;

static gboolean
case_replaced_or_refused (gpointer data)
{
  OpenWait *ow = data;
  AdwMessageDialog *dialog = sp_test_find_dialog (GTK_WINDOW (ow->win));

  return sp_window_get_case (ow->win) != ow->before || (dialog != NULL && dialog != ow->dialog_before);
}

/* @file opened as the window opens a file it is given (from the command
 * line, the file manager, or the Open chooser's answer), waited for.
 * Returns whether the window now shows it: when it cannot be read a
 * dialog says why and the case before stays. */
gboolean
sp_test_open_file (SpWindow *win,
                   GFile    *file)
{
  /* Held, so that a new case cannot take the old one's address. */
  g_autoptr(SpCase) before = g_object_ref (sp_window_get_case (win));
  /* A dialog left from before is not this file's answer. */
  OpenWait ow = { win, before, sp_test_find_dialog (GTK_WINDOW (win)) };

  sp_window_load_file (win, file);
  if (!sp_test_wait_until (case_replaced_or_refused, &ow, 10000))
    g_error ("opening a file showed neither its case nor an error");
  return sp_window_get_case (win) != before;
}

/* The focus moved to @fact_id's answer by "win.focus-fact", as a decision's
 * "Missing" link moves it. Returns whether the focus is there. */
gboolean
sp_test_focus_fact (SpWindow   *win,
                    const char *fact_id)
{
  GtkWidget *input = sp_window_lookup_fact_input (win, fact_id);
  GtkWidget *focus;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "win.focus-fact", "s", fact_id));
  focus = gtk_root_get_focus (GTK_ROOT (win));
  return input != NULL && focus != NULL && (focus == input || gtk_widget_is_ancestor (focus, input));
}

/* A window deciding under @policy, as Open Policy… and --policy make. */
SpWindow *
sp_test_make_window_with_policy (SpApplication *app,
                                 SpPolicy      *policy,
                                 int            width,
                                 int            height)
{
  SpWindow *win = sp_window_new (GTK_APPLICATION (app), policy);

  g_object_ref (win);
  gtk_window_set_default_size (GTK_WINDOW (win), width, height);
  gtk_window_present (GTK_WINDOW (win));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (win));
  sp_test_wait_settled (GTK_WIDGET (win));
  return win;
}

/* Waits until @widget has kept its size for a quarter of a second: a new
 * window takes a frame or two to reach its final width, and a row scrolled
 * into view before that may be pushed out of it again as text rewraps. A
 * sanitizer build takes far longer over this than a normal one. */
void
sp_test_wait_settled (GtkWidget *widget)
{
  int width = -1, height = -1, stable_ms = 0;

  for (int waited = 0; stable_ms < 250; waited += 25)
    {
      if (waited > 20000)
        g_error ("%s did not settle to one size in 20 s", G_OBJECT_TYPE_NAME (widget));
      sp_test_wait_ms (25);
      if (gtk_widget_get_width (widget) == width && gtk_widget_get_height (widget) == height)
        stable_ms += 25;
      else
        stable_ms = 0;
      width = gtk_widget_get_width (widget);
      height = gtk_widget_get_height (widget);
    }
}

void
sp_test_destroy_window (SpWindow *win)
{
  gpointer alive = win;

  /* The test's reference goes first, so that the window is finalized as
   * it is destroyed, not kept unrealized but alive for GTK's tooltip
   * code to find (see sp_test_popdown()). It must still go, with
   * everything it owns, soon after. */
  g_object_add_weak_pointer (G_OBJECT (win), &alive);
  g_object_unref (win);
  gtk_window_destroy (GTK_WINDOW (win));
  for (int i = 0; alive != NULL && i < 500; i++)
    sp_test_wait_ms (10);
  if (alive != NULL)
    g_error ("a window outlived its destruction by 5 s: something still holds it");
}

void
sp_test_set_bool (SpWindow        *win,
                  const char      *fact_id,
                  SpTriStateValue  value)
{
  GtkWidget *input = sp_window_lookup_fact_input (win, fact_id);

  g_assert_nonnull (input);
  g_assert_true (SP_IS_TRI_STATE (input));
  gtk_toggle_button_set_active (sp_tri_state_get_button (SP_TRI_STATE (input), value), TRUE);
}

void
sp_test_set_choice (SpWindow   *win,
                    const char *fact_id,
                    const char *choice_id)
{
  GtkWidget *input = sp_window_lookup_fact_input (win, fact_id);
  SpFact *fact = sp_policy_lookup_fact (sp_window_get_policy (win), fact_id);
  guint index;

  g_assert_nonnull (input);
  g_assert_true (ADW_IS_COMBO_ROW (input));
  g_assert_true (sp_fact_lookup_choice (fact, choice_id, &index));
  adw_combo_row_set_selected (ADW_COMBO_ROW (input), index + 1);
}

void
sp_test_tick_choice (SpWindow   *win,
                     const char *fact_id,
                     const char *choice_id,
                     gboolean    active)
{
  GtkWidget *row = sp_window_lookup_fact_row (win, fact_id);
  GtkWidget *check;

  g_assert_nonnull (row);
  check = sp_list_row_get_choice_button (SP_LIST_ROW (row), choice_id);
  g_assert_nonnull (check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
}

void
sp_test_set_number (SpWindow   *win,
                    const char *fact_id,
                    double      value)
{
  GtkWidget *input = sp_window_lookup_fact_input (win, fact_id);
  g_autofree char *text = NULL;

  g_assert_nonnull (input);
  g_assert_true (GTK_IS_SPIN_BUTTON (input));
  /* As a clinician would: type the number, press Enter. */
  text = g_strdup_printf ("%g", value);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (input), value);
  gtk_editable_set_text (GTK_EDITABLE (input), text);
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (input)), "activate");
  g_assert_true (sp_case_is_recorded (sp_window_get_case (win), fact_id));
  g_assert_cmpfloat (sp_case_get_number (sp_window_get_case (win), fact_id), ==, value);
}

/* Free text and dates: typed into the entry, then Enter. */
void
sp_test_set_text (SpWindow   *win,
                  const char *fact_id,
                  const char *text)
{
  GtkWidget *entry = sp_window_lookup_fact_input (win, fact_id);

  g_assert_nonnull (entry);
  g_assert_true (GTK_IS_EDITABLE (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
  g_assert_true (sp_case_is_recorded (sp_window_get_case (win), fact_id));
}

/* A fact of every type, and the identity, through the widgets. */
void
sp_test_fill_every_type (SpWindow *win)
{
  SpCase *case_ = sp_window_get_case (win);
  GtkWidget *nhs = sp_identity_group_get_nhs_row (SP_IDENTITY_GROUP (sp_window_get_identity_group (win)));
  g_auto(GStrv) list = NULL;
  g_autofree char *date = NULL;

  /* boolean */
  sp_test_set_bool (win, "red_flag_objective_weakness", SP_TRI_STATE_NO);
  sp_test_set_bool (win, "red_flag_sexual_dysfunction", SP_TRI_STATE_NO);
  sp_test_set_bool (win, "red_flag_cauda_equina", SP_TRI_STATE_NO);
  sp_test_set_bool (win, "red_flag_other_neurological_deterioration", SP_TRI_STATE_NO);
  sp_test_set_bool (win, "radicular_symptoms", SP_TRI_STATE_YES);
  /* choice_list, as "None suspected": an empty list, recorded */
  sp_test_tick_choice (win, "serious_pathology_suspected", NULL, TRUE);
  g_assert_true (sp_case_is_recorded (case_, "serious_pathology_suspected"));
  /* choice */
  sp_test_set_choice (win, "setting", "specialist");
  sp_test_set_choice (win, "lumbar_condition", "sciatica");
  sp_test_set_choice (win, "conservative_status", "unsuccessful");
  sp_test_set_choice (win, "biopsychosocial_tool", "eq5d");
  /* number, integer */
  sp_test_set_number (win, "conservative_weeks", 8.5);
  sp_test_set_number (win, "eq5d_vas", 40);
  sp_test_set_number (win, "lumbar_previous_epidurals", 0);
  /* string */
  sp_test_set_text (win, "eq5d_profile", "12345");
  g_assert_cmpstr (sp_case_get_string (case_, "eq5d_profile"), ==, "12345");
  /* date */
  sp_test_set_bool (win, "facet_previous_rfd", SP_TRI_STATE_YES);
  sp_test_set_text (win, "facet_last_rfd_date", "2024-02-29");
  date = sp_case_dup_date (case_, "facet_last_rfd_date");
  g_assert_cmpstr (date, ==, "2024-02-29");
  /* decision_list */
  sp_test_set_bool (win, "exceptional_significant_impairment", SP_TRI_STATE_YES);
  sp_test_tick_choice (win, "exceptional_interventions", "lumbar.disc_replacement", TRUE);
  list = sp_case_dup_choice_list (case_, "exceptional_interventions");
  g_assert_nonnull (list);
  g_assert_true (g_strv_contains ((const char * const *) list, "lumbar.disc_replacement"));
  /* identity */
  gtk_editable_set_text (GTK_EDITABLE (nhs), "9434765919");
  g_assert_cmpstr (sp_case_get_nhs_number (case_), ==, "943 476 5919");
  sp_case_set_patient_name (case_, "Alex Example");
}

AdwMessageDialog *
sp_test_find_dialog (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_window_get_transient_for (w) == parent &&
          gtk_widget_get_visible (GTK_WIDGET (w)))
        return ADW_MESSAGE_DIALOG (w);
    }
  return NULL;
}

AdwMessageDialog *
sp_test_wait_dialog (GtkWindow *parent,
                     guint      timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  AdwMessageDialog *dialog;

  while (!(dialog = sp_test_find_dialog (parent)) && g_get_monotonic_time () < end)
    sp_test_wait_ms (5);
  return dialog;
}

/* As a click would: the response, then the dialog goes (a response from
 * code does not close it). */
void
sp_test_respond (AdwMessageDialog *dialog,
                 const char       *response)
{
  g_assert_true (adw_message_dialog_has_response (dialog, response));
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  sp_test_wait_ms (20);
}

/**
 * sp_test_render_node:
 *
 * Returns: (transfer full): what @widget draws, at its size now. A window
 *   that has just grown (a banner shown without a window manager to refuse
 *   it) has nothing to draw until its next frame: this tries again until it
 *   has, for up to five seconds.
 */
GskRenderNode *
sp_test_render_node (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GskRenderNode *node;

  for (int attempt = 0; ; attempt++)
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();

      gtk_test_widget_wait_for_draw (widget);
      gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget),
                              gtk_widget_get_height (widget));
      node = gtk_snapshot_free_to_node (snapshot);
      if (node != NULL || attempt == 100)
        break;
      sp_test_wait_ms (50);
    }
  g_assert_nonnull (node);
  return node;
}

void
sp_test_save_png (GtkWidget  *widget,
                  const char *name)
{
  const char *dir = g_getenv ("SP_SCREENSHOT_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderNode *node;
  GskRenderer *renderer;

  if (dir == NULL)
    dir = "screenshots";
  g_mkdir_with_parents (dir, 0755);
  path = g_build_filename (dir, name, NULL);

  node = sp_test_render_node (widget);
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                                              gtk_widget_get_height (widget)));
  gsk_render_node_unref (node);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot %s", path);
}

/* The case as its file would hold it, to compare cases byte for byte. */
char *
sp_test_case_text (SpCase *case_)
{
  g_autoptr(GBytes) bytes = sp_case_serialize (case_);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}
