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
# perf names JIT-compiled frames from /tmp/perf-<pid>.map; with W^X on, code runs from a double mapping it cannot name.
start_gateway "$ROOT/MetalFests.Gateway/bin/Release/net10.0/MetalFests.Gateway.dll" "$ROOT/MetalFests.Gateway" "$PORT" profile "$URL_PATH" \
  DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0
TWIN=$TWIN_PID
trap 'kill -TERM $TWIN 2>/dev/null || true; stop_apphost' EXIT
wrk -t1 -c4 -d5s "http://localhost:$PORT$URL_PATH" >/dev/null   # the JIT's tiers settle
GATEWAY=$(listener_pid "$PORT")
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
