#!/usr/bin/env bash
# Regenerates the typed C# client the tests use (MetalFests.Tests/Client/Generated/) from the
# committed API document MetalFests.Tests/Client/openapi.json, with the Kiota version pinned in
# .config/dotnet-tools.json. GeneratedClientDriftTests rewrites that document from the running API
# when it changes; run this afterwards and commit both.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
# Offline: no update check against GitHub, no telemetry, no tutorial hints.
export KIOTA_UPDATE_DISABLED=true KIOTA_UPDATE__DISABLED=true KIOTA_TELEMETRY__OPTOUT=true KIOTA_TUTORIAL_ENABLED=false DOTNET_CLI_TELEMETRY_OPTOUT=1
dotnet tool restore >/dev/null
dotnet kiota generate \
  --openapi MetalFests.Tests/Client/openapi.json \
  --language CSharp \
  --class-name MetalFestsClient \
  --namespace-name MetalFests.Tests.Client.Generated \
  --output MetalFests.Tests/Client/Generated \
  --exclude-backward-compatible \
  --clean-output \
  --log-level Warning
# Kiota's lock file records the absolute path it was generated from; keep it relative.
sed -i "s#\"descriptionLocation\": \".*\"#\"descriptionLocation\": \"../openapi.json\"#" MetalFests.Tests/Client/Generated/kiota-lock.json
