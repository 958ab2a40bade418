/* test-pseudo-locale.c: the application's words through gettext, the policy's as written
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the real windows under a pseudo-translation (po/make-pseudo.py: every
 * message in accented letters between brackets, "Supported" becomes
 * "[Šûþþöŕţéð]") built from the sources' template at build time. Every word
 * the application itself shows must come out accented; every word taken from
 * the policy (fact questions, clause text, pathway names) must come out
 * exactly as the policy has it, since the policy is a legal text in English
 * and is never translated.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>

#include "sp-core.h"
#include "sp-application.h"
#include "sp-decision-row.h"
#include "sp-pathway-page.h"
#include "sp-preferences-window.h"
#include "sp-widget-util.h"
#include "sp-settings.h"
#include "sp-summary.h"
#include "sp-test-util.h"
#include "sp-window-private.h"
#include "../sp-test-threads.h"

static SpApplication *app;
static GHashTable *policy_strings;  /* every string in the policy JSON */
static GPtrArray *policy_phrases;   /* those with a space, longest first */
/* The policy's labels, help, sections, units, choices and pathway names:
 * the window translates these (sp_policy_gettext). Its clauses it quotes. */
static GHashTable *translatable_strings;
/* TRUE while reading the window, where a translatable string shown as
 * written was missed; FALSE for the engine's reasons, which name facts by
 * the policy's own labels. */
static gboolean labels_translated;
static GHashTable *engine_reasons;  /* every reason the decision rows showed */
static char *locale_dir;

/* Helpers */

static void
wait_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (2000);
    }
}

static gboolean
has_ascii_letter (const char *text)
{
  for (const char *p = text; *p; p++)
    if (g_ascii_isalpha (*p))
      return TRUE;
  return FALSE;
}

/* Pseudo-translated: bracketed, and with the accented letters only the
 * pseudo-translation writes. */
static gboolean
is_pseudo (const char *text)
{
  return strchr (text, '[') != NULL && strchr (text, ']') != NULL &&
         (strstr (text, "å") || strstr (text, "é") || strstr (text, "î") ||
          strstr (text, "ö") || strstr (text, "û") || strstr (text, "ŕ") ||
          strstr (text, "ţ") || strstr (text, "š") || strstr (text, "ñ"));
}

#define assert_pseudo(text) \
  G_STMT_START { \
    const char *__t = (text); \
    if (!is_pseudo (__t)) \
      g_error ("%s:%d: “%s” is not pseudo-translated", __FILE__, __LINE__, __t); \
  } G_STMT_END

static void
collect_strings (JsonNode   *node,
                 GHashTable *strings)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        JsonNode *member;

        json_object_iter_init (&iter, json_node_get_object (node));
        while (json_object_iter_next (&iter, NULL, &member))
          collect_strings (member, strings);
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        for (guint i = 0; i < json_array_get_length (array); i++)
          collect_strings (json_array_get_element (array, i), strings);
      }
      break;

    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        g_hash_table_add (strings, g_strdup (json_node_get_string (node)));
      break;

    case JSON_NODE_NULL:
    default:
      break;
    }
}

static gboolean
is_policy_text (const char *text)
{
  if (labels_translated && g_hash_table_contains (translatable_strings, text))
    return FALSE;
  return g_hash_table_contains (policy_strings, text);
}

/* Policy text with the application's words around it: "“%s”" around a
 * clause, fact labels joined with "; ", the first sentence of a fact's help.
 * Returns what is left of @text once every multi-word policy string in it
 * is taken out (or "" when @text is part of one). */
static char *
strip_policy_text (const char *text)
{
  g_autoptr(GString) rest = g_string_new (text);

  /* Longest first, so that a phrase inside a longer one does not break it. */
  for (guint i = 0; i < policy_phrases->len; i++)
    {
      const char *policy = g_ptr_array_index (policy_phrases, i);

      if (labels_translated && g_hash_table_contains (translatable_strings, policy))
        continue;
      if (strlen (text) >= 12 && strstr (policy, text))
        return g_strdup ("");
      g_string_replace (rest, policy, "", 0);
    }
  return g_string_free (g_steal_pointer (&rest), FALSE);
}

