/* sp-engine.c: the contract's precedence steps over the policy's rules
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-advisory-rule.h"
#include "sp-core-private.h"
#include "sp-date.h"
#include "sp-decision-rule.h"
#include "sp-engine.h"
#include "sp-fact.h"
#include "sp-interpretation.h"
#include "sp-policy.h"

#define STATUS_BIT(s) (1u << (s))

/**
 * sp_engine_result_new:
 *
 * Returns: (transfer full): room for one evaluation of @policy; free with g_free()
 */
SpEngineResult *
sp_engine_result_new (SpPolicy *policy)
{
  guint n = sp_policy_get_n_decisions (policy);
  guint n_facts = sp_policy_get_n_facts (policy);
  gsize head = sizeof (SpEngineResult) + n * sizeof (SpOutcome);
  gsize domains_at = (head + 15) & ~(gsize) 15;
  gsize because_at = domains_at + n_facts * sizeof (SpDomain);
  char *block = g_malloc0 (because_at + n_facts * sizeof (SpFactSet));
  SpEngineResult *result = (SpEngineResult *) block;

  /* One block, so the result is still freed with g_free(). */
  result->n_decisions = n;
  result->implications.domains = (SpDomain *) (block + domains_at);
  result->implications.because = (SpFactSet *) (block + because_at);
  return result;
}

static void
filter_not_yet_asked (GPtrArray           *facts,
                      const SpEvalContext *context,
                      const SpFactSet     *also_missing,
                      SpFactSet           *missing)
{
  SpFactSet filtered = *missing;

  /* A follow-up question (the date of a previous denervation) is asked only
   * once its parent is answered, as the contract says. */
  for (guint w = 0; w < G_N_ELEMENTS (missing->words); w++)
    {
      guint64 bits = missing->words[w];

      while (bits)
        {
          guint index = w * 64 + __builtin_ctzll (bits);
          const SpExpr *asked_when = sp_fact_get_asked_when (g_ptr_array_index (facts, index));

          bits &= bits - 1;
          if (asked_when != NULL && sp_expr_evaluate (asked_when, context) != SP_TRUTH_TRUE)
            sp_fact_set_remove (&filtered, index);
        }
    }

  /* Never leave "more information needed" without saying what: the
   * unscreened facts, when there are any, say it. */
  if (!sp_fact_set_is_empty (&filtered) || (also_missing != NULL && !sp_fact_set_is_empty (also_missing)))
    *missing = filtered;
}

/* Evaluates a rule's rows, with @map applied to each row's status (the
 * precedence steps 3 and 5 rewrite statuses, and rows that end up giving
 * the same answer must not ask for facts that cannot change it). */
static void
evaluate_rows (SpDecisionRule      *rule,
               const SpEvalContext *context,
               const SpStatus      *map,
               SpOutcome           *outcome)
{
  const SpRuleRow *rows;
  SpTruth truths[SP_MAX_ROWS];
  guint n_rows, last = 0;
  guint later_statuses;

  rows = sp_decision_rule_get_rows (rule, &n_rows);
  outcome->possible = 0;
  outcome->open_rows = 0;
  outcome->deciding_row = -1;
  sp_fact_set_clear (&outcome->missing);

  for (guint r = 0; r < n_rows; r++)
    {
      truths[r] = rows[r].when ? sp_expr_evaluate (rows[r].when, context) : SP_TRUTH_TRUE;
      if (truths[r] == SP_TRUTH_FALSE)
        continue;

      outcome->open_rows |= 1u << r;
      outcome->possible |= STATUS_BIT (map[rows[r].status]);
      if (truths[r] == SP_TRUTH_TRUE)
        {
          /* Reached only if every unknown row before it turns out false;
           * its reason stands when the status is definite. */
          outcome->deciding_row = r;
          last = r;
          break;
        }
    }

  /* The last row has no condition, so some row always holds. Walking back
   * from it, an unknown row whose answer every later possible row shares
   * cannot change the status, so its facts are not missing. */
  g_assert (outcome->deciding_row >= 0);
  later_statuses = STATUS_BIT (map[rows[last].status]);
  for (gint r = (gint) last - 1; r >= 0; r--)
    {
      guint status_bit;

      if (truths[r] != SP_TRUTH_UNKNOWN)
        continue;
      status_bit = STATUS_BIT (map[rows[r].status]);
      if (later_statuses == status_bit)
        continue;
      sp_expr_collect_unknown (rows[r].when, context, &outcome->missing);
      later_statuses |= status_bit;
    }
}

/* Rows are read one at a time, so three-valued logic cannot see that two
 * rows over one implied fact cannot both be false (radicular symptoms "no"
 * leaves the condition non-specific or claudication: one of the two
 * "not normally funded" rows must hold). So when the answer is still open
 * and turns on a fact the constraints narrowed, each value it can still
 * take is tried: the statuses possible are those of some value, and the
 * fact is missing only if its values disagree. */
