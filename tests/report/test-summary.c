/* test-summary.c: the summary's content and its plain text
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "report-test-util.h"

static const char * const all_cases[] = {
  "urgent-red-flag.json",
  "screening-incomplete.json",
  "lumbar-sciatica-supported.json",
  "exceptional-case.json",
  "international-names.json",
};

typedef struct {
  const char     *golden;
  const char     *case_name;
  SpSummaryFlags  flags;
} Golden;

static const Golden goldens[] = {
  { "urgent-red-flag.txt", "urgent-red-flag.json", SP_SUMMARY_INCLUDE_IDENTIFIERS },
  { "screening-incomplete.txt", "screening-incomplete.json", SP_SUMMARY_INCLUDE_IDENTIFIERS },
  { "lumbar-sciatica-supported.txt", "lumbar-sciatica-supported.json", SP_SUMMARY_INCLUDE_IDENTIFIERS },
  { "exceptional-case-no-identifiers.txt", "exceptional-case.json", SP_SUMMARY_NONE },
  { "nonspecific-facet-fusion.txt", "nonspecific-facet-fusion.json", SP_SUMMARY_INCLUDE_IDENTIFIERS },
  { "facet-rfd-10-months.txt", "facet-rfd-10-months.json", SP_SUMMARY_INCLUDE_IDENTIFIERS },
  { "sij-two-of-four-tests.txt", "sij-two-of-four-tests.json", SP_SUMMARY_INCLUDE_IDENTIFIERS },
  { "red-flag-serious-pathology.txt", "red-flag-serious-pathology.json", SP_SUMMARY_INCLUDE_IDENTIFIERS },
};

static char *
summary_text (const char     *case_name,
              SpSummaryFlags  flags)
{
  g_autoptr(SpSummary) summary = test_summary (case_name, flags);

  return sp_summary_to_text (summary);
}

/* The text must match tests/golden/ byte for byte. After a deliberate
 * change, run with SP_UPDATE_GOLDEN=1 and review the diff in git. */
static void
test_golden (gconstpointer data)
{
  const Golden *golden = data;
  g_autofree char *text = summary_text (golden->case_name, golden->flags);
  g_autofree char *path = g_build_filename (g_getenv ("SP_GOLDEN_DIR"), golden->golden, NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;

  if (g_getenv ("SP_UPDATE_GOLDEN"))
    {
      g_file_set_contents (path, text, -1, &error);
      g_assert_no_error (error);
    }

  g_file_get_contents (path, &expected, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, expected);
}

/* Text that pastes well into a clinical system's free-text box: valid
 * UTF-8, no tabs or other control characters, no status glyphs or ruled
 * underlines, no trailing spaces, and each paragraph one line (the box
 * wraps it), so no line continues another. */
static void
assert_pastes_well (const char *text)
{
  static const char * const glyphs[] = { "⚠", "✔", "✖", "⊘", "◆", "===", "---", NULL };
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  g_assert_true (g_utf8_validate (text, -1, NULL));
  for (guint i = 0; lines[i]; i++)
    {
      for (const char *p = lines[i]; *p; p++)
        g_assert_cmpint ((guchar) *p, >=, ' ');
      for (guint g = 0; glyphs[g]; g++)
        if (strstr (lines[i], glyphs[g]) != NULL && !g_str_equal (lines[i], "--"))
          g_error ("line %u has \"%s\": %s", i + 1, glyphs[g], lines[i]);
      g_assert_false (g_str_has_suffix (lines[i], " "));
    }
}

static void
test_pastes_well (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (all_cases); i++)
    {
      g_autofree char *with = summary_text (all_cases[i], SP_SUMMARY_INCLUDE_IDENTIFIERS);
      g_autofree char *without = summary_text (all_cases[i], SP_SUMMARY_NONE);

      assert_pastes_well (with);
      assert_pastes_well (without);
    }
}

/* Long words, Chinese without spaces, and long notes stay whole, each
 * paragraph on one line. */
