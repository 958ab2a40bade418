/* sp-settings.c
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sp-settings.h"

/**
 * SpSettings:
 *
 * The application's preferences, one typed property per GSettings key.
 *
 * Every property has the name of its key, so widgets can bind either to
 * the property (g_object_bind_property()) or straight to the #GSettings
 * returned by sp_settings_get_gsettings() (g_settings_bind()). Changes made
 * either way, or from outside the application, notify the property once,
 * and only when its value really changed.
 */

struct _SpSettings
{
  GObject      parent_instance;

  /* Owned */
  char        *schema_id;
  GSettings   *settings;

  /* Cached key values, so that a "changed" signal can be compared with the
   * value we had and only a real change notifies. */
  int          window_width;
  int          window_height;
  gboolean     window_maximized;
  const char  *default_setting; /* interned */
  gboolean     export_include_identifiers;
  gboolean     export_include_reasons;
  int          draft_retention_days;
  int          autosave_delay_seconds;
};

G_DEFINE_FINAL_TYPE (SpSettings, sp_settings, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SCHEMA_ID,
  /* From here on, each property is named after its GSettings key. */
  PROP_WINDOW_WIDTH,
  PROP_WINDOW_HEIGHT,
  PROP_WINDOW_MAXIMIZED,
  PROP_DEFAULT_SETTING,
  PROP_EXPORT_INCLUDE_IDENTIFIERS,
  PROP_EXPORT_INCLUDE_REASONS,
  PROP_DRAFT_RETENTION_DAYS,
  PROP_AUTOSAVE_DELAY_SECONDS,
  N_PROPS
};

#define FIRST_KEY_PROP PROP_WINDOW_WIDTH

static GParamSpec *properties[N_PROPS];

static inline const char *
key_for_prop (guint prop_id)
{
  g_assert (prop_id >= FIRST_KEY_PROP && prop_id < N_PROPS);

  return g_param_spec_get_name (properties[prop_id]);
}

static gboolean
update_int (int *field,
            int  value)
{
  if (*field == value)
    return FALSE;

  *field = value;

  return TRUE;
}

static gboolean
update_boolean (gboolean *field,
                gboolean  value)
{
  value = !!value;

  if (*field == value)
    return FALSE;

  *field = value;

  return TRUE;
}

static gboolean
update_interned (const char **field,
                 const char  *value)
{
  const char *interned = g_intern_string (value);

  if (*field == interned)
    return FALSE;

  *field = interned;

  return TRUE;
}

/* Reads one key into its cached field, and notifies the property if the
 * value differs from the cached one (and @notify is set). */
