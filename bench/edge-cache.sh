#!/usr/bin/env bash
# Issue 13, target 1: a cache hit of GET /api/festivals through the gateway against Kestrel alone serving the
# same bytes from memory (bench/bare-kestrel) and nginx serving them as a static file — same wrk threads,
# connections and duration, this machine:
#   gateway hit ≥ 0.9× Kestrel alone's requests/s (reported against nginx too), p99 no worse than Kestrel
#   alone's, zero requests reaching the services (their own DynamoDB request counters).
# Side by side in one run, in rounds (the machine is shared: each round measures all of them back to back,
# and the spread over the rounds is reported):
#   - "after": the gateway of this tree (Release) and "before": the gateway of BASELINE (default main, built
#     from `git archive` under bench/results), each started here with the AppHost gateway's own environment
#     (same services, telemetry, sampling, limits) — see start_gateway in lib.sh for why here;
#   - "app": the AppHost's own gateway on :5080 (this tree's code, in the orchestrator's scheduling group);
#   - Kestrel alone and nginx.
# Each run also reports the CPU time the server's processes spent per request (user + system from /proc, over the
# run ÷ its requests): less sensitive than requests/s to what else shares the cores. Each round runs in its own order.
# Then allocations per hit of each process (dotnet-counters, from the repository's tool manifest: bytes the
# process allocated during a wrk run ÷ the requests of that run), and the miss path (cache off).
# Usage: bench/edge-cache.sh [seconds per run, default 20] [connections, default 64] [threads, default 2] [rounds, default 3]
#   BASELINE=<git ref> (default main; BASELINE= to skip), MISS_PATH=0 to skip the cache-off run,
#   AFTER_ENV="K=V ..." to start this tree's gateway with extra environment (an experiment's switch).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
exec > >(tee "$RESULTS/edge-cache.txt") 2>&1
DURATION=${1:-20}; CONNECTIONS=${2:-64}; THREADS=${3:-2}; ROUNDS=${4:-3}
BASELINE=${BASELINE-main}; MISS_PATH=${MISS_PATH:-1}; AFTER_ENV=${AFTER_ENV:-}
URL_PATH=/api/festivals
need wrk wrk
need nginx nginx
(cd "$ROOT" && dotnet tool restore >/dev/null)

count() { curl -s "$1/internal/dynamodb-requests" | python3 -c 'import json,sys; print(sum(v for k, v in json.load(sys.stdin).items() if k != "DescribeTable"))'; }
wrk_run() { wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$1" | tee -a "$RESULTS/edge-wrk.log"; }

# The bytes a process allocated per request during one wrk run: dotnet-counters' System.Runtime
# dotnet.gc.heap.total_allocated, a rate per second sampled every second, summed over the run.
alloc_per_request() {
  local pid=$1 url=$2 csv; csv=$(mktemp -u --suffix=.csv)
  (cd "$ROOT" && dotnet dotnet-counters collect -p "$pid" --counters System.Runtime --format csv -o "$csv" \
    --refresh-interval 1 --duration "$(printf "00:%02d:%02d" $(((DURATION + 4) / 60)) $(((DURATION + 4) % 60)))" >/dev/null 2>&1) &
  local counters=$!
  sleep 2
  local requests; requests=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" "$url" | awk '/requests in/ {print $1}')
  wait "$counters"
  python3 - "$csv" "$requests" <<'PY'
import csv, sys
rows = [r for r in csv.reader(open(sys.argv[1])) if len(r) > 4 and r[2].startswith("dotnet.gc.heap.total_allocated")]
print(f"{sum(float(r[4]) for r in rows) / int(sys.argv[2]):.0f} B/request over {int(sys.argv[2]):,} requests")
PY
  rm -f "$csv"
}

start_apphost
machine
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) before the runs"
echo "wrk: $THREADS threads, $CONNECTIONS connections, ${DURATION}s per run, $ROUNDS rounds"
: >"$RESULTS/edge-wrk.log"

