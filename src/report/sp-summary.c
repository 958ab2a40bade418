/* sp-summary.c
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sp-case-relevance.h"
#include "sp-case-assessment.h"
#include "sp-summary.h"

/**
 * SpSummary:
 *
 * The content of a summary for the patient's record, made once from an
 * evaluation as a list of blocks. The PDF and the plain text are both drawn
 * from these blocks, so they cannot say different things. The summary
 * copies every word it needs: it stays the same when the case changes later,
 * and it can be handed to a worker thread.
 */
struct _SpSummary
{
  GObject         parent_instance;

  /* owned */
  GPtrArray      *blocks;        /* SpSummaryBlock */
  GDateTime      *generated_at;
  char           *app_version;
  char           *author;
  char           *running_header;
  char           *language;
  SpSummaryFlags  flags;
};

G_DEFINE_FINAL_TYPE (SpSummary, sp_summary, G_TYPE_OBJECT)


static void
block_free (gpointer data)
{
  SpSummaryBlock *block = data;

  g_free (block->key);
  g_free (block->text);
  g_clear_pointer (&block->rows, g_array_unref);
  g_free (block);
}

static void
row_clear (gpointer data)
{
  SpSummaryRow *row = data;

  g_free (row->decision_id);
  g_free (row->intervention);
  g_free (row->unmet);
}

static void
sp_summary_finalize (GObject *object)
{
  SpSummary *self = (SpSummary *) object;

  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->generated_at, g_date_time_unref);
  g_clear_pointer (&self->app_version, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->running_header, g_free);
  g_clear_pointer (&self->language, g_free);

  G_OBJECT_CLASS (sp_summary_parent_class)->finalize (object);
}

static void
sp_summary_class_init (SpSummaryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sp_summary_finalize;
}

static void
sp_summary_init (SpSummary *self)
{
  self->blocks = g_ptr_array_new_with_free_func (block_free);
}

/* Building blocks. */

typedef struct {
  SpSummary        *summary;
  SpSummarySection  section;
} Builder;

/* A banner's detail, already said in full at the top: an advisory that
 * says the same is not said again under Advice. */
static gboolean
is_banner_text (SpSummary  *self,
                const char *text)
{
  for (guint i = 0; i < self->blocks->len; i++)
    {
      const SpSummaryBlock *block = g_ptr_array_index (self->blocks, i);

      if (block->kind == SP_SUMMARY_BLOCK_BANNER && g_str_equal (block->text, text))
        return TRUE;
    }
  return FALSE;
}

static SpSummaryBlock *
add_block (Builder            *builder,
           SpSummaryBlockKind  kind,
           const char         *key,
           const char         *text)
{
  SpSummaryBlock *block = g_new0 (SpSummaryBlock, 1);

  block->kind = kind;
  block->section = builder->section;
  block->tone = SP_SUMMARY_TONE_NORMAL;
  block->key = g_strdup (key);
  block->text = g_strdup (text ? text : "");
  g_ptr_array_add (builder->summary->blocks, block);
  return block;
}

static SpSummaryBlock *
add_heading (Builder    *builder,
             guint       level,
             const char *text)
{
  SpSummaryBlock *block = add_block (builder, SP_SUMMARY_BLOCK_HEADING, NULL, text);

  block->level = level;
  return block;
}

static void
add_key_value (Builder    *builder,
               const char *key,
               const char *value)
{
  add_block (builder, SP_SUMMARY_BLOCK_KEY_VALUE, key, value);
}

static char *
format_date_text (const char *iso)
{
  guint32 julian;

  if (iso == NULL)
    return NULL;
  if (!sp_date_parse (iso, &julian))
    return g_strdup (iso);
  return sp_date_format_long (julian);
}

static char *
format_timestamp (GDateTime *when)
{
  g_autoptr(GDate) date = g_date_new_dmy (g_date_time_get_day_of_month (when), g_date_time_get_month (when),
                                          g_date_time_get_year (when));
  g_autofree char *day = sp_date_format_long (g_date_get_julian (date));

  /* Translators: a date in words, hour, minute and time zone, as in
   * "15 June 2026, 14:30 UTC" */
  return g_strdup_printf (_("%s, %02d:%02d %s"), day, g_date_time_get_hour (when),
                          g_date_time_get_minute (when), g_date_time_get_timezone_abbreviation (when));
}

static const char *
fact_label (SpPolicy   *policy,
            const char *fact_id)
{
  SpFact *fact = sp_policy_lookup_fact (policy, fact_id);

  return fact ? sp_fact_get_label (fact) : fact_id;
}

static char *
join_fact_labels (SpPolicy           *policy,
                  const char * const *fact_ids)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; fact_ids && fact_ids[i]; i++)
    {
      if (i > 0)
        g_string_append (text, "; ");
      g_string_append (text, fact_label (policy, fact_ids[i]));
    }
  return g_string_free (text, FALSE);
}

