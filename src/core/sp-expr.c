/* sp-expr.c: the one small rule engine
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sp-core-private.h"
#include "sp-date.h"
#include "sp-expr.h"
#include "sp-fact.h"

typedef enum {
  SP_EXPR_CONST,
  SP_EXPR_ALL,
  SP_EXPR_ANY,
  SP_EXPR_NOT,
  SP_EXPR_DEFINITELY,
  SP_EXPR_RECORDED,
  SP_EXPR_BOOLEAN_IS,
  SP_EXPR_COMPARE,
  SP_EXPR_CHOICE_IN,
  SP_EXPR_LIST_CONTAINS_ANY,
  SP_EXPR_MONTHS_BEFORE,
  SP_EXPR_DECISION_IN,
} SpExprKind;

typedef enum {
  SP_COMPARE_EQ,
  SP_COMPARE_GE,
  SP_COMPARE_GT,
  SP_COMPARE_LE,
  SP_COMPARE_LT,
} SpCompare;

/* Expressions keep fact indices, never pointers or names, so that
 * evaluation is a walk over plain data with no lookups or allocation. */
struct _SpExpr
{
  SpExprKind   kind;
  SpCompare    compare;
  guint        fact;
  gint         other_fact;   /* -1: compare with @number */
  double       number;       /* comparison constant, or months */
  guint64      mask;         /* choices, list members or statuses */
  gboolean     constant;
  gboolean     is_date;      /* compare Julian days, not numbers */
  guint        decision;
  guint        n_children;
  SpExpr     **children;
  char        *text;
  char        *unmet;        /* the case's side of an unmet criterion, in words */
  char        *met_sentence; /* "Met: …", made once on first use, by any thread */
};

void
sp_expr_free (SpExpr *expr)
{
  if (expr == NULL)
    return;

  for (guint i = 0; i < expr->n_children; i++)
    sp_expr_free (expr->children[i]);
  g_free (expr->children);
  g_free (expr->text);
  g_free (expr->unmet);
  g_free (expr->met_sentence);
  g_free (expr);
}

static SpExpr *parse_node (JsonNode *, const char *, const SpExprScope *, GError **);
static SpExpr *parse_decision_test (JsonObject *, const char *, const SpExprScope *, GError **);

static SpFact *
resolve_fact (const SpExprScope  *scope,
              JsonNode           *node,
              const char         *path,
              GError            **error)
{
  SpFact *fact;

  /* An absent "fact" (`{"ge": {}}`) is refused here, before json-glib is
   * asked about a node that is not there. */
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      sp_set_member_error (error, SP_ERROR_INVALID_POLICY, scope->file, path,
                           node == NULL ? "required member is missing: a fact id" : "must be a fact id");
      return NULL;
    }
  if (!(fact = g_hash_table_lookup (scope->facts_by_id, json_node_get_string (node))))
    {
      sp_set_member_error (error, SP_ERROR_INVALID_POLICY, scope->file, path,
                           "unknown fact \"%s\"", json_node_get_string (node));
      return NULL;
    }
  if (scope->facts_read != NULL)
    sp_fact_set_add (scope->facts_read, sp_fact_get_index (fact));
  return fact;
}

static gboolean
parse_choice (SpFact             *fact,
              JsonNode           *node,
              const char         *path,
              const SpExprScope  *scope,
              guint64            *mask,
              GError            **error)
{
  guint index;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      sp_set_member_error (error, SP_ERROR_INVALID_POLICY, scope->file, path,
                           "must be a choice of \"%s\"", sp_fact_get_id (fact));
      return FALSE;
    }
  if (!sp_fact_lookup_choice (fact, json_node_get_string (node), &index))
    {
      sp_set_member_error (error, SP_ERROR_INVALID_POLICY, scope->file, path,
                           "\"%s\" is not a choice of \"%s\"",
                           json_node_get_string (node), sp_fact_get_id (fact));
      return FALSE;
    }
  *mask |= G_GUINT64_CONSTANT (1) << index;
  return TRUE;
}

