/* sp-report-layout.c
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "sp-report-layout.h"

/**
 * SpReportLayout:
 *
 * A summary broken into pages. All the text is shaped once, when the layout
 * is made, so the number of pages is known before the first page is drawn
 * ("Page 1 of 3"). Drawing takes any cairo context in points: the PDF
 * writer's, or a GtkPrintOperation's, so printing and export cannot differ.
 *
 * Everything is cut into boxes that are never split: one line of a
 * paragraph, one row of a table, a banner. Pagination then only decides
 * where a page ends: headings keep with what follows, the first two and last
 * two lines of a paragraph stay together, and a table split between pages
 * repeats its header.
 */

/* Measures, in points. */
#define MARGIN_SIDE     56.69   /* 20 mm */
#define MARGIN_TOP      42.52   /* 15 mm */
#define MARGIN_BOTTOM   42.52   /* 15 mm, below the footer */
#define FOOTER_HEIGHT   30.0
#define HEADER_HEIGHT   18.0    /* the running header on pages after the first */
#define KEY_WIDTH       150.0
#define COLUMN_GAP      10.0
#define CELL_PAD_X      5.0
#define CELL_PAD_Y      2.0
#define BULLET_INDENT   14.0
#define QUOTE_INDENT    18.0


typedef struct {
  double r, g, b;
} Rgb;

static const Rgb ink        = { 0.13, 0.13, 0.13 };
static const Rgb quiet      = { 0.38, 0.38, 0.40 };
static const Rgb accent     = { 0.09, 0.27, 0.45 };   /* headings: NHS-ish dark blue */
static const Rgb rule       = { 0.80, 0.82, 0.84 };
static const Rgb header_bg  = { 0.94, 0.95, 0.96 };
static const Rgb urgent_ink = { 0.66, 0.10, 0.10 };
static const Rgb urgent_bg  = { 0.99, 0.93, 0.93 };
static const Rgb warn_ink   = { 0.55, 0.33, 0.00 };
static const Rgb warn_bg    = { 1.00, 0.96, 0.88 };
static const Rgb fund_ink   = { 0.36, 0.20, 0.55 };

typedef enum {
  BOX_LINE,          /* one line of a layout, with an optional marker before it */
  BOX_KEY_VALUE,     /* a key and its value side by side */
  BOX_TABLE_HEADER,
  BOX_TABLE_ROW,
  BOX_BANNER,
  BOX_RULE,
} BoxKind;

typedef struct {
  BoxKind      kind;
  guint        block;
  double       height;
  double       space_before;     /* dropped at the top of a page */
  gboolean     keep_with_next;
  gboolean     is_heading;
  gboolean     starts_page;      /* the appendix: the first page reads alone */

  /* BOX_LINE */
  PangoLayout *layout;
  int          line;
  double       x;
  double       baseline;         /* from the top of the box */
  PangoLayout *marker;           /* drawn beside the first line only */
  double       marker_x;
  double       bar_x;            /* > 0: a quote bar at this x */
  Rgb          colour;

  /* BOX_KEY_VALUE, BOX_TABLE_*, BOX_BANNER: whole layouts */
  PangoLayout *cells[3];
  double       cell_x[3];
  Rgb          cell_colour[3];
  SpSummaryTone tone;
  gboolean     shaded;
  gboolean     rule_visible;     /* BOX_RULE: a line, not just a gap */
} Box;

typedef struct {
  Box    *box;
  double  y;
} Placed;

typedef struct {
  GArray *placed;                /* Placed */
} Page;

struct _SpReportLayout
{
  GObject       parent_instance;

  /* owned */
  SpSummary    *summary;
  PangoContext *context;
  GPtrArray    *boxes;           /* Box */
  GArray       *pages;           /* Page */

  double        width;
  double        height;
  double        content_width;
};

G_DEFINE_FINAL_TYPE (SpReportLayout, sp_report_layout, G_TYPE_OBJECT)

static void
box_free (gpointer data)
{
  Box *box = data;

  g_clear_object (&box->layout);
  g_clear_object (&box->marker);
  for (guint i = 0; i < G_N_ELEMENTS (box->cells); i++)
    g_clear_object (&box->cells[i]);
  g_free (box);
}

static void
page_clear (gpointer data)
{
  Page *page = data;

  g_clear_pointer (&page->placed, g_array_unref);
}

static void
sp_report_layout_finalize (GObject *object)
{
  SpReportLayout *self = (SpReportLayout *) object;

  g_clear_pointer (&self->pages, g_array_unref);
  g_clear_pointer (&self->boxes, g_ptr_array_unref);
  g_clear_object (&self->context);
  g_clear_object (&self->summary);

  G_OBJECT_CLASS (sp_report_layout_parent_class)->finalize (object);
}

static void
sp_report_layout_class_init (SpReportLayoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sp_report_layout_finalize;
}

