/* sp-fact-row.c
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sp-fact-row.h"
#include "sp-tri-state.h"
#include "sp-choice-item.h"
#include "sp-widget-util.h"

/* Rows are generated from the policy's facts, one input widget per fact, so a
 * new question in the policy file needs no new C code. Each row keeps a
 * FactRow on itself (object data) that binds the input to the case in both
 * directions; the "syncing" flag stops a value written from the case being
 * written back to it. The input widget carries the fact's id as its widget
 * name, so tests and the "Missing:" links can find it. */

#define FACT_ROW_KEY "sp-fact-row"
#define HELP_SUBTITLE_MAX 140

typedef struct {
  SpCase     *case_;
  SpFact     *fact;
  GtkWidget  *row;        /* borrowed: owns this struct */
  GtkWidget  *input;
  GtkWidget  *clear_button;
  GtkWidget  *summary;    /* lists: the answer in words */
  GtkWidget  *calendar;   /* dates */
  GtkWidget  *none_check; /* lists: "None", a recorded empty answer */
  GtkWidget  *info_button;
  char       *subtitle;   /* the help shown under the title, when it fits */
  gboolean    truncated;  /* the subtitle is not the whole help */
  GHashTable *checks;     /* lists: choice id → GtkCheckButton */
  GtkWidget  *implied;    /* lists of choices: "…, implied by …", made when first needed */
  gboolean    is_implied;
  gboolean    compact;
  gboolean    syncing;
} FactRow;

static void
fact_row_free (gpointer data)
{
  FactRow *fr = data;

  g_clear_object (&fr->case_);
  g_clear_object (&fr->fact);
  g_clear_pointer (&fr->checks, g_hash_table_unref);
  g_free (fr->subtitle);
  g_free (fr);
}

static FactRow *
get_fact_row (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), FACT_ROW_KEY);
}

static const char *
fact_id (FactRow *fr)
{
  return sp_fact_get_id (fr->fact);
}

static gboolean
is_integer (FactRow *fr)
{
  return sp_fact_get_fact_type (fr->fact) == SP_FACT_INTEGER;
}

static char *
format_number (FactRow *fr,
               double   value)
{
  if (is_integer (fr))
    return g_strdup_printf ("%.0f", value);
  return g_strdup_printf ("%g", value);
}

static void
set_error (GtkWidget  *widget,
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

/* The case to the widgets */

static void
sync_list (FactRow *fr)
{
  g_auto(GStrv) chosen = sp_case_dup_choice_list (fr->case_, fact_id (fr));
  g_autoptr(GString) words = g_string_new (NULL);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, fr->checks);
  while (g_hash_table_iter_next (&iter, &key, &value))
    gtk_check_button_set_active (value, chosen && g_strv_contains ((const char * const *) chosen, key));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (fr->none_check), chosen && !chosen[0]);

  if (!chosen)
    g_string_append (words, _("Not recorded"));
  else if (!chosen[0])
    g_string_append (words, _("None"));
  else
    for (guint i = 0; chosen[i]; i++)
      {
        guint index;

        if (!sp_fact_lookup_choice (fr->fact, chosen[i], &index))
          continue;
        if (words->len)
          g_string_append (words, _(", "));
        g_string_append (words, sp_policy_gettext (sp_fact_get_choice_label (fr->fact, index)));
      }
  gtk_label_set_text (GTK_LABEL (fr->summary), words->str);
}

