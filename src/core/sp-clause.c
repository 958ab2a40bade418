/* sp-clause.c
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sp-clause.h"
#include "sp-core-private.h"

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
  char *text;          /* the words before any bullets */
  char *flat_text;     /* the whole clause as one run of words */
  GPtrArray *items;    /* char *: each bullet's words */
  GArray *levels;      /* guint: 1 a bullet, 2 a bullet within one */
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
  g_clear_pointer (&self->flat_text, g_free);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->levels, g_array_unref);

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
  self->items = g_ptr_array_new_with_free_func (g_free);
  self->levels = g_array_new (FALSE, FALSE, sizeof (guint));
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

/**
 * sp_clause_get_text:
 *
 * Returns: the clause's words as one run of text, bullets included: for
 *   searching and for views that cannot show a list; see
 *   sp_clause_dup_formatted() for the list kept
 */
const char *
sp_clause_get_text (SpClause *self)
{
  g_return_val_if_fail (SP_IS_CLAUSE (self), NULL);

  return self->flat_text ? self->flat_text : self->text;
}

/**
 * sp_clause_get_intro:
 *
 * Returns: the words before the clause's bullets (all of it, when it has none)
 */
const char *
sp_clause_get_intro (SpClause *self)
{
  g_return_val_if_fail (SP_IS_CLAUSE (self), NULL);

  return self->text;
}

guint
sp_clause_get_n_items (SpClause *self)
{
  g_return_val_if_fail (SP_IS_CLAUSE (self), 0);

  return self->items->len;
}

/**
 * sp_clause_get_item:
 * @level: (out) (optional): 1 for a bullet, 2 for a bullet within one
 *
 * Returns: bullet @index's words, verbatim
 */
const char *
sp_clause_get_item (SpClause *self,
                    guint     index,
                    guint    *level)
{
  g_return_val_if_fail (SP_IS_CLAUSE (self), NULL);
  g_return_val_if_fail (index < self->items->len, NULL);

  if (level)
    *level = g_array_index (self->levels, guint, index);
  return g_ptr_array_index (self->items, index);
}

/**
 * sp_clause_dup_formatted:
 *
 * Returns: (transfer full): the clause as lines: its opening words, then
 *   each bullet on a line of its own, "• " for a bullet and "    ◦ " for
 *   one within it, as the policy sets them out
 */
char *
sp_clause_dup_formatted (SpClause *self)
{
  GString *text;

  g_return_val_if_fail (SP_IS_CLAUSE (self), NULL);

  text = g_string_new (self->text);
  for (guint i = 0; i < self->items->len; i++)
    g_string_append_printf (text, "\n%s%s", g_array_index (self->levels, guint, i) == 1 ? "• " : "    ◦ ",
                            (char *) g_ptr_array_index (self->items, i));
  return g_string_free (text, FALSE);
}

void
sp_clause_add_item (SpClause   *self,
                    guint       level,
                    const char *text)
{
  g_return_if_fail (SP_IS_CLAUSE (self));

  g_ptr_array_add (self->items, g_strdup (text));
  g_array_append_val (self->levels, level);
  {
    char *flat = g_strconcat (self->flat_text ? self->flat_text : self->text, " ", text, NULL);

    g_free (self->flat_text);
    self->flat_text = flat;
  }
}
