/* sp-window.c
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sp-application.h"
#include "sp-decision-row.h"
#include "sp-fact-row.h"
#include "sp-file-dialog.h"
#include "sp-identity-group.h"
#include "sp-notes-group.h"
#include "sp-pathway-page.h"
#include "sp-settings.h"
#include "sp-widget-util.h"
#include "sp-window.h"
#include "sp-window-private.h"

/**
 * SpWindow:
 *
 * One case: a tab per pathway of the policy, each with its questions and
 * decisions; a red flag banner above every tab while a red flag is
 * recorded; a quieter bar asking for the screening until it is complete.
 * Every edit goes to the case, the evaluation follows synchronously, and
 * the rows, pills, badges and banners follow the evaluation. There is no
 * Check button.
 */
G_DEFINE_FINAL_TYPE (SpWindow, sp_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_POLICY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static SpFact *
first_red_flag (SpPolicy *policy)
{
  for (guint i = 0; i < sp_policy_get_n_facts (policy); i++)
    if (sp_policy_is_red_flag (policy, sp_policy_get_fact (policy, i)))
      return sp_policy_get_fact (policy, i);
  return NULL;
}

static SpFact *
assessment_date_fact (SpPolicy *policy)
{
  /* The policy marks the assessment date as the date that defaults to today. */
  for (guint i = 0; i < sp_policy_get_n_facts (policy); i++)
    {
      SpFact *fact = sp_policy_get_fact (policy, i);

      if (sp_fact_get_fact_type (fact) == SP_FACT_DATE && sp_fact_defaults_to_today (fact))
        return fact;
    }
  return NULL;
}

/* Banners appear above the stack and would push the page down under the
 * pointer, taking the row just answered away from it. After the next
 * layout the visible page is scrolled by as much as the banners moved it,
 * before that frame is painted. */
static void
on_layout_after_banners (GdkFrameClock *clock,
                         SpWindow      *self)
{
  graphene_point_t point;
  GtkWidget *page;

  g_signal_handler_disconnect (clock, self->hold_layout_id);
  self->hold_layout_id = 0;

  page = adw_view_stack_get_visible_child (self->stack);
  if (page && SP_IS_PATHWAY_PAGE (page) &&
      gtk_widget_compute_point (GTK_WIDGET (self->stack), GTK_WIDGET (self), &GRAPHENE_POINT_INIT (0, 0), &point) &&
      point.y != self->held_stack_y)
    sp_pathway_page_scroll_by (SP_PATHWAY_PAGE (page), point.y - self->held_stack_y);
}

static void
hold_form_in_place (SpWindow *self)
{
  graphene_point_t point;
  GdkFrameClock *clock;

  if (self->hold_layout_id != 0 || !gtk_widget_get_mapped (GTK_WIDGET (self)) ||
      !(clock = gtk_widget_get_frame_clock (GTK_WIDGET (self))) ||
      !gtk_widget_compute_point (GTK_WIDGET (self->stack), GTK_WIDGET (self), &GRAPHENE_POINT_INIT (0, 0), &point))
    return;
  /* Where the stack is now: its allocation is not updated until layout. */
  self->held_stack_y = point.y;
  /* Connected after the surface's own layout handler, so this runs once
   * the window has its new allocation and before it is painted. */
  self->hold_layout_id = g_signal_connect_object (clock, "layout", G_CALLBACK (on_layout_after_banners), self, G_CONNECT_AFTER);
}

/* The tabs' badges count the decisions on each tab that need more
 * information, and a number alone explains nothing: each switcher button
 * says what it counts in its tooltip and to screen readers. libadwaita 1.2
 * keeps its buttons private, so they are found by their "label", which is
 * the page's title; a libadwaita that builds them otherwise is left as it
 * is. */
static void
explain_badges (SpWindow  *self,
                GtkWidget *widget)
{
  if (GTK_IS_TOGGLE_BUTTON (widget) &&
      g_object_class_find_property (G_OBJECT_GET_CLASS (widget), "label") != NULL)
    {
      g_autofree char *label = NULL;
      GHashTableIter iter;
      GtkWidget *page;

      g_object_get (widget, "label", &label, NULL);
      g_hash_table_iter_init (&iter, self->pages);
      while (label && g_hash_table_iter_next (&iter, NULL, (gpointer *) &page))
        {
          AdwViewStackPage *stack_page = adw_view_stack_get_page (self->stack, page);
          guint count = adw_view_stack_page_get_badge_number (stack_page);
          g_autofree char *text = NULL;

          if (g_strcmp0 (adw_view_stack_page_get_title (stack_page), label) != 0)
            continue;
          if (count > 0)
            /* Translators: the number on a tab */
            text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%u decision on this tab needs more information",
                                                 "%u decisions on this tab need more information", count),
                                    count);
          /* Setting a tooltip asks the display where the pointer is: only
           * when it changes. */
          if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) != 0)
            gtk_widget_set_tooltip_text (widget, text);
          if (text)
            gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
          else
            gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
          return;
        }
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    explain_badges (self, child);
}

