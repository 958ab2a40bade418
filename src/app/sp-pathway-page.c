/* sp-pathway-page.c
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sp-case-assessment.h"
#include "sp-case-relevance.h"
#include "sp-decision-row.h"
#include "sp-fact-row.h"
#include "sp-section-group.h"
#include "sp-widget-util.h"
#include "sp-pathway-page.h"

/**
 * SpPathwayPage:
 *
 * One tab: the pathway's facts as generated rows, one group per section of
 * the policy (screening first), and beside them the pathway's decisions and
 * the current advice. Wide, the form and the decisions scroll side by side;
 * narrow, the decisions follow the form in one scrolling column under a
 * "Decisions" heading, with a button at the top to jump to them.
 *
 * GTK 4.8 has no breakpoints, so the page watches its own width when it is
 * allocated and switches layout from an idle callback (never during
 * allocation, which would queue a resize inside one).
 */
#define NARROW_WIDTH 720

struct _SpPathwayPage
{
  GtkWidget     parent_instance;

  /* owned */
  SpEvaluation *evaluation;
  char         *pathway_id;
  GHashTable   *fact_rows;      /* fact id → row */
  GHashTable   *decision_rows;  /* decision id → SpDecisionRow */
  GPtrArray    *groups;         /* the section groups, to hide empty ones */
  guint         relayout_id;

  /* widgets, made when the page is started: see ensure_skeleton() */
  GtkWidget    *outer;          /* scrolls everything when narrow */
  GtkEventController *narrow_wheel; /* the outer's, first to see the wheel when narrow */
  GtkWidget    *columns;
  GtkWidget    *form_scroller;
  GtkWidget    *form_box;
  GtkWidget    *jump_button;
  GtkWidget    *decisions_scroller;
  GtkWidget    *decisions_group;
  GtkWidget    *not_assessed_row; /* stands for the decisions until assessed */
  GtkWidget    *advice_group;

  GPtrArray    *pending;        /* sections whose rows are yet to be made */
  GtkWidget    *leading_group;
  GtkWidget    *trailing_group;
  guint         finish_id;

  gboolean      narrow;
  gboolean      pending_narrow;
  int           wide_minimum_seen; /* what two columns last needed */
  gboolean      started;        /* its decisions and first rows exist */
};

G_DEFINE_FINAL_TYPE (SpPathwayPage, sp_pathway_page, GTK_TYPE_WIDGET)

static void
apply_layout (SpPathwayPage *self)
{
  GtkPolicyType inner = self->narrow ? GTK_POLICY_NEVER : GTK_POLICY_AUTOMATIC;
  GtkPolicyType outer = self->narrow ? GTK_POLICY_AUTOMATIC : GTK_POLICY_NEVER;

  if (self->outer == NULL)
    return;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->columns),
                                  self->narrow ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  /* Two columns of one width, whatever they hold: a box shares its width
   * by its children's natural widths, and the decisions' change with
   * every answer, so the divider moved and the form's questions wrapped
   * again, moving the rows under the pointer. */
  gtk_box_set_homogeneous (GTK_BOX (self->columns), !self->narrow);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->outer), GTK_POLICY_NEVER, outer);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->form_scroller), GTK_POLICY_NEVER, inner);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->decisions_scroller), GTK_POLICY_NEVER, inner);
  gtk_widget_set_visible (self->jump_button, self->narrow);
  gtk_event_controller_set_propagation_phase (self->narrow_wheel, self->narrow ? GTK_PHASE_CAPTURE : GTK_PHASE_NONE);
  if (self->fact_rows)
    {
      GHashTableIter iter;
      gpointer row;

      g_hash_table_iter_init (&iter, self->fact_rows);
      while (g_hash_table_iter_next (&iter, NULL, &row))
        sp_fact_row_set_compact (SP_FACT_ROW (row), self->narrow);
      g_hash_table_iter_init (&iter, self->decision_rows);
      while (g_hash_table_iter_next (&iter, NULL, &row))
        sp_decision_row_set_compact (row, self->narrow);
    }
  if (self->narrow)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "narrow");
      gtk_widget_remove_css_class (self->decisions_scroller, "sp-decisions-pane");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "narrow");
      gtk_widget_add_css_class (self->decisions_scroller, "sp-decisions-pane");
    }
}

static gboolean
relayout_cb (gpointer data)
{
  SpPathwayPage *self = data;

  self->relayout_id = 0;
  if (self->narrow != self->pending_narrow)
    {
      self->narrow = self->pending_narrow;
      apply_layout (self);
    }
  return G_SOURCE_REMOVE;
}

