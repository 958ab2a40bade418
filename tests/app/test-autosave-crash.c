/* test-autosave-crash.c: what was typed before a crash comes back
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "sp-test-util.h"
#include "../sp-test-threads.h"

static SpApplication *app;
static char *tmp_dir;

static void
test_crash_and_restore (void)
{
  const char *helper = g_getenv ("SP_CRASH_HELPER");
  g_autofree char *expected_path = g_build_filename (tmp_dir, "entered.spcase", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *restored = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(SpDraftStore) store = sp_application_create_draft_store ();
  const char *child_argv[] = { helper, expected_path, NULL };
  AdwMessageDialog *dialog;
  SpWindow *win;
  int wait_status = 0;

  g_assert_nonnull (helper);

  /* The helper inherits SP_DRAFTS_DIR, the display and the settings
   * backend; it dies by SIGKILL once its draft is on disk. */
  g_spawn_sync (NULL, (char **) child_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFSIGNALED (wait_status));
  g_assert_cmpint (WTERMSIG (wait_status), ==, SIGKILL);

  g_file_get_contents (expected_path, &expected, NULL, &error);
  g_assert_no_error (error);
  drafts = sp_draft_store_list (store);
  g_assert_cmpuint (drafts->len, ==, 1);

  /* The next start: the first window offers the draft. */
  win = sp_test_make_window (app, 1280, 800);
  sp_window_offer_restore_async (win, NULL, sp_test_store_result, &result);
  sp_test_wait_result (&result, 5000);
  g_assert_true (sp_window_offer_restore_finish (win, result, &error));
  g_assert_no_error (error);
  dialog = sp_test_wait_dialog (GTK_WINDOW (win), 1000);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Restore Unsaved Work?");
  g_test_message ("restore dialog: %s", adw_message_dialog_get_body (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Alex Example"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Last changed today at "));
  sp_test_wait_ms (100);
  sp_test_save_png (GTK_WIDGET (dialog), "dialog-restore.png");
  sp_test_respond (dialog, "restore");

  /* Exactly the facts entered, marked unsaved. */
  restored = sp_test_case_text (sp_window_get_case (win));
  g_assert_cmpstr (restored, ==, expected);
  g_assert_true (sp_case_session_get_modified (sp_window_get_session (win)));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (win)), ==, "• Spinal Pathways");
  g_assert_cmpstr (sp_case_get_choice (sp_window_get_case (win), "lumbar_condition"), ==, "sciatica");
  sp_test_wait_ms (100);
  sp_test_save_png (GTK_WIDGET (win), "restored-wide-light.png");

  /* Discarding it now removes the draft for good. */
  sp_case_session_discard_draft (sp_window_get_session (win));
  sp_test_wait_ms (200);
  g_clear_pointer (&drafts, g_ptr_array_unref);
  drafts = sp_draft_store_list (store);
  g_assert_cmpuint (drafts->len, ==, 0);

  g_unlink (expected_path);
  g_clear_object (&result);  /* it holds the window */
  sp_test_destroy_window (win);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *drafts = NULL;
  int status;

  tmp_dir = g_dir_make_tmp ("sp-crash-XXXXXX", &error);
  g_assert_no_error (error);
  drafts = g_build_filename (tmp_dir, "drafts", NULL);
  g_setenv ("SP_DRAFTS_DIR", drafts, TRUE);

  sp_test_init (&argc, &argv);
  app = sp_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/app/autosave/crash-and-restore", test_crash_and_restore);

  status = g_test_run ();
  sp_test_settle_threads ();
  g_clear_object (&app);
  g_rmdir (drafts);
  g_rmdir (tmp_dir);
  g_free (tmp_dir);
  return status;
}
