/* test-case-session.c: the open case's session without a display: the
 * unsaved mark, the autosaved draft, and saving, including the races
 * between them
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "sp-core.h"
#include "sp-test-files.h"
#include "../sp-test-threads.h"

static SpPolicy *policy;

typedef struct {
  char          *dir;
  char          *drafts_dir;
  SpDraftStore  *drafts;
  SpCaseSession *session;
  SpCase        *case_;
  guint          drafts_saved;
  guint          drafts_failed;
  char          *failure;
  guint          modified_notifications;
} Fixture;

static void
on_draft_saved (SpCaseSession *session,
                Fixture       *fixture)
{
  fixture->drafts_saved++;
}

static void
on_draft_failed (SpCaseSession *session,
                 const char    *message,
                 Fixture       *fixture)
{
  fixture->drafts_failed++;
  g_free (fixture->failure);
  fixture->failure = g_strdup (message);
}

static void
on_modified_notify (SpCaseSession *session,
                    GParamSpec    *pspec,
                    Fixture       *fixture)
{
  fixture->modified_notifications++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("sp-session-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->drafts_dir = g_build_filename (fixture->dir, "drafts", NULL);
  fixture->drafts = sp_draft_store_new (fixture->drafts_dir);
  fixture->session = sp_case_session_new (fixture->drafts);
  fixture->case_ = sp_case_new (policy);
  sp_case_session_set_case (fixture->session, fixture->case_, NULL, FALSE);
  g_signal_connect (fixture->session, "draft-saved", G_CALLBACK (on_draft_saved), fixture);
  g_signal_connect (fixture->session, "draft-failed", G_CALLBACK (on_draft_failed), fixture);
  g_signal_connect (fixture->session, "notify::modified", G_CALLBACK (on_modified_notify), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->case_);
  g_clear_object (&fixture->drafts);
  /* Let a background deletion finish before the folder goes. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  sp_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->drafts_dir);
  g_free (fixture->failure);
}

static gboolean
on_timeout (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @done says so, failing after ten seconds rather
 * than hanging the suite. */
#define iterate_until(done, fixture) iterate_until_at (done, fixture, #done, __LINE__)

static void
iterate_until_at (gboolean  (*done) (Fixture *),
                  Fixture    *fixture,
                  const char *what,
                  int         line)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_seconds (10, on_timeout, &timed_out);

  while (!done (fixture) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_error ("line %d: not %s after ten seconds", line, what);
  g_source_remove (timeout);
}

static gboolean
draft_written (Fixture *fixture)
{
  return fixture->drafts_saved + fixture->drafts_failed > 0;
}

static char *
draft_path (Fixture *fixture)
{
  g_autoptr(GFile) file = sp_draft_store_get_file (fixture->drafts,
                                                    sp_case_session_get_draft_id (fixture->session));

  return g_file_get_path (file);
}

static gboolean
draft_gone (Fixture *fixture)
{
  g_autofree char *path = draft_path (fixture);

  return !g_file_test (path, G_FILE_TEST_EXISTS);
}

typedef struct {
  gboolean  done;
  gboolean  ok;
  GError   *error;
} SaveResult;

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  SaveResult *save = user_data;

  save->ok = sp_case_session_save_finish (SP_CASE_SESSION (source), result, &save->error);
  save->done = TRUE;
}

static void
save_and_wait (Fixture    *fixture,
               GFile      *file,
               SaveResult *save)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_seconds (10, on_timeout, &timed_out);

  sp_case_session_save_async (fixture->session, file, NULL, on_saved, save);
  while (!save->done && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout);
}

static void
edit (Fixture *fixture)
{
  /* Any boolean fact of the policy will do: the session does not care
   * which, and the test names none. Each edit flips it, so each is a
   * change. */
  for (guint i = 0; i < sp_policy_get_n_facts (policy); i++)
    {
      SpFact *candidate = sp_policy_get_fact (policy, i);
      const char *id = sp_fact_get_id (candidate);

      if (sp_fact_get_fact_type (candidate) == SP_FACT_BOOLEAN)
        {
          sp_case_set_boolean (fixture->case_, id, !sp_case_get_boolean (fixture->case_, id));
          return;
        }
    }
  g_assert_not_reached ();
}

/* A fresh case is not modified; an edit marks it, once, and the pause after
 * it writes a draft, 0600 in a 0700 folder, that holds the edit. */