static int
wide_minimum (SpPathwayPage *self)
{
  int form_min, decisions_min;

  gtk_widget_measure (self->form_scroller, GTK_ORIENTATION_HORIZONTAL, -1, &form_min, NULL, NULL, NULL);
  gtk_widget_measure (self->decisions_scroller, GTK_ORIENTATION_HORIZONTAL, -1, &decisions_min, NULL, NULL, NULL);
  /* The columns are of one width (see apply_layout()). */
  return 2 * MAX (form_min, decisions_min);
}

static void
sp_pathway_page_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  SpPathwayPage *self = SP_PATHWAY_PAGE (widget);

  /* The view stack measures every page, shown or not. A page's size is
   * mostly wrapped text, and laying out all five pages' text at start-up
   * tripled the time to the first frame; a hidden page asks for nothing,
   * and the stack measures it again when it is shown (showing a page
   * changes its child visibility, which queues a resize). A page not yet
   * started has nothing to measure. */
  if (!gtk_widget_get_child_visible (widget) || self->outer == NULL)
    {
      *minimum = *natural = 0;
      return;
    }

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int form_min, decisions_min;

      /* Ask only for what the narrow layout needs, whatever the layout is
       * now: a page that asked for both columns could never become narrow.
       * The page is height-for-width: its width never depends on a height,
       * and a height passed down would make its wrapped labels search for
       * the narrowest width that fits it (see sp_wrapped_label_new()). */
      gtk_widget_measure (self->outer, orientation, -1, NULL, natural, NULL, NULL);
      gtk_widget_measure (self->form_scroller, orientation, -1, &form_min, NULL, NULL, NULL);
      gtk_widget_measure (self->decisions_scroller, orientation, -1, &decisions_min, NULL, NULL, NULL);
      *minimum = MAX (form_min, decisions_min);
      *natural = MAX (*natural, *minimum);
    }
  else
    {
      int outer_min;

      gtk_widget_measure (self->outer, GTK_ORIENTATION_HORIZONTAL, -1, &outer_min, NULL, NULL, NULL);
      gtk_widget_measure (self->outer, orientation, for_size < 0 ? -1 : MAX (for_size, outer_min),
                          minimum, natural, NULL, NULL);
    }
}

static GtkSizeRequestMode
sp_pathway_page_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
sp_pathway_page_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  SpPathwayPage *self = SP_PATHWAY_PAGE (widget);
  gboolean narrow;
  int needed, outer_min_width, outer_min_height;

  if (self->outer == NULL)
    return;
  /* Measured in the layout showing, and the wide one asks more of its rows
   * (help as subtitles rather than buttons): what two columns needed when
   * last shown is kept while narrow, so that the layouts never take turns
   * at one width. */
  needed = wide_minimum (self);
  if (!self->narrow)
    self->wide_minimum_seen = needed;
  else
    needed = MAX (needed, self->wide_minimum_seen);
  narrow = width < MAX (NARROW_WIDTH, needed);

  /* Until the idle switches layout, the old one may need more room than
   * there is; it overflows (clipped) for that one frame rather than be
   * allocated less than its minimum. */
  gtk_widget_measure (self->outer, GTK_ORIENTATION_HORIZONTAL, -1, &outer_min_width, NULL, NULL, NULL);
  width = MAX (width, outer_min_width);
  gtk_widget_measure (self->outer, GTK_ORIENTATION_VERTICAL, width, &outer_min_height, NULL, NULL, NULL);
  gtk_widget_allocate (self->outer, width, MAX (height, outer_min_height), baseline, NULL);

  self->pending_narrow = narrow;
  if (narrow != self->narrow && self->relayout_id == 0)
    self->relayout_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, relayout_cb, self, NULL);
}

static void
update_relevance (SpPathwayPage *self)
{
  SpCase *case_ = sp_evaluation_get_case (self->evaluation);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->fact_rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autofree char *answer = sp_evaluation_describe_implied (self->evaluation, key);
      g_autofree char *because = NULL;

      gtk_widget_set_visible (value, sp_case_is_fact_relevant (case_, key));
      if (answer != NULL)
        {
          g_auto(GStrv) ids = sp_evaluation_dup_implied_because (self->evaluation, key);
          SpPolicy *policy = sp_case_get_policy (case_);
          GString *words = g_string_new (NULL);

          for (guint i = 0; ids && ids[i]; i++)
            {
              SpFact *fact = sp_policy_lookup_fact (policy, ids[i]);

              if (words->len > 0)
                g_string_append (words, _(" and "));
              g_string_append (words, fact ? sp_policy_gettext (sp_fact_get_label (fact)) : ids[i]);
            }
          because = g_string_free (words, FALSE);
        }
      sp_fact_row_set_implied (SP_FACT_ROW (value), answer, because);
    }

  /* A section with every question hidden is hidden too. */
  for (guint i = 0; i < self->groups->len; i++)
    sp_section_group_update_visible (g_ptr_array_index (self->groups, i));
}

