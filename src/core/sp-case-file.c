/* sp-case-file.c: the case-file format of the contract
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>

#include "sp-case.h"
#include "sp-core-private.h"
#include "sp-implications.h"
#include "sp-json-gate.h"
#include "sp-date.h"
#include "sp-fact.h"
#include "sp-nhs-number.h"
#include "sp-policy.h"

/* Reading is strict on purpose: a misspelt fact that was quietly ignored
 * would quietly change a decision. Every error names the file and member. */

static gboolean
read_person (JsonObject          *root,
             const char          *member,
             const char * const  *allowed,
             const char          *file,
             JsonObject         **out,
             GError             **error)
{
  *out = NULL;
  if (!json_object_has_member (root, member))
    return TRUE;
  if (!(*out = sp_json_get_object (root, member, TRUE, file, "", SP_ERROR_INVALID_CASE, error)))
    return FALSE;
  return sp_json_check_members (*out, allowed, file, member, SP_ERROR_INVALID_CASE, error);
}

/* Limits no real record comes near (README, "Limits"); past them the text
 * is refused, not cut, so nothing entered is lost without a word. */
#define MAX_NAME_CHARACTERS  SP_CASE_MAX_NAME_CHARACTERS
#define MAX_NOTES_CHARACTERS SP_CASE_MAX_NOTES_CHARACTERS

static gboolean
check_length (const char  *text,
              glong        max_characters,
              const char  *file,
              const char  *member,
              GError     **error)
{
  glong length;

  if (text == NULL)
    return TRUE;
  length = g_utf8_strlen (text, -1);
  if (length <= max_characters)
    return TRUE;
  sp_set_member_error (error, SP_ERROR_INVALID_CASE, file, member,
                       "too long (%ld characters; at most %ld)", length, max_characters);
  return FALSE;
}

static gboolean
read_identity (SpCase      *self,
               JsonObject  *root,
               const char  *file,
               GError     **error)
{
  static const char * const patient_members[] = { "name", "nhs_number", "date_of_birth", NULL };
  static const char * const clinician_members[] = { "name", "role", NULL };
  JsonObject *patient, *clinician;
  const char *name = NULL, *nhs_number = NULL, *date_of_birth = NULL, *role = NULL, *notes = NULL;

  if (!read_person (root, "patient", patient_members, file, &patient, error) ||
      !read_person (root, "clinician", clinician_members, file, &clinician, error))
    return FALSE;

  if (patient != NULL)
    {
      if (!sp_json_get_string (patient, "name", FALSE, file, "patient", SP_ERROR_INVALID_CASE, &name, error) ||
          !sp_json_get_string (patient, "nhs_number", FALSE, file, "patient", SP_ERROR_INVALID_CASE, &nhs_number, error) ||
          !sp_json_get_string (patient, "date_of_birth", FALSE, file, "patient", SP_ERROR_INVALID_CASE, &date_of_birth, error) ||
          !check_length (name, MAX_NAME_CHARACTERS, file, "patient.name", error))
        return FALSE;
      if (nhs_number != NULL && !sp_nhs_number_is_valid (nhs_number))
        {
          sp_set_member_error (error, SP_ERROR_INVALID_CASE, file, "patient.nhs_number",
                               "\"%s\" is not a valid NHS number (ten digits passing the Modulus 11 check)",
                               nhs_number);
          return FALSE;
        }
      if (date_of_birth != NULL && !sp_date_parse (date_of_birth, NULL))
        {
          sp_set_member_error (error, SP_ERROR_INVALID_CASE, file, "patient.date_of_birth",
                               "\"%s\" is not a real calendar date written YYYY-MM-DD", date_of_birth);
          return FALSE;
        }
      if (self != NULL)
        {
          sp_case_set_patient_name (self, name);
          sp_case_set_nhs_number (self, nhs_number, NULL);
          sp_case_set_date_of_birth (self, date_of_birth, NULL);
        }
    }

  if (clinician != NULL)
    {
      if (!sp_json_get_string (clinician, "name", FALSE, file, "clinician", SP_ERROR_INVALID_CASE, &name, error) ||
          !sp_json_get_string (clinician, "role", FALSE, file, "clinician", SP_ERROR_INVALID_CASE, &role, error) ||
          !check_length (name, MAX_NAME_CHARACTERS, file, "clinician.name", error) ||
          !check_length (role, MAX_NAME_CHARACTERS, file, "clinician.role", error))
        return FALSE;
      if (self != NULL)
        {
          sp_case_set_clinician_name (self, name);
          sp_case_set_clinician_role (self, role);
        }
    }

  if (json_object_has_member (root, "notes") &&
      !JSON_NODE_HOLDS_NULL (json_object_get_member (root, "notes")))
    {
      if (!sp_json_get_string (root, "notes", TRUE, file, "", SP_ERROR_INVALID_CASE, &notes, error) ||
          !check_length (notes, MAX_NOTES_CHARACTERS, file, "notes", error))
        return FALSE;
      if (self != NULL)
        sp_case_set_notes (self, notes);
    }

  return TRUE;
}

