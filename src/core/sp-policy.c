/* sp-policy.c: reading and validating a policy file
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include <json-glib/json-glib.h>

#include "sp-advisory-rule.h"
#include "sp-clause.h"
#include "sp-core-private.h"
#include "sp-core-resources.h"
#include "sp-date.h"
#include "sp-decision-rule.h"
#include "sp-fact.h"
#include "sp-interpretation.h"
#include "sp-json-gate.h"
#include "sp-policy.h"

#define DEFAULT_POLICY_PATH RESOURCE_BASE "/policy/spinal-interventions.json"

/**
 * SpPolicy:
 *
 * The commissioning policy as data: its clauses quoted verbatim, the facts
 * it asks about, the rules for each decision and advisory, and the
 * interpretations the text needed. A policy is immutable once loaded; a
 * file that breaks the schema is refused whole, with an error that names
 * the file and the member, because a half-read policy would decide wrongly.
 */
struct _SpPolicy
{
  GObject       parent_instance;

  char         *display_name;
  char         *id;
  char         *title;
  char         *version;
  char         *effective_date;
  char         *source_note;
  gboolean      adopted;
  char         *sha256;
  guint         review_cycle_years;
  GStrv         references;
  GStrv         pathway_ids;
  GStrv         pathway_labels;

  GListStore   *facts;
  GListStore   *decisions;
  GListStore   *clauses;
  GListStore   *interpretations;
  GListStore   *advisories;

  /* Plain arrays beside the list models, for the engine's inner loop. */
  GPtrArray    *fact_array;
  GPtrArray    *decision_array;
  GPtrArray    *advisory_array;

  GHashTable   *facts_by_id;
  GHashTable   *decisions_by_id;      /* id → index + 1 */
  GHashTable   *clauses_by_id;
  GHashTable   *interpretations_by_id;
  GHashTable   *interpretation_sentences;  /* interned id → the sentence shown in reasons */

  GArray       *constraints;          /* SpConstraint */
  SpScreening   screening;
  SpDomain     *full_domains;         /* per fact: every value it can take */
  guint8       *fact_types;           /* per fact: its SpFactType */
};

G_DEFINE_FINAL_TYPE (SpPolicy, sp_policy, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_VERSION,
  PROP_SHA256,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_constraint (gpointer data)
{
  SpConstraint *constraint = data;

  g_clear_pointer (&constraint->id, g_free);
  g_clear_pointer (&constraint->member, g_free);
  g_clear_pointer (&constraint->must, sp_expr_free);
  g_clear_pointer (&constraint->message, g_free);
}

static void
sp_policy_finalize (GObject *object)
{
  SpPolicy *self = (SpPolicy *)object;

  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->version, g_free);
  g_clear_pointer (&self->effective_date, g_free);
  g_clear_pointer (&self->source_note, g_free);
  g_clear_pointer (&self->sha256, g_free);
  g_clear_pointer (&self->references, g_strfreev);
  g_clear_pointer (&self->pathway_ids, g_strfreev);
  g_clear_pointer (&self->pathway_labels, g_strfreev);
  g_clear_object (&self->facts);
  g_clear_object (&self->decisions);
  g_clear_object (&self->clauses);
  g_clear_object (&self->interpretations);
  g_clear_object (&self->advisories);
  g_clear_pointer (&self->fact_array, g_ptr_array_unref);
  g_clear_pointer (&self->decision_array, g_ptr_array_unref);
  g_clear_pointer (&self->advisory_array, g_ptr_array_unref);
  g_clear_pointer (&self->facts_by_id, g_hash_table_unref);
  g_clear_pointer (&self->decisions_by_id, g_hash_table_unref);
  g_clear_pointer (&self->clauses_by_id, g_hash_table_unref);
  g_clear_pointer (&self->interpretations_by_id, g_hash_table_unref);
  g_clear_pointer (&self->interpretation_sentences, g_hash_table_unref);
  g_clear_pointer (&self->constraints, g_array_unref);
  g_clear_pointer (&self->full_domains, g_free);
  g_clear_pointer (&self->fact_types, g_free);
  g_clear_pointer (&self->screening.serious_pathology_interpretations, g_free);

  G_OBJECT_CLASS (sp_policy_parent_class)->finalize (object);
}

static void
sp_policy_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SpPolicy *self = SP_POLICY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_VERSION:
      g_value_set_string (value, self->version);
      break;
    case PROP_SHA256:
      g_value_set_string (value, self->sha256);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_policy_class_init (SpPolicyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sp_policy_finalize;
  object_class->get_property = sp_policy_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERSION] =
    g_param_spec_string ("version", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHA256] =
    g_param_spec_string ("sha256", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_policy_init (SpPolicy *self)
{
  self->facts = g_list_store_new (SP_TYPE_FACT);
  self->decisions = g_list_store_new (SP_TYPE_DECISION_RULE);
  self->clauses = g_list_store_new (SP_TYPE_CLAUSE);
  self->interpretations = g_list_store_new (SP_TYPE_INTERPRETATION);
  self->advisories = g_list_store_new (SP_TYPE_ADVISORY_RULE);
  self->fact_array = g_ptr_array_new_with_free_func (g_object_unref);
  self->decision_array = g_ptr_array_new_with_free_func (g_object_unref);
  self->advisory_array = g_ptr_array_new_with_free_func (g_object_unref);
  self->facts_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->decisions_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->clauses_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->interpretations_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->interpretation_sentences = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->constraints = g_array_new (FALSE, TRUE, sizeof (SpConstraint));
  g_array_set_clear_func (self->constraints, clear_constraint);
  self->screening.assessment_date = -1;
}

/* ---- loading -------------------------------------------------------- */

typedef struct {
  SpPolicy    *policy;
  const char  *file;
  GHashTable  *cited_clauses;          /* clause ids cited anywhere */
  GHashTable  *applied_interpretations;
  SpFactSet    facts_read;             /* read by rules, advisories, constraints, screening */
  SpFactSet    facts_in_conditions;    /* read by relevant_when / asked_when */
} Loader;

static gboolean
check_unique_id (GHashTable  *seen,
                 const char  *id,
                 const char  *file,
                 const char  *path,
                 GError     **error)
{
  if (!g_hash_table_add (seen, (gpointer) id))
    {
      g_autofree char *member = sp_json_member_path (path, "id");

      sp_set_member_error (error, SP_ERROR_INVALID_POLICY, file, member,
                           "duplicate id \"%s\"", id);
      return FALSE;
    }
  return TRUE;
}

static const char **
read_id_list (Loader      *loader,
              JsonObject  *object,
              const char  *member,
              const char  *path,
              GHashTable  *known,
              const char  *kind,
              GHashTable  *used,
              GError     **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autofree char *list_path = sp_json_member_path (path, member);
  JsonArray *array;

  if (!json_object_has_member (object, member))
    return g_new0 (const char *, 1);
  if (!(array = sp_json_get_array (object, member, TRUE, loader->file, path,
                                   SP_ERROR_INVALID_POLICY, error)))
    return NULL;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *item_path = g_strdup_printf ("%s[%u]", list_path, i);
      const char *id;

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        {
          sp_set_member_error (error, SP_ERROR_INVALID_POLICY, loader->file, item_path,
                               "must be a %s id", kind);
          return NULL;
        }
      id = json_node_get_string (element);
      if (!g_hash_table_contains (known, id))
        {
          sp_set_member_error (error, SP_ERROR_INVALID_POLICY, loader->file, item_path,
                               "unknown %s \"%s\"", kind, id);
          return NULL;
        }
      g_ptr_array_add (ids, (gpointer) g_intern_string (id));
      g_hash_table_add (used, g_ptr_array_index (ids, ids->len - 1));
    }

  g_ptr_array_add (ids, NULL);
  return (const char **) g_ptr_array_steal (ids, NULL);
}

