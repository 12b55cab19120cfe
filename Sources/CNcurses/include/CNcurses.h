#ifndef CNCURSES_H
#define CNCURSES_H
// The explorer's only door to the terminal: a small C API over ncursesw.
// Curses is included exactly as the wide-character build wants it: the defines come first, in the
// header, because SwiftPM drops -D flags from pkg-config files; any other C file that includes curses
// must include it the same way, or Clang reports two different definitions of the window struct.
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <ncursesw/curses.h>

/// Attributes for cn_put.
enum { CN_BOLD = 1, CN_REVERSE = 2 };

/// Key codes cn_read_key returns besides Unicode code points (all negative).
enum {
    CN_KEY_NONE = -1,      // timeout, or interrupted by a signal
    CN_KEY_UP = -2, CN_KEY_DOWN = -3, CN_KEY_LEFT = -4, CN_KEY_RIGHT = -5,
    CN_KEY_HOME = -6, CN_KEY_END = -7, CN_KEY_PAGE_UP = -8, CN_KEY_PAGE_DOWN = -9,
    CN_KEY_BACKSPACE = -10, CN_KEY_ENTER = -11, CN_KEY_BACKTAB = -12, CN_KEY_RESIZE = -13,
    CN_KEY_F1 = -100,      // F1..F12 are CN_KEY_F1 - 0 … CN_KEY_F1 - 11
    CN_KEY_OTHER = -200,
};

/// cn_open's failures: stdout or stdin is not a terminal, TERM has no terminfo entry, the terminal
/// cannot move its cursor (TERM=dumb), or curses failed to start.
enum {
    CN_OPEN_NOT_A_TERMINAL = -1, CN_OPEN_UNKNOWN_TERMINAL = -2, CN_OPEN_NO_CURSOR_ADDRESSING = -3,
    CN_OPEN_CURSES_FAILED = -4,
};

/// Opens the terminal: setlocale(LC_ALL, ""), signal handlers (before initscr, so that ours win),
/// initscr, cbreak, noecho, keypad, hidden cursor, colours with the terminal's default background.
/// Returns 0 or a CN_OPEN_* failure.
int cn_open(void);
/// Restores the terminal; safe to call more than once (endwin runs exactly once).
void cn_close(void);

/// Colours after start_color (0 without colour support), and whether the locale's codeset is UTF-8.
int cn_colors(void);
int cn_utf8(void);

int cn_width(void);
int cn_height(void);

/// Draws one cell. fg/bg: -1 for the terminal's default, else a curses colour number (0–255, or
/// 0xRRGGBB on a direct-colour terminal). Pairs come from alloc_pair, so there is no pair limit.
int cn_put(int y, int x, unsigned int codepoint, int fg, int bg, int attrs);
/// Clears the whole screen on the next refresh (after a resize).
void cn_clear(void);
void cn_refresh(void);

/// Waits up to timeout_ms for a key: a Unicode code point (≥ 0) or a CN_KEY_* code.
int cn_read_key(int timeout_ms);

/// The signal that asked us to stop (SIGINT, SIGTERM, SIGHUP), or 0.
int cn_stop_signal(void);

#endif
