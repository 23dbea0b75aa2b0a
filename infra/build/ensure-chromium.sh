#!/usr/bin/env bash
# Makes a headless-capable Chromium available for the browser tests (test/integration/ui/).
#   SLUICE_CHROMIUM=/path/to/chrome   use that binary, install nothing
#   otherwise: `chromium` (Debian's package) or `chromium-browser` on PATH; when neither is there and this is
#   a Debian/Ubuntu machine and we are root, `apt-get install chromium` (a few minutes, once).
# Idempotent: when Chromium is installed it returns in milliseconds.
# Prints progress on stderr and the Chromium binary's path as the last line of stdout; exits 1 with a message
# saying what to do when Chromium is missing and cannot be installed here.
set -euo pipefail
log() { echo "[ensure-chromium] $*" >&2; }

found() { # prints the first Chromium binary found, or nothing
  if [ -n "${SLUICE_CHROMIUM:-}" ]; then
    [ -x "$SLUICE_CHROMIUM" ] && echo "$SLUICE_CHROMIUM"
    return 0
  fi
  local name
  for name in chromium chromium-browser; do
    if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return 0; fi
  done
}

path=$(found)
if [ -n "$path" ]; then echo "$path"; exit 0; fi

if [ -n "${SLUICE_CHROMIUM:-}" ]; then
  log "SLUICE_CHROMIUM=$SLUICE_CHROMIUM is not an executable file; point it at a Chromium or Chrome binary, or unset it."
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  log "chromium not found and this machine has no apt-get. Install Chromium (or Chrome) with your package manager,"
  log "then run again, or set SLUICE_CHROMIUM=/path/to/chromium."
  exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
  log "chromium not found. Install it as root: sudo apt-get install -y --no-install-recommends chromium"
  log "then run again, or set SLUICE_CHROMIUM=/path/to/chromium."
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
start=$SECONDS
# Another test process may be installing at the same time: wait for dpkg's lock rather than fail.
lock=(-o DPkg::Lock::Timeout=600)
log "chromium not found; installing Debian's chromium package (first time only; this can take a few minutes)..."
log "apt-get update..."
if ! apt-get "${lock[@]}" update >&2; then
  log "apt-get update failed; check the machine's package mirrors (/etc/apt/sources.list*) or its network."
  exit 1
fi
log "apt-get install -y --no-install-recommends chromium..."
if ! apt-get "${lock[@]}" install -y --no-install-recommends chromium >&2; then
  log "apt-get install chromium failed (see above). Install Chromium yourself, or set SLUICE_CHROMIUM=/path/to/chromium."
  exit 1
fi
path=$(found)
if [ -z "$path" ]; then
  log "the chromium package installed, yet no chromium command is on PATH ($PATH)."
  exit 1
fi
log "installed $("$path" --version 2>/dev/null || echo chromium) in $((SECONDS - start))s"
echo "$path"
