#include "import/kinds.h"

const import_kind *const import_kinds[] = {
    &kind_epraccur,
    &kind_list_size,
    &kind_pcn_map,
    NULL,
};
