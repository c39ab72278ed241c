#!/usr/bin/env bash
# Floor check for runtime-direct startup (issue 18): `runc run` of the probe's OCI bundle timed as one whole process
# from the shell, N times, median — the figure the harness's runtime-direct runc total (create → start → ready →
# exit → delete, three runtime processes) is compared with (goal: within 10 %).
# The bundle is the harness's: rootfs exported from the probe image through the engine, config.json =
# runtime-floor.config.json (the harness's OciConfig output for the probe, 1 CPU, 512 MiB, locked down; a unit test,
# FloorConfigTests, keeps the two equal).
# --split times what the harness does instead, from the shell: create, start, wait for the output to close, delete
# (three runtime processes): the floor of the harness's own method, apart from what `runc run` saves by being one process.
# Usage: sudo benchmarks/runtime-floor.sh [--runs N] [--warmup N] [--runtime PATH] [--image REF] [--split]
# Output: one line per run (ms), then "median_ms=X runs=N" on the last line. Exit 2 on bad input, 1 on failure.
set -euo pipefail
# $EPOCHREALTIME and awk write the decimal point of the locale: fix it.
export LC_ALL=C

runs=30
warmup=3
runtime=runc
image=isolationbench/probe:0.1.0-linux
split=0
here=$(cd "$(dirname "$0")" && pwd)

while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=${2:-}; shift 2 ;;
    --warmup) warmup=${2:-}; shift 2 ;;
    --runtime) runtime=${2:-}; shift 2 ;;
    --image) image=${2:-}; shift 2 ;;
    --split) split=1; shift ;;
    *) echo "unknown option '$1': use --runs N, --warmup N, --runtime PATH, --image REF, --split" >&2; exit 2 ;;
  esac
done
case "$runs" in ''|*[!0-9]*) echo "--runs takes a whole number >= 20 (got '$runs')" >&2; exit 2 ;; esac
case "$warmup" in ''|*[!0-9]*) echo "--warmup takes a whole number (got '$warmup')" >&2; exit 2 ;; esac
if [ "$runs" -lt 20 ]; then echo "--runs must be at least 20 for a median worth quoting (got $runs)" >&2; exit 2; fi
if [ "$(id -u)" -ne 0 ]; then echo "run as root (sudo): OCI runtimes need it" >&2; exit 2; fi
command -v "$runtime" >/dev/null || { echo "runtime '$runtime' not found: install it or pass --runtime PATH" >&2; exit 2; }
docker image inspect "$image" >/dev/null 2>&1 || { echo "image $image not found: build it first (isobench run builds the probe image)" >&2; exit 2; }

work=$(mktemp -d /run/isobench-floor.XXXXXX)
container=""
cleanup() {
  [ -n "$container" ] && docker rm -f "$container" >/dev/null 2>&1 || true
  for id in $("$runtime" --root "$work/state" list --quiet 2>/dev/null); do "$runtime" --root "$work/state" delete --force "$id" >/dev/null 2>&1 || true; done
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

mkdir -p "$work/bundle/rootfs" "$work/state"
container=$(docker create --network none --label isolationbench.run=runtime-floor "$image")
docker export "$container" | tar -C "$work/bundle/rootfs" -x
docker rm "$container" >/dev/null
container=""
cp "$here/runtime-floor.config.json" "$work/bundle/config.json"

# The probe must answer as it does in the harness (ready line first), or the timing means nothing.
first=$("$runtime" --root "$work/state" run --bundle "$work/bundle" isobench-floor-check | head -n 1)
[ "$first" = "ISOBENCH-READY" ] || { echo "the probe's first line was '$first', not ISOBENCH-READY" >&2; exit 1; }

# Output into a pipe, as the harness reads it; its reader is started once, before any clock.
exec 3> >(cat >/dev/null)
times=()
for ((i = 0; i < warmup + runs; i++)); do
  if [ "$split" -eq 1 ]; then
    # The container's output goes to this run's own reader; its end is the container's exit, as in the harness.
    mkfifo "$work/out-$i"
    cat "$work/out-$i" >/dev/null &
    reader=$!
    start=$EPOCHREALTIME
    "$runtime" --root "$work/state" create --bundle "$work/bundle" "isobench-floor-$i" >"$work/out-$i" 2>&1
    "$runtime" --root "$work/state" start "isobench-floor-$i"
    wait "$reader"
    "$runtime" --root "$work/state" delete --force "isobench-floor-$i"
    end=$EPOCHREALTIME
  else
    start=$EPOCHREALTIME
    "$runtime" --root "$work/state" run --bundle "$work/bundle" "isobench-floor-$i" >&3
    end=$EPOCHREALTIME
  fi
  if [ "$i" -ge "$warmup" ]; then
    ms=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", (e - s) * 1000 }')
    times+=("$ms")
    echo "$ms"
  fi
done

printf '%s\n' "${times[@]}" | sort -g | awk -v n="$runs" '{ v[NR] = $1 } END { m = (n % 2) ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2; printf "median_ms=%.3f runs=%d\n", m, n }'
