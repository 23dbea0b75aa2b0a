#!/usr/bin/env bash
# Builds the real services Sluice is tested against, once per version, into a cache:
#   etcd, kube-apiserver, kube-controller-manager, kube-scheduler, kubectl, kwok, helm, kustomize, registry (the CNCF
#   distribution registry: an OCI registry for Helm charts in tests), and sluice-jsonnet (infra/build/jsonnet:
#   go-jsonnet with imports confined to the source).
# A second run finds every stamp and returns in well under a second.
# usage: infra/build/build-tools.sh            (prints the bin directory on the last line)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=versions.env
source "$here/versions.env"
# shellcheck source=release-ldflags.sh
source "$here/release-ldflags.sh"
cache=${SLUICE_CACHE:-$HOME/.cache/sluice}
bin="$cache/bin"
mkdir -p "$bin"

need() { # need <command> <what to install>
  command -v "$1" >/dev/null 2>&1 || { echo "sluice: '$1' not found. Install $2, then run again." >&2; exit 1; }
}
need go "Go 1.26 or newer (https://go.dev/dl)"
need git "git"
go_minor=$(go env GOVERSION | sed -E 's/^go1\.([0-9]+).*/\1/')
[ "$go_minor" -ge 26 ] || { echo "sluice: Go $(go env GOVERSION) is too old; install Go 1.26 or newer." >&2; exit 1; }

export CGO_ENABLED=0 GOTOOLCHAIN=local GOFLAGS=-buildvcs=false
build_name=build-tools
# shellcheck source=build-steps.sh
source "$here/build-steps.sh"

if ! built kube "$KUBERNETES_VERSION"; then
  minor=${KUBERNETES_VERSION#*.}; minor=${minor%%.*}
  ldflags="-s -w -X k8s.io/component-base/version.gitVersion=v$KUBERNETES_VERSION \
-X k8s.io/component-base/version.gitMajor=1 -X k8s.io/component-base/version.gitMinor=$minor \
-X k8s.io/component-base/version.gitTreeState=clean \
-X k8s.io/component-base/version.buildDate=1970-01-01T00:00:00Z"
  timed "kubernetes v$KUBERNETES_VERSION (kube-apiserver, kube-controller-manager, kube-scheduler, kubectl)" \
    bash -c "cd '$here/kube' && go build -trimpath -ldflags '$ldflags' -o '$bin/' \
      k8s.io/kubernetes/cmd/kube-apiserver k8s.io/kubernetes/cmd/kube-controller-manager \
      k8s.io/kubernetes/cmd/kube-scheduler k8s.io/kubernetes/cmd/kubectl"
  stamp kube "$KUBERNETES_VERSION"
fi

if ! built etcd "$ETCD_VERSION"; then
  timed "etcd v$ETCD_VERSION" bash -c "cd '$here/etcd' && go build -trimpath -ldflags '-s -w' -o '$bin/etcd' go.etcd.io/etcd/server/v3"
  stamp etcd "$ETCD_VERSION"
fi

go_install() { # go_install <name> <version> <package@version> [ldflags]
  built "$1" "$2" && return 0
  timed "$1 v$2" env GOBIN="$bin" go install -trimpath -ldflags "${4:--s -w}" "$3"
  stamp "$1" "$2"
}
go_install registry "$DISTRIBUTION_VERSION" "github.com/distribution/distribution/v3/cmd/registry@v$DISTRIBUTION_VERSION"
go_install kwok "$KWOK_VERSION" "sigs.k8s.io/kwok/cmd/kwok@v$KWOK_VERSION"
# kwok run on its own has no stages: install the ones its module ships (node initialise and heartbeat,
# pod ready, complete and delete) beside the binary, so fake Pods become Ready and Job Pods complete.
if ! built kwok-stages "$KWOK_VERSION"; then
  kwok_dir=$(go mod download -json "sigs.k8s.io/kwok@v$KWOK_VERSION" | sed -n 's/.*"Dir": "\(.*\)".*/\1/p')
  for stage in "$kwok_dir"/kustomize/stage/node/fast/*.yaml "$kwok_dir"/kustomize/stage/node/heartbeat/*.yaml \
    "$kwok_dir"/kustomize/stage/pod/fast/*.yaml; do
    case "$stage" in */kustomization.yaml) continue ;; esac
    echo "---"; cat "$stage"
  done > "$bin/kwok-stages-$KWOK_VERSION.yaml"
  stamp kwok-stages "$KWOK_VERSION"
fi
# Built with their release linker flags, like the Lambda layer (build-layer.sh), so both render alike.
built helm "$HELM_VERSION-release" || go_install helm "$HELM_VERSION-release" "helm.sh/helm/v3/cmd/helm@v$HELM_VERSION" "$(helm_release_ldflags "$HELM_VERSION")"
built kustomize "$KUSTOMIZE_VERSION-release" || go_install kustomize "$KUSTOMIZE_VERSION-release" "sigs.k8s.io/kustomize/kustomize/v5@v$KUSTOMIZE_VERSION" "$(kustomize_release_ldflags "$KUSTOMIZE_VERSION")"

# Sluice's own Go template renderer for ApplicationSets (goTemplate: true), versioned by its sources.
appset_version=$(cat "$here/appset-template/go.mod" "$here/appset-template/go.sum" "$here/appset-template/main.go" | sha256sum | cut -c1-12)
if ! built sluice-appset-template "$appset_version"; then
  timed "sluice-appset-template ($appset_version)" bash -c "cd '$here/appset-template' && GOFLAGS='-buildvcs=false -mod=readonly' go build -trimpath -ldflags '-s -w' -o '$bin/sluice-appset-template' ."
  stamp sluice-appset-template "$appset_version"
fi

# Sluice's Jsonnet evaluator (infra/build/jsonnet): go-jsonnet at JSONNET_VERSION, imports confined to the source.
jsonnet_version=$JSONNET_VERSION-$(cat "$here/jsonnet/go.mod" "$here/jsonnet/go.sum" "$here/jsonnet/main.go" | sha256sum | cut -c1-12)
if ! built sluice-jsonnet "$jsonnet_version"; then
  grep -q "github.com/google/go-jsonnet v$JSONNET_VERSION\$" "$here/jsonnet/go.mod" || {
    echo "sluice: infra/build/jsonnet/go.mod does not require go-jsonnet v$JSONNET_VERSION (versions.env); run 'go get github.com/google/go-jsonnet@v$JSONNET_VERSION' there" >&2; exit 1; }
  timed "sluice-jsonnet ($jsonnet_version)" bash -c "cd '$here/jsonnet' && GOFLAGS='-buildvcs=false -mod=readonly' go build -trimpath -ldflags '-s -w' -o '$bin/sluice-jsonnet' ."
  stamp sluice-jsonnet "$jsonnet_version"
fi

echo "$bin"
