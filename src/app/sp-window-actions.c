/* sp-window-actions.c: case files, drafts, and the summary leaving the app
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sp-application.h"
#include "sp-file-dialog.h"
#include "sp-print-preview.h"
#include "sp-report.h"
#include "sp-window-private.h"


/* Title and errors */

/**
 * sp_window_update_title:
 *
 * "Spinal Pathways" for a case never saved; "NAME — Spinal Pathways" once
 * it has a file; a "•" in front while there are unsaved changes, as GNOME
 * Text Editor marks them.
 */
void
sp_window_update_title (SpWindow *self)
{
  g_autofree char *name = sp_case_session_dup_display_name (self->session);
  gboolean modified = sp_case_session_get_modified (self->session);
  g_autofree char *title = NULL;
  g_autofree char *short_title = NULL;

  if (name)
    /* Translators: the window's title; %s is the case file's name */
    title = g_strdup_printf (_("%s — Spinal Pathways"), name);
  else
    title = g_strdup (_("Spinal Pathways"));
  if (modified)
    {
      char *marked = g_strconcat ("• ", title, NULL);

      g_free (title);
      title = marked;
    }
  gtk_window_set_title (GTK_WINDOW (self), title);

  /* The header has little room when narrow: the name alone, marked. */
  short_title = g_strdup_printf ("%s%s", modified ? "• " : "", name ? name : _("Spinal Pathways"));
  adw_window_title_set_title (self->window_title, short_title);
}

void
sp_window_show_error (SpWindow   *self,
                      const char *heading,
                      const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
sp_window_include_identifiers (SpWindow *self)
{
  /* Without the schema, the schema's own default. */
  return self->settings == NULL || sp_settings_get_export_include_identifiers (self->settings);
}

/* What a save or an export carries while it is written. */
typedef struct {
  GFile        *file;
  GApplication *held;     /* kept running until the write is done */
  gint64        started;
} WriteData;

static void
write_data_free (gpointer data)
{
  WriteData *wd = data;

  g_clear_object (&wd->file);
  if (wd->held)
    {
      g_application_release (wd->held);
      g_object_unref (wd->held);
    }
  g_free (wd);
}

/* A task writing @file for @self. A save or an export in flight keeps the
 * application running even if its last window closes meanwhile; the task
 * lets go when it is freed. */
static GTask *
write_task_new (SpWindow            *self,
                GFile               *file,
                gpointer             source_tag,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  WriteData *wd = g_new0 (WriteData, 1);

  wd->file = g_object_ref (file);
  wd->started = g_get_monotonic_time ();
  if (app != NULL)
    {
      g_application_hold (G_APPLICATION (app));
      wd->held = G_APPLICATION (g_object_ref (app));
    }
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, wd, write_data_free);
  return task;
}

/* Saving */

static void
on_session_saved (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SpWindow *self = g_task_get_source_object (task);
  WriteData *wd = g_task_get_task_data (task);
  GFile *file = wd->file;
  GError *error = NULL;

  if (!sp_case_session_save_finish (SP_CASE_SESSION (source), result, &error))
    {
      g_autofree char *body = sp_file_describe_write_error (file, error);

      sp_window_show_error (self, _("Case Not Saved"), body);
      g_task_return_error (task, error);
      return;
    }
  /* No file name: a clinician may name a case after the patient, and
   * nothing identifying goes to the logs. */
  g_debug ("Saved a case in %.1f ms", (g_get_monotonic_time () - wd->started) / 1000.0);
  sp_file_dialog_note_recent (file, SP_CASE_MIME_TYPE);
  /* The file now names the policy in force, as every save does. */
  if (self->case_ != NULL)
    {
      sp_case_set_saved_policy (self->case_, sp_policy_get_id (self->policy),
                                sp_policy_get_version (self->policy), sp_policy_get_sha256 (self->policy));
      sp_window_update_policy_banner (self);
    }
  /* As Copy and Export say they are done, so does Save. */
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Case saved")));
  g_task_return_boolean (task, TRUE);
}

/**
 * sp_window_save_to_file_async:
 * @file: where to save the case
 *
 * Saves the case to @file without blocking the window (the file chooser
 * of "win.save-as" ends here; tests call it directly). On failure an error
 * dialog names the file and says what to do; the case stays open, marked
 * unsaved, and any earlier @file is unchanged.
 */
