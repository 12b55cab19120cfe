#!/usr/bin/env python3
"""`make bench-peer`: `alexnet bench` and the PyTorch peer (../shared/bench/torch_alexnet.py beside the
repository), run alternately, ours first in each pair, and the medians of the pairs' ratios ours/peer.

    python3 scripts/bench_peer.py --binary .build/release/alexnet [--preset mini ...] [--batch 1 64]
                                  [--pairs 3] [--steps 5] [--threads 2] [--peer PATH]

Default: mini at batch 1 and 64, and alexnet-1tower at batch 1 and 16 (the figures of issue 13). Both
programs print the same row fields (`--format json` / `--json`); images/s ratios above 1 mean ours is
faster. Peak RSS is measured the same way for both, from outside: wait4's ru_maxrss of the whole process
(MB of 2^20 bytes). Run it on a quiet machine: the two take turns, so a busy neighbour hurts both.
"""
import argparse
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_PEER = os.path.normpath(os.path.join(REPO, "..", "shared", "bench", "torch_alexnet.py"))
# The presets the peer builds too, and the batch sizes compared by default.
PRESETS = {"mini": [1, 64], "alexnet-1tower": [1, 16]}


def fail(message):
    print(f"bench-peer: {message}", file=sys.stderr)
    sys.exit(1)


def check_peer(peer):
    if not os.path.isfile(peer):
        fail(f"the PyTorch peer is expected at {peer} (../shared/bench/torch_alexnet.py beside the repository; "
             "give another with --peer PATH), and it needs PyTorch: pip install torch")
    if importlib.util.find_spec("torch") is None:
        fail(f"{sys.executable} has no PyTorch, which the peer {peer} needs: pip install torch")


def run(command):
    """Runs a benchmark; returns its JSON and the peak resident memory of its process in MB, from wait4
    (per child, unlike RUSAGE_CHILDREN, which keeps the largest child so far)."""
    with tempfile.TemporaryFile(mode="w+") as err:
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=err, text=True)
        out = process.stdout.read()
        process.stdout.close()
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            err.seek(0)
            last = (err.read().strip().splitlines() or ["no message"])[-1]
            fail(f"{' '.join(command)} failed (exit {process.returncode}): {last}")
    try:
        return json.loads(out), usage.ru_maxrss / 1024   # KiB on Linux
    except json.JSONDecodeError:
        fail(f"{' '.join(command)} printed no JSON: {out.strip()[:200]}")


def rows_by_batch(result):
    return {row["batch"]: row for row in result["rows"]}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", help="the release alexnet")
    parser.add_argument("--peer", default=DEFAULT_PEER)
    parser.add_argument("--preset", nargs="+", choices=sorted(PRESETS), default=list(PRESETS))
    parser.add_argument("--batch", type=int, nargs="+", help="batch sizes (default: each preset's)")
    parser.add_argument("--pairs", type=int, default=3)
    parser.add_argument("--steps", type=int, default=5, help="timed runs per figure in each program")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--check-only", action="store_true", help="only check that the peer can run")
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)   # the results between the progress lines on stderr
    check_peer(args.peer)
    if args.check_only:
        return
    if not args.binary or not os.access(args.binary, os.X_OK):
        fail(f"no alexnet binary at {args.binary} (make bench-peer builds it)")
    if args.pairs < 1 or args.steps < 1 or args.threads < 1:
        fail("--pairs, --steps and --threads must be at least 1")

    for preset in args.preset:
        batches = args.batch or PRESETS[preset]
        common = ["--batch"] + [str(b) for b in batches] + ["--steps", str(args.steps), "--threads", str(args.threads)]
        ours_command = [args.binary, "bench", "--preset", preset, "--format", "json", "--no-render"] + common
        peer_command = [sys.executable, args.peer, "--net", preset, "--json"] + common
        pairs = []
        for i in range(args.pairs):
            print(f"{preset}: pair {i + 1} of {args.pairs}…", file=sys.stderr, flush=True)
            pairs.append((run(ours_command), run(peer_command)))
        report(preset, batches, args, pairs)


def report(preset, batches, args, pairs):
    peer_name = pairs[0][1][0].get("peer", "the peer")
    print(f"\n{preset}, {args.threads} threads, {len(pairs)} alternated pairs, {args.steps} timed runs each; "
          f"ours / {peer_name} (medians; images/s ratio > 1: ours faster)")
    print(f"{'batch':>5}  {'figure':<12}{'ours img/s':>12}{'peer img/s':>12}{'ratio':>10}   pairs")
    for batch in batches:
        for figure, key in (("forward", "forward_img_s"), ("train step", "train_img_s")):
            ours = [rows_by_batch(o[0])[batch][key] for o, _ in pairs]
            peer = [rows_by_batch(p[0])[batch][key] for _, p in pairs]
            ratios = [a / b for a, b in zip(ours, peer)]
            print(f"{batch:>5}  {figure:<12}{statistics.median(ours):>12.2f}{statistics.median(peer):>12.2f}"
                  f"{statistics.median(ratios):>9.2f}×   " + ", ".join(f"{r:.2f}×" for r in ratios))
    ours_mb = statistics.median(o[1] for o, _ in pairs)
    peer_mb = statistics.median(p[1] for _, p in pairs)
    ours_own = statistics.median(o[0]["peak_rss_mb"] for o, _ in pairs)
    print(f"peak RSS (wait4 ru_maxrss, MB): ours {ours_mb:.1f} (its own peak_rss_mb {ours_own:.1f}), "
          f"peer {peer_mb:.1f}, ratio {ours_mb / peer_mb:.2f} (< 1: ours smaller)")


if __name__ == "__main__":
    main()
