/* sp-policy-diff.c: what a revision of the policy changes, in words
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sp-policy-diff.h"

/* A commissioner reads what a revision does, not how its JSON moved: the
 * policy's parts are matched by id, a rule's rows by position, and an
 * expression whose shape is unchanged is reported by the thresholds it
 * moved ("radicular_symptom_months ≥ 3 became ≥ 6"). Anything else that
 * differs is named, never silently passed over: a member this file does
 * not know is reported as changed. */

static gboolean
nodes_equal (JsonNode *a,
             JsonNode *b);

static gboolean
objects_equal (JsonObject *a,
               JsonObject *b)
{
  g_autoptr(GList) members = json_object_get_members (a);

  if (json_object_get_size (a) != json_object_get_size (b))
    return FALSE;
  for (GList *l = members; l != NULL; l = l->next)
    if (!json_object_has_member (b, l->data) ||
        !nodes_equal (json_object_get_member (a, l->data), json_object_get_member (b, l->data)))
      return FALSE;
  return TRUE;
}

static gboolean
is_number (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         (json_node_get_value_type (node) == G_TYPE_INT64 || json_node_get_value_type (node) == G_TYPE_DOUBLE);
}

/* 3 and 3.0 are one number to the policy, whatever json-glib makes of them. */
static gboolean
nodes_equal (JsonNode *a,
             JsonNode *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  if (is_number (a) && is_number (b))
    return json_node_get_double (a) == json_node_get_double (b);
  if (JSON_NODE_TYPE (a) != JSON_NODE_TYPE (b))
    return FALSE;
  switch (JSON_NODE_TYPE (a))
    {
    case JSON_NODE_OBJECT:
      return objects_equal (json_node_get_object (a), json_node_get_object (b));
    case JSON_NODE_ARRAY:
      {
        JsonArray *x = json_node_get_array (a), *y = json_node_get_array (b);

        if (json_array_get_length (x) != json_array_get_length (y))
          return FALSE;
        for (guint i = 0; i < json_array_get_length (x); i++)
          if (!nodes_equal (json_array_get_element (x, i), json_array_get_element (y, i)))
            return FALSE;
        return TRUE;
      }
    case JSON_NODE_VALUE:
    case JSON_NODE_NULL:
    default:
      return json_node_equal (a, b);
    }
}

static const char * const comparisons[] = { "ge", "gt", "le", "lt", NULL };
static const char * const comparison_signs[] = { "≥", ">", "≤", "<" };

/* The comparison member of a {"fact": F, "ge": N} node with a number
 * operand, or -1. */
static int
numeric_comparison (JsonObject *object)
{
  for (int i = 0; comparisons[i]; i++)
    if (json_object_has_member (object, comparisons[i]) &&
        is_number (json_object_get_member (object, comparisons[i])))
      return i;
  return -1;
}

/* Same shape: equal but for the numbers of numeric comparisons (and which
 * comparison), the months of months_before, and the words of "text". */
static gboolean
same_shape (JsonNode *a,
            JsonNode *b)
{
  JsonObject *x, *y;
  g_autoptr(GList) members = NULL;
  int cx, cy;

  if (a == NULL || b == NULL || !JSON_NODE_HOLDS_OBJECT (a) || !JSON_NODE_HOLDS_OBJECT (b))
    {
      if (a != NULL && b != NULL && JSON_NODE_HOLDS_ARRAY (a) && JSON_NODE_HOLDS_ARRAY (b))
        {
          JsonArray *p = json_node_get_array (a), *q = json_node_get_array (b);

          if (json_array_get_length (p) != json_array_get_length (q))
            return FALSE;
          for (guint i = 0; i < json_array_get_length (p); i++)
            if (!same_shape (json_array_get_element (p, i), json_array_get_element (q, i)))
              return FALSE;
          return TRUE;
        }
      return nodes_equal (a, b);
    }

  x = json_node_get_object (a);
  y = json_node_get_object (b);
  cx = numeric_comparison (x);
  cy = numeric_comparison (y);
  if ((cx < 0) != (cy < 0))
    return FALSE;

  members = json_object_get_members (x);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;

      if (g_str_equal (name, "text") || (cx >= 0 && g_str_equal (name, comparisons[cx])))
        continue;
      if (!json_object_has_member (y, name))
        return FALSE;
      if (g_str_equal (name, "months") && is_number (json_object_get_member (x, name)) &&
          is_number (json_object_get_member (y, name)))
        continue;
      if (!same_shape (json_object_get_member (x, name), json_object_get_member (y, name)))
        return FALSE;
    }
  members = (g_list_free (members), json_object_get_members (y));
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;

      if (!g_str_equal (name, "text") && !(cy >= 0 && g_str_equal (name, comparisons[cy])) &&
          !json_object_has_member (x, name))
        return FALSE;
    }
  return TRUE;
}

