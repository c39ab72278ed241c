#!/usr/bin/env bash
# Installs gVisor's runsc (when missing) by building it offline from Debian's packaged Go source, and
# registers it with the Docker engine as runtime "runsc". Needs root. Idempotent: when runsc is installed,
# works and is registered, it prints nothing and exits 0.
#
#   1. apt-get install golang-go golang-gvisor-gvisor-dev g++ binutils (only what is missing);
#   2. rebuild the VDSO that Debian ships as a 1-byte placeholder (see build_vdso);
#   3. go build ./runsc in GOPATH mode, offline, in a temporary copy of the source; install
#      /usr/local/bin/runsc;
#   4. merge the runtime into /etc/docker/daemon.json and SIGHUP dockerd (no restart).
#
# Env: RUNSC_LOG (default /var/log/install-runsc.log) receives apt/compiler/go output of a build run.
set -euo pipefail

readonly RUNSC=/usr/local/bin/runsc
readonly DAEMON_JSON=/etc/docker/daemon.json
readonly GVISOR_SRC=/usr/share/gocode/src/gvisor.dev/gvisor
readonly PKGS=(golang-go golang-gvisor-gvisor-dev g++ binutils)
readonly LOG=${RUNSC_LOG:-/var/log/install-runsc.log}
SCRIPT_DIR=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
readonly LDS="$SCRIPT_DIR/runsc/vdso.lds"

# Flags passed to runsc by the engine for every container:
#  --network=none   gVisor 2022-12-19 (Debian's version) refuses to set up its netstack on this 6.x kernel:
#                   its root-network-namespace check misfires ("cannot run with network enabled in root
#                   network namespace", even in a container's own netns). Without networking
#                   the sandbox starts fine; our benchmark containers run with --network none anyway.
#  --platform=ptrace  Only ptrace works on these machines. /dev/kvm exists but is a software (PVM) KVM
#                   without vmx/svm, and --platform=kvm spins forever at sandbox start. ptrace is also
#                   the default of this version; we pin it so a changed default cannot pick kvm.
#                   NB: every runsc figure measured here is gVisor-ptrace-in-a-VM, not gVisor-KVM.
readonly RUNTIME_ARGS_JSON='["--network=none", "--platform=ptrace"]'

