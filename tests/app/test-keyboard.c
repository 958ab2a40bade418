/* test-keyboard.c: every pathway's assessment completed by keyboard alone
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sp-test-util.h"

#include <json-glib/json-glib.h>
#include <signal.h>
#include <glib/gstdio.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#include "sp-core.h"
#include "sp-application.h"
#include "sp-decision-row.h"
#include "sp-fact-row.h"
#include "sp-list-row.h"
#include "sp-pathway-page.h"
#include "sp-tri-state.h"
#include "sp-window-private.h"
#include "../sp-test-threads.h"

/* GTK 4.8 cannot synthesise key events in-process, so the keys are real X
 * key events sent with xdotool (XTEST), which GTK cannot tell from a
 * keyboard. The walk is driven by the policy and a fixture from
 * tests/cases: it Tabs through each page as a new user would, and at each
 * focus stop that belongs to a question the fixture answers it uses the
 * keys a user would for that kind of input. Nothing sets a value from
 * code; at the end the window's case must hold exactly the fixture's facts
 * and its evaluation the fixture's expected statuses. */

#define KEY_TIMEOUT_MS 5000
/* More focus stops than any page has, even with every list open. */
#define MAX_STOPS 400

static SpApplication *app;
static const char *xdotool;

/* Each pathway's walk replays one fixture whose expected statuses for
 * that pathway are decided, not "needs information"; between them they
 * use every kind of input: yes/no, choices, "None", a ticked choice, a
 * decision list, integers, decimals and a typed date. */
static const struct {
  const char *pathway;
  const char *fixture;
} walks[] = {
  { "general",  "exceptional-acupuncture.json" },
  { "cervical", "cervical-repeat-epidural-supported.json" },
  { "lumbar",   "lumbar-repeat-epidural-supported.json" },
  { "facet",    "facet-rfd-exactly-12-months.json" },
  { "sij",      "serious-pathology-infection-blocks-surgery-and-sij.json" },
};

typedef struct {
  SpWindow   *win;
  SpCase     *want;       /* the fixture's case */
  JsonObject *decisions;  /* decision id → { "status": … } */
  JsonParser *parser;
  guint       entries;    /* answers typed or chosen so far */
  SpCase     *identity;   /* whose identifiers and notes to type, if any */
  guint       identity_keys;
} Walk;

/* Keys
 *
 * One xdotool reads its commands from a pipe ("xdotool -"), for the whole
 * test: starting a process and an X connection per key cost 170 ms a key
 * on a busy two-core machine, most of a minute per pathway, where a line
 * to a running xdotool costs a few milliseconds. A command has no reply;
 * every key is followed by waiting for its effect on the window. */

static GSubprocess *xdo_process;

static void
xdo_line (const char *format,
          ...) G_GNUC_PRINTF (1, 2);

static void
xdo_line (const char *format,
          ...)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  GOutputStream *in;
  va_list ap;

  if (xdo_process == NULL)
    {
      xdo_process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE, &error, xdotool, "-", NULL);
      g_assert_no_error (error);
    }

  va_start (ap, format);
  line = g_strdup_vprintf (format, ap);
  va_end (ap);
  in = g_subprocess_get_stdin_pipe (xdo_process);
  g_output_stream_printf (in, NULL, NULL, &error, "%s\n", line);
  g_assert_no_error (error);
  g_output_stream_flush (in, NULL, &error);
  g_assert_no_error (error);
}

static void
xdo_stop (void)
{
  g_autoptr(GError) error = NULL;

  if (xdo_process == NULL)
    return;
  g_output_stream_close (g_subprocess_get_stdin_pipe (xdo_process), NULL, &error);
  g_assert_no_error (error);
  g_subprocess_wait_check (xdo_process, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&xdo_process);
}

/* Every key sent, a chord (shift+Tab) counting one, for the count of
 * key presses an assessment takes. */
static guint n_keys_sent;

#define SCIATICA_KEY_BUDGET 90

static void
press (const char *keys)
{
  g_auto(GStrv) chords = g_strsplit (keys, " ", -1);

  n_keys_sent += g_strv_length (chords);
  xdo_line ("key --clearmodifiers %s", keys);
}

static void
type_text (const char *text)
{
  /* The script splits its lines at spaces. */
  g_assert_null (strpbrk (text, " \t\n"));
  n_keys_sent += (guint) strlen (text);
  /* After "--", a word that starts with "-" is typed, not an option. */
  xdo_line ("type --clearmodifiers --delay 20 -- %s", text);
}

/* Free text as it is typed: words, spaces and new lines. */
static void
type_words (const char *text)
{
  g_autoptr(GString) word = g_string_new (NULL);

  for (const char *p = text; ; p++)
    {
      if (*p == ' ' || *p == '\n' || *p == '\0')
        {
          if (word->len)
            type_text (word->str);
          g_string_truncate (word, 0);
          if (*p == '\0')
            break;
          press (*p == ' ' ? "space" : "Return");
        }
      else
        g_string_append_c (word, *p);
    }
}

static char *
sp_test_strip_mnemonic (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    if (*p != '_' || p[1] == '_')
      g_string_append_c (out, *p == '_' ? *++p : *p);
  return g_string_free (out, FALSE);
}

/* Focus */

static GtkWidget *
focus_of (SpWindow *win)
{
  return gtk_root_get_focus (GTK_ROOT (win));
}

typedef struct {
  SpWindow  *win;
  GtkWidget *old;
} FocusWait;

static gboolean
focus_moved (gpointer data)
{
  FocusWait *fw = data;

  return focus_of (fw->win) != NULL && focus_of (fw->win) != fw->old;
}

/* Presses @keys and waits for the focus to leave where it was. */
static GtkWidget *
press_and_move (SpWindow   *win,
                const char *keys)
{
  FocusWait fw = { win, focus_of (win) };

  press (keys);
  if (!sp_test_wait_until (focus_moved, &fw, KEY_TIMEOUT_MS))
    g_error ("%s did not move the focus from a %s", keys,
             fw.old ? G_OBJECT_TYPE_NAME (fw.old) : "(nothing)");
  return focus_of (win);
}

static gboolean
window_active (gpointer data)
{
  return gtk_window_is_active (data);
}

/* Without a window manager nothing gives a new window the keyboard: give
 * it X input focus and wait for GTK to see the focus-in. */
static void
focus_toplevel (GtkWindow *win)
{
#ifdef GDK_WINDOWING_X11
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (win));
  g_autofree char *xid = NULL;
  const char *argv[] = { xdotool, "windowfocus", "--sync", NULL, NULL };
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_true (GDK_IS_X11_SURFACE (surface));
  xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
  argv[3] = xid;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  g_assert_true (sp_test_wait_until (window_active, win, KEY_TIMEOUT_MS));
#else
  g_assert_not_reached ();
#endif
}

static void
focus_window (SpWindow *win)
{
  focus_toplevel (GTK_WINDOW (win));
}

/* Where the focus is, in the policy's terms */

static gboolean
is_or_inside (GtkWidget *widget,
              GtkWidget *ancestor)
{
  return widget == ancestor || gtk_widget_is_ancestor (widget, ancestor);
}

static GtkWidget *
fact_row_of (SpPathwayPage *page,
             GtkWidget     *widget)
{
  g_autoptr(GList) rows = sp_pathway_page_list_fact_rows (page);

  for (GList *l = rows; l; l = l->next)
    if (is_or_inside (widget, l->data))
      return l->data;
  return NULL;
}

/* The form: the page's questions, before its decisions and advice. */
static gboolean
in_form (SpPathwayPage *page,
         GtkWidget     *widget)
{
  g_autoptr(GList) decisions = NULL;

  if (widget == NULL || !gtk_widget_is_ancestor (widget, GTK_WIDGET (page)))
    return FALSE;
  if (gtk_widget_is_ancestor (widget, sp_pathway_page_get_advice_group (page)))
    return FALSE;
  decisions = sp_pathway_page_list_decision_rows (page);
  for (GList *l = decisions; l; l = l->next)
    if (widget == l->data || gtk_widget_is_ancestor (widget, l->data))
      return FALSE;
  return TRUE;
}

static double
row_y (SpPathwayPage *page,
       GtkWidget     *row)
{
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (row, GTK_WIDGET (page), &GRAPHENE_POINT_INIT (0, 0), &point));
  return point.y;
}

/* The fixture's facts against the window's */

static gboolean
same_list (char **a,
           char **b)
{
  if (a == NULL || b == NULL)
    return a == b;
  if (g_strv_length (a) != g_strv_length (b))
    return FALSE;
  for (guint i = 0; a[i]; i++)
    if (!g_strv_contains ((const char * const *) b, a[i]))
      return FALSE;
  return TRUE;
}

static gboolean
same_fact (SpCase *got,
           SpCase *want,
           SpFact *fact)
{
  const char *id = sp_fact_get_id (fact);

  if (sp_case_is_recorded (got, id) != sp_case_is_recorded (want, id))
    return FALSE;
  if (!sp_case_is_recorded (want, id))
    return TRUE;

  switch (sp_fact_get_fact_type (fact))
    {
    case SP_FACT_BOOLEAN:
      return sp_case_get_boolean (got, id) == sp_case_get_boolean (want, id);
    case SP_FACT_CHOICE:
      return g_strcmp0 (sp_case_get_choice (got, id), sp_case_get_choice (want, id)) == 0;
    case SP_FACT_CHOICE_LIST:
    case SP_FACT_DECISION_LIST:
      {
        g_auto(GStrv) a = sp_case_dup_choice_list (got, id);
        g_auto(GStrv) b = sp_case_dup_choice_list (want, id);

        return same_list (a, b);
      }
    case SP_FACT_INTEGER:
    case SP_FACT_NUMBER:
      return sp_case_get_number (got, id) == sp_case_get_number (want, id);
    case SP_FACT_DATE:
      {
        g_autofree char *a = sp_case_dup_date (got, id);
        g_autofree char *b = sp_case_dup_date (want, id);

        return g_strcmp0 (a, b) == 0;
      }
    case SP_FACT_STRING:
      return g_strcmp0 (sp_case_get_string (got, id), sp_case_get_string (want, id)) == 0;
    default:
      g_assert_not_reached ();
    }
}

