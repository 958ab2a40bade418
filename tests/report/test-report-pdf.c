/* test-report-pdf.c: the summary as PDF, read back with poppler
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* memmem() */
#define _GNU_SOURCE

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "report-test-util.h"
#include "sp-core-private.h"
#include "../sp-test-threads.h"

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("sp-report-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing && (name = g_dir_read_name (listing)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (listing && g_dir_read_name (listing))
    n++;
  return n;
}

static char *
run_tool (const char * const *argv)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_nonnull (argv[0]);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&out);
}

/* pdftotext in content order, with every run of white space made one
 * space: a reason wrapped over three lines of a cell reads as one. */
static char *
pdf_text (const char *path)
{
  const char *argv[] = { g_getenv ("SP_PDFTOTEXT"), "-raw", path, "-", NULL };
  g_autofree char *raw = run_tool (argv);

  return test_flatten (raw);
}

static char *
pdf_info (const char *path,
          const char *field)
{
  const char *argv[] = { g_getenv ("SP_PDFINFO"), path, NULL };
  g_autofree char *info = run_tool (argv);
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);
  g_autofree char *prefix = g_strdup_printf ("%s:", field);

  for (guint i = 0; lines[i]; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return g_strstrip (g_strdup (lines[i] + strlen (prefix)));
  return NULL;
}

static guint
pdf_pages (const char *path)
{
  g_autofree char *pages = pdf_info (path, "Pages");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages, NULL, 10);
}

static char *
write_summary (SpSummary  *summary,
               const char *dir,
               const char *name)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (sp_report_write_pdf (summary, path, &error));
  g_assert_no_error (error);
  return path;
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” not found in the PDF's text", needle);
}

static const char * const cases[] = {
  "urgent-red-flag.json",
  "screening-incomplete.json",
  "lumbar-sciatica-supported.json",
  "exceptional-case.json",
  "international-names.json",
};

/* Every decision's status words and first reason, the policy's version,
 * and the page footer are in the PDF's text. */
static void
test_text (void)
{
  g_autofree char *dir = make_temp_dir ();

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(SpSummary) summary = test_summary (cases[c], SP_SUMMARY_INCLUDE_IDENTIFIERS);
      g_autofree char *path = write_summary (summary, dir, "summary.pdf");
      g_autofree char *text = pdf_text (path);
      g_autofree char *footer = test_flatten (SP_SUMMARY_DISCLAIMER);
      guint n_rows = 0;

      for (guint i = 0; i < sp_summary_get_n_blocks (summary); i++)
        {
          const SpSummaryBlock *block = sp_summary_get_block (summary, i);

          if (block->kind != SP_SUMMARY_BLOCK_DECISION_TABLE)
            continue;
          for (guint r = 0; r < block->rows->len; r++)
            {
              const SpSummaryRow *row = &g_array_index (block->rows, SpSummaryRow, r);
              g_autofree char *status = test_flatten (sp_status_get_label (row->status));
              g_autofree char *reason = test_flatten (row->unmet);
              g_autofree char *intervention = test_flatten (row->intervention);

              assert_contains (text, status);
              assert_contains (text, reason);
              assert_contains (text, intervention);
              n_rows++;
            }
        }
      g_assert_cmpuint (n_rows, >, 0);
      assert_contains (text, sp_policy_get_version (test_policy ()));
      assert_contains (text, "Page 1 of");
      assert_contains (text, footer);
      assert_contains (text, "Spinal Pathways " TEST_VERSION);
      assert_contains (text, "Spinal pain interventions: decision support summary");
    }
  remove_dir (dir);
}

