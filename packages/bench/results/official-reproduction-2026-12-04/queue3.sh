#!/usr/bin/env bash
# After queue2 (pid 27935): the init spread of the official GRAND on Cora split 0 (5 inits; init 0 repeats the 1-init run).
cd /work/official
while kill -0 27935 2>/dev/null; do sleep 5; done
PYTHONPATH_OVERRIDE=/work/official/pylib-grand:/work/official/pylib ./run-one.sh grand train_grand.py grand-cora-s0-5inits --dataset cora --num_splits 1 --num_inits 5
