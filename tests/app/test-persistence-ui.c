/* test-persistence-ui.c: case files, unsaved changes, drafts and the
 * summary, through the window
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sys/stat.h>

#include <glib/gstdio.h>

#include "sp-core-private.h"
#include "sp-help-window.h"
#include "sp-notes-group.h"
#include "sp-print-preview.h"
#include "sp-report.h"
#include "sp-test-util.h"
#include "sp-window-private.h"
#include "../sp-test-threads.h"

static SpApplication *app;
static char *tmp_dir;
static GSettings *settings;

/* Helpers */

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static guint
file_mode (const char *path)
{
  struct stat st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static GFile *
draft_file (SpWindow *win)
{
  SpCaseSession *session = sp_window_get_session (win);

  return sp_draft_store_get_file (sp_case_session_get_draft_store (session),
                                  sp_case_session_get_draft_id (session));
}

static gboolean
file_exists (gpointer data)
{
  return g_file_query_exists (G_FILE (data), NULL);
}

static gboolean
file_missing (gpointer data)
{
  return !g_file_query_exists (G_FILE (data), NULL);
}

static gboolean
save (SpWindow  *win,
      GFile     *file,
      GError   **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  sp_window_save_to_file_async (win, file, NULL, sp_test_store_result, &result);
  sp_test_wait_result (&result, 10000);
  return sp_window_save_to_file_finish (win, result, error);
}

static gboolean
window_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* Tests */

static void
test_round_trip (void)
{
  SpWindow *win = sp_test_make_window (app, 1280, 800);
  SpWindow *reopened;
  g_autofree char *path = tmp_path ("Alex round trip.spcase");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) draft = draft_file (win);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 started;
  mode_t old_umask;

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (win)), ==, "Spinal Pathways");
  g_assert_false (sp_case_session_get_modified (sp_window_get_session (win)));

  sp_test_fill_every_type (win);
  g_assert_true (sp_case_session_get_modified (sp_window_get_session (win)));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (win)), ==, "• Spinal Pathways");
  g_assert_false (sp_window_is_pristine (win));

  /* The draft is written after the pause; saving removes it. */
  g_assert_true (sp_test_wait_until (file_exists, draft, 5000));

  /* 0600 even when the umask would allow everyone to read it. */
  old_umask = umask (0);
  started = g_get_monotonic_time ();
  g_assert_true (save (win, file, &error));
  g_test_message ("saved in %.1f ms (main loop free meanwhile)", (g_get_monotonic_time () - started) / 1000.0);
  umask (old_umask);
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (path), ==, 0600);
  g_assert_false (sp_case_session_get_modified (sp_window_get_session (win)));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (win)), ==, "Alex round trip.spcase — Spinal Pathways");
  g_assert_true (sp_test_wait_until (file_missing, draft, 5000));

  /* Reopened in a new window: the same facts, byte for byte. */
  before = sp_test_case_text (sp_window_get_case (win));
  reopened = sp_test_make_window (app, 1280, 800);
  g_assert_true (sp_test_open_file (reopened, file));
  sp_test_wait_ms (20);
  g_assert_null (sp_test_find_dialog (GTK_WINDOW (reopened)));
  after = sp_test_case_text (sp_window_get_case (reopened));
  g_assert_cmpstr (after, ==, before);
  g_assert_nonnull (strstr (after, "Alex Example"));
  g_assert_nonnull (strstr (after, "2024-02-29"));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (reopened)), ==, "Alex round trip.spcase — Spinal Pathways");
  g_assert_false (sp_case_session_get_modified (sp_window_get_session (reopened)));

  /* An edit marks it again; Save (Ctrl+S) goes to the same file. */
  sp_test_set_choice (reopened, "lumbar_condition", "non_specific");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (reopened)), ==, "• Alex round trip.spcase — Spinal Pathways");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (reopened), "win.save", NULL));
  {
    gpointer session = sp_window_get_session (reopened);

    for (int i = 0; i < 500 && sp_case_session_get_modified (session); i++)
      sp_test_wait_ms (10);
  }
  g_assert_false (sp_case_session_get_modified (sp_window_get_session (reopened)));
  {
    g_autofree char *saved = read_text (path);

    g_assert_nonnull (strstr (saved, "non_specific"));
  }

  /* Narrow, the header shows the name and the mark. */
  {
    SpWindow *narrow = sp_test_make_window (app, 360, 720);

    g_assert_true (sp_test_open_file (narrow, file));
    sp_test_set_bool (narrow, "red_flag_objective_weakness", SP_TRI_STATE_YES);
    sp_test_wait_ms (150);
    sp_test_save_png (GTK_WIDGET (narrow), "title-narrow-unsaved.png");
    g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (narrow)), ==, "• Alex round trip.spcase — Spinal Pathways");
    sp_case_session_discard_draft (sp_window_get_session (narrow));
    sp_test_destroy_window (narrow);
  }

  g_unlink (path);
  sp_test_destroy_window (reopened);
  sp_test_destroy_window (win);
}

static void
test_save_failures (void)
{
  SpWindow *win = sp_test_make_window (app, 1280, 800);
  g_autofree char *gone_dir = tmp_path ("gone");
  g_autofree char *gone_path = g_build_filename (gone_dir, "case.spcase", NULL);
  g_autofree char *path = tmp_path ("full-disk.spcase");
  g_autoptr(GFile) gone = g_file_new_for_path (gone_path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *old_contents = NULL;
  g_autofree char *now_contents = NULL;
  AdwMessageDialog *dialog;

  sp_test_fill_every_type (win);

  /* A folder that vanished (a USB stick pulled out). */
  g_assert_cmpint (g_mkdir (gone_dir, 0700), ==, 0);
  g_assert_cmpint (g_rmdir (gone_dir), ==, 0);
  g_assert_false (save (win, gone, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  dialog = sp_test_wait_dialog (GTK_WINDOW (win), 1000);
  g_assert_nonnull (dialog);
  g_test_message ("error dialog: %s", adw_message_dialog_get_body (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "case.spcase"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "no longer exists"));
  sp_test_save_png (GTK_WIDGET (dialog), "dialog-save-error.png");
  sp_test_respond (dialog, "close");
  g_assert_true (sp_case_session_get_modified (sp_window_get_session (win)));
  g_assert_null (sp_case_session_get_file (sp_window_get_session (win)));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (win)), ==, "• Spinal Pathways");

  /* A full disk: the earlier file stays byte-identical. */
  g_assert_true (save (win, file, &error));
  g_assert_no_error (error);
  old_contents = read_text (path);
  sp_test_set_choice (win, "lumbar_condition", "non_specific");
  sp_file_fail_writes_for_testing (16);
  g_assert_false (save (win, file, &error));
  sp_file_fail_writes_for_testing (0);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  dialog = sp_test_wait_dialog (GTK_WINDOW (win), 1000);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "full-disk.spcase"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "disk is full"));
  sp_test_respond (dialog, "close");
  now_contents = read_text (path);
  g_assert_cmpstr (now_contents, ==, old_contents);
  g_assert_true (sp_case_session_get_modified (sp_window_get_session (win)));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (win)), ==, "• full-disk.spcase — Spinal Pathways");
  g_assert_cmpstr (sp_case_get_choice (sp_window_get_case (win), "lumbar_condition"), ==, "non_specific");

  /* Closing, choosing Save, and the save failing: the window stays. */
  sp_file_fail_writes_for_testing (16);
  gtk_window_close (GTK_WINDOW (win));
  dialog = sp_test_wait_dialog (GTK_WINDOW (win), 1000);
  g_assert_nonnull (dialog);
  sp_test_respond (dialog, "save");
  dialog = sp_test_wait_dialog (GTK_WINDOW (win), 5000);
  sp_file_fail_writes_for_testing (0);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "disk is full"));
  sp_test_respond (dialog, "close");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (win)));
  g_assert_true (sp_case_session_get_modified (sp_window_get_session (win)));

  sp_case_session_discard_draft (sp_window_get_session (win));
  g_unlink (path);
  sp_test_destroy_window (win);
}

