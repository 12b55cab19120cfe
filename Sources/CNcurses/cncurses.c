#include "CNcurses.h"
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <termios.h>
#include <unistd.h>
#include <ncursesw/term.h>

// Process-wide terminal state: a terminal is one per process, and signal handlers can only reach
// static storage.
static volatile sig_atomic_t stop_signal = 0;
static volatile sig_atomic_t is_open = 0;
static struct termios saved_termios;
static int have_termios = 0;
// Escape sequences that undo curses' screen setup, read from terminfo while it is safe to do so,
// for the crash handler (which may only call async-signal-safe functions).
static char restore_sequence[256];
static size_t restore_length = 0;
static struct sigaction previous_fatal[32];

static const int fatal_signals[] = { SIGSEGV, SIGILL, SIGTRAP, SIGBUS, SIGFPE, SIGABRT };

static void on_stop(int sig) {
    stop_signal = sig;
}

// On a crash (a Swift runtime trap is SIGILL or SIGTRAP) put the terminal back with
// async-signal-safe calls only, then let the previous handler (Swift's backtracer) or the default
// action run, so the crash is still reported.
static void on_fatal(int sig, siginfo_t *info, void *context) {
    (void)context;
    if (is_open) {
        is_open = 0;
        if (restore_length > 0) {
            ssize_t ignored = write(STDOUT_FILENO, restore_sequence, restore_length);
            (void)ignored;
        }
        if (have_termios) tcsetattr(STDIN_FILENO, TCSANOW, &saved_termios);
    }
    if (info == NULL || info->si_code <= 0) {
        // Sent by kill or raise, not a fault: die of it the default way.
        signal(sig, SIG_DFL);
        raise(sig);
        return;
    }
    // A real fault: hand over to the previous handler (Swift's backtracer); returning re-executes
    // the faulting instruction, which now meets that handler.
    if (sig >= 0 && sig < 32) sigaction(sig, &previous_fatal[sig], NULL);
}

static void append_cap(const char *name) {
    char *cap = tigetstr((char *)name);
    if (cap == NULL || cap == (char *)-1) return;
    size_t n = strlen(cap);
    if (restore_length + n >= sizeof restore_sequence) return;
    memcpy(restore_sequence + restore_length, cap, n);
    restore_length += n;
}

static void install_handlers(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = on_stop;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);

    struct sigaction fatal;
    memset(&fatal, 0, sizeof fatal);
    sigemptyset(&fatal.sa_mask);
    fatal.sa_sigaction = on_fatal;
    fatal.sa_flags = SA_SIGINFO | SA_RESETHAND | SA_NODEFER;
    for (size_t i = 0; i < sizeof fatal_signals / sizeof fatal_signals[0]; i++) {
        int sig = fatal_signals[i];
        sigaction(sig, &fatal, &previous_fatal[sig]);
    }
}

// Cursor keys come as ESC O A … from a terminal in keypad ("application") mode, which keypad() asks for,
// and as ESC [ A … from one that is not (yet) in it, or from tmux send-keys, a paste or a serial line.
// xterm's terminfo lists only the ESC O forms, so ESC [ D was read as Esc (which leaves the quiz) and then
// the characters '[' and 'D'. Teach curses the ESC [ forms too, where terminfo has not bound them already.
static void define_cursor_key_forms(void) {
    static const struct { const char *sequence; int key; } forms[] = {
        { "\033[A", KEY_UP }, { "\033[B", KEY_DOWN }, { "\033[C", KEY_RIGHT }, { "\033[D", KEY_LEFT },
        { "\033[H", KEY_HOME }, { "\033[F", KEY_END },
    };
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
        if (key_defined(forms[i].sequence) == 0) define_key(forms[i].sequence, forms[i].key);
    }
}

/// True when the locale variables (LC_ALL, then LC_CTYPE, then LANG) name a UTF-8 locale.
static int wants_utf8(void) {
    const char *names[] = { "LC_ALL", "LC_CTYPE", "LANG" };
    for (size_t i = 0; i < 3; i++) {
        const char *v = getenv(names[i]);
        if (v == NULL || *v == 0) continue;
        for (const char *c = v; *c; c++) {
            if (strncasecmp(c, "utf-8", 5) == 0 || strncasecmp(c, "utf8", 4) == 0) return 1;
        }
        return 0;
    }
    return 0;
}

