/* report-test-util.h: cases and summaries with a fixed clock
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-report.h"

/* Every summary in the tests is made at this moment, and the engine's
 * "today" is this date, so the output is the same on every run. */
#define TEST_TODAY   "2026-06-15"
#define TEST_VERSION "0.1.0"

static inline SpPolicy *
test_policy (void)
{
  static SpPolicy *policy;

  if (policy == NULL)
    {
      g_autoptr(GError) error = NULL;

      policy = sp_policy_new_default (&error);
      g_assert_no_error (error);
    }
  return policy;
}

static inline char *
test_case_path (const char *name)
{
  return g_build_filename (g_getenv ("SP_REPORT_CASES"), name, NULL);
}

static inline SpCase *
test_load_case (const char *name)
{
  g_autofree char *path = test_case_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  SpCase *case_ = sp_case_new_from_file (test_policy (), file, &error);

  g_assert_no_error (error);
  return case_;
}

static inline GDateTime *
test_timestamp (void)
{
  return g_date_time_new_utc (2026, 6, 15, 14, 30, 0);
}

static inline SpSummary *
test_summary_for_case (SpCase         *case_,
                       SpSummaryFlags  flags)
{
  g_autoptr(SpEvaluation) evaluation = sp_evaluation_new (case_);
  g_autoptr(GDateTime) when = test_timestamp ();

  /* Tests only: production evaluations use the real date. */
  sp_evaluation_set_today (evaluation, TEST_TODAY);
  return sp_summary_new (evaluation, flags, when, TEST_VERSION);
}

static inline SpSummary *
test_summary (const char     *case_name,
              SpSummaryFlags  flags)
{
  g_autoptr(SpCase) case_ = test_load_case (case_name);

  return test_summary_for_case (case_, flags);
}

/* @text with every run of white space made one space, so wrapped lines
 * compare as the sentence they are. */
static inline char *
test_flatten (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \n\t\f\r", -1);
  GString *flat = g_string_new (NULL);

  for (guint i = 0; words[i]; i++)
    if (words[i][0])
      g_string_append_printf (flat, "%s%s", flat->len ? " " : "", words[i]);
  return g_string_free (flat, FALSE);
}
