/* sp-widget-util.c
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sp-widget-util.h"

/**
 * sp_policy_gettext:
 * @text: (nullable): a label, question, help text, section, unit or
 *   pathway name from the policy file
 *
 * The policy's words in the user's language, from the "policy" context of
 * our catalogue (data/policy/spinal-interventions-strings.c lists them for
 * xgettext). A policy loaded with --policy translates wherever its words
 * are the built-in policy's, and shows the rest as written. The policy's
 * clauses are quoted and never pass through here.
 */
const char *
sp_policy_gettext (const char *text)
{
  if (text == NULL || *text == '\0')
    return text;
  return g_dpgettext2 (GETTEXT_PACKAGE, "policy", text);
}

/* Helpers for GTK 4.8 and libadwaita 1.2 widgets where their defaults are
 * slow (wrapped labels) or wrong for this app (combo rows' lists). */

/* The narrowest a wrapped sentence may become, in characters: what a 360 px
 * window leaves a question beside a number's box, its unit and its buttons
 * (at 16, every tab asked for 460 px). */
#define WRAPPED_LABEL_MIN_CHARS 6

/* The narrowest a paragraph with a line of its own may become (advice,
 * banners): about 120 px, which a 360 px window leaves it beside an icon.
 * GtkLabel lays the text out at this width to measure it,
 * and a long paragraph at 6 characters a line was the costliest layout of
 * the first frame. The banners in sp-window.ui say the same number (the
 * screening banner, beside a button, 10). */
#define PARAGRAPH_MIN_CHARS 16

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
 * sp_paragraph_label_new:
 *
 * Like sp_wrapped_label_new(), for a paragraph that has its line to itself
 * (no question's buttons beside it), which may not become as narrow.
 *
 * Returns: (transfer floating): a new label
 */
GtkWidget *
sp_paragraph_label_new (const char *text)
{
  GtkWidget *label = sp_wrapped_label_new (text);

  gtk_label_set_width_chars (GTK_LABEL (label), PARAGRAPH_MIN_CHARS);
  return label;
}

/* Whether @box is one of the boxes libadwaita lays wrapped text out in:
 * a row's header (horizontal, "header": prefixes, title, suffixes) and its
 * title (vertical, "title": title and subtitle), and a group's header and
 * its labels (title and description). */
static gboolean
is_libadwaita_text_box (GtkWidget *box)
{
  GtkWidget *parent = gtk_widget_get_parent (box);
  GtkWidget *grandparent = parent ? gtk_widget_get_parent (parent) : NULL;
  GtkWidget *great_grandparent = grandparent ? gtk_widget_get_parent (grandparent) : NULL;
  GtkOrientation orientation;

  if (!GTK_IS_BOX (box) || !GTK_IS_BOX_LAYOUT (gtk_widget_get_layout_manager (box)))
    return FALSE;
  orientation = gtk_orientable_get_orientation (GTK_ORIENTABLE (box));

  if (orientation == GTK_ORIENTATION_HORIZONTAL && gtk_widget_has_css_class (box, "header"))
    return ADW_IS_ACTION_ROW (parent) || (grandparent && ADW_IS_PREFERENCES_GROUP (grandparent));
  if (orientation == GTK_ORIENTATION_VERTICAL && gtk_widget_has_css_class (box, "title"))
    return grandparent && ADW_IS_ACTION_ROW (grandparent);
  if (orientation == GTK_ORIENTATION_VERTICAL && gtk_widget_has_css_class (box, "labels"))
    return great_grandparent && ADW_IS_PREFERENCES_GROUP (great_grandparent);
  return FALSE;
}

/* GTK 4.8's box layout, asked how tall a horizontal box must be for a
 * given width, searches for it: it doubles then halves a trial height,
 * asking every child that wraps for its width at each one. A vertical
 * box asked for its width at a given height (as GtkWidget does when it
 * allocates a centred widget that wraps) searches the same way over
 * widths, and each wrapped label answers with a binary search of its own;
 * every step lays the text out again. A red flag's row laid its help text
 * out some three hundred times before the first frame. A grid layout asks
 * each child's width once, then its height for the width it is given.
 *
 * The box keeps its children in their order (one column each, or one row
 * each if vertical), and its widgets, style classes and accessible
 * relations are untouched; a grid layout reads the style sheet's
 * border-spacing as a box does. Its one row (or column) is homogeneous so
 * that it gets the whole height (or width), as a box gives its children,
 * and a centred title stays centred in a row taller than its text.
 * libadwaita fixes these boxes' children when it builds the row (prefixes
 * and suffixes go into boxes of their own), so the lines stay right. The
 * one exception: adw_preferences_group_set_header_suffix() appends to the
 * group's header, and would land on the title's column; this app gives
 * no group a header suffix, and must convert a group only after setting
 * one (then renumbering) if it ever does. */
static void
use_grid_layout (GtkWidget *box)
{
  GtkOrientation orientation = gtk_orientable_get_orientation (GTK_ORIENTABLE (box));
  GtkLayoutManager *grid = gtk_grid_layout_new ();
  int line = 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    gtk_grid_layout_set_row_homogeneous (GTK_GRID_LAYOUT (grid), TRUE);
  else
    gtk_grid_layout_set_column_homogeneous (GTK_GRID_LAYOUT (grid), TRUE);
  gtk_widget_set_layout_manager (box, grid);
  for (GtkWidget *child = gtk_widget_get_first_child (box); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkGridLayoutChild *layout_child = GTK_GRID_LAYOUT_CHILD (gtk_layout_manager_get_layout_child (grid, child));

      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        gtk_grid_layout_child_set_column (layout_child, line++);
      else
        gtk_grid_layout_child_set_row (layout_child, line++);
    }
}

/**
 * sp_make_rows_cheap_to_measure:
 * @use_grids: whether the rows' and groups' text boxes get grid layouts
 *
 * Makes the libadwaita rows and groups under @widget cheap to measure.
 * Every wrapping label without a narrowest width gets one, for the reason
 * in sp_wrapped_label_new(); and, with @use_grids, the boxes that hold
 * the text of each row and group get grid layouts (see use_grid_layout()).
 * These are the widgets libadwaita makes inside its rows (titles,
 * subtitles, group descriptions), which this app cannot create itself.
 * Whatever is not found is left as it is, so a libadwaita that builds its
 * rows differently only costs time.
 *
 * A grid shares a narrow width between columns by their natural widths,
 * a box by a search that favours a wrapped suffix; rows whose suffix
 * wraps (the decisions' status pills) look better left as boxes.
 */
void
sp_make_rows_cheap_to_measure (GtkWidget *widget,
                               gboolean   use_grids)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) &&
          gtk_label_get_wrap (GTK_LABEL (child)) &&
          gtk_label_get_width_chars (GTK_LABEL (child)) < 0)
        gtk_label_set_width_chars (GTK_LABEL (child), WRAPPED_LABEL_MIN_CHARS);
      else if (use_grids && is_libadwaita_text_box (child))
        use_grid_layout (child);
      sp_make_rows_cheap_to_measure (child, use_grids);
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

