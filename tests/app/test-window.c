/* test-window.c: the window, driven through its real widgets
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sp-test-util.h"

#include <glib/gstdio.h>
#include <math.h>

#include "sp-core.h"
#include "sp-application.h"
#include "sp-choice-item.h"
#include "sp-decision-row.h"
#include "sp-fact-row.h"
#include "sp-list-row.h"
#include "sp-section-group.h"
#include "sp-identity-group.h"
#include "sp-pathway-page.h"
#include "sp-summary.h"
#include "sp-tri-state.h"
#include "sp-widget-util.h"
#include "sp-window-private.h"
#include "../sp-test-threads.h"

static SpApplication *app;

/* Helpers: the shared ones (typing into rows, windows, waiting) are in
 * sp-test-util.c; these read what the window shows. */

static void
screen_negative (SpWindow *win)
{
  sp_test_set_bool (win, "red_flag_objective_weakness", SP_TRI_STATE_NO);
  sp_test_set_bool (win, "red_flag_sexual_dysfunction", SP_TRI_STATE_NO);
  sp_test_set_bool (win, "red_flag_cauda_equina", SP_TRI_STATE_NO);
  sp_test_set_bool (win, "red_flag_other_neurological_deterioration", SP_TRI_STATE_NO);
  sp_test_tick_choice (win, "serious_pathology_suspected", NULL, TRUE);
}

static const char *
pill_text (SpWindow   *win,
           const char *decision_id)
{
  GtkWidget *row = sp_window_lookup_decision_row (win, decision_id);

  g_assert_nonnull (row);
  return gtk_label_get_text (sp_decision_row_get_status_label (SP_DECISION_ROW (row)));
}

#define assert_pill(win, id, status) \
  g_assert_cmpstr (pill_text ((win), (id)), ==, sp_status_get_label (status))

static AdwViewStackPage *
stack_page (SpWindow   *win,
            const char *pathway_id)
{
  GtkWidget *page = sp_window_get_page (win, pathway_id);

  g_assert_nonnull (page);
  return adw_view_stack_get_page (sp_window_get_stack (win), page);
}

static gboolean
advice_shown (SpWindow   *win,
              const char *pathway_id,
              const char *advisory_id)
{
  GtkWidget *group = sp_pathway_page_get_advice_group (SP_PATHWAY_PAGE (sp_window_get_page (win, pathway_id)));
  GtkWidget *row;

  if (!gtk_widget_get_visible (group))
    return FALSE;
  for (guint i = 0; (row = sp_section_group_get_row (SP_SECTION_GROUP (group), i)); i++)
    if (g_str_equal (gtk_widget_get_name (row), advisory_id) && gtk_widget_get_visible (row))
      return TRUE;
  return FALSE;
}

static guint
count_named (GtkWidget  *widget,
             const char *name)
{
  guint count = g_str_equal (gtk_widget_get_name (widget), name);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    count += count_named (child, name);
  return count;
}

static gboolean
row_shown (SpWindow   *win,
           const char *fact_id)
{
  GtkWidget *row = sp_window_lookup_fact_row (win, fact_id);

  g_assert_nonnull (row);
  return gtk_widget_get_visible (row);
}

/* Every label's text, shown or not (pages of a window not yet visited). */
static void
collect_all_label_text (GtkWidget *widget,
                        GString   *text)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_all_label_text (child, text);
}

static char *
banner_text (SpWindow *win)
{
  GString *text = g_string_new (NULL);

  sp_test_collect_text (sp_window_get_red_flag_banner (win), text);
  return g_string_free (text, FALSE);
}


static GtkWidget *
find_descendant_with_class (GtkWidget  *widget,
                            GType       type,
                            const char *css_class)
{
  if (g_type_is_a (G_OBJECT_TYPE (widget), type) && gtk_widget_has_css_class (widget, css_class))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant_with_class (child, type, css_class);

      if (found)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (widget), type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found)
        return found;
    }
  return NULL;
}

/* The banner's shown labels start at one x: text aligned as one block,
 * not staggered in columns. */
static void
collect_label_x (GtkWidget *widget,
                 GtkWidget *banner,
                 GArray    *xs)
{
  graphene_point_t point;

  if (!gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_LABEL (widget) && gtk_widget_compute_point (widget, banner, &GRAPHENE_POINT_INIT (0, 0), &point))
    g_array_append_val (xs, point.x);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_label_x (child, banner, xs);
}

static void
assert_banner_aligned (GtkWidget *banner,
                       guint      n_labels)
{
  g_autoptr(GArray) xs = g_array_new (FALSE, FALSE, sizeof (float));

  sp_test_wait_ms (400);
  collect_label_x (banner, banner, xs);
  g_assert_cmpuint (xs->len, ==, n_labels);
  for (guint i = 1; i < xs->len; i++)
    g_assert_cmpfloat_with_epsilon (g_array_index (xs, float, i), g_array_index (xs, float, 0), 0.5);
}

/* Tests */

static void
test_new_case (void)
{
  SpWindow *win = sp_test_make_window (app, 1280, 800);
  SpPolicy *policy = sp_window_get_policy (win);
  GtkWidget *focus, *first_flag;

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (win)), ==, "Spinal Pathways");

  /* Everything "—", every decision needs information. */
  for (guint i = 0; i < sp_policy_get_n_decisions (policy); i++)
    assert_pill (win, sp_decision_rule_get_id (sp_policy_get_decision (policy, i)), SP_STATUS_NEEDS_INFORMATION);
  g_assert_cmpint (sp_case_get_n_recorded (sp_window_get_case (win)), ==, 0);

  /* The Patient tab first, asking for attention; the screening bar shows. */
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (sp_window_get_stack (win)), ==, "general");
  g_assert_true (adw_view_stack_page_get_needs_attention (stack_page (win, "general")));
  g_assert_true (sp_test_revealed (sp_window_get_screening_banner (win)));
  g_assert_false (sp_test_revealed (sp_window_get_red_flag_banner (win)));

  /* Each tab has its own icon, shipped in the resources, and the theme
   * finds it. */
  {
    const char * const *pathways = sp_policy_get_pathway_ids (policy);
    GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (win)));

    for (guint i = 0; pathways[i]; i++)
      {
        g_autofree char *expected = g_strdup_printf ("sp-pathway-%s-symbolic", pathways[i]);

        g_assert_cmpstr (adw_view_stack_page_get_icon_name (stack_page (win, pathways[i])), ==, expected);
        g_assert_true (gtk_icon_theme_has_icon (theme, expected));
      }
  }

  /* The focus is on the first red flag, whose answers show, each with its
   * tooltip (set while the buttons were hidden: they must not stay so). */
  first_flag = sp_window_lookup_fact_input (win, "red_flag_objective_weakness");
  {
    g_autoptr(GPtrArray) tooltips = g_ptr_array_new ();

    for (GtkWidget *answer = gtk_widget_get_first_child (first_flag); answer;
         answer = gtk_widget_get_next_sibling (answer))
      {
        g_assert_true (gtk_widget_get_mapped (answer));
        g_ptr_array_add (tooltips, (gpointer) gtk_widget_get_tooltip_text (answer));
      }
    g_assert_cmpuint (tooltips->len, ==, 3);
    g_assert_cmpstr (g_ptr_array_index (tooltips, 0), ==, "Yes");
    g_assert_cmpstr (g_ptr_array_index (tooltips, 1), ==, "No");
    g_assert_cmpstr (g_ptr_array_index (tooltips, 2), ==, "Not recorded");
  }
  focus = gtk_root_get_focus (GTK_ROOT (win));
  g_assert_nonnull (focus);
  g_assert_true (focus == first_flag || gtk_widget_is_ancestor (focus, first_flag));

  sp_test_destroy_window (win);
}

static void
test_screening_walk (void)
{
  SpWindow *win = sp_test_make_window (app, 1280, 800);

  /* Screening bar button: jumps to the first red flag. */
  adw_view_stack_set_visible_child_name (sp_window_get_stack (win), "lumbar");
  gtk_widget_activate_action (GTK_WIDGET (win), "win.screen", NULL);
  sp_test_wait_ms (20);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (sp_window_get_stack (win)), ==, "general");

  sp_test_set_bool (win, "red_flag_objective_weakness", SP_TRI_STATE_NO);
  sp_test_set_bool (win, "red_flag_sexual_dysfunction", SP_TRI_STATE_NO);
  sp_test_set_bool (win, "red_flag_cauda_equina", SP_TRI_STATE_NO);
  assert_pill (win, "general.acupuncture", SP_STATUS_NEEDS_INFORMATION);
  g_assert_true (sp_test_revealed (sp_window_get_screening_banner (win)));
  sp_test_set_bool (win, "red_flag_other_neurological_deterioration", SP_TRI_STATE_NO);
  assert_pill (win, "general.acupuncture", SP_STATUS_NEEDS_INFORMATION);
  g_assert_true (adw_view_stack_page_get_needs_attention (stack_page (win, "general")));

  /* "None suspected" is an answer, distinct from not recorded. */
  sp_test_tick_choice (win, "serious_pathology_suspected", NULL, TRUE);
  g_assert_true (sp_case_is_recorded (sp_window_get_case (win), "serious_pathology_suspected"));

  /* The first decided status. */
  assert_pill (win, "general.acupuncture", SP_STATUS_NOT_NORMALLY_FUNDED);
  g_assert_false (sp_test_revealed (sp_window_get_screening_banner (win)));
  g_assert_false (adw_view_stack_page_get_needs_attention (stack_page (win, "general")));
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (stack_page (win, "general")), ==, 0);
  assert_pill (win, "cervical.facet_injection", SP_STATUS_NOT_NORMALLY_FUNDED);

  /* Unticking "None" returns the fact to not recorded. */
  sp_test_tick_choice (win, "serious_pathology_suspected", NULL, FALSE);
  g_assert_false (sp_case_is_recorded (sp_window_get_case (win), "serious_pathology_suspected"));
  assert_pill (win, "general.acupuncture", SP_STATUS_NEEDS_INFORMATION);

  sp_test_destroy_window (win);
}

static void
test_red_flag_banner (void)
{
  SpWindow *win = sp_test_make_window (app, 1280, 800);
  SpPolicy *policy = sp_window_get_policy (win);
  GtkWidget *banner = sp_window_get_red_flag_banner (win);

  g_assert_false (sp_test_revealed (banner));
  sp_test_set_bool (win, "red_flag_objective_weakness", SP_TRI_STATE_YES);
  g_assert_true (sp_test_revealed (banner));
  {
    g_autofree char *text = banner_text (win);

    g_assert_nonnull (strstr (text, "Urgent referral to an acute spinal centre: this policy does not apply."));
    g_assert_nonnull (strstr (text, "Red flag recorded (new or worsening objective weakness)"));
    g_assert_null (strstr (text, "same-day"));
    g_assert_null (strstr (text, "cauda equina"));
  }
  sp_test_set_bool (win, "red_flag_objective_weakness", SP_TRI_STATE_NO);
  g_assert_false (sp_test_revealed (banner));
  sp_test_set_bool (win, "red_flag_cauda_equina", SP_TRI_STATE_YES);
  g_assert_true (sp_test_revealed (banner));
  {
    g_autofree char *text = banner_text (win);

    g_assert_nonnull (strstr (text, "Red flag recorded (suspected cauda equina syndrome)"));
    g_assert_nonnull (strstr (text, "Suspected cauda equina syndrome needs emergency same-day assessment."));
  }
  assert_banner_aligned (banner, 2);
  g_assert_false (sp_test_revealed (sp_window_get_screening_banner (win)));
  for (guint i = 0; i < sp_policy_get_n_decisions (policy); i++)
    assert_pill (win, sp_decision_rule_get_id (sp_policy_get_decision (policy, i)), SP_STATUS_URGENT_REFERRAL);
  g_assert_true (advice_shown (win, "lumbar", "advisory.red_flags"));

  /* The banner shows on every tab: it sits above the stack. */
  adw_view_stack_set_visible_child_name (sp_window_get_stack (win), "sij");
  sp_test_wait_ms (20);
  g_assert_true (gtk_widget_get_mapped (banner));

  /* Clearing the flag (the "—" button) takes the banner away again. */
  sp_test_set_bool (win, "red_flag_cauda_equina", SP_TRI_STATE_UNKNOWN);
  g_assert_false (sp_case_is_recorded (sp_window_get_case (win), "red_flag_cauda_equina"));
  g_assert_false (sp_test_revealed (banner));
  g_assert_false (advice_shown (win, "lumbar", "advisory.red_flags"));

  /* A suspected spinal cord injury is a red flag too, and an emergency. */
  sp_test_tick_choice (win, "serious_pathology_suspected", "spinal_cord_injury", TRUE);
  g_assert_true (sp_test_revealed (banner));
  {
    g_autofree char *text = banner_text (win);

    g_assert_nonnull (strstr (text, "Suspected spinal cord injury needs emergency same-day assessment."));
    g_assert_null (strstr (text, "cauda equina"));
  }
  g_assert_true (sp_test_revealed (banner));
  sp_test_tick_choice (win, "serious_pathology_suspected", "spinal_cord_injury", FALSE);
  g_assert_false (sp_test_revealed (banner));

  sp_test_destroy_window (win);
}