static void
sp_settings_reload (SpSettings *self,
                    guint       prop_id,
                    gboolean    notify)
{
  const char *key = key_for_prop (prop_id);
  gboolean changed = FALSE;

  switch (prop_id)
    {
    case PROP_WINDOW_WIDTH:
      changed = update_int (&self->window_width, g_settings_get_int (self->settings, key));
      break;

    case PROP_WINDOW_HEIGHT:
      changed = update_int (&self->window_height, g_settings_get_int (self->settings, key));
      break;

    case PROP_WINDOW_MAXIMIZED:
      changed = update_boolean (&self->window_maximized,
                                g_settings_get_boolean (self->settings, key));
      break;

    case PROP_DEFAULT_SETTING:
      {
        g_autofree char *value = g_settings_get_string (self->settings, key);

        changed = update_interned (&self->default_setting, value);
      }
      break;

    case PROP_EXPORT_INCLUDE_IDENTIFIERS:
      changed = update_boolean (&self->export_include_identifiers,
                                g_settings_get_boolean (self->settings, key));
      break;

    case PROP_EXPORT_INCLUDE_REASONS:
      changed = update_boolean (&self->export_include_reasons,
                                g_settings_get_boolean (self->settings, key));
      break;

    case PROP_DRAFT_RETENTION_DAYS:
      changed = update_int (&self->draft_retention_days,
                            g_settings_get_int (self->settings, key));
      break;

    case PROP_AUTOSAVE_DELAY_SECONDS:
      changed = update_int (&self->autosave_delay_seconds,
                            g_settings_get_int (self->settings, key));
      break;

    default:
      g_assert_not_reached ();
    }

  if (changed && notify)
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/* Writing goes through GSettings and then re-reads the key, rather than
 * setting the field directly: a key locked down by the administrator keeps
 * its value (and so does not notify), and the "changed" signal, which
 * GSettings may emit during the write, finds the cache up to date and
 * notifies nothing a second time. */
static void
sp_settings_write_int (SpSettings *self,
                       guint       prop_id,
                       int         value)
{
  const char *key = key_for_prop (prop_id);

  if (!g_settings_set_int (self->settings, key, value))
    g_debug ("Setting ‘%s’ is not writable", key);

  sp_settings_reload (self, prop_id, TRUE);
}

static void
sp_settings_write_boolean (SpSettings *self,
                           guint       prop_id,
                           gboolean    value)
{
  const char *key = key_for_prop (prop_id);

  if (!g_settings_set_boolean (self->settings, key, value))
    g_debug ("Setting ‘%s’ is not writable", key);

  sp_settings_reload (self, prop_id, TRUE);
}

static void
sp_settings_write_string (SpSettings *self,
                          guint       prop_id,
                          const char *value)
{
  const char *key = key_for_prop (prop_id);

  if (!g_settings_set_string (self->settings, key, value))
    g_debug ("Setting ‘%s’ is not writable", key);

  sp_settings_reload (self, prop_id, TRUE);
}

/* What a policy's choice id can be: any non-empty string of its JSON.
 * Which ids exist is the policy's to say, and the window checks. */
static gboolean
is_choice_id (const char *text)
{
  return text[0] != '\0' && g_utf8_validate (text, -1, NULL);
}

static gboolean
sp_settings_string_in_range (SpSettings *self,
                             guint       prop_id,
                             const char *value)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsSchemaKey) schema_key = NULL;
  g_autoptr(GVariant) variant = NULL;

  g_object_get (self->settings, "settings-schema", &schema, NULL);
  schema_key = g_settings_schema_get_key (schema, key_for_prop (prop_id));
  variant = g_variant_ref_sink (g_variant_new_string (value));

  return g_settings_schema_key_range_check (schema_key, variant);
}

static void
sp_settings_changed_cb (SpSettings *self,
                        const char *key,
                        GSettings  *settings)
{
  g_assert (SP_IS_SETTINGS (self));
  g_assert (G_IS_SETTINGS (settings));

  for (guint prop_id = FIRST_KEY_PROP; prop_id < N_PROPS; prop_id++)
    {
      if (g_strcmp0 (key, key_for_prop (prop_id)) == 0)
        {
          sp_settings_reload (self, prop_id, TRUE);
          return;
        }
    }
}

static void
sp_settings_constructed (GObject *object)
{
  SpSettings *self = (SpSettings *)object;

  G_OBJECT_CLASS (sp_settings_parent_class)->constructed (object);

  g_assert (self->schema_id != NULL);

  self->settings = g_settings_new (self->schema_id);

  /* GSettings only reports changes to keys read after a "changed" handler
   * is connected, so connect first and read afterwards. */
  g_signal_connect_object (self->settings,
                           "changed",
                           G_CALLBACK (sp_settings_changed_cb),
                           self,
                           G_CONNECT_SWAPPED);

  for (guint prop_id = FIRST_KEY_PROP; prop_id < N_PROPS; prop_id++)
    sp_settings_reload (self, prop_id, FALSE);
}

static void
sp_settings_dispose (GObject *object)
{
  SpSettings *self = (SpSettings *)object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sp_settings_parent_class)->dispose (object);
}

static void
sp_settings_finalize (GObject *object)
{
  SpSettings *self = (SpSettings *)object;

  g_clear_pointer (&self->schema_id, g_free);

  G_OBJECT_CLASS (sp_settings_parent_class)->finalize (object);
}

