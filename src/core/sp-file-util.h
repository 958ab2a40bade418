/* sp-file-util.h: writing patient data safely
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean sp_file_write_atomically        (GFile               *file,
                                          GBytes              *contents,
                                          GError             **error);
void     sp_file_write_atomically_async  (GFile               *file,
                                          GBytes              *contents,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean sp_file_write_atomically_finish (GAsyncResult        *result,
                                          GError             **error);
char    *sp_file_describe_write_error    (GFile               *file,
                                          const GError        *error);

G_END_DECLS
