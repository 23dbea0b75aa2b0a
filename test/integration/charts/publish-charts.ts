import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stack } from '../../harness/stack.js';

const helm = (...args: string[]) => execFileSync(stack.tools.helm, args, {
  encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
  env: { ...process.env, HELM_CONFIG_HOME: join(stack.runDir, 'helm-config'), HELM_CACHE_HOME: join(stack.runDir, 'helm-cache') },
});

const configMapTemplate = `apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ .Release.Name }}-{{ .Chart.Name }}
data:
  chartVersion: {{ .Chart.Version | quote }}
  greeting: {{ .Values.greeting | quote }}
  namespace: {{ .Release.Namespace | quote }}
  kubeVersion: {{ .Capabilities.KubeVersion.Version | quote }}
`;

export interface ChartSpec {
  name: string;
  version: string;
  dependencies?: Array<{ name: string; version: string; repository: string }>;
}

/** `helm package` of a small chart whose one ConfigMap tells its version, values and capabilities; returns the archive. */
export function packageChart(spec: ChartSpec, outDir: string): string {
  const dir = join(mkdtempSync(join(stack.runDir, 'chart-src-')), spec.name);
  mkdirSync(join(dir, 'templates'), { recursive: true });
  const deps = spec.dependencies?.length ? `dependencies:\n${spec.dependencies.map((d) => `  - name: ${d.name}\n    version: "${d.version}"\n    repository: ${d.repository}\n`).join('')}` : '';
  writeFileSync(join(dir, 'Chart.yaml'), `apiVersion: v2\nname: ${spec.name}\nversion: ${spec.version}\n${deps}`);
  writeFileSync(join(dir, 'values.yaml'), `greeting: hello from ${spec.version}\n`);
  writeFileSync(join(dir, 'templates', 'configmap.yaml'), configMapTemplate);
  mkdirSync(outDir, { recursive: true });
  helm('package', '--destination', outDir, dir);
  return join(outDir, `${spec.name}-${spec.version}.tgz`);
}

/** Publishes archives to the stack's Helm repository (`helm repo index`). */
export function publishToHelmRepo(archives: string[]): void {
  for (const archive of archives) copyFileSync(archive, join(stack.charts.helmRepoDir, archive.split('/').at(-1)!));
  helm('repo', 'index', '--url', stack.charts.helmRepoUrl, stack.charts.helmRepoDir);
}

/** `helm push` to one of the stack's registries, under `charts/`. */
export function pushToRegistry(archive: string, registry: string, auth?: { username: string; password: string }): void {
  helm('push', '--plain-http', ...(auth ? ['--username', auth.username, '--password', auth.password] : []), archive, `oci://${registry}/charts`);
}
