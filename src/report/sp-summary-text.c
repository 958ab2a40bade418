/* sp-summary-text.c: the summary as plain text, for a clinical system's
 * free-text box
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sp-summary.h"

/* Clinical systems' free-text boxes wrap lines themselves, and a line
 * broken here is broken again there, mid-sentence. So each paragraph is
 * one line, whitespace inside it (tabs, line breaks a policy or a
 * clinician wrote) becomes single spaces, and nothing but words and
 * ordinary punctuation is used: no status glyphs, no ruled underlines. */
static void
append_paragraph (GString    *out,
                  const char *prefix,
                  const char *text)
{
  gboolean space = FALSE;
  gboolean started = FALSE;

  g_string_append (out, prefix);
  for (const char *p = text; *p; p++)
    {
      /* Any control character (a tab, a line break) is a space here. */
      if ((guchar) *p <= ' ' || *p == 0x7f)
        {
          space = started;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      started = TRUE;
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '\n');
}

static gboolean
needs_blank_line (const SpSummaryBlock *block,
                  const SpSummaryBlock *previous)
{
  if (previous == NULL)
    return FALSE;
  if (block->kind == SP_SUMMARY_BLOCK_HEADING)
    return TRUE;
  if (previous->kind == SP_SUMMARY_BLOCK_HEADING)
    return FALSE;
  /* Runs of lines of one kind read as one list. */
  if (block->kind == previous->kind &&
      (block->kind == SP_SUMMARY_BLOCK_KEY_VALUE ||
       block->kind == SP_SUMMARY_BLOCK_LIST_ITEM))
    return FALSE;
  if (block->kind == SP_SUMMARY_BLOCK_QUOTE && previous->kind == SP_SUMMARY_BLOCK_QUOTE &&
      previous->text[0] == '\0')
    return FALSE;
  return TRUE;
}

static void
append_block (GString              *out,
              const SpSummaryBlock *block)
{
  switch (block->kind)
    {
    case SP_SUMMARY_BLOCK_TITLE:
      append_paragraph (out, "", block->text);
      break;

    case SP_SUMMARY_BLOCK_HEADING:
      /* A heading's glyph (block->key) is for the PDF; the words say it. */
      if (block->level <= 1)
        {
          g_autofree char *upper = g_utf8_strup (block->text, -1);

          append_paragraph (out, "", upper);
        }
      else
        append_paragraph (out, "", block->text);
      break;

    case SP_SUMMARY_BLOCK_PARAGRAPH:
      append_paragraph (out, "", block->text);
      break;

    case SP_SUMMARY_BLOCK_KEY_VALUE:
      {
        g_autofree char *first = g_strdup_printf ("%s: ", block->key);

        append_paragraph (out, first, block->text);
      }
      break;

    case SP_SUMMARY_BLOCK_DECISION_TABLE:
      for (guint i = 0; i < block->rows->len; i++)
        {
          const SpSummaryRow *row = &g_array_index (block->rows, SpSummaryRow, i);
          g_autofree char *line = row->unmet[0] != '\0'
            ? g_strdup_printf ("%s: %s. %s", sp_status_get_label (row->status), row->intervention, row->unmet)
            : g_strdup_printf ("%s: %s", sp_status_get_label (row->status), row->intervention);

          append_paragraph (out, "", line);
        }
      break;

    case SP_SUMMARY_BLOCK_QUOTE:
      {
        g_autofree char *attribution = g_strdup_printf ("%s%s", block->key, block->text[0] ? ":" : "");

        append_paragraph (out, "", attribution);
        if (block->text[0] != '\0')
          {
            /* A bulleted clause keeps its lines: each bullet is a line of
             * its own, as the policy sets it out. */
            g_auto(GStrv) lines = g_strsplit (block->text, "\n", -1);
            guint n = g_strv_length (lines);

            for (guint i = 0; i < n; i++)
              {
                g_autofree char *line = g_strdup_printf ("%s%s%s", i == 0 ? "“" : "",
                                                         lines[i], i + 1 == n ? "”" : "");
                guint depth = strspn (lines[i], " ");
                g_autofree char *indent = g_strnfill (2 + depth, ' ');

                append_paragraph (out, indent, line);
              }
          }
      }
      break;

    case SP_SUMMARY_BLOCK_BANNER:
      {
        g_autofree char *upper = g_utf8_strup (block->key, -1);

        append_paragraph (out, "", upper);
        append_paragraph (out, "", block->text);
      }
      break;

    case SP_SUMMARY_BLOCK_LIST_ITEM:
      append_paragraph (out, "- ", block->text);
      break;

    case SP_SUMMARY_BLOCK_NOTE:
      append_paragraph (out, _("Note: "), block->text);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
append_section (GString               *out,
                SpSummary             *self,
                SpSummarySection       section,
                gboolean               titles,
                const SpSummaryBlock **previous)
{
  for (guint i = 0; i < sp_summary_get_n_blocks (self); i++)
    {
      const SpSummaryBlock *block = sp_summary_get_block (self, i);

      if (block->section != section || (block->kind == SP_SUMMARY_BLOCK_TITLE) != titles)
        continue;
      if (needs_blank_line (block, *previous))
        g_string_append_c (out, '\n');
      append_block (out, block);
      *previous = block;
    }
}

/**
 * sp_summary_to_text:
 *
 * The summary as plain text for pasting into a clinical record's free-text
 * box: one paragraph per line (the box wraps them), plain words and no
 * markup or glyphs, in the PDF's order: who and what it is about, then the
 * decisions, then everything else the PDF says. The same summary always
 * gives the same text.
 *
 * Returns: (transfer full): UTF-8 text ending in a newline
 */
char *
sp_summary_to_text (SpSummary *self)
{
  GString *out;
  const SpSummaryBlock *previous = NULL;
  g_autofree char *footer = NULL;

  g_return_val_if_fail (SP_IS_SUMMARY (self), NULL);

  out = g_string_new (NULL);
  append_section (out, self, SP_SUMMARY_SECTION_HEADER, TRUE, &previous);
  append_section (out, self, SP_SUMMARY_SECTION_HEADER, FALSE, &previous);
  append_section (out, self, SP_SUMMARY_SECTION_DECISIONS, FALSE, &previous);
  append_section (out, self, SP_SUMMARY_SECTION_DETAILS, FALSE, &previous);
  append_section (out, self, SP_SUMMARY_SECTION_APPENDIX, FALSE, &previous);

  footer = sp_summary_dup_footer (self);
  g_string_append (out, "\n--\n");
  append_paragraph (out, "", footer);

  return g_string_free (out, FALSE);
}
