/* test-json-gate.c: the strict JSON gate every input passes, row by row of
 * the hostile-input findings, and against the public JSONTestSuite
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sp-core.h"
#include "sp-core-private.h"
#include "sp-case-line-reader.h"
#include "sp-json-gate.h"

typedef struct {
  const char *json;
  const char *error;   /* NULL: accepted; else a fragment of the message */
} GateCase;

static void
check (const char *json,
       gsize       length,
       const char *error_fragment)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = sp_json_gate_check (json, length, "in.json", SP_ERROR_INVALID_CASE, NULL, &error);

  if (error_fragment == NULL)
    {
      if (!ok)
        g_error ("refused %s: %s", json, error->message);
      return;
    }
  if (ok)
    g_error ("accepted %s, expected \"%s\"", json, error_fragment);
  g_assert_error (error, SP_ERROR, SP_ERROR_INVALID_CASE);
  if (strstr (error->message, error_fragment) == NULL)
    g_error ("%s: message \"%s\" lacks \"%s\"", json, error->message, error_fragment);
  g_assert_true (g_str_has_prefix (error->message, "in.json: "));
}

static void
test_rules (void)
{
  static const GateCase cases[] = {
    { "{\"a\": 1}", NULL },
    { "\xEF\xBB\xBF{\"a\": 1}", NULL },                    /* a byte-order mark */
    { " [1, -0, 0.5, 1e3, -2.5E-3, true, false, null, \"\\u00e9\\ud83d\\ude00\"] ", NULL },
    { "", "empty" },
    { "   \n ", "empty" },
    /* duplicated members, at any level */
    { "{\"facts\": {\"red_flag_cauda_equina\": true, \"red_flag_cauda_equina\": false}}",
      "in.json: facts.red_flag_cauda_equina: this member appears twice" },
    { "{\"a\": 1, \"\\u0061\": 2}", "appears twice" },         /* the same name, escaped */
    { "[{\"x\": {\"y\": 1, \"y\": 1}}]", "[0].x.y: this member appears twice" },
    /* numbers that are not JSON, or do not fit */
    { "{\"w\": 012}", "in.json: w: a number cannot start with 0" },
    { "{\"w\": 0x0C}", "cannot start with 0" },
    { "{\"w\": 0b1100}", "cannot start with 0" },
    { "{\"w\": +1}", "not JSON" },
    { "{\"w\": .5}", "not JSON" },
    { "{\"w\": 1.}", "decimal point needs digits" },
    { "{\"w\": -99999999999999999999}", "too large to be read exactly" },
    { "{\"w\": 9223372036854775808}", "too large to be read exactly" },
    { "{\"w\": 1e999}", "too large" },
    { "{\"w\": 1e-999}", "too small" },
    { "{\"w\": NaN}", "not JSON" },
    /* anything after the value */
    { "{\"a\": 1}{\"a\": 2}", "something follows the JSON value" },
    { "{\"a\": 1}[]", "something follows the JSON value" },
    /* strings */
    { "{\"c\": \"sciatica\\u0000junk\"}", "in.json: c: \\u0000 is not allowed" },
    { "{\"n\": \"\\ud800\"}", "lone surrogate" },
    { "{\"n\": \"\\udc00\\ud800\"}", "lone surrogate" },
    { "{\"n\": \"tab\there\"}", "control character" },
    { "{\"n\": \"\\x41\"}", "not an escape" },
    { "{\"n\": \"\xC3\x28\"}", "not valid UTF-8" },
    { "{\"n\": 'single'}", "double quotes" },
    { "{\"n\": 1 /* comment */}", "expected" },
    { "// comment\n{}", "no comments" },
    { "{\"a\": [1, 2,]}", "not JSON" },
    { "{\"a\": 1,}", "member name must be a string" },
    { "{\"a\" 1}", "expected \":\"" },
    { "{\"a\": tru}", "not JSON" },
    { "{\"a\": [1, 2}", "expected \",\" or \"]\"" },
    { "{\"a\": 1", "ends before its object is closed" },
    /* a terminal escape sequence in a member name is shown escaped */
    { "{\"\x1b[31m\": 1, \"\x1b[31m\": 2}", "control character" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    check (cases[i].json, strlen (cases[i].json), cases[i].error);

  /* A NUL byte where a value or whitespace belongs. */
  check ("{\"a\": 1}\0", 9, "something follows");
  check ("\0{\"a\": 1}", 9, "NUL byte");
}

/* Deep nesting is an error at the 65th level, read without recursion, so
 * 80,000 levels (which overflowed json-glib's stack) cost nothing. */
static void
test_depth (void)
{
  GString *ok = g_string_new (NULL);
  GString *deep = g_string_new (NULL);

  for (guint i = 0; i < SP_JSON_GATE_MAX_DEPTH; i++)
    g_string_append_c (ok, '[');
  for (guint i = 0; i < SP_JSON_GATE_MAX_DEPTH; i++)
    g_string_append_c (ok, ']');
  check (ok->str, ok->len, NULL);
  g_string_prepend_c (ok, '[');
  g_string_append_c (ok, ']');
  check (ok->str, ok->len, "nested more than 64 levels deep");

  for (guint i = 0; i < 80000; i++)
    g_string_append (deep, "{\"a\":");
  check (deep->str, deep->len, "nested more than 64 levels deep");

  g_string_free (ok, TRUE);
  g_string_free (deep, TRUE);
}

/* A member name repeated a million times over distinct names is read in
 * linear time (hashed once an object grows). */
static void
test_many_members (void)
{
  GString *json = g_string_new ("{");

  for (guint i = 0; i < 200000; i++)
    g_string_append_printf (json, "%s\"k%u\": %u", i ? ", " : "", i, i);
  g_string_append (json, ", \"k199999\": 0}");
  check (json->str, json->len, "k199999: this member appears twice");
  g_string_free (json, TRUE);
}

/* Every reader goes through the gate: cases, batch lines, policy files. */
static void
test_every_reader (void)
{
  g_autoptr(SpPolicy) policy = sp_policy_new_default (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) duplicate = g_bytes_new_static (
    "{\"format\": \"spinal-pathways-case\", \"format_version\": 1, \"facts\": "
    "{\"red_flag_cauda_equina\": true, \"red_flag_cauda_equina\": false}}", 128);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) policy_bytes = g_bytes_new_static ("{\"schema\": 1, \"schema\": 2}", 26);
  g_autoptr(SpCase) case_ = NULL;
  g_autoptr(SpPolicy) other = NULL;
  g_autoptr(SpCaseLineReader) reader = sp_case_line_reader_new (policy);
  g_autofree SpValue *values = g_new0 (SpValue, sp_policy_get_n_facts (policy));
  const char *line = "{\"format\": \"spinal-pathways-case\", \"format_version\": 1, \"facts\": "
                     "{\"red_flag_cauda_equina\": true, \"red_flag_cauda_equina\": false}}\n";

  case_ = sp_case_new_from_bytes (policy, duplicate, "case.spcase", &error);
  g_assert_null (case_);
  g_assert_true (g_str_has_prefix (error->message, "case.spcase: facts.red_flag_cauda_equina: "));
  g_clear_error (&error);

  case_ = sp_case_new_from_bytes (policy, empty, "<stdin>", &error);
  g_assert_null (case_);
  g_assert_cmpstr (error->message, ==, "<stdin>: empty: there is no JSON to read");
  g_clear_error (&error);

  g_assert_false (sp_case_line_reader_read (reader, line, strlen (line), "b.jsonl", 3, 2461000, values, &error));
  g_assert_true (g_str_has_prefix (error->message, "b.jsonl:3: facts.red_flag_cauda_equina: "));
  g_clear_error (&error);

  other = sp_policy_new_from_bytes (policy_bytes, "revision.json", &error);
  g_assert_null (other);
  g_assert_true (g_str_has_prefix (error->message, "revision.json: schema: this member appears twice"));
}

/* Numbers in errors are shown as the file wrote them, near enough to be
 * found: not "not 8" for 8.0000000001, not 1.23456789e+13. */
static void
test_numbers_as_written (void)
{
  g_autoptr(SpPolicy) policy = sp_policy_new_default (NULL);
  static const struct { const char *number; const char *said; } cases[] = {
    { "8.0000000001", "must be a whole number, not 8.0000000001" },
    { "12345678901234", "12345678901234 is out of range (0 to 50)" },
    { "7.25", "must be a whole number, not 7.25" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = g_strdup_printf ("{\"format\": \"spinal-pathways-case\", \"format_version\": 1, "
                                               "\"facts\": {\"lumbar_previous_epidurals\": %s}}", cases[i].number);
      g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
      g_autoptr(GError) error = NULL;
      g_autoptr(SpCase) case_ = sp_case_new_from_bytes (policy, bytes, "case.spcase", &error);

      g_assert_null (case_);
      if (strstr (error->message, cases[i].said) == NULL)
        g_error ("%s: \"%s\" lacks \"%s\"", cases[i].number, error->message, cases[i].said);
    }
}

/* The public JSONTestSuite (../shared/json-test-suite/test_parsing): every
 * y_ file accepted and every n_ file refused, except where the contract is
 * stricter than RFC 8259, and each i_ file as doc/strict-json.md says. */
static void
test_json_test_suite (void)
{
  /* y_ files the contract refuses: a repeated member hid a red flag once,
   * and "\u0000" cut a condition's name short. */
  static const char * const refused_by_contract[] = {
    "y_object_duplicated_key.json", "y_object_duplicated_key_and_value.json",
    "y_object_escaped_null_in_key.json", "y_string_null_escape.json", NULL,
  };
  /* i_ files accepted: a byte-order mark (the contract allows one). Every
   * other i_ file (numbers too large or too small to read exactly, lone
   * surrogates, invalid UTF-8, UTF-16, 500 levels) is refused. */
  static const char * const accepted_implementation_defined[] = {
    "i_structure_UTF-8_BOM_empty_object.json", NULL,
  };
  g_autofree char *folder = g_build_filename (g_getenv ("SP_SOURCE_DIR"), "..", "shared",
                                              "json-test-suite", "test_parsing", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint counts[3] = { 0 };

  if (dir == NULL)
    {
      g_test_skip ("../shared/json-test-suite is not beside the source tree");
      return;
    }

  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autofree char *data = NULL;
      g_autoptr(GError) error = NULL;
      gsize length;
      gboolean ok, expected;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      g_assert_true (g_file_get_contents (path, &data, &length, NULL));
      ok = sp_json_gate_check (data, length, name, SP_ERROR_INVALID_CASE, NULL, &error);
      if (name[0] == 'y')
        expected = !g_strv_contains (refused_by_contract, name), counts[0]++;
      else if (name[0] == 'n')
        expected = FALSE, counts[1]++;
      else
        expected = g_strv_contains (accepted_implementation_defined, name), counts[2]++;
      if (ok != expected)
        g_error ("%s: %s, expected %s%s%s", name, ok ? "accepted" : "refused",
                 expected ? "accepted" : "refused", error ? ": " : "", error ? error->message : "");
    }
  g_test_message ("%u y_, %u n_, %u i_ files", counts[0], counts[1], counts[2]);
  g_assert_cmpuint (counts[0] + counts[1] + counts[2], >, 300);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sp/json-gate/rules", test_rules);
  g_test_add_func ("/sp/json-gate/depth", test_depth);
  g_test_add_func ("/sp/json-gate/many-members", test_many_members);
  g_test_add_func ("/sp/json-gate/every-reader", test_every_reader);
  g_test_add_func ("/sp/json-gate/json-test-suite", test_json_test_suite);
  g_test_add_func ("/sp/json-gate/numbers-as-written", test_numbers_as_written);

  return g_test_run ();
}
