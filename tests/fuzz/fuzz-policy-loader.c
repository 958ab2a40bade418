/* fuzz-policy-loader.c: libFuzzer harness for the policy loader
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sp-core.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpPolicy) policy = sp_policy_new_from_bytes (bytes, "fuzz", &error);

  g_assert ((policy == NULL) != (error == NULL));
  return 0;
}