static void
test_long_words_whole (void)
{
  g_autoptr(SpCase) case_ = test_load_case ("international-names.json");
  g_autoptr(SpSummary) summary = NULL;
  g_autofree char *text = NULL;
  GString *notes = g_string_new (NULL);

  g_string_append (notes, "https://example.nhs.uk/a/very/long/address/that/has/no/spaces/in/it/at/all/and/goes/on/and/on\n");
  for (guint i = 0; i < 60; i++)
    g_string_append (notes, "李小龍");
  g_string_append (notes, "\n");
  for (guint i = 0; i < 50; i++)
    g_string_append (notes, "Ødegård ");
  sp_case_set_notes (case_, notes->str);
  g_string_free (notes, TRUE);
  sp_case_set_patient_name (case_, "Zoë Ñúñez-Ødegård-Αλέξανδρος-李小龍-Mountbatten-Windsor-Smythe-Fotheringay");

  summary = test_summary_for_case (case_, SP_SUMMARY_INCLUDE_IDENTIFIERS);
  text = sp_summary_to_text (summary);
  assert_pastes_well (text);
  g_assert_nonnull (strstr (text, "李小龍李小龍"));
  /* Each line of the notes stays a line of its own, whole. */
  g_assert_nonnull (strstr (text, "\n李小龍李小龍李小龍"));
  g_assert_nonnull (strstr (text, "https://example.nhs.uk/a/very/long/address/that/has/no/spaces/in/it/at/all/and/goes/on/and/on"));
}

static gssize
line_index (char       **lines,
            const char  *prefix)
{
  for (guint i = 0; lines[i]; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return i;
  return -1;
}

/* First things first, as in the PDF: the header (patient, assessment
 * date, policy) before the decisions, and every decision, with what it
 * does not meet, before the details. */
static void
test_header_then_decisions (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (all_cases); c++)
    {
      g_autoptr(SpSummary) summary = test_summary (all_cases[c], SP_SUMMARY_INCLUDE_IDENTIFIERS);
      g_autofree char *text = sp_summary_to_text (summary);
      g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
      gssize decisions = line_index (lines, "DECISIONS");
      gssize facts = line_index (lines, "FACTS RECORDED");
      gssize assessed = line_index (lines, "Assessment date:");
      gssize patient = line_index (lines, "Patient:");
      gssize version = line_index (lines, "Policy: ");
      gssize last_decision = -1;

      g_assert_cmpint (assessed, >, 0);
      g_assert_cmpint (patient, >, 0);
      g_assert_cmpint (version, >, 0);
      g_assert_cmpint (assessed, >, patient);
      g_assert_cmpint (version, >, assessed);
      g_assert_cmpint (decisions, >, version);
      g_assert_cmpint (facts, >, decisions);

      for (guint b = 0; b < sp_summary_get_n_blocks (summary); b++)
        {
          const SpSummaryBlock *block = sp_summary_get_block (summary, b);

          if (block->kind != SP_SUMMARY_BLOCK_DECISION_TABLE)
            continue;
          for (guint r = 0; r < block->rows->len; r++)
            {
              const SpSummaryRow *row = &g_array_index (block->rows, SpSummaryRow, r);
              g_autofree char *head = g_strdup_printf ("%s: %s", sp_status_get_label (row->status),
                                                       row->intervention);
              gssize at = -1;

              g_autofree char *with_unmet = g_strdup_printf ("%s. %s", head, row->unmet);

              for (guint i = 0; lines[i] && at < 0; i++)
                if (g_str_equal (lines[i], row->unmet[0] ? with_unmet : head))
                  at = i;
              g_assert_cmpint (at, >, decisions);
              last_decision = MAX (last_decision, at);
            }
        }
      g_assert_cmpint (last_decision, >, decisions);
      g_assert_cmpint (last_decision, <, facts);
    }
}

static const char * const identifiers[] = {
  "Aisha Rahman", "943 476 5919", "9 November 1981", "1981-11-09", "Mr David Hughes",
  "Consultant spinal surgeon",
};

