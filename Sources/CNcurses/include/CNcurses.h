#ifndef CNCURSES_H
#define CNCURSES_H
// Placeholder: the terminal backend API is defined by the explorer issue.
int cn_version(void);
#endif
