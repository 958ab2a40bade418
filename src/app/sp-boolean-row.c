/* sp-boolean-row.c
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sp-boolean-row.h"
#include "sp-widget-util.h"
#include "sp-fact-row-private.h"
#include "sp-tri-state.h"

/**
 * SpBooleanRow:
 *
 * A yes/no question: Yes, No and "not recorded" as three linked toggles,
 * one Tab stop, Y / N / Delete from the keyboard (#SpTriState).
 */
struct _SpBooleanRow
{
  AdwActionRow    parent_instance;

  SpFactRowState  state;
};

static void sp_boolean_row_fact_row_init (SpFactRowInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SpBooleanRow, sp_boolean_row, ADW_TYPE_ACTION_ROW,
                               G_IMPLEMENT_INTERFACE (SP_TYPE_FACT_ROW, sp_boolean_row_fact_row_init))

static SpFactRowState *
sp_boolean_row_get_state (SpFactRow *row)
{
  return &SP_BOOLEAN_ROW (row)->state;
}

static void
sp_boolean_row_sync (SpFactRow *row)
{
  SpBooleanRow *self = SP_BOOLEAN_ROW (row);
  const char *id = sp_fact_get_id (self->state.fact);
  SpTriStateValue value = SP_TRI_STATE_UNKNOWN;

  if (sp_case_is_recorded (self->state.case_, id))
    value = sp_case_get_boolean (self->state.case_, id) ? SP_TRI_STATE_YES : SP_TRI_STATE_NO;
  sp_tri_state_set_value (SP_TRI_STATE (self->state.input), value);
}

static void
sp_boolean_row_fact_row_init (SpFactRowInterface *iface)
{
  iface->get_state = sp_boolean_row_get_state;
  iface->sync = sp_boolean_row_sync;
}

static void
on_value_changed (SpBooleanRow *self)
{
  const char *id = sp_fact_get_id (self->state.fact);

  if (self->state.syncing)
    return;

  switch (sp_tri_state_get_value (SP_TRI_STATE (self->state.input)))
    {
    case SP_TRI_STATE_UNKNOWN:
      sp_case_clear_fact (self->state.case_, id);
      break;
    case SP_TRI_STATE_YES:
      sp_case_set_boolean (self->state.case_, id, TRUE);
      break;
    case SP_TRI_STATE_NO:
      sp_case_set_boolean (self->state.case_, id, FALSE);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
sp_boolean_row_constructed (GObject *object)
{
  G_OBJECT_CLASS (sp_boolean_row_parent_class)->constructed (object);
  sp_fact_row_setup (SP_FACT_ROW (object));
}

static void
sp_boolean_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SP_TYPE_BOOLEAN_ROW);
  G_OBJECT_CLASS (sp_boolean_row_parent_class)->dispose (object);
}

static void
sp_boolean_row_finalize (GObject *object)
{
  sp_fact_row_state_clear (&SP_BOOLEAN_ROW (object)->state);
  G_OBJECT_CLASS (sp_boolean_row_parent_class)->finalize (object);
}

static void
sp_boolean_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  if (!sp_fact_row_state_get_property (&SP_BOOLEAN_ROW (object)->state, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
sp_boolean_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  sp_fact_row_state_set_property (&SP_BOOLEAN_ROW (object)->state, prop_id, value);
}

static void
sp_boolean_row_class_init (SpBooleanRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sp_boolean_row_constructed;
  object_class->dispose = sp_boolean_row_dispose;
  object_class->finalize = sp_boolean_row_finalize;
  object_class->get_property = sp_boolean_row_get_property;
  object_class->set_property = sp_boolean_row_set_property;
  sp_fact_row_install_properties (object_class);

  g_type_ensure (SP_TYPE_TRI_STATE);
  sp_fact_row_bind_template (widget_class, "/io/github/spinalpathways/SpinalPathways/ui/sp-boolean-row.ui",
                             G_STRUCT_OFFSET (SpBooleanRow, state));
  gtk_widget_class_bind_template_child_full (widget_class, "input", FALSE,
                                             G_STRUCT_OFFSET (SpBooleanRow, state.input));
  gtk_widget_class_bind_template_callback (widget_class, on_value_changed);
}

static void
sp_boolean_row_init (SpBooleanRow *self)
{
  /* Until sp_fact_row_setup() binds the case, nothing is written to it. */
  self->state.syncing = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  sp_fact_row_init_focus_answers (GTK_WIDGET (self));
}
