/* test-persistence.c: saving never loses what was there before, patient
 * data is written 0600, and drafts restore exactly what was entered
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sp-core.h"
#include "sp-test-files.h"
#include "sp-core-private.h"
#include "../sp-test-threads.h"

static SpPolicy *policy;

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("sp-persistence-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static guint
count_entries (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (dir && g_dir_read_name (dir))
    n++;
  return n;
}

static SpCase *
sample_case (void)
{
  SpCase *case_ = sp_case_new (policy);
  const char *none[] = { NULL };

  sp_case_set_boolean (case_, "red_flag_cauda_equina", FALSE);
  sp_case_set_choice_list (case_, "serious_pathology_suspected", none);
  sp_case_set_choice (case_, "lumbar_condition", "sciatica");
  g_assert_true (sp_case_set_number (case_, "conservative_weeks", 7, NULL));
  g_assert_true (sp_case_set_date (case_, "assessment_date", "2026-03-01", NULL));
  sp_case_set_patient_name (case_, "Test Patient");
  return case_;
}

static void
test_atomic_write_is_private (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "case.spcase", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("new\n", 4);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  mode_t old_umask;

  /* Whatever the umask, a new file is 0600... */
  old_umask = umask (0);
  g_assert_true (sp_file_write_atomically (file, bytes, &error));
  umask (old_umask);
  g_assert_no_error (error);
  g_assert_cmpuint (sp_test_file_mode (path), ==, 0600);

  /* ...and so is a replaced one, even if it was readable by others. */
  g_chmod (path, 0644);
  g_assert_true (sp_file_write_atomically (file, bytes, &error));
  g_assert_cmpuint (sp_test_file_mode (path), ==, 0600);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_cmpstr (contents, ==, "new\n");
  g_assert_cmpuint (count_entries (dir), ==, 1);   /* no temporary file left behind */

  sp_test_remove_tree (dir);
}

/* The failure cases share one check: the old file is byte-identical, no
 * stray file is left, and the error can be put into words. */
static void
assert_failed_write_keeps_old (const char *dir,
                               const char *path,
                               const char *old_contents,
                               GError     *error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  g_autofree char *message = NULL;

  g_assert_nonnull (error);
  g_file_get_contents (path, &contents, NULL, NULL);
  g_assert_cmpstr (contents, ==, old_contents);
  g_assert_cmpuint (count_entries (dir), ==, 1);

  message = sp_file_describe_write_error (file, error);
  g_assert_nonnull (strstr (message, "case.spcase"));
  g_assert_nonnull (strstr (message, "still open"));
}

static void
test_full_disk_injected (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "case.spcase", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SpCase) case_ = sample_case ();
  g_autoptr(GBytes) bytes = sp_case_serialize (case_);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  g_file_set_contents (path, "old contents\n", -1, NULL);
  sp_file_fail_writes_for_testing (100);
  g_assert_false (sp_file_write_atomically (file, bytes, &error));
  sp_file_fail_writes_for_testing (0);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  assert_failed_write_keeps_old (dir, path, "old contents\n", error);
  message = sp_file_describe_write_error (file, error);
  g_assert_nonnull (strstr (message, "disk is full"));

  sp_test_remove_tree (dir);
}

