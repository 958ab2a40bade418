/* sp-json-gate.c: one strict reading of JSON before any parser sees it
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "sp-core-private.h"
#include "sp-json-gate.h"

/* json-glib 1.6, on Debian 12, reads a duplicated member as its last
 * value, "012" as octal, anything after the first value as nothing, and a
 * string up to its first "\u0000"; nested deeply enough, it overflows the
 * stack. Every one of those once changed or could change a decision, so
 * every input passes this scanner first: it accepts exactly RFC 8259 and
 * the contract's further rules, and json-glib then reads only JSON it
 * cannot misread. The scanner keeps its own stack, so depth costs no
 * recursion. */

#define MAX_DEPTH SP_JSON_GATE_MAX_DEPTH
/* Integers beyond this are not exactly representable as doubles, which is
 * how json-glib would hand them on: refuse rather than round. */
#define MAX_EXACT_INTEGER 9007199254740992.0

typedef struct {
  gboolean    is_object;
  guint       index;          /* arrays: the element being read */
  GPtrArray  *keys;           /* objects: the names read so far (decoded) */
  GHashTable *key_set;        /* objects with many members: the same, hashed */
  char       *key;            /* objects: the member being read */
} Level;

typedef struct {
  const guchar *start;
  const guchar *p;
  const guchar *end;
  const char   *file;
  SpError       code;
  Level         levels[MAX_DEPTH];
  guint         depth;
  GError      **error;
} Gate;

static void
level_clear (Level *level)
{
  g_clear_pointer (&level->keys, g_ptr_array_unref);
  g_clear_pointer (&level->key_set, g_hash_table_unref);
  g_clear_pointer (&level->key, g_free);
}

/* Where the reader is: the member path when there is one, so a clinician
 * reads "facts.red_flag_cauda_equina", and the line and column. */
static void
describe_position (Gate     *gate,
                   char    **member,
                   char    **place)
{
  GString *path = g_string_new (NULL);
  guint line = 1, column = 1;

  for (guint i = 0; i < gate->depth; i++)
    {
      Level *level = &gate->levels[i];

      if (path->len > 120)
        {
          /* Past a point a path says nothing more (64 levels of "[0]"). */
          g_string_append (path, "…");
          break;
        }
      if (level->is_object)
        {
          if (level->key == NULL)
            break;
          if (path->len > 0)
            g_string_append_c (path, '.');
          sp_append_printable (path, level->key);
        }
      else
        g_string_append_printf (path, "[%u]", level->index);
    }

  for (const guchar *q = gate->start; q < gate->p && q < gate->end; q++)
    {
      if (*q == '\n')
        line++, column = 1;
      else if ((*q & 0xC0) != 0x80)
        column++;
    }
  *place = g_strdup_printf ("line %u, column %u", line, column);
  *member = g_string_free (path, FALSE);
}

static gboolean
fail (Gate       *gate,
      const char *format,
      ...) G_GNUC_PRINTF (2, 3);

static gboolean
fail (Gate       *gate,
      const char *format,
      ...)
{
  g_autofree char *member = NULL;
  g_autofree char *place = NULL;
  g_autofree char *message = NULL;
  va_list args;

  describe_position (gate, &member, &place);
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (member[0] != '\0')
    sp_set_member_error (gate->error, gate->code, gate->file, member, "%s (%s)", message, place);
  else
    sp_set_member_error (gate->error, gate->code, gate->file, place, "%s", message);
  return FALSE;
}

static void
skip_whitespace (Gate *gate)
{
  while (gate->p < gate->end &&
         (*gate->p == ' ' || *gate->p == '\t' || *gate->p == '\n' || *gate->p == '\r'))
    gate->p++;
}

