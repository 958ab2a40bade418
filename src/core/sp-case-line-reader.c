/* sp-case-line-reader.c: reading batch case lines, fast when it is safe
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "sp-case.h"
#include "sp-case-line-reader.h"
#include "sp-json-gate.h"
#include "sp-core-private.h"
#include "sp-policy.h"

/* Building a json-glib tree for every line of a batch cost more than
 * evaluating the case, so batch lines are first offered to a small reader
 * that understands only the narrow, regular JSON that programs write. The
 * reference remains json-glib and sp_values_from_json_node(): whenever the
 * fast reader meets anything outside its subset, or any value or
 * constraint that is not valid, it gives the line back (returns %FALSE,
 * never an error), and the line is read again by the reference. So which
 * lines are refused, and the words of every error, are always the
 * reference's; the fast reader can only be narrower, never different.
 * Each value it reads is checked by the same sp_fact_check_value() and
 * sp_values_check_constraints() as the reference's, never by a copy.
 *
 * The subset it accepts:
 *  - one object whose members are "format", "format_version" and "facts",
 *    once each, in any order, and optionally "policy", and nothing else;
 *  - "format" the string SP_CASE_FORMAT; "format_version" an integer from
 *    1 to SP_CASE_FORMAT_VERSION, written without a fraction or exponent;
 *  - "facts" an object whose members are facts of the policy, once each,
 *    each null, true, false, a number, a string, or an array of strings;
 *  - "policy" (which the app writes into every case it saves) an object of
 *    the strings "id" and "version", of at most SP_CASE_MAX_NAME_CHARACTERS,
 *    and "sha256", 64 lower-case hexadecimal digits, once each and nothing
 *    else: the reference's checks, no wider;
 *  - strings of printable ASCII only, without escapes;
 *  - numbers -?(0|[1-9][0-9]*)(.[0-9]+)?, without an exponent, integers of
 *    at most 15 digits (exact in a double, far from json-glib's overflow);
 *  - spaces and tabs between tokens, and one newline at the very end.
 *
 * Lines with "patient", "clinician" or "notes" are given back rather than
 * checked here: the reference checks them (the NHS number's Modulus 11
 * check, the date of birth, the members allowed), a second copy of those
 * checks would be a second place for them to go wrong, and batch lines
 * seldom carry identity. */

struct _SpCaseLineReader
{
  SpPolicy   *policy;
  JsonParser *parser;
  guint       n_facts;
  const char **fact_ids;      /* the policy's, by index */
  gsize      *fact_id_lengths;
  char       *scratch;        /* the line's strings, NUL-terminated */
  gsize       scratch_size;
};

typedef struct {
  const char *p;
  const char *end;
  char       *scratch;        /* the next free byte of the reader's scratch */
} Scanner;

/**
 * sp_case_line_reader_new:
 *
 * Returns: (transfer full): a reader for case lines of @policy; one per
 *   thread, as it keeps its buffers and parser between lines
 */
SpCaseLineReader *
sp_case_line_reader_new (SpPolicy *policy)
{
  SpCaseLineReader *self = g_new0 (SpCaseLineReader, 1);

  g_return_val_if_fail (SP_IS_POLICY (policy), NULL);

  self->policy = g_object_ref (policy);
  self->parser = json_parser_new_immutable ();
  self->n_facts = sp_policy_get_n_facts (policy);
  self->fact_ids = g_new0 (const char *, self->n_facts);
  self->fact_id_lengths = g_new0 (gsize, self->n_facts);
  for (guint i = 0; i < self->n_facts; i++)
    {
      self->fact_ids[i] = sp_fact_get_id (sp_policy_get_fact (policy, i));
      self->fact_id_lengths[i] = strlen (self->fact_ids[i]);
    }
  return self;
}

void
sp_case_line_reader_free (SpCaseLineReader *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->parser);
  g_clear_object (&self->policy);
  g_free (self->fact_ids);
  g_free (self->fact_id_lengths);
  g_free (self->scratch);
  g_free (self);
}

