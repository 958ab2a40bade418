/* sp-date-row.c
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sp-date-row.h"
#include "sp-fact-row-private.h"
#include "sp-widget-util.h"

/**
 * SpDateRow:
 *
 * A date: typed day first as UK clinicians write it (15/03/1981,
 * 15.03.1981) or as 1981-03-15, or picked from a calendar; stored as ISO.
 * Typing commits on Enter or when the focus leaves, never half way.
 */
struct _SpDateRow
{
  AdwActionRow    parent_instance;

  SpFactRowState  state;
  GtkWidget      *calendar_button;
  GtkCalendar    *calendar;
  GtkPopover     *calendar_popover;
};

static void sp_date_row_fact_row_init (SpFactRowInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SpDateRow, sp_date_row, ADW_TYPE_ACTION_ROW,
                               G_IMPLEMENT_INTERFACE (SP_TYPE_FACT_ROW, sp_date_row_fact_row_init))

static SpFactRowState *
sp_date_row_get_state (SpFactRow *row)
{
  return &SP_DATE_ROW (row)->state;
}

static void
sp_date_row_sync (SpFactRow *row)
{
  SpDateRow *self = SP_DATE_ROW (row);
  const char *id = sp_fact_get_id (self->state.fact);
  g_autofree char *date = sp_case_is_recorded (self->state.case_, id) ? sp_case_dup_date (self->state.case_, id) : NULL;

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->state.input)), date ? date : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->state.input), date ? date : "");
  sp_fact_row_set_error (self->state.input, NULL);
}

static void
sp_date_row_fact_row_init (SpFactRowInterface *iface)
{
  iface->get_state = sp_date_row_get_state;
  iface->sync = sp_date_row_sync;
}

static void
commit_text (SpDateRow *self)
{
  const char *id = sp_fact_get_id (self->state.fact);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->state.input))));
  g_autoptr(GError) error = NULL;
  guint32 julian;

  if (self->state.syncing)
    return;

  /* Typed day first, as UK clinicians write dates; stored as ISO. */
  if (sp_date_parse_typed (text, &julian))
    {
      g_free (text);
      text = sp_date_format (julian);
    }

  if (text[0] == '\0')
    sp_case_clear_fact (self->state.case_, id);
  else if (!sp_case_set_date (self->state.case_, id, text, &error))
    sp_fact_row_set_error (self->state.input, error->message);
  else
    sp_fact_row_sync (SP_FACT_ROW (self));
}

static void
on_text_changed (SpDateRow *self)
{
  /* Dates commit on Enter or focus-out; while typing only clear the mark. */
  if (!self->state.syncing)
    sp_fact_row_set_error (self->state.input, NULL);
}

static void
on_day_selected (SpDateRow *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");
  g_autoptr(GError) error = NULL;

  if (self->state.syncing)
    return;

  if (!sp_case_set_date (self->state.case_, sp_fact_get_id (self->state.fact), text, &error))
    sp_fact_row_set_error (self->state.input, error->message);
  else
    sp_fact_row_sync (SP_FACT_ROW (self));
  gtk_popover_popdown (self->calendar_popover);
}

static void
on_calendar_show (SpDateRow *self)
{
  g_autofree char *date = sp_case_dup_date (self->state.case_, sp_fact_get_id (self->state.fact));
  g_autoptr(GDateTime) when = NULL;
  int y, m, d;

  if (date && sscanf (date, "%d-%d-%d", &y, &m, &d) == 3)
    when = g_date_time_new_local (y, m, d, 0, 0, 0);
  else
    when = g_date_time_new_now_local ();

  self->state.syncing = TRUE;
  gtk_calendar_select_day (self->calendar, when);
  self->state.syncing = FALSE;
}

static void
sp_date_row_constructed (GObject *object)
{
  SpDateRow *self = SP_DATE_ROW (object);

  G_OBJECT_CLASS (sp_date_row_parent_class)->constructed (object);

  sp_widget_set_new_tooltip (self->calendar_button, _("Pick a date"));
  sp_fact_row_setup (SP_FACT_ROW (self));

  /* A date that is today unless changed says so, in the width of a typed
   * date: "Today, 2026-12-04" made the row too wide for a 360 px window. */
  if (sp_fact_defaults_to_today (self->state.fact))
    {
      g_autofree char *today = sp_date_format (sp_date_today ());
      /* Translators: tooltip of a date left empty; %s is today's date */
      g_autofree char *tooltip = g_strdup_printf (_("Today (%s) unless a date is typed"), today);
      const char *help = sp_fact_get_help (self->state.fact);
      g_autofree char *description = help && help[0]
        ? g_strconcat (sp_policy_gettext (help), " ", tooltip, NULL)
        : g_strdup (tooltip);

      /* Translators: placeholder of a date that is today unless changed */
      gtk_entry_set_placeholder_text (GTK_ENTRY (self->state.input), C_("date placeholder", "Today"));
      sp_widget_set_new_tooltip (self->state.input, tooltip);
      /* A tooltip is not read out: the date itself, for a screen reader,
       * after the help the row gives every input. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->state.input),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                      -1);
    }
}

static void
sp_date_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SP_TYPE_DATE_ROW);
  G_OBJECT_CLASS (sp_date_row_parent_class)->dispose (object);
}

static void
sp_date_row_finalize (GObject *object)
{
  sp_fact_row_state_clear (&SP_DATE_ROW (object)->state);
  G_OBJECT_CLASS (sp_date_row_parent_class)->finalize (object);
}

static void
sp_date_row_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  if (!sp_fact_row_state_get_property (&SP_DATE_ROW (object)->state, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
sp_date_row_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  sp_fact_row_state_set_property (&SP_DATE_ROW (object)->state, prop_id, value);
}

static void
sp_date_row_class_init (SpDateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sp_date_row_constructed;
  object_class->dispose = sp_date_row_dispose;
  object_class->finalize = sp_date_row_finalize;
  object_class->get_property = sp_date_row_get_property;
  object_class->set_property = sp_date_row_set_property;
  sp_fact_row_install_properties (object_class);

  sp_fact_row_bind_template (widget_class, "/io/github/spinalpathways/SpinalPathways/ui/sp-date-row.ui",
                             G_STRUCT_OFFSET (SpDateRow, state));
  gtk_widget_class_bind_template_child_full (widget_class, "input", FALSE,
                                             G_STRUCT_OFFSET (SpDateRow, state.input));
  gtk_widget_class_bind_template_child_full (widget_class, "clear_button", FALSE,
                                             G_STRUCT_OFFSET (SpDateRow, state.clear_button));
  gtk_widget_class_bind_template_child (widget_class, SpDateRow, calendar_button);
  gtk_widget_class_bind_template_child (widget_class, SpDateRow, calendar);
  gtk_widget_class_bind_template_child (widget_class, SpDateRow, calendar_popover);
  gtk_widget_class_bind_template_callback (widget_class, commit_text);
  gtk_widget_class_bind_template_callback (widget_class, on_text_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_show);
}

static void
sp_date_row_init (SpDateRow *self)
{
  self->state.syncing = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  sp_fact_row_init_focus_answers (GTK_WIDGET (self));
}
