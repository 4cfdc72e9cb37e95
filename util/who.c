#include "util/who.h"

#include <pwd.h>
#include <stdlib.h>
#include <unistd.h>

const char *who_am_i(void)
{
    struct passwd *pw = getpwuid(getuid());
    const char *user = pw ? pw->pw_name : getenv("USER");
    return user && *user ? user : "unknown";
}
