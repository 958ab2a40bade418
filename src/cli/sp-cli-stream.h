/* sp-cli-stream.h: many cases, read in order, weighed in parallel
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  const char *text;             /* NUL-terminated */
  gsize       length;
  gint64      number;           /* line number in its file; 1 for a .spcase file */
  const char *path;             /* the file it came from, as named by the user */
} SpStreamLine;

typedef struct {
  SpStreamLine *lines;
  guint         n_lines;
  GString      *out;            /* written to standard output, in input order */
  GString      *errors;         /* written to standard error, in input order */
  gboolean      any_bad;
  gpointer      tally;          /* the command's figures for this chunk */
} SpStreamChunk;

typedef struct {
  gpointer (*worker_new)  (gpointer data);
  void     (*worker_free) (gpointer data, gpointer worker);
  gpointer (*tally_new)   (gpointer data);
  void     (*tally_free)  (gpointer data, gpointer tally);
  /* On a worker thread: fill chunk->out, ->errors, ->any_bad and ->tally. */
  void     (*process)     (gpointer data, gpointer worker, SpStreamChunk *chunk);
  /* On the calling thread, one chunk at a time, in input order. */
  void     (*merge)       (gpointer data, SpStreamChunk *chunk);
} SpStreamFuncs;

typedef enum {
  SP_STREAM_OK,
  SP_STREAM_BAD_INPUT,          /* a bad case, or a file that could not be read */
  SP_STREAM_WRITE_FAILED,
} SpStreamStatus;

SpStreamStatus sp_stream_run (const char * const  *inputs,
                              const SpStreamFuncs *funcs,
                              gpointer             data);

G_END_DECLS