static const char *
item_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_text (GTK_LABEL (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      const char *text = item_label (child);

      if (text)
        return text;
    }
  return NULL;
}

typedef struct {
  Walk   *walk;
  SpFact *fact;
} FactWait;

static gboolean
fact_entered (gpointer data)
{
  FactWait *fw = data;

  return same_fact (sp_window_get_case (fw->walk->win), fw->walk->want, fw->fact);
}

static void
wait_entered (Walk   *walk,
              SpFact *fact)
{
  FactWait fw = { walk, fact };

  if (!sp_test_wait_until (fact_entered, &fw, KEY_TIMEOUT_MS))
    {
      GtkWidget *focus = focus_of (walk->win);
      g_autofree char *text = sp_test_case_text (sp_window_get_case (walk->win));

      g_error ("%s: the keys did not record the fixture's value; the focus on %s “%s”; the case:\n%s",
               sp_fact_get_id (fact), focus ? G_OBJECT_TYPE_NAME (focus) : "nothing",
               focus ? item_label (focus) : "", text);
    }
  walk->entries++;
}

static gboolean
wants (Walk   *walk,
       SpFact *fact)
{
  return sp_case_is_recorded (walk->want, sp_fact_get_id (fact)) &&
         !same_fact (sp_window_get_case (walk->win), walk->want, fact);
}

/* Answering, with the keys for each kind of input */

static void
answer_boolean (Walk      *walk,
                SpFact    *fact,
                GtkWidget *input,
                GtkWidget *focus)
{
  /* One key: Y or N, wherever the focus is among the answers. */
  SpTriStateValue value = sp_case_get_boolean (walk->want, sp_fact_get_id (fact)) ? SP_TRI_STATE_YES : SP_TRI_STATE_NO;

  g_assert_true (is_or_inside (focus, input));
  press (value == SP_TRI_STATE_YES ? "y" : "n");
  wait_entered (walk, fact);
  /* The one Tab stop moves to the answer given. */
  g_assert_true (focus_of (walk->win) == GTK_WIDGET (sp_tri_state_get_button (SP_TRI_STATE (input), value)));
}

static gboolean
popover_closed (gpointer data)
{
  GtkWidget *focus = focus_of (data);

  return focus == NULL || gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) == NULL;
}

/* The list opens under wherever the pointer rests, and selects the item
 * under it: this is also the test that Enter chooses the item the keys
 * moved to, not that one (sp_combo_row_choose_activated_item()). */
static void
answer_choice (Walk      *walk,
               SpFact    *fact,
               GtkWidget *input)
{
  guint index;
  const char *label;
  GtkWidget *item;

  g_assert_true (sp_fact_lookup_choice (fact, sp_case_get_choice (walk->want, sp_fact_get_id (fact)), &index));
  label = sp_fact_get_choice_label (fact, index);

  /* Enter opens the list with the focus in it; Down to the answer, Enter.
   * The list drops down from the row where it is drawn: let the frame
   * that scrolls the row into view come first, as it would for a person. */
  gtk_test_widget_wait_for_draw (GTK_WIDGET (walk->win));
  item = press_and_move (walk->win, "Return");
  g_assert_nonnull (gtk_widget_get_ancestor (item, GTK_TYPE_POPOVER));
  for (guint i = 0; g_strcmp0 (item_label (item), label) != 0; i++)
    {
      if (i > sp_fact_get_n_choices (fact))
        g_error ("%s: “%s” not found by Down in the list", sp_fact_get_id (fact), label);
      item = press_and_move (walk->win, "Down");
    }
  press ("Return");
  wait_entered (walk, fact);

  /* The list closes and the focus is back on the question. */
  g_assert_true (sp_test_wait_until (popover_closed, walk->win, KEY_TIMEOUT_MS));
  g_assert_true (focus_of (walk->win) == input);
}

static gboolean
expanded (gpointer data)
{
  return adw_expander_row_get_expanded (data);
}

static gboolean
check_matches (gpointer data)
{
  GtkCheckButton *check = data;

  return gtk_check_button_get_active (check) == GPOINTER_TO_INT (g_object_get_data (G_OBJECT (check), "sp-want"));
}

static void
answer_list (Walk      *walk,
             SpFact    *fact,
             GtkWidget *row,
             GtkWidget *focus)
{
  g_auto(GStrv) chosen = sp_case_dup_choice_list (walk->want, sp_fact_get_id (fact));

  /* A ticked box, or "None" for an empty list: Space on its row. */
  for (int i = -1; i < (int) sp_fact_get_n_choices (fact); i++)
    {
      const char *id = i < 0 ? NULL : sp_fact_get_choice_id (fact, i);
      GtkWidget *check = sp_list_row_get_choice_button (SP_LIST_ROW (row), id);
      gboolean want = id ? g_strv_contains ((const char * const *) chosen, id) : chosen[0] == NULL;

      if (!is_or_inside (check, focus))
        continue;
      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)) != want)
        {
          g_object_set_data (G_OBJECT (check), "sp-want", GINT_TO_POINTER (want));
          press ("space");
          g_assert_true (sp_test_wait_until (check_matches, check, KEY_TIMEOUT_MS));
          if (same_fact (sp_window_get_case (walk->win), walk->want, fact))
            walk->entries++;
        }
      return;
    }

  /* The list's own row: Space opens it. */
  if (GTK_IS_LIST_BOX_ROW (focus) && !adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)))
    {
      press ("space");
      g_assert_true (sp_test_wait_until (expanded, row, KEY_TIMEOUT_MS));
    }
}

typedef struct {
  GtkEditable *editable;
  const char  *text;
} TextWait;

static gboolean
text_shown (gpointer data)
{
  TextWait *tw = data;

  return g_strcmp0 (gtk_editable_get_text (tw->editable), tw->text) == 0;
}

/* Types @text; until Return nothing reaches the case, then it does. */
static void
answer_typed (Walk       *walk,
              SpFact     *fact,
              GtkWidget  *input,
              const char *text)
{
  SpCase *case_ = sp_window_get_case (walk->win);
  g_autofree char *before = sp_test_case_text (case_);
  g_autofree char *after = NULL;
  TextWait tw = { GTK_EDITABLE (input), text };

  type_text (text);
  g_assert_true (sp_test_wait_until (text_shown, &tw, KEY_TIMEOUT_MS));
  /* A half-typed answer is never evaluated: give a late commit (an idle,
   * a timeout) the chance to happen, and see that none does. */
  sp_test_wait_ms (100);
  after = sp_test_case_text (case_);
  g_assert_cmpstr (after, ==, before);
  press ("Return");
  wait_entered (walk, fact);
}

static void
answer (Walk      *walk,
        GtkWidget *row,
        GtkWidget *focus)
{
  SpFact *fact = sp_fact_row_get_fact (SP_FACT_ROW (row));
  GtkWidget *input = sp_fact_row_get_input (SP_FACT_ROW (row));
  const char *id = sp_fact_get_id (fact);

  if (!wants (walk, fact))
    return;

  switch (sp_fact_get_fact_type (fact))
    {
    case SP_FACT_BOOLEAN:
      if (gtk_widget_is_ancestor (focus, input))
        answer_boolean (walk, fact, input, focus);
      break;

    case SP_FACT_CHOICE:
      if (focus == input)
        answer_choice (walk, fact, input);
      break;

    case SP_FACT_CHOICE_LIST:
    case SP_FACT_DECISION_LIST:
      answer_list (walk, fact, row, focus);
      break;

    case SP_FACT_INTEGER:
    case SP_FACT_NUMBER:
      if (gtk_widget_is_ancestor (focus, input))
        {
          g_autofree char *text = g_strdup_printf ("%g", sp_case_get_number (walk->want, id));

          answer_typed (walk, fact, input, text);
        }
      break;

    case SP_FACT_DATE:
      if (gtk_widget_is_ancestor (focus, input))
        {
          g_autofree char *text = sp_case_dup_date (walk->want, id);

          answer_typed (walk, fact, input, text);
        }
      break;

    case SP_FACT_STRING:
      if (gtk_widget_is_ancestor (focus, input))
        {
          TextWait tw = { GTK_EDITABLE (input), sp_case_get_string (walk->want, id) };

          /* Free text is recorded as typed, once it is valid. */
          type_text (tw.text);
          g_assert_true (sp_test_wait_until (text_shown, &tw, KEY_TIMEOUT_MS));
          wait_entered (walk, fact);
        }
      break;

    default:
      g_assert_not_reached ();
    }
}

/* The patient's and clinician's identifiers and the notes, typed as a
 * clinician types them; they never change a decision, so they are checked
 * against the case, not the evaluation. */

static const struct {
  const char  *title;                     /* the row's title, as shown */
  const char *(*get) (SpCase *case_);
  gboolean     uk_date;                   /* typed day first, as 09/11/1981 */
} identity_fields[] = {
  { "Patient name",               sp_case_get_patient_name,    FALSE },
  { "NHS number",                 sp_case_get_nhs_number,      FALSE },
  { "Date of birth (DD/MM/YYYY)", sp_case_get_date_of_birth,   TRUE },
  { "Clinician",                  sp_case_get_clinician_name,  FALSE },
  { "Clinician’s role",           sp_case_get_clinician_role,  FALSE },
  { "Notes",                      sp_case_get_notes,           FALSE },
};

typedef struct {
  SpCase      *case_;
  const char *(*get) (SpCase *case_);
  const char  *want;
} IdentityWait;

static gboolean
identity_entered (gpointer data)
{
  IdentityWait *iw = data;

  return g_strcmp0 (iw->get (iw->case_), iw->want) == 0;
}

