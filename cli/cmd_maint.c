/* Looking after the store: check, backup, restore, export. */
#include "cli/cli.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "util/clock.h"
#include "util/safefile.h"
#include "util/sha256.h"
#include "util/text.h"
#include "util/who.h"

static const char check_help[] =
    "usage: catchment check\n\n"
    "Checks the store's integrity.  First data.mdb itself: every page LMDB would\n"
    "follow is read from the file and checked, so damage is reported, never a\n"
    "crash.  Then every record: its checksum (CRC-32C), its version, that every\n"
    "list size, note, contract and capacity record belongs to a practice, the\n"
    "postcode and import indexes, and the audit trail's hash chain.  Prints each\n"
    "problem and the counts, and exits 1 when there is any problem.  Last, whether\n"
    "the store's snapshot (what search, near and scenario run read in place) is\n"
    "as new as the data; one that is not is never used, and is no problem.\n";

static const char backup_help[] =
    "usage: catchment backup DIR\n\n"
    "Writes a compact, consistent copy of the store into DIR (new or empty)\n"
    "while others keep working.  DIR is itself a store: catchment --store DIR\n"
    "reads it, and catchment restore DIR puts it back.\n";

static const char restore_help[] =
    "usage: catchment restore DIR\n\n"
    "Replaces everything in the store with the backup in DIR, in one\n"
    "transaction: others using the store see either all of the old store or\n"
    "all of the restored one.  The backup is checked first (as catchment check\n"
    "does) and refused with any problem, or when DIR is the store itself.  The\n"
    "restore is recorded in the restored audit trail: by whom, when, from DIR,\n"
    "with the SHA-256 of its data.mdb.\n";

static const char export_help[] =
    "usage: catchment export [--force] DIR\n\n"
    "Writes everything people entered, as CSV, so nothing is locked in:\n"
    "  contracts.csv  capacity.csv   (in the formats catchment import reads)\n"
    "  notes.csv      audit.csv      (who changed what, and when)\n"
    "  appraisal.csv  (options appraisal entries as they stand, rationales whole)\n"
    "The files are new (0640 at most, whatever the umask); a file already there\n"
    "is an error unless --force, which replaces it (never writing through a link).\n";

static void report(const char *db, const char *key, const char *what, void *ctx)
{
    (void)ctx;
    out_printf(stdout, "%s: %s: %s\n", db, key, what);
}

/* The walk of data.mdb itself, before LMDB reads any page.  A writer
 * may reuse pages while it is read (the walk holds no reader slot), so
 * a walk that finds damage is made again, up to three times, and only
 * the last one is reported. */
static int walk_file(const char *dir, store_check_counts *n, err *e)
{
    for (int i = 0; i < 3; i++) {
        store_check_counts t = {0, 0, 0};
        if (store_check_file(dir, i == 2 ? report : NULL, NULL, &t, e))
            return -1;
        if (t.problems == 0 || i == 2) {
            *n = t;
            return 0;
        }
    }
    return 0;
}

static void check_summary(const char *dir, const store_check_counts *n)
{
    printf("%s: %ld pages and %ld records checked, %ld problem%s\n", dir, n->pages,
           n->records, n->problems, n->problems == 1 ? "" : "s");
}

static int check_run(session *c, int argc, char **argv)
{
    (void)argv;
    if (argc != 1)
        return cli_usage("check", "takes no arguments");
    char dir[4096];
    store_check_counts n = {0, 0, 0};
    err e;
    if (store_default_dir(c->store_arg, dir, sizeof dir, &e) || walk_file(dir, &n, &e))
        return cli_fail("%s", e.msg);
    if (n.problems) {
        check_summary(dir, &n);
        return EXIT_FAIL;
    }
    store *s = cli_store(c, false);
    if (!s || store_read_begin(s, &e))
        return s ? cli_fail("%s", e.msg) : EXIT_FAIL;
    int rc = store_check(s, report, NULL, &n, &e);
    store_read_end(s);
    if (rc)
        return cli_fail("%s", e.msg);
    check_summary(store_dir(s), &n);
    if (n.snapshot == STORE_SNAPSHOT_CURRENT)
        printf("snapshot: as new as the data (read in place by search, near, scenario run)\n");
    else if (n.snapshot == STORE_SNAPSHOT_OLDER)
        printf("snapshot: older than the data, so not used; the next change writes it again\n");
    return n.problems ? EXIT_FAIL : EXIT_OK;
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
    out_printf(stdout, "backed up %s to %s\n", store_dir(s), argv[1]);
    return EXIT_OK;
}