static void
sync_from_case (FactRow *fr)
{
  gboolean recorded = sp_case_is_recorded (fr->case_, fact_id (fr));

  fr->syncing = TRUE;

  switch (sp_fact_get_fact_type (fr->fact))
    {
    case SP_FACT_BOOLEAN:
      sp_tri_state_set_value (SP_TRI_STATE (fr->input),
                              !recorded ? SP_TRI_STATE_UNKNOWN
                              : sp_case_get_boolean (fr->case_, fact_id (fr)) ? SP_TRI_STATE_YES
                              : SP_TRI_STATE_NO);
      break;

    case SP_FACT_CHOICE:
      {
        guint index = 0;

        if (recorded && sp_fact_lookup_choice (fr->fact, sp_case_get_choice (fr->case_, fact_id (fr)), &index))
          index += 1;
        adw_combo_row_set_selected (ADW_COMBO_ROW (fr->input), index);
      }
      break;

    case SP_FACT_CHOICE_LIST:
    case SP_FACT_DECISION_LIST:
      sync_list (fr);
      break;

    case SP_FACT_INTEGER:
    case SP_FACT_NUMBER:
      if (recorded)
        {
          double value = sp_case_get_number (fr->case_, fact_id (fr));
          g_autofree char *text = format_number (fr, value);

          gtk_spin_button_set_value (GTK_SPIN_BUTTON (fr->input), value);
          gtk_editable_set_text (GTK_EDITABLE (fr->input), text);
        }
      else
        {
          GtkAdjustment *adj = gtk_spin_button_get_adjustment (GTK_SPIN_BUTTON (fr->input));

          gtk_spin_button_set_value (GTK_SPIN_BUTTON (fr->input), gtk_adjustment_get_lower (adj));
          gtk_editable_set_text (GTK_EDITABLE (fr->input), "");
        }
      set_error (fr->input, NULL);
      break;

    case SP_FACT_DATE:
      {
        g_autofree char *date = recorded ? sp_case_dup_date (fr->case_, fact_id (fr)) : NULL;

        if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (fr->input)), date ? date : "") != 0)
          gtk_editable_set_text (GTK_EDITABLE (fr->input), date ? date : "");
        set_error (fr->input, NULL);
      }
      break;

    case SP_FACT_STRING:
      if (recorded)
        {
          const char *text = sp_case_get_string (fr->case_, fact_id (fr));

          if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (fr->input)), text) != 0)
            gtk_editable_set_text (GTK_EDITABLE (fr->input), text);
        }
      break;

    default:
      g_assert_not_reached ();
    }

  if (fr->clear_button)
    gtk_widget_set_sensitive (fr->clear_button, recorded);

  /* A recorded choice reads as the clinician's answer, not in the dimmed
   * type of the "Not recorded" it replaced (style.css). */
  if (recorded)
    gtk_widget_add_css_class (fr->row, "sp-recorded");
  else
    gtk_widget_remove_css_class (fr->row, "sp-recorded");

  /* A Yes on a red flag changes everything the window says: it must not
   * look like any other answer. */
  if (sp_fact_get_fact_type (fr->fact) == SP_FACT_BOOLEAN &&
      recorded && sp_case_get_boolean (fr->case_, fact_id (fr)) &&
      sp_policy_is_red_flag (sp_case_get_policy (fr->case_), fr->fact))
    gtk_widget_add_css_class (fr->row, "sp-red-flag-positive");
  else
    gtk_widget_remove_css_class (fr->row, "sp-red-flag-positive");

  fr->syncing = FALSE;
}

static void
on_fact_changed (GtkWidget  *row,
                 const char *changed_fact_id,
                 SpCase     *case_)
{
  sync_from_case (get_fact_row (row));
}

/* The widgets to the case */

static void
on_clear_clicked (GtkWidget *row)
{
  FactRow *fr = get_fact_row (row);

  sp_case_clear_fact (fr->case_, fact_id (fr));
  /* The widget may show text the case never held (a rejected date). */
  sync_from_case (fr);
}

static void
on_tri_state_changed (GtkWidget *row)
{
  FactRow *fr = get_fact_row (row);

  if (fr->syncing)
    return;

  switch (sp_tri_state_get_value (SP_TRI_STATE (fr->input)))
    {
    case SP_TRI_STATE_UNKNOWN:
      sp_case_clear_fact (fr->case_, fact_id (fr));
      break;
    case SP_TRI_STATE_YES:
      sp_case_set_boolean (fr->case_, fact_id (fr), TRUE);
      break;
    case SP_TRI_STATE_NO:
      sp_case_set_boolean (fr->case_, fact_id (fr), FALSE);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
on_combo_selected (GtkWidget *row)
{
  FactRow *fr = get_fact_row (row);
  guint selected;

  if (fr->syncing)
    return;

  selected = adw_combo_row_get_selected (ADW_COMBO_ROW (fr->input));
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    sp_case_clear_fact (fr->case_, fact_id (fr));
  else
    sp_case_set_choice (fr->case_, fact_id (fr), sp_fact_get_choice_id (fr->fact, selected - 1));
}

static void
on_check_toggled (GtkWidget      *row,
                  GtkCheckButton *check)
{
  FactRow *fr = get_fact_row (row);
  g_autoptr(GPtrArray) chosen = NULL;
  gboolean any = FALSE;

  if (fr->syncing)
    return;

  /* "None" and the choices exclude each other; nothing ticked at all means
   * "not recorded", which the summary says in words. */
  fr->syncing = TRUE;
  if (GTK_WIDGET (check) == fr->none_check && gtk_check_button_get_active (check))
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, fr->checks);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        gtk_check_button_set_active (value, FALSE);
    }
  else if (GTK_WIDGET (check) != fr->none_check && gtk_check_button_get_active (check))
    gtk_check_button_set_active (GTK_CHECK_BUTTON (fr->none_check), FALSE);
  fr->syncing = FALSE;

  chosen = g_ptr_array_new ();
  for (guint i = 0; i < sp_fact_get_n_choices (fr->fact); i++)
    {
      const char *id = sp_fact_get_choice_id (fr->fact, i);

      if (gtk_check_button_get_active (g_hash_table_lookup (fr->checks, id)))
        {
          g_ptr_array_add (chosen, (gpointer) id);
          any = TRUE;
        }
    }
  g_ptr_array_add (chosen, NULL);

  if (any || gtk_check_button_get_active (GTK_CHECK_BUTTON (fr->none_check)))
    sp_case_set_choice_list (fr->case_, fact_id (fr), (const char * const *) chosen->pdata);
  else
    sp_case_clear_fact (fr->case_, fact_id (fr));
}