/* GTK 4.8 on X11 sends a closed popover's surface a made-up motion (asked
 * for by a layout while the pointer was in the list) whenever the pointer
 * is where the list was. GTK then takes the pointer to be over the hidden
 * list, and the next press with no motion after it goes there: the click
 * is lost (gdk_surface_ensure_motion() does not check that the surface is
 * mapped; Wayland answers "not here" for it). The closed list's surface
 * passes no events to the popover until the list opens again. */
static void
on_list_popover_closed (GtkWidget *popover)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (popover));

  if (surface == NULL || g_object_get_data (G_OBJECT (popover), "sp-events-blocked"))
    return;
  /* GtkPopover connects to its surface's "event" with itself as data. */
  g_signal_handlers_block_matched (surface, G_SIGNAL_MATCH_ID | G_SIGNAL_MATCH_DATA,
                                   g_signal_lookup ("event", GDK_TYPE_SURFACE), 0, NULL, NULL, popover);
  g_object_set_data (G_OBJECT (popover), "sp-events-blocked", surface);
}

/* On opening, and before the surface goes as the popover is unrealized. */
static void
on_list_popover_shown (GtkWidget *popover)
{
  GdkSurface *surface = g_object_steal_data (G_OBJECT (popover), "sp-events-blocked");

  if (surface != NULL)
    g_signal_handlers_unblock_matched (surface, G_SIGNAL_MATCH_ID | G_SIGNAL_MATCH_DATA,
                                       g_signal_lookup ("event", GDK_TYPE_SURFACE), 0, NULL, NULL, popover);
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
 * pointer, rather than the item its list has selected; and keeps its closed
 * list from taking the next click (see on_list_popover_closed()).
 */
void
sp_combo_row_choose_activated_item (AdwComboRow *combo_row)
{
  GtkListView *list = sp_combo_row_get_popup_list (combo_row);
  GtkWidget *popover;

  if (list == NULL)
    return;
  /* libadwaita connects its handler to the list with the row as data. */
  g_signal_handlers_block_matched (list, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, combo_row);
  g_signal_connect_object (list, "activate", G_CALLBACK (on_popup_item_activated), combo_row, 0);
  popover = gtk_widget_get_ancestor (GTK_WIDGET (list), GTK_TYPE_POPOVER);
  if (popover != NULL)
    {
      g_signal_connect (popover, "closed", G_CALLBACK (on_list_popover_closed), NULL);
      g_signal_connect (popover, "map", G_CALLBACK (on_list_popover_shown), NULL);
      g_signal_connect (popover, "unrealize", G_CALLBACK (on_list_popover_shown), NULL);
    }
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