/* The saved policy's digest as the app writes it: the fast batch reader
 * checks it with this too, never with a copy. */
gboolean
sp_is_sha256_hex (const char *text)
{
  gsize i;

  for (i = 0; text[i] != '\0'; i++)
    if (!g_ascii_isdigit (text[i]) && !(text[i] >= 'a' && text[i] <= 'f'))
      return FALSE;
  return i == 64;
}

/* Which policy the file was saved under: the app writes it so that opening
 * the case under another can say so. Absent from files written by hand or
 * by other programs, which is allowed; present, it must be whole. */
static gboolean
read_saved_policy (SpCase      *self,
                   JsonObject  *root,
                   const char  *file,
                   GError     **error)
{
  static const char * const policy_members[] = { "id", "version", "sha256", NULL };
  JsonObject *policy;
  const char *id, *version, *sha256;

  if (!read_person (root, "policy", policy_members, file, &policy, error))
    return FALSE;
  if (policy == NULL)
    return TRUE;
  if (!sp_json_get_string (policy, "id", TRUE, file, "policy", SP_ERROR_INVALID_CASE, &id, error) ||
      !sp_json_get_string (policy, "version", TRUE, file, "policy", SP_ERROR_INVALID_CASE, &version, error) ||
      !sp_json_get_string (policy, "sha256", TRUE, file, "policy", SP_ERROR_INVALID_CASE, &sha256, error) ||
      !check_length (id, MAX_NAME_CHARACTERS, file, "policy.id", error) ||
      !check_length (version, MAX_NAME_CHARACTERS, file, "policy.version", error))
    return FALSE;
  if (!sp_is_sha256_hex (sha256))
    {
      sp_set_member_error (error, SP_ERROR_INVALID_CASE, file, "policy.sha256",
                           "must be 64 lower-case hexadecimal digits");
      return FALSE;
    }
  if (self != NULL)
    sp_case_set_saved_policy (self, id, version, sha256);
  return TRUE;
}

/**
 * sp_case_check_constraints:
 *
 * Refuses contradictions the policy file names as constraints (e.g. weeks
 * of conservative care recorded when it has not started).
 */
gboolean
sp_case_check_constraints (SpCase      *self,
                           const char  *file,
                           GError     **error)
{
  return sp_values_check_constraints (sp_case_get_policy (self), sp_case_get_values (self), 0, file, error);
}

/**
 * sp_values_check_constraints:
 * @today: the date a constraint reads when the assessment date is not
 *   recorded, or 0 for the real today. Batch evaluation passes the date it
 *   evaluates with, once for all its lines: asking the clock and the time
 *   zone per case cost more than checking the case.
 */