static void
commit_number_text (FactRow *fr)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (fr->input))));
  g_autoptr(GError) error = NULL;
  char *end = NULL;
  double value;

  if (fr->syncing)
    return;

  if (text[0] == '\0')
    {
      sp_case_clear_fact (fr->case_, fact_id (fr));
      return;
    }

  value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0')
    {
      set_error (fr->input, _("Enter a number"));
      return;
    }
  if (!sp_case_set_number (fr->case_, fact_id (fr), value, &error))
    {
      set_error (fr->input, error->message);
      return;
    }
  sync_from_case (fr);
}

static void
on_spin_value_changed (GtkWidget *row)
{
  FactRow *fr = get_fact_row (row);
  g_autoptr(GError) error = NULL;

  if (fr->syncing)
    return;

  /* The arrows, or the spin button's own update on Enter or focus-out: a
   * half-typed number never reaches the case. */
  if (sp_case_set_number (fr->case_, fact_id (fr),
                          gtk_spin_button_get_value (GTK_SPIN_BUTTON (fr->input)), &error))
    sync_from_case (fr);
  else
    set_error (fr->input, error->message);
}

static int
on_spin_input (GtkSpinButton *spin,
               double        *new_value,
               GtkWidget     *row)
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
on_spin_output (GtkSpinButton *spin,
                GtkWidget     *row)
{
  FactRow *fr = get_fact_row (row);
  g_autofree char *text = NULL;

  /* Not recorded shows as an empty field, and stays empty until the user
   * types or steps; a typed value is redisplayed as the spin button would. */
  if (!sp_case_is_recorded (fr->case_, fact_id (fr)) &&
      gtk_editable_get_text (GTK_EDITABLE (spin))[0] == '\0')
    return TRUE;
  text = format_number (fr, gtk_spin_button_get_value (spin));
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static void
on_text_activate (GtkWidget *row)
{
  FactRow *fr = get_fact_row (row);

  switch (sp_fact_get_fact_type (fr->fact))
    {
    case SP_FACT_INTEGER:
    case SP_FACT_NUMBER:
      commit_number_text (fr);
      break;
    case SP_FACT_DATE:
      {
        const char *text = gtk_editable_get_text (GTK_EDITABLE (fr->input));
        g_autoptr(GError) error = NULL;
        g_autofree char *stripped = g_strstrip (g_strdup (text));
        guint32 julian;

        /* Typed day first, as UK clinicians write dates; stored as ISO. */
        if (sp_date_parse_typed (stripped, &julian))
          {
            g_free (stripped);
            stripped = sp_date_format (julian);
          }

        if (stripped[0] == '\0')
          sp_case_clear_fact (fr->case_, fact_id (fr));
        else if (!sp_case_set_date (fr->case_, fact_id (fr), stripped, &error))
          set_error (fr->input, error->message);
        else
          sync_from_case (fr);
      }
      break;
    case SP_FACT_BOOLEAN:
    case SP_FACT_CHOICE:
    case SP_FACT_CHOICE_LIST:
    case SP_FACT_STRING:
    case SP_FACT_DECISION_LIST:
    default:
      break;
    }
}

static void
on_focus_leave (GtkEventControllerFocus *controller,
                GtkWidget               *row)
{
  FactRow *fr = get_fact_row (row);

  if (sp_fact_get_fact_type (fr->fact) == SP_FACT_INTEGER ||
      sp_fact_get_fact_type (fr->fact) == SP_FACT_NUMBER)
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (fr->input));

      /* Typed but not activated: commit now, as a spin button's own update
       * would (it fires value-changed only when the value moves). */
      if (text[0] != '\0' || sp_case_is_recorded (fr->case_, fact_id (fr)))
        commit_number_text (fr);
      return;
    }
  on_text_activate (row);
}

