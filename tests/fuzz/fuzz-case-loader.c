/* fuzz-case-loader.c: libFuzzer harness for the case file loader
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
  static SpPolicy *policy;
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpCase) case_ = NULL;

  if (policy == NULL)
    policy = sp_policy_new_default (NULL);
  g_assert (policy != NULL);

  case_ = sp_case_new_from_bytes (policy, bytes, "fuzz", &error);
  /* Exactly one of a case and an error, and an error is text. (It may
   * quote input with newlines or escapes in it: the CLI and the window
   * escape messages when they show them; see tests/fuzz/crashes.) */
  g_assert ((case_ == NULL) != (error == NULL));
  if (error != NULL)
    g_assert (g_utf8_validate (error->message, -1, NULL));
  return 0;
}
