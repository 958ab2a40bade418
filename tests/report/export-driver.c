/* export-driver.c: `export` as spinal-pathways-cli runs it, for the tests,
 * until the CLI's main.c dispatches to sp_cli_export()
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>

#include "sp-cli-export.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(SpPolicy) policy = NULL;
  g_autoptr(GError) error = NULL;

  setlocale (LC_ALL, "");
  if (!(policy = sp_policy_new_default (&error)))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return sp_cli_export (policy, argc - 1, argv + 1);
}