static void
test_identifiers (void)
{
  g_autofree char *with = summary_text ("lumbar-sciatica-supported.json", SP_SUMMARY_INCLUDE_IDENTIFIERS);
  g_autofree char *without = summary_text ("lumbar-sciatica-supported.json", SP_SUMMARY_NONE);
  g_autoptr(SpSummary) anonymous = test_summary ("lumbar-sciatica-supported.json", SP_SUMMARY_NONE);
  g_autoptr(SpSummary) named = test_summary ("lumbar-sciatica-supported.json", SP_SUMMARY_INCLUDE_IDENTIFIERS);

  for (guint i = 0; i < G_N_ELEMENTS (identifiers); i++)
    {
      if (!g_str_equal (identifiers[i], "1981-11-09"))
        g_assert_nonnull (strstr (with, identifiers[i]));
      g_assert_null (strstr (without, identifiers[i]));
    }
  g_assert_nonnull (strstr (without, "Identifiers: not included"));

  g_assert_null (sp_summary_get_author (anonymous));
  g_assert_null (sp_summary_get_running_header (anonymous));
  g_assert_cmpstr (sp_summary_get_author (named), ==, "Mr David Hughes");
  g_assert_cmpstr (sp_summary_get_running_header (named), ==, "Aisha Rahman, NHS number 943 476 5919");
}

static guint
find_block (SpSummary          *summary,
            SpSummaryBlockKind  kind,
            const char         *text,
            guint               from)
{
  for (guint i = from; i < sp_summary_get_n_blocks (summary); i++)
    {
      const SpSummaryBlock *block = sp_summary_get_block (summary, i);

      if (block->kind == kind && (text == NULL || g_str_has_prefix (block->text, text) ||
                                  g_strcmp0 (block->key, text) == 0))
        return i;
    }
  return G_MAXUINT;
}

/* First things first: title, who, when, by whom, policy; the banner; the
 * decisions; advice and notes; then the appendix: reasons and policy
 * text, facts, references. */
static void
test_block_order (void)
{
  g_autoptr(SpSummary) summary = test_summary ("urgent-red-flag.json", SP_SUMMARY_INCLUDE_IDENTIFIERS);
  const SpSummaryBlock *banner;
  guint order[] = {
    find_block (summary, SP_SUMMARY_BLOCK_TITLE, NULL, 0),
    find_block (summary, SP_SUMMARY_BLOCK_KEY_VALUE, "Patient", 0),
    find_block (summary, SP_SUMMARY_BLOCK_KEY_VALUE, "NHS number", 0),
    find_block (summary, SP_SUMMARY_BLOCK_KEY_VALUE, "Date of birth", 0),
    find_block (summary, SP_SUMMARY_BLOCK_KEY_VALUE, "Assessment date", 0),
    find_block (summary, SP_SUMMARY_BLOCK_KEY_VALUE, "Clinician", 0),
    find_block (summary, SP_SUMMARY_BLOCK_KEY_VALUE, "Policy", 0),
    find_block (summary, SP_SUMMARY_BLOCK_BANNER, NULL, 0),
    find_block (summary, SP_SUMMARY_BLOCK_DECISION_TABLE, NULL, 0),
    find_block (summary, SP_SUMMARY_BLOCK_HEADING, "Advice", 0),
    find_block (summary, SP_SUMMARY_BLOCK_HEADING, "Notes", 0),
    find_block (summary, SP_SUMMARY_BLOCK_HEADING, "Appendix: reasons and policy text", 0),
    find_block (summary, SP_SUMMARY_BLOCK_QUOTE, NULL, 0),
    find_block (summary, SP_SUMMARY_BLOCK_HEADING, "Facts recorded", 0),
    find_block (summary, SP_SUMMARY_BLOCK_HEADING, "References", 0),
  };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_assert_cmpuint (order[i], !=, G_MAXUINT);
      if (i > 0)
        g_assert_cmpuint (order[i], >, order[i - 1]);
    }

  banner = sp_summary_get_block (summary, order[7]);
  g_assert_cmpint (banner->tone, ==, SP_SUMMARY_TONE_URGENT);
  g_assert_cmpstr (banner->key, ==, "Urgent referral to an acute spinal centre: this policy does not apply");
  g_assert_nonnull (strstr (banner->text, "Suspected cauda equina syndrome"));

  /* The policy's first 12 hex digits of its SHA-256, no more. */
  {
    const SpSummaryBlock *policy = sp_summary_get_block (summary, order[6]);
    g_autofree char *prefix = g_strndup (sp_policy_get_sha256 (test_policy ()), 12);
    g_autofree char *ending = g_strdup_printf (", SHA-256 %s", prefix);

    g_assert_true (g_str_has_suffix (policy->text, ending));
  }
}

