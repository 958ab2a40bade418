/* sp-case.h: the facts recorded for one patient
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sp-types.h"

G_BEGIN_DECLS

/* What a case file may hold (README, "Limits"). */
#define SP_CASE_MAX_NAME_CHARACTERS  200
#define SP_CASE_MAX_NOTES_CHARACTERS 100000

#define SP_CASE_FORMAT         "spinal-pathways-case"
#define SP_CASE_FORMAT_VERSION 1

#define SP_TYPE_CASE (sp_case_get_type ())

G_DECLARE_FINAL_TYPE (SpCase, sp_case, SP, CASE, GObject)

SpCase      *sp_case_new                 (SpPolicy            *policy) G_GNUC_WARN_UNUSED_RESULT;
SpCase      *sp_case_new_from_bytes      (SpPolicy            *policy,
                                          GBytes              *bytes,
                                          const char          *display_name,
                                          GError             **error) G_GNUC_WARN_UNUSED_RESULT;
SpCase      *sp_case_new_from_file       (SpPolicy            *policy,
                                          GFile               *file,
                                          GError             **error) G_GNUC_WARN_UNUSED_RESULT;
GBytes      *sp_case_serialize           (SpCase              *self);
SpCase      *sp_case_copy                (SpCase              *self) G_GNUC_WARN_UNUSED_RESULT;

SpPolicy    *sp_case_get_policy          (SpCase              *self);

gboolean     sp_case_is_recorded         (SpCase              *self,
                                          const char          *fact_id);
void         sp_case_clear_fact          (SpCase              *self,
                                          const char          *fact_id);
void         sp_case_clear_all           (SpCase              *self);
guint        sp_case_get_n_recorded      (SpCase              *self);

void         sp_case_set_boolean         (SpCase              *self,
                                          const char          *fact_id,
                                          gboolean             value);
gboolean     sp_case_get_boolean         (SpCase              *self,
                                          const char          *fact_id);
gboolean     sp_case_set_number          (SpCase              *self,
                                          const char          *fact_id,
                                          double               value,
                                          GError             **error);
double       sp_case_get_number          (SpCase              *self,
                                          const char          *fact_id);
void         sp_case_set_choice          (SpCase              *self,
                                          const char          *fact_id,
                                          const char          *choice_id);
const char  *sp_case_get_choice          (SpCase              *self,
                                          const char          *fact_id);
void         sp_case_set_choice_list     (SpCase              *self,
                                          const char          *fact_id,
                                          const char * const  *choice_ids);
char       **sp_case_dup_choice_list     (SpCase              *self,
                                          const char          *fact_id);
gboolean     sp_case_set_date            (SpCase              *self,
                                          const char          *fact_id,
                                          const char          *date,
                                          GError             **error);
char        *sp_case_dup_date            (SpCase              *self,
                                          const char          *fact_id);
gboolean     sp_case_set_string          (SpCase              *self,
                                          const char          *fact_id,
                                          const char          *value,
                                          GError             **error);
const char  *sp_case_get_string          (SpCase              *self,
                                          const char          *fact_id);
char        *sp_case_describe_fact       (SpCase              *self,
                                          const char          *fact_id);

const char  *sp_case_get_patient_name    (SpCase              *self);
void         sp_case_set_patient_name    (SpCase              *self,
                                          const char          *name);
const char  *sp_case_get_nhs_number      (SpCase              *self);
gboolean     sp_case_set_nhs_number      (SpCase              *self,
                                          const char          *nhs_number,
                                          GError             **error);
const char  *sp_case_get_date_of_birth   (SpCase              *self);
gboolean     sp_case_set_date_of_birth   (SpCase              *self,
                                          const char          *date,
                                          GError             **error);
const char  *sp_case_get_clinician_name  (SpCase              *self);
void         sp_case_set_clinician_name  (SpCase              *self,
                                          const char          *name);
const char  *sp_case_get_clinician_role  (SpCase              *self);
void         sp_case_set_clinician_role  (SpCase              *self,
                                          const char          *role);
const char  *sp_case_get_notes           (SpCase              *self);
void         sp_case_set_notes           (SpCase              *self,
                                          const char          *notes);

void         sp_case_set_saved_policy    (SpCase              *self,
                                          const char          *id,
                                          const char          *version,
                                          const char          *sha256);
const char  *sp_case_get_saved_policy_id      (SpCase         *self);
const char  *sp_case_get_saved_policy_version (SpCase         *self);
const char  *sp_case_get_saved_policy_sha256  (SpCase         *self);
gboolean     sp_case_was_saved_under_other_policy (SpCase     *self);

G_END_DECLS
