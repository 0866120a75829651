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

PYTHONDONTWRITEBYTECODE=1 PYTHONPATH="$ROOT/bench" python3 - "$ROOT/data/db.json" "$RUNS" <<'PY'
import json, sys
from admin_client import call, edition, report
d = json.load(open(sys.argv[1])); runs = int(sys.argv[2])
bands = sorted({b["key"] for b in d["bands"] if b["key"]})
lineup_a, lineup_b = bands[:150], bands[150:300]

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
report("PUT /api/bands/{key}, description change (3 items and the audit entry, one transaction)", band_updates)
PY
