/* sp-case-session.c
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>

#include <glib/gstdio.h>

#include "sp-case-session.h"
#include "sp-file-util.h"

#define DEFAULT_AUTOSAVE_DELAY 3

/**
 * SpCaseSession:
 *
 * What a window knows about the case it shows, apart from widgets: the
 * case, the file it was opened from or saved to, whether it has changes not
 * yet saved, and its draft.
 *
 * Every edit marks the session modified and (re)starts a timer; when the
 * clinician pauses for #SpCaseSession:autosave-delay seconds the case is
 * written, in a worker thread, to a draft of its own in the draft store, so
 * a crash loses at most that pause. Saving to a file, or discarding, removes
 * the draft: drafts hold patient data and must not outlive their use.
 */
struct _SpCaseSession
{
  GObject        parent_instance;

  /* owned */
  SpDraftStore  *drafts;
  SpCase        *case_;
  GFile         *file;
  GSignalGroup  *case_signals;
  char          *draft_id;
  guint          autosave_id;
  guint          autosave_delay;
  /* Counts edits, so a save that finishes after further edits leaves the
   * session modified. */
  guint64        serial;
  /* Bumped whenever the draft is retired (saved or discarded), so a draft
   * write still in flight then does not bring it back. */
  guint          draft_epoch;
  gboolean       modified;
};

G_DEFINE_FINAL_TYPE (SpCaseSession, sp_case_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CASE,
  PROP_FILE,
  PROP_MODIFIED,
  PROP_AUTOSAVE_DELAY,
  N_PROPS
};

enum {
  DRAFT_SAVED,
  DRAFT_FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
set_modified (SpCaseSession *self,
              gboolean       modified)
{
  if (self->modified == modified)
    return;
  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
set_file (SpCaseSession *self,
          GFile         *file)
{
  if (self->file == file || (self->file && file && g_file_equal (self->file, file)))
    return;
  g_set_object (&self->file, file);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

typedef struct {
  SpCaseSession *self;
  GApplication  *app;
  guint          epoch;
} DraftWrite;

/* Background work on drafts keeps the application alive until it is
 * done: closing the last window with Discard must still remove the draft,
 * and a draft being written when the app quits must be complete. */
static GApplication *
hold_application (void)
{
  GApplication *app = g_application_get_default ();

  if (app)
    g_application_hold (g_object_ref (app));
  return app;
}

static void
release_application (GApplication *app)
{
  if (app == NULL)
    return;
  g_application_release (app);
  g_object_unref (app);
}

static void
on_stale_draft_deleted (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_file_delete_finish (G_FILE (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_message ("Could not remove the draft %s: %s", g_file_peek_path (G_FILE (source)), error->message);
  release_application (user_data);
}

static void
delete_draft_file (SpCaseSession *self)
{
  g_autoptr(GFile) file = sp_draft_store_get_file (self->drafts, self->draft_id);

  g_file_delete_async (file, G_PRIORITY_DEFAULT, NULL, on_stale_draft_deleted, hold_application ());
}

static void
on_draft_written (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  DraftWrite *write = user_data;
  g_autoptr(SpCaseSession) self = write->self;
  guint epoch = write->epoch;
  g_autoptr(GError) error = NULL;

  release_application (write->app);
  g_free (write);

  if (!sp_file_write_atomically_finish (result, &error))
    {
      /* The next pause in editing tries again, but the clinician must know
       * that a crash now would lose what was typed since the last draft. */
      g_message ("Could not autosave a draft: %s", error->message);
      g_signal_emit (self, signals[DRAFT_FAILED], 0, error->message);
      return;
    }

  /* Saved or discarded while this was being written: the draft must go. */
  if (epoch != self->draft_epoch)
    {
      delete_draft_file (self);
      return;
    }
  g_signal_emit (self, signals[DRAFT_SAVED], 0);
}

/**
 * sp_case_session_autosave_now:
 *
 * Writes the draft now, in the background, rather than after the pause.
 */
void
sp_case_session_autosave_now (SpCaseSession *self)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) file = NULL;
  DraftWrite *write;

  g_return_if_fail (SP_IS_CASE_SESSION (self));

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (self->case_ == NULL || !self->modified)
    return;

  /* One mkdir is cheaper than a thread; it makes the folder 0700 before
   * any patient data is written into it. */
  if (g_mkdir_with_parents (sp_draft_store_get_directory (self->drafts), 0700) != 0)
    {
      int saved_errno = errno;

      g_message ("Could not create the drafts folder %s: %s",
                 sp_draft_store_get_directory (self->drafts), g_strerror (saved_errno));
      g_signal_emit (self, signals[DRAFT_FAILED], 0, g_strerror (saved_errno));
      return;
    }

  /* The case is serialized here, on the main thread, so the worker only
   * ever sees bytes. */
  bytes = sp_draft_store_serialize (self->drafts, self->case_, self->file);
  file = sp_draft_store_get_file (self->drafts, self->draft_id);
  write = g_new0 (DraftWrite, 1);
  write->self = g_object_ref (self);
  write->epoch = self->draft_epoch;
  write->app = hold_application ();
  sp_file_write_atomically_async (file, bytes, NULL, on_draft_written, write);
}

static gboolean
autosave_cb (gpointer data)
{
  SpCaseSession *self = data;

  self->autosave_id = 0;
  sp_case_session_autosave_now (self);
  return G_SOURCE_REMOVE;
}

static void
on_case_changed (SpCaseSession *self)
{
  self->serial++;
  set_modified (self, TRUE);

  /* Debounced: each edit pushes the draft back until the clinician pauses. */
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  self->autosave_id = g_timeout_add_seconds (self->autosave_delay, autosave_cb, self);
}

/**
 * sp_case_session_discard_draft:
 *
 * Removes the draft (in the background) and forgets a pending autosave.
 * The case stays as it is.
 */
void
sp_case_session_discard_draft (SpCaseSession *self)
{
  g_return_if_fail (SP_IS_CASE_SESSION (self));

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  self->draft_epoch++;
  delete_draft_file (self);
}

/**
 * sp_case_session_set_case:
 * @case_: the case now shown
 * @file: (nullable): the file it was read from, if any
 * @modified: whether it holds changes not in @file (a restored draft does)
 *
 * Replaces the case. The caller has already dealt with unsaved changes of
 * the previous one; a pending autosave of it is forgotten.
 */
void
sp_case_session_set_case (SpCaseSession *self,
                          SpCase        *case_,
                          GFile         *file,
                          gboolean       modified)
{
  g_return_if_fail (SP_IS_CASE_SESSION (self));
  g_return_if_fail (SP_IS_CASE (case_));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  self->serial++;
  if (g_set_object (&self->case_, case_))
    {
      g_signal_group_set_target (self->case_signals, case_);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE]);
    }
  set_file (self, file);
  set_modified (self, modified);
}

/**
 * sp_case_session_adopt_draft:
 * @draft_id: a draft in the store
 *
 * Makes @draft_id this session's draft: a restored case keeps writing to
 * the draft it came from, so restoring never leaves a copy behind.
 */
void
sp_case_session_adopt_draft (SpCaseSession *self,
                             const char    *draft_id)
{
  g_return_if_fail (SP_IS_CASE_SESSION (self));
  g_return_if_fail (draft_id != NULL);

  g_free (self->draft_id);
  self->draft_id = g_strdup (draft_id);
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SpCaseSession *self = g_task_get_source_object (task);
  GFile *file = g_task_get_task_data (task);
  guint64 serial = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (task), "sp-serial"));
  GError *error = NULL;

  if (!sp_file_write_atomically_finish (result, &error))
    {
      /* The case stays open and modified; its draft stays too. */
      g_task_return_error (task, error);
      return;
    }

  set_file (self, file);
  if (serial == self->serial)
    {
      set_modified (self, FALSE);
      sp_case_session_discard_draft (self);
    }
  g_task_return_boolean (task, TRUE);
}

