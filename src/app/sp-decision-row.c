/* sp-decision-row.c
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sp-decision-row.h"
#include "sp-widget-util.h"

/**
 * SpDecisionRow:
 *
 * An expander row for one #SpDecision: the intervention, a status pill
 * (icon and word, never colour alone), and when expanded the reasons, the
 * facts still missing as links to their fields, the policy's own words and
 * the interpretations applied. It follows the decision, which the evaluation
 * updates in place, so the row never needs rebuilding from outside.
 */
struct _SpDecisionRow
{
  AdwExpanderRow  parent_instance;

  /* owned */
  SpCase         *case_;
  SpDecision     *decision;
  GHashTable     *missing_buttons;  /* fact id → GtkButton */

  /* widgets */
  GtkWidget      *pill;
  GtkWidget      *pill_icon;
  GtkWidget      *pill_label;
  GtkWidget      *details;          /* rebuilt when the decision's words change */
  GtkWidget      *exceptional_check;
  GtkWidget      *exceptional_needs;  /* what else individual funding needs */

  char           *shown_signature;  /* what details shows, to skip a rebuild */

  SpStatus        shown_status;
  gboolean        details_built;    /* the details exist only once expanded */
  gboolean        syncing;
  gboolean        compact;
};

G_DEFINE_FINAL_TYPE (SpDecisionRow, sp_decision_row, ADW_TYPE_EXPANDER_ROW)

static const char *status_classes[SP_N_STATUSES] = {
  [SP_STATUS_URGENT_REFERRAL] = "urgent",
  [SP_STATUS_SUPPORTED] = "supported",
  [SP_STATUS_CRITERIA_NOT_MET] = "not-met",
  [SP_STATUS_NEEDS_INFORMATION] = "needs-information",
  [SP_STATUS_NOT_NORMALLY_FUNDED] = "not-funded",
  [SP_STATUS_EXCEPTIONAL_CASE] = "exceptional",
};

static const char *status_icons[SP_N_STATUSES] = {
  [SP_STATUS_URGENT_REFERRAL] = "dialog-error-symbolic",
  [SP_STATUS_SUPPORTED] = "object-select-symbolic",
  [SP_STATUS_CRITERIA_NOT_MET] = "dialog-warning-symbolic",
  [SP_STATUS_NEEDS_INFORMATION] = "dialog-question-symbolic",
  [SP_STATUS_NOT_NORMALLY_FUNDED] = "action-unavailable-symbolic",
  [SP_STATUS_EXCEPTIONAL_CASE] = "emblem-important-symbolic",
};

/**
 * sp_status_get_icon_name:
 *
 * Returns: the symbolic icon shown beside the words of @status
 */
const char *
sp_status_get_icon_name (SpStatus status)
{
  g_return_val_if_fail (status < SP_N_STATUSES, NULL);
  return status_icons[status];
}

/**
 * sp_status_get_style_class:
 *
 * Returns: the CSS class of @status's pill, without the `sp-status-` prefix
 */
const char *
sp_status_get_style_class (SpStatus status)
{
  g_return_val_if_fail (status < SP_N_STATUSES, NULL);
  return status_classes[status];
}

static SpFact *
find_decision_list_fact (SpPolicy *policy)
{
  /* The policy marks the individual-funding list by its type: the only fact
   * whose values are decisions. */
  for (guint i = 0; i < sp_policy_get_n_facts (policy); i++)
    {
      SpFact *fact = sp_policy_get_fact (policy, i);

      if (sp_fact_get_fact_type (fact) == SP_FACT_DECISION_LIST)
        return fact;
    }
  return NULL;
}

static gboolean
is_named_for_funding (SpDecisionRow *self,
                      SpFact        *list_fact)
{
  g_auto(GStrv) chosen = NULL;

  if (list_fact == NULL)
    return FALSE;
  chosen = sp_case_dup_choice_list (self->case_, sp_fact_get_id (list_fact));
  return chosen && g_strv_contains ((const char * const *) chosen, sp_decision_get_id (self->decision));
}

static void
on_exceptional_toggled (SpDecisionRow  *self,
                        GtkCheckButton *check)
{
  SpFact *list_fact = find_decision_list_fact (sp_case_get_policy (self->case_));
  g_auto(GStrv) chosen = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;
  const char *id = sp_decision_get_id (self->decision);
  gboolean want = gtk_check_button_get_active (check);

  if (self->syncing || list_fact == NULL)
    return;

  chosen = sp_case_dup_choice_list (self->case_, sp_fact_get_id (list_fact));
  for (guint i = 0; chosen && chosen[i]; i++)
    if (!g_str_equal (chosen[i], id))
      g_strv_builder_add (builder, chosen[i]);
  if (want)
    g_strv_builder_add (builder, id);
  updated = g_strv_builder_end (builder);

  sp_case_set_choice_list (self->case_, sp_fact_get_id (list_fact), (const char * const *) updated);
}