# nginx serves the gateway's exact body (identity encoding, as wrk sends no Accept-Encoding).
NGINX_DIR="$RESULTS/nginx"; mkdir -p "$NGINX_DIR/www/api"
curl -sf "http://localhost:5080$URL_PATH" -o "$NGINX_DIR/www$URL_PATH"
NGINX_PORT=$(free_port)
cat >"$NGINX_DIR/nginx.conf" <<CONF
worker_processes auto;
pid $NGINX_DIR/nginx.pid;
error_log $NGINX_DIR/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $NGINX_DIR/www;
    default_type application/json;
  }
}
CONF
nginx -c "$NGINX_DIR/nginx.conf"
BARE_PORT=$(free_port)
dotnet build "$ROOT/bench/bare-kestrel/BareKestrel.cs" -c Release -v q -nologo >/dev/null
BARE_DLL=$(dotnet build "$ROOT/bench/bare-kestrel/BareKestrel.cs" -c Release -getProperty:TargetPath 2>/dev/null | tail -1)
dotnet "$BARE_DLL" "$NGINX_DIR/www$URL_PATH" "$BARE_PORT" >/dev/null 2>&1 &
BARE_PID=$!
BEFORE_PID=; AFTER_PID=
cleanup() {
  nginx -s stop -c "$NGINX_DIR/nginx.conf" 2>/dev/null || true
  kill -TERM "$BARE_PID" 2>/dev/null || true
  for pid in $BEFORE_PID $AFTER_PID; do kill -TERM "$pid" 2>/dev/null || true; done
  stop_apphost
}
trap cleanup EXIT

AFTER_PORT=$(free_port)
start_gateway "$ROOT/MetalFests.Gateway/bin/Release/net10.0/MetalFests.Gateway.dll" "$ROOT/MetalFests.Gateway" "$AFTER_PORT" after "$URL_PATH" $AFTER_ENV
AFTER_PID=$TWIN_PID
if [ -n "$BASELINE" ]; then
  BASE_SHA=$(git -C "$ROOT" rev-parse --short "$BASELINE")
  BASE_DIR="$RESULTS/baseline-$BASE_SHA"
  BASE_DLL="$BASE_DIR/MetalFests.Gateway/bin/Release/net10.0/MetalFests.Gateway.dll"
  if [ ! -f "$BASE_DLL" ]; then   # built once per commit
    rm -rf "$BASE_DIR"; mkdir -p "$BASE_DIR"
    git -C "$ROOT" archive "$BASE_SHA" | tar -x -C "$BASE_DIR"
    ln -s "$ROOT/MetalFests.Web/node_modules" "$BASE_DIR/MetalFests.Web/node_modules"
    (cd "$BASE_DIR" && dotnet build MetalFests.Gateway -c Release -v q -nologo >/dev/null)
  fi
  BEFORE_PORT=$(free_port)
  start_gateway "$BASE_DLL" "$BASE_DIR/MetalFests.Gateway" "$BEFORE_PORT" before "$URL_PATH"
  BEFORE_PID=$TWIN_PID
fi

until curl -s -o /dev/null "http://127.0.0.1:$BARE_PORT/"; do sleep 0.2; done
cmp <(curl -s "http://127.0.0.1:$NGINX_PORT$URL_PATH") <(curl -s "http://localhost:5080$URL_PATH") && echo "bodies identical: $(stat -c %s "$NGINX_DIR/www$URL_PATH") bytes"

declare -A TARGETS=([nginx]="http://127.0.0.1:$NGINX_PORT$URL_PATH" [kestrel]="http://127.0.0.1:$BARE_PORT$URL_PATH"
  [after]="http://localhost:$AFTER_PORT$URL_PATH" [app]="http://localhost:5080$URL_PATH")
ORDER=(nginx kestrel after app)
if [ -n "$BASELINE" ]; then TARGETS[before]="http://localhost:$BEFORE_PORT$URL_PATH"; ORDER=(nginx kestrel before after app); fi
for name in "${ORDER[@]}"; do wrk -t1 -c4 -d3s "${TARGETS[$name]}" >/dev/null; done   # warm the caches and the JIT

# The CPU time (user + system, clock ticks) of a server's processes: what it spent serving, whatever else shared the cores.
declare -A PIDS=([nginx]="$(cat "$NGINX_DIR/nginx.pid") $(pgrep -d' ' -P "$(cat "$NGINX_DIR/nginx.pid")")" [kestrel]=$BARE_PID
  [after]=$(listener_pid "$AFTER_PORT") [app]=$(listener_pid 5080))