static void
on_entry_changed (GtkWidget *row)
{
  FactRow *fr = get_fact_row (row);
  const char *text;
  const char *pattern;

  if (fr->syncing)
    return;

  text = gtk_editable_get_text (GTK_EDITABLE (fr->input));

  if (sp_fact_get_fact_type (fr->fact) == SP_FACT_DATE)
    {
      /* Dates commit on Enter or focus-out; while typing only clear the mark. */
      set_error (fr->input, NULL);
      return;
    }

  /* Free text is checked as typed: a valid answer is recorded, an invalid
   * one is marked and the fact returns to "not recorded" rather than keep a
   * value the field no longer shows. */
  pattern = sp_fact_get_pattern (fr->fact);
  if (text[0] == '\0')
    {
      set_error (fr->input, NULL);
      sp_case_clear_fact (fr->case_, fact_id (fr));
    }
  else if (pattern && !g_regex_match_simple (pattern, text, 0, 0))
    {
      set_error (fr->input, sp_policy_gettext (sp_fact_get_help (fr->fact)));
      sp_case_clear_fact (fr->case_, fact_id (fr));
    }
  else
    {
      g_autoptr(GError) error = NULL;

      fr->syncing = TRUE;
      if (!sp_case_set_string (fr->case_, fact_id (fr), text, &error))
        set_error (fr->input, error->message);
      else
        set_error (fr->input, NULL);
      fr->syncing = FALSE;
    }
  gtk_widget_set_sensitive (fr->clear_button, sp_case_is_recorded (fr->case_, fact_id (fr)) || text[0]);
}

static void
on_string_clear (GtkWidget *row)
{
  FactRow *fr = get_fact_row (row);

  gtk_editable_set_text (GTK_EDITABLE (fr->input), "");
  sp_case_clear_fact (fr->case_, fact_id (fr));
}

static void
on_day_selected (GtkWidget *row)
{
  FactRow *fr = get_fact_row (row);
  g_autoptr(GDateTime) date = gtk_calendar_get_date (GTK_CALENDAR (fr->calendar));
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");
  g_autoptr(GError) error = NULL;
  GtkWidget *popover;

  if (fr->syncing)
    return;

  if (!sp_case_set_date (fr->case_, fact_id (fr), text, &error))
    set_error (fr->input, error->message);
  else
    sync_from_case (fr);
  if ((popover = gtk_widget_get_ancestor (fr->calendar, GTK_TYPE_POPOVER)))
    gtk_popover_popdown (GTK_POPOVER (popover));
}

static void
on_calendar_show (GtkWidget *row)
{
  FactRow *fr = get_fact_row (row);
  g_autofree char *date = sp_case_dup_date (fr->case_, fact_id (fr));
  g_autoptr(GDateTime) when = NULL;
  int y, m, d;

  if (date && sscanf (date, "%d-%d-%d", &y, &m, &d) == 3)
    when = g_date_time_new_local (y, m, d, 0, 0, 0);
  else
    when = g_date_time_new_now_local ();

  fr->syncing = TRUE;
  gtk_calendar_select_day (GTK_CALENDAR (fr->calendar), when);
  fr->syncing = FALSE;
}

/* Building */