static gboolean
parse_choice_array (SpFact             *fact,
                    JsonNode           *node,
                    const char         *path,
                    const SpExprScope  *scope,
                    guint64            *mask,
                    GError            **error)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) == 0)
    {
      sp_set_member_error (error, SP_ERROR_INVALID_POLICY, scope->file, path,
                           "must be a non-empty list of choices of \"%s\"", sp_fact_get_id (fact));
      return FALSE;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *item_path = g_strdup_printf ("%s[%u]", path, i);

      if (!parse_choice (fact, json_array_get_element (array, i), item_path, scope, mask, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
is_numeric (SpFact *fact)
{
  SpFactType type = sp_fact_get_fact_type (fact);

  return type == SP_FACT_INTEGER || type == SP_FACT_NUMBER || type == SP_FACT_DATE;
}

static SpExpr *
parse_fact_test (JsonObject         *object,
                 const char         *path,
                 const SpExprScope  *scope,
                 GError            **error)
{
  static const struct { const char *name; SpCompare compare; } comparisons[] = {
    { "ge", SP_COMPARE_GE }, { "gt", SP_COMPARE_GT },
    { "le", SP_COMPARE_LE }, { "lt", SP_COMPARE_LT },
  };
  g_autoptr(SpExpr) expr = g_new0 (SpExpr, 1);
  g_autofree char *fact_path = sp_json_member_path (path, "fact");
  const char *operator = NULL;
  JsonObjectIter iter;
  const char *member;
  JsonNode *operand;
  SpFact *fact;

  if (!(fact = resolve_fact (scope, json_object_get_member (object, "fact"), fact_path, error)))
    return NULL;
  expr->fact = sp_fact_get_index (fact);
  expr->other_fact = -1;

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &member, NULL))
    {
      if (g_str_equal (member, "fact") || g_str_equal (member, "text") || g_str_equal (member, "unmet"))
        continue;
      if (operator != NULL)
        {
          g_autofree char *member_path = sp_json_member_path (path, member);

          sp_set_member_error (error, SP_ERROR_INVALID_POLICY, scope->file, member_path,
                               "a fact test has exactly one operator (already has \"%s\")",
                               operator);
          return NULL;
        }
      operator = member;
    }

  if (operator == NULL)
    {
      sp_set_member_error (error, SP_ERROR_INVALID_POLICY, scope->file, path,
                           "a fact test needs an operator: is, in, ge, gt, le, lt, "
                           "contains, contains_any or months_before");
      return NULL;
    }

  {
    g_autofree char *operand_path = sp_json_member_path (path, operator);
    SpFactType type = sp_fact_get_fact_type (fact);

    operand = json_object_get_member (object, operator);

    if (g_str_equal (operator, "is"))
      {
        if (type == SP_FACT_BOOLEAN)
          {
            if (!JSON_NODE_HOLDS_VALUE (operand) || json_node_get_value_type (operand) != G_TYPE_BOOLEAN)
              {
                sp_set_member_error (error, SP_ERROR_INVALID_POLICY, scope->file, operand_path,
                                     "must be true or false for a yes/no fact");
                return NULL;
              }
            expr->kind = SP_EXPR_BOOLEAN_IS;
            expr->constant = json_node_get_boolean (operand);
          }
        else if (type == SP_FACT_CHOICE)
          {
            expr->kind = SP_EXPR_CHOICE_IN;
            if (!parse_choice (fact, operand, operand_path, scope, &expr->mask, error))
              return NULL;
          }
        else if (type == SP_FACT_INTEGER || type == SP_FACT_NUMBER)
          {
            if (!sp_json_node_is_number (operand))
              {
                sp_set_member_error (error, SP_ERROR_INVALID_POLICY, scope->file, operand_path,
                                     "must be a number");
                return NULL;
              }
            expr->kind = SP_EXPR_COMPARE;
            expr->compare = SP_COMPARE_EQ;
            expr->number = json_node_get_double (operand);
          }
        else
          {
            sp_set_member_error (error, SP_ERROR_INVALID_POLICY, scope->file, operand_path,
                                 "\"is\" does not apply to the %s fact \"%s\"",
                                 sp_fact_type_to_string (type), sp_fact_get_id (fact));
            return NULL;
          }
      }
    else if (g_str_equal (operator, "in"))
      {
        if (type != SP_FACT_CHOICE)
          {
            sp_set_member_error (error, SP_ERROR_INVALID_POLICY, scope->file, operand_path,
                                 "\"in\" applies only to choice facts");
            return NULL;
          }
        expr->kind = SP_EXPR_CHOICE_IN;
        if (!parse_choice_array (fact, operand, operand_path, scope, &expr->mask, error))
          return NULL;
      }
    else if (g_str_equal (operator, "contains") || g_str_equal (operator, "contains_any"))
      {
        if (type != SP_FACT_CHOICE_LIST && type != SP_FACT_DECISION_LIST)
          {
            sp_set_member_error (error, SP_ERROR_INVALID_POLICY, scope->file, operand_path,
                                 "\"%s\" applies only to list facts", operator);
            return NULL;
          }
        expr->kind = SP_EXPR_LIST_CONTAINS_ANY;
        if (g_str_equal (operator, "contains")
            ? !parse_choice (fact, operand, operand_path, scope, &expr->mask, error)
            : !parse_choice_array (fact, operand, operand_path, scope, &expr->mask, error))
          return NULL;
      }
    else if (g_str_equal (operator, "months_before"))
      {
        static const char * const allowed[] = { "fact", "months", NULL };
        g_autofree char *ref_path = sp_json_member_path (operand_path, "fact");
        JsonObject *operand_object;
        SpFact *reference;

        if (type != SP_FACT_DATE)
          {
            sp_set_member_error (error, SP_ERROR_INVALID_POLICY, scope->file, operand_path,
                                 "\"months_before\" applies only to date facts");
            return NULL;
          }
        if (!JSON_NODE_HOLDS_OBJECT (operand))
          {
            sp_set_member_error (error, SP_ERROR_INVALID_POLICY, scope->file, operand_path,
                                 "must be an object {\"fact\": DATE, \"months\": N}");
            return NULL;
          }
        operand_object = json_node_get_object (operand);
        if (!sp_json_check_members (operand_object, allowed, scope->file, operand_path,
                                    SP_ERROR_INVALID_POLICY, error) ||
            !sp_json_get_number (operand_object, "months", TRUE, scope->file, operand_path,
                                 SP_ERROR_INVALID_POLICY, &expr->number, error))
          return NULL;
        if (expr->number < 0 || expr->number > 1200 || expr->number != (guint) expr->number)
          {
            g_autofree char *months_path = sp_json_member_path (operand_path, "months");

            sp_set_member_error (error, SP_ERROR_INVALID_POLICY, scope->file, months_path,
                                 "must be a whole number of months from 0 to 1200");
            return NULL;
          }
        if (!(reference = resolve_fact (scope, json_object_get_member (operand_object, "fact"),
                                        ref_path, error)))
          return NULL;
        if (sp_fact_get_fact_type (reference) != SP_FACT_DATE)
          {
            sp_set_member_error (error, SP_ERROR_INVALID_POLICY, scope->file, ref_path,
                                 "must be a date fact");
            return NULL;
          }
        expr->kind = SP_EXPR_MONTHS_BEFORE;
        expr->other_fact = sp_fact_get_index (reference);
      }
    else
      {
        gboolean found = FALSE;

        for (guint i = 0; i < G_N_ELEMENTS (comparisons); i++)
          {
            if (g_str_equal (operator, comparisons[i].name))
              {
                expr->compare = comparisons[i].compare;
                found = TRUE;
              }
          }
        if (!found)
          {
            sp_set_member_error (error, SP_ERROR_INVALID_POLICY, scope->file, operand_path,
                                 "unknown operator \"%s\"", operator);
            return NULL;
          }
        if (!is_numeric (fact))
          {
            sp_set_member_error (error, SP_ERROR_INVALID_POLICY, scope->file, operand_path,
                                 "\"%s\" applies only to number, integer and date facts", operator);
            return NULL;
          }
        expr->kind = SP_EXPR_COMPARE;
        expr->is_date = type == SP_FACT_DATE;
        if (JSON_NODE_HOLDS_OBJECT (operand))
          {
            static const char * const allowed[] = { "fact", NULL };
            JsonObject *operand_object = json_node_get_object (operand);
            g_autofree char *ref_path = sp_json_member_path (operand_path, "fact");
            SpFact *other;

            if (!sp_json_check_members (operand_object, allowed, scope->file, operand_path,
                                        SP_ERROR_INVALID_POLICY, error))
              return NULL;
            if (!(other = resolve_fact (scope, json_object_get_member (operand_object, "fact"),
                                        ref_path, error)))
              return NULL;
            if ((sp_fact_get_fact_type (other) == SP_FACT_DATE) != (type == SP_FACT_DATE) ||
                !is_numeric (other))
              {
                sp_set_member_error (error, SP_ERROR_INVALID_POLICY, scope->file, ref_path,
                                     "compares a date with a number");
                return NULL;
              }
            expr->other_fact = sp_fact_get_index (other);
          }
        else if (type != SP_FACT_DATE && sp_json_node_is_number (operand))
          {
            expr->number = json_node_get_double (operand);
          }
        else
          {
            sp_set_member_error (error, SP_ERROR_INVALID_POLICY, scope->file, operand_path,
                                 type == SP_FACT_DATE ? "must be {\"fact\": DATE}"
                                                      : "must be a number or {\"fact\": ID}");
            return NULL;
          }
      }
  }

  return g_steal_pointer (&expr);
}

/* An "unmet" text may name recorded values: {FACT} is the fact's value,
 * {FACT+Nm} a date fact plus N calendar months (when a repeat becomes
 * possible). Checked here so a typo fails at load, not in front of a
 * clinician. */
static gboolean
check_placeholders (const char         *template,
                    const char         *path,
                    const SpExprScope  *scope,
                    GError            **error)
{
  g_autofree char *member_path = sp_json_member_path (path, "unmet");

  for (const char *at = strchr (template, '{'); at != NULL; at = strchr (at + 1, '{'))
    {
      const char *end = strchr (at, '}');
      g_autofree char *name = NULL;
      char *plus;
      SpFact *fact;

      if (end == NULL)
        {
          sp_set_member_error (error, SP_ERROR_INVALID_POLICY, scope->file, member_path,
                               "a \"{\" has no closing \"}\"");
          return FALSE;
        }
      name = g_strndup (at + 1, end - at - 1);
      plus = strchr (name, '+');
      if (plus != NULL)
        {
          char *unit = NULL;
          guint64 months;

          *plus = '\0';
          months = g_ascii_strtoull (plus + 1, &unit, 10);
          if (unit == plus + 1 || g_strcmp0 (unit, "m") != 0 || months > 1200)
            {
              sp_set_member_error (error, SP_ERROR_INVALID_POLICY, scope->file, member_path,
                                   "\"{%s+N m}\" must add whole months, as {FACT+12m}", name);
              return FALSE;
            }
        }
      fact = g_hash_table_lookup (scope->facts_by_id, name);
      if (fact == NULL)
        {
          sp_set_member_error (error, SP_ERROR_INVALID_POLICY, scope->file, member_path,
                               "unknown fact \"%s\"", name);
          return FALSE;
        }
      if (plus != NULL && sp_fact_get_fact_type (fact) != SP_FACT_DATE)
        {
          sp_set_member_error (error, SP_ERROR_INVALID_POLICY, scope->file, member_path,
                               "months can be added only to a date fact, not \"%s\"", name);
          return FALSE;
        }
      if (scope->facts_read != NULL)
        sp_fact_set_add (scope->facts_read, sp_fact_get_index (fact));
      at = end;
    }
  return TRUE;
}

static gboolean
parse_children (SpExpr             *expr,
                JsonNode           *node,
                const char         *path,
                const SpExprScope  *scope,
                GError            **error)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) == 0)
    {
      sp_set_member_error (error, SP_ERROR_INVALID_POLICY, scope->file, path,
                           "must be a non-empty list of expressions");
      return FALSE;
    }

  array = json_node_get_array (node);
  expr->n_children = json_array_get_length (array);
  expr->children = g_new0 (SpExpr *, expr->n_children);
  for (guint i = 0; i < expr->n_children; i++)
    {
      g_autofree char *child_path = g_strdup_printf ("%s[%u]", path, i);

      if (!(expr->children[i] = parse_node (json_array_get_element (array, i), child_path, scope, error)))
        return FALSE;
    }
  return TRUE;
}

