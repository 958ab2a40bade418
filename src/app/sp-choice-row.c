/* sp-choice-row.c
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sp-choice-item.h"
#include "sp-choice-row.h"
#include "sp-fact-row-private.h"
#include "sp-widget-util.h"

/**
 * SpChoiceRow:
 *
 * A question with one answer from the policy's list: a drop-down whose
 * first item is "Not recorded", the answer shown as the subtitle so it
 * stays readable however long the policy's words are, and each choice in
 * full in the list (#SpChoiceItem).
 */
struct _SpChoiceRow
{
  AdwComboRow     parent_instance;

  SpFactRowState  state;
};

static void sp_choice_row_fact_row_init (SpFactRowInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SpChoiceRow, sp_choice_row, ADW_TYPE_COMBO_ROW,
                               G_IMPLEMENT_INTERFACE (SP_TYPE_FACT_ROW, sp_choice_row_fact_row_init))

static SpFactRowState *
sp_choice_row_get_state (SpFactRow *row)
{
  return &SP_CHOICE_ROW (row)->state;
}

static void
sp_choice_row_sync (SpFactRow *row)
{
  SpChoiceRow *self = SP_CHOICE_ROW (row);
  const char *id = sp_fact_get_id (self->state.fact);
  guint index = 0;

  /* Position 0 is "Not recorded"; the policy's choices follow. */
  if (sp_case_is_recorded (self->state.case_, id) &&
      sp_fact_lookup_choice (self->state.fact, sp_case_get_choice (self->state.case_, id), &index))
    index += 1;
  adw_combo_row_set_selected (ADW_COMBO_ROW (self), index);
}

static void
sp_choice_row_fact_row_init (SpFactRowInterface *iface)
{
  iface->get_state = sp_choice_row_get_state;
  iface->sync = sp_choice_row_sync;
}

static void
on_selected_changed (SpChoiceRow *self)
{
  const char *id = sp_fact_get_id (self->state.fact);
  guint selected;

  if (self->state.syncing)
    return;

  selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self));
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    sp_case_clear_fact (self->state.case_, id);
  else
    sp_case_set_choice (self->state.case_, id, sp_fact_get_choice_id (self->state.fact, selected - 1));
}

static void
sp_choice_row_constructed (GObject *object)
{
  SpChoiceRow *self = SP_CHOICE_ROW (object);
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  G_OBJECT_CLASS (sp_choice_row_parent_class)->constructed (object);

  gtk_string_list_append (model, _("Not recorded"));
  for (guint i = 0; i < sp_fact_get_n_choices (self->state.fact); i++)
    gtk_string_list_append (model, sp_policy_gettext (sp_fact_get_choice_label (self->state.fact, i)));
  adw_combo_row_set_model (ADW_COMBO_ROW (self), G_LIST_MODEL (model));
  sp_combo_row_choose_activated_item (ADW_COMBO_ROW (self));
  sp_combo_row_show_choices_in_full (ADW_COMBO_ROW (self));

  self->state.input = GTK_WIDGET (self);
  sp_fact_row_setup (SP_FACT_ROW (self));
  /* Connected only now: setting the model moves the selection. */
  g_signal_connect (self, "notify::selected", G_CALLBACK (on_selected_changed), NULL);
}

static void
sp_choice_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SP_TYPE_CHOICE_ROW);
  G_OBJECT_CLASS (sp_choice_row_parent_class)->dispose (object);
}

static void
sp_choice_row_finalize (GObject *object)
{
  sp_fact_row_state_clear (&SP_CHOICE_ROW (object)->state);
  G_OBJECT_CLASS (sp_choice_row_parent_class)->finalize (object);
}

static void
sp_choice_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  if (!sp_fact_row_state_get_property (&SP_CHOICE_ROW (object)->state, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
sp_choice_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  sp_fact_row_state_set_property (&SP_CHOICE_ROW (object)->state, prop_id, value);
}

static void
sp_choice_row_class_init (SpChoiceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sp_choice_row_constructed;
  object_class->dispose = sp_choice_row_dispose;
  object_class->finalize = sp_choice_row_finalize;
  object_class->get_property = sp_choice_row_get_property;
  object_class->set_property = sp_choice_row_set_property;
  sp_fact_row_install_properties (object_class);

  sp_fact_row_bind_template (widget_class, "/io/github/spinalpathways/SpinalPathways/ui/sp-choice-row.ui",
                             G_STRUCT_OFFSET (SpChoiceRow, state));
}

static void
sp_choice_row_init (SpChoiceRow *self)
{
  self->state.syncing = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
}
