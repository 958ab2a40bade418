/* sp-print-preview.c: the summary's pages as they will print
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sp-print-preview.h"

/* GtkPrintOperation's own preview hands the pages to an external viewer
 * (Evince) through a temporary PDF: absent in the Flatpak and on many
 * practice machines, and a copy of the summary on disk. This window draws
 * the same pages, through the same print operation, in the app. */

/* Pages are shown at this fraction of their printed size in points. */
#define PREVIEW_SCALE 1.0

struct _SpPrintPreview
{
  AdwWindow                 parent_instance;

  /* Template widgets */
  GtkBox                   *pages_box;

  /* Owned */
  GtkPrintOperation        *operation;
  GtkPrintOperationPreview *preview;
  GtkPrintContext          *context;
  cairo_surface_t          *measure_surface;
  cairo_t                  *measure_cr;
  guint                     n_pages;
  gboolean                  ended;
};

G_DEFINE_FINAL_TYPE (SpPrintPreview, sp_print_preview, ADW_TYPE_WINDOW)

static void
draw_page (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        user_data)
{
  SpPrintPreview *self = SP_PRINT_PREVIEW (gtk_widget_get_ancestor (GTK_WIDGET (area), SP_TYPE_PRINT_PREVIEW));
  int page = GPOINTER_TO_INT (user_data);

  if (self->ended)
    return;
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_scale (cr, PREVIEW_SCALE, PREVIEW_SCALE);
  /* The print context draws in points: 72 to the inch. */
  gtk_print_context_set_cairo_context (self->context, cr, 72, 72);
  gtk_print_operation_preview_render_page (self->preview, page);
  /* Back to the context the pages were laid out with: @cr ends here. */
  gtk_print_context_set_cairo_context (self->context, self->measure_cr, 72, 72);
}

static void
on_ready (GtkPrintOperationPreview *preview,
          GtkPrintContext          *context,
          SpPrintPreview           *self)
{
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  int n_pages = 0;

  g_object_get (self->operation, "n-pages", &n_pages, NULL);
  self->n_pages = MAX (n_pages, 0);
  for (int i = 0; i < n_pages; i++)
    {
      GtkWidget *area = gtk_drawing_area_new ();
      /* Translators: the accessible name of a page in the print preview */
      g_autofree char *name = g_strdup_printf (_("Page %d of %d"), i + 1, n_pages);

      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), (int) (width * PREVIEW_SCALE));
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), (int) (height * PREVIEW_SCALE));
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_page, GINT_TO_POINTER (i), NULL);
      gtk_widget_add_css_class (area, "card");
      gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_box_append (self->pages_box, area);
    }
}

static void
end_preview (SpPrintPreview *self)
{
  if (self->ended || self->preview == NULL)
    return;
  self->ended = TRUE;
  gtk_print_operation_preview_end_preview (self->preview);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SpPrintPreview *self = SP_PRINT_PREVIEW (widget);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  /* The window's own print action: a fresh operation, with the dialog. */
  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.print", NULL);
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
sp_print_preview_close_request (GtkWindow *window)
{
  end_preview (SP_PRINT_PREVIEW (window));
  return GTK_WINDOW_CLASS (sp_print_preview_parent_class)->close_request (window);
}

static void
sp_print_preview_dispose (GObject *object)
{
  SpPrintPreview *self = SP_PRINT_PREVIEW (object);

  end_preview (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_PRINT_PREVIEW);
  G_OBJECT_CLASS (sp_print_preview_parent_class)->dispose (object);
}

static void
sp_print_preview_finalize (GObject *object)
{
  SpPrintPreview *self = SP_PRINT_PREVIEW (object);

  g_clear_object (&self->preview);
  g_clear_object (&self->context);
  g_clear_object (&self->operation);
  g_clear_pointer (&self->measure_cr, cairo_destroy);
  g_clear_pointer (&self->measure_surface, cairo_surface_destroy);
  G_OBJECT_CLASS (sp_print_preview_parent_class)->finalize (object);
}

static void
sp_print_preview_class_init (SpPrintPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sp_print_preview_dispose;
  object_class->finalize = sp_print_preview_finalize;
  window_class->close_request = sp_print_preview_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/sp-print-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, SpPrintPreview, pages_box);
  gtk_widget_class_install_action (widget_class, "preview.print", NULL, print_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "preview.print", NULL);
}

static void
sp_print_preview_init (SpPrintPreview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sp_print_preview_new:
 * @operation: the print operation being previewed, run with
 *   %GTK_PRINT_OPERATION_ACTION_PREVIEW
 * @preview: @operation's #GtkPrintOperation::preview argument
 * @context: @operation's #GtkPrintOperation::preview argument
 *
 * Called from @operation's #GtkPrintOperation::preview handler, which then
 * returns %TRUE. Gives @context a cairo context to lay the pages out with,
 * as the signal requires; the pages appear once @preview is ready.
 */
SpPrintPreview *
sp_print_preview_new (GtkWindow                *parent,
                      GtkPrintOperation        *operation,
                      GtkPrintOperationPreview *preview,
                      GtkPrintContext          *context)
{
  SpPrintPreview *self;

  g_return_val_if_fail (GTK_IS_PRINT_OPERATION (operation), NULL);
  g_return_val_if_fail (GTK_IS_PRINT_OPERATION_PREVIEW (preview), NULL);
  g_return_val_if_fail (GTK_IS_PRINT_CONTEXT (context), NULL);

  self = g_object_new (SP_TYPE_PRINT_PREVIEW, "transient-for", parent, NULL);
  self->operation = g_object_ref (operation);
  self->preview = g_object_ref (preview);
  self->context = g_object_ref (context);
  /* For text measurement only: the pages are drawn in draw_page(). */
  self->measure_surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  self->measure_cr = cairo_create (self->measure_surface);
  gtk_print_context_set_cairo_context (context, self->measure_cr, 72, 72);
  g_signal_connect_object (preview, "ready", G_CALLBACK (on_ready), self, 0);
  return self;
}

guint
sp_print_preview_get_n_pages (SpPrintPreview *self)
{
  g_return_val_if_fail (SP_IS_PRINT_PREVIEW (self), 0);
  return self->n_pages;
}