static char *
format_number (JsonNode *node)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g", json_node_get_double (node)));
}

static void
add (GPtrArray  *changes,
     const char *format,
     ...) G_GNUC_PRINTF (2, 3);

static void
add (GPtrArray  *changes,
     const char *format,
     ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (changes, g_strdup_vprintf (format, args));
  va_end (args);
}

/* Walks two expressions of the same shape, reporting each moved threshold
 * and each reworded criterion against @owner. */
static void
report_thresholds (GPtrArray  *changes,
                   const char *owner,
                   JsonNode   *a,
                   JsonNode   *b)
{
  JsonObject *x, *y;
  g_autoptr(GList) members = NULL;
  int cx, cy;

  if (JSON_NODE_HOLDS_ARRAY (a))
    {
      for (guint i = 0; i < json_array_get_length (json_node_get_array (a)); i++)
        report_thresholds (changes, owner, json_array_get_element (json_node_get_array (a), i),
                           json_array_get_element (json_node_get_array (b), i));
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (a))
    return;

  x = json_node_get_object (a);
  y = json_node_get_object (b);
  cx = numeric_comparison (x);
  cy = numeric_comparison (y);
  if (cx >= 0 && (cx != cy || !nodes_equal (json_object_get_member (x, comparisons[cx]),
                                            json_object_get_member (y, comparisons[cy]))))
    {
      g_autofree char *from = format_number (json_object_get_member (x, comparisons[cx]));
      g_autofree char *to = format_number (json_object_get_member (y, comparisons[cy]));

      add (changes, "threshold changed: %s: %s %s %s became %s %s", owner,
           json_object_get_string_member (x, "fact"), comparison_signs[cx], from, comparison_signs[cy], to);
    }
  if (json_object_has_member (x, "months_before"))
    {
      JsonObject *p = json_object_get_object_member (x, "months_before");
      JsonObject *q = json_object_get_object_member (y, "months_before");

      if (!nodes_equal (json_object_get_member (p, "months"), json_object_get_member (q, "months")))
        {
          g_autofree char *from = format_number (json_object_get_member (p, "months"));
          g_autofree char *to = format_number (json_object_get_member (q, "months"));

          add (changes, "threshold changed: %s: %s at least %s months before %s became at least %s months",
               owner, json_object_get_string_member (x, "fact"), from,
               json_object_get_string_member (p, "fact"), to);
        }
    }
  if (!nodes_equal (json_object_get_member (x, "text"), json_object_get_member (y, "text")))
    {
      const char *from = json_object_get_string_member_with_default (x, "text", "(none)");
      const char *to = json_object_get_string_member_with_default (y, "text", "(none)");

      add (changes, "criterion reworded: %s: \"%s\" became \"%s\"", owner, from, to);
    }

  members = json_object_get_members (x);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *child = json_object_get_member (x, l->data);

      if (g_str_equal (l->data, "months_before") || g_str_equal (l->data, "text") ||
          !(JSON_NODE_HOLDS_OBJECT (child) || JSON_NODE_HOLDS_ARRAY (child)))
        continue;
      report_thresholds (changes, owner, child, json_object_get_member (y, l->data));
    }
}

/* An expression member: its thresholds when only they moved, else that
 * @what changed. */