static void
test_identifiers (void)
{
  static const char * const identifiers[] = {
    "Aisha Rahman", "943 476 5919", "9 November 1981", "Mr David Hughes", "Consultant spinal surgeon",
  };
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(SpSummary) named = test_summary ("lumbar-sciatica-supported.json", SP_SUMMARY_INCLUDE_IDENTIFIERS);
  g_autoptr(SpSummary) anonymous = test_summary ("lumbar-sciatica-supported.json", SP_SUMMARY_NONE);
  g_autofree char *named_path = write_summary (named, dir, "named.pdf");
  g_autofree char *anonymous_path = write_summary (anonymous, dir, "anonymous.pdf");
  g_autofree char *named_text = pdf_text (named_path);
  g_autofree char *anonymous_text = pdf_text (anonymous_path);
  g_autofree char *author = pdf_info (anonymous_path, "Author");
  g_autofree char *anonymous_raw = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (identifiers); i++)
    {
      assert_contains (named_text, identifiers[i]);
      g_assert_null (strstr (anonymous_text, identifiers[i]));
    }
  /* Nor in the metadata, nor anywhere in the file's bytes. */
  g_assert_null (author);
  g_file_get_contents (anonymous_path, &anonymous_raw, NULL, NULL);
  g_assert_null (g_strstr_len (anonymous_raw, -1, "Hughes"));
  remove_dir (dir);
}

static void
test_metadata (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(SpSummary) summary = test_summary ("lumbar-sciatica-supported.json", SP_SUMMARY_INCLUDE_IDENTIFIERS);
  g_autofree char *path = write_summary (summary, dir, "summary.pdf");
  g_autofree char *title = pdf_info (path, "Title");
  g_autofree char *author = pdf_info (path, "Author");
  g_autofree char *creator = pdf_info (path, "Creator");
  g_autofree char *size = pdf_info (path, "Page size");

  g_assert_cmpstr (title, ==, "Spinal pain interventions: decision support summary");
  g_assert_cmpstr (author, ==, "Mr David Hughes");
  g_assert_cmpstr (creator, ==, "Spinal Pathways " TEST_VERSION);
  g_assert_true (g_str_has_suffix (size, "(A4)"));
  remove_dir (dir);
}

/* A tagged structure a screen reader can follow: one document, the title
 * and headings as headings, each decision table as a table of rows and
 * cells, the reasons as lists, and every word of the decisions inside an
 * element (a wrapped cell once lost its later lines to cairo 1.16's
 * tagging); marked as tagged, with the summary's language. */
static void
test_tagged_structure (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(SpCase) case_ = test_load_case ("lumbar-sciatica-supported.json");
  g_autoptr(SpSummary) summary = test_summary_for_case (case_, SP_SUMMARY_NONE);
  g_autofree char *path = write_summary (summary, dir, "summary.pdf");
  const char *argv[] = { g_getenv ("SP_PDFINFO"), "-struct-text", path, NULL };
  g_autofree char *structure = run_tool (argv);
  g_auto(GStrv) lines = g_strsplit (structure, "\n", -1);
  g_autoptr(GString) content = g_string_new (NULL);
  g_autofree char *flat = NULL;

  g_assert_true (g_str_has_prefix (structure, "Document\n  H1 (block)\n"));
  g_assert_nonnull (strstr (structure, "\n  H2 (block)"));
  g_assert_nonnull (strstr (structure, "\n  Table (block)\n    TR\n      TH\n"));
  g_assert_nonnull (strstr (structure, "\n      TD\n"));
  g_assert_nonnull (strstr (structure, "\n  L (block)\n    LI (block)"));

  /* The text the structure holds, in order: each quoted run, joined. */
  for (guint i = 0; lines[i]; i++)
    {
      const char *text = lines[i] + strspn (lines[i], " ");
      gsize length = strlen (text);

      if (length >= 2 && text[0] == '"' && text[length - 1] == '"')
        g_string_append_printf (content, "%.*s ", (int) length - 2, text + 1);
    }
  flat = test_flatten (content->str);

  /* Every row of every decision table, all its words, in its cells. */
  for (guint i = 0; i < sp_summary_get_n_blocks (summary); i++)
    {
      const SpSummaryBlock *block = sp_summary_get_block (summary, i);

      if (block->kind != SP_SUMMARY_BLOCK_DECISION_TABLE)
        continue;
      for (guint r = 0; r < block->rows->len; r++)
        {
          const SpSummaryRow *row = &g_array_index (block->rows, SpSummaryRow, r);

          if (strstr (flat, row->unmet) == NULL || strstr (flat, row->intervention) == NULL)
            g_error ("not in the structure: %s: %s", row->intervention, row->unmet);
        }
    }
  {
    g_autofree char *tagged = pdf_info (path, "Tagged");
    g_autofree char *bytes = NULL;
    gsize length;

    g_assert_cmpstr (tagged, ==, "yes");
    /* The language, in the catalogue (pdfinfo does not show it). */
    g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
    g_assert_nonnull (memmem (bytes, length, "/Lang (en-GB)", strlen ("/Lang (en-GB)")));
  }
  remove_dir (dir);
}

