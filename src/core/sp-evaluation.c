/* sp-evaluation.c
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"


#include "sp-advisory.h"
#include "sp-advisory-rule.h"
#include "sp-case.h"
#include "sp-core-private.h"
#include "sp-date.h"
#include "sp-decision.h"
#include "sp-decision-rule.h"
#include "sp-engine.h"
#include "sp-evaluation.h"
#include "sp-fact.h"
#include "sp-policy.h"

/**
 * SpEvaluation:
 *
 * Every decision and advisory of the policy for one #SpCase, re-evaluated
 * synchronously on every change to the case (a full evaluation takes
 * microseconds), so nothing shown is ever stale. The decisions are one
 * #SpDecision per rule, updated in place; the advisories are the ones that
 * currently apply.
 */
struct _SpEvaluation
{
  GObject          parent_instance;

  SpCase          *case_;
  SpPolicy        *policy;
  GListStore      *decisions;
  GListStore      *advisories;
  SpEngineResult  *result;
  guint32          today;         /* 0: the real today */
  gulong           changed_handler;
};

G_DEFINE_FINAL_TYPE (SpEvaluation, sp_evaluation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CASE,
  PROP_URGENT,
  PROP_SCREENING_COMPLETE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
sp_evaluation_dispose (GObject *object)
{
  SpEvaluation *self = (SpEvaluation *)object;

  if (self->case_ != NULL)
    g_clear_signal_handler (&self->changed_handler, self->case_);
  g_clear_object (&self->case_);
  g_clear_object (&self->policy);
  g_clear_object (&self->decisions);
  g_clear_object (&self->advisories);

  G_OBJECT_CLASS (sp_evaluation_parent_class)->dispose (object);
}

static void
sp_evaluation_finalize (GObject *object)
{
  SpEvaluation *self = (SpEvaluation *)object;

  g_clear_pointer (&self->result, g_free);

  G_OBJECT_CLASS (sp_evaluation_parent_class)->finalize (object);
}

static void
sp_evaluation_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SpEvaluation *self = SP_EVALUATION (object);

  switch (prop_id)
    {
    case PROP_CASE:
      g_value_set_object (value, self->case_);
      break;
    case PROP_URGENT:
      g_value_set_boolean (value, sp_evaluation_is_urgent (self));
      break;
    case PROP_SCREENING_COMPLETE:
      g_value_set_boolean (value, sp_evaluation_is_screening_complete (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_evaluation_class_init (SpEvaluationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sp_evaluation_dispose;
  object_class->finalize = sp_evaluation_finalize;
  object_class->get_property = sp_evaluation_get_property;

  properties[PROP_CASE] =
    g_param_spec_object ("case", NULL, NULL, SP_TYPE_CASE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_URGENT] =
    g_param_spec_boolean ("urgent", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCREENING_COMPLETE] =
    g_param_spec_boolean ("screening-complete", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SpEvaluation::changed:
   *
   * Emitted after each re-evaluation, once every decision and advisory is
   * up to date.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sp_evaluation_init (SpEvaluation *self)
{
  self->decisions = g_list_store_new (SP_TYPE_DECISION);
  self->advisories = g_list_store_new (SP_TYPE_ADVISORY);
}

static void
update_advisories (SpEvaluation *self)
{
  GPtrArray *rules = sp_policy_get_advisory_array (self->policy);
  const SpValue *values = sp_case_get_values (self->case_);
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->advisories));
  gboolean same = TRUE;

  for (guint a = 0; a < rules->len; a++)
    {
      g_autofree char *text = NULL;

      if (!(self->result->advisories & (G_GUINT64_CONSTANT (1) << a)))
        continue;
      text = sp_engine_describe_advisory (self->policy, values, self->result, a);
      g_ptr_array_add (shown, sp_advisory_new (g_ptr_array_index (rules, a), text));
    }

  /* Replace the list only when it differs, so a list view does not flicker
   * on every keystroke. */
  if (n_old != shown->len)
    same = FALSE;
  for (guint i = 0; same && i < shown->len; i++)
    {
      g_autoptr(SpAdvisory) old = g_list_model_get_item (G_LIST_MODEL (self->advisories), i);
      SpAdvisory *new = g_ptr_array_index (shown, i);

      same = g_str_equal (sp_advisory_get_id (old), sp_advisory_get_id (new)) &&
             g_str_equal (sp_advisory_get_text (old), sp_advisory_get_text (new));
    }
  if (!same)
    g_list_store_splice (self->advisories, 0, n_old, shown->pdata, shown->len);
}

/**
 * sp_evaluation_refresh:
 *
 * Evaluates the case again. Called on every change of the case; call it
 * yourself only when the date changes (a case left open past midnight).
 */
void
sp_evaluation_refresh (SpEvaluation *self)
{
  const SpValue *values;
  gboolean was_urgent, was_complete;

  g_return_if_fail (SP_IS_EVALUATION (self));

  was_urgent = self->result->urgent;
  was_complete = !self->result->unscreened && !self->result->urgent;

  values = sp_case_get_values (self->case_);
  sp_engine_evaluate (self->policy, values, self->today ? self->today : sp_date_today (), self->result);

  for (guint d = 0; d < self->result->n_decisions; d++)
    {
      g_autoptr(SpDecision) decision = g_list_model_get_item (G_LIST_MODEL (self->decisions), d);
      SpExplanation explanation;

      sp_explanation_init (&explanation);
      sp_engine_explain (self->policy, values, self->result, d, &explanation);
      sp_decision_update (decision, self->result->decisions[d].status, &explanation);
      sp_explanation_clear (&explanation);
    }

  update_advisories (self);

  if (was_urgent != self->result->urgent)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URGENT]);
  if (was_complete != (!self->result->unscreened && !self->result->urgent))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCREENING_COMPLETE]);

  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_fact_changed (SpEvaluation *self,
                 const char   *fact_id,
                 SpCase       *case_)
{
  sp_evaluation_refresh (self);
}

/**
 * sp_evaluation_new:
 *
 * Returns: (transfer full): the evaluation of @case_, which follows every
 *   later change to it
 */
SpEvaluation *
sp_evaluation_new (SpCase *case_)
{
  SpEvaluation *self;

  g_return_val_if_fail (SP_IS_CASE (case_), NULL);

  self = g_object_new (SP_TYPE_EVALUATION, NULL);
  self->case_ = g_object_ref (case_);
  self->policy = g_object_ref (sp_case_get_policy (case_));
  self->result = sp_engine_result_new (self->policy);
  self->result->unscreened = TRUE;

  for (guint d = 0; d < sp_policy_get_n_decisions (self->policy); d++)
    {
      g_autoptr(SpDecision) decision = sp_decision_new (sp_policy_get_decision (self->policy, d));
      g_list_store_append (self->decisions, decision);
    }

  self->changed_handler = g_signal_connect_object (case_, "fact-changed",
                                                   G_CALLBACK (on_fact_changed), self,
                                                   G_CONNECT_SWAPPED);
  sp_evaluation_refresh (self);
  return self;
}

/**
 * sp_evaluation_set_today:
 * @today: (nullable): a date `YYYY-MM-DD` to use when the case records no
 *   assessment date, or %NULL for the real today; for tests and reviews
 */
void
sp_evaluation_set_today (SpEvaluation *self,
                         const char   *today)
{
  guint32 julian = 0;

  g_return_if_fail (SP_IS_EVALUATION (self));
  g_return_if_fail (today == NULL || sp_date_parse (today, &julian));

  self->today = julian;
  sp_evaluation_refresh (self);
}

/**
 * sp_evaluation_get_case:
 *
 * Returns: (transfer none): the case evaluated
 */
SpCase *
sp_evaluation_get_case (SpEvaluation *self)
{
  g_return_val_if_fail (SP_IS_EVALUATION (self), NULL);
  return self->case_;
}

/**
 * sp_evaluation_get_decisions:
 *
 * Returns: (transfer none): one #SpDecision per decision of the policy, in
 *   the policy's order
 */
GListModel *
sp_evaluation_get_decisions (SpEvaluation *self)
{
  g_return_val_if_fail (SP_IS_EVALUATION (self), NULL);
  return G_LIST_MODEL (self->decisions);
}

/**
 * sp_evaluation_get_advisories:
 *
 * Returns: (transfer none): the #SpAdvisory items that apply now
 */
GListModel *
sp_evaluation_get_advisories (SpEvaluation *self)
{
  g_return_val_if_fail (SP_IS_EVALUATION (self), NULL);
  return G_LIST_MODEL (self->advisories);
}

/**
 * sp_evaluation_lookup_decision:
 *
 * Returns: (transfer none) (nullable): the decision called @decision_id
 */
SpDecision *
sp_evaluation_lookup_decision (SpEvaluation *self,
                               const char   *decision_id)
{
  SpDecisionRule *rule;
  g_autoptr(SpDecision) decision = NULL;

  g_return_val_if_fail (SP_IS_EVALUATION (self), NULL);

  if (!(rule = sp_policy_lookup_decision (self->policy, decision_id)))
    return NULL;
  decision = g_list_model_get_item (G_LIST_MODEL (self->decisions), sp_decision_rule_get_index (rule));
  return decision;  /* the store keeps its own reference */
}

gboolean
sp_evaluation_has_advisory (SpEvaluation *self,
                            const char   *advisory_id)
{
  GPtrArray *rules;

  g_return_val_if_fail (SP_IS_EVALUATION (self), FALSE);

  rules = sp_policy_get_advisory_array (self->policy);
  for (guint a = 0; a < rules->len; a++)
    if (g_str_equal (sp_advisory_rule_get_id (g_ptr_array_index (rules, a)), advisory_id))
      return (self->result->advisories >> a) & 1;
  return FALSE;
}

/**
 * sp_evaluation_is_urgent:
 *
 * Returns: %TRUE when a red flag (or suspected spinal cord injury) is
 *   recorded: urgent referral, and the policy does not apply
 */
gboolean
sp_evaluation_is_urgent (SpEvaluation *self)
{
  g_return_val_if_fail (SP_IS_EVALUATION (self), FALSE);
  return self->result->urgent;
}

/**
 * sp_evaluation_is_screening_complete:
 *
 * Returns: %TRUE when every red flag and the serious-pathology question
 *   are recorded and none is a red flag
 */
gboolean
sp_evaluation_is_screening_complete (SpEvaluation *self)
{
  g_return_val_if_fail (SP_IS_EVALUATION (self), FALSE);
  return !self->result->unscreened && !self->result->urgent;
}

gboolean
sp_evaluation_has_serious_pathology (SpEvaluation *self)
{
  g_return_val_if_fail (SP_IS_EVALUATION (self), FALSE);
  return self->result->serious_pathology;
}

/**
 * sp_evaluation_dup_red_flag_summary:
 *
 * Returns: (transfer full) (nullable): the red flags recorded, in words, or
 *   %NULL when none is
 */
char *
sp_evaluation_dup_red_flag_summary (SpEvaluation *self)
{
  g_return_val_if_fail (SP_IS_EVALUATION (self), NULL);

  if (!self->result->urgent)
    return NULL;
  return sp_engine_describe_red_flags (self->policy, sp_case_get_values (self->case_));
}

/**
 * sp_evaluation_dup_serious_pathology_summary:
 *
 * Returns: (transfer full) (nullable): the serious pathologies suspected,
 *   in words (those that are red flags left out), or %NULL when none is
 */
char *
sp_evaluation_dup_serious_pathology_summary (SpEvaluation *self)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (SP_IS_EVALUATION (self), NULL);

  /* Named even beside a red flag: the emergency referral does not make a
   * suspected cancer any less urgent to pass on. */
  text = sp_engine_describe_serious_pathology (self->policy, sp_case_get_values (self->case_));
  return text[0] != '\0' ? g_steal_pointer (&text) : NULL;
}