static void
test_open_bad_file (void)
{
  SpWindow *win = sp_test_make_window (app, 1280, 800);
  g_autofree char *bad_path = tmp_path ("misspelt.spcase");
  g_autofree char *text_path = tmp_path ("notes.spcase");
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GFile) not_case = g_file_new_for_path (text_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  SpCase *case_;
  AdwMessageDialog *dialog;

  g_file_set_contents (bad_path, "{ \"format\": \"spinal-pathways-case\", \"format_version\": 1,"
                                 " \"facts\": { \"lumbar_conditon\": \"sciatica\" } }", -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (text_path, "Dear colleague,\n", -1, &error);
  g_assert_no_error (error);

  sp_test_fill_every_type (win);
  case_ = sp_window_get_case (win);
  before = sp_test_case_text (case_);

  /* (The actions ask about unsaved changes first; this is the reading
   * that follows.) A bad file leaves the case as it was, unsaved. */
  sp_window_load_file (win, bad);
  dialog = sp_test_wait_dialog (GTK_WINDOW (win), 5000);
  g_assert_nonnull (dialog);
  g_test_message ("open error: %s", adw_message_dialog_get_body (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "misspelt.spcase"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "lumbar_conditon"));
  sp_test_respond (dialog, "close");
  g_assert_true (sp_window_get_case (win) == case_);
  after = sp_test_case_text (sp_window_get_case (win));
  g_assert_cmpstr (after, ==, before);
  g_assert_true (sp_case_session_get_modified (sp_window_get_session (win)));

  sp_window_load_file (win, not_case);
  dialog = sp_test_wait_dialog (GTK_WINDOW (win), 5000);
  g_assert_nonnull (dialog);
  g_test_message ("open error: %s", adw_message_dialog_get_body (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "notes.spcase"));
  sp_test_respond (dialog, "close");
  g_clear_pointer (&after, g_free);
  after = sp_test_case_text (sp_window_get_case (win));
  g_assert_cmpstr (after, ==, before);

  sp_case_session_discard_draft (sp_window_get_session (win));
  g_unlink (bad_path);
  g_unlink (text_path);
  sp_test_destroy_window (win);
}

static void
test_unsaved_changes (void)
{
  SpWindow *win = sp_test_make_window (app, 1280, 800);
  gpointer weak = win;
  g_autoptr(GFile) draft = draft_file (win);
  AdwMessageDialog *dialog;
  SpCase *edited;

  /* Untouched: closing asks nothing. New with no changes asks nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "win.new", NULL));
  sp_test_wait_ms (20);
  g_assert_null (sp_test_find_dialog (GTK_WINDOW (win)));

  sp_test_fill_every_type (win);
  edited = sp_window_get_case (win);
  g_assert_true (sp_test_wait_until (file_exists, draft, 5000));

  /* Close: Save / Discard / Cancel. */
  gtk_window_close (GTK_WINDOW (win));
  dialog = sp_test_wait_dialog (GTK_WINDOW (win), 1000);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes?");
  g_assert_true (adw_message_dialog_has_response (dialog, "save"));
  g_assert_true (adw_message_dialog_has_response (dialog, "discard"));
  g_assert_true (adw_message_dialog_has_response (dialog, "cancel"));
  g_assert_cmpstr (adw_message_dialog_get_close_response (dialog), ==, "cancel");
  sp_test_wait_ms (100);
  sp_test_save_png (GTK_WIDGET (dialog), "dialog-save-discard-cancel.png");

  /* Cancel: nothing changes. */
  sp_test_respond (dialog, "cancel");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (win)));
  g_assert_true (sp_window_get_case (win) == edited);
  g_assert_true (sp_case_session_get_modified (sp_window_get_session (win)));
  g_assert_true (g_file_query_exists (draft, NULL));

  /* New asks too; Cancel keeps the case. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "win.new", NULL));
  dialog = sp_test_wait_dialog (GTK_WINDOW (win), 1000);
  g_assert_nonnull (dialog);
  sp_test_respond (dialog, "cancel");
  g_assert_true (sp_window_get_case (win) == edited);

  /* Discard on close: the window goes, and so does the draft. */
  g_object_add_weak_pointer (G_OBJECT (win), &weak);
  gtk_window_close (GTK_WINDOW (win));
  dialog = sp_test_wait_dialog (GTK_WINDOW (win), 1000);
  g_assert_nonnull (dialog);
  sp_test_respond (dialog, "discard");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (win)));
  g_assert_true (sp_test_wait_until (file_missing, draft, 5000));
  g_object_unref (win);
  g_assert_true (sp_test_wait_until (window_gone, &weak, 2000));
}

static void
test_unsaved_new_and_save (void)
{
  SpWindow *win = sp_test_make_window (app, 1280, 800);
  g_autofree char *path = tmp_path ("saved-on-close.spcase");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  gpointer weak = win;

  /* New, Discard: a new, untouched case. */
  sp_test_fill_every_type (win);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "win.new", NULL));
  dialog = sp_test_wait_dialog (GTK_WINDOW (win), 1000);
  g_assert_nonnull (dialog);
  sp_test_respond (dialog, "discard");
  g_assert_cmpuint (sp_case_get_n_recorded (sp_window_get_case (win)), ==, 0);
  g_assert_true (sp_window_is_pristine (win));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (win)), ==, "Spinal Pathways");

  /* Saved once, edited, closed: Save writes the file, then closes. */
  sp_test_set_choice (win, "lumbar_condition", "sciatica");
  g_assert_true (save (win, file, &error));
  sp_test_set_choice (win, "lumbar_condition", "non_specific");
  g_object_add_weak_pointer (G_OBJECT (win), &weak);
  gtk_window_close (GTK_WINDOW (win));
  dialog = sp_test_wait_dialog (GTK_WINDOW (win), 1000);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "saved-on-close.spcase"));
  sp_test_respond (dialog, "save");
  {
    for (int i = 0; i < 500 && gtk_widget_get_visible (GTK_WIDGET (win)); i++)
      sp_test_wait_ms (10);
  }
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (win)));
  {
    g_autofree char *saved = read_text (path);

    g_assert_nonnull (strstr (saved, "non_specific"));
  }
  g_object_unref (win);
  g_assert_true (sp_test_wait_until (window_gone, &weak, 2000));
  g_unlink (path);
}

