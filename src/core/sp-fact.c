/* sp-fact.c
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>

#include "sp-core-private.h"
#include "sp-date.h"
#include "sp-fact.h"

/**
 * SpFact:
 *
 * One question the policy can ask about a patient: its identifier (a public
 * interface, written in case files), its type and range, and the words the
 * clinician sees. Facts are created by the policy loader and never change.
 */
struct _SpFact
{
  GObject     parent_instance;

  char       *id;
  char       *label;
  char       *help;
  char       *pathway;
  char       *section;
  char       *unit;
  char       *pattern;
  GRegex     *pattern_regex;
  GPtrArray  *choice_ids;
  GPtrArray  *choice_labels;
  SpExpr     *relevant_when;
  SpExpr     *asked_when;
  double      minimum;
  double      maximum;
  SpFactType  type;
  guint       index;
  guint       has_range : 1;
  guint       recorded_only : 1;
  guint       default_today : 1;
};

G_DEFINE_FINAL_TYPE (SpFact, sp_fact, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_LABEL,
  PROP_HELP,
  PROP_PATHWAY,
  PROP_SECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sp_fact_finalize (GObject *object)
{
  SpFact *self = (SpFact *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->help, g_free);
  g_clear_pointer (&self->pathway, g_free);
  g_clear_pointer (&self->section, g_free);
  g_clear_pointer (&self->unit, g_free);
  g_clear_pointer (&self->pattern, g_free);
  g_clear_pointer (&self->pattern_regex, g_regex_unref);
  g_clear_pointer (&self->choice_ids, g_ptr_array_unref);
  g_clear_pointer (&self->choice_labels, g_ptr_array_unref);
  g_clear_pointer (&self->relevant_when, sp_expr_free);
  g_clear_pointer (&self->asked_when, sp_expr_free);

  G_OBJECT_CLASS (sp_fact_parent_class)->finalize (object);
}

static void
sp_fact_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  SpFact *self = SP_FACT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_HELP:
      g_value_set_string (value, self->help);
      break;
    case PROP_PATHWAY:
      g_value_set_string (value, self->pathway);
      break;
    case PROP_SECTION:
      g_value_set_string (value, self->section);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_fact_class_init (SpFactClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sp_fact_finalize;
  object_class->get_property = sp_fact_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HELP] =
    g_param_spec_string ("help", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PATHWAY] =
    g_param_spec_string ("pathway", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SECTION] =
    g_param_spec_string ("section", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_fact_init (SpFact *self)
{
  self->choice_ids = g_ptr_array_new_with_free_func (g_free);
  self->choice_labels = g_ptr_array_new_with_free_func (g_free);
}

static gboolean
parse_fact_type (const char *text,
                 SpFactType *type)
{
  for (SpFactType t = SP_FACT_BOOLEAN; t <= SP_FACT_DECISION_LIST; t++)
    {
      if (g_str_equal (text, sp_fact_type_to_string (t)))
        {
          *type = t;
          return TRUE;
        }
    }
  return FALSE;
}

SpFact *
sp_fact_new_from_json (JsonObject  *object,
                       const char  *file,
                       const char  *path,
                       guint        index,
                       GError     **error)
{
  static const char * const allowed[] = {
    "id", "type", "label", "help", "pathway", "section", "unit", "min", "max",
    "choices", "pattern", "relevant_when", "asked_when", "recorded_only", NULL
  };
  g_autoptr(SpFact) self = g_object_new (SP_TYPE_FACT, NULL);
  const char *id, *type, *label, *help, *pathway, *section, *unit, *pattern;
  gboolean recorded_only = FALSE;
  JsonArray *choices;
  gboolean has_min, has_max;

  if (!sp_json_check_members (object, allowed, file, path, SP_ERROR_INVALID_POLICY, error) ||
      !sp_json_get_string (object, "id", TRUE, file, path, SP_ERROR_INVALID_POLICY, &id, error) ||
      !sp_json_get_string (object, "type", TRUE, file, path, SP_ERROR_INVALID_POLICY, &type, error) ||
      !sp_json_get_string (object, "label", TRUE, file, path, SP_ERROR_INVALID_POLICY, &label, error) ||
      !sp_json_get_string (object, "help", FALSE, file, path, SP_ERROR_INVALID_POLICY, &help, error) ||
      !sp_json_get_string (object, "pathway", TRUE, file, path, SP_ERROR_INVALID_POLICY, &pathway, error) ||
      !sp_json_get_string (object, "section", TRUE, file, path, SP_ERROR_INVALID_POLICY, &section, error) ||
      !sp_json_get_string (object, "unit", FALSE, file, path, SP_ERROR_INVALID_POLICY, &unit, error) ||
      !sp_json_get_string (object, "pattern", FALSE, file, path, SP_ERROR_INVALID_POLICY, &pattern, error) ||
      !sp_json_get_boolean (object, "recorded_only", file, path, SP_ERROR_INVALID_POLICY, &recorded_only, error))
    return NULL;

  if (!parse_fact_type (type, &self->type))
    {
      g_autofree char *member = sp_json_member_path (path, "type");

      sp_set_member_error (error, SP_ERROR_INVALID_POLICY, file, member,
                           "unknown fact type \"%s\"", type);
      return NULL;
    }

  self->id = g_strdup (id);
  self->label = g_strdup (label);
  self->help = g_strdup (help ? help : "");
  self->pathway = g_strdup (pathway);
  self->section = g_strdup (section);
  self->unit = g_strdup (unit);
  self->index = index;
  self->recorded_only = !!recorded_only;

  has_min = json_object_has_member (object, "min");
  has_max = json_object_has_member (object, "max");
  if (has_min || has_max)
    {
      if (self->type != SP_FACT_INTEGER && self->type != SP_FACT_NUMBER)
        {
          g_autofree char *member = sp_json_member_path (path, has_min ? "min" : "max");

          sp_set_member_error (error, SP_ERROR_INVALID_POLICY, file, member,
                               "a range is only for integer and number facts");
          return NULL;
        }
      if (!has_min || !has_max)
        {
          g_autofree char *member = sp_json_member_path (path, has_min ? "max" : "min");

          sp_set_member_error (error, SP_ERROR_INVALID_POLICY, file, member,
                               "a range needs both min and max");
          return NULL;
        }
      if (!sp_json_get_number (object, "min", TRUE, file, path, SP_ERROR_INVALID_POLICY, &self->minimum, error) ||
          !sp_json_get_number (object, "max", TRUE, file, path, SP_ERROR_INVALID_POLICY, &self->maximum, error))
        return NULL;
      if (self->minimum > self->maximum)
        {
          g_autofree char *member = sp_json_member_path (path, "max");

          sp_set_member_error (error, SP_ERROR_INVALID_POLICY, file, member,
                               "max is below min");
          return NULL;
        }
      self->has_range = TRUE;
    }
  else if (self->type == SP_FACT_INTEGER || self->type == SP_FACT_NUMBER)
    {
      g_autofree char *member = sp_json_member_path (path, "min");

      /* An unbounded number in a clinical form invites a typo to decide. */
      sp_set_member_error (error, SP_ERROR_INVALID_POLICY, file, member,
                           "integer and number facts need a range (min and max)");
      return NULL;
    }

  if (pattern != NULL)
    {
      g_autoptr(GError) regex_error = NULL;

      if (self->type != SP_FACT_STRING)
        {
          g_autofree char *member = sp_json_member_path (path, "pattern");

          sp_set_member_error (error, SP_ERROR_INVALID_POLICY, file, member,
                               "a pattern is only for string facts");
          return NULL;
        }
      if (!(self->pattern_regex = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, &regex_error)))
        {
          g_autofree char *member = sp_json_member_path (path, "pattern");

          sp_set_member_error (error, SP_ERROR_INVALID_POLICY, file, member,
                               "bad regular expression: %s", regex_error->message);
          return NULL;
        }
      self->pattern = g_strdup (pattern);
    }

  choices = json_object_has_member (object, "choices")
    ? sp_json_get_array (object, "choices", TRUE, file, path, SP_ERROR_INVALID_POLICY, error)
    : NULL;
  if (json_object_has_member (object, "choices") && choices == NULL)
    return NULL;

  if (self->type == SP_FACT_CHOICE || self->type == SP_FACT_CHOICE_LIST)
    {
      g_autofree char *choices_path = sp_json_member_path (path, "choices");
      guint n;

      if (choices == NULL || (n = json_array_get_length (choices)) == 0)
        {
          sp_set_member_error (error, SP_ERROR_INVALID_POLICY, file, choices_path,
                               "a choice fact needs at least one choice");
          return NULL;
        }
      if (n > SP_MAX_CHOICES)
        {
          sp_set_member_error (error, SP_ERROR_INVALID_POLICY, file, choices_path,
                               "at most %d choices are supported", SP_MAX_CHOICES);
          return NULL;
        }

      for (guint i = 0; i < n; i++)
        {
          static const char * const choice_allowed[] = { "id", "label", NULL };
          g_autofree char *choice_path = g_strdup_printf ("%s[%u]", choices_path, i);
          JsonNode *choice_node = json_array_get_element (choices, i);
          JsonObject *choice;
          const char *choice_id, *choice_label;

          if (!JSON_NODE_HOLDS_OBJECT (choice_node))
            {
              sp_set_member_error (error, SP_ERROR_INVALID_POLICY, file, choice_path,
                                   "must be an object with id and label");
              return NULL;
            }
          choice = json_node_get_object (choice_node);
          if (!sp_json_check_members (choice, choice_allowed, file, choice_path,
                                      SP_ERROR_INVALID_POLICY, error) ||
              !sp_json_get_string (choice, "id", TRUE, file, choice_path,
                                   SP_ERROR_INVALID_POLICY, &choice_id, error) ||
              !sp_json_get_string (choice, "label", TRUE, file, choice_path,
                                   SP_ERROR_INVALID_POLICY, &choice_label, error))
            return NULL;
          if (sp_fact_lookup_choice (self, choice_id, NULL))
            {
              g_autofree char *member = sp_json_member_path (choice_path, "id");

              sp_set_member_error (error, SP_ERROR_INVALID_POLICY, file, member,
                                   "duplicate choice \"%s\"", choice_id);
              return NULL;
            }
          g_ptr_array_add (self->choice_ids, g_strdup (choice_id));
          g_ptr_array_add (self->choice_labels, g_strdup (choice_label));
        }
    }
  else if (choices != NULL)
    {
      g_autofree char *member = sp_json_member_path (path, "choices");

      sp_set_member_error (error, SP_ERROR_INVALID_POLICY, file, member,
                           "choices are only for choice and choice_list facts");
      return NULL;
    }

  return g_steal_pointer (&self);
}

void
sp_fact_set_choices (SpFact    *self,
                     GPtrArray *ids,
                     GPtrArray *labels)
{
  g_assert (SP_IS_FACT (self));
  g_assert (ids->len == labels->len);

  g_ptr_array_set_size (self->choice_ids, 0);
  g_ptr_array_set_size (self->choice_labels, 0);
  for (guint i = 0; i < ids->len; i++)
    {
      g_ptr_array_add (self->choice_ids, g_strdup (g_ptr_array_index (ids, i)));
      g_ptr_array_add (self->choice_labels, g_strdup (g_ptr_array_index (labels, i)));
    }
}

void
sp_fact_take_relevant_when (SpFact *self,
                            SpExpr *expr)
{
  g_assert (SP_IS_FACT (self));

  g_clear_pointer (&self->relevant_when, sp_expr_free);
  self->relevant_when = expr;
}

void
sp_fact_take_asked_when (SpFact *self,
                         SpExpr *expr)
{
  g_assert (SP_IS_FACT (self));

  g_clear_pointer (&self->asked_when, sp_expr_free);
  self->asked_when = expr;
}

void
sp_fact_set_defaults_to_today (SpFact   *self,
                               gboolean  default_today)
{
  g_assert (SP_IS_FACT (self));

  self->default_today = !!default_today;
}

const char *
sp_fact_get_id (SpFact *self)
{
  g_return_val_if_fail (SP_IS_FACT (self), NULL);
  return self->id;
}

SpFactType
sp_fact_get_fact_type (SpFact *self)
{
  g_return_val_if_fail (SP_IS_FACT (self), 0);
  return self->type;
}

guint
sp_fact_get_index (SpFact *self)
{
  g_return_val_if_fail (SP_IS_FACT (self), 0);
  return self->index;
}

const char *
sp_fact_get_label (SpFact *self)
{
  g_return_val_if_fail (SP_IS_FACT (self), NULL);
  return self->label;
}

const char *
sp_fact_get_help (SpFact *self)
{
  g_return_val_if_fail (SP_IS_FACT (self), NULL);
  return self->help;
}

const char *
sp_fact_get_pathway (SpFact *self)
{
  g_return_val_if_fail (SP_IS_FACT (self), NULL);
  return self->pathway;
}

const char *
sp_fact_get_section (SpFact *self)
{
  g_return_val_if_fail (SP_IS_FACT (self), NULL);
  return self->section;
}

/**
 * sp_fact_get_unit:
 *
 * Returns: (nullable): the unit of a number, e.g. "weeks"
 */
const char *
sp_fact_get_unit (SpFact *self)
{
  g_return_val_if_fail (SP_IS_FACT (self), NULL);
  return self->unit;
}

gboolean
sp_fact_has_range (SpFact *self)
{
  g_return_val_if_fail (SP_IS_FACT (self), FALSE);
  return self->has_range;
}

double
sp_fact_get_minimum (SpFact *self)
{
  g_return_val_if_fail (SP_IS_FACT (self), 0);
  return self->minimum;
}

double
sp_fact_get_maximum (SpFact *self)
{
  g_return_val_if_fail (SP_IS_FACT (self), 0);
  return self->maximum;
}

const char *
sp_fact_get_pattern (SpFact *self)
{
  g_return_val_if_fail (SP_IS_FACT (self), NULL);
  return self->pattern;
}

/**
 * sp_fact_is_recorded_only:
 *
 * Returns: %TRUE when no rule reads the fact: it is kept for the summary
 */
gboolean
sp_fact_is_recorded_only (SpFact *self)
{
  g_return_val_if_fail (SP_IS_FACT (self), FALSE);
  return self->recorded_only;
}

gboolean
sp_fact_defaults_to_today (SpFact *self)
{
  g_return_val_if_fail (SP_IS_FACT (self), FALSE);
  return self->default_today;
}

guint
sp_fact_get_n_choices (SpFact *self)
{
  g_return_val_if_fail (SP_IS_FACT (self), 0);
  return self->choice_ids->len;
}

const char *
sp_fact_get_choice_id (SpFact *self,
                       guint   index)
{
  g_return_val_if_fail (SP_IS_FACT (self), NULL);
  g_return_val_if_fail (index < self->choice_ids->len, NULL);
  return g_ptr_array_index (self->choice_ids, index);
}

const char *
sp_fact_get_choice_label (SpFact *self,
                          guint   index)
{
  g_return_val_if_fail (SP_IS_FACT (self), NULL);
  g_return_val_if_fail (index < self->choice_labels->len, NULL);
  return g_ptr_array_index (self->choice_labels, index);
}

gboolean
sp_fact_lookup_choice (SpFact     *self,
                       const char *choice_id,
                       guint      *index)
{
  g_return_val_if_fail (SP_IS_FACT (self), FALSE);
  g_return_val_if_fail (choice_id != NULL, FALSE);

  for (guint i = 0; i < self->choice_ids->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (self->choice_ids, i), choice_id))
        {
          if (index != NULL)
            *index = i;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * sp_fact_get_relevant_when: (skip)
 *
 * Returns: (nullable): when the question applies; %NULL means always
 */
const SpExpr *
sp_fact_get_relevant_when (SpFact *self)
{
  g_return_val_if_fail (SP_IS_FACT (self), NULL);
  return self->relevant_when;
}

/**
 * sp_fact_get_asked_when: (skip)
 *
 * Returns: (nullable): when an unrecorded value is worth asking for
 */
const SpExpr *
sp_fact_get_asked_when (SpFact *self)
{
  g_return_val_if_fail (SP_IS_FACT (self), NULL);
  return self->asked_when;
}

/* The shortest decimal that reads back as @number: what the file said, so
 * an error about 8.0000000001 does not say "not 8", and 12345678901234
 * is not shown as 1.23456789e+13. */
static char *
format_number (double number)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (number == floor (number) && fabs (number) < 1e15)
    return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.0f", number));
  for (int precision = 1; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buffer, sizeof buffer, format, number);
      if (g_ascii_strtod (buffer, NULL) == number)
        break;
    }
  return g_strdup (buffer);
}

