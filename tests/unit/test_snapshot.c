/* The store's snapshot read back as the world the store gives; and a
 * forged one (its seal made good, so only its contents tell) is not
 * used, with a message: never a text read past its field, never a flag
 * that is neither true nor false. */
#define _GNU_SOURCE /* memmem */
#include "tests/unit/t.h"
#include "core/snapshot.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

static const char *const codes[] = {"M84001", "M84002", "M84003"};

static void fill(store *s)
{
    err e;
    CHECK(store_write_begin(s, &e) == 0);
    for (int i = 0; i < 3; i++) {
        practice p;
        practice_init(&p, codes[i]);
        snprintf(p.name, sizeof p.name, "PRACTICE %d", i);
        snprintf(p.status, sizeof p.status, "ACTIVE");
        p.gp = true;
        p.lat = 52.5 + i * 0.01;
        p.lon = -1.5;
        CHECK(store_practice_put(s, &p, &e) == 0);
        list_point pt = {20260401, 5000 + i};
        CHECK(store_list_put(s, codes[i], &pt, &e) == 0);
    }
    CHECK(store_write_commit(s, &e) == 0);
}

/* Puts the snapshot back with one byte changed, at `at` bytes after the
 * second practice's code. */
static void forge(store *s, size_t at, unsigned char to)
{
    err e;
    store_view *v;
    const void *data;
    size_t n;
    CHECK_INT(store_snapshot_view(s, &v, &data, &n, &e), 1);
    unsigned char *copy = malloc(n);
    memcpy(copy, data, n);
    store_view_close(v);
    unsigned char *code = memmem(copy, n, codes[1], strlen(codes[1]) + 1);
    CHECK(code != NULL);
    if (code)
        code[at] = to;
    CHECK(store_write_begin(s, &e) == 0);
    CHECK(store_snapshot_put(s, copy, n, &e) == 0);
    CHECK(store_write_commit(s, &e) == 0);
    free(copy);
}

/* The world as the snapshot gives it equals the one read from the store. */
static void same_world(store *s, const config *cfg, bool from_snapshot)
{
    world a, b;
    err e;
    CHECK(world_load_parts_at(&a, s, cfg, WORLD_VIEW, 0, &e) == 0);
    T_REPORT((a.snap != NULL) == from_snapshot, "the snapshot %s", from_snapshot ? "used" : "not used");
    setenv("CATCHMENT_NO_SNAPSHOT", "1", 1);
    CHECK(world_load_parts_at(&b, s, cfg, WORLD_ALL, 0, &e) == 0);
    unsetenv("CATCHMENT_NO_SNAPSHOT");
    CHECK_INT(a.n, 3);
    CHECK_INT(a.n, b.n);
    for (int i = 0; i < a.n && i < b.n; i++) {
        CHECK_STR(a.v[i].p.code, b.v[i].p.code);
        CHECK_INT(a.v[i].p.list_size, b.v[i].p.list_size);
        CHECK_INT(a.v[i].cap.capacity, b.v[i].cap.capacity);
        CHECK(a.v[i].open == b.v[i].open);
    }
    CHECK_INT(a.at.date, b.at.date);
    world_free(&a);
    world_free(&b);
}

int main(void)
{
    char dir[] = "/tmp/catchment-test-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    store *s;
    err e;
    config cfg;
    config_init(&cfg);
    CHECK(store_open(&s, dir, NULL, &e) == 0);
    fill(s);
    CHECK(snapshot_refresh(s, &cfg, &e) == 0);
    same_world(s, &cfg, true);
    CHECK(snapshot_notice() == NULL);

    /* The code's last byte: a text with no end. */
    forge(s, CODE_MAX - 1, 'X');
    same_world(s, &cfg, false);
    const char *why = snapshot_notice();
    CHECK(why && strstr(why, "snapshot is damaged"));
    CHECK(snapshot_notice() == NULL); /* said once */

    /* A flag that is neither. */
    CHECK(snapshot_refresh(s, &cfg, &e) == 0);
    same_world(s, &cfg, true);
    forge(s, offsetof(practice, gp), 7);
    same_world(s, &cfg, false);
    CHECK(snapshot_notice() != NULL);

    store_close(s);
    config_free(&cfg);
    char cmd[256];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    CHECK(system(cmd) == 0);
    T_DONE();
}