static void
test_autosave (void)
{
  SpWindow *win;
  g_autoptr(GFile) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpCase) loaded = NULL;
  g_autoptr(GFile) saved_as = NULL;
  g_autofree char *draft_path = NULL;
  g_autofree char *drafts_dir = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;
  gint64 last_edit;
  SpCaseSession *session;

  g_settings_set_int (settings, "autosave-delay-seconds", 2);
  win = sp_test_make_window (app, 1280, 800);
  session = sp_window_get_session (win);
  g_assert_cmpuint (sp_case_session_get_autosave_delay (session), ==, 2);
  draft = draft_file (win);
  draft_path = g_file_get_path (draft);
  drafts_dir = g_path_get_dirname (draft_path);

  /* Debounced: nothing is written while the clinician keeps typing. Each
   * check counts only when the edits really were closer together than the
   * delay: under a sanitizer one edit can take longer than that. */
  sp_test_fill_every_type (win);
  last_edit = g_get_monotonic_time ();
  for (int i = 0; i < 4; i++)
    {
      gint64 previous_edit = last_edit;

      sp_test_set_number (win, "eq5d_vas", 41 + i);
      last_edit = g_get_monotonic_time ();
      /* g_timeout_add_seconds (2) fires 1.75–2.75 s after the edit. */
      sp_test_wait_ms (400);
      if (g_get_monotonic_time () - previous_edit < 1500 * G_TIME_SPAN_MILLISECOND)
        g_assert_false (g_file_query_exists (draft, NULL));
      else
        g_test_message ("edit %d took too long to test the debounce on this machine", i);
    }
  g_assert_true (sp_test_wait_until (file_exists, draft, 15000));
  g_test_message ("draft written %.2f s after the last edit (delay 2 s)",
                  (g_get_monotonic_time () - last_edit) / (double) G_USEC_PER_SEC);
  sp_test_wait_ms (100);

  g_assert_cmpuint (file_mode (draft_path), ==, 0600);
  g_assert_cmpuint (file_mode (drafts_dir), ==, 0700);
  loaded = sp_draft_store_load (sp_case_session_get_draft_store (session), sp_window_get_policy (win),
                                sp_case_session_get_draft_id (session), &saved_as, &error);
  g_assert_no_error (error);
  g_assert_null (saved_as);
  expected = sp_test_case_text (sp_window_get_case (win));
  got = sp_test_case_text (loaded);
  g_assert_cmpstr (got, ==, expected);

  /* The identity alone is an edit too. */
  g_assert_cmpint (g_unlink (draft_path), ==, 0);
  sp_case_set_notes (sp_window_get_case (win), "Seen with an interpreter.");
  g_assert_true (sp_test_wait_until (file_exists, draft, 5000));
  {
    g_autofree char *text = read_text (draft_path);

    g_assert_nonnull (strstr (text, "Seen with an interpreter."));
  }

  /* A case saved once, then edited: the draft remembers its file, and
   * restoring it (after the window went without asking, as in a crash)
   * brings back the file too, still unsaved. */
  {
    g_autofree char *path = tmp_path ("remembered.spcase");
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GFile) remembered = NULL;
    g_autoptr(SpCase) reloaded = NULL;
    AdwMessageDialog *dialog;
    SpWindow *next;

    g_assert_true (save (win, file, &error));
    g_assert_true (sp_test_wait_until (file_missing, draft, 5000));
    sp_test_set_choice (win, "lumbar_condition", "non_specific");
    g_assert_true (sp_test_wait_until (file_exists, draft, 5000));
    sp_test_wait_ms (100);
    reloaded = sp_draft_store_load (sp_case_session_get_draft_store (session), sp_window_get_policy (win),
                                    sp_case_session_get_draft_id (session), &remembered, &error);
    g_assert_no_error (error);
    g_assert_nonnull (remembered);
    g_assert_true (g_file_equal (remembered, file));
    g_clear_pointer (&expected, g_free);
    expected = sp_test_case_text (sp_window_get_case (win));
    sp_test_destroy_window (win);

    next = sp_test_make_window (app, 1280, 800);
    sp_window_offer_restore_async (next, NULL, sp_test_store_result, &result);
    sp_test_wait_result (&result, 5000);
    g_assert_true (sp_window_offer_restore_finish (next, result, NULL));
    g_clear_object (&result);
    dialog = sp_test_wait_dialog (GTK_WINDOW (next), 1000);
    g_assert_nonnull (dialog);
    sp_test_respond (dialog, "restore");
    g_clear_pointer (&got, g_free);
    got = sp_test_case_text (sp_window_get_case (next));
    g_assert_cmpstr (got, ==, expected);
    g_assert_true (g_file_equal (sp_case_session_get_file (sp_window_get_session (next)), file));
    g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (next)), ==, "• remembered.spcase — Spinal Pathways");

    g_settings_reset (settings, "autosave-delay-seconds");
    sp_case_session_discard_draft (sp_window_get_session (next));
    g_assert_true (sp_test_wait_until (file_missing, draft, 5000));
    g_unlink (path);
    sp_test_destroy_window (next);
  }
}

static void
write_old_draft (SpDraftStore *store,
                 const char   *id,
                 const char   *changed)
{
  g_autoptr(GFile) file = sp_draft_store_get_file (store, id);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *text = g_strdup_printf ("{ \"format\": \"spinal-pathways-draft\", \"format_version\": 1,"
                                           " \"changed\": \"%s\", \"saved_as\": null,"
                                           " \"case\": { \"format\": \"spinal-pathways-case\", \"format_version\": 1,"
                                           " \"patient\": { \"name\": \"Old Patient\" },"
                                           " \"facts\": { \"lumbar_condition\": \"sciatica\" } } }", changed);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (sp_draft_store_get_directory (store), 0700);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static void
test_expiry_and_restore (void)
{
  SpWindow *win = sp_test_make_window (app, 1280, 800);
  SpDraftStore *store = sp_case_session_get_draft_store (sp_window_get_session (win));
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) recent_time = g_date_time_add_days (now, -2);
  g_autoptr(GDateTime) old_time = g_date_time_add_days (now, -20);
  g_autofree char *recent_iso = g_date_time_format_iso8601 (recent_time);
  g_autofree char *old_iso = g_date_time_format_iso8601 (old_time);
  g_autoptr(GFile) old_file = sp_draft_store_get_file (store, "old-draft");
  g_autoptr(GFile) recent_file = sp_draft_store_get_file (store, "recent-draft");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  /* 20 days old with a 14-day retention: removed. 2 days old: offered. */
  g_settings_set_int (settings, "draft-retention-days", 14);
  write_old_draft (store, "old-draft", old_iso);
  write_old_draft (store, "recent-draft", recent_iso);

  sp_window_offer_restore_async (win, NULL, sp_test_store_result, &result);
  sp_test_wait_result (&result, 5000);
  g_assert_true (sp_window_offer_restore_finish (win, result, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_query_exists (old_file, NULL));
  g_assert_true (g_file_query_exists (recent_file, NULL));

  dialog = sp_test_wait_dialog (GTK_WINDOW (win), 1000);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Restore Unsaved Work?");
  g_test_message ("restore dialog: %s", adw_message_dialog_get_body (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Old Patient"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Last changed on"));

  /* Restore into the untouched window: unsaved, the draft adopted. */
  sp_test_respond (dialog, "restore");
  g_assert_cmpstr (sp_case_get_choice (sp_window_get_case (win), "lumbar_condition"), ==, "sciatica");
  g_assert_cmpstr (sp_case_get_patient_name (sp_window_get_case (win)), ==, "Old Patient");
  g_assert_true (sp_case_session_get_modified (sp_window_get_session (win)));
  g_assert_cmpstr (sp_case_session_get_draft_id (sp_window_get_session (win)), ==, "recent-draft");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (win)), ==, "• Spinal Pathways");

  /* Not offered again: an open window's draft is not lost work. */
  g_clear_object (&result);
  sp_window_offer_restore_async (win, NULL, sp_test_store_result, &result);
  sp_test_wait_result (&result, 5000);
  g_assert_false (sp_window_offer_restore_finish (win, result, NULL));

  /* Discard on the restored case removes the draft. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "win.new", NULL));
  dialog = sp_test_wait_dialog (GTK_WINDOW (win), 1000);
  g_assert_nonnull (dialog);
  sp_test_respond (dialog, "discard");
  g_assert_true (sp_test_wait_until (file_missing, recent_file, 5000));

  /* A window with work of its own: the draft opens beside it. */
  write_old_draft (store, "beside-draft", recent_iso);
  sp_test_set_choice (win, "lumbar_condition", "non_specific");
  g_clear_object (&result);
  sp_window_offer_restore_async (win, NULL, sp_test_store_result, &result);
  sp_test_wait_result (&result, 5000);
  g_assert_true (sp_window_offer_restore_finish (win, result, NULL));
  dialog = sp_test_wait_dialog (GTK_WINDOW (win), 1000);
  g_assert_nonnull (dialog);
  sp_test_respond (dialog, "restore");
  g_assert_cmpstr (sp_case_get_choice (sp_window_get_case (win), "lumbar_condition"), ==, "non_specific");
  {
    SpWindow *beside = NULL;

    for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
      if (l->data != (gpointer) win && SP_IS_WINDOW (l->data))
        beside = l->data;
    g_assert_nonnull (beside);
    g_assert_cmpstr (sp_case_get_patient_name (sp_window_get_case (beside)), ==, "Old Patient");
    g_assert_cmpstr (sp_case_session_get_draft_id (sp_window_get_session (beside)), ==, "beside-draft");
    sp_case_session_discard_draft (sp_window_get_session (beside));
    g_object_ref (beside);
    sp_test_destroy_window (beside);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "win.new", NULL));
  dialog = sp_test_wait_dialog (GTK_WINDOW (win), 1000);
  g_assert_nonnull (dialog);
  sp_test_respond (dialog, "discard");

  /* Discard in the restore dialog removes the draft too. */
  write_old_draft (store, "another-draft", recent_iso);
  g_clear_object (&result);
  sp_window_offer_restore_async (win, NULL, sp_test_store_result, &result);
  sp_test_wait_result (&result, 5000);
  g_assert_true (sp_window_offer_restore_finish (win, result, NULL));
  dialog = sp_test_wait_dialog (GTK_WINDOW (win), 1000);
  g_assert_nonnull (dialog);
  sp_test_respond (dialog, "discard");
  {
    g_autoptr(GFile) another = sp_draft_store_get_file (store, "another-draft");

    g_assert_false (g_file_query_exists (another, NULL));
  }
  g_assert_true (sp_window_is_pristine (win));

  g_settings_reset (settings, "draft-retention-days");
  g_clear_object (&result);  /* it holds the window */
  sp_test_destroy_window (win);
}