void
sp_window_save_to_file_async (SpWindow            *self,
                              GFile               *file,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (SP_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  task = write_task_new (self, file, sp_window_save_to_file_async, cancellable, callback, user_data);
  sp_case_session_save_async (self->session, file, cancellable, on_session_saved, task);
}

gboolean
sp_window_save_to_file_finish (SpWindow      *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct {
  SpWindowThen  then;
  GFile        *file;
} Then;

static Then *
then_new (SpWindowThen  then,
          GFile        *file)
{
  Then *t = g_new0 (Then, 1);

  t->then = then;
  t->file = file ? g_object_ref (file) : NULL;
  return t;
}

static void
then_free (Then *t)
{
  g_clear_object (&t->file);
  g_free (t);
}

static void open_chooser (SpWindow *self);

static void
run_then (SpWindow     *self,
          SpWindowThen  then,
          GFile        *file)
{
  switch (then)
    {
    case SP_WINDOW_THEN_CLOSE:
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
      break;
    case SP_WINDOW_THEN_NEW:
      sp_window_new_case (self);
      break;
    case SP_WINDOW_THEN_OPEN_CHOOSER:
      open_chooser (self);
      break;
    case SP_WINDOW_THEN_OPEN_FILE:
      sp_window_load_file (self, file);
      break;
    case SP_WINDOW_THEN_NOTHING:
    default:
      break;
    }
}

static void
on_saved_then (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  SpWindow *self = SP_WINDOW (source);
  Then *t = user_data;

  /* On failure the error dialog has been shown, and the close, new or open
   * that asked for the save does not happen: the case stays. */
  if (sp_window_save_to_file_finish (self, result, NULL))
    run_then (self, t->then, t->file);
  then_free (t);
}

static char *
default_case_name (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  /* No patient name in a file name: file names travel further than files. */
  return g_date_time_format (now, "assessment-%Y-%m-%d" SP_CASE_SUFFIX);
}

static GListModel *
case_filters (gboolean for_opening)
{
  GListStore *filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) cases = sp_file_filter_new (_("Case files"), SP_CASE_MIME_TYPE, SP_CASE_SUFFIX);

  if (for_opening)
    {
      g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

      /* Case files written before the .spcase extension were .json. */
      gtk_file_filter_add_suffix (cases, "json");
      gtk_file_filter_set_name (all, _("All files"));
      gtk_file_filter_add_pattern (all, "*");
      g_list_store_append (filters, cases);
      g_list_store_append (filters, all);
    }
  else
    g_list_store_append (filters, cases);
  return G_LIST_MODEL (filters);
}

static void
on_save_as_chosen (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  SpWindow *self = SP_WINDOW (source);
  Then *t = user_data;
  g_autoptr(GError) error = NULL;
  /* Used exactly as chosen: in a sandbox the portal grants that file only. */
  g_autoptr(GFile) file = sp_file_dialog_finish (result, &error);

  if (file)
    {
      sp_window_save_to_file_async (self, file, NULL, on_saved_then, t);
      t = NULL;
    }
  else if (error)
    sp_window_show_error (self, _("Could Not Save"), error->message);
  g_clear_pointer (&t, then_free);
}

static void
save_as (SpWindow     *self,
         SpWindowThen  then,
         GFile        *then_file)
{
  GFile *current = sp_case_session_get_file (self->session);
  g_autoptr(GListModel) filters = case_filters (FALSE);
  g_autofree char *name = current ? NULL : default_case_name ();

  sp_file_dialog_save (GTK_WINDOW (self), _("Save Case"), _("_Save"), filters, current, name,
                       on_save_as_chosen, then_new (then, then_file));
}

static void
save_then (SpWindow     *self,
           SpWindowThen  then,
           GFile        *then_file)
{
  GFile *file = sp_case_session_get_file (self->session);

  if (file)
    sp_window_save_to_file_async (self, file, NULL, on_saved_then, then_new (then, then_file));
  else
    save_as (self, then, then_file);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save_then (SP_WINDOW (widget), SP_WINDOW_THEN_NOTHING, NULL);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  save_as (SP_WINDOW (widget), SP_WINDOW_THEN_NOTHING, NULL);
}

/* Unsaved changes */

static void
on_unsaved_response (AdwMessageDialog *dialog,
                     const char       *response,
                     SpWindow         *self)
{
  Then *t = g_object_get_data (G_OBJECT (dialog), "sp-then");

  if (g_str_equal (response, "save"))
    save_then (self, t->then, t->file);
  else if (g_str_equal (response, "discard"))
    {
      sp_case_session_discard_draft (self->session);
      run_then (self, t->then, t->file);
    }
  /* "cancel": nothing happens. */
}

/**
 * sp_window_ask_then:
 * @then: what to do once the current case's changes are dealt with
 * @file: (nullable): the file to open, for %SP_WINDOW_THEN_OPEN_FILE
 *
 * Does @then at once if there are no unsaved changes; otherwise asks
 * Save / Discard / Cancel first. Save continues with @then only after a
 * successful save.
 */
void
sp_window_ask_then (SpWindow     *self,
                    SpWindowThen  then,
                    GFile        *file)
{
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (!sp_case_session_get_modified (self->session))
    {
      run_then (self, then, file);
      return;
    }

  name = sp_case_session_dup_display_name (self->session);
  if (name)
    /* Translators: %s is a case file's name */
    body = g_strdup_printf (_("“%s” has changes that are not saved. Discarded changes cannot be recovered."), name);
  else
    body = g_strdup (_("This assessment has not been saved. Discarded changes cannot be recovered."));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "sp-then", then_new (then, file), (GDestroyNotify) then_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_unsaved_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* New and open */

static void
on_open_chosen (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  SpWindow *self = SP_WINDOW (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = sp_file_dialog_finish (result, &error);

  if (file)
    sp_window_load_file (self, file);
  else if (error)
    sp_window_show_error (self, _("Could Not Open"), error->message);
}

static void
open_chooser (SpWindow *self)
{
  g_autoptr(GListModel) filters = case_filters (TRUE);

  sp_file_dialog_open (GTK_WINDOW (self), _("Open Case"), _("_Open"), filters, on_open_chosen, NULL);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  sp_window_ask_then (SP_WINDOW (widget), SP_WINDOW_THEN_OPEN_CHOOSER, NULL);
}

/* Open Policy: a revision opens in a window of its own, so the case in
 * this one, and the policy it is decided under, are left as they are. */

static void
on_policy_chosen (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  SpWindow *self = SP_WINDOW (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = sp_file_dialog_finish (result, &error);
  g_autoptr(SpPolicy) policy = NULL;
  SpWindow *window;

  if (file == NULL)
    {
      if (error)
        sp_window_show_error (self, _("Could Not Open Policy"), error->message);
      return;
    }
  /* Read here, not in a thread: a policy file is small (the built-in one
   * is 127 KB, the loader refuses large ones) and read in milliseconds. */
  if (!(policy = sp_policy_new_from_file (file, &error)))
    {
      sp_window_show_error (self, _("Could Not Open Policy"), error->message);
      return;
    }
  window = sp_window_new (gtk_window_get_application (GTK_WINDOW (self)), policy);
  gtk_window_present (GTK_WINDOW (window));
}

static void
open_policy_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GListStore *filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) policies = sp_file_filter_new (_("Policy files"), "application/json", ".json");

  g_list_store_append (filters, policies);
  sp_file_dialog_open (GTK_WINDOW (widget), _("Open Policy"), _("_Open"), G_LIST_MODEL (filters),
                       on_policy_chosen, NULL);
  g_object_unref (filters);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  sp_window_ask_then (SP_WINDOW (widget), SP_WINDOW_THEN_NEW, NULL);
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         SpWindow      *self)
{
  GFile *file = NULL;

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = gdk_file_list_get_files (g_value_get_boxed (value));

      /* One case per window: the first file dropped. */
      file = files ? files->data : NULL;
      g_slist_free (files);
    }
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    file = g_value_get_object (value);

  if (file == NULL)
    return FALSE;
  sp_window_ask_then (self, SP_WINDOW_THEN_OPEN_FILE, file);
  return TRUE;
}

/* Drafts */

typedef struct {
  SpDraftStore  *store;
  guint          retention_days;
  GStrv          open_ids;
} ScanData;

static void
scan_data_free (ScanData *scan)
{
  g_clear_object (&scan->store);
  g_strfreev (scan->open_ids);
  g_free (scan);
}

static void
scan_drafts_in_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  ScanData *scan = task_data;
  g_autoptr(GPtrArray) drafts = NULL;
  guint expired;

  expired = sp_draft_store_expire (scan->store, scan->retention_days, NULL);
  if (expired)
    g_debug ("Removed %u drafts older than %u days", expired, scan->retention_days);
  drafts = sp_draft_store_list (scan->store);
  /* Newest first; a draft an open window is writing is not lost work. */
  for (guint i = 0; i < drafts->len; i++)
    {
      SpDraftInfo *info = g_ptr_array_index (drafts, i);

      if (!g_strv_contains ((const char * const *) scan->open_ids, info->id))
        {
          g_task_return_pointer (task, g_ptr_array_steal_index (drafts, i),
                                 (GDestroyNotify) sp_draft_info_free);
          return;
        }
    }
  g_task_return_pointer (task, NULL, NULL);
}

