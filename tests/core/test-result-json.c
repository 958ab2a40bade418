/* test-result-json.c: the hand-written JSON of results reads back as what
 * was written.
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <json-glib/json-glib.h>

#include "sp-result-json.h"

/* What json-glib reads back from one escaped string. */
static char *
read_back (const char *escaped)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *document = g_strdup_printf ("[%s]", escaped);
  JsonNode *root;

  json_parser_load_from_data (parser, document, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  return g_strdup (json_array_get_string_element (json_node_get_array (root), 0));
}

/* The escaping JSON requires, a byte at a time: what the fast escaper,
 * eight bytes at a time, must give exactly. */
static char *
reference_escape (const char *text)
{
  GString *out = g_string_new ("\"");

  for (const guchar *p = (const guchar *) text; *p; p++)
    switch (*p)
      {
      case '"': g_string_append (out, "\\\""); break;
      case '\\': g_string_append (out, "\\\\"); break;
      case '\n': g_string_append (out, "\\n"); break;
      case '\r': g_string_append (out, "\\r"); break;
      case '\t': g_string_append (out, "\\t"); break;
      default:
        if (*p < 0x20)
          g_string_append_printf (out, "\\u%04x", *p);
        else
          g_string_append_c (out, (char) *p);
      }
  g_string_append_c (out, '"');
  return g_string_free (out, FALSE);
}

/* The escaped text is the reference's byte for byte (so no control byte
 * is left raw: json-glib 1.6 would read one back unchanged), and reads
 * back as the text. */
static void
assert_escapes (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *expected = reference_escape (text);
  g_autofree char *back = NULL;

  sp_json_append_string (out, text);
  g_assert_cmpstr (out->str, ==, expected);
  for (gsize i = 0; i < out->len; i++)
    g_assert_cmpuint ((guchar) out->str[i], >=, 0x20);
  back = read_back (out->str);
  g_assert_cmpstr (back, ==, text);
}

static void
test_escaping_fixed (void)
{
  const char *texts[] = {
    "",
    "plain",
    "exactly8",
    "sixteen bytes!!!",
    "\"",
    "\\",
    "a \"quoted\" word",
    "ends with a backslash\\",
    "\"starts with a quote and runs past eight bytes",
    "tab\there, newline\nthere, return\rhere",
    "\x01\x02\x1f control",
    "seven b\x1f",
    "eight by\x1f",
    "nine byte\x1f",
    "UTF-8: \xc3\xa9\xe2\x80\x94\xf0\x9f\x98\x80 and \"quotes\" after",
    "\x7f is not escaped",
    "  \x20\x21\x22\x23 \x5b\x5c\x5d ",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    assert_escapes (texts[i]);
}

/* Every position of every byte that needs escaping, among neighbours that
 * do not, in strings of every length around the sixteen- and eight-byte
 * steps (two sixteen-byte blocks, then the tail). */
static void
test_escaping_every_position (void)
{
  const guchar specials[] = { '"', '\\', 0x01, 0x1f, '\n', '\t' };
  const guchar neighbours[] = { 'a', ' ', 0x20, 0x21, 0x23, 0x5b, 0x5d, 0x7f, 0xc3 };

  for (guint length = 1; length <= 40; length++)
    for (guint position = 0; position < length; position++)
      for (guint s = 0; s < G_N_ELEMENTS (specials); s++)
        for (guint n = 0; n < G_N_ELEMENTS (neighbours); n++)
          {
            g_autofree char *text = g_malloc (length + 1);

            /* 0xc3 alone is not UTF-8, which json-glib refuses; pair it. */
            for (guint i = 0; i < length; i++)
              text[i] = neighbours[n] == 0xc3 ? (i % 2 ? (char) 0xa9 : (char) 0xc3) : (char) neighbours[n];
            if (neighbours[n] == 0xc3 && length % 2)
              text[length - 1] = 'z';
            text[position] = (char) specials[s];
            if (neighbours[n] == 0xc3)
              {
                /* Keep the pairs whole around the special byte. */
                if (position % 2 == 0 && position + 1 < length)
                  text[position + 1] = 'y';
                if (position % 2 == 1)
                  text[position - 1] = 'x';
              }
            text[length] = '\0';

            assert_escapes (text);
          }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/result-json/escaping/fixed", test_escaping_fixed);
  g_test_add_func ("/result-json/escaping/every-position", test_escaping_every_position);

  return g_test_run ();
}