/* Which pathways the summary reports on: those with a fact recorded, and
 * the general one always, in the policy's order. */
static GPtrArray *
shown_pathways (SpCase     *case_,
                GPtrArray **not_shown)
{
  SpPolicy *policy = sp_case_get_policy (case_);
  const char * const *ids = sp_policy_get_pathway_ids (policy);
  GPtrArray *shown = g_ptr_array_new ();

  *not_shown = g_ptr_array_new ();
  for (guint i = 0; ids[i]; i++)
    {
      /* The window's rule, from one place (the contract, "Presentation"). */
      if (sp_case_is_pathway_assessed (case_, ids[i]))
        g_ptr_array_add (shown, (gpointer) ids[i]);
      else
        g_ptr_array_add (*not_shown, (gpointer) ids[i]);
    }
  return shown;
}

static gboolean
pathway_is_shown (GPtrArray  *shown,
                  const char *pathway)
{
  for (guint i = 0; i < shown->len; i++)
    if (g_str_equal (g_ptr_array_index (shown, i), pathway))
      return TRUE;
  return FALSE;
}

static char *
join_pathway_labels (SpPolicy  *policy,
                     GPtrArray *pathways)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < pathways->len; i++)
    {
      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, sp_policy_get_pathway_label (policy, g_ptr_array_index (pathways, i)));
    }
  return g_string_free (text, FALSE);
}

/* Whether every decision shown says the same thing: one status and the
 * same reasons, as when a red flag or unfinished screening decides them
 * all. Then the summary says it once for all of them, not once each. */
static gboolean
decisions_are_uniform (SpEvaluation *evaluation,
                       GPtrArray    *shown,
                       guint        *n_shown)
{
  GListModel *decisions = sp_evaluation_get_decisions (evaluation);
  g_autoptr(SpDecision) first = NULL;
  gboolean uniform = TRUE;

  *n_shown = 0;
  for (guint i = 0; i < g_list_model_get_n_items (decisions); i++)
    {
      g_autoptr(SpDecision) decision = g_list_model_get_item (decisions, i);

      if (!pathway_is_shown (shown, sp_decision_get_pathway (decision)))
        continue;
      (*n_shown)++;
      if (first == NULL)
        first = g_object_ref (decision);
      else if (sp_decision_get_status (decision) != sp_decision_get_status (first) ||
               !g_strv_equal ((const char * const *) sp_decision_get_reasons (decision),
                              (const char * const *) sp_decision_get_reasons (first)))
        uniform = FALSE;
    }
  return uniform && *n_shown > 1;
}

static SpDecision *
first_shown_decision (SpEvaluation *evaluation,
                      GPtrArray    *shown)
{
  GListModel *decisions = sp_evaluation_get_decisions (evaluation);

  for (guint i = 0; i < g_list_model_get_n_items (decisions); i++)
    {
      g_autoptr(SpDecision) decision = g_list_model_get_item (decisions, i);

      if (pathway_is_shown (shown, sp_decision_get_pathway (decision)))
        return g_steal_pointer (&decision);
    }
  return NULL;
}

static char *
describe_all_decisions (SpPolicy  *policy,
                        GPtrArray *shown,
                        guint      n_shown)
{
  g_autofree char *pathways = join_pathway_labels (policy, shown);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u decision (%s)", "All %u decisions (%s)", n_shown),
                          n_shown, pathways);
}