static gboolean
check_choice_mask (SpFact             *self,
                   const SpJsonScalar *input,
                   guint64            *mask,
                   char              **problem)
{
  if (input->kind != SP_JSON_KIND_ARRAY)
    {
      *problem = g_strdup ("must be a list of choices");
      return FALSE;
    }

  *mask = 0;
  for (guint i = 0; i < input->n_items; i++)
    {
      const char *item = input->items[i];
      guint index;

      if (item == NULL)
        {
          *problem = g_strdup_printf ("item %u must be a string", i);
          return FALSE;
        }
      if (!sp_fact_lookup_choice (self, item, &index))
        {
          *problem = g_strdup_printf ("unknown %s \"%s\"",
                                      self->type == SP_FACT_DECISION_LIST ? "decision id" : "choice",
                                      item);
          return FALSE;
        }
      if (*mask & (G_GUINT64_CONSTANT (1) << index))
        {
          *problem = g_strdup_printf ("\"%s\" is listed twice", item);
          return FALSE;
        }
      *mask |= G_GUINT64_CONSTANT (1) << index;
    }

  return TRUE;
}

static char *
join_choice_ids (SpFact *self)
{
  GString *text = g_string_new (NULL);

  /* Built aside rather than by NULL-terminating the fact's own array for
   * g_strjoinv(): facts are shared by the batch's threads, so checking a
   * case must never write to one. */
  for (guint i = 0; i < self->choice_ids->len; i++)
    {
      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, g_ptr_array_index (self->choice_ids, i));
    }
  return g_string_free (text, FALSE);
}