static SpCase *
case_with_long_notes (guint n_lines)
{
  SpCase *case_ = test_load_case ("lumbar-sciatica-supported.json");
  GString *notes = g_string_new (NULL);

  for (guint i = 1; i <= n_lines; i++)
    g_string_append_printf (notes, "Line %u of the notes: review of pain, function, sleep and work, "
                                   "with the plan agreed with the patient.\n", i);
  sp_case_set_notes (case_, notes->str);
  g_string_free (notes, TRUE);
  return case_;
}

/* Notes no clinician would write but a hostile file can hold: 100,000
 * letters without a space, and a letter with 65,999 combining marks. The
 * shaper is given bounded clusters and break opportunities, so both are
 * laid out in time linear in their length (before: 13 s and 55 s here;
 * now well under a second) and every letter of the long word is printed.
 * The time is reported, not asserted: a wall-clock bound failed on a busy
 * machine under the sanitizers (8.6 s against 8). The quadratic layout
 * this guards against takes minutes there, past the suite's timeout. */
static void
test_hostile_notes (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(SpCase) case_ = test_load_case ("lumbar-sciatica-supported.json");
  GString *notes = g_string_new (NULL);
  g_autoptr(GTimer) timer = g_timer_new ();
  guint found = 0;

  for (guint i = 0; i < 100000; i++)
    g_string_append (notes, "\xd0\xb6");
  sp_case_set_notes (case_, notes->str);

  {
    g_autoptr(SpSummary) summary = test_summary_for_case (case_, SP_SUMMARY_INCLUDE_IDENTIFIERS);
    g_autofree char *path = NULL;
    g_autofree char *text = NULL;

    g_timer_start (timer);
    path = write_summary (summary, dir, "unbroken.pdf");
    g_test_message ("100,000 letters without a space: %.2f s", g_timer_elapsed (timer, NULL));
    text = pdf_text (path);
    for (const char *at = text; (at = strstr (at, "\xd0\xb6")); at += 2)
      found++;
    g_assert_cmpuint (found, ==, 100000);
  }

  g_string_assign (notes, "a");
  for (guint i = 0; i < 65999; i++)
    g_string_append (notes, "\xcc\x81");
  sp_case_set_notes (case_, notes->str);

  {
    g_autoptr(SpSummary) summary = test_summary_for_case (case_, SP_SUMMARY_INCLUDE_IDENTIFIERS);
    g_autofree char *path = NULL;

    g_timer_start (timer);
    path = write_summary (summary, dir, "marks.pdf");
    g_test_message ("65,999 combining marks: %.2f s", g_timer_elapsed (timer, NULL));
    g_assert_cmpuint (pdf_pages (path), >=, 1);
  }

  g_string_free (notes, TRUE);
  remove_dir (dir);
}

/* A name as long as a case may hold (200 characters) is ellipsized in the
 * running header of later pages, on one line, never wrapped into the body. */
static void
test_long_name_header (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(SpCase) case_ = case_with_long_notes (200);
  g_autofree char *name = g_strnfill (SP_CASE_MAX_NAME_CHARACTERS, 'W');
  g_autoptr(SpSummary) summary = NULL;
  g_autofree char *path = NULL;
  g_autofree char *page_2 = NULL;
  g_auto(GStrv) lines = NULL;

  sp_case_set_patient_name (case_, name);
  summary = test_summary_for_case (case_, SP_SUMMARY_INCLUDE_IDENTIFIERS);
  path = write_summary (summary, dir, "long-name.pdf");
  g_assert_cmpuint (pdf_pages (path), >, 1);
  {
    const char *argv[] = { g_getenv ("SP_PDFTOTEXT"), "-raw", "-f", "2", "-l", "2", path, "-", NULL };

    page_2 = run_tool (argv);
  }
  /* The header's line, and the one after it: before, the name wrapped
   * onto three more lines of W's over the body. */
  lines = g_strsplit (page_2, "\n", -1);
  {
    guint i = 0;

    while (lines[i] && !g_str_has_prefix (lines[i], "Spinal pain interventions: decision support summary"))
      i++;
    g_assert_nonnull (lines[i]);
    g_test_message ("page 2 header: %s", lines[i]);
    g_assert_nonnull (lines[i + 1]);
    g_assert_false (g_str_has_prefix (lines[i + 1], "WWWW"));
  }
  remove_dir (dir);
}

