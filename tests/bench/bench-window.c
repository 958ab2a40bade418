/* bench-window.c: start-up and editing cost of the window, against a
 * minimal libadwaita window as the baseline
 *
 * Usage: bench-window baseline   exit at the first frame of a minimal window
 *        bench-window app        exit at the first frame of Spinal Pathways
 *        bench-window complete   exit at the first frame that shows the
 *                                whole of the first tab's form (its later
 *                                sections are made just after the first
 *                                frame)
 *        bench-window edits N    N edits through the window's widgets, then
 *                                print per-edit median and p99
 *
 * The wall time from process start to first frame, and the peak RSS, are
 * measured from outside by bench-window.sh, the same way for both windows.
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "sp-application.h"
#include "sp-core.h"
#include "sp-window-private.h"

static guint n_edits;
static gboolean wait_for_complete;

static gint64
now_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (gint64) ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;
  return (x > y) - (x < y);
}

/* One edit as the clinician makes it: through the input widget, which
 * records the fact, which re-evaluates the case and updates every decision
 * row, badge and banner synchronously, before the next frame. */
static void
run_edits (SpWindow *window)
{
  const char *choices[] = { "unsuccessful", "ongoing", "unsuitable", "not_started" };
  SpCase *case_ = sp_window_get_case (window);
  GtkWidget *input = sp_window_lookup_fact_input (window, "conservative_status");
  g_autofree gint64 *samples = g_new (gint64, n_edits);
  const char *none[] = { NULL };

  /* Screening done, so edits reach the rules rather than the gate. */
  sp_case_set_boolean (case_, "red_flag_objective_weakness", FALSE);
  sp_case_set_boolean (case_, "red_flag_sexual_dysfunction", FALSE);
  sp_case_set_boolean (case_, "red_flag_cauda_equina", FALSE);
  sp_case_set_boolean (case_, "red_flag_other_neurological_deterioration", FALSE);
  sp_case_set_choice_list (case_, "serious_pathology_suspected", none);
  sp_case_set_choice (case_, "lumbar_condition", "sciatica");
  while (g_main_context_iteration (NULL, FALSE));

  g_assert (ADW_IS_COMBO_ROW (input) || GTK_IS_WIDGET (input));
  for (guint i = 0; i < n_edits; i++)
    {
      gint64 start = now_ns ();

      if (ADW_IS_COMBO_ROW (input))
        /* Item 0 is "Not recorded"; the choices follow in the policy's order. */
        adw_combo_row_set_selected (ADW_COMBO_ROW (input), 1 + (i % 4));
      else
        sp_case_set_choice (case_, "conservative_status", choices[i % 4]);
      samples[i] = now_ns () - start;

      /* Let the frame happen between edits, as it would between keystrokes. */
      while (g_main_context_iteration (NULL, FALSE));
    }

  qsort (samples, n_edits, sizeof (gint64), compare_gint64);
  g_print ("edits: %u through the \"%s\" widget; per edit median %.3f ms, p99 %.3f ms\n",
           n_edits, ADW_IS_COMBO_ROW (input) ? "conservative_status combo row" : "model",
           samples[n_edits / 2] / 1e6, samples[(n_edits * 99) / 100] / 1e6);
}

static void on_after_paint (GdkFrameClock *clock,
                            GtkWidget     *window);

/* Runs once the idle that makes a page's later sections has run (it is at
 * the default idle priority, this at a lower one); their frame follows. */
static gboolean
form_complete_cb (gpointer data)
{
  GtkWidget *window = data;

  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_after_paint), window);
  gtk_widget_queue_draw (window);
  return G_SOURCE_REMOVE;
}

static void
on_after_paint (GdkFrameClock *clock,
                GtkWidget     *window)
{
  g_signal_handlers_disconnect_by_func (clock, on_after_paint, window);

  if (wait_for_complete)
    {
      wait_for_complete = FALSE;
      g_idle_add_full (G_PRIORITY_LOW, form_complete_cb, window, NULL);
      return;
    }

  if (n_edits > 0 && SP_IS_WINDOW (window))
    {
      struct rusage usage;

      run_edits (SP_WINDOW (window));
      getrusage (RUSAGE_SELF, &usage);
      g_print ("peak RSS after the edits: %.1f MiB\n", usage.ru_maxrss / 1024.0);
    }

  /* The first frame is drawn: leave at once, so the outside clock stops here. */
  fflush (stdout);
  _exit (0);
}

static void
on_map (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), window);
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window)
{
  g_signal_connect (window, "map", G_CALLBACK (on_map), NULL);
}

static void
on_baseline_activate (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), gtk_label_new ("Baseline"));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 720);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkApplication) app = NULL;
  const char *mode = argc > 1 ? argv[1] : "app";
  char *no_args[] = { argv[0], NULL };

  if (g_str_equal (mode, "baseline"))
    {
      app = GTK_APPLICATION (adw_application_new ("io.github.spinalpathways.Baseline",
                                                  G_APPLICATION_NON_UNIQUE));
      g_signal_connect (app, "activate", G_CALLBACK (on_baseline_activate), NULL);
    }
  else
    {
      wait_for_complete = g_str_equal (mode, "complete");
      if (g_str_equal (mode, "edits"))
        n_edits = argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : 1000;
      app = GTK_APPLICATION (sp_application_new (G_APPLICATION_NON_UNIQUE));
    }

  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), NULL);
  return g_application_run (G_APPLICATION (app), 1, no_args);
}