static SpExpr *
parse_node (JsonNode           *node,
            const char         *path,
            const SpExprScope  *scope,
            GError            **error)
{
  g_autoptr(SpExpr) expr = NULL;
  JsonObject *object;
  const char *text = NULL;
  const char *unmet = NULL;
  guint n_members;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      sp_set_member_error (error, SP_ERROR_INVALID_POLICY, scope->file, path,
                           "an expression must be an object");
      return NULL;
    }
  object = json_node_get_object (node);
  if (json_object_has_member (object, "decision"))
    return parse_decision_test (object, path, scope, error);
  if (!sp_json_get_string (object, "text", FALSE, scope->file, path,
                           SP_ERROR_INVALID_POLICY, &text, error))
    return NULL;
  if (!sp_json_get_string (object, "unmet", FALSE, scope->file, path,
                           SP_ERROR_INVALID_POLICY, &unmet, error))
    return NULL;
  if (unmet != NULL && !check_placeholders (unmet, path, scope, error))
    return NULL;
  n_members = json_object_get_size (object) - (text != NULL ? 1 : 0) - (unmet != NULL ? 1 : 0);

  if (json_object_has_member (object, "fact"))
    {
      if (!(expr = parse_fact_test (object, path, scope, error)))
        return NULL;
    }
  else if (n_members != 1)
    {
      sp_set_member_error (error, SP_ERROR_INVALID_POLICY, scope->file, path,
                           "an expression has exactly one of all, any, not, definitely, "
                           "recorded, decision, const, or a fact test");
      return NULL;
    }
  else
    {
      static const char * const keys[] = { "all", "any", "not", "definitely", "recorded", "decision", "const", NULL };
      JsonObjectIter iter;
      const char *key = NULL;
      JsonNode *operand = NULL;
      g_autofree char *operand_path = NULL;

      json_object_iter_init (&iter, object);
      while (json_object_iter_next (&iter, &key, &operand))
        if (!g_str_equal (key, "text") && !g_str_equal (key, "unmet"))
          break;

      operand_path = sp_json_member_path (path, key);
      if (!g_strv_contains (keys, key))
        {
          sp_set_member_error (error, SP_ERROR_INVALID_POLICY, scope->file, operand_path,
                               "unknown expression \"%s\"", key);
          return NULL;
        }

      expr = g_new0 (SpExpr, 1);
      expr->other_fact = -1;

      if (g_str_equal (key, "all") || g_str_equal (key, "any"))
        {
          expr->kind = g_str_equal (key, "all") ? SP_EXPR_ALL : SP_EXPR_ANY;
          if (!parse_children (expr, operand, operand_path, scope, error))
            return NULL;
        }
      else if (g_str_equal (key, "not") || g_str_equal (key, "definitely"))
        {
          expr->kind = g_str_equal (key, "not") ? SP_EXPR_NOT : SP_EXPR_DEFINITELY;
          expr->n_children = 1;
          expr->children = g_new0 (SpExpr *, 1);
          if (!(expr->children[0] = parse_node (operand, operand_path, scope, error)))
            return NULL;
        }
      else if (g_str_equal (key, "recorded"))
        {
          SpFact *fact;

          if (!(fact = resolve_fact (scope, operand, operand_path, error)))
            return NULL;
          expr->kind = SP_EXPR_RECORDED;
          expr->fact = sp_fact_get_index (fact);
        }
      else if (g_str_equal (key, "const"))
        {
          if (!JSON_NODE_HOLDS_VALUE (operand) || json_node_get_value_type (operand) != G_TYPE_BOOLEAN)
            {
              sp_set_member_error (error, SP_ERROR_INVALID_POLICY, scope->file, operand_path,
                                   "must be true or false");
              return NULL;
            }
          expr->kind = SP_EXPR_CONST;
          expr->constant = json_node_get_boolean (operand);
        }
      else
        {
          g_assert_not_reached ();
        }
    }

  expr->text = g_strdup (text);
  expr->unmet = g_strdup (unmet);
  return g_steal_pointer (&expr);
}