/**
 * sp_fact_check_value:
 * @input: a JSON value from a case file, as whichever reader read it
 * @value: (out caller-allocates): the checked value
 * @problem: (out): what is wrong, for the caller to prefix with file and member
 *
 * The one place that decides whether a value is valid for a fact: the
 * json-glib reader (sp_fact_parse_value()) and the batch's fast line reader
 * both come here, so they cannot disagree on types, ranges or choices.
 *
 * Returns: %TRUE when @input is a valid value for this fact
 */
gboolean
sp_fact_check_value (SpFact             *self,
                     const SpJsonScalar *input,
                     SpValue            *value,
                     char              **problem)
{
  g_return_val_if_fail (SP_IS_FACT (self), FALSE);

  memset (value, 0, sizeof *value);

  if (input->kind == SP_JSON_KIND_NULL)
    return TRUE;

  switch (self->type)
    {
    case SP_FACT_BOOLEAN:
      if (input->kind != SP_JSON_KIND_BOOLEAN)
        {
          *problem = g_strdup ("must be true or false (or null when not recorded)");
          return FALSE;
        }
      value->boolean = input->boolean;
      break;

    case SP_FACT_CHOICE:
      if (input->kind != SP_JSON_KIND_STRING)
        {
          *problem = g_strdup ("must be one of the fact's choices, as a string");
          return FALSE;
        }
      if (!sp_fact_lookup_choice (self, input->string, &value->choice))
        {
          g_autofree char *allowed = join_choice_ids (self);

          *problem = g_strdup_printf ("unknown choice \"%s\" (expected one of: %s)",
                                      input->string, allowed);
          return FALSE;
        }
      break;

    case SP_FACT_CHOICE_LIST:
    case SP_FACT_DECISION_LIST:
      if (!check_choice_mask (self, input, &value->list, problem))
        return FALSE;
      break;

    case SP_FACT_INTEGER:
    case SP_FACT_NUMBER:
      if (input->kind != SP_JSON_KIND_NUMBER)
        {
          *problem = g_strdup ("must be a number");
          return FALSE;
        }
      value->number = input->number;
      if (!isfinite (value->number))
        {
          *problem = g_strdup ("must be a finite number");
          return FALSE;
        }
      if (self->type == SP_FACT_INTEGER && value->number != floor (value->number))
        {
          g_autofree char *text = format_number (value->number);

          *problem = g_strdup_printf ("must be a whole number, not %s", text);
          return FALSE;
        }
      if (self->has_range && (value->number < self->minimum || value->number > self->maximum))
        {
          g_autofree char *text = format_number (value->number);
          g_autofree char *min = format_number (self->minimum);
          g_autofree char *max = format_number (self->maximum);

          *problem = g_strdup_printf ("%s is out of range (%s to %s)", text, min, max);
          return FALSE;
        }
      break;

    case SP_FACT_DATE:
      if (input->kind != SP_JSON_KIND_STRING ||
          !sp_date_parse (input->string, &value->date))
        {
          *problem = g_strdup ("must be a real calendar date written YYYY-MM-DD");
          return FALSE;
        }
      break;

    case SP_FACT_STRING:
      if (input->kind != SP_JSON_KIND_STRING)
        {
          *problem = g_strdup ("must be a string");
          return FALSE;
        }
      if (self->pattern_regex != NULL &&
          !g_regex_match (self->pattern_regex, input->string, 0, NULL))
        {
          *problem = g_strdup_printf ("\"%s\" does not have the expected form",
                                      input->string);
          return FALSE;
        }
      value->string = g_strdup (input->string);
      break;

    default:
      g_assert_not_reached ();
    }

  value->recorded = TRUE;
  return TRUE;
}