static void
on_text_read (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  char **text = user_data;
  g_autoptr(GError) error = NULL;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  g_assert_no_error (error);
}

static gboolean
text_read (gpointer data)
{
  return *(char **) data != NULL;
}

static char *
copy_and_read (SpWindow *win)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (win));
  char *text = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "win.copy-summary", NULL));
  gdk_clipboard_read_text_async (clipboard, NULL, on_text_read, &text);
  g_assert_true (sp_test_wait_until (text_read, &text, 5000));
  return text;
}

static void
test_copy_summary (void)
{
  SpWindow *win = sp_test_make_window (app, 1280, 800);
  SpEvaluation *evaluation = sp_window_get_evaluation (win);
  SpPolicy *policy = sp_window_get_policy (win);
  g_autofree char *with = NULL;
  g_autofree char *without = NULL;
  g_autofree char *folded = NULL;

  sp_test_fill_every_type (win);

  g_settings_set_boolean (settings, "export-include-identifiers", TRUE);
  with = copy_and_read (win);
  g_assert_true (g_str_has_prefix (with, SP_SUMMARY_TITLE));
  g_assert_nonnull (strstr (with, "Alex Example"));
  g_assert_nonnull (strstr (with, "943 476 5919"));
  folded = g_utf8_casefold (with, -1);
  for (guint i = 0; i < sp_policy_get_n_decisions (policy); i++)
    {
      const char *id = sp_decision_rule_get_id (sp_policy_get_decision (policy, i));
      SpDecision *decision = sp_evaluation_lookup_decision (evaluation, id);
      g_autofree char *label = g_utf8_casefold (sp_status_get_label (sp_decision_get_status (decision)), -1);

      g_assert_nonnull (strstr (folded, label));
    }

  /* The menu toggle is the setting. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "settings.export-include-identifiers", NULL));
  g_assert_false (g_settings_get_boolean (settings, "export-include-identifiers"));
  without = copy_and_read (win);
  g_assert_true (g_str_has_prefix (without, SP_SUMMARY_TITLE));
  g_assert_null (strstr (without, "Alex Example"));
  g_assert_null (strstr (without, "943 476 5919"));
  g_assert_null (strstr (without, "9434765919"));

  /* So is "Include Appendix": off, the copy keeps the decisions and says
   * the reasons, policy text and facts were left out. */
  g_assert_nonnull (strstr (with, "\nAPPENDIX: REASONS AND POLICY TEXT\n"));
  g_assert_nonnull (strstr (with, "\nFACTS RECORDED\n"));
  g_assert_true (g_settings_get_boolean (settings, "export-include-reasons"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "settings.export-include-reasons", NULL));
  g_assert_false (g_settings_get_boolean (settings, "export-include-reasons"));
  {
    g_autofree char *short_copy = copy_and_read (win);

    g_assert_null (strstr (short_copy, "\nAPPENDIX: REASONS AND POLICY TEXT\n"));
    g_assert_null (strstr (short_copy, "\nFACTS RECORDED\n"));
    g_assert_nonnull (strstr (short_copy, SP_SUMMARY_REASONS_OMITTED));
    g_assert_nonnull (strstr (short_copy, "\nDECISIONS\n"));
    g_assert_cmpuint (strlen (short_copy), <, strlen (without));
  }

  g_settings_reset (settings, "export-include-identifiers");
  g_settings_reset (settings, "export-include-reasons");
  sp_case_session_discard_draft (sp_window_get_session (win));
  sp_test_destroy_window (win);
}

static char *
pdf_text (const char *path)
{
  g_autofree char *quoted = g_shell_quote (path);
  g_autofree char *command = g_strdup_printf ("pdftotext -enc UTF-8 %s -", quoted);
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_spawn_command_line_sync (command, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static guint
pdf_pages (const char *path)
{
  g_autofree char *quoted = g_shell_quote (path);
  g_autofree char *command = g_strdup_printf ("pdfinfo %s", quoted);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *pages;
  int status;

  g_spawn_command_line_sync (command, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  pages = strstr (out, "Pages:");
  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
}

static gboolean
have_poppler_utils (void)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");

  return pdftotext != NULL && pdfinfo != NULL;
}

static void
test_export_pdf (void)
{
  SpWindow *win;
  g_autofree char *path = tmp_path ("summary.pdf");
  g_autofree char *anonymous_path = tmp_path ("summary-anonymous.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) anonymous = g_file_new_for_path (anonymous_path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *anonymous_text = NULL;
  mode_t old_umask;

  if (!have_poppler_utils ())
    {
      g_test_skip ("poppler-utils (pdftotext, pdfinfo) not installed");
      return;
    }

  win = sp_test_make_window (app, 1280, 800);
  sp_test_fill_every_type (win);

  old_umask = umask (0);
  sp_window_export_pdf_async (win, file, TRUE, NULL, sp_test_store_result, &result);
  sp_test_wait_result (&result, 20000);
  umask (old_umask);
  g_assert_true (sp_window_export_pdf_finish (win, result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (path), ==, 0600);
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, sp_policy_get_version (sp_window_get_policy (win))));
  g_assert_nonnull (strstr (text, "Alex Example"));

  g_clear_object (&result);
  sp_window_export_pdf_async (win, anonymous, FALSE, NULL, sp_test_store_result, &result);
  sp_test_wait_result (&result, 20000);
  g_assert_true (sp_window_export_pdf_finish (win, result, &error));
  anonymous_text = pdf_text (anonymous_path);
  g_assert_nonnull (strstr (anonymous_text, sp_policy_get_version (sp_window_get_policy (win))));
  g_assert_null (strstr (anonymous_text, "Alex Example"));

  /* A folder that is not there: the error dialog, as for saving. */
  {
    g_autofree char *nowhere_path = tmp_path ("no-such-folder/summary.pdf");
    g_autoptr(GFile) nowhere = g_file_new_for_path (nowhere_path);
    AdwMessageDialog *dialog;

    g_clear_object (&result);
    sp_window_export_pdf_async (win, nowhere, TRUE, NULL, sp_test_store_result, &result);
    sp_test_wait_result (&result, 20000);
    g_assert_false (sp_window_export_pdf_finish (win, result, &error));
    g_assert_nonnull (error);
    dialog = sp_test_wait_dialog (GTK_WINDOW (win), 1000);
    g_assert_nonnull (dialog);
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "summary.pdf"));
    sp_test_respond (dialog, "close");
  }

  g_unlink (path);
  g_unlink (anonymous_path);
  sp_case_session_discard_draft (sp_window_get_session (win));
  g_clear_object (&result);  /* it holds the window */
  sp_test_destroy_window (win);
}

