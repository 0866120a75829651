#!/usr/bin/env bash
# Issue 5 targets: a cache hit of GET /api/festivals through the gateway against nginx serving the
# identical body as a static file — same wrk threads, connections and duration, one run, this machine
# (with Kestrel alone serving the same bytes from memory, bench/bare-kestrel, as a reference point):
#   gateway ≥ 0.6× nginx's requests/s (aim 0.8×), p99 ≤ 5 ms at 64 connections, zero requests reaching
#   the services during the hit run (their own DynamoDB request counters). Then the miss path (cache off).
# Usage: bench/edge-cache.sh [seconds per run, default 20] [connections, default 64] [threads, default 2]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
exec > >(tee "$RESULTS/edge-cache.txt") 2>&1
DURATION=${1:-20}; CONNECTIONS=${2:-64}; THREADS=${3:-2}
need wrk wrk
need nginx nginx

count() { curl -s "$1/internal/dynamodb-requests" | python3 -c 'import json,sys; print(sum(v for k, v in json.load(sys.stdin).items() if k != "DescribeTable"))'; }
run_wrk() { wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$1" | tee -a "$RESULTS/edge-wrk.log" | awk '/Requests\/sec/ {print "    requests/s: " $2} /^ +50%/ {print "    p50: " $2} /^ +99%/ {print "    p99: " $2} /Non-2xx/ {print "    NON-2XX RESPONSES: " $NF}'; }

start_apphost
machine
echo "wrk: $THREADS threads, $CONNECTIONS connections, ${DURATION}s per run" | tee "$RESULTS/edge-wrk.log"

# nginx serves the gateway's exact body (identity encoding, as wrk sends no Accept-Encoding).
NGINX_DIR="$RESULTS/nginx"; mkdir -p "$NGINX_DIR/www/api"
curl -sf http://localhost:5080/api/festivals -o "$NGINX_DIR/www/api/festivals"
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
dotnet "$BARE_DLL" "$NGINX_DIR/www/api/festivals" "$BARE_PORT" >/dev/null 2>&1 &
BARE_PID=$!
trap 'nginx -s stop -c "$NGINX_DIR/nginx.conf" 2>/dev/null || true; kill -TERM "$BARE_PID" 2>/dev/null || true; stop_apphost' EXIT
until curl -s -o /dev/null "http://127.0.0.1:$BARE_PORT/"; do sleep 0.2; done
cmp <(curl -s "http://127.0.0.1:$NGINX_PORT/api/festivals") <(curl -s http://localhost:5080/api/festivals) && echo "bodies identical: $(stat -c %s "$NGINX_DIR/www/api/festivals") bytes"

wrk -t1 -c4 -d3s http://localhost:5080/api/festivals >/dev/null   # warm the cache and the JIT
wrk -t1 -c4 -d3s "http://127.0.0.1:$BARE_PORT/api/festivals" >/dev/null
before=$(count http://localhost:5081)
echo "--- nginx, static file"; NGINX=$(run_wrk "http://127.0.0.1:$NGINX_PORT/api/festivals")
echo "$NGINX"
echo "--- Kestrel alone, the same bytes from memory"; BARE=$(run_wrk "http://127.0.0.1:$BARE_PORT/api/festivals")
echo "$BARE"
kill -TERM "$BARE_PID"
echo "--- gateway, cache hit"; HIT=$(run_wrk http://localhost:5080/api/festivals)
echo "$HIT"
after=$(count http://localhost:5081)
echo "    DynamoDB requests by the festivals service during the hit run: $((after - before))"
python3 - "$NGINX" "$HIT" "$BARE" <<'PY'
import sys, re
rps = lambda s: float(re.search(r"requests/s: ([\d.]+)", s).group(1))
print(f"--- ratio gateway/nginx: {rps(sys.argv[2]) / rps(sys.argv[1]):.2f} (Kestrel alone/nginx: {rps(sys.argv[3]) / rps(sys.argv[1]):.2f})")
PY

nginx -s stop -c "$NGINX_DIR/nginx.conf"
stop_apphost
echo "--- gateway, cache off (every request reaches the festivals service and DynamoDB Local)"
export Gateway__Cache__Enabled=false
start_apphost
wrk -t1 -c4 -d3s http://localhost:5080/api/festivals >/dev/null
run_wrk http://localhost:5080/api/festivals
