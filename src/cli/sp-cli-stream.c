/* sp-cli-stream.c: many cases, read in order, weighed in parallel
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include <gio/gio.h>

#include "sp-cli-stream.h"
#include "sp-json-gate.h"

/* The shape of evaluate --batch, for commands that weigh a year of cases:
 * the calling thread reads chunks of lines, a pool of workers (one per
 * processor) processes them, and each chunk is merged and written in the
 * input's order as soon as it and every chunk before it are done. The chunks
 * form a ring reused for the whole run, so memory stays flat however long
 * the input. */
#define CHUNK_LINES 256
#define MAX_WORKERS 8

/* A case file is a few kilobytes; a much larger one is not a case, and
 * reading it whole would let one hostile file take the machine's memory. */
#define MAX_CASE_FILE_BYTES SP_CASE_FILE_MAX_SIZE

typedef struct {
  SpStreamChunk  pub;
  GString       *text;         /* the lines, each followed by a NUL */
  gsize         *offsets;
  GString       *read_errors;  /* files that could not be read, found while reading this chunk */
  gboolean       read_bad;
  gboolean       done;         /* under Stream.lock */
} Chunk;

typedef struct {
  char     *path;
  gboolean  whole_file;        /* a .spcase file: one case */
} Source;

typedef struct {
  const SpStreamFuncs *funcs;
  gpointer             data;
  GAsyncQueue         *work;   /* Chunk *, or &stop */
  Chunk                stop;
  GMutex               lock;
  GCond                chunk_done;

  /* The reading side, on the calling thread only. */
  GPtrArray           *sources;
  guint                next_source;
  FILE                *in;
  const char          *in_path;
  gint64               number;
  char                *buffer;
  size_t               capacity;
} Stream;

static void
source_free (gpointer data)
{
  Source *source = data;

  g_free (source->path);
  g_free (source);
}

static void
add_source (GPtrArray  *sources,
            const char *path,
            gboolean    whole_file)
{
  Source *source = g_new0 (Source, 1);

  source->path = g_strdup (path);
  source->whole_file = whole_file;
  g_ptr_array_add (sources, source);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* A folder's .spcase files, and those of its folders, in name order so that
 * two runs over one folder report alike. */
static gboolean
add_folder (GPtrArray   *sources,
            const char  *path,
            GString     *errors)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  gboolean ok = TRUE;

  if (dir == NULL)
    {
      g_string_append_printf (errors, "%s: cannot read the folder: %s\n", path, error->message);
      return FALSE;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *child = g_build_filename (path, g_ptr_array_index (names, i), NULL);
      struct stat info;

      /* lstat: a link out of the folder is not followed, nor a loop. */
      if (lstat (child, &info) != 0)
        continue;
      if (S_ISDIR (info.st_mode))
        ok &= add_folder (sources, child, errors);
      else if (S_ISREG (info.st_mode) && g_str_has_suffix (child, ".spcase"))
        add_source (sources, child, TRUE);
    }
  return ok;
}

static void
chunk_init (Chunk *chunk)
{
  chunk->text = g_string_sized_new (CHUNK_LINES * 1024);
  chunk->offsets = g_new0 (gsize, CHUNK_LINES);
  chunk->pub.lines = g_new0 (SpStreamLine, CHUNK_LINES);
  chunk->pub.out = g_string_new (NULL);
  chunk->pub.errors = g_string_new (NULL);
  chunk->read_errors = g_string_new (NULL);
}

static void
chunk_clear (Chunk               *chunk,
             const SpStreamFuncs *funcs,
             gpointer             data)
{
  g_string_free (chunk->text, TRUE);
  g_free (chunk->offsets);
  g_free (chunk->pub.lines);
  g_string_free (chunk->pub.out, TRUE);
  g_string_free (chunk->pub.errors, TRUE);
  g_string_free (chunk->read_errors, TRUE);
  if (chunk->pub.tally != NULL)
    funcs->tally_free (data, chunk->pub.tally);
}

static gboolean
is_blank (const char *line)
{
  for (; *line; line++)
    if (!g_ascii_isspace (*line))
      return FALSE;
  return TRUE;
}

static void
chunk_add_line (Chunk      *chunk,
                const char *text,
                gsize       length,
                gint64      number,
                const char *path)
{
  SpStreamLine *line = &chunk->pub.lines[chunk->pub.n_lines];

  chunk->offsets[chunk->pub.n_lines++] = chunk->text->len;
  line->length = length;
  line->number = number;
  line->path = path;
  g_string_append_len (chunk->text, text, length);
  g_string_append_c (chunk->text, '\0');
}