/* The identity field that @focus types into, or -1. */
static int
identity_field_of (SpWindow  *win,
                   GtkWidget *focus)
{
  GtkWidget *identity = sp_window_get_identity_group (win);
  GtkWidget *notes = sp_window_get_notes_group (win);
  GtkWidget *entry_row;
  g_autofree char *title = NULL;

  if (focus && notes && gtk_widget_is_ancestor (focus, notes) && GTK_IS_TEXT_VIEW (focus))
    return G_N_ELEMENTS (identity_fields) - 1;
  if (!focus || !identity || !gtk_widget_is_ancestor (focus, identity) ||
      !(entry_row = gtk_widget_get_ancestor (focus, ADW_TYPE_ENTRY_ROW)))
    return -1;
  title = sp_test_strip_mnemonic (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (entry_row)));
  for (guint i = 0; i < G_N_ELEMENTS (identity_fields); i++)
    if (g_str_equal (title, identity_fields[i].title))
      return i;
  g_error ("an identity row the walk does not know: %s", title);
}

/* Types field @i of the walk's identity where the focus is, unless the
 * case has it already. */
static void
type_identity (Walk *walk,
               int   i)
{
  IdentityWait iw = { sp_window_get_case (walk->win), identity_fields[i].get, NULL };
  g_autofree char *typed = NULL;
  guint keys_before = n_keys_sent;

  iw.want = iw.get (walk->identity);
  if (iw.want == NULL || identity_entered (&iw))
    return;
  if (identity_fields[i].uk_date)
    {
      int year, month, day;

      g_assert_cmpint (sscanf (iw.want, "%d-%d-%d", &year, &month, &day), ==, 3);
      typed = g_strdup_printf ("%02d/%02d/%04d", day, month, year);
    }
  else
    typed = g_strdup (iw.want);
  type_words (typed);
  if (!sp_test_wait_until (identity_entered, &iw, KEY_TIMEOUT_MS))
    g_error ("%s: typed “%s”, recorded “%s”", identity_fields[i].title, typed,
             iw.get (iw.case_) ? iw.get (iw.case_) : "(nothing)");
  walk->identity_keys += n_keys_sent - keys_before;
}

static void
answer_identity (Walk      *walk,
                 GtkWidget *focus)
{
  int i = identity_field_of (walk->win, focus);

  if (i >= 0)
    type_identity (walk, i);
}

/* From where the window starts (the first red flag) up to the patient's
 * name with Shift+Tab: the identifiers sit above the screening. */
static void
back_to_identity (Walk *walk)
{
  guint keys_before = n_keys_sent;
  GtkWidget *focus = focus_of (walk->win);

  for (guint stops = 0; identity_field_of (walk->win, focus) != 0; stops++)
    {
      if (stops > MAX_STOPS)
        g_error ("Shift+Tab never reached the patient's name");
      focus = press_and_move (walk->win, "shift+Tab");
    }
  walk->identity_keys += n_keys_sent - keys_before;
}

static void
assert_identity (SpCase *got,
                 SpCase *want)
{
  for (guint i = 0; i < G_N_ELEMENTS (identity_fields); i++)
    if (g_strcmp0 (identity_fields[i].get (got), identity_fields[i].get (want)) != 0)
      g_error ("%s: “%s” in the window, “%s” in the file", identity_fields[i].title,
               identity_fields[i].get (got), identity_fields[i].get (want));
}

/* Walking a page */

static int
pathway_index (SpWindow   *win,
               const char *pathway_id)
{
  const char * const *pathways = sp_policy_get_pathway_ids (sp_window_get_policy (win));

  for (int i = 0; pathways && pathways[i]; i++)
    if (g_str_equal (pathways[i], pathway_id))
      return i;
  g_assert_not_reached ();
}

typedef struct {
  SpWindow      *win;
  SpPathwayPage *page;
} PageWait;

static gboolean
page_has_focus (gpointer data)
{
  PageWait *pw = data;

  return adw_view_stack_get_visible_child (sp_window_get_stack (pw->win)) == GTK_WIDGET (pw->page) &&
         in_form (pw->page, focus_of (pw->win));
}

/* Alt+N shows the tab and takes the focus into its form. */
static SpPathwayPage *
show_tab (SpWindow   *win,
          const char *pathway_id)
{
  PageWait pw = { win, SP_PATHWAY_PAGE (sp_window_get_page (win, pathway_id)) };
  g_autofree char *keys = g_strdup_printf ("alt+%d", pathway_index (win, pathway_id) + 1);
  g_autoptr(GList) rows = NULL;

  g_assert_nonnull (pw.page);
  /* The page's rows may be made a little after it is first shown: asking
   * for them makes them now, so the walk never races their making. */
  rows = sp_pathway_page_list_fact_rows (pw.page);
  g_assert_nonnull (rows);

  press (keys);
  if (!sp_test_wait_until (page_has_focus, &pw, KEY_TIMEOUT_MS))
    {
      GtkWidget *focus = focus_of (win);

      g_error ("%s did not show the %s tab with the focus in it: %s shown, the focus on %s%s",
               keys, pathway_id, adw_view_stack_get_visible_child_name (sp_window_get_stack (win)),
               focus ? G_OBJECT_TYPE_NAME (focus) : "nothing",
               focus && gtk_widget_is_ancestor (focus, GTK_WIDGET (pw.page)) ? " in the page" : "");
    }
  return pw.page;
}

/* The fact rows the user can see: shown, in a shown section. */
static GPtrArray *
visible_rows (SpPathwayPage *page)
{
  g_autoptr(GList) rows = sp_pathway_page_list_fact_rows (page);
  GPtrArray *visible = g_ptr_array_new ();

  for (GList *l = rows; l; l = l->next)
    if (gtk_widget_is_visible (l->data))
      g_ptr_array_add (visible, l->data);
  return visible;
}

/* Every question the user can see was reached, each once, in the order
 * they are drawn: top to bottom forwards, bottom to top backwards. */
static void
assert_order (SpPathwayPage *page,
              GPtrArray     *reached,
              gboolean       forwards)
{
  g_autoptr(GPtrArray) visible = visible_rows (page);

  for (guint i = 1; i < reached->len; i++)
    {
      double a = row_y (page, g_ptr_array_index (reached, i - 1));
      double b = row_y (page, g_ptr_array_index (reached, i));

      if (forwards ? !(a < b) : !(a > b))
        g_error ("%s: %s reached after %s, against the order on screen",
                 forwards ? "Tab" : "Shift+Tab",
                 sp_fact_get_id (sp_fact_row_get_fact (SP_FACT_ROW (g_ptr_array_index (reached, i)))),
                 sp_fact_get_id (sp_fact_row_get_fact (SP_FACT_ROW (g_ptr_array_index (reached, i - 1)))));
    }
  for (guint i = 0; i < visible->len; i++)
    if (!g_ptr_array_find (reached, g_ptr_array_index (visible, i), NULL))
      g_error ("%s never reached %s on the %s tab", forwards ? "Tab" : "Shift+Tab",
               sp_fact_get_id (sp_fact_row_get_fact (SP_FACT_ROW (g_ptr_array_index (visible, i)))),
               sp_pathway_page_get_pathway_id (page));
}

/* From the top of the form to its end with Tab, answering on the way. */
static void
walk_page (Walk       *walk,
           const char *pathway_id)
{
  SpPathwayPage *page = show_tab (walk->win, pathway_id);
  g_autoptr(GPtrArray) reached = g_ptr_array_new ();
  GtkWidget *focus = focus_of (walk->win);
  guint stops = 0;

  while (in_form (page, focus))
    {
      GtkWidget *row = fact_row_of (page, focus);

      if (row && (reached->len == 0 || g_ptr_array_index (reached, reached->len - 1) != row))
        {
          g_assert_false (g_ptr_array_find (reached, row, NULL));
          g_ptr_array_add (reached, row);
        }
      if (row)
        answer (walk, row, focus_of (walk->win));
      else if (walk->identity)
        answer_identity (walk, focus_of (walk->win));
      if (++stops > MAX_STOPS)
        g_error ("Tab never left the %s tab's questions: a focus trap", pathway_id);
      focus = press_and_move (walk->win, "Tab");
    }
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (page)));
  assert_order (page, reached, TRUE);
}

/* From the end of the form back to its top with Shift+Tab. */
static void
walk_page_back (Walk          *walk,
                SpPathwayPage *page)
{
  g_autoptr(GPtrArray) reached = g_ptr_array_new ();
  g_autoptr(GHashTable) stopped = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) visible = visible_rows (page);
  GtkWidget *focus = press_and_move (walk->win, "shift+Tab");
  guint stops = 0;

  g_assert_true (in_form (page, focus));
  while (in_form (page, focus))
    {
      GtkWidget *row = fact_row_of (page, focus);

      g_hash_table_add (stopped, focus);

      if (row && (reached->len == 0 || g_ptr_array_index (reached, reached->len - 1) != row))
        {
          g_assert_false (g_ptr_array_find (reached, row, NULL));
          g_ptr_array_add (reached, row);
        }
      if (++stops > MAX_STOPS)
        g_error ("Shift+Tab never left the questions: a focus trap");
      focus = press_and_move (walk->win, "shift+Tab");
    }
  assert_order (page, reached, FALSE);

  /* Every answer recorded can be cleared without the pointer. */
  for (guint i = 0; i < visible->len; i++)
    {
      GtkWidget *clear = sp_fact_row_get_clear_button (SP_FACT_ROW (g_ptr_array_index (visible, i)));

      if (clear && gtk_widget_is_sensitive (clear) && gtk_widget_is_visible (clear) &&
          !g_hash_table_contains (stopped, clear))
        g_error ("the clear button of %s is never reached by Shift+Tab",
                 sp_fact_get_id (sp_fact_row_get_fact (SP_FACT_ROW (g_ptr_array_index (visible, i)))));
    }
}

/* The fixture */