/* No page ends with a heading: a heading always has at least the start of
 * its content below it. */
static void
assert_no_orphan_headings (SpReportLayout *layout)
{
  SpSummary *summary = sp_report_layout_get_summary (layout);
  guint n_pages = sp_report_layout_get_n_pages (layout);

  for (guint page = 0; page < n_pages; page++)
    {
      guint first, last;
      const SpSummaryBlock *block;

      g_assert_true (sp_report_layout_get_page_blocks (layout, page, &first, &last));
      g_assert_cmpuint (first, <=, last);
      block = sp_summary_get_block (summary, last);
      if (page + 1 < n_pages)
        {
          g_assert_cmpint (block->kind, !=, SP_SUMMARY_BLOCK_HEADING);
          g_assert_cmpint (block->kind, !=, SP_SUMMARY_BLOCK_TITLE);
        }
    }
  g_assert_false (sp_report_layout_get_page_blocks (layout, n_pages, NULL, NULL));
}

static void
test_long_notes (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(SpCase) case_ = case_with_long_notes (400);
  g_autoptr(SpSummary) summary = test_summary_for_case (case_, SP_SUMMARY_INCLUDE_IDENTIFIERS);
  g_autoptr(SpReportLayout) layout = sp_report_layout_new (summary, SP_REPORT_A4_WIDTH, SP_REPORT_A4_HEIGHT, NULL);
  g_autofree char *path = write_summary (summary, dir, "long.pdf");
  g_autofree char *text = pdf_text (path);
  g_autofree char *last_page = NULL;
  guint pages = pdf_pages (path);

  g_test_message ("400 lines of notes: %u pages", pages);
  g_assert_cmpuint (pages, >, 2);
  g_assert_cmpuint (pages, ==, sp_report_layout_get_n_pages (layout));
  assert_no_orphan_headings (layout);

  /* Every line of the notes is there, in order, each exactly once. */
  {
    const char *at = text;

    for (guint i = 1; i <= 400; i++)
      {
        g_autofree char *line = g_strdup_printf ("Line %u of the notes:", i);
        const char *found = strstr (at, line);

        g_assert_nonnull (found);
        at = found + strlen (line);
      }
  }
  last_page = g_strdup_printf ("Page %u of %u", pages, pages);
  assert_contains (text, last_page);
  assert_contains (text, "Page 1 of");
  remove_dir (dir);
}

/* Headings keep with their content for every case, and for notes of every
 * length from 0 to 120 lines, which moves every break through every
 * section. */
static void
test_no_orphan_headings (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    for (guint n = 0; n <= 120; n += 3)
      {
        g_autoptr(SpCase) case_ = test_load_case (cases[c]);
        g_autoptr(SpSummary) summary = NULL;
        g_autoptr(SpReportLayout) layout = NULL;

        if (n > 0)
          {
            g_autoptr(SpCase) noted = case_with_long_notes (n);

            sp_case_set_notes (case_, sp_case_get_notes (noted));
          }
        summary = test_summary_for_case (case_, c % 2 ? SP_SUMMARY_NONE : SP_SUMMARY_INCLUDE_IDENTIFIERS);
        layout = sp_report_layout_new (summary, SP_REPORT_A4_WIDTH, SP_REPORT_A4_HEIGHT, NULL);
        assert_no_orphan_headings (layout);
      }
}