static char *
describe_changed (GDateTime *changed_utc)
{
  g_autoptr(GDateTime) changed = g_date_time_to_local (changed_utc);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *time = g_date_time_format (changed, "%H:%M");
  g_autofree char *date = NULL;
  int y1, m1, d1, y2, m2, d2;

  g_date_time_get_ymd (changed, &y1, &m1, &d1);
  g_date_time_get_ymd (now, &y2, &m2, &d2);
  if (y1 == y2 && m1 == m2 && d1 == d2)
    /* Translators: %s is a time, HH:MM */
    return g_strdup_printf (_("Last changed today at %s."), time);
  date = g_date_time_format (changed, "%e %B %Y");
  g_strstrip (date);
  /* Translators: a date such as "3 March 2026", then a time, HH:MM */
  return g_strdup_printf (_("Last changed on %s at %s."), date, time);
}

static void
delete_draft (SpDraftStore *store,
              const char   *draft_id)
{
  g_autoptr(GError) error = NULL;

  /* One small file: removing it is quicker than a thread. */
  if (!sp_draft_store_remove (store, draft_id, &error))
    g_message ("Could not remove the draft %s: %s", draft_id, error->message);
}

static void
on_restore_response (AdwMessageDialog *dialog,
                     const char       *response,
                     SpWindow         *self)
{
  SpDraftInfo *info = g_object_get_data (G_OBJECT (dialog), "sp-draft");
  SpDraftStore *store = sp_case_session_get_draft_store (self->session);

  if (g_str_equal (response, "restore"))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GFile) saved_as = NULL;
      g_autoptr(SpCase) case_ = sp_draft_store_load (store, self->policy, info->id, &saved_as, &error);
      SpWindow *target = self;

      if (case_ == NULL)
        {
          sp_window_show_error (self, _("Could Not Restore"), error->message);
          return;
        }
      /* Into this window if it holds nothing yet, else beside it. */
      if (!sp_window_is_pristine (self))
        {
          target = sp_window_new (gtk_window_get_application (GTK_WINDOW (self)), self->policy);
          gtk_window_present (GTK_WINDOW (target));
        }
      /* Exactly the facts entered, still unsaved, still belonging to the
       * file it was saved as (if any), still in the same draft. */
      sp_case_session_adopt_draft (target->session, info->id);
      sp_window_show_case (target, case_, saved_as, TRUE);
    }
  else if (g_str_equal (response, "discard"))
    delete_draft (store, info->id);
  /* Closed with Escape: the draft stays, to be offered next time. */
}

