/* sp-tri-state.c
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sp-tri-state.h"
#include "sp-widget-util.h"

/**
 * SpTriState:
 *
 * Three linked toggle buttons, Yes, No and "—" (not recorded), exactly one of
 * them pressed. A yes/no question is never a switch: a switch has no way to
 * say "not asked yet", and an unanswered red flag is not an absent one.
 * Delete or BackSpace returns the answer to "not recorded".
 */
struct _SpTriState
{
  GtkWidget        parent_instance;

  GtkWidget       *buttons[3];   /* indexed by SpTriStateValue */
  SpTriStateValue  value;
};

G_DEFINE_FINAL_TYPE (SpTriState, sp_tri_state, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The buttons as they are laid out, left to right. */
static const SpTriStateValue visual_order[] = { SP_TRI_STATE_YES, SP_TRI_STATE_NO, SP_TRI_STATE_UNKNOWN };

static void
on_button_toggled (SpTriState      *self,
                   GtkToggleButton *button)
{
  if (!gtk_toggle_button_get_active (button))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (self->buttons); i++)
    if (self->buttons[i] == GTK_WIDGET (button))
      sp_tri_state_set_value (self, i);
}

static void
clear_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SpTriState *self = SP_TRI_STATE (widget);
  gboolean had_focus = gtk_widget_has_focus (self->buttons[self->value]);

  sp_tri_state_set_value (self, SP_TRI_STATE_UNKNOWN);
  if (had_focus)
    gtk_widget_grab_focus (self->buttons[SP_TRI_STATE_UNKNOWN]);
}

/* Y and N answer from wherever the focus is in the question, as Delete
 * clears: one key instead of arrows and Space. The focus follows the
 * answer so the one Tab stop stays on the pressed button. */
static void
answer_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SpTriState *self = SP_TRI_STATE (widget);
  SpTriStateValue value = g_variant_get_boolean (parameter) ? SP_TRI_STATE_YES : SP_TRI_STATE_NO;
  gboolean had_focus = gtk_widget_get_focus_child (widget) != NULL;

  sp_tri_state_set_value (self, value);
  if (had_focus)
    gtk_widget_grab_focus (self->buttons[value]);
}

static gboolean
sp_tri_state_grab_focus (GtkWidget *widget)
{
  SpTriState *self = SP_TRI_STATE (widget);

  return gtk_widget_grab_focus (self->buttons[self->value]);
}

/* One Tab stop, as a radio group is: Tab and Shift+Tab come in on the
 * answer given and go straight on to the next question. Left and Right
 * move between the answers and stop at the ends, so an arrow pressed once
 * too often cannot land in another question or the decisions column;
 * Space records the focused answer. Without this, Tab came in on the
 * answer given but Shift+Tab on "—", and a page of questions needed up to
 * three stops each one way and one the other. */
static gboolean
sp_tri_state_focus (GtkWidget        *widget,
                    GtkDirectionType  direction)
{
  SpTriState *self = SP_TRI_STATE (widget);
  GtkWidget *focus_child = gtk_widget_get_focus_child (widget);
  int step, at = -1;

  if (focus_child == NULL)
    return gtk_widget_grab_focus (self->buttons[self->value]);

  if (direction != GTK_DIR_LEFT && direction != GTK_DIR_RIGHT)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (visual_order); i++)
    if (self->buttons[visual_order[i]] == focus_child)
      at = i;
  g_return_val_if_fail (at >= 0, FALSE);

  step = direction == GTK_DIR_RIGHT ? 1 : -1;
  if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    step = -step;
  if (at + step < 0 || at + step >= (int) G_N_ELEMENTS (visual_order))
    {
      gtk_widget_error_bell (widget);
      return TRUE;
    }
  return gtk_widget_grab_focus (self->buttons[visual_order[at + step]]);
}

