#ifndef CATCHMENT_WHO_H
#define CATCHMENT_WHO_H

/* The login name of whoever runs catchment, for notes, audit and
 * provenance: the password entry, else $USER, else "unknown". */
const char *who_am_i(void);

#endif
