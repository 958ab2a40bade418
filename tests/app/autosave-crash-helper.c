/* autosave-crash-helper.c: a window that is edited, autosaves, and dies
 *
 * Run by test-autosave-crash: it opens the real window, enters facts of
 * every type through the widgets, writes what it entered (the case file
 * bytes) to argv[1], waits for the autosaved draft, then kills itself with
 * SIGKILL, as a crash or a power cut would: no cleanup, no close-request.
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>

#include "sp-test-util.h"

static gboolean
file_exists (gpointer data)
{
  return g_file_query_exists (G_FILE (data), NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SpApplication) app = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) draft = NULL;
  g_autofree char *entered = NULL;
  SpCaseSession *session;
  SpWindow *win;

  if (argc != 2)
    {
      g_printerr ("usage: %s EXPECTED-CASE-FILE\n", argv[0]);
      return 2;
    }

  sp_test_init (&argc, &argv);
  settings = g_settings_new (APP_ID);
  g_settings_set_int (settings, "autosave-delay-seconds", 1);

  app = sp_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  win = sp_test_make_window (app, 1280, 800);
  sp_test_fill_every_type (win);
  session = sp_window_get_session (win);
  draft = sp_draft_store_get_file (sp_case_session_get_draft_store (session),
                                   sp_case_session_get_draft_id (session));

  entered = sp_test_case_text (sp_window_get_case (win));
  g_file_set_contents (argv[1], entered, -1, &error);
  g_assert_no_error (error);

  g_assert_true (sp_test_wait_until (file_exists, draft, 10000));
  /* The write is atomic (a rename), so the draft is complete once it is
   * there. */
  raise (SIGKILL);
  g_assert_not_reached ();
}