static int
by_length_descending (gconstpointer a,
                      gconstpointer b)
{
  size_t la = strlen (*(const char * const *)a);
  size_t lb = strlen (*(const char * const *)b);

  return la < lb ? 1 : la > lb ? -1 : 0;
}

static void
add_member (GHashTable *strings,
            JsonObject *object,
            const char *member)
{
  if (json_object_has_member (object, member))
    g_hash_table_add (strings, g_strdup (json_object_get_string_member (object, member)));
}

/* The members build-aux/extract-policy-strings.py lists for translation. */
static void
collect_translatable (JsonObject *root,
                      GHashTable *strings)
{
  JsonArray *pathways = json_object_get_array_member (root, "pathways");
  JsonArray *facts = json_object_get_array_member (root, "facts");
  JsonArray *decisions = json_object_get_array_member (root, "decisions");

  for (guint i = 0; i < json_array_get_length (pathways); i++)
    add_member (strings, json_array_get_object_element (pathways, i), "label");
  for (guint i = 0; i < json_array_get_length (decisions); i++)
    add_member (strings, json_array_get_object_element (decisions, i), "label");
  for (guint i = 0; i < json_array_get_length (facts); i++)
    {
      JsonObject *fact = json_array_get_object_element (facts, i);

      add_member (strings, fact, "label");
      add_member (strings, fact, "help");
      add_member (strings, fact, "section");
      add_member (strings, fact, "unit");
      if (json_object_has_member (fact, "choices"))
        {
          JsonArray *choices = json_object_get_array_member (fact, "choices");

          for (guint j = 0; j < json_array_get_length (choices); j++)
            add_member (strings, json_array_get_object_element (choices, j), "label");
        }
    }
}

static void
read_policy_strings (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *path = g_build_filename (g_getenv ("SP_SOURCE_DIR"), "data", "policy",
                                            "spinal-interventions.json", NULL);
  GHashTableIter iter;
  const char *text;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  policy_strings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  collect_strings (json_parser_get_root (parser), policy_strings);
  translatable_strings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  collect_translatable (json_node_get_object (json_parser_get_root (parser)), translatable_strings);

  policy_phrases = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, policy_strings);
  while (g_hash_table_iter_next (&iter, (gpointer *)&text, NULL))
    /* One-word policy strings long enough not to be app words by chance:
     * a bulleted clause shows "Prolotherapy" as a line of its own. */
    if (strchr (text, ' ') || strlen (text) >= 10)
      g_ptr_array_add (policy_phrases, (gpointer) text);
  g_ptr_array_sort (policy_phrases, by_length_descending);
}

typedef enum {
  TEXT_NONE,     /* no letters: numbers, dashes, punctuation */
  TEXT_PSEUDO,   /* the application's words, pseudo-translated */
  TEXT_POLICY,   /* the policy's words as written, and nothing else */
  TEXT_OTHER,    /* English outside the policy: missed by gettext */
} TextKind;

static TextKind
classify (const char *text)
{
  g_autofree char *rest = NULL;

  if (is_policy_text (text))
    return TEXT_POLICY;
  if (is_pseudo (text))
    return TEXT_PSEUDO;
  /* Pseudo-translated letters are not ASCII: what is left with no ASCII
   * letter is numbers, dashes and punctuation. */
  if (!has_ascii_letter (text))
    return TEXT_NONE;
  rest = strip_policy_text (text);
  if (!has_ascii_letter (rest))
    return strchr (rest, '[') ? TEXT_PSEUDO : TEXT_POLICY;
  return is_pseudo (rest) ? TEXT_PSEUDO : TEXT_OTHER;
}

typedef struct {
  GPtrArray *pseudo;     /* label texts pseudo-translated */
  GPtrArray *policy;     /* label texts exactly as in the policy */
  GPtrArray *other;      /* anything else with letters in it: untranslated */
} Labels;

