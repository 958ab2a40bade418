/* sp-report.h: summaries for the patient's record, as text and as PDF
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-summary.h"
#include "sp-report-layout.h"
#include "sp-report-pdf.h"