/* Contract step 3: a suspected cancer gets a banner of its own on every
 * tab, naming it and saying what to do, below the red-flag banner. A Yes on
 * a red flag is marked on its row. */
static void
test_serious_pathology_banner (void)
{
  SpWindow *win = sp_test_make_window (app, 1280, 800);
  GtkWidget *banner = sp_window_get_serious_pathology_banner (win);
  GtkWidget *red_flags = sp_window_get_red_flag_banner (win);
  GtkWidget *flag_row;
  GString *text = g_string_new (NULL);
  g_autofree char *words = NULL;
  graphene_point_t red_at, serious_at;

  g_assert_false (sp_test_revealed (banner));
  sp_test_tick_choice (win, "serious_pathology_suspected", "cancer", TRUE);
  g_assert_true (sp_test_revealed (banner));
  sp_test_collect_text (banner, text);
  words = g_string_free (text, FALSE);
  g_assert_nonnull (strstr (words, "Serious pathology suspected: Cancer."));
  /* What to do is the policy's own advice for what is suspected. */
  g_assert_nonnull (strstr (words, "Suspected cancer needs urgent investigation or urgent referral"));
  g_assert_nonnull (strstr (words, "urgent suspected cancer pathway"));
  g_assert_nonnull (strstr (words, "not routine care"));
  g_assert_null (strstr (words, "infection"));
  assert_banner_aligned (banner, 2);
  sp_test_save_png (GTK_WIDGET (win), "serious-pathology-1280");

  adw_view_stack_set_visible_child_name (sp_window_get_stack (win), "lumbar");
  sp_test_wait_ms (20);
  g_assert_true (gtk_widget_get_mapped (banner));

  /* Beside a red flag, under its banner, and the flag's Yes is marked. */
  flag_row = sp_window_lookup_fact_row (win, "red_flag_objective_weakness");
  g_assert_false (gtk_widget_has_css_class (flag_row, "sp-red-flag-positive"));
  sp_test_set_bool (win, "red_flag_objective_weakness", SP_TRI_STATE_YES);
  g_assert_true (gtk_widget_has_css_class (flag_row, "sp-red-flag-positive"));
  g_assert_true (sp_test_revealed (red_flags));
  g_assert_true (sp_test_revealed (banner));
  sp_test_wait_ms (400);
  g_assert_true (gtk_widget_compute_point (red_flags, GTK_WIDGET (win), &GRAPHENE_POINT_INIT (0, 0), &red_at));
  g_assert_true (gtk_widget_compute_point (banner, GTK_WIDGET (win), &GRAPHENE_POINT_INIT (0, 0), &serious_at));
  g_assert_cmpfloat (serious_at.y, >, red_at.y);
  sp_test_set_bool (win, "red_flag_objective_weakness", SP_TRI_STATE_NO);
  g_assert_false (gtk_widget_has_css_class (flag_row, "sp-red-flag-positive"));

  sp_test_tick_choice (win, "serious_pathology_suspected", "cancer", FALSE);
  g_assert_false (sp_test_revealed (banner));

  sp_test_destroy_window (win);
}

/* Ctrl+R from anywhere on the page: the first red flag in view, focused,
 * in both layouts. */
static void
check_ctrl_r (int width)
{
  SpWindow *win = sp_test_make_window (app, width, 700);
  SpPolicy *policy = sp_window_get_policy (win);
  const char *flag_id = NULL;
  GtkWidget *row;
  GtkWidget *focus;
  graphene_point_t at;
  int win_height;

  for (guint i = 0; i < sp_policy_get_n_facts (policy) && !flag_id; i++)
    if (sp_policy_is_red_flag (policy, sp_policy_get_fact (policy, i)))
      flag_id = sp_fact_get_id (sp_policy_get_fact (policy, i));
  g_assert_nonnull (flag_id);
  row = sp_window_lookup_fact_row (win, flag_id);
  sp_test_wait_ms (200);

  /* Scroll every scroller holding the row to its end, then focus another
   * tab, as a clinician midway through an assessment would be. */
  for (GtkWidget *w = gtk_widget_get_parent (row); w; w = gtk_widget_get_parent (w))
    if (GTK_IS_SCROLLED_WINDOW (w))
      {
        GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (w));

        gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
      }
  adw_view_stack_set_visible_child_name (sp_window_get_stack (win), "lumbar");
  sp_test_wait_ms (200);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "win.screen", NULL));
  sp_test_wait_ms (400);

  focus = gtk_root_get_focus (GTK_ROOT (win));
  g_assert_nonnull (focus);
  g_assert_true (focus == row || gtk_widget_is_ancestor (focus, row));
  win_height = gtk_widget_get_height (GTK_WIDGET (win));
  g_assert_true (gtk_widget_compute_point (row, GTK_WIDGET (win), &GRAPHENE_POINT_INIT (0, 0), &at));
  g_assert_cmpfloat (at.y, >=, 0);
  g_assert_cmpfloat (at.y + gtk_widget_get_height (row), <=, win_height);

  sp_test_destroy_window (win);
}

static void
test_ctrl_r_scrolls_to_red_flag (void)
{
  check_ctrl_r (1280);
  check_ctrl_r (360);
}

static GtkWidget *
find_entry_row_titled (GtkWidget  *widget,
                       const char *prefix)
{
  if (ADW_IS_ENTRY_ROW (widget) &&
      g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), prefix))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_entry_row_titled (child, prefix);

      if (found)
        return found;
    }
  return NULL;
}

/* Dates as UK clinicians write them, day first, in the date of birth and
 * in a date question; a day that does not exist is refused. */
static void
test_typed_dates (void)
{
  SpWindow *win = sp_test_make_window (app, 1280, 800);
  SpCase *case_ = sp_window_get_case (win);
  GtkWidget *dob = find_entry_row_titled (sp_window_get_identity_group (win), "_Date of birth");
  GtkWidget *date_input = sp_window_lookup_fact_input (win, "assessment_date");
  g_autofree char *date = NULL;

  g_assert_nonnull (dob);
  gtk_editable_set_text (GTK_EDITABLE (dob), "15/03/1981");
  g_assert_cmpstr (sp_case_get_date_of_birth (case_), ==, "1981-03-15");
  /* Left as typed, not rewritten under the clinician's cursor. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dob)), ==, "15/03/1981");
  gtk_editable_set_text (GTK_EDITABLE (dob), "16.03.1981");
  g_assert_cmpstr (sp_case_get_date_of_birth (case_), ==, "1981-03-16");
  gtk_editable_set_text (GTK_EDITABLE (dob), "1981-03-17");
  g_assert_cmpstr (sp_case_get_date_of_birth (case_), ==, "1981-03-17");
  gtk_editable_set_text (GTK_EDITABLE (dob), "31/02/1981");
  g_assert_true (gtk_widget_has_css_class (dob, "error"));
  g_assert_null (sp_case_get_date_of_birth (case_));

  sp_test_set_text (win, "assessment_date", "02.03.2025");
  date = sp_case_dup_date (case_, "assessment_date");
  g_assert_cmpstr (date, ==, "2025-03-02");
  sp_case_clear_fact (case_, "assessment_date");
  gtk_editable_set_text (GTK_EDITABLE (date_input), "31/02/2025");
  g_signal_emit_by_name (date_input, "activate");
  g_assert_false (sp_case_is_recorded (case_, "assessment_date"));
  g_assert_true (gtk_widget_has_css_class (date_input, "error"));

  sp_test_destroy_window (win);
}

/* Where @widget's top left corner is in the window. */
static graphene_point_t
window_origin (SpWindow  *win,
               GtkWidget *widget)
{
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (win), &GRAPHENE_POINT_INIT (0, 0), &point));
  return point;
}

static double
window_y (SpWindow  *win,
          GtkWidget *widget)
{
  return window_origin (win, widget).y;
}

static double
window_x (SpWindow  *win,
          GtkWidget *widget)
{
  return window_origin (win, widget).x;
}

/* The row just answered stays under the pointer as the banners above the
 * page come and go (they pushed it 65-105 px down), in both layouts. */
static void
check_banners_keep_form_still (int width)
{
  SpWindow *win = sp_test_make_window (app, width, 700);
  GtkWidget *flag = sp_window_lookup_fact_row (win, "red_flag_objective_weakness");
  GtkWidget *pathology = sp_window_lookup_fact_row (win, "serious_pathology_suspected");
  double before;

  sp_test_wait_ms (300);
  g_assert_true (sp_test_revealed (sp_window_get_screening_banner (win)));
  /* Midway down the form, as a clinician answering it is: at the very top
   * a banner that shrinks cannot be made up for by scrolling. */
  for (GtkWidget *w = gtk_widget_get_parent (flag); w; w = gtk_widget_get_parent (w))
    if (GTK_IS_SCROLLED_WINDOW (w))
      {
        GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (w));

        if (gtk_adjustment_get_upper (adj) - gtk_adjustment_get_page_size (adj) > 200)
          {
            gtk_adjustment_set_value (adj, 150);
            break;
          }
      }
  sp_test_wait_ms (100);

  before = window_y (win, flag);
  sp_test_set_bool (win, "red_flag_objective_weakness", SP_TRI_STATE_YES);
  sp_test_wait_ms (400);
  g_assert_true (sp_test_revealed (sp_window_get_red_flag_banner (win)));
  g_assert_cmpfloat_with_epsilon (window_y (win, flag), before, 1.0);

  before = window_y (win, pathology);
  sp_test_tick_choice (win, "serious_pathology_suspected", "cancer", TRUE);
  sp_test_wait_ms (400);
  g_assert_true (sp_test_revealed (sp_window_get_serious_pathology_banner (win)));
  g_assert_cmpfloat_with_epsilon (window_y (win, pathology), before, 1.0);
  {
    g_autofree char *png = g_strdup_printf ("banners-%d", width);

    sp_test_save_png (GTK_WIDGET (win), png);
  }

  before = window_y (win, flag);
  sp_test_set_bool (win, "red_flag_objective_weakness", SP_TRI_STATE_NO);
  sp_test_wait_ms (400);
  g_assert_false (sp_test_revealed (sp_window_get_red_flag_banner (win)));
  g_assert_cmpfloat_with_epsilon (window_y (win, flag), before, 1.0);

  sp_test_destroy_window (win);
}

/* Every row stays where it is as the decisions change: in two columns the
 * divider between form and decisions never moves, so no question is
 * re-wrapped to another height under the pointer (ticking "None" for
 * serious pathology once moved the rows below it 15 px up and 4 px
 * right, and the next click missed). */
