# Shared by the build scripts (sourced): stamps in the cache's bin directory and timed, logged steps.
# Needs $bin (the bin directory) and $build_name (the log prefix) set first.

log() { echo "[$build_name] $*" >&2; }

# built <name> <version>: true when that version is already in the cache
built() { [ -f "$bin/.$1-$2" ]; }
stamp() { touch "$bin/.$1-$2"; }

timed() { # timed <name> <command...>
  local start=$SECONDS
  log "building $1 (first time only; this can take several minutes)..."
  "${@:2}"
  log "built $1 in $((SECONDS - start))s"
}

# One build at a time per cache: parallel test runs (or `npm start` beside `npm test`) wait for the first to
# finish, then find its stamps, instead of writing the same binaries at once.
if command -v flock >/dev/null 2>&1; then
  exec 9>"$bin/.$build_name.lock"
  flock 9 || true
fi