static void
update_status (SpWindow *self)
{
  const char * const *pathways = sp_policy_get_pathway_ids (self->policy);
  gboolean urgent = sp_evaluation_is_urgent (self->evaluation);
  gboolean screened = sp_evaluation_is_screening_complete (self->evaluation);
  g_autofree char *pathology = NULL;

  for (guint i = 0; pathways && pathways[i]; i++)
    {
      GtkWidget *page = g_hash_table_lookup (self->pages, pathways[i]);
      AdwViewStackPage *stack_page;
      guint count;

      if (page == NULL)
        continue;
      stack_page = adw_view_stack_get_page (self->stack, page);
      count = sp_evaluation_count_needing_information (self->evaluation, pathways[i]);
      adw_view_stack_page_set_badge_number (stack_page, count);
      /* The first tab holds the screening: it asks for attention until the
       * screening is done, whatever its own decisions say. */
      adw_view_stack_page_set_needs_attention (stack_page, count > 0 || (i == 0 && !screened && !urgent));
    }
  explain_badges (self, GTK_WIDGET (self->header_switcher));
  explain_badges (self, GTK_WIDGET (self->switcher_bar));

  if (urgent)
    {
      /* The policy's words for this case: the findings recorded and no
       * others, and emergency same-day assessment only when one of them
       * (cauda equina syndrome, spinal cord injury) needs it. */
      g_autofree char *text = sp_evaluation_dup_banner_text (self->evaluation, "urgent");

      gtk_label_set_text (self->red_flag_summary, text ? text : "");
    }
  gtk_revealer_set_reveal_child (self->red_flag_revealer, urgent);
  gtk_widget_set_visible (GTK_WIDGET (self->red_flag_revealer), urgent);

  pathology = sp_evaluation_dup_serious_pathology_summary (self->evaluation);
  if (pathology)
    {
      /* Translators: followed by what is suspected, e.g. "Cancer; Infection" */
      g_autofree char *title = g_strdup_printf (_("Serious pathology suspected: %s."), pathology);

      /* What to do, in the policy's words for what is suspected: urgently
       * for cancer or infection, not for a strain. */
      g_autofree char *action = sp_evaluation_dup_banner_text (self->evaluation, "serious");

      gtk_label_set_text (self->serious_pathology_title, title);
      if (action != NULL)
        gtk_label_set_text (self->serious_pathology_action, action);
    }
  gtk_revealer_set_reveal_child (self->serious_pathology_revealer, pathology != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->serious_pathology_revealer), pathology != NULL);
  gtk_revealer_set_reveal_child (self->screening_revealer, !urgent && !screened);
  gtk_widget_set_visible (GTK_WIDGET (self->screening_revealer), !urgent && !screened);
  hold_form_in_place (self);
}