static void
on_drafts_scanned (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SpWindow *self = g_task_get_source_object (task);
  g_autoptr(SpDraftInfo) info = g_task_propagate_pointer (G_TASK (result), NULL);
  g_autofree char *when = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (info == NULL || gtk_widget_in_destruction (GTK_WIDGET (self)))
    {
      g_task_return_boolean (task, FALSE);
      return;
    }

  when = describe_changed (info->changed);
  if (info->title && info->title[0])
    /* Translators: %s is the patient's name; then when it was last changed */
    body = g_strdup_printf (_("The assessment of %s was not saved when Spinal Pathways last closed. %s"),
                            info->title, when);
  else
    body = g_strdup_printf (_("An assessment was not saved when Spinal Pathways last closed. %s"), when);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Restore Unsaved Work?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "discard", _("_Discard"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_object_set_data_full (G_OBJECT (dialog), "sp-draft", g_steal_pointer (&info),
                          (GDestroyNotify) sp_draft_info_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_restore_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  g_task_return_boolean (task, TRUE);
}

/**
 * sp_window_offer_restore_async:
 *
 * Removes drafts older than the draft-retention-days setting, then, if
 * a draft remains that no open window is writing, asks (over this window)
 * whether to restore the newest. The drafts folder is read in a worker
 * thread. Restore opens the draft, unsaved, in this window if it is
 * untouched, else in a new one; Discard removes the draft.
 */
void
sp_window_offer_restore_async (SpWindow            *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) scan_task = NULL;
  GtkApplication *app;
  GStrvBuilder *ids = g_strv_builder_new ();
  ScanData *scan;
  GTask *task;

  g_return_if_fail (SP_IS_WINDOW (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sp_window_offer_restore_async);

  if ((app = gtk_window_get_application (GTK_WINDOW (self))))
    for (GList *l = gtk_application_get_windows (app); l; l = l->next)
      if (SP_IS_WINDOW (l->data) && SP_WINDOW (l->data)->session)
        g_strv_builder_add (ids, sp_case_session_get_draft_id (SP_WINDOW (l->data)->session));

  scan = g_new0 (ScanData, 1);
  scan->store = g_object_ref (sp_case_session_get_draft_store (self->session));
  scan->retention_days = self->settings ? sp_settings_get_draft_retention_days (self->settings) : 14;
  scan->open_ids = g_strv_builder_end (ids);
  g_strv_builder_unref (ids);

  scan_task = g_task_new (self, cancellable, on_drafts_scanned, task);
  g_task_set_task_data (scan_task, scan, (GDestroyNotify) scan_data_free);
  g_task_run_in_thread (scan_task, scan_drafts_in_thread);
}

/**
 * sp_window_offer_restore_finish:
 *
 * Returns: whether a draft was offered
 */
gboolean
sp_window_offer_restore_finish (SpWindow      *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The summary: PDF, print, clipboard */

/**
 * sp_window_create_summary:
 * @include_identifiers: whether the summary names the patient and clinician
 *
 * Returns: (transfer full): a summary of the case as it is now
 */
SpSummary *
sp_window_create_summary (SpWindow *self,
                          gboolean  include_identifiers)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);
  /* "Include Appendix" in the menu: without it, the
   * decisions, what is still to record and the facts, for a record that
   * needs no more. */
  return sp_summary_new (self->evaluation,
                         (include_identifiers ? SP_SUMMARY_INCLUDE_IDENTIFIERS : SP_SUMMARY_NONE) |
                         (self->settings == NULL || sp_settings_get_export_include_reasons (self->settings)
                          ? SP_SUMMARY_NONE : SP_SUMMARY_OMIT_REASONS),
                         now, PACKAGE_VERSION);
}

static void
on_pdf_written (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SpWindow *self = g_task_get_source_object (task);
  GFile *file = ((WriteData *) g_task_get_task_data (task))->file;
  GError *error = NULL;

  if (!sp_report_write_pdf_finish (result, &error))
    {
      g_autofree char *body = sp_file_describe_write_error (file, error);

      sp_window_show_error (self, _("Summary Not Exported"), body);
      g_task_return_error (task, error);
      return;
    }
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Summary exported")));
  sp_file_dialog_note_recent (file, "application/pdf");
  g_task_return_boolean (task, TRUE);
}

/**
 * sp_window_export_pdf_async:
 * @file: a local file to write the PDF to
 * @include_identifiers: whether the summary names the patient and clinician
 *
 * Writes the summary of the case as it is now to @file (0600, atomically)
 * in a worker thread. Errors are shown as for saving.
 */
void
sp_window_export_pdf_async (SpWindow            *self,
                            GFile               *file,
                            gboolean             include_identifiers,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(SpSummary) summary = NULL;
  g_autofree char *path = NULL;
  GTask *task;

  g_return_if_fail (SP_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  task = write_task_new (self, file, sp_window_export_pdf_async, cancellable, callback, user_data);

  if (!(path = g_file_get_path (file)))
    {
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                                     _("only local files can be written"));
      g_autofree char *body = sp_file_describe_write_error (file, error);

      sp_window_show_error (self, _("Summary Not Exported"), body);
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  summary = sp_window_create_summary (self, include_identifiers);
  sp_report_write_pdf_async (summary, path, cancellable, on_pdf_written, task);
}

gboolean
sp_window_export_pdf_finish (SpWindow      *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_export_chosen (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  SpWindow *self = SP_WINDOW (source);
  g_autoptr(GError) error = NULL;
  /* Used exactly as chosen: in a sandbox the portal grants that file only. */
  g_autoptr(GFile) file = sp_file_dialog_finish (result, &error);

  if (file)
    sp_window_export_pdf_async (self, file, sp_window_include_identifiers (self), NULL, NULL, NULL);
  else if (error)
    sp_window_show_error (self, _("Summary Not Exported"), error->message);
}

/* Whether identifiers go in is the menu's "Include Patient Identifiers",
 * the same for the PDF, printing and copying: GtkFileDialog has no room
 * for a choice of our own. */
static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SpWindow *self = SP_WINDOW (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *name = g_date_time_format (now, "spinal-pathways-summary-%Y-%m-%d.pdf");
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) pdf = sp_file_filter_new (_("PDF documents"), "application/pdf", ".pdf");

  g_list_store_append (filters, pdf);
  sp_file_dialog_save (GTK_WINDOW (self), _("Export Summary"), _("_Export"), G_LIST_MODEL (filters),
                       NULL, name, on_export_chosen, NULL);
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                SpSummary         *summary)
{
  PangoContext *pango = gtk_print_context_create_pango_context (context);
  SpReportLayout *layout;

  /* Laid out for the page the printer has, in points (set_unit). */
  layout = sp_report_layout_new (summary,
                                 gtk_print_context_get_width (context),
                                 gtk_print_context_get_height (context),
                                 pango);
  g_object_unref (pango);
  g_object_set_data_full (G_OBJECT (operation), "sp-layout", layout, g_object_unref);
  gtk_print_operation_set_n_pages (operation, sp_report_layout_get_n_pages (layout));
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              gpointer           user_data)
{
  SpReportLayout *layout = g_object_get_data (G_OBJECT (operation), "sp-layout");

  sp_report_layout_draw_page (layout, gtk_print_context_get_cairo_context (context), page);
}

/**
 * sp_window_create_print_operation:
 *
 * Returns: (transfer full): a print operation for the summary of the case
 *   as it is now, laid out as the PDF is, on the printer's paper;
 *   identifiers per the export-include-identifiers setting
 */
GtkPrintOperation *
sp_window_create_print_operation (SpWindow *self)
{
  g_autoptr(SpSummary) summary = NULL;
  GtkPrintOperation *operation;

  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);

  summary = sp_window_create_summary (self, sp_window_include_identifiers (self));
  operation = gtk_print_operation_new ();
  /* The layout has its own margins, drawn in points from the page's edge. */
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_job_name (operation, sp_summary_get_title (summary));
  g_signal_connect_data (operation, "begin-print", G_CALLBACK (on_begin_print),
                         g_object_ref (summary), (GClosureNotify) g_object_unref, 0);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), NULL);
  return operation;
}

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               SpWindow                *self)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      sp_window_show_error (self, _("Summary Not Printed"), error ? error->message : "");
    }
  /* The print dialog's job is over. */
  if (g_object_get_data (G_OBJECT (self), "sp-print-operation") == operation)
    g_object_set_data (G_OBJECT (self), "sp-print-operation", NULL);
}

