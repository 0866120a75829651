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

# The base's checkout is kept between runs (its Release build takes minutes); KEEP_BASE=0 removes it at the end.
BASE_TREE=/tmp/metalfests-bench-base-$(git -C "$ROOT" rev-parse --short "$BASE")
[ -d "$BASE_TREE" ] || git -C "$ROOT" worktree add --detach -q "$BASE_TREE" "$BASE"
cleanup() {
  stop_apphost
  [ "${KEEP_BASE:-1}" = 1 ] || git -C "$ROOT" worktree remove --force "$BASE_TREE" 2>/dev/null || true
}
trap cleanup EXIT

# The gateway and the dashboard have fixed ports (:5080, :15000): on a shared machine, wait (at most 12 min)
# until they are free and (unless WAIT_FOR_BENCHES=0) no other bench script runs.
wait_for_ports() {
  for _ in $(seq 1 360); do
    if ! ss -ltn | grep -qE ':(5080|15000) '; then
      [ "${WAIT_FOR_BENCHES:-1}" = 1 ] && pgrep -af 'bench/[a-z-]+\.sh' | grep -v parallel-writes | grep -q . || return 0
    fi
    sleep 2
  done
  echo ":5080 or :15000 stayed taken" >&2; exit 1
}

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
  wait_for_ports
  start_apphost "$tree"
  trap cleanup EXIT  # start_apphost sets its own
  # Another run may have taken :5080 first: measure only this checkout's gateway.
  gateway=$(ss -ltnpH 'sport = :5080' | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
  case "$(readlink -f "/proc/$gateway/cwd")" in "$tree"*) ;; *) echo ":5080 is not this run's gateway (pid $gateway)" >&2; exit 1 ;; esac
  measure
  stop_apphost
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
done
if [ "${SKIP_FLOOR:-0}" != 1 ]; then
  echo "=== the floor: bench/dynamodb-write-floor.sh 20"
  "$ROOT/bench/dynamodb-write-floor.sh" 20
fi