static void
update_review (SpWindow *self)
{
  if (self->review_date)
    {
      /* Translators: %s is a date, YYYY-MM-DD */
      g_autofree char *text = g_strdup_printf (_("Reviewing the assessment of %s. Decisions use that date."),
                                               self->review_date);

      gtk_label_set_text (self->review_label, text);
    }
  gtk_revealer_set_reveal_child (self->review_revealer, self->review_date != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->review_revealer), self->review_date != NULL);
}

/**
 * sp_window_update_policy_banner:
 *
 * Names the policy in force when it is not the built-in one, and the
 * policy the case was saved under when that differs: the same facts can
 * give other decisions under another policy, and a clinician or
 * commissioner must never mistake one for the other.
 */
void
sp_window_update_policy_banner (SpWindow *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (!sp_policy_is_built_in (self->policy))
    {
      g_autofree char *sha = g_strndup (sp_policy_get_sha256 (self->policy), 12);

      /* Translators: the policy's title, its version, the start of its
       * SHA-256 and its file name */
      g_string_append_printf (text, _("Policy in force: %s, version %s (SHA-256 %s…), from %s. "
                                      "This is not the policy built into Spinal Pathways."),
                              sp_policy_gettext (sp_policy_get_title (self->policy)),
                              sp_policy_get_version (self->policy), sha,
                              sp_policy_get_display_name (self->policy));
    }
  if (self->case_ != NULL && sp_case_was_saved_under_other_policy (self->case_))
    {
      g_autofree char *sha = g_strndup (sp_case_get_saved_policy_sha256 (self->case_), 12);

      if (text->len > 0)
        g_string_append (text, "\n\n");
      /* Translators: a policy's id, its version and the start of its
       * SHA-256 */
      g_string_append_printf (text, _("This case was saved under another policy: %s, version %s "
                                      "(SHA-256 %s…). Its decisions are shown under the policy in "
                                      "force and may differ from when it was saved."),
                              sp_case_get_saved_policy_id (self->case_),
                              sp_case_get_saved_policy_version (self->case_), sha);
    }

  gtk_label_set_text (self->policy_label, text->str);
  gtk_revealer_set_reveal_child (self->policy_revealer, text->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->policy_revealer), text->len > 0);
}

static void
remove_pages (SpWindow *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    adw_view_stack_remove (self->stack, value);
  g_hash_table_remove_all (self->pages);
  self->identity_group = NULL;
  self->notes_group = NULL;
}

static const char *
pathway_icon_name (const char *pathway_id)
{
  g_autofree char *name = g_strdup_printf ("sp-pathway-%s-symbolic", pathway_id);
  g_autofree char *path = g_strdup_printf (RESOURCE_BASE "/icons/16x16/actions/%s.symbolic.png", name);

  /* Icons ship for the policy's pathways; a pathway added to the policy
   * later still gets a tab, with a generic icon. They are looked for in
   * the resources they ship in: asking the icon theme would make it load
   * every theme's index before the first frame, rather than beside it. */
  if (g_resources_get_info (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL))
    return g_intern_string (name);
  return "view-paged-symbolic";
}

static void
build_pages (SpWindow *self)
{
  const char * const *pathways = sp_policy_get_pathway_ids (self->policy);

  for (guint i = 0; pathways && pathways[i]; i++)
    {
      GtkWidget *leading = NULL;
      GtkWidget *trailing = NULL;
      GtkWidget *page;
      AdwViewStackPage *stack_page;

      /* The first pathway (the policy's "Patient") starts with who the
       * patient is and ends with the notes. */
      if (i == 0)
        {
          leading = self->identity_group = sp_identity_group_new (self->case_);
          trailing = self->notes_group = sp_notes_group_new (self->case_);
        }
      page = sp_pathway_page_new (self->evaluation, pathways[i], leading, trailing);
      stack_page = adw_view_stack_add_titled (self->stack, page, pathways[i],
                                              sp_policy_gettext (sp_policy_get_pathway_label (self->policy, pathways[i])));
      adw_view_stack_page_set_use_underline (stack_page, FALSE);
      adw_view_stack_page_set_icon_name (stack_page, pathway_icon_name (pathways[i]));
      g_hash_table_insert (self->pages, g_strdup (pathways[i]), page);
    }
}