gboolean
sp_values_check_constraints (SpPolicy       *policy,
                             const SpValue  *values,
                             guint32         today,
                             const char     *file,
                             GError        **error)
{
  const SpScreening *screening = sp_policy_get_screening (policy);
  const SpConstraint *constraints;
  SpEvalContext context = { 0 };
  guint n;

  context.values = values;
  context.today = today != 0 ? today : sp_date_today ();
  context.assessment_date_fact = screening->assessment_date;

  constraints = sp_policy_get_constraints (policy, &n);
  for (guint i = 0; i < n; i++)
    {
      if (sp_expr_evaluate (constraints[i].must, &context) == SP_TRUTH_FALSE)
        {
          g_autofree char *member = g_strconcat ("facts.", constraints[i].member, NULL);

          sp_set_member_error (error, SP_ERROR_INVALID_CASE, file, member, "%s", constraints[i].message);
          return FALSE;
        }
    }

  /* Two constraints can contradict each other through a fact nobody
   * recorded (one says it must be yes, another no): no value is left for
   * it, and the case is refused like any other contradiction. */
  if (n > 0)
    {
      SpDomain domains[SP_MAX_FACTS];
      SpFactSet because[SP_MAX_FACTS];
      SpImplications implications = { .domains = domains, .because = because };

      sp_implications_compute (policy, values, context.today, &implications);
      if (implications.contradiction >= 0)
        {
          const SpConstraint *constraint = &constraints[implications.contradiction];
          g_autofree char *member = g_strconcat ("facts.", constraint->member, NULL);

          sp_set_member_error (error, SP_ERROR_INVALID_CASE, file, member, "%s", constraint->message);
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * sp_values_from_json_node:
 * @values: (out caller-allocates): one per fact of @policy, cleared first;
 *   clear them with sp_value_clear() after use
 * @today: for sp_values_check_constraints(); 0 for the real today
 * @case_: (nullable): where to put the patient, clinician and notes, or
 *   %NULL to only check them
 *
 * Reads and checks a case in the contract's format without building an
 * #SpCase: batch evaluation reads many cases in several threads, and needs
 * no objects or signals to do it.
 */
gboolean
sp_values_from_json_node (SpPolicy    *policy,
                          JsonNode    *root_node,
                          const char  *file,
                          guint32      today,
                          SpValue     *values,
                          SpCase      *case_,
                          GError     **error)
{
  static const char * const allowed[] = {
    "format", "format_version", "facts", "patient", "clinician", "notes", "policy", NULL
  };
  JsonObject *root, *facts;
  JsonObjectIter iter;
  const char *format, *member;
  JsonNode *fact_node;
  double version;

  for (guint i = 0; i < sp_policy_get_n_facts (policy); i++)
    sp_value_clear (&values[i]);

  if (root_node == NULL || !JSON_NODE_HOLDS_OBJECT (root_node))
    {
      sp_set_member_error (error, SP_ERROR_INVALID_CASE, file, NULL,
                           "not a Spinal Pathways case: the file must hold a JSON object");
      return FALSE;
    }
  root = json_node_get_object (root_node);

  if (!sp_json_get_string (root, "format", TRUE, file, "", SP_ERROR_INVALID_CASE, &format, error))
    return FALSE;
  if (!g_str_equal (format, SP_CASE_FORMAT))
    {
      sp_set_member_error (error, SP_ERROR_INVALID_CASE, file, "format",
                           "not a Spinal Pathways case (expected \"%s\")", SP_CASE_FORMAT);
      return FALSE;
    }
  if (!sp_json_get_number (root, "format_version", TRUE, file, "", SP_ERROR_INVALID_CASE, &version, error))
    return FALSE;
  if (!(version >= 1) || version != floor (version))
    {
      sp_set_member_error (error, SP_ERROR_INVALID_CASE, file, "format_version",
                           "must be a whole number from 1");
      return FALSE;
    }
  /* Never guess at a newer format: its facts may mean something we do not know. */
  if (version > SP_CASE_FORMAT_VERSION)
    {
      sp_set_member_error (error, SP_ERROR_NEWER_FORMAT, file, "format_version",
                           "written by a newer version of Spinal Pathways (format %g; this "
                           "version reads up to %d): open it with that version", version,
                           SP_CASE_FORMAT_VERSION);
      return FALSE;
    }
  if (!sp_json_check_members (root, allowed, file, "", SP_ERROR_INVALID_CASE, error) ||
      !(facts = sp_json_get_object (root, "facts", TRUE, file, "", SP_ERROR_INVALID_CASE, error)))
    return FALSE;

  json_object_iter_init (&iter, facts);
  while (json_object_iter_next (&iter, &member, &fact_node))
    {
      SpFact *fact = sp_policy_lookup_fact (policy, member);
      g_autofree char *problem = NULL;

      if (fact == NULL)
        {
          g_autofree char *path = g_strconcat ("facts.", member, NULL);

          sp_set_member_error (error, SP_ERROR_INVALID_CASE, file, path,
                               "unknown fact (see `spinal-pathways-cli facts` for the vocabulary)");
          return FALSE;
        }
      sp_value_clear (&values[sp_fact_get_index (fact)]);
      if (!sp_fact_parse_value (fact, fact_node, &values[sp_fact_get_index (fact)], &problem))
        {
          g_autofree char *path = g_strconcat ("facts.", member, NULL);

          sp_set_member_error (error, SP_ERROR_INVALID_CASE, file, path, "%s", problem);
          return FALSE;
        }
    }

  return sp_values_check_constraints (policy, values, today, file, error) &&
         read_identity (case_, root, file, error) &&
         read_saved_policy (case_, root, file, error);
}

static SpCase *
case_from_root (SpPolicy    *policy,
                JsonNode    *root_node,
                const char  *file,
                GError     **error)
{
  g_autoptr(SpCase) self = sp_case_new (policy);
  guint n_facts = sp_policy_get_n_facts (policy);
  g_autofree SpValue *values = g_new0 (SpValue, n_facts);
  gboolean ok;

  ok = sp_values_from_json_node (policy, root_node, file, 0, values, self, error);
  for (guint i = 0; i < n_facts; i++)
    {
      if (ok)
        sp_case_set_value (self, i, &values[i]);
      sp_value_clear (&values[i]);
    }

  return ok ? g_steal_pointer (&self) : NULL;
}

SpCase *
sp_case_new_from_json_node (SpPolicy    *policy,
                            JsonNode    *root,
                            const char  *display_name,
                            GError     **error)
{
  g_return_val_if_fail (SP_IS_POLICY (policy), NULL);

  return case_from_root (policy, root, display_name ? display_name : "case", error);
}

/**
 * sp_case_new_from_bytes:
 * @display_name: how to name the file in error messages
 *
 * Returns: (transfer full): the case, or %NULL with @error naming the file
 *   and the member that is wrong
 */
SpCase *
sp_case_new_from_bytes (SpPolicy    *policy,
                        GBytes      *bytes,
                        const char  *display_name,
                        GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  const char *file = display_name ? display_name : "case";
  const char *data;
  gsize size, offset = 0;

  g_return_val_if_fail (SP_IS_POLICY (policy), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (size > SP_CASE_FILE_MAX_SIZE)
    {
      sp_set_member_error (error, SP_ERROR_INVALID_CASE, file, NULL,
                           "too large for a case file (%" G_GSIZE_FORMAT " bytes; at most %u)",
                           size, SP_CASE_FILE_MAX_SIZE);
      return NULL;
    }
  if (!sp_json_gate_check (data, size, file, SP_ERROR_INVALID_CASE, &offset, error))
    return NULL;
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data + offset, size - offset, &parse_error))
    {
      sp_set_member_error (error, SP_ERROR_INVALID_CASE, file, NULL,
                           "not a Spinal Pathways case: not valid JSON (%s)", parse_error->message);
      return NULL;
    }

  return case_from_root (policy, json_parser_get_root (parser), file, error);
}

SpCase *
sp_case_new_from_file (SpPolicy  *policy,
                       GFile     *file,
                       GError   **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (SP_IS_POLICY (policy), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);
  if (!(bytes = g_file_load_bytes (file, NULL, NULL, &local_error)))
    {
      g_set_error (error, SP_ERROR, SP_ERROR_FAILED, "%s: cannot read: %s", name, local_error->message);
      return NULL;
    }
  return sp_case_new_from_bytes (policy, bytes, name, error);
}

/**
 * sp_case_serialize:
 *
 * Writes the case in the contract's format. The assessment date is always
 * written (today, when none was recorded), so reopening the file later
 * gives the same decisions.
 *
 * Returns: (transfer full): the file's contents, UTF-8 JSON
 */
GBytes *
sp_case_serialize (SpCase *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  SpPolicy *policy;
  const SpScreening *screening;
  const SpValue *values;
  char *text;
  gsize length;

  g_return_val_if_fail (SP_IS_CASE (self), NULL);

  policy = sp_case_get_policy (self);
  screening = sp_policy_get_screening (policy);
  values = sp_case_get_values (self);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, SP_CASE_FORMAT);
  json_builder_set_member_name (builder, "format_version");
  json_builder_add_int_value (builder, SP_CASE_FORMAT_VERSION);

  /* The policy the decisions were made under, so that opening the case
   * under another can say the decisions may differ. */
  json_builder_set_member_name (builder, "policy");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, sp_policy_get_id (policy));
  json_builder_set_member_name (builder, "version");
  json_builder_add_string_value (builder, sp_policy_get_version (policy));
  json_builder_set_member_name (builder, "sha256");
  json_builder_add_string_value (builder, sp_policy_get_sha256 (policy));
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "facts");
  json_builder_begin_object (builder);
  for (guint i = 0; i < sp_policy_get_n_facts (policy); i++)
    {
      SpFact *fact = sp_policy_get_fact (policy, i);

      if (values[i].recorded)
        {
          json_builder_set_member_name (builder, sp_fact_get_id (fact));
          sp_fact_write_value (fact, &values[i], builder);
        }
      else if ((gint) i == screening->assessment_date)
        {
          g_autofree char *today = sp_date_format (sp_date_today ());

          json_builder_set_member_name (builder, sp_fact_get_id (fact));
          json_builder_add_string_value (builder, today);
        }
    }
  json_builder_end_object (builder);

  if (sp_case_get_patient_name (self) || sp_case_get_nhs_number (self) || sp_case_get_date_of_birth (self))
    {
      json_builder_set_member_name (builder, "patient");
      json_builder_begin_object (builder);
      if (sp_case_get_patient_name (self))
        {
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, sp_case_get_patient_name (self));
        }
      if (sp_case_get_nhs_number (self))
        {
          json_builder_set_member_name (builder, "nhs_number");
          json_builder_add_string_value (builder, sp_case_get_nhs_number (self));
        }
      if (sp_case_get_date_of_birth (self))
        {
          json_builder_set_member_name (builder, "date_of_birth");
          json_builder_add_string_value (builder, sp_case_get_date_of_birth (self));
        }
      json_builder_end_object (builder);
    }

  if (sp_case_get_clinician_name (self) || sp_case_get_clinician_role (self))
    {
      json_builder_set_member_name (builder, "clinician");
      json_builder_begin_object (builder);
      if (sp_case_get_clinician_name (self))
        {
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, sp_case_get_clinician_name (self));
        }
      if (sp_case_get_clinician_role (self))
        {
          json_builder_set_member_name (builder, "role");
          json_builder_add_string_value (builder, sp_case_get_clinician_role (self));
        }
      json_builder_end_object (builder);
    }

  if (sp_case_get_notes (self))
    {
      json_builder_set_member_name (builder, "notes");
      json_builder_add_string_value (builder, sp_case_get_notes (self));
    }

  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, &length);
  text = g_realloc (text, length + 2);
  text[length] = '\n';
  text[length + 1] = '\0';
  return g_bytes_new_take (text, length + 1);
}