static SpJsonKind
kind_of_node (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return SP_JSON_KIND_NULL;
  if (JSON_NODE_HOLDS_ARRAY (node))
    return SP_JSON_KIND_ARRAY;
  if (sp_json_node_is_number (node))
    return SP_JSON_KIND_NUMBER;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    return SP_JSON_KIND_BOOLEAN;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return SP_JSON_KIND_STRING;
  return SP_JSON_KIND_OTHER;
}

/**
 * sp_fact_parse_value:
 * @node: the JSON value from a case file; %NULL or JSON null is unknown
 * @value: (out caller-allocates): the parsed value
 * @problem: (out): what is wrong, for the caller to prefix with file and member
 *
 * Returns: %TRUE when @node is a valid value for this fact
 */
gboolean
sp_fact_parse_value (SpFact    *self,
                     JsonNode  *node,
                     SpValue   *value,
                     char     **problem)
{
  SpJsonScalar input = { 0 };
  g_autofree const char **items = NULL;

  g_return_val_if_fail (SP_IS_FACT (self), FALSE);

  input.kind = kind_of_node (node);
  switch (input.kind)
    {
    case SP_JSON_KIND_BOOLEAN:
      input.boolean = json_node_get_boolean (node);
      break;
    case SP_JSON_KIND_NUMBER:
      input.number = json_node_get_double (node);
      break;
    case SP_JSON_KIND_STRING:
      input.string = json_node_get_string (node);
      break;
    case SP_JSON_KIND_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        input.n_items = json_array_get_length (array);
        items = g_new0 (const char *, input.n_items + 1);
        for (guint i = 0; i < input.n_items; i++)
          {
            JsonNode *element = json_array_get_element (array, i);

            if (kind_of_node (element) == SP_JSON_KIND_STRING)
              items[i] = json_node_get_string (element);
          }
        input.items = items;
      }
      break;
    case SP_JSON_KIND_NULL:
    case SP_JSON_KIND_OTHER:
    default:
      break;
    }

  return sp_fact_check_value (self, &input, value, problem);
}