static void
load_fixture (Walk       *walk,
              SpPolicy   *policy,
              const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("SP_SOURCE_DIR"), "tests", "cases", name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  JsonObject *fixture;
  char *text;

  walk->parser = json_parser_new ();
  json_parser_load_from_file (walk->parser, path, &error);
  g_assert_no_error (error);
  fixture = json_node_get_object (json_parser_get_root (walk->parser));
  text = json_to_string (json_object_get_member (fixture, "case"), FALSE);
  bytes = g_bytes_new_take (text, strlen (text));
  walk->want = sp_case_new_from_bytes (policy, bytes, name, &error);
  g_assert_no_error (error);
  walk->decisions = json_object_get_object_member (json_object_get_object_member (fixture, "expect"), "decisions");
  g_test_message ("%s: %s", name, json_object_get_string_member_with_default (fixture, "description", ""));
}

static void
walk_clear (Walk *walk)
{
  g_clear_object (&walk->want);
  g_clear_object (&walk->parser);
}

/* The pages holding the fixture's facts, Patient (the screening) first. */
static GPtrArray *
pages_to_walk (Walk       *walk,
               const char *pathway_id)
{
  SpPolicy *policy = sp_window_get_policy (walk->win);
  const char * const *pathways = sp_policy_get_pathway_ids (policy);
  GPtrArray *pages = g_ptr_array_new ();

  for (guint p = 0; pathways[p]; p++)
    {
      gboolean holds = p == 0 || g_str_equal (pathways[p], pathway_id);

      for (guint i = 0; i < sp_policy_get_n_facts (policy) && !holds; i++)
        {
          SpFact *fact = sp_policy_get_fact (policy, i);

          holds = g_str_equal (sp_fact_get_pathway (fact), pathways[p]) &&
                  sp_case_is_recorded (walk->want, sp_fact_get_id (fact));
        }
      if (holds)
        g_ptr_array_add (pages, (gpointer) pathways[p]);
    }
  return pages;
}

static gboolean
page_done (Walk       *walk,
           const char *pathway_id)
{
  SpPolicy *policy = sp_window_get_policy (walk->win);

  for (guint i = 0; i < sp_policy_get_n_facts (policy); i++)
    {
      SpFact *fact = sp_policy_get_fact (policy, i);

      if (g_str_equal (sp_fact_get_pathway (fact), pathway_id) && wants (walk, fact))
        return FALSE;
    }
  return TRUE;
}

static void
assert_outcome (Walk *walk)
{
  SpPolicy *policy = sp_window_get_policy (walk->win);
  SpCase *got = sp_window_get_case (walk->win);
  SpEvaluation *evaluation = sp_window_get_evaluation (walk->win);
  JsonObjectIter iter;
  const char *decision_id;
  JsonNode *node;

  /* Exactly the fixture's facts, nothing more. */
  for (guint i = 0; i < sp_policy_get_n_facts (policy); i++)
    {
      SpFact *fact = sp_policy_get_fact (policy, i);

      if (!same_fact (got, walk->want, fact))
        g_error ("%s differs from the fixture after the walk", sp_fact_get_id (fact));
    }
  g_assert_cmpuint (sp_case_get_n_recorded (got), ==, sp_case_get_n_recorded (walk->want));

  json_object_iter_init (&iter, walk->decisions);
  while (json_object_iter_next (&iter, &decision_id, &node))
    {
      SpDecision *decision = sp_evaluation_lookup_decision (evaluation, decision_id);
      const char *want = json_object_get_string_member (json_node_get_object (node), "status");

      g_assert_nonnull (decision);
      g_assert_cmpstr (sp_status_to_string (sp_decision_get_status (decision)), ==, want);
    }
}

/* Tests */

static gboolean
have_xdotool (void)
{
  if (xdotool == NULL)
    {
      g_test_skip ("xdotool not found: keyboard tests need it to send real key events");
      return FALSE;
    }
  return TRUE;
}

/* Each page top to bottom; then again, for questions that a later answer
 * made relevant (the surgical suitability on the Patient tab asks after
 * previous injections recorded on a pathway's tab). */
static void
walk_pages (Walk      *walk,
            GPtrArray *pages)
{
  for (guint round = 0; round < 3; round++)
    {
      gboolean any = FALSE;

      for (guint p = 0; p < pages->len; p++)
        if (round == 0 || !page_done (walk, g_ptr_array_index (pages, p)))
          {
            walk_page (walk, g_ptr_array_index (pages, p));
            any = TRUE;
          }
      if (!any)
        break;
    }
}

static void
test_walk (gconstpointer data)
{
  guint n = GPOINTER_TO_UINT (data);
  const char *pathway_id = walks[n].pathway;
  Walk walk = { NULL, };
  g_autoptr(GPtrArray) pages = NULL;
  g_autofree char *png = NULL;
  gint64 start = g_get_monotonic_time ();
  guint keys_before, keys;

  if (!have_xdotool ())
    return;

  walk.win = sp_test_make_window (app, 1280, 800);
  load_fixture (&walk, sp_window_get_policy (walk.win), walks[n].fixture);
  focus_window (walk.win);
  g_assert_cmpuint (sp_case_get_n_recorded (sp_window_get_case (walk.win)), ==, 0);
  keys_before = n_keys_sent;

  pages = pages_to_walk (&walk, pathway_id);
  walk_pages (&walk, pages);
  for (guint p = 0; p < pages->len; p++)
    if (!page_done (&walk, g_ptr_array_index (pages, p)))
      g_error ("the keyboard walk could not answer everything on the %s tab",
               (char *) g_ptr_array_index (pages, p));

  assert_outcome (&walk);
  keys = n_keys_sent - keys_before;
  /* Focusing the window is not counted: it is the window manager's. */
  g_test_message ("%s: a complete assessment in %u key presses", walks[n].fixture, keys);
  /* The README's figure, for the lumbar (sciatica) walk: 117 while a
   * question was two Tab stops (the row, then its answers). */
  if (g_str_equal (pathway_id, "lumbar"))
    g_assert_cmpuint (keys, <=, SCIATICA_KEY_BUDGET);
  /* The focus ring is on the first decision, just past the questions. */
  png = g_strdup_printf ("keyboard-%s.png", pathway_id);
  sp_test_save_png (GTK_WIDGET (walk.win), png);

  /* And back up the pathway's own tab. */
  walk_page_back (&walk, SP_PATHWAY_PAGE (sp_window_get_page (walk.win, pathway_id)));
  g_test_message ("%s: %u answers by keyboard in %.1f s", walks[n].fixture, walk.entries,
                  (g_get_monotonic_time () - start) / 1e6);

  walk_clear (&walk);
  sp_test_destroy_window (walk.win);
}

/* The five consultations of the window's walk-through (issue 12), each a
 * summary case from tests/report/cases completed by keyboard alone: every
 * question answered by Tab and the keys of its kind, every decision then
 * as the core gives for the same facts read from the file. */
static const struct {
  const char *name;
  const char *file;           /* in tests/report/cases */
  const char *found_late;     /* a red flag answered No, then Yes by Ctrl+R */
  gboolean    save_and_export;
} consultations[] = {
  { "sciatica-epidural",           "lumbar-sciatica-supported.json", NULL,                   FALSE },
  { "nonspecific-facet-fusion",    "nonspecific-facet-fusion.json",  NULL,                   FALSE },
  { "cauda-equina-part-way",       "urgent-red-flag.json",           "red_flag_cauda_equina", FALSE },
  { "facet-denervation-10-months", "facet-rfd-10-months.json",       NULL,                   FALSE },
  { "sij-two-of-four-tests",       "sij-two-of-four-tests.json",     NULL,                   TRUE },
};

static SpCase *
load_report_case (SpPolicy   *policy,
                  const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("SP_SOURCE_DIR"), "tests", "report", "cases", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  SpCase *case_ = sp_case_new_from_file (policy, file, &error);

  g_assert_no_error (error);
  return case_;
}

/* Every decision in the window as the core decides @want read from its
 * file: the window's evaluation against one made apart from it. */
static void
assert_decisions_as_core (SpWindow *win,
                          SpCase   *want)
{
  g_autoptr(SpEvaluation) expected = sp_evaluation_new (want);
  GListModel *decisions = sp_evaluation_get_decisions (expected);

  for (guint i = 0; i < g_list_model_get_n_items (decisions); i++)
    {
      g_autoptr(SpDecision) decision = g_list_model_get_item (decisions, i);
      SpDecision *shown = sp_evaluation_lookup_decision (sp_window_get_evaluation (win), sp_decision_get_id (decision));

      g_assert_nonnull (shown);
      if (sp_decision_get_status (shown) != sp_decision_get_status (decision))
        g_error ("%s: the window says %s, the core %s", sp_decision_get_id (decision),
                 sp_status_to_string (sp_decision_get_status (shown)),
                 sp_status_to_string (sp_decision_get_status (decision)));
    }
}

static guint
count_status (SpWindow *win,
              SpStatus  status)
{
  GListModel *decisions = sp_evaluation_get_decisions (sp_window_get_evaluation (win));
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (decisions); i++)
    {
      g_autoptr(SpDecision) decision = g_list_model_get_item (decisions, i);

      n += sp_decision_get_status (decision) == status;
    }
  return n;
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found)
        return found;
    }
  return NULL;
}

/* What a tab's decisions show, read from the rows as the clinician reads
 * them: each decision's status as the core gives it for @want, evaluated
 * apart from the window; for a pathway nothing was recorded on, one "Not
 * assessed" row in their place (the summary's rule). */
