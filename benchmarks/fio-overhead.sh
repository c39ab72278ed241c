#!/usr/bin/env bash
# How much of fio's random-read figure is fio itself (issue 14): fio's queue-depth-1 buffered 4 KiB random reads set
# beside a bare C loop of the same reads — the fewest instructions a reader can spend around pread — on the same
# file, with the same flags (POSIX_FADV_RANDOM, the pages dropped before, 4096 distinct random pages of 256 MiB).
# Pairs alternate ABBA (C then fio, fio then C) so a drifting disk falls on both; per pair the log ratio of fio's
# figure to the loop's, then the geometric mean with a ~95 % interval (mean ± 2 standard errors).
# Two fio figures: its mean latency per read (lat_ns: what the suite compares ours with) and total_ios ÷ runtime
# (its IOPS, which also times fio's own work between reads and its invalidate at the job's start).
# --cpu N pins both sides to CPU N (on a VM the reader's CPU against the disk's interrupt CPU changes a read by ~30 %).
# Usage: benchmarks/fio-overhead.sh [--pairs N] [--dir DIR] [--cpu N]   (needs fio and a C compiler)
# Output: the two lines "fio lat|fio iops slower than the loop by X % (CI a … b), pairs N". Exit 2 on bad input.
set -euo pipefail
export LC_ALL=C

pairs=40
dir=/var/tmp/isobench-fio-overhead
cpu=
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --pairs) pairs=${2:?--pairs needs a number}; shift 2 ;;
    --dir) dir=${2:?--dir needs a directory}; shift 2 ;;
    --cpu) cpu=${2:?--cpu needs a CPU number}; shift 2 ;;
    --fio-option) extra+=("${2:?--fio-option needs an option such as --norandommap=1}"); shift 2 ;;
    *) echo "fio-overhead: unknown argument $1 (use --pairs N, --dir DIR, --cpu N, --fio-option OPT)" >&2; exit 2 ;;
  esac
done
[[ "$pairs" =~ ^[1-9][0-9]*$ ]] || { echo "fio-overhead: --pairs $pairs is not a positive number" >&2; exit 2; }
command -v fio >/dev/null || { echo "fio-overhead: no fio (apt-get install fio)" >&2; exit 2; }
command -v cc >/dev/null || { echo "fio-overhead: no C compiler (apt-get install gcc)" >&2; exit 2; }

work=$(mktemp -d /tmp/isobench-fio-overhead.XXXXXX)
trap 'rm -rf "$work"' EXIT
cat > "$work/loop.c" <<'C'
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
/* argv: file, reads, seed. Prints microseconds per read: open + POSIX_FADV_RANDOM + the reads, the drop untimed. */
static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec * 1e6 + t.tv_nsec / 1e3; }
int main(int argc, char **argv) {
  if (argc != 4) return 2;
  long pages = (256L << 20) / 4096, n = atol(argv[2]);
  long *page = malloc(pages * sizeof *page);
  for (long i = 0; i < pages; i++) page[i] = i;
  srandom((unsigned)atol(argv[3]));
  for (long i = pages - 1; i > 0; i--) { long j = random() % (i + 1), t = page[i]; page[i] = page[j]; page[j] = t; }
  char *buffer = aligned_alloc(4096, 4096);
  int drop = open(argv[1], O_RDONLY); posix_fadvise(drop, 0, 0, POSIX_FADV_DONTNEED); close(drop);
  double start = now();
  int fd = open(argv[1], O_RDONLY | O_CLOEXEC);
  posix_fadvise(fd, 0, 0, POSIX_FADV_RANDOM);
  for (long i = 0; i < n; i++) if (pread(fd, buffer, 4096, page[i] * 4096) != 4096) return 1;
  printf("%.3f\n", (now() - start) / n);
  return 0;
}
C
cc -O2 -o "$work/loop" "$work/loop.c"

mkdir -p "$dir"
file=$dir/read.dat
[ "$(stat -c %s "$file" 2>/dev/null || echo 0)" = 268435456 ] || dd if=/dev/urandom of="$file" bs=1M count=256 conv=fsync status=none

pin=()
fio_pin=()
if [ -n "$cpu" ]; then pin=(taskset -c "$cpu"); fio_pin=(--cpus_allowed="$cpu"); fi
loop() { "${pin[@]}" "$work/loop" "$file" 4096 "$1"; }
fio_once() {
  fio --output-format=json --directory="$dir" --ioengine=psync --iodepth=1 --filename=read.dat --rw=randread --bs=4096 \
    --size=268435456 --direct=0 --fadvise_hint=random --number_ios=4096 --invalidate=1 "${fio_pin[@]}" "${extra[@]}" --name=j \
    | awk '/"read" :/ { r = 1 } r && /"total_ios"/ { gsub(/[^0-9]/, ""); ios = $0 } r && /"runtime"/ && !rt { gsub(/[^0-9]/, ""); rt = $0 }
           r && /"lat_ns"/ { l = 1 } l && /"mean"/ && !done { gsub(/[^0-9.]/, ""); print $0 / 1000, rt * 1000 / ios; done = 1 }'
}

for i in $(seq 1 "$pairs"); do
  if [ $((i % 2)) = 1 ]; then c=$(loop "$i"); f=$(fio_once); else f=$(fio_once); c=$(loop "$i"); fi
  echo "$c $f"
done | awk -v n="$pairs" '
  { c = $1; lat = $2; iops = $3; a[NR] = log(lat / c); b[NR] = log(iops / c) }
  function report(name, x,   i, m, s) {
    m = 0; for (i = 1; i <= NR; i++) m += x[i]; m /= NR
    s = 0; for (i = 1; i <= NR; i++) s += (x[i] - m) ^ 2; s = sqrt(s / (NR - 1) / NR)
    printf "%s slower than the loop by %+.1f %% (CI %+.1f … %+.1f), pairs %d\n", name, (exp(m) - 1) * 100, (exp(m - 2 * s) - 1) * 100, (exp(m + 2 * s) - 1) * 100, NR
  }
  END { report("fio lat ", a); report("fio iops", b) }'