static GtkWidget *
add_label (GtkWidget  *box,
           const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  if (css_class)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (box), label);
  return label;
}

static GtkWidget *
add_heading (GtkWidget  *box,
             const char *text)
{
  GtkWidget *label = add_label (box, text, "heading");

  gtk_widget_set_margin_top (label, 6);
  return label;
}

static void
rebuild_details (SpDecisionRow *self)
{
  SpPolicy *policy = sp_case_get_policy (self->case_);
  SpStatus status = sp_decision_get_status (self->decision);
  const char * const *reasons = sp_decision_get_reasons (self->decision);
  const char * const *missing = sp_decision_get_missing (self->decision);
  const char * const *citations = sp_decision_get_citations (self->decision);
  const char * const *interpretations = sp_decision_get_interpretations (self->decision);
  g_autoptr(GString) signature = g_string_new (NULL);
  GtkWidget *child;

  /* The evaluation notifies each property in turn; rebuild once, and only
   * when the words really changed, so focus inside the row survives. */
  g_string_append_printf (signature, "%d", status);
  for (guint i = 0; reasons && reasons[i]; i++)
    g_string_append_printf (signature, "\037r%s", reasons[i]);
  for (guint i = 0; missing && missing[i]; i++)
    g_string_append_printf (signature, "\037m%s", missing[i]);
  for (guint i = 0; citations && citations[i]; i++)
    g_string_append_printf (signature, "\037c%s", citations[i]);
  for (guint i = 0; interpretations && interpretations[i]; i++)
    g_string_append_printf (signature, "\037i%s", interpretations[i]);
  if (g_strcmp0 (signature->str, self->shown_signature) == 0)
    return;
  g_free (self->shown_signature);
  self->shown_signature = g_string_free (g_steal_pointer (&signature), FALSE);

  while ((child = gtk_widget_get_first_child (self->details)))
    gtk_box_remove (GTK_BOX (self->details), child);
  g_hash_table_remove_all (self->missing_buttons);

  /* The full status first: the pill may be narrow, the words are not. */
  add_label (self->details, sp_status_get_label (status), "sp-status-text");

  /* Interpretations are not among the reasons: they have their own
   * heading below, each shown once. */
  for (guint i = 0; reasons && reasons[i]; i++)
    add_label (self->details, reasons[i],
               sp_decision_get_reason_kind (self->decision, i) == SP_REASON_IMPLIED ? "sp-implied" : NULL);

  if (missing && missing[0])
    {
      GtkWidget *flow = gtk_flow_box_new ();

      add_heading (self->details, _("Missing"));
      gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
      gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 8);
      gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 4);
      gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 4);
      gtk_box_append (GTK_BOX (self->details), flow);

      for (guint i = 0; missing[i]; i++)
        {
          SpFact *fact = sp_policy_lookup_fact (policy, missing[i]);
          const char *label = fact ? sp_policy_gettext (sp_fact_get_label (fact)) : missing[i];
          g_autofree char *a11y = g_strdup_printf (_("Go to “%s”"), label);
          GtkWidget *button = gtk_button_new ();
          GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
          GtkWidget *text = gtk_label_new (label);
          GtkWidget *flow_child = gtk_flow_box_child_new ();

          /* Long labels wrap, so a narrow window still fits the link. */
          gtk_label_set_wrap (GTK_LABEL (text), TRUE);
          gtk_label_set_max_width_chars (GTK_LABEL (text), 36);
          gtk_label_set_xalign (GTK_LABEL (text), 0);
          gtk_box_append (GTK_BOX (content), text);
          gtk_box_append (GTK_BOX (content), gtk_image_new_from_icon_name ("go-next-symbolic"));
          gtk_button_set_child (GTK_BUTTON (button), content);
          gtk_widget_add_css_class (button, "sp-missing");
          gtk_widget_add_css_class (button, "pill");
          gtk_widget_add_css_class (button, "small");
          sp_widget_set_new_tooltip (button, a11y);
          gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, a11y,
                                          -1);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.focus-fact");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", missing[i]);
          gtk_widget_set_focusable (flow_child, FALSE);
          gtk_widget_set_halign (button, GTK_ALIGN_START);
          gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (flow_child), button);
          gtk_flow_box_append (GTK_FLOW_BOX (flow), flow_child);
          g_hash_table_insert (self->missing_buttons, g_strdup (missing[i]), button);
        }
    }

  if (citations && citations[0])
    {
      add_heading (self->details, citations[1] ? _("Policy clauses") : _("Policy clause"));
      for (guint i = 0; citations[i]; i++)
        {
          SpClause *clause = sp_policy_lookup_clause (policy, citations[i]);
          g_autofree char *quoted = NULL;
          g_autofree char *formatted = NULL;

          if (clause == NULL)
            continue;
          add_label (self->details, sp_clause_get_heading (clause), "sp-clause-heading");
          /* Bullets on lines of their own, as the policy sets them out. */
          formatted = sp_clause_dup_formatted (clause);
          /* Translators: a quotation of the policy's text */
          quoted = g_strdup_printf (_("“%s”"), formatted);
          add_label (self->details, quoted, "sp-clause");
        }
    }

  if (interpretations && interpretations[0])
    {
      gboolean any_awaiting = FALSE;

      for (guint i = 0; interpretations[i]; i++)
        {
          SpInterpretation *interp = sp_policy_lookup_interpretation (policy, interpretations[i]);

          any_awaiting |= interp != NULL && !sp_interpretation_is_signed_off (interp);
        }
      add_heading (self->details, interpretations[1] ? _("Interpretations applied") : _("Interpretation applied"));
      if (any_awaiting)
        add_label (self->details, _("Readings of the policy awaiting the commissioner’s sign-off."), "dim-label");
      for (guint i = 0; interpretations[i]; i++)
        {
          SpInterpretation *interp = sp_policy_lookup_interpretation (policy, interpretations[i]);

          if (interp)
            add_label (self->details, sp_interpretation_get_reading (interp), "sp-interpretation");
        }
    }
}