static void
test_print (void)
{
  SpWindow *win;
  g_autofree char *path = tmp_path ("printed.pdf");
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  SpReportLayout *layout;
  GtkPrintOperationResult result;

  if (!have_poppler_utils ())
    {
      g_test_skip ("poppler-utils (pdftotext, pdfinfo) not installed");
      return;
    }

  win = sp_test_make_window (app, 1280, 800);
  sp_test_fill_every_type (win);

  operation = sp_window_create_print_operation (win);
  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, GTK_WINDOW (win), &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  layout = g_object_get_data (G_OBJECT (operation), "sp-layout");
  g_assert_nonnull (layout);
  g_test_message ("printed %u pages", sp_report_layout_get_n_pages (layout));
  g_assert_cmpuint (sp_report_layout_get_n_pages (layout), >=, 2);
  g_assert_cmpuint (pdf_pages (path), ==, sp_report_layout_get_n_pages (layout));
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, sp_policy_get_version (sp_window_get_policy (win))));

  g_unlink (path);
  sp_case_session_discard_draft (sp_window_get_session (win));
  g_clear_object (&operation);
  sp_test_destroy_window (win);
}

static gboolean
find_print_preview (gpointer data)
{
  SpPrintPreview **found = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (SP_IS_PRINT_PREVIEW (window) && gtk_widget_get_mapped (window) &&
          sp_print_preview_get_n_pages (SP_PRINT_PREVIEW (window)) > 0)
        {
          *found = SP_PRINT_PREVIEW (window);
          return TRUE;
        }
    }
  return FALSE;
}

/* The preview shows the pages the printer would get, drawn in the app (no
 * external viewer, no temporary copy of the summary). */
static void
test_print_preview (void)
{
  SpWindow *win = sp_test_make_window (app, 1280, 800);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  SpPrintPreview *preview = NULL;
  SpReportLayout *layout;
  guint expected_pages;

  sp_test_fill_every_type (win);

  /* As many pages as printing gives. */
  operation = sp_window_create_print_operation (win);
  {
    g_autofree char *path = tmp_path ("preview-count.pdf");

    gtk_print_operation_set_export_filename (operation, path);
    g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, GTK_WINDOW (win), &error),
                     ==, GTK_PRINT_OPERATION_RESULT_APPLY);
    g_assert_no_error (error);
    g_unlink (path);
  }
  layout = g_object_get_data (G_OBJECT (operation), "sp-layout");
  expected_pages = sp_report_layout_get_n_pages (layout);
  g_assert_cmpuint (expected_pages, >=, 2);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "win.print-preview", NULL));
  g_assert_true (sp_test_wait_until (find_print_preview, &preview, 20000));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (preview)) == GTK_WINDOW (win));
  g_assert_cmpuint (sp_print_preview_get_n_pages (preview), ==, expected_pages);
  sp_test_wait_ms (300);
  sp_test_save_png (GTK_WIDGET (preview), "print-preview.png");

  gtk_window_close (GTK_WINDOW (preview));
  sp_test_wait_ms (200);
  sp_case_session_discard_draft (sp_window_get_session (win));
  sp_test_destroy_window (win);
}

/* Notes typed in the window go into the case, are saved and opened again,
 * and appear in the summary; notes longer than a case file may hold are
 * kept as typed, with an error, and not put in the case. */
static void
test_notes (void)
{
  SpWindow *win = sp_test_make_window (app, 1280, 800);
  SpWindow *reopened;
  GtkWidget *view = sp_notes_group_get_view (SP_NOTES_GROUP (sp_window_get_notes_group (win)));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  const char *notes = "Seen with daughter.\nPrefers to avoid surgery; review in 6 weeks.";
  g_autofree char *path = tmp_path ("notes.spcase");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SpSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *too_long = NULL;
  GtkTextIter start, end;

  g_assert_true (gtk_widget_get_mapped (view));
  gtk_text_buffer_set_text (buffer, notes, -1);
  g_assert_cmpstr (sp_case_get_notes (sp_window_get_case (win)), ==, notes);
  g_assert_true (sp_case_session_get_modified (sp_window_get_session (win)));
  sp_test_wait_ms (100);
  g_assert_true (sp_test_focus_fact (win, "assessment_date"));
  gtk_widget_grab_focus (view);
  sp_test_wait_ms (200);
  sp_test_save_png (sp_window_get_notes_group (win), "notes.png");

  summary = sp_window_create_summary (win, FALSE);
  text = sp_summary_to_text (summary);
  g_assert_nonnull (strstr (text, "Prefers to avoid surgery"));

  g_assert_true (save (win, file, &error));
  g_assert_no_error (error);
  reopened = sp_test_make_window (app, 1280, 800);
  g_assert_true (sp_test_open_file (reopened, file));
  {
    GtkWidget *other = sp_notes_group_get_view (SP_NOTES_GROUP (sp_window_get_notes_group (reopened)));
    GtkTextBuffer *shown = gtk_text_view_get_buffer (GTK_TEXT_VIEW (other));
    g_autofree char *shown_text = NULL;

    gtk_text_buffer_get_bounds (shown, &start, &end);
    shown_text = gtk_text_buffer_get_text (shown, &start, &end, FALSE);
    g_assert_cmpstr (shown_text, ==, notes);
    g_assert_cmpstr (sp_case_get_notes (sp_window_get_case (reopened)), ==, notes);
  }
  sp_test_destroy_window (reopened);

  too_long = g_strnfill (SP_CASE_MAX_NOTES_CHARACTERS + 1, 'x');
  gtk_text_buffer_set_text (buffer, too_long, -1);
  g_assert_true (sp_case_get_notes (sp_window_get_case (win)) == NULL ||
                 strlen (sp_case_get_notes (sp_window_get_case (win))) <= SP_CASE_MAX_NOTES_CHARACTERS);
  g_assert_true (gtk_widget_has_css_class (view, "error"));
  gtk_text_buffer_get_end_iter (buffer, &end);
  start = end;
  gtk_text_iter_backward_char (&start);
  gtk_text_buffer_delete (buffer, &start, &end);
  g_assert_false (gtk_widget_has_css_class (view, "error"));
  g_assert_cmpuint (strlen (sp_case_get_notes (sp_window_get_case (win))), ==, SP_CASE_MAX_NOTES_CHARACTERS);

  g_unlink (path);
  sp_case_session_discard_draft (sp_window_get_session (win));
  sp_test_destroy_window (win);
}

static gboolean
find_help_window (gpointer data)
{
  SpHelpWindow **found = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (SP_IS_HELP_WINDOW (window) && gtk_widget_get_mapped (window))
        {
          *found = SP_HELP_WINDOW (window);
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), text))
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (has_label (c, text))
      return TRUE;
  return FALSE;
}

/* F1 without Yelp (as here, and in the Flatpak) shows the help pages in
 * the app: every page, read from the same Mallard files Yelp would show. */