static SpExpr *
parse_decision_test (JsonObject         *object,
                     const char         *path,
                     const SpExprScope  *scope,
                     GError            **error)
{
  static const char * const allowed[] = { "decision", "in", "text", NULL };
  g_autoptr(SpExpr) expr = g_new0 (SpExpr, 1);
  g_autofree char *decision_path = sp_json_member_path (path, "decision");
  g_autofree char *in_path = sp_json_member_path (path, "in");
  const char *decision_id;
  gpointer index;
  JsonArray *statuses;

  if (scope->decisions_by_id == NULL)
    {
      sp_set_member_error (error, SP_ERROR_INVALID_POLICY, scope->file, decision_path,
                           "only advisories may test a decision's status");
      return NULL;
    }
  if (!sp_json_check_members (object, allowed, scope->file, path, SP_ERROR_INVALID_POLICY, error) ||
      !sp_json_get_string (object, "decision", TRUE, scope->file, path,
                           SP_ERROR_INVALID_POLICY, &decision_id, error) ||
      !(statuses = sp_json_get_array (object, "in", TRUE, scope->file, path,
                                      SP_ERROR_INVALID_POLICY, error)))
    return NULL;
  if (!(index = g_hash_table_lookup (scope->decisions_by_id, decision_id)))
    {
      sp_set_member_error (error, SP_ERROR_INVALID_POLICY, scope->file, decision_path,
                           "unknown decision \"%s\"", decision_id);
      return NULL;
    }

  expr->kind = SP_EXPR_DECISION_IN;
  expr->other_fact = -1;
  expr->decision = GPOINTER_TO_UINT (index) - 1;
  for (guint i = 0; i < json_array_get_length (statuses); i++)
    {
      JsonNode *element = json_array_get_element (statuses, i);
      SpStatus status;

      if (!JSON_NODE_HOLDS_VALUE (element) ||
          json_node_get_value_type (element) != G_TYPE_STRING ||
          !sp_status_from_string (json_node_get_string (element), &status))
        {
          g_autofree char *item_path = g_strdup_printf ("%s[%u]", in_path, i);

          sp_set_member_error (error, SP_ERROR_INVALID_POLICY, scope->file, item_path,
                               "must be a decision status");
          return NULL;
        }
      expr->mask |= G_GUINT64_CONSTANT (1) << status;
    }
  if (expr->mask == 0)
    {
      sp_set_member_error (error, SP_ERROR_INVALID_POLICY, scope->file, in_path,
                           "must list at least one status");
      return NULL;
    }
  if (json_object_has_member (object, "text"))
    expr->text = g_strdup (json_object_get_string_member (object, "text"));

  return g_steal_pointer (&expr);
}

/**
 * sp_expr_parse:
 * @node: the expression as JSON
 * @path: the member path of @node, for error messages
 *
 * Returns: (transfer full): the compiled expression, or %NULL with @error set
 *   naming the file and member that is wrong
 */
SpExpr *
sp_expr_parse (JsonNode           *node,
               const char         *path,
               const SpExprScope  *scope,
               GError            **error)
{
  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (scope != NULL, NULL);

  return parse_node (node, path, scope, error);
}

/* ---- evaluation ---------------------------------------------------- */

static inline const SpValue *
lookup_value (const SpEvalContext *context,
              guint                fact,
              SpValue             *scratch)
{
  const SpValue *value;

  if (G_UNLIKELY (context->pinned_value != NULL && fact == context->pinned_fact))
    return context->pinned_value;

  value = &context->values[fact];

  /* The contract: assessment_date defaults to today when unknown, so a date
   * comparison against it is never unknown for want of it. */
  if (G_UNLIKELY (!value->recorded && (gint) fact == context->assessment_date_fact))
    {
      memset (scratch, 0, sizeof *scratch);
      scratch->recorded = TRUE;
      scratch->date = context->today;
      return scratch;
    }
  return value;
}

/* The domain of an unrecorded fact the constraints narrow, or NULL. */
static inline const SpDomain *
lookup_domain (const SpEvalContext *context,
               guint                fact)
{
  if (context->narrowed == NULL || !sp_fact_set_contains (context->narrowed, fact))
    return NULL;
  return &context->domains[fact];
}

