#!/usr/bin/env bash
# Runs every GongGrid test and ends with one line "N passed, N failed".
# It installs and starts what the tests need on a machine that has none of it; today that is only the .NET SDK
# (checked, not installed: the machine image provides it) and the NuGet packages that `dotnet test` restores.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v dotnet >/dev/null 2>&1; then
  echo "test.sh: the .NET 10 SDK is required (dotnet not found on PATH)" >&2
  exit 1
fi

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