static void
assert_rows_show (SpPathwayPage *page,
                  SpCase        *want)
{
  g_autoptr(SpEvaluation) expected = sp_evaluation_new (want);
  SpPolicy *policy = sp_case_get_policy (want);
  const char *pathway_id = sp_pathway_page_get_pathway_id (page);
  gboolean assessed = sp_case_is_pathway_assessed (want, pathway_id);
  GtkWidget *not_assessed = find_named (GTK_WIDGET (page), "not-assessed");
  guint n_rows = 0;

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  for (guint i = 0; i < sp_policy_get_n_decisions (policy); i++)
    {
      SpDecisionRule *rule = sp_policy_get_decision (policy, i);
      const char *id = sp_decision_rule_get_id (rule);
      GtkWidget *row;
      const char *shown;
      SpStatus status;

      if (!g_str_equal (sp_decision_rule_get_pathway (rule), pathway_id))
        continue;
      row = sp_pathway_page_lookup_decision_row (page, id);
      g_assert_nonnull (row);
      n_rows++;
      if (!assessed)
        {
          if (gtk_widget_get_visible (row))
            g_error ("%s: shown with a status on the %s tab, which nothing was recorded on", id, pathway_id);
          continue;
        }
      status = sp_decision_get_status (sp_evaluation_lookup_decision (expected, id));
      shown = gtk_label_get_text (sp_decision_row_get_status_label (SP_DECISION_ROW (row)));
      if (!gtk_widget_get_mapped (row) || g_strcmp0 (shown, sp_status_get_label (status)) != 0)
        g_error ("%s: the row shows “%s”%s, the core decides %s", id, shown,
                 gtk_widget_get_mapped (row) ? "" : " (not on screen)", sp_status_get_label (status));
    }
  g_assert_cmpuint (n_rows, >, 0);
  if (assessed)
    g_assert_true (not_assessed == NULL || !gtk_widget_get_visible (not_assessed));
  else
    g_assert_true (not_assessed != NULL && gtk_widget_get_mapped (not_assessed));
}

/* Tab from where Ctrl+R puts the focus to @fact_id's row, and Y. */
static void
flag_found_late (Walk       *walk,
                 const char *fact_id)
{
  SpPathwayPage *page = SP_PATHWAY_PAGE (sp_window_get_page (walk->win, sp_policy_get_pathway_ids (sp_window_get_policy (walk->win))[0]));
  GtkWidget *focus = press_and_move (walk->win, "ctrl+r");
  guint stops = 0;

  for (;;)
    {
      GtkWidget *row = fact_row_of (page, focus);

      /* Its answers, not its help button, which comes first. */
      if (row && g_str_equal (sp_fact_get_id (sp_fact_row_get_fact (SP_FACT_ROW (row))), fact_id) &&
          gtk_widget_is_ancestor (focus, sp_fact_row_get_input (SP_FACT_ROW (row))))
        break;
      if (++stops > MAX_STOPS)
        g_error ("Tab from Ctrl+R never reached %s", fact_id);
      focus = press_and_move (walk->win, "Tab");
    }
  press ("y");
  wait_entered (walk, sp_policy_lookup_fact (sp_window_get_policy (walk->win), fact_id));
}

static gboolean
file_written (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_IS_REGULAR);
}

static gboolean
session_saved (gpointer data)
{
  SpCaseSession *session = sp_window_get_session (data);

  return sp_case_session_get_file (session) != NULL && !sp_case_session_get_modified (session);
}

static gboolean
chooser_shown (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (window != data && gtk_widget_get_mapped (GTK_WIDGET (window)) &&
          gtk_window_get_transient_for (window) == data)
        return TRUE;
    }
  return FALSE;
}

static gboolean
chooser_gone (gpointer data)
{
  return !chooser_shown (data);
}

/* The save and export choosers answered by typing the whole path. */
static void
save_by_keys (SpWindow   *win,
              const char *keys,
              const char *path)
{
  press (keys);
  if (!sp_test_wait_until (chooser_shown, win, 10000))
    g_error ("%s showed no file chooser", keys);
  sp_test_wait_ms (300);
  press ("ctrl+a");
  type_text (path);
  press ("Return");
  if (!sp_test_wait_until (file_written, (gpointer) path, 10000))
    g_error ("%s then %s wrote nothing", keys, path);
  g_assert_true (sp_test_wait_until (chooser_gone, win, 10000));
  /* A window manager gives the keyboard back to the window; Xvfb has none. */
  focus_window (win);
}

/* Saves the case and exports its summary into a new folder by @save
 * (with @save_how, then @export_how), and checks what was written: the
 * file's facts, identifiers and notes, the PDF, both readable only by
 * their owner. */
static void
save_and_export (Walk       *walk,
                 SpCase     *complete,
                 void      (*save) (SpWindow *win, const char *how, const char *path),
                 const char *save_how,
                 const char *export_how)
{
  SpPolicy *policy = sp_window_get_policy (walk->win);
  g_autofree char *dir = g_dir_make_tmp ("sp-consultation-XXXXXX", NULL);
  g_autofree char *case_path = g_build_filename (dir, "sij.spcase", NULL);
  g_autofree char *pdf_path = g_build_filename (dir, "sij.pdf", NULL);
  g_autoptr(GFile) case_file = g_file_new_for_path (case_path);
  g_autoptr(SpCase) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = NULL;
  gsize pdf_length = 0;
  GStatBuf st;

  g_assert_nonnull (dir);
  save (walk->win, save_how, case_path);
  g_assert_true (sp_test_wait_until (session_saved, walk->win, 10000));
  saved = sp_case_new_from_file (policy, case_file, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < sp_policy_get_n_facts (policy); i++)
    g_assert_true (same_fact (saved, complete, sp_policy_get_fact (policy, i)));
  assert_identity (saved, complete);
  g_assert_cmpint (g_stat (case_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  save (walk->win, export_how, pdf_path);
  g_assert_true (g_file_get_contents (pdf_path, &pdf, &pdf_length, NULL));
  g_assert_cmpuint (pdf_length, >, 1000);
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
  g_assert_cmpint (g_stat (pdf_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_remove (pdf_path);
  g_remove (case_path);
  g_rmdir (dir);
}

/* A window for consultation @n, with the file's case; the walk's own copy
 * has a flag found late answered No, as with the rest of the screening. */
static SpCase *
consultation_begin (Walk  *walk,
                    guint  n)
{
  SpCase *complete;

  walk->win = sp_test_make_window (app, 1280, 800);
  complete = load_report_case (sp_window_get_policy (walk->win), consultations[n].file);
  walk->want = sp_case_copy (complete);
  walk->identity = complete;
  if (consultations[n].found_late)
    sp_case_set_boolean (walk->want, consultations[n].found_late, FALSE);
  focus_window (walk->win);
  return complete;
}

static guint
n_decisions (SpWindow *win)
{
  return g_list_model_get_n_items (sp_evaluation_get_decisions (sp_window_get_evaluation (win)));
}

/* Exactly the file's facts, and the core's decisions for them. */
static void
assert_consultation_complete (Walk   *walk,
                              SpCase *complete,
                              guint   n)
{
  SpPolicy *policy = sp_window_get_policy (walk->win);

  for (guint i = 0; i < sp_policy_get_n_facts (policy); i++)
    {
      SpFact *fact = sp_policy_get_fact (policy, i);

      if (!same_fact (sp_window_get_case (walk->win), complete, fact))
        g_error ("%s differs from %s after the walk", sp_fact_get_id (fact), consultations[n].file);
    }
  assert_identity (sp_window_get_case (walk->win), complete);
  assert_decisions_as_core (walk->win, complete);
}

static void
test_consultation (gconstpointer data)
{
  guint n = GPOINTER_TO_UINT (data);
  Walk walk = { NULL, };
  g_autoptr(SpCase) complete = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  g_autofree char *png = NULL;
  guint keys_before, keys;

  if (!have_xdotool ())
    return;

  complete = consultation_begin (&walk, n);
  keys_before = n_keys_sent;
  back_to_identity (&walk);

  pages = pages_to_walk (&walk, sp_policy_get_pathway_ids (sp_window_get_policy (walk.win))[0]);
  walk_pages (&walk, pages);
  assert_decisions_as_core (walk.win, walk.want);

  if (consultations[n].found_late)
    {
      /* Before the flag, the assessment decided something; after it, every
       * decision is an urgent referral, whatever was answered. */
      g_assert_cmpuint (count_status (walk.win, SP_STATUS_URGENT_REFERRAL), ==, 0);
      g_clear_object (&walk.want);
      walk.want = g_object_ref (complete);
      flag_found_late (&walk, consultations[n].found_late);
      g_assert_cmpuint (count_status (walk.win, SP_STATUS_URGENT_REFERRAL), ==, n_decisions (walk.win));
    }

  assert_consultation_complete (&walk, complete, n);
  keys = n_keys_sent - keys_before;
  g_test_message ("%s: %u answers in %u key presses, and %u more typing the identifiers and notes",
                  consultations[n].name, walk.entries, keys - walk.identity_keys, walk.identity_keys);

  /* Then every tab's decisions read, each tab shown by its Alt+N. */
  for (const char * const *p = sp_policy_get_pathway_ids (sp_window_get_policy (walk.win)); *p; p++)
    assert_rows_show (show_tab (walk.win, *p), complete);

  if (consultations[n].save_and_export)
    save_and_export (&walk, complete, save_by_keys, "ctrl+s", "ctrl+e");

  png = g_strdup_printf ("consultation-%s.png", consultations[n].name);
  sp_test_save_png (GTK_WIDGET (walk.win), png);
  walk_clear (&walk);
  sp_test_destroy_window (walk.win);
}

/* The same five consultations by mouse: every tab, answer, choice and
 * box clicked with real pointer clicks, the form scrolled with the wheel
 * until the question is in view. Numbers and dates are typed (there is no
 * other way to give one) and committed with Return. */

static guint n_clicks, n_wheel_steps;

static void
click (GtkWidget *widget)
{
  g_assert_true (gtk_widget_get_mapped (widget));
  /* Where it is drawn now, not where it was before the last answer moved
   * the form. */
  gtk_test_widget_wait_for_draw (gtk_widget_get_ancestor (widget, GTK_TYPE_WINDOW));
  g_assert_true (sp_test_warp_pointer_to (widget));
  /* A hand on a mouse never arrives without moving: GTK takes the pointer
   * as over the window only once it has seen it move there. */
  xdo_line ("mousemove_relative 1 1");
  xdo_line ("mousemove_relative -- -1 -1");
  sp_test_wait_ms (50);
  /* Held as a hand holds it. xdotool's click releases within a
   * millisecond, and a motion GTK makes up between the two then reads
   * the button as up: the click's gesture is cancelled. */
  xdo_line ("mousedown 1");
  xdo_line ("sleep 0.05");
  xdo_line ("mouseup 1");
  n_clicks++;
}

/* A click that did not do what it should fails the walk. One was lost
 * straight after a drop-down's choice, in about one walk in two: GTK 4.8
 * on X11 took the pointer to be over the closed list (see
 * on_list_popover_closed() in sp-widget-util.c); another, after a banner
 * went, found the divider moving as the decisions changed. */
static void
click_until (GtkWidget  *widget,
             gboolean  (*done) (gpointer data),
             gpointer    data,
             const char *what)
{
  click (widget);
  if (!sp_test_wait_until (done, data, KEY_TIMEOUT_MS))
    {
      GtkRoot *root = gtk_widget_get_root (widget);
      GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

      /* What the pointer was over, for whoever reads the failure. */
      if (root)
        sp_test_save_png (GTK_WIDGET (root), "lost-click.png");
      g_error ("%s: the click was lost; the focus on %s%s", what,
               focus ? G_OBJECT_TYPE_NAME (focus) : "nothing",
               root && gtk_window_is_active (GTK_WINDOW (root)) ? "" : " in an inactive window");
    }
}

typedef struct {
  SpWindow  *win;
  GtkWidget *input;
} InputWait;

static gboolean
focus_in_input (gpointer data)
{
  InputWait *iw = data;
  GtkWidget *focus = focus_of (iw->win);

  return focus && is_or_inside (focus, iw->input);
}

static gboolean
holds_label (GtkWidget  *widget,
             const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (holds_label (child, text))
      return TRUE;
  return FALSE;
}

static GtkWidget *
find_button_labelled (GtkWidget  *widget,
                      const char *label)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) && holds_label (widget, label))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_labelled (child, label);

      if (found)
        return found;
    }
  return NULL;
}

