/* sp-summary-text.c: the summary as plain text, for a clinical system's
 * free-text box
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "sp-summary.h"

/* Many clinical systems show free text in a fixed-width box of about 80
 * columns and break long lines wherever they like; 72 leaves a margin. */
#define TEXT_WIDTH 72

static guint
char_width (gunichar c)
{
  if (g_unichar_iszerowidth (c))
    return 0;
  return g_unichar_iswide (c) ? 2 : 1;
}

static guint
text_width (const char *text,
            gssize      length)
{
  const char *end = length < 0 ? text + strlen (text) : text + length;
  guint width = 0;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    width += char_width (g_utf8_get_char (p));
  return width;
}

/* Appends @text wrapped at TEXT_WIDTH columns: @first before the first line,
 * @indent before the others. Words wider than a line (a long number, or
 * Chinese, which has no spaces) are broken between characters. Columns are
 * counted as a terminal shows them, a wide character as two, so no line is
 * longer than TEXT_WIDTH characters either. */
static void
append_wrapped (GString    *out,
                const char *first,
                const char *indent,
                const char *text)
{
  g_autoptr(GString) line = g_string_new (first);
  guint line_width = text_width (first, -1);
  guint indent_width = text_width (indent, -1);
  gboolean line_has_word = FALSE;
  const char *p = text;

  while (*p)
    {
      const char *word_end;
      guint word_width;

      if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        {
          p++;
          continue;
        }

      word_end = p;
      while (*word_end && *word_end != ' ' && *word_end != '\t' && *word_end != '\n' && *word_end != '\r')
        word_end = g_utf8_next_char (word_end);
      word_width = text_width (p, word_end - p);

      if (line_has_word && line_width + 1 + word_width > TEXT_WIDTH)
        {
          g_string_append_c (line, '\n');
          g_string_append (out, line->str);
          g_string_assign (line, indent);
          line_width = indent_width;
          line_has_word = FALSE;
        }

      if (line_has_word)
        {
          g_string_append_c (line, ' ');
          line_width++;
        }

      /* A word too wide even for an empty line: break it where it reaches
       * the edge. */
      while (line_width + word_width > TEXT_WIDTH)
        {
          const char *q = p;

          while (q < word_end)
            {
              guint w = char_width (g_utf8_get_char (q));

              if (line_width + w > TEXT_WIDTH)
                break;
              line_width += w;
              q = g_utf8_next_char (q);
            }
          if (q == p)   /* not even one character fits after the indent */
            q = g_utf8_next_char (p);
          g_string_append_len (line, p, q - p);
          g_string_append_c (line, '\n');
          g_string_append (out, line->str);
          g_string_assign (line, indent);
          line_width = indent_width;
          word_width -= text_width (p, q - p);
          p = q;
        }

      g_string_append_len (line, p, word_end - p);
      line_width += word_width;
      line_has_word = TRUE;
      p = word_end;
    }

  g_string_append_c (line, '\n');
  g_string_append (out, line->str);
}

static void
append_rule (GString    *out,
             const char *text,
             char        c)
{
  guint width = MIN (text_width (text, -1), TEXT_WIDTH);

  for (guint i = 0; i < width; i++)
    g_string_append_c (out, c);
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
      append_wrapped (out, "", "", block->text);
      append_rule (out, block->text, '=');
      break;

    case SP_SUMMARY_BLOCK_HEADING:
      if (block->level <= 1)
        {
          g_autofree char *upper = g_utf8_strup (block->text, -1);

          append_wrapped (out, "", "", upper);
          append_rule (out, upper, '=');
        }
      else
        {
          append_wrapped (out, "", "  ", block->text);
          append_rule (out, block->text, '-');
        }
      break;

    case SP_SUMMARY_BLOCK_PARAGRAPH:
      append_wrapped (out, "", "", block->text);
      break;

    case SP_SUMMARY_BLOCK_KEY_VALUE:
      {
        g_autofree char *first = g_strdup_printf ("%s: ", block->key);

        /* Wrap key and value together, continuing under the key. */
        g_autofree char *joined = g_strconcat (first, block->text, NULL);

        append_wrapped (out, "", "    ", joined);
      }
      break;

    case SP_SUMMARY_BLOCK_DECISION_TABLE:
      for (guint i = 0; i < block->rows->len; i++)
        {
          const SpSummaryRow *row = &g_array_index (block->rows, SpSummaryRow, i);
          g_autofree char *head = g_strdup_printf ("%s %s: %s",
                                                   sp_summary_status_get_icon (row->status),
                                                   sp_status_get_label (row->status),
                                                   row->intervention);

          append_wrapped (out, "", "  ", head);
          if (row->reason[0] != '\0')
            append_wrapped (out, "  ", "  ", row->reason);
        }
      break;

    case SP_SUMMARY_BLOCK_QUOTE:
      {
        g_autofree char *attribution = g_strdup_printf ("%s%s", block->key, block->text[0] ? ":" : "");
        g_autofree char *quoted = g_strdup_printf ("“%s”", block->text);

        append_wrapped (out, "", "  ", attribution);
        if (block->text[0] != '\0')
          {
            /* A bulleted clause keeps its lines: each bullet starts a line
             * of its own, wrapped under its own words. */
            g_auto(GStrv) lines = g_strsplit (quoted, "\n", -1);

            for (guint i = 0; lines[i]; i++)
              {
                guint depth = strspn (lines[i], " ");
                g_autofree char *first = g_strnfill (4 + depth, ' ');
                g_autofree char *indent = g_strnfill (4 + depth + (lines[i][depth] != '\0' && i > 0 ? 2 : 0), ' ');

                append_wrapped (out, first, indent, lines[i] + depth);
              }
          }
      }
      break;

    case SP_SUMMARY_BLOCK_BANNER:
      {
        g_autofree char *title = NULL;

        if (block->tone == SP_SUMMARY_TONE_URGENT)
          title = g_strdup_printf ("%s %s", sp_summary_status_get_icon (SP_STATUS_URGENT_REFERRAL),
                                   block->key);
        else
          title = g_strdup_printf ("! %s", block->key);
        {
          g_autofree char *upper = g_utf8_strup (title, -1);

          append_wrapped (out, "", "  ", upper);
        }
        append_wrapped (out, "  ", "  ", block->text);
      }
      break;

    case SP_SUMMARY_BLOCK_LIST_ITEM:
      append_wrapped (out, "- ", "  ", block->text);
      break;

    case SP_SUMMARY_BLOCK_NOTE:
      {
        g_autofree char *first = g_strdup_printf ("%s ", block->key ? block->key : "*");

        append_wrapped (out, first, "  ", block->text);
      }
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
 * box: no line longer than 72 characters, no markup, the decisions first
 * and then everything else the PDF says. The same summary always gives the
 * same text.
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
  append_section (out, self, SP_SUMMARY_SECTION_DECISIONS, FALSE, &previous);
  g_string_append_c (out, '\n');
  previous = NULL;
  append_section (out, self, SP_SUMMARY_SECTION_HEADER, FALSE, &previous);
  append_section (out, self, SP_SUMMARY_SECTION_DETAILS, FALSE, &previous);

  footer = sp_summary_dup_footer (self);
  g_string_append (out, "\n--\n");
  append_wrapped (out, "", "", footer);

  return g_string_free (out, FALSE);
}
