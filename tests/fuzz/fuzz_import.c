/* libFuzzer: every importer, through import_file() as the command line
 * uses it.  The first byte picks the kind (one past the last: recognise
 * it); the rest is the file.  A failed import must leave the store as it
 * was; any crash, leak or undefined behaviour is a finding. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "import/import.h"
#include "store/internal.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[] = "/tmp/catchment-fuzz-import.XXXXXX";
static char store_path[4200], file_path[4200];
static store *s;
static long runs;

static void reopen(void)
{
    err e;
    char cmd[4300];
    if (s)
        store_close(s);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", store_path);
    if (system(cmd) != 0)
        abort();
    store_opts o = {.map_size = (size_t)1 << 30};
    if (store_open(&s, store_path, &o, &e)) {
        fprintf(stderr, "store_open: %s\n", e.msg);
        abort();
    }
    mdb_env_set_flags(s->env, MDB_NOSYNC, 1); /* speed; durability is not tested here */
}

static void cleanup(void)
{
    char cmd[4300];
    store_close(s);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "cleanup failed\n");
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    if (!mkdtemp(dir))
        abort();
    snprintf(store_path, sizeof store_path, "%s/store", dir);
    snprintf(file_path, sizeof file_path, "%s/input.csv", dir);
    reopen();
    atexit(cleanup);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const char *const *names = import_kind_names();
    int nkinds = 0;
    while (names[nkinds])
        nkinds++;
    int pick = data[0] % (nkinds + 1);
    FILE *fp = fopen(file_path, "wb");
    if (!fp)
        abort();
    fwrite(data + 1, 1, size - 1, fp);
    fclose(fp);
    if (++runs % 2000 == 0) /* successful imports pile up: start afresh */
        reopen();
    import_result r;
    err e;
    import_file(s, file_path, pick < nkinds ? names[pick] : NULL, NULL, NULL, &r, &e);
    return 0;
}
