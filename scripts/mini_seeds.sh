#!/bin/sh
# Trains `mini` with its defaults (`alexnet train --preset mini --epochs 3`) for each seed, one run at a time
# (each uses every core it is given), and prints docs/training.md's table: the test accuracy after every epoch and the
# time per epoch (training pass + test pass over the 10,000 test images).
#   scripts/mini_seeds.sh ALEXNET_BINARY [OUTPUT_DIR]     SEEDS="1 2 3" THREADS=2 by default
# With TABLE_ONLY=1 it only prints the table from the logs already in OUTPUT_DIR.
set -eu
bin=${1:?usage: scripts/mini_seeds.sh ALEXNET_BINARY [OUTPUT_DIR]}
out=${2:-.build/mini-seeds}
seeds=${SEEDS:-1 2 3}
threads=${THREADS:-2}
mkdir -p "$out"
if [ "${TABLE_ONLY:-0}" != 1 ]; then
  for seed in $seeds; do
    echo "seed $seed: $bin train --preset mini --epochs 3 --seed $seed --threads $threads" >&2
    "$bin" train --preset mini --epochs 3 --seed "$seed" --threads "$threads" > "$out/seed-$seed.log"
  done
fi
echo "| seed | epoch 1 | epoch 2 | epoch 3 | time per epoch (training + test) |"
echo "|---|---|---|---|---|"
for seed in $seeds; do
  # Epoch lines read: "epoch 2/3: … (test accuracy 85.02%), 57.7 s training + 4.9 s testing, …"
  tr '\r' '\n' < "$out/seed-$seed.log" | awk -v seed="$seed" '
    /^epoch [0-9]+\/[0-9]+: / {
      match($0, /test accuracy [0-9.]+%/); acc[++n] = substr($0, RSTART + 14, RLENGTH - 14)
      match($0, /[0-9.]+ s training/); tr[n] = substr($0, RSTART, RLENGTH - 11)
      match($0, /[0-9.]+ s testing/); te[n] = substr($0, RSTART, RLENGTH - 10)
    }
    END {
      if (n == 0) { printf "| %s | (no finished epoch in the log) | | | |\n", seed; exit }
      times = ""
      for (i = 1; i <= n; i++) times = times (i > 1 ? ", " : "") tr[i] " + " te[i] " s"
      printf "| %s | %s | %s | %s | %s |\n", seed, acc[1], (n >= 2 ? acc[2] : ""), (n >= 3 ? "**" acc[3] "**" : ""), times
    }'
done