static gboolean
load_metadata (Loader      *loader,
               JsonObject  *root,
               GError     **error)
{
  SpPolicy *self = loader->policy;
  const char *schema, *id, *title, *version, *effective_date = NULL, *source_note, *status = NULL;
  double schema_version, review_cycle;
  JsonArray *references, *pathways;
  g_autoptr(GStrvBuilder) reference_texts = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) pathway_ids = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) pathway_labels = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonNode *effective_node;

  if (!sp_json_get_string (root, "schema", TRUE, loader->file, "", SP_ERROR_INVALID_POLICY, &schema, error))
    return FALSE;
  if (!g_str_equal (schema, SP_POLICY_SCHEMA))
    {
      sp_set_member_error (error, SP_ERROR_INVALID_POLICY, loader->file, "schema",
                           "not a Spinal Pathways policy (expected \"%s\")", SP_POLICY_SCHEMA);
      return FALSE;
    }
  if (!sp_json_get_number (root, "schema_version", TRUE, loader->file, "",
                           SP_ERROR_INVALID_POLICY, &schema_version, error))
    return FALSE;
  if (schema_version != SP_POLICY_SCHEMA_VERSION)
    {
      sp_set_member_error (error, SP_ERROR_INVALID_POLICY, loader->file, "schema_version",
                           "version %g is not supported (this version reads %d)",
                           schema_version, SP_POLICY_SCHEMA_VERSION);
      return FALSE;
    }

  if (!sp_json_get_string (root, "id", TRUE, loader->file, "", SP_ERROR_INVALID_POLICY, &id, error) ||
      !sp_json_get_string (root, "title", TRUE, loader->file, "", SP_ERROR_INVALID_POLICY, &title, error) ||
      !sp_json_get_string (root, "version", TRUE, loader->file, "", SP_ERROR_INVALID_POLICY, &version, error) ||
      !sp_json_get_string (root, "source_note", FALSE, loader->file, "", SP_ERROR_INVALID_POLICY, &source_note, error) ||
      !sp_json_get_string (root, "status", FALSE, loader->file, "", SP_ERROR_INVALID_POLICY, &status, error) ||
      !sp_json_get_number (root, "review_cycle_years", TRUE, loader->file, "", SP_ERROR_INVALID_POLICY, &review_cycle, error))
    return FALSE;

  effective_node = json_object_get_member (root, "effective_date");
  if (effective_node == NULL)
    {
      sp_set_member_error (error, SP_ERROR_INVALID_POLICY, loader->file, "effective_date",
                           "required member is missing (null when the source does not state one)");
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_NULL (effective_node) &&
      !sp_json_get_string (root, "effective_date", TRUE, loader->file, "",
                           SP_ERROR_INVALID_POLICY, &effective_date, error))
    return FALSE;
  if (effective_date != NULL && !sp_date_parse (effective_date, NULL))
    {
      GString *shown = g_string_new (NULL);

      sp_append_printable (shown, effective_date);
      sp_set_member_error (error, SP_ERROR_INVALID_POLICY, loader->file, "effective_date",
                           "\"%s\" is not a real calendar date written YYYY-MM-DD", shown->str);
      g_string_free (shown, TRUE);
      return FALSE;
    }

  if (review_cycle < 1 || review_cycle > 20 || review_cycle != (guint) review_cycle)
    {
      sp_set_member_error (error, SP_ERROR_INVALID_POLICY, loader->file, "review_cycle_years",
                           "must be a whole number of years from 1 to 20");
      return FALSE;
    }
  if (status != NULL && !g_str_equal (status, "draft") && !g_str_equal (status, "adopted"))
    {
      GString *shown = g_string_new (NULL);

      sp_append_printable (shown, status);
      sp_set_member_error (error, SP_ERROR_INVALID_POLICY, loader->file, "status",
                           "\"%s\" is not a status: \"draft\" or \"adopted\"", shown->str);
      g_string_free (shown, TRUE);
      return FALSE;
    }

  self->id = g_strdup (id);
  self->title = g_strdup (title);
  self->version = g_strdup (version);
  self->effective_date = g_strdup (effective_date);
  self->source_note = g_strdup (source_note);
  /* Only a policy that says it has been adopted is read as adopted: a
   * file that says nothing is a draft, never the commissioner's word. */
  self->adopted = g_strcmp0 (status, "adopted") == 0;
  self->review_cycle_years = (guint) review_cycle;

  if (!(references = sp_json_get_array (root, "references", TRUE, loader->file, "",
                                        SP_ERROR_INVALID_POLICY, error)))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (references); i++)
    {
      static const char * const allowed[] = { "id", "text", NULL };
      g_autofree char *path = g_strdup_printf ("references[%u]", i);
      JsonNode *node = json_array_get_element (references, i);
      const char *ref_id, *text;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          sp_set_member_error (error, SP_ERROR_INVALID_POLICY, loader->file, path, "must be an object");
          return FALSE;
        }
      if (!sp_json_check_members (json_node_get_object (node), allowed, loader->file, path,
                                  SP_ERROR_INVALID_POLICY, error) ||
          !sp_json_get_string (json_node_get_object (node), "id", TRUE, loader->file, path,
                               SP_ERROR_INVALID_POLICY, &ref_id, error) ||
          !sp_json_get_string (json_node_get_object (node), "text", TRUE, loader->file, path,
                               SP_ERROR_INVALID_POLICY, &text, error) ||
          !check_unique_id (seen, ref_id, loader->file, path, error))
        return FALSE;
      g_strv_builder_add (reference_texts, text);
    }
  self->references = g_strv_builder_end (reference_texts);

  g_hash_table_remove_all (seen);
  if (!(pathways = sp_json_get_array (root, "pathways", TRUE, loader->file, "",
                                      SP_ERROR_INVALID_POLICY, error)))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (pathways); i++)
    {
      static const char * const allowed[] = { "id", "label", NULL };
      g_autofree char *path = g_strdup_printf ("pathways[%u]", i);
      JsonNode *node = json_array_get_element (pathways, i);
      const char *pathway_id, *label;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          sp_set_member_error (error, SP_ERROR_INVALID_POLICY, loader->file, path, "must be an object");
          return FALSE;
        }
      if (!sp_json_check_members (json_node_get_object (node), allowed, loader->file, path,
                                  SP_ERROR_INVALID_POLICY, error) ||
          !sp_json_get_string (json_node_get_object (node), "id", TRUE, loader->file, path,
                               SP_ERROR_INVALID_POLICY, &pathway_id, error) ||
          !sp_json_get_string (json_node_get_object (node), "label", TRUE, loader->file, path,
                               SP_ERROR_INVALID_POLICY, &label, error) ||
          !check_unique_id (seen, pathway_id, loader->file, path, error))
        return FALSE;
      g_strv_builder_add (pathway_ids, pathway_id);
      g_strv_builder_add (pathway_labels, label);
    }
  self->pathway_ids = g_strv_builder_end (pathway_ids);
  self->pathway_labels = g_strv_builder_end (pathway_labels);

  if (g_strv_length (self->pathway_ids) == 0)
    {
      sp_set_member_error (error, SP_ERROR_INVALID_POLICY, loader->file, "pathways",
                           "at least one pathway is needed");
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_pathway (Loader      *loader,
               const char  *pathway,
               const char  *path,
               GError     **error)
{
  if (!g_strv_contains ((const char * const *) loader->policy->pathway_ids, pathway))
    {
      g_autofree char *member = sp_json_member_path (path, "pathway");

      sp_set_member_error (error, SP_ERROR_INVALID_POLICY, loader->file, member,
                           "unknown pathway \"%s\"", pathway);
      return FALSE;
    }
  return TRUE;
}

/* A bulleted clause keeps its list: "items" are its bullets, each a string
 * or {"text", "items"} for a bullet with its own list, two levels at most,
 * as the policy text has. */
static gboolean
read_clause_items (Loader      *loader,
                   SpClause    *clause,
                   JsonNode    *node,
                   const char  *path,
                   guint        level,
                   GError     **error)
{
  g_autofree char *items_path = sp_json_member_path (path, "items");
  JsonArray *items;

  if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) == 0)
    {
      sp_set_member_error (error, SP_ERROR_INVALID_POLICY, loader->file, items_path,
                           "must be a non-empty list of bullets");
      return FALSE;
    }
  items = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      static const char * const allowed[] = { "text", "items", NULL };
      g_autofree char *item_path = g_strdup_printf ("%s[%u]", items_path, i);
      JsonNode *item = json_array_get_element (items, i);
      const char *text = NULL;

      if (JSON_NODE_HOLDS_VALUE (item) && json_node_get_value_type (item) == G_TYPE_STRING)
        text = json_node_get_string (item);
      else if (JSON_NODE_HOLDS_OBJECT (item))
        {
          if (!sp_json_check_members (json_node_get_object (item), allowed, loader->file, item_path,
                                      SP_ERROR_INVALID_POLICY, error) ||
              !sp_json_get_string (json_node_get_object (item), "text", TRUE, loader->file, item_path,
                                   SP_ERROR_INVALID_POLICY, &text, error))
            return FALSE;
        }
      if (text == NULL || text[0] == '\0')
        {
          sp_set_member_error (error, SP_ERROR_INVALID_POLICY, loader->file, item_path,
                               "a bullet must be the policy's words, or {\"text\", \"items\"}");
          return FALSE;
        }
      sp_clause_add_item (clause, level, text);
      if (JSON_NODE_HOLDS_OBJECT (item) && json_object_has_member (json_node_get_object (item), "items"))
        {
          if (level >= 2)
            {
              sp_set_member_error (error, SP_ERROR_INVALID_POLICY, loader->file, item_path,
                                   "bullets nest two levels deep at most");
              return FALSE;
            }
          if (!read_clause_items (loader, clause, json_object_get_member (json_node_get_object (item), "items"),
                                  item_path, level + 1, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
load_clauses (Loader      *loader,
              JsonObject  *root,
              GError     **error)
{
  SpPolicy *self = loader->policy;
  JsonArray *clauses;

  if (!(clauses = sp_json_get_array (root, "clauses", TRUE, loader->file, "",
                                     SP_ERROR_INVALID_POLICY, error)))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (clauses); i++)
    {
      static const char * const allowed[] = { "id", "heading", "text", "items", NULL };
      g_autofree char *path = g_strdup_printf ("clauses[%u]", i);
      JsonNode *node = json_array_get_element (clauses, i);
      g_autoptr(SpClause) clause = NULL;
      const char *id, *heading, *text;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          sp_set_member_error (error, SP_ERROR_INVALID_POLICY, loader->file, path, "must be an object");
          return FALSE;
        }
      if (!sp_json_check_members (json_node_get_object (node), allowed, loader->file, path,
                                  SP_ERROR_INVALID_POLICY, error) ||
          !sp_json_get_string (json_node_get_object (node), "id", TRUE, loader->file, path,
                               SP_ERROR_INVALID_POLICY, &id, error) ||
          !sp_json_get_string (json_node_get_object (node), "heading", TRUE, loader->file, path,
                               SP_ERROR_INVALID_POLICY, &heading, error) ||
          !sp_json_get_string (json_node_get_object (node), "text", TRUE, loader->file, path,
                               SP_ERROR_INVALID_POLICY, &text, error))
        return FALSE;
      if (g_hash_table_contains (self->clauses_by_id, id))
        {
          g_autofree char *member = sp_json_member_path (path, "id");

          sp_set_member_error (error, SP_ERROR_INVALID_POLICY, loader->file, member,
                               "duplicate id \"%s\"", id);
          return FALSE;
        }
      if (text[0] == '\0')
        {
          g_autofree char *member = sp_json_member_path (path, "text");

          sp_set_member_error (error, SP_ERROR_INVALID_POLICY, loader->file, member,
                               "a clause must quote the policy text");
          return FALSE;
        }

      clause = sp_clause_new (id, heading, text);
      if (json_object_has_member (json_node_get_object (node), "items") &&
          !read_clause_items (loader, clause, json_object_get_member (json_node_get_object (node), "items"),
                              path, 1, error))
        return FALSE;
      g_list_store_append (self->clauses, clause);
      g_hash_table_insert (self->clauses_by_id, (gpointer) sp_clause_get_id (clause), clause);
    }

  return TRUE;
}

/* Every interpretation says whether the commissioner has signed it off, so
 * a policy file cannot silently drop the "awaiting sign-off" warning: the
 * state is required, and a sign-off without who and when is refused. */
static gboolean
load_sign_off (Loader            *loader,
               JsonObject        *interpretation_object,
               const char        *path,
               SpInterpretation  *interpretation,
               GError           **error)
{
  static const char * const awaiting_members[] = { "state", NULL };
  static const char * const signed_off_members[] = { "state", "by", "date", NULL };
  g_autofree char *sign_off_path = sp_json_member_path (path, "sign_off");
  JsonObject *sign_off;
  const char *state, *by, *date;
  guint32 julian;

  if (!(sign_off = sp_json_get_object (interpretation_object, "sign_off", TRUE, loader->file, path,
                                       SP_ERROR_INVALID_POLICY, error)) ||
      !sp_json_get_string (sign_off, "state", TRUE, loader->file, sign_off_path,
                           SP_ERROR_INVALID_POLICY, &state, error))
    return FALSE;

  if (g_str_equal (state, "awaiting"))
    return sp_json_check_members (sign_off, awaiting_members, loader->file, sign_off_path,
                                  SP_ERROR_INVALID_POLICY, error);

  if (!g_str_equal (state, "signed_off"))
    {
      g_autofree char *member = sp_json_member_path (sign_off_path, "state");

      sp_set_member_error (error, SP_ERROR_INVALID_POLICY, loader->file, member,
                           "unknown sign-off state (expected \"awaiting\" or \"signed_off\")");
      return FALSE;
    }

  if (!sp_json_check_members (sign_off, signed_off_members, loader->file, sign_off_path,
                              SP_ERROR_INVALID_POLICY, error) ||
      !sp_json_get_string (sign_off, "by", TRUE, loader->file, sign_off_path,
                           SP_ERROR_INVALID_POLICY, &by, error) ||
      !sp_json_get_string (sign_off, "date", TRUE, loader->file, sign_off_path,
                           SP_ERROR_INVALID_POLICY, &date, error))
    return FALSE;
  if (*by == '\0' || g_ascii_isspace (*by))
    {
      g_autofree char *member = sp_json_member_path (sign_off_path, "by");

      sp_set_member_error (error, SP_ERROR_INVALID_POLICY, loader->file, member,
                           "must name who signed the interpretation off");
      return FALSE;
    }
  if (!sp_date_parse (date, &julian))
    {
      g_autofree char *member = sp_json_member_path (sign_off_path, "date");

      sp_set_member_error (error, SP_ERROR_INVALID_POLICY, loader->file, member,
                           "not a date (YYYY-MM-DD)");
      return FALSE;
    }

  sp_interpretation_record_sign_off (interpretation, by, date);
  return TRUE;
}

static gboolean
load_interpretations (Loader      *loader,
                      JsonObject  *root,
                      GError     **error)
{
  SpPolicy *self = loader->policy;
  JsonArray *interpretations;

  if (!(interpretations = sp_json_get_array (root, "interpretations", TRUE, loader->file, "",
                                             SP_ERROR_INVALID_POLICY, error)))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (interpretations); i++)
    {
      static const char * const allowed[] = { "id", "clause", "reading", "reason", "sign_off", NULL };
      g_autofree char *path = g_strdup_printf ("interpretations[%u]", i);
      JsonNode *node = json_array_get_element (interpretations, i);
      g_autoptr(SpInterpretation) interpretation = NULL;
      const char *id, *clause, *reading, *reason;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          sp_set_member_error (error, SP_ERROR_INVALID_POLICY, loader->file, path, "must be an object");
          return FALSE;
        }
      if (!sp_json_check_members (json_node_get_object (node), allowed, loader->file, path,
                                  SP_ERROR_INVALID_POLICY, error) ||
          !sp_json_get_string (json_node_get_object (node), "id", TRUE, loader->file, path,
                               SP_ERROR_INVALID_POLICY, &id, error) ||
          !sp_json_get_string (json_node_get_object (node), "clause", TRUE, loader->file, path,
                               SP_ERROR_INVALID_POLICY, &clause, error) ||
          !sp_json_get_string (json_node_get_object (node), "reading", TRUE, loader->file, path,
                               SP_ERROR_INVALID_POLICY, &reading, error) ||
          !sp_json_get_string (json_node_get_object (node), "reason", TRUE, loader->file, path,
                               SP_ERROR_INVALID_POLICY, &reason, error))
        return FALSE;
      if (g_hash_table_contains (self->interpretations_by_id, id))
        {
          g_autofree char *member = sp_json_member_path (path, "id");

          sp_set_member_error (error, SP_ERROR_INVALID_POLICY, loader->file, member,
                               "duplicate id \"%s\"", id);
          return FALSE;
        }
      if (!g_hash_table_contains (self->clauses_by_id, clause))
        {
          g_autofree char *member = sp_json_member_path (path, "clause");

          sp_set_member_error (error, SP_ERROR_INVALID_POLICY, loader->file, member,
                               "unknown clause \"%s\"", clause);
          return FALSE;
        }
      g_hash_table_add (loader->cited_clauses, (gpointer) g_intern_string (clause));

      interpretation = sp_interpretation_new (id, clause, reading, reason);
      if (!load_sign_off (loader, json_node_get_object (node), path, interpretation, error))
        return FALSE;
      g_list_store_append (self->interpretations, interpretation);
      g_hash_table_insert (self->interpretations_by_id,
                           (gpointer) sp_interpretation_get_id (interpretation), interpretation);
      g_hash_table_insert (self->interpretation_sentences,
                           (gpointer) g_intern_string (id),
                           sp_interpretation_is_signed_off (interpretation)
                           ? g_strdup_printf (_("Interpretation of the policy applied (signed off by "
                                                "%s on %s): %s"),
                                              sp_interpretation_get_signed_off_by (interpretation),
                                              sp_interpretation_get_signed_off_date (interpretation),
                                              reading)
                           : g_strdup_printf (_("Interpretation of the policy applied (awaiting the "
                                                "commissioner's sign-off): %s"), reading));
    }

  return TRUE;
}

