/* Looking after the store: check, backup, restore, export. */
#include "cli/cli.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "util/text.h"

static const char check_help[] =
    "usage: catchment check\n\n"
    "Checks the store's integrity: the schema version, that every record can be\n"
    "read, that every list size, note, contract and capacity record belongs to a\n"
    "practice in the store, and that the import index matches the imports.\n"
    "Prints each problem and exits 1 when there is any.\n";

static const char backup_help[] =
    "usage: catchment backup DIR\n\n"
    "Writes a compact, consistent copy of the store into DIR (new or empty)\n"
    "while others keep working.  DIR is itself a store: catchment --store DIR\n"
    "reads it, and catchment restore DIR puts it back.\n";

static const char restore_help[] =
    "usage: catchment restore DIR\n\n"
    "Replaces everything in the store with the backup in DIR, in one\n"
    "transaction: others using the store see either all of the old store or\n"
    "all of the restored one.  The backup is checked first.\n";

static const char export_help[] =
    "usage: catchment export DIR\n\n"
    "Writes everything people entered, as CSV, so nothing is locked in:\n"
    "  contracts.csv  capacity.csv   (in the formats catchment import reads)\n"
    "  notes.csv      audit.csv      (who changed what, and when)\n";

static void report(const char *db, const char *key, const char *what, void *ctx)
{
    (void)ctx;
    printf("%s: %s: %s\n", db, key, what);
}

static int check_run(session *c, int argc, char **argv)
{
    (void)argv;
    if (argc != 1)
        return cli_usage("check", "takes no arguments");
    store *s = cli_store(c, false);
    err e;
    long problems = 0;
    if (!s || store_read_begin(s, &e))
        return s ? cli_fail("%s", e.msg) : EXIT_FAIL;
    int rc = store_check(s, report, NULL, &problems, &e);
    store_read_end(s);
    if (rc)
        return cli_fail("%s", e.msg);
    printf("%s: %ld problem%s\n", store_dir(s), problems, problems == 1 ? "" : "s");
    return problems ? EXIT_FAIL : EXIT_OK;
}

static int backup_run(session *c, int argc, char **argv)
{
    if (argc != 2)
        return cli_usage("backup", "name the backup DIR");
    store *s = cli_store(c, false);
    err e;
    if (!s)
        return EXIT_FAIL;
    if (store_backup(s, argv[1], &e))
        return cli_fail("%s", e.msg);
    printf("backed up %s to %s\n", store_dir(s), argv[1]);
    return EXIT_OK;
}

static int restore_run(session *c, int argc, char **argv)
{
    if (argc != 2)
        return cli_usage("restore", "name the backup DIR");
    store *from, *s;
    err e;
    long problems = 0;
    store_opts ro = session_store_opts(true);
    if (store_open(&from, argv[1], &ro, &e))
        return cli_fail("%s", e.msg);
    int rc = store_read_begin(from, &e) ? -1 : store_check(from, report, NULL, &problems, &e);
    store_read_end(from);
    if (rc == 0 && problems)
        rc = err_set(&e, "%s: the backup has %ld problems; not restored", argv[1], problems);
    if (rc == 0 && (s = cli_store(c, true)) == NULL) {
        store_close(from);
        return EXIT_FAIL;
    }
    if (rc == 0)
        rc = store_restore(s, from, &e);
    store_close(from);
    if (rc)
        return cli_fail("%s", e.msg);
    printf("restored %s from %s\n", store_dir(s), argv[1]);
    return EXIT_OK;
}

static void date_cell(long ymd, char *buf)
{
    text_date_iso(ymd, buf, 16);
}

static int export_contract(const contract *c, void *fp)
{
    char a[16], b[16];
    date_cell(c->start, a);
    date_cell(c->end, b);
    csv_row(fp, (const char *const[]){c->practice, c->type, a, b, c->extension, c->provider,
                                      c->notes}, 7);
    return 0;
}