/* Whether two paths name one directory (the live store given as its
 * own backup would be emptied by the restore). */
static bool same_dir(const char *a, const char *b)
{
    struct stat sa, sb;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}

/* The backup, opened read-only and checked as `check` would check it. */
static store *checked_backup(session *c, const char *dir, err *e)
{
    char live[4096];
    store_check_counts n = {0, 0, 0};
    store *from;
    store_opts ro = session_store_opts(true);
    if (store_default_dir(c->store_arg, live, sizeof live, e))
        return NULL;
    if (same_dir(live, dir)) {
        err_set(e, "%s: is the store itself; restore takes a backup made by catchment backup", dir);
        return NULL;
    }
    char count[48];
    if (walk_file(dir, &n, e) ||
        (n.problems && err_set(e, "%s: the backup is damaged (%s); not restored", dir,
                               text_count(n.problems, "problem", "problems", count, sizeof count))))
        return NULL;
    if (store_open(&from, dir, &ro, e))
        return NULL;
    int rc = store_read_begin(from, e) ? -1 : store_check(from, report, NULL, &n, e);
    store_read_end(from);
    if (rc == 0 && n.problems)
        rc = err_set(e, "%s: the backup has %s; not restored", dir,
                     text_count(n.problems, "problem", "problems", count, sizeof count));
    if (rc) {
        store_close(from);
        return NULL;
    }
    return from;
}

/* The restore's own audit entry: from which backup (its data.mdb's
 * SHA-256) and how long the trail it replaces was. */
static int restore_entry(store *s, const char *dir, audit_rec *a, err *e)
{
    const char *who;
    char path[4200];
    store_counts n;
    memset(a, 0, sizeof *a);
    snprintf(path, sizeof path, "%s/data.mdb", dir);
    if (who_writer(&who, e) || sha256_file(path, a->sha256, e) || store_read_begin(s, e))
        return -1;
    int rc = store_count(s, &n, e);
    store_read_end(s);
    if (rc)
        return -1;
    a->time = clock_now();
    snprintf(a->user, sizeof a->user, "%s", who);
    snprintf(a->field, sizeof a->field, "restore");
    snprintf(a->old_value, sizeof a->old_value, "a trail of %ld entries", n.audit);
    text_copy(a->new_value, sizeof a->new_value, dir);
    return 0;
}

static int restore_run(session *c, int argc, char **argv)
{
    if (argc != 2)
        return cli_usage("restore", "name the backup DIR");
    err e;
    audit_rec a;
    store *from = checked_backup(c, argv[1], &e), *s = NULL;
    if (!from)
        return cli_fail("%s", e.msg);
    int rc = (s = cli_store(c, true)) == NULL ? -2 : restore_entry(s, argv[1], &a, &e);
    if (rc == 0)
        rc = store_restore(s, from, &a, &e);
    store_close(from);
    if (rc)
        return rc == -2 ? EXIT_FAIL : cli_fail("%s", e.msg);
    out_printf(stdout, "restored %s from %s\n", store_dir(s), argv[1]);
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
    char cap[24] = "", fte[24] = "", a[16], b[16], from[16];
    if (c->capacity >= 0)
        snprintf(cap, sizeof cap, "%ld", c->capacity);
    if (!isnan(c->gp_fte))
        snprintf(fte, sizeof fte, "%g", c->gp_fte);
    date_cell(c->closed_from, a);
    date_cell(c->closed_to, b);
    const char *open = c->list_open < 0 ? "" : c->list_open ? "yes" : "no";
    date_cell(c->from, from);
    /* The notes say so again, so the made-up figures stay labelled. */
    const char *notes = c->illustrative ? "ILLUSTRATIVE: not a real figure" : "";
    csv_row(fp, (const char *const[]){c->practice, cap, fte, open, a, b, from, notes}, 8);
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
                                      r->new_value, r->sha256}, 7);
    return 0;
}