static gboolean
load_facts (Loader      *loader,
            JsonObject  *root,
            GError     **error)
{
  SpPolicy *self = loader->policy;
  JsonArray *facts;

  if (!(facts = sp_json_get_array (root, "facts", TRUE, loader->file, "",
                                   SP_ERROR_INVALID_POLICY, error)))
    return FALSE;
  if (json_array_get_length (facts) > SP_MAX_FACTS)
    {
      sp_set_member_error (error, SP_ERROR_INVALID_POLICY, loader->file, "facts",
                           "at most %d facts are supported", SP_MAX_FACTS);
      return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (facts); i++)
    {
      g_autofree char *path = g_strdup_printf ("facts[%u]", i);
      JsonNode *node = json_array_get_element (facts, i);
      SpFact *fact;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          sp_set_member_error (error, SP_ERROR_INVALID_POLICY, loader->file, path, "must be an object");
          return FALSE;
        }
      if (!(fact = sp_fact_new_from_json (json_node_get_object (node), loader->file, path, i, error)))
        return FALSE;
      g_ptr_array_add (self->fact_array, fact);
      g_list_store_append (self->facts, fact);
      if (!check_pathway (loader, sp_fact_get_pathway (fact), path, error))
        return FALSE;
      if (!g_hash_table_insert (self->facts_by_id, (gpointer) sp_fact_get_id (fact), fact))
        {
          g_autofree char *member = sp_json_member_path (path, "id");

          sp_set_member_error (error, SP_ERROR_INVALID_POLICY, loader->file, member,
                               "duplicate id \"%s\"", sp_fact_get_id (fact));
          return FALSE;
        }
    }

  return TRUE;
}

/* Decision ids are needed before the facts' conditions are parsed (a
 * decision_list fact's choices are the decisions), so this pass only reads
 * ids; the rules are read by load_decision_rules(). */
static gboolean
load_decision_ids (Loader      *loader,
                   JsonObject  *root,
                   GError     **error)
{
  SpPolicy *self = loader->policy;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  JsonArray *decisions;

  if (!(decisions = sp_json_get_array (root, "decisions", TRUE, loader->file, "",
                                       SP_ERROR_INVALID_POLICY, error)))
    return FALSE;
  if (json_array_get_length (decisions) > SP_MAX_DECISIONS)
    {
      sp_set_member_error (error, SP_ERROR_INVALID_POLICY, loader->file, "decisions",
                           "at most %d decisions are supported", SP_MAX_DECISIONS);
      return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (decisions); i++)
    {
      static const char * const allowed[] = {
        "id", "pathway", "label", "surgical", "on_serious_pathology", "rows", NULL
      };
      g_autofree char *path = g_strdup_printf ("decisions[%u]", i);
      JsonNode *node = json_array_get_element (decisions, i);
      JsonObject *object;
      const char *id, *pathway, *label, *on_serious_pathology;
      gboolean surgical = FALSE;
      SpDecisionRule *rule;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          sp_set_member_error (error, SP_ERROR_INVALID_POLICY, loader->file, path, "must be an object");
          return FALSE;
        }
      object = json_node_get_object (node);
      if (!sp_json_check_members (object, allowed, loader->file, path, SP_ERROR_INVALID_POLICY, error) ||
          !sp_json_get_string (object, "id", TRUE, loader->file, path, SP_ERROR_INVALID_POLICY, &id, error) ||
          !sp_json_get_string (object, "pathway", TRUE, loader->file, path, SP_ERROR_INVALID_POLICY, &pathway, error) ||
          !sp_json_get_string (object, "label", TRUE, loader->file, path, SP_ERROR_INVALID_POLICY, &label, error) ||
          !sp_json_get_boolean (object, "surgical", loader->file, path, SP_ERROR_INVALID_POLICY, &surgical, error) ||
          !sp_json_get_string (object, "on_serious_pathology", FALSE, loader->file, path,
                               SP_ERROR_INVALID_POLICY, &on_serious_pathology, error) ||
          !check_pathway (loader, pathway, path, error))
        return FALSE;
      if (on_serious_pathology != NULL &&
          !g_str_equal (on_serious_pathology, "block") && !g_str_equal (on_serious_pathology, "support"))
        {
          g_autofree char *member = sp_json_member_path (path, "on_serious_pathology");

          sp_set_member_error (error, SP_ERROR_INVALID_POLICY, loader->file, member,
                               "must be \"block\" or \"support\"");
          return FALSE;
        }
      if (g_hash_table_contains (self->decisions_by_id, id))
        {
          g_autofree char *member = sp_json_member_path (path, "id");

          sp_set_member_error (error, SP_ERROR_INVALID_POLICY, loader->file, member,
                               "duplicate id \"%s\"", id);
          return FALSE;
        }

      rule = sp_decision_rule_new (id, pathway, label, i, surgical,
                                   on_serious_pathology != NULL &&
                                   g_str_equal (on_serious_pathology, "support"));
      g_ptr_array_add (self->decision_array, rule);
      g_list_store_append (self->decisions, rule);
      g_hash_table_insert (self->decisions_by_id, (gpointer) sp_decision_rule_get_id (rule),
                           GUINT_TO_POINTER (i + 1));
      g_ptr_array_add (ids, (gpointer) sp_decision_rule_get_id (rule));
      g_ptr_array_add (labels, (gpointer) sp_decision_rule_get_label (rule));
    }

  for (guint i = 0; i < self->fact_array->len; i++)
    {
      SpFact *fact = g_ptr_array_index (self->fact_array, i);

      if (sp_fact_get_fact_type (fact) == SP_FACT_DECISION_LIST)
        sp_fact_set_choices (fact, ids, labels);
    }

  return TRUE;
}