/* Shows @case_ read from @file (or none), @modified if it holds changes
 * not in @file, as a restored draft does. */
void
sp_window_show_case (SpWindow *self,
                     SpCase   *case_,
                     GFile    *file,
                     gboolean  modified)
{
  const char * const *pathways;

  g_assert (SP_IS_WINDOW (self));
  g_assert (SP_IS_CASE (case_));

  sp_case_session_set_case (self->session, case_, file, modified);
  if (self->case_ == case_)
    return;

  /* The switchers make all their buttons again each time a page is added
   * or removed (1 + 2 + 3 + 4 + 5 for five new tabs, each from a template:
   * 19 M instructions before the first frame): they let go of the stack
   * while the pages change, and make five when they get it back. */
  adw_view_switcher_set_stack (self->header_switcher, NULL);
  adw_view_switcher_bar_set_stack (self->switcher_bar, NULL);
  remove_pages (self);
  if (self->evaluation)
    g_signal_handlers_disconnect_by_data (self->evaluation, self);
  g_clear_object (&self->evaluation);
  g_set_object (&self->case_, case_);
  g_clear_pointer (&self->review_date, g_free);

  self->evaluation = sp_evaluation_new (case_);
  g_signal_connect_object (self->evaluation, "changed", G_CALLBACK (update_status), self, G_CONNECT_SWAPPED);

  build_pages (self);
  adw_view_switcher_set_stack (self->header_switcher, self->stack);
  /* A hidden bar gets it from reveal_bar_cb() when it is next shown. */
  if (adw_view_switcher_bar_get_reveal (self->switcher_bar))
    adw_view_switcher_bar_set_stack (self->switcher_bar, self->stack);
  pathways = sp_policy_get_pathway_ids (self->policy);
  if (pathways && pathways[0])
    adw_view_stack_set_visible_child_name (self->stack, pathways[0]);

  update_status (self);
  update_review (self);
  sp_window_update_policy_banner (self);
}

/**
 * sp_window_new_case:
 *
 * Starts a new assessment: everything "not recorded", the first tab shown,
 * the focus on the first red flag, because screening comes first.
 */
void
sp_window_new_case (SpWindow *self)
{
  g_autoptr(SpCase) case_ = NULL;
  SpFact *flag;
  SpFact *care_setting;

  g_return_if_fail (SP_IS_WINDOW (self));

  case_ = sp_case_new (self->policy);
  /* Where this clinician usually assesses, recorded in the fact the policy
   * names as the care setting. It is a default, not an edit, so the new
   * case is not marked unsaved. */
  if (self->settings && (care_setting = sp_policy_get_care_setting_fact (self->policy)))
    {
      const char *setting = sp_settings_get_default_setting (self->settings);

      if (setting && !g_str_equal (setting, "none") && sp_fact_lookup_choice (care_setting, setting, NULL))
        sp_case_set_choice (case_, sp_fact_get_id (care_setting), setting);
    }
  sp_window_show_case (self, case_, NULL, FALSE);
  if ((flag = first_red_flag (self->policy)))
    sp_window_focus_fact (self, sp_fact_get_id (flag));
}

static void
on_review_response (SpWindow   *self,
                    const char *response,
                    AdwMessageDialog *dialog)
{
  SpFact *date_fact = assessment_date_fact (self->policy);

  if (g_strcmp0 (response, "new") == 0)
    {
      SpFact *flag;

      /* A new assessment today: the old date goes, and so does the old
       * screening, which must be asked again now. */
      g_clear_pointer (&self->review_date, g_free);
      if (date_fact)
        sp_case_clear_fact (self->case_, sp_fact_get_id (date_fact));
      for (guint i = 0; i < sp_policy_get_n_facts (self->policy); i++)
        {
          SpFact *fact = sp_policy_get_fact (self->policy, i);

          if (sp_policy_is_screening_fact (self->policy, fact))
            sp_case_clear_fact (self->case_, sp_fact_get_id (fact));
        }
      update_review (self);
      if ((flag = first_red_flag (self->policy)))
        sp_window_focus_fact (self, sp_fact_get_id (flag));
    }
  else
    {
      g_free (self->review_date);
      self->review_date = date_fact ? sp_case_dup_date (self->case_, sp_fact_get_id (date_fact)) : NULL;
      update_review (self);
    }
}

