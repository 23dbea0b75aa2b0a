#!/usr/bin/env bash
# Builds the render-tools Lambda layer: helm and kustomize (versions from versions.env), sluice-appset-template and sluice-jsonnet, cross-compiled for
# Lambda's linux/arm64, static (CGO_ENABLED=0), stripped. Binaries are cached once per version under
#   ${SLUICE_CACHE:-~/.cache/sluice}/layer/helm-<v>_kustomize-<v>_linux-arm64/bin
# and copied (hard-linked when the cache is on the same file system) into .layers/render-tools/bin, which
# serverless.yml packages as the layer `renderTools`; on Lambda they are /opt/bin/helm, /opt/bin/kustomize, /opt/bin/sluice-jsonnet.
# The first run compiles (several minutes on 2 cores); later runs find the cache and take well under a second.
# usage: infra/build/build-layer.sh     (progress on stderr; the layer's bin directory on the last stdout line)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
# shellcheck source=versions.env
source "$here/versions.env"
# shellcheck source=release-ldflags.sh
source "$here/release-ldflags.sh"

goos=linux goarch=arm64
cache=${SLUICE_CACHE:-$HOME/.cache/sluice}
built_dir="$cache/layer/helm-${HELM_VERSION}_kustomize-${KUSTOMIZE_VERSION}_${goos}-${goarch}/bin"
layer_dir="$root/.layers/render-tools"
log() { echo "[build-layer] $*" >&2; }
export GOTOOLCHAIN=local
need_go() {
  command -v go >/dev/null 2>&1 || { echo "sluice: 'go' not found. Install Go 1.26 or newer (https://go.dev/dl), then run again." >&2; exit 1; }
}
module_dir() { # module_dir <module@version>: its folder in the module cache, downloading it if needed
  need_go
  go mod download -json "$1" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p'
}

# A complete, cached binary has a stamp beside it (written only after the build succeeded).
cached() { [ -f "$built_dir/.$1-$2" ] && [ -x "$built_dir/$1" ]; }

build() { # build <name> <version> <module@version> <package dir in the module> <ldflags>
  local name=$1 version=$2 module=$3 pkg=$4 ldflags=$5 start=$SECONDS dir
  if cached "$name" "$version"; then log "$name v$version ($goos/$goarch): cached"; return 0; fi
  log "building $name v$version for $goos/$goarch (first time only; this can take several minutes)..."
  # Build inside the module as released (its own go.mod and go.sum), as `go install module@version` would;
  # go install refuses to cross-compile into a GOBIN, so use go build -o.
  dir=$(module_dir "$module")
  [ -n "$dir" ] && [ -d "$dir" ] || { echo "sluice: could not download $module (go mod download)" >&2; exit 1; }
  mkdir -p "$built_dir"
  (cd "$dir" && GOOS=$goos GOARCH=$goarch CGO_ENABLED=0 GOFLAGS="-buildvcs=false -mod=readonly" \
    go build -trimpath -ldflags "$ldflags" -o "$built_dir/$name.partial" "$pkg")
  is_arm64_elf "$built_dir/$name.partial" || { echo "sluice: $built_dir/$name.partial is not a linux/arm64 executable" >&2; exit 1; }
  mv -f "$built_dir/$name.partial" "$built_dir/$name"
  touch "$built_dir/.$name-$version"
  log "built $name v$version in $((SECONDS - start))s ($(du -h "$built_dir/$name" | cut -f1))"
}

is_arm64_elf() { # ELF magic, and e_machine (offset 18, little-endian) = 183 (EM_AARCH64)
  [ "$(od -An -tx1 -N4 "$1" | tr -d ' \n')" = 7f454c46 ] && [ "$(od -An -tu2 -j18 -N2 "$1" | tr -d ' \n')" = 183 ]
}

# Release linker flags (release-ldflags.sh), so the layer behaves like the release binaries.
helm_ldflags=""
cached helm "$HELM_VERSION" || helm_ldflags=$(helm_release_ldflags "$HELM_VERSION")
build helm "$HELM_VERSION" "helm.sh/helm/v3@v$HELM_VERSION" ./cmd/helm "$helm_ldflags"
build kustomize "$KUSTOMIZE_VERSION" "sigs.k8s.io/kustomize/kustomize/v5@v$KUSTOMIZE_VERSION" . "$(kustomize_release_ldflags "$KUSTOMIZE_VERSION")"