static void
build_header (Builder      *builder,
              SpEvaluation *evaluation)
{
  SpSummary *self = builder->summary;
  SpCase *case_ = sp_evaluation_get_case (evaluation);
  SpPolicy *policy = sp_case_get_policy (case_);
  g_autofree char *assessed = NULL;
  g_autofree char *policy_line = NULL;
  g_autofree char *sha = g_strndup (sp_policy_get_sha256 (policy), 12);
  SpFact *date_fact = sp_policy_get_assessment_date_fact (policy);

  builder->section = SP_SUMMARY_SECTION_HEADER;
  add_block (builder, SP_SUMMARY_BLOCK_TITLE, NULL, _(SP_SUMMARY_TITLE));

  /* First things first: who, when, by whom, then under which policy. */
  if (self->flags & SP_SUMMARY_INCLUDE_IDENTIFIERS)
    {
      const char *name = sp_case_get_patient_name (case_);
      const char *nhs = sp_case_get_nhs_number (case_);
      g_autofree char *dob = format_date_text (sp_case_get_date_of_birth (case_));

      add_key_value (builder, _("Patient"), name ? name : _("not recorded"));
      add_key_value (builder, _("NHS number"), nhs ? nhs : _("not recorded"));
      add_key_value (builder, _("Date of birth"), dob ? dob : _("not recorded"));
      if (name || nhs)
        self->running_header = g_strdup_printf ("%s%s%s%s", name ? name : "",
                                                name && nhs ? ", " : "",
                                                nhs ? _("NHS number ") : "",
                                                nhs ? nhs : "");
    }
  else
    add_key_value (builder, _("Identifiers"),
                   _("not included (this summary names neither the patient nor the clinician)"));

  if (date_fact && sp_case_is_recorded (case_, sp_fact_get_id (date_fact)))
    {
      g_autofree char *iso = sp_case_dup_date (case_, sp_fact_get_id (date_fact));

      assessed = format_date_text (iso);
    }
  else
    {
      g_autoptr(GDate) date = g_date_new_dmy (g_date_time_get_day_of_month (self->generated_at),
                                              g_date_time_get_month (self->generated_at),
                                              g_date_time_get_year (self->generated_at));
      g_autofree char *today = sp_date_format_long (g_date_get_julian (date));

      assessed = g_strdup_printf (_("%s (not recorded: the date of this summary)"), today);
    }
  add_key_value (builder, _("Assessment date"), assessed);

  if (self->flags & SP_SUMMARY_INCLUDE_IDENTIFIERS)
    {
      const char *clinician = sp_case_get_clinician_name (case_);
      const char *role = sp_case_get_clinician_role (case_);

      if (clinician && role)
        {
          g_autofree char *both = g_strdup_printf ("%s, %s", clinician, role);

          add_key_value (builder, _("Clinician"), both);
        }
      else if (clinician || role)
        add_key_value (builder, _("Clinician"), clinician ? clinician : role);
      else
        add_key_value (builder, _("Clinician"), _("not recorded"));
      self->author = g_strdup (clinician);
    }

  if (sp_policy_get_effective_date (policy))
    {
      g_autofree char *effective = format_date_text (sp_policy_get_effective_date (policy));

      policy_line = g_strdup_printf (_("%s, version %s, effective %s"), sp_policy_get_title (policy),
                                     sp_policy_get_version (policy), effective);
    }
  else
    policy_line = g_strdup_printf (_("%s, version %s"), sp_policy_get_title (policy),
                                   sp_policy_get_version (policy));
  /* A draft's version number must not pass for the commissioner's, nor a
   * summary made under a revision for one made under the policy in force. */
  {
    g_autofree char *file = sp_policy_is_built_in (policy)
                            ? NULL : g_path_get_basename (sp_policy_get_display_name (policy));
    g_autofree char *version = g_steal_pointer (&policy_line);
    g_autofree char *from = file ? g_strdup_printf (_(" (from %s; not the built-in policy)"), file) : g_strdup ("");

    /* Translators: the policy's title and version, whether it is a draft,
     * the start of its SHA-256 and, for a policy file, which file. */
    policy_line = g_strdup_printf (_("%s%s, SHA-256 %s%s"), version,
                                   sp_policy_is_adopted (policy) ? "" : _(" (draft: not adopted by the commissioner)"),
                                   sha, from);
  }
  add_key_value (builder, _("Policy"), policy_line);
}

static void
build_banner (Builder      *builder,
              SpEvaluation *evaluation)
{
  SpCase *case_ = sp_evaluation_get_case (evaluation);
  SpPolicy *policy = sp_case_get_policy (case_);
  SpSummaryBlock *block;

  if (sp_evaluation_is_urgent (evaluation))
    {
      /* The policy's own words for this case: the findings recorded, and
       * the emergency sentence only when one of them needs it. */
      g_autofree char *detail = sp_evaluation_dup_banner_text (evaluation, "urgent");

      block = add_block (builder, SP_SUMMARY_BLOCK_BANNER,
                         _("Urgent referral to an acute spinal centre: this policy does not apply"),
                         detail);
      block->tone = SP_SUMMARY_TONE_URGENT;
    }
  else if (!sp_evaluation_is_screening_complete (evaluation))
    {
      GString *missing = g_string_new (NULL);
      g_autofree char *detail = NULL;

      for (guint i = 0; i < sp_policy_get_n_facts (policy); i++)
        {
          SpFact *fact = sp_policy_get_fact (policy, i);

          if (sp_policy_is_screening_fact (policy, fact) &&
              !sp_case_is_recorded (case_, sp_fact_get_id (fact)))
            {
              if (missing->len > 0)
                g_string_append (missing, "; ");
              g_string_append (missing, sp_fact_get_label (fact));
            }
        }
      detail = g_strdup_printf (_("Not yet recorded: %s."), missing->str);
      g_string_free (missing, TRUE);

      block = add_block (builder, SP_SUMMARY_BLOCK_BANNER,
                         _("Screening incomplete: screen for red flags and serious pathology "
                           "before applying the policy"),
                         detail);
      block->tone = SP_SUMMARY_TONE_WARNING;
    }

  /* Contract step 3: below any red-flag banner, naming what is suspected
   * and how urgently to act (cancer and infection: urgently). */
  {
    g_autofree char *serious = sp_evaluation_dup_banner_text (evaluation, "serious");

    if (serious != NULL)
      {
        block = add_block (builder, SP_SUMMARY_BLOCK_BANNER,
                           _("Suspected serious pathology: investigate or refer before any intervention"),
                           serious);
        block->tone = SP_SUMMARY_TONE_URGENT;
      }
  }
}