static void
labels_clear (Labels *labels)
{
  g_clear_pointer (&labels->pseudo, g_ptr_array_unref);
  g_clear_pointer (&labels->policy, g_ptr_array_unref);
  g_clear_pointer (&labels->other, g_ptr_array_unref);
}

/* Only what is shown: the hidden pages of a stack (such as the search page of
 * a preferences window, in libadwaita's words) are not mapped. */
static void
sort_labels (GtkWidget *widget,
             Labels    *labels)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if (GTK_IS_LABEL (widget))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));

      switch (classify (text))
        {
        case TEXT_PSEUDO:
          g_ptr_array_add (labels->pseudo, g_strdup (text));
          break;
        case TEXT_POLICY:
          g_ptr_array_add (labels->policy, g_strdup (text));
          break;
        case TEXT_OTHER:
          g_ptr_array_add (labels->other, g_strdup (text));
          break;
        case TEXT_NONE:
        default:
          break;
        }
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    sort_labels (c, labels);
}

static void
read_labels (GtkWidget *widget,
             Labels    *labels)
{
  labels->pseudo = g_ptr_array_new_with_free_func (g_free);
  labels->policy = g_ptr_array_new_with_free_func (g_free);
  labels->other = g_ptr_array_new_with_free_func (g_free);
  sort_labels (widget, labels);
}

/* Drops the texts in @known from @texts. */
static void
remove_known (GPtrArray  *texts,
              GHashTable *known)
{
  for (guint i = texts->len; i > 0; i--)
    if (g_hash_table_contains (known, g_ptr_array_index (texts, i - 1)))
      g_ptr_array_remove_index (texts, i - 1);
}

static void
assert_none_untranslated (GPtrArray *texts)
{
  for (guint i = 0; i < texts->len; i++)
    g_test_message ("untranslated: “%s”", (char *)g_ptr_array_index (texts, i));
  g_assert_cmpuint (texts->len, ==, 0);
}

static gboolean
contains (GPtrArray  *texts,
          const char *text)
{
  return g_ptr_array_find_with_equal_func (texts, text, g_str_equal, NULL);
}

/* Tests */

static void
test_locale (void)
{
  /* Not a test of the application, but of this test: without these, the
   * other tests would fail for the wrong reason. */
  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, "en_GB");
  g_assert_cmpstr (setlocale (LC_MESSAGES, NULL), !=, "C");
  g_assert_cmpstr (_("Decisions"), !=, "Decisions");
}

static void
test_core_statuses (void)
{
  /* The words of each status come from the core library (its own
   * g_dgettext), which the CLI and the report share. */
  for (guint i = 0; i < SP_N_STATUSES; i++)
    assert_pseudo (sp_status_get_label (i));
  g_assert_cmpstr (sp_status_get_label (SP_STATUS_SUPPORTED), ==, "[Šûþþöŕţéð]");
  g_assert_cmpstr (sp_status_get_label (SP_STATUS_NOT_NORMALLY_FUNDED), ==, "[Ñöţ ñöŕɱåļļý ƒûñðéð]");
}

