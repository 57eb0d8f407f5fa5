#!/usr/bin/env bash
# Runs every GongGrid test and ends with one line "N passed, N failed".
# It installs what the tests need on a fresh Debian machine that has only the .NET SDK (checked, not installed: the
# machine image provides it): the Debian packages below (apt-get, as root or through sudo), the npm packages of the
# interop and dashboard tests, and the NuGet packages that `dotnet test` restores.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v dotnet >/dev/null 2>&1; then
  echo "test.sh: the .NET 10 SDK is required (dotnet not found on PATH)" >&2
  exit 1
fi

# Debian packages the tests need, each as "package:probe"; the probe (a command on PATH, or a file) shows it is there.
# Node.js and npm run the grpc-js interop test (tests/interop) and drive the dashboard test's browser (tests/dashboard);
# mosquitto is the broker the MQTT tests start; chromium is the headless browser the dashboard test opens the page in;
# kubectl (Debian's kubernetes-client) renders deploy/k8s with its kustomize, promtool (in prometheus) checks the
# alert rules in deploy/prometheus; PostgreSQL 15 is the cluster's database: the tests initdb a throwaway server of
# their own on a free loopback port (as the package's unprivileged postgres user when run as root), never the server
# the package sets up.
apt_packages=(nodejs:node npm:npm mosquitto:/usr/sbin/mosquitto chromium:/usr/bin/chromium kubernetes-client:kubectl prometheus:promtool postgresql:/usr/lib/postgresql/15/bin/initdb)

missing=()
for entry in "${apt_packages[@]}"; do
  package=${entry%%:*} probe=${entry#*:}
  if [[ $probe == /* ]]; then [ -x "$probe" ] || missing+=("$package"); else command -v "$probe" >/dev/null 2>&1 || missing+=("$package"); fi
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    as_root=()
  elif command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
  else
    echo "test.sh: ${missing[*]} must be installed, and installing needs root or sudo" >&2
    exit 1
  fi
  echo "test.sh: installing ${missing[*]} with apt-get" >&2
  "${as_root[@]}" apt-get update -qq
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

# The npm packages of the interop test (grpc-js, mqtt.js) and of the dashboard test (playwright-core, which drives the
# Debian chromium above and downloads no browser of its own), each installed again only when its lock file changed.
for folder in tests/interop tests/dashboard; do
  installed_lock=$folder/node_modules/.installed-package-lock.json
  if ! cmp -s "$folder/package-lock.json" "$installed_lock"; then
    npm ci --prefix "$folder" --no-audit --no-fund >&2
    cp "$folder/package-lock.json" "$installed_lock"
  fi
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
log=$(mktemp)
trap 'rm -f "$log"' EXIT

set +e
dotnet test GongGrid.sln --configuration Release 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# dotnet test prints one "Passed!/Failed! - Failed: F, Passed: P, ..." line per test project.
awk '/(Passed|Failed)! +- +Failed:/ {
       gsub(",", "");
       for (i = 1; i <= NF; i++) { if ($i == "Failed:") failed += $(i + 1); if ($i == "Passed:") passed += $(i + 1) }
     }
     END { printf "%d passed, %d failed\n", passed, failed }' "$log"
exit "$status"