static void
evaluate_rule (SpDecisionRule      *rule,
               const SpEvalContext *context,
               const SpStatus      *map,
               GPtrArray           *facts,
               SpOutcome           *outcome)
{
  SpEvalContext pinned_context;
  SpValue pinned = { 0 };
  SpOutcome split;
  guint possible = 0, first = 0;
  gboolean differ = FALSE, any = FALSE;
  SpFactSet missing;
  gint fact = -1;

  evaluate_rows (rule, context, map, outcome);
  outcome->deciding_rows = outcome->deciding_row >= 0 ? 1u << outcome->deciding_row : 0;
  if ((outcome->possible & (outcome->possible - 1)) == 0 || context->narrowed == NULL ||
      sp_fact_set_is_empty (context->narrowed))
    return;

  for (guint w = 0; w < G_N_ELEMENTS (outcome->missing.words) && fact < 0; w++)
    {
      guint64 both = outcome->missing.words[w] & context->narrowed->words[w];

      for (; both && fact < 0; both &= both - 1)
        {
          guint index = w * 64 + __builtin_ctzll (both);
          SpFactType type = sp_fact_get_fact_type (g_ptr_array_index (facts, index));

          if (type == SP_FACT_BOOLEAN || type == SP_FACT_CHOICE)
            fact = index;
        }
    }
  if (fact < 0)
    return;

  pinned_context = *context;
  pinned_context.pinned_fact = fact;
  pinned_context.pinned_value = &pinned;
  pinned.recorded = TRUE;
  sp_fact_set_clear (&missing);
  outcome->deciding_rows = 0;
  for (guint bit = 0; bit < 64; bit++)
    {
      if (!((context->domains[fact].mask >> bit) & 1))
        continue;
      if (sp_fact_get_fact_type (g_ptr_array_index (facts, fact)) == SP_FACT_BOOLEAN)
        pinned.boolean = bit == 1;
      else
        pinned.choice = bit;
      evaluate_rows (rule, &pinned_context, map, &split);
      if (any && split.possible != first)
        differ = TRUE;
      if (!any)
        first = split.possible;
      any = TRUE;
      possible |= split.possible;
      sp_fact_set_union (&missing, &split.missing);
      if ((split.possible & (split.possible - 1)) == 0 && split.deciding_row >= 0)
        outcome->deciding_rows |= 1u << split.deciding_row;
    }

  sp_fact_set_remove (&missing, fact);
  if (differ)
    sp_fact_set_add (&missing, fact);
  outcome->possible = possible;
  outcome->missing = missing;
  if ((possible & (possible - 1)) != 0 || outcome->deciding_rows == 0)
    {
      outcome->deciding_rows = 0;
      return;
    }
  outcome->deciding_row = __builtin_ctz (outcome->deciding_rows);
}

/* Whether any row that still could hold would support the intervention:
 * then suspected serious pathology is what stands in the way. */
static gboolean
rule_can_support (SpDecisionRule      *rule,
                  const SpEvalContext *context)
{
  const SpRuleRow *rows;
  guint n_rows;

  rows = sp_decision_rule_get_rows (rule, &n_rows);
  for (guint r = 0; r < n_rows; r++)
    {
      SpTruth truth = rows[r].when ? sp_expr_evaluate (rows[r].when, context) : SP_TRUTH_TRUE;

      if (truth == SP_TRUTH_FALSE)
        continue;
      if (rows[r].status == SP_STATUS_SUPPORTED)
        return TRUE;
      if (truth == SP_TRUTH_TRUE)
        return FALSE;
    }
  return FALSE;
}

static gboolean
single_status (guint     possible,
               SpStatus *status)
{
  if (possible == 0 || (possible & (possible - 1)) != 0)
    return FALSE;
  *status = __builtin_ctz (possible);
  return TRUE;
}

/**
 * sp_engine_evaluate:
 * @values: one value per fact of @policy
 * @today: the date to use when the assessment date is not recorded
 * @result: (out caller-allocates): from sp_engine_result_new()
 *
 * Evaluates every decision and advisory of @policy, applying the contract's
 * precedence: urgent referral, the screening gate, suspected serious
 * pathology, the intervention's own rule, individual funding.
 */