static void
test_window (void)
{
  SpPolicy *policy = sp_application_get_policy (app);
  SpWindow *win = sp_window_new (GTK_APPLICATION (app), policy);
  const char * const *pathways = sp_policy_get_pathway_ids (policy);
  Labels labels = { 0 };

  labels_translated = TRUE;
  g_object_ref (win);
  gtk_window_set_default_size (GTK_WINDOW (win), 1280, 800);
  gtk_window_present (GTK_WINDOW (win));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (win));
  wait_ms (50);

  /* The application's own words. */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (win)), ==, "[Šþîñåļ Þåţĥŵåýš]");

  for (guint i = 0; pathways[i]; i++)
    {
      GtkWidget *page = sp_window_get_page (win, pathways[i]);
      AdwViewStackPage *stack_page = adw_view_stack_get_page (sp_window_get_stack (win), page);
      GtkWidget *advice = sp_pathway_page_get_advice_group (SP_PATHWAY_PAGE (page));
      g_autoptr(GList) fact_rows = sp_pathway_page_list_fact_rows (SP_PATHWAY_PAGE (page));
      g_autoptr(GList) decision_rows = sp_pathway_page_list_decision_rows (SP_PATHWAY_PAGE (page));

      adw_view_stack_set_visible_child_name (sp_window_get_stack (win), pathways[i]);
      wait_ms (50);

      /* The tabs are the policy's pathways, their names translated. */
      g_assert_cmpstr (adw_view_stack_page_get_title (stack_page), ==,
                       sp_policy_gettext (sp_policy_get_pathway_label (policy, pathways[i])));
      assert_pseudo (adw_view_stack_page_get_title (stack_page));

      assert_pseudo (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (advice)));
      g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (advice)), ==, "[Åðṽîçé]");

      /* Each question is the policy's, translated. */
      for (GList *l = fact_rows; l; l = l->next)
        if (ADW_IS_PREFERENCES_ROW (l->data))
          {
            const char *title = adw_preferences_row_get_title (l->data);

            g_assert_false (is_policy_text (title));
            assert_pseudo (title);
          }

      /* Each decision's name is the policy's, translated; so is its status. */
      for (GList *l = decision_rows; l; l = l->next)
        {
          SpDecisionRow *row = l->data;
          const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
          const char * const *reasons = sp_decision_get_reasons (sp_decision_row_get_decision (row));

          assert_pseudo (title);
          assert_pseudo (gtk_label_get_text (sp_decision_row_get_status_label (row)));
          adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
          for (guint j = 0; reasons && reasons[j]; j++)
            g_hash_table_add (engine_reasons, g_strdup (reasons[j]));
        }
      wait_ms (50);

      /* Everything else shown: no English word of ours escaped gettext, and
       * the policy's words were not pseudo-translated. */
      read_labels (page, &labels);
      g_assert_cmpuint (labels.pseudo->len, >, 0);
      g_assert_cmpuint (labels.policy->len, >, 0);
      if (decision_rows)
        g_assert_true (contains (labels.pseudo, "[Ðéçîšîöñš]"));
      /* The engine's reasons have a test of their own. */
      remove_known (labels.other, engine_reasons);
      assert_none_untranslated (labels.other);
      labels_clear (&labels);
    }

  /* The header bar, banners and menus of the window itself. */
  read_labels (GTK_WIDGET (win), &labels);
  /* (Wide, the header bar shows the tabs, named by the policy, not the title.) */
  g_assert_cmpuint (labels.pseudo->len, >, 0);
  g_assert_cmpuint (labels.policy->len, >, 0);
  remove_known (labels.other, engine_reasons);
  assert_none_untranslated (labels.other);
  labels_clear (&labels);

  labels_translated = FALSE;
  gtk_window_destroy (GTK_WINDOW (win));
  wait_ms (20);
  g_assert_finalize_object (win);
}

static void
test_preferences (void)
{
  g_autoptr(SpSettings) settings = sp_settings_new (APP_ID);
  SpPreferencesWindow *win = sp_preferences_window_new (NULL, settings, sp_application_get_policy (app));
  AdwComboRow *row;
  GListModel *model;
  Labels labels = { 0 };

  g_object_ref (win);
  gtk_window_present (GTK_WINDOW (win));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (win));
  wait_ms (30);

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (win)), ==, "[Þŕéƒéŕéñçéš]");
  row = ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (win), SP_TYPE_PREFERENCES_WINDOW,
                                                      "default_setting_row"));
  model = adw_combo_row_get_model (row);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    assert_pseudo (gtk_string_list_get_string (GTK_STRING_LIST (model), i));

  /* No policy text here: every word is ours. */
  read_labels (GTK_WIDGET (win), &labels);
  g_assert_true (contains (labels.pseudo, "[Ðéƒåûļţ çåŕé šéţţîñĝ]"));
  g_assert_true (contains (labels.pseudo, "[ðåýš]"));
  assert_none_untranslated (labels.other);
  labels_clear (&labels);

  gtk_window_destroy (GTK_WINDOW (win));
  wait_ms (20);
  g_assert_finalize_object (win);
}

