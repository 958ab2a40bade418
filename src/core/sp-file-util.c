/* sp-file-util.c
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "sp-core-private.h"
#include "sp-file-util.h"

/* Tests set this to make the Nth write fail with ENOSPC, the way a full
 * disk would; 0 means never. */
static guint fail_write_after_bytes_for_testing;

void
sp_file_fail_writes_for_testing (guint after_bytes)
{
  fail_write_after_bytes_for_testing = after_bytes;
}

static gboolean
write_all (int           fd,
           const guint8 *data,
           gsize         length,
           GError      **error)
{
  gsize written = 0;

  while (written < length)
    {
      gsize chunk = length - written;
      gssize n;

      if (fail_write_after_bytes_for_testing > 0)
        {
          if (written >= fail_write_after_bytes_for_testing)
            {
              errno = ENOSPC;
              n = -1;
              goto failed;
            }
          chunk = MIN (chunk, fail_write_after_bytes_for_testing - written);
        }

      n = write (fd, data + written, chunk);
    failed:
      if (n < 0)
        {
          int saved_errno = errno;

          if (saved_errno == EINTR)
            continue;
          g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               g_strerror (saved_errno));
          return FALSE;
        }
      written += n;
    }
  return TRUE;
}

/* Renaming over a FIFO, a device or a directory would destroy something
 * that is not a saved file (running as root, "/dev/null" would become a
 * regular file every other program then writes into). A symbolic link is
 * refused too rather than followed: replacing the link would silently
 * detach it from its target, and following it would write wherever it
 * points, which a hostile link could aim anywhere. */
static gboolean
check_replaceable (const char  *path,
                   GError     **error)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT)
        return TRUE;
      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                           g_strerror (saved_errno));
      return FALSE;
    }

  if (S_ISREG (st.st_mode))
    return TRUE;

  if (S_ISLNK (st.st_mode))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                         _("it is a symbolic link, which is not replaced; give the path of the file itself"));
  else if (S_ISDIR (st.st_mode))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                         _("it is a folder, not a file"));
  else
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                         _("it is not a regular file (a device, pipe or socket), so it is not replaced"));
  return FALSE;
}

/**
 * sp_file_write_atomically:
 *
 * Writes @contents to @file so that, whatever happens, @file holds either
 * its old contents or all of the new ones: the bytes go to a new file
 * beside it, created 0600 whatever the umask, flushed to disk, then renamed
 * over @file. On any failure the new file is removed and @file is untouched.
 * The result is always 0600, because case files hold patient data.
 */
gboolean
sp_file_write_atomically (GFile   *file,
                          GBytes  *contents,
                          GError **error)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp_path = NULL;
  const guint8 *data;
  gsize length;
  int fd;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);

  if (!(path = g_file_get_path (file)))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           "only files on this computer can be saved to");
      return FALSE;
    }

  if (!check_replaceable (path, error))
    return FALSE;

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  temp_path = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);

  /* mkstemp creates the file 0600, independent of the umask. */
  if ((fd = g_mkstemp_full (temp_path, O_WRONLY | O_CLOEXEC, 0600)) < 0)
    {
      int saved_errno = errno;

      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), g_strerror (saved_errno));
      return FALSE;
    }

  data = g_bytes_get_data (contents, &length);
  if (!write_all (fd, data, length, error))
    goto fail;

  if (fsync (fd) != 0)
    {
      int saved_errno = errno;

      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), g_strerror (saved_errno));
      goto fail;
    }
  if (close (fd) != 0)
    {
      int saved_errno = errno;

      fd = -1;
      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), g_strerror (saved_errno));
      goto fail;
    }
  fd = -1;

  if (g_rename (temp_path, path) != 0)
    {
      int saved_errno = errno;

      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), g_strerror (saved_errno));
      goto fail;
    }

  return TRUE;

fail:
  if (fd >= 0)
    close (fd);
  g_unlink (temp_path);
  return FALSE;
}

static void
write_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  GFile *file = g_object_get_data (G_OBJECT (task), "file");
  GBytes *contents = task_data;
  GError *error = NULL;

  if (sp_file_write_atomically (file, contents, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * sp_file_write_atomically_async:
 *
 * Like sp_file_write_atomically(), in a worker thread, so the window never
 * waits on a slow disk. @contents is a snapshot: later edits do not change
 * what is written.
 */
void
sp_file_write_atomically_async (GFile               *file,
                                GBytes              *contents,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (contents != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sp_file_write_atomically_async);
  g_task_set_task_data (task, g_bytes_ref (contents), (GDestroyNotify) g_bytes_unref);
  g_object_set_data_full (G_OBJECT (task), "file", g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, write_in_thread);
}

gboolean
sp_file_write_atomically_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * sp_file_describe_write_error:
 *
 * Returns: (transfer full): what went wrong in words a clinician can act on,
 *   naming the file
 */
char *
sp_file_describe_write_error (GFile        *file,
                              const GError *error)
{
  g_autofree char *name = g_file_get_parse_name (file);
  const char *advice;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    advice = _("The disk is full. Free some space, or save to another place.");
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED) ||
           g_error_matches (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY))
    advice = _("This folder cannot be written to. Save to another place, such as your home folder.");
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    advice = _("The folder no longer exists (was a drive removed?). Save to another place.");
  else
    advice = _("Try saving to another place.");

  return g_strdup_printf (_("“%s” was not saved: %s. %s The case is still open, and any earlier "
                            "copy of the file is unchanged."), name, error->message, advice);
}
