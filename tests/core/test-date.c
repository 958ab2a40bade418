/* test-date.c: dates as clinicians type them
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sp-core.h"

static char *
typed (const char *text)
{
  guint32 julian;

  if (!sp_date_parse_typed (text, &julian))
    return NULL;
  return sp_date_format (julian);
}

#define assert_typed(text, expected) \
  G_STMT_START { \
    g_autofree char *iso_ = typed (text); \
    g_assert_cmpstr (iso_, ==, (expected)); \
  } G_STMT_END

/* The three ways a UK clinician writes 15 March 1981, day first. */
static void
test_day_first (void)
{
  assert_typed ("15/03/1981", "1981-03-15");
  assert_typed ("15.03.1981", "1981-03-15");
  assert_typed ("1981-03-15", "1981-03-15");
  assert_typed ("5/3/1981", "1981-03-05");
  assert_typed (" 05.03.1981 ", "1981-03-05");
  /* Day first: 03/04 is the 3rd of April, never 4 March. */
  assert_typed ("03/04/2026", "2026-04-03");
  assert_typed ("29/02/2024", "2024-02-29");
}

static void
test_refused (void)
{
  const char *bad[] = {
    "31/02/2026",   /* no such day */
    "29/02/2025",
    "03/15/1981",   /* month first: there is no 15th month */
    "15/03/81",     /* a two-digit year is not guessed at */
    "15/03.1981",   /* mixed separators */
    "15-03-1981",   /* ISO's separator in day-first order */
    "15/03/19811",
    "115/03/1981",
    "15//1981",
    "00/01/2026",
    "01/00/2026",
    "15/03/0000",
    "",
    "/",
    "15/03/1981x",
    "1981-3-15",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("%s", bad[i]);
      g_assert_false (sp_date_parse_typed (bad[i], NULL));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/typed/day-first", test_day_first);
  g_test_add_func ("/date/typed/refused", test_refused);

  return g_test_run ();
}
