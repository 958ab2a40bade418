/* sp-text-row.c
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sp-fact-row-private.h"
#include "sp-text-row.h"
#include "sp-widget-util.h"

/**
 * SpTextRow:
 *
 * Free text, checked as typed against the fact's pattern: a valid answer
 * is recorded at once; an invalid one is marked, and the fact goes back to
 * "not recorded" rather than keep a value the field no longer shows. The
 * text typed stays, so it can be mended.
 */
struct _SpTextRow
{
  AdwActionRow    parent_instance;

  SpFactRowState  state;
};

static void sp_text_row_fact_row_init (SpFactRowInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SpTextRow, sp_text_row, ADW_TYPE_ACTION_ROW,
                               G_IMPLEMENT_INTERFACE (SP_TYPE_FACT_ROW, sp_text_row_fact_row_init))

static SpFactRowState *
sp_text_row_get_state (SpFactRow *row)
{
  return &SP_TEXT_ROW (row)->state;
}

static void
sp_text_row_sync (SpFactRow *row)
{
  SpTextRow *self = SP_TEXT_ROW (row);
  const char *id = sp_fact_get_id (self->state.fact);

  /* Not recorded leaves the text alone: it may be an answer being mended. */
  if (sp_case_is_recorded (self->state.case_, id))
    {
      const char *text = sp_case_get_string (self->state.case_, id);

      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->state.input)), text) != 0)
        gtk_editable_set_text (GTK_EDITABLE (self->state.input), text);
    }
}

static void
sp_text_row_fact_row_init (SpFactRowInterface *iface)
{
  iface->get_state = sp_text_row_get_state;
  iface->sync = sp_text_row_sync;
}

static void
on_text_changed (SpTextRow *self)
{
  const char *id = sp_fact_get_id (self->state.fact);
  const char *pattern = sp_fact_get_pattern (self->state.fact);
  const char *text;

  if (self->state.syncing)
    return;

  text = gtk_editable_get_text (GTK_EDITABLE (self->state.input));
  if (text[0] == '\0')
    {
      sp_fact_row_set_error (self->state.input, NULL);
      sp_case_clear_fact (self->state.case_, id);
    }
  else if (pattern && !g_regex_match_simple (pattern, text, 0, 0))
    {
      sp_fact_row_set_error (self->state.input, sp_policy_gettext (sp_fact_get_help (self->state.fact)));
      sp_case_clear_fact (self->state.case_, id);
    }
  else
    {
      g_autoptr(GError) error = NULL;

      self->state.syncing = TRUE;
      if (!sp_case_set_string (self->state.case_, id, text, &error))
        sp_fact_row_set_error (self->state.input, error->message);
      else
        sp_fact_row_set_error (self->state.input, NULL);
      self->state.syncing = FALSE;
    }
  /* Text the case does not hold can still be cleared. */
  gtk_widget_set_sensitive (self->state.clear_button, sp_case_is_recorded (self->state.case_, id) || text[0]);
}

static void
sp_text_row_constructed (GObject *object)
{
  G_OBJECT_CLASS (sp_text_row_parent_class)->constructed (object);
  sp_fact_row_setup (SP_FACT_ROW (object));
}

static void
sp_text_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SP_TYPE_TEXT_ROW);
  G_OBJECT_CLASS (sp_text_row_parent_class)->dispose (object);
}

static void
sp_text_row_finalize (GObject *object)
{
  sp_fact_row_state_clear (&SP_TEXT_ROW (object)->state);
  G_OBJECT_CLASS (sp_text_row_parent_class)->finalize (object);
}

static void
sp_text_row_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  if (!sp_fact_row_state_get_property (&SP_TEXT_ROW (object)->state, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
sp_text_row_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  sp_fact_row_state_set_property (&SP_TEXT_ROW (object)->state, prop_id, value);
}

static void
sp_text_row_class_init (SpTextRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sp_text_row_constructed;
  object_class->dispose = sp_text_row_dispose;
  object_class->finalize = sp_text_row_finalize;
  object_class->get_property = sp_text_row_get_property;
  object_class->set_property = sp_text_row_set_property;
  sp_fact_row_install_properties (object_class);

  sp_fact_row_bind_template (widget_class, "/io/github/spinalpathways/SpinalPathways/ui/sp-text-row.ui",
                             G_STRUCT_OFFSET (SpTextRow, state));
  gtk_widget_class_bind_template_child_full (widget_class, "input", FALSE,
                                             G_STRUCT_OFFSET (SpTextRow, state.input));
  gtk_widget_class_bind_template_child_full (widget_class, "clear_button", FALSE,
                                             G_STRUCT_OFFSET (SpTextRow, state.clear_button));
  gtk_widget_class_bind_template_callback (widget_class, on_text_changed);
}

static void
sp_text_row_init (SpTextRow *self)
{
  self->state.syncing = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  sp_fact_row_init_focus_answers (GTK_WIDGET (self));
}