static void
test_screening_banner (void)
{
  g_autoptr(SpSummary) summary = test_summary ("screening-incomplete.json", SP_SUMMARY_INCLUDE_IDENTIFIERS);
  const SpSummaryBlock *banner = sp_summary_get_block (summary,
                                                       find_block (summary, SP_SUMMARY_BLOCK_BANNER, NULL, 0));

  g_assert_cmpint (banner->tone, ==, SP_SUMMARY_TONE_WARNING);
  g_assert_true (g_str_has_prefix (banner->key, "Screening incomplete: "));
  g_assert_nonnull (strstr (banner->text, "New sexual dysfunction"));
  g_assert_nonnull (strstr (banner->text, "Suspected serious pathology"));
  g_assert_null (strstr (banner->text, "Suspected cauda equina syndrome"));
}

/* Tables for the general pathway and for each pathway with a fact recorded,
 * and only those; every decision of those pathways in a row. */
static void
test_tables (void)
{
  g_autoptr(SpSummary) summary = test_summary ("lumbar-sciatica-supported.json", SP_SUMMARY_INCLUDE_IDENTIFIERS);
  g_autoptr(GString) seen = g_string_new (NULL);
  guint n_rows = 0, n_tables = 0;

  for (guint i = 0; i < sp_summary_get_n_blocks (summary); i++)
    {
      const SpSummaryBlock *block = sp_summary_get_block (summary, i);

      if (block->kind != SP_SUMMARY_BLOCK_DECISION_TABLE)
        continue;
      g_assert_cmpint (block->section, ==, SP_SUMMARY_SECTION_DECISIONS);
      n_tables++;
      for (guint r = 0; r < block->rows->len; r++)
        {
          const SpSummaryRow *row = &g_array_index (block->rows, SpSummaryRow, r);

          g_string_append_printf (seen, "%s ", row->decision_id);
          g_assert_true (g_str_has_prefix (row->decision_id, "general.") ||
                         g_str_has_prefix (row->decision_id, "lumbar."));
          n_rows++;
        }
    }
  g_assert_true (g_str_has_prefix (seen->str, "general.acupuncture lumbar."));
  g_assert_cmpuint (n_tables, ==, 2);
  g_assert_cmpuint (n_rows, ==, 14);
}

/* A red flag or unfinished screening decides every decision alike: the
 * summary says so once, in one row naming how many and where, and gives
 * the reason and the clause once, not once per decision. */