/**
 * sp_fact_write_value:
 *
 * Writes @value in the case-file format: the exact inverse of
 * sp_fact_parse_value(), so a saved case reopens unchanged.
 */
void
sp_fact_write_value (SpFact        *self,
                     const SpValue *value,
                     JsonBuilder   *builder)
{
  g_return_if_fail (SP_IS_FACT (self));
  g_return_if_fail (value->recorded);

  switch (self->type)
    {
    case SP_FACT_BOOLEAN:
      json_builder_add_boolean_value (builder, value->boolean);
      break;
    case SP_FACT_CHOICE:
      json_builder_add_string_value (builder, sp_fact_get_choice_id (self, value->choice));
      break;
    case SP_FACT_CHOICE_LIST:
    case SP_FACT_DECISION_LIST:
      json_builder_begin_array (builder);
      for (guint i = 0; i < self->choice_ids->len; i++)
        if (value->list & (G_GUINT64_CONSTANT (1) << i))
          json_builder_add_string_value (builder, sp_fact_get_choice_id (self, i));
      json_builder_end_array (builder);
      break;
    case SP_FACT_INTEGER:
    case SP_FACT_NUMBER:
      /* A policy may leave an integer unbounded: past 2^53 it is written as
       * a double, never cast (out of gint64's range the cast is undefined). */
      if (value->number == floor (value->number) && fabs (value->number) < 1e15)
        json_builder_add_int_value (builder, (gint64) value->number);
      else
        json_builder_add_double_value (builder, value->number);
      break;
    case SP_FACT_DATE:
      {
        g_autofree char *text = sp_date_format (value->date);
        json_builder_add_string_value (builder, text);
      }
      break;
    case SP_FACT_STRING:
      json_builder_add_string_value (builder, value->string);
      break;
    default:
      g_assert_not_reached ();
    }
}

