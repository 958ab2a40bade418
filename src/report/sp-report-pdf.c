/* sp-report-pdf.c
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* memmem() */
#define _GNU_SOURCE

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "sp-report-pdf.h"
#include "sp-report-layout.h"

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The last occurrence of @needle in @haystack before @end, or NULL. */
static const char *
find_last (const char *haystack,
           gsize       end,
           const char *needle)
{
  gsize length = strlen (needle);

  for (gsize i = end; i >= length; i--)
    if (memcmp (haystack + i - length, needle, length) == 0)
      return haystack + i - length;
  return NULL;
}

/* The first occurrence of @needle in the @length bytes at @haystack, or
 * NULL: a PDF's streams hold NUL bytes, where a string search would stop. */
static const char *
find_first (const char *haystack,
            gsize       length,
            const char *needle)
{
  return memmem (haystack, length, needle, strlen (needle));
}

static gboolean
is_language_tag (const char *language)
{
  if (language == NULL || language[0] == '\0' || strlen (language) > 35)
    return FALSE;
  for (const char *p = language; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

/* cairo 1.16 writes the structure tree but neither the catalogue's
 * /MarkInfo, without which readers do not treat the PDF as tagged, nor
 * /Lang, without which a screen reader guesses the language. Both are
 * added by an incremental update (PDF 1.7, 7.5.6): the catalogue written
 * again with them, after the file cairo wrote, which stays byte for byte as
 * it was. What cairo already sets is not set again; anything unexpected
 * (a cairo that writes cross-reference streams) leaves the PDF as cairo
 * made it. */
static void
mark_tagged (GByteArray *pdf,
             const char *language)
{
  const char *text = (const char *) pdf->data;
  const char *startxref, *trailer, *root, *size, *info, *object, *body, *end;
  g_autofree char *object_header = NULL;
  g_autofree char *dictionary = NULL;
  g_autoptr(GString) update = NULL;
  g_autoptr(GString) additions = NULL;
  guint64 previous_xref, root_number, n_objects, info_number = 0;
  gsize object_offset, xref_offset;

  if (!is_language_tag (language))
    language = "en-GB";

  if (!(startxref = find_last (text, pdf->len, "startxref")) ||
      !(trailer = find_last (text, startxref - text, "trailer")) ||
      !(root = find_first (trailer, startxref - trailer, "/Root ")) ||
      !(size = find_first (trailer, startxref - trailer, "/Size ")))
    return;
  previous_xref = g_ascii_strtoull (startxref + strlen ("startxref"), NULL, 10);
  root_number = g_ascii_strtoull (root + strlen ("/Root "), NULL, 10);
  n_objects = g_ascii_strtoull (size + strlen ("/Size "), NULL, 10);
  if ((info = find_first (trailer, startxref - trailer, "/Info ")))
    info_number = g_ascii_strtoull (info + strlen ("/Info "), NULL, 10);
  if (previous_xref == 0 || previous_xref >= pdf->len || root_number == 0 || root_number >= n_objects)
    return;

  /* The catalogue where cairo's cross-reference table says it is, never
   * by searching: a compressed stream could hold the same bytes. */
  {
    static const char xref_start[] = "xref\n0 ";
    const char *entries, *entry;
    char *end_of_count;
    guint64 n_entries, offset;

    if (previous_xref + sizeof xref_start > pdf->len ||
        memcmp (text + previous_xref, xref_start, sizeof xref_start - 1) != 0)
      return;
    n_entries = g_ascii_strtoull (text + previous_xref + sizeof xref_start - 1, &end_of_count, 10);
    if (*end_of_count != '\n' || root_number >= n_entries)
      return;
    entries = end_of_count + 1;
    entry = entries + 20 * root_number;
    if (entry + 20 > trailer || entry[10] != ' ' || entry[17] != 'n')
      return;
    offset = g_ascii_strtoull (entry, NULL, 10);
    object_header = g_strdup_printf ("%" G_GUINT64_FORMAT " 0 obj\n", root_number);
    if (offset + strlen (object_header) > (guint64) (trailer - text) ||
        memcmp (text + offset, object_header, strlen (object_header)) != 0)
      return;
    object = text + offset;
  }
  body = object + strlen (object_header);
  if (!(end = find_first (body, trailer - body, "endobj")))
    return;
  dictionary = g_strstrip (g_strndup (body, end - body));
  if (!g_str_has_prefix (dictionary, "<<") || !g_str_has_suffix (dictionary, ">>") ||
      strstr (dictionary, "/Type /Catalog") == NULL)
    return;
  dictionary[strlen (dictionary) - 2] = '\0';
  additions = g_string_new (NULL);
  if (strstr (dictionary, "/MarkInfo") == NULL)
    g_string_append (additions, "   /MarkInfo << /Marked true >>\n");
  if (strstr (dictionary, "/Lang") == NULL)
    g_string_append_printf (additions, "   /Lang (%s)\n", language);
  if (additions->len == 0)
    return;

  update = g_string_new (NULL);
  if (pdf->len > 0 && pdf->data[pdf->len - 1] != '\n')
    g_string_append_c (update, '\n');
  object_offset = pdf->len + update->len;
  g_string_append_printf (update, "%" G_GUINT64_FORMAT " 0 obj\n%s%s>>\nendobj\n",
                          root_number, dictionary, additions->str);
  xref_offset = pdf->len + update->len;
  /* Each entry is exactly 20 bytes, ending in space and line feed. */
  g_string_append_printf (update, "xref\n%" G_GUINT64_FORMAT " 1\n%010" G_GSIZE_FORMAT " 00000 n \n",
                          root_number, object_offset);
  g_string_append_printf (update, "trailer\n<< /Size %" G_GUINT64_FORMAT " /Root %" G_GUINT64_FORMAT " 0 R",
                          n_objects, root_number);
  if (info_number != 0)
    g_string_append_printf (update, " /Info %" G_GUINT64_FORMAT " 0 R", info_number);
  g_string_append_printf (update, " /Prev %" G_GUINT64_FORMAT " >>\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n",
                          previous_xref, xref_offset);
  g_byte_array_append (pdf, (const guint8 *) update->str, update->len);
}

/**
 * sp_report_render_pdf:
 * @summary: the summary
 * @n_pages: (out) (optional): the number of pages
 *
 * Lays the summary out on A4 and renders it as a PDF in memory, with the
 * title, the author (the clinician, only when identifiers are included) and
 * the creator in its metadata, the summary's time as its creation date, so
 * the same summary always gives the same bytes, and its structure marked
 * for screen readers with the summary's language.
 *
 * Returns: (transfer full): the PDF, or %NULL with @error set
 */
GBytes *
sp_report_render_pdf (SpSummary  *summary,
                      guint      *n_pages,
                      GError    **error)
{
  g_autoptr(SpReportLayout) layout = NULL;
  g_autoptr(GByteArray) buffer = NULL;
  g_autofree char *creator = NULL;
  g_autofree char *created = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  guint pages;

  g_return_val_if_fail (SP_IS_SUMMARY (summary), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* All pages are laid out before the first is drawn: "Page 1 of 3"
   * needs the 3. */
  layout = sp_report_layout_new (summary, SP_REPORT_A4_WIDTH, SP_REPORT_A4_HEIGHT, NULL);
  pages = sp_report_layout_get_n_pages (layout);

  buffer = g_byte_array_sized_new (64 * 1024);
  surface = cairo_pdf_surface_create_for_stream (append_to_array, buffer,
                                                 SP_REPORT_A4_WIDTH, SP_REPORT_A4_HEIGHT);
  creator = sp_summary_dup_creator (summary);
  created = g_date_time_format (sp_summary_get_generated_at (summary), "%Y-%m-%dT%H:%M:%S%:z");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, sp_summary_get_title (summary));
  if (sp_summary_get_author (summary))
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, sp_summary_get_author (summary));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);

  cr = cairo_create (surface);
  /* One root element, as a tagged PDF has: the pages' headings, tables and
   * lists are its children. */
  cairo_tag_begin (cr, "Document", NULL);
  for (guint page = 0; page < pages; page++)
    {
      sp_report_layout_draw_page (layout, cr, page);
      if (page + 1 < pages)
        cairo_show_page (cr);
    }
  cairo_tag_end (cr, "Document");
  cairo_show_page (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Cannot make the PDF: %s"), cairo_status_to_string (status));
      return NULL;
    }

  mark_tagged (buffer, sp_summary_get_language (summary));
  if (n_pages)
    *n_pages = pages;
  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

/**
 * sp_report_write_pdf:
 * @summary: the summary
 * @path: where to write it
 *
 * Writes the summary as a PDF to @path. The file is made 0600, since it
 * may name the patient, and written atomically: it holds the whole PDF or
 * nothing, and an earlier file there is untouched on failure. A full disk,
 * or a folder that does not exist, is an error naming @path.
 *
 * Returns: %TRUE when the whole file is on disk
 */
gboolean
sp_report_write_pdf (SpSummary   *summary,
                     const char  *path,
                     GError     **error)
{
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (SP_IS_SUMMARY (summary), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(pdf = sp_report_render_pdf (summary, NULL, error)))
    return FALSE;

  file = g_file_new_for_path (path);
  if (!sp_file_write_atomically (file, pdf, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("%s: cannot write the summary: %s"), path, local_error->message);
      return FALSE;
    }
  return TRUE;
}

typedef struct {
  SpSummary *summary;
  char      *path;
} WriteData;

static void
write_data_free (gpointer data)
{
  WriteData *write = data;

  g_clear_object (&write->summary);
  g_free (write->path);
  g_free (write);
}

static void
write_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  WriteData *write = task_data;
  GError *error = NULL;

  if (sp_report_write_pdf (write->summary, write->path, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * sp_report_write_pdf_async:
 *
 * Like sp_report_write_pdf(), in a worker thread, so that the window never
 * waits for Pango or the disk. The summary is a snapshot that nothing
 * changes, so the thread may share it.
 */
void
sp_report_write_pdf_async (SpSummary           *summary,
                           const char          *path,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  WriteData *write;

  g_return_if_fail (SP_IS_SUMMARY (summary));
  g_return_if_fail (path != NULL);

  write = g_new0 (WriteData, 1);
  write->summary = g_object_ref (summary);
  write->path = g_strdup (path);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sp_report_write_pdf_async);
  g_task_set_task_data (task, write, write_data_free);
  g_task_run_in_thread (task, write_in_thread);
}

gboolean
sp_report_write_pdf_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
