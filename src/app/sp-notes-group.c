/* sp-notes-group.c
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sp-notes-group.h"

/**
 * SpNotesGroup:
 *
 * The case's free-text notes, after the Patient tab's questions: saved with
 * the case and printed in the summary; they never change a decision.
 */
struct _SpNotesGroup
{
  AdwPreferencesGroup  parent_instance;

  SpCase              *case_;
  GtkTextBuffer       *buffer;
  GtkWidget           *view;
  GtkWidget           *error;
  gboolean             syncing;
};

G_DEFINE_FINAL_TYPE (SpNotesGroup, sp_notes_group, ADW_TYPE_PREFERENCES_GROUP)

static char *
dup_shown (SpNotesGroup *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  return gtk_text_buffer_get_text (self->buffer, &start, &end, FALSE);
}

static void
sync_from_case (SpNotesGroup *self)
{
  const char *notes = sp_case_get_notes (self->case_);
  g_autofree char *shown = dup_shown (self);

  /* Notes too long to save stay as typed, with their error, until cut. */
  if (g_strcmp0 (shown, notes ? notes : "") == 0 || gtk_widget_get_visible (self->error))
    return;
  self->syncing = TRUE;
  gtk_text_buffer_set_text (self->buffer, notes ? notes : "", -1);
  self->syncing = FALSE;
}

static void
show_error (SpNotesGroup *self,
            const char   *message)
{
  gtk_widget_set_visible (self->error, message != NULL);
  gtk_label_set_text (GTK_LABEL (self->error), message ? message : "");
  if (message)
    {
      gtk_widget_add_css_class (self->view, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->view),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->view),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (self->view, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

static void
on_buffer_changed (SpNotesGroup *self)
{
  g_autofree char *text = NULL;

  if (self->syncing)
    return;
  /* The case file's limit (README, "Limits"): longer notes could not be
   * opened again, so they are not put in the case; what was typed stays. */
  if (gtk_text_buffer_get_char_count (self->buffer) > SP_CASE_MAX_NOTES_CHARACTERS)
    {
      g_autofree char *message = g_strdup_printf (_("Notes can be at most %d characters; they are not saved until shortened."),
                                                  SP_CASE_MAX_NOTES_CHARACTERS);

      show_error (self, message);
      return;
    }
  show_error (self, NULL);
  text = dup_shown (self);
  sp_case_set_notes (self->case_, text[0] ? text : NULL);
}

static void
sp_notes_group_dispose (GObject *object)
{
  SpNotesGroup *self = SP_NOTES_GROUP (object);

  g_clear_object (&self->case_);
  G_OBJECT_CLASS (sp_notes_group_parent_class)->dispose (object);
}

static void
sp_notes_group_class_init (SpNotesGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sp_notes_group_dispose;
}

static void
sp_notes_group_init (SpNotesGroup *self)
{
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *scroller = gtk_scrolled_window_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Notes"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("Saved with the case and printed in the summary; never changes a decision."));

  self->view = gtk_text_view_new ();
  self->buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->view), GTK_WRAP_WORD_CHAR);
  /* Tab moves on, as everywhere else in the form. */
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (self->view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self->view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (self->view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self->view), 10);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self->view), 10);
  gtk_widget_set_name (self->view, "notes");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Notes"),
                                  GTK_ACCESSIBLE_PROPERTY_MULTI_LINE, TRUE,
                                  -1);
  /* A fixed height, long notes scrolling inside: a text view measures its
   * lines after the first frame, and the form must not move then. */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (scroller, -1, 120);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->view);
  gtk_frame_set_child (GTK_FRAME (frame), scroller);
  gtk_widget_add_css_class (frame, "view");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), frame);

  self->error = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->error), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->error), 0);
  gtk_widget_add_css_class (self->error, "error");
  gtk_widget_add_css_class (self->error, "caption");
  gtk_widget_add_css_class (self->error, "sp-field-error");
  gtk_widget_set_visible (self->error, FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->error);

  g_signal_connect_object (self->buffer, "changed", G_CALLBACK (on_buffer_changed), self, G_CONNECT_SWAPPED);
}

/**
 * sp_notes_group_new:
 *
 * Returns: (transfer floating): the notes of @case_
 */
GtkWidget *
sp_notes_group_new (SpCase *case_)
{
  SpNotesGroup *self;

  g_return_val_if_fail (SP_IS_CASE (case_), NULL);

  self = g_object_new (SP_TYPE_NOTES_GROUP, NULL);
  self->case_ = g_object_ref (case_);
  sync_from_case (self);
  g_signal_connect_object (case_, "notify::notes", G_CALLBACK (sync_from_case), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

/**
 * sp_notes_group_get_view:
 *
 * Returns: (transfer none): the notes' text view
 */
GtkWidget *
sp_notes_group_get_view (SpNotesGroup *self)
{
  g_return_val_if_fail (SP_IS_NOTES_GROUP (self), NULL);
  return self->view;
}