static void
test_help (void)
{
  SpWindow *win = sp_test_make_window (app, 1280, 800);
  SpHelpWindow *help = NULL;

  g_assert_true (g_getenv ("SP_HELP_IN_APP") != NULL);
  g_action_group_activate_action (G_ACTION_GROUP (app), "help", NULL);
  g_assert_true (sp_test_wait_until (find_help_window, &help, 10000));
  g_assert_cmpuint (sp_help_window_get_n_pages (help), ==, 7);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (help)) == GTK_WINDOW (win));
  g_assert_true (has_label (GTK_WIDGET (help), "Spinal Pathways Help"));
  g_assert_true (has_label (GTK_WIDGET (help), "Reading the decisions"));
  g_assert_true (has_label (GTK_WIDGET (help), "Red flags and urgent referral"));
  /* A key sequence reads as keys joined by "+". */
  g_assert_true (has_label (GTK_WIDGET (help), "Ctrl+R"));
  /* Nothing from <info> (descriptions, credits) is shown as text. */
  g_assert_false (has_label (GTK_WIDGET (help), "Spinal Pathways developers"));
  sp_test_wait_ms (200);
  sp_test_save_png (GTK_WIDGET (help), "help-window.png");
  gtk_window_close (GTK_WINDOW (help));
  sp_test_wait_ms (100);
  sp_test_destroy_window (win);
}

static void
test_default_setting (void)
{
  SpWindow *win;

  g_settings_set_string (settings, "default-setting", "primary_care");
  win = sp_test_make_window (app, 1280, 800);
  g_assert_cmpstr (sp_case_get_choice (sp_window_get_case (win), "setting"), ==, "primary_care");
  /* A default, not an edit. */
  g_assert_false (sp_case_session_get_modified (sp_window_get_session (win)));
  g_assert_true (sp_window_is_pristine (win));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (win)), ==, "Spinal Pathways");
  sp_test_destroy_window (win);

  g_settings_set_string (settings, "default-setting", "none");
  win = sp_test_make_window (app, 1280, 800);
  g_assert_false (sp_case_is_recorded (sp_window_get_case (win), "setting"));
#ifdef DEVELOPMENT_BUILD
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (win), "devel"));
#else
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (win), "devel"));
#endif
  sp_test_destroy_window (win);
  g_settings_reset (settings, "default-setting");
}

static void
test_drop_file (void)
{
  SpWindow *win = sp_test_make_window (app, 1280, 800);
  g_autofree char *path = tmp_path ("dropped.spcase");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GListModel) controllers = NULL;
  g_autoptr(GError) error = NULL;
  GtkDropTarget *target = NULL;
  AdwMessageDialog *dialog;
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  g_file_set_contents (path, "{ \"format\": \"spinal-pathways-case\", \"format_version\": 1,"
                             " \"facts\": { \"lumbar_condition\": \"sciatica\" } }", -1, &error);
  g_assert_no_error (error);

  controllers = gtk_widget_observe_controllers (GTK_WIDGET (win));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);

  /* What GTK hands the drop target for a file from Files. */
  g_value_init (&value, G_TYPE_FILE);
  g_value_set_object (&value, file);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  g_assert_true (accepted);
  for (int i = 0; i < 500 && sp_case_session_get_file (sp_window_get_session (win)) == NULL; i++)
    sp_test_wait_ms (10);
  g_assert_cmpstr (sp_case_get_choice (sp_window_get_case (win), "lumbar_condition"), ==, "sciatica");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (win)), ==, "dropped.spcase — Spinal Pathways");

  /* Dropped on unsaved changes: asked first; Cancel keeps them, Discard
   * opens the file. */
  sp_test_set_choice (win, "lumbar_condition", "non_specific");
  g_value_init (&value, G_TYPE_FILE);
  g_value_set_object (&value, file);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  dialog = sp_test_wait_dialog (GTK_WINDOW (win), 1000);
  g_assert_nonnull (dialog);
  sp_test_respond (dialog, "cancel");
  g_assert_cmpstr (sp_case_get_choice (sp_window_get_case (win), "lumbar_condition"), ==, "non_specific");
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  dialog = sp_test_wait_dialog (GTK_WINDOW (win), 1000);
  g_assert_nonnull (dialog);
  sp_test_respond (dialog, "discard");
  for (int i = 0; i < 500 && sp_case_session_get_modified (sp_window_get_session (win)); i++)
    sp_test_wait_ms (10);
  g_assert_cmpstr (sp_case_get_choice (sp_window_get_case (win), "lumbar_condition"), ==, "sciatica");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (win)), ==, "dropped.spcase — Spinal Pathways");

  g_unlink (path);
  sp_test_destroy_window (win);
}

static GtkWidget *
find_menu_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_menu_button (child);

      if (found)
        return found;
    }
  return NULL;
}

static void
test_shortcuts (void)
{
  const char *actions[][2] = {
    { "win.new", "<Control>n" },
    { "win.open", "<Control>o" },
    { "win.save", "<Control>s" },
    { "win.save-as", "<Shift><Control>s" },
    { "win.export-pdf", "<Control>e" },
    { "win.print", "<Control>p" },
    { "win.copy-summary", "<Shift><Control>c" },
    { "app.help", "F1" },
    { "window.close", "<Control>w" },
  };
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_BASE "/ui/sp-shortcuts-window.ui");
  g_autoptr(GString) listed = g_string_new (NULL);
  GSList *objects = gtk_builder_get_objects (builder);

  for (GSList *l = objects; l; l = l->next)
    if (GTK_IS_SHORTCUTS_SHORTCUT (l->data))
      {
        g_autofree char *action = NULL;

        g_object_get (l->data, "action-name", &action, NULL);
        g_string_append_printf (listed, "%s\n", action ? action : "");
      }
  g_slist_free (objects);

  /* As the window shows it (Ctrl+?). */
  {
    SpWindow *win = sp_test_make_window (app, 1280, 800);
    GtkShortcutsWindow *overlay;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "win.show-help-overlay", NULL));
    overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (win));
    g_assert_nonnull (overlay);
    sp_test_wait_ms (200);
    sp_test_save_png (GTK_WIDGET (overlay), "shortcuts-window.png");
    gtk_window_close (GTK_WINDOW (overlay));
    g_assert_true (sp_test_wait_until (sp_test_widget_unmapped, overlay, 10000));

    /* The primary menu holds the same actions. */
    {
      GtkWidget *button = find_menu_button (GTK_WIDGET (win));
      GtkPopover *popover;

      g_assert_nonnull (button);
      sp_test_popup (GTK_MENU_BUTTON (button));
      popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (popover)));
      sp_test_save_png (GTK_WIDGET (popover), "primary-menu.png");
      sp_test_popdown (popover);
    }
    sp_test_destroy_window (win);
  }

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), actions[i][0]);
      g_autofree char *line = g_strdup_printf ("%s\n", actions[i][0]);

      g_assert_nonnull (accels);
      g_assert_cmpstr (accels[0], ==, actions[i][1]);
      g_assert_nonnull (strstr (listed->str, line));
    }
}

static gboolean
draft_failing (gpointer data)
{
  return ((SpWindow *) data)->draft_failing;
}

static gboolean
draft_written_again (gpointer data)
{
  return !((SpWindow *) data)->draft_failing;
}

/* A draft that cannot be written (a full disk) is not silent: the window
 * warns once, and stops warning when a draft is written again. */
static void
test_autosave_failure_warns (void)
{
  SpWindow *win;
  SpCaseSession *session;

  g_settings_set_int (settings, "autosave-delay-seconds", 1);
  win = sp_test_make_window (app, 1280, 800);
  session = sp_window_get_session (win);

  sp_file_fail_writes_for_testing (10);
  sp_test_fill_every_type (win);
  sp_case_session_autosave_now (session);
  g_assert_true (sp_test_wait_until (draft_failing, win, 5000));
  sp_file_fail_writes_for_testing (0);

  sp_test_set_number (win, "eq5d_vas", 55);
  sp_case_session_autosave_now (session);
  g_assert_true (sp_test_wait_until (draft_written_again, win, 5000));

  sp_case_session_discard_draft (session);
  sp_test_destroy_window (win);
  g_settings_reset (settings, "autosave-delay-seconds");
}

