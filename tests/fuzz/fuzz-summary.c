/* fuzz-summary.c: libFuzzer harness for the summary, text and PDF writers
 *
 * Any case the loader accepts is summarised, written as text, and laid
 * out and drawn as a PDF (to a surface that discards it).
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>

#include "sp-core.h"
#include "sp-report.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static cairo_status_t
discard (void                *closure,
         const unsigned char *data,
         unsigned int         length)
{
  return CAIRO_STATUS_SUCCESS;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static SpPolicy *policy;
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(SpCase) case_ = NULL;
  g_autoptr(SpEvaluation) evaluation = NULL;
  g_autoptr(SpSummary) summary = NULL;
  g_autoptr(SpReportLayout) layout = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 6, 15, 12, 0, 0);
  g_autofree char *text = NULL;
  cairo_surface_t *surface;

  if (policy == NULL)
    policy = sp_policy_new_default (NULL);
  g_assert (policy != NULL);

  if (!(case_ = sp_case_new_from_bytes (policy, bytes, "fuzz", NULL)))
    return 0;

  evaluation = sp_evaluation_new (case_);
  summary = sp_summary_new (evaluation, SP_SUMMARY_INCLUDE_IDENTIFIERS, now, "fuzz");
  text = sp_summary_to_text (summary);
  g_assert (text != NULL && g_utf8_validate (text, -1, NULL));

  surface = cairo_pdf_surface_create_for_stream (discard, NULL, SP_REPORT_A4_WIDTH, SP_REPORT_A4_HEIGHT);
  layout = sp_report_layout_new (summary, SP_REPORT_A4_WIDTH, SP_REPORT_A4_HEIGHT, NULL);
  {
    cairo_t *cr = cairo_create (surface);

    for (guint page = 0; page < sp_report_layout_get_n_pages (layout); page++)
      {
        sp_report_layout_draw_page (layout, cr, page);
        cairo_show_page (cr);
      }
    cairo_destroy (cr);
  }
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return 0;
}