static void
compare_expression (GPtrArray  *changes,
                    const char *kind,
                    const char *owner,
                    const char *what,
                    JsonNode   *a,
                    JsonNode   *b)
{
  if (nodes_equal (a, b))
    return;
  if (a != NULL && b != NULL && same_shape (a, b))
    report_thresholds (changes, owner, a, b);
  else
    add (changes, "%s changed: %s: %s changed", kind, owner, what);
}

static gboolean
is_expression_member (const char *name)
{
  return g_str_equal (name, "when") || g_str_equal (name, "relevant_when") ||
         g_str_equal (name, "asked_when") || g_str_equal (name, "must");
}

static const char *
describe_member (const char *name)
{
  if (g_str_equal (name, "text") || g_str_equal (name, "reading") || g_str_equal (name, "reason") ||
      g_str_equal (name, "message"))
    return "reworded";
  return NULL;
}

static char *
string_or_empty (JsonObject *object,
                 const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return g_strdup ("");
  return g_strdup (json_node_get_string (node));
}

static void
compare_rows (GPtrArray  *changes,
              const char *owner,
              JsonArray  *a,
              JsonArray  *b)
{
  guint na = json_array_get_length (a), nb = json_array_get_length (b);

  for (guint i = 0; i < MIN (na, nb); i++)
    {
      JsonObject *x = json_array_get_object_element (a, i);
      JsonObject *y = json_array_get_object_element (b, i);
      g_autofree char *where = g_strdup_printf ("row %u", i + 1);
      g_autofree char *from_status = string_or_empty (x, "status");
      g_autofree char *to_status = string_or_empty (y, "status");

      if (!g_str_equal (from_status, to_status))
        add (changes, "decision changed: %s: %s: status %s became %s", owner, where, from_status, to_status);
      compare_expression (changes, "decision", owner, "the condition of that row",
                          json_object_get_member (x, "when"), json_object_get_member (y, "when"));
      if (changes->len > 0 && g_str_has_suffix (g_ptr_array_index (changes, changes->len - 1),
                                                 ": the condition of that row changed"))
        {
          g_free (g_ptr_array_steal_index (changes, changes->len - 1));
          add (changes, "decision changed: %s: %s (%s): condition changed", owner, where, from_status);
        }
      if (!nodes_equal (json_object_get_member (x, "reason"), json_object_get_member (y, "reason")))
        add (changes, "decision changed: %s: %s (%s): reason reworded", owner, where, from_status);
      if (!nodes_equal (json_object_get_member (x, "clauses"), json_object_get_member (y, "clauses")))
        add (changes, "decision changed: %s: %s (%s): clauses cited changed", owner, where, from_status);
      if (!nodes_equal (json_object_get_member (x, "interpretations"), json_object_get_member (y, "interpretations")))
        add (changes, "decision changed: %s: %s (%s): interpretations cited changed", owner, where, from_status);
    }
  if (na != nb)
    add (changes, "decision changed: %s: %u rows became %u", owner, na, nb);
}

/* Every member of two parts with one id. */
static void
compare_part (GPtrArray  *changes,
              const char *kind,
              const char *id,
              JsonObject *x,
              JsonObject *y)
{
  g_autoptr(GList) members = json_object_get_members (x);
  g_autoptr(GList) new_members = json_object_get_members (y);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *a = json_object_get_member (x, name);
      JsonNode *b = json_object_get_member (y, name);
      const char *words;

      if (nodes_equal (a, b))
        continue;
      if (g_str_equal (kind, "decision") && g_str_equal (name, "rows") && b != NULL &&
          JSON_NODE_HOLDS_ARRAY (a) && JSON_NODE_HOLDS_ARRAY (b))
        compare_rows (changes, id, json_node_get_array (a), json_node_get_array (b));
      else if (is_expression_member (name))
        compare_expression (changes, kind, id, name, a, b);
      else if (b == NULL)
        add (changes, "%s changed: %s: %s removed", kind, id, name);
      else if ((words = describe_member (name)) != NULL)
        add (changes, "%s %s: %s%s%s", kind, words, id,
             g_str_equal (name, "text") ? "" : ": ", g_str_equal (name, "text") ? "" : name);
      else if (is_number (a) && is_number (b))
        {
          g_autofree char *from = format_number (a);
          g_autofree char *to = format_number (b);

          add (changes, "%s changed: %s: %s %s became %s", kind, id, name, from, to);
        }
      else
        add (changes, "%s changed: %s: %s changed", kind, id, name);
    }
  for (GList *l = new_members; l != NULL; l = l->next)
    if (!json_object_has_member (x, l->data))
      add (changes, "%s changed: %s: %s added", kind, id, (const char *) l->data);
}

