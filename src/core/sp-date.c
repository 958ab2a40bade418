/* sp-date.c
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sp-date.h"

/**
 * sp_date_parse:
 * @text: a date written `YYYY-MM-DD`
 * @julian: (out): the Julian day number
 *
 * Parses strictly: exactly four, two and two digits, and a day that exists
 * in that month, so "2025-02-30" is refused rather than rolled over.
 *
 * Returns: %TRUE if @text is a real calendar date
 */
gboolean
sp_date_parse (const char *text,
               guint32    *julian)
{
  guint year = 0, month = 0, day = 0;

  g_return_val_if_fail (text != NULL, FALSE);

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    {
      if (i == 4 || i == 7)
        continue;
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
    }

  year = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
  month = (text[5] - '0') * 10 + (text[6] - '0');
  day = (text[8] - '0') * 10 + (text[9] - '0');

  if (year < 1 || !g_date_valid_dmy (day, month, year))
    return FALSE;

  if (julian != NULL)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, day, month, year);
      *julian = g_date_get_julian (&date);
    }

  return TRUE;
}

/**
 * sp_date_format:
 *
 * Returns: (transfer full): @julian written `YYYY-MM-DD`
 */
char *
sp_date_format (guint32 julian)
{
  GDate date;

  g_return_val_if_fail (g_date_valid_julian (julian), NULL);

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return g_strdup_printf ("%04u-%02u-%02u",
                          g_date_get_year (&date),
                          g_date_get_month (&date),
                          g_date_get_day (&date));
}

/**
 * sp_date_add_months:
 *
 * Adds calendar months, clamping to the end of a shorter month: 12 months
 * after 29 February is 28 February, as the contract requires.
 * (g_date_add_months() clamps the same way; this wrapper keeps the rule in
 * one named place.)
 */
guint32
sp_date_add_months (guint32 julian,
                    guint   months)
{
  GDate date;

  g_return_val_if_fail (g_date_valid_julian (julian), julian);

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  g_date_add_months (&date, months);
  return g_date_get_julian (&date);
}

guint32
sp_date_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date,
                  g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now),
                  g_date_time_get_year (now));
  return g_date_get_julian (&date);
}