static void
update_advice (SpPathwayPage *self)
{
  GListModel *advisories = sp_evaluation_get_advisories (self->evaluation);
  guint n = g_list_model_get_n_items (advisories);

  sp_section_group_remove_all (SP_SECTION_GROUP (self->advice_group));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpAdvisory) advisory = g_list_model_get_item (advisories, i);
      GtkWidget *row = adw_preferences_row_new ();
      GtkWidget *grid = gtk_grid_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-information-symbolic");
      GtkWidget *label = sp_paragraph_label_new (sp_advisory_get_text (advisory));

      /* A grid, not a box: see sp_wrapped_label_new(). */
      gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
      gtk_widget_add_css_class (grid, "sp-advice");
      gtk_widget_set_valign (icon, GTK_ALIGN_START);
      gtk_widget_add_css_class (icon, "dim-label");
      gtk_widget_set_hexpand (label, TRUE);
      gtk_grid_attach (GTK_GRID (grid), icon, 0, 0, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), label, 1, 0, 1, 1);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), grid);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_set_name (row, sp_advisory_get_id (advisory));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sp_advisory_get_text (advisory));
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, sp_advisory_get_text (advisory),
                                      -1);
      sp_section_group_add_row (SP_SECTION_GROUP (self->advice_group), row);
    }

  gtk_widget_set_visible (self->advice_group, n > 0);
}

typedef struct {
  char      *name;
  gboolean   screening;
  GPtrArray *facts;
  GtkWidget *group;             /* once its first rows are made */
  guint      n_made;            /* facts whose rows are made */
} Section;

static void
section_free (gpointer data)
{
  Section *section = data;

  g_free (section->name);
  g_ptr_array_unref (section->facts);
  g_free (section);
}

/* The page's sections as shown: screening first, then the policy's order. */
static GPtrArray *
collect_sections (SpPathwayPage *self)
{
  SpPolicy *policy = sp_case_get_policy (sp_evaluation_get_case (self->evaluation));
  g_autoptr(GPtrArray) sections = g_ptr_array_new ();
  g_autoptr(GHashTable) by_name = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *ordered = g_ptr_array_new_with_free_func (section_free);

  for (guint i = 0; i < sp_policy_get_n_facts (policy); i++)
    {
      SpFact *fact = sp_policy_get_fact (policy, i);
      const char *name = sp_fact_get_section (fact) ? sp_policy_gettext (sp_fact_get_section (fact)) : "";
      Section *section;

      if (g_strcmp0 (sp_fact_get_pathway (fact), self->pathway_id) != 0)
        continue;

      if (!(section = g_hash_table_lookup (by_name, name)))
        {
          section = g_new0 (Section, 1);
          section->name = g_strdup (name);
          section->facts = g_ptr_array_new ();
          g_ptr_array_add (sections, section);
          g_hash_table_insert (by_name, section->name, section);
        }
      section->screening |= sp_policy_is_screening_fact (policy, fact);
      g_ptr_array_add (section->facts, fact);
    }

  /* Two passes, because g_ptr_array_sort is not stable. */
  for (int pass = 1; pass >= 0; pass--)
    for (guint i = 0; i < sections->len; i++)
      {
        Section *section = g_ptr_array_index (sections, i);

        if (section->screening == pass)
          g_ptr_array_add (ordered, section);
      }
  return ordered;
}

/* The group after the pathway's facts (the notes) joins the form with its
 * last section: it is below the fold, and a text view laid out before the
 * first frame cost that frame 4 to 9 ms. */
static void
append_trailing_group_if_complete (SpPathwayPage *self)
{
  if (self->pending->len == 0 && self->trailing_group &&
      gtk_widget_get_parent (self->trailing_group) == NULL)
    gtk_box_append (GTK_BOX (self->form_box), self->trailing_group);
}

/* Makes up to @max_rows more rows of the pending sections, in order, after
 * those already made, so the form always reads in the same order however
 * it was built. A section may be made in two goes: its first rows before
 * the first frame, the rest (below the fold) after it.
 *
 * Returns: how many rows were made */
