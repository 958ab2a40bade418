/* sp-case.c
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "sp-case.h"
#include "sp-core-private.h"
#include "sp-date.h"
#include "sp-fact.h"
#include "sp-nhs-number.h"
#include "sp-policy.h"

/**
 * SpCase:
 *
 * What a clinician has recorded about one patient under one policy. Every
 * fact starts unrecorded: unknown is not "no". Each change emits
 * #SpCase::fact-changed, detailed with the fact's id, and nothing else
 * changes a fact, so the window and the autosave see every edit.
 */
struct _SpCase
{
  GObject    parent_instance;

  SpPolicy  *policy;
  SpValue   *values;      /* one per fact of @policy, by index */
  guint      n_values;

  char      *patient_name;
  char      *nhs_number;
  char      *date_of_birth;
  char      *clinician_name;
  char      *clinician_role;
  char      *notes;

  /* The policy the file was last saved under, as it says; NULL when it
   * does not say (written by hand, by another program, or never saved). */
  char      *saved_policy_id;
  char      *saved_policy_version;
  char      *saved_policy_sha256;
};

G_DEFINE_FINAL_TYPE (SpCase, sp_case, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_POLICY,
  PROP_PATIENT_NAME,
  PROP_NHS_NUMBER,
  PROP_DATE_OF_BIRTH,
  PROP_CLINICIAN_NAME,
  PROP_CLINICIAN_ROLE,
  PROP_NOTES,
  N_PROPS
};

enum {
  FACT_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
sp_case_constructed (GObject *object)
{
  SpCase *self = (SpCase *)object;

  G_OBJECT_CLASS (sp_case_parent_class)->constructed (object);

  g_assert (SP_IS_POLICY (self->policy));
  self->n_values = sp_policy_get_n_facts (self->policy);
  self->values = g_new0 (SpValue, self->n_values);
}

static void
sp_case_dispose (GObject *object)
{
  SpCase *self = (SpCase *)object;

  g_clear_object (&self->policy);

  G_OBJECT_CLASS (sp_case_parent_class)->dispose (object);
}

static void
sp_case_finalize (GObject *object)
{
  SpCase *self = (SpCase *)object;

  for (guint i = 0; i < self->n_values; i++)
    sp_value_clear (&self->values[i]);
  g_clear_pointer (&self->values, g_free);
  g_clear_pointer (&self->patient_name, g_free);
  g_clear_pointer (&self->nhs_number, g_free);
  g_clear_pointer (&self->date_of_birth, g_free);
  g_clear_pointer (&self->clinician_name, g_free);
  g_clear_pointer (&self->clinician_role, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->saved_policy_id, g_free);
  g_clear_pointer (&self->saved_policy_version, g_free);
  g_clear_pointer (&self->saved_policy_sha256, g_free);

  G_OBJECT_CLASS (sp_case_parent_class)->finalize (object);
}

static void
sp_case_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  SpCase *self = SP_CASE (object);

