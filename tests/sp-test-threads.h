/* sp-test-threads.h: no pooled thread left to exit while the test exits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

/* GLib's pooled worker threads (GTask's: saves, draft scans, PDF writes,
 * GTK's icon loads) outlive their work. Each waits half a second in its
 * pool, then up to 15 s among the unused threads, and then exits on its
 * own clock. LeakSanitizer's check at exit stops every thread, and a
 * thread exiting meanwhile has been seen elsewhere to make the check
 * itself fail ("Tracer caught signal"), with every test passed. It was
 * not reproduced here, but a test whose last work ends about 15 s after a
 * save could meet it, and one CI run failed after every subtest passed,
 * its report not kept. So the idle threads exit before the test does:
 * after their half second, with no unused thread kept. Callbacks still
 * due run meanwhile, while everything the test made is still alive. */
static inline void
sp_test_settle_threads (void)
{
  gint64 end = g_get_monotonic_time () + 700 * G_TIME_SPAN_MILLISECOND;

  g_thread_pool_set_max_unused_threads (0);
  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (10 * 1000);
    }
  g_thread_pool_stop_unused_threads ();
  for (int i = 0; g_thread_pool_get_num_unused_threads () > 0 && i < 500; i++)
    g_usleep (1000);
  /* A thread counted out is still on its way out of pthread_exit(). */
  g_usleep (50 * 1000);
}
