/* sp-report-layout.h: a summary laid out on pages, for PDF and printing
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "sp-summary.h"

G_BEGIN_DECLS

/* ISO A4 in PostScript points. */
#define SP_REPORT_A4_WIDTH  595.2756
#define SP_REPORT_A4_HEIGHT 841.8898

/* DejaVu first (the status glyphs), then Noto for other scripts. */
#define SP_REPORT_FONT_FAMILIES "DejaVu Sans, Noto Sans, Noto Sans CJK SC, sans-serif"

#define SP_TYPE_REPORT_LAYOUT (sp_report_layout_get_type ())

G_DECLARE_FINAL_TYPE (SpReportLayout, sp_report_layout, SP, REPORT_LAYOUT, GObject)

SpReportLayout *sp_report_layout_new            (SpSummary      *summary,
                                                 double          page_width,
                                                 double          page_height,
                                                 PangoContext   *context) G_GNUC_WARN_UNUSED_RESULT;
SpSummary      *sp_report_layout_get_summary    (SpReportLayout *self);
guint           sp_report_layout_get_n_pages    (SpReportLayout *self);
gboolean        sp_report_layout_get_page_blocks (SpReportLayout *self,
                                                 guint           page,
                                                 guint          *first_block,
                                                 guint          *last_block);
void            sp_report_layout_draw_page      (SpReportLayout *self,
                                                 cairo_t        *cr,
                                                 guint           page);

PangoContext   *sp_report_create_pango_context  (void) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