static gint
hex_value (guchar c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
read_hex4 (Gate    *gate,
           gunichar *value)
{
  *value = 0;
  for (guint i = 0; i < 4; i++)
    {
      gint digit;

      if (gate->p >= gate->end || (digit = hex_value (*gate->p)) < 0)
        return fail (gate, "a \\u escape needs four hexadecimal digits");
      *value = (*value << 4) | (gunichar) digit;
      gate->p++;
    }
  return TRUE;
}

/* A string, at its opening quote. With @decoded, its value is kept (member
 * names, to find duplicates); either way every rule is checked. */
static gboolean
read_string (Gate     *gate,
             GString  *decoded)
{
  gate->p++;  /* the opening quote */

  for (;;)
    {
      guchar c;

      if (gate->p >= gate->end)
        return fail (gate, "a string is not closed");
      c = *gate->p;

      if (c == '"')
        {
          gate->p++;
          return TRUE;
        }
      if (c < 0x20)
        return fail (gate, "a control character (U+%04X) inside a string must be escaped", c);

      if (c == '\\')
        {
          gunichar code;

          if (gate->p + 1 >= gate->end)
            return fail (gate, "a string ends inside an escape");
          gate->p++;
          switch (*gate->p)
            {
            case '"': case '\\': case '/':
              if (decoded)
                g_string_append_c (decoded, *gate->p);
              gate->p++;
              continue;
            case 'b': case 'f': case 'n': case 'r': case 't':
              if (decoded)
                g_string_append_c (decoded, *gate->p == 'b' ? '\b' : *gate->p == 'f' ? '\f' :
                                            *gate->p == 'n' ? '\n' : *gate->p == 'r' ? '\r' : '\t');
              gate->p++;
              continue;
            case 'u':
              gate->p++;
              if (!read_hex4 (gate, &code))
                return FALSE;
              if (code == 0)
                return fail (gate, "\\u0000 is not allowed in a string: it would cut the text short");
              if (code >= 0xDC00 && code <= 0xDFFF)
                return fail (gate, "\\u%04X is half of a character (a lone surrogate)", code);
              if (code >= 0xD800 && code <= 0xDBFF)
                {
                  gunichar low;

                  if (gate->p + 1 >= gate->end || gate->p[0] != '\\' || gate->p[1] != 'u')
                    return fail (gate, "\\u%04X is half of a character (a lone surrogate)", code);
                  gate->p += 2;
                  if (!read_hex4 (gate, &low))
                    return FALSE;
                  if (low < 0xDC00 || low > 0xDFFF)
                    return fail (gate, "\\u%04X is half of a character (a lone surrogate)", code);
                  code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                }
              if (decoded)
                g_string_append_unichar (decoded, code);
              continue;
            default:
              return fail (gate, "\"\\%c\" is not an escape JSON has", g_ascii_isprint (*gate->p) ? *gate->p : '?');
            }
        }

      if (c < 0x80)
        {
          if (decoded)
            g_string_append_c (decoded, c);
          gate->p++;
          continue;
        }

      /* UTF-8: one well-formed sequence at a time. */
      {
        const gchar *next = NULL;
        gsize available = gate->end - gate->p;
        gunichar ch = g_utf8_get_char_validated ((const gchar *) gate->p, MIN (available, 4));

        if (ch == (gunichar) -1 || ch == (gunichar) -2 || (ch >= 0xD800 && ch <= 0xDFFF))
          return fail (gate, "the text is not valid UTF-8");
        next = g_utf8_next_char ((const gchar *) gate->p);
        if (decoded)
          g_string_append_len (decoded, (const gchar *) gate->p, next - (const gchar *) gate->p);
        gate->p = (const guchar *) next;
      }
    }
}

/* RFC 8259's number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?,
 * and one that fits: no "012", "0x0C", "+1", ".5", "1.", "1e999". */
static gboolean
read_number (Gate *gate)
{
  const guchar *begin = gate->p;
  gboolean fraction = FALSE, exponent = FALSE;
  char buffer[64];
  gsize length;
  double value;

  if (*gate->p == '-')
    gate->p++;
  if (gate->p >= gate->end || !g_ascii_isdigit (*gate->p))
    return fail (gate, "a number needs a digit after the minus sign");
  if (*gate->p == '0')
    {
      gate->p++;
      if (gate->p < gate->end && (g_ascii_isdigit (*gate->p) || *gate->p == 'x' || *gate->p == 'X' ||
                                  *gate->p == 'b' || *gate->p == 'B' || *gate->p == 'o' || *gate->p == 'O'))
        return fail (gate, "a number cannot start with 0 (write it without leading zeros, in decimal)");
    }
  else
    while (gate->p < gate->end && g_ascii_isdigit (*gate->p))
      gate->p++;

  if (gate->p < gate->end && *gate->p == '.')
    {
      fraction = TRUE;
      gate->p++;
      if (gate->p >= gate->end || !g_ascii_isdigit (*gate->p))
        return fail (gate, "a decimal point needs digits after it");
      while (gate->p < gate->end && g_ascii_isdigit (*gate->p))
        gate->p++;
    }
  if (gate->p < gate->end && (*gate->p == 'e' || *gate->p == 'E'))
    {
      exponent = TRUE;
      gate->p++;
      if (gate->p < gate->end && (*gate->p == '+' || *gate->p == '-'))
        gate->p++;
      if (gate->p >= gate->end || !g_ascii_isdigit (*gate->p))
        return fail (gate, "an exponent needs digits");
      while (gate->p < gate->end && g_ascii_isdigit (*gate->p))
        gate->p++;
    }

  length = gate->p - begin;
  {
    g_autofree char *copy = length >= sizeof buffer ? g_strndup ((const char *) begin, length) : NULL;
    const char *text = copy;
    gboolean nonzero = FALSE;

    if (copy == NULL)
      {
        memcpy (buffer, begin, length);
        buffer[length] = '\0';
        text = buffer;
      }
    for (const char *q = text; *q != '\0' && *q != 'e' && *q != 'E'; q++)
      nonzero |= *q >= '1' && *q <= '9';
    value = g_ascii_strtod (text, NULL);
    if (!isfinite (value))
      return fail (gate, "the number %.24s%s is too large", text, length > 24 ? "…" : "");
    if (value == 0 && nonzero)
      return fail (gate, "the number %.24s%s is too small to be read exactly", text, length > 24 ? "…" : "");
    if (!fraction && !exponent && fabs (value) > MAX_EXACT_INTEGER)
      return fail (gate, "the number %.24s%s is too large to be read exactly", text, length > 24 ? "…" : "");
  }
  return TRUE;
}

static gboolean
read_literal (Gate       *gate,
              const char *word)
{
  gsize length = strlen (word);

  if ((gsize) (gate->end - gate->p) < length || memcmp (gate->p, word, length) != 0)
    return fail (gate, "this is not JSON (a value must be an object, list, string, number, "
                       "true, false or null)");
  gate->p += length;
  return TRUE;
}

static gboolean
push (Gate     *gate,
      gboolean  is_object)
{
  Level *level;

  if (gate->depth >= MAX_DEPTH)
    return fail (gate, "nested more than %u levels deep", MAX_DEPTH);
  level = &gate->levels[gate->depth++];
  memset (level, 0, sizeof *level);
  level->is_object = is_object;
  gate->p++;
  return TRUE;
}

static void
pop (Gate *gate)
{
  level_clear (&gate->levels[--gate->depth]);
  gate->p++;
}

/* Member names: a short list compared in turn, hashed once it grows, so
 * a hostile object with a million members is still read in linear time. */
static gboolean
add_key (Level *level,
         char  *key)
{
  if (level->keys == NULL)
    level->keys = g_ptr_array_new_with_free_func (g_free);

  if (level->key_set != NULL)
    {
      if (g_hash_table_contains (level->key_set, key))
        return FALSE;
      g_hash_table_add (level->key_set, key);
      g_ptr_array_add (level->keys, key);
      return TRUE;
    }

  for (guint i = 0; i < level->keys->len; i++)
    if (g_str_equal (g_ptr_array_index (level->keys, i), key))
      return FALSE;
  g_ptr_array_add (level->keys, key);
  if (level->keys->len > 16)
    {
      level->key_set = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < level->keys->len; i++)
        g_hash_table_add (level->key_set, g_ptr_array_index (level->keys, i));
    }
  return TRUE;
}

