/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-settings.c
 *
 * Copyright 2026 Spinal Pathways developers
 *
 * Checks that the built GSettings schema and SpSettings agree: one property per key,
 * the same defaults and ranges, and that a change from either side notifies once.
 *
 * Run with GSETTINGS_BACKEND=memory and GSETTINGS_SCHEMA_DIR pointing at the build.
 */

#include <gio/gio.h>

#include "sp-settings.h"

#ifndef TEST_SCHEMA_ID
# error "TEST_SCHEMA_ID must name the schema, the application id"
#endif

typedef struct
{
  GSettings  *gsettings;
  SpSettings *settings;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  fixture->gsettings = g_settings_new (TEST_SCHEMA_ID);

  /* The memory backend outlives each test: start every test from the defaults. */
  g_object_get (fixture->gsettings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (fixture->gsettings, keys[i]);

  fixture->settings = sp_settings_new (TEST_SCHEMA_ID);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_assert_finalize_object (fixture->settings);
  g_assert_finalize_object (fixture->gsettings);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static GSettingsSchema *
get_schema (Fixture *fixture)
{
  GSettingsSchema *schema = NULL;

  g_object_get (fixture->gsettings, "settings-schema", &schema, NULL);

  return schema;
}

/* Every key has a property of the same name and type, with the schema's default, and
 * every property but schema-id is a key. */
static void
test_keys_match_properties (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(GSettingsSchema) schema = get_schema (fixture);
  g_auto(GStrv) keys = g_settings_schema_list_keys (schema);
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs = 0;

  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(GSettingsSchemaKey) key = g_settings_schema_get_key (schema, keys[i]);
      g_autoptr(GVariant) default_value = g_settings_schema_key_get_default_value (key);
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (fixture->settings),
                                                        keys[i]);
      GValue value = G_VALUE_INIT;

      g_test_message ("key %s", keys[i]);
      g_assert_nonnull (pspec);
      g_assert_true (pspec->flags & G_PARAM_READWRITE);
      g_assert_true (pspec->flags & G_PARAM_EXPLICIT_NOTIFY);
      g_assert_nonnull (g_settings_schema_key_get_summary (key));
      g_assert_nonnull (g_settings_schema_key_get_description (key));

      g_value_init (&value, pspec->value_type);
      g_object_get_property (G_OBJECT (fixture->settings), keys[i], &value);

      if (g_variant_is_of_type (default_value, G_VARIANT_TYPE_INT32))
        {
          g_assert_cmpint (pspec->value_type, ==, G_TYPE_INT);
          g_assert_cmpint (g_value_get_int (&value), ==, g_variant_get_int32 (default_value));
          g_assert_cmpint (G_PARAM_SPEC_INT (pspec)->default_value, ==,
                           g_variant_get_int32 (default_value));
        }
      else if (g_variant_is_of_type (default_value, G_VARIANT_TYPE_BOOLEAN))
        {
          g_assert_cmpint (pspec->value_type, ==, G_TYPE_BOOLEAN);
          g_assert_cmpint (g_value_get_boolean (&value), ==,
                           g_variant_get_boolean (default_value));
          g_assert_cmpint (G_PARAM_SPEC_BOOLEAN (pspec)->default_value, ==,
                           g_variant_get_boolean (default_value));
        }
      else if (g_variant_is_of_type (default_value, G_VARIANT_TYPE_STRING))
        {
          g_assert_cmpint (pspec->value_type, ==, G_TYPE_STRING);
          g_assert_cmpstr (g_value_get_string (&value), ==,
                           g_variant_get_string (default_value, NULL));
          g_assert_cmpstr (G_PARAM_SPEC_STRING (pspec)->default_value, ==,
                           g_variant_get_string (default_value, NULL));
        }
      else
        {
          g_error ("key %s has a type SpSettings does not wrap: %s",
                   keys[i], g_variant_get_type_string (default_value));
        }

      g_value_unset (&value);
    }

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (fixture->settings), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      if (g_str_equal (pspecs[i]->name, "schema-id"))
        continue;

      g_test_message ("property %s", pspecs[i]->name);
      g_assert_true (g_settings_schema_has_key (schema, pspecs[i]->name));
    }
}