/**
 * sp_case_session_save_async:
 * @file: where to save the case
 *
 * Serializes the case now and writes it to @file atomically (0600) in a
 * worker thread. On success the session's file becomes @file, and, unless
 * the case was edited meanwhile, the session is no longer modified and its
 * draft is removed. On failure nothing changes: the case stays modified,
 * the draft stays, and any earlier @file is untouched.
 */
void
sp_case_session_save_async (SpCaseSession       *self,
                            GFile               *file,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GBytes) bytes = NULL;
  GTask *task;

  g_return_if_fail (SP_IS_CASE_SESSION (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sp_case_session_save_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_object_set_data (G_OBJECT (task), "sp-serial", GSIZE_TO_POINTER ((gsize) self->serial));

  bytes = sp_case_serialize (self->case_);
  sp_file_write_atomically_async (file, bytes, cancellable, on_saved, task);
}

gboolean
sp_case_session_save_finish (SpCaseSession  *self,
                             GAsyncResult   *result,
                             GError        **error)
{
  g_return_val_if_fail (SP_IS_CASE_SESSION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
sp_case_session_dispose (GObject *object)
{
  SpCaseSession *self = SP_CASE_SESSION (object);

  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (self->case_signals)
    g_signal_group_set_target (self->case_signals, NULL);
  g_clear_object (&self->case_signals);
  g_clear_object (&self->case_);
  g_clear_object (&self->file);
  g_clear_object (&self->drafts);

  G_OBJECT_CLASS (sp_case_session_parent_class)->dispose (object);
}

static void
sp_case_session_finalize (GObject *object)
{
  SpCaseSession *self = SP_CASE_SESSION (object);

  g_free (self->draft_id);

  G_OBJECT_CLASS (sp_case_session_parent_class)->finalize (object);
}

static void
sp_case_session_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SpCaseSession *self = SP_CASE_SESSION (object);

  switch (prop_id)
    {
    case PROP_CASE:
      g_value_set_object (value, self->case_);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    case PROP_AUTOSAVE_DELAY:
      g_value_set_uint (value, self->autosave_delay);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_case_session_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SpCaseSession *self = SP_CASE_SESSION (object);

  switch (prop_id)
    {
    case PROP_AUTOSAVE_DELAY:
      sp_case_session_set_autosave_delay (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_case_session_class_init (SpCaseSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sp_case_session_dispose;
  object_class->finalize = sp_case_session_finalize;
  object_class->get_property = sp_case_session_get_property;
  object_class->set_property = sp_case_session_set_property;

  /**
   * SpCaseSession:case:
   *
   * The case shown.
   */
  properties[PROP_CASE] =
    g_param_spec_object ("case", NULL, NULL, SP_TYPE_CASE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SpCaseSession:file:
   *
   * The case file the case was opened from or last saved to, or %NULL.
   */
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SpCaseSession:modified:
   *
   * Whether the case has changes not saved to #SpCaseSession:file.
   */
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * SpCaseSession:autosave-delay:
   *
   * Seconds of quiet after an edit before the draft is written.
   */
  properties[PROP_AUTOSAVE_DELAY] =
    g_param_spec_uint ("autosave-delay", NULL, NULL, 1, 3600, DEFAULT_AUTOSAVE_DELAY,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SpCaseSession::draft-saved:
   *
   * Emitted when a draft has been written in full.
   */
  signals[DRAFT_SAVED] =
    g_signal_new ("draft-saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * SpCaseSession::draft-failed:
   * @message: what went wrong
   *
   * Emitted when a draft could not be written (a full disk, say): the work
   * since the last draft is then not protected against a crash.
   */
  signals[DRAFT_FAILED] =
    g_signal_new ("draft-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
sp_case_session_init (SpCaseSession *self)
{
  self->autosave_delay = DEFAULT_AUTOSAVE_DELAY;
  /* One draft per session, never reused: two windows never share one. */
  self->draft_id = g_uuid_string_random ();
  self->case_signals = g_signal_group_new (SP_TYPE_CASE);
  g_signal_group_connect_swapped (self->case_signals, "fact-changed", G_CALLBACK (on_case_changed), self);
  /* The identity (patient, clinician, notes) is properties, not facts. */
  g_signal_group_connect_swapped (self->case_signals, "notify", G_CALLBACK (on_case_changed), self);
}

/**
 * sp_case_session_new:
 * @drafts: where drafts go
 *
 * Returns: (transfer full): a session with no case yet
 */
SpCaseSession *
sp_case_session_new (SpDraftStore *drafts)
{
  SpCaseSession *self;

  g_return_val_if_fail (SP_IS_DRAFT_STORE (drafts), NULL);

  self = g_object_new (SP_TYPE_CASE_SESSION, NULL);
  self->drafts = g_object_ref (drafts);
  return self;
}

SpDraftStore *
sp_case_session_get_draft_store (SpCaseSession *self)
{
  g_return_val_if_fail (SP_IS_CASE_SESSION (self), NULL);
  return self->drafts;
}

SpCase *
sp_case_session_get_case (SpCaseSession *self)
{
  g_return_val_if_fail (SP_IS_CASE_SESSION (self), NULL);
  return self->case_;
}

/**
 * sp_case_session_get_file:
 *
 * Returns: (transfer none) (nullable): the case file, if the case has one
 */
GFile *
sp_case_session_get_file (SpCaseSession *self)
{
  g_return_val_if_fail (SP_IS_CASE_SESSION (self), NULL);
  return self->file;
}

gboolean
sp_case_session_get_modified (SpCaseSession *self)
{
  g_return_val_if_fail (SP_IS_CASE_SESSION (self), FALSE);
  return self->modified;
}

const char *
sp_case_session_get_draft_id (SpCaseSession *self)
{
  g_return_val_if_fail (SP_IS_CASE_SESSION (self), NULL);
  return self->draft_id;
}

/**
 * sp_case_session_dup_display_name:
 *
 * Returns: (transfer full) (nullable): the case file's name for display,
 *   or %NULL for a case never saved
 */
char *
sp_case_session_dup_display_name (SpCaseSession *self)
{
  g_autofree char *basename = NULL;

  g_return_val_if_fail (SP_IS_CASE_SESSION (self), NULL);

  if (self->file == NULL)
    return NULL;
  /* No query_info (that would block on a remote file): the basename as
   * the user would type it is what GNOME Text Editor shows too. */
  basename = g_file_get_basename (self->file);
  return g_filename_display_name (basename);
}

guint
sp_case_session_get_autosave_delay (SpCaseSession *self)
{
  g_return_val_if_fail (SP_IS_CASE_SESSION (self), 0);
  return self->autosave_delay;
}

void
sp_case_session_set_autosave_delay (SpCaseSession *self,
                                    guint          seconds)
{
  g_return_if_fail (SP_IS_CASE_SESSION (self));

  seconds = MAX (seconds, 1);
  if (self->autosave_delay == seconds)
    return;
  self->autosave_delay = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTOSAVE_DELAY]);
}
