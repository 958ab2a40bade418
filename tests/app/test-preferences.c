/* test-preferences.c: the preferences window against the real schema
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sp-test-util.h"

#include <glib/gstdio.h>

#include "sp-preferences-window.h"
#include "sp-settings.h"
#include "../sp-test-threads.h"

/* The built-in policy, whose care-setting fact gives the choices. */
static SpPolicy *policy;

/* Helpers */

/* A fresh SpSettings with every key at its default: the memory backend
 * keeps values for the life of the process. */
static SpSettings *
make_settings (void)
{
  SpSettings *settings = sp_settings_new (APP_ID);
  GSettings *gsettings = sp_settings_get_gsettings (settings);
  g_auto(GStrv) keys = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;

  g_object_get (gsettings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i]; i++)
    g_settings_reset (gsettings, keys[i]);
  return settings;
}

static SpPreferencesWindow *
make_window (SpSettings *settings)
{
  SpPreferencesWindow *win = sp_preferences_window_new (NULL, settings, policy);

  /* GTK owns toplevels; hold our own reference to check finalization. */
  g_object_ref (win);
  gtk_window_present (GTK_WINDOW (win));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (win));
  sp_test_wait_ms (30);
  return win;
}

static void
destroy_window (SpPreferencesWindow *win)
{
  gtk_window_destroy (GTK_WINDOW (win));
  sp_test_wait_ms (20);
  g_assert_finalize_object (win);
}

static gpointer
child (SpPreferencesWindow *win,
       const char          *name,
       GType                type)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (win), SP_TYPE_PREFERENCES_WINDOW, name);

  g_assert_nonnull (object);
  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (object, type));
  return object;
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* Types a number and presses Enter, as a clinician would. */
static void
type_number (GtkSpinButton *spin,
             const char    *text)
{
  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (spin)), "activate");
}

static void
collect_labels (GtkWidget *widget,
                GString   *text)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_labels (c, text);
}

/* Tests */

static void
test_defaults_shown (void)
{
  g_autoptr(SpSettings) settings = make_settings ();
  SpPreferencesWindow *win = make_window (settings);
  GtkSpinButton *days = child (win, "draft_retention_spin", GTK_TYPE_SPIN_BUTTON);
  GtkSpinButton *seconds = child (win, "autosave_delay_spin", GTK_TYPE_SPIN_BUTTON);
  g_autoptr(GString) text = g_string_new (NULL);
  double min, max;

  g_assert_true (sp_preferences_window_get_settings (win) == settings);

  /* The schema's defaults: none, identifiers on, 14 days, 3 seconds. */
  g_assert_cmpuint (adw_combo_row_get_selected (child (win, "default_setting_row", ADW_TYPE_COMBO_ROW)), ==, 0);
  g_assert_true (gtk_switch_get_active (child (win, "identifiers_switch", GTK_TYPE_SWITCH)));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (days), ==, 14);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (seconds), ==, 3);

  /* The ranges are the schema's. */
  gtk_spin_button_get_range (days, &min, &max);
  g_assert_cmpfloat (min, ==, SP_SETTINGS_DRAFT_RETENTION_DAYS_MIN);
  g_assert_cmpfloat (max, ==, SP_SETTINGS_DRAFT_RETENTION_DAYS_MAX);
  gtk_spin_button_get_range (seconds, &min, &max);
  g_assert_cmpfloat (min, ==, SP_SETTINGS_AUTOSAVE_DELAY_SECONDS_MIN);
  g_assert_cmpfloat (max, ==, SP_SETTINGS_AUTOSAVE_DELAY_SECONDS_MAX);

  /* What the clinician reads; the window size is not a preference. */
  collect_labels (GTK_WIDGET (win), text);
  g_assert_nonnull (strstr (text->str, "Default care setting"));
  g_assert_nonnull (strstr (text->str, "Include patient identifiers in exports"));
  g_assert_nonnull (strstr (text->str, "Keep unsaved drafts for"));
  g_assert_nonnull (strstr (text->str, "Drafts hold patient data"));
  g_assert_nonnull (strstr (text->str, "days"));
  g_assert_nonnull (strstr (text->str, "Autosave after"));
  g_assert_nonnull (strstr (text->str, "seconds"));
  g_assert_null (strstr (text->str, "Window"));
  g_assert_null (strstr (text->str, "window"));

  destroy_window (win);
}