  switch (prop_id)
    {
    case PROP_POLICY:
      g_value_set_object (value, self->policy);
      break;
    case PROP_PATIENT_NAME:
      g_value_set_string (value, self->patient_name);
      break;
    case PROP_NHS_NUMBER:
      g_value_set_string (value, self->nhs_number);
      break;
    case PROP_DATE_OF_BIRTH:
      g_value_set_string (value, self->date_of_birth);
      break;
    case PROP_CLINICIAN_NAME:
      g_value_set_string (value, self->clinician_name);
      break;
    case PROP_CLINICIAN_ROLE:
      g_value_set_string (value, self->clinician_role);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_case_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  SpCase *self = SP_CASE (object);

  switch (prop_id)
    {
    case PROP_POLICY:
      self->policy = g_value_dup_object (value);
      break;
    case PROP_PATIENT_NAME:
      sp_case_set_patient_name (self, g_value_get_string (value));
      break;
    case PROP_CLINICIAN_NAME:
      sp_case_set_clinician_name (self, g_value_get_string (value));
      break;
    case PROP_CLINICIAN_ROLE:
      sp_case_set_clinician_role (self, g_value_get_string (value));
      break;
    case PROP_NOTES:
      sp_case_set_notes (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_case_class_init (SpCaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = sp_case_constructed;
  object_class->dispose = sp_case_dispose;
  object_class->finalize = sp_case_finalize;
  object_class->get_property = sp_case_get_property;
  object_class->set_property = sp_case_set_property;

  properties[PROP_POLICY] =
    g_param_spec_object ("policy", NULL, NULL, SP_TYPE_POLICY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PATIENT_NAME] =
    g_param_spec_string ("patient-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Validated (Modulus 11): set with sp_case_set_nhs_number(). */
  properties[PROP_NHS_NUMBER] =
    g_param_spec_string ("nhs-number", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATE_OF_BIRTH] =
    g_param_spec_string ("date-of-birth", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLINICIAN_NAME] =
    g_param_spec_string ("clinician-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLINICIAN_ROLE] =
    g_param_spec_string ("clinician-role", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SpCase::fact-changed:
   * @fact_id: the fact whose value changed (recorded, changed or cleared)
   *
   * Emitted once per real change, detailed with the fact's id, so a row can
   * connect to `fact-changed::conservative_weeks` alone.
   */
  signals[FACT_CHANGED] =
    g_signal_new ("fact-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
sp_case_init (SpCase *self)
{
}

/**
 * sp_case_new:
 *
 * Returns: (transfer full): a case with nothing recorded
 */
SpCase *
sp_case_new (SpPolicy *policy)
{
  g_return_val_if_fail (SP_IS_POLICY (policy), NULL);

  return g_object_new (SP_TYPE_CASE, "policy", policy, NULL);
}

/**
 * sp_case_copy:
 *
 * Returns: (transfer full): an independent case with the same facts and identity
 */
SpCase *
sp_case_copy (SpCase *self)
{
  SpCase *copy;

  g_return_val_if_fail (SP_IS_CASE (self), NULL);

  copy = sp_case_new (self->policy);
  for (guint i = 0; i < self->n_values; i++)
    sp_value_copy (&copy->values[i], &self->values[i]);
  copy->patient_name = g_strdup (self->patient_name);
  copy->nhs_number = g_strdup (self->nhs_number);
  copy->date_of_birth = g_strdup (self->date_of_birth);
  copy->clinician_name = g_strdup (self->clinician_name);
  copy->clinician_role = g_strdup (self->clinician_role);
  copy->notes = g_strdup (self->notes);
  sp_case_set_saved_policy (copy, self->saved_policy_id, self->saved_policy_version,
                            self->saved_policy_sha256);
  return copy;
}

/**
 * sp_case_get_policy:
 *
 * Returns: (transfer none): the policy whose facts this case records
 */
SpPolicy *
sp_case_get_policy (SpCase *self)
{
  g_return_val_if_fail (SP_IS_CASE (self), NULL);
  return self->policy;
}

const SpValue *
sp_case_get_values (SpCase *self)
{
  g_assert (SP_IS_CASE (self));
  return self->values;
}

/* Every change to a fact comes through here, so the signal is never missed
 * and never emitted for a non-change. */
void
sp_case_set_value (SpCase        *self,
                   guint          fact_index,
                   const SpValue *value)
{
  SpFact *fact;

  g_assert (SP_IS_CASE (self));
  g_assert (fact_index < self->n_values);

  if (sp_value_equal (&self->values[fact_index], value))
    return;

  sp_value_copy (&self->values[fact_index], value);
  fact = sp_policy_get_fact (self->policy, fact_index);
  g_signal_emit (self, signals[FACT_CHANGED],
                 g_quark_from_string (sp_fact_get_id (fact)),
                 sp_fact_get_id (fact));
}

static SpFact *
lookup_fact (SpCase     *self,
             const char *fact_id,
             SpFactType  type)
{
  SpFact *fact = sp_policy_lookup_fact (self->policy, fact_id);

  if (fact == NULL)
    {
      g_critical ("The policy has no fact \"%s\"", fact_id);
      return NULL;
    }
  if ((gint) type >= 0 && sp_fact_get_fact_type (fact) != type &&
      !(type == SP_FACT_CHOICE_LIST && sp_fact_get_fact_type (fact) == SP_FACT_DECISION_LIST) &&
      !(type == SP_FACT_NUMBER && sp_fact_get_fact_type (fact) == SP_FACT_INTEGER))
    {
      g_critical ("Fact \"%s\" is a %s fact, not %s", fact_id,
                  sp_fact_type_to_string (sp_fact_get_fact_type (fact)),
                  sp_fact_type_to_string (type));
      return NULL;
    }
  return fact;
}

gboolean
sp_case_is_recorded (SpCase     *self,
                     const char *fact_id)
{
  SpFact *fact;

  g_return_val_if_fail (SP_IS_CASE (self), FALSE);
  g_return_val_if_fail (fact_id != NULL, FALSE);

  if (!(fact = lookup_fact (self, fact_id, -1)))
    return FALSE;
  return self->values[sp_fact_get_index (fact)].recorded;
}

/**
 * sp_case_clear_fact:
 *
 * Returns the fact to "not recorded", which is not the same as "no".
 */
void
sp_case_clear_fact (SpCase     *self,
                    const char *fact_id)
{
  SpValue unknown = { 0 };
  SpFact *fact;

  g_return_if_fail (SP_IS_CASE (self));
  g_return_if_fail (fact_id != NULL);

  if ((fact = lookup_fact (self, fact_id, -1)))
    sp_case_set_value (self, sp_fact_get_index (fact), &unknown);
}

void
sp_case_clear_all (SpCase *self)
{
  SpValue unknown = { 0 };

  g_return_if_fail (SP_IS_CASE (self));

  for (guint i = 0; i < self->n_values; i++)
    sp_case_set_value (self, i, &unknown);
}

guint
sp_case_get_n_recorded (SpCase *self)
{
  guint count = 0;

  g_return_val_if_fail (SP_IS_CASE (self), 0);

  for (guint i = 0; i < self->n_values; i++)
    count += !!self->values[i].recorded;
  return count;
}

void
sp_case_set_boolean (SpCase     *self,
                     const char *fact_id,
                     gboolean    value)
{
  SpValue new_value = { .recorded = TRUE };
  SpFact *fact;

  g_return_if_fail (SP_IS_CASE (self));

  if (!(fact = lookup_fact (self, fact_id, SP_FACT_BOOLEAN)))
    return;
  new_value.boolean = !!value;
  sp_case_set_value (self, sp_fact_get_index (fact), &new_value);
}

/**
 * sp_case_get_boolean:
 *
 * Returns: the recorded answer; check sp_case_is_recorded() first, since
 *   an unrecorded fact reads as %FALSE here and is not "no"
 */
gboolean
sp_case_get_boolean (SpCase     *self,
                     const char *fact_id)
{
  SpFact *fact;

  g_return_val_if_fail (SP_IS_CASE (self), FALSE);

  if (!(fact = lookup_fact (self, fact_id, SP_FACT_BOOLEAN)))
    return FALSE;
  return self->values[sp_fact_get_index (fact)].boolean;
}

static gboolean
set_from_json (SpCase      *self,
               SpFact      *fact,
               JsonNode    *node,
               GError     **error)
{
  g_autofree char *problem = NULL;
  SpValue value;

  if (!sp_fact_parse_value (fact, node, &value, &problem))
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID_CASE, "%s: %s",
                   sp_fact_get_label (fact), problem);
      return FALSE;
    }
  sp_case_set_value (self, sp_fact_get_index (fact), &value);
  sp_value_clear (&value);
  return TRUE;
}

/**
 * sp_case_set_number:
 *
 * Returns: %FALSE, leaving the fact as it was, when @value is out of the
 *   fact's range or not whole for an integer fact
 */
gboolean
sp_case_set_number (SpCase      *self,
                    const char  *fact_id,
                    double       value,
                    GError     **error)
{
  g_autoptr(JsonNode) node = NULL;
  SpFact *fact;

  g_return_val_if_fail (SP_IS_CASE (self), FALSE);

  if (!(fact = lookup_fact (self, fact_id, SP_FACT_NUMBER)))
    return FALSE;
  node = json_node_new (JSON_NODE_VALUE);
  json_node_set_double (node, value);
  return set_from_json (self, fact, node, error);
}

double
sp_case_get_number (SpCase     *self,
                    const char *fact_id)
{
  SpFact *fact;

  g_return_val_if_fail (SP_IS_CASE (self), 0);

  if (!(fact = lookup_fact (self, fact_id, SP_FACT_NUMBER)))
    return 0;
  return self->values[sp_fact_get_index (fact)].number;
}

void
sp_case_set_choice (SpCase     *self,
                    const char *fact_id,
                    const char *choice_id)
{
  SpValue value = { .recorded = TRUE };
  SpFact *fact;

  g_return_if_fail (SP_IS_CASE (self));
  g_return_if_fail (choice_id != NULL);

  if (!(fact = lookup_fact (self, fact_id, SP_FACT_CHOICE)))
    return;
  if (!sp_fact_lookup_choice (fact, choice_id, &value.choice))
    {
      g_critical ("\"%s\" is not a choice of \"%s\"", choice_id, fact_id);
      return;
    }
  sp_case_set_value (self, sp_fact_get_index (fact), &value);
}

/**
 * sp_case_get_choice:
 *
 * Returns: (nullable): the recorded choice's id, or %NULL when not recorded
 */
const char *
sp_case_get_choice (SpCase     *self,
                    const char *fact_id)
{
  const SpValue *value;
  SpFact *fact;

  g_return_val_if_fail (SP_IS_CASE (self), NULL);

  if (!(fact = lookup_fact (self, fact_id, SP_FACT_CHOICE)))
    return NULL;
  value = &self->values[sp_fact_get_index (fact)];
  return value->recorded ? sp_fact_get_choice_id (fact, value->choice) : NULL;
}

/**
 * sp_case_set_choice_list:
 * @choice_ids: (array zero-terminated=1): the choices; empty is a recorded "none"
 */
void
sp_case_set_choice_list (SpCase             *self,
                         const char         *fact_id,
                         const char * const *choice_ids)
{
  SpValue value = { .recorded = TRUE };
  SpFact *fact;

  g_return_if_fail (SP_IS_CASE (self));
  g_return_if_fail (choice_ids != NULL);

  if (!(fact = lookup_fact (self, fact_id, SP_FACT_CHOICE_LIST)))
    return;
  for (guint i = 0; choice_ids[i]; i++)
    {
      guint index;

      if (!sp_fact_lookup_choice (fact, choice_ids[i], &index))
        {
          g_critical ("\"%s\" is not a choice of \"%s\"", choice_ids[i], fact_id);
          return;
        }
      value.list |= G_GUINT64_CONSTANT (1) << index;
    }
  sp_case_set_value (self, sp_fact_get_index (fact), &value);
}

/**
 * sp_case_dup_choice_list:
 *
 * Returns: (transfer full) (nullable): the recorded choices in the fact's
 *   order, or %NULL when not recorded
 */
char **
sp_case_dup_choice_list (SpCase     *self,
                         const char *fact_id)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  const SpValue *value;
  SpFact *fact;

  g_return_val_if_fail (SP_IS_CASE (self), NULL);

  if (!(fact = lookup_fact (self, fact_id, SP_FACT_CHOICE_LIST)))
    return NULL;
  value = &self->values[sp_fact_get_index (fact)];
  if (!value->recorded)
    return NULL;

  builder = g_strv_builder_new ();
  for (guint i = 0; i < sp_fact_get_n_choices (fact); i++)
    if (value->list & (G_GUINT64_CONSTANT (1) << i))
      g_strv_builder_add (builder, sp_fact_get_choice_id (fact, i));
  return g_strv_builder_end (builder);
}

gboolean
sp_case_set_date (SpCase      *self,
                  const char  *fact_id,
                  const char  *date,
                  GError     **error)
{
  g_autoptr(JsonNode) node = NULL;
  SpFact *fact;

  g_return_val_if_fail (SP_IS_CASE (self), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  if (!(fact = lookup_fact (self, fact_id, SP_FACT_DATE)))
    return FALSE;
  node = json_node_new (JSON_NODE_VALUE);
  json_node_set_string (node, date);
  return set_from_json (self, fact, node, error);
}

/**
 * sp_case_dup_date:
 *
 * Returns: (transfer full) (nullable): the date as `YYYY-MM-DD`, or %NULL
 */
char *
sp_case_dup_date (SpCase     *self,
                  const char *fact_id)
{
  const SpValue *value;
  SpFact *fact;

  g_return_val_if_fail (SP_IS_CASE (self), NULL);

  if (!(fact = lookup_fact (self, fact_id, SP_FACT_DATE)))
    return NULL;
  value = &self->values[sp_fact_get_index (fact)];
  return value->recorded ? sp_date_format (value->date) : NULL;
}

gboolean
sp_case_set_string (SpCase      *self,
                    const char  *fact_id,
                    const char  *text,
                    GError     **error)
{
  g_autoptr(JsonNode) node = NULL;
  SpFact *fact;

  g_return_val_if_fail (SP_IS_CASE (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (!(fact = lookup_fact (self, fact_id, SP_FACT_STRING)))
    return FALSE;
  node = json_node_new (JSON_NODE_VALUE);
  json_node_set_string (node, text);
  return set_from_json (self, fact, node, error);
}

const char *
sp_case_get_string (SpCase     *self,
                    const char *fact_id)
{
  SpFact *fact;

  g_return_val_if_fail (SP_IS_CASE (self), NULL);

  if (!(fact = lookup_fact (self, fact_id, SP_FACT_STRING)))
    return NULL;
  return self->values[sp_fact_get_index (fact)].string;
}

/**
 * sp_case_describe_fact:
 *
 * Returns: (transfer full): the recorded value in words, or "not recorded"
 */
char *
sp_case_describe_fact (SpCase     *self,
                       const char *fact_id)
{
  SpFact *fact;

  g_return_val_if_fail (SP_IS_CASE (self), NULL);

  if (!(fact = lookup_fact (self, fact_id, -1)))
    return NULL;
  return sp_fact_describe_value (fact, &self->values[sp_fact_get_index (fact)]);
}

static gboolean
set_string_field (SpCase     *self,
                  char      **field,
                  const char *value,
                  guint       prop_id)
{
  if (value != NULL && value[0] == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  return TRUE;
}

const char *
sp_case_get_patient_name (SpCase *self)
{
  g_return_val_if_fail (SP_IS_CASE (self), NULL);
  return self->patient_name;
}

void
sp_case_set_patient_name (SpCase     *self,
                          const char *name)
{
  g_return_if_fail (SP_IS_CASE (self));
  set_string_field (self, &self->patient_name, name, PROP_PATIENT_NAME);
}

/**
 * sp_case_get_nhs_number:
 *
 * Returns: (nullable): the NHS number as `943 476 5919`
 */
const char *
sp_case_get_nhs_number (SpCase *self)
{
  g_return_val_if_fail (SP_IS_CASE (self), NULL);
  return self->nhs_number;
}

/**
 * sp_case_set_nhs_number:
 * @nhs_number: (nullable): ten digits, spaces allowed; %NULL or "" clears it
 *
 * Returns: %FALSE, keeping the old number, when @nhs_number fails the
 *   Modulus 11 check
 */
gboolean
sp_case_set_nhs_number (SpCase      *self,
                        const char  *nhs_number,
                        GError     **error)
{
  g_autofree char *formatted = NULL;

  g_return_val_if_fail (SP_IS_CASE (self), FALSE);

  if (nhs_number != NULL && nhs_number[0] != '\0')
    {
      if (!sp_nhs_number_is_valid (nhs_number))
        {
          g_set_error (error, SP_ERROR, SP_ERROR_INVALID_CASE,
                       "\"%s\" is not a valid NHS number: it must be ten digits "
                       "that pass the Modulus 11 check", nhs_number);
          return FALSE;
        }
      formatted = sp_nhs_number_format (nhs_number);
    }
  set_string_field (self, &self->nhs_number, formatted, PROP_NHS_NUMBER);
  return TRUE;
}

const char *
sp_case_get_date_of_birth (SpCase *self)
{
  g_return_val_if_fail (SP_IS_CASE (self), NULL);
  return self->date_of_birth;
}

gboolean
sp_case_set_date_of_birth (SpCase      *self,
                           const char  *date,
                           GError     **error)
{
  g_return_val_if_fail (SP_IS_CASE (self), FALSE);

  if (date != NULL && date[0] != '\0' && !sp_date_parse (date, NULL))
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID_CASE,
                   "\"%s\" is not a real calendar date written YYYY-MM-DD", date);
      return FALSE;
    }
  set_string_field (self, &self->date_of_birth, date, PROP_DATE_OF_BIRTH);
  return TRUE;
}

const char *
sp_case_get_clinician_name (SpCase *self)
{
  g_return_val_if_fail (SP_IS_CASE (self), NULL);
  return self->clinician_name;
}

void
sp_case_set_clinician_name (SpCase     *self,
                            const char *name)
{
  g_return_if_fail (SP_IS_CASE (self));
  set_string_field (self, &self->clinician_name, name, PROP_CLINICIAN_NAME);
}

const char *
sp_case_get_clinician_role (SpCase *self)
{
  g_return_val_if_fail (SP_IS_CASE (self), NULL);
  return self->clinician_role;
}

void
sp_case_set_clinician_role (SpCase     *self,
                            const char *role)
{
  g_return_if_fail (SP_IS_CASE (self));
  set_string_field (self, &self->clinician_role, role, PROP_CLINICIAN_ROLE);
}

const char *
sp_case_get_notes (SpCase *self)
{
  g_return_val_if_fail (SP_IS_CASE (self), NULL);
  return self->notes;
}

void
sp_case_set_notes (SpCase     *self,
                   const char *notes)
{
  g_return_if_fail (SP_IS_CASE (self));
  set_string_field (self, &self->notes, notes, PROP_NOTES);
}

/**
 * sp_case_set_saved_policy:
 * @id: (nullable): the policy's id, as the case file records it
 * @version: (nullable): its version
 * @sha256: (nullable): the SHA-256 of its file, in lower-case hex
 *
 * Remembers which policy the case file says it was saved under, so that
 * opening it under another can say so: the same facts may then give other
 * decisions. The case is always evaluated under its own policy
 * (sp_case_get_policy()); saving it records that one.
 */
void
sp_case_set_saved_policy (SpCase     *self,
                          const char *id,
                          const char *version,
                          const char *sha256)
{
  char *new_id, *new_version, *new_sha256;

  g_return_if_fail (SP_IS_CASE (self));

  /* Copied first: the arguments may be the case's own strings. */
  new_id = g_strdup (id);
  new_version = g_strdup (version);
  new_sha256 = g_strdup (sha256);
  g_free (self->saved_policy_id);
  g_free (self->saved_policy_version);
  g_free (self->saved_policy_sha256);
  self->saved_policy_id = new_id;
  self->saved_policy_version = new_version;
  self->saved_policy_sha256 = new_sha256;
}

const char *
sp_case_get_saved_policy_id (SpCase *self)
{
  g_return_val_if_fail (SP_IS_CASE (self), NULL);
  return self->saved_policy_id;
}

const char *
sp_case_get_saved_policy_version (SpCase *self)
{
  g_return_val_if_fail (SP_IS_CASE (self), NULL);
  return self->saved_policy_version;
}

const char *
sp_case_get_saved_policy_sha256 (SpCase *self)
{
  g_return_val_if_fail (SP_IS_CASE (self), NULL);
  return self->saved_policy_sha256;
}

/**
 * sp_case_was_saved_under_other_policy:
 *
 * Returns: whether the case file names a policy, and it is not the one the
 *   case is evaluated under (compared by SHA-256: a reworded clause with
 *   the same version number is another policy)
 */
gboolean
sp_case_was_saved_under_other_policy (SpCase *self)
{
  g_return_val_if_fail (SP_IS_CASE (self), FALSE);

  return self->saved_policy_sha256 != NULL &&
         g_strcmp0 (self->saved_policy_sha256, sp_policy_get_sha256 (self->policy)) != 0;
}
