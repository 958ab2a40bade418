/* sp-draft-store.c
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "sp-case.h"
#include "sp-core-private.h"
#include "sp-draft-store.h"
#include "sp-json-gate.h"
#include "sp-file-util.h"

#define DRAFT_FORMAT         "spinal-pathways-draft"
#define DRAFT_FORMAT_VERSION 1
#define DRAFT_SUFFIX         ".draft"

/**
 * SpDraftStore:
 *
 * The drafts folder: one file per open case, rewritten (atomically, 0600)
 * after each pause in editing, so a crash or a power cut loses at most the
 * last few seconds. Drafts are kept apart from the user's own files, under
 * the user's state folder, and removed on save, on discard and after the
 * retention period, because they hold patient data.
 */
struct _SpDraftStore
{
  GObject  parent_instance;

  char    *directory;
};

G_DEFINE_FINAL_TYPE (SpDraftStore, sp_draft_store, G_TYPE_OBJECT)

void
sp_draft_info_free (SpDraftInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->id);
  g_clear_pointer (&info->changed, g_date_time_unref);
  g_clear_object (&info->saved_as);
  g_free (info->title);
  g_free (info);
}

static void
sp_draft_store_finalize (GObject *object)
{
  SpDraftStore *self = (SpDraftStore *)object;

  g_clear_pointer (&self->directory, g_free);

  G_OBJECT_CLASS (sp_draft_store_parent_class)->finalize (object);
}

static void
sp_draft_store_class_init (SpDraftStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sp_draft_store_finalize;
}

static void
sp_draft_store_init (SpDraftStore *self)
{
}

SpDraftStore *
sp_draft_store_new (const char *directory)
{
  SpDraftStore *self;

  g_return_val_if_fail (directory != NULL, NULL);

  self = g_object_new (SP_TYPE_DRAFT_STORE, NULL);
  self->directory = g_strdup (directory);
  return self;
}

/**
 * sp_draft_store_new_default:
 *
 * Returns: (transfer full): the store in `$XDG_STATE_HOME/APP_ID/drafts`
 */
SpDraftStore *
sp_draft_store_new_default (const char *app_id)
{
  g_autofree char *directory = g_build_filename (g_get_user_state_dir (), app_id, "drafts", NULL);

  return sp_draft_store_new (directory);
}

const char *
sp_draft_store_get_directory (SpDraftStore *self)
{
  g_return_val_if_fail (SP_IS_DRAFT_STORE (self), NULL);
  return self->directory;
}

/**
 * sp_draft_store_get_file:
 *
 * Returns: (transfer full): the file a draft is written to
 */
GFile *
sp_draft_store_get_file (SpDraftStore *self,
                         const char   *draft_id)
{
  g_autofree char *name = g_strconcat (draft_id, DRAFT_SUFFIX, NULL);

  g_return_val_if_fail (SP_IS_DRAFT_STORE (self), NULL);
  return g_file_new_build_filename (self->directory, name, NULL);
}

/**
 * sp_draft_store_serialize:
 *
 * Returns: (transfer full): a draft holding @case_ exactly as entered (in
 *   the case-file format), with the time and the case file it belongs to
 */
GBytes *
sp_draft_store_serialize (SpDraftStore *self,
                          SpCase       *case_,
                          GFile        *saved_as)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GBytes) case_bytes = sp_case_serialize (case_);
  g_autoptr(JsonNode) case_node = json_from_string (g_bytes_get_data (case_bytes, NULL), NULL);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *changed = g_date_time_format_iso8601 (now);
  g_autofree char *text = NULL;
  gsize length;

  g_return_val_if_fail (SP_IS_DRAFT_STORE (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, DRAFT_FORMAT);
  json_builder_set_member_name (builder, "format_version");
  json_builder_add_int_value (builder, DRAFT_FORMAT_VERSION);
  json_builder_set_member_name (builder, "changed");
  json_builder_add_string_value (builder, changed);
  json_builder_set_member_name (builder, "saved_as");
  if (saved_as != NULL)
    {
      g_autofree char *uri = g_file_get_uri (saved_as);
      json_builder_add_string_value (builder, uri);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "case");
  json_builder_add_value (builder, g_steal_pointer (&case_node));
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  text = json_to_string (root, FALSE);
  length = strlen (text);
  return g_bytes_new_take (g_steal_pointer (&text), length);
}

gboolean
sp_draft_store_save (SpDraftStore  *self,
                     const char    *draft_id,
                     SpCase        *case_,
                     GFile         *saved_as,
                     GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (SP_IS_DRAFT_STORE (self), FALSE);
  g_return_val_if_fail (draft_id != NULL, FALSE);

  if (g_mkdir_with_parents (self->directory, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "cannot create the drafts folder %s: %s", self->directory, g_strerror (saved_errno));
      return FALSE;
    }

  bytes = sp_draft_store_serialize (self, case_, saved_as);
  file = sp_draft_store_get_file (self, draft_id);
  return sp_file_write_atomically (file, bytes, error);
}

/* Members of a draft read without json-glib's criticals: an edited draft
 * may hold anything, and a wrong type reads as absent. */
static JsonObject *
object_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
draft_version_is (JsonObject *root,
                  gint64      version)
{
  JsonNode *node = json_object_get_member (root, "format_version");

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_INT64 && json_node_get_int (node) == version;
}