static void
test_edit_marks_and_autosaves (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpCase) restored = NULL;
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GBytes) copy = NULL;
  g_autofree char *path = NULL;

  g_assert_false (sp_case_session_get_modified (fixture->session));
  g_assert_null (sp_case_session_get_file (fixture->session));
  g_assert_null (sp_case_session_dup_display_name (fixture->session));

  sp_case_session_set_autosave_delay (fixture->session, 1);
  edit (fixture);
  edit (fixture);
  g_assert_true (sp_case_session_get_modified (fixture->session));
  g_assert_cmpuint (fixture->modified_notifications, ==, 1);
  g_assert_cmpuint (fixture->drafts_saved, ==, 0);

  iterate_until (draft_written, fixture);
  g_assert_cmpuint (fixture->drafts_failed, ==, 0);
  /* Two edits inside the pause are one draft. */
  g_assert_cmpuint (fixture->drafts_saved, ==, 1);

  path = draft_path (fixture);
  g_assert_cmpuint (sp_test_file_mode (path), ==, 0600);
  g_assert_cmpuint (sp_test_file_mode (fixture->drafts_dir), ==, 0700);
  restored = sp_draft_store_load (fixture->drafts, policy, sp_case_session_get_draft_id (fixture->session),
                                  NULL, &error);
  g_assert_no_error (error);
  original = sp_case_serialize (fixture->case_);
  copy = sp_case_serialize (restored);
  g_assert_true (g_bytes_equal (original, copy));
  /* Writing the draft is not saving the case. */
  g_assert_true (sp_case_session_get_modified (fixture->session));
}

/* Saving writes the file 0600, clears the mark, names the file, and
 * removes the draft. */
static void
test_save_clears_mark_and_draft (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "Patient case.spcase", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autofree char *name = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  SaveResult save = { 0 };

  edit (fixture);
  sp_case_session_autosave_now (fixture->session);
  iterate_until (draft_written, fixture);
  g_assert_false (draft_gone (fixture));

  save_and_wait (fixture, file, &save);
  g_assert_no_error (save.error);
  g_assert_true (save.ok);
  g_assert_false (sp_case_session_get_modified (fixture->session));
  g_assert_true (g_file_equal (sp_case_session_get_file (fixture->session), file));
  name = sp_case_session_dup_display_name (fixture->session);
  g_assert_cmpstr (name, ==, "Patient case.spcase");
  g_assert_cmpuint (sp_test_file_mode (path), ==, 0600);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  written = g_bytes_new_take (g_steal_pointer (&contents), length);
  expected = sp_case_serialize (fixture->case_);
  g_assert_true (g_bytes_equal (written, expected));
  iterate_until (draft_gone, fixture);
}

/* An edit made while the save is being written is not in the file: the
 * case stays marked, and its draft stays. */
static void
test_edit_during_save_stays_modified (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "case.spcase", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gboolean timed_out = FALSE;
  SaveResult save = { 0 };
  guint timeout;

  edit (fixture);
  sp_case_session_save_async (fixture->session, file, NULL, on_saved, &save);
  edit (fixture);
  timeout = g_timeout_add_seconds (10, on_timeout, &timed_out);
  while (!save.done && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout);

  g_assert_no_error (save.error);
  g_assert_true (save.ok);
  g_assert_true (sp_case_session_get_modified (fixture->session));
  g_assert_true (g_file_equal (sp_case_session_get_file (fixture->session), file));
}

/* A save that fails changes nothing: still modified, no file named, the
 * draft kept, and the error says why. */
static void
test_failed_save_keeps_everything (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "no-such-folder", "case.spcase", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  SaveResult save = { 0 };

  edit (fixture);
  sp_case_session_autosave_now (fixture->session);
  iterate_until (draft_written, fixture);

  save_and_wait (fixture, file, &save);
  g_assert_false (save.ok);
  g_assert_nonnull (save.error);
  g_assert_cmpstr (save.error->message, !=, "");
  g_clear_error (&save.error);
  g_assert_true (sp_case_session_get_modified (fixture->session));
  g_assert_null (sp_case_session_get_file (fixture->session));
  g_assert_false (draft_gone (fixture));
}

typedef struct {
  Fixture      *fixture;
  GFile        *file;
  GApplication *app;
  gboolean      save_first;
  SaveResult    save;
} RaceRun;

static void
on_race_saved (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  RaceRun *race = user_data;

  on_saved (source, result, &race->save);
  g_application_release (race->app);
}

static void
on_race_activate (GApplication *app,
                  RaceRun      *race)
{
  /* Held until the save is done; the session holds the application for
   * its own draft work (the write, then any deletion), so run() returns
   * only when all of it has finished, in whichever order. */
  g_application_hold (app);
  edit (race->fixture);
  if (race->save_first)
    sp_case_session_save_async (race->fixture->session, race->file, NULL, on_race_saved, race);
  sp_case_session_autosave_now (race->fixture->session);
  if (!race->save_first)
    sp_case_session_save_async (race->fixture->session, race->file, NULL, on_race_saved, race);
}

/* Saving while a draft is still being written: the draft, once written,
 * must not outlive the save, or patient data would linger in it. Started
 * in both orders; which write finishes first is the thread pool's choice
 * (the message says which it was), so this checks the outcome either way
 * rather than forcing one. */
