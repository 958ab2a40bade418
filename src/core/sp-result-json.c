/* sp-result-json.c
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "sp-advisory-rule.h"
#include "sp-core-private.h"
#include "sp-decision-rule.h"
#include "sp-fact.h"
#include "sp-interpretation.h"
#include "sp-policy.h"
#include "sp-date.h"
#include "sp-result-json.h"

/* Written by hand rather than through JsonGenerator: batch evaluation
 * writes a result per case, and building a tree per case would cost more
 * than evaluating it. The output is plain JSON, one object per call. */

/* g_string_append_len() is a general insertion that checks, among other
 * things, whether the text lies inside the string itself; a result makes
 * some thousand small appends, so the common case (room enough, text from
 * elsewhere) is done here and everything else is left to GLib. */
static inline void
append_len (GString    *out,
            const char *text,
            gsize       length)
{
  if (G_LIKELY (out->allocated_len - out->len > length))
    {
      memcpy (out->str + out->len, text, length);
      out->len += length;
      out->str[out->len] = '\0';
    }
  else
    g_string_append_len (out, text, length);
}

/* Eight bytes at a time, whether any of them needs escaping: a control
 * character, a quote or a backslash (bytes of UTF-8 sequences, 0x80 and
 * up, never do). The classic bit tricks: a byte below 0x20 borrows when
 * 0x20 is taken from it, and a byte equal to c becomes zero when xored
 * with c. A borrow can mark a later byte of the word too, so the answer is
 * only "somewhere in these eight"; the byte loop then finds where. */
#define SP_BYTES(b) (G_GUINT64_CONSTANT (0x0101010101010101) * (b))

static inline gboolean
word_needs_escaping (guint64 word)
{
  guint64 quotes = word ^ SP_BYTES ('"');
  guint64 backslashes = word ^ SP_BYTES ('\\');
  guint64 flagged = ((word - SP_BYTES (0x20)) & ~word) |
                    ((quotes - SP_BYTES (0x01)) & ~quotes) |
                    ((backslashes - SP_BYTES (0x01)) & ~backslashes);

  return (flagged & SP_BYTES (0x80)) != 0;
}

/* The end of the run of bytes from @p that need no escaping. Where the
 * processor has SSE2 (every x86-64) sixteen bytes are checked at once and
 * the first that needs escaping found exactly; elsewhere, and for the
 * tail, eight at a time as above. Escaping the sentences made for each
 * case was a twelfth of a full batch. */
static inline const guchar *
plain_run_end (const guchar *p,
               const guchar *end)
{
  guint64 word;

#ifdef __SSE2__
  const __m128i controls = _mm_set1_epi8 (0x1f);
  const __m128i quotes = _mm_set1_epi8 ('"');
  const __m128i backslashes = _mm_set1_epi8 ('\\');

  while (end - p >= 16)
    {
      __m128i bytes = _mm_loadu_si128 ((const __m128i *) p);
      /* Unsigned: a byte is a control character when min (byte, 0x1f) is itself. */
      __m128i flagged = _mm_or_si128 (_mm_cmpeq_epi8 (_mm_min_epu8 (bytes, controls), bytes),
                                      _mm_or_si128 (_mm_cmpeq_epi8 (bytes, quotes),
                                                    _mm_cmpeq_epi8 (bytes, backslashes)));
      guint mask = (guint) _mm_movemask_epi8 (flagged);

      if (mask != 0)
        return p + __builtin_ctz (mask);
      p += 16;
    }
#endif

  while (end - p >= 8)
    {
      memcpy (&word, p, sizeof word);
      if (word_needs_escaping (word))
        break;
      p += 8;
    }
  while (p < end && *p >= 0x20 && *p != '"' && *p != '\\')
    p++;
  return p;
}

void
sp_json_append_string (GString    *out,
                       const char *text)
{
  static const char hex[] = "0123456789abcdef";
  const guchar *p = (const guchar *) text;
  const guchar *end = p + strlen (text);

  g_string_append_c (out, '"');
  while (p < end)
    {
      const guchar *run = p;

      /* Copy runs that need no escaping in one go: most of the output is
       * the policy's plain sentences. */
      p = plain_run_end (p, end);
      if (p > run)
        append_len (out, (const char *) run, p - run);
      if (p == end)
        break;

      switch (*p)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          g_string_append (out, "\\u00");
          g_string_append_c (out, hex[*p >> 4]);
          g_string_append_c (out, hex[*p & 0xf]);
        }
      p++;
    }
  g_string_append_c (out, '"');
}

