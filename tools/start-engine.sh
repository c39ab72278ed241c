#!/usr/bin/env bash
# Installs (when missing) and starts a real Docker engine on Debian without systemd, with crun registered as a
# second runtime. Idempotent and quiet when everything is already there. Needs root.
# Used by .ci/run and by `run.ps1 -Setup` on Linux.
set -euo pipefail

log() { printf 'start-engine: %s\n' "$*" >&2; }
die() { printf 'start-engine: error: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || die "must run as root (try: sudo $0)"

need=()
command -v dockerd >/dev/null 2>&1 || need+=(docker.io)
command -v crun >/dev/null 2>&1 || need+=(crun)
# NativeAOT (the probe) links statically with clang + lld.
command -v clang >/dev/null 2>&1 || need+=(clang)
command -v ld.lld >/dev/null 2>&1 || need+=(lld)
# Building the guest base image without a registry.
command -v debootstrap >/dev/null 2>&1 || need+=(debootstrap)
# The io workload's cross-check runs fio on the host baseline too (the guest image has its own).
command -v fio >/dev/null 2>&1 || need+=(fio)
# The network workload's cross-check runs iperf3 on the host baseline too (the guest image has its own).
command -v iperf3 >/dev/null 2>&1 || need+=(iperf3)
# The engine-fault and TLS tests give their private dockerd its own bridge interface (ip link add … type bridge).
command -v ip >/dev/null 2>&1 || need+=(iproute2)
if [ ${#need[@]} -gt 0 ]; then
  log "installing ${need[*]}"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null 2>&1 \
    || die "apt-get install ${need[*]} failed; run it by hand to see why"
fi

# On a cgroup v1 host (/sys/fs/cgroup is a tmpfs of per-controller mounts), controllers the kernel left on the
# v2 "unified" hierarchy (hugetlb here) make crun refuse to start ("cgroups in hybrid mode not supported"):
# mount each of them as a v1 hierarchy of its own, as systemd would. runc does not care either way.
if [ "$(stat -f -c %T /sys/fs/cgroup 2>/dev/null)" = tmpfs ] && [ -r /sys/fs/cgroup/unified/cgroup.controllers ]; then
  for c in $(cat /sys/fs/cgroup/unified/cgroup.controllers); do
    mountpoint -q "/sys/fs/cgroup/$c" && continue
    mkdir -p "/sys/fs/cgroup/$c"
    mount -t cgroup -o "$c" cgroup "/sys/fs/cgroup/$c" 2>/dev/null && log "mounted cgroup v1 controller $c (crun needs it)" \
      || log "warning: could not mount cgroup controller $c; crun may refuse to start"
  done
fi

# Register crun beside the default runc, keeping whatever else daemon.json holds (runsc is added by install-runsc.sh).
mkdir -p /etc/docker
python3 - <<'PY'
import json, os, shutil
path = "/etc/docker/daemon.json"
cfg = {}
if os.path.exists(path):
    with open(path) as f:
        text = f.read().strip()
    cfg = json.loads(text) if text else {}
runtimes = cfg.setdefault("runtimes", {})
crun = shutil.which("crun")
if crun and runtimes.get("crun", {}).get("path") != crun:
    runtimes["crun"] = {"path": crun}
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        json.dump(cfg, f, indent=2)
    os.replace(tmp, path)

PY

engine_up() { docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }

if engine_up; then
  # Already running: make it re-read daemon.json (runtimes are reloaded on SIGHUP).
  pkill -HUP -x dockerd 2>/dev/null || true
else
  log "starting dockerd"
  mkdir -p /var/log
  nohup dockerd >/var/log/dockerd.log 2>&1 &
  for _ in $(seq 1 60); do
    engine_up && break
    sleep 0.5
  done
  engine_up || die "dockerd did not answer within 30 s; see /var/log/dockerd.log"
fi
log "engine $(docker version --format '{{.Server.Version}}') up; runtimes: $(docker info --format '{{range $k, $v := .Runtimes}}{{$k}} {{end}}')"