static gboolean
on_preview (GtkPrintOperation        *operation,
            GtkPrintOperationPreview *preview,
            GtkPrintContext          *context,
            GtkWindow                *parent,
            SpWindow                 *self)
{
  SpPrintPreview *window = sp_print_preview_new (GTK_WINDOW (self), operation, preview, context);

  gtk_window_present (GTK_WINDOW (window));
  return TRUE;
}

/* Printing through the dialog, or previewing in a window of our own
 * (SpPrintPreview says why not GTK's external viewer). */
static void
run_print_operation (SpWindow                *self,
                     GtkPrintOperationAction  action)
{
  g_autoptr(GtkPrintOperation) operation = sp_window_create_print_operation (self);
  g_autoptr(GError) error = NULL;

  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done), self, 0);
  if (action == GTK_PRINT_OPERATION_ACTION_PREVIEW)
    g_signal_connect_object (operation, "preview", G_CALLBACK (on_preview), self, 0);
  /* Kept until "done": the dialog runs on after this returns. */
  g_object_set_data_full (G_OBJECT (self), "sp-print-operation", g_object_ref (operation), g_object_unref);
  if (gtk_print_operation_run (operation, action, GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    sp_window_show_error (self, _("Summary Not Printed"), error->message);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  run_print_operation (SP_WINDOW (widget), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG);
}

static void
print_preview_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  run_print_operation (SP_WINDOW (widget), GTK_PRINT_OPERATION_ACTION_PREVIEW);
}