/* A test over a set of possible values: true when every value passes it,
 * false when none does. */
static inline SpTruth
truth_over_mask (guint64 possible,
                 guint64 passing)
{
  if ((possible & passing) == 0)
    return SP_TRUTH_FALSE;
  if ((possible & ~passing) == 0)
    return SP_TRUTH_TRUE;
  return SP_TRUTH_UNKNOWN;
}

static SpTruth
evaluate (const SpExpr        *expr,
          const SpEvalContext *context);

/* Either side of a comparison as a closed range: one point when recorded,
 * the narrowed range when implied; FALSE when nothing is known of it. */
static gboolean
operand_range (const SpEvalContext *context,
               guint                fact,
               gboolean             is_date,
               double              *low,
               double              *high)
{
  SpValue scratch;
  const SpValue *value = lookup_value (context, fact, &scratch);
  const SpDomain *domain;

  if (value->recorded)
    {
      *low = *high = is_date ? (double) value->date : value->number;
      return TRUE;
    }
  if ((domain = lookup_domain (context, fact)) != NULL)
    {
      *low = domain->low;
      *high = domain->high;
      return TRUE;
    }
  return FALSE;
}

static SpTruth
evaluate_compare (const SpExpr        *expr,
                  const SpEvalContext *context)
{
  double a_low, a_high, b_low, b_high;

  if (!operand_range (context, expr->fact, expr->is_date, &a_low, &a_high))
    return SP_TRUTH_UNKNOWN;

  if (expr->other_fact >= 0)
    {
      if (!operand_range (context, expr->other_fact, expr->is_date, &b_low, &b_high))
        return SP_TRUTH_UNKNOWN;
    }
  else
    {
      b_low = b_high = expr->number;
    }

  /* Definite only when every pair of possible values agrees; with single
   * points this is the plain comparison. */
  switch (expr->compare)
    {
    case SP_COMPARE_EQ:
      if (a_low == a_high && b_low == b_high && a_low == b_low)
        return SP_TRUTH_TRUE;
      return a_high < b_low || a_low > b_high ? SP_TRUTH_FALSE : SP_TRUTH_UNKNOWN;
    case SP_COMPARE_GE:
      if (a_low >= b_high)
        return SP_TRUTH_TRUE;
      return a_high < b_low ? SP_TRUTH_FALSE : SP_TRUTH_UNKNOWN;
    case SP_COMPARE_GT:
      if (a_low > b_high)
        return SP_TRUTH_TRUE;
      return a_high <= b_low ? SP_TRUTH_FALSE : SP_TRUTH_UNKNOWN;
    case SP_COMPARE_LE:
      if (a_high <= b_low)
        return SP_TRUTH_TRUE;
      return a_low > b_high ? SP_TRUTH_FALSE : SP_TRUTH_UNKNOWN;
    case SP_COMPARE_LT:
      if (a_high < b_low)
        return SP_TRUTH_TRUE;
      return a_low >= b_high ? SP_TRUTH_FALSE : SP_TRUTH_UNKNOWN;
    default:
      g_assert_not_reached ();
    }
}

static SpTruth
evaluate (const SpExpr        *expr,
          const SpEvalContext *context)
{
  switch (expr->kind)
    {
    case SP_EXPR_CONST:
      return expr->constant ? SP_TRUTH_TRUE : SP_TRUTH_FALSE;

    case SP_EXPR_ALL:
      {
        SpTruth result = SP_TRUTH_TRUE;

        /* A definite false decides even when other children are unknown. */
        for (guint i = 0; i < expr->n_children; i++)
          {
            SpTruth child = evaluate (expr->children[i], context);

            if (child == SP_TRUTH_FALSE)
              return SP_TRUTH_FALSE;
            if (child == SP_TRUTH_UNKNOWN)
              result = SP_TRUTH_UNKNOWN;
          }
        return result;
      }

    case SP_EXPR_ANY:
      {
        SpTruth result = SP_TRUTH_FALSE;

        for (guint i = 0; i < expr->n_children; i++)
          {
            SpTruth child = evaluate (expr->children[i], context);

            if (child == SP_TRUTH_TRUE)
              return SP_TRUTH_TRUE;
            if (child == SP_TRUTH_UNKNOWN)
              result = SP_TRUTH_UNKNOWN;
          }
        return result;
      }

    case SP_EXPR_NOT:
      switch (evaluate (expr->children[0], context))
        {
        case SP_TRUTH_TRUE: return SP_TRUTH_FALSE;
        case SP_TRUTH_FALSE: return SP_TRUTH_TRUE;
        case SP_TRUTH_UNKNOWN: return SP_TRUTH_UNKNOWN;
        default: g_assert_not_reached ();
        }

    case SP_EXPR_DEFINITELY:
      return evaluate (expr->children[0], context) == SP_TRUTH_TRUE ? SP_TRUTH_TRUE : SP_TRUTH_FALSE;

    case SP_EXPR_RECORDED:
      {
        SpValue scratch;
        return lookup_value (context, expr->fact, &scratch)->recorded ? SP_TRUTH_TRUE : SP_TRUTH_FALSE;
      }

    case SP_EXPR_BOOLEAN_IS:
      {
        SpValue scratch;
        const SpValue *value = lookup_value (context, expr->fact, &scratch);
        const SpDomain *domain;

        if (value->recorded)
          return !value->boolean == !expr->constant ? SP_TRUTH_TRUE : SP_TRUTH_FALSE;
        if ((domain = lookup_domain (context, expr->fact)) != NULL)
          return truth_over_mask (domain->mask, expr->constant ? 2 : 1);
        return SP_TRUTH_UNKNOWN;
      }

    case SP_EXPR_COMPARE:
      return evaluate_compare (expr, context);

    case SP_EXPR_CHOICE_IN:
      {
        SpValue scratch;
        const SpValue *value = lookup_value (context, expr->fact, &scratch);
        const SpDomain *domain;

        if (value->recorded)
          return (expr->mask >> value->choice) & 1 ? SP_TRUTH_TRUE : SP_TRUTH_FALSE;
        if ((domain = lookup_domain (context, expr->fact)) != NULL)
          return truth_over_mask (domain->mask, expr->mask);
        return SP_TRUTH_UNKNOWN;
      }

    case SP_EXPR_LIST_CONTAINS_ANY:
      {
        SpValue scratch;
        const SpValue *value = lookup_value (context, expr->fact, &scratch);

        if (!value->recorded)
          return SP_TRUTH_UNKNOWN;
        return (value->list & expr->mask) != 0 ? SP_TRUTH_TRUE : SP_TRUTH_FALSE;
      }

    case SP_EXPR_MONTHS_BEFORE:
      {
        SpValue scratch_date, scratch_reference;
        const SpValue *date = lookup_value (context, expr->fact, &scratch_date);
        const SpValue *reference = lookup_value (context, expr->other_fact, &scratch_reference);

        if (!date->recorded || !reference->recorded)
          return SP_TRUTH_UNKNOWN;
        /* Forward from the earlier date, so the month-end clamp reads as the
         * contract says: 12 months after 29 February is 28 February. */
        return sp_date_add_months (date->date, (guint) expr->number) <= reference->date
          ? SP_TRUTH_TRUE : SP_TRUTH_FALSE;
      }

    case SP_EXPR_DECISION_IN:
      g_assert (context->decision_statuses != NULL);
      return (expr->mask >> context->decision_statuses[expr->decision]) & 1
        ? SP_TRUTH_TRUE : SP_TRUTH_FALSE;

    default:
      g_assert_not_reached ();
    }
}

