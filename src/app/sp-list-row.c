/* sp-list-row.c
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sp-fact-row-private.h"
#include "sp-list-row.h"
#include "sp-widget-util.h"

/**
 * SpListRow:
 *
 * A question with any number of answers from the policy's list: an
 * expander of check buttons, "None" first, which is an answer; nothing
 * ticked is "not recorded". The answer in words stays in the header when
 * the list is closed.
 */
struct _SpListRow
{
  AdwExpanderRow  parent_instance;

  SpFactRowState  state;
  GtkLabel       *summary;
  GtkWidget      *none_check;
  GHashTable     *checks;     /* choice id → GtkCheckButton */
};

static void sp_list_row_fact_row_init (SpFactRowInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SpListRow, sp_list_row, ADW_TYPE_EXPANDER_ROW,
                               G_IMPLEMENT_INTERFACE (SP_TYPE_FACT_ROW, sp_list_row_fact_row_init))

static SpFactRowState *
sp_list_row_get_state (SpFactRow *row)
{
  return &SP_LIST_ROW (row)->state;
}

static void
sp_list_row_sync (SpFactRow *row)
{
  SpListRow *self = SP_LIST_ROW (row);
  g_auto(GStrv) chosen = sp_case_dup_choice_list (self->state.case_, sp_fact_get_id (self->state.fact));
  g_autoptr(GString) words = g_string_new (NULL);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->checks);
  while (g_hash_table_iter_next (&iter, &key, &value))
    gtk_check_button_set_active (value, chosen && g_strv_contains ((const char * const *) chosen, key));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->none_check), chosen && !chosen[0]);

  if (!chosen)
    g_string_append (words, _("Not recorded"));
  else if (!chosen[0])
    g_string_append (words, _("None"));
  else
    for (guint i = 0; chosen[i]; i++)
      {
        guint index;

        if (!sp_fact_lookup_choice (self->state.fact, chosen[i], &index))
          continue;
        if (words->len)
          g_string_append (words, _(", "));
        g_string_append (words, sp_policy_gettext (sp_fact_get_choice_label (self->state.fact, index)));
      }
  gtk_label_set_text (self->summary, words->str);
}

static void
sp_list_row_fact_row_init (SpFactRowInterface *iface)
{
  iface->get_state = sp_list_row_get_state;
  iface->sync = sp_list_row_sync;
}

static void
on_check_toggled (SpListRow      *self,
                  GtkCheckButton *check)
{
  const char *id = sp_fact_get_id (self->state.fact);
  gboolean none = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->none_check));
  g_autoptr(GPtrArray) chosen = NULL;

  if (self->state.syncing)
    return;

  /* "None" and the choices exclude each other; nothing ticked at all means
   * "not recorded", which the summary says in words. */
  self->state.syncing = TRUE;
  if (GTK_WIDGET (check) == self->none_check && none)
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, self->checks);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        gtk_check_button_set_active (value, FALSE);
    }
  else if (GTK_WIDGET (check) != self->none_check && gtk_check_button_get_active (check))
    {
      gtk_check_button_set_active (GTK_CHECK_BUTTON (self->none_check), FALSE);
      none = FALSE;
    }
  self->state.syncing = FALSE;

  chosen = g_ptr_array_new ();
  for (guint i = 0; i < sp_fact_get_n_choices (self->state.fact); i++)
    {
      const char *choice = sp_fact_get_choice_id (self->state.fact, i);

      if (gtk_check_button_get_active (g_hash_table_lookup (self->checks, choice)))
        g_ptr_array_add (chosen, (gpointer) choice);
    }

  if (chosen->len > 0 || none)
    {
      g_ptr_array_add (chosen, NULL);
      sp_case_set_choice_list (self->state.case_, id, (const char * const *) chosen->pdata);
    }
  else
    sp_case_clear_fact (self->state.case_, id);
}

static GtkWidget *
add_check_row (SpListRow  *self,
               const char *label)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  /* One Tab stop per choice: the check box, which a screen reader names
   * and Space ticks, not the row around it as well. */
  gtk_widget_set_focusable (row, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_check_toggled), self, G_CONNECT_SWAPPED);
  return check;
}

static void
sp_list_row_constructed (GObject *object)
{
  SpListRow *self = SP_LIST_ROW (object);
  SpFact *fact = self->state.fact;

  G_OBJECT_CLASS (sp_list_row_parent_class)->constructed (object);

  /* Translators: the answer "none of these", which is an answer; an unticked
   * list is "not recorded". */
  self->none_check = add_check_row (self, _("None"));
  for (guint i = 0; i < sp_fact_get_n_choices (fact); i++)
    g_hash_table_insert (self->checks, (gpointer) sp_fact_get_choice_id (fact, i),
                         add_check_row (self, sp_policy_gettext (sp_fact_get_choice_label (fact, i))));

  self->state.input = GTK_WIDGET (self);
  sp_fact_row_setup (SP_FACT_ROW (self));
}

static void
sp_list_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SP_TYPE_LIST_ROW);
  G_OBJECT_CLASS (sp_list_row_parent_class)->dispose (object);
}

static void
sp_list_row_finalize (GObject *object)
{
  SpListRow *self = SP_LIST_ROW (object);

  g_clear_pointer (&self->checks, g_hash_table_unref);
  sp_fact_row_state_clear (&self->state);
  G_OBJECT_CLASS (sp_list_row_parent_class)->finalize (object);
}

static void
sp_list_row_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  if (!sp_fact_row_state_get_property (&SP_LIST_ROW (object)->state, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
sp_list_row_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  sp_fact_row_state_set_property (&SP_LIST_ROW (object)->state, prop_id, value);
}

static void
sp_list_row_class_init (SpListRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sp_list_row_constructed;
  object_class->dispose = sp_list_row_dispose;
  object_class->finalize = sp_list_row_finalize;
  object_class->get_property = sp_list_row_get_property;
  object_class->set_property = sp_list_row_set_property;
  sp_fact_row_install_properties (object_class);

  sp_fact_row_bind_template (widget_class, "/io/github/spinalpathways/SpinalPathways/ui/sp-list-row.ui",
                             G_STRUCT_OFFSET (SpListRow, state));
  gtk_widget_class_bind_template_child_full (widget_class, "clear_button", FALSE,
                                             G_STRUCT_OFFSET (SpListRow, state.clear_button));
  gtk_widget_class_bind_template_child (widget_class, SpListRow, summary);
}

static void
sp_list_row_init (SpListRow *self)
{
  self->state.syncing = TRUE;
  self->checks = g_hash_table_new (g_str_hash, g_str_equal);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sp_list_row_get_choice_button:
 * @choice_id: (nullable): one of the fact's choices, or %NULL for "None"
 *
 * Returns: (transfer none) (nullable): the check button of @choice_id
 */
GtkWidget *
sp_list_row_get_choice_button (SpListRow  *self,
                               const char *choice_id)
{
  g_return_val_if_fail (SP_IS_LIST_ROW (self), NULL);

  if (choice_id == NULL)
    return self->none_check;
  return g_hash_table_lookup (self->checks, choice_id);
}