static gboolean
scan (Gate *gate)
{
  g_autoptr(GString) key = g_string_new (NULL);
  /* What the scanner expects next. */
  enum { VALUE, MEMBER_OR_CLOSE, MEMBER, AFTER_VALUE } expect = VALUE;

  for (;;)
    {
      Level *top = gate->depth > 0 ? &gate->levels[gate->depth - 1] : NULL;

      skip_whitespace (gate);

      if (expect == AFTER_VALUE)
        {
          if (top == NULL)
            return TRUE;
          if (gate->p >= gate->end)
            return fail (gate, "the text ends before its %s is closed", top->is_object ? "object" : "list");
          if (*gate->p == ',')
            {
              gate->p++;
              if (top->is_object)
                {
                  g_clear_pointer (&top->key, g_free);
                  expect = MEMBER;
                }
              else
                {
                  top->index++;
                  expect = VALUE;
                }
              continue;
            }
          if (*gate->p == (top->is_object ? '}' : ']'))
            {
              pop (gate);
              expect = AFTER_VALUE;
              continue;
            }
          return fail (gate, top->is_object ? "expected \",\" or \"}\" after a member"
                                            : "expected \",\" or \"]\" after a list element");
        }

      if (gate->p >= gate->end)
        return fail (gate, "the text ends where a value was expected");

      if (expect == MEMBER_OR_CLOSE && *gate->p == '}')
        {
          pop (gate);
          expect = AFTER_VALUE;
          continue;
        }
      if (expect == MEMBER_OR_CLOSE || expect == MEMBER)
        {
          char *name;

          if (*gate->p != '"')
            return fail (gate, "a member name must be a string in double quotes");
          g_string_truncate (key, 0);
          if (!read_string (gate, key))
            return FALSE;
          name = g_strndup (key->str, key->len);
          if (!add_key (top, name))
            {
              g_free (top->key);
              top->key = name;
              return fail (gate, "this member appears twice in the same object; a second value "
                                 "must not silently replace the first");
            }
          g_free (top->key);
          top->key = g_strdup (name);
          skip_whitespace (gate);
          if (gate->p >= gate->end || *gate->p != ':')
            return fail (gate, "expected \":\" after a member name");
          gate->p++;
          expect = VALUE;
          continue;
        }

      /* A value. */
      switch (*gate->p)
        {
        case '{':
          if (!push (gate, TRUE))
            return FALSE;
          expect = MEMBER_OR_CLOSE;
          continue;
        case '[':
          if (!push (gate, FALSE))
            return FALSE;
          skip_whitespace (gate);
          if (gate->p < gate->end && *gate->p == ']')
            {
              pop (gate);
              expect = AFTER_VALUE;
            }
          else
            expect = VALUE;
          continue;
        case '"':
          if (!read_string (gate, NULL))
            return FALSE;
          break;
        case 't':
          if (!read_literal (gate, "true"))
            return FALSE;
          break;
        case 'f':
          if (!read_literal (gate, "false"))
            return FALSE;
          break;
        case 'n':
          if (!read_literal (gate, "null"))
            return FALSE;
          break;
        default:
          if (*gate->p == '-' || g_ascii_isdigit (*gate->p))
            {
              if (!read_number (gate))
                return FALSE;
              break;
            }
          if (*gate->p == '\'')
            return fail (gate, "strings must be in double quotes, not single quotes");
          if (*gate->p == '/')
            return fail (gate, "JSON has no comments");
          if (*gate->p == '\0')
            return fail (gate, "a NUL byte is not allowed");
          return fail (gate, "this is not JSON (a value must be an object, list, string, number, "
                             "true, false or null)");
        }
      expect = AFTER_VALUE;
    }
}

