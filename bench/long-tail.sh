#!/usr/bin/env bash
# Issue 13, target 2 ("the long tail from memory"): uncached list and search requests through the gateway
# (cache on, every request a path of its own), today's code and this tree's side by side in one run:
#   requests/s at 64 connections, median at 8, DynamoDB read capacity units per request per endpoint (as
#   DynamoDB reported them consumed: ReturnConsumedCapacity, counted by the service per route), and each
#   service's memory (managed heap after a full collection, working set) once every list, genre and role
#   partition has been read. Targets: band search ≥ 1,500 req/s at 64 connections, the others ≥ 10× today,
#   median ≤ 5 ms at 8, ≤ 1 RCU per request.
# "Today" is BEFORE_REF (default main) exported to /tmp/lt-before, plus bench/long-tail/metering.patch (the
# read-capacity counting and /internal endpoints of this tree, nothing else) so both report the same figures.
# Processes are started directly (DynamoDB Local, migrator, both services, gateway; no AppHost, no dashboard),
# on free ports, so the run does not collide with an application on :5080.
# Usage: bench/long-tail.sh [seconds per run, default 10] [wrk threads, default 2]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
exec > >(tee "$RESULTS/long-tail.txt") 2>&1
DURATION=${1:-10}; THREADS=${2:-2}
BEFORE_REF=${BEFORE_REF:-main}
BEFORE=/tmp/lt-before
LT="$ROOT/bench/long-tail"
WORK="$RESULTS/long-tail"; mkdir -p "$WORK"
need wrk wrk

KEY="bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
KEY_HASH=$(printf %s "$KEY" | sha256sum | cut -d' ' -f1)
export ApiKeys__0__Id=bench ApiKeys__0__Hash="$KEY_HASH" ApiKeys__0__Permission=Delete
export ASPNETCORE_ENVIRONMENT=Development DynamoDb__Region=eu-west-1 Telemetry__TraceSampleRatio=0.01
export Gateway__RateLimits__PerIpLimit=1000000000 Gateway__RateLimits__PublicBurst=1000000000 Gateway__RateLimits__PublicRatePerSecond=1000000000
export Gateway__RateLimits__AdminBurst=1000000000 Gateway__RateLimits__AdminRatePerSecond=1000000000

build_tree() {
  for project in MetalFests.Migrator MetalFests.FestivalsService MetalFests.CatalogService MetalFests.Gateway; do
    dotnet build "$1/$project" -c Release -v q -nologo >"$WORK/build.log" 2>&1 || { tail -20 "$WORK/build.log"; exit 1; }
  done
}

BEFORE_COMMIT=$(git -C "$ROOT" rev-parse --short "$BEFORE_REF")
STAMP="$BEFORE_COMMIT $(sha256sum "$LT/metering.patch" | cut -c1-16)"
if [ "$(cat "$BEFORE/.long-tail-stamp" 2>/dev/null)" != "$STAMP" ]; then
  echo "preparing today's code ($BEFORE_REF + metering.patch) in $BEFORE"
  rm -rf "$BEFORE"; mkdir -p "$BEFORE"
  git -C "$ROOT" archive "$BEFORE_REF" | tar -x -C "$BEFORE"
  (cd "$BEFORE" && git apply "$LT/metering.patch")
  echo "$STAMP" >"$BEFORE/.long-tail-stamp"
fi
build_tree "$BEFORE"
build_tree "$ROOT"
machine
echo "today: $BEFORE_REF ($BEFORE_COMMIT) + metering.patch; this tree: $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet || echo ' (uncommitted changes)')"
echo "wrk: $THREADS threads, ${DURATION}s per run; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

PIDS=()
stop_all() { for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done; for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done; PIDS=(); }
trap stop_all EXIT