void
sp_engine_evaluate (SpPolicy       *policy,
                    const SpValue  *values,
                    guint32         today,
                    SpEngineResult *result)
{
  const SpScreening *screening = sp_policy_get_screening (policy);
  GPtrArray *facts = sp_policy_get_fact_array (policy);
  GPtrArray *decisions = sp_policy_get_decision_array (policy);
  GPtrArray *advisories = sp_policy_get_advisory_array (policy);
  const SpValue *pathology = &values[screening->serious_pathology];
  const SpValue *impairment = &values[screening->exceptional_impairment];
  const SpValue *named = &values[screening->exceptional_interventions];
  SpStatus statuses[SP_MAX_DECISIONS];
  SpStatus map[SP_N_STATUSES];
  SpEvalContext context = { 0 };

  g_return_if_fail (SP_IS_POLICY (policy));
  g_return_if_fail (result->n_decisions == decisions->len);

  context.values = values;
  context.assessment_date_fact = screening->assessment_date;
  context.today = today;
  if (screening->assessment_date >= 0 && values[screening->assessment_date].recorded)
    result->today = values[screening->assessment_date].date;
  else
    result->today = today;

  /* Statuses and missing facts are computed over the values the recorded
   * facts leave possible (the contract's implied facts). */
  sp_implications_compute (policy, values, today, &result->implications);
  context.narrowed = &result->implications.narrowed;
  context.domains = result->implications.domains;

  /* Step 1: any red flag decides at once, whatever else is unknown. */
  result->urgent = pathology->recorded && (pathology->list & screening->urgent_pathologies) != 0;
  sp_fact_set_clear (&result->unscreened_facts);
  for (guint i = 0; i < screening->n_red_flags; i++)
    {
      const SpValue *flag = &values[screening->red_flags[i]];

      if (flag->recorded && flag->boolean)
        result->urgent = TRUE;
      else if (!flag->recorded)
        sp_fact_set_add (&result->unscreened_facts, screening->red_flags[i]);
    }
  if (!pathology->recorded)
    sp_fact_set_add (&result->unscreened_facts, screening->serious_pathology);

  /* Step 2: the policy applies only to screened patients. */
  result->unscreened = !result->urgent && !sp_fact_set_is_empty (&result->unscreened_facts);
  result->serious_pathology = !result->urgent && pathology->recorded &&
                              (pathology->list & ~screening->urgent_pathologies) != 0;

  for (guint d = 0; d < decisions->len; d++)
    {
      SpDecisionRule *rule = g_ptr_array_index (decisions, d);
      SpOutcome *outcome = &result->decisions[d];
      SpStatus status;

      outcome->flags = 0;

      if (result->urgent)
        {
          outcome->status = SP_STATUS_URGENT_REFERRAL;
          outcome->flags = SP_OUTCOME_URGENT;
          outcome->deciding_row = -1;
          outcome->deciding_rows = 0;
          outcome->open_rows = 0;
          outcome->possible = STATUS_BIT (SP_STATUS_URGENT_REFERRAL);
          sp_fact_set_clear (&outcome->missing);
          statuses[d] = outcome->status;
          continue;
        }

      /* Steps 3 and 5 rewrite the statuses the rule's rows give; step 4,
       * the rule itself, is evaluated with that rewriting applied. */
      for (guint i = 0; i < SP_N_STATUSES; i++)
        map[i] = i;
      if (result->serious_pathology)
        {
          if (sp_decision_rule_supports_on_serious_pathology (rule))
            {
              for (guint i = 0; i < SP_N_STATUSES; i++)
                map[i] = SP_STATUS_SUPPORTED;
              outcome->flags |= SP_OUTCOME_SERIOUS_SUPPORTED;
            }
          else
            map[SP_STATUS_SUPPORTED] = SP_STATUS_CRITERIA_NOT_MET;
        }
      /* A promotion, never a condition, so the exceptional facts are never
       * asked for; and never while a serious pathology is suspected (step 3
       * stops step 5: revision 3). */
      if (!result->serious_pathology &&
          impairment->recorded && impairment->boolean && named->recorded && ((named->list >> d) & 1))
        map[SP_STATUS_NOT_NORMALLY_FUNDED] = SP_STATUS_EXCEPTIONAL_CASE;

      evaluate_rule (rule, &context, map, facts, outcome);

      if (result->serious_pathology && !sp_decision_rule_supports_on_serious_pathology (rule) &&
          rule_can_support (rule, &context))
        outcome->flags |= SP_OUTCOME_SERIOUS_BLOCKED;

      if (single_status (outcome->possible, &status))
        {
          outcome->status = status;
          sp_fact_set_clear (&outcome->missing);
          if (status == SP_STATUS_EXCEPTIONAL_CASE)
            outcome->flags |= SP_OUTCOME_EXCEPTIONAL;
          else if (status == SP_STATUS_CRITERIA_NOT_MET && !result->serious_pathology &&
                   impairment->recorded && impairment->boolean && named->recorded && ((named->list >> d) & 1))
            outcome->flags |= SP_OUTCOME_FUNDING_REQUEST;
          if (status != SP_STATUS_CRITERIA_NOT_MET)
            outcome->flags &= ~SP_OUTCOME_SERIOUS_BLOCKED;
          if (status != SP_STATUS_SUPPORTED)
            outcome->flags &= ~SP_OUTCOME_SERIOUS_SUPPORTED;
        }
      else
        {
          outcome->status = SP_STATUS_NEEDS_INFORMATION;
          outcome->flags &= ~(SP_OUTCOME_SERIOUS_BLOCKED | SP_OUTCOME_SERIOUS_SUPPORTED);
          filter_not_yet_asked (facts, &context, result->unscreened ? &result->unscreened_facts : NULL,
                                &outcome->missing);
        }

      if (result->unscreened)
        {
          outcome->status = SP_STATUS_NEEDS_INFORMATION;
          outcome->flags |= SP_OUTCOME_UNSCREENED;
          sp_fact_set_union (&outcome->missing, &result->unscreened_facts);
        }

      statuses[d] = outcome->status;
    }

  context.decision_statuses = statuses;
  result->advisories = 0;
  for (guint a = 0; a < advisories->len; a++)
    {
      SpAdvisoryRule *rule = g_ptr_array_index (advisories, a);

      if (sp_expr_evaluate (sp_advisory_rule_get_when (rule), &context) == SP_TRUTH_TRUE)
        result->advisories |= G_GUINT64_CONSTANT (1) << a;
    }
}

/* ---- explanation ---------------------------------------------------- */

static void
string_list_append (SpStringList *list,
                    const char   *item)
{
  if (list->len == list->allocated)
    {
      list->allocated = MAX (16, list->allocated * 2);
      list->items = g_renew (const char *, list->items, list->allocated);
    }
  list->items[list->len++] = item;
}

static void
string_list_clear (SpStringList *list)
{
  g_clear_pointer (&list->items, g_free);
  list->len = list->allocated = 0;
}

