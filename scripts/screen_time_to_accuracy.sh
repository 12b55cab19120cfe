#!/bin/sh
# Measures how long the training screen takes, from pressing Space, to show a test error at or below a target
# (default 20%, i.e. 80% test accuracy) — docs/explorer.md's figure for screen 5. Runs the explorer in a private tmux
# server at 80×24, presses 5 and Space, and reads the header with `tmux capture-pane` twice a second.
#   scripts/screen_time_to_accuracy.sh ALEXNET_BINARY [EXPLORE_ARGS…]      TARGET=20 LIMIT=300 (seconds) SHOW=1 (print the screen)
# e.g. scripts/screen_time_to_accuracy.sh .build/release/alexnet --preset mini --untrained
set -eu
bin=${1:?usage: scripts/screen_time_to_accuracy.sh ALEXNET_BINARY [EXPLORE_ARGS…]}
shift
target=${TARGET:-20}
limit=${LIMIT:-300}
sock=$(mktemp -u /tmp/alexnet-screen-XXXXXX)
t() { tmux -S "$sock" "$@"; }
cleanup() { t kill-server 2>/dev/null || true; }
trap cleanup EXIT INT TERM
root=$(cd "$(dirname "$0")/.." && pwd)
t new-session -d -x 80 -y 24 /usr/bin/env TERM=xterm-256color LANG=C.UTF-8 ALEXNET_HOME="$root" "$bin" explore "$@"
wait_for() {  # wait_for TEXT SECONDS
  n=0
  until t capture-pane -p | grep -qF -- "$1"; do
    n=$((n + 1)); [ $n -le $(($2 * 10)) ] || { echo "no \"$1\" on screen after $2 s" >&2; t capture-pane -p >&2; exit 1; }
    sleep 0.1
  done
}
wait_for "conv1" 30
t send-keys 5
wait_for "press Space to start" 10
start=$(date +%s.%N)
t send-keys Space
while :; do
  now=$(date +%s.%N)
  screen=$(t capture-pane -p)
  # The header reads "… · test error 19.6% …" (wrapped lines joined first).
  err=$(printf '%s\n' "$screen" | tr '\n' ' ' | grep -o 'test error [0-9.]*%' | tail -1 | grep -o '[0-9.]*' || true)
  step=$(printf '%s\n' "$screen" | tr '\n' ' ' | grep -o 'step [0-9,]* of' | head -1 | tr -dc 0-9 || true)
  if [ -n "$err" ] && awk -v e="$err" -v t="$target" 'BEGIN { exit !(e <= t) }'; then
    awk -v a="$start" -v b="$now" -v e="$err" -v s="$step" \
      'BEGIN { printf "test error %s%% (accuracy %.1f%%) shown %.1f s after Space, at step %s\n", e, 100 - e, b - a, s }'
    [ "${SHOW:-0}" = 1 ] && printf '%s\n' "$screen"
    t send-keys q
    exit 0
  fi
  if awk -v a="$start" -v b="$now" -v l="$limit" 'BEGIN { exit !(b - a > l) }'; then
    echo "no test error <= $target% within $limit s (last: ${err:-none}% at step ${step:-?})" >&2
    exit 1
  fi
  sleep 0.5
done
