#!/usr/bin/env bash
# Issue 6 targets, through the gateway against DynamoDB Local on this machine, one client, sequential:
#   PUT of a 150-band edition: median ≤ 100 ms;  band update (PUT /api/bands/{key}): median ≤ 30 ms.
# Starts the whole application (Release) with a known development key. Usage: bench/admin-writes.sh [runs, default 30]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
exec > >(tee "$RESULTS/admin-writes.txt") 2>&1
RUNS=${1:-30}
export METALFESTS_ADMIN_KEY=${METALFESTS_ADMIN_KEY:-bench-only-admin-key-$(date +%s)-$(date +%N)}
export Gateway__RateLimits__AdminRatePerSecond=1000000 Gateway__RateLimits__AdminBurst=1000000 Gateway__RateLimits__AdminMonthlyQuota=1000000000
start_apphost
machine

python3 - "$ROOT/data/db.json" "$RUNS" <<'PY'
import http.client, json, statistics, sys, time
key = __import__("os").environ["METALFESTS_ADMIN_KEY"]
d = json.load(open(sys.argv[1])); runs = int(sys.argv[2])
bands = sorted({b["key"] for b in d["bands"] if b["key"]})
lineup_a, lineup_b = bands[:150], bands[150:300]
conn = http.client.HTTPConnection("localhost", 5080)

def call(method, path, body):
    start = time.perf_counter()
    conn.request(method, path, json.dumps(body), {"Content-Type": "application/json", "X-Api-Key": key})
    response = conn.getresponse(); payload = response.read()
    elapsed = (time.perf_counter() - start) * 1000
    if response.status >= 300: raise SystemExit(f"{method} {path}: {response.status} {payload[:300]!r}")
    return elapsed

def edition(year, lineup):
    return {"dates": {"start": f"{year}-06-17", "end": f"{year}-06-20"}, "bands": [{"key": k, "size": i % 4} for i, k in enumerate(lineup)],
            "ticketPrice": 199.0, "currency": "EUR", "status": "announced"}

def report(name, samples):
    s = sorted(samples)
    print(f"--- {name}: n={len(s)} median {statistics.median(s):.1f} ms, p90 {s[int(len(s)*0.9)-1]:.1f} ms, min {s[0]:.1f}, max {s[-1]:.1f}")

for i in range(3):  # warm-up: JIT, connections
    call("POST", "/api/admin/festivals", {"key": f"bench-warm-{i}", "name": "Warm-up", "location": "Clisson, France"})
    call("PUT", f"/api/festivals/bench-warm-{i}/editions/2030", edition(2030, lineup_a))
    call("PUT", f"/api/bands/{bands[400+i]}", {"name": bands[400+i], "description": f"warm {i}"})

created, replaced, band_updates = [], [], []
for i in range(runs):
    festival = f"bench-fest-{i}"
    call("POST", "/api/admin/festivals", {"key": festival, "name": f"Bench {i}", "location": "Clisson, France"})
    created.append(call("PUT", f"/api/festivals/{festival}/editions/2030", edition(2030, lineup_a)))
    replaced.append(call("PUT", f"/api/festivals/{festival}/editions/2030", edition(2030, lineup_b)))
target = [b for b in d["bands"] if b["key"] == bands[500]][0]
for i in range(runs):
    body = {"name": target["name"], "country": target.get("country") or None, "description": f"Benchmark description {i}", "reviewed": True}
    band_updates.append(call("PUT", f"/api/bands/{bands[500]}", {k: v for k, v in body.items() if v is not None}))

report("PUT 150-band edition, new (303 items, through the journal)", created)
report("PUT 150-band edition, replacing its 150 bands by 150 others (≈600 items)", replaced)
report("PUT /api/bands/{key}, description change (3 items and the lease, one transaction)", band_updates)
PY