static inline void
skip_space (Scanner *s)
{
  while (s->p < s->end && (*s->p == ' ' || *s->p == '\t'))
    s->p++;
}

static inline gboolean
expect (Scanner *s,
        char     c)
{
  skip_space (s);
  if (s->p >= s->end || *s->p != c)
    return FALSE;
  s->p++;
  return TRUE;
}

/* After a member's value: ',' and another member, or the object's end. */
static inline gboolean
next_member (Scanner  *s,
             gboolean *more)
{
  skip_space (s);
  if (s->p < s->end && *s->p == ',')
    *more = TRUE;
  else if (s->p < s->end && *s->p == '}')
    *more = FALSE;
  else
    return FALSE;
  s->p++;
  return TRUE;
}

#define SP_BYTES(b) (G_GUINT64_CONSTANT (0x0101010101010101) * (b))

/* Whether any of eight bytes is outside the subset's strings: a control
 * character, DEL or beyond ASCII (whose UTF-8 json-glib validates), or a
 * backslash (escapes are left to the reference). The bit tricks never miss
 * a byte: a byte below c borrows when c is taken from it, and a byte equal
 * to c becomes zero when xored with c. A borrow can mark a later byte too,
 * so the answer is only "somewhere in these eight": the byte loop that
 * follows finds where, and decides. */
static inline gboolean
word_outside_plain_ascii (guint64 word)
{
  guint64 backslashes = word ^ SP_BYTES ('\\');
  guint64 deletes = word ^ SP_BYTES (0x7f);
  guint64 flagged = ((word - SP_BYTES (0x20)) & ~word) |
                    ((backslashes - SP_BYTES (0x01)) & ~backslashes) |
                    ((deletes - SP_BYTES (0x01)) & ~deletes) |
                    word;

  return (flagged & SP_BYTES (0x80)) != 0;
}

/* Each string of n bytes takes n + 2 bytes of the line (its quotes) and
 * n + 1 of the scratch, so a scratch as long as the line always has room.
 * Reading strings was a tenth of a batch's time byte by byte, so the end
 * is found with memchr() and the bytes checked eight at a time. */
static gboolean
read_string_length (Scanner     *s,
                    const char **out,
                    gsize       *length)
{
  const char *start, *close, *p;
  gsize n;

  if (!expect (s, '"'))
    return FALSE;
  start = s->p;
  close = memchr (start, '"', s->end - start);
  if (close == NULL)
    return FALSE;

  for (p = start; close - p >= 8; p += 8)
    {
      guint64 word;

      memcpy (&word, p, sizeof word);
      if (word_outside_plain_ascii (word))
        break;
    }
  for (; p < close; p++)
    {
      guchar c = (guchar) *p;

      if (c < 0x20 || c > 0x7e || c == '\\')
        return FALSE;
    }

  n = close - start;
  s->p = close + 1;
  memcpy (s->scratch, start, n);
  s->scratch[n] = '\0';
  *out = s->scratch;
  *length = n;
  s->scratch += n + 1;
  return TRUE;
}

static inline gboolean
read_string (Scanner     *s,
             const char **out)
{
  gsize length;

  return read_string_length (s, out, &length);
}

static gboolean
read_literal (Scanner    *s,
              const char *word)
{
  gsize n = strlen (word);

  if ((gsize) (s->end - s->p) < n || memcmp (s->p, word, n) != 0)
    return FALSE;
  s->p += n;
  /* "nullx" or "true5" must not pass as null or true. */
  return s->p == s->end || *s->p == ' ' || *s->p == '\t' || *s->p == ',' ||
         *s->p == '}' || *s->p == ']';
}

/* As json-glib reads it: an integer is a gint64 made a double (so "-0" is
 * 0), a fraction is the correctly rounded double of its text (json-glib's
 * g_strtod() and g_ascii_strtod() agree on every text accepted here). */
