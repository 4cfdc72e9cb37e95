/* Every kind of file catchment imports; each is defined in its own file. */
#ifndef CATCHMENT_KINDS_H
#define CATCHMENT_KINDS_H

#include "import/importer.h"

extern const import_kind kind_epraccur;
extern const import_kind kind_list_size;
extern const import_kind kind_pcn_map;

/* NULL-terminated, in the order detection tries them. */
extern const import_kind *const import_kinds[];

#endif
