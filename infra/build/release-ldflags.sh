# Sourced by build-tools.sh and build-layer.sh: linker flags that make helm and kustomize built from source
# behave like their release binaries, so local runs, tests and the Lambda layer render alike.

# helm: the version it reports, and the default Kubernetes version of `helm template` (one past client-go's
# major, client-go's minor), as helm's release Makefile sets them.
helm_release_ldflags() { # helm_release_ldflags <version>
  local flags="-s -w -X helm.sh/helm/v3/internal/version.version=v$1 -X helm.sh/helm/v3/internal/version.metadata="
  local dir client_go cg_major cg_minor var
  dir=$(go mod download -json "helm.sh/helm/v3@v$1" | sed -n 's/.*"Dir": "\(.*\)".*/\1/p')
  client_go=$(sed -n 's/^[[:space:]]*k8s\.io\/client-go v\([0-9]*\)\.\([0-9]*\)\..*/\1 \2/p' "$dir/go.mod" | head -n1)
  if [ -n "$client_go" ]; then
    read -r cg_major cg_minor <<<"$client_go"
    for var in helm.sh/helm/v3/pkg/lint/rules helm.sh/helm/v3/pkg/chartutil; do
      flags+=" -X $var.k8sVersionMajor=$((cg_major + 1)) -X $var.k8sVersionMinor=$cg_minor"
    done
  fi
  echo "$flags"
}

# kustomize: the version string its releases carry (`kustomize version` prints v<version>).
kustomize_release_ldflags() { # kustomize_release_ldflags <version>
  echo "-s -w -X sigs.k8s.io/kustomize/api/provenance.version=kustomize/v$1 -X sigs.k8s.io/kustomize/api/provenance.buildDate=1970-01-01T00:00:00Z"
}
