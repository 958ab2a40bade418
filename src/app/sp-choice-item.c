/* sp-choice-item.c
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sp-choice-item.h"

/**
 * SpChoiceItem:
 *
 * One choice in a drop-down's list: its words in full, wrapped rather than
 * cut short ("Undertaken and unsucc…"), since the end of a choice may be
 * what decides, and a check mark on the one chosen, as libadwaita's own
 * rows have. While bound to a combo row it follows the row's selection.
 */
struct _SpChoiceItem
{
  GtkWidget    parent_instance;

  GtkLabel    *label;
  GtkWidget   *check_mark;

  AdwComboRow *combo_row;      /* weak, while bound */
  guint        position;
  gboolean     chosen;
};

G_DEFINE_FINAL_TYPE (SpChoiceItem, sp_choice_item, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LABEL,
  PROP_CHOSEN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_selected_changed (SpChoiceItem *self)
{
  sp_choice_item_set_chosen (self, adw_combo_row_get_selected (self->combo_row) == self->position);
}

static void
sp_choice_item_dispose (GObject *object)
{
  SpChoiceItem *self = SP_CHOICE_ITEM (object);

  sp_choice_item_unbind (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_CHOICE_ITEM);

  G_OBJECT_CLASS (sp_choice_item_parent_class)->dispose (object);
}

static void
sp_choice_item_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SpChoiceItem *self = SP_CHOICE_ITEM (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, sp_choice_item_get_label (self));
      break;
    case PROP_CHOSEN:
      g_value_set_boolean (value, self->chosen);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_choice_item_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SpChoiceItem *self = SP_CHOICE_ITEM (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      sp_choice_item_set_label (self, g_value_get_string (value));
      break;
    case PROP_CHOSEN:
      sp_choice_item_set_chosen (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sp_choice_item_class_init (SpChoiceItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_choice_item_dispose;
  object_class->get_property = sp_choice_item_get_property;
  object_class->set_property = sp_choice_item_set_property;

  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHOSEN] =
    g_param_spec_boolean ("chosen", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/spinalpathways/SpinalPathways/ui/sp-choice-item.ui");
  gtk_widget_class_bind_template_child (widget_class, SpChoiceItem, label);
  gtk_widget_class_bind_template_child (widget_class, SpChoiceItem, check_mark);
}

static void
sp_choice_item_init (SpChoiceItem *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sp_choice_item_new (void)
{
  return g_object_new (SP_TYPE_CHOICE_ITEM, NULL);
}

const char *
sp_choice_item_get_label (SpChoiceItem *self)
{
  g_return_val_if_fail (SP_IS_CHOICE_ITEM (self), NULL);
  return gtk_label_get_text (self->label);
}

void
sp_choice_item_set_label (SpChoiceItem *self,
                          const char   *label)
{
  g_return_if_fail (SP_IS_CHOICE_ITEM (self));

  if (g_strcmp0 (gtk_label_get_text (self->label), label ? label : "") == 0)
    return;
  gtk_label_set_text (self->label, label ? label : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

gboolean
sp_choice_item_get_chosen (SpChoiceItem *self)
{
  g_return_val_if_fail (SP_IS_CHOICE_ITEM (self), FALSE);
  return self->chosen;
}

void
sp_choice_item_set_chosen (SpChoiceItem *self,
                           gboolean      chosen)
{
  g_return_if_fail (SP_IS_CHOICE_ITEM (self));

  chosen = !!chosen;
  if (self->chosen == chosen)
    return;
  self->chosen = chosen;
  /* Opacity, not visibility: every row keeps the mark's width, so the
   * words wrap the same whichever is chosen. */
  gtk_widget_set_opacity (self->check_mark, chosen ? 1 : 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHOSEN]);
}

/**
 * sp_choice_item_bind:
 * @combo_row: the combo row whose list shows this item
 * @position: the item's place in the row's model
 * @label: the choice's words
 *
 * Shows @label, and the check mark while @combo_row has @position
 * selected, until sp_choice_item_unbind().
 */
void
sp_choice_item_bind (SpChoiceItem *self,
                     AdwComboRow  *combo_row,
                     guint         position,
                     const char   *label)
{
  g_return_if_fail (SP_IS_CHOICE_ITEM (self));
  g_return_if_fail (ADW_IS_COMBO_ROW (combo_row));

  sp_choice_item_unbind (self);
  self->combo_row = combo_row;
  g_object_add_weak_pointer (G_OBJECT (combo_row), (gpointer *) &self->combo_row);
  self->position = position;
  sp_choice_item_set_label (self, label);
  g_signal_connect_object (combo_row, "notify::selected", G_CALLBACK (on_selected_changed), self,
                           G_CONNECT_SWAPPED);
  on_selected_changed (self);
}

void
sp_choice_item_unbind (SpChoiceItem *self)
{
  g_return_if_fail (SP_IS_CHOICE_ITEM (self));

  if (self->combo_row == NULL)
    return;
  g_signal_handlers_disconnect_by_func (self->combo_row, on_selected_changed, self);
  g_object_remove_weak_pointer (G_OBJECT (self->combo_row), (gpointer *) &self->combo_row);
  self->combo_row = NULL;
}

static void
setup_item (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  gtk_list_item_set_child (item, sp_choice_item_new ());
}

static void
bind_item (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           AdwComboRow              *combo_row)
{
  GtkStringObject *choice = gtk_list_item_get_item (item);

  sp_choice_item_bind (SP_CHOICE_ITEM (gtk_list_item_get_child (item)), combo_row,
                       gtk_list_item_get_position (item), gtk_string_object_get_string (choice));
}

static void
unbind_item (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  sp_choice_item_unbind (SP_CHOICE_ITEM (gtk_list_item_get_child (item)));
}

/**
 * sp_combo_row_show_choices_in_full:
 * @combo_row: a combo row whose model is a #GtkStringList
 *
 * Lists @combo_row's choices as #SpChoiceItem rows: in full, wrapped, with
 * a check mark on the one chosen.
 */
void
sp_combo_row_show_choices_in_full (AdwComboRow *combo_row)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_return_if_fail (ADW_IS_COMBO_ROW (combo_row));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_item), NULL);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_item), combo_row, 0);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_item), NULL);
  adw_combo_row_set_list_factory (combo_row, factory);
}
