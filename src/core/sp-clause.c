/* sp-clause.c
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sp-clause.h"

/**
 * SpClause:
 *
 * One clause of the policy, quoted verbatim, with the stable id that decisions cite.
 */
struct _SpClause
{
  GObject parent_instance;

  char *id;
  char *heading;
  char *text;
};

G_DEFINE_FINAL_TYPE (SpClause, sp_clause, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_HEADING,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sp_clause_finalize (GObject *object)
{
  SpClause *self = (SpClause *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->heading, g_free);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (sp_clause_parent_class)->finalize (object);
}

static void
sp_clause_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  SpClause *self = SP_CLAUSE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_HEADING:
      g_value_set_string (value, self->heading);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_clause_class_init (SpClauseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sp_clause_finalize;
  object_class->get_property = sp_clause_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HEADING] =
    g_param_spec_string ("heading", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_clause_init (SpClause *self)
{
}

SpClause *
sp_clause_new (const char *id,
               const char *heading,
               const char *text)
{
  SpClause *self = g_object_new (SP_TYPE_CLAUSE, NULL);

  self->id = g_strdup (id);
  self->heading = g_strdup (heading);
  self->text = g_strdup (text);

  return self;
}

const char *
sp_clause_get_id (SpClause *self)
{
  g_return_val_if_fail (SP_IS_CLAUSE (self), NULL);

  return self->id;
}

const char *
sp_clause_get_heading (SpClause *self)
{
  g_return_val_if_fail (SP_IS_CLAUSE (self), NULL);

  return self->heading;
}

const char *
sp_clause_get_text (SpClause *self)
{
  g_return_val_if_fail (SP_IS_CLAUSE (self), NULL);

  return self->text;
}
