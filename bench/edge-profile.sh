#!/usr/bin/env bash
# Where a cache hit's CPU goes (issue 13, target 1): a CPU profile of the gateway under wrk, by perf.
# Starts the application, then this tree's gateway (Release) as bench/edge-cache.sh does — with the environment
# the AppHost gave its own — plus perf's map of JIT-compiled code, and samples it for 12 s of a 20 s wrk run
# (2 threads, 64 connections) on GET /api/festivals (a hit). Prints the share of the gateway's CPU by module
# (kernel, each .NET assembly) and the top functions, self and inclusive; raw data in bench/results/edge-profile.data.
# Usage: bench/edge-profile.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"
exec > >(tee "$RESULTS/edge-profile.txt") 2>&1
URL_PATH=/api/festivals
need wrk wrk
need perf linux-perf
start_apphost
machine
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min)"
PORT=$(free_port)
python3 - "$(ss -ltnpH "sport = :5080" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)" "$PORT" "$ROOT" >"$RESULTS/gateway-profile.log" 2>&1 <<'PY' &
import os, sys
pid, port, root = sys.argv[1:]
with open(f"/proc/{pid}/environ") as f:
    env = dict(item.split("=", 1) for item in f.read().split("\0") if "=" in item)
env["ASPNETCORE_URLS"] = f"http://localhost:{port}"
env["OTEL_SERVICE_NAME"] = "gateway-profile"
env.pop("OTEL_RESOURCE_ATTRIBUTES", None)
# perf names JIT-compiled frames from /tmp/perf-<pid>.map; with W^X on, code runs from a double mapping it cannot name.
env["DOTNET_PerfMapEnabled"] = "1"
env["DOTNET_EnableWriteXorExecute"] = "0"
os.chdir(f"{root}/MetalFests.Gateway")
os.execvpe("dotnet", ["dotnet", f"{root}/MetalFests.Gateway/bin/Release/net10.0/MetalFests.Gateway.dll"], env)
PY
TWIN=$!
trap 'kill -TERM $TWIN 2>/dev/null || true; stop_apphost' EXIT
for _ in $(seq 1 60); do curl -sf -o /dev/null "http://localhost:$PORT$URL_PATH" && break; sleep 1; done
wrk -t1 -c4 -d5s "http://localhost:$PORT$URL_PATH" >/dev/null   # the JIT's tiers settle
GATEWAY=$(ss -ltnpH "sport = :$PORT" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
wrk -t2 -c64 -d20s "http://localhost:$PORT$URL_PATH" >"$RESULTS/edge-profile-wrk.txt" &
WRK=$!
sleep 3
perf record -F 999 -g -p "$GATEWAY" -o "$RESULTS/edge-profile.data" -- sleep 12 >/dev/null 2>&1
wait "$WRK"
grep -E 'Requests/sec' "$RESULTS/edge-profile-wrk.txt"
echo "--- the gateway's CPU by module"
perf report -i "$RESULTS/edge-profile.data" --no-children --sort dso -g none 2>/dev/null | grep -v '^#' | grep . | head -8
echo "--- by .NET assembly (JIT-compiled code, self)"
perf report -i "$RESULTS/edge-profile.data" --no-children --sort sym -g none 2>/dev/null | python3 -c '
import collections, re, sys
shares = collections.Counter()
for line in sys.stdin:
    if m := re.match(r"\s*([\d.]+)%\s+\[\.\]\s+.*?\[([A-Za-z][\w.]+)\]", line):
        shares[m.group(2)] += float(m.group(1))
for name, share in shares.most_common(15):
    print(f"{share:6.2f}%  {name}")'
echo "--- functions, inclusive (children counted)"
perf report -i "$RESULTS/edge-profile.data" --children --sort sym -g none 2>/dev/null | grep '\[\.\]' | grep -v '\] 0x' | sed -E 's/\(.*//' | cut -c1-180 | head -45