static int export_capacity(const capacity_rec *c, void *fp)
{
    char cap[24] = "", fte[24] = "", a[16], b[16];
    if (c->capacity >= 0)
        snprintf(cap, sizeof cap, "%ld", c->capacity);
    if (!isnan(c->gp_fte))
        snprintf(fte, sizeof fte, "%g", c->gp_fte);
    date_cell(c->closed_from, a);
    date_cell(c->closed_to, b);
    const char *open = c->list_open < 0 ? "" : c->list_open ? "yes" : "no";
    csv_row(fp, (const char *const[]){c->practice, cap, fte, open, a, b}, 6);
    return 0;
}

static void utc(int64_t t, char *buf, size_t n)
{
    time_t tt = (time_t)t;
    strftime(buf, n, "%Y-%m-%dT%H:%M:%SZ", gmtime(&tt));
}

static int export_note(const note *r, void *fp)
{
    char when[32];
    utc(r->time, when, sizeof when);
    csv_row(fp, (const char *const[]){r->practice, when, r->user, r->text}, 4);
    return 0;
}

static int export_audit(const audit_rec *r, void *fp)
{
    char when[32];
    utc(r->time, when, sizeof when);
    csv_row(fp, (const char *const[]){when, r->user, r->practice, r->field, r->old_value,
                                      r->new_value}, 6);
    return 0;
}

/* One CSV file: its header, then fn's rows. */
static int export_file(const char *dir, const char *name, const char *header,
                       int (*fill)(store *, FILE *, err *), store *s, err *e)
{
    char path[4200];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *fp = fopen(path, "w");
    if (!fp)
        return err_set(e, "%s: %s", path, strerror(errno));
    fprintf(fp, "%s\r\n", header);
    int rc = fill(s, fp, e);
    if (fclose(fp) != 0 && rc == 0)
        rc = err_set(e, "%s: write error", path);
    return rc;
}

static int fill_contracts(store *s, FILE *fp, err *e)
{
    return store_contract_each(s, export_contract, fp, e);
}
static int fill_capacity(store *s, FILE *fp, err *e)
{
    return store_capacity_each(s, export_capacity, fp, e);
}
static int fill_notes(store *s, FILE *fp, err *e) { return store_note_each(s, NULL, export_note, fp, e); }
static int fill_audit(store *s, FILE *fp, err *e) { return store_audit_each(s, NULL, export_audit, fp, e); }

static int export_run(session *c, int argc, char **argv)
{
    if (argc != 2)
        return cli_usage("export", "name the DIR to write into");
    if (mkdir(argv[1], 0770) != 0 && errno != EEXIST)
        return cli_fail("%s: cannot create: %s", argv[1], strerror(errno));
    store *s = cli_store(c, false);
    err e;
    if (!s || store_read_begin(s, &e))
        return s ? cli_fail("%s", e.msg) : EXIT_FAIL;
    const char *d = argv[1];
    int rc = export_file(d, "contracts.csv",
                         "practice_code,contract_type,start_date,end_date,extension_options,"
                         "provider,notes", fill_contracts, s, &e) ||
             export_file(d, "capacity.csv", "code,capacity,gp_fte,list_open,closed_from,closed_to",
                         fill_capacity, s, &e) ||
             export_file(d, "notes.csv", "practice_code,time_utc,user,text", fill_notes, s, &e) ||
             export_file(d, "audit.csv", "time_utc,user,practice_code,field,old_value,new_value",
                         fill_audit, s, &e);
    store_read_end(s);
    return rc ? cli_fail("%s", e.msg) : EXIT_OK;
}

const cli_command cmd_check = {"check", "check the store's integrity", check_help, check_run, NULL};
const cli_command cmd_backup = {"backup", "a compact consistent copy of the store", backup_help,
                                backup_run, NULL};
const cli_command cmd_restore = {"restore", "put a backup back, all or nothing", restore_help,
                                 restore_run, NULL};
const cli_command cmd_export = {"export", "everything people entered, as CSV", export_help,
                                export_run, NULL};