static void
ask_review_or_new (SpWindow *self)
{
  SpFact *date_fact = assessment_date_fact (self->policy);
  g_autofree char *date = NULL;
  g_autofree char *body = NULL;
  guint32 julian;
  GtkWidget *dialog;

  if (date_fact == NULL || !sp_case_is_recorded (self->case_, sp_fact_get_id (date_fact)))
    return;
  date = sp_case_dup_date (self->case_, sp_fact_get_id (date_fact));
  if (!sp_date_parse (date, &julian) || julian >= sp_date_today ())
    return;

  /* Translators: %s is a date, YYYY-MM-DD */
  body = g_strdup_printf (_("Review the assessment of %s, or start a new assessment today?"), date);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Earlier Assessment"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "review", _("_Review"),
                                    "new", _("_New Assessment Today"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "new", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "review");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "review");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_review_response), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
show_case_or_error (SpWindow  *self,
                    GFile     *file,
                    SpCase    *case_,
                    GError    *error)
{
  if (case_ == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);
      /* Translators: %s is a file name */
      g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), name);
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return FALSE;
    }

  sp_window_show_case (self, case_, file, FALSE);
  sp_file_dialog_note_recent (file, SP_CASE_MIME_TYPE);
  ask_review_or_new (self);
  return TRUE;
}

static void
on_file_loaded (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SpWindow) self = user_data;
  GFile *file = G_FILE (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SpCase) case_ = NULL;
  g_autofree char *name = g_file_get_parse_name (file);

  if (!(bytes = g_file_load_bytes_finish (file, result, NULL, &error)))
    {
      g_autoptr(GError) read_error = g_error_new (SP_ERROR, SP_ERROR_FAILED, "%s: cannot read: %s",
                                                  name, error->message);

      show_case_or_error (self, file, NULL, read_error);
      return;
    }
  case_ = sp_case_new_from_bytes (self->policy, bytes, name, &error);
  show_case_or_error (self, file, case_, error);
}

/**
 * sp_window_load_file:
 * @file: a case file
 *
 * Opens @file in this window, reading it without blocking the window. When
 * it cannot be read, a dialog names the file and the offending member and
 * the current case stays. An assessment dated before today asks whether to
 * review it or start again today.
 */
void
sp_window_load_file (SpWindow *self,
                     GFile    *file)
{
  g_return_if_fail (SP_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_file_load_bytes_async (file, NULL, on_file_loaded, g_object_ref (self));
}

static void
screen_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SpWindow *self = SP_WINDOW (widget);
  SpFact *flag = first_red_flag (self->policy);

  if (flag)
    sp_window_focus_fact (self, sp_fact_get_id (flag));
}

static void
focus_fact_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  sp_window_focus_fact (SP_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static gboolean
reveal_bar_cb (gpointer data)
{
  SpWindow *self = data;
  gboolean reveal = adw_squeezer_get_visible_child (self->title_squeezer) == GTK_WIDGET (self->window_title);

  self->reveal_bar_id = 0;
  /* The bar gets its buttons when a narrow window first needs them: made
   * with the window, they were five more switcher buttons (each built from
   * a template) before a wide window's first frame. */
  if (reveal && adw_view_switcher_bar_get_stack (self->switcher_bar) == NULL)
    {
      adw_view_switcher_bar_set_stack (self->switcher_bar, self->stack);
      explain_badges (self, GTK_WIDGET (self->switcher_bar));
    }
  adw_view_switcher_bar_set_reveal (self->switcher_bar, reveal);
  return G_SOURCE_REMOVE;
}

static void
on_header_squeezed (SpWindow *self)
{
  /* The header's squeezer swaps the tabs for the title while it is being
   * allocated; revealing the bottom bar from inside that allocation leaves
   * the bar's revealer with a negative size, so do it just after. */
  if (self->reveal_bar_id == 0)
    self->reveal_bar_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, reveal_bar_cb, self, NULL);
}