# start_variant <tree>: DynamoDB Local + migration, the services, the gateway; sets GW, FEST, CAT.
start_variant() {
  local tree=$1
  start_dynamodb_local; PIDS+=("$DDB_PID")
  export DynamoDb__ServiceUrl="http://localhost:$DDB_PORT"
  # Under heavy load a migration can time out; it is idempotent, so it runs again (up to 3 times).
  for attempt in 1 2 3; do
    dotnet "$tree/MetalFests.Migrator/bin/Release/net10.0/MetalFests.Migrator.dll" --endpoint "$DynamoDb__ServiceUrl" --create-table >"$WORK/migrator.log" 2>&1 && break
    [ "$attempt" = 3 ] && { echo "the migration failed 3 times; see $WORK/migrator.log" >&2; exit 1; }
  done
  FEST="http://127.0.0.1:$(free_port)"; CAT="http://127.0.0.1:$(free_port)"; GW="http://127.0.0.1:$(free_port)"
  (cd "$tree/MetalFests.FestivalsService" && ASPNETCORE_URLS=$FEST exec dotnet bin/Release/net10.0/MetalFests.FestivalsService.dll >"$WORK/festivals.log" 2>&1) & PIDS+=($!)
  (cd "$tree/MetalFests.CatalogService" && ASPNETCORE_URLS=$CAT exec dotnet bin/Release/net10.0/MetalFests.CatalogService.dll >"$WORK/catalog.log" 2>&1) & PIDS+=($!)
  (cd "$tree/MetalFests.Gateway" && ASPNETCORE_URLS=$GW services__festivals__http__0=$FEST services__catalog__http__0=$CAT \
    exec dotnet bin/Release/net10.0/MetalFests.Gateway.dll >"$WORK/gateway.log" 2>&1) & PIDS+=($!)
  for _ in $(seq 1 150); do curl -sf "$GW/api/genres" >/dev/null 2>&1 && return 0; sleep 1; done
  echo "the application did not come up; see $WORK/*.log" >&2; exit 1
}

# One write of each kind the measured lists show, as a live table has had (a new band with two genres and three
# roles, a new festival): their version items exist then (DynamoDB Local reports 0 units for a Query finding nothing).
write_once() {
  curl -sf -o /dev/null -X POST "$GW/api/admin/bands" -H "X-Api-Key: $KEY" -H 'Content-Type: application/json' \
    -d '{"key":"bench-band","name":"Bench Band","country":"Finland","genreKeys":["heavy-metal","thrash-metal"],"members":[{"name":"A","roleKeys":["vocals","guitar"]},{"name":"B","roleKeys":["drums"]}],"reviewed":false}'
  curl -sf -o /dev/null -X POST "$GW/api/admin/festivals" -H "X-Api-Key: $KEY" -H 'Content-Type: application/json' \
    -d '{"key":"bench-fest","name":"Bench Fest","location":"Oulu, Finland","coordinates":{"lat":65.0,"lng":25.5}}'
}

capacity() { curl -s "$1/internal/dynamodb-capacity"; }

# run <variant> <endpoint> <service url> <route regex>: a 64-connection run, then an 8-connection run on other paths.
run() {
  local variant=$1 endpoint=$2 service=$3 routes=$4 file="$WORK/$2.txt"
  local before after out64 out8
  before=$(capacity "$service")
  out64=$(PATHS=$file THREADS=$THREADS wrk -t"$THREADS" -c64 -d"${DURATION}s" --latency -s "$LT/paths.lua" "$GW")
  after=$(capacity "$service")
  tac "$file" >"$file.rev"
  out8=$(PATHS=$file.rev THREADS=$THREADS wrk -t"$THREADS" -c8 -d"${DURATION}s" --latency -s "$LT/paths.lua" "$GW")
  printf '%s\n%s\n' "$out64" "$out8" >>"$WORK/wrk-$variant.log"
  python3 - "$variant" "$endpoint" "$routes" "$before" "$after" "$out64" "$out8" "$(wc -l <"$file")" >>"$WORK/rows.tsv" <<'PY'
import json, re, sys
variant, endpoint, routes, before, after, out64, out8, lines = sys.argv[1:]
def total(text):
    t = json.loads(text); r = re.compile(routes)
    return sum(v["requests"] for k, v in t.items() if r.search(k)), sum(v["readCapacityUnits"] for k, v in t.items() if r.search(k))
(r0, u0), (r1, u1) = total(before), total(after)
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out64).group(1))
sent = int(re.search(r"(\d+) requests in", out64).group(1))
def ms(text):
    v = re.search(r"^\s+50%\s+([\d.]+)(us|ms|s)", text, re.M); return float(v.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[v.group(2)]
errors = sum(int(x) for x in re.findall(r"Non-2xx or 3xx responses: (\d+)", out64 + out8))
print(f"{variant}\t{endpoint}\t{rps:.0f}\t{ms(out8):.2f}\t{(u1 - u0) / max(r1 - r0, 1):.2f}\t{r1 - r0}\t{sent}\t{lines}\t{errors}")
PY
  tail -1 "$WORK/rows.tsv"
}