static void
append_policy (GString  *out,
               SpPolicy *policy)
{
  g_string_append (out, "\"policy\":{\"id\":");
  sp_json_append_string (out, sp_policy_get_id (policy));
  g_string_append (out, ",\"version\":");
  sp_json_append_string (out, sp_policy_get_version (policy));
  g_string_append (out, ",\"sha256\":");
  sp_json_append_string (out, sp_policy_get_sha256 (policy));
  g_string_append_c (out, '}');
}

/* Most of what a result says is the policy's own text, the same for every
 * case; it is escaped once per policy and copied after that. Only strings
 * the policy owns are in the cache (keyed by address, which stays valid as
 * long as the policy lives), so a sentence made for one case never is.
 *
 * The cache is an open-addressed table of addresses rather than a
 * GHashTable: a result looks up some three hundred strings, and those
 * lookups were a tenth of the batch's time. Each entry keeps its length,
 * so copying it needs no strlen(). */
typedef struct {
  const char *text;             /* the policy's string, by address */
  char       *escaped;          /* with its quotes */
  gsize       length;
} CacheEntry;

struct _SpResultCache {
  CacheEntry *entries;
  guint       mask;             /* the table's size, a power of two, less one */
  guint       n_entries;
  GString    *policy;           /* "policy":{...}, the same in every result */
  GPtrArray  *decision_heads;   /* GString per decision: {"id":…,"pathway":…,"status": */
};

typedef SpResultCache EscapeCache;

