#!/usr/bin/env bash
# Runs one after another (one Python process at a time).
cd /work/official
while kill -0 11357 2>/dev/null; do sleep 5; done
PYG=/work/official/pylib GR=/work/official/pylib-grand:/work/official/pylib
PYTHONPATH_OVERRIDE=$GR ./run-one.sh grand train_grand.py grand-cora --dataset cora --num_splits 1 --num_inits 1
./run-one.sh mlp_gcn_gat_graphsage train.py gat-cora --method gat --dataset cora --num_splits 3 --num_inits 1
./run-one.sh mlp_gcn_gat_graphsage train.py gat-citeseer --method gat --dataset citeseer --num_splits 3 --num_inits 1
PYTHONPATH_OVERRIDE=$GR ./run-one.sh grand train_grand.py grand-citeseer --dataset citeseer --num_splits 1 --num_inits 1
PYTHONPATH_OVERRIDE=$GR ./run-one.sh grand train_grand.py grand-cora-s1 --dataset cora --first_split 1 --num_splits 3 --num_inits 1
PYTHONPATH_OVERRIDE=$GR ./run-one.sh grand train_grand.py grand-citeseer-s1 --dataset citeseer --first_split 1 --num_splits 3 --num_inits 1