static gboolean
read_number (Scanner  *s,
             double   *out,
             gboolean *integral)
{
  const char *start = s->p;
  const char *q = s->p;
  gboolean negative = FALSE;
  guint n_digits = 0, n_fraction = 0;
  gint64 whole = 0;

  if (q < s->end && *q == '-')
    {
      negative = TRUE;
      q++;
    }
  if (q >= s->end || !g_ascii_isdigit (*q))
    return FALSE;
  if (*q == '0')
    {
      q++;
      if (q < s->end && g_ascii_isdigit (*q))
        return FALSE;
    }
  else
    {
      while (q < s->end && g_ascii_isdigit (*q))
        {
          if (++n_digits > 15)
            return FALSE;
          whole = whole * 10 + (*q - '0');
          q++;
        }
    }
  if (q < s->end && *q == '.')
    {
      q++;
      while (q < s->end && g_ascii_isdigit (*q))
        {
          n_fraction++;
          q++;
        }
      if (n_fraction == 0)
        return FALSE;
    }
  if (q < s->end && !(*q == ' ' || *q == '\t' || *q == ',' || *q == '}' || *q == ']'))
    return FALSE;

  if (n_fraction == 0)
    {
      *out = (double) (negative ? -whole : whole);
      *integral = TRUE;
    }
  else
    {
      char text[48];
      gsize n = q - start;
      char *end = NULL;

      if (n >= sizeof text)
        return FALSE;
      memcpy (text, start, n);
      text[n] = '\0';
      *out = g_ascii_strtod (text, &end);
      if (end != text + n)
        return FALSE;
      *integral = FALSE;
    }
  s->p = q;
  return TRUE;
}

static gboolean
read_value (Scanner      *s,
            SpJsonScalar *input,
            const char  **items)
{
  gboolean integral;

  memset (input, 0, sizeof *input);
  skip_space (s);
  if (s->p >= s->end)
    return FALSE;

  switch (*s->p)
    {
    case '"':
      input->kind = SP_JSON_KIND_STRING;
      return read_string (s, &input->string);

    case 'n':
      input->kind = SP_JSON_KIND_NULL;
      return read_literal (s, "null");

    case 't':
      input->kind = SP_JSON_KIND_BOOLEAN;
      input->boolean = TRUE;
      return read_literal (s, "true");

    case 'f':
      input->kind = SP_JSON_KIND_BOOLEAN;
      input->boolean = FALSE;
      return read_literal (s, "false");

    case '[':
      input->kind = SP_JSON_KIND_ARRAY;
      input->items = items;
      s->p++;
      skip_space (s);
      if (s->p < s->end && *s->p == ']')
        {
          s->p++;
          return TRUE;
        }
      for (;;)
        {
          if (input->n_items == SP_MAX_CHOICES ||
              !read_string (s, &items[input->n_items]))
            return FALSE;
          input->n_items++;
          skip_space (s);
          if (s->p >= s->end)
            return FALSE;
          if (*s->p == ']')
            {
              s->p++;
              return TRUE;
            }
          if (*s->p != ',')
            return FALSE;
          s->p++;
        }

    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      input->kind = SP_JSON_KIND_NUMBER;
      return read_number (s, &input->number, &integral);

    default:
      return FALSE;
    }
}

static gboolean
read_facts (SpCaseLineReader *self,
            Scanner          *s,
            SpValue          *values)
{
  const char *items[SP_MAX_CHOICES];
  SpFactSet seen;
  gboolean more = TRUE;
  guint next = 0;

  sp_fact_set_clear (&seen);
  if (!expect (s, '{'))
    return FALSE;
  skip_space (s);
  if (s->p < s->end && *s->p == '}')
    {
      s->p++;
      return TRUE;
    }

  while (more)
    {
      SpJsonScalar input;
      const char *name;
      gsize name_length;
      SpFact *fact;
      guint index;
      char *problem = NULL;

      if (!read_string_length (s, &name, &name_length) || !expect (s, ':'))
        return FALSE;
      /* Programs write facts in the policy's order, leaving out those not
       * recorded, so the facts after the last one are tried, in order,
       * before the policy's table; the name decides. An unknown fact, or
       * one given twice, is for the reference to word. */
      fact = NULL;
      for (guint i = next; i < self->n_facts && i < next + 8; i++)
        if (name_length == self->fact_id_lengths[i] && memcmp (name, self->fact_ids[i], name_length) == 0)
          {
            fact = sp_policy_get_fact (self->policy, i);
            break;
          }
      if (fact == NULL && !(fact = sp_policy_lookup_fact (self->policy, name)))
        return FALSE;
      index = sp_fact_get_index (fact);
      next = index + 1;
      if (sp_fact_set_contains (&seen, index))
        return FALSE;
      sp_fact_set_add (&seen, index);

      if (!read_value (s, &input, items))
        return FALSE;
      if (!sp_fact_check_value (fact, &input, &values[index], &problem))
        {
          g_free (problem);
          return FALSE;
        }
      if (!next_member (s, &more))
        return FALSE;
    }
  return TRUE;
}