static const char *
label_of (JsonObject *object)
{
  const char *members[] = { "label", "heading", "clause", "member", NULL };

  for (guint i = 0; members[i]; i++)
    {
      JsonNode *node = json_object_get_member (object, members[i]);

      if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        return json_node_get_string (node);
    }
  return NULL;
}

static JsonObject *
find_by_id (JsonArray  *array,
            const char *id)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (object, "id", NULL), id) == 0)
        return object;
    }
  return NULL;
}

static void
added_or_removed (GPtrArray  *changes,
                  const char *kind,
                  const char *how,
                  JsonObject *object)
{
  const char *id = json_object_get_string_member_with_default (object, "id", "");
  const char *label = label_of (object);

  if (label != NULL)
    add (changes, "%s %s: %s (%s)", kind, how, id, label);
  else
    add (changes, "%s %s: %s", kind, how, id);
}

/* A list of parts with ids: removed and changed in the old order, then
 * added in the new. */
static void
compare_list (GPtrArray  *changes,
              const char *kind,
              JsonObject *old_policy,
              JsonObject *new_policy,
              const char *member)
{
  JsonArray *a = json_object_get_array_member (old_policy, member);
  JsonArray *b = json_object_get_array_member (new_policy, member);

  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonObject *x = json_array_get_object_element (a, i);
      const char *id = json_object_get_string_member_with_default (x, "id", "");
      JsonObject *y = find_by_id (b, id);

      if (y == NULL)
        added_or_removed (changes, kind, "removed", x);
      else
        compare_part (changes, kind, id, x, y);
    }
  for (guint i = 0; i < json_array_get_length (b); i++)
    {
      JsonObject *y = json_array_get_object_element (b, i);

      if (find_by_id (a, json_object_get_string_member_with_default (y, "id", "")) == NULL)
        added_or_removed (changes, kind, "added", y);
    }
}

GPtrArray *
sp_policy_diff (JsonNode *old_root,
                JsonNode *new_root)
{
  GPtrArray *changes = g_ptr_array_new_with_free_func (g_free);
  JsonObject *x = json_node_get_object (old_root);
  JsonObject *y = json_node_get_object (new_root);
  const char *headers[] = { "id", "title", "version", "effective_date", "review_cycle_years", "source_note", "status", NULL };

  for (guint i = 0; headers[i]; i++)
    if (!nodes_equal (json_object_get_member (x, headers[i]), json_object_get_member (y, headers[i])))
      {
        g_autofree char *from = string_or_empty (x, headers[i]);
        g_autofree char *to = string_or_empty (y, headers[i]);

        if (is_number (json_object_get_member (x, headers[i])))
          (g_free (from), from = format_number (json_object_get_member (x, headers[i])));
        if (is_number (json_object_get_member (y, headers[i])))
          (g_free (to), to = format_number (json_object_get_member (y, headers[i])));
        add (changes, "policy %s changed: \"%s\" became \"%s\"", headers[i], from, to);
      }

  compare_list (changes, "pathway", x, y, "pathways");
  compare_list (changes, "reference", x, y, "references");
  compare_list (changes, "clause", x, y, "clauses");
  compare_list (changes, "interpretation", x, y, "interpretations");
  if (!nodes_equal (json_object_get_member (x, "screening"), json_object_get_member (y, "screening")))
    add (changes, "screening changed: the red flags, serious pathology or exceptional-case settings differ");
  compare_list (changes, "fact", x, y, "facts");
  compare_list (changes, "constraint", x, y, "constraints");
  compare_list (changes, "decision", x, y, "decisions");
  compare_list (changes, "advisory", x, y, "advisories");
  return changes;
}