/**
 * sp_window_copy_summary:
 *
 * Puts the summary, as plain text with the decisions first, on the
 * clipboard, with identifiers per the export-include-identifiers setting.
 */
void
sp_window_copy_summary (SpWindow *self)
{
  g_autoptr(SpSummary) summary = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (SP_IS_WINDOW (self));

  summary = sp_window_create_summary (self, sp_window_include_identifiers (self));
  text = sp_summary_to_text (summary);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Summary copied")));
}

static void
copy_summary_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  sp_window_copy_summary (SP_WINDOW (widget));
}

/* Tabs */

/* Tab order follows the layout, and a page shown for the first time has
 * none until the next frame: asked at once, GTK put the focus in the
 * decisions column. The second tick comes after a frame's layout. */
static gboolean
focus_into_page_cb (GtkWidget     *page,
                    GdkFrameClock *clock,
                    gpointer       data)
{
  SpWindow *self = SP_WINDOW (gtk_widget_get_root (page));
  guint *ticks = data;

  if (++*ticks < 2)
    return G_SOURCE_CONTINUE;
  /* Unless the clinician has already moved on, by keyboard or pointer. */
  if (adw_view_stack_get_visible_child (self->stack) == page &&
      gtk_root_get_focus (GTK_ROOT (self)) == NULL)
    gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
  return G_SOURCE_REMOVE;
}

