/* The terminal: starting curses on the real terminal or, for a scripted
 * session, on a file; the three windows; resizing; reading keys.  Keys
 * are read from stdscr, which is never drawn on except for the "too
 * small" screen, so reading never repaints over the windows. */
#include "tui/internal.h"

#include <langinfo.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static SCREEN *screen;
static FILE *tty_in;
static volatile sig_atomic_t stop_signal;

static void on_stop(int sig) { stop_signal = sig; }

/* SIGHUP (the terminal went away) and SIGQUIT (Ctrl-\) end the session
 * the normal way, which gives the terminal back; curses does so itself on
 * SIGINT and SIGTERM.  A SIGHUP ignored by whoever started us (nohup)
 * stays ignored.  No SA_RESTART: the wait for a key returns at once. */
static void catch_stop_signals(void)
{
    struct sigaction sa, old;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_stop;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGQUIT, &sa, NULL);
    if (sigaction(SIGHUP, NULL, &old) == 0 && old.sa_handler != SIG_IGN)
        sigaction(SIGHUP, &sa, NULL);
}

int term_stop_signal(void) { return stop_signal; }

/* The terminal hung up or went away: reading it would fail at once, for
 * ever, and the loop would spin. */
static bool terminal_lost(void)
{
    struct pollfd p = {.fd = STDIN_FILENO, .events = POLLIN};
    return poll(&p, 1, 0) == 1 && (p.revents & (POLLHUP | POLLERR | POLLNVAL));
}

static void windows_free(app *a)
{
    if (a->title)
        delwin(a->title);
    if (a->body)
        delwin(a->body);
    if (a->status)
        delwin(a->status);
    a->title = a->body = a->status = NULL;
}

static void windows_make(app *a)
{
    windows_free(a);
    getmaxyx(stdscr, a->rows, a->cols);
    a->too_small = a->cols < MIN_COLS || a->rows < MIN_ROWS;
    if (a->too_small)
        return;
    a->title = newwin(1, a->cols, 0, 0);
    a->body = newwin(a->rows - 2, a->cols, 1, 0);
    a->status = newwin(1, a->cols, a->rows - 1, 0);
    if (!a->title || !a->body || !a->status) {
        windows_free(a);
        a->too_small = true;
    }
}

void app_resize(app *a)
{
    windows_make(a);
    for (int i = 0; !a->too_small && i < a->depth; i++)
        if (a->stack[i]->ops->resize)
            a->stack[i]->ops->resize(a, a->stack[i], a->cols);
    /* stdscr was resized too: show it once now so reading keys from it
     * later does not paint it over the windows. */
    werase(stdscr);
    wnoutrefresh(stdscr);
    a->full_redraw = true;
}

/* A scripted session draws into a file (CATCHMENT_TERM_OUT, else
 * /dev/null) with the size from LINES and COLUMNS. */
static SCREEN *term_open_script(app *a, const char *path, char *msg, size_t n)
{
    const char *out = getenv("CATCHMENT_TERM_OUT");
    if (!(a->sc = script_open(path, msg, n)))
        return NULL;
    a->term_out = fopen(out && *out ? out : "/dev/null", "w");
    tty_in = fopen("/dev/null", "r");
    if (!a->term_out || !tty_in) {
        snprintf(msg, n, "cannot open the scripted terminal");
        return NULL;
    }
    return newterm(NULL, a->term_out, tty_in);
}

/* PuTTY's Home, End and F1-F4 ("ESC [n~", as the Linux console and tmux
 * send them), where the terminal type (TERM=xterm) names others: unknown,
 * their ESC would be read alone and go back a screen. */
static void putty_keys(void)
{
    static const struct {
        const char *seq;
        int key;
    } keys[] = {{"\033[1~", KEY_HOME}, {"\033[4~", KEY_END},     {"\033[11~", KEY_F(1)},
                {"\033[12~", KEY_F(2)}, {"\033[13~", KEY_F(3)}, {"\033[14~", KEY_F(4)}};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        if (key_defined(keys[i].seq) == 0)
            define_key(keys[i].seq, keys[i].key);
}

int term_start(app *a, char *msg, size_t n)
{
    const char *script_path = getenv("CATCHMENT_SCRIPT");
    if (script_path && *script_path) {
        screen = term_open_script(a, script_path, msg, n);
        if (!screen && !*msg)
            snprintf(msg, n, "cannot start the scripted terminal (TERM=%s)",
                     getenv("TERM") ? getenv("TERM") : "");
    } else if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
        snprintf(msg, n, "the terminal interface needs a terminal; "
                         "see catchment --help for the commands");
        return -1;
    } else {
        a->term_out = stdout;
        /* The window's own size: an exported LINES or COLUMNS would pin
         * it and stop resizes. */
        unsetenv("LINES");
        unsetenv("COLUMNS");
        screen = newterm(NULL, stdout, stdin);
        catch_stop_signals();
        if (!screen)
            snprintf(msg, n, "cannot use the terminal type '%s'",
                     getenv("TERM") ? getenv("TERM") : "");
    }
    if (!screen)
        return -1;
    set_term(screen);
    if (!getenv("ESCDELAY"))
        set_escdelay(25);
    cbreak();
    noecho();
    nonl();
    curs_set(0);
    keypad(stdscr, TRUE);
    putty_keys();
    wtimeout(stdscr, a->sc ? 0 : 2000);
    a->utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
    a->ascii = !a->utf8 || a->cfg.ui.ascii;
    a->color = has_colors() && !a->ss->no_color && a->cfg.ui.color;
    colors_init(a->color);
    app_resize(a);
    return 0;
}

void term_stop(app *a)
{
    windows_free(a);
    if (screen) {
        endwin();
        delscreen(screen);
        screen = NULL;
    }
    if (tty_in)
        fclose(tty_in);
    tty_in = NULL;
    if (a->term_out && a->term_out != stdout)
        fclose(a->term_out);
    a->term_out = NULL;
    script_close(a->sc);
    a->sc = NULL;
}

/* A key from the script or the keyboard. */
int app_key(app *a)
{
    if (a->sc) {
        int rows = 0, cols = 0;
        int k = script_next(a->sc, &rows, &cols);
        if (k == -1)
            return APP_EOF;
        if (k == -2)
            return TK_PROMPT;
        if (k == -3) {
            resizeterm(rows, cols);
            return TK(KEY_RESIZE);
        }
        return k;
    }
    wint_t ch;
    if (stop_signal)
        return APP_EOF;
    int rc = wget_wch(stdscr, &ch);
    if (rc == ERR)
        return stop_signal || terminal_lost() ? APP_EOF : ERR;
    return rc == KEY_CODE_YES ? TK((int)ch) : (int)ch;
}