static void
init_scope (Loader      *loader,
            SpExprScope *scope,
            SpFactSet   *facts_read,
            gboolean     allow_decisions)
{
  scope->file = loader->file;
  scope->facts = loader->policy->fact_array;
  scope->facts_by_id = loader->policy->facts_by_id;
  scope->decisions_by_id = allow_decisions ? loader->policy->decisions_by_id : NULL;
  scope->facts_read = facts_read;
}

/* Which questions are asked hangs on relevant_when, and a question's
 * relevance on the relevance of the questions it reads. A cycle would make
 * that undefined, and long chains made it exponential: both are refused. */
#define MAX_RELEVANCE_CHAIN 8

static gboolean
relevance_depth (GPtrArray  *facts,
                 guint       index,
                 guint8     *state,      /* 0 new, 1 on the path, 2 done */
                 guint      *depth,
                 guint      *cycle_at)
{
  const SpExpr *expr = sp_fact_get_relevant_when (g_ptr_array_index (facts, index));
  SpFactSet by_value, by_presence;
  guint deepest = 0;

  if (state[index] == 2)
    return TRUE;
  if (state[index] == 1)
    {
      *cycle_at = index;
      return FALSE;
    }
  state[index] = 1;
  if (expr != NULL)
    {
      sp_fact_set_clear (&by_value);
      sp_fact_set_clear (&by_presence);
      sp_expr_collect_facts (expr, &by_value, &by_presence);
      sp_fact_set_union (&by_value, &by_presence);
      for (guint i = 0; i < facts->len; i++)
        {
          if (!sp_fact_set_contains (&by_value, i))
            continue;
          if (!relevance_depth (facts, i, state, depth, cycle_at))
            return FALSE;
          deepest = MAX (deepest, depth[i] + 1);
        }
    }
  depth[index] = deepest;
  state[index] = 2;
  return TRUE;
}