static void
test_columns_keep_their_width (void)
{
  SpWindow *win = sp_test_make_window (app, 1280, 800);
  GtkWidget *date = sp_window_lookup_fact_row (win, "assessment_date");
  GtkWidget *setting = sp_window_lookup_fact_row (win, "setting");
  GtkWidget *decision = sp_window_lookup_decision_row (win, "general.acupuncture");
  double date_x, date_y, setting_y, decision_x;
  int date_width;

  sp_test_set_bool (win, "red_flag_objective_weakness", SP_TRI_STATE_NO);
  sp_test_set_bool (win, "red_flag_sexual_dysfunction", SP_TRI_STATE_NO);
  sp_test_set_bool (win, "red_flag_cauda_equina", SP_TRI_STATE_NO);
  sp_test_set_bool (win, "red_flag_other_neurological_deterioration", SP_TRI_STATE_NO);
  sp_test_wait_ms (200);
  date_x = window_x (win, date);
  date_y = window_y (win, date);
  date_width = gtk_widget_get_width (date);
  setting_y = window_y (win, setting);
  decision_x = window_x (win, decision);

  /* The last of the screening: its banner goes, the decisions change. */
  sp_test_tick_choice (win, "serious_pathology_suspected", NULL, TRUE);
  sp_test_wait_ms (400);
  g_assert_false (sp_test_revealed (sp_window_get_screening_banner (win)));
  g_assert_cmpfloat_with_epsilon (window_x (win, date), date_x, 0.5);
  g_assert_cmpint (gtk_widget_get_width (date), ==, date_width);
  g_assert_cmpfloat_with_epsilon (window_x (win, decision), decision_x, 0.5);
  /* The banner's height is given back by scrolling: what is below the row
   * answered moves with it, not on its own. */
  g_assert_cmpfloat_with_epsilon (window_y (win, setting) - window_y (win, date), setting_y - date_y, 0.5);

  /* And as statuses of every length come and go. */
  for (guint i = 0; i < 3; i++)
    {
      sp_test_set_bool (win, "exceptional_significant_impairment", i % 2 ? SP_TRI_STATE_NO : SP_TRI_STATE_YES);
      sp_test_set_choice (win, "setting", i % 2 ? "specialist" : "primary_care");
      sp_test_wait_ms (200);
      g_assert_cmpfloat_with_epsilon (window_x (win, date), date_x, 0.5);
      g_assert_cmpint (gtk_widget_get_width (date), ==, date_width);
      g_assert_cmpfloat_with_epsilon (window_x (win, decision), decision_x, 0.5);
    }
  sp_test_destroy_window (win);
}

/* Every border node under @node, in drawing order. */
static void
collect_borders (GskRenderNode *node,
                 GPtrArray     *borders)
{
  if (node == NULL)
    return;
  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_BORDER_NODE:
      g_ptr_array_add (borders, node);
      break;
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        collect_borders (gsk_container_node_get_child (node, i), borders);
      break;
    case GSK_TRANSFORM_NODE:
      collect_borders (gsk_transform_node_get_child (node), borders);
      break;
    case GSK_OPACITY_NODE:
      collect_borders (gsk_opacity_node_get_child (node), borders);
      break;
    case GSK_CLIP_NODE:
      collect_borders (gsk_clip_node_get_child (node), borders);
      break;
    case GSK_ROUNDED_CLIP_NODE:
      collect_borders (gsk_rounded_clip_node_get_child (node), borders);
      break;
    case GSK_SHADOW_NODE:
      collect_borders (gsk_shadow_node_get_child (node), borders);
      break;
    case GSK_COLOR_MATRIX_NODE:
      collect_borders (gsk_color_matrix_node_get_child (node), borders);
      break;
    case GSK_REPEAT_NODE:
      collect_borders (gsk_repeat_node_get_child (node), borders);
      break;
    case GSK_BLUR_NODE:
      collect_borders (gsk_blur_node_get_child (node), borders);
      break;
    case GSK_DEBUG_NODE:
      collect_borders (gsk_debug_node_get_child (node), borders);
      break;
    case GSK_BLEND_NODE:
      collect_borders (gsk_blend_node_get_bottom_child (node), borders);
      collect_borders (gsk_blend_node_get_top_child (node), borders);
      break;
    case GSK_CROSS_FADE_NODE:
      collect_borders (gsk_cross_fade_node_get_start_child (node), borders);
      collect_borders (gsk_cross_fade_node_get_end_child (node), borders);
      break;
    case GSK_NOT_A_RENDER_NODE:
    case GSK_CAIRO_NODE:
    case GSK_COLOR_NODE:
    case GSK_LINEAR_GRADIENT_NODE:
    case GSK_REPEATING_LINEAR_GRADIENT_NODE:
    case GSK_RADIAL_GRADIENT_NODE:
    case GSK_REPEATING_RADIAL_GRADIENT_NODE:
    case GSK_CONIC_GRADIENT_NODE:
    case GSK_TEXTURE_NODE:
    case GSK_INSET_SHADOW_NODE:
    case GSK_OUTSET_SHADOW_NODE:
    case GSK_TEXT_NODE:
    case GSK_GL_SHADER_NODE:
    default:
      break;
    }
}

/* What the borders @win draws now are: how many have sides of different
 * colours, and whether a one-pixel bottom rule (a row separator, a
 * banner's edge) and a three-pixel left rule (a quoted clause) are among
 * them. */
typedef struct {
  guint    mixed;
  gboolean bottom_rule;
  gboolean clause_rule;
} Borders;

static Borders
read_borders (SpWindow *win)
{
  g_autoptr(GPtrArray) borders = g_ptr_array_new ();
  GskRenderNode *node = sp_test_render_node (GTK_WIDGET (win));
  Borders seen = { 0, FALSE, FALSE };

  collect_borders (node, borders);
  for (guint i = 0; i < borders->len; i++)
    {
      GskRenderNode *border = g_ptr_array_index (borders, i);
      const GdkRGBA *colors = gsk_border_node_get_colors (border);
      const float *widths = gsk_border_node_get_widths (border);

      if (!gdk_rgba_equal (&colors[0], &colors[1]) || !gdk_rgba_equal (&colors[0], &colors[2]) ||
          !gdk_rgba_equal (&colors[0], &colors[3]))
        seen.mixed++;
      if (widths[0] == 0 && widths[1] == 0 && widths[2] == 1 && widths[3] == 0)
        seen.bottom_rule = TRUE;
      if (widths[0] == 0 && widths[1] == 0 && widths[2] == 0 && widths[3] == 3)
        seen.clause_rule = TRUE;
    }
  gsk_render_node_unref (node);
  return seen;
}

/* GTK 4.8's cairo renderer draws a border whose sides differ in colour
 * through a mesh pattern as large as its box: the row separators, banners
 * and the decisions' rule cost the first frame 14 ms that way. Every
 * border the window draws has one colour (see style.css). */
static void
test_borders_one_colour (void)
{
  SpWindow *win = sp_test_make_window (app, 1280, 800);
  GtkWidget *decision;
  Borders seen;

  seen = read_borders (win);
  g_assert_true (seen.bottom_rule);
  g_assert_cmpuint (seen.mixed, ==, 0);

  /* The serious-pathology banner, and a decision opened to its clauses. */
  sp_test_tick_choice (win, "serious_pathology_suspected", "infection", TRUE);
  adw_view_stack_set_visible_child_name (sp_window_get_stack (win), "lumbar");
  sp_test_set_choice (win, "lumbar_condition", "sciatica");
  decision = sp_window_lookup_decision_row (win, "lumbar.imaging");
  g_assert_nonnull (decision);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (decision), TRUE);
  for (guint attempt = 0; !(seen = read_borders (win)).clause_rule && attempt < 100; attempt++)
    sp_test_wait_ms (50);
  g_assert_true (seen.clause_rule);
  g_assert_true (sp_test_revealed (sp_window_get_serious_pathology_banner (win)));
  g_assert_cmpuint (seen.mixed, ==, 0);
  sp_test_destroy_window (win);
}

static void
test_banners_keep_form_still (void)
{
  check_banners_keep_form_still (1280);
  check_banners_keep_form_still (700);
  check_banners_keep_form_still (360);
}

static void
test_tab_patient (void)
{
  SpWindow *win = sp_test_make_window (app, 1280, 800);

  screen_negative (win);

  /* Relevance: STarT Back scores only once that tool is chosen. */
  g_assert_true (row_shown (win, "start_back_total"));      /* unknown tool: still asked */
  sp_test_set_choice (win, "biopsychosocial_tool", "eq5d");
  g_assert_false (row_shown (win, "start_back_total"));
  g_assert_true (row_shown (win, "eq5d_vas"));

  /* Free text checked against the policy's pattern as it is typed. */
  {
    GtkWidget *entry = sp_window_lookup_fact_input (win, "eq5d_profile");
    SpCase *case_ = sp_window_get_case (win);

    g_assert_true (GTK_IS_ENTRY (entry));
    gtk_editable_set_text (GTK_EDITABLE (entry), "1234");
    g_assert_true (gtk_widget_has_css_class (entry, "error"));
    g_assert_false (sp_case_is_recorded (case_, "eq5d_profile"));
    gtk_editable_set_text (GTK_EDITABLE (entry), "12345");
    g_assert_false (gtk_widget_has_css_class (entry, "error"));
    g_assert_cmpstr (sp_case_get_string (case_, "eq5d_profile"), ==, "12345");
    gtk_editable_set_text (GTK_EDITABLE (entry), "12346");
    g_assert_true (gtk_widget_has_css_class (entry, "error"));
    g_assert_false (sp_case_is_recorded (case_, "eq5d_profile"));
    g_signal_emit_by_name (sp_fact_row_get_clear_button (SP_FACT_ROW (sp_window_lookup_fact_row (win, "eq5d_profile"))), "clicked");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
    g_assert_false (gtk_widget_has_css_class (entry, "error"));
  }
  sp_test_set_choice (win, "biopsychosocial_tool", "start_back");
  g_assert_true (row_shown (win, "start_back_total"));
  g_assert_false (row_shown (win, "eq5d_vas"));
  g_assert_false (advice_shown (win, "general", "advisory.start_back_risk"));
  sp_test_set_number (win, "start_back_total", 5);
  sp_test_set_number (win, "start_back_psychosocial", 4);
  g_assert_true (advice_shown (win, "general", "advisory.start_back_risk"));

  /* Conservative management not started: the advice appears, weeks go. */
  sp_test_set_choice (win, "conservative_status", "not_started");
  g_assert_true (advice_shown (win, "general", "advisory.conservative_first"));
  g_assert_false (row_shown (win, "conservative_weeks"));

  sp_test_destroy_window (win);
}

/* The switcher button showing @title, in the header's tabs. */
static GtkWidget *
find_tab_button (GtkWidget  *widget,
                 const char *title)
{
  if (GTK_IS_TOGGLE_BUTTON (widget) && g_object_class_find_property (G_OBJECT_GET_CLASS (widget), "label"))
    {
      g_autofree char *label = NULL;

      g_object_get (widget, "label", &label, NULL);
      if (g_strcmp0 (label, title) == 0 && gtk_widget_get_mapped (widget))
        return widget;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_tab_button (c, title);

      if (found)
        return found;
    }
  return NULL;
}

/* A tab's number says what it counts, in its tooltip. */
static void
test_badge_tooltips (void)
{
  SpWindow *win = sp_test_make_window (app, 1280, 800);
  AdwViewStackPage *page = stack_page (win, "cervical");
  GtkWidget *button;
  g_autofree char *expected = NULL;

  screen_negative (win);
  button = find_tab_button (GTK_WIDGET (win), adw_view_stack_page_get_title (page));
  g_assert_nonnull (button);
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (page), >, 1);
  expected = g_strdup_printf ("%u decisions on this tab need more information",
                              adw_view_stack_page_get_badge_number (page));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, expected);

  /* Nothing left to ask on the tab: no number and nothing to explain. */
  sp_test_set_choice (win, "cervical_condition", "radiculopathy");
  sp_test_set_choice (win, "conservative_status", "unsuitable");
  sp_test_set_choice (win, "cervical_injection_purpose", "rehabilitation");
  sp_test_set_number (win, "cervical_previous_epidurals", 0);
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (page), ==, 0);
  g_assert_null (gtk_widget_get_tooltip_text (button));
  sp_test_destroy_window (win);
}