void
sp_explanation_init (SpExplanation *explanation)
{
  memset (&explanation->reasons, 0, sizeof explanation->reasons);
  /* Made with the first reason: --brief never makes one. */
  explanation->reason_kinds = NULL;
  explanation->owned = NULL;
  memset (&explanation->clause_ids, 0, sizeof explanation->clause_ids);
  memset (&explanation->interpretation_ids, 0, sizeof explanation->interpretation_ids);
  memset (&explanation->missing_fact_ids, 0, sizeof explanation->missing_fact_ids);
  explanation->ids_only = FALSE;
}

void
sp_explanation_clear (SpExplanation *explanation)
{
  string_list_clear (&explanation->reasons);
  g_clear_pointer (&explanation->reason_kinds, g_array_unref);
  g_clear_pointer (&explanation->owned, g_ptr_array_unref);
  string_list_clear (&explanation->clause_ids);
  string_list_clear (&explanation->interpretation_ids);
  string_list_clear (&explanation->missing_fact_ids);
}

/**
 * sp_explanation_reset:
 *
 * Empties @explanation for the next decision, keeping its arrays' memory.
 */
void
sp_explanation_reset (SpExplanation *explanation)
{
  explanation->reasons.len = 0;
  if (explanation->reason_kinds != NULL && explanation->reason_kinds->len > 0)
    g_array_set_size (explanation->reason_kinds, 0);
  /* Frees the sentences made for the decision before. */
  if (explanation->owned != NULL && explanation->owned->len > 0)
    g_ptr_array_set_size (explanation->owned, 0);
  explanation->clause_ids.len = 0;
  explanation->interpretation_ids.len = 0;
  explanation->missing_fact_ids.len = 0;
}

/* Every sentence made for a case fills one %s of a (translated) format.
 * Filling it here rather than through g_strdup_printf() saves a tenth of
 * batch time; any format that is not exactly one %s and no other
 * conversion, or a NULL argument, still goes to g_strdup_vprintf(), so the
 * words are the same either way. */
static char *
fill_sentence (const char *format,
               ...) G_GNUC_PRINTF (1, 2);

static char *
fill_sentence (const char *format,
               ...)
{
  const char *at = strchr (format, '%');
  const char *argument;
  va_list args;
  char *sentence;

  va_start (args, format);
  if (at == NULL || at[1] != 's' || strchr (at + 2, '%') != NULL)
    {
      sentence = g_strdup_vprintf (format, args);
      va_end (args);
      return sentence;
    }

  argument = va_arg (args, const char *);
  va_end (args);
  if (argument == NULL)
    {
      va_start (args, format);
      sentence = g_strdup_vprintf (format, args);
      va_end (args);
      return sentence;
    }

  {
    gsize before = at - format, length = strlen (argument), after = strlen (at + 2);

    sentence = g_malloc (before + length + after + 1);
    memcpy (sentence, format, before);
    memcpy (sentence + before, argument, length);
    memcpy (sentence + before + length, at + 2, after + 1);
  }
  return sentence;
}

/* Sentences made for this case are kept alive by the explanation; the
 * policy's own sentences are borrowed, not copied. */
static void
add_reason (SpExplanation *explanation,
            SpReasonKind   kind,
            const char    *sentence)
{
  if (explanation->ids_only)
    return;
  string_list_append (&explanation->reasons, sentence);
  if (explanation->reason_kinds == NULL)
    explanation->reason_kinds = g_array_new (FALSE, FALSE, sizeof (SpReasonKind));
  g_array_append_val (explanation->reason_kinds, kind);
}

static void
add_reason_take (SpExplanation *explanation,
                 SpReasonKind   kind,
                 char          *sentence)
{
  if (explanation->ids_only)
    {
      g_free (sentence);
      return;
    }
  if (explanation->owned == NULL)
    explanation->owned = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (explanation->owned, sentence);
  add_reason (explanation, kind, sentence);
}

/* Every id an explanation collects is interned by the loader (see
 * SpRuleRow), so equal ids have equal addresses. */
static void
add_unique (SpStringList *list,
            const char   *id)
{
  for (guint i = 0; i < list->len; i++)
    if (list->items[i] == id)
      return;
  string_list_append (list, id);
}

static void
add_ids (SpStringList       *list,
         const char * const *ids)
{
  for (guint i = 0; ids && ids[i]; i++)
    add_unique (list, ids[i]);
}

/* Made for nearly every decision of every case (the missing facts, the
 * facts not screened), so measured first and allocated once, rather than
 * grown in a GString. */
static char *
join_fact_labels (GPtrArray       *facts,
                  const SpFactSet *set)
{
  const char *labels[SP_MAX_FACTS];
  gsize lengths[SP_MAX_FACTS];
  gsize total = 1;
  guint n = 0;
  char *text, *p;

  for (guint w = 0; w < G_N_ELEMENTS (set->words); w++)
    for (guint64 bits = set->words[w]; bits != 0; bits &= bits - 1)
      {
        guint i = w * 64 + __builtin_ctzll (bits);

        if (i >= facts->len)
          break;
        labels[n] = sp_fact_get_label (g_ptr_array_index (facts, i));
        lengths[n] = strlen (labels[n]);
        total += lengths[n] + (n > 0 ? 2 : 0);
        n++;
      }

  p = text = g_malloc (total);
  for (guint k = 0; k < n; k++)
    {
      if (k > 0)
        {
          memcpy (p, "; ", 2);
          p += 2;
        }
      memcpy (p, labels[k], lengths[k]);
      p += lengths[k];
    }
  *p = '\0';
  return text;
}

