#!/usr/bin/env bash
# The floor under issue 6's edition target: how long DynamoDB Local alone takes to write the items a
# new 150-band edition must write (150 band list rows with their festivalCount, 150 appearances),
# with no service, lease, journal or HTTP in front. A fresh in-memory DynamoDB Local is loaded with
# db.json by the migrator (the table the application reads), then the rows are written back whole,
# as the journal writes them: BatchWriteItem, 25 items a request, 1, 2 or 4 requests in flight; then
# the same items as TransactWriteItems of 100 (what a write that must stay atomic and fenced pays at
# least). And the floor under the parallel-writes target: one small transaction (25 items, about what a
# 10-band edition writes) alone, and 20 such transactions on 20 disjoint sets of items sent at once.
# Usage: bench/dynamodb-write-floor.sh [runs per setting, default 20]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
exec > >(tee "$RESULTS/dynamodb-write-floor.txt") 2>&1
RUNS=${1:-20}

build_migrator_and_database
machine

start_dynamodb_local
trap 'kill -TERM $DDB_PID 2>/dev/null || true' EXIT
dotnet "$MIGRATOR" --endpoint "http://localhost:$DDB_PORT" --create-table > "$RESULTS/dynamodb-write-floor-migration.log"

python3 - "$DDB_PORT" "$RUNS" <<'PY'
import concurrent.futures, http.client, json, statistics, sys, threading, time
port, runs = int(sys.argv[1]), int(sys.argv[2])
local = threading.local()
# DynamoDB Local keeps one database per access key and region: the migrator's ("local", StorageOptions.DefaultRegion).
region = "eu-west-1"

def call(action, body):
    # DynamoDB Local checks that a request is signed, not the signature.
    if not hasattr(local, "conn"):
        local.conn = http.client.HTTPConnection("localhost", port)
    local.conn.request("POST", "/", json.dumps(body), {
        "Content-Type": "application/x-amz-json-1.0", "X-Amz-Target": f"DynamoDB_20120810.{action}",
        "Authorization": f"AWS4-HMAC-SHA256 Credential=local/20260101/{region}/dynamodb/aws4_request, SignedHeaders=host, Signature=0"})
    response = local.conn.getresponse(); payload = json.loads(response.read())
    if response.status != 200: raise SystemExit(f"{action}: {response.status} {payload}")
    return payload

table = call("ListTables", {})["TableNames"][0]
rows = call("Query", {"TableName": table, "KeyConditionExpression": "PK = :pk", "ExpressionAttributeValues": {":pk": {"S": "METADATA#BANDS"}}, "Limit": 150})["Items"]
def appearances_of(row):
    return call("Query", {"TableName": table, "KeyConditionExpression": "PK = :pk AND begins_with(SK, :a)",
                          "ExpressionAttributeValues": {":pk": {"S": row["SK"]["S"]}, ":a": {"S": "APPEARANCE#"}}})["Items"]
sample = next(a[0] for a in map(appearances_of, rows) if a)
appearances = [dict(sample, PK={"S": row["SK"]["S"]}, SK={"S": "APPEARANCE#2030#bench-floor"}) for row in rows]
items = rows + appearances
print(f"items per write: {len(rows)} band list rows + {len(appearances)} appearances = {len(items)}, {len(json.dumps(items)) // 1024} KB as JSON")

def write(chunk):
    pending = [{"PutRequest": {"Item": i}} for i in chunk]
    while pending:
        pending = call("BatchWriteItem", {"RequestItems": {table: pending}}).get("UnprocessedItems", {}).get(table, [])

def once(in_flight):
    chunks = [items[i:i + 25] for i in range(0, len(items), 25)]
    start = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(in_flight) as pool:
        list(pool.map(write, chunks))
    return (time.perf_counter() - start) * 1000

def transact(chunk):
    call("TransactWriteItems", {"TransactItems": [{"Put": {"TableName": table, "Item": i}} for i in chunk]})

def once_transactions(in_flight, size=100):
    chunks = [items[i:i + size] for i in range(0, len(items), size)]
    start = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(in_flight) as pool:
        list(pool.map(transact, chunks))
    return (time.perf_counter() - start) * 1000

# 20 disjoint sets of 25 items (festival-like partitions of their own), written as one transaction each.
small = [[dict(sample, PK={"S": f"FESTIVAL#bench-floor-{w}"}, SK={"S": f"ITEM#{n:02d}"}) for n in range(25)] for w in range(20)]
def one_small():
    start = time.perf_counter(); transact(small[0]); return (time.perf_counter() - start) * 1000
def twenty_small():
    barrier = threading.Barrier(21)
    def go(w):
        barrier.wait(); transact(small[w])
    threads = [threading.Thread(target=go, args=(w,)) for w in range(20)]
    for t in threads: t.start()
    barrier.wait(); start = time.perf_counter()
    for t in threads: t.join()
    return (time.perf_counter() - start) * 1000

def report(label, samples):
    samples = sorted(samples)
    print(f"--- {label}: median {statistics.median(samples):.1f} ms, "
          f"p90 {samples[int(len(samples) * 0.9) - 1]:.1f} ms, min {samples[0]:.1f} ms (n={len(samples)})")
    return statistics.median(samples)

for _ in range(5): once(4); once_transactions(4); twenty_small()   # warm-up: DynamoDB Local's JIT, connections
for in_flight in (1, 2, 4):
    report(f"{len(items)} items, BatchWriteItem, {in_flight} request(s) in flight", [once(in_flight) for _ in range(runs)])
for in_flight in (1, 4):
    report(f"{len(items)} items, TransactWriteItems of 100, {in_flight} in flight", [once_transactions(in_flight) for _ in range(runs)])
single = report("one transaction of 25 items, alone", [one_small() for _ in range(runs)])
batch = report("20 transactions of 25 items on disjoint items, sent at once (the batch)", [twenty_small() for _ in range(runs)])
print(f"--- ratio batch / single: {batch / single:.1f}x (20x if DynamoDB Local ran them one at a time)")
PY
