#!/bin/bash
# Device check: the official COIN code (GPU) and coin-gnn (CPU, bundled) on the same splits.
cd "$(dirname "$0")"
xz -dc node.xz > node && chmod +x node
{ nproc; lscpu | grep 'Model name'; python3 -c "import torch, numpy, scipy, sklearn; print(torch.__version__, torch.cuda.is_available(), numpy.__version__, scipy.__version__, sklearn.__version__)"; } > $OUT/info.txt 2>&1
export OMP_NUM_THREADS=1 PYTHONUNBUFFERED=1
( cd official/graph
  timeout 200 python3 -W ignore train.py --dataset cora --num_splits 100 --num_inits 1 > $OUT/official_cora_100x1.txt 2>&1
  timeout 200 python3 -W ignore train.py --dataset citeseer --num_splits 100 --num_inits 1 > $OUT/official_citeseer_100x1.txt 2>&1
  timeout 150 python3 -W ignore train.py --dataset cora --num_splits 10 --num_inits 20 > $OUT/official_cora_10x20.txt 2>&1
) &
mkdir -p /tmp/ours
{ for j in $(seq 0 19); do echo "cora 5 $((j*5))"; done; for j in $(seq 0 9); do echo "citeseer 1 $j"; done; } |
  xargs -P 14 -L 1 sh -c './node a/b/coin.mjs train --dataset $0 --runs $1 --first-split $2 --json > /tmp/ours/$0_$2.json 2>>/tmp/ours/err.txt; flock /tmp/lk sh -c "cat /tmp/ours/$0_$2.json >> $OUT/ours.jsonl"'
cp /tmp/ours/err.txt $OUT/ours_err.txt
echo "ours done $SECONDS s" >> $OUT/info.txt
wait
echo "all done $SECONDS s" >> $OUT/info.txt
