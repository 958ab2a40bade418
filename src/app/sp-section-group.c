/* sp-section-group.c
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sp-section-group.h"

/**
 * SpSectionGroup:
 *
 * A titled group of rows that knows its rows: a section of the policy's
 * questions (screening sections marked as such), or the advice. It hides
 * itself when every row in it is hidden, so a section with no question
 * that applies leaves no empty heading behind. (AdwPreferencesGroup 1.2
 * cannot list its rows.)
 */
struct _SpSectionGroup
{
  AdwPreferencesGroup  parent_instance;

  GPtrArray           *rows;
  gboolean             screening;
};

G_DEFINE_FINAL_TYPE (SpSectionGroup, sp_section_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_SCREENING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sp_section_group_dispose (GObject *object)
{
  SpSectionGroup *self = SP_SECTION_GROUP (object);

  g_ptr_array_set_size (self->rows, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_SECTION_GROUP);
  G_OBJECT_CLASS (sp_section_group_parent_class)->dispose (object);
}

static void
sp_section_group_finalize (GObject *object)
{
  g_ptr_array_unref (SP_SECTION_GROUP (object)->rows);
  G_OBJECT_CLASS (sp_section_group_parent_class)->finalize (object);
}

static void
sp_section_group_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SpSectionGroup *self = SP_SECTION_GROUP (object);

  switch (prop_id)
    {
    case PROP_SCREENING:
      g_value_set_boolean (value, self->screening);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_section_group_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SpSectionGroup *self = SP_SECTION_GROUP (object);

  switch (prop_id)
    {
    case PROP_SCREENING:
      /* Screening comes first and looks it (style.css). */
      self->screening = g_value_get_boolean (value);
      if (self->screening)
        gtk_widget_add_css_class (GTK_WIDGET (self), "sp-screening");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self), "sp-screening");
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_section_group_class_init (SpSectionGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_section_group_dispose;
  object_class->finalize = sp_section_group_finalize;
  object_class->get_property = sp_section_group_get_property;
  object_class->set_property = sp_section_group_set_property;

  /**
   * SpSectionGroup:screening:
   *
   * Whether the section holds screening questions (red flags and the like).
   */
  properties[PROP_SCREENING] =
    g_param_spec_boolean ("screening", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/spinalpathways/SpinalPathways/ui/sp-section-group.ui");
}

static void
sp_section_group_init (SpSectionGroup *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sp_section_group_new:
 * @title: the section's heading
 * @screening: whether it holds screening questions
 *
 * Returns: (transfer floating): a new, empty #SpSectionGroup
 */
GtkWidget *
sp_section_group_new (const char *title,
                      gboolean    screening)
{
  return g_object_new (SP_TYPE_SECTION_GROUP,
                       "title", title,
                       "screening", screening,
                       NULL);
}

/**
 * sp_section_group_add_row:
 * @row: a row, added after the others
 */
void
sp_section_group_add_row (SpSectionGroup *self,
                          GtkWidget      *row)
{
  g_return_if_fail (SP_IS_SECTION_GROUP (self));
  g_return_if_fail (GTK_IS_WIDGET (row));

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_ptr_array_add (self->rows, row);
}

/**
 * sp_section_group_remove_all:
 *
 * Removes every row, as when the advice is made again.
 */
void
sp_section_group_remove_all (SpSectionGroup *self)
{
  g_return_if_fail (SP_IS_SECTION_GROUP (self));

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
}

/**
 * sp_section_group_get_row:
 * @position: a row's position, from 0
 *
 * Returns: (transfer none) (nullable): the row at @position, in the order
 *   added
 */
GtkWidget *
sp_section_group_get_row (SpSectionGroup *self,
                          guint           position)
{
  g_return_val_if_fail (SP_IS_SECTION_GROUP (self), NULL);

  if (position >= self->rows->len)
    return NULL;
  return g_ptr_array_index (self->rows, position);
}

/**
 * sp_section_group_update_visible:
 *
 * Shows the group while any of its rows shows, and hides it otherwise.
 */
void
sp_section_group_update_visible (SpSectionGroup *self)
{
  gboolean any = FALSE;

  g_return_if_fail (SP_IS_SECTION_GROUP (self));

  for (guint i = 0; i < self->rows->len && !any; i++)
    any = gtk_widget_get_visible (g_ptr_array_index (self->rows, i));
  gtk_widget_set_visible (GTK_WIDGET (self), any);
}