/**
 * sp_evaluation_count_needing_information:
 * @pathway: (nullable): a pathway id, or %NULL for all
 *
 * Returns: how many decisions on @pathway need more information
 */
guint
sp_evaluation_count_needing_information (SpEvaluation *self,
                                         const char   *pathway)
{
  guint count = 0;

  g_return_val_if_fail (SP_IS_EVALUATION (self), 0);

  for (guint d = 0; d < self->result->n_decisions; d++)
    {
      SpDecisionRule *rule = sp_policy_get_decision (self->policy, d);

      if (self->result->decisions[d].status == SP_STATUS_NEEDS_INFORMATION &&
          (pathway == NULL || g_str_equal (sp_decision_rule_get_pathway (rule), pathway)))
        count++;
    }
  return count;
}

static gint
implied_index (SpEvaluation *self,
               const char   *fact_id)
{
  SpFact *fact = sp_policy_lookup_fact (self->policy, fact_id);

  if (fact == NULL || !sp_fact_set_contains (&self->result->implications.implied, sp_fact_get_index (fact)))
    return -1;
  return sp_fact_get_index (fact);
}

/**
 * sp_evaluation_is_implied:
 *
 * Returns: whether @fact_id is not recorded but settled by what is (the
 *   contract's implied facts): the window shows it as implied, not asked
 */