[ -z "$BASELINE" ] || PIDS[before]=$(listener_pid "$BEFORE_PORT")
cpu_ticks() { local total=0 pid; for pid in "$@"; do total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat"))); done; echo "$total"; }

before=$(count http://localhost:5081)
for round in $(seq 1 "$ROUNDS"); do
  # Each round in its own order, so that a drift of the machine within a round favours no one.
  for name in $(printf '%s\n' "${ORDER[@]}" | shuf); do
    echo "=== round $round $name"
    # shellcheck disable=SC2086
    ticks=$(cpu_ticks ${PIDS[$name]})
    out=$(wrk_run "${TARGETS[$name]}")
    # shellcheck disable=SC2086
    ticks=$(( $(cpu_ticks ${PIDS[$name]}) - ticks ))
    awk '/Requests\/sec/ {print "requests/s: " $2} /^ +50%/ {print "p50: " $2} /^ +99%/ {print "p99: " $2} /Non-2xx/ {print "NON-2XX: " $NF}' <<<"$out"
    awk -v ticks="$ticks" -v hz="$(getconf CLK_TCK)" '/requests in/ {printf "cpu: %.2fus\n", ticks / hz * 1e6 / $1}' <<<"$out"
  done
done | tee "$RESULTS/edge-rounds.txt"
after=$(count http://localhost:5081)
echo "DynamoDB requests by the festivals service during all the gateway hit runs: $((after - before))"
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) after the runs"

echo "--- allocations per request ($DURATION s of wrk each)"
echo "Kestrel alone:          $(alloc_per_request "$BARE_PID" "${TARGETS[kestrel]}")"
[ -z "$BASELINE" ] || echo "gateway before ($BASE_SHA): $(alloc_per_request "$(listener_pid "$BEFORE_PORT")" "${TARGETS[before]}")"
echo "gateway after ($(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- MetalFests.Gateway MetalFests.ServiceDefaults || echo '+changes')): $(alloc_per_request "$AFTER_PID" "${TARGETS[after]}")"

python3 - "$RESULTS/edge-rounds.txt" <<'PY'
import re, sys, statistics
runs = {}
name = None
for line in open(sys.argv[1]):
    if m := re.match(r"=== round (\d+) (\w+)", line):
        round_, name = int(m.group(1)), m.group(2)
        runs.setdefault(name, {})[round_] = {}
    elif m := re.match(r"(requests/s|p50|p99|cpu): ([\d.]+)(\w*)", line):
        value = float(m.group(2)) * ({"us": 1} if m.group(1) == "cpu" else {"us": 0.001, "ms": 1, "s": 1000, "": 1})[m.group(3)]
        runs[name][round_][m.group(1)] = value
def spread(values, fmt):
    return f"{fmt(statistics.median(values))} ({fmt(min(values))}–{fmt(max(values))})"
rounds = sorted(runs["kestrel"])
print("--- median over the rounds (min–max); ratios are per round, against the same round's run")
print(f"{'':16} {'requests/s':>26} {'p50 ms':>20} {'p99 ms':>22} {'× Kestrel alone':>20} {'× nginx':>20} {'CPU µs/request':>20} {'CPU × Kestrel':>18}")
for name in runs:
    rps = [runs[name][r]["requests/s"] for r in rounds]
    vs_bare = [runs[name][r]["requests/s"] / runs["kestrel"][r]["requests/s"] for r in rounds]
    vs_nginx = [runs[name][r]["requests/s"] / runs["nginx"][r]["requests/s"] for r in rounds]
    print(f"{name:16} {spread(rps, lambda v: f'{v:,.0f}'):>26} {spread([runs[name][r]['p50'] for r in rounds], lambda v: f'{v:.2f}'):>20}"
          f" {spread([runs[name][r]['p99'] for r in rounds], lambda v: f'{v:.1f}'):>22}"
          f" {spread(vs_bare, lambda v: f'{v:.2f}'):>20} {spread(vs_nginx, lambda v: f'{v:.2f}'):>20}"
          f" {spread([runs[name][r]['cpu'] for r in rounds], lambda v: f'{v:.1f}'):>20}"
          f" {spread([runs[name][r]['cpu'] / runs['kestrel'][r]['cpu'] for r in rounds], lambda v: f'{v:.2f}'):>18}")
PY

[ "$MISS_PATH" = 1 ] || exit 0
cleanup
echo "--- gateway, cache off (every request reaches the festivals service and DynamoDB Local)"
export Gateway__Cache__Enabled=false
start_apphost
wrk -t1 -c4 -d3s "http://localhost:5080$URL_PATH" >/dev/null
wrk_run "http://localhost:5080$URL_PATH" | awk '/Requests\/sec/ {print "    requests/s: " $2} /^ +50%/ {print "    p50: " $2} /^ +99%/ {print "    p99: " $2}'