static void
read_whole_file (Stream *stream,
                 Chunk  *chunk,
                 Source *source)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  struct stat info;

  if (stat (source->path, &info) == 0 && info.st_size > MAX_CASE_FILE_BYTES)
    {
      g_string_append_printf (chunk->read_errors, "%s: not a Spinal Pathways case: larger than %d bytes\n",
                              source->path, MAX_CASE_FILE_BYTES);
      chunk->read_bad = TRUE;
      return;
    }
  if (!g_file_get_contents (source->path, &contents, &length, &error))
    {
      g_string_append_printf (chunk->read_errors, "%s: cannot read: %s\n", source->path, error->message);
      chunk->read_bad = TRUE;
      return;
    }
  chunk_add_line (chunk, contents, length, 1, source->path);
}

/* Up to CHUNK_LINES cases, across files; FALSE when every file is read. */
static gboolean
chunk_read (Stream *stream,
            Chunk  *chunk)
{
  g_string_truncate (chunk->text, 0);
  g_string_truncate (chunk->read_errors, 0);
  chunk->read_bad = FALSE;
  chunk->pub.n_lines = 0;

  while (chunk->pub.n_lines < CHUNK_LINES)
    {
      ssize_t length;

      if (stream->in == NULL)
        {
          Source *source;

          if (stream->next_source >= stream->sources->len)
            break;
          source = g_ptr_array_index (stream->sources, stream->next_source++);
          if (source->whole_file)
            {
              read_whole_file (stream, chunk, source);
              continue;
            }
          stream->in_path = source->path;
          stream->number = 0;
          if (g_str_equal (source->path, "-"))
            stream->in = stdin;
          else if (!(stream->in = fopen (source->path, "r")))
            {
              g_string_append_printf (chunk->read_errors, "%s: cannot open: %s\n",
                                      source->path, g_strerror (errno));
              chunk->read_bad = TRUE;
              continue;
            }
        }

      errno = 0;
      if ((length = getline (&stream->buffer, &stream->capacity, stream->in)) < 0)
        {
          if (ferror (stream->in))
            {
              g_string_append_printf (chunk->read_errors, "%s:%" G_GINT64_FORMAT ": cannot read: %s\n",
                                      stream->in_path, stream->number + 1, g_strerror (errno));
              chunk->read_bad = TRUE;
            }
          if (stream->in != stdin)
            fclose (stream->in);
          stream->in = NULL;
          continue;
        }
      stream->number++;
      if (is_blank (stream->buffer))
        continue;
      chunk_add_line (chunk, stream->buffer, length, stream->number, stream->in_path);
    }

  for (guint i = 0; i < chunk->pub.n_lines; i++)
    chunk->pub.lines[i].text = chunk->text->str + chunk->offsets[i];
  return stream->in != NULL || stream->next_source < stream->sources->len;
}

static gpointer
worker_run (gpointer data)
{
  Stream *stream = data;
  gpointer worker = stream->funcs->worker_new (stream->data);
  Chunk *chunk;

  while ((chunk = g_async_queue_pop (stream->work)) != &stream->stop)
    {
      chunk->pub.any_bad = FALSE;
      g_string_truncate (chunk->pub.out, 0);
      g_string_truncate (chunk->pub.errors, 0);
      stream->funcs->process (stream->data, worker, &chunk->pub);

      g_mutex_lock (&stream->lock);
      chunk->done = TRUE;
      g_cond_broadcast (&stream->chunk_done);
      g_mutex_unlock (&stream->lock);
    }

  stream->funcs->worker_free (stream->data, worker);
  return NULL;
}

static void
chunk_wait (Stream *stream,
            Chunk  *chunk)
{
  g_mutex_lock (&stream->lock);
  while (!chunk->done)
    g_cond_wait (&stream->chunk_done, &stream->lock);
  g_mutex_unlock (&stream->lock);
}

static gboolean
chunk_is_done (Stream *stream,
               Chunk  *chunk)
{
  gboolean done;

  g_mutex_lock (&stream->lock);
  done = chunk->done;
  g_mutex_unlock (&stream->lock);
  return done;
}