static void
test_tab_cervical (void)
{
  SpWindow *win = sp_test_make_window (app, 1280, 800);
  AdwViewStackPage *page = stack_page (win, "cervical");
  guint before;

  screen_negative (win);
  before = adw_view_stack_page_get_badge_number (page);
  g_assert_cmpuint (before, >, 0);
  g_assert_true (adw_view_stack_page_get_needs_attention (page));

  sp_test_set_choice (win, "cervical_condition", "radiculopathy");
  sp_test_set_choice (win, "conservative_status", "unsuitable");
  sp_test_set_choice (win, "cervical_injection_purpose", "rehabilitation");
  sp_test_set_number (win, "cervical_previous_epidurals", 0);
  assert_pill (win, "cervical.epidural_single", SP_STATUS_SUPPORTED);
  assert_pill (win, "cervical.specialist_referral", SP_STATUS_SUPPORTED);
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (page), <, before);

  /* Follow-up questions appear only once a previous injection is recorded. */
  g_assert_false (row_shown (win, "cervical_previous_epidural_improvement_percent"));
  sp_test_set_number (win, "cervical_previous_epidurals", 1);
  g_assert_true (row_shown (win, "cervical_previous_epidural_improvement_percent"));
  assert_pill (win, "cervical.epidural_single", SP_STATUS_CRITERIA_NOT_MET);

  sp_test_set_choice (win, "cervical_condition", "non_specific");
  assert_pill (win, "cervical.epidural_single", SP_STATUS_NOT_NORMALLY_FUNDED);
  g_assert_false (row_shown (win, "cervical_injection_purpose"));

  sp_test_destroy_window (win);
}

static void
test_tab_lumbar (void)
{
  SpWindow *win = sp_test_make_window (app, 1280, 800);

  screen_negative (win);
  sp_test_set_choice (win, "lumbar_condition", "non_specific");
  assert_pill (win, "lumbar.disc_replacement", SP_STATUS_NOT_NORMALLY_FUNDED);
  assert_pill (win, "lumbar.discectomy", SP_STATUS_NOT_NORMALLY_FUNDED);
  /* No previous-injection count is asked, so neither are its follow-ups,
   * though the count is unknown. */
  g_assert_false (row_shown (win, "lumbar_previous_epidurals"));
  g_assert_false (row_shown (win, "lumbar_previous_epidural_improvement_percent"));
  g_assert_false (row_shown (win, "lumbar_previous_epidural_relief_months"));

  sp_test_set_choice (win, "setting", "primary_care");
  assert_pill (win, "lumbar.imaging", SP_STATUS_CRITERIA_NOT_MET);
  g_assert_false (row_shown (win, "imaging_likely_to_change_management"));
  sp_test_set_choice (win, "setting", "specialist");
  g_assert_true (row_shown (win, "imaging_likely_to_change_management"));
  sp_test_set_bool (win, "imaging_likely_to_change_management", SP_TRI_STATE_YES);
  assert_pill (win, "lumbar.imaging", SP_STATUS_SUPPORTED);

  /* Discectomy in sciatica: supported, then the registry advice appears. */
  sp_test_set_choice (win, "lumbar_condition", "sciatica");
  sp_test_set_bool (win, "mri_concordant", SP_TRI_STATE_YES);
  sp_test_set_bool (win, "nerve_root_compression_signs", SP_TRI_STATE_YES);
  g_assert_false (advice_shown (win, "lumbar", "advisory.british_spine_registry"));
  sp_test_set_choice (win, "non_operative_options", "tried_failed");
  assert_pill (win, "lumbar.decompression", SP_STATUS_SUPPORTED);
  g_assert_true (advice_shown (win, "lumbar", "advisory.british_spine_registry"));
  assert_pill (win, "lumbar.discectomy", SP_STATUS_NEEDS_INFORMATION);
  sp_test_set_number (win, "radicular_symptom_months", 2);
  /* Two months: a severe case would waive the three, so it is asked. */
  assert_pill (win, "lumbar.discectomy", SP_STATUS_NEEDS_INFORMATION);
  g_assert_nonnull (sp_decision_row_get_missing_button (SP_DECISION_ROW (sp_window_lookup_decision_row (win, "lumbar.discectomy")),
                                                        "severe_symptoms"));
  sp_test_set_bool (win, "severe_symptoms", SP_TRI_STATE_NO);
  assert_pill (win, "lumbar.discectomy", SP_STATUS_CRITERIA_NOT_MET);
  sp_test_set_number (win, "radicular_symptom_months", 4);
  assert_pill (win, "lumbar.discectomy", SP_STATUS_SUPPORTED);

  sp_test_destroy_window (win);
}

/* A lumbar patient: the neck's decisions are not shown as the patient's.
 * With nothing recorded on the cervical tab the engine finds referral for
 * neck pain "Supported"; the tab shows one "Not assessed" row naming them,
 * and no status, until something of the neck is recorded. */
static void
test_not_assessed (void)
{
  SpWindow *win = sp_test_make_window (app, 1280, 800);
  GtkWidget *cervical = sp_window_get_page (win, "cervical");
  GtkWidget *referral;
  GtkWidget *not_assessed;
  g_autofree char *shown = NULL;
  GString *text = g_string_new (NULL);

  screen_negative (win);
  sp_test_set_choice (win, "lumbar_condition", "sciatica");
  sp_test_set_choice (win, "conservative_status", "unsuitable");
  adw_view_stack_set_visible_child (sp_window_get_stack (win), cervical);
  sp_test_wait_ms (50);

  referral = sp_window_lookup_decision_row (win, "cervical.specialist_referral");
  g_assert_nonnull (referral);
  g_assert_cmpstr (pill_text (win, "cervical.specialist_referral"), ==, sp_status_get_label (SP_STATUS_SUPPORTED));
  g_assert_false (gtk_widget_get_visible (referral));
  g_assert_cmpuint (count_named (cervical, "not-assessed"), ==, 1);
  not_assessed = find_descendant_with_class (cervical, ADW_TYPE_ACTION_ROW, "sp-not-assessed");
  g_assert_nonnull (not_assessed);
  g_assert_true (gtk_widget_get_mapped (not_assessed));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (not_assessed)), ==, "Not assessed");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (not_assessed)), "Specialist referral"));
  sp_test_collect_text (cervical, text);
  shown = g_string_free (text, FALSE);
  g_assert_null (strstr (shown, sp_status_get_label (SP_STATUS_SUPPORTED)));
  sp_test_save_png (GTK_WIDGET (win), "not-assessed-cervical-1280");

  /* The lumbar tab is assessed: its decisions show their status. */
  g_assert_true (gtk_widget_get_visible (sp_window_lookup_decision_row (win, "lumbar.discectomy")));
  /* The patient's general decisions always show. */
  g_assert_true (gtk_widget_get_visible (sp_window_lookup_decision_row (win, "general.acupuncture")));

  /* Any answer on the neck's tab assesses it. */
  sp_test_set_number (win, "cervical_previous_epidurals", 0);
  g_assert_true (gtk_widget_get_visible (referral));
  g_assert_false (gtk_widget_get_visible (not_assessed));

  sp_test_destroy_window (win);
}

/* The window and the summary tell the same story: a decision whose
 * criteria are not met says what is not met under its name, in the words
 * the summary puts under the intervention. */
static void
test_unmet_as_in_summary (void)
{
  SpWindow *win = sp_test_make_window (app, 1280, 800);
  GtkWidget *repeat;
  g_autoptr(SpSummary) summary = NULL;
  const char *subtitle;
  gboolean found = FALSE;

  screen_negative (win);
  sp_test_set_choice (win, "lumbar_condition", "sciatica");
  sp_test_set_number (win, "lumbar_previous_epidurals", 0);
  assert_pill (win, "lumbar.epidural_repeat", SP_STATUS_CRITERIA_NOT_MET);
  repeat = sp_window_lookup_decision_row (win, "lumbar.epidural_repeat");
  subtitle = adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (repeat));
  g_assert_nonnull (strstr (subtitle, "No previous epidural or nerve root injection"));
  adw_view_stack_set_visible_child (sp_window_get_stack (win), sp_window_get_page (win, "lumbar"));
  sp_test_wait_ms (50);
  sp_test_save_png (GTK_WIDGET (win), "unmet-under-decision-1280");

  summary = sp_window_create_summary (win, FALSE);
  for (guint i = 0; i < sp_summary_get_n_blocks (summary); i++)
    {
      const SpSummaryBlock *block = sp_summary_get_block (summary, i);

      for (guint r = 0; block->rows && r < block->rows->len; r++)
        {
          const SpSummaryRow *row = &g_array_index (block->rows, SpSummaryRow, r);

          if (g_str_equal (row->decision_id, "lumbar.epidural_repeat"))
            {
              g_assert_cmpstr (row->unmet, ==, subtitle);
              g_assert_cmpint (row->status, ==, SP_STATUS_CRITERIA_NOT_MET);
              found = TRUE;
            }
        }
    }
  g_assert_true (found);

  /* A decision with nothing unmet says nothing more. */
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (sp_window_lookup_decision_row (win, "lumbar.epidural_single"))),
                   ==, "");
  sp_test_destroy_window (win);
}

static void
test_tab_facet (void)
{
  SpWindow *win = sp_test_make_window (app, 1280, 800);

  /* The contract's example: definitely false decides despite unknowns. */
  screen_negative (win);
  assert_pill (win, "facet.rfd", SP_STATUS_NEEDS_INFORMATION);
  g_assert_false (advice_shown (win, "facet", "advisory.facet_manual_therapy"));
  sp_test_set_bool (win, "radicular_symptoms", SP_TRI_STATE_YES);
  assert_pill (win, "facet.rfd", SP_STATUS_CRITERIA_NOT_MET);

  /* The last denervation's date is a follow-up question. */
  g_assert_true (row_shown (win, "facet_last_rfd_date"));
  sp_test_set_bool (win, "facet_previous_rfd", SP_TRI_STATE_NO);
  g_assert_false (row_shown (win, "facet_last_rfd_date"));
  sp_test_set_bool (win, "facet_pain_source_medial_branch", SP_TRI_STATE_YES);
  g_assert_true (advice_shown (win, "facet", "advisory.facet_manual_therapy"));

  sp_test_destroy_window (win);
}

/* Revision 3: a fact the recorded ones settle is shown as implied, with
 * what implies it, and cannot be answered against it; once the answer
 * that implies it goes, it is a question again. */
static void
test_implied_fact (void)
{
  SpWindow *win = sp_test_make_window (app, 1280, 800);
  GtkWidget *row, *input;
  g_autofree char *subtitle = NULL;

  screen_negative (win);
  sp_test_set_choice (win, "lumbar_condition", "sciatica");
  sp_test_set_bool (win, "facet_pain_source_medial_branch", SP_TRI_STATE_YES);
  assert_pill (win, "facet.rfd", SP_STATUS_CRITERIA_NOT_MET);

  row = sp_window_lookup_fact_row (win, "radicular_symptoms");
  input = sp_window_lookup_fact_input (win, "radicular_symptoms");
  g_assert_true (gtk_widget_get_visible (row));
  g_assert_false (gtk_widget_get_sensitive (input));
  g_object_get (row, "subtitle", &subtitle, NULL);
  g_assert_nonnull (strstr (subtitle, "Yes, implied by Low back condition"));
  g_clear_pointer (&subtitle, g_free);

  sp_test_set_choice (win, "lumbar_condition", "non_specific");
  g_assert_true (gtk_widget_get_sensitive (input));
  g_object_get (row, "subtitle", &subtitle, NULL);
  g_assert_null (strstr (subtitle, "implied"));
  assert_pill (win, "facet.rfd", SP_STATUS_NEEDS_INFORMATION);

  sp_test_destroy_window (win);
}