measure() {
  local variant=$1
  write_once
  python3 - "$GW" >"$WORK/cursors.txt" <<'PY'
import json, sys, urllib.request
gw, cursor = sys.argv[1], None
while True:
    page = json.load(urllib.request.urlopen(f"{gw}/api/v2/bands?limit=5" + (f"&cursor={cursor}" if cursor else "")))
    cursor = page["next"]
    if not cursor: break
    print(cursor)
PY
  python3 "$LT/urls.py" "$ROOT/data/db.json" "$WORK" band-search >/dev/null
  python3 "$LT/urls.py" "$ROOT/data/db.json" "$WORK" festival-search >/dev/null
  python3 "$LT/urls.py" "$ROOT/data/db.json" "$WORK" band-filters >/dev/null
  python3 "$LT/urls.py" "$ROOT/data/db.json" "$WORK" genre-bands heavy-metal,thrash-metal >/dev/null
  python3 "$LT/urls.py" "$ROOT/data/db.json" "$WORK" role-members vocals,guitar,drums >/dev/null
  python3 "$LT/urls.py" "$ROOT/data/db.json" "$WORK" v2-cursor "$WORK/cursors.txt" >/dev/null
  PATHS="$WORK/band-filters.txt" THREADS=1 wrk -t1 -c4 -d3s -s "$LT/paths.lua" "$GW" >/dev/null   # JIT warm-up
  run "$variant" band-search "$CAT" '^/api/bands$'
  run "$variant" festival-search "$FEST" '^/api/festivals$'
  run "$variant" band-filters "$CAT" '^/api/bands(/reviewed)?$'
  run "$variant" genre-bands "$CAT" '^/api/genres/\{key\}/bands$'
  run "$variant" role-members "$CAT" '^/api/roles/\{key\}/members$'
  run "$variant" v2-cursor "$CAT" '^/api/v2/bands$'
  # Every partition a list can show, read once, then each service's memory.
  for genre in $(curl -s "$CAT/api/genres" | python3 -c 'import json,sys; print(" ".join(g["key"] for g in json.load(sys.stdin)["genres"]))'); do curl -s -o /dev/null "$CAT/api/genres/$genre/bands?limit=1"; done
  for role in $(curl -s "$CAT/api/roles" | python3 -c 'import json,sys; print(" ".join(r["key"] for r in json.load(sys.stdin)["roles"]))'); do curl -s -o /dev/null "$CAT/api/roles/$role/members?limit=1"; done
  curl -s -o /dev/null "$FEST/api/festivals/upcoming"; curl -s -o /dev/null "$CAT/api/bands/unreviewed?limit=1"
  echo "$variant memory: festivals $(curl -s "$FEST/internal/memory") catalog $(curl -s "$CAT/internal/memory")" | tee -a "$WORK/memory.txt"
}

: >"$WORK/rows.tsv"; : >"$WORK/memory.txt"; : >"$WORK/wrk-today.log"; : >"$WORK/wrk-memory.log"
echo "columns: variant, endpoint, req/s at 64 connections, p50 ms at 8, RCU per request (64-connection run), requests reaching the service, requests sent, unique paths, non-2xx"
# VARIANTS="memory" measures this tree alone (e.g. to repeat a run); default both.
if [[ " ${VARIANTS:-today memory} " == *" today "* ]]; then start_variant "$BEFORE"; measure today; stop_all; fi
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ " ${VARIANTS:-today memory} " == *" memory "* ]]; then start_variant "$ROOT"; measure memory; stop_all; fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$WORK/rows.tsv" <<'PY'
import sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
by = {(r[0], r[1]): r for r in rows}
print(f"\n{'endpoint':<16} {'req/s @64 today':>15} {'from memory':>11} {'ratio':>6} {'p50 @8 today':>12} {'from memory':>11} {'RCU/req today':>13} {'from memory':>11}")
for endpoint in dict.fromkeys(r[1] for r in rows):
    t, m = by.get(("today", endpoint)), by.get(("memory", endpoint))
    if not (t and m): continue
    print(f"{endpoint:<16} {t[2]:>15} {m[2]:>11} {float(m[2]) / max(float(t[2]), 1):>5.1f}x {t[3]:>10} ms {m[3]:>8} ms {t[4]:>13} {m[4]:>11}")
PY
