/* sp-case-line-reader.h: reading batch case lines, fast when it is safe
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-types.h"
#include "sp-value.h"

G_BEGIN_DECLS

typedef struct _SpCaseLineReader SpCaseLineReader;

SpCaseLineReader *sp_case_line_reader_new       (SpPolicy         *policy);
void              sp_case_line_reader_free      (SpCaseLineReader *self);
gboolean          sp_case_line_reader_read_fast (SpCaseLineReader *self,
                                                 const char       *text,
                                                 gsize             length,
                                                 guint32           today,
                                                 SpValue          *values);
gboolean          sp_case_line_reader_read      (SpCaseLineReader *self,
                                                 const char       *text,
                                                 gsize             length,
                                                 const char       *path,
                                                 gint64            line,
                                                 guint32           today,
                                                 SpValue          *values,
                                                 GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpCaseLineReader, sp_case_line_reader_free)

G_END_DECLS