/**
 * sp_engine_describe_red_flags:
 *
 * Returns: (transfer full): the red flags recorded true (and suspected
 *   pathologies that count as red flags), in words, "; "-separated
 */
char *
sp_engine_describe_red_flags (SpPolicy      *policy,
                              const SpValue *values)
{
  const SpScreening *screening = sp_policy_get_screening (policy);
  SpFact *pathology = sp_policy_get_fact (policy, screening->serious_pathology);
  const SpValue *pathology_value = &values[screening->serious_pathology];
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < screening->n_red_flags; i++)
    {
      const SpValue *flag = &values[screening->red_flags[i]];

      if (flag->recorded && flag->boolean)
        {
          if (text->len > 0)
            g_string_append (text, "; ");
          g_string_append (text, sp_fact_get_label (sp_policy_get_fact (policy, screening->red_flags[i])));
        }
    }
  for (guint c = 0; c < sp_fact_get_n_choices (pathology); c++)
    {
      if (pathology_value->recorded &&
          (pathology_value->list & screening->urgent_pathologies & (G_GUINT64_CONSTANT (1) << c)))
        {
          if (text->len > 0)
            g_string_append (text, "; ");
          g_string_append_printf (text, _("suspected %s"), sp_fact_get_choice_label (pathology, c));
        }
    }
  return g_string_free (text, FALSE);
}

/* The serious pathologies suspected, in words, for the banner that says
 * what to do about them; those the policy treats as red flags are left to
 * the red-flag banner. */
char *
sp_engine_describe_serious_pathology (SpPolicy      *policy,
                                      const SpValue *values)
{
  const SpScreening *screening = sp_policy_get_screening (policy);
  SpFact *pathology = sp_policy_get_fact (policy, screening->serious_pathology);
  const SpValue *pathology_value = &values[screening->serious_pathology];
  GString *text = g_string_new (NULL);

  if (!pathology_value->recorded)
    return g_string_free (text, FALSE);
  for (guint c = 0; c < sp_fact_get_n_choices (pathology); c++)
    {
      guint64 bit = G_GUINT64_CONSTANT (1) << c;

      if ((pathology_value->list & bit) && !(screening->urgent_pathologies & bit))
        {
          if (text->len > 0)
            g_string_append (text, "; ");
          g_string_append (text, sp_fact_get_choice_label (pathology, c));
        }
    }
  return g_string_free (text, FALSE);
}

/* The value of a fact as the case has it: recorded, or implied. */
static char *
describe_fact_value (SpPolicy            *policy,
                     const SpValue       *values,
                     const SpImplications *implications,
                     guint                fact)
{
  SpFact *fact_object = sp_policy_get_fact (policy, fact);
  SpValue implied = { 0 };

  if (values[fact].recorded)
    return sp_fact_describe_value (fact_object, &values[fact]);
  if (sp_implications_get_value (policy, implications, fact, &implied))
    return sp_fact_describe_value (fact_object, &implied);
  return NULL;
}

static void
append_capitalised (GString    *text,
                    const char *words)
{
  if (text->len == 0 && words[0] != '\0' && g_ascii_islower (words[0]))
    {
      g_string_append_c (text, g_ascii_toupper (words[0]));
      g_string_append (text, words + 1);
    }
  else
    g_string_append (text, words);
}

/* Fills an "unmet" template: {FACT} is the fact's value as the case has
 * it, {FACT+Nm} a date fact's date plus N calendar months. */
static char *
render_unmet (SpPolicy             *policy,
              const char           *template,
              const SpValue        *values,
              const SpImplications *implications)
{
  GString *text = g_string_new (NULL);
  const char *at = template;

  while (*at != '\0')
    {
      const char *open = strchr (at, '{');
      const char *close;
      g_autofree char *name = NULL;
      g_autofree char *words = NULL;
      char *plus;
      SpFact *fact;

      if (open == NULL || (close = strchr (open, '}')) == NULL)
        {
          append_capitalised (text, at);
          break;
        }
      g_string_append_len (text, at, open - at);
      name = g_strndup (open + 1, close - open - 1);
      plus = strchr (name, '+');
      if (plus != NULL)
        *plus = '\0';
      fact = sp_policy_lookup_fact (policy, name);   /* checked at load */
      if (fact != NULL && plus != NULL && values[sp_fact_get_index (fact)].recorded)
        words = sp_date_format_long (sp_date_add_months (values[sp_fact_get_index (fact)].date,
                                                      (guint) g_ascii_strtoull (plus + 1, NULL, 10)));
      else if (fact != NULL && sp_fact_get_fact_type (fact) == SP_FACT_DATE &&
               values[sp_fact_get_index (fact)].recorded)
        words = sp_date_format_long (values[sp_fact_get_index (fact)].date);
      else if (fact != NULL)
        words = describe_fact_value (policy, values, implications, sp_fact_get_index (fact));
      append_capitalised (text, words != NULL ? words : _("not recorded"));
      at = close + 1;
    }
  return g_string_free (text, FALSE);
}

static char *
describe_criterion (SpPolicy *policy,
                    const SpExpr *criterion)
{
  char *words = sp_expr_describe (criterion, sp_policy_get_fact_array (policy));

  if (words[0] != '\0' && g_ascii_islower (words[0]))
    words[0] = g_ascii_toupper (words[0]);
  return words;
}