static void
test_uniform_said_once (gconstpointer data)
{
  const char *case_name = data;
  g_autoptr(SpSummary) summary = test_summary (case_name, SP_SUMMARY_INCLUDE_IDENTIFIERS);
  g_autofree char *text = sp_summary_to_text (summary);
  const SpSummaryRow *only = NULL;
  const SpSummaryBlock *reason = NULL;
  guint n_rows = 0, n_detail_headings = 0;

  for (guint i = 0; i < sp_summary_get_n_blocks (summary); i++)
    {
      const SpSummaryBlock *block = sp_summary_get_block (summary, i);

      if (block->kind == SP_SUMMARY_BLOCK_DECISION_TABLE)
        for (guint r = 0; r < block->rows->len; r++, n_rows++)
          only = &g_array_index (block->rows, SpSummaryRow, r);
      /* A decision's heading in the details carries its status glyph. */
      if (block->kind == SP_SUMMARY_BLOCK_HEADING && block->section == SP_SUMMARY_SECTION_APPENDIX &&
          block->level == 2 && block->key != NULL)
        {
          n_detail_headings++;
          /* The reason every decision shares is the list item after it. */
          g_assert_cmpuint (i + 1, <, sp_summary_get_n_blocks (summary));
          reason = sp_summary_get_block (summary, i + 1);
          g_assert_cmpint (reason->kind, ==, SP_SUMMARY_BLOCK_LIST_ITEM);
        }
    }
  g_assert_cmpuint (n_rows, ==, 1);
  g_assert_true (g_str_has_prefix (only->intervention, "All "));
  g_assert_nonnull (strstr (only->intervention, " decisions ("));
  /* The banner above the row says why: nothing more in the row. */
  g_assert_cmpstr (only->unmet, ==, "");
  g_assert_cmpuint (n_detail_headings, ==, 1);
  /* The reason appears once, in the appendix. */
  {
    guint n = 0;

    for (const char *p = strstr (text, reason->text); p; p = strstr (p + 1, reason->text))
      n++;
    g_assert_cmpuint (n, ==, 1);
  }
}

static void
test_funding_note (void)
{
  g_autoptr(SpSummary) summary = test_summary ("exceptional-case.json", SP_SUMMARY_NONE);
  g_autofree char *text = sp_summary_to_text (summary);
  guint notes = 0;
  guint exceptional = 0;

  for (guint i = 0; i < sp_summary_get_n_blocks (summary); i++)
    {
      const SpSummaryBlock *block = sp_summary_get_block (summary, i);

      if (block->kind == SP_SUMMARY_BLOCK_NOTE &&
          g_str_equal (block->text, "An individual funding request may be made. This is not an approval."))
        notes++;
      if (block->kind == SP_SUMMARY_BLOCK_DECISION_TABLE)
        for (guint r = 0; r < block->rows->len; r++)
          exceptional += g_array_index (block->rows, SpSummaryRow, r).status == SP_STATUS_EXCEPTIONAL_CASE;
    }
  /* Acupuncture and fusion: each in its table's note and its details. */
  g_assert_cmpuint (exceptional, ==, 2);
  g_assert_cmpuint (notes, ==, 4);
  {
    g_autofree char *flat = test_flatten (text);

    g_assert_nonnull (strstr (flat, "Individual funding request possible (not an approval): Lumbar spinal fusion"));
    g_assert_nonnull (strstr (text, "\nNote: An individual funding request may be made. This is not an approval.\n"));
  }
  g_assert_null (strstr (text, "approved"));
}

/* An answer to a question the other answers have made irrelevant is kept,
 * but shown apart from the assessment, never as part of it; a question
 * that does not apply is not listed as missing. */
static void
test_set_aside (void)
{
  g_autoptr(SpCase) case_ = test_load_case ("lumbar-sciatica-supported.json");
  g_autoptr(SpSummary) summary = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;

  /* The fixture answers the sciatica questions, and a repeat injection's;
   * then the condition changes. */
  g_assert_true (sp_case_set_number (case_, "lumbar_previous_epidurals", 2, NULL));
  g_assert_true (sp_case_set_number (case_, "lumbar_previous_epidural_improvement_percent", 80, NULL));
  sp_case_set_choice (case_, "lumbar_condition", "non_specific");
  summary = test_summary_for_case (case_, SP_SUMMARY_NONE);
  text = sp_summary_to_text (summary);
  flat = test_flatten (text);

  g_assert_nonnull (strstr (flat, "Set aside (not relevant to the answers above): Purpose of the injection: "
                                  "Part of a rehabilitation pathway;"));
  g_assert_null (strstr (text, "\nPurpose of the injection:"));
  g_assert_nonnull (strstr (flat, "Previous lumbar epidural or nerve root injections: 2; "));
  g_assert_nonnull (strstr (flat, "Pain improvement after the last injection: 80%"));
  g_assert_null (strstr (text, "\nPain improvement after the last injection:"));
  /* The repeat-injection questions follow the hidden count: not missing. */
  g_assert_null (strstr (flat, "Months the improvement lasted"));
}