static guint
build_next_rows (SpPathwayPage *self,
                 guint          max_rows)
{
  SpCase *case_ = sp_evaluation_get_case (self->evaluation);
  Section *section = g_ptr_array_index (self->pending, 0);
  guint n_rows = 0;

  if (section->group == NULL)
    {
      section->group = sp_section_group_new (section->name, section->screening);
      sp_make_rows_cheap_to_measure (section->group, TRUE);
      gtk_box_append (GTK_BOX (self->form_box), section->group);
      g_ptr_array_add (self->groups, section->group);
    }

  for (; section->n_made < section->facts->len && n_rows < max_rows; section->n_made++, n_rows++)
    {
      SpFact *fact = g_ptr_array_index (section->facts, section->n_made);
      GtkWidget *row = sp_fact_row_new (case_, fact);

      sp_fact_row_set_compact (SP_FACT_ROW (row), self->narrow);
      sp_make_rows_cheap_to_measure (row, TRUE);
      sp_section_group_add_row (SP_SECTION_GROUP (section->group), row);
      g_hash_table_insert (self->fact_rows, (gpointer) sp_fact_get_id (fact), row);
    }

  if (section->n_made == section->facts->len)
    g_ptr_array_remove_index (self->pending, 0);
  append_trailing_group_if_complete (self);
  return n_rows;
}

static void build_decisions (SpPathwayPage *self);

/* Rows the first frame of a page shows: about what fits above the fold of
 * a laptop screen, which is all a clinician sees before the rest arrive. */
#define FIRST_FRAME_ROWS 4

/* A page's rows are made when the page is first shown (or first asked for
 * a row), and then in two steps: its decisions and its first rows (the
 * first FIRST_FRAME_ROWS, even if that ends inside a section) before the
 * page's first frame, the rest just after it.
 * Laying out wrapped help text is most of the cost of a first frame, and
 * making every page's rows before it tripled the time to it. The badges
 * and banners come from the evaluation, not from these rows, so nothing a
 * clinician must see waits for the rest of the form. */
static void ensure_skeleton (SpPathwayPage *self);

static void
ensure_started (SpPathwayPage *self)
{
  guint n_rows = 0;

  if (self->started)
    return;
  self->started = TRUE;
  ensure_skeleton (self);
  self->pending = collect_sections (self);
  build_decisions (self);
  sp_make_rows_cheap_to_measure (self->decisions_group, FALSE);
  if (self->leading_group)
    sp_make_rows_cheap_to_measure (self->leading_group, TRUE);
  while (self->pending->len > 0 && n_rows < FIRST_FRAME_ROWS)
    n_rows += build_next_rows (self, FIRST_FRAME_ROWS - n_rows);
  append_trailing_group_if_complete (self);
  update_relevance (self);
  update_advice (self);
  apply_layout (self);
}

static void
ensure_complete (SpPathwayPage *self)
{
  ensure_started (self);
  if (self->pending->len == 0)
    return;

  g_clear_handle_id (&self->finish_id, g_source_remove);
  while (self->pending->len > 0)
    build_next_rows (self, G_MAXUINT);
  update_relevance (self);
}

static gboolean
finish_cb (gpointer data)
{
  SpPathwayPage *self = data;

  self->finish_id = 0;
  ensure_complete (self);
  return G_SOURCE_REMOVE;
}

static void
on_after_first_paint (GdkFrameClock *clock,
                      SpPathwayPage *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_after_first_paint, self);

  /* An idle, so the frame is on screen and waiting input is handled first. */
  if (self->pending->len > 0 && self->finish_id == 0)
    self->finish_id = g_idle_add (finish_cb, self);
}

static void
sp_pathway_page_map (GtkWidget *widget)
{
  SpPathwayPage *self = SP_PATHWAY_PAGE (widget);

  ensure_started (self);

  GTK_WIDGET_CLASS (sp_pathway_page_parent_class)->map (widget);

  if (self->pending->len > 0)
    g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                             G_CALLBACK (on_after_first_paint), self, 0);
}

static void
on_advisories_changed (SpPathwayPage *self)
{
  if (self->started)
    update_advice (self);
}

static void update_assessment (SpPathwayPage *self);

static void
on_fact_changed (SpPathwayPage *self)
{
  if (self->started)
    {
      update_relevance (self);
      update_assessment (self);
    }
}

/* The row may be among the first ones made; only if it is not, make the
 * rest now, so focusing a screening question at start-up stays cheap. */
