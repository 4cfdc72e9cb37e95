/* The one-line prompt at the bottom (':' commands, notes, capacities,
 * scenario names) and the ':' commands themselves. */
#include "tui/internal.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util/text.h"

static void utf8_put(char *out, size_t n, int cp)
{
    char b[5] = {0};
    if (cp < 0x80)
        b[0] = (char)cp;
    else if (cp < 0x800)
        b[0] = (char)(0xc0 | cp >> 6), b[1] = (char)(0x80 | (cp & 0x3f));
    else if (cp < 0x10000)
        b[0] = (char)(0xe0 | cp >> 12), b[1] = (char)(0x80 | (cp >> 6 & 0x3f)),
        b[2] = (char)(0x80 | (cp & 0x3f));
    else
        b[0] = (char)(0xf0 | cp >> 18), b[1] = (char)(0x80 | (cp >> 12 & 0x3f)),
        b[2] = (char)(0x80 | (cp >> 6 & 0x3f)), b[3] = (char)(0x80 | (cp & 0x3f));
    size_t len = strlen(out);
    if (len + strlen(b) < n)
        strcat(out, b);
}

/* Edits a line of text with one key; returns true when the key was text
 * editing (shared by the prompt and the search box). */
bool text_edit_key(char *buf, size_t n, int key)
{
    size_t len = strlen(buf);
    if (key == 127 || key == 8 || key == TK(KEY_BACKSPACE)) {
        while (len > 0 && ((unsigned char)buf[len - 1] & 0xc0) == 0x80)
            len--;
        if (len > 0)
            len--;
        buf[len] = '\0';
        return true;
    }
    if (key == TK_CTRL('u')) {
        buf[0] = '\0';
        return true;
    }
    if (key == TK_CTRL('w')) {
        while (len > 0 && buf[len - 1] == ' ')
            len--;
        while (len > 0 && buf[len - 1] != ' ')
            len--;
        buf[len] = '\0';
        return true;
    }
    if (TK_IS_FN(key) || key < 0x20 || key == 127 || (key >= 0x80 && key < 0xa0) ||
        key > 0x10ffff)
        return false;
    utf8_put(buf, n, key);
    return true;
}

static void prompt_draw(app *a, const char *label, const char *buf)
{
    char shown[1024];
    int lw = text_width(label), room = a->cols - lw - 1;
    const char *tail = buf;
    while (text_width(tail) > room && *tail) /* keep the end in view */
        tail += text_fit(tail, 1) ? text_fit(tail, 1) : 1;
    snprintf(shown, sizeof shown, "%s%s", label, tail);
    werase(a->status);
    int used = draw_text_np(a, a->status, 0, 0, a->cols, shown, color_attr(COL_NORMAL));
    wmove(a->status, 0, used < a->cols ? used : a->cols - 1);
    wnoutrefresh(a->status);
    doupdate();
}

bool app_prompt(app *a, const char *label, const char *init, char *out, size_t n)
{
    snprintf(out, n, "%s", init ? init : "");
    curs_set(1);
    bool ok = false;
    for (;;) {
        if (a->too_small)
            app_draw_all(a);
        else
            prompt_draw(a, label, out);
        int key = app_key(a);
        if (key == APP_EOF) {
            a->running = false;
            break;
        }
        if (key == ERR)
            continue;
        if (key == TK(KEY_RESIZE)) {
            app_resize(a);
            app_draw_all(a);
            continue;
        }
        if (key == '\r' || key == '\n' || key == TK(KEY_ENTER)) {
            ok = true;
            break;
        }
        if (key == TK_ESC || key == TK_CTRL('g'))
            break;
        text_edit_key(out, n, key);
    }
    curs_set(0);
    a->full_redraw = true;
    return ok;
}

static int cmd_save_display(app *a, char *args)
{
    if (script_save_display(a, args)) {
        app_msg(a, COL_ERROR, "%s: cannot write", args);
        return -1;
    }
    return 0;
}

static int cmd_save_attrs(app *a, char *args)
{
    return script_save_attrs(a, args);
}

/* Bytes written to a file-backed terminal so far, appended to a file:
 * the screen tests measure what one keystroke costs on the wire. */
static int cmd_bytes(app *a, char *args)
{
    struct stat st;
    fflush(a->term_out);
    FILE *fp = fopen(args, "a");
    if (!fp || fstat(fileno(a->term_out), &st)) {
        if (fp)
            fclose(fp);
        return -1;
    }
    fprintf(fp, "%lld\n", (long long)st.st_size);
    return fclose(fp);
}

static int cmd_open(app *a, char *args)
{
    int wi = world_find(&a->w, args);
    if (wi < 0) {
        app_msg(a, COL_WARN, "%s: no such practice", args);
        return -1;
    }
    return app_push(a, &card_ops, &wi);
}

static int cmd_policy(app *a, char *args)
{
    int p = config_policy_parse(args);
    if (p >= 0) {
        a->policy = (config_policy)p;
        a->whatif_serial++;
        return 0;
    }
    app_msg(a, COL_WARN, "policy: nearest, choice, optimal or demand");
    return -1;
}

static int cmd_load_scenario(app *a, char *args) { return scenario_load(a, args); }

static int cmd_quit(app *a, char *args)
{
    (void)args;
    a->running = false;
    return 0;
}

static int cmd_view(app *a, char *args)
{
    (void)a, (void)args; /* the table names the view to open */
    return 0;
}

static const struct command {
    const char *name;
    int (*run)(app *a, char *args);
    const view_ops *opens;
} commands[] = {
    {"quit", cmd_quit, NULL},
    {"q", cmd_quit, NULL},
    {"filter", practices_filter, NULL},
    {"sort", practices_sort, NULL},
    {"scenario", cmd_load_scenario, NULL},
    {"open", cmd_open, NULL},
    {"policy", cmd_policy, NULL},
    {"save-display", cmd_save_display, NULL},
    {"save-attrs", cmd_save_attrs, NULL},
    {"bytes", cmd_bytes, NULL},
    {"help", cmd_view, &help_ops},
    {"contracts", cmd_view, &contracts_ops},
    {"history", cmd_view, &history_ops},
    {"backtest", cmd_view, &backtest_ops},
    {"whatif", cmd_view, &whatif_ops},
};

int app_run_command(app *a, const char *line)
{
    char buf[1024];
    snprintf(buf, sizeof buf, "%s", line);
    char *name = buf + strspn(buf, " ");
    char *args = name + strcspn(name, " ");
    if (*args)
        *args++ = '\0';
    args += strspn(args, " ");
    for (size_t n = strlen(args); n > 0 && args[n - 1] == ' '; n--)
        args[n - 1] = '\0';
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        if (strcmp(commands[i].name, name) != 0)
            continue;
        if (commands[i].opens)
            return app_push(a, commands[i].opens, NULL);
        return commands[i].run(a, args);
    }
    app_msg(a, COL_WARN, ":%s: unknown command (filter, sort, scenario, open, policy, quit)",
            name);
    return -1;
}