static void
assert_int_range (GSettingsSchema *schema,
                  const char      *key_name,
                  SpSettings      *settings,
                  int              min,
                  int              max)
{
  g_autoptr(GSettingsSchemaKey) key = g_settings_schema_get_key (schema, key_name);
  g_autoptr(GVariant) range = g_settings_schema_key_get_range (key);
  g_autoptr(GVariant) bounds = NULL;
  const char *kind = NULL;
  GParamSpecInt *pspec;
  int schema_min, schema_max;

  g_variant_get (range, "(&sv)", &kind, &bounds);
  g_assert_cmpstr (kind, ==, "range");
  g_variant_get (bounds, "(ii)", &schema_min, &schema_max);
  g_assert_cmpint (schema_min, ==, min);
  g_assert_cmpint (schema_max, ==, max);

  pspec = G_PARAM_SPEC_INT (g_object_class_find_property (G_OBJECT_GET_CLASS (settings),
                                                          key_name));
  g_assert_cmpint (pspec->minimum, ==, min);
  g_assert_cmpint (pspec->maximum, ==, max);
}

static void
test_ranges_match (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GSettingsSchema) schema = get_schema (fixture);
  g_autoptr(GSettingsSchemaKey) key = g_settings_schema_get_key (schema, "default-setting");
  g_autoptr(GVariant) range = g_settings_schema_key_get_range (key);
  g_autoptr(GVariant) choices = NULL;
  const char *kind = NULL;

  assert_int_range (schema, "draft-retention-days", fixture->settings,
                    SP_SETTINGS_DRAFT_RETENTION_DAYS_MIN, SP_SETTINGS_DRAFT_RETENTION_DAYS_MAX);
  assert_int_range (schema, "autosave-delay-seconds", fixture->settings,
                    SP_SETTINGS_AUTOSAVE_DELAY_SECONDS_MIN,
                    SP_SETTINGS_AUTOSAVE_DELAY_SECONDS_MAX);

  /* The care settings are the policy's choices, not the schema's: any
   * string, checked by the setter and by the window against the policy. */
  g_variant_get (range, "(&sv)", &kind, &choices);
  g_assert_cmpstr (kind, ==, "type");
}

static void
test_setters_write_and_notify_once (Fixture       *fixture,
                                    gconstpointer  user_data)
{
  SpSettings *settings = fixture->settings;
  guint count = 0;
  gulong handler;

  handler = g_signal_connect (settings, "notify", G_CALLBACK (count_notify_cb), &count);

  sp_settings_set_window_width (settings, 1234);
  g_assert_cmpuint (count, ==, 1);
  g_assert_cmpint (sp_settings_get_window_width (settings), ==, 1234);
  g_assert_cmpint (g_settings_get_int (fixture->gsettings, "window-width"), ==, 1234);

  /* The same value again is not a change. */
  sp_settings_set_window_width (settings, 1234);
  g_assert_cmpuint (count, ==, 1);

  sp_settings_set_window_height (settings, 567);
  sp_settings_set_window_maximized (settings, TRUE);
  sp_settings_set_default_setting (settings, "specialist");
  sp_settings_set_export_include_identifiers (settings, FALSE);
  sp_settings_set_draft_retention_days (settings, 90);
  sp_settings_set_autosave_delay_seconds (settings, 1);
  g_assert_cmpuint (count, ==, 7);

  g_assert_cmpint (g_settings_get_int (fixture->gsettings, "window-height"), ==, 567);
  g_assert_true (g_settings_get_boolean (fixture->gsettings, "window-maximized"));
  g_assert_cmpstr (sp_settings_get_default_setting (settings), ==, "specialist");
  g_assert_false (g_settings_get_boolean (fixture->gsettings, "export-include-identifiers"));
  g_assert_cmpint (g_settings_get_int (fixture->gsettings, "draft-retention-days"), ==, 90);
  g_assert_cmpint (g_settings_get_int (fixture->gsettings, "autosave-delay-seconds"), ==, 1);

  /* Setting the values already held notifies nothing. */
  sp_settings_set_window_height (settings, 567);
  sp_settings_set_window_maximized (settings, 42);
  sp_settings_set_default_setting (settings, "specialist");
  sp_settings_set_export_include_identifiers (settings, FALSE);
  sp_settings_set_draft_retention_days (settings, 90);
  sp_settings_set_autosave_delay_seconds (settings, 1);
  g_assert_cmpuint (count, ==, 7);

  /* Through g_object_set() as well. */
  g_object_set (settings, "draft-retention-days", 30, NULL);
  g_assert_cmpuint (count, ==, 8);
  g_assert_cmpint (g_settings_get_int (fixture->gsettings, "draft-retention-days"), ==, 30);

  g_clear_signal_handler (&handler, settings);
}