/**
 * sp_json_gate_check:
 * @data: (array length=length): the whole input
 * @file: how to name the input in errors
 * @code: the error code to use (a case, a policy)
 * @offset: (out) (optional): where the JSON starts (after a byte-order mark)
 *
 * Checks that @data is exactly one JSON value by RFC 8259 and the
 * contract's stricter rules: no duplicated member at any level, nothing
 * after the value, numbers JSON allows and that fit, no "\u0000", no lone
 * surrogate, valid UTF-8, no control characters in strings, at most
 * %SP_JSON_GATE_MAX_DEPTH levels of nesting. A UTF-8 byte-order mark at the
 * start is allowed. Empty input is an error like any other.
 *
 * Returns: whether @data may be handed to json-glib (from @offset)
 */
gboolean
sp_json_gate_check (const char  *data,
                    gsize        length,
                    const char  *file,
                    SpError      code,
                    gsize       *offset,
                    GError     **error)
{
  Gate gate = { 0 };
  gboolean ok;

  gate.start = (const guchar *) (data ? data : "");
  gate.p = gate.start;
  gate.end = gate.start + (data ? length : 0);
  gate.file = file;
  gate.code = code;
  gate.error = error;

  if (gate.end - gate.p >= 3 && gate.p[0] == 0xEF && gate.p[1] == 0xBB && gate.p[2] == 0xBF)
    gate.p += 3;
  if (offset)
    *offset = gate.p - gate.start;

  skip_whitespace (&gate);
  if (gate.p >= gate.end)
    {
      sp_set_member_error (error, code, file, NULL, "empty: there is no JSON to read");
      return FALSE;
    }

  ok = scan (&gate);
  if (ok)
    {
      skip_whitespace (&gate);
      if (gate.p < gate.end)
        ok = fail (&gate, "something follows the JSON value; a file holds exactly one");
    }

  while (gate.depth > 0)
    level_clear (&gate.levels[--gate.depth]);
  return ok;
}