/**
 * sp_expr_evaluate:
 *
 * Evaluates @expr in Kleene's three-valued logic: false and unknown is
 * false, true or unknown is true, not unknown is unknown. An unrecorded
 * fact that the constraints narrow (see sp_implications_compute()) is
 * unknown only when its remaining values disagree.
 */
SpTruth
sp_expr_evaluate (const SpExpr        *expr,
                  const SpEvalContext *context)
{
  g_return_val_if_fail (expr != NULL, SP_TRUTH_UNKNOWN);
  g_return_val_if_fail (context != NULL, SP_TRUTH_UNKNOWN);

  return evaluate (expr, context);
}

static gboolean
domain_is_single (const SpDomain *domain)
{
  return domain->low == domain->high && (domain->mask & (domain->mask - 1)) == 0;
}

static void
add_if_unknown (const SpEvalContext *context,
                gint                 fact,
                SpFactSet           *unknown)
{
  SpValue scratch;
  const SpDomain *domain;

  if (fact < 0 || lookup_value (context, fact, &scratch)->recorded)
    return;
  /* A fact the recorded ones settle is not information still needed. */
  if ((domain = lookup_domain (context, fact)) != NULL && domain_is_single (domain))
    return;
  sp_fact_set_add (unknown, fact);
}

/* One walk that both evaluates and collects, so a deep expression is not
 * evaluated again at every level: @unknown gains the facts of the unknown
 * children only when the node itself is unknown. */
static SpTruth
collect_unknown (const SpExpr        *expr,
                 const SpEvalContext *context,
                 SpFactSet           *unknown)
{
  switch (expr->kind)
    {
    case SP_EXPR_ALL:
    case SP_EXPR_ANY:
      {
        SpTruth deciding = expr->kind == SP_EXPR_ALL ? SP_TRUTH_FALSE : SP_TRUTH_TRUE;
        SpTruth result = expr->kind == SP_EXPR_ALL ? SP_TRUTH_TRUE : SP_TRUTH_FALSE;
        SpFactSet collected;

        sp_fact_set_clear (&collected);
        for (guint i = 0; i < expr->n_children; i++)
          {
            SpTruth child = collect_unknown (expr->children[i], context, &collected);

            if (child == deciding)
              return deciding;
            if (child == SP_TRUTH_UNKNOWN)
              result = SP_TRUTH_UNKNOWN;
          }
        if (result == SP_TRUTH_UNKNOWN)
          sp_fact_set_union (unknown, &collected);
        return result;
      }

    case SP_EXPR_NOT:
      switch (collect_unknown (expr->children[0], context, unknown))
        {
        case SP_TRUTH_TRUE: return SP_TRUTH_FALSE;
        case SP_TRUTH_FALSE: return SP_TRUTH_TRUE;
        case SP_TRUTH_UNKNOWN: return SP_TRUTH_UNKNOWN;
        default: g_assert_not_reached ();
        }

    case SP_EXPR_BOOLEAN_IS:
    case SP_EXPR_COMPARE:
    case SP_EXPR_CHOICE_IN:
    case SP_EXPR_LIST_CONTAINS_ANY:
    case SP_EXPR_MONTHS_BEFORE:
      {
        SpTruth truth = evaluate (expr, context);

        if (truth == SP_TRUTH_UNKNOWN)
          {
            add_if_unknown (context, expr->fact, unknown);
            add_if_unknown (context, expr->other_fact, unknown);
          }
        return truth;
      }

    case SP_EXPR_CONST:
    case SP_EXPR_DEFINITELY:
    case SP_EXPR_RECORDED:
    case SP_EXPR_DECISION_IN:
    default:
      /* Always definite: nothing of theirs is ever missing. */
      return evaluate (expr, context);
    }
}

/**
 * sp_expr_collect_unknown:
 * @unknown: (inout): the set to add to
 *
 * Adds the unrecorded facts on which an unknown @expr turns: only the
 * children that are themselves unknown are followed, so a fact behind a
 * definite answer is never asked for. A known @expr adds nothing.
 */
void
sp_expr_collect_unknown (const SpExpr        *expr,
                         const SpEvalContext *context,
                         SpFactSet           *unknown)
{
  g_return_if_fail (expr != NULL);

  collect_unknown (expr, context, unknown);
}

/**
 * sp_expr_collect_facts:
 * @by_value: (inout): facts whose values @expr reads
 * @by_presence: (inout): facts @expr asks only whether they are recorded
 */
