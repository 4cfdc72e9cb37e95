/* Policy "demand": where patients would go if no practice refused.  The
 * same Huff shares as "choice" (list / max(d, 0.5 km)^beta), but every
 * receiver within reach has unlimited room (set_headroom gives it
 * DISP_UNLIMITED, or its agreed intake when the rules give one), so one
 * round places the whole area and nobody with a practice in reach is left
 * unplaced.  The receivers' new lists may then exceed their capacity:
 * that is the answer this policy is for. */
#include "engine/disp_work.h"

int policy_demand(disp_work *w, err *e)
{
    return policy_choice(w, e);
}
