/* sp-identity-group.c
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sp-identity-group.h"

/**
 * SpIdentityGroup:
 *
 * The patient's name, NHS number and date of birth and the clinician's name
 * and role. These identify the case; they never change a decision. The NHS
 * number is checked as it is typed (Modulus 11) and shown as `943 476 5919`.
 */
struct _SpIdentityGroup
{
  AdwPreferencesGroup  parent_instance;

  SpCase              *case_;

  GtkWidget           *name_row;
  GtkWidget           *nhs_row;
  GtkWidget           *dob_row;
  GtkWidget           *clinician_row;
  GtkWidget           *role_row;
  GtkWidget           *nhs_error;
  GtkWidget           *dob_error;

  gboolean             syncing;
};

G_DEFINE_FINAL_TYPE (SpIdentityGroup, sp_identity_group, ADW_TYPE_PREFERENCES_GROUP)

static void
show_error (GtkWidget  *row,
            GtkWidget  *label,
            const char *message)
{
  gtk_widget_set_visible (label, message != NULL);
  gtk_label_set_text (GTK_LABEL (label), message ? message : "");
  if (message)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

static void
set_text (SpIdentityGroup *self,
          GtkWidget       *row,
          const char      *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text ? text : "") == 0)
    return;
  self->syncing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  gtk_editable_set_position (GTK_EDITABLE (row), -1);
  self->syncing = FALSE;
}

static void
sync_from_case (SpIdentityGroup *self)
{
  set_text (self, self->name_row, sp_case_get_patient_name (self->case_));
  /* A date typed day first stays as typed while it is the case's date. */
  {
    const char *dob = sp_case_get_date_of_birth (self->case_);
    guint32 typed, recorded;

    if (!(dob && sp_date_parse (dob, &recorded) &&
          sp_date_parse_typed (gtk_editable_get_text (GTK_EDITABLE (self->dob_row)), &typed) &&
          typed == recorded))
      set_text (self, self->dob_row, dob);
  }
  set_text (self, self->clinician_row, sp_case_get_clinician_name (self->case_));
  set_text (self, self->role_row, sp_case_get_clinician_role (self->case_));
  if (sp_case_get_nhs_number (self->case_) || !gtk_widget_has_css_class (self->nhs_row, "error"))
    set_text (self, self->nhs_row, sp_case_get_nhs_number (self->case_));
}

static void
on_name_changed (SpIdentityGroup *self,
                 GtkEditable     *row)
{
  const char *text = gtk_editable_get_text (row);

  if (self->syncing)
    return;
  if (GTK_WIDGET (row) == self->name_row)
    sp_case_set_patient_name (self->case_, text[0] ? text : NULL);
  else if (GTK_WIDGET (row) == self->clinician_row)
    sp_case_set_clinician_name (self->case_, text[0] ? text : NULL);
  else if (GTK_WIDGET (row) == self->role_row)
    sp_case_set_clinician_role (self->case_, text[0] ? text : NULL);
}

static void
on_nhs_changed (SpIdentityGroup *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->nhs_row));
  g_autoptr(GString) digits = g_string_new (NULL);
  gboolean other = FALSE;

  if (self->syncing)
    return;

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (*p != ' ')
        other = TRUE;
    }

  if (other)
    {
      show_error (self->nhs_row, self->nhs_error, _("An NHS number has digits only"));
      sp_case_set_nhs_number (self->case_, NULL, NULL);
    }
  else if (digits->len > 10)
    {
      show_error (self->nhs_row, self->nhs_error, _("An NHS number has ten digits"));
      sp_case_set_nhs_number (self->case_, NULL, NULL);
    }
  else if (digits->len == 10 && !sp_nhs_number_is_valid (digits->str))
    {
      show_error (self->nhs_row, self->nhs_error,
                  _("Not a valid NHS number: the check digit does not match. Check for a mistyped digit."));
      sp_case_set_nhs_number (self->case_, NULL, NULL);
    }
  else if (digits->len == 10)
    {
      g_autofree char *formatted = sp_nhs_number_format (digits->str);

      show_error (self->nhs_row, self->nhs_error, NULL);
      sp_case_set_nhs_number (self->case_, digits->str, NULL);
      set_text (self, self->nhs_row, formatted);
    }
  else
    {
      /* Still typing: neither wrong nor recorded yet. */
      show_error (self->nhs_row, self->nhs_error, NULL);
      sp_case_set_nhs_number (self->case_, NULL, NULL);
    }
}

