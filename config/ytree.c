#include "config/ytree.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "config/config.h"
#include "util/text.h"

typedef struct builder {
    const char *name;
    const char *text;
    size_t len;
    err *e;
    ynode *root;
    ynode *stack[CONFIG_MAX_DEPTH + 1];
    int depth;
    int docs;
} builder;

void ytree_free(ynode *n)
{
    if (!n)
        return;
    for (size_t i = 0; i < n->nkids; i++)
        ytree_free(n->kids[i]);
    free(n->kids);
    free(n->val);
    free(n);
}

bool ynode_is_null(const ynode *n)
{
    return n->kind == YNODE_SCALAR && !n->quoted &&
           (n->len == 0 || strcmp(n->val, "~") == 0 ||
            strcmp(n->val, "null") == 0);
}

/* Reader errors carry a byte offset, not a mark: count lines and
 * characters up to it so the message still says where. */
static void offset_mark(const char *s, size_t len, size_t off, long *line,
                        long *col)
{
    *line = 1, *col = 1;
    for (size_t i = 0; i < off && i < len; i++) {
        if (s[i] == '\n')
            ++*line, *col = 1;
        else if (((unsigned char)s[i] & 0xC0) != 0x80)
            ++*col;
    }
}

/* True when the character at line:col (1-based, in characters) is a tab:
 * the usual reason libyaml finds "a character that cannot start any
 * token". */
static bool tab_at(const char *s, size_t len, long line, long col)
{
    size_t i = 0;
    for (long l = 1; l < line && i < len; i++)
        if (s[i] == '\n')
            l++;
    for (long c = 1; c < col && i < len; i++)
        if (i + 1 >= len || ((unsigned char)s[i + 1] & 0xC0) != 0x80)
            c++;
    return i < len && s[i] == '\t';
}

static int parser_error(builder *b, const yaml_parser_t *p)
{
    long line, col;
    if (p->error == YAML_MEMORY_ERROR)
        return err_at(b->e, b->name, 0, 0, "out of memory");
    if (p->error == YAML_READER_ERROR) {
        offset_mark(b->text, b->len, p->problem_offset, &line, &col);
        return err_at(b->e, b->name, line, col, "%s (the file must be UTF-8 text)",
                      p->problem ? p->problem : "unreadable input");
    }
    line = (long)p->problem_mark.line + 1;
    col = (long)p->problem_mark.column + 1;
    const char *hint = tab_at(b->text, b->len, line, col)
                           ? " (tabs cannot indent YAML: use spaces)" : "";
    if (p->context && (long)p->context_mark.line + 1 != line)
        return err_at(b->e, b->name, line, col, "%s (%s at line %ld)%s",
                      p->problem, p->context, (long)p->context_mark.line + 1,
                      hint);
    if (p->context)
        return err_at(b->e, b->name, line, col, "%s (%s)%s", p->problem,
                      p->context, hint);
    return err_at(b->e, b->name, line, col, "%s%s",
                  p->problem ? p->problem : "syntax error", hint);
}

/* The YAML core schema tags, each only on the kind of node it names;
 * anything else would ask for a type we do not have. */
static bool tag_ok(const char *tag, ynode_kind kind)
{
    static const char *const scalar[] = {
        YAML_STR_TAG, YAML_INT_TAG, YAML_FLOAT_TAG, YAML_BOOL_TAG,
        YAML_NULL_TAG, "!"};
    if (kind == YNODE_SEQ)
        return strcmp(tag, YAML_SEQ_TAG) == 0;
    if (kind == YNODE_MAP)
        return strcmp(tag, YAML_MAP_TAG) == 0;
    for (size_t i = 0; i < sizeof scalar / sizeof *scalar; i++)
        if (strcmp(tag, scalar[i]) == 0)
            return true;
    return false;
}

/* Anchors, aliases and unknown tags are refused wherever they appear. */
static int check_props(builder *b, const yaml_mark_t *m, const char *anchor,
                       const char *tag, ynode_kind kind)
{
    char shown[80];
    if (anchor) {
        text_escape(anchor, shown, sizeof shown);
        return err_at(b->e, b->name, (long)m->line + 1, (long)m->column + 1,
                      "anchor '&%s' not allowed: anchors and aliases are "
                      "not supported", shown);
    }
    if (tag && !tag_ok(tag, kind)) {
        text_escape(tag, shown, sizeof shown);
        return err_at(b->e, b->name, (long)m->line + 1, (long)m->column + 1,
                      "tag '%s' not allowed here: only the standard YAML "
                      "tags are supported", shown);
    }
    return 0;
}