static gboolean
page_shown (gpointer data)
{
  PageWait *pw = data;

  return adw_view_stack_get_visible_child (sp_window_get_stack (pw->win)) == GTK_WIDGET (pw->page);
}

/* The tab's button in the header, by the page's title. */
static SpPathwayPage *
click_tab (SpWindow   *win,
           const char *pathway_id)
{
  PageWait pw = { win, SP_PATHWAY_PAGE (sp_window_get_page (win, pathway_id)) };
  AdwViewStackPage *stack_page = adw_view_stack_get_page (sp_window_get_stack (win), GTK_WIDGET (pw.page));
  g_autofree char *title = sp_test_strip_mnemonic (adw_view_stack_page_get_title (stack_page));
  GtkWidget *button = find_button_labelled (GTK_WIDGET (win), title);
  g_autoptr(GList) rows = sp_pathway_page_list_fact_rows (pw.page);

  if (button == NULL)
    g_error ("no tab button labelled %s", title);
  click_until (button, page_shown, &pw, title);
  sp_test_wait_ms (100);
  return pw.page;
}

/* The scroller that moves @widget: the nearest one that scrolls. */
static GtkWidget *
scroller_of (GtkWidget *widget)
{
  for (GtkWidget *w = gtk_widget_get_parent (widget); w; w = gtk_widget_get_parent (w))
    if (GTK_IS_SCROLLED_WINDOW (w))
      {
        GtkPolicyType vertical;

        gtk_scrolled_window_get_policy (GTK_SCROLLED_WINDOW (w), NULL, &vertical);
        if (vertical != GTK_POLICY_NEVER)
          return w;
      }
  return NULL;
}

static gboolean
in_view (GtkWidget *widget,
         GtkWidget *scroller)
{
  graphene_rect_t bounds;

  if (!gtk_widget_compute_bounds (widget, scroller, &bounds))
    return FALSE;
  return bounds.origin.y >= 0 && bounds.origin.y + bounds.size.height <= gtk_widget_get_height (scroller);
}

/* Wheel steps seen by the window, counted before any widget sees them. */
static guint n_scrolls_seen;

static gboolean
count_scroll (GtkEventControllerLegacy *controller,
              GdkEvent                 *event,
              gpointer                  data)
{
  if (gdk_event_get_event_type (event) == GDK_SCROLL)
    n_scrolls_seen++;
  return GDK_EVENT_PROPAGATE;
}

static gboolean
scroll_seen (gpointer data)
{
  return n_scrolls_seen > GPOINTER_TO_UINT (data);
}

/* The wheel, over the form, until @widget is whole on screen. Each step
 * is waited for as the window sees it, not by the form moving: the form
 * also moves on its own, when a banner goes and the scroller makes up
 * for it, and a step taken as done then arrived after the next click was
 * aimed, moving the form under it. */
static void
wheel_into_view (GtkWidget *widget)
{
  GtkWidget *scroller = scroller_of (widget);
  GtkWidget *window = gtk_widget_get_ancestor (widget, GTK_TYPE_WINDOW);

  if (scroller && g_object_get_data (G_OBJECT (window), "sp-test-scroll-counter") == NULL)
    {
      GtkEventController *counter = gtk_event_controller_legacy_new ();

      gtk_event_controller_set_propagation_phase (counter, GTK_PHASE_CAPTURE);
      g_signal_connect (counter, "event", G_CALLBACK (count_scroll), NULL);
      gtk_widget_add_controller (window, counter);
      g_object_set_data (G_OBJECT (window), "sp-test-scroll-counter", counter);
    }

  for (guint i = 0; scroller && !in_view (widget, scroller); i++)
    {
      graphene_rect_t bounds;
      guint seen = n_scrolls_seen;

      if (i > 200)
        g_error ("the wheel never brought %s into view", G_OBJECT_TYPE_NAME (widget));
      g_assert_true (gtk_widget_compute_bounds (widget, scroller, &bounds));
      g_assert_true (sp_test_warp_pointer_to (scroller));
      xdo_line ("click %d", bounds.origin.y < 0 ? 4 : 5);
      n_wheel_steps++;
      if (!sp_test_wait_until (scroll_seen, GUINT_TO_POINTER (seen), KEY_TIMEOUT_MS))
        g_error ("a wheel step never reached the window");
      gtk_test_widget_wait_for_draw (window);
    }
}

static gboolean
popover_open_under (gpointer data)
{
  for (GtkWidget *child = gtk_widget_get_first_child (data); child; child = gtk_widget_get_next_sibling (child))
    if ((GTK_IS_POPOVER (child) && gtk_widget_get_mapped (child)) || popover_open_under (child))
      return TRUE;
  return FALSE;
}

static GtkWidget *
find_item_labelled (GtkWidget  *widget,
                    const char *label)
{
  /* A list item is a child of the list view that holds the label. */
  if (GTK_IS_LIST_VIEW (widget))
    {
      for (GtkWidget *item = gtk_widget_get_first_child (widget); item; item = gtk_widget_get_next_sibling (item))
        if (gtk_widget_get_mapped (item) && g_strcmp0 (item_label (item), label) == 0)
          return item;
      return NULL;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_item_labelled (child, label);

      if (found)
        return found;
    }
  return NULL;
}

static void
mouse_answer (Walk      *walk,
              GtkWidget *row)
{
  SpFact *fact = sp_fact_row_get_fact (SP_FACT_ROW (row));
  GtkWidget *input = sp_fact_row_get_input (SP_FACT_ROW (row));
  const char *id = sp_fact_get_id (fact);

  switch (sp_fact_get_fact_type (fact))
    {
    case SP_FACT_BOOLEAN:
      {
        GtkWidget *button = GTK_WIDGET (sp_tri_state_get_button (SP_TRI_STATE (input),
                                                                 sp_case_get_boolean (walk->want, id) ? SP_TRI_STATE_YES
                                                                                                      : SP_TRI_STATE_NO));
        FactWait fw = { walk, fact };

        wheel_into_view (button);
        click_until (button, fact_entered, &fw, id);
        wait_entered (walk, fact);
      }
      break;

    case SP_FACT_CHOICE:
      {
        guint index;
        GtkWidget *item;

        g_assert_true (sp_fact_lookup_choice (fact, sp_case_get_choice (walk->want, id), &index));
        wheel_into_view (input);
        click_until (input, popover_open_under, input, id);
        sp_test_wait_ms (100);
        item = find_item_labelled (input, sp_fact_get_choice_label (fact, index));
        if (item == NULL)
          g_error ("%s: no item \"%s\" in the open list", id, sp_fact_get_choice_label (fact, index));
        click (item);
        wait_entered (walk, fact);
        g_assert_true (sp_test_wait_until (popover_closed, walk->win, KEY_TIMEOUT_MS));
      }
      break;

    case SP_FACT_CHOICE_LIST:
    case SP_FACT_DECISION_LIST:
      {
        g_auto(GStrv) chosen = sp_case_dup_choice_list (walk->want, id);

        if (!adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)))
          {
            wheel_into_view (row);
            click_until (row, expanded, row, id);
            sp_test_wait_ms (100);
          }
        for (int i = -1; i < (int) sp_fact_get_n_choices (fact); i++)
          {
            const char *choice = i < 0 ? NULL : sp_fact_get_choice_id (fact, i);
            GtkWidget *check = sp_list_row_get_choice_button (SP_LIST_ROW (row), choice);
            gboolean want = choice ? g_strv_contains ((const char * const *) chosen, choice) : chosen[0] == NULL;

            if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)) == want)
              continue;
            g_object_set_data (G_OBJECT (check), "sp-want", GINT_TO_POINTER (want));
            wheel_into_view (check);
            click_until (check, check_matches, check, id);
          }
        wait_entered (walk, fact);
      }
      break;

    case SP_FACT_INTEGER:
    case SP_FACT_NUMBER:
    case SP_FACT_DATE:
      {
        g_autofree char *text = sp_fact_get_fact_type (fact) == SP_FACT_DATE
          ? sp_case_dup_date (walk->want, id)
          : g_strdup_printf ("%g", sp_case_get_number (walk->want, id));

        InputWait iw = { walk->win, input };

        /* The text itself: a number's box is mostly its − and + buttons. */
        GtkWidget *text_box = GTK_IS_EDITABLE (input) && gtk_editable_get_delegate (GTK_EDITABLE (input))
          ? GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (input))) : input;

        wheel_into_view (input);
        click_until (text_box, focus_in_input, &iw, id);
        type_text (text);
        press ("Return");
        wait_entered (walk, fact);
      }
      break;

    case SP_FACT_STRING:
      {
        InputWait iw = { walk->win, input };
        GtkWidget *text_box = GTK_IS_EDITABLE (input) && gtk_editable_get_delegate (GTK_EDITABLE (input))
          ? GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (input))) : input;

        /* Free text is recorded as typed, once it is valid. */
        wheel_into_view (input);
        click_until (text_box, focus_in_input, &iw, id);
        type_text (sp_case_get_string (walk->want, id));
        wait_entered (walk, fact);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