/* Each distinct string of @field over the decisions shown, in order. */
static GStrv
union_of (SpEvaluation         *evaluation,
          GPtrArray            *shown,
          const char * const *(*field) (SpDecision *decision))
{
  GListModel *decisions = sp_evaluation_get_decisions (evaluation);
  g_autoptr(GStrvBuilder) all = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (decisions); i++)
    {
      g_autoptr(SpDecision) decision = g_list_model_get_item (decisions, i);
      const char * const *values;

      if (!pathway_is_shown (shown, sp_decision_get_pathway (decision)))
        continue;
      values = field (decision);
      for (guint v = 0; values && values[v]; v++)
        if (g_hash_table_add (seen, g_strdup (values[v])))
          g_strv_builder_add (all, values[v]);
    }
  return g_strv_builder_end (all);
}

/* A table per pathway shown, a row per decision. */
static void
build_pathway_tables (Builder      *builder,
                      SpEvaluation *evaluation,
                      GPtrArray    *shown)
{
  SpPolicy *policy = sp_case_get_policy (sp_evaluation_get_case (evaluation));
  GListModel *decisions = sp_evaluation_get_decisions (evaluation);
  guint n = g_list_model_get_n_items (decisions);

for (guint p = 0; p < shown->len; p++)
    {
      const char *pathway = g_ptr_array_index (shown, p);
      SpSummaryBlock *table = NULL;
      gboolean any_exceptional = FALSE;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(SpDecision) decision = g_list_model_get_item (decisions, i);
          SpSummaryRow row;

          if (!g_str_equal (sp_decision_get_pathway (decision), pathway))
            continue;

          if (table == NULL)
            {
              add_heading (builder, 2, sp_policy_get_pathway_label (policy, pathway));
              table = add_block (builder, SP_SUMMARY_BLOCK_DECISION_TABLE, NULL, NULL);
              table->rows = g_array_new (FALSE, TRUE, sizeof (SpSummaryRow));
              g_array_set_clear_func (table->rows, row_clear);
            }

          row.decision_id = g_strdup (sp_decision_get_id (decision));
          row.status = sp_decision_get_status (decision);
          row.intervention = g_strdup (sp_decision_get_label (decision));
          /* "Criteria not met" never stands without its why. */
          row.unmet = sp_decision_dup_unmet (decision);
          if (row.unmet == NULL)
            row.unmet = g_strdup ("");
          g_array_append_val (table->rows, row);
          any_exceptional |= row.status == SP_STATUS_EXCEPTIONAL_CASE;
        }

      if (any_exceptional)
        {
          SpSummaryBlock *note = add_block (builder, SP_SUMMARY_BLOCK_NOTE,
                                            sp_summary_status_get_icon (SP_STATUS_EXCEPTIONAL_CASE),
                                            _(SP_SUMMARY_FUNDING_NOTE));
          note->tone = SP_SUMMARY_TONE_FUNDING;
        }
    }
}

