/* sp-application.c
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sp-application.h"
#include "sp-help-window.h"
#include "sp-preferences-window.h"
#include "sp-window.h"

/**
 * SpApplication:
 *
 * Loads the policy once, opens a window per case, and owns the app-wide
 * actions: quit, about. Case files given on the command line open in their
 * own windows (the first in the window already open if it is untouched).
 * It also owns the draft store every window autosaves into; the first
 * window offers to restore what a crash left there.
 *
 * The environment variable `SP_DRAFTS_DIR`, when set, replaces the drafts
 * folder (`$XDG_STATE_HOME/APP_ID/drafts`): tests use it so they never
 * touch the real one.
 */
struct _SpApplication
{
  AdwApplication  parent_instance;

  SpPolicy       *policy;
  GThread        *policy_loader;   /* reading the policy while GTK starts */
  SpDraftStore   *drafts;
  SpSettings     *settings;        /* one for every window; NULL without the schema */
  gboolean        looked_for_settings;
  gboolean        offered_restore;
  /* From --policy FILE: this run's windows use it, not the built-in one. */
  gboolean        policy_from_file;
};

G_DEFINE_FINAL_TYPE (SpApplication, sp_application, ADW_TYPE_APPLICATION)

typedef struct {
  SpPolicy *policy;
  GError   *error;
} PolicyLoad;

/* The policy owes nothing to GTK, so it is read in a thread of its own
 * while the display is opened and the styles are loaded: the window needs
 * it only once those are done. Its sentences are translated as it loads;
 * gettext is thread-safe, and main() has chosen the locale and text domain
 * before the application starts (gtk_init() setting the locale again is
 * serialised by glibc and chooses the same one). */
static gpointer
load_policy_thread (gpointer data)
{
  PolicyLoad *load = g_new0 (PolicyLoad, 1);

  load->policy = sp_policy_new_default (&load->error);
  return load;
}

static gboolean
ensure_policy (SpApplication *self)
{
  g_autoptr(GError) error = NULL;

  if (self->policy)
    return TRUE;
  if (self->policy_loader)
    {
      PolicyLoad *load = g_thread_join (g_steal_pointer (&self->policy_loader));

      self->policy = load->policy;
      error = load->error;
      g_free (load);
    }
  else
    self->policy = sp_policy_new_default (&error);
  if (self->policy == NULL)
    {
      /* The policy is built into the program: failing to read it is a
       * packaging fault, not something a clinician can fix. */
      g_printerr ("%s\n", error->message);
      return FALSE;
    }
  return TRUE;
}

static SpWindow *
create_window (SpApplication *self)
{
  SpWindow *window = sp_window_new (GTK_APPLICATION (self), self->policy);

  /* Once per run, with the first window: drafts left by a crash. Not in
   * a run under another policy (--policy): that is a commissioner trying a
   * revision beside the clinicians' own run, whose live drafts these may
   * be. */
  if (!self->offered_restore && !self->policy_from_file)
    {
      self->offered_restore = TRUE;
      sp_window_offer_restore_async (window, NULL, NULL, NULL);
    }
  return window;
}

static void
sp_application_activate (GApplication *app)
{
  SpApplication *self = SP_APPLICATION (app);
  GtkWindow *window;

  if (!ensure_policy (self))
    return;
  if (!(window = gtk_application_get_active_window (GTK_APPLICATION (app))))
    window = GTK_WINDOW (create_window (self));
  gtk_window_present (window);
}

static void
sp_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  SpApplication *self = SP_APPLICATION (app);
  GtkWindow *active;

  if (!ensure_policy (self))
    return;

  active = gtk_application_get_active_window (GTK_APPLICATION (app));
  for (int i = 0; i < n_files; i++)
    {
      SpWindow *window;

      if (active && SP_IS_WINDOW (active) && sp_window_is_pristine (SP_WINDOW (active)))
        window = SP_WINDOW (active);
      else
        window = create_window (self);
      active = NULL;
      gtk_window_present (GTK_WINDOW (window));
      sp_window_load_file (window, files[i]);
    }
}

static int
sp_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  SpApplication *self = SP_APPLICATION (app);
  const char *policy_path = NULL;

  if (g_variant_dict_lookup (options, "policy", "^&ay", &policy_path))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (policy_path);
      g_autoptr(GError) error = NULL;

      /* Checked here, before any window: a bad policy file is refused as
       * the command-line tool refuses it, naming the file and member. */
      if (!(self->policy = sp_policy_new_from_file (file, &error)))
        {
          g_printerr ("spinal-pathways: %s\n", error->message);
          return 2;
        }
      self->policy_from_file = TRUE;
      /* A run of its own, not a window of a running instance, which
       * decides under the policy it started with. */
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "spinal-pathways", PACKAGE_VERSION);
      if (ensure_policy (self))
        /* Translators: the policy's title, then its version */
        g_print (_("Policy: %s, version %s\n"),
                 sp_policy_get_title (self->policy), sp_policy_get_version (self->policy));
      return 0;
    }
  return -1;
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GApplication *app = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));

  /* Closing each window lets it save its size and ask about unsaved
   * changes; the application quits when the last has gone (not before: a
   * window may be asking, or saving). */
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
}