static GtkWidget *
make_clear_button (GtkWidget  *row,
                   const char *label,
                   GCallback   callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("edit-clear-symbolic");
  g_autofree char *tooltip = g_strdup_printf (_("Clear “%s” (not recorded)"), label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  sp_widget_set_new_tooltip (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  g_signal_connect_object (button, "clicked", callback, row, G_CONNECT_SWAPPED);
  return button;
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

static void
add_suffix (FactRow   *fr,
            GtkWidget *widget)
{
  if (ADW_IS_ACTION_ROW (fr->row))
    adw_action_row_add_suffix (ADW_ACTION_ROW (fr->row), widget);
  else if (ADW_IS_EXPANDER_ROW (fr->row))
    adw_expander_row_add_action (ADW_EXPANDER_ROW (fr->row), widget);
}

static void
apply_help (FactRow  *fr,
            gboolean  compact)
{
  /* A combo row shows its value as the subtitle; the help is a button. */
  if (ADW_IS_COMBO_ROW (fr->row))
    {
      if (fr->info_button)
        gtk_widget_set_visible (fr->info_button, TRUE);
      return;
    }
  g_object_set (fr->row, "subtitle", compact || !fr->subtitle ? "" : fr->subtitle, NULL);
  if (fr->info_button)
    gtk_widget_set_visible (fr->info_button, compact || fr->truncated);
}

/* The help's popover is made when first opened: a form has some forty of
 * these, and few are ever opened. */
static void
create_help_popover (GtkMenuButton *button,
                     gpointer       data)
{
  FactRow *fr = data;
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *label = gtk_label_new (sp_policy_gettext (sp_fact_get_help (fr->fact)));

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
add_help (FactRow *fr)
{
  const char *help = sp_policy_gettext (sp_fact_get_help (fr->fact));
  g_autofree char *a11y = NULL;

  fr->subtitle = short_help (help, &fr->truncated);
  if (help == NULL || help[0] == '\0')
    return;

  /* Every row with help has the button; it shows when the subtitle cannot
   * hold the whole help (too long, a narrow window, a combo row). */
  fr->info_button = gtk_menu_button_new ();
  a11y = g_strdup_printf (_("More about “%s”"), sp_policy_gettext (sp_fact_get_label (fr->fact)));
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (fr->info_button), create_help_popover, fr, NULL);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (fr->info_button), "help-about-symbolic");
  gtk_widget_set_valign (fr->info_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (fr->info_button, "flat");
  sp_widget_set_new_tooltip (fr->info_button, a11y);
  gtk_accessible_update_property (GTK_ACCESSIBLE (fr->info_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, a11y,
                                  -1);
  add_suffix (fr, fr->info_button);
  apply_help (fr, FALSE);
}

static void
build_boolean (FactRow *fr)
{
  fr->row = adw_action_row_new ();
  fr->input = sp_tri_state_new ();
  add_help (fr);
  adw_action_row_add_suffix (ADW_ACTION_ROW (fr->row), fr->input);
  g_signal_connect_object (fr->input, "notify::value",
                           G_CALLBACK (on_tri_state_changed), fr->row, G_CONNECT_SWAPPED);
}

static void
build_choice (FactRow *fr)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  gtk_string_list_append (model, _("Not recorded"));
  for (guint i = 0; i < sp_fact_get_n_choices (fr->fact); i++)
    gtk_string_list_append (model, sp_policy_gettext (sp_fact_get_choice_label (fr->fact, i)));

  fr->row = adw_combo_row_new ();
  fr->input = fr->row;
  adw_combo_row_set_model (ADW_COMBO_ROW (fr->row), G_LIST_MODEL (model));
  /* The answer as the subtitle: it stays readable however long the policy's
   * choice labels are, where a suffix would be cut to "…". */
  adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (fr->row), TRUE);
  sp_combo_row_choose_activated_item (ADW_COMBO_ROW (fr->row));
  sp_combo_row_show_choices_in_full (ADW_COMBO_ROW (fr->row));
  add_help (fr);
  g_signal_connect_object (fr->row, "notify::selected",
                           G_CALLBACK (on_combo_selected), fr->row, G_CONNECT_SWAPPED);
}

static GtkWidget *
add_check_row (FactRow    *fr,
               const char *label)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (fr->row), row);
  g_signal_connect_object (check, "toggled",
                           G_CALLBACK (on_check_toggled), fr->row, G_CONNECT_SWAPPED);
  return check;
}

static void
build_list (FactRow *fr)
{
  fr->row = adw_expander_row_new ();
  fr->input = fr->row;
  fr->checks = g_hash_table_new (g_str_hash, g_str_equal);
  add_help (fr);

  /* Translators: the answer "none of these", which is an answer; an unticked
   * list is "not recorded". */
  fr->none_check = add_check_row (fr, _("None"));
  for (guint i = 0; i < sp_fact_get_n_choices (fr->fact); i++)
    g_hash_table_insert (fr->checks, (gpointer) sp_fact_get_choice_id (fr->fact, i),
                         add_check_row (fr, sp_policy_gettext (sp_fact_get_choice_label (fr->fact, i))));

  /* Actions are prepended: this reads "answer, clear, help, arrow". */
  fr->clear_button = make_clear_button (fr->row, sp_policy_gettext (sp_fact_get_label (fr->fact)), G_CALLBACK (on_clear_clicked));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (fr->row), fr->clear_button);
  fr->summary = gtk_label_new (NULL);
  gtk_widget_add_css_class (fr->summary, "dim-label");
  gtk_widget_add_css_class (fr->summary, "sp-answer-summary");
  gtk_label_set_ellipsize (GTK_LABEL (fr->summary), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (fr->summary), 24);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (fr->row), fr->summary);
}