static void
test_international_names (void)
{
  static const char * const names[] = { "Zoë Ñúñez-Ødegård", "李小龍", "Αλέξανδρος", "Παπαδόπουλος" };
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(SpSummary) summary = test_summary ("international-names.json", SP_SUMMARY_INCLUDE_IDENTIFIERS);
  g_autofree char *path = write_summary (summary, dir, "names.pdf");
  g_autofree char *text = pdf_text (path);
  PangoContext *context = sp_report_create_pango_context ();

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(PangoLayout) layout = pango_layout_new (context);
      PangoFontDescription *font = pango_font_description_from_string (SP_REPORT_FONT_FAMILIES " 10");

      assert_contains (text, names[i]);

      /* And they are drawn with real glyphs, not boxes. */
      pango_layout_set_font_description (layout, font);
      pango_font_description_free (font);
      pango_layout_set_text (layout, names[i], -1);
      g_assert_cmpint (pango_layout_get_unknown_glyphs_count (layout), ==, 0);
    }

  /* The status glyphs too, which must survive a greyscale print. */
  for (SpStatus status = 0; status < SP_N_STATUSES; status++)
    {
      g_autoptr(PangoLayout) layout = pango_layout_new (context);
      PangoFontDescription *font = pango_font_description_from_string (SP_REPORT_FONT_FAMILIES " 10");

      pango_layout_set_font_description (layout, font);
      pango_font_description_free (font);
      pango_layout_set_text (layout, sp_summary_status_get_icon (status), -1);
      g_assert_cmpint (pango_layout_get_unknown_glyphs_count (layout), ==, 0);
    }
  g_object_unref (context);
  remove_dir (dir);
}

static void
test_mode (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(SpSummary) summary = test_summary ("exceptional-case.json", SP_SUMMARY_NONE);
  g_autofree char *path = g_build_filename (dir, "summary.pdf", NULL);
  g_autoptr(GError) error = NULL;
  mode_t old_umask = umask (0);
  GStatBuf buf;

  /* Even with a permissive umask, and over an existing world-readable file. */
  g_file_set_contents (path, "old", -1, &error);
  g_assert_no_error (error);
  g_chmod (path, 0644);
  g_assert_true (sp_report_write_pdf (summary, path, &error));
  g_assert_no_error (error);
  umask (old_umask);

  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0600);
  g_assert_cmpuint (count_entries (dir), ==, 1);
  remove_dir (dir);
}

static void
test_missing_folder (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "no-such-folder", "summary.pdf", NULL);
  g_autoptr(SpSummary) summary = test_summary ("exceptional-case.json", SP_SUMMARY_NONE);
  g_autoptr(GError) error = NULL;

  g_assert_false (sp_report_write_pdf (summary, path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_entries (dir), ==, 0);
  remove_dir (dir);
}

/* A full disk part way through: an error, the earlier file untouched, and
 * no half-written file left behind. */
static void
test_disk_full (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "summary.pdf", NULL);
  g_autoptr(SpSummary) summary = test_summary ("lumbar-sciatica-supported.json", SP_SUMMARY_NONE);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_file_set_contents (path, "the earlier summary", -1, &error);
  g_assert_no_error (error);

  sp_file_fail_writes_for_testing (4096);
  g_assert_false (sp_report_write_pdf (summary, path, &error));
  sp_file_fail_writes_for_testing (0);

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_file_get_contents (path, &contents, NULL, NULL);
  g_assert_cmpstr (contents, ==, "the earlier summary");
  g_assert_cmpuint (count_entries (dir), ==, 1);
  remove_dir (dir);
}

/* The same summary gives the same bytes: the creation date is the
 * summary's, not the clock's. */
static void
test_reproducible (void)
{
  g_autoptr(SpSummary) summary = test_summary ("urgent-red-flag.json", SP_SUMMARY_INCLUDE_IDENTIFIERS);
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GError) error = NULL;
  guint pages = 0;
  gint64 start = g_get_monotonic_time ();

  first = sp_report_render_pdf (summary, &pages, &error);
  g_assert_no_error (error);
  g_test_message ("urgent case: %u pages, %" G_GSIZE_FORMAT " bytes in %.1f ms", pages,
                  g_bytes_get_size (first), (g_get_monotonic_time () - start) / 1000.0);
  second = sp_report_render_pdf (summary, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (first, second));
  g_assert_true (g_str_has_prefix (g_bytes_get_data (first, NULL), "%PDF-"));
}

/* One layout path for PDF and printing: drawing on another surface gives
 * the same pages. */