collect_typed_into (GtkWidget *widget,
                    GPtrArray *found)
{
  if (ADW_IS_ENTRY_ROW (widget))
    g_ptr_array_add (found, widget);
  else if (GTK_IS_TEXT_VIEW (widget))
    g_ptr_array_add (found, gtk_widget_get_ancestor (widget, GTK_TYPE_FRAME));
  else
    for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
      collect_typed_into (child, found);
}

/* The identifiers' rows and the notes, each brought into view by the
 * wheel, clicked, then typed into. */
static void
mouse_identity (Walk *walk)
{
  g_autoptr(GPtrArray) targets = g_ptr_array_new ();

  collect_typed_into (sp_window_get_identity_group (walk->win), targets);
  collect_typed_into (sp_window_get_notes_group (walk->win), targets);
  g_assert_cmpuint (targets->len, ==, G_N_ELEMENTS (identity_fields));
  for (guint i = 0; i < targets->len; i++)
    {
      InputWait iw = { walk->win, g_ptr_array_index (targets, i) };

      wheel_into_view (iw.input);
      click_until (iw.input, focus_in_input, &iw, G_OBJECT_TYPE_NAME (iw.input));
      answer_identity (walk, focus_of (walk->win));
    }
}

static GtkWidget *
find_label_showing (GtkWidget  *widget,
                    const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_showing (child, text);

      if (found)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_entry (GtkWidget *widget)
{
  if (GTK_IS_ENTRY (widget) && gtk_widget_get_mapped (widget) && gtk_editable_get_editable (GTK_EDITABLE (widget)))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_entry (child);

      if (found)
        return found;
    }
  return NULL;
}

static GtkWidget *
chooser_of (SpWindow *win)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (window != GTK_WINDOW (win) && gtk_widget_get_mapped (GTK_WIDGET (window)) &&
          gtk_window_get_transient_for (window) == GTK_WINDOW (win))
        return GTK_WIDGET (window);
    }
  return NULL;
}

/* @item of the main menu, clicked; in the chooser it opens, the name
 * field clicked and its text selected, the path typed over it (a name has
 * no other way in), and the chooser's @item button clicked. */
static void
save_by_mouse (SpWindow   *win,
               const char *item,
               const char *path)
{
  GtkWidget *menu_button = GTK_WIDGET (win->primary_menu_button);
  g_auto(GStrv) words = g_strsplit (item, "|", 2);
  GtkWidget *label, *chooser, *name, *accept;
  TextWait tw;

  click_until (menu_button, popover_open_under, menu_button, "the main menu");
  label = find_label_showing (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button))), words[0]);
  if (label == NULL)
    g_error ("no “%s” in the main menu", words[0]);
  click (label);
  if (!sp_test_wait_until (chooser_shown, win, 10000))
    g_error ("“%s” showed no file chooser", words[0]);
  sp_test_wait_ms (300);
  chooser = chooser_of (win);
  /* A window manager gives a new window the keyboard; Xvfb has none. */
  focus_toplevel (GTK_WINDOW (chooser));
  name = find_entry (chooser);
  g_assert_nonnull (name);
  click (name);
  /* Ctrl+A, not a triple click, whose timing is the desktop's setting. */
  press ("ctrl+a");
  sp_test_wait_ms (100);
  type_text (path);
  tw.editable = GTK_EDITABLE (name);
  tw.text = path;
  if (!sp_test_wait_until (text_shown, &tw, KEY_TIMEOUT_MS))
    g_error ("the chooser's name reads “%s”, not the path typed", gtk_editable_get_text (tw.editable));
  accept = find_button_labelled (chooser, words[1]);
  if (accept == NULL)
    g_error ("the chooser has no “%s” button", words[1]);
  click (accept);
  if (!sp_test_wait_until (file_written, (gpointer) path, 10000))
    g_error ("“%s” then %s wrote nothing", words[0], path);
  g_assert_true (sp_test_wait_until (chooser_gone, win, 10000));
  focus_window (win);
}

static SpPathwayPage *sort_page;

static int
by_row_y (gconstpointer a,
          gconstpointer b)
{
  double ya = row_y (sort_page, *(GtkWidget **) a);
  double yb = row_y (sort_page, *(GtkWidget **) b);

  return ya < yb ? -1 : ya > yb;
}

static void
mouse_page (Walk       *walk,
            const char *pathway_id)
{
  SpPathwayPage *page = click_tab (walk->win, pathway_id);

  /* Top to bottom, again while an answer made a new question relevant. */
  for (guint round = 0; round < 4 && !page_done (walk, pathway_id); round++)
    {
      g_autoptr(GPtrArray) rows = visible_rows (page);

      sort_page = page;
      g_ptr_array_sort (rows, by_row_y);

      for (guint i = 0; i < rows->len; i++)
        {
          GtkWidget *row = g_ptr_array_index (rows, i);

          if (gtk_widget_get_visible (row) && wants (walk, sp_fact_row_get_fact (SP_FACT_ROW (row))))
            mouse_answer (walk, row);
        }
    }
  if (!page_done (walk, pathway_id))
    g_error ("the mouse walk could not answer everything on the %s tab", pathway_id);
}

static void
test_consultation_by_mouse (gconstpointer data)
{
  guint n = GPOINTER_TO_UINT (data);
  Walk walk = { NULL, };
  g_autoptr(SpCase) complete = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  g_autofree char *png = NULL;
  guint clicks_before = n_clicks, wheel_before = n_wheel_steps, keys_before = n_keys_sent;

  if (!have_xdotool ())
    return;

  complete = consultation_begin (&walk, n);
  pages = pages_to_walk (&walk, sp_policy_get_pathway_ids (sp_window_get_policy (walk.win))[0]);
  /* Who the patient is first, as the form asks; the notes are at its end,
   * but a clinician writes them as the history is taken. */
  click_tab (walk.win, g_ptr_array_index (pages, 0));
  mouse_identity (&walk);
  for (guint round = 0; round < 3; round++)
    for (guint p = 0; p < pages->len; p++)
      if (!page_done (&walk, g_ptr_array_index (pages, p)))
        mouse_page (&walk, g_ptr_array_index (pages, p));
  assert_decisions_as_core (walk.win, walk.want);

  if (consultations[n].found_late)
    {
      SpPathwayPage *first = click_tab (walk.win, sp_policy_get_pathway_ids (sp_window_get_policy (walk.win))[0]);
      GtkWidget *row = sp_pathway_page_lookup_fact_row (first, consultations[n].found_late);

      g_assert_cmpuint (count_status (walk.win, SP_STATUS_URGENT_REFERRAL), ==, 0);
      g_clear_object (&walk.want);
      walk.want = g_object_ref (complete);
      mouse_answer (&walk, row);
      g_assert_cmpuint (count_status (walk.win, SP_STATUS_URGENT_REFERRAL), ==, n_decisions (walk.win));
    }

  assert_consultation_complete (&walk, complete, n);
  for (const char * const *p = sp_policy_get_pathway_ids (sp_window_get_policy (walk.win)); *p; p++)
    assert_rows_show (click_tab (walk.win, *p), complete);
  /* The menu item, then the chooser's button, both by their words. */
  if (consultations[n].save_and_export)
    save_and_export (&walk, complete, save_by_mouse, "Save|Save", "Export Summary as PDF…|Export");
  g_test_message ("%s by mouse: %u clicks, %u wheel steps, %u keys typed (identifiers, notes, numbers, dates, paths)",
                  consultations[n].name, n_clicks - clicks_before,
                  n_wheel_steps - wheel_before, n_keys_sent - keys_before);

  png = g_strdup_printf ("mouse-%s.png", consultations[n].name);
  sp_test_park_pointer ();
  sp_test_save_png (GTK_WIDGET (walk.win), png);
  walk_clear (&walk);
  sp_test_destroy_window (walk.win);
}

/* The click after a choice from a drop-down, with the pointer not moved
 * from where the list was (as a hand that chose, then clicked what is now
 * under it): the press reaches the window. On GTK 4.8 under X11 it went to
 * the closed list, every time, until its surface stopped passing it on. */

static guint n_window_presses;

static gboolean
count_press (GtkEventControllerLegacy *controller,
             GdkEvent                 *event,
             gpointer                  data)
{
  if (gdk_event_get_event_type (event) == GDK_BUTTON_PRESS)
    n_window_presses++;
  return GDK_EVENT_PROPAGATE;
}

static gboolean
press_seen (gpointer data)
{
  return n_window_presses > GPOINTER_TO_UINT (data);
}