static void
build_tables (Builder      *builder,
              SpEvaluation *evaluation,
              GPtrArray    *shown,
              GPtrArray    *not_shown)
{
  SpPolicy *policy = sp_case_get_policy (sp_evaluation_get_case (evaluation));
  GListModel *decisions = sp_evaluation_get_decisions (evaluation);
  guint n = g_list_model_get_n_items (decisions);
  guint n_shown;

  add_heading (builder, 1, _("Decisions"));

  /* To a funding panel a tick reads as an approval; the policy says only
   * that the intervention can be considered. Said first, on the first
   * page, wherever a decision shown is supported. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpDecision) decision = g_list_model_get_item (decisions, i);

      if (sp_decision_get_status (decision) == SP_STATUS_SUPPORTED &&
          pathway_is_shown (shown, sp_decision_get_pathway (decision)))
        {
          add_block (builder, SP_SUMMARY_BLOCK_PARAGRAPH, NULL, _(SP_SUMMARY_SUPPORTED_LEGEND));
          break;
        }
    }

  if (decisions_are_uniform (evaluation, shown, &n_shown))
    {
      g_autoptr(SpDecision) first = first_shown_decision (evaluation, shown);
      SpSummaryBlock *table = add_block (builder, SP_SUMMARY_BLOCK_DECISION_TABLE, NULL, NULL);
      SpSummaryRow row;

      table->rows = g_array_new (FALSE, TRUE, sizeof (SpSummaryRow));
      g_array_set_clear_func (table->rows, row_clear);
      row.decision_id = g_strdup ("");
      row.status = sp_decision_get_status (first);
      row.intervention = describe_all_decisions (policy, shown, n_shown);
      /* The banner above says why, once for all of them. */
      row.unmet = g_strdup ("");
      g_array_append_val (table->rows, row);
      if (row.status == SP_STATUS_EXCEPTIONAL_CASE)
        add_block (builder, SP_SUMMARY_BLOCK_NOTE, sp_summary_status_get_icon (SP_STATUS_EXCEPTIONAL_CASE),
                   _(SP_SUMMARY_FUNDING_NOTE))->tone = SP_SUMMARY_TONE_FUNDING;
    }
  else
    {
      g_auto(GStrv) missing = union_of (evaluation, shown, sp_decision_get_missing);

      build_pathway_tables (builder, evaluation, shown);
      /* What to ask next, once for all the decisions waiting for it. */
      if (missing[0] != NULL)
        {
          g_autofree char *labels = join_fact_labels (policy, (const char * const *) missing);

          add_key_value (builder, _("Still to record"), labels);
        }
    }

  if (not_shown->len > 0)
    {
      g_autofree char *labels = join_pathway_labels (policy, not_shown);
      g_autofree char *text = g_strdup_printf (_("Not assessed, as no facts are recorded for them: %s."),
                                               labels);

      add_block (builder, SP_SUMMARY_BLOCK_PARAGRAPH, NULL, text);
    }
}

static gboolean
strv_contains_substring (const char * const *strv,
                         const char         *needle)
{
  for (guint i = 0; strv && strv[i]; i++)
    if (strstr (strv[i], needle) != NULL)
      return TRUE;
  return FALSE;
}

/* One decision's reasons, what it still needs, the clauses it cites and
 * the readings applied; @label names it (or all of them, when one set of
 * reasons stands for every decision). */
static void
add_decision_details (Builder            *builder,
                      SpPolicy           *policy,
                      const char         *label,
                      SpStatus            status,
                      const char * const *reasons,
                      const char * const *citations,
                      const char * const *interpretations,
                      const char * const *missing,
                      GHashTable         *quoted,
                      GHashTable         *readings)
{
  g_autofree char *heading = NULL;

  heading = g_strdup_printf ("%s: %s", label, sp_status_get_label (status));
  /* The status's glyph, for the PDF (the text says it in words). */
  add_heading (builder, 2, heading)->key = g_strdup (sp_summary_status_get_icon (status));

  for (guint r = 0; reasons && reasons[r]; r++)
    add_block (builder, SP_SUMMARY_BLOCK_LIST_ITEM, NULL, reasons[r]);

  if (status == SP_STATUS_EXCEPTIONAL_CASE)
    add_block (builder, SP_SUMMARY_BLOCK_NOTE,
               sp_summary_status_get_icon (SP_STATUS_EXCEPTIONAL_CASE),
               _(SP_SUMMARY_FUNDING_NOTE))->tone = SP_SUMMARY_TONE_FUNDING;

  if (missing && missing[0])
    {
      g_autofree char *labels = join_fact_labels (policy, missing);

      add_key_value (builder, _("Not yet recorded"), labels);
    }

  for (guint c = 0; citations && citations[c]; c++)
    {
      SpClause *clause = sp_policy_lookup_clause (policy, citations[c]);
      g_autofree char *key = NULL;

      if (clause == NULL)
        continue;
      if (g_hash_table_contains (quoted, citations[c]))
        {
          g_autofree char *seen = g_strdup_printf (_("Policy, %s (quoted above)"), sp_clause_get_heading (clause));

          add_block (builder, SP_SUMMARY_BLOCK_QUOTE, seen, NULL);
          continue;
        }
      g_hash_table_add (quoted, (gpointer) citations[c]);
      key = g_strdup_printf (_("Policy, %s"), sp_clause_get_heading (clause));
      {
        g_autofree char *formatted = sp_clause_dup_formatted (clause);

        add_block (builder, SP_SUMMARY_BLOCK_QUOTE, key, formatted);
      }
    }

  for (guint k = 0; interpretations && interpretations[k]; k++)
    {
      SpInterpretation *interpretation = sp_policy_lookup_interpretation (policy, interpretations[k]);

      /* Reasons no longer carry readings (revision 3), so each is
       * given here, with whether the commissioner has signed it off. */
      if (interpretation && !strv_contains_substring (reasons, sp_interpretation_get_reading (interpretation)))
        {
          /* Each reading is given in full once, numbered, and referred to
           * by its number where it applies again. */
          guint number = GPOINTER_TO_UINT (g_hash_table_lookup (readings, interpretations[k]));
          g_autofree char *key = NULL;

          if (number != 0)
            {
              key = g_strdup_printf (_("Reading %u of the policy"), number);
              add_key_value (builder, key, _("as above"));
              continue;
            }
          number = g_hash_table_size (readings) + 1;
          g_hash_table_insert (readings, (gpointer) sp_interpretation_get_id (interpretation),
                               GUINT_TO_POINTER (number));
          key = sp_interpretation_is_signed_off (interpretation)
            ? g_strdup_printf (_("Reading %u of the policy (signed off by %s on %s)"), number,
                               sp_interpretation_get_signed_off_by (interpretation),
                               sp_interpretation_get_signed_off_date (interpretation))
            : g_strdup_printf (_("Reading %u of the policy (awaiting the commissioner's sign-off)"), number);

          add_key_value (builder, key, sp_interpretation_get_reading (interpretation));
        }
    }
}