/* The summary is a snapshot: editing the case later does not change it. */
static void
test_snapshot (void)
{
  g_autoptr(SpCase) case_ = test_load_case ("lumbar-sciatica-supported.json");
  g_autoptr(SpSummary) summary = test_summary_for_case (case_, SP_SUMMARY_INCLUDE_IDENTIFIERS);
  g_autofree char *before = sp_summary_to_text (summary);
  g_autofree char *after = NULL;

  sp_case_set_patient_name (case_, "Someone Else");
  sp_case_set_boolean (case_, "red_flag_cauda_equina", TRUE);
  sp_case_set_notes (case_, "changed");
  after = sp_summary_to_text (summary);
  g_assert_cmpstr (before, ==, after);
  g_assert_finalize_object (g_steal_pointer (&summary));
}

/* With no assessment date, the summary says which date it used. */
static void
test_assessment_date_unrecorded (void)
{
  g_autoptr(SpCase) case_ = test_load_case ("lumbar-sciatica-supported.json");
  g_autoptr(SpSummary) summary = NULL;
  const SpSummaryBlock *block;

  sp_case_clear_fact (case_, "assessment_date");
  summary = test_summary_for_case (case_, SP_SUMMARY_NONE);
  block = sp_summary_get_block (summary, find_block (summary, SP_SUMMARY_BLOCK_KEY_VALUE, "Assessment date", 0));
  g_assert_cmpstr (block->text, ==, "15 June 2026 (not recorded: the date of this summary)");
}

/* Every word of every block is in the text: the text says what the PDF says. */
static void
test_text_has_every_block (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (all_cases); c++)
    {
      g_autoptr(SpSummary) summary = test_summary (all_cases[c], SP_SUMMARY_INCLUDE_IDENTIFIERS);
      g_autofree char *text = sp_summary_to_text (summary);
      g_autofree char *flat = test_flatten (text);

      for (guint i = 0; i < sp_summary_get_n_blocks (summary); i++)
        {
          const SpSummaryBlock *block = sp_summary_get_block (summary, i);
          g_auto(GStrv) block_words = g_strsplit_set (block->text, " \n", -1);

          for (guint w = 0; block_words[w]; w++)
            if (block_words[w][0] && block->kind != SP_SUMMARY_BLOCK_HEADING && block->kind != SP_SUMMARY_BLOCK_BANNER)
              g_assert_nonnull (strstr (flat, block_words[w]));
        }
    }
}

/* What is still to record is listed once, under the decisions: every fact
 * a decision shown waits for, each once, and nothing else. */
