/* The file check: LMDB trusts its pages (a flipped bit in a page header
 * or a node offset sends it reading anywhere, and the process dies), so
 * `check` first walks every B-tree of data.mdb itself, reading the file
 * with pread and validating each length before using it.  Only a file
 * that passes is opened through LMDB.
 *
 * The layout is LMDB 0.9's on a 64-bit machine (lmdb/mdb.c): a 16-byte
 * page header (pgno, pad, flags, lower, upper), 2-byte node offsets after
 * it, 8-byte node headers (lo, hi, flags, key size), two meta pages first.
 * The walk follows the meta with the newest transaction, as LMDB does. */
#include "store/internal.h"
#include "util/safefile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum {
    HDR = 16,              /* page header */
    NODE = 8,              /* node header */
    P_BRANCH = 0x01, P_LEAF = 0x02, P_OVERFLOW = 0x04, P_META = 0x08, P_LEAF2 = 0x20,
    F_BIGDATA = 0x01, F_SUBDATA = 0x02, F_DUPDATA = 0x04,
    DB_REC = 48,           /* MDB_db: pad, flags, depth, 4 counts, root */
    MAX_DEPTH = 32
};
#define LMDB_MAGIC 0xBEEFC0DEu
#define P_INVALID (~(uint64_t)0)

typedef struct walk {
    int fd;
    size_t psize;
    uint64_t npages;        /* pages in the file */
    uint64_t last;          /* the meta's last page */
    unsigned char *seen;    /* one bit per page */
    store_check_fn report;
    void *ctx;
    long pages, problems;
    const char *tree;       /* the database being walked, for messages */
} walk;

static uint16_t u16(const unsigned char *p) { uint16_t v; memcpy(&v, p, 2); return v; }
static uint32_t u32(const unsigned char *p) { uint32_t v; memcpy(&v, p, 4); return v; }
static uint64_t u64(const unsigned char *p) { uint64_t v; memcpy(&v, p, 8); return v; }

static void bad(walk *w, uint64_t pgno, const char *what)
{
    char where[64];
    snprintf(where, sizeof where, "page %llu", (unsigned long long)pgno);
    w->problems++;
    if (w->report)
        w->report(w->tree, where, what, w->ctx);
}

static int read_page(walk *w, uint64_t pgno, unsigned char *buf)
{
    ssize_t n = pread(w->fd, buf, w->psize, (off_t)(pgno * w->psize));
    return n == (ssize_t)w->psize ? 0 : -1;
}

/* Marks pgno (and n-1 after it) walked: each page belongs to one tree once. */
static bool claim(walk *w, uint64_t pgno, uint64_t n)
{
    if (pgno < 2 || pgno > w->last || n > w->last - pgno + 1)
        return false;
    for (uint64_t p = pgno; p < pgno + n; p++) {
        if (w->seen[p >> 3] & (1u << (p & 7)))
            return false;
        w->seen[p >> 3] |= (unsigned char)(1u << (p & 7));
    }
    w->pages += (long)n;
    return true;
}

static int walk_tree(walk *w, uint64_t pgno, int depth, long *entries);

/* A database record (MDB_db) in the main tree: its root is walked too. */
static int walk_sub(walk *w, const unsigned char *db, const unsigned char *name, size_t nn)
{
    char label[64];
    const char *outer = w->tree;
    store_key_text(name, nn, label, sizeof label);
    w->tree = label;
    long entries = 0;
    uint16_t flags = u16(db + 4), depth = u16(db + 6);
    uint64_t root = u64(db + 40), want = u64(db + 32);
    if (flags != 0 || depth > MAX_DEPTH)
        bad(w, 0, "the database record is damaged (flags or depth)");
    else if (root != P_INVALID && walk_tree(w, root, 1, &entries) == 0 &&
             (uint64_t)entries != want)
        bad(w, root, "the database holds a different number of entries than it records");
    w->tree = outer;
    return 0;
}

/* One node of a leaf page: its data in the page, or in overflow pages. */
static void leaf_node(walk *w, uint64_t pgno, const unsigned char *pg, size_t off)
{
    const unsigned char *nd = pg + off;
    size_t ks = u16(nd + 6), ds = (size_t)u16(nd) | (size_t)u16(nd + 2) << 16;
    uint16_t fl = u16(nd + 4);
    size_t room = w->psize - off - NODE;
    if (fl & F_DUPDATA || ks > room || (fl & F_BIGDATA ? 8 : ds) > room - ks) {
        bad(w, pgno, "a record runs past the end of its page");
        return;
    }
    if (fl & F_BIGDATA) {
        unsigned char hdr[HDR];
        uint64_t op = u64(nd + NODE + ks);
        uint64_t npg = (ds + HDR + w->psize - 1) / w->psize;
        if (op < 2 || op > w->last || pread(w->fd, hdr, HDR, (off_t)(op * w->psize)) != HDR ||
            u64(hdr) != op || !(u16(hdr + 10) & P_OVERFLOW) || u32(hdr + 12) < npg ||
            !claim(w, op, u32(hdr + 12)))
            bad(w, pgno, "a large record's overflow pages are damaged");
    } else if (fl & F_SUBDATA) {
        if (ds != DB_REC)
            bad(w, pgno, "a database record has the wrong size");
        else
            walk_sub(w, nd + NODE + ks, nd + NODE, ks);
    }
}

/* Keys in a page must ascend (LMDB's order: bytes, then length). */
static bool in_order(const unsigned char *a, size_t an, const unsigned char *b, size_t bn)
{
    int c = memcmp(a, b, an < bn ? an : bn);
    return c < 0 || (c == 0 && an < bn);
}