static void
build_details (Builder      *builder,
               SpEvaluation *evaluation,
               GPtrArray    *shown)
{
  SpPolicy *policy = sp_case_get_policy (sp_evaluation_get_case (evaluation));
  GListModel *decisions = sp_evaluation_get_decisions (evaluation);
  guint n = g_list_model_get_n_items (decisions);
  /* A clause cited by many decisions (the red flag clause cites itself for
   * every one) is quoted in full once, then referred to. */
  g_autoptr(GHashTable) quoted = g_hash_table_new (g_str_hash, g_str_equal);
  /* Likewise each reading: interpretation id → its number. */
  g_autoptr(GHashTable) readings = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_shown;

  add_heading (builder, 1, _("Appendix: reasons and policy text"));

  if (decisions_are_uniform (evaluation, shown, &n_shown))
    {
      g_autoptr(SpDecision) first = first_shown_decision (evaluation, shown);
      g_autofree char *label = describe_all_decisions (policy, shown, n_shown);
      g_auto(GStrv) citations = union_of (evaluation, shown, sp_decision_get_citations);
      g_auto(GStrv) interpretations = union_of (evaluation, shown, sp_decision_get_interpretations);
      g_auto(GStrv) missing = union_of (evaluation, shown, sp_decision_get_missing);

      add_decision_details (builder, policy, label, sp_decision_get_status (first),
                            sp_decision_get_reasons (first), (const char * const *) citations,
                            (const char * const *) interpretations, (const char * const *) missing,
                            quoted, readings);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpDecision) decision = g_list_model_get_item (decisions, i);

      if (!pathway_is_shown (shown, sp_decision_get_pathway (decision)))
        continue;
      add_decision_details (builder, policy, sp_decision_get_label (decision),
                            sp_decision_get_status (decision), sp_decision_get_reasons (decision),
                            sp_decision_get_citations (decision), sp_decision_get_interpretations (decision),
                            sp_decision_get_missing (decision), quoted, readings);
    }
}

static void
build_advisories (Builder      *builder,
                  SpEvaluation *evaluation)
{
  GListModel *advisories = sp_evaluation_get_advisories (evaluation);
  gboolean any = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (advisories); i++)
    {
      g_autoptr(SpAdvisory) advisory = g_list_model_get_item (advisories, i);

      if (is_banner_text (builder->summary, sp_advisory_get_text (advisory)))
        continue;
      if (!any)
        add_heading (builder, 1, _("Advice"));
      any = TRUE;
      add_block (builder, SP_SUMMARY_BLOCK_LIST_ITEM, NULL, sp_advisory_get_text (advisory));
    }
}

