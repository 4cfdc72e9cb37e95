/* Trust: what reaches the terminal and what the store keeps.
 *  - Control characters that got into the store some other way than an
 *    import (which refuses them) are escaped by every output format of
 *    show, search, near, contracts, history and scenario, and by the
 *    terminal interface.
 *  - Two notes by one user on one practice in the same second are both
 *    kept. */
#include "tests/unit/t.h"
#include "cli/cli.h"
#include "store/store.h"

#include <fcntl.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[] = "/tmp/catchment-trust.XXXXXX";
static char store_dir_path[4200];

/* Hostile text as a name, an address line, a contract and a note:
 * OSC 52 (clipboard write), CSI 2J (clear), a title set, BEL, and C1
 * CSI as UTF-8 (0xC2 0x9B). */
static const char *const hostile[] = {
    "EVIL \x1b]52;c;cm0gLXJmIH4=\x07 SURGERY",
    "\x1b[2J\x1b[H CLEARED",
    "\x1b]0;owned\x07 TITLE",
    "C1 \xc2\x9b" "31m RED",
};

static void seed(void)
{
    store *s;
    err e;
    store_opts o = {0};
    CHECK(store_open(&s, store_dir_path, &o, &e) == 0);
    practice p;
    practice_init(&p, "Z99999");
    snprintf(p.name, sizeof p.name, "%s", hostile[0]);
    snprintf(p.addr[0], sizeof p.addr[0], "%s", hostile[1]);
    snprintf(p.addr[3], sizeof p.addr[3], "%s", hostile[2]);
    snprintf(p.postcode, sizeof p.postcode, "%s", "CV1 1AA");
    snprintf(p.pcn_name, sizeof p.pcn_name, "%s", hostile[3]);
    snprintf(p.status, sizeof p.status, "%s", "ACTIVE");
    p.gp = p.in_register = true;
    p.list_size = 5000;
    p.list_date = 20260401;
    postcode_rec pc = {"CV1 1AA", 52.4068, -1.5197, "", false, PC_ONSPD};
    list_point pt = {20260401, 5000};
    contract c = {.practice = "Z99999", .type = "GMS", .end = 20270331};
    snprintf(c.provider, sizeof c.provider, "%s", hostile[2]);
    snprintf(c.notes, sizeof c.notes, "%s", hostile[1]);
    note n = {.practice = "Z99999", .time = 1790000000, .user = "tester"};
    snprintf(n.text, sizeof n.text, "%s", hostile[0]);
    CHECK(store_write_begin(s, &e) == 0);
    CHECK(store_practice_put(s, &p, &e) == 0);
    CHECK(store_postcode_put(s, &pc, &e) == 0);
    CHECK(store_list_put(s, "Z99999", &pt, &e) == 0);
    CHECK(store_contract_put(s, &c, &e) == 0);
    CHECK(store_note_put(s, &n, &e) == 0);
    CHECK(store_write_commit(s, &e) == 0);
    store_close(s);
}

/* Runs one command with stdout and stderr in a file; returns its bytes. */
static char *run(int argc, char **argv, size_t *len)
{
    char path[4300];
    snprintf(path, sizeof path, "%s/out", dir);
    fflush(stdout);
    fflush(stderr);
    int keep1 = dup(1), keep2 = dup(2);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(fd, 1);
    dup2(fd, 2);
    close(fd);
    optind = 0;
    cli_main(argc, argv);
    fflush(stdout);
    fflush(stderr);
    dup2(keep1, 1);
    dup2(keep2, 2);
    close(keep1);
    close(keep2);
    FILE *fp = fopen(path, "rb");
    static char buf[1 << 20];
    *len = fp ? fread(buf, 1, sizeof buf - 1, fp) : 0;
    if (fp)
        fclose(fp);
    buf[*len] = '\0';
    return buf;
}

/* The first control byte a terminal would act on: C0 but tab, newline
 * and carriage return; DEL; C1 in UTF-8 (C2 80..C2 9F); -1 when none. */
static long first_control(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < n; i++) {
        if ((p[i] < 0x20 && p[i] != '\n' && p[i] != '\r' && p[i] != '\t') || p[i] == 0x7f)
            return (long)i;
        if (p[i] == 0xc2 && i + 1 < n && p[i + 1] >= 0x80 && p[i + 1] <= 0x9f)
            return (long)i;
    }
    return -1;
}

