#!/usr/bin/env bash
# Cross-check of the density workload's memory per container, outside the suite's code path (issue 16, step 6).
#
# The docker CLI starts N held probes with the same image, runtime, lock-down and limits as `isobench run --workloads
# density`; MemAvailable is read before and after (when every probe has written its ready line and 2 s have passed),
# and the drop per container is set beside what the suite then reports for the same runtime at the same N: its own
# MemAvailable drop, its PSS (which adds up the cage's processes, the runtime's own included) and PSS plus those
# processes' page tables and kernel stacks (kernel memory no PSS counts). Both runs happen on
# a quiet machine one after the other; the difference is printed, the goal is within 15 %.
#
# Usage (root, the engine up, the probe image built by an earlier run): benchmarks/density-crosscheck.sh [RUNTIME] [N]
set -euo pipefail

runtime=${1:-runsc}
n=${2:-16}
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
isobench=$root/harness/IsolationBench.Cli/bin/Release/net10.0/isobench
image=isolationbench/probe:0.1.0-linux
label=isolationbench.crosscheck=$$

[ "$(id -u)" = 0 ] || { echo "density-crosscheck: run as root (sudo $0)" >&2; exit 2; }
[ -x "$isobench" ] || { echo "density-crosscheck: build first: dotnet build IsolationBench.Run.slnf -c Release" >&2; exit 2; }
docker image inspect "$image" >/dev/null 2>&1 || { echo "density-crosscheck: no $image: run isobench once (it builds the probe image)" >&2; exit 2; }

cleanup() { docker ps -aq --filter "label=$label" | xargs -r docker rm -f >/dev/null; }
trap cleanup EXIT
available_kib() { awk '/^MemAvailable:/ { print $2 }' /proc/meminfo; }

sync
sleep 2
before=$(available_kib)
for _ in $(seq 1 "$n"); do
  # -i: an open stdin holds the probe (it ends when stdin closes), as the suite's held containers do.
  docker run -d -i --label "$label" --runtime "$runtime" --network none --cap-drop ALL \
    --security-opt no-new-privileges:true --pids-limit 256 --memory 2g --cpuset-cpus "0-$(($(nproc) - 1))" \
    "$image" --hold >/dev/null
done
for id in $(docker ps -q --filter "label=$label"); do
  for _ in $(seq 1 200); do
    docker logs "$id" 2>/dev/null | grep -q . && break
    sleep 0.1
  done
done
sleep 2
after=$(available_kib)
cleanup
shell=$(awk -v b="$before" -v a="$after" -v n="$n" 'BEGIN { printf "%.2f", (b - a) / 1024 / n }')

sleep 5
out=$(mktemp -d /tmp/isobench-crosscheck.XXXXXX)
"$isobench" run --modes "$runtime" --workloads density --density-max "$n" --output "$out" --run-id crosscheck --no-report >/dev/null
at_n() { awk -F, -v m="$1" -v n="$n" '$4 == "density" && $5 == m && $9 == n && $8 == "ok" { print $7 }' "$out/crosscheck/samples.csv" | head -1; }
suite_drop=$(at_n mem_available_drop)
suite_pss=$(at_n pss)
suite_kernel=$(at_n kernel_memory)
rm -rf "$out"

[ -n "$suite_drop" ] && [ -n "$suite_pss" ] && [ -n "$suite_kernel" ] || { echo "density-crosscheck: the suite's ladder did not reach $n containers" >&2; exit 1; }
awk -v r="$runtime" -v n="$n" -v s="$shell" -v d="$suite_drop" -v p="$suite_pss" -v k="$suite_kernel" 'BEGIN {
  printf "%s, %d held probes, MiB per container:\n", r, n
  printf "  shell (docker run -d, MemAvailable drop)  %8.2f\n", s
  printf "  suite MemAvailable drop                   %8.2f  (%+.1f %% vs shell)\n", d, (d / s - 1) * 100
  printf "  suite PSS (runtime included)              %8.2f  (%+.1f %% vs shell)\n", p, (p / s - 1) * 100
  printf "  suite PSS + page tables and kernel stacks %8.2f  (%+.1f %% vs shell)\n", p + k, ((p + k) / s - 1) * 100
}'
