#!/usr/bin/env bash
# Issue 10 targets for the website, in Debian's Chromium driven by playwright-core:
#   first visit to / with a cold cache: ≤ 150 KB transferred (compressed) excluding posters and map
#   tiles, ≤ 4 API requests, first .festival-card on screen ≤ 1 s (median of N runs);
#   repeat visit: 0 bodies downloaded again when nothing changed.
# Starts the whole application (Release) unless METALFESTS_URL points at a running one.
# Usage: bench/website.sh [runs, default 10]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
exec > >(tee "$RESULTS/website.txt") 2>&1
RUNS=${1:-10}
[ -x /usr/lib/chromium/chromium ] || need chromium chromium
(cd "$ROOT/bench/website" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
if [ -z "${METALFESTS_URL:-}" ]; then
  start_apphost
  METALFESTS_URL=http://localhost:5080
fi
machine
echo "chromium: $(/usr/lib/chromium/chromium --version 2>/dev/null | head -1)"
node "$ROOT/bench/website/website.mjs" "$METALFESTS_URL" "$RUNS"
