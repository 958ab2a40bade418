/* sp-policy-diff.h: what a revision of the policy changes, in words
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* One line each, "kind: subject[: detail]", in the old policy's order.
 * Both roots must be policies the loader accepted: the walk trusts the
 * schema and only compares. */
GPtrArray *sp_policy_diff (JsonNode *old_root,
                           JsonNode *new_root) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
