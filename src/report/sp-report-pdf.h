/* sp-report-pdf.h: the summary as a PDF file
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sp-summary.h"

G_BEGIN_DECLS

GBytes   *sp_report_render_pdf (SpSummary   *summary,
                                guint       *n_pages,
                                GError     **error);
gboolean  sp_report_write_pdf  (SpSummary   *summary,
                                const char  *path,
                                GError     **error);

void      sp_report_write_pdf_async  (SpSummary           *summary,
                                      const char          *path,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
gboolean  sp_report_write_pdf_finish (GAsyncResult        *result,
                                      GError             **error);

G_END_DECLS