static void
sp_report_layout_init (SpReportLayout *self)
{
  self->boxes = g_ptr_array_new_with_free_func (box_free);
  self->pages = g_array_new (FALSE, TRUE, sizeof (Page));
  g_array_set_clear_func (self->pages, page_clear);
}

/**
 * sp_report_create_pango_context:
 *
 * A context for laying out in points (72 per inch) with unhinted metrics,
 * so that text measures the same on every surface it is drawn on.
 *
 * Returns: (transfer full): a new context
 */
PangoContext *
sp_report_create_pango_context (void)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (map);
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 72.0);
  pango_context_set_round_glyph_positions (context, FALSE);
  cairo_font_options_destroy (options);
  return context;
}

/* Text styles. */

typedef struct {
  double       size;
  PangoWeight  weight;
  PangoStyle   style;
  double       line_spacing;   /* factor */
} Font;

static const Font font_title   = { 15.0, PANGO_WEIGHT_BOLD,     PANGO_STYLE_NORMAL, 1.15 };
static const Font font_h1      = { 12.5, PANGO_WEIGHT_BOLD,     PANGO_STYLE_NORMAL, 1.15 };
static const Font font_h2      = { 10.5, PANGO_WEIGHT_BOLD,     PANGO_STYLE_NORMAL, 1.15 };
static const Font font_body    = {  9.0, PANGO_WEIGHT_NORMAL,   PANGO_STYLE_NORMAL, 1.25 };
static const Font font_key     = {  9.0, PANGO_WEIGHT_SEMIBOLD, PANGO_STYLE_NORMAL, 1.25 };
static const Font font_smallb  = {  8.5, PANGO_WEIGHT_BOLD,     PANGO_STYLE_NORMAL, 1.25 };
static const Font font_quote   = {  9.0, PANGO_WEIGHT_NORMAL,   PANGO_STYLE_ITALIC, 1.3 };
static const Font font_cell    = {  9.0, PANGO_WEIGHT_NORMAL,   PANGO_STYLE_NORMAL, 1.2 };
static const Font font_cellb   = {  9.0, PANGO_WEIGHT_SEMIBOLD, PANGO_STYLE_NORMAL, 1.2 };
static const Font font_footer  = {  7.5, PANGO_WEIGHT_NORMAL,   PANGO_STYLE_NORMAL, 1.2 };

/* A patient's name or the notes are hostile input to the text shaper:
 * tens of thousands of combining marks on one letter make one cluster
 * HarfBuzz and Pango handle in time quadratic in its length (or abort on),
 * and a long run with no break opportunity makes line breaking try ever
 * longer lines. So each letter keeps at most a few marks (a dotted circle
 * shows that some were dropped), and a run without a space gets an
 * invisible break opportunity now and then; the words themselves are
 * never changed. */
#define MAX_MARKS_PER_CLUSTER 8
#define MAX_UNBROKEN_RUN      48

static char *
bound_for_shaper (const char *text)
{
  GString *bounded = g_string_sized_new (strlen (text) + 16);
  guint marks = 0;
  guint run = 0;
  gboolean marks_dropped = FALSE;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        {
          if (++marks > MAX_MARKS_PER_CLUSTER)
            {
              if (!marks_dropped)
                g_string_append_unichar (bounded, 0x25CC);
              marks_dropped = TRUE;
              continue;
            }
        }
      else
        {
          marks = 0;
          marks_dropped = FALSE;
          if (g_unichar_isspace (c) || c == '-' || c == 0x200B)
            run = 0;
          else if (++run > MAX_UNBROKEN_RUN)
            {
              g_string_append_unichar (bounded, 0x200B);
              run = 1;
            }
        }
      g_string_append_len (bounded, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (bounded, FALSE);
}

static PangoLayout *
make_layout (PangoContext *context,
             const Font   *font,
             const char   *text,
             double        width)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *desc = pango_font_description_from_string (SP_REPORT_FONT_FAMILIES);
  g_autofree char *bounded = bound_for_shaper (text);

  pango_font_description_set_size (desc, (int) (font->size * PANGO_SCALE));
  pango_font_description_set_weight (desc, font->weight);
  pango_font_description_set_style (desc, font->style);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);

  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_line_spacing (layout, (float) font->line_spacing);
  pango_layout_set_text (layout, bounded, -1);
  /* No ligatures: "ff" drawn as one glyph is copied out of the PDF, and
   * read from its tagged structure by a screen reader, as that glyph
   * only ("oﬀ" for "offered"), and a clinician must be able to quote the
   * summary exactly. */
  {
    PangoAttrList *attributes = pango_attr_list_new ();

    pango_attr_list_insert (attributes, pango_attr_font_features_new ("liga 0, clig 0, dlig 0"));
    pango_layout_set_attributes (layout, attributes);
    pango_attr_list_unref (attributes);
  }
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static Box *
add_box (SpReportLayout *self,
         BoxKind         kind,
         guint           block)
{
  Box *box = g_new0 (Box, 1);

  box->kind = kind;
  box->block = block;
  box->colour = ink;
  g_ptr_array_add (self->boxes, box);
  return box;
}