static void
sp_settings_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SpSettings *self = SP_SETTINGS (object);

  switch (prop_id)
    {
    case PROP_SCHEMA_ID:
      g_value_set_string (value, self->schema_id);
      break;

    case PROP_WINDOW_WIDTH:
      g_value_set_int (value, self->window_width);
      break;

    case PROP_WINDOW_HEIGHT:
      g_value_set_int (value, self->window_height);
      break;

    case PROP_WINDOW_MAXIMIZED:
      g_value_set_boolean (value, self->window_maximized);
      break;

    case PROP_DEFAULT_SETTING:
      g_value_set_static_string (value, self->default_setting);
      break;

    case PROP_EXPORT_INCLUDE_IDENTIFIERS:
      g_value_set_boolean (value, self->export_include_identifiers);
      break;

    case PROP_EXPORT_INCLUDE_REASONS:
      g_value_set_boolean (value, self->export_include_reasons);
      break;

    case PROP_DRAFT_RETENTION_DAYS:
      g_value_set_int (value, self->draft_retention_days);
      break;

    case PROP_AUTOSAVE_DELAY_SECONDS:
      g_value_set_int (value, self->autosave_delay_seconds);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_settings_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  SpSettings *self = SP_SETTINGS (object);

  switch (prop_id)
    {
    case PROP_SCHEMA_ID:
      g_assert (self->schema_id == NULL);
      self->schema_id = g_value_dup_string (value);
      break;

    case PROP_WINDOW_WIDTH:
      sp_settings_set_window_width (self, g_value_get_int (value));
      break;

    case PROP_WINDOW_HEIGHT:
      sp_settings_set_window_height (self, g_value_get_int (value));
      break;

    case PROP_WINDOW_MAXIMIZED:
      sp_settings_set_window_maximized (self, g_value_get_boolean (value));
      break;

    case PROP_DEFAULT_SETTING:
      sp_settings_set_default_setting (self, g_value_get_string (value));
      break;

    case PROP_EXPORT_INCLUDE_IDENTIFIERS:
      sp_settings_set_export_include_identifiers (self, g_value_get_boolean (value));
      break;

    case PROP_EXPORT_INCLUDE_REASONS:
      sp_settings_set_export_include_reasons (self, g_value_get_boolean (value));
      break;

    case PROP_DRAFT_RETENTION_DAYS:
      sp_settings_set_draft_retention_days (self, g_value_get_int (value));
      break;

    case PROP_AUTOSAVE_DELAY_SECONDS:
      sp_settings_set_autosave_delay_seconds (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_settings_class_init (SpSettingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = sp_settings_constructed;
  object_class->dispose = sp_settings_dispose;
  object_class->finalize = sp_settings_finalize;
  object_class->get_property = sp_settings_get_property;
  object_class->set_property = sp_settings_set_property;

  /**
   * SpSettings:schema-id:
   *
   * The id of the GSettings schema: the application id, which differs
   * between release and development builds.
   */
  properties[PROP_SCHEMA_ID] =
    g_param_spec_string ("schema-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * SpSettings:window-width:
   *
   * The width of the main window when it was last closed, in logical pixels.
   */
  properties[PROP_WINDOW_WIDTH] =
    g_param_spec_int ("window-width", NULL, NULL,
                      1, G_MAXINT, 1000,
                      (G_PARAM_READWRITE |
                       G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  /**
   * SpSettings:window-height:
   *
   * The height of the main window when it was last closed, in logical pixels.
   */
  properties[PROP_WINDOW_HEIGHT] =
    g_param_spec_int ("window-height", NULL, NULL,
                      1, G_MAXINT, 720,
                      (G_PARAM_READWRITE |
                       G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  /**
   * SpSettings:window-maximized:
   *
   * Whether the main window was maximized when it was last closed.
   */
  properties[PROP_WINDOW_MAXIMIZED] =
    g_param_spec_boolean ("window-maximized", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  /**
   * SpSettings:default-setting:
   *
   * The care setting recorded in a new case: `"primary_care"`,
   * `"specialist"`, or `"none"` to leave it unrecorded.
   */
  properties[PROP_DEFAULT_SETTING] =
    g_param_spec_string ("default-setting", NULL, NULL,
                         "none",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * SpSettings:export-include-identifiers:
   *
   * Whether exported summaries include the patient's name, NHS number
   * and date of birth.
   */
  properties[PROP_EXPORT_INCLUDE_IDENTIFIERS] =
    g_param_spec_boolean ("export-include-identifiers", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  /**
   * SpSettings:export-include-reasons:
   *
   * Whether exported summaries end with each decision's reasons, the
   * policy text quoted and the readings applied.
   */
  properties[PROP_EXPORT_INCLUDE_REASONS] =
    g_param_spec_boolean ("export-include-reasons", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  /**
   * SpSettings:draft-retention-days:
   *
   * How many days an automatically saved draft of an unsaved case is kept.
   */
  properties[PROP_DRAFT_RETENTION_DAYS] =
    g_param_spec_int ("draft-retention-days", NULL, NULL,
                      SP_SETTINGS_DRAFT_RETENTION_DAYS_MIN,
                      SP_SETTINGS_DRAFT_RETENTION_DAYS_MAX,
                      14,
                      (G_PARAM_READWRITE |
                       G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  /**
   * SpSettings:autosave-delay-seconds:
   *
   * How many seconds after the last change a draft is saved.
   */
  properties[PROP_AUTOSAVE_DELAY_SECONDS] =
    g_param_spec_int ("autosave-delay-seconds", NULL, NULL,
                      SP_SETTINGS_AUTOSAVE_DELAY_SECONDS_MIN,
                      SP_SETTINGS_AUTOSAVE_DELAY_SECONDS_MAX,
                      3,
                      (G_PARAM_READWRITE |
                       G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_settings_init (SpSettings *self)
{
  self->window_width = 1000;
  self->window_height = 720;
  self->default_setting = g_intern_static_string ("none");
  self->export_include_identifiers = TRUE;
  self->export_include_reasons = TRUE;
  self->draft_retention_days = 14;
  self->autosave_delay_seconds = 3;
}

/**
 * sp_settings_new:
 * @schema_id: the id of an installed GSettings schema, normally the
 *   application id
 *
 * Creates the settings object. The schema must be installed, or found
 * through `GSETTINGS_SCHEMA_DIR` (which `meson devenv` sets for the build
 * folder).
 *
 * Returns: (transfer full): a new #SpSettings
 */
SpSettings *
sp_settings_new (const char *schema_id)
{
  g_return_val_if_fail (schema_id != NULL, NULL);

  return g_object_new (SP_TYPE_SETTINGS,
                       "schema-id", schema_id,
                       NULL);
}

/**
 * sp_settings_get_gsettings:
 * @self: a #SpSettings
 *
 * Gets the underlying #GSettings, for g_settings_bind() and
 * g_settings_create_action().
 *
 * Returns: (transfer none): a #GSettings
 */
GSettings *
sp_settings_get_gsettings (SpSettings *self)
{
  g_return_val_if_fail (SP_IS_SETTINGS (self), NULL);

  return self->settings;
}

/**
 * sp_settings_get_schema_id:
 * @self: a #SpSettings
 *
 * Returns: the id of the GSettings schema
 */
const char *
sp_settings_get_schema_id (SpSettings *self)
{
  g_return_val_if_fail (SP_IS_SETTINGS (self), NULL);

  return self->schema_id;
}

/**
 * sp_settings_get_window_width:
 * @self: a #SpSettings
 *
 * Returns: the saved width of the main window, in logical pixels
 */
int
sp_settings_get_window_width (SpSettings *self)
{
  g_return_val_if_fail (SP_IS_SETTINGS (self), 0);

  return self->window_width;
}

/**
 * sp_settings_set_window_width:
 * @self: a #SpSettings
 * @window_width: the width of the main window, in logical pixels
 *
 * Saves the width of the main window.
 */
void
sp_settings_set_window_width (SpSettings *self,
                              int         window_width)
{
  g_return_if_fail (SP_IS_SETTINGS (self));
  g_return_if_fail (window_width > 0);

  if (self->window_width != window_width)
    sp_settings_write_int (self, PROP_WINDOW_WIDTH, window_width);
}

/**
 * sp_settings_get_window_height:
 * @self: a #SpSettings
 *
 * Returns: the saved height of the main window, in logical pixels
 */
int
sp_settings_get_window_height (SpSettings *self)
{
  g_return_val_if_fail (SP_IS_SETTINGS (self), 0);

  return self->window_height;
}

/**
 * sp_settings_set_window_height:
 * @self: a #SpSettings
 * @window_height: the height of the main window, in logical pixels
 *
 * Saves the height of the main window.
 */
void
sp_settings_set_window_height (SpSettings *self,
                               int         window_height)
{
  g_return_if_fail (SP_IS_SETTINGS (self));
  g_return_if_fail (window_height > 0);

  if (self->window_height != window_height)
    sp_settings_write_int (self, PROP_WINDOW_HEIGHT, window_height);
}

/**
 * sp_settings_get_window_maximized:
 * @self: a #SpSettings
 *
 * Returns: whether the main window was maximized when it was last closed
 */
gboolean
sp_settings_get_window_maximized (SpSettings *self)
{
  g_return_val_if_fail (SP_IS_SETTINGS (self), FALSE);

  return self->window_maximized;
}

/**
 * sp_settings_set_window_maximized:
 * @self: a #SpSettings
 * @window_maximized: whether the main window is maximized
 *
 * Saves whether the main window is maximized.
 */
void
sp_settings_set_window_maximized (SpSettings *self,
                                  gboolean    window_maximized)
{
  g_return_if_fail (SP_IS_SETTINGS (self));

  window_maximized = !!window_maximized;

  if (self->window_maximized != window_maximized)
    sp_settings_write_boolean (self, PROP_WINDOW_MAXIMIZED, window_maximized);
}

/**
 * sp_settings_get_default_setting:
 * @self: a #SpSettings
 *
 * Gets the care setting to record in a new case.
 *
 * Returns: `"none"`, `"primary_care"` or `"specialist"`; an interned
 *   string, valid for the life of the process
 */
const char *
sp_settings_get_default_setting (SpSettings *self)
{
  g_return_val_if_fail (SP_IS_SETTINGS (self), NULL);

  return self->default_setting;
}

/**
 * sp_settings_set_default_setting:
 * @self: a #SpSettings
 * @default_setting: `"none"`, or the id of a choice of the policy's care
 *   setting fact, such as `"primary_care"`
 *
 * Sets the care setting to record in a new case. An empty string is a
 * programming error; a choice the policy in use lacks records nothing.
 */
void
sp_settings_set_default_setting (SpSettings *self,
                                 const char *default_setting)
{
  g_return_if_fail (SP_IS_SETTINGS (self));
  g_return_if_fail (default_setting != NULL);
  g_return_if_fail (is_choice_id (default_setting));
  g_return_if_fail (sp_settings_string_in_range (self, PROP_DEFAULT_SETTING, default_setting));

  if (g_strcmp0 (self->default_setting, default_setting) != 0)
    sp_settings_write_string (self, PROP_DEFAULT_SETTING, default_setting);
}

/**
 * sp_settings_get_export_include_identifiers:
 * @self: a #SpSettings
 *
 * Returns: whether exported summaries include patient identifiers
 */
gboolean
sp_settings_get_export_include_identifiers (SpSettings *self)
{
  g_return_val_if_fail (SP_IS_SETTINGS (self), TRUE);

  return self->export_include_identifiers;
}

/**
 * sp_settings_set_export_include_identifiers:
 * @self: a #SpSettings
 * @export_include_identifiers: whether exported summaries include the
 *   patient's name, NHS number and date of birth
 *
 * Sets whether exported summaries include patient identifiers.
 */
void
sp_settings_set_export_include_identifiers (SpSettings *self,
                                            gboolean    export_include_identifiers)
{
  g_return_if_fail (SP_IS_SETTINGS (self));

  export_include_identifiers = !!export_include_identifiers;

  if (self->export_include_identifiers != export_include_identifiers)
    sp_settings_write_boolean (self, PROP_EXPORT_INCLUDE_IDENTIFIERS, export_include_identifiers);
}

/**
 * sp_settings_get_export_include_reasons:
 * @self: a #SpSettings
 *
 * Returns: whether exported summaries include the appendix (the reasons,
 *   policy text, readings and facts recorded)
 */
gboolean
sp_settings_get_export_include_reasons (SpSettings *self)
{
  g_return_val_if_fail (SP_IS_SETTINGS (self), TRUE);

  return self->export_include_reasons;
}

/**
 * sp_settings_set_export_include_reasons:
 * @self: a #SpSettings
 * @export_include_reasons: whether exported summaries end with the
 *   reasons, the quoted policy text and the readings applied
 */
void
sp_settings_set_export_include_reasons (SpSettings *self,
                                        gboolean    export_include_reasons)
{
  g_return_if_fail (SP_IS_SETTINGS (self));

  export_include_reasons = !!export_include_reasons;

  if (self->export_include_reasons != export_include_reasons)
    sp_settings_write_boolean (self, PROP_EXPORT_INCLUDE_REASONS, export_include_reasons);
}

/**
 * sp_settings_get_draft_retention_days:
 * @self: a #SpSettings
 *
 * Returns: how many days a draft of an unsaved case is kept
 */
int
sp_settings_get_draft_retention_days (SpSettings *self)
{
  g_return_val_if_fail (SP_IS_SETTINGS (self), SP_SETTINGS_DRAFT_RETENTION_DAYS_MIN);

  return self->draft_retention_days;
}

/**
 * sp_settings_set_draft_retention_days:
 * @self: a #SpSettings
 * @draft_retention_days: from %SP_SETTINGS_DRAFT_RETENTION_DAYS_MIN to
 *   %SP_SETTINGS_DRAFT_RETENTION_DAYS_MAX
 *
 * Sets how many days a draft of an unsaved case is kept.
 */
void
sp_settings_set_draft_retention_days (SpSettings *self,
                                      int         draft_retention_days)
{
  g_return_if_fail (SP_IS_SETTINGS (self));
  g_return_if_fail (draft_retention_days >= SP_SETTINGS_DRAFT_RETENTION_DAYS_MIN);
  g_return_if_fail (draft_retention_days <= SP_SETTINGS_DRAFT_RETENTION_DAYS_MAX);

  if (self->draft_retention_days != draft_retention_days)
    sp_settings_write_int (self, PROP_DRAFT_RETENTION_DAYS, draft_retention_days);
}

/**
 * sp_settings_get_autosave_delay_seconds:
 * @self: a #SpSettings
 *
 * Returns: how many seconds after the last change a draft is saved
 */
int
sp_settings_get_autosave_delay_seconds (SpSettings *self)
{
  g_return_val_if_fail (SP_IS_SETTINGS (self), SP_SETTINGS_AUTOSAVE_DELAY_SECONDS_MIN);

  return self->autosave_delay_seconds;
}

/**
 * sp_settings_set_autosave_delay_seconds:
 * @self: a #SpSettings
 * @autosave_delay_seconds: from %SP_SETTINGS_AUTOSAVE_DELAY_SECONDS_MIN to
 *   %SP_SETTINGS_AUTOSAVE_DELAY_SECONDS_MAX
 *
 * Sets how many seconds after the last change a draft is saved.
 */
void
sp_settings_set_autosave_delay_seconds (SpSettings *self,
                                        int         autosave_delay_seconds)
{
  g_return_if_fail (SP_IS_SETTINGS (self));
  g_return_if_fail (autosave_delay_seconds >= SP_SETTINGS_AUTOSAVE_DELAY_SECONDS_MIN);
  g_return_if_fail (autosave_delay_seconds <= SP_SETTINGS_AUTOSAVE_DELAY_SECONDS_MAX);

  if (self->autosave_delay_seconds != autosave_delay_seconds)
    sp_settings_write_int (self, PROP_AUTOSAVE_DELAY_SECONDS, autosave_delay_seconds);
}