/* The intended purpose from the clinical safety case
 * (doc/clinical-safety/intended-purpose.md), compiled in: what the app is
 * for and not for, readable offline from About. Markdown's marks are taken
 * out; the words are the document's. */
static void
add_intended_purpose (AdwAboutWindow *about)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data ("/io/github/spinalpathways/SpinalPathways/doc/intended-purpose.md",
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GString) text = NULL;
  g_auto(GStrv) lines = NULL;

  if (bytes == NULL)
    return;
  text = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_string_replace (text, "**", "", 0);
  g_string_replace (text, "`", "", 0);
  lines = g_strsplit (text->str, "\n", -1);
  g_string_truncate (text, 0);
  for (guint i = 0; lines[i]; i++)
    g_string_append_printf (text, "%s\n", lines[i] + strspn (lines[i], "#") + (lines[i][0] == '#' ? 1 : 0));
  /* libadwaita reads the text as markup: only &, < and > need escaping,
   * and quotes must stay as they are where it does not. */
  g_string_replace (text, "&", "&amp;", 0);
  g_string_replace (text, "<", "&lt;", 0);
  g_string_replace (text, ">", "&gt;", 0);
  adw_about_window_add_legal_section (about, _("Intended purpose"), NULL, GTK_LICENSE_CUSTOM, text->str);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  SpApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autofree char *comments = NULL;
  g_autofree char *debug = NULL;
  GtkWidget *about;
  const char *developers[] = { _("Spinal Pathways developers"), NULL };

  comments = g_strdup_printf ("%s\n\n%s %s",
                              _("Decision support for applying the commissioning policy; clinical judgement applies."),
                              self->policy ? sp_policy_get_title (self->policy) : "",
                              self->policy ? sp_policy_get_version (self->policy) : "");
  if (self->policy)
    debug = g_strdup_printf ("Policy: %s\nPolicy id: %s\nPolicy version: %s\nEffective: %s\nSHA-256: %s\n"
                             "GTK: %u.%u.%u\nlibadwaita: %u.%u.%u\n",
                             sp_policy_get_title (self->policy),
                             sp_policy_get_id (self->policy),
                             sp_policy_get_version (self->policy),
                             sp_policy_get_effective_date (self->policy),
                             sp_policy_get_sha256 (self->policy),
                             gtk_get_major_version (), gtk_get_minor_version (), gtk_get_micro_version (),
                             adw_get_major_version (), adw_get_minor_version (), adw_get_micro_version ());

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-name", _("Spinal Pathways"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("Spinal Pathways developers"),
                        "developers", developers,
                        "comments", comments,
                        "debug-info", debug,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "website", PACKAGE_WEBSITE,
                        "issue-url", PACKAGE_ISSUES,
                        "copyright", "© 2026 Spinal Pathways developers",
                        NULL);
  add_intended_purpose (ADW_ABOUT_WINDOW (about));
  gtk_window_present (GTK_WINDOW (about));
}

/* Yelp can show our pages only where it is installed, the pages are
 * installed, and it can read them: not from the Flatpak's sandbox, whose
 * files the host's Yelp cannot see. */
static gboolean
yelp_can_show_help (void)
{
  g_autoptr(GAppInfo) handler = NULL;
  g_autofree char *index = g_build_filename (DATADIR, "help", "C", GETTEXT_PACKAGE, "index.page", NULL);

  if (g_getenv ("SP_HELP_IN_APP") != NULL || g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    return FALSE;
  handler = g_app_info_get_default_for_uri_scheme ("help");
  return handler != NULL && g_file_test (index, G_FILE_TEST_IS_REGULAR);
}

static void
show_help_window (GtkWindow *parent)
{
  gtk_window_present (GTK_WINDOW (sp_help_window_new (parent)));
}

static void
on_help_shown (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error))
    {
      g_debug ("Yelp could not show the help (%s): showing it in the app", error->message);
      show_help_window (GTK_WINDOW (source));
    }
}

static void
help_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  SpApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (parent != NULL && yelp_can_show_help ())
    gtk_show_uri_full (parent, "help:" GETTEXT_PACKAGE, GDK_CURRENT_TIME, NULL, on_help_shown, NULL);
  else
    show_help_window (parent);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  SpApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  SpSettings *settings = sp_application_get_settings (self);
  SpPolicy *policy = SP_IS_WINDOW (parent) ? sp_window_get_policy (SP_WINDOW (parent))
                                           : sp_application_get_policy (self);

  /* Uninstalled and without GSETTINGS_SCHEMA_DIR there is nothing to edit;
   * `meson devenv` and the README's run command set it. */
  if (settings == NULL)
    return;
  gtk_window_present (GTK_WINDOW (sp_preferences_window_new (parent, settings, policy)));
}

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = quit_action },
  { .name = "about", .activate = about_action },
  { .name = "help", .activate = help_action },
  { .name = "preferences", .activate = preferences_action },
};