static void
save_window_state (SpWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      sp_settings_set_window_width (self->settings, width);
      sp_settings_set_window_height (self->settings, height);
    }
  sp_settings_set_window_maximized (self->settings, gtk_window_is_maximized (GTK_WINDOW (self)));
}

static gboolean
sp_window_close_request (GtkWindow *window)
{
  SpWindow *self = SP_WINDOW (window);

  if (!self->close_confirmed && sp_case_session_get_modified (self->session))
    {
      sp_window_ask_then (self, SP_WINDOW_THEN_CLOSE, NULL);
      return TRUE;
    }
  save_window_state (self);
  return GTK_WINDOW_CLASS (sp_window_parent_class)->close_request (window);
}

/* A failed autosave leaves what was typed since the last draft exposed to
 * a crash: say so once, in words that say what to do, and not again until
 * a draft has been written. */
static void
on_draft_failed (SpWindow   *self,
                 const char *message)
{
  AdwToast *toast;

  if (self->draft_failing)
    return;
  self->draft_failing = TRUE;
  toast = adw_toast_new (_("Autosave failed: save the case to keep your work"));
  adw_toast_set_timeout (toast, 0);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_button_label (toast, _("_Save"));
  adw_toast_set_action_name (toast, "win.save");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_draft_saved (SpWindow *self)
{
  self->draft_failing = FALSE;
}

static void
sp_window_constructed (GObject *object)
{
  SpWindow *self = SP_WINDOW (object);
  g_autoptr(SpDraftStore) drafts = NULL;
  GtkApplication *app;

  G_OBJECT_CLASS (sp_window_parent_class)->constructed (object);

  g_assert (SP_IS_POLICY (self->policy));

  app = gtk_window_get_application (GTK_WINDOW (self));
  if (SP_IS_APPLICATION (app))
    drafts = g_object_ref (sp_application_get_draft_store (SP_APPLICATION (app)));
  else
    drafts = sp_application_create_draft_store ();
  self->session = sp_case_session_new (drafts);
  if (self->settings)
    g_object_bind_property (self->settings, "autosave-delay-seconds",
                            self->session, "autosave-delay", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->session, "notify::file",
                           G_CALLBACK (sp_window_update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::modified",
                           G_CALLBACK (sp_window_update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "draft-failed",
                           G_CALLBACK (on_draft_failed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "draft-saved",
                           G_CALLBACK (on_draft_saved), self, G_CONNECT_SWAPPED);

  sp_window_new_case (self);
  sp_window_update_title (self);
}

static void
sp_window_dispose (GObject *object)
{
  SpWindow *self = SP_WINDOW (object);

  g_clear_handle_id (&self->reveal_bar_id, g_source_remove);
  if (self->evaluation)
    g_signal_handlers_disconnect_by_data (self->evaluation, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_WINDOW);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_object (&self->evaluation);
  g_clear_object (&self->case_);
  g_clear_object (&self->session);
  g_clear_object (&self->policy);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sp_window_parent_class)->dispose (object);
}

static void
sp_window_finalize (GObject *object)
{
  SpWindow *self = SP_WINDOW (object);

  g_free (self->review_date);

  G_OBJECT_CLASS (sp_window_parent_class)->finalize (object);
}

static void
sp_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SpWindow *self = SP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_POLICY:
      g_value_set_object (value, self->policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  SpWindow *self = SP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_POLICY:
      self->policy = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_window_class_init (SpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = sp_window_constructed;
  object_class->dispose = sp_window_dispose;
  object_class->finalize = sp_window_finalize;
  object_class->get_property = sp_window_get_property;
  object_class->set_property = sp_window_set_property;
  window_class->close_request = sp_window_close_request;

  /**
   * SpWindow:policy:
   *
   * The commissioning policy every case of this window is assessed under.
   */
  properties[PROP_POLICY] =
    g_param_spec_object ("policy", NULL, NULL, SP_TYPE_POLICY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/sp-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SpWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, title_squeezer);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, header_switcher);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, red_flag_revealer);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, red_flag_summary);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, serious_pathology_revealer);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, serious_pathology_title);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, serious_pathology_action);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, screening_revealer);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, review_revealer);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, review_label);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, policy_revealer);
  gtk_widget_class_bind_template_child (widget_class, SpWindow, policy_label);

  sp_window_class_init_actions (widget_class);
  gtk_widget_class_install_action (widget_class, "win.screen", NULL, screen_action);
  gtk_widget_class_install_action (widget_class, "win.focus-fact", "s", focus_fact_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.screen", NULL);
}

