/* sp-help-window.c: the help pages, read in the app when Yelp cannot show them
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"


#include "sp-help-window.h"

/* F1 opens the Mallard pages in help/C with Yelp where there is one that can
 * read them. Without Yelp (many practice machines), or in the Flatpak (the
 * host's Yelp cannot see the sandbox's pages), the same pages, compiled into
 * the app, are shown here: one source for both, and no network either way.
 * Only the little of Mallard the pages use is read: titles, sections,
 * paragraphs, lists, terms and inline marks as plain text. */

/* The topics in reading order, after the index. */
static const char * const page_ids[] = {
  "index", "purpose", "recording", "decisions", "red-flags", "saving", "shortcuts",
};

struct _SpHelpWindow
{
  AdwWindow  parent_instance;

  /* Template widgets */
  GtkBox    *pages_box;

  guint      n_pages;
};

G_DEFINE_FINAL_TYPE (SpHelpWindow, sp_help_window, ADW_TYPE_WINDOW)

typedef struct {
  GtkBox    *box;
  GString   *text;          /* the block being read */
  GPtrArray *elements;      /* names of the open elements */
  guint      skip_depth;    /* inside <info>: not shown */
  guint      keys_in_seq;   /* keys so far in the open <keyseq> */
} Reader;

static const char *
parent_element (Reader *reader,
                guint   up)
{
  if (reader->elements->len < up + 1)
    return "";
  return g_ptr_array_index (reader->elements, reader->elements->len - 1 - up);
}

static gboolean
inside (Reader     *reader,
        const char *name)
{
  for (guint i = 0; i < reader->elements->len; i++)
    if (g_str_equal (g_ptr_array_index (reader->elements, i), name))
      return TRUE;
  return FALSE;
}

/* Mallard's line breaks and indentation are not the text's. */
static char *
collapse_spaces (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isspace (*p))
        space = out->len > 0;
      else
        {
          if (space)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_c (out, *p);
        }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
add_block (Reader     *reader,
           const char *style,
           int         margin_start,
           const char *prefix)
{
  g_autofree char *text = collapse_spaces (reader->text->str);
  g_autofree char *shown = g_strconcat (prefix ? prefix : "", text, NULL);
  GtkWidget *label;

  g_string_truncate (reader->text, 0);
  if (text[0] == '\0')
    return;
  label = gtk_label_new (shown);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, margin_start);
  if (style)
    gtk_widget_add_css_class (label, style);
  gtk_box_append (reader->box, label);
}

static void
on_start (GMarkupParseContext  *context,
          const char           *element,
          const char          **attribute_names,
          const char          **attribute_values,
          gpointer              data,
          GError              **error)
{
  Reader *reader = data;

  g_ptr_array_add (reader->elements, g_strdup (element));
  if (reader->skip_depth > 0 || g_str_equal (element, "info"))
    {
      reader->skip_depth++;
      return;
    }
  if (g_str_equal (element, "keyseq"))
    reader->keys_in_seq = 0;
  else if (g_str_equal (element, "key") && inside (reader, "keyseq") && reader->keys_in_seq++ > 0)
    g_string_append_c (reader->text, '+');
}

static void
on_end (GMarkupParseContext  *context,
        const char           *element,
        gpointer              data,
        GError              **error)
{
  Reader *reader = data;

  if (reader->skip_depth > 0)
    reader->skip_depth--;
  else if (g_str_equal (element, "title"))
    {
      const char *parent = parent_element (reader, 1);

      if (g_str_equal (parent, "page"))
        add_block (reader, "title-2", 0, NULL);
      else if (g_str_equal (parent, "section"))
        add_block (reader, "heading", 0, NULL);
      else
        add_block (reader, "heading", 12, NULL);   /* a term */
    }
  else if (g_str_equal (element, "p"))
    {
      if (inside (reader, "terms"))
        add_block (reader, NULL, 24, NULL);
      else if (inside (reader, "list"))
        add_block (reader, NULL, 12, "•  ");
      else
        add_block (reader, NULL, 0, NULL);
    }
  g_ptr_array_remove_index (reader->elements, reader->elements->len - 1);
}

static void
on_text (GMarkupParseContext  *context,
         const char           *text,
         gsize                 length,
         gpointer              data,
         GError              **error)
{
  Reader *reader = data;

  if (reader->skip_depth == 0)
    g_string_append_len (reader->text, text, length);
}

static const GMarkupParser mallard_parser = {
  .start_element = on_start,
  .end_element = on_end,
  .text = on_text,
};

static gboolean
add_page (SpHelpWindow *self,
          const char   *page_id)
{
  g_autofree char *path = g_strdup_printf (RESOURCE_BASE "/help/C/%s.page", page_id);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) elements = g_ptr_array_new_with_free_func (g_free);
  Reader reader = { .box = self->pages_box, .text = text, .elements = elements };
  gsize length;
  const char *data;

  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &length);
  context = g_markup_parse_context_new (&mallard_parser, G_MARKUP_TREAT_CDATA_AS_TEXT, &reader, NULL);
  if (!g_markup_parse_context_parse (context, data, length, &error) ||
      !g_markup_parse_context_end_parse (context, &error))
    {
      /* Our own file, checked by yelp-check in the tests. */
      g_warning ("help page %s: %s", page_id, error->message);
      return FALSE;
    }
  return TRUE;
}

static void
sp_help_window_class_init (SpHelpWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/sp-help-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SpHelpWindow, pages_box);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
sp_help_window_init (SpHelpWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < G_N_ELEMENTS (page_ids); i++)
    {
      if (i > 0)
        gtk_box_append (self->pages_box, gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
      if (add_page (self, page_ids[i]))
        self->n_pages++;
    }
}

/**
 * sp_help_window_new:
 *
 * Returns: (transfer none): every help page, in reading order
 */
SpHelpWindow *
sp_help_window_new (GtkWindow *parent)
{
  return g_object_new (SP_TYPE_HELP_WINDOW, "transient-for", parent, NULL);
}

guint
sp_help_window_get_n_pages (SpHelpWindow *self)
{
  g_return_val_if_fail (SP_IS_HELP_WINDOW (self), 0);
  return self->n_pages;
}
