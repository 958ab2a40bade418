/* sp-test-stdin.h: a child's standard input given as a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <unistd.h>

/* Standard input is a file, not a pipe: a child that exits before
 * reading it all (a full disk, --help) must not make the test's own
 * write fail with EPIPE or SIGPIPE, a race that once failed CI. Returns
 * the file's path, for sp_test_stdin_remove(). */
static inline char *
sp_test_stdin_set (GSubprocessLauncher *launcher,
                   const char          *input)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp ("sp-test-stdin-XXXXXX", &path, &error);

  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, input != NULL ? input : "", -1, &error);
  g_assert_no_error (error);
  g_subprocess_launcher_set_stdin_file_path (launcher, path);
  return path;
}

static inline void
sp_test_stdin_remove (char *path)
{
  g_unlink (path);
  g_free (path);
}
