/* sp-core-private.h: what the policy loader, the engine and the case file
 * reader share, and nobody outside src/core may touch
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "sp-expr.h"
#include "sp-fact.h"
#include "sp-interpretation.h"
#include "sp-value.h"

G_BEGIN_DECLS

#define SP_MAX_ROWS 16

/* Errors name the file and the member, always in the same shape, so a
 * clinician or a commissioner can find the line to fix. */
void     sp_set_member_error       (GError    **error,
                                    SpError     code,
                                    const char *file,
                                    const char *member,
                                    const char *format,
                                    ...) G_GNUC_PRINTF (5, 6);

void     sp_clause_add_item        (SpClause    *self,
                                    guint        level,
                                    const char  *text);
void     sp_append_printable       (GString     *out,
                                    const char  *text);
char    *sp_printable_line         (const char  *text);

SpFact  *sp_fact_new_from_json     (JsonObject  *object,
                                    const char  *file,
                                    const char  *path,
                                    guint        index,
                                    GError     **error);
void     sp_fact_set_choices       (SpFact      *self,
                                    GPtrArray   *ids,
                                    GPtrArray   *labels);
void     sp_fact_take_relevant_when (SpFact     *self,
                                     SpExpr     *expr);
void     sp_fact_take_asked_when   (SpFact      *self,
                                    SpExpr      *expr);
void     sp_fact_set_defaults_to_today (SpFact  *self,
                                        gboolean default_today);
/* A JSON value as the fact checker sees it, whichever reader read it. */
typedef enum {
  SP_JSON_KIND_NULL,          /* absent or null: not recorded */
  SP_JSON_KIND_BOOLEAN,
  SP_JSON_KIND_NUMBER,
  SP_JSON_KIND_STRING,
  SP_JSON_KIND_ARRAY,
  SP_JSON_KIND_OTHER,         /* an object */
} SpJsonKind;

typedef struct {
  SpJsonKind          kind;
  gboolean            boolean;
  double              number;
  const char         *string;
  const char * const *items;  /* an array's elements; NULL for one that is not a string */
  guint               n_items;
} SpJsonScalar;

gboolean sp_fact_check_value       (SpFact      *self,
                                    const SpJsonScalar *input,
                                    SpValue     *value,
                                    char       **problem);
gboolean sp_fact_parse_value       (SpFact      *self,
                                    JsonNode    *node,
                                    SpValue     *value,
                                    char       **problem);
void     sp_fact_write_value       (SpFact      *self,
                                    const SpValue *value,
                                    JsonBuilder *builder);
char    *sp_fact_describe_value    (SpFact      *self,
                                    const SpValue *value);
void     sp_fact_get_full_domain   (SpFact      *fact,
                                    SpDomain    *domain);
gboolean sp_fact_reads_values_as   (SpFact      *self,
                                    SpFact      *other);

void     sp_value_clear            (SpValue     *value);
void     sp_value_copy             (SpValue       *dest,
                                    const SpValue *src);
gboolean sp_value_equal            (const SpValue *a,
                                    const SpValue *b);

G_END_DECLS

G_BEGIN_DECLS

/* Strict readers for the policy and case files. Each names @file and the
 * member path in its error; "required" members that are absent are errors,
 * optional ones return the fallback. */
gboolean    sp_json_check_members    (JsonObject  *object,
                                      const char * const *allowed,
                                      const char  *file,
                                      const char  *path,
                                      SpError      code,
                                      GError     **error);
JsonObject *sp_json_get_object       (JsonObject  *object,
                                      const char  *member,
                                      gboolean     required,
                                      const char  *file,
                                      const char  *path,
                                      SpError      code,
                                      GError     **error);
JsonArray  *sp_json_get_array        (JsonObject  *object,
                                      const char  *member,
                                      gboolean     required,
                                      const char  *file,
                                      const char  *path,
                                      SpError      code,
                                      GError     **error);
gboolean    sp_json_get_string       (JsonObject  *object,
                                      const char  *member,
                                      gboolean     required,
                                      const char  *file,
                                      const char  *path,
                                      SpError      code,
                                      const char **out,
                                      GError     **error);
gboolean    sp_json_get_number       (JsonObject  *object,
                                      const char  *member,
                                      gboolean     required,
                                      const char  *file,
                                      const char  *path,
                                      SpError      code,
                                      double      *out,
                                      GError     **error);
gboolean    sp_json_get_boolean      (JsonObject  *object,
                                      const char  *member,
                                      const char  *file,
                                      const char  *path,
                                      SpError      code,
                                      gboolean    *out,
                                      GError     **error);
char       *sp_json_member_path      (const char  *path,
                                      const char  *member);
gboolean    sp_json_node_is_number   (JsonNode    *node);

G_END_DECLS

G_BEGIN_DECLS

/* One row of a decision's rule: the first row whose condition holds decides. */
typedef struct {
  SpExpr    *when;              /* NULL on the last row: it always holds */
  SpStatus   status;
  char      *reason;
  /* Ids are interned (g_intern_string()), so one id is one address: an
   * explanation tells them apart by comparing pointers. The arrays are
   * NULL-terminated and owned; the strings are not. */
  const char **clause_ids;
  const char **interpretation_ids;
} SpRuleRow;

