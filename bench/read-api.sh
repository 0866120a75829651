#!/usr/bin/env bash
# Issue 4 targets, through the gateway (no cache yet) against DynamoDB Local on this machine:
#   median latency of /api/bands/{key} and /api/festivals/{key} ≤ 10 ms;
#   every GET costs at most 2 DynamoDB requests (1 per page for lists), from the services' own counters;
#   /api/festivals body ≤ 64 KB.
# Starts the whole application (Release) with the gateway's cache off. Usage: bench/read-api.sh [seconds per wrk run, default 20]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
exec > >(tee "$RESULTS/read-api.txt") 2>&1
DURATION=${1:-20}
need wrk wrk
export Gateway__Cache__Enabled=false   # the targets are for the uncached path: every request reaches a service
start_apphost
machine

GATEWAY=http://localhost:5080
FESTIVALS=http://localhost:5081   # the services' own (launch-profile) ports in run mode
CATALOG=http://localhost:5082

# Rotate over real keys so no answer is repeated back to back.
python3 - "$ROOT/data/db.json" "$RESULTS" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
bands = sorted({b["key"] for b in d["bands"] if b["key"]})[::17][:100]
fests = [f["key"] for f in d["festivals"]]
for name, keys, prefix in (("bands", bands, "/api/bands/"), ("festivals", fests, "/api/festivals/")):
    with open(f"{sys.argv[2]}/{name}.lua", "w") as f:
        f.write("paths = {" + ",".join(f'"{prefix}{k}"' for k in keys) + "}\n")
        f.write("i = 0\nrequest = function() i = i % #paths + 1; return wrk.format(\"GET\", paths[i]) end\n")
PY

for name in bands festivals; do
  wrk -t1 -c1 -d3s -s "$RESULTS/$name.lua" "$GATEWAY" >/dev/null   # warm-up
  for connections in 1 8; do
    echo "--- GET /api/$name/{key} via the gateway, $connections connection(s), ${DURATION}s:"
    wrk -t1 -c"$connections" -d"${DURATION}s" --latency -s "$RESULTS/$name.lua" "$GATEWAY" | grep -E "Requests/sec|^ +(50|90|99)%|Non-2xx"
  done
done

# Without the load-marker reads (readiness: at most one a second, and the health checks'), which no GET itself makes.
count() { curl -s "$1/internal/dynamodb-requests" | python3 -c 'import json,sys; print(sum(v for k, v in json.load(sys.stdin).items() if "(readiness)" not in k))'; }
echo "--- DynamoDB requests per GET (service counters, averaged over 10 calls each)"
for path in /api/festivals /api/festivals/upcoming /api/festivals/hellfest /api/festivals/hellfest/editions /api/festivals/hellfest/editions/2026 "/api/festivals?near=47.09,-1.28&radiusKm=500"; do
  before=$(count $FESTIVALS); for _ in $(seq 10); do curl -sf -o /dev/null "$GATEWAY$path"; done; after=$(count $FESTIVALS)
  echo "  $path: $(python3 -c "print(($after-$before)/10)")"
done
for path in /api/bands "/api/bands?limit=500&offset=1000" /api/bands/reviewed /api/bands/unreviewed /api/bands/within-temptation /api/bands/iron-maiden/festivals /api/genres /api/genres/black-metal /api/genres/black-metal/bands /api/roles /api/roles/drums /api/roles/drums/members; do
  before=$(count $CATALOG); for _ in $(seq 10); do curl -sf -o /dev/null "$GATEWAY$path"; done; after=$(count $CATALOG)
  echo "  $path: $(python3 -c "print(($after-$before)/10)")"
done

echo "--- body sizes"
for path in /api/festivals /api/bands "/api/bands?limit=500"; do
  echo "  $path: $(curl -s -o /dev/null -w '%{size_download}' "$GATEWAY$path") bytes"
done
