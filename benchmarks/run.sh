#!/usr/bin/env bash
# Runs every benchmark scenario in Release and prints the figures; pass a scenario name to run only that one.
# Each scenario runs in its own process. village-memory weighs objects with GC.GetTotalMemory, which is exact only
# under workstation GC, so it runs with that; the others run with server GC, as the silo does.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release benchmarks/GongGrid.Benchmarks >/dev/null
run() {
  if [ "$1" = village-memory ]; then export DOTNET_gcServer=0; else unset DOTNET_gcServer; fi
  dotnet run -c Release --no-build --project benchmarks/GongGrid.Benchmarks -- "$1"
}
if [ "${1:-all}" = all ]; then
  for scenario in runtime village-memory ingest flood national-night api-night-summary api-ingest orleans-dashboard journal mqtt-publish mqtt-e2e broker-kill cluster cluster-placement; do run "$scenario"; done
else
  run "$1"
fi
