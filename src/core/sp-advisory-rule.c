/* sp-advisory-rule.c
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sp-advisory-rule.h"
#include "sp-core-private.h"

/**
 * SpAdvisoryRule:
 *
 * Advice the policy gives beside its decisions, and the condition (data,
 * like every rule) under which it is shown.
 */
struct _SpAdvisoryRule
{
  GObject  parent_instance;

  char    *id;
  char    *text;
  SpExpr  *when;
  const char **clause_ids;      /* interned ids; the array is owned */
  GPtrArray *variant_whens;   /* SpExpr*: the first that holds adds its text */
  GPtrArray *variant_texts;
  GPtrArray *finding_whens;   /* SpExpr*: each that holds is named in {findings} */
  GPtrArray *finding_texts;
  char    *banner;            /* "urgent", "serious", or NULL: shown as a banner */
};

G_DEFINE_FINAL_TYPE (SpAdvisoryRule, sp_advisory_rule, G_TYPE_OBJECT)

static void
sp_advisory_rule_finalize (GObject *object)
{
  SpAdvisoryRule *self = (SpAdvisoryRule *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->when, sp_expr_free);
  g_clear_pointer (&self->clause_ids, g_free);
  g_clear_pointer (&self->variant_whens, g_ptr_array_unref);
  g_clear_pointer (&self->variant_texts, g_ptr_array_unref);
  g_clear_pointer (&self->finding_whens, g_ptr_array_unref);
  g_clear_pointer (&self->finding_texts, g_ptr_array_unref);
  g_clear_pointer (&self->banner, g_free);

  G_OBJECT_CLASS (sp_advisory_rule_parent_class)->finalize (object);
}

static void
sp_advisory_rule_class_init (SpAdvisoryRuleClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sp_advisory_rule_finalize;
}

static void
sp_advisory_rule_init (SpAdvisoryRule *self)
{
  self->variant_whens = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_expr_free);
  self->variant_texts = g_ptr_array_new_with_free_func (g_free);
  self->finding_whens = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_expr_free);
  self->finding_texts = g_ptr_array_new_with_free_func (g_free);
}

/* Takes ownership of @when. */
void
sp_advisory_rule_add_finding (SpAdvisoryRule *self,
                              SpExpr         *when,
                              const char     *text)
{
  g_assert (SP_IS_ADVISORY_RULE (self));

  g_ptr_array_add (self->finding_whens, when);
  g_ptr_array_add (self->finding_texts, g_strdup (text));
}

void
sp_advisory_rule_set_banner (SpAdvisoryRule *self,
                             const char     *banner)
{
  g_assert (SP_IS_ADVISORY_RULE (self));

  g_free (self->banner);
  self->banner = g_strdup (banner);
}

/**
 * sp_advisory_rule_get_banner:
 *
 * Returns: (nullable): "urgent" or "serious" when the window and the
 *   summary show this advisory as a banner over every tab, as the policy
 *   file says; %NULL for advice shown beside the decisions
 */
const char *
sp_advisory_rule_get_banner (SpAdvisoryRule *self)
{
  g_return_val_if_fail (SP_IS_ADVISORY_RULE (self), NULL);
  return self->banner;
}

/* Takes ownership of @when. */
void
sp_advisory_rule_add_variant (SpAdvisoryRule *self,
                              SpExpr         *when,
                              const char     *text)
{
  g_assert (SP_IS_ADVISORY_RULE (self));

  g_ptr_array_add (self->variant_whens, when);
  g_ptr_array_add (self->variant_texts, g_strdup (text));
}

/* The words for this case: the advisory's text, and the first variant
 * (such as a STarT Back risk group) whose condition holds. */
char *
sp_advisory_rule_dup_text_for (SpAdvisoryRule      *self,
                               const SpEvalContext *context)
{
  g_autofree char *text = NULL;

  g_assert (SP_IS_ADVISORY_RULE (self));

  /* {findings}: what was recorded, and nothing that was not. */
  if (self->finding_whens->len > 0)
    {
      GString *findings = g_string_new (NULL);
      g_autoptr(GString) filled = g_string_new (self->text);

      for (guint i = 0; i < self->finding_whens->len; i++)
        if (sp_expr_evaluate (g_ptr_array_index (self->finding_whens, i), context) == SP_TRUTH_TRUE)
          {
            if (findings->len > 0)
              g_string_append (findings, "; ");
            g_string_append (findings, g_ptr_array_index (self->finding_texts, i));
          }
      g_string_replace (filled, "{findings}", findings->str, 0);
      g_string_free (findings, TRUE);
      text = g_string_free (g_steal_pointer (&filled), FALSE);
    }
  else
    text = g_strdup (self->text);

  for (guint i = 0; i < self->variant_whens->len; i++)
    if (sp_expr_evaluate (g_ptr_array_index (self->variant_whens, i), context) == SP_TRUTH_TRUE)
      return g_strconcat (text, " ", (char *) g_ptr_array_index (self->variant_texts, i), NULL);

  return g_steal_pointer (&text);
}

/* Takes ownership of @when and @clause_ids. */
SpAdvisoryRule *
sp_advisory_rule_new (const char *id,
                      const char *text,
                      SpExpr     *when,
                      const char **clause_ids)
{
  SpAdvisoryRule *self = g_object_new (SP_TYPE_ADVISORY_RULE, NULL);

  self->id = g_strdup (id);
  self->text = g_strdup (text);
  self->when = when;
  self->clause_ids = clause_ids ? clause_ids : g_new0 (const char *, 1);

  return self;
}

const SpExpr *
sp_advisory_rule_get_when (SpAdvisoryRule *self)
{
  g_assert (SP_IS_ADVISORY_RULE (self));
  return self->when;
}

const char *
sp_advisory_rule_get_id (SpAdvisoryRule *self)
{
  g_return_val_if_fail (SP_IS_ADVISORY_RULE (self), NULL);
  return self->id;
}

const char *
sp_advisory_rule_get_text (SpAdvisoryRule *self)
{
  g_return_val_if_fail (SP_IS_ADVISORY_RULE (self), NULL);
  return self->text;
}

const char * const *
sp_advisory_rule_get_clause_ids (SpAdvisoryRule *self)
{
  g_return_val_if_fail (SP_IS_ADVISORY_RULE (self), NULL);
  return self->clause_ids;
}