/* "policy": nothing in it changes a decision, so it is only checked. The
 * subset's strings are printable ASCII: a byte is a character. */
static gboolean
read_saved_policy (Scanner *s)
{
  gboolean seen_id = FALSE, seen_version = FALSE, seen_sha256 = FALSE;
  gboolean more = TRUE;

  if (!expect (s, '{'))
    return FALSE;
  while (more)
    {
      const char *name, *value;

      if (!read_string (s, &name) || !expect (s, ':') || !read_string (s, &value))
        return FALSE;
      if (g_str_equal (name, "id") && !seen_id && strlen (value) <= SP_CASE_MAX_NAME_CHARACTERS)
        seen_id = TRUE;
      else if (g_str_equal (name, "version") && !seen_version && strlen (value) <= SP_CASE_MAX_NAME_CHARACTERS)
        seen_version = TRUE;
      else if (g_str_equal (name, "sha256") && !seen_sha256 && sp_is_sha256_hex (value))
        seen_sha256 = TRUE;
      else
        return FALSE;
      if (!next_member (s, &more))
        return FALSE;
    }
  return seen_id && seen_version && seen_sha256;
}

static gboolean
read_case (SpCaseLineReader *self,
           Scanner          *s,
           guint32           today,
           SpValue          *values)
{
  gboolean seen_format = FALSE, seen_version = FALSE, seen_facts = FALSE, seen_policy = FALSE;
  gboolean more = TRUE;

  if (!expect (s, '{'))
    return FALSE;

  while (more)
    {
      const char *name;

      if (!read_string (s, &name) || !expect (s, ':'))
        return FALSE;
      skip_space (s);

      if (g_str_equal (name, "format") && !seen_format)
        {
          const char *format;

          if (!read_string (s, &format) || !g_str_equal (format, SP_CASE_FORMAT))
            return FALSE;
          seen_format = TRUE;
        }
      else if (g_str_equal (name, "format_version") && !seen_version)
        {
          double version;
          gboolean integral;

          if (!read_number (s, &version, &integral) || !integral ||
              version < 1 || version > SP_CASE_FORMAT_VERSION)
            return FALSE;
          seen_version = TRUE;
        }
      else if (g_str_equal (name, "facts") && !seen_facts)
        {
          if (!read_facts (self, s, values))
            return FALSE;
          seen_facts = TRUE;
        }
      else if (g_str_equal (name, "policy") && !seen_policy)
        {
          if (!read_saved_policy (s))
            return FALSE;
          seen_policy = TRUE;
        }
      else
        return FALSE;

      if (!next_member (s, &more))
        return FALSE;
    }

  skip_space (s);
  return s->p == s->end && seen_format && seen_version && seen_facts &&
         sp_values_check_constraints (self->policy, values, today, "", NULL);
}

/**
 * sp_case_line_reader_read_fast:
 * @text: one line of a batch, with or without its newline; need not be
 *   NUL-terminated
 * @today: for the constraints, as sp_values_check_constraints()
 * @values: (out caller-allocates): one per fact of the policy; cleared
 *   first, and left cleared when the line is given back
 *
 * Reads @text if it is in the subset described above and valid.
 *
 * Returns: %TRUE with @values read; %FALSE when the line is for the
 *   reference to read (it may still be a valid case)
 */
