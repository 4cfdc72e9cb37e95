#!/bin/sh
# embed.sh FILE NAME: writes C source holding FILE's bytes as the array
# NAME and its length NAME_len, so a data file is built into the program.
set -eu
printf '/* Made from %s by scripts/embed.sh: edit that file, not this. */\n' "$1"
printf '#include <stddef.h>\nextern const unsigned char %s[];\nextern const size_t %s_len;\n' "$2" "$2"
printf 'const unsigned char %s[] = {\n' "$2"
od -An -v -tu1 "$1" | sed 's/^ *//; s/ *$//; s/  */, /g; /^$/d; s/$/,/'
printf '0};\nconst size_t %s_len = sizeof %s - 1;\n' "$2" "$2"