/* The reasons under each decision, written by the engine in src/core. */
static void
test_engine_reasons (void)
{
  GHashTableIter iter;
  const char *reason;
  guint untranslated = 0;

  if (g_hash_table_size (engine_reasons) == 0)
    test_window ();
  g_assert_cmpuint (g_hash_table_size (engine_reasons), >, 0);

  g_hash_table_iter_init (&iter, engine_reasons);
  while (g_hash_table_iter_next (&iter, (gpointer *)&reason, NULL))
    if (classify (reason) == TEXT_OTHER)
      {
        g_test_message ("untranslated reason: “%s”", reason);
        untranslated++;
      }

  g_assert_cmpuint (untranslated, ==, 0);
}

/* The summary for the record: its own words (headings, keys, set
 * sentences, statuses, the engine's reasons, the footer, month names)
 * through gettext; the policy's words (pathway and intervention labels,
 * quoted clauses, fact labels and choices) exactly as the policy has them,
 * whatever the language. */
static void
assert_summary_piece (const char *text,
                      TextKind    expected,
                      GPtrArray  *untranslated)
{
  TextKind kind;

  if (text == NULL || text[0] == '\0')
    return;
  kind = classify (text);
  if (kind == TEXT_OTHER)
    g_ptr_array_add (untranslated, g_strdup (text));
  else if (expected != TEXT_NONE && kind != TEXT_NONE && kind != expected)
    g_error ("“%s” should be %s", text, expected == TEXT_POLICY ? "the policy's words as written"
                                                                 : "pseudo-translated");
}

/* "14 weeks": a number and the policy's unit, as the policy writes it. */
static gboolean
is_number_with_policy_unit (const char *text)
{
  const char *unit = text + strspn (text, "0123456789. ");

  return unit != text && is_policy_text (unit);
}

static void
test_summary (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("SP_SOURCE_DIR"), "tests", "report", "cases",
                                            "lumbar-sciatica-supported.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SpCase) case_ = sp_case_new_from_file (sp_application_get_policy (app), file, &error);
  g_autoptr(SpEvaluation) evaluation = NULL;
  g_autoptr(SpSummary) summary = NULL;
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 6, 15, 14, 30, 0);
  g_autoptr(GPtrArray) untranslated = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *footer = NULL;
  guint n_quotes = 0, n_rows = 0;

  g_assert_no_error (error);
  /* Without the patient's and clinician's names and the notes: those are
   * the clinician's words, in whatever language they were typed. */
  sp_case_set_notes (case_, "");
  evaluation = sp_evaluation_new (case_);
  sp_evaluation_set_today (evaluation, "2026-06-15");
  summary = sp_summary_new (evaluation, SP_SUMMARY_NONE, when, "0.1.0");
  labels_translated = FALSE;

  assert_pseudo (sp_summary_get_title (summary));
  footer = sp_summary_dup_footer (summary);
  assert_pseudo (footer);
  /* "15 June 2026": the month through gettext too. */
  g_assert_nonnull (strstr (footer, "[Ĵûñé]"));

  for (guint i = 0; i < sp_summary_get_n_blocks (summary); i++)
    {
      const SpSummaryBlock *block = sp_summary_get_block (summary, i);

      switch (block->kind)
        {
        case SP_SUMMARY_BLOCK_QUOTE:
          /* A clause, word for word; the words naming it are ours. */
          assert_summary_piece (block->text, TEXT_POLICY, untranslated);
          assert_summary_piece (block->key, TEXT_PSEUDO, untranslated);
          n_quotes += block->text[0] != '\0';
          break;

        case SP_SUMMARY_BLOCK_HEADING:
          /* Level 1 is ours; level 2 names a pathway or a decision. */
          assert_summary_piece (block->text, block->level <= 1 ? TEXT_PSEUDO : TEXT_NONE, untranslated);
          break;

        case SP_SUMMARY_BLOCK_DECISION_TABLE:
          for (guint r = 0; r < block->rows->len; r++, n_rows++)
            {
              const SpSummaryRow *row = &g_array_index (block->rows, SpSummaryRow, r);

              assert_summary_piece (row->intervention, TEXT_POLICY, untranslated);
              assert_pseudo (sp_status_get_label (row->status));
              /* The policy's own words for a criterion, or the engine's. */
              assert_summary_piece (row->unmet, TEXT_NONE, untranslated);
            }
          break;

        case SP_SUMMARY_BLOCK_TITLE:
        case SP_SUMMARY_BLOCK_PARAGRAPH:
        case SP_SUMMARY_BLOCK_KEY_VALUE:
        case SP_SUMMARY_BLOCK_BANNER:
        case SP_SUMMARY_BLOCK_LIST_ITEM:
        case SP_SUMMARY_BLOCK_NOTE:
        default:
          assert_summary_piece (block->key, TEXT_NONE, untranslated);
          if (!is_number_with_policy_unit (block->text))
            assert_summary_piece (block->text, TEXT_NONE, untranslated);
          break;
        }
    }

  g_assert_cmpuint (n_quotes, >, 3);
  g_assert_cmpuint (n_rows, >, 10);
  assert_none_untranslated (untranslated);
}

