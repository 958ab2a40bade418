/* sp-fact-row-private.h: what the kinds of fact row share
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-fact-row.h"

G_BEGIN_DECLS

/* Each kind of row keeps one of these in its instance and hands it to the
 * interface's shared code, so the help, the clear button, the implied
 * answer and the case binding are written once. */
typedef struct {
  SpCase     *case_;
  SpFact     *fact;
  GtkWidget  *input;        /* the one widget that records the fact */
  GtkWidget  *clear_button; /* nullable: "not recorded" again */
  GtkWidget  *info_button;  /* the help, when the subtitle cannot hold it */
  GtkWidget  *implied;      /* drop-downs: "…, implied by …", made when needed */
  char       *subtitle;     /* the help shown under the title, when it fits */
  gboolean    truncated;    /* the subtitle is not the whole help */
  gboolean    is_implied;
  gboolean    compact;
  gboolean    syncing;      /* writing the case into the widgets */
} SpFactRowState;

struct _SpFactRowInterface
{
  GTypeInterface parent_iface;

  SpFactRowState *(*get_state) (SpFactRow *self);
  /* Shows the case's value in the row's own widgets. */
  void            (*sync)      (SpFactRow *self);
};

enum {
  SP_FACT_ROW_PROP_FACT = 1,
  SP_FACT_ROW_PROP_CASE,
  SP_FACT_ROW_N_PROPS
};

void        sp_fact_row_install_properties (GObjectClass  *klass);
void        sp_fact_row_state_set_property (SpFactRowState *state,
                                            guint          prop_id,
                                            const GValue  *value);
gboolean    sp_fact_row_state_get_property (SpFactRowState *state,
                                            guint          prop_id,
                                            GValue        *value);
void        sp_fact_row_state_clear        (SpFactRowState *state);
void        sp_fact_row_bind_template      (GtkWidgetClass *widget_class,
                                            const char     *resource,
                                            gsize           state_offset);
void        sp_fact_row_setup              (SpFactRow      *self);
void        sp_fact_row_sync               (SpFactRow      *self);
void        sp_fact_row_init_focus_answers (GtkWidget      *row);
const char *sp_fact_row_get_fact_id        (SpFactRow      *self);
void        sp_fact_row_set_error          (GtkWidget      *widget,
                                            const char     *message);

G_END_DECLS
