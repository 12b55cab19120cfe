#!/usr/bin/env python3
"""List Swift functions, initialisers and closures-bodied properties longer than a limit.

Issue 14 asks that functions over ~80 lines be split where it reads better; this finds them.
Usage: scripts/long_functions.py [--limit 80] [--exclude PATH_PREFIX ...] [ROOT ...]
Counts lines from the declaration to its closing brace; braces inside strings and comments
are skipped, so a `"{"` literal does not upset the count.
"""
import argparse
import os
import re
import sys

DECL = re.compile(r'^\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|private|fileprivate|internal|package|static|'
                  r'class|final|override|mutating|nonmutating|nonisolated|@inlinable|@usableFromInline|'
                  r'convenience|required|dynamic)\s+)*(func\s+[^\s(<]+|init[?!]?|subscript|deinit)')


def strip_code(line, state):
    """Return the line's code with strings and comments blanked; state carries block comments and \"\"\" strings."""
    out = []
    i = 0
    while i < len(line):
        if state['block']:
            end = line.find('*/', i)
            if end < 0:
                return ''.join(out)
            state['block'] = False
            i = end + 2
            continue
        if state['multi']:
            end = line.find('"""', i)
            if end < 0:
                return ''.join(out)
            state['multi'] = False
            i = end + 3
            continue
        if line.startswith('//', i):
            break
        if line.startswith('/*', i):
            state['block'] = True
            i += 2
            continue
        if line.startswith('"""', i):
            state['multi'] = True
            i += 3
            continue
        if line[i] == '"':
            i += 1
            while i < len(line) and line[i] != '"':
                i += 2 if line[i] == '\\' else 1
            i += 1
            continue
        out.append(line[i])
        i += 1
    return ''.join(out)


def long_functions(path, limit):
    with open(path, encoding='utf-8') as f:
        lines = f.readlines()
    state = {'block': False, 'multi': False}
    code = [strip_code(l, state) for l in lines]
    found = []
    for start, text in enumerate(code):
        m = DECL.match(text)
        if not m:
            continue
        depth = 0
        opened = False
        for j in range(start, len(code)):
            for ch in code[j]:
                if ch == '{':
                    depth += 1
                    opened = True
                elif ch == '}':
                    depth -= 1
            if opened and depth <= 0:
                length = j - start + 1
                if length > limit:
                    found.append((length, start + 1, m.group(1)))
                break
            if not opened and j > start and code[j].strip() == '' and j - start > 20:
                break  # a protocol requirement without a body
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('roots', nargs='*', default=['Sources'])
    parser.add_argument('--limit', type=int, default=80)
    parser.add_argument('--exclude', action='append', default=[], help='path prefix to skip')
    args = parser.parse_args()
    rows = []
    for root in args.roots:
        for folder, _, files in os.walk(root):
            for name in files:
                path = os.path.join(folder, name)
                if not name.endswith('.swift') or any(path.startswith(p) for p in args.exclude):
                    continue
                rows += [(n, f'{path}:{line}', what) for n, line, what in long_functions(path, args.limit)]
    for n, where, what in sorted(rows, reverse=True):
        print(f'{n:5d}  {where}  {what}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