static int export_appraisal(const appraisal_rec *r, void *fp)
{
    char when[32], score[8] = "";
    utc(r->time, when, sizeof when);
    if (r->score)
        snprintf(score, sizeof score, "%d", r->score);
    csv_row(fp, (const char *const[]){r->practice, r->option, r->field, score, r->value, r->text,
                                      r->user, when}, 8);
    return 0;
}

/* One CSV file: its header, then fn's rows; a new file (or, with force,
 * one renamed over the old), removed again if anything fails. */
static int export_file(const char *dir, const char *name, const char *header,
                       int (*fill)(store *, FILE *, err *), store *s, bool force, err *e)
{
    char path[4200];
    safefile f;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    if (safefile_open(&f, path, force, e))
        return -1;
    fprintf(f.fp, "%s\r\n", header);
    int rc = fill(s, f.fp, e);
    return safefile_close(&f, rc == 0, e) || rc ? -1 : 0;
}

static int fill_contracts(store *s, FILE *fp, err *e)
{
    return store_contract_each(s, NULL, export_contract, fp, e);
}
static int fill_capacity(store *s, FILE *fp, err *e)
{
    return store_capacity_each(s, NULL, export_capacity, fp, e);
}
static int fill_notes(store *s, FILE *fp, err *e) { return store_note_each(s, NULL, export_note, fp, e); }
static int fill_audit(store *s, FILE *fp, err *e) { return store_audit_each(s, NULL, export_audit, fp, e); }
static int fill_appraisal(store *s, FILE *fp, err *e)
{
    return store_appraisal_each(s, NULL, export_appraisal, fp, e);
}

static const struct export {
    const char *name, *header;
    int (*fill)(store *, FILE *, err *);
} exports[] = {
    {"contracts.csv",
     "practice_code,contract_type,start_date,end_date,extension_options,provider,notes",
     fill_contracts},
    {"capacity.csv", "code,capacity,gp_fte,list_open,closed_from,closed_to,effective_from,notes",
     fill_capacity},
    {"notes.csv", "practice_code,time_utc,user,text", fill_notes},
    {"audit.csv", "time_utc,user,practice_code,field,old_value,new_value,sha256", fill_audit},
    {"appraisal.csv", "practice_code,option,field,score,detail,rationale,user,time_utc",
     fill_appraisal},
};
enum { N_EXPORTS = sizeof exports / sizeof *exports };

/* Without --force, any file already there stops the export before it
 * writes one, so a refused export leaves the directory as it was. */
static int none_there(const char *dir, err *e)
{
    for (int i = 0; i < N_EXPORTS; i++) {
        char path[4200];
        struct stat st;
        snprintf(path, sizeof path, "%s/%s", dir, exports[i].name);
        if (lstat(path, &st) == 0)
            return err_set(e, "%s: already exists (--force replaces it)", path);
    }
    return 0;
}

static int export_run(session *c, int argc, char **argv)
{
    bool force = argc == 3 && strcmp(argv[1], "--force") == 0;
    if (argc != 2 + force)
        return cli_usage("export", "name the DIR to write into");
    const char *d = argv[1 + force];
    bool made;
    err e;
    if (safefile_mkdir(d, &made, &e) || (!force && none_there(d, &e)))
        return cli_fail("%s", e.msg);
    store *s = cli_store(c, false);
    if (!s || store_read_begin(s, &e))
        return s ? cli_fail("%s", e.msg) : EXIT_FAIL;
    int rc = 0;
    for (int i = 0; rc == 0 && i < N_EXPORTS; i++)
        rc = export_file(d, exports[i].name, exports[i].header, exports[i].fill, s, force, &e);
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