static void
update_status (SpDecisionRow *self)
{
  SpStatus status = sp_decision_get_status (self->decision);
  const char *words = sp_status_get_label (status);
  g_autofree char *old_class = g_strconcat ("sp-status-", status_classes[self->shown_status], NULL);
  g_autofree char *new_class = g_strconcat ("sp-status-", status_classes[status], NULL);
  g_autofree char *description = NULL;

  gtk_widget_remove_css_class (self->pill, old_class);
  gtk_widget_add_css_class (self->pill, new_class);
  gtk_image_set_from_icon_name (GTK_IMAGE (self->pill_icon), status_icons[status]);
  gtk_label_set_text (GTK_LABEL (self->pill_label), words);
  /* Short words stay on one line; long ones wrap rather than squeeze the
   * intervention's name. */
  gtk_label_set_width_chars (GTK_LABEL (self->pill_label),
                             MIN ((int) g_utf8_strlen (words, -1), self->compact ? 9 : 23));
  gtk_label_set_max_width_chars (GTK_LABEL (self->pill_label), self->compact ? 13 : 23);
  self->shown_status = status;

  /* What is not met, under the name, as the summary puts it under the
   * intervention: "Criteria not met" never stands without its why. */
  {
    g_autofree char *unmet = sp_decision_dup_unmet (self->decision);

    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), unmet ? unmet : "");
  }

  /* The row reads as "Lumbar discectomy, Supported" to a screen reader, and
   * its description changes with the status, which assistive technologies
   * announce for the focused row. */
  description = g_strdup_printf (_("Status: %s"), words);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->pill),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