void
sp_expr_collect_facts (const SpExpr *expr,
                       SpFactSet    *by_value,
                       SpFactSet    *by_presence)
{
  g_return_if_fail (expr != NULL);

  switch (expr->kind)
    {
    case SP_EXPR_ALL:
    case SP_EXPR_ANY:
    case SP_EXPR_NOT:
    case SP_EXPR_DEFINITELY:
      for (guint i = 0; i < expr->n_children; i++)
        sp_expr_collect_facts (expr->children[i], by_value, by_presence);
      break;
    case SP_EXPR_RECORDED:
      sp_fact_set_add (by_presence, expr->fact);
      break;
    case SP_EXPR_BOOLEAN_IS:
    case SP_EXPR_COMPARE:
    case SP_EXPR_CHOICE_IN:
    case SP_EXPR_LIST_CONTAINS_ANY:
    case SP_EXPR_MONTHS_BEFORE:
      sp_fact_set_add (by_value, expr->fact);
      if (expr->other_fact >= 0)
        sp_fact_set_add (by_value, expr->other_fact);
      break;
    case SP_EXPR_CONST:
    case SP_EXPR_DECISION_IN:
    default:
      break;
    }
}

static void
add_threshold (double *thresholds,
               guint  *n,
               guint   max_thresholds,
               double  value)
{
  if (*n < max_thresholds)
    thresholds[(*n)++] = value;
}

/**
 * sp_expr_collect_thresholds:
 * @thresholds: (out caller-allocates): room for @max_thresholds values
 *
 * The values @fact is compared with in @expr: the constants, and the
 * ends of the other side's possible range. A comparison can change its
 * answer only at these, which is what lets the constraints narrow a
 * number by trying a few candidates.
 *
 * Returns: how many were written; more than @max_thresholds are dropped,
 *   which only makes the narrowing less tight, never wrong
 */
guint
sp_expr_collect_thresholds (const SpExpr        *expr,
                            guint                fact,
                            const SpEvalContext *context,
                            double              *thresholds,
                            guint                max_thresholds)
{
  guint n = 0;

  g_return_val_if_fail (expr != NULL, 0);

  if (expr->kind == SP_EXPR_COMPARE)
    {
      double low, high;

      if (expr->fact == fact)
        {
          if (expr->other_fact < 0)
            add_threshold (thresholds, &n, max_thresholds, expr->number);
          else if (operand_range (context, expr->other_fact, expr->is_date, &low, &high))
            {
              add_threshold (thresholds, &n, max_thresholds, low);
              add_threshold (thresholds, &n, max_thresholds, high);
            }
        }
      else if (expr->other_fact == (gint) fact &&
               operand_range (context, expr->fact, expr->is_date, &low, &high))
        {
          add_threshold (thresholds, &n, max_thresholds, low);
          add_threshold (thresholds, &n, max_thresholds, high);
        }
      return n;
    }

  for (guint i = 0; i < expr->n_children; i++)
    n += sp_expr_collect_thresholds (expr->children[i], fact, context,
                                     thresholds + n, max_thresholds - n);
  return n;
}

/**
 * sp_expr_collect_implied:
 * @implied: (inout): the set to add to
 *
 * Adds the unrecorded facts whose tests in @expr are definite only because
 * the constraints narrow them: what a reason must name as implied.
 */
void
sp_expr_collect_implied (const SpExpr        *expr,
                         const SpEvalContext *context,
                         SpFactSet           *implied)
{
  g_return_if_fail (expr != NULL);

  switch (expr->kind)
    {
    case SP_EXPR_ALL:
    case SP_EXPR_ANY:
    case SP_EXPR_NOT:
    case SP_EXPR_DEFINITELY:
      for (guint i = 0; i < expr->n_children; i++)
        sp_expr_collect_implied (expr->children[i], context, implied);
      break;
    case SP_EXPR_BOOLEAN_IS:
    case SP_EXPR_COMPARE:
    case SP_EXPR_CHOICE_IN:
      if (evaluate (expr, context) == SP_TRUTH_UNKNOWN)
        break;
      if (lookup_domain (context, expr->fact) != NULL && !context->values[expr->fact].recorded)
        sp_fact_set_add (implied, expr->fact);
      if (expr->other_fact >= 0 && lookup_domain (context, expr->other_fact) != NULL &&
          !context->values[expr->other_fact].recorded)
        sp_fact_set_add (implied, expr->other_fact);
      break;
    case SP_EXPR_CONST:
    case SP_EXPR_RECORDED:
    case SP_EXPR_LIST_CONTAINS_ANY:
    case SP_EXPR_MONTHS_BEFORE:
    case SP_EXPR_DECISION_IN:
    default:
      break;
    }
}

/* The criteria of a rule are the children of its conditions' "all"s, down
 * to a node that has its own words. */
static void
collect_criteria (const SpExpr        *expr,
                  const SpEvalContext *context,
                  SpTruth              wanted,
                  GPtrArray           *criteria)
{
  if (evaluate (expr, context) != wanted)
    return;

  if (expr->kind == SP_EXPR_ALL && expr->text == NULL)
    {
      for (guint i = 0; i < expr->n_children; i++)
        collect_criteria (expr->children[i], context, wanted, criteria);
      return;
    }

  g_ptr_array_add (criteria, (gpointer) expr);
}

/**
 * sp_expr_collect_met:
 * @criteria: (element-type SpExpr): where to add each criterion met
 *
 * For a definitely true @expr, adds the criteria it rests on: what a
 * "supported" decision lists as met.
 */
void
sp_expr_collect_met (const SpExpr        *expr,
                     const SpEvalContext *context,
                     GPtrArray           *criteria)
{
  g_return_if_fail (expr != NULL);

  collect_criteria (expr, context, SP_TRUTH_TRUE, criteria);
}

/**
 * sp_expr_collect_unmet_criteria:
 * @criteria: (element-type SpExpr): where to add each criterion not met
 *
 * For a definitely false @expr, adds the criteria that make it false: for
 * "all", each child that is definitely false; for anything else, @expr
 * itself. A criterion with its own words is not taken apart further.
 */
void
sp_expr_collect_unmet_criteria (const SpExpr        *expr,
                                const SpEvalContext *context,
                                GPtrArray           *criteria)
{
  g_return_if_fail (expr != NULL);

  collect_criteria (expr, context, SP_TRUTH_FALSE, criteria);
}

/**
 * sp_expr_collect_unmet:
 * @descriptions: (element-type utf8): where to add each unmet criterion, in words
 *
 * As sp_expr_collect_unmet_criteria(), with each criterion described.
 */
