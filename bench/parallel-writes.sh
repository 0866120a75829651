#!/usr/bin/env bash
# Issue 13, target 4 ("writes in parallel"), before and after in one run: the same measurements against
# a build of BASE (default: main, checked out in a scratch worktree) and of this checkout, one after the
# other, each the whole application (Release) through the gateway on :5080:
#   - one small edition write (10 bands, new edition) at a time: median;
#   - 20 concurrent small edition writes to 20 festivals (200 distinct bands): wall time of the batch,
#     median over rounds; target ≤ 3× the single write;
#   - a new 150-band edition, sequential: median (target ≤ 1.3× bench/dynamodb-write-floor.sh's figure,
#     run at the end unless SKIP_FLOOR=1); a band update (PUT /api/bands/{key}): median (target ≤ 30 ms).
# Usage: bench/parallel-writes.sh [rounds, default 15] [base ref, default main]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
exec > >(tee "$RESULTS/parallel-writes.txt") 2>&1
ROUNDS=${1:-15}
BASE=${2:-main}
export METALFESTS_ADMIN_KEY=${METALFESTS_ADMIN_KEY:-bench-admin-key-$(date +%s%N)}  # the AppHost wants ≥ 32 characters
export Gateway__RateLimits__AdminRatePerSecond=1000000 Gateway__RateLimits__AdminBurst=1000000 Gateway__RateLimits__AdminMonthlyQuota=1000000000

use_base_tree "$BASE"

measure() {
  PYTHONDONTWRITEBYTECODE=1 PYTHONPATH="$ROOT/bench" python3 - "$ROOT/data/db.json" "$ROUNDS" <<'PY'
import json, sys, threading, time
from admin_client import call, edition, report
d = json.load(open(sys.argv[1])); rounds = int(sys.argv[2])
bands = sorted({b["key"] for b in d["bands"] if b["key"]})
run = str(int(time.time()))[-6:]

festivals = [f"par-{run}-{i}" for i in range(20)]
for f in festivals + [f"one-{run}", f"big-{run}"]:
    call("POST", "/api/admin/festivals", {"key": f, "name": f"Parallel {f}", "location": "Clisson, France"})
lineups = [bands[10 * i:10 * i + 10] for i in range(20)]
for i in range(3):  # warm-up: JIT, connections
    call("PUT", f"/api/festivals/{festivals[i]}/editions/2040", edition(2040, lineups[i]))
    call("PUT", f"/api/festivals/big-{run}/editions/{2040 + i}", edition(2040 + i, bands[300:450]))
    call("PUT", f"/api/bands/{bands[600]}", {"name": bands[600], "description": f"warm {i}"})

single, batch = [], []
for r in range(rounds):
    year = 2041 + r
    single.append(call("PUT", f"/api/festivals/one-{run}/editions/{year}", edition(year, lineups[r % 20])))
    barrier = threading.Barrier(21)
    def one(i):
        barrier.wait(); call("PUT", f"/api/festivals/{festivals[i]}/editions/{year}", edition(year, lineups[i]))
    threads = [threading.Thread(target=one, args=(i,)) for i in range(20)]
    for t in threads: t.start()
    barrier.wait(); start = time.perf_counter()
    for t in threads: t.join()
    batch.append((time.perf_counter() - start) * 1000)
big, band_updates = [], []
for r in range(rounds):
    big.append(call("PUT", f"/api/festivals/big-{run}/editions/{2050 + r}", edition(2050 + r, bands[300:450])))
    band_updates.append(call("PUT", f"/api/bands/{bands[600]}", {"name": bands[600], "description": f"Benchmark description {r}", "reviewed": True}))
s = report("one 10-band edition write, alone", single)
b = report("20 concurrent 10-band edition writes to 20 festivals, the batch", batch)
print(f"--- ratio batch / single: {b / s:.1f}x (target <= 3x)")
report("PUT new 150-band edition (303 items)", big)
report("PUT /api/bands/{key}, description change", band_updates)
PY
}

machine
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# ONLY_THIS=1: this checkout alone (the base measured in an earlier run).
for tree in $([ "${ONLY_THIS:-0}" = 1 ] || echo "$BASE_TREE") "$ROOT"; do
  echo "=== $( [ "$tree" = "$ROOT" ] && echo "this checkout" || echo "base $BASE") — commit $(git -C "$tree" rev-parse --short HEAD)"
  dotnet build "$tree/MetalFests.AppHost" -c Release -v q -nologo >/dev/null
  wait_for_ports parallel-writes
  start_apphost "$tree"
  trap cleanup_base_tree EXIT  # start_apphost sets its own
  gateway_is_from "$tree"
  measure
  stop_apphost
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
done
if [ "${SKIP_FLOOR:-0}" != 1 ]; then
  echo "=== the floor: bench/dynamodb-write-floor.sh 20"
  "$ROOT/bench/dynamodb-write-floor.sh" 20
fi
