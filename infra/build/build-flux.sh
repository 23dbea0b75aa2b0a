#!/usr/bin/env bash
# Builds Flux's source-controller and kustomize-controller once per version into the cache, for the fleet
# benchmark, with their CRDs in one file beside them: $bin/flux-crds-<source>-<kustomize>.yaml.
# The versions are pinned twice: versions.env (the stamps) and flux/go.mod (the build); this checks they agree.
# usage: infra/build/build-flux.sh            (prints the bin directory on the last line)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=versions.env
source "$here/versions.env"
cache=${SLUICE_CACHE:-$HOME/.cache/sluice}
bin="$cache/bin"
mkdir -p "$bin"

command -v go >/dev/null 2>&1 || { echo "sluice: 'go' not found. Install Go 1.26 or newer (https://go.dev/dl), then run again." >&2; exit 1; }
export CGO_ENABLED=0 GOTOOLCHAIN=local GOFLAGS=-buildvcs=false
build_name=build-flux
# shellcheck source=build-steps.sh
source "$here/build-steps.sh"

build() { # build <name> <version>: github.com/fluxcd/<name> from the wrapper module
  built "$1" "$2" && return 0
  grep -qE "github.com/fluxcd/$1 v$2( |$)" "$here/flux/go.mod" ||
    { echo "sluice: infra/build/flux/go.mod does not require github.com/fluxcd/$1 v$2 (versions.env); run go get -tool there." >&2; exit 1; }
  timed "flux $1 v$2" bash -c "cd '$here/flux' && go build -trimpath -ldflags '-s -w' -o '$bin/$1' github.com/fluxcd/$1"
  stamp "$1" "$2"
}
build source-controller "$FLUX_SOURCE_CONTROLLER_VERSION"
build kustomize-controller "$FLUX_KUSTOMIZE_CONTROLLER_VERSION"

crds="$bin/flux-crds-$FLUX_SOURCE_CONTROLLER_VERSION-$FLUX_KUSTOMIZE_CONTROLLER_VERSION.yaml"
if [ ! -f "$crds" ]; then
  dir() { (cd "$here/flux" && go mod download -json "github.com/fluxcd/$1@v$2") | sed -n 's/.*"Dir": "\(.*\)".*/\1/p'; }
  src=$(dir source-controller "$FLUX_SOURCE_CONTROLLER_VERSION")
  kus=$(dir kustomize-controller "$FLUX_KUSTOMIZE_CONTROLLER_VERSION")
  for crd in "$src"/config/crd/bases/*.yaml "$kus"/config/crd/bases/*.yaml; do
    echo "---"; cat "$crd"
  done > "$crds.tmp"
  mv "$crds.tmp" "$crds"
fi

echo "$bin"
