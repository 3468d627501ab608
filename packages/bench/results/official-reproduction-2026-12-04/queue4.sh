#!/usr/bin/env bash
# After queue3 (pid 945): the init spread of the official GAT and APPNP on Cora split 0 (5 inits; init 0 repeats the 1-init run).
cd /work/official
while kill -0 945 2>/dev/null; do sleep 5; done
./run-one.sh mlp_gcn_gat_graphsage train.py gat-cora-s0-5inits --method gat --dataset cora --num_splits 1 --num_inits 5
./run-one.sh appnp train_appnp.py appnp-cora-s0-5inits --dataset cora --num_splits 1 --num_inits 5