static void
test_save_during_draft_write_removes_draft (Fixture       *fixture,
                                            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "case.spcase", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  /* No id: nothing is registered on a bus. */
  g_autoptr(GApplication) app = g_application_new (NULL, G_APPLICATION_NON_UNIQUE);
  RaceRun race = { fixture, file, app, GPOINTER_TO_INT (data), { 0 } };
  char *argv[] = { (char *) "test-case-session", NULL };

  g_application_set_default (app);
  g_signal_connect (app, "activate", G_CALLBACK (on_race_activate), &race);
  g_assert_cmpint (g_application_run (app, 1, argv), ==, 0);
  g_application_set_default (NULL);
  g_test_message ("the draft finished %s the save",
                  fixture->drafts_saved > 0 ? "before" : "after");

  g_assert_true (race.save.done);
  g_assert_no_error (race.save.error);
  g_assert_true (race.save.ok);
  g_assert_true (draft_gone (fixture));
  g_assert_false (sp_case_session_get_modified (fixture->session));
}

/* A draft that cannot be written is reported, so the window can tell the
 * clinician a crash now would lose their typing. */
static void
test_draft_failure_reported (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *blocker = g_build_filename (fixture->dir, "not-a-folder", NULL);
  g_autofree char *under = g_build_filename (blocker, "drafts", NULL);
  g_autoptr(SpDraftStore) drafts = sp_draft_store_new (under);
  g_autoptr(SpCaseSession) session = sp_case_session_new (drafts);

  g_assert_true (g_file_set_contents (blocker, "", 0, NULL));
  g_signal_connect (session, "draft-failed", G_CALLBACK (on_draft_failed), fixture);
  sp_case_session_set_case (session, fixture->case_, NULL, FALSE);
  edit (fixture);
  g_assert_true (sp_case_session_get_modified (session));
  sp_case_session_autosave_now (session);
  g_assert_cmpuint (fixture->drafts_failed, ==, 1);
  g_assert_nonnull (fixture->failure);
  g_assert_false (g_file_test (under, G_FILE_TEST_EXISTS));
  /* The other session of the fixture saw the edit too and must not
   * write a draft after the test. */
  sp_case_session_discard_draft (fixture->session);
}

/* Discarding removes the draft but leaves the case and its mark alone:
 * the window decides what discarding the case means. */
static void
test_discard_removes_draft_only (Fixture       *fixture,
                                 gconstpointer  data)
{
  edit (fixture);
  sp_case_session_autosave_now (fixture->session);
  iterate_until (draft_written, fixture);
  g_assert_false (draft_gone (fixture));

  sp_case_session_discard_draft (fixture->session);
  iterate_until (draft_gone, fixture);
  g_assert_true (sp_case_session_get_modified (fixture->session));
  g_assert_true (sp_case_session_get_case (fixture->session) == fixture->case_);
}

/* A restored draft keeps its id, so autosaving it never leaves a copy. */
static void
test_adopted_draft_is_rewritten (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autofree char *adopted = g_uuid_string_random ();

  g_assert_true (sp_draft_store_save (fixture->drafts, adopted, fixture->case_, NULL, &error));
  g_assert_no_error (error);
  sp_case_session_adopt_draft (fixture->session, adopted);
  sp_case_session_set_case (fixture->session, fixture->case_, NULL, TRUE);
  g_assert_true (sp_case_session_get_modified (fixture->session));
  g_assert_cmpstr (sp_case_session_get_draft_id (fixture->session), ==, adopted);

  edit (fixture);
  sp_case_session_autosave_now (fixture->session);
  iterate_until (draft_written, fixture);
  listed = sp_draft_store_list (fixture->drafts);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpstr (((SpDraftInfo *) listed->pdata[0])->id, ==, adopted);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  policy = sp_policy_new_default (&error);
  g_assert_no_error (error);

#define ADD(path, func) \
  g_test_add ("/session/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("edit-marks-and-autosaves", test_edit_marks_and_autosaves);
  ADD ("save-clears-mark-and-draft", test_save_clears_mark_and_draft);
  ADD ("edit-during-save-stays-modified", test_edit_during_save_stays_modified);
  ADD ("failed-save-keeps-everything", test_failed_save_keeps_everything);
  g_test_add ("/session/draft-write-then-save-removes-draft", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_save_during_draft_write_removes_draft, fixture_tear_down);
  g_test_add ("/session/save-then-draft-write-removes-draft", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_save_during_draft_write_removes_draft, fixture_tear_down);
  ADD ("draft-failure-reported", test_draft_failure_reported);
  ADD ("discard-removes-draft-only", test_discard_removes_draft_only);
  ADD ("adopted-draft-is-rewritten", test_adopted_draft_is_rewritten);
#undef ADD

  status = g_test_run ();
  sp_test_settle_threads ();
  g_object_unref (policy);
  return status;
}
