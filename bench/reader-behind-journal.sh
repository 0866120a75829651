#!/usr/bin/env bash
# The hardening issue: what a public read pays when it meets another writer's journal, for BASE (default
# 9a3ccd0, the last main before the parallel-writes change, where a reader could finish a journal itself)
# and this checkout (readers never apply a journal: they wait at most WriteLimits.ReaderMaxWait, then 503),
# one after the other, each the whole application (Release) through the gateway on :5080.
# Two readers (one connection each, a 5 ms pause between reads) read the pages a new 150-band edition
# writes — the festival, its editions list, the edition being written, the line-up's bands' festival
# pages — uncached (a valid X-Api-Key bypasses the edge cache): first QUIET seconds without writes, then
# WRITING seconds while one writer puts new 150-band editions of that festival back to back. A third reader
# reads pages no write touches (other bands' festivals): the control, what the load alone costs a read.
# Reported per phase: the reads' p50/p99/max, their statuses (503s counted), and the writes' times.
# Usage: bench/reader-behind-journal.sh [QUIET seconds, default 15] [WRITING seconds, default 30] [base ref, default 9a3ccd0]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
exec > >(tee "$RESULTS/reader-behind-journal.txt") 2>&1
QUIET=${1:-15}
WRITING=${2:-30}
BASE=${3:-9a3ccd0}
export METALFESTS_ADMIN_KEY=${METALFESTS_ADMIN_KEY:-bench-admin-key-$(openssl rand -hex 16)}  # the AppHost wants ≥ 32 characters
export Gateway__RateLimits__AdminRatePerSecond=1000000 Gateway__RateLimits__AdminBurst=1000000 Gateway__RateLimits__AdminMonthlyQuota=1000000000

use_base_tree "$BASE"

measure() {
  PYTHONDONTWRITEBYTECODE=1 PYTHONPATH="$ROOT/bench" python3 - "$ROOT/data/db.json" "$QUIET" "$WRITING" <<'PY'
import collections, http.client, json, random, sys, threading, time
from admin_client import KEY, call, edition, report
d = json.load(open(sys.argv[1])); quiet, writing = float(sys.argv[2]), float(sys.argv[3])
bands = sorted({b["key"] for b in d["bands"] if b["key"]})
lineup = bands[300:450]
festival = f"rbj-{str(int(time.time()))[-6:]}"
call("POST", "/api/admin/festivals", {"key": festival, "name": f"Reader bench {festival}", "location": "Clisson, France"})
year = [1900]  # new editions from 1901 on (the API takes 1900–2100): ~200 writes, more than WRITING seconds allow
for _ in range(2):  # warm-up: JIT, connections, and the pages exist before the quiet phase
    year[0] += 1; call("PUT", f"/api/festivals/{festival}/editions/{year[0]}", edition(year[0], lineup))

def path(i):
    """Every third read a festival page (the festival, its editions, the edition the writer is on), else a line-up band's festivals."""
    if i % 3: return f"/api/bands/{random.choice(lineup)}/festivals"
    return [f"/api/festivals/{festival}", f"/api/festivals/{festival}/editions", f"/api/festivals/{festival}/editions/{year[0]}"][i // 3 % 3]

others = bands[600:750]  # bands no write of the run touches: what a read pays for the load alone

def reader(stop, samples, path):
    conn = http.client.HTTPConnection("localhost", 5080); i = 0
    while not stop.is_set():
        p = path(i); i += 1
        start = time.perf_counter()
        conn.request("GET", p, headers={"X-Api-Key": KEY})
        r = conn.getresponse(); r.read()
        samples.append(((time.perf_counter() - start) * 1000, r.status, r.getheader("X-Cache"), r.getheader("Retry-After")))
        time.sleep(0.005)

def phase(name, seconds, write):
    samples, control, writes, failed = [], [], [], []
    stop = threading.Event()
    readers = [threading.Thread(target=reader, args=(stop, samples, path)) for _ in range(2)]
    readers.append(threading.Thread(target=reader, args=(stop, control, lambda i: f"/api/bands/{random.choice(others)}/festivals")))
    for t in readers: t.start()
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if not write: time.sleep(0.1); continue
        y = year[0] + 1
        if y > 2100: break
        try: writes.append(call("PUT", f"/api/festivals/{festival}/editions/{y}", edition(y, lineup)))
        except SystemExit as e: failed.append(str(e))
        year[0] = y
    stop.set()
    for t in readers: t.join()
    summary(f"reads {name}", samples)
    summary(f"control reads {name} (other bands' festivals)", control)
    if write:
        if writes: report("the writer's PUT new 150-band edition (303 items), back to back", writes)
        if failed: print(f"--- writes failed: {len(failed)}, first: {failed[0]}")

def summary(name, samples):
    ms = sorted(s[0] for s in samples)
    q = lambda f: ms[min(len(ms) - 1, int(f * len(ms)))]
    statuses = collections.Counter(s[1] for s in samples)
    unavailable = [s for s in samples if s[1] == 503]
    print(f"--- {name}: n={len(ms)} p50 {q(0.5):.1f} ms, p99 {q(0.99):.1f} ms, max {ms[-1]:.1f} ms; "
          f">100 ms: {sum(m > 100 for m in ms)}, >1 s: {sum(m > 1000 for m in ms)}; statuses {dict(sorted(statuses.items()))}; "
          f"503: {len(unavailable)} (with Retry-After: {sum(s[3] is not None for s in unavailable)}); X-Cache seen {sorted({str(s[2]) for s in samples})}")

phase("without writes", quiet, False)
phase("during writes", writing, True)
PY
}

machine
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for tree in "$BASE_TREE" "$ROOT"; do
  echo "=== $( [ "$tree" = "$ROOT" ] && echo "this checkout" || echo "base $BASE") — commit $(git -C "$tree" rev-parse --short HEAD)"
  wait_for_ports reader-behind-journal  # before the build too: building during another engineer's bench would skew it
  dotnet build "$tree/MetalFests.AppHost" -c Release -v q -nologo >/dev/null
  wait_for_ports reader-behind-journal
  start_apphost "$tree"
  trap cleanup_base_tree EXIT  # start_apphost sets its own
  gateway_is_from "$tree"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  measure
  stop_apphost
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
done
