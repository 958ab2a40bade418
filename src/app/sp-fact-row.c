/* sp-fact-row.c
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sp-fact-row-private.h"
#include "sp-boolean-row.h"
#include "sp-choice-row.h"
#include "sp-date-row.h"
#include "sp-list-row.h"
#include "sp-number-row.h"
#include "sp-text-row.h"
#include "sp-widget-util.h"

/**
 * SpFactRow:
 *
 * A row that asks one fact of the policy, bound to the case both ways.
 * There is one final type per kind of question (#SpBooleanRow,
 * #SpChoiceRow, #SpListRow, #SpNumberRow, #SpDateRow, #SpTextRow), each
 * with its own template; this interface is what they share: the "fact"
 * and "case" properties, the help, the clear button, the look of a
 * recorded or implied answer. Rows are made from the policy's facts, so a
 * new question in the policy file needs no new C code.
 */

#define HELP_SUBTITLE_MAX 140

G_DEFINE_INTERFACE (SpFactRow, sp_fact_row, ADW_TYPE_PREFERENCES_ROW)

static void
sp_fact_row_default_init (SpFactRowInterface *iface)
{
  g_object_interface_install_property (iface,
    g_param_spec_object ("fact", NULL, NULL,
                         SP_TYPE_FACT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_interface_install_property (iface,
    g_param_spec_object ("case", NULL, NULL,
                         SP_TYPE_CASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
}

static SpFactRowState *
get_state (SpFactRow *self)
{
  return SP_FACT_ROW_GET_IFACE (self)->get_state (self);
}

/* For the kinds of row */

void
sp_fact_row_install_properties (GObjectClass *klass)
{
  g_object_class_override_property (klass, SP_FACT_ROW_PROP_FACT, "fact");
  g_object_class_override_property (klass, SP_FACT_ROW_PROP_CASE, "case");
}

void
sp_fact_row_state_set_property (SpFactRowState *state,
                                guint           prop_id,
                                const GValue   *value)
{
  switch (prop_id)
    {
    case SP_FACT_ROW_PROP_FACT:
      g_set_object (&state->fact, g_value_get_object (value));
      break;
    case SP_FACT_ROW_PROP_CASE:
      g_set_object (&state->case_, g_value_get_object (value));
      break;
    default:
      g_assert_not_reached ();
    }
}

gboolean
sp_fact_row_state_get_property (SpFactRowState *state,
                                guint           prop_id,
                                GValue         *value)
{
  switch (prop_id)
    {
    case SP_FACT_ROW_PROP_FACT:
      g_value_set_object (value, state->fact);
      return TRUE;
    case SP_FACT_ROW_PROP_CASE:
      g_value_set_object (value, state->case_);
      return TRUE;
    default:
      return FALSE;
    }
}

void
sp_fact_row_state_clear (SpFactRowState *state)
{
  g_clear_object (&state->case_);
  g_clear_object (&state->fact);
  g_clear_pointer (&state->subtitle, g_free);
}

/* Every template has the help button, first among the suffixes, so that a
 * row reads "question, help, answer, clear". */
void
sp_fact_row_bind_template (GtkWidgetClass *widget_class,
                           const char     *resource,
                           gsize           state_offset)
{
  gtk_widget_class_set_template_from_resource (widget_class, resource);
  gtk_widget_class_bind_template_child_full (widget_class, "info_button", FALSE,
                                             state_offset + G_STRUCT_OFFSET (SpFactRowState, info_button));
}

/* One Tab stop per question. A list row takes the focus itself before its
 * children, so Tab stopped on the row (where no key does anything) and
 * then on its answers: two stops a question. A row that cannot take the
 * focus hands it straight to its children (the help, the answers, the
 * clear button); this is for the rows whose answers are widgets of their
 * own: yes/no, number, date, text. */
void
sp_fact_row_init_focus_answers (GtkWidget *row)
{
  gtk_widget_set_focusable (row, FALSE);
}

const char *
sp_fact_row_get_fact_id (SpFactRow *self)
{
  return sp_fact_get_id (get_state (self)->fact);
}

void
sp_fact_row_set_error (GtkWidget  *widget,
                       const char *message)
{
  if (message)
    {
      gtk_widget_add_css_class (widget, "error");
      gtk_widget_set_tooltip_text (widget, message);
      gtk_accessible_update_state (GTK_ACCESSIBLE (widget),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
    }
  else
    {
      gtk_widget_remove_css_class (widget, "error");
      gtk_widget_set_tooltip_text (widget, NULL);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

/**
 * sp_fact_row_sync:
 *
 * Shows the case's value: the kind's own widgets, then what every kind
 * shows alike.
 */
void
sp_fact_row_sync (SpFactRow *self)
{
  SpFactRowState *state = get_state (self);
  gboolean recorded = sp_case_is_recorded (state->case_, sp_fact_get_id (state->fact));

  state->syncing = TRUE;
  SP_FACT_ROW_GET_IFACE (self)->sync (self);

  if (state->clear_button)
    gtk_widget_set_sensitive (state->clear_button, recorded);

  /* A recorded choice reads as the clinician's answer, not in the dimmed
   * type of the "Not recorded" it replaced (style.css). */
  if (recorded)
    gtk_widget_add_css_class (GTK_WIDGET (self), "sp-recorded");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "sp-recorded");

  /* A Yes on a red flag changes everything the window says: it must not
   * look like any other answer. */
  if (sp_fact_get_fact_type (state->fact) == SP_FACT_BOOLEAN &&
      recorded && sp_case_get_boolean (state->case_, sp_fact_get_id (state->fact)) &&
      sp_policy_is_red_flag (sp_case_get_policy (state->case_), state->fact))
    gtk_widget_add_css_class (GTK_WIDGET (self), "sp-red-flag-positive");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "sp-red-flag-positive");

  state->syncing = FALSE;
}

static void
on_fact_changed (SpFactRow  *self,
                 const char *fact_id,
                 SpCase     *case_)
{
  sp_fact_row_sync (self);
}

static char *
short_help (const char *help,
            gboolean   *truncated)
{
  const char *stop;

  *truncated = FALSE;
  if (help == NULL || strlen (help) <= HELP_SUBTITLE_MAX)
    return g_strdup (help);

  *truncated = TRUE;
  /* The first sentence, when it is short enough to stand alone. */
  stop = strstr (help, ". ");
  if (stop && stop - help < HELP_SUBTITLE_MAX)
    return g_strndup (help, stop - help + 1);
  return NULL;
}

/* Every row has the help button; it is shown only for a fact with help. */
static gboolean
has_help (SpFactRowState *state)
{
  const char *help = sp_fact_get_help (state->fact);

  return help != NULL && help[0] != '\0';
}

static void
apply_help (SpFactRow *self,
            gboolean   compact)
{
  SpFactRowState *state = get_state (self);

  /* A combo row shows its value as the subtitle; the help is a button. */
  if (ADW_IS_COMBO_ROW (self))
    {
      gtk_widget_set_visible (state->info_button, has_help (state));
      return;
    }
  g_object_set (self, "subtitle", compact || !state->subtitle ? "" : state->subtitle, NULL);
  gtk_widget_set_visible (state->info_button,
                          has_help (state) && (compact || state->truncated));
}

/* The help's popover is made when first opened: a form has some forty of
 * these, and few are ever opened. */
static void
create_help_popover (GtkMenuButton *button,
                     gpointer       data)
{
  SpFactRowState *state = get_state (data);
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *label = gtk_label_new (sp_policy_gettext (sp_fact_get_help (state->fact)));

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_popover_set_child (GTK_POPOVER (popover), label);
  gtk_menu_button_set_popover (button, popover);
  /* GTK would call this before every popup. */
  gtk_menu_button_set_create_popup_func (button, NULL, NULL, NULL);
}

static void
on_clear_clicked (SpFactRow *self)
{
  SpFactRowState *state = get_state (self);

  /* An entry may show text the case never held (a rejected date, a
   * number half typed): clearing empties it too. */
  if (GTK_IS_EDITABLE (state->input))
    {
      state->syncing = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (state->input), "");
      sp_fact_row_set_error (state->input, NULL);
      state->syncing = FALSE;
    }
  sp_case_clear_fact (state->case_, sp_fact_get_id (state->fact));
  sp_fact_row_sync (self);
}

/**
 * sp_fact_row_setup:
 *
 * What every kind of row does once its own widgets are made, from its
 * constructed(): the question, its help, the clear button, the accessible
 * names, and the binding to the case.
 */
void
sp_fact_row_setup (SpFactRow *self)
{
  SpFactRowState *state = get_state (self);
  const char *label = sp_policy_gettext (sp_fact_get_label (state->fact));
  const char *help = sp_fact_get_help (state->fact) ? sp_policy_gettext (sp_fact_get_help (state->fact)) : NULL;
  g_autofree char *detailed = NULL;

  g_assert (SP_IS_CASE (state->case_));
  g_assert (SP_IS_FACT (state->fact));
  g_assert (GTK_IS_WIDGET (state->input));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), label);

  if (has_help (state))
    {
      /* TRANSLATORS: the accessible name of a question's help button */
      g_autofree char *more = g_strdup_printf (_("More about “%s”"), label);

      state->subtitle = short_help (help, &state->truncated);
      gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (state->info_button), create_help_popover, self, NULL);
      sp_widget_set_new_tooltip (state->info_button, more);
      gtk_accessible_update_property (GTK_ACCESSIBLE (state->info_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, more,
                                      -1);
    }
  apply_help (self, FALSE);

  if (state->clear_button)
    {
      g_autofree char *clear = g_strdup_printf (_("Clear “%s” (not recorded)"), label);

      sp_widget_set_new_tooltip (state->clear_button, clear);
      gtk_accessible_update_property (GTK_ACCESSIBLE (state->clear_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, clear,
                                      -1);
      g_signal_connect_object (state->clear_button, "clicked",
                               G_CALLBACK (on_clear_clicked), self, G_CONNECT_SWAPPED);
    }

  gtk_widget_set_name (state->input, sp_fact_get_id (state->fact));
  gtk_accessible_update_property (GTK_ACCESSIBLE (state->input),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, help ? help : "",
                                  -1);

  detailed = g_strdup_printf ("fact-changed::%s", sp_fact_get_id (state->fact));
  g_signal_connect_object (state->case_, detailed, G_CALLBACK (on_fact_changed), self, G_CONNECT_SWAPPED);
  sp_fact_row_sync (self);
}

/* Public */

/**
 * sp_fact_row_new:
 * @case_: the case the row records into
 * @fact: the fact it asks
 *
 * Makes the row of the kind @fact needs: yes/no as three linked toggles, a
 * choice as a drop-down, a list as an expander of check buttons, a number
 * as a spin button, a date as an entry with a calendar, text as a checked
 * entry.
 *
 * Returns: (transfer floating): an #SpFactRow
 */
GtkWidget *
sp_fact_row_new (SpCase *case_,
                 SpFact *fact)
{
  GType type;

  g_return_val_if_fail (SP_IS_CASE (case_), NULL);
  g_return_val_if_fail (SP_IS_FACT (fact), NULL);

  switch (sp_fact_get_fact_type (fact))
    {
    case SP_FACT_BOOLEAN:
      type = SP_TYPE_BOOLEAN_ROW;
      break;
    case SP_FACT_CHOICE:
      type = SP_TYPE_CHOICE_ROW;
      break;
    case SP_FACT_CHOICE_LIST:
    case SP_FACT_DECISION_LIST:
      type = SP_TYPE_LIST_ROW;
      break;
    case SP_FACT_INTEGER:
    case SP_FACT_NUMBER:
      type = SP_TYPE_NUMBER_ROW;
      break;
    case SP_FACT_DATE:
      type = SP_TYPE_DATE_ROW;
      break;
    case SP_FACT_STRING:
      type = SP_TYPE_TEXT_ROW;
      break;
    default:
      g_return_val_if_reached (NULL);
    }

  return g_object_new (type, "case", case_, "fact", fact, NULL);
}

/**
 * sp_fact_row_get_fact:
 *
 * Returns: (transfer none): the fact @self asks
 */
SpFact *
sp_fact_row_get_fact (SpFactRow *self)
{
  g_return_val_if_fail (SP_IS_FACT_ROW (self), NULL);
  return get_state (self)->fact;
}

/**
 * sp_fact_row_get_input:
 *
 * Returns: (transfer none): the one widget that records the fact (the row
 *   itself for a drop-down or a list); its widget name is the fact's id
 */
GtkWidget *
sp_fact_row_get_input (SpFactRow *self)
{
  g_return_val_if_fail (SP_IS_FACT_ROW (self), NULL);
  return get_state (self)->input;
}

/**
 * sp_fact_row_get_clear_button:
 *
 * Returns: (transfer none) (nullable): the button that returns the fact to
 *   "not recorded", for the kinds of row that have one
 */
GtkWidget *
sp_fact_row_get_clear_button (SpFactRow *self)
{
  g_return_val_if_fail (SP_IS_FACT_ROW (self), NULL);
  return get_state (self)->clear_button;
}

/**
 * sp_fact_row_set_compact:
 * @compact: whether the window is narrow
 *
 * In a narrow window the help moves from the subtitle to the row's help
 * button, so the question and its answer keep the width.
 */
void
sp_fact_row_set_compact (SpFactRow *self,
                         gboolean   compact)
{
  SpFactRowState *state;

  g_return_if_fail (SP_IS_FACT_ROW (self));

  state = get_state (self);
  state->compact = compact;
  if (!state->is_implied)
    apply_help (self, compact);
}

/**
 * sp_fact_row_focus_input:
 *
 * Moves the keyboard focus to the row's input, opening a list so its first
 * choice can be reached.
 *
 * Returns: whether the focus moved
 */
gboolean
sp_fact_row_focus_input (SpFactRow *self)
{
  GtkWidget *input;

  g_return_val_if_fail (SP_IS_FACT_ROW (self), FALSE);

  input = get_state (self)->input;
  if (ADW_IS_EXPANDER_ROW (input))
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (input), TRUE);
  if (gtk_widget_grab_focus (input))
    return TRUE;
  /* An expander row is not focusable itself: its header is. */
  return gtk_widget_child_focus (input, GTK_DIR_TAB_FORWARD);
}

/**
 * sp_fact_row_set_implied:
 * @answer: (nullable): the implied answer in words, or %NULL when the fact
 *   is not implied
 * @because: (nullable): the recorded answers that imply it, in words
 *
 * Shows a fact the recorded ones settle (sciatica settles radicular
 * symptoms) as answered by them, not as a question still to answer: the
 * answer and what implies it, and the input not editable until that
 * changes, as the contract asks.
 */
void
sp_fact_row_set_implied (SpFactRow  *self,
                         const char *answer,
                         const char *because)
{
  SpFactRowState *state;
  g_autofree char *text = NULL;

  g_return_if_fail (SP_IS_FACT_ROW (self));

  state = get_state (self);
  if (answer == NULL)
    {
      if (!state->is_implied)
        return;
      state->is_implied = FALSE;
      if (state->implied != NULL)
        gtk_widget_set_visible (state->implied, FALSE);
      gtk_widget_set_sensitive (state->input, TRUE);
      apply_help (self, state->compact);
      return;
    }

  state->is_implied = TRUE;
  /* TRANSLATORS: an answer nobody recorded that other answers settle */
  text = g_strdup_printf (_("%s, implied by %s"), answer, because);
  if (g_ascii_islower (text[0]))
    text[0] = g_ascii_toupper (text[0]);
  if (ADW_IS_COMBO_ROW (self))
    {
      /* A drop-down row's subtitle is its own answer, "Not recorded". */
      if (state->implied == NULL)
        {
          state->implied = gtk_label_new (NULL);
          gtk_label_set_wrap (GTK_LABEL (state->implied), TRUE);
          gtk_label_set_xalign (GTK_LABEL (state->implied), 1.0);
          gtk_widget_add_css_class (state->implied, "sp-implied");
          adw_action_row_add_suffix (ADW_ACTION_ROW (self), state->implied);
        }
      gtk_label_set_text (GTK_LABEL (state->implied), text);
      gtk_widget_set_visible (state->implied, TRUE);
    }
  else
    {
      g_autofree char *escaped = g_markup_escape_text (text, -1);
      g_autofree char *markup = g_strdup_printf ("<i>%s</i>", escaped);

      /* The answer where the help was; the help stays one click away. */
      g_object_set (self, "subtitle", markup, NULL);
      gtk_widget_set_visible (state->info_button, has_help (state));
    }
  if (state->input != GTK_WIDGET (self))
    gtk_widget_set_sensitive (state->input, FALSE);
}
