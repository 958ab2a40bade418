/* sp-interpretation.c
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sp-core-private.h"
#include "sp-interpretation.h"

/**
 * SpInterpretation:
 *
 * A reading of a clause that the policy text does not settle word for word. Each needs the commissioner's sign-off, so each is shown to the clinician wherever it affects a decision, and says so until the policy file records who signed it off and when.
 */
struct _SpInterpretation
{
  GObject parent_instance;

  char *id;
  char *clause_id;
  char *reading;
  char *reason;
  char *signed_off_by;    /* NULL while awaiting sign-off */
  char *signed_off_date;
};

G_DEFINE_FINAL_TYPE (SpInterpretation, sp_interpretation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CLAUSE_ID,
  PROP_READING,
  PROP_REASON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sp_interpretation_finalize (GObject *object)
{
  SpInterpretation *self = (SpInterpretation *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->clause_id, g_free);
  g_clear_pointer (&self->reading, g_free);
  g_clear_pointer (&self->reason, g_free);
  g_clear_pointer (&self->signed_off_by, g_free);
  g_clear_pointer (&self->signed_off_date, g_free);

  G_OBJECT_CLASS (sp_interpretation_parent_class)->finalize (object);
}

static void
sp_interpretation_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SpInterpretation *self = SP_INTERPRETATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_CLAUSE_ID:
      g_value_set_string (value, self->clause_id);
      break;
    case PROP_READING:
      g_value_set_string (value, self->reading);
      break;
    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_interpretation_class_init (SpInterpretationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sp_interpretation_finalize;
  object_class->get_property = sp_interpretation_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLAUSE_ID] =
    g_param_spec_string ("clause-id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_READING] =
    g_param_spec_string ("reading", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REASON] =
    g_param_spec_string ("reason", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sp_interpretation_init (SpInterpretation *self)
{
}

SpInterpretation *
sp_interpretation_new (const char *id,
                       const char *clause_id,
                       const char *reading,
                       const char *reason)
{
  SpInterpretation *self = g_object_new (SP_TYPE_INTERPRETATION, NULL);

  self->id = g_strdup (id);
  self->clause_id = g_strdup (clause_id);
  self->reading = g_strdup (reading);
  self->reason = g_strdup (reason);

  return self;
}

const char *
sp_interpretation_get_id (SpInterpretation *self)
{
  g_return_val_if_fail (SP_IS_INTERPRETATION (self), NULL);

  return self->id;
}

const char *
sp_interpretation_get_clause_id (SpInterpretation *self)
{
  g_return_val_if_fail (SP_IS_INTERPRETATION (self), NULL);

  return self->clause_id;
}

const char *
sp_interpretation_get_reading (SpInterpretation *self)
{
  g_return_val_if_fail (SP_IS_INTERPRETATION (self), NULL);

  return self->reading;
}

const char *
sp_interpretation_get_reason (SpInterpretation *self)
{
  g_return_val_if_fail (SP_IS_INTERPRETATION (self), NULL);

  return self->reason;
}

/* Only the policy loader records a sign-off, once, before the interpretation
 * is shared: the object stays immutable for everyone else. */
void
sp_interpretation_record_sign_off (SpInterpretation *self,
                                   const char       *by,
                                   const char       *date)
{
  g_return_if_fail (SP_IS_INTERPRETATION (self));
  g_return_if_fail (by != NULL && *by != '\0');
  g_return_if_fail (date != NULL);
  g_return_if_fail (self->signed_off_by == NULL);

  self->signed_off_by = g_strdup (by);
  self->signed_off_date = g_strdup (date);
}

gboolean
sp_interpretation_is_signed_off (SpInterpretation *self)
{
  g_return_val_if_fail (SP_IS_INTERPRETATION (self), FALSE);

  return self->signed_off_by != NULL;
}

/* NULL while the interpretation awaits sign-off. */
const char *
sp_interpretation_get_signed_off_by (SpInterpretation *self)
{
  g_return_val_if_fail (SP_IS_INTERPRETATION (self), NULL);

  return self->signed_off_by;
}

/* YYYY-MM-DD, or NULL while the interpretation awaits sign-off. */
const char *
sp_interpretation_get_signed_off_date (SpInterpretation *self)
{
  g_return_val_if_fail (SP_IS_INTERPRETATION (self), NULL);

  return self->signed_off_date;
}