static void
build_number (FactRow *fr)
{
  double lower = 0, upper = 1e6;
  GtkAdjustment *adj;
  GtkEventController *focus;
  GtkEditable *delegate;

  if (sp_fact_has_range (fr->fact))
    {
      lower = sp_fact_get_minimum (fr->fact);
      upper = sp_fact_get_maximum (fr->fact);
    }

  fr->row = adw_action_row_new ();
  add_help (fr);

  adj = gtk_adjustment_new (lower, lower, upper, 1, 10, 0);
  fr->input = gtk_spin_button_new (adj, 1, is_integer (fr) ? 0 : 1);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (fr->input), FALSE);
  gtk_spin_button_set_update_policy (GTK_SPIN_BUTTON (fr->input), GTK_UPDATE_IF_VALID);
  gtk_widget_set_valign (fr->input, GTK_ALIGN_CENTER);
  gtk_editable_set_width_chars (GTK_EDITABLE (fr->input), 5);
  gtk_editable_set_text (GTK_EDITABLE (fr->input), "");
  adw_action_row_add_suffix (ADW_ACTION_ROW (fr->row), fr->input);

  if (sp_fact_get_unit (fr->fact))
    {
      GtkWidget *unit = gtk_label_new (sp_policy_gettext (sp_fact_get_unit (fr->fact)));

      gtk_widget_add_css_class (unit, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (fr->row), unit);
    }

  fr->clear_button = make_clear_button (fr->row, sp_policy_gettext (sp_fact_get_label (fr->fact)), G_CALLBACK (on_clear_clicked));
  adw_action_row_add_suffix (ADW_ACTION_ROW (fr->row), fr->clear_button);

  g_signal_connect_object (fr->input, "input", G_CALLBACK (on_spin_input), fr->row, 0);
  g_signal_connect_object (fr->input, "output", G_CALLBACK (on_spin_output), fr->row, 0);
  g_signal_connect_object (fr->input, "value-changed",
                           G_CALLBACK (on_spin_value_changed), fr->row, G_CONNECT_SWAPPED);
  /* The spin button updates itself on the text's activate first; this runs
   * after it, for a typed value equal to the one it already held. */
  delegate = gtk_editable_get_delegate (GTK_EDITABLE (fr->input));
  if (GTK_IS_TEXT (delegate))
    g_signal_connect_object (delegate, "activate",
                             G_CALLBACK (on_text_activate), fr->row, G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_focus_leave), fr->row, 0);
  gtk_widget_add_controller (fr->input, focus);
}

static void
build_date (FactRow *fr)
{
  GtkWidget *menu, *popover;
  GtkEventController *focus;

  fr->row = adw_action_row_new ();
  add_help (fr);

  fr->input = gtk_entry_new ();
  gtk_widget_set_valign (fr->input, GTK_ALIGN_CENTER);
  gtk_editable_set_width_chars (GTK_EDITABLE (fr->input), 11);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (fr->input), 11);
  gtk_entry_set_max_length (GTK_ENTRY (fr->input), 10);
  if (sp_fact_defaults_to_today (fr->fact))
    {
      g_autofree char *today = sp_date_format (sp_date_today ());
      /* Translators: placeholder of a date that is today unless changed */
      g_autofree char *placeholder = g_strdup_printf (_("Today, %s"), today);

      gtk_entry_set_placeholder_text (GTK_ENTRY (fr->input), placeholder);
      gtk_editable_set_width_chars (GTK_EDITABLE (fr->input), 17);
      gtk_editable_set_max_width_chars (GTK_EDITABLE (fr->input), 17);
    }
  else
    /* Translators: the format of a typed date; keep the letters in English
     * or translate them, the digits must be year-month-day */
    gtk_entry_set_placeholder_text (GTK_ENTRY (fr->input), _("DD/MM/YYYY"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (fr->row), fr->input);

  fr->calendar = gtk_calendar_new ();
  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), fr->calendar);
  menu = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu), "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (menu), popover);
  gtk_widget_set_valign (menu, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (menu, "flat");
  sp_widget_set_new_tooltip (menu, _("Pick a date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pick a date"),
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (fr->row), menu);
  g_signal_connect_object (popover, "show", G_CALLBACK (on_calendar_show), fr->row, G_CONNECT_SWAPPED);
  g_signal_connect_object (fr->calendar, "day-selected", G_CALLBACK (on_day_selected), fr->row, G_CONNECT_SWAPPED);

  fr->clear_button = make_clear_button (fr->row, sp_policy_gettext (sp_fact_get_label (fr->fact)), G_CALLBACK (on_clear_clicked));
  adw_action_row_add_suffix (ADW_ACTION_ROW (fr->row), fr->clear_button);

  g_signal_connect_object (fr->input, "activate", G_CALLBACK (on_text_activate), fr->row, G_CONNECT_SWAPPED);
  g_signal_connect_object (fr->input, "changed", G_CALLBACK (on_entry_changed), fr->row, G_CONNECT_SWAPPED);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_focus_leave), fr->row, 0);
  gtk_widget_add_controller (fr->input, focus);
}