# Sluice's ApplicationSet Go template renderer (infra/build/appset-template), versioned by its sources.
appset_version=$(cat "$here/appset-template/go.mod" "$here/appset-template/go.sum" "$here/appset-template/main.go" | sha256sum | cut -c1-12)
if cached sluice-appset-template "$appset_version"; then
  log "sluice-appset-template $appset_version ($goos/$goarch): cached"
else
  need_go
  mkdir -p "$built_dir"
  (cd "$here/appset-template" && GOOS=$goos GOARCH=$goarch CGO_ENABLED=0 GOFLAGS="-buildvcs=false -mod=readonly" \
    go build -trimpath -ldflags '-s -w' -o "$built_dir/sluice-appset-template.partial" .)
  is_arm64_elf "$built_dir/sluice-appset-template.partial" || { echo "sluice: sluice-appset-template is not a linux/arm64 executable" >&2; exit 1; }
  mv -f "$built_dir/sluice-appset-template.partial" "$built_dir/sluice-appset-template"
  touch "$built_dir/.sluice-appset-template-$appset_version"
  log "built sluice-appset-template $appset_version"
fi

# Sluice's Jsonnet evaluator (infra/build/jsonnet: go-jsonnet at JSONNET_VERSION, imports confined to the source).
jsonnet_version=$JSONNET_VERSION-$(cat "$here/jsonnet/go.mod" "$here/jsonnet/go.sum" "$here/jsonnet/main.go" | sha256sum | cut -c1-12)
if cached sluice-jsonnet "$jsonnet_version"; then
  log "sluice-jsonnet $jsonnet_version ($goos/$goarch): cached"
else
  need_go
  grep -q "github.com/google/go-jsonnet v$JSONNET_VERSION\$" "$here/jsonnet/go.mod" || {
    echo "sluice: infra/build/jsonnet/go.mod does not require go-jsonnet v$JSONNET_VERSION (versions.env)" >&2; exit 1; }
  mkdir -p "$built_dir"
  (cd "$here/jsonnet" && GOOS=$goos GOARCH=$goarch CGO_ENABLED=0 GOFLAGS="-buildvcs=false -mod=readonly" \
    go build -trimpath -ldflags '-s -w' -o "$built_dir/sluice-jsonnet.partial" .)
  is_arm64_elf "$built_dir/sluice-jsonnet.partial" || { echo "sluice: sluice-jsonnet is not a linux/arm64 executable" >&2; exit 1; }
  mv -f "$built_dir/sluice-jsonnet.partial" "$built_dir/sluice-jsonnet"
  touch "$built_dir/.sluice-jsonnet-$jsonnet_version"
  log "built sluice-jsonnet $jsonnet_version"
fi

# Place them in the layer folder; nothing else goes in it (stale files from other versions are removed).
mkdir -p "$layer_dir/bin"
# .layers/ is build output: keep it out of git without touching the repository's .gitignore.
[ -f "$root/.layers/.gitignore" ] || printf '# build output of infra/build/build-layer.sh\n*\n' >"$root/.layers/.gitignore"
for file in "$layer_dir/bin"/* "$layer_dir/bin"/.[!.]*; do
  [ -e "$file" ] || continue
  case "$(basename "$file")" in helm | kustomize | sluice-appset-template | sluice-jsonnet) ;; *) rm -rf "$file" ;; esac
done
for name in helm kustomize sluice-appset-template sluice-jsonnet; do
  src="$built_dir/$name" dst="$layer_dir/bin/$name"
  if [ -f "$dst" ] && cmp -s "$src" "$dst"; then continue; fi
  rm -f "$dst"
  ln "$src" "$dst" 2>/dev/null || cp -p "$src" "$dst"
  chmod 0755 "$dst"
  log "placed $name in ${dst#"$root"/}"
done
log "layer ready: ${layer_dir#"$root"/} (helm v$HELM_VERSION, kustomize v$KUSTOMIZE_VERSION, $goos/$goarch)"
echo "$layer_dir/bin"
