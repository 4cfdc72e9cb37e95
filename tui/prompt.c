/* The one-line prompt at the bottom (':' commands, notes, capacities,
 * scenario names) and the ':' commands themselves. */
#include "tui/internal.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util/text.h"

/* Appends cp; false when it does not fit. */
static bool utf8_put(char *out, size_t n, int cp)
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
    if (len + strlen(b) >= n)
        return false;
    strcat(out, b);
    return true;
}

/* Edits a line of text with one key; returns 1 when the key was text
 * editing, -1 when it was a character that did not fit (nothing is cut
 * silently: the caller refuses the line), 0 otherwise (shared by the
 * prompt and the search box). */
int text_edit_key(char *buf, size_t n, int key)
{
    size_t len = strlen(buf);
    if (key == 127 || key == 8 || key == TK(KEY_BACKSPACE)) {
        while (len > 0 && ((unsigned char)buf[len - 1] & 0xc0) == 0x80)
            len--;
        if (len > 0)
            len--;
        buf[len] = '\0';
        return 1;
    }
    if (key == TK_CTRL('u')) {
        buf[0] = '\0';
        return 1;
    }
    if (key == TK_CTRL('w')) {
        while (len > 0 && buf[len - 1] == ' ')
            len--;
        while (len > 0 && buf[len - 1] != ' ')
            len--;
        buf[len] = '\0';
        return 1;
    }
    if (TK_IS_FN(key) || key < 0x20 || key == 127 || (key >= 0x80 && key < 0xa0) ||
        key > 0x10ffff)
        return 0;
    return utf8_put(buf, n, key) ? 1 : -1;
}

/* The question gives way to the answer: what is typed keeps at least a
 * third of the line, the question's end is cut to make room. */
static void prompt_draw(app *a, const char *label, const char *buf)
{
    char shown[1024];
    const char *cut = a->ascii ? "...: " : "\u2026: ";
    int lw = text_width(label), keep = a->cols / 3, cw = text_width(cut);
    bool short_label = lw > a->cols - 1 - keep;
    if (short_label)
        lw = a->cols - 1 - keep;
    int room = a->cols - lw - 1;
    const char *tail = buf;
    while (text_width(tail) > room && *tail) /* keep the end in view */
        tail += text_fit(tail, 1) ? text_fit(tail, 1) : 1;
    if (short_label)
        snprintf(shown, sizeof shown, "%.*s%s%s", (int)text_fit(label, lw - cw), label, cut, tail);
    else
        snprintf(shown, sizeof shown, "%s%s", label, tail);
    werase(a->status);
    int used = draw_text_np(a, a->status, 0, 0, a->cols, shown, color_attr(COL_NORMAL));
    wmove(a->status, 0, used < a->cols ? used : a->cols - 1);
    wnoutrefresh(a->status);
    doupdate();
}

/* The ':' prompt.  What it covered is drawn again before the command
 * runs, so a script's :save-display sees the screen (or the prompt it
 * was typed in: under_label and under_text, NULL for none). */
static bool prompt_read(app *a, const char *label, const char *init, char *out, size_t n,
                        bool one_key);

static void command_prompt(app *a, const char *under_label, const char *under_text)
{
    char cmd[512];
    bool ok = app_prompt(a, ":", NULL, cmd, sizeof cmd);
    if (under_label && !a->too_small)
        prompt_draw(a, under_label, under_text);
    else
        app_draw_all(a);
    if (ok && *cmd)
        app_run_command(a, cmd);
}

void app_command_prompt(app *a) { command_prompt(a, NULL, NULL); }

bool app_prompt(app *a, const char *label, const char *init, char *out, size_t n)
{
    return prompt_read(a, label, init, out, n, false);
}

bool app_confirm(app *a, const char *question)
{
    char label[512], key[8];
    snprintf(label, sizeof label, "%s (y/N) ", question);
    return prompt_read(a, label, NULL, key, sizeof key, true) && (*key == 'y' || *key == 'Y');
}

/* The prompt's loop; one_key: a single key answers (y/n questions). */
static bool prompt_read(app *a, const char *label, const char *init, char *out, size_t n,
                        bool one_key)
{
    snprintf(out, n, "%s", init ? init : "");
    curs_set(1);
    bool ok = false, too_long = false, outer = a->prompting;
    a->prompting = true;
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
        if (key == TK_PROMPT) { /* a script's ':' line, typed at this prompt */
            command_prompt(a, label, out);
            curs_set(1);
            continue;
        }
        int edited = text_edit_key(out, n, key);
        if (edited < 0)
            too_long = true;
        if (edited && one_key) {
            ok = true;
            break;
        }
    }
    curs_set(0);
    a->prompting = outer;
    if (ok && too_long) /* refused whole, never cut and kept */
        app_msg(a, COL_ERROR, "too long: at most %zu bytes; nothing was kept", n - 1);
    return ok && !too_long;
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
        app_msg(a, COL_WARN, "%s: no practice has this code (/ searches names, postcodes, phones)",
                args);
        return -1;
    }
    return app_push(a, &card_ops, &wi);
}