gboolean
sp_case_line_reader_read_fast (SpCaseLineReader *self,
                               const char       *text,
                               gsize             length,
                               guint32           today,
                               SpValue          *values)
{
  Scanner s;

  for (guint i = 0; i < self->n_facts; i++)
    sp_value_clear (&values[i]);

  if (self->scratch_size < length + 1)
    {
      g_free (self->scratch);
      self->scratch_size = MAX (length + 1, 4096);
      self->scratch = g_malloc (self->scratch_size);
    }

  s.p = text;
  s.end = text + length;
  s.scratch = self->scratch;
  if (s.end > s.p && s.end[-1] == '\n')
    s.end--;

  if (read_case (self, &s, today, values))
    return TRUE;

  for (guint i = 0; i < self->n_facts; i++)
    sp_value_clear (&values[i]);
  return FALSE;
}

/**
 * sp_case_line_reader_read:
 * @path: the batch file's name, for errors
 * @line: @text's line number in it, for errors
 * @values: (out caller-allocates): one per fact of the policy
 *
 * Reads one batch line: by the fast reader when it can, else by json-glib
 * and sp_values_from_json_node(), whose errors name "PATH:LINE".
 *
 * Returns: %TRUE with @values read, or %FALSE with @error set
 */
gboolean
sp_case_line_reader_read (SpCaseLineReader *self,
                          const char       *text,
                          gsize             length,
                          const char       *path,
                          gint64            line,
                          guint32           today,
                          SpValue          *values,
                          GError          **error)
{
  g_autoptr(GError) parse_error = NULL;
  g_autofree char *where = NULL;
  gsize offset = 0;

  if (length > SP_BATCH_LINE_MAX_SIZE)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID_CASE,
                   "%s:%" G_GINT64_FORMAT ": too long for a case (%" G_GSIZE_FORMAT " bytes; at most %u)",
                   path, line, length, SP_BATCH_LINE_MAX_SIZE);
      for (guint i = 0; i < self->n_facts; i++)
        sp_value_clear (&values[i]);
      return FALSE;
    }

  /* A carriage return that ends no line (old Mac line endings) would
   * otherwise join every case of the file into this one. */
  for (const char *cr = memchr (text, '\r', length); cr != NULL;
       cr = memchr (cr + 1, '\r', length - (cr + 1 - text)))
    if (cr + 1 < text + length && cr[1] != '\n')
      {
        g_set_error (error, SP_ERROR, SP_ERROR_INVALID_CASE,
                     "%s:%" G_GINT64_FORMAT ": lines end with a carriage return only (CR); a batch file "
                     "needs one case per line, ending in LF or CR LF", path, line);
        for (guint i = 0; i < self->n_facts; i++)
          sp_value_clear (&values[i]);
        return FALSE;
      }

  /* The fast reader's subset is strict JSON already: every member once,
   * one value on the line, no "012", printable ASCII without escapes. So a
   * line it takes is one the strict gate would let through
   * (tests/fuzz/fuzz-line-reader.c checks that on every input), and the
   * gate, which cost as much as the fast read, is kept for the lines it
   * gives back. */
  if (sp_case_line_reader_read_fast (self, text, length, today, values))
    return TRUE;

  where = g_strdup_printf ("%s:%" G_GINT64_FORMAT, path, line);
  /* What the reference sees is only what the strict gate lets through: a
   * repeated fact, a second value on the line, "012" or a NUL never reach
   * it. */
  if (!sp_json_gate_check (text, length, where, SP_ERROR_INVALID_CASE, &offset, error))
    {
      for (guint i = 0; i < self->n_facts; i++)
        sp_value_clear (&values[i]);
      return FALSE;
    }
  text += offset;
  length -= offset;

  if (!json_parser_load_from_data (self->parser, text, length, &parse_error))
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID_CASE,
                   "%s: not a Spinal Pathways case: not valid JSON (%s)",
                   where, parse_error->message);
      return FALSE;
    }
  return sp_values_from_json_node (self->policy, json_parser_get_root (self->parser), where,
                                   today, values, NULL, error);
}