static gboolean
check_relevance_chains (Loader  *loader,
                        GError **error)
{
  GPtrArray *facts = loader->policy->fact_array;
  g_autofree guint8 *state = g_new0 (guint8, MAX (facts->len, 1));
  g_autofree guint *depth = g_new0 (guint, MAX (facts->len, 1));

  for (guint i = 0; i < facts->len; i++)
    {
      guint cycle_at = 0;
      g_autofree char *member = g_strdup_printf ("facts[%u].relevant_when", i);

      if (!relevance_depth (facts, i, state, depth, &cycle_at))
        {
          sp_set_member_error (error, SP_ERROR_INVALID_POLICY, loader->file, member,
                               "\"%s\" is asked only when a question that depends on it is asked "
                               "(relevant_when refers back to itself)",
                               sp_fact_get_id (g_ptr_array_index (facts, cycle_at)));
          return FALSE;
        }
      if (depth[i] > MAX_RELEVANCE_CHAIN)
        {
          sp_set_member_error (error, SP_ERROR_INVALID_POLICY, loader->file, member,
                               "a chain of more than %u follow-up questions", MAX_RELEVANCE_CHAIN);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
load_fact_conditions (Loader      *loader,
                      JsonObject  *root,
                      GError     **error)
{
  SpPolicy *self = loader->policy;
  JsonArray *facts = json_object_get_array_member (root, "facts");
  SpExprScope scope;

  init_scope (loader, &scope, &loader->facts_in_conditions, FALSE);

  for (guint i = 0; i < json_array_get_length (facts); i++)
    {
      JsonObject *object = json_array_get_object_element (facts, i);
      SpFact *fact = g_ptr_array_index (self->fact_array, i);
      g_autofree char *path = g_strdup_printf ("facts[%u]", i);

      if (json_object_has_member (object, "relevant_when"))
        {
          g_autofree char *member = sp_json_member_path (path, "relevant_when");
          SpExpr *expr;

          if (!(expr = sp_expr_parse (json_object_get_member (object, "relevant_when"), member, &scope, error)))
            return FALSE;
          sp_fact_take_relevant_when (fact, expr);
        }
      if (json_object_has_member (object, "asked_when"))
        {
          g_autofree char *member = sp_json_member_path (path, "asked_when");
          SpExpr *expr;

          if (!(expr = sp_expr_parse (json_object_get_member (object, "asked_when"), member, &scope, error)))
            return FALSE;
          sp_fact_take_asked_when (fact, expr);
        }
    }

  return check_relevance_chains (loader, error);
}

static SpFact *
screening_fact (Loader      *loader,
                JsonObject  *screening,
                const char  *member,
                SpFactType   type,
                GError     **error)
{
  g_autofree char *path = g_strconcat ("screening.", member, NULL);
  const char *id;
  SpFact *fact;

  if (!sp_json_get_string (screening, member, TRUE, loader->file, "screening",
                           SP_ERROR_INVALID_POLICY, &id, error))
    return NULL;
  if (!(fact = g_hash_table_lookup (loader->policy->facts_by_id, id)))
    {
      sp_set_member_error (error, SP_ERROR_INVALID_POLICY, loader->file, path, "unknown fact \"%s\"", id);
      return NULL;
    }
  if (sp_fact_get_fact_type (fact) != type)
    {
      sp_set_member_error (error, SP_ERROR_INVALID_POLICY, loader->file, path,
                           "\"%s\" must be a %s fact", id, sp_fact_type_to_string (type));
      return NULL;
    }
  sp_fact_set_add (&loader->facts_read, sp_fact_get_index (fact));
  return fact;
}

static const char *
screening_clause (Loader      *loader,
                  JsonObject  *clauses,
                  const char  *member,
                  GError     **error)
{
  g_autofree char *path = g_strconcat ("screening.clauses.", member, NULL);
  const char *id;

  if (!sp_json_get_string (clauses, member, TRUE, loader->file, "screening.clauses",
                           SP_ERROR_INVALID_POLICY, &id, error))
    return NULL;
  if (!g_hash_table_contains (loader->policy->clauses_by_id, id))
    {
      sp_set_member_error (error, SP_ERROR_INVALID_POLICY, loader->file, path, "unknown clause \"%s\"", id);
      return NULL;
    }
  id = g_intern_string (id);
  g_hash_table_add (loader->cited_clauses, (gpointer) id);
  return id;
}

static gboolean
load_screening (Loader      *loader,
                JsonObject  *root,
                GError     **error)
{
  static const char * const allowed[] = {
    "red_flags", "serious_pathology", "urgent_pathologies", "assessment_date",
    "exceptional_impairment", "exceptional_interventions", "care_setting", "clauses", "interpretations", NULL
  };
  static const char * const clause_members[] = { "red_flags", "serious_pathology", "exceptional", NULL };
  static const char * const interpretation_members[] = { "serious_pathology", NULL };
  SpScreening *screening = &loader->policy->screening;
  JsonObject *object, *clauses, *interpretations;
  JsonArray *red_flags, *urgent;
  SpFact *fact;

  if (!(object = sp_json_get_object (root, "screening", TRUE, loader->file, "",
                                     SP_ERROR_INVALID_POLICY, error)) ||
      !sp_json_check_members (object, allowed, loader->file, "screening", SP_ERROR_INVALID_POLICY, error))
    return FALSE;

  if (!(red_flags = sp_json_get_array (object, "red_flags", TRUE, loader->file, "screening",
                                       SP_ERROR_INVALID_POLICY, error)))
    return FALSE;
  if (json_array_get_length (red_flags) == 0 || json_array_get_length (red_flags) > SP_MAX_RED_FLAGS)
    {
      sp_set_member_error (error, SP_ERROR_INVALID_POLICY, loader->file, "screening.red_flags",
                           "must list 1 to %d yes/no facts", SP_MAX_RED_FLAGS);
      return FALSE;
    }
  for (guint i = 0; i < json_array_get_length (red_flags); i++)
    {
      g_autofree char *path = g_strdup_printf ("screening.red_flags[%u]", i);
      const char *id = json_array_get_string_element (red_flags, i);

      if (id == NULL || !(fact = g_hash_table_lookup (loader->policy->facts_by_id, id)) ||
          sp_fact_get_fact_type (fact) != SP_FACT_BOOLEAN)
        {
          sp_set_member_error (error, SP_ERROR_INVALID_POLICY, loader->file, path,
                               "must name a yes/no fact of the policy");
          return FALSE;
        }
      screening->red_flags[screening->n_red_flags++] = sp_fact_get_index (fact);
      sp_fact_set_add (&loader->facts_read, sp_fact_get_index (fact));
    }

  if (!(fact = screening_fact (loader, object, "serious_pathology", SP_FACT_CHOICE_LIST, error)))
    return FALSE;
  screening->serious_pathology = sp_fact_get_index (fact);

  if (!(urgent = sp_json_get_array (object, "urgent_pathologies", TRUE, loader->file, "screening",
                                    SP_ERROR_INVALID_POLICY, error)))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (urgent); i++)
    {
      g_autofree char *path = g_strdup_printf ("screening.urgent_pathologies[%u]", i);
      const char *choice = json_array_get_string_element (urgent, i);
      guint index;

      if (choice == NULL || !sp_fact_lookup_choice (fact, choice, &index))
        {
          sp_set_member_error (error, SP_ERROR_INVALID_POLICY, loader->file, path,
                               "must be a choice of \"%s\"", sp_fact_get_id (fact));
          return FALSE;
        }
      screening->urgent_pathologies |= G_GUINT64_CONSTANT (1) << index;
    }

  if (!(fact = screening_fact (loader, object, "assessment_date", SP_FACT_DATE, error)))
    return FALSE;
  screening->assessment_date = sp_fact_get_index (fact);
  sp_fact_set_defaults_to_today (fact, TRUE);

  if (!(fact = screening_fact (loader, object, "exceptional_impairment", SP_FACT_BOOLEAN, error)))
    return FALSE;
  screening->exceptional_impairment = sp_fact_get_index (fact);

  if (!(fact = screening_fact (loader, object, "exceptional_interventions", SP_FACT_DECISION_LIST, error)))
    return FALSE;
  screening->exceptional_interventions = sp_fact_get_index (fact);

  /* Optional: where the clinician works, which the app can record in every
   * new case from a preference. A policy without it has no such default. */
  screening->care_setting = -1;
  if (json_object_has_member (object, "care_setting"))
    {
      if (!(fact = screening_fact (loader, object, "care_setting", SP_FACT_CHOICE, error)))
        return FALSE;
      screening->care_setting = sp_fact_get_index (fact);
    }

  if (!(clauses = sp_json_get_object (object, "clauses", TRUE, loader->file, "screening",
                                      SP_ERROR_INVALID_POLICY, error)) ||
      !sp_json_check_members (clauses, clause_members, loader->file, "screening.clauses",
                              SP_ERROR_INVALID_POLICY, error) ||
      !(screening->red_flags_clause = screening_clause (loader, clauses, "red_flags", error)) ||
      !(screening->serious_pathology_clause = screening_clause (loader, clauses, "serious_pathology", error)) ||
      !(screening->exceptional_clause = screening_clause (loader, clauses, "exceptional", error)))
    return FALSE;

  if (!(interpretations = sp_json_get_object (object, "interpretations", TRUE, loader->file,
                                              "screening", SP_ERROR_INVALID_POLICY, error)) ||
      !sp_json_check_members (interpretations, interpretation_members, loader->file,
                              "screening.interpretations", SP_ERROR_INVALID_POLICY, error) ||
      !(screening->serious_pathology_interpretations =
          read_id_list (loader, interpretations, "serious_pathology", "screening.interpretations",
                        loader->policy->interpretations_by_id, "interpretation",
                        loader->applied_interpretations, error)))
    return FALSE;

  return TRUE;
}

/* Lists and text are never narrowed: no constraint settles a list. Nor
 * are dates: a date constraint bounds a date ("not after the assessment")
 * without ever settling it, and narrowing it for every case would cost
 * every case the implied-fact work for nothing. */
static gboolean
fact_can_be_implied (SpFact *fact)
{
  SpFactType type = sp_fact_get_fact_type (fact);

  return type == SP_FACT_BOOLEAN || type == SP_FACT_CHOICE || type == SP_FACT_INTEGER ||
         type == SP_FACT_NUMBER;
}

static gboolean
load_constraints (Loader      *loader,
                  JsonObject  *root,
                  GError     **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *constraints;
  SpExprScope scope;

  init_scope (loader, &scope, &loader->facts_read, FALSE);

  if (!json_object_has_member (root, "constraints"))
    return TRUE;
  if (!(constraints = sp_json_get_array (root, "constraints", TRUE, loader->file, "",
                                         SP_ERROR_INVALID_POLICY, error)))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (constraints); i++)
    {
      static const char * const allowed[] = { "id", "member", "must", "message", NULL };
      g_autofree char *path = g_strdup_printf ("constraints[%u]", i);
      g_autofree char *must_path = sp_json_member_path (path, "must");
      JsonNode *node = json_array_get_element (constraints, i);
      JsonObject *object;
      const char *id, *member, *message;
      SpConstraint constraint = { 0 };

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          sp_set_member_error (error, SP_ERROR_INVALID_POLICY, loader->file, path, "must be an object");
          return FALSE;
        }
      object = json_node_get_object (node);
      if (!sp_json_check_members (object, allowed, loader->file, path, SP_ERROR_INVALID_POLICY, error) ||
          !sp_json_get_string (object, "id", TRUE, loader->file, path, SP_ERROR_INVALID_POLICY, &id, error) ||
          !sp_json_get_string (object, "member", TRUE, loader->file, path, SP_ERROR_INVALID_POLICY, &member, error) ||
          !sp_json_get_string (object, "message", TRUE, loader->file, path, SP_ERROR_INVALID_POLICY, &message, error) ||
          !check_unique_id (seen, id, loader->file, path, error))
        return FALSE;
      if (!g_hash_table_contains (loader->policy->facts_by_id, member))
        {
          g_autofree char *member_path = sp_json_member_path (path, "member");

          sp_set_member_error (error, SP_ERROR_INVALID_POLICY, loader->file, member_path,
                               "unknown fact \"%s\"", member);
          return FALSE;
        }
      if (!json_object_has_member (object, "must"))
        {
          sp_set_member_error (error, SP_ERROR_INVALID_POLICY, loader->file, must_path,
                               "required member is missing");
          return FALSE;
        }
      if (!(constraint.must = sp_expr_parse (json_object_get_member (object, "must"), must_path, &scope, error)))
        return FALSE;
      {
        SpFactSet by_presence;

        sp_fact_set_clear (&by_presence);
        sp_expr_collect_facts (constraint.must, &constraint.narrows, &by_presence);
        constraint.reads = constraint.narrows;
        sp_fact_set_union (&constraint.reads, &by_presence);
        /* "Must be absent when …" speaks of whether a fact exists, not of
         * its value, so it narrows nothing. */
        for (guint w = 0; w < G_N_ELEMENTS (by_presence.words); w++)
          constraint.narrows.words[w] &= ~by_presence.words[w];
        for (guint f = 0; f < SP_MAX_FACTS; f++)
          if (sp_fact_set_contains (&constraint.narrows, f) &&
              !fact_can_be_implied (g_ptr_array_index (loader->policy->fact_array, f)))
            sp_fact_set_remove (&constraint.narrows, f);
      }
      constraint.id = g_strdup (id);
      constraint.member = g_strdup (member);
      constraint.message = g_strdup (message);
      g_array_append_val (loader->policy->constraints, constraint);
    }

  return TRUE;
}

static gboolean
load_decision_rules (Loader      *loader,
                     JsonObject  *root,
                     GError     **error)
{
  JsonArray *decisions = json_object_get_array_member (root, "decisions");
  SpExprScope scope;

  init_scope (loader, &scope, &loader->facts_read, FALSE);

  for (guint i = 0; i < json_array_get_length (decisions); i++)
    {
      g_autofree char *path = g_strdup_printf ("decisions[%u]", i);
      g_autofree char *rows_path = sp_json_member_path (path, "rows");
      JsonObject *object = json_array_get_object_element (decisions, i);
      SpDecisionRule *rule = g_ptr_array_index (loader->policy->decision_array, i);
      JsonArray *rows;
      guint n_rows;

      if (!(rows = sp_json_get_array (object, "rows", TRUE, loader->file, path,
                                      SP_ERROR_INVALID_POLICY, error)))
        return FALSE;
      n_rows = json_array_get_length (rows);
      if (n_rows == 0 || n_rows > SP_MAX_ROWS)
        {
          sp_set_member_error (error, SP_ERROR_INVALID_POLICY, loader->file, rows_path,
                               "a rule needs 1 to %d rows", SP_MAX_ROWS);
          return FALSE;
        }

      for (guint r = 0; r < n_rows; r++)
        {
          static const char * const allowed[] = { "when", "status", "reason", "clauses", "interpretations", NULL };
          g_autofree char *row_path = g_strdup_printf ("%s[%u]", rows_path, r);
          g_autofree char *status_path = sp_json_member_path (row_path, "status");
          JsonNode *node = json_array_get_element (rows, r);
          JsonObject *row_object;
          const char *status, *reason;
          SpRuleRow row = { 0 };
          gboolean is_last = r == n_rows - 1;

          if (!JSON_NODE_HOLDS_OBJECT (node))
            {
              sp_set_member_error (error, SP_ERROR_INVALID_POLICY, loader->file, row_path, "must be an object");
              return FALSE;
            }
          row_object = json_node_get_object (node);
          if (!sp_json_check_members (row_object, allowed, loader->file, row_path, SP_ERROR_INVALID_POLICY, error) ||
              !sp_json_get_string (row_object, "status", TRUE, loader->file, row_path,
                                   SP_ERROR_INVALID_POLICY, &status, error) ||
              !sp_json_get_string (row_object, "reason", TRUE, loader->file, row_path,
                                   SP_ERROR_INVALID_POLICY, &reason, error))
            return FALSE;

          if (!sp_status_from_string (status, &row.status) ||
              (row.status != SP_STATUS_SUPPORTED && row.status != SP_STATUS_CRITERIA_NOT_MET &&
               row.status != SP_STATUS_NOT_NORMALLY_FUNDED))
            {
              sp_set_member_error (error, SP_ERROR_INVALID_POLICY, loader->file, status_path,
                                   "a rule row decides supported, criteria_not_met or "
                                   "not_normally_funded; the other statuses come from the precedence steps");
              return FALSE;
            }

          if (json_object_has_member (row_object, "when") == is_last)
            {
              g_autofree char *when_path = sp_json_member_path (row_path, "when");

              sp_set_member_error (error, SP_ERROR_INVALID_POLICY, loader->file, when_path,
                                   is_last ? "the last row must have no condition: it decides when no other row does"
                                           : "every row but the last needs a condition");
              return FALSE;
            }

          if (!is_last)
            {
              g_autofree char *when_path = sp_json_member_path (row_path, "when");

              if (!(row.when = sp_expr_parse (json_object_get_member (row_object, "when"), when_path, &scope, error)))
                return FALSE;
            }

          row.reason = g_strdup (reason);
          row.clause_ids = read_id_list (loader, row_object, "clauses", row_path,
                                         loader->policy->clauses_by_id, "clause",
                                         loader->cited_clauses, error);
          if (row.clause_ids != NULL)
            row.interpretation_ids = read_id_list (loader, row_object, "interpretations", row_path,
                                                   loader->policy->interpretations_by_id,
                                                   "interpretation", loader->applied_interpretations, error);
          if (row.clause_ids == NULL || row.interpretation_ids == NULL)
            {
              g_clear_pointer (&row.when, sp_expr_free);
              g_clear_pointer (&row.reason, g_free);
              g_clear_pointer (&row.clause_ids, g_free);
              return FALSE;
            }
          if (row.clause_ids[0] == NULL)
            {
              g_autofree char *member = sp_json_member_path (row_path, "clauses");

              g_clear_pointer (&row.when, sp_expr_free);
              g_clear_pointer (&row.reason, g_free);
              g_clear_pointer (&row.clause_ids, g_free);
              g_clear_pointer (&row.interpretation_ids, g_free);
              sp_set_member_error (error, SP_ERROR_INVALID_POLICY, loader->file, member,
                                   "every row must cite the clause it rests on");
              return FALSE;
            }
          sp_decision_rule_add_row (rule, &row);
        }
    }

  return TRUE;
}