/* Alt+1 … Alt+9 show the policy's pathways in order, as GNOME apps number
 * their tabs, so a clinician using the keyboard alone need not travel
 * through the header bar to change pathway. */
static void
show_pathway_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SpWindow *self = SP_WINDOW (widget);
  const char * const *pathways = sp_policy_get_pathway_ids (self->policy);
  int index = g_variant_get_int32 (parameter);
  GtkWidget *page = NULL;
  GtkWidget *focus;

  if (pathways == NULL || index < 0 || (guint) index >= g_strv_length ((char **) pathways) ||
      !(page = g_hash_table_lookup (self->pages, pathways[index])))
    {
      gtk_widget_error_bell (widget);
      return;
    }
  focus = gtk_root_get_focus (GTK_ROOT (self));
  adw_view_stack_set_visible_child (self->stack, page);
  if (focus && gtk_widget_is_ancestor (focus, page))
    return;

  /* The focus follows into the tab, where it was last on that tab, or at
   * its top: left on the hidden page, keys would go to a question no
   * longer shown, and the next Tab would start again at the header bar.
   * Until it moves, nothing has it. */
  gtk_root_set_focus (GTK_ROOT (self), NULL);
  gtk_widget_add_tick_callback (page, focus_into_page_cb, g_new0 (guint, 1), g_free);
}

/* Setup */

void
sp_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-policy", NULL, open_policy_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.print-preview", NULL, print_preview_action);
  gtk_widget_class_install_action (widget_class, "win.copy-summary", NULL, copy_summary_action);

  /* Their accelerators are the application's (sp-application.c), declared
   * once there, where the menus and the shortcuts window find them. */

  gtk_widget_class_install_action (widget_class, "win.show-pathway", "i", show_pathway_action);
  for (int i = 0; i < 9; i++)
    {
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK, "win.show-pathway", "i", i);
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_1 + i, GDK_ALT_MASK, "win.show-pathway", "i", i);
    }
}

void
sp_window_init_actions (SpWindow *self)
{
  GtkDropTarget *target;
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };

  /* A case file dropped on the window opens in it. */
  target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  /* "Include Patient Identifiers" and "Include Appendix"
   * in the menu are the settings themselves. */
  if (self->settings)
    {
      static const char * const keys[] = { "export-include-identifiers", "export-include-reasons" };
      g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

      for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
        {
          g_autoptr(GAction) action = g_settings_create_action (sp_settings_get_gsettings (self->settings),
                                                                keys[i]);

          g_action_map_add_action (G_ACTION_MAP (group), action);
        }
      gtk_widget_insert_action_group (GTK_WIDGET (self), "settings", G_ACTION_GROUP (group));
    }
}