int cn_open(void) {
    if (is_open) return 0;
    if (!isatty(STDOUT_FILENO) || !isatty(STDIN_FILENO)) return CN_OPEN_NOT_A_TERMINAL;
    // A UTF-8 locale that is not generated here (zh_CN.UTF-8 often is not) leaves "C", where ncurses
    // draws no wide character: keep the user's choice of UTF-8 with the C.UTF-8 character table.
    if (setlocale(LC_ALL, "") == NULL && wants_utf8()) setlocale(LC_CTYPE, "C.UTF-8");
    // initscr() succeeds on TERM=dumb (and exits the process on an unknown TERM), yet without cursor
    // addressing nothing can be placed: ask terminfo first.
    int term_error = 0;
    if (setupterm(NULL, STDOUT_FILENO, &term_error) != OK) return CN_OPEN_UNKNOWN_TERMINAL;
    char *cup = tigetstr("cup");
    int can_address = cup != NULL && cup != (char *)-1;
    del_curterm(cur_term);
    if (!can_address) return CN_OPEN_NO_CURSOR_ADDRESSING;
    if (tcgetattr(STDIN_FILENO, &saved_termios) == 0) have_termios = 1;
    install_handlers();
    if (initscr() == NULL) return CN_OPEN_CURSES_FAILED;
    is_open = 1;
    restore_length = 0;
    append_cap("sgr0");
    append_cap("cnorm");
    append_cap("clear");   // as cn_close does: a blank alternate screen leaves nothing behind after a resize
    append_cap("rmcup");
    cbreak();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    define_cursor_key_forms();
    set_escdelay(25);
    curs_set(0);
    if (has_colors()) {
        start_color();
        use_default_colors();
    }
    return 0;
}

void cn_close(void) {
    if (!is_open) return;
    is_open = 0;
    if (!isendwin()) {
        // Leave the alternate screen blank with the cursor at the top: a terminal that was resized
        // while we ran (tmux) re-fits the alternate screen to the old size on rmcup and keeps the rows
        // it has to push out; blank rows above the cursor leave nothing of ours on the shell's screen.
        erase();
        refresh();
        curs_set(1);
        endwin();
    }
}

int cn_colors(void) { return has_colors() ? COLORS : 0; }

int cn_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcasecmp(codeset, "UTF-8") == 0 || strcasecmp(codeset, "utf8") == 0);
}

int cn_width(void) { return getmaxx(stdscr); }

int cn_height(void) { return getmaxy(stdscr); }

int cn_put(int y, int x, unsigned int codepoint, int fg, int bg, int attrs) {
    int pair = 0;
    if (fg != -1 || bg != -1) {
        pair = alloc_pair(fg, bg);
        if (pair < 0) pair = 0;
    }
    attr_t a = A_NORMAL;
    if (attrs & CN_BOLD) a |= A_BOLD;
    if (attrs & CN_REVERSE) a |= A_REVERSE;
    wchar_t text[2] = { (wchar_t)codepoint, L'\0' };
    cchar_t cell;
    if (setcchar(&cell, text, a, (short)(pair < 0x7fff ? pair : 0), &pair) != OK) return -1;
    return mvadd_wch(y, x, &cell);
}

void cn_clear(void) { clearok(stdscr, TRUE); erase(); }

void cn_refresh(void) { refresh(); }

int cn_read_key(int timeout_ms) {
    timeout(timeout_ms);
    wint_t ch = 0;
    int kind = get_wch(&ch);
    if (kind == ERR) return CN_KEY_NONE;
    if (kind == OK) {
        if (ch == '\r' || ch == '\n') return CN_KEY_ENTER;
        if (ch == 127 || ch == 8) return CN_KEY_BACKSPACE;
        return (int)ch;
    }
    switch (ch) {
    case KEY_UP: return CN_KEY_UP;
    case KEY_DOWN: return CN_KEY_DOWN;
    case KEY_LEFT: return CN_KEY_LEFT;
    case KEY_RIGHT: return CN_KEY_RIGHT;
    case KEY_HOME: return CN_KEY_HOME;
    case KEY_END: return CN_KEY_END;
    case KEY_PPAGE: return CN_KEY_PAGE_UP;
    case KEY_NPAGE: return CN_KEY_PAGE_DOWN;
    case KEY_BACKSPACE: return CN_KEY_BACKSPACE;
    case KEY_ENTER: return CN_KEY_ENTER;
    case KEY_BTAB: return CN_KEY_BACKTAB;
    case KEY_RESIZE: return CN_KEY_RESIZE;
    default:
        if (ch >= KEY_F(1) && ch <= KEY_F(12)) return CN_KEY_F1 - (int)(ch - KEY_F(1));
        return CN_KEY_OTHER;
    }
}

int cn_stop_signal(void) { return stop_signal; }