static void
test_default_setting (void)
{
  g_autoptr(SpSettings) settings = make_settings ();
  SpPreferencesWindow *win = make_window (settings);
  AdwComboRow *row = child (win, "default_setting_row", ADW_TYPE_COMBO_ROW);
  GListModel *model = adw_combo_row_get_model (row);
  guint notified = 0;

  SpFact *care_setting = sp_policy_get_care_setting_fact (policy);

  /* The policy's own choices for its care-setting fact, in its words (the
   * form's), after "Not recorded" (the form's word for no answer). */
  g_assert_nonnull (care_setting);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, sp_fact_get_n_choices (care_setting) + 1);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), 0), ==, "Not recorded");
  for (guint i = 0; i < sp_fact_get_n_choices (care_setting); i++)
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), i + 1), ==,
                     sp_fact_get_choice_label (care_setting, i));
  g_assert_cmpstr (sp_fact_get_choice_id (care_setting, 0), ==, "primary_care");
  g_assert_cmpstr (sp_fact_get_choice_id (care_setting, 1), ==, "specialist");

  g_signal_connect (settings, "notify::default-setting", G_CALLBACK (count_notify), &notified);

  /* Widget to setting. */
  adw_combo_row_set_selected (row, 2);
  g_assert_cmpstr (sp_settings_get_default_setting (settings), ==, "specialist");
  g_assert_cmpuint (notified, ==, 1);
  adw_combo_row_set_selected (row, 1);
  g_assert_cmpstr (sp_settings_get_default_setting (settings), ==, "primary_care");
  adw_combo_row_set_selected (row, 0);
  g_assert_cmpstr (sp_settings_get_default_setting (settings), ==, "none");
  g_assert_cmpuint (notified, ==, 3);

  /* Setting to widget, through the typed wrapper and through GSettings. */
  sp_settings_set_default_setting (settings, "specialist");
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 2);
  g_settings_set_string (sp_settings_get_gsettings (settings), "default-setting", "primary_care");
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 1);
  g_assert_cmpuint (notified, ==, 5);

  /* A choice this policy lacks (set under another policy) shows as none. */
  g_settings_set_string (sp_settings_get_gsettings (settings), "default-setting", "walk_in_centre");
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);

  g_signal_handlers_disconnect_by_func (settings, count_notify, &notified);
  destroy_window (win);
}

/* A policy without a care-setting fact has no such preference. */
static void
test_no_care_setting (void)
{
  g_autoptr(SpSettings) settings = make_settings ();
  SpPreferencesWindow *win = sp_preferences_window_new (NULL, settings, NULL);
  GtkWidget *group;

  g_object_ref (win);
  gtk_window_present (GTK_WINDOW (win));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (win));
  group = gtk_widget_get_ancestor (GTK_WIDGET (child (win, "default_setting_row", ADW_TYPE_COMBO_ROW)),
                                   ADW_TYPE_PREFERENCES_GROUP);
  g_assert_nonnull (group);
  g_assert_false (gtk_widget_get_visible (group));
  /* The other preferences still work. */
  gtk_switch_set_active (child (win, "identifiers_switch", GTK_TYPE_SWITCH), FALSE);
  g_assert_false (sp_settings_get_export_include_identifiers (settings));
  destroy_window (win);
}

static void
test_identifiers (void)
{
  g_autoptr(SpSettings) settings = make_settings ();
  SpPreferencesWindow *win = make_window (settings);
  GtkSwitch *sw = child (win, "identifiers_switch", GTK_TYPE_SWITCH);
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (sw), ADW_TYPE_ACTION_ROW);

  g_assert_nonnull (row);
  g_assert_true (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)) == GTK_WIDGET (sw));

  gtk_switch_set_active (sw, FALSE);
  g_assert_false (sp_settings_get_export_include_identifiers (settings));
  g_assert_false (g_settings_get_boolean (sp_settings_get_gsettings (settings), "export-include-identifiers"));

  /* Activating the row flips the switch, as a click or Space would. */
  adw_action_row_activate (ADW_ACTION_ROW (row));
  sp_test_wait_ms (20);
  g_assert_true (gtk_switch_get_active (sw));
  g_assert_true (sp_settings_get_export_include_identifiers (settings));

  sp_settings_set_export_include_identifiers (settings, FALSE);
  g_assert_false (gtk_switch_get_active (sw));
  g_settings_set_boolean (sp_settings_get_gsettings (settings), "export-include-identifiers", TRUE);
  g_assert_true (gtk_switch_get_active (sw));

  destroy_window (win);
}