static GtkWidget *
find_fact_row (SpPathwayPage *self,
               const char    *fact_id)
{
  GtkWidget *row;

  ensure_started (self);
  if (!(row = g_hash_table_lookup (self->fact_rows, fact_id)) && self->pending->len > 0)
    {
      ensure_complete (self);
      row = g_hash_table_lookup (self->fact_rows, fact_id);
    }
  return row;
}

/**
 * sp_pathway_page_show_decisions:
 *
 * Moves the focus to the first decision, scrolling to it: the narrow
 * layout's "Jump to Decisions" button.
 */
void
sp_pathway_page_show_decisions (SpPathwayPage *self)
{
  SpPolicy *policy = sp_case_get_policy (sp_evaluation_get_case (self->evaluation));
  graphene_point_t point;

  g_return_if_fail (SP_IS_PATHWAY_PAGE (self));
  ensure_started (self);

  /* Scroll the decisions to the top when they are stacked under the form. */
  if (self->narrow &&
      gtk_widget_compute_point (self->decisions_scroller, self->columns, &GRAPHENE_POINT_INIT (0, 0), &point))
    {
      GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->outer));

      gtk_adjustment_set_value (adj, point.y);
    }

  /* Then the focus, on the first decision in policy order (an expander
   * row is not focusable itself: its header is). */
  for (guint i = 0; i < sp_policy_get_n_decisions (policy); i++)
    {
      SpDecisionRule *rule = sp_policy_get_decision (policy, i);
      GtkWidget *row = g_hash_table_lookup (self->decision_rows, sp_decision_rule_get_id (rule));

      if (row && !gtk_widget_get_visible (row))
        row = self->not_assessed_row;
      if (row)
        {
          if (!gtk_widget_grab_focus (row))
            gtk_widget_child_focus (row, GTK_DIR_TAB_FORWARD);
          break;
        }
    }
}

static void
sp_pathway_page_dispose (GObject *object)
{
  SpPathwayPage *self = SP_PATHWAY_PAGE (object);

  g_clear_handle_id (&self->relayout_id, g_source_remove);
  g_clear_handle_id (&self->finish_id, g_source_remove);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  self->narrow_wheel = NULL;   /* the outer scroller's, gone with it */
  g_clear_pointer (&self->outer, gtk_widget_unparent);
  g_clear_object (&self->leading_group);
  g_clear_object (&self->trailing_group);
  g_clear_pointer (&self->fact_rows, g_hash_table_unref);
  g_clear_pointer (&self->decision_rows, g_hash_table_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_object (&self->evaluation);

  G_OBJECT_CLASS (sp_pathway_page_parent_class)->dispose (object);
}

static void
sp_pathway_page_finalize (GObject *object)
{
  SpPathwayPage *self = SP_PATHWAY_PAGE (object);

  g_free (self->pathway_id);

  G_OBJECT_CLASS (sp_pathway_page_parent_class)->finalize (object);
}

static void
sp_pathway_page_class_init (SpPathwayPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_pathway_page_dispose;
  object_class->finalize = sp_pathway_page_finalize;
  widget_class->map = sp_pathway_page_map;
  widget_class->measure = sp_pathway_page_measure;
  widget_class->get_request_mode = sp_pathway_page_get_request_mode;
  widget_class->size_allocate = sp_pathway_page_size_allocate;

  gtk_widget_class_set_css_name (widget_class, "sp-pathway-page");
}

static void
sp_pathway_page_init (SpPathwayPage *self)
{
  self->fact_rows = g_hash_table_new (g_str_hash, g_str_equal);
  self->decision_rows = g_hash_table_new (g_str_hash, g_str_equal);
  self->groups = g_ptr_array_new ();

  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

/* GTK 4.8's scrolled windows keep a wheel event even when they cannot
 * scroll, as the form's and the decisions' own cannot when narrow, so the
 * outer scroller never saw it and the page did not move. When narrow the
 * outer one sees the wheel first. That also keeps the wheel from changing
 * an answer under the pointer as the page scrolls past it. */
static gboolean
on_narrow_wheel (GtkEventControllerScroll *controller,
                 double                    dx,
                 double                    dy,
                 SpPathwayPage            *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->outer));
  double step = dy;

  /* A wheel click moves as far as GtkScrolledWindow's own would. */
  if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL)
    step *= pow (gtk_adjustment_get_page_size (adjustment), 2.0 / 3.0);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + step);
  return GDK_EVENT_STOP;
}

/* The columns, scrollers and groups a page's rows go in
 * (ui/sp-pathway-page-skeleton.ui). A page is empty until it is first
 * shown: the four pages not shown at start-up cost nothing before the first
 * frame (each has three scrolled windows). */
