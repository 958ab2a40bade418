/* sp-advisory.c
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sp-advisory.h"
#include "sp-advisory-rule.h"

/**
 * SpAdvisory:
 *
 * Advice shown beside the decisions for one case, never instead of them.
 */
struct _SpAdvisory
{
  GObject          parent_instance;

  SpAdvisoryRule  *rule;
  char            *text;
};

G_DEFINE_FINAL_TYPE (SpAdvisory, sp_advisory, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sp_advisory_finalize (GObject *object)
{
  SpAdvisory *self = (SpAdvisory *)object;

  g_clear_object (&self->rule);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (sp_advisory_parent_class)->finalize (object);
}

static void
sp_advisory_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SpAdvisory *self = SP_ADVISORY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, sp_advisory_get_id (self));
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_advisory_class_init (SpAdvisoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sp_advisory_finalize;
  object_class->get_property = sp_advisory_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_advisory_init (SpAdvisory *self)
{
}

SpAdvisory *
sp_advisory_new (SpAdvisoryRule *rule,
                 const char     *text)
{
  SpAdvisory *self;

  g_return_val_if_fail (SP_IS_ADVISORY_RULE (rule), NULL);

  self = g_object_new (SP_TYPE_ADVISORY, NULL);
  self->rule = g_object_ref (rule);
  self->text = g_strdup (text);
  return self;
}

SpAdvisoryRule *
sp_advisory_get_rule (SpAdvisory *self)
{
  g_return_val_if_fail (SP_IS_ADVISORY (self), NULL);
  return self->rule;
}

const char *
sp_advisory_get_id (SpAdvisory *self)
{
  g_return_val_if_fail (SP_IS_ADVISORY (self), NULL);
  return sp_advisory_rule_get_id (self->rule);
}

const char *
sp_advisory_get_text (SpAdvisory *self)
{
  g_return_val_if_fail (SP_IS_ADVISORY (self), NULL);
  return self->text;
}

const char * const *
sp_advisory_get_clause_ids (SpAdvisory *self)
{
  g_return_val_if_fail (SP_IS_ADVISORY (self), NULL);
  return sp_advisory_rule_get_clause_ids (self->rule);
}