static int attach(builder *b, ynode *n)
{
    if (b->depth == 0) {
        b->root = n;
        return 0;
    }
    ynode *p = b->stack[b->depth - 1];
    if (p->nkids == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 4;
        ynode **k = realloc(p->kids, cap * sizeof *k);
        if (!k) {
            ytree_free(n);
            return err_at(b->e, b->name, 0, 0, "out of memory");
        }
        p->kids = k, p->cap = cap;
    }
    p->kids[p->nkids++] = n;
    return 0;
}

static ynode *node_new(ynode_kind kind, const yaml_mark_t *m)
{
    ynode *n = calloc(1, sizeof *n);
    if (n) {
        n->kind = kind;
        n->line = (long)m->line + 1;
        n->col = (long)m->column + 1;
    }
    return n;
}

static int on_scalar(builder *b, const yaml_event_t *ev)
{
    const char *tag = (const char *)ev->data.scalar.tag;
    if (check_props(b, &ev->start_mark, (const char *)ev->data.scalar.anchor,
                    tag, YNODE_SCALAR) < 0)
        return -1;
    ynode *n = node_new(YNODE_SCALAR, &ev->start_mark);
    if (n)
        n->val = malloc(ev->data.scalar.length + 1);
    if (!n || !n->val) {
        ytree_free(n);
        return err_at(b->e, b->name, 0, 0, "out of memory");
    }
    n->len = ev->data.scalar.length;
    memcpy(n->val, ev->data.scalar.value, n->len);
    n->val[n->len] = '\0';
    n->quoted = ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE ||
                (tag && (strcmp(tag, YAML_STR_TAG) == 0 || strcmp(tag, "!") == 0));
    return attach(b, n);
}

static int on_start(builder *b, const yaml_event_t *ev, ynode_kind kind)
{
    const char *anchor, *tag;
    if (kind == YNODE_SEQ) {
        anchor = (const char *)ev->data.sequence_start.anchor;
        tag = (const char *)ev->data.sequence_start.tag;
    } else {
        anchor = (const char *)ev->data.mapping_start.anchor;
        tag = (const char *)ev->data.mapping_start.tag;
    }
    if (check_props(b, &ev->start_mark, anchor, tag, kind) < 0)
        return -1;
    if (b->depth >= CONFIG_MAX_DEPTH)
        return err_at(b->e, b->name, (long)ev->start_mark.line + 1,
                      (long)ev->start_mark.column + 1,
                      "nested deeper than %d levels", CONFIG_MAX_DEPTH);
    ynode *n = node_new(kind, &ev->start_mark);
    if (!n)
        return err_at(b->e, b->name, 0, 0, "out of memory");
    if (attach(b, n) < 0)
        return -1;
    b->stack[b->depth++] = n;
    return 0;
}

/* One event into the tree.  Returns 1 at the end of the stream. */
static int on_event(builder *b, const yaml_event_t *ev)
{
    const yaml_mark_t *m = &ev->start_mark;
    char shown[80];
    switch (ev->type) {
    case YAML_STREAM_END_EVENT:
        return 1;
    case YAML_DOCUMENT_START_EVENT:
        if (++b->docs > 1)
            return err_at(b->e, b->name, (long)m->line + 1, (long)m->column + 1,
                          "more than one document: the file must hold one");
        return 0;
    case YAML_ALIAS_EVENT:
        text_escape((const char *)ev->data.alias.anchor, shown, sizeof shown);
        return err_at(b->e, b->name, (long)m->line + 1, (long)m->column + 1,
                      "alias '*%s' not allowed: anchors and aliases are not "
                      "supported", shown);
    case YAML_SCALAR_EVENT:
        return on_scalar(b, ev);
    case YAML_SEQUENCE_START_EVENT:
        return on_start(b, ev, YNODE_SEQ);
    case YAML_MAPPING_START_EVENT:
        return on_start(b, ev, YNODE_MAP);
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
        b->depth--;
        return 0;
    default:
        return 0;
    }
}

int ytree_parse(const char *text, size_t len, const char *name, ynode **root,
                err *e)
{
    builder b = {.name = name, .text = text, .len = len, .e = e};
    yaml_parser_t p;
    int rc = 0;
    *root = NULL;
    if (!yaml_parser_initialize(&p))
        return err_at(e, name, 0, 0, "out of memory");
    yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
    yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
    while (rc == 0) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&p, &ev)) {
            rc = parser_error(&b, &p);
            break;
        }
        rc = on_event(&b, &ev);
        yaml_event_delete(&ev);
    }
    yaml_parser_delete(&p);
    if (rc < 0) {
        ytree_free(b.root);
        return -1;
    }
    if (b.root && ynode_is_null(b.root)) {
        ytree_free(b.root);
        b.root = NULL;
    }
    *root = b.root;
    return 0;
}
