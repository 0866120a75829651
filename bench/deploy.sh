#!/usr/bin/env bash
# Issue 11's deployment targets, measured here:
#  1. synth time: the CDK app alone (stub function code, as the tests synthesize) and through the pinned
#     CLI (`npm run synth`, which also runs `dotnet run`), offline;
#  2. the function package (festivals service, self-contained linux-arm64, as deployed), zipped, and its
#     variants: ReadyToRun, trimmed;
#  3. cold start: process start of the published service (this machine's RID, same variants) to the first
#     200 on /api/festivals, against DynamoDB Local loaded with db.json; median of N.
#  Native AOT is a fourth variant where clang is installed (`apt-get install clang zlib1g-dev`).
# Usage: bench/deploy.sh [cold starts per variant, default 10]; VARIANTS="readytorun aot" picks variants,
# SKIP_SYNTH=1 / SKIP_PACKAGE=1 skip parts 1 / 2.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
exec > >(tee "$RESULTS/deploy${VARIANTS:+-${VARIANTS// /-}}.txt") 2>&1
RUNS=${1:-10}
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20 CDK_DISABLE_CLI_TELEMETRY=true AWS_EC2_METADATA_DISABLED=true
WORK=$(mktemp -d)
export TMPDIR="$WORK/tmp"; mkdir -p "$TMPDIR"
DEPLOY="$ROOT/MetalFests.Deploy"
APP="$DEPLOY/bin/Release/net10.0/MetalFests.Deploy.dll"
now_ms() { date +%s%3N; }
cleanup() { kill -TERM "${DDB_PID:-}" "${SERVICE_PID:-}" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

machine
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min; this machine is shared)"
dotnet build "$DEPLOY" -c Release -v q -nologo >/dev/null
mkdir -p "$WORK/stub" && printf '#!/bin/sh\n' > "$WORK/stub/bootstrap"

if [ -z "${SKIP_SYNTH:-}" ]; then
echo; echo "== 1. synth (stub function code; website folder as it is)"
for i in 1 2 3; do
  rm -rf "$WORK/out"; t0=$(now_ms)
  CDK_OUTDIR="$WORK/out" CDK_CONTEXT_JSON="{\"prebuiltCodePath\":\"$WORK/stub\"}" dotnet "$APP" >/dev/null 2>&1
  echo "app alone (dotnet MetalFests.Deploy.dll), run $i: $(( $(now_ms) - t0 )) ms"
done
for i in 1 2 3; do
  t0=$(now_ms)
  npm --prefix "$DEPLOY" run synth -- -c prebuiltCodePath="$WORK/stub" -o "$WORK/cli-out" >/dev/null 2>&1
  echo "pinned CLI (npm run synth, dotnet run included), run $i: $(( $(now_ms) - t0 )) ms"
done
fi

echo; echo "== 2. function package: festivals, linux-arm64 (published as the deployment does)"
publish() { # variant rid folder [msbuild args]
  local variant=$1 rid=$2 folder=$3; shift 3
  local t0; t0=$(now_ms)
  if dotnet "$APP" publish festivals "$folder" "$rid" "$@" >"$WORK/publish-$variant-$rid.log" 2>&1; then
    echo "$variant $rid: published in $(( $(now_ms) - t0 )) ms, $(du -sm "$folder" | cut -f1) MB unzipped"
  else
    echo "$variant $rid: publish FAILED ($(grep -m3 -E 'error' "$WORK/publish-$variant-$rid.log" | sed 's/^ *//' | cut -c1-200 | tr '\n' ' '))"
    return 1
  fi
}
declare -A VARIANT_ARGS=(
  [self-contained]=""
  [readytorun]="-p:PublishReadyToRun=true"
  [trimmed]="-p:PublishTrimmed=true -p:TreatWarningsAsErrors=false"
  [aot]="-p:PublishAot=true -p:TreatWarningsAsErrors=false"
)
read -r -a VARIANTS <<< "${VARIANTS:-self-contained readytorun trimmed $(command -v clang >/dev/null && echo aot)}"
for variant in "${VARIANTS[@]}"; do
  [ -z "${SKIP_PACKAGE:-}" ] || break
  # shellcheck disable=SC2086
  if publish "$variant" linux-arm64 "$WORK/arm64-$variant" ${VARIANT_ARGS[$variant]}; then
    (cd "$WORK/arm64-$variant" && zip -qr -9 "$WORK/arm64-$variant.zip" .)
    echo "$variant linux-arm64: $(( $(stat -c %s "$WORK/arm64-$variant.zip") / 1024 / 1024 )) MB zipped ($(stat -c %s "$WORK/arm64-$variant.zip") bytes; Lambda: 250 MB unzipped, the 50 MB zipped limit is for direct uploads only, CDK uploads through S3)"
  fi
done

echo; echo "== 3. cold start: process start to first 200 on /api/festivals ($RUNS runs per variant, $(dotnet --info | grep -m1 RID | awk '{print $2}'))"
build_migrator_and_database
start_dynamodb_local
dotnet "$MIGRATOR" --endpoint "http://localhost:$DDB_PORT" --create-table > "$WORK/migration.log"
RID=$(dotnet --info | grep -m1 RID | awk '{print $2}')
for variant in "${VARIANTS[@]}"; do
  # shellcheck disable=SC2086
  publish "$variant" "$RID" "$WORK/local-$variant" ${VARIANT_ARGS[$variant]} || continue
  times=()
  for i in $(seq 1 "$RUNS"); do
    port=$(free_port)
    t0=$(now_ms)
    env AWS_LWA_PORT="$port" ASPNETCORE_URLS="http://127.0.0.1:$port" \
      DynamoDb__ServiceUrl="http://localhost:$DDB_PORT" DynamoDb__TableName=MetalFests DynamoDb__Region=eu-west-1 \
      "$WORK/local-$variant/bootstrap" >"$WORK/service.log" 2>&1 &
    SERVICE_PID=$!
    until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/festivals")" = 200 ]; do
      kill -0 "$SERVICE_PID" 2>/dev/null || { echo "$variant: the service exited"; tail -5 "$WORK/service.log"; break 2; }
      if [ $(( $(now_ms) - t0 )) -gt 60000 ]; then
        echo "$variant: no 200 within 60 s; the service says: $(grep -m1 -A2 -E 'fail:|Exception' "$WORK/service.log" | tr '\n' ' ' | cut -c1-300)"
        kill -TERM "$SERVICE_PID"; wait "$SERVICE_PID" 2>/dev/null || true; SERVICE_PID=; continue 3
      fi
      sleep 0.01
    done
    times+=($(( $(now_ms) - t0 )))
    kill -TERM "$SERVICE_PID"; wait "$SERVICE_PID" 2>/dev/null || true; SERVICE_PID=
  done
  sorted=$(printf '%s\n' "${times[@]}" | sort -n | tr '\n' ' ')
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')
  echo "$variant $RID: median $median ms (all: $sorted)"
done