static void
test_tab_sij (void)
{
  SpWindow *win = sp_test_make_window (app, 1280, 800);

  screen_negative (win);
  sp_test_set_bool (win, "sij_pain_suspected", SP_TRI_STATE_YES);
  assert_pill (win, "sij.injection", SP_STATUS_SUPPORTED);
  g_assert_true (advice_shown (win, "sij", "advisory.sij_tests"));
  g_assert_false (advice_shown (win, "sij", "advisory.rheumatology"));
  sp_test_set_bool (win, "sacroiliitis_suspected", SP_TRI_STATE_YES);
  g_assert_true (advice_shown (win, "sij", "advisory.rheumatology"));
  sp_test_set_choice (win, "sij_diagnostic_injection_response", "positive");
  assert_pill (win, "sij.rfd", SP_STATUS_CRITERIA_NOT_MET);
  sp_test_set_bool (win, "sacroiliitis_suspected", SP_TRI_STATE_NO);
  assert_pill (win, "sij.rfd", SP_STATUS_SUPPORTED);

  sp_test_destroy_window (win);
}

static graphene_rect_t
bounds_in (GtkWidget *widget,
           GtkWidget *ancestor)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, ancestor, &bounds));
  return bounds;
}

/* The rows' text is laid out by grids rather than libadwaita's boxes (for
 * speed: see sp_make_rows_cheap_to_measure()); the rows must look as they did.
 * For a yes/no row with wrapped help, in a wide and a narrow window: the
 * title above the help, both left of the answers and clear of them, and
 * the answers centred on the text beside them. */
static void
test_row_layout (void)
{
  const int widths[] = { 1280, 360 };

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      SpWindow *win = sp_test_make_window (app, widths[w], 800);
      GtkWidget *answers = sp_window_lookup_fact_input (win, "red_flag_cauda_equina");
      GtkWidget *row = gtk_widget_get_ancestor (answers, ADW_TYPE_ACTION_ROW);
      GtkWidget *title, *subtitle;
      graphene_rect_t title_box, subtitle_box, answers_box, row_box;

      g_assert_nonnull (row);
      sp_test_wait_ms (100);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (win));

      /* libadwaita's own title and subtitle labels, by their style classes */
      title = find_descendant_with_class (row, GTK_TYPE_LABEL, "title");
      subtitle = find_descendant_with_class (row, GTK_TYPE_LABEL, "subtitle");
      g_assert_nonnull (title);
      g_assert_nonnull (subtitle);
      g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (title)), ==, "Suspected cauda equina syndrome");

      row_box = bounds_in (row, row);
      title_box = bounds_in (title, row);
      answers_box = bounds_in (answers, row);

      g_assert_true (gtk_widget_get_mapped (title));
      g_assert_true (gtk_widget_get_mapped (answers));
      g_assert_cmpfloat (title_box.size.width, >, 0);
      g_assert_cmpfloat (title_box.origin.x + title_box.size.width, <=, answers_box.origin.x);
      g_assert_cmpfloat (answers_box.origin.x + answers_box.size.width, <=, row_box.size.width);

      if (gtk_widget_get_mapped (subtitle))
        {
          double text_top, text_bottom;

          subtitle_box = bounds_in (subtitle, row);
          g_assert_cmpfloat (subtitle_box.origin.y, >=, title_box.origin.y + title_box.size.height);
          g_assert_cmpfloat (subtitle_box.origin.x + subtitle_box.size.width, <=, answers_box.origin.x);
          /* Wrapped help gets the height its lines need at its width. */
          {
            int needed;

            gtk_widget_measure (subtitle, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (subtitle),
                                &needed, NULL, NULL, NULL);
            g_assert_cmpfloat (subtitle_box.size.height, >=, needed);
          }
          text_top = title_box.origin.y;
          text_bottom = subtitle_box.origin.y + subtitle_box.size.height;
          g_assert_cmpfloat (fabs ((text_top + text_bottom) / 2 - (answers_box.origin.y + answers_box.size.height / 2)),
                             <=, 2);
        }
      else
        g_assert_cmpfloat (fabs ((title_box.origin.y + title_box.size.height / 2) -
                                 (answers_box.origin.y + answers_box.size.height / 2)), <=, 2);

      /* Nothing spills out of the row. */
      g_assert_cmpfloat (title_box.origin.y, >=, 0);
      g_assert_cmpfloat (answers_box.origin.y + answers_box.size.height, <=, row_box.size.height);

      /* A one-line row (a choice of a list, with its check box): the title
       * centred in the row, as in a box, not at the top of it. */
      {
        GtkWidget *list = sp_window_lookup_fact_input (win, "serious_pathology_suspected");
        GtkWidget *check = find_descendant (list, GTK_TYPE_CHECK_BUTTON);
        GtkWidget *check_row = gtk_widget_get_ancestor (check, ADW_TYPE_ACTION_ROW);
        GtkWidget *check_title = find_descendant_with_class (check_row, GTK_TYPE_LABEL, "title");
        graphene_rect_t check_row_box, check_title_box;

        g_assert_nonnull (check_title);
        check_row_box = bounds_in (check_row, check_row);
        check_title_box = bounds_in (check_title, check_row);
        /* libadwaita's rows put it 2.5 px above the middle. */
        g_assert_cmpfloat (fabs (check_title_box.origin.y + check_title_box.size.height / 2 -
                                 check_row_box.size.height / 2), <=, 3);
      }

      /* A group's one-line heading, centred in its header. */
      {
        GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);
        GtkWidget *heading = find_descendant_with_class (group, GTK_TYPE_LABEL, "heading");
        GtkWidget *header = find_descendant_with_class (group, GTK_TYPE_BOX, "header");
        graphene_rect_t heading_box, header_box;

        g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (heading)), ==, "Screening");
        heading_box = bounds_in (heading, header);
        header_box = bounds_in (header, header);
        g_assert_cmpfloat (fabs (heading_box.origin.y + heading_box.size.height / 2 - header_box.size.height / 2),
                           <=, 1);
      }

      sp_test_destroy_window (win);
    }
}

/* A row's help button opens the whole help, in a popover made when first
 * opened; opening it again shows the same one. (In a narrow window the
 * help is only there: the subtitle gives way.) */
static void
test_help_popover (void)
{
  SpWindow *win = sp_test_make_window (app, 360, 720);
  SpFact *fact = sp_policy_lookup_fact (sp_window_get_policy (win), "red_flag_other_neurological_deterioration");
  GtkWidget *row = gtk_widget_get_ancestor (sp_window_lookup_fact_input (win, sp_fact_get_id (fact)),
                                            ADW_TYPE_PREFERENCES_ROW);
  GtkWidget *button = find_descendant (row, GTK_TYPE_MENU_BUTTON);
  GtkPopover *popover;
  GtkWidget *label;

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_null (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));

  /* The row's answer has the focus; its help button, below it in a
   * narrow window, may still be just off screen: a clinician would reach
   * it with Tab, which brings it into view. */
  g_assert_true (sp_test_focus_fact (win, sp_fact_get_id (fact)));
  /* The page scrolls to the answer once it is laid out, which takes a
   * while in a sanitizer build: the help button is focused after that. */
  sp_test_wait_placed (sp_window_lookup_fact_input (win, sp_fact_get_id (fact)));
  gtk_widget_grab_focus (button);
  sp_test_popup (GTK_MENU_BUTTON (button));
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  label = find_descendant (GTK_WIDGET (popover), GTK_TYPE_LABEL);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, sp_fact_get_help (fact));
  sp_test_save_png (GTK_WIDGET (popover), "help-popover.png");
  sp_test_popdown (GTK_POPOVER (popover));

  sp_test_popup (GTK_MENU_BUTTON (button));
  g_assert_true (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)) == popover);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  sp_test_popdown (GTK_POPOVER (popover));

  sp_test_destroy_window (win);
}

static void
test_every_fact_one_input (void)
{
  SpWindow *win = sp_test_make_window (app, 1280, 800);
  SpPolicy *policy = sp_window_get_policy (win);

  for (guint i = 0; i < sp_policy_get_n_facts (policy); i++)
    {
      SpFact *fact = sp_policy_get_fact (policy, i);
      GtkWidget *input = sp_window_lookup_fact_input (win, sp_fact_get_id (fact));

      g_test_message ("fact %s", sp_fact_get_id (fact));
      g_assert_nonnull (input);
      g_assert_cmpuint (count_named (GTK_WIDGET (win), sp_fact_get_id (fact)), ==, 1);
      g_assert_true (gtk_widget_is_ancestor (input, sp_window_get_page (win, sp_fact_get_pathway (fact))));
      g_assert_false (GTK_IS_SWITCH (input));
    }

  for (guint i = 0; i < sp_policy_get_n_decisions (policy); i++)
    {
      SpDecisionRule *rule = sp_policy_get_decision (policy, i);
      GtkWidget *row = sp_window_lookup_decision_row (win, sp_decision_rule_get_id (rule));

      g_assert_nonnull (row);
      g_assert_true (gtk_widget_is_ancestor (row, sp_window_get_page (win, sp_decision_rule_get_pathway (rule))));
      g_assert_cmpuint (count_named (GTK_WIDGET (win), sp_decision_rule_get_id (rule)), ==, 1);
    }

  sp_test_destroy_window (win);
}

/* Enter on the answer the arrow keys moved to chooses that answer, not the
 * one under a resting pointer: the list selects on hover, and libadwaita
 * 1.2 chose the selected item. Hover is a selection; Enter an activation. */
static void
test_choice_activation (void)
{
  SpWindow *win = sp_test_make_window (app, 1280, 800);
  SpCase *case_ = sp_window_get_case (win);
  GtkWidget *combo = sp_window_lookup_fact_input (win, "lumbar_condition");
  GtkListView *list = sp_combo_row_get_popup_list (ADW_COMBO_ROW (combo));
  SpFact *fact = sp_policy_lookup_fact (sp_case_get_policy (case_), "lumbar_condition");
  guint sciatica, stenosis;

  g_assert_nonnull (list);
  g_assert_true (sp_fact_lookup_choice (fact, "sciatica", &sciatica));
  g_assert_true (sp_fact_lookup_choice (fact, "stenosis_claudication", &stenosis));

  /* Item 0 is "Not recorded"; the pointer rests over stenosis... */
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (list)), stenosis + 1);
  /* ...while Enter activates sciatica, where the keyboard focus is. */
  g_signal_emit_by_name (list, "activate", sciatica + 1);
  g_assert_cmpstr (sp_case_get_choice (case_, "lumbar_condition"), ==, "sciatica");

  /* And "Not recorded" activated clears the answer. */
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (list)), sciatica + 1);
  g_signal_emit_by_name (list, "activate", 0);
  g_assert_false (sp_case_is_recorded (case_, "lumbar_condition"));

  sp_test_destroy_window (win);
}