/* The primary menu's popover is made when it is first opened (by click or
 * F10): making it with the window cost a few percent of the first frame. */
static void
create_primary_menu (GtkMenuButton *button,
                     gpointer       user_data)
{
  SpWindow *self = SP_WINDOW (gtk_widget_get_root (GTK_WIDGET (button)));

  gtk_menu_button_set_menu_model (button, self->primary_menu);
  gtk_menu_button_set_create_popup_func (button, NULL, NULL, NULL);
}

/* GtkApplication would build the shortcuts window with every application
 * window, from the resource gtk/help-overlay.ui, before the first frame;
 * it is built here when first asked for. Its action is in place first, so
 * gtk_application_window_set_help_overlay() keeps this one. */
static void
show_help_overlay (SpWindow *self)
{
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (self));

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_BASE "/ui/sp-shortcuts-window.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (GTK_APPLICATION_WINDOW (self), overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

static void
sp_window_init (SpWindow *self)
{
  g_autoptr(GSimpleAction) show_help = g_simple_action_new ("show-help-overlay", NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (show_help, "activate", G_CALLBACK (show_help_overlay), self, G_CONNECT_SWAPPED);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (show_help));

  self->pages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_menu_button_set_create_popup_func (self->primary_menu_button, create_primary_menu, NULL, NULL);
  g_signal_connect_object (self->title_squeezer, "notify::visible-child",
                           G_CALLBACK (on_header_squeezed), self, G_CONNECT_SWAPPED);

#ifdef DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  /* The application's settings, one object for every window. Without the
   * schema (an uninstalled run outside `meson devenv`) the window still
   * works; it just forgets its size. */
  if (SP_IS_APPLICATION (g_application_get_default ()) &&
      (self->settings = sp_application_get_settings (SP_APPLICATION (g_application_get_default ()))))
    {
      g_object_ref (self->settings);
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   sp_settings_get_window_width (self->settings),
                                   sp_settings_get_window_height (self->settings));
      if (sp_settings_get_window_maximized (self->settings))
        gtk_window_maximize (GTK_WINDOW (self));
    }

  sp_window_init_actions (self);
}

/**
 * sp_window_new:
 * @policy: the policy cases are assessed under
 *
 * Returns: (transfer full): a new window showing a new case
 */
SpWindow *
sp_window_new (GtkApplication *application,
               SpPolicy       *policy)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (SP_IS_POLICY (policy), NULL);

  return g_object_new (SP_TYPE_WINDOW,
                       "application", application,
                       "policy", policy,
                       NULL);
}

SpPolicy *
sp_window_get_policy (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);
  return self->policy;
}

SpCase *
sp_window_get_case (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);
  return self->case_;
}

SpEvaluation *
sp_window_get_evaluation (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);
  return self->evaluation;
}

/**
 * sp_window_is_pristine:
 *
 * Returns: whether the case is new and untouched (no file, no edits), so
 *   opening a file may replace it
 */
gboolean
sp_window_is_pristine (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), FALSE);
  return sp_case_session_get_file (self->session) == NULL &&
         !sp_case_session_get_modified (self->session);
}

/**
 * sp_window_get_session:
 *
 * Returns: (transfer none): the case's file, unsaved state and draft
 */
