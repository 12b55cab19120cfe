#!/usr/bin/env python3
"""Time to first frame as a person sees it: a fresh tmux server with an 80×24 pane starts the program,
and `capture-pane` is polled until a marker of the first screen appears.

    python3 scripts/first_frame.py [--runs 5] [--marker TEXT] -- .build/release/alexnet [ARGS…]

Prints each run's time and the median, in milliseconds, measured from just before `tmux new-session`
to the first capture that shows the marker; run it with `-- sh -c 'echo READY; sleep 9' --marker READY`
for the floor an empty pane gives. Figures depend on the machine's load: compare runs made together.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time


def one_run(command, marker, timeout):
    socket = os.path.join(tempfile.mkdtemp(prefix="ff-"), "tmux.sock")
    tmux = ["tmux", "-S", socket]
    # An explicit environment, as the end-to-end tests do: TERM and a UTF-8 locale, no NO_COLOR.
    program = ["/usr/bin/env", "TERM=xterm-256color", "LANG=C.UTF-8", "LC_ALL=C.UTF-8"] + command
    start = time.monotonic()
    subprocess.run(tmux + ["-f", "/dev/null", "new-session", "-d", "-x", "80", "-y", "24"] + program, check=True)
    try:
        while time.monotonic() - start < timeout:
            screen = subprocess.run(tmux + ["capture-pane", "-p"], capture_output=True, text=True).stdout
            if marker in screen:
                return (time.monotonic() - start) * 1000
        raise SystemExit(f"first_frame.py: '{marker}' did not appear within {timeout} s")
    finally:
        subprocess.run(tmux + ["kill-server"], capture_output=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--marker", default="Layers", help="text of the first screen (default: the layer walk's tab)")
    parser.add_argument("--timeout", type=float, default=20)
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("give the program to start after --")
    times = [one_run(command, args.marker, args.timeout) for _ in range(args.runs)]
    print(" ".join(f"{t:.0f}" for t in times) + f"  median {statistics.median(times):.0f} ms")


if __name__ == "__main__":
    sys.exit(main())
