/* sp-number-row.c
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sp-fact-row-private.h"
#include "sp-number-row.h"
#include "sp-widget-util.h"

/**
 * SpNumberRow:
 *
 * A number, in the fact's unit and within its range: a spin button that
 * is empty while "not recorded", takes typed digits, and records a value
 * only once it is complete (Enter, focus leaving, or the arrows), so a
 * half-typed number never reaches the case.
 */
struct _SpNumberRow
{
  AdwActionRow    parent_instance;

  SpFactRowState  state;
  GtkLabel       *unit;
};

static void sp_number_row_fact_row_init (SpFactRowInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SpNumberRow, sp_number_row, ADW_TYPE_ACTION_ROW,
                               G_IMPLEMENT_INTERFACE (SP_TYPE_FACT_ROW, sp_number_row_fact_row_init))

static SpFactRowState *
sp_number_row_get_state (SpFactRow *row)
{
  return &SP_NUMBER_ROW (row)->state;
}

static char *
format_number (SpNumberRow *self,
               double       value)
{
  if (sp_fact_get_fact_type (self->state.fact) == SP_FACT_INTEGER)
    return g_strdup_printf ("%.0f", value);
  return g_strdup_printf ("%g", value);
}

static void
sp_number_row_sync (SpFactRow *row)
{
  SpNumberRow *self = SP_NUMBER_ROW (row);
  GtkSpinButton *spin = GTK_SPIN_BUTTON (self->state.input);
  const char *id = sp_fact_get_id (self->state.fact);

  if (sp_case_is_recorded (self->state.case_, id))
    {
      double value = sp_case_get_number (self->state.case_, id);
      g_autofree char *text = format_number (self, value);

      gtk_spin_button_set_value (spin, value);
      gtk_editable_set_text (GTK_EDITABLE (spin), text);
    }
  else
    {
      gtk_spin_button_set_value (spin, gtk_adjustment_get_lower (gtk_spin_button_get_adjustment (spin)));
      gtk_editable_set_text (GTK_EDITABLE (spin), "");
    }
  sp_fact_row_set_error (self->state.input, NULL);
}

static void
sp_number_row_fact_row_init (SpFactRowInterface *iface)
{
  iface->get_state = sp_number_row_get_state;
  iface->sync = sp_number_row_sync;
}

static void
commit_text (SpNumberRow *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->state.input))));
  const char *id = sp_fact_get_id (self->state.fact);
  g_autoptr(GError) error = NULL;
  char *end = NULL;
  double value;

  if (self->state.syncing)
    return;

  if (text[0] == '\0')
    {
      sp_case_clear_fact (self->state.case_, id);
      return;
    }

  value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0')
    {
      sp_fact_row_set_error (self->state.input, _("Enter a number"));
      return;
    }
  if (!sp_case_set_number (self->state.case_, id, value, &error))
    {
      sp_fact_row_set_error (self->state.input, error->message);
      return;
    }
  sp_fact_row_sync (SP_FACT_ROW (self));
}

static void
on_value_changed (SpNumberRow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->state.syncing)
    return;

  /* The arrows, or the spin button's own update on Enter or focus-out: a
   * half-typed number never reaches the case. */
  if (sp_case_set_number (self->state.case_, sp_fact_get_id (self->state.fact),
                          gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->state.input)), &error))
    sp_fact_row_sync (SP_FACT_ROW (self));
  else
    sp_fact_row_set_error (self->state.input, error->message);
}

static int
on_input (GtkSpinButton *spin,
          double        *new_value,
          SpNumberRow   *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  char *end = NULL;

  /* Empty means "not recorded": keep the value so no value-changed fires. */
  while (g_ascii_isspace (*text))
    text++;
  if (*text == '\0')
    {
      *new_value = gtk_spin_button_get_value (spin);
      return TRUE;
    }
  *new_value = g_ascii_strtod (text, &end);
  if (end == text)
    return GTK_INPUT_ERROR;
  return TRUE;
}