static char *
make_met_sentence (const SpExpr *criterion,
                   gpointer      policy)
{
  g_autofree char *words = describe_criterion (policy, criterion);

  return fill_sentence (_("Met: %s."), words);
}

/* Each criterion of the supported row, in the case's own terms: met ones
 * for a supported decision, unmet ones for criteria not met. */
static void
explain_criteria (SpPolicy             *policy,
                  const SpRuleRow      *row,
                  const SpEvalContext  *context,
                  const SpImplications *implications,
                  gboolean              met,
                  SpExplanation        *explanation)
{
  g_autoptr(GPtrArray) criteria = g_ptr_array_new ();

  if (row->when == NULL)
    return;
  if (met)
    sp_expr_collect_met (row->when, context, criteria);
  else
    sp_expr_collect_unmet_criteria (row->when, context, criteria);

  for (guint i = 0; i < criteria->len; i++)
    {
      const SpExpr *criterion = g_ptr_array_index (criteria, i);
      g_autofree char *words = NULL;

      if (met)
        {
          add_reason (explanation, SP_REASON_MET, sp_expr_get_met_sentence (criterion, make_met_sentence, policy));
          continue;
        }
      if (sp_expr_get_unmet_text (criterion) != NULL)
        {
          g_autofree char *unmet = render_unmet (policy, sp_expr_get_unmet_text (criterion),
                                                 context->values, implications);

          add_reason_take (explanation, SP_REASON_UNMET, fill_sentence ("%s.", unmet));
        }
      else
        {
          words = describe_criterion (policy, criterion);
          add_reason_take (explanation, SP_REASON_UNMET, fill_sentence (_("Not met: %s."), words));
        }
    }
}

static char *
describe_because (SpPolicy             *policy,
                  const SpValue        *values,
                  const SpImplications *implications,
                  guint                 fact)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0, n_facts = sp_policy_get_fact_array (policy)->len; i < n_facts; i++)
    {
      g_autofree char *value = NULL;

      if (!sp_fact_set_contains (&implications->because[fact], i) || !values[i].recorded)
        continue;
      value = sp_fact_describe_value (sp_policy_get_fact (policy, i), &values[i]);
      if (text->len > 0)
        g_string_append (text, _(" and "));
      g_string_append_printf (text, "%s: %s", sp_fact_get_label (sp_policy_get_fact (policy, i)), value);
    }
  return g_string_free (text, FALSE);
}

/* A narrowed fact with more than one value left, in words. */
static char *
describe_possible_values (SpFact         *fact,
                          const SpDomain *domain)
{
  SpFactType type = sp_fact_get_fact_type (fact);
  GString *possible = g_string_new (NULL);

  if (type == SP_FACT_BOOLEAN || type == SP_FACT_CHOICE)
    for (guint c = 0; c < (type == SP_FACT_BOOLEAN ? 2 : sp_fact_get_n_choices (fact)); c++)
      {
        if (!((domain->mask >> c) & 1))
          continue;
        if (possible->len > 0)
          g_string_append (possible, _(" or "));
        if (type == SP_FACT_BOOLEAN)
          g_string_append (possible, c == 1 ? _("yes") : _("no"));
        else
          g_string_append (possible, sp_fact_get_choice_label (fact, c));
      }
  else if (type == SP_FACT_INTEGER || type == SP_FACT_NUMBER)
    {
      SpValue low = { .recorded = TRUE, .number = domain->low };
      SpValue high = { .recorded = TRUE, .number = domain->high };
      g_autofree char *low_words = sp_fact_describe_value (fact, &low);
      g_autofree char *high_words = sp_fact_describe_value (fact, &high);

      /* TRANSLATORS: a range of values a fact can still take */
      g_string_printf (possible, _("from %s to %s"), low_words, high_words);
    }

  if (possible->len == 0)
    {
      g_string_free (possible, TRUE);
      return NULL;
    }
  return g_string_free (possible, FALSE);
}

/* The facts a decision rests on that nobody recorded but the recorded
 * ones settle, or narrow, named as such: a clinician must see that
 * "radicular symptoms" came from "sciatica", not from an answer. */
