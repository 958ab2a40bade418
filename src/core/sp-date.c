/* sp-date.c
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

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

/* Reads 1 to @max_digits digits at *@p into *@value. */
static gboolean
read_number (const char **p,
             guint        max_digits,
             guint       *value)
{
  guint n = 0;

  *value = 0;
  while (g_ascii_isdigit (**p) && n < max_digits)
    {
      *value = *value * 10 + (guint) (**p - '0');
      (*p)++;
      n++;
    }
  return n > 0 && !g_ascii_isdigit (**p);
}

/**
 * sp_date_parse_typed:
 * @text: a date as a clinician types it
 * @julian: (out) (optional): the Julian day number
 *
 * Accepts `YYYY-MM-DD` and, day first as written in the UK, `DD/MM/YYYY`
 * and `DD.MM.YYYY` (one or two digits for the day and month, one separator
 * throughout, spaces around the whole ignored). Never month first: an
 * American 03/15/1981 is refused (there is no 15th month) rather than
 * guessed. The year has four digits, so "15/03/81" is not a century
 * guessed at either. The day must exist in that month: 31/02/2026 is
 * refused.
 *
 * Returns: %TRUE if @text is a real calendar date in one of these forms
 */
gboolean
sp_date_parse_typed (const char *text,
                     guint32    *julian)
{
  g_autofree char *stripped = NULL;
  const char *p;
  guint day, month, year;
  char separator;

  g_return_val_if_fail (text != NULL, FALSE);

  stripped = g_strstrip (g_strdup (text));
  if (sp_date_parse (stripped, julian))
    return TRUE;

  p = stripped;
  if (!read_number (&p, 2, &day))
    return FALSE;
  separator = *p;
  if (separator != '/' && separator != '.')
    return FALSE;
  p++;
  if (!read_number (&p, 2, &month) || *p != separator)
    return FALSE;
  p++;
  if (!g_ascii_isdigit (p[0]) || !g_ascii_isdigit (p[1]) ||
      !g_ascii_isdigit (p[2]) || !g_ascii_isdigit (p[3]) || p[4] != '\0')
    return FALSE;
  year = (guint) ((p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0'));

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
 * sp_date_format_long:
 *
 * The date in words, as reasons and summaries write it: "15 June 2026",
 * translated.
 *
 * Returns: (transfer full): @julian in words, or "?" if it is not a date
 */
char *
sp_date_format_long (guint32 julian)
{
  static const char * const months[] = {
    N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
    N_("July"), N_("August"), N_("September"), N_("October"), N_("November"), N_("December"),
  };
  GDate date;

  if (!g_date_valid_julian (julian))
    return g_strdup ("?");
  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  /* TRANSLATORS: a date: day, month name, year, as in "15 June 2026" */
  return g_strdup_printf (_("%u %s %u"), g_date_get_day (&date),
                          _(months[g_date_get_month (&date) - 1]), g_date_get_year (&date));
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
