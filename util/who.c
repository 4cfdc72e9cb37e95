#include "util/who.h"

#include <pwd.h>
#include <unistd.h>

const char *who_am_i(void)
{
    struct passwd *pw = getpwuid(getuid());
    return pw && pw->pw_name && *pw->pw_name ? pw->pw_name : NULL;
}

int who_writer(const char **name, err *e)
{
    *name = who_am_i();
    if (*name)
        return 0;
    return err_set(e, "user id %u has no login name (no entry in the password database); "
                      "changes are refused, so that the audit can say who made each one",
                   (unsigned)getuid());
}