/* The page's own header and node table; returns the number of nodes or -1. */
static int page_nodes(walk *w, uint64_t pgno, const unsigned char *pg)
{
    uint16_t flags = u16(pg + 10), lower = u16(pg + 12), upper = u16(pg + 14);
    if (u64(pg) != pgno)
        return bad(w, pgno, "the page does not hold the page number it should"), -1;
    if ((flags & (P_BRANCH | P_LEAF)) == 0 || (flags & (P_BRANCH | P_LEAF)) == 3 ||
        flags & (P_OVERFLOW | P_META | P_LEAF2))
        return bad(w, pgno, "the page is neither a branch nor a leaf"), -1;
    if (lower < HDR || lower > upper || upper > w->psize || (lower - HDR) % 2 != 0)
        return bad(w, pgno, "the page's free-space bounds are damaged"), -1;
    int n = (lower - HDR) / 2;
    for (int i = 0; i < n; i++) {
        uint16_t off = u16(pg + HDR + 2 * i);
        if (off < upper || off % 2 || (size_t)off + NODE > w->psize ||
            (size_t)off + NODE + u16(pg + off + 6) > w->psize)
            return bad(w, pgno, "a record's place in the page is damaged"), -1;
    }
    return n == 0 ? (bad(w, pgno, "the page is empty"), -1) : n;
}

static int walk_tree(walk *w, uint64_t pgno, int depth, long *entries)
{
    if (depth > MAX_DEPTH)
        return bad(w, pgno, "the tree is deeper than any LMDB tree"), -1;
    if (!claim(w, pgno, 1))
        return bad(w, pgno, "a page number is out of range or used twice"), -1;
    unsigned char *pg = malloc(w->psize);
    if (!pg || read_page(w, pgno, pg)) {
        free(pg);
        return bad(w, pgno, "the page cannot be read"), -1;
    }
    int n = page_nodes(w, pgno, pg), rc = n < 0 ? -1 : 0;
    bool leaf = u16(pg + 10) & P_LEAF;
    const unsigned char *pk = NULL;
    size_t pkn = 0;
    for (int i = 0; rc == 0 && i < n; i++) {
        const unsigned char *nd = pg + u16(pg + HDR + 2 * i);
        size_t ks = u16(nd + 6);
        if ((leaf || i > 1) && pk && !in_order(pk, pkn, nd + NODE, ks))
            rc = (bad(w, pgno, "the keys of the page are out of order"), -1);
        pk = nd + NODE, pkn = ks;
        if (rc)
            break;
        if (leaf) {
            leaf_node(w, pgno, pg, (size_t)(nd - pg));
            ++*entries;
        } else {
            uint64_t child = (uint64_t)u16(nd) | (uint64_t)u16(nd + 2) << 16 |
                             (uint64_t)u16(nd + 4) << 32;
            rc = walk_tree(w, child, depth + 1, entries);
        }
    }
    free(pg);
    return rc;
}

/* Both meta pages as LMDB reads them; the newer one is walked. */
static int pick_meta(walk *w, unsigned char meta[2][HDR + 136], int *which)
{
    for (int i = 0; i < 2; i++) {
        /* The page size is in meta 0 (the free database's pad). */
        off_t at = i == 0 ? 0 : (off_t)w->psize;
        if (pread(w->fd, meta[i], sizeof meta[i], at) != (ssize_t)sizeof meta[i] ||
            !(u16(meta[i] + 10) & P_META) || u32(meta[i] + HDR) != LMDB_MAGIC ||
            u32(meta[i] + HDR + 4) != 1)
            return -1;
        if (i == 0) {
            w->psize = u32(meta[0] + HDR + 24);
            if (w->psize < 512 || w->psize > 65536 || (w->psize & (w->psize - 1)))
                return -1;
        }
    }
    *which = u64(meta[1] + HDR + 128) > u64(meta[0] + HDR + 128);
    return 0;
}

static int walk_file(walk *w, err *e)
{
    unsigned char meta[2][HDR + 136];
    int m;
    struct stat st;
    w->tree = "data.mdb";
    if (fstat(w->fd, &st) != 0)
        return err_set(e, "data.mdb: %s", strerror(errno));
    w->psize = 4096;
    if (pick_meta(w, meta, &m)) {
        bad(w, 0, "the meta pages are damaged (or this is not an LMDB file)");
        return 0;
    }
    w->npages = (uint64_t)st.st_size / w->psize;
    w->last = u64(meta[m] + HDR + 120);
    if (w->last < 1 || w->last >= w->npages) {
        bad(w, 0, "the meta page names more pages than the file holds");
        return 0;
    }
    if (!(w->seen = calloc((size_t)(w->last / 8 + 1), 1)))
        return err_set(e, "out of memory");
    w->pages = 2;
    const unsigned char *free_db = meta[m] + HDR + 24, *main_db = free_db + DB_REC;
    long entries = 0;
    w->tree = "free pages";
    if (u64(free_db + 40) != P_INVALID)
        walk_tree(w, u64(free_db + 40), 1, &entries);
    walk_sub(w, main_db, (const unsigned char *)"main", 4);
    free(w->seen);
    return 0;
}

int store_check_file(const char *dir, store_check_fn report, void *ctx,
                     store_check_counts *out, err *e)
{
    char path[4200];
    snprintf(path, sizeof path, "%s/data.mdb", dir);
    walk w = {.report = report, .ctx = ctx};
    w.fd = safefile_open_read(path, true, e);
    if (w.fd < 0)
        return errno == ENOENT ? 0 : -1;
    int rc = walk_file(&w, e);
    close(w.fd);
    out->pages += w.pages;
    out->problems += w.problems;
    return rc;
}