/* Cuts @layout into one box per line. With @keep_lines, the first two and
 * the last two lines stay together (no orphan, no widow). */
static void
add_lines (SpReportLayout *self,
           guint           block,
           PangoLayout    *layout,
           double          x,
           double          space_before,
           Rgb             colour,
           gboolean        keep_all,
           gboolean        keep_lines,
           PangoLayout    *marker,
           double          marker_x,
           double          bar_x)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int n_lines = pango_layout_get_line_count (layout);
  int index = 0;
  double previous_bottom = 0;

  do
    {
      PangoRectangle logical;
      int y0, y1;
      Box *box = add_box (self, BOX_LINE, block);

      /* Line extents include the spacing below each line; measuring from
       * the previous line's bottom keeps the rhythm exactly as Pango set it. */
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      box->layout = g_object_ref (layout);
      box->line = index;
      box->x = x;
      box->colour = colour;
      box->bar_x = bar_x;
      if (index == n_lines - 1)
        box->height = layout_height (layout) - previous_bottom;
      else
        box->height = (double) y1 / PANGO_SCALE - previous_bottom;
      box->baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE - previous_bottom;
      previous_bottom += box->height;
      box->space_before = index == 0 ? space_before : 0;
      box->keep_with_next = keep_all ||
                            (keep_lines && n_lines >= 2 && (index == 0 || index == n_lines - 2));
      if (index == 0 && marker)
        {
          box->marker = g_object_ref (marker);
          box->marker_x = marker_x;
        }
      index++;
    }
  while (pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);
}

static PangoLayout *
make_markup_layout (PangoContext *context,
                    const Font   *font,
                    const char   *markup,
                    double        width)
{
  PangoLayout *layout = make_layout (context, font, "", width);

  pango_layout_set_markup (layout, markup, -1);
  return layout;
}

static Rgb
status_colour (SpStatus status)
{
  switch (status)
    {
    case SP_STATUS_URGENT_REFERRAL:     return urgent_ink;
    case SP_STATUS_SUPPORTED:           return (Rgb) { 0.05, 0.42, 0.20 };
    case SP_STATUS_CRITERIA_NOT_MET:    return (Rgb) { 0.62, 0.17, 0.10 };
    case SP_STATUS_NEEDS_INFORMATION:   return (Rgb) { 0.10, 0.33, 0.60 };
    case SP_STATUS_NOT_NORMALLY_FUNDED: return quiet;
    case SP_STATUS_EXCEPTIONAL_CASE:    return fund_ink;
    default:                            return ink;
    }
}

/* The table's columns: the intervention (with what is not met under it)
 * and its status, wide enough for "Not normally funded" on one line. */
#define TABLE_COLUMNS 2

static void
table_columns (SpReportLayout *self,
               double          x[TABLE_COLUMNS],
               double          w[TABLE_COLUMNS])
{
  w[1] = 140.0;
  w[0] = self->content_width - w[1];
  x[0] = MARGIN_SIDE;
  x[1] = x[0] + w[0];
}

/* The intervention, and under it, quieter, the criteria it does not meet. */
static PangoLayout *
make_intervention_layout (PangoContext       *context,
                          const SpSummaryRow *row,
                          double              width)
{
  g_autofree char *bounded = bound_for_shaper (row->intervention);
  g_autofree char *bounded_unmet = NULL;
  g_autofree char *markup = NULL;
  g_autofree char *colour = NULL;

  if (row->unmet[0] == '\0')
    return make_layout (context, &font_cell, row->intervention, width);
  bounded_unmet = bound_for_shaper (row->unmet);
  colour = g_strdup_printf ("#%02x%02x%02x", (guint) (quiet.r * 255 + 0.5), (guint) (quiet.g * 255 + 0.5),
                            (guint) (quiet.b * 255 + 0.5));
  markup = g_markup_printf_escaped ("%s\n<span foreground=\"%s\" size=\"92%%\">%s</span>",
                                    bounded, colour, bounded_unmet);
  return make_markup_layout (context, &font_cell, markup, width);
}

