#!/usr/bin/env python3
"""Takes every given lesson to its end in --plain mode with the instructor copy's answers on stdin,
and reports per lesson: steps, the final score line, lines wider than 80 display columns, exit code.

    python3 scripts/lessons_plain_check.py [--binary .build/debug/alexnet] lessons/*.yaml
"""
import re, subprocess, sys, unicodedata

args = sys.argv[1:]
binary = '.build/debug/alexnet'
if args[:1] == ['--binary']:
    binary, args = args[1], args[2:]

def width(s):
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in 'WF' else 1 for c in s)

failed = 0
for f in args:
    md = subprocess.run([binary, 'lesson', f, '--export', 'markdown', '--answers'], capture_output=True, text=True).stdout
    steps = re.split(r'\n## Step \d+\n', md)[1:]
    feed = []
    for st in steps:
        m = re.search(r'> \*\*Answer:\*\* (.*)', st)
        if m:
            a = m.group(1).strip()
            choice = re.match(r'([a-z])\) ', a)
            feed.append(choice.group(1) if choice else a)
        feed.append('')
    out = subprocess.run([binary, 'lesson', f, '--plain'], input='\n'.join(feed) + '\n', capture_output=True, text=True)
    text = ' '.join(out.stdout.split('\n')[-3:])
    score = re.search(r'(\d+) of (\d+) questions right', text)
    wide = [l for l in out.stdout.split('\n') if width(l) > 80]
    ok = out.returncode == 0 and not wide and (score is None or score.group(1) == score.group(2))
    failed += not ok
    print(f"{'ok  ' if ok else 'FAIL'} {f}: {len(steps)} steps, {score.group(0) if score else 'no questions'}, "
          f"{len(wide)} lines > 80 columns, exit {out.returncode}")
sys.exit(1 if failed else 0)