static void
ensure_skeleton (SpPathwayPage *self)
{
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GtkBuilderScope) scope = NULL;
  g_autoptr(GError) error = NULL;

  if (self->outer)
    return;

  g_type_ensure (SP_TYPE_SECTION_GROUP);
  scope = gtk_builder_cscope_new ();
  gtk_builder_cscope_add_callback (GTK_BUILDER_CSCOPE (scope), on_narrow_wheel);
  gtk_builder_cscope_add_callback (GTK_BUILDER_CSCOPE (scope), sp_pathway_page_show_decisions);
  builder = gtk_builder_new ();
  gtk_builder_set_scope (builder, scope);
  gtk_builder_set_current_object (builder, G_OBJECT (self));
  /* Compiled in: a failure here is a broken build, never the user's doing. */
  if (!gtk_builder_add_from_resource (builder, "/io/github/spinalpathways/SpinalPathways/ui/sp-pathway-page-skeleton.ui",
                                      &error))
    g_error ("The page layout could not be built: %s", error->message);

  self->outer = GTK_WIDGET (gtk_builder_get_object (builder, "outer"));
  gtk_widget_set_parent (self->outer, GTK_WIDGET (self));
  self->narrow_wheel = GTK_EVENT_CONTROLLER (gtk_builder_get_object (builder, "narrow_wheel"));
  self->columns = GTK_WIDGET (gtk_builder_get_object (builder, "columns"));
  self->form_scroller = GTK_WIDGET (gtk_builder_get_object (builder, "form_scroller"));
  self->form_box = GTK_WIDGET (gtk_builder_get_object (builder, "form_box"));
  self->jump_button = GTK_WIDGET (gtk_builder_get_object (builder, "jump_button"));
  self->decisions_scroller = GTK_WIDGET (gtk_builder_get_object (builder, "decisions_scroller"));
  self->decisions_group = GTK_WIDGET (gtk_builder_get_object (builder, "decisions_group"));
  self->advice_group = GTK_WIDGET (gtk_builder_get_object (builder, "advice_group"));

  if (self->leading_group)
    gtk_box_append (GTK_BOX (self->form_box), self->leading_group);

  apply_layout (self);
}

static void
build_decisions (SpPathwayPage *self)
{
  GListModel *decisions = sp_evaluation_get_decisions (self->evaluation);
  SpCase *case_ = sp_evaluation_get_case (self->evaluation);
  guint n = g_list_model_get_n_items (decisions);
  guint shown = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpDecision) decision = g_list_model_get_item (decisions, i);
      GtkWidget *row;

      if (g_strcmp0 (sp_decision_get_pathway (decision), self->pathway_id) != 0)
        continue;
      row = sp_decision_row_new (case_, decision);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->decisions_group), row);
      g_hash_table_insert (self->decision_rows, (gpointer) sp_decision_get_id (decision), row);
      shown++;
    }

  if (shown > 0)
    {
      self->not_assessed_row = adw_action_row_new ();
      gtk_widget_set_name (self->not_assessed_row, "not-assessed");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->not_assessed_row), _("Not assessed"));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->not_assessed_row), FALSE);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self->not_assessed_row), 0);
      gtk_widget_add_css_class (self->not_assessed_row, "sp-not-assessed");
      /* Focusable, so "Jump to Decisions" has somewhere to land. */
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->not_assessed_row), FALSE);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->decisions_group), self->not_assessed_row);
    }
  gtk_widget_set_visible (self->decisions_group, shown > 0);
  update_assessment (self);
}

/* Until something of this pathway is recorded its decisions are not the
 * patient's: with nothing against them several read "Supported", and a
 * lumbar patient must not see green pills for the neck. They are listed,
 * without a status, under one "Not assessed" row instead, by the same rule
 * as the summary's. */