SpCaseSession *
sp_window_get_session (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);
  return self->session;
}

AdwViewStack *
sp_window_get_stack (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);
  return self->stack;
}

/**
 * sp_window_get_page:
 *
 * Returns: (transfer none) (nullable): the #SpPathwayPage of @pathway_id
 */
GtkWidget *
sp_window_get_page (SpWindow   *self,
                    const char *pathway_id)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);
  return g_hash_table_lookup (self->pages, pathway_id);
}

/**
 * sp_window_lookup_fact_row:
 *
 * Returns: (transfer none) (nullable): the row asking @fact_id
 */
GtkWidget *
sp_window_lookup_fact_row (SpWindow   *self,
                           const char *fact_id)
{
  SpFact *fact;
  GtkWidget *page;

  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);

  if (!(fact = sp_policy_lookup_fact (self->policy, fact_id)) ||
      !(page = g_hash_table_lookup (self->pages, sp_fact_get_pathway (fact))))
    return NULL;
  return sp_pathway_page_lookup_fact_row (SP_PATHWAY_PAGE (page), fact_id);
}

/**
 * sp_window_lookup_fact_input:
 *
 * Returns: (transfer none) (nullable): the one input widget of @fact_id
 */
GtkWidget *
sp_window_lookup_fact_input (SpWindow   *self,
                             const char *fact_id)
{
  GtkWidget *row = sp_window_lookup_fact_row (self, fact_id);

  return row ? sp_fact_row_get_input (SP_FACT_ROW (row)) : NULL;
}

/**
 * sp_window_lookup_decision_row:
 *
 * Returns: (transfer none) (nullable): the #SpDecisionRow of @decision_id
 */
GtkWidget *
sp_window_lookup_decision_row (SpWindow   *self,
                               const char *decision_id)
{
  SpDecisionRule *rule;
  GtkWidget *page;

  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);

  if (!(rule = sp_policy_lookup_decision (self->policy, decision_id)) ||
      !(page = g_hash_table_lookup (self->pages, sp_decision_rule_get_pathway (rule))))
    return NULL;
  return sp_pathway_page_lookup_decision_row (SP_PATHWAY_PAGE (page), decision_id);
}

GtkWidget *
sp_window_get_serious_pathology_banner (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->serious_pathology_revealer);
}

GtkWidget *
sp_window_get_red_flag_banner (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->red_flag_revealer);
}

GtkWidget *
sp_window_get_screening_banner (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->screening_revealer);
}

GtkWidget *
sp_window_get_policy_banner (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->policy_revealer);
}

GtkWidget *
sp_window_get_review_banner (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->review_revealer);
}

GtkWidget *
sp_window_get_identity_group (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);
  return self->identity_group;
}

/**
 * sp_window_get_notes_group:
 *
 * The group may not be in the form yet: it joins the first tab with its
 * last section, just after the tab's first frame (and after each new or
 * opened case).
 *
 * Returns: (transfer none) (nullable): the case's notes, on the first tab
 */
GtkWidget *
sp_window_get_notes_group (SpWindow *self)
{
  g_return_val_if_fail (SP_IS_WINDOW (self), NULL);
  return self->notes_group;
}

/**
 * sp_window_focus_fact:
 *
 * Shows the tab holding @fact_id and moves the keyboard focus to its input,
 * as the "Missing:" links of a decision do.
 *
 * Returns: whether the focus moved
 */
gboolean
sp_window_focus_fact (SpWindow   *self,
                      const char *fact_id)
{
  SpFact *fact;
  GtkWidget *page;

  g_return_val_if_fail (SP_IS_WINDOW (self), FALSE);

  if (!(fact = sp_policy_lookup_fact (self->policy, fact_id)) ||
      !(page = g_hash_table_lookup (self->pages, sp_fact_get_pathway (fact))))
    return FALSE;
  adw_view_stack_set_visible_child (self->stack, page);
  return sp_pathway_page_focus_fact (SP_PATHWAY_PAGE (page), fact_id);
}