static void
explain_implied (SpPolicy             *policy,
                 SpDecisionRule       *rule,
                 const SpRuleRow      *rows,
                 guint                 n_rows,
                 gint                  deciding_row,
                 guint32               outcome_rows,
                 const SpEvalContext  *context,
                 const SpImplications *implications,
                 SpExplanation        *explanation)
{
  SpFactSet used;

  {
    const SpFactSet *read = sp_decision_rule_get_facts_read (rule);
    gboolean touched = FALSE;

    for (guint w = 0; w < G_N_ELEMENTS (read->words); w++)
      touched |= (read->words[w] & implications->narrowed.words[w]) != 0;
    if (!touched)
      return;
  }
  sp_fact_set_clear (&used);
  for (guint r = 0; r < n_rows; r++)
    {
      if (deciding_row >= 0 && r > (guint) deciding_row)
        break;
      if (rows[r].when != NULL)
        sp_expr_collect_implied (rows[r].when, context, &used);
    }
  /* A criteria-not-met answer also rests on the supported row before it. */
  for (gint r = deciding_row - 1; r >= 0; r--)
    if (rows[r].status == SP_STATUS_SUPPORTED && rows[r].when != NULL)
      {
        sp_expr_collect_implied (rows[r].when, context, &used);
        break;
      }

  /* Decided by trying each value an implied fact can take: that fact is
   * what the answer rests on, though no single row's test is definite. */
  if (deciding_row >= 0 && (outcome_rows & (outcome_rows - 1)) != 0)
    for (guint r = 0; r < n_rows; r++)
      if (((outcome_rows >> r) & 1) && rows[r].when != NULL)
        {
          SpFactSet by_value, by_presence;

          sp_fact_set_clear (&by_value);
          sp_fact_set_clear (&by_presence);
          sp_expr_collect_facts (rows[r].when, &by_value, &by_presence);
          for (guint w = 0; w < G_N_ELEMENTS (used.words); w++)
            used.words[w] |= by_value.words[w] & implications->narrowed.words[w];
        }

  if (sp_fact_set_is_empty (&used))
    return;
  for (guint i = 0, n_facts = sp_policy_get_fact_array (policy)->len; i < n_facts; i++)
    {
      SpFact *fact;
      g_autofree char *because = NULL;
      g_autofree char *value = NULL;

      if (!sp_fact_set_contains (&used, i))
        continue;
      fact = sp_policy_get_fact (policy, i);
      because = describe_because (policy, context->values, implications, i);
      value = describe_fact_value (policy, context->values, implications, i);
      if (value == NULL)
        value = describe_possible_values (fact, &implications->domains[i]);
      if (value != NULL)
        add_reason_take (explanation, SP_REASON_IMPLIED,
                         g_strdup_printf (_("%s (not recorded): %s, implied by %s."),
                                          sp_fact_get_label (fact), value, because));
    }
}

/**
 * sp_engine_explain:
 * @explanation: (out caller-allocates): from sp_explanation_init()
 *
 * Puts decision @decision of @result into words. Every sentence comes from
 * the policy file or from the precedence step that applied; nothing is
 * specific to one intervention. Interpretations are listed by id, never
 * pasted into the reasons: a view shows each one once.
 */