static void test_output_escapes(void)
{
    static const char *const cmds[][6] = {
        {"show", "Z99999", NULL},
        {"show", "Z99999", "--format", "csv", NULL},
        {"show", "Z99999", "--format", "json", NULL},
        {"search", "EVIL", NULL},
        {"search", "EVIL", "--format", "csv", NULL},
        {"search", "EVIL", "--format", "json", NULL},
        {"near", "CV1 1AA", "--all", NULL},
        {"near", "CV1 1AA", "--all", "--format", "json", NULL},
        {"contracts", NULL},
        {"contracts", "--format", "csv", NULL},
        {"history", "Z99999", NULL},
        {"scenario", "run", "--close", "Z99999", NULL},
        {"show", "\x1b]0;x\x07", NULL},
    };
    for (size_t i = 0; i < sizeof cmds / sizeof *cmds; i++) {
        char *argv[12] = {"catchment", "--store", store_dir_path, "--no-color"};
        int argc = 4;
        char what[200] = "";
        for (int k = 0; k < 6 && cmds[i][k]; k++) {
            argv[argc++] = (char *)cmds[i][k];
            if (!strchr(cmds[i][k], '\x1b'))
                snprintf(what + strlen(what), sizeof what - strlen(what), " %s", cmds[i][k]);
        }
        size_t n;
        char *out = run(argc, argv, &n);
        long at = first_control(out, n);
        T_REPORT(at < 0, "%s: no raw control byte in %zu bytes of output%s", what + 1, n,
                 at < 0 ? "" : " (one found)");
    }
    size_t n;
    char *argv[] = {"catchment", "--store", store_dir_path, "show", "Z99999", NULL};
    char *out = run(5, argv, &n);
    CHECK(strstr(out, "EVIL \\x1B]52;c;") != NULL); /* shown, escaped */
    CHECK(strstr(out, "C1 \\xC2\\x9B31m") != NULL);
}

/* The terminal interface, scripted, over the same records: what it sends
 * to the terminal may hold ncurses' own escapes, but never one of the
 * stored ones: no OSC (ESC ]) at all, no BEL, no C1. */
static void test_tui_escapes(void)
{
    char script[4300], term[4300], shot[4300];
    snprintf(script, sizeof script, "%s/keys", dir);
    snprintf(term, sizeof term, "%s/term", dir);
    snprintf(shot, sizeof shot, "%s/screen", dir);
    FILE *fp = fopen(script, "w");
    if (!fp)
        return;
    fprintf(fp, ":open Z99999\n:save-display %s\nG\n<Esc>\n/\n\"EVIL\n<Enter>\nq\n", shot);
    fclose(fp);
    setenv("CATCHMENT_SCRIPT", script, 1);
    setenv("CATCHMENT_TERM_OUT", term, 1);
    setenv("TERM", "xterm-256color", 1);
    setenv("LINES", "40", 1);
    setenv("COLUMNS", "120", 1);
    char *argv[] = {"catchment", "--store", store_dir_path, NULL};
    size_t n;
    run(3, argv, &n);
    unsetenv("CATCHMENT_SCRIPT");
    FILE *tf = fopen(term, "rb");
    static char buf[1 << 20];
    size_t len = tf ? fread(buf, 1, sizeof buf, tf) : 0;
    if (tf)
        fclose(tf);
    bool osc = false, bel = false, c1 = false;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)buf[i];
        osc |= c == 0x1b && i + 1 < len && buf[i + 1] == ']';
        bel |= c == 0x07;
        c1 |= c == 0xc2 && i + 1 < len && (unsigned char)buf[i + 1] >= 0x80 &&
              (unsigned char)buf[i + 1] <= 0x9f;
    }
    T_REPORT(len > 0 && !osc && !bel && !c1,
             "the terminal interface sent %zu bytes: no OSC, BEL or C1 from the store", len);
    FILE *sf = fopen(shot, "rb");
    size_t sl = sf ? fread(buf, 1, sizeof buf - 1, sf) : 0;
    if (sf)
        fclose(sf);
    buf[sl] = '\0';
    CHECK(strstr(buf, "EVIL") != NULL); /* the card was on the screen */
    CHECK(first_control(buf, sl) < 0);
}

static int count_note(const note *n, void *ctx)
{
    (void)n;
    ++*(int *)ctx;
    return 0;
}

static void test_notes_same_second(void)
{
    store *s;
    err e;
    store_opts o = {0};
    CHECK(store_open(&s, store_dir_path, &o, &e) == 0);
    note n = {.practice = "Z99999", .time = 1790000100, .user = "tester"};
    CHECK(store_write_begin(s, &e) == 0);
    for (int i = 0; i < 5; i++) {
        snprintf(n.text, sizeof n.text, "note %d", i);
        CHECK(store_note_put(s, &n, &e) == 0);
    }
    snprintf(n.user, sizeof n.user, "%s", "other"); /* another user, same second */
    CHECK(store_note_put(s, &n, &e) == 0);
    CHECK(store_write_commit(s, &e) == 0);
    int count = 0;
    CHECK(store_read_begin(s, &e) == 0);
    CHECK(store_note_each(s, "Z99999", count_note, &count, &e) == 0);
    store_read_end(s);
    CHECK_INT(count, 7); /* the seeded one and six in the same second */
    store_close(s);
}

int main(void)
{
    if (!mkdtemp(dir))
        return 1;
    snprintf(store_dir_path, sizeof store_dir_path, "%s/store", dir);
    setenv("HOME", dir, 1);
    unsetenv("XDG_CONFIG_HOME");
    seed();
    test_output_escapes();
    test_tui_escapes();
    test_notes_same_second();
    char cmd[4400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        return 1;
    T_DONE();
}