/* Setup */

/* Puts the pseudo catalogue where gettext looks for en_GB under the test's
 * locale folder (in the build folder, rewritten on each run). */
static char *
make_locale_dir (void)
{
  g_autoptr(GError) error = NULL;
  const char *mo = g_getenv ("SP_PSEUDO_MO");
  const char *dir = g_getenv ("SP_PSEUDO_LOCALEDIR");
  g_autofree char *contents = NULL;
  g_autofree char *messages = NULL;
  g_autofree char *target = NULL;
  gsize length;

  g_assert_nonnull (mo);
  g_assert_nonnull (dir);
  /* en_GB: a real language name, so that the C library's gettext looks for
   * it; the locale itself need not be installed (see main()). */
  messages = g_build_filename (dir, "en_GB", "LC_MESSAGES", NULL);
  g_assert_cmpint (g_mkdir_with_parents (messages, 0755), ==, 0);
  target = g_build_filename (messages, GETTEXT_PACKAGE ".mo", NULL);
  g_file_get_contents (mo, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (target, contents, length, &error);
  g_assert_no_error (error);
  return g_strdup (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_test_init (&argc, &argv, NULL);

  /* gtk_test_init() asks for en_US.UTF-8, which may not be installed. The
   * C library ignores LANGUAGE only in the plain "C" locale, so C.UTF-8
   * (built into the C library) with LANGUAGE=en_GB picks the pseudo
   * catalogue without any generated locale. */
  g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
  g_setenv ("LANGUAGE", "en_GB", TRUE);
  locale_dir = make_locale_dir ();
  /* As main.c does, with the test's folder in place of LOCALEDIR. */
  bindtextdomain (GETTEXT_PACKAGE, locale_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  sp_test_park_pointer ();

  read_policy_strings ();
  engine_reasons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  app = sp_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (sp_application_get_policy (app));

  g_test_add_func ("/i18n/pseudo/locale", test_locale);
  g_test_add_func ("/i18n/pseudo/core-statuses", test_core_statuses);
  g_test_add_func ("/i18n/pseudo/window", test_window);
  g_test_add_func ("/i18n/pseudo/preferences", test_preferences);
  g_test_add_func ("/i18n/pseudo/engine-reasons", test_engine_reasons);
  g_test_add_func ("/i18n/pseudo/summary", test_summary);

  status = g_test_run ();
  sp_test_settle_threads ();

  g_clear_object (&app);
  g_clear_pointer (&policy_phrases, g_ptr_array_unref);
  g_clear_pointer (&policy_strings, g_hash_table_unref);
  g_clear_pointer (&translatable_strings, g_hash_table_unref);
  g_clear_pointer (&engine_reasons, g_hash_table_unref);
  g_clear_pointer (&locale_dir, g_free);
  return status;
}
