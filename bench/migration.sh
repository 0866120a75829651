#!/usr/bin/env bash
# Issue 3 targets: the full db.json migrates into DynamoDB Local in ≤ 30 s; a re-run of the unchanged
# file in ≤ 30 s too. Each run: a fresh in-memory DynamoDB Local, the migrator (Release) with
# --create-table, then the same command again. Usage: bench/migration.sh [runs, default 3]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
exec > >(tee "$RESULTS/migration.txt") 2>&1
RUNS=${1:-3}

build_migrator_and_database
machine

for run in $(seq 1 "$RUNS"); do
  start_dynamodb_local
  for pass in first rerun; do
    start=$(date +%s.%N)
    dotnet "$MIGRATOR" --endpoint "http://localhost:$DDB_PORT" --create-table --report "$RESULTS/migration-$run-$pass.json" >"$RESULTS/migration-$run-$pass.log"
    end=$(date +%s.%N)
    python3 - "$RESULTS/migration-$run-$pass.json" "$run" "$pass" "$start" "$end" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); wall = float(sys.argv[5]) - float(sys.argv[4])
written = sum(r["items"]["written"].values())
phases = ", ".join(f"{k} {v:.1f}" for k, v in r["phaseSeconds"].items())
print(f"run {sys.argv[2]} {sys.argv[3]:5}: {wall:5.1f} s wall (process start to exit), {r['durationSeconds']:5.1f} s migrating "
      f"[{phases}]; {written} items written, {r['items']['unchanged']} unchanged, {len(r['verification']['problems'])} problems")
PY
  done
  kill "$DDB_PID"; wait "$DDB_PID" 2>/dev/null || true
done
