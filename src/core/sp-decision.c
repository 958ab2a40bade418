/* sp-decision.c
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sp-core-private.h"
#include "sp-decision.h"
#include "sp-decision-rule.h"

/**
 * SpDecision:
 *
 * The policy's answer for one intervention and one case: a status, the
 * reasons as sentences that quote or cite the policy, the clauses cited,
 * the interpretations applied, and the facts still missing. An
 * #SpEvaluation keeps one per decision rule and updates it in place, so a
 * row bound to it follows every edit.
 */
struct _SpDecision
{
  GObject          parent_instance;

  SpDecisionRule  *rule;
  SpStatus         status;
  GStrv            reasons;
  GArray          *reason_kinds;   /* SpReasonKind, one per reason */
  GStrv            citations;
  GStrv            interpretations;
  GStrv            missing;
};

G_DEFINE_FINAL_TYPE (SpDecision, sp_decision, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RULE,
  PROP_STATUS,
  PROP_REASONS,
  PROP_CITATIONS,
  PROP_INTERPRETATIONS,
  PROP_MISSING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sp_decision_dispose (GObject *object)
{
  SpDecision *self = (SpDecision *)object;

  g_clear_object (&self->rule);

  G_OBJECT_CLASS (sp_decision_parent_class)->dispose (object);
}

static void
sp_decision_finalize (GObject *object)
{
  SpDecision *self = (SpDecision *)object;

  g_clear_pointer (&self->reasons, g_strfreev);
  g_clear_pointer (&self->reason_kinds, g_array_unref);
  g_clear_pointer (&self->citations, g_strfreev);
  g_clear_pointer (&self->interpretations, g_strfreev);
  g_clear_pointer (&self->missing, g_strfreev);

  G_OBJECT_CLASS (sp_decision_parent_class)->finalize (object);
}

static void
sp_decision_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SpDecision *self = SP_DECISION (object);

  switch (prop_id)
    {
    case PROP_RULE:
      g_value_set_object (value, self->rule);
      break;
    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;
    case PROP_REASONS:
      g_value_set_boxed (value, self->reasons);
      break;
    case PROP_CITATIONS:
      g_value_set_boxed (value, self->citations);
      break;
    case PROP_INTERPRETATIONS:
      g_value_set_boxed (value, self->interpretations);
      break;
    case PROP_MISSING:
      g_value_set_boxed (value, self->missing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_decision_class_init (SpDecisionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sp_decision_dispose;
  object_class->finalize = sp_decision_finalize;
  object_class->get_property = sp_decision_get_property;

  properties[PROP_RULE] =
    g_param_spec_object ("rule", NULL, NULL, SP_TYPE_DECISION_RULE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL, 0, SP_N_STATUSES - 1, SP_STATUS_NEEDS_INFORMATION,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REASONS] =
    g_param_spec_boxed ("reasons", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CITATIONS] =
    g_param_spec_boxed ("citations", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INTERPRETATIONS] =
    g_param_spec_boxed ("interpretations", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MISSING] =
    g_param_spec_boxed ("missing", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_decision_init (SpDecision *self)
{
  self->status = SP_STATUS_NEEDS_INFORMATION;
  self->reasons = g_new0 (char *, 1);
  self->reason_kinds = g_array_new (FALSE, FALSE, sizeof (SpReasonKind));
  self->citations = g_new0 (char *, 1);
  self->interpretations = g_new0 (char *, 1);
  self->missing = g_new0 (char *, 1);
}

SpDecision *
sp_decision_new (SpDecisionRule *rule)
{
  SpDecision *self = g_object_new (SP_TYPE_DECISION, NULL);

  self->rule = g_object_ref (rule);
  return self;
}

static GStrv
strv_from_list (const SpStringList *list)
{
  GStrv strv = g_new0 (char *, list->len + 1);

  for (guint i = 0; i < list->len; i++)
    strv[i] = g_strdup (list->items[i]);
  return strv;
}

static void
replace_strv (SpDecision         *self,
              GStrv              *field,
              const SpStringList *list,
              guint               prop_id)
{
  g_auto(GStrv) strv = strv_from_list (list);

  if (g_strv_equal ((const char * const *) *field, (const char * const *) strv))
    return;
  g_strfreev (*field);
  *field = g_steal_pointer (&strv);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/* Notifies only what really changed, so a bound row redraws only then. */
void
sp_decision_update (SpDecision          *self,
                    SpStatus             status,
                    const SpExplanation *explanation)
{
  g_assert (SP_IS_DECISION (self));

  g_object_freeze_notify (G_OBJECT (self));
  replace_strv (self, &self->reasons, &explanation->reasons, PROP_REASONS);
  g_array_set_size (self->reason_kinds, 0);
  if (explanation->reason_kinds != NULL)
    g_array_append_vals (self->reason_kinds, explanation->reason_kinds->data, explanation->reason_kinds->len);
  replace_strv (self, &self->citations, &explanation->clause_ids, PROP_CITATIONS);
  replace_strv (self, &self->interpretations, &explanation->interpretation_ids, PROP_INTERPRETATIONS);
  replace_strv (self, &self->missing, &explanation->missing_fact_ids, PROP_MISSING);
  if (self->status != status)
    {
      self->status = status;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * sp_decision_get_rule:
 *
 * Returns: (transfer none): the policy's rule for this intervention
 */
SpDecisionRule *
sp_decision_get_rule (SpDecision *self)
{
  g_return_val_if_fail (SP_IS_DECISION (self), NULL);
  return self->rule;
}

const char *
sp_decision_get_id (SpDecision *self)
{
  g_return_val_if_fail (SP_IS_DECISION (self), NULL);
  return sp_decision_rule_get_id (self->rule);
}

const char *
sp_decision_get_label (SpDecision *self)
{
  g_return_val_if_fail (SP_IS_DECISION (self), NULL);
  return sp_decision_rule_get_label (self->rule);
}

const char *
sp_decision_get_pathway (SpDecision *self)
{
  g_return_val_if_fail (SP_IS_DECISION (self), NULL);
  return sp_decision_rule_get_pathway (self->rule);
}

SpStatus
sp_decision_get_status (SpDecision *self)
{
  g_return_val_if_fail (SP_IS_DECISION (self), SP_STATUS_NEEDS_INFORMATION);
  return self->status;
}

const char * const *
sp_decision_get_reasons (SpDecision *self)
{
  g_return_val_if_fail (SP_IS_DECISION (self), NULL);
  return (const char * const *) self->reasons;
}

/**
 * sp_decision_get_citations:
 *
 * Returns: (transfer none): the ids of the clauses cited; see
 *   sp_policy_lookup_clause() for their text
 */
const char * const *
sp_decision_get_citations (SpDecision *self)
{
  g_return_val_if_fail (SP_IS_DECISION (self), NULL);
  return (const char * const *) self->citations;
}

const char * const *
sp_decision_get_interpretations (SpDecision *self)
{
  g_return_val_if_fail (SP_IS_DECISION (self), NULL);
  return (const char * const *) self->interpretations;
}

/**
 * sp_decision_get_missing:
 *
 * Returns: (transfer none): for "more information needed", the facts whose
 *   values could change the status, in the policy's order; otherwise empty
 */
const char * const *
sp_decision_get_missing (SpDecision *self)
{
  g_return_val_if_fail (SP_IS_DECISION (self), NULL);
  return (const char * const *) self->missing;
}

/**
 * sp_decision_dup_unmet:
 *
 * What the window shows under a decision's name and the summary under the
 * intervention, so that both tell the same story: the criteria not met.
 *
 * Returns: (transfer full) (nullable): the reasons of kind
 *   %SP_REASON_UNMET, in order, joined by spaces; %NULL when there are none
 */
char *
sp_decision_dup_unmet (SpDecision *self)
{
  const char * const *reasons;
  GString *unmet = NULL;

  g_return_val_if_fail (SP_IS_DECISION (self), NULL);

  reasons = sp_decision_get_reasons (self);
  for (guint r = 0; reasons && reasons[r]; r++)
    if (sp_decision_get_reason_kind (self, r) == SP_REASON_UNMET)
      {
        if (unmet == NULL)
          unmet = g_string_new (reasons[r]);
        else
          g_string_append_printf (unmet, " %s", reasons[r]);
      }
  return unmet ? g_string_free (unmet, FALSE) : NULL;
}

/**
 * sp_decision_get_reason_kind:
 * @index: a reason's position in sp_decision_get_reasons()
 *
 * Returns: what that reason is (a criterion met, an implied fact, …), so a
 *   view can group reasons without reading their words
 */
SpReasonKind
sp_decision_get_reason_kind (SpDecision *self,
                             guint       index)
{
  g_return_val_if_fail (SP_IS_DECISION (self), SP_REASON_RULE);
  g_return_val_if_fail (index < self->reason_kinds->len, SP_REASON_RULE);

  return g_array_index (self->reason_kinds, SpReasonKind, index);
}