gboolean
sp_evaluation_is_implied (SpEvaluation *self,
                          const char   *fact_id)
{
  g_return_val_if_fail (SP_IS_EVALUATION (self), FALSE);
  return implied_index (self, fact_id) >= 0;
}

/**
 * sp_evaluation_dup_implied_value:
 *
 * Returns: (transfer full) (nullable): the implied value of @fact_id in
 *   the case-file format, or %NULL when it is not implied
 */
JsonNode *
sp_evaluation_dup_implied_value (SpEvaluation *self,
                                 const char   *fact_id)
{
  g_autoptr(JsonBuilder) builder = NULL;
  SpValue value;
  gint index;

  g_return_val_if_fail (SP_IS_EVALUATION (self), NULL);

  if ((index = implied_index (self, fact_id)) < 0 ||
      !sp_implications_get_value (self->policy, &self->result->implications, index, &value))
    return NULL;
  /* json-glib 1.6's builder takes a value only inside a container. */
  builder = json_builder_new ();
  json_builder_begin_array (builder);
  sp_fact_write_value (sp_policy_get_fact (self->policy, index), &value, builder);
  json_builder_end_array (builder);
  {
    g_autoptr(JsonNode) array = json_builder_get_root (builder);

    return json_node_copy (json_array_get_element (json_node_get_array (array), 0));
  }
}

