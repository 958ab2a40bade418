/* sp-print-preview.h
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SP_TYPE_PRINT_PREVIEW (sp_print_preview_get_type ())

G_DECLARE_FINAL_TYPE (SpPrintPreview, sp_print_preview, SP, PRINT_PREVIEW, AdwWindow)

SpPrintPreview *sp_print_preview_new          (GtkWindow                *parent,
                                               GtkPrintOperation        *operation,
                                               GtkPrintOperationPreview *preview,
                                               GtkPrintContext          *context);
guint           sp_print_preview_get_n_pages  (SpPrintPreview           *self);

G_END_DECLS