static gboolean
read_draft (SpDraftStore  *self,
            const char    *draft_id,
            JsonParser    *parser,
            JsonObject   **root,
            GError       **error)
{
  g_autoptr(GFile) file = sp_draft_store_get_file (self, draft_id);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0, offset = 0;
  JsonNode *node;
  const char *format;

  /* A draft is our own file, but on a disk anyone with the account can
   * edit: it passes the same strict gate as a case file. */
  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID_CASE, "%s: %s", path, local_error->message);
      return FALSE;
    }
  if (length > 2 * SP_CASE_FILE_MAX_SIZE)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID_CASE, "%s: too large for a draft", path);
      return FALSE;
    }
  if (!sp_json_gate_check (data, length, path, SP_ERROR_INVALID_CASE, &offset, error))
    return FALSE;
  if (!json_parser_load_from_data (parser, data + offset, length - offset, &local_error))
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID_CASE, "%s: %s", path, local_error->message);
      return FALSE;
    }
  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node) ||
      !(format = string_member (json_node_get_object (node), "format")) ||
      !g_str_equal (format, DRAFT_FORMAT) ||
      !draft_version_is (json_node_get_object (node), DRAFT_FORMAT_VERSION))
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID_CASE, "%s: not a Spinal Pathways draft", path);
      return FALSE;
    }
  *root = json_node_get_object (node);
  return TRUE;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const SpDraftInfo *x = *(SpDraftInfo * const *) a;
  const SpDraftInfo *y = *(SpDraftInfo * const *) b;

  return g_date_time_compare (y->changed, x->changed);
}

/**
 * sp_draft_store_list:
 *
 * Returns: (transfer full) (element-type SpDraftInfo): the drafts, newest
 *   first; unreadable ones are skipped
 */
GPtrArray *
sp_draft_store_list (SpDraftStore *self)
{
  GPtrArray *drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_draft_info_free);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_return_val_if_fail (SP_IS_DRAFT_STORE (self), drafts);

  if (!(dir = g_dir_open (self->directory, 0, NULL)))
    return drafts;

  while ((name = g_dir_read_name (dir)))
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autofree char *id = NULL;
      JsonObject *root, *case_object, *patient;
      SpDraftInfo *info;
      const char *changed, *saved_as;

      if (!g_str_has_suffix (name, DRAFT_SUFFIX) || name[0] == '.')
        continue;
      id = g_strndup (name, strlen (name) - strlen (DRAFT_SUFFIX));
      if (!read_draft (self, id, parser, &root, NULL))
        continue;

      info = g_new0 (SpDraftInfo, 1);
      info->id = g_steal_pointer (&id);
      changed = string_member (root, "changed");
      info->changed = changed ? g_date_time_new_from_iso8601 (changed, NULL) : NULL;
      if (info->changed == NULL)
        info->changed = g_date_time_new_from_unix_utc (0);
      saved_as = string_member (root, "saved_as");
      if (saved_as != NULL)
        info->saved_as = g_file_new_for_uri (saved_as);
      case_object = object_member (root, "case");
      patient = case_object ? object_member (case_object, "patient") : NULL;
      if (patient != NULL)
        info->title = g_strdup (string_member (patient, "name"));
      g_ptr_array_add (drafts, info);
    }

  g_ptr_array_sort (drafts, compare_newest_first);
  return drafts;
}

/**
 * sp_draft_store_load:
 * @saved_as: (out) (optional) (nullable): the case file the draft belongs to
 *
 * Returns: (transfer full): the case exactly as it was last autosaved
 */
SpCase *
sp_draft_store_load (SpDraftStore  *self,
                     SpPolicy      *policy,
                     const char    *draft_id,
                     GFile        **saved_as,
                     GError       **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  JsonObject *root;
  const char *uri;

  g_return_val_if_fail (SP_IS_DRAFT_STORE (self), NULL);

  if (!read_draft (self, draft_id, parser, &root, error))
    return NULL;

  file = sp_draft_store_get_file (self, draft_id);
  path = g_file_get_path (file);
  if (saved_as != NULL)
    {
      uri = string_member (root, "saved_as");
      *saved_as = uri ? g_file_new_for_uri (uri) : NULL;
    }
  return sp_case_new_from_json_node (policy, json_object_get_member (root, "case"), path, error);
}

gboolean
sp_draft_store_remove (SpDraftStore  *self,
                       const char    *draft_id,
                       GError       **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (SP_IS_DRAFT_STORE (self), FALSE);

  file = sp_draft_store_get_file (self, draft_id);
  if (!g_file_delete (file, NULL, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/**
 * sp_draft_store_expire:
 * @now: (nullable): the present, for tests; %NULL for the real time
 *
 * Removes drafts last changed more than @retention_days ago: they hold
 * patient data, and an abandoned draft should not outlive its use.
 *
 * Returns: how many were removed
 */
guint
sp_draft_store_expire (SpDraftStore *self,
                       guint         retention_days,
                       GDateTime    *now)
{
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GDateTime) real_now = NULL;
  guint removed = 0;

  g_return_val_if_fail (SP_IS_DRAFT_STORE (self), 0);

  if (now == NULL)
    now = real_now = g_date_time_new_now_utc ();

  drafts = sp_draft_store_list (self);
  for (guint i = 0; i < drafts->len; i++)
    {
      SpDraftInfo *info = g_ptr_array_index (drafts, i);

      if (g_date_time_difference (now, info->changed) > (GTimeSpan) retention_days * G_TIME_SPAN_DAY &&
          sp_draft_store_remove (self, info->id, NULL))
        removed++;
    }
  return removed;
}
