import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot, toolPath } from './paths.js';

export interface ToolPaths {
  binDir: string;
  kubectl: string;
  helm: string;
  kustomize: string;
}

/** Builds (first time) or finds (every later time) the Go-built tools; progress goes to stderr. */
export function ensureTools(): ToolPaths {
  const out = execFileSync('bash', [join(repoRoot, 'infra', 'build', 'build-tools.sh')], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  const binDir = out.trim().split('\n').at(-1) ?? '';
  return { binDir, kubectl: toolPath('kubectl'), helm: toolPath('helm'), kustomize: toolPath('kustomize') };
}
