#!/bin/bash
# Device check, part 2: coin-gnn on Citeseer splits 10-99 of seed 42 (the official code's), 15 processes.
cd "$(dirname "$0")"
xz -dc node.xz > node && chmod +x node
mkdir -p /tmp/ours
seq 10 99 | xargs -P 15 -I{} sh -c 'timeout 560 ./node a/b/coin.mjs train --dataset citeseer --runs 1 --first-split {} --json > /tmp/ours/c_{}.json 2>>/tmp/ours/err.txt && flock /tmp/lk sh -c "cat /tmp/ours/c_{}.json >> $OUT/ours_citeseer.jsonl"'
cp /tmp/ours/err.txt $OUT/ours_err.txt
echo "done $SECONDS s" > $OUT/info.txt
