/* sp-widget-util.c
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sp-widget-util.h"

/* Helpers for GTK 4.8 and libadwaita 1.2 widgets where their defaults are
 * slow (wrapped labels) or wrong for this app (combo rows' lists). */

/* The narrowest a wrapped sentence may become, in characters: about what a
 * 360 px window leaves for it beside an icon. */
#define WRAPPED_LABEL_MIN_CHARS 16

/**
 * sp_wrapped_label_new:
 *
 * A left-aligned label for a sentence that wraps at word boundaries.
 *
 * Its narrowest width is set rather than measured. Otherwise GtkLabel
 * lays the text out at width 0, one word a line, shaping the rest of the
 * sentence again at each break; for the policy's long sentences that was
 * the largest single cost of the window's first frame.
 *
 * Put it in a #GtkGrid rather than a horizontal #GtkBox: a box asks a
 * wrapped label for its width at a given height each time it is
 * allocated, which GtkLabel answers by a binary search over a dozen
 * layouts of the text.
 *
 * Returns: (transfer floating): a new label
 */
GtkWidget *
sp_wrapped_label_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (GTK_LABEL (label), WRAPPED_LABEL_MIN_CHARS);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  return label;
}

/**
 * sp_limit_wrapped_labels:
 *
 * Gives every wrapping label under @widget that has no narrowest width
 * one, for the reason in sp_wrapped_label_new(). For the labels libadwaita
 * makes inside its rows (titles, subtitles, group descriptions), which
 * this app cannot create itself; a label that is not found is left as it
 * is, so a libadwaita that builds its rows differently only costs time.
 */
void
sp_limit_wrapped_labels (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) &&
          gtk_label_get_wrap (GTK_LABEL (child)) &&
          gtk_label_get_width_chars (GTK_LABEL (child)) < 0)
        gtk_label_set_width_chars (GTK_LABEL (child), WRAPPED_LABEL_MIN_CHARS);
      sp_limit_wrapped_labels (child);
    }
}

/* libadwaita 1.2's combo row, when an item of its list is activated,
 * chooses the item its list has *selected*; and the list selects on hover,
 * so the selection follows the pointer. A clinician who moved to an answer
 * with the arrow keys and pressed Enter got the answer under the resting
 * pointer instead, or nothing (caught by the keyboard walk test). The row's
 * own handler is replaced by one that chooses the activated item. */
static GtkListView *
find_popup_list (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkListView *found;

      if (GTK_IS_LIST_VIEW (child) && gtk_widget_get_ancestor (child, GTK_TYPE_POPOVER))
        return GTK_LIST_VIEW (child);
      if ((found = find_popup_list (child)))
        return found;
    }
  return NULL;
}

static void
on_popup_item_activated (GtkListView *list,
                         guint        position,
                         GtkWidget   *row)
{
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (list), GTK_TYPE_POPOVER);

  if (popover)
    gtk_popover_popdown (GTK_POPOVER (popover));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), position);
}

/**
 * sp_combo_row_get_popup_list:
 *
 * Returns: (transfer none) (nullable): the list in @combo_row's drop-down,
 *   or %NULL if libadwaita builds it differently
 */
GtkListView *
sp_combo_row_get_popup_list (AdwComboRow *combo_row)
{
  return find_popup_list (GTK_WIDGET (combo_row));
}

/**
 * sp_combo_row_choose_activated_item:
 *
 * Makes @combo_row choose the item activated in its list, by keyboard or
 * pointer, rather than the item its list has selected.
 */
void
sp_combo_row_choose_activated_item (AdwComboRow *combo_row)
{
  GtkListView *list = sp_combo_row_get_popup_list (combo_row);

  if (list == NULL)
    return;
  /* libadwaita connects its handler to the list with the row as data. */
  g_signal_handlers_block_matched (list, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, combo_row);
  g_signal_connect_object (list, "activate", G_CALLBACK (on_popup_item_activated), combo_row, 0);
}

/**
 * sp_widget_set_new_tooltip:
 * @widget: a widget not yet in a window
 *
 * Gives @widget its tooltip, as gtk_widget_set_tooltip_text() does, while
 * it is being made. On a visible widget that call also refreshes any
 * tooltip showing, and to know whether one is, GTK 4.8 asks the display
 * where the pointer is: three X round trips each time. A widget outside
 * any window shows no tooltip, so it is hidden for the moment the tooltip
 * is set. A page sets some thirty of these before its first frame.
 */
void
sp_widget_set_new_tooltip (GtkWidget  *widget,
                           const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (gtk_widget_get_root (widget) != NULL || !gtk_widget_get_visible (widget))
    {
      gtk_widget_set_tooltip_text (widget, text);
      return;
    }
  gtk_widget_set_visible (widget, FALSE);
  gtk_widget_set_tooltip_text (widget, text);
  gtk_widget_set_visible (widget, TRUE);
}