/**
 * sp_fact_describe_value:
 *
 * Returns: (transfer full): @value in the clinician's words, e.g. "Yes",
 *   "Undertaken and unsuccessful", "8 weeks", "Not recorded"
 */
char *
sp_fact_describe_value (SpFact        *self,
                        const SpValue *value)
{
  g_return_val_if_fail (SP_IS_FACT (self), NULL);

  if (!value->recorded)
    return g_strdup (_("not recorded"));

  switch (self->type)
    {
    case SP_FACT_BOOLEAN:
      return g_strdup (value->boolean ? _("yes") : _("no"));
    case SP_FACT_CHOICE:
      return g_strdup (sp_fact_get_choice_label (self, value->choice));
    case SP_FACT_CHOICE_LIST:
    case SP_FACT_DECISION_LIST:
      {
        GString *text = g_string_new (NULL);

        for (guint i = 0; i < self->choice_ids->len; i++)
          {
            if (!(value->list & (G_GUINT64_CONSTANT (1) << i)))
              continue;
            if (text->len > 0)
              g_string_append (text, ", ");
            g_string_append (text, sp_fact_get_choice_label (self, i));
          }
        if (text->len == 0)
          g_string_append (text, _("none"));
        return g_string_free (text, FALSE);
      }
    case SP_FACT_INTEGER:
    case SP_FACT_NUMBER:
      {
        g_autofree char *number = format_number (value->number);

        if (self->unit == NULL)
          return g_steal_pointer (&number);
        if (g_str_equal (self->unit, "%"))
          return g_strconcat (number, "%", NULL);
        return g_strconcat (number, " ", self->unit, NULL);
      }
    case SP_FACT_DATE:
      return sp_date_format (value->date);
    case SP_FACT_STRING:
      return g_strdup (value->string);
    default:
      g_assert_not_reached ();
    }
}