update_exceptional (SpDecisionRow *self)
{
  SpFact *list_fact = find_decision_list_fact (sp_case_get_policy (self->case_));
  SpStatus status = sp_decision_get_status (self->decision);
  gboolean named = is_named_for_funding (self, list_fact);

  /* Offered where the policy's exceptional route can apply; kept while the
   * intervention is named, so the tick can always be taken back. */
  gtk_widget_set_visible (self->exceptional_check,
                          list_fact != NULL &&
                          (status == SP_STATUS_NOT_NORMALLY_FUNDED ||
                           status == SP_STATUS_CRITERIA_NOT_MET ||
                           status == SP_STATUS_EXCEPTIONAL_CASE || named));
  self->syncing = TRUE;
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->exceptional_check), named);
  self->syncing = FALSE;

  /* The tick alone changes nothing until the impairment is recorded, on
   * another tab: say so, with the way there. */
  {
    SpFact *impairment = sp_policy_get_exceptional_impairment_fact (sp_case_get_policy (self->case_));
    const char *impairment_id = sp_fact_get_id (impairment);
    gboolean impaired = sp_case_is_recorded (self->case_, impairment_id) &&
                        sp_case_get_boolean (self->case_, impairment_id);

    if (named && !impaired)
      {
        const char *pathway = sp_fact_get_pathway (impairment);
        /* Translators: the first %s is a question, the second a tab */
        g_autofree char *text = g_strdup_printf (_("Also record “%s” on the %s tab"),
                                                 sp_policy_gettext (sp_fact_get_label (impairment)),
                                                 sp_policy_gettext (sp_policy_get_pathway_label (sp_case_get_policy (self->case_), pathway)));

        gtk_button_set_label (GTK_BUTTON (self->exceptional_needs), text);
        /* The target first: an action name without it is a type mismatch. */
        gtk_actionable_set_action_target (GTK_ACTIONABLE (self->exceptional_needs), "s", impairment_id);
        gtk_actionable_set_action_name (GTK_ACTIONABLE (self->exceptional_needs), "win.focus-fact");
      }
    gtk_widget_set_visible (self->exceptional_needs, named && !impaired);
  }
}

/* The details (reasons, quoted clauses, interpretations, links) are long
 * wrapped text: built for every row at start-up and on every edit, they
 * cost more than everything else in the window. So they are built when the
 * row is first expanded (or asked for), and only then kept up to date. */
static void
ensure_details (SpDecisionRow *self)
{
  self->details_built = TRUE;
  rebuild_details (self);
}

static void
on_expanded (SpDecisionRow *self)
{
  if (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (self)))
    ensure_details (self);
}

static void
on_decision_notify (SpDecisionRow *self,
                    GParamSpec    *pspec,
                    SpDecision    *decision)
{
  update_status (self);
  if (self->details_built)
    rebuild_details (self);
  update_exceptional (self);
}

static void
on_list_changed (SpDecisionRow *self)
{
  update_exceptional (self);
}

static void
sp_decision_row_dispose (GObject *object)
{
  SpDecisionRow *self = SP_DECISION_ROW (object);

  g_clear_object (&self->decision);
  g_clear_object (&self->case_);
  g_clear_pointer (&self->missing_buttons, g_hash_table_unref);
  g_clear_pointer (&self->shown_signature, g_free);

  G_OBJECT_CLASS (sp_decision_row_parent_class)->dispose (object);
}

static void
sp_decision_row_class_init (SpDecisionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sp_decision_row_dispose;
}

static void
sp_decision_row_init (SpDecisionRow *self)
{
  GtkWidget *row, *box, *label;

  self->missing_buttons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->shown_status = SP_STATUS_NEEDS_INFORMATION;

  gtk_widget_add_css_class (GTK_WIDGET (self), "sp-decision");

  self->pill = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  gtk_widget_add_css_class (self->pill, "sp-pill");
  gtk_widget_set_valign (self->pill, GTK_ALIGN_CENTER);
  self->pill_icon = gtk_image_new ();
  gtk_box_append (GTK_BOX (self->pill), self->pill_icon);
  self->pill_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->pill_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->pill_label), 23);
  gtk_label_set_justify (GTK_LABEL (self->pill_label), GTK_JUSTIFY_CENTER);
  gtk_box_append (GTK_BOX (self->pill), self->pill_label);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (self), self->pill);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (box, "sp-decision-details");
  self->details = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (box), self->details);

  self->exceptional_check =
    gtk_check_button_new_with_mnemonic (_("_Evidence this intervention would improve health status "
                                          "(for an individual funding request)"));
  label = gtk_widget_get_last_child (self->exceptional_check);
  if (GTK_IS_LABEL (label))
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
    }
  gtk_widget_set_margin_top (self->exceptional_check, 6);
  gtk_widget_set_visible (self->exceptional_check, FALSE);
  gtk_box_append (GTK_BOX (box), self->exceptional_check);
  self->exceptional_needs = gtk_button_new ();
  gtk_widget_add_css_class (self->exceptional_needs, "link");
  gtk_widget_set_halign (self->exceptional_needs, GTK_ALIGN_START);
  gtk_widget_set_visible (self->exceptional_needs, FALSE);
  gtk_box_append (GTK_BOX (box), self->exceptional_needs);
  g_signal_connect_object (self->exceptional_check, "toggled",
                           G_CALLBACK (on_exceptional_toggled), self, G_CONNECT_SWAPPED);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
}

