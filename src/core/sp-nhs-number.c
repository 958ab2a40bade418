/* sp-nhs-number.c
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sp-nhs-number.h"

/**
 * sp_nhs_number_normalize:
 * @text: an NHS number as typed, with or without spaces or hyphens
 *
 * Returns: (transfer full) (nullable): the ten digits, or %NULL when @text
 *   holds anything but ten digits and separators
 */
char *
sp_nhs_number_normalize (const char *text)
{
  GString *digits;

  g_return_val_if_fail (text != NULL, NULL);

  digits = g_string_sized_new (10);
  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (*p != ' ' && *p != '-')
        return (g_string_free (digits, TRUE), NULL);
    }

  if (digits->len != 10)
    return (g_string_free (digits, TRUE), NULL);

  return g_string_free (digits, FALSE);
}

/**
 * sp_nhs_number_is_valid:
 *
 * The NHS Modulus 11 check: weights 10 down to 2 on the first nine digits;
 * 11 minus the remainder is the check digit, 11 reads as 0 and 10 is never
 * issued.
 */
gboolean
sp_nhs_number_is_valid (const char *text)
{
  g_autofree char *digits = NULL;
  guint sum = 0;
  guint check;

  g_return_val_if_fail (text != NULL, FALSE);

  if (!(digits = sp_nhs_number_normalize (text)))
    return FALSE;

  for (guint i = 0; i < 9; i++)
    sum += (digits[i] - '0') * (10 - i);

  check = 11 - (sum % 11);
  if (check == 11)
    check = 0;
  if (check == 10)
    return FALSE;

  return check == (guint) (digits[9] - '0');
}

/**
 * sp_nhs_number_format:
 *
 * Returns: (transfer full) (nullable): @text as `943 476 5919`, or %NULL when
 *   it is not ten digits
 */
char *
sp_nhs_number_format (const char *text)
{
  g_autofree char *digits = sp_nhs_number_normalize (text);

  if (digits == NULL)
    return NULL;

  return g_strdup_printf ("%.3s %.3s %.4s", digits, digits + 3, digits + 6);
}