/* A revision of the policy, as a commissioner drafts one: the built-in
 * file with another version, written to the temporary folder. */
static SpPolicy *
make_revised_policy (const char *name)
{
  SpPolicy *built_in = sp_application_get_policy (app);
  g_autofree char *source = g_build_filename (g_getenv ("SP_SOURCE_DIR"), "data", "policy",
                                              "spinal-interventions.json", NULL);
  g_autofree char *text = read_text (source);
  g_autofree char *old_version = g_strdup_printf ("\"version\": \"%s\"", sp_policy_get_version (built_in));
  g_autofree char *new_version = g_strdup_printf ("\"version\": \"%s test revision\"",
                                                  sp_policy_get_version (built_in));
  g_autoptr(GString) revised = g_string_new (text);
  g_autofree char *path = tmp_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  SpPolicy *policy;

  g_assert_cmpuint (g_string_replace (revised, old_version, new_version, 0), ==, 1);
  g_assert_true (g_file_set_contents (path, revised->str, revised->len, &error));
  policy = sp_policy_new_from_file (file, &error);
  g_assert_no_error (error);
  g_assert_false (sp_policy_is_built_in (policy));
  return policy;
}

static char *
banner_text (SpWindow *win)
{
  GString *text = g_string_new (NULL);

  sp_test_collect_text (sp_window_get_policy_banner (win), text);
  return g_string_free (text, FALSE);
}

/* A window deciding under a revision says so on every tab, with the
 * policy's version, SHA-256 and file; a case saved under another policy
 * says so until it is saved again; the summary marks the revision. */
static void
test_policy_banner (void)
{
  SpPolicy *built_in = sp_application_get_policy (app);
  g_autoptr(SpPolicy) revised = make_revised_policy ("revised policy.json");
  g_autofree char *revised_sha = g_strndup (sp_policy_get_sha256 (revised), 12);
  g_autofree char *built_in_sha = g_strndup (sp_policy_get_sha256 (built_in), 12);
  g_autofree char *path = tmp_path ("under two policies.spcase");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  SpWindow *win = sp_test_make_window (app, 1280, 800);
  SpWindow *under_revision;
  g_autofree char *text = NULL;

  /* The built-in policy needs no banner. */
  g_assert_false (sp_test_revealed (sp_window_get_policy_banner (win)));
  sp_test_set_choice (win, "lumbar_condition", "sciatica");
  g_assert_true (save (win, file, &error));
  g_assert_no_error (error);
  g_assert_false (sp_test_revealed (sp_window_get_policy_banner (win)));

  under_revision = sp_test_make_window_with_policy (app, revised, 1280, 800);
  g_assert_true (sp_test_revealed (sp_window_get_policy_banner (under_revision)));
  text = banner_text (under_revision);
  g_assert_nonnull (strstr (text, "test revision"));
  g_assert_nonnull (strstr (text, revised_sha));
  g_assert_nonnull (strstr (text, "revised policy.json"));
  g_assert_nonnull (strstr (text, "not the policy built into"));
  g_assert_null (strstr (text, "saved under"));

  /* The case saved under the built-in policy, opened under the revision. */
  g_assert_true (sp_test_open_file (under_revision, file));
  sp_test_wait_ms (50);
  g_clear_pointer (&text, g_free);
  text = banner_text (under_revision);
  g_assert_nonnull (strstr (text, "not the policy built into"));
  g_assert_nonnull (strstr (text, "saved under another policy"));
  g_assert_nonnull (strstr (text, built_in_sha));
  g_assert_nonnull (strstr (text, sp_policy_get_version (built_in)));
  /* Every tab shows it: it is above the tabs' stack, not in a page. */
  g_assert_true (gtk_widget_is_ancestor (sp_window_get_policy_banner (under_revision),
                                         GTK_WIDGET (under_revision)));
  g_assert_false (gtk_widget_is_ancestor (sp_window_get_policy_banner (under_revision),
                                          GTK_WIDGET (under_revision->stack)));
  sp_test_save_png (GTK_WIDGET (under_revision), "policy-banner.png");

  {
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    g_autoptr(SpSummary) summary = sp_summary_new (sp_window_get_evaluation (under_revision),
                                                   SP_SUMMARY_NONE, now, PACKAGE_VERSION);
    g_autofree char *wrapped = sp_summary_to_text (summary);
    /* Read as one line: the text summary wraps its long lines. */
    g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);
    g_autofree char *summary_text = g_regex_replace_literal (space, wrapped, -1, 0, " ", 0, NULL);

    g_assert_nonnull (strstr (summary_text, "test revision"));
    g_assert_nonnull (strstr (summary_text, "(from revised policy.json; not the built-in policy)"));
    g_assert_null (strstr (summary_text, tmp_dir));
  }

  /* Saved again under the revision, the file names it, and the second line goes. */
  g_assert_true (save (under_revision, file, &error));
  g_assert_no_error (error);
  g_clear_pointer (&text, g_free);
  text = banner_text (under_revision);
  g_assert_null (strstr (text, "saved under"));
  g_assert_nonnull (strstr (text, "not the policy built into"));
  {
    g_autofree char *saved = read_text (path);

    g_assert_nonnull (strstr (saved, sp_policy_get_sha256 (revised)));
  }

  /* And back under the built-in policy, that window says so in its turn. */
  g_assert_true (sp_test_open_file (win, file));
  sp_test_wait_ms (50);
  g_assert_true (sp_test_revealed (sp_window_get_policy_banner (win)));
  g_clear_pointer (&text, g_free);
  text = banner_text (win);
  g_assert_nonnull (strstr (text, "saved under another policy"));
  g_assert_nonnull (strstr (text, revised_sha));
  g_assert_null (strstr (text, "not the policy built into"));

  g_unlink (path);
  sp_test_destroy_window (under_revision);
  sp_test_destroy_window (win);
}

#if !GTK_CHECK_VERSION (4, 10, 0)
/* GTK 4.8's GtkFileChooserNative shows GtkFileChooserDialog when there is
 * no portal, as here: the test answers it as a clinician would. (From
 * 4.10 the app uses GtkFileDialog, which a test cannot drive.) */
static gboolean
find_file_chooser (gpointer data)
{
  GtkWidget **found = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER_DIALOG (window) && gtk_widget_get_mapped (window))
        {
          *found = window;
          return TRUE;
        }
    }
  return FALSE;
}

static GtkWidget *
wait_for_file_chooser (void)
{
  GtkWidget *chooser = NULL;

  g_assert_true (sp_test_wait_until (find_file_chooser, &chooser, 10000));
  sp_test_wait_ms (200);
  return chooser;
}

/* Types @typed into the chooser in the temporary folder and accepts. */
static void
answer_file_chooser (GtkWidget  *chooser,
                     const char *typed)
{
  g_autoptr(GFile) folder = g_file_new_for_path (tmp_dir);
  g_autoptr(GError) error = NULL;

  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, &error);
  g_assert_no_error (error);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), typed);
  sp_test_wait_ms (100);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
}

static void
assert_recent (GFile      *file,
               const char *mime_type)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(GError) error = NULL;
  GtkRecentInfo *info = gtk_recent_manager_lookup_item (gtk_recent_manager_get_default (), uri, &error);

  g_assert_no_error (error);
  g_assert_nonnull (info);
  g_assert_cmpstr (gtk_recent_info_get_mime_type (info), ==, mime_type);
  gtk_recent_info_unref (info);
}

/* The suggested name carries the extension; the name the dialog returns is
 * used as it is (in a sandbox the portal grants that file only), and the
 * file joins the recent files. */