static void
build_facts (Builder      *builder,
             SpEvaluation *evaluation,
             GPtrArray    *shown,
             GPtrArray    *not_shown)
{
  SpCase *case_ = sp_evaluation_get_case (evaluation);
  SpPolicy *policy = sp_case_get_policy (case_);

  add_heading (builder, 1, _("Facts recorded"));

  for (guint p = 0; p < shown->len; p++)
    {
      const char *pathway = g_ptr_array_index (shown, p);
      GString *unrecorded = g_string_new (NULL);
      GString *set_aside = g_string_new (NULL);
      gboolean any = FALSE;

      add_heading (builder, 2, sp_policy_get_pathway_label (policy, pathway));
      for (guint i = 0; i < sp_policy_get_n_facts (policy); i++)
        {
          SpFact *fact = sp_policy_get_fact (policy, i);
          const char *id = sp_fact_get_id (fact);
          gboolean relevant;

          if (!g_str_equal (sp_fact_get_pathway (fact), pathway))
            continue;
          /* A question the other answers make irrelevant (the window hides
           * it) is neither listed as an answer nor as missing; an answer
           * given to it before it became irrelevant is kept in the case and
           * shown apart, so nobody reads it as part of the assessment. */
          relevant = sp_case_is_fact_relevant (case_, id);
          if (sp_case_is_recorded (case_, id))
            {
              g_autofree char *value = sp_case_describe_fact (case_, id);

              if (relevant)
                {
                  add_key_value (builder, sp_fact_get_label (fact), value);
                  any = TRUE;
                }
              else
                g_string_append_printf (set_aside, "%s%s: %s", set_aside->len > 0 ? "; " : "",
                                        sp_fact_get_label (fact), value);
            }
          else if (relevant)
            {
              if (unrecorded->len > 0)
                g_string_append (unrecorded, "; ");
              g_string_append (unrecorded, sp_fact_get_label (fact));
            }
        }
      if (!any)
        add_block (builder, SP_SUMMARY_BLOCK_PARAGRAPH, NULL, _("Nothing recorded."));
      if (unrecorded->len > 0)
        add_key_value (builder, _("Not recorded"), unrecorded->str);
      if (set_aside->len > 0)
        add_key_value (builder, _("Set aside (not relevant to the answers above)"), set_aside->str);
      g_string_free (unrecorded, TRUE);
      g_string_free (set_aside, TRUE);
    }

  if (not_shown->len > 0)
    {
      g_autofree char *labels = join_pathway_labels (policy, not_shown);
      g_autofree char *text = g_strdup_printf (_("Nothing recorded for: %s."), labels);

      add_block (builder, SP_SUMMARY_BLOCK_PARAGRAPH, NULL, text);
    }
}

static void
build_notes (Builder      *builder,
             SpEvaluation *evaluation)
{
  const char *notes = sp_case_get_notes (sp_evaluation_get_case (evaluation));
  g_auto(GStrv) paragraphs = NULL;

  if (notes == NULL || notes[0] == '\0')
    return;

  add_heading (builder, 1, _("Notes"));
  /* Each line of the notes is kept as the clinician typed it; blank lines
   * only separate paragraphs. */
  paragraphs = g_strsplit (notes, "\n", -1);
  for (guint i = 0; paragraphs[i]; i++)
    {
      g_strchomp (paragraphs[i]);
      if (paragraphs[i][0] != '\0')
        add_block (builder, SP_SUMMARY_BLOCK_PARAGRAPH, NULL, paragraphs[i]);
    }
}

static void
build_references (Builder      *builder,
                  SpEvaluation *evaluation)
{
  SpPolicy *policy = sp_case_get_policy (sp_evaluation_get_case (evaluation));
  const char * const *references = sp_policy_get_references (policy);

  if (references == NULL || references[0] == NULL)
    return;

  add_heading (builder, 1, _("References"));
  for (guint i = 0; references[i]; i++)
    add_block (builder, SP_SUMMARY_BLOCK_LIST_ITEM, NULL, references[i]);
}

/**
 * sp_summary_new:
 * @evaluation: the evaluation to summarise, as it is now
 * @flags: whether to name the patient and the clinician
 * @generated_at: when the summary is made; the caller passes the time so
 *   that tests and reprints can fix it
 * @app_version: the version printed in the footer and the PDF's creator
 *
 * Returns: (transfer full): the summary
 */
SpSummary *
sp_summary_new (SpEvaluation   *evaluation,
                SpSummaryFlags  flags,
                GDateTime      *generated_at,
                const char     *app_version)
{
  g_autoptr(SpSummary) self = NULL;
  g_autoptr(GPtrArray) shown = NULL;
  g_autoptr(GPtrArray) not_shown = NULL;
  Builder builder;

  g_return_val_if_fail (SP_IS_EVALUATION (evaluation), NULL);
  g_return_val_if_fail (generated_at != NULL, NULL);
  g_return_val_if_fail (app_version != NULL, NULL);

  self = g_object_new (SP_TYPE_SUMMARY, NULL);
  self->flags = flags;
  self->generated_at = g_date_time_ref (generated_at);
  self->app_version = g_strdup (app_version);
  /* Translators: the language of this translation as a BCP 47 tag (such as
   * "cy" or "pl"), written into the PDF for screen readers. */
  self->language = g_strdup (C_("PDF language", "en-GB"));

  builder.summary = self;
  builder.section = SP_SUMMARY_SECTION_HEADER;

  shown = shown_pathways (sp_evaluation_get_case (evaluation), &not_shown);

  build_header (&builder, evaluation);
  builder.section = SP_SUMMARY_SECTION_DECISIONS;
  build_banner (&builder, evaluation);
  build_tables (&builder, evaluation, shown, not_shown);
  builder.section = SP_SUMMARY_SECTION_DETAILS;
  build_advisories (&builder, evaluation);
  build_notes (&builder, evaluation);
  if (flags & SP_SUMMARY_OMIT_REASONS)
    {
      /* Left out, and said to be: a reader must not take the summary for
       * the whole of it. */
      add_block (&builder, SP_SUMMARY_BLOCK_PARAGRAPH, NULL, _(SP_SUMMARY_REASONS_OMITTED));
      return g_steal_pointer (&self);
    }
  builder.section = SP_SUMMARY_SECTION_APPENDIX;
  build_details (&builder, evaluation, shown);
  build_facts (&builder, evaluation, shown, not_shown);
  build_references (&builder, evaluation);

  return g_steal_pointer (&self);
}