static void
test_still_to_record (void)
{
  g_autoptr(SpCase) case_ = test_load_case ("exceptional-case.json");
  g_autoptr(SpEvaluation) evaluation = sp_evaluation_new (case_);
  g_autoptr(SpSummary) summary = test_summary_for_case (case_, SP_SUMMARY_NONE);
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const SpSummaryBlock *still = NULL;
  g_auto(GStrv) listed = NULL;
  GListModel *decisions;

  sp_evaluation_set_today (evaluation, TEST_TODAY);
  decisions = sp_evaluation_get_decisions (evaluation);

  for (guint i = 0; i < g_list_model_get_n_items (decisions); i++)
    {
      g_autoptr(SpDecision) decision = g_list_model_get_item (decisions, i);
      const char * const *missing = sp_decision_get_missing (decision);
      const char *pathway = sp_decision_get_pathway (decision);

      if (!g_str_equal (pathway, "general") && !g_str_equal (pathway, "lumbar"))
        continue;
      for (guint m = 0; missing && missing[m]; m++)
        {
          SpFact *fact = sp_policy_lookup_fact (sp_case_get_policy (case_), missing[m]);

          g_hash_table_add (expected, g_strdup (sp_fact_get_label (fact)));
        }
    }
  g_assert_cmpuint (g_hash_table_size (expected), >, 0);

  for (guint i = 0; i < sp_summary_get_n_blocks (summary); i++)
    {
      const SpSummaryBlock *block = sp_summary_get_block (summary, i);

      if (block->kind == SP_SUMMARY_BLOCK_KEY_VALUE && g_strcmp0 (block->key, "Still to record") == 0)
        {
          g_assert_null (still);
          g_assert_cmpint (block->section, ==, SP_SUMMARY_SECTION_DECISIONS);
          still = block;
        }
    }
  g_assert_nonnull (still);
  listed = g_strsplit (still->text, "; ", -1);
  g_assert_cmpuint (g_strv_length (listed), ==, g_hash_table_size (expected));
  for (guint i = 0; listed[i]; i++)
    g_assert_true (g_hash_table_contains (expected, listed[i]));
}

/* Each reading of the policy is given in full once, numbered 1, 2, 3… in
 * order, and a later decision it applies to refers to it by number. */
static void
test_readings_once (void)
{
  g_autofree char *text = summary_text ("lumbar-sciatica-supported.json", SP_SUMMARY_NONE);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint given = 0, referred = 0;

  for (guint i = 0; lines[i]; i++)
    {
      guint number;
      char after;

      if (sscanf (lines[i], "Reading %u of the policy %c", &number, &after) == 2 && after == '(')
        {
          /* In full: the next number, and its words not seen before. */
          g_assert_cmpuint (number, ==, given + 1);
          given++;
        }
      else if (sscanf (lines[i], "Reading %u of the policy: as above%c", &number, &after) >= 1 &&
               g_str_has_suffix (lines[i], ": as above"))
        {
          g_assert_cmpuint (number, >=, 1);
          g_assert_cmpuint (number, <=, given);
          referred++;
        }
      g_assert_false (g_str_has_prefix (lines[i], "Reading of the policy"));
    }
  g_assert_cmpuint (given, >, 3);
  g_assert_cmpuint (referred, >, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (goldens); i++)
    {
      g_autofree char *path = g_strdup_printf ("/report/summary/golden/%s", goldens[i].golden);

      g_test_add_data_func (path, &goldens[i], test_golden);
    }
  g_test_add_func ("/report/summary/text/pastes-well", test_pastes_well);
  g_test_add_func ("/report/summary/text/long-words-whole", test_long_words_whole);
  g_test_add_func ("/report/summary/text/header-then-decisions", test_header_then_decisions);
  g_test_add_func ("/report/summary/text/every-block", test_text_has_every_block);
  g_test_add_func ("/report/summary/identifiers", test_identifiers);
  g_test_add_func ("/report/summary/block-order", test_block_order);
  g_test_add_func ("/report/summary/screening-banner", test_screening_banner);
  g_test_add_func ("/report/summary/tables", test_tables);
  g_test_add_func ("/report/summary/still-to-record", test_still_to_record);
  g_test_add_func ("/report/summary/readings-once", test_readings_once);
  g_test_add_data_func ("/report/summary/uniform/urgent", "urgent-red-flag.json", test_uniform_said_once);
  g_test_add_data_func ("/report/summary/uniform/screening", "screening-incomplete.json", test_uniform_said_once);
  g_test_add_func ("/report/summary/funding-note", test_funding_note);
  g_test_add_func ("/report/summary/snapshot", test_snapshot);
  g_test_add_func ("/report/summary/set-aside", test_set_aside);
  g_test_add_func ("/report/summary/assessment-date-unrecorded", test_assessment_date_unrecorded);

  return g_test_run ();
}