/**
 * sp_evaluation_describe_implied:
 *
 * Returns: (transfer full) (nullable): the implied value of @fact_id in
 *   words ("yes", "Sciatica …"), or %NULL when it is not implied
 */
char *
sp_evaluation_describe_implied (SpEvaluation *self,
                                const char   *fact_id)
{
  SpValue value;
  gint index;

  g_return_val_if_fail (SP_IS_EVALUATION (self), NULL);

  if ((index = implied_index (self, fact_id)) < 0 ||
      !sp_implications_get_value (self->policy, &self->result->implications, index, &value))
    return NULL;
  return sp_fact_describe_value (sp_policy_get_fact (self->policy, index), &value);
}

/**
 * sp_evaluation_dup_implied_because:
 *
 * Returns: (transfer full) (nullable): the ids of the recorded facts that
 *   imply @fact_id, in policy order, or %NULL when it is not implied
 */
GStrv
sp_evaluation_dup_implied_because (SpEvaluation *self,
                                   const char   *fact_id)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  const SpValue *values;
  gint index;

  g_return_val_if_fail (SP_IS_EVALUATION (self), NULL);

  if ((index = implied_index (self, fact_id)) < 0)
    return NULL;
  values = sp_case_get_values (self->case_);
  builder = g_strv_builder_new ();
  for (guint i = 0; i < sp_policy_get_n_facts (self->policy); i++)
    if (sp_fact_set_contains (&self->result->implications.because[index], i) && values[i].recorded)
      g_strv_builder_add (builder, sp_fact_get_id (sp_policy_get_fact (self->policy, i)));
  return g_strv_builder_end (builder);
}

/**
 * sp_evaluation_dup_banner_text:
 * @banner: "urgent" (red flags) or "serious" (suspected serious pathology)
 *
 * Returns: (transfer full) (nullable): the words of the advisory shown as
 *   that banner, for this case (naming what was recorded, and only that),
 *   or %NULL when no such advisory is shown
 */
char *
sp_evaluation_dup_banner_text (SpEvaluation *self,
                               const char   *banner)
{
  guint n;

  g_return_val_if_fail (SP_IS_EVALUATION (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->advisories));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpAdvisory) advisory = g_list_model_get_item (G_LIST_MODEL (self->advisories), i);

      if (g_strcmp0 (sp_advisory_rule_get_banner (sp_advisory_get_rule (advisory)), banner) == 0)
        return g_strdup (sp_advisory_get_text (advisory));
    }
  return NULL;
}
