#!/usr/bin/env bash
# Usage: run-one.sh <dir> <script> <tag> [args...]; one process, 1 thread, nice 10; log to out/<tag>.log
d=$1; s=$2; tag=$3; shift 3
cd /work/official/reproduce/$d || exit 1
{ echo "# $(date -u +%FT%TZ) cmd: PYTHONPATH=${PYTHONPATH_OVERRIDE:-/work/official/pylib} TORCH_THREADS=1 OMP_NUM_THREADS=1 nice -n 10 python3 $s $*"; echo "# uptime: $(uptime)"; } > /work/official/out/$tag.log
TORCH_THREADS=1 OMP_NUM_THREADS=1 PYTHONPATH=${PYTHONPATH_OVERRIDE:-/work/official/pylib} nice -n 10 /usr/bin/python3 $s "$@" >> /work/official/out/$tag.log 2>&1
echo "# exit $? at $(date -u +%FT%TZ); uptime: $(uptime)" >> /work/official/out/$tag.log
