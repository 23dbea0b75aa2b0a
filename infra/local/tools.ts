import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, toolPath } from './paths.js';

export interface ToolPaths {
  binDir: string;
  kubectl: string;
  helm: string;
  kustomize: string;
  /** sluice-jsonnet (infra/build/jsonnet): go-jsonnet with imports confined to the source. */
  jsonnet: string;
  /** kwok's stage definitions for fake nodes and pods, installed by the build. */
  kwokStages: string;
}

/** The pinned versions from infra/build/versions.env, e.g. `{ KWOK_VERSION: '0.8.0', ... }`. */
export function pinnedVersions(): Record<string, string> {
  const text = readFileSync(join(repoRoot, 'infra', 'build', 'versions.env'), 'utf8');
  return Object.fromEntries([...text.matchAll(/^([A-Z_]+)=(\S+)$/gm)].map((m) => [m[1], m[2]]));
}

/** Builds (first time) or finds (every later time) the Go-built tools; progress goes to stderr. */
export function ensureTools(): ToolPaths {
  const out = execFileSync('bash', [join(repoRoot, 'infra', 'build', 'build-tools.sh')], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  const binDir = out.trim().split('\n').at(-1) ?? '';
  return {
    binDir, kubectl: toolPath('kubectl'), helm: toolPath('helm'), kustomize: toolPath('kustomize'), jsonnet: toolPath('sluice-jsonnet'),
    kwokStages: toolPath(`kwok-stages-${pinnedVersions().KWOK_VERSION}.yaml`),
  };
}