static gboolean
choice_is (gpointer data)
{
  SpWindow *win = data;

  return g_strcmp0 (sp_case_get_choice (sp_window_get_case (win), "lumbar_condition"), "sciatica") == 0;
}

static void
test_press_after_drop_down (void)
{
  SpWindow *win;
  GtkEventController *counter;
  SpFact *fact;
  GtkWidget *input, *item;
  guint index;

  if (!have_xdotool ())
    return;

  win = sp_test_make_window (app, 1280, 800);
  focus_window (win);
  counter = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (counter, GTK_PHASE_CAPTURE);
  g_signal_connect (counter, "event", G_CALLBACK (count_press), NULL);
  gtk_widget_add_controller (GTK_WIDGET (win), counter);

  click_tab (win, "lumbar");
  fact = sp_policy_lookup_fact (sp_window_get_policy (win), "lumbar_condition");
  g_assert_true (sp_fact_lookup_choice (fact, "sciatica", &index));
  input = sp_window_lookup_fact_input (win, "lumbar_condition");
  wheel_into_view (input);
  click_until (input, popover_open_under, input, "lumbar_condition");
  sp_test_wait_ms (100);
  item = find_item_labelled (input, sp_fact_get_choice_label (fact, index));
  g_assert_nonnull (item);
  click (item);
  g_assert_true (sp_test_wait_until (choice_is, win, KEY_TIMEOUT_MS));
  g_assert_true (sp_test_wait_until (popover_closed, win, KEY_TIMEOUT_MS));
  /* Two frames, for the layouts that follow a choice. */
  gtk_test_widget_wait_for_draw (GTK_WIDGET (win));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (win));

  /* Pressed and released where the pointer rests, not moved at all. */
  {
    guint before = n_window_presses;

    xdo_line ("mousedown 1");
    xdo_line ("sleep 0.08");
    xdo_line ("mouseup 1");
    if (!sp_test_wait_until (press_seen, GUINT_TO_POINTER (before), 3000))
      g_error ("a press after a drop-down's choice never reached the window");
  }
  sp_test_park_pointer ();
  sp_test_destroy_window (win);
}

static gboolean
number_is (gpointer data)
{
  SpWindow *win = data;
  double want = *(double *) g_object_get_data (G_OBJECT (win), "sp-want");

  return sp_case_is_recorded (sp_window_get_case (win), "conservative_weeks") &&
         sp_case_get_number (sp_window_get_case (win), "conservative_weeks") == want;
}

static void
expect_number (SpWindow *win,
               double    value)
{
  g_object_set_data (G_OBJECT (win), "sp-want", &value);
  g_assert_true (sp_test_wait_until (number_is, win, KEY_TIMEOUT_MS));
  g_object_set_data (G_OBJECT (win), "sp-want", NULL);
}

/* A number being typed is not an answer until Return (or leaving it). */
static void
test_half_typed_number (void)
{
  SpWindow *win;
  SpCase *case_;
  GtkWidget *input;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  TextWait tw;

  if (!have_xdotool ())
    return;

  win = sp_test_make_window (app, 1280, 800);
  case_ = sp_window_get_case (win);
  focus_window (win);
  input = sp_window_lookup_fact_input (win, "conservative_weeks");
  /* The "Missing:" links' way there; what follows is keys only. */
  g_assert_true (sp_test_focus_fact (win, "conservative_weeks"));
  g_assert_true (gtk_widget_is_ancestor (focus_of (win), input));

  type_text ("12");
  press ("Return");
  expect_number (win, 12);

  /* Typing over it: the field shows 3, the case still holds 12. */
  press ("ctrl+a");
  tw = (TextWait) { GTK_EDITABLE (input), "3" };
  type_text ("3");
  g_assert_true (sp_test_wait_until (text_shown, &tw, KEY_TIMEOUT_MS));
  before = sp_test_case_text (case_);
  sp_test_wait_ms (150);
  g_assert_cmpfloat (sp_case_get_number (case_, "conservative_weeks"), ==, 12);
  after = sp_test_case_text (case_);
  g_assert_cmpstr (after, ==, before);

  press ("Return");
  expect_number (win, 3);

  /* Leaving the field commits too, as a user who Tabs on would expect. */
  press ("ctrl+a");
  tw = (TextWait) { GTK_EDITABLE (input), "45" };
  type_text ("45");
  g_assert_true (sp_test_wait_until (text_shown, &tw, KEY_TIMEOUT_MS));
  g_assert_cmpfloat (sp_case_get_number (case_, "conservative_weeks"), ==, 3);
  press_and_move (win, "Tab");
  expect_number (win, 45);

  sp_test_destroy_window (win);
}

static gboolean
shortcuts_window_shown (gpointer data)
{
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (data);

  return overlay != NULL && gtk_widget_get_mapped (GTK_WIDGET (overlay));
}

static gboolean
shortcuts_window_hidden (gpointer data)
{
  return !shortcuts_window_shown (data);
}

/* Ctrl+? shows the shortcuts window, which is made only when first asked
 * for; Escape closes it. */
static void
test_shortcuts_window (void)
{
  SpWindow *win;

  if (!have_xdotool ())
    return;

  win = sp_test_make_window (app, 1280, 800);
  focus_window (win);
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (win)));

  press ("ctrl+question");
  g_assert_true (sp_test_wait_until (shortcuts_window_shown, win, KEY_TIMEOUT_MS));
  press ("Escape");
  g_assert_true (sp_test_wait_until (shortcuts_window_hidden, win, KEY_TIMEOUT_MS));

  sp_test_destroy_window (win);
}

/* The mouse wheel scrolls the page in every layout: narrow (one column,
 * the outer scroller) as wide (the form's own). It once did nothing
 * narrow, the inner scrollers keeping the wheel. Real wheel clicks
 * (X buttons 5), sent by xdotool over the form. */
static double
wheel_over (GtkWidget *target,
            GtkWidget *scroller)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  double before = gtk_adjustment_get_value (adjustment);

  g_assert_true (sp_test_warp_pointer_to (target));
  sp_test_wait_ms (100);
  for (int i = 0; i < 4; i++)
    xdo_line ("click 5");
  for (int i = 0; i < 300 && gtk_adjustment_get_value (adjustment) == before; i++)
    sp_test_wait_ms (10);
  sp_test_wait_ms (100);
  sp_test_park_pointer ();
  return gtk_adjustment_get_value (adjustment) - before;
}

static GtkWidget *
first_scroller_in (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = first_scroller_in (child);

      if (found)
        return found;
    }
  return NULL;
}

static void
test_wheel_scrolls (void)
{
  SpWindow *win;
  GtkWidget *page, *outer, *form;
  GtkPolicyType vertical;

  if (xdotool == NULL)
    {
      g_test_skip ("xdotool not found: the wheel test needs it to send real wheel clicks");
      return;
    }

  /* Narrow: one column, the outer scroller moves. */
  win = sp_test_make_window (app, 600, 700);
  sp_test_wait_ms (300);
  page = adw_view_stack_get_visible_child (sp_window_get_stack (win));
  outer = gtk_widget_get_first_child (page);
  g_assert_true (GTK_IS_SCROLLED_WINDOW (outer));
  gtk_scrolled_window_get_policy (GTK_SCROLLED_WINDOW (outer), NULL, &vertical);
  g_assert_cmpint (vertical, ==, GTK_POLICY_AUTOMATIC);
  form = first_scroller_in (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (outer)));
  g_assert_nonnull (form);
  /* The middle of the page is over the form (the form itself is as tall
   * as its rows, its middle out of view). */
  g_assert_true (gtk_widget_contains (form, 1, gtk_widget_get_height (outer) / 2.0));
  g_assert_cmpfloat (wheel_over (outer, outer), >, 20);
  sp_test_destroy_window (win);

  /* Wide: the form scrolls in its own column, the page as a whole does not. */
  win = sp_test_make_window (app, 1280, 800);
  sp_test_wait_ms (300);
  page = adw_view_stack_get_visible_child (sp_window_get_stack (win));
  outer = gtk_widget_get_first_child (page);
  gtk_scrolled_window_get_policy (GTK_SCROLLED_WINDOW (outer), NULL, &vertical);
  g_assert_cmpint (vertical, ==, GTK_POLICY_NEVER);
  form = first_scroller_in (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (outer)));
  g_assert_cmpfloat (wheel_over (form, form), >, 20);
  g_assert_cmpfloat (gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (outer))), ==, 0);
  sp_test_destroy_window (win);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  sp_test_init (&argc, &argv);
  /* A write to an xdotool that died fails the test with its error, not
   * with a SIGPIPE that says nothing. */
  signal (SIGPIPE, SIG_IGN);
  xdotool = g_getenv ("SP_XDOTOOL");
  if (xdotool && !g_file_test (xdotool, G_FILE_TEST_IS_EXECUTABLE))
    xdotool = NULL;

  app = sp_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (walks); i++)
    {
      g_autofree char *path = g_strdup_printf ("/app/keyboard/walk/%s", walks[i].pathway);

      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_walk);
    }
  for (guint i = 0; i < G_N_ELEMENTS (consultations); i++)
    {
      g_autofree char *path = g_strdup_printf ("/app/keyboard/consultation/%s", consultations[i].name);

      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_consultation);
    }
  for (guint i = 0; i < G_N_ELEMENTS (consultations); i++)
    {
      g_autofree char *path = g_strdup_printf ("/app/mouse/%s", consultations[i].name);

      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_consultation_by_mouse);
    }
  g_test_add_func ("/app/mouse/press-after-drop-down", test_press_after_drop_down);
  g_test_add_func ("/app/keyboard/half-typed-number", test_half_typed_number);
  g_test_add_func ("/app/keyboard/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/app/keyboard/wheel-scrolls", test_wheel_scrolls);

  status = g_test_run ();
  xdo_stop ();
  sp_test_settle_threads ();
  g_clear_object (&app);
  return status;
}