static gboolean
load_advisories (Loader      *loader,
                 JsonObject  *root,
                 GError     **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *advisories;
  SpExprScope scope;

  init_scope (loader, &scope, &loader->facts_read, TRUE);

  if (!(advisories = sp_json_get_array (root, "advisories", TRUE, loader->file, "",
                                        SP_ERROR_INVALID_POLICY, error)))
    return FALSE;
  if (json_array_get_length (advisories) > 64)
    {
      sp_set_member_error (error, SP_ERROR_INVALID_POLICY, loader->file, "advisories",
                           "at most 64 advisories are supported");
      return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (advisories); i++)
    {
      static const char * const allowed[] = { "id", "when", "text", "clauses", "variants", "findings",
                                              "banner", NULL };
      static const char * const banners[] = { "urgent", "serious", NULL };
      JsonArray *variants = NULL, *findings = NULL;
      const char *banner = NULL;
      g_autofree char *path = g_strdup_printf ("advisories[%u]", i);
      g_autofree char *when_path = sp_json_member_path (path, "when");
      JsonNode *node = json_array_get_element (advisories, i);
      g_autoptr(SpExpr) when = NULL;
      JsonObject *object;
      const char *id, *text;
      const char **clause_ids;
      SpAdvisoryRule *rule;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          sp_set_member_error (error, SP_ERROR_INVALID_POLICY, loader->file, path, "must be an object");
          return FALSE;
        }
      object = json_node_get_object (node);
      if (!sp_json_check_members (object, allowed, loader->file, path, SP_ERROR_INVALID_POLICY, error) ||
          !sp_json_get_string (object, "id", TRUE, loader->file, path, SP_ERROR_INVALID_POLICY, &id, error) ||
          !sp_json_get_string (object, "text", TRUE, loader->file, path, SP_ERROR_INVALID_POLICY, &text, error) ||
          !check_unique_id (seen, id, loader->file, path, error))
        return FALSE;
      if (!json_object_has_member (object, "when"))
        {
          sp_set_member_error (error, SP_ERROR_INVALID_POLICY, loader->file, when_path,
                               "required member is missing");
          return FALSE;
        }
      if (!(when = sp_expr_parse (json_object_get_member (object, "when"), when_path, &scope, error)) ||
          !(clause_ids = read_id_list (loader, object, "clauses", path, loader->policy->clauses_by_id,
                                       "clause", loader->cited_clauses, error)))
        return FALSE;

      rule = sp_advisory_rule_new (id, text, g_steal_pointer (&when), clause_ids);
      g_ptr_array_add (loader->policy->advisory_array, rule);
      g_list_store_append (loader->policy->advisories, rule);

      if (!sp_json_get_string (object, "banner", FALSE, loader->file, path, SP_ERROR_INVALID_POLICY, &banner, error))
        return FALSE;
      if (banner != NULL && !g_strv_contains (banners, banner))
        {
          g_autofree char *banner_path = sp_json_member_path (path, "banner");

          sp_set_member_error (error, SP_ERROR_INVALID_POLICY, loader->file, banner_path,
                               "must be \"urgent\" or \"serious\"");
          return FALSE;
        }
      sp_advisory_rule_set_banner (rule, banner);

      if (json_object_has_member (object, "findings") &&
          !(findings = sp_json_get_array (object, "findings", TRUE, loader->file, path,
                                          SP_ERROR_INVALID_POLICY, error)))
        return FALSE;
      if ((findings != NULL && json_array_get_length (findings) > 0) != (strstr (text, "{findings}") != NULL))
        {
          g_autofree char *text_path = sp_json_member_path (path, "text");

          sp_set_member_error (error, SP_ERROR_INVALID_POLICY, loader->file, text_path,
                               "names {findings} exactly when the advisory has findings");
          return FALSE;
        }
      for (guint f = 0; findings && f < json_array_get_length (findings); f++)
        {
          static const char * const finding_allowed[] = { "when", "text", NULL };
          g_autofree char *finding_path = g_strdup_printf ("%s.findings[%u]", path, f);
          g_autofree char *finding_when_path = sp_json_member_path (finding_path, "when");
          JsonNode *finding_node = json_array_get_element (findings, f);
          JsonObject *finding;
          const char *finding_text;
          SpExpr *finding_when;

          if (!JSON_NODE_HOLDS_OBJECT (finding_node))
            {
              sp_set_member_error (error, SP_ERROR_INVALID_POLICY, loader->file, finding_path,
                                   "must be an object with when and text");
              return FALSE;
            }
          finding = json_node_get_object (finding_node);
          if (!sp_json_check_members (finding, finding_allowed, loader->file, finding_path,
                                      SP_ERROR_INVALID_POLICY, error) ||
              !sp_json_get_string (finding, "text", TRUE, loader->file, finding_path,
                                   SP_ERROR_INVALID_POLICY, &finding_text, error))
            return FALSE;
          if (!json_object_has_member (finding, "when"))
            {
              sp_set_member_error (error, SP_ERROR_INVALID_POLICY, loader->file, finding_when_path,
                                   "required member is missing");
              return FALSE;
            }
          if (!(finding_when = sp_expr_parse (json_object_get_member (finding, "when"),
                                              finding_when_path, &scope, error)))
            return FALSE;
          sp_advisory_rule_add_finding (rule, finding_when, finding_text);
        }

      if (json_object_has_member (object, "variants") &&
          !(variants = sp_json_get_array (object, "variants", TRUE, loader->file, path,
                                          SP_ERROR_INVALID_POLICY, error)))
        return FALSE;
      for (guint v = 0; variants && v < json_array_get_length (variants); v++)
        {
          static const char * const variant_allowed[] = { "when", "text", NULL };
          g_autofree char *variant_path = g_strdup_printf ("%s.variants[%u]", path, v);
          g_autofree char *variant_when_path = sp_json_member_path (variant_path, "when");
          JsonNode *variant_node = json_array_get_element (variants, v);
          JsonObject *variant;
          const char *variant_text;
          SpExpr *variant_when;

          if (!JSON_NODE_HOLDS_OBJECT (variant_node))
            {
              sp_set_member_error (error, SP_ERROR_INVALID_POLICY, loader->file, variant_path,
                                   "must be an object with when and text");
              return FALSE;
            }
          variant = json_node_get_object (variant_node);
          if (!sp_json_check_members (variant, variant_allowed, loader->file, variant_path,
                                      SP_ERROR_INVALID_POLICY, error) ||
              !sp_json_get_string (variant, "text", TRUE, loader->file, variant_path,
                                   SP_ERROR_INVALID_POLICY, &variant_text, error))
            return FALSE;
          if (!json_object_has_member (variant, "when"))
            {
              sp_set_member_error (error, SP_ERROR_INVALID_POLICY, loader->file, variant_when_path,
                                   "required member is missing");
              return FALSE;
            }
          if (!(variant_when = sp_expr_parse (json_object_get_member (variant, "when"),
                                              variant_when_path, &scope, error)))
            return FALSE;
          sp_advisory_rule_add_variant (rule, variant_when, variant_text);
        }
      continue;
    }

  return TRUE;
}

/* The traceability checks: nothing in the file is dead weight, because a
 * clause nobody cites or a question nobody reads usually means a rule was
 * lost in an edit. */
static gboolean
check_everything_used (Loader  *loader,
                       GError **error)
{
  SpPolicy *self = loader->policy;
  guint n;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->clauses));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpClause) clause = g_list_model_get_item (G_LIST_MODEL (self->clauses), i);

      if (!g_hash_table_contains (loader->cited_clauses, g_intern_string (sp_clause_get_id (clause))))
        {
          g_autofree char *path = g_strdup_printf ("clauses[%u]", i);

          sp_set_member_error (error, SP_ERROR_INVALID_POLICY, loader->file, path,
                               "clause \"%s\" is cited by no rule, advisory, interpretation or screening step",
                               sp_clause_get_id (clause));
          return FALSE;
        }
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->interpretations));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpInterpretation) interpretation =
        g_list_model_get_item (G_LIST_MODEL (self->interpretations), i);

      if (!g_hash_table_contains (loader->applied_interpretations,
                                  g_intern_string (sp_interpretation_get_id (interpretation))))
        {
          g_autofree char *path = g_strdup_printf ("interpretations[%u]", i);

          sp_set_member_error (error, SP_ERROR_INVALID_POLICY, loader->file, path,
                               "interpretation \"%s\" is applied by no decision, so the clinician "
                               "would never see it", sp_interpretation_get_id (interpretation));
          return FALSE;
        }
    }

  for (guint i = 0; i < self->fact_array->len; i++)
    {
      SpFact *fact = g_ptr_array_index (self->fact_array, i);
      gboolean read = sp_fact_set_contains (&loader->facts_read, i);
      g_autofree char *path = g_strdup_printf ("facts[%u]", i);

      if (!read && !sp_fact_is_recorded_only (fact))
        {
          sp_set_member_error (error, SP_ERROR_INVALID_POLICY, loader->file, path,
                               "fact \"%s\" is read by no rule or advisory; mark it "
                               "\"recorded_only\" if it is kept for the summary only",
                               sp_fact_get_id (fact));
          return FALSE;
        }
      if (read && sp_fact_is_recorded_only (fact))
        {
          g_autofree char *member = sp_json_member_path (path, "recorded_only");

          sp_set_member_error (error, SP_ERROR_INVALID_POLICY, loader->file, member,
                               "fact \"%s\" is marked recorded_only but a rule reads it",
                               sp_fact_get_id (fact));
          return FALSE;
        }
    }

  return TRUE;
}