SpDecisionRule  *sp_decision_rule_new        (const char *id,
                                              const char *pathway,
                                              const char *label,
                                              guint       index,
                                              gboolean    surgical,
                                              gboolean    support_on_serious_pathology);
void             sp_decision_rule_add_row    (SpDecisionRule *self,
                                              SpRuleRow      *row);
const SpRuleRow *sp_decision_rule_get_rows   (SpDecisionRule *self,
                                              guint          *n_rows);
const SpFactSet *sp_decision_rule_get_facts_read (SpDecisionRule *self);

SpAdvisoryRule  *sp_advisory_rule_new        (const char *id,
                                              const char *text,
                                              SpExpr     *when,
                                              const char **clause_ids);
const SpExpr    *sp_advisory_rule_get_when   (SpAdvisoryRule *self);
void             sp_advisory_rule_add_finding (SpAdvisoryRule *self,
                                               SpExpr         *when,
                                               const char     *text);
void             sp_advisory_rule_set_banner  (SpAdvisoryRule *self,
                                               const char     *banner);
void             sp_advisory_rule_add_variant (SpAdvisoryRule *self,
                                               SpExpr         *when,
                                               const char     *text);
char            *sp_advisory_rule_dup_text_for (SpAdvisoryRule      *self,
                                                const SpEvalContext *context);

G_END_DECLS

G_BEGIN_DECLS

#define SP_MAX_RED_FLAGS 16

/* The contract's precedence steps, with the facts they read named by the
 * policy file rather than by C code. */
typedef struct {
  guint    red_flags[SP_MAX_RED_FLAGS];
  guint    n_red_flags;
  guint    serious_pathology;
  guint64  urgent_pathologies;    /* choices of serious_pathology that are red flags */
  gint     assessment_date;       /* -1 when the policy has none */
  guint    exceptional_impairment;
  guint    exceptional_interventions;
  gint     care_setting;          /* -1 when the policy names none */
  /* Interned, as in SpRuleRow */
  const char  *red_flags_clause;
  const char  *serious_pathology_clause;
  const char  *exceptional_clause;
  const char **serious_pathology_interpretations;
} SpScreening;

typedef struct {
  char    *id;
  char    *member;
  SpExpr  *must;
  char    *message;
  SpFactSet reads;      /* every fact @must reads */
  SpFactSet narrows;    /* the facts whose values it can narrow: read by value,
                         * never asked only whether they are recorded */
} SpConstraint;

const SpScreening  *sp_policy_get_screening    (SpPolicy *self);
const SpConstraint *sp_policy_get_constraints  (SpPolicy *self,
                                                guint    *n_constraints);
GPtrArray          *sp_policy_get_fact_array   (SpPolicy *self);
/* Per fact, for the engine's inner loops: no type checks, no lookups. */
const SpDomain     *sp_policy_get_full_domains (SpPolicy *self);
const guint8       *sp_policy_get_fact_types   (SpPolicy *self);
GPtrArray          *sp_policy_get_decision_array (SpPolicy *self);
GPtrArray          *sp_policy_get_advisory_array (SpPolicy *self);
const char         *sp_policy_get_interpretation_sentence (SpPolicy   *self,
                                                           const char *interpretation_id);
const char         *sp_policy_get_interned_interpretation_sentence (SpPolicy   *self,
                                                                    const char *interned_id);
gboolean            sp_policy_reads_cases_as   (SpPolicy *self,
                                                SpPolicy *other);

G_END_DECLS

G_BEGIN_DECLS

const SpValue *sp_case_get_values       (SpCase        *self);
void           sp_case_set_value        (SpCase        *self,
                                         guint          fact_index,
                                         const SpValue *value);
gboolean       sp_case_check_constraints (SpCase       *self,
                                          const char   *file,
                                          GError      **error);

G_END_DECLS

G_BEGIN_DECLS

SpCase  *sp_case_new_from_json_node  (SpPolicy       *policy,
                                      JsonNode       *root,
                                      const char     *display_name,
                                      GError        **error);
gboolean sp_is_sha256_hex            (const char     *text);
gboolean sp_values_from_json_node    (SpPolicy       *policy,
                                      JsonNode       *root,
                                      const char     *file,
                                      guint32         today,
                                      SpValue        *values,
                                      SpCase         *case_,
                                      GError        **error);
gboolean sp_values_check_constraints (SpPolicy       *policy,
                                      const SpValue  *values,
                                      guint32         today,
                                      const char     *file,
                                      GError        **error);

G_END_DECLS

#include "sp-engine.h"

G_BEGIN_DECLS

SpDecision *sp_decision_new    (SpDecisionRule      *rule);
void        sp_decision_update (SpDecision          *self,
                                SpStatus             status,
                                const SpExplanation *explanation);

G_END_DECLS

G_BEGIN_DECLS

void sp_file_fail_writes_for_testing (guint after_bytes);

void        sp_interpretation_record_sign_off (SpInterpretation *self,
                                               const char       *by,
                                               const char       *date);

G_END_DECLS
