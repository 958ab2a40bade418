/* sp-summary.h: what a summary for the patient's record says, once
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-core.h"

G_BEGIN_DECLS

#define SP_TYPE_SUMMARY (sp_summary_get_type ())

G_DECLARE_FINAL_TYPE (SpSummary, sp_summary, SP, SUMMARY, GObject)

/**
 * SpSummaryFlags:
 * @SP_SUMMARY_NONE: the summary names nobody
 * @SP_SUMMARY_INCLUDE_IDENTIFIERS: include the patient's name, NHS number and
 *   date of birth, and the clinician's name and role
 * @SP_SUMMARY_OMIT_REASONS: leave out the appendix (the reasons, quoted
 *   policy text and readings, the facts recorded and the references); the
 *   header, the decisions (with what is not met), what is still to
 *   record, the advice and the notes stay
 */
typedef enum {
  SP_SUMMARY_NONE                = 0,
  SP_SUMMARY_INCLUDE_IDENTIFIERS = 1 << 0,
  SP_SUMMARY_OMIT_REASONS        = 1 << 1,
} SpSummaryFlags;

/**
 * SpSummaryBlockKind:
 * @SP_SUMMARY_BLOCK_TITLE: the document's title
 * @SP_SUMMARY_BLOCK_HEADING: a heading; `level` is 1 (section) or 2; `key`,
 *   when set, a status glyph the PDF shows before it
 * @SP_SUMMARY_BLOCK_PARAGRAPH: running text
 * @SP_SUMMARY_BLOCK_KEY_VALUE: `key`: `text`, one line of a list of such lines
 * @SP_SUMMARY_BLOCK_DECISION_TABLE: a table of decisions, in `rows`
 * @SP_SUMMARY_BLOCK_QUOTE: policy text quoted verbatim, `key` naming the clause;
 *   `text` is empty when the clause was quoted earlier in the summary
 * @SP_SUMMARY_BLOCK_BANNER: `key` is the banner's title, `text` its detail
 * @SP_SUMMARY_BLOCK_LIST_ITEM: one item of a bulleted list
 * @SP_SUMMARY_BLOCK_NOTE: a remark set apart, with the glyph in `key`
 */
typedef enum {
  SP_SUMMARY_BLOCK_TITLE,
  SP_SUMMARY_BLOCK_HEADING,
  SP_SUMMARY_BLOCK_PARAGRAPH,
  SP_SUMMARY_BLOCK_KEY_VALUE,
  SP_SUMMARY_BLOCK_DECISION_TABLE,
  SP_SUMMARY_BLOCK_QUOTE,
  SP_SUMMARY_BLOCK_BANNER,
  SP_SUMMARY_BLOCK_LIST_ITEM,
  SP_SUMMARY_BLOCK_NOTE,
} SpSummaryBlockKind;

/**
 * SpSummarySection:
 * @SP_SUMMARY_SECTION_HEADER: title, dates, policy and who it is about
 * @SP_SUMMARY_SECTION_DECISIONS: the banner and the decision tables
 * @SP_SUMMARY_SECTION_DETAILS: advisories and notes
 * @SP_SUMMARY_SECTION_APPENDIX: reasons, policy text and readings, the
 *   facts recorded and the references; the PDF starts it on a page of its
 *   own, so that the first page reads without it
 *
 * The PDF and the plain text print the blocks in their order: who and what
 * the summary is about first, then the decisions, then the details, then
 * the appendix. The words are the same; the text leaves out the glyphs.
 */
typedef enum {
  SP_SUMMARY_SECTION_HEADER,
  SP_SUMMARY_SECTION_DECISIONS,
  SP_SUMMARY_SECTION_DETAILS,
  SP_SUMMARY_SECTION_APPENDIX,
} SpSummarySection;

/**
 * SpSummaryTone:
 *
 * How loudly a block speaks: colour in the PDF, capitals in the text.
 */
typedef enum {
  SP_SUMMARY_TONE_NORMAL,
  SP_SUMMARY_TONE_URGENT,
  SP_SUMMARY_TONE_WARNING,
  SP_SUMMARY_TONE_FUNDING,
} SpSummaryTone;

typedef struct {
  char     *decision_id;
  SpStatus  status;
  char     *intervention;
  char     *unmet;         /* what is not met, in the case's words, or "" */
} SpSummaryRow;

typedef struct {
  SpSummaryBlockKind  kind;
  SpSummarySection    section;
  SpSummaryTone       tone;
  guint               level;       /* headings: 1 or 2 */
  char               *key;         /* nullable */
  char               *text;        /* never NULL */
  GArray             *rows;        /* SpSummaryRow; decision tables only */
} SpSummaryBlock;

/* The summary's set sentences, in English: the summary shows them through
 * gettext, and tests (in the C locale) look for them. SP_N_ marks them for
 * xgettext (po/meson.build passes --keyword=SP_N_) and changes nothing. */
#define SP_N_(text) text
#define SP_SUMMARY_TITLE      SP_N_("Spinal pain interventions: decision support summary")
#define SP_SUMMARY_DISCLAIMER SP_N_("Decision support, not a decision: clinical judgement applies.")
#define SP_SUMMARY_SUPPORTED_LEGEND \
  SP_N_("Supported: the policy's criteria are met and the intervention can be considered, " \
        "usually as a multidisciplinary team decision. This is not a funding approval.")
#define SP_SUMMARY_REASONS_OMITTED \
  SP_N_("Appendix left out: the full summary adds the reasons, the policy text, its readings and the facts recorded.")
#define SP_SUMMARY_FUNDING_NOTE \
  SP_N_("An individual funding request may be made. This is not an approval.")

SpSummary            *sp_summary_new                  (SpEvaluation   *evaluation,
                                                       SpSummaryFlags  flags,
                                                       GDateTime      *generated_at,
                                                       const char     *app_version) G_GNUC_WARN_UNUSED_RESULT;

SpSummaryFlags        sp_summary_get_flags            (SpSummary      *self);
GDateTime            *sp_summary_get_generated_at     (SpSummary      *self);
const char           *sp_summary_get_app_version      (SpSummary      *self);
const char           *sp_summary_get_title            (SpSummary      *self);
const char           *sp_summary_get_author           (SpSummary      *self);
const char           *sp_summary_get_language         (SpSummary      *self);
const char           *sp_summary_get_running_header   (SpSummary      *self);
char                 *sp_summary_dup_creator          (SpSummary      *self);
char                 *sp_summary_dup_footer           (SpSummary      *self);

guint                 sp_summary_get_n_blocks         (SpSummary      *self);
const SpSummaryBlock *sp_summary_get_block            (SpSummary      *self,
                                                       guint           index);

char                 *sp_summary_to_text              (SpSummary      *self);

const char           *sp_summary_status_get_icon      (SpStatus        status);

G_END_DECLS