static void
test_draft_retention (void)
{
  g_autoptr(SpSettings) settings = make_settings ();
  SpPreferencesWindow *win = make_window (settings);
  GtkSpinButton *spin = child (win, "draft_retention_spin", GTK_TYPE_SPIN_BUTTON);

  gtk_spin_button_set_value (spin, 30);
  g_assert_cmpint (sp_settings_get_draft_retention_days (settings), ==, 30);

  type_number (spin, "7");
  g_assert_cmpint (sp_settings_get_draft_retention_days (settings), ==, 7);
  g_assert_cmpint (g_settings_get_int (sp_settings_get_gsettings (settings), "draft-retention-days"), ==, 7);

  /* Out of range is clamped to the schema's range, never written past it. */
  type_number (spin, "365");
  g_assert_cmpint (sp_settings_get_draft_retention_days (settings), ==, SP_SETTINGS_DRAFT_RETENTION_DAYS_MAX);
  type_number (spin, "0");
  g_assert_cmpint (sp_settings_get_draft_retention_days (settings), ==, SP_SETTINGS_DRAFT_RETENTION_DAYS_MIN);

  sp_settings_set_draft_retention_days (settings, 60);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 60);
  g_settings_set_int (sp_settings_get_gsettings (settings), "draft-retention-days", 21);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 21);

  destroy_window (win);
}

static void
test_autosave_delay (void)
{
  g_autoptr(SpSettings) settings = make_settings ();
  SpPreferencesWindow *win = make_window (settings);
  GtkSpinButton *spin = child (win, "autosave_delay_spin", GTK_TYPE_SPIN_BUTTON);

  gtk_spin_button_set_value (spin, 10);
  g_assert_cmpint (sp_settings_get_autosave_delay_seconds (settings), ==, 10);
  type_number (spin, "45");
  g_assert_cmpint (sp_settings_get_autosave_delay_seconds (settings), ==, 45);
  type_number (spin, "600");
  g_assert_cmpint (sp_settings_get_autosave_delay_seconds (settings), ==, SP_SETTINGS_AUTOSAVE_DELAY_SECONDS_MAX);

  sp_settings_set_autosave_delay_seconds (settings, 5);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 5);
  g_settings_set_int (sp_settings_get_gsettings (settings), "autosave-delay-seconds", 1);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 1);

  destroy_window (win);
}

/* Two windows on the same settings stay in step, and closing one leaves
 * the other bound. */
static void
test_two_windows (void)
{
  g_autoptr(SpSettings) settings = make_settings ();
  SpPreferencesWindow *a = make_window (settings);
  SpPreferencesWindow *b = make_window (settings);

  gtk_switch_set_active (child (a, "identifiers_switch", GTK_TYPE_SWITCH), FALSE);
  g_assert_false (gtk_switch_get_active (child (b, "identifiers_switch", GTK_TYPE_SWITCH)));
  destroy_window (a);

  adw_combo_row_set_selected (child (b, "default_setting_row", ADW_TYPE_COMBO_ROW), 1);
  g_assert_cmpstr (sp_settings_get_default_setting (settings), ==, "primary_care");
  destroy_window (b);

  /* With no window left, nothing holds the settings but us. */
  g_assert_finalize_object (g_steal_pointer (&settings));
}

static void
test_modal_to_parent (void)
{
  g_autoptr(SpSettings) settings = make_settings ();
  GtkWindow *parent = GTK_WINDOW (gtk_window_new ());
  SpPreferencesWindow *win;

  g_object_ref (parent);
  gtk_window_present (parent);
  win = sp_preferences_window_new (parent, settings, policy);
  g_object_ref (win);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (win)) == parent);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (win)));
  destroy_window (win);
  gtk_window_destroy (parent);
  sp_test_wait_ms (20);
  g_assert_finalize_object (parent);
}

static void
test_screenshots (void)
{
  for (int dark = 0; dark < 2; dark++)
    {
      g_autoptr(SpSettings) settings = make_settings ();
      SpPreferencesWindow *win;

      adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                          dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
      sp_settings_set_default_setting (settings, "specialist");
      win = make_window (settings);
      sp_test_wait_ms (100);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (win));
      sp_test_save_png (GTK_WIDGET (win), dark ? "preferences-dark.png" : "preferences-light.png");
      destroy_window (win);
    }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  policy = sp_policy_new_default (NULL);
  g_assert_nonnull (policy);

  g_test_add_func ("/app/preferences/defaults-shown", test_defaults_shown);
  g_test_add_func ("/app/preferences/default-setting", test_default_setting);
  g_test_add_func ("/app/preferences/no-care-setting", test_no_care_setting);
  g_test_add_func ("/app/preferences/identifiers", test_identifiers);
  g_test_add_func ("/app/preferences/draft-retention", test_draft_retention);
  g_test_add_func ("/app/preferences/autosave-delay", test_autosave_delay);
  g_test_add_func ("/app/preferences/two-windows", test_two_windows);
  g_test_add_func ("/app/preferences/modal-to-parent", test_modal_to_parent);
  g_test_add_func ("/app/preferences/screenshots", test_screenshots);

  status = g_test_run ();
  sp_test_settle_threads ();
  return status;
}