static gboolean
on_output (GtkSpinButton *spin,
           SpNumberRow   *self)
{
  g_autofree char *text = NULL;

  /* Not recorded shows as an empty field, and stays empty until the user
   * types or steps; a typed value is redisplayed as the spin button would. */
  if (self->state.case_ == NULL ||
      (!sp_case_is_recorded (self->state.case_, sp_fact_get_id (self->state.fact)) &&
       gtk_editable_get_text (GTK_EDITABLE (spin))[0] == '\0'))
    return TRUE;
  text = format_number (self, gtk_spin_button_get_value (spin));
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static void
on_focus_leave (SpNumberRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->state.input));

  /* Typed but not activated: commit now, as a spin button's own update
   * would (it fires value-changed only when the value moves). */
  if (text[0] != '\0' || sp_case_is_recorded (self->state.case_, sp_fact_get_id (self->state.fact)))
    commit_text (self);
}

static void
sp_number_row_constructed (GObject *object)
{
  SpNumberRow *self = SP_NUMBER_ROW (object);
  SpFact *fact = self->state.fact;
  GtkSpinButton *spin = GTK_SPIN_BUTTON (self->state.input);
  double lower = 0, upper = 1e6;
  GtkEditable *delegate;

  G_OBJECT_CLASS (sp_number_row_parent_class)->constructed (object);

  if (sp_fact_has_range (fact))
    {
      lower = sp_fact_get_minimum (fact);
      upper = sp_fact_get_maximum (fact);
    }
  gtk_spin_button_set_adjustment (spin, gtk_adjustment_new (lower, lower, upper, 1, 10, 0));
  gtk_spin_button_set_digits (spin, sp_fact_get_fact_type (fact) == SP_FACT_INTEGER ? 0 : 1);
  gtk_editable_set_text (GTK_EDITABLE (spin), "");

  if (sp_fact_get_unit (fact))
    {
      gtk_label_set_text (self->unit, sp_policy_gettext (sp_fact_get_unit (fact)));
      gtk_widget_set_visible (GTK_WIDGET (self->unit), TRUE);
    }

  /* The spin button updates itself on the text's activate first; this runs
   * after it, for a typed value equal to the one it already held. */
  delegate = gtk_editable_get_delegate (GTK_EDITABLE (spin));
  if (GTK_IS_TEXT (delegate))
    g_signal_connect_object (delegate, "activate", G_CALLBACK (commit_text), self,
                             G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  sp_fact_row_setup (SP_FACT_ROW (self));
}

static void
sp_number_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SP_TYPE_NUMBER_ROW);
  G_OBJECT_CLASS (sp_number_row_parent_class)->dispose (object);
}

static void
sp_number_row_finalize (GObject *object)
{
  sp_fact_row_state_clear (&SP_NUMBER_ROW (object)->state);
  G_OBJECT_CLASS (sp_number_row_parent_class)->finalize (object);
}

static void
sp_number_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  if (!sp_fact_row_state_get_property (&SP_NUMBER_ROW (object)->state, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
sp_number_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  sp_fact_row_state_set_property (&SP_NUMBER_ROW (object)->state, prop_id, value);
}

static void
sp_number_row_class_init (SpNumberRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sp_number_row_constructed;
  object_class->dispose = sp_number_row_dispose;
  object_class->finalize = sp_number_row_finalize;
  object_class->get_property = sp_number_row_get_property;
  object_class->set_property = sp_number_row_set_property;
  sp_fact_row_install_properties (object_class);

  sp_fact_row_bind_template (widget_class, "/io/github/spinalpathways/SpinalPathways/ui/sp-number-row.ui",
                             G_STRUCT_OFFSET (SpNumberRow, state));
  gtk_widget_class_bind_template_child_full (widget_class, "input", FALSE,
                                             G_STRUCT_OFFSET (SpNumberRow, state.input));
  gtk_widget_class_bind_template_child_full (widget_class, "clear_button", FALSE,
                                             G_STRUCT_OFFSET (SpNumberRow, state.clear_button));
  gtk_widget_class_bind_template_child (widget_class, SpNumberRow, unit);
  gtk_widget_class_bind_template_callback (widget_class, on_value_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_input);
  gtk_widget_class_bind_template_callback (widget_class, on_output);
  gtk_widget_class_bind_template_callback (widget_class, on_focus_leave);
}

static void
sp_number_row_init (SpNumberRow *self)
{
  self->state.syncing = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  sp_fact_row_init_focus_answers (GTK_WIDGET (self));
}