/* :policy NAME, or the next one without a name (as p). */
static int cmd_policy(app *a, char *args)
{
    char names[64];
    int p = config_policy_parse(args);
    if (!*args) {
        plan_next_policy(&a->plan);
        return 0;
    }
    if (p >= 0) {
        plan_set_policy(&a->plan, (config_policy)p);
        return 0;
    }
    config_policy_names(", ", names, sizeof names);
    app_msg(a, COL_WARN, "policy: %s", names);
    return -1;
}

static int cmd_load_scenario(app *a, char *args) { return scenario_load(a, args); }

static int cmd_quit(app *a, char *args)
{
    (void)args;
    app_quit(a);
    return 0;
}

static int cmd_history(app *a, char *args)
{
    (void)args;
    return app_push(a, &history_ops, NULL); /* every practice's */
}

static int cmd_backtest(app *a, char *args)
{
    (void)args;
    return app_push(a, &backtest_ops, NULL);
}

static int cmd_score(app *a, char *args)
{
    if (!args || !*args) {
        app_msg(a, COL_WARN, ":score needs a procurement id");
        return 0;
    }
    return app_push(a, &scoring_ops, args);
}

static int cmd_submit(app *a, char *args)
{
    (void)args;
    return scoring_submit(a);
}

/* The commands; a request's name ("whatif", "quit", "move-down") works
 * after ':' as well, as its key would. */
static const struct command {
    const char *name, *args, *help;
    int (*run)(app *a, char *args);
} commands[] = {
    {"filter", "all|active|pcn [CODE]|subicb [CODE]|expiring [MONTHS]", "Filter the practice list",
     practices_filter},
    {"sort", "COLUMN [reverse]", "Sort the practice list by a column", practices_sort},
    {"scenario", "NAME", "Load a scenario of the config into the what-if", cmd_load_scenario},
    {"open", "CODE", "Open the card of a practice", cmd_open},
    {"policy", "[POLICY]", "Set the what-if's policy (no name: the next)", cmd_policy},
    {"as-at", "[DATE]", "Every figure as at DATE (none: as at the start)", as_at_set},
    {"history", "", "Who changed what, every practice", cmd_history},
    {"backtest", "", "The model checked against past closures", cmd_backtest},
    {"score", "ID", "Score the bids of a procurement (blind)", cmd_score},
    {"submit", "", "Submit your scores (final) from the scoring screen", cmd_submit},
    {"q", "", "Quit catchment", cmd_quit},
    {"save-display", "FILE", "Write the screen as text (scripts)", cmd_save_display},
    {"save-attrs", "FILE", "Write the screen's attributes (scripts)", cmd_save_attrs},
    {"bytes", "FILE", "Append the bytes written so far (scripts)", cmd_bytes},
};
enum { NCOMMANDS = sizeof commands / sizeof commands[0] };

/* The screen tests' commands: only a scripted session has them (typed in
 * a real one, they would write files wherever asked). */
static bool for_scripts(const struct command *c)
{
    return c->run == cmd_save_display || c->run == cmd_save_attrs || c->run == cmd_bytes;
}

bool app_command_help(const app *a, int i, const char **name, const char **args,
                      const char **help)
{
    static char policy_args[80];
    if (i < 0 || i >= NCOMMANDS)
        return false;
    *name = for_scripts(&commands[i]) && !a->sc ? NULL : commands[i].name;
    *args = commands[i].args;
    *help = commands[i].help;
    if (commands[i].run == cmd_policy) { /* the names from the one table */
        char names[64];
        config_policy_names("|", names, sizeof names);
        snprintf(policy_args, sizeof policy_args, "[%s]", names);
        *args = policy_args;
    }
    return true;
}

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
    /* What it says replaces an older message (a script's own commands
     * leave it, to save the screen with it). */
    for (int i = 0; i < NCOMMANDS; i++)
        if (strcmp(commands[i].name, name) == 0 && (!for_scripts(&commands[i]) || a->sc)) {
            if (!for_scripts(&commands[i]))
                a->msg[0] = '\0';
            return commands[i].run(a, args);
        }
    tui_request r = req_parse(name);
    if (r != REQ_NONE && r != REQ_PROMPT) {
        a->msg[0] = '\0';
        app_dispatch(a, r);
        return 0;
    }
    app_msg(a, COL_WARN, ":%s: unknown command (? lists them)", name);
    return -1;
}