static char *
basename_for_messages (const char *display_name)
{
  return g_strdup (display_name ? display_name : "policy");
}

/**
 * sp_policy_new_from_bytes:
 * @bytes: the policy file's contents
 * @display_name: how to name the file in error messages
 *
 * Returns: (transfer full): the policy, or %NULL with @error naming the
 *   file and the member that is wrong
 */
SpPolicy *
sp_policy_new_from_bytes (GBytes      *bytes,
                          const char  *display_name,
                          GError     **error)
{
  static const char * const allowed[] = {
    "schema", "schema_version", "id", "title", "version", "effective_date",
    "review_cycle_years", "source_note", "status", "references", "pathways", "clauses",
    "interpretations", "screening", "facts", "constraints", "decisions", "advisories", NULL
  };
  g_autoptr(SpPolicy) self = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(GHashTable) cited = NULL;
  g_autoptr(GHashTable) applied = NULL;
  g_autofree char *file = basename_for_messages (display_name);
  JsonNode *root_node;
  JsonObject *root;
  Loader loader = { 0 };
  gsize size, offset = 0;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (size > SP_POLICY_FILE_MAX_SIZE)
    {
      sp_set_member_error (error, SP_ERROR_INVALID_POLICY, file, NULL,
                           "too large for a policy file (%" G_GSIZE_FORMAT " bytes; at most %u)",
                           size, SP_POLICY_FILE_MAX_SIZE);
      return NULL;
    }
  if (!sp_json_gate_check (data, size, file, SP_ERROR_INVALID_POLICY, &offset, error))
    return NULL;
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data + offset, size - offset, &parse_error))
    {
      sp_set_member_error (error, SP_ERROR_INVALID_POLICY, file, NULL,
                           "not valid JSON: %s", parse_error->message);
      return NULL;
    }
  root_node = json_parser_get_root (parser);
  if (root_node == NULL || !JSON_NODE_HOLDS_OBJECT (root_node))
    {
      sp_set_member_error (error, SP_ERROR_INVALID_POLICY, file, NULL,
                           "a policy file must hold a JSON object");
      return NULL;
    }
  root = json_node_get_object (root_node);

  self = g_object_new (SP_TYPE_POLICY, NULL);
  self->display_name = g_strdup (file);
  self->sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

  cited = g_hash_table_new (NULL, NULL);
  applied = g_hash_table_new (NULL, NULL);
  loader.policy = self;
  loader.file = file;
  loader.cited_clauses = cited;
  loader.applied_interpretations = applied;

  if (!sp_json_check_members (root, allowed, file, "", SP_ERROR_INVALID_POLICY, error) ||
      !load_metadata (&loader, root, error) ||
      !load_clauses (&loader, root, error) ||
      !load_interpretations (&loader, root, error) ||
      !load_facts (&loader, root, error) ||
      !load_decision_ids (&loader, root, error) ||
      !load_fact_conditions (&loader, root, error) ||
      !load_screening (&loader, root, error) ||
      !load_constraints (&loader, root, error) ||
      !load_decision_rules (&loader, root, error) ||
      !load_advisories (&loader, root, error) ||
      !check_everything_used (&loader, error))
    return NULL;

  self->full_domains = g_new0 (SpDomain, MAX (self->fact_array->len, 1));
  self->fact_types = g_new0 (guint8, MAX (self->fact_array->len, 1));
  for (guint i = 0; i < self->fact_array->len; i++)
    {
      SpFact *fact = g_ptr_array_index (self->fact_array, i);

      self->fact_types[i] = sp_fact_get_fact_type (fact);
      if (fact_can_be_implied (fact))
        sp_fact_get_full_domain (fact, &self->full_domains[i]);
    }

  return g_steal_pointer (&self);
}

/**
 * sp_policy_new_from_file:
 *
 * Loads a commissioner's revision of the policy.
 */
SpPolicy *
sp_policy_new_from_file (GFile   *file,
                         GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);
  if (!(bytes = g_file_load_bytes (file, NULL, NULL, &local_error)))
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID_POLICY, "%s: cannot read: %s",
                   name, local_error->message);
      return NULL;
    }
  return sp_policy_new_from_bytes (bytes, name, error);
}

/* The SHA-256 of the policy built in, computed once: from @known when the
 * built-in policy has just been read (it is, in a thread, as the window
 * starts, and hashing it again cost the first frame a millisecond), else
 * from the resource. Never freed. */
static const char *
built_in_sha256 (const char *known)
{
  static char *sha256;

  if (g_once_init_enter (&sha256))
    {
      char *computed = NULL;

      if (known != NULL)
        computed = g_strdup (known);
      else
        {
          g_autoptr(GBytes) bytes = g_resource_lookup_data (sp_core_get_resource (), DEFAULT_POLICY_PATH,
                                                            G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

          computed = bytes ? g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes) : g_strdup ("");
        }
      g_once_init_leave (&sha256, computed);
    }
  return sha256;
}

/**
 * sp_policy_new_default:
 *
 * Loads the policy compiled into the program, so the app works with no
 * files and no network.
 */