static gboolean
chunk_finish (Stream   *stream,
              Chunk    *chunk,
              gboolean *any_bad)
{
  *any_bad |= chunk->read_bad || chunk->pub.any_bad;
  fputs (chunk->read_errors->str, stderr);
  fputs (chunk->pub.errors->str, stderr);
  stream->funcs->merge (stream->data, &chunk->pub);
  return chunk->pub.out->len == 0 ||
         fwrite (chunk->pub.out->str, 1, chunk->pub.out->len, stdout) == chunk->pub.out->len;
}

SpStreamStatus
sp_stream_run (const char * const  *inputs,
               const SpStreamFuncs *funcs,
               gpointer             data)
{
  Stream stream = { .funcs = funcs, .data = data };
  g_autoptr(GString) folder_errors = g_string_new (NULL);
  guint n_workers = CLAMP (g_get_num_processors (), 1, MAX_WORKERS);
  GThread *workers[MAX_WORKERS] = { NULL };
  Chunk *ring;
  guint ring_size;
  guint oldest = 0;
  guint in_flight = 0;
  gboolean any_bad = FALSE;
  gboolean written = TRUE;
  gboolean more = TRUE;

  /* SP_BATCH_THREADS is for benchmarking, as for evaluate --batch. */
  if (g_getenv ("SP_BATCH_THREADS"))
    n_workers = CLAMP (atoi (g_getenv ("SP_BATCH_THREADS")), 1, MAX_WORKERS);

  stream.sources = g_ptr_array_new_with_free_func (source_free);
  for (guint i = 0; inputs[i] != NULL; i++)
    {
      if (g_file_test (inputs[i], G_FILE_TEST_IS_DIR))
        any_bad |= !add_folder (stream.sources, inputs[i], folder_errors);
      else
        add_source (stream.sources, inputs[i], g_str_has_suffix (inputs[i], ".spcase"));
    }
  fputs (folder_errors->str, stderr);

  ring_size = 2 * n_workers + 2;
  ring = g_new0 (Chunk, ring_size);
  for (guint c = 0; c < ring_size; c++)
    {
      chunk_init (&ring[c]);
      ring[c].pub.tally = funcs->tally_new (data);
    }
  stream.work = g_async_queue_new ();
  g_mutex_init (&stream.lock);
  g_cond_init (&stream.chunk_done);
  for (guint w = 0; w < n_workers; w++)
    workers[w] = g_thread_new ("weigh", worker_run, &stream);

  /* Finish the oldest chunk when it is done or must be waited for;
   * otherwise read ahead. After a failed write nothing more is read. */
  for (;;)
    {
      Chunk *chunk;

      if (in_flight > 0 &&
          (!more || !written || in_flight == ring_size || chunk_is_done (&stream, &ring[oldest])))
        {
          chunk = &ring[oldest];
          chunk_wait (&stream, chunk);
          if (written && !chunk_finish (&stream, chunk, &any_bad))
            written = FALSE;
          oldest = (oldest + 1) % ring_size;
          in_flight--;
          continue;
        }
      if (!more || !written)
        break;

      chunk = &ring[(oldest + in_flight) % ring_size];
      chunk->done = FALSE;
      more = chunk_read (&stream, chunk);
      if (chunk->pub.n_lines > 0)
        {
          in_flight++;
          g_async_queue_push (stream.work, chunk);
        }
      else
        {
          /* Nothing to weigh, but a file that could not be read is still news. */
          any_bad |= chunk->read_bad;
          fputs (chunk->read_errors->str, stderr);
        }
    }

  for (guint w = 0; w < n_workers; w++)
    g_async_queue_push (stream.work, &stream.stop);
  for (guint w = 0; w < n_workers; w++)
    g_thread_join (workers[w]);
  g_async_queue_unref (stream.work);
  g_mutex_clear (&stream.lock);
  g_cond_clear (&stream.chunk_done);
  for (guint c = 0; c < ring_size; c++)
    chunk_clear (&ring[c], funcs, data);
  g_free (ring);
  if (stream.in != NULL && stream.in != stdin)
    fclose (stream.in);
  free (stream.buffer);
  g_ptr_array_unref (stream.sources);

  if (written && fflush (stdout) != 0)
    written = FALSE;
  if (!written)
    return SP_STREAM_WRITE_FAILED;
  return any_bad ? SP_STREAM_BAD_INPUT : SP_STREAM_OK;
}