static void
build_string (FactRow *fr)
{
  fr->row = adw_action_row_new ();
  add_help (fr);

  fr->input = gtk_entry_new ();
  gtk_widget_set_valign (fr->input, GTK_ALIGN_CENTER);
  gtk_editable_set_width_chars (GTK_EDITABLE (fr->input), 10);
  adw_action_row_add_suffix (ADW_ACTION_ROW (fr->row), fr->input);

  fr->clear_button = make_clear_button (fr->row, sp_policy_gettext (sp_fact_get_label (fr->fact)), G_CALLBACK (on_string_clear));
  adw_action_row_add_suffix (ADW_ACTION_ROW (fr->row), fr->clear_button);

  g_signal_connect_object (fr->input, "changed", G_CALLBACK (on_entry_changed), fr->row, G_CONNECT_SWAPPED);
}

/**
 * sp_fact_row_new:
 * @case_: the case the row records into
 * @fact: the fact it asks
 *
 * Builds the row for @fact: yes/no as three linked toggles, a choice as a
 * combo row, a list as an expander of check buttons, a number as a spin
 * button, a date as an entry with a calendar, text as a checked entry.
 *
 * Returns: (transfer floating): an #AdwPreferencesRow
 */
GtkWidget *
sp_fact_row_new (SpCase *case_,
                 SpFact *fact)
{
  FactRow *fr;
  g_autofree char *detailed = NULL;

  g_return_val_if_fail (SP_IS_CASE (case_), NULL);
  g_return_val_if_fail (SP_IS_FACT (fact), NULL);

  fr = g_new0 (FactRow, 1);
  fr->case_ = g_object_ref (case_);
  fr->fact = g_object_ref (fact);

  switch (sp_fact_get_fact_type (fact))
    {
    case SP_FACT_BOOLEAN:
      build_boolean (fr);
      break;
    case SP_FACT_CHOICE:
      build_choice (fr);
      break;
    case SP_FACT_CHOICE_LIST:
    case SP_FACT_DECISION_LIST:
      build_list (fr);
      break;
    case SP_FACT_INTEGER:
    case SP_FACT_NUMBER:
      build_number (fr);
      break;
    case SP_FACT_DATE:
      build_date (fr);
      break;
    case SP_FACT_STRING:
      build_string (fr);
      break;
    default:
      g_assert_not_reached ();
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (fr->row), sp_policy_gettext (sp_fact_get_label (fact)));
  gtk_widget_set_name (fr->input, sp_fact_get_id (fact));
  gtk_accessible_update_property (GTK_ACCESSIBLE (fr->input),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, sp_policy_gettext (sp_fact_get_label (fact)),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, sp_fact_get_help (fact) ? sp_policy_gettext (sp_fact_get_help (fact)) : "",
                                  -1);
  g_object_set_data_full (G_OBJECT (fr->row), FACT_ROW_KEY, fr, fact_row_free);

  detailed = g_strdup_printf ("fact-changed::%s", sp_fact_get_id (fact));
  g_signal_connect_object (case_, detailed, G_CALLBACK (on_fact_changed), fr->row, G_CONNECT_SWAPPED);
  sync_from_case (fr);

  return fr->row;
}

/**
 * sp_fact_row_get_fact:
 *
 * Returns: (transfer none): the fact @row asks
 */
SpFact *
sp_fact_row_get_fact (GtkWidget *row)
{
  FactRow *fr = get_fact_row (row);

  g_return_val_if_fail (fr != NULL, NULL);
  return fr->fact;
}