static void
test_vanished_folder (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *gone = g_build_filename (dir, "gone", NULL);
  g_autofree char *path = g_build_filename (gone, "case.spcase", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("new\n", 4);
  g_autoptr(GError) error = NULL;

  g_assert_false (sp_file_write_atomically (file, bytes, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (gone, G_FILE_TEST_EXISTS));
  sp_test_remove_tree (dir);
}

static gboolean
run_quietly (const char *command)
{
  int status;

  return g_spawn_command_line_sync (command, NULL, NULL, &status, NULL) &&
         g_spawn_check_wait_status (status, NULL);
}

/* Real file systems where the test may mount one (as root, as in CI): a
 * tiny tmpfs that fills up, and a read-only one. Root ignores file
 * permissions, so a chmod'ed folder would prove nothing there. */
static void
test_real_file_systems (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "case.spcase", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *mount_full = g_strdup_printf ("mount -t tmpfs -o size=16k,mode=0700 tmpfs %s", dir);
  g_autofree char *remount_ro = g_strdup_printf ("mount -o remount,ro %s", dir);
  g_autofree char *unmount = g_strdup_printf ("umount %s", dir);
  g_autoptr(GError) error = NULL;
  GString *big = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;

  if (geteuid () != 0 || !run_quietly (mount_full))
    {
      g_test_skip ("cannot mount a tmpfs here (not root); the injected full disk covers this");
      g_string_free (big, TRUE);
      g_rmdir (dir);
      return;
    }

  /* Full: the old file takes most of the 16 KiB, so the new copy cannot fit. */
  for (guint i = 0; i < 1000; i++)
    g_string_append (big, "0123456789");
  g_file_set_contents (path, big->str, -1, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new (big->str, big->len);
  g_assert_false (sp_file_write_atomically (file, bytes, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  assert_failed_write_keeps_old (dir, path, big->str, error);
  g_clear_error (&error);

  /* Read-only. */
  g_assert_true (run_quietly (remount_ro));
  g_assert_false (sp_file_write_atomically (file, bytes, &error));
  g_assert_nonnull (error);
  assert_failed_write_keeps_old (dir, path, big->str, error);

  g_assert_true (run_quietly (unmount));
  g_rmdir (dir);
  g_string_free (big, TRUE);
}

static gboolean async_done;

static void
on_written_simple (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GError **error = user_data;
  gboolean ok = sp_file_write_atomically_finish (result, error);

  g_assert_true (ok == (*error == NULL));
  async_done = TRUE;
}

/* Only a regular file is ever replaced: running as root, renaming over
 * /dev/null or a FIFO would turn them into plain files, and a symbolic
 * link is refused rather than silently detached from its target. */
static void
test_refuses_special_files (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sp-special-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "fifo", NULL);
  g_autofree char *target = g_build_filename (dir, "target", NULL);
  g_autofree char *link = g_build_filename (dir, "link", NULL);
  g_autofree char *folder = g_build_filename (dir, "folder", NULL);
  g_autofree char *regular = g_build_filename (dir, "regular", NULL);
  g_autoptr(GBytes) contents = g_bytes_new_static ("new", 3);
  const char *refused[] = { fifo, link, folder, "/dev/null" };
  g_autofree char *kept = NULL;
  GStatBuf st;

  g_assert_nonnull (dir);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_true (g_file_set_contents (target, "old", -1, NULL));
  g_assert_cmpint (symlink (target, link), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (refused[i]);
      g_autoptr(GError) error = NULL;
      g_autofree char *message = NULL;

      g_assert_false (sp_file_write_atomically (file, contents, &error));
      g_assert_nonnull (error);
      message = sp_file_describe_write_error (file, error);
      g_assert_nonnull (strstr (message, refused[i]));
    }

  g_assert_cmpint (g_lstat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  g_assert_true (g_file_get_contents (target, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, "old");
  g_assert_cmpint (g_lstat (folder, &st), ==, 0);
  g_assert_true (S_ISDIR (st.st_mode));
  g_assert_cmpint (g_lstat ("/dev/null", &st), ==, 0);
  g_assert_true (S_ISCHR (st.st_mode));

  /* No temporary file is left beside the refused ones, and a regular file
   * is still written, 0600. */
  {
    g_autoptr(GFile) file = g_file_new_for_path (regular);
    g_autoptr(GError) error = NULL;
    g_autoptr(GDir) listing = NULL;
    guint n = 0;

    g_assert_true (sp_file_write_atomically (file, contents, &error));
    g_assert_no_error (error);
    g_assert_cmpint (g_stat (regular, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
    listing = g_dir_open (dir, 0, NULL);
    while (g_dir_read_name (listing))
      n++;
    g_assert_cmpuint (n, ==, 5);
  }

  g_unlink (regular);
  g_unlink (link);
  g_unlink (target);
  g_unlink (fifo);
  g_rmdir (folder);
  g_rmdir (dir);
}

static void
test_async_write (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "case.spcase", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("async\n", 6);
  GError *error = NULL;
  g_autofree char *contents = NULL;

  sp_file_write_atomically_async (file, bytes, NULL, (GAsyncReadyCallback) on_written_simple, &error);
  while (!async_done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (error);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, "async\n");
  sp_test_remove_tree (dir);
}

static void
test_drafts (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *drafts_dir = g_build_filename (dir, "state", "drafts", NULL);
  g_autoptr(SpDraftStore) store = sp_draft_store_new (drafts_dir);
  g_autoptr(SpCase) case_ = sample_case ();
  g_autoptr(SpCase) restored = NULL;
  g_autoptr(GFile) saved_as = g_file_new_for_path ("/home/someone/case.spcase");
  g_autoptr(GFile) restored_saved_as = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) draft_file = NULL;
  g_autofree char *draft_path = NULL;
  g_autoptr(GDateTime) later = NULL;
  SpDraftInfo *info;

  g_assert_true (sp_draft_store_save (store, "draft-1", case_, saved_as, &error));
  g_assert_no_error (error);
  draft_file = sp_draft_store_get_file (store, "draft-1");
  draft_path = g_file_get_path (draft_file);
  g_assert_cmpuint (sp_test_file_mode (draft_path), ==, 0600);
  g_assert_cmpuint (sp_test_file_mode (drafts_dir), ==, 0700);

  drafts = sp_draft_store_list (store);
  g_assert_cmpuint (drafts->len, ==, 1);
  info = g_ptr_array_index (drafts, 0);
  g_assert_cmpstr (info->id, ==, "draft-1");
  g_assert_cmpstr (info->title, ==, "Test Patient");
  g_assert_true (g_file_equal (info->saved_as, saved_as));
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    g_assert_cmpint (g_date_time_difference (now, info->changed), <, 60 * G_TIME_SPAN_SECOND);
  }

  restored = sp_draft_store_load (store, policy, "draft-1", &restored_saved_as, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_equal (restored_saved_as, saved_as));
  before = sp_case_serialize (case_);
  after = sp_case_serialize (restored);
  g_assert_true (g_bytes_equal (before, after));

  /* Expiry: nothing younger than the retention period goes. */
  g_assert_cmpuint (sp_draft_store_expire (store, 14, NULL), ==, 0);
  later = g_date_time_add_days (info->changed, 15);
  g_assert_cmpuint (sp_draft_store_expire (store, 14, later), ==, 1);
  g_assert_false (g_file_test (draft_path, G_FILE_TEST_EXISTS));

  g_assert_true (sp_draft_store_save (store, "draft-2", case_, NULL, &error));
  g_assert_true (sp_draft_store_remove (store, "draft-2", &error));
  g_assert_true (sp_draft_store_remove (store, "draft-2", &error));   /* already gone is fine */
  g_clear_pointer (&drafts, g_ptr_array_unref);
  drafts = sp_draft_store_list (store);
  g_assert_cmpuint (drafts->len, ==, 0);

  sp_test_remove_tree (dir);
}

/* A saved case names the policy it was decided under, so that opening it
 * under a revision can say the decisions may differ; one without a name
 * (written by hand) says nothing. */
static void
test_saved_policy (void)
{
  g_autofree char *policy_path = g_build_filename (g_getenv ("SP_SOURCE_DIR"), "data", "policy",
                                                   "spinal-interventions.json", NULL);
  g_autofree char *policy_text = NULL;
  gsize policy_length;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) same_bytes = NULL;
  g_autoptr(GBytes) revised_bytes = NULL;
  g_autoptr(SpPolicy) same = NULL;
  g_autoptr(SpPolicy) revised = NULL;
  g_autoptr(SpCase) case_ = sample_case ();
  g_autoptr(GBytes) saved = sp_case_serialize (case_);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(SpCase) reopened = NULL;
  g_autoptr(SpCase) under_revision = NULL;
  g_autoptr(SpCase) by_hand = NULL;
  g_autoptr(SpCase) copy = NULL;
  g_autoptr(GBytes) resaved = NULL;
  static const char hand_written[] =
    "{\"format\":\"spinal-pathways-case\",\"format_version\":1,\"facts\":{}}";
  g_autoptr(GBytes) hand_bytes = g_bytes_new_static (hand_written, strlen (hand_written));
  JsonObject *recorded;

  /* The same bytes are the built-in policy; one more byte is not. */
  g_assert_true (sp_policy_is_built_in (policy));
  g_assert_true (g_file_get_contents (policy_path, &policy_text, &policy_length, &error));
  same_bytes = g_bytes_new (policy_text, policy_length);
  same = sp_policy_new_from_bytes (same_bytes, "same.json", &error);
  g_assert_no_error (error);
  g_assert_true (sp_policy_is_built_in (same));
  revised_bytes = g_bytes_new_take (g_strconcat (policy_text, " ", NULL), policy_length + 1);
  revised = sp_policy_new_from_bytes (revised_bytes, "revised.json", &error);
  g_assert_no_error (error);
  g_assert_false (sp_policy_is_built_in (revised));
  g_assert_cmpstr (sp_policy_get_version (revised), ==, sp_policy_get_version (policy));

  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (saved, NULL),
                                             g_bytes_get_size (saved), &error));
  recorded = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "policy");
  g_assert_nonnull (recorded);
  g_assert_cmpstr (json_object_get_string_member (recorded, "id"), ==, sp_policy_get_id (policy));
  g_assert_cmpstr (json_object_get_string_member (recorded, "version"), ==, sp_policy_get_version (policy));
  g_assert_cmpstr (json_object_get_string_member (recorded, "sha256"), ==, sp_policy_get_sha256 (policy));
  g_assert_cmpuint (json_object_get_size (recorded), ==, 3);

  reopened = sp_case_new_from_bytes (policy, saved, "saved.spcase", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sp_case_get_saved_policy_sha256 (reopened), ==, sp_policy_get_sha256 (policy));
  g_assert_false (sp_case_was_saved_under_other_policy (reopened));

  under_revision = sp_case_new_from_bytes (revised, saved, "saved.spcase", &error);
  g_assert_no_error (error);
  g_assert_true (sp_case_was_saved_under_other_policy (under_revision));
  g_assert_cmpstr (sp_case_get_saved_policy_id (under_revision), ==, sp_policy_get_id (policy));
  g_assert_cmpstr (sp_case_get_saved_policy_version (under_revision), ==, sp_policy_get_version (policy));
  copy = sp_case_copy (under_revision);
  g_assert_true (sp_case_was_saved_under_other_policy (copy));

  /* Saved again, it records the policy it is now decided under. */
  resaved = sp_case_serialize (under_revision);
  g_clear_object (&reopened);
  reopened = sp_case_new_from_bytes (revised, resaved, "resaved.spcase", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sp_case_get_saved_policy_sha256 (reopened), ==, sp_policy_get_sha256 (revised));
  g_assert_false (sp_case_was_saved_under_other_policy (reopened));

  by_hand = sp_case_new_from_bytes (revised, hand_bytes, "by-hand.spcase", &error);
  g_assert_no_error (error);
  g_assert_null (sp_case_get_saved_policy_sha256 (by_hand));
  g_assert_false (sp_case_was_saved_under_other_policy (by_hand));
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

  g_test_add_func ("/sp/persistence/atomic-write-is-private", test_atomic_write_is_private);
  g_test_add_func ("/sp/persistence/full-disk-injected", test_full_disk_injected);
  g_test_add_func ("/sp/persistence/vanished-folder", test_vanished_folder);
  g_test_add_func ("/sp/persistence/real-file-systems", test_real_file_systems);
  g_test_add_func ("/sp/persistence/refuses-special-files", test_refuses_special_files);
  g_test_add_func ("/sp/persistence/async-write", test_async_write);
  g_test_add_func ("/sp/persistence/drafts", test_drafts);
  g_test_add_func ("/sp/persistence/saved-policy", test_saved_policy);

  status = g_test_run ();
  sp_test_settle_threads ();
  g_clear_object (&policy);
  return status;
}
