/* sp-core.h: the policy model and engine, everything public in one include
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-types.h"
#include "sp-advisory.h"
#include "sp-advisory-rule.h"
#include "sp-case.h"
#include "sp-case-assessment.h"
#include "sp-case-session.h"
#include "sp-case-relevance.h"
#include "sp-clause.h"
#include "sp-date.h"
#include "sp-decision.h"
#include "sp-decision-rule.h"
#include "sp-draft-store.h"
#include "sp-evaluation.h"
#include "sp-fact.h"
#include "sp-file-util.h"
#include "sp-interpretation.h"
#include "sp-nhs-number.h"
#include "sp-policy.h"
#include "sp-result-json.h"
#include "sp-settings.h"