log() { printf 'install-runsc: %s\n' "$*" >&2; }
die() { printf 'install-runsc: error: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || die "must run as root (try: sudo $0)"
command -v python3 >/dev/null 2>&1 || die "python3 is required (to merge $DAEMON_JSON)"

runsc_ok() { [ -x "$RUNSC" ] && timeout 20 "$RUNSC" --version >/dev/null 2>&1; }

# Merges runtime "runsc" into daemon.json, keeping every other key and runtime. With --check it only
# reports (exit 0 = already registered as wanted, 1 = needs writing). Writes atomically (temp + rename).
merge_daemon_json() {
  IR_RUNSC="$RUNSC" IR_DAEMON_JSON="$DAEMON_JSON" IR_ARGS="$RUNTIME_ARGS_JSON" python3 - "$@" <<'PY'
import json, os, sys, tempfile
path, check = os.environ["IR_DAEMON_JSON"], "--check" in sys.argv[1:]
want = {"path": os.environ["IR_RUNSC"], "runtimeArgs": json.loads(os.environ["IR_ARGS"])}
cfg = {}
if os.path.exists(path):
    with open(path) as f:
        text = f.read().strip()
    try:
        cfg = json.loads(text) if text else {}
    except ValueError as e:
        sys.stderr.write("install-runsc: error: %s is not valid JSON: %s\n" % (path, e))
        sys.exit(2)
    if not isinstance(cfg, dict):
        sys.stderr.write("install-runsc: error: %s is not a JSON object\n" % path)
        sys.exit(2)
runtimes = cfg.setdefault("runtimes", {})
if runtimes.get("runsc") == want:
    sys.exit(0)
if check:
    sys.exit(1)
runtimes["runsc"] = want
os.makedirs(os.path.dirname(path), exist_ok=True)
mode = os.stat(path).st_mode & 0o7777 if os.path.exists(path) else 0o644
fd, tmp = tempfile.mkstemp(prefix=".daemon.json.", dir=os.path.dirname(path))
try:
    with os.fdopen(fd, "w") as f:
        json.dump(cfg, f, indent=2)
        f.write("\n")
        f.flush()
        os.fsync(f.fileno())
    os.chmod(tmp, mode)
    os.replace(tmp, path)
except BaseException:
    os.unlink(tmp)
    raise
PY
}

dockerd_pid() {
  local pid=""
  [ -r /var/run/docker.pid ] && pid=$(cat /var/run/docker.pid 2>/dev/null || true)
  if [ -z "$pid" ] || ! kill -0 "$pid" 2>/dev/null; then
    pid=$(pidof -s dockerd 2>/dev/null || true)
  fi
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

engine_has_runsc() {
  timeout 10 docker info --format '{{range $k, $v := .Runtimes}}{{$k}} {{end}}' 2>/dev/null \
    | tr ' ' '\n' | grep -qx runsc
}

# --- Fast path: nothing to do ----------------------------------------------------------------------------
if runsc_ok && merge_daemon_json --check 2>/dev/null && { [ -z "$(dockerd_pid)" ] || engine_has_runsc; }; then
  exit 0
fi

# Serialize concurrent runs (e.g. CI setup racing a developer).
exec 9>/run/install-runsc.lock
flock -w 600 9 || die "another install-runsc is still running (lock /run/install-runsc.lock)"

# --- Build and install runsc ------------------------------------------------------------------------------
apt_install() {
  local missing=() p
  for p in "${PKGS[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]} (log: $LOG)"
  local apt=(env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}")
  # Refresh the package lists first only when there are none; otherwise only after a failed install.
  if ! compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null; then
    apt-get update -qq >>"$LOG" 2>&1 || die "apt-get update failed; see $LOG"
  fi
  if ! "${apt[@]}" >>"$LOG" 2>&1; then
    apt-get update -qq >>"$LOG" 2>&1 || die "apt-get update failed; see $LOG"
    "${apt[@]}" >>"$LOG" 2>&1 || die "apt-get install ${missing[*]} failed; see $LOG"
  fi
}

# Debian breakage: golang-gvisor-gvisor-dev ships pkg/sentry/loader/vdsodata/vdso.so as a 1-byte
# placeholder (upstream builds it with bazel; Debian cannot ship a prebuilt binary in a source package).
# runsc embeds it (go:embed) and panics at start-up: "failed to parse vdso.so as ELF file". We rebuild it
# the way upstream's bazel genrule did, with our own linker script (tools/runsc/vdso.lds), then check
# what the sentry's loader (pkg/sentry/loader/vdso.go, validateVDSO) and upstream's check_vdso step demand.
build_vdso() {
  local src=$1 out=$2
  (cd "$src" && g++ -I. -O2 -std=c++11 -m64 \
      -fPIC -fno-pie -fno-stack-protector -fno-exceptions \
      -fuse-ld=gold -shared -nostdlib \
      -Wl,-soname=linux-vdso.so.1 -Wl,--hash-style=sysv -Wl,--no-undefined -Wl,-Bsymbolic \
      -Wl,-z,max-page-size=4096 -Wl,-z,common-page-size=4096 \
      -Wl,-T"$LDS" -o "$out" vdso/vdso.cc vdso/vdso_time.cc) >>"$LOG" 2>&1 \
    || die "building the VDSO with g++/gold failed; see $LOG"

  # Directly mmappable: exactly one PT_LOAD, at file offset 0, filesz == memsz; plus the dynamic and
  # eh-frame headers. No relocations. No writable data (.data/.bss empty).
  local phdrs loads
  phdrs=$(readelf -lW "$out")
  loads=$(awk '$1 == "LOAD"' <<<"$phdrs")
  [ "$(wc -l <<<"$loads")" = 1 ] || die "VDSO must have exactly one PT_LOAD segment; see $LOG"
  awk '{ exit !($2 == "0x000000" && $5 == $6) }' <<<"$loads" \
    || die "VDSO PT_LOAD must start at offset 0 with filesz == memsz: $loads"
  grep -q '^  DYNAMIC ' <<<"$phdrs" || die "VDSO lacks PT_DYNAMIC"
  grep -q '^  GNU_EH_FRAME ' <<<"$phdrs" || die "VDSO lacks PT_GNU_EH_FRAME"
  [ "$(readelf -rW "$out" | sed '/^$/d')" = "There are no relocations in this file." ] \
    || die "VDSO contains relocations; see readelf -r"
  readelf -SW "$out" | sed -n 's/^ *\[ *[0-9]*\] //p' \
    | awk '$1 ~ /^\.(data|bss)/ && $5 !~ /^0+$/ { bad = 1 } END { exit bad }' \
    || die "VDSO contains a non-empty .data/.bss section"
  local dyn sym
  dyn=$(readelf --dyn-syms -W "$out")
  for sym in clock_gettime gettimeofday getcpu time; do
    for s in "$sym" "__vdso_$sym"; do
      grep -q " $s@@LINUX_2.6\$" <<<"$dyn" || die "VDSO does not export $s@@LINUX_2.6"
    done
  done
  grep -q " __kernel_rt_sigreturn@@LINUX_2.6\$" <<<"$dyn" || die "VDSO does not export __kernel_rt_sigreturn"
}

build_runsc() {
  [ -r "$LDS" ] || die "missing linker script $LDS (it ships next to this script)"
  : >"$LOG" 2>/dev/null || die "cannot write log $LOG"
  apt_install
  command -v go >/dev/null 2>&1 || die "go not found after installing golang-go"
  [ -f "$GVISOR_SRC/runsc/main.go" ] && [ -f "$GVISOR_SRC/vdso/vdso.cc" ] \
    || die "gVisor source not found under $GVISOR_SRC (golang-gvisor-gvisor-dev)"

  local tmp start
  tmp=$(mktemp -d /tmp/install-runsc.XXXXXX)
  # shellcheck disable=SC2064  # expand now: $tmp is local
  trap "rm -rf '$tmp'" EXIT
  start=$SECONDS

  # A private copy of the gVisor part of the GOPATH tree (we replace vdso.so there); /usr/share/gocode
  # stays untouched and supplies the dependencies as the second GOPATH entry. The first GOPATH entry
  # wins for gvisor.dev/gvisor.
  local gopath=$tmp/gopath src=$tmp/gopath/src/gvisor.dev/gvisor
  mkdir -p "$gopath/src/gvisor.dev"
  cp -a "$GVISOR_SRC" "$gopath/src/gvisor.dev/" || die "copying $GVISOR_SRC failed"
  chmod -R u+w "$src"

  log "building the VDSO"
  build_vdso "$src" "$tmp/vdso.so"
  install -m 0644 "$tmp/vdso.so" "$src/pkg/sentry/loader/vdsodata/vdso.so"

  # Offline GOPATH build. Every cache lives in $tmp and goes away with it. No -trimpath on purpose: it
  # makes Debian's precompiled standard library (GOROOT/pkg) stale, so ~100 more packages get compiled
  # (about +20 s CPU on 2 cores); the only cost is temp-dir paths in panic tracebacks. -s -w drop the
  # symbol/DWARF tables (~35 MB -> ~24 MB, shorter link), and since -w throws DWARF away anyway the
  # compiler is told not to generate it for the non-std packages (~10% less CPU; a std-wide pattern would
  # again make the precompiled std stale). main.version feeds `runsc --version` (else "VERSION_MISSING").
  local ver
  ver=$(dpkg-query -W -f='${Version}' golang-gvisor-gvisor-dev 2>/dev/null || echo unknown)
  log "building runsc from golang-gvisor-gvisor-dev $ver (1-2 min on 2 idle cores; log: $LOG)"
  (cd "$src" && env -u GOROOT \
      GO111MODULE=off GOPATH="$gopath:/usr/share/gocode" GOPROXY=off GOFLAGS="-p=$(nproc)" \
      CGO_ENABLED=0 GOOS=linux GOCACHE="$tmp/gocache" GOTMPDIR="$tmp" GOENV=off HOME="$tmp" \
      timeout 900 go build \
        -gcflags='gvisor.dev/...=-dwarf=false' -gcflags='github.com/...=-dwarf=false' \
        -gcflags='golang.org/x/...=-dwarf=false' -gcflags='google.golang.org/...=-dwarf=false' \
        -ldflags "-s -w -X main.version=release-${ver#0.0~}-debian" \
        -o "$tmp/runsc" ./runsc) >>"$LOG" 2>&1 \
    || die "go build ./runsc failed; see $LOG"

  timeout 20 "$tmp/runsc" --version >>"$LOG" 2>&1 || die "the freshly built runsc does not start; see $LOG"
  install -m 0755 "$tmp/runsc" "$RUNSC.new" && mv -f "$RUNSC.new" "$RUNSC" || die "cannot install $RUNSC"
  log "installed $RUNSC ($("$RUNSC" --version 2>/dev/null | head -n1)) in $((SECONDS - start)) s"
  rm -rf "$tmp"
  trap - EXIT
}

runsc_ok || build_runsc

# --- Register with the engine -----------------------------------------------------------------------------
rc=0
merge_daemon_json --check || rc=$?
case $rc in
  0) ;;
  1) merge_daemon_json || die "could not update $DAEMON_JSON"
     log "registered runtime runsc in $DAEMON_JSON" ;;
  *) exit 1 ;;  # the Python helper already printed the error
esac

pid=$(dockerd_pid || true)
if [ -z "$pid" ]; then
  log "dockerd is not running; runtime runsc will be available when it starts"
  exit 0
fi
if ! engine_has_runsc; then
  # dockerd re-reads daemon.json's runtimes on SIGHUP; no restart, running containers are unaffected.
  kill -HUP "$pid" || die "could not signal dockerd (pid $pid)"
  for _ in $(seq 1 40); do
    engine_has_runsc && break
    sleep 0.25
  done
  engine_has_runsc || die "dockerd (pid $pid) did not pick up runtime runsc after SIGHUP; see its log"
  log "dockerd reloaded: runtime runsc available"
fi
