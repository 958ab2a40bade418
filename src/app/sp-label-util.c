/* sp-label-util.c
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sp-label-util.h"

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