void
sp_engine_explain (SpPolicy             *policy,
                   const SpValue        *values,
                   const SpEngineResult *result,
                   guint                 decision,
                   SpExplanation        *explanation)
{
  const SpScreening *screening = sp_policy_get_screening (policy);
  const SpOutcome *outcome = &result->decisions[decision];
  SpDecisionRule *rule = sp_policy_get_decision (policy, decision);
  GPtrArray *facts = sp_policy_get_fact_array (policy);
  SpEvalContext context = { 0 };
  const SpRuleRow *rows;
  guint n_rows;
  gboolean words = !explanation->ids_only;

  g_return_if_fail (decision < result->n_decisions);

  context.values = values;
  context.today = result->today;
  context.assessment_date_fact = screening->assessment_date;
  context.narrowed = &result->implications.narrowed;
  context.domains = result->implications.domains;
  rows = sp_decision_rule_get_rows (rule, &n_rows);

  for (guint w = 0; w < G_N_ELEMENTS (outcome->missing.words); w++)
    for (guint64 bits = outcome->missing.words[w]; bits != 0; bits &= bits - 1)
      string_list_append (&explanation->missing_fact_ids,
                          sp_fact_get_id (g_ptr_array_index (facts, w * 64 + __builtin_ctzll (bits))));

  /* Sentences are made only when words are wanted: --brief asks for the
   * ids alone, and making then dropping them was a third of its time. */
  if (outcome->flags & SP_OUTCOME_URGENT)
    {
      if (words)
        {
          g_autofree char *flags = sp_engine_describe_red_flags (policy, values);

          add_reason_take (explanation, SP_REASON_PRECEDENCE,
                           fill_sentence (_("Red flag recorded (%s): this policy does not apply. Refer "
                                            "urgently to an acute spinal centre for further evaluation "
                                            "and imaging."), flags));
        }
      add_unique (&explanation->clause_ids, screening->red_flags_clause);
      return;
    }

  if (outcome->flags & SP_OUTCOME_UNSCREENED)
    {
      if (words)
        {
          g_autofree char *labels = join_fact_labels (facts, &result->unscreened_facts);

          add_reason_take (explanation, SP_REASON_PRECEDENCE,
                           fill_sentence (_("Screening is not complete: the policy applies only once the red "
                                            "flags and suspected serious pathology are recorded "
                                            "(not yet recorded: %s)."), labels));
        }
      add_unique (&explanation->clause_ids, screening->red_flags_clause);
    }

  if (outcome->flags & SP_OUTCOME_SERIOUS_SUPPORTED)
    {
      if (words)
        {
          g_autofree char *pathology = sp_fact_describe_value (sp_policy_get_fact (policy, screening->serious_pathology),
                                                               &values[screening->serious_pathology]);

          add_reason_take (explanation, SP_REASON_PRECEDENCE,
                           fill_sentence (_("Serious underlying pathology is suspected (%s): that is the "
                                            "reason to investigate or refer, whatever else is recorded."),
                                          pathology));
        }
      add_unique (&explanation->clause_ids, screening->serious_pathology_clause);
      add_ids (&explanation->interpretation_ids, screening->serious_pathology_interpretations);
      return;
    }

  if (outcome->flags & SP_OUTCOME_SERIOUS_BLOCKED)
    {
      if (words)
        {
          g_autofree char *pathology = sp_fact_describe_value (sp_policy_get_fact (policy, screening->serious_pathology),
                                                               &values[screening->serious_pathology]);

          add_reason_take (explanation, SP_REASON_PRECEDENCE,
                           fill_sentence (_("Serious underlying pathology is suspected (%s): exclude or "
                                            "manage the suspected serious pathology first."), pathology));
        }
      add_unique (&explanation->clause_ids, screening->serious_pathology_clause);
      add_ids (&explanation->interpretation_ids, screening->serious_pathology_interpretations);
    }

  if (outcome->status == SP_STATUS_NEEDS_INFORMATION)
    {
      if (words && (!(outcome->flags & SP_OUTCOME_UNSCREENED) || outcome->possible & (outcome->possible - 1)))
        {
          SpFactSet rule_missing = outcome->missing;
          g_autofree char *labels = NULL;

          if (outcome->flags & SP_OUTCOME_UNSCREENED)
            for (guint i = 0; i < facts->len; i++)
              if (sp_fact_set_contains (&result->unscreened_facts, i))
                sp_fact_set_remove (&rule_missing, i);

          if (!sp_fact_set_is_empty (&rule_missing))
            {
              labels = join_fact_labels (facts, &rule_missing);
              add_reason_take (explanation, SP_REASON_MISSING,
                               fill_sentence (_("The answer depends on facts not yet recorded: %s."), labels));
            }
        }

      /* Cite what the rule could still rest on, so the clinician can read it. */
      for (guint r = 0; r < n_rows; r++)
        {
          if (outcome->deciding_row >= 0 && r > (guint) outcome->deciding_row)
            break;
          if ((outcome->open_rows >> r) & 1)
            add_ids (&explanation->clause_ids, rows[r].clause_ids);
        }
      if (words)
        explain_implied (policy, rule, rows, n_rows, outcome->deciding_row, outcome->deciding_rows, &context,
                         &result->implications, explanation);
      return;
    }

  /* A definite status: the deciding row speaks, unless step 3 overrode it. */
  if (outcome->deciding_row >= 0)
    {
      const SpRuleRow *row = &rows[outcome->deciding_row];

      if (!(outcome->flags & SP_OUTCOME_SERIOUS_BLOCKED) || row->status != SP_STATUS_SUPPORTED)
        {
          add_reason (explanation, SP_REASON_RULE, row->reason);
          /* Each value an implied fact can take may decide by its own row
           * (non-specific pain, or claudication): each row's words count. */
          for (guint r = outcome->deciding_row + 1; r < n_rows; r++)
            if ((outcome->deciding_rows >> r) & 1)
              {
                add_reason (explanation, SP_REASON_RULE, rows[r].reason);
                add_ids (&explanation->clause_ids, rows[r].clause_ids);
                add_ids (&explanation->interpretation_ids, rows[r].interpretation_ids);
              }
          if (words && row->status == SP_STATUS_SUPPORTED)
            explain_criteria (policy, row, &context, &result->implications, TRUE, explanation);
          else if (words && row->status == SP_STATUS_CRITERIA_NOT_MET)
            for (gint r = outcome->deciding_row - 1; r >= 0; r--)
              if (rows[r].status == SP_STATUS_SUPPORTED)
                {
                  /* The row a "not met" answer stands against is the
                   * supported row just before it. */
                  explain_criteria (policy, &rows[r], &context, &result->implications, FALSE, explanation);
                  break;
                }
        }
      else
        {
          add_reason (explanation, SP_REASON_PRECEDENCE,
                      _("The policy's own criteria for this intervention are met, but "
                        "it waits until the suspected pathology is excluded or managed."));
        }
      add_ids (&explanation->clause_ids, row->clause_ids);
      add_ids (&explanation->interpretation_ids, row->interpretation_ids);
      if (words)
        explain_implied (policy, rule, rows, n_rows, outcome->deciding_row, outcome->deciding_rows, &context,
                         &result->implications, explanation);
    }

  if (outcome->flags & SP_OUTCOME_EXCEPTIONAL)
    {
      add_reason (explanation, SP_REASON_FUNDING,
                  _("Significant health impairment is recorded and this intervention is "
                    "named as one with evidence that it would improve the patient's "
                    "health status, so an individual funding request may be made. "
                    "This is not an approval: the request is decided by the commissioner."));
      add_unique (&explanation->clause_ids, screening->exceptional_clause);
    }
  else if (outcome->flags & SP_OUTCOME_FUNDING_REQUEST)
    {
      add_reason (explanation, SP_REASON_FUNDING,
                  _("Significant health impairment is recorded and this intervention is "
                    "named as one with evidence of benefit: an individual funding request "
                    "may be considered (not an approval)."));
      add_unique (&explanation->clause_ids, screening->exceptional_clause);
    }
}

/**
 * sp_engine_describe_advisory:
 *
 * Returns: (transfer full): advisory @advisory's words for this case
 */
char *
sp_engine_describe_advisory (SpPolicy             *policy,
                             const SpValue        *values,
                             const SpEngineResult *result,
                             guint                 advisory)
{
  const SpScreening *screening = sp_policy_get_screening (policy);
  GPtrArray *advisories = sp_policy_get_advisory_array (policy);
  SpEvalContext context = { 0 };

  g_return_val_if_fail (advisory < advisories->len, NULL);

  context.values = values;
  context.today = result->today;
  context.assessment_date_fact = screening->assessment_date;
  return sp_advisory_rule_dup_text_for (g_ptr_array_index (advisories, advisory), &context);
}
