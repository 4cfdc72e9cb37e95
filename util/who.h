#ifndef CATCHMENT_WHO_H
#define CATCHMENT_WHO_H

#include "util/err.h"

/* The login name of the real uid, from the password database, for notes,
 * audit and provenance; NULL when the uid has none.  Never taken from the
 * environment ($USER, $LOGNAME), which anyone can set. */
const char *who_am_i(void);

/* who_am_i(), or -1 with a message: changes need an author. */
int who_writer(const char **name, err *e);

#endif