static void
sp_tri_state_dispose (GObject *object)
{
  SpTriState *self = SP_TRI_STATE (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  for (guint i = 0; i < G_N_ELEMENTS (self->buttons); i++)
    self->buttons[i] = NULL;

  G_OBJECT_CLASS (sp_tri_state_parent_class)->dispose (object);
}

static void
sp_tri_state_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SpTriState *self = SP_TRI_STATE (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      g_value_set_int (value, self->value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_tri_state_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SpTriState *self = SP_TRI_STATE (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      sp_tri_state_set_value (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_tri_state_class_init (SpTriStateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_tri_state_dispose;
  object_class->get_property = sp_tri_state_get_property;
  object_class->set_property = sp_tri_state_set_property;
  widget_class->grab_focus = sp_tri_state_grab_focus;
  widget_class->focus = sp_tri_state_focus;

  /**
   * SpTriState:value:
   *
   * The answer, an #SpTriStateValue.
   */
  properties[PROP_VALUE] =
    g_param_spec_int ("value", NULL, NULL,
                      SP_TRI_STATE_UNKNOWN, SP_TRI_STATE_NO, SP_TRI_STATE_UNKNOWN,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SpTriState|tri-state.clear:
   *
   * Returns the answer to "not recorded"; bound to Delete and BackSpace.
   */
  gtk_widget_class_install_action (widget_class, "tri-state.clear", NULL, clear_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "tri-state.clear", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "tri-state.clear", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_BackSpace, 0, "tri-state.clear", NULL);

  /**
   * SpTriState|tri-state.answer:
   * @parameter: %TRUE for Yes
   *
   * Records Yes or No; bound to Y and N.
   */
  gtk_widget_class_install_action (widget_class, "tri-state.answer", "b", answer_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, 0, "tri-state.answer", "b", TRUE);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Y, GDK_SHIFT_MASK, "tri-state.answer", "b", TRUE);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, 0, "tri-state.answer", "b", FALSE);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_N, GDK_SHIFT_MASK, "tri-state.answer", "b", FALSE);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sp-tri-state");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sp_tri_state_init (SpTriState *self)
{
  /* Translators: the three answers to a yes/no question; the last, a dash,
   * means the question has not been answered. No mnemonics: a page holds
   * dozens of these, and Alt+Y would be ambiguous on every one. */
  const char *labels[3] = { C_("answer", "—"), C_("answer", "Yes"), C_("answer", "No") };
  const char *descriptions[3] = { _("Not recorded"), _("Yes"), _("No") };

  gtk_widget_add_css_class (GTK_WIDGET (self), "linked");
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);

  for (guint i = 0; i < G_N_ELEMENTS (visual_order); i++)
    {
      SpTriStateValue v = visual_order[i];
      GtkWidget *button = gtk_toggle_button_new_with_label (labels[v]);

      sp_widget_set_new_tooltip (button, descriptions[v]);
      gtk_widget_set_parent (button, GTK_WIDGET (self));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, descriptions[v],
                                      -1);
      gtk_widget_add_css_class (button, v == SP_TRI_STATE_UNKNOWN ? "sp-answer-unknown"
                                                                    : v == SP_TRI_STATE_YES ? "sp-answer-yes"
                                                                                            : "sp-answer-no");
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button),
                                     GTK_TOGGLE_BUTTON (self->buttons[visual_order[0]]));
      self->buttons[v] = button;
    }

  self->value = SP_TRI_STATE_UNKNOWN;
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->buttons[SP_TRI_STATE_UNKNOWN]), TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (self->buttons); i++)
    g_signal_connect_object (self->buttons[i], "toggled",
                             G_CALLBACK (on_button_toggled), self, G_CONNECT_SWAPPED);
}

GtkWidget *
sp_tri_state_new (void)
{
  return g_object_new (SP_TYPE_TRI_STATE, NULL);
}

SpTriStateValue
sp_tri_state_get_value (SpTriState *self)
{
  g_return_val_if_fail (SP_IS_TRI_STATE (self), SP_TRI_STATE_UNKNOWN);

  return self->value;
}

void
sp_tri_state_set_value (SpTriState      *self,
                        SpTriStateValue  value)
{
  g_return_if_fail (SP_IS_TRI_STATE (self));
  g_return_if_fail (value <= SP_TRI_STATE_NO);

  if (self->value == value)
    return;

  self->value = value;
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->buttons[value]), TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

/**
 * sp_tri_state_get_button:
 *
 * Returns: (transfer none): the toggle button for @value
 */
GtkToggleButton *
sp_tri_state_get_button (SpTriState      *self,
                         SpTriStateValue  value)
{
  g_return_val_if_fail (SP_IS_TRI_STATE (self), NULL);
  g_return_val_if_fail (value <= SP_TRI_STATE_NO, NULL);

  return GTK_TOGGLE_BUTTON (self->buttons[value]);
}
