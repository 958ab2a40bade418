/* sp-json-util.c: strict, self-explaining readers over json-glib
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sp-core-private.h"

void
sp_set_member_error (GError    **error,
                     SpError     code,
                     const char *file,
                     const char *member,
                     const char *format,
                     ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (member != NULL && member[0] != '\0')
    g_set_error (error, SP_ERROR, code, "%s: %s: %s", file, member, message);
  else
    g_set_error (error, SP_ERROR, code, "%s: %s", file, message);
}

static void append_printable (GString    *out,
                              const char *text,
                              guint       max_characters);

/**
 * sp_append_printable:
 *
 * Appends @text for an error line: control characters (terminal escape
 * sequences among them) escaped as \u00XX, and at most 80 characters, so
 * a hostile value can neither drive the terminal nor flood it.
 */
void
sp_append_printable (GString    *out,
                     const char *text)
{
  append_printable (out, text, 80);
}

/**
 * sp_printable_line:
 *
 * Returns: (transfer full): @text as one line for standard error: line
 *   breaks, terminal escape sequences and every other control character
 *   escaped, invalid UTF-8 shown as bytes
 */
char *
sp_printable_line (const char *text)
{
  GString *out = g_string_new (NULL);

  append_printable (out, text, G_MAXUINT);
  return g_string_free (out, FALSE);
}

static void
append_printable (GString    *out,
                  const char *text,
                  guint       max_characters)
{
  guint shown = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02X", (guchar) *p);
          break;
        }
      if (++shown > max_characters)
        {
          g_string_append (out, "…");
          break;
        }
      if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0))
        g_string_append_printf (out, "\\u%04X", c);
      else
        g_string_append_unichar (out, c);
    }
}

char *
sp_json_member_path (const char *path,
                     const char *member)
{
  if (path == NULL || path[0] == '\0')
    return g_strdup (member);
  return g_strconcat (path, ".", member, NULL);
}

gboolean
sp_json_node_is_number (JsonNode *node)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

gboolean
sp_json_check_members (JsonObject          *object,
                       const char * const  *allowed,
                       const char          *file,
                       const char          *path,
                       SpError              code,
                       GError             **error)
{
  JsonObjectIter iter;
  const char *member;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &member, NULL))
    {
      if (!g_strv_contains (allowed, member))
        {
          g_autofree char *member_path = sp_json_member_path (path, member);

          sp_set_member_error (error, code, file, member_path, "unknown member");
          return FALSE;
        }
    }

  return TRUE;
}

static JsonNode *
get_member (JsonObject  *object,
            const char  *member,
            gboolean     required,
            const char  *file,
            const char  *path,
            SpError      code,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL && required)
    {
      g_autofree char *member_path = sp_json_member_path (path, member);

      sp_set_member_error (error, code, file, member_path, "required member is missing");
    }

  return node;
}

static void
set_type_error (GError    **error,
                SpError     code,
                const char *file,
                const char *path,
                const char *member,
                const char *expected)
{
  g_autofree char *member_path = sp_json_member_path (path, member);

  sp_set_member_error (error, code, file, member_path, "must be %s", expected);
}

JsonObject *
sp_json_get_object (JsonObject  *object,
                    const char  *member,
                    gboolean     required,
                    const char  *file,
                    const char  *path,
                    SpError      code,
                    GError     **error)
{
  JsonNode *node = get_member (object, member, required, file, path, code, error);

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      set_type_error (error, code, file, path, member, "an object");
      return NULL;
    }
  return json_node_get_object (node);
}

JsonArray *
sp_json_get_array (JsonObject  *object,
                   const char  *member,
                   gboolean     required,
                   const char  *file,
                   const char  *path,
                   SpError      code,
                   GError     **error)
{
  JsonNode *node = get_member (object, member, required, file, path, code, error);

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      set_type_error (error, code, file, path, member, "an array");
      return NULL;
    }
  return json_node_get_array (node);
}

gboolean
sp_json_get_string (JsonObject  *object,
                    const char  *member,
                    gboolean     required,
                    const char  *file,
                    const char  *path,
                    SpError      code,
                    const char **out,
                    GError     **error)
{
  JsonNode *node = get_member (object, member, required, file, path, code, error);

  *out = NULL;
  if (node == NULL)
    return !required;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      set_type_error (error, code, file, path, member, "a string");
      return FALSE;
    }
  *out = json_node_get_string (node);
  return TRUE;
}

gboolean
sp_json_get_number (JsonObject  *object,
                    const char  *member,
                    gboolean     required,
                    const char  *file,
                    const char  *path,
                    SpError      code,
                    double      *out,
                    GError     **error)
{
  JsonNode *node = get_member (object, member, required, file, path, code, error);

  if (node == NULL)
    return !required;
  if (!sp_json_node_is_number (node))
    {
      set_type_error (error, code, file, path, member, "a number");
      return FALSE;
    }
  *out = json_node_get_double (node);
  return TRUE;
}

gboolean
sp_json_get_boolean (JsonObject  *object,
                     const char  *member,
                     const char  *file,
                     const char  *path,
                     SpError      code,
                     gboolean    *out,
                     GError     **error)
{
  JsonNode *node = get_member (object, member, FALSE, file, path, code, error);

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      set_type_error (error, code, file, path, member, "true or false");
      return FALSE;
    }
  *out = json_node_get_boolean (node);
  return TRUE;
}