static void
update_assessment (SpPathwayPage *self)
{
  SpCase *case_ = sp_evaluation_get_case (self->evaluation);
  SpPolicy *policy = sp_case_get_policy (case_);
  gboolean assessed;
  GString *labels;
  g_autofree char *subtitle = NULL;

  if (self->not_assessed_row == NULL)
    return;

  assessed = sp_case_is_pathway_assessed (case_, self->pathway_id);
  labels = g_string_new (NULL);
  for (guint i = 0; i < sp_policy_get_n_decisions (policy); i++)
    {
      SpDecisionRule *rule = sp_policy_get_decision (policy, i);
      GtkWidget *row = g_hash_table_lookup (self->decision_rows, sp_decision_rule_get_id (rule));

      if (row == NULL)
        continue;
      gtk_widget_set_visible (row, assessed);
      if (labels->len > 0)
        g_string_append (labels, "; ");
      g_string_append (labels, sp_policy_gettext (sp_decision_rule_get_label (rule)));
    }

  /* Translators: %s is the pathway, e.g. "Cervical"; then its decisions */
  subtitle = g_strdup_printf (_("Nothing is recorded for %s yet, so these decisions do not apply to this patient. "
                                "Answer a question of this tab to assess them.\n%s"),
                              sp_policy_gettext (sp_policy_get_pathway_label (policy, self->pathway_id)),
                              labels->str);
  g_string_free (labels, TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->not_assessed_row), subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->not_assessed_row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                  -1);
  gtk_widget_set_visible (self->not_assessed_row, !assessed);
}

/**
 * sp_pathway_page_new:
 * @evaluation: the evaluation of the case being edited
 * @pathway_id: a pathway of the case's policy
 * @leading_group: (nullable): a group shown before the pathway's facts
 * @trailing_group: (nullable): a group shown after them
 *
 * Returns: (transfer floating): a new page
 */
