/* sp-preferences-window.c
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sp-preferences-window.h"
#include "sp-choice-item.h"
#include "sp-widget-util.h"

/**
 * SpPreferencesWindow:
 *
 * The preferences a clinician can change: the care setting recorded in a
 * new case, whether exports carry patient identifiers, and how drafts of
 * unsaved cases are kept. Each control is bound straight to its GSettings
 * key, so a change made here, by another window or from outside the
 * application shows everywhere at once. The window size keys are the
 * window's own business and are not shown.
 */
struct _SpPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template widgets */
  GtkWidget            *new_cases_group;
  AdwComboRow          *default_setting_row;
  GtkSwitch            *identifiers_switch;
  GtkSwitch            *reasons_switch;
  GtkSpinButton        *draft_retention_spin;
  GtkSpinButton        *autosave_delay_spin;

  /* Owned */
  SpSettings           *settings;
  SpPolicy             *policy;      /* nullable */

  /* Borrowed from the policy: the fact whose choices the default care
   * setting offers, or NULL when the policy names none. */
  SpFact               *care_setting;
};

G_DEFINE_FINAL_TYPE (SpPreferencesWindow, sp_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_POLICY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The default care setting's rows: "Not recorded" ("none" in the key),
 * then the policy's choices for its care-setting fact, in its words and
 * order, so that Preferences and the form say the same. */
static gboolean
default_setting_get_mapping (GValue   *value,
                             GVariant *variant,
                             gpointer  user_data)
{
  SpPreferencesWindow *self = user_data;
  const char *choice = g_variant_get_string (variant, NULL);
  guint index;

  /* A choice this policy lacks (the key set under another) records
   * nothing, so it shows as nothing. */
  if (self->care_setting != NULL && sp_fact_lookup_choice (self->care_setting, choice, &index))
    g_value_set_uint (value, index + 1);
  else
    g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
default_setting_set_mapping (const GValue       *value,
                             const GVariantType *expected_type,
                             gpointer            user_data)
{
  SpPreferencesWindow *self = user_data;
  guint selected = g_value_get_uint (value);

  if (selected == 0)
    return g_variant_new_string ("none");
  /* GTK_INVALID_LIST_POSITION while the model is being replaced. */
  if (self->care_setting == NULL || selected > sp_fact_get_n_choices (self->care_setting))
    return NULL;
  return g_variant_new_string (sp_fact_get_choice_id (self->care_setting, selected - 1));
}

static void
build_care_settings (SpPreferencesWindow *self)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  self->care_setting = self->policy ? sp_policy_get_care_setting_fact (self->policy) : NULL;
  gtk_widget_set_visible (self->new_cases_group, self->care_setting != NULL);
  if (self->care_setting == NULL)
    return;
  gtk_string_list_append (model, _("Not recorded"));
  for (guint i = 0; i < sp_fact_get_n_choices (self->care_setting); i++)
    gtk_string_list_append (model, sp_policy_gettext (sp_fact_get_choice_label (self->care_setting, i)));
  adw_combo_row_set_model (self->default_setting_row, G_LIST_MODEL (model));
}

static void
sp_preferences_window_constructed (GObject *object)
{
  SpPreferencesWindow *self = (SpPreferencesWindow *)object;
  GSettings *gsettings;

  G_OBJECT_CLASS (sp_preferences_window_parent_class)->constructed (object);

  g_assert (SP_IS_SETTINGS (self->settings));

  gsettings = sp_settings_get_gsettings (self->settings);

  /* The ranges come from the same constants the schema is checked against,
   * rather than being written out again in the template. */
  gtk_spin_button_set_range (self->draft_retention_spin,
                             SP_SETTINGS_DRAFT_RETENTION_DAYS_MIN,
                             SP_SETTINGS_DRAFT_RETENTION_DAYS_MAX);
  gtk_spin_button_set_range (self->autosave_delay_spin,
                             SP_SETTINGS_AUTOSAVE_DELAY_SECONDS_MIN,
                             SP_SETTINGS_AUTOSAVE_DELAY_SECONDS_MAX);

  build_care_settings (self);
  if (self->care_setting != NULL)
    g_settings_bind_with_mapping (gsettings, "default-setting",
                                  self->default_setting_row, "selected",
                                  G_SETTINGS_BIND_DEFAULT,
                                  default_setting_get_mapping,
                                  default_setting_set_mapping,
                                  self, NULL);
  g_settings_bind (gsettings, "export-include-identifiers",
                   self->identifiers_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (gsettings, "export-include-reasons",
                   self->reasons_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  /* GSettings maps the spin buttons' doubles to the integer keys. */
  g_settings_bind (gsettings, "draft-retention-days",
                   self->draft_retention_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (gsettings, "autosave-delay-seconds",
                   self->autosave_delay_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
}

static void
sp_preferences_window_dispose (GObject *object)
{
  SpPreferencesWindow *self = (SpPreferencesWindow *)object;

  /* The bindings hold the GSettings; drop them with the widgets. */
  if (self->default_setting_row)
    {
      if (self->care_setting != NULL)
        g_settings_unbind (self->default_setting_row, "selected");
      g_settings_unbind (self->identifiers_switch, "active");
      g_settings_unbind (self->reasons_switch, "active");
      g_settings_unbind (self->draft_retention_spin, "value");
      g_settings_unbind (self->autosave_delay_spin, "value");
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_PREFERENCES_WINDOW);

  g_clear_object (&self->settings);
  self->care_setting = NULL;
  g_clear_object (&self->policy);

  G_OBJECT_CLASS (sp_preferences_window_parent_class)->dispose (object);
}

static void
sp_preferences_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SpPreferencesWindow *self = SP_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_POLICY:
      g_value_set_object (value, self->policy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  SpPreferencesWindow *self = SP_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_assert (self->settings == NULL);
      self->settings = g_value_dup_object (value);
      break;

    case PROP_POLICY:
      g_assert (self->policy == NULL);
      self->policy = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_preferences_window_class_init (SpPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sp_preferences_window_constructed;
  object_class->dispose = sp_preferences_window_dispose;
  object_class->get_property = sp_preferences_window_get_property;
  object_class->set_property = sp_preferences_window_set_property;

  /**
   * SpPreferencesWindow:settings:
   *
   * The settings the window shows and changes.
   */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         SP_TYPE_SETTINGS,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * SpPreferencesWindow:policy:
   *
   * The policy in use, whose care-setting fact gives the default care
   * setting's choices; without one, or without that fact, that preference
   * is not shown.
   */
  properties[PROP_POLICY] =
    g_param_spec_object ("policy", NULL, NULL,
                         SP_TYPE_POLICY,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/sp-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SpPreferencesWindow, new_cases_group);
  gtk_widget_class_bind_template_child (widget_class, SpPreferencesWindow, default_setting_row);
  gtk_widget_class_bind_template_child (widget_class, SpPreferencesWindow, identifiers_switch);
  gtk_widget_class_bind_template_child (widget_class, SpPreferencesWindow, reasons_switch);
  gtk_widget_class_bind_template_child (widget_class, SpPreferencesWindow, draft_retention_spin);
  gtk_widget_class_bind_template_child (widget_class, SpPreferencesWindow, autosave_delay_spin);
}

static void
sp_preferences_window_init (SpPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sp_combo_row_choose_activated_item (self->default_setting_row);
  sp_combo_row_show_choices_in_full (self->default_setting_row);
}

/**
 * sp_preferences_window_new:
 * @parent: (nullable): the window the preferences were opened from
 * @settings: the settings to show and change
 * @policy: (nullable): the policy in use, for the care settings it offers
 *
 * Creates the preferences window, modal to @parent.
 *
 * Returns: (transfer none): the window, not yet presented; like every
 *   toplevel, GTK owns it until it is destroyed
 */
SpPreferencesWindow *
sp_preferences_window_new (GtkWindow  *parent,
                           SpSettings *settings,
                           SpPolicy   *policy)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SP_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (policy == NULL || SP_IS_POLICY (policy), NULL);

  return g_object_new (SP_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       "settings", settings,
                       "policy", policy,
                       NULL);
}

/**
 * sp_preferences_window_get_settings:
 * @self: a #SpPreferencesWindow
 *
 * Returns: (transfer none): the settings the window shows
 */
SpSettings *
sp_preferences_window_get_settings (SpPreferencesWindow *self)
{
  g_return_val_if_fail (SP_IS_PREFERENCES_WINDOW (self), NULL);

  return self->settings;
}