static void
test_clearing (void)
{
  SpWindow *win = sp_test_make_window (app, 1280, 800);
  SpCase *case_ = sp_window_get_case (win);
  GtkWidget *spin, *row;

  /* Three-state: Yes, then "—", is unknown again, not "no". */
  sp_test_set_bool (win, "severe_symptoms", SP_TRI_STATE_YES);
  g_assert_true (sp_case_is_recorded (case_, "severe_symptoms"));
  sp_test_set_bool (win, "severe_symptoms", SP_TRI_STATE_NO);
  g_assert_false (sp_case_get_boolean (case_, "severe_symptoms"));
  sp_test_set_bool (win, "severe_symptoms", SP_TRI_STATE_UNKNOWN);
  g_assert_false (sp_case_is_recorded (case_, "severe_symptoms"));
  /* Delete (the action it is bound to) clears too. */
  sp_test_set_bool (win, "severe_symptoms", SP_TRI_STATE_YES);
  g_assert_true (gtk_widget_activate_action (sp_window_lookup_fact_input (win, "severe_symptoms"),
                                             "tri-state.clear", NULL));
  g_assert_false (sp_case_is_recorded (case_, "severe_symptoms"));
  g_assert_true (gtk_toggle_button_get_active (
    sp_tri_state_get_button (SP_TRI_STATE (sp_window_lookup_fact_input (win, "severe_symptoms")), SP_TRI_STATE_UNKNOWN)));

  /* A choice back to "Not recorded". */
  sp_test_set_choice (win, "lumbar_condition", "sciatica");
  g_assert_cmpstr (sp_case_get_choice (case_, "lumbar_condition"), ==, "sciatica");
  adw_combo_row_set_selected (ADW_COMBO_ROW (sp_window_lookup_fact_input (win, "lumbar_condition")), 0);
  g_assert_false (sp_case_is_recorded (case_, "lumbar_condition"));

  /* A half-typed number is not evaluated; Enter records it; the clear
   * button forgets it. */
  spin = sp_window_lookup_fact_input (win, "pain_duration_months");
  row = sp_window_lookup_fact_row (win, "pain_duration_months");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "");
  gtk_editable_set_text (GTK_EDITABLE (spin), "1");
  g_assert_false (sp_case_is_recorded (case_, "pain_duration_months"));
  gtk_editable_set_text (GTK_EDITABLE (spin), "0");
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (spin)), "activate");
  g_assert_true (sp_case_is_recorded (case_, "pain_duration_months"));
  g_assert_cmpfloat (sp_case_get_number (case_, "pain_duration_months"), ==, 0);
  sp_test_set_number (win, "pain_duration_months", 7);
  g_assert_cmpfloat (sp_case_get_number (case_, "pain_duration_months"), ==, 7);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "7");
  g_signal_emit_by_name (sp_fact_row_get_clear_button (SP_FACT_ROW (row)), "clicked");
  g_assert_false (sp_case_is_recorded (case_, "pain_duration_months"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "");

  /* A date: typed, then cleared. */
  sp_test_set_bool (win, "facet_previous_rfd", SP_TRI_STATE_YES);
  {
    GtkWidget *entry = sp_window_lookup_fact_input (win, "facet_last_rfd_date");
    g_autofree char *date = NULL;

    gtk_editable_set_text (GTK_EDITABLE (entry), "2024-02-30");
    g_signal_emit_by_name (entry, "activate");
    g_assert_false (sp_case_is_recorded (case_, "facet_last_rfd_date"));
    g_assert_true (gtk_widget_has_css_class (entry, "error"));
    gtk_editable_set_text (GTK_EDITABLE (entry), "2024-02-29");
    g_signal_emit_by_name (entry, "activate");
    date = sp_case_dup_date (case_, "facet_last_rfd_date");
    g_assert_cmpstr (date, ==, "2024-02-29");
    g_assert_false (gtk_widget_has_css_class (entry, "error"));
  }

  sp_test_destroy_window (win);
}

static void
test_missing_link (void)
{
  SpWindow *win = sp_test_make_window (app, 1280, 800);
  GtkWidget *row, *button, *focus, *input;

  screen_negative (win);
  adw_view_stack_set_visible_child_name (sp_window_get_stack (win), "lumbar");
  row = sp_window_lookup_decision_row (win, "lumbar.discectomy");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  sp_test_wait_ms (20);
  button = sp_decision_row_get_missing_button (SP_DECISION_ROW (row), "non_operative_options");
  g_assert_nonnull (button);

  /* The field lives on the Patient tab: the link switches tab and focuses it. */
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.focus-fact");
  g_signal_emit_by_name (button, "clicked");
  sp_test_wait_ms (20);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (sp_window_get_stack (win)), ==, "general");
  input = sp_window_lookup_fact_input (win, "non_operative_options");
  focus = gtk_root_get_focus (GTK_ROOT (win));
  g_assert_true (focus == input || gtk_widget_is_ancestor (focus, input));

  sp_test_destroy_window (win);
}

static void
test_individual_funding (void)
{
  SpWindow *win = sp_test_make_window (app, 1280, 800);
  SpCase *case_ = sp_window_get_case (win);
  GtkWidget *row, *check;
  g_auto(GStrv) list = NULL;

  screen_negative (win);
  sp_test_set_choice (win, "lumbar_condition", "non_specific");
  row = sp_window_lookup_decision_row (win, "lumbar.disc_replacement");
  assert_pill (win, "lumbar.disc_replacement", SP_STATUS_NOT_NORMALLY_FUNDED);
  check = sp_decision_row_get_exceptional_check (SP_DECISION_ROW (row));
  g_assert_true (gtk_widget_get_visible (check));

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  list = sp_case_dup_choice_list (case_, "exceptional_interventions");
  g_assert_nonnull (list);
  g_assert_true (g_strv_contains ((const char * const *) list, "lumbar.disc_replacement"));
  /* Without significant impairment the status stays, and the row says what
   * else is needed, with the way there. */
  assert_pill (win, "lumbar.disc_replacement", SP_STATUS_NOT_NORMALLY_FUNDED);
  {
    GtkWidget *needs = sp_decision_row_get_funding_needs_button (SP_DECISION_ROW (row));

    g_assert_true (gtk_widget_get_visible (needs));
    g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (needs)), ==,
                     "Also record “Significant health impairment” on the Patient tab");
    g_signal_emit_by_name (needs, "clicked");
    sp_test_wait_ms (50);
    g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (win)),
                                           sp_window_lookup_fact_row (win, "exceptional_significant_impairment")));

    sp_test_set_bool (win, "exceptional_significant_impairment", SP_TRI_STATE_YES);
    g_assert_false (gtk_widget_get_visible (needs));
  }
  assert_pill (win, "lumbar.disc_replacement", SP_STATUS_EXCEPTIONAL_CASE);
  g_assert_cmpstr (pill_text (win, "lumbar.disc_replacement"), ==,
                   "Individual funding request possible (not an approval)");

  /* The same list, shown on the Patient tab, agrees. */
  g_assert_true (row_shown (win, "exceptional_interventions"));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (
    sp_list_row_get_choice_button (SP_LIST_ROW (sp_window_lookup_fact_row (win, "exceptional_interventions")),
                                   "lumbar.disc_replacement"))));

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
  assert_pill (win, "lumbar.disc_replacement", SP_STATUS_NOT_NORMALLY_FUNDED);

  sp_test_set_bool (win, "sij_pain_suspected", SP_TRI_STATE_YES);
  g_assert_false (gtk_widget_get_visible (
    sp_decision_row_get_exceptional_check (SP_DECISION_ROW (sp_window_lookup_decision_row (win, "sij.injection")))));

  sp_test_destroy_window (win);
}

static void
test_nhs_number (void)
{
  SpWindow *win = sp_test_make_window (app, 1280, 800);
  SpIdentityGroup *group = SP_IDENTITY_GROUP (sp_window_get_identity_group (win));
  GtkWidget *entry = sp_identity_group_get_nhs_row (group);
  GtkWidget *error = sp_identity_group_get_nhs_error (group);

  gtk_editable_set_text (GTK_EDITABLE (entry), "94347659");
  g_assert_false (gtk_widget_get_visible (error));
  gtk_editable_set_text (GTK_EDITABLE (entry), "9434765918");
  g_assert_true (gtk_widget_get_visible (error));
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_null (sp_case_get_nhs_number (sp_window_get_case (win)));
  sp_test_wait_ms (50);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (win));
  sp_test_save_png (GTK_WIDGET (win), "nhs-number-error-wide-light.png");

  gtk_editable_set_text (GTK_EDITABLE (entry), "9434765919");
  g_assert_false (gtk_widget_get_visible (error));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "943 476 5919");
  g_assert_cmpstr (sp_case_get_nhs_number (sp_window_get_case (win)), ==, "943 476 5919");

  sp_test_destroy_window (win);
}

static char *
write_case (const char *facts_json)
{
  g_autofree char *path = NULL;
  g_autofree char *text = g_strdup_printf ("{ \"format\": \"spinal-pathways-case\", \"format_version\": 1,"
                                           " \"facts\": %s }", facts_json);
  g_autoptr(GError) error = NULL;
  int fd = g_file_open_tmp ("sp-test-XXXXXX.spcase", &path, &error);

  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static AdwMessageDialog *
find_dialog (SpWindow *win)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_window_get_transient_for (w) == GTK_WINDOW (win))
        return ADW_MESSAGE_DIALOG (w);
    }
  return NULL;
}

static void
test_open_cases (void)
{
  SpWindow *win = sp_test_make_window (app, 1280, 800);
  g_autofree char *old = write_case ("{ \"assessment_date\": \"2020-03-02\","
                                     " \"red_flag_objective_weakness\": false, \"red_flag_sexual_dysfunction\": false,"
                                     " \"red_flag_cauda_equina\": false, \"red_flag_other_neurological_deterioration\": false,"
                                     " \"serious_pathology_suspected\": [], \"lumbar_condition\": \"sciatica\" }");
  g_autofree char *bad = write_case ("{ \"lumbar_conditon\": \"sciatica\" }");
  g_autoptr(GFile) old_file = g_file_new_for_path (old);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  AdwMessageDialog *dialog;
  SpCase *before;

  /* Review: the date stays and a banner says so. */
  g_assert_true (sp_test_open_file (win, old_file));
  sp_test_wait_ms (20);
  dialog = find_dialog (win);
  g_assert_nonnull (dialog);
  g_assert_true (strstr (adw_message_dialog_get_body (dialog), "2020-03-02") != NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  sp_test_save_png (GTK_WIDGET (dialog), "dialog-review-or-new.png");
  adw_message_dialog_response (dialog, "review");
  gtk_window_destroy (GTK_WINDOW (dialog));  /* a response from code does not close it */
  sp_test_wait_ms (20);
  g_assert_true (sp_test_revealed (sp_window_get_review_banner (win)));
  g_assert_true (sp_case_is_recorded (sp_window_get_case (win), "assessment_date"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (win));
  sp_test_save_png (GTK_WIDGET (win), "review-banner-wide-light.png");
  g_assert_true (sp_evaluation_is_screening_complete (sp_window_get_evaluation (win)));

  /* New: today's date and the screening asked again. */
  g_assert_true (sp_test_open_file (win, old_file));
  sp_test_wait_ms (20);
  dialog = find_dialog (win);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "new");
  gtk_window_destroy (GTK_WINDOW (dialog));  /* a response from code does not close it */
  sp_test_wait_ms (20);
  g_assert_false (sp_test_revealed (sp_window_get_review_banner (win)));
  g_assert_false (sp_case_is_recorded (sp_window_get_case (win), "assessment_date"));
  g_assert_false (sp_case_is_recorded (sp_window_get_case (win), "red_flag_cauda_equina"));
  g_assert_false (sp_case_is_recorded (sp_window_get_case (win), "serious_pathology_suspected"));
  g_assert_cmpstr (sp_case_get_choice (sp_window_get_case (win), "lumbar_condition"), ==, "sciatica");
  g_assert_true (sp_test_revealed (sp_window_get_screening_banner (win)));

  /* A bad file: a dialog names the file and the member; the case stays. */
  before = sp_window_get_case (win);
  g_assert_false (sp_test_open_file (win, bad_file));
  sp_test_wait_ms (20);
  dialog = find_dialog (win);
  g_assert_nonnull (dialog);
  g_test_message ("error dialog: %s", adw_message_dialog_get_body (dialog));
  g_assert_true (strstr (adw_message_dialog_get_body (dialog), "lumbar_conditon") != NULL);
  g_assert_true (sp_window_get_case (win) == before);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  sp_test_save_png (GTK_WIDGET (dialog), "dialog-open-error.png");
  adw_message_dialog_response (dialog, "close");
  gtk_window_destroy (GTK_WINDOW (dialog));  /* a response from code does not close it */
  sp_test_wait_ms (20);
  g_assert_null (find_dialog (win));

  /* After a refusal, a good file opens as ever. */
  sp_window_load_file (win, old_file);
  for (int i = 0; i < 200 && !find_dialog (win); i++)
    sp_test_wait_ms (10);
  dialog = find_dialog (win);
  g_assert_nonnull (dialog);
  g_assert_true (sp_window_get_case (win) != before);
  g_assert_cmpstr (sp_case_get_choice (sp_window_get_case (win), "lumbar_condition"), ==, "sciatica");
  adw_message_dialog_response (dialog, "review");
  gtk_window_destroy (GTK_WINDOW (dialog));
  sp_test_wait_ms (20);

  g_unlink (old);
  g_unlink (bad);
  sp_test_destroy_window (win);
}

static void
test_window_state (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  SpWindow *win;
  int width, height;

  g_settings_set_int (settings, "window-width", 1111);
  g_settings_set_int (settings, "window-height", 777);
  win = sp_window_new (GTK_APPLICATION (app), sp_application_get_policy (app));
  g_object_ref (win);
  gtk_window_get_default_size (GTK_WINDOW (win), &width, &height);
  g_assert_cmpint (width, ==, 1111);
  g_assert_cmpint (height, ==, 777);

  /* Closing saves the size. */
  gtk_window_set_default_size (GTK_WINDOW (win), 900, 650);
  gtk_window_present (GTK_WINDOW (win));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (win));
  gtk_window_close (GTK_WINDOW (win));
  sp_test_wait_ms (20);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 650);
  g_assert_finalize_object (win);
}