SpSummaryFlags
sp_summary_get_flags (SpSummary *self)
{
  g_return_val_if_fail (SP_IS_SUMMARY (self), 0);
  return self->flags;
}

GDateTime *
sp_summary_get_generated_at (SpSummary *self)
{
  g_return_val_if_fail (SP_IS_SUMMARY (self), NULL);
  return self->generated_at;
}

const char *
sp_summary_get_app_version (SpSummary *self)
{
  g_return_val_if_fail (SP_IS_SUMMARY (self), NULL);
  return self->app_version;
}

const char *
sp_summary_get_title (SpSummary *self)
{
  g_return_val_if_fail (SP_IS_SUMMARY (self), NULL);
  return _(SP_SUMMARY_TITLE);
}

/**
 * sp_summary_get_author:
 *
 * Returns: (nullable): the clinician's name, when identifiers are included
 *   and it is recorded
 */
const char *
sp_summary_get_author (SpSummary *self)
{
  g_return_val_if_fail (SP_IS_SUMMARY (self), NULL);
  return self->author;
}

/**
 * sp_summary_get_language:
 *
 * Returns: the language of the summary's own words, as a BCP 47 tag
 *   ("en-GB" untranslated); the policy's words are always English
 */
const char *
sp_summary_get_language (SpSummary *self)
{
  g_return_val_if_fail (SP_IS_SUMMARY (self), NULL);
  return self->language;
}

/**
 * sp_summary_get_running_header:
 *
 * Returns: (nullable): the patient's name and NHS number, for the top of
 *   every page after the first, when identifiers are included
 */
const char *
sp_summary_get_running_header (SpSummary *self)
{
  g_return_val_if_fail (SP_IS_SUMMARY (self), NULL);
  return self->running_header;
}

/**
 * sp_summary_dup_creator:
 *
 * Returns: (transfer full): "Spinal Pathways VERSION"
 */
char *
sp_summary_dup_creator (SpSummary *self)
{
  g_return_val_if_fail (SP_IS_SUMMARY (self), NULL);
  return g_strdup_printf (_("Spinal Pathways %s"), self->app_version);
}

/**
 * sp_summary_dup_footer:
 *
 * Returns: (transfer full): the words at the foot of every page (the PDF
 *   adds the page number), and at the end of the plain text: the version
 *   and the time the summary was made, and the disclaimer
 */
char *
sp_summary_dup_footer (SpSummary *self)
{
  g_autofree char *generated = NULL;

  g_return_val_if_fail (SP_IS_SUMMARY (self), NULL);
  /* When, at the foot of every page, so that a printout carries it on
   * each sheet and the header keeps to the patient and the policy. */
  generated = format_timestamp (self->generated_at);
  return g_strdup_printf (_("Generated by Spinal Pathways %s on %s. %s"), self->app_version, generated,
                          _(SP_SUMMARY_DISCLAIMER));
}

guint
sp_summary_get_n_blocks (SpSummary *self)
{
  g_return_val_if_fail (SP_IS_SUMMARY (self), 0);
  return self->blocks->len;
}

/**
 * sp_summary_get_block:
 *
 * Returns: (transfer none): block @index, owned by the summary
 */
const SpSummaryBlock *
sp_summary_get_block (SpSummary *self,
                      guint      index)
{
  g_return_val_if_fail (SP_IS_SUMMARY (self), NULL);
  g_return_val_if_fail (index < self->blocks->len, NULL);
  return g_ptr_array_index (self->blocks, index);
}

/**
 * sp_summary_status_get_icon:
 *
 * Returns: a glyph for @status that tells the statuses apart without
 *   colour, so a greyscale print or a fax keeps the meaning
 */
const char *
sp_summary_status_get_icon (SpStatus status)
{
  switch (status)
    {
    case SP_STATUS_URGENT_REFERRAL:    return "⚠";
    case SP_STATUS_SUPPORTED:          return "✔";
    case SP_STATUS_CRITERIA_NOT_MET:   return "✖";
    case SP_STATUS_NEEDS_INFORMATION:  return "?";
    case SP_STATUS_NOT_NORMALLY_FUNDED: return "⊘";
    case SP_STATUS_EXCEPTIONAL_CASE:   return "◆";
    default: g_return_val_if_reached ("");
    }
}