static void
add_table (SpReportLayout       *self,
           guint                 block_index,
           const SpSummaryBlock *block)
{
  const char * const titles[TABLE_COLUMNS] = { _("Intervention"), _("Status") };
  double x[TABLE_COLUMNS], w[TABLE_COLUMNS];
  Box *header = add_box (self, BOX_TABLE_HEADER, block_index);
  double height = 0;

  table_columns (self, x, w);
  header->space_before = 4;
  header->keep_with_next = TRUE;
  for (guint c = 0; c < TABLE_COLUMNS; c++)
    {
      header->cells[c] = make_layout (self->context, &font_smallb, titles[c], w[c] - 2 * CELL_PAD_X);
      header->cell_x[c] = x[c] + CELL_PAD_X;
      header->cell_colour[c] = quiet;
      height = MAX (height, layout_height (header->cells[c]));
    }
  header->height = height + 2 * CELL_PAD_Y;

  for (guint r = 0; r < block->rows->len; r++)
    {
      const SpSummaryRow *row = &g_array_index (block->rows, SpSummaryRow, r);
      Box *box = add_box (self, BOX_TABLE_ROW, block_index);
      g_autofree char *status = g_strdup_printf ("%s %s", sp_summary_status_get_icon (row->status),
                                                 sp_status_get_label (row->status));

      box->cells[0] = make_intervention_layout (self->context, row, w[0] - 2 * CELL_PAD_X);
      box->cells[1] = make_layout (self->context, &font_cellb, status, w[1] - 2 * CELL_PAD_X);
      box->cell_colour[0] = ink;
      box->cell_colour[1] = status_colour (row->status);
      height = 0;
      for (guint c = 0; c < TABLE_COLUMNS; c++)
        {
          box->cell_x[c] = x[c] + CELL_PAD_X;
          height = MAX (height, layout_height (box->cells[c]));
        }
      box->height = height + 2 * CELL_PAD_Y;
      box->shaded = r % 2 == 1;
      /* Keep the first row with the header, and the last row with the one
       * before it: never one lonely row. */
      box->keep_with_next = r + 2 == block->rows->len && block->rows->len >= 3;
    }
}