static void
sp_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *open_accels[] = { "<Control>o", NULL };
  static const char *new_accels[] = { "<Control>n", NULL };
  static const char *save_accels[] = { "<Control>s", NULL };
  static const char *save_as_accels[] = { "<Control><Shift>s", NULL };
  static const char *export_accels[] = { "<Control>e", NULL };
  static const char *print_accels[] = { "<Control>p", NULL };
  static const char *copy_accels[] = { "<Control><Shift>c", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };
  static const char *help_accels[] = { "F1", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  SpApplication *self = SP_APPLICATION (app);

  if (self->policy == NULL && self->policy_loader == NULL)
    self->policy_loader = g_thread_new ("policy", load_policy_thread, NULL);

  G_APPLICATION_CLASS (sp_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.open", open_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.new", new_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.save", save_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.save-as", save_as_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.export-pdf", export_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.print", print_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.copy-summary", copy_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay", shortcuts_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.help", help_accels);
  /* GtkWindow's own close: the window asks about unsaved changes first. */
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close_accels);
}

static void
sp_application_dispose (GObject *object)
{
  SpApplication *self = SP_APPLICATION (object);

  /* Started and never needed: the application quit before a window. */
  if (self->policy_loader)
    {
      PolicyLoad *load = g_thread_join (g_steal_pointer (&self->policy_loader));

      g_clear_object (&load->policy);
      g_clear_error (&load->error);
      g_free (load);
    }
  g_clear_object (&self->policy);
  g_clear_object (&self->drafts);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sp_application_parent_class)->dispose (object);
}

static void
sp_application_class_init (SpApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = sp_application_dispose;
  app_class->activate = sp_application_activate;
  app_class->open = sp_application_open;
  app_class->startup = sp_application_startup;
  app_class->handle_local_options = sp_application_handle_local_options;
}

static void
sp_application_init (SpApplication *self)
{
  static const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the program and policy versions"), NULL },
    { "policy", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Assess under the policy in FILE, not the built-in one"), N_("FILE") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  /* Translators: shown after the program name in --help */
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[CASE-FILE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Decision support for the commissioning policy on spinal pain interventions."));
}

/**
 * sp_application_new:
 * @flags: extra flags; tests pass %G_APPLICATION_NON_UNIQUE
 *
 * Returns: (transfer full): the application
 */
SpApplication *
sp_application_new (GApplicationFlags flags)
{
  return g_object_new (SP_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | flags,
                       /* The .Devel id shares the release's resources. */
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

/**
 * sp_application_get_settings:
 *
 * The application's settings, one object shared by every window and the
 * preferences, so that a change made in one is seen by all at once.
 *
 * Returns: (transfer none) (nullable): the settings, or %NULL when the
 *   schema is not installed (an uninstalled run outside `meson devenv`)
 */
SpSettings *
sp_application_get_settings (SpApplication *self)
{
  g_return_val_if_fail (SP_IS_APPLICATION (self), NULL);

  if (!self->looked_for_settings)
    {
      GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
      g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;

      self->looked_for_settings = TRUE;
      if (schema != NULL)
        self->settings = sp_settings_new (APP_ID);
    }
  return self->settings;
}

/**
 * sp_application_get_policy:
 *
 * Returns: (transfer none) (nullable): the policy, once loaded
 */
SpPolicy *
sp_application_get_policy (SpApplication *self)
{
  g_return_val_if_fail (SP_IS_APPLICATION (self), NULL);
  ensure_policy (self);
  return self->policy;
}

/**
 * sp_application_create_draft_store:
 *
 * Returns: (transfer full): the draft store in `SP_DRAFTS_DIR` if that is
 *   set, else in the user's state folder
 */
SpDraftStore *
sp_application_create_draft_store (void)
{
  const char *directory = g_getenv ("SP_DRAFTS_DIR");

  if (directory != NULL && directory[0] != '\0')
    return sp_draft_store_new (directory);
  return sp_draft_store_new_default (APP_ID);
}

/**
 * sp_application_get_draft_store:
 *
 * Returns: (transfer none): the draft store all windows share
 */
SpDraftStore *
sp_application_get_draft_store (SpApplication *self)
{
  g_return_val_if_fail (SP_IS_APPLICATION (self), NULL);

  if (self->drafts == NULL)
    self->drafts = sp_application_create_draft_store ();
  return self->drafts;
}
