/* sp-decision-rule.c
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sp-core-private.h"
#include "sp-decision-rule.h"
#include "sp-expr.h"

/**
 * SpDecisionRule:
 *
 * The policy's rule for one intervention, as ordered rows of data. There is
 * no C code specific to any intervention: the engine reads these rows.
 */
struct _SpDecisionRule
{
  GObject  parent_instance;

  char    *id;
  char    *pathway;
  char    *label;
  GArray  *rows;      /* SpRuleRow */
  SpFactSet facts_read;  /* by value, by any row: what an implied fact must touch */
  guint    index;
  guint    surgical : 1;
  guint    support_on_serious_pathology : 1;
};

G_DEFINE_FINAL_TYPE (SpDecisionRule, sp_decision_rule, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PATHWAY,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_row (gpointer data)
{
  SpRuleRow *row = data;

  g_clear_pointer (&row->when, sp_expr_free);
  g_clear_pointer (&row->reason, g_free);
  g_clear_pointer (&row->clause_ids, g_free);
  g_clear_pointer (&row->interpretation_ids, g_free);
}

static void
sp_decision_rule_finalize (GObject *object)
{
  SpDecisionRule *self = (SpDecisionRule *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->pathway, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->rows, g_array_unref);

  G_OBJECT_CLASS (sp_decision_rule_parent_class)->finalize (object);
}

static void
sp_decision_rule_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SpDecisionRule *self = SP_DECISION_RULE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_PATHWAY:
      g_value_set_string (value, self->pathway);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_decision_rule_class_init (SpDecisionRuleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sp_decision_rule_finalize;
  object_class->get_property = sp_decision_rule_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PATHWAY] =
    g_param_spec_string ("pathway", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_decision_rule_init (SpDecisionRule *self)
{
  self->rows = g_array_new (FALSE, TRUE, sizeof (SpRuleRow));
  g_array_set_clear_func (self->rows, clear_row);
}

SpDecisionRule *
sp_decision_rule_new (const char *id,
                      const char *pathway,
                      const char *label,
                      guint       index,
                      gboolean    surgical,
                      gboolean    support_on_serious_pathology)
{
  SpDecisionRule *self = g_object_new (SP_TYPE_DECISION_RULE, NULL);

  self->id = g_strdup (id);
  self->pathway = g_strdup (pathway);
  self->label = g_strdup (label);
  self->index = index;
  self->surgical = !!surgical;
  self->support_on_serious_pathology = !!support_on_serious_pathology;

  return self;
}

/* Takes ownership of the row's members. */
void
sp_decision_rule_add_row (SpDecisionRule *self,
                          SpRuleRow      *row)
{
  g_assert (SP_IS_DECISION_RULE (self));

  g_array_append_vals (self->rows, row, 1);
  if (row->when != NULL)
    {
      SpFactSet by_presence;

      sp_fact_set_clear (&by_presence);
      sp_expr_collect_facts (row->when, &self->facts_read, &by_presence);
    }
}

/* The facts any row reads by value: a rule none of whose facts is
 * narrowed has nothing implied to explain. */
const SpFactSet *
sp_decision_rule_get_facts_read (SpDecisionRule *self)
{
  return &self->facts_read;
}

const SpRuleRow *
sp_decision_rule_get_rows (SpDecisionRule *self,
                           guint          *n_rows)
{
  g_assert (SP_IS_DECISION_RULE (self));

  *n_rows = self->rows->len;
  return (const SpRuleRow *) (gpointer) self->rows->data;
}

const char *
sp_decision_rule_get_id (SpDecisionRule *self)
{
  g_return_val_if_fail (SP_IS_DECISION_RULE (self), NULL);
  return self->id;
}

const char *
sp_decision_rule_get_pathway (SpDecisionRule *self)
{
  g_return_val_if_fail (SP_IS_DECISION_RULE (self), NULL);
  return self->pathway;
}

/**
 * sp_decision_rule_get_label:
 *
 * Returns: the intervention's name, e.g. "Radiofrequency denervation"
 */
const char *
sp_decision_rule_get_label (SpDecisionRule *self)
{
  g_return_val_if_fail (SP_IS_DECISION_RULE (self), NULL);
  return self->label;
}

guint
sp_decision_rule_get_index (SpDecisionRule *self)
{
  g_return_val_if_fail (SP_IS_DECISION_RULE (self), 0);
  return self->index;
}

gboolean
sp_decision_rule_is_surgical (SpDecisionRule *self)
{
  g_return_val_if_fail (SP_IS_DECISION_RULE (self), FALSE);
  return self->surgical;
}

/**
 * sp_decision_rule_supports_on_serious_pathology:
 *
 * Returns: %TRUE for the decisions (imaging, specialist referral) for which
 *   suspected serious pathology is itself the reason to act
 */
gboolean
sp_decision_rule_supports_on_serious_pathology (SpDecisionRule *self)
{
  g_return_val_if_fail (SP_IS_DECISION_RULE (self), FALSE);
  return self->support_on_serious_pathology;
}

/**
 * sp_decision_rule_dup_clause_ids:
 *
 * Returns: (transfer full): every clause any row of the rule cites, once each
 */
char **
sp_decision_rule_dup_clause_ids (SpDecisionRule *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);  /* ids are interned */

  g_return_val_if_fail (SP_IS_DECISION_RULE (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      const SpRuleRow *row = &g_array_index (self->rows, SpRuleRow, i);

      for (guint j = 0; row->clause_ids && row->clause_ids[j]; j++)
        if (g_hash_table_add (seen, (gpointer) row->clause_ids[j]))
          g_strv_builder_add (builder, row->clause_ids[j]);
    }
  return g_strv_builder_end (builder);
}