static void
test_about_and_shortcuts (void)
{
  SpWindow *win = sp_test_make_window (app, 1280, 800);
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */
  GtkWindow *about = NULL;

  /* The shortcuts window is made when first asked for, by the menu's
   * action or by Ctrl+?. */
  {
    g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay");
    GtkShortcutsWindow *overlay;

    g_assert_cmpstr (accels[0], ==, "<Control>question");
    g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (win)));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "win.show-help-overlay", NULL));
    overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (win));
    g_assert_nonnull (overlay);
    sp_test_wait_ms (50);
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
    g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (overlay)) == GTK_WINDOW (win));
    gtk_window_close (GTK_WINDOW (overlay));
    /* Closing hides it; asking again shows the same one. */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "win.show-help-overlay", NULL));
    g_assert_true (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (win)) == overlay);
    gtk_window_close (GTK_WINDOW (overlay));
  }

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  sp_test_wait_ms (50);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_ABOUT_WINDOW (w))
        about = w;
    }
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==, "Spinal Pathways");
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==, GTK_LICENSE_GPL_3_0);
  g_assert_true (g_str_has_prefix (adw_about_window_get_website (ADW_ABOUT_WINDOW (about)), "https://"));
  g_assert_true (g_str_has_prefix (adw_about_window_get_issue_url (ADW_ABOUT_WINDOW (about)),
                                   adw_about_window_get_website (ADW_ABOUT_WINDOW (about))));
  g_assert_true (strstr (adw_about_window_get_comments (ADW_ABOUT_WINDOW (about)), "clinical judgement applies") != NULL);
  g_assert_true (strstr (adw_about_window_get_debug_info (ADW_ABOUT_WINDOW (about)),
                         sp_policy_get_version (sp_window_get_policy (win))) != NULL);
  /* The clinical safety case's intended purpose, from a local copy. */
  {
    GString *all = g_string_new (NULL);

    collect_all_label_text (GTK_WIDGET (about), all);
    sp_test_save_png (GTK_WIDGET (about), "about");
    g_assert_nonnull (strstr (all->str, "Intended purpose"));
    g_assert_nonnull (strstr (all->str, "What it is for"));
    g_assert_nonnull (strstr (all->str, "manufacturer's clinical safety case"));
    g_assert_null (strstr (all->str, "**"));
    g_string_free (all, TRUE);
  }
  gtk_window_destroy (about);

  sp_test_destroy_window (win);
}

/* Screenshots */

static void
fill_demo_case (SpWindow *win)
{
  SpCase *case_ = sp_window_get_case (win);

  /* Through the widgets, as a clinician would. */
  screen_negative (win);
  sp_test_set_choice (win, "setting", "specialist");
  sp_test_set_choice (win, "biopsychosocial_tool", "start_back");
  sp_test_set_number (win, "start_back_total", 5);
  sp_test_set_number (win, "start_back_psychosocial", 2);
  sp_test_set_choice (win, "conservative_status", "unsuccessful");
  sp_test_set_number (win, "conservative_weeks", 8);
  sp_test_set_choice (win, "lumbar_condition", "sciatica");
  sp_test_set_choice (win, "lumbar_injection_purpose", "rehabilitation");
  sp_test_set_number (win, "lumbar_previous_epidurals", 0);
  sp_test_set_bool (win, "mri_concordant", SP_TRI_STATE_YES);
  sp_test_set_choice (win, "cervical_condition", "radiculopathy");
  sp_test_set_bool (win, "facet_pain_source_medial_branch", SP_TRI_STATE_YES);
  sp_test_set_bool (win, "radicular_symptoms", SP_TRI_STATE_YES);
  sp_test_set_bool (win, "sij_pain_suspected", SP_TRI_STATE_YES);
  sp_case_set_patient_name (case_, "Alex Example");
  gtk_editable_set_text (GTK_EDITABLE (sp_identity_group_get_nhs_row (SP_IDENTITY_GROUP (sp_window_get_identity_group (win)))),
                         "9434765919");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (sp_window_lookup_decision_row (win, "lumbar.discectomy")), TRUE);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (sp_window_lookup_decision_row (win, "facet.rfd")), TRUE);
}

typedef struct {
  SpWindow *win;
  int       width;
} ContentWait;

static gboolean
content_is_wide (gpointer data)
{
  ContentWait *cw = data;

  return gtk_widget_get_width (adw_application_window_get_content (ADW_APPLICATION_WINDOW (cw->win))) == cw->width;
}

static void
take_screenshots (const char *size_name,
                  int         width,
                  int         height,
                  gboolean    dark,
                  gboolean    filled)
{
  SpWindow *win;
  const char * const *pathways;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
  /* The window is @width wide, its own frame included (the surface has
   * 5 px more on each side for the shadow). */
  win = sp_test_make_window (app, width + 10, height + 10);
  /* Made wide, a page asks for its wide layout's width until it knows it
   * is narrow; then the window is made narrow again, as a person would
   * drag it (there is no window manager here to do it). */
  sp_test_wait_ms (100);
  gtk_window_set_default_size (GTK_WINDOW (win), width + 10, height + 10);
  sp_test_wait_ms (100);
  if (filled)
    fill_demo_case (win);

  /* The tabs show once, always: in the header while they fit there, else
   * in a bar at the bottom (whose buttons are made when first needed).
   * Narrow, the bar; wide, the header. */
  {
    AdwViewSwitcherBar *bar = ADW_VIEW_SWITCHER_BAR (find_descendant (GTK_WIDGET (win), ADW_TYPE_VIEW_SWITCHER_BAR));
    GtkWidget *header = find_descendant (GTK_WIDGET (win), ADW_TYPE_HEADER_BAR);
    GtkWidget *header_tabs = find_descendant (header, ADW_TYPE_VIEW_SWITCHER);
    gboolean in_header;

    sp_test_wait_ms (50);
    g_assert_nonnull (bar);
    g_assert_nonnull (header_tabs);
    in_header = gtk_widget_get_mapped (header_tabs);
    g_assert_cmpint (adw_view_switcher_bar_get_reveal (bar), ==, !in_header);
    if (!in_header)
      {
        g_assert_true (adw_view_switcher_bar_get_stack (bar) == sp_window_get_stack (win));
        g_assert_true (gtk_widget_get_mapped (find_descendant (GTK_WIDGET (bar), ADW_TYPE_VIEW_SWITCHER)));
      }
    if (width < 400)
      g_assert_false (in_header);
    if (width > 1000)
      g_assert_true (in_header);
  }

  pathways = sp_policy_get_pathway_ids (sp_window_get_policy (win));
  for (guint i = 0; pathways[i]; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s-%s-%s%s.png", pathways[i], size_name,
                                               dark ? "dark" : "light", filled ? "-filled" : "");
      GtkWidget *page = sp_window_get_page (win, pathways[i]);

      adw_view_stack_set_visible_child_name (sp_window_get_stack (win), pathways[i]);
      sp_test_wait_ms (120);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (win));
      g_assert_cmpint (sp_pathway_page_get_narrow (SP_PATHWAY_PAGE (page)), ==, width < 720);
      /* Every tab fits the width: a row that asks for more makes the
       * window wider than the screen (at "360 px" the form once asked for
       * 460, and every narrow screenshot was 460 wide). */
      {
        ContentWait cw = { win, width };

        if (!sp_test_wait_until (content_is_wide, &cw, 2000))
          g_error ("the %s tab made the window %d px wide, not %d", pathways[i],
                   gtk_widget_get_width (adw_application_window_get_content (ADW_APPLICATION_WINDOW (win))), width);
      }
      sp_test_save_png (GTK_WIDGET (win), name);
      if (width < 720 && filled)
        {
          g_autofree char *decisions = g_strdup_printf ("%s-%s-%s-filled-decisions.png", pathways[i],
                                                        size_name, dark ? "dark" : "light");

          sp_pathway_page_show_decisions (SP_PATHWAY_PAGE (page));
          sp_test_wait_ms (150);
          gtk_test_widget_wait_for_draw (GTK_WIDGET (win));
          sp_test_save_png (GTK_WIDGET (win), decisions);
        }
    }
  if (filled)
    {
      /* The end of the Patient tab: individual funding. */
      g_autofree char *name = g_strdup_printf ("general-%s-%s-filled-funding.png", size_name, dark ? "dark" : "light");

      sp_test_set_bool (win, "exceptional_significant_impairment", SP_TRI_STATE_YES);
      g_assert_true (sp_test_focus_fact (win, "exceptional_interventions"));
      sp_test_wait_ms (150);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (win));
      sp_test_save_png (GTK_WIDGET (win), name);
    }
  sp_test_destroy_window (win);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

/* The metainfo's three screenshots (data/screenshots/), made again when
 * SP_METAINFO_SCREENSHOT_DIR names where to write them: the demo case on
 * the Lumbar tab with the single epidural's reasons open, 1280 × 800 light
 * and dark, and 360 × 720 scrolled to the decisions. Without the frame GTK
 * draws round a window when there is no compositor: the window's content
 * only, at exactly the size named. */
/* The frame GTK draws round a window when there is no compositor: 5 px
 * inside the window's own allocation, on every side. */
#define FRAME_PX 5

static void
save_content_png (SpWindow   *win,
                  const char *path,
                  int         width,
                  int         height)
{
  GskRenderNode *node;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GdkTexture) cropped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree guchar *pixels = NULL;
  int full_width = width + 2 * FRAME_PX, full_height = height + 2 * FRAME_PX;
  gsize stride = (gsize) full_width * 4;

  node = sp_test_render_node (GTK_WIDGET (win));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (win)), ==, full_width);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (win)), ==, full_height);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (win)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, full_width, full_height));
  gsk_render_node_unref (node);
  pixels = g_malloc (stride * full_height);
  gdk_texture_download (texture, pixels, stride);
  bytes = g_bytes_new (pixels + FRAME_PX * stride + FRAME_PX * 4, stride * (height - 1) + (gsize) width * 4);
  cropped = gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride);
  g_assert_true (gdk_texture_save_to_png (cropped, path));
  g_test_message ("metainfo screenshot %s", path);
}