static void
add_block_boxes (SpReportLayout       *self,
                 guint                 index,
                 const SpSummaryBlock *block,
                 const SpSummaryBlock *previous)
{
  PangoContext *context = self->context;
  double width = self->content_width;
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(PangoLayout) marker = NULL;

  switch (block->kind)
    {
    case SP_SUMMARY_BLOCK_TITLE:
      layout = make_layout (context, &font_title, block->text, width);
      add_lines (self, index, layout, MARGIN_SIDE, 0, accent, TRUE, FALSE, NULL, 0, 0);
      {
        Box *gap = add_box (self, BOX_RULE, index);

        gap->height = 7;
        gap->keep_with_next = TRUE;
      }
      break;

    case SP_SUMMARY_BLOCK_HEADING:
      {
        gboolean major = block->level <= 1;
        guint first_box = self->boxes->len;

        g_autofree char *with_glyph = block->key ? g_strdup_printf ("%s %s", block->key, block->text) : NULL;

        layout = make_layout (context, major ? &font_h1 : &font_h2, with_glyph ? with_glyph : block->text, width);
        add_lines (self, index, layout, MARGIN_SIDE,
                   major ? 13 : (previous && previous->kind == SP_SUMMARY_BLOCK_HEADING ? 4 : 10),
                   major ? accent : ink, TRUE, FALSE, NULL, 0, 0);
        if (major)
          {
            Box *line = add_box (self, BOX_RULE, index);

            line->height = 5;
            line->keep_with_next = TRUE;
            line->rule_visible = TRUE;
          }
        for (guint i = first_box; i < self->boxes->len; i++)
          ((Box *) g_ptr_array_index (self->boxes, i))->is_heading = TRUE;
      }
      break;

    case SP_SUMMARY_BLOCK_PARAGRAPH:
      layout = make_layout (context, &font_body, block->text, width);
      add_lines (self, index, layout, MARGIN_SIDE,
                 previous && previous->kind == SP_SUMMARY_BLOCK_PARAGRAPH ? 3 :
                 previous && previous->kind == SP_SUMMARY_BLOCK_DECISION_TABLE ? 10 : 6,
                 ink, FALSE, TRUE, NULL, 0, 0);
      break;

    case SP_SUMMARY_BLOCK_KEY_VALUE:
      {
        Box *box = add_box (self, BOX_KEY_VALUE, index);
        g_autofree char *key = g_strdup_printf ("%s", block->key);

        box->cells[0] = make_layout (context, &font_key, key, KEY_WIDTH - COLUMN_GAP);
        box->cells[1] = make_layout (context, &font_body, block->text, width - KEY_WIDTH);
        box->cell_x[0] = MARGIN_SIDE;
        box->cell_x[1] = MARGIN_SIDE + KEY_WIDTH;
        box->cell_colour[0] = quiet;
        box->cell_colour[1] = ink;
        box->height = MAX (layout_height (box->cells[0]), layout_height (box->cells[1]));
        box->space_before = previous && previous->kind == SP_SUMMARY_BLOCK_KEY_VALUE ? 1 : 5;
      }
      break;

    case SP_SUMMARY_BLOCK_DECISION_TABLE:
      add_table (self, index, block);
      break;

    case SP_SUMMARY_BLOCK_QUOTE:
      {
        g_autoptr(PangoLayout) attribution = NULL;
        g_autofree char *quoted = g_strdup_printf ("“%s”", block->text);
        gboolean quoted_before = block->text[0] == '\0';

        attribution = make_layout (context, &font_smallb, block->key, width - QUOTE_INDENT);
        add_lines (self, index, attribution, MARGIN_SIDE + QUOTE_INDENT,
                   quoted_before && previous && previous->kind == SP_SUMMARY_BLOCK_QUOTE ? 2 : 6,
                   quiet, !quoted_before, FALSE, NULL, 0, MARGIN_SIDE + 6);
        if (quoted_before)
          break;
        /* A little air under the attribution, inside the quote's bar. */
        ((Box *) g_ptr_array_index (self->boxes, self->boxes->len - 1))->height += 2;
        layout = make_layout (context, &font_quote, quoted, width - QUOTE_INDENT);
        add_lines (self, index, layout, MARGIN_SIDE + QUOTE_INDENT, 0, quiet, FALSE, TRUE,
                   NULL, 0, MARGIN_SIDE + 6);
      }
      break;

    case SP_SUMMARY_BLOCK_BANNER:
      {
        Box *box = add_box (self, BOX_BANNER, index);
        const char *icon = block->tone == SP_SUMMARY_TONE_URGENT
                           ? sp_summary_status_get_icon (SP_STATUS_URGENT_REFERRAL) : "!";
        double inner = width - 2 * 12 - 22;

        box->tone = block->tone;
        box->cells[0] = make_layout (context, &font_title, icon, 0);
        box->cells[1] = make_layout (context, &font_h2, block->key, inner);
        box->cells[2] = make_layout (context, &font_body, block->text, inner);
        box->cell_x[0] = MARGIN_SIDE + 12;
        box->cell_x[1] = MARGIN_SIDE + 12 + 22;
        box->cell_x[2] = MARGIN_SIDE + 12 + 22;
        box->height = 10 + layout_height (box->cells[1]) + 3 + layout_height (box->cells[2]) + 10;
        box->space_before = 8;
      }
      break;

    case SP_SUMMARY_BLOCK_LIST_ITEM:
      marker = make_layout (context, &font_body, "•", 0);
      layout = make_layout (context, &font_body, block->text, width - BULLET_INDENT);
      add_lines (self, index, layout, MARGIN_SIDE + BULLET_INDENT,
                 previous && previous->kind == SP_SUMMARY_BLOCK_LIST_ITEM ? 2 : 5,
                 ink, FALSE, TRUE, marker, MARGIN_SIDE + 3, 0);
      break;

    case SP_SUMMARY_BLOCK_NOTE:
      {
        g_autofree char *escaped = g_markup_escape_text (block->text, -1);
        g_autofree char *markup = g_strdup_printf ("<b>%s</b>", escaped);

        marker = make_layout (context, &font_body, block->key ? block->key : "•", 0);
        layout = make_markup_layout (context, &font_body, markup, width - BULLET_INDENT);
        add_lines (self, index, layout, MARGIN_SIDE + BULLET_INDENT, 6,
                   block->tone == SP_SUMMARY_TONE_FUNDING ? fund_ink : ink,
                   FALSE, TRUE, marker, MARGIN_SIDE + 1, 0);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static double
body_top (guint page)
{
  return MARGIN_TOP + (page > 0 ? HEADER_HEIGHT : 0);
}

static double
body_bottom (SpReportLayout *self)
{
  return self->height - MARGIN_BOTTOM - FOOTER_HEIGHT;
}

static Page *
new_page (SpReportLayout *self)
{
  Page page = { g_array_new (FALSE, FALSE, sizeof (Placed)) };

  g_array_append_val (self->pages, page);
  return &g_array_index (self->pages, Page, self->pages->len - 1);
}

static void
place (Page   *page,
       Box    *box,
       double  y)
{
  Placed placed = { box, y };

  g_array_append_val (page->placed, placed);
}

/* The space from box @i to the end of its chain of boxes kept together,
 * as it would be at @y. Chains longer than a page are cut where they stop
 * fitting, and the rest flows on. */
static double
chain_height (SpReportLayout *self,
              guint           i,
              gboolean        at_top)
{
  double height = 0;

  for (guint k = i; k < self->boxes->len; k++)
    {
      Box *box = g_ptr_array_index (self->boxes, k);

      if (!(k == i && at_top))
        height += box->space_before;
      height += box->height;
      if (!box->keep_with_next || k - i >= 12)
        break;
    }
  return height;
}

static void
paginate (SpReportLayout *self)
{
  Page *page = new_page (self);
  guint page_index = 0;
  double y = body_top (0);
  double bottom = body_bottom (self);
  Box *table_header = NULL;

  for (guint i = 0; i < self->boxes->len; i++)
    {
      Box *box = g_ptr_array_index (self->boxes, i);
      gboolean at_top = page->placed->len == 0;
      double needed = chain_height (self, i, at_top);
      gboolean repeat_header = FALSE;

      if (box->kind == BOX_TABLE_HEADER)
        table_header = box;
      else if (box->kind != BOX_TABLE_ROW)
        table_header = NULL;

      if (!at_top && (box->starts_page || y + needed > bottom + 0.01))
        {
          page = new_page (self);
          page_index++;
          y = body_top (page_index);
          at_top = TRUE;
          repeat_header = box->kind == BOX_TABLE_ROW && table_header != NULL;
        }

      if (repeat_header)
        {
          place (page, table_header, y);
          y += table_header->height;
          at_top = FALSE;
        }

      if (!at_top)
        y += box->space_before;
      place (page, box, y);
      y += box->height;
    }
}

/**
 * sp_report_layout_new:
 * @summary: what to lay out
 * @page_width: the page's width in points
 * @page_height: the page's height in points
 * @context: (nullable): the Pango context to shape text with, in points
 *   (a GtkPrintContext's), or %NULL for sp_report_create_pango_context()
 *
 * Shapes the whole summary and breaks it into pages.
 *
 * Returns: (transfer full): the layout
 */
SpReportLayout *
sp_report_layout_new (SpSummary    *summary,
                      double        page_width,
                      double        page_height,
                      PangoContext *context)
{
  SpReportLayout *self;
  const SpSummaryBlock *previous = NULL;

  g_return_val_if_fail (SP_IS_SUMMARY (summary), NULL);
  g_return_val_if_fail (page_width > 2 * MARGIN_SIDE + 300, NULL);
  g_return_val_if_fail (page_height > MARGIN_TOP + MARGIN_BOTTOM + 300, NULL);
  g_return_val_if_fail (context == NULL || PANGO_IS_CONTEXT (context), NULL);

  self = g_object_new (SP_TYPE_REPORT_LAYOUT, NULL);
  self->summary = g_object_ref (summary);
  self->context = context ? g_object_ref (context) : sp_report_create_pango_context ();
  self->width = page_width;
  self->height = page_height;
  self->content_width = page_width - 2 * MARGIN_SIDE;

  for (guint i = 0; i < sp_summary_get_n_blocks (summary); i++)
    {
      const SpSummaryBlock *block = sp_summary_get_block (summary, i);

      guint first_box = self->boxes->len;

      add_block_boxes (self, i, block, previous);
      if (block->section == SP_SUMMARY_SECTION_APPENDIX &&
          (previous == NULL || previous->section != SP_SUMMARY_SECTION_APPENDIX) &&
          first_box < self->boxes->len)
        ((Box *) g_ptr_array_index (self->boxes, first_box))->starts_page = TRUE;
      previous = block;
    }
  paginate (self);
  return self;
}

SpSummary *
sp_report_layout_get_summary (SpReportLayout *self)
{
  g_return_val_if_fail (SP_IS_REPORT_LAYOUT (self), NULL);
  return self->summary;
}

guint
sp_report_layout_get_n_pages (SpReportLayout *self)
{
  g_return_val_if_fail (SP_IS_REPORT_LAYOUT (self), 0);
  return self->pages->len;
}

/**
 * sp_report_layout_get_page_blocks:
 * @first_block: (out) (optional): the summary block the page begins in
 * @last_block: (out) (optional): the block the page ends in
 *
 * Which blocks of the summary a page shows, for tests and for a print
 * preview's page titles. A repeated table header counts as its table.
 *
 * Returns: %FALSE when @page is out of range or empty
 */
gboolean
sp_report_layout_get_page_blocks (SpReportLayout *self,
                                  guint           page,
                                  guint          *first_block,
                                  guint          *last_block)
{
  const Page *p;

  g_return_val_if_fail (SP_IS_REPORT_LAYOUT (self), FALSE);

  if (page >= self->pages->len)
    return FALSE;
  p = &g_array_index (self->pages, Page, page);
  if (p->placed->len == 0)
    return FALSE;
  if (first_block)
    *first_block = g_array_index (p->placed, Placed, 0).box->block;
  if (last_block)
    *last_block = g_array_index (p->placed, Placed, p->placed->len - 1).box->block;
  return TRUE;
}

static void
set_colour (cairo_t   *cr,
            const Rgb *colour)
{
  cairo_set_source_rgb (cr, colour->r, colour->g, colour->b);
}

static void
show_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y,
             const Rgb   *colour)
{
  set_colour (cr, colour);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_box (SpReportLayout *self,
          cairo_t        *cr,
          const Box      *box,
          double          y)
{
  double left = MARGIN_SIDE;
  double right = self->width - MARGIN_SIDE;

  switch (box->kind)
    {
    case BOX_LINE:
      if (box->bar_x > 0)
        {
          cairo_rectangle (cr, box->bar_x, y, 2.0, box->height);
          set_colour (cr, &rule);
          cairo_fill (cr);
        }
      if (box->marker)
        {
          PangoLayoutLine *first = pango_layout_get_line_readonly (box->marker, 0);

          set_colour (cr, &box->colour);
          cairo_move_to (cr, box->marker_x, y + box->baseline);
          pango_cairo_show_layout_line (cr, first);
        }
      set_colour (cr, &box->colour);
      cairo_move_to (cr, box->x, y + box->baseline);
      pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (box->layout, box->line));
      break;

    case BOX_KEY_VALUE:
      show_layout (cr, box->cells[0], box->cell_x[0], y, &box->cell_colour[0]);
      show_layout (cr, box->cells[1], box->cell_x[1], y, &box->cell_colour[1]);
      break;

    case BOX_TABLE_HEADER:
      cairo_rectangle (cr, left, y, right - left, box->height);
      set_colour (cr, &header_bg);
      cairo_fill (cr);
      for (guint c = 0; c < TABLE_COLUMNS; c++)
        {
          cairo_tag_begin (cr, "TH", NULL);
          show_layout (cr, box->cells[c], box->cell_x[c], y + CELL_PAD_Y, &box->cell_colour[c]);
          cairo_tag_end (cr, "TH");
        }
      cairo_set_line_width (cr, 0.8);
      set_colour (cr, &quiet);
      cairo_move_to (cr, left, y + box->height);
      cairo_line_to (cr, right, y + box->height);
      cairo_stroke (cr);
      break;

    case BOX_TABLE_ROW:
      if (box->shaded)
        {
          cairo_rectangle (cr, left, y, right - left, box->height);
          cairo_set_source_rgb (cr, 0.975, 0.978, 0.982);
          cairo_fill (cr);
        }
      for (guint c = 0; c < TABLE_COLUMNS; c++)
        {
          cairo_tag_begin (cr, "TD", NULL);
          show_layout (cr, box->cells[c], box->cell_x[c], y + CELL_PAD_Y, &box->cell_colour[c]);
          cairo_tag_end (cr, "TD");
        }
      cairo_set_line_width (cr, 0.5);
      set_colour (cr, &rule);
      cairo_move_to (cr, left, y + box->height);
      cairo_line_to (cr, right, y + box->height);
      cairo_stroke (cr);
      break;

    case BOX_BANNER:
      {
        const Rgb *fg = box->tone == SP_SUMMARY_TONE_URGENT ? &urgent_ink : &warn_ink;
        const Rgb *bg = box->tone == SP_SUMMARY_TONE_URGENT ? &urgent_bg : &warn_bg;
        double title_height = layout_height (box->cells[1]);

        cairo_rectangle (cr, left, y, right - left, box->height);
        set_colour (cr, bg);
        cairo_fill_preserve (cr);
        cairo_set_line_width (cr, 1.0);
        set_colour (cr, fg);
        cairo_stroke (cr);
        cairo_rectangle (cr, left, y, 4.0, box->height);
        cairo_fill (cr);
        show_layout (cr, box->cells[0], box->cell_x[0], y + 8, fg);
        show_layout (cr, box->cells[1], box->cell_x[1], y + 10, fg);
        show_layout (cr, box->cells[2], box->cell_x[2], y + 10 + title_height + 3, &ink);
      }
      break;

    case BOX_RULE:
      if (box->rule_visible)
        {
          cairo_set_line_width (cr, 0.6);
          set_colour (cr, &rule);
          cairo_move_to (cr, left, y + 2.5);
          cairo_line_to (cr, right, y + 2.5);
          cairo_stroke (cr);
        }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
draw_furniture (SpReportLayout *self,
                cairo_t        *cr,
                guint           page)
{
  g_autofree char *footer = sp_summary_dup_footer (self->summary);
  g_autofree char *number = g_strdup_printf (_("Page %u of %u"), page + 1, self->pages->len);
  g_autoptr(PangoLayout) left = NULL;
  g_autoptr(PangoLayout) right = NULL;
  const char *running = sp_summary_get_running_header (self->summary);
  double footer_y = self->height - MARGIN_BOTTOM - FOOTER_HEIGHT + 12;
  int number_width;

  right = make_layout (self->context, &font_footer, number, 0);
  pango_layout_get_size (right, &number_width, NULL);
  left = make_layout (self->context, &font_footer, footer,
                      self->content_width - (double) number_width / PANGO_SCALE - 20);

  cairo_set_line_width (cr, 0.5);
  set_colour (cr, &rule);
  cairo_move_to (cr, MARGIN_SIDE, footer_y - 5);
  cairo_line_to (cr, self->width - MARGIN_SIDE, footer_y - 5);
  cairo_stroke (cr);
  show_layout (cr, left, MARGIN_SIDE, footer_y, &quiet);
  show_layout (cr, right, self->width - MARGIN_SIDE - (double) number_width / PANGO_SCALE,
               footer_y, &quiet);

  /* Every page after the first says whose it is, as a letter would. */
  if (page > 0)
    {
      g_autofree char *text = running
                              ? g_strdup_printf ("%s — %s", sp_summary_get_title (self->summary), running)
                              : g_strdup (sp_summary_get_title (self->summary));
      g_autoptr(PangoLayout) header = make_layout (self->context, &font_footer, text, self->content_width);

      /* One line, ellipsized: a long name must not run down into the body. */
      pango_layout_set_ellipsize (header, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (header, -1);
      show_layout (cr, header, MARGIN_SIDE, MARGIN_TOP - 4, &quiet);
    }
}

/* Tagged PDF: the structure a screen reader follows. Each block is one
 * element (a heading, a paragraph, a list item, a table and its rows),
 * however many boxes it was laid out in; consecutive list items make a
 * list. Elements are closed at the end of a page, so a table or list that
 * runs on is two. Surfaces other than PDF ignore tags. */

static const char *
block_tag (const SpSummaryBlock *block)
{
  switch (block->kind)
    {
    case SP_SUMMARY_BLOCK_TITLE:          return "H1";
    case SP_SUMMARY_BLOCK_HEADING:        return block->level <= 1 ? "H2" : "H3";
    case SP_SUMMARY_BLOCK_DECISION_TABLE: return "Table";
    case SP_SUMMARY_BLOCK_LIST_ITEM:      return "LI";
    case SP_SUMMARY_BLOCK_QUOTE:          return "BlockQuote";
    case SP_SUMMARY_BLOCK_PARAGRAPH:
    case SP_SUMMARY_BLOCK_KEY_VALUE:
    case SP_SUMMARY_BLOCK_BANNER:
    case SP_SUMMARY_BLOCK_NOTE:
    default:                              return "P";
    }
}

typedef struct {
  cairo_t    *cr;
  gint        block;     /* the block whose element is open, or -1 */
  const char *tag;
  gboolean    in_list;
} Tagger;

static void
tagger_close (Tagger *tagger)
{
  if (tagger->block >= 0)
    cairo_tag_end (tagger->cr, tagger->tag);
  tagger->block = -1;
}

static void
tagger_close_list (Tagger *tagger)
{
  if (tagger->in_list)
    cairo_tag_end (tagger->cr, "L");
  tagger->in_list = FALSE;
}

static void
tagger_enter (Tagger               *tagger,
              guint                 index,
              const SpSummaryBlock *block)
{
  if (tagger->block == (gint) index)
    return;
  tagger_close (tagger);
  if (block->kind != SP_SUMMARY_BLOCK_LIST_ITEM)
    tagger_close_list (tagger);
  else if (!tagger->in_list)
    {
      cairo_tag_begin (tagger->cr, "L", NULL);
      tagger->in_list = TRUE;
    }
  tagger->block = index;
  tagger->tag = block_tag (block);
  cairo_tag_begin (tagger->cr, tagger->tag, NULL);
}

/**
 * sp_report_layout_draw_page:
 * @cr: a context whose user space is the page, in points
 * @page: from 0
 *
 * Draws one page: the page's boxes, the running header and the footer
 * ("Page n of m", the version, the disclaimer). It does not show the page.
 */
void
sp_report_layout_draw_page (SpReportLayout *self,
                            cairo_t        *cr,
                            guint           page)
{
  const Page *p;

  g_return_if_fail (SP_IS_REPORT_LAYOUT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->pages->len);

  p = &g_array_index (self->pages, Page, page);
  cairo_save (cr);
  {
    Tagger tagger = { cr, -1, NULL, FALSE };

    for (guint i = 0; i < p->placed->len; i++)
      {
        const Placed *placed = &g_array_index (p->placed, Placed, i);
        const SpSummaryBlock *block = sp_summary_get_block (self->summary, placed->box->block);
        gboolean row = placed->box->kind == BOX_TABLE_ROW || placed->box->kind == BOX_TABLE_HEADER;

        /* A rule is decoration, not content: drawn outside the structure. */
        if (placed->box->kind == BOX_RULE)
          {
            tagger_close (&tagger);
            draw_box (self, cr, placed->box, placed->y);
            continue;
          }
        tagger_enter (&tagger, placed->box->block, block);
        /* Each box its own marked content within the block's element:
         * with cairo 1.16 an element holding several lines drawn one by
         * one otherwise kept only the first in its structure (poppler's
         * pdfinfo -struct-text read "decision support" for the title, not
         * "decision support summary"). */
        cairo_tag_begin (cr, row ? "TR" : "Span", NULL);
        draw_box (self, cr, placed->box, placed->y);
        cairo_tag_end (cr, row ? "TR" : "Span");
      }
    tagger_close (&tagger);
    tagger_close_list (&tagger);
  }
  draw_furniture (self, cr, page);
  cairo_restore (cr);
}
