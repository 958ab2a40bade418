/* sp-types.h: forward declarations and the enumerations shared by the core
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* The core is the clinical engine: it must build and be tested without any
 * toolkit, so a GTK include in its sources is a layering error, not a
 * convenience. (The core's targets also have no GTK include path.) */
#if defined (SP_CORE_COMPILATION) && (defined (GTK_MAJOR_VERSION) || defined (__GTK_H_INSIDE__))
# error "src/core must not include GTK: it is linked by the CLI and the engine tests"
#endif

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _SpAdvisory       SpAdvisory;
typedef struct _SpAdvisoryRule   SpAdvisoryRule;
typedef struct _SpCase           SpCase;
typedef struct _SpClause         SpClause;
typedef struct _SpDecision       SpDecision;
typedef struct _SpDecisionRule   SpDecisionRule;
typedef struct _SpEvaluation     SpEvaluation;
typedef struct _SpExpr           SpExpr;
typedef struct _SpFact           SpFact;
typedef struct _SpInterpretation SpInterpretation;
typedef struct _SpPolicy         SpPolicy;

/**
 * SpFactType:
 * @SP_FACT_BOOLEAN: yes or no
 * @SP_FACT_CHOICE: one of the fact's choices
 * @SP_FACT_CHOICE_LIST: any number of the fact's choices; an empty list is a recorded answer
 * @SP_FACT_INTEGER: a whole number within the fact's range
 * @SP_FACT_NUMBER: a number within the fact's range
 * @SP_FACT_DATE: a calendar date
 * @SP_FACT_STRING: free text, optionally matching a pattern
 * @SP_FACT_DECISION_LIST: a list of decision ids of the policy
 */
typedef enum {
  SP_FACT_BOOLEAN,
  SP_FACT_CHOICE,
  SP_FACT_CHOICE_LIST,
  SP_FACT_INTEGER,
  SP_FACT_NUMBER,
  SP_FACT_DATE,
  SP_FACT_STRING,
  SP_FACT_DECISION_LIST,
} SpFactType;

/**
 * SpStatus:
 *
 * The contract's decision statuses, in no order of precedence.
 */
typedef enum {
  SP_STATUS_URGENT_REFERRAL,
  SP_STATUS_SUPPORTED,
  SP_STATUS_CRITERIA_NOT_MET,
  SP_STATUS_NEEDS_INFORMATION,
  SP_STATUS_NOT_NORMALLY_FUNDED,
  SP_STATUS_EXCEPTIONAL_CASE,
} SpStatus;

#define SP_N_STATUSES 6

/**
 * SpReasonKind:
 * @SP_REASON_RULE: the policy's own reason for the status
 * @SP_REASON_MET: a criterion met (a supported decision lists them)
 * @SP_REASON_UNMET: a criterion not met, in the case's words
 * @SP_REASON_IMPLIED: a fact the recorded ones settle, and what settles it
 * @SP_REASON_PRECEDENCE: a red flag, the screening gate or suspected
 *   serious pathology overriding the rule
 * @SP_REASON_FUNDING: what individual funding allows
 * @SP_REASON_MISSING: what is still needed
 *
 * What a reason is, so views can group reasons without reading them.
 */
typedef enum {
  SP_REASON_RULE,
  SP_REASON_MET,
  SP_REASON_UNMET,
  SP_REASON_IMPLIED,
  SP_REASON_PRECEDENCE,
  SP_REASON_FUNDING,
  SP_REASON_MISSING,
} SpReasonKind;

/**
 * SpTruth:
 *
 * The engine's three truth values. Unknown is a value of its own, never a
 * synonym for false: a clinician who has not answered has not said no.
 */
typedef enum {
  SP_TRUTH_FALSE,
  SP_TRUTH_TRUE,
  SP_TRUTH_UNKNOWN,
} SpTruth;

#define SP_ERROR (sp_error_quark ())

/**
 * SpError:
 * @SP_ERROR_INVALID_POLICY: a policy file breaks the schema
 * @SP_ERROR_INVALID_CASE: a case file breaks the contract
 * @SP_ERROR_NEWER_FORMAT: a case file written by a newer version
 * @SP_ERROR_FAILED: anything else
 */
typedef enum {
  SP_ERROR_INVALID_POLICY,
  SP_ERROR_INVALID_CASE,
  SP_ERROR_NEWER_FORMAT,
  SP_ERROR_FAILED,
} SpError;

GQuark       sp_error_quark          (void);

const char  *sp_status_to_string     (SpStatus    status);
gboolean     sp_status_from_string   (const char *text,
                                      SpStatus   *status);
const char  *sp_status_get_label     (SpStatus    status);

const char  *sp_fact_type_to_string  (SpFactType  type);

G_END_DECLS
