"""What the write benchmarks share: an admin call through the gateway on :5080 (one connection per
thread, timed), an edition body, and the report line."""
import http.client, json, os, statistics, threading, time

KEY = os.environ["METALFESTS_ADMIN_KEY"]
_local = threading.local()


def call(method, path, body):
    """Sends one admin write; its time in ms. Anything but a 2xx stops the benchmark."""
    if not hasattr(_local, "conn"):
        _local.conn = http.client.HTTPConnection("localhost", 5080)
    start = time.perf_counter()
    _local.conn.request(method, path, json.dumps(body), {"Content-Type": "application/json", "X-Api-Key": KEY})
    response = _local.conn.getresponse(); payload = response.read()
    elapsed = (time.perf_counter() - start) * 1000
    if response.status >= 300: raise SystemExit(f"{method} {path}: {response.status} {payload[:300]!r}")
    return elapsed


def edition(year, lineup):
    return {"dates": {"start": f"{year}-06-17", "end": f"{year}-06-20"}, "bands": [{"key": k, "size": i % 4} for i, k in enumerate(lineup)],
            "ticketPrice": 199.0, "currency": "EUR", "status": "announced"}


def report(name, samples):
    """Prints the line every write benchmark prints; returns the median."""
    s = sorted(samples)
    print(f"--- {name}: n={len(s)} median {statistics.median(s):.1f} ms, p90 {s[max(0, int(len(s)*0.9)-1)]:.1f} ms, min {s[0]:.1f}, max {s[-1]:.1f}")
    return statistics.median(s)