SpPolicy *
sp_policy_new_default (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  SpPolicy *policy;

  /* Looked up in the resource directly (not the global registry) so that
   * linking the static core library is enough: no constructor to lose. */
  bytes = g_resource_lookup_data (sp_core_get_resource (), DEFAULT_POLICY_PATH,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  policy = sp_policy_new_from_bytes (bytes, "spinal-interventions.json (built in)", error);
  if (policy != NULL)
    built_in_sha256 (policy->sha256);
  return policy;
}

/* ---- accessors ------------------------------------------------------ */

const char *
sp_policy_get_id (SpPolicy *self)
{
  g_return_val_if_fail (SP_IS_POLICY (self), NULL);
  return self->id;
}

const char *
sp_policy_get_title (SpPolicy *self)
{
  g_return_val_if_fail (SP_IS_POLICY (self), NULL);
  return self->title;
}

const char *
sp_policy_get_version (SpPolicy *self)
{
  g_return_val_if_fail (SP_IS_POLICY (self), NULL);
  return self->version;
}

/**
 * sp_policy_get_effective_date:
 *
 * Returns: (nullable): the date the policy took effect, when it states one
 */
const char *
sp_policy_get_effective_date (SpPolicy *self)
{
  g_return_val_if_fail (SP_IS_POLICY (self), NULL);
  return self->effective_date;
}

/**
 * sp_policy_is_adopted:
 *
 * Returns: whether the policy file says the commissioner has adopted it
 *   (`"status": "adopted"`); a draft, or a file that does not say, is not
 */
gboolean
sp_policy_is_adopted (SpPolicy *self)
{
  g_return_val_if_fail (SP_IS_POLICY (self), FALSE);
  return self->adopted;
}

const char *
sp_policy_get_source_note (SpPolicy *self)
{
  g_return_val_if_fail (SP_IS_POLICY (self), NULL);
  return self->source_note;
}

guint
sp_policy_get_review_cycle_years (SpPolicy *self)
{
  g_return_val_if_fail (SP_IS_POLICY (self), 0);
  return self->review_cycle_years;
}

/**
 * sp_policy_get_sha256:
 *
 * Returns: the SHA-256 of the policy file's bytes, in hex, so a summary
 *   names exactly which text decided it
 */
const char *
sp_policy_get_sha256 (SpPolicy *self)
{
  g_return_val_if_fail (SP_IS_POLICY (self), NULL);
  return self->sha256;
}

/**
 * sp_policy_is_built_in:
 *
 * Returns: whether this is the policy compiled into the program, byte for
 *   byte (a file with the same bytes is the same policy; one with a single
 *   clause reworded is not, whatever its version says)
 */
gboolean
sp_policy_is_built_in (SpPolicy *self)
{
  g_return_val_if_fail (SP_IS_POLICY (self), FALSE);

  return g_str_equal (self->sha256, built_in_sha256 (NULL));
}

const char *
sp_policy_get_display_name (SpPolicy *self)
{
  g_return_val_if_fail (SP_IS_POLICY (self), NULL);
  return self->display_name;
}

const char * const *
sp_policy_get_references (SpPolicy *self)
{
  g_return_val_if_fail (SP_IS_POLICY (self), NULL);
  return (const char * const *) self->references;
}

const char * const *
sp_policy_get_pathway_ids (SpPolicy *self)
{
  g_return_val_if_fail (SP_IS_POLICY (self), NULL);
  return (const char * const *) self->pathway_ids;
}

const char *
sp_policy_get_pathway_label (SpPolicy   *self,
                             const char *pathway_id)
{
  g_return_val_if_fail (SP_IS_POLICY (self), NULL);

  for (guint i = 0; self->pathway_ids[i]; i++)
    if (g_str_equal (self->pathway_ids[i], pathway_id))
      return self->pathway_labels[i];
  return NULL;
}

/**
 * sp_policy_get_facts:
 *
 * Returns: (transfer none): the facts, as #SpFact, in the policy's order
 */
GListModel *
sp_policy_get_facts (SpPolicy *self)
{
  g_return_val_if_fail (SP_IS_POLICY (self), NULL);
  return G_LIST_MODEL (self->facts);
}

/**
 * sp_policy_get_decisions:
 *
 * Returns: (transfer none): the decision rules, as #SpDecisionRule
 */
GListModel *
sp_policy_get_decisions (SpPolicy *self)
{
  g_return_val_if_fail (SP_IS_POLICY (self), NULL);
  return G_LIST_MODEL (self->decisions);
}

/**
 * sp_policy_get_clauses:
 *
 * Returns: (transfer none): the quoted clauses, as #SpClause
 */
GListModel *
sp_policy_get_clauses (SpPolicy *self)
{
  g_return_val_if_fail (SP_IS_POLICY (self), NULL);
  return G_LIST_MODEL (self->clauses);
}

/**
 * sp_policy_get_interpretations:
 *
 * Returns: (transfer none): the recorded readings, as #SpInterpretation
 */
GListModel *
sp_policy_get_interpretations (SpPolicy *self)
{
  g_return_val_if_fail (SP_IS_POLICY (self), NULL);
  return G_LIST_MODEL (self->interpretations);
}

/**
 * sp_policy_get_advisories:
 *
 * Returns: (transfer none): the advisory rules, as #SpAdvisoryRule
 */
GListModel *
sp_policy_get_advisories (SpPolicy *self)
{
  g_return_val_if_fail (SP_IS_POLICY (self), NULL);
  return G_LIST_MODEL (self->advisories);
}

guint
sp_policy_get_n_facts (SpPolicy *self)
{
  g_return_val_if_fail (SP_IS_POLICY (self), 0);
  return self->fact_array->len;
}

/**
 * sp_policy_reads_cases_as:
 *
 * Whether a case's facts read into the same values, at the same indices,
 * under @self as under @other: the same facts in the same order, each
 * accepting the same values (sp_fact_reads_values_as()). The constraints
 * may still differ, so a case read under one must have them checked under
 * the other.
 */
gboolean
sp_policy_reads_cases_as (SpPolicy *self,
                          SpPolicy *other)
{
  g_return_val_if_fail (SP_IS_POLICY (self), FALSE);
  g_return_val_if_fail (SP_IS_POLICY (other), FALSE);

  if (self->fact_array->len != other->fact_array->len)
    return FALSE;
  for (guint i = 0; i < self->fact_array->len; i++)
    if (!sp_fact_reads_values_as (g_ptr_array_index (self->fact_array, i),
                                  g_ptr_array_index (other->fact_array, i)))
      return FALSE;
  return TRUE;
}

/**
 * sp_policy_get_fact:
 *
 * Returns: (transfer none): the fact at @index
 */
SpFact *
sp_policy_get_fact (SpPolicy *self,
                    guint     index)
{
  g_return_val_if_fail (SP_IS_POLICY (self), NULL);
  g_return_val_if_fail (index < self->fact_array->len, NULL);
  return g_ptr_array_index (self->fact_array, index);
}

guint
sp_policy_get_n_decisions (SpPolicy *self)
{
  g_return_val_if_fail (SP_IS_POLICY (self), 0);
  return self->decision_array->len;
}

/**
 * sp_policy_get_decision:
 *
 * Returns: (transfer none): the decision rule at @index
 */
SpDecisionRule *
sp_policy_get_decision (SpPolicy *self,
                        guint     index)
{
  g_return_val_if_fail (SP_IS_POLICY (self), NULL);
  g_return_val_if_fail (index < self->decision_array->len, NULL);
  return g_ptr_array_index (self->decision_array, index);
}

/**
 * sp_policy_lookup_fact:
 *
 * Returns: (transfer none) (nullable): the fact called @fact_id
 */
SpFact *
sp_policy_lookup_fact (SpPolicy   *self,
                       const char *fact_id)
{
  g_return_val_if_fail (SP_IS_POLICY (self), NULL);
  g_return_val_if_fail (fact_id != NULL, NULL);
  return g_hash_table_lookup (self->facts_by_id, fact_id);
}

/**
 * sp_policy_lookup_decision:
 *
 * Returns: (transfer none) (nullable): the decision rule called @decision_id
 */
SpDecisionRule *
sp_policy_lookup_decision (SpPolicy   *self,
                           const char *decision_id)
{
  guint index;

  g_return_val_if_fail (SP_IS_POLICY (self), NULL);
  g_return_val_if_fail (decision_id != NULL, NULL);

  index = GPOINTER_TO_UINT (g_hash_table_lookup (self->decisions_by_id, decision_id));
  return index ? g_ptr_array_index (self->decision_array, index - 1) : NULL;
}

/**
 * sp_policy_lookup_clause:
 *
 * Returns: (transfer none) (nullable): the clause called @clause_id
 */
SpClause *
sp_policy_lookup_clause (SpPolicy   *self,
                         const char *clause_id)
{
  g_return_val_if_fail (SP_IS_POLICY (self), NULL);
  g_return_val_if_fail (clause_id != NULL, NULL);
  return g_hash_table_lookup (self->clauses_by_id, clause_id);
}

/**
 * sp_policy_lookup_interpretation:
 *
 * Returns: (transfer none) (nullable): the interpretation called @interpretation_id
 */
SpInterpretation *
sp_policy_lookup_interpretation (SpPolicy   *self,
                                 const char *interpretation_id)
{
  g_return_val_if_fail (SP_IS_POLICY (self), NULL);
  g_return_val_if_fail (interpretation_id != NULL, NULL);
  return g_hash_table_lookup (self->interpretations_by_id, interpretation_id);
}

/**
 * sp_policy_get_care_setting_fact:
 *
 * Returns: (transfer none) (nullable): the choice of where the patient is
 *   assessed, which a preference may record in every new case (the
 *   policy's screening "care_setting"), or %NULL when the policy names none
 */
SpFact *
sp_policy_get_care_setting_fact (SpPolicy *self)
{
  g_return_val_if_fail (SP_IS_POLICY (self), NULL);
  if (self->screening.care_setting < 0)
    return NULL;
  return sp_policy_get_fact (self, self->screening.care_setting);
}

/**
 * sp_policy_get_assessment_date_fact:
 *
 * Returns: (transfer none) (nullable): the date of the assessment (the
 *   policy's screening "assessment_date")
 */
SpFact *
sp_policy_get_assessment_date_fact (SpPolicy *self)
{
  g_return_val_if_fail (SP_IS_POLICY (self), NULL);
  if (self->screening.assessment_date < 0)
    return NULL;
  return sp_policy_get_fact (self, self->screening.assessment_date);
}

/**
 * sp_policy_get_exceptional_impairment_fact:
 *
 * Returns: (transfer none): the fact individual funding needs recorded
 *   true beside an intervention named for it (the policy's screening
 *   "exceptional_impairment")
 */
SpFact *
sp_policy_get_exceptional_impairment_fact (SpPolicy *self)
{
  g_return_val_if_fail (SP_IS_POLICY (self), NULL);
  return sp_policy_get_fact (self, self->screening.exceptional_impairment);
}

gboolean
sp_policy_is_red_flag (SpPolicy *self,
                       SpFact   *fact)
{
  g_return_val_if_fail (SP_IS_POLICY (self), FALSE);
  g_return_val_if_fail (SP_IS_FACT (fact), FALSE);

  for (guint i = 0; i < self->screening.n_red_flags; i++)
    if (self->screening.red_flags[i] == sp_fact_get_index (fact))
      return TRUE;
  return FALSE;
}

/**
 * sp_policy_is_screening_fact:
 *
 * Returns: %TRUE for the red flags and the serious-pathology question: the
 *   facts the policy needs before it applies at all
 */
gboolean
sp_policy_is_screening_fact (SpPolicy *self,
                             SpFact   *fact)
{
  g_return_val_if_fail (SP_IS_POLICY (self), FALSE);
  g_return_val_if_fail (SP_IS_FACT (fact), FALSE);

  return sp_policy_is_red_flag (self, fact) ||
         sp_fact_get_index (fact) == self->screening.serious_pathology;
}

const SpScreening *
sp_policy_get_screening (SpPolicy *self)
{
  g_assert (SP_IS_POLICY (self));
  return &self->screening;
}

const SpConstraint *
sp_policy_get_constraints (SpPolicy *self,
                           guint    *n_constraints)
{
  g_assert (SP_IS_POLICY (self));
  *n_constraints = self->constraints->len;
  return (const SpConstraint *) (gpointer) self->constraints->data;
}

const SpDomain *
sp_policy_get_full_domains (SpPolicy *self)
{
  return self->full_domains;
}

const guint8 *
sp_policy_get_fact_types (SpPolicy *self)
{
  return self->fact_types;
}

GPtrArray *
sp_policy_get_fact_array (SpPolicy *self)
{
  g_assert (SP_IS_POLICY (self));
  return self->fact_array;
}

GPtrArray *
sp_policy_get_decision_array (SpPolicy *self)
{
  g_assert (SP_IS_POLICY (self));
  return self->decision_array;
}

GPtrArray *
sp_policy_get_advisory_array (SpPolicy *self)
{
  g_assert (SP_IS_POLICY (self));
  return self->advisory_array;
}

/* The sentence a decision's reasons carry for an interpretation it applies,
 * made once per policy rather than once per evaluation. */
const char *
sp_policy_get_interpretation_sentence (SpPolicy   *self,
                                       const char *interpretation_id)
{
  /* An id that was never interned is no interpretation of any policy; a
   * lookup should not intern it. */
  GQuark quark = g_quark_try_string (interpretation_id);

  g_assert (SP_IS_POLICY (self));
  if (quark == 0)
    return NULL;
  return sp_policy_get_interned_interpretation_sentence (self, g_quark_to_string (quark));
}

/* For ids from the policy's own rules, which are interned: a lookup by
 * address, without hashing the text. */
const char *
sp_policy_get_interned_interpretation_sentence (SpPolicy   *self,
                                                const char *interned_id)
{
  g_assert (SP_IS_POLICY (self));
  return g_hash_table_lookup (self->interpretation_sentences, interned_id);
}