static void
on_dob_changed (SpIdentityGroup *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->dob_row));

  if (self->syncing)
    return;

  if (text[0] == '\0')
    {
      show_error (self->dob_row, self->dob_error, NULL);
      sp_case_set_date_of_birth (self->case_, NULL, NULL);
    }
  else if (strlen (text) >= 8)
    {
      guint32 julian;

      /* 1/3/1981 is whole at 8 characters; anything shorter is still
       * being typed, and anything this long that does not parse is an
       * error only once it could be whole in every form. */
      if (!sp_date_parse_typed (text, &julian))
        {
          if (strlen (text) >= 10)
            show_error (self->dob_row, self->dob_error, _("Not a real date: write it as 15/03/1981"));
          else
            show_error (self->dob_row, self->dob_error, NULL);
        }
      else if (julian > sp_date_today ())
        show_error (self->dob_row, self->dob_error, _("The date of birth is in the future"));
      else
        {
          g_autofree char *iso = sp_date_format (julian);

          show_error (self->dob_row, self->dob_error, NULL);
          sp_case_set_date_of_birth (self->case_, iso, NULL);
        }
    }
  else
    show_error (self->dob_row, self->dob_error, NULL);
}

static GtkWidget *
add_entry_row (SpIdentityGroup *self,
               const char      *title,
               GCallback        callback)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (row));

  /* The case file's limit (README, "Limits"): what cannot be saved and
   * opened again cannot be typed. */
  if (GTK_IS_TEXT (text))
    gtk_text_set_max_length (GTK_TEXT (text), SP_CASE_MAX_NAME_CHARACTERS);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_signal_connect_object (row, "changed", callback, self, G_CONNECT_SWAPPED);
  return row;
}

static GtkWidget *
add_error_label (SpIdentityGroup *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "sp-field-error");
  gtk_widget_set_visible (label, FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), label);
  return label;
}

static void
sp_identity_group_dispose (GObject *object)
{
  SpIdentityGroup *self = SP_IDENTITY_GROUP (object);

  g_clear_object (&self->case_);

  G_OBJECT_CLASS (sp_identity_group_parent_class)->dispose (object);
}

static void
sp_identity_group_class_init (SpIdentityGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sp_identity_group_dispose;
}

static void
sp_identity_group_init (SpIdentityGroup *self)
{
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Patient and clinician"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("Identifies the case; never changes a decision."));

  self->name_row = add_entry_row (self, _("Patient _name"), G_CALLBACK (on_name_changed));
  self->nhs_row = add_entry_row (self, _("NH_S number"), G_CALLBACK (on_nhs_changed));
  gtk_editable_set_max_width_chars (GTK_EDITABLE (self->nhs_row), 12);
  gtk_widget_set_name (self->nhs_row, "nhs_number");
  self->dob_row = add_entry_row (self, _("_Date of birth (DD/MM/YYYY)"), G_CALLBACK (on_dob_changed));
  gtk_widget_set_name (self->dob_row, "date_of_birth");
  self->clinician_row = add_entry_row (self, _("_Clinician"), G_CALLBACK (on_name_changed));
  self->role_row = add_entry_row (self, _("Clinician’s _role"), G_CALLBACK (on_name_changed));
  self->nhs_error = add_error_label (self);
  self->dob_error = add_error_label (self);
}

/**
 * sp_identity_group_new:
 *
 * Returns: (transfer floating): the identity fields of @case_
 */
GtkWidget *
sp_identity_group_new (SpCase *case_)
{
  SpIdentityGroup *self;

  g_return_val_if_fail (SP_IS_CASE (case_), NULL);

  self = g_object_new (SP_TYPE_IDENTITY_GROUP, NULL);
  self->case_ = g_object_ref (case_);
  sync_from_case (self);
  g_signal_connect_object (case_, "notify", G_CALLBACK (sync_from_case), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

/**
 * sp_identity_group_get_nhs_row:
 *
 * Returns: (transfer none): the NHS number entry row
 */
GtkWidget *
sp_identity_group_get_nhs_row (SpIdentityGroup *self)
{
  g_return_val_if_fail (SP_IS_IDENTITY_GROUP (self), NULL);
  return self->nhs_row;
}

/**
 * sp_identity_group_get_nhs_error:
 *
 * Returns: (transfer none): the label that explains a wrong NHS number
 */
GtkWidget *
sp_identity_group_get_nhs_error (SpIdentityGroup *self)
{
  g_return_val_if_fail (SP_IS_IDENTITY_GROUP (self), NULL);
  return self->nhs_error;
}