void
sp_value_clear (SpValue *value)
{
  g_clear_pointer (&value->string, g_free);
  memset (value, 0, sizeof *value);
}

void
sp_value_copy (SpValue       *dest,
               const SpValue *src)
{
  g_free (dest->string);
  *dest = *src;
  dest->string = g_strdup (src->string);
}

gboolean
sp_value_equal (const SpValue *a,
                const SpValue *b)
{
  if (a->recorded != b->recorded)
    return FALSE;
  if (!a->recorded)
    return TRUE;
  /* The union is compared as its widest member; setters zero it first. */
  return a->list == b->list && g_strcmp0 (a->string, b->string) == 0;
}

/**
 * sp_fact_reads_values_as:
 *
 * Whether @self accepts exactly the values @other accepts and reads each
 * into the same #SpValue: the same id, type, choices in the same order,
 * range and pattern. Words (label, help, section) do not matter.
 */
gboolean
sp_fact_reads_values_as (SpFact *self,
                         SpFact *other)
{
  g_return_val_if_fail (SP_IS_FACT (self), FALSE);
  g_return_val_if_fail (SP_IS_FACT (other), FALSE);

  if (!g_str_equal (self->id, other->id) || self->type != other->type ||
      self->has_range != other->has_range || g_strcmp0 (self->pattern, other->pattern) != 0)
    return FALSE;
  if (self->has_range && (self->minimum != other->minimum || self->maximum != other->maximum))
    return FALSE;
  if (self->choice_ids->len != other->choice_ids->len)
    return FALSE;
  for (guint i = 0; i < self->choice_ids->len; i++)
    if (!g_str_equal (g_ptr_array_index (self->choice_ids, i), g_ptr_array_index (other->choice_ids, i)))
      return FALSE;
  return TRUE;
}

/**
 * sp_fact_get_full_domain:
 * @domain: (out caller-allocates): every value @self can take
 */
void
sp_fact_get_full_domain (SpFact   *fact,
                         SpDomain *domain)
{
  guint n_choices = sp_fact_get_n_choices (fact);

  SpFactType type = sp_fact_get_fact_type (fact);

  domain->mask = 0;
  domain->low = domain->high = 0;
  if (type == SP_FACT_BOOLEAN)
    domain->mask = 3;
  else if (type == SP_FACT_CHOICE)
    domain->mask = n_choices >= 64 ? G_MAXUINT64 : (G_GUINT64_CONSTANT (1) << n_choices) - 1;
  else if (type == SP_FACT_INTEGER || type == SP_FACT_NUMBER)
    {
      domain->low = sp_fact_has_range (fact) ? sp_fact_get_minimum (fact) : -G_MAXDOUBLE;
      domain->high = sp_fact_has_range (fact) ? sp_fact_get_maximum (fact) : G_MAXDOUBLE;
    }
  else if (type == SP_FACT_DATE)
    {
      domain->low = 1;
      domain->high = G_MAXUINT32;
    }
  else
    g_assert_not_reached ();  /* the loader narrows no other type */
}