GtkWidget *
sp_pathway_page_new (SpEvaluation *evaluation,
                     const char   *pathway_id,
                     GtkWidget    *leading_group,
                     GtkWidget    *trailing_group)
{
  SpPathwayPage *self;

  g_return_val_if_fail (SP_IS_EVALUATION (evaluation), NULL);
  g_return_val_if_fail (pathway_id != NULL, NULL);

  self = g_object_new (SP_TYPE_PATHWAY_PAGE, NULL);
  self->evaluation = g_object_ref (evaluation);
  self->pathway_id = g_strdup (pathway_id);

  /* Held until the page is started (the leading group, at the top of the
   * form) or its last section is made (the trailing one, at the bottom). */
  if (leading_group)
    self->leading_group = g_object_ref_sink (leading_group);
  if (trailing_group)
    self->trailing_group = g_object_ref_sink (trailing_group);

  g_signal_connect_object (sp_evaluation_get_case (evaluation), "fact-changed",
                           G_CALLBACK (on_fact_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (sp_evaluation_get_advisories (evaluation), "items-changed",
                           G_CALLBACK (on_advisories_changed), self, G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}

const char *
sp_pathway_page_get_pathway_id (SpPathwayPage *self)
{
  g_return_val_if_fail (SP_IS_PATHWAY_PAGE (self), NULL);
  return self->pathway_id;
}

/**
 * sp_pathway_page_lookup_fact_row:
 *
 * Returns: (transfer none) (nullable): the row asking @fact_id
 */
GtkWidget *
sp_pathway_page_lookup_fact_row (SpPathwayPage *self,
                                 const char    *fact_id)
{
  g_return_val_if_fail (SP_IS_PATHWAY_PAGE (self), NULL);
  return find_fact_row (self, fact_id);
}

/**
 * sp_pathway_page_lookup_decision_row:
 *
 * Returns: (transfer none) (nullable): the row of @decision_id
 */
GtkWidget *
sp_pathway_page_lookup_decision_row (SpPathwayPage *self,
                                     const char    *decision_id)
{
  g_return_val_if_fail (SP_IS_PATHWAY_PAGE (self), NULL);
  ensure_started (self);
  return g_hash_table_lookup (self->decision_rows, decision_id);
}

/**
 * sp_pathway_page_list_fact_rows:
 *
 * Returns: (transfer container) (element-type GtkWidget): the fact rows
 */
GList *
sp_pathway_page_list_fact_rows (SpPathwayPage *self)
{
  g_return_val_if_fail (SP_IS_PATHWAY_PAGE (self), NULL);
  ensure_complete (self);
  return g_hash_table_get_values (self->fact_rows);
}

/**
 * sp_pathway_page_list_decision_rows:
 *
 * Returns: (transfer container) (element-type SpDecisionRow): the decision rows
 */
GList *
sp_pathway_page_list_decision_rows (SpPathwayPage *self)
{
  g_return_val_if_fail (SP_IS_PATHWAY_PAGE (self), NULL);
  ensure_started (self);
  return g_hash_table_get_values (self->decision_rows);
}

/**
 * sp_pathway_page_get_advice_group:
 *
 * Returns: (transfer none): the "Advice" group; its rows are named by
 *   advisory id
 */
GtkWidget *
sp_pathway_page_get_advice_group (SpPathwayPage *self)
{
  g_return_val_if_fail (SP_IS_PATHWAY_PAGE (self), NULL);
  ensure_started (self);
  return self->advice_group;
}

gboolean
sp_pathway_page_get_narrow (SpPathwayPage *self)
{
  g_return_val_if_fail (SP_IS_PATHWAY_PAGE (self), FALSE);
  return self->narrow;
}

/* Brings @row into view in whichever scroller moves the form: focusing it
 * is not enough when it sits in a scroller that is not itself scrolling
 * (the form's, in the one-column layout) or when the page was just shown
 * and is not laid out yet. So it is done now and again once the page has
 * its size. */
static gboolean
scroll_to_row_now (SpPathwayPage *self,
                   GtkWidget     *row)
{
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (self->narrow ? self->outer : self->form_scroller);
  GtkWidget *content = gtk_scrolled_window_get_child (scroller);
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (scroller);
  graphene_point_t top;
  double value, page_size, row_height;

  if (content == NULL || !gtk_widget_compute_point (row, content, &GRAPHENE_POINT_INIT (0, 0), &top))
    return FALSE;
  value = gtk_adjustment_get_value (adj);
  page_size = gtk_adjustment_get_page_size (adj);
  row_height = gtk_widget_get_height (row);
  /* The point is in the scrolled content's own coordinates, whatever the
   * scroll value. */
  if (top.y < value || top.y + row_height > value + page_size)
    gtk_adjustment_set_value (adj, MAX (0, top.y - (page_size - row_height) / 3));
  return TRUE;
}

typedef struct {
  SpPathwayPage *page;
  GtkWidget     *row;
} ScrollRequest;

static void
scroll_request_free (gpointer data)
{
  ScrollRequest *request = data;

  g_object_unref (request->page);
  g_object_unref (request->row);
  g_free (request);
}

static gboolean
scroll_to_row_cb (gpointer data)
{
  ScrollRequest *request = data;

  /* The window may have gone meanwhile. */
  if (gtk_widget_get_mapped (GTK_WIDGET (request->page)) && request->page->outer != NULL)
    scroll_to_row_now (request->page, request->row);
  return G_SOURCE_REMOVE;
}

static void
scroll_to_row (SpPathwayPage *self,
               GtkWidget     *row)
{
  ScrollRequest *request = g_new0 (ScrollRequest, 1);

  scroll_to_row_now (self, row);
  request->page = g_object_ref (self);
  request->row = g_object_ref (row);
  /* Low priority: after GTK's layout of the next frame. */
  g_idle_add_full (G_PRIORITY_LOW, scroll_to_row_cb, request, scroll_request_free);
}

/**
 * sp_pathway_page_scroll_by:
 * @dy: pixels, positive to move the content up
 *
 * Scrolls what moves the form by @dy: the window keeps the form still
 * under the pointer with it when banners above the page come and go.
 */
void
sp_pathway_page_scroll_by (SpPathwayPage *self,
                           double         dy)
{
  GtkWidget *scrollers[2];
  guint n = 0;

  g_return_if_fail (SP_IS_PATHWAY_PAGE (self));

  if (self->outer == NULL)
    return;
  if (self->narrow)
    scrollers[n++] = self->outer;
  else
    {
      scrollers[n++] = self->form_scroller;
      scrollers[n++] = self->decisions_scroller;
    }
  for (guint i = 0; i < n; i++)
    {
      GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrollers[i]));

      gtk_adjustment_set_value (adj, gtk_adjustment_get_value (adj) + dy);
    }
}

/**
 * sp_pathway_page_focus_fact:
 *
 * Moves the focus to the input of @fact_id, showing its row first.
 *
 * Returns: whether the focus moved
 */
gboolean
sp_pathway_page_focus_fact (SpPathwayPage *self,
                            const char    *fact_id)
{
  GtkWidget *row;

  g_return_val_if_fail (SP_IS_PATHWAY_PAGE (self), FALSE);

  if (!(row = find_fact_row (self, fact_id)))
    return FALSE;
  /* A missing fact is relevant by definition; make sure its row and group
   * show even if the relevance rule disagrees for a moment. */
  gtk_widget_set_visible (row, TRUE);
  for (GtkWidget *w = gtk_widget_get_parent (row); w && w != GTK_WIDGET (self); w = gtk_widget_get_parent (w))
    if (ADW_IS_PREFERENCES_GROUP (w))
      gtk_widget_set_visible (w, TRUE);
  if (!sp_fact_row_focus_input (SP_FACT_ROW (row)))
    return FALSE;
  scroll_to_row (self, row);
  return TRUE;
}