static void
test_layout_draws_anywhere (void)
{
  g_autoptr(SpSummary) summary = test_summary ("exceptional-case.json", SP_SUMMARY_NONE);
  g_autoptr(SpReportLayout) layout = sp_report_layout_new (summary, SP_REPORT_A4_WIDTH, SP_REPORT_A4_HEIGHT, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 595, 842);
  cairo_t *cr = cairo_create (surface);

  g_assert_cmpuint (sp_report_layout_get_n_pages (layout), >, 1);
  for (guint page = 0; page < sp_report_layout_get_n_pages (layout); page++)
    sp_report_layout_draw_page (layout, cr, page);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_assert_finalize_object (g_steal_pointer (&layout));
}

typedef struct {
  gboolean  done;
  gboolean  ok;
  GError   *error;
} AsyncResult;

static void
written_async (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  AsyncResult *outcome = user_data;

  outcome->ok = sp_report_write_pdf_finish (result, &outcome->error);
  outcome->done = TRUE;
}

/* The window writes in a worker thread; the result is the same file. */
static void
test_async (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "summary.pdf", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing", "summary.pdf", NULL);
  g_autoptr(SpSummary) summary = test_summary ("international-names.json", SP_SUMMARY_INCLUDE_IDENTIFIERS);
  AsyncResult written = { 0 };
  AsyncResult failed = { 0 };
  g_autofree char *text = NULL;

  sp_report_write_pdf_async (summary, path, NULL, written_async, &written);
  while (!written.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (written.error);
  g_assert_true (written.ok);
  text = pdf_text (path);
  assert_contains (text, "Zoë Ñúñez-Ødegård");

  sp_report_write_pdf_async (summary, missing, NULL, written_async, &failed);
  while (!failed.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (failed.ok);
  g_assert_error (failed.error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&failed.error);
  remove_dir (dir);
}

/* The seven cases of the summary issue: the five consultations of the
 * window issue (a sciatica epidural; non-specific low back pain asking
 * about facet injections and fusion; cauda equina found part way through;
 * facet denervation 10 months after the last; SIJ pain with two of four
 * tests done), a red flag with suspected serious pathology, and screening
 * not finished. Their sizes are recorded here: a change that makes one
 * longer shows up as a failing count, to be looked at before the count is
 * raised, and none may pass the limits. */
typedef struct {
  const char *case_name;
  guint       text_lines;        /* the whole summary as text */
  guint       text_lines_brief;  /* without the appendix */
  guint       pages;             /* the whole summary as a PDF */
} Consultation;

static const Consultation consultations[] = {
  { "lumbar-sciatica-supported.json",  240, 48, 6 },
  { "nonspecific-facet-fusion.json",   207, 46, 5 },
  { "urgent-red-flag.json",             63, 28, 2 },
  { "facet-rfd-10-months.json",        123, 33, 4 },
  { "sij-two-of-four-tests.json",      115, 37, 3 },
  { "red-flag-serious-pathology.json",  66, 31, 2 },
  { "screening-incomplete.json",        82, 26, 3 },
};

/* What a clinical system's box receives, and a panel reads on the first
 * page, is at most this. */
#define MAX_TEXT_LINES 60

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    n += *p == '\n';
  return n;
}

static char *
pdf_page_text (const char *path,
               guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  const char *argv[] = { g_getenv ("SP_PDFTOTEXT"), "-raw", "-f", number, "-l", number, path, "-", NULL };
  g_autofree char *raw = run_tool (argv);
  g_autoptr(GRegex) page_number = g_regex_new (" Page [0-9]+ of [0-9]+$", 0, 0, NULL);
  g_autofree char *flat = test_flatten (raw);

  /* "Page 1 of 6" and "Page 1 of 1" are the same first page. */
  return g_regex_replace_literal (page_number, flat, -1, 0, "", 0, NULL);
}

static void
test_consultation (gconstpointer data)
{
  const Consultation *consultation = data;
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(SpSummary) full = test_summary (consultation->case_name, SP_SUMMARY_INCLUDE_IDENTIFIERS);
  g_autoptr(SpSummary) brief = test_summary (consultation->case_name,
                                             SP_SUMMARY_INCLUDE_IDENTIFIERS | SP_SUMMARY_OMIT_REASONS);
  g_autofree char *full_text = sp_summary_to_text (full);
  g_autofree char *brief_text = sp_summary_to_text (brief);
  g_autofree char *full_pdf = write_summary (full, dir, "full.pdf");
  g_autofree char *brief_pdf = write_summary (brief, dir, "brief.pdf");
  g_autofree char *golden_name = NULL;
  g_autofree char *golden_path = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GString) extracted = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  guint pages = pdf_pages (full_pdf);

  g_test_message ("%s: text %u lines (%u without the appendix), PDF %u pages",
                  consultation->case_name, count_lines (full_text), count_lines (brief_text), pages);

  /* The limits. */
  g_assert_cmpuint (count_lines (brief_text), <=, MAX_TEXT_LINES);
  g_assert_cmpuint (pdf_pages (brief_pdf), ==, 1);
  /* The appendix starts a page of its own, so the first page of the full
   * PDF is all of the summary before it: the same words as the one-page
   * summary without it, less the sentence saying it is left out. */
  {
    g_autofree char *first = pdf_page_text (full_pdf, 1);
    g_autofree char *only = pdf_page_text (brief_pdf, 1);
    g_autofree char *omitted = test_flatten (SP_SUMMARY_REASONS_OMITTED);
    g_autoptr(GString) without = g_string_new (only);

    g_assert_cmpuint (g_string_replace (without, omitted, "", 1), ==, 1);
    g_string_replace (without, "  ", " ", 0);
    g_assert_cmpstr (first, ==, without->str);
  }

  /* The sizes recorded. */
  g_assert_cmpuint (count_lines (full_text), ==, consultation->text_lines);
  g_assert_cmpuint (count_lines (brief_text), ==, consultation->text_lines_brief);
  g_assert_cmpuint (pages, ==, consultation->pages);

  /* The PDF's golden: its words page by page (white space made one space,
   * so that the fonts a machine has move no line break into a failure). */
  g_string_append_printf (extracted, "pages: %u\n", pages);
  for (guint page = 1; page <= pages; page++)
    {
      g_autofree char *text = pdf_page_text (full_pdf, page);

      g_string_append_printf (extracted, "--- page %u\n%s\n", page, text);
    }
  golden_name = g_strdup_printf ("%.*s.pdf.txt", (int) (strlen (consultation->case_name) - strlen (".json")),
                                 consultation->case_name);
  golden_path = g_build_filename (g_getenv ("SP_GOLDEN_DIR"), golden_name, NULL);
  if (g_getenv ("SP_UPDATE_GOLDEN"))
    {
      g_file_set_contents (golden_path, extracted->str, -1, &error);
      g_assert_no_error (error);
    }
  g_file_get_contents (golden_path, &expected, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (extracted->str, ==, expected);

  remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/pdf/text", test_text);
  g_test_add_func ("/report/pdf/identifiers", test_identifiers);
  g_test_add_func ("/report/pdf/metadata", test_metadata);
  g_test_add_func ("/report/pdf/tagged-structure", test_tagged_structure);
  g_test_add_func ("/report/pdf/long-notes", test_long_notes);
  g_test_add_func ("/report/pdf/hostile-notes", test_hostile_notes);
  g_test_add_func ("/report/pdf/long-name-header", test_long_name_header);
  g_test_add_func ("/report/pdf/no-orphan-headings", test_no_orphan_headings);
  g_test_add_func ("/report/pdf/international-names", test_international_names);
  g_test_add_func ("/report/pdf/mode-0600", test_mode);
  g_test_add_func ("/report/pdf/missing-folder", test_missing_folder);
  g_test_add_func ("/report/pdf/disk-full", test_disk_full);
  g_test_add_func ("/report/pdf/reproducible", test_reproducible);
  g_test_add_func ("/report/pdf/layout-draws-anywhere", test_layout_draws_anywhere);
  g_test_add_func ("/report/pdf/async", test_async);
  for (guint i = 0; i < G_N_ELEMENTS (consultations); i++)
    {
      g_autofree char *path = g_strdup_printf ("/report/pdf/consultation/%s", consultations[i].case_name);

      g_test_add_data_func (path, &consultations[i], test_consultation);
    }

  status = g_test_run ();
  sp_test_settle_threads ();
  return status;
}
