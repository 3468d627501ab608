#!/usr/bin/env bash
# Ours vs official COIN on split 0 (COIN_GNN: a coin-gnn checkout; OFFICIAL_GRAPH: graph/ of shwangtangjun/COIN
# with train-cpu.patch), one after the other, 2 threads each. Usage: compare-coin.sh cora|citeseer [repeats]
d=$1; n=${2:-1}
for i in $(seq $n); do
  s=$(date +%s.%N); node $COIN_GNN/tools/scripts/coin.mjs train --dataset $d --json 2>/dev/null | grep -o '"testAccMean":[0-9.]*\|"msPerEpochMedian":[0-9.]*\|"convergenceMsMedian":[0-9.]*\|"epochs":[0-9]*' | tr '\n' ' '; e=$(date +%s.%N); echo "ours wall $(echo "$e - $s" | bc) s"
  s=$(date +%s.%N); (cd $OFFICIAL_GRAPH && TORCH_THREADS=2 OMP_NUM_THREADS=2 /usr/bin/python3 train.py --dataset $d --num_splits 1 --num_inits 1 2>&1 | grep -v Warn | tr '\n' ' '); e=$(date +%s.%N); echo "official wall $(echo "$e - $s" | bc) s"
done