void
sp_expr_collect_unmet (const SpExpr        *expr,
                       const SpEvalContext *context,
                       GPtrArray           *facts,
                       GPtrArray           *descriptions)
{
  g_autoptr(GPtrArray) criteria = g_ptr_array_new ();

  g_return_if_fail (expr != NULL);

  collect_criteria (expr, context, SP_TRUTH_FALSE, criteria);
  for (guint i = 0; i < criteria->len; i++)
    g_ptr_array_add (descriptions, sp_expr_describe (g_ptr_array_index (criteria, i), facts));
}

/**
 * sp_expr_get_text:
 *
 * Returns: (nullable): the criterion's own words from the policy
 */
const char *
sp_expr_get_text (const SpExpr *expr)
{
  g_return_val_if_fail (expr != NULL, NULL);

  return expr->text;
}

/**
 * sp_expr_get_unmet_text:
 *
 * Returns: (nullable): the template for the case's side of this criterion
 *   when it is not met, with {FACT} and {FACT+Nm} placeholders
 */
const char *
sp_expr_get_unmet_text (const SpExpr *expr)
{
  g_return_val_if_fail (expr != NULL, NULL);

  return expr->unmet;
}

static void
append_choices (GString *text,
                SpFact  *fact,
                guint64  mask)
{
  gboolean first = TRUE;

  for (guint i = 0; i < sp_fact_get_n_choices (fact); i++)
    {
      if (!(mask & (G_GUINT64_CONSTANT (1) << i)))
        continue;
      if (!first)
        g_string_append (text, " or ");
      g_string_append_printf (text, "\"%s\"", sp_fact_get_choice_label (fact, i));
      first = FALSE;
    }
}

/**
 * sp_expr_describe:
 *
 * Returns: (transfer full): the criterion in words: its own "text" when the
 *   policy gives one, otherwise worded from the facts' labels
 */
char *
sp_expr_describe (const SpExpr *expr,
                  GPtrArray    *facts)
{
  GString *text;
  SpFact *fact;

  g_return_val_if_fail (expr != NULL, NULL);

  if (expr->text != NULL)
    return g_strdup (expr->text);

  text = g_string_new (NULL);
  fact = expr->fact < facts->len ? g_ptr_array_index (facts, expr->fact) : NULL;

  switch (expr->kind)
    {
    case SP_EXPR_CONST:
      g_string_append (text, expr->constant ? "always" : "never");
      break;
    case SP_EXPR_ALL:
    case SP_EXPR_ANY:
      for (guint i = 0; i < expr->n_children; i++)
        {
          g_autofree char *child = sp_expr_describe (expr->children[i], facts);

          if (i > 0)
            g_string_append (text, expr->kind == SP_EXPR_ALL ? "; and " : "; or ");
          g_string_append (text, child);
        }
      break;
    case SP_EXPR_NOT:
      {
        g_autofree char *child = sp_expr_describe (expr->children[0], facts);
        g_string_append_printf (text, "not (%s)", child);
      }
      break;
    case SP_EXPR_DEFINITELY:
      {
        g_autofree char *child = sp_expr_describe (expr->children[0], facts);
        g_string_append_printf (text, "%s (recorded)", child);
      }
      break;
    case SP_EXPR_RECORDED:
      g_string_append_printf (text, "%s is recorded", sp_fact_get_label (fact));
      break;
    case SP_EXPR_BOOLEAN_IS:
      g_string_append_printf (text, "%s: %s", sp_fact_get_label (fact), expr->constant ? "yes" : "no");
      break;
    case SP_EXPR_CHOICE_IN:
      g_string_append_printf (text, "%s is ", sp_fact_get_label (fact));
      append_choices (text, fact, expr->mask);
      break;
    case SP_EXPR_LIST_CONTAINS_ANY:
      g_string_append_printf (text, "%s includes ", sp_fact_get_label (fact));
      append_choices (text, fact, expr->mask);
      break;
    case SP_EXPR_COMPARE:
      {
        static const char * const words[] = {
          [SP_COMPARE_EQ] = "is", [SP_COMPARE_GE] = "is at least", [SP_COMPARE_GT] = "is more than",
          [SP_COMPARE_LE] = "is at most", [SP_COMPARE_LT] = "is less than",
        };

        g_string_append_printf (text, "%s %s ", sp_fact_get_label (fact), words[expr->compare]);
        if (expr->other_fact >= 0)
          g_string_append (text, sp_fact_get_label (g_ptr_array_index (facts, expr->other_fact)));
        else
          {
            char buffer[G_ASCII_DTOSTR_BUF_SIZE];
            const char *unit = sp_fact_get_unit (fact);

            g_string_append (text, g_ascii_formatd (buffer, sizeof buffer, "%.10g", expr->number));
            if (unit != NULL)
              g_string_append_printf (text, g_str_equal (unit, "%") ? "%s" : " %s", unit);
          }
      }
      break;
    case SP_EXPR_MONTHS_BEFORE:
      g_string_append_printf (text, "%s at least %u calendar months before %s",
                              sp_fact_get_label (fact), (guint) expr->number,
                              sp_fact_get_label (g_ptr_array_index (facts, expr->other_fact)));
      break;
    case SP_EXPR_DECISION_IN:
      g_string_append (text, "a decision has a given status");
      break;
    default:
      g_assert_not_reached ();
    }

  return g_string_free (text, FALSE);
}

/**
 * sp_expr_get_met_sentence:
 * @make: builds the sentence, called at most once per expression unless
 *   two threads race, when one result is kept and the other freed
 *
 * Returns: the sentence saying this criterion is met: the same for every
 *   case, so it is made once, not once per decision per case
 */
const char *
sp_expr_get_met_sentence (const SpExpr *expr,
                          char       *(*make) (const SpExpr *expr, gpointer data),
                          gpointer      data)
{
  SpExpr *writable = (SpExpr *) expr;
  char *sentence = g_atomic_pointer_get (&writable->met_sentence);

  if (sentence != NULL)
    return sentence;
  sentence = make (expr, data);
  if (!g_atomic_pointer_compare_and_exchange (&writable->met_sentence, NULL, sentence))
    {
      g_free (sentence);
      sentence = g_atomic_pointer_get (&writable->met_sentence);
    }
  return sentence;
}