static void
take_metainfo_screenshot (const char *dir,
                          const char *name,
                          int         width,
                          int         height,
                          gboolean    dark)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  SpWindow *win;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
  /* The surface has 5 px round the window for its shadow, and the window
   * draws its frame 5 px inside itself; what is saved is inside both. */
  win = sp_test_make_window (app, width + 4 * FRAME_PX, height + 4 * FRAME_PX);
  sp_test_wait_ms (100);
  gtk_window_set_default_size (GTK_WINDOW (win), width + 4 * FRAME_PX, height + 4 * FRAME_PX);
  sp_test_wait_ms (100);
  fill_demo_case (win);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (sp_window_lookup_decision_row (win, "lumbar.discectomy")), FALSE);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (sp_window_lookup_decision_row (win, "lumbar.epidural_single")), TRUE);
  adw_view_stack_set_visible_child_name (sp_window_get_stack (win), "lumbar");
  sp_test_wait_ms (300);
  if (width < 720)
    {
      sp_pathway_page_show_decisions (SP_PATHWAY_PAGE (sp_window_get_page (win, "lumbar")));
      sp_test_wait_ms (200);
    }
  save_content_png (win, path, width, height);
  sp_test_destroy_window (win);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_metainfo_screenshots (void)
{
  const char *dir = g_getenv ("SP_METAINFO_SCREENSHOT_DIR");

  if (dir == NULL)
    {
      g_test_skip ("SP_METAINFO_SCREENSHOT_DIR not set: the metainfo's screenshots are made on request");
      return;
    }
  g_mkdir_with_parents (dir, 0755);
  take_metainfo_screenshot (dir, "main.png", 1280, 800, FALSE);
  take_metainfo_screenshot (dir, "dark.png", 1280, 800, TRUE);
  take_metainfo_screenshot (dir, "narrow.png", 360, 720, FALSE);
}

static void
test_screenshots (void)
{
  take_screenshots ("wide", 1280, 800, FALSE, FALSE);
  take_screenshots ("wide", 1280, 800, FALSE, TRUE);
  take_screenshots ("wide", 1280, 800, TRUE, TRUE);
  take_screenshots ("narrow", 360, 720, FALSE, FALSE);
  take_screenshots ("narrow", 360, 720, FALSE, TRUE);
  take_screenshots ("narrow", 360, 720, TRUE, TRUE);
  take_screenshots ("medium", 700, 720, FALSE, TRUE);
}

static void
test_red_flag_screenshot (void)
{
  SpWindow *win;

  for (int narrow = 0; narrow < 2; narrow++)
    {
      win = sp_test_make_window (app, narrow ? 360 : 1280, narrow ? 720 : 800);
      sp_test_set_bool (win, "red_flag_cauda_equina", SP_TRI_STATE_YES);
      sp_test_set_bool (win, "red_flag_objective_weakness", SP_TRI_STATE_YES);
      adw_view_stack_set_visible_child_name (sp_window_get_stack (win), "lumbar");
      sp_test_wait_ms (150);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (win));
      sp_test_save_png (GTK_WIDGET (win), narrow ? "red-flag-narrow-light.png" : "red-flag-wide-light.png");
      sp_test_destroy_window (win);
    }
}

static void
count_ellipsized (GtkWidget *widget,
                  guint     *n_labels,
                  guint     *n_ellipsized)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    {
      (*n_labels)++;
      if (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))))
        {
          g_test_message ("cut short: %s", gtk_label_get_text (GTK_LABEL (widget)));
          (*n_ellipsized)++;
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    count_ellipsized (child, n_labels, n_ellipsized);
}

/* Every choice of every drop-down reads in full in its list, however
 * narrow the window: "Undertaken and unsucc…" once hid the answer that
 * decides an injection. */
/* The drop-down's rows as SpChoiceItems: how many, and which is chosen. */
static void
find_choice_items (GtkWidget  *widget,
                   GPtrArray  *items)
{
  if (SP_IS_CHOICE_ITEM (widget) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (items, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    find_choice_items (c, items);
}

static const char *
chosen_label (GtkListView *list,
              guint       *n_items)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  const char *chosen = NULL;

  find_choice_items (GTK_WIDGET (list), items);
  *n_items = items->len;
  for (guint i = 0; i < items->len; i++)
    if (sp_choice_item_get_chosen (g_ptr_array_index (items, i)))
      {
        g_assert_null (chosen);
        chosen = sp_choice_item_get_label (g_ptr_array_index (items, i));
      }
  return chosen;
}

static void
test_choices_in_full (void)
{
  static const int widths[] = { 1280, 360 };

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      SpWindow *win = sp_test_make_window (app, widths[w], 720);
      SpPolicy *policy = sp_window_get_policy (win);
      const char * const *pathways = sp_policy_get_pathway_ids (policy);
      guint n_lists = 0;

      for (guint p = 0; pathways[p]; p++)
        {
          adw_view_stack_set_visible_child_name (sp_window_get_stack (win), pathways[p]);
          sp_test_wait_ms (100);
          for (guint i = 0; i < sp_policy_get_n_facts (policy); i++)
            {
              SpFact *fact = sp_policy_get_fact (policy, i);
              GtkWidget *input;
              GtkListView *list;
              GtkWidget *popover;
              guint n_labels = 0, n_ellipsized = 0;

              if (sp_fact_get_fact_type (fact) != SP_FACT_CHOICE ||
                  g_strcmp0 (sp_fact_get_pathway (fact), pathways[p]) != 0 ||
                  !(input = sp_window_lookup_fact_input (win, sp_fact_get_id (fact))) ||
                  !gtk_widget_get_mapped (input))
                continue;
              list = sp_combo_row_get_popup_list (ADW_COMBO_ROW (input));
              g_assert_nonnull (list);
              popover = gtk_widget_get_ancestor (GTK_WIDGET (list), GTK_TYPE_POPOVER);
              g_assert_nonnull (popover);
              gtk_widget_grab_focus (input);
              sp_test_wait_placed (input);
              gtk_popover_popup (GTK_POPOVER (popover));
              sp_test_wait_ms (150);
              count_ellipsized (GTK_WIDGET (list), &n_labels, &n_ellipsized);
              g_test_message ("%s at %d px: %u labels, %u cut short", sp_fact_get_id (fact), widths[w], n_labels, n_ellipsized);
              g_assert_cmpuint (n_labels, >=, sp_fact_get_n_choices (fact));
              g_assert_cmpuint (n_ellipsized, ==, 0);
              /* One row a choice, the chosen one marked, and the mark
               * following the answer. */
              {
                AdwComboRow *combo = ADW_COMBO_ROW (input);
                guint n_items;
                const char *marked = chosen_label (list, &n_items);
                guint selected = adw_combo_row_get_selected (combo);
                guint other;
                g_autoptr(GtkStringObject) expected = NULL;

                g_assert_cmpuint (n_items, ==, g_list_model_get_n_items (adw_combo_row_get_model (combo)));
                if (selected != GTK_INVALID_LIST_POSITION)
                  {
                    expected = g_list_model_get_item (adw_combo_row_get_model (combo), selected);
                    g_assert_cmpstr (marked, ==, gtk_string_object_get_string (expected));
                  }
                other = selected == 1 ? 2 : 1;
                adw_combo_row_set_selected (combo, other);
                sp_test_wait_ms (30);
                g_clear_object (&expected);
                expected = g_list_model_get_item (adw_combo_row_get_model (combo), other);
                g_assert_cmpstr (chosen_label (list, &n_items), ==, gtk_string_object_get_string (expected));
              }
              if (w == 1 && g_str_equal (sp_fact_get_id (fact), "lumbar_injection_purpose"))
                sp_test_save_png (popover, "choices-in-full-narrow.png");
              sp_test_popdown (GTK_POPOVER (popover));
              n_lists++;
            }
        }
      g_assert_cmpuint (n_lists, >, 3);
      sp_test_destroy_window (win);
    }
}

/* A recorded answer looks recorded: the row is marked (bold, full
 * strength in style.css) once answered, and unmarked once cleared. */
static void
test_recorded_styling (void)
{
  SpWindow *win = sp_test_make_window (app, 1280, 800);
  GtkWidget *choice = sp_window_lookup_fact_row (win, "lumbar_condition");
  GtkWidget *list = sp_window_lookup_fact_row (win, "serious_pathology_suspected");
  GtkWidget *yes_no = sp_window_lookup_fact_row (win, "red_flag_cauda_equina");

  g_assert_nonnull (choice);
  g_assert_nonnull (list);
  g_assert_false (gtk_widget_has_css_class (choice, "sp-recorded"));
  g_assert_false (gtk_widget_has_css_class (list, "sp-recorded"));
  g_assert_false (gtk_widget_has_css_class (yes_no, "sp-recorded"));

  sp_test_set_choice (win, "lumbar_condition", "sciatica");
  sp_test_tick_choice (win, "serious_pathology_suspected", "trauma", TRUE);
  sp_test_set_bool (win, "red_flag_cauda_equina", SP_TRI_STATE_NO);
  g_assert_true (gtk_widget_has_css_class (choice, "sp-recorded"));
  g_assert_true (gtk_widget_has_css_class (list, "sp-recorded"));
  g_assert_true (gtk_widget_has_css_class (yes_no, "sp-recorded"));
  adw_view_stack_set_visible_child_name (sp_window_get_stack (win), "lumbar");
  sp_test_wait_ms (200);
  sp_test_save_png (GTK_WIDGET (win), "recorded-choice.png");

  sp_case_clear_fact (sp_window_get_case (win), "lumbar_condition");
  g_assert_false (gtk_widget_has_css_class (choice, "sp-recorded"));
  sp_test_destroy_window (win);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  app = sp_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (sp_application_get_policy (app));

  g_test_add_func ("/app/window/new-case", test_new_case);
  g_test_add_func ("/app/window/screening-walk", test_screening_walk);
  g_test_add_func ("/app/window/red-flag-banner", test_red_flag_banner);
  g_test_add_func ("/app/window/serious-pathology-banner", test_serious_pathology_banner);
  g_test_add_func ("/app/window/ctrl-r", test_ctrl_r_scrolls_to_red_flag);
  g_test_add_func ("/app/window/banners-keep-form-still", test_banners_keep_form_still);
  g_test_add_func ("/app/window/columns-keep-their-width", test_columns_keep_their_width);
  g_test_add_func ("/app/window/borders-one-colour", test_borders_one_colour);
  g_test_add_func ("/app/window/tab/patient", test_tab_patient);
  g_test_add_func ("/app/window/tab/cervical", test_tab_cervical);
  g_test_add_func ("/app/window/badge-tooltips", test_badge_tooltips);
  g_test_add_func ("/app/window/tab/lumbar", test_tab_lumbar);
  g_test_add_func ("/app/window/tab/facet", test_tab_facet);
  g_test_add_func ("/app/window/tab/sij", test_tab_sij);
  g_test_add_func ("/app/window/implied-fact", test_implied_fact);
  g_test_add_func ("/app/window/not-assessed", test_not_assessed);
  g_test_add_func ("/app/window/unmet-as-in-summary", test_unmet_as_in_summary);
  g_test_add_func ("/app/window/every-fact-one-input", test_every_fact_one_input);
  g_test_add_func ("/app/window/row-layout", test_row_layout);
  g_test_add_func ("/app/window/help-popover", test_help_popover);
  g_test_add_func ("/app/window/clearing", test_clearing);
  g_test_add_func ("/app/window/choice-activation", test_choice_activation);
  g_test_add_func ("/app/window/choices-in-full", test_choices_in_full);
  g_test_add_func ("/app/window/recorded-styling", test_recorded_styling);
  g_test_add_func ("/app/window/missing-link", test_missing_link);
  g_test_add_func ("/app/window/individual-funding", test_individual_funding);
  g_test_add_func ("/app/window/nhs-number", test_nhs_number);
  g_test_add_func ("/app/window/typed-dates", test_typed_dates);
  g_test_add_func ("/app/window/open-cases", test_open_cases);
  g_test_add_func ("/app/window/window-state", test_window_state);
  g_test_add_func ("/app/window/about-and-shortcuts", test_about_and_shortcuts);
  g_test_add_func ("/app/window/screenshots", test_screenshots);
  g_test_add_func ("/app/window/metainfo-screenshots", test_metainfo_screenshots);
  g_test_add_func ("/app/window/screenshots-red-flag", test_red_flag_screenshot);

  status = g_test_run ();
  sp_test_settle_threads ();
  g_clear_object (&app);
  return status;
}
