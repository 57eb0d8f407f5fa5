#!/usr/bin/env bash
# Runs every benchmark scenario in Release and prints the figures; pass a scenario name to run only that one.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project benchmarks/GongGrid.Benchmarks -- "${1:-all}"