/* A change made straight to GSettings, as by g_settings_bind() or by another
 * process, reaches the property and notifies it once. */
static void
test_external_change_notifies_once (Fixture       *fixture,
                                    gconstpointer  user_data)
{
  SpSettings *settings = fixture->settings;
  guint count = 0;
  gulong handler;

  handler = g_signal_connect (settings, "notify::autosave-delay-seconds",
                              G_CALLBACK (count_notify_cb), &count);

  g_settings_set_int (fixture->gsettings, "autosave-delay-seconds", 10);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (count, ==, 1);
  g_assert_cmpint (sp_settings_get_autosave_delay_seconds (settings), ==, 10);

  g_settings_set_int (fixture->gsettings, "autosave-delay-seconds", 10);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (count, ==, 1);

  g_settings_set_int (sp_settings_get_gsettings (settings), "autosave-delay-seconds", 20);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (count, ==, 2);

  g_settings_reset (fixture->gsettings, "autosave-delay-seconds");
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (count, ==, 3);
  g_assert_cmpint (sp_settings_get_autosave_delay_seconds (settings), ==, 3);

  g_clear_signal_handler (&handler, settings);
}

static void
test_invalid_values_rejected (Fixture       *fixture,
                              gconstpointer  user_data)
{
  SpSettings *settings = fixture->settings;

  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*is_choice_id*");
  sp_settings_set_default_setting (settings, "");
  g_test_assert_expected_messages ();
  g_assert_cmpstr (sp_settings_get_default_setting (settings), ==, "none");

  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*RETENTION_DAYS_MAX*");
  sp_settings_set_draft_retention_days (settings, 91);
  g_test_assert_expected_messages ();
  g_assert_cmpint (sp_settings_get_draft_retention_days (settings), ==, 14);

  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*DELAY_SECONDS_MIN*");
  sp_settings_set_autosave_delay_seconds (settings, 0);
  g_test_assert_expected_messages ();
  g_assert_cmpint (sp_settings_get_autosave_delay_seconds (settings), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/sp/settings/keys-match-properties", Fixture, NULL,
              fixture_set_up, test_keys_match_properties, fixture_tear_down);
  g_test_add ("/sp/settings/ranges-match", Fixture, NULL,
              fixture_set_up, test_ranges_match, fixture_tear_down);
  g_test_add ("/sp/settings/setters-write-and-notify-once", Fixture, NULL,
              fixture_set_up, test_setters_write_and_notify_once, fixture_tear_down);
  g_test_add ("/sp/settings/external-change-notifies-once", Fixture, NULL,
              fixture_set_up, test_external_change_notifies_once, fixture_tear_down);
  g_test_add ("/sp/settings/invalid-values-rejected", Fixture, NULL,
              fixture_set_up, test_invalid_values_rejected, fixture_tear_down);

  return g_test_run ();
}