/**
 * sp_fact_row_get_input:
 *
 * Returns: (transfer none): the one widget that records the fact; its
 *   widget name is the fact's id
 */
GtkWidget *
sp_fact_row_get_input (GtkWidget *row)
{
  FactRow *fr = get_fact_row (row);

  g_return_val_if_fail (fr != NULL, NULL);
  return fr->input;
}

/**
 * sp_fact_row_get_choice_button:
 * @choice_id: (nullable): a choice of a list fact, or %NULL for "None"
 *
 * Returns: (transfer none) (nullable): the check button of @choice_id
 */
GtkWidget *
sp_fact_row_get_choice_button (GtkWidget  *row,
                               const char *choice_id)
{
  FactRow *fr = get_fact_row (row);

  g_return_val_if_fail (fr != NULL, NULL);
  if (fr->checks == NULL)
    return NULL;
  if (choice_id == NULL)
    return fr->none_check;
  return g_hash_table_lookup (fr->checks, choice_id);
}

/**
 * sp_fact_row_get_clear_button:
 *
 * Returns: (transfer none) (nullable): the button that returns the fact to
 *   "not recorded", for the kinds of row that have one
 */
GtkWidget *
sp_fact_row_get_clear_button (GtkWidget *row)
{
  FactRow *fr = get_fact_row (row);

  g_return_val_if_fail (fr != NULL, NULL);
  return fr->clear_button;
}

/**
 * sp_fact_row_set_compact:
 * @compact: whether the window is narrow
 *
 * In a narrow window the help moves from the subtitle to the row's help
 * button, so the question and its answer keep the width.
 */
void
sp_fact_row_set_compact (GtkWidget *row,
                         gboolean   compact)
{
  FactRow *fr = get_fact_row (row);

  g_return_if_fail (fr != NULL);
  fr->compact = compact;
  if (!fr->is_implied)
    apply_help (fr, compact);
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
sp_fact_row_focus_input (GtkWidget *row)
{
  FactRow *fr = get_fact_row (row);

  g_return_val_if_fail (fr != NULL, FALSE);

  if (ADW_IS_EXPANDER_ROW (fr->input))
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (fr->input), TRUE);
  if (gtk_widget_grab_focus (fr->input))
    return TRUE;
  /* An expander row is not focusable itself: its header is. */
  return gtk_widget_child_focus (fr->input, GTK_DIR_TAB_FORWARD);
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
sp_fact_row_set_implied (GtkWidget  *row,
                         const char *answer,
                         const char *because)
{
  FactRow *fr = get_fact_row (row);
  g_autofree char *text = NULL;

  g_return_if_fail (fr != NULL);

  if (answer == NULL)
    {
      if (!fr->is_implied)
        return;
      fr->is_implied = FALSE;
      if (fr->implied != NULL)
        gtk_widget_set_visible (fr->implied, FALSE);
      gtk_widget_set_sensitive (fr->input, TRUE);
      apply_help (fr, fr->compact);
      return;
    }

  fr->is_implied = TRUE;
  /* TRANSLATORS: an answer nobody recorded that other answers settle */
  text = g_strdup_printf (_("%s, implied by %s"), answer, because);
  if (g_ascii_islower (text[0]))
    text[0] = g_ascii_toupper (text[0]);
  if (ADW_IS_COMBO_ROW (fr->row))
    {
      /* A drop-down row's subtitle is its own answer, "Not recorded". */
      if (fr->implied == NULL)
        {
          fr->implied = gtk_label_new (NULL);
          gtk_label_set_wrap (GTK_LABEL (fr->implied), TRUE);
          gtk_label_set_xalign (GTK_LABEL (fr->implied), 1.0);
          gtk_widget_add_css_class (fr->implied, "sp-implied");
          add_suffix (fr, fr->implied);
        }
      gtk_label_set_text (GTK_LABEL (fr->implied), text);
      gtk_widget_set_visible (fr->implied, TRUE);
    }
  else
    {
      g_autofree char *escaped = g_markup_escape_text (text, -1);
      g_autofree char *markup = g_strdup_printf ("<i>%s</i>", escaped);

      /* The answer where the help was; the help stays one click away. */
      g_object_set (fr->row, "subtitle", markup, NULL);
      if (fr->info_button)
        gtk_widget_set_visible (fr->info_button, TRUE);
    }
  if (fr->input != fr->row)
    gtk_widget_set_sensitive (fr->input, FALSE);
}