static void
test_file_dialogs (void)
{
  SpWindow *win = sp_test_make_window (app, 1280, 800);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *case_name = g_date_time_format (now, "assessment-%Y-%m-%d.spcase");
  g_autofree char *pdf_name = g_date_time_format (now, "spinal-pathways-summary-%Y-%m-%d.pdf");
  g_autofree char *case_path = tmp_path ("typed without extension");
  g_autofree char *pdf_path = tmp_path ("summary typed bare");
  g_autofree char *case_with_suffix = tmp_path ("typed without extension.spcase");
  g_autofree char *pdf_with_suffix = tmp_path ("summary typed bare.pdf");
  g_autoptr(GFile) case_file = g_file_new_for_path (case_path);
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf_path);
  g_autofree char *contents = NULL;
  GtkFileFilter *filter;
  GtkWidget *chooser;

  sp_test_set_bool (win, "red_flag_cauda_equina", FALSE);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "win.save-as", NULL));
  chooser = wait_for_file_chooser ();
  {
    /* (transfer full) in GTK 4 */
    g_autofree char *suggested_case_name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));

    g_assert_cmpstr (suggested_case_name, ==, case_name);
  }
  filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
  g_assert_nonnull (filter);
  g_assert_cmpstr (gtk_file_filter_get_name (filter), ==, "Case files");
  answer_file_chooser (chooser, "typed without extension");
  g_assert_true (sp_test_wait_until (file_exists, case_file, 10000));
  g_assert_false (g_file_test (case_with_suffix, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_equal (sp_case_session_get_file (sp_window_get_session (win)), case_file));
  g_assert_true (g_file_get_contents (case_path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "{"));
  assert_recent (case_file, "application/x-spinal-pathways-case");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "win.export-pdf", NULL));
  chooser = wait_for_file_chooser ();
  {
    /* (transfer full) in GTK 4 */
    g_autofree char *suggested_pdf_name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));

    g_assert_cmpstr (suggested_pdf_name, ==, pdf_name);
  }
  filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
  g_assert_nonnull (filter);
  g_assert_cmpstr (gtk_file_filter_get_name (filter), ==, "PDF documents");
  answer_file_chooser (chooser, "summary typed bare");
  g_assert_true (sp_test_wait_until (file_exists, pdf_file, 20000));
  sp_test_wait_ms (500);
  g_assert_false (g_file_test (pdf_with_suffix, G_FILE_TEST_EXISTS));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (pdf_path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  assert_recent (pdf_file, "application/pdf");

  sp_case_session_discard_draft (sp_window_get_session (win));
  sp_test_destroy_window (win);
}
/* Open Policy…: a bad file is refused naming the file and member, and
 * nothing changes; a good one opens a window of its own under it. */
static void
test_open_policy (void)
{
  SpWindow *win = sp_test_make_window (app, 1280, 800);
  g_autoptr(SpPolicy) revised = make_revised_policy ("chosen revision.json");
  g_autofree char *bad_path = tmp_path ("broken policy.json");
  g_autofree char *good_path = tmp_path ("chosen revision.json");
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GFile) good = g_file_new_for_path (good_path);
  g_autoptr(GError) error = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();
  SpWindow *opened = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *chooser;
  guint n_windows;

  g_assert_true (g_file_set_contents (bad_path, "{\"id\": \"x\", \"id\": \"y\"}", -1, &error));
  sp_test_set_choice (win, "lumbar_condition", "sciatica");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "win.open-policy", NULL));
  chooser = wait_for_file_chooser ();
  gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), bad, &error);
  g_assert_no_error (error);
  sp_test_wait_ms (100);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  dialog = sp_test_wait_dialog (GTK_WINDOW (win), 5000);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Open Policy");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "broken policy.json"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "policy.json: id: this member appears twice"));
  sp_test_respond (dialog, "close");
  g_assert_true (sp_window_get_policy (win) == sp_application_get_policy (app));
  g_assert_cmpstr (sp_case_get_choice (sp_window_get_case (win), "lumbar_condition"), ==, "sciatica");

  n_windows = g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "win.open-policy", NULL));
  chooser = wait_for_file_chooser ();
  gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), good, &error);
  g_assert_no_error (error);
  sp_test_wait_ms (100);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  sp_test_wait_ms (300);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, n_windows + 1);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (SP_IS_WINDOW (window) &&
          g_strcmp0 (sp_policy_get_sha256 (sp_window_get_policy (SP_WINDOW (window))),
                     sp_policy_get_sha256 (revised)) == 0)
        opened = SP_WINDOW (window);
    }
  g_assert_nonnull (opened);
  g_assert_true (sp_test_revealed (sp_window_get_policy_banner (opened)));
  /* The first window is as it was. */
  g_assert_cmpstr (sp_case_get_choice (sp_window_get_case (win), "lumbar_condition"), ==, "sciatica");
  g_assert_false (sp_test_revealed (sp_window_get_policy_banner (win)));

  g_object_ref (opened);
  sp_test_destroy_window (opened);
  sp_test_destroy_window (win);
  g_unlink (bad_path);
  g_unlink (good_path);
}
#endif

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *drafts = NULL;
  int status;

  tmp_dir = g_dir_make_tmp ("sp-persistence-XXXXXX", &error);
  g_assert_no_error (error);
  drafts = g_build_filename (tmp_dir, "drafts", NULL);
  g_setenv ("SP_DRAFTS_DIR", drafts, TRUE);
  /* Never start Yelp from a test. */
  g_setenv ("SP_HELP_IN_APP", "1", TRUE);

  sp_test_init (&argc, &argv);
  settings = g_settings_new (APP_ID);
  /* Short pauses for the tests that wait for a draft. */
  g_settings_set_int (settings, "autosave-delay-seconds", 1);

  app = sp_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (sp_application_get_policy (app));
  /* The accelerators are set at startup. */
  g_assert_true (g_application_get_is_registered (G_APPLICATION (app)));

  g_test_add_func ("/app/persistence/round-trip", test_round_trip);
  g_test_add_func ("/app/persistence/save-failures", test_save_failures);
  g_test_add_func ("/app/persistence/open-bad-file", test_open_bad_file);
  g_test_add_func ("/app/persistence/unsaved-changes", test_unsaved_changes);
  g_test_add_func ("/app/persistence/unsaved-new-and-save", test_unsaved_new_and_save);
  g_test_add_func ("/app/persistence/autosave-failure-warns", test_autosave_failure_warns);
  g_test_add_func ("/app/persistence/autosave", test_autosave);
  g_test_add_func ("/app/persistence/expiry-and-restore", test_expiry_and_restore);
  g_test_add_func ("/app/persistence/copy-summary", test_copy_summary);
  g_test_add_func ("/app/persistence/export-pdf", test_export_pdf);
  g_test_add_func ("/app/persistence/print", test_print);
  g_test_add_func ("/app/persistence/print-preview", test_print_preview);
  g_test_add_func ("/app/persistence/notes", test_notes);
  g_test_add_func ("/app/persistence/help", test_help);
  g_test_add_func ("/app/persistence/default-setting", test_default_setting);
  g_test_add_func ("/app/persistence/drop-file", test_drop_file);
  g_test_add_func ("/app/persistence/shortcuts", test_shortcuts);
  g_test_add_func ("/app/persistence/policy-banner", test_policy_banner);
#if !GTK_CHECK_VERSION (4, 10, 0)
  g_test_add_func ("/app/persistence/file-dialogs", test_file_dialogs);
  g_test_add_func ("/app/persistence/open-policy", test_open_policy);
#endif

  status = g_test_run ();
  sp_test_settle_threads ();
  g_clear_object (&app);
  g_clear_object (&settings);
  {
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", tmp_dir);

    /* The folder held only test files; leave nothing behind. */
    (void) !system (command);
  }
  g_free (tmp_dir);
  return status;
}