/**
 * sp_decision_row_new:
 * @case_: the case, for the individual funding list
 * @decision: the decision to show, updated in place by its evaluation
 *
 * Returns: (transfer floating): a new row
 */
GtkWidget *
sp_decision_row_new (SpCase     *case_,
                     SpDecision *decision)
{
  SpDecisionRow *self;
  SpFact *list_fact;

  g_return_val_if_fail (SP_IS_CASE (case_), NULL);
  g_return_val_if_fail (SP_IS_DECISION (decision), NULL);

  self = g_object_new (SP_TYPE_DECISION_ROW, NULL);
  self->case_ = g_object_ref (case_);
  self->decision = g_object_ref (decision);

  /* The policy's words and the engine's are text, never markup: an "&" in a
   * policy file must show as itself, not blank the row. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), sp_policy_gettext (sp_decision_get_label (decision)));
  gtk_widget_set_name (GTK_WIDGET (self), sp_decision_get_id (decision));

  g_signal_connect_object (decision, "notify", G_CALLBACK (on_decision_notify), self, G_CONNECT_SWAPPED);
  if ((list_fact = find_decision_list_fact (sp_case_get_policy (case_))))
    {
      g_autofree char *detailed = g_strdup_printf ("fact-changed::%s", sp_fact_get_id (list_fact));

      g_signal_connect_object (case_, detailed, G_CALLBACK (on_list_changed), self, G_CONNECT_SWAPPED);
    }
  {
    SpFact *impairment = sp_policy_get_exceptional_impairment_fact (sp_case_get_policy (case_));
    g_autofree char *detailed = g_strdup_printf ("fact-changed::%s", sp_fact_get_id (impairment));

    g_signal_connect_object (case_, detailed, G_CALLBACK (on_list_changed), self, G_CONNECT_SWAPPED);
  }

  g_signal_connect (self, "notify::expanded", G_CALLBACK (on_expanded), NULL);
  update_status (self);
  update_exceptional (self);

  return GTK_WIDGET (self);
}

/**
 * sp_decision_row_set_compact:
 * @compact: whether the window is narrow
 *
 * A narrow row wraps the status words sooner, leaving the intervention's
 * name room to read.
 */
void
sp_decision_row_set_compact (SpDecisionRow *self,
                             gboolean       compact)
{
  g_return_if_fail (SP_IS_DECISION_ROW (self));

  if (self->compact == !!compact)
    return;
  self->compact = !!compact;
  update_status (self);
}

/**
 * sp_decision_row_get_decision:
 *
 * Returns: (transfer none): the decision shown
 */
SpDecision *
sp_decision_row_get_decision (SpDecisionRow *self)
{
  g_return_val_if_fail (SP_IS_DECISION_ROW (self), NULL);
  return self->decision;
}

/**
 * sp_decision_row_get_status_label:
 *
 * Returns: (transfer none): the label of the status pill
 */
GtkLabel *
sp_decision_row_get_status_label (SpDecisionRow *self)
{
  g_return_val_if_fail (SP_IS_DECISION_ROW (self), NULL);
  return GTK_LABEL (self->pill_label);
}

/**
 * sp_decision_row_get_exceptional_check:
 *
 * Returns: (transfer none) (nullable): the individual funding check button,
 *   shown only where the status allows a request
 */
GtkWidget *
sp_decision_row_get_exceptional_check (SpDecisionRow *self)
{
  g_return_val_if_fail (SP_IS_DECISION_ROW (self), NULL);
  return self->exceptional_check;
}

/**
 * sp_decision_row_get_missing_button:
 *
 * Returns: (transfer none) (nullable): the "Missing:" link to @fact_id
 */
GtkWidget *
sp_decision_row_get_missing_button (SpDecisionRow *self,
                                    const char    *fact_id)
{
  g_return_val_if_fail (SP_IS_DECISION_ROW (self), NULL);
  if (!self->details_built)
    ensure_details (self);
  return g_hash_table_lookup (self->missing_buttons, fact_id);
}

/**
 * sp_decision_row_get_funding_needs_button:
 *
 * Returns: (transfer none): the link to what individual funding still
 *   needs, shown while this intervention is named and the impairment is not
 *   recorded
 */
GtkWidget *
sp_decision_row_get_funding_needs_button (SpDecisionRow *self)
{
  g_return_val_if_fail (SP_IS_DECISION_ROW (self), NULL);
  return self->exceptional_needs;
}