static inline guint
cache_slot (const EscapeCache *cache,
            const char        *text)
{
  guint64 key = (guint64) (guintptr) text;

  /* Fibonacci hashing: addresses differ mostly in their middle bits. */
  return (guint) ((key * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> 32) & cache->mask;
}

static inline const CacheEntry *
cache_lookup (const EscapeCache *cache,
              const char        *text)
{
  for (guint slot = cache_slot (cache, text);; slot = (slot + 1) & cache->mask)
    {
      const CacheEntry *entry = &cache->entries[slot];

      if (entry->text == text)
        return entry;
      if (entry->text == NULL)
        return NULL;
    }
}

static CacheEntry *
cache_free_slot (EscapeCache *cache,
                 const char  *text)
{
  guint slot = cache_slot (cache, text);

  while (cache->entries[slot].text != NULL)
    slot = (slot + 1) & cache->mask;
  return &cache->entries[slot];
}

static void
cache_add (EscapeCache *cache,
           const char  *text)
{
  CacheEntry *entry;
  GString *escaped;

  if (text == NULL || cache_lookup (cache, text) != NULL)
    return;

  /* Kept at most half full, so that a miss ends soon. */
  if (2 * (cache->n_entries + 1) > cache->mask + 1)
    {
      CacheEntry *old = cache->entries;
      guint old_size = cache->mask + 1;

      cache->mask = 2 * old_size - 1;
      cache->entries = g_new0 (CacheEntry, cache->mask + 1);
      for (guint i = 0; i < old_size; i++)
        if (old[i].text != NULL)
          *cache_free_slot (cache, old[i].text) = old[i];
      g_free (old);
    }

  escaped = g_string_new (NULL);
  sp_json_append_string (escaped, text);
  entry = cache_free_slot (cache, text);
  entry->text = text;
  entry->length = escaped->len;
  entry->escaped = g_string_free (escaped, FALSE);
  cache->n_entries++;
}

static void
free_string (GString *string)
{
  g_string_free (string, TRUE);
}

static void
escape_cache_free (gpointer data)
{
  EscapeCache *cache = data;

  for (guint i = 0; i <= cache->mask; i++)
    g_free (cache->entries[i].escaped);
  g_free (cache->entries);
  g_string_free (cache->policy, TRUE);
  g_ptr_array_unref (cache->decision_heads);
  g_free (cache);
}

static EscapeCache *
build_escape_cache (SpPolicy *policy)
{
  EscapeCache *cache = g_new0 (EscapeCache, 1);
  GPtrArray *decisions = sp_policy_get_decision_array (policy);
  GPtrArray *facts = sp_policy_get_fact_array (policy);
  GPtrArray *advisories = sp_policy_get_advisory_array (policy);
  GListModel *interpretations = sp_policy_get_interpretations (policy);

  cache->mask = 255;
  cache->entries = g_new0 (CacheEntry, cache->mask + 1);

  for (guint d = 0; d < decisions->len; d++)
    {
      SpDecisionRule *rule = g_ptr_array_index (decisions, d);
      const SpRuleRow *rows;
      guint n_rows;

      cache_add (cache, sp_decision_rule_get_id (rule));
      cache_add (cache, sp_decision_rule_get_pathway (rule));
      rows = sp_decision_rule_get_rows (rule, &n_rows);
      for (guint r = 0; r < n_rows; r++)
        {
          cache_add (cache, rows[r].reason);
          for (guint i = 0; rows[r].clause_ids[i]; i++)
            cache_add (cache, rows[r].clause_ids[i]);
          for (guint i = 0; rows[r].interpretation_ids[i]; i++)
            cache_add (cache, rows[r].interpretation_ids[i]);
        }
    }
  for (guint f = 0; f < facts->len; f++)
    cache_add (cache, sp_fact_get_id (g_ptr_array_index (facts, f)));
  for (guint i = 0; i < g_list_model_get_n_items (interpretations); i++)
    {
      g_autoptr(SpInterpretation) interpretation = g_list_model_get_item (interpretations, i);

      cache_add (cache, sp_policy_get_interpretation_sentence (policy, sp_interpretation_get_id (interpretation)));
    }
  for (guint s = 0; s < SP_N_STATUSES; s++)
    cache_add (cache, sp_status_to_string (s));
  for (guint a = 0; a < advisories->len; a++)
    cache_add (cache, sp_advisory_rule_get_id (g_ptr_array_index (advisories, a)));

  cache->policy = g_string_new (NULL);
  append_policy (cache->policy, policy);

  /* What every result says first about a decision, whatever its status. */
  cache->decision_heads = g_ptr_array_new_with_free_func ((GDestroyNotify) free_string);
  for (guint d = 0; d < decisions->len; d++)
    {
      SpDecisionRule *rule = g_ptr_array_index (decisions, d);
      GString *head = g_string_new ("{\"id\":");

      sp_json_append_string (head, sp_decision_rule_get_id (rule));
      g_string_append (head, ",\"pathway\":");
      sp_json_append_string (head, sp_decision_rule_get_pathway (rule));
      g_string_append (head, ",\"status\":");
      g_ptr_array_add (cache->decision_heads, head);
    }
  return cache;
}

/**
 * sp_result_json_get_cache:
 *
 * The strings of @policy that results repeat, escaped once. It lives as
 * long as @policy. A batch asks for it once per worker, rather than for
 * every case (the lookup takes a lock).
 */
const SpResultCache *
sp_result_json_get_cache (SpPolicy *policy)
{
  static GMutex lock;
  EscapeCache *cache;

  g_mutex_lock (&lock);
  if (!(cache = g_object_get_data (G_OBJECT (policy), "sp-json-escape-cache")))
    {
      cache = build_escape_cache (policy);
      g_object_set_data_full (G_OBJECT (policy), "sp-json-escape-cache", cache,
                              escape_cache_free);
    }
  g_mutex_unlock (&lock);
  return cache;
}

/* "line":N, without printf: it is written for every case of a batch. */
static void
append_line_number (GString *out,
                    gint64   line)
{
  char digits[24];
  int n = 0;
  guint64 value = (guint64) line;

  do
    digits[sizeof digits - 1 - n++] = (char) ('0' + value % 10);
  while ((value /= 10) > 0);
  g_string_append (out, "\"line\":");
  g_string_append_len (out, digits + sizeof digits - n, n);
  g_string_append_c (out, ',');
}

/* For string literals only: their length is known when compiling. */
#define APPEND_LITERAL(out, literal) append_len ((out), "" literal, sizeof (literal) - 1)

static inline void
append_policy_string (GString           *out,
                      const EscapeCache *cache,
                      const char        *text)
{
  const CacheEntry *entry;

  /* The loader requires every string written here; were one missing, the
   * cache's empty slots would match it and write nothing, leaving invalid
   * JSON. Say so, and write a JSON null. */
  if (G_UNLIKELY (text == NULL))
    {
      g_critical ("a result string is missing from the policy");
      append_len (out, "null", 4);
      return;
    }

  entry = cache_lookup (cache, text);
  if (entry != NULL)
    append_len (out, entry->escaped, entry->length);
  else
    sp_json_append_string (out, text);
}

static void
append_string_array (GString            *out,
                     const EscapeCache  *cache,
                     const SpStringList *strings)
{
  /* Empty lists are the most common (interpretations, missing facts):
   * one append. */
  if (strings->len == 0)
    {
      APPEND_LITERAL (out, "[]");
      return;
    }
  APPEND_LITERAL (out, "[");
  append_policy_string (out, cache, strings->items[0]);
  for (guint i = 1; i < strings->len; i++)
    {
      APPEND_LITERAL (out, ",");
      append_policy_string (out, cache, strings->items[i]);
    }
  APPEND_LITERAL (out, "]");
}

/**
 * sp_result_json_append:
 * @line: the input's physical line number, or -1 outside batch mode
 *
 * Appends the contract's result object for one case, without a newline.
 */
void
sp_result_json_append (GString              *out,
                       SpPolicy             *policy,
                       const SpValue        *values,
                       const SpEngineResult *result,
                       gint64                line)
{
  sp_result_json_append_cached (out, policy, sp_result_json_get_cache (policy), values, result, line);
}

static void
append_implied_value (GString       *out,
                      SpFact        *fact,
                      const SpValue *value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  switch (sp_fact_get_fact_type (fact))
    {
    case SP_FACT_BOOLEAN:
      g_string_append (out, value->boolean ? "true" : "false");
      break;
    case SP_FACT_CHOICE:
      sp_json_append_string (out, sp_fact_get_choice_id (fact, value->choice));
      break;
    case SP_FACT_INTEGER:
    case SP_FACT_NUMBER:
      g_string_append (out, g_ascii_dtostr (buffer, sizeof buffer, value->number));
      break;
    case SP_FACT_DATE:
      {
        g_autofree char *date = sp_date_format (value->date);
        sp_json_append_string (out, date);
      }
      break;
    case SP_FACT_CHOICE_LIST:
    case SP_FACT_STRING:
    case SP_FACT_DECISION_LIST:
    default:
      g_assert_not_reached ();  /* never narrowed */
    }
}

/* The contract's optional "implied" member: each unrecorded fact the
 * recorded ones settle, its value, and what settles it. Absent when
 * nothing is implied, so results of earlier revisions read the same. */
static void
append_implied (GString              *out,
                SpPolicy             *policy,
                const SpValue        *values,
                const SpImplications *implications)
{
  gboolean first = TRUE;

  if (sp_fact_set_is_empty (&implications->implied))
    return;

  APPEND_LITERAL (out, ",\"implied\":[");
  for (guint i = 0, n_facts = sp_policy_get_fact_array (policy)->len; i < n_facts; i++)
    {
      SpFact *fact = sp_policy_get_fact (policy, i);
      gboolean first_because = TRUE;
      SpValue value;

      if (!sp_implications_get_value (policy, implications, i, &value))
        continue;
      if (!first)
        g_string_append_c (out, ',');
      first = FALSE;
      APPEND_LITERAL (out, "{\"fact\":");
      sp_json_append_string (out, sp_fact_get_id (fact));
      APPEND_LITERAL (out, ",\"value\":");
      append_implied_value (out, fact, &value);
      APPEND_LITERAL (out, ",\"because\":[");
      for (guint j = 0; j < n_facts; j++)
        {
          if (!sp_fact_set_contains (&implications->because[i], j) || !values[j].recorded)
            continue;
          if (!first_because)
            g_string_append_c (out, ',');
          first_because = FALSE;
          sp_json_append_string (out, sp_fact_get_id (sp_policy_get_fact (policy, j)));
        }
      APPEND_LITERAL (out, "]}");
    }
  g_string_append_c (out, ']');
}

static void
append_result (GString              *out,
               SpPolicy             *policy,
               const SpResultCache  *result_cache,
               const SpValue        *values,
               const SpEngineResult *result,
               gint64                line,
               gboolean              brief)
{
  GPtrArray *advisories = sp_policy_get_advisory_array (policy);
  const EscapeCache *cache = result_cache;
  SpExplanation explanation;
  gboolean first = TRUE;

  g_string_append_c (out, '{');
  if (line >= 0)
    append_line_number (out, line);
  append_len (out, cache->policy->str, cache->policy->len);

  /* One explanation, emptied between decisions, rather than five arrays
   * made and freed for each decision. */
  sp_explanation_init (&explanation);
  explanation.ids_only = brief;
  APPEND_LITERAL (out, ",\"decisions\":[");
  for (guint d = 0; d < result->n_decisions; d++)
    {
      const GString *head;

      sp_explanation_reset (&explanation);
      sp_engine_explain (policy, values, result, d, &explanation);

      if (d > 0)
        g_string_append_c (out, ',');
      head = g_ptr_array_index (cache->decision_heads, d);
      append_len (out, head->str, head->len);
      append_policy_string (out, cache, sp_status_to_string (result->decisions[d].status));
      APPEND_LITERAL (out, ",\"missing\":");
      append_string_array (out, cache, &explanation.missing_fact_ids);
      if (!brief)
        {
          APPEND_LITERAL (out, ",\"reasons\":");
          append_string_array (out, cache, &explanation.reasons);
        }
      APPEND_LITERAL (out, ",\"citations\":");
      append_string_array (out, cache, &explanation.clause_ids);
      APPEND_LITERAL (out, ",\"interpretations\":");
      append_string_array (out, cache, &explanation.interpretation_ids);
      g_string_append_c (out, '}');
    }
  sp_explanation_clear (&explanation);
  APPEND_LITERAL (out, "],\"advisories\":[");

  for (guint a = 0; a < advisories->len; a++)
    {
      g_autofree char *text = NULL;

      if (!(result->advisories & (G_GUINT64_CONSTANT (1) << a)))
        continue;
      if (!first)
        g_string_append_c (out, ',');
      first = FALSE;
      APPEND_LITERAL (out, "{\"id\":");
      append_policy_string (out, cache, sp_advisory_rule_get_id (g_ptr_array_index (advisories, a)));
      if (!brief)
        {
          text = sp_engine_describe_advisory (policy, values, result, a);
          APPEND_LITERAL (out, ",\"text\":");
          sp_json_append_string (out, text);
        }
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');
  append_implied (out, policy, values, &result->implications);
  g_string_append_c (out, '}');
}

/**
 * sp_result_json_append_cached:
 * @result_cache: from sp_result_json_get_cache() for @policy
 *
 * As sp_result_json_append(), for callers that keep the cache.
 */
void
sp_result_json_append_cached (GString              *out,
                              SpPolicy             *policy,
                              const SpResultCache  *result_cache,
                              const SpValue        *values,
                              const SpEngineResult *result,
                              gint64                line)
{
  append_result (out, policy, result_cache, values, result, line, FALSE);
}

/**
 * sp_result_json_append_brief:
 * @result_cache: from sp_result_json_get_cache() for @policy
 *
 * The result without prose (evaluate --brief): each decision's id, pathway,
 * status, missing facts, citations and interpretation ids; advisories by
 * id; implied facts. The same ids, in the same order, as the full result.
 */
void
sp_result_json_append_brief (GString              *out,
                             SpPolicy             *policy,
                             const SpResultCache  *result_cache,
                             const SpValue        *values,
                             const SpEngineResult *result,
                             gint64                line)
{
  append_result (out, policy, result_cache, values, result, line, TRUE);
}

void
sp_result_json_append_error (GString    *out,
                             gint64      line,
                             const char *message)
{
  g_string_append_printf (out, "{\"line\":%" G_GINT64_FORMAT ",\"error\":", line);
  sp_json_append_string (out, message);
  g_string_append_c (out, '}');
}
