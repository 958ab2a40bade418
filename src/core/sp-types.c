/* sp-types.c
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-types.h"

G_DEFINE_QUARK (sp-error-quark, sp_error)

static const struct {
  const char *id;
  const char *label;
} status_names[SP_N_STATUSES] = {
  [SP_STATUS_URGENT_REFERRAL] = { "urgent_referral", N_("Urgent referral: policy does not apply") },
  [SP_STATUS_SUPPORTED] = { "supported", N_("Supported") },
  [SP_STATUS_CRITERIA_NOT_MET] = { "criteria_not_met", N_("Criteria not met") },
  [SP_STATUS_NEEDS_INFORMATION] = { "needs_information", N_("More information needed") },
  [SP_STATUS_NOT_NORMALLY_FUNDED] = { "not_normally_funded", N_("Not normally funded") },
  [SP_STATUS_EXCEPTIONAL_CASE] = { "exceptional_case",
                                   N_("Individual funding request possible (not an approval)") },
};

/**
 * sp_status_to_string:
 *
 * Returns: the contract's identifier for @status, e.g. `"needs_information"`
 */
const char *
sp_status_to_string (SpStatus status)
{
  g_return_val_if_fail (status < SP_N_STATUSES, NULL);

  return status_names[status].id;
}

gboolean
sp_status_from_string (const char *text,
                       SpStatus   *status)
{
  g_return_val_if_fail (text != NULL, FALSE);

  for (guint i = 0; i < SP_N_STATUSES; i++)
    {
      if (g_str_equal (text, status_names[i].id))
        {
          if (status != NULL)
            *status = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * sp_status_get_label:
 *
 * Returns: the words shown to the clinician for @status, translated
 */
const char *
sp_status_get_label (SpStatus status)
{
  g_return_val_if_fail (status < SP_N_STATUSES, NULL);

  return g_dgettext (GETTEXT_PACKAGE, status_names[status].label);
}

const char *
sp_fact_type_to_string (SpFactType type)
{
  switch (type)
    {
    case SP_FACT_BOOLEAN: return "bool";
    case SP_FACT_CHOICE: return "choice";
    case SP_FACT_CHOICE_LIST: return "choice_list";
    case SP_FACT_INTEGER: return "integer";
    case SP_FACT_NUMBER: return "number";
    case SP_FACT_DATE: return "date";
    case SP_FACT_STRING: return "string";
    case SP_FACT_DECISION_LIST: return "decision_list";
    default: g_return_val_if_reached (NULL);
    }
}
